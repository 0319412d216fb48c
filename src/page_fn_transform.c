/*
 * page_fn_transform: Hugo's transform namespace (tpl/transform):
 * markdownify, plainify, htmlEscape, htmlUnescape.
 */

#include <string.h>

#include "page_fn.h"


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


static int
page_tpl_f_htmlunescape(PAGE_FN_ARGS)
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


const page_tpl_func_t  page_fn_transform[] = {
    { "transform.Markdownify", page_tpl_f_markdownify, 1, 1 },
    { "markdownify", page_tpl_f_markdownify, 1, 1 },
    { "transform.Plainify", page_tpl_f_plainify, 1, 1 },
    { "plainify", page_tpl_f_plainify, 1, 1 },
    { "htmlEscape", page_tpl_f_htmlescape, 1, 1 },
    { "htmlUnescape", page_tpl_f_htmlunescape, 1, 1 },
    { NULL, NULL, 0, 0 }
};
