/*
 * page_srchilite: the C face of GNU source-highlight's library (C++,
 * behind this API in page_srchilite.cpp).  It splits code into the
 * library's elements ("keyword", "string", "comment", ...) line by line;
 * page_highlight.c maps them to Chroma's token types and writes the HTML.
 *
 * A language definition (a .lang file of Debian's libsource-highlight-
 * common) is read on its first use in the process and kept: requests
 * never parse one again.
 */

#ifndef PAGE_SRCHILITE_H
#define PAGE_SRCHILITE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Where Debian installs the .lang files. */
#ifndef PAGE_SRCHILITE_DATADIR
#define PAGE_SRCHILITE_DATADIR  "/usr/share/source-highlight"
#endif

/*
 * Called for each element's text, in order, within one line (never with
 * a newline); elem is the index of its name in the list given to
 * page_srchilite_run, or -1 for one not in it ("normal" text).
 */
typedef void (*page_srchilite_token_pt)(void *ctx, int elem, const char *s,
    size_t len);

/* Called at the end of each line; newline: the line ended with '\n'. */
typedef void (*page_srchilite_eol_pt)(void *ctx, int newline);

/*
 * Highlights code (len bytes; lines split at '\n', a last line without
 * one included) with the language definition file langfile ("go.lang").
 * elems[0..nelems) names the elements reported by index.  Returns 0, or
 * -1 when the definition cannot be read or the library failed on the
 * code (an exception; the callbacks may have been called for some lines).
 */
int page_srchilite_run(const char *langfile, const char *const *elems,
    size_t nelems, const char *code, size_t len,
    page_srchilite_token_pt token, page_srchilite_eol_pt eol, void *ctx);

/* Free the language definitions, when the process exits. */
void page_srchilite_exit(void);

#ifdef __cplusplus
}
#endif

#endif /* PAGE_SRCHILITE_H */
