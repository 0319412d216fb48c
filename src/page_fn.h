/*
 * page_fn.h: what the template function files share.  Each page_fn_*.c
 * file owns one of Hugo's function namespaces (tpl/<namespace> in Hugo's
 * source) and exports its table of names: the namespace-qualified name
 * and its aliases ("strings.ToLower", "lower"), each table ended by an
 * entry whose name is NULL.  page_fn.c collects the tables.  The
 * argument, result and conversion helpers are in page_fn_args.c; how
 * values compare is in page_fn_compare.c, how they print in page_fn_fmt.c.
 *
 * Every function treats its arguments as read-only and allocates its
 * result in the execution's arena.
 */

#ifndef PAGE_FN_H
#define PAGE_FN_H

#include "page.h"
#include "page_tpl_int.h"

/* The parameters of every template function (page_tpl_func_pt). */
#define PAGE_FN_ARGS  page_tpl_state_t *st, page_value_t **args,             \
                      size_t nargs, page_value_t **res

/* ---- the namespaces' tables (page_fn.c lists them) ---- */

extern const page_tpl_func_t  page_fn_builtins[];
extern const page_tpl_func_t  page_fn_cast[];
extern const page_tpl_func_t  page_fn_collections[];
extern const page_tpl_func_t  page_fn_collections_sort[];
extern const page_tpl_func_t  page_fn_collections_rand[];
extern const page_tpl_func_t  page_fn_compare[];
extern const page_tpl_func_t  page_fn_crypto[];
extern const page_tpl_func_t  page_fn_debug[];
extern const page_tpl_func_t  page_fn_css[];
extern const page_tpl_func_t  page_fn_data[];
extern const page_tpl_func_t  page_fn_diagrams[];
extern const page_tpl_func_t  page_fn_encoding[];
extern const page_tpl_func_t  page_fn_fmt[];
extern const page_tpl_func_t  page_fn_images[];
extern const page_tpl_func_t  page_fn_inflect[];
extern const page_tpl_func_t  page_fn_js[];
extern const page_tpl_func_t  page_fn_lang[];
extern const page_tpl_func_t  page_fn_math[];
extern const page_tpl_func_t  page_fn_os[];
extern const page_tpl_func_t  page_fn_path[];
extern const page_tpl_func_t  page_fn_reflect[];
extern const page_tpl_func_t  page_fn_resources[];
extern const page_tpl_func_t  page_fn_safe[];
extern const page_tpl_func_t  page_fn_strings[];
extern const page_tpl_func_t  page_fn_strings_re[];
extern const page_tpl_func_t  page_fn_templates[];
extern const page_tpl_func_t  page_fn_time[];
extern const page_tpl_func_t  page_fn_transform[];
extern const page_tpl_func_t  page_fn_urls[];
extern const page_tpl_func_t  page_fn_unmarshal_funcs[];

/* ---- results (page_fn_args.c) ---- */

/* Fail the execution with "out of memory"; returns -1. */
int page_tpl_nomem(page_tpl_state_t *st);
/* A copy of s as a string value of the given type. */
int page_tpl_ret_str(page_tpl_state_t *st, page_type_t type, const char *s,
    size_t len, page_value_t **res);
/* The buffer's bytes (already in the arena) as a value of the type. */
int page_tpl_ret_buf(page_tpl_state_t *st, page_type_t type, page_buf_t *b,
    page_value_t **res);
int page_tpl_ret_bool(page_tpl_state_t *st, int b, page_value_t **res);
int page_tpl_ret_int(page_tpl_state_t *st, int64_t i, page_value_t **res);
/* The text of v (as %v prints it) as a string value of the type. */
int page_tpl_typed(page_tpl_state_t *st, page_value_t *v, page_type_t type,
    page_value_t **res);
/* An output buffer in the execution's arena, bounded by its output cap. */
void page_tpl_buf(page_tpl_state_t *st, page_buf_t *b);
/* A new empty list, or NULL after failing the execution. */
page_value_t *page_tpl_list_new(page_tpl_state_t *st);
/* Append v (nil when NULL) to the list l. */
int page_tpl_push(page_tpl_state_t *st, page_value_t *l, page_value_t *v);

/* ---- arguments (page_fn_args.c) ---- */

/* The value as text: strings as they are, others as %v prints them. */
int page_tpl_text(page_tpl_state_t *st, const page_value_t *v,
    const char **s, size_t *len);
/* A string argument, or a failure naming the function fn. */
int page_tpl_arg_str(page_tpl_state_t *st, const char *fn, page_value_t *v,
    const char **s, size_t *len);
/* A number, boolean, numeric string or nil as a float, as Hugo casts. */
int page_tpl_to_float(page_tpl_state_t *st, const char *fn,
    const page_value_t *v, double *out);

/*
 * Fail because name does not run here, saying why ("resources.GetRemote:
 * remote resources are not fetched at request time"), in one line.
 */
int page_fn_unavailable(page_tpl_state_t *st, const char *name,
    const char *why);

/* ---- methods of values (page_fn.c) ---- */

/*
 * The methods Hugo's values have (a time's .Year, a duration's .Hours, a
 * scratch pad's .Set): 0 with *res set when name is a method of recv, 1
 * when it is not, -1 after page_tpl_fail().  The engine asks it before
 * a map lookup; page_fn_env_method is the same as a page_tpl_method_pt.
 */
