/*
 * page_config: finding, reading and merging a Hugo project's
 * configuration files, and the typed view of it with Hugo's defaults
 * (see page_config.h).  YAML and JSON files go through the front matter
 * parser (page_front.h); TOML waits for the TOML parser (one place:
 * page_config_parse).
 *
 * Files are opened only inside the site directory: a configuration file
 * whose real path is outside it (a symbolic link) is not read.
 */

#define _XOPEN_SOURCE  700          /* realpath */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "page_io.h"
#include "page_config.h"
#include "page_toml.h"
#include "page_front.h"


/* Extensions of configuration files, in the order Hugo tries them. */
static const char  *const page_config_exts[] = {
    "toml", "yaml", "yml", "json", NULL
};


static char *
page_config_join(page_arena_t *a, const char *dir, const char *name)
{
    size_t  dl, nl;
    char   *p;

    dl = strlen(dir);
    nl = strlen(name);

    if (dl + nl + 2 > PAGE_CONFIG_MAX_PATH) {
        return NULL;
    }

    p = page_arena_alloc(a, dl + nl + 2);
    if (p == NULL) {
        return NULL;
    }

    memcpy(p, dir, dl);
    p[dl] = '/';
    memcpy(p + dl + 1, name, nl + 1);

    return p;
}


/* Is the real path of p inside the real path root (root_len bytes). */
static int
page_config_inside(const char *root, size_t root_len, const char *p)
{
    char  buf[PATH_MAX];

    if (realpath(p, buf) == NULL) {
        return 0;
    }

    return strncmp(buf, root, root_len) == 0
           && (buf[root_len] == '/' || buf[root_len] == '\0'
               || root_len == 1);
}


static int
page_config_is_file(const char *p)
{
    struct stat  sb;

    return stat(p, &sb) == 0 && S_ISREG(sb.st_mode);
}


/*
 * The front matter parser's messages say "front matter": a
 * configuration file is not one ("invalid YAML configuration: ...").
 */
static void
page_config_reword(page_error_t *err)
{
    char        *p;
    size_t       n;
    const char  *from, *to;

    from = " front matter";
    to = " configuration";

    p = strstr(err->msg, from);
    if (p == NULL) {
        return;
    }

    n = strlen(p + strlen(from));
    if ((size_t) (p - err->msg) + strlen(to) + n + 1 > sizeof(err->msg)) {
        return;
    }

    memmove(p + strlen(to), p + strlen(from), n + 1);
    memcpy(p, to, strlen(to));
}


/*
 * Parse the configuration file path (its text in buf) into *out, a map.
 * The only place that knows which formats are supported.
 */
static int
page_config_parse(page_arena_t *a, const char *path, const char *ext,
    const char *buf, size_t len, page_value_t **out, page_error_t *err)
{
    int                rc;
    page_front_t       fm;
    page_toml_error_t  terr;

    if (strcasecmp(ext, "toml") == 0) {
        /* keys lower-cased as the YAML and JSON paths do */
        memset(&terr, 0, sizeof(terr));
        rc = page_toml_parse(a, buf, len, PAGE_TOML_LOWER, out, &terr);
        if (rc == -2) {
            page_error_set(err, PAGE_ERR_NOMEM, path, 0, 0, "out of memory");
            return -1;
        }
        if (rc != 0) {
            page_error_set(err, PAGE_ERR_CONTENT, path, terr.line, terr.col,
                           "failed to parse the configuration: toml: %s",
                           terr.msg);
            return -1;
        }
        return 0;
    }

    memset(&fm, 0, sizeof(fm));
    fm.front = len ? buf : NULL;
    fm.front_len = len;
    fm.front_line = 1;
    fm.front_col = 1;
    fm.json = strcasecmp(ext, "json") == 0;

    if (page_front_parse(a, &fm, path, out, err) != 0) {
        page_config_reword(err);
        return -1;
    }

    return 0;
}


/* Read and parse one file (under the root, at most the size limit). */
static int
page_config_read(page_arena_t *a, page_config_t *cfg, const char *root,
    size_t root_len, const char *path, const char *ext, page_value_t **out,
    page_error_t *err)
{
    int           fd, rc;
    char         *buf;
    size_t        len;
    ssize_t       n;
    struct stat   sb;

    if (!page_config_inside(root, root_len, path)) {
        page_error_set(err, PAGE_ERR_CONTENT, path, 0, 0,
                       "configuration file is outside the site directory");
        return -1;
    }

    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd == -1 || fstat(fd, &sb) != 0) {
        page_error_set(err, PAGE_ERR_CONTENT, path, 0, 0,
                       "cannot read the configuration: %s", strerror(errno));
        if (fd != -1) {
            close(fd);
        }
        return -1;
    }

    if (sb.st_size > PAGE_CONFIG_MAX_SIZE) {
        close(fd);
        page_error_set(err, PAGE_ERR_LIMIT, path, 0, 0,
                       "configuration file larger than %d bytes",
                       PAGE_CONFIG_MAX_SIZE);
        return -1;
    }

    buf = page_arena_alloc(a, (size_t) sb.st_size + 1);
    if (buf == NULL) {
        close(fd);
        page_error_nomem(err, path);
        return -1;
    }

    n = page_read_full(fd, buf, (size_t) sb.st_size);
    len = n > 0 ? (size_t) n : 0;

    close(fd);
    buf[len] = '\0';

    if (cfg->nfiles < PAGE_CONFIG_MAX_FILES) {
        cfg->files[cfg->nfiles++] = path;
    }

    rc = page_config_parse(a, path, ext, buf, len, out, err);

    return rc;
}


