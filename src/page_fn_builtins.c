/*
 * page_fn_builtins: Go's text/template builtins that Hugo keeps as they
 * are: not, len, html, js, urlquery.  "and" and "or" short-circuit, so
 * the executor runs them (page_tpl_exec.c).  Go's other builtins are
 * replaced by Hugo's namespaces, and live there: index and slice in
 * page_fn_collections.c (collections.Index, collections.Slice), eq, ne,
 * lt, le, gt, ge in page_fn_compare.c, print, printf, println in
 * page_fn_fmt.c.
 */

#include <string.h>

#include "page_fn.h"


static int
page_tpl_f_not(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_ret_bool(st, !page_tpl_truth(args[0]), res);
}


static int
page_tpl_f_len(PAGE_FN_ARGS)
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
page_tpl_f_html(PAGE_FN_ARGS)
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
page_tpl_f_js(PAGE_FN_ARGS)
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
void
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
page_tpl_f_urlquery(PAGE_FN_ARGS)
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


const page_tpl_func_t  page_fn_builtins[] = {
    { "not", page_tpl_f_not, 1, 1 },
    { "len", page_tpl_f_len, 1, 1 },
    { "html", page_tpl_f_html, 0, -1 },
    { "js", page_tpl_f_js, 0, -1 },
    { "urlquery", page_tpl_f_urlquery, 0, -1 },
    { NULL, NULL, 0, 0 }
};
