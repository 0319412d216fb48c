/*
 * page_fn_css_sass: css.Sass (toCSS, resources.ToCSS) with Hugo
 * extended's transpiler "libsass", through Debian's libsass.
 *
 * The options are Hugo's: transpiler ("libsass"; "dartsass" fails, the
 * Dart Sass tool is not run at request time), targetPath (default: the
 * resource's path with ".css"), outputStyle (nested, expanded, compact,
 * compressed), precision (Hugo's default 8), includePaths (project
 * relative, used when inside an assets directory), vars (the "hugo:vars"
 * import) and enableSourceMap (accepted; no map is made: a page render
 * publishes no second file for one resource).
 *
 * Every @import goes through our importer, which reads only files of the
 * assets directories (page_assets: the site's first, then the themes',
 * no "..", absolute path or link out of them), in Hugo's order
 * ("_name.scss", "name.scss", "_name.sass", "name.sass" beside the
 * importing file, then libsass's own candidates there, in the main
 * file's directory and in the include paths).  libsass never opens a
 * file: the importer answers every import, a refused one with an error.
 *
 * libsass's ownership rules (3.6.5, sass_functions.cpp, context.cpp):
 * the list an importer returns, its entries and every string in them
 * (the source and map are taken over, so they must be malloc'ed) are
 * freed by libsass with free() after all the entries are parsed.  But
 * a compile error thrown while an entry (or anything it imports) is
 * parsed skips that free, and the error entry of sass_import_set_error
 * is thrown before it too: those lists leak.  So each list we return
 * is remembered, and ends with a second entry, a one-line stylesheet
 * importing a "hugo:end:N" name: when our importer sees that name, the
 * real entry has been parsed and nothing can fail before libsass frees
 * the list.  After the compile the lists that never got there are the
 * ones libsass dropped, and we free them (their taken sources are NULL).
 *
 * A compile runs in a child process the kernel stops after
 * PAGE_SASS_MAX_SECONDS of CPU (libsass has no limit), and its CSS is
 * kept by the worker until a file it read changes (the cache below).
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <sass.h>
#include <sass2scss.h>
#include <xxhash.h>

#include "page_assets.h"
#include "page_data.h"
#include "page_fn.h"
#include "page_glob.h"
#include "page_resource.h"

/*
 * The bytes of all the stylesheets one compile reads (the main one, its
 * imports, the vars).  Bootstrap 4 with its partials is 300 KB; libsass
 * takes about 1 s a megabyte of such SCSS on this machine.
 */
#define PAGE_SASS_MAX_INPUT  (2 * 1024 * 1024)

/* Most imports one compile resolves (Bootstrap: about 60). */
#define PAGE_SASS_MAX_IMPORTS  1000

/* Deepest import nesting (an import loop stops libsass itself). */
#define PAGE_SASS_MAX_DEPTH  32

/* Most include paths taken from the options. */
#define PAGE_SASS_MAX_INCLUDES  16

/*
 * CPU time and memory (beyond the worker's own) of one compile, enforced
 * by the kernel on the child process that runs it (page_sass_sandboxed).
 * The largest theme tried, hugo-coder (175 KB of CSS), takes 0.3 to
 * 0.6 s here; five nested @each over ten values (10^5 rules) take 3.7 to
 * 5.4 s and 320 MB; doubling a string 40 times reaches the memory limit
 * in 2.5 s.
 */
#define PAGE_SASS_MAX_SECONDS  5
#define PAGE_SASS_MAX_MEMORY   (512 * 1024 * 1024)

/* Largest CSS kept (a loop of Sass can write much more than it reads). */
#define PAGE_SASS_MAX_OUTPUT  (16 * 1024 * 1024)

/*
 * Compiled stylesheets kept by a worker: a theme's CSS takes libsass
 * 50 to 300 ms (hugo-coder's 175 KB: 280 ms here) and every page asks for
 * it again.  An entry is used while its input (content, options, the
 * assets directories) is the same and no file it imported, and no
 * directory it looked in, has changed (size and modification time).
 */
#define PAGE_SASS_CACHE_ENTRIES  32

/*
 * Most files and directories a compile's cache entry checks: each file
 * read, and each directory looked in (the site's and each theme's), so
 * that a file added where an import would now find it is noticed (the
 * directory's time changes).  A compile with more is not kept.
 */
#define PAGE_SASS_MAX_DEPS  (2 * PAGE_SASS_MAX_IMPORTS)
#define PAGE_SASS_CACHE_BYTES    (32 * 1024 * 1024)

#define PAGE_SASS_END  "hugo:end:"
#define PAGE_SASS_VARS  "hugo:vars"


typedef struct {
    Sass_Import_List     list;
    unsigned             done:1;    /* libsass frees it */
} page_sass_list_t;


typedef struct {
    const char          *abs;       /* "/css/_a.scss": libsass's path */
    const char          *shown;     /* "assets/css/_a.scss": errors */
    const char          *src;       /* its text, as libsass parses it */
    size_t               len;
} page_sass_file_t;


/* A file a compile read, as it was. */
typedef struct {
    char                *path;
    int64_t              size;
    int64_t              sec;
    int64_t              nsec;
} page_sass_dep_t;


typedef struct {
    XXH128_hash_t        key;
    char                *css;       /* malloc'ed */
    size_t               len;
    page_sass_dep_t     *deps;      /* malloc'ed, and their paths */
    size_t               ndeps;
    uint64_t             used;      /* for the least recently used */
} page_sass_cached_t;


/* The CPU limit; 0 compiles in the process (tests, page_fn.h). */
int  page_sass_cpu_limit = PAGE_SASS_MAX_SECONDS;

/* One worker's cache: nginx workers run one request at a time. */
static page_sass_cached_t  page_sass_cache[PAGE_SASS_CACHE_ENTRIES];
static size_t              page_sass_cache_bytes;
static uint64_t            page_sass_clock;


typedef struct {
    page_tpl_state_t      *st;
    page_arena_t          *a;
    const page_options_t  *opt;
    const char            *base;    /* "css": the main file's directory */
    const char            *incs[PAGE_SASS_MAX_INCLUDES];
    size_t                 nincs;
    const char            *vars;    /* the hugo:vars stylesheet, or NULL */
    size_t                 vars_len;
    size_t                 total;   /* bytes handed to libsass */
    page_sass_list_t       lists[PAGE_SASS_MAX_IMPORTS + 1];
    size_t                 nlists;
    page_sass_file_t       files[PAGE_SASS_MAX_IMPORTS + 1];
    size_t                 nfiles;
    page_sass_dep_t        deps[PAGE_SASS_MAX_DEPS];     /* in the arena */
    size_t                 ndeps;
    unsigned               deps_lost:1;  /* more: the CSS is not kept */
    Sass_Import_List       reserve; /* an error list made in advance */
    unsigned               refused:1; /* the importer failed an import */
    char                   err[1024];
    int                    nomem;
} page_sass_t;


/* A malloc'ed copy (libsass frees it), or NULL. */
static char *
page_sass_strdup(const char *s, size_t len)
{
    char  *p;

    p = malloc(len + 1);
    if (p != NULL) {
        memcpy(p, s, len);
        p[len] = '\0';
    }

    return p;
}


/*
 * Remember a list we hand to libsass.  There is room for every list:
 * page_sass_found makes at most PAGE_SASS_MAX_IMPORTS, and an error list
 * ends the compile (libsass throws), so one more is the last.
 */
static Sass_Import_List
page_sass_keep(page_sass_t *sc, Sass_Import_List list)
{
    if (list == NULL) {
        sc->nomem = 1;
        return NULL;
    }

    if (sc->nlists == sizeof(sc->lists) / sizeof(sc->lists[0])) {
        sass_delete_import_list(list);      /* not reached */
        return sass_make_import_list(0);
    }

    sc->lists[sc->nlists].list = list;
    sc->lists[sc->nlists].done = 0;
    sc->nlists++;

    return list;
}