/* The first of base.toml|yaml|yml|json in dir, or NULL. */
static char *
page_config_find(page_arena_t *a, const char *dir, const char *base,
    const char **ext)
{
    size_t  i;
    char    name[64];
    char   *p;

    for (i = 0; page_config_exts[i] != NULL; i++) {
        memcpy(name, base, strlen(base));
        name[strlen(base)] = '.';
        strcpy(name + strlen(base) + 1, page_config_exts[i]);

        p = page_config_join(a, dir, name);

        if (p != NULL && page_config_is_file(p)) {
            *ext = page_config_exts[i];
            return p;
        }
    }

    return NULL;
}


int
page_config_merge(page_arena_t *a, page_value_t *dst, const page_value_t *src)
{
    size_t         i;
    page_pair_t   *kv;
    page_value_t  *old;

    if (src == NULL || src->type != PAGE_MAP) {
        return 0;
    }

    for (i = 0; i < src->u.map.n; i++) {
        kv = &src->u.map.items[i];
        old = page_map_get(dst, kv->key.data, kv->key.len);

        if (old != NULL && old->type == PAGE_MAP
            && kv->value->type == PAGE_MAP)
        {
            if (page_config_merge(a, old, kv->value) != 0) {
                return -1;
            }
            continue;
        }

        if (page_map_set(a, dst, kv->key.data, kv->key.len, kv->value) != 0) {
            return -1;
        }
    }

    return 0;
}


/* dst[key] as a map, made when missing (or replaced when not a map). */
static page_value_t *
page_config_submap(page_arena_t *a, page_value_t *dst, const char *key,
    size_t len)
{
    page_value_t  *m;

    m = page_map_get(dst, key, len);
    if (m != NULL && m->type == PAGE_MAP) {
        return m;
    }

    m = page_value_map(a);
    if (m == NULL || page_map_set(a, dst, key, len, m) != 0) {
        return NULL;
    }

    return m;
}


static int
page_config_name_cmp(const void *x, const void *y)
{
    return strcmp(*(char *const *) x, *(char *const *) y);
}


/*
 * Merge the files of one config directory over root: hugo.* and
 * config.* at the top, KEY.ext under KEY, KEY.LANG.ext under
 * languages.LANG.KEY (menus.fr.yaml).  Files in name order.
 */
static int
page_config_dir(page_arena_t *a, page_config_t *cfg, const char *root,
    size_t root_len, const char *dir, page_value_t *merged,
    page_error_t *err)
{
    DIR            *d;
    char           *names[PAGE_CONFIG_MAX_FILES], *path, *dot, *dot2, *ext;
    size_t          n, i, len;
    page_value_t   *v, *at;
    struct dirent  *e;

    d = opendir(dir);
    if (d == NULL) {
        return 0;
    }

    n = 0;

    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') {
            continue;
        }

        dot = strrchr(e->d_name, '.');
        if (dot == NULL) {
            continue;
        }

        for (i = 0; page_config_exts[i] != NULL; i++) {
            if (strcasecmp(dot + 1, page_config_exts[i]) == 0) {
                break;
            }
        }

        if (page_config_exts[i] == NULL) {
            continue;
        }

        if (n == PAGE_CONFIG_MAX_FILES) {
            closedir(d);
            page_error_set(err, PAGE_ERR_LIMIT, dir, 0, 0,
                           "more than %d configuration files",
                           PAGE_CONFIG_MAX_FILES);
            return -1;
        }

        names[n] = page_arena_strndup(a, e->d_name, strlen(e->d_name));
        if (names[n] == NULL) {
            closedir(d);
            page_error_nomem(err, dir);
            return -1;
        }
        n++;
    }

    closedir(d);

    qsort(names, n, sizeof(char *), page_config_name_cmp);

    for (i = 0; i < n; i++) {
        path = page_config_join(a, dir, names[i]);
        if (path == NULL) {
            page_error_nomem(err, dir);
            return -1;
        }

        if (!page_config_is_file(path)) {
            continue;
        }

        dot = strrchr(names[i], '.');
        ext = dot + 1;
        *dot = '\0';

        if (page_config_read(a, cfg, root, root_len, path, ext, &v, err)
            != 0)
        {
            return -1;
        }

        /* names[i] is now "params" or "menus.fr": lower-case it */

        for (len = 0; names[i][len] != '\0'; len++) {
            if (names[i][len] >= 'A' && names[i][len] <= 'Z') {
                names[i][len] += 'a' - 'A';
            }
        }

        if (strcmp(names[i], "hugo") == 0 || strcmp(names[i], "config") == 0)
        {
            at = merged;

        } else {
            dot2 = strchr(names[i], '.');

            if (dot2 != NULL) {
                at = page_config_submap(a, merged, "languages", 9);
                at = at ? page_config_submap(a, at, dot2 + 1,
                                             strlen(dot2 + 1))
                        : NULL;
                len = (size_t) (dot2 - names[i]);

            } else {
                at = merged;
                len = strlen(names[i]);
            }

            at = at ? page_config_submap(a, at, names[i], len) : NULL;
        }

        if (at == NULL || page_config_merge(a, at, v) != 0) {
            page_error_nomem(err, path);
            return -1;
        }
    }

    return 0;
}


