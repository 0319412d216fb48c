/*
 * page_resource: resource values (page_resource.h): Hugo's media types,
 * construction and transformation of resources, their content read on
 * demand from the assets directories, their URLs and publishing, and the
 * fields and methods templates call on them, on their media types and on
 * lists of them.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "page_io.h"
#include "page_fn.h"
#include "page_glob.h"
#include "page_image.h"
#include "page_resource.h"

/* Keys of a resource map: the mark, three hidden fields, seven fields. */
#define PAGE_RESOURCE_KEYS  11


/* ---- media types ---- */

/*
 * Hugo's built-in media types (media/builtin.go) with their suffixes, in
 * the order a suffix is looked up ("xml" is application/xml for a
 * resource, as Hugo decides), then the types Go's mime.TypeByExtension
 * finds on Debian for suffixes Hugo does not know, then the unknown type
 * (Hugo's zero media.Type: it prints as "").  The last column: Hugo has a
 * minifier for the type.
 */
#define PAGE_MEDIA_TYPES                                                     \
    M("text/calendar", "ics", 0)                                             \
    M("text/css", "css", 1)                                                  \
    M("text/x-scss", "scss", 0)                                              \
    M("text/x-sass", "sass", 0)                                              \
    M("text/csv", "csv", 0)                                                  \
    M("text/html", "html,htm", 1)                                            \
    M("text/javascript", "js,jsm,mjs", 1)                                    \
    M("text/typescript", "ts", 0)                                            \
    M("text/tsx", "tsx", 0)                                                  \
    M("text/jsx", "jsx", 0)                                                  \
    M("text/x-gotmpl", "gotmpl", 0)                                          \
    M("application/json", "json", 1)                                        \
    M("application/manifest+json", "webmanifest", 1)                         \
    M("application/xml", "xml", 1)                                           \
    M("application/rss+xml", "xml,rss", 1)                                   \
    M("image/svg+xml", "svg", 1)                                             \
    M("text/plain", "txt", 0)                                                \
    M("application/toml", "toml", 0)                                         \
    M("application/yaml", "yaml,yml", 0)                                     \
    M("application/source-map", "map", 0)                                   \
    M("image/png", "png", 0)                                                 \
    M("image/jpeg", "jpg,jpeg,jpe,jif,jfif", 0)                              \
    M("image/gif", "gif", 0)                                                 \
    M("image/tiff", "tif,tiff", 0)                                           \
    M("image/bmp", "bmp", 0)                                                 \
    M("image/webp", "webp", 0)                                               \
    M("image/avif", "avif", 0)                                               \
    M("image/heif", "heif", 0)                                               \
    M("image/heic", "heic", 0)                                               \
    M("font/ttf", "ttf", 0)                                                  \
    M("font/otf", "otf", 0)                                                  \
    M("font/woff", "woff", 0)                                                \
    M("font/woff2", "woff2", 0)                                              \
    M("application/pdf", "pdf", 0)                                           \
    M("text/markdown", "md,mdown,markdown", 0)                               \
    M("text/asciidoc", "adoc,asciidoc,ad", 0)                                \
    M("text/pandoc", "pandoc,pdc", 0)                                        \
    M("text/rst", "rst", 0)                                                  \
    M("text/org", "org", 0)                                                  \
    M("video/x-msvideo", "avi", 0)                                           \
    M("video/mpeg", "mpg,mpeg", 0)                                           \
    M("video/mp4", "mp4", 0)                                                 \
    M("video/ogg", "ogv", 0)                                                 \
    M("video/webm", "webm", 0)                                               \
    M("video/3gpp", "3gpp,3gp", 0)                                           \
    M("application/wasm", "wasm", 0)                                         \
    M("application/octet-stream", "", 0)                                     \
    M("image/vnd.microsoft.icon", "ico", 0)                                  \
    M("application/vnd.ms-fontobject", "eot", 0)                             \
    M("application/zip", "zip", 0)                                           \
    M("audio/flac", "flac", 0)                                               \
    M("audio/mp4", "m4a", 0)                                                 \
    M("audio/mpeg", "mp3", 0)                                                \
    M("audio/ogg", "ogg", 0)                                                 \
    M("audio/ogg", "oga", 0)                                                 \
    M("audio/ogg", "opus", 0)                                                \
    M("audio/x-wav", "wav", 0)                                               \
    M("", "", 0)