/*
 * A list of one error entry: libsass reports msg at the @import, and
 * throws before it frees the list (page_sass_compile frees it).  When
 * even that cannot be made, the one made in advance: an import must
 * never be left to libsass, which would look for the file itself.
 */
static Sass_Import_List
page_sass_error(page_sass_t *sc, const char *url, const char *msg)
{
    Sass_Import_List   list;
    Sass_Import_Entry  e;

    list = sass_make_import_list(1);
    e = list ? sass_make_import_entry(url, NULL, NULL) : NULL;

    if (e == NULL) {
        free(list);
        list = sc->reserve;
        sc->reserve = NULL;
        sc->nomem = 1;
        return list ? page_sass_keep(sc, list) : NULL;
    }

    sass_import_set_error(e, msg, (size_t) -1, (size_t) -1);
    sass_import_set_list_entry(list, 0, e);
    sc->refused = 1;

    return page_sass_keep(sc, list);
}


/*
 * The list for a stylesheet found: its entry (named abs, the source
 * copied; no source: a CSS import libsass keeps) and the end marker
 * (named and importing "hugo:end:N").
 */
static Sass_Import_List
page_sass_found(page_sass_t *sc, const char *url, const char *abs,
    const char *source, size_t len, int indented)
{
    char               name[32], end[64], msg[128], *src, *msrc;
    Sass_Import_List   list;
    Sass_Import_Entry  e, m;

    if (sc->nlists >= PAGE_SASS_MAX_IMPORTS) {
        snprintf(msg, sizeof(msg), "more than %d imports",
                 PAGE_SASS_MAX_IMPORTS);
        return page_sass_error(sc, url, msg);
    }

    if (len > PAGE_SASS_MAX_INPUT - sc->total) {
        snprintf(msg, sizeof(msg), "the stylesheets are larger than %d "
                 "bytes", PAGE_SASS_MAX_INPUT);
        return page_sass_error(sc, url, msg);
    }

    sc->total += len;

    snprintf(name, sizeof(name), PAGE_SASS_END "%zu", sc->nlists);
    snprintf(end, sizeof(end), "@import \"%s\";", name);

    list = sass_make_import_list(2);
    /* libsass converts the indented syntax of the files it reads, not
     * of an importer's: as it does (its flags), malloc'ed */
    src = source == NULL ? NULL
          : indented ? sass2scss(source, SASS2SCSS_PRETTIFY_1
                                         | SASS2SCSS_KEEP_COMMENT)
          : page_sass_strdup(source, len);
    msrc = page_sass_strdup(end, strlen(end));
    e = NULL;
    m = NULL;

    if (list != NULL && (src != NULL || source == NULL) && msrc != NULL) {
        e = sass_make_import_entry(abs, src, NULL);
        if (e != NULL) {
            src = NULL;                 /* the entry owns it now */
            m = sass_make_import_entry(name, msrc, NULL);
            if (m != NULL) {
                msrc = NULL;
            }
        }
    }

    if (m == NULL) {
        free(src);
        free(msrc);
        if (e != NULL) {
            sass_delete_import(e);
        }
        free(list);
        return page_sass_error(sc, url, "out of memory");
    }

    sass_import_set_list_entry(list, 0, e);
    sass_import_set_list_entry(list, 1, m);

    return page_sass_keep(sc, list);
}


/* The file libsass reports as abs, or NULL. */
static const page_sass_file_t *
page_sass_lookup(page_sass_t *sc, const char *abs)
{
    size_t  i;

    for (i = 0; abs != NULL && i < sc->nfiles; i++) {
        if (strcmp(sc->files[i].abs, abs) == 0) {
            return &sc->files[i];
        }
    }

    return NULL;
}


/*
 * libsass places an import our importer refused at its URL; Hugo's
 * libsass, which fails the import itself, at the @import: move line and
 * col (1-based) back to the "@import" before them in f's text.
 */
static void
page_sass_at_import(const page_sass_file_t *f, size_t *line, size_t *col)
{
    size_t       l, c, i, off;
    const char  *s;

    if (f == NULL || f->src == NULL) {
        return;
    }

    s = f->src;
    l = 1;
    for (off = 0; off < f->len && l < *line; off++) {
        if (s[off] == '\n') {
            l++;
        }
    }
    if (l != *line || *col == 0 || off + *col - 1 > f->len) {
        return;
    }
    off += *col - 1;

    for (i = off; i >= 7; i--) {
        if (memcmp(s + i - 7, "@import", 7) == 0) {
            break;
        }
    }
    if (i < 7) {
        return;
    }
    i -= 7;

    l = 1;
    c = 1;
    for (off = 0; off < i; off++) {
        if (s[off] == '\n') {
            l++;
            c = 1;
        } else {
            c++;
        }
    }

    *line = l;
    *col = c;
}


/* Record a file read: libsass's name "/" + name, the name shown. */
static const char *
page_sass_file(page_sass_t *sc, const char *name, size_t len,
    const char *path, const char *src, size_t slen)
{
    char        *abs;
    size_t       wl;
    const char  *wd;

    abs = page_arena_alloc(sc->a, len + 2);
    if (abs == NULL) {
        return NULL;
    }
    abs[0] = '/';
    memcpy(abs + 1, name, len);
    abs[len + 1] = '\0';

    if (sc->nfiles < sizeof(sc->files) / sizeof(sc->files[0])) {
        wd = sc->opt ? sc->opt->workdir : NULL;
        wl = wd ? strlen(wd) : 0;

        if (path != NULL && wl != 0 && strncmp(path, wd, wl) == 0
            && path[wl] == '/')
        {
            path += wl + 1;             /* "assets/css/_a.scss" */
        }

        sc->files[sc->nfiles].abs = abs;
        sc->files[sc->nfiles].shown = path ? path : abs + 1;
        sc->files[sc->nfiles].src = src;
        sc->files[sc->nfiles].len = slen;
        sc->nfiles++;
    }

    return abs;
}


/* Record a file or directory the CSS depends on (sb NULL: missing). */
static void
page_sass_dep(page_sass_t *sc, const char *path, const struct stat *sb)
{
    size_t            i;
    page_sass_dep_t  *d;

    for (i = 0; i < sc->ndeps; i++) {
        if (strcmp(sc->deps[i].path, path) == 0) {
            return;
        }
    }

    if (sc->ndeps == PAGE_SASS_MAX_DEPS) {
        sc->deps_lost = 1;
        return;
    }

    d = &sc->deps[sc->ndeps];
    d->path = page_arena_strndup(sc->a, path, strlen(path));
    if (d->path == NULL) {
        sc->deps_lost = 1;
        return;
    }

    d->size = sb ? (int64_t) sb->st_size : -1;
    d->sec = sb ? (int64_t) sb->st_mtim.tv_sec : 0;
    d->nsec = sb ? (int64_t) sb->st_mtim.tv_nsec : 0;
    sc->ndeps++;
}


/* Record dir (under the assets root) in every assets directory. */
static void
page_sass_dep_dirs(page_sass_t *sc, const char *dir)
{
    int          n;
    char         path[PAGE_ASSETS_MAX_PATH];
    size_t       i;
    struct stat  sb;

    for (i = 0; sc->opt != NULL && i < sc->opt->nassets; i++) {
        n = snprintf(path, sizeof(path), "%s%s%s", sc->opt->assets[i],
                     *dir ? "/" : "", dir);
        if (n < 0 || (size_t) n >= sizeof(path)) {
            sc->deps_lost = 1;
            continue;
        }
        page_sass_dep(sc, path, stat(path, &sb) == 0 ? &sb : NULL);
    }
}


/* The file's bytes in the arena, at most what the compile may still
 * read; NULL when it cannot be read (*big set when too large). */
