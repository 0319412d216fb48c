/*
 * page_fn_resources: Hugo's resources namespace (tpl/resources): Get,
 * GetMatch, Match and ByType over the assets directories, FromString,
 * Concat, Copy, ExecuteAsTemplate, Fingerprint, Minify, PostProcess, and
 * GetRemote, which fails: a request never waits on another server.  The
 * bare `resources` is the namespace as a value, with the same methods
 * (resources.Get is .Get on it).
 *
 * Minify returns the resource unchanged, under Hugo's ".min" name:
 * Debian packages no CSS, JavaScript or HTML minifier as a C or C++
 * library (Hugo's is the Go package tdewolff/minify).
 */

#include <string.h>

#include <openssl/evp.h>

#include "page_assets.h"
#include "page_data.h"
#include "page_fn.h"
#include "page_glob.h"
#include "page_resource.h"

/* The bare `resources`: a map marked as the namespace. */
static page_pair_t  page_resources_ns_pairs[] = {
    { { "#resources", 10 }, &page_true_value }
};

page_value_t  page_resources_ns = {
    .type = PAGE_MAP,
    .u.map = { page_resources_ns_pairs, 1, 1 }
};


static page_resources_t *
page_fn_res(page_tpl_state_t *st)
{
    page_data_t  *d;

    d = page_tpl_env(st)->data;
    return d ? &d->resources : NULL;
}


static const page_options_t *
page_fn_res_opt(page_tpl_state_t *st)
{
    page_resources_t  *rs;

    rs = page_fn_res(st);
    return rs ? rs->opt : NULL;
}


int
page_fn_target_path(page_tpl_state_t *st, const char *s, size_t len,
    page_str_t *out)
{
    char  *p;

    p = page_arena_alloc(page_tpl_arena(st), len + 2);
    if (p == NULL) {
        return page_tpl_nomem(st);
    }

    p[0] = '/';
    memcpy(p + 1, s, len);
    len = page_glob_clean(p, len + 1);      /* rooted: never above "/" */

    while (len > 1 && p[len - 1] == '/') {
        len--;
    }
    p[len] = '\0';

    out->data = p;
    out->len = len;

    return 0;
}


/* "/" + the cleaned path without slashes around it: Hugo's target. */
static int
page_fn_res_target(page_tpl_state_t *st, const char *fn, page_value_t *v,
    page_str_t *out)
{
    size_t       len;
    const char  *s;

    if (page_tpl_arg_str(st, fn, v, &s, &len) != 0
        || page_fn_target_path(st, s, len, out) != 0)
    {
        return -1;
    }

    if (out->len <= 1) {
        return page_tpl_fail(st, "%s: the target path is empty", fn);
    }

    return 0;
}


/* A resource for an asset: named and published at "/" + its name. */
static page_value_t *
page_fn_res_asset(page_tpl_state_t *st, const page_asset_t *asset)
{
    char          *name;
    page_value_t  *r;

    name = page_arena_alloc(page_tpl_arena(st), asset->name_len + 2);
    if (name == NULL) {
        page_tpl_nomem(st);
        return NULL;
    }

    name[0] = '/';
    memcpy(name + 1, asset->name, asset->name_len);
    name[asset->name_len + 1] = '\0';

    r = page_resource_new(page_tpl_arena(st), name, asset->name_len + 1,
                          name, asset->name_len + 1, asset->path, NULL, 0);
    if (r == NULL) {
        page_tpl_nomem(st);
    }

    return r;
}