typedef struct {
    const char  *type;
    const char  *suffixes;          /* comma-separated, first one first */
    unsigned     minify;
} page_media_t;

static const page_media_t  page_media[] = {
#define M(type_, suffixes_, minify_)  { type_, suffixes_, minify_ },
    PAGE_MEDIA_TYPES
#undef M
};

/* The values templates get: known by their address (page_media_index). */
static page_value_t  page_media_values[] = {
#define M(type_, suffixes_, minify_)                                         \
    { .type = PAGE_STRING, .u.s = { type_, sizeof(type_) - 1 } },
    PAGE_MEDIA_TYPES
#undef M
};

#define PAGE_MEDIA_N  (sizeof(page_media) / sizeof(page_media[0]))
#define PAGE_MEDIA_UNKNOWN  (PAGE_MEDIA_N - 1)


/* The table index of a media type value, or -1. */
static int
page_media_index(const page_value_t *v)
{
    uintptr_t  p, first, last;

    p = (uintptr_t) v;
    first = (uintptr_t) &page_media_values[0];
    last = (uintptr_t) &page_media_values[PAGE_MEDIA_N - 1];

    if (p < first || p > last) {
        return -1;
    }

    return (int) ((p - first) / sizeof(page_value_t));
}


page_value_t *
page_media_value(const char *type)
{
    size_t  i;

    for (i = 0; i < PAGE_MEDIA_UNKNOWN; i++) {
        if (strcmp(page_media[i].type, type) == 0) {
            return &page_media_values[i];
        }
    }

    return NULL;
}


/* Does the comma-separated list hold s (s lower case). */
static int
page_media_has_suffix(const char *list, const char *s, size_t len)
{
    const char  *p, *comma;

    for (p = list; *p != '\0'; p = comma + 1) {
        comma = strchr(p, ',');
        if (comma == NULL) {
            comma = p + strlen(p);
        }
        if ((size_t) (comma - p) == len && memcmp(p, s, len) == 0) {
            return 1;
        }
        if (*comma == '\0') {
            break;
        }
    }

    return 0;
}


/* The media type of a path, by the suffix of its last name. */
static size_t
page_media_of(const char *path, size_t len)
{
    size_t  i, n, start;
    char    suffix[16];

    start = len;
    for (i = len; i > 0 && path[i - 1] != '/'; i--) {
        if (path[i - 1] == '.' && start == len) {
            start = i;
        }
    }

    n = len - start;
    if (start == len || n == 0 || n >= sizeof(suffix)) {
        return PAGE_MEDIA_UNKNOWN;
    }

    for (i = 0; i < n; i++) {
        suffix[i] = (char) (path[start + i] >= 'A' && path[start + i] <= 'Z'
                            ? path[start + i] + ('a' - 'A')
                            : path[start + i]);
    }

    for (i = 0; i < PAGE_MEDIA_UNKNOWN; i++) {
        if (page_media_has_suffix(page_media[i].suffixes, suffix, n)) {
            return i;
        }
    }

    return PAGE_MEDIA_UNKNOWN;
}


static size_t
page_media_main_len(const char *type)
{
    const char  *slash;

    slash = strchr(type, '/');
    return slash ? (size_t) (slash - type) : strlen(type);
}


