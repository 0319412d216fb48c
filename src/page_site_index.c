/*
 * page_site_index: building the site index (see page_site_index.h): the
 * walk of the content directories, a page per content file from its
 * front matter, Hugo's URLs (slug, url, permalinks, uglyURLs, language
 * prefixes), the sections Hugo makes from directories, and the lookup
 * from a request path.  Lists, taxonomies, menus and dates are in
 * page_site_lists.c; freshness in page_site_fresh.c.
 *
 * Confinement: a content directory is used only when its real path is
 * inside the site directory's; the walk opens every directory with
 * O_NOFOLLOW relative to its parent (so a linked directory is never
 * entered: no escape, no loop), and a linked file is read only when its
 * real path is inside the site directory, as page_assets does.
 */

#define _XOPEN_SOURCE  700          /* realpath, fdopendir, openat */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "page_io.h"
#include "page_front.h"
#include "page_site_content.h"
#include "page_site_int.h"
#include "page_time.h"


/* memrchr, which is not POSIX. */
static const char *
page_site_rchr(const char *s, int c, size_t n)
{
    while (n > 0) {
        if (s[--n] == c) {
            return s + n;
        }
    }

    return NULL;
}


/* One directory entry, before the directory's entries are sorted. */
typedef struct {
    char         *name;
    unsigned      is_dir:1;
    unsigned      is_link:1;
} page_site_dent_t;

typedef struct {
    page_site_t   *s;
    page_error_t  *err;
    size_t         owner;       /* language of files without a suffix */
    const char    *cdir;        /* the content dir under the site */
    char          *buf;         /* file head, malloc'd */
    size_t         buf_size;
    size_t         cap;         /* of s->files */
} page_site_walk_t;


const char *
page_site_kind_name(page_kind_t kind)
{
    static const char  *const names[] = {
        "home", "section", "page", "taxonomy", "term"
    };

    return kind <= PAGE_KIND_TERM ? names[kind] : "page";
}


int
page_site_kind_off(const page_site_t *s, const page_site_page_t *p)
{
    static const unsigned  bits[] = {
        PAGE_CONFIG_NO_HOME, PAGE_CONFIG_NO_SECTION, PAGE_CONFIG_NO_PAGE,
        PAGE_CONFIG_NO_TAXONOMY, PAGE_CONFIG_NO_TERM
    };

    return p->kind <= PAGE_KIND_TERM
           && (s->cfg->disable_kinds & bits[p->kind]) != 0;
}


const char *
page_site_strdup(page_site_t *s, const char *str, size_t len)
{
    char  *p;

    if (str == NULL) {
        return "";
    }

    p = page_arena_strndup(&s->arena, str, len);

    return p;
}


void
page_site_hmap_init(page_site_hmap_t *m, page_arena_t *a)
{
    memset(m, 0, sizeof(page_site_hmap_t));
    m->arena = a;
}


static page_site_hent_t *
page_site_hmap_slot(page_site_hent_t *e, size_t size, const char *key,
    size_t len, uint32_t h)
{
    size_t  i;

    for (i = h & (size - 1); ; i = (i + 1) & (size - 1)) {
        if (e[i].key == NULL
            || (e[i].hash == h && e[i].len == len
                && memcmp(e[i].key, key, len) == 0))
        {
            return &e[i];
        }
    }
}


void *
page_site_hmap_get(page_site_hmap_t *m, const char *key, size_t len)
{
    page_site_hent_t  *e;

    if (m->size == 0) {
        return NULL;
    }

    e = page_site_hmap_slot(m->e, m->size, key, len,
                            page_fnv1a(key, len));

    return e->key ? e->value : NULL;
}


int
page_site_hmap_put(page_site_hmap_t *m, const char *key, size_t len,
    void *value)
{
    size_t             i, size;
    uint32_t           h;
    page_site_hent_t  *e, *ne, *slot;

    if ((m->n + 1) * 3 >= m->size * 2) {
        /* grow: a load of at most 2/3 */
        size = m->size ? m->size * 2 : 64;
        ne = page_arena_calloc(m->arena, size, sizeof(page_site_hent_t));
        if (ne == NULL) {
            return -1;
        }

        for (i = 0; i < m->size; i++) {
            if (m->e[i].key != NULL) {
                slot = page_site_hmap_slot(ne, size, m->e[i].key,
                                           m->e[i].len, m->e[i].hash);
                *slot = m->e[i];
            }
        }

        m->e = ne;
        m->size = size;
    }

    h = page_fnv1a(key, len);
    e = page_site_hmap_slot(m->e, m->size, key, len, h);

    if (e->key == NULL) {
        e->key = page_arena_strndup(m->arena, key, len);
        if (e->key == NULL) {
            return -1;
        }
        e->len = len;
        e->hash = h;
        m->n++;
    }

    e->value = value;

    return 0;
}


