/*
 * page_fn_cast: Hugo's cast namespace (tpl/cast): cast.ToInt (int),
 * cast.ToFloat (float), cast.ToString (string), with spf13/cast's rules
 * (ToIntE, ToFloat64E, ToStringE) and its error wording; and those
 * conversions for the other namespaces that cast as Hugo does (math).
 */

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "page_fn.h"

/* Longest numeric string converted: no number is longer. */
#define PAGE_FN_CAST_MAX_NUM  512


/*
 * Go's underscoreOK: underscores only between digits (a base prefix
 * counts as a digit), as in Go's number literals.
 */
static int
page_cast_underscore_ok(const char *s, size_t len)
{
    size_t  i;
    char    saw;
    int     hex;

    saw = '^';
    i = 0;
    hex = 0;

    if (len >= 1 && (s[0] == '-' || s[0] == '+')) {
        s++;
        len--;
    }
    if (len >= 2 && s[0] == '0'
        && page_tpl_oneof(s[1] | 0x20, "bxo"))
    {
        hex = (s[1] | 0x20) == 'x';
        i = 2;
        saw = '0';
    }

    for (; i < len; i++) {
        if ((s[i] >= '0' && s[i] <= '9')
            || (hex && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'f')))
        {
            saw = '0';
            continue;
        }
        if (s[i] == '_') {
            if (saw != '0') {
                return 0;
            }
            saw = '_';
            continue;
        }
        if (saw == '_') {
            return 0;
        }
        saw = '!';
    }
    return saw != '_';
}


/* s without its underscores, NUL-terminated, into buf: 0, or -1. */
static int
page_cast_copy(const char *s, size_t len, char *buf)
{
    size_t  i, n;

    if (len == 0 || len >= PAGE_FN_CAST_MAX_NUM) {
        return -1;
    }
    if (memchr(s, '_', len) != NULL && !page_cast_underscore_ok(s, len)) {
        return -1;
    }
    for (i = 0, n = 0; i < len; i++) {
        if (s[i] == '\0') {
            return -1;
        }
        if (s[i] != '_') {
            buf[n++] = s[i];
        }
    }
    buf[n] = '\0';
    return 0;
}


/* Go's strconv.ParseFloat(s, 64): 0, or -1 (syntax or range). */
static int
page_cast_parse_float(const char *s, size_t len, double *out)
{
    char         buf[PAGE_FN_CAST_MAX_NUM], *end, *p;
    const char  *q;
    double       f;

    if (page_cast_copy(s, len, buf) != 0) {
        return -1;
    }

    p = buf + (buf[0] == '+' || buf[0] == '-');

    /* C takes what Go does not: leading space, "0x" without 'p', "in" */
    if (*p == '\0' || *p == ' ' || *p == '\t' || *p == '\n') {
        return -1;
    }
    if (p[0] == '0' && (p[1] | 0x20) == 'x') {
        for (q = p; *q != '\0' && (*q | 0x20) != 'p'; q++) { /* void */ }
        if (*q == '\0') {
            return -1;
        }
    } else if ((*p | 0x20) == 'i') {
        if (strcasecmp(p, "inf") != 0 && strcasecmp(p, "infinity") != 0) {
            return -1;
        }
    } else if ((*p | 0x20) == 'n') {
        if (strcasecmp(p, "nan") != 0 || p != buf) {
            return -1;
        }
    }

    errno = 0;
    f = strtod(buf, &end);
    if (*end != '\0' || (errno == ERANGE && isinf(f))) {
        return -1;
    }
    *out = f;
    return 0;
}


/* Go's strconv.ParseInt(s, 0, 64): 0, or -1 (syntax or range). */
static int
page_cast_parse_int(const char *s, size_t len, int64_t *out)
{
    char                buf[PAGE_FN_CAST_MAX_NUM], *p;
    int                 base, neg, d;
    unsigned long long  u, lim;

    if (page_cast_copy(s, len, buf) != 0) {
        return -1;
    }

    p = buf;
    neg = *p == '-';
    if (*p == '-' || *p == '+') {
        p++;
    }

    base = 10;
    if (p[0] == '0' && p[1] != '\0') {
        switch (p[1] | 0x20) {
        case 'x': base = 16; p += 2; break;
        case 'b': base = 2; p += 2; break;
        case 'o': base = 8; p += 2; break;
        default:  base = 8; p += 1; break;
        }
    }
    if (*p == '\0') {
        return -1;
    }

    lim = neg ? (unsigned long long) INT64_MAX + 1 : INT64_MAX;
    u = 0;
    for (; *p != '\0'; p++) {
        if (*p >= '0' && *p <= '9') {
            d = *p - '0';
        } else if ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') {
            d = (*p | 0x20) - 'a' + 10;
        } else {
            return -1;
        }
        if (d >= base) {
            return -1;
        }
        if (u > (lim - (unsigned) d) / (unsigned) base) {
            return -1;
        }
        u = u * (unsigned) base + (unsigned) d;
    }

    *out = neg ? (int64_t) (0 - u) : (int64_t) u;
    return 0;
}


/* Go's int64(f): truncation; out of range (and NaN) as amd64 gives. */
static int64_t
page_cast_trunc(double f)
{
    if (!(f >= -9223372036854775808.0 && f < 9223372036854775808.0)) {
        return INT64_MIN;
    }
    return (int64_t) f;
}


int
page_fn_cast_float(const page_value_t *v, double *out)
{
    const char  *s;
    size_t       len;

    if (v == NULL || v->type == PAGE_NIL) {
        *out = 0;
        return 0;
    }
    if (page_tpl_str(v, &s, &len)) {
        return page_cast_parse_float(s, len, out);
    }
    switch (v->type) {
    case PAGE_INT:   *out = (double) v->u.i; return 0;
    case PAGE_FLOAT: *out = v->u.f; return 0;
    case PAGE_BOOL:  *out = v->u.b; return 0;
    default:         return -1;
    }
}


