/*
 * page_fn: the template functions by name.  One table per Hugo namespace
 * (page_fn_<namespace>.c); this list is the only place that names them
 * all.  A name is looked up once, when a template is parsed (a name is
 * never empty: the parser gives identifiers only).
 */

#include <string.h>

#include "page_fn.h"


static const page_tpl_func_t *const  page_fn_tables[] = {
    page_fn_builtins,
    page_fn_cast,
    page_fn_collections,
    page_fn_collections_sort,
    page_fn_collections_rand,
    page_fn_compare,
    page_fn_crypto,
    page_fn_debug,
    page_fn_css,
    page_fn_data,
    page_fn_diagrams,
    page_fn_encoding,
    page_fn_fmt,
    page_fn_images,
    page_fn_inflect,
    page_fn_js,
    page_fn_lang,
    page_fn_math,
    page_fn_os,
    page_fn_path,
    page_fn_reflect,
    page_fn_resources,
    page_fn_safe,
    page_fn_strings,
    page_fn_strings_re,
    page_fn_templates,
    page_fn_time,
    page_fn_transform,
    page_fn_urls,
    page_fn_unmarshal_funcs
};


const page_tpl_func_t *
page_fn_lookup(const char *name, size_t len)
{
    size_t                  i;
    const page_tpl_func_t  *f;

    for (i = 0; i < sizeof(page_fn_tables) / sizeof(page_fn_tables[0]); i++)
    {
        for (f = page_fn_tables[i]; f->name != NULL; f++) {
            if (f->name[0] == name[0] && strlen(f->name) == len
                && memcmp(f->name, name, len) == 0)
            {
                return f;
            }
        }
    }

    return NULL;
}


int
page_fn_method(page_tpl_state_t *st, page_value_t *recv, const char *name,
    size_t len, page_value_t **args, size_t nargs, page_value_t **res)
{
    if (recv == NULL) {
        return 1;
    }

    if (recv->type == PAGE_MAP) {
        return page_fn_scratch_method(st, recv, name, len, args, nargs, res);
    }

    return page_fn_time_methods(st, recv, name, len, args, nargs, res);
}


int
page_fn_env_method(page_tpl_state_t *st, void *ctx, page_value_t *recv,
    const char *name, size_t len, page_value_t **args, size_t nargs,
    page_value_t **res)
{
    (void) ctx;
    return page_fn_method(st, recv, name, len, args, nargs, res);
}
