/*
 * page_fn_encoding: Hugo's encoding namespace (tpl/encoding): jsonify,
 * base64Encode, base64Decode, HexEncode, HexDecode; and JSON as Go's
 * encoding/json writes it, which the escaper uses for <script> values
 * too.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "page_fn.h"


/* Deepest nesting JSON output follows (front matter is bounded anyway). */
#define PAGE_TPL_MAX_JSON_DEPTH  64

/* How encoding/json writes a time.Time. */
#define PAGE_TPL_RFC3339NANO  "2006-01-02T15:04:05.999999999Z07:00"


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
        pairs = page_map_sorted(b->arena, v);
        if (pairs == NULL) {
            b->failed = 1;
            return;
        }
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


/*
 * Go's json indenting (Encoder.SetIndent, MarshalIndent) of the compact
 * JSON j into b: each element on a line of its own that starts with
 * prefix and an indent per level; {} and [] stay so.  noesc: the
 * \u003c, \u003e and \u0026 that HTML escaping wrote become <, >, & again
 * (SetEscapeHTML(false)).
 */
void
page_fn_json_format(page_buf_t *b, const char *j, size_t len,
    const char *prefix, size_t plen, const char *indent, size_t ilen,
    int noesc)
{
    size_t  i, k;
    int     depth, in_str, pretty;

    depth = 0;
    in_str = 0;
    pretty = plen > 0 || ilen > 0;

#define PAGE_JSON_NEWLINE()                                                  \
    do {                                                                     \
        page_buf_putc(b, '\n');                                              \
        page_buf_append(b, prefix, plen);                                    \
        for (k = 0; k < (size_t) depth; k++) {                               \
            page_buf_append(b, indent, ilen);                                \
        }                                                                    \
    } while (0)

    for (i = 0; i < len; i++) {
        if (in_str) {
            if (j[i] == '\\' && i + 1 < len) {
                if (noesc && i + 5 < len && memcmp(j + i, "\\u00", 4) == 0
                    && (memcmp(j + i + 4, "3c", 2) == 0
                        || memcmp(j + i + 4, "3e", 2) == 0
                        || memcmp(j + i + 4, "26", 2) == 0))
                {
                    page_buf_putc(b, j[i + 5] == 'c' ? '<'
                                     : j[i + 5] == 'e' ? '>' : '&');
                    i += 5;
                    continue;
                }
                page_buf_putc(b, j[i]);
                page_buf_putc(b, j[++i]);
                continue;
            }
            page_buf_putc(b, j[i]);
            if (j[i] == '"') {
                in_str = 0;
            }
            continue;
        }

        if (!pretty) {
            in_str = j[i] == '"';
            page_buf_putc(b, j[i]);
            continue;
        }

        switch (j[i]) {
        case '"':
            in_str = 1;
            page_buf_putc(b, '"');
            break;

        case '{':
        case '[':
            page_buf_putc(b, j[i]);
            if (i + 1 < len && (j[i + 1] == '}' || j[i + 1] == ']')) {
                page_buf_putc(b, j[++i]);
                break;
            }
            depth++;
            PAGE_JSON_NEWLINE();
            break;

        case '}':
        case ']':
            depth--;
            PAGE_JSON_NEWLINE();
            page_buf_putc(b, j[i]);
            break;

        case ',':
            page_buf_putc(b, ',');
            PAGE_JSON_NEWLINE();
            break;

        case ':':
            page_buf_puts(b, ": ");
            break;

        default:
            page_buf_putc(b, j[i]);
        }
    }

#undef PAGE_JSON_NEWLINE
}


