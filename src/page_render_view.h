/*
 * page_render_view: .Render "LAYOUT" on a page (Hugo's content views),
 * page_render_view.c.
 */

#ifndef PAGE_RENDER_VIEW_H
#define PAGE_RENDER_VIEW_H

#include "page_data.h"
#include "page_tpl.h"

/*
 * The method hook's part for .Render on the page rendered or a page of
 * the site index (page_tpl_method_pt's contract): 0 with *res, 1 when
 * it is not .Render on a page, -1 with the error set.
 */
int page_render_view(page_tpl_state_t *st, page_data_t *d,
    page_value_t *recv, const char *name, size_t len, page_value_t **args,
    size_t nargs, page_value_t **res);

#endif /* PAGE_RENDER_VIEW_H */
