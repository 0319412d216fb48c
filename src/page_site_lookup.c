/*
 * page_site_lookup: from a request path to what the site serves there
 * (see page_site_index.h): pages by their URL, aliases and a missing
 * trailing "/" as redirects, index.html, index.xml feeds of list pages,
 * pagers (/page/N/), sitemaps and robots.txt.  One open-addressing hash
 * table of paths, built with the index.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "page_site_int.h"


typedef struct {
    const char        *key;
    page_site_page_t  *page;
    const char        *location;
    uint32_t           hash;
    uint32_t           len;
    uint8_t            what;
} page_site_slot_t;


int
page_site_table_init(page_site_t *s, size_t n)
{
    size_t  size;

    /* a load of at most 2/3: linear probing stays short */
    size = 64;
    while (size < n + n / 2) {
        size *= 2;
    }

    s->table = page_arena_calloc(&s->arena, size, sizeof(page_site_slot_t));
    s->table_size = s->table ? size : 0;

    return s->table ? 0 : -1;
}


static page_site_slot_t *
page_site_slot(page_site_t *s, const char *path, size_t len, uint32_t h)
{
    size_t             i, mask;
    page_site_slot_t  *slots, *e;

    slots = s->table;
    mask = s->table_size - 1;

    for (i = (size_t) h & mask; ; i = (i + 1) & mask) {
        e = &slots[i];

        if (e->key == NULL
            || (e->hash == h && e->len == len
                && memcmp(e->key, path, len) == 0))
        {
            return e;
        }
    }
}


/*
 * Add path.  A page wins over a redirect or a hidden page; otherwise
 * the first one added keeps the path (Hugo's first page of a URL).
 */
int
page_site_table_add(page_site_t *s, const char *path, size_t len,
    page_site_what_t what, page_site_page_t *page, const char *location)
{
    uint32_t           h;
    page_site_slot_t  *e;

    if (s->table == NULL || len == 0 || len > PAGE_SITE_MAX_PATH) {
        return 0;
    }

    h = page_fnv1a(path, len);
    e = page_site_slot(s, path, len, h);

    if (e->key != NULL
        && !(what == PAGE_SITE_HTML && e->what != PAGE_SITE_HTML))
    {
        return 0;
    }

    e->key = path;
    e->len = (uint32_t) len;
    e->hash = h;
    e->what = (uint8_t) what;
    e->page = page;
    e->location = location;

    return 0;
}


static int
page_site_table_page(page_site_t *s, page_site_page_t *p)
{
    size_t  len, i;

    if (p->path == NULL || p->no_render || page_site_kind_off(s, p)) {
        return 0;
    }

    len = strlen(p->path);

    if (!p->published) {
        return page_site_table_add(s, p->path, len, PAGE_SITE_HIDDEN, p,
                                   NULL);
    }

    page_site_table_add(s, p->path, len, PAGE_SITE_HTML, p, NULL);

    /* "/x" for "/x/" is found at lookup time: not stored */

    for (i = 0; i < p->naliases; i++) {
        len = strlen(p->aliases[i]);
        page_site_table_add(s, p->aliases[i], len, PAGE_SITE_REDIRECT, p,
                            p->path);
    }

    return 0;
}


/* -------------------------------------------------------------------- */
/* GetPage                                                               */


/* Ambiguous bare names point here. */
static page_site_page_t  page_site_ambiguous;


/*
 * A GetPage key in b: the language's number as one byte, then the
 * lower-cased path with a leading "/", no trailing "/", no ".md", no
 * "/index" or "/_index".
 */
