/*
 * page_site_data: the site's pages, taxonomies and menus as template
 * values, made when a template first reads them, from the site index.
 * A page value is a map of what the index knows without rendering the
 * page; the page being rendered is its own map (d->page), so lists and
 * menus hold that very value.  Which page, menu entry or term a value
 * stands for is found by the value's address (a small hash table), so
 * that methods on it (.Pages, .Parent, .Count, ...) can answer.
 */

#include <string.h>
#include <strings.h>

#include "page_sc_exec.h"
#include "page_site_content.h"
#include "page_site_data.h"
#include "page_site_datadir.h"
#include "page_site_i18n.h"
#include "page_site_feed.h"
#include "page_site_index.h"
#include "page_site_resources.h"

/* First size of the hash table of values (a power of two). */
#define PAGE_SD_HASH_SIZE  64

/*
 * The one key of a page value not filled yet: no template can name it;
 * page_sd_fill removes it.
 */
#define PAGE_SD_STUB_KEY  "\001page"

/* Room for the keys of a page value: no reallocation. */
#define PAGE_SD_PAGE_KEYS  32

/* Deepest menu nesting made into values: a cycle of parents stops here. */
#define PAGE_SD_MAX_MENU_DEPTH  16

typedef enum {
    PAGE_SD_PAGE = 1,
    PAGE_SD_ENTRY,
    PAGE_SD_WEIGHTED,           /* a term's weighted pages */
    PAGE_SD_TAX,                /* a taxonomy: term -> weighted pages */
    PAGE_SD_ORDERED             /* .Alphabetical, .ByCount of one */
} page_sd_tag_t;

typedef struct {
    page_value_t             *value;
    page_sd_tag_t             tag;
    const void               *obj;
    /* pages: the lists of the page, made once */
    page_value_t             *pages, *regular, *sections;
    page_value_t             *scratch;      /* pages: .Store, .Scratch */
    unsigned                  filled:1;     /* pages: fields made */
} page_sd_ref_t;

typedef struct {
    const void     *key;
    page_sd_ref_t  *ref;
} page_sd_slot_t;

struct page_site_data_s {
    page_site_t             *s;
    const page_site_page_t  *cur;
    size_t                   lang;
    page_arena_t            *a;
    page_data_t             *d;
    /* by value address, and by page address (pages only) */
    page_sd_slot_t          *by_value, *by_page;
    size_t                   size, n;
    page_value_t            *home, *pages, *regular, *sections, *all;
    page_value_t            *taxonomies, *menus;
    page_value_t            *languages[PAGE_CONFIG_MAX_LANGS];
    page_value_t            *sites[PAGE_CONFIG_MAX_LANGS];  /* other
                                                   languages' .Site */
    page_value_t            *store;     /* .Site.Store */
    page_value_t            *sites_list;    /* .Sites, hugo.Sites */
    struct page_site_pager_s  *pager;   /* page_site_pager.c's */
};


#define page_is(name, len, lit) \
    ((len) == sizeof(lit) - 1 && memcmp(name, lit, sizeof(lit) - 1) == 0)

#define page_add(a, map, lit, v)                                             \
    ((v) == NULL ? -1 : page_map_set(a, map, lit, sizeof(lit) - 1, v))


static size_t
page_sd_hash(const void *p, size_t size)
{
    uint64_t  h = (uint64_t) (uintptr_t) p;

    h ^= h >> 33;
    h *= UINT64_C(0xff51afd7ed558ccd);
    h ^= h >> 33;

    return (size_t) h & (size - 1);
}


static page_sd_ref_t *
page_sd_find(page_sd_slot_t *t, size_t size, const void *key)
{
    size_t  i;

    if (t == NULL) {
        return NULL;
    }

    for (i = page_sd_hash(key, size); t[i].key != NULL;
         i = (i + 1) & (size - 1))
    {
        if (t[i].key == key) {
            return t[i].ref;
        }
    }

    return NULL;
}


static void
page_sd_put(page_sd_slot_t *t, size_t size, const void *key,
    page_sd_ref_t *ref)
{
    size_t  i;

    for (i = page_sd_hash(key, size); t[i].key != NULL;
         i = (i + 1) & (size - 1))
    {
        if (t[i].key == key) {
            t[i].ref = ref;
            return;
        }
    }

    t[i].key = key;
    t[i].ref = ref;
}


/* Remember ref by its value (and its page); the tables stay half empty. */
/*
 * Make the tables hold n more values at half load (one rehash for a
 * list of 10,000 pages, not one at each doubling).
 */
static int
page_sd_reserve(page_site_data_t *sd, size_t n)
{
    size_t           i, size;
    page_sd_slot_t  *v, *p;

    if (sd->by_value != NULL && (sd->n + n) * 2 <= sd->size) {
        return 0;
    }

    size = sd->size ? sd->size : PAGE_SD_HASH_SIZE;
    while ((sd->n + n) * 2 > size) {
        size *= 2;
    }

    v = page_arena_alloc(sd->a, size * sizeof(page_sd_slot_t));
    p = page_arena_alloc(sd->a, size * sizeof(page_sd_slot_t));
    if (v == NULL || p == NULL) {
        return -1;
    }

    memset(v, 0, size * sizeof(page_sd_slot_t));
    memset(p, 0, size * sizeof(page_sd_slot_t));

    for (i = 0; i < sd->size; i++) {
        if (sd->by_value[i].key != NULL) {
            page_sd_put(v, size, sd->by_value[i].key, sd->by_value[i].ref);
        }
        if (sd->by_page[i].key != NULL) {
            page_sd_put(p, size, sd->by_page[i].key, sd->by_page[i].ref);
        }
    }

    sd->by_value = v;
    sd->by_page = p;
    sd->size = size;

    return 0;
}


static int
page_sd_register(page_site_data_t *sd, page_sd_ref_t *ref)
{
    if (page_sd_reserve(sd, 1) != 0) {
        return -1;
    }

    page_sd_put(sd->by_value, sd->size, ref->value, ref);
    if (ref->tag == PAGE_SD_PAGE) {
        page_sd_put(sd->by_page, sd->size, ref->obj, ref);
    }
    sd->n++;

    return 0;
}


static page_sd_ref_t *
page_sd_ref(page_site_data_t *sd, page_value_t *value, page_sd_tag_t tag,
    const void *obj)
{
    page_sd_ref_t  *ref;

    ref = page_arena_alloc(sd->a, sizeof(page_sd_ref_t));
    if (ref == NULL) {
        return NULL;
    }

    memset(ref, 0, sizeof(page_sd_ref_t));
    ref->value = value;
    ref->tag = tag;
    ref->obj = obj;

    return page_sd_register(sd, ref) == 0 ? ref : NULL;
}


/* A string of the index (or a literal): it outlives the render. */
static page_value_t *
page_sd_str(page_arena_t *a, const char *s)
{
    return page_value_string_ref(a, PAGE_STRING, s ? s : "",
                                 s ? strlen(s) : 0);
}


static page_value_t *
page_sd_rel(page_site_data_t *sd, const page_site_page_t *p, int absolute)
{
    page_buf_t  b;

    page_buf_init(&b, sd->a, 0);

    if (absolute) {
        page_site_permalink_of(sd->s, p, &b);
    } else {
        page_site_rel_permalink(sd->s, p, &b);
    }

    if (page_buf_failed(&b)) {
        return NULL;
    }

    return page_value_string(sd->a, b.data ? b.data : "", b.len);
}


/*
 * .File of a page with a file (nil for the pages Hugo makes): Dir is
 * "/" for a file at the top of the content directory, as hugo 0.111.3
 * prints it.
 */
static page_value_t *
page_sd_file(page_site_data_t *sd, const page_site_page_t *p)
{
    page_value_t  *f, *dir;

    if (p->file == NULL || p->rel == NULL) {
        return &page_nil_value;
    }

    f = page_data_file(sd->a, p->rel, strlen(p->rel));
    dir = page_map_gets(f, "Dir");

    if (f != NULL && dir != NULL && page_value_is_string(dir)
        && dir->u.s.len == 0
        && page_add(sd->a, f, "Dir", page_sd_str(sd->a, "/")) != 0)
    {
        return NULL;
    }

    return f;
}


/* The fields of a page that the index knows, into map m. */
static int
page_sd_fields(page_site_data_t *sd, page_value_t *m,
    const page_site_page_t *p)
{
    const char    *kind, *type;
    page_arena_t  *a = sd->a;

    kind = page_site_kind_name((page_kind_t) p->kind);
    type = p->type;

    return page_add(a, m, "Title", page_sd_str(a, p->title)) != 0
        || page_add(a, m, "LinkTitle", page_sd_str(a, p->link_title)) != 0
        /* Hugo's .Name: a term's name as written, else the title */
        || page_add(a, m, "Name",
                    page_sd_str(a, p->kind == PAGE_KIND_TERM && p->term
                                   ? p->term->name : p->title)) != 0
        || page_add(a, m, "Kind", page_sd_str(a, kind)) != 0
        || page_add(a, m, "Type", page_sd_str(a, type)) != 0
        || page_add(a, m, "Section", page_sd_str(a, p->section)) != 0
        || page_add(a, m, "RelPermalink", page_sd_rel(sd, p, 0)) != 0
        || page_add(a, m, "Permalink", page_sd_rel(sd, p, 1)) != 0
        || page_add(a, m, "Weight", page_value_int(a, p->weight)) != 0
        || page_add(a, m, "Draft", page_value_const_bool(p->draft)) != 0
        || page_add(a, m, "IsHome",
                    page_value_const_bool(p->kind == PAGE_KIND_HOME)) != 0
        || page_add(a, m, "IsPage",
                    page_value_const_bool(p->kind == PAGE_KIND_PAGE)) != 0
        || page_add(a, m, "IsSection",
                    page_value_const_bool(p->kind == PAGE_KIND_SECTION)) != 0
        || page_add(a, m, "IsNode",
                    page_value_const_bool(p->kind != PAGE_KIND_PAGE)) != 0
        || page_add(a, m, "BundleType",
                    page_sd_str(a, p->bundle == PAGE_BUNDLE_LEAF ? "leaf"
                                 : p->bundle == PAGE_BUNDLE_BRANCH ? "branch"
                                 : "")) != 0
        || page_add(a, m, "Layout", page_sd_str(a, p->layout)) != 0;
}