static int
page_fn_res_get(PAGE_FN_ARGS)
{
    int                    rc;
    size_t                 len;
    const char            *s;
    page_asset_t           asset;
    const page_options_t  *opt;

    (void) nargs;

    if (page_tpl_arg_str(st, "resources.Get", args[0], &s, &len) != 0) {
        return -1;
    }

    opt = page_fn_res_opt(st);
    *res = NULL;

    if (len == 0 || opt == NULL || opt->nassets == 0) {
        return 0;                       /* no assets: nil, as for a */
    }                                   /* missing file */

    rc = page_assets_find(page_tpl_arena(st), opt->assets, opt->nassets, s,
                          len, &asset);
    if (rc < 0) {
        return page_tpl_nomem(st);
    }

    if (rc == 0) {
        return 0;
    }

    *res = page_fn_res_asset(st, &asset);

    return *res ? 0 : -1;
}


/* Match, GetMatch, ByType: the assets whose names match the pattern. */
static int
page_fn_res_match(page_tpl_state_t *st, const char *fn, const char *pat,
    size_t plen, int first, const char *type, page_value_t **res)
{
    size_t                 i, n;
    const char            *why;
    page_value_t          *list, *r, *t;
    page_asset_t          *found;
    const page_options_t  *opt;

    opt = page_fn_res_opt(st);
    list = NULL;

    if (!first) {
        list = page_tpl_list_new(st);
        if (list == NULL) {
            return -1;
        }
    }

    *res = list;

    if (opt == NULL || opt->nassets == 0) {
        return 0;
    }

    if (page_assets_match(page_tpl_arena(st), opt->assets, opt->nassets,
                          pat, plen, first, &found, &n, &why) != 0)
    {
        return page_fn_unavailable(st, fn, why);
    }

    for (i = 0; i < n; i++) {
        r = page_fn_res_asset(st, &found[i]);
        if (r == NULL) {
            return -1;
        }

        if (type != NULL) {
            t = page_map_gets(r, "ResourceType");
            if (t == NULL || strcmp(t->u.s.data, type) != 0) {
                continue;
            }
        }

        if (first) {
            *res = r;
            return 0;
        }

        if (page_tpl_push(st, list, r) != 0) {
            return -1;
        }
    }

    return 0;
}


static int
page_fn_res_match_fn(PAGE_FN_ARGS)
{
    size_t       len;
    const char  *s;

    (void) nargs;

    if (page_tpl_arg_str(st, "resources.Match", args[0], &s, &len) != 0) {
        return -1;
    }

    return page_fn_res_match(st, "resources.Match", s, len, 0, NULL, res);
}


static int
page_fn_res_getmatch(PAGE_FN_ARGS)
{
    size_t       len;
    const char  *s;

    (void) nargs;

    if (page_tpl_arg_str(st, "resources.GetMatch", args[0], &s, &len) != 0)
    {
        return -1;
    }

    *res = NULL;

    return page_fn_res_match(st, "resources.GetMatch", s, len, 1, NULL, res);
}


static int
page_fn_res_bytype(PAGE_FN_ARGS)
{
    size_t       len;
    const char  *s;
    char        *type;

    (void) nargs;

    if (page_tpl_arg_str(st, "resources.ByType", args[0], &s, &len) != 0) {
        return -1;
    }

    type = page_arena_strndup(page_tpl_arena(st), s, len);
    if (type == NULL) {
        return page_tpl_nomem(st);
    }

    return page_fn_res_match(st, "resources.ByType", "**", 2, 0, type, res);
}


static int
page_fn_res_getremote(PAGE_FN_ARGS)
{
    (void) args;
    (void) nargs;
    (void) res;

    return page_fn_unavailable(st, "resources.GetRemote",
                         "remote resources are not fetched at request time");
}


static int
page_fn_res_fromstring(PAGE_FN_ARGS)
{
    size_t       len;
    page_str_t   target;
    const char  *s;

    (void) nargs;

    if (page_fn_res_target(st, "resources.FromString", args[0], &target)
        != 0
        || page_tpl_text(st, args[1], &s, &len) != 0)
    {
        return -1;
    }

    if (page_tpl_is_str(args[1])) {
        s = page_arena_strndup(page_tpl_arena(st), s, len);
        if (s == NULL) {
            return page_tpl_nomem(st);
        }
    }

    *res = page_resource_new(page_tpl_arena(st), target.data, target.len,
                             target.data, target.len, NULL, s, len);

    return *res ? 0 : page_tpl_nomem(st);
}


