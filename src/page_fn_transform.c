/*
 * page_fn_transform: Hugo's transform namespace (tpl/transform):
 * markdownify, plainify, emojify, htmlEscape, htmlUnescape (Go's html
 * package, with HTML5's whole entity table), XMLEscape, CanHighlight,
 * HighlightCodeBlock, and the functions that need a tool we do not have
 * (HTMLToMarkdown, ToMath, PortableText), which fail saying so.
 * highlight is in page_data.c; Unmarshal and Remarshal in
 * page_unmarshal.c.
 *
 * The emoji codes and the entities are tables generated at build time
 * from Debian's packages (util/gen-tables.pl): kyokomi/emoji's code map,
 * which Hugo uses, and HTML::HTML5::Entities, the same 2231 names Go's
 * html package knows.
 */

#include <string.h>

#include "page_fn.h"
#include "page_highlight.h"
#include "page_utf8.h"

/* A generated table's entry (util/gen-tables.pl), sorted by name. */
typedef struct {
    const char  *name;
    const char  *value;
} page_fn_table_t;

extern const page_fn_table_t  page_fn_emoji[];
extern const size_t           page_fn_nemoji;
extern const size_t           page_fn_emoji_max;     /* longest code */
extern const page_fn_table_t  page_fn_entities[];
extern const size_t           page_fn_nentities;

/* Go's html: the longest legacy entity name without its ';' ("frac34"). */
#define PAGE_FN_ENTITY_NOSEMI_MAX  6


static int
page_tpl_f_markdownify(PAGE_FN_ARGS)
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


/*
 * Hugo's StripHTML: text without tags; when there are tags, newlines
 * become spaces and paragraph ends and <br> become newlines first.
 */
static int
page_tpl_f_plainify(PAGE_FN_ARGS)
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
        return page_tpl_ret_str(st, PAGE_HTML, s, len, res);
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

    return page_tpl_ret_buf(st, PAGE_HTML, &b, res);
}


static int
page_tpl_f_htmlescape(PAGE_FN_ARGS)
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


/* The entry of a sorted generated table named s (len bytes), or NULL. */
static const page_fn_table_t *
page_fn_table_find(const page_fn_table_t *t, size_t n, const char *s,
    size_t len)
{
    int     c;
    size_t  lo, hi, mid, nlen;

    lo = 0;
    hi = n;
    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        nlen = strlen(t[mid].name);
        c = memcmp(t[mid].name, s, nlen < len ? nlen : len);
        if (c == 0) {
            c = nlen < len ? -1 : nlen > len ? 1 : 0;
        }
        if (c == 0) {
            return &t[mid];
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }

    return NULL;
}


/* Go's html: numeric references to 0x80-0x9F mean Windows-1252. */
static const uint32_t  page_fn_cp1252[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178
};


/*
 * One character reference at s[0] == '&' (n bytes left), as Go's
 * html.unescapeEntity outside attributes: its text into b; the number
 * of bytes it took.
 */
