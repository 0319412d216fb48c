/*
 * page_fn_css: Hugo's css namespace (tpl/css).  Quoted and Unquoted give
 * their string, marked for Sass's vars.  Sass (toCSS, resources.ToCSS)
 * compiles with libsass (page_fn_css_sass.c).  PostCSS, TailwindCSS and
 * Build run tools a web server does not run for a request (Node.js
 * programs, esbuild); ChromaStyles needs the styles of a syntax
 * highlighter we do not have yet.  Those compile and fail when called, saying so; their
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


/*
 * Quoted and Unquoted: the string, marked for css.Sass's vars (Hugo's
 * css.QuotedString and css.UnquotedString): a value that prints as the
 * string (PAGE_TPL_STRING_MARK) with a "#css" key after it.
 */
static int
page_fn_css_mark(page_tpl_state_t *st, page_value_t *v, const char *mark,
    page_value_t **res)
{
    const char    *s;
    size_t         len;
    page_arena_t  *a;
    page_value_t  *m;

    if (page_tpl_arg_str(st, "css.Quoted", v, &s, &len) != 0) {
        return -1;
    }

    a = page_tpl_arena(st);
    m = page_value_map(a);

    if (m == NULL
        || page_map_set(a, m, PAGE_TPL_STRING_MARK,
                        sizeof(PAGE_TPL_STRING_MARK) - 1,
                        page_value_string(a, s, len)) != 0
        || page_map_set(a, m, "#css", 4, page_value_string(a, mark, 1)) != 0)
    {
        return page_tpl_nomem(st);
    }

    *res = m;

    return 0;
}


static int
page_fn_css_quoted(PAGE_FN_ARGS)
{
    (void) nargs;

    return page_fn_css_mark(st, args[0], "q", res);
}


static int
page_fn_css_unquoted(PAGE_FN_ARGS)
{
    (void) nargs;

    return page_fn_css_mark(st, args[0], "u", res);
}


/* Is v made by css.Quoted ("q") or css.Unquoted ("u"): 1 with its
 * string. */
static int
page_css_is(const page_value_t *v, char mark, const char **s, size_t *len)
{
    const page_value_t  *str, *m;

    str = page_tpl_stringer(v);
    if (str == NULL || v->u.map.n < 2
        || v->u.map.items[1].key.len != 4
        || memcmp(v->u.map.items[1].key.data, "#css", 4) != 0)
    {
        return 0;
    }

    m = v->u.map.items[1].value;
    if (m == NULL || m->type != PAGE_STRING || m->u.s.data[0] != mark
        || str->type != PAGE_STRING)
    {
        return 0;
    }

    *s = str->u.s.data;
    *len = str->u.s.len;

    return 1;
}


int
page_css_is_quoted(const page_value_t *v, const char **s, size_t *len)
{
    return page_css_is(v, 'q', s, len);
}


int
page_css_is_unquoted(const page_value_t *v, const char **s, size_t *len)
{
    return page_css_is(v, 'u', s, len);
}


static int
page_fn_css_sass(PAGE_FN_ARGS)
{
    return page_fn_css_sass_run(st, args, nargs, res);
}


const page_tpl_func_t  page_fn_css[] = {
    { "css.Build",        page_fn_css_build,    0, 2 },
    { "css.ChromaStyles", page_fn_css_chroma,   1, 1 },
    { "css.PostCSS",      page_fn_css_postcss,  0, 2 },
    { "postCSS",          page_fn_css_postcss,  0, 2 },
    { "css.Quoted",       page_fn_css_quoted,   1, 1 },
    { "css.Sass",         page_fn_css_sass,     0, 2 },
    { "resources.ToCSS",  page_fn_css_sass,     0, 2 },
    { "toCSS",            page_fn_css_sass,     0, 2 },
    { "css.TailwindCSS",  page_fn_css_tailwind, 0, 2 },
    { "css.Unquoted",     page_fn_css_unquoted, 1, 1 },
    { NULL, NULL, 0, 0 }
};