static int
page_site_ref_key(char *b, size_t size, size_t lang, int bare,
    const char *dir, size_t dl, const char *ref, size_t len)
{
    size_t  n, i;

    if (dl + len + 4 > size) {
        return -1;
    }

    /* a bare name's key starts "#": not a path */

    n = 0;
    b[n++] = (char) (lang + 1);
    b[n++] = bare ? '#' : '/';

    for (i = 0; i < dl; i++) {
        b[n++] = dir[i];
    }

    if (dl > 0 && len > 0 && b[n - 1] != '/') {
        b[n++] = '/';
    }

    for (i = 0; i < len; i++) {
        if (ref[i] == '/' && b[n - 1] == '/') {
            continue;
        }
        b[n++] = ref[i];
    }

    while (n > 2 && b[n - 1] == '/') {
        n--;
    }

    if (n > 5 && memcmp(b + n - 3, ".md", 3) == 0) {
        n -= 3;
    } else if (n > 11 && memcmp(b + n - 9, ".markdown", 9) == 0) {
        n -= 9;
    }

    if (n >= 8 && memcmp(b + n - 7, "/_index", 7) == 0) {
        n -= 7;
    } else if (n >= 7 && memcmp(b + n - 6, "/index", 6) == 0) {
        n -= 6;
    }

    if (n < 2) {
        n = 2;                      /* "/" */
    }

    for (i = 1; i < n; i++) {
        if (b[i] >= 'A' && b[i] <= 'Z') {
            b[i] += 'a' - 'A';
        }
    }

    b[n] = '\0';

    return (int) n;
}


static page_site_slot_t *
page_site_ref_slot(page_site_t *s, const char *key, size_t len)
{
    size_t             i, mask;
    uint32_t           h;
    page_site_slot_t  *slots, *e;

    h = page_fnv1a(key, len);
    slots = s->refs;
    mask = s->refs_size - 1;

    for (i = (size_t) h & mask; ; i = (i + 1) & mask) {
        e = &slots[i];

        if (e->key == NULL
            || (e->hash == h && e->len == len
                && memcmp(e->key, key, len) == 0))
        {
            if (e->key == NULL) {
                e->hash = h;
            }
            return e;
        }
    }
}


/* Add p under its content path, and (pages) under its bare name. */
static int
page_site_ref_add(page_site_t *s, page_site_page_t *p)
{
    int                n, pass;
    char               key[PAGE_SITE_MAX_PATH + 8];
    const char        *dir, *name;
    size_t             dl;
    page_site_slot_t  *e;

    for (pass = 0; pass < 2; pass++) {
        switch (p->kind) {

        case PAGE_KIND_HOME:
            if (pass == 1) {
                return 0;
            }
            n = page_site_ref_key(key, sizeof(key), p->lang, 0, "", 0, "",
                                  0);
            break;

        case PAGE_KIND_TAXONOMY:
        case PAGE_KIND_TERM:
            if (pass == 1) {
                return 0;
            }
            dir = p->tax->conf->plural;
            name = p->kind == PAGE_KIND_TERM ? p->term->key : "";
            n = page_site_ref_key(key, sizeof(key), p->lang, 0, dir,
                                  strlen(dir), name, strlen(name));
            break;

        case PAGE_KIND_SECTION:
            /* a section's bare name is its directory's last name */
            name = strrchr(p->dir, '/');
            name = pass == 0 ? "" : (name ? name + 1 : p->dir);
            n = page_site_ref_key(key, sizeof(key), p->lang, pass,
                                  pass ? "" : p->dir,
                                  pass ? 0 : strlen(p->dir), name,
                                  strlen(name));
            break;

        default:
            if (p->bundle == PAGE_BUNDLE_LEAF) {
                dir = pass == 0 ? p->dir : "";
                n = page_site_ref_key(key, sizeof(key), p->lang, pass, dir,
                                      strlen(dir), pass ? p->slug : "",
                                      pass ? strlen(p->slug) : 0);
            } else {
                dir = pass == 0 ? p->dir : "";
                dl = strlen(dir);
                n = page_site_ref_key(key, sizeof(key), p->lang, pass, dir,
                                      dl, p->slug, strlen(p->slug));
            }
            break;
        }

        if (n < 0) {
            return 0;
        }

        e = page_site_ref_slot(s, key, (size_t) n);

        if (e->key != NULL) {
            /* a bare name twice is ambiguous; a path twice: the first */
            if (pass == 1 && e->page != p) {
                e->page = &page_site_ambiguous;
            }
            continue;
        }

        e->key = page_site_strdup(s, key, (size_t) n);
        if (e->key == NULL) {
            return -1;
        }
        e->len = (uint32_t) n;
        e->page = p;
    }

    return 0;
}


