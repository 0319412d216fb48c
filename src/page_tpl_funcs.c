/*
 * page_tpl_funcs: the functions templates can call.  Go's builtins (not,
 * len, index, print, printf, println, html, js, urlquery, eq, ne, lt, le,
 * gt, ge) and Hugo's functions (default, cond, dict, slice, safeHTML, ...,
 * string and collection helpers, arithmetic, dates, regular expressions),
 * and the table that names them; also how values compare and print (Hugo's
 * eq and ordering, Go's fmt verbs for printf, JSON as encoding/json
 * writes it).  Digests live in page_tpl_hash.c.
 * Every function treats its arguments as read-only and allocates its
 * result in the execution's arena.
 */

#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "page_tpl_int.h"
#include "page_utf8.h"

/*
 * Longest list seq may build: Hugo refuses more than 2000 elements too,
 * and it bounds the memory one call may take.
 */
#define PAGE_TPL_MAX_SEQ  2000

/*
 * Deepest nesting merge follows: maps deeper than this are replaced, not
 * merged, which bounds the recursion whatever the data.
 */
#define PAGE_TPL_MAX_MERGE_DEPTH  64

#define ARGS  page_tpl_state_t *st, page_value_t **args, size_t nargs, \
              page_value_t **res


/* ---- comparison, printing, JSON ---- */

/* Deepest nesting JSON output follows (front matter is bounded anyway). */
#define PAGE_TPL_MAX_JSON_DEPTH  64

/* How encoding/json writes a time.Time. */
#define PAGE_TPL_RFC3339NANO  "2006-01-02T15:04:05.999999999Z07:00"


/* ---- comparison ---- */

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


/* ---- printing ---- */

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


static void
page_tpl_json_str(page_buf_t *b, const char *s, size_t len)
{
    size_t         i;
    unsigned char  c;

    page_buf_putc(b, '"');
    for (i = 0; i < len; i++) {
        c = (unsigned char) s[i];
        switch (c) {
        case '"':  page_buf_puts(b, "\\\""); continue;
        case '\\': page_buf_puts(b, "\\\\"); continue;
        case '\n': page_buf_puts(b, "\\n"); continue;
        case '\r': page_buf_puts(b, "\\r"); continue;
        case '\t': page_buf_puts(b, "\\t"); continue;
        case '<': case '>': case '&':
            page_buf_printf(b, "\\u%04x", c);
            continue;
        default:
            break;
        }
        if (c < 0x20) {
            page_buf_printf(b, "\\u%04x", c);
            continue;
        }
        if (c == 0xe2 && i + 2 < len && (unsigned char) s[i + 1] == 0x80
            && ((unsigned char) s[i + 2] & 0xfe) == 0xa8)
        {
            page_buf_printf(b, "\\u%04x",
                            (unsigned char) s[i + 2] == 0xa8 ? 0x2028 : 0x2029);
            i += 2;
            continue;
        }
        page_buf_putc(b, (char) c);
    }
    page_buf_putc(b, '"');
}


/* A float as Go's encoding/json writes it. */
static void
page_tpl_json_float(page_buf_t *b, double f)
{
    char          digits[32];
    int           exp, nd, neg;
    double        a = fabs(f);
    page_value_t  v;

    if (isnan(f) || isinf(f)) {
        page_buf_puts(b, "null");
        return;
    }

    if (a != 0 && (a < 1e-6 || a >= 1e21)) {
        v.type = PAGE_FLOAT;
        v.u.f = f;
        page_value_print(b, &v);        /* 1e+21 style; Go drops the 0 */
        return;
    }

    if (f == 0) {
        page_buf_putc(b, '0');
        return;
    }

    nd = page_float_digits(f, digits, &exp, &neg);

    if (neg) {
        page_buf_putc(b, '-');
    }

    page_float_plain(b, digits, nd, exp);
}


void
page_tpl_json(page_buf_t *b, const page_value_t *v, int depth)
{
    const char   *s;
    size_t        len, i;
    page_pair_t  *pairs;
    page_buf_t    t;

    if (depth > PAGE_TPL_MAX_JSON_DEPTH) {
        page_buf_puts(b, "null");
        return;
    }

    if (v == NULL || v->type == PAGE_NIL) {
        page_buf_puts(b, "null");
        return;
    }

    if (page_tpl_str(v, &s, &len)) {
        page_tpl_json_str(b, s, len);
        return;
    }

    switch (v->type) {
    case PAGE_BOOL:
        page_buf_puts(b, v->u.b ? "true" : "false");
        return;

    case PAGE_INT:
        page_buf_printf(b, "%lld", (long long) v->u.i);
        return;

    case PAGE_FLOAT:
        page_tpl_json_float(b, v->u.f);
        return;

    case PAGE_TIME:
        page_buf_init(&t, b->arena, 0);
        page_time_format(&t, &v->u.t, PAGE_TPL_RFC3339NANO,
                         sizeof(PAGE_TPL_RFC3339NANO) - 1);
        page_tpl_json_str(b, t.data ? t.data : "", t.len);
        return;

    case PAGE_LIST:
        page_buf_putc(b, '[');
        for (i = 0; i < v->u.list.n; i++) {
            if (i) {
                page_buf_putc(b, ',');
            }
            page_tpl_json(b, v->u.list.items[i], depth + 1);
        }
        page_buf_putc(b, ']');
        return;

    case PAGE_MAP:
        pairs = page_arena_alloc(b->arena,
                                 (v->u.map.n + 1) * sizeof(page_pair_t));
        if (pairs == NULL) {
            b->failed = 1;
            return;
        }
        if (v->u.map.n > 0) {
            memcpy(pairs, v->u.map.items, v->u.map.n * sizeof(page_pair_t));
        }
        qsort(pairs, v->u.map.n, sizeof(page_pair_t), page_pair_cmp);
        page_buf_putc(b, '{');
        for (i = 0; i < v->u.map.n; i++) {
            if (i) {
                page_buf_putc(b, ',');
            }
            page_tpl_json_str(b, pairs[i].key.data, pairs[i].key.len);
            page_buf_putc(b, ':');
            page_tpl_json(b, pairs[i].value, depth + 1);
        }
        page_buf_putc(b, '}');
        return;

    default:
        page_buf_puts(b, "null");
        return;
    }
}

/* ---- helpers ---- */


static int
page_tpl_nomem(page_tpl_state_t *st)
{
    page_tpl_fail(st, "out of memory");
    st->err->status = PAGE_ERR_NOMEM;
    return -1;
}


static int
page_tpl_ret_str(page_tpl_state_t *st, page_type_t type, const char *s,
    size_t len, page_value_t **res)
{
    *res = page_value_string(st->arena, s, len);
    if (*res == NULL) {
        return page_tpl_nomem(st);
    }
    (*res)->type = type;
    return 0;
}


/* Return the buffer's bytes (already in the arena) as a value. */
static int
page_tpl_ret_buf(page_tpl_state_t *st, page_type_t type, page_buf_t *b,
    page_value_t **res)
{
    if (page_buf_failed(b)) {
        return page_tpl_fail(st, "result too large (or out of memory)");
    }
    *res = page_value_string_ref(st->arena, type, b->data ? b->data : "",
                                 b->len);
    return *res ? 0 : page_tpl_nomem(st);
}


static int
page_tpl_ret_bool(page_tpl_state_t *st, int b, page_value_t **res)
{
    *res = page_value_bool(st->arena, b);
    return *res ? 0 : page_tpl_nomem(st);
}


static int
page_tpl_ret_int(page_tpl_state_t *st, int64_t i, page_value_t **res)
{
    *res = page_value_int(st->arena, i);
    return *res ? 0 : page_tpl_nomem(st);
}


static void
page_tpl_buf(page_tpl_state_t *st, page_buf_t *b)
{
    page_buf_init(b, st->arena, st->max_output);
}


const char *
page_tpl_tname(const page_value_t *v)
{
    if (v == NULL) {
        return "<nil>";
    }
    switch ((int) v->type) {
    case PAGE_TPL_CSS:      return "template.CSS";
    case PAGE_TPL_HTMLATTR: return "template.HTMLAttr";
    case PAGE_TPL_JS:       return "template.JS";
    case PAGE_TPL_URL:      return "template.URL";
    case PAGE_NIL:          return "<nil>";
    default:                return page_type_name(v->type);
    }
}


/* The value as text: strings as they are, others as %v prints them. */
static int
page_tpl_text(page_tpl_state_t *st, const page_value_t *v, const char **s,
    size_t *len)
{
    page_buf_t  b;

    if (page_tpl_str(v, s, len)) {
        return 0;
    }

    page_tpl_buf(st, &b);
    page_tpl_print(&b, v);
    if (page_buf_failed(&b)) {
        return page_tpl_fail(st, "result too large (or out of memory)");
    }
    *s = b.data ? b.data : "";
    *len = b.len;
    return 0;
}


/* A string argument, or a failure naming the function. */
static int
page_tpl_arg_str(page_tpl_state_t *st, const char *fn, page_value_t *v,
    const char **s, size_t *len)
{
    if (page_tpl_str(v, s, len)) {
        return 0;
    }

    if (v != NULL && (v->type == PAGE_INT || v->type == PAGE_FLOAT
                      || v->type == PAGE_BOOL))
    {
        return page_tpl_text(st, v, s, len);    /* Hugo casts these */
    }

    if (v == NULL || v->type == PAGE_NIL) {
        *s = "";
        *len = 0;
        return 0;
    }

    return page_tpl_fail(st, "%s: unable to cast %s to string", fn,
                         page_tpl_tname(v));
}


int
page_tpl_is_num(const page_value_t *v)
{
    return v != NULL && (v->type == PAGE_INT || v->type == PAGE_FLOAT);
}


double
page_tpl_num(const page_value_t *v)
{
    return v->type == PAGE_INT ? (double) v->u.i : v->u.f;
}


int
page_tpl_to_int(page_tpl_state_t *st, const char *fn, const page_value_t *v,
    int64_t *out)
{
    const char  *s;
    size_t       len;
    char         buf[64], *end;
    double       f;

    if (v == NULL || v->type == PAGE_NIL) {
        *out = 0;
        return 0;
    }

    switch ((int) v->type) {
    case PAGE_INT:
        *out = v->u.i;
        return 0;
    case PAGE_FLOAT:
        if (!(v->u.f > -9.2e18 && v->u.f < 9.2e18)) {
            return page_tpl_fail(st, "%s: %g out of range", fn, v->u.f);
        }
        *out = (int64_t) v->u.f;
        return 0;
    case PAGE_BOOL:
        *out = v->u.b;
        return 0;
    default:
        if (!page_tpl_str(v, &s, &len) || len == 0 || len >= sizeof(buf)) {
            break;
        }
        memcpy(buf, s, len);
        buf[len] = '\0';
        *out = strtoll(buf, &end, 10);
        if (*end == '\0') {
            return 0;
        }
        f = strtod(buf, &end);
        if (*end == '\0' && f > -9.2e18 && f < 9.2e18) {
            *out = (int64_t) f;
            return 0;
        }
        break;
    }

    return page_tpl_fail(st, "%s: unable to cast %s to int", fn,
                         page_tpl_tname(v));
}


