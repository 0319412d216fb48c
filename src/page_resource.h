/*
 * page_resource: Hugo's Resource as a page value, its media type, its
 * content and its publishing.
 *
 * A resource is a PAGE_MAP whose first key is PAGE_RESOURCE_MARK (the
 * way scratch pads and shortcode contexts are marked: a key no template
 * can write as a field), then its fields:
 *
 *   "#resource"   the mark (true)
 *   "#target"     where it is published: "/css/main.min.<hex>.css", under
 *                 the site's base path, not escaped
 *   "#file"       the real path of the file it reads (inside an assets
 *                 directory), or nil when the content is in memory
 *   "#content"    its bytes (a string in the render's arena), or nil
 *                 until read; read on demand, at most PAGE_RESOURCE_MAX_SIZE
 *   Name, Title   "/css/main.css" (current Hugo: the path with a leading
 *                 "/"; a page resource's name under its bundle)
 *   MediaType     a media type value (below)
 *   ResourceType  its main type: "text", "image", ...
 *   Params, Data  maps (Data.Integrity after fingerprint)
 *   Err           nil
 *
 * Content, RelPermalink, Permalink, Publish, Width, Height and the image
 * methods are methods (page_resource_method), the rest plain fields.
 * Use page_resource_is() to recognise one (reflect.IsResource): it is a
 * map, but not a map to Hugo (reflect.IsMap says false for it).
 *
 * A media type is a string value ("text/css", what it prints as) that
 * comes from a fixed table, so that page_resource_method knows it by its
 * address and gives it Hugo's fields: .Type, .MainType, .SubType,
 * .Suffixes, .FirstSuffix.Suffix, .FirstSuffix.FullSuffix, .Delimiter.
 *
 * Publishing: .RelPermalink, .Permalink and .Publish record the resource
 * (its target, and its file or bytes) in the render's list, once per
 * target; page_render hands the list out as page_result_t.published.
 */

#ifndef PAGE_RESOURCE_H
#define PAGE_RESOURCE_H

#include <string.h>

#include "page.h"
#include "page_tpl.h"
#include "page_value.h"

#define PAGE_RESOURCE_MARK  "#resource"

/*
 * Largest resource content read into memory (.Content, fingerprint,
 * Concat, ExecuteAsTemplate).  Stylesheets and scripts of real themes
 * are under a megabyte; the content is read again on every request.
 */
#define PAGE_RESOURCE_MAX_SIZE  (16 * 1024 * 1024)

/*
 * Most resources one render publishes.  A gallery page publishes one per
 * image; a page asking for more is a loop gone wrong.
 */
#define PAGE_RESOURCE_MAX_PUBLISHED  1024

/* Is v a resource (by its mark, the first key). */
#define page_resource_is(v)                                                  \
    ((v) != NULL && (v)->type == PAGE_MAP && (v)->u.map.n != 0               \
     && (v)->u.map.items[0].key.len == sizeof(PAGE_RESOURCE_MARK) - 1        \
     && memcmp((v)->u.map.items[0].key.data, PAGE_RESOURCE_MARK,             \
               sizeof(PAGE_RESOURCE_MARK) - 1) == 0)

/* What one render's resources share: options and the published list. */
typedef struct {
    const page_options_t  *opt;
    page_published_t      *first;
    page_published_t      *last;
    size_t                 n;
} page_resources_t;

void page_resources_init(page_resources_t *rs, const page_options_t *opt);

/*
 * The media type value of type ("application/rss+xml"): a string with
 * the methods of Hugo's media types (.Type, .SubType, .Suffixes, ...);
 * NULL when the table has no such type.
 */
page_value_t *page_media_value(const char *type);

/*
 * A resource named name (and titled so), published at target (both
 * "/dir/file.ext"), reading the file at path (real, already confined),
 * or holding content (path NULL).  Its media type comes from target's
 * suffix.  NULL when out of memory.  Page resources (the site work) set
 * Name, Title and Params with page_map_set afterwards.
 */
page_value_t *page_resource_new(page_arena_t *a, const char *name,
    size_t name_len, const char *target, size_t target_len,
    const char *path, const char *content, size_t content_len);

/*
 * A copy of r published at target (NULL: r's), with new content (NULL:
 * r's, unread or read), as a transformation makes it; data_key/data_val
 * set a key of .Data (data_key NULL: none).
 */
page_value_t *page_resource_derive(page_arena_t *a, const page_value_t *r,
    const char *target, size_t target_len, const char *content,
    size_t content_len, const char *data_key, page_value_t *data_val);

/* The content of r, read now if it is not yet: 0, or -1 after failing. */
int page_resource_content(page_tpl_state_t *st, page_value_t *r,
    page_str_t *out);

/* Its publishing target, its name, its media type string. */
page_str_t page_resource_target(const page_value_t *r);
page_str_t page_resource_name(const page_value_t *r);
const char *page_resource_media(const page_value_t *r);

/* An image whose width and height can be read (PNG, JPEG, GIF, WebP, BMP:
 * reflect.IsImageResourceWithMeta); a resource of main type image
 * (reflect.IsImageResource).  No image can be processed here
 * (reflect.IsImageResourceProcessable is false). */
int page_resource_is_image(const page_value_t *r);
int page_resource_has_size(const page_value_t *r);

/*
 * The target path after a transformation: ".min" or ".<hex>" inserted
 * before the extension of the last name ("/css/main.css" with ".min":
 * "/css/main.min.css"), as Hugo's AddOutPathIdentifier.
 */
int page_resource_target_with(page_tpl_state_t *st, const page_value_t *r,
    const char *id, size_t id_len, page_str_t *out);

/* Does Hugo have a minifier for r's media type. */
int page_resource_minifiable(const page_value_t *r);

/*
 * Fields and methods of resources, media types, lists of resources
 * (.Get, .GetMatch, .Match, .ByType) and the resources namespace value.
 * As page_tpl_method_pt: 1 when recv is none of them.
 */
int page_resource_method(page_tpl_state_t *st, page_resources_t *rs,
    page_value_t *recv, const char *name, size_t len, page_value_t **args,
    size_t nargs, page_value_t **res);

/* page_fn_resources.c: the value of a bare `resources`, and its methods. */
extern page_value_t  page_resources_ns;
int page_fn_resources_ns_method(page_tpl_state_t *st, const char *name,
    size_t len, page_value_t **args, size_t nargs, page_value_t **res);

#endif /* PAGE_RESOURCE_H */
