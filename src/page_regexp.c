/*
 * page_regexp: RE2 syntax (Go's regexp) on PCRE2.  page_regexp_check()
 * walks the pattern as Go's regexp/syntax parser does and writes the
 * PCRE2 pattern that means the same:
 *
 *   refused, with Go's message: back-references (\1, \k, \g), lookaround
 *   and other PCRE2 groups ((?=, (?!, (?<=, (?<!, (?>, (?|, (?#, (?R,
 *   (?(, (?C, (?'name', flags other than imsU), verbs ((*VERB)),
 *   possessive and nested repetition (a*+, a**, a{2}{3}), repeat counts
 *   over 1000, and the escapes RE2 does not know (\C, \Z, \e, \cX, \h,
 *   \R, \K, \G, \N, \X, \o, \E without \Q, \u, \U, \l, \L, a non-ASCII
 *   escaped character, \b inside a class);
 *
 *   rewritten: \s and \S (RE2: [\t\n\f\r ], PCRE2 adds \v), \v (RE2: the
 *   vertical tab, PCRE2: any vertical space), \a, octal escapes (\12 is
 *   a back-reference to PCRE2), \Q...\E (spelled out, so repetition after
 *   it applies to its last character in both), a '{' that does not start
 *   a repeat (literal in RE2; PCRE2 10.43 reads "{,n}" as one).
 *
 * Compiled with PCRE2_UTF (the pattern must be UTF-8, as in Go), without
 * PCRE2_UCP (RE2's \d \w \s \b and [[:alpha:]] are ASCII; \pL is
 * Unicode in both), with $ matching only at the end as RE2's does, ^ in
 * (?m) after a final newline too, and PCRE2_MATCH_INVALID_UTF so input
 * that is not UTF-8 is matched, not refused: its bad bytes match nothing
 * (Go's regexp matches each as U+FFFD; the one difference left).
 * Matching is PCRE2's backtracking, leftmost-first like Go's.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH  8
#include <pcre2.h>

#include "page_regexp.h"
#include "page_utf8.h"


/*
 * Compiled patterns kept for the life of the process: themes use a few
 * constant patterns on every request, and compiling one (JIT included)
 * costs far more than matching it.  Bounded: once the table is full,
 * further patterns are compiled per call and freed after it.
 */
#define PAGE_REGEXP_CACHE  32

/* RE2's largest repeat count: a{1001} is refused, as Go does. */
#define PAGE_REGEXP_MAX_REPEAT  1000

/*
 * PCRE2 backtracks, where RE2 runs in time linear in the input; these
 * bound one pcre2_match() call so that no pattern and input pair runs
 * away (a nested repetition such as (a+)+b on "aaaa...c" is exponential
 * to a backtracking matcher).  The match limit counts PCRE2's internal
 * steps (PCRE2's own default, 10 million, a few tens of milliseconds);
 * the depth limit bounds nested backtracking points, the heap limit the
 * memory they take (KiB); the JIT stack (bytes) bounds the same for
 * JIT-compiled patterns.  A call that reaches one fails with a message:
 * patterns that real templates use stay far below.
 */
#define PAGE_REGEXP_MATCH_LIMIT      10000000
#define PAGE_REGEXP_DEPTH_LIMIT      100000
#define PAGE_REGEXP_HEAP_LIMIT       16384
#define PAGE_REGEXP_JIT_STACK_START  32768
#define PAGE_REGEXP_JIT_STACK_MAX    1048576

#define PAGE_REGEXP_OPTIONS  (PCRE2_UTF | PCRE2_MATCH_INVALID_UTF            \
                              | PCRE2_DOLLAR_ENDONLY | PCRE2_ALT_CIRCUMFLEX  \
                              | PCRE2_NEVER_BACKSLASH_C)


struct page_regexp_s {
    char               *pattern;        /* as the template wrote it */
    size_t              len;
    pcre2_code         *code;
    pcre2_match_data   *md;
    size_t              groups;
    int                 cached;
};


static page_regexp_t          page_regexp_cache[PAGE_REGEXP_CACHE];
static size_t                 page_regexp_ncached;
static pcre2_compile_context  *page_regexp_cctx;
static pcre2_match_context    *page_regexp_mctx;
static pcre2_jit_stack        *page_regexp_jit_stack;