static int
page_tpl_to_float(page_tpl_state_t *st, const char *fn,
    const page_value_t *v, double *out)
{
    const char  *s;
    size_t       len;
    char         buf[64], *end;

    if (page_tpl_is_num(v)) {
        *out = page_tpl_num(v);
        return 0;
    }

    if (v == NULL || v->type == PAGE_NIL) {
        *out = 0;
        return 0;
    }

    if (v->type == PAGE_BOOL) {
        *out = v->u.b;
        return 0;
    }

    if (page_tpl_str(v, &s, &len) && len > 0 && len < sizeof(buf)) {
        memcpy(buf, s, len);
        buf[len] = '\0';
        *out = strtod(buf, &end);
        if (*end == '\0') {
            return 0;
        }
    }

    return page_tpl_fail(st, "%s: unable to cast %s to float", fn,
                         page_tpl_tname(v));
}


static page_value_t *
page_tpl_list_new(page_tpl_state_t *st)
{
    page_value_t  *l;

    l = page_value_list(st->arena);
    if (l == NULL) {
        page_tpl_nomem(st);
    }
    return l;
}


static int
page_tpl_push(page_tpl_state_t *st, page_value_t *l, page_value_t *v)
{
    if (page_list_push(st->arena, l, v ? v : &page_nil_value) != 0) {
        return page_tpl_nomem(st);
    }
    return 0;
}


static int
page_tpl_f_eq(ARGS)
{
    size_t  i;

    if (nargs < 2) {
        return page_tpl_fail(st, "missing argument for comparison");
    }

    for (i = 1; i < nargs; i++) {
        if (page_tpl_equal(args[0], args[i])) {
            return page_tpl_ret_bool(st, 1, res);
        }
    }

    return page_tpl_ret_bool(st, 0, res);
}


static int
page_tpl_f_ne(ARGS)
{
    (void) nargs;
    return page_tpl_ret_bool(st, !page_tpl_equal(args[0], args[1]), res);
}


static int
page_tpl_cmp_args(page_tpl_state_t *st, page_value_t **args, int *c)
{
    *c = page_tpl_compare(args[0], args[1]);
    if (*c == -2) {
        return page_tpl_fail(st, "incompatible types for comparison: %s "
                             "and %s", page_tpl_tname(args[0]),
                             page_tpl_tname(args[1]));
    }
    return 0;
}


static int
page_tpl_f_lt(ARGS)
{
    int  c;

    (void) nargs;
    return page_tpl_cmp_args(st, args, &c) ? -1
           : page_tpl_ret_bool(st, c < 0, res);
}


static int
page_tpl_f_le(ARGS)
{
    int  c;

    (void) nargs;
    return page_tpl_cmp_args(st, args, &c) ? -1
           : page_tpl_ret_bool(st, c <= 0, res);
}


static int
page_tpl_f_gt(ARGS)
{
    int  c;

    (void) nargs;
    return page_tpl_cmp_args(st, args, &c) ? -1
           : page_tpl_ret_bool(st, c > 0, res);
}


static int
page_tpl_f_ge(ARGS)
{
    int  c;

    (void) nargs;
    return page_tpl_cmp_args(st, args, &c) ? -1
           : page_tpl_ret_bool(st, c >= 0, res);
}


static int
page_tpl_f_not(ARGS)
{
    (void) nargs;
    return page_tpl_ret_bool(st, !page_tpl_truth(args[0]), res);
}


