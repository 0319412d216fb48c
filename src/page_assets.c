/*
 * page_assets: lookups and walks in the assets directories, confined to
 * them.  A directory's real path (realpath) is the fence: a file is used
 * only when its real path is inside it, so ".." never escapes and a
 * symbolic link pointing outside is as good as missing.
 */

#define _XOPEN_SOURCE  700          /* realpath */

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "page_assets.h"
#include "page_buf.h"
#include "page_glob.h"


/* One file found by a walk, before the directories are merged. */
typedef struct {
    page_asset_t  asset;
    size_t        dir;              /* index of its assets directory */
} page_assets_hit_t;

typedef struct {
    page_arena_t        *arena;
    const char          *pattern;
    size_t               plen;
    int                  deep;      /* the pattern has "**" */
    size_t               levels;    /* its number of '/' */
    size_t               dir;
    const char          *root;      /* real path of the directory */
    size_t               root_len;
    size_t               entries;   /* visited, all directories */
    page_assets_hit_t   *hits;
    size_t               nhits;
    size_t               cap;
    const char          *why;
} page_assets_walk_t;


/* The real path of p in the arena, or NULL (missing, loop, no memory). */
static char *
page_assets_real(page_arena_t *a, const char *p)
{
    char  buf[PATH_MAX];

    if (realpath(p, buf) == NULL) {
        return NULL;
    }

    return page_arena_strndup(a, buf, strlen(buf));
}


/* Is the real path p the root or inside it. */
static int
page_assets_inside(const char *root, size_t root_len, const char *p)
{
    if (strncmp(p, root, root_len) != 0) {
        return 0;
    }

    /* "/" as the root: everything is inside */
    return p[root_len] == '/' || p[root_len] == '\0'
           || (root_len == 1 && root[0] == '/');
}


/* dir + "/" + name (name_len bytes) in the arena, or NULL. */
static char *
page_assets_join(page_arena_t *a, const char *dir, size_t dir_len,
    const char *name, size_t name_len)
{
    char  *p;

    if (dir_len + 1 + name_len >= PAGE_ASSETS_MAX_PATH) {
        return NULL;
    }

    p = page_arena_alloc(a, dir_len + name_len + 2);
    if (p == NULL) {
        return NULL;
    }

    memcpy(p, dir, dir_len);
    p[dir_len] = '/';
    memcpy(p + dir_len + 1, name, name_len);
    p[dir_len + 1 + name_len] = '\0';

    return p;
}


/*
 * The entry of dir named like name[0..len) in any case, or NULL: the
 * smallest such name, so that the answer does not depend on the order
 * the directory lists them in.
 */
static char *
page_assets_any_case(page_arena_t *a, const char *dir, const char *name,
    size_t len)
{
    DIR            *d;
    char           *best;
    struct dirent  *e;

    d = opendir(dir);
    if (d == NULL) {
        return NULL;
    }

    best = NULL;

    while ((e = readdir(d)) != NULL) {
        if (strlen(e->d_name) == len && strncasecmp(e->d_name, name, len) == 0
            && (best == NULL || strcmp(e->d_name, best) < 0))
        {
            best = page_arena_strndup(a, e->d_name, len);
            if (best == NULL) {
                break;
            }
        }
    }

    closedir(d);

    return best;
}


/* name under root, each component in any case when not exactly there. */
static char *
page_assets_resolve(page_arena_t *a, const char *root, const char *name,
    size_t len, size_t *rel_len)
{
    size_t        i, n, depth;
    char         *cur, *entry;
    const char   *c, *slash;
    page_buf_t    rel;
    struct stat   sb;

    cur = page_arena_strndup(a, root, strlen(root));
    page_buf_init(&rel, a, PAGE_ASSETS_MAX_PATH);
    depth = 0;

    for (i = 0; cur != NULL && i < len; i += n + 1) {
        c = name + i;
        slash = memchr(c, '/', len - i);
        n = slash ? (size_t) (slash - c) : len - i;

        if (++depth > PAGE_ASSETS_MAX_DEPTH) {
            return NULL;
        }

        entry = page_assets_join(a, cur, strlen(cur), c, n);
        if (entry == NULL) {
            return NULL;
        }

        if (lstat(entry, &sb) != 0) {
            entry = page_assets_any_case(a, cur, c, n);
            if (entry == NULL) {
                return NULL;
            }
            c = entry;
            entry = page_assets_join(a, cur, strlen(cur), c, n);
        }

        if (rel.len) {
            page_buf_putc(&rel, '/');
        }
        page_buf_append(&rel, c, n);
        cur = entry;
    }

    if (cur == NULL || page_buf_failed(&rel) || page_buf_cstr(&rel) == NULL)
    {
        return NULL;
    }

    *rel_len = rel.len;

    return rel.data;
}