int
page_site_list_push(page_arena_t *a, page_site_list_t *l, size_t *cap,
    page_site_page_t *p)
{
    size_t              ncap;
    page_site_page_t  **items;

    if (l->n == *cap) {
        ncap = *cap ? *cap * 2 : 8;
        items = page_arena_realloc(a, l->items,
                                   *cap * sizeof(page_site_page_t *),
                                   ncap * sizeof(page_site_page_t *));
        if (items == NULL) {
            return -1;
        }
        l->items = items;
        *cap = ncap;
    }

    l->items[l->n++] = p;

    return 0;
}


/* -------------------------------------------------------------------- */
/* reading front matter                                                  */


/* Read the head of the file (fd), as much as the front matter needs. */
static int
page_site_read_head(page_site_walk_t *w, int fd, const char *path,
    page_value_t **params, const char **error)
{
    size_t         len, want;
    ssize_t        n;
    struct stat    sb;
    page_front_t   fm;
    page_error_t   ferr;

    *params = NULL;
    *error = NULL;

    if (fstat(fd, &sb) != 0) {
        return -1;
    }

    want = PAGE_SITE_HEAD_SIZE;
    len = 0;

    for ( ;; ) {
        if ((off_t) want > sb.st_size) {
            want = (size_t) sb.st_size;
        }

        if (want + 1 > w->buf_size) {
            free(w->buf);
            w->buf_size = want + 1;
            w->buf = malloc(w->buf_size);
            if (w->buf == NULL) {
                w->buf_size = 0;
                page_error_nomem(w->err, path);
                return -1;
            }
            len = 0;
            if (lseek(fd, 0, SEEK_SET) != 0) {
                return -1;
            }
        }

        n = page_read_full(fd, w->buf + len, want - len);
        if (n > 0) {
            len += (size_t) n;
        }

        w->buf[len] = '\0';
        page_error_init(&ferr);

        if (page_front_split(w->buf, len, path, &fm, &ferr) == 0) {
            break;
        }

        /* the front matter may go on past the head: read on, once */

        if (len < want || (off_t) len >= sb.st_size
            || want >= PAGE_FRONT_MAX_SIZE + PAGE_SITE_HEAD_SIZE)
        {
            *error = page_site_strdup(w->s, ferr.msg, strlen(ferr.msg));
            return 0;
        }

        want = PAGE_FRONT_MAX_SIZE + PAGE_SITE_HEAD_SIZE;
    }

    page_error_init(&ferr);

    if (page_front_parse(&w->s->arena, &fm, path, params, &ferr) != 0) {
        if (ferr.status == PAGE_ERR_NOMEM) {
            page_error_nomem(w->err, path);
            return -1;
        }
        *params = NULL;
        *error = page_site_strdup(w->s, ferr.msg, strlen(ferr.msg));
    }

    return 0;
}


const char *
page_site_param_str(const page_value_t *params, const char *key)
{
    page_value_t  *v;

    v = page_map_gets(params, key);

    return (v != NULL && page_value_is_string(v)) ? v->u.s.data : "";
}


int64_t
page_site_param_int(const page_value_t *params, const char *key)
{
    page_value_t  *v;

    v = page_map_gets(params, key);
    if (v == NULL) {
        return 0;
    }

    switch (v->type) {
    case PAGE_INT:
        return v->u.i;
    case PAGE_FLOAT:
        return (int64_t) v->u.f;
    case PAGE_STRING:
        return strtoll(v->u.s.data, NULL, 10);
    default:
        return 0;
    }
}


/* -------------------------------------------------------------------- */
/* the walk                                                              */


static int
page_site_dent_cmp(const void *x, const void *y)
{
    return strcmp(((const page_site_dent_t *) x)->name,
                  ((const page_site_dent_t *) y)->name);
}


/*
 * name without ".md" and without a language suffix: "post.fr.md" with
 * fr configured gives "post" and fr's index; otherwise the owner.
 */
static size_t
page_site_split_name(page_site_walk_t *w, const char *name, size_t *base)
{
    size_t                     len;
    const char                *dot;
    const page_config_lang_t  *l;

    len = strlen(name);
    len -= (len > 3 && strcasecmp(name + len - 3, ".md") == 0) ? 3 : 9;
    *base = len;

    dot = page_site_rchr(name, '.', len);
    if (dot == NULL) {
        return w->owner;
    }

    l = page_config_lang(w->s->cfg, dot + 1, len - (size_t) (dot + 1 - name));
    if (l == NULL) {
        /* a disabled language's file is skipped: (size_t) -1 */
        return page_config_lang_disabled(w->s->cfg, dot + 1,
                                         len - (size_t) (dot + 1 - name))
               ? (size_t) -1 : w->owner;
    }

    *base = (size_t) (dot - name);

    return (size_t) (l - w->s->cfg->langs);
}