static int
page_tpl_f_print(ARGS)
{
    page_buf_t  b;

    page_tpl_buf(st, &b);
    page_tpl_sprint(&b, args, nargs, 0);
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


static int
page_tpl_f_println(ARGS)
{
    page_buf_t  b;

    page_tpl_buf(st, &b);
    page_tpl_sprint(&b, args, nargs, 1);
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


static int
page_tpl_f_printf(ARGS)
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
page_tpl_f_errorf(ARGS)
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
page_tpl_f_warnf(ARGS)
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


/* ---- Go's escaping builtins ---- */

static int
page_tpl_sprint_args(page_tpl_state_t *st, page_value_t **args, size_t nargs,
    const char **s, size_t *len)
{
    page_buf_t  b;

    if (nargs == 1) {
        return page_tpl_text(st, args[0], s, len);
    }

    page_tpl_buf(st, &b);
    page_tpl_sprint(&b, args, nargs, 0);
    if (page_buf_failed(&b)) {
        return page_tpl_fail(st, "result too large (or out of memory)");
    }
    *s = b.data ? b.data : "";
    *len = b.len;
    return 0;
}


static int
page_tpl_f_html(ARGS)
{
    const char  *s;
    size_t       len, i;
    page_buf_t   b;

    if (page_tpl_sprint_args(st, args, nargs, &s, &len) != 0) {
        return -1;
    }

    page_tpl_buf(st, &b);
    for (i = 0; i < len; i++) {
        switch (s[i]) {
        case '"':  page_buf_puts(&b, "&#34;"); break;
        case '\'': page_buf_puts(&b, "&#39;"); break;
        case '&':  page_buf_puts(&b, "&amp;"); break;
        case '<':  page_buf_puts(&b, "&lt;"); break;
        case '>':  page_buf_puts(&b, "&gt;"); break;
        case '\0': page_buf_puts(&b, "\xef\xbf\xbd"); break;
        default:   page_buf_putc(&b, s[i]); break;
        }
    }

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


static int
page_tpl_f_js(ARGS)
{
    const char     *s;
    size_t          len, i;
    unsigned char   c;
    page_buf_t      b;

    if (page_tpl_sprint_args(st, args, nargs, &s, &len) != 0) {
        return -1;
    }

    page_tpl_buf(st, &b);
    for (i = 0; i < len; i++) {
        c = (unsigned char) s[i];
        switch (c) {
        case '\\': page_buf_puts(&b, "\\\\"); break;
        case '\'': page_buf_puts(&b, "\\'"); break;
        case '"':  page_buf_puts(&b, "\\\""); break;
        case '<':  page_buf_puts(&b, "\\u003C"); break;
        case '>':  page_buf_puts(&b, "\\u003E"); break;
        case '&':  page_buf_puts(&b, "\\u0026"); break;
        case '=':  page_buf_puts(&b, "\\u003D"); break;
        default:
            if (c < 0x20) {
                page_buf_printf(&b, "\\u%04X", c);
            } else {
                page_buf_putc(&b, (char) c);
            }
        }
    }

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/* Go's url.QueryEscape. */
static void
page_tpl_query_escape(page_buf_t *b, const char *s, size_t len, int path)
{
    size_t         i;
    unsigned char  c;

    for (i = 0; i < len; i++) {
        c = (unsigned char) s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
            || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'
            || c == '~')
        {
            page_buf_putc(b, (char) c);
        } else if (c == ' ' && !path) {
            page_buf_putc(b, '+');
        } else {
            page_buf_printf(b, "%%%02X", c);
        }
    }
}


static int
page_tpl_f_urlquery(ARGS)
{
    const char  *s;
    size_t       len;
    page_buf_t   b;

    if (page_tpl_sprint_args(st, args, nargs, &s, &len) != 0) {
        return -1;
    }

    page_tpl_buf(st, &b);
    page_tpl_query_escape(&b, s, len, 0);
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/* ---- collections ---- */

static int
page_tpl_f_len(ARGS)
{
    const char  *s;
    size_t       len;

    (void) nargs;

    if (page_tpl_str(args[0], &s, &len)) {
        return page_tpl_ret_int(st, (int64_t) len, res);
    }

    if (args[0] != NULL && args[0]->type == PAGE_LIST) {
        return page_tpl_ret_int(st, (int64_t) args[0]->u.list.n, res);
    }

    if (args[0] != NULL && args[0]->type == PAGE_MAP) {
        return page_tpl_ret_int(st, (int64_t) args[0]->u.map.n, res);
    }

    if (args[0] == NULL || args[0]->type == PAGE_NIL) {
        return page_tpl_fail(st, "len of nil pointer");
    }

    return page_tpl_fail(st, "len of type %s",
                         page_tpl_tname(args[0]));
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
        if (!page_tpl_str(k, &s, &len)) {
            if (k == NULL || k->type == PAGE_NIL) {
                return 0;
            }
            return page_tpl_fail(st, "cannot index "
                                 "map with %s", page_tpl_tname(k));
        }
        *res = page_map_get(c, s, len);
        if (*res == NULL) {
            *res = page_map_get_ci(c, s, len);
        }
        return 0;
    }

    if (c->type == PAGE_LIST || page_tpl_str(c, &s, &len)) {
        if (k == NULL || k->type != PAGE_INT) {
            return page_tpl_fail(st, "cannot index "
                                 "slice/array with type %s",
                                 page_tpl_tname(k));
        }
        i = k->u.i;
        if (c->type == PAGE_LIST) {
            if (i >= 0 && (uint64_t) i < c->u.list.n) {
                *res = c->u.list.items[i];
            }
            return 0;
        }
        if (i < 0 || (uint64_t) i >= len) {
            return page_tpl_fail(st, "index out of "
                                 "range: %lld", (long long) i);
        }
        return page_tpl_ret_int(st, (unsigned char) s[i], res);
    }

    return page_tpl_fail(st, "can't index item of "
                         "type %s", page_tpl_tname(c));
}


static int
page_tpl_f_index(ARGS)
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
page_tpl_f_slice(ARGS)
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


static int
page_tpl_f_dict(ARGS)
{
    size_t         i;
    const char    *k;
    size_t         klen;
    page_value_t  *m;

    if (nargs % 2 != 0) {
        return page_tpl_fail(st, "invalid dictionary call");
    }

    m = page_value_map(st->arena);
    if (m == NULL) {
        return page_tpl_nomem(st);
    }

    for (i = 0; i < nargs; i += 2) {
        if (!page_tpl_str(args[i], &k, &klen)) {
            return page_tpl_fail(st, "dictionary keys must be strings");
        }
        if (page_map_set(st->arena, m, k, klen,
                         args[i + 1] ? args[i + 1] : &page_nil_value) != 0)
        {
            return page_tpl_nomem(st);
        }
    }

    *res = m;
    return 0;
}


static int
page_tpl_f_default(ARGS)
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
page_tpl_f_cond(ARGS)
{
    (void) st;
    (void) nargs;
    *res = page_tpl_truth(args[0]) ? args[1] : args[2];
    return 0;
}


static int
page_tpl_typed(page_tpl_state_t *st, page_value_t *v, page_type_t type,
    page_value_t **res)
{
    const char  *s;
    size_t       len;

    if (page_tpl_text(st, v, &s, &len) != 0) {
        return -1;
    }

    *res = page_value_string_ref(st->arena, type, s, len);
    return *res ? 0 : page_tpl_nomem(st);
}


static int
page_tpl_f_safehtml(ARGS)
{
    (void) nargs;
    return page_tpl_typed(st, args[0], PAGE_HTML, res);
}


static int
page_tpl_f_safeattr(ARGS)
{
    (void) nargs;
    return page_tpl_typed(st, args[0], PAGE_TPL_HTMLATTR, res);
}


static int
page_tpl_f_safeurl(ARGS)
{
    (void) nargs;
    return page_tpl_typed(st, args[0], PAGE_TPL_URL, res);
}


static int
page_tpl_f_safecss(ARGS)
{
    (void) nargs;
    return page_tpl_typed(st, args[0], PAGE_TPL_CSS, res);
}


static int
page_tpl_f_safejs(ARGS)
{
    (void) nargs;
    return page_tpl_typed(st, args[0], PAGE_TPL_JS, res);
}


static int
page_tpl_f_markdownify(ARGS)
{
    const char  *s;
    size_t       len, i;
    int          other;
    page_buf_t   b;

    (void) nargs;

    if (page_tpl_arg_str(st, "markdownify", args[0], &s, &len) != 0) {
        return -1;
    }

    if (st->env->markdown == NULL) {
        return page_tpl_fail(st, "markdownify: no Markdown renderer");
    }

    page_tpl_buf(st, &b);
    if (st->env->markdown(st->env->markdown_ctx, s, len, &b, st->err) != 0) {
        return page_tpl_fail(st, "markdownify failed");
    }
    if (page_buf_failed(&b)) {
        return page_tpl_fail(st, "markdownify: result too large");
    }

    /* one paragraph loses its <p> wrapper, as in Hugo */
    s = b.data ? b.data : "";
    len = b.len;
    while (len > 0 && s[len - 1] == '\n') {
        len--;
    }
    other = 1;
    if (len >= 7 && memcmp(s, "<p>", 3) == 0
        && memcmp(s + len - 4, "</p>", 4) == 0)
    {
        other = 0;
        for (i = 3; i + 3 <= len - 4; i++) {
            if (memcmp(s + i, "<p>", 3) == 0 || memcmp(s + i, "<p ", 3) == 0) {
                other = 1;
                break;
            }
        }
    }

    if (other) {
        len = b.len;                    /* several blocks: as rendered */
    } else {
        s += 3;
        len -= 7;
    }

    *res = page_value_string_ref(st->arena, PAGE_HTML, s, len);
    return *res ? 0 : page_tpl_nomem(st);
}


static int
page_tpl_f_in(ARGS)
{
    const char  *s, *sub;
    size_t       len, sublen, i;
    page_value_t *c = args[0];

    (void) nargs;

    if (c != NULL && c->type == PAGE_LIST) {
        for (i = 0; i < c->u.list.n; i++) {
            if (page_tpl_equal(c->u.list.items[i], args[1])) {
                return page_tpl_ret_bool(st, 1, res);
            }
        }
        return page_tpl_ret_bool(st, 0, res);
    }

    if (page_tpl_str(c, &s, &len)) {
        if (page_tpl_text(st, args[1], &sub, &sublen) != 0) {
            return -1;
        }
        for (i = 0; i + sublen <= len; i++) {
            if (memcmp(s + i, sub, sublen) == 0) {
                return page_tpl_ret_bool(st, 1, res);
            }
        }
        return page_tpl_ret_bool(st, 0, res);
    }

    return page_tpl_ret_bool(st, 0, res);
}


static int
page_tpl_f_isset(ARGS)
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

    if (c != NULL && c->type == PAGE_LIST && args[1] != NULL
        && args[1]->type == PAGE_INT)
    {
        i = args[1]->u.i;
        return page_tpl_ret_bool(st, i >= 0 && (uint64_t) i < c->u.list.n,
                                 res);
    }

    return page_tpl_ret_bool(st, 0, res);
}


/* append ITEM... LIST */
static int
page_tpl_f_append(ARGS)
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


static page_value_t *
page_tpl_merge2(page_tpl_state_t *st, page_value_t *dst, page_value_t *src,
    int depth)
{
    size_t         i;
    page_value_t  *m, *old, *v;
    page_pair_t   *p;

    m = page_value_map(st->arena);
    if (m == NULL) {
        return NULL;
    }

    for (i = 0; i < dst->u.map.n; i++) {
        p = &dst->u.map.items[i];
        if (page_map_set(st->arena, m, p->key.data, p->key.len, p->value)
            != 0)
        {
            return NULL;
        }
    }

    for (i = 0; i < src->u.map.n; i++) {
        p = &src->u.map.items[i];
        old = page_map_get(m, p->key.data, p->key.len);
        v = p->value;
        if (old != NULL && old->type == PAGE_MAP && v != NULL
            && v->type == PAGE_MAP && depth < PAGE_TPL_MAX_MERGE_DEPTH)
        {
            v = page_tpl_merge2(st, old, v, depth + 1);
            if (v == NULL) {
                return NULL;
            }
        }
        if (page_map_set(st->arena, m, p->key.data, p->key.len, v) != 0) {
            return NULL;
        }
    }

    return m;
}


/* merge MAP... : the rightmost map wins */
static int
page_tpl_f_merge(ARGS)
{
    size_t         i;
    page_value_t  *m;

    for (i = 0; i < nargs; i++) {
        if (args[i] == NULL || args[i]->type != PAGE_MAP) {
            return page_tpl_fail(st, "merge: expected a map, got %s",
                                 page_tpl_tname(args[i]));
        }
    }

    m = args[0];
    for (i = 1; i < nargs; i++) {
        m = page_tpl_merge2(st, m, args[i], 0);
        if (m == NULL) {
            return page_tpl_nomem(st);
        }
    }

    *res = m;
    return 0;
}


static int
page_tpl_f_first(ARGS)
{
    int64_t        n;
    size_t         i;
    page_value_t  *l, *c = args[1];

    (void) nargs;

    if (page_tpl_to_int(st, "first", args[0], &n) != 0) {
        return -1;
    }
    if (n < 0) {
        return page_tpl_fail(st, "first: can't return negative count");
    }
    if (c == NULL || c->type == PAGE_NIL) {
        *res = NULL;
        return 0;
    }
    if (c->type != PAGE_LIST) {
        return page_tpl_fail(st, "first: can't iterate over %s",
                             page_tpl_tname(c));
    }

    l = page_tpl_list_new(st);
    if (l == NULL) {
        return -1;
    }
    for (i = 0; i < c->u.list.n && i < (uint64_t) n; i++) {
        if (page_tpl_push(st, l, c->u.list.items[i]) != 0) {
            return -1;
        }
    }
    *res = l;
    return 0;
}


static int
page_tpl_f_last(ARGS)
{
    int64_t        n;
    size_t         i;
    page_value_t  *l, *c = args[1];

    (void) nargs;

    if (page_tpl_to_int(st, "last", args[0], &n) != 0) {
        return -1;
    }
    if (n < 0) {
        return page_tpl_fail(st, "last: can't return negative count");
    }
    if (c == NULL || c->type != PAGE_LIST) {
        return page_tpl_fail(st, "last: can't iterate over %s",
                             page_tpl_tname(c));
    }

    l = page_tpl_list_new(st);
    if (l == NULL) {
        return -1;
    }
    i = c->u.list.n > (uint64_t) n ? c->u.list.n - (size_t) n : 0;
    for (; i < c->u.list.n; i++) {
        if (page_tpl_push(st, l, c->u.list.items[i]) != 0) {
            return -1;
        }
    }
    *res = l;
    return 0;
}


static int
page_tpl_f_after(ARGS)
{
    int64_t        n;
    size_t         i;
    page_value_t  *l, *c = args[1];

    (void) nargs;

    if (page_tpl_to_int(st, "after", args[0], &n) != 0) {
        return -1;
    }
    if (n < 0) {
        return page_tpl_fail(st, "after: can't return negative count");
    }
    if (c == NULL || c->type != PAGE_LIST) {
        return page_tpl_fail(st, "after: can't iterate over %s",
                             page_tpl_tname(c));
    }

    l = page_tpl_list_new(st);
    if (l == NULL) {
        return -1;
    }
    for (i = (size_t) n; i < c->u.list.n; i++) {
        if (page_tpl_push(st, l, c->u.list.items[i]) != 0) {
            return -1;
        }
    }
    *res = l;
    return 0;
}


static int
page_tpl_f_uniq(ARGS)
{
    size_t         i, j;
    page_value_t  *l, *c = args[0];

    (void) nargs;

    if (c == NULL || c->type != PAGE_LIST) {
        return page_tpl_fail(st, "uniq: type %s not supported",
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
page_tpl_f_reverse(ARGS)
{
    size_t         i;
    page_value_t  *l, *c = args[0];

    (void) nargs;

    if (c == NULL || c->type != PAGE_LIST) {
        return page_tpl_fail(st, "reverse: type %s not supported",
                             page_tpl_tname(c));
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
page_tpl_f_sort(ARGS)
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
page_tpl_f_where(ARGS)
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


static int
page_tpl_f_seq(ARGS)
{
    int64_t        a[3], first, step, last, i, n;
    size_t         k;
    page_value_t  *l, *v;

    for (k = 0; k < nargs; k++) {
        if (page_tpl_to_int(st, "seq", args[k], &a[k]) != 0) {
            return -1;
        }
        if (a[k] > INT32_MAX || a[k] < -INT32_MAX) {
            return page_tpl_fail(st, "seq: size of result exceeds limit");
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
        if (step == 0 || (step > 0 && first > last)
            || (step < 0 && first < last))
        {
            return page_tpl_fail(st, "seq: invalid arguments");
        }
    }

    n = (last - first) / step + 1;
    if (n > PAGE_TPL_MAX_SEQ) {
        return page_tpl_fail(st, "seq: size of result exceeds limit");
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
page_tpl_f_delimit(ARGS)
{
    size_t          i, n;
    const char     *sep, *last, *s;
    size_t          seplen, lastlen, len;
    page_buf_t      b;
    page_value_t   *c = args[0], *item;
    page_pair_t    *pairs;

    if (page_tpl_text(st, args[1], &sep, &seplen) != 0) {
        return -1;
    }
    last = sep;
    lastlen = seplen;
    if (nargs == 3 && page_tpl_text(st, args[2], &last, &lastlen) != 0) {
        return -1;
    }

    if (c == NULL || (c->type != PAGE_LIST && c->type != PAGE_MAP)) {
        return page_tpl_fail(st, "can't iterate over %s", page_tpl_tname(c));
    }

    pairs = NULL;
    n = c->type == PAGE_LIST ? c->u.list.n : c->u.map.n;
    if (c->type == PAGE_MAP) {
        /* a map's values, in key order */
        pairs = page_arena_alloc(st->arena, (n + 1) * sizeof(*pairs));
        if (pairs == NULL) {
            return page_tpl_nomem(st);
        }
        if (n > 0) {
            memcpy(pairs, c->u.map.items, n * sizeof(*pairs));
        }
        qsort(pairs, n, sizeof(*pairs), page_pair_cmp);
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


/* ---- strings ---- */

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
page_tpl_f_lower(ARGS)
{
    (void) nargs;
    return page_tpl_case_str(st, "lower", args[0], 0, res);
}


static int
page_tpl_f_upper(ARGS)
{
    (void) nargs;
    return page_tpl_case_str(st, "upper", args[0], 1, res);
}


static int
page_tpl_f_now(ARGS)
{
    page_time_t  t;

    (void) args;
    (void) nargs;
    memset(&t, 0, sizeof(t));
    t.sec = (int64_t) time(NULL);
    *res = page_value_time(st->arena, &t);
    return *res ? 0 : page_tpl_nomem(st);
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
page_tpl_f_trim(ARGS)
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
page_tpl_f_trimleft(ARGS)
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
page_tpl_f_trimright(ARGS)
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
page_tpl_f_trimspace(ARGS)
{
    (void) nargs;
    return page_tpl_trim_impl(st, args[0], " \t\r\n\v\f", 6, 3, res);
}


static int
page_tpl_f_chomp(ARGS)
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
page_tpl_f_trimprefix(ARGS)
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
page_tpl_f_trimsuffix(ARGS)
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
page_tpl_f_hasprefix(ARGS)
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
page_tpl_f_hassuffix(ARGS)
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
page_tpl_f_contains(ARGS)
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
page_tpl_f_count(ARGS)
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
page_tpl_f_split(ARGS)
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
page_tpl_f_replace(ARGS)
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
page_tpl_f_repeat(ARGS)
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
page_tpl_f_substr(ARGS)
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


static int
page_tpl_is_word_sep(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-'
           || c == '_';
}


/* title: capitalise words; AP style keeps small words lower-case. */
static int
page_tpl_f_title(ARGS)
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


/* humanize: "my-first-post" -> "My first post"; 3 -> "3rd". */
static int
page_tpl_f_humanize(ARGS)
{
    const char  *s, *suffix;
    size_t       len, i;
    char        *o;
    int64_t      n;

    (void) nargs;

    if (args[0] != NULL && args[0]->type == PAGE_INT) {
        n = args[0]->u.i;
        suffix = "th";
        if ((n % 100 + 100) % 100 < 11 || (n % 100 + 100) % 100 > 13) {
            switch ((n % 10 + 10) % 10) {
            case 1: suffix = "st"; break;
            case 2: suffix = "nd"; break;
            case 3: suffix = "rd"; break;
            }
        }
        o = page_arena_alloc(st->arena, 32);
        if (o == NULL) {
            return page_tpl_nomem(st);
        }
        snprintf(o, 32, "%lld%s", (long long) n, suffix);
        return page_tpl_ret_str(st, PAGE_STRING, o, strlen(o), res);
    }

    if (page_tpl_arg_str(st, "humanize", args[0], &s, &len) != 0) {
        return -1;
    }

    o = page_arena_strndup(st->arena, s, len);
    if (o == NULL) {
        return page_tpl_nomem(st);
    }
    for (i = 0; i < len; i++) {
        if (o[i] == '-' || o[i] == '_') {
            o[i] = ' ';
        }
    }
    if (len > 0 && o[0] >= 'a' && o[0] <= 'z') {
        o[0] -= 'a' - 'A';
    }

    *res = page_value_string_ref(st->arena, PAGE_STRING, o, len);
    return *res ? 0 : page_tpl_nomem(st);
}


/*
 * anchorize: as Hugo makes heading ids: lower-case, keep letters, digits,
 * '-' and '_' (and non-ASCII letters), a space becomes '-'.
 */
static int
page_tpl_f_anchorize(ARGS)
{
    const char  *s;
    size_t       len, i;
    page_buf_t   b;
    char         c;

    (void) nargs;
    if (page_tpl_arg_str(st, "anchorize", args[0], &s, &len) != 0) {
        return -1;
    }

    while (len > 0 && page_tpl_is_word_sep(s[0]) && s[0] != '-'
           && s[0] != '_')
    {
        s++;
        len--;
    }
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'
                       || s[len - 1] == '\n'))
    {
        len--;
    }

    page_tpl_buf(st, &b);
    for (i = 0; i < len; i++) {
        c = s[i];
        if (c >= 'A' && c <= 'Z') {
            page_buf_putc(&b, (char) (c + 32));
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                   || c == '-' || c == '_' || (unsigned char) c >= 0x80)
        {
            page_buf_putc(&b, c);
        } else if (c == ' ') {
            page_buf_putc(&b, '-');
        }
    }

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/*
 * Hugo's StripHTML: text without tags; when there are tags, newlines
 * become spaces and paragraph ends and <br> become newlines first.
 */
static int
page_tpl_f_plainify(ARGS)
{
    int          was_space, is_space;
    char         c;
    const char  *s;
    size_t       len, i;
    page_buf_t   b;

    (void) nargs;
    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    if (memchr(s, '<', len) == NULL && memchr(s, '>', len) == NULL) {
        return page_tpl_ret_str(st, PAGE_STRING, s, len, res);
    }

    /* and, as Hugo, a run of spaces outside tags keeps its first */

    page_tpl_buf(st, &b);
    was_space = 0;
    for (i = 0; i < len; i++) {
        c = s[i] == '\n' ? ' ' : s[i];
        if (c == '<') {
            if ((len - i >= 4 && memcmp(s + i, "</p>", 4) == 0)
                || (len - i >= 4 && memcmp(s + i, "<br>", 4) == 0)
                || (len - i >= 6 && memcmp(s + i, "<br />", 6) == 0))
            {
                if (!was_space) {
                    page_buf_putc(&b, '\n');
                }
                was_space = 1;
            }
            while (i < len && s[i] != '>') {
                i++;
            }
            continue;
        }
        is_space = c == ' ' || c == '\t' || c == '\r' || c == '\f'
                   || c == '\v';
        if (!is_space || !was_space) {
            page_buf_putc(&b, c);
        }
        was_space = is_space;
    }

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


static int
page_tpl_f_htmlescape(ARGS)
{
    const char  *s;
    size_t       len;
    page_buf_t   b;

    (void) nargs;
    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }
    page_tpl_buf(st, &b);
    page_buf_append_html(&b, s, len);
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


static int
page_tpl_f_htmlunescape(ARGS)
{
    static const struct { const char *ent; char c; } ents[] = {
        { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' },
        { "&#34;", '"' }, { "&quot;", '"' }, { "&#39;", '\'' },
        { "&apos;", '\'' }, { "&#43;", '+' }
    };
    const char  *s;
    size_t       len, i, k, n;
    page_buf_t   b;

    (void) nargs;
    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    page_tpl_buf(st, &b);
    for (i = 0; i < len; i++) {
        if (s[i] == '&') {
            for (k = 0; k < sizeof(ents) / sizeof(ents[0]); k++) {
                n = strlen(ents[k].ent);
                if (i + n <= len && memcmp(s + i, ents[k].ent, n) == 0) {
                    page_buf_putc(&b, ents[k].c);
                    i += n - 1;
                    break;
                }
            }
            if (k < sizeof(ents) / sizeof(ents[0])) {
                continue;
            }
        }
        page_buf_putc(&b, s[i]);
    }
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/* truncate SIZE [ELLIPSIS] TEXT: at a word boundary, by characters */
static int
page_tpl_f_truncate(ARGS)
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


/* ---- URLs ---- */

/* scheme://host of base, and its path (with a trailing '/'). */
static void
page_tpl_split_base(const char *base, size_t *host_end)
{
    const char  *p;

    p = strstr(base, "://");
    if (p == NULL) {
        *host_end = 0;
        return;
    }
    p += 3;
    while (*p && *p != '/') {
        p++;
    }
    *host_end = (size_t) (p - base);
}


static int
page_tpl_is_abs_url(const char *s, size_t len)
{
    size_t  i;

    for (i = 0; i < len; i++) {
        if (s[i] == ':') {
            return i > 0;
        }
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')
              || (i > 0 && ((s[i] >= '0' && s[i] <= '9') || s[i] == '+'
                            || s[i] == '-' || s[i] == '.'))))
        {
            return len >= 2 && s[0] == '/' && s[1] == '/';
        }
    }
    return 0;
}


static int
page_tpl_url(page_tpl_state_t *st, page_value_t *arg, int absolute,
    page_value_t **res)
{
    const char  *s, *base, *path;
    size_t       len, host_end, plen;
    page_buf_t   b;

    if (page_tpl_text(st, arg, &s, &len) != 0) {
        return -1;
    }

    base = st->env->base_url ? st->env->base_url : "";

    if (page_tpl_is_abs_url(s, len)) {
        return page_tpl_ret_str(st, PAGE_HTML, s, len, res);
    }

    page_tpl_split_base(base, &host_end);
    path = base + host_end;
    plen = strlen(path);

    page_tpl_buf(st, &b);
    if (absolute) {
        page_buf_append(&b, base, host_end);
    }

    if (len > 0 && s[0] == '/') {
        page_buf_append(&b, s, len);
    } else {
        if (plen == 0) {
            page_buf_putc(&b, '/');
        } else {
            page_buf_append(&b, path, plen);
            if (path[plen - 1] != '/') {
                page_buf_putc(&b, '/');
            }
        }
        page_buf_append(&b, s, len);
    }

    return page_tpl_ret_buf(st, PAGE_HTML, &b, res);
}


static int
page_tpl_f_relurl(ARGS)
{
    (void) nargs;
    return page_tpl_url(st, args[0], 0, res);
}


static int
page_tpl_f_absurl(ARGS)
{
    (void) nargs;
    return page_tpl_url(st, args[0], 1, res);
}


/* ---- numbers ---- */

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
page_tpl_f_add(ARGS)
{
    return page_tpl_arith(st, "add", '+', args, nargs, res);
}


static int
page_tpl_f_sub(ARGS)
{
    return page_tpl_arith(st, "sub", '-', args, nargs, res);
}


static int
page_tpl_f_mul(ARGS)
{
    return page_tpl_arith(st, "mul", '*', args, nargs, res);
}


static int
page_tpl_f_div(ARGS)
{
    return page_tpl_arith(st, "div", '/', args, nargs, res);
}


static int
page_tpl_f_mod(ARGS)
{
    return page_tpl_arith(st, "mod", '%', args, nargs, res);
}


static int
page_tpl_f_int(ARGS)
{
    int64_t  i;

    (void) nargs;
    if (page_tpl_to_int(st, "int", args[0], &i) != 0) {
        return -1;
    }
    return page_tpl_ret_int(st, i, res);
}


static int
page_tpl_f_float(ARGS)
{
    double  f;

    (void) nargs;
    if (page_tpl_to_float(st, "float", args[0], &f) != 0) {
        return -1;
    }
    *res = page_value_float(st->arena, f);
    return *res ? 0 : page_tpl_nomem(st);
}


static int
page_tpl_f_string(ARGS)
{
    const char  *s;
    size_t       len;

    (void) nargs;
    if (args[0] == NULL || args[0]->type == PAGE_NIL) {
        return page_tpl_ret_str(st, PAGE_STRING, "", 0, res);
    }
    if (args[0]->type == PAGE_LIST || args[0]->type == PAGE_MAP) {
        return page_tpl_fail(st, "string: unable to cast %s to string",
                             page_tpl_tname(args[0]));
    }
    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }
    *res = page_value_string_ref(st->arena, PAGE_STRING, s, len);
    return *res ? 0 : page_tpl_nomem(st);
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
page_tpl_f_floor(ARGS)
{
    (void) nargs;
    return page_tpl_f_math1(st, args[0], floor, res);
}


static int
page_tpl_f_ceil(ARGS)
{
    (void) nargs;
    return page_tpl_f_math1(st, args[0], ceil, res);
}


static int
page_tpl_f_round(ARGS)
{
    (void) nargs;
    return page_tpl_f_math1(st, args[0], round, res);
}


/* ---- i18n, JSON, dates ---- */

static int
page_tpl_f_i18n(ARGS)
{
    const char  *s;
    size_t       len;

    if (page_tpl_arg_str(st, "T", args[0], &s, &len) != 0) {
        return -1;
    }

    *res = NULL;
    if (st->env->translate != NULL) {
        *res = st->env->translate(st->env->translate_ctx, s, len,
                                  nargs > 1 ? args[1] : NULL);
    }
    if (*res == NULL) {
        return page_tpl_ret_str(st, PAGE_STRING, "", 0, res);
    }
    return 0;
}


static int
page_tpl_f_jsonify(ARGS)
{
    page_buf_t  b;

    page_tpl_buf(st, &b);
    page_tpl_json(&b, args[nargs - 1], 0);
    return page_tpl_ret_buf(st, PAGE_HTML, &b, res);
}


/* time.Format LAYOUT TIME / dateFormat LAYOUT TIME */
static int
page_tpl_f_dateformat(ARGS)
{
    const char    *layout, *s;
    size_t         llen, len;
    page_time_t    t;
    page_buf_t     b;
    page_value_t  *v = args[1];

    (void) nargs;
    if (page_tpl_arg_str(st, "dateFormat", args[0], &layout, &llen) != 0) {
        return -1;
    }

    if (v != NULL && v->type == PAGE_TIME) {
        t = v->u.t;
    } else if (page_tpl_str(v, &s, &len)
               && page_time_parse(s, len, &t) == 0)
    {
        /* a date string, as front matter writes them */
    } else {
        return page_tpl_fail(st, "dateFormat: unable to cast %s to "
                             "time.Time", page_tpl_tname(v));
    }

    page_tpl_time_layout(&layout, &llen);
    page_tpl_buf(st, &b);
    page_time_format(&b, &t, layout, llen);
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


static int
page_tpl_f_time(ARGS)
{
    const char  *s;
    size_t       len;
    page_time_t  t;

    (void) nargs;
    if (args[0] != NULL && args[0]->type == PAGE_TIME) {
        *res = args[0];
        return 0;
    }
    if (!page_tpl_str(args[0], &s, &len) || page_time_parse(s, len, &t) != 0)
    {
        return page_tpl_fail(st, "time: unable to parse date");
    }
    *res = page_value_time(st->arena, &t);
    return *res ? 0 : page_tpl_nomem(st);
}


/* ---- base64 ---- */

static const char  page_tpl_b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";


static int
page_tpl_f_b64enc(ARGS)
{
    const char     *s;
    size_t          len, i;
    unsigned char   a, b2, c;
    page_buf_t      b;

    (void) nargs;
    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    page_tpl_buf(st, &b);
    for (i = 0; i < len; i += 3) {
        a = (unsigned char) s[i];
        b2 = i + 1 < len ? (unsigned char) s[i + 1] : 0;
        c = i + 2 < len ? (unsigned char) s[i + 2] : 0;
        page_buf_putc(&b, page_tpl_b64[a >> 2]);
        page_buf_putc(&b, page_tpl_b64[((a & 3) << 4) | (b2 >> 4)]);
        page_buf_putc(&b, i + 1 < len
                      ? page_tpl_b64[((b2 & 15) << 2) | (c >> 6)] : '=');
        page_buf_putc(&b, i + 2 < len ? page_tpl_b64[c & 63] : '=');
    }
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


static int
page_tpl_f_b64dec(ARGS)
{
    const char    *s, *p;
    size_t         len, i;
    unsigned       acc, bits;
    page_buf_t     b;

    (void) nargs;
    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    page_tpl_buf(st, &b);
    acc = 0;
    bits = 0;
    for (i = 0; i < len; i++) {
        if (s[i] == '=') {
            break;
        }
        p = s[i] ? strchr(page_tpl_b64, s[i]) : NULL;
        if (p == NULL) {
            return page_tpl_fail(st, "base64Decode: illegal base64 data at "
                                 "input byte %zu", i);
        }
        acc = (acc << 6) | (unsigned) (p - page_tpl_b64);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            page_buf_putc(&b, (char) ((acc >> bits) & 0xff));
        }
    }
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/* ---- regular expressions (RE2 syntax mapped onto POSIX EREs) ---- */

/*
 * Longest pattern accepted: patterns come from templates, but a bound
 * keeps the compiled automaton (and its time) small.
 */
#define PAGE_TPL_MAX_REGEX  1024

/* Most matches findRE and replaceRE handle in one call. */
#define PAGE_TPL_MAX_MATCHES  10000

/* Submatches a replacement may refer to ($0 .. $9). */
#define PAGE_TPL_MAX_GROUPS  10

/*
 * Longest literal prefix the prefilter looks for: a longer one rules out
 * few more places in practice, and the bound keeps small the comparison
 * made wherever the prefix's first byte occurs.
 */
#define PAGE_TPL_RE_PREFIX  16

/* ERE metacharacters: the literal prefix of a pattern ends at them. */
#define PAGE_TPL_RE_META  "\\.[]()*+?{}|^$"

/* ERE quantifiers: the literal before them may match zero times. */
#define PAGE_TPL_RE_QUANT  "*+?{"


/*
 * A compiled pattern.  When every match of it starts with the same
 * literal bytes, its prefix, findRE and replaceRE look for these with
 * memchr() and try the pattern anchored there rather than have regexec()
 * restart its automaton at every byte a match could start with: the
 * default theme's `<h[12] id="...` is tried at each "<h" of the page,
 * not at each '<'.  A pattern with a prefix has no alternation, so "^"
 * pattern anchors all of it, and its groups keep their numbers.
 */
typedef struct {
    regex_t   re;                           /* when plen is 0 */
    regex_t   anchored;                     /* when plen > 0 */
    char      prefix[PAGE_TPL_RE_PREFIX];
    size_t    plen;                         /* 0: no prefilter */
} page_tpl_regex_t;


/*
 * Compiled patterns, kept for the life of the process: themes use a few
 * constant patterns on every request, and compiling one costs more than
 * matching it (glibc also keeps the DFA states it builds while matching
 * in the regex_t, so later matches get cheaper).  Bounded: once the table
 * is full, further patterns are compiled per call, without a prefilter,
 * and freed as before.  Templates run on one thread (an nginx worker,
 * the CLI).
 */
#define PAGE_TPL_RE_CACHE  32

typedef struct {
    char              *pattern;     /* as the template wrote it, less "(?i)" */
    size_t             len;
    int                flags;
    page_tpl_regex_t   rx;
} page_tpl_re_cache_t;

static page_tpl_re_cache_t  page_tpl_re_cache[PAGE_TPL_RE_CACHE];
static size_t               page_tpl_re_cached;


/* A cached compilation of pattern, or NULL. */
static page_tpl_regex_t *
page_tpl_re_lookup(const char *pattern, size_t len, int flags)
{
    size_t  i;

    for (i = 0; i < page_tpl_re_cached; i++) {
        if (page_tpl_re_cache[i].flags == flags
            && page_tpl_re_cache[i].len == len
            && memcmp(page_tpl_re_cache[i].pattern, pattern, len) == 0)
        {
            return &page_tpl_re_cache[i].rx;
        }
    }

    return NULL;
}


/*
 * Length of the literal that starts every match of ere, 0 when there is
 * none to rely on: ere starts with a metacharacter, or has an alternation
 * somewhere (an alternative may start with anything; a '|' inside a
 * bracket expression or escaped is not one, but rare enough to be
 * treated alike).  A literal that a quantifier follows is left out, all
 * bytes of its UTF-8 character: it may match zero times.  A prefix that
 * starts with a UTF-8 continuation byte is not used: in a multibyte
 * locale it could be found inside a character.
 */
static size_t
page_tpl_re_prefix(const char *ere)
{
    size_t  n;

    if (((unsigned char) ere[0] & 0xc0) == 0x80 || strchr(ere, '|') != NULL)
    {
        return 0;
    }

    n = strcspn(ere, PAGE_TPL_RE_META);

    if (ere[n] != '\0' && strchr(PAGE_TPL_RE_QUANT, ere[n]) != NULL) {
        while (n > 0 && ((unsigned char) ere[n - 1] & 0xc0) == 0x80) {
            n--;
        }
        if (n > 0) {
            n--;
        }
    }

    return n < PAGE_TPL_RE_PREFIX ? n : PAGE_TPL_RE_PREFIX;
}


/*
 * Keep a copy of the compiled *rx for pattern; returns it, or NULL when
 * the table is full (or memory short).
 */
static page_tpl_regex_t *
page_tpl_re_keep(const char *pattern, size_t len, int flags,
    const page_tpl_regex_t *rx)
{
    char                 *copy;
    page_tpl_re_cache_t  *e;

    if (page_tpl_re_cached == PAGE_TPL_RE_CACHE) {
        return NULL;
    }

    copy = malloc(len + 1);
    if (copy == NULL) {
        return NULL;
    }
    memcpy(copy, pattern, len);
    copy[len] = '\0';

    e = &page_tpl_re_cache[page_tpl_re_cached++];
    e->pattern = copy;
    e->len = len;
    e->flags = flags;
    e->rx = *rx;

    return &e->rx;
}


/*
 * pattern, translated into ere, compiled anchored with its prefilter and
 * kept; NULL when it has no prefix, does not compile, or is not kept
 * (the table full).  Such a pattern is not compiled unanchored: every
 * match is found at its prefix.  "^" ere compiles exactly when ere does
 * (ere starts with a literal), so errors are reported as before.  Not
 * for (?i) patterns: the prefix would have to be looked for in either
 * case.
 */
static page_tpl_regex_t *
page_tpl_re_anchored(const char *pattern, size_t len, int flags,
    const char *ere)
{
    char              *anchored;
    size_t             n, elen;
    int                rc;
    page_tpl_regex_t   rx, *kept;

    n = (flags & REG_ICASE) ? 0 : page_tpl_re_prefix(ere);
    if (n == 0 || page_tpl_re_cached == PAGE_TPL_RE_CACHE) {
        return NULL;
    }

    elen = strlen(ere);
    anchored = malloc(elen + 2);
    if (anchored == NULL) {
        return NULL;
    }
    anchored[0] = '^';
    memcpy(anchored + 1, ere, elen + 1);

    rc = regcomp(&rx.anchored, anchored, flags);
    free(anchored);
    if (rc != 0) {
        return NULL;
    }

    memcpy(rx.prefix, ere, n);
    rx.plen = n;

    kept = page_tpl_re_keep(pattern, len, flags, &rx);
    if (kept == NULL) {
        regfree(&rx.anchored);
    }

    return kept;
}


/* Release a pattern page_tpl_regcomp() returned. */
static void
page_tpl_regfree(page_tpl_regex_t *rx, page_tpl_regex_t *tmp)
{
    if (rx == tmp) {
        regfree(&tmp->re);
    }
}


/*
 * Translate the RE2 features themes use into an ERE: \d \w \s and their
 * negations, \. style escapes, a leading (?i).  Back-references and
 * other RE2-only syntax are refused.  *rx is the compiled pattern: a
 * cached one, or tmp; release it with page_tpl_regfree(*rx, tmp).
 */
static int
page_tpl_regcomp(page_tpl_state_t *st, const char *fn, page_value_t *v,
    page_tpl_regex_t **rx, page_tpl_regex_t *tmp)
{
    const char  *s, *rep;
    size_t       len, i;
    int          flags, rc;
    page_buf_t   b;
    char         c;

    if (page_tpl_arg_str(st, fn, v, &s, &len) != 0) {
        return -1;
    }

    if (len > PAGE_TPL_MAX_REGEX) {
        return page_tpl_fail(st, "%s: pattern too long", fn);
    }

    flags = REG_EXTENDED;
    if (len >= 4 && memcmp(s, "(?i)", 4) == 0) {
        flags |= REG_ICASE;
        s += 4;
        len -= 4;
    }

    /* the translation depends on the pattern alone: cached by it */
    *rx = page_tpl_re_lookup(s, len, flags);
    if (*rx != NULL) {
        return 0;
    }

    page_tpl_buf(st, &b);
    for (i = 0; i < len; i++) {
        c = s[i];
        if (c == '\0') {
            return page_tpl_fail(st, "%s: NUL in pattern", fn);
        }
        if (c != '\\' || i + 1 == len) {
            page_buf_putc(&b, c);
            continue;
        }
        c = s[++i];
        switch (c) {
        case 'd': rep = "[0-9]"; break;
        case 'D': rep = "[^0-9]"; break;
        case 'w': rep = "[0-9A-Za-z_]"; break;
        case 'W': rep = "[^0-9A-Za-z_]"; break;
        case 's': rep = "[\t\n\f\r ]"; break;
        case 'S': rep = "[^\t\n\f\r ]"; break;
        case 'n': rep = "\n"; break;
        case 't': rep = "\t"; break;
        default:
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z'))
            {
                return page_tpl_fail(st, "%s: unsupported escape \\%c in "
                                     "pattern", fn, c);
            }
            page_buf_putc(&b, '\\');
            page_buf_putc(&b, c);
            continue;
        }
        page_buf_puts(&b, rep);
    }

    if (page_buf_cstr(&b) == NULL) {
        return page_tpl_nomem(st);
    }

    *rx = page_tpl_re_anchored(s, len, flags, b.data);
    if (*rx != NULL) {
        return 0;
    }

    rc = regcomp(&tmp->re, b.data, flags);
    if (rc != 0) {
        char  msg[128];

        regerror(rc, &tmp->re, msg, sizeof(msg));
        return page_tpl_fail(st, "%s: bad pattern: %s", fn, msg);
    }
    tmp->plen = 0;

    *rx = page_tpl_re_keep(s, len, flags, tmp);
    if (*rx == NULL) {
        *rx = tmp;
    }

    return 0;
}


/*
 * The input of findRE and replaceRE, s[0, *len): it ends at its first
 * NUL byte, as when regexec() was handed C strings.
 */
static const char *
page_tpl_re_input(const char *s, size_t *len)
{
    const char  *nul;

    if (s == NULL) {
        *len = 0;
        return "";
    }

    nul = memchr(s, '\0', *len);
    if (nul != NULL) {
        *len = (size_t) (nul - s);
    }

    return s;
}


/*
 * Run re on s[off, len) as if the string began at off, with eflags: 0
 * and the submatches m[0 .. nmatch) as offsets into s, or 1 when there
 * is no match.
 */
static int
page_tpl_re_exec(const regex_t *re, const char *s, size_t len, size_t off,
    int eflags, size_t nmatch, regmatch_t *m)
{
    size_t  i;

    m[0].rm_so = 0;
    m[0].rm_eo = (regoff_t) (len - off);

    if (regexec(re, s + off, nmatch, m, eflags | REG_STARTEND) != 0) {
        return 1;
    }

    for (i = 0; i < nmatch; i++) {
        if (m[i].rm_so >= 0) {
            m[i].rm_so += (regoff_t) off;
            m[i].rm_eo += (regoff_t) off;
        }
    }

    return 0;
}


/* The first place at or after off where rx's prefix occurs in s, or len. */
static size_t
page_tpl_re_candidate(const page_tpl_regex_t *rx, const char *s,
    size_t len, size_t off)
{
    const char  *p;

    while (len - off >= rx->plen) {
        p = memchr(s + off, rx->prefix[0], len - off - rx->plen + 1);
        if (p == NULL) {
            break;
        }
        if (memcmp(p + 1, rx->prefix + 1, rx->plen - 1) == 0) {
            return (size_t) (p - s);
        }
        off = (size_t) (p - s) + 1;
    }

    return len;
}


/*
 * The first match of rx in s[off, len), with matching restarted at off
 * (REG_NOTBOL past 0): 0 with m[0 .. nmatch) as offsets into s, or 1.
 *
 * The prefilter tries the anchored pattern at each place the prefix
 * occurs, in order, so it finds the leftmost match, and the longest
 * there, as the plain scan does.  Its cost is bounded by the scan's:
 * regexec() starts its automaton at every place a match could start (the
 * prefix's first byte is one) and runs it as far as the anchored pattern
 * runs from there, so the prefilter does a part of that work plus, per
 * place, a memchr() and the set-up of a regexec() call.  At worst, when
 * every '<' starts a "<h" that fails at once ("<hr><hr>..." for the
 * theme's `<h[12]...`), that is about 1.5 times the scan's cost: no
 * budget or fallback is needed.  Input on which the automaton runs far
 * from many places before failing (`<h[^>]*x` on "<h<h<h...") is
 * quadratic for both alike: that is glibc's matcher.
 */
static int
page_tpl_re_find(const page_tpl_regex_t *rx, const char *s, size_t len,
    size_t off, size_t nmatch, regmatch_t *m)
{
    if (rx->plen == 0) {
        return page_tpl_re_exec(&rx->re, s, len, off,
                                off > 0 ? REG_NOTBOL : 0, nmatch, m);
    }

    for ( ;; ) {
        off = page_tpl_re_candidate(rx, s, len, off);
        if (off == len) {
            return 1;                   /* every match starts with it */
        }
        if (page_tpl_re_exec(&rx->anchored, s, len, off, 0, nmatch, m) == 0)
        {
            return 0;
        }
        off++;
    }
}


/* findRE PATTERN INPUT [LIMIT] */
static int
page_tpl_f_findre(ARGS)
{
    const char        *s;
    size_t             len, off;
    int64_t            limit, n;
    page_tpl_regex_t   tmp, *rx;
    regmatch_t         m;
    page_value_t      *l, *v;
    int                rc;

    if (page_tpl_text(st, args[1], &s, &len) != 0) {
        return -1;
    }
    limit = -1;
    if (nargs == 3 && page_tpl_to_int(st, "findRE", args[2], &limit) != 0) {
        return -1;
    }

    l = page_tpl_list_new(st);
    if (l == NULL) {
        return page_tpl_nomem(st);
    }

    if (page_tpl_regcomp(st, "findRE", args[0], &rx, &tmp) != 0) {
        return -1;
    }

    s = page_tpl_re_input(s, &len);

    rc = 0;
    off = 0;
    for (n = 0; (limit < 0 || n < limit) && n < PAGE_TPL_MAX_MATCHES
                && off <= len; n++)
    {
        if (page_tpl_re_find(rx, s, len, off, 1, &m) != 0) {
            break;
        }
        v = page_value_string(st->arena, s + m.rm_so,
                              (size_t) (m.rm_eo - m.rm_so));
        if (v == NULL || page_tpl_push(st, l, v) != 0) {
            rc = page_tpl_nomem(st);
            break;
        }
        off = (size_t) (m.rm_eo > m.rm_so ? m.rm_eo : m.rm_so + 1);
    }

    page_tpl_regfree(rx, &tmp);
    *res = l;
    return rc;
}


/* Append repl with $1, ${1} expanded from the match at base. */
static void
page_tpl_expand(page_buf_t *b, const char *repl, size_t rlen,
    const char *base, const regmatch_t *m)
{
    size_t  i, k;
    int     g;

    for (i = 0; i < rlen; i++) {
        if (repl[i] != '$' || i + 1 == rlen) {
            page_buf_putc(b, repl[i]);
            continue;
        }
        k = i + 1;
        if (repl[k] == '$') {
            page_buf_putc(b, '$');
            i = k;
            continue;
        }
        if (repl[k] == '{' && k + 2 < rlen && repl[k + 1] >= '0'
            && repl[k + 1] <= '9' && repl[k + 2] == '}')
        {
            g = repl[k + 1] - '0';
            i = k + 2;
        } else if (repl[k] >= '0' && repl[k] <= '9') {
            g = repl[k] - '0';
            i = k;
        } else {
            page_buf_putc(b, '$');
            continue;
        }
        if (m[g].rm_so >= 0) {
            page_buf_append(b, base + m[g].rm_so,
                            (size_t) (m[g].rm_eo - m[g].rm_so));
        }
    }
}


/*
 * Submatches the replacement refers to ($N, ${N}) plus the whole match:
 * glibc's regexec() is about eight times cheaper when asked for the
 * whole match alone.
 */
static size_t
page_tpl_groups(const char *repl, size_t rlen)
{
    size_t  i, n, g;

    n = 1;

    for (i = 0; i + 1 < rlen; i++) {
        if (repl[i] != '$') {
            continue;
        }
        if (repl[i + 1] == '$') {
            i++;
            continue;
        }
        if (repl[i + 1] >= '0' && repl[i + 1] <= '9') {
            g = (size_t) (repl[i + 1] - '0');
        } else if (repl[i + 1] == '{' && i + 3 < rlen
                   && repl[i + 2] >= '0' && repl[i + 2] <= '9'
                   && repl[i + 3] == '}')
        {
            g = (size_t) (repl[i + 2] - '0');
        } else {
            continue;
        }
        if (g + 1 > n) {
            n = g + 1;
        }
    }

    return n;
}


/* replaceRE PATTERN REPLACEMENT INPUT [LIMIT] */
static int
page_tpl_f_replacere(ARGS)
{
    const char        *s, *repl;
    size_t             len, rlen, off, groups;
    int64_t            limit, n;
    page_tpl_regex_t   tmp, *rx;
    regmatch_t         m[PAGE_TPL_MAX_GROUPS];
    page_buf_t         b;

    if (page_tpl_text(st, args[1], &repl, &rlen) != 0
        || page_tpl_text(st, args[2], &s, &len) != 0)
    {
        return -1;
    }
    limit = -1;
    if (nargs == 4 && page_tpl_to_int(st, "replaceRE", args[3], &limit) != 0)
    {
        return -1;
    }

    if (page_tpl_regcomp(st, "replaceRE", args[0], &rx, &tmp) != 0) {
        return -1;
    }

    s = page_tpl_re_input(s, &len);
    groups = page_tpl_groups(repl, rlen);

    page_tpl_buf(st, &b);
    off = 0;
    for (n = 0; (limit < 0 || n < limit) && n < PAGE_TPL_MAX_MATCHES
                && off <= len; n++)
    {
        if (page_tpl_re_find(rx, s, len, off, groups, m) != 0) {
            break;
        }
        page_buf_append(&b, s + off, (size_t) m[0].rm_so - off);
        page_tpl_expand(&b, repl, rlen, s, m);
        if (m[0].rm_eo == m[0].rm_so) {
            /* an empty match: keep one character and move on */
            if ((size_t) m[0].rm_eo < len) {
                page_buf_putc(&b, s[m[0].rm_eo]);
            }
            off = (size_t) m[0].rm_eo + 1;
        } else {
            off = (size_t) m[0].rm_eo;
        }
    }

    if (off < len) {
        page_buf_append(&b, s + off, len - off);
    }

    page_tpl_regfree(rx, &tmp);
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/* querify KEY VALUE ... : a URL query string, keys sorted as Go does */
static int
page_tpl_f_querify(ARGS)
{
    size_t          i, j, n;
    const char     *k, *v;
    size_t          klen, vlen;
    page_buf_t      b;
    page_value_t  **kv, **p, *tk, *tv;

    kv = args;
    n = nargs;
    if (nargs == 1 && args[0] != NULL && args[0]->type == PAGE_LIST) {
        kv = args[0]->u.list.items;
        n = args[0]->u.list.n;
    }
    if (n % 2 != 0) {
        return page_tpl_fail(st, "querify: odd number of arguments");
    }

    p = page_arena_alloc(st->arena, (n + 1) * sizeof(*p));
    if (p == NULL) {
        return page_tpl_nomem(st);
    }
    if (n > 0) {
        memcpy(p, kv, n * sizeof(*p));
    }

    /* selection sort of the pairs by key; n is small */
    for (i = 0; i < n; i += 2) {
        for (j = i + 2; j < n; j += 2) {
            if (page_tpl_compare(p[j], p[i]) == -1) {
                tk = p[i];
                tv = p[i + 1];
                p[i] = p[j];
                p[i + 1] = p[j + 1];
                p[j] = tk;
                p[j + 1] = tv;
            }
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

/* ---- sets, paths, URLs, counting ---- */

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


/* mode 0 intersect, 1 union, 2 complement (last arg minus the others) */
static int
page_tpl_setop(page_tpl_state_t *st, const char *fn, int mode,
    page_value_t **args, size_t nargs, page_value_t **res)
{
    size_t         i, k;
    page_value_t  *l, *a, *b, *item;

    for (k = 0; k < nargs; k++) {
        if (args[k] != NULL && args[k]->type != PAGE_LIST
            && args[k]->type != PAGE_NIL)
        {
            return page_tpl_fail(st, "%s: expected a slice, got %s", fn,
                                 page_tpl_tname(args[k]));
        }
    }

    l = page_tpl_list_new(st);
    if (l == NULL) {
        return -1;
    }

    a = mode == 2 ? args[nargs - 1] : args[0];
    b = mode == 2 ? NULL : args[1];

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


static int
page_tpl_f_intersect(ARGS)
{
    return page_tpl_setop(st, "intersect", 0, args, nargs, res);
}


static int
page_tpl_f_union(ARGS)
{
    return page_tpl_setop(st, "union", 1, args, nargs, res);
}


static int
page_tpl_f_complement(ARGS)
{
    return page_tpl_setop(st, "complement", 2, args, nargs, res);
}


/* path.Base, path.Dir, path.Ext as Go's path package does them */
static int
page_tpl_path_part(page_tpl_state_t *st, page_value_t *v, int part,
    page_value_t **res)
{
    const char  *s;
    size_t       len, i, slash;

    if (page_tpl_arg_str(st, "path", v, &s, &len) != 0) {
        return -1;
    }

    while (len > 1 && s[len - 1] == '/') {
        len--;                          /* trailing slashes go */
    }

    slash = len;
    for (i = len; i-- > 0; ) {
        if (s[i] == '/') {
            slash = i;
            break;
        }
    }

    if (part == 0) {                    /* Base */
        if (len == 0) {
            return page_tpl_ret_str(st, PAGE_STRING, ".", 1, res);
        }
        if (slash == len || (len == 1 && s[0] == '/')) {
            return page_tpl_ret_str(st, PAGE_STRING, s, len, res);
        }
        return page_tpl_ret_str(st, PAGE_STRING, s + slash + 1,
                                len - slash - 1, res);
    }

    if (part == 1) {                    /* Dir */
        if (slash == len) {
            return page_tpl_ret_str(st, PAGE_STRING, ".", 1, res);
        }
        if (slash == 0) {
            return page_tpl_ret_str(st, PAGE_STRING, "/", 1, res);
        }
        return page_tpl_ret_str(st, PAGE_STRING, s, slash, res);
    }

    for (i = len; i-- > 0 && s[i] != '/'; ) {     /* Ext */
        if (s[i] == '.') {
            return page_tpl_ret_str(st, PAGE_STRING, s + i, len - i, res);
        }
    }
    return page_tpl_ret_str(st, PAGE_STRING, "", 0, res);
}


static int
page_tpl_f_pathbase(ARGS)
{
    (void) nargs;
    return page_tpl_path_part(st, args[0], 0, res);
}


static int
page_tpl_f_pathdir(ARGS)
{
    (void) nargs;
    return page_tpl_path_part(st, args[0], 1, res);
}


static int
page_tpl_f_pathext(ARGS)
{
    (void) nargs;
    return page_tpl_path_part(st, args[0], 2, res);
}


/* path.Join: elements joined by '/', empty ones skipped, "//" folded */
static int
page_tpl_f_pathjoin(ARGS)
{
    size_t       i, k;
    const char  *s;
    size_t       len;
    page_buf_t   b;

    page_tpl_buf(st, &b);
    for (i = 0; i < nargs; i++) {
        if (page_tpl_arg_str(st, "path.Join", args[i], &s, &len) != 0) {
            return -1;
        }
        if (len == 0) {
            continue;
        }
        if (b.len > 0 && b.data[b.len - 1] != '/') {
            page_buf_putc(&b, '/');
        }
        for (k = 0; k < len; k++) {
            if (s[k] == '/' && b.len > 0 && b.data[b.len - 1] == '/') {
                continue;
            }
            page_buf_putc(&b, s[k]);
        }
    }
    while (b.len > 1 && b.data[b.len - 1] == '/') {
        b.len--;
    }
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/* urls.Parse: the parts of a URL as a map (Scheme, Host, Path, ...) */
static int
page_tpl_f_urlparse(ARGS)
{
    const char    *s, *p, *end, *q;
    size_t         len;
    page_value_t  *m;
    const char    *names[] = { "Scheme", "Host", "Path", "RawQuery",
                               "Fragment" };
    const char    *part[5];
    size_t         plen[5], i;

    (void) nargs;
    if (page_tpl_arg_str(st, "urls.Parse", args[0], &s, &len) != 0) {
        return -1;
    }

    for (i = 0; i < 5; i++) {
        part[i] = "";
        plen[i] = 0;
    }

    p = s;
    end = s + len;

    q = memchr(p, '#', (size_t) (end - p));
    if (q != NULL) {
        part[4] = q + 1;
        plen[4] = (size_t) (end - q - 1);
        end = q;
    }
    q = memchr(p, '?', (size_t) (end - p));
    if (q != NULL) {
        part[3] = q + 1;
        plen[3] = (size_t) (end - q - 1);
        end = q;
    }
    for (q = p; q < end && *q != '/' && *q != ':'; q++) {
        /* a scheme ends at the first ':' before any '/' */
    }
    if (q < end && *q == ':' && q > p) {
        part[0] = p;
        plen[0] = (size_t) (q - p);
        p = q + 1;
    }
    if (end - p >= 2 && p[0] == '/' && p[1] == '/') {
        p += 2;
        for (q = p; q < end && *q != '/'; q++) {
            /* the host runs to the path */
        }
        part[1] = p;
        plen[1] = (size_t) (q - p);
        p = q;
    }
    part[2] = p;
    plen[2] = (size_t) (end - p);

    m = page_value_map(st->arena);
    if (m == NULL) {
        return page_tpl_nomem(st);
    }
    for (i = 0; i < 5; i++) {
        if (page_map_set(st->arena, m, names[i], strlen(names[i]),
                         page_value_string(st->arena, part[i], plen[i]))
            != 0)
        {
            return page_tpl_nomem(st);
        }
    }

    *res = m;
    return 0;
}


static int
page_tpl_f_countwords(ARGS)
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
page_tpl_f_countrunes(ARGS)
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
page_tpl_f_firstupper(ARGS)
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
page_tpl_f_max(ARGS)
{
    return page_tpl_minmax(st, args, nargs, 1, res);
}


static int
page_tpl_f_min(ARGS)
{
    return page_tpl_minmax(st, args, nargs, 0, res);
}


static int
page_tpl_f_abs(ARGS)
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
page_tpl_f_sqrt(ARGS)
{
    (void) nargs;
    return page_tpl_f_math1(st, args[0], sqrt, res);
}


static int
page_tpl_f_pow(ARGS)
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
page_tpl_f_modbool(ARGS)
{
    page_value_t  *r;

    if (page_tpl_arith(st, "math.ModBool", '%', args, nargs, &r) != 0) {
        return -1;
    }
    return page_tpl_ret_bool(st, r->u.i == 0, res);
}


/* ---- the table ---- */

const page_tpl_func_t  page_tpl_builtin_funcs[] = {
    /* Go's builtins ("and" and "or" are handled by the executor) */
    { "not", page_tpl_f_not, 1, 1 },
    { "len", page_tpl_f_len, 1, 1 },
    { "index", page_tpl_f_index, 1, -1 },
    { "print", page_tpl_f_print, 0, -1 },
    { "printf", page_tpl_f_printf, 1, -1 },
    { "println", page_tpl_f_println, 0, -1 },
    { "html", page_tpl_f_html, 0, -1 },
    { "js", page_tpl_f_js, 0, -1 },
    { "urlquery", page_tpl_f_urlquery, 0, -1 },
    { "eq", page_tpl_f_eq, 1, -1 },
    { "ne", page_tpl_f_ne, 2, 2 },
    { "lt", page_tpl_f_lt, 2, 2 },
    { "le", page_tpl_f_le, 2, 2 },
    { "gt", page_tpl_f_gt, 2, 2 },
    { "ge", page_tpl_f_ge, 2, 2 },

    /* Hugo, tier B */
    { "default", page_tpl_f_default, 1, 2 },
    { "cond", page_tpl_f_cond, 3, 3 },
    { "dict", page_tpl_f_dict, 0, -1 },
    { "slice", page_tpl_f_slice, 0, -1 },
    { "safeHTML", page_tpl_f_safehtml, 1, 1 },
    { "safeHTMLAttr", page_tpl_f_safeattr, 1, 1 },
    { "safeURL", page_tpl_f_safeurl, 1, 1 },
    { "safeCSS", page_tpl_f_safecss, 1, 1 },
    { "safeJS", page_tpl_f_safejs, 1, 1 },
    { "markdownify", page_tpl_f_markdownify, 1, 1 },
    { "errorf", page_tpl_f_errorf, 1, -1 },
    { "warnf", page_tpl_f_warnf, 1, -1 },
    { "in", page_tpl_f_in, 2, 2 },
    { "trim", page_tpl_f_trim, 2, 2 },
    { "lower", page_tpl_f_lower, 1, 1 },
    { "upper", page_tpl_f_upper, 1, 1 },
    { "split", page_tpl_f_split, 2, 2 },
    { "delimit", page_tpl_f_delimit, 2, 3 },
    { "replace", page_tpl_f_replace, 3, 4 },
    { "relURL", page_tpl_f_relurl, 1, 1 },
    { "absURL", page_tpl_f_absurl, 1, 1 },
    { "append", page_tpl_f_append, 2, -1 },
    { "merge", page_tpl_f_merge, 2, -1 },
    { "add", page_tpl_f_add, 2, -1 },
    { "sub", page_tpl_f_sub, 2, -1 },
    { "int", page_tpl_f_int, 1, 1 },
    { "string", page_tpl_f_string, 1, 1 },
    { "hasPrefix", page_tpl_f_hasprefix, 2, 2 },
    { "hasSuffix", page_tpl_f_hassuffix, 2, 2 },
    { "isset", page_tpl_f_isset, 2, 2 },
    { "T", page_tpl_f_i18n, 1, 2 },
    { "i18n", page_tpl_f_i18n, 1, 2 },
    { "jsonify", page_tpl_f_jsonify, 1, 2 },

    /* Hugo, tier D */
    { "mul", page_tpl_f_mul, 2, -1 },
    { "div", page_tpl_f_div, 2, -1 },
    { "mod", page_tpl_f_mod, 2, 2 },
    { "float", page_tpl_f_float, 1, 1 },
    { "math.Add", page_tpl_f_add, 2, -1 },
    { "math.Sub", page_tpl_f_sub, 2, -1 },
    { "math.Mul", page_tpl_f_mul, 2, -1 },
    { "math.Div", page_tpl_f_div, 2, -1 },
    { "math.Mod", page_tpl_f_mod, 2, 2 },
    { "math.Floor", page_tpl_f_floor, 1, 1 },
    { "math.Ceil", page_tpl_f_ceil, 1, 1 },
    { "math.Round", page_tpl_f_round, 1, 1 },
    { "seq", page_tpl_f_seq, 1, 3 },
    { "first", page_tpl_f_first, 2, 2 },
    { "last", page_tpl_f_last, 2, 2 },
    { "after", page_tpl_f_after, 2, 2 },
    { "uniq", page_tpl_f_uniq, 1, 1 },
    { "sort", page_tpl_f_sort, 1, 3 },
    { "where", page_tpl_f_where, 3, 4 },
    { "collections.Reverse", page_tpl_f_reverse, 1, 1 },
    { "substr", page_tpl_f_substr, 2, 3 },
    { "title", page_tpl_f_title, 1, 1 },
    { "humanize", page_tpl_f_humanize, 1, 1 },
    { "anchorize", page_tpl_f_anchorize, 1, 1 },
    { "plainify", page_tpl_f_plainify, 1, 1 },
    { "htmlEscape", page_tpl_f_htmlescape, 1, 1 },
    { "htmlUnescape", page_tpl_f_htmlunescape, 1, 1 },
    { "chomp", page_tpl_f_chomp, 1, 1 },
    { "truncate", page_tpl_f_truncate, 2, 3 },
    { "base64Encode", page_tpl_f_b64enc, 1, 1 },
    { "base64Decode", page_tpl_f_b64dec, 1, 1 },
    { "dateFormat", page_tpl_f_dateformat, 2, 2 },
    { "time.Format", page_tpl_f_dateformat, 2, 2 },
    { "time", page_tpl_f_time, 1, 1 },
    { "now", page_tpl_f_now, 0, 0 },
    { "intersect", page_tpl_f_intersect, 2, 2 },
    { "union", page_tpl_f_union, 2, 2 },
    { "complement", page_tpl_f_complement, 2, -1 },
    { "collections.Intersect", page_tpl_f_intersect, 2, 2 },
    { "collections.Union", page_tpl_f_union, 2, 2 },
    { "collections.Complement", page_tpl_f_complement, 2, -1 },
    { "path.Base", page_tpl_f_pathbase, 1, 1 },
    { "path.Dir", page_tpl_f_pathdir, 1, 1 },
    { "path.Ext", page_tpl_f_pathext, 1, 1 },
    { "path.Join", page_tpl_f_pathjoin, 0, -1 },
    { "urls.Parse", page_tpl_f_urlparse, 1, 1 },
    { "countwords", page_tpl_f_countwords, 1, 1 },
    { "countrunes", page_tpl_f_countrunes, 1, 1 },
    { "strings.CountWords", page_tpl_f_countwords, 1, 1 },
    { "strings.CountRunes", page_tpl_f_countrunes, 1, 1 },
    { "strings.FirstUpper", page_tpl_f_firstupper, 1, 1 },
    { "math.Max", page_tpl_f_max, 1, -1 },
    { "math.Min", page_tpl_f_min, 1, -1 },
    { "math.Abs", page_tpl_f_abs, 1, 1 },
    { "math.Sqrt", page_tpl_f_sqrt, 1, 1 },
    { "math.Pow", page_tpl_f_pow, 2, 2 },
    { "math.ModBool", page_tpl_f_modbool, 2, 2 },
    { "modBool", page_tpl_f_modbool, 2, 2 },
    { "md5", page_tpl_f_md5, 1, 1 },
    { "sha1", page_tpl_f_sha1, 1, 1 },
    { "sha256", page_tpl_f_sha256, 1, 1 },
    { "crypto.MD5", page_tpl_f_md5, 1, 1 },
    { "crypto.SHA1", page_tpl_f_sha1, 1, 1 },
    { "crypto.SHA256", page_tpl_f_sha256, 1, 1 },
    { "findRE", page_tpl_f_findre, 2, 3 },
    { "replaceRE", page_tpl_f_replacere, 3, 4 },
    { "strings.FindRE", page_tpl_f_findre, 2, 3 },
    { "strings.ReplaceRE", page_tpl_f_replacere, 3, 4 },
    { "querify", page_tpl_f_querify, 0, -1 },
    { "collections.Querify", page_tpl_f_querify, 0, -1 },
    { "time.Now", page_tpl_f_now, 0, 0 },
    { "strings.ToLower", page_tpl_f_lower, 1, 1 },
    { "strings.ToUpper", page_tpl_f_upper, 1, 1 },
    { "strings.Title", page_tpl_f_title, 1, 1 },
    { "strings.Trim", page_tpl_f_trim, 2, 2 },
    { "strings.TrimSpace", page_tpl_f_trimspace, 1, 1 },
    { "strings.TrimLeft", page_tpl_f_trimleft, 2, 2 },
    { "strings.TrimRight", page_tpl_f_trimright, 2, 2 },
    { "strings.TrimPrefix", page_tpl_f_trimprefix, 2, 2 },
    { "strings.TrimSuffix", page_tpl_f_trimsuffix, 2, 2 },
    { "strings.HasPrefix", page_tpl_f_hasprefix, 2, 2 },
    { "strings.HasSuffix", page_tpl_f_hassuffix, 2, 2 },
    { "strings.Contains", page_tpl_f_contains, 2, 2 },
    { "strings.Count", page_tpl_f_count, 2, 2 },
    { "strings.Split", page_tpl_f_split, 2, 2 },
    { "strings.Replace", page_tpl_f_replace, 3, 4 },
    { "strings.Repeat", page_tpl_f_repeat, 2, 2 },
    { "strings.Chomp", page_tpl_f_chomp, 1, 1 },
    { "strings.Substr", page_tpl_f_substr, 2, 3 },
    { "strings.Truncate", page_tpl_f_truncate, 2, 3 },
    { "urls.Anchorize", page_tpl_f_anchorize, 1, 1 },
    { "urls.RelURL", page_tpl_f_relurl, 1, 1 },
    { "urls.AbsURL", page_tpl_f_absurl, 1, 1 },
    { "encoding.Jsonify", page_tpl_f_jsonify, 1, 2 },
    { "transform.Markdownify", page_tpl_f_markdownify, 1, 1 },
    { "transform.Plainify", page_tpl_f_plainify, 1, 1 },
    { "collections.Dictionary", page_tpl_f_dict, 0, -1 },
    { "collections.Slice", page_tpl_f_slice, 0, -1 },
    { "collections.Index", page_tpl_f_index, 1, -1 },
    { "collections.Where", page_tpl_f_where, 3, 4 },
    { "collections.Sort", page_tpl_f_sort, 1, 3 },
    { "collections.First", page_tpl_f_first, 2, 2 },
    { "collections.Last", page_tpl_f_last, 2, 2 },
    { "collections.Uniq", page_tpl_f_uniq, 1, 1 },
    { "collections.Append", page_tpl_f_append, 2, -1 },
    { "collections.Merge", page_tpl_f_merge, 2, -1 },
    { "collections.Seq", page_tpl_f_seq, 1, 3 },
    { "collections.Delimit", page_tpl_f_delimit, 2, 3 },
    { "collections.In", page_tpl_f_in, 2, 2 },
    { "collections.IsSet", page_tpl_f_isset, 2, 2 },
    { "cast.ToInt", page_tpl_f_int, 1, 1 },
    { "cast.ToString", page_tpl_f_string, 1, 1 },
    { "cast.ToFloat", page_tpl_f_float, 1, 1 },
    { "safe.HTML", page_tpl_f_safehtml, 1, 1 },
    { "safe.HTMLAttr", page_tpl_f_safeattr, 1, 1 },
    { "safe.URL", page_tpl_f_safeurl, 1, 1 },
    { "safe.CSS", page_tpl_f_safecss, 1, 1 },
    { "safe.JS", page_tpl_f_safejs, 1, 1 },
    { "fmt.Errorf", page_tpl_f_errorf, 1, -1 },
    { "fmt.Warnf", page_tpl_f_warnf, 1, -1 },
    { "fmt.Printf", page_tpl_f_printf, 1, -1 },
    { "fmt.Print", page_tpl_f_print, 0, -1 },
    { "fmt.Println", page_tpl_f_println, 0, -1 },
    { "lang.Translate", page_tpl_f_i18n, 1, 2 },
    { "compare.Default", page_tpl_f_default, 1, 2 },
    { "compare.Conditional", page_tpl_f_cond, 3, 3 }
};

const size_t  page_tpl_nbuiltin_funcs =
    sizeof(page_tpl_builtin_funcs) / sizeof(page_tpl_builtin_funcs[0]);