/* ---- checking and rewriting RE2 syntax ---- */

typedef struct {
    const char  *p;
    size_t       len;
    size_t       i;             /* next byte of p */
    char        *out;           /* PCRE2 pattern, NUL-terminated */
    size_t       n;
    size_t       cap;
    char        *err;
    int          repeatable;    /* the last item may take a repeat */
    size_t       repeat_at;     /* where the last repeat operator began */
    int          after_repeat;  /* the last item was a repeat operator */
    int          oom;
} page_regexp_scan_t;


static int
page_regexp_fail(page_regexp_scan_t *sc, const char *what, const char *text,
    size_t len)
{
    snprintf(sc->err, PAGE_REGEXP_ERR_SIZE, "error parsing regexp: %s: `%.*s`",
             what, (int) (len > 80 ? 80 : len), text);
    return -1;
}


static void
page_regexp_out(page_regexp_scan_t *sc, const char *s, size_t len)
{
    char    *p;
    size_t   cap;

    if (sc->n + len + 1 > sc->cap) {
        cap = (sc->n + len + 1) * 2;
        p = realloc(sc->out, cap);
        if (p == NULL) {
            sc->oom = 1;
            return;
        }
        sc->out = p;
        sc->cap = cap;
    }
    memcpy(sc->out + sc->n, s, len);
    sc->n += len;
    sc->out[sc->n] = '\0';
}


#define page_regexp_outs(sc, s)  page_regexp_out(sc, s, strlen(s))


static int
page_regexp_is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')
           || (c >= 'A' && c <= 'F');
}


static unsigned
page_regexp_hex(char c)
{
    return c <= '9' ? (unsigned) (c - '0') : (unsigned) ((c | 0x20) - 'a' + 10);
}


static int
page_regexp_is_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
           || (c >= 'A' && c <= 'Z');
}


/* One literal character, escaped when PCRE2 would read it otherwise. */
static void
page_regexp_literal(page_regexp_scan_t *sc, const char *s, size_t len)
{
    if (len == 1 && (unsigned char) s[0] < 0x80 && !page_regexp_is_alnum(s[0])
        && s[0] != '\0')
    {
        page_regexp_out(sc, "\\", 1);
    }
    page_regexp_out(sc, s, len);
}


/* \Q...\E: its characters spelled out one by one. */
static void
page_regexp_quoted(page_regexp_scan_t *sc)
{
    const char  *end;
    size_t       w;
    uint32_t     r;

    end = NULL;
    for (w = sc->i; w + 1 < sc->len; w++) {
        if (sc->p[w] == '\\' && sc->p[w + 1] == 'E') {
            end = sc->p + w;
            break;
        }
    }
    if (end == NULL) {
        end = sc->p + sc->len;
    }

    sc->repeatable = 0;
    while (sc->p + sc->i < end) {
        w = page_utf8_decode(sc->p + sc->i, (size_t) (end - sc->p) - sc->i,
                             &r);
        page_regexp_literal(sc, sc->p + sc->i, w);
        sc->i += w;
        sc->repeatable = 1;
    }
    sc->i = end == sc->p + sc->len ? sc->len : sc->i + 2;
}


/*
 * The escape at sc->i (its backslash), in a class or not, as Go's
 * parser takes it.
 */
