/*
 * page_markdown: the libcmark-gfm bridge.
 *
 * libcmark-gfm allocates with plain malloc and aborts when malloc fails, so
 * its input is bounded by the caller (page_max_size) and its tree and
 * output are freed before we return; only our copy in the arena remains.
 */

#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "page_markdown.h"

static const char  *page_md_extensions[] = {
    "table", "strikethrough", "autolink", "tasklist", NULL
};


static void
page_md_text(cmark_node *node, page_buf_t *b)
{
    cmark_node  *child;
    const char  *lit;

    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
        lit = cmark_node_get_literal(node);
        if (lit != NULL) {
            page_buf_puts(b, lit);
        }
        return;

    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
        page_buf_putc(b, ' ');
        return;

    default:
        break;
    }

    for (child = cmark_node_first_child(node); child != NULL;
         child = cmark_node_next(child))
    {
        page_md_text(child, b);
    }
}


static void
page_md_first_heading(cmark_node *root, page_buf_t *b)
{
    cmark_iter        *iter;
    cmark_event_type   ev;
    cmark_node        *node;

    iter = cmark_iter_new(root);
    if (iter == NULL) {
        return;
    }

    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        node = cmark_iter_get_node(iter);

        if (ev == CMARK_EVENT_ENTER
            && cmark_node_get_type(node) == CMARK_NODE_HEADING)
        {
            page_md_text(node, b);
            break;
        }
    }

    cmark_iter_free(iter);
}


int
page_markdown_render(const char *src, size_t len, unsigned flags,
    page_buf_t *out, page_md_info_t *info, const char *path,
    page_error_t *err)
{
    int                   options, rc;
    char                 *html;
    const char          **name;
    page_buf_t            heading;
    cmark_node           *root;
    cmark_parser         *parser;
    cmark_syntax_extension *ext;

    cmark_gfm_core_extensions_ensure_registered();

    options = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES
              | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES;

    if (flags & PAGE_MD_UNSAFE) {
        options |= CMARK_OPT_UNSAFE;
    }

    rc = -1;
    root = NULL;
    html = NULL;

    parser = cmark_parser_new(options);
    if (parser == NULL) {
        page_error_nomem(err, path);
        return -1;
    }

    for (name = page_md_extensions; *name != NULL; name++) {
        ext = cmark_find_syntax_extension(*name);
        if (ext == NULL || !cmark_parser_attach_syntax_extension(parser, ext))
        {
            page_error_set(err, PAGE_ERR_CONTENT, path, 0, 0,
                           "libcmark-gfm extension \"%s\" is missing",
                           *name);
            goto done;
        }
    }

    cmark_parser_feed(parser, src, len);
    root = cmark_parser_finish(parser);
    if (root == NULL) {
        page_error_nomem(err, path);
        goto done;
    }

    if (info != NULL) {
        page_buf_init(&heading, out->arena, 0);
        page_md_first_heading(root, &heading);
        info->first_heading.data = heading.len ? page_buf_cstr(&heading) : "";
        info->first_heading.len = heading.len;
        if (info->first_heading.data == NULL) {
            info->first_heading.data = "";
            info->first_heading.len = 0;
        }
    }

    html = cmark_render_html(root, options,
                             cmark_parser_get_syntax_extensions(parser));
    if (html == NULL) {
        page_error_nomem(err, path);
        goto done;
    }

    page_buf_puts(out, html);

    if (page_buf_failed(out)) {
        page_error_set(err, PAGE_ERR_LIMIT, path, 0, 0,
                       "rendered Markdown is too large");
        goto done;
    }

    rc = 0;

done:

    free(html);

    if (root != NULL) {
        cmark_node_free(root);
    }

    cmark_parser_free(parser);

    return rc;
}
