/*
 * page_render: the pipeline, stage after stage.  Owns the order of the
 * stages and the choices between them (which title, which layout); each
 * stage lives in its own file.
 */

#include <string.h>

#include "page.h"
#include "page_buf.h"
#include "page_front.h"
#include "page_data.h"
#include "page_markdown.h"
#include "page_templates.h"
#include "page_value.h"

/* Hugo's summary divider. */
#define PAGE_MORE  "<!--more-->"


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


/* Offset of needle in s, or len when it is not there. */
static size_t
page_render_find(const char *s, size_t len, const char *needle, size_t n)
{
    size_t  i;

    for (i = 0; i + n <= len; i++) {
        if (s[i] == needle[0] && memcmp(s + i, needle, n) == 0) {
            return i;
        }
    }

    return len;
}


/* Drop "<p>" ... "</p>\n" around out[start..] when it is one paragraph. */
static void
page_render_strip_paragraph(page_buf_t *out, size_t start)
{
    size_t       n;
    const char  *s;

    s = out->data + start;
    n = out->len - start;

    if (out->data == NULL || n < 8 || memcmp(s, "<p>", 3) != 0) {
        return;
    }

    while (n && (s[n - 1] == '\n')) {
        n--;
    }

    if (n < 7 || memcmp(s + n - 4, "</p>", 4) != 0
        || page_render_find(s + 3, n - 7, "<p>", 3) != n - 7
        || page_render_find(s + 3, n - 7, "</p>", 4) != n - 7)
    {
        return;
    }

    memmove(out->data + start, s + 3, n - 7);
    out->len = start + n - 7;
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


/*
 * markdownify and .RenderString: the page's own Markdown settings; one
 * wrapping paragraph is dropped when the output is exactly one paragraph
 * (current Hugo's rule).
 */
static int
page_render_markdownify(void *ctx, const char *s, size_t len, page_buf_t *out,
    page_error_t *err)
{
    size_t                 start;
    const page_options_t  *opt = ctx;

    start = out->len;

    if (page_markdown_render(s, len, opt->unsafe_html ? PAGE_MD_UNSAFE : 0,
                             0, out, NULL, opt->path, err)
        != 0)
    {
        return -1;
    }

    page_render_strip_paragraph(out, start);

    return 0;
}


int
page_render(const char *src, size_t len, const page_options_t *opt,
    page_result_t *res)
{
    char                  *body;
    size_t                 body_len, more;
    unsigned               md_flags;
    page_buf_t             content, summary, out;
    page_data_t            data;
    page_front_t           fm;
    page_error_t          *err, tpl_err;
    page_arena_t          *a;
    page_md_info_t         md;
    page_value_t          *params, *type, *layout;
    const char            *path, *entry;
    page_tpl_env_t         env;
    page_data_input_t      in;
    const page_tpl_set_t  *set;

    page_arena_init(&res->arena, PAGE_MAX_MEMORY);
    page_error_init(&res->error);
    res->data = NULL;
    res->len = 0;

    a = &res->arena;
    err = &res->error;
    path = opt->path ? opt->path : "-";
    md_flags = opt->unsafe_html ? PAGE_MD_UNSAFE : 0;

    if (page_front_split(src, len, path, &fm, err) != 0
        || page_front_parse(a, &fm, path, &params, err) != 0)
    {
        return err->status;
    }

    page_buf_init(&content, a, PAGE_MAX_OUTPUT);
    page_buf_init(&summary, a, PAGE_MAX_OUTPUT);
    memset(&md, 0, sizeof(md));

    body = (char *) fm.body;
    body_len = fm.body_len;

    /* <!--more--> ends the summary and is not part of the content */

    more = page_render_find(body, body_len, PAGE_MORE, sizeof(PAGE_MORE) - 1);

    if (more != body_len) {
        if (page_markdown_render(body, more, md_flags, fm.body_line,
                                 &summary, NULL, path,
                                 err)
            != 0)
        {
            return err->status;
        }

        body = page_arena_alloc(a, body_len);
        if (body == NULL) {
            page_error_nomem(err, path);
            return err->status;
        }

        memcpy(body, fm.body, more);
        memcpy(body + more, fm.body + more + sizeof(PAGE_MORE) - 1,
               body_len - more - (sizeof(PAGE_MORE) - 1));
        body_len -= sizeof(PAGE_MORE) - 1;
    }

    if (page_markdown_render(body, body_len, md_flags, fm.body_line,
                             &content, &md, path,
                             err)
        != 0)
    {
        return err->status;
    }

    if (opt->content_only) {
        res->data = content.len ? content.data : "";
        res->len = content.len;
        return PAGE_OK;
    }

    if (opt->templates == NULL) {
        page_error_set(err, PAGE_ERR_TEMPLATE, path, 0, 0,
                       "no templates to render the page with");
        return err->status;
    }

    in.params = params;
    in.title = page_render_title(params, &md, path, a);
    in.content.data = content.data ? content.data : "";
    in.content.len = content.len;
    in.summary.data = summary.data ? summary.data : "";
    in.summary.len = summary.len;

    data.templates = opt->templates;

    if (page_data_build(&data, a, &in, opt, err) != 0) {
        return err->status;
    }

    type = page_map_gets(data.page, "Type");
    layout = page_map_gets(params, "layout");

    set = page_templates_layout(opt->templates,
              page_value_is_string(type) ? type->u.s.data : NULL,
              page_value_is_string(layout) ? layout->u.s.data : NULL,
              opt->layout_len ? opt->layout : NULL, &entry);

    if (set == NULL) {
        page_error_set(err, PAGE_ERR_TEMPLATE, path, 0, 0,
                       "no layout found (looked for %s%s, then single.html)",
                       page_value_is_string(layout) ? layout->u.s.data
                                                    : "single",
                       ".html");
        return err->status;
    }

    page_tpl_env_init(&env, a);
    page_data_env(&data, &env);
    env.markdown = page_render_markdownify;
    env.markdown_ctx = (void *) opt;
    env.base_url = opt->base_url;

    page_buf_init(&out, a, PAGE_MAX_OUTPUT);
    page_error_init(&tpl_err);

    if (page_tpl_execute(set, entry, data.page, &env, &out, &tpl_err) != 0) {
        page_error_set(err, tpl_err.status == PAGE_ERR_NOMEM
                            ? PAGE_ERR_NOMEM : PAGE_ERR_TEMPLATE,
                       path, 0, 0, "%s", tpl_err.msg);
        return err->status;
    }

    res->data = out.data ? out.data : "";
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