static char *
page_sass_read(page_sass_t *sc, const page_asset_t *asset, size_t *len,
    int *big)
{
    char         *p;
    FILE         *f;
    size_t        n;
    struct stat   sb;

    *big = 0;

    if (asset->size > PAGE_SASS_MAX_INPUT - sc->total) {
        *big = 1;
        return NULL;
    }

    p = page_arena_alloc(sc->a, (size_t) asset->size + 1);
    if (p == NULL) {
        return NULL;
    }

    f = fopen(asset->path, "rb");
    if (f == NULL) {
        return NULL;
    }

    page_sass_dep(sc, asset->path, fstat(fileno(f), &sb) == 0 ? &sb : NULL);

    n = fread(p, 1, (size_t) asset->size + 1, f);
    fclose(f);

    if (n > asset->size) {              /* grew since: read it next time */
        *big = 1;
        return NULL;
    }

    p[n] = '\0';
    *len = n;

    return p;
}


/*
 * Find dir/name (names relative to the assets root) in the assets
 * directories: 1 found (*out set), 0 not, -1 out of memory.
 */
static int
page_sass_try(page_sass_t *sc, const char *dir, const char *sub,
    const char *pre, const char *name, const char *ext, page_asset_t *out)
{
    int     n;
    char    path[PAGE_ASSETS_MAX_PATH];

    n = snprintf(path, sizeof(path), "%s%s%s%s%s%s", dir, *dir ? "/" : "",
                 sub, pre, name, ext);
    if (n < 0 || (size_t) n >= sizeof(path)) {
        return 0;
    }

    if (sc->opt == NULL || sc->opt->nassets == 0) {
        return 0;
    }

    return page_assets_find(sc->a, sc->opt->assets, sc->opt->nassets, path,
                            (size_t) n, out);
}


/* Hugo's own order beside the importing file (its ImportResolver). */
static int
page_sass_hugo(page_sass_t *sc, const char *dir, const char *name,
    page_asset_t *out)
{
    int          rc;
    size_t       i;
    const char  *bare;
    static const char *const  dotted[] = { "_", "", "", "", NULL };
    static const char *const  plain[] = {
        "_", ".scss", "", ".scss", "_", ".sass", "", ".sass", NULL
    };

    if (strchr(name, '.') != NULL) {
        for (i = 0; dotted[i] != NULL; i += 2) {
            bare = name[0] == '_' ? name + 1 : name;
            rc = page_sass_try(sc, dir, "", dotted[i], bare, dotted[i + 1],
                               out);
            if (rc != 0) {
                return rc;
            }
        }
        return 0;
    }

    bare = name[0] == '_' ? name + 1 : name;

    for (i = 0; plain[i] != NULL; i += 2) {
        if (name[0] == '_' && plain[i][0] == '\0') {
            continue;                   /* "_a": only "_a.scss", "_a.sass" */
        }
        rc = page_sass_try(sc, dir, "", plain[i], bare, plain[i + 1], out);
        if (rc != 0) {
            return rc;
        }
    }

    return 0;
}


/* libsass's candidates in one directory (its resolve_includes). */
static int
page_sass_libsass(page_sass_t *sc, const char *dir, const char *name,
    page_asset_t *out)
{
    int          rc;
    size_t       i, nl;
    static const char *const  exts[] = { ".scss", ".sass", ".css" };

    if ((rc = page_sass_try(sc, dir, "", "", name, "", out)) != 0
        || (rc = page_sass_try(sc, dir, "", "_", name, "", out)) != 0)
    {
        return rc;
    }

    for (i = 0; i < 3; i++) {
        if ((rc = page_sass_try(sc, dir, "", "_", name, exts[i], out)) != 0) {
            return rc;
        }
    }

    for (i = 0; i < 3; i++) {
        if ((rc = page_sass_try(sc, dir, "", "", name, exts[i], out)) != 0) {
            return rc;
        }
    }

    nl = strlen(name);
    for (i = 0; i < 3; i++) {
        if (nl > strlen(exts[i])
            && strcmp(name + nl - strlen(exts[i]), exts[i]) == 0)
        {
            return 0;                   /* "a.scss/" is no index */
        }
    }

    for (i = 0; i < 3; i++) {
        if ((rc = page_sass_try(sc, dir, name, "/_index", "", exts[i], out))
            != 0
            || (rc = page_sass_try(sc, dir, name, "/index", "", exts[i],
                                   out)) != 0)
        {
            return rc;
        }
    }

    return 0;
}


/*
 * dir joined with the url's directory part, cleaned, into buf: 0, or -1
 * when it climbs above the assets root (or is too long).
 */
static int
page_sass_join(const char *dir, const char *url, size_t ulen, char *buf,
    size_t size)
{
    int          depth;
    size_t       n, len;
    const char  *p, *e, *end;

    n = 0;
    depth = 0;

    for (p = dir; *p != '\0'; ) {       /* dir is clean: count its names */
        depth++;
        p = strchr(p, '/');
        if (p == NULL) {
            break;
        }
        p++;
    }

    len = strlen(dir);
    if (len + ulen + 2 > size) {
        return -1;
    }
    memcpy(buf, dir, len);
    n = len;

    end = url + ulen;
    for (p = url; p < end; p = e + 1) {
        e = memchr(p, '/', (size_t) (end - p));
        if (e == NULL) {
            e = end;
        }

        if (e - p == 0 || (e - p == 1 && p[0] == '.')) {
            continue;
        }

        if (e - p == 2 && p[0] == '.' && p[1] == '.') {
            if (--depth < 0) {
                return -1;
            }
            while (n > 0 && buf[n - 1] != '/') {
                n--;
            }
            if (n > 0) {
                n--;
            }
            continue;
        }

        depth++;
        if (n != 0) {
            buf[n++] = '/';
        }
        memcpy(buf + n, p, (size_t) (e - p));
        n += (size_t) (e - p);
    }

    buf[n] = '\0';

    return 0;
}


/* The directory of an asset name ("css/a.scss": "css"), in buf. */
static void
page_sass_dirname(const char *name, char *buf, size_t size)
{
    const char  *slash;
    size_t       n;

    slash = strrchr(name, '/');
    n = slash ? (size_t) (slash - name) : 0;
    if (n >= size) {
        n = 0;
    }
    memcpy(buf, name, n);
    buf[n] = '\0';
}


/*
 * A CSS import libsass keeps as it is, without looking for a file
 * (Context::import_url): a name ending in ".css", a "//host" URL, or one
 * with a scheme other than "file" (its identifier, then "://").
 */
static int
page_sass_is_css(const char *url)
{
    size_t       len;
    const char  *p;

    len = strlen(url);

    if (len > 4 && strcmp(url + len - 4, ".css") == 0) {
        return 1;
    }

    if (url[0] == '/' && url[1] == '/') {
        return 1;
    }

    p = url;
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
        return 0;
    }
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')
           || (*p >= '0' && *p <= '9') || *p == '_' || *p == '-')
    {
        p++;
    }

    return p[0] == ':' && p[1] == '/' && p[2] == '/'
           && !(p - url == 4 && strncmp(url, "file", 4) == 0);
}


/* The importer: every @import of the compile comes here. */
static Sass_Import_List
page_sass_import(const char *url, Sass_Importer_Entry cb,
    struct Sass_Compiler *comp)
{
    int                rc, big;
    char               dir[PAGE_ASSETS_MAX_PATH], full[PAGE_ASSETS_MAX_PATH];
    char               udir[PAGE_ASSETS_MAX_PATH], msg[PAGE_ASSETS_MAX_PATH];
    char              *src;
    size_t             i, n, len, ulen;
    const char        *prev, *name, *abs;
    page_asset_t       asset;
    page_sass_t       *sc;
    Sass_Import_List   list;
    Sass_Import_Entry  last;

    sc = sass_importer_get_cookie(cb);
    last = sass_compiler_get_last_import(comp);
    prev = last ? sass_import_get_abs_path(last) : NULL;

    /* the end marker of list N: libsass is about to free it */
    if (prev != NULL && strncmp(url, PAGE_SASS_END, 9) == 0
        && strcmp(prev, url) == 0)
    {
        n = (size_t) strtoul(url + 9, NULL, 10);
        if (n < sc->nlists) {
            sc->lists[n].done = 1;
        }
        list = sass_make_import_list(0);
        return list ? list : page_sass_error(sc, url, "out of memory");
    }

