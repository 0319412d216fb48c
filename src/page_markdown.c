/*
 * page_markdown: the libcmark-gfm bridge.
 *
 * libcmark-gfm allocates through a cmark_mem; ours takes every allocation
 * of one render from a scratch arena that is released whole when the
 * render ends (see page_md_mem below).  Only our HTML, in the caller's
 * arena, remains.
 */

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm/registry.h>

#include "page_markdown.h"
#include "page_utf8.h"

/*
 * Not libcmark-gfm's "autolink": its bare-URL and e-mail scan is
 * quadratic on some text (4 MB of "a@b." took 10 s) and its rules are
 * GitHub's, not goldmark's; page_html links bare URLs (page_linkify).
 */
#define PAGE_MD_NEXTENSIONS  3

static const char  *page_md_extensions[PAGE_MD_NEXTENSIONS + 1] = {
    "table", "strikethrough", "tasklist", NULL
};


/*
 * libcmark-gfm's allocator.  A Markdown render makes one small allocation
 * per node, line and buffer, and frees them all at the end; with malloc
 * that, and the walk of the tree to free it, was a quarter of a page's
 * instructions.  Here each render bumps a pointer in its own scratch
 * arena and drops the arena when done: free() does nothing, and neither
 * the tree nor the parser is freed node by node.
 *
 * cmark_mem's functions take no context, so the arena in use is a static.
 * Renders may nest (page_markdown_render saves and restores it) but never
 * run concurrently: an nginx worker renders in its one thread.
 *
 * Each allocation is preceded by its size, which realloc needs.
 * libcmark-gfm has no path for a failed allocation (its own allocator
 * aborts the process).  This one never returns one either: when the
 * scratch arena reaches PAGE_MD_MAX_MEMORY, or malloc fails, it jumps
 * back to page_markdown_render() (page_md_escape), which drops the whole
 * arena, parser and tree with it, and fails the render.  Nothing of
 * cmark's outlives the arena, so nothing is left behind by the jump.
 */

#define PAGE_MD_HEADER  16              /* keeps the arena's alignment */

static page_arena_t  *page_md_arena;
static jmp_buf       *page_md_escape;


static void *
page_md_alloc(size_t size)
{
    char  *p;

    p = NULL;

    if (size <= SIZE_MAX / 2) {
        p = page_arena_alloc(page_md_arena, PAGE_MD_HEADER + size);
    }

    if (p == NULL) {
        longjmp(*page_md_escape, 1);
    }

    memcpy(p, &size, sizeof(size_t));

    return p + PAGE_MD_HEADER;
}


static void *
page_md_calloc(size_t n, size_t size)
{
    void  *p;

    if (size != 0 && n > SIZE_MAX / 2 / size) {
        longjmp(*page_md_escape, 1);
    }

    p = page_md_alloc(n * size);
    memset(p, 0, n * size);

    return p;
}


static void *
page_md_realloc(void *old, size_t size)
{
    char    *hdr, *p;
    size_t   old_size;

    if (old == NULL) {
        return page_md_alloc(size);
    }

    hdr = (char *) old - PAGE_MD_HEADER;
    memcpy(&old_size, hdr, sizeof(size_t));

    if (size <= old_size) {
        return old;
    }

    /* a buffer that keeps growing is usually the latest allocation */
    if (page_arena_extend(page_md_arena, hdr, PAGE_MD_HEADER + old_size,
                          PAGE_MD_HEADER + size)
        == 0)
    {
        memcpy(hdr, &size, sizeof(size_t));
        return old;
    }

    p = page_md_alloc(size);
    memcpy(p, old, old_size);

    return p;
}


static void
page_md_free(void *p)
{
    (void) p;                           /* released with the arena */
}


static cmark_mem  page_md_mem = {
    page_md_calloc, page_md_realloc, page_md_free
};


/* The extensions were looked up (page_markdown_exit() forgets them). */
static int  page_md_found;


/*
 * The extensions, looked up in libcmark-gfm's registry once per process.
 * Returns the name of one that is missing, or NULL.
 */
static const char *
page_md_find_extensions(cmark_syntax_extension **exts)
{
    size_t                          i;
    static cmark_syntax_extension  *cache[PAGE_MD_NEXTENSIONS + 1];

    if (!page_md_found) {
        cmark_gfm_core_extensions_ensure_registered();

        for (i = 0; page_md_extensions[i] != NULL; i++) {
            cache[i] = cmark_find_syntax_extension(page_md_extensions[i]);
            if (cache[i] == NULL) {
                return page_md_extensions[i];
            }
        }

        page_md_found = 1;
    }

    memcpy(exts, cache, sizeof(cache));

    return NULL;
}


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
 * Parse src with libcmark-gfm (its allocations go to the scratch arena,
 * which the caller drops) and append its HTML to out.  A failed
 * allocation jumps back to the caller (page_md_escape).
 */
