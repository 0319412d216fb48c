/*
 * page_fn_strings: Hugo's strings namespace (tpl/strings): case, trimming,
 * prefixes and suffixes, searching, splitting, replacing, substrings,
 * title case, truncation and counting.  The regular-expression functions
 * of the namespace (findRE, replaceRE) are in page_fn_strings_re.c.
 */

#include <string.h>

#include "page_fn.h"
#include "page_utf8.h"


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


static int
page_tpl_in_set(char c, const char *set, size_t n)
{
    return n > 0 && memchr(set, c, n) != NULL;
}


/* mode: 3 both ends, 1 left, 2 right */
static int
page_tpl_trim_impl(page_tpl_state_t *st, page_value_t *sv,
    const char *cut, size_t cutlen, int mode, page_value_t **res)
{
    const char  *s;
    size_t       len;

    if (page_tpl_arg_str(st, "trim", sv, &s, &len) != 0) {
        return -1;
    }

    while ((mode & 1) && len > 0 && page_tpl_in_set(s[0], cut, cutlen)) {
        s++;
        len--;
    }
    while ((mode & 2) && len > 0 && page_tpl_in_set(s[len - 1], cut, cutlen))
    {
        len--;
    }

    return page_tpl_ret_str(st, PAGE_STRING, s, len, res);
}


