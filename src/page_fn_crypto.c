/*
 * page_fn_crypto: Hugo's crypto namespace (tpl/crypto): md5, sha1,
 * sha256, written from the published algorithm descriptions (RFC 1321,
 * FIPS 180-4), hex output as Hugo prints it.
 */

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "page_fn.h"

typedef struct {
    uint32_t  h[8];
    uint64_t  len;          /* bytes hashed so far */
    uint8_t   block[64];
    size_t    n;            /* bytes in block */
    int       kind;         /* 0 md5, 1 sha1, 2 sha256 */
} page_tpl_hash_t;

static uint32_t  page_tpl_md5_k[64];
static uint32_t  page_tpl_sha256_k[64];
static uint32_t  page_tpl_sha256_h[8];
static int       page_tpl_hash_ready;

static const uint8_t  page_tpl_md5_r[64] = {
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
    5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
    4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
    6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21
};


#define ROTL(x, n)  (((x) << (n)) | ((x) >> (32 - (n))))
#define ROTR(x, n)  (((x) >> (n)) | ((x) << (32 - (n))))


/*
 * The round constants are defined by formulas (sines; cube and square
 * roots of primes); computing them once avoids long literal tables.  A
 * double carries more than the 32 fraction bits needed.
 */
static void
page_tpl_hash_init_tables(void)
{
    int     i, n, p, d, prime;
    double  x;

    if (page_tpl_hash_ready) {
        return;
    }

    for (i = 0; i < 64; i++) {
        page_tpl_md5_k[i] = (uint32_t) (fabs(sin((double) i + 1))
                                        * 4294967296.0);
    }

    for (n = 0, p = 2; n < 64; p++) {
        prime = 1;
        for (d = 2; d * d <= p; d++) {
            if (p % d == 0) {
                prime = 0;
                break;
            }
        }
        if (!prime) {
            continue;
        }
        if (n < 8) {
            x = sqrt((double) p);
            page_tpl_sha256_h[n] = (uint32_t) ((x - floor(x))
                                               * 4294967296.0);
        }
        x = cbrt((double) p);
        page_tpl_sha256_k[n] = (uint32_t) ((x - floor(x)) * 4294967296.0);
        n++;
    }

    page_tpl_hash_ready = 1;
}


static void
page_tpl_md5_block(uint32_t *h, const uint8_t *b)
{
    uint32_t  m[16], a, bb, c, d, f, t;
    int       i, g;

    for (i = 0; i < 16; i++) {
        m[i] = (uint32_t) b[i * 4] | ((uint32_t) b[i * 4 + 1] << 8)
               | ((uint32_t) b[i * 4 + 2] << 16)
               | ((uint32_t) b[i * 4 + 3] << 24);
    }

    a = h[0];
    bb = h[1];
    c = h[2];
    d = h[3];

    for (i = 0; i < 64; i++) {
        if (i < 16) {
            f = (bb & c) | (~bb & d);
            g = i;
        } else if (i < 32) {
            f = (d & bb) | (~d & c);
            g = (5 * i + 1) % 16;
        } else if (i < 48) {
            f = bb ^ c ^ d;
            g = (3 * i + 5) % 16;
        } else {
            f = c ^ (bb | ~d);
            g = (7 * i) % 16;
        }
        t = d;
        d = c;
        c = bb;
        f = f + a + page_tpl_md5_k[i] + m[g];
        bb = bb + ROTL(f, page_tpl_md5_r[i]);
        a = t;
    }

    h[0] += a;
    h[1] += bb;
    h[2] += c;
    h[3] += d;
}


static void
page_tpl_sha1_block(uint32_t *h, const uint8_t *b)
{
    uint32_t  w[80], a, bb, c, d, e, f, k, t;
    int       i;

    for (i = 0; i < 16; i++) {
        w[i] = ((uint32_t) b[i * 4] << 24) | ((uint32_t) b[i * 4 + 1] << 16)
               | ((uint32_t) b[i * 4 + 2] << 8) | (uint32_t) b[i * 4 + 3];
    }
    for (i = 16; i < 80; i++) {
        t = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16];
        w[i] = ROTL(t, 1);
    }

    a = h[0];
    bb = h[1];
    c = h[2];
    d = h[3];
    e = h[4];

    for (i = 0; i < 80; i++) {
        if (i < 20) {
            f = (bb & c) | (~bb & d);
            k = 0x5a827999;
        } else if (i < 40) {
            f = bb ^ c ^ d;
            k = 0x6ed9eba1;
        } else if (i < 60) {
            f = (bb & c) | (bb & d) | (c & d);
            k = 0x8f1bbcdc;
        } else {
            f = bb ^ c ^ d;
            k = 0xca62c1d6;
        }
        t = ROTL(a, 5) + f + e + k + w[i];
        e = d;
        d = c;
        c = ROTL(bb, 30);
        bb = a;
        a = t;
    }

    h[0] += a;
    h[1] += bb;
    h[2] += c;
    h[3] += d;
    h[4] += e;
}