/* .Language of language lang: made once. */
static page_value_t *
page_sd_language(page_site_data_t *sd, size_t lang)
{
    page_arena_t              *a = sd->a;
    page_value_t              *m;
    const page_config_lang_t  *lc;

    if (lang >= sd->s->nlangs || lang >= PAGE_CONFIG_MAX_LANGS
        || sd->s->langs[lang].conf == NULL)
    {
        return &page_nil_value;
    }

    if (sd->languages[lang] != NULL) {
        return sd->languages[lang];
    }

    lc = sd->s->langs[lang].conf;
    m = page_value_map(a);

    if (m == NULL
        || page_add(a, m, "Lang", page_sd_str(a, lc->lang)) != 0
        || page_add(a, m, "LanguageName",
                    page_sd_str(a, lc->name && lc->name[0] ? lc->name
                                                           : lc->lang)) != 0
        || page_add(a, m, "LanguageCode", page_sd_str(a, lc->code)) != 0
        || page_add(a, m, "LanguageDirection",
                    page_sd_str(a, lc->direction)) != 0
        || page_add(a, m, "Weight", page_value_int(a, lc->weight)) != 0)
    {
        return NULL;
    }

    sd->languages[lang] = m;

    return m;
}


/* A front matter list (keywords, aliases): the list, or an empty one. */
static page_value_t *
page_sd_param_list(page_site_data_t *sd, page_value_t *params,
    const char *key)
{
    page_value_t  *v;

    v = page_map_gets(params, key);

    return v != NULL && v->type == PAGE_LIST ? v : page_value_list(sd->a);
}


/*
 * Fill the value of a page with its fields: the method hook does it
 * when a template (or where, sort, ...) first reads a field of it.
 */
static int
page_sd_fill(page_site_data_t *sd, page_sd_ref_t *ref)
{
    page_arena_t            *a = sd->a;
    page_value_t            *m, *params, *desc;
    const page_site_page_t  *p = ref->obj;

    m = ref->value;
    params = p->params ? p->params : page_value_map(a);
    if (params == NULL) {
        return -1;
    }

    desc = page_map_gets(params, "description");

    if (page_map_reserve(a, m, PAGE_SD_PAGE_KEYS) != 0
        || page_sd_fields(sd, m, p) != 0
        || page_add(a, m, "Params", params) != 0
        || page_add(a, m, "Date", page_value_time(a, &p->dates.date)) != 0
        || page_add(a, m, "Lastmod", page_value_time(a, &p->dates.lastmod))
           != 0
        || page_add(a, m, "PublishDate",
                    page_value_time(a, &p->dates.publish)) != 0
        || page_add(a, m, "ExpiryDate", page_value_time(a, &p->dates.expiry))
           != 0
        || page_add(a, m, "Description",
                    page_value_is_string(desc) ? desc : page_sd_str(a, ""))
           != 0
        || page_add(a, m, "Site", sd->d->site) != 0
        || page_add(a, m, "Language", page_sd_language(sd, p->lang)) != 0
        || (p->lang < sd->s->nlangs && sd->s->langs[p->lang].conf != NULL
            && page_add(a, m, "Lang",
                        page_sd_str(a, sd->s->langs[p->lang].conf->lang))
               != 0)
        || page_add(a, m, "File", page_sd_file(sd, p)) != 0
        || page_add(a, m, "Keywords",
                    page_sd_param_list(sd, params, "keywords")) != 0
        || page_add(a, m, "Aliases",
                    page_sd_param_list(sd, params, "aliases")) != 0)
    {
        return -1;
    }

    page_map_delete(m, PAGE_SD_STUB_KEY, sizeof(PAGE_SD_STUB_KEY) - 1);
    ref->filled = 1;

    return 0;
}


/*
 * The fields where, sort and lists read most, answered from the index
 * without filling the page's value: 0 with *res, 1 for another name.
 */
static int
page_sd_quick(page_site_data_t *sd, const page_site_page_t *p,
    const char *name, size_t len, page_value_t **res)
{
    page_arena_t  *a = sd->a;

    if (page_is(name, len, "Title")) {
        *res = page_sd_str(a, p->title);
    } else if (page_is(name, len, "LinkTitle")) {
        *res = page_sd_str(a, p->link_title);
    } else if (page_is(name, len, "Section")) {
        *res = page_sd_str(a, p->section);
    } else if (page_is(name, len, "Kind")) {
        *res = page_sd_str(a, page_site_kind_name((page_kind_t) p->kind));
    } else if (page_is(name, len, "Type")) {
        *res = page_sd_str(a, p->type);
    } else if (page_is(name, len, "RelPermalink")) {
        *res = page_sd_rel(sd, p, 0);
    } else if (page_is(name, len, "Permalink")) {
        *res = page_sd_rel(sd, p, 1);
    } else if (page_is(name, len, "Weight")) {
        *res = page_value_int(a, p->weight);
    } else if (page_is(name, len, "Date")) {
        *res = page_value_time(a, &p->dates.date);
    } else if (page_is(name, len, "Lastmod")) {
        *res = page_value_time(a, &p->dates.lastmod);
    } else if (page_is(name, len, "PublishDate")) {
        *res = page_value_time(a, &p->dates.publish);
    } else if (page_is(name, len, "Draft")) {
        *res = page_value_const_bool(p->draft);
    } else if (page_is(name, len, "Params") && p->params != NULL) {
        *res = p->params;
    } else {
        return 1;
    }

    return 0;
}


/*
 * The value of page p: made on first use, then the same value.  It
 * starts as a map of one key, the page's address (so that eq tells two
 * pages apart before either is filled); page_sd_fill makes the rest
 * when a field is read, so that a list of 10,000 pages costs little
 * when a template reads five of them.
 */
static page_value_t *
page_sd_page(page_site_data_t *sd, const page_site_page_t *p)
{
    page_value_t   *m;
    page_sd_ref_t  *ref;

    if (p == NULL) {
        return NULL;
    }

    ref = page_sd_find(sd->by_page, sd->size, p);
    if (ref != NULL) {
        return ref->value;
    }

    m = page_value_map(sd->a);

    /*
     * the stub's value tells pages apart without reading the page (a
     * list of the whole site makes 10,000 of them): its address
     */
    if (m == NULL
        || page_map_add(sd->a, m, PAGE_SD_STUB_KEY,
                        sizeof(PAGE_SD_STUB_KEY) - 1,
                        page_value_int(sd->a, (int64_t) (uintptr_t) p))
           != 0
        || page_sd_ref(sd, m, PAGE_SD_PAGE, p) == NULL)
    {
        return NULL;
    }

    return m;
}


static page_value_t *
page_sd_list(page_site_data_t *sd, const page_site_list_t *l)
{
    size_t         i;
    page_value_t  *list;

    list = page_value_list(sd->a);

    if (list == NULL || l == NULL || l->n == 0) {
        return list;
    }

    /* one allocation for the items, one rehash at most */
    list->u.list.items = page_arena_alloc(sd->a,
                                          l->n * sizeof(page_value_t *));
    if (list->u.list.items == NULL || page_sd_reserve(sd, l->n) != 0) {
        return NULL;
    }

    list->u.list.cap = l->n;

    for (i = 0; i < l->n; i++) {
        list->u.list.items[i] = page_sd_page(sd, l->items[i]);
        if (list->u.list.items[i] == NULL) {
            return NULL;
        }
    }

    list->u.list.n = l->n;

    return list;
}


/* .Site.Sections: the home page's sections. */
static page_value_t *
page_sd_home_list(page_site_data_t *sd, int which)
{
    const page_site_page_t  *home = sd->s->langs[sd->lang].home;

    if (home == NULL) {
        return page_value_list(sd->a);
    }

    return page_sd_list(sd, which ? &home->sections : &home->pages);
}


/* ---- menus ---- */

static const page_site_page_t *page_sd_arg_page(page_site_data_t *sd,
    page_value_t *v);
static int page_sd_is_ancestor(const page_site_page_t *a,
    const page_site_page_t *p);

static page_value_t *page_sd_entry(page_site_data_t *sd,
    const page_site_entry_t *e, int depth);


static page_value_t *
page_sd_entries(page_site_data_t *sd, page_site_entry_t **items, size_t n,
    int depth)
{
    size_t         i;
    page_value_t  *list;

    list = page_value_list(sd->a);

    for (i = 0; list != NULL && i < n; i++) {
        if (page_list_push(sd->a, list, page_sd_entry(sd, items[i], depth))
            != 0)
        {
            return NULL;
        }
    }

    return list;
}


static page_value_t *
page_sd_entry(page_site_data_t *sd, const page_site_entry_t *e, int depth)
{
    page_buf_t     url;
    page_arena_t  *a = sd->a;
    page_value_t  *m, *page;

    if (depth > PAGE_SD_MAX_MENU_DEPTH) {
        return page_value_map(a);
    }

    m = page_value_map(a);
    page_buf_init(&url, a, 0);
    page_site_entry_url(sd->s, e, &url);
    page = e->page ? page_sd_page(sd, e->page) : &page_nil_value;

    if (m == NULL || page == NULL || page_buf_failed(&url)
        || page_add(a, m, "Name", page_sd_str(a, e->name)) != 0
        || page_add(a, m, "Identifier", page_sd_str(a, e->identifier)) != 0
        || page_add(a, m, "KeyName",
                    page_sd_str(a, e->identifier && e->identifier[0]
                                   ? e->identifier : e->name)) != 0
        || page_add(a, m, "URL",
                    page_value_string(a, url.data ? url.data : "", url.len))
           != 0
        || page_add(a, m, "Weight", page_value_int(a, e->weight)) != 0
        || page_add(a, m, "Pre",
                    page_value_html(a, e->pre ? e->pre : "",
                                    e->pre ? strlen(e->pre) : 0)) != 0
        || page_add(a, m, "Post",
                    page_value_html(a, e->post ? e->post : "",
                                    e->post ? strlen(e->post) : 0)) != 0
        || page_add(a, m, "Title", page_sd_str(a, e->title)) != 0
        || page_add(a, m, "Parent", page_sd_str(a, e->parent)) != 0
        || page_add(a, m, "Menu", page_sd_str(a, e->menu)) != 0
        || page_add(a, m, "PageRef", page_sd_str(a, e->page_ref)) != 0
        || page_add(a, m, "Params",
                    e->params ? e->params : page_value_map(a)) != 0
        || page_add(a, m, "Page", page) != 0
        || page_add(a, m, "HasChildren",
                    page_value_const_bool(e->nchildren > 0)) != 0
        || page_add(a, m, "Children",
                    page_sd_entries(sd, e->children, e->nchildren,
                                    depth + 1)) != 0
        || page_sd_ref(sd, m, PAGE_SD_ENTRY, e) == NULL)
    {
        return NULL;
    }

    return m;
}