/* The resource argument of a transformation, or a failure as Hugo's. */
static int
page_fn_res_arg(page_tpl_state_t *st, page_value_t *v)
{
    if (page_resource_is(v)) {
        return 0;
    }

    return page_tpl_fail(st, "%s can not be transformed",
                         v == NULL || v->type == PAGE_NIL
                         ? "<nil>" : page_tpl_tname(v));
}


static int
page_fn_res_copy(PAGE_FN_ARGS)
{
    page_str_t  target;

    (void) nargs;

    if (page_fn_res_target(st, "resources.Copy", args[0], &target) != 0
        || page_fn_res_arg(st, args[1]) != 0)
    {
        return -1;
    }

    *res = page_resource_derive(page_tpl_arena(st), args[1], target.data,
                                target.len, NULL, 0, NULL, NULL);

    return *res ? 0 : page_tpl_nomem(st);
}


static int
page_fn_res_concat(PAGE_FN_ARGS)
{
    size_t         i;
    page_buf_t     b;
    page_str_t     target, content;
    const char    *type, *t;
    page_value_t  *list, *r;

    (void) nargs;

    if (page_fn_res_target(st, "resources.Concat", args[0], &target) != 0) {
        return -1;
    }

    list = args[1];

    if (list == NULL || list->type != PAGE_LIST) {
        return page_tpl_fail(st, "expected slice of Resource objects, "
                             "received %s instead", page_tpl_tname(list));
    }

    if (list->u.list.n == 0) {
        return page_tpl_fail(st, "must provide one or more Resource objects "
                             "to concat");
    }

    page_buf_init(&b, page_tpl_arena(st), PAGE_RESOURCE_MAX_SIZE);
    type = NULL;

    for (i = 0; i < list->u.list.n; i++) {
        r = list->u.list.items[i];

        if (!page_resource_is(r)) {
            return page_tpl_fail(st, "expected slice of Resource objects, "
                                 "received %s instead",
                                 page_tpl_tname(r));
        }

        t = page_resource_media(r);
        if (type != NULL && strcmp(t, type) != 0) {
            return page_tpl_fail(st, "resources in Concat must be of the "
                                 "same Media Type, got \"%s\" and \"%s\"", t,
                                 type);
        }

        if (page_resource_content(st, r, &content) != 0) {
            return -1;
        }

        /* scripts get a barrier between them, as Hugo puts one */
        if (type != NULL && strcmp(type, "text/javascript") == 0) {
            page_buf_puts(&b, "\n;\n");
        }

        type = t;
        page_buf_append(&b, content.data, content.len);
    }

    if (page_buf_failed(&b)) {
        return page_tpl_fail(st, "resources.Concat: more than %d bytes",
                             PAGE_RESOURCE_MAX_SIZE);
    }

    *res = page_resource_new(page_tpl_arena(st), target.data, target.len,
                             target.data, target.len, NULL,
                             b.data ? b.data : "", b.len);

    return *res ? 0 : page_tpl_nomem(st);
}


/*
 * resources.ExecuteAsTemplate TARGET CONTEXT RESOURCE: the resource's
 * content parsed as a text template (with the functions layouts have)
 * and run with CONTEXT, within this execution's limits.
 */
