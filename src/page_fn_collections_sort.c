/*
 * page_fn_collections_sort: the part of Hugo's collections namespace
 * (tpl/collections) that orders and filters by a key path: sort and
 * where.
 */

#include <string.h>

#include "page_fn.h"


/* Follow a "Params.x" style path (a leading dot is allowed). */
static int
page_tpl_path(page_tpl_state_t *st, page_value_t *v, const char *path,
    size_t len, page_value_t **res)
{
    size_t  i, start;

    i = 0;
    if (len > 0 && path[0] == '.') {
        i = 1;
    }

    while (i < len) {
        start = i;
        while (i < len && path[i] != '.') {
            i++;
        }
        if (v == NULL || v->type == PAGE_NIL) {
            *res = NULL;
            return 0;
        }
        if (page_tpl_get_field(st, v, path + start, i - start, &v) != 0) {
            return -1;
        }
        i++;
    }

    *res = v;
    return 0;
}


typedef struct {
    page_value_t  *key;
    page_value_t  *item;
} page_tpl_sortent_t;


/* A stable merge sort: Hugo's sort keeps equal elements in order. */
static void
page_tpl_msort(page_tpl_sortent_t *a, page_tpl_sortent_t *tmp, size_t n,
    int desc)
{
    size_t  mid, i, j, k;
    int     c;

    if (n < 2) {
        return;
    }

    mid = n / 2;
    page_tpl_msort(a, tmp, mid, desc);
    page_tpl_msort(a + mid, tmp, n - mid, desc);

    i = 0;
    j = mid;
    k = 0;
    while (i < mid && j < n) {
        c = page_tpl_compare(a[j].key, a[i].key);
        if (c == -2) {
            c = 0;
        }
        if (desc ? c > 0 : c < 0) {
            tmp[k++] = a[j++];
        } else {
            tmp[k++] = a[i++];
        }
    }
    while (i < mid) {
        tmp[k++] = a[i++];
    }
    while (j < n) {
        tmp[k++] = a[j++];
    }
    memcpy(a, tmp, n * sizeof(*a));
}


/* sort COLLECTION [KEY] [ORDER] */
static int
page_tpl_f_sort(PAGE_FN_ARGS)
{
    size_t               i, n;
    const char          *key, *order;
    size_t               klen, olen;
    int                  desc;
    page_tpl_sortent_t  *e, *tmp;
    page_value_t        *c = args[0], *l, *item;

    key = NULL;
    klen = 0;
    desc = 0;

    if (nargs >= 2 && !page_tpl_str(args[1], &key, &klen)) {
        return page_tpl_fail(st, "sort: key must be a string");
    }
    if (nargs >= 3) {
        if (!page_tpl_str(args[2], &order, &olen)) {
            return page_tpl_fail(st, "sort: order must be a string");
        }
        desc = olen == 4 && memcmp(order, "desc", 4) == 0;
    }
    if (klen == 5 && memcmp(key, "value", 5) == 0) {
        klen = 0;
    }

    if (c == NULL || c->type == PAGE_NIL) {
        return page_tpl_fail(st, "sequence must be provided");
    }
    if (c->type != PAGE_LIST && c->type != PAGE_MAP) {
        return page_tpl_fail(st, "sort: can't iterate over %s",
                             page_tpl_tname(c));
    }

    n = c->type == PAGE_LIST ? c->u.list.n : c->u.map.n;
    e = page_arena_alloc(st->arena, (n + 1) * sizeof(*e));
    tmp = page_arena_alloc(st->arena, (n + 1) * sizeof(*e));
    l = page_tpl_list_new(st);
    if (e == NULL || tmp == NULL || l == NULL) {
        return page_tpl_nomem(st);
    }

    for (i = 0; i < n; i++) {
        item = c->type == PAGE_LIST ? c->u.list.items[i]
                                    : c->u.map.items[i].value;
        e[i].item = item;
        e[i].key = item;
        if (klen > 0 && page_tpl_path(st, item, key, klen, &e[i].key) != 0) {
            return -1;
        }
    }

    page_tpl_msort(e, tmp, n, desc);

    for (i = 0; i < n; i++) {
        if (page_tpl_push(st, l, e[i].item) != 0) {
            return -1;
        }
    }

    *res = l;
    return 0;
}


static int
page_tpl_where_match(page_tpl_state_t *st, page_value_t *v, const char *op,
    size_t oplen, page_value_t *want, int *match)
{
    size_t  i;
    int     c;

#define OP(s)  (oplen == sizeof(s) - 1 && memcmp(op, s, oplen) == 0)

    *match = 0;

    if (OP("") || OP("=") || OP("==") || OP("eq")) {
        *match = page_tpl_equal(v, want);
    } else if (OP("!=") || OP("<>") || OP("ne")) {
        *match = !page_tpl_equal(v, want);
    } else if (OP("in") || OP("not in")) {
        *match = 0;
        if (want != NULL && want->type == PAGE_LIST) {
            for (i = 0; i < want->u.list.n; i++) {
                if (page_tpl_equal(v, want->u.list.items[i])) {
                    *match = 1;
                    break;
                }
            }
        }
        if (OP("not in")) {
            *match = !*match;
        }
    } else if (OP("<") || OP("lt") || OP("<=") || OP("le") || OP(">")
               || OP("gt") || OP(">=") || OP("ge"))
    {
        c = page_tpl_compare(v, want);
        if (c == -2) {
            *match = 0;
        } else if (op[0] == '<' || op[0] == 'l') {
            *match = (OP("<") || OP("lt")) ? c < 0 : c <= 0;
        } else {
            *match = (OP(">") || OP("gt")) ? c > 0 : c >= 0;
        }
    } else {
        return page_tpl_fail(st, "where: %.*s is not a valid operator",
                             (int) oplen, op);
    }

#undef OP

    return 0;
}


/* where COLLECTION KEY [OP] VALUE */
static int
page_tpl_f_where(PAGE_FN_ARGS)
{
    size_t         i;
    const char    *key, *op;
    size_t         klen, oplen;
    int            match;
    page_value_t  *c = args[0], *l, *v, *want;

    if (!page_tpl_str(args[1], &key, &klen)) {
        return page_tpl_fail(st, "where: key must be a string");
    }

    op = "";
    oplen = 0;
    want = args[nargs - 1];
    if (nargs == 4 && !page_tpl_str(args[2], &op, &oplen)) {
        return page_tpl_fail(st, "where: operator must be a string");
    }
    if (nargs < 3) {
        return page_tpl_fail(st, "where: missing value");
    }

    l = page_tpl_list_new(st);
    if (l == NULL) {
        return -1;
    }

    if (c == NULL || c->type == PAGE_NIL) {
        *res = l;
        return 0;
    }
    if (c->type != PAGE_LIST) {
        return page_tpl_fail(st, "where: can't iterate over %s",
                             page_tpl_tname(c));
    }

    for (i = 0; i < c->u.list.n; i++) {
        if (page_tpl_path(st, c->u.list.items[i], key, klen, &v) != 0
            || page_tpl_where_match(st, v, op, oplen, want, &match) != 0)
        {
            return -1;
        }
        if (match && page_tpl_push(st, l, c->u.list.items[i]) != 0) {
            return -1;
        }
    }

    *res = l;
    return 0;
}


const page_tpl_func_t  page_fn_collections_sort[] = {
    { "collections.Sort", page_tpl_f_sort, 1, 3 },
    { "sort", page_tpl_f_sort, 1, 3 },
    { "collections.Where", page_tpl_f_where, 3, 4 },
    { "where", page_tpl_f_where, 3, 4 },
    { NULL, NULL, 0, 0 }
};
