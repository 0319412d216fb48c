/*
 * page_fn_math: Hugo's math namespace (tpl/math): add, sub, mul, div,
 * mod, modBool, pow and math.Abs, Acos, Asin, Atan, Atan2, Ceil, Cos,
 * Counter, Floor, Log, Max, MaxInt64, Min, Pi, Product, Rand, Round,
 * Sin, Sqrt, Sum, Tan, ToDegrees, ToRadians, with Hugo's casts
 * (cast.ToFloat64E, cast.ToInt64E) and its error wording.
 */

#include <math.h>
#include <string.h>

#include <openssl/rand.h>

#include "page_fn.h"

#ifndef M_PI
#define M_PI  3.14159265358979323846        /* Go's math.Pi */
#endif


/*
 * Hugo's DoArithmetic over the arguments, left to right: two integers
 * give an integer (wrapping around as Go's int64 does), a float makes a
 * float, two strings added are joined.
 */
static int
page_tpl_arith(page_tpl_state_t *st, char op, page_value_t **args,
    size_t nargs, page_value_t **res)
{
    size_t         i;
    page_value_t  *a, *b, *r;
    const char    *s1, *s2;
    size_t         l1, l2;
    page_buf_t     buf;
    uint64_t       x, y, z;
    double         f, g;

    if (nargs < 2) {
        return page_tpl_fail(st, "must provide at least two numbers");
    }

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
            return page_tpl_fail(st, "can't apply the operator to the "
                                 "values");
        }

        if (a->type == PAGE_INT && b->type == PAGE_INT) {
            x = (uint64_t) a->u.i;
            y = (uint64_t) b->u.i;
            switch (op) {
            case '+': z = x + y; break;
            case '-': z = x - y; break;
            case '*': z = x * y; break;
            default:
                if (y == 0) {
                    return page_tpl_fail(st, "can't divide the value by 0");
                }
                /* Go: the most negative value divided by -1 is itself */
                z = b->u.i == -1 ? 0 - x
                    : (uint64_t) (a->u.i / b->u.i);
                break;
            }
            r = page_value_int(st->arena, (int64_t) z);

        } else {
            f = page_tpl_num(a);
            g = page_tpl_num(b);
            if (op == '/' && g == 0) {
                return page_tpl_fail(st, "can't divide the value by 0");
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
}


static int
page_tpl_f_add(PAGE_FN_ARGS)
{
    return page_tpl_arith(st, '+', args, nargs, res);
}


static int
page_tpl_f_sub(PAGE_FN_ARGS)
{
    return page_tpl_arith(st, '-', args, nargs, res);
}


static int
page_tpl_f_mul(PAGE_FN_ARGS)
{
    return page_tpl_arith(st, '*', args, nargs, res);
}


static int
page_tpl_f_div(PAGE_FN_ARGS)
{
    return page_tpl_arith(st, '/', args, nargs, res);
}


/* Go's int64 %: INT64_MIN % -1 is 0 there, undefined in C. */
static int
page_tpl_f_mod(PAGE_FN_ARGS)
{
    int64_t  x, y;

    (void) nargs;
    if (page_fn_cast_int(args[0], &x) != 0
        || page_fn_cast_int(args[1], &y) != 0)
    {
        return page_tpl_fail(st, "modulo operator can't be used with non "
                             "integer value");
    }
    if (y == 0) {
        return page_tpl_fail(st, "the number can't be divided by zero at "
                             "modulo operation");
    }
    return page_tpl_ret_int(st, y == -1 ? 0 : x % y, res);
}


static int
page_tpl_f_modbool(PAGE_FN_ARGS)
{
    page_value_t  *r;

    if (page_tpl_f_mod(st, args, nargs, &r) != 0) {
        return -1;
    }
    return page_tpl_ret_bool(st, r->u.i == 0, res);
}


static int
page_math_ret(page_tpl_state_t *st, double f, page_value_t **res)
{
    *res = page_value_float(st->arena, f);
    return *res ? 0 : page_tpl_nomem(st);
}


/* One float argument (cast.ToFloat64E), or Hugo's message for it. */
static int
page_math_unary(page_tpl_state_t *st, page_value_t **args, size_t nargs,
    double (*fn)(double), const char *err, page_value_t **res)
{
    double  f;

    (void) nargs;
    if (page_fn_cast_float(args[0], &f) != 0) {
        return page_tpl_fail(st, "%s", err);
    }
    return page_math_ret(st, fn(f), res);
}


static double
page_math_degrees(double f)
{
    return f * 180 / M_PI;
}


static double
page_math_radians(double f)
{
    return f * M_PI / 180;
}


#define PAGE_MATH_UNARY(name, fn, err)                                       \
    static int                                                               \
    name(PAGE_FN_ARGS)                                                       \
    {                                                                        \
        return page_math_unary(st, args, nargs, fn, err, res);               \
    }

#define PAGE_MATH_NUMERIC  "requires a numeric argument"

PAGE_MATH_UNARY(page_tpl_f_abs, fabs,
                "the math.Abs function requires a numeric argument")
PAGE_MATH_UNARY(page_tpl_f_acos, acos, PAGE_MATH_NUMERIC)
PAGE_MATH_UNARY(page_tpl_f_asin, asin, PAGE_MATH_NUMERIC)
PAGE_MATH_UNARY(page_tpl_f_atan, atan, PAGE_MATH_NUMERIC)
PAGE_MATH_UNARY(page_tpl_f_cos, cos, PAGE_MATH_NUMERIC)
PAGE_MATH_UNARY(page_tpl_f_sin, sin, PAGE_MATH_NUMERIC)
PAGE_MATH_UNARY(page_tpl_f_tan, tan, PAGE_MATH_NUMERIC)
PAGE_MATH_UNARY(page_tpl_f_todegrees, page_math_degrees, PAGE_MATH_NUMERIC)
PAGE_MATH_UNARY(page_tpl_f_toradians, page_math_radians, PAGE_MATH_NUMERIC)
PAGE_MATH_UNARY(page_tpl_f_ceil, ceil,
                "Ceil operator can't be used with non-float value")
PAGE_MATH_UNARY(page_tpl_f_floor, floor,
                "Floor operator can't be used with non-float value")
/* Go's math.Round: half away from zero, as C's round() */
PAGE_MATH_UNARY(page_tpl_f_round, round,
                "Round operator can't be used with non-float value")
PAGE_MATH_UNARY(page_tpl_f_log, log,
                "Log operator can't be used with non integer or float value")
PAGE_MATH_UNARY(page_tpl_f_sqrt, sqrt,
                "Sqrt operator can't be used with non integer or float "
                "value")


static int
page_tpl_f_atan2(PAGE_FN_ARGS)
{
    double  y, x;

    (void) nargs;
    if (page_fn_cast_float(args[0], &y) != 0
        || page_fn_cast_float(args[1], &x) != 0)
    {
        return page_tpl_fail(st, "requires numeric arguments");
    }
    return page_math_ret(st, atan2(y, x), res);
}


static int
page_tpl_f_pow(PAGE_FN_ARGS)
{
    double  x, y;

    (void) nargs;
    if (page_fn_cast_float(args[0], &x) != 0
        || page_fn_cast_float(args[1], &y) != 0)
    {
        return page_tpl_fail(st, "Pow operator can't be used with non-float "
                             "value");
    }
    return page_math_ret(st, pow(x, y), res);
}


/*
 * Max, Min, Sum, Product: every number of the arguments, lists
 * flattened (one level, as Hugo's toFloatsE), folded with op.
 */
static int
page_math_fold(page_tpl_state_t *st, const char *name, char op,
    page_value_t **args, size_t nargs, page_value_t **res)
{
    size_t         i, k, n, count;
    int            has;
    double         acc, x;
    page_value_t  *v, **items;

    acc = 0;
    count = 0;
    has = 0;

    for (i = 0; i < nargs; i++) {
        if (args[i] != NULL && args[i]->type == PAGE_LIST) {
            items = args[i]->u.list.items;
            n = args[i]->u.list.n;
            has = 1;
        } else {
            items = &args[i];
            n = 1;
        }

        for (k = 0; k < n; k++) {
            v = items[k];
            if (page_fn_cast_float(v, &x) != 0) {
                return page_tpl_fail(st, "%s operator can't be used with "
                                     "non-float values", name);
            }
            has = 1;
            if (count++ == 0) {
                acc = x;
                continue;
            }
            switch (op) {
            case '>': acc = fmax(acc, x); if (isnan(x)) { acc = x; } break;
            case '<': acc = fmin(acc, x); if (isnan(x)) { acc = x; } break;
            case '+': acc += x; break;
            default:  acc *= x; break;
            }
        }
    }

    if (!has) {
        return page_tpl_fail(st, "must provide at least one number");
    }
    return page_math_ret(st, acc, res);
}


static int
page_tpl_f_max(PAGE_FN_ARGS)
{
    return page_math_fold(st, "Max", '>', args, nargs, res);
}


static int
page_tpl_f_min(PAGE_FN_ARGS)
{
    return page_math_fold(st, "Min", '<', args, nargs, res);
}


static int
page_tpl_f_sum(PAGE_FN_ARGS)
{
    return page_math_fold(st, "Sum", '+', args, nargs, res);
}


static int
page_tpl_f_product(PAGE_FN_ARGS)
{
    return page_math_fold(st, "Product", '*', args, nargs, res);
}


static int
page_tpl_f_maxint64(PAGE_FN_ARGS)
{
    (void) args;
    (void) nargs;
    return page_tpl_ret_int(st, INT64_MAX, res);
}


static int
page_tpl_f_pi(PAGE_FN_ARGS)
{
    (void) args;
    (void) nargs;
    return page_math_ret(st, M_PI, res);
}


/* A float in [0, 1) from 53 random bits of libcrypto's generator. */
static int
page_tpl_f_rand(PAGE_FN_ARGS)
{
    unsigned char  r[8];
    uint64_t       u;
    size_t         i;

    (void) args;
    (void) nargs;
    if (RAND_bytes(r, sizeof(r)) != 1) {
        return page_tpl_fail(st, "no random numbers (libcrypto)");
    }
    u = 0;
    for (i = 0; i < sizeof(r); i++) {
        u = (u << 8) | r[i];
    }
    return page_math_ret(st, (double) (u >> 11) / 9007199254740992.0, res);
}


/*
 * math.Counter: Hugo's counter is global to a build and starts at 1;
 * here a build is a process (an nginx worker, the CLI): the counter
 * goes up by one at each call for the process's life.
 */
static uint64_t  page_math_counter;


static int
page_tpl_f_counter(PAGE_FN_ARGS)
{
    (void) args;
    (void) nargs;
    if (page_math_counter == INT64_MAX) {
        page_math_counter = 0;
    }
    return page_tpl_ret_int(st, (int64_t) ++page_math_counter, res);
}


const page_tpl_func_t  page_fn_math[] = {
    { "math.Abs", page_tpl_f_abs, 1, 1 },
    { "math.Acos", page_tpl_f_acos, 1, 1 },
    { "math.Add", page_tpl_f_add, 0, -1 },
    { "add", page_tpl_f_add, 0, -1 },
    { "math.Asin", page_tpl_f_asin, 1, 1 },
    { "math.Atan", page_tpl_f_atan, 1, 1 },
    { "math.Atan2", page_tpl_f_atan2, 2, 2 },
    { "math.Ceil", page_tpl_f_ceil, 1, 1 },
    { "math.Cos", page_tpl_f_cos, 1, 1 },
    { "math.Counter", page_tpl_f_counter, 0, 0 },
    { "math.Div", page_tpl_f_div, 0, -1 },
    { "div", page_tpl_f_div, 0, -1 },
    { "math.Floor", page_tpl_f_floor, 1, 1 },
    { "math.Log", page_tpl_f_log, 1, 1 },
    { "math.Max", page_tpl_f_max, 0, -1 },
    { "math.MaxInt64", page_tpl_f_maxint64, 0, 0 },
    { "math.Min", page_tpl_f_min, 0, -1 },
    { "math.Mod", page_tpl_f_mod, 2, 2 },
    { "mod", page_tpl_f_mod, 2, 2 },
    { "math.ModBool", page_tpl_f_modbool, 2, 2 },
    { "modBool", page_tpl_f_modbool, 2, 2 },
    { "math.Mul", page_tpl_f_mul, 0, -1 },
    { "mul", page_tpl_f_mul, 0, -1 },
    { "math.Pi", page_tpl_f_pi, 0, 0 },
    { "math.Pow", page_tpl_f_pow, 2, 2 },
    { "pow", page_tpl_f_pow, 2, 2 },
    { "math.Product", page_tpl_f_product, 0, -1 },
    { "math.Rand", page_tpl_f_rand, 0, 0 },
    { "math.Round", page_tpl_f_round, 1, 1 },
    { "math.Sin", page_tpl_f_sin, 1, 1 },
    { "math.Sqrt", page_tpl_f_sqrt, 1, 1 },
    { "math.Sub", page_tpl_f_sub, 0, -1 },
    { "sub", page_tpl_f_sub, 0, -1 },
    { "math.Sum", page_tpl_f_sum, 0, -1 },
    { "math.Tan", page_tpl_f_tan, 1, 1 },
    { "math.ToDegrees", page_tpl_f_todegrees, 1, 1 },
    { "math.ToRadians", page_tpl_f_toradians, 1, 1 },
    { NULL, NULL, 0, 0 }
};
