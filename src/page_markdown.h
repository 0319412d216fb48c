/*
 * page_markdown: the Markdown stage.  Parses the body with libcmark-gfm
 * and its GitHub extensions (table, strikethrough, autolink, tasklist,
 * footnotes) and renders HTML.  Raw HTML is omitted and dangerous link
 * schemes (javascript:, vbscript:, file:, data: except images) are blanked
 * unless the caller asks for unsafe output.
 */

#ifndef PAGE_MARKDOWN_H
#define PAGE_MARKDOWN_H

#include <stddef.h>

#include "page_buf.h"
#include "page_error.h"
#include "page_value.h"

#define PAGE_MD_UNSAFE  0x01    /* keep raw HTML and every link scheme */

typedef struct {
    page_str_t  first_heading;  /* plain text of the first heading, if any */
} page_md_info_t;

/* Render src as Markdown, appending the HTML to out. */
int page_markdown_render(const char *src, size_t len, unsigned flags,
    page_buf_t *out, page_md_info_t *info, const char *path,
    page_error_t *err);

#endif /* PAGE_MARKDOWN_H */
