/*
 * page_site_menu_values: what templates do with menus in page_site.  A
 * menu (.Site.Menus.main, an entry's .Children) is a list of entry
 * maps; its methods are Hugo's navigation.Menu ones: .ByWeight (the
 * default order: weight, 0 last, then name, then identifier), .ByName,
 * .Limit N and .Reverse, each a new list of the same entries.  An
 * entry's .ConfiguredURL.  And the page methods .IsMenuCurrent and
 * .HasMenuCurrent with Hugo's rules (navigation/pagemenus.go): an entry
 * is current when it is the page's own front matter entry of that menu
 * (same identifier, else URL, and same parent), or when it links to the
 * page and the menu has an entry for it; an entry has the current one
 * when one below it is, or when its page is a section above the page.
 */

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "page_site_data.h"
#include "page_site_index.h"


#define page_is(name, len, lit) \
    ((len) == sizeof(lit) - 1 && memcmp(name, lit, sizeof(lit) - 1) == 0)

/* Deepest menu nesting searched: a cycle of parents stops here. */
#define PAGE_SITE_MENU_MAX_DEPTH  16


typedef struct {
    page_value_t             *v;
    const page_site_entry_t  *e;
    size_t                    i;      /* place before: a stable sort */
} page_site_menu_item_t;


/* The page's own entry of a menu, from its front matter. */
typedef struct {
    const char  *id;                  /* identifier, else its URL */
    const char  *parent;
} page_site_own_t;


static int
page_site_menu_item_cmp(const void *x, const void *y)
{
    int                           c;
    const page_site_menu_item_t  *a = x, *b = y;

    c = page_site_menu_cmp(a->e, b->e);

    return c != 0 ? c : (a->i < b->i ? -1 : a->i > b->i);
}


static int
page_site_menu_item_name(const void *x, const void *y)
{
    int                           c;
    const page_site_menu_item_t  *a = x, *b = y;

    c = page_site_menu_name_cmp(a->e, b->e);

    return c != 0 ? c : (a->i < b->i ? -1 : a->i > b->i);
}


int
page_site_menu_method(page_tpl_state_t *st, page_site_data_t *sd,
    page_value_t *recv, const char *name, size_t len, page_value_t **args,
    size_t nargs, page_value_t **res)
{
    size_t                  i, n;
    int64_t                 limit;
    page_arena_t           *a;
    page_value_t           *list;
    page_site_menu_item_t  *items;

    if (recv->type != PAGE_LIST || recv->u.list.n == 0) {
        return 1;
    }

    n = recv->u.list.n;

    for (i = 0; i < n; i++) {
        if (page_site_data_entry_of(sd, recv->u.list.items[i]) == NULL) {
            return 1;           /* not a menu */
        }
    }

    limit = (int64_t) n;

    if (page_is(name, len, "Limit") && nargs == 1) {
        if (args[0] == NULL || args[0]->type != PAGE_INT) {
            return page_tpl_fail(st, "Limit: wrong type for value; "
                                 "expected int; got %s",
                                 page_type_name(args[0] ? args[0]->type
                                                        : PAGE_NIL));
        }

        if (args[0]->u.i < 0) {
            return page_tpl_fail(st, "error calling Limit: runtime error: "
                                 "slice bounds out of range [:%lld]",
                                 (long long) args[0]->u.i);
        }

        if (args[0]->u.i < limit) {
            limit = args[0]->u.i;
        }

    } else if (nargs != 0
               || !(page_is(name, len, "ByWeight")
                    || page_is(name, len, "ByName")
                    || page_is(name, len, "Reverse")))
    {
        return 1;
    }

    a = page_site_data_arena(sd);

    items = page_arena_alloc(a, n * sizeof(page_site_menu_item_t));
    list = page_value_list(a);
    if (items == NULL || list == NULL) {
        return page_tpl_fail(st, "out of memory");
    }

    for (i = 0; i < n; i++) {
        items[i].v = recv->u.list.items[i];
        items[i].e = page_site_data_entry_of(sd, items[i].v);
        items[i].i = i;
    }

    if (name[2] == 'W') {
        qsort(items, n, sizeof(page_site_menu_item_t),
              page_site_menu_item_cmp);

    } else if (name[2] == 'N') {
        qsort(items, n, sizeof(page_site_menu_item_t),
              page_site_menu_item_name);
    }

    for (i = 0; i < (size_t) limit; i++) {
        if (page_list_push(a, list, items[name[0] == 'R' ? n - 1 - i : i].v)
            != 0)
        {
            return page_tpl_fail(st, "out of memory");
        }
    }

    *res = list;

    return 0;
}


