/*
 * page_render: the pipeline, stage after stage.  Owns the order of the
 * stages and the choices between them (which title, which layout); each
 * stage lives in its own file.
 */

#include <string.h>
#include <time.h>

#include "page.h"
#include "page_buf.h"
#include "page_fn.h"
#include "page_front.h"
#include "page_data.h"
#include "page_html.h"
#include "page_highlight.h"
#include "page_markdown.h"
#include "page_publish.h"
#include "page_regexp.h"
#include "page_sc_exec.h"
#include "page_site_data.h"
#include "page_site_index.h"
#include "page_shortcode.h"
#include "page_site_feed.h"
#include "page_templates.h"
#include "page_value.h"

/* Hugo's summary divider. */
#define PAGE_MORE  "<!--more-->"

/*
 * Output sizes to make room for up front (page_buf_hint): the HTML of a
 * Markdown text is mostly under 1.5 times its size, and a layout adds a
 * few kilobytes around the content (the default theme about 10 KB).
 */
#define PAGE_RENDER_HTML_HINT(len)  ((len) + (len) / 2)
#define PAGE_RENDER_LAYOUT_BYTES    (16 * 1024)


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
    size_t       i;
    const char  *p;

    for (i = 0; n != 0 && i + n <= len; i++) {
        p = memchr(s + i, needle[0], len - n + 1 - i);
        if (p == NULL) {
            break;
        }

        i = (size_t) (p - s);
        if (memcmp(s + i, needle, n) == 0) {
            return i;
        }
    }

    return len;
}


static int
page_render_too_large(page_sc_run_t *run, page_error_t *err)
{
    page_error_set(err, PAGE_ERR_LIMIT, run->path, 0, 0,
                   "page larger than %d bytes", PAGE_MAX_OUTPUT);
    return -1;
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
    page_buf_t             one;
    const page_options_t  *opt = ctx;

    page_buf_init(&one, out->arena, 0);

    if (page_markdown_render(s, len,
                             (opt->unsafe_html ? PAGE_MD_UNSAFE : 0)
                             | (opt->no_highlight ? PAGE_MD_NO_HIGHLIGHT : 0),
                             0, &one, NULL, opt->path, err)
        != 0)
    {
        return -1;
    }

    page_data_strip_paragraph(&one);
    page_buf_append(out, one.data ? one.data : "", one.len);

    return page_buf_failed(out) ? -1 : 0;
}


/* Does the body hold anything that opens a shortcode? */
static int
page_render_has_shortcodes(const char *s, size_t len)
{
    const char  *p, *end;

    end = s + len;

    for (p = s; (p = memchr(p, '{', (size_t) (end - p))) != NULL; p++) {
        if (end - p >= 3 && p[1] == '{' && (p[2] == '<' || p[2] == '%')) {
            return 1;
        }
        if (end - p < 3) {
            break;
        }
    }

    return 0;
}


/*
 * The shortcode stage: parse the body, run the calls, and give the
 * Markdown source to render (the body itself when it has no shortcodes).
 */
static int
page_render_shortcodes(page_sc_run_t *run, const page_front_t *fm,
    page_str_t *md, page_error_t *err)
{
    page_buf_t       buf;
    page_arena_t    *a = run->env->arena;
    page_sc_node_t  *nodes;

    md->data = fm->body;
    md->len = fm->body_len;

    if (!page_render_has_shortcodes(fm->body, fm->body_len)) {
        return 0;
    }

    if (page_shortcode_parse(a, fm->body, fm->body_len, fm->body_line,
                             run->path, page_sc_lookup, run, &nodes, err)
        != 0)
    {
        return -1;
    }

    page_buf_init(&buf, a, PAGE_MAX_OUTPUT);

    if (page_sc_expand(run, nodes, &buf, err) != 0) {
        return -1;
    }

    md->data = buf.data ? buf.data : "";
    md->len = buf.len;

    return 0;
}


/* Put the shortcodes' output in place of their placeholders in b. */
static int
page_render_substitute(page_sc_run_t *run, page_buf_t *b, page_str_t *result,
    page_error_t *err)
{
    page_buf_t  out;

    if (page_buf_failed(b)) {
        return page_render_too_large(run, err);
    }

    if (run->noutputs == 0) {
        result->data = b->data ? b->data : "";
        result->len = b->len;
        return 0;
    }

    page_buf_init(&out, run->env->arena, PAGE_MAX_OUTPUT);
    page_buf_hint(&out, b->len);

    if (page_sc_substitute(run, b->data ? b->data : "", b->len, &out) != 0) {
        return page_render_too_large(run, err);
    }

    result->data = out.data ? out.data : "";
    result->len = out.len;

    return 0;
}