static int
page_fn_res_execute(PAGE_FN_ARGS)
{
    page_str_t       target, content;
    const char      *name;
    page_error_t     err;
    page_arena_t    *a;
    page_value_t    *out;
    page_tpl_set_t  *set;

    (void) nargs;

    if (page_fn_res_target(st, "resources.ExecuteAsTemplate", args[0],
                           &target) != 0)
    {
        return -1;
    }

    if (!page_resource_is(args[2])) {
        return page_tpl_fail(st, "type %s not supported in Resource "
                             "transformations",
                             args[2] == NULL || args[2]->type == PAGE_NIL
                             ? "<nil>" : page_tpl_tname(args[2]));
    }

    if (page_resource_content(st, args[2], &content) != 0) {
        return -1;
    }

    a = page_tpl_arena(st);
    name = page_resource_name(args[2]).data;
    page_error_init(&err);

    set = page_tpl_set_new(a, 0);
    if (set == NULL
        || page_tpl_set_funcs(set, page_data_funcs, page_data_nfuncs) != 0)
    {
        return page_tpl_nomem(st);
    }

    if (page_tpl_set_add(set, name, name, content.data, content.len, &err)
        != 0
        || page_tpl_set_check(set, &err) != 0)
    {
        return page_tpl_fail(st, "failed to parse Resource \"%s\" as "
                             "Template: %s", name, err.msg);
    }

    if (page_tpl_call_in(st, set, name, args[1], &out) != 0) {
        return -1;
    }

    if (!page_tpl_is_str(out)) {
        return page_tpl_fail(st, "resources.ExecuteAsTemplate: the template "
                             "returned a value, not text");
    }

    *res = page_resource_derive(a, args[2], target.data, target.len,
                                out->u.s.data, out->u.s.len, NULL, NULL);

    return *res ? 0 : page_tpl_nomem(st);
}


static int
page_fn_res_fingerprint(PAGE_FN_ARGS)
{
    char            hexs[2 * EVP_MAX_MD_SIZE + 2], *integrity;
    size_t          i, alen, plen;
    unsigned int    n;
    page_str_t      content, target;
    const char     *algo;
    page_value_t   *r;
    const EVP_MD   *md;
    unsigned char   sum[EVP_MAX_MD_SIZE];
    static const char  hex[] = "0123456789abcdef";

    r = args[nargs - 1];
    algo = "sha256";                    /* Hugo's default */
    alen = 6;

    if (nargs == 2
        && page_tpl_arg_str(st, "resources.Fingerprint", args[0], &algo,
                            &alen) != 0)
    {
        return -1;
    }

    if (page_fn_res_arg(st, r) != 0) {
        return -1;
    }

#define IS(s)  (alen == sizeof(s) - 1 && memcmp(algo, s, alen) == 0)

    md = IS("md5") ? EVP_md5() : IS("sha256") ? EVP_sha256()
         : IS("sha384") ? EVP_sha384() : IS("sha512") ? EVP_sha512() : NULL;

#undef IS

    if (md == NULL) {
        return page_tpl_fail(st, "unsupported hash algorithm: \"%.*s\", use "
                             "either md5, sha256, sha384 or sha512",
                             (int) alen, algo);
    }

    if (page_resource_content(st, r, &content) != 0) {
        return -1;
    }

    if (!EVP_Digest(content.data, content.len, sum, &n, md, NULL)) {
        return page_tpl_fail(st, "digest failed (libcrypto)");
    }

    /* ".<hex>" in the name, "<algo>-<base64>" as .Data.Integrity */

    hexs[0] = '.';
    for (i = 0; i < n; i++) {
        hexs[1 + 2 * i] = hex[sum[i] >> 4];
        hexs[2 + 2 * i] = hex[sum[i] & 0xf];
    }

    plen = alen + 1 + 4 * ((n + 2) / 3);
    integrity = page_arena_alloc(page_tpl_arena(st), plen + 1);
    if (integrity == NULL) {
        return page_tpl_nomem(st);
    }
    memcpy(integrity, algo, alen);
    integrity[alen] = '-';
    EVP_EncodeBlock((unsigned char *) integrity + alen + 1, sum, (int) n);

    if (page_resource_target_with(st, r, hexs, 1 + 2 * n, &target) != 0) {
        return -1;
    }

    *res = page_resource_derive(page_tpl_arena(st), r, target.data,
                                target.len, NULL, 0, "Integrity",
                                page_value_string_ref(page_tpl_arena(st),
                                                      PAGE_STRING, integrity,
                                                      plen));

    return *res ? 0 : page_tpl_nomem(st);
}