int
page_site_menu_entry_method(page_tpl_state_t *st, page_site_data_t *sd,
    const page_site_entry_t *e, const char *name, size_t len,
    size_t nargs, page_value_t **res)
{
    page_buf_t                 b;
    page_site_entry_t          conf;
    const struct page_site_s  *s;

    if (nargs != 0 || !page_is(name, len, "ConfiguredURL")) {
        return 1;
    }

    /* the url as configured, under baseURL's path when it starts with / */

    s = page_site_data_index(sd);
    conf = *e;
    conf.page = NULL;

    page_buf_init(&b, page_site_data_arena(sd), 0);
    page_site_entry_url(s, &conf, &b);

    *res = page_buf_failed(&b)
           ? NULL
           : page_value_string(page_site_data_arena(sd),
                               b.data ? b.data : "", b.len);

    return *res ? 0 : page_tpl_fail(st, "out of memory");
}


/* An entry's URL (the page's link, else the url): in arena memory. */
static const char *
page_site_menu_url(page_site_data_t *sd, const page_site_entry_t *e)
{
    page_buf_t  b;

    page_buf_init(&b, page_site_data_arena(sd), 0);
    page_site_entry_url(page_site_data_index(sd), e, &b);
    page_buf_putc(&b, '\0');

    if (page_buf_failed(&b)) {
        return NULL;
    }

    return b.data;
}


/* Hugo's hopefullyUniqueID: identifier, else URL, else name. */
static const char *
page_site_menu_uid(page_site_data_t *sd, const page_site_entry_t *e)
{
    const char  *url;

    if (e->identifier[0] != '\0') {
        return e->identifier;
    }

    url = page_site_menu_url(sd, e);

    return url == NULL ? "" : url[0] != '\0' ? url : e->name;
}


static const char *
page_site_menu_fm(const page_value_t *m, const char *key)
{
    page_value_t  *v;

    v = m != NULL ? page_map_gets(m, key) : NULL;

    return v != NULL && page_value_is_string(v) ? v->u.s.data : "";
}


/*
 * The page's own entry of menu (its front matter's menu: NAME, menus:
 * [.., NAME], or menu: {NAME: {...}}), even one left out of the site's
 * menus as a duplicate.  0 when the page has none.
 */
static int
page_site_menu_own(page_site_data_t *sd, const page_site_page_t *p,
    const char *menu, page_site_own_t *own)
{
    size_t         i;
    page_buf_t     b;
    page_value_t  *v, *m;

    v = page_map_gets(p->params, "menus");
    if (v == NULL) {
        v = page_map_gets(p->params, "menu");
    }

    if (v == NULL) {
        return 0;
    }

    m = NULL;

    if (page_value_is_string(v)) {
        if (strcasecmp(v->u.s.data, menu) != 0) {
            return 0;
        }

    } else if (v->type == PAGE_LIST) {
        for (i = 0; i < v->u.list.n; i++) {
            if (page_value_is_string(v->u.list.items[i])
                && strcasecmp(v->u.list.items[i]->u.s.data, menu) == 0)
            {
                break;
            }
        }
        if (i == v->u.list.n) {
            return 0;
        }

    } else if (v->type == PAGE_MAP) {
        for (i = 0; i < v->u.map.n; i++) {
            if (strcasecmp(v->u.map.items[i].key.data, menu) == 0) {
                break;
            }
        }
        if (i == v->u.map.n) {
            return 0;
        }
        m = v->u.map.items[i].value;
        if (m->type != PAGE_MAP) {
            m = NULL;
        }

    } else {
        return 0;
    }

    own->parent = page_site_menu_fm(m, "parent");
    own->id = page_site_menu_fm(m, "identifier");

    if (own->id[0] == '\0') {
        page_buf_init(&b, page_site_data_arena(sd), 0);
        page_site_rel_permalink(page_site_data_index(sd), p, &b);
        page_buf_putc(&b, '\0');
        if (page_buf_failed(&b)) {
            return -1;
        }
        own->id = b.data;
    }

    return 1;
}


