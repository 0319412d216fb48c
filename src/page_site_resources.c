/*
 * page_site_resources: page bundles' resources (page_site_resources.h):
 * the walk of a bundle's directory, the resource values made of its
 * files with the front matter's `resources` metadata, and the file a
 * request path names in a bundle.
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "page_fn.h"
#include "page_glob.h"
#include "page_resource.h"
#include "page_site_data.h"
#include "page_site_resources.h"

/* Hugo's placeholder in a metadata name or title: the match's number. */
#define PAGE_SR_COUNTER  ":counter"

/* Most `resources` metadata entries applied (each is a glob). */
#define PAGE_SR_MAX_META  256

/* A page's list, made once per render. */
typedef struct page_sr_cache_s  page_sr_cache_t;

struct page_sr_cache_s {
    const page_site_page_t  *page;
    page_value_t            *list;
    page_sr_cache_t         *next;
};

/* A file found in a bundle: its path under the bundle. */
typedef struct {
    char    *name;
    size_t   len;
} page_sr_file_t;

typedef struct {
    page_arena_t    *a;
    int              leaf;          /* walk subdirectories */
    page_sr_file_t  *files;
    size_t           n, cap;
    int              failed;        /* out of memory, or too many */
} page_sr_walk_t;


/* Content files: Hugo renders them as pages, never serves them. */
static int
page_sr_is_content(const char *name, size_t len)
{
    size_t       i, n;
    const char  *dot;
    static const char  *const  suffixes[] = {
        "md", "markdown", "mdown", "mkd", "mkdn", "html", "htm", "adoc",
        "asciidoc", "ad", "pdc", "pandoc", "org", "rst", "mmark"
    };

    dot = NULL;
    for (i = len; i > 0 && name[i - 1] != '/'; i--) {
        if (name[i - 1] == '.') {
            dot = name + i;
            break;
        }
    }

    if (dot == NULL) {
        return 0;
    }

    n = (size_t) (name + len - dot);

    for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
        if (strlen(suffixes[i]) == n && strncasecmp(dot, suffixes[i], n) == 0)
        {
            return 1;
        }
    }

    return 0;
}


/* Names Hugo's walk leaves out (as the index does). */
static int
page_sr_ignored(const char *name, size_t len)
{
    return len == 0 || name[0] == '.' || name[0] == '#'
           || name[len - 1] == '~';
}


/*
 * The directory of page p on disk, into b: its file's directory, or for
 * a home or section without _index.md its directory in its language's
 * content directory.  0, or -1 when the page has none.
 */
static int
page_sr_dir(const page_site_t *s, const page_site_page_t *p, page_buf_t *b)
{
    size_t       len;
    const char  *cdir;

    if (p->kind == PAGE_KIND_PAGE
        ? p->bundle != PAGE_BUNDLE_LEAF || p->file == NULL
        : p->kind != PAGE_KIND_HOME && p->kind != PAGE_KIND_SECTION)
    {
        return -1;
    }

    page_buf_puts(b, s->root);
    page_buf_putc(b, '/');

    if (p->file != NULL) {
        len = strlen(p->file);
        while (len && p->file[len - 1] != '/') {
            len--;
        }
        page_buf_append(b, p->file, len);

    } else {
        if (p->lang >= s->cfg->nlangs) {
            return -1;
        }

        cdir = s->cfg->langs[p->lang].content_dir;
        while (cdir[0] == '.' && cdir[1] == '/') {
            cdir += 2;
        }

        page_buf_puts(b, cdir);
        page_buf_putc(b, '/');

        if (p->dir != NULL && p->dir[0] != '\0') {
            page_buf_puts(b, p->dir);
            page_buf_putc(b, '/');
        }
    }

    return page_buf_cstr(b) != NULL ? 0 : -1;
}


static int
page_sr_add(page_sr_walk_t *w, const char *rel, size_t rlen,
    const char *name, size_t nlen)
{
    char            *s;
    page_sr_file_t  *nf;

    if (w->n == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 16;
        nf = page_arena_alloc(w->a, w->cap * sizeof(page_sr_file_t));
        if (nf == NULL) {
            return -1;
        }
        if (w->n) {
            memcpy(nf, w->files, w->n * sizeof(page_sr_file_t));
        }
        w->files = nf;
    }

    s = page_arena_alloc(w->a, rlen + nlen + 1);
    if (s == NULL) {
        return -1;
    }

    memcpy(s, rel, rlen);
    memcpy(s + rlen, name, nlen);
    s[rlen + nlen] = '\0';

    w->files[w->n].name = s;
    w->files[w->n].len = rlen + nlen;
    w->n++;

    return 0;
}