static int
page_site_file_add(page_site_t *s, page_site_page_t *p)
{
    char               key[PAGE_SITE_MAX_PATH + 8];
    size_t             n;
    page_site_slot_t  *e;

    n = strlen(p->rel);
    if (n + 2 >= sizeof(key)) {
        return 0;
    }

    key[0] = '@';
    memcpy(key + 1, p->rel, n + 1);

    e = page_site_ref_slot(s, key, n + 1);
    if (e->key != NULL) {
        return 0;                   /* the first (content dirs overlap) */
    }

    e->key = page_site_strdup(s, key, n + 1);
    if (e->key == NULL) {
        return -1;
    }
    e->len = (uint32_t) (n + 1);
    e->page = p;

    return 0;
}


page_site_page_t *
page_site_by_file(page_site_t *s, const char *rel)
{
    char               key[PAGE_SITE_MAX_PATH + 8];
    size_t             n;
    page_site_slot_t  *e;

    n = strlen(rel);
    if (n + 2 >= sizeof(key) || s->refs == NULL) {
        return NULL;
    }

    key[0] = '@';
    memcpy(key + 1, rel, n + 1);

    e = page_site_ref_slot(s, key, n + 1);

    return e->key != NULL ? e->page : NULL;
}


static int
page_site_refs(page_site_t *s)
{
    size_t             i, size, n;
    page_site_page_t  *p;

    n = s->nall + s->nfiles;
    size = 64;
    while (size < 3 * n + n / 2) {      /* three keys a page at most */
        size *= 2;
    }

    s->refs = page_arena_calloc(&s->arena, size, sizeof(page_site_slot_t));
    if (s->refs == NULL) {
        return -1;
    }
    s->refs_size = size;

    for (i = 0; i < s->nall; i++) {
        if (page_site_ref_add(s, s->all[i]) != 0) {
            return -1;
        }
    }

    for (i = 0; i < s->nfiles; i++) {
        p = s->files[i];

        /* not in the lists but built: _build list never or local */
        if (p->published && p->list != 2 && p->path != NULL
            && page_site_ref_add(s, p) != 0)
        {
            return -1;
        }

        /* every file, hidden ones too, by its name: "@posts/a.md" */
        if (p->rel != NULL && page_site_file_add(s, p) != 0) {
            return -1;
        }
    }

    return 0;
}


static page_site_page_t *
page_site_ref_find(page_site_t *s, size_t lang, int bare, const char *dir,
    size_t dl, const char *ref, size_t len)
{
    int                n;
    char               key[PAGE_SITE_MAX_PATH + 8];
    page_site_slot_t  *e;

    n = page_site_ref_key(key, sizeof(key), lang, bare, dir, dl, ref, len);
    if (n < 0 || s->refs == NULL) {
        return NULL;
    }

    e = page_site_ref_slot(s, key, (size_t) n);

    if (e->key == NULL || e->page == &page_site_ambiguous) {
        return NULL;
    }

    return e->page;
}


page_site_page_t *
page_site_get_page(page_site_t *s, size_t lang, const page_site_page_t *from,
    const char *ref, size_t len)
{
    size_t             dl;
    const char        *dir;
    page_site_page_t  *p;

    if (lang >= s->nlangs || len >= PAGE_SITE_MAX_PATH) {
        return NULL;
    }

    if (len > 0 && ref[0] == '/') {
        return page_site_ref_find(s, lang, 0, "", 0, ref, len);
    }

    /* relative: under from's directory (a section's own, a page's) */

    if (from != NULL && from->kind != PAGE_KIND_HOME) {
        dir = from->dir;
        dl = strlen(dir);

        if (from->kind == PAGE_KIND_PAGE && from->bundle == PAGE_BUNDLE_LEAF)
        {
            p = page_site_ref_find(s, lang, 0, dir, dl, ref, len);
            if (p != NULL) {
                return p;
            }
            while (dl > 0 && dir[dl - 1] != '/') {
                dl--;
            }
            if (dl > 0) {
                dl--;
            }
        }

        if (from->kind == PAGE_KIND_PAGE || from->kind == PAGE_KIND_SECTION) {
            p = page_site_ref_find(s, lang, 0, dir, dl, ref, len);
            if (p != NULL) {
                return p;
            }
        }
    }

    p = page_site_ref_find(s, lang, 0, "", 0, ref, len);
    if (p != NULL) {
        return p;
    }

    /* site.GetPage only: a bare name, unique among the language's pages
       and sections (hugo 0.111.3: a page's .GetPage "guide" from home
       is nil, site.GetPage "guide" finds docs/guide) */

    if (from == NULL && memchr(ref, '/', len) == NULL) {
        return page_site_ref_find(s, lang, 1, "", 0, ref, len);
    }

    return NULL;
}


