/*
 * page_templates: layouts directories -> one namespace of template files
 * -> compiled template sets (one per layout, one for partials and
 * shortcodes).  Everything here runs at configuration time except the
 * lookups at the end of the file.
 */

#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE  700          /* realpath() */
#endif

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "page_templates.h"

/* What a file is, by its folder (Hugo's template categories). */
typedef enum {
    PAGE_TCAT_LAYOUT = 0,
    PAGE_TCAT_BASEOF,
    PAGE_TCAT_PARTIAL,
    PAGE_TCAT_SHORTCODE,
    PAGE_TCAT_INTERNAL,         /* _internal/: in every set */
    PAGE_TCAT_OTHER             /* _markup/, _hugo/, nested _shortcodes/:
                                   compiled, never looked up */
} page_tcat_t;

typedef struct {
    const char  *s;
    size_t       len;
} page_tid_t;

typedef struct page_tfile_s  page_tfile_t;

struct page_tfile_s {
    char          *path;        /* relative, canonical folder names */
    char          *orig;        /* relative, as found */
    char          *hugo;        /* under Hugo 0.146's names: "single.html" */
    char          *origin;      /* file name for errors */
    const char    *text;
    size_t         len;
    char          *dir;         /* Hugo 0.146's folder key: "" or "/posts" */
    size_t         depth;       /* slashes in dir */
    page_tid_t     ids[PAGE_TEMPLATES_MAX_IDS];  /* name parts, ext last */
    unsigned       nids;
    page_tcat_t    cat;
    unsigned       builtin:1;   /* the built-in theme's */
    unsigned       plain:1;     /* a plain-text format: text/template */
    unsigned       html_media:1;    /* .html: a candidate for pages */
    unsigned       define:1;    /* fills in a baseof */
    unsigned       broken:1;    /* did not compile: an empty stand-in */
    unsigned       inner:1;     /* a shortcode that uses .Inner */
    unsigned       v1:1;        /* a shortcode with $_hugo_config version 1 */
    size_t         first_set;   /* its sets in t->sets */
    size_t         nsets;
};

typedef struct {
    const page_tfile_t  *layout;
    const page_tfile_t  *baseof;    /* NULL: executed on its own */
    const char          *entry;     /* the layout or its baseof */
    page_tpl_set_t      *set;
} page_tlayout_t;

struct page_templates_s {
    page_arena_t            *arena;
    const page_tpl_func_t   *funcs;
    size_t                   nfuncs;
    page_tfile_t            *files;
    size_t                   nfiles;
    size_t                   cap;
    page_tlayout_t          *sets;
    size_t                   nsets;
    size_t                   sets_cap;
    page_tpl_set_t          *partials;
    page_tpl_set_t          *text;      /* plain-text partials, shortcodes */
    page_tfile_t           **index;     /* files sorted by path, once */
    page_tfile_t           **pages;     /* user layouts, shallow first */
    size_t                   npages;
    page_tfile_t           **bases;     /* user baseofs, shallow first */
    size_t                   nbases;
    char                    *errors[PAGE_TEMPLATES_MAX_ERRORS];
    size_t                   nerrors;
    size_t                   lost_errors;   /* past the limit */
    page_error_t             first;
    unsigned                 adding_builtin:1;
};


/*
 * Hugo's output formats by name and the file extension of their media
 * type (output/outputFormat.go); plain: text/template.
 */
static const struct {
    const char  *name;
    const char  *ext;
    unsigned     plain;
} page_tformats[] = {
    { "html",           "html",         0 },
    { "amp",            "html",         0 },
    { "alias",          "html",         0 },
    { "404",            "html",         0 },
    { "calendar",       "ics",          1 },
    { "css",            "css",          1 },
    { "csv",            "csv",          1 },
    { "json",           "json",         1 },
    { "markdown",       "md",           1 },
    { "robots",         "txt",          1 },
    { "rss",            "xml",          0 },
    { "sitemap",        "xml",          0 },
    { "sitemapindex",   "xml",          0 },
    { "webappmanifest", "webmanifest",  1 },
    { "gotmpl",         "gotmpl",       1 },
    { NULL,             NULL,           0 }
};


static int
page_tid_is(const page_tid_t *id, const char *s)
{
    return id->len == strlen(s) && memcmp(id->s, s, id->len) == 0;
}


/* Is the extension one of a plain-text output format (Hugo: GetBySuffix). */
static int
page_tformat_plain_ext(const page_tid_t *ext)
{
    size_t  i;

    for (i = 0; page_tformats[i].name != NULL; i++) {
        if (page_tid_is(ext, page_tformats[i].ext)) {
            return page_tformats[i].plain;
        }
    }

    return 0;
}


/* Hugo's IsOutputFormat(name, ext); ext NULL: by name only. */
static int
page_tformat_is(const page_tid_t *id, const page_tid_t *ext)
{
    size_t  i;

    for (i = 0; page_tformats[i].name != NULL; i++) {
        if (page_tid_is(id, page_tformats[i].name)
            && (ext == NULL || page_tid_is(ext, page_tformats[i].ext)))
        {
            return 1;
        }
    }

    return 0;
}


static int
page_tkind_is(const page_tid_t *id)
{
    return page_tid_is(id, "home") || page_tid_is(id, "page")
           || page_tid_is(id, "section") || page_tid_is(id, "taxonomy")
           || page_tid_is(id, "term");
}


/*
 * A template's descriptor, as Hugo's path parser reads its file name
 * (common/paths: from the extension leftwards: a language of the site,
 * an output format, a page kind, "baseof", else a layout, the leftmost
 * winning), for the site's language lang.
 */
typedef struct {
    page_tid_t   kind;
    page_tid_t   layout;
    page_tid_t   ofmt;
    unsigned     lang:1;
    unsigned     baseof:1;
} page_tdesc_t;


static void
page_tdesc(const page_tfile_t *f, const char *lang, page_tdesc_t *d)
{
    size_t             i, n;
    const page_tid_t  *id, *ext;

    memset(d, 0, sizeof(page_tdesc_t));

    n = f->nids;
    if (n == 0) {
        return;
    }

    ext = &f->ids[n - 1];

    if (n > 1 && page_tformat_is(ext, NULL)) {
        d->ofmt = *ext;
    }

    for (i = n - 1; i-- > 0; ) {
        id = &f->ids[i];

        if (n > 2 && !d->lang && lang != NULL && page_tid_is(id, lang)) {
            d->lang = 1;

        } else if (page_tformat_is(id, ext)) {
            d->ofmt = *id;

        } else if (d->kind.len == 0 && page_tkind_is(id)) {
            d->kind = *id;

        } else if (page_tid_is(id, "baseof")) {
            d->baseof = 1;

        } else {
            d->layout = *id;
        }
    }

    /* normalizeFromFile, and the legacy home layout */

    if (d->layout.len && d->ofmt.len && d->layout.len == d->ofmt.len
        && memcmp(d->layout.s, d->ofmt.s, d->layout.len) == 0)
    {
        d->layout.len = 0;
    }

    if (page_tid_is(&d->layout, "index")) {
        if (d->kind.len == 0) {
            d->kind.s = "home";
            d->kind.len = 4;
        }
        d->layout.len = 0;
    }

    if (d->layout.len && d->layout.len == d->kind.len
        && memcmp(d->layout.s, d->kind.s, d->kind.len) == 0)
    {
        d->layout.len = 0;
    }
}


/* What a page looks for (Hugo's TemplateDescriptor of a page, html). */
typedef struct {
    const char  *kind;          /* "page", "home" */
    const char  *std;           /* "single", "list" */
    const char  *user;          /* layout from the front matter, or "" */
    const char  *lang;
    const char  *key;           /* the page's path: "/posts/a" */
    size_t       depth;
} page_tquery_t;

typedef struct {
    int     w1;
    int     w2;
    int     w3;
    int     wsm;
    size_t  distance;
} page_tweight_t;


/*
 * Hugo's doCompare (tpl/tplimpl/templatedescriptor.go) of a page's
 * descriptor with a template's, for the html output format: w1 <= 0 is
 * no match.
 */
