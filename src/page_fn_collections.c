/*
 * page_fn_collections: Hugo's collections namespace (tpl/collections):
 * index, slice, dict, in, isset, append, merge, first, last, after,
 * uniq, reverse, seq, delimit, querify, intersect, union, complement,
 * symdiff, apply, keyVals, group and newScratch.  sort and where are in
 * page_fn_collections_sort.c, D and shuffle in
 * page_fn_collections_rand.c, the scratch pad's methods in
 * page_fn_collections_scratch.c.
 */

#include <stdlib.h>
#include <string.h>

#include "page_data.h"
#include "page_fn.h"
#include "page_sc_exec.h"
#include "page_site_data.h"


/*
 * Longest list seq may build: current Hugo's maxSeqSize (0.111.3 allowed
 * 2000); it bounds the memory one call may take (some 40 MB).
 */
#define PAGE_TPL_MAX_SEQ  1000000

/*
 * Deepest nesting merge follows: maps deeper than this are replaced, not
 * merged, which bounds the recursion whatever the data.
 */
#define PAGE_TPL_MAX_MERGE_DEPTH  64


/*
 * cast.ToIntE: an int, a float (truncated), a bool or a decimal string;
 * 0 and *out, or -1 when it is none (the caller fails or goes on).
 */
static int
page_tpl_cast_int(const page_value_t *v, int64_t *out)
{
    const char  *s;
    size_t       len;
    char         buf[32], *end;

    if (v == NULL || v->type == PAGE_NIL) {
        *out = 0;
        return 0;
    }
    if (v->type == PAGE_INT) {
        *out = v->u.i;
        return 0;
    }
    if (v->type == PAGE_FLOAT && v->u.f > -9.2e18 && v->u.f < 9.2e18) {
        *out = (int64_t) v->u.f;
        return 0;
    }
    if (v->type == PAGE_BOOL) {
        *out = v->u.b;
        return 0;
    }
    if (page_tpl_str(v, &s, &len) && len > 0 && len < sizeof(buf)) {
        memcpy(buf, s, len);
        buf[len] = '\0';
        *out = (int64_t) strtoll(buf, &end, 10);
        return *end == '\0' ? 0 : -1;
    }

    return -1;
}


/* The failure of page_tpl_cast_int, in cast's words. */
static int
page_tpl_cast_int_fail(page_tpl_state_t *st, const page_value_t *v)
{
    page_buf_t  b;

    page_tpl_buf(st, &b);
    if (page_tpl_is_str(v)) {
        page_buf_putc(&b, '"');
    }
    page_tpl_print(&b, v);
    if (page_tpl_is_str(v)) {
        page_buf_putc(&b, '"');
    }

    return page_tpl_fail(st, "unable to cast %.*s of type %s to int",
                         (int) b.len, b.data ? b.data : "",
                         page_tpl_tname(v));
}


static int
page_tpl_index1(page_tpl_state_t *st, page_value_t *c, page_value_t *k,
    page_value_t **res)
{
    const char  *s;
    size_t       len;
    int64_t      i;

    *res = NULL;

    if (c == NULL || c->type == PAGE_NIL) {
        return 0;
    }

    if (c->type == PAGE_MAP) {
        if (k == NULL || k->type == PAGE_NIL) {
            return page_tpl_fail(st, "value is nil; should be of type "
                                 "string");
        }
        if (!page_tpl_str(k, &s, &len)) {
            return page_tpl_fail(st, "value has type %s; should be string",
                                 page_tpl_tname(k));
        }
        *res = page_map_get(c, s, len);
        if (*res == NULL) {
            *res = page_map_get_ci(c, s, len);
        }
        return 0;
    }

    if (c->type == PAGE_LIST || page_tpl_str(c, &s, &len)) {
        if (k == NULL || k->type == PAGE_NIL) {
            return page_tpl_fail(st, "cannot index slice/array with nil");
        }
        if (k->type != PAGE_INT) {
            return page_tpl_fail(st, "cannot index "
                                 "slice/array with type %s",
                                 page_tpl_tname(k));
        }

        /* out of range is nil, not Go's error: Hugo deviates here */
        i = k->u.i;
        if (c->type == PAGE_LIST) {
            if (i >= 0 && (uint64_t) i < c->u.list.n) {
                *res = c->u.list.items[i];
            }
            return 0;
        }
        if (i >= 0 && (uint64_t) i < len) {
            return page_tpl_ret_int(st, (unsigned char) s[i], res);
        }
        return 0;
    }

    return page_tpl_fail(st, "can't index item of "
                         "type %s", page_tpl_tname(c));
}