/* The table of every path: called at the end of a build. */
int
page_site_table(page_site_t *s, page_error_t *err)
{
    char               *path;
    size_t              i, n, l, fl;
    const char         *file;
    page_value_t       *v;
    page_site_lang_t   *lang;

    n = s->nall + 16 + 2 * s->nlangs;

    for (i = 0; i < s->nfiles; i++) {
        n += s->files[i]->naliases + (!s->files[i]->published
                                      || s->files[i]->list != 2);
    }

    if (page_site_table_init(s, n) != 0 || page_site_refs(s) != 0) {
        page_error_nomem(err, s->dir);
        return -1;
    }

    for (i = 0; i < s->nall; i++) {
        page_site_table_page(s, s->all[i]);
    }

    /* the hidden ones, and those in no site list (_build list) */

    for (i = 0; i < s->nfiles; i++) {
        if (!s->files[i]->published || s->files[i]->list != 2) {
            page_site_table_page(s, s->files[i]);
        }
    }

    /* the config's sitemap.filename, a plain name */
    v = page_config_get(s->cfg, "sitemap.filename");
    file = page_value_is_string(v) && v->u.s.len > 0 && v->u.s.len < 256
           && memchr(v->u.s.data, '/', v->u.s.len) == NULL
           && strcmp(v->u.s.data, "..") != 0
           ? v->u.s.data : "sitemap.xml";
    fl = strlen(file);

    for (l = 0; l < s->nlangs; l++) {
        lang = &s->langs[l];

        if (s->cfg->disable_kinds & PAGE_CONFIG_NO_SITEMAP) {
            continue;
        }

        path = page_arena_alloc(&s->arena, strlen(lang->prefix)
                                           + strlen(lang->conf->lang)
                                           + fl + 4);
        if (path == NULL) {
            page_error_nomem(err, s->dir);
            return -1;
        }

        /* several languages: /sitemap.xml is the index, each language's
           is under its code (the default one's too) */
        sprintf(path, "%s%s%s/%s",
                s->nlangs > 1 && lang->prefix[0] == '\0' ? "/" : "",
                s->nlangs > 1 && lang->prefix[0] == '\0'
                ? lang->conf->lang : "", lang->prefix, file);
        page_site_table_add(s, path, strlen(path), PAGE_SITE_SITEMAP,
                            lang->home, NULL);
    }

    if (s->nlangs > 1) {
        if (!(s->cfg->disable_kinds & PAGE_CONFIG_NO_SITEMAP)) {
            path = page_arena_alloc(&s->arena, fl + 2);
            if (path == NULL) {
                page_error_nomem(err, s->dir);
                return -1;
            }

            sprintf(path, "/%s", file);
            page_site_table_add(s, path, fl + 1, PAGE_SITE_SITEMAP,
                                NULL, NULL);
        }

        /* /en/ of a default language served at the root: to the root */

        lang = &s->langs[s->cfg->default_index];

        if (lang->prefix[0] == '\0') {
            path = page_arena_alloc(&s->arena,
                                    strlen(lang->conf->lang) + 3);
            if (path == NULL) {
                page_error_nomem(err, s->dir);
                return -1;
            }

            sprintf(path, "/%s/", lang->conf->lang);
            page_site_table_add(s, path, strlen(path), PAGE_SITE_REDIRECT,
                                lang->home, "/");
        }
    }

    if (s->cfg->default_lang_in_subdir) {
        lang = &s->langs[s->cfg->default_index];
        page_site_table_add(s, "/", 1, PAGE_SITE_REDIRECT, lang->home,
                            lang->home->path);
    }

    if (s->cfg->enable_robots
        && !(s->cfg->disable_kinds & PAGE_CONFIG_NO_ROBOTS))
    {
        page_site_table_add(s, "/robots.txt", 11, PAGE_SITE_ROBOTS,
                            s->langs[s->cfg->default_index].home, NULL);
    }

    return 0;
}


static page_site_slot_t *
page_site_find(page_site_t *s, const char *path, size_t len)
{
    page_site_slot_t  *e;

    if (s->table == NULL) {
        return NULL;
    }

    e = page_site_slot(s, path, len, page_fnv1a(path, len));

    return e->key != NULL ? e : NULL;
}