static void
page_tpl_sha256_block(uint32_t *h, const uint8_t *b)
{
    uint32_t  w[64], v[8], s0, s1, ch, maj, t1, t2;
    int       i;

    for (i = 0; i < 16; i++) {
        w[i] = ((uint32_t) b[i * 4] << 24) | ((uint32_t) b[i * 4 + 1] << 16)
               | ((uint32_t) b[i * 4 + 2] << 8) | (uint32_t) b[i * 4 + 3];
    }
    for (i = 16; i < 64; i++) {
        s0 = ROTR(w[i - 15], 7) ^ ROTR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        s1 = ROTR(w[i - 2], 17) ^ ROTR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }

    memcpy(v, h, sizeof(v));

    for (i = 0; i < 64; i++) {
        s1 = ROTR(v[4], 6) ^ ROTR(v[4], 11) ^ ROTR(v[4], 25);
        ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
        t1 = v[7] + s1 + ch + page_tpl_sha256_k[i] + w[i];
        s0 = ROTR(v[0], 2) ^ ROTR(v[0], 13) ^ ROTR(v[0], 22);
        maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
        t2 = s0 + maj;
        v[7] = v[6];
        v[6] = v[5];
        v[5] = v[4];
        v[4] = v[3] + t1;
        v[3] = v[2];
        v[2] = v[1];
        v[1] = v[0];
        v[0] = t1 + t2;
    }

    for (i = 0; i < 8; i++) {
        h[i] += v[i];
    }
}


static void
page_tpl_hash_block(page_tpl_hash_t *c)
{
    switch (c->kind) {
    case 0:  page_tpl_md5_block(c->h, c->block); break;
    case 1:  page_tpl_sha1_block(c->h, c->block); break;
    default: page_tpl_sha256_block(c->h, c->block); break;
    }
}


static void
page_tpl_hash_start(page_tpl_hash_t *c, int kind)
{
    static const uint32_t  init[5] = {
        0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0
    };

    page_tpl_hash_init_tables();
    memset(c, 0, sizeof(*c));
    c->kind = kind;

    if (kind == 2) {
        memcpy(c->h, page_tpl_sha256_h, sizeof(page_tpl_sha256_h));
    } else {
        memcpy(c->h, init, sizeof(init));
    }
}


static void
page_tpl_hash_add(page_tpl_hash_t *c, const uint8_t *s, size_t len)
{
    size_t  k;

    c->len += len;
    while (len > 0) {
        k = 64 - c->n < len ? 64 - c->n : len;
        memcpy(c->block + c->n, s, k);
        c->n += k;
        s += k;
        len -= k;
        if (c->n == 64) {
            page_tpl_hash_block(c);
            c->n = 0;
        }
    }
}


/* Pad, finish and write the digest as lower-case hex. */
static size_t
page_tpl_hash_hex(page_tpl_hash_t *c, char *out)
{
    uint64_t  bits;
    uint8_t   pad = 0x80, zero = 0, len[8];
    size_t    i, n, words;
    uint32_t  w;

    bits = c->len * 8;
    page_tpl_hash_add(c, &pad, 1);
    while (c->n != 56) {
        page_tpl_hash_add(c, &zero, 1);
    }

    for (i = 0; i < 8; i++) {
        /* md5 stores the length little-endian, the SHAs big-endian */
        len[c->kind == 0 ? i : 7 - i] = (uint8_t) (bits >> (8 * i));
    }
    page_tpl_hash_add(c, len, 8);

    words = c->kind == 0 ? 4 : c->kind == 1 ? 5 : 8;
    n = 0;
    for (i = 0; i < words; i++) {
        w = c->h[i];
        if (c->kind == 0) {
            w = (w >> 24) | ((w >> 8) & 0xff00) | ((w << 8) & 0xff0000)
                | (w << 24);
        }
        snprintf(out + n, 9, "%08x", (unsigned) w);
        n += 8;
    }

    return n;
}


static int
page_tpl_digest(page_tpl_state_t *st, int kind, page_value_t *v,
    page_value_t **res)
{
    const char       *s;
    size_t            len, n;
    char              hex[65];
    page_tpl_hash_t   c;
    page_buf_t        b;

    if (!page_tpl_str(v, &s, &len)) {
        page_buf_init(&b, st->arena, st->max_output);
        page_tpl_print(&b, v);
        if (page_buf_failed(&b)) {
            return page_tpl_fail(st, "input too large");
        }
        s = b.data ? b.data : "";
        len = b.len;
    }

    page_tpl_hash_start(&c, kind);
    page_tpl_hash_add(&c, (const uint8_t *) s, len);
    n = page_tpl_hash_hex(&c, hex);

    *res = page_value_string(st->arena, hex, n);
    if (*res == NULL) {
        return page_tpl_fail(st, "out of memory");
    }
    return 0;
}


static int
page_tpl_f_md5(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_digest(st, 0, args[0], res);
}


static int
page_tpl_f_sha1(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_digest(st, 1, args[0], res);
}


static int
page_tpl_f_sha256(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_digest(st, 2, args[0], res);
}


const page_tpl_func_t  page_fn_crypto[] = {
    { "crypto.MD5", page_tpl_f_md5, 1, 1 },
    { "md5", page_tpl_f_md5, 1, 1 },
    { "crypto.SHA1", page_tpl_f_sha1, 1, 1 },
    { "sha1", page_tpl_f_sha1, 1, 1 },
    { "crypto.SHA256", page_tpl_f_sha256, 1, 1 },
    { "sha256", page_tpl_f_sha256, 1, 1 },
    { NULL, NULL, 0, 0 }
};
