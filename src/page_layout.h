/*
 * page_layout: the layout stage.  Wraps the rendered content in a complete
 * HTML5 page.  For now a small built-in page; the template engine replaces
 * it with Hugo layouts.
 */

#ifndef PAGE_LAYOUT_H
#define PAGE_LAYOUT_H

#include "page.h"
#include "page_buf.h"
#include "page_value.h"

typedef struct {
    page_value_t  *params;      /* front matter (lower-cased keys) */
    page_str_t     title;       /* resolved title (plain text) */
    page_str_t     content;     /* rendered HTML */
} page_doc_t;

int page_layout_render(const page_doc_t *doc, const page_options_t *opt,
    page_buf_t *out, page_error_t *err);

#endif /* PAGE_LAYOUT_H */