/* .Type, .MainType, .SubType, ... of media type i. */
static int
page_media_method(page_tpl_state_t *st, int i, page_value_t *recv,
    const char *name, size_t len, size_t nargs, page_value_t **res)
{
    char           *full;
    size_t          main, n;
    const char     *type, *s, *comma;
    page_arena_t   *a;
    page_value_t   *list, *first;

#define IS(lit)  (len == sizeof(lit) - 1 && memcmp(name, lit, len) == 0)

    a = page_tpl_arena(st);
    type = page_media[i].type;
    main = page_media_main_len(type);

    if (nargs != 0) {
        return page_tpl_fail(st, "%.*s is not a method but has arguments",
                             (int) len, name);
    }

    if (IS("Type") || IS("String")) {
        *res = recv;
        return 0;
    }

    if (IS("MainType")) {
        return page_tpl_ret_str(st, PAGE_STRING, type, main, res);
    }

    if (IS("SubType")) {
        /* "application/rss+xml": "rss", the "+xml" is Hugo's mimeSuffix */
        s = type[main] == '/' ? type + main + 1 : "";
        n = strcspn(s, "+");
        return page_tpl_ret_str(st, PAGE_STRING, s, n, res);
    }

    if (IS("Delimiter")) {
        return page_tpl_ret_str(st, PAGE_STRING, ".", type[0] ? 1 : 0, res);
    }

    if (IS("Suffixes")) {
        list = page_tpl_list_new(st);
        if (list == NULL) {
            return -1;
        }
        for (s = page_media[i].suffixes; *s != '\0'; s = comma + 1) {
            comma = strchr(s, ',');
            n = comma ? (size_t) (comma - s) : strlen(s);
            if (page_tpl_push(st, list, page_value_string(a, s, n)) != 0) {
                return -1;
            }
            if (comma == NULL) {
                break;
            }
        }
        *res = list;
        return 0;
    }

    if (IS("FirstSuffix")) {
        s = page_media[i].suffixes;
        comma = strchr(s, ',');
        n = comma ? (size_t) (comma - s) : strlen(s);
        first = page_value_map(a);
        if (first == NULL
            || page_map_set(a, first, "Suffix", 6, page_value_string(a, s, n))
               != 0)
        {
            return page_tpl_nomem(st);
        }
        full = page_arena_alloc(a, n + 2);
        if (full == NULL) {
            return page_tpl_nomem(st);
        }
        full[0] = '.';
        memcpy(full + 1, s, n);
        full[n + 1] = '\0';
        if (page_map_set(a, first, "FullSuffix", 10,
                         page_value_string_ref(a, PAGE_STRING, full,
                                               n ? n + 1 : 0)) != 0)
        {
            return page_tpl_nomem(st);
        }
        *res = first;
        return 0;
    }

    return page_tpl_fail(st, "can't evaluate field %.*s in type media.Type",
                         (int) len, name);

#undef IS
}


/* ---- construction ---- */

void
page_resources_init(page_resources_t *rs, const page_options_t *opt)
{
    rs->opt = opt;
    rs->first = NULL;
    rs->last = NULL;
    rs->n = 0;
}


#define page_res_add(a, map, lit, v)                                         \
    ((v) == NULL ? -1 : page_map_add(a, map, lit, sizeof(lit) - 1, v))


page_value_t *
page_resource_new(page_arena_t *a, const char *name, size_t name_len,
    const char *target, size_t target_len, const char *path,
    const char *content, size_t content_len)
{
    size_t         m;
    page_value_t  *r, *n;

    m = page_media_of(target, target_len);
    r = page_value_map(a);
    n = page_value_string(a, name, name_len);

    if (r == NULL || n == NULL
        || page_map_reserve(a, r, PAGE_RESOURCE_KEYS) != 0
        || page_res_add(a, r, PAGE_RESOURCE_MARK, &page_true_value) != 0
        || page_res_add(a, r, "#target",
                        page_value_string(a, target, target_len)) != 0
        || page_res_add(a, r, "#file",
                        path ? page_value_string(a, path, strlen(path))
                             : &page_nil_value) != 0
        || page_res_add(a, r, "#content",
                        path ? &page_nil_value
                             : page_value_string_ref(a, PAGE_STRING, content,
                                                     content_len)) != 0
        || page_res_add(a, r, "Name", n) != 0
        || page_res_add(a, r, "Title", n) != 0
        || page_res_add(a, r, "MediaType", &page_media_values[m]) != 0
        || page_res_add(a, r, "ResourceType",
                        page_value_string(a, page_media[m].type,
                                          page_media_main_len(
                                              page_media[m].type))) != 0
        || page_res_add(a, r, "Params", page_value_map(a)) != 0
        || page_res_add(a, r, "Data", page_value_map(a)) != 0
        || page_res_add(a, r, "Err", &page_nil_value) != 0)
    {
        return NULL;
    }

    return r;
}


/* A shallow copy of the map m. */
static page_value_t *
page_resource_copy_map(page_arena_t *a, const page_value_t *m, size_t extra)
{
    size_t         i;
    page_value_t  *c;

    c = page_value_map(a);
    if (c == NULL || page_map_reserve(a, c, m->u.map.n + extra) != 0) {
        return NULL;
    }

    for (i = 0; i < m->u.map.n; i++) {
        if (page_map_add(a, c, m->u.map.items[i].key.data,
                         m->u.map.items[i].key.len,
                         m->u.map.items[i].value) != 0)
        {
            return NULL;
        }
    }

    return c;
}


