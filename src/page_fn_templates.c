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


/* The name, file name and kind of the file a tree is in. */
static void
page_fn_tree_file(page_tpl_state_t *st, const page_tpl_tree_t *tree,
    const char **name, const char **filename, int *baseof)
{
    const char              *file;
    const page_templates_t  *t;

    t = page_fn_store(st);
    file = tree->file ? tree->file : tree->name;

    if (t == NULL
        || !page_templates_file_info(t, file, filename, name, baseof))
    {
        *name = file;
        *filename = tree->path ? tree->path : "";
        *baseof = 0;
    }
}


/* A CurrentTemplateInfo: .Name, .Filename, .Parent, .Base, .Ancestors. */
static page_value_t *
page_fn_template_info(page_arena_t *a, const char *name,
    const char *filename, page_value_t *parent, page_value_t *base,
    page_value_t *ancestors)
{
    page_value_t  *m;

    m = page_value_map(a);

    if (m == NULL
        || page_map_add(a, m, "Name", 4,
                        page_value_string(a, name, strlen(name))) != 0
        || page_map_add(a, m, "Filename", 8,
                        page_value_string(a, filename, strlen(filename)))
           != 0
        || page_map_add(a, m, "Parent", 6, parent) != 0
        || page_map_add(a, m, "Base", 4, base) != 0
        || page_map_add(a, m, "Ancestors", 9, ancestors) != 0)
    {
        return NULL;
    }

    return m;
}


/*
 * templates.Current: the template file executing, as Hugo 0.146's
 * CurrentTemplateInfo: .Name (its path under Hugo's new folder names,
 * "_partials/x.html", "single.html"), .Filename (absolute; "" for the
 * built-in theme, as for Hugo's embedded templates), .Parent (the file
 * that called it, or nil), .Base (the baseof it runs in, or nil) and
 * .Ancestors (the callers, nearest first, baseofs left out).  The chain
 * is the engine's stack of template calls, one entry per file.
 */
static int
page_fn_templates_current(PAGE_FN_ARGS)
{
    size_t         i, k, n;
    int            baseof[PAGE_TPL_MAX_DEPTH];
    const char    *name[PAGE_TPL_MAX_DEPTH], *fname[PAGE_TPL_MAX_DEPTH];
    page_arena_t  *a;
    page_value_t  *info, *parent, *base, *anc, *list;

    (void) args;
    (void) nargs;

    a = page_tpl_arena(st);

    /* the files of the call stack, top first, one entry a file */

    n = 0;

    for (i = st->depth; i-- > 0; ) {
        page_fn_tree_file(st, st->calls[i], &name[n], &fname[n], &baseof[n]);

        if (n == 0 || strcmp(name[n], name[n - 1]) != 0) {
            n++;
        }
    }

    /* from the bottom up: each file's info points at its caller's */

    parent = &page_nil_value;
    base = &page_nil_value;
    info = &page_nil_value;
    anc = page_value_list(a);
    if (anc == NULL) {
        return page_tpl_nomem(st);
    }

    for (k = n; k-- > 0; ) {
        if (baseof[k]) {
            base = page_fn_template_info(a, name[k], fname[k],
                                         &page_nil_value, &page_nil_value,
                                         page_value_list(a));
            if (base == NULL) {
                return page_tpl_nomem(st);
            }
            continue;
        }

        info = page_fn_template_info(a, name[k], fname[k], parent, base,
                                     anc);
        if (info == NULL) {
            return page_tpl_nomem(st);
        }

        /* the next one's ancestors: this one, then this one's */
        list = page_value_list(a);
        if (list == NULL || page_list_push(a, list, info) != 0) {
            return page_tpl_nomem(st);
        }
        for (i = 0; i < anc->u.list.n; i++) {
            if (page_list_push(a, list, anc->u.list.items[i]) != 0) {
                return page_tpl_nomem(st);
            }
        }

        anc = list;
        parent = info;
        base = &page_nil_value;
    }

    *res = info->type == PAGE_NIL ? NULL : info;

    return 0;
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