static page_tweight_t
page_tweigh(const page_tquery_t *q, const page_tfile_t *f, int baseof)
{
    page_tdesc_t    d;
    page_tweight_t  w;
    int             skip;

    memset(&w, 0, sizeof(w));

    if (f->plain || !f->html_media) {
        return w;               /* another media type */
    }

    page_tdesc(f, q->lang, &d);

    if (d.kind.len && !page_tid_is(&d.kind, q->kind)) {
        return w;
    }

    if (d.layout.len && !page_tid_is(&d.layout, "all")
        && (q->user[0] == '\0' || !page_tid_is(&d.layout, q->user))
        && !page_tid_is(&d.layout, q->std))
    {
        return w;
    }

    if (d.ofmt.len && !page_tid_is(&d.ofmt, "html")) {
        /* another format of the same media type (amp) */
        skip = !baseof
               && !page_tid_is(&d.kind, q->kind)
               && !page_tid_is(&d.layout, q->std)
               && !page_tid_is(&d.layout, "all");
        if (q->user[0] != '\0') {
            skip = skip && !page_tid_is(&d.layout, q->user);
        }
        if (skip) {
            return w;
        }
    }

    w.w1 = 1;

    if (d.kind.len) {
        w.w1 += 5;
        w.w2 = 1;
    }

    if (d.layout.len && page_tid_is(&d.layout, q->std)) {
        w.w1 += 4;
        w.w2 = 1;

    } else if (page_tid_is(&d.layout, "all")) {
        w.w1 += 2;
        w.w2 = 1;
    }

    if (q->user[0] != '\0' && page_tid_is(&d.layout, q->user)) {
        w.w1 += 6;
        w.w2 = 2;
    }

    if (d.lang) {
        w.w1 += 1;
        w.wsm = 1;
    }

    if (page_tid_is(&d.ofmt, "html")) {
        w.w1 += 4;
        w.w3 += 1;
    }

    w.w1 += 1;                  /* the media type, text/html */
    w.w3 += 1;

    return w;
}


/* Hugo's bestMatch.isBetter, walking from the root down. */
static int
page_tbetter(const page_tweight_t *w, const page_tfile_t *f,
    const page_tweight_t *best, const page_tfile_t *bf)
{
    if (w->w1 <= 0) {
        return 0;
    }

    if (bf == NULL) {
        return 1;
    }

    if (w->distance < best->distance) {
        if (w->wsm < best->wsm || w->w2 < best->w2 || w->w3 < best->w3) {
            return 0;
        }

    } else if (w->w1 < best->w1) {
        return 0;
    }

    if (w->w1 == best->w1 && w->w2 == best->w2 && w->w3 == best->w3) {
        if (w->distance < best->distance) {
            return 1;
        }

        return strcmp(f->hugo, bf->hugo) < 0;
    }

    return 1;
}


/* Is dir (a folder key) the page's path key or above it. */
static int
page_tin_path(const char *key, const char *dir)
{
    size_t  n = strlen(dir);

    return n == 0
           || (strncmp(key, dir, n) == 0 && (key[n] == '\0' || key[n] == '/'));
}


static const page_tfile_t *
page_tbest(page_tfile_t *const *files, size_t n, const page_tquery_t *q,
    int baseof)
{
    size_t               i;
    page_tweight_t       w, best;
    const page_tfile_t  *bf;

    bf = NULL;
    memset(&best, 0, sizeof(best));

    for (i = 0; i < n; i++) {
        if (!page_tin_path(q->key, files[i]->dir)) {
            continue;
        }

        w = page_tweigh(q, files[i], baseof);
        w.distance = q->depth - files[i]->depth;

        if (page_tbetter(&w, files[i], &best, bf)) {
            best = w;
            bf = files[i];
        }
    }

    return bf;
}


page_templates_t *
page_templates_new(page_arena_t *arena, const page_tpl_func_t *funcs,
    size_t nfuncs)
{
    page_templates_t  *t;

    t = page_arena_calloc(arena, 1, sizeof(page_templates_t));
    if (t == NULL) {
        return NULL;
    }

    t->arena = arena;
    t->funcs = funcs;
    t->nfuncs = nfuncs;

    return t;
}


static int
page_has_prefix(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}


static int
page_has_suffix(const char *s, const char *suffix)
{
    size_t  n = strlen(s), m = strlen(suffix);

    return n >= m && strcmp(s + n - m, suffix) == 0;
}


static int
page_templates_path_cmp(const void *x, const void *y)
{
    const page_tfile_t  *a = *(page_tfile_t *const *) x;
    const page_tfile_t  *b = *(page_tfile_t *const *) y;

    return strcmp(a->path, b->path);
}


static int
page_templates_key_cmp(const void *key, const void *y)
{
    const page_tfile_t  *b = *(page_tfile_t *const *) y;

    return strcmp(key, b->path);
}


/*
 * A file by path: a binary search once the store is compiled (requests
 * look shortcodes and partials up on every call), a scan before.
 */
static page_tfile_t *
page_templates_find(const page_templates_t *t, const char *path)
{
    size_t          i;
    page_tfile_t  **f;

    if (t->index != NULL) {
        f = bsearch(path, t->index, t->nfiles, sizeof(page_tfile_t *),
                    page_templates_key_cmp);
        return f ? *f : NULL;
    }

    for (i = 0; i < t->nfiles; i++) {
        if (strcmp(t->files[i].path, path) == 0) {
            return &t->files[i];
        }
    }

    return NULL;
}


/* Lower-case ASCII copy in the arena. */
static char *
page_tlower(page_arena_t *a, const char *s, size_t len)
{
    char    *d;
    size_t   i;

    d = page_arena_strndup(a, s, len);
    if (d == NULL) {
        return NULL;
    }

    for (i = 0; i < len; i++) {
        if (d[i] >= 'A' && d[i] <= 'Z') {
            d[i] = (char) (d[i] - 'A' + 'a');
        }
    }

    return d;
}


/*
 * What Hugo 0.146 makes of a path (tplimpl's fromLegacyPath): "_default/"
 * is the root, "partials/" and "shortcodes/" are "_partials/" and
 * "_shortcodes/", "list-baseof.html" is "baseof.list.html".  Then the
 * category, the folder key and the parts of the file name.
 */
static int
page_templates_describe(page_templates_t *t, page_tfile_t *f,
    page_error_t *err)
{
    char        *h, *base, *p, *e, tmp[PATH_MAX];
    size_t       i, n, hlen;
    const char  *rel, *slash, *dash;

    rel = f->orig;
    n = strlen(rel);

    h = page_arena_alloc(t->arena, n + 3);
    if (h == NULL) {
        page_error_nomem(err, f->origin);
        return -1;
    }

    if (page_has_prefix(rel, "_default/")) {
        rel += sizeof("_default/") - 1;
    }

    if (page_has_prefix(rel, "partials/")
        || page_has_prefix(rel, "shortcodes/"))
    {
        h[0] = '_';
        strcpy(h + 1, rel);

    } else {
        strcpy(h, rel);
    }

    /* X-baseof.ext -> baseof.X.ext */

    slash = strrchr(h, '/');
    base = slash ? (char *) slash + 1 : h;
    dash = strstr(base, "-baseof");

    if (dash != NULL && dash > base && dash[7] == '.'
        && (size_t) snprintf(tmp, sizeof(tmp), "baseof.%.*s%s",
                             (int) (dash - base), base, dash + 7)
           < sizeof(tmp)
        && strlen(tmp) == strlen(base))
    {
        strcpy(base, tmp);
    }

    f->hugo = page_tlower(t->arena, h, strlen(h));
    if (f->hugo == NULL) {
        page_error_nomem(err, f->origin);
        return -1;
    }

    h = f->hugo;
    hlen = strlen(h);

    if (page_has_prefix(h, "_internal/")) {
        f->cat = PAGE_TCAT_INTERNAL;

    } else if (page_has_prefix(h, "_partials/")) {
        f->cat = PAGE_TCAT_PARTIAL;

    } else if (page_has_prefix(h, "_shortcodes/")) {
        f->cat = PAGE_TCAT_SHORTCODE;

    } else if (page_has_prefix(h, "_markup/") || page_has_prefix(h, "_hugo/")
               || page_has_prefix(h, "_server/")
               || strstr(h, "/_markup/") != NULL
               || strstr(h, "/_partials/") != NULL)
    {
        f->cat = PAGE_TCAT_OTHER;

    } else if (strstr(h, "/_shortcodes/") != NULL) {
        f->cat = PAGE_TCAT_SHORTCODE;     /* for the pages below its folder */

    } else {
        f->cat = PAGE_TCAT_LAYOUT;
    }

    /* the folder key, "/posts", and the parts of the name */

    slash = strrchr(h, '/');
    base = slash ? (char *) slash + 1 : h;

    if (slash == NULL) {
        f->dir = "";

    } else {
        f->dir = page_arena_alloc(t->arena, (size_t) (slash - h) + 2);
        if (f->dir == NULL) {
            page_error_nomem(err, f->origin);
            return -1;
        }
        f->dir[0] = '/';
        memcpy(f->dir + 1, h, (size_t) (slash - h));
        f->dir[slash - h + 1] = '\0';
    }

    f->depth = 0;
    for (p = f->dir; *p; p++) {
        f->depth += *p == '/';
    }

    f->nids = 0;
    for (p = base; f->nids < PAGE_TEMPLATES_MAX_IDS; p = e + 1) {
        e = strchr(p, '.');
        if (e == NULL) {
            e = h + hlen;
        }

        f->ids[f->nids].s = p;
        f->ids[f->nids].len = (size_t) (e - p);
        f->nids++;

        if (*e == '\0') {
            break;
        }
    }

    if (f->nids > 1) {
        f->plain = page_tformat_plain_ext(&f->ids[f->nids - 1]);
        f->html_media = page_tid_is(&f->ids[f->nids - 1], "html")
                        || page_tid_is(&f->ids[f->nids - 1], "htm");
    }

    if (f->cat == PAGE_TCAT_LAYOUT) {
        for (i = 0; i + 1 < f->nids; i++) {
            if (page_tid_is(&f->ids[i], "baseof")) {
                f->cat = PAGE_TCAT_BASEOF;
            }
        }
    }

    return 0;
}


