/*
 * page_markdown: the Markdown stage.  Parses the body with libcmark-gfm
 * and its GitHub extensions (table, strikethrough, tasklist, footnotes)
 * and renders HTML in Hugo's flavour (page_html), bare URLs linked as
 * goldmark links them (page_linkify).  Raw HTML
 * is omitted and dangerous link
 * schemes (javascript:, vbscript:, file:, data: except images) are blanked
 * unless the caller asks for unsafe output.
 */

#ifndef PAGE_MARKDOWN_H
#define PAGE_MARKDOWN_H

#include <stddef.h>

#include "page_buf.h"
#include "page_error.h"
#include "page_html.h"
#include "page_value.h"

#define PAGE_MD_UNSAFE  0x01    /* keep raw HTML and every link scheme */

/*
 * Most "|" on one line.  libcmark-gfm's table rows cost time quadratic in
 * their cells; 64 columns is wider than any table meant to be read, and
 * keeps a hostile body of such rows within ~10x the cost of plain text.
 */
#define PAGE_MD_MAX_ROW_CELLS  64

typedef struct {
    page_str_t       first_heading; /* plain text of the first heading */
    page_html_toc_t  toc;           /* headings, for page_html_toc() */
} page_md_info_t;

/*
 * Render src as Markdown, appending the HTML to out.  line is the line of
 * src[0] in the content file (for errors), 0 when src is not from it.
 */
int page_markdown_render(const char *src, size_t len, unsigned flags,
    unsigned line, page_buf_t *out, page_md_info_t *info, const char *path,
    page_error_t *err);

#endif /* PAGE_MARKDOWN_H */
