/*
 * page_site_menus: each language's menus as Hugo builds them: entries
 * from the configuration (menus.<name>: list of entries, with url or
 * pageRef), from front matter (menu: main, menus: [a, b], menu: {main:
 * {weight, name, parent, identifier, pre, post, title, params}}), and
 * from sectionPagesMenu; children under their parent's identifier;
 * ordered by weight (0 last), then name.  Only published pages get
 * entries.
 */

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "page_site_int.h"


static const char *
page_site_entry_str(const page_value_t *m, const char *key)
{
    page_value_t  *v;

    v = page_map_gets(m, key);

    return (v != NULL && page_value_is_string(v)) ? v->u.s.data : "";
}


/* The menu name (lower-cased) of language l, made when new. */
static page_site_menu_t *
page_site_menu_get(page_site_t *s, page_site_lang_t *l, const char *name,
    size_t len, int make)
{
    size_t             i;
    char              *n;
    page_site_menu_t  *menus;

    for (i = 0; i < l->nmenus; i++) {
        if (strlen(l->menus[i].name) == len
            && strncasecmp(l->menus[i].name, name, len) == 0)
        {
            return &l->menus[i];
        }
    }

    if (!make) {
        return NULL;
    }

    menus = page_arena_realloc(&s->arena, l->menus,
                               l->nmenus * sizeof(page_site_menu_t),
                               (l->nmenus + 1) * sizeof(page_site_menu_t));
    if (menus == NULL) {
        return NULL;
    }

    l->menus = menus;
    memset(&menus[l->nmenus], 0, sizeof(page_site_menu_t));

    n = page_arena_strndup(&s->arena, name, len);
    if (n == NULL) {
        return NULL;
    }

    for (i = 0; i < len; i++) {
        if (n[i] >= 'A' && n[i] <= 'Z') {
            n[i] += 'a' - 'A';
        }
    }

    menus[l->nmenus].name = n;

    return &menus[l->nmenus++];
}


static int
page_site_entry_push(page_site_t *s, page_site_entry_t ***items, size_t *n,
    size_t *cap, page_site_entry_t *e)
{
    size_t               ncap;
    page_site_entry_t  **ni;

    if (*n == *cap) {
        ncap = *cap ? *cap * 2 : 8;
        ni = page_arena_realloc(&s->arena, *items,
                                *cap * sizeof(page_site_entry_t *),
                                ncap * sizeof(page_site_entry_t *));
        if (ni == NULL) {
            return -1;
        }
        *items = ni;
        *cap = ncap;
    }

    (*items)[(*n)++] = e;

    return 0;
}


/* A new entry of menu, its fields from the map m (may be NULL). */
static page_site_entry_t *
page_site_entry(page_site_t *s, page_site_menu_t *menu, const page_value_t *m,
    page_site_page_t *p)
{
    page_value_t       *v;
    page_site_entry_t  *e;

    e = page_arena_calloc(&s->arena, 1, sizeof(page_site_entry_t));
    if (e == NULL) {
        return NULL;
    }

    e->menu = menu->name;
    e->page = p;
    e->identifier = page_site_entry_str(m, "identifier");
    e->name = page_site_entry_str(m, "name");
    e->url = page_site_entry_str(m, "url");
    e->page_ref = page_site_entry_str(m, "pageref");
    e->parent = page_site_entry_str(m, "parent");
    e->pre = page_site_entry_str(m, "pre");
    e->post = page_site_entry_str(m, "post");
    e->title = page_site_entry_str(m, "title");

    v = page_map_gets(m, "weight");
    e->weight = (v != NULL && v->type == PAGE_INT) ? v->u.i
                : (p != NULL ? p->weight : 0);

    v = page_map_gets(m, "params");
    e->params = (v != NULL && v->type == PAGE_MAP) ? v
                : page_value_map(&s->arena);

    if (e->params == NULL) {
        return NULL;
    }

    if (p != NULL && e->name[0] == '\0') {
        e->name = p->link_title;
    }

    if (page_site_entry_push(s, &menu->entries, &menu->n, &menu->cap, e)
        != 0)
    {
        return NULL;
    }

    return e;
}


/*
 * The page a pageRef names in language l: "/docs" (a section),
 * "/posts/a" or "posts/a.md" (a page or a bundle), "/" (home).
 */