/*
 * Register one file under its canonical path: current Hugo's "_partials/"
 * and "_shortcodes/" are the same folders as "partials/" and
 * "shortcodes/".  The first file registered under a path wins.
 */
static int
page_templates_register(page_templates_t *t, const char *rel,
    const char *origin, const char *text, size_t len, page_error_t *err)
{
    char          *path, *orig;
    size_t         cap;
    const char    *canon;
    page_tfile_t  *files, *f;

    canon = rel;

    if (page_has_prefix(rel, "_partials/")
        || page_has_prefix(rel, "_shortcodes/"))
    {
        canon++;
    }

    if (page_templates_find(t, canon) != NULL) {
        return 0;
    }

    if (t->nfiles >= PAGE_TEMPLATES_MAX_FILES) {
        page_error_set(err, PAGE_ERR_LIMIT, origin, 0, 0,
                       "more than %d template files",
                       PAGE_TEMPLATES_MAX_FILES);
        return -1;
    }

    if (t->nfiles == t->cap) {
        cap = t->cap ? t->cap * 2 : 64;
        files = page_arena_realloc(t->arena, t->files,
                                   t->nfiles * sizeof(page_tfile_t),
                                   cap * sizeof(page_tfile_t));
        if (files == NULL) {
            page_error_nomem(err, origin);
            return -1;
        }

        t->files = files;
        t->cap = cap;
    }

    path = page_arena_strndup(t->arena, canon, strlen(canon));
    orig = page_arena_strndup(t->arena, rel, strlen(rel));
    origin = page_arena_strndup(t->arena, origin, strlen(origin));

    if (path == NULL || orig == NULL || origin == NULL) {
        page_error_nomem(err, rel);
        return -1;
    }

    /* every field: the new slot is recycled arena memory, not zeroes */
    f = &t->files[t->nfiles];
    memset(f, 0, sizeof(page_tfile_t));
    f->path = path;
    f->orig = orig;
    f->origin = (char *) origin;
    f->text = text;
    f->len = len;
    f->builtin = t->adding_builtin;

    if (page_templates_describe(t, f, err) != 0) {
        return -1;
    }

    t->nfiles++;

    return 0;
}


static int
page_templates_read(page_templates_t *t, const char *file, off_t size,
    char **text, page_error_t *err)
{
    FILE    *f;
    char    *buf;
    size_t   n;

    if (size > PAGE_TEMPLATES_MAX_FILE_SIZE) {
        page_error_set(err, PAGE_ERR_LIMIT, file, 0, 0,
                       "template larger than %d bytes",
                       PAGE_TEMPLATES_MAX_FILE_SIZE);
        return -1;
    }

    buf = page_arena_alloc(t->arena, (size_t) size + 1);
    if (buf == NULL) {
        page_error_nomem(err, file);
        return -1;
    }

    f = fopen(file, "rb");
    if (f == NULL) {
        page_error_set(err, PAGE_ERR_CONTENT, file, 0, 0, "cannot open: %s",
                       strerror(errno));
        return -1;
    }

    n = fread(buf, 1, (size_t) size, f);
    fclose(f);

    if (n != (size_t) size) {
        page_error_set(err, PAGE_ERR_CONTENT, file, 0, 0,
                       "cannot read the whole file");
        return -1;
    }

    buf[n] = '\0';
    *text = buf;

    return 0;
}


/*
 * Walk dir/rel.  root is the real path of the layouts directory: every
 * file, after its symbolic links are resolved, must be inside it.
 */
static void page_templates_record(page_templates_t *t, const page_error_t *e);


/*
 * A file the walk cannot take: recorded with the template errors, and the
 * walk goes on, so that one run reports every such file.
 */
static void
page_templates_refuse(page_templates_t *t, const char *path,
    const char *fmt, const char *a1, const char *a2)
{
    page_error_t  e;

    page_error_init(&e);
    page_error_set(&e, PAGE_ERR_CONTENT, path, 0, 0, fmt, a1, a2);
    page_templates_record(t, &e);
}


/*
 * Walk dir/rel.  root is the real path of the layouts directory: every
 * file, after its symbolic links are resolved, must be inside it.  -1 only
 * for what stops the whole walk (memory, the limits).
 */
static int
page_templates_walk(page_templates_t *t, const char *root, const char *dir,
    const char *rel, unsigned depth, page_error_t *err)
{
    int             rc;
    DIR            *d;
    char            path[PATH_MAX], sub[PATH_MAX], real[PATH_MAX], *text;
    size_t          rlen;
    struct stat     st;
    page_error_t    e;
    struct dirent  *de;

    if (depth > PAGE_TEMPLATES_MAX_DEPTH) {
        page_error_set(err, PAGE_ERR_LIMIT, dir, 0, 0,
                       "layouts nest deeper than %d folders",
                       PAGE_TEMPLATES_MAX_DEPTH);
        return -1;
    }

    if ((size_t) snprintf(path, sizeof(path), "%s%s%s", dir,
                          rel[0] ? "/" : "", rel)
        >= sizeof(path))
    {
        page_templates_refuse(t, dir, "path too long%s%s", "", "");
        return 0;
    }

    d = opendir(path);
    if (d == NULL) {
        page_templates_refuse(t, path, "cannot open the layouts "
                              "directory: %s%s", strerror(errno), "");
        return 0;
    }

    rc = 0;
    rlen = strlen(root);

    while (rc == 0 && (de = readdir(d)) != NULL) {

        if (de->d_name[0] == '.') {
            continue;               /* ".", "..", and hidden files */
        }

        if ((size_t) snprintf(sub, sizeof(sub), "%s%s%s", rel,
                              rel[0] ? "/" : "", de->d_name)
            >= sizeof(sub)
            || (size_t) snprintf(path, sizeof(path), "%s/%s", dir, sub)
               >= sizeof(path))
        {
            page_templates_refuse(t, dir, "path too long%s%s", "", "");
            continue;
        }

        if (realpath(path, real) == NULL || stat(real, &st) != 0) {
            page_templates_refuse(t, path, "cannot resolve: %s%s",
                                  strerror(errno), "");
            continue;
        }

        if (strncmp(real, root, rlen) != 0 || real[rlen] != '/') {
            page_templates_refuse(t, path, "refusing a template outside "
                                  "the layouts directory %s (it resolves "
                                  "to %s)", root, real);
            continue;
        }

        if (S_ISDIR(st.st_mode)) {
            rc = page_templates_walk(t, root, dir, sub, depth + 1, err);
            continue;
        }

        /* any extension, as Hugo reads layouts/; not editors' backups */
        if (!S_ISREG(st.st_mode) || page_has_suffix(de->d_name, "~")) {
            continue;
        }

        if (page_templates_find(t, page_has_prefix(sub, "_partials/")
                                   || page_has_prefix(sub, "_shortcodes/")
                                   ? sub + 1 : sub)
            != NULL)
        {
            continue;               /* an earlier directory has it */
        }

        page_error_init(&e);

        if (page_templates_read(t, path, st.st_size, &text, &e) != 0) {
            if (e.status == PAGE_ERR_NOMEM) {
                *err = e;
                rc = -1;
                break;
            }
            page_templates_record(t, &e);
            continue;
        }

        if (page_templates_register(t, sub, path, text, (size_t) st.st_size,
                                    err) != 0)
        {
            rc = -1;
        }
    }

    closedir(d);

    return rc;
}


