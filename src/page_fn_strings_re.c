/*
 * page_fn_strings_re: the regular-expression functions of Hugo's strings
 * namespace (tpl/strings): findRE and replaceRE, with the patterns'
 * compilation and its cache.
 */

#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "page_fn.h"


/*
 * Longest pattern accepted: patterns come from templates, but a bound
 * keeps the compiled automaton (and its time) small.
 */
#define PAGE_TPL_MAX_REGEX  1024

/* Most matches findRE and replaceRE handle in one call. */
#define PAGE_TPL_MAX_MATCHES  10000

/* Submatches a replacement may refer to ($0 .. $9). */
#define PAGE_TPL_MAX_GROUPS  10

/*
 * Longest literal prefix the prefilter looks for: a longer one rules out
 * few more places in practice, and the bound keeps small the comparison
 * made wherever the prefix's first byte occurs.
 */
#define PAGE_TPL_RE_PREFIX  16

/* ERE metacharacters: the literal prefix of a pattern ends at them. */
#define PAGE_TPL_RE_META  "\\.[]()*+?{}|^$"

/* ERE quantifiers: the literal before them may match zero times. */
#define PAGE_TPL_RE_QUANT  "*+?{"


/*
 * A compiled pattern.  When every match of it starts with the same
 * literal bytes, its prefix, findRE and replaceRE look for these with
 * memchr() and try the pattern anchored there rather than have regexec()
 * restart its automaton at every byte a match could start with: the
 * default theme's `<h[12] id="...` is tried at each "<h" of the page,
 * not at each '<'.  A pattern with a prefix has no alternation, so "^"
 * pattern anchors all of it, and its groups keep their numbers.
 */
typedef struct {
    regex_t   re;                           /* when plen is 0 */
    regex_t   anchored;                     /* when plen > 0 */
    char      prefix[PAGE_TPL_RE_PREFIX];
    size_t    plen;                         /* 0: no prefilter */
} page_tpl_regex_t;


/*
 * Compiled patterns, kept for the life of the process: themes use a few
 * constant patterns on every request, and compiling one costs more than
 * matching it (glibc also keeps the DFA states it builds while matching
 * in the regex_t, so later matches get cheaper).  Bounded: once the table
 * is full, further patterns are compiled per call, without a prefilter,
 * and freed as before.  Templates run on one thread (an nginx worker,
 * the CLI).
 */
#define PAGE_TPL_RE_CACHE  32


typedef struct {
    char              *pattern;     /* as the template wrote it, less "(?i)" */
    size_t             len;
    int                flags;
    page_tpl_regex_t   rx;
} page_tpl_re_cache_t;


static page_tpl_re_cache_t  page_tpl_re_cache[PAGE_TPL_RE_CACHE];
static size_t               page_tpl_re_cached;


/* A cached compilation of pattern, or NULL. */
static page_tpl_regex_t *
page_tpl_re_lookup(const char *pattern, size_t len, int flags)
{
    size_t  i;

    for (i = 0; i < page_tpl_re_cached; i++) {
        if (page_tpl_re_cache[i].flags == flags
            && page_tpl_re_cache[i].len == len
            && memcmp(page_tpl_re_cache[i].pattern, pattern, len) == 0)
        {
            return &page_tpl_re_cache[i].rx;
        }
    }

    return NULL;
}


/*
 * Length of the literal that starts every match of ere, 0 when there is
 * none to rely on: ere starts with a metacharacter, or has an alternation
 * somewhere (an alternative may start with anything; a '|' inside a
 * bracket expression or escaped is not one, but rare enough to be
 * treated alike).  A literal that a quantifier follows is left out, all
 * bytes of its UTF-8 character: it may match zero times.  A prefix that
 * starts with a UTF-8 continuation byte is not used: in a multibyte
 * locale it could be found inside a character.
 */