static int
page_regexp_escape(page_regexp_scan_t *sc, int in_class)
{
    const char  *p = sc->p, *e;
    size_t       i = sc->i, k, w;
    unsigned     v;
    char         c, buf[32];
    uint32_t     r;

    if (i + 1 == sc->len) {
        return page_regexp_fail(sc, "trailing backslash at end of "
                                "expression", "", 0);
    }

    c = p[i + 1];
    e = p + i;
    sc->i = i + 2;
    sc->repeatable = 1;

    switch (c) {
    case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        if (i + 2 == sc->len || p[i + 2] < '0' || p[i + 2] > '7') {
            return page_regexp_fail(sc, "invalid escape sequence", e, 2);
        }
        /* fall through */
    case '0':
        /* octal: up to three digits in all */
        v = (unsigned) (c - '0');
        for (k = i + 2; k < i + 4 && k < sc->len && p[k] >= '0' && p[k] <= '7';
             k++)
        {
            v = v * 8 + (unsigned) (p[k] - '0');
        }
        sc->i = k;
        snprintf(buf, sizeof(buf), "\\x{%x}", v);
        page_regexp_outs(sc, buf);
        return 0;

    case 'x':
        if (i + 2 < sc->len && p[i + 2] == '{') {
            v = 0;
            for (k = i + 3; k < sc->len && page_regexp_is_hex(p[k]); k++) {
                v = v * 16 + page_regexp_hex(p[k]);
                if (v > 0x10ffff) {
                    break;
                }
            }
            if (k == i + 3 || k == sc->len || p[k] != '}') {
                return page_regexp_fail(sc, "invalid escape sequence", e,
                                        k - i + (k < sc->len));
            }
            sc->i = k + 1;
        } else {
            if (i + 3 >= sc->len || !page_regexp_is_hex(p[i + 2])
                || !page_regexp_is_hex(p[i + 3]))
            {
                return page_regexp_fail(sc, "invalid escape sequence", e,
                                        i + 4 <= sc->len ? 4 : sc->len - i);
            }
            v = page_regexp_hex(p[i + 2]) * 16 + page_regexp_hex(p[i + 3]);
            sc->i = i + 4;
        }
        snprintf(buf, sizeof(buf), "\\x{%x}", v);
        page_regexp_outs(sc, buf);
        return 0;

    case 'a':
        page_regexp_outs(sc, "\\x{7}");
        return 0;
    case 'v':
        page_regexp_outs(sc, "\\x{b}");
        return 0;
    case 'f': case 't': case 'n': case 'r':
    case 'd': case 'D': case 'w': case 'W':
        page_regexp_out(sc, e, 2);
        return 0;

    case 's':
        page_regexp_outs(sc, in_class ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]");
        return 0;
    case 'S':
        page_regexp_outs(sc, in_class
                             ? "\\x{0}-\\x{8}\\x{b}\\x{e}-\\x{1f}!-\\x{10ffff}"
                             : "[^\\t\\n\\f\\r ]");
        return 0;

    case 'p': case 'P':
        if (i + 2 == sc->len) {
            return page_regexp_fail(sc, "invalid character class range", e,
                                    2);
        }
        k = i + 3;
        if (p[i + 2] == '{') {
            while (k < sc->len && p[k] != '}') {
                k++;
            }
            if (k == sc->len) {
                return page_regexp_fail(sc, "invalid character class range",
                                        e, sc->len - i);
            }
            k++;
        }
        page_regexp_out(sc, e, k - i);
        sc->i = k;
        return 0;

    case 'b': case 'B': case 'A': case 'z':
        if (in_class) {
            break;
        }
        page_regexp_out(sc, e, 2);
        return 0;

    case 'Q':
        if (in_class) {
            break;
        }
        page_regexp_quoted(sc);
        return 0;

    default:
        if ((unsigned char) c < 0x80 && !page_regexp_is_alnum(c)) {
            page_regexp_literal(sc, &c, 1);    /* \. \* \\ ... */
            return 0;
        }
    }

    w = page_utf8_decode(p + i + 1, sc->len - i - 1, &r);
    return page_regexp_fail(sc, "invalid escape sequence", e, 1 + w);
}


/* A {n}, {n,} or {n,m} at sc->i: its length, 0 when it is a literal '{'. */
static size_t
page_regexp_repeat(page_regexp_scan_t *sc, long *min, long *max)
{
    const char  *p = sc->p;
    size_t       k = sc->i + 1;
    long         v;

    *min = -1;
    *max = -1;

    for (v = -1; k < sc->len && p[k] >= '0' && p[k] <= '9'; k++) {
        v = (v < 0 ? 0 : v) * 10 + (p[k] - '0');
        if (v > 100000) {
            v = 100000;
        }
    }
    if (v < 0 || k == sc->len) {
        return 0;
    }
    *min = v;
    *max = v;

    if (p[k] == ',') {
        *max = -1;
        for (v = -1, k++; k < sc->len && p[k] >= '0' && p[k] <= '9'; k++) {
            v = (v < 0 ? 0 : v) * 10 + (p[k] - '0');
            if (v > 100000) {
                v = 100000;
            }
        }
        *max = v;
        if (k == sc->len) {
            return 0;
        }
    }

    return p[k] == '}' ? k + 1 - sc->i : 0;
}


