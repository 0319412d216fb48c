/*
 * page_fn_lang: Hugo's lang namespace (tpl/lang): i18n and its alias T,
 * through the caller's translation hook.
 */

#include "page_fn.h"


static int
page_tpl_f_i18n(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len;

    if (page_tpl_arg_str(st, "T", args[0], &s, &len) != 0) {
        return -1;
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


const page_tpl_func_t  page_fn_lang[] = {
    { "lang.Translate", page_tpl_f_i18n, 1, 2 },
    { "T", page_tpl_f_i18n, 1, 2 },
    { "i18n", page_tpl_f_i18n, 1, 2 },
    { NULL, NULL, 0, 0 }
};