static int
page_tpl_f_index(PAGE_FN_ARGS)
{
    size_t         i;
    page_value_t  *v, **keys;
    size_t         nkeys;

    v = args[0];
    keys = args + 1;
    nkeys = nargs - 1;

    /* index $m (slice "a" "b") */
    if (nkeys == 1 && keys[0] != NULL && keys[0]->type == PAGE_LIST) {
        nkeys = keys[0]->u.list.n;
        keys = keys[0]->u.list.items;
    }

    for (i = 0; i < nkeys; i++) {
        if (page_tpl_index1(st, v, keys[i], &v) != 0) {
            return -1;
        }
    }

    *res = v;
    return 0;
}


static int
page_tpl_f_slice(PAGE_FN_ARGS)
{
    size_t         i;
    page_value_t  *l;

    l = page_tpl_list_new(st);
    if (l == NULL) {
        return -1;
    }

    for (i = 0; i < nargs; i++) {
        if (page_tpl_push(st, l, args[i]) != 0) {
            return -1;
        }
    }

    *res = l;
    return 0;
}


/* The map under key k of m, made when m has none (dict's key paths). */
static page_value_t *
page_tpl_dict_sub(page_tpl_state_t *st, page_value_t *m, page_value_t *k)
{
    const char    *s;
    size_t         len;
    page_value_t  *sub;

    if (!page_tpl_str(k, &s, &len)) {
        page_tpl_fail(st, "invalid dictionary key");
        return NULL;
    }

    sub = page_map_get(m, s, len);
    if (sub != NULL && sub->type == PAGE_MAP) {
        return sub;
    }

    sub = page_value_map(st->arena);
    if (sub == NULL || page_map_set(st->arena, m, s, len, sub) != 0) {
        page_tpl_nomem(st);
        return NULL;
    }

    return sub;
}


/* dict KEY VALUE ...: a KEY may be a slice of keys, a path of maps */
static int
page_tpl_f_dict(PAGE_FN_ARGS)
{
    size_t         i, j;
    const char    *k;
    size_t         klen;
    page_value_t  *m, *d, *key;

    if (nargs % 2 != 0) {
        return page_tpl_fail(st, "invalid dictionary call");
    }

    m = page_value_map(st->arena);
    if (m == NULL) {
        return page_tpl_nomem(st);
    }

    for (i = 0; i < nargs; i += 2) {
        d = m;
        key = args[i];

        if (key != NULL && key->type == PAGE_LIST && key->u.list.n > 0) {
            for (j = 0; j + 1 < key->u.list.n; j++) {
                d = page_tpl_dict_sub(st, d, key->u.list.items[j]);
                if (d == NULL) {
                    return -1;
                }
            }
            key = key->u.list.items[key->u.list.n - 1];
        }

        if (!page_tpl_str(key, &k, &klen)) {
            return page_tpl_fail(st, "invalid dictionary key");
        }
        if (page_map_set(st->arena, d, k, klen,
                         args[i + 1] ? args[i + 1] : &page_nil_value) != 0)
        {
            return page_tpl_nomem(st);
        }
    }

    *res = m;
    return 0;
}


/*
 * in LIST VALUE: an element equal to VALUE; anything else as text (a
 * string, a number) containing VALUE's text, as Hugo's cast does.
 */
static int
page_tpl_f_in(PAGE_FN_ARGS)
{
    const char    *s, *sub;
    size_t         len, sublen, i;
    page_value_t  *c = args[0];

    (void) nargs;

    if (c == NULL || c->type == PAGE_NIL || args[1] == NULL
        || args[1]->type == PAGE_NIL)
    {
        return page_tpl_ret_bool(st, 0, res);
    }

    if (c->type == PAGE_LIST) {
        for (i = 0; i < c->u.list.n; i++) {
            if (page_tpl_equal(c->u.list.items[i], args[1])) {
                return page_tpl_ret_bool(st, 1, res);
            }
        }
        return page_tpl_ret_bool(st, 0, res);
    }

    if (c->type == PAGE_MAP || args[1]->type == PAGE_LIST
        || args[1]->type == PAGE_MAP)
    {
        return page_tpl_ret_bool(st, 0, res);
    }

    if (page_tpl_text(st, c, &s, &len) != 0
        || page_tpl_text(st, args[1], &sub, &sublen) != 0)
    {
        return -1;
    }
    for (i = 0; i + sublen <= len; i++) {
        if (memcmp(s + i, sub, sublen) == 0) {
            return page_tpl_ret_bool(st, 1, res);
        }
    }

    return page_tpl_ret_bool(st, 0, res);
}