/*
 * Walk the directory open as dfd; rel is its path under the bundle
 * ("" or "images/").  No link is followed; past PAGE_SITE_RES_MAX_FILES
 * files the rest is left out.
 */
static int
page_sr_walk(page_sr_walk_t *w, int dfd, const char *rel, size_t rlen,
    unsigned depth)
{
    int             fd;
    DIR            *dh;
    char            sub[PAGE_SITE_MAX_PATH];
    size_t          len;
    struct stat     sb;
    struct dirent  *e;

    dh = fdopendir(dfd);
    if (dh == NULL) {
        close(dfd);
        return 0;
    }

    while (w->n < PAGE_SITE_RES_MAX_FILES && (e = readdir(dh)) != NULL) {
        len = strlen(e->d_name);

        if (page_sr_ignored(e->d_name, len)
            || fstatat(dfd, e->d_name, &sb, AT_SYMLINK_NOFOLLOW) != 0)
        {
            continue;
        }

        if (S_ISREG(sb.st_mode)) {
            if (!page_sr_is_content(e->d_name, len)
                && page_sr_add(w, rel, rlen, e->d_name, len) != 0)
            {
                closedir(dh);
                return -1;
            }
            continue;
        }

        if (!S_ISDIR(sb.st_mode) || !w->leaf
            || depth >= PAGE_SITE_MAX_DEPTH || rlen + len + 2 > sizeof(sub))
        {
            continue;
        }

        fd = openat(dfd, e->d_name,
                    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd == -1) {
            continue;
        }

        memcpy(sub, rel, rlen);
        memcpy(sub + rlen, e->d_name, len);
        sub[rlen + len] = '/';
        sub[rlen + len + 1] = '\0';

        if (page_sr_walk(w, fd, sub, rlen + len + 1, depth + 1) != 0) {
            closedir(dh);
            return -1;
        }
    }

    closedir(dh);

    return 0;
}


/* A metadata value as a string (cast.ToString of strings and numbers). */
static int
page_sr_meta_str(page_arena_t *a, page_value_t *v, page_str_t *out)
{
    page_buf_t  b;

    if (v == NULL) {
        return 1;
    }

    if (page_value_is_string(v)) {
        *out = v->u.s;
        return 0;
    }

    page_buf_init(&b, a, 0);
    page_value_print(&b, v);

    if (page_buf_cstr(&b) == NULL) {
        return -1;
    }

    out->data = b.data;
    out->len = b.len;

    return 0;
}


/* s with ":counter" replaced by n (Hugo's replaceResourcePlaceholders). */
static page_value_t *
page_sr_counted(page_arena_t *a, page_str_t s, int64_t n)
{
    size_t       i, cl;
    page_buf_t   b;

    cl = sizeof(PAGE_SR_COUNTER) - 1;
    page_buf_init(&b, a, 0);

    for (i = 0; i < s.len; i++) {
        if (s.len - i >= cl && memcmp(s.data + i, PAGE_SR_COUNTER, cl) == 0) {
            page_buf_put_uint(&b, (uint64_t) n);
            i += cl - 1;
            continue;
        }
        page_buf_putc(&b, s.data[i]);
    }

    if (page_buf_cstr(&b) == NULL) {
        return NULL;
    }

    return page_value_string_ref(a, PAGE_STRING, b.data, b.len);
}


static int
page_sr_has_counter(page_str_t s)
{
    size_t  i, cl;

    cl = sizeof(PAGE_SR_COUNTER) - 1;

    for (i = 0; i + cl <= s.len; i++) {
        if (memcmp(s.data + i, PAGE_SR_COUNTER, cl) == 0) {
            return 1;
        }
    }

    return 0;
}


/*
 * Hugo's AssignMetadata for one resource: the entries whose src matches
 * its name (in lower case) in order; the first name and the first title
 * win, params are merged with the first value of a key winning; a
 * ":counter" counts the resources an entry's src named so far
 * (counters, two per entry: name, title).
 */