/*
 * Add a layouts directory.  A file it cannot take (outside the directory,
 * unreadable, too large) is reported with the template errors and the
 * others are still read: -1 then, err holding the first such error, and
 * the store still compiles the rest to report their errors too.
 */
int
page_templates_add_dir(page_templates_t *t, const char *dir,
    page_error_t *err)
{
    char         root[PATH_MAX];
    size_t       before;
    struct stat  st;

    before = t->nerrors + t->lost_errors;

    if (realpath(dir, root) == NULL || stat(root, &st) != 0) {
        page_templates_refuse(t, dir, "cannot open the layouts directory: "
                              "%s%s", strerror(errno), "");

    } else if (!S_ISDIR(st.st_mode)) {
        page_templates_refuse(t, dir, "not a directory%s%s", "", "");

    } else if (page_templates_walk(t, root, root, "", 0, err) != 0) {
        return -1;
    }

    if (t->nerrors + t->lost_errors > before) {
        *err = t->first;
        return -1;
    }

    return 0;
}


int
page_templates_add_files(page_templates_t *t, const char *origin,
    const page_template_file_t *files, size_t n, page_error_t *err)
{
    int          rc;
    char         name[PATH_MAX], rel[PATH_MAX];
    size_t       i;
    const char  *sc;

    /* files from memory come after every directory: the built-in tier */
    t->adding_builtin = 1;
    rc = 0;

    for (i = 0; i < n; i++) {
        snprintf(name, sizeof(name), "%s/%s", origin, files[i].path);

        if (page_templates_register(t, files[i].path, name, files[i].text,
                                    files[i].len, err) != 0)
        {
            rc = -1;
            break;
        }

        /*
         * Hugo's embedded shortcodes are templates of every set too,
         * "_internal/shortcodes/figure.html", even where a user's
         * shortcode of the same name wraps them.
         */
        sc = files[i].path;
        if (page_has_prefix(sc, "_shortcodes/")) {
            sc++;
        }

        if (page_has_prefix(sc, "shortcodes/")
            && (size_t) snprintf(rel, sizeof(rel), "_internal/%s", sc)
               < sizeof(rel)
            && page_templates_register(t, rel, name, files[i].text,
                                       files[i].len, err) != 0)
        {
            rc = -1;
            break;
        }
    }

    t->adding_builtin = 0;

    return rc;
}


/* Does s mention needle, not as the start of a longer name? */
static int
page_mentions(const char *s, size_t len, const char *needle)
{
    size_t  i, n;
    char    c;

    n = strlen(needle);

    for (i = 0; i + n <= len; i++) {
        if (s[i] != needle[0] || memcmp(s + i, needle, n) != 0) {
            continue;
        }

        c = i + n < len ? s[i + n] : ' ';

        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9') || c == '_'))
        {
            return 1;
        }
    }

    return 0;
}


/*
 * Hugo decides from the template whether a shortcode takes inner content
 * (it mentions .Inner or .InnerDeindent), and whether it asks for the
 * pre-0.55 behaviour: {{ $_hugo_config := `{ "version": 1 }` }}.
 */
static void
page_templates_shortcode_flags(page_tfile_t *f)
{
    size_t       i, j;
    const char  *s = f->text;

    f->inner = page_mentions(s, f->len, ".Inner")
               || page_mentions(s, f->len, ".InnerDeindent");
    f->v1 = 0;

    if (!page_mentions(s, f->len, "$_hugo_config")) {
        return;
    }

    for (i = 0; i + 9 <= f->len; i++) {
        if (memcmp(s + i, "\"version\"", 9) != 0) {
            continue;
        }

        for (j = i + 9; j < f->len && (s[j] == ' ' || s[j] == ':'); j++) {
            /* void */
        }

        if (j < f->len && s[j] == '1'
            && (j + 1 == f->len || s[j + 1] < '0' || s[j + 1] > '9'))
        {
            f->v1 = 1;
            return;
        }
    }
}


/* Does the text {{ define }} anything: then it fills in a baseof. */
static int
page_has_define(const char *s, size_t len)
{
    size_t  i, j;

    for (i = 0; i + 2 < len; i++) {
        if (s[i] != '{' || s[i + 1] != '{') {
            continue;
        }

        j = i + 2;
        if (j < len && s[j] == '-') {
            j++;
        }
        while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n'
                           || s[j] == '\r'))
        {
            j++;
        }

        if (len - j >= 6 && memcmp(s + j, "define", 6) == 0) {
            return 1;
        }
    }

    return 0;
}


/* ---- errors: every one, once, one line each ---- */

static void
page_templates_record(page_templates_t *t, const page_error_t *e)
{
    size_t  i;

    if (t->nerrors == 0 && t->lost_errors == 0) {
        t->first = *e;
    }

    for (i = 0; i < t->nerrors; i++) {
        if (strcmp(t->errors[i], e->msg) == 0) {
            return;                 /* a baseof in many sets: once */
        }
    }

    if (t->nerrors == PAGE_TEMPLATES_MAX_ERRORS) {
        t->lost_errors++;
        return;
    }

    t->errors[t->nerrors] = page_arena_strndup(t->arena, e->msg,
                                               strlen(e->msg));
    if (t->errors[t->nerrors] != NULL) {
        t->nerrors++;
    }
}


/* The file an error line is about: its message starts with the origin. */
static page_tfile_t *
page_templates_blame(page_templates_t *t, const page_error_t *e)
{
    size_t         i, n, best;
    page_tfile_t  *f;

    f = NULL;
    best = 0;

    for (i = 0; i < t->nfiles; i++) {
        n = strlen(t->files[i].origin);

        if (n > best && strncmp(e->msg, t->files[i].origin, n) == 0
            && e->msg[n] == ':')
        {
            f = &t->files[i];
            best = n;
        }
    }

    return f;
}


static page_tpl_set_t *
page_templates_new_set(page_templates_t *t, int html, page_error_t *err)
{
    page_tpl_set_t  *set;

    set = page_tpl_set_new(t->arena, html);
    if (set == NULL) {
        page_error_nomem(err, "templates");
        return NULL;
    }

    if (t->nfuncs && page_tpl_set_funcs(set, t->funcs, t->nfuncs) != 0) {
        page_error_nomem(err, "templates");
        return NULL;
    }

    return set;
}


/*
 * Add f to set: itself, or an empty stand-in once it is broken.  A parse
 * error is recorded and f marked broken; -1 only when memory runs out.
 */
static int
page_templates_add(page_templates_t *t, page_tpl_set_t *set, page_tfile_t *f,
    const char *name, page_error_t *err)
{
    page_error_t  e;

    if (!f->broken) {
        page_error_init(&e);

        if (page_tpl_set_add(set, name, f->origin, f->text, f->len, &e) == 0)
        {
            return 0;
        }

        if (e.status == PAGE_ERR_NOMEM) {
            *err = e;
            return -1;
        }

        page_templates_record(t, &e);
        f->broken = 1;
    }

    page_error_init(&e);

    if (page_tpl_set_add(set, name, f->origin, "", 0, &e) != 0) {
        *err = e;
        return -1;
    }

    return 0;
}