    if (sass_compiler_get_import_stack_size(comp) > PAGE_SASS_MAX_DEPTH) {
        snprintf(msg, sizeof(msg), "imports nested deeper than %d",
                 PAGE_SASS_MAX_DEPTH);
        return page_sass_error(sc, url, msg);
    }

    if (strcmp(url, PAGE_SASS_VARS) == 0) {
        return page_sass_found(sc, url, PAGE_SASS_VARS,
                               sc->vars ? sc->vars : "", sc->vars_len, 0);
    }

    ulen = strlen(url);

    if (page_sass_is_css(url)) {
        /* a CSS import: the URL alone, which libsass keeps as it is */
        return page_sass_found(sc, url, url, NULL, 0, 0);
    }

    /* the importing file's directory (the main file's for the main) */
    if (prev != NULL && prev[0] == '/') {
        page_sass_dirname(prev + 1, dir, sizeof(dir));
    } else {
        snprintf(dir, sizeof(dir), "%s", sc->base);
    }

    if (url[0] == '/' || ulen == 0
        || page_sass_join(dir, url, ulen, full, sizeof(full)) != 0)
    {
        snprintf(msg, sizeof(msg), "File to import not found or "
                 "unreadable: %s (imports are read from the assets "
                 "directories only).", url);
        return page_sass_error(sc, url, msg);
    }

    /* full is dir + url: split it again into its directory and name */
    page_sass_dirname(full, udir, sizeof(udir));
    name = strrchr(full, '/');
    name = name ? name + 1 : full;

    page_sass_dep_dirs(sc, udir);
    rc = page_sass_hugo(sc, udir, name, &asset);

    if (rc == 0) {
        rc = page_sass_libsass(sc, udir, name, &asset);
    }

    /* then the main file's directory and the include paths */
    for (i = 0; rc == 0 && i <= sc->nincs; i++) {
        const char  *base;

        base = i == 0 ? sc->base : sc->incs[i - 1];
        if (page_sass_join(base, url, ulen, full, sizeof(full)) != 0) {
            continue;
        }
        page_sass_dirname(full, udir, sizeof(udir));
        name = strrchr(full, '/');
        name = name ? name + 1 : full;
        page_sass_dep_dirs(sc, udir);
        rc = page_sass_libsass(sc, udir, name, &asset);
    }

    if (rc < 0) {
        return page_sass_error(sc, url, "out of memory");
    }

    if (rc == 0) {
        snprintf(msg, sizeof(msg), "File to import not found or "
                 "unreadable: %s.", url);
        return page_sass_error(sc, url, msg);
    }

    src = page_sass_read(sc, &asset, &len, &big);
    if (src == NULL) {
        if (big) {
            snprintf(msg, sizeof(msg), "the stylesheets are larger than "
                     "%d bytes", PAGE_SASS_MAX_INPUT);
        } else {
            snprintf(msg, sizeof(msg), "File to import not found or "
                     "unreadable: %s.", url);
        }
        return page_sass_error(sc, url, msg);
    }

    abs = page_sass_file(sc, asset.name, asset.name_len, asset.path, src,
                         len);
    if (abs == NULL) {
        return page_sass_error(sc, url, "out of memory");
    }

    return page_sass_found(sc, url, abs, src, len,
                           asset.name_len > 5
                           && strcmp(asset.name + asset.name_len - 5,
                                     ".sass") == 0);
}


/*
 * Hugo's isTypedCSSValue for a string: a color "#fff" (3 to 6 hex
 * digits), a function "rgba(...", a number with a unit "24px", "1.5rem",
 * "10%".
 */
static int
page_sass_typed(const char *s, size_t len)
{
    size_t  i, j;

#define HEX(c)  (((c) >= '0' && (c) <= '9') || ((c) >= 'a' && (c) <= 'f')   \
                 || ((c) >= 'A' && (c) <= 'F'))
#define ALPHA(c)  (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z'))
#define DIGIT(c)  ((c) >= '0' && (c) <= '9')

    if (len >= 4 && len <= 7 && s[0] == '#') {
        for (i = 1; i < len && HEX(s[i]); i++) { /* void */ }
        if (i == len) {
            return 1;
        }
    }

    for (i = 0; i < len && (ALPHA(s[i]) || s[i] == '-'); i++) { /* void */ }
    if (i > 0 && i < len && s[i] == '(') {
        return 1;
    }

    for (i = 0; i < len && DIGIT(s[i]); i++) { /* void */ }
    if (i == 0) {
        return 0;
    }
    if (i < len && s[i] == '.') {
        for (j = ++i; i < len && DIGIT(s[i]); i++) { /* void */ }
        if (i == j) {
            return 0;
        }
    }
    for (j = i; i < len && (ALPHA(s[i]) || s[i] == '-' || s[i] == '%'); i++)
    {
        /* void */
    }

    return i == len && i > j;

#undef HEX
#undef ALPHA
#undef DIGIT
}


/* Map items by key, for the sorted lines Hugo writes. */
static int
page_sass_line_cmp(const void *a, const void *b)
{
    const page_str_t  *x = a, *y = b;
    size_t             n;
    int                c;

    n = x->len < y->len ? x->len : y->len;
    c = memcmp(x->data, y->data, n);

    return c ? c : (x->len > y->len) - (x->len < y->len);
}


/* Hugo's CreateVarsStyleSheet: "$k: v;" lines, sorted, for hugo:vars. */
static int
page_sass_vars(page_sass_t *sc, const page_value_t *vars)
{
    size_t          i, n, len;
    page_buf_t      b, all;
    page_str_t     *lines;
    const char     *s, *k;
    page_value_t   *v;
    page_tpl_state_t  *st;

    st = sc->st;

    if (vars == NULL || vars->type == PAGE_NIL) {
        return 0;
    }

    if (vars->type != PAGE_MAP || page_resource_is(vars)) {
        return page_tpl_fail(st, "vars: expected a map, got %s",
                             page_tpl_tname(vars));
    }

    n = vars->u.map.n;
    lines = page_arena_alloc(sc->a, (n + 1) * sizeof(page_str_t));
    if (lines == NULL) {
        return page_tpl_nomem(st);
    }

    for (i = 0; i < n; i++) {
        k = vars->u.map.items[i].key.data;
        v = vars->u.map.items[i].value;

        page_buf_init(&b, sc->a, PAGE_SASS_MAX_INPUT);
        if (k[0] != '$') {
            page_buf_putc(&b, '$');
        }
        page_buf_append(&b, k, vars->u.map.items[i].key.len);
        page_buf_puts(&b, ": ");

        if (page_css_is_quoted(v, &s, &len)) {
            page_fn_quote(&b, s, len, 0);
        } else if (page_css_is_unquoted(v, &s, &len)) {
            page_buf_append(&b, s, len);
        } else {
            if (page_tpl_text(st, v, &s, &len) != 0) {
                return -1;
            }
            if (v != NULL && (v->type == PAGE_INT || v->type == PAGE_FLOAT
                              || (page_tpl_is_str(v)
                                  && page_sass_typed(s, len))))
            {
                page_buf_append(&b, s, len);
            } else {
                page_buf_puts(&b, "unquote(");
                page_fn_quote(&b, s, len, 0);
                page_buf_putc(&b, ')');
            }
        }
        page_buf_putc(&b, ';');

        if (page_buf_failed(&b)) {
            return page_tpl_fail(st, "vars: larger than %d bytes",
                                 PAGE_SASS_MAX_INPUT);
        }

        lines[i].data = b.data;
        lines[i].len = b.len;
    }

    qsort(lines, n, sizeof(page_str_t), page_sass_line_cmp);

    page_buf_init(&all, sc->a, PAGE_SASS_MAX_INPUT);
    for (i = 0; i < n; i++) {
        if (i > 0) {
            page_buf_putc(&all, '\n');
        }
        page_buf_append(&all, lines[i].data, lines[i].len);
    }

    if (page_buf_failed(&all)) {
        return page_tpl_fail(st, "vars: larger than %d bytes",
                             PAGE_SASS_MAX_INPUT);
    }

    sc->vars = all.data ? all.data : "";
    sc->vars_len = all.len;

    return 0;
}


