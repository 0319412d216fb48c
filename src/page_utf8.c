/*
 * page_utf8: one UTF-8 character at a time, as Go's unicode/utf8 does.
 */

#include "page_utf8.h"


size_t
page_utf8_decode(const char *s, size_t n, uint32_t *r)
{
    size_t                i, w;
    uint32_t              c;
    const unsigned char  *u = (const unsigned char *) s;

    if (n == 0) {
        *r = 0;
        return 0;
    }

    c = u[0];

    if (c < 0x80) {
        *r = c;
        return 1;
    }

    if (c >= 0xc2 && c <= 0xdf) {
        w = 2;
        c &= 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
        w = 3;
        c &= 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        w = 4;
        c &= 0x07;
    } else {
        goto bad;
    }

    if (n < w) {
        goto bad;
    }

    for (i = 1; i < w; i++) {
        if ((u[i] & 0xc0) != 0x80) {
            goto bad;
        }
        c = (c << 6) | (u[i] & 0x3f);
    }

    if ((w == 3 && c < 0x800) || (w == 4 && (c < 0x10000 || c > 0x10ffff))
        || (c >= 0xd800 && c <= 0xdfff))
    {
        goto bad;
    }

    *r = c;
    return w;

bad:

    *r = 0xfffd;
    return 1;
}


size_t
page_utf8_encode(uint32_t r, char *out)
{
    if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) {
        r = 0xfffd;
    }

    if (r < 0x80) {
        out[0] = (char) r;
        return 1;
    }

    if (r < 0x800) {
        out[0] = (char) (0xc0 | (r >> 6));
        out[1] = (char) (0x80 | (r & 0x3f));
        return 2;
    }

    if (r < 0x10000) {
        out[0] = (char) (0xe0 | (r >> 12));
        out[1] = (char) (0x80 | ((r >> 6) & 0x3f));
        out[2] = (char) (0x80 | (r & 0x3f));
        return 3;
    }

    out[0] = (char) (0xf0 | (r >> 18));
    out[1] = (char) (0x80 | ((r >> 12) & 0x3f));
    out[2] = (char) (0x80 | ((r >> 6) & 0x3f));
    out[3] = (char) (0x80 | (r & 0x3f));
    return 4;
}


void
page_utf8_put(page_buf_t *b, uint32_t r)
{
    char  s[4];

    page_buf_append(b, s, page_utf8_encode(r, s));
}