static int
page_tpl_f_isset(PAGE_FN_ARGS)
{
    const char    *k;
    size_t         klen;
    int64_t        i;
    page_value_t  *c = args[0];

    (void) nargs;

    if (c != NULL && c->type == PAGE_MAP && page_tpl_str(args[1], &k, &klen))
    {
        return page_tpl_ret_bool(st, page_map_get(c, k, klen) != NULL
                                 || page_map_get_ci(c, k, klen) != NULL, res);
    }

    if (c != NULL && c->type == PAGE_LIST) {
        if (page_tpl_cast_int(args[1], &i) != 0) {
            return page_tpl_fail(st, "isset unable to use key of type %s "
                                 "as index", page_tpl_tname(args[1]));
        }
        return page_tpl_ret_bool(st, i >= 0 && (uint64_t) i < c->u.list.n,
                                 res);
    }

    return page_tpl_ret_bool(st, 0, res);
}


/* append ITEM... LIST */
static int
page_tpl_f_append(PAGE_FN_ARGS)
{
    size_t         i;
    page_value_t  *base, *l;

    base = args[nargs - 1];
    if (base != NULL && base->type != PAGE_LIST && base->type != PAGE_NIL) {
        return page_tpl_fail(st, "append: expected a slice, got %s",
                             page_tpl_tname(base));
    }

    l = page_tpl_list_new(st);
    if (l == NULL) {
        return -1;
    }

    if (base != NULL && base->type == PAGE_LIST) {
        for (i = 0; i < base->u.list.n; i++) {
            if (page_tpl_push(st, l, base->u.list.items[i]) != 0) {
                return -1;
            }
        }
    }

    /* one list to append: its elements ($a | append $b) */
    if (nargs == 2 && args[0] != NULL && args[0]->type == PAGE_LIST) {
        for (i = 0; i < args[0]->u.list.n; i++) {
            if (page_tpl_push(st, l, args[0]->u.list.items[i]) != 0) {
                return -1;
            }
        }
        *res = l;
        return 0;
    }

    for (i = 0; i + 1 < nargs; i++) {
        if (page_tpl_push(st, l, args[i]) != 0) {
            return -1;
        }
    }

    *res = l;
    return 0;
}


/*
 * Merge src into a copy of dst as Hugo does (tpl/collections/merge.go):
 * dst's values win; a key of src that dst lacks (ignoring case) is
 * added; when both values are maps they are merged, under src's key.
 */
static page_value_t *
page_tpl_merge2(page_tpl_state_t *st, page_value_t *dst, page_value_t *src,
    int depth)
{
    size_t         i;
    page_value_t  *m, *old, *v;
    page_pair_t   *p;

    m = page_value_map(st->arena);
    if (m == NULL || page_map_reserve(st->arena, m, dst->u.map.n) != 0) {
        return NULL;
    }

    for (i = 0; i < dst->u.map.n; i++) {
        p = &dst->u.map.items[i];
        if (page_map_add(st->arena, m, p->key.data, p->key.len, p->value)
            != 0)
        {
            return NULL;
        }
    }

    for (i = 0; i < src->u.map.n; i++) {
        p = &src->u.map.items[i];
        old = page_map_get(dst, p->key.data, p->key.len);
        if (old == NULL) {
            old = page_map_get_ci(dst, p->key.data, p->key.len);
        }
        v = p->value;

        if (old == NULL) {
            /* added below */

        } else if (old->type == PAGE_MAP && v != NULL && v->type == PAGE_MAP
                   && depth < PAGE_TPL_MAX_MERGE_DEPTH)
        {
            v = page_tpl_merge2(st, old, v, depth + 1);
            if (v == NULL) {
                return NULL;
            }

        } else {
            continue;
        }

        if (page_map_set(st->arena, m, p->key.data, p->key.len, v) != 0) {
            return NULL;
        }
    }

    return m;
}


/* merge MAP... : the last map is the destination, its values win */
static int
page_tpl_f_merge(PAGE_FN_ARGS)
{
    size_t         i;
    page_value_t  *m;

    if (nargs < 2) {
        return page_tpl_fail(st, "merge requires at least two parameters");
    }

    for (i = nargs; i-- > 0; ) {
        if (args[i] == NULL || args[i]->type != PAGE_MAP) {
            return page_tpl_fail(st, "%s must be a map, got %s",
                                 i + 1 == nargs ? "destination" : "source",
                                 page_tpl_tname(args[i]));
        }
    }

    m = args[nargs - 1];
    for (i = nargs - 1; i-- > 0; ) {
        m = page_tpl_merge2(st, m, args[i], 0);
        if (m == NULL) {
            return page_tpl_nomem(st);
        }
    }

    *res = m;
    return 0;
}


/*
 * first N, last N, after N of a list or a string (in bytes, as Hugo
 * slices it): the elements [from, to) that each keeps.
 */
typedef enum {
    PAGE_TPL_FIRST = 0,
    PAGE_TPL_LAST,
    PAGE_TPL_AFTER
} page_tpl_part_t;