/*
 * Hugo's internal templates ({{ template "_internal/opengraph.html" . }})
 * can be called from any template: every set gets them.
 */
static int
page_templates_add_internal(page_templates_t *t, page_tpl_set_t *set,
    int layout, page_error_t *err)
{
    size_t         i;
    page_tfile_t  *f;

    for (i = 0; i < t->nfiles; i++) {
        f = &t->files[i];

        /* the embedded shortcodes are for shortcodes, in the partials' set */
        if (f->cat != PAGE_TCAT_INTERNAL
            || (layout && page_has_prefix(f->path, "_internal/shortcodes/")))
        {
            continue;
        }

        if (page_templates_add(t, set, f, f->path, err) != 0) {
            return -1;
        }
    }

    return 0;
}


/*
 * A check failed: blame the file its message names (marked broken, so the
 * next attempt leaves it out), or the whole set when none is named.
 * Returns 1 when another attempt may succeed.
 */
static int
page_templates_check_failed(page_templates_t *t, const page_error_t *e)
{
    page_tfile_t  *f;

    page_templates_record(t, e);

    f = page_templates_blame(t, e);
    if (f == NULL || f->broken) {
        return 0;
    }

    f->broken = 1;

    return 1;
}


/* Is f one of the partial set's: plain 0 (html) or 1 (text). */
static int
page_templates_in_partials(const page_tfile_t *f, int plain)
{
    if (f->cat != PAGE_TCAT_PARTIAL && f->cat != PAGE_TCAT_SHORTCODE
        && f->cat != PAGE_TCAT_OTHER)
    {
        return 0;
    }

    return (int) f->plain == plain;
}


/*
 * The set of partials and shortcodes (html) or of the plain-text ones:
 * built again without a file whose check failed, until it checks.  In the
 * html set a plain-text file is a template that runs it in the text set,
 * its value returned (partials) or printed (shortcodes) as it is.
 */
static page_tpl_set_t *
page_templates_partial_set(page_templates_t *t, int plain, page_error_t *err)
{
    char             wrap[PATH_MAX + 64];
    size_t           i, attempt;
    page_error_t     e;
    page_tfile_t    *f;
    page_tpl_set_t  *set;

    for (attempt = 0; attempt <= t->nfiles; attempt++) {

        set = page_templates_new_set(t, !plain, err);
        if (set == NULL || page_templates_add_internal(t, set, 0, err) != 0)
        {
            return NULL;
        }

        for (i = 0; i < t->nfiles; i++) {
            f = &t->files[i];

            if (page_templates_in_partials(f, plain)) {
                if (page_templates_add(t, set, f, f->path, err) != 0) {
                    return NULL;
                }
                continue;
            }

            if (plain || !page_templates_in_partials(f, 1)
                || strchr(f->path, '"') != NULL
                || strchr(f->path, '\\') != NULL)
            {
                continue;
            }

            snprintf(wrap, sizeof(wrap),
                     f->cat == PAGE_TCAT_SHORTCODE
                     ? "{{ _page_text_template \"%s\" . }}"
                     : "{{ return (_page_text_template \"%s\" .) }}",
                     f->path);

            page_error_init(&e);

            if (page_tpl_set_add(set, f->path, f->origin, wrap,
                                 strlen(wrap), &e) != 0)
            {
                *err = e;
                return NULL;
            }
        }

        page_error_init(&e);

        if (page_tpl_set_check(set, &e) == 0) {
            return set;
        }

        if (e.status == PAGE_ERR_NOMEM) {
            *err = e;
            return NULL;
        }

        if (!page_templates_check_failed(t, &e)) {
            break;
        }
    }

    /* nothing more to blame: an empty set stands in */
    set = page_templates_new_set(t, !plain, err);
    if (set == NULL) {
        return NULL;
    }

    page_error_init(&e);
    if (page_tpl_set_check(set, &e) != 0) {
        *err = e;
        return NULL;
    }

    return set;
}


/*
 * Can baseof b wrap layout f for some page: their folders on one path,
 * and b not for a kind that no page rendered here has (section, taxonomy,
 * term: a page is a page or the home page).
 */
static int
page_templates_chain(const page_tfile_t *f, const page_tfile_t *b)
{
    page_tdesc_t  d;

    page_tdesc(b, NULL, &d);

    if (d.kind.len && !page_tid_is(&d.kind, "page")
        && !page_tid_is(&d.kind, "home"))
    {
        return 0;
    }

    if (b->builtin) {
        return 1;
    }

    return page_tin_path(f->dir, b->dir) || page_tin_path(b->dir, f->dir);
}


/*
 * One layout's set with baseof b (or none): the layout, its baseof, and
 * the internal templates, checked as an entry point.  A broken layout or
 * baseof is recorded and stands in as an empty template.
 */
static int
page_templates_layout_set(page_templates_t *t, page_tfile_t *f,
    page_tfile_t *b, page_error_t *err)
{
    size_t           attempt;
    page_error_t     e;
    page_tlayout_t  *l;
    page_tpl_set_t  *set;

    if (t->nsets == t->sets_cap) {
        page_error_set(err, PAGE_ERR_LIMIT, f->origin, 0, 0,
                       "more than %d layout and baseof pairs",
                       PAGE_TEMPLATES_MAX_SETS);
        return -1;
    }

    for (attempt = 0; ; attempt++) {
        set = page_templates_new_set(t, !f->plain, err);
        if (set == NULL || page_templates_add_internal(t, set, 1, err) != 0)
        {
            return -1;
        }

        if ((b != NULL && page_templates_add(t, set, b, b->path, err) != 0)
            || page_templates_add(t, set, f, f->path, err) != 0)
        {
            return -1;
        }

        page_error_init(&e);

        if (page_tpl_set_check(set, &e) == 0
            && (f->plain || f->broken || !f->html_media
                || page_tpl_set_check_entry(set, b ? b->path : f->path, &e)
                   == 0))
        {
            break;
        }

        if (e.status == PAGE_ERR_NOMEM) {
            *err = e;
            return -1;
        }

        if (attempt > 3 || !page_templates_check_failed(t, &e)) {
            /* nothing else to leave out: the layout itself */
            if (f->broken) {
                return 0;
            }
            f->broken = 1;
        }
    }

    l = &t->sets[t->nsets++];
    l->layout = f;
    l->baseof = b;
    l->entry = b ? b->path : f->path;
    l->set = set;

    return 0;
}


static int
page_templates_str_cmp(const void *x, const void *y)
{
    return strcmp(*(char *const *) x, *(char *const *) y);
}


static int
page_templates_depth_cmp(const void *x, const void *y)
{
    const page_tfile_t  *a = *(page_tfile_t *const *) x;
    const page_tfile_t  *b = *(page_tfile_t *const *) y;

    if (a->depth != b->depth) {
        return a->depth < b->depth ? -1 : 1;
    }

    return strcmp(a->hugo, b->hugo);
}


