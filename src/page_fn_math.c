/*
 * page_fn_math: Hugo's math namespace (tpl/math): add, sub, mul, div,
 * mod, modBool and math.Floor, Ceil, Round, Max, Min, Abs, Sqrt, Pow.
 */

#include <math.h>
#include <string.h>

#include "page_fn.h"


static int
page_tpl_arith(page_tpl_state_t *st, const char *fn, char op,
    page_value_t **args, size_t nargs, page_value_t **res)
{
    size_t         i;
    page_value_t  *a, *b, *r;
    const char    *s1, *s2;
    size_t         l1, l2;
    page_buf_t     buf;
    int64_t        x, y, z;
    double         f, g;

    a = args[0];

    for (i = 1; i < nargs; i++) {
        b = args[i];

        if (op == '+' && page_tpl_str(a, &s1, &l1)
            && page_tpl_str(b, &s2, &l2))
        {
            page_tpl_buf(st, &buf);
            page_buf_append(&buf, s1, l1);
            page_buf_append(&buf, s2, l2);
            if (page_tpl_ret_buf(st, PAGE_STRING, &buf, &r) != 0) {
                return -1;
            }
            a = r;
            continue;
        }

        if (!page_tpl_is_num(a) || !page_tpl_is_num(b)) {
            return page_tpl_fail(st, "%s: can't apply the operator to the "
                                 "values (%s and %s)", fn,
                                 page_tpl_tname(a), page_tpl_tname(b));
        }

        if (a->type == PAGE_INT && b->type == PAGE_INT) {
            x = a->u.i;
            y = b->u.i;
            switch (op) {
            case '+':
                if (__builtin_add_overflow(x, y, &z)) {
                    goto overflow;
                }
                break;
            case '-':
                if (__builtin_sub_overflow(x, y, &z)) {
                    goto overflow;
                }
                break;
            case '*':
                if (__builtin_mul_overflow(x, y, &z)) {
                    goto overflow;
                }
                break;
            case '/':
            case '%':
                if (y == 0) {
                    return page_tpl_fail(st, "%s: can't divide the value "
                                         "by 0", fn);
                }
                if (x == INT64_MIN && y == -1) {
                    goto overflow;
                }
                z = op == '/' ? x / y : x % y;
                break;
            default:
                z = 0;
            }
            r = page_value_int(st->arena, z);

        } else {
            if (op == '%') {
                return page_tpl_fail(st, "%s: modulo operator can't be used "
                                     "with non integer value", fn);
            }
            f = page_tpl_num(a);
            g = page_tpl_num(b);
            if (op == '/' && g == 0) {
                return page_tpl_fail(st, "%s: can't divide the value by 0",
                                     fn);
            }
            r = page_value_float(st->arena, op == '+' ? f + g
                                 : op == '-' ? f - g
                                 : op == '*' ? f * g : f / g);
        }

        if (r == NULL) {
            return page_tpl_nomem(st);
        }
        a = r;
    }

    *res = a;
    return 0;

overflow:

    return page_tpl_fail(st, "%s: integer overflow", fn);
}


static int
page_tpl_f_add(PAGE_FN_ARGS)
{
    return page_tpl_arith(st, "add", '+', args, nargs, res);
}


static int
page_tpl_f_sub(PAGE_FN_ARGS)
{
    return page_tpl_arith(st, "sub", '-', args, nargs, res);
}


static int
page_tpl_f_mul(PAGE_FN_ARGS)
{
    return page_tpl_arith(st, "mul", '*', args, nargs, res);
}


static int
page_tpl_f_div(PAGE_FN_ARGS)
{
    return page_tpl_arith(st, "div", '/', args, nargs, res);
}


static int
page_tpl_f_mod(PAGE_FN_ARGS)
{
    return page_tpl_arith(st, "mod", '%', args, nargs, res);
}


static int
page_tpl_f_math1(page_tpl_state_t *st, page_value_t *v, double (*fn)(double),
    page_value_t **res)
{
    double  f;

    if (page_tpl_to_float(st, "math", v, &f) != 0) {
        return -1;
    }
    *res = page_value_float(st->arena, fn(f));
    return *res ? 0 : page_tpl_nomem(st);
}


