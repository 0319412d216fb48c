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
#include <sys/stat.h>

#include "page_templates.h"

typedef struct {
    char        *path;          /* relative, canonical folder names */
    char        *origin;        /* file name for errors */
    const char  *text;
    size_t       len;
    unsigned     inner:1;       /* a shortcode that uses .Inner */
    unsigned     v1:1;          /* a shortcode with $_hugo_config version 1 */
} page_tfile_t;

typedef struct {
    const char      *path;      /* the layout file, relative */
    const char      *entry;     /* what to execute: the layout or its baseof */
    page_tpl_set_t  *set;
} page_tlayout_t;

struct page_templates_s {
    page_arena_t            *arena;
    const page_tpl_func_t   *funcs;
    size_t                   nfuncs;
    page_tfile_t            *files;
    size_t                   nfiles;
    size_t                   cap;
    page_tlayout_t          *layouts;
    size_t                   nlayouts;
    page_tpl_set_t          *partials;
    page_tfile_t           **index;     /* files sorted by path, once */
};


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


/*
 * Register one file under its canonical path: current Hugo's "_partials/"
 * and "_shortcodes/" are the same folders as "partials/" and
 * "shortcodes/".  The first file registered under a path wins.
 */
static int
page_templates_register(page_templates_t *t, const char *rel,
    const char *origin, const char *text, size_t len, page_error_t *err)
{
    char          *path;
    size_t         cap;
    page_tfile_t  *files, *f;

    if (page_has_prefix(rel, "_partials/")
        || page_has_prefix(rel, "_shortcodes/"))
    {
        rel++;
    }

    if (page_templates_find(t, rel) != NULL) {
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

    path = page_arena_strndup(t->arena, rel, strlen(rel));
    origin = page_arena_strndup(t->arena, origin, strlen(origin));

    if (path == NULL || origin == NULL) {
        page_error_nomem(err, rel);
        return -1;
    }

    /* every field: the new slot is recycled arena memory, not zeroes */
    f = &t->files[t->nfiles++];
    memset(f, 0, sizeof(page_tfile_t));
    f->path = path;
    f->origin = (char *) origin;
    f->text = text;
    f->len = len;

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
static int
page_templates_walk(page_templates_t *t, const char *root, const char *dir,
    const char *rel, unsigned depth, page_error_t *err)
{
    int             rc;
    DIR            *d;
    char            path[PATH_MAX], sub[PATH_MAX], real[PATH_MAX], *text;
    size_t          rlen;
    struct stat     st;
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
        page_error_set(err, PAGE_ERR_CONTENT, dir, 0, 0, "path too long");
        return -1;
    }

    d = opendir(path);
    if (d == NULL) {
        page_error_set(err, PAGE_ERR_CONTENT, path, 0, 0,
                       "cannot open the layouts directory: %s",
                       strerror(errno));
        return -1;
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
            page_error_set(err, PAGE_ERR_CONTENT, dir, 0, 0,
                           "path too long");
            rc = -1;
            break;
        }

        if (realpath(path, real) == NULL || stat(real, &st) != 0) {
            page_error_set(err, PAGE_ERR_CONTENT, path, 0, 0,
                           "cannot resolve: %s", strerror(errno));
            rc = -1;
            break;
        }

        if (strncmp(real, root, rlen) != 0 || real[rlen] != '/') {
            page_error_set(err, PAGE_ERR_CONTENT, path, 0, 0,
                           "refusing a template outside the layouts "
                           "directory %s (it resolves to %s)", root, real);
            rc = -1;
            break;
        }

        if (S_ISDIR(st.st_mode)) {
            rc = page_templates_walk(t, root, dir, sub, depth + 1, err);
            continue;
        }

        if (!S_ISREG(st.st_mode) || !page_has_suffix(de->d_name, ".html")) {
            continue;
        }

        if (page_templates_find(t, sub) != NULL) {
            continue;               /* an earlier directory has it */
        }

        if (page_templates_read(t, path, st.st_size, &text, err) != 0
            || page_templates_register(t, sub, path, text,
                                       (size_t) st.st_size, err) != 0)
        {
            rc = -1;
        }
    }

    closedir(d);

    return rc;
}