/*
 * Merge the configuration of one project directory (the site's, or a
 * theme's) over merged: hugo.* (else config.*), then config/_default/,
 * then config/<env>/.
 */
static int
page_config_project(page_arena_t *a, page_config_t *cfg, const char *root,
    size_t root_len, const char *top, const char *env, page_value_t *merged,
    page_error_t *err)
{
    char          *path, *cdir, *dir;
    const char    *ext;
    page_value_t  *v;

    path = page_config_find(a, top, "hugo", &ext);
    if (path == NULL) {
        path = page_config_find(a, top, "config", &ext);
    }

    if (path != NULL) {
        if (page_config_read(a, cfg, root, root_len, path, ext, &v, err)
            != 0)
        {
            return -1;
        }

        if (page_config_merge(a, merged, v) != 0) {
            page_error_nomem(err, path);
            return -1;
        }
    }

    /* configDir, as Hugo's --configDir default: "config" */

    cdir = page_config_join(a, top, "config");
    dir = cdir ? page_config_join(a, cdir, "_default") : NULL;

    if (dir == NULL) {
        page_error_nomem(err, top);
        return -1;
    }

    if (page_config_dir(a, cfg, root, root_len, dir, merged, err) != 0) {
        return -1;
    }

    if (strchr(env, '/') == NULL && strcmp(env, "..") != 0
        && strcmp(env, ".") != 0)
    {
        dir = page_config_join(a, cdir, env);
        if (dir == NULL) {
            page_error_nomem(err, top);
            return -1;
        }

        if (page_config_dir(a, cfg, root, root_len, dir, merged, err) != 0) {
            return -1;
        }
    }

    return 0;
}


/*
 * Keys of src that dst lacks, added to dst; with deep, maps present in
 * both are completed the same way (Hugo's "deep" merge of a theme's
 * params: the site's values win at every level), else a key dst has is
 * left alone ("shallow": a menu the site defines is the site's).
 */
static int
page_config_defaults(page_arena_t *a, page_value_t *dst,
    const page_value_t *src, int deep)
{
    size_t         i;
    page_pair_t   *kv;
    page_value_t  *old;

    if (src == NULL || src->type != PAGE_MAP || dst == NULL
        || dst->type != PAGE_MAP)
    {
        return 0;
    }

    for (i = 0; i < src->u.map.n; i++) {
        kv = &src->u.map.items[i];
        old = page_map_get(dst, kv->key.data, kv->key.len);

        if (old == NULL) {
            if (page_map_set(a, dst, kv->key.data, kv->key.len, kv->value)
                != 0)
            {
                return -1;
            }

        } else if (deep && old->type == PAGE_MAP
                   && kv->value->type == PAGE_MAP)
        {
            if (page_config_defaults(a, old, kv->value, 1) != 0) {
                return -1;
            }
        }
    }

    return 0;
}


/* The menus map of a configuration: "menus", or Hugo's alias "menu". */
static page_value_t *
page_config_menus_of(page_value_t *conf)
{
    page_value_t  *m;

    m = page_map_gets(conf, "menus");

    return m != NULL ? m : page_map_gets(conf, "menu");
}


/*
 * What a theme's configuration may give the site, as Hugo merges it by
 * default: params deeply, menus by name, the same for each language the
 * site has, output formats and media types by name.  Anything else a
 * theme sets (title, baseURL, ...) is not the theme's to set.
 */