static int
page_tpl_subseq(page_tpl_state_t *st, page_tpl_part_t part,
    page_value_t **args, page_value_t **res)
{
    int64_t        n;
    size_t         len, from, to, i;
    const char    *s = NULL;
    page_value_t  *l, *c = args[1];

    if (args[0] == NULL || args[0]->type == PAGE_NIL
        || c == NULL || c->type == PAGE_NIL)
    {
        return page_tpl_fail(st, "both limit and seq must be provided");
    }
    if (page_tpl_cast_int(args[0], &n) != 0) {
        return page_tpl_cast_int_fail(st, args[0]);
    }
    if (n < 0) {
        if (part == PAGE_TPL_AFTER) {
            return page_tpl_fail(st, "sequence bounds out of range [%lld:]",
                                 (long long) n);
        }
        return page_tpl_fail(st, "sequence length must be non-negative");
    }

    if (c->type == PAGE_LIST) {
        len = c->u.list.n;
    } else if (!page_tpl_str(c, &s, &len)) {
        return page_tpl_fail(st, "can't iterate over %s", page_tpl_tname(c));
    }

    if ((uint64_t) n > len) {
        n = (int64_t) len;
    }
    from = part == PAGE_TPL_FIRST ? 0
           : part == PAGE_TPL_LAST ? len - (size_t) n : (size_t) n;
    to = part == PAGE_TPL_FIRST ? (size_t) n : len;

    if (c->type != PAGE_LIST) {
        return page_tpl_ret_str(st, c->type, s + from, to - from, res);
    }

    l = page_tpl_list_new(st);
    if (l == NULL) {
        return -1;
    }
    for (i = from; i < to; i++) {
        if (page_tpl_push(st, l, c->u.list.items[i]) != 0) {
            return -1;
        }
    }
    *res = l;
    return 0;
}


static int
page_tpl_f_first(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_subseq(st, PAGE_TPL_FIRST, args, res);
}


static int
page_tpl_f_last(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_subseq(st, PAGE_TPL_LAST, args, res);
}


static int
page_tpl_f_after(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_subseq(st, PAGE_TPL_AFTER, args, res);
}


static int
page_tpl_f_uniq(PAGE_FN_ARGS)
{
    size_t         i, j;
    page_value_t  *l, *c = args[0];

    (void) nargs;

    if (c == NULL || c->type != PAGE_LIST) {
        return page_tpl_fail(st, "type %s not supported",
                             page_tpl_tname(c));
    }

    l = page_tpl_list_new(st);
    if (l == NULL) {
        return -1;
    }
    for (i = 0; i < c->u.list.n; i++) {
        for (j = 0; j < l->u.list.n; j++) {
            if (page_tpl_equal(l->u.list.items[j], c->u.list.items[i])) {
                break;
            }
        }
        if (j == l->u.list.n && page_tpl_push(st, l, c->u.list.items[i]) != 0)
        {
            return -1;
        }
    }
    *res = l;
    return 0;
}


static int
page_tpl_f_reverse(PAGE_FN_ARGS)
{
    size_t         i;
    page_value_t  *l, *c = args[0];

    (void) nargs;

    if (c == NULL || c->type == PAGE_NIL) {
        *res = NULL;
        return 0;
    }
    if (c->type != PAGE_LIST) {
        return page_tpl_fail(st, "argument must be a slice");
    }

    l = page_tpl_list_new(st);
    if (l == NULL) {
        return -1;
    }
    for (i = c->u.list.n; i-- > 0; ) {
        if (page_tpl_push(st, l, c->u.list.items[i]) != 0) {
            return -1;
        }
    }
    *res = l;
    return 0;
}


/* seq LAST, seq FIRST LAST, seq FIRST INCREMENT LAST: GNU's seq */
static int
page_tpl_f_seq(PAGE_FN_ARGS)
{
    int64_t        a[3], first, step, last, i, n;
    size_t         k;
    page_value_t  *l, *v;

    if (nargs < 1 || nargs > 3) {
        return page_tpl_fail(st, "invalid number of arguments to Seq");
    }

    for (k = 0; k < nargs; k++) {
        if (page_tpl_cast_int(args[k], &a[k]) != 0) {
            return page_tpl_fail(st, "invalid arguments to Seq");
        }
        /* far beyond the limit: refused before any arithmetic */
        if (a[k] > INT32_MAX || a[k] < -INT32_MAX) {
            return page_tpl_fail(st, "size of result exceeds limit");
        }
    }

    first = 1;
    step = 1;
    if (nargs == 1) {
        last = a[0];
        if (last < 0) {
            first = -1;
            step = -1;
        }
        if (last == 0) {
            *res = page_tpl_list_new(st);
            return *res ? 0 : -1;
        }
    } else if (nargs == 2) {
        first = a[0];
        last = a[1];
        step = first <= last ? 1 : -1;
    } else {
        first = a[0];
        step = a[1];
        last = a[2];
        if (step == 0) {
            return page_tpl_fail(st, "'increment' must not be 0");
        }
        if (first < last && step < 0) {
            return page_tpl_fail(st, "'increment' must be > 0");
        }
        if (first > last && step > 0) {
            return page_tpl_fail(st, "'increment' must be < 0");
        }
    }

    n = (last - first) / step + 1;
    if (last < -PAGE_TPL_MAX_SEQ || n <= 0 || n > PAGE_TPL_MAX_SEQ) {
        return page_tpl_fail(st, "size of result exceeds limit");
    }

    l = page_tpl_list_new(st);
    if (l == NULL) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        v = page_value_int(st->arena, first + i * step);
        if (v == NULL || page_tpl_push(st, l, v) != 0) {
            return page_tpl_nomem(st);
        }
    }

    *res = l;
    return 0;
}


