/*
 * page_fn_strings: Hugo's strings namespace (tpl/strings): case, trimming,
 * prefixes and suffixes, searching (Contains, ContainsAny,
 * ContainsNonSpace, Count), splitting, replacing (Replace, ReplacePairs),
 * substrings (Substr, SliceString), title case, truncation that closes
 * HTML, and counting (RuneCount, CountRunes, CountWords).  Arguments are
 * cast to strings as Hugo's cast.ToStringE does.  The regular-expression
 * functions of the namespace (findRE, replaceRE) are in
 * page_fn_strings_re.c.
 */

#include <string.h>

#include "page_data.h"
#include "page_fn.h"
#include "page_utf8.h"


/* Go's unicode.IsSpace. */
static int
page_str_is_space(uint32_t r)
{
    if (r < 0x100) {
        return r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85
               || r == 0xa0;
    }
    return r == 0x1680 || (r >= 0x2000 && r <= 0x200a) || r == 0x2028
           || r == 0x2029 || r == 0x202f || r == 0x205f || r == 0x3000;
}


/* Is r in the characters of set (Go's strings.ContainsRune). */
static int
page_str_has_rune(const char *set, size_t n, uint32_t r)
{
    size_t    i, w;
    uint32_t  c;

    for (i = 0; i < n; i += w) {
        w = page_utf8_decode(set + i, n - i, &c);
        if (c == r) {
            return 1;
        }
    }
    return 0;
}


/*
 * Case of one character: ASCII, Latin-1, Latin Extended-A, Greek and
 * Cyrillic basics, the scripts European content uses.  Others unchanged.
 */
static uint32_t
page_tpl_case(uint32_t r, int upper)
{
    int  even_upper;

    /* Latin Extended-A: pairs, upper case first */
    if ((r >= 0x100 && r <= 0x137) || (r >= 0x14a && r <= 0x177)
        || (r >= 0x139 && r <= 0x148) || (r >= 0x179 && r <= 0x17e))
    {
        even_upper = r <= 0x137 || (r >= 0x14a && r <= 0x177);
        if (((r & 1) == 0) == even_upper) {
            return upper ? r : r + 1;   /* r is upper case */
        }
        return upper ? r - 1 : r;
    }

    if (upper) {
        if ((r >= 'a' && r <= 'z') || (r >= 0xe0 && r <= 0xfe && r != 0xf7)
            || (r >= 0x3b1 && r <= 0x3c9 && r != 0x3c2)
            || (r >= 0x430 && r <= 0x44f))
        {
            return r - 0x20;
        }
        if (r >= 0x450 && r <= 0x45f) {
            return r - 0x50;
        }
        return r;
    }

    if ((r >= 'A' && r <= 'Z') || (r >= 0xc0 && r <= 0xde && r != 0xd7)
        || (r >= 0x391 && r <= 0x3a9 && r != 0x3a2)
        || (r >= 0x410 && r <= 0x42f))
    {
        return r + 0x20;
    }
    if (r >= 0x400 && r <= 0x40f) {
        return r + 0x50;
    }
    return r;
}