int
page_assets_find(page_arena_t *a, const char *const *dirs, size_t ndirs,
    const char *name, size_t len, page_asset_t *out)
{
    size_t        i, root_len, rel_len;
    char         *clean, *root, *file, *real, *rel;
    const char   *p;
    struct stat   sb;

    if (len == 0 || len >= PAGE_ASSETS_MAX_PATH
        || memchr(name, '\0', len) != NULL)
    {
        return 0;                       /* no file has a NUL in its name */
    }

    clean = page_arena_strndup(a, name, len);
    if (clean == NULL) {
        return -1;
    }

    /* Hugo cleans the name first: "/css/x.css" and "css/./x.css" work */

    len = page_glob_clean(clean, len);
    p = clean;
    while (*p == '/') {
        p++;
        len--;
    }

    if (len == 0 || strcmp(p, ".") == 0 || strcmp(p, "..") == 0
        || strncmp(p, "../", 3) == 0)
    {
        return 0;                       /* the root, or above it */
    }

    for (i = 0; i < ndirs; i++) {
        root = page_assets_real(a, dirs[i]);
        if (root == NULL) {
            continue;
        }
        root_len = strlen(root);

        rel = (char *) p;
        rel_len = len;
        file = page_assets_join(a, root, root_len, p, len);

        if (file == NULL || stat(file, &sb) != 0) {
            rel = page_assets_resolve(a, root, p, len, &rel_len);
            if (rel == NULL) {
                continue;
            }
            file = page_assets_join(a, root, root_len, rel, rel_len);
        }

        real = file ? page_assets_real(a, file) : NULL;

        if (real == NULL || !page_assets_inside(root, root_len, real)
            || stat(real, &sb) != 0 || !S_ISREG(sb.st_mode))
        {
            continue;
        }

        out->name = rel;
        out->name_len = rel_len;
        out->path = real;
        out->size = (uint64_t) sb.st_size;
        return 1;
    }

    return 0;
}


/* ---- walks ---- */

static int
page_assets_name_cmp(const void *x, const void *y)
{
    return strcmp(*(char *const *) x, *(char *const *) y);
}


/* Hugo's walk order: by name within a directory, depth first. */
static int
page_assets_hit_cmp(const void *x, const void *y)
{
    size_t                    i, n;
    unsigned char             c1, c2;
    const page_assets_hit_t  *a = x, *b = y;

    n = a->asset.name_len < b->asset.name_len ? a->asset.name_len
                                              : b->asset.name_len;

    for (i = 0; i < n; i++) {
        c1 = (unsigned char) a->asset.name[i];
        c2 = (unsigned char) b->asset.name[i];
        c1 = c1 == '/' ? 0 : c1;
        c2 = c2 == '/' ? 0 : c2;
        if (c1 != c2) {
            return c1 < c2 ? -1 : 1;
        }
    }

    if (a->asset.name_len != b->asset.name_len) {
        return a->asset.name_len < b->asset.name_len ? -1 : 1;
    }

    return (a->dir > b->dir) - (a->dir < b->dir);
}


static int
page_assets_hit(page_assets_walk_t *w, const char *rel, size_t rel_len,
    const char *path, uint64_t size)
{
    size_t              cap;
    page_assets_hit_t  *hits;

    if (w->nhits == w->cap) {
        cap = w->cap ? 2 * w->cap : 16;
        hits = page_arena_realloc(w->arena, w->hits,
                                  w->cap * sizeof(page_assets_hit_t),
                                  cap * sizeof(page_assets_hit_t));
        if (hits == NULL) {
            w->why = "out of memory";
            return -1;
        }
        w->hits = hits;
        w->cap = cap;
    }

    w->hits[w->nhits].asset.name = rel;
    w->hits[w->nhits].asset.name_len = rel_len;
    w->hits[w->nhits].asset.path = path;
    w->hits[w->nhits].asset.size = size;
    w->hits[w->nhits].dir = w->dir;
    w->nhits++;

    return 0;
}