/*
 * Hugo keeps the main file's plain CSS imports (`@import "a.css";`) as
 * they are: a line holding one becomes a comment libsass copies
 * (regularCSSImportTo), and the comment's line turns back into the
 * import after (regularCSSImportFrom).  As Go's regexps do, the whole
 * line is replaced and the last import on it is the one kept.
 */
static int
page_sass_lines(page_buf_t *b, const char *s, size_t len, const char *open,
    const char *close, const char *pre, const char *post)
{
    int          changed;
    size_t       ol, cl;
    const char  *line, *eol, *end, *o, *c, *p;

    ol = strlen(open);
    cl = strlen(close);
    changed = 0;
    end = s + len;

    for (line = s; line < end; line = eol + (eol < end)) {
        eol = memchr(line, '\n', (size_t) (end - line));
        if (eol == NULL) {
            eol = end;
        }

        /* the last close on the line, then the last open before it */
        c = NULL;
        for (p = line; p + cl <= eol; p++) {
            if (memcmp(p, close, cl) == 0) {
                c = p;
            }
        }
        o = NULL;
        for (p = line; c != NULL && p + ol <= c; p++) {
            if (memcmp(p, open, ol) == 0) {
                o = p;
            }
        }

        if (o == NULL) {
            page_buf_append(b, line, (size_t) (eol - line));
        } else {
            page_buf_puts(b, pre);
            page_buf_append(b, o + ol, (size_t) (c - o - ol));
            page_buf_puts(b, post);
            changed = 1;
        }

        if (eol < end) {
            page_buf_putc(b, '\n');
        }
    }

    return changed;
}


/* One line from libsass's message: newlines and their indent as one
 * space. */
static void
page_sass_one_line(char *s)
{
    char  *r, *w;

    for (r = s, w = s; *r != '\0'; ) {
        if (*r == '\n' || *r == '\r') {
            while (*r == '\n' || *r == '\r' || *r == ' ' || *r == '\t') {
                r++;
            }
            if (w != s && *r != '\0') {
                *w++ = ' ';
            }
            continue;
        }
        *w++ = *r++;
    }

    while (w > s && w[-1] == ' ') {
        w--;
    }
    *w = '\0';
}


typedef struct {
    const char          *target;    /* "/css/main.css" */
    size_t               target_len;
    int                  style;
    int                  precision;
    const page_value_t  *vars;
    const page_value_t  *incs;
} page_sass_opts_t;


/* The options map, as Hugo's mapstructure.WeakDecode reads it. */
static int
page_sass_options(page_tpl_state_t *st, const page_value_t *m,
    page_sass_opts_t *o)
{
    size_t         i, klen, len;
    int64_t        n;
    page_str_t     target;
    const char    *k, *s;
    page_value_t  *v;

#define KEY(name)                                                            \
    (klen == sizeof(name) - 1 && strncasecmp(k, name, klen) == 0)

    for (i = 0; m != NULL && m->type == PAGE_MAP && i < m->u.map.n; i++) {
        k = m->u.map.items[i].key.data;
        klen = m->u.map.items[i].key.len;
        v = m->u.map.items[i].value;

        if (KEY("transpiler")) {
            if (page_tpl_text(st, v, &s, &len) != 0) {
                return -1;
            }
            if (len == 8 && memcmp(s, "dartsass", 8) == 0) {
                return page_fn_unavailable(st, "css.Sass",
                                 "the dartsass transpiler (Dart Sass) is an "
                                 "external tool, not run at request time; "
                                 "use transpiler \"libsass\"");
            }
            if (!(len == 7 && memcmp(s, "libsass", 7) == 0)) {
                return page_tpl_fail(st, "unsupported transpiler \"%.*s\"; "
                                     "valid values are \"libsass\" or "
                                     "\"dartsass\"", (int) len, s);
            }

        } else if (KEY("targetpath")) {
            if (page_tpl_text(st, v, &s, &len) != 0
                || page_fn_target_path(st, s, len, &target) != 0)
            {
                return -1;
            }
            if (target.len > 1) {
                o->target = target.data;
                o->target_len = target.len;
            }

        } else if (KEY("outputstyle")) {
            if (page_tpl_text(st, v, &s, &len) != 0) {
                return -1;
            }
            o->style = len == 8 && strncasecmp(s, "expanded", 8) == 0
                       ? SASS_STYLE_EXPANDED
                       : len == 7 && strncasecmp(s, "compact", 7) == 0
                       ? SASS_STYLE_COMPACT
                       : len == 10 && strncasecmp(s, "compressed", 10) == 0
                       ? SASS_STYLE_COMPRESSED : SASS_STYLE_NESTED;

        } else if (KEY("precision")) {
            if (v != NULL && v->type != PAGE_NIL) {
                if (page_tpl_to_int(st, "css.Sass", v, &n) != 0) {
                    return -1;
                }
                o->precision = n > 0 && n <= 20 ? (int) n : n > 20 ? 20 : 0;
            }

        } else if (KEY("vars")) {
            o->vars = v;

        } else if (KEY("includepaths")) {
            o->incs = v;
        }
        /* enableSourceMap and the rest: no effect here */
    }

#undef KEY

    return 0;
}


/*
 * The include paths: project-relative directories ("assets/sass/lib",
 * "themes/t/assets/x"), kept when inside an assets directory, as names
 * under the assets root ("sass/lib").
 */
static int
page_sass_includes(page_sass_t *sc, const page_value_t *incs)
{
    char          *p, buf[PAGE_ASSETS_MAX_PATH];
    size_t         i, j, len, dl, wl;
    const char    *s, *d, *wd;
    page_value_t  *v;

    if (incs == NULL || incs->type != PAGE_LIST || sc->opt == NULL
        || sc->opt->workdir == NULL)
    {
        return 0;
    }

    wd = sc->opt->workdir;
    wl = strlen(wd);

    for (i = 0; i < incs->u.list.n && sc->nincs < PAGE_SASS_MAX_INCLUDES;
         i++)
    {
        v = incs->u.list.items[i];
        if (page_tpl_text(sc->st, v, &s, &len) != 0) {
            return -1;
        }

        if (wl + len + 2 >= sizeof(buf)) {
            continue;
        }

        /* the path under the project, cleaned: never above it */
        buf[0] = '/';
        memcpy(buf + 1, s, len);
        len = page_glob_clean(buf, len + 1);
        buf[len] = '\0';

        for (j = 0; j < sc->opt->nassets; j++) {
            d = sc->opt->assets[j];
            dl = strlen(d);

            /* the assets directory as a project path: "/assets" */
            if (dl <= wl || strncmp(d, wd, wl) != 0 || d[wl] != '/') {
                continue;
            }
            d += wl;
            dl -= wl;

            if (strncmp(buf, d, dl) == 0
                && (buf[dl] == '\0' || buf[dl] == '/'))
            {
                p = page_arena_strndup(sc->a, buf[dl] ? buf + dl + 1 : "",
                                       buf[dl] ? len - dl - 1 : 0);
                if (p == NULL) {
                    return page_tpl_nomem(sc->st);
                }
                sc->incs[sc->nincs++] = p;
                break;
            }
        }
    }

    return 0;
}


/* The failure of a compile, into sc->err: returns 1. */
static int
page_sass_fail(page_sass_t *sc, const char *fmt, ...)
{
    va_list  ap;

    va_start(ap, fmt);
    vsnprintf(sc->err, sizeof(sc->err), fmt, ap);
    va_end(ap);

    return 1;
}


/*
 * Compile src (main: named name, shown as shown) into *css: 0, or 1 with
 * the error in sc->err.
 */