/* spf13/cast's trimZeroDecimal: "1.00" -> "1"; "1." stays. */
static size_t
page_cast_trim_zero_decimal(const char *s, size_t len)
{
    size_t  i;
    int     zero;

    zero = 0;
    for (i = len; i > 0; i--) {
        if (s[i - 1] == '.') {
            if (zero) {
                return i - 1;
            }
        } else if (s[i - 1] == '0') {
            zero = 1;
        } else {
            return len;
        }
    }
    return len;
}


int
page_fn_cast_int(const page_value_t *v, int64_t *out)
{
    const char  *s;
    size_t       len;

    if (v == NULL || v->type == PAGE_NIL) {
        *out = 0;
        return 0;
    }
    if (page_tpl_str(v, &s, &len)) {
        return page_cast_parse_int(s, page_cast_trim_zero_decimal(s, len),
                                   out);
    }
    switch (v->type) {
    case PAGE_INT:   *out = v->u.i; return 0;
    case PAGE_FLOAT: *out = page_cast_trunc(v->u.f); return 0;
    case PAGE_BOOL:  *out = v->u.b; return 0;
    default:         return -1;
    }
}


/* "unable to cast %#v of type %T to TYPE", as spf13/cast says it. */
int
page_fn_cast_fail(page_tpl_state_t *st, const page_value_t *v,
    const char *to)
{
    page_buf_t  b;

    page_buf_init(&b, st->arena, 0);
    page_fn_gosyntax(&b, v);
    if (page_buf_failed(&b)) {
        return page_tpl_nomem(st);
    }
    return page_tpl_fail(st, "unable to cast %.*s of type %s to %s",
                         b.len > 300 ? 300 : (int) b.len,
                         b.data ? b.data : "", page_tpl_tname(v), to);
}


static int
page_tpl_f_int(PAGE_FN_ARGS)
{
    int64_t  i;

    (void) nargs;
    if (page_fn_cast_int(args[0], &i) != 0) {
        /* spf13/cast says int64 for strings, int for the rest */
        return page_fn_cast_fail(st, args[0], page_tpl_is_str(args[0])
                                              ? "int64" : "int");
    }
    return page_tpl_ret_int(st, i, res);
}


static int
page_tpl_f_float(PAGE_FN_ARGS)
{
    double  f;

    (void) nargs;
    if (page_fn_cast_float(args[0], &f) != 0) {
        return page_fn_cast_fail(st, args[0], "float64");
    }
    *res = page_value_float(st->arena, f);
    return *res ? 0 : page_tpl_nomem(st);
}


/* strconv.FormatFloat(f, 'f', -1, 64): every digit, no exponent. */
void
page_fn_format_float(page_buf_t *b, double f)
{
    char  digits[32];
    int   n, exp, neg;

    if (isnan(f)) {
        page_buf_puts(b, "NaN");
        return;
    }
    if (isinf(f)) {
        page_buf_puts(b, f > 0 ? "+Inf" : "-Inf");
        return;
    }
    if (f == 0) {
        page_buf_puts(b, signbit(f) ? "-0" : "0");
        return;
    }
    n = page_float_digits(f, digits, &exp, &neg);
    if (neg) {
        page_buf_putc(b, '-');
    }
    page_float_plain(b, digits, n, exp);
}


int
page_fn_cast_string(page_tpl_state_t *st, const page_value_t *v,
    const char **s, size_t *len)
{
    page_buf_t     b;
    page_value_t  *str;

    if (page_tpl_str(v, s, len)) {
        return 0;
    }
    if (v == NULL || v->type == PAGE_NIL) {
        *s = "";
        *len = 0;
        return 0;
    }
    if (v->type == PAGE_MAP && page_tpl_env(st)->method != NULL) {
        /* a value with Go's String() (a page: its file), as cast reads */
        str = NULL;
        if (page_tpl_env(st)->method(st, page_tpl_env(st)->method_ctx,
                                     (page_value_t *) v, "String", 6, NULL,
                                     0, &str) == 0
            && page_tpl_str(str, s, len))
        {
            return 0;
        }
    }
    if (v->type == PAGE_LIST || v->type == PAGE_MAP) {
        return page_fn_cast_fail(st, v, "string");
    }

    page_tpl_buf(st, &b);
    if (v->type == PAGE_FLOAT) {
        page_fn_format_float(&b, v->u.f);
    } else {
        page_tpl_print(&b, v);          /* ints, bools, time's String() */
    }
    if (page_buf_failed(&b)) {
        return page_tpl_fail(st, "result too large (or out of memory)");
    }

    *s = b.data ? b.data : "";
    *len = b.len;
    return 0;
}


static int
page_tpl_f_string(PAGE_FN_ARGS)
{
    size_t       len;
    const char  *s;

    (void) nargs;

    if (page_fn_cast_string(st, args[0], &s, &len) != 0) {
        return -1;
    }

    return page_tpl_ret_str(st, PAGE_STRING, s, len, res);
}


const page_tpl_func_t  page_fn_cast[] = {
    { "cast.ToInt", page_tpl_f_int, 1, 1 },
    { "int", page_tpl_f_int, 1, 1 },
    { "cast.ToFloat", page_tpl_f_float, 1, 1 },
    { "float", page_tpl_f_float, 1, 1 },
    { "cast.ToString", page_tpl_f_string, 1, 1 },
    { "string", page_tpl_f_string, 1, 1 },
    { NULL, NULL, 0, 0 }
};
