/*
 * page_render: the pipeline, stage after stage.  Owns the order of the
 * stages and the choices between them (which title, which layout); each
 * stage lives in its own file.
 */

#include <string.h>

#include "page.h"
#include "page_buf.h"
#include "page_front.h"
#include "page_layout.h"
#include "page_markdown.h"
#include "page_value.h"


void
page_options_init(page_options_t *opt)
{
    memset(opt, 0, sizeof(page_options_t));
}


/* The file name without directories and extension: the last title. */
static page_str_t
page_render_file_title(const char *path)
{
    page_str_t   s;
    const char  *slash, *dot;

    s.data = "";
    s.len = 0;

    if (path == NULL) {
        return s;
    }

    slash = strrchr(path, '/');
    s.data = slash ? slash + 1 : path;
    dot = strrchr(s.data, '.');
    s.len = dot && dot != s.data ? (size_t) (dot - s.data) : strlen(s.data);

    return s;
}


static page_str_t
page_render_title(page_value_t *params, const page_md_info_t *md,
    const char *path, page_arena_t *a)
{
    page_buf_t     b;
    page_str_t     s;
    page_value_t  *title;

    title = page_map_gets(params, "title");

    if (page_value_truthy(title)) {
        page_buf_init(&b, a, 0);
        page_value_print(&b, title);
        s.data = page_buf_cstr(&b);
        s.len = b.len;
        if (s.data != NULL) {
            return s;
        }
    }

    if (md->first_heading.len) {
        return md->first_heading;
    }

    return page_render_file_title(path);
}


int
page_render(const char *src, size_t len, const page_options_t *opt,
    page_result_t *res)
{
    page_buf_t      content, out;
    page_doc_t      doc;
    page_front_t    fm;
    page_error_t   *err;
    page_arena_t   *a;
    page_md_info_t  md;
    page_value_t   *params;
    const char     *path;

    page_arena_init(&res->arena, PAGE_MAX_MEMORY);
    page_error_init(&res->error);
    res->data = NULL;
    res->len = 0;

    a = &res->arena;
    err = &res->error;
    path = opt->path ? opt->path : "-";

    if (page_front_split(src, len, path, &fm, err) != 0
        || page_front_parse(a, &fm, path, &params, err) != 0)
    {
        return err->status;
    }

    page_buf_init(&content, a, PAGE_MAX_OUTPUT);
    memset(&md, 0, sizeof(md));

    if (page_markdown_render(fm.body, fm.body_len,
                             opt->unsafe_html ? PAGE_MD_UNSAFE : 0,
                             &content, &md, path, err)
        != 0)
    {
        return err->status;
    }

    if (opt->content_only) {
        res->data = content.len ? content.data : "";
        res->len = content.len;
        return PAGE_OK;
    }

    doc.params = params;
    doc.title = page_render_title(params, &md, path, a);
    doc.content.data = content.data ? content.data : "";
    doc.content.len = content.len;

    page_buf_init(&out, a, PAGE_MAX_OUTPUT);

    if (page_layout_render(&doc, opt, &out, err) != 0) {
        return err->status;
    }

    res->data = out.data;
    res->len = out.len;

    return PAGE_OK;
}


void
page_result_free(page_result_t *res)
{
    page_arena_free(&res->arena);
    res->data = NULL;
    res->len = 0;
}