static int
page_sass_compile(page_sass_t *sc, const page_sass_opts_t *o,
    const char *name, const char *shown, const char *src, size_t len,
    int indented, page_value_t *r, page_str_t *css)
{
    int                     status, changed;
    char                   *in, *msg, dir[PAGE_ASSETS_MAX_PATH];
    size_t                  i, line, col, olen;
    page_buf_t              b, out;
    const char             *abs, *s, *file;
    const page_sass_file_t *f;
    struct Sass_Options    *so;
    struct Sass_Context    *cx;
    Sass_Importer_List      imps;
    Sass_Importer_Entry     imp;
    struct Sass_Data_Context  *dc;

    /* the main file's plain CSS imports, as Hugo keeps them */
    page_buf_init(&b, sc->a, PAGE_SASS_MAX_INPUT + 1024);
    changed = page_sass_lines(&b, src, len, "@import \"", ".css\";",
                              "/* HUGO_IMPORT_START ", ".css HUGO_IMPORT_END "
                              "*/");
    if (page_buf_failed(&b) || b.len > PAGE_SASS_MAX_INPUT) {
        return page_sass_fail(sc, "TOCSS: failed to transform \"%s\" (%s): "
                             "larger than %d bytes", name,
                             page_resource_media(r), PAGE_SASS_MAX_INPUT);
    }

    sc->total = b.len;

    page_sass_dirname(name[0] == '/' ? name + 1 : name, dir, sizeof(dir));
    sc->base = page_arena_strndup(sc->a, dir, strlen(dir));
    abs = page_sass_file(sc, name[0] == '/' ? name + 1 : name,
                         strlen(name) - (name[0] == '/'), NULL, b.data,
                         b.len);
    if (sc->base == NULL || abs == NULL) {
        return page_sass_fail(sc, "out of memory");
    }
    sc->files[0].shown = shown;

    in = page_sass_strdup(b.data ? b.data : "", b.len);
    if (in == NULL) {
        return page_sass_fail(sc, "out of memory");
    }

    dc = sass_make_data_context(in);          /* owns in */
    if (dc == NULL) {
        free(in);
        return page_sass_fail(sc, "out of memory");
    }

    so = sass_data_context_get_options(dc);
    sass_option_set_precision(so, o->precision ? o->precision : 8);
    sass_option_set_output_style(so, (enum Sass_Output_Style) o->style);
    sass_option_set_is_indented_syntax_src(so, indented);
    sass_option_set_input_path(so, abs);
    sass_option_set_omit_source_map_url(so, 1);

    sc->reserve = sass_make_import_list(1);
    imps = sass_make_importer_list(1);
    imp = sass_make_importer(page_sass_import, 0, sc);
    if (sc->reserve != NULL) {
        Sass_Import_Entry  e;

        e = sass_make_import_entry("hugo:nomem", NULL, NULL);
        if (e == NULL) {
            free(sc->reserve);
            sc->reserve = NULL;
        } else {
            sass_import_set_error(e, "out of memory", (size_t) -1,
                                  (size_t) -1);
            sass_import_set_list_entry(sc->reserve, 0, e);
        }
    }

    if (imps == NULL || imp == NULL || sc->reserve == NULL) {
        if (imp != NULL) {
            sass_delete_importer(imp);
        }
        free(imps);
        sass_delete_import_list(sc->reserve);
        sass_delete_data_context(dc);
        return page_sass_fail(sc, "out of memory");
    }

    sass_importer_set_list_entry(imps, 0, imp);
    sass_option_set_c_importers(so, imps);     /* the options own them */

    sass_compile_data_context(dc);

    cx = sass_data_context_get_context(dc);
    status = sass_context_get_error_status(cx);

    /* the lists libsass dropped when it threw (see the top) */
    if (status != 0) {
        for (i = 0; i < sc->nlists; i++) {
            if (!sc->lists[i].done) {
                sass_delete_import_list(sc->lists[i].list);
            }
        }
    }
    sc->nlists = 0;
    sass_delete_import_list(sc->reserve);
    sc->reserve = NULL;

    if (status != 0) {
        file = sass_context_get_error_file(cx);
        line = sass_context_get_error_line(cx);
        col = sass_context_get_error_column(cx);
        s = sass_context_get_error_text(cx);

        msg = page_arena_strndup(sc->a, s ? s : "failed",
                                 s ? strlen(s) : 6);
        f = page_sass_lookup(sc, file);
        if (sc->refused) {
            page_sass_at_import(f, &line, &col);
        }
        file = f ? f->shown : file ? file : "stdin";
        file = page_arena_strndup(sc->a, file, strlen(file));
        sass_delete_data_context(dc);

        if (msg == NULL || file == NULL) {
            return page_sass_fail(sc, "out of memory");
        }
        page_sass_one_line(msg);

        if (line == 0 || line == (size_t) -1 || col == (size_t) -1) {
            return page_sass_fail(sc, "TOCSS: failed to transform \"%s\" "
                                 "(%s): %s", name, page_resource_media(r),
                                 msg);
        }

        return page_sass_fail(sc, "TOCSS: failed to transform \"%s\" (%s): "
                             "\"%s:%zu:%zu\": %s", name,
                             page_resource_media(r), file, line, col, msg);
    }

    s = sass_context_get_output_string(cx);
    olen = s ? strlen(s) : 0;

    if (olen > PAGE_SASS_MAX_OUTPUT) {
        sass_delete_data_context(dc);
        return page_sass_fail(sc, "TOCSS: failed to transform \"%s\" (%s): "
                             "the CSS is larger than %d bytes", name,
                             page_resource_media(r), PAGE_SASS_MAX_OUTPUT);
    }

    page_buf_init(&out, sc->a, PAGE_SASS_MAX_OUTPUT);
    if (changed) {
        page_sass_lines(&out, s, olen, "/* HUGO_IMPORT_START ",
                        " HUGO_IMPORT_END */", "@import \"", "\";");
    } else {
        page_buf_append(&out, s ? s : "", olen);
    }
    sass_delete_data_context(dc);

    if (page_buf_failed(&out)) {
        return page_sass_fail(sc, "out of memory");
    }

    css->data = out.data ? out.data : "";
    css->len = out.len;

    return 0;
}


/* write(2) all of it; -1 when the pipe failed. */
static int
page_sass_write(int fd, const void *p, size_t len)
{
    ssize_t      n;
    const char  *c;

    for (c = p; len > 0; c += n, len -= (size_t) n) {
        n = write(fd, c, len);
        if (n < 0 && errno == EINTR) {
            n = 0;
            continue;
        }
        if (n <= 0) {
            return -1;
        }
    }

    return 0;
}


/* The child: compile, send the outcome and the files read, exit. */
static void
page_sass_child(page_sass_t *sc, const page_sass_opts_t *o,
    const char *name, const char *shown, const char *src, size_t len,
    int indented, page_value_t *r, int fd)
{
    int            rc;
    char           tag;
    size_t         i;
    uint64_t       n;
    page_str_t     css;
    struct rlimit  rl;

    signal(SIGXCPU, SIG_DFL);
    rl.rlim_cur = (rlim_t) page_sass_cpu_limit;
    rl.rlim_max = (rlim_t) page_sass_cpu_limit + 1;
    (void) setrlimit(RLIMIT_CPU, &rl);
#ifndef __SANITIZE_ADDRESS__
    /* PAGE_SASS_MAX_MEMORY more than the worker's own address space (its
     * shared zones and heap are the child's too); ASan reserves more
     * than that for its shadow, so not under ASan */
    {
        FILE                *sf;
        unsigned long long   pages;

        sf = fopen("/proc/self/statm", "r");
        if (sf != NULL) {
            if (fscanf(sf, "%llu", &pages) == 1) {
                rl.rlim_cur = (rlim_t) pages * (rlim_t) sysconf(_SC_PAGESIZE)
                              + (rlim_t) PAGE_SASS_MAX_MEMORY;
                rl.rlim_max = rl.rlim_cur;
                (void) setrlimit(RLIMIT_AS, &rl);
            }
            fclose(sf);
        }
    }
#endif

    rc = page_sass_compile(sc, o, name, shown, src, len, indented, r, &css);

    tag = rc == 0 ? 'C' : 'E';
    n = rc == 0 ? css.len : strlen(sc->err);

    if (page_sass_write(fd, &tag, 1) != 0
        || page_sass_write(fd, &n, sizeof(n)) != 0
        || page_sass_write(fd, rc == 0 ? css.data : sc->err, (size_t) n)
           != 0)
    {
        _exit(1);
    }

    for (i = 0; rc == 0 && i < sc->ndeps; i++) {
        n = strlen(sc->deps[i].path);
        if (page_sass_write(fd, "D", 1) != 0
            || page_sass_write(fd, &n, sizeof(n)) != 0
            || page_sass_write(fd, sc->deps[i].path, (size_t) n) != 0
            || page_sass_write(fd, &sc->deps[i].size, 3 * sizeof(int64_t))
               != 0)
        {
            _exit(1);
        }
    }

    if (sc->deps_lost && page_sass_write(fd, "L", 1) != 0) {
        _exit(1);
    }

    _exit(page_sass_write(fd, "Z", 1) == 0 ? 0 : 1);
}


