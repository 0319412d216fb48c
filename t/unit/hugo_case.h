/*
 * hugo_case.h: one Markdown text rendered by page_markdown_render() and
 * compared with what Hugo 0.111.3 printed for it (.Content and
 * .TableOfContents), for the unit tests whose expected outputs come
 * from Hugo (test_html.c, test_linkify.c).
 */

#ifndef HUGO_CASE_H
#define HUGO_CASE_H

#include <stdio.h>
#include <string.h>

#include "page_arena.h"
#include "page_buf.h"
#include "page_error.h"
#include "page_html.h"
#include "page_markdown.h"
#include "tap.h"

typedef struct {
    const char  *name;
    unsigned     flags;     /* PAGE_MD_UNSAFE or 0 */
    const char  *md;
    size_t       md_len;    /* 0: strlen(md) */
    const char  *html;      /* Hugo's .Content */
    const char  *toc;       /* Hugo's .TableOfContents; NULL: empty nav */
} hugo_case_t;


static void
hugo_case_run(const hugo_case_t *c)
{
    int              rc;
    char             name[128];
    size_t           len;
    page_buf_t       out, toc;
    page_arena_t     a;
    page_error_t     err;
    page_md_info_t   info;

    page_arena_init(&a, 0);
    page_buf_init(&out, &a, 0);
    page_error_init(&err);
    memset(&info, 0, sizeof(info));

    len = c->md_len ? c->md_len : strlen(c->md);
    rc = page_markdown_render(c->md, len, c->flags, 1, &out, &info, "t.md",
                              &err);

    snprintf(name, sizeof(name), "%s: renders", c->name);
    ok(rc == 0, name);

    snprintf(name, sizeof(name), "%s: as Hugo", c->name);
    is_str(out.len ? page_buf_cstr(&out) : "", c->html, name);

    page_buf_init(&toc, &a, 0);
    page_html_toc(&info.toc, PAGE_HTML_TOC_START, PAGE_HTML_TOC_END, &toc);
    snprintf(name, sizeof(name), "%s: table of contents", c->name);
    is_str(page_buf_cstr(&toc),
           c->toc ? c->toc : "<nav id=\"TableOfContents\"></nav>", name);

    page_arena_free(&a);
}

static void
hugo_cases_run(const hugo_case_t *cases, size_t n)
{
    size_t  i;

    for (i = 0; i < n; i++) {
        hugo_case_run(&cases[i]);
    }
}

#endif /* HUGO_CASE_H */
