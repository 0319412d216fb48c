/*
 * page_fn_templates: Hugo's templates namespace (tpl/templates: Exists,
 * Current, Defer, Inner) and partials namespace (tpl/partials: Include,
 * IncludeCached, the namespaced names of partial and partialCached), over
 * the template store of the page being rendered (page_templates.c).  And
 * _page_text_template, what the store's HTML set calls to run a
 * plain-text partial or shortcode (.json, .txt, .md, ...) in its
 * plain-text set.
 */

#include <string.h>

#include "page_data.h"
#include "page_fn.h"


/* The store of the page being rendered, or NULL (a template run alone). */
static const page_templates_t *
page_fn_store(page_tpl_state_t *st)
{
    page_data_t  *d;

    d = page_tpl_env(st)->data;

    return d != NULL ? d->templates : NULL;
}


/* templates.Exists PATH: a template file at PATH under layouts/. */
static int
page_fn_templates_exists(PAGE_FN_ARGS)
{
    size_t                   len;
    const char              *s;
    const page_templates_t  *t;

    (void) nargs;

    if (page_tpl_arg_str(st, "templates.Exists", args[0], &s, &len) != 0) {
        return -1;
    }

    t = page_fn_store(st);

    return page_tpl_ret_bool(st, t != NULL && page_templates_exists(t, s, len),
                             res);
}


/* The CurrentTemplateInfo of the file a tree is in, or nil. */
static int
page_fn_template_info(page_tpl_state_t *st, const page_tpl_tree_t *tree,
    page_value_t **res)
{
    page_arena_t            *a;
    const char              *file, *name, *filename;
    page_value_t            *m;
    const page_templates_t  *t;

    *res = NULL;

    if (tree == NULL) {
        return 0;
    }

    a = page_tpl_arena(st);
    t = page_fn_store(st);
    file = tree->file ? tree->file : tree->name;
    name = file;
    filename = "";

    if (t == NULL || !page_templates_file_info(t, file, &filename, &name)) {
        name = file;
        filename = tree->path ? tree->path : "";
    }

    m = page_value_map(a);

    if (m == NULL
        || page_map_add(a, m, "Name", 4,
                        page_value_string(a, name, strlen(name))) != 0
        || page_map_add(a, m, "Filename", 8,
                        page_value_string(a, filename, strlen(filename)))
           != 0
        || page_map_add(a, m, "Parent", 6, &page_nil_value) != 0
        || page_map_add(a, m, "Base", 4, &page_nil_value) != 0
        || page_map_add(a, m, "Ancestors", 9, page_value_list(a)) != 0)
    {
        return page_tpl_nomem(st);
    }

    *res = m;

    return 0;
}


/*
 * templates.Current: the template file executing, as Hugo 0.146's
 * CurrentTemplateInfo: .Name (its path under Hugo's new folder names,
 * "_partials/x.html", "single.html"), .Filename (absolute; "" for the
 * built-in theme, as for Hugo's embedded templates).  Difference: .Parent
 * and .Base are nil and .Ancestors empty, the engine keeping no chain of
 * callers.
 */
static int
page_fn_templates_current(PAGE_FN_ARGS)
{
    (void) args;
    (void) nargs;

    return page_fn_template_info(st, st->tree, res);
}


/*
 * templates.Defer OPTIONS, always inside a with: Hugo runs the block
 * after the whole site is rendered (for hugo_stats.json); a page rendered
 * on its own has no such later step, so the block runs in place, its dot
 * the "data" option when it has one.  Difference: variables of the
 * enclosing template are visible inside.
 */
static int
page_fn_templates_defer(PAGE_FN_ARGS)
{
    page_value_t  *data;

    if (nargs == 1 && args[0] != NULL && args[0]->type != PAGE_NIL) {
        if (args[0]->type != PAGE_MAP) {
            return page_tpl_fail(st, "templates.Defer: the options must be "
                                 "a map");
        }

        data = page_map_get_ci(args[0], "data", 4);

        if (data != NULL && page_tpl_truth(data)) {
            *res = data;
            return 0;
        }
    }

    *res = &page_true_value;

    return 0;
}


/*
 * templates.Inner (Hugo 0.154) runs the block of a partial decorator,
 * {{ with partial "x.html" . }}block{{ end }}: the engine does not hand
 * such blocks to partials.
 */
static int
page_fn_templates_inner(PAGE_FN_ARGS)
{
    (void) args;
    (void) nargs;
    (void) res;

    return page_fn_unavailable(st, "templates.Inner",
                               "partial decorators are not supported");
}


/* partials.Include NAME [CONTEXT], as partial. */
static int
page_fn_partials_include(PAGE_FN_ARGS)
{
    size_t                   len;
    const char              *s, *name;
    const page_templates_t  *t;

    if (page_tpl_arg_str(st, "partials.Include", args[0], &s, &len) != 0) {
        return -1;
    }

    t = page_fn_store(st);

    name = t ? page_templates_partial_name(t, s, len) : NULL;
    if (name == NULL) {
        return page_tpl_fail(st, "partial \"%.*s\" not found", (int) len, s);
    }

    return page_tpl_call_in(st, page_templates_partials(t), name,
                            nargs > 1 ? args[1] : &page_nil_value, res);
}


/*
 * _page_text_template NAME DOT: the plain-text template NAME of the
 * store, its output (typed HTML: no more escaping) or its return value.
 */
static int
page_fn_text_template(PAGE_FN_ARGS)
{
    size_t                   len;
    const char              *s;
    const page_tpl_set_t    *set;
    const page_templates_t  *t;
    char                     name[1024];

    (void) nargs;

    if (page_tpl_arg_str(st, "_page_text_template", args[0], &s, &len) != 0)
    {
        return -1;
    }

    t = page_fn_store(st);
    set = t ? page_templates_text(t) : NULL;

    if (set == NULL || len >= sizeof(name)) {
        return page_tpl_fail(st, "template \"%.*s\" not defined", (int) len,
                             s);
    }

    memcpy(name, s, len);
    name[len] = '\0';

    return page_tpl_call_in(st, set, name, args[1], res);
}


const page_tpl_func_t  page_fn_templates[] = {
    { "templates.Exists",        page_fn_templates_exists,  1, 1 },
    { "templates.Current",       page_fn_templates_current, 0, 0 },
    { "templates.Defer",         page_fn_templates_defer,   0, 1 },
    { "templates.Inner",         page_fn_templates_inner,   0, 1 },
    { "inner",                   page_fn_templates_inner,   0, 1 },
    /* arguments after the context are ignored, as Hugo's Include does */
    { "partials.Include",        page_fn_partials_include,  1, -1 },
    /*
     * Hugo caches the result per name and variant keys for the whole
     * build; a page rendered on its own runs it each time (the same
     * output for the same context).
     */
    { "partials.IncludeCached",  page_fn_partials_include,  1, -1 },
    { "_page_text_template",     page_fn_text_template,     2, 2 },
    { NULL, NULL, 0, 0 }
};
