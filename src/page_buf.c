/*
 * page_buf: growable byte buffer in the render arena.
 */

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "page_buf.h"


void
page_buf_init(page_buf_t *b, page_arena_t *arena, size_t limit)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->limit = limit;
    b->failed = 0;
    b->arena = arena;
}


int
page_buf_reserve(page_buf_t *b, size_t extra)
{
    size_t   need, cap;
    char    *p;

    if (b->failed) {
        return -1;
    }

    if (extra > SIZE_MAX / 4 - b->len) {
        b->failed = 1;
        return -1;
    }

    need = b->len + extra + 1;          /* room for a terminating NUL */

    if (b->limit && need - 1 > b->limit) {
        b->failed = 1;
        return -1;
    }

    if (need <= b->cap) {
        return 0;
    }

    cap = b->cap ? b->cap : 256;
    while (cap < need) {
        cap *= 2;
    }

    /* the latest allocation grows where it is: no copy */
    if (b->data != NULL
        && page_arena_extend(b->arena, b->data, b->cap, cap) == 0)
    {
        b->cap = cap;
        return 0;
    }

    p = page_arena_realloc(b->arena, b->data, b->len, cap);
    if (p == NULL) {
        b->failed = 1;
        return -1;
    }

    b->data = p;
    b->cap = cap;

    return 0;
}


/*
 * The fast paths below take only room page_buf_reserve() would grant
 * without growing: not failed, within the limit, len + n + 1 (for the
 * NUL) within cap.
 */
#define page_buf_room(b, n)                                                  \
    (!(b)->failed && (b)->cap > (b)->len && (n) < (b)->cap - (b)->len        \
     && ((b)->limit == 0                                                     \
         || ((b)->len <= (b)->limit && (n) <= (b)->limit - (b)->len)))


void
page_buf_hint(page_buf_t *b, size_t n)
{
    if (b->failed || (b->limit && (b->len > b->limit
                                   || n > b->limit - b->len)))
    {
        return;
    }

    if (page_buf_reserve(b, n) != 0) {
        b->failed = 0;      /* nothing was lost: appends will try again */
    }
}


void
page_buf_append(page_buf_t *b, const char *s, size_t len)
{
    if (len == 0) {
        return;
    }

    if (page_buf_room(b, len)) {
        memcpy(b->data + b->len, s, len);
        b->len += len;
        return;
    }

    if (page_buf_reserve(b, len) != 0) {
        return;
    }

    memcpy(b->data + b->len, s, len);
    b->len += len;
}


void
page_buf_puts(page_buf_t *b, const char *s)
{
    page_buf_append(b, s, strlen(s));
}


void
page_buf_putc(page_buf_t *b, char c)
{
    if (page_buf_room(b, 1)) {
        b->data[b->len++] = c;
        return;
    }

    if (page_buf_reserve(b, 1) != 0) {
        return;
    }

    b->data[b->len++] = c;
}


void
page_buf_printf(page_buf_t *b, const char *fmt, ...)
{
    int      n;
    va_list  ap;

    /* most output fits in the room left: one pass, not two */
    if (!b->failed && b->cap > b->len) {
        va_start(ap, fmt);
        n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);

        if (n <= 0) {
            return;
        }

        if ((size_t) n < b->cap - b->len
            && (b->limit == 0 || (size_t) n <= b->limit - b->len))
        {
            b->len += (size_t) n;
            return;
        }
    }

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);

    if (n <= 0 || page_buf_reserve(b, (size_t) n) != 0) {
        return;
    }

    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t) n + 1, fmt, ap);
    va_end(ap);

    b->len += (size_t) n;
}


void
page_buf_put_uint(page_buf_t *b, uint64_t n)
{
    char   digits[20], *p;

    p = digits + sizeof(digits);

    do {
        *--p = (char) ('0' + n % 10);
        n /= 10;
    } while (n != 0);

    page_buf_append(b, p, (size_t) (digits + sizeof(digits) - p));
}


void
page_buf_append_html(page_buf_t *b, const char *s, size_t len)
{
    size_t       i, start;
    const char  *rep;

    start = 0;

    for (i = 0; i < len; i++) {
        switch (s[i]) {
        case '&':  rep = "&amp;";  break;
        case '<':  rep = "&lt;";   break;
        case '>':  rep = "&gt;";   break;
        case '"':  rep = "&#34;";  break;
        case '\'': rep = "&#39;";  break;
        default:   continue;
        }

        page_buf_append(b, s + start, i - start);
        page_buf_puts(b, rep);
        start = i + 1;
    }

    page_buf_append(b, s + start, len - start);
}


char *
page_buf_cstr(page_buf_t *b)
{
    if (page_buf_reserve(b, 0) != 0) {
        return NULL;
    }

    b->data[b->len] = '\0';

    return b->data;
}