static int
page_site_is_content(const char *name)
{
    size_t  len;

    len = strlen(name);

    return (len > 3 && strcasecmp(name + len - 3, ".md") == 0)
           || (len > 9 && strcasecmp(name + len - 9, ".markdown") == 0);
}


/* Index the content file name (in dfd; dir is its directory under cdir). */
static int
page_site_file(page_site_walk_t *w, int dfd, const char *dir,
    const page_site_dent_t *d)
{
    int                fd;
    char               path[PAGE_SITE_MAX_PATH], real[PATH_MAX];
    size_t             lang, base, rl, dl;
    const char        *error;
    struct stat        sb;
    page_value_t      *params;
    page_site_page_t  *p;
    page_site_t       *s;

    s = w->s;

    if (page_site_split_name(w, d->name, &base) == (size_t) -1) {
        return 0;                   /* a disabled language's file */
    }

    if (s->nfiles >= PAGE_SITE_MAX_PAGES) {
        page_error_set(w->err, PAGE_ERR_LIMIT, s->dir, 0, 0,
                       "more than %d content files", PAGE_SITE_MAX_PAGES);
        return -1;
    }

    dl = strlen(dir);

    if (strlen(w->cdir) + dl + strlen(d->name) + 3 >= sizeof(path)) {
        return 0;
    }

    snprintf(path, sizeof(path), "%s/%s%s%s", w->cdir, dir, dl ? "/" : "",
             d->name);

    if (d->is_link) {
        /* a linked file: only when it resolves inside the site */
        char  full[PAGE_SITE_MAX_PATH + PATH_MAX];

        snprintf(full, sizeof(full), "%s/%s", s->root, path);
        rl = strlen(s->root);

        if (realpath(full, real) == NULL || strncmp(real, s->root, rl) != 0
            || real[rl] != '/')
        {
            return 0;
        }

        /* O_NONBLOCK: a link to a FIFO must not hang the walk */
        fd = open(real, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

    } else {
        fd = openat(dfd, d->name,
                    O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    }

    if (fd == -1) {
        return 0;
    }

    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        close(fd);
        return 0;
    }

    if (page_site_read_head(w, fd, path, &params, &error) != 0) {
        close(fd);
        return -1;
    }

    close(fd);

    page_site_fresh_file(s, path, (int64_t) sb.st_mtim.tv_sec * 1000000000
                                  + sb.st_mtim.tv_nsec,
                         (int64_t) sb.st_size);

    p = page_arena_calloc(&s->arena, 1, sizeof(page_site_page_t));
    if (p == NULL) {
        page_error_nomem(w->err, path);
        return -1;
    }

    if (params == NULL) {
        params = page_value_map(&s->arena);
        s->nerrors++;
        if (s->first_error == NULL) {
            s->first_error = error;
        }
    }

    lang = page_site_split_name(w, d->name, &base);

    if (lang == (size_t) -1) {
        return 0;                   /* a disabled language's */
    }

    p->lang = (uint8_t) lang;
    p->file = page_site_strdup(s, path, strlen(path));
    p->rel = p->file + strlen(w->cdir) + 1;
    p->dir = page_site_strdup(s, dir, dl);
    p->params = params;
    p->error = error;
    p->mtime = (int64_t) sb.st_mtim.tv_sec;

    if (base == 6 && memcmp(d->name, "_index", 6) == 0) {
        p->kind = dl ? PAGE_KIND_SECTION : PAGE_KIND_HOME;
        p->bundle = PAGE_BUNDLE_BRANCH;

    } else {
        p->kind = PAGE_KIND_PAGE;
        p->bundle = (base == 5 && memcmp(d->name, "index", 5) == 0)
                    ? PAGE_BUNDLE_LEAF : PAGE_BUNDLE_NONE;
        /* the name the URL is made of: the file's, or the bundle's dir */
        if (p->bundle == PAGE_BUNDLE_LEAF) {
            const char  *last = strrchr(dir, '/');

            last = last ? last + 1 : dir;
            p->slug = page_site_strdup(s, last, strlen(last));

        } else {
            p->slug = page_site_strdup(s, d->name, base);
        }
    }

    if (p->file == NULL || p->dir == NULL
        || (p->kind == PAGE_KIND_PAGE && p->slug == NULL))
    {
        page_error_nomem(w->err, path);
        return -1;
    }

    if (s->nfiles == w->cap) {
        page_site_page_t  **files;
        size_t              ncap;

        ncap = w->cap ? w->cap * 2 : 256;
        files = page_arena_realloc(&s->arena, s->files,
                                   w->cap * sizeof(page_site_page_t *),
                                   ncap * sizeof(page_site_page_t *));
        if (files == NULL) {
            page_error_nomem(w->err, path);
            return -1;
        }
        s->files = files;
        w->cap = ncap;
    }

    s->files[s->nfiles++] = p;

    return 0;
}


/*
 * Walk the directory open as dfd (dir: its path under the content dir).
 * Hugo's rules: names starting with "." or "#" or ending in "~" are
 * ignored; a directory holding index.md is a leaf bundle: its other
 * files and directories are its resources, not pages.
 */
static int
page_site_walk_dir(page_site_walk_t *w, int dfd, const char *dir,
    unsigned depth)
{
    int                rc, cfd, leaf;
    DIR               *dh;
    char               sub[PAGE_SITE_MAX_PATH];
    size_t             n, cap, i, base, dl;
    struct stat        sb;
    struct dirent     *e;
    page_site_dent_t  *ents, *ne;

    dh = fdopendir(dfd);
    if (dh == NULL) {
        close(dfd);
        return 0;
    }

    ents = NULL;
    n = 0;
    cap = 0;
    rc = 0;

    while ((e = readdir(dh)) != NULL) {
        size_t  len = strlen(e->d_name);

        if (e->d_name[0] == '.' || e->d_name[0] == '#' || len == 0
            || e->d_name[len - 1] == '~')
        {
            continue;
        }

        if (fstatat(dfd, e->d_name, &sb, AT_SYMLINK_NOFOLLOW) != 0) {
            continue;
        }

        if (!S_ISDIR(sb.st_mode) && !S_ISLNK(sb.st_mode)
            && !S_ISREG(sb.st_mode))
        {
            continue;
        }

        if (!S_ISDIR(sb.st_mode) && !page_site_is_content(e->d_name)) {
            continue;
        }

        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            ne = realloc(ents, cap * sizeof(page_site_dent_t));
            if (ne == NULL) {
                rc = -1;
                page_error_nomem(w->err, w->s->dir);
                goto done;
            }
            ents = ne;
        }

        ents[n].name = strdup(e->d_name);
        if (ents[n].name == NULL) {
            rc = -1;
            page_error_nomem(w->err, w->s->dir);
            goto done;
        }
        ents[n].is_dir = S_ISDIR(sb.st_mode);
        ents[n].is_link = S_ISLNK(sb.st_mode);
        n++;
    }

    if (n > 1) {
        qsort(ents, n, sizeof(page_site_dent_t), page_site_dent_cmp);
    }

    leaf = 0;

    for (i = 0; i < n; i++) {
        if (!ents[i].is_dir) {
            page_site_split_name(w, ents[i].name, &base);
            if (base == 5 && memcmp(ents[i].name, "index", 5) == 0) {
                leaf = 1;
            }
        }
    }

    dl = strlen(dir);

    for (i = 0; i < n && rc == 0; i++) {
        if (ents[i].is_dir) {
            if (leaf) {
                continue;           /* a bundle's resources */
            }

            if (depth + 1 >= PAGE_SITE_MAX_DEPTH
                || dl + strlen(ents[i].name) + 2 >= sizeof(sub))
            {
                continue;
            }

            snprintf(sub, sizeof(sub), "%s%s%s", dir, dl ? "/" : "",
                     ents[i].name);

            cfd = openat(dfd, ents[i].name,
                         O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (cfd == -1) {
                continue;
            }

            {
                char  under[PAGE_SITE_MAX_PATH * 2];

                /* watched by its path under the site */
                snprintf(under, sizeof(under), "%s/%s", w->cdir, sub);

                if (page_site_fresh_dir(w->s, under) != 0) {
                    close(cfd);
                    page_error_nomem(w->err, w->s->dir);
                    rc = -1;
                    break;
                }
            }

            rc = page_site_walk_dir(w, cfd, sub, depth + 1);
            continue;
        }

        if (leaf) {
            page_site_split_name(w, ents[i].name, &base);
            if (!(base == 5 && memcmp(ents[i].name, "index", 5) == 0)) {
                continue;           /* a content resource of the bundle */
            }
        }

        rc = page_site_file(w, dfd, dir, &ents[i]);
    }

done:

    for (i = 0; i < n; i++) {
        free(ents[i].name);
    }

    free(ents);
    closedir(dh);

    return rc;
}


/* Walk one content directory (cdir, under the site) for language owner. */
static int
page_site_walk(page_site_walk_t *w, const char *cdir)
{
    int          fd, rfd;
    char         full[PAGE_SITE_MAX_PATH + PATH_MAX], real[PATH_MAX];
    size_t       rl;
    const char  *c;

    c = cdir;
    while (c[0] == '.' && c[1] == '/') {
        c += 2;
    }

    snprintf(full, sizeof(full), "%s/%s", w->s->root, c);
    rl = strlen(w->s->root);

    if (realpath(full, real) == NULL) {
        return 0;                   /* no content: no pages */
    }

    if (strncmp(real, w->s->root, rl) != 0
        || (real[rl] != '/' && real[rl] != '\0'))
    {
        page_error_set(w->err, PAGE_ERR_CONTENT, full, 0, 0,
                       "contentDir is outside the site directory");
        return -1;
    }

    rfd = open(w->s->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (rfd == -1) {
        page_error_set(w->err, PAGE_ERR_CONTENT, w->s->root, 0, 0,
                       "cannot open the site directory: %s",
                       strerror(errno));
        return -1;
    }

    /* the content dir itself may be a link inside the site: open it by
       its real path, the walk below it never follows a link */
    fd = open(real, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    close(rfd);

    if (fd == -1) {
        return 0;
    }

    w->cdir = page_site_strdup(w->s, c, strlen(c));

    if (w->cdir == NULL || page_site_fresh_dir(w->s, w->cdir) != 0) {
        close(fd);
        page_error_nomem(w->err, w->s->dir);
        return -1;
    }

    return page_site_walk_dir(w, fd, "", 0);
}


/* -------------------------------------------------------------------- */
/* pages Hugo makes: home, sections                                      */


static page_site_page_t *
page_site_node(page_site_t *s, page_kind_t kind, size_t lang,
    const char *dir, size_t dl)
{
    page_site_page_t  *p;

    p = page_arena_calloc(&s->arena, 1, sizeof(page_site_page_t));
    if (p == NULL) {
        return NULL;
    }

    p->kind = (uint8_t) kind;
    p->bundle = PAGE_BUNDLE_BRANCH;
    p->lang = (uint8_t) lang;
    p->dir = page_site_strdup(s, dir, dl);
    p->params = page_value_map(&s->arena);
    p->published = 1;
    p->list = 2;

    if (p->dir == NULL || p->params == NULL) {
        return NULL;
    }

    page_time_zero(&p->dates.date);
    page_time_zero(&p->dates.lastmod);
    page_time_zero(&p->dates.publish);
    page_time_zero(&p->dates.expiry);

    return p;
}


/* The section page of dir (its first n bytes) in lang, or NULL. */
static page_site_page_t *
page_site_section_of(page_site_hmap_t *secs, size_t lang, const char *dir,
    size_t n)
{
    char  key[PAGE_SITE_MAX_PATH + 2];

    if (n + 1 >= sizeof(key)) {
        return NULL;
    }

    key[0] = (char) (lang + 1);
    memcpy(key + 1, dir, n);

    return page_site_hmap_get(secs, key, n + 1);
}


static int
page_site_section_add(page_site_hmap_t *secs, page_site_page_t *sec)
{
    char    key[PAGE_SITE_MAX_PATH + 2];
    size_t  n;

    n = strlen(sec->dir);
    if (n + 1 >= sizeof(key)) {
        return 0;
    }

    key[0] = (char) (sec->lang + 1);
    memcpy(key + 1, sec->dir, n);

    return page_site_hmap_put(secs, key, n + 1, sec);
}


/* The directory p is in, for sections: a leaf bundle's parent. */
static size_t
page_site_container(const page_site_page_t *p)
{
    const char  *slash;

    if (p->bundle != PAGE_BUNDLE_LEAF) {
        return strlen(p->dir);
    }

    slash = strrchr(p->dir, '/');

    return slash ? (size_t) (slash - p->dir) : 0;
}


/*
 * Is the first component of p's directory one of its language's
 * taxonomies' plural: its index, else -1.
 */
static long
page_site_tax_dir(page_site_t *s, const page_site_page_t *p)
{
    size_t                     i, n;
    const page_config_lang_t  *l;

    n = strcspn(p->dir, "/");
    l = &s->cfg->langs[p->lang];

    for (i = 0; i < l->ntaxonomies; i++) {
        if (strlen(l->taxonomies[i].plural) == n
            && strncasecmp(l->taxonomies[i].plural, p->dir, n) == 0)
        {
            return (long) i;
        }
    }

    return -1;
}


/*
 * Sections: every first-level directory that holds content, and every
 * deeper directory with an _index.md; per language.  Each page's parent
 * is the deepest section above it.  _index.md of a taxonomy or a term
 * (content/tags/_index.md, content/tags/x/_index.md) is kept for
 * page_site_lists, which makes those pages.
 */
static int
page_site_sections(page_site_t *s, page_error_t *err)
{
    int                 pass;
    size_t              i, nsecs, cap, n;
    page_site_hmap_t    map;
    const char         *d, *slash;
    page_site_page_t   *p, *sec, **secs, **ns;
    page_site_lang_t   *l;

    secs = NULL;
    nsecs = 0;
    cap = 0;
    page_site_hmap_init(&map, &s->scratch);

    /* the homes, from _index.md or made */

    for (i = 0; i < s->nfiles; i++) {
        p = s->files[i];
        if (p->kind == PAGE_KIND_HOME && s->langs[p->lang].home == NULL) {
            s->langs[p->lang].home = p;
        }
    }

    for (i = 0; i < s->nlangs; i++) {
        l = &s->langs[i];
        if (l->home == NULL) {
            l->home = page_site_node(s, PAGE_KIND_HOME, i, "", 0);
            if (l->home == NULL) {
                goto nomem;
            }
        }
        if (l->home->title == NULL || l->home->title[0] == '\0') {
            l->home->title = l->conf->title;
        }
        l->home->section = "";
        l->home->type = "page";
    }

    /* the sections with an _index.md, then the first-level ones made */

    for (pass = 0; pass < 2; pass++) {
        for (i = 0; i < s->nfiles; i++) {
            p = s->files[i];

            if (pass == 0 ? p->kind != PAGE_KIND_SECTION
                          : (p->kind != PAGE_KIND_PAGE
                             && p->kind != PAGE_KIND_SECTION))
            {
                continue;
            }

            if (page_site_container(p) == 0
                || page_site_tax_dir(s, p) >= 0)
            {
                continue;           /* home's, a taxonomy's or term's */
            }

            if (pass == 0) {
                if (page_site_section_of(&map, p->lang, p->dir,
                                         strlen(p->dir)) != NULL)
                {
                    continue;
                }
                sec = p;

            } else {
                d = p->dir;
                n = page_site_container(p);
                slash = memchr(d, '/', n);
                n = slash ? (size_t) (slash - d) : n;

                if (page_site_section_of(&map, p->lang, d, n)
                    != NULL)
                {
                    continue;
                }

                sec = page_site_node(s, PAGE_KIND_SECTION, p->lang, d, n);
                if (sec == NULL) {
                    goto nomem;
                }
            }

            if (nsecs == cap) {
                cap = cap ? cap * 2 : 64;
                ns = realloc(secs, cap * sizeof(page_site_page_t *));
                if (ns == NULL) {
                    goto nomem;
                }
                secs = ns;
            }

            secs[nsecs++] = sec;

            if (page_site_section_add(&map, sec) != 0) {
                goto nomem;
            }
        }
    }

    /* titles and sections of the sections; their parents */

    for (i = 0; i < nsecs; i++) {
        sec = secs[i];
        slash = strchr(sec->dir, '/');
        n = slash ? (size_t) (slash - sec->dir) : strlen(sec->dir);
        sec->section = page_site_strdup(s, sec->dir, n);
        sec->type = sec->section;
        slash = strrchr(sec->dir, '/');

        if (sec->title == NULL || sec->title[0] == '\0') {
            sec->title = page_site_list_title(s, slash ? slash + 1 : sec->dir,
                                              s->cfg->pluralize_list_titles);
            if (sec->link_title == NULL || sec->link_title[0] == '\0') {
                sec->link_title = sec->title;
            }
        }

        if (sec->section == NULL || sec->title == NULL) {
            goto nomem;
        }
    }

    for (i = 0; i < s->nfiles + nsecs; i++) {
        p = i < s->nfiles ? s->files[i] : secs[i - s->nfiles];

        if (p->kind == PAGE_KIND_HOME || p->parent != NULL
            || page_site_tax_dir(s, p) >= 0)
        {
            continue;
        }

        d = p->dir;
        n = page_site_container(p);

        if (p->kind == PAGE_KIND_SECTION) {
            /* start above the section itself */
            slash = page_site_rchr(d, '/', n);
            n = slash ? (size_t) (slash - d) : 0;
        }

        sec = NULL;

        while (n > 0) {
            sec = page_site_section_of(&map, p->lang, d, n);
            if (sec != NULL) {
                break;
            }
            slash = page_site_rchr(d, '/', n);
            n = slash ? (size_t) (slash - d) : 0;
        }

        p->parent = sec ? sec : s->langs[p->lang].home;

        if (p->kind == PAGE_KIND_PAGE) {
            n = page_site_container(p);
            slash = memchr(d, '/', n);
            n = slash ? (size_t) (slash - d) : n;
            p->section = page_site_strdup(s, d, n);
            if (p->section == NULL) {
                goto nomem;
            }
        }
    }

    /* keep the made sections with the files' pages, for the lists */

    if (nsecs > 0) {
        ns = page_arena_alloc(&s->arena,
                              (s->nfiles + nsecs) * sizeof(page_site_page_t *));
        if (ns == NULL) {
            goto nomem;
        }

        n = 0;
        for (i = 0; i < s->nfiles; i++) {
            ns[n++] = s->files[i];
        }
        for (i = 0; i < nsecs; i++) {
            if (secs[i]->file == NULL) {
                ns[n++] = secs[i];
            }
        }

        s->files = ns;
        s->nfiles = n;
    }

    free(secs);

    return 0;

nomem:

    free(secs);
    page_error_nomem(err, s->dir);

    return -1;
}


/* -------------------------------------------------------------------- */
/* build                                                                 */


/* Types, URLs and aliases of the pages with a file and the made ones. */
static int
page_site_urls(page_site_t *s, page_error_t *err)
{
    size_t             i, j;
    page_value_t      *v, *a;
    page_site_page_t  *p;

    for (i = 0; i < s->nfiles + s->nlangs; i++) {
        p = i < s->nfiles ? s->files[i] : s->langs[i - s->nfiles].home;

        if (i >= s->nfiles && p->file != NULL) {
            continue;               /* a home from _index.md: done */
        }

        if (p->kind == PAGE_KIND_TAXONOMY || p->kind == PAGE_KIND_TERM
            || (p->file != NULL && page_site_tax_dir(s, p) >= 0
                && p->kind != PAGE_KIND_PAGE))
        {
            continue;               /* URLs made with their taxonomy */
        }

        if (p->section == NULL) {
            p->section = "";
        }

        if (p->type == NULL || p->file != NULL) {
            p->type = page_site_param_str(p->params, "type");
            if (p->type[0] == '\0') {
                p->type = p->section[0] ? p->section : "page";
            }
        }

        if (p->slug == NULL) {
            p->slug = "";
        }

        if (p->title == NULL) {
            p->title = "";
        }

        if (p->link_title == NULL || p->link_title[0] == '\0') {
            p->link_title = p->title;
        }

        if (p->layout == NULL) {
            p->layout = "";
            p->translation_key = "";
        }

        if (page_site_url(s, p) != 0) {
            page_error_nomem(err, s->dir);
            return -1;
        }

        /* aliases: "/x/" as they are; "x" under the page's directory */

        v = page_map_gets(p->params, "aliases");
        if (v == NULL || v->type != PAGE_LIST || v->u.list.n == 0) {
            continue;
        }

        p->aliases = page_arena_calloc(&s->arena, v->u.list.n,
                                       sizeof(char *));
        if (p->aliases == NULL) {
            page_error_nomem(err, s->dir);
            return -1;
        }

        for (j = 0; j < v->u.list.n; j++) {
            page_buf_t   b;
            const char  *q, *slash;

            a = v->u.list.items[j];
            if (!page_value_is_string(a) || a->u.s.len == 0) {
                continue;
            }

            page_buf_init(&b, &s->scratch, PAGE_SITE_MAX_PATH);

            if (a->u.s.data[0] != '/') {
                q = p->path;
                slash = strrchr(q, '/');
                if (slash != NULL && slash[1] == '\0' && slash > q) {
                    slash = page_site_rchr(q, '/', (size_t) (slash - q));
                }
                page_buf_append(&b, q, slash ? (size_t) (slash - q) + 1 : 1);
            }

            page_buf_append(&b, a->u.s.data, a->u.s.len);

            if (page_buf_failed(&b) || b.len == 0) {
                continue;           /* past PAGE_SITE_MAX_PATH: ignored */
            }

            if (page_site_ugly(s, p)) {
                if (b.data[b.len - 1] == '/') {
                    b.len--;
                }
                if (!(b.len > 5 && memcmp(b.data + b.len - 5, ".html", 5)
                      == 0))
                {
                    page_buf_puts(&b, ".html");
                }

            } else if (b.data[b.len - 1] != '/'
                       && !(b.len > 5
                            && memcmp(b.data + b.len - 5, ".html", 5) == 0))
            {
                page_buf_putc(&b, '/');
            }

            if (page_buf_cstr(&b) == NULL) {
                continue;
            }

            p->aliases[p->naliases] = page_site_strdup(s, b.data, b.len);
            if (p->aliases[p->naliases] == NULL) {
                page_error_nomem(err, s->dir);
                return -1;
            }
            p->naliases++;
        }
    }

    return 0;
}


int
page_site_build(page_site_t *s, const page_config_t *cfg, const char *dir,
    int64_t now, page_error_t *err)
{
    char               real[PATH_MAX];
    size_t             i, j, k;
    unsigned char      pub;
    page_site_walk_t   w;
    page_site_page_t  *p;

    memset(s, 0, sizeof(page_site_t));
    page_arena_init(&s->arena, 0);
    page_arena_init(&s->scratch, 0);
    s->cfg = cfg;
    s->now = now;
    s->fresh.fd = -2;               /* page_site_fresh_dir starts it */
    s->generation = 1;

    if (realpath(dir, real) == NULL) {
        page_error_set(err, PAGE_ERR_CONTENT, dir, 0, 0,
                       "the site directory cannot be opened: %s",
                       strerror(errno));
        return -1;
    }

    s->dir = page_site_strdup(s, dir, strlen(dir));
    s->root = page_site_strdup(s, real, strlen(real));
    s->nlangs = cfg->nlangs;

    if (s->dir == NULL || s->root == NULL) {
        page_error_nomem(err, dir);
        return -1;
    }

    for (i = 0; i < s->nlangs; i++) {
        s->langs[i].conf = &cfg->langs[i];

        if (i == cfg->default_index && !cfg->default_lang_in_subdir) {
            s->langs[i].prefix = "";

        } else {
            char  *pre = page_arena_alloc(&s->arena,
                                          strlen(cfg->langs[i].lang) + 2);
            if (pre == NULL) {
                page_error_nomem(err, dir);
                return -1;
            }
            pre[0] = '/';
            strcpy(pre + 1, cfg->langs[i].lang);
            s->langs[i].prefix = pre;
        }
    }

    /* walk each content directory once, for the languages that use it */

    memset(&w, 0, sizeof(w));
    w.s = s;
    w.err = err;

    page_site_fresh_dir(s, ".");

    for (i = 0; i < cfg->nlangs; i++) {
        for (j = 0; j < i; j++) {
            if (strcmp(cfg->langs[j].content_dir, cfg->langs[i].content_dir)
                == 0)
            {
                break;
            }
        }

        if (j < i) {
            continue;               /* walked already */
        }

        /* its owner: the default language if it uses it, else i */

        w.owner = i;
        for (k = i; k < cfg->nlangs; k++) {
            if (k == cfg->default_index
                && strcmp(cfg->langs[k].content_dir,
                          cfg->langs[i].content_dir) == 0)
            {
                w.owner = k;
            }
        }

        if (page_site_walk(&w, cfg->langs[i].content_dir) != 0) {
            free(w.buf);
            return -1;
        }
    }

    free(w.buf);

    if (page_site_fresh_others(s) != 0) {
        page_error_nomem(err, dir);
        return -1;
    }

    if (s->fresh.fd == -2) {
        s->fresh.fd = -1;
    }

    for (i = 0; i < s->nfiles; i++) {
        page_site_fields(s, s->files[i]);
    }

    if (page_site_sections(s, err) != 0) {
        return -1;
    }

    /* cascade, now that parents are known; the fields again where it
       added front matter */

    for (i = 0; i < s->nfiles + s->nlangs; i++) {
        p = i < s->nfiles ? s->files[i] : s->langs[i - s->nfiles].home;

        if (i >= s->nfiles && p->file != NULL) {
            continue;               /* a home from a file: done */
        }

        switch (page_site_cascade(s, p)) {
        case -1:
            page_error_nomem(err, dir);
            return -1;
        case 1:
            if (p->file != NULL) {
                page_site_fields(s, p);
            }
            break;
        default:
            break;
        }

        /* what is published changes with the clock: in the print too */
        pub = (unsigned char) p->published;
        page_site_fingerprint(s, &pub, 1);
    }

    if (page_site_urls(s, err) != 0
        || page_site_lists(s, err) != 0
        || page_site_menus(s, err) != 0
        || page_site_table(s, err) != 0)
    {
        return -1;
    }

    /* the build's temporary buffers go */
    page_arena_free(&s->scratch);
    page_arena_init(&s->scratch, 0);

    return 0;
}


void
page_site_free(page_site_t *s)
{
    page_site_fresh_close(&s->fresh);
    page_site_content_free(s);
    page_arena_free(&s->scratch);
    page_arena_free(&s->arena);
}


size_t
page_site_memory(const page_site_t *s)
{
    return s->arena.total;
}


/* Do p and q translate each other: same kind, and the same
   translationKey, else the same path without its language. */
static int
page_site_same(const page_site_page_t *p, const page_site_page_t *q)
{
    if (p->kind != q->kind) {
        return 0;
    }

    if (p->translation_key[0] != '\0' || q->translation_key[0] != '\0') {
        return strcmp(p->translation_key, q->translation_key) == 0;
    }

    if (p->kind == PAGE_KIND_TERM || p->kind == PAGE_KIND_TAXONOMY) {
        return strcmp(p->tax->conf->plural, q->tax->conf->plural) == 0
               && (p->kind == PAGE_KIND_TAXONOMY
                   || strcmp(p->term->key, q->term->key) == 0);
    }

    return strcmp(p->dir, q->dir) == 0
           && (p->kind != PAGE_KIND_PAGE || p->bundle == PAGE_BUNDLE_LEAF
               || strcmp(p->slug, q->slug) == 0);
}


size_t
page_site_translations(page_site_t *s, const page_site_page_t *p,
    page_site_page_t **out, size_t max)
{
    size_t             i, n;
    page_site_page_t  *q;

    n = 0;

    for (i = 0; i < s->nall && n < max; i++) {
        q = s->all[i];

        if (q != p && q->lang != p->lang && page_site_same(p, q)) {
            out[n++] = q;
        }
    }

    return n;
}