static size_t
page_fn_entity(page_buf_t *b, const char *s, size_t n)
{
    int                     hex;
    size_t                  i, j, max;
    uint32_t                x;
    unsigned char           c;
    const page_fn_table_t  *e;

    if (n <= 1) {
        page_buf_putc(b, '&');
        return 1;
    }

    i = 1;
    if (s[i] == '#') {
        if (n <= 3) {
            page_buf_putc(b, '&');
            return 1;
        }
        i++;
        hex = s[i] == 'x' || s[i] == 'X';
        if (hex) {
            i++;
        }
        x = 0;
        while (i < n) {
            c = (unsigned char) s[i++];
            if (hex && c >= '0' && c <= '9') {
                x = x * 16 + (c - '0');
            } else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
                x = x * 16 + ((c | 0x20) - 'a' + 10);
            } else if (!hex && c >= '0' && c <= '9') {
                x = x * 10 + (c - '0');
            } else {
                if (c != ';') {
                    i--;
                }
                break;
            }
            if (x > 0x10FFFF) {
                x = 0x110000;           /* too large however it goes on */
            }
        }
        if (i <= 3) {
            page_buf_putc(b, '&');      /* no digits */
            return 1;
        }
        if (x >= 0x80 && x <= 0x9F) {
            x = page_fn_cp1252[x - 0x80];
        } else if (x == 0 || (x >= 0xD800 && x <= 0xDFFF) || x > 0x10FFFF) {
            x = 0xFFFD;
        }
        page_utf8_put(b, x);
        return i;
    }

    /* the longest run of letters and digits, with its ';' */
    while (i < n) {
        c = (unsigned char) s[i++];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
            || (c >= '0' && c <= '9'))
        {
            continue;
        }
        if (c != ';') {
            i--;
        }
        break;
    }

    if (i > 1) {
        e = page_fn_table_find(page_fn_entities, page_fn_nentities, s + 1,
                               i - 1);
        if (e != NULL) {
            page_buf_puts(b, e->value);
            return i;
        }

        /* a legacy name without ';' may begin a longer word ("&notit") */
        max = i - 2;
        if (max > PAGE_FN_ENTITY_NOSEMI_MAX) {
            max = PAGE_FN_ENTITY_NOSEMI_MAX;
        }
        for (j = max; j > 1; j--) {
            e = page_fn_table_find(page_fn_entities, page_fn_nentities, s + 1,
                                   j);
            if (e != NULL) {
                page_buf_puts(b, e->value);
                return j + 1;
            }
        }
    }

    page_buf_append(b, s, i);

    return i;
}