/* A repeat operator of n bytes at sc->i (a '?' making it lazy included). */
static int
page_regexp_op(page_regexp_scan_t *sc, size_t n)
{
    size_t  at = sc->i;

    if (at + n < sc->len && sc->p[at + n] == '?') {
        n++;
    }

    if (sc->after_repeat) {
        return page_regexp_fail(sc, "invalid nested repetition operator",
                                sc->p + sc->repeat_at, at + n - sc->repeat_at);
    }
    if (!sc->repeatable) {
        return page_regexp_fail(sc, "missing argument to repetition operator",
                                sc->p + at, n);
    }

    page_regexp_out(sc, sc->p + at, n);
    sc->i = at + n;
    sc->repeat_at = at;
    sc->after_repeat = 1;
    return 0;
}


/*
 * "(?" at sc->i: a named group or flags, as RE2 has them; *depth counts
 * the groups left open.
 */
static int
page_regexp_group_open(page_regexp_scan_t *sc, size_t *depth)
{
    const char  *p = sc->p;
    size_t       i = sc->i, k, start;
    int          neg, flag;

    sc->repeatable = 0;

    /* (?P<name> and (?<name> (Go 1.22), not (?<= (?<! */
    k = i + 2;
    if (k < sc->len && p[k] == 'P' && k + 1 < sc->len && p[k + 1] == '<') {
        k++;
    }
    if (k < sc->len && p[k] == '<'
        && !(k + 1 < sc->len && (p[k + 1] == '=' || p[k + 1] == '!')))
    {
        start = k + 1;
        for (k = start; k < sc->len && (page_regexp_is_alnum(p[k])
                                        || p[k] == '_'); k++)
        {
            /* a name is letters, digits and '_' */
        }
        if (k == start || k == sc->len || p[k] != '>') {
            while (k < sc->len && p[k] != '>') {
                k++;
            }
            return page_regexp_fail(sc, "invalid named capture", p + i,
                                    (k < sc->len ? k + 1 : k) - i);
        }
        page_regexp_outs(sc, "(?<");
        page_regexp_out(sc, p + start, k + 1 - start);
        sc->i = k + 1;
        (*depth)++;
        return 0;
    }

    /* flags: (?i) (?-s) (?im-sU:...) */
    neg = 0;
    flag = 0;
    for (k = i + 2; k < sc->len; k++) {
        if (p[k] == 'i' || p[k] == 'm' || p[k] == 's' || p[k] == 'U') {
            flag = 1;
            continue;
        }
        if (p[k] == '-' && !neg) {
            neg = 1;
            flag = 0;
            continue;
        }
        if ((p[k] == ')' || p[k] == ':') && flag) {
            page_regexp_out(sc, p + i, k + 1 - i);
            sc->i = k + 1;
            *depth += p[k] == ':';
            return 0;
        }
        break;
    }

    return page_regexp_fail(sc, "invalid or unsupported Perl syntax",
                            p + i, (k < sc->len ? k + 1 : k) - i);
}


/* A character class at sc->i ('['), up to its ']'. */
static int
page_regexp_class(page_regexp_scan_t *sc)
{
    const char  *p = sc->p;
    size_t       start = sc->i, k;

    page_regexp_out(sc, "[", 1);
    sc->i++;
    if (sc->i < sc->len && p[sc->i] == '^') {
        page_regexp_out(sc, "^", 1);
        sc->i++;
    }
    if (sc->i < sc->len && p[sc->i] == ']') {
        page_regexp_out(sc, "\\]", 2);      /* first: a literal ']' */
        sc->i++;
    }

    while (sc->i < sc->len) {
        if (p[sc->i] == ']') {
            page_regexp_out(sc, "]", 1);
            sc->i++;
            sc->repeatable = 1;
            return 0;
        }
        if (p[sc->i] == '[' && sc->i + 1 < sc->len && p[sc->i + 1] == ':') {
            /* [:alpha:] as it is: PCRE2 knows RE2's names */
            for (k = sc->i + 2; k + 1 < sc->len; k++) {
                if (p[k] == ':' && p[k + 1] == ']') {
                    break;
                }
            }
            if (k + 1 < sc->len) {
                page_regexp_out(sc, p + sc->i, k + 2 - sc->i);
                sc->i = k + 2;
                continue;
            }
        }
        if (p[sc->i] == '\\') {
            if (page_regexp_escape(sc, 1) != 0) {
                return -1;
            }
            continue;
        }
        if (p[sc->i] == '[') {
            page_regexp_out(sc, "\\[", 2);
        } else {
            page_regexp_out(sc, p + sc->i, 1);
        }
        sc->i++;
    }

    return page_regexp_fail(sc, "missing closing ]", p + start,
                            sc->len - start);
}