static int
page_tpl_case_str(page_tpl_state_t *st, const char *fn, page_value_t *v,
    int upper, page_value_t **res)
{
    const char  *s;
    size_t       len, i, k;
    uint32_t     r, c;
    page_buf_t   b;

    if (page_tpl_arg_str(st, fn, v, &s, &len) != 0) {
        return -1;
    }

    page_tpl_buf(st, &b);
    for (i = 0; i < len; i += k) {
        k = page_utf8_decode(s + i, len - i, &r);
        c = page_tpl_case(r, upper);
        if (c == r) {
            page_buf_append(&b, s + i, k);      /* keep the bytes as they are */
        } else {
            page_utf8_put(&b, c);
        }
    }

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


static int
page_tpl_f_lower(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_case_str(st, "lower", args[0], 0, res);
}


static int
page_tpl_f_upper(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_case_str(st, "upper", args[0], 1, res);
}


/* The width of the last character of s[0, len) (Go's DecodeLastRune). */
static size_t
page_str_last(const char *s, size_t len, uint32_t *r)
{
    size_t  start;

    start = len;
    while (start > 0 && len - start < 4) {
        start--;
        if (((unsigned char) s[start] & 0xc0) != 0x80) {
            break;
        }
    }
    if (page_utf8_decode(s + start, len - start, r) != len - start) {
        *r = 0xfffd;
        return 1;
    }
    return len - start;
}


/*
 * mode: 3 both ends, 1 left, 2 right; the characters of cut (runes, as
 * Go's strings.Trim), or white space (unicode.IsSpace) when cut is NULL.
 */
static int
page_tpl_trim_impl(page_tpl_state_t *st, page_value_t *sv,
    const char *cut, size_t cutlen, int mode, page_value_t **res)
{
    const char  *s;
    size_t       len, w;
    uint32_t     r;

    if (page_fn_cast_string(st, sv, &s, &len) != 0) {
        return -1;
    }

    while ((mode & 1) && len > 0) {
        w = page_utf8_decode(s, len, &r);
        if (cut ? !page_str_has_rune(cut, cutlen, r) : !page_str_is_space(r))
        {
            break;
        }
        s += w;
        len -= w;
    }
    while ((mode & 2) && len > 0) {
        w = page_str_last(s, len, &r);
        if (cut ? !page_str_has_rune(cut, cutlen, r) : !page_str_is_space(r))
        {
            break;
        }
        len -= w;
    }

    return page_tpl_ret_str(st, PAGE_STRING, s, len, res);
}


static int
page_tpl_f_trim(PAGE_FN_ARGS)
{
    const char  *cut;
    size_t       cutlen;

    (void) nargs;
    if (page_fn_cast_string(st, args[1], &cut, &cutlen) != 0) {
        return -1;
    }
    return page_tpl_trim_impl(st, args[0], cut, cutlen, 3, res);
}


static int
page_tpl_f_trimleft(PAGE_FN_ARGS)
{
    const char  *cut;
    size_t       cutlen;

    (void) nargs;
    if (page_fn_cast_string(st, args[0], &cut, &cutlen) != 0) {
        return -1;
    }
    return page_tpl_trim_impl(st, args[1], cut, cutlen, 1, res);
}


static int
page_tpl_f_trimright(PAGE_FN_ARGS)
{
    const char  *cut;
    size_t       cutlen;

    (void) nargs;
    if (page_fn_cast_string(st, args[0], &cut, &cutlen) != 0) {
        return -1;
    }
    return page_tpl_trim_impl(st, args[1], cut, cutlen, 2, res);
}


static int
page_tpl_f_trimspace(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_trim_impl(st, args[0], NULL, 0, 3, res);
}


static int
page_tpl_f_chomp(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len;

    (void) nargs;
    if (page_fn_cast_string(st, args[0], &s, &len) != 0) {
        return -1;
    }
    while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r')) {
        len--;
    }
    /* as Hugo: HTML stays HTML */
    return page_tpl_ret_str(st, args[0] != NULL && args[0]->type == PAGE_HTML
                                ? PAGE_HTML : PAGE_STRING, s, len, res);
}


/* strings.TrimPrefix / TrimSuffix: PREFIX STRING */
static int
page_tpl_f_trimprefix(PAGE_FN_ARGS)
{
    const char  *p, *s;
    size_t       plen, len;

    (void) nargs;
    if (page_fn_cast_string(st, args[0], &p, &plen) != 0
        || page_fn_cast_string(st, args[1], &s, &len) != 0)
    {
        return -1;
    }
    if (len >= plen && memcmp(s, p, plen) == 0) {
        s += plen;
        len -= plen;
    }
    return page_tpl_ret_str(st, PAGE_STRING, s, len, res);
}


static int
page_tpl_f_trimsuffix(PAGE_FN_ARGS)
{
    const char  *p, *s;
    size_t       plen, len;

    (void) nargs;
    if (page_fn_cast_string(st, args[0], &p, &plen) != 0
        || page_fn_cast_string(st, args[1], &s, &len) != 0)
    {
        return -1;
    }
    if (len >= plen && memcmp(s + len - plen, p, plen) == 0) {
        len -= plen;
    }
    return page_tpl_ret_str(st, PAGE_STRING, s, len, res);
}


static int
page_tpl_f_hasprefix(PAGE_FN_ARGS)
{
    const char  *s, *p;
    size_t       len, plen;

    (void) nargs;
    if (page_fn_cast_string(st, args[0], &s, &len) != 0
        || page_fn_cast_string(st, args[1], &p, &plen) != 0)
    {
        return -1;
    }
    return page_tpl_ret_bool(st, len >= plen && memcmp(s, p, plen) == 0,
                             res);
}


static int
page_tpl_f_hassuffix(PAGE_FN_ARGS)
{
    const char  *s, *p;
    size_t       len, plen;

    (void) nargs;
    if (page_fn_cast_string(st, args[0], &s, &len) != 0
        || page_fn_cast_string(st, args[1], &p, &plen) != 0)
    {
        return -1;
    }
    return page_tpl_ret_bool(st, len >= plen
                             && memcmp(s + len - plen, p, plen) == 0, res);
}


static int
page_tpl_f_contains(PAGE_FN_ARGS)
{
    const char  *s, *p;
    size_t       len, plen, i;

    (void) nargs;
    if (page_fn_cast_string(st, args[0], &s, &len) != 0
        || page_fn_cast_string(st, args[1], &p, &plen) != 0)
    {
        return -1;
    }
    for (i = 0; i + plen <= len; i++) {
        if (memcmp(s + i, p, plen) == 0) {
            return page_tpl_ret_bool(st, 1, res);
        }
    }
    return page_tpl_ret_bool(st, 0, res);
}


