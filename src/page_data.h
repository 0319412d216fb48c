/*
 * page_data: what templates see.  Builds the page (.Title, .Content,
 * .Params, .Date, .Summary, .File, .Site, ...) and the site from the
 * rendered content and the options, and provides the functions and
 * methods that need them: partial, partialCached, page, site, hugo, .Param,
 * .Page, case-insensitive .Params lookups.
 */

#ifndef PAGE_DATA_H
#define PAGE_DATA_H

#include "page.h"
#include "page_resource.h"
#include "page_templates.h"
#include "page_tpl.h"
#include "page_value.h"

/* Words of an automatic .Summary without a site: summaryLength's default. */
#define PAGE_DATA_SUMMARY_WORDS  70

typedef struct {
    const page_templates_t  *templates;
    const page_options_t    *opt;
    page_value_t            *page;
    page_value_t            *site;
    page_value_t            *hugo;
    page_value_t            *outputs;   /* .OutputFormats */
    page_value_t            *empty_list;
    page_value_t            *false_value;
    page_resources_t         resources; /* assets read, resources published */
    /*
     * What .Plain, .Summary, .WordCount, ... are made from, when a
     * template first reads them (most layouts read none): the content,
     * the text before <!--more-->, and the groups of those fields made so
     * far (PAGE_DATA_LAZY_*), which are then in the page map.
     */
    page_str_t               content;
    page_str_t               more;
    page_str_t               plain;
    unsigned                 lazy;
    unsigned                 content_ready:1;   /* content rendered */
    struct page_site_data_s *site_data; /* the site index's values, or
                                           NULL (filter mode) */
    struct page_sr_cache_s  *site_res;  /* page_site_resources.c: the
                                           bundles listed so far */
} page_data_t;

/* What only the rendered content tells. */
typedef struct {
    page_str_t       title;             /* a better title; empty: keep */
    page_str_t       content;           /* rendered HTML */
    page_str_t       summary;           /* before <!--more-->; may be empty */
    page_str_t       toc;               /* .TableOfContents HTML */
} page_data_content_t;

/* The functions page_templates' sets are compiled with. */
extern const page_tpl_func_t  page_data_funcs[];
extern const size_t           page_data_nfuncs;

/*
 * The page and site before the content is rendered (shortcodes read
 * them), then the content-derived fields (.Content, .TableOfContents,
 * and, made when first read, .Plain, .Summary, .WordCount, ...) once it
 * is.
 */
int page_data_build(page_data_t *d, page_arena_t *a, page_value_t *params,
    const page_str_t *title, const page_options_t *opt, page_error_t *err);
int page_data_content(page_data_t *d, page_arena_t *a,
    const page_data_content_t *c, page_error_t *err);
/* Point env's method hook and data at d. */
void page_data_env(page_data_t *d, page_tpl_env_t *env);

/* .File of the content file file (a path under the content directory). */
page_value_t *page_data_file(page_arena_t *a, const char *file, size_t len);
/*
 * Hugo's Param lookup in params: the key without regard to case, else a
 * dotted path ("social.mastodon") through nested maps; NULL: none.
 */
page_value_t *page_data_param(page_value_t *params, const char *key,
    size_t len);

/* Drop the <p> around out when it holds exactly one paragraph. */
void page_data_strip_paragraph(page_buf_t *out);

/* Text of HTML without tags, entities of the five escaped characters read. */
void page_data_plain(page_buf_t *out, const char *html, size_t len);

#endif /* PAGE_DATA_H */
