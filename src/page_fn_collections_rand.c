/*
 * page_fn_collections_rand: the random part of Hugo's collections
 * namespace: collections.D (a sorted random sample, J. S. Vitter's
 * method D, drawn from the PCG generator of Go's math/rand/v2 seeded
 * (SEED, 0), so that a seed gives Hugo's numbers) and shuffle.
 */

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "page_fn.h"

/* Largest N and HIGH of collections.D: Hugo's maxSeqSize. */
#define PAGE_FN_D_MAX  1000000

/*
 * Vitter's threshold: method D switches to method A when fewer than
 * n * PAGE_FN_D_ALPHA records are left (the paper's 1/alpha = 13).
 */
#define PAGE_FN_D_ALPHA  13


/* PCG-DXSM with a 128-bit state, as Go's math/rand/v2 PCG. */
typedef struct {
    uint64_t  hi;
    uint64_t  lo;
} page_fn_pcg_t;


/* The 128-bit product of a and b. */
static void
page_fn_mul64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
{
    uint64_t  a0, a1, b0, b1, p00, p01, p10, p11, mid;

    a0 = a & 0xffffffff;
    a1 = a >> 32;
    b0 = b & 0xffffffff;
    b1 = b >> 32;

    p00 = a0 * b0;
    p01 = a0 * b1;
    p10 = a1 * b0;
    p11 = a1 * b1;

    mid = (p00 >> 32) + (p01 & 0xffffffff) + (p10 & 0xffffffff);
    *lo = (mid << 32) | (p00 & 0xffffffff);
    *hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}


static uint64_t
page_fn_pcg_next(page_fn_pcg_t *p)
{
    uint64_t  hi, lo, old;

    /* state = state * mul + inc (mod 2^128) */
    page_fn_mul64(p->lo, 4865540595714422341ULL, &hi, &lo);
    hi += p->hi * 4865540595714422341ULL + p->lo * 2549297995355413924ULL;
    old = lo;
    lo += 1442695040888963407ULL;
    hi += 6364136223846793005ULL + (lo < old);
    p->hi = hi;
    p->lo = lo;

    /* the DXSM output: double xorshift multiply of the high half */
    hi ^= hi >> 32;
    hi *= 0xda942042e4dd58b5ULL;
    hi ^= hi >> 48;
    hi *= lo | 1;

    return hi;
}


/* A float in [0, 1) from 53 random bits, as Go's Rand.Float64. */
static double
page_fn_pcg_float(page_fn_pcg_t *p)
{
    return (double) (page_fn_pcg_next(p) << 11 >> 11)
           / 9007199254740992.0;
}


/*
 * Method A: the next sample index for each of want records left, from
 * the records [j + 1, j + max].
 */
static void
page_fn_vitter_a(page_fn_pcg_t *p, int64_t want, int64_t max, int64_t j,
    int64_t *out, size_t *n)
{
    double  v, quot;

    while (want >= 2) {
        j++;
        v = page_fn_pcg_float(p);
        quot = (double) (max - want) / (double) max;
        while (quot > v) {
            j++;
            max--;
            quot *= (double) (max - want);
            quot /= (double) max;
        }
        out[(*n)++] = j;
        max--;
        want--;
    }

    j += (int64_t) floor((double) max * page_fn_pcg_float(p)) + 1;
    out[(*n)++] = j;
}


/*
 * Method D (Vitter 1987): a sorted sample of want of [0, max), want <=
 * max, into out; the arithmetic is Hugo's, step by step, so that the
 * same draws give the same sample.
 */
static void
page_fn_vitter_d(page_fn_pcg_t *p, int64_t want, int64_t max, int64_t *out,
    size_t *n)
{
    int64_t  j, qu1, threshold, s, limit, t;
    double   wantf, maxf, ninv, nmin1inv, vprime, qu1real, u, x, y1, y2;
    double   top, bottom, negs;

    j = -1;
    qu1 = -want + 1 + max;
    threshold = PAGE_FN_D_ALPHA * want;
    wantf = (double) want;
    maxf = (double) max;
    ninv = 1.0 / wantf;
    vprime = exp(log(page_fn_pcg_float(p)) * ninv);
    qu1real = -wantf + 1.0 + maxf;
    nmin1inv = 0;

    while (want > 1 && threshold < max) {
        nmin1inv = 1.0 / (-1.0 + wantf);

        for ( ;; ) {
            for ( ;; ) {
                x = maxf * (-vprime + 1.0);
                s = (int64_t) floor(x);
                if (s < qu1) {
                    break;
                }
                vprime = exp(log(page_fn_pcg_float(p)) * ninv);
            }

            u = page_fn_pcg_float(p);
            negs = (double) -s;
            y1 = exp(log(u * maxf / qu1real) * nmin1inv);
            vprime = y1 * (-x / maxf + 1.0) * (qu1real / (negs + qu1real));
            if (vprime <= 1.0) {
                break;
            }

            y2 = 1.0;
            top = -1.0 + maxf;
            if (-1 + want > s) {
                bottom = -wantf + maxf;
                limit = -s + max;
            } else {
                bottom = -1.0 + negs + maxf;
                limit = qu1;
            }
            for (t = max - 1; t >= limit; t--) {
                y2 = (y2 * top) / bottom;
                top--;
                bottom--;
            }

            if (maxf / (-x + maxf) >= y1 * exp(log(y2) * nmin1inv)) {
                vprime = exp(log(page_fn_pcg_float(p)) * nmin1inv);
                break;
            }
            vprime = exp(log(page_fn_pcg_float(p)) * ninv);
        }

        j += s + 1;
        out[(*n)++] = j;

        max = -s + (-1 + max);
        maxf = negs + (-1.0 + maxf);
        want--;
        wantf--;
        ninv = nmin1inv;
        qu1 = -s + qu1;
        qu1real = negs + qu1real;
        threshold -= PAGE_FN_D_ALPHA;
    }

    if (want > 1) {
        page_fn_vitter_a(p, want, max, j, out, n);
    } else {
        j += (int64_t) floor((double) max * vprime) + 1;
        out[(*n)++] = j;
    }
}


