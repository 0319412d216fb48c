/*
 * page_fn_lang: Hugo's lang namespace (tpl/lang): Translate (i18n, T)
 * through the caller's translation hook; FormatNumber, FormatPercent,
 * FormatCurrency and FormatAccounting with the rules of go-locales' "en"
 * translator (Hugo's, whatever the site's language: other locales are
 * not here); FormatNumberCustom; and Merge.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page_fn.h"
#include "page_site_i18n.h"

/* Hugo's sanity check on a precision (castPrecisionNumber). */
#define PAGE_FN_MAX_PRECISION  20

/* Room for the digits of any double (10^308) with 20 decimals. */
#define PAGE_FN_NUM_MAX  (309 + 1 + PAGE_FN_MAX_PRECISION + 8)


static int
page_tpl_f_i18n(PAGE_FN_ARGS)
{
    int          rc;
    const char  *s;
    size_t       len;

    if (page_tpl_arg_str(st, "T", args[0], &s, &len) != 0) {
        return -1;
    }

    /* the site's i18n/ (page_site_i18n.c), else the caller's hook */
    rc = page_site_i18n_translate(st, s, len, nargs > 1 ? args[1] : NULL,
                                  nargs > 1, res);
    if (rc != 1) {
        return rc;
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


/* cast.ToFloat64E, with its words when it fails. */
static int
page_fn_float(page_tpl_state_t *st, page_value_t *v, double *out)
{
    const char  *s;
    size_t       len;
    char         buf[64], *end;
    page_buf_t   b;

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
    if (v->type == PAGE_DURATION) {
        *out = (double) v->u.i;
        return 0;
    }

    if (page_tpl_str(v, &s, &len) && len > 0 && len < sizeof(buf)) {
        memcpy(buf, s, len);
        buf[len] = '\0';
        *out = strtod(buf, &end);
        if (*end == '\0' && buf[0] != ' ' && buf[0] != '\t') {
            return 0;
        }
    }

    page_tpl_buf(st, &b);
    if (page_tpl_is_str(v)) {
        page_buf_putc(&b, '"');
        page_tpl_print(&b, v);
        page_buf_putc(&b, '"');
    } else {
        page_tpl_print(&b, v);
    }

    return page_tpl_fail(st, "unable to cast %.*s of type %s to float64",
                         (int) b.len, b.data ? b.data : "",
                         page_tpl_tname(v));
}


/* The precision and the number of the Format* functions. */
static int
page_fn_prec_num(page_tpl_state_t *st, page_value_t *p, page_value_t *n,
    int *prec, double *num)
{
    int64_t  i;

    if (p != NULL && p->type == PAGE_FLOAT && p->u.f < 0) {
        return page_tpl_fail(st, "unable to cast negative value");
    }
    if (page_tpl_to_int(st, st->calling ? st->calling : "lang", p, &i) != 0) {
        return -1;
    }
    if (i < 0) {
        return page_tpl_fail(st, "unable to cast negative value");
    }
    if (i > PAGE_FN_MAX_PRECISION) {
        return page_tpl_fail(st, "invalid precision: %lld", (long long) i);
    }

    *prec = (int) i;
    return page_fn_float(st, n, num);
}


/*
 * |num| with prec decimals, as Go's strconv.FormatFloat(x, 'f', prec):
 * both round the exact binary value correctly.
 */
static size_t
page_fn_digits(double num, int prec, char *buf, size_t size)
{
    int  n;

    if (isnan(num)) {
        return (size_t) snprintf(buf, size, "NaN");
    }
    if (isinf(num)) {
        return (size_t) snprintf(buf, size, "+Inf");
    }

    n = snprintf(buf, size, "%.*f", prec, fabs(num));
    return n < 0 ? 0 : (size_t) n >= size ? size - 1 : (size_t) n;
}


/*
 * The digits s[0, len) with dec for the point and grp between groups of
 * three in the whole part (grp NULL: no groups), as go-locales' writers
 * and Hugo's FormatNumberCustom do.
 */
static void
page_fn_group(page_buf_t *b, const char *s, size_t len, int prec,
    const char *dec, size_t declen, const char *grp, size_t grplen)
{
    size_t  whole, i;

    whole = prec > 0 && memchr(s, '.', len) != NULL
            ? (size_t) ((const char *) memchr(s, '.', len) - s) : len;

    for (i = 0; i < whole; i++) {
        if (grp != NULL && i > 0 && (whole - i) % 3 == 0) {
            page_buf_append(b, grp, grplen);
        }
        page_buf_putc(b, s[i]);
    }

    if (whole < len) {
        page_buf_append(b, dec, declen);
        page_buf_append(b, s + whole + 1, len - whole - 1);
    }
}


/* lang.FormatNumber PRECISION NUMBER: "1,234.57" */
static int
page_tpl_f_formatnumber(PAGE_FN_ARGS)
{
    int         prec;
    double      num;
    size_t      len;
    page_buf_t  b;
    char        digits[PAGE_FN_NUM_MAX];

    (void) nargs;

    if (page_fn_prec_num(st, args[0], args[1], &prec, &num) != 0) {
        return -1;
    }

    len = page_fn_digits(num, prec, digits, sizeof(digits));
    page_tpl_buf(st, &b);
    if (num < 0) {
        page_buf_putc(&b, '-');
    }
    page_fn_group(&b, digits, len, prec, ".", 1, ",", 1);

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/* lang.FormatPercent PRECISION NUMBER: "12.3%", never grouped */
static int
page_tpl_f_formatpercent(PAGE_FN_ARGS)
{
    int         prec;
    double      num;
    size_t      len;
    page_buf_t  b;
    char        digits[PAGE_FN_NUM_MAX];

    (void) nargs;

    if (page_fn_prec_num(st, args[0], args[1], &prec, &num) != 0) {
        return -1;
    }

    len = page_fn_digits(num, prec, digits, sizeof(digits));
    page_tpl_buf(st, &b);
    if (num < 0) {
        page_buf_putc(&b, '-');
    }
    page_buf_append(&b, digits, len);
    page_buf_putc(&b, '%');

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/*
 * The currency codes go-locales knows (ISO 4217, current and withdrawn,
 * as hugo 0.111.3 takes them), three letters each.
 */
static const char  page_fn_currencies[] =
    "ADPAEDAFAAFNALKALLAMDANGAOAAOKAONAORARAARLARMARPARSATSAUDAWGAZMAZN"
    "BADBAMBANBBDBDTBECBEFBELBGLBGMBGNBGOBHDBIFBMDBNDBOBBOLBOPBOVBRBBRC"
    "BREBRLBRNBRRBRZBSDBTNBUKBWPBYBBYNBYRBZDCADCDFCHECHFCHWCLECLFCLPCNH"
    "CNXCNYCOPCOUCRCCSDCSKCUCCUPCVECYPCZKDDMDEMDJFDKKDOPDZDECSECVEEKEGP"
    "ERNESAESBESPETBEURFIMFJDFKPFRFGBPGEKGELGHCGHSGIPGMDGNFGNSGQEGRDGTQ"
    "GWEGWPGYDHKDHNLHRDHRKHTGHUFIDRIEPILPILRILSINRIQDIRRISJISKITLJMDJOD"
    "JPYKESKGSKHRKMFKPWKRHKROKRWKWDKYDKZTLAKLBPLKRLRDLSLLTLLTTLUCLUFLUL"
    "LVLLVRLYDMADMAFMCFMDCMDLMGAMGFMKDMKNMLFMMKMNTMOPMROMRUMTLMTPMURMVP"
    "MVRMWKMXNMXPMXVMYRMZEMZMMZNNADNGNNICNIONLGNOKNPRNZDOMRPABPEIPENPES"
    "PGKPHPPKRPLNPLZPTEPYGQARRHDROLRONRSDRUBRURRWFSARSBDSCRSDDSDGSDPSEK"
    "SGDSHPSITSKKSLLSOSSRDSRGSSPSTDSTNSURSVCSYPSZLTHBTJRTJSTMMTMTTNDTOP"
    "TPETRLTRYTTDTWDTZSUAHUAKUGSUGXUSDUSNUSSUYIUYPUYUUZSVEBVEFVESVNDVNN"
    "VUVWSTXAFXAGXAUXBAXBBXBCXBDXCDXDRXEUXFOXFUXOFXPDXPFXPTXREXSUXTSXUA"
    "XXXYDDYERYUDYUMYUNYURZALZARZMKZMWZRNZRZZWDZWLZWR";


/*
 * The symbol "en" writes for a currency code (any case): "$" and "¥"
 * for USD and JPY, the code for the others; NULL when unknown.
 */
static const char *
page_fn_currency(const char *s, size_t len, char *code)
{
    size_t  i;

    if (len != 3) {
        return NULL;
    }
    for (i = 0; i < 3; i++) {
        code[i] = s[i] >= 'a' && s[i] <= 'z' ? s[i] - 'a' + 'A' : s[i];
        if (code[i] < 'A' || code[i] > 'Z') {
            return NULL;
        }
    }
    code[3] = '\0';

    for (i = 0; i + 3 <= sizeof(page_fn_currencies) - 1; i += 3) {
        if (memcmp(page_fn_currencies + i, code, 3) == 0) {
            return strcmp(code, "USD") == 0 ? "$"
                   : strcmp(code, "JPY") == 0 ? "\xc2\xa5" : code;
        }
    }

    return NULL;
}


/*
 * FormatCurrency and FormatAccounting: the symbol before the grouped
 * digits, at least two decimals; a negative amount "-$1.00", or in
 * accounting "($1.00)".
 */
static int
page_fn_money(page_tpl_state_t *st, page_value_t **args, int accounting,
    page_value_t **res)
{
    int          prec, k;
    double       num;
    size_t       len, clen;
    const char  *cur, *sym;
    char         code[4], digits[PAGE_FN_NUM_MAX];
    page_buf_t   b;

    if (page_fn_prec_num(st, args[0], args[2], &prec, &num) != 0
        || page_tpl_text(st, args[1], &cur, &clen) != 0)
    {
        return -1;
    }

    sym = page_fn_currency(cur, clen, code);
    if (sym == NULL) {
        page_tpl_buf(st, &b);
        page_buf_putc(&b, '"');
        page_buf_append(&b, cur, clen);
        page_buf_putc(&b, '"');
        return page_tpl_fail(st, "unknown currency code: %.*s", (int) b.len,
                             b.data ? b.data : "");
    }

    len = page_fn_digits(num, prec, digits, sizeof(digits));
    page_tpl_buf(st, &b);

    if (num < 0) {
        page_buf_putc(&b, accounting ? '(' : '-');
    }
    page_buf_puts(&b, sym);
    page_fn_group(&b, digits, len, prec, ".", 1, ",", 1);

    if (prec < 2) {
        if (prec == 0) {
            page_buf_putc(&b, '.');
        }
        for (k = prec; k < 2; k++) {
            page_buf_putc(&b, '0');
        }
    }

    if (num < 0 && accounting) {
        page_buf_putc(&b, ')');
    }

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/* lang.FormatCurrency PRECISION CURRENCY NUMBER */
static int
page_tpl_f_formatcurrency(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_fn_money(st, args, 0, res);
}


/* lang.FormatAccounting PRECISION CURRENCY NUMBER */
static int
page_tpl_f_formataccounting(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_fn_money(st, args, 1, res);
}


/*
 * lang.FormatNumberCustom PRECISION NUMBER [OPTIONS [DELIMITER]]: OPTIONS
 * is "NEG DEC GROUP" (split on DELIMITER, a space by default); the ones
 * it leaves out are empty.  Halves round away from zero.
 */
static int
page_tpl_f_formatnumbercustom(PAGE_FN_ARGS)
{
    int64_t      prec;
    double       num, e, r, t;
    size_t       len, olen, dlen, k, nf, start;
    const char  *opt, *delim, *f[3];
    size_t       fl[3];
    char         digits[PAGE_FN_NUM_MAX];
    page_buf_t   b;

    if (page_tpl_to_int(st, "lang.FormatNumberCustom", args[0], &prec) != 0
        || page_fn_float(st, args[1], &num) != 0)
    {
        return -1;
    }
    if (prec < 0 || prec > PAGE_FN_MAX_PRECISION) {
        /* Go's FormatFloat would take it; the digits would not fit */
        return page_tpl_fail(st, "invalid precision: %lld",
                             (long long) prec);
    }

    f[0] = "-";
    f[1] = ".";
    f[2] = ",";
    fl[0] = fl[1] = fl[2] = 1;

    if (nargs > 2) {
        delim = " ";
        dlen = 1;
        if (nargs > 3 && page_tpl_text(st, args[3], &delim, &dlen) != 0) {
            return -1;
        }
        if (page_tpl_text(st, args[2], &opt, &olen) != 0) {
            return -1;
        }

        fl[0] = fl[1] = fl[2] = 0;
        nf = 0;
        start = 0;
        for (k = 0; k <= olen; k++) {
            if (k == olen || (dlen > 0 && k + dlen <= olen
                              && memcmp(opt + k, delim, dlen) == 0))
            {
                if (nf == 3) {
                    return page_tpl_fail(st, "too many fields in options "
                                         "parameter to NumFmt");
                }
                f[nf] = opt + start;
                fl[nf] = k - start;
                nf++;
                if (k == olen) {
                    break;
                }
                k += dlen - 1;
                start = k + 1;
            } else if (dlen == 0) {
                /* Go splits on "" between every character */
                if (nf == 3) {
                    return page_tpl_fail(st, "too many fields in options "
                                         "parameter to NumFmt");
                }
                f[nf] = opt + k;
                fl[nf] = 1;
                nf++;
                start = k + 1;
                if (k + 1 == olen) {
                    break;
                }
            }
        }
    }

    e = pow(10.0, (double) prec);
    t = num * e;
    r = (isfinite(t) ? round(t) : t) / e;

    len = page_fn_digits(r, (int) prec, digits, sizeof(digits));
    page_tpl_buf(st, &b);
    if (num < 0) {
        page_buf_append(&b, f[0], fl[0]);
    }
    page_fn_group(&b, digits, len, (int) prec, f[1], fl[1], f[2], fl[2]);

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/*
 * lang.Merge FROM TO: the pages of two languages (the Hugo-sites
 * issue's); an empty side gives the other.
 */
static int
page_tpl_f_merge(PAGE_FN_ARGS)
{
    (void) nargs;

    if (!page_tpl_truth(args[1])) {
        *res = args[0];
        return 0;
    }
    if (!page_tpl_truth(args[0])) {
        *res = args[1];
        return 0;
    }

    return page_tpl_fail(st, "language merge not supported for %s",
                         page_tpl_tname(args[1]));
}


const page_tpl_func_t  page_fn_lang[] = {
    { "lang.Translate", page_tpl_f_i18n, 1, 2 },
    { "T", page_tpl_f_i18n, 1, 2 },
    { "i18n", page_tpl_f_i18n, 1, 2 },
    { "lang.FormatNumber", page_tpl_f_formatnumber, 2, 2 },
    { "lang.FormatPercent", page_tpl_f_formatpercent, 2, 2 },
    { "lang.FormatCurrency", page_tpl_f_formatcurrency, 3, 3 },
    { "lang.FormatAccounting", page_tpl_f_formataccounting, 3, 3 },
    { "lang.FormatNumberCustom", page_tpl_f_formatnumbercustom, 2, 4 },
    { "lang.Merge", page_tpl_f_merge, 2, 2 },
    { NULL, NULL, 0, 0 }
};