/*
 * Check p[0, len) as RE2 syntax and write the PCRE2 pattern into
 * sc->out; -1 with sc->err set when RE2 refuses it.
 */
static int
page_regexp_check(page_regexp_scan_t *sc)
{
    const char  *p = sc->p;
    size_t       depth, n;
    long         min, max;
    char         c;

    depth = 0;
    sc->repeatable = 0;
    sc->after_repeat = 0;

    while (sc->i < sc->len && !sc->oom) {
        c = p[sc->i];

        if (c == '*' || c == '+' || c == '?') {
            if (page_regexp_op(sc, 1) != 0) {
                return -1;
            }
            continue;
        }
        if (c == '{') {
            n = page_regexp_repeat(sc, &min, &max);
            if (n > 0) {
                if (min > PAGE_REGEXP_MAX_REPEAT
                    || max > PAGE_REGEXP_MAX_REPEAT
                    || (max >= 0 && max < min))
                {
                    return page_regexp_fail(sc, "invalid repeat count",
                                            p + sc->i, n);
                }
                if (page_regexp_op(sc, n) != 0) {
                    return -1;
                }
                continue;
            }
        }

        sc->after_repeat = 0;

        switch (c) {
        case '\\':
            if (page_regexp_escape(sc, 0) != 0) {
                return -1;
            }
            continue;
        case '[':
            if (page_regexp_class(sc) != 0) {
                return -1;
            }
            continue;
        case '(':
            if (sc->i + 1 < sc->len && p[sc->i + 1] == '*') {
                return page_regexp_fail(sc, "missing argument to repetition "
                                        "operator", "*", 1);
            }
            if (sc->i + 1 < sc->len && p[sc->i + 1] == '?') {
                if (page_regexp_group_open(sc, &depth) != 0) {
                    return -1;
                }
                continue;
            }
            depth++;
            page_regexp_out(sc, "(", 1);
            sc->i++;
            sc->repeatable = 0;
            continue;
        case ')':
            if (depth == 0) {
                return page_regexp_fail(sc, "unexpected )", p, sc->len);
            }
            depth--;
            page_regexp_out(sc, ")", 1);
            sc->i++;
            sc->repeatable = 1;
            continue;
        case '|':
            page_regexp_out(sc, "|", 1);
            sc->i++;
            sc->repeatable = 0;
            continue;
        case '^': case '$': case '.':
            page_regexp_out(sc, &p[sc->i], 1);
            sc->i++;
            sc->repeatable = 1;
            continue;
        default:
            /* a literal: '{' '}' ']' '#' and the rest, UTF-8 whole */
            n = 1;
            while (sc->i + n < sc->len
                   && ((unsigned char) p[sc->i + n] & 0xc0) == 0x80
                   && ((unsigned char) c & 0x80))
            {
                n++;
            }
            page_regexp_literal(sc, p + sc->i, n);
            sc->i += n;
            sc->repeatable = 1;
        }
    }

    if (depth > 0) {
        return page_regexp_fail(sc, "missing closing )", p, sc->len);
    }

    return 0;
}


/* ---- compiling, the cache ---- */