static size_t
page_tpl_re_prefix(const char *ere)
{
    size_t  n;

    if (((unsigned char) ere[0] & 0xc0) == 0x80 || strchr(ere, '|') != NULL)
    {
        return 0;
    }

    n = strcspn(ere, PAGE_TPL_RE_META);

    if (ere[n] != '\0' && strchr(PAGE_TPL_RE_QUANT, ere[n]) != NULL) {
        while (n > 0 && ((unsigned char) ere[n - 1] & 0xc0) == 0x80) {
            n--;
        }
        if (n > 0) {
            n--;
        }
    }

    return n < PAGE_TPL_RE_PREFIX ? n : PAGE_TPL_RE_PREFIX;
}


/*
 * Keep a copy of the compiled *rx for pattern; returns it, or NULL when
 * the table is full (or memory short).
 */
static page_tpl_regex_t *
page_tpl_re_keep(const char *pattern, size_t len, int flags,
    const page_tpl_regex_t *rx)
{
    char                 *copy;
    page_tpl_re_cache_t  *e;

    if (page_tpl_re_cached == PAGE_TPL_RE_CACHE) {
        return NULL;
    }

    copy = malloc(len + 1);
    if (copy == NULL) {
        return NULL;
    }
    memcpy(copy, pattern, len);
    copy[len] = '\0';

    e = &page_tpl_re_cache[page_tpl_re_cached++];
    e->pattern = copy;
    e->len = len;
    e->flags = flags;
    e->rx = *rx;

    return &e->rx;
}


/*
 * pattern, translated into ere, compiled anchored with its prefilter and
 * kept; NULL when it has no prefix, does not compile, or is not kept
 * (the table full).  Such a pattern is not compiled unanchored: every
 * match is found at its prefix.  "^" ere compiles exactly when ere does
 * (ere starts with a literal), so errors are reported as before.  Not
 * for (?i) patterns: the prefix would have to be looked for in either
 * case.
 */
static page_tpl_regex_t *
page_tpl_re_anchored(const char *pattern, size_t len, int flags,
    const char *ere)
{
    char              *anchored;
    size_t             n, elen;
    int                rc;
    page_tpl_regex_t   rx, *kept;

    n = (flags & REG_ICASE) ? 0 : page_tpl_re_prefix(ere);
    if (n == 0 || page_tpl_re_cached == PAGE_TPL_RE_CACHE) {
        return NULL;
    }

    elen = strlen(ere);
    anchored = malloc(elen + 2);
    if (anchored == NULL) {
        return NULL;
    }
    anchored[0] = '^';
    memcpy(anchored + 1, ere, elen + 1);

    rc = regcomp(&rx.anchored, anchored, flags);
    free(anchored);
    if (rc != 0) {
        return NULL;
    }

    memcpy(rx.prefix, ere, n);
    rx.plen = n;

    kept = page_tpl_re_keep(pattern, len, flags, &rx);
    if (kept == NULL) {
        regfree(&rx.anchored);
    }

    return kept;
}


/* Release a pattern page_tpl_regcomp() returned. */
static void
page_tpl_regfree(page_tpl_regex_t *rx, page_tpl_regex_t *tmp)
{
    if (rx == tmp) {
        regfree(&tmp->re);
    }
}


/*
 * Translate the RE2 features themes use into an ERE: \d \w \s and their
 * negations, \. style escapes, a leading (?i).  Back-references and
 * other RE2-only syntax are refused.  *rx is the compiled pattern: a
 * cached one, or tmp; release it with page_tpl_regfree(*rx, tmp).
 */
