/*
 * page_fn_strings_re: the regular-expression functions of Hugo's strings
 * namespace (tpl/strings): findRE, findRESubmatch, replaceRE.  Patterns
 * are RE2's syntax, matched through PCRE2 (page_regexp.c); the loops over
 * the matches, the limits and the $name expansion are Go's regexp
 * package's, as Hugo calls it.
 */

#include <string.h>

#include "page_fn.h"
#include "page_regexp.h"
#include "page_utf8.h"


/*
 * Longest pattern accepted: patterns come from templates, but a bound
 * keeps the compiled pattern (and its time) small.
 */
#define PAGE_TPL_MAX_REGEX  1024

/* Most matches findRE, findRESubmatch and replaceRE handle in one call. */
#define PAGE_TPL_MAX_MATCHES  10000


/* What a match loop hands each match to: 0, or -1 to stop with an error. */
typedef int (*page_tpl_re_match_pt)(page_tpl_state_t *st,
    page_regexp_t *re, const char *s, void *ctx);


/* The compiled pattern argument, or a failure with Go's message. */
static int
page_tpl_re_arg(page_tpl_state_t *st, const char *fn, page_value_t *v,
    page_regexp_t **re)
{
    const char  *s;
    size_t       len;
    char         err[PAGE_REGEXP_ERR_SIZE];

    if (page_tpl_arg_str(st, fn, v, &s, &len) != 0) {
        return -1;
    }
    if (len > PAGE_TPL_MAX_REGEX) {
        return page_tpl_fail(st, "%s: pattern too long", fn);
    }

    *re = page_regexp_get(s, len, err);
    if (*re == NULL) {
        return page_tpl_fail(st, "%s", err);
    }
    return 0;
}


/* The optional limit argument: -1 (all) when absent. */
static int
page_tpl_re_limit(page_tpl_state_t *st, const char *fn, page_value_t **args,
    size_t nargs, size_t i, int64_t *limit)
{
    *limit = -1;
    if (nargs > i) {
        return page_tpl_to_int(st, fn, args[i], limit);
    }
    return 0;
}


/* The width of the character at s[pos, len): 0 at the end, as Go's. */
static size_t
page_tpl_re_width(const char *s, size_t len, size_t pos)
{
    uint32_t  r;

    return page_utf8_decode(s + pos, len - pos, &r);
}


/* The next match at or after pos: 1 with [*from, *to), 0, or -1 failed. */
static int
page_tpl_re_next(page_tpl_state_t *st, page_regexp_t *re, const char *s,
    size_t len, size_t pos, size_t *from, size_t *to)
{
    int   rc;
    char  err[PAGE_REGEXP_ERR_SIZE];

    rc = page_regexp_match(re, s, len, pos, err);
    if (rc < 0) {
        return page_tpl_fail(st, "%s", err);
    }
    if (rc > 0) {
        (void) page_regexp_group(re, 0, from, to);
    }
    return rc;
}


/*
 * Go's Regexp.allMatches: the matches of re in s, at most limit (all when
 * negative), each after the last; an empty match right after a match is
 * not one.  Each is handed to fn while re holds its groups.
 */
static int
page_tpl_re_each(page_tpl_state_t *st, page_regexp_t *re, const char *s,
    size_t len, int64_t limit, page_tpl_re_match_pt fn, void *ctx)
{
    size_t   pos, from, to, prev, w;
    int64_t  n;
    int      rc, accept, have_prev;

    pos = 0;
    prev = 0;
    have_prev = 0;

    for (n = 0; (limit < 0 || n < limit) && n < PAGE_TPL_MAX_MATCHES
                && pos <= len; )
    {
        rc = page_tpl_re_next(st, re, s, len, pos, &from, &to);
        if (rc < 0) {
            return -1;
        }
        if (rc == 0) {
            break;
        }

        accept = 1;
        if (to == pos) {
            if (have_prev && from == prev) {
                accept = 0;
            }
            w = page_tpl_re_width(s, len, pos);
            pos = w > 0 ? pos + w : len + 1;
        } else {
            pos = to;
        }
        prev = to;
        have_prev = 1;

        if (accept) {
            if (fn(st, re, s, ctx) != 0) {
                return -1;
            }
            n++;
        }
    }

    return 0;
}


