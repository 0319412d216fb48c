/*
 * page_site_datadir: the site's data tree (.Site.Data) as Hugo builds it
 * (hugolib's loadData and handleDataFile): the data/ directory of the
 * site, then of each theme, walked in name order; a file's directories
 * are nested maps, its name without the extension is its key, its text
 * is decoded by its extension as transform.Unmarshal decodes it (YAML,
 * JSON, TOML, XML; CSV as a list of rows, which Hugo refuses).  The
 * first value for a key wins: the site's over a theme's, a directory's
 * over a file of the same name; a map from a later file only adds the
 * keys that are not there yet (one level, as Hugo merges), a list
 * never merges.  The tree lives in the index's arena, made on the
 * first use after each build.
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "page_io.h"
#include "page_site_datadir.h"
#include "page_site_int.h"
#include "page_unmarshal.h"

/* Longest error line kept. */
#define PAGE_SITE_DATA_ERR_SIZE  1024

typedef struct {
    page_value_t  *data;
    const char    *error;
} page_datadir_t;

typedef struct {
    page_site_t   *s;
    page_arena_t  *a;
    size_t         files;
    size_t         total;
    char           err[PAGE_SITE_DATA_ERR_SIZE];
} page_datadir_walk_t;


static int
page_datadir_fail(page_datadir_walk_t *w, const char *path, unsigned line,
    unsigned col, const char *msg)
{
    snprintf(w->err, sizeof(w->err),
             "failed to load data: \"%.300s/%.300s:%u:%u\": %.300s",
             w->s->root, path, line ? line : 1, col ? col : 1, msg);
    return -1;
}


static int
page_datadir_cmp(const void *x, const void *y)
{
    return strcmp(*(const char *const *) x, *(const char *const *) y);
}


/* Read the file name (at dfd) whole, up to the limits. */
static int
page_datadir_read(page_datadir_walk_t *w, int dfd, const char *name,
    const char *path, char **text, size_t *len)
{
    int          fd;
    char        *b;
    size_t       n;
    ssize_t      r;
    struct stat  sb;

    fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd == -1 || fstat(fd, &sb) != 0) {
        if (fd != -1) {
            close(fd);
        }
        return page_datadir_fail(w, path, 0, 0, strerror(errno));
    }

    if (sb.st_size > PAGE_SITE_DATA_MAX_FILE
        || w->total + (size_t) sb.st_size > PAGE_SITE_DATA_MAX_TOTAL)
    {
        close(fd);
        return page_datadir_fail(w, path, 0, 0, "file too large for the "
                                 "data tree (PAGE_SITE_DATA_MAX_FILE, "
                                 "PAGE_SITE_DATA_MAX_TOTAL)");
    }

    b = page_arena_alloc(&w->s->scratch, (size_t) sb.st_size + 1);
    if (b == NULL) {
        close(fd);
        return -2;
    }

    r = page_read_full(fd, b, (size_t) sb.st_size);
    n = r > 0 ? (size_t) r : 0;

    close(fd);

    b[n] = '\0';
    w->total += n;
    *text = b;
    *len = n;

    return 0;
}


/* handleDataFile: put v at key in current. */
static int
page_datadir_insert(page_datadir_walk_t *w, page_value_t *current,
    const char *key, size_t klen, page_value_t *v)
{
    size_t         i;
    page_value_t  *have;

    have = page_map_get(current, key, klen);

    if (have == NULL) {
        return page_map_set(w->a, current, key, klen, v);
    }

    if (v->type != PAGE_MAP || have->type != PAGE_MAP) {
        return 0;               /* Hugo: overridden by the data there */
    }

    for (i = 0; i < v->u.map.n; i++) {
        if (page_map_get(have, v->u.map.items[i].key.data,
                         v->u.map.items[i].key.len) == NULL
            && page_map_set(w->a, have, v->u.map.items[i].key.data,
                            v->u.map.items[i].key.len,
                            v->u.map.items[i].value) != 0)
        {
            return -1;
        }
    }

    return 0;
}


static int
page_datadir_file(page_datadir_walk_t *w, int dfd, const char *name,
    const char *path, page_value_t *current)
{
    int            rc;
    char          *text, msg[512];
    size_t         len, klen;
    unsigned       line, col;
    const char    *dot;
    page_value_t  *v;

    if (++w->files > PAGE_SITE_DATA_MAX_FILES) {
        return page_datadir_fail(w, path, 0, 0, "too many data files "
                                 "(PAGE_SITE_DATA_MAX_FILES)");
    }

    rc = page_datadir_read(w, dfd, name, path, &text, &len);
    if (rc != 0) {
        return rc;
    }

    rc = page_unmarshal_file(w->a, name, text, len, &v, msg, sizeof(msg),
                             &line, &col);
    if (rc == -2) {
        return -2;
    }
    if (rc != 0) {
        return page_datadir_fail(w, path, line, col, msg);
    }

    dot = strrchr(name, '.');
    klen = dot ? (size_t) (dot - name) : strlen(name);

    return page_datadir_insert(w, current, name, klen, v) == 0 ? 0 : -2;
}


