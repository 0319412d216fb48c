/*
 * page_site_menus: each language's menus as Hugo builds them: entries
 * from the configuration (menus.<name>: list of entries, with url or
 * pageRef), from sectionPagesMenu, and from front matter (menu: main,
 * menus: [a, b], menu: {main: {weight, name, parent, identifier, pre,
 * post, title, params}}), one entry per KeyName in a menu (a page's that
 * repeats one is left out, as Hugo warns); children under their
 * parent's KeyName (an unknown parent becomes an entry with that name
 * and no URL); every level in Hugo's order (weight, 0 last, then name,
 * then identifier).  An entry with a page takes, when it has none, the
 * page's linkTitle as name, title as title and weight as weight
 * (current Hugo; 0.111.3 left a pageRef entry's name and weight empty
 * and fell back to the linkTitle for the title).  Only published pages
 * get entries.
 */

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "page_site_int.h"

/* Deepest menu nesting sorted: a cycle of parents stops there. */
#define PAGE_SITE_MAX_MENU_DEPTH  16


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

    return e;
}


const char *
page_site_menu_key(const page_site_entry_t *e)
{
    return e->identifier[0] != '\0' ? e->identifier : e->name;
}


/*
 * Put e in menu; when unique, not if an entry of its KeyName is there
 * already (a page's entry after the configuration's: Hugo warns
 * "duplicate menu entry" and leaves it out).  0, or -1.
 */
static int
page_site_entry_add(page_site_t *s, page_site_menu_t *menu,
    page_site_entry_t *e, int unique)
{
    size_t       i;
    const char  *key;

    if (e == NULL) {
        return -1;
    }

    key = page_site_menu_key(e);

    for (i = 0; unique && i < menu->n; i++) {
        if (strcmp(page_site_menu_key(menu->entries[i]), key) == 0) {
            return 0;
        }
    }

    return page_site_entry_push(s, &menu->entries, &menu->n, &menu->cap, e);
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


/*
 * The entries of a page's front matter menu(s) value.  As in Hugo, a
 * list of menu names makes one entry whose .Menu is the last name.
 */
static int
page_site_page_menus(page_site_t *s, page_site_lang_t *l, page_site_page_t *p)
{
    size_t              i;
    const char         *last;
    page_value_t       *v, *one;
    page_site_menu_t   *menu;
    page_site_entry_t  *e;

    v = page_map_gets(p->params, "menus");
    if (v == NULL) {
        v = page_map_gets(p->params, "menu");
    }

    if (v == NULL) {
        return 0;
    }

    if (page_value_is_string(v)) {
        menu = page_site_menu_get(s, l, v->u.s.data, v->u.s.len, 1);
        return (menu != NULL
                && page_site_entry_add(s, menu,
                                       page_site_entry(s, menu, NULL, p), 1)
                   == 0) ? 0 : -1;
    }

    if (v->type == PAGE_LIST) {
        last = NULL;

        for (i = 0; i < v->u.list.n; i++) {
            one = v->u.list.items[i];
            if (page_value_is_string(one)) {
                menu = page_site_menu_get(s, l, one->u.s.data,
                                          one->u.s.len, 1);
                if (menu == NULL) {
                    return -1;
                }
                last = menu->name;
            }
        }

        for (i = 0; i < v->u.list.n; i++) {
            one = v->u.list.items[i];
            if (!page_value_is_string(one)) {
                continue;
            }
            menu = page_site_menu_get(s, l, one->u.s.data, one->u.s.len, 1);
            e = page_site_entry(s, menu, NULL, p);
            if (e == NULL) {
                return -1;
            }
            e->menu = last;
            if (page_site_entry_add(s, menu, e, 1) != 0) {
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
                || page_site_entry_add(s, menu,
                                       page_site_entry(s, menu,
                                                       one->type == PAGE_MAP
                                                       ? one : NULL, p), 1)
                   != 0)
            {
                return -1;
            }
        }
    }

    return 0;
}


/* One UTF-8 character of s (len > 0): its code point and length. */
static size_t
page_site_menu_rune(const unsigned char *s, size_t len, uint32_t *r)
{
    size_t  n, i;

    if (s[0] < 0x80) {
        *r = s[0];
        return 1;
    }

    n = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc0 ? 2 : 1;
    if (n == 1 || n > len) {
        *r = 0xfffd;
        return 1;
    }

    *r = s[0] & (0x7f >> n);

    for (i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80) {
            *r = 0xfffd;
            return 1;
        }
        *r = (*r << 6) | (s[i] & 0x3f);
    }

    return n;
}