static int
page_config_theme_merge(page_arena_t *a, page_value_t *merged,
    page_value_t *theme)
{
    size_t         i;
    page_value_t  *sl, *tl, *sm, *tm;

    static const char  *by_name[] = { "outputformats", "mediatypes", NULL };

    if (page_config_defaults(a, page_config_submap(a, merged, "params", 6),
                             page_map_gets(theme, "params"), 1)
        != 0)
    {
        return -1;
    }

    tm = page_config_menus_of(theme);
    if (tm != NULL) {
        sm = page_config_menus_of(merged);
        if (sm == NULL) {
            sm = page_config_submap(a, merged, "menus", 5);
        }

        if (page_config_defaults(a, sm, tm, 0) != 0) {
            return -1;
        }
    }

    for (i = 0; by_name[i] != NULL; i++) {
        tm = page_map_gets(theme, by_name[i]);
        if (tm != NULL
            && page_config_defaults(a,
                                    page_config_submap(a, merged, by_name[i],
                                                       strlen(by_name[i])),
                                    tm, 0)
               != 0)
        {
            return -1;
        }
    }

    sl = page_map_gets(merged, "languages");
    tl = page_map_gets(theme, "languages");

    if (sl == NULL || sl->type != PAGE_MAP || tl == NULL
        || tl->type != PAGE_MAP)
    {
        return 0;
    }

    for (i = 0; i < tl->u.map.n; i++) {
        sm = page_map_get(sl, tl->u.map.items[i].key.data,
                          tl->u.map.items[i].key.len);
        tm = tl->u.map.items[i].value;

        if (sm == NULL || sm->type != PAGE_MAP || tm->type != PAGE_MAP) {
            continue;       /* a language the site does not have */
        }

        if (page_map_gets(tm, "params") != NULL
            && page_config_defaults(a,
                                    page_config_submap(a, sm, "params", 6),
                                    page_map_gets(tm, "params"), 1)
               != 0)
        {
            return -1;
        }

        if (page_config_menus_of(tm) != NULL
            && page_config_defaults(a,
                                    page_config_menus_of(sm) != NULL
                                    ? page_config_menus_of(sm)
                                    : page_config_submap(a, sm, "menus", 5),
                                    page_config_menus_of(tm), 0)
               != 0)
        {
            return -1;
        }
    }

    return 0;
}


/*
 * Each theme's configuration (themes/NAME/, the first theme first, so
 * that it wins over the next), completing the site's.  A theme's own
 * "theme" (theme components of a theme) is not followed.
 */
static int
page_config_themes(page_arena_t *a, page_config_t *cfg, const char *site,
    const char *root, size_t root_len, const char *env, page_value_t *merged,
    page_error_t *err)
{
    size_t         i, n;
    const char    *names[8];
    char          *dir;
    page_value_t  *v, *theme;

    v = page_map_gets(merged, "theme");
    n = 0;

    if (v != NULL && page_value_is_string(v) && v->u.s.len > 0) {
        names[n++] = v->u.s.data;

    } else if (v != NULL && v->type == PAGE_LIST) {
        for (i = 0; i < v->u.list.n && n < 8; i++) {
            if (page_value_is_string(v->u.list.items[i])) {
                names[n++] = v->u.list.items[i]->u.s.data;
            }
        }
    }

    for (i = 0; i < n; i++) {
        if (names[i][0] == '\0' || names[i][0] == '.'
            || strchr(names[i], '/') != NULL)
        {
            continue;       /* not a directory name under themes/ */
        }

        dir = page_config_join(a, site, "themes");
        dir = dir ? page_config_join(a, dir, names[i]) : NULL;
        theme = page_value_map(a);

        if (dir == NULL || theme == NULL) {
            page_error_nomem(err, site);
            return -1;
        }

        if (page_config_project(a, cfg, root, root_len, dir, env, theme, err)
            != 0)
        {
            return -1;
        }

        if (page_config_theme_merge(a, merged, theme) != 0) {
            page_error_nomem(err, dir);
            return -1;
        }
    }

    return 0;
}


/* Read every file of the project, merged, into *out. */
static int
page_config_files(page_arena_t *a, page_config_t *cfg, const char *site,
    const char *env, page_value_t **out, page_error_t *err)
{
    char           root[PATH_MAX];
    size_t         root_len;
    page_value_t  *merged;

    if (realpath(site, root) == NULL) {
        page_error_set(err, PAGE_ERR_CONTENT, site, 0, 0,
                       "the site directory cannot be opened: %s",
                       strerror(errno));
        return -1;
    }

    root_len = strlen(root);

    merged = page_value_map(a);
    if (merged == NULL) {
        page_error_nomem(err, site);
        return -1;
    }

    if (page_config_project(a, cfg, root, root_len, site, env, merged, err)
        != 0
        || page_config_themes(a, cfg, site, root, root_len, env, merged, err)
           != 0)
    {
        return -1;
    }

    *out = merged;

    return 0;
}


/* A string setting (a string value; numbers and bools are not). */
static const char *
page_config_str(const page_value_t *map, const char *key, const char *dflt)
{
    page_value_t  *v;

    v = page_map_gets(map, key);

    if (v != NULL && page_value_is_string(v)) {
        return v->u.s.data;
    }

    return dflt;
}


/* Hugo's cast.ToBool of a setting. */
static int
page_config_bool(const page_value_t *map, const char *key, int dflt)
{
    page_value_t  *v;

    v = page_map_gets(map, key);
    if (v == NULL) {
        return dflt;
    }

    switch (v->type) {

    case PAGE_BOOL:
        return v->u.b;

    case PAGE_INT:
        return v->u.i != 0;

    case PAGE_STRING:
        return strcmp(v->u.s.data, "true") == 0
               || strcmp(v->u.s.data, "1") == 0
               || strcasecmp(v->u.s.data, "t") == 0;

    default:
        return dflt;
    }
}


