/*
 * page_fn_collections_scratch: the methods of a scratch pad (Hugo's
 * hstore.Scratch: collections.NewScratch, .Scratch, .Store): Set, Get,
 * Add, SetInMap, DeleteInMap, GetSortedMapValues, Delete and Values.
 * A pad is the map page_sc_scratch_new() makes: its mark first, then the
 * map of values (page_sc_exec.c).
 */

#include <stdlib.h>
#include <string.h>

#include "page_fn.h"

/* As page_sc_exec.c marks a pad: the first key, then the values' key. */
#define PAGE_FN_SCRATCH_MARK  "#scratch"
#define PAGE_FN_SCRATCH_DATA  "#data"

#define page_fn_is(name, len, lit)                                           \
    ((len) == sizeof(lit) - 1 && memcmp(name, lit, sizeof(lit) - 1) == 0)


int
page_fn_is_scratch(const page_value_t *v)
{
    return v != NULL && v->type == PAGE_MAP && v->u.map.n != 0
           && v->u.map.items[0].key.len == sizeof(PAGE_FN_SCRATCH_MARK) - 1
           && memcmp(v->u.map.items[0].key.data, PAGE_FN_SCRATCH_MARK,
                     sizeof(PAGE_FN_SCRATCH_MARK) - 1) == 0;
}


/*
 * Scratch.Add: a list appends (the elements of a list), anything else
 * adds as Hugo's math.DoArithmetic does: numbers, and strings joined.
 */
static int
page_fn_scratch_add(page_tpl_state_t *st, page_value_t *old, page_value_t *v,
    page_value_t **res)
{
    size_t         i;
    page_buf_t     b;
    const char    *s1, *s2;
    size_t         l1, l2;
    page_value_t  *l;

    if (old == NULL) {
        *res = v;
        return 0;
    }

    if (old->type == PAGE_LIST) {
        l = page_tpl_list_new(st);
        if (l == NULL) {
            return -1;
        }
        for (i = 0; i < old->u.list.n; i++) {
            if (page_tpl_push(st, l, old->u.list.items[i]) != 0) {
                return -1;
            }
        }
        if (v != NULL && v->type == PAGE_LIST) {
            for (i = 0; i < v->u.list.n; i++) {
                if (page_tpl_push(st, l, v->u.list.items[i]) != 0) {
                    return -1;
                }
            }
        } else if (page_tpl_push(st, l, v) != 0) {
            return -1;
        }
        *res = l;
        return 0;
    }

    if (v != NULL && old->type == PAGE_INT && v->type == PAGE_INT) {
        return page_tpl_ret_int(st, (int64_t) ((uint64_t) old->u.i
                                               + (uint64_t) v->u.i), res);
    }

    if (page_tpl_is_num(old) && page_tpl_is_num(v)) {
        *res = page_value_float(st->arena,
                                page_tpl_num(old) + page_tpl_num(v));
        return *res ? 0 : page_tpl_nomem(st);
    }

    if (page_tpl_str(old, &s1, &l1) && page_tpl_str(v, &s2, &l2)) {
        page_tpl_buf(st, &b);
        page_buf_append(&b, s1, l1);
        page_buf_append(&b, s2, l2);
        return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
    }

    return page_tpl_fail(st, "can't apply the operator to the values");
}


/* GetSortedMapValues KEY: the map's values in the order of its keys. */
static int
page_fn_scratch_sorted(page_tpl_state_t *st, page_value_t *m,
    page_value_t **res)
{
    size_t         i, n;
    page_pair_t   *pairs;
    page_value_t  *l;

    if (m == NULL || m->type == PAGE_NIL) {
        *res = NULL;
        return 0;
    }
    if (m->type != PAGE_MAP) {
        return page_tpl_fail(st, "GetSortedMapValues: the value is not a "
                             "map");
    }

    n = m->u.map.n;
    pairs = page_map_sorted(st->arena, m);
    l = page_tpl_list_new(st);
    if (pairs == NULL || l == NULL) {
        return page_tpl_nomem(st);
    }

    for (i = 0; i < n; i++) {
        if (page_tpl_push(st, l, pairs[i].value) != 0) {
            return -1;
        }
    }

    *res = l;
    return 0;
}