static int
page_site_is_list(const page_site_page_t *p)
{
    return p->kind != PAGE_KIND_PAGE;
}


static page_site_what_t
page_site_set(page_site_match_t *m, page_site_what_t what,
    page_site_page_t *p, const char *location, int64_t pager)
{
    m->what = what;
    m->page = p;
    m->location = location;
    m->pager = pager;

    return what;
}


/* Output formats served at a list page's or a page's index.<ext>. */
static const struct {
    const char  *name;
    const char  *ext;
    const char  *ugly;              /* an ugly page's: "/posts/a.json" */
} page_site_formats[] = {
    { "rss", "index.xml", NULL },   /* first: PAGE_SITE_RSS */
    { "json", "index.json", ".json" },
    { "csv", "index.csv", ".csv" },
    { "calendar", "index.ics", ".ics" },
    { NULL, NULL, NULL }
};


const char *
page_site_rss_file(const page_config_t *cfg, char *buf, size_t size)
{
    page_value_t  *v;

    v = page_config_get(cfg, "outputformats.rss.basename");

    if (!page_value_is_string(v) || v->u.s.len == 0
        || v->u.s.len + sizeof(".xml") > size
        || memchr(v->u.s.data, '/', v->u.s.len) != NULL
        || memchr(v->u.s.data, '\0', v->u.s.len) != NULL
        || v->u.s.data[0] == '.')
    {
        return "index.xml";
    }

    memcpy(buf, v->u.s.data, v->u.s.len);
    memcpy(buf + v->u.s.len, ".xml", sizeof(".xml"));

    return buf;
}


int
page_site_has_output(const page_site_t *s, const page_site_page_t *p,
    const char *format)
{
    size_t         i;
    const char    *kind;
    page_value_t  *o, *l;

    if (strcmp(format, "rss") == 0
        && (s->cfg->disable_kinds & PAGE_CONFIG_NO_RSS))
    {
        return 0;
    }

    /* the page's own outputs (front matter), then its kind's */
    l = p->params != NULL ? page_map_gets(p->params, "outputs") : NULL;

    if (l != NULL && l->type == PAGE_LIST) {
        goto list;
    }

    kind = page_site_kind_name((page_kind_t) p->kind);
    o = page_map_gets(s->cfg->root, "outputs");
    l = o != NULL && o->type == PAGE_MAP ? page_map_gets(o, kind) : NULL;

    if (l == NULL && p->kind == PAGE_KIND_TAXONOMY && o != NULL
        && o->type == PAGE_MAP)
    {
        l = page_map_gets(o, "taxonomyterm");   /* before hugo 0.73 */
    }

    if (l == NULL || l->type != PAGE_LIST) {
        return strcmp(format, "html") == 0
               || (strcmp(format, "rss") == 0 && page_site_is_list(p));
    }

list:

    for (i = 0; i < l->u.list.n; i++) {
        if (page_value_is_string(l->u.list.items[i])
            && strcasecmp(l->u.list.items[i]->u.s.data, format) == 0)
        {
            return 1;
        }
    }

    return 0;
}