/* jsonify [OPTIONS] INPUT: OPTIONS' prefix, indent and noHTMLEscape */
static int
page_tpl_f_jsonify(PAGE_FN_ARGS)
{
    const char    *prefix, *indent, *s;
    size_t         plen, ilen, len, i;
    int            noesc;
    page_buf_t     j, b;
    page_pair_t   *p;

    if (nargs == 0) {
        return page_tpl_ret_str(st, PAGE_HTML, "", 0, res);
    }
    if (nargs > 2) {
        return page_tpl_fail(st, "too many arguments to jsonify");
    }

    prefix = "";
    indent = "";
    plen = 0;
    ilen = 0;
    noesc = 0;

    if (nargs == 2) {
        if (page_tpl_str(args[0], &s, &len)) {
            /* Hugo reads a string of options as JSON */
            for (i = 0; i < len && page_tpl_oneof(s[i], " \t\r\n"); i++) {
                /* void */
            }
            if (i == len) {
                return page_tpl_fail(st, "unexpected end of JSON input");
            }
            return page_tpl_fail(st, "invalid character '%c' looking for "
                                 "beginning of value", s[i]);
        }
        if (args[0] != NULL && args[0]->type != PAGE_NIL) {
            if (args[0]->type != PAGE_MAP) {
                return page_fn_cast_fail(st, args[0],
                                         "map[string]interface{}");
            }
            for (i = 0; i < args[0]->u.map.n; i++) {
                p = &args[0]->u.map.items[i];
                /* mapstructure's weak decoding: any case, cast values */
                if (p->key.len == 6 && strncasecmp(p->key.data, "prefix", 6)
                    == 0)
                {
                    if (page_tpl_text(st, p->value, &prefix, &plen) != 0) {
                        return -1;
                    }
                } else if (p->key.len == 6
                           && strncasecmp(p->key.data, "indent", 6) == 0)
                {
                    if (page_tpl_text(st, p->value, &indent, &ilen) != 0) {
                        return -1;
                    }
                } else if (p->key.len == 12
                           && strncasecmp(p->key.data, "noHTMLEscape", 12)
                              == 0)
                {
                    noesc = page_tpl_truth(p->value)
                            && !(page_tpl_str(p->value, &s, &len)
                                 && ((len == 5 && memcmp(s, "false", 5) == 0)
                                     || (len == 1 && s[0] == '0')));
                }
            }
        }
    }

    page_tpl_buf(st, &j);
    page_tpl_json(&j, args[nargs - 1], 0);
    if (page_buf_failed(&j)) {
        return page_tpl_fail(st, "result too large (or out of memory)");
    }
    if (plen == 0 && ilen == 0 && !noesc) {
        return page_tpl_ret_buf(st, PAGE_HTML, &j, res);
    }
    page_tpl_buf(st, &b);
    page_fn_json_format(&b, j.data ? j.data : "", j.len, prefix, plen,
                        indent, ilen, noesc);
    return page_tpl_ret_buf(st, PAGE_HTML, &b, res);
}


/* The argument as cast.ToStringE gives it (lists and maps fail). */
static int
page_enc_arg(page_tpl_state_t *st, page_value_t *v, const char **s,
    size_t *len)
{
    if (v != NULL && (v->type == PAGE_LIST || v->type == PAGE_MAP)) {
        return page_fn_cast_fail(st, v, "string");
    }
    return page_tpl_text(st, v, s, len);
}


static const char  page_tpl_b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";


