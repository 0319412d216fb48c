/*
 * page_utf8: decoding and encoding one UTF-8 character, with Go's rules
 * for malformed input; every stage that walks text by character uses it.
 */

#ifndef PAGE_UTF8_H
#define PAGE_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "page_buf.h"

/*
 * The character at s (n bytes left) into *r; returns its width.  As Go:
 * a malformed sequence (cut short, overlong, a surrogate, beyond
 * U+10FFFF) is U+FFFD of width 1.  n == 0 gives 0 and *r = 0.
 */
size_t page_utf8_decode(const char *s, size_t n, uint32_t *r);
/* r into out (4 bytes of room); invalid code points become U+FFFD. */
size_t page_utf8_encode(uint32_t r, char *out);
void page_utf8_put(page_buf_t *b, uint32_t r);

#endif /* PAGE_UTF8_H */