static int
page_tpl_regcomp(page_tpl_state_t *st, const char *fn, page_value_t *v,
    page_tpl_regex_t **rx, page_tpl_regex_t *tmp)
{
    const char  *s, *rep;
    size_t       len, i;
    int          flags, rc;
    page_buf_t   b;
    char         c;

    if (page_tpl_arg_str(st, fn, v, &s, &len) != 0) {
        return -1;
    }

    if (len > PAGE_TPL_MAX_REGEX) {
        return page_tpl_fail(st, "%s: pattern too long", fn);
    }

    flags = REG_EXTENDED;
    if (len >= 4 && memcmp(s, "(?i)", 4) == 0) {
        flags |= REG_ICASE;
        s += 4;
        len -= 4;
    }

    /* the translation depends on the pattern alone: cached by it */
    *rx = page_tpl_re_lookup(s, len, flags);
    if (*rx != NULL) {
        return 0;
    }

    page_tpl_buf(st, &b);
    for (i = 0; i < len; i++) {
        c = s[i];
        if (c == '\0') {
            return page_tpl_fail(st, "%s: NUL in pattern", fn);
        }
        if (c != '\\' || i + 1 == len) {
            page_buf_putc(&b, c);
            continue;
        }
        c = s[++i];
        switch (c) {
        case 'd': rep = "[0-9]"; break;
        case 'D': rep = "[^0-9]"; break;
        case 'w': rep = "[0-9A-Za-z_]"; break;
        case 'W': rep = "[^0-9A-Za-z_]"; break;
        case 's': rep = "[\t\n\f\r ]"; break;
        case 'S': rep = "[^\t\n\f\r ]"; break;
        case 'n': rep = "\n"; break;
        case 't': rep = "\t"; break;
        default:
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z'))
            {
                return page_tpl_fail(st, "%s: unsupported escape \\%c in "
                                     "pattern", fn, c);
            }
            page_buf_putc(&b, '\\');
            page_buf_putc(&b, c);
            continue;
        }
        page_buf_puts(&b, rep);
    }

    if (page_buf_cstr(&b) == NULL) {
        return page_tpl_nomem(st);
    }

    *rx = page_tpl_re_anchored(s, len, flags, b.data);
    if (*rx != NULL) {
        return 0;
    }

    rc = regcomp(&tmp->re, b.data, flags);
    if (rc != 0) {
        char  msg[128];

        regerror(rc, &tmp->re, msg, sizeof(msg));
        return page_tpl_fail(st, "%s: bad pattern: %s", fn, msg);
    }
    tmp->plen = 0;

    *rx = page_tpl_re_keep(s, len, flags, tmp);
    if (*rx == NULL) {
        *rx = tmp;
    }

    return 0;
}


/*
 * The input of findRE and replaceRE, s[0, *len): it ends at its first
 * NUL byte, as when regexec() was handed C strings.
 */
static const char *
page_tpl_re_input(const char *s, size_t *len)
{
    const char  *nul;

    if (s == NULL) {
        *len = 0;
        return "";
    }

    nul = memchr(s, '\0', *len);
    if (nul != NULL) {
        *len = (size_t) (nul - s);
    }

    return s;
}


/*
 * Run re on s[off, len) as if the string began at off, with eflags: 0
 * and the submatches m[0 .. nmatch) as offsets into s, or 1 when there
 * is no match.
 */
static int
page_tpl_re_exec(const regex_t *re, const char *s, size_t len, size_t off,
    int eflags, size_t nmatch, regmatch_t *m)
{
    size_t  i;

    m[0].rm_so = 0;
    m[0].rm_eo = (regoff_t) (len - off);

    if (regexec(re, s + off, nmatch, m, eflags | REG_STARTEND) != 0) {
        return 1;
    }

    for (i = 0; i < nmatch; i++) {
        if (m[i].rm_so >= 0) {
            m[i].rm_so += (regoff_t) off;
            m[i].rm_eo += (regoff_t) off;
        }
    }

    return 0;
}


/* The first place at or after off where rx's prefix occurs in s, or len. */
static size_t
page_tpl_re_candidate(const page_tpl_regex_t *rx, const char *s,
    size_t len, size_t off)
{
    const char  *p;

    while (len - off >= rx->plen) {
        p = memchr(s + off, rx->prefix[0], len - off - rx->plen + 1);
        if (p == NULL) {
            break;
        }
        if (memcmp(p + 1, rx->prefix + 1, rx->plen - 1) == 0) {
            return (size_t) (p - s);
        }
        off = (size_t) (p - s) + 1;
    }

    return len;
}