page_value_t *
page_resource_derive(page_arena_t *a, const page_value_t *r,
    const char *target, size_t target_len, const char *content,
    size_t content_len, const char *data_key, page_value_t *data_val)
{
    size_t         m;
    page_value_t  *c, *data, *old;

    c = page_resource_copy_map(a, r, 0);
    if (c == NULL) {
        return NULL;
    }

    if (target != NULL) {
        m = page_media_of(target, target_len);
        if (page_map_set(a, c, "#target", 7,
                         page_value_string(a, target, target_len)) != 0
            || page_map_set(a, c, "MediaType", 9, &page_media_values[m]) != 0
            || page_map_set(a, c, "ResourceType", 12,
                            page_value_string(a, page_media[m].type,
                                              page_media_main_len(
                                                  page_media[m].type)))
               != 0)
        {
            return NULL;
        }
    }

    if (content != NULL
        && (page_map_set(a, c, "#file", 5, &page_nil_value) != 0
            || page_map_set(a, c, "#content", 8,
                            page_value_string_ref(a, PAGE_STRING, content,
                                                  content_len)) != 0))
    {
        return NULL;
    }

    if (data_key != NULL) {
        old = page_map_gets(r, "Data");
        data = old && old->type == PAGE_MAP
               ? page_resource_copy_map(a, old, 1) : page_value_map(a);
        if (data == NULL
            || page_map_set(a, data, data_key, strlen(data_key), data_val)
               != 0
            || page_map_set(a, c, "Data", 4, data) != 0)
        {
            return NULL;
        }
    }

    return c;
}


static page_str_t
page_resource_str(const page_value_t *r, const char *key)
{
    page_str_t     s;
    page_value_t  *v;

    v = page_map_gets(r, key);
    if (v != NULL && (v->type == PAGE_STRING || v->type == PAGE_HTML)) {
        return v->u.s;
    }

    s.data = NULL;
    s.len = 0;
    return s;
}


page_str_t
page_resource_target(const page_value_t *r)
{
    return page_resource_str(r, "#target");
}


page_str_t
page_resource_name(const page_value_t *r)
{
    return page_resource_str(r, "Name");
}


static size_t
page_resource_media_index(const page_value_t *r)
{
    int  i;

    i = page_media_index(page_map_gets(r, "MediaType"));
    return i < 0 ? PAGE_MEDIA_UNKNOWN : (size_t) i;
}


const char *
page_resource_media(const page_value_t *r)
{
    return page_media[page_resource_media_index(r)].type;
}


int
page_resource_is_image(const page_value_t *r)
{
    return page_resource_is(r)
           && strncmp(page_resource_media(r), "image/", 6) == 0;
}


int
page_resource_has_size(const page_value_t *r)
{
    const char  *t;

    if (!page_resource_is(r)) {
        return 0;
    }

    t = page_resource_media(r);

    return strcmp(t, "image/png") == 0 || strcmp(t, "image/jpeg") == 0
           || strcmp(t, "image/gif") == 0 || strcmp(t, "image/webp") == 0
           || strcmp(t, "image/bmp") == 0;
}


int
page_resource_minifiable(const page_value_t *r)
{
    return page_media[page_resource_media_index(r)].minify;
}


int
page_resource_target_with(page_tpl_state_t *st, const page_value_t *r,
    const char *id, size_t id_len, page_str_t *out)
{
    size_t       i, dot;
    page_buf_t   b;
    page_str_t   t;

    t = page_resource_target(r);

    /* the extension of the last name, from its last dot (Go's path.Ext) */

    dot = t.len;
    for (i = t.len; i > 0 && t.data[i - 1] != '/'; i--) {
        if (t.data[i - 1] == '.') {
            dot = i - 1;
            break;
        }
    }

    page_tpl_buf(st, &b);
    page_buf_append(&b, t.data, dot);
    page_buf_append(&b, id, id_len);
    page_buf_append(&b, t.data + dot, t.len - dot);

    if (page_buf_cstr(&b) == NULL) {
        return page_tpl_nomem(st);
    }

    out->data = b.data;
    out->len = b.len;

    return 0;
}


/* ---- content ---- */

