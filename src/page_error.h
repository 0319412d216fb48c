/*
 * page_error: how the core reports a failure.  Every error names the file,
 * line and column it is about and says what was expected, in one line:
 * "path:line:col: message", control characters escaped (\n) whatever the
 * message quotes.  The first error wins; later ones are ignored,
 * so a stage can report the precise cause and its callers just fail.
 */

#ifndef PAGE_ERROR_H
#define PAGE_ERROR_H

#include <stddef.h>

/* Longest error line we keep: enough for a long path and a message. */
#define PAGE_ERROR_MAX  1024

typedef enum {
    PAGE_OK = 0,
    PAGE_ERR_CONTENT,       /* the content file is wrong: its author's fix */
    PAGE_ERR_TEMPLATE,      /* a template failed while executing */
    PAGE_ERR_LIMIT,         /* a named limit was hit */
    PAGE_ERR_NOMEM,         /* out of memory */
    PAGE_HIDDEN             /* not an error: the page is not published
                               (a draft, future or expired); msg says why */
} page_status_t;

typedef struct {
    page_status_t  status;
    unsigned       line;
    unsigned       col;
    char           msg[PAGE_ERROR_MAX];     /* the whole line */
} page_error_t;

void page_error_init(page_error_t *err);
/* Sets the error once; line 0 leaves out line and column. */
void page_error_set(page_error_t *err, page_status_t status,
    const char *path, unsigned line, unsigned col, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 6, 7)))
#endif
    ;
/* Add to the line page_error_set() made (the same escaping). */
void page_error_append(page_error_t *err, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void page_error_nomem(page_error_t *err, const char *path);
/*
 * s (len bytes) as an error line shows it, into dst (size bytes, NUL
 * included): control characters as \n, \r, \t, \xNN.  Returns the
 * length written; an escape that does not fit is left out whole.  The
 * servers' glue uses it for what it logs itself (a request's URI).
 */
size_t page_error_escape(char *dst, size_t size, const char *s, size_t len);

#endif /* PAGE_ERROR_H */
