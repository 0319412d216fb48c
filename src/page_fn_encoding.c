/*
 * page_fn_encoding: Hugo's encoding namespace (tpl/encoding): jsonify,
 * base64Encode, base64Decode; and JSON as Go's encoding/json writes it,
 * which the escaper uses for <script> values too.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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


static int
page_tpl_f_jsonify(PAGE_FN_ARGS)
{
    page_buf_t  b;

    page_tpl_buf(st, &b);
    page_tpl_json(&b, args[nargs - 1], 0);
    return page_tpl_ret_buf(st, PAGE_HTML, &b, res);
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
page_tpl_f_b64dec(PAGE_FN_ARGS)
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


const page_tpl_func_t  page_fn_encoding[] = {
    { "encoding.Jsonify", page_tpl_f_jsonify, 1, 2 },
    { "jsonify", page_tpl_f_jsonify, 1, 2 },
    { "base64Encode", page_tpl_f_b64enc, 1, 1 },
    { "base64Decode", page_tpl_f_b64dec, 1, 1 },
    { NULL, NULL, 0, 0 }
};