/* htmlUnescape: Go's html.UnescapeString. */
static int
page_tpl_f_htmlunescape(PAGE_FN_ARGS)
{
    const char  *s, *amp;
    size_t       len, i;
    page_buf_t   b;

    (void) nargs;
    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    amp = memchr(s, '&', len);
    if (amp == NULL) {
        return page_tpl_ret_str(st, PAGE_STRING, s, len, res);
    }

    page_tpl_buf(st, &b);
    i = 0;
    while (amp != NULL) {
        page_buf_append(&b, s + i, (size_t) (amp - s) - i);
        i = (size_t) (amp - s);
        i += page_fn_entity(&b, s + i, len - i);
        amp = memchr(s + i, '&', len - i);
    }
    page_buf_append(&b, s + i, len - i);

    if (page_buf_failed(&b)) {
        return page_tpl_fail(st, "htmlUnescape: result too large");
    }

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/*
 * emojify: Hugo's helpers.Emojify, step for step: its scan from one ':'
 * to the next within the longest code, a space between them meaning no
 * code, and its way of moving on (which, after a long code made a short
 * emoji, skips what follows for as many bytes as were saved).  The text
 * is read from s and written to b; positions are those of Hugo's
 * rewritten buffer (what b holds, then s from ip on).
 */
static int
page_tpl_f_emojify(PAGE_FN_ARGS)
{
    const char             *s, *p, *q, *w;
    size_t                  len, ip, start, j, ji, upper, e, nw, vlen;
    size_t                  from, step;
    page_buf_t              b;
    const page_fn_table_t  *em;

    (void) nargs;
    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    page_tpl_buf(st, &b);
    ip = 0;
    start = 0;

    for ( ;; ) {
        vlen = b.len + (len - ip);

        /* what b holds after start has no ':' (emoji have none) */
        from = start < b.len ? ip : ip + (start - b.len);
        if (from >= len) {
            break;
        }
        p = memchr(s + from, ':', len - from);
        if (p == NULL) {
            break;
        }
        ji = (size_t) (p - s);
        j = b.len + (ji - ip);

        upper = ji + page_fn_emoji_max < len ? ji + page_fn_emoji_max : len;
        q = upper > ji + 1 ? memchr(s + ji + 1, ':', upper - ji - 1) : NULL;
        w = memchr(s + ji, ' ', upper - ji);
        nw = w ? (size_t) (w - (s + ji)) : (size_t) -1;

        if (q == NULL) {
            start = j + 1;              /* Hugo steps by 1 to there */

        } else {
            e = (size_t) (q - (s + ji + 1));
            em = NULL;

            if (e == 0 || (w != NULL && nw < e)) {
                step = e + 1;
            } else {
                step = e;
                em = page_fn_table_find(page_fn_emoji, page_fn_nemoji,
                                        s + ji, e + 2);
            }

            if (em != NULL) {
                page_buf_append(&b, s + ip, ji - ip);
                page_buf_puts(&b, em->value);
                ip = ji + e + 2;
                start += e;
                vlen = b.len + (len - ip);
            } else {
                /* Hugo steps by step until past the ':' at j */
                start += ((j + 1 - start + step - 1) / step) * step;
            }
        }

        if (start >= vlen) {
            break;
        }
    }

    page_buf_append(&b, s + ip, len - ip);

    if (page_buf_failed(&b)) {
        return page_tpl_fail(st, "emojify: result too large");
    }

    return page_tpl_ret_buf(st, PAGE_HTML, &b, res);
}


/*
 * transform.XMLEscape: the characters XML forbids dropped (a malformed
 * byte is U+FFFD, as Go's strings.Map reads it), then Go's
 * xml.EscapeText.
 */
static int
page_tpl_f_xmlescape(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len, i, n;
    uint32_t     r;
    page_buf_t   b;

    (void) nargs;
    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    page_tpl_buf(st, &b);
    for (i = 0; i < len; i += n) {
        n = page_utf8_decode(s + i, len - i, &r);
        switch (r) {
        case '"':  page_buf_puts(&b, "&#34;"); continue;
        case '\'': page_buf_puts(&b, "&#39;"); continue;
        case '&':  page_buf_puts(&b, "&amp;"); continue;
        case '<':  page_buf_puts(&b, "&lt;"); continue;
        case '>':  page_buf_puts(&b, "&gt;"); continue;
        case '\t': page_buf_puts(&b, "&#x9;"); continue;
        case '\n': page_buf_puts(&b, "&#xA;"); continue;
        case '\r': page_buf_puts(&b, "&#xD;"); continue;
        default: break;
        }
        if ((r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD)
            || (r >= 0x10000 && r <= 0x10FFFF))
        {
            page_utf8_put(&b, r);
        }
    }

    if (page_buf_failed(&b)) {
        return page_tpl_fail(st, "transform.XMLEscape: result too large");
    }

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/* transform.CanHighlight LANG: whether Chroma has a lexer for it. */
static int
page_tpl_f_canhighlight(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len;

    (void) nargs;
    if (page_tpl_arg_str(st, "transform.CanHighlight", args[0], &s, &len)
        != 0)
    {
        return -1;
    }

    return page_tpl_ret_bool(st, page_hl_can(s, len), res);
}


/*
 * transform.HighlightCodeBlock CONTEXT [OPTIONS]: a code block render
 * hook's context (.Inner, .Type, .Options; OPTIONS' code and type first)
 * as Hugo's HighlightResult: .Wrapped (the block as highlight writes it)
 * and .Inner (its highlighted lines without the wrapping elements).
 */
static int
page_tpl_f_highlight_block(PAGE_FN_ARGS)
{
    size_t              tlen;
    page_buf_t          b;
    const char         *t;
    page_value_t       *ctx, *inner, *type, *code, *m;
    page_arena_t       *a;
    page_hl_options_t   hl;

    ctx = args[0];
    if (ctx == NULL || ctx->type != PAGE_MAP) {
        return page_tpl_fail(st, "transform.HighlightCodeBlock: want a code "
                             "block render hook's context, not %s",
                             page_tpl_tname(ctx));
    }

    inner = page_map_get_ci(ctx, "inner", 5);
    type = page_map_get_ci(ctx, "type", 4);

    page_hl_options_default(&hl);
    page_hl_options_value(&hl, page_map_get_ci(ctx, "options", 7));

    /* the options' code (Hugo 0.162) and type override the context's */
    if (nargs > 1 && args[1] != NULL && args[1]->type == PAGE_MAP) {
        code = page_map_get_ci(args[1], "code", 4);
        if (code != NULL && page_tpl_is_str(code)) {
            inner = code;
        }
        code = page_map_get_ci(args[1], "type", 4);
        if (code != NULL && page_tpl_is_str(code)) {
            type = code;
        }
        page_hl_options_value(&hl, args[1]);
    }
    if (inner == NULL || !page_tpl_is_str(inner)) {
        return page_tpl_fail(st, "transform.HighlightCodeBlock: the context "
                             "has no .Inner");
    }

    t = "";
    tlen = 0;
    if (type != NULL && page_tpl_is_str(type)) {
        t = type->u.s.data;
        tlen = type->u.s.len;
    }

    a = page_tpl_arena(st);
    m = page_value_map(a);
    if (m == NULL) {
        return page_tpl_nomem(st);
    }

    page_tpl_buf(st, &b);
    page_highlight_inner(&b, inner->u.s.data, inner->u.s.len, t, tlen, &hl,
                         NULL);
    if (page_buf_failed(&b)
        || page_map_add(a, m, "Inner", 5,
                        page_value_string_ref(a, PAGE_HTML,
                                              b.data ? b.data : "", b.len))
           != 0)
    {
        return page_tpl_fail(st, "transform.HighlightCodeBlock: out of "
                             "memory");
    }

    page_tpl_buf(st, &b);
    page_highlight(&b, inner->u.s.data, inner->u.s.len, t, tlen, &hl, -1,
                   NULL);
    if (page_buf_failed(&b)
        || page_map_add(a, m, "Wrapped", 7,
                        page_value_string_ref(a, PAGE_HTML,
                                              b.data ? b.data : "", b.len))
           != 0)
    {
        return page_tpl_fail(st, "transform.HighlightCodeBlock: out of "
                             "memory");
    }

    *res = m;

    return 0;
}


/* HTMLToMarkdown INPUT: Hugo links a converter we do not have. */
static int
page_tpl_f_html_to_md(PAGE_FN_ARGS)
{
    (void) args;
    (void) nargs;
    (void) res;

    return page_fn_unavailable(st, "transform.HTMLToMarkdown",
                               "no HTML to Markdown converter is built in");
}


/* ToMath INPUT [OPTIONS]: Hugo runs KaTeX (JavaScript, in WebAssembly). */
static int
page_tpl_f_tomath(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len;

    (void) res;

    if (nargs < 1) {
        return page_tpl_fail(st, "must provide at least one argument");
    }
    if (page_tpl_arg_str(st, "transform.ToMath", args[0], &s, &len) != 0) {
        return -1;
    }

    return page_fn_unavailable(st, "transform.ToMath",
                               "KaTeX does not run at request time");
}


/* PortableText MAP: Hugo's goportabletext converter, which we lack. */
static int
page_tpl_f_portabletext(PAGE_FN_ARGS)
{
    (void) args;
    (void) nargs;
    (void) res;

    return page_fn_unavailable(st, "transform.PortableText",
                               "no Portable Text converter is built in");
}

const page_tpl_func_t  page_fn_transform[] = {
    { "transform.Markdownify", page_tpl_f_markdownify, 1, 1 },
    { "markdownify", page_tpl_f_markdownify, 1, 1 },
    { "transform.Plainify", page_tpl_f_plainify, 1, 1 },
    { "plainify", page_tpl_f_plainify, 1, 1 },
    { "transform.HTMLEscape", page_tpl_f_htmlescape, 1, 1 },
    { "htmlEscape", page_tpl_f_htmlescape, 1, 1 },
    { "transform.HTMLUnescape", page_tpl_f_htmlunescape, 1, 1 },
    { "htmlUnescape", page_tpl_f_htmlunescape, 1, 1 },
    { "transform.Emojify", page_tpl_f_emojify, 1, 1 },
    { "emojify", page_tpl_f_emojify, 1, 1 },
    { "transform.XMLEscape", page_tpl_f_xmlescape, 1, 1 },
    { "transform.CanHighlight", page_tpl_f_canhighlight, 1, 1 },
    { "transform.HighlightCodeBlock", page_tpl_f_highlight_block, 1, 2 },
    { "transform.HTMLToMarkdown", page_tpl_f_html_to_md, 0, -1 },
    { "transform.ToMath", page_tpl_f_tomath, 0, -1 },
    { "transform.PortableText", page_tpl_f_portabletext, 1, 1 },
    { NULL, NULL, 0, 0 }
};