/*
 * The HTML of Markdown src[0..len) with the shortcodes' output in place,
 * into *html.  Without shortcodes the HTML is the result as it is.
 */
static int
page_render_html(page_sc_run_t *run, const char *src, size_t len,
    unsigned line, unsigned flags, page_md_info_t *info, page_str_t *html,
    page_error_t *err)
{
    page_buf_t  md;

    page_buf_init(&md, run->env->arena, PAGE_MAX_OUTPUT);
    page_buf_hint(&md, PAGE_RENDER_HTML_HINT(len));

    if (page_markdown_render(src, len, flags, line, &md, info, run->path, err)
        != 0)
    {
        return err->status ? -1 : page_render_too_large(run, err);
    }

    return page_render_substitute(run, &md, html, err);
}


/*
 * Is the line s[0, len) a link reference definition ("[label]: url"),
 * not a footnote's ("[^1]: ...").
 */
static int
page_render_is_ref(const char *s, size_t len)
{
    size_t  i;

    for (i = 0; i < 3 && i < len && s[i] == ' '; i++) {
        /* up to 3 spaces */
    }

    if (i + 1 >= len || s[i] != '[' || s[i + 1] == '^' || s[i + 1] == ']') {
        return 0;
    }

    while (i < len && s[i] != ']') {
        i++;
    }

    return i + 2 < len && s[i + 1] == ':'
           && (s[i + 2] == ' ' || s[i + 2] == '\t');
}


/*
 * The Markdown of the summary: the text before <!--more-->, and the
 * link reference definitions of the rest, which Hugo's one rendering of
 * the whole page resolves in the summary too.
 */
static int
page_render_summary_src(page_sc_run_t *run, const char *body, size_t more,
    size_t len, page_str_t *src)
{
    size_t       i, eol;
    page_buf_t   b;
    const char  *nl;

    src->data = body;
    src->len = more;

    page_buf_init(&b, run->env->arena, PAGE_MAX_OUTPUT);

    for (i = more; i < len; i = eol + 1) {
        nl = memchr(body + i, '\n', len - i);
        eol = nl ? (size_t) (nl - body) : len;

        if (page_render_is_ref(body + i, eol - i)) {
            if (b.len == 0) {
                page_buf_append(&b, body, more);
                page_buf_puts(&b, "\n\n");
            }
            page_buf_append(&b, body + i, eol - i);
            page_buf_putc(&b, '\n');
        }
    }

    if (page_buf_failed(&b)) {
        return -1;
    }

    if (b.len) {
        src->data = b.data;
        src->len = b.len;
    }

    return 0;
}


/*
 * The Markdown stage, with <!--more--> (which ends the summary and is not
 * part of the content) and the shortcode placeholders put back.
 */
static int
page_render_markdown(page_sc_run_t *run, const page_str_t *md,
    unsigned line, unsigned flags, page_data_content_t *c,
    page_md_info_t *info, page_error_t *err)
{
    char          *body;
    size_t         more, body_len;
    page_buf_t     toc;
    page_str_t     sum;
    page_arena_t  *a = run->env->arena;

    body = (char *) md->data;
    body_len = md->len;

    c->summary.data = "";
    c->summary.len = 0;

    more = page_render_find(body, body_len, PAGE_MORE, sizeof(PAGE_MORE) - 1);

    if (more != body_len) {
        if (page_render_summary_src(run, body, more, body_len, &sum) != 0
            || page_render_html(run, sum.data, sum.len, line, flags, NULL,
                                &c->summary, err)
               != 0)
        {
            return err->status ? -1 : page_render_too_large(run, err);
        }

        body = page_arena_alloc(a, body_len);
        if (body == NULL) {
            page_error_nomem(err, run->path);
            return -1;
        }

        memcpy(body, md->data, more);
        memcpy(body + more, md->data + more + sizeof(PAGE_MORE) - 1,
               body_len - more - (sizeof(PAGE_MORE) - 1));
        body_len -= sizeof(PAGE_MORE) - 1;
    }

    if (page_render_html(run, body, body_len, line, flags, info, &c->content,
                         err)
        != 0)
    {
        return -1;
    }

    /* with a divider, Hugo's content has no white space at its end */
    while (more != md->len && c->content.len
           && (c->content.data[c->content.len - 1] == '\n'
               || c->content.data[c->content.len - 1] == ' '
               || c->content.data[c->content.len - 1] == '\t'
               || c->content.data[c->content.len - 1] == '\r'))
    {
        c->content.len--;
    }

    /* .TableOfContents, with shortcode output in headings put back */

    if (info != NULL && info->toc.n > 0) {
        page_buf_init(&toc, a, PAGE_MAX_OUTPUT);
        page_html_toc(&info->toc, PAGE_HTML_TOC_START, PAGE_HTML_TOC_END,
                      &toc);

        if (page_render_substitute(run, &toc, &c->toc, err) != 0) {
            return -1;
        }
    }

    return 0;
}