/* Take n bytes from the child's answer at *p. */
static int
page_sass_take(const char **p, const char *end, void *out, size_t n)
{
    if ((size_t) (end - *p) < n) {
        return -1;
    }
    memcpy(out, *p, n);
    *p += n;

    return 0;
}


/*
 * page_sass_compile in a child process that the kernel stops after
 * page_sass_cpu_limit seconds of CPU time (and PAGE_SASS_MAX_MEMORY of
 * memory): libsass has no limit of its own, and five nested @each over
 * ten values (a 200-byte file) take it 5 s and 320 MB, an endless @while
 * forever.  The child sends back the CSS or the error, then the files it
 * read (for the cache).  0, or 1 with sc->err set.
 */
static int
page_sass_sandboxed(page_sass_t *sc, const page_sass_opts_t *o,
    const char *name, const char *shown, const char *src, size_t len,
    int indented, page_value_t *r, page_str_t *css)
{
    int              fds[2], status, got_status;
    char             buf[65536], tag, *path;
    ssize_t          n;
    pid_t            pid;
    sigset_t         chld, old;
    struct timespec  zero;
    uint64_t         m;
    page_buf_t       b;
    const char      *p, *end, *why;

    if (pipe(fds) != 0) {
        return page_sass_fail(sc, "TOCSS: failed to transform \"%s\" (%s): "
                              "pipe: %s", name, page_resource_media(r),
                              strerror(errno));
    }

    /* its SIGCHLD is ours: nginx's handler would reap it and log an
     * "unknown process" (it is taken back below, before unblocking) */
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &old);

    /* what the CLI has buffered is not the child's to write (valgrind's
     * exit would flush its copy) */
    fflush(stdout);
    fflush(stderr);

    pid = fork();

    if (pid < 0) {
        sigprocmask(SIG_SETMASK, &old, NULL);
        close(fds[0]);
        close(fds[1]);
        return page_sass_fail(sc, "TOCSS: failed to transform \"%s\" (%s): "
                              "fork: %s", name, page_resource_media(r),
                              strerror(errno));
    }

    if (pid == 0) {
        sigprocmask(SIG_SETMASK, &old, NULL);
        close(fds[0]);
        page_sass_child(sc, o, name, shown, src, len, indented, r, fds[1]);
    }

    close(fds[1]);

    /* the answer: at most the CSS, the error and the files' names */
    page_buf_init(&b, sc->a, PAGE_SASS_MAX_OUTPUT + 1024
                             + PAGE_SASS_MAX_DEPS
                               * (PAGE_ASSETS_MAX_PATH + 64));
    for ( ;; ) {
        n = read(fds[0], buf, sizeof(buf));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        page_buf_append(&b, buf, (size_t) n);
        if (page_buf_failed(&b)) {
            kill(pid, SIGKILL);
            break;
        }
    }
    close(fds[0]);

    got_status = 0;
    for ( ;; ) {
        if (waitpid(pid, &status, 0) == pid) {
            got_status = 1;
            break;
        }
        if (errno != EINTR) {
            break;
        }
    }

    zero.tv_sec = 0;
    zero.tv_nsec = 0;
    while (sigtimedwait(&chld, NULL, &zero) == SIGCHLD) {
        /* taken */
    }
    sigprocmask(SIG_SETMASK, &old, NULL);

    p = b.data;
    end = b.data + b.len;

    if (!page_buf_failed(&b) && b.len > 0 && end[-1] == 'Z'
        && page_sass_take(&p, end, &tag, 1) == 0
        && page_sass_take(&p, end, &m, sizeof(m)) == 0
        && m <= (uint64_t) (end - p))
    {
        if (tag != 'C') {
            snprintf(sc->err, sizeof(sc->err), "%.*s", (int) m, p);
            return 1;
        }

        css->data = page_arena_strndup(sc->a, p, (size_t) m);
        css->len = (size_t) m;
        p += m;

        while (css->data != NULL && p < end - 1 && *p == 'D'
               && sc->ndeps < PAGE_SASS_MAX_DEPS)
        {
            p++;
            if (page_sass_take(&p, end, &m, sizeof(m)) != 0
                || m > (uint64_t) (end - p))
            {
                break;
            }
            path = page_arena_strndup(sc->a, p, (size_t) m);
            p += m;
            if (path == NULL
                || page_sass_take(&p, end, &sc->deps[sc->ndeps].size,
                                  3 * sizeof(int64_t)) != 0)
            {
                break;
            }
            sc->deps[sc->ndeps++].path = path;
        }

        if (css->data != NULL && p < end - 1 && *p == 'L') {
            sc->deps_lost = 1;
            p++;
        }

        if (css->data != NULL && p == end - 1) {
            return 0;
        }

        sc->ndeps = 0;
    }

    why = "the compile failed";
    if (got_status && WIFSIGNALED(status)) {
        why = WTERMSIG(status) == SIGXCPU || WTERMSIG(status) == SIGKILL
              ? "the compile was stopped" : "the compile crashed";
    }

    return page_sass_fail(sc, "TOCSS: failed to transform \"%s\" (%s): "
                          "%s: more than %d s of CPU time or %d MB of memory "
                          "(libsass has no limit of its own)", name,
                          page_resource_media(r), why, page_sass_cpu_limit,
                          PAGE_SASS_MAX_MEMORY / (1024 * 1024));
}


/* Free one cache entry. */
static void
page_sass_cache_drop(page_sass_cached_t *c)
{
    size_t  i;

    for (i = 0; i < c->ndeps; i++) {
        free(c->deps[i].path);
    }

    page_sass_cache_bytes -= c->len;
    free(c->deps);
    free(c->css);
    memset(c, 0, sizeof(page_sass_cached_t));
}


/* page_exit: the cache goes (page_fn.h). */
void
page_sass_exit(void)
{
    size_t  i;

    for (i = 0; i < PAGE_SASS_CACHE_ENTRIES; i++) {
        if (page_sass_cache[i].css != NULL) {
            page_sass_cache_drop(&page_sass_cache[i]);
        }
    }
}


/* The CSS cached for key, if every file it read is unchanged. */
static page_sass_cached_t *
page_sass_cache_get(XXH128_hash_t key)
{
    size_t               i, j;
    struct stat          sb;
    page_sass_cached_t  *c;
    page_sass_dep_t     *d;

    for (i = 0; i < PAGE_SASS_CACHE_ENTRIES; i++) {
        c = &page_sass_cache[i];
        if (c->css == NULL || !XXH128_isEqual(c->key, key)) {
            continue;
        }

        for (j = 0; j < c->ndeps; j++) {
            d = &c->deps[j];
            if (stat(d->path, &sb) != 0
                ? d->size != -1
                : (int64_t) sb.st_size != d->size
                  || (int64_t) sb.st_mtim.tv_sec != d->sec
                  || (int64_t) sb.st_mtim.tv_nsec != d->nsec)
            {
                page_sass_cache_drop(c);
                return NULL;
            }
        }

        c->used = ++page_sass_clock;
        return c;
    }

    return NULL;
}


