/*
 * page_buf: a growable byte buffer backed by the render arena.  Output of
 * every stage is built in one of these.  A buffer that cannot grow (out of
 * memory, or past its limit) remembers the failure; callers check
 * page_buf_failed() once at the end instead of after every append.
 */

#ifndef PAGE_BUF_H
#define PAGE_BUF_H

#include <stddef.h>
#include <stdint.h>

#include "page_arena.h"

typedef struct {
    char          *data;
    size_t         len;
    size_t         cap;
    size_t         limit;   /* 0: none; otherwise largest len allowed */
    int            failed;  /* set once an append could not be done */
    page_arena_t  *arena;
} page_buf_t;

void page_buf_init(page_buf_t *b, page_arena_t *arena, size_t limit);
int page_buf_reserve(page_buf_t *b, size_t extra);
void page_buf_append(page_buf_t *b, const char *s, size_t len);
void page_buf_puts(page_buf_t *b, const char *s);
void page_buf_putc(page_buf_t *b, char c);
/*
 * Make room for about n more bytes, as a hint: a buffer that will hold
 * them grows once instead of doubling its way there (and leaving each
 * smaller copy behind in the arena).  Never marks the buffer failed.
 */
void page_buf_hint(page_buf_t *b, size_t n);
void page_buf_printf(page_buf_t *b, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Decimal digits of n: a hot path's alternative to page_buf_printf. */
void page_buf_put_uint(page_buf_t *b, uint64_t n);
/* HTML text and attribute escaping: & < > " ' */
void page_buf_append_html(page_buf_t *b, const char *s, size_t len);
/* NUL-terminate (not counted in len); returns data or NULL on failure. */
char *page_buf_cstr(page_buf_t *b);

#define page_buf_failed(b)  ((b)->failed)

#endif /* PAGE_BUF_H */