static int
page_md_parse_render(const char *src, size_t len, int options,
    unsigned flags, cmark_syntax_extension **exts, page_buf_t *out,
    page_md_info_t *info, const char *path, page_error_t *err)
{
    char                    *copy;
    size_t                   start, n;
    page_buf_t               heading;
    page_html_toc_t         *toc;
    cmark_node              *root;
    cmark_parser            *parser;
    cmark_syntax_extension **ext;

    toc = NULL;

    parser = cmark_parser_new_with_mem(options, &page_md_mem);

    for (ext = exts; *ext != NULL; ext++) {
        cmark_parser_attach_syntax_extension(parser, *ext);
    }

    cmark_parser_feed(parser, src, len);
    root = cmark_parser_finish(parser);

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
                         ((flags & PAGE_MD_UNSAFE) ? PAGE_HTML_UNSAFE : 0)
                         | ((flags & PAGE_MD_NO_HIGHLIGHT)
                            ? PAGE_HTML_NO_HIGHLIGHT : 0),
                         out, toc)
        != 0)
    {
        page_error_set(err, PAGE_ERR_LIMIT, path, 0, 0,
                       "rendered Markdown is too large");
        return -1;
    }

    n = out->len - start;

    if (n != 0 && !page_md_utf8_valid(out->data + start, n)) {
        copy = page_arena_strndup(out->arena, out->data + start, n);
        if (copy == NULL) {
            page_error_nomem(err, path);
            return -1;
        }
        out->len = start;
        page_md_append_utf8(out, copy, n);
    }

    if (page_buf_failed(out)) {
        page_error_set(err, PAGE_ERR_LIMIT, path, 0, 0,
                       "rendered Markdown is too large");
        return -1;
    }

    return 0;
}


int
page_markdown_render(const char *src, size_t len, unsigned flags,
    unsigned line, page_buf_t *out, page_md_info_t *info, const char *path,
    page_error_t *err)
{
    int                      options, rc;
    jmp_buf                  escape, *outer_escape;
    page_arena_t            *scratch, *outer;
    const char              *missing;
    cmark_syntax_extension  *exts[PAGE_MD_NEXTENSIONS + 1];

    if (page_md_guard(src, len, line, path, err) != 0) {
        return -1;
    }

    missing = page_md_find_extensions(exts);
    if (missing != NULL) {
        page_error_set(err, PAGE_ERR_CONTENT, path, 0, 0,
                       "libcmark-gfm extension \"%s\" is missing", missing);
        return -1;
    }

    options = CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES;

    /*
     * libcmark-gfm checks UTF-8 line by line when asked to; one pass of
     * our own, mostly eight ASCII bytes at a time, is cheaper, and only
     * input that fails it needs the library's repair.
     */
    if (!page_md_utf8_valid(src, len)) {
        options |= CMARK_OPT_VALIDATE_UTF8;
    }

    if (flags & PAGE_MD_UNSAFE) {
        options |= CMARK_OPT_UNSAFE;
    }

    /*
     * The scratch arena's own struct is not a local variable: it changes
     * between setjmp() and a longjmp() and must be read after it.
     */
    scratch = page_arena_alloc(out->arena, sizeof(page_arena_t));
    if (scratch == NULL) {
        page_error_nomem(err, path);
        return -1;
    }

    page_arena_init(scratch, PAGE_MD_MAX_MEMORY);
    page_arena_recycle(scratch);

    outer = page_md_arena;
    outer_escape = page_md_escape;
    page_md_arena = scratch;
    page_md_escape = &escape;

    if (setjmp(escape) == 0) {
        rc = page_md_parse_render(src, len, options, flags, exts, out, info,
                                  path, err);

    } else {
        page_error_set(err, PAGE_ERR_LIMIT, path, line, line ? 1 : 0,
                       "this Markdown text needs more than %d MB to parse "
                       "(page_markdown.h: PAGE_MD_MAX_MEMORY)",
                       PAGE_MD_MAX_MEMORY / (1024 * 1024));
        rc = -1;
    }

    /* the parser and the tree go with the scratch arena (page_md_mem) */
    page_md_arena = outer;
    page_md_escape = outer_escape;
    page_arena_free(scratch);

    return rc;
}


void
page_markdown_exit(void)
{
    if (page_md_found) {
        cmark_release_plugins();
        page_md_found = 0;
    }
}
