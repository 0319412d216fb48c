/*
 * page_fn_reflect: Hugo's reflect namespace (tpl/reflect): IsMap,
 * IsSlice, IsPage, IsSite, IsResource, IsImageResource,
 * IsImageResourceWithMeta, IsImageResourceProcessable.  Pages, sites,
 * resources and the engine's other objects (scratch pads, shortcode
 * contexts) are maps here; to Hugo they are not, and these tell them
 * apart: an object's map starts with a key of its own ("#resource",
 * "#scratch", ...), a page's has its Kind and permalinks, a site's its
 * BaseURL and Hugo.
 */

#include <string.h>

#include "page_fn.h"
#include "page_resource.h"


/* A map made by the engine for one of its objects (a '#' mark first). */
static int
page_reflect_marked(const page_value_t *v)
{
    return v->u.map.n > 0 && v->u.map.items[0].key.len > 0
           && v->u.map.items[0].key.data[0] == '#';
}


static int
page_reflect_is_page(const page_value_t *v)
{
    page_value_t  *kind;
    const char    *s;
    size_t         len;

    if (v == NULL || v->type != PAGE_MAP || page_reflect_marked(v)) {
        return 0;
    }
    kind = page_map_gets(v, "Kind");
    if (!page_tpl_str(kind, &s, &len)
        || page_map_gets(v, "RelPermalink") == NULL)
    {
        return 0;
    }
#define IS(k)  (len == sizeof(k) - 1 && memcmp(s, k, len) == 0)
    return IS("home") || IS("page") || IS("section") || IS("taxonomy")
           || IS("term");
#undef IS
}


static int
page_reflect_is_site(const page_value_t *v)
{
    return v != NULL && v->type == PAGE_MAP && !page_reflect_marked(v)
           && page_map_gets(v, "BaseURL") != NULL
           && page_map_gets(v, "Hugo") != NULL;
}


static int
page_tpl_f_ismap(PAGE_FN_ARGS)
{
    page_value_t  *v;

    (void) nargs;
    v = args[0];
    return page_tpl_ret_bool(st, v != NULL && v->type == PAGE_MAP
                             && !page_reflect_marked(v)
                             && !page_reflect_is_page(v)
                             && !page_reflect_is_site(v), res);
}


static int
page_tpl_f_isslice(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_ret_bool(st, args[0] != NULL
                             && args[0]->type == PAGE_LIST, res);
}


static int
page_tpl_f_ispage(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_ret_bool(st, page_reflect_is_page(args[0]), res);
}


static int
page_tpl_f_issite(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_ret_bool(st, page_reflect_is_site(args[0]), res);
}


/* A page is a resource too, as in Hugo (page.Page is a Resource). */
static int
page_tpl_f_isresource(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_ret_bool(st, page_resource_is(args[0])
                             || page_reflect_is_page(args[0]), res);
}


static int
page_tpl_f_isimage(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_ret_bool(st, page_resource_is(args[0])
                             && page_resource_is_image(args[0]), res);
}


static int
page_tpl_f_isimagemeta(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_ret_bool(st, page_resource_is(args[0])
                             && page_resource_has_size(args[0]), res);
}


/*
 * No image is processed at request time (images.Process and the
 * resizing methods fail, saying so): none is processable, and a theme
 * that asks takes its other branch, as Hugo's would for a format it
 * cannot decode.
 */
static int
page_tpl_f_isimageproc(PAGE_FN_ARGS)
{
    (void) nargs;
    (void) args;
    return page_tpl_ret_bool(st, 0, res);
}


const page_tpl_func_t  page_fn_reflect[] = {
    { "reflect.IsMap", page_tpl_f_ismap, 1, 1 },
    { "reflect.IsSlice", page_tpl_f_isslice, 1, 1 },
    { "reflect.IsPage", page_tpl_f_ispage, 1, 1 },
    { "reflect.IsSite", page_tpl_f_issite, 1, 1 },
    { "reflect.IsResource", page_tpl_f_isresource, 1, 1 },
    { "reflect.IsImageResource", page_tpl_f_isimage, 1, 1 },
    { "reflect.IsImageResourceWithMeta", page_tpl_f_isimagemeta, 1, 1 },
    { "reflect.IsImageResourceProcessable", page_tpl_f_isimageproc, 1, 1 },
    { NULL, NULL, 0, 0 }
};