static int
page_tpl_f_floor(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_f_math1(st, args[0], floor, res);
}


static int
page_tpl_f_ceil(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_f_math1(st, args[0], ceil, res);
}


static int
page_tpl_f_round(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_f_math1(st, args[0], round, res);
}


static int
page_tpl_minmax(page_tpl_state_t *st, page_value_t **args, size_t nargs,
    int max, page_value_t **res)
{
    size_t         i;
    page_value_t  *best;
    double         f, g;

    best = NULL;
    for (i = 0; i < nargs; i++) {
        if (page_tpl_to_float(st, max ? "math.Max" : "math.Min", args[i], &f)
            != 0)
        {
            return -1;
        }
        if (best == NULL) {
            best = args[i];
            continue;
        }
        (void) page_tpl_to_float(st, "math", best, &g);
        if (max ? f > g : f < g) {
            best = args[i];
        }
    }
    (void) page_tpl_to_float(st, "math", best, &f);
    *res = page_value_float(st->arena, f);
    return *res ? 0 : page_tpl_nomem(st);
}


static int
page_tpl_f_max(PAGE_FN_ARGS)
{
    return page_tpl_minmax(st, args, nargs, 1, res);
}


static int
page_tpl_f_min(PAGE_FN_ARGS)
{
    return page_tpl_minmax(st, args, nargs, 0, res);
}


static int
page_tpl_f_abs(PAGE_FN_ARGS)
{
    (void) nargs;
    if (args[0] != NULL && args[0]->type == PAGE_INT
        && args[0]->u.i != INT64_MIN)
    {
        return page_tpl_ret_int(st, args[0]->u.i < 0 ? -args[0]->u.i
                                : args[0]->u.i, res);
    }
    return page_tpl_f_math1(st, args[0], fabs, res);
}


static int
page_tpl_f_sqrt(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_f_math1(st, args[0], sqrt, res);
}


static int
page_tpl_f_pow(PAGE_FN_ARGS)
{
    double  x, y;

    (void) nargs;
    if (page_tpl_to_float(st, "math.Pow", args[0], &x) != 0
        || page_tpl_to_float(st, "math.Pow", args[1], &y) != 0)
    {
        return -1;
    }
    *res = page_value_float(st->arena, pow(x, y));
    return *res ? 0 : page_tpl_nomem(st);
}


static int
page_tpl_f_modbool(PAGE_FN_ARGS)
{
    page_value_t  *r;

    if (page_tpl_arith(st, "math.ModBool", '%', args, nargs, &r) != 0) {
        return -1;
    }
    return page_tpl_ret_bool(st, r->u.i == 0, res);
}


const page_tpl_func_t  page_fn_math[] = {
    { "math.Add", page_tpl_f_add, 2, -1 },
    { "add", page_tpl_f_add, 2, -1 },
    { "math.Sub", page_tpl_f_sub, 2, -1 },
    { "sub", page_tpl_f_sub, 2, -1 },
    { "math.Mul", page_tpl_f_mul, 2, -1 },
    { "mul", page_tpl_f_mul, 2, -1 },
    { "math.Div", page_tpl_f_div, 2, -1 },
    { "div", page_tpl_f_div, 2, -1 },
    { "math.Mod", page_tpl_f_mod, 2, 2 },
    { "mod", page_tpl_f_mod, 2, 2 },
    { "math.Floor", page_tpl_f_floor, 1, 1 },
    { "math.Ceil", page_tpl_f_ceil, 1, 1 },
    { "math.Round", page_tpl_f_round, 1, 1 },
    { "math.Max", page_tpl_f_max, 1, -1 },
    { "math.Min", page_tpl_f_min, 1, -1 },
    { "math.Abs", page_tpl_f_abs, 1, 1 },
    { "math.Sqrt", page_tpl_f_sqrt, 1, 1 },
    { "math.Pow", page_tpl_f_pow, 2, 2 },
    { "math.ModBool", page_tpl_f_modbool, 2, 2 },
    { "modBool", page_tpl_f_modbool, 2, 2 },
    { NULL, NULL, 0, 0 }
};