/*
 * The first match of rx in s[off, len), with matching restarted at off
 * (REG_NOTBOL past 0): 0 with m[0 .. nmatch) as offsets into s, or 1.
 *
 * The prefilter tries the anchored pattern at each place the prefix
 * occurs, in order, so it finds the leftmost match, and the longest
 * there, as the plain scan does.  Its cost is bounded by the scan's:
 * regexec() starts its automaton at every place a match could start (the
 * prefix's first byte is one) and runs it as far as the anchored pattern
 * runs from there, so the prefilter does a part of that work plus, per
 * place, a memchr() and the set-up of a regexec() call.  At worst, when
 * every '<' starts a "<h" that fails at once ("<hr><hr>..." for the
 * theme's `<h[12]...`), that is about 1.5 times the scan's cost: no
 * budget or fallback is needed.  Input on which the automaton runs far
 * from many places before failing (`<h[^>]*x` on "<h<h<h...") is
 * quadratic for both alike: that is glibc's matcher.
 */
static int
page_tpl_re_find(const page_tpl_regex_t *rx, const char *s, size_t len,
    size_t off, size_t nmatch, regmatch_t *m)
{
    if (rx->plen == 0) {
        return page_tpl_re_exec(&rx->re, s, len, off,
                                off > 0 ? REG_NOTBOL : 0, nmatch, m);
    }

    for ( ;; ) {
        off = page_tpl_re_candidate(rx, s, len, off);
        if (off == len) {
            return 1;                   /* every match starts with it */
        }
        if (page_tpl_re_exec(&rx->anchored, s, len, off, 0, nmatch, m) == 0)
        {
            return 0;
        }
        off++;
    }
}


/* findRE PATTERN INPUT [LIMIT] */
static int
page_tpl_f_findre(PAGE_FN_ARGS)
{
    const char        *s;
    size_t             len, off;
    int64_t            limit, n;
    page_tpl_regex_t   tmp, *rx;
    regmatch_t         m;
    page_value_t      *l, *v;
    int                rc;

    if (page_tpl_text(st, args[1], &s, &len) != 0) {
        return -1;
    }
    limit = -1;
    if (nargs == 3 && page_tpl_to_int(st, "findRE", args[2], &limit) != 0) {
        return -1;
    }

    l = page_tpl_list_new(st);
    if (l == NULL) {
        return page_tpl_nomem(st);
    }

    if (page_tpl_regcomp(st, "findRE", args[0], &rx, &tmp) != 0) {
        return -1;
    }

    s = page_tpl_re_input(s, &len);

    rc = 0;
    off = 0;
    for (n = 0; (limit < 0 || n < limit) && n < PAGE_TPL_MAX_MATCHES
                && off <= len; n++)
    {
        if (page_tpl_re_find(rx, s, len, off, 1, &m) != 0) {
            break;
        }
        v = page_value_string(st->arena, s + m.rm_so,
                              (size_t) (m.rm_eo - m.rm_so));
        if (v == NULL || page_tpl_push(st, l, v) != 0) {
            rc = page_tpl_nomem(st);
            break;
        }
        off = (size_t) (m.rm_eo > m.rm_so ? m.rm_eo : m.rm_so + 1);
    }

    page_tpl_regfree(rx, &tmp);
    *res = l;
    return rc;
}