static page_value_t *
page_sd_menus(page_site_data_t *sd)
{
    size_t             i;
    page_value_t      *m;
    page_site_lang_t  *l = &sd->s->langs[sd->lang];

    m = page_value_map(sd->a);

    for (i = 0; m != NULL && i < l->nmenus; i++) {
        if (page_map_set(sd->a, m, l->menus[i].name,
                         strlen(l->menus[i].name),
                         page_sd_entries(sd, l->menus[i].entries,
                                         l->menus[i].n, 0)) != 0)
        {
            return NULL;
        }
    }

    return m;
}


/* ---- taxonomies ---- */

static page_value_t *
page_sd_weighted(page_site_data_t *sd, const page_site_term_t *t)
{
    size_t         i;
    page_value_t  *list, *wp;

    list = page_value_list(sd->a);

    for (i = 0; list != NULL && i < t->npages; i++) {
        wp = page_value_map(sd->a);

        if (wp == NULL
            || page_add(sd->a, wp, "Weight",
                        page_value_int(sd->a, t->pages[i].weight)) != 0
            || page_add(sd->a, wp, "Page", page_sd_page(sd, t->pages[i].page))
               != 0
            || page_list_push(sd->a, list, wp) != 0)
        {
            return NULL;
        }
    }

    if (list == NULL || page_sd_ref(sd, list, PAGE_SD_WEIGHTED, t) == NULL) {
        return NULL;
    }

    return list;
}


static page_value_t *
page_sd_taxonomies(page_site_data_t *sd)
{
    size_t             i, j;
    page_value_t      *m, *tax;
    page_site_lang_t  *l = &sd->s->langs[sd->lang];

    m = page_value_map(sd->a);

    for (i = 0; m != NULL && i < l->ntaxonomies; i++) {
        tax = page_value_map(sd->a);

        for (j = 0; tax != NULL && j < l->taxonomies[i].nterms; j++) {
            page_site_term_t  *t = l->taxonomies[i].terms[j];

            if (page_map_set(sd->a, tax, t->key, strlen(t->key),
                             page_sd_weighted(sd, t)) != 0)
            {
                return NULL;
            }
        }

        if (tax == NULL
            || page_sd_ref(sd, tax, PAGE_SD_TAX, &l->taxonomies[i]) == NULL
            || page_map_set(sd->a, m, l->taxonomies[i].conf->plural,
                            strlen(l->taxonomies[i].conf->plural), tax) != 0)
        {
            return NULL;
        }
    }

    return m;
}


/* .GetTerms "tags": the term pages of p in that taxonomy. */
static page_value_t *
page_sd_terms(page_site_data_t *sd, const page_site_page_t *p,
    const page_value_t *name)
{
    size_t             i, j;
    page_value_t      *list;
    page_site_lang_t  *l = &sd->s->langs[p->lang];

    list = page_value_list(sd->a);

    for (i = 0; list != NULL && i < p->nterms; i++) {
        const page_site_page_terms_t  *pt = &p->terms[i];
        const char                    *plural;

        if (pt->tax >= l->ntaxonomies) {
            continue;
        }

        plural = l->taxonomies[pt->tax].conf->plural;
        if (strlen(plural) != name->u.s.len
            || strncasecmp(plural, name->u.s.data, name->u.s.len) != 0)
        {
            continue;
        }

        for (j = 0; j < pt->n; j++) {
            if (pt->terms[j]->page != NULL
                && page_list_push(sd->a, list,
                                  page_sd_page(sd, pt->terms[j]->page)) != 0)
            {
                return NULL;
            }
        }
    }

    return list;
}



/* ---- page collections ---- */

typedef enum {
    PAGE_SD_BY_WEIGHT = 0,
    PAGE_SD_BY_DATE,
    PAGE_SD_BY_PUBLISH,
    PAGE_SD_BY_LASTMOD,
    PAGE_SD_BY_EXPIRY,
    PAGE_SD_BY_TITLE,
    PAGE_SD_BY_LINK_TITLE,
    PAGE_SD_BY_PARAM,
    PAGE_SD_BY_LANGUAGE         /* the languages' order, then default */
} page_sd_by_t;

typedef struct {
    const page_site_page_t  *p;
    page_value_t            *v;
    page_value_t            *key;       /* ByParam: the page's .Param */
} page_sd_item_t;


static int
page_sd_time_cmp(const page_time_t *a, const page_time_t *b)
{
    if (a->sec != b->sec) {
        return a->sec < b->sec ? -1 : 1;
    }

    return a->nsec < b->nsec ? -1 : a->nsec > b->nsec;
}


static int
page_sd_numeric(const page_value_t *v, double *f)
{
    if (v->type == PAGE_INT) {
        *f = (double) v->u.i;
        return 1;
    }

    if (v->type == PAGE_FLOAT) {
        *f = v->u.f;
        return 1;
    }

    return 0;
}


/*
 * Does a sort before b (Hugo's "less" for the order by): ties keep the
 * collection's order, as Hugo's stable sort does.
 */
static int
page_sd_less(page_site_data_t *sd, page_sd_by_t by, const page_sd_item_t *a,
    const page_sd_item_t *b)
{
    double       fa, fb;
    page_buf_t   ba, bb;
    const char  *sa, *sb;

    switch (by) {

    case PAGE_SD_BY_DATE:
        return page_sd_time_cmp(&a->p->dates.date, &b->p->dates.date) < 0;

    case PAGE_SD_BY_PUBLISH:
        return page_sd_time_cmp(&a->p->dates.publish, &b->p->dates.publish)
               < 0;

    case PAGE_SD_BY_LASTMOD:
        return page_sd_time_cmp(&a->p->dates.lastmod, &b->p->dates.lastmod)
               < 0;

    case PAGE_SD_BY_EXPIRY:
        return page_sd_time_cmp(&a->p->dates.expiry, &b->p->dates.expiry)
               < 0;

    case PAGE_SD_BY_TITLE:
    case PAGE_SD_BY_LINK_TITLE:
        sa = by == PAGE_SD_BY_TITLE ? a->p->title : a->p->link_title;
        sb = by == PAGE_SD_BY_TITLE ? b->p->title : b->p->link_title;
        return strcmp(sa ? sa : "", sb ? sb : "") < 0;

    case PAGE_SD_BY_LANGUAGE:
        if (a->p->lang != b->p->lang) {
            return a->p->lang < b->p->lang;
        }
        return a->p->order < b->p->order;

    case PAGE_SD_BY_PARAM:
        /* a page without the param goes after every page with it */
        if (a->key == NULL || a->key->type == PAGE_NIL) {
            return 0;
        }
        if (b->key == NULL || b->key->type == PAGE_NIL) {
            return 1;
        }
        if (page_sd_numeric(a->key, &fa) && page_sd_numeric(b->key, &fb)) {
            return fa < fb;
        }
        page_buf_init(&ba, sd->a, 0);
        page_buf_init(&bb, sd->a, 0);
        page_value_print(&ba, a->key);
        page_value_print(&bb, b->key);
        if (page_buf_cstr(&ba) == NULL || page_buf_cstr(&bb) == NULL) {
            return 0;
        }
        return strcmp(ba.data, bb.data) < 0;

    default:
        return page_site_default_cmp(&a->p, &b->p) < 0;
    }
}


/* A stable merge sort of n items, tmp as long. */
static void
page_sd_sort(page_site_data_t *sd, page_sd_by_t by, page_sd_item_t *items,
    page_sd_item_t *tmp, size_t n)
{
    size_t  width, lo, mid, hi, i, j, k;

    for (width = 1; width < n; width *= 2) {
        for (lo = 0; lo < n; lo += 2 * width) {
            mid = lo + width < n ? lo + width : n;
            hi = lo + 2 * width < n ? lo + 2 * width : n;

            for (i = lo, j = mid, k = lo; k < hi; k++) {
                if (i < mid
                    && (j >= hi || !page_sd_less(sd, by, &items[j],
                                                 &items[i])))
                {
                    tmp[k] = items[i++];
                } else {
                    tmp[k] = items[j++];
                }
            }
        }

        memcpy(items, tmp, n * sizeof(page_sd_item_t));
    }
}


static int page_sd_group_by(page_tpl_state_t *st, page_site_data_t *sd,
    page_sd_item_t *items, size_t n, const char *name, size_t len,
    page_value_t **args, size_t nargs, page_value_t **res);


/*
 * Methods of a list of pages (.Site.RegularPages, .Pages, or what where,
 * first or sort made of them): .ByDate, .ByWeight, .ByTitle, ...,
 * .Reverse, .Len.  1 when recv holds anything but pages.
 */
/*
 * Pages.Limit N (the first N), Pages.Next PAGE (the page before it in
 * the list: Hugo's next is the newer) and Pages.Prev PAGE (the one after
 * it); nil at the ends and for a page not in the list.
 */
static int
page_sd_list_pick(page_tpl_state_t *st, page_site_data_t *sd,
    page_value_t *recv, const char *name, size_t len, page_value_t *arg,
    page_value_t **res)
{
    size_t                   i, n;
    page_value_t            *list;
    const page_site_page_t  *p;

    (void) len;
    n = recv->u.list.n;

    if (name[0] == 'L') {
        if (arg == NULL || arg->type != PAGE_INT || arg->u.i < 0) {
            return page_tpl_fail(st, "Limit: want a number of pages");
        }

        list = page_value_list(sd->a);
        for (i = 0; list != NULL && i < n && i < (size_t) arg->u.i; i++) {
            if (page_list_push(sd->a, list, recv->u.list.items[i]) != 0) {
                list = NULL;
            }
        }

        *res = list;
        return list ? 0 : page_tpl_fail(st, "out of memory");
    }

    p = page_sd_arg_page(sd, arg);
    *res = NULL;

    for (i = 0; p != NULL && i < n; i++) {
        if (page_sd_arg_page(sd, recv->u.list.items[i]) == p) {
            if (name[0] == 'N') {
                *res = i > 0 ? recv->u.list.items[i - 1] : NULL;
            } else {
                *res = i + 1 < n ? recv->u.list.items[i + 1] : NULL;
            }
            break;
        }
    }

    return 0;
}