/* Hugo's publishing rules (page_publish.c), with the site's switches. */
static int
page_render_published(const page_value_t *params, const page_options_t *opt,
    const char *path, int64_t *until, page_error_t *err)
{
    page_publish_dates_t  dates;
    page_publish_rules_t  rules;

    page_publish_dates(params, &dates);

    rules.drafts = opt->drafts;
    rules.future = opt->future;
    rules.expired = opt->expired;

    return page_publish_check(&dates, &rules,
                              opt->now ? opt->now : (int64_t) time(NULL),
                              path, until, err);
}


static int
page_render_layout(page_data_t *data, page_tpl_env_t *env,
    const page_options_t *opt, size_t content_len, page_result_t *res)
{
    const char            *entry, *path;
    page_buf_t             out;
    page_value_t          *type, *kind, *lang, *layout, *params;
    page_value_t          *site_type;
    page_error_t           tpl_err, *err;
    const page_tpl_set_t  *set;
    page_templates_query_t q;

    err = &res->error;
    path = data->opt->path ? data->opt->path : "-";
    params = page_map_gets(data->page, "Params");
    type = page_map_gets(params, "type");
    kind = page_map_gets(data->page, "Kind");
    lang = page_map_gets(data->page, "Lang");
    layout = page_map_gets(params, "layout");

    memset(&q, 0, sizeof(q));
    q.path = opt->file;
    q.path_len = opt->file ? opt->file_len : 0;
    q.kind = page_value_is_string(kind) ? kind->u.s.data : NULL;
    q.type = page_value_is_string(type) ? type->u.s.data : NULL;
    q.layout = page_value_is_string(layout) ? layout->u.s.data : NULL;
    q.def = opt->layout_len ? opt->layout : NULL;
    q.lang = page_value_is_string(lang) ? lang->u.s.data : NULL;

    if (opt->site_page != NULL) {
        /* a list page of a site: its type, its taxonomy's names */
        site_type = page_map_gets(data->page, "Type");
        q.section = page_value_is_string(site_type) ? site_type->u.s.data
                                                    : NULL;

        if (opt->site_page->tax != NULL) {
            q.plural = opt->site_page->tax->conf->plural;
            q.singular = opt->site_page->tax->conf->singular;
        }
    }

    if (opt->output != NULL && opt->site_page != NULL) {
        /* a feed, a sitemap, the 404 page: page_site_feed's lookups */
        set = page_site_feed_layout(opt, &entry, err);
        if (set == NULL) {
            return -1;
        }

    } else {
        set = page_templates_find_layout(opt->templates, &q, &entry);
    }

    if (set == NULL) {
        page_error_set(err, PAGE_ERR_TEMPLATE, path, 0, 0,
                       "no layout found (looked for %s.html, then "
                       "single.html)",
                       page_value_is_string(layout) ? layout->u.s.data
                                                    : "single");
        return -1;
    }

    page_buf_init(&out, env->arena, PAGE_MAX_OUTPUT);
    page_buf_hint(&out, content_len + PAGE_RENDER_LAYOUT_BYTES);
    page_error_init(&tpl_err);

    if (page_tpl_execute(set, entry, data->page, env, &out, &tpl_err) != 0) {
        page_error_set(err, tpl_err.status == PAGE_ERR_NOMEM
                            ? PAGE_ERR_NOMEM : PAGE_ERR_TEMPLATE,
                       path, 0, 0, "%s", tpl_err.msg);
        return -1;
    }

    /* NUL-terminated past len, so that callers may treat it as a string */
    if (out.data != NULL && page_buf_cstr(&out) == NULL) {
        page_error_set(err, PAGE_ERR_NOMEM, path, 0, 0,
                       "the page is too large");
        return -1;
    }

    res->data = out.data ? out.data : "";
    res->len = out.len;

    return 0;
}