/* A group of the last match as a string value (empty when unset). */
static page_value_t *
page_tpl_re_group(page_tpl_state_t *st, page_regexp_t *re, const char *s,
    size_t i)
{
    size_t  from, to;

    if (!page_regexp_group(re, i, &from, &to)) {
        from = 0;
        to = 0;
    }
    return page_value_string(st->arena, s + from, to - from);
}


static int
page_tpl_re_push_match(page_tpl_state_t *st, page_regexp_t *re,
    const char *s, void *ctx)
{
    page_value_t  *v;

    v = page_tpl_re_group(st, re, s, 0);
    if (v == NULL) {
        return page_tpl_nomem(st);
    }
    return page_tpl_push(st, ctx, v);
}


static int
page_tpl_re_push_groups(page_tpl_state_t *st, page_regexp_t *re,
    const char *s, void *ctx)
{
    size_t         i;
    page_value_t  *l, *v;

    l = page_tpl_list_new(st);
    if (l == NULL) {
        return -1;
    }
    for (i = 0; i <= page_regexp_groups(re); i++) {
        v = page_tpl_re_group(st, re, s, i);
        if (v == NULL) {
            return page_tpl_nomem(st);
        }
        if (page_tpl_push(st, l, v) != 0) {
            return -1;
        }
    }
    return page_tpl_push(st, ctx, l);
}


/* findRE and findRESubmatch: PATTERN INPUT [LIMIT] */
static int
page_tpl_re_find(page_tpl_state_t *st, const char *fn, page_value_t **args,
    size_t nargs, page_tpl_re_match_pt each, page_value_t **res)
{
    const char     *s;
    size_t          len;
    int64_t         limit;
    int             rc;
    page_regexp_t  *re;
    page_value_t   *l;

    if (page_tpl_text(st, args[1], &s, &len) != 0
        || page_tpl_re_limit(st, fn, args, nargs, 2, &limit) != 0)
    {
        return -1;
    }

    l = page_tpl_list_new(st);
    if (l == NULL || page_tpl_re_arg(st, fn, args[0], &re) != 0) {
        return -1;
    }

    rc = page_tpl_re_each(st, re, s, len, limit, each, l);

    page_regexp_release(re);
    *res = l;
    return rc;
}


static int
page_tpl_f_findre(PAGE_FN_ARGS)
{
    return page_tpl_re_find(st, "findRE", args, nargs,
                            page_tpl_re_push_match, res);
}


static int
page_tpl_f_findresubmatch(PAGE_FN_ARGS)
{
    return page_tpl_re_find(st, "findRESubmatch", args, nargs,
                            page_tpl_re_push_groups, res);
}


/*
 * Go's Regexp.Expand: repl with $name and ${name} replaced by the groups
 * of the last match of re in s; $$ is a '$'.  A name is as long as it
 * can be ($1x is the group "1x"); a number names a group by its number,
 * anything else by its name; an unknown or unset group is empty, and a
 * '$' that starts no name is kept.
 */
static void
page_tpl_re_expand(page_buf_t *b, page_regexp_t *re, const char *s,
    const char *repl, size_t rlen)
{
    size_t       i, k, nl, from, to, g;
    int          brace, num;
    const char  *name;

    for (i = 0; i < rlen; i++) {
        if (repl[i] != '$') {
            page_buf_putc(b, repl[i]);
            continue;
        }
        if (i + 1 < rlen && repl[i + 1] == '$') {
            page_buf_putc(b, '$');
            i++;
            continue;
        }

        brace = i + 1 < rlen && repl[i + 1] == '{';
        k = i + 1 + brace;
        nl = page_regexp_name_len(repl + k, rlen - k);
        if (nl == 0 || (brace && (k + nl == rlen || repl[k + nl] != '}'))) {
            page_buf_putc(b, '$');      /* malformed: the '$' as it is */
            continue;
        }
        name = repl + k;
        i = k + nl + brace - 1;

        /* a number below 1e8 without a leading zero, or a name */
        num = 0;
        for (g = 0; g < nl; g++) {
            if (name[g] < '0' || name[g] > '9' || num >= 100000000) {
                num = -1;
                break;
            }
            num = num * 10 + (name[g] - '0');
        }
        if (name[0] == '0' && nl > 1) {
            num = -1;
        }
        if (num < 0) {
            num = page_regexp_group_number(re, name, nl);
        }

        if (num >= 0 && page_regexp_group(re, (size_t) num, &from, &to)) {
            page_buf_append(b, s + from, to - from);
        }
    }
}


