/*
 * page_fn_fmt: Hugo's fmt namespace (tpl/fmt): print, printf, println,
 * errorf, erroridf, warnf, warnidf; and the printing they share with the
 * engine: Go's fmt.Sprint spacing rule, the fmt.Sprintf verbs, flags,
 * widths, precisions and argument indexes with Go's error forms
 * (%!d(string=x), %!d(MISSING), %!(EXTRA ...), %!d(BADINDEX)), and Go's
 * syntax for a value (%#v: map[string]interface {}{"a":1}).
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page_fn.h"
#include "page_utf8.h"

/*
 * Largest width or precision taken: Go refuses numbers above 1e6 in a
 * format ("%!(NOVERB)" / BADWIDTH); the output cap bounds the rest.
 */
#define PAGE_FN_FMT_MAX_NUM  1000000

/* Deepest nesting of lists and maps printed (front matter is bounded). */
#define PAGE_FN_FMT_MAX_DEPTH  64

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
    unsigned  minus:1, plus:1, sharp:1, space:1, zero:1, sharpv:1;
    int       wid, prec;                /* -1: not given */
} page_fmt_t;


/* ---- padding ---- */

static size_t
page_fmt_runes(const char *s, size_t len)
{
    size_t  i, n;

    n = 0;
    for (i = 0; i < len; i++) {
        n += ((unsigned char) s[i] & 0xc0) != 0x80;
    }
    return n;
}


static void
page_fmt_fill(page_buf_t *b, size_t n, char c)
{
    while (n-- > 0) {
        page_buf_putc(b, c);
    }
}


/* Go's fmt.pad: to the width in runes, zeros or spaces on the left. */
static void
page_fmt_pad(page_buf_t *b, const page_fmt_t *f, const char *s, size_t len)
{
    size_t  runes, w;

    w = f->wid > 0 ? (size_t) f->wid : 0;
    if (w <= len / 4) {
        page_buf_append(b, s, len);     /* wider than asked in any case */
        return;
    }
    runes = page_fmt_runes(s, len);

    if (runes >= w) {
        page_buf_append(b, s, len);
        return;
    }

    if (f->minus) {
        page_buf_append(b, s, len);
        page_fmt_fill(b, w - runes, ' ');
        return;
    }

    page_fmt_fill(b, w - runes, f->zero ? '0' : ' ');
    page_buf_append(b, s, len);
}


static void
page_fmt_pads(page_buf_t *b, const page_fmt_t *f, const char *s)
{
    page_fmt_pad(b, f, s, strlen(s));
}


/* ---- quoting (strconv) ---- */

/* Is r printable as strconv.IsPrint says (an approximation of its
 * tables: controls, surrogates, non-characters and the format
 * characters text uses are not). */
static int
page_fmt_isprint(uint32_t r)
{
    if (r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0xad) {
        return 0;
    }
    if ((r >= 0x200b && r <= 0x200f) || (r >= 0x2028 && r <= 0x202e)
        || (r >= 0x2060 && r <= 0x206f) || r == 0xfeff
        || (r >= 0xd800 && r <= 0xdfff) || (r >= 0xfff9 && r <= 0xfffb)
        || (r & 0xfffe) == 0xfffe || r > 0x10ffff
        || (r >= 0xe000 && r <= 0xf8ff) || r >= 0xf0000)
    {
        return 0;
    }
    return 1;
}


/* One rune as strconv.Quote writes it inside quotes q. */
static void
page_fmt_quote_rune(page_buf_t *b, uint32_t r, size_t w, const char *raw,
    char q, int ascii)
{
    if (w == 1 && r == 0xfffd) {
        page_buf_printf(b, "\\x%02x", (unsigned char) raw[0]);
        return;
    }
    if (r == (uint32_t) q || r == '\\') {
        page_buf_putc(b, '\\');
        page_buf_putc(b, (char) r);
        return;
    }
    if (ascii ? (r < 0x7f && r >= 0x20) : page_fmt_isprint(r)) {
        page_buf_append(b, raw, w);
        return;
    }
    switch (r) {
    case '\a': page_buf_puts(b, "\\a"); return;
    case '\b': page_buf_puts(b, "\\b"); return;
    case '\f': page_buf_puts(b, "\\f"); return;
    case '\n': page_buf_puts(b, "\\n"); return;
    case '\r': page_buf_puts(b, "\\r"); return;
    case '\t': page_buf_puts(b, "\\t"); return;
    case '\v': page_buf_puts(b, "\\v"); return;
    }
    if (r < ' ' || r == 0x7f) {
        page_buf_printf(b, "\\x%02x", (unsigned) r);
    } else if (r < 0x10000) {
        page_buf_printf(b, "\\u%04x", (unsigned) r);
    } else {
        page_buf_printf(b, "\\U%08x", (unsigned) r);
    }
}