static page_site_page_t *
page_site_ref(page_site_t *s, size_t l, const char *ref)
{
    char               want[PAGE_SITE_MAX_PATH];
    size_t             len, i, wl;
    page_site_page_t  *p;

    while (*ref == '/') {
        ref++;
    }

    len = strlen(ref);
    while (len > 0 && ref[len - 1] == '/') {
        len--;
    }

    if (len > 3 && strncasecmp(ref + len - 3, ".md", 3) == 0) {
        len -= 3;
    }

    if (len == 0) {
        return s->langs[l].home;
    }

    if (len >= sizeof(want) - 16) {
        return NULL;
    }

    for (i = 0; i < s->nfiles; i++) {
        p = s->files[i];

        if (p->lang != l || !p->published || p->path == NULL) {
            continue;
        }

        if (p->kind == PAGE_KIND_SECTION) {
            if (strlen(p->dir) == len && strncmp(p->dir, ref, len) == 0) {
                return p;
            }
            continue;
        }

        if (p->rel == NULL) {
            continue;
        }

        /* "posts/a" matches posts/a.md, posts/a.fr.md, posts/a/index.md */

        memcpy(want, ref, len);
        want[len] = '\0';
        wl = len;

        if (p->bundle == PAGE_BUNDLE_LEAF) {
            if (strcmp(p->dir, want) == 0) {
                return p;
            }
            continue;
        }

        if (strncmp(p->rel, want, wl) == 0 && p->rel[wl] == '.') {
            return p;
        }
    }

    return NULL;
}


/* The menu names of a page's front matter menu(s) value. */
static int
page_site_page_menus(page_site_t *s, page_site_lang_t *l, page_site_page_t *p)
{
    size_t              i;
    page_value_t       *v, *one;
    page_site_menu_t   *menu;

    v = page_map_gets(p->params, "menus");
    if (v == NULL) {
        v = page_map_gets(p->params, "menu");
    }

    if (v == NULL) {
        return 0;
    }

    if (page_value_is_string(v)) {
        menu = page_site_menu_get(s, l, v->u.s.data, v->u.s.len, 1);
        return (menu && page_site_entry(s, menu, NULL, p)) ? 0 : -1;
    }

    if (v->type == PAGE_LIST) {
        for (i = 0; i < v->u.list.n; i++) {
            one = v->u.list.items[i];
            if (!page_value_is_string(one)) {
                continue;
            }
            menu = page_site_menu_get(s, l, one->u.s.data, one->u.s.len, 1);
            if (menu == NULL || page_site_entry(s, menu, NULL, p) == NULL) {
                return -1;
            }
        }
        return 0;
    }

    if (v->type == PAGE_MAP) {
        for (i = 0; i < v->u.map.n; i++) {
            one = v->u.map.items[i].value;
            menu = page_site_menu_get(s, l, v->u.map.items[i].key.data,
                                      v->u.map.items[i].key.len, 1);
            if (menu == NULL
                || page_site_entry(s, menu, one->type == PAGE_MAP ? one
                                                                  : NULL, p)
                   == NULL)
            {
                return -1;
            }
        }
    }

    return 0;
}


static int
page_site_entry_cmp(const void *x, const void *y)
{
    int                       c;
    const page_site_entry_t  *e1, *e2;

    e1 = *(page_site_entry_t *const *) x;
    e2 = *(page_site_entry_t *const *) y;

    if (e1->weight != e2->weight) {
        if (e1->weight == 0) {
            return 1;
        }
        if (e2->weight == 0) {
            return -1;
        }
        return e1->weight < e2->weight ? -1 : 1;
    }

    c = page_site_collate(e1->name, e2->name);

    return c != 0 ? c : strcmp(e1->identifier, e2->identifier);
}