/* Read the names of dir, sorted, into *names (in the arena). */
static int
page_assets_list(page_assets_walk_t *w, const char *dir, char ***names,
    size_t *n)
{
    DIR            *d;
    size_t          cap;
    char          **list, **grown;
    struct dirent  *e;

    *names = NULL;
    *n = 0;

    d = opendir(dir);
    if (d == NULL) {
        return 0;                       /* unreadable: nothing in it */
    }

    list = NULL;
    cap = 0;

    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }

        if (++w->entries > PAGE_ASSETS_MAX_ENTRIES) {
            w->why = "too many files in the assets directories";
            closedir(d);
            return -1;
        }

        if (*n == cap) {
            cap = cap ? 2 * cap : 16;
            grown = page_arena_realloc(w->arena, list,
                                       *n * sizeof(char *),
                                       cap * sizeof(char *));
            if (grown == NULL) {
                closedir(d);
                w->why = "out of memory";
                return -1;
            }
            list = grown;
        }

        list[*n] = page_arena_strndup(w->arena, e->d_name,
                                      strlen(e->d_name));
        if (list[*n] == NULL) {
            closedir(d);
            w->why = "out of memory";
            return -1;
        }
        (*n)++;
    }

    closedir(d);

    if (*n > 1) {
        qsort(list, *n, sizeof(char *), page_assets_name_cmp);
    }

    *names = list;

    return 0;
}


static int
page_assets_walk(page_assets_walk_t *w, const char *dir, const char *rel,
    size_t rel_len, size_t depth)
{
    size_t        i, n, len, name_len;
    char        **names, *path, *name, *real;
    struct stat   sb;

    if (depth > PAGE_ASSETS_MAX_DEPTH) {
        return 0;                       /* a loop of links: stop here */
    }

    if (page_assets_list(w, dir, &names, &n) != 0) {
        return -1;
    }

    for (i = 0; i < n; i++) {
        len = strlen(names[i]);
        path = page_assets_join(w->arena, dir, strlen(dir), names[i], len);
        name = rel_len ? page_assets_join(w->arena, rel, rel_len, names[i],
                                          len)
                       : names[i];
        name_len = rel_len ? rel_len + 1 + len : len;

        if (path == NULL || name == NULL || lstat(path, &sb) != 0) {
            continue;
        }

        if (S_ISLNK(sb.st_mode)) {
            real = page_assets_real(w->arena, path);
            if (real == NULL
                || !page_assets_inside(w->root, w->root_len, real)
                || stat(real, &sb) != 0 || S_ISDIR(sb.st_mode))
            {
                continue;               /* outside, broken, or a linked */
            }                           /* directory: never walked */
            path = real;
        }

        if (S_ISDIR(sb.st_mode)) {
            /* without "**", no need to go deeper than the pattern */
            if (!w->deep && depth + 1 > w->levels) {
                continue;
            }
            if (page_assets_walk(w, path, name, name_len, depth + 1) != 0) {
                return -1;
            }
            continue;
        }

        if (S_ISREG(sb.st_mode)
            && page_glob_match(w->pattern, w->plen, name, name_len)
            && page_assets_hit(w, name, name_len, path,
                               (uint64_t) sb.st_size) != 0)
        {
            return -1;
        }
    }

    return 0;
}


int
page_assets_match(page_arena_t *a, const char *const *dirs,
    size_t ndirs, const char *pattern, size_t plen, int first,
    page_asset_t **out, size_t *n, const char **why)
{
    size_t               i, j;
    char                *p;
    page_asset_t        *list;
    page_assets_walk_t   w;

    *out = NULL;
    *n = 0;

    memset(&w, 0, sizeof(w));
    w.arena = a;

    p = page_arena_strndup(a, pattern, plen);
    if (p == NULL) {
        *why = "out of memory";
        return -1;
    }

    w.pattern = p;
    w.plen = page_glob_normalize(p, plen);
    w.deep = strstr(p, "**") != NULL;

    if (w.plen == 0) {
        return 0;                       /* Hugo: an empty pattern, none */
    }

    for (i = 0; i < w.plen; i++) {
        w.levels += p[i] == '/';
    }

    for (i = 0; i < ndirs; i++) {
        w.root = page_assets_real(a, dirs[i]);
        if (w.root == NULL) {
            continue;
        }
        w.root_len = strlen(w.root);
        w.dir = i;

        if (page_assets_walk(&w, w.root, "", 0, 0) != 0) {
            *why = w.why;
            return -1;
        }
    }

    if (w.nhits == 0) {
        return 0;
    }

    qsort(w.hits, w.nhits, sizeof(page_assets_hit_t), page_assets_hit_cmp);

    list = page_arena_alloc(a, w.nhits * sizeof(page_asset_t));
    if (list == NULL) {
        *why = "out of memory";
        return -1;
    }

    /* a name in an earlier directory hides the same name in later ones */

    for (i = 0, j = 0; i < w.nhits && (!first || j == 0); i++) {
        if (j > 0 && list[j - 1].name_len == w.hits[i].asset.name_len
            && memcmp(list[j - 1].name, w.hits[i].asset.name,
                      list[j - 1].name_len) == 0)
        {
            continue;
        }
        list[j++] = w.hits[i].asset;
    }

    *out = list;
    *n = j;

    return 0;
}
