/*
 * page_fn_path: Hugo's path namespace (tpl/path): path.Base, path.Dir,
 * path.Ext, path.Join, as Go's path package does them.
 */

#include <string.h>

#include "page_fn.h"


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
page_tpl_f_pathbase(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_path_part(st, args[0], 0, res);
}


static int
page_tpl_f_pathdir(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_path_part(st, args[0], 1, res);
}


static int
page_tpl_f_pathext(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_path_part(st, args[0], 2, res);
}


/* path.Join: elements joined by '/', empty ones skipped, "//" folded */
static int
page_tpl_f_pathjoin(PAGE_FN_ARGS)
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


const page_tpl_func_t  page_fn_path[] = {
    { "path.Base", page_tpl_f_pathbase, 1, 1 },
    { "path.Dir", page_tpl_f_pathdir, 1, 1 },
    { "path.Ext", page_tpl_f_pathext, 1, 1 },
    { "path.Join", page_tpl_f_pathjoin, 0, -1 },
    { NULL, NULL, 0, 0 }
};