int
page_resource_content(page_tpl_state_t *st, page_value_t *r,
    page_str_t *out)
{
    int            fd;
    char          *buf;
    size_t         done;
    ssize_t        n;
    page_str_t     file;
    struct stat    sb;
    page_arena_t  *a;
    page_value_t  *v;

    v = page_map_gets(r, "#content");
    if (v != NULL && v->type == PAGE_STRING) {
        *out = v->u.s;
        return 0;
    }

    file = page_resource_str(r, "#file");
    if (file.data == NULL) {
        out->data = "";
        out->len = 0;
        return 0;
    }

    fd = open(file.data, O_RDONLY | O_CLOEXEC);
    if (fd == -1) {
        return page_tpl_fail(st, "resource \"%s\": %s",
                             page_resource_name(r).data, strerror(errno));
    }

    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        close(fd);
        return page_tpl_fail(st, "resource \"%s\": not a regular file",
                             page_resource_name(r).data);
    }

    if (sb.st_size > PAGE_RESOURCE_MAX_SIZE) {
        close(fd);
        return page_tpl_fail(st, "resource \"%s\" is larger than %d bytes",
                             page_resource_name(r).data,
                             PAGE_RESOURCE_MAX_SIZE);
    }

    a = page_tpl_arena(st);
    buf = page_arena_alloc(a, (size_t) sb.st_size + 1);
    if (buf == NULL) {
        close(fd);
        return page_tpl_nomem(st);
    }

    /* a file that shrinks while read is read as far as it goes */

    n = page_read_full(fd, buf, (size_t) sb.st_size);
    if (n < 0) {
        close(fd);
        return page_tpl_fail(st, "resource \"%s\": %s",
                             page_resource_name(r).data, strerror(errno));
    }
    done = (size_t) n;

    close(fd);
    buf[done] = '\0';

    /* kept in the resource: read once per render */
    v = page_value_string_ref(a, PAGE_STRING, buf, done);
    if (v == NULL || page_map_set(a, r, "#content", 8, v) != 0) {
        return page_tpl_nomem(st);
    }

    *out = v->u.s;

    return 0;
}


/* ---- URLs and publishing ---- */

/* Go's url escaping of a path (encodePath): reserved marks kept. */
static void
page_resource_escape_path(page_buf_t *b, const char *s, size_t len)
{
    size_t       i;
    unsigned     c;
    static const char  hex[] = "0123456789ABCDEF";

    for (i = 0; i < len; i++) {
        c = (unsigned char) s[i];

        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
            || (c >= '0' && c <= '9') || strchr("-_.~$&+,/:;=@", (int) c))
        {
            if (c != 0) {
                page_buf_putc(b, (char) c);
                continue;
            }
        }

        page_buf_putc(b, '%');
        page_buf_putc(b, hex[c >> 4]);
        page_buf_putc(b, hex[c & 0xf]);
    }
}


