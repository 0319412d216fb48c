/*
 * page_fn_fmt: Hugo's fmt namespace (tpl/fmt): print, printf, println,
 * errorf, warnf; and the printing they share with the engine: Go's
 * fmt.Sprint spacing rule and the fmt.Sprintf verbs.
 */

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "page_fn.h"


void
page_tpl_sprint(page_buf_t *b, page_value_t **args, size_t nargs, int ln)
{
    size_t  i;
    int     prev_str, is_str;

    prev_str = 1;
    for (i = 0; i < nargs; i++) {
        is_str = page_tpl_is_str(args[i]);
        if (i > 0 && (ln || (!is_str && !prev_str))) {
            page_buf_putc(b, ' ');
        }
        if (args[i] == NULL || args[i]->type == PAGE_NIL) {
            page_buf_puts(b, "<nil>");
        } else {
            page_tpl_print(b, args[i]);
        }
        prev_str = is_str;
    }

    if (ln) {
        page_buf_putc(b, '\n');
    }
}


typedef struct {
    int  minus, plus, sharp, space, zero;
    int  width, prec;           /* -1: not given */
} page_tpl_fmt_t;


static void
page_tpl_pad(page_buf_t *b, const page_tpl_fmt_t *f, const char *s,
    size_t len, int numeric)
{
    size_t  w, i, runes, sign;

    runes = 0;
    for (i = 0; i < len; i++) {
        if (((unsigned char) s[i] & 0xc0) != 0x80) {
            runes++;
        }
    }

    w = f->width > 0 ? (size_t) f->width : 0;
    if (runes >= w) {
        page_buf_append(b, s, len);
        return;
    }

    if (f->minus) {
        page_buf_append(b, s, len);
        for (i = runes; i < w; i++) {
            page_buf_putc(b, ' ');
        }
        return;
    }

    if (f->zero && numeric) {
        sign = (len > 0 && (s[0] == '-' || s[0] == '+' || s[0] == ' '));
        page_buf_append(b, s, sign);
        for (i = runes; i < w; i++) {
            page_buf_putc(b, '0');
        }
        page_buf_append(b, s + sign, len - sign);
        return;
    }

    for (i = runes; i < w; i++) {
        page_buf_putc(b, ' ');
    }
    page_buf_append(b, s, len);
}


/* Go's strconv.Quote. */
static void
page_tpl_quote(page_buf_t *b, const char *s, size_t len)
{
    size_t         i;
    unsigned char  c;

    page_buf_putc(b, '"');
    for (i = 0; i < len; i++) {
        c = (unsigned char) s[i];
        switch (c) {
        case '"':  page_buf_puts(b, "\\\""); break;
        case '\\': page_buf_puts(b, "\\\\"); break;
        case '\n': page_buf_puts(b, "\\n"); break;
        case '\r': page_buf_puts(b, "\\r"); break;
        case '\t': page_buf_puts(b, "\\t"); break;
        case '\a': page_buf_puts(b, "\\a"); break;
        case '\b': page_buf_puts(b, "\\b"); break;
        case '\f': page_buf_puts(b, "\\f"); break;
        case '\v': page_buf_puts(b, "\\v"); break;
        default:
            if (c < 0x20 || c == 0x7f) {
                page_buf_printf(b, "\\x%02x", c);
            } else {
                page_buf_putc(b, (char) c);
            }
        }
    }
    page_buf_putc(b, '"');
}


static void
page_tpl_bad_verb(page_buf_t *b, char verb, const page_value_t *v)
{
    page_buf_printf(b, "%%!%c(", verb);
    if (v == NULL || v->type == PAGE_NIL) {
        page_buf_puts(b, "<nil>");
    } else {
        page_buf_puts(b, page_tpl_tname(v));
        page_buf_putc(b, '=');
        page_tpl_print(b, v);
    }
    page_buf_putc(b, ')');
}


