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

#include "page_config.h"
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

/* For the site's other files: what page a value stands for (or NULL),
 * the arena of values, the index. */
typedef struct page_site_data_s  page_site_data_t;
struct page_site_s;
struct page_site_page_s;

const struct page_site_page_s *page_site_data_value_page(page_site_data_t *sd,
    const page_value_t *v);
page_arena_t *page_site_data_arena(page_site_data_t *sd);
const struct page_site_s *page_site_data_index(page_site_data_t *sd);
size_t page_site_data_lang(page_site_data_t *sd);
page_data_t *page_site_data_data(page_site_data_t *sd);
page_value_t *page_site_data_language(page_site_data_t *sd, size_t lang);
/* Where the .Site of language lang is kept (NULL: no such language), and
 * the render's .Site.Store. */
page_value_t **page_site_data_site_slot(page_site_data_t *sd, size_t lang);
page_value_t **page_site_data_store_slot(page_site_data_t *sd);
page_value_t **page_site_data_sites_slot(page_site_data_t *sd);

/*
 * page_site_sites.c: the .Site value of language lang (the page's own
 * for its language), and .Site's methods about the site itself (Param,
 * Config, Sites, Languages, ...): the method hook's contract.
 */
page_value_t *page_site_sites_value(page_site_data_t *sd, size_t lang);
int page_site_sites_list_method(page_site_data_t *sd, page_value_t *recv,
    const char *name, size_t len, size_t nargs, page_value_t **res);
/* params with Hugo's default mainsections (the section with the most
 * pages) when it has none: a copy, or params itself; NULL: no memory. */
page_value_t *page_site_sites_params(page_site_data_t *sd, size_t lang,
    page_value_t *params);
int page_site_sites_method(page_tpl_state_t *st, page_site_data_t *sd,
    size_t lang, const char *name, size_t len, page_value_t **args,
    size_t nargs, page_value_t **res);

/*
 * .Related, .RelatedIndices and .RelatedTo on a list of pages
 * (page_site_related.c): the method hook's contract.
 */
int page_site_related(page_tpl_state_t *st, page_site_data_t *sd,
    page_value_t *recv, const char *name, size_t len, page_value_t **args,
    size_t nargs, page_value_t **res);

/* For page_site_pager.c: the index's page p as a value (made once), */
/* the page a value stands for (or NULL), the render's paginator. */
struct page_site_page_s;
struct page_site_pager_s;
page_value_t *page_site_data_page(page_data_t *d,
    const struct page_site_page_s *p);
const struct page_site_page_s *page_site_data_page_of(page_data_t *d,
    const page_value_t *v);
struct page_site_pager_s **page_site_data_pager(page_data_t *d);

/*
 * page_site_pager.c: .Paginator and .Paginate on the page rendered (a
 * list page) and the methods of the pagers they give, as
 * page_site_data_method (1: not one of them).
 */
int page_site_pager_method(page_tpl_state_t *st, page_data_t *d,
    page_value_t *recv, const char *name, size_t len, page_value_t **args,
    size_t nargs, page_value_t **res);
/*
 * After a render: the number of pagers of the list it paginated (1 for
 * an empty list), or 0 when no template paginated.
 */
int64_t page_site_pager_total(page_data_t *d);
/* 0 when pagination.disableAliases: no /page/1/ redirect. */
int page_site_pager_aliases(const page_config_t *cfg);

/*
 * The index and the page's language (an index in its langs) of a render
 * with the site (page_site_i18n.c): 0, or -1 in filter mode.
 */
int page_site_data_site(page_data_t *d, struct page_site_s **s,
    size_t *lang);

/*
 * page_site_menu_values.c: the methods of a menu (a list of entries:
 * ByWeight, ByName, Limit, Reverse), of an entry (ConfiguredURL), and
 * the page methods IsMenuCurrent and HasMenuCurrent of page p: the
 * method hook's contract (1: not one of them).  And the entry a value
 * stands for, or NULL.
 */
struct page_site_entry_s;
int page_site_menu_method(page_tpl_state_t *st, page_site_data_t *sd,
    page_value_t *recv, const char *name, size_t len, page_value_t **args,
    size_t nargs, page_value_t **res);
int page_site_menu_entry_method(page_tpl_state_t *st, page_site_data_t *sd,
    const struct page_site_entry_s *e, const char *name, size_t len,
    size_t nargs, page_value_t **res);
int page_site_menu_current(page_tpl_state_t *st, page_site_data_t *sd,
    const struct page_site_page_s *p, const char *name, size_t len,
    page_value_t **args, size_t nargs, page_value_t **res);
const struct page_site_entry_s *page_site_data_entry_of(page_site_data_t *sd,
    const page_value_t *v);

/* For page_site_feed: the values of a list of the index's pages. */
page_value_t *page_site_data_list(page_data_t *d, const page_site_list_t *l);

#endif /* PAGE_SITE_DATA_H */
