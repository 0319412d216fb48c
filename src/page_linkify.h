/*
 * page_linkify: bare URLs and e-mail addresses in Markdown text, found by
 * the rules of goldmark's linkify extension as Hugo 0.111.3 runs it
 * (goldmark 1.5.4), in time linear in the text.  page_html decides where
 * a match may start (goldmark's trigger positions) and writes the link;
 * this file only measures one.
 */

#ifndef PAGE_LINKIFY_H
#define PAGE_LINKIFY_H

#include <stddef.h>

typedef enum {
    PAGE_LINKIFY_NONE = 0,
    PAGE_LINKIFY_URL,           /* http://, https://, ftp:// as written */
    PAGE_LINKIFY_WWW,           /* www.: Hugo links it with https:// */
    PAGE_LINKIFY_EMAIL          /* linked with mailto: */
} page_linkify_kind_t;

/*
 * What the last e-mail scan found, so that the scans from the many
 * places a match may start in one run of text cost linear time together:
 * every start inside a run of local-part characters ends at the same
 * byte, and shares the '@' and the domain after it.
 */
typedef struct {
    const char  *text;          /* the text scanned, NULL: nothing known */
    size_t       from;          /* a run of local-part bytes from here */
    size_t       to;            /* ends here, */
    size_t       limit;         /* scanned with this limit; */
    size_t       end;           /* the address's end, 0 if there is none */
} page_linkify_cache_t;

void page_linkify_cache_init(page_linkify_cache_t *c);

/*
 * The link that starts at s[start]: its end (after goldmark's trimming
 * of trailing punctuation and unbalanced ")"), or 0 when none does.  The
 * match may not reach past s[limit]; s[0..len) is the whole text, read
 * beyond limit only for the byte that may forbid an e-mail address.
 */
size_t page_linkify_match(const char *s, size_t len, size_t start,
    size_t limit, page_linkify_cache_t *cache, page_linkify_kind_t *kind);

#endif /* PAGE_LINKIFY_H */