int
page_render(const char *src, size_t len, const page_options_t *opt,
    page_result_t *res)
{
    unsigned              md_flags;
    page_str_t            md_src, title;
    page_data_t           data;
    page_front_t          fm;
    page_error_t         *err;
    page_arena_t         *a;
    page_value_t         *params;
    page_sc_run_t         run;
    const char           *path;
    page_md_info_t        info;
    page_tpl_env_t        env;
    page_data_content_t   content;

    page_arena_init(&res->arena, opt->max_memory ? opt->max_memory
                                                 : PAGE_MAX_MEMORY);
    page_arena_recycle(&res->arena);
    page_error_init(&res->error);
    res->data = NULL;
    res->len = 0;
    res->until = 0;
    res->published = NULL;
    res->pagers = 0;
    res->summary = NULL;
    res->summary_len = 0;
    res->toc = NULL;
    res->toc_len = 0;

    a = &res->arena;
    err = &res->error;
    path = opt->path ? opt->path : "-";
    md_flags = (opt->unsafe_html ? PAGE_MD_UNSAFE : 0)
               | (opt->no_highlight ? PAGE_MD_NO_HIGHLIGHT : 0);

    if (opt->templates == NULL) {
        page_error_set(err, PAGE_ERR_TEMPLATE, path, 0, 0,
                       "no templates to render the page with");
        return err->status;
    }

    /* front matter */

    if (page_front_split(src, len, path, &fm, err) != 0
        || page_front_parse(a, &fm, path, &params, err) != 0)
    {
        return err->status;
    }

    /* an unpublished page is not rendered at all */

    if (page_render_published(params, opt, path, &res->until, err) != 0) {
        return err->status;
    }

    /* the page as shortcodes and templates see it */

    memset(&info, 0, sizeof(info));
    title = page_render_title(params, &info, path, a);
    data.templates = opt->templates;

    if (page_data_build(&data, a, params, &title, opt, err) != 0) {
        return err->status;
    }

    page_tpl_env_init(&env, a);
    page_data_env(&data, &env);
    env.markdown = page_render_markdownify;
    env.markdown_ctx = (void *) opt;
    env.base_url = opt->base_url;

    memset(&run, 0, sizeof(run));
    run.data = &data;
    run.env = &env;
    run.path = path;
    run.body_offset = fm.body != NULL && fm.body >= src
                      ? (size_t) (fm.body - src) : 0;

    /* shortcodes, Markdown, placeholders */

    memset(&content, 0, sizeof(content));

    if (page_render_shortcodes(&run, &fm, &md_src, err) != 0
        || page_render_markdown(&run, &md_src, fm.body_line, md_flags,
                                &content, &info, err) != 0)
    {
        return err->status;
    }

    if (opt->content_only) {
        res->data = content.content.data;
        res->len = content.content.len;
        res->published = data.resources.first;
        res->summary = content.summary.len ? content.summary.data : NULL;
        res->summary_len = content.summary.len;
        res->toc = content.toc.data;
        res->toc_len = content.toc.len;
        return PAGE_OK;
    }

    content.title = page_render_title(params, &info, path, a);

    if (page_data_content(&data, a, &content, err) != 0
        || page_render_layout(&data, &env, opt, content.content.len, res)
           != 0)
    {
        return err->status;
    }

    res->published = data.resources.first;
    res->pagers = page_site_pager_total(&data);

    return PAGE_OK;
}


void
page_result_free(page_result_t *res)
{
    page_arena_free(&res->arena);
    res->data = NULL;
    res->len = 0;
    res->published = NULL;
}


void
page_exit(void)
{
    page_arena_release_kept();
    page_markdown_exit();
    page_regexp_exit();
    page_time_zones_exit();
    page_sass_exit();
    page_highlight_exit();
}