/* Put entries with a parent under it; sort every level. */
static int
page_site_menu_tree(page_site_t *s, page_site_menu_t *menu)
{
    size_t              i, j, top;
    const char         *key;
    page_site_entry_t  *e, *parent;

    top = 0;

    for (i = 0; i < menu->n; i++) {
        e = menu->entries[i];
        parent = NULL;

        if (e->parent[0] != '\0') {
            for (j = 0; j < menu->n; j++) {
                key = menu->entries[j]->identifier[0] != '\0'
                      ? menu->entries[j]->identifier
                      : menu->entries[j]->name;
                if (j != i && strcmp(key, e->parent) == 0) {
                    parent = menu->entries[j];
                    break;
                }
            }
        }

        if (parent == NULL && e->parent[0] != '\0') {
            /* an unknown parent: hugo 0.111.3 makes an entry of that
               name with no URL to hold the child */
            for (j = 0; j < top; j++) {
                if (menu->entries[j]->page == NULL
                    && menu->entries[j]->url[0] == '\0'
                    && menu->entries[j]->identifier[0] == '\0'
                    && strcmp(menu->entries[j]->name, e->parent) == 0)
                {
                    parent = menu->entries[j];
                }
            }

            if (parent == NULL) {
                parent = page_arena_calloc(&s->arena, 1,
                                           sizeof(page_site_entry_t));
                if (parent == NULL) {
                    return -1;
                }
                parent->menu = menu->name;
                parent->identifier = "";
                parent->name = e->parent;
                parent->url = "";
                parent->page_ref = "";
                parent->parent = "";
                parent->pre = "";
                parent->post = "";
                parent->title = "";
                parent->params = page_value_map(&s->arena);
                if (parent->params == NULL) {
                    return -1;
                }
                menu->entries[top++] = parent;
            }
        }

        if (parent != NULL) {
            if (page_site_entry_push(s, &parent->children,
                                     &parent->nchildren, &parent->cap, e)
                != 0)
            {
                return -1;
            }
            continue;
        }

        menu->entries[top++] = e;
    }

    menu->n = top;

    for (i = 0; i < menu->n; i++) {
        e = menu->entries[i];
        if (e->nchildren > 1) {
            qsort(e->children, e->nchildren, sizeof(page_site_entry_t *),
                  page_site_entry_cmp);
        }
    }

    /* children of children were sorted above only at their level */

    for (i = 0; i < menu->n; i++) {
        for (j = 0; j < menu->entries[i]->nchildren; j++) {
            e = menu->entries[i]->children[j];
            if (e->nchildren > 1) {
                qsort(e->children, e->nchildren,
                      sizeof(page_site_entry_t *), page_site_entry_cmp);
            }
        }
    }

    if (menu->n > 1) {
        qsort(menu->entries, menu->n, sizeof(page_site_entry_t *),
              page_site_entry_cmp);
    }

    return 0;
}


page_site_menu_t *
page_site_menu(page_site_t *s, size_t lang, const char *name)
{
    if (lang >= s->nlangs) {
        return NULL;
    }

    return page_site_menu_get(s, &s->langs[lang], name, strlen(name), 0);
}


int
page_site_menus(page_site_t *s, page_error_t *err)
{
    size_t              l, i, j;
    const char         *spm;
    page_pair_t        *kv;
    page_value_t       *list;
    page_site_lang_t   *lang;
    page_site_menu_t   *menu;
    page_site_page_t   *p;
    page_site_entry_t  *e;

    spm = s->cfg->section_pages_menu;

    for (l = 0; l < s->nlangs; l++) {
        lang = &s->langs[l];

        /* the configuration's */

        for (i = 0; i < lang->conf->menus->u.map.n; i++) {
            kv = &lang->conf->menus->u.map.items[i];
            list = kv->value;

            menu = page_site_menu_get(s, lang, kv->key.data, kv->key.len, 1);
            if (menu == NULL) {
                goto nomem;
            }

            if (list->type != PAGE_LIST) {
                continue;
            }

            for (j = 0; j < list->u.list.n; j++) {
                if (list->u.list.items[j]->type != PAGE_MAP) {
                    continue;
                }

                e = page_site_entry(s, menu, list->u.list.items[j], NULL);
                if (e == NULL) {
                    goto nomem;
                }

                if (e->page_ref[0] != '\0') {
                    e->page = page_site_ref(s, l, e->page_ref);
                    if (e->page != NULL && e->name[0] == '\0') {
                        e->name = e->page->link_title;
                    }
                }
            }
        }

        /* the pages' front matter */

        for (i = 0; i < lang->pages.n; i++) {
            p = lang->pages.items[i];

            if (p->file != NULL && page_site_page_menus(s, lang, p) != 0) {
                goto nomem;
            }
        }

        /* sectionPagesMenu: the first-level sections, unless listed */

        if (spm[0] != '\0') {
            menu = page_site_menu_get(s, lang, spm, strlen(spm), 1);
            if (menu == NULL) {
                goto nomem;
            }

            for (i = 0; i < lang->home->sections.n; i++) {
                p = lang->home->sections.items[i];

                for (j = 0; j < menu->n; j++) {
                    if (strcmp(menu->entries[j]->identifier, p->section) == 0
                        || menu->entries[j]->page == p)
                    {
                        break;
                    }
                }

                if (j < menu->n) {
                    continue;
                }

                e = page_site_entry(s, menu, NULL, p);
                if (e == NULL) {
                    goto nomem;
                }

                e->identifier = p->section;
                e->name = p->title;
            }
        }

        for (i = 0; i < lang->nmenus; i++) {
            if (page_site_menu_tree(s, &lang->menus[i]) != 0) {
                goto nomem;
            }
        }
    }

    return 0;

nomem:

    page_error_nomem(err, s->dir);

    return -1;
}