static int
page_regexp_contexts(void)
{
    if (page_regexp_mctx != NULL) {
        return 0;
    }

    page_regexp_cctx = pcre2_compile_context_create(NULL);
    page_regexp_mctx = pcre2_match_context_create(NULL);
    if (page_regexp_cctx == NULL || page_regexp_mctx == NULL) {
        pcre2_compile_context_free(page_regexp_cctx);
        pcre2_match_context_free(page_regexp_mctx);
        page_regexp_cctx = NULL;
        page_regexp_mctx = NULL;
        return -1;
    }

    /* Go's regexp knows only \n as a line end */
    pcre2_set_newline(page_regexp_cctx, PCRE2_NEWLINE_LF);

    pcre2_set_match_limit(page_regexp_mctx, PAGE_REGEXP_MATCH_LIMIT);
    pcre2_set_depth_limit(page_regexp_mctx, PAGE_REGEXP_DEPTH_LIMIT);
    pcre2_set_heap_limit(page_regexp_mctx, PAGE_REGEXP_HEAP_LIMIT);

    /* without it (memory short) JIT uses 32 KiB of the machine stack */
    page_regexp_jit_stack = pcre2_jit_stack_create(PAGE_REGEXP_JIT_STACK_START,
                                                   PAGE_REGEXP_JIT_STACK_MAX,
                                                   NULL);
    if (page_regexp_jit_stack != NULL) {
        pcre2_jit_stack_assign(page_regexp_mctx, NULL,
                               page_regexp_jit_stack);
    }

    return 0;
}


static int
page_regexp_compile(page_regexp_t *re, const char *p, size_t len, char *err)
{
    int                  rc;
    PCRE2_SIZE           off;
    uint32_t             n;
    PCRE2_UCHAR          msg[128];
    page_regexp_scan_t   sc;

    memset(&sc, 0, sizeof(sc));
    sc.p = p;
    sc.len = len;
    sc.err = err;
    page_regexp_out(&sc, "", 0);

    if (page_regexp_check(&sc) != 0 || sc.oom) {
        if (sc.oom) {
            snprintf(err, PAGE_REGEXP_ERR_SIZE, "out of memory");
        }
        free(sc.out);
        return -1;
    }

    re->code = pcre2_compile((PCRE2_SPTR) sc.out, sc.n, PAGE_REGEXP_OPTIONS,
                             &rc, &off, page_regexp_cctx);
    free(sc.out);

    if (re->code == NULL) {
        if (rc < 0) {
            /* PCRE2's UTF-8 errors are negative */
            snprintf(err, PAGE_REGEXP_ERR_SIZE, "error parsing regexp: "
                     "invalid UTF-8: `%.*s`", (int) (len > 80 ? 80 : len), p);
        } else {
            pcre2_get_error_message(rc, msg, sizeof(msg));
            snprintf(err, PAGE_REGEXP_ERR_SIZE, "error parsing regexp: %s: "
                     "`%.*s`", (const char *) msg, (int) (len > 80 ? 80 : len),
                     p);
        }
        return -1;
    }

    /*
     * The interpreter does the same where JIT is not available (and in
     * `make valgrind`'s build, see the Makefile).
     */
#ifndef PAGE_REGEXP_NO_JIT
    (void) pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
#endif

    re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
    if (re->md == NULL) {
        pcre2_code_free(re->code);
        snprintf(err, PAGE_REGEXP_ERR_SIZE, "out of memory");
        return -1;
    }

    (void) pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &n);
    re->groups = n;
    return 0;
}


static void
page_regexp_free(page_regexp_t *re)
{
    pcre2_match_data_free(re->md);
    pcre2_code_free(re->code);
    free(re->pattern);
}


page_regexp_t *
page_regexp_get(const char *p, size_t len, char *err)
{
    size_t          i;
    page_regexp_t  *re, tmp;

    for (i = 0; i < page_regexp_ncached; i++) {
        re = &page_regexp_cache[i];
        if (re->len == len && memcmp(re->pattern, p, len) == 0) {
            return re;
        }
    }

    if (page_regexp_contexts() != 0) {
        snprintf(err, PAGE_REGEXP_ERR_SIZE, "out of memory");
        return NULL;
    }

    memset(&tmp, 0, sizeof(tmp));
    if (page_regexp_compile(&tmp, p, len, err) != 0) {
        return NULL;
    }

    tmp.pattern = malloc(len + 1);
    if (tmp.pattern != NULL) {
        memcpy(tmp.pattern, p, len);
        tmp.pattern[len] = '\0';
    }
    tmp.len = len;

    if (tmp.pattern != NULL && page_regexp_ncached < PAGE_REGEXP_CACHE) {
        tmp.cached = 1;
        re = &page_regexp_cache[page_regexp_ncached++];
        *re = tmp;
        return re;
    }

    /* the table is full: this one lives until released */
    re = malloc(sizeof(page_regexp_t));
    if (re == NULL) {
        page_regexp_free(&tmp);
        snprintf(err, PAGE_REGEXP_ERR_SIZE, "out of memory");
        return NULL;
    }
    *re = tmp;
    return re;
}