static int
page_sd_list_method(page_tpl_state_t *st, page_site_data_t *sd,
    page_value_t *recv, const char *name, size_t len, page_value_t **args,
    size_t nargs, page_value_t **res)
{
    int              group;
    size_t           i, n;
    page_sd_by_t     by;
    page_sd_ref_t   *ref;
    page_value_t    *list;
    page_sd_item_t  *items, *tmp;
    static const struct {
        const char    *name;
        page_sd_by_t   by;
    } orders[] = {
        { "ByWeight", PAGE_SD_BY_WEIGHT },
        { "ByDate", PAGE_SD_BY_DATE },
        { "ByPublishDate", PAGE_SD_BY_PUBLISH },
        { "ByLastmod", PAGE_SD_BY_LASTMOD },
        { "ByExpiryDate", PAGE_SD_BY_EXPIRY },
        { "ByTitle", PAGE_SD_BY_TITLE },
        { "ByLinkTitle", PAGE_SD_BY_LINK_TITLE },
        { "ByParam", PAGE_SD_BY_PARAM },
        { "ByLanguage", PAGE_SD_BY_LANGUAGE }
    };

    if (len >= 7 && memcmp(name, "Related", 7) == 0) {
        return page_site_related(st, sd, recv, name, len, args, nargs, res);
    }

    group = page_site_menu_method(st, sd, recv, name, len, args, nargs, res);
    if (group != 1) {
        return group;           /* a menu: page_site_menu_values.c */
    }

    if (nargs == 1 && (page_is(name, len, "Limit")
                       || page_is(name, len, "Next")
                       || page_is(name, len, "Prev")))
    {
        return page_sd_list_pick(st, sd, recv, name, len, args[0], res);
    }

    by = PAGE_SD_BY_WEIGHT;
    group = len >= 7 && memcmp(name, "GroupBy", 7) == 0;

    for (i = 0; !group && i < sizeof(orders) / sizeof(orders[0]); i++) {
        if (strlen(orders[i].name) == len
            && memcmp(orders[i].name, name, len) == 0)
        {
            break;
        }
    }

    if (group) {
        /* made below */
    } else if (i < sizeof(orders) / sizeof(orders[0])) {
        by = orders[i].by;
        if (nargs != (by == PAGE_SD_BY_PARAM ? 1u : 0u)) {
            return 1;
        }
    } else if ((page_is(name, len, "Reverse") || page_is(name, len, "Len"))
               && nargs == 0)
    {
        /* as they are */
    } else {
        return 1;
    }

    n = recv->u.list.n;
    items = page_arena_alloc(sd->a, (n ? n : 1) * 2 * sizeof(page_sd_item_t));
    if (items == NULL) {
        return page_tpl_fail(st, "out of memory");
    }
    tmp = items + n;

    for (i = 0; i < n; i++) {
        ref = page_sd_find(sd->by_value, sd->size, recv->u.list.items[i]);
        if (ref == NULL || ref->tag != PAGE_SD_PAGE) {
            return 1;               /* not a list of pages */
        }

        /* ByParam and GroupBy read the values' fields */
        if ((group || by == PAGE_SD_BY_PARAM) && !ref->filled
            && page_sd_fill(sd, ref) != 0)
        {
            return page_tpl_fail(st, "out of memory");
        }

        items[i].p = ref->obj;
        items[i].v = ref->value;
        items[i].key = NULL;

        if (by == PAGE_SD_BY_PARAM && page_tpl_is_str(args[0])) {
            items[i].key = page_map_get_ci(page_map_gets(ref->value,
                                                         "Params"),
                                           args[0]->u.s.data,
                                           args[0]->u.s.len);
            if (items[i].key == NULL || items[i].key->type == PAGE_NIL) {
                items[i].key = page_map_get_ci(page_map_gets(sd->d->site,
                                                             "Params"),
                                               args[0]->u.s.data,
                                               args[0]->u.s.len);
            }
        }
    }

    if (group) {
        return page_sd_group_by(st, sd, items, n, name, len, args, nargs,
                                res);
    }

    if (page_is(name, len, "Len")) {
        *res = page_value_int(sd->a, (int64_t) n);
        return *res ? 0 : page_tpl_fail(st, "out of memory");
    }

    if (!page_is(name, len, "Reverse")) {
        page_sd_sort(sd, by, items, tmp, n);
    }

    list = page_value_list(sd->a);

    for (i = 0; list != NULL && i < n; i++) {
        if (page_list_push(sd->a, list,
                           items[page_is(name, len, "Reverse") ? n - 1 - i
                                                               : i].v) != 0)
        {
            list = NULL;
        }
    }

    *res = list;

    return list ? 0 : page_tpl_fail(st, "out of memory");
}


/*
 * .Next and .Prev in a list in Hugo's default order: Next is the page
 * before p (newer, or lighter), Prev the one after; nil at the ends and
 * for a page not in it.
 */
static const page_site_page_t *
page_sd_neighbour(const page_site_list_t *l, const page_site_page_t *p,
    int next)
{
    size_t  i;

    for (i = 0; i < l->n; i++) {
        if (l->items[i] == p) {
            if (next) {
                return i > 0 ? l->items[i - 1] : NULL;
            }
            return i + 1 < l->n ? l->items[i + 1] : NULL;
        }
    }

    return NULL;
}


/* ---- taxonomies ordered, page groups, translations ---- */

/* Most arguments of the old .Site.GetPage "section" "posts" form. */
#define PAGE_SD_GETPAGE_ARGS  2

/* The taxonomies map made once; the one of plural (or NULL). */
static page_value_t *
page_sd_taxonomy(page_site_data_t *sd, const char *plural)
{
    if (sd->taxonomies == NULL) {
        sd->taxonomies = page_sd_taxonomies(sd);
        if (sd->taxonomies == NULL) {
            return NULL;
        }
    }

    return page_map_gets(sd->taxonomies, plural);
}


static int
page_sd_term_cmp_name(const page_site_term_t *a, const page_site_term_t *b)
{
    return strcmp(a->key, b->key);
}


/*
 * .Alphabetical and .ByCount of a taxonomy: entries with .Name and .Term
 * (the key), .Count, .Pages, .Page and .WeightedPages.  By count: more
 * pages first, then by name.
 */
static page_value_t *
page_sd_ordered(page_site_data_t *sd, const page_site_tax_t *tax,
    page_value_t *map, int by_count)
{
    size_t                   i, j;
    page_value_t            *list, *e, *wp, *pages;
    const page_site_term_t  *t, **terms;

    terms = page_arena_alloc(sd->a, (tax->nterms + 1) * sizeof(*terms));
    list = page_value_list(sd->a);
    if (terms == NULL || list == NULL) {
        return NULL;
    }

    /* the terms are by key already; insertion keeps ties by name */
    for (i = 0; i < tax->nterms; i++) {
        t = tax->terms[i];
        for (j = i; j > 0; j--) {
            if (by_count ? terms[j - 1]->npages >= t->npages
                         : page_sd_term_cmp_name(terms[j - 1], t) <= 0)
            {
                break;
            }
            terms[j] = terms[j - 1];
        }
        terms[j] = t;
    }

    for (i = 0; i < tax->nterms; i++) {
        t = terms[i];
        wp = page_map_gets(map, t->key);
        e = page_value_map(sd->a);
        pages = page_value_list(sd->a);

        for (j = 0; pages != NULL && j < t->npages; j++) {
            if (page_list_push(sd->a, pages,
                               page_sd_page(sd, t->pages[j].page)) != 0)
            {
                pages = NULL;
            }
        }

        if (e == NULL || wp == NULL || pages == NULL
            || page_add(sd->a, e, "Name", page_sd_str(sd->a, t->key)) != 0
            || page_add(sd->a, e, "Term", page_sd_str(sd->a, t->key)) != 0
            || page_add(sd->a, e, "Count",
                        page_value_int(sd->a, (int64_t) t->npages)) != 0
            || page_add(sd->a, e, "WeightedPages", wp) != 0
            || page_add(sd->a, e, "Pages", pages) != 0
            || (t->page != NULL
                && page_add(sd->a, e, "Page", page_sd_page(sd, t->page))
                   != 0)
            || page_list_push(sd->a, list, e) != 0)
        {
            return NULL;
        }
    }

    return page_sd_ref(sd, list, PAGE_SD_ORDERED, tax) ? list : NULL;
}


static int
page_sd_tax_method(page_tpl_state_t *st, page_site_data_t *sd,
    page_sd_ref_t *ref, const char *name, size_t len, page_value_t **args,
    size_t nargs, page_value_t **res)
{
    page_value_t           *wp;
    const page_site_tax_t  *tax = ref->obj;

    if (nargs == 0 && (page_is(name, len, "Alphabetical")
                       || page_is(name, len, "ByCount")))
    {
        *res = page_sd_ordered(sd, tax, ref->value, name[0] == 'B');
        return *res ? 0 : page_tpl_fail(st, "out of memory");
    }

    if (nargs == 1 && (page_is(name, len, "Get")
                       || page_is(name, len, "Count")))
    {
        if (!page_tpl_is_str(args[0])) {
            return page_tpl_fail(st, "%.*s: want a term", (int) len, name);
        }

        wp = page_map_get_ci(ref->value, args[0]->u.s.data,
                             args[0]->u.s.len);

        if (name[0] == 'G') {
            *res = wp;
            return 0;
        }

        *res = page_value_int(sd->a, wp && wp->type == PAGE_LIST
                                     ? (int64_t) wp->u.list.n : 0);
        return *res ? 0 : page_tpl_fail(st, "out of memory");
    }

    return 1;
}


static int
page_sd_reverse(page_tpl_state_t *st, page_site_data_t *sd,
    page_value_t *recv, page_sd_tag_t tag, const void *obj,
    page_value_t **res)
{
    size_t         i, n;
    page_value_t  *list;

    n = recv->u.list.n;
    list = page_value_list(sd->a);

    for (i = 0; list != NULL && i < n; i++) {
        if (page_list_push(sd->a, list, recv->u.list.items[n - 1 - i]) != 0)
        {
            list = NULL;
        }
    }

    if (list == NULL || (tag && page_sd_ref(sd, list, tag, obj) == NULL)) {
        return page_tpl_fail(st, "out of memory");
    }

    *res = list;

    return 0;
}


