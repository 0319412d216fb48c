/*
 * page_site_data: the site as templates see it when a page is rendered
 * with the site index (page_options_t's site and site_page): the
 * page's .Kind, .Type, .Section, .Title and links from the index;
 * .Site's title, params and links from the configuration; other pages
 * as page values, each made when a template first reaches it (title,
 * kind, dates, params, links, weight, draft: no content); .Site.Pages,
 * .Site.RegularPages, .Site.Sections, .Site.Home, .Site.GetPage,
 * .Site.Taxonomies, .Site.Menus; and the page methods that read the
 * site (.Pages, .Parent, .Ancestors, .GetPage, .GetTerms,
 * .IsMenuCurrent, ...).  Nothing here runs in filter mode.
 */

#ifndef PAGE_SITE_DATA_H
#define PAGE_SITE_DATA_H

#include "page_data.h"
#include "page_site_index.h"
#include "page_tpl.h"

/*
 * When d->opt->site and site_page are set, set d->site_data and put the
 * index's values into d->page and d->site.  0, or -1 (out of memory,
 * err set).  Without a site it does nothing.
 */
int page_site_data_init(page_data_t *d, page_arena_t *a, page_error_t *err);

/*
 * The method hook's part for the site (page_tpl_method_pt's contract):
 * 0 with *res, 1 when name is not one of its methods of recv, -1.
 */
int page_site_data_method(page_tpl_state_t *st, page_data_t *d,
    page_value_t *recv, const char *name, size_t len, page_value_t **args,
    size_t nargs, page_value_t **res);

/*
 * For page_site_feed: the index page a value stands for (NULL when v is
 * no page value), and the values of a list of the index's pages.
 */
const page_site_page_t *page_site_data_page_of(page_data_t *d,
    const page_value_t *v);
page_value_t *page_site_data_list(page_data_t *d, const page_site_list_t *l);

#endif /* PAGE_SITE_DATA_H */