/* The resource's URL: relative to the host, or absolute. */
static int
page_resource_url(page_tpl_state_t *st, page_resources_t *rs,
    const page_value_t *r, int absolute, page_value_t **res)
{
    size_t       len;
    page_buf_t   b;
    page_str_t   t;
    const char  *base, *p;

    base = rs && rs->opt && rs->opt->base_url ? rs->opt->base_url : "";
    len = rs && rs->opt && rs->opt->base_url ? rs->opt->base_url_len : 0;

    if (!absolute) {
        /* the base URL's path: "https://example.org/blog/" -> "/blog/" */
        p = memchr(base, ':', len);
        if (p != NULL && (size_t) (base + len - p) >= 3
            && p[1] == '/' && p[2] == '/')
        {
            p = memchr(p + 3, '/', (size_t) (base + len - p - 3));
            len = p ? (size_t) (base + len - p) : 0;
            base = p ? p : "";
        }
    }

    while (len && base[len - 1] == '/') {
        len--;
    }

    t = page_resource_target(r);

    page_tpl_buf(st, &b);
    page_buf_append(&b, base, len);
    page_resource_escape_path(&b, t.data, t.len);

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


static int
page_resource_publish(page_tpl_state_t *st, page_resources_t *rs,
    page_value_t *r)
{
    page_str_t         t, file, content;
    page_published_t  *p;

    if (rs == NULL) {
        return 0;                       /* nobody to publish to */
    }

    t = page_resource_target(r);

    for (p = rs->first; p != NULL; p = (page_published_t *) p->next) {
        if (p->path_len == t.len && memcmp(p->path, t.data, t.len) == 0) {
            return 0;
        }
    }

    if (rs->n >= PAGE_RESOURCE_MAX_PUBLISHED) {
        return page_tpl_fail(st, "more than %d resources published by one "
                             "page", PAGE_RESOURCE_MAX_PUBLISHED);
    }

    file = page_resource_str(r, "#file");
    content.data = NULL;
    content.len = 0;

    if (file.data == NULL && page_resource_content(st, r, &content) != 0) {
        return -1;
    }

    p = page_arena_calloc(page_tpl_arena(st), 1, sizeof(page_published_t));
    if (p == NULL) {
        return page_tpl_nomem(st);
    }

    p->path = t.data;
    p->path_len = t.len;
    p->media_type = page_resource_media(r);
    p->file = file.data;
    p->data = content.data;
    p->len = content.len;
    /* a page bundle's file, untransformed: "#bundle" is its own target */
    p->bundle = file.data != NULL
                && page_value_is_string(page_map_gets(r, "#bundle"))
                && page_map_gets(r, "#bundle")->u.s.len == t.len
                && memcmp(page_map_gets(r, "#bundle")->u.s.data, t.data,
                          t.len) == 0;

    if (rs->last != NULL) {
        rs->last->next = p;
    } else {
        rs->first = p;
    }
    rs->last = p;
    rs->n++;

    return 0;
}


/* ---- methods ---- */

static int
page_resource_dimensions(page_tpl_state_t *st, page_value_t *r,
    const char *name, page_value_t **res)
{
    int                 fd, rc;
    page_str_t          file, content;
    page_image_size_t   sz;

    if (!page_resource_has_size(r)) {
        /* Hugo's words for an image it cannot decode (SVG, ICO, ...) */
        return page_tpl_fail(st, "%s: this method is only available for "
                             "image resources", name);
    }

    file = page_resource_str(r, "#file");
    content = page_resource_str(r, "#content");

    if (content.data != NULL || file.data == NULL) {
        rc = page_image_size_mem(content.data, content.len, &sz);

    } else {
        fd = open(file.data, O_RDONLY | O_CLOEXEC);
        if (fd == -1) {
            return page_tpl_fail(st, "%s: resource \"%s\": %s", name,
                                 page_resource_name(r).data,
                                 strerror(errno));
        }
        rc = page_image_size_fd(fd, &sz);
        close(fd);
    }

    if (rc != 0) {
        return page_tpl_fail(st, "%s: resource \"%s\": image: unknown "
                             "format", name, page_resource_name(r).data);
    }

    return page_tpl_ret_int(st, name[0] == 'W' ? sz.width : sz.height, res);
}


static int
page_resource_res_method(page_tpl_state_t *st, page_resources_t *rs,
    page_value_t *r, const char *name, size_t len, size_t nargs,
    page_value_t **res)
{
    size_t       i;
    page_str_t   content;
    static const char  *const  fields[] = {
        "Name", "Title", "MediaType", "ResourceType", "Params", "Data", "Err"
    };
    static const char  *const  processing[] = {
        "Resize", "Crop", "Fit", "Fill", "Filter", "Process", "Exif", "Colors"
    };

#define IS(lit)  (len == sizeof(lit) - 1 && memcmp(name, lit, len) == 0)

    if (IS("Content") && nargs == 0) {
        if (page_resource_content(st, r, &content) != 0) {
            return -1;
        }
        *res = page_value_string_ref(page_tpl_arena(st), PAGE_STRING,
                                     content.data, content.len);
        return *res ? 0 : page_tpl_nomem(st);
    }

    if ((IS("RelPermalink") || IS("Permalink")) && nargs == 0) {
        if (page_resource_publish(st, rs, r) != 0) {
            return -1;
        }
        return page_resource_url(st, rs, r, name[0] == 'P', res);
    }

    if (IS("Publish") && nargs == 0) {
        *res = NULL;
        return page_resource_publish(st, rs, r);
    }

    if (page_resource_is_image(r)) {
        if ((IS("Width") || IS("Height")) && nargs == 0) {
            return page_resource_dimensions(st, r, name, res);
        }

        for (i = 0; i < sizeof(processing) / sizeof(processing[0]); i++) {
            if (strlen(processing[i]) == len
                && memcmp(processing[i], name, len) == 0)
            {
                return page_tpl_fail(st, "%s: image processing is not "
                                     "available", processing[i]);
            }
        }

        if (IS("Meta") && nargs == 0) {
            *res = NULL;                /* no Exif, IPTC or XMP read */
            return 0;
        }
    }

    for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
        if (strlen(fields[i]) == len && memcmp(fields[i], name, len) == 0) {
            return 1;                   /* the map has it */
        }
    }

    return page_tpl_fail(st, "can't evaluate field %.*s in type "
                         "resource.Resource", (int) len, name);

#undef IS
}