static int
page_tpl_f_trim(PAGE_FN_ARGS)
{
    const char  *cut;
    size_t       cutlen;

    (void) nargs;
    if (page_tpl_arg_str(st, "trim", args[1], &cut, &cutlen) != 0) {
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
    if (page_tpl_arg_str(st, "trim", args[0], &cut, &cutlen) != 0) {
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
    if (page_tpl_arg_str(st, "trim", args[0], &cut, &cutlen) != 0) {
        return -1;
    }
    return page_tpl_trim_impl(st, args[1], cut, cutlen, 2, res);
}


static int
page_tpl_f_trimspace(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_trim_impl(st, args[0], " \t\r\n\v\f", 6, 3, res);
}


static int
page_tpl_f_chomp(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len;

    (void) nargs;
    if (page_tpl_arg_str(st, "chomp", args[0], &s, &len) != 0) {
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
    if (page_tpl_arg_str(st, "trimPrefix", args[0], &p, &plen) != 0
        || page_tpl_arg_str(st, "trimPrefix", args[1], &s, &len) != 0)
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
    if (page_tpl_arg_str(st, "trimSuffix", args[0], &p, &plen) != 0
        || page_tpl_arg_str(st, "trimSuffix", args[1], &s, &len) != 0)
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
    if (page_tpl_arg_str(st, "hasPrefix", args[0], &s, &len) != 0
        || page_tpl_arg_str(st, "hasPrefix", args[1], &p, &plen) != 0)
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
    if (page_tpl_arg_str(st, "hasSuffix", args[0], &s, &len) != 0
        || page_tpl_arg_str(st, "hasSuffix", args[1], &p, &plen) != 0)
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
    if (page_tpl_arg_str(st, "contains", args[0], &s, &len) != 0
        || page_tpl_arg_str(st, "contains", args[1], &p, &plen) != 0)
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
    if (page_tpl_arg_str(st, "count", args[0], &p, &plen) != 0
        || page_tpl_arg_str(st, "count", args[1], &s, &len) != 0)
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
    if (page_tpl_arg_str(st, "split", args[0], &s, &len) != 0
        || page_tpl_arg_str(st, "split", args[1], &d, &dlen) != 0)
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

    if (page_tpl_arg_str(st, "replace", args[0], &s, &len) != 0
        || page_tpl_arg_str(st, "replace", args[1], &o, &olen) != 0
        || page_tpl_arg_str(st, "replace", args[2], &n, &nlen) != 0)
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
        || page_tpl_arg_str(st, "strings.Repeat", args[1], &s, &len) != 0)
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


/* substr STRING START [LENGTH], by characters */
static int
page_tpl_f_substr(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len, i, n, *pos;
    int64_t      start, count, end;

    if (page_tpl_arg_str(st, "substr", args[0], &s, &len) != 0
        || page_tpl_to_int(st, "substr", args[1], &start) != 0)
    {
        return -1;
    }

    pos = page_arena_alloc(st->arena, (len + 2) * sizeof(size_t));
    if (pos == NULL) {
        return page_tpl_nomem(st);
    }
    n = 0;
    for (i = 0; i < len; i++) {
        if (((unsigned char) s[i] & 0xc0) != 0x80) {
            pos[n++] = i;
        }
    }
    pos[n] = len;

    if (start < 0) {
        start += (int64_t) n;
        if (start < 0) {
            start = 0;
        }
    }
    if (start > (int64_t) n) {
        return page_tpl_ret_str(st, PAGE_STRING, "", 0, res);
    }

    end = (int64_t) n;
    if (nargs == 3) {
        if (page_tpl_to_int(st, "substr", args[2], &count) != 0) {
            return -1;
        }
        if (count < 0) {
            end = (int64_t) n + count;
        } else if (count < (int64_t) n - start) {
            end = start + count;
        }
        if (end < start) {
            return page_tpl_ret_str(st, PAGE_STRING, "", 0, res);
        }
    }

    return page_tpl_ret_str(st, PAGE_STRING, s + pos[start],
                            pos[end] - pos[start], res);
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
    if (page_tpl_arg_str(st, "title", args[0], &s, &len) != 0) {
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
    }

    *res = page_value_string_ref(st->arena, PAGE_STRING, o, len);
    return *res ? 0 : page_tpl_nomem(st);
}


/* truncate SIZE [ELLIPSIS] TEXT: at a word boundary, by characters */
static int
page_tpl_f_truncate(PAGE_FN_ARGS)
{
    const char  *s, *ell;
    size_t       len, elen, i, n, cut, lastspace;
    int64_t      size;
    page_buf_t   b;

    if (page_tpl_to_int(st, "truncate", args[0], &size) != 0
        || page_tpl_text(st, args[nargs - 1], &s, &len) != 0)
    {
        return -1;
    }

    ell = " …";
    elen = strlen(ell);
    if (nargs == 3 && page_tpl_text(st, args[1], &ell, &elen) != 0) {
        return -1;
    }

    n = 0;
    cut = len;
    lastspace = 0;
    for (i = 0; i < len; i++) {
        if (((unsigned char) s[i] & 0xc0) == 0x80) {
            continue;
        }
        if ((int64_t) n == size) {
            cut = i;
            break;
        }
        if (s[i] == ' ') {
            lastspace = i;
        }
        n++;
    }

    if (cut == len) {
        *res = args[nargs - 1];
        return 0;
    }

    if (lastspace > 0) {
        cut = lastspace;
    }

    page_tpl_buf(st, &b);
    page_buf_append(&b, s, cut);
    page_buf_append(&b, ell, elen);
    return page_tpl_ret_buf(st, args[nargs - 1] != NULL
                            && args[nargs - 1]->type == PAGE_HTML
                            ? PAGE_HTML : PAGE_STRING, &b, res);
}


static int
page_tpl_f_countwords(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len, i;
    int64_t      n;
    int          in;

    (void) nargs;
    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    n = 0;
    in = 0;
    for (i = 0; i < len; i++) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'
            || s[i] == '\f' || s[i] == '\v')
        {
            in = 0;
        } else if (!in) {
            in = 1;
            n++;
        }
    }
    return page_tpl_ret_int(st, n, res);
}


static int
page_tpl_f_countrunes(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len, i;
    int64_t      n;

    (void) nargs;
    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }
    n = 0;
    for (i = 0; i < len; i++) {
        if (((unsigned char) s[i] & 0xc0) != 0x80 && s[i] != ' '
            && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
        {
            n++;
        }
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
    if (page_tpl_arg_str(st, "strings.FirstUpper", args[0], &s, &len) != 0) {
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
    { "strings.Count", page_tpl_f_count, 2, 2 },
    { "strings.Split", page_tpl_f_split, 2, 2 },
    { "split", page_tpl_f_split, 2, 2 },
    { "strings.Replace", page_tpl_f_replace, 3, 4 },
    { "replace", page_tpl_f_replace, 3, 4 },
    { "strings.Repeat", page_tpl_f_repeat, 2, 2 },
    { "strings.Substr", page_tpl_f_substr, 2, 3 },
    { "substr", page_tpl_f_substr, 2, 3 },
    { "strings.Title", page_tpl_f_title, 1, 1 },
    { "title", page_tpl_f_title, 1, 1 },
    { "strings.Truncate", page_tpl_f_truncate, 2, 3 },
    { "truncate", page_tpl_f_truncate, 2, 3 },
    { "strings.CountWords", page_tpl_f_countwords, 1, 1 },
    { "countwords", page_tpl_f_countwords, 1, 1 },
    { "strings.CountRunes", page_tpl_f_countrunes, 1, 1 },
    { "countrunes", page_tpl_f_countrunes, 1, 1 },
    { "strings.FirstUpper", page_tpl_f_firstupper, 1, 1 },
    { NULL, NULL, 0, 0 }
};
