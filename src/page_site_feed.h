/*
 * page_site_feed: a site's outputs other than its pages' HTML, as Hugo
 * writes them: a list page's RSS feed (index.xml), a language's sitemap
 * and the sitemap index of a multilingual site, the site's own
 * robots.txt layout, and the 404 page.  The
 * layout of each is found by Hugo's lookup for its output format (the
 * site's and its themes' files, then the built-in theme's
 * _default/rss.xml and _default/sitemap.xml), and the values templates
 * read for them: .OutputFormats and .AlternativeOutputFormats of every
 * page (with .Get), .Sitemap, .Site.Config.Services.RSS.Limit,
 * .Site.Author, the 404 page's kind, title and links, the sitemap's
 * .Data.Pages.
 *
 * A server renders one with page_render() and page_options_t's output
 * set to one of the names below; site_page is the list page of the feed,
 * the language's home for the sitemap, robots.txt and the 404 page.
 */

#ifndef PAGE_SITE_FEED_H
#define PAGE_SITE_FEED_H

#include "page.h"
#include "page_buf.h"
#include "page_data.h"
#include "page_site_index.h"
#include "page_tpl.h"

#define PAGE_OUTPUT_RSS      "rss"
#define PAGE_OUTPUT_SITEMAP  "sitemap"
#define PAGE_OUTPUT_404      "404"
#define PAGE_OUTPUT_ROBOTS   "robots"
/* and a page's other formats by their names: "json", "csv", "calendar" */

/*
 * Most layout names one lookup tries: a term's RSS in a language tries
 * 6 folders x 4 variations x 6 layouts.
 */
#define PAGE_SITE_FEED_MAX_NAMES  160

/* Longest layout name looked up ("categories/category.terms.en.rss.xml"). */
#define PAGE_SITE_FEED_MAX_NAME   256

/*
 * Hugo's candidate layout names (output/layout.go's order, with current
 * Hugo's names at the top of layouts/ too) for page p rendered as output
 * ("rss", "sitemap", "robots", "404", "json", ...; "baseof": the 404
 * page's baseofs) in language lang (NULL: p's), into names (at most max
 * - 1, NULL-terminated, pointing into buf; a name that does not fit is
 * left out).  Returns how many; 0 for an output it does not know.
 */
size_t page_site_feed_names(const page_site_t *s, const page_site_page_t *p,
    const char *output, const char *lang, const char **names, size_t max,
    char *buf, size_t size);

/*
 * The layout page_render executes for opt->output, and its entry
 * template; NULL with err set when there is none ("no layout found for
 * output format rss").
 */
const struct page_tpl_set_s *page_site_feed_layout(const page_options_t *opt,
    const char **entry, page_error_t *err);

/* Is there a layout for p's output (the 404 page: else nginx's 404). */
int page_site_feed_has_layout(const struct page_templates_s *t,
    const page_site_t *s, const page_site_page_t *p, const char *output);

/*
 * Hooks of page_site_data: page_site_feed_init when the site's values
 * are made (0, or -1 out of memory); page_site_feed_method first in its
 * method hook (0 with *res, 1 for a name it does not answer, -1).
 */
int page_site_feed_init(page_data_t *d, page_arena_t *a);
int page_site_feed_method(page_tpl_state_t *st, page_data_t *d,
    page_value_t *recv, const char *name, size_t len, page_value_t **args,
    size_t nargs, page_value_t **res);

/*
 * The sitemap index of a multilingual site, as Hugo's built-in
 * sitemapindex.xml writes it: each language's sitemap and its last
 * change.  0, or -1 out of memory.
 */
int page_site_sitemap_index(const page_site_t *s, page_buf_t *b);

/* The media type an output is sent as: "application/rss+xml", ... */
const char *page_site_feed_media_type(const char *output);

/*
 * The language whose URL prefix ("/fr") path (under the site's root)
 * lies in: its 404 page is the one for that path.
 */
size_t page_site_feed_lang_of(const page_site_t *s, const char *path,
    size_t len);

#endif /* PAGE_SITE_FEED_H */