static int
page_tpl_f_count(PAGE_FN_ARGS)
{
    const char  *s, *p;
    size_t       len, plen, i;
    int64_t      n;

    (void) nargs;
    if (page_fn_cast_string(st, args[0], &p, &plen) != 0
        || page_fn_cast_string(st, args[1], &s, &len) != 0)
    {
        return -1;
    }
    n = 0;
    if (plen == 0) {
        for (i = 0; i < len; i++) {
            n += ((unsigned char) s[i] & 0xc0) != 0x80;
        }
        return page_tpl_ret_int(st, n + 1, res);
    }
    for (i = 0; i + plen <= len; ) {
        if (memcmp(s + i, p, plen) == 0) {
            n++;
            i += plen;
        } else {
            i++;
        }
    }
    return page_tpl_ret_int(st, n, res);
}


static int
page_tpl_f_split(PAGE_FN_ARGS)
{
    const char    *s, *d;
    size_t         len, dlen, i, start;
    page_value_t  *l, *v;

    (void) nargs;
    if (page_fn_cast_string(st, args[0], &s, &len) != 0
        || page_fn_cast_string(st, args[1], &d, &dlen) != 0)
    {
        return -1;
    }

    l = page_tpl_list_new(st);
    if (l == NULL) {
        return -1;
    }

    if (dlen == 0) {
        /* one element per UTF-8 character */
        for (i = 0; i < len; i = start) {
            start = i + 1;
            while (start < len && ((unsigned char) s[start] & 0xc0) == 0x80) {
                start++;
            }
            v = page_value_string(st->arena, s + i, start - i);
            if (v == NULL || page_tpl_push(st, l, v) != 0) {
                return page_tpl_nomem(st);
            }
        }
        *res = l;
        return 0;
    }

    start = 0;
    for (i = 0; i + dlen <= len; ) {
        if (memcmp(s + i, d, dlen) == 0) {
            v = page_value_string(st->arena, s + start, i - start);
            if (v == NULL || page_tpl_push(st, l, v) != 0) {
                return page_tpl_nomem(st);
            }
            i += dlen;
            start = i;
        } else {
            i++;
        }
    }

    v = page_value_string(st->arena, s + start, len - start);
    if (v == NULL || page_tpl_push(st, l, v) != 0) {
        return page_tpl_nomem(st);
    }

    *res = l;
    return 0;
}