void
page_regexp_release(page_regexp_t *re)
{
    if (re != NULL && !re->cached) {
        page_regexp_free(re);
        free(re);
    }
}


/* ---- matching ---- */

size_t
page_regexp_groups(const page_regexp_t *re)
{
    return re->groups;
}


int
page_regexp_match(page_regexp_t *re, const char *s, size_t len, size_t off,
    char *err)
{
    int          rc;
    PCRE2_UCHAR  msg[128];

    rc = pcre2_match(re->code, (PCRE2_SPTR) (s ? s : ""), len, off, 0, re->md,
                     page_regexp_mctx);
    if (rc > 0) {
        return 1;
    }
    if (rc == PCRE2_ERROR_NOMATCH) {
        return 0;
    }

    pcre2_get_error_message(rc, msg, sizeof(msg));
    snprintf(err, PAGE_REGEXP_ERR_SIZE, "the pattern takes too long on this "
             "input (PCRE2: %s)", (const char *) msg);
    return -1;
}


int
page_regexp_group(const page_regexp_t *re, size_t i, size_t *from,
    size_t *to)
{
    PCRE2_SIZE  *ov;

    if (i > re->groups) {
        return 0;
    }

    ov = pcre2_get_ovector_pointer(re->md);
    if (ov[2 * i] == PCRE2_UNSET) {
        return 0;
    }

    *from = ov[2 * i];
    *to = ov[2 * i + 1];
    return 1;
}


int
page_regexp_group_number(const page_regexp_t *re, const char *name,
    size_t len)
{
    char  buf[64];
    int   n;

    if (len >= sizeof(buf)) {
        return -1;
    }
    memcpy(buf, name, len);
    buf[len] = '\0';

    n = pcre2_substring_number_from_name(re->code, (PCRE2_SPTR) buf);
    return n > 0 ? n : -1;
}


/* The pattern of page_regexp_name_len(), compiled on first use. */
static pcre2_code        *page_regexp_name_code;
static pcre2_match_data  *page_regexp_name_md;


size_t
page_regexp_name_len(const char *s, size_t len)
{
    static const char   name[] = "[\\p{L}\\p{Nd}_]+";
    int                 rc;
    PCRE2_SIZE          off;

    if (page_regexp_name_code == NULL) {
        page_regexp_name_code = pcre2_compile((PCRE2_SPTR) name,
                                              sizeof(name) - 1,
                                              PCRE2_UTF
                                              | PCRE2_MATCH_INVALID_UTF
                                              | PCRE2_ANCHORED,
                                              &rc, &off, NULL);
        if (page_regexp_name_code == NULL) {
            return 0;
        }

        page_regexp_name_md = pcre2_match_data_create_from_pattern(
                                  page_regexp_name_code, NULL);
        if (page_regexp_name_md == NULL) {
            pcre2_code_free(page_regexp_name_code);
            page_regexp_name_code = NULL;
            return 0;
        }
    }

    if (pcre2_match(page_regexp_name_code, (PCRE2_SPTR) s, len, 0, 0,
                    page_regexp_name_md, NULL)
        < 1)
    {
        return 0;
    }

    return pcre2_get_ovector_pointer(page_regexp_name_md)[1];
}


void
page_regexp_exit(void)
{
    size_t  i;

    for (i = 0; i < page_regexp_ncached; i++) {
        page_regexp_free(&page_regexp_cache[i]);
    }

    page_regexp_ncached = 0;

    pcre2_match_data_free(page_regexp_name_md);
    pcre2_code_free(page_regexp_name_code);
    pcre2_jit_stack_free(page_regexp_jit_stack);
    pcre2_match_context_free(page_regexp_mctx);
    pcre2_compile_context_free(page_regexp_cctx);

    page_regexp_name_md = NULL;
    page_regexp_name_code = NULL;
    page_regexp_jit_stack = NULL;
    page_regexp_mctx = NULL;
    page_regexp_cctx = NULL;
}