static int64_t
page_config_int(const page_value_t *map, const char *key, int64_t dflt)
{
    char          *end;
    int64_t        i;
    page_value_t  *v;

    v = page_map_gets(map, key);
    if (v == NULL) {
        return dflt;
    }

    switch (v->type) {

    case PAGE_INT:
        return v->u.i;

    case PAGE_FLOAT:
        return (int64_t) v->u.f;

    case PAGE_STRING:
        i = strtoll(v->u.s.data, &end, 10);
        return (*end == '\0' && end != v->u.s.data) ? i : dflt;

    default:
        return dflt;
    }
}


static page_value_t *
page_config_map(page_arena_t *a, const page_value_t *map, const char *key)
{
    page_value_t  *v;

    v = page_map_gets(map, key);
    if (v != NULL && v->type == PAGE_MAP) {
        return v;
    }

    return page_value_map(a);
}


/* A lower-cased copy of s. */
static const char *
page_config_lower(page_arena_t *a, const char *s)
{
    size_t  i, len;
    char   *p;

    len = strlen(s);
    p = page_arena_strndup(a, s, len);

    for (i = 0; p != NULL && i < len; i++) {
        if (p[i] >= 'A' && p[i] <= 'Z') {
            p[i] += 'a' - 'A';
        }
    }

    return p;
}


/* "https://example.org/blog" -> "/blog/"; "" or "/" -> "/". */
static const char *
page_config_base_path(page_arena_t *a, const char *url)
{
    size_t       len;
    char        *p;
    const char  *s, *q;

    s = strstr(url, "://");
    s = s ? strchr(s + 3, '/') : (url[0] == '/' ? url : NULL);

    if (s == NULL) {
        return "/";
    }

    q = s + strcspn(s, "?#");
    len = (size_t) (q - s);

    p = page_arena_alloc(a, len + 2);
    if (p == NULL) {
        return NULL;
    }

    memcpy(p, s, len);

    if (len == 0 || p[len - 1] != '/') {
        p[len++] = '/';
    }

    p[len] = '\0';

    return p;
}


/*
 * Taxonomies from the map t (NULL or not a map: Hugo's defaults) into
 * out, at most PAGE_CONFIG_MAX_TAXONOMIES.
 */
static int
page_config_tax_list(page_arena_t *a, const page_value_t *t,
    page_config_taxonomy_t *out, size_t *n, page_error_t *err)
{
    size_t        i;
    page_pair_t  *kv;

    *n = 0;

    if (t == NULL || t->type != PAGE_MAP) {
        /* Hugo's defaults */
        out[0].singular = "category";
        out[0].plural = "categories";
        out[1].singular = "tag";
        out[1].plural = "tags";
        *n = 2;
        return 0;
    }

    for (i = 0; i < t->u.map.n; i++) {
        kv = &t->u.map.items[i];

        if (!page_value_is_string(kv->value) || kv->value->u.s.len == 0) {
            continue;
        }

        if (*n == PAGE_CONFIG_MAX_TAXONOMIES) {
            page_error_set(err, PAGE_ERR_LIMIT, "config", 0, 0,
                           "more than %d taxonomies",
                           PAGE_CONFIG_MAX_TAXONOMIES);
            return -1;
        }

        out[*n].singular = kv->key.data;
        out[*n].plural = page_config_lower(a, kv->value->u.s.data);

        if (out[*n].plural == NULL) {
            page_error_nomem(err, "config");
            return -1;
        }

        (*n)++;
    }

    return 0;
}


static int
page_config_taxonomies(page_arena_t *a, page_config_t *cfg,
    page_error_t *err)
{
    return page_config_tax_list(a, page_map_gets(cfg->root, "taxonomies"),
                                cfg->taxonomies, &cfg->ntaxonomies, err);
}


static void
page_config_disable_kinds(page_config_t *cfg)
{
    size_t         i, j;
    page_value_t  *v, *k;

    static const struct {
        const char  *name;
        unsigned     bit;
    } kinds[] = {
        { "home", PAGE_CONFIG_NO_HOME },
        { "page", PAGE_CONFIG_NO_PAGE },
        { "section", PAGE_CONFIG_NO_SECTION },
        { "taxonomy", PAGE_CONFIG_NO_TAXONOMY },
        { "taxonomyterm", PAGE_CONFIG_NO_TAXONOMY },    /* before 0.73 */
        { "term", PAGE_CONFIG_NO_TERM },
        { "rss", PAGE_CONFIG_NO_RSS },
        { "sitemap", PAGE_CONFIG_NO_SITEMAP },
        { "robotstxt", PAGE_CONFIG_NO_ROBOTS },
        { "404", PAGE_CONFIG_NO_404 },
        { NULL, 0 }
    };

    v = page_map_gets(cfg->root, "disablekinds");
    if (v == NULL || v->type != PAGE_LIST) {
        return;
    }

    for (i = 0; i < v->u.list.n; i++) {
        k = v->u.list.items[i];

        if (!page_value_is_string(k)) {
            continue;
        }

        for (j = 0; kinds[j].name != NULL; j++) {
            if (strcasecmp(k->u.s.data, kinds[j].name) == 0) {
                cfg->disable_kinds |= kinds[j].bit;
            }
        }
    }
}