/* replace INPUT OLD NEW [LIMIT] */
static int
page_tpl_f_replace(PAGE_FN_ARGS)
{
    const char  *s, *o, *n;
    size_t       len, olen, nlen, i;
    int64_t      limit, done;
    page_buf_t   b;

    if (page_fn_cast_string(st, args[0], &s, &len) != 0
        || page_fn_cast_string(st, args[1], &o, &olen) != 0
        || page_fn_cast_string(st, args[2], &n, &nlen) != 0)
    {
        return -1;
    }

    limit = -1;
    if (nargs == 4 && page_tpl_to_int(st, "replace", args[3], &limit) != 0) {
        return -1;
    }

    page_tpl_buf(st, &b);
    done = 0;

    if (olen == 0) {
        /* Go inserts new before every character and at the end */
        for (i = 0; i <= len; i++) {
            if ((limit < 0 || done < limit)
                && (i == len || ((unsigned char) s[i] & 0xc0) != 0x80))
            {
                page_buf_append(&b, n, nlen);
                done++;
            }
            if (i < len) {
                page_buf_putc(&b, s[i]);
            }
        }
        return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
    }

    for (i = 0; i < len; ) {
        if ((limit < 0 || done < limit) && i + olen <= len
            && memcmp(s + i, o, olen) == 0)
        {
            page_buf_append(&b, n, nlen);
            i += olen;
            done++;
        } else {
            page_buf_putc(&b, s[i]);
            i++;
        }
    }

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


static int
page_tpl_f_repeat(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len;
    int64_t      n, i;
    page_buf_t   b;

    (void) nargs;
    if (page_tpl_to_int(st, "strings.Repeat", args[0], &n) != 0
        || page_fn_cast_string(st, args[1], &s, &len) != 0)
    {
        return -1;
    }
    if (n < 0) {
        return page_tpl_fail(st, "strings: negative Repeat count");
    }

    page_tpl_buf(st, &b);
    for (i = 0; i < n && !page_buf_failed(&b); i++) {
        page_buf_append(&b, s, len);
    }
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/*
 * The byte offsets of the characters of s[0, len) into *pos (n + 1 of
 * them, the last len), as Go's []rune(s) counts them.
 */
static int
page_str_runes(page_tpl_state_t *st, const char *s, size_t len,
    size_t **pos, size_t *n)
{
    size_t    i, w;
    uint32_t  r;

    *pos = page_arena_alloc(st->arena, (len + 1) * sizeof(size_t));
    if (*pos == NULL) {
        return page_tpl_nomem(st);
    }
    *n = 0;
    for (i = 0; i < len; i += w) {
        (*pos)[(*n)++] = i;
        w = page_utf8_decode(s + i, len - i, &r);
    }
    (*pos)[*n] = len;
    return 0;
}


/* A position argument (cast.ToIntE), or the message given. */
static int
page_str_int(page_tpl_state_t *st, page_value_t *v, const char *err,
    int64_t *out)
{
    if (page_fn_cast_int(v, out) != 0) {
        return page_tpl_fail(st, "%s", err);
    }
    return 0;
}


/* substr STRING [START [LENGTH]], by characters, as current Hugo */
static int
page_tpl_f_substr(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len, n, *pos;
    int64_t      start, length, end, rlen;

    if (page_fn_cast_string(st, args[0], &s, &len) != 0) {
        return -1;
    }
    if (nargs < 2) {
        return page_tpl_fail(st, "too few arguments");
    }
    if (page_str_int(st, args[1], "start argument must be an integer",
                     &start) != 0
        || page_str_runes(st, s, len, &pos, &n) != 0)
    {
        return -1;
    }
    rlen = (int64_t) n;
    length = rlen;
    if (nargs == 3
        && page_str_int(st, args[2], "length argument must be an integer",
                        &length) != 0)
    {
        return -1;
    }

    if (rlen == 0) {
        return page_tpl_ret_str(st, PAGE_STRING, "", 0, res);
    }
    if (start < 0) {
        start += rlen;
    }
    if (start < 0) {
        start = 0;
    }
    if (start > rlen - 1 || length == 0) {
        return page_tpl_ret_str(st, PAGE_STRING, "", 0, res);
    }

    if (length < 0) {
        end = rlen + length;
    } else {
        end = length > rlen ? rlen + start : start + length;
    }
    if (start >= end || end < 0) {
        return page_tpl_ret_str(st, PAGE_STRING, "", 0, res);
    }
    if (end > rlen) {
        end = rlen;
    }

    return page_tpl_ret_str(st, PAGE_STRING, s + pos[start],
                            pos[end] - pos[start], res);
}


/* slicestr STRING [START [END]]: the characters [START, END) */
static int
page_tpl_f_slicestr(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len, n, *pos;
    int64_t      start, end;

    if (page_fn_cast_string(st, args[0], &s, &len) != 0) {
        return -1;
    }
    start = 0;
    if (nargs > 1
        && page_str_int(st, args[1], "start argument must be integer",
                        &start) != 0)
    {
        return -1;
    }
    if (nargs > 2
        && page_str_int(st, args[2], "end argument must be integer", &end)
           != 0)
    {
        return -1;
    }
    if (nargs > 3) {
        return page_tpl_fail(st, "too many arguments");
    }
    if (page_str_runes(st, s, len, &pos, &n) != 0) {
        return -1;
    }

    if (nargs > 1 && (start < 0 || start >= (int64_t) n)) {
        return page_tpl_fail(st, "slice bounds out of range");
    }
    if (nargs <= 2) {
        end = (int64_t) n;
    } else if (end < 0 || end > (int64_t) n) {
        return page_tpl_fail(st, "slice bounds out of range");
    } else if (end < start) {
        /* Go's panic, which Hugo reports as the error */
        return page_tpl_fail(st, "runtime error: slice bounds out of range "
                             "[%lld:%lld]", (long long) start,
                             (long long) end);
    }

    return page_tpl_ret_str(st, PAGE_STRING, s + pos[start],
                            pos[end] - pos[start], res);
}


static int
page_tpl_f_runecount(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len, i, w;
    int64_t      n;
    uint32_t     r;

    (void) nargs;
    if (page_fn_cast_string(st, args[0], &s, &len) != 0) {
        return -1;
    }
    n = 0;
    for (i = 0; i < len; i += w, n++) {
        w = page_utf8_decode(s + i, len - i, &r);
    }
    return page_tpl_ret_int(st, n, res);
}


static int
page_tpl_f_containsany(PAGE_FN_ARGS)
{
    const char  *s, *set;
    size_t       len, slen, i, w;
    uint32_t     r;

    (void) nargs;
    if (page_fn_cast_string(st, args[0], &s, &len) != 0
        || page_fn_cast_string(st, args[1], &set, &slen) != 0)
    {
        return -1;
    }
    for (i = 0; i < len; i += w) {
        w = page_utf8_decode(s + i, len - i, &r);
        if (page_str_has_rune(set, slen, r)) {
            return page_tpl_ret_bool(st, 1, res);
        }
    }
    return page_tpl_ret_bool(st, 0, res);
}


static int
page_tpl_f_containsnonspace(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len, i, w;
    uint32_t     r;

    (void) nargs;
    if (page_fn_cast_string(st, args[0], &s, &len) != 0) {
        return -1;
    }
    for (i = 0; i < len; i += w) {
        w = page_utf8_decode(s + i, len - i, &r);
        if (!page_str_is_space(r)) {
            return page_tpl_ret_bool(st, 1, res);
        }
    }
    return page_tpl_ret_bool(st, 0, res);
}


/* Most pairs strings.ReplacePairs takes: far more than a template writes. */
#define PAGE_STR_MAX_PAIRS  (PAGE_TPL_MAX_ARGS * 4)


/*
 * strings.ReplacePairs OLD NEW [OLD NEW ...] INPUT, or (slice OLD NEW
 * ...) INPUT: Go's strings.Replacer: left to right, without overlaps,
 * at each position the first pair (in argument order) whose OLD is
 * there; an empty OLD matches at every position.
 */
static int
page_tpl_f_replacepairs(PAGE_FN_ARGS)
{
    const char     *s, *p[PAGE_STR_MAX_PAIRS];
    size_t          len, pl[PAGE_STR_MAX_PAIRS], np, i, k, w;
    page_value_t  **items;
    page_buf_t      b;
    uint32_t        r;
    int             matched;

    if (nargs < 2) {
        return page_tpl_fail(st, "requires at least 2 arguments");
    }
    if (page_fn_cast_string(st, args[nargs - 1], &s, &len) != 0) {
        return -1;
    }

    if (nargs == 2) {
        if (args[0] == NULL || args[0]->type != PAGE_LIST) {
            return page_tpl_fail(st, "with 2 arguments, the first must be a "
                                 "slice of replacement pairs, got %s",
                                 page_tpl_tname(args[0]));
        }
        items = args[0]->u.list.items;
        np = args[0]->u.list.n;
    } else {
        items = args;
        np = nargs - 1;
    }

    if (np > PAGE_STR_MAX_PAIRS) {
        return page_tpl_fail(st, "too many replacement pairs");
    }
    for (i = 0; i < np; i++) {
        if (page_fn_cast_string(st, items[i], &p[i], &pl[i]) != 0) {
            return -1;
        }
    }

    if (np == 0 || len == 0) {
        return page_tpl_ret_str(st, PAGE_STRING, s, len, res);
    }
    if (np % 2 != 0) {
        return page_tpl_fail(st, "uneven number of replacement pairs");
    }

    page_tpl_buf(st, &b);
    for (i = 0; i <= len; ) {
        matched = 0;
        for (k = 0; k < np; k += 2) {
            if (pl[k] <= len - i && memcmp(s + i, p[k], pl[k]) == 0) {
                page_buf_append(&b, p[k + 1], pl[k + 1]);
                matched = 1;
                break;
            }
        }
        if (matched && pl[k] > 0) {
            i += pl[k];
            continue;
        }
        if (i == len) {
            break;
        }
        w = page_utf8_decode(s + i, len - i, &r);
        page_buf_append(&b, s + i, w);
        i += w;
    }
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/* title: capitalise words; AP style keeps small words lower-case. */
static int
page_tpl_f_title(PAGE_FN_ARGS)
{
    static const char  *small[] = {
        "a", "an", "and", "as", "at", "but", "by", "en", "for", "if", "in",
        "nor", "of", "on", "or", "per", "the", "to", "vs", "via", NULL
    };
    const char  *s;
    size_t       len, i, start, k;
    char        *o;
    int          is_small;

    (void) nargs;
    if (page_fn_cast_string(st, args[0], &s, &len) != 0) {
        return -1;
    }

    o = page_arena_strndup(st->arena, s, len);
    if (o == NULL) {
        return page_tpl_nomem(st);
    }

    for (i = 0; i < len; ) {
        while (i < len && (o[i] == ' ' || o[i] == '\t' || o[i] == '\n')) {
            i++;
        }
        start = i;
        while (i < len && !(o[i] == ' ' || o[i] == '\t' || o[i] == '\n')) {
            i++;
        }
        if (start == i) {
            break;
        }

        is_small = 0;
        for (k = 0; small[k] != NULL; k++) {
            if (strlen(small[k]) == i - start
                && memcmp(small[k], o + start, i - start) == 0)
            {
                is_small = 1;
                break;
            }
        }

        if (is_small && start > 0 && i < len) {
            continue;
        }

        if (o[start] >= 'a' && o[start] <= 'z') {
            o[start] -= 'a' - 'A';
        }
        /* each part of a hyphenated word too ("Hello-World") */
        for (k = start; k + 1 < i; k++) {
            if (o[k] == '-' && o[k + 1] >= 'a' && o[k + 1] <= 'z') {
                o[k + 1] -= 'a' - 'A';
            }
        }
    }

    *res = page_value_string_ref(st->arena, PAGE_STRING, o, len);
    return *res ? 0 : page_tpl_nomem(st);
}


/* Is r of the scripts Hugo counts each character of as a word. */
static int
page_str_is_cjk(uint32_t r)
{
    return (r >= 0x1100 && r <= 0x11ff) || (r >= 0x2e80 && r <= 0x2fdf)
           || r == 0x3005 || r == 0x3007 || (r >= 0x3021 && r <= 0x3029)
           || (r >= 0x3038 && r <= 0x303b) || (r >= 0x3041 && r <= 0x309f)
           || (r >= 0x30a0 && r <= 0x30ff) || (r >= 0x3130 && r <= 0x318f)
           || (r >= 0x31f0 && r <= 0x31ff) || (r >= 0x3400 && r <= 0x4dbf)
           || (r >= 0x4e00 && r <= 0x9fff) || (r >= 0xa960 && r <= 0xa97f)
           || (r >= 0xac00 && r <= 0xd7ff) || (r >= 0xf900 && r <= 0xfaff)
           || (r >= 0xff66 && r <= 0xffdc) || (r >= 0x20000 && r <= 0x3134f);
}


/* Go's html.EscapeString. */
static void
page_str_escape(page_buf_t *b, const char *s, size_t len)
{
    size_t  i;

    for (i = 0; i < len; i++) {
        switch (s[i]) {
        case '<':  page_buf_puts(b, "&lt;"); break;
        case '>':  page_buf_puts(b, "&gt;"); break;
        case '&':  page_buf_puts(b, "&amp;"); break;
        case '\'': page_buf_puts(b, "&#39;"); break;
        case '"':  page_buf_puts(b, "&#34;"); break;
        default:   page_buf_putc(b, s[i]);
        }
    }
}


/*
 * An HTML tag at s[0, len) as Hugo's truncate sees one, the pattern
 * ^<(/)?([^ ]+?)(?:(\s*\/)| .*?)?> : 1 with its length, its name (the
 * first field of the second group), whether it closes (</x>) and
 * whether it closes itself (<x/>); 0 when s holds none.
 */
static int
page_str_tag(const char *s, size_t len, size_t *tlen, const char **name,
    size_t *nlen, int *closing, int *self)
{
    size_t  i, k, g, e;

    if (len < 3 || s[0] != '<') {
        return 0;
    }
    g = 1;
    *closing = s[1] == '/';
    if (*closing) {
        g = 2;
    }

    /* the shortest name after which the rest of the pattern matches */
    for (e = g + 1; e <= len && s[e - 1] != ' '; e++) {
        /* (\s*\/)> */
        for (k = e; k < len && page_tpl_oneof(s[k], " \t\n\f\r"); k++) {
            /* void */
        }
        if (k + 1 < len && s[k] == '/' && s[k + 1] == '>') {
            *self = 1;
            *tlen = k + 2;
            goto found;
        }
        /* > right after the name */
        if (e < len && s[e] == '>') {
            *self = 0;
            *tlen = e + 1;
            goto found;
        }
        /* " .*?>" : a space, then the first '>' on the line */
        if (e < len && s[e] == ' ') {
            for (k = e + 1; k < len && s[k] != '\n' && s[k] != '>'; k++) {
                /* void */
            }
            if (k < len && s[k] == '>') {
                *self = 0;
                *tlen = k + 1;
                goto found;
            }
        }
    }
    return 0;

found:

    /* strings.Fields(name)[0]: up to the first white space */
    for (i = g; i < e && !page_tpl_oneof(s[i], " \t\n\v\f\r"); i++) {
        /* void */
    }
    *name = s + g;
    *nlen = i - g;
    return *nlen > 0;
}


static int
page_str_singlet(const char *name, size_t len)
{
    static const char  *singlets[] = {
        "br", "col", "link", "base", "img", "param", "area", "hr", "input",
        NULL
    };
    size_t  i;

    for (i = 0; singlets[i] != NULL; i++) {
        if (strlen(singlets[i]) == len && memcmp(singlets[i], name, len) == 0)
        {
            return 1;
        }
    }
    return 0;
}


/* Most open tags truncate keeps track of (their nesting, in practice). */
#define PAGE_STR_MAX_TAGS  1024

typedef struct {
    const char  *name;
    size_t       len;
    size_t       pos;
    int          open;
} page_str_tag_t;


/*
 * truncate SIZE [ELLIPSIS] INPUT, as current Hugo: at most SIZE
 * characters, cut after the last whole word (each Chinese, Japanese or
 * Korean character a word), the ellipsis after it; text is escaped,
 * HTML keeps its tags, and the tags still open at the cut are closed.
 * The result is HTML.
 */
static int
page_tpl_f_truncate(PAGE_FN_ARGS)
{
    const char      *s, *ell, *name;
    size_t           len, elen, i, w, tlen, nlen, ntags, lastword, lastns;
    size_t           end, next, k, cur_len;
    int64_t          size, cur;
    int              is_html, closing, self, skipping;
    uint32_t         r;
    page_buf_t       b;
    page_value_t    *text;
    page_str_tag_t  *tags;

    if (page_fn_cast_int(args[0], &size) != 0) {
        return page_fn_cast_fail(st, args[0], page_tpl_is_str(args[0])
                                              ? "int64" : "int");
    }
    if (nargs == 1) {
        return page_tpl_fail(st, "truncate requires a length and a string");
    }
    if (nargs > 3) {
        return page_tpl_fail(st, "too many arguments passed to truncate");
    }

    ell = " \xe2\x80\xa6";
    elen = 4;
    if (nargs == 3) {
        if (args[1] == NULL || args[1]->type == PAGE_LIST
            || args[1]->type == PAGE_MAP
            || page_fn_cast_string(st, args[1], &ell, &elen) != 0)
        {
            return page_tpl_fail(st, "ellipsis must be a string");
        }
        if (args[1]->type != PAGE_HTML) {
            page_tpl_buf(st, &b);
            page_str_escape(&b, ell, elen);
            if (page_buf_failed(&b)) {
                return page_tpl_nomem(st);
            }
            ell = b.data ? b.data : "";
            elen = b.len;
        }
    }

    text = args[nargs - 1];
    if ((text != NULL && (text->type == PAGE_LIST || text->type == PAGE_MAP))
        || page_fn_cast_string(st, text, &s, &len) != 0)
    {
        return page_tpl_fail(st, "text must be a string");
    }
    is_html = text != NULL && text->type == PAGE_HTML;

    page_tpl_buf(st, &b);

    tags = NULL;
    ntags = 0;
    if (is_html) {
        tags = page_arena_alloc(st->arena,
                                PAGE_STR_MAX_TAGS * sizeof(page_str_tag_t));
        if (tags == NULL) {
            return page_tpl_nomem(st);
        }
    }

    lastword = 0;
    lastns = 0;
    cur = 0;
    next = 0;

    for (i = 0; i < len; i += w) {
        w = page_utf8_decode(s + i, len - i, &r);
        if (i < next) {
            continue;
        }

        if (is_html && page_str_tag(s + i, len - i, &tlen, &name, &nlen,
                                    &closing, &self))
        {
            next = i + tlen;
            lastword = lastns;
            if (!page_str_singlet(name, nlen) && !self
                && ntags < PAGE_STR_MAX_TAGS)
            {
                tags[ntags].name = name;
                tags[ntags].len = nlen;
                tags[ntags].pos = i;
                tags[ntags].open = !closing;
                ntags++;
            }
            continue;
        }

        cur++;
        cur_len = (r < 0x80 ? 1 : r < 0x800 ? 2 : r < 0x10000 ? 3 : 4);
        if (page_str_is_space(r)) {
            lastword = lastns;
        } else if (page_str_is_cjk(r)) {
            lastword = lastns;
            lastns = i + cur_len;
            if (cur <= size) {
                lastword = lastns;
            }
        } else {
            lastns = i + cur_len;
        }

        if (cur > size) {
            end = lastword == 0 ? i : lastword;
            if (end > len) {
                end = len;
            }

            if (!is_html) {
                page_str_escape(&b, s, end);
                page_buf_append(&b, ell, elen);
                return page_tpl_ret_buf(st, PAGE_HTML, &b, res);
            }

            page_buf_append(&b, s, end);
            page_buf_append(&b, ell, elen);

            /* close what is open, from the innermost */
            skipping = -1;
            for (k = ntags; k-- > 0; ) {
                if (tags[k].pos >= end || skipping >= 0) {
                    if (skipping >= 0
                        && tags[skipping].len == tags[k].len
                        && memcmp(tags[skipping].name, tags[k].name,
                                  tags[k].len) == 0)
                    {
                        skipping = -1;
                    }
                    continue;
                }
                if (tags[k].open) {
                    page_buf_puts(&b, "</");
                    page_buf_append(&b, tags[k].name, tags[k].len);
                    page_buf_putc(&b, '>');
                } else {
                    skipping = (int) k;
                }
            }
            return page_tpl_ret_buf(st, PAGE_HTML, &b, res);
        }
    }

    if (is_html) {
        return page_tpl_ret_str(st, PAGE_HTML, s, len, res);
    }
    page_str_escape(&b, s, len);
    return page_tpl_ret_buf(st, PAGE_HTML, &b, res);
}


/* The text of an argument with its HTML tags taken out (tpl.StripHTML). */
static int
page_str_plain(page_tpl_state_t *st, page_value_t *v, const char **s,
    size_t *len)
{
    page_buf_t  b;

    if (page_fn_cast_string(st, v, s, len) != 0) {
        return -1;
    }
    if (memchr(*s, '<', *len) == NULL && memchr(*s, '>', *len) == NULL) {
        return 0;
    }
    page_tpl_buf(st, &b);
    page_data_plain(&b, *s, *len);
    if (page_buf_failed(&b)) {
        return page_tpl_fail(st, "result too large (or out of memory)");
    }
    *s = b.data ? b.data : "";
    *len = b.len;
    return 0;
}


/*
 * countwords: the words of the text without its tags (strings.Fields);
 * in text with Chinese, Japanese or Korean characters, a word of other
 * than ASCII counts each of its characters.
 */
static int
page_tpl_f_countwords(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len, i, w, start, runes;
    int64_t      n;
    int          cjk;
    uint32_t     r;

    (void) nargs;
    if (page_str_plain(st, args[0], &s, &len) != 0) {
        return -1;
    }

    cjk = 0;
    for (i = 0; i < len && !cjk; i += w) {
        w = page_utf8_decode(s + i, len - i, &r);
        cjk = page_str_is_cjk(r);
    }

    n = 0;
    for (i = 0; i < len; ) {
        w = page_utf8_decode(s + i, len - i, &r);
        if (page_str_is_space(r)) {
            i += w;
            continue;
        }
        start = i;
        runes = 0;
        while (i < len) {
            w = page_utf8_decode(s + i, len - i, &r);
            if (page_str_is_space(r)) {
                break;
            }
            i += w;
            runes++;
        }
        n += (!cjk || i - start == runes) ? 1 : (int64_t) runes;
    }
    return page_tpl_ret_int(st, n, res);
}


/* countrunes: the characters of the text without tags, spaces not counted */
static int
page_tpl_f_countrunes(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len, i, w;
    int64_t      n;
    uint32_t     r;

    (void) nargs;
    if (page_str_plain(st, args[0], &s, &len) != 0) {
        return -1;
    }
    n = 0;
    for (i = 0; i < len; i += w) {
        w = page_utf8_decode(s + i, len - i, &r);
        n += !page_str_is_space(r);
    }
    return page_tpl_ret_int(st, n, res);
}


static int
page_tpl_f_firstupper(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len, k;
    uint32_t     r;
    page_buf_t   b;

    (void) nargs;
    if (page_fn_cast_string(st, args[0], &s, &len) != 0) {
        return -1;
    }
    if (len == 0) {
        return page_tpl_ret_str(st, PAGE_STRING, "", 0, res);
    }
    k = page_utf8_decode(s, len, &r);
    page_tpl_buf(st, &b);
    page_utf8_put(&b, page_tpl_case(r, 1));
    page_buf_append(&b, s + k, len - k);
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


const page_tpl_func_t  page_fn_strings[] = {
    { "strings.ToLower", page_tpl_f_lower, 1, 1 },
    { "lower", page_tpl_f_lower, 1, 1 },
    { "strings.ToUpper", page_tpl_f_upper, 1, 1 },
    { "upper", page_tpl_f_upper, 1, 1 },
    { "strings.Trim", page_tpl_f_trim, 2, 2 },
    { "trim", page_tpl_f_trim, 2, 2 },
    { "strings.TrimLeft", page_tpl_f_trimleft, 2, 2 },
    { "strings.TrimRight", page_tpl_f_trimright, 2, 2 },
    { "strings.TrimSpace", page_tpl_f_trimspace, 1, 1 },
    { "strings.Chomp", page_tpl_f_chomp, 1, 1 },
    { "chomp", page_tpl_f_chomp, 1, 1 },
    { "strings.TrimPrefix", page_tpl_f_trimprefix, 2, 2 },
    { "strings.TrimSuffix", page_tpl_f_trimsuffix, 2, 2 },
    { "strings.HasPrefix", page_tpl_f_hasprefix, 2, 2 },
    { "hasPrefix", page_tpl_f_hasprefix, 2, 2 },
    { "strings.HasSuffix", page_tpl_f_hassuffix, 2, 2 },
    { "hasSuffix", page_tpl_f_hassuffix, 2, 2 },
    { "strings.Contains", page_tpl_f_contains, 2, 2 },
    { "strings.ContainsAny", page_tpl_f_containsany, 2, 2 },
    { "strings.ContainsNonSpace", page_tpl_f_containsnonspace, 1, 1 },
    { "strings.Count", page_tpl_f_count, 2, 2 },
    { "strings.Split", page_tpl_f_split, 2, 2 },
    { "split", page_tpl_f_split, 2, 2 },
    { "strings.Replace", page_tpl_f_replace, 3, 4 },
    { "replace", page_tpl_f_replace, 3, 4 },
    { "strings.ReplacePairs", page_tpl_f_replacepairs, 0, -1 },
    { "strings.RuneCount", page_tpl_f_runecount, 1, 1 },
    { "strings.SliceString", page_tpl_f_slicestr, 1, -1 },
    { "slicestr", page_tpl_f_slicestr, 1, -1 },
    { "strings.Repeat", page_tpl_f_repeat, 2, 2 },
    { "strings.Substr", page_tpl_f_substr, 1, 3 },
    { "substr", page_tpl_f_substr, 1, 3 },
    { "strings.Title", page_tpl_f_title, 1, 1 },
    { "title", page_tpl_f_title, 1, 1 },
    { "strings.Truncate", page_tpl_f_truncate, 1, -1 },
    { "truncate", page_tpl_f_truncate, 1, -1 },
    { "strings.CountWords", page_tpl_f_countwords, 1, 1 },
    { "countwords", page_tpl_f_countwords, 1, 1 },
    { "strings.CountRunes", page_tpl_f_countrunes, 1, 1 },
    { "countrunes", page_tpl_f_countrunes, 1, 1 },
    { "strings.FirstUpper", page_tpl_f_firstupper, 1, 1 },
    { NULL, NULL, 0, 0 }
};