/* Append repl with $1, ${1} expanded from the match at base. */
static void
page_tpl_expand(page_buf_t *b, const char *repl, size_t rlen,
    const char *base, const regmatch_t *m)
{
    size_t  i, k;
    int     g;

    for (i = 0; i < rlen; i++) {
        if (repl[i] != '$' || i + 1 == rlen) {
            page_buf_putc(b, repl[i]);
            continue;
        }
        k = i + 1;
        if (repl[k] == '$') {
            page_buf_putc(b, '$');
            i = k;
            continue;
        }
        if (repl[k] == '{' && k + 2 < rlen && repl[k + 1] >= '0'
            && repl[k + 1] <= '9' && repl[k + 2] == '}')
        {
            g = repl[k + 1] - '0';
            i = k + 2;
        } else if (repl[k] >= '0' && repl[k] <= '9') {
            g = repl[k] - '0';
            i = k;
        } else {
            page_buf_putc(b, '$');
            continue;
        }
        if (m[g].rm_so >= 0) {
            page_buf_append(b, base + m[g].rm_so,
                            (size_t) (m[g].rm_eo - m[g].rm_so));
        }
    }
}


/*
 * Submatches the replacement refers to ($N, ${N}) plus the whole match:
 * glibc's regexec() is about eight times cheaper when asked for the
 * whole match alone.
 */
static size_t
page_tpl_groups(const char *repl, size_t rlen)
{
    size_t  i, n, g;

    n = 1;

    for (i = 0; i + 1 < rlen; i++) {
        if (repl[i] != '$') {
            continue;
        }
        if (repl[i + 1] == '$') {
            i++;
            continue;
        }
        if (repl[i + 1] >= '0' && repl[i + 1] <= '9') {
            g = (size_t) (repl[i + 1] - '0');
        } else if (repl[i + 1] == '{' && i + 3 < rlen
                   && repl[i + 2] >= '0' && repl[i + 2] <= '9'
                   && repl[i + 3] == '}')
        {
            g = (size_t) (repl[i + 2] - '0');
        } else {
            continue;
        }
        if (g + 1 > n) {
            n = g + 1;
        }
    }

    return n;
}


/* replaceRE PATTERN REPLACEMENT INPUT [LIMIT] */
static int
page_tpl_f_replacere(PAGE_FN_ARGS)
{
    const char        *s, *repl;
    size_t             len, rlen, off, groups;
    int64_t            limit, n;
    page_tpl_regex_t   tmp, *rx;
    regmatch_t         m[PAGE_TPL_MAX_GROUPS];
    page_buf_t         b;

    if (page_tpl_text(st, args[1], &repl, &rlen) != 0
        || page_tpl_text(st, args[2], &s, &len) != 0)
    {
        return -1;
    }
    limit = -1;
    if (nargs == 4 && page_tpl_to_int(st, "replaceRE", args[3], &limit) != 0)
    {
        return -1;
    }

    if (page_tpl_regcomp(st, "replaceRE", args[0], &rx, &tmp) != 0) {
        return -1;
    }

    s = page_tpl_re_input(s, &len);
    groups = page_tpl_groups(repl, rlen);

    page_tpl_buf(st, &b);
    off = 0;
    for (n = 0; (limit < 0 || n < limit) && n < PAGE_TPL_MAX_MATCHES
                && off <= len; n++)
    {
        if (page_tpl_re_find(rx, s, len, off, groups, m) != 0) {
            break;
        }
        page_buf_append(&b, s + off, (size_t) m[0].rm_so - off);
        page_tpl_expand(&b, repl, rlen, s, m);
        if (m[0].rm_eo == m[0].rm_so) {
            /* an empty match: keep one character and move on */
            if ((size_t) m[0].rm_eo < len) {
                page_buf_putc(&b, s[m[0].rm_eo]);
            }
            off = (size_t) m[0].rm_eo + 1;
        } else {
            off = (size_t) m[0].rm_eo;
        }
    }

    if (off < len) {
        page_buf_append(&b, s + off, len - off);
    }

    page_tpl_regfree(rx, &tmp);
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


const page_tpl_func_t  page_fn_strings_re[] = {
    { "strings.FindRE", page_tpl_f_findre, 2, 3 },
    { "findRE", page_tpl_f_findre, 2, 3 },
    { "strings.ReplaceRE", page_tpl_f_replacere, 3, 4 },
    { "replaceRE", page_tpl_f_replacere, 3, 4 },
    { NULL, NULL, 0, 0 }
};