/*
 * The lower case of r where Go's unicode.SimpleFold pairs it with one:
 * ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic (other scripts
 * compare as they are).
 */
static uint32_t
page_site_menu_fold(uint32_t r)
{
    if ((r >= 'A' && r <= 'Z')
        || (r >= 0xc0 && r <= 0xde && r != 0xd7)
        || (r >= 0x391 && r <= 0x3ab && r != 0x3a2)
        || (r >= 0x410 && r <= 0x42f))
    {
        return r + 0x20;
    }

    if (r >= 0x400 && r <= 0x40f) {
        return r + 0x50;
    }

    if (r >= 0x100 && r <= 0x17f && r != 0x130 && r != 0x131
        && r != 0x138 && r != 0x149 && r != 0x17f)
    {
        /* pairs: even upper, odd lower, shifted by one in 0x139..0x148
           and 0x179..0x17e */
        if ((r >= 0x139 && r <= 0x148) || (r >= 0x179 && r <= 0x17e)) {
            return (r & 1) ? r + 1 : r;
        }
        return r | 1;
    }

    return r;
}


/*
 * Hugo's compare.Strings: runes compared with their case folded (ASCII
 * by lower case, others by code point), a tie broken byte by byte.
 */
static int
page_site_menu_strcmp(const char *a, const char *b)
{
    int        c;
    size_t     i, j, la, lb;
    uint32_t   r1, r2, f1, f2;

    la = strlen(a);
    lb = strlen(b);

    for (i = 0, j = 0; i < la && j < lb; /* void */) {
        i += page_site_menu_rune((const unsigned char *) a + i, la - i, &r1);
        j += page_site_menu_rune((const unsigned char *) b + j, lb - j, &r2);

        if (r1 == r2) {
            continue;
        }

        f1 = page_site_menu_fold(r1);
        f2 = page_site_menu_fold(r2);

        if (f1 == f2) {
            continue;
        }

        if (r1 < 0x80 && r2 < 0x80) {
            return f1 < f2 ? -1 : 1;
        }

        return r1 < r2 ? -1 : 1;
    }

    if (i < la || j < lb) {
        return i < la ? 1 : -1;
    }

    c = strcmp(a, b);

    return c < 0 ? -1 : c > 0;
}


int
page_site_menu_name_cmp(const page_site_entry_t *a, const page_site_entry_t *b)
{
    return page_site_menu_strcmp(a->name, b->name);
}


int
page_site_menu_cmp(const page_site_entry_t *e1, const page_site_entry_t *e2)
{
    int  c;

    if (e1->weight != e2->weight) {
        if (e1->weight == 0) {
            return 1;
        }
        if (e2->weight == 0) {
            return -1;
        }
        return e1->weight < e2->weight ? -1 : 1;
    }

    c = page_site_menu_strcmp(e1->name, e2->name);

    return c != 0 ? c : strcmp(e1->identifier, e2->identifier);
}


static int
page_site_entry_cmp(const void *x, const void *y)
{
    return page_site_menu_cmp(*(page_site_entry_t *const *) x,
                              *(page_site_entry_t *const *) y);
}


/* Sort entries and, to a depth, their children (a cycle stops there). */
static void
page_site_menu_sort(page_site_entry_t **items, size_t n, int depth)
{
    size_t  i;

    if (depth > PAGE_SITE_MAX_MENU_DEPTH) {
        return;
    }

    if (n > 1) {
        qsort(items, n, sizeof(page_site_entry_t *), page_site_entry_cmp);
    }

    for (i = 0; i < n; i++) {
        page_site_menu_sort(items[i]->children, items[i]->nchildren,
                            depth + 1);
    }
}


