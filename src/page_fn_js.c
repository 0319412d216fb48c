/*
 * page_fn_js: Hugo's js namespace (tpl/js): Build and Batch bundle with
 * esbuild, Babel runs Node.js; none of them runs at request time, so
 * they compile (js.Build is looked up as one name, before Go's builtin
 * js) and fail when called, saying so.
 */

#include "page_fn.h"


static int
page_fn_js_build(PAGE_FN_ARGS)
{
    (void) res;

    if (page_fn_resource_args(st, args, nargs) != 0) {
        return -1;
    }

    return page_fn_unavailable(st, "js.Build",
                         "esbuild is not available: scripts are not bundled "
                         "at request time");
}


static int
page_fn_js_babel(PAGE_FN_ARGS)
{
    (void) res;

    if (page_fn_resource_args(st, args, nargs) != 0) {
        return -1;
    }

    return page_fn_unavailable(st, "js.Babel",
                         "Babel is an external tool (Node.js), not run at "
                         "request time");
}


static int
page_fn_js_batch(PAGE_FN_ARGS)
{
    (void) args;
    (void) nargs;
    (void) res;

    return page_fn_unavailable(st, "js.Batch",
                         "esbuild is not available: scripts are not bundled "
                         "at request time");
}


const page_tpl_func_t  page_fn_js[] = {
    { "js.Babel",  page_fn_js_babel, 0, 2 },
    { "babel",     page_fn_js_babel, 0, 2 },
    { "js.Batch",  page_fn_js_batch, 0, 1 },
    { "js.Build",  page_fn_js_build, 0, 2 },
    { NULL, NULL, 0, 0 }
};