int
page_templates_add_dir(page_templates_t *t, const char *dir,
    page_error_t *err)
{
    char         root[PATH_MAX];
    struct stat  st;

    if (realpath(dir, root) == NULL || stat(root, &st) != 0) {
        page_error_set(err, PAGE_ERR_CONTENT, dir, 0, 0,
                       "cannot open the layouts directory: %s",
                       strerror(errno));
        return -1;
    }

    if (!S_ISDIR(st.st_mode)) {
        page_error_set(err, PAGE_ERR_CONTENT, dir, 0, 0,
                       "not a directory");
        return -1;
    }

    return page_templates_walk(t, root, root, "", 0, err);
}


int
page_templates_add_files(page_templates_t *t, const char *origin,
    const page_template_file_t *files, size_t n, page_error_t *err)
{
    char    name[PATH_MAX];
    size_t  i;

    for (i = 0; i < n; i++) {
        snprintf(name, sizeof(name), "%s/%s", origin, files[i].path);

        if (page_templates_register(t, files[i].path, name, files[i].text,
                                    files[i].len, err) != 0)
        {
            return -1;
        }
    }

    return 0;
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


static int
page_is_partial_or_shortcode(const char *path)
{
    return page_has_prefix(path, "partials/")
           || page_has_prefix(path, "shortcodes/");
}


static int
page_is_baseof(const char *path)
{
    const char  *slash;

    slash = strrchr(path, '/');
    slash = slash ? slash + 1 : path;

    return strcmp(slash, "baseof.html") == 0
           || page_has_suffix(slash, "-baseof.html");
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


/* Hugo's baseof for dir/name.html: dir/, _default/, then the root. */
static page_tfile_t *
page_templates_baseof(const page_templates_t *t, const char *path)
{
    char           cand[PATH_MAX];
    const char    *slash;
    page_tfile_t  *f;

    slash = strrchr(path, '/');

    if (slash != NULL
        && (size_t) snprintf(cand, sizeof(cand), "%.*s/baseof.html",
                             (int) (slash - path), path) < sizeof(cand))
    {
        if ((f = page_templates_find(t, cand)) != NULL) {
            return f;
        }
    }

    if ((f = page_templates_find(t, "_default/baseof.html")) != NULL) {
        return f;
    }

    return page_templates_find(t, "baseof.html");
}


static page_tpl_set_t *
page_templates_new_set(page_templates_t *t, page_error_t *err)
{
    page_tpl_set_t  *set;

    set = page_tpl_set_new(t->arena, 1);
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
 * Hugo's internal templates ({{ template "_internal/opengraph.html" . }})
 * can be called from any template: every set gets them.
 */
static int
page_templates_add_internal(page_templates_t *t, page_tpl_set_t *set,
    page_error_t *err)
{
    size_t         i;
    page_tfile_t  *f;

    for (i = 0; i < t->nfiles; i++) {
        f = &t->files[i];

        if (page_has_prefix(f->path, "_internal/")
            && page_tpl_set_add(set, f->path, f->origin, f->text, f->len,
                                err) != 0)
        {
            return -1;
        }
    }

    return 0;
}


int
page_templates_compile(page_templates_t *t, page_error_t *err)
{
    size_t           i;
    page_tfile_t    *f, *base;
    page_tlayout_t  *l;

    t->partials = page_templates_new_set(t, err);
    if (t->partials == NULL
        || page_templates_add_internal(t, t->partials, err) != 0)
    {
        return -1;
    }

    t->layouts = page_arena_calloc(t->arena, t->nfiles + 1,
                                   sizeof(page_tlayout_t));
    if (t->layouts == NULL) {
        page_error_nomem(err, "templates");
        return -1;
    }

    for (i = 0; i < t->nfiles; i++) {
        f = &t->files[i];

        if (page_has_prefix(f->path, "_internal/")) {
            continue;               /* added to every set below */
        }

        if (page_is_partial_or_shortcode(f->path)) {
            if (page_has_prefix(f->path, "shortcodes/")) {
                page_templates_shortcode_flags(f);
            }

            if (page_tpl_set_add(t->partials, f->path, f->origin, f->text,
                                 f->len, err) != 0)
            {
                return -1;
            }
            continue;
        }

        l = &t->layouts[t->nlayouts];
        l->path = f->path;
        l->entry = f->path;
        l->set = page_templates_new_set(t, err);

        if (l->set == NULL) {
            return -1;
        }

        if (page_templates_add_internal(t, l->set, err) != 0) {
            return -1;
        }

        base = NULL;

        if (!page_is_baseof(f->path) && page_has_define(f->text, f->len)) {
            base = page_templates_baseof(t, f->path);
        }

        if (base != NULL) {
            if (page_tpl_set_add(l->set, base->path, base->origin,
                                 base->text, base->len, err) != 0)
            {
                return -1;
            }
            l->entry = base->path;
        }

        if (page_tpl_set_add(l->set, f->path, f->origin, f->text, f->len,
                             err) != 0
            || page_tpl_set_check(l->set, err) != 0
            || page_tpl_set_check_entry(l->set, l->entry, err) != 0)
        {
            return -1;
        }

        t->nlayouts++;
    }

    if (page_tpl_set_check(t->partials, err) != 0) {
        return -1;
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

    return 0;
}


static const page_tlayout_t *
page_templates_find_layout(const page_templates_t *t, const char *path)
{
    size_t  i;

    for (i = 0; i < t->nlayouts; i++) {
        if (strcmp(t->layouts[i].path, path) == 0) {
            return &t->layouts[i];
        }
    }

    return NULL;
}


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


const page_tpl_set_t *
page_templates_layout(const page_templates_t *t, const char *type,
    const char *layout, const char *def, const char **entry)
{
    char                   cand[PATH_MAX];
    size_t                 i, j;
    const char            *names[3], *dirs[3];
    const page_tlayout_t  *l;

    names[0] = layout;
    names[1] = def;
    names[2] = "single";

    dirs[0] = type;
    dirs[1] = "_default";
    dirs[2] = NULL;                 /* the root of layouts/ */

    for (i = 0; i < 3; i++) {
        if (names[i] == NULL || names[i][0] == '\0'
            || !page_templates_safe_name(names[i], strlen(names[i])))
        {
            continue;
        }

        for (j = 0; j < 3; j++) {
            if (j == 0 && (type == NULL || type[0] == '\0'
                           || !page_templates_safe_name(type, strlen(type))))
            {
                continue;
            }

            if ((size_t) snprintf(cand, sizeof(cand), "%s%s%s.html",
                                  dirs[j] ? dirs[j] : "",
                                  dirs[j] ? "/" : "", names[i])
                >= sizeof(cand))
            {
                continue;
            }

            l = page_templates_find_layout(t, cand);

            if (l != NULL) {
                *entry = l->entry;
                return l->set;
            }
        }
    }

    return NULL;
}


const page_tpl_set_t *
page_templates_partials(const page_templates_t *t)
{
    return t->partials;
}


static const char *
page_templates_lookup(const page_templates_t *t, const char *folder,
    const char *name, size_t len)
{
    char           cand[PATH_MAX];
    size_t         n;
    page_tfile_t  *f;

    if (!page_templates_safe_name(name, len)) {
        return NULL;
    }

    n = strlen(folder);

    if (n + 1 + len + sizeof(".html") > sizeof(cand)) {
        return NULL;
    }

    /* folder "/" name, then name ".html" first unless it has it */

    memcpy(cand, folder, n);
    cand[n++] = '/';
    memcpy(cand + n, name, len);
    n += len;
    cand[n] = '\0';

    if (len < 5 || memcmp(name + len - 5, ".html", 5) != 0) {
        memcpy(cand + n, ".html", sizeof(".html"));

        f = page_templates_find(t, cand);
        if (f != NULL) {
            return f->path;
        }

        cand[n] = '\0';
    }

    f = page_templates_find(t, cand);

    return f ? f->path : NULL;
}


const char *
page_templates_partial_name(const page_templates_t *t, const char *name,
    size_t len)
{
    return page_templates_lookup(t, "partials", name, len);
}


const char *
page_templates_shortcode_info(const page_templates_t *t, const char *name,
    size_t len, int *inner, int *v1)
{
    const char    *path;
    page_tfile_t  *f;

    path = page_templates_lookup(t, "shortcodes", name, len);
    if (path == NULL) {
        return NULL;
    }

    f = page_templates_find(t, path);

    *inner = f->inner;
    *v1 = f->v1;

    return path;
}