/*
 * Put entries with a parent under the entry of that KeyName (Hugo's
 * flat map of KeyNames), or under a new entry of that name with no URL
 * and no menu; the top level is what has no parent.
 */
static int
page_site_menu_tree(page_site_t *s, page_site_menu_t *menu)
{
    size_t              i, j, n, nall, top;
    page_site_entry_t  *e, *parent, **all;

    n = menu->n;
    if (n == 0) {
        return 0;
    }

    /* the entries, then the parents made for unknown names */

    all = page_arena_alloc(&s->arena, 2 * n * sizeof(page_site_entry_t *));
    if (all == NULL) {
        return -1;
    }

    memcpy(all, menu->entries, n * sizeof(page_site_entry_t *));
    nall = n;
    top = 0;

    for (i = 0; i < n; i++) {
        e = all[i];

        if (e->parent[0] == '\0') {
            menu->entries[top++] = e;
            continue;
        }

        parent = NULL;

        for (j = 0; j < nall; j++) {
            if (j != i && strcmp(page_site_menu_key(all[j]), e->parent) == 0)
            {
                parent = all[j];
                break;
            }
        }

        if (parent == NULL) {
            parent = page_arena_calloc(&s->arena, 1,
                                       sizeof(page_site_entry_t));
            if (parent == NULL) {
                return -1;
            }
            parent->menu = "";
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
            all[nall++] = parent;
            menu->entries[top++] = parent;      /* top <= i here */
        }

        if (page_site_entry_push(s, &parent->children, &parent->nchildren,
                                 &parent->cap, e)
            != 0)
        {
            return -1;
        }
    }

    menu->n = top;

    page_site_menu_sort(menu->entries, menu->n, 0);

    return 0;
}


/*
 * The configuration's entries of one KeyName: as in Hugo, the last in
 * the menu's order stands.  And what an entry with a page takes from it.
 */
static void
page_site_menu_unique(page_site_menu_t *menu)
{
    size_t  i, j, n;

    if (menu->n > 1) {
        qsort(menu->entries, menu->n, sizeof(page_site_entry_t *),
              page_site_entry_cmp);
    }

    n = 0;

    for (i = 0; i < menu->n; i++) {
        for (j = i + 1; j < menu->n; j++) {
            if (strcmp(page_site_menu_key(menu->entries[i]),
                       page_site_menu_key(menu->entries[j])) == 0)
            {
                break;
            }
        }

        if (j == menu->n) {
            menu->entries[n++] = menu->entries[i];
        }
    }

    menu->n = n;
}


static void
page_site_menu_fill(page_site_menu_t *menu)
{
    size_t              i;
    page_site_entry_t  *e;

    for (i = 0; i < menu->n; i++) {
        e = menu->entries[i];

        if (e->page == NULL) {
            continue;
        }

        if (e->name[0] == '\0') {
            e->name = e->page->link_title;
        }

        if (e->title[0] == '\0') {
            e->title = e->page->title;
        }

        if (e->weight == 0) {
            e->weight = e->page->weight;
        }
    }
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
                }

                if (page_site_entry_add(s, menu, e, 0) != 0) {
                    goto nomem;
                }
            }
        }

        for (i = 0; i < lang->nmenus; i++) {
            page_site_menu_fill(&lang->menus[i]);
            page_site_menu_unique(&lang->menus[i]);
        }

        /*
         * sectionPagesMenu: the first-level sections, unless an entry
         * has the section's name as KeyName; as in Hugo, with no .Menu
         */

        if (spm[0] != '\0') {
            menu = page_site_menu_get(s, lang, spm, strlen(spm), 1);
            if (menu == NULL) {
                goto nomem;
            }

            for (i = 0; i < lang->home->sections.n; i++) {
                p = lang->home->sections.items[i];

                e = page_site_entry(s, menu, NULL, p);
                if (e == NULL) {
                    goto nomem;
                }

                e->menu = "";
                e->identifier = p->section;

                if (page_site_entry_add(s, menu, e, 1) != 0) {
                    goto nomem;
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

        for (i = 0; i < lang->nmenus; i++) {
            page_site_menu_fill(&lang->menus[i]);

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