/* Keep a compile's CSS (nothing when memory is short: it is a cache). */
static void
page_sass_cache_put(page_sass_t *sc, XXH128_hash_t key, const char *css,
    size_t len)
{
    size_t               i;
    page_sass_cached_t  *c, *lru;

    if (len > PAGE_SASS_CACHE_BYTES / 4 || sc->deps_lost) {
        return;
    }

    for ( ;; ) {
        c = NULL;
        lru = NULL;
        for (i = 0; i < PAGE_SASS_CACHE_ENTRIES; i++) {
            if (page_sass_cache[i].css == NULL) {
                c = c ? c : &page_sass_cache[i];
            } else if (lru == NULL || page_sass_cache[i].used < lru->used) {
                lru = &page_sass_cache[i];
            }
        }

        if (c != NULL && page_sass_cache_bytes + len <= PAGE_SASS_CACHE_BYTES)
        {
            break;
        }
        if (lru == NULL) {
            return;
        }
        page_sass_cache_drop(lru);
    }

    c->css = malloc(len + 1);
    c->deps = malloc((sc->ndeps + 1) * sizeof(page_sass_dep_t));
    if (c->css == NULL || c->deps == NULL) {
        free(c->css);
        free(c->deps);
        memset(c, 0, sizeof(page_sass_cached_t));
        return;
    }

    memcpy(c->css, css, len);
    c->css[len] = '\0';
    c->len = len;
    c->key = key;
    c->used = ++page_sass_clock;
    page_sass_cache_bytes += len;

    for (i = 0; i < sc->ndeps; i++) {
        c->deps[i] = sc->deps[i];
        c->deps[i].path = page_sass_strdup(sc->deps[i].path,
                                           strlen(sc->deps[i].path));
        if (c->deps[i].path == NULL) {
            c->ndeps = i;
            page_sass_cache_drop(c);
            return;
        }
        c->ndeps = i + 1;
    }
}


/* The cache key: everything a compile's CSS depends on but the files it
 * imports (those are checked by their size and time). */
static int
page_sass_key(page_sass_t *sc, const page_sass_opts_t *o, page_str_t name,
    page_str_t content, int indented, XXH128_hash_t *key)
{
    char        num[64];
    size_t      i;
    page_buf_t  b;

    page_buf_init(&b, sc->a, PAGE_SASS_MAX_INPUT * 2);

#define PART(s, n)  do { page_buf_append(&b, s, n); page_buf_putc(&b, 0); }  \
                    while (0)

    snprintf(num, sizeof(num), "%d %d %d", o->style, o->precision,
             indented);
    PART(num, strlen(num));
    PART(name.data, name.len);
    PART(content.data, content.len);
    PART(sc->vars ? sc->vars : "-", sc->vars ? sc->vars_len : 1);
    for (i = 0; i < sc->nincs; i++) {
        PART(sc->incs[i], strlen(sc->incs[i]));
    }
    PART("", 0);
    for (i = 0; sc->opt != NULL && i < sc->opt->nassets; i++) {
        PART(sc->opt->assets[i], strlen(sc->opt->assets[i]));
    }
    if (sc->opt != NULL && sc->opt->workdir != NULL) {
        PART(sc->opt->workdir, strlen(sc->opt->workdir));
    }

#undef PART

    if (page_buf_failed(&b)) {
        return -1;
    }

    *key = XXH3_128bits(b.data, b.len);

    return 0;
}


/*
 * css.Sass [OPTIONS] RESOURCE, toCSS and resources.ToCSS (a target path
 * string in place of the options: Hugo's ResolveArgs).
 */
int
page_fn_css_sass_run(page_tpl_state_t *st, page_value_t **args,
    size_t nargs, page_value_t **res)
{
    int                  indented, keyed, rc;
    char                *t;
    size_t               len, i;
    page_str_t           content, name, target, css;
    const char          *shown, *media, *s;
    page_sass_t         *sc;
    page_data_t         *d;
    page_value_t        *r, *file, *opts;
    XXH128_hash_t        key;
    page_sass_opts_t     o;
    page_sass_cached_t  *cached;

    if (page_fn_resource_args(st, args, nargs) != 0) {
        return -1;
    }

    r = args[nargs - 1];
    memset(&o, 0, sizeof(o));
    o.style = SASS_STYLE_NESTED;
    opts = nargs == 2 ? args[0] : NULL;

    if (page_tpl_is_str(opts)) {
        opts = page_value_map(page_tpl_arena(st));
        if (opts == NULL
            || page_map_set(page_tpl_arena(st), opts, "targetPath", 10,
                            args[0]) != 0)
        {
            return page_tpl_nomem(st);
        }
    }

    if (page_sass_options(st, opts, &o) != 0) {
        return -1;
    }

    d = page_tpl_env(st)->data;

    sc = page_arena_alloc(page_tpl_arena(st), sizeof(page_sass_t));
    if (sc == NULL) {
        return page_tpl_nomem(st);
    }
    memset(sc, 0, sizeof(page_sass_t));
    sc->st = st;
    sc->a = page_tpl_arena(st);
    sc->opt = d ? d->resources.opt : NULL;

    if (page_sass_vars(sc, o.vars) != 0
        || page_sass_includes(sc, o.incs) != 0)
    {
        return -1;
    }

    if (page_resource_content(st, r, &content) != 0) {
        return -1;
    }

    name = page_resource_name(r);
    media = page_resource_media(r);

    file = page_map_gets(r, "#file");
    shown = name.data[0] == '/' ? name.data + 1 : name.data;
    if (file != NULL && file->type == PAGE_STRING) {
        shown = file->u.s.data;
        len = sc->opt && sc->opt->workdir ? strlen(sc->opt->workdir) : 0;
        if (len != 0 && strncmp(shown, sc->opt->workdir, len) == 0
            && shown[len] == '/')
        {
            shown += len + 1;
        }
    }

    indented = strcmp(media, "text/x-sass") == 0;
    cached = NULL;
    keyed = page_sass_key(sc, &o, name, content, indented, &key) == 0;

    if (keyed) {
        cached = page_sass_cache_get(key);
    }

    if (cached != NULL) {
        css.data = page_arena_strndup(page_tpl_arena(st), cached->css,
                                      cached->len);
        css.len = cached->len;
        if (css.data == NULL) {
            return page_tpl_nomem(st);
        }

    } else {
        rc = page_sass_cpu_limit > 0
             ? page_sass_sandboxed(sc, &o, name.data, shown, content.data,
                                   content.len, indented, r, &css)
             : page_sass_compile(sc, &o, name.data, shown, content.data,
                                 content.len, indented, r, &css);
        if (rc != 0) {
            return page_tpl_fail(st, "%s", sc->err);
        }

        if (keyed) {
            page_sass_cache_put(sc, key, css.data, css.len);
        }
    }

    /* Hugo's target: the option, else the path with ".css" */
    if (o.target != NULL) {
        target.data = o.target;
        target.len = o.target_len;
    } else {
        target = page_resource_target(r);
        s = target.data;
        for (i = target.len; i > 0 && s[i - 1] != '/' && s[i - 1] != '.';
             i--)
        {
            /* void */
        }
        len = i > 0 && s[i - 1] == '.' ? i - 1 : target.len;
        t = page_arena_alloc(page_tpl_arena(st), len + 5);
        if (t == NULL) {
            return page_tpl_nomem(st);
        }
        memcpy(t, s, len);
        memcpy(t + len, ".css", 5);
        target.data = t;
        target.len = len + 4;
    }

    *res = page_resource_derive(page_tpl_arena(st), r, target.data,
                                target.len, css.data, css.len, NULL, NULL);

    return *res ? 0 : page_tpl_nomem(st);
}