/* The name without its leading "/", as resource lists compare names. */
static page_str_t
page_resource_bare(page_str_t s)
{
    while (s.len && s.data[0] == '/') {
        s.data++;
        s.len--;
    }
    return s;
}


/* .Get, .GetMatch, .Match, .ByType on a list of resources. */
static int
page_resource_list_method(page_tpl_state_t *st, page_value_t *list,
    const char *name, size_t len, page_value_t *arg, page_value_t **res)
{
    int            get, first, bytype;
    char          *pat;
    size_t         i, plen;
    page_str_t     n, want;
    page_value_t  *r, *out, *t;

    get = len == 3 && memcmp(name, "Get", 3) == 0;
    first = len == 8 && memcmp(name, "GetMatch", 8) == 0;
    bytype = len == 6 && memcmp(name, "ByType", 6) == 0;

    if (!get && !first && !bytype
        && !(len == 5 && memcmp(name, "Match", 5) == 0))
    {
        return 1;
    }

    if (page_tpl_arg_str(st, name, arg, &want.data, &want.len) != 0) {
        return -1;
    }

    out = NULL;
    if (!get && !first) {
        out = page_tpl_list_new(st);
        if (out == NULL) {
            return -1;
        }
    }

    pat = NULL;
    plen = 0;
    if (!get && !bytype) {
        pat = page_arena_strndup(page_tpl_arena(st), want.data, want.len);
        if (pat == NULL) {
            return page_tpl_nomem(st);
        }
        plen = page_glob_normalize(pat, want.len);
    }

    want = page_resource_bare(want);
    *res = out;

    for (i = 0; i < list->u.list.n; i++) {
        r = list->u.list.items[i];
        if (!page_resource_is(r)) {
            continue;
        }

        n = page_resource_bare(page_resource_name(r));

        if (get) {
            if (n.len == want.len
                && strncasecmp(n.data, want.data, n.len) == 0)
            {
                *res = r;
                return 0;
            }
            continue;
        }

        if (bytype) {
            t = page_map_gets(r, "ResourceType");
            if (t == NULL || !page_tpl_is_str(t) || t->u.s.len != want.len
                || memcmp(t->u.s.data, want.data, want.len) != 0)
            {
                continue;
            }

        } else if (plen == 0 || !page_glob_match(pat, plen, n.data, n.len)) {
            continue;
        }

        if (first) {
            *res = r;
            return 0;
        }

        if (page_tpl_push(st, out, r) != 0) {
            return -1;
        }
    }

    return 0;
}


int
page_resource_method(page_tpl_state_t *st, page_resources_t *rs,
    page_value_t *recv, const char *name, size_t len, page_value_t **args,
    size_t nargs, page_value_t **res)
{
    int  i;

    switch (recv->type) {

    case PAGE_MAP:
        if (page_resource_is(recv)) {
            return page_resource_res_method(st, rs, recv, name, len, nargs,
                                            res);
        }
        if (recv == &page_resources_ns) {
            return page_fn_resources_ns_method(st, name, len, args, nargs,
                                               res);
        }
        return 1;

    case PAGE_STRING:
        i = page_media_index(recv);
        if (i >= 0) {
            return page_media_method(st, i, recv, name, len, nargs, res);
        }
        return 1;

    case PAGE_LIST:
        /* a list of resources, or an empty one (.Resources of a page) */
        if (nargs == 1 && len >= 3 && len <= 8
            && (recv->u.list.n == 0
                || page_resource_is(recv->u.list.items[0])))
        {
            return page_resource_list_method(st, recv, name, len, args[0],
                                             res);
        }
        return 1;

    default:
        return 1;
    }
}