int page_fn_method(page_tpl_state_t *st, page_value_t *recv,
    const char *name, size_t len, page_value_t **args, size_t nargs,
    page_value_t **res);
int page_fn_env_method(page_tpl_state_t *st, void *ctx, page_value_t *recv,
    const char *name, size_t len, page_value_t **args, size_t nargs,
    page_value_t **res);
/* Methods of time.Time and time.Duration values (page_fn_time.c). */
int page_fn_time_methods(page_tpl_state_t *st, page_value_t *recv,
    const char *name, size_t len, page_value_t **args, size_t nargs,
    page_value_t **res);
/* Is v a scratch pad; its methods (page_fn_collections_scratch.c). */
int page_fn_is_scratch(const page_value_t *v);
int page_fn_scratch_method(page_tpl_state_t *st, page_value_t *pad,
    const char *name, size_t len, page_value_t **args, size_t nargs,
    page_value_t **res);

/* ---- shared between namespaces ---- */

/* v in Go's syntax, as %#v prints it (page_fn_fmt.c). */
void page_fn_gosyntax(page_buf_t *b, const page_value_t *v);

/*
 * spf13/cast's ToFloat64E and ToInt64E, as Hugo casts (page_fn_cast.c):
 * 0 with *out, or -1 when v does not cast (nothing failed yet); then
 * the failure in cast's words: "unable to cast %#v of type %T to TO".
 * strconv.FormatFloat(f, 'f', -1, 64), as cast.ToString prints floats.
 */
int page_fn_cast_float(const page_value_t *v, double *out);
int page_fn_cast_int(const page_value_t *v, int64_t *out);
int page_fn_cast_fail(page_tpl_state_t *st, const page_value_t *v,
    const char *to);
void page_fn_format_float(page_buf_t *b, double f);
/*
 * v as cast.ToStringE gives it: strings as they are, nil "", numbers,
 * booleans and times printed (floats with page_fn_format_float); lists
 * and maps fail in cast's words.  0 with *s, *len set, or -1 after
 * failing.
 */
/* Go's strconv.Quote of s into b (QuoteToASCII with ascii), fmt's %q. */
void page_fn_quote(page_buf_t *b, const char *s, size_t len, int ascii);

/*
 * Hugo's resource target path of s: "/" and the path cleaned (never
 * above "/"), no "/" at its end; "/" when s names nothing.  0, or -1.
 */
int page_fn_target_path(page_tpl_state_t *st, const char *s, size_t len,
    page_str_t *out);

int page_fn_cast_string(page_tpl_state_t *st, const page_value_t *v,
    const char **s, size_t *len);

/*
 * Compact JSON j (page_tpl_json's) as Go's encoder writes it with
 * SetIndent(prefix, indent) and, noesc, SetEscapeHTML(false)
 * (page_fn_encoding.c).
 */
void page_fn_json_format(page_buf_t *b, const char *j, size_t len,
    const char *prefix, size_t plen, const char *indent, size_t ilen,
    int noesc);

/* Go's url.QueryEscape; path: a space as %20 (page_fn_builtins.c). */
void page_tpl_query_escape(page_buf_t *b, const char *s, size_t len,
    int path);

/*
 * The arguments of a resource transformation run by a tool (toCSS,
 * postCSS, js.Build, ...): RESOURCE or OPTIONS RESOURCE, checked as
 * Hugo's resourcehelpers.ResolveArgs checks them (page_fn_css.c).
 */
int page_fn_resource_args(page_tpl_state_t *st, page_value_t **args,
    size_t nargs);
/* css.Sass with libsass (page_fn_css_sass.c); the strings css.Quoted and
 * css.Unquoted mark, 1 when v is one (page_fn_css.c). */
int page_fn_css_sass_run(page_tpl_state_t *st, page_value_t **args,
    size_t nargs, page_value_t **res);
/* Free the worker's cache of compiled stylesheets (page_exit). */
void page_sass_exit(void);
/* Seconds of CPU one compile may take in its child process; the unit
 * tests set 0 to compile in the process, where ASan sees libsass. */
extern int  page_sass_cpu_limit;
int page_css_is_quoted(const page_value_t *v, const char **s, size_t *len);
int page_css_is_unquoted(const page_value_t *v, const char **s,
    size_t *len);

/*
 * hugo.Version, a string that compares as a version (page_fn_hugo.c):
 * page_tpl_compare hands a pair with it on either side to
 * page_hugo_version_cmp (-1, 0, 1, as page_tpl_compare).
 */
extern page_value_t  page_hugo_version;
int page_hugo_is_version(const page_value_t *v);
int page_hugo_version_cmp(const page_value_t *a, const page_value_t *b);
/*
 * The value `hugo` gives (HugoInfo); then the site it belongs to; its
 * fields made when read (hugo.Sites), as page_tpl_method_pt.
 */
page_value_t *page_hugo_info(page_arena_t *a, const page_options_t *opt);
int page_hugo_set_site(page_arena_t *a, page_value_t *hugo,
    page_value_t *site);
int page_hugo_method(page_tpl_state_t *st, page_value_t *site,
    const char *name, size_t len, size_t nargs, page_value_t **res);

#endif /* PAGE_FN_H */
