/*
 * page_fn_compare: Hugo's compare namespace (tpl/compare): eq, ne, lt,
 * le, gt, ge, default, cond; and how values compare, for them and for
 * the rest of the engine (Hugo's eq across numbers and strings, its
 * ordering).
 */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "page_fn.h"


int
page_tpl_equal(const page_value_t *a, const page_value_t *b)
{
    const char  *s1, *s2;
    size_t       l1, l2, i;

    if (a == NULL) {
        a = &page_nil_value;
    }
    if (b == NULL) {
        b = &page_nil_value;
    }

    if (a == b && a->type != PAGE_FLOAT) {
        return 1;               /* the same value: a page is itself */
    }

    if (page_tpl_is_num(a) && page_tpl_is_num(b)) {
        if (a->type == PAGE_INT && b->type == PAGE_INT) {
            return a->u.i == b->u.i;
        }
        return page_tpl_num(a) == page_tpl_num(b);
    }

    if (page_tpl_str(a, &s1, &l1) && page_tpl_str(b, &s2, &l2)) {
        return l1 == l2 && memcmp(s1, s2, l1) == 0;
    }

    if (a->type != b->type) {
        return 0;
    }

    switch (a->type) {
    case PAGE_NIL:
        return 1;
    case PAGE_BOOL:
        return !a->u.b == !b->u.b;
    case PAGE_TIME:
        return a->u.t.sec == b->u.t.sec && a->u.t.nsec == b->u.t.nsec;
    case PAGE_LIST:
        if (a->u.list.n != b->u.list.n) {
            return 0;
        }
        for (i = 0; i < a->u.list.n; i++) {
            if (!page_tpl_equal(a->u.list.items[i], b->u.list.items[i])) {
                return 0;
            }
        }
        return 1;
    case PAGE_MAP:
        if (a->u.map.n != b->u.map.n) {
            return 0;
        }
        for (i = 0; i < a->u.map.n; i++) {
            if (!page_tpl_equal(a->u.map.items[i].value,
                                page_map_get(b, a->u.map.items[i].key.data,
                                             a->u.map.items[i].key.len)))
            {
                return 0;
            }
        }
        return 1;
    default:
        return a == b;
    }
}


int
page_tpl_compare(const page_value_t *a, const page_value_t *b)
{
    const char  *s1, *s2;
    size_t       l1, l2;
    int          c;
    double       x, y;

    if (page_hugo_is_version(a) || page_hugo_is_version(b)) {
        return page_hugo_version_cmp(a, b);     /* hugo.Version */
    }

    if (a != NULL && b != NULL && page_tpl_is_num(a) && page_tpl_is_num(b))
    {
        if (a->type == PAGE_INT && b->type == PAGE_INT) {
            return (a->u.i > b->u.i) - (a->u.i < b->u.i);
        }
        x = page_tpl_num(a);
        y = page_tpl_num(b);
        return (x > y) - (x < y);
    }

    if (page_tpl_str(a, &s1, &l1) && page_tpl_str(b, &s2, &l2)) {
        c = memcmp(s1, s2, l1 < l2 ? l1 : l2);
        if (c != 0) {
            return c < 0 ? -1 : 1;
        }
        return (l1 > l2) - (l1 < l2);
    }

    if (a != NULL && b != NULL && a->type == PAGE_TIME
        && b->type == PAGE_TIME)
    {
        if (a->u.t.sec != b->u.t.sec) {
            return a->u.t.sec < b->u.t.sec ? -1 : 1;
        }
        return (a->u.t.nsec > b->u.t.nsec) - (a->u.t.nsec < b->u.t.nsec);
    }

    return -2;
}


/*
 * One side of lt, le, gt or ge as Hugo's compareGet makes it a number: a
 * number as itself, a string that parses as one (strtod over all of it),
 * a list or map its length, true 1; anything else (nil, false, a string
 * that is not a number) 0.  *str is set for a string that is not a
 * number: two of those compare as strings.
 */