static int
page_config_lang_cmp(const void *x, const void *y)
{
    const page_config_lang_t  *l1 = x, *l2 = y;

    /* Hugo: by weight, a weight of 0 last; then by language code */

    if (l1->weight != l2->weight) {
        if (l1->weight == 0) {
            return 1;
        }
        if (l2->weight == 0) {
            return -1;
        }
        return l1->weight < l2->weight ? -1 : 1;
    }

    return strcmp(l1->lang, l2->lang);
}


/* Is lang listed in disableLanguages. */
static int
page_config_lang_off(const page_config_t *cfg, const char *lang)
{
    size_t         i;
    page_value_t  *v;

    v = page_map_gets(cfg->root, "disablelanguages");
    if (v == NULL || v->type != PAGE_LIST) {
        return 0;
    }

    for (i = 0; i < v->u.list.n; i++) {
        if (page_value_is_string(v->u.list.items[i])
            && strcasecmp(v->u.list.items[i]->u.s.data, lang) == 0)
        {
            return 1;
        }
    }

    return 0;
}


static int
page_config_lang_set(page_arena_t *a, page_config_t *cfg,
    page_config_lang_t *l, const char *lang, page_value_t *conf)
{
    size_t         i;
    page_value_t  *v;
    page_pair_t   *kv;
    page_error_t   terr;

    l->lang = page_config_lower(a, lang);
    l->config = conf;
    l->name = page_config_str(conf, "languagename", "");
    l->code = page_config_str(conf, "languagecode", NULL);
    l->direction = page_config_str(conf, "languagedirection", "");
    l->title = page_config_str(conf, "title", cfg->title);
    l->content_dir = page_config_str(conf, "contentdir", cfg->content_dir);
    l->weight = page_config_int(conf, "weight", 0);
    l->disabled = page_config_bool(conf, "disabled", 0)
                  || page_config_lang_off(cfg, lang);

    if (l->code == NULL) {
        l->code = cfg->language_code[0] ? cfg->language_code : l->lang;
    }

    /* taxonomies: its own (PaperMod's example site has them), else the
       site's */

    v = page_map_gets(conf, "taxonomies");
    page_error_init(&terr);

    if (v != NULL && v->type == PAGE_MAP) {
        l->taxonomies = page_arena_calloc(a, PAGE_CONFIG_MAX_TAXONOMIES,
                                          sizeof(page_config_taxonomy_t));
        if (l->taxonomies == NULL
            || page_config_tax_list(a, v, l->taxonomies, &l->ntaxonomies,
                                    &terr) != 0)
        {
            return -1;
        }

    } else {
        l->taxonomies = cfg->taxonomies;
        l->ntaxonomies = cfg->ntaxonomies;
    }

    /* params: the site's, the language's own over them */

    l->params = page_value_map(a);
    if (l->lang == NULL || l->params == NULL
        || page_config_merge(a, l->params, cfg->params) != 0
        || page_config_merge(a, l->params, page_map_gets(conf, "params"))
           != 0)
    {
        return -1;
    }

    /* menus: the site's, a menu of the language replacing one by name */

    l->menus = page_value_map(a);
    if (l->menus == NULL) {
        return -1;
    }

    for (i = 0; i < cfg->menus->u.map.n; i++) {
        kv = &cfg->menus->u.map.items[i];
        if (page_map_add(a, l->menus, kv->key.data, kv->key.len, kv->value)
            != 0)
        {
            return -1;
        }
    }

    v = page_map_gets(conf, "menus");
    if (v == NULL) {
        v = page_map_gets(conf, "menu");
    }

    if (v != NULL && v->type == PAGE_MAP) {
        for (i = 0; i < v->u.map.n; i++) {
            kv = &v->u.map.items[i];
            if (page_map_set(a, l->menus, kv->key.data, kv->key.len,
                             kv->value)
                != 0)
            {
                return -1;
            }
        }
    }

    return 0;
}


