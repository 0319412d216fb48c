/*
 * page_glob: matching resource names against Hugo's glob patterns (the
 * gobwas/glob syntax, '/' the separator, case ignored), and Hugo's
 * normalisation of the paths it matches.
 *
 * The matcher walks the pattern once, recursing on each element; an
 * alternative {a,b} is matched as "a, then the rest of the pattern"
 * through a chain of continuations on the C stack, so nothing is
 * allocated.  Stars backtrack within a step budget.
 */

#include <string.h>

#include "page_glob.h"


/* What follows an alternative: the rest of the pattern, and its rest. */
typedef struct page_glob_cont_s  page_glob_cont_t;

struct page_glob_cont_s {
    const char              *p;
    const char              *pe;
    const page_glob_cont_t  *next;
};

typedef struct {
    const char  *se;            /* end of the name */
    long         steps;         /* left before giving up */
} page_glob_t;


static int page_glob_at(page_glob_t *g, const char *p, const char *pe,
    const char *s, const page_glob_cont_t *k);


static unsigned char
page_glob_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}


/* The end of the element at p: past a [class] or a {group}, or p + 1. */
static const char *
page_glob_skip(const char *p, const char *pe)
{
    int  depth;

    if (*p == '\\') {
        return p + 2 <= pe ? p + 2 : pe;
    }

    if (*p == '[') {
        for (p++; p < pe && *p != ']'; p++) {
            if (*p == '\\' && p + 1 < pe) {
                p++;
            }
        }
        return p < pe ? p + 1 : pe;
    }

    if (*p == '{') {
        depth = 0;
        for (; p < pe; p++) {
            if (*p == '\\' && p + 1 < pe) {
                p++;
            } else if (*p == '{') {
                depth++;
            } else if (*p == '}' && --depth == 0) {
                return p + 1;
            }
        }
        return NULL;                    /* not closed: a plain '{' */
    }

    return p + 1;
}


/* One UTF-8 character at s: its length (1 for a stray byte). */
static size_t
page_glob_char_len(const char *s, const char *se)
{
    size_t  n;

    n = 1;
    if ((unsigned char) *s >= 0xc0) {
        while (s + n < se && ((unsigned char) s[n] & 0xc0) == 0x80 && n < 4)
        {
            n++;
        }
    }

    return n;
}


/* Does the class [..] between p and pe (brackets excluded) hold c. */
static int
page_glob_class(const char *p, const char *pe, unsigned char c)
{
    int            neg, in;
    unsigned char  lo, hi;

    neg = p < pe && *p == '!';
    if (neg) {
        p++;
    }

    in = 0;

    while (p < pe) {
        if (*p == '\\' && p + 1 < pe) {
            p++;
        }
        lo = page_glob_lower((unsigned char) *p++);
        hi = lo;

        if (p + 1 < pe && *p == '-') {
            p++;
            if (*p == '\\' && p + 1 < pe) {
                p++;
            }
            hi = page_glob_lower((unsigned char) *p++);
        }

        if (c >= lo && c <= hi) {
            in = 1;
        }
    }

    return in != neg;
}


/* The pattern is used up: go on with the continuation, or be done. */
static int
page_glob_done(page_glob_t *g, const char *s, const page_glob_cont_t *k)
{
    if (k != NULL) {
        return page_glob_at(g, k->p, k->pe, s, k->next);
    }

    return s == g->se;
}


/* {a,b,...} at p (group ends at q): each alternative, then the rest. */
static int
page_glob_group(page_glob_t *g, const char *p, const char *q,
    const char *pe, const char *s, const page_glob_cont_t *k)
{
    int                depth;
    const char        *a, *end;
    page_glob_cont_t   rest;

    rest.p = q;
    rest.pe = pe;
    rest.next = k;

    end = q - 1;                        /* the closing '}' */
    a = p + 1;
    depth = 0;

    for (p = a; p <= end; p++) {
        if (p < end && *p == '\\' && p + 1 < end) {
            p++;
            continue;
        }

        if (p < end && *p == '{') {
            depth++;
            continue;
        }

        if (p < end && *p == '}') {
            depth--;
            continue;
        }

        if (p == end || (*p == ',' && depth == 0)) {
            if (page_glob_at(g, a, p, s, &rest)) {
                return 1;
            }
            a = p + 1;
        }
    }

    return 0;
}