/*
 * .Data as Hugo gives list templates: .Pages of list pages, and
 * .Singular, .Plural and .Terms (taxonomy) or .Term (term).
 */
static page_value_t *
page_sd_page_data(page_site_data_t *sd, page_sd_ref_t *ref)
{
    page_arena_t            *a = sd->a;
    page_value_t            *m, *terms;
    const page_site_page_t  *p = ref->obj;

    m = page_value_map(a);

    if (m == NULL || p->kind == PAGE_KIND_PAGE) {
        return m;                       /* a regular page's: empty */
    }

    /* list pages: .Data.Pages is .Pages */
    if (ref->pages == NULL) {
        ref->pages = page_sd_list(sd, &p->pages);
    }

    if (ref->pages == NULL || page_add(a, m, "Pages", ref->pages) != 0) {
        return NULL;
    }

    if (p->tax == NULL || p->tax->conf == NULL
        || (p->kind != PAGE_KIND_TAXONOMY && p->kind != PAGE_KIND_TERM))
    {
        return m;
    }

    if (page_add(a, m, "Singular", page_sd_str(a, p->tax->conf->singular))
        != 0
        || page_add(a, m, "Plural", page_sd_str(a, p->tax->conf->plural))
           != 0)
    {
        return NULL;
    }

    if (p->kind == PAGE_KIND_TERM && p->term != NULL) {
        return page_add(a, m, "Term", page_sd_str(a, p->term->name)) == 0
               ? m : NULL;
    }

    terms = page_sd_taxonomy(sd, p->tax->conf->plural);

    return terms == NULL || page_add(a, m, "Terms", terms) == 0 ? m : NULL;
}


/* .Translations (others), .AllTranslations (with p), by language. */
static page_value_t *
page_sd_translations(page_site_data_t *sd, const page_site_page_t *p,
    int all)
{
    size_t              i, j, n;
    page_value_t       *list;
    page_site_page_t   *other[PAGE_CONFIG_MAX_LANGS];
    const page_site_page_t  *sorted[PAGE_CONFIG_MAX_LANGS + 1], *t;

    n = page_site_translations(sd->s, p, other, PAGE_CONFIG_MAX_LANGS);
    if (n > PAGE_CONFIG_MAX_LANGS) {
        n = PAGE_CONFIG_MAX_LANGS;
    }

    for (i = 0; i < n; i++) {
        sorted[i] = other[i];
    }
    if (all) {
        sorted[n++] = p;
    }

    /* languages are indexed by weight: order by that index */
    for (i = 1; i < n; i++) {
        t = sorted[i];
        for (j = i; j > 0 && sorted[j - 1]->lang > t->lang; j--) {
            sorted[j] = sorted[j - 1];
        }
        sorted[j] = t;
    }

    list = page_value_list(sd->a);

    for (i = 0; list != NULL && i < n; i++) {
        if (page_list_push(sd->a, list, page_sd_page(sd, sorted[i])) != 0) {
            list = NULL;
        }
    }

    return list;
}


/*
 * .Site.GetPage's argument forms: "/posts/a", and Hugo's old ones,
 * "section" "posts", "home", "home" "/"; "" and "/" are dropped, more
 * than two left is Hugo's error.  The ref is set, or 1 for the home.
 */
static int
page_sd_getpage_ref(page_tpl_state_t *st, page_value_t **args,
    size_t nargs, page_str_t *ref)
{
    size_t         i, n;
    page_value_t  *refs[PAGE_SD_GETPAGE_ARGS];

    n = 0;

    for (i = 0; i < nargs; i++) {
        if (!page_tpl_is_str(args[i])) {
            return page_tpl_fail(st, "GetPage: want a path");
        }

        if (args[i]->u.s.len == 0
            || (args[i]->u.s.len == 1 && args[i]->u.s.data[0] == '/'))
        {
            continue;
        }

        if (n == PAGE_SD_GETPAGE_ARGS) {
            return page_tpl_fail(st, "too many arguments to .Site.GetPage: "
                                 "use lookups on the form "
                                 "{{ .Site.GetPage \"/posts/mypage-md\" }}");
        }

        refs[n++] = args[i];
    }

    if (n == 0 || (refs[0]->u.s.len == 4
                   && memcmp(refs[0]->u.s.data, "home", 4) == 0))
    {
        return 1;
    }

    if (n == 1 && nargs == 2 && refs[0]->u.s.len == 7
        && memcmp(refs[0]->u.s.data, "section", 7) == 0)
    {
        return 1;       /* "section" .Section of a page at the top */
    }

    *ref = refs[n - 1]->u.s;

    return 0;
}


/* .GroupBy*: groups of pages, each a map of .Key and .Pages. */
typedef struct {
    page_value_t  *key;
    page_value_t  *pages;
} page_sd_group_t;


static int
page_sd_key_cmp(page_site_data_t *sd, page_value_t *a, page_value_t *b)
{
    double      fa, fb;
    page_buf_t  ba, bb;

    if (page_sd_numeric(a, &fa) && page_sd_numeric(b, &fb)) {
        return fa < fb ? -1 : fa > fb;
    }

    page_buf_init(&ba, sd->a, 0);
    page_buf_init(&bb, sd->a, 0);
    page_value_print(&ba, a);
    page_value_print(&bb, b);

    if (page_buf_cstr(&ba) == NULL || page_buf_cstr(&bb) == NULL) {
        return 0;
    }

    return strcmp(ba.data, bb.data);
}


static int
page_sd_group_by(page_tpl_state_t *st, page_site_data_t *sd,
    page_sd_item_t *items, size_t n, const char *name, size_t len,
    page_value_t **args, size_t nargs, page_value_t **res)
{
    int               desc, by_date, ok;
    size_t            i, j, ngroups;
    page_buf_t        b;
    page_sd_by_t      by;
    page_value_t     *key, *list, *g, *order;
    page_sd_group_t  *groups;
    page_sd_item_t   *tmp;
    const page_time_t  *t;

    by_date = 0;
    by = PAGE_SD_BY_DATE;

    if (page_is(name, len, "GroupByDate")) {
        by_date = 1;
    } else if (page_is(name, len, "GroupByPublishDate")) {
        by_date = 1;
        by = PAGE_SD_BY_PUBLISH;
    } else if (page_is(name, len, "GroupByLastmod")) {
        by_date = 1;
        by = PAGE_SD_BY_LASTMOD;
    } else if (page_is(name, len, "GroupByExpiryDate")) {
        by_date = 1;
        by = PAGE_SD_BY_EXPIRY;
    } else if (page_is(name, len, "GroupByParamDate")) {
        /* PARAM LAYOUT [ORDER]: by the param's date, as GroupByDate */
        if (nargs < 2 || nargs > 3 || !page_tpl_is_str(args[0])
            || !page_tpl_is_str(args[1]))
        {
            return page_tpl_fail(st, "GroupByParamDate: want a param, a "
                                 "layout and an order");
        }

        for (i = 0; i < n; i++) {
            key = page_map_get_ci(page_map_gets(items[i].v, "Params"),
                                  args[0]->u.s.data, args[0]->u.s.len);
            if (key == NULL || key->type != PAGE_TIME) {
                /* without the date: Go's zero time ("0001-01"), as hugo */
                key = page_value_new(sd->a, PAGE_TIME);
                if (key == NULL) {
                    return page_tpl_fail(st, "out of memory");
                }
                page_time_zero(&key->u.t);
            }
            items[i].key = key;
        }
        by_date = 2;
        by = PAGE_SD_BY_PARAM;
        args++;
        nargs--;
    } else if (!page_is(name, len, "GroupBy")
               && !page_is(name, len, "GroupByParam"))
    {
        return 1;
    }

    if (nargs < 1 || nargs > 2 || !page_tpl_is_str(args[0])) {
        return page_tpl_fail(st, "%.*s: want a key or a layout, and an "
                             "order", (int) len, name);
    }

    order = nargs == 2 ? args[1] : NULL;
    desc = by_date;
    if (order != NULL && page_tpl_is_str(order)) {
        desc = order->u.s.len == 4
               && strncasecmp(order->u.s.data, "desc", 4) == 0;
    }

    groups = page_arena_alloc(sd->a, (n + 1) * sizeof(page_sd_group_t));
    tmp = page_arena_alloc(sd->a, (n + 1) * sizeof(page_sd_item_t));
    if (groups == NULL || tmp == NULL) {
        return page_tpl_fail(st, "out of memory");
    }

    if (by_date) {
        /* by the date, newest first unless "asc", then runs of a key */
        page_sd_sort(sd, by, items, tmp, n);
        if (desc) {
            for (i = 0; i < n / 2; i++) {
                tmp[0] = items[i];
                items[i] = items[n - 1 - i];
                items[n - 1 - i] = tmp[0];
            }
        }
    }

    ngroups = 0;

    for (i = 0; i < n; i++) {
        if (by_date) {
            t = by_date == 2 ? &items[i].key->u.t
                : by == PAGE_SD_BY_DATE ? &items[i].p->dates.date
                : by == PAGE_SD_BY_PUBLISH ? &items[i].p->dates.publish
                : by == PAGE_SD_BY_LASTMOD ? &items[i].p->dates.lastmod
                : &items[i].p->dates.expiry;
            page_buf_init(&b, sd->a, 0);
            page_time_format(&b, t, args[0]->u.s.data, args[0]->u.s.len);
            key = page_buf_failed(&b) ? NULL
                  : page_value_string(sd->a, b.data ? b.data : "", b.len);
        } else if (len > 7) {           /* GroupByParam */
            key = page_map_get_ci(page_map_gets(items[i].v, "Params"),
                                  args[0]->u.s.data, args[0]->u.s.len);
        } else {
            key = page_map_get_ci(items[i].v, args[0]->u.s.data,
                                  args[0]->u.s.len);
        }

        if (key == NULL || key->type == PAGE_NIL) {
            if (by_date) {
                return page_tpl_fail(st, "out of memory");
            }
            continue;               /* a page without the key: left out */
        }

        j = ngroups;
        if (by_date) {
            if (ngroups && page_sd_key_cmp(sd, groups[ngroups - 1].key, key)
                           == 0)
            {
                j = ngroups - 1;
            }
        } else {
            for (j = 0; j < ngroups; j++) {
                if (page_sd_key_cmp(sd, groups[j].key, key) == 0) {
                    break;
                }
            }
        }

        if (j == ngroups) {
            groups[j].key = key;
            groups[j].pages = page_value_list(sd->a);
            ngroups++;
        }

        if (groups[j].pages == NULL
            || page_list_push(sd->a, groups[j].pages, items[i].v) != 0)
        {
            return page_tpl_fail(st, "out of memory");
        }
    }

    if (!by_date) {
        /* groups by key, ascending unless "desc" (a stable insertion) */
        for (i = 1; i < ngroups; i++) {
            page_sd_group_t  cur = groups[i];

            for (j = i; j > 0; j--) {
                int  c = page_sd_key_cmp(sd, groups[j - 1].key, cur.key);

                if (desc ? c >= 0 : c <= 0) {
                    break;
                }
                groups[j] = groups[j - 1];
            }
            groups[j] = cur;
        }
    }

    list = page_value_list(sd->a);
    ok = list != NULL;

    for (i = 0; ok && i < ngroups; i++) {
        g = page_value_map(sd->a);
        ok = g != NULL && page_add(sd->a, g, "Key", groups[i].key) == 0
             && page_add(sd->a, g, "Pages", groups[i].pages) == 0
             && page_list_push(sd->a, list, g) == 0;
    }

    if (!ok) {
        return page_tpl_fail(st, "out of memory");
    }

    *res = list;

    return 0;
}