static void
page_tpl_fmt_float(page_buf_t *b, const page_tpl_fmt_t *f, char verb,
    double x)
{
    char          spec[32], tmp[512];
    int           n;
    page_buf_t    t;
    page_value_t  v;

    if (isnan(x) || isinf(x)) {
        snprintf(tmp, sizeof(tmp), "%s", isnan(x) ? "NaN"
                 : x > 0 ? (f->plus ? "+Inf" : "Inf") : "-Inf");
        page_tpl_pad(b, f, tmp, strlen(tmp), 0);
        return;
    }

    if ((verb == 'g' || verb == 'G' || verb == 'v') && f->prec < 0) {
        page_buf_init(&t, b->arena, 0);
        if (f->plus && x >= 0) {
            page_buf_putc(&t, '+');
        } else if (f->space && x >= 0) {
            page_buf_putc(&t, ' ');
        }
        v.type = PAGE_FLOAT;
        v.u.f = x;
        page_value_print(&t, &v);
        if (page_buf_failed(&t)) {
            b->failed = 1;
            return;
        }
        page_tpl_pad(b, f, t.data, t.len, 1);
        return;
    }

    if (verb == 'v') {
        verb = 'g';
    }

    snprintf(spec, sizeof(spec), "%%%s%s%s.%d%c", f->plus ? "+" : "",
             f->space ? " " : "", f->sharp ? "#" : "",
             f->prec < 0 ? 6 : (f->prec > 100 ? 100 : f->prec), verb);
    n = snprintf(tmp, sizeof(tmp), spec, x);
    if (n < 0 || (size_t) n >= sizeof(tmp)) {
        page_buf_puts(b, "%!(BADPREC)");
        return;
    }
    page_tpl_pad(b, f, tmp, (size_t) n, 1);
}


static void
page_tpl_fmt_int(page_buf_t *b, const page_tpl_fmt_t *f, char verb,
    int64_t i)
{
    char                digits[80], tmp[200];
    const char         *hex;
    unsigned long long  u;
    size_t              n, k, o;
    int                 base;

    u = i < 0 ? 0 - (unsigned long long) i : (unsigned long long) i;

    switch (verb) {
    case 'x': base = 16; hex = "0123456789abcdef"; break;
    case 'X': base = 16; hex = "0123456789ABCDEF"; break;
    case 'o': base = 8; hex = "01234567"; break;
    case 'b': base = 2; hex = "01"; break;
    default:  base = 10; hex = "0123456789"; break;
    }

    n = 0;
    do {
        digits[n++] = hex[u % (unsigned) base];
        u /= (unsigned) base;
    } while (u != 0);

    o = 0;
    if (i < 0) {
        tmp[o++] = '-';
    } else if (f->plus) {
        tmp[o++] = '+';
    } else if (f->space) {
        tmp[o++] = ' ';
    }

    if (f->sharp && base == 16) {
        tmp[o++] = '0';
        tmp[o++] = verb;
    } else if (f->sharp && base == 8) {
        tmp[o++] = '0';
    }

    for (k = n; f->prec >= 0 && k < (size_t) f->prec && k < 64; k++) {
        tmp[o++] = '0';
    }

    while (n > 0) {
        tmp[o++] = digits[--n];
    }

    page_tpl_pad(b, f, tmp, o, f->prec < 0);
}


static void
page_tpl_fmt_one(page_tpl_state_t *st, page_buf_t *b,
    const page_tpl_fmt_t *f, char verb, const page_value_t *v);


static void
page_tpl_fmt_str(page_buf_t *b, const page_tpl_fmt_t *f, char verb,
    const char *s, size_t len)
{
    page_buf_t  t;
    size_t      i, runes;

    if (f->prec >= 0 && verb != 'x' && verb != 'X') {
        runes = 0;
        for (i = 0; i < len; i++) {
            if (((unsigned char) s[i] & 0xc0) != 0x80) {
                if (runes == (size_t) f->prec) {
                    break;
                }
                runes++;
            }
        }
        len = i;
    }

    if (verb == 's' || verb == 'v') {
        page_tpl_pad(b, f, s, len, 0);
        return;
    }

    page_buf_init(&t, b->arena, 0);
    if (verb == 'q') {
        page_tpl_quote(&t, s, len);
    } else {
        for (i = 0; i < len; i++) {
            page_buf_printf(&t, verb == 'x' ? "%02x" : "%02X",
                            (unsigned char) s[i]);
        }
    }

    if (page_buf_failed(&t)) {
        b->failed = 1;
        return;
    }
    page_tpl_pad(b, f, t.data ? t.data : "", t.len, 0);
}