page_site_what_t
page_site_lookup(page_site_t *s, const char *path, size_t len,
    page_site_match_t *m)
{
    char               rss[PAGE_SITE_RSS_FILE];
    size_t             pl, i, base, f, fl;
    int64_t            n;
    const char        *pp, *ext;
    page_site_slot_t  *e;

    memset(m, 0, sizeof(page_site_match_t));

    if (len == 0 || path[0] != '/' || len >= PAGE_SITE_MAX_PATH) {
        return PAGE_SITE_NONE;
    }

    e = page_site_find(s, path, len);
    if (e != NULL) {
        return page_site_set(m, (page_site_what_t) e->what, e->page,
                             e->location, 0);
    }

    /* "/posts/index.html": the page "/posts/" */

    if (len >= 11 && memcmp(path + len - 11, "/index.html", 11) == 0) {
        e = page_site_find(s, path, len - 10);
        if (e != NULL && e->what == PAGE_SITE_HTML) {
            return page_site_set(m, PAGE_SITE_HTML, e->page, NULL, 0);
        }
        len -= 10;              /* a pager's index.html, below */
    }

    /* "/posts/index.xml": the feed of a list page; index.json ... of
       the formats the config's outputs give the page's kind */

    for (f = 0; page_site_formats[f].ext != NULL; f++) {
        fl = page_site_formats[f].ugly ? strlen(page_site_formats[f].ugly)
                                       : 0;

        if (fl > 0 && len > fl + 1
            && memcmp(path + len - fl, page_site_formats[f].ugly, fl) == 0
            && len - fl + 5 < PAGE_SITE_MAX_PATH)
        {
            /* "/posts/a.json" of the ugly "/posts/a.html" (hugo writes an
               ugly page's other formats beside it, its RSS in index.xml) */
            char  ugly[PAGE_SITE_MAX_PATH + 8];

            memcpy(ugly, path, len - fl);
            memcpy(ugly + len - fl, ".html", 5);
            e = page_site_find(s, ugly, len - fl + 5);

            if (e != NULL && e->what == PAGE_SITE_HTML
                && page_site_has_output(s, e->page, page_site_formats[f].name))
            {
                page_site_set(m, PAGE_SITE_FORMAT, e->page, NULL, 0);
                m->format = page_site_formats[f].name;
                return PAGE_SITE_FORMAT;
            }
        }

        ext = f == 0 ? page_site_rss_file(s->cfg, rss, sizeof(rss))
                     : page_site_formats[f].ext;
        fl = strlen(ext);

        if (len < fl + 1 || memcmp(path + len - fl, ext, fl) != 0
            || path[len - fl - 1] != '/')
        {
            continue;
        }

        e = page_site_find(s, path, len - fl);

        if (e == NULL && f == 0 && len > fl + 1) {
            /* "/docs/index.xml" of the ugly "/docs.html" */
            char  ugly[PAGE_SITE_MAX_PATH + 8];

            memcpy(ugly, path, len - fl - 1);
            memcpy(ugly + len - fl - 1, ".html", 5);
            e = page_site_find(s, ugly, len - fl + 4);
        }

        if (e == NULL || e->what != PAGE_SITE_HTML
            || !page_site_has_output(s, e->page, page_site_formats[f].name))
        {
            return PAGE_SITE_NONE;
        }

        if (f == 0) {
            return page_site_set(m, PAGE_SITE_RSS, e->page, NULL, 0);
        }

        page_site_set(m, PAGE_SITE_FORMAT, e->page, NULL, 0);
        m->format = page_site_formats[f].name;

        return PAGE_SITE_FORMAT;
    }

    /* "/posts/page/2/": a pager of a list page */

    pp = s->cfg->pager_path;
    pl = strlen(pp);

    i = len;
    if (i > 0 && path[i - 1] == '/') {
        i--;
    }

    base = i;
    while (base > 0 && path[base - 1] >= '0' && path[base - 1] <= '9') {
        base--;
    }

    if (base < i && i - base <= 9 && base >= pl + 2
        && path[base - 1] == '/' && memcmp(path + base - 1 - pl, pp, pl) == 0
        && path[base - 2 - pl] == '/')
    {
        n = strtoll(path + base, NULL, 10);
        e = page_site_find(s, path, base - 1 - pl);

        if (e != NULL && e->what == PAGE_SITE_HTML
            && page_site_is_list(e->page) && n >= 1)
        {
            if (n == 1) {
                return page_site_set(m, PAGE_SITE_REDIRECT, e->page,
                                     e->page->path, 1);
            }

            if (path[len - 1] != '/') {
                /* location NULL: the same path with a "/" */
                return page_site_set(m, PAGE_SITE_REDIRECT, e->page, NULL,
                                     n);
            }

            return page_site_set(m, PAGE_SITE_PAGER, e->page, NULL, n);
        }
    }

    /* "/posts": "/posts/" is a page (or an alias): redirect there */

    if (path[len - 1] != '/' && len + 1 < PAGE_SITE_MAX_PATH) {
        char  slashed[PAGE_SITE_MAX_PATH];

        memcpy(slashed, path, len);
        slashed[len] = '/';
        e = page_site_find(s, slashed, len + 1);

        if (e != NULL && (e->what == PAGE_SITE_HTML
                          || e->what == PAGE_SITE_REDIRECT))
        {
            return page_site_set(m, PAGE_SITE_REDIRECT, e->page,
                                 e->what == PAGE_SITE_HTML ? e->page->path
                                                           : e->location,
                                 0);
        }
    }

    return PAGE_SITE_NONE;
}