static int
page_sr_meta(page_tpl_state_t *st, page_value_t *r, page_str_t orig,
    page_value_t *meta, int64_t *counters)
{
    int            name_set, title_set, has;
    size_t         i, k, plen;
    char          *pat;
    int64_t        ncount, tcount;
    page_str_t     src, s;
    page_value_t  *m, *v, *params, *mp, *nv;
    page_arena_t  *a;

    a = page_tpl_arena(st);
    name_set = 0;
    title_set = 0;
    ncount = 0;
    tcount = 0;
    params = NULL;

    for (i = 0; i < meta->u.list.n && i < PAGE_SR_MAX_META; i++) {
        m = meta->u.list.items[i];
        if (m == NULL || m->type != PAGE_MAP) {
            continue;
        }

        /* hugo 0.111.3 leaves an entry without src out, silently */
        v = page_map_gets(m, "src");
        if (v == NULL) {
            continue;
        }

        if (page_sr_meta_str(a, v, &src) < 0) {
            return page_tpl_nomem(st);
        }

        if (src.len > PAGE_GLOB_MAX_PATTERN) {
            continue;
        }

        pat = page_arena_strndup(a, src.data, src.len);
        if (pat == NULL) {
            return page_tpl_nomem(st);
        }
        plen = src.len;

        if (!page_glob_match(pat, plen, orig.data, orig.len)) {
            continue;
        }

        if (!name_set
            && (has = page_sr_meta_str(a, page_map_gets(m, "name"), &s))
               <= 0)
        {
            if (has < 0) {
                return page_tpl_nomem(st);
            }
            if (ncount == 0 && page_sr_has_counter(s)) {
                ncount = ++counters[2 * i];
            }
            nv = page_sr_counted(a, s, ncount);
            if (nv == NULL || page_map_set(a, r, "Name", 4, nv) != 0) {
                return page_tpl_nomem(st);
            }
            name_set = 1;
        }

        if (!title_set
            && (has = page_sr_meta_str(a, page_map_gets(m, "title"), &s))
               <= 0)
        {
            if (has < 0) {
                return page_tpl_nomem(st);
            }
            if (tcount == 0 && page_sr_has_counter(s)) {
                tcount = ++counters[2 * i + 1];
            }
            nv = page_sr_counted(a, s, tcount);
            if (nv == NULL || page_map_set(a, r, "Title", 5, nv) != 0) {
                return page_tpl_nomem(st);
            }
            title_set = 1;
        }

        mp = page_map_gets(m, "params");
        if (mp == NULL || mp->type != PAGE_MAP) {
            continue;
        }

        if (params == NULL) {
            params = page_value_map(a);
            if (params == NULL || page_map_set(a, r, "Params", 6, params)
                                  != 0)
            {
                return page_tpl_nomem(st);
            }
        }

        for (k = 0; k < mp->u.map.n; k++) {
            if (page_map_get(params, mp->u.map.items[k].key.data,
                             mp->u.map.items[k].key.len)
                == NULL
                && page_map_set(a, params, mp->u.map.items[k].key.data,
                                mp->u.map.items[k].key.len,
                                mp->u.map.items[k].value)
                   != 0)
            {
                return page_tpl_nomem(st);
            }
        }
    }

    return 0;
}


static int
page_sr_file_cmp(const void *x, const void *y)
{
    const page_sr_file_t  *a = x, *b = y;

    return strcmp(a->name, b->name);
}


/* Resources by name, as Go compares strings; then as found. */
typedef struct {
    page_value_t  *r;
    size_t         i;
} page_sr_item_t;


static int
page_sr_cmp(const void *x, const void *y)
{
    int                    c;
    size_t                 n;
    page_str_t             na, nb;
    const page_sr_item_t  *a = x, *b = y;

    na = page_resource_name(a->r);
    nb = page_resource_name(b->r);
    n = na.len < nb.len ? na.len : nb.len;

    c = memcmp(na.data, nb.data, n);
    if (c != 0) {
        return c;
    }

    if (na.len != nb.len) {
        return na.len < nb.len ? -1 : 1;
    }

    return a->i < b->i ? -1 : a->i > b->i;
}


