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
#define PAGE_MD_NO_HIGHLIGHT  0x02 /* code blocks not highlighted
                                      (Hugo's codeFences = false) */

/*
 * Most "|" on one line.  libcmark-gfm's table rows cost time quadratic in
 * their cells; 64 columns is wider than any table meant to be read, and
 * keeps a hostile body of such rows within ~10x the cost of plain text.
 */
#define PAGE_MD_MAX_ROW_CELLS  64

/*
 * Most block quotes and list items one line may open.  Each is a node
 * and a level in libcmark-gfm's container match; one line of 4 MB of
 * ">" took 5 s.  No document meant to be read nests this deep.
 */
#define PAGE_MD_MAX_NESTING  32

/*
 * Most steps libcmark-gfm may take walking delimiter stacks: at each
 * link or image, one per emphasis delimiter run before it in its
 * paragraph (page_md_guard.c).  "*a* [b](c)" repeated over 1 MB of one
 * paragraph took 5 minutes; this bound is about 0.3 s of such walks,
 * while a paragraph of 5,000 links and 5,000 emphases takes 2.5e7.
 */
#define PAGE_MD_MAX_EMPH_LINK_STEPS  50000000

/*
 * Most memory libcmark-gfm's syntax tree of one Markdown text may take
 * (its scratch arena, page_markdown.c).  A page's tree takes about 40
 * times its text (a 4 MB page of prose about 160 MB); 4 MB of one-letter
 * table cells took 1.7 GB.  Past this the text is refused with an error
 * instead of taking the worker's memory.
 */
#define PAGE_MD_MAX_MEMORY  (384 * 1024 * 1024)

/*
 * Refuse src (line: of src[0] in the content file, 0 if not from it)
 * when it holds one of the shapes above; 0 when it holds none.
 */
int page_md_guard(const char *src, size_t len, unsigned line,
    const char *path, page_error_t *err);

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

/*
 * Release libcmark-gfm's registry of extensions, when the process exits
 * (page_exit()): the library registers its extensions only once per
 * process, so nothing can be rendered afterwards.
 */
void page_markdown_exit(void);

#endif /* PAGE_MARKDOWN_H */