/* An integer argument of collections.D, or -1 (the caller says why). */
static int
page_fn_d_arg(const page_value_t *v, int64_t max, int64_t *out)
{
    const char  *s;
    size_t       len;
    char        *end, buf[32];
    long long    ll;

    if (v != NULL && v->type == PAGE_INT) {
        *out = v->u.i;
    } else if (v != NULL && v->type == PAGE_FLOAT && isfinite(v->u.f)
               && fabs(v->u.f) < 9e18)
    {
        *out = (int64_t) v->u.f;
    } else if (page_tpl_str(v, &s, &len) && len > 0 && len < sizeof(buf)) {
        memcpy(buf, s, len);
        buf[len] = '\0';
        ll = strtoll(buf, &end, 10);
        if (*end != '\0') {
            return -1;
        }
        *out = (int64_t) ll;
    } else {
        return -1;
    }

    return *out < 0 || *out > max ? -1 : 0;
}


/* collections.D SEED N HIGH */
static int
page_fn_f_d(PAGE_FN_ARGS)
{
    size_t          i, n;
    int64_t         seed, want, high, *out;
    page_buf_t      b;
    page_value_t   *l, *v;
    page_fn_pcg_t   pcg;

    (void) nargs;

    if (page_fn_d_arg(args[0], INT64_MAX, &seed) != 0) {
        page_tpl_buf(st, &b);
        page_tpl_print(&b, args[0]);
        return page_tpl_fail(st, "the seed value (%.*s) must be a "
                             "non-negative integer", (int) b.len,
                             b.data ? b.data : "");
    }
    if (page_fn_d_arg(args[1], PAGE_FN_D_MAX, &want) != 0) {
        page_tpl_buf(st, &b);
        page_tpl_print(&b, args[1]);
        return page_tpl_fail(st, "the number of requested values (%.*s) "
                             "must be a non-negative integer <= %d",
                             (int) b.len, b.data ? b.data : "",
                             PAGE_FN_D_MAX);
    }
    if (page_fn_d_arg(args[2], PAGE_FN_D_MAX, &high) != 0) {
        page_tpl_buf(st, &b);
        page_tpl_print(&b, args[2]);
        return page_tpl_fail(st, "the maximum requested value (%.*s) must "
                             "be a non-negative integer <= %d", (int) b.len,
                             b.data ? b.data : "", PAGE_FN_D_MAX);
    }

    l = page_tpl_list_new(st);
    if (l == NULL) {
        return -1;
    }

    n = 0;
    out = NULL;
    if (want > 0 && high > 0) {
        out = page_arena_alloc(st->arena,
                               (size_t) (want < high ? want : high)
                               * sizeof(*out));
        if (out == NULL) {
            return page_tpl_nomem(st);
        }

        if (want > high) {
            for (n = 0; n < (size_t) high; n++) {
                out[n] = (int64_t) n;
            }
        } else {
            pcg.hi = (uint64_t) seed;
            pcg.lo = 0;
            page_fn_vitter_d(&pcg, want, high, out, &n);
        }
    }

    for (i = 0; i < n; i++) {
        v = page_value_int(st->arena, out[i]);
        if (v == NULL || page_tpl_push(st, l, v) != 0) {
            return page_tpl_nomem(st);
        }
    }

    *res = l;
    return 0;
}


/*
 * The generator shuffle draws from: seeded once from the clock and the
 * process, as Hugo's shuffle is random on every build.
 */
static page_fn_pcg_t  page_fn_shuffle_pcg;
static int            page_fn_shuffle_seeded;


/* shuffle SLICE: a copy in a random order */
static int
page_fn_f_shuffle(PAGE_FN_ARGS)
{
    size_t           i, j;
    struct timespec  ts;
    page_value_t    *l, *c = args[0], *t;

    (void) nargs;

    if (c == NULL || c->type == PAGE_NIL) {
        return page_tpl_fail(st, "both count and seq must be provided");
    }
    if (c->type != PAGE_LIST) {
        return page_tpl_fail(st, "can't iterate over %s", page_tpl_tname(c));
    }

    if (!page_fn_shuffle_seeded) {
        clock_gettime(CLOCK_REALTIME, &ts);
        page_fn_shuffle_pcg.hi = (uint64_t) ts.tv_sec;
        page_fn_shuffle_pcg.lo = (uint64_t) ts.tv_nsec
                                 ^ (uint64_t) (uintptr_t) &ts;
        page_fn_shuffle_seeded = 1;
    }

    l = page_tpl_list_new(st);
    if (l == NULL) {
        return -1;
    }
    for (i = 0; i < c->u.list.n; i++) {
        if (page_tpl_push(st, l, c->u.list.items[i]) != 0) {
            return -1;
        }
    }

    /* Fisher-Yates */
    for (i = l->u.list.n; i > 1; i--) {
        j = (size_t) (page_fn_pcg_next(&page_fn_shuffle_pcg) % i);
        t = l->u.list.items[i - 1];
        l->u.list.items[i - 1] = l->u.list.items[j];
        l->u.list.items[j] = t;
    }

    *res = l;
    return 0;
}


const page_tpl_func_t  page_fn_collections_rand[] = {
    { "collections.D", page_fn_f_d, 3, 3 },
    { "collections.Shuffle", page_fn_f_shuffle, 1, 1 },
    { "shuffle", page_fn_f_shuffle, 1, 1 },
    { NULL, NULL, 0, 0 }
};
