/*
 * page_fn_debug: Hugo's debug namespace (tpl/debug): debug.Dump (the
 * value as indented JSON, as Go's json.MarshalIndent with two spaces),
 * debug.Timer (a timer whose .Stop gives ""; Hugo prints the timings at
 * the end of a build, which a server has none of) and
 * debug.VisualizeSpaces (goldmark's [SPACE], [TAB], [NEWLINE]...).
 */

#include <string.h>

#include "page_fn.h"


static int
page_tpl_f_dump(PAGE_FN_ARGS)
{
    page_buf_t  j, b;

    (void) nargs;
    page_tpl_buf(st, &j);
    page_tpl_json(&j, args[0], 0);
    if (page_buf_failed(&j)) {
        return page_tpl_fail(st, "result too large (or out of memory)");
    }
    page_tpl_buf(st, &b);
    page_fn_json_format(&b, j.data ? j.data : "", j.len, "", 0, "  ", 2, 0);
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/* A timer: { "#timer": name, "Stop": "" } (its .Stop gives ""). */
static int
page_tpl_f_timer(PAGE_FN_ARGS)
{
    page_value_t  *t, *empty;

    (void) nargs;
    t = page_value_map(st->arena);
    empty = page_value_string(st->arena, "", 0);
    if (t == NULL || empty == NULL
        || page_map_add(st->arena, t, "#timer", 6,
                        args[0] ? args[0] : &page_nil_value) != 0
        || page_map_add(st->arena, t, "Stop", 4, empty) != 0)
    {
        return page_tpl_nomem(st);
    }
    *res = t;
    return 0;
}


static int
page_tpl_f_visualize(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len, i;
    page_buf_t   b;

    (void) nargs;
    /* cast.ToString: what does not cast is "" */
    if (args[0] != NULL
        && (args[0]->type == PAGE_LIST || args[0]->type == PAGE_MAP))
    {
        return page_tpl_ret_str(st, PAGE_STRING, "", 0, res);
    }
    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    page_tpl_buf(st, &b);
    for (i = 0; i < len; i++) {
        switch (s[i]) {
        case ' ':  page_buf_puts(&b, "[SPACE]"); break;
        case '\t': page_buf_puts(&b, "[TAB]"); break;
        case '\n': page_buf_puts(&b, "[NEWLINE]\n"); break;
        case '\r': page_buf_puts(&b, "[CR]"); break;
        case '\v': page_buf_puts(&b, "[VTAB]"); break;
        case '\0': page_buf_puts(&b, "[NUL]"); break;
        default:
            if (i + 2 < len && memcmp(s + i, "\xef\xbf\xbd", 3) == 0) {
                page_buf_puts(&b, "[U+FFFD]");
                i += 2;
            } else {
                page_buf_putc(&b, s[i]);
            }
        }
    }
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


const page_tpl_func_t  page_fn_debug[] = {
    { "debug.Dump", page_tpl_f_dump, 1, 1 },
    { "debug.Timer", page_tpl_f_timer, 1, 1 },
    { "debug.VisualizeSpaces", page_tpl_f_visualize, 1, 1 },
    { NULL, NULL, 0, 0 }
};