static double
page_tpl_cmp_side(const page_value_t *v, const char **str, size_t *len)
{
    char        buf[64], *end;
    double      x;
    const char  *s;
    size_t       n;

    *str = NULL;

    if (v == NULL) {
        return 0;
    }

    if (page_tpl_is_num(v)) {
        return page_tpl_num(v);
    }

    switch (v->type) {
    case PAGE_BOOL:
        return v->u.b ? 1 : 0;
    case PAGE_LIST:
        return (double) v->u.list.n;
    case PAGE_MAP:
        return (double) v->u.map.n;
    default:
        break;
    }

    if (!page_tpl_str(v, &s, &n)) {
        return 0;
    }

    if (n > 0 && n < sizeof(buf) && !isspace((unsigned char) s[0])) {
        memcpy(buf, s, n);
        buf[n] = '\0';
        x = strtod(buf, &end);
        if (*end == '\0') {
            return x;
        }
    }

    *str = s;
    *len = n;
    return 0;
}


/*
 * lt, le, gt and ge as Hugo's (tpl/compare): never an error; strings
 * compare as strings only when neither is a number, else both sides are
 * numbers by page_tpl_cmp_side ("gt 165 \"120\"" is true, as Mainroad's
 * version check needs; "lt \"a\" 5" is true, "a" being 0).
 */
static int
page_tpl_compare_hugo(const page_value_t *a, const page_value_t *b)
{
    int          c;
    double       x, y;
    size_t       l1, l2;
    const char  *s1, *s2;

    c = page_tpl_compare(a, b);
    if (c != -2 && !(page_tpl_is_str(a) || page_tpl_is_str(b))) {
        return c;               /* numbers, times, versions as before */
    }

    if (page_hugo_is_version(a) || page_hugo_is_version(b)) {
        return c;
    }

    x = page_tpl_cmp_side(a, &s1, &l1);
    y = page_tpl_cmp_side(b, &s2, &l2);

    if (s1 != NULL && s2 != NULL) {
        c = memcmp(s1, s2, l1 < l2 ? l1 : l2);
        if (c != 0) {
            return c < 0 ? -1 : 1;
        }
        return (l1 > l2) - (l1 < l2);
    }

    return (x > y) - (x < y);
}


/*
 * Equal as Hugo's eq: numbers are normalised to int64 or float64 and then
 * compared as Go values, so an int never equals a float ("eq 1 1.0" is
 * false in hugo 0.111.3 and in current Hugo).
 */
static int
page_tpl_eq_hugo(const page_value_t *a, const page_value_t *b)
{
    if (a != NULL && b != NULL
        && ((a->type == PAGE_INT && b->type == PAGE_FLOAT)
            || (a->type == PAGE_FLOAT && b->type == PAGE_INT)))
    {
        return 0;
    }

    return page_tpl_equal(a, b);
}


static int
page_tpl_f_eq(PAGE_FN_ARGS)
{
    size_t  i;

    if (nargs < 2) {
        return page_tpl_fail(st, "missing argument for comparison");
    }

    for (i = 1; i < nargs; i++) {
        if (page_tpl_eq_hugo(args[0], args[i])) {
            return page_tpl_ret_bool(st, 1, res);
        }
    }

    return page_tpl_ret_bool(st, 0, res);
}


/*
 * ne, lt, le, gt and ge take the first argument against each of the
 * others and hold when the relation holds for all of them (Hugo's
 * compare namespace; "ge 5 1 2" is true, "ne 1 2 1" is false).
 */
typedef enum {
    PAGE_CMP_NE,
    PAGE_CMP_LT,
    PAGE_CMP_LE,
    PAGE_CMP_GT,
    PAGE_CMP_GE
} page_cmp_op_t;