static int
page_config_langs(page_arena_t *a, page_config_t *cfg, page_error_t *err)
{
    size_t              i;
    page_value_t       *langs, *empty;
    page_pair_t        *kv;
    page_config_lang_t  l;

    langs = page_map_gets(cfg->root, "languages");
    cfg->nlangs = 0;

    if (langs != NULL && langs->type == PAGE_MAP) {
        for (i = 0; i < langs->u.map.n; i++) {
            kv = &langs->u.map.items[i];

            if (kv->value->type != PAGE_MAP) {
                continue;
            }

            memset(&l, 0, sizeof(l));

            if (page_config_lang_set(a, cfg, &l, kv->key.data, kv->value)
                != 0)
            {
                page_error_nomem(err, "config");
                return -1;
            }

            if (l.disabled && strcmp(l.lang, cfg->default_lang) != 0) {
                continue;
            }

            if (cfg->nlangs == PAGE_CONFIG_MAX_LANGS) {
                page_error_set(err, PAGE_ERR_LIMIT, cfg->nfiles
                               ? cfg->files[0] : "config", 0, 0,
                               "more than %d languages",
                               PAGE_CONFIG_MAX_LANGS);
                return -1;
            }

            cfg->langs[cfg->nlangs++] = l;
        }
    }

    /* the default language always exists (Hugo adds it when unlisted) */

    for (i = 0; i < cfg->nlangs; i++) {
        if (strcmp(cfg->langs[i].lang, cfg->default_lang) == 0) {
            break;
        }
    }

    if (i == cfg->nlangs) {
        if (cfg->nlangs > 0) {
            page_error_set(err, PAGE_ERR_CONTENT, cfg->nfiles
                           ? cfg->files[0] : "config", 0, 0,
                           "defaultContentLanguage \"%s\" is not in "
                           "languages", cfg->default_lang);
            return -1;
        }

        empty = page_value_map(a);
        memset(&l, 0, sizeof(l));

        if (empty == NULL
            || page_config_lang_set(a, cfg, &l, cfg->default_lang, empty)
               != 0)
        {
            page_error_nomem(err, "config");
            return -1;
        }

        cfg->langs[cfg->nlangs++] = l;
    }

    qsort(cfg->langs, cfg->nlangs, sizeof(page_config_lang_t),
          page_config_lang_cmp);

    for (i = 0; i < cfg->nlangs; i++) {
        if (strcmp(cfg->langs[i].lang, cfg->default_lang) == 0) {
            cfg->default_index = i;
        }
    }

    return 0;
}


static void
page_config_related_add(page_config_related_t *c, const char *name,
    int64_t weight, const char *pattern, int lower)
{
    if (c->n == PAGE_CONFIG_MAX_RELATED) {
        return;
    }

    c->idx[c->n].name = name;
    c->idx[c->n].weight = weight;
    c->idx[c->n].pattern = pattern;
    c->idx[c->n].lower = lower ? 1 : 0;
    c->n++;
}


/* related: the site's indices, else Hugo's default (taxonomies read). */
static void
page_config_related(page_config_t *cfg)
{
    size_t                  i;
    page_value_t           *r, *list, *m, *v;
    page_config_related_t  *c = &cfg->related_conf;

    memset(c, 0, sizeof(page_config_related_t));
    c->threshold = 80;
    r = cfg->related;

    if (r == NULL || r->type != PAGE_MAP || r->u.map.n == 0) {
        page_config_related_add(c, "keywords", 100, "", 0);
        page_config_related_add(c, "date", 10, "", 0);

        for (i = 0; i < cfg->ntaxonomies; i++) {
            if (strcmp(cfg->taxonomies[i].singular, "tag") == 0) {
                page_config_related_add(c, "tags", 80, "", 0);
                break;
            }
        }

    } else {
        c->threshold = page_config_int(r, "threshold", 0);
        c->include_newer = page_config_bool(r, "includenewer", 0);
        list = page_map_gets(r, "indices");

        for (i = 0; list != NULL && list->type == PAGE_LIST
                    && i < list->u.list.n; i++)
        {
            m = list->u.list.items[i];
            v = m->type == PAGE_MAP ? page_map_gets(m, "name") : NULL;

            if (v == NULL || !page_value_is_string(v)) {
                continue;
            }

            page_config_related_add(c, v->u.s.data,
                                    page_config_int(m, "weight", 0),
                                    page_config_str(m, "pattern", ""),
                                    page_config_bool(r, "tolower", 0)
                                    || page_config_bool(m, "tolower", 0));
        }
    }

    for (i = 0; i < c->n; i++) {
        if (c->idx[i].weight < c->min) {
            c->min = c->idx[i].weight;
        }
        if (c->idx[i].weight > c->max) {
            c->max = c->idx[i].weight;
        }
    }
}