/* The list of page p's resources; params its front matter. */
static page_value_t *
page_sr_make(page_tpl_state_t *st, const page_site_t *s,
    const page_site_page_t *p, page_value_t *params)
{
    int              fd;
    size_t           i, ulen, blen;
    int64_t         *counters;
    page_buf_t       dir, target, file;
    const char      *base;
    page_str_t       orig;
    page_arena_t    *a;
    page_value_t    *list, *r, *meta;
    page_sr_walk_t   w;
    page_sr_item_t  *items;

    a = page_tpl_arena(st);

    list = page_tpl_list_new(st);
    if (list == NULL) {
        return NULL;
    }

    /* a section or home without _index.md has none (its files are
       served all the same) */
    if (p->file == NULL) {
        return list;
    }

    page_buf_init(&dir, a, 0);
    if (page_sr_dir(s, p, &dir) != 0) {
        if (page_buf_failed(&dir)) {
            page_tpl_nomem(st);
            return NULL;
        }
        return list;
    }

    memset(&w, 0, sizeof(page_sr_walk_t));
    w.a = a;
    w.leaf = p->kind == PAGE_KIND_PAGE;

    fd = open(dir.data, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd == -1) {
        return list;                    /* gone since the index was made */
    }

    if (page_sr_walk(&w, fd, "", 0, 0) != 0) {
        page_tpl_nomem(st);
        return NULL;
    }

    if (w.n == 0) {
        return list;
    }

    /* the URL they are published under: the page's, to its last "/" */

    ulen = p->path ? strlen(p->path) : 0;
    while (ulen && p->path[ulen - 1] != '/') {
        ulen--;
    }

    meta = params ? page_map_gets(params, "resources") : NULL;
    if (meta != NULL && meta->type != PAGE_LIST) {
        meta = NULL;
    }

    counters = NULL;
    if (meta != NULL && meta->u.list.n) {
        counters = page_arena_calloc(a, 2 * meta->u.list.n, sizeof(int64_t));
        if (counters == NULL) {
            page_tpl_nomem(st);
            return NULL;
        }
    }

    items = page_arena_alloc(a, w.n * sizeof(page_sr_item_t));
    if (items == NULL) {
        page_tpl_nomem(st);
        return NULL;
    }

    /* the walk's order is the directory's: by name, for :counter */
    qsort(w.files, w.n, sizeof(page_sr_file_t), page_sr_file_cmp);

    base = dir.data;
    blen = dir.len;

    for (i = 0; i < w.n; i++) {
        page_buf_init(&target, a, 0);
        page_buf_append(&target, p->path ? p->path : "/", ulen ? ulen : 1);
        page_buf_append(&target, w.files[i].name, w.files[i].len);

        page_buf_init(&file, a, 0);
        page_buf_append(&file, base, blen);
        page_buf_append(&file, w.files[i].name, w.files[i].len);

        if (page_buf_cstr(&target) == NULL || page_buf_cstr(&file) == NULL) {
            page_tpl_nomem(st);
            return NULL;
        }

        r = page_resource_new(a, w.files[i].name, w.files[i].len,
                              target.data, target.len, file.data, NULL, 0);
        if (r == NULL
            || page_map_set(a, r, "#bundle", 7,
                            page_map_gets(r, "#target")) != 0)
        {
            page_tpl_nomem(st);
            return NULL;
        }

        orig.data = w.files[i].name;
        orig.len = w.files[i].len;

        if (meta != NULL && page_sr_meta(st, r, orig, meta, counters) != 0) {
            return NULL;
        }

        items[i].r = r;
        items[i].i = i;
    }

    qsort(items, w.n, sizeof(page_sr_item_t), page_sr_cmp);

    for (i = 0; i < w.n; i++) {
        if (page_tpl_push(st, list, items[i].r) != 0) {
            return NULL;
        }
    }

    return list;
}


int
page_site_resources_method(page_tpl_state_t *st, page_data_t *d,
    page_value_t *recv, const char *name, size_t len, size_t nargs,
    page_value_t **res)
{
    page_value_t             *params;
    page_sr_cache_t          *c;
    const page_site_page_t   *p;

    if (nargs != 0 || len != 9 || memcmp(name, "Resources", 9) != 0
        || d->opt == NULL || d->opt->site == NULL || recv == NULL
        || recv->type != PAGE_MAP)
    {
        return 1;
    }

    p = page_site_data_page_of(d, recv);
    if (p == NULL) {
        return 1;
    }

    for (c = d->site_res; c != NULL; c = c->next) {
        if (c->page == p) {
            *res = c->list;
            return 0;
        }
    }

    params = recv == d->page ? page_map_gets(d->page, "Params") : p->params;

    *res = page_sr_make(st, d->opt->site, p, params);
    if (*res == NULL) {
        return -1;
    }

    c = page_arena_alloc(page_tpl_arena(st), sizeof(page_sr_cache_t));
    if (c == NULL) {
        return page_tpl_nomem(st);
    }

    c->page = p;
    c->list = *res;
    c->next = d->site_res;
    d->site_res = c;

    return 0;
}