/* Walk the directory dfd (path under the site) into the map current. */
static int
page_datadir_tree(page_datadir_walk_t *w, int dfd, const char *path,
    page_value_t *current, unsigned depth)
{
    int            rc, cfd;
    DIR           *d;
    char           sub[PAGE_SITE_MAX_PATH];
    char         **names;
    size_t         n, cap, i, nlen;
    struct stat    sb;
    page_value_t  *m;
    struct dirent *e;

    d = fdopendir(dfd);
    if (d == NULL) {
        close(dfd);
        return 0;
    }

    /* the names, sorted: Hugo's walk is in lexical order */

    names = NULL;
    n = 0;
    cap = 0;
    rc = 0;

    while ((e = readdir(d)) != NULL) {
        nlen = strlen(e->d_name);
        if (e->d_name[0] == '.' || e->d_name[nlen - 1] == '~'
            || e->d_name[0] == '#')
        {
            continue;           /* hidden files, editors' backups */
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            names = page_arena_realloc(&w->s->scratch, names,
                                       n * sizeof(char *),
                                       cap * sizeof(char *));
            if (names == NULL) {
                closedir(d);
                return -2;
            }
        }
        names[n] = page_arena_strndup(&w->s->scratch, e->d_name, nlen);
        if (names[n] == NULL) {
            closedir(d);
            return -2;
        }
        n++;
    }

    if (n > 1) {
        qsort(names, n, sizeof(char *), page_datadir_cmp);
    }

    for (i = 0; i < n && rc == 0; i++) {
        if (strlen(path) + strlen(names[i]) + 2 > sizeof(sub)
            || fstatat(dfd, names[i], &sb, AT_SYMLINK_NOFOLLOW) != 0)
        {
            continue;
        }

        snprintf(sub, sizeof(sub), "%s/%s", path, names[i]);

        if (S_ISREG(sb.st_mode)) {
            rc = page_datadir_file(w, dfd, names[i], sub, current);
            continue;
        }

        if (!S_ISDIR(sb.st_mode) || depth + 1 >= PAGE_SITE_MAX_DEPTH) {
            continue;           /* links are not followed out of data/ */
        }

        m = page_map_gets(current, names[i]);
        if (m == NULL) {
            m = page_value_map(w->a);
            if (m == NULL
                || page_map_set(w->a, current, names[i], strlen(names[i]),
                                m) != 0)
            {
                rc = -2;
                break;
            }
        } else if (m->type != PAGE_MAP) {
            continue;           /* a file's value is there: it wins */
        }

        cfd = openat(dfd, names[i],
                     O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (cfd != -1) {
            rc = page_datadir_tree(w, cfd, sub, m, depth + 1);
        }
    }

    closedir(d);

    return rc;
}


static int
page_datadir_load(page_site_t *s, page_datadir_t *dd)
{
    int                  fd, rc;
    char                 dir[PAGE_SITE_MAX_PATH];
    char                 full[PAGE_SITE_MAX_PATH * 2];
    size_t               t;
    page_datadir_walk_t  w;

    memset(&w, 0, sizeof(w));
    w.s = s;
    w.a = &s->arena;

    dd->data = page_value_map(w.a);
    if (dd->data == NULL) {
        return -2;
    }

    rc = 0;

    for (t = 0; t <= s->cfg->nthemes && rc == 0; t++) {
        if (t == 0) {
            snprintf(dir, sizeof(dir), "data");
        } else {
            if (s->cfg->theme_list[t - 1][0] == '.'
                || strchr(s->cfg->theme_list[t - 1], '/') != NULL)
            {
                continue;       /* inside themes/ only */
            }
            snprintf(dir, sizeof(dir), "themes/%s/data",
                     s->cfg->theme_list[t - 1]);
        }

        snprintf(full, sizeof(full), "%s/%s", s->root, dir);

        fd = open(full, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd == -1) {
            continue;
        }

        rc = page_datadir_tree(&w, fd, dir, dd->data, 0);
    }

    page_arena_free(&s->scratch);
    page_arena_init(&s->scratch, 0);

    if (rc == -2) {
        snprintf(w.err, sizeof(w.err), "failed to load data: out of "
                 "memory");
    }

    if (rc != 0) {
        dd->error = page_site_strdup(s, w.err, strlen(w.err));
        dd->data = NULL;
        return dd->error != NULL ? -1 : -2;
    }

    return 0;
}


int
page_site_datadir(page_site_t *s, page_value_t **data, const char **error)
{
    page_datadir_t  *dd;

    dd = s->datadir;

    if (dd == NULL) {
        dd = page_arena_alloc(&s->arena, sizeof(page_datadir_t));
        if (dd == NULL) {
            *error = "failed to load data: out of memory";
            return -1;
        }

        memset(dd, 0, sizeof(page_datadir_t));

        if (page_datadir_load(s, dd) == -2) {
            *error = "failed to load data: out of memory";
            return -1;          /* not kept: try again next time */
        }

        s->datadir = dd;
    }

    *data = dd->data;
    *error = dd->error;

    return dd->data != NULL ? 0 : -1;
}


int
page_site_datadir_value(page_tpl_state_t *st, page_site_t *s,
    page_value_t **res)
{
    const char  *error;

    if (page_site_datadir(s, res, &error) != 0) {
        return page_tpl_fail(st, "%s", error);
    }

    return 0;
}
