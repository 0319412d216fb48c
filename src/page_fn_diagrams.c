/*
 * page_fn_diagrams: Hugo's diagrams namespace (tpl/diagrams) and its
 * openapi3 namespace (tpl/openapi/openapi3): documents Hugo turns into
 * objects with Go libraries (GoAT's ASCII-art to SVG, kin-openapi's
 * OpenAPI 3 loader, with its $ref resolution).  Neither is done here:
 * both compile and fail when called, saying so.
 */

#include "page_fn.h"


static int
page_fn_diagrams_goat(PAGE_FN_ARGS)
{
    (void) args;
    (void) nargs;
    (void) res;

    return page_fn_unavailable(st, "diagrams.Goat",
                         "GoAT diagrams are not rendered here (Hugo uses a "
                         "Go library for them)");
}


static int
page_fn_openapi3_unmarshal(PAGE_FN_ARGS)
{
    (void) args;
    (void) nargs;
    (void) res;

    return page_fn_unavailable(st, "openapi3.Unmarshal",
                         "OpenAPI documents are not loaded here (Hugo uses a "
                         "Go library for them)");
}


const page_tpl_func_t  page_fn_diagrams[] = {
    { "diagrams.Goat",      page_fn_diagrams_goat,      1, 1 },
    { "openapi3.Unmarshal", page_fn_openapi3_unmarshal, 1, 2 },
    { NULL, NULL, 0, 0 }
};