/* Does the directory hold a content file (a page of its own). */
static int
page_sr_has_content(const char *dir)
{
    int             found;
    DIR            *dh;
    struct dirent  *e;

    dh = opendir(dir);
    if (dh == NULL) {
        return 0;
    }

    found = 0;

    while (!found && (e = readdir(dh)) != NULL) {
        found = !page_sr_ignored(e->d_name, strlen(e->d_name))
                && page_sr_is_content(e->d_name, strlen(e->d_name));
    }

    closedir(dh);

    return found;
}


/* Bytes of an HTML content file read to tell whether it has front matter. */
#define PAGE_SR_PEEK  64


/*
 * An HTML content file (.html, .htm) without front matter: Hugo copies it
 * as it is (a file, not a page); with front matter it is a page.
 */
static int
page_sr_is_html(const char *name, size_t len)
{
    return (len > 5 && strncasecmp(name + len - 5, ".html", 5) == 0)
           || (len > 4 && strncasecmp(name + len - 4, ".htm", 4) == 0);
}


static int
page_sr_html_plain(const char *file)
{
    int      fd;
    char     b[PAGE_SR_PEEK];
    ssize_t  n, i;

    fd = open(file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd == -1) {
        return 0;
    }

    n = read(fd, b, sizeof(b));
    close(fd);

    if (n < 0) {
        return 0;
    }

    i = 0;
    if (n >= 3 && memcmp(b, "\xef\xbb\xbf", 3) == 0) {
        i = 3;                          /* a UTF-8 byte order mark */
    }

    while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r'
                     || b[i] == '\n'))
    {
        i++;
    }

    return !(n - i >= 3 && (memcmp(b + i, "---", 3) == 0
                            || memcmp(b + i, "+++", 3) == 0))
           && !(i < n && b[i] == '{');
}


int
page_site_resource_file(page_site_t *s, const char *path, size_t len,
    page_buf_t *out)
{
    int                 html;
    size_t              i, k, seg, mark;
    page_site_match_t   m;

    html = page_sr_is_html(path, len);

    if (len < 2 || path[0] != '/' || path[len - 1] == '/'
        || (page_sr_is_content(path, len) && !html))
    {
        return 0;
    }

    /* no ".", "..", hidden or empty name anywhere */

    for (i = 1, seg = 1; i <= len; i++) {
        if (i == len || path[i] == '/') {
            if (page_sr_ignored(path + seg, i - seg)
                || (i - seg == 2 && path[seg] == '.' && path[seg + 1] == '.')
                || memchr(path + seg, '\0', i - seg) != NULL)
            {
                return 0;
            }
            seg = i + 1;
        }
    }

    /* the page at the longest directory of the path that has a bundle */

    for (i = len - 1; i > 0; i--) {
        if (path[i - 1] != '/') {
            continue;
        }

        if (page_site_lookup(s, path, i, &m) != PAGE_SITE_HTML
            || m.page == NULL)
        {
            continue;
        }

        out->len = 0;
        if (page_sr_dir(s, m.page, out) != 0) {
            if (page_buf_failed(out)) {
                return -1;
            }
            continue;
        }

        /* a branch owns the files of its own directory only */

        if (m.page->kind != PAGE_KIND_PAGE) {
            mark = out->len;

            for (k = i; k < len; k++) {
                if (path[k] != '/') {
                    continue;
                }

                out->len = mark;
                page_buf_append(out, path + i, k - i);
                if (page_buf_cstr(out) == NULL) {
                    return -1;
                }

                if (page_sr_has_content(out->data)) {
                    return 0;           /* another page's directory */
                }
            }

            out->len = mark;
        }

        page_buf_append(out, path + i, len - i);

        if (page_buf_cstr(out) == NULL) {
            return -1;
        }

        return !html || page_sr_html_plain(out->data);
    }

    return 0;
}
