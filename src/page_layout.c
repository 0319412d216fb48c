/*
 * page_layout: the built-in HTML5 page around the content.
 */

#include <string.h>

#include "page_layout.h"


static void
page_layout_text(page_buf_t *out, page_value_t *v)
{
    page_buf_t  tmp;

    page_buf_init(&tmp, out->arena, 0);
    page_value_print(&tmp, v);
    page_buf_append_html(out, tmp.data, tmp.len);
}


int
page_layout_render(const page_doc_t *doc, const page_options_t *opt,
    page_buf_t *out, page_error_t *err)
{
    page_value_t  *desc;

    desc = page_map_gets(doc->params, "summary");
    if (!page_value_truthy(desc)) {
        desc = page_map_gets(doc->params, "description");
    }

    page_buf_puts(out, "<!DOCTYPE html>\n<html>\n<head>\n"
                       "<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" "
                       "content=\"width=device-width, initial-scale=1\">\n"
                       "<title>");
    page_buf_append_html(out, doc->title.data, doc->title.len);

    if (opt->site_title_len) {
        page_buf_puts(out, " | ");
        page_buf_append_html(out, opt->site_title, opt->site_title_len);
    }

    page_buf_puts(out, "</title>\n");

    if (page_value_truthy(desc)) {
        page_buf_puts(out, "<meta name=\"description\" content=\"");
        page_layout_text(out, desc);
        page_buf_puts(out, "\">\n");
    }

    page_buf_puts(out, "</head>\n<body>\n<main>\n");
    page_buf_append(out, doc->content.data, doc->content.len);
    page_buf_puts(out, "</main>\n</body>\n</html>\n");

    if (page_buf_failed(out)) {
        page_error_set(err, PAGE_ERR_LIMIT, opt->path, 0, 0,
                       "page larger than %d bytes", PAGE_MAX_OUTPUT);
        return -1;
    }

    return 0;
}