/* delimit LIST SEP [LAST] */
static int
page_tpl_f_delimit(PAGE_FN_ARGS)
{
    size_t          i, n;
    const char     *sep, *last, *s;
    size_t          seplen, lastlen, len;
    page_buf_t      b;
    page_value_t   *c = args[0], *item, *l;
    page_pair_t    *pairs;

    if (page_tpl_text(st, args[1], &sep, &seplen) != 0) {
        return -1;
    }
    last = sep;
    lastlen = seplen;
    if (nargs == 3 && page_tpl_text(st, args[2], &last, &lastlen) != 0) {
        return -1;
    }

    if (page_tpl_str(c, &s, &len)) {
        /* Go iterates a string as its bytes, each a number */
        l = page_tpl_list_new(st);
        if (l == NULL) {
            return -1;
        }
        for (i = 0; i < len; i++) {
            item = page_value_int(st->arena, (unsigned char) s[i]);
            if (item == NULL || page_tpl_push(st, l, item) != 0) {
                return page_tpl_nomem(st);
            }
        }
        c = l;
    }

    if (c == NULL || (c->type != PAGE_LIST && c->type != PAGE_MAP)) {
        return page_tpl_fail(st, "can't iterate over %s", page_tpl_tname(c));
    }

    pairs = NULL;
    n = c->type == PAGE_LIST ? c->u.list.n : c->u.map.n;
    if (c->type == PAGE_MAP) {
        /* a map's values, in key order */
        pairs = page_map_sorted(st->arena, c);
        if (pairs == NULL) {
            return page_tpl_nomem(st);
        }
    }

    page_tpl_buf(st, &b);
    for (i = 0; i < n; i++) {
        item = pairs ? pairs[i].value : c->u.list.items[i];
        if (i > 0) {
            if (i + 1 == n) {
                page_buf_append(&b, last, lastlen);
            } else {
                page_buf_append(&b, sep, seplen);
            }
        }
        if (page_tpl_text(st, item, &s, &len) != 0) {
            return -1;
        }
        page_buf_append(&b, s, len);
    }

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


#define PAGE_TPL_QUERIFY_ERR                                                \
    "expected a map, a slice with an even number of elements, or an even " \
    "number of scalar values, and each key must be a string"


/*
 * querify KEY VALUE ..., querify SLICE, querify MAP: a URL query string
 * with the keys sorted, as Go's url.Values.Encode() writes it.
 */
static int
page_tpl_f_querify(PAGE_FN_ARGS)
{
    size_t          i, j, n;
    const char     *k, *v;
    size_t          klen, vlen;
    page_buf_t      b;
    page_value_t  **kv, **p, *tk, *tv, *m;

    kv = args;
    n = nargs;
    m = nargs == 1 ? args[0] : NULL;

    if (m != NULL && m->type == PAGE_LIST) {
        kv = m->u.list.items;
        n = m->u.list.n;

    } else if (m != NULL && m->type == PAGE_MAP) {
        n = m->u.map.n * 2;
        kv = page_arena_alloc(st->arena, (n + 1) * sizeof(*kv));
        if (kv == NULL) {
            return page_tpl_nomem(st);
        }
        for (i = 0; i < m->u.map.n; i++) {
            kv[2 * i] = page_value_string_ref(st->arena, PAGE_STRING,
                                              m->u.map.items[i].key.data,
                                              m->u.map.items[i].key.len);
            kv[2 * i + 1] = m->u.map.items[i].value;
            if (kv[2 * i] == NULL) {
                return page_tpl_nomem(st);
            }
        }

    } else if (nargs == 1) {
        return page_tpl_fail(st, PAGE_TPL_QUERIFY_ERR);
    }

    if (n % 2 != 0) {
        return page_tpl_fail(st, PAGE_TPL_QUERIFY_ERR);
    }

    p = page_arena_alloc(st->arena, (n + 1) * sizeof(*p));
    if (p == NULL) {
        return page_tpl_nomem(st);
    }
    if (n > 0) {
        memcpy(p, kv, n * sizeof(*p));
    }

    for (i = 0; i < n; i += 2) {
        if (!page_tpl_str(p[i], &k, &klen)) {
            return page_tpl_fail(st, PAGE_TPL_QUERIFY_ERR);
        }
        if (klen == 0) {
            return page_tpl_fail(st, "one of the keys is an empty string");
        }
    }

    /* a stable insertion sort of the pairs by key: Go sorts the keys and
     * keeps the values of one key in their order */
    for (i = 2; i < n; i += 2) {
        for (j = i; j >= 2 && page_tpl_compare(p[j], p[j - 2]) == -1;
             j -= 2)
        {
            tk = p[j];
            tv = p[j + 1];
            p[j] = p[j - 2];
            p[j + 1] = p[j - 1];
            p[j - 2] = tk;
            p[j - 1] = tv;
        }
    }

    page_tpl_buf(st, &b);
    for (i = 0; i < n; i += 2) {
        if (page_tpl_text(st, p[i], &k, &klen) != 0
            || page_tpl_text(st, p[i + 1], &v, &vlen) != 0)
        {
            return -1;
        }
        if (i > 0) {
            page_buf_putc(&b, '&');
        }
        page_tpl_query_escape(&b, k, klen, 0);
        page_buf_putc(&b, '=');
        page_tpl_query_escape(&b, v, vlen, 0);
    }

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


static int
page_tpl_list_has(const page_value_t *l, const page_value_t *v)
{
    size_t  i;

    for (i = 0; l != NULL && l->type == PAGE_LIST && i < l->u.list.n; i++) {
        if (page_tpl_equal(l->u.list.items[i], v)) {
            return 1;
        }
    }
    return 0;
}


/*
 * A page (the one rendered, or one of the site index): Hugo compares
 * pages by identity, so lists of pages are comparable, unlike maps.
 */
static int
page_tpl_is_page(page_tpl_state_t *st, const page_value_t *v)
{
    page_data_t  *d = page_tpl_env(st)->data;

    return d != NULL && v != NULL
           && (v == d->page || page_site_data_page_of(d, v) != NULL);
}


/* mode 0 intersect, 1 union, 2 complement (last arg minus the others) */
static int
page_tpl_setop(page_tpl_state_t *st, int mode,
    page_value_t **args, size_t nargs, page_value_t **res)
{
    size_t         i, k;
    page_value_t  *l, *a, *b, *item;

    for (k = 0; k < nargs; k++) {
        if (args[k] != NULL && args[k]->type != PAGE_LIST
            && args[k]->type != PAGE_NIL)
        {
            if (mode == 2) {
                return page_tpl_fail(st, "arguments to complement must be "
                                     "slices or arrays");
            }
            return page_tpl_fail(st, "can't iterate over %s",
                                 page_tpl_tname(args[k]));
        }
    }

    l = page_tpl_list_new(st);
    if (l == NULL) {
        return -1;
    }

    a = mode == 2 ? args[nargs - 1] : args[0];
    b = mode == 2 ? NULL : args[1];

    for (k = 0; mode == 0 && k < 2; k++) {
        for (i = 0; args[k] != NULL && args[k]->type == PAGE_LIST
                    && i < args[k]->u.list.n; i++)
        {
            item = args[k]->u.list.items[i];
            if (item != NULL && (item->type == PAGE_MAP
                                 || item->type == PAGE_LIST)
                && !page_tpl_is_page(st, item))
            {
                return page_tpl_fail(st, "intersect does not support "
                                     "slices or arrays of uncomparable "
                                     "types");
            }
        }
    }

    for (i = 0; a != NULL && a->type == PAGE_LIST && i < a->u.list.n; i++) {
        item = a->u.list.items[i];
        if (page_tpl_list_has(l, item)) {
            continue;
        }
        if (mode == 0 && !page_tpl_list_has(b, item)) {
            continue;
        }
        if (mode == 2) {
            for (k = 0; k + 1 < nargs; k++) {
                if (page_tpl_list_has(args[k], item)) {
                    break;
                }
            }
            if (k + 1 < nargs) {
                continue;
            }
        }
        if (page_tpl_push(st, l, item) != 0) {
            return -1;
        }
    }

    for (i = 0; mode == 1 && b != NULL && b->type == PAGE_LIST
                && i < b->u.list.n; i++)
    {
        if (!page_tpl_list_has(l, b->u.list.items[i])
            && page_tpl_push(st, l, b->u.list.items[i]) != 0)
        {
            return -1;
        }
    }

    *res = l;
    return 0;
}


/*
 * symdiff S1 S2 (S2 | symdiff S1): the elements of S2, then of S1, that
 * are not in both, in their order (duplicates kept, as Hugo does).
 */
static int
page_tpl_f_symdiff(PAGE_FN_ARGS)
{
    size_t         i, k;
    page_value_t  *l, *s, *item;

    (void) nargs;

    for (k = 0; k < 2; k++) {
        if (args[k] == NULL || args[k]->type != PAGE_LIST) {
            return page_tpl_fail(st, "arguments to symdiff must be slices "
                                 "or arrays");
        }
    }

    l = page_tpl_list_new(st);
    if (l == NULL) {
        return -1;
    }

    for (k = 0; k < 2; k++) {
        s = args[1 - k];
        for (i = 0; i < s->u.list.n; i++) {
            item = s->u.list.items[i];
            if (page_tpl_list_has(args[0], item)
                != page_tpl_list_has(args[1], item)
                && page_tpl_push(st, l, item) != 0)
            {
                return -1;
            }
        }
    }

    *res = l;
    return 0;
}


static int
page_tpl_f_intersect(PAGE_FN_ARGS)
{
    return page_tpl_setop(st, 0, args, nargs, res);
}


static int
page_tpl_f_union(PAGE_FN_ARGS)
{
    return page_tpl_setop(st, 1, args, nargs, res);
}


static int
page_tpl_f_complement(PAGE_FN_ARGS)
{
    if (nargs < 2) {
        return page_tpl_fail(st, "complement needs at least two arguments");
    }

    return page_tpl_setop(st, 2, args, nargs, res);
}


/*
 * apply SLICE FUNCTION PARAM...: FUNCTION called for each element, with
 * the element wherever a PARAM is ".".
 */
static int
page_tpl_f_apply(PAGE_FN_ARGS)
{
    int                     rc;
    size_t                  i, k, n;
    const char             *name, *saved;
    size_t                  len;
    page_buf_t              b;
    page_value_t           *c = args[0], *l, *r, *argv[PAGE_TPL_MAX_ARGS];
    const page_tpl_func_t  *f;

    if (page_tpl_arg_str(st, "apply", args[1], &name, &len) != 0) {
        return -1;
    }

    if (c == NULL || c->type == PAGE_NIL) {
        *res = page_tpl_list_new(st);
        return *res ? 0 : -1;
    }

    if (len == 5 && memcmp(name, "apply", 5) == 0) {
        return page_tpl_fail(st, "can't apply myself (no turtles allowed)");
    }

    f = page_tpl_lookup_func(st->set, name, len);
    if (f == NULL) {
        return page_tpl_fail(st, "can't find function %.*s", (int) len,
                             name);
    }

    if (c->type != PAGE_LIST) {
        page_tpl_buf(st, &b);
        page_tpl_print(&b, c);
        return page_tpl_fail(st, "can't apply over %.*s", (int) b.len,
                             b.data ? b.data : "");
    }

    n = nargs - 2;
    if ((int) n < f->min_args || (f->max_args >= 0 && (int) n > f->max_args)
        || n > PAGE_TPL_MAX_ARGS)
    {
        return page_tpl_fail(st, "wrong number of args for %s: want %d got "
                             "%d", f->name, f->min_args, (int) n);
    }

    l = page_tpl_list_new(st);
    if (l == NULL) {
        return -1;
    }

    for (i = 0; i < c->u.list.n; i++) {
        for (k = 0; k < n; k++) {
            argv[k] = args[2 + k];
            if (page_tpl_str(argv[k], &name, &len) && len == 1
                && name[0] == '.')
            {
                argv[k] = c->u.list.items[i];
            }
        }

        saved = st->calling;
        st->calling = f->name;
        r = NULL;
        rc = f->fn(st, argv, n, &r);
        st->calling = saved;

        if (rc != 0 || page_tpl_push(st, l, r) != 0) {
            return -1;
        }
    }

    *res = l;
    return 0;
}


/*
 * keyVals KEY VALUE...: Hugo's types.KeyValues (for .Related), as a map
 * with its fields Key and Values and its method KeyString.  It prints as
 * a map, not as Hugo's "KEY: [VALUES]".
 */
static int
page_tpl_f_keyvals(PAGE_FN_ARGS)
{
    size_t         i;
    page_value_t  *m, *l, *ks;

    l = page_tpl_list_new(st);
    m = page_value_map(st->arena);
    if (l == NULL || m == NULL) {
        return page_tpl_nomem(st);
    }

    for (i = 1; i < nargs; i++) {
        if (page_tpl_push(st, l, args[i]) != 0) {
            return -1;
        }
    }

    if (page_tpl_typed(st, args[0], PAGE_STRING, &ks) != 0) {
        return -1;
    }

    if (page_map_add(st->arena, m, "Key", 3,
                     args[0] ? args[0] : &page_nil_value) != 0
        || page_map_add(st->arena, m, "Values", 6, l) != 0
        || page_map_add(st->arena, m, "KeyString", 9, ks) != 0)
    {
        return page_tpl_nomem(st);
    }

    *res = m;
    return 0;
}


/*
 * group KEY PAGES: Hugo groups page collections only (a PagesGroup);
 * pages are the Hugo-sites issue's, so every other value is refused
 * with Hugo's words.
 */
static int
page_tpl_f_group(PAGE_FN_ARGS)
{
    (void) nargs;
    (void) res;

    if (args[0] == NULL || args[0]->type == PAGE_NIL) {
        return page_tpl_fail(st, "nil is not a valid key to group by");
    }

    return page_tpl_fail(st, "grouping not supported for type %s %s",
                         page_tpl_tname(args[1]),
                         args[1] != NULL && args[1]->type == PAGE_LIST
                         ? "<nil>" : page_tpl_tname(args[1]));
}


/* newScratch: a scratch pad of its own (page_fn_collections_scratch.c) */
static int
page_tpl_f_newscratch(PAGE_FN_ARGS)
{
    (void) args;
    (void) nargs;

    *res = page_sc_scratch_new(st->arena);
    return *res ? 0 : page_tpl_nomem(st);
}


const page_tpl_func_t  page_fn_collections[] = {
    { "collections.Index", page_tpl_f_index, 1, -1 },
    { "index", page_tpl_f_index, 1, -1 },
    { "collections.Slice", page_tpl_f_slice, 0, -1 },
    { "slice", page_tpl_f_slice, 0, -1 },
    { "collections.Dictionary", page_tpl_f_dict, 0, -1 },
    { "dict", page_tpl_f_dict, 0, -1 },
    { "collections.In", page_tpl_f_in, 2, 2 },
    { "in", page_tpl_f_in, 2, 2 },
    { "collections.IsSet", page_tpl_f_isset, 2, 2 },
    { "isset", page_tpl_f_isset, 2, 2 },
    { "collections.Append", page_tpl_f_append, 2, -1 },
    { "append", page_tpl_f_append, 2, -1 },
    { "collections.Merge", page_tpl_f_merge, 1, -1 },
    { "merge", page_tpl_f_merge, 1, -1 },
    { "collections.First", page_tpl_f_first, 2, 2 },
    { "first", page_tpl_f_first, 2, 2 },
    { "collections.Last", page_tpl_f_last, 2, 2 },
    { "last", page_tpl_f_last, 2, 2 },
    { "collections.After", page_tpl_f_after, 2, 2 },
    { "after", page_tpl_f_after, 2, 2 },
    { "collections.Uniq", page_tpl_f_uniq, 1, 1 },
    { "uniq", page_tpl_f_uniq, 1, 1 },
    { "collections.Reverse", page_tpl_f_reverse, 1, 1 },
    { "collections.Seq", page_tpl_f_seq, 0, -1 },
    { "seq", page_tpl_f_seq, 0, -1 },
    { "collections.Delimit", page_tpl_f_delimit, 2, 3 },
    { "delimit", page_tpl_f_delimit, 2, 3 },
    { "collections.Querify", page_tpl_f_querify, 0, -1 },
    { "querify", page_tpl_f_querify, 0, -1 },
    { "collections.Intersect", page_tpl_f_intersect, 2, 2 },
    { "intersect", page_tpl_f_intersect, 2, 2 },
    { "collections.Union", page_tpl_f_union, 2, 2 },
    { "union", page_tpl_f_union, 2, 2 },
    { "collections.Complement", page_tpl_f_complement, 1, -1 },
    { "complement", page_tpl_f_complement, 1, -1 },
    { "collections.SymDiff", page_tpl_f_symdiff, 2, 2 },
    { "symdiff", page_tpl_f_symdiff, 2, 2 },
    { "collections.Apply", page_tpl_f_apply, 2, -1 },
    { "apply", page_tpl_f_apply, 2, -1 },
    { "collections.KeyVals", page_tpl_f_keyvals, 1, -1 },
    { "keyVals", page_tpl_f_keyvals, 1, -1 },
    { "collections.Group", page_tpl_f_group, 2, 2 },
    { "group", page_tpl_f_group, 2, 2 },
    { "collections.NewScratch", page_tpl_f_newscratch, 0, 0 },
    { "newScratch", page_tpl_f_newscratch, 0, 0 },
    { NULL, NULL, 0, 0 }
};