/* strconv.Quote (ascii: QuoteToASCII), as %q writes a string. */
void
page_fn_quote(page_buf_t *b, const char *s, size_t len, int ascii)
{
    size_t    i, w;
    uint32_t  r;

    page_buf_putc(b, '"');
    for (i = 0; i < len; i += w) {
        w = page_utf8_decode(s + i, len - i, &r);
        page_fmt_quote_rune(b, r, w, s + i, '"', ascii);
    }
    page_buf_putc(b, '"');
}


/* strconv.CanBackquote. */
static int
page_fmt_can_backquote(const char *s, size_t len)
{
    size_t    i, w;
    uint32_t  r;

    for (i = 0; i < len; i += w) {
        w = page_utf8_decode(s + i, len - i, &r);
        if ((w == 1 && r == 0xfffd) || r == '`' || r == 0xfeff
            || (r < ' ' && r != '\t') || r == 0x7f)
        {
            return 0;
        }
    }
    return 1;
}


/* ---- Go's syntax (%#v) ---- */

static const char  *page_fmt_months[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"
};


static void
page_fmt_gosyntax_depth(page_buf_t *b, const page_value_t *v, int depth,
    int in_iface)
{
    size_t        i;
    page_pair_t  *pairs;
    page_tm_t     tm;

    if (v == NULL || v->type == PAGE_NIL) {
        page_buf_puts(b, in_iface ? "interface {}(nil)" : "<nil>");
        return;
    }
    if (depth > PAGE_FN_FMT_MAX_DEPTH) {
        page_buf_puts(b, "...");
        return;
    }

    if (page_tpl_is_str(v)) {
        page_fn_quote(b, v->u.s.data, v->u.s.len, 0);
        return;
    }

    switch (v->type) {
    case PAGE_BOOL:
    case PAGE_INT:
    case PAGE_FLOAT:
        page_value_print(b, v);
        return;

    case PAGE_TIME:
        page_time_breakdown(&v->u.t, &tm);
        page_buf_printf(b, "time.Date(%lld, time.%s, %d, %d, %d, %d, %d, %s)",
                        (long long) tm.year, page_fmt_months[tm.month - 1],
                        tm.day, tm.hour, tm.min, tm.sec, (int) tm.nsec,
                        v->u.t.offset == 0 ? "time.UTC"
                                           : "time.Location(\"\")");
        return;

    case PAGE_LIST:
        page_buf_puts(b, "[]interface {}{");
        for (i = 0; i < v->u.list.n; i++) {
            if (i) {
                page_buf_puts(b, ", ");
            }
            page_fmt_gosyntax_depth(b, v->u.list.items[i], depth + 1, 1);
        }
        page_buf_putc(b, '}');
        return;

    case PAGE_MAP:
        pairs = page_map_sorted(b->arena, v);
        if (pairs == NULL) {
            b->failed = 1;
            return;
        }
        page_buf_puts(b, "map[string]interface {}{");
        for (i = 0; i < v->u.map.n; i++) {
            if (i) {
                page_buf_puts(b, ", ");
            }
            page_fn_quote(b, pairs[i].key.data, pairs[i].key.len, 0);
            page_buf_putc(b, ':');
            page_fmt_gosyntax_depth(b, pairs[i].value, depth + 1, 1);
        }
        page_buf_putc(b, '}');
        return;

    default:
        page_tpl_print(b, v);
        return;
    }
}


void
page_fn_gosyntax(page_buf_t *b, const page_value_t *v)
{
    page_fmt_gosyntax_depth(b, v, 0, 0);
}


/* ---- verbs ---- */

static void page_fmt_value(page_buf_t *b, const page_fmt_t *f, char verb,
    const page_value_t *v, int depth, int in_iface);


/* Go's badVerb: "%!d(string=x)", the value as %v with the same flags. */
static void
page_fmt_bad_verb(page_buf_t *b, const page_fmt_t *f, char verb,
    const page_value_t *v)
{
    page_fmt_t  vf;

    page_buf_printf(b, "%%!%c(", verb);
    if (v == NULL || v->type == PAGE_NIL) {
        page_buf_puts(b, "<nil>");
    } else {
        page_buf_puts(b, page_tpl_tname(v));
        page_buf_putc(b, '=');
        vf = *f;
        vf.sharpv = 0;
        page_fmt_value(b, &vf, 'v', v, 0, 0);
    }
    page_buf_putc(b, ')');
}