/*
 * .Site.Params: the project's params, with what page_param set (already
 * in the site's Params, from page_data.c) over them, key by key at the
 * top level, as the README says the directives override.
 */
static int
page_sd_site_params(page_site_data_t *sd, page_value_t *site,
    page_value_t *conf)
{
    size_t         i;
    page_value_t  *own, *merged;

    own = page_map_gets(site, "Params");
    merged = page_site_sites_params(sd, sd->lang, conf);   /* mainsections */

    if (merged == NULL && conf != NULL) {
        return -1;
    }

    conf = merged;

    if (own == NULL || own->type != PAGE_MAP || own->u.map.n == 0) {
        return page_add(sd->a, site, "Params", conf);
    }

    merged = page_value_map(sd->a);
    if (merged == NULL) {
        return -1;
    }

    for (i = 0; conf != NULL && conf->type == PAGE_MAP && i < conf->u.map.n;
         i++)
    {
        if (page_map_set(sd->a, merged, conf->u.map.items[i].key.data,
                         conf->u.map.items[i].key.len,
                         conf->u.map.items[i].value) != 0)
        {
            return -1;
        }
    }

    for (i = 0; i < own->u.map.n; i++) {
        if (page_map_set(sd->a, merged, own->u.map.items[i].key.data,
                         own->u.map.items[i].key.len,
                         own->u.map.items[i].value) != 0)
        {
            return -1;
        }
    }

    return page_add(sd->a, site, "Params", merged);
}


/* ---- the page being rendered and .Site ---- */

int
page_site_data_init(page_data_t *d, page_arena_t *a, page_error_t *err)
{
    page_value_t              *site, *lang, *v;
    page_site_data_t          *sd;
    const page_options_t      *opt = d->opt;
    const page_config_lang_t  *lc;
    page_sd_ref_t             *ref;

    d->site_data = NULL;

    if (opt->site == NULL || opt->site_page == NULL) {
        return 0;
    }

    sd = page_arena_alloc(a, sizeof(page_site_data_t));
    if (sd == NULL) {
        goto nomem;
    }

    memset(sd, 0, sizeof(page_site_data_t));
    /* the index is read only; its lookups take it as they build it */
    sd->s = (page_site_t *) opt->site;
    sd->cur = opt->site_page;
    sd->lang = sd->cur->lang < sd->s->nlangs ? sd->cur->lang : 0;
    sd->a = a;
    sd->d = d;

    site = d->site;
    lc = sd->s->langs[sd->lang].conf;
    lang = page_sd_language(sd, sd->lang);

    if (lang == NULL || lc == NULL
        || (opt->site_title == NULL
            && page_add(a, site, "Title", page_sd_str(a, lc->title)) != 0)
        || page_sd_site_params(sd, site, lc->params ? lc->params
                                                    : sd->s->cfg->params)
           != 0
        || page_add(a, site, "BaseURL",
                    page_sd_str(a, sd->s->cfg->base_url)) != 0
        || page_add(a, site, "LanguageCode", page_sd_str(a, lc->code)) != 0
        || page_add(a, site, "Language", lang) != 0
        || (v = page_map_gets(sd->s->cfg->root, "copyright"),
            page_add(a, site, "Copyright",
                     page_value_is_string(v) ? v : page_sd_str(a, "")))
           != 0
        || page_add(a, site, "LastChange",
                    page_value_time(a, &sd->s->langs[sd->lang].lastmod))
           != 0
        || page_add(a, site, "Lastmod",
                    page_value_time(a, &sd->s->langs[sd->lang].lastmod))
           != 0
        || page_add(a, d->page, "Language", lang) != 0
        || page_add(a, d->page, "Lang", page_sd_str(a, lc->lang)) != 0)
    {
        goto nomem;
    }

    /* the index's kind, type, section, title, links and file */
    if (page_sd_fields(sd, d->page, sd->cur) != 0
        || page_add(a, d->page, "File", page_sd_file(sd, sd->cur)) != 0)
    {
        goto nomem;
    }

    ref = page_sd_ref(sd, d->page, PAGE_SD_PAGE, sd->cur);
    if (ref == NULL) {
        goto nomem;
    }

    ref->filled = 1;

    d->site_data = sd;

    /* the feed, sitemap and 404 outputs' values, output formats */
    if (page_site_feed_init(d, a) != 0) {
        goto nomem;
    }

    return 0;

nomem:

    page_error_nomem(err, opt->path);
    return -1;
}


/* The site's fields made on first read (lang: which .Site). */
static int
page_sd_site_method(page_tpl_state_t *st, page_site_data_t *sd, size_t lang,
    const char *name, size_t len, page_value_t **args, size_t nargs,
    page_value_t **res)
{
    int                      rc;
    page_str_t               ref;
    page_value_t           **cache, *other;
    page_site_lang_t        *l = &sd->s->langs[lang];
    const page_site_page_t  *p;

    cache = NULL;
    other = NULL;

    rc = page_site_sites_method(st, sd, lang, name, len, args, nargs, res);
    if (rc != 1) {
        return rc;
    }

    if (page_is(name, len, "GetPage") && nargs >= 1) {
        ref.data = "";
        ref.len = 0;
        rc = page_sd_getpage_ref(st, args, nargs, &ref);
        if (rc == -1) {
            return -1;
        }

        p = rc == 1 ? l->home
                    : page_site_get_page(sd->s, lang, NULL, ref.data,
                                         ref.len);
        *res = p ? page_sd_page(sd, p) : NULL;
        return p && *res == NULL ? page_tpl_fail(st, "out of memory") : 0;
    }

    if (nargs != 0) {
        return 1;
    }

    if (page_is(name, len, "Home")) {
        cache = &sd->home;
    } else if (page_is(name, len, "Pages")) {
        cache = &sd->pages;
    } else if (page_is(name, len, "RegularPages")) {
        cache = &sd->regular;
    } else if (page_is(name, len, "Sections")) {
        cache = &sd->sections;
    } else if (page_is(name, len, "AllPages")) {
        cache = &sd->all;
    } else if (page_is(name, len, "Taxonomies")) {
        cache = &sd->taxonomies;
    } else if (page_is(name, len, "Menus")) {
        cache = &sd->menus;
    } else {
        return 1;
    }

    if (lang != sd->lang) {
        /* another language's .Site: made each time, not kept */
        other = NULL;
        if (cache == &sd->taxonomies || cache == &sd->menus) {
            return 1;       /* only the page's own language's */
        }
        cache = &other;
    }

    if (*cache == NULL) {
        if (cache == &other) {
            if (page_is(name, len, "Home")) {
                *cache = l->home ? page_sd_page(sd, l->home) : NULL;
                if (l->home == NULL) {
                    *res = NULL;
                    return 0;
                }
            } else if (page_is(name, len, "Pages")) {
                *cache = page_sd_list(sd, &l->pages);
            } else if (page_is(name, len, "RegularPages")) {
                *cache = page_sd_list(sd, &l->regular);
            } else if (page_is(name, len, "Sections")) {
                *cache = l->home ? page_sd_list(sd, &l->home->sections)
                                 : page_value_list(sd->a);
            } else {
                page_site_list_t  all;

                all.items = sd->s->all;
                all.n = sd->s->nall;
                *cache = page_sd_list(sd, &all);
            }
        } else if (cache == &sd->home) {
            *cache = page_sd_page(sd, l->home);
        } else if (cache == &sd->pages) {
            *cache = page_sd_list(sd, &l->pages);
        } else if (cache == &sd->regular) {
            *cache = page_sd_list(sd, &l->regular);
        } else if (cache == &sd->sections) {
            *cache = page_sd_home_list(sd, 1);
        } else if (cache == &sd->all) {
            page_site_list_t  all;

            all.items = sd->s->all;
            all.n = sd->s->nall;
            *cache = page_sd_list(sd, &all);
        } else if (cache == &sd->taxonomies) {
            *cache = page_sd_taxonomies(sd);
        } else {
            *cache = page_sd_menus(sd);
        }

        if (*cache == NULL) {
            return page_tpl_fail(st, "out of memory");
        }
    }

    *res = *cache;
    return 0;
}


static const page_site_page_t *
page_sd_current_section(const page_site_page_t *p)
{
    if (p->kind == PAGE_KIND_HOME || p->kind == PAGE_KIND_SECTION) {
        return p;
    }

    return p->parent ? p->parent : p;
}


static const page_site_page_t *
page_sd_first_section(const page_site_page_t *p)
{
    const page_site_page_t  *q;

    if (p->kind == PAGE_KIND_HOME || p->parent == NULL) {
        return p;
    }

    for (q = p; q->parent != NULL && q->parent->kind != PAGE_KIND_HOME;
         q = q->parent)
    {
        /* up to the section below home */
    }

    /* a regular page at the top: its first section is home */
    return q->kind == PAGE_KIND_PAGE ? q->parent : q;
}