static void
page_tpl_fmt_one(page_tpl_state_t *st, page_buf_t *b,
    const page_tpl_fmt_t *f, char verb, const page_value_t *v)
{
    const char      *s;
    size_t           len, i;
    page_buf_t       t;
    char             u8[8];
    uint32_t         r;
    page_tpl_fmt_t   plain;

    if (verb == 'T') {
        s = page_tpl_tname(v);
        page_tpl_pad(b, f, s, strlen(s), 0);
        return;
    }

    if (v == NULL || v->type == PAGE_NIL) {
        if (verb == 'v' || verb == 's') {
            page_tpl_pad(b, f, "<nil>", 5, 0);
        } else {
            page_tpl_bad_verb(b, verb, v);
        }
        return;
    }

    if (page_tpl_str(v, &s, &len)) {
        if (page_tpl_oneof(verb, "svqxX")) {
            page_tpl_fmt_str(b, f, verb, s, len);
        } else {
            page_tpl_bad_verb(b, verb, v);
        }
        return;
    }

    switch (v->type) {
    case PAGE_BOOL:
        if (verb == 't' || verb == 'v') {
            s = v->u.b ? "true" : "false";
            page_tpl_pad(b, f, s, strlen(s), 0);
        } else {
            page_tpl_bad_verb(b, verb, v);
        }
        return;

    case PAGE_INT:
        if (page_tpl_oneof(verb, "dvxXob")) {
            page_tpl_fmt_int(b, f, verb == 'v' ? 'd' : verb, v->u.i);
        } else if (verb == 'c' || verb == 'q' || verb == 'U') {
            if (verb == 'U') {
                page_buf_printf(b, "U+%04llX", (unsigned long long) v->u.i);
                return;
            }
            len = 0;
            if (v->u.i >= 0 && v->u.i <= 0x10ffff) {
                r = (uint32_t) v->u.i;
                if (r < 0x80) {
                    u8[len++] = (char) r;
                } else if (r < 0x800) {
                    u8[len++] = (char) (0xc0 | (r >> 6));
                    u8[len++] = (char) (0x80 | (r & 0x3f));
                } else if (r < 0x10000) {
                    u8[len++] = (char) (0xe0 | (r >> 12));
                    u8[len++] = (char) (0x80 | ((r >> 6) & 0x3f));
                    u8[len++] = (char) (0x80 | (r & 0x3f));
                } else {
                    u8[len++] = (char) (0xf0 | (r >> 18));
                    u8[len++] = (char) (0x80 | ((r >> 12) & 0x3f));
                    u8[len++] = (char) (0x80 | ((r >> 6) & 0x3f));
                    u8[len++] = (char) (0x80 | (r & 0x3f));
                }
            } else {
                memcpy(u8, "\xef\xbf\xbd", 3);
                len = 3;
            }
            if (verb == 'q') {
                page_buf_putc(b, '\'');
                page_buf_append(b, u8, len);
                page_buf_putc(b, '\'');
            } else {
                page_tpl_pad(b, f, u8, len, 0);
            }
        } else if (page_tpl_oneof(verb, "feEgG")) {
            page_tpl_bad_verb(b, verb, v);
        } else {
            page_tpl_bad_verb(b, verb, v);
        }
        return;

    case PAGE_FLOAT:
        if (page_tpl_oneof(verb, "vfFeEgG")) {
            page_tpl_fmt_float(b, f, verb == 'F' ? 'f' : verb, v->u.f);
        } else {
            page_tpl_bad_verb(b, verb, v);
        }
        return;

    case PAGE_LIST:
        if (verb == 'v' || verb == 's' || verb == 'd' || verb == 'q'
            || verb == 'f' || verb == 'x')
        {
            page_buf_putc(b, '[');
            for (i = 0; i < v->u.list.n; i++) {
                plain = *f;
                if (i) {
                    page_buf_putc(b, ' ');
                }
                page_tpl_fmt_one(st, b, &plain, verb, v->u.list.items[i]);
            }
            page_buf_putc(b, ']');
            return;
        }
        break;

    default:
        break;
    }

    if (verb == 'v' || verb == 's') {
        page_buf_init(&t, b->arena, 0);
        page_tpl_print(&t, v);
        if (page_buf_failed(&t)) {
            b->failed = 1;
            return;
        }
        page_tpl_pad(b, f, t.data ? t.data : "", t.len, 0);
        return;
    }

    page_tpl_bad_verb(b, verb, v);
}