/* Go's fmt.fmtInteger for a signed value. */
static void
page_fmt_integer(page_buf_t *b, const page_fmt_t *fl, char verb, int64_t i)
{
    char                tmp[80];
    const char         *digits;
    unsigned long long  u;
    size_t              o, nd;
    int                 base, prec, neg;
    page_fmt_t          f;
    page_buf_t          t;

    f = *fl;
    if (verb == 'd' && f.wid < 0 && f.prec < 0 && !f.plus && !f.space) {
        page_buf_printf(b, "%lld", (long long) i);      /* the usual case */
        return;
    }

    neg = i < 0;
    u = neg ? 0 - (unsigned long long) i : (unsigned long long) i;

    switch (verb) {
    case 'x': base = 16; digits = "0123456789abcdefx"; break;
    case 'X': base = 16; digits = "0123456789ABCDEFX"; break;
    case 'o': case 'O': base = 8; digits = "01234567"; break;
    case 'b': base = 2; digits = "01"; break;
    default:  base = 10; digits = "0123456789"; break;
    }

    prec = 0;
    if (f.prec >= 0) {
        prec = f.prec;
        if (prec == 0 && u == 0) {
            f.zero = 0;
            page_fmt_pad(b, &f, "", 0);
            return;
        }
    } else if (f.zero && f.wid >= 0) {
        prec = f.wid;               /* zeros to the width, sign counted */
        if (neg || f.plus || f.space) {
            prec--;
        }
    }

    o = sizeof(tmp);
    do {
        tmp[--o] = digits[u % (unsigned) base];
        u /= (unsigned) base;
    } while (u != 0);
    nd = sizeof(tmp) - o;

    /* in order: sign, prefix, zeros to the precision, digits */
    page_buf_init(&t, b->arena, 0);
    if (neg) {
        page_buf_putc(&t, '-');
    } else if (f.plus) {
        page_buf_putc(&t, '+');
    } else if (f.space) {
        page_buf_putc(&t, ' ');
    }
    if (f.sharp && base == 16) {
        page_buf_putc(&t, '0');
        page_buf_putc(&t, digits[16]);
    } else if (f.sharp && base == 2) {
        page_buf_puts(&t, "0b");
    } else if (verb == 'O') {
        page_buf_puts(&t, "0o");
    } else if (f.sharp && base == 8 && (int) nd >= prec && tmp[o] != '0') {
        page_buf_putc(&t, '0');
    }
    page_fmt_fill(&t, (int) nd < prec ? (size_t) prec - nd : 0, '0');
    page_buf_append(&t, tmp + o, nd);

    if (page_buf_failed(&t)) {
        b->failed = 1;
        return;
    }
    f.zero = 0;
    page_fmt_pad(b, &f, t.data, t.len);
}


/* %c, %q and %U of an integer. */
static void
page_fmt_rune(page_buf_t *b, const page_fmt_t *f, char verb, int64_t i)
{
    uint32_t    r;
    char        u8[8];
    size_t      n;
    page_buf_t  t;

    r = (i < 0 || i > 0x10ffff) ? 0xfffd : (uint32_t) i;
    page_buf_init(&t, b->arena, 0);

    if (verb == 'U') {
        page_buf_printf(&t, "U+%04llX", (unsigned long long) i);
        if (f->sharp && i >= 0 && i <= 0x10ffff && page_fmt_isprint(r)) {
            n = page_utf8_encode(r, u8);
            page_buf_puts(&t, " '");
            page_buf_append(&t, u8, n);
            page_buf_putc(&t, '\'');
        }
    } else {
        n = page_utf8_encode(r, u8);
        if (verb == 'c') {
            page_buf_append(&t, u8, n);
        } else {
            page_buf_putc(&t, '\'');
            page_fmt_quote_rune(&t, r, n, u8, '\'', f->plus);
            page_buf_putc(&t, '\'');
        }
    }

    if (page_buf_failed(&t)) {
        b->failed = 1;
        return;
    }
    page_fmt_pad(b, f, t.data, t.len);
}


/* Go's fmt.fmtFloat: num is the number with a sign first ('+' or '-'). */
static void
page_fmt_float_out(page_buf_t *b, const page_fmt_t *fl, char *num,
    size_t len)
{
    page_fmt_t  f;

    f = *fl;
    if (f.space && num[0] == '+' && !f.plus) {
        num[0] = ' ';
    }

    if (num[1] == 'I' || num[1] == 'N') {
        f.zero = 0;
        if (num[1] == 'N' && !f.space && !f.plus) {
            num++;
            len--;
        }
        page_fmt_pad(b, &f, num, len);
        return;
    }

    if (f.plus || num[0] != '+') {
        if (f.zero && f.wid > 0 && (size_t) f.wid > len) {
            page_buf_putc(b, num[0]);
            page_fmt_fill(b, (size_t) f.wid - len, '0');
            page_buf_append(b, num + 1, len - 1);
            return;
        }
        page_fmt_pad(b, &f, num, len);
        return;
    }

    page_fmt_pad(b, &f, num + 1, len - 1);
}


