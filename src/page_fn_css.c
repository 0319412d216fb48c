/*
 * page_fn_css: Hugo's css namespace (tpl/css).  Quoted and Unquoted give
 * their string.  Sass, PostCSS, TailwindCSS and Build run tools a web
 * server does not run for a request (Dart Sass, Node.js programs,
 * esbuild); ChromaStyles needs the styles of a syntax highlighter we do
 * not have yet.  Those compile and fail when called, saying so; their
 * arguments are checked first, with Hugo's words, as Hugo checks them
 * before it starts the tool.
 */

#include <strings.h>

#include "page_fn.h"
#include "page_resource.h"


/*
 * Hugo's resourcehelpers.ResolveArgs: RESOURCE, or OPTIONS RESOURCE (a
 * target path string in place of the options for Sass and Build).
 */
int
page_fn_resource_args(page_tpl_state_t *st, page_value_t **args,
    size_t nargs)
{
    page_value_t  *r;

    if (nargs == 0) {
        return page_tpl_fail(st, "no Resource provided in transformation");
    }

    r = args[nargs - 1];

    if (page_resource_is(r)) {
        return 0;
    }

    if (nargs == 2 && (r == NULL || r->type != PAGE_MAP)) {
        return page_tpl_fail(st, "no Resource provided in transformation");
    }

    return page_tpl_fail(st, "type %s not supported in Resource "
                         "transformations",
                         args[0] == NULL || args[0]->type == PAGE_NIL
                         ? "<nil>" : page_tpl_tname(args[0]));
}


static int
page_fn_css_sass(PAGE_FN_ARGS)
{
    (void) res;

    if (page_fn_resource_args(st, args, nargs) != 0) {
        return -1;
    }

    return page_fn_unavailable(st, "css.Sass",
                         "Dart Sass is an external tool, not run at request "
                         "time");
}


static int
page_fn_css_postcss(PAGE_FN_ARGS)
{
    (void) res;

    if (page_fn_resource_args(st, args, nargs) != 0) {
        return -1;
    }

    return page_fn_unavailable(st, "css.PostCSS",
                         "PostCSS is an external tool (Node.js), not run at "
                         "request time");
}


static int
page_fn_css_tailwind(PAGE_FN_ARGS)
{
    (void) res;

    if (page_fn_resource_args(st, args, nargs) != 0) {
        return -1;
    }

    return page_fn_unavailable(st, "css.TailwindCSS",
                         "the Tailwind CSS CLI is an external tool, not run "
                         "at request time");
}


static int
page_fn_css_build(PAGE_FN_ARGS)
{
    (void) res;

    if (page_fn_resource_args(st, args, nargs) != 0) {
        return -1;
    }

    return page_fn_unavailable(st, "css.Build",
                         "esbuild is not available: stylesheets are not "
                         "bundled at request time");
}


static int
page_fn_css_chroma(PAGE_FN_ARGS)
{
    size_t         i;
    page_value_t  *opts, *target;

    (void) nargs;
    (void) res;

    /* Hugo decodes the options first: targetPath (any case) is needed */

    opts = args[0];
    target = NULL;

    for (i = 0; opts != NULL && opts->type == PAGE_MAP
                && i < opts->u.map.n; i++)
    {
        if (opts->u.map.items[i].key.len == 10
            && strncasecmp(opts->u.map.items[i].key.data, "targetpath", 10)
               == 0)
        {
            target = opts->u.map.items[i].value;
        }
    }

    if (!page_value_truthy(target)) {
        return page_tpl_fail(st, "targetPath cannot be empty");
    }

    return page_fn_unavailable(st, "css.ChromaStyles",
                         "Chroma's styles are not available (no syntax "
                         "highlighter yet)");
}


/* Quoted and Unquoted: the string (Hugo's types only tell Sass how to
 * write the variable). */
static int
page_fn_css_string(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len;

    (void) nargs;

    if (page_tpl_arg_str(st, "css.Quoted", args[0], &s, &len) != 0) {
        return -1;
    }

    return page_tpl_ret_str(st, PAGE_STRING, s, len, res);
}


const page_tpl_func_t  page_fn_css[] = {
    { "css.Build",        page_fn_css_build,    0, 2 },
    { "css.ChromaStyles", page_fn_css_chroma,   1, 1 },
    { "css.PostCSS",      page_fn_css_postcss,  0, 2 },
    { "postCSS",          page_fn_css_postcss,  0, 2 },
    { "css.Quoted",       page_fn_css_string,   1, 1 },
    { "css.Sass",         page_fn_css_sass,     0, 2 },
    { "toCSS",            page_fn_css_sass,     0, 2 },
    { "css.TailwindCSS",  page_fn_css_tailwind, 0, 2 },
    { "css.Unquoted",     page_fn_css_string,   1, 1 },
    { NULL, NULL, 0, 0 }
};