typedef struct {
    page_buf_t    *out;
    const char    *repl;
    size_t         rlen;
    int64_t        left;            /* matches still to replace */
    int            inner;           /* expanding, not replacing again */
} page_tpl_re_repl_t;


static int page_tpl_re_replace_all(page_tpl_state_t *st, page_regexp_t *re,
    const char *s, size_t len, page_tpl_re_repl_t *r);


/*
 * What Hugo's replaceRE puts for one match: ReplaceAllStringFunc hands it
 * the matched text, on which it runs ReplaceAllString again, while its
 * count lasts; past it, the text as it was.
 */
static int
page_tpl_re_replacement(page_tpl_state_t *st, page_regexp_t *re,
    const char *s, size_t from, size_t to, page_tpl_re_repl_t *r)
{
    page_tpl_re_repl_t  inner;

    if (r->inner) {
        page_tpl_re_expand(r->out, re, s, r->repl, r->rlen);
        return 0;
    }

    if (r->left == 0) {
        page_buf_append(r->out, s + from, to - from);
        return 0;
    }
    if (r->left > 0) {
        r->left--;
    }

    inner = *r;
    inner.inner = 1;
    return page_tpl_re_replace_all(st, re, s + from, to - from, &inner);
}


/*
 * Go's Regexp.replaceAll: the text between matches kept, each match
 * replaced, except an empty match right after a match; the search moves
 * on by at least one character.
 */
static int
page_tpl_re_replace_all(page_tpl_state_t *st, page_regexp_t *re,
    const char *s, size_t len, page_tpl_re_repl_t *r)
{
    size_t  last, pos, from, to, w;
    int     rc, n;

    last = 0;
    pos = 0;

    for (n = 0; pos <= len && n < PAGE_TPL_MAX_MATCHES; n++) {
        rc = page_tpl_re_next(st, re, s, len, pos, &from, &to);
        if (rc < 0) {
            return -1;
        }
        if (rc == 0) {
            break;
        }

        page_buf_append(r->out, s + last, from - last);
        if ((to > last || from == 0)
            && page_tpl_re_replacement(st, re, s, from, to, r) != 0)
        {
            return -1;
        }
        last = to;

        w = page_tpl_re_width(s, len, pos);
        if (pos + w > to) {
            pos += w;
        } else if (pos + 1 > to) {
            pos++;
        } else {
            pos = to;
        }
    }

    page_buf_append(r->out, s + last, len - last);
    return 0;
}


/* replaceRE PATTERN REPLACEMENT INPUT [LIMIT] */
static int
page_tpl_f_replacere(PAGE_FN_ARGS)
{
    const char          *s;
    size_t               len;
    int                  rc;
    page_buf_t           b;
    page_regexp_t       *re;
    page_tpl_re_repl_t   r;

    if (page_tpl_text(st, args[1], &r.repl, &r.rlen) != 0
        || page_tpl_text(st, args[2], &s, &len) != 0
        || page_tpl_re_limit(st, "replaceRE", args, nargs, 3, &r.left) != 0
        || page_tpl_re_arg(st, "replaceRE", args[0], &re) != 0)
    {
        return -1;
    }

    page_tpl_buf(st, &b);
    r.out = &b;
    r.inner = 0;

    rc = page_tpl_re_replace_all(st, re, s, len, &r);

    page_regexp_release(re);
    return rc != 0 ? -1 : page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


const page_tpl_func_t  page_fn_strings_re[] = {
    { "strings.FindRE", page_tpl_f_findre, 2, 3 },
    { "findRE", page_tpl_f_findre, 2, 3 },
    { "strings.FindRESubmatch", page_tpl_f_findresubmatch, 2, 3 },
    { "findRESubmatch", page_tpl_f_findresubmatch, 2, 3 },
    { "strings.ReplaceRE", page_tpl_f_replacere, 3, 4 },
    { "replaceRE", page_tpl_f_replacere, 3, 4 },
    { NULL, NULL, 0, 0 }
};