int
page_fn_scratch_method(page_tpl_state_t *st, page_value_t *pad,
    const char *name, size_t len, page_value_t **args, size_t nargs,
    page_value_t **res)
{
    int            want;
    const char    *k, *mk;
    size_t         klen, mklen;
    page_value_t  *data, *v, *m;
    page_arena_t  *a = st->arena;

    if (!page_fn_is_scratch(pad)) {
        return 1;
    }

    data = page_map_gets(pad, PAGE_FN_SCRATCH_DATA);
    if (data == NULL) {
        return 1;
    }

    want = page_fn_is(name, len, "Values") ? 0
           : page_fn_is(name, len, "Get") || page_fn_is(name, len, "Delete")
             || page_fn_is(name, len, "GetSortedMapValues") ? 1
           : page_fn_is(name, len, "Set") || page_fn_is(name, len, "Add")
             || page_fn_is(name, len, "DeleteInMap") ? 2
           : page_fn_is(name, len, "SetInMap") ? 3 : -1;

    if (want < 0) {
        return page_tpl_fail(st, "can't evaluate field %.*s in type "
                             "*maps.Scratch", (int) len, name);
    }
    if ((size_t) want != nargs
        && !(want == 2 && page_fn_is(name, len, "DeleteInMap")
             && nargs == 2))
    {
        return page_tpl_fail(st, "wrong number of args for %.*s: want %d "
                             "got %d", (int) len, name, want, (int) nargs);
    }

    *res = NULL;

    if (want == 0) {
        *res = data;
        return 0;
    }

    if (!page_tpl_str(args[0], &k, &klen)) {
        return page_tpl_fail(st, "wrong type for value; expected string; "
                             "got %s", page_tpl_tname(args[0]));
    }

    v = page_map_get(data, k, klen);

    if (page_fn_is(name, len, "Get")) {
        *res = v;
        return 0;
    }

    if (page_fn_is(name, len, "GetSortedMapValues")) {
        return page_fn_scratch_sorted(st, v, res);
    }

    /* the rest return "", as Hugo's do, so that they print nothing */
    if (page_tpl_ret_str(st, PAGE_STRING, "", 0, res) != 0) {
        return -1;
    }

    if (page_fn_is(name, len, "Delete")) {
        page_map_delete(data, k, klen);
        return 0;
    }

    if (page_fn_is(name, len, "Set")) {
        return page_map_set(a, data, k, klen,
                            args[1] ? args[1] : &page_nil_value) == 0
               ? 0 : page_tpl_nomem(st);
    }

    if (page_fn_is(name, len, "Add")) {
        if (page_fn_scratch_add(st, v, args[1], &v) != 0) {
            return -1;
        }
        return page_map_set(a, data, k, klen, v ? v : &page_nil_value) == 0
               ? 0 : page_tpl_nomem(st);
    }

    if (!page_tpl_str(args[1], &mk, &mklen)) {
        return page_tpl_fail(st, "wrong type for value; expected string; "
                             "got %s", page_tpl_tname(args[1]));
    }

    if (page_fn_is(name, len, "DeleteInMap")) {
        if (v != NULL && v->type == PAGE_MAP) {
            page_map_delete(v, mk, mklen);
        }
        return 0;
    }

    /* SetInMap */
    m = v;
    if (m == NULL || m->type != PAGE_MAP) {
        m = page_value_map(a);
        if (m == NULL || page_map_set(a, data, k, klen, m) != 0) {
            return page_tpl_nomem(st);
        }
    }

    return page_map_set(a, m, mk, mklen, args[2] ? args[2] : &page_nil_value)
           == 0 ? 0 : page_tpl_nomem(st);
}
