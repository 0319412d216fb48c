/*
 * page_markdown: the libcmark-gfm bridge.
 *
 * libcmark-gfm allocates with plain malloc and aborts when malloc fails, so
 * its input is bounded by the caller (page_max_size) and its tree and
 * output are freed before we return; only our copy in the arena remains.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "page_markdown.h"
#include "page_utf8.h"

static const char  *page_md_extensions[] = {
    "table", "strikethrough", "autolink", "tasklist", NULL
};


/*
 * Length of the well-formed UTF-8 sequence at p (n bytes left), 0 if it is
 * malformed: overlong, surrogate, beyond U+10FFFF or cut short.
 */
static size_t
page_md_utf8_len(const unsigned char *p, size_t n)
{
    size_t    w;
    uint32_t  r;

    w = page_utf8_decode((const char *) p, n, &r);

    /* a malformed sequence decodes as U+FFFD of width 1 */
    return r == 0xfffd && w == 1 ? 0 : w;
}


static int
page_md_utf8_valid(const char *s, size_t len)
{
    size_t                i, n;
    uint64_t              w;
    const unsigned char  *p = (const unsigned char *) s;

    for (i = 0; i < len; i += n) {
        /* ASCII, eight bytes at a time */
        if (len - i >= 8) {
            memcpy(&w, p + i, 8);
            if ((w & 0x8080808080808080ULL) == 0) {
                n = 8;
                continue;
            }
        }

        if (p[i] < 0x80) {
            n = 1;
            continue;
        }

        n = page_md_utf8_len(p + i, len - i);
        if (n == 0) {
            return 0;
        }
    }

    return 1;
}


/*
 * Append HTML, replacing malformed UTF-8 with U+FFFD.  The input
 * was validated (CMARK_OPT_VALIDATE_UTF8), but libcmark-gfm 0.29.0.gfm.6
 * can cut a multi-byte character in two: an unmatched footnote reference
 * whose label spans lines ("[^a\n\xc3\xa9]") loses bytes of its text
 * (github/cmark-gfm#282), and page_html prints literals as they are.
 * The page must stay valid UTF-8 regardless.
 */
static void
page_md_append_utf8(page_buf_t *b, const char *s, size_t len)
{
    size_t                i, start, n;
    const unsigned char  *p = (const unsigned char *) s;

    start = 0;

    for (i = 0; i < len; i += n) {
        n = page_md_utf8_len(p + i, len - i);
        if (n != 0) {
            continue;
        }

        page_buf_append(b, s + start, i - start);
        page_buf_puts(b, "\xEF\xBF\xBD");
        n = 1;
        start = i + 1;
    }

    page_buf_append(b, s + start, len - start);
}


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
            page_md_append_utf8(b, lit, strlen(lit));
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


/*
 * libcmark-gfm 0.29.0.gfm.6 (Debian 12) parses a table row in time
 * quadratic in its cells: one row of 50,000 "|" takes seconds.  A line
 * with more "|" than any readable table has is refused before parsing.
 */
static int
page_md_check_rows(const char *src, size_t len, unsigned line,
    const char *path, page_error_t *err)
{
    size_t       pipes;
    unsigned     n;
    const char  *p, *q, *end, *nl;

    end = src + len;
    n = 0;

    for (p = src; p < end; p = nl + 1) {
        nl = memchr(p, '\n', (size_t) (end - p));
        if (nl == NULL) {
            nl = end;
        }

        pipes = 0;

        if ((size_t) (nl - p) > PAGE_MD_MAX_ROW_CELLS) {
            for (q = p; q < nl; q++) {
                pipes += *q == '|';
            }
        }

        if (pipes > PAGE_MD_MAX_ROW_CELLS) {
            page_error_set(err, PAGE_ERR_LIMIT, path, line ? line + n : 0, 1,
                           "a line with more than %d \"|\" (a table row "
                           "this wide is refused: the Markdown library "
                           "would take quadratic time over it)",
                           PAGE_MD_MAX_ROW_CELLS);
            return -1;
        }

        n++;
    }

    return 0;
}


int
page_markdown_render(const char *src, size_t len, unsigned flags,
    unsigned line, page_buf_t *out, page_md_info_t *info, const char *path,
    page_error_t *err)
{
    int                   options, rc;
    char                 *copy;
    size_t                start, n;
    const char          **name;
    page_buf_t            heading;
    page_html_toc_t      *toc;
    cmark_node           *root;
    cmark_parser         *parser;
    cmark_syntax_extension *ext;

    if (page_md_check_rows(src, len, line, path, err) != 0) {
        return -1;
    }

    cmark_gfm_core_extensions_ensure_registered();

    options = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES
              | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES;

    if (flags & PAGE_MD_UNSAFE) {
        options |= CMARK_OPT_UNSAFE;
    }

    rc = -1;
    root = NULL;
    toc = NULL;

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
        memset(&info->toc, 0, sizeof(info->toc));
        toc = &info->toc;
        page_buf_init(&heading, out->arena, 0);
        page_md_first_heading(root, &heading);
        info->first_heading.data = heading.len ? page_buf_cstr(&heading) : "";
        info->first_heading.len = heading.len;
        if (info->first_heading.data == NULL) {
            info->first_heading.data = "";
            info->first_heading.len = 0;
        }
    }

    start = out->len;

    if (page_html_render(root, src, len,
                         (flags & PAGE_MD_UNSAFE) ? PAGE_HTML_UNSAFE : 0,
                         out, toc)
        != 0)
    {
        page_error_set(err, PAGE_ERR_LIMIT, path, 0, 0,
                       "rendered Markdown is too large");
        goto done;
    }

    n = out->len - start;

    if (n != 0 && !page_md_utf8_valid(out->data + start, n)) {
        copy = page_arena_strndup(out->arena, out->data + start, n);
        if (copy == NULL) {
            page_error_nomem(err, path);
            goto done;
        }
        out->len = start;
        page_md_append_utf8(out, copy, n);
    }

    if (page_buf_failed(out)) {
        page_error_set(err, PAGE_ERR_LIMIT, path, 0, 0,
                       "rendered Markdown is too large");
        goto done;
    }

    rc = 0;

done:

    if (root != NULL) {
        cmark_node_free(root);
    }

    cmark_parser_free(parser);

    return rc;
}