/* Hugo's IsEqual of an entry and the page's own: same id and parent. */
static int
page_site_menu_equal(page_site_data_t *sd, const page_site_entry_t *e,
    const page_site_own_t *own)
{
    return own != NULL && strcmp(e->parent, own->parent) == 0
           && strcmp(page_site_menu_uid(sd, e), own->id) == 0;
}


/* Hugo's IsSameResource: the same page, else the same non-empty URL. */
static int
page_site_menu_same(page_site_data_t *sd, const page_site_entry_t *a,
    const page_site_entry_t *b)
{
    const char  *u1, *u2;

    if (a->page != NULL && b->page != NULL && a->page == b->page) {
        return 1;
    }

    u1 = page_site_menu_url(sd, a);
    u2 = page_site_menu_url(sd, b);

    return u1 != NULL && u2 != NULL && u1[0] != '\0'
           && strcmp(u1, u2) == 0;
}


/* An entry of items or below that is the same resource as e. */
static int
page_site_menu_find(page_site_data_t *sd, page_site_entry_t **items,
    size_t n, const page_site_entry_t *e, int depth)
{
    size_t  i;

    if (depth > PAGE_SITE_MENU_MAX_DEPTH) {
        return 0;
    }

    for (i = 0; i < n; i++) {
        if (page_site_menu_same(sd, items[i], e)
            || page_site_menu_find(sd, items[i]->children,
                                   items[i]->nchildren, e, depth + 1))
        {
            return 1;
        }
    }

    return 0;
}


static int
page_site_menu_is_ancestor(const page_site_page_t *a,
    const page_site_page_t *p)
{
    const page_site_page_t  *q;

    for (q = p->parent; q != NULL; q = q->parent) {
        if (q == a) {
            return 1;
        }
    }

    return 0;
}


static int
page_site_menu_has(page_site_data_t *sd, const page_site_entry_t *e,
    const page_site_page_t *p, const page_site_own_t *own, int depth)
{
    size_t  i;

    if (depth > PAGE_SITE_MENU_MAX_DEPTH) {
        return 0;
    }

    if (e->page != NULL && e->page->kind == PAGE_KIND_SECTION
        && page_site_menu_is_ancestor(e->page, p))
    {
        return 1;
    }

    for (i = 0; i < e->nchildren; i++) {
        if (page_site_menu_equal(sd, e->children[i], own)
            || e->children[i]->page == p
            || page_site_menu_has(sd, e->children[i], p, own, depth + 1))
        {
            return 1;
        }
    }

    return 0;
}


int
page_site_menu_current(page_tpl_state_t *st, page_site_data_t *sd,
    const page_site_page_t *p, const char *name, size_t len,
    page_value_t **args, size_t nargs, page_value_t **res)
{
    int                       rc;
    const char               *menu;
    page_site_own_t           own;
    page_site_menu_t         *m;
    const page_site_entry_t  *e;

    if (nargs != 2 || !(page_is(name, len, "IsMenuCurrent")
                        || page_is(name, len, "HasMenuCurrent")))
    {
        return 1;
    }

    *res = &page_false_value;

    e = page_site_data_entry_of(sd, args[1]);
    if (e == NULL || !page_tpl_is_str(args[0])) {
        return 0;
    }

    menu = args[0]->u.s.data;

    rc = page_site_menu_own(sd, p, menu, &own);
    if (rc == -1) {
        return page_tpl_fail(st, "out of memory");
    }

    if (name[0] == 'H') {
        *res = page_value_const_bool(page_site_menu_has(sd, e, p,
                                                        rc ? &own : NULL, 0));
        return 0;
    }

    if (rc && page_site_menu_equal(sd, e, &own)) {
        *res = &page_true_value;
        return 0;
    }

    if (e->page != p) {
        return 0;
    }

    /* the page may be in several menus: is it in this one? */

    m = page_site_menu((page_site_t *) page_site_data_index(sd),
                       page_site_data_lang(sd), menu);

    *res = page_value_const_bool(m != NULL
                                 && page_site_menu_find(sd, m->entries, m->n,
                                                        e, 0));

    return 0;
}