int
page_templates_compile(page_templates_t *t, page_error_t *err)
{
    size_t         i, j, nb;
    page_tfile_t  *f, *b;

    for (i = 0; i < t->nfiles; i++) {
        f = &t->files[i];

        if (f->cat == PAGE_TCAT_SHORTCODE) {
            page_templates_shortcode_flags(f);
        }

        f->define = f->cat == PAGE_TCAT_LAYOUT
                    && page_has_define(f->text, f->len);
    }

    t->text = page_templates_partial_set(t, 1, err);
    if (t->text == NULL) {
        return -1;
    }

    t->partials = page_templates_partial_set(t, 0, err);
    if (t->partials == NULL) {
        return -1;
    }

    /* the user's layouts and baseofs, shallow folders first */

    t->pages = page_arena_alloc(t->arena,
                                (t->nfiles + 1) * sizeof(page_tfile_t *));
    t->bases = page_arena_alloc(t->arena,
                                (t->nfiles + 1) * sizeof(page_tfile_t *));
    if (t->pages == NULL || t->bases == NULL) {
        page_error_nomem(err, "templates");
        return -1;
    }

    nb = 0;

    for (i = 0; i < t->nfiles; i++) {
        f = &t->files[i];

        if (f->cat == PAGE_TCAT_BASEOF) {
            nb++;
            if (!f->builtin) {
                t->bases[t->nbases++] = f;
            }

        } else if (f->cat == PAGE_TCAT_LAYOUT && !f->builtin) {
            t->pages[t->npages++] = f;
        }
    }

    qsort(t->pages, t->npages, sizeof(page_tfile_t *),
          page_templates_depth_cmp);
    qsort(t->bases, t->nbases, sizeof(page_tfile_t *),
          page_templates_depth_cmp);

    /* a set per layout and each baseof that may wrap it */

    /* at most one set per layout alone and one per layout and baseof */
    t->sets_cap = t->nfiles * (nb + 1) + 1;
    if (t->sets_cap > PAGE_TEMPLATES_MAX_SETS) {
        t->sets_cap = PAGE_TEMPLATES_MAX_SETS;
    }

    t->sets = page_arena_alloc(t->arena,
                               t->sets_cap * sizeof(page_tlayout_t));
    if (t->sets == NULL) {
        page_error_nomem(err, "templates");
        return -1;
    }

    for (i = 0; i < t->nfiles; i++) {
        f = &t->files[i];

        if (f->cat != PAGE_TCAT_LAYOUT && f->cat != PAGE_TCAT_BASEOF) {
            continue;
        }

        f->first_set = t->nsets;

        if (f->cat == PAGE_TCAT_BASEOF || !f->define || f->plain
            || !f->html_media || nb == 0)
        {
            if (page_templates_layout_set(t, f, NULL, err) != 0) {
                return -1;
            }
            f->nsets = t->nsets - f->first_set;
            continue;
        }

        for (j = 0; j < t->nfiles; j++) {
            b = &t->files[j];

            if (b->cat != PAGE_TCAT_BASEOF || b->plain || !b->html_media
                || !page_templates_chain(f, b))
            {
                continue;
            }

            if (page_templates_layout_set(t, f, b, err) != 0) {
                return -1;
            }
        }

        if (t->nsets == f->first_set
            && page_templates_layout_set(t, f, NULL, err) != 0)
        {
            return -1;
        }

        f->nsets = t->nsets - f->first_set;
    }

    t->index = page_arena_alloc(t->arena,
                                (t->nfiles + 1) * sizeof(page_tfile_t *));
    if (t->index == NULL) {
        page_error_nomem(err, "templates");
        return -1;
    }

    for (i = 0; i < t->nfiles; i++) {
        t->index[i] = &t->files[i];
    }

    qsort(t->index, t->nfiles, sizeof(page_tfile_t *),
          page_templates_path_cmp);

    if (t->nerrors || t->lost_errors) {
        /* in the order of their file names, whatever readdir's order */
        qsort(t->errors, t->nerrors, sizeof(char *), page_templates_str_cmp);
        *err = t->first;
        snprintf(err->msg, sizeof(err->msg), "%s", t->errors[0]);
        return -1;
    }

    return 0;
}


size_t
page_templates_nerrors(const page_templates_t *t)
{
    return t->nerrors;
}


const char *
page_templates_error(const page_templates_t *t, size_t i)
{
    return i < t->nerrors ? t->errors[i] : NULL;
}


/* ---- lookups, at request time ---- */

/* A name from content or config must not climb out: "..", "/x", "a//b". */
static int
page_templates_safe_name(const char *name, size_t len)
{
    size_t  i;

    if (len == 0 || name[0] == '/' || memchr(name, '\0', len) != NULL) {
        return 0;
    }

    for (i = 0; i < len; i++) {
        if (name[i] == '\\') {
            return 0;
        }

        if (name[i] == '.' && i + 1 < len && name[i + 1] == '.'
            && (i == 0 || name[i - 1] == '/')
            && (i + 2 == len || name[i + 2] == '/'))
        {
            return 0;
        }
    }

    return 1;
}


/* The set that runs layout f for a page: through baseof b when it has it. */
static const page_tpl_set_t *
page_templates_pair(const page_templates_t *t, const page_tfile_t *f,
    const page_tfile_t *b, const char **entry)
{
    size_t                 i;
    const page_tlayout_t  *l, *alone;

    alone = NULL;

    for (i = f->first_set; i < f->first_set + f->nsets; i++) {
        l = &t->sets[i];

        if (l->baseof == b) {
            *entry = l->entry;
            return l->set;
        }

        if (l->baseof == NULL) {
            alone = l;
        }
    }

    if (alone == NULL && f->nsets) {
        alone = &t->sets[f->first_set];
    }

    if (alone == NULL) {
        return NULL;
    }

    *entry = alone->entry;
    return alone->set;
}


/* In the built-in theme: <dir>/<name>.html for Hugo's old names. */
static const page_tfile_t *
page_templates_builtin(const page_templates_t *t, const char *dir,
    const char *name)
{
    char                 cand[PATH_MAX];
    const page_tfile_t  *f;

    if ((size_t) snprintf(cand, sizeof(cand), "%s%s%s.html",
                          dir ? dir : "", dir ? "/" : "", name)
        >= sizeof(cand))
    {
        return NULL;
    }

    f = page_templates_find(t, cand);

    return f != NULL && f->builtin ? f : NULL;
}


/*
 * The page's path as Hugo's lookups walk it (Path.BaseReTyped): lower
 * case, no extension, no "index"/"_index"; a front matter type in place of
 * the section.
 */
static void
page_templates_key(const page_templates_query_t *q, char *key, size_t size)
{
    char        *p, *slash, *dot;
    size_t       n, i;
    const char  *rest;

    key[0] = '\0';

    if (q->path != NULL && q->path_len > 0
        && q->path_len < size - 2 && memchr(q->path, '\0', q->path_len) == NULL)
    {
        snprintf(key, size, "%s%.*s", q->path[0] == '/' ? "" : "/",
                 (int) q->path_len, q->path);
    }

    for (p = key; *p; p++) {
        if (*p >= 'A' && *p <= 'Z') {
            *p = (char) (*p - 'A' + 'a');
        }
    }

    slash = strrchr(key, '/');
    if (slash != NULL) {
        dot = strrchr(slash, '.');
        if (dot != NULL && dot != slash + 1) {
            *dot = '\0';
        }
        if (strcmp(slash + 1, "index") == 0
            || strcmp(slash + 1, "_index") == 0)
        {
            *slash = '\0';
        }
    }

    if (q->type == NULL || q->type[0] == '\0'
        || !page_templates_safe_name(q->type, strlen(q->type)))
    {
        return;
    }

    /* the section is the first folder of a page below the root */
    rest = strchr(key + (key[0] == '/'), '/');
    n = rest ? (size_t) (rest - key) - 1 : 0;

    if (rest != NULL && strlen(q->type) == n
        && strncasecmp(key + 1, q->type, n) == 0)
    {
        return;
    }

    {
        char  tmp[PATH_MAX];

        snprintf(tmp, sizeof(tmp), "/%s%s", q->type, rest ? rest : "");
        snprintf(key, size, "%s", tmp);
    }

    for (i = 0; key[i]; i++) {
        if (key[i] >= 'A' && key[i] <= 'Z') {
            key[i] = (char) (key[i] - 'A' + 'a');
        }
    }
}


/*
 * A list page's layout as hugo 0.111.3 looks it up (its documented
 * lookup order, checked against its builds): for each folder in turn,
 * each name (the front matter layout first):
 *
 *   home      "", _default             index, home, list
 *   section   TYPE, section, _default  TYPE, section, list
 *   taxonomy  PLURAL, SINGULAR, taxonomy, _default
 *                                      SINGULAR.terms, terms, taxonomy,
 *                                      list
 *   term      PLURAL, term, taxonomy, _default
 *                                      term, SINGULAR, taxonomy, list
 *
 * in the user's directories only (the built-in theme comes after the
 * current system's lookup).  NULL when none is there.
 */