/* The shortest form of x as strconv.FormatFloat(x, 'g', -1, 64). */
static void
page_fmt_shortest(page_buf_t *b, double x, int upper)
{
    size_t        start, i;
    page_value_t  v;

    start = b->len;
    v.type = PAGE_FLOAT;
    v.u.f = x;
    page_value_print(b, &v);
    if (upper) {
        for (i = start; i < b->len; i++) {
            if (b->data[i] == 'e') {
                b->data[i] = 'E';
            }
        }
    }
}


static void
page_fmt_float(page_buf_t *b, const page_fmt_t *f, char verb, double x)
{
    char                tmp[400], spec[16], *e;
    int                 n, prec, exp, digits, sig;
    size_t              i, dot;
    page_buf_t          t;
    uint64_t            bits;
    unsigned long long  mant;

    page_buf_init(&t, b->arena, 0);
    page_buf_putc(&t, signbit(x) && !isnan(x) ? '-' : '+');

    if (isinf(x)) {
        page_buf_puts(&t, "Inf");
        goto out;
    }
    if (isnan(x)) {
        page_buf_puts(&t, "NaN");
        goto out;
    }

    prec = f->prec;
    if (verb == 'v') {
        verb = 'g';
    } else if (verb == 'F') {
        verb = 'f';
    }
    if (prec < 0 && (verb == 'e' || verb == 'E' || verb == 'f')) {
        prec = 6;
    }

    switch (verb) {
    case 'b':
        memcpy(&bits, &x, sizeof(bits));
        exp = (int) ((bits >> 52) & 0x7ff);
        mant = bits & ((1ULL << 52) - 1);
        if (exp == 0) {
            exp++;
        } else {
            mant |= 1ULL << 52;
        }
        exp -= 1023 + 52;
        page_buf_printf(&t, "%llup%c%d", mant, exp < 0 ? '-' : '+',
                        exp < 0 ? -exp : exp);
        goto out;

    case 'x':
    case 'X':
        if (prec >= 0) {
            snprintf(spec, sizeof(spec), "%%.%d%c", prec > 300 ? 300 : prec,
                     verb == 'x' ? 'a' : 'A');
        } else {
            snprintf(spec, sizeof(spec), "%%%c", verb == 'x' ? 'a' : 'A');
        }
        n = snprintf(tmp, sizeof(tmp), spec, fabs(x));
        if (n < 0 || (size_t) n >= sizeof(tmp)) {
            break;
        }
        /* Go writes the exponent with at least two digits */
        e = strchr(tmp, verb == 'x' ? 'p' : 'P');
        if (e != NULL && e[2] != '\0' && e[3] == '\0') {
            memmove(e + 3, e + 2, 2);
            e[2] = '0';
        }
        page_buf_puts(&t, tmp);
        goto out;

    case 'g':
    case 'G':
        if (prec < 0) {
            page_fmt_shortest(&t, fabs(x), verb == 'G');
            if (!f->sharp) {
                goto out;
            }
            /* '#': a decimal point, and zeros to 6 significant digits */
            e = NULL;
            dot = 0;
            sig = 0;
            for (i = 1; i < t.len; i++) {
                if (t.data[i] == 'e' || t.data[i] == 'E') {
                    break;
                }
                if (t.data[i] == '.') {
                    dot = i;
                } else if (sig > 0 || t.data[i] != '0') {
                    sig++;
                }
            }
            snprintf(tmp, sizeof(tmp), "%.*s", (int) (t.len - i),
                     t.data + i);
            t.len = i;
            if (dot == 0) {
                page_buf_putc(&t, '.');
            }
            for (digits = sig; digits < 6; digits++) {
                page_buf_putc(&t, '0');
            }
            page_buf_puts(&t, tmp);
            goto out;
        }
        if (prec == 0) {
            prec = 1;
        }
        break;

    default:
        break;
    }

    snprintf(spec, sizeof(spec), "%%%s.%d%c", f->sharp ? "#" : "",
             prec > 300 ? 300 : prec, verb);
    n = snprintf(tmp, sizeof(tmp), spec, fabs(x));
    if (n < 0 || (size_t) n >= sizeof(tmp)) {
        /* %f of a huge number: every digit, as Go prints it */
        page_buf_printf(&t, spec, fabs(x));
    } else {
        page_buf_puts(&t, tmp);
    }

out:

    if (page_buf_failed(&t)) {
        b->failed = 1;
        return;
    }
    page_fmt_float_out(b, f, t.data, t.len);
}