static int
page_config_typed(page_arena_t *a, page_config_t *cfg, page_error_t *err)
{
    page_value_t  *r, *v, *p;
    size_t         i;

    r = cfg->root;

    cfg->base_url = page_config_str(r, "baseurl", "");
    cfg->base_path = page_config_base_path(a, cfg->base_url);
    cfg->title = page_config_str(r, "title", "");
    cfg->language_code = page_config_str(r, "languagecode", "");
    cfg->default_lang = page_config_lower(a,
                            page_config_str(r, "defaultcontentlanguage",
                                            "en"));
    cfg->content_dir = page_config_str(r, "contentdir", "content");

    if (cfg->base_path == NULL || cfg->default_lang == NULL) {
        page_error_nomem(err, "config");
        return -1;
    }

    v = page_map_gets(r, "theme");

    if (v != NULL && page_value_is_string(v) && v->u.s.len > 0) {
        cfg->theme_list[cfg->nthemes++] = v->u.s.data;

    } else if (v != NULL && v->type == PAGE_LIST) {
        for (i = 0; i < v->u.list.n && cfg->nthemes < 8; i++) {
            if (page_value_is_string(v->u.list.items[i])) {
                cfg->theme_list[cfg->nthemes++] =
                    v->u.list.items[i]->u.s.data;
            }
        }
    }

    cfg->params = page_config_map(a, r, "params");
    cfg->menus = page_config_map(a, r, "menus");

    if (cfg->menus->u.map.n == 0) {
        cfg->menus = page_config_map(a, r, "menu");     /* Hugo's alias */
    }

    cfg->permalinks = page_config_map(a, r, "permalinks");
    cfg->markup = page_config_map(a, r, "markup");
    cfg->related = page_map_gets(r, "related");

    if (cfg->params == NULL || cfg->menus == NULL || cfg->permalinks == NULL
        || cfg->markup == NULL)
    {
        page_error_nomem(err, "config");
        return -1;
    }

    if (page_config_taxonomies(a, cfg, err) != 0) {
        return -1;
    }

    page_config_disable_kinds(cfg);
    page_config_related(cfg);

    /* pagination (Hugo 0.128+) over paginate / paginatePath (older) */

    cfg->pager_size = page_config_int(r, "paginate", 10);
    cfg->pager_path = page_config_str(r, "paginatepath", "page");

    p = page_map_gets(r, "pagination");
    if (p != NULL && p->type == PAGE_MAP) {
        cfg->pager_size = page_config_int(p, "pagersize", cfg->pager_size);
        cfg->pager_path = page_config_str(p, "path", cfg->pager_path);
    }

    if (cfg->pager_size <= 0) {
        cfg->pager_size = 10;
    }

    cfg->summary_length = page_config_int(r, "summarylength", 70);
    cfg->section_pages_menu = page_config_str(r, "sectionpagesmenu", "");

    cfg->default_lang_in_subdir =
        page_config_bool(r, "defaultcontentlanguageinsubdir", 0);
    cfg->ugly_urls = page_config_bool(r, "uglyurls", 0);
    v = page_map_gets(r, "uglyurls");
    cfg->ugly_map = (v != NULL && v->type == PAGE_MAP) ? v : NULL;
    cfg->disable_path_to_lower = page_config_bool(r, "disablepathtolower", 0);
    cfg->enable_robots = page_config_bool(r, "enablerobotstxt", 0);
    cfg->build_drafts = page_config_bool(r, "builddrafts", 0);
    cfg->build_future = page_config_bool(r, "buildfuture", 0);
    cfg->build_expired = page_config_bool(r, "buildexpired", 0);
    cfg->capitalize_list_titles =
        page_config_bool(r, "capitalizelisttitles", 1);
    cfg->pluralize_list_titles =
        page_config_bool(r, "pluralizelisttitles", 1);

    return page_config_langs(a, cfg, err);
}


int
page_config_load(page_arena_t *a, const char *site_dir,
    const char *environment, page_config_t *cfg, page_error_t *err)
{
    memset(cfg, 0, sizeof(page_config_t));

    if (environment == NULL || environment[0] == '\0') {
        environment = "production";
    }

    if (page_config_files(a, cfg, site_dir, environment, &cfg->root, err)
        != 0)
    {
        return -1;
    }

    return page_config_typed(a, cfg, err);
}


page_value_t *
page_config_get(const page_config_t *cfg, const char *key)
{
    size_t         len;
    const char    *dot;
    page_value_t  *v;

    v = cfg->root;

    while (v != NULL && *key != '\0') {
        dot = strchr(key, '.');
        len = dot ? (size_t) (dot - key) : strlen(key);
        v = page_map_get_ci(v, key, len);
        key += len + (dot != NULL);
    }

    return v;
}


const page_config_lang_t *
page_config_lang(const page_config_t *cfg, const char *lang, size_t len)
{
    size_t  i;

    for (i = 0; i < cfg->nlangs; i++) {
        if (strlen(cfg->langs[i].lang) == len
            && strncasecmp(cfg->langs[i].lang, lang, len) == 0)
        {
            return &cfg->langs[i];
        }
    }

    return NULL;
}


int
page_config_lang_disabled(const page_config_t *cfg, const char *lang,
    size_t len)
{
    size_t         i;
    page_value_t  *langs, *v, *d;

    if (page_config_lang(cfg, lang, len) != NULL) {
        return 0;
    }

    langs = page_map_gets(cfg->root, "languages");
    v = page_map_get_ci(langs, lang, len);

    if (v != NULL && v->type == PAGE_MAP) {
        return 1;                   /* listed, not enabled */
    }

    d = page_map_gets(cfg->root, "disablelanguages");

    for (i = 0; d != NULL && d->type == PAGE_LIST && i < d->u.list.n; i++) {
        v = d->u.list.items[i];
        if (page_value_is_string(v) && v->u.s.len == len
            && strncasecmp(v->u.s.data, lang, len) == 0)
        {
            return 1;
        }
    }

    return 0;
}


int
page_config_kind_disabled(const page_config_t *cfg, const char *kind)
{
    static const char  *const kinds[] = {
        "home", "page", "section", "taxonomy", "term", NULL
    };

    size_t  i;

    for (i = 0; kinds[i] != NULL; i++) {
        if (strcmp(kind, kinds[i]) == 0) {
            return (cfg->disable_kinds & (1u << i)) != 0;
        }
    }

    return 0;
}