static const page_tfile_t *
page_templates_legacy_list(const page_templates_t *t,
    const page_templates_query_t *q, const char *user)
{
    char                 path[PATH_MAX], terms[256];
    size_t               i, j, nd, nn;
    const char          *dirs[5], *names[6];
    const page_tfile_t  *f;

    nd = 0;
    nn = 0;

    if (user[0] != '\0') {
        names[nn++] = user;
    }

    if (strcmp(q->kind, "home") == 0) {
        dirs[nd++] = "";
        dirs[nd++] = "_default";
        names[nn++] = "index";
        names[nn++] = "home";

    } else if (strcmp(q->kind, "section") == 0) {
        if (q->section != NULL && q->section[0] != '\0') {
            dirs[nd++] = q->section;
            names[nn++] = q->section;
        }
        dirs[nd++] = "section";
        dirs[nd++] = "_default";
        names[nn++] = "section";

    } else if (q->plural != NULL && q->singular != NULL) {
        dirs[nd++] = q->plural;

        if (strcmp(q->kind, "taxonomy") == 0) {
            dirs[nd++] = q->singular;
            snprintf(terms, sizeof(terms), "%s.terms", q->singular);
            names[nn++] = terms;
            names[nn++] = "terms";

        } else {
            dirs[nd++] = "term";
            names[nn++] = "term";
            names[nn++] = q->singular;
        }

        dirs[nd++] = "taxonomy";
        dirs[nd++] = "_default";
        names[nn++] = "taxonomy";

    } else {
        return NULL;
    }

    names[nn++] = "list";

    for (i = 0; i < nd; i++) {
        if (dirs[i][0] != '\0'
            && !page_templates_safe_name(dirs[i], strlen(dirs[i])))
        {
            continue;
        }

        for (j = 0; j < nn; j++) {
            if (!page_templates_safe_name(names[j], strlen(names[j]))) {
                continue;
            }

            snprintf(path, sizeof(path), "%s%s%s.html", dirs[i],
                     dirs[i][0] ? "/" : "", names[j]);

            f = page_templates_find(t, path);

            if (f != NULL && !f->builtin && f->cat == PAGE_TCAT_LAYOUT
                && f->html_media && !f->plain)
            {
                return f;
            }
        }
    }

    return NULL;
}


const page_tpl_set_t *
page_templates_find_layout(const page_templates_t *t,
    const page_templates_query_t *q, const char **entry)
{
    int                  list;
    char                 key[PATH_MAX], user[256];
    size_t               i, j;
    const char          *names[3], *p;
    page_tquery_t        tq;
    const page_tfile_t  *f, *b;

    page_templates_key(q, key, sizeof(key));

    user[0] = '\0';

    if (q->layout != NULL && q->layout[0] != '\0') {
        snprintf(user, sizeof(user), "%s", q->layout);

    } else if (q->def != NULL && q->def[0] != '\0'
               && strcmp(q->def, "single") != 0
               && (q->kind == NULL || strcmp(q->kind, "page") == 0))
    {
        /* page_layout is a page's; a list page's default is "list" */
        snprintf(user, sizeof(user), "%s", q->def);
    }

    for (i = 0; user[i]; i++) {
        if (user[i] >= 'A' && user[i] <= 'Z') {
            user[i] = (char) (user[i] - 'A' + 'a');
        }
    }

    tq.lang = q->lang ? q->lang : "en";
    tq.key = key;
    tq.user = user;
    tq.depth = 0;
    for (p = key; *p; p++) {
        tq.depth += *p == '/';
    }

    /*
     * The user's directories, as current Hugo: a home page is a "home"
     * (index.html, home.html, list.html, ...); rendered on its own, one
     * no such template answers is then looked up as a page.
     */
    f = NULL;
    list = q->kind != NULL && strcmp(q->kind, "page") != 0;

    if (list) {
        /* a list page: hugo 0.111.3's names first, then current Hugo's */
        tq.kind = q->kind;
        tq.std = "list";
        f = page_templates_legacy_list(t, q, user);
    }

    for (i = 0; i < 2 && f == NULL; i++) {
        if (i == 0 && !list) {
            continue;
        }

        if (i == 1 && list && strcmp(q->kind, "home") != 0) {
            break;          /* a section, taxonomy or term is no page */
        }

        tq.kind = i == 0 ? q->kind : "page";
        tq.std = i == 0 ? "list" : "single";

        f = page_tbest(t->pages, t->npages, &tq, 0);
    }

    if (f == NULL) {
        /* the built-in theme: <layout>, page_layout, single */

        names[0] = q->layout;
        names[1] = q->def;
        names[2] = "single";

        for (i = 0; i < 3 && f == NULL; i++) {
            if (names[i] == NULL || names[i][0] == '\0'
                || !page_templates_safe_name(names[i], strlen(names[i])))
            {
                continue;
            }

            for (j = 0; j < 2 && f == NULL; j++) {
                f = page_templates_builtin(t, j == 0 ? "_default" : NULL,
                                           names[i]);
            }
        }

        tq.kind = "page";
        tq.std = "single";
    }

    if (f == NULL) {
        return NULL;
    }

    b = NULL;

    if (f->define) {
        b = page_tbest(t->bases, t->nbases, &tq, 1);

        if (b == NULL) {
            b = page_templates_builtin(t, "_default", "baseof");
        }
    }

    return page_templates_pair(t, f, b, entry);
}


const page_tpl_set_t *
page_templates_layout(const page_templates_t *t, const char *type,
    const char *layout, const char *def, const char **entry)
{
    char                    path[PATH_MAX];
    page_templates_query_t  q;

    memset(&q, 0, sizeof(q));

    /* a page of that type's section, as Hugo's lookups see it */
    if (type != NULL && type[0] != '\0'
        && page_templates_safe_name(type, strlen(type)))
    {
        snprintf(path, sizeof(path), "/%s/page.md", type);
        q.path = path;
        q.path_len = strlen(path);
    }

    q.kind = "page";
    q.layout = layout;
    q.def = def;

    return page_templates_find_layout(t, &q, entry);
}


const page_tpl_set_t *
page_templates_by_names(const page_templates_t *t, const char *const *names,
    const char *const *baseofs, const char **entry)
{
    size_t               i, tier;
    const page_tfile_t  *f, *b;

    f = NULL;

    for (tier = 0; tier < 2 && f == NULL; tier++) {
        for (i = 0; names[i] != NULL; i++) {
            f = page_templates_find(t, names[i]);

            if (f != NULL && f->builtin == tier
                && (f->cat == PAGE_TCAT_LAYOUT || f->cat == PAGE_TCAT_BASEOF))
            {
                break;
            }

            f = NULL;
        }
    }

    if (f == NULL) {
        return NULL;
    }

    b = NULL;

    for (tier = 0; f->define && baseofs != NULL && tier < 2 && b == NULL;
         tier++)
    {
        for (i = 0; baseofs[i] != NULL; i++) {
            b = page_templates_find(t, baseofs[i]);

            if (b != NULL && b->builtin == tier
                && b->cat == PAGE_TCAT_BASEOF)
            {
                break;
            }

            b = NULL;
        }
    }

    return page_templates_pair(t, f, b, entry);
}


const page_tpl_set_t *
page_templates_partials(const page_templates_t *t)
{
    return t->partials;
}


const page_tpl_set_t *
page_templates_text(const page_templates_t *t)
{
    return t->text;
}


/*
 * folder/name: the user's files through every candidate, then the
 * built-in theme's.  cands: suffixes to try after the name, in order.
 */
static const page_tfile_t *
page_templates_lookup(const page_templates_t *t, const char *folder,
    const char *name, size_t len, const char *const *cands)
{
    char                 cand[PATH_MAX];
    size_t               n, tier, i;
    const page_tfile_t  *f;

    if (!page_templates_safe_name(name, len)) {
        return NULL;
    }

    n = strlen(folder);

    if (n + 1 + len + 32 > sizeof(cand)) {
        return NULL;
    }

    memcpy(cand, folder, n);
    cand[n++] = '/';
    memcpy(cand + n, name, len);
    n += len;

    for (tier = 0; tier < 2; tier++) {
        for (i = 0; cands[i] != NULL; i++) {
            memcpy(cand + n, cands[i], strlen(cands[i]) + 1);

            f = page_templates_find(t, cand);
            if (f != NULL && f->builtin == tier) {
                return f;
            }
        }
    }

    return NULL;
}


/* Does the last part of the name have an extension ("x.svg", not "x"). */
static int
page_templates_has_ext(const char *name, size_t len)
{
    size_t  i;

    for (i = len; i-- > 0; ) {
        if (name[i] == '/') {
            return 0;
        }
        if (name[i] == '.') {
            return i + 1 < len;
        }
    }

    return 0;
}