static int
page_tpl_f_b64enc(PAGE_FN_ARGS)
{
    const char     *s;
    size_t          len, i;
    unsigned char   a, b2, c;
    page_buf_t      b;

    (void) nargs;
    if (page_enc_arg(st, args[0], &s, &len) != 0) {
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


/*
 * Go's base64.StdEncoding.DecodeString: padding required, line breaks
 * skipped, and the offset of the first bad byte in its error.
 */
static int
page_tpl_f_b64dec(PAGE_FN_ARGS)
{
    const char    *s, *p;
    size_t         len, i, j, pad, start;
    unsigned       acc, q[4];
    page_buf_t     b;

    (void) nargs;
    if (page_enc_arg(st, args[0], &s, &len) != 0) {
        return -1;
    }

    page_tpl_buf(st, &b);
    i = 0;
    while (i < len) {
        /* one quantum of four characters (line breaks do not count) */
        start = i;
        for (j = 0; j < 4; j++) {
            while (i < len && (s[i] == '\r' || s[i] == '\n')) {
                i++;
            }
            if (i == len) {
                if (j == 0) {
                    goto done;
                }
                i = start;              /* a quantum cut short */
                goto bad;
            }
            if (s[i] == '=') {
                if (j < 2) {
                    goto bad;
                }
                /* "==" after two, "=" after three, then nothing */
                pad = 4 - j;
                for (; pad > 0; pad--) {
                    while (i < len && (s[i] == '\r' || s[i] == '\n')) {
                        i++;
                    }
                    if (i == len) {
                        goto bad;
                    }
                    if (s[i] != '=') {
                        goto bad;
                    }
                    i++;
                }
                while (i < len && (s[i] == '\r' || s[i] == '\n')) {
                    i++;
                }
                if (i < len) {
                    goto bad;
                }
                break;
            }
            p = s[i] ? strchr(page_tpl_b64, s[i]) : NULL;
            if (p == NULL) {
                goto bad;
            }
            q[j] = (unsigned) (p - page_tpl_b64);
            i++;
        }

        acc = (q[0] << 18) | (q[1] << 12) | (j > 2 ? q[2] << 6 : 0)
              | (j > 3 ? q[3] : 0);
        page_buf_putc(&b, (char) (acc >> 16));
        if (j > 2) {
            page_buf_putc(&b, (char) (acc >> 8));
        }
        if (j > 3) {
            page_buf_putc(&b, (char) acc);
        }
    }

done:

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);

bad:

    return page_tpl_fail(st, "illegal base64 data at input byte %zu", i);
}


static int
page_tpl_f_hexenc(PAGE_FN_ARGS)
{
    static const char  hex[] = "0123456789abcdef";
    const char        *s;
    size_t             len, i;
    page_buf_t         b;

    (void) nargs;
    if (page_enc_arg(st, args[0], &s, &len) != 0) {
        return -1;
    }
    page_tpl_buf(st, &b);
    for (i = 0; i < len; i++) {
        page_buf_putc(&b, hex[(unsigned char) s[i] >> 4]);
        page_buf_putc(&b, hex[(unsigned char) s[i] & 0xf]);
    }
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


static int
page_hex_digit(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        return (c | 0x20) - 'a' + 10;
    }
    return -1;
}


/* Go's encoding/hex InvalidByteError: "invalid byte: U+0067 'g'". */
static int
page_hex_bad(page_tpl_state_t *st, unsigned char c)
{
    if (c >= 0x20 && c < 0x7f) {
        return page_tpl_fail(st, "encoding/hex: invalid byte: U+%04X '%c'",
                             c, c);
    }
    return page_tpl_fail(st, "encoding/hex: invalid byte: U+%04X", c);
}


static int
page_tpl_f_hexdec(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len, i;
    int          hi, lo;
    page_buf_t   b;

    (void) nargs;
    if (page_enc_arg(st, args[0], &s, &len) != 0) {
        return -1;
    }
    page_tpl_buf(st, &b);
    for (i = 0; i + 1 < len; i += 2) {
        hi = page_hex_digit(s[i]);
        lo = page_hex_digit(s[i + 1]);
        if (hi < 0) {
            return page_hex_bad(st, (unsigned char) s[i]);
        }
        if (lo < 0) {
            return page_hex_bad(st, (unsigned char) s[i + 1]);
        }
        page_buf_putc(&b, (char) ((hi << 4) | lo));
    }
    if (len % 2 == 1) {
        if (page_hex_digit(s[len - 1]) < 0) {
            return page_hex_bad(st, (unsigned char) s[len - 1]);
        }
        return page_tpl_fail(st, "encoding/hex: odd length hex string");
    }
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


const page_tpl_func_t  page_fn_encoding[] = {
    { "encoding.Jsonify", page_tpl_f_jsonify, 0, -1 },
    { "jsonify", page_tpl_f_jsonify, 0, -1 },
    { "encoding.Base64Encode", page_tpl_f_b64enc, 1, 1 },
    { "base64Encode", page_tpl_f_b64enc, 1, 1 },
    { "encoding.Base64Decode", page_tpl_f_b64dec, 1, 1 },
    { "base64Decode", page_tpl_f_b64dec, 1, 1 },
    { "encoding.HexEncode", page_tpl_f_hexenc, 1, 1 },
    { "encoding.HexDecode", page_tpl_f_hexdec, 1, 1 },
    { NULL, NULL, 0, 0 }
};