static int
page_glob_at(page_glob_t *g, const char *p, const char *pe, const char *s,
    const page_glob_cont_t *k)
{
    const char  *q, *t;

    while (p < pe) {
        if (--g->steps < 0) {
            return 0;
        }

        switch (*p) {

        case '*':
            if (p + 1 < pe && p[1] == '*') {
                /* any run, separators included */
                for (t = s; ; t++) {
                    if (page_glob_at(g, p + 2, pe, t, k)) {
                        return 1;
                    }
                    if (t == g->se || g->steps < 0) {
                        return 0;
                    }
                }
            }

            for (t = s; ; t++) {
                if (page_glob_at(g, p + 1, pe, t, k)) {
                    return 1;
                }
                if (t == g->se || *t == '/' || g->steps < 0) {
                    return 0;
                }
            }

        case '?':
            if (s == g->se || *s == '/') {
                return 0;
            }
            s += page_glob_char_len(s, g->se);
            p++;
            break;

        case '[':
            q = page_glob_skip(p, pe);
            if (s == g->se
                || !page_glob_class(p + 1, q[-1] == ']' ? q - 1 : q,
                                    page_glob_lower((unsigned char) *s)))
            {
                return 0;
            }
            s += page_glob_char_len(s, g->se);
            p = q;
            break;

        case '{':
            q = page_glob_skip(p, pe);
            if (q != NULL) {
                return page_glob_group(g, p, q, pe, s, k);
            }
            /* fall through */

        default:
            if (*p == '\\' && p + 1 < pe) {
                p++;
            }
            if (s == g->se
                || page_glob_lower((unsigned char) *s)
                   != page_glob_lower((unsigned char) *p))
            {
                return 0;
            }
            s++;
            p++;
            break;
        }
    }

    return page_glob_done(g, s, k);
}


int
page_glob_match(const char *pattern, size_t plen, const char *name,
    size_t nlen)
{
    page_glob_t  g;

    if (plen > PAGE_GLOB_MAX_PATTERN) {
        return 0;
    }

    g.se = name + nlen;
    g.steps = PAGE_GLOB_MAX_STEPS;

    return page_glob_at(&g, pattern, pattern + plen, name, NULL);
}


size_t
page_glob_clean(char *buf, size_t len)
{
    size_t  r, w, dots;
    int     rooted;

    rooted = len > 0 && buf[0] == '/';
    r = w = rooted;
    dots = rooted;                      /* where ".." may not back past */

    while (r < len) {
        if (buf[r] == '/') {
            r++;

        } else if (buf[r] == '.' && (r + 1 == len || buf[r + 1] == '/')) {
            r++;

        } else if (buf[r] == '.' && r + 1 < len && buf[r + 1] == '.'
                   && (r + 2 == len || buf[r + 2] == '/'))
        {
            r += 2;
            if (w > dots) {
                w--;
                while (w > dots && buf[w] != '/') {
                    w--;
                }
            } else if (!rooted) {
                if (w > 0) {
                    buf[w++] = '/';
                }
                buf[w++] = '.';
                buf[w++] = '.';
                dots = w;
            }

        } else {
            if ((rooted && w != 1) || (!rooted && w != 0)) {
                buf[w++] = '/';
            }
            for (; r < len && buf[r] != '/'; r++) {
                buf[w++] = buf[r];
            }
        }
    }

    if (w == 0) {
        buf[w++] = '.';
    }

    buf[w] = '\0';

    return w;
}


size_t
page_glob_normalize(char *buf, size_t len)
{
    size_t  w, start, i;

    w = page_glob_clean(buf, len);

    /* then strings.Trim(s, "/.") */

    start = 0;
    while (start < w && (buf[start] == '/' || buf[start] == '.')) {
        start++;
    }
    while (w > start && (buf[w - 1] == '/' || buf[w - 1] == '.')) {
        w--;
    }

    for (i = start; i < w; i++) {
        buf[i - start] = buf[i];
    }

    buf[w - start] = '\0';

    return w - start;
}