static int
page_tpl_cmp_all(page_tpl_state_t *st, page_value_t **args, size_t nargs,
    page_cmp_op_t op, page_value_t **res)
{
    int     c, holds;
    size_t  i;

    for (i = 1; i < nargs; i++) {
        if (op == PAGE_CMP_NE) {
            holds = !page_tpl_eq_hugo(args[0], args[i]);

        } else {
            c = page_tpl_compare_hugo(args[0], args[i]);
            if (c == -2) {
                return page_tpl_fail(st, "incompatible types for "
                                     "comparison: %s and %s",
                                     page_tpl_tname(args[0]),
                                     page_tpl_tname(args[i]));
            }

            holds = (op == PAGE_CMP_LT) ? c < 0
                    : (op == PAGE_CMP_LE) ? c <= 0
                    : (op == PAGE_CMP_GT) ? c > 0
                    : c >= 0;
        }

        if (!holds) {
            return page_tpl_ret_bool(st, 0, res);
        }
    }

    return page_tpl_ret_bool(st, 1, res);
}


static int
page_tpl_f_ne(PAGE_FN_ARGS)
{
    return page_tpl_cmp_all(st, args, nargs, PAGE_CMP_NE, res);
}


static int
page_tpl_f_lt(PAGE_FN_ARGS)
{
    return page_tpl_cmp_all(st, args, nargs, PAGE_CMP_LT, res);
}


static int
page_tpl_f_le(PAGE_FN_ARGS)
{
    return page_tpl_cmp_all(st, args, nargs, PAGE_CMP_LE, res);
}


static int
page_tpl_f_gt(PAGE_FN_ARGS)
{
    return page_tpl_cmp_all(st, args, nargs, PAGE_CMP_GT, res);
}


static int
page_tpl_f_ge(PAGE_FN_ARGS)
{
    return page_tpl_cmp_all(st, args, nargs, PAGE_CMP_GE, res);
}


static int
page_tpl_f_default(PAGE_FN_ARGS)
{
    page_value_t  *g;
    int            set;

    (void) st;

    if (nargs == 1) {
        *res = args[0];
        return 0;
    }

    g = args[1];
    if (g == NULL || g->type == PAGE_NIL) {
        set = 0;
    } else if (g->type == PAGE_BOOL) {
        set = 1;                        /* Hugo: booleans are always set */
    } else if (g->type == PAGE_TIME) {
        set = !g->u.t.is_zero;
    } else {
        set = page_tpl_truth(g);
    }

    *res = set ? g : args[0];
    return 0;
}


static int
page_tpl_f_cond(PAGE_FN_ARGS)
{
    (void) st;
    (void) nargs;
    *res = page_tpl_truth(args[0]) ? args[1] : args[2];
    return 0;
}


const page_tpl_func_t  page_fn_compare[] = {
    { "compare.Eq", page_tpl_f_eq, 1, -1 },
    { "eq", page_tpl_f_eq, 1, -1 },
    { "compare.Ne", page_tpl_f_ne, 2, -1 },
    { "ne", page_tpl_f_ne, 2, -1 },
    { "compare.Lt", page_tpl_f_lt, 2, -1 },
    { "lt", page_tpl_f_lt, 2, -1 },
    { "compare.Le", page_tpl_f_le, 2, -1 },
    { "le", page_tpl_f_le, 2, -1 },
    { "compare.Gt", page_tpl_f_gt, 2, -1 },
    { "gt", page_tpl_f_gt, 2, -1 },
    { "compare.Ge", page_tpl_f_ge, 2, -1 },
    { "ge", page_tpl_f_ge, 2, -1 },
    { "compare.Default", page_tpl_f_default, 1, 2 },
    { "default", page_tpl_f_default, 1, 2 },
    { "compare.Conditional", page_tpl_f_cond, 3, 3 },
    { "cond", page_tpl_f_cond, 3, 3 },
    { NULL, NULL, 0, 0 }
};