/* %s %q %x %X %v of a string. */
static void
page_fmt_string(page_buf_t *b, const page_fmt_t *f, char verb,
    const char *s, size_t len)
{
    size_t       i, runes, n;
    const char  *hex;
    page_buf_t   t;

    if (verb == 'x' || verb == 'X') {
        n = len;
        if (f->prec >= 0 && (size_t) f->prec < n) {
            n = (size_t) f->prec;
        }
        hex = verb == 'x' ? "0123456789abcdef" : "0123456789ABCDEF";
        page_buf_init(&t, b->arena, 0);
        for (i = 0; i < n; i++) {
            if (f->space && i > 0) {
                page_buf_putc(&t, ' ');
            }
            if (f->sharp && (f->space || i == 0)) {
                page_buf_putc(&t, '0');
                page_buf_putc(&t, verb);
            }
            page_buf_putc(&t, hex[(unsigned char) s[i] >> 4]);
            page_buf_putc(&t, hex[(unsigned char) s[i] & 0xf]);
        }
        goto out;
    }

    if (f->prec >= 0) {
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

    if (verb != 'q') {
        page_fmt_pad(b, f, s, len);
        return;
    }

    page_buf_init(&t, b->arena, 0);
    if (f->sharp && page_fmt_can_backquote(s, len)) {
        page_buf_putc(&t, '`');
        page_buf_append(&t, s, len);
        page_buf_putc(&t, '`');
    } else {
        page_fn_quote(&t, s, len, f->plus);
    }

out:

    if (page_buf_failed(&t)) {
        b->failed = 1;
        return;
    }
    page_fmt_pad(b, f, t.data ? t.data : "", t.len);
}


static void
page_fmt_value(page_buf_t *b, const page_fmt_t *f, char verb,
    const page_value_t *v, int depth, int in_iface)
{
    size_t        i;
    page_buf_t    t;
    page_pair_t  *pairs;
    const char   *s;

    if (verb == 'T') {
        page_fmt_pads(b, f, page_tpl_tname(v));
        return;
    }

    if (f->sharpv) {
        page_buf_init(&t, b->arena, 0);
        page_fmt_gosyntax_depth(&t, v, depth, in_iface);
        if (page_buf_failed(&t)) {
            b->failed = 1;
            return;
        }
        page_fmt_pad(b, f, t.data ? t.data : "", t.len);
        return;
    }

    if (page_tpl_stringer(v) != NULL) {
        v = page_tpl_stringer(v);       /* Go's fmt calls String() */
    }

    if (v == NULL || v->type == PAGE_NIL) {
        /* a nil argument takes %v only; a nil inside a list any verb */
        if (verb == 'v' || in_iface) {
            page_fmt_pads(b, f, "<nil>");
        } else {
            page_fmt_bad_verb(b, f, verb, v);
        }
        return;
    }

    if (depth > PAGE_FN_FMT_MAX_DEPTH) {
        page_buf_puts(b, "...");
        return;
    }

    if (page_tpl_is_str(v)) {
        if (page_tpl_oneof(verb, "svqxX")) {
            page_fmt_string(b, f, verb, v->u.s.data, v->u.s.len);
        } else {
            page_fmt_bad_verb(b, f, verb, v);
        }
        return;
    }

    switch (v->type) {
    case PAGE_BOOL:
        if (verb == 't' || verb == 'v') {
            page_fmt_pads(b, f, v->u.b ? "true" : "false");
        } else {
            page_fmt_bad_verb(b, f, verb, v);
        }
        return;

    case PAGE_INT:
        if (page_tpl_oneof(verb, "bdoOxXv")) {
            page_fmt_integer(b, f, verb == 'v' ? 'd' : verb, v->u.i);
        } else if (page_tpl_oneof(verb, "cqU")) {
            page_fmt_rune(b, f, verb, v->u.i);
        } else {
            page_fmt_bad_verb(b, f, verb, v);
        }
        return;

    case PAGE_FLOAT:
        if (page_tpl_oneof(verb, "beEfFgGxXv")) {
            page_fmt_float(b, f, verb, v->u.f);
        } else {
            page_fmt_bad_verb(b, f, verb, v);
        }
        return;

    case PAGE_TIME:
        /* time.Time's String() serves the verbs that take a Stringer */
        if (page_tpl_oneof(verb, "vsqxX")) {
            page_buf_init(&t, b->arena, 0);
            page_tpl_print(&t, v);
            if (page_buf_failed(&t)) {
                b->failed = 1;
                return;
            }
            page_fmt_string(b, f, verb, t.data ? t.data : "", t.len);
        } else {
            page_fmt_bad_verb(b, f, verb, v);
        }
        return;

    case PAGE_LIST:
        page_buf_putc(b, '[');
        for (i = 0; i < v->u.list.n; i++) {
            if (i) {
                page_buf_putc(b, ' ');
            }
            page_fmt_value(b, f, verb, v->u.list.items[i], depth + 1, 1);
        }
        page_buf_putc(b, ']');
        return;

    case PAGE_MAP:
        pairs = page_map_sorted(b->arena, v);
        if (pairs == NULL) {
            b->failed = 1;
            return;
        }
        page_buf_puts(b, "map[");
        for (i = 0; i < v->u.map.n; i++) {
            if (i) {
                page_buf_putc(b, ' ');
            }
            if (page_tpl_oneof(verb, "svqxX")) {
                page_fmt_string(b, f, verb, pairs[i].key.data,
                                pairs[i].key.len);
            } else {
                page_buf_printf(b, "%%!%c(string=", verb);
                page_fmt_string(b, f, 'v', pairs[i].key.data,
                                pairs[i].key.len);
                page_buf_putc(b, ')');
            }
            page_buf_putc(b, ':');
            page_fmt_value(b, f, verb, pairs[i].value, depth + 1, 1);
        }
        page_buf_putc(b, ']');
        return;

    default:
        if (verb == 'v' || verb == 's') {
            page_buf_init(&t, b->arena, 0);
            page_tpl_print(&t, v);
            s = t.data ? t.data : "";
            page_fmt_pad(b, f, s, t.len);
            return;
        }
        page_fmt_bad_verb(b, f, verb, v);
        return;
    }
}


/* ---- the format ---- */

/* A decimal number at fmt[*i]: its value, -1 when none or too large. */
static int
page_fmt_num(const char *fmt, size_t len, size_t *i, int *out)
{
    int  n, any;

    n = 0;
    any = 0;
    while (*i < len && fmt[*i] >= '0' && fmt[*i] <= '9') {
        if (n > PAGE_FN_FMT_MAX_NUM) {
            return -1;                  /* Go: "too large" */
        }
        n = n * 10 + (fmt[*i] - '0');
        (*i)++;
        any = 1;
    }
    *out = n;
    return any;
}


/*
 * An argument index "[n]" at fmt[*i] (Go's argNumber): 1 with *a set to
 * n - 1 (and *ok 0 when it is bad), 0 when there is none.
 */
static int
page_fmt_argnum(const char *fmt, size_t len, size_t *i, size_t nargs,
    size_t *a, int *ok)
{
    size_t  k, j;
    int     n;

    if (*i >= len || fmt[*i] != '[') {
        return 0;
    }

    for (k = *i + 1; k < len; k++) {
        if (fmt[k] == ']') {
            break;
        }
    }
    if (k >= len) {
        *ok = 0;                        /* no closing bracket */
        *i = len;
        return 1;
    }

    j = *i + 1;
    if (page_fmt_num(fmt, k, &j, &n) == 1 && j == k && n >= 1
        && (size_t) n <= nargs)
    {
        *a = (size_t) n - 1;
    } else {
        *ok = 0;
    }
    *i = k + 1;
    return 1;
}


/* A '*' width or precision from the arguments: the int, or -1 bad. */
static int
page_fmt_intarg(page_value_t **args, size_t nargs, size_t *a, int *out)
{
    page_value_t  *v;

    if (*a >= nargs) {
        return -1;
    }
    v = args[(*a)++];
    if (v == NULL || v->type != PAGE_INT || v->u.i > PAGE_FN_FMT_MAX_NUM
        || v->u.i < -PAGE_FN_FMT_MAX_NUM)
    {
        return -1;
    }
    *out = (int) v->u.i;
    return 0;
}


int
page_tpl_sprintf(page_tpl_state_t *st, page_buf_t *b, const char *fmt,
    size_t len, page_value_t **args, size_t nargs)
{
    size_t      i, j, a, w;
    page_fmt_t  f;
    char        verb;
    int         ok, reordered, after_index, n;
    uint32_t    r;

    (void) st;
    a = 0;
    reordered = 0;

    for (i = 0; i < len; ) {
        if (fmt[i] != '%') {
            page_buf_putc(b, fmt[i++]);
            continue;
        }
        i++;

        memset(&f, 0, sizeof(f));
        f.wid = -1;
        f.prec = -1;
        ok = 1;
        after_index = 0;

        for (; i < len; i++) {
            switch (fmt[i]) {
            case '#': f.sharp = 1; continue;
            case '0': f.zero = !f.minus; continue;
            case '+': f.plus = 1; continue;
            case '-': f.minus = 1; f.zero = 0; continue;
            case ' ': f.space = 1; continue;
            }
            break;
        }

        /* [n] width */
        if (page_fmt_argnum(fmt, len, &i, nargs, &a, &ok)) {
            reordered = 1;
            after_index = 1;
        }

        if (i < len && fmt[i] == '*') {
            i++;
            if (page_fmt_intarg(args, nargs, &a, &f.wid) != 0) {
                page_buf_puts(b, "%!(BADWIDTH)");
                f.wid = -1;
            } else if (f.wid < 0) {
                f.wid = -f.wid;
                f.minus = 1;
                f.zero = 0;
            }
            after_index = 0;
        } else {
            j = i;
            n = page_fmt_num(fmt, len, &j, &f.wid);
            if (n == 1 && after_index) {
                ok = 0;                 /* "%[3]2d" */
            }
            if (n == 0) {
                f.wid = -1;
            } else if (n < 0) {
                f.wid = -1;
                i = j;
                page_buf_puts(b, "%!(NOVERB)");
                continue;
            }
            i = j;
        }

        if (i < len && fmt[i] == '.') {
            i++;
            if (after_index) {
                ok = 0;                 /* "%[3].2d" */
            }
            if (page_fmt_argnum(fmt, len, &i, nargs, &a, &ok)) {
                reordered = 1;
                after_index = 1;
            }
            if (i < len && fmt[i] == '*') {
                i++;
                if (page_fmt_intarg(args, nargs, &a, &f.prec) != 0
                    || f.prec < 0)
                {
                    page_buf_puts(b, "%!(BADPREC)");
                    f.prec = -1;
                }
                after_index = 0;
            } else {
                n = page_fmt_num(fmt, len, &i, &f.prec);
                if (n <= 0) {
                    f.prec = 0;         /* "%.d": precision 0 */
                }
            }
        }

        if (!after_index
            && page_fmt_argnum(fmt, len, &i, nargs, &a, &ok))
        {
            reordered = 1;
        }

        if (i >= len) {
            page_buf_puts(b, "%!(NOVERB)");
            break;
        }

        w = page_utf8_decode(fmt + i, len - i, &r);
        verb = (char) (r < 0x80 ? r : '?');

        if (r == '%') {
            page_buf_putc(b, '%');
            i += w;
            continue;
        }
        if (!ok) {
            page_buf_printf(b, "%%!%.*s(BADINDEX)", (int) w, fmt + i);
            i += w;
            continue;
        }
        if (a >= nargs) {
            page_buf_printf(b, "%%!%.*s(MISSING)", (int) w, fmt + i);
            i += w;
            continue;
        }

        if (r >= 0x80) {
            page_buf_printf(b, "%%!%.*s(", (int) w, fmt + i);
            if (args[a] == NULL || args[a]->type == PAGE_NIL) {
                page_buf_puts(b, "<nil>");
            } else {
                page_buf_puts(b, page_tpl_tname(args[a]));
                page_buf_putc(b, '=');
                page_tpl_print(b, args[a]);
            }
            page_buf_putc(b, ')');
            a++;
            i += w;
            continue;
        }

        if (verb == 'v') {
            if (f.sharp) {
                f.sharp = 0;
                f.sharpv = 1;
            }
            f.plus = 0;                 /* %+v: field names, none here */
        }

        page_fmt_value(b, &f, verb, args[a++], 0, 0);
        i += w;
    }

    if (!reordered && a < nargs) {
        page_buf_puts(b, "%!(EXTRA ");
        for (; a < nargs; a++) {
            if (args[a] == NULL || args[a]->type == PAGE_NIL) {
                page_buf_puts(b, "<nil>");
            } else {
                page_buf_puts(b, page_tpl_tname(args[a]));
                page_buf_putc(b, '=');
                page_tpl_print(b, args[a]);
            }
            if (a + 1 < nargs) {
                page_buf_puts(b, ", ");
            }
        }
        page_buf_putc(b, ')');
    }

    return page_buf_failed(b) ? -1 : 0;
}


/* ---- the functions ---- */

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


/* The format (args[0]) applied to the rest, into b: 0 or -1. */
static int
page_fmt_apply(page_tpl_state_t *st, const char *fn, page_value_t **args,
    size_t nargs, page_buf_t *b)
{
    const char  *s;
    size_t       len;

    if (page_tpl_arg_str(st, fn, args[0], &s, &len) != 0) {
        return -1;
    }

    page_tpl_buf(st, b);
    page_tpl_sprintf(st, b, s, len, args + 1, nargs - 1);
    if (page_buf_failed(b)) {
        return page_tpl_fail(st, "result too large (or out of memory)");
    }
    return 0;
}


static int
page_tpl_f_printf(PAGE_FN_ARGS)
{
    page_buf_t  b;

    if (page_fmt_apply(st, "printf", args, nargs, &b) != 0) {
        return -1;
    }
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/* Most of an errorf message an error line keeps. */
#define PAGE_FN_FMT_MAX_ERROR  400


static int
page_tpl_f_errorf(PAGE_FN_ARGS)
{
    page_buf_t  b;

    (void) res;
    if (page_fmt_apply(st, "errorf", args, nargs, &b) != 0) {
        return -1;
    }
    return page_tpl_fail(st, "%.*s", b.len > PAGE_FN_FMT_MAX_ERROR
                                     ? PAGE_FN_FMT_MAX_ERROR : (int) b.len,
                         b.data ? b.data : "");
}


static void
page_fmt_warn(page_tpl_state_t *st, page_buf_t *b)
{
    if (st->env->warn != NULL) {
        st->env->warn(st->env->warn_ctx, b->data ? b->data : "", b->len);
    }
}


static int
page_tpl_f_warnf(PAGE_FN_ARGS)
{
    page_buf_t  b;

    if (page_fmt_apply(st, "warnf", args, nargs, &b) != 0) {
        return -1;
    }
    page_fmt_warn(st, &b);
    return page_tpl_ret_str(st, PAGE_STRING, "", 0, res);
}


/*
 * erroridf ID FORMAT [INPUT...] and warnidf: as errorf and warnf, with
 * current Hugo's hint that the message can be turned off by its ID (in
 * lower case): "...\nYou can suppress this error by adding the following
 * to your project configuration:\nignoreLogs = ['id']".  Nothing here
 * reads Hugo's ignoreLogs, so no ID is ignored.  (hugo 0.111.3 said
 * "ignoreErrors = [\"id\"]" and had no warnidf.)
 */
/* Most of an ID the hint repeats. */
#define PAGE_FN_FMT_MAX_ID  100


static int
page_fmt_idf(page_tpl_state_t *st, const char *fn, int error,
    page_value_t **args, size_t nargs, page_value_t **res)
{
    const char  *id;
    size_t       idlen, i;
    page_buf_t   b;

    if (page_tpl_arg_str(st, fn, args[0], &id, &idlen) != 0
        || page_fmt_apply(st, fn, args + 1, nargs - 1, &b) != 0)
    {
        return -1;
    }

    page_buf_printf(&b, "\nYou can suppress this %s by adding the "
                    "following to your project configuration:\n"
                    "ignoreLogs = ['", error ? "error" : "warning");
    for (i = 0; i < idlen && i < PAGE_FN_FMT_MAX_ID; i++) {
        page_buf_putc(&b, id[i] >= 'A' && id[i] <= 'Z'
                          ? (char) (id[i] - 'A' + 'a') : id[i]);
    }
    page_buf_puts(&b, "']");
    if (page_buf_failed(&b)) {
        return page_tpl_fail(st, "result too large (or out of memory)");
    }

    if (error) {
        (void) res;
        return page_tpl_fail(st, "%.*s", b.len > PAGE_FN_FMT_MAX_ERROR
                                         ? PAGE_FN_FMT_MAX_ERROR
                                         : (int) b.len, b.data);
    }

    page_fmt_warn(st, &b);
    return page_tpl_ret_str(st, PAGE_STRING, "", 0, res);
}


static int
page_tpl_f_erroridf(PAGE_FN_ARGS)
{
    return page_fmt_idf(st, "erroridf", 1, args, nargs, res);
}


static int
page_tpl_f_warnidf(PAGE_FN_ARGS)
{
    return page_fmt_idf(st, "warnidf", 0, args, nargs, res);
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
    { "fmt.Erroridf", page_tpl_f_erroridf, 2, -1 },
    { "erroridf", page_tpl_f_erroridf, 2, -1 },
    { "fmt.Warnf", page_tpl_f_warnf, 1, -1 },
    { "warnf", page_tpl_f_warnf, 1, -1 },
    { "fmt.Warnidf", page_tpl_f_warnidf, 2, -1 },
    { "warnidf", page_tpl_f_warnidf, 2, -1 },
    { NULL, NULL, 0, 0 }
};
