/*
 * page_fn_cast: Hugo's cast namespace (tpl/cast): int, float, string.
 */

#include <stdio.h>
#include <string.h>

#include "page_fn.h"


static int
page_tpl_f_int(PAGE_FN_ARGS)
{
    int64_t  i;

    (void) nargs;
    if (page_tpl_to_int(st, "int", args[0], &i) != 0) {
        return -1;
    }
    return page_tpl_ret_int(st, i, res);
}


static int
page_tpl_f_float(PAGE_FN_ARGS)
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
page_tpl_f_string(PAGE_FN_ARGS)
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


const page_tpl_func_t  page_fn_cast[] = {
    { "cast.ToInt", page_tpl_f_int, 1, 1 },
    { "int", page_tpl_f_int, 1, 1 },
    { "cast.ToFloat", page_tpl_f_float, 1, 1 },
    { "float", page_tpl_f_float, 1, 1 },
    { "cast.ToString", page_tpl_f_string, 1, 1 },
    { "string", page_tpl_f_string, 1, 1 },
    { NULL, NULL, 0, 0 }
};
