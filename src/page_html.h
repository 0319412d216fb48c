/*
 * page_html: HTML in the flavour Hugo 0.111.3 (goldmark) prints, written
 * from libcmark-gfm's syntax tree: GitHub-style heading ids, smart
 * punctuation as entities, HTML5 void elements, raw HTML omitted unless
 * unsafe, Hugo's table, task-list and footnote markup; and the headings
 * collected for .TableOfContents.
 */

#ifndef PAGE_HTML_H
#define PAGE_HTML_H

#include <stddef.h>

#include "page_arena.h"
#include "page_buf.h"

#define PAGE_HTML_UNSAFE  0x01      /* keep raw HTML and every link scheme */
#define PAGE_HTML_NO_HIGHLIGHT  0x02 /* code blocks as goldmark writes them
                                        (Hugo's codeFences = false) */

/* Hugo's default .TableOfContents levels */
#define PAGE_HTML_TOC_START  2
#define PAGE_HTML_TOC_END    3

typedef struct {
    int          level;         /* 1..6 */
    const char  *id;            /* the id attribute, unescaped */
    size_t       id_len;
    const char  *title;         /* the heading's inline HTML, as in the TOC */
    size_t       title_len;
} page_html_heading_t;

typedef struct {
    page_html_heading_t  *items;    /* in document order */
    size_t                n;
    size_t                cap;
} page_html_toc_t;

struct cmark_node;

/*
 * Render the tree root (parsed from src, len bytes, with positions) as
 * HTML appended to out.  Headings go to toc when it is not NULL.  Returns
 * 0, or -1 when out of memory (out is then marked failed).
 */
int page_html_render(struct cmark_node *root, const char *src, size_t len,
    unsigned flags, page_buf_t *out, page_html_toc_t *toc);

/*
 * Hugo's .TableOfContents for the collected headings: <nav
 * id="TableOfContents"> with nested <ul>, levels start..end (Hugo's
 * defaults: PAGE_HTML_TOC_START, PAGE_HTML_TOC_END).
 */
void page_html_toc(const page_html_toc_t *toc, int start, int end,
    page_buf_t *out);

#endif /* PAGE_HTML_H */