/*
 * Current Hugo's embedded templates that are partials too
 * (tpl/tplimpl/embedded/templates/_partials/): {{ partial "opengraph.html"
 * . }} is {{ template "_internal/opengraph.html" . }}.
 */
static const char *const  page_templates_embedded_partials[] = {
    "opengraph", "twitter_cards", "schema", "google_analytics", "disqus",
    "pagination", "_funcs/get-page-images", NULL
};


const char *
page_templates_partial_name(const page_templates_t *t, const char *name,
    size_t len)
{
    /* text/html's suffixes, as Hugo's media type lists them */
    static const char *const  bare[] = { ".html", ".htm", "", NULL };
    static const char *const  with_ext[] = { "", NULL };
    char                      def[PATH_MAX];
    size_t                    i, k, n, base;
    const char               *s;
    const char *const        *cands;
    const page_tfile_t       *f;

    /* Hugo's partial strips one leading "partials/" (tpl/partials) */
    if (len > 9 && memcmp(name, "partials/", 9) == 0) {
        name += 9;
        len -= 9;
    }

    /*
     * "x" is "x.html" (current Hugo assumes HTML); "x.svg", "x.json", ...
     * are the file of that name.
     */
    cands = page_templates_has_ext(name, len) ? with_ext : bare;

    f = page_templates_lookup(t, "partials", name, len, cands);
    if (f != NULL) {
        return f->path;
    }

    /*
     * A template a partial file defines under a partial's name:
     * {{ define "_partials/x.html" }} (or "partials/x.html", as in hugo
     * 0.111.3) answers partial "x.html" (docsy, ananke).
     */
    for (i = 0; cands[i] != NULL; i++) {
        for (k = 0; k < 2; k++) {
            n = (size_t) snprintf(def, sizeof(def), "%s%.*s%s",
                                  k ? "partials/" : "_partials/", (int) len,
                                  name, cands[i]);
            if (n < sizeof(def)) {
                s = page_tpl_set_name(t->partials, def, n);
                if (s != NULL) {
                    return s;
                }
            }
        }
    }

    /* the embedded ones, after every user directory and the built-in */
    base = len;
    if (len > 5 && memcmp(name + len - 5, ".html", 5) == 0) {
        base = len - 5;
    }

    for (i = 0; page_templates_embedded_partials[i] != NULL; i++) {
        n = strlen(page_templates_embedded_partials[i]);

        if (n == base
            && memcmp(name, page_templates_embedded_partials[i], n) == 0)
        {
            f = page_templates_lookup(t, "_internal", name, len, cands);
            return f ? f->path : NULL;
        }
    }

    return NULL;
}


const char *
page_templates_shortcode_info(const page_templates_t *t, const char *name,
    size_t len, int *inner, int *v1)
{
    return page_templates_shortcode_lang(t, name, len, NULL, NULL, 0, inner,
                                         v1);
}


/*
 * dst = a (alen bytes), b, c (clen bytes), d, NUL-terminated; the length,
 * or cap when it does not fit.
 */
static size_t
page_templates_cat4(char *dst, size_t cap, const char *a, size_t alen,
    const char *b, const char *c, size_t clen, const char *d)
{
    size_t  blen, dlen, n;

    blen = strlen(b);
    dlen = strlen(d);
    n = alen + blen + clen + dlen;

    if (n >= cap) {
        return cap;
    }

    memcpy(dst, a, alen);
    memcpy(dst + alen, b, blen);
    memcpy(dst + alen + blen, c, clen);
    memcpy(dst + alen + blen + clen, d, dlen);
    dst[n] = '\0';

    return n;
}


/*
 * The shortcode for a page: Hugo's variants in groups of equal weight
 * (the page's language, then none; HTML, then the plain-text .md), and
 * within a group the folder nearest the page first (docs/_shortcodes/,
 * then the root's shortcodes/); the user's files, then the built-in.
 */
const char *
page_templates_shortcode_lang(const page_templates_t *t, const char *name,
    size_t len, const page_value_t *lang, const char *path, size_t path_len,
    int *inner, int *v1)
{
    char                    key[PATH_MAX], cand[PATH_MAX], sfx[4][2][48];
    size_t                  g, i, k, n, tier, klen, ngroups;
    const page_tfile_t     *f;
    page_templates_query_t  q;

    if (page_templates_has_ext(name, len)
        || !page_templates_safe_name(name, len))
    {
        return NULL;                /* a shortcode's name has no dot */
    }

    memset(sfx, 0, sizeof(sfx));
    ngroups = 0;

    if (lang != NULL && page_value_is_string(lang) && lang->u.s.len > 0
        && lang->u.s.len <= PAGE_TEMPLATES_MAX_LANG
        && memchr(lang->u.s.data, '/', lang->u.s.len) == NULL
        && memchr(lang->u.s.data, '.', lang->u.s.len) == NULL
        && memchr(lang->u.s.data, '\0', lang->u.s.len) == NULL)
    {
        snprintf(sfx[ngroups][0], sizeof(sfx[0][0]), ".%.*s.html.html",
                 (int) lang->u.s.len, lang->u.s.data);
        snprintf(sfx[ngroups][1], sizeof(sfx[0][0]), ".%.*s.html",
                 (int) lang->u.s.len, lang->u.s.data);
        ngroups++;
    }

    snprintf(sfx[ngroups][0], sizeof(sfx[0][0]), ".html.html");
    snprintf(sfx[ngroups][1], sizeof(sfx[0][0]), ".html");
    ngroups++;

    if (ngroups == 2) {
        snprintf(sfx[ngroups++][0], sizeof(sfx[0][0]), ".%.*s.md",
                 (int) lang->u.s.len, lang->u.s.data);
    }

    snprintf(sfx[ngroups++][0], sizeof(sfx[0][0]), ".md");

    memset(&q, 0, sizeof(q));
    q.path = path;
    q.path_len = path_len;
    page_templates_key(&q, key, sizeof(key));

    for (tier = 0; tier < 2; tier++) {
        for (g = 0; g < ngroups; g++) {

            /* from the page's own folder up to the root */
            klen = strlen(key);

            for ( ;; ) {
                for (i = 0; i < 2 && sfx[g][i][0]; i++) {
                    /* memcpy, not snprintf: this runs per shortcode call */
                    n = page_templates_cat4(cand, sizeof(cand),
                                            key + (klen ? 1 : 0),
                                            klen ? klen - 1 : 0,
                                            klen ? "/_shortcodes/"
                                                 : "shortcodes/",
                                            name, len, sfx[g][i]);
                    if (n >= sizeof(cand)) {
                        continue;
                    }

                    f = page_templates_find(t, cand);

                    if (f != NULL && f->builtin == tier
                        && f->cat == PAGE_TCAT_SHORTCODE)
                    {
                        *inner = f->inner;
                        *v1 = f->v1;
                        return f->path;
                    }
                }

                if (klen == 0) {
                    break;
                }

                for (k = klen; k > 0 && key[k - 1] != '/'; k--) {
                    /* void */
                }
                klen = k > 0 ? k - 1 : 0;
            }
        }
    }

    return NULL;
}


int
page_templates_exists(const page_templates_t *t, const char *path,
    size_t len)
{
    size_t              i;
    const page_tfile_t  *f;

    if (len && path[0] == '/') {
        path++;
        len--;
    }

    for (i = 0; i < t->nfiles; i++) {
        f = &t->files[i];

        if ((strlen(f->orig) == len && strncasecmp(f->orig, path, len) == 0)
            || (strlen(f->hugo) == len && strncasecmp(f->hugo, path, len) == 0))
        {
            return 1;
        }
    }

    return 0;
}


int
page_templates_file_info(const page_templates_t *t, const char *name,
    const char **filename, const char **hugo_name, int *baseof)
{
    const page_tfile_t  *f;

    f = page_templates_find(t, name);
    if (f == NULL) {
        return 0;
    }

    *filename = f->builtin ? "" : f->origin;
    *hugo_name = f->hugo;
    *baseof = f->cat == PAGE_TCAT_BASEOF;

    return 1;
}