static int
page_fn_res_minify(PAGE_FN_ARGS)
{
    page_str_t  target;

    (void) nargs;

    if (!page_resource_is(args[0])) {
        return page_tpl_fail(st, "wrong type for value; expected "
                             "resources.ResourceTransformer; got %s",
                             args[0] == NULL || args[0]->type == PAGE_NIL
                             ? "<nil>" : page_tpl_tname(args[0]));
    }

    if (!page_resource_minifiable(args[0])) {
        return page_tpl_fail(st, "resources.Minify: failed to transform "
                             "\"%s\" (%s): minifier does not exist for "
                             "mimetype", page_resource_name(args[0]).data,
                             page_resource_media(args[0]));
    }

    if (page_resource_target_with(st, args[0], ".min", 4, &target) != 0) {
        return -1;
    }

    /* no minifier library: the same content under the minified name */

    *res = page_resource_derive(page_tpl_arena(st), args[0], target.data,
                                target.len, NULL, 0, NULL, NULL);

    return *res ? 0 : page_tpl_nomem(st);
}


static int
page_fn_res_postprocess(PAGE_FN_ARGS)
{
    (void) nargs;

    if (page_fn_res_arg(st, args[0]) != 0) {
        return -1;
    }

    *res = args[0];                     /* nothing runs after the build */

    return 0;
}


/* The bare namespace value: `resources` (hugo-theme-stack passes it). */
static int
page_fn_res_ns(PAGE_FN_ARGS)
{
    (void) st;
    (void) args;
    (void) nargs;

    *res = &page_resources_ns;

    return 0;
}


const page_tpl_func_t  page_fn_resources[] = {
    { "resources.ByType",            page_fn_res_bytype,      1, 1 },
    { "resources.Concat",            page_fn_res_concat,      2, 2 },
    { "resources.Copy",              page_fn_res_copy,        2, 2 },
    { "resources.ExecuteAsTemplate", page_fn_res_execute,     3, 3 },
    { "resources.Fingerprint",       page_fn_res_fingerprint, 1, 2 },
    { "fingerprint",                 page_fn_res_fingerprint, 1, 2 },
    { "resources.FromString",        page_fn_res_fromstring,  2, 2 },
    { "resources.Get",               page_fn_res_get,         1, 1 },
    { "resources.GetMatch",          page_fn_res_getmatch,    1, 1 },
    { "resources.GetRemote",         page_fn_res_getremote,   1, 2 },
    { "resources.Match",             page_fn_res_match_fn,    1, 1 },
    { "resources.Minify",            page_fn_res_minify,      1, 1 },
    { "minify",                      page_fn_res_minify,      1, 1 },
    { "resources.PostProcess",       page_fn_res_postprocess, 1, 1 },
    { "resources",                   page_fn_res_ns,          0, 0 },
    { NULL, NULL, 0, 0 }
};


int
page_fn_resources_ns_method(page_tpl_state_t *st, const char *name,
    size_t len, page_value_t **args, size_t nargs, page_value_t **res)
{
    const page_tpl_func_t  *f;

    for (f = page_fn_resources; f->name != NULL; f++) {
        if (strncmp(f->name, "resources.", 10) == 0
            && strlen(f->name + 10) == len
            && memcmp(f->name + 10, name, len) == 0)
        {
            if ((int) nargs < f->min_args
                || (f->max_args >= 0 && (int) nargs > f->max_args))
            {
                return page_tpl_fail(st, "wrong number of args for %.*s: "
                                     "want %d got %d", (int) len, name,
                                     f->min_args, (int) nargs);
            }
            return f->fn(st, args, nargs, res);
        }
    }

    return page_tpl_fail(st, "can't evaluate field %.*s in type "
                         "*resources.Namespace", (int) len, name);
}