/* Is a an ancestor of p. */
static int
page_sd_is_ancestor(const page_site_page_t *a, const page_site_page_t *p)
{
    const page_site_page_t  *q;

    for (q = p->parent; q != NULL; q = q->parent) {
        if (q == a) {
            return 1;
        }
    }

    return 0;
}


static const page_site_page_t *
page_sd_arg_page(page_site_data_t *sd, page_value_t *v)
{
    page_sd_ref_t  *ref;

    ref = page_sd_find(sd->by_value, sd->size, v);

    return ref && ref->tag == PAGE_SD_PAGE ? ref->obj : NULL;
}


/*
 * Hugo's .Path (current Hugo; 0.111.3 gave the file's path): the page's
 * logical path, "/posts/first-light" for posts/First Light.md or a
 * bundle's index.md, "/posts" for a section, "/tags/x" for a term, "/"
 * for home: lower-cased, spaces as hyphens, no extension or language.
 */
static page_value_t *
page_sd_path(page_site_data_t *sd, const page_site_page_t *p)
{
    size_t       i, n, l;
    page_buf_t   b;
    const char  *rel, *base, *dot;

    page_buf_init(&b, sd->a, 0);
    page_buf_putc(&b, '/');

    if (p->kind == PAGE_KIND_HOME) {
        /* "/" */

    } else if (p->kind == PAGE_KIND_TAXONOMY || p->kind == PAGE_KIND_TERM) {
        page_buf_puts(&b, p->tax->conf->plural);
        if (p->kind == PAGE_KIND_TERM) {
            page_buf_putc(&b, '/');
            page_buf_puts(&b, p->term->key);
        }

    } else if (p->rel == NULL || p->bundle != PAGE_BUNDLE_NONE
               || p->kind == PAGE_KIND_SECTION)
    {
        page_buf_puts(&b, p->dir);

    } else {
        rel = p->rel;
        base = strrchr(rel, '/');
        base = base ? base + 1 : rel;
        dot = strrchr(base, '.');
        n = dot ? (size_t) (dot - rel) : strlen(rel);

        /* "a.fr.md": a language's identifier goes too */
        for (i = 0; i < sd->s->nlangs && sd->s->langs[i].conf; i++) {
            l = strlen(sd->s->langs[i].conf->lang);

            if (n > l + 1 && rel + n - l - 1 > base && rel[n - l - 1] == '.'
                && strncasecmp(rel + n - l, sd->s->langs[i].conf->lang, l)
                   == 0)
            {
                n -= l + 1;
                break;
            }
        }

        page_buf_append(&b, rel, n);
    }

    if (b.len > 1 && b.data[b.len - 1] == '/') {
        b.len--;
    }

    if (page_buf_cstr(&b) == NULL) {
        return NULL;
    }

    for (i = 1; i < b.len; i++) {
        if (b.data[i] == ' ') {
            b.data[i] = '-';
        } else if (b.data[i] >= 'A' && b.data[i] <= 'Z') {
            b.data[i] += 'a' - 'A';
        }
    }

    return page_value_string_ref(sd->a, PAGE_STRING, b.data, b.len);
}


/* Every regular page under p, its sub-sections' too (Hugo's order). */
static page_value_t *
page_sd_recursive(page_site_data_t *sd, const page_site_page_t *p)
{
    size_t                   i, n;
    page_value_t            *list;
    page_site_list_t         l;
    const page_site_list_t  *all;

    all = &sd->s->langs[p->lang].regular;

    if (p->kind == PAGE_KIND_HOME) {
        return page_sd_list(sd, all);
    }

    l.items = page_arena_alloc(sd->a, (all->n ? all->n : 1)
                                      * sizeof(page_site_page_t *));
    if (l.items == NULL) {
        return NULL;
    }

    n = 0;

    for (i = 0; i < all->n; i++) {
        if (all->items[i] != p && page_sd_is_ancestor(p, all->items[i])) {
            l.items[n++] = all->items[i];
        }
    }

    l.n = n;
    list = page_sd_list(sd, &l);

    return list;
}


const page_site_page_t *
page_site_data_value_page(page_site_data_t *sd, const page_value_t *v)
{
    return v ? page_sd_arg_page(sd, (page_value_t *) v) : NULL;
}


const page_site_entry_t *
page_site_data_entry_of(page_site_data_t *sd, const page_value_t *v)
{
    page_sd_ref_t  *ref;

    ref = v ? page_sd_find(sd->by_value, sd->size, v) : NULL;

    return ref && ref->tag == PAGE_SD_ENTRY ? ref->obj : NULL;
}


page_arena_t *
page_site_data_arena(page_site_data_t *sd)
{
    return sd->a;
}


size_t
page_site_data_lang(page_site_data_t *sd)
{
    return sd->lang;
}


page_data_t *
page_site_data_data(page_site_data_t *sd)
{
    return sd->d;
}


page_value_t *
page_site_data_language(page_site_data_t *sd, size_t lang)
{
    return page_sd_language(sd, lang);
}


page_value_t **
page_site_data_site_slot(page_site_data_t *sd, size_t lang)
{
    return lang < sd->s->nlangs && lang < PAGE_CONFIG_MAX_LANGS
           && sd->s->langs[lang].conf != NULL
           ? &sd->sites[lang] : NULL;
}


page_value_t **
page_site_data_store_slot(page_site_data_t *sd)
{
    return &sd->store;
}


page_value_t **
page_site_data_sites_slot(page_site_data_t *sd)
{
    return &sd->sites_list;
}


const page_site_t *
page_site_data_index(page_site_data_t *sd)
{
    return sd->s;
}


/* A page's methods that read the site. */
static int
page_sd_page_method(page_tpl_state_t *st, page_site_data_t *sd,
    page_sd_ref_t *ref, const char *name, size_t len, page_value_t **args,
    size_t nargs, page_value_t **res)
{
    size_t                   i;
    page_buf_t               b;
    page_value_t            *list, *v;
    const page_site_page_t  *p = ref->obj, *q;

    if (nargs == 0) {
        if (page_is(name, len, "Pages") || page_is(name, len, "Data.Pages")) {
            if (ref->pages == NULL) {
                ref->pages = page_sd_list(sd, &p->pages);
            }
            *res = ref->pages;
            goto made;
        }

        if (page_is(name, len, "RegularPages")) {
            if (ref->regular == NULL) {
                ref->regular = page_sd_list(sd, p->kind == PAGE_KIND_HOME
                                                ? &p->regular : &p->regular);
            }
            *res = ref->regular;
            goto made;
        }

        if (page_is(name, len, "Sections")) {
            if (ref->sections == NULL) {
                ref->sections = page_sd_list(sd, &p->sections);
            }
            *res = ref->sections;
            goto made;
        }

        if (page_is(name, len, "Parent")) {
            *res = p->parent ? page_sd_page(sd, p->parent) : NULL;
            return p->parent && *res == NULL
                   ? page_tpl_fail(st, "out of memory") : 0;
        }

        if (page_is(name, len, "CurrentSection")) {
            *res = page_sd_page(sd, page_sd_current_section(p));
            goto made;
        }

        if (page_is(name, len, "FirstSection")) {
            *res = page_sd_page(sd, page_sd_first_section(p));
            goto made;
        }

        if (page_is(name, len, "Ancestors")) {
            list = page_value_list(sd->a);
            for (q = p->parent; list != NULL && q != NULL; q = q->parent) {
                if (page_list_push(sd->a, list, page_sd_page(sd, q)) != 0) {
                    list = NULL;
                }
            }
            *res = list;
            goto made;
        }

        if (page_is(name, len, "Next") || page_is(name, len, "Prev")
            || page_is(name, len, "NextInSection")
            || page_is(name, len, "PrevInSection"))
        {
            q = len > 4 ? (p->parent != NULL && p->kind == PAGE_KIND_PAGE
                           ? page_sd_neighbour(&p->parent->regular, p,
                                               name[0] == 'N')
                           : NULL)
                        : page_sd_neighbour(&sd->s->langs[p->lang].regular,
                                            p, name[0] == 'N');
            *res = q ? page_sd_page(sd, q) : NULL;
            return q && *res == NULL ? page_tpl_fail(st, "out of memory") : 0;
        }

        if (page_is(name, len, "Data")) {
            *res = page_sd_page_data(sd, ref);
            goto made;
        }

        if (page_is(name, len, "Translations")
            || page_is(name, len, "AllTranslations"))
        {
            *res = page_sd_translations(sd, p, name[0] == 'A');
            goto made;
        }

        if (page_is(name, len, "IsTranslated")) {
            page_site_page_t  *other[1];

            *res = page_value_const_bool(page_site_translations(sd->s, p,
                                                                other, 1)
                                         > 0);
            return 0;
        }

        if (page_is(name, len, "Page")) {
            *res = ref->value;
            return 0;
        }

        if (page_is(name, len, "Sites")) {
            return page_site_sites_method(st, sd, p->lang, name, len, args,
                                          nargs, res);
        }

        if (page_is(name, len, "String")) {
            /* Go's String() of a page, as cast and md5 read it: its file
             * (absolute), else its logical path */
            if (p->file != NULL) {
                page_buf_init(&b, sd->a, 0);
                page_buf_puts(&b, sd->s->root);
                page_buf_putc(&b, '/');
                page_buf_puts(&b, p->file);
                *res = page_buf_cstr(&b)
                       ? page_value_string_ref(sd->a, PAGE_STRING, b.data,
                                               b.len)
                       : NULL;
            } else {
                *res = page_sd_path(sd, p);
            }
            goto made;
        }

        if ((page_is(name, len, "Store") || page_is(name, len, "Scratch"))
            && ref->value != sd->d->page)
        {
            /* another page's scratch, for this render */
            if (ref->scratch == NULL) {
                ref->scratch = page_sc_scratch_new(sd->a);
            }
            *res = ref->scratch;
            goto made;
        }

        if (page_is(name, len, "IsBranch")) {
            *res = page_value_const_bool(p->kind != PAGE_KIND_PAGE);
            return 0;
        }

        if (page_is(name, len, "Path")) {
            *res = page_sd_path(sd, p);
            goto made;
        }

        if (page_is(name, len, "TranslationKey")) {
            *res = p->translation_key && p->translation_key[0]
                   ? page_sd_str(sd->a, p->translation_key)
                   : page_sd_path(sd, p);
            goto made;
        }

        if (page_is(name, len, "Slug")) {
            /* the front matter's (p->slug falls back to the file name) */
            v = page_map_get_ci(p->params, "slug", 4);
            *res = page_value_is_string(v) ? v : page_sd_str(sd->a, "");
            goto made;
        }

        if (page_is(name, len, "RegularPagesRecursive")) {
            *res = p->kind == PAGE_KIND_PAGE ? page_value_list(sd->a)
                                             : page_sd_recursive(sd, p);
            goto made;
        }

        if (page_is(name, len, "URL")) {
            *res = page_map_gets(ref->value, "RelPermalink");
            return 0;
        }

        return 1;
    }

    if (nargs == 1 && page_is(name, len, "GetPage")) {
        if (!page_tpl_is_str(args[0])) {
            return page_tpl_fail(st, "GetPage: want a path");
        }

        q = page_site_get_page(sd->s, p->lang, p, args[0]->u.s.data,
                               args[0]->u.s.len);
        *res = q ? page_sd_page(sd, q) : NULL;
        return q && *res == NULL ? page_tpl_fail(st, "out of memory") : 0;
    }

    if (nargs == 1 && page_is(name, len, "Eq")) {
        *res = page_value_const_bool(page_sd_arg_page(sd, args[0]) == p);
        return 0;
    }

    if (nargs == 1 && page_is(name, len, "GetTerms")) {
        if (!page_tpl_is_str(args[0])) {
            return page_tpl_fail(st, "GetTerms: want a taxonomy name");
        }

        *res = page_sd_terms(sd, p, args[0]);
        goto made;
    }

    if (nargs == 1 && (page_is(name, len, "IsAncestor")
                       || page_is(name, len, "IsDescendant")
                       || page_is(name, len, "InSection")))
    {
        q = page_sd_arg_page(sd, args[0]);
        if (q == NULL) {
            *res = &page_false_value;
        } else if (name[0] == 'I' && name[2] == 'A') {
            *res = page_value_const_bool(page_sd_is_ancestor(p, q));
        } else if (name[2] == 'D') {
            *res = page_value_const_bool(page_sd_is_ancestor(q, p));
        } else {
            *res = page_value_const_bool(page_sd_current_section(p)
                                         == page_sd_current_section(q));
        }
        return 0;
    }

    i = (size_t) page_site_menu_current(st, sd, p, name, len, args, nargs,
                                        res);
    if (i != 1) {
        return (int) i;         /* page_site_menu_values.c */
    }

    if (nargs == 1 && page_is(name, len, "Param") && ref->value != sd->d->page)
    {
        if (!page_tpl_is_str(args[0])) {
            return page_tpl_fail(st, "Param: want one string key");
        }

        v = page_data_param(page_map_gets(ref->value, "Params"),
                            args[0]->u.s.data, args[0]->u.s.len);
        if (v == NULL || v->type == PAGE_NIL) {
            v = page_data_param(page_map_gets(sd->d->site, "Params"),
                                args[0]->u.s.data, args[0]->u.s.len);
        }

        *res = v;
        return 0;
    }

    return 1;

made:

    return *res ? 0 : page_tpl_fail(st, "out of memory");
}