int
page_tpl_sprintf(page_tpl_state_t *st, page_buf_t *b, const char *fmt,
    size_t len, page_value_t **args, size_t nargs)
{
    size_t          i, a;
    page_tpl_fmt_t  f;
    char            verb;
    int            *num;
    int64_t         iv;

    a = 0;

    for (i = 0; i < len; i++) {
        if (fmt[i] != '%') {
            page_buf_putc(b, fmt[i]);
            continue;
        }

        memset(&f, 0, sizeof(f));
        f.width = -1;
        f.prec = -1;

        for (i++; i < len; i++) {
            switch (fmt[i]) {
            case '-': f.minus = 1; continue;
            case '+': f.plus = 1; continue;
            case '#': f.sharp = 1; continue;
            case ' ': f.space = 1; continue;
            case '0': f.zero = !f.minus; continue;
            }
            break;
        }

        /* width, then .precision; either may be '*' */
        for (num = &f.width; num != NULL;
             num = (num == &f.width && i < len && fmt[i] == '.')
                   ? (i++, f.prec = 0, &f.prec) : NULL)
        {
            if (i < len && fmt[i] == '*') {
                i++;
                if (a >= nargs || page_tpl_to_int(st, "printf", args[a], &iv)
                                  != 0)
                {
                    page_buf_puts(b, "%!(BADWIDTH)");
                    st->err->status = PAGE_OK;
                    iv = 0;
                }
                a++;
                *num = iv < 0 ? 0 : (iv > 1000 ? 1000 : (int) iv);
                continue;
            }
            while (i < len && fmt[i] >= '0' && fmt[i] <= '9') {
                *num = (*num < 0 ? 0 : *num) * 10 + (fmt[i] - '0');
                if (*num > 1000) {
                    *num = 1000;    /* Go limits widths too */
                }
                i++;
            }
        }

        if (i >= len) {
            page_buf_puts(b, "%!(NOVERB)");
            break;
        }

        verb = fmt[i];

        if (verb == '%') {
            page_buf_putc(b, '%');
            continue;
        }

        if (a >= nargs) {
            page_buf_printf(b, "%%!%c(MISSING)", verb);
            continue;
        }

        page_tpl_fmt_one(st, b, &f, verb, args[a++]);
    }

    if (a < nargs) {
        page_buf_puts(b, "%!(EXTRA ");
        for (; a < nargs; a++) {
            page_buf_puts(b, page_tpl_tname(args[a]));
            page_buf_putc(b, '=');
            page_tpl_print(b, args[a]);
            if (a + 1 < nargs) {
                page_buf_puts(b, ", ");
            }
        }
        page_buf_putc(b, ')');
    }

    return page_buf_failed(b) ? -1 : 0;
}


static int
page_tpl_f_print(PAGE_FN_ARGS)
{
    page_buf_t  b;

    page_tpl_buf(st, &b);
    page_tpl_sprint(&b, args, nargs, 0);
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


static int
page_tpl_f_println(PAGE_FN_ARGS)
{
    page_buf_t  b;

    page_tpl_buf(st, &b);
    page_tpl_sprint(&b, args, nargs, 1);
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


static int
page_tpl_f_printf(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len;
    page_buf_t   b;

    if (page_tpl_arg_str(st, "printf", args[0], &s, &len) != 0) {
        return -1;
    }

    page_tpl_buf(st, &b);
    page_tpl_sprintf(st, &b, s, len, args + 1, nargs - 1);
    if (st->err->status != PAGE_OK) {
        return -1;
    }
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


static int
page_tpl_f_errorf(PAGE_FN_ARGS)
{
    const char  *s;
    size_t      len;
    page_buf_t  b;

    if (page_tpl_arg_str(st, "errorf", args[0], &s, &len) != 0) {
        return -1;
    }

    page_tpl_buf(st, &b);
    page_tpl_sprintf(st, &b, s, len, args + 1, nargs - 1);
    (void) res;
    return page_tpl_fail(st, "%.*s", b.len > 400 ? 400 : (int) b.len,
                         b.data ? b.data : "");
}


static int
page_tpl_f_warnf(PAGE_FN_ARGS)
{
    const char  *s;
    size_t      len;
    page_buf_t  b;

    if (page_tpl_arg_str(st, "warnf", args[0], &s, &len) != 0) {
        return -1;
    }

    page_tpl_buf(st, &b);
    page_tpl_sprintf(st, &b, s, len, args + 1, nargs - 1);
    if (st->env->warn != NULL && !page_buf_failed(&b)) {
        st->env->warn(st->env->warn_ctx, b.data ? b.data : "", b.len);
    }
    return page_tpl_ret_str(st, PAGE_STRING, "", 0, res);
}


const page_tpl_func_t  page_fn_fmt[] = {
    { "fmt.Print", page_tpl_f_print, 0, -1 },
    { "print", page_tpl_f_print, 0, -1 },
    { "fmt.Println", page_tpl_f_println, 0, -1 },
    { "println", page_tpl_f_println, 0, -1 },
    { "fmt.Printf", page_tpl_f_printf, 1, -1 },
    { "printf", page_tpl_f_printf, 1, -1 },
    { "fmt.Errorf", page_tpl_f_errorf, 1, -1 },
    { "errorf", page_tpl_f_errorf, 1, -1 },
    { "fmt.Warnf", page_tpl_f_warnf, 1, -1 },
    { "warnf", page_tpl_f_warnf, 1, -1 },
    { NULL, NULL, 0, 0 }
};