page_value_t *
page_site_data_list(page_data_t *d, const page_site_list_t *l)
{
    return d->site_data ? page_sd_list(d->site_data, l) : NULL;
}


/*
 * A term's weighted page ({Weight, Page}) is Hugo's WeightedPage, which
 * embeds its page: a field or method it does not have is its page's
 * (.Title, .RelPermalink, ... of `range .Site.Taxonomies.tags.x`).
 */
static int
page_sd_weighted_page(page_tpl_state_t *st, page_data_t *d,
    page_value_t *recv, const char *name, size_t len, page_value_t **args,
    size_t nargs, page_value_t **res)
{
    int             rc;
    page_value_t   *pv, *v;
    page_sd_ref_t  *pref;

    if (recv->type != PAGE_MAP || recv->u.map.n != 2
        || page_is(name, len, "Weight") || page_is(name, len, "Page")
        || page_map_gets(recv, "Weight") == NULL)
    {
        return 1;
    }

    pv = page_map_gets(recv, "Page");
    pref = pv ? page_sd_find(d->site_data->by_value, d->site_data->size, pv)
              : NULL;
    if (pref == NULL || pref->tag != PAGE_SD_PAGE) {
        return 1;
    }

    rc = page_site_data_method(st, d, pv, name, len, args, nargs, res);
    if (rc != 1 || nargs != 0) {
        return rc;
    }

    if (!pref->filled && page_sd_fill(d->site_data, pref) != 0) {
        return page_tpl_fail(st, "out of memory");
    }

    v = page_map_get(pv, name, len);
    if (v == NULL) {
        return 1;
    }

    *res = v;
    return 0;
}


int
page_site_data_method(page_tpl_state_t *st, page_data_t *d,
    page_value_t *recv, const char *name, size_t len, page_value_t **args,
    size_t nargs, page_value_t **res)
{
    int                      rc;
    size_t                   i;
    page_sd_ref_t           *ref;
    page_site_data_t        *sd = d->site_data;
    const page_site_term_t  *t;

    if (sd == NULL || recv == NULL) {
        return 1;
    }

    rc = page_site_pager_method(st, d, recv, name, len, args, nargs, res);
    if (rc != 1) {
        return rc;
    }

    rc = page_site_feed_method(st, d, recv, name, len, args, nargs, res);
    if (rc != 1) {
        return rc;
    }

    rc = page_site_resources_method(st, d, recv, name, len, nargs, res);
    if (rc != 1) {
        return rc;
    }

    if (page_site_i18n_method(recv, name, len, nargs, res) == 0) {
        return 0;               /* .Count of T's number: page_site_i18n.c */
    }

    if ((recv == d->site || recv == d->hugo) && nargs == 0
        && page_is(name, len, "Data"))
    {
        return page_site_datadir_value(st, sd->s, res);
    }

    if (recv == d->site) {
        return page_sd_site_method(st, sd, sd->lang, name, len, args, nargs,
                                   res);
    }

    if (recv == d->hugo && page_is(name, len, "Sites")) {
        return page_site_sites_method(st, sd, sd->lang, name, len, args,
                                      nargs, res);
    }

    if (page_site_sites_list_method(sd, recv, name, len, nargs, res) == 0) {
        return 0;               /* .Sites.Default, .Sites.First */
    }

    for (i = 0; recv->type == PAGE_MAP && i < sd->s->nlangs; i++) {
        if (recv == sd->sites[i]) {
            return page_sd_site_method(st, sd, i, name, len, args, nargs,
                                       res);
        }
    }

    ref = page_sd_find(sd->by_value, sd->size, recv);
    if (ref == NULL) {
        if (recv->type == PAGE_LIST) {
            return page_sd_list_method(st, sd, recv, name, len, args, nargs,
                                       res);
        }

        return page_sd_weighted_page(st, d, recv, name, len, args, nargs,
                                     res);
    }

    switch (ref->tag) {

    case PAGE_SD_PAGE:
        /* .Content, .Summary, ...: rendered on demand, then in the map */
        if (page_site_content_method(st, d, ref->obj, recv, name, len, nargs)
            == -1)
        {
            return -1;
        }

        if (!ref->filled) {
            if (nargs == 0
                && page_sd_quick(sd, ref->obj, name, len, res) == 0)
            {
                return *res ? 0 : page_tpl_fail(st, "out of memory");
            }

            if (page_sd_fill(sd, ref) != 0) {
                return page_tpl_fail(st, "out of memory");
            }
        }

        return page_sd_page_method(st, sd, ref, name, len, args, nargs, res);

    case PAGE_SD_WEIGHTED:
        t = ref->obj;

        if (nargs == 0 && (page_is(name, len, "Count")
                           || page_is(name, len, "Len")))
        {
            *res = page_value_int(sd->a, (int64_t) t->npages);
            return *res ? 0 : page_tpl_fail(st, "out of memory");
        }

        if (nargs == 0 && page_is(name, len, "Page")) {
            *res = t->page ? page_sd_page(sd, t->page) : NULL;
            return 0;
        }

        if (nargs == 0 && page_is(name, len, "Pages")) {
            size_t         i;
            page_value_t  *list = page_value_list(sd->a);

            for (i = 0; list != NULL && i < t->npages; i++) {
                if (page_list_push(sd->a, list,
                                   page_sd_page(sd, t->pages[i].page)) != 0)
                {
                    list = NULL;
                }
            }

            *res = list;
            return list ? 0 : page_tpl_fail(st, "out of memory");
        }

        return 1;

    case PAGE_SD_ENTRY:
        return page_site_menu_entry_method(st, sd, ref->obj, name, len,
                                           nargs, res);

    case PAGE_SD_TAX:
        return page_sd_tax_method(st, sd, ref, name, len, args, nargs, res);

    case PAGE_SD_ORDERED:
        if (nargs == 0 && page_is(name, len, "Reverse")) {
            return page_sd_reverse(st, sd, recv, PAGE_SD_ORDERED, ref->obj,
                                   res);
        }

        if (nargs == 0 && page_is(name, len, "Len")) {
            *res = page_value_int(sd->a, (int64_t) recv->u.list.n);
            return *res ? 0 : page_tpl_fail(st, "out of memory");
        }

        return 1;

    default:
        return 1;
    }
}


page_value_t *
page_site_data_page(page_data_t *d, const page_site_page_t *p)
{
    return d->site_data ? page_sd_page(d->site_data, p) : NULL;
}


const page_site_page_t *
page_site_data_page_of(page_data_t *d, const page_value_t *v)
{
    return d->site_data && v ? page_sd_arg_page(d->site_data,
                                                (page_value_t *) v)
                             : NULL;
}


struct page_site_pager_s **
page_site_data_pager(page_data_t *d)
{
    return d->site_data ? &d->site_data->pager : NULL;
}


int
page_site_data_site(page_data_t *d, struct page_site_s **s, size_t *lang)
{
    if (d->site_data == NULL) {
        return -1;
    }

    *s = d->site_data->s;
    *lang = d->site_data->lang;

    return 0;
}
