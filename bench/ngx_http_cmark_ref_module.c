/*
 * ngx_http_cmark_ref_module: the reference point of `make bench`, never
 * loaded by the product.
 *
 * Issue #6 sets its cold-render target against "a module that runs only
 * libcmark-gfm on the body and pastes it into a fixed template".  This is
 * that module, built as a second dynamic module (bench/config) so
 * util/bench.sh measures it in the same nginx, the same run and on the
 * same pages as ngx_http_page_module:
 *
 *   location /ref/ {
 *       cmark_ref  on;
 *   }
 *
 * For a main request answered with 200 it holds the header, collects the
 * whole body, skips YAML front matter (a first line "---" up to the next
 * "---" or "..." line), parses the rest with libcmark-gfm and the table,
 * strikethrough, autolink and tasklist extensions (the options
 * page_markdown.c and bench/cmark-baseline.c use), and sends
 *
 *   <!DOCTYPE html><html><head><meta charset="utf-8"><title>page</title>
 *   </head><body>HTML</body></html>
 *
 * (one line) as text/html with an exact Content-Length.  Nothing else:
 * no shortcodes (their markers stay in the text), no layout, no cache, no
 * size limit, no subrequests; its output is bench/cmark-baseline.c's in
 * that frame.
 */

#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>


#define NGX_HTTP_CMARK_REF_OPTIONS                                          \
    (CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES                          \
     | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES)


typedef struct {
    ngx_flag_t   enable;
} ngx_http_cmark_ref_loc_conf_t;


typedef struct {
    u_char      *body;
    size_t       len;
    size_t       size;
    unsigned     sent:1;
} ngx_http_cmark_ref_ctx_t;


static ngx_int_t ngx_http_cmark_ref_header_filter(ngx_http_request_t *r);
static ngx_int_t ngx_http_cmark_ref_body_filter(ngx_http_request_t *r,
    ngx_chain_t *in);
static ngx_int_t ngx_http_cmark_ref_collect(ngx_http_request_t *r,
    ngx_http_cmark_ref_ctx_t *ctx, ngx_buf_t *b);
static void ngx_http_cmark_ref_consume(ngx_chain_t *cl);
static size_t ngx_http_cmark_ref_front_matter(u_char *s, size_t len);
static ngx_int_t ngx_http_cmark_ref_send(ngx_http_request_t *r,
    ngx_http_cmark_ref_ctx_t *ctx);
static void *ngx_http_cmark_ref_create_conf(ngx_conf_t *cf);
static char *ngx_http_cmark_ref_merge_conf(ngx_conf_t *cf, void *parent,
    void *child);
static ngx_int_t ngx_http_cmark_ref_init(ngx_conf_t *cf);


static ngx_command_t  ngx_http_cmark_ref_commands[] = {

    { ngx_string("cmark_ref"),
      NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_conf_set_flag_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_cmark_ref_loc_conf_t, enable),
      NULL },

      ngx_null_command
};


static ngx_http_module_t  ngx_http_cmark_ref_module_ctx = {
    NULL,                                  /* preconfiguration */
    ngx_http_cmark_ref_init,               /* postconfiguration */

    NULL,                                  /* create main configuration */
    NULL,                                  /* init main configuration */

    NULL,                                  /* create server configuration */
    NULL,                                  /* merge server configuration */

    ngx_http_cmark_ref_create_conf,        /* create location configuration */
    ngx_http_cmark_ref_merge_conf          /* merge location configuration */
};


ngx_module_t  ngx_http_cmark_ref_module = {
    NGX_MODULE_V1,
    &ngx_http_cmark_ref_module_ctx,        /* module context */
    ngx_http_cmark_ref_commands,           /* module directives */
    NGX_HTTP_MODULE,                       /* module type */
    NULL,                                  /* init master */
    NULL,                                  /* init module */
    NULL,                                  /* init process */
    NULL,                                  /* init thread */
    NULL,                                  /* exit thread */
    NULL,                                  /* exit process */
    NULL,                                  /* exit master */
    NGX_MODULE_V1_PADDING
};


#define NGX_HTTP_CMARK_REF_NEXT  4

static const char  *ngx_http_cmark_ref_ext_names[NGX_HTTP_CMARK_REF_NEXT] = {
    "table", "strikethrough", "autolink", "tasklist"
};

static cmark_syntax_extension *ngx_http_cmark_ref_ext[NGX_HTTP_CMARK_REF_NEXT];

static ngx_str_t  ngx_http_cmark_ref_head = ngx_string(
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
    "<title>page</title></head><body>");

static ngx_str_t  ngx_http_cmark_ref_tail = ngx_string("</body></html>");


static ngx_http_output_header_filter_pt  ngx_http_next_header_filter;
static ngx_http_output_body_filter_pt    ngx_http_next_body_filter;


static ngx_int_t
ngx_http_cmark_ref_header_filter(ngx_http_request_t *r)
{
    ngx_http_cmark_ref_ctx_t       *ctx;
    ngx_http_cmark_ref_loc_conf_t  *conf;

    conf = ngx_http_get_module_loc_conf(r, ngx_http_cmark_ref_module);

    if (!conf->enable
        || r != r->main
        || r->header_only
        || r->headers_out.status != NGX_HTTP_OK
        || (r->headers_out.content_encoding
            && r->headers_out.content_encoding->value.len))
    {
        return ngx_http_next_header_filter(r);
    }

    ctx = ngx_pcalloc(r->pool, sizeof(ngx_http_cmark_ref_ctx_t));
    if (ctx == NULL) {
        return NGX_ERROR;
    }

    ngx_http_set_ctx(r, ctx, ngx_http_cmark_ref_module);

    /* the header waits for the page; static files are read into memory */

    r->allow_ranges = 0;
    r->main_filter_need_in_memory = 1;

    return NGX_OK;
}


static ngx_int_t
ngx_http_cmark_ref_body_filter(ngx_http_request_t *r, ngx_chain_t *in)
{
    ngx_int_t                  rc;
    ngx_chain_t               *cl;
    ngx_http_cmark_ref_ctx_t  *ctx;

    ctx = ngx_http_get_module_ctx(r, ngx_http_cmark_ref_module);

    if (ctx == NULL || in == NULL || r != r->main) {
        return ngx_http_next_body_filter(r, in);
    }

    if (ctx->sent) {
        ngx_http_cmark_ref_consume(in);
        return NGX_OK;
    }

    for (cl = in; cl; cl = cl->next) {

        rc = ngx_http_cmark_ref_collect(r, ctx, cl->buf);

        if (rc != NGX_OK) {
            return rc;
        }

        if (cl->buf->last_buf) {
            ngx_http_cmark_ref_consume(cl);
            return ngx_http_cmark_ref_send(r, ctx);
        }
    }

    return NGX_OK;
}


/* copy one buffer into the body, sized from Content-Length when known */
static ngx_int_t
ngx_http_cmark_ref_collect(ngx_http_request_t *r,
    ngx_http_cmark_ref_ctx_t *ctx, ngx_buf_t *b)
{
    size_t   size, want;
    u_char  *p;

    if (!ngx_buf_in_memory(b)) {
        return NGX_OK;
    }

    size = b->last - b->pos;

    if (ctx->len + size > ctx->size) {

        if (ctx->body == NULL && r->headers_out.content_length_n > 0) {
            want = (size_t) r->headers_out.content_length_n;

        } else {
            want = ctx->size ? ctx->size * 2 : 4096;
        }

        while (want < ctx->len + size) {
            want *= 2;
        }

        p = ngx_palloc(r->pool, want);
        if (p == NULL) {
            return NGX_ERROR;
        }

        if (ctx->len) {
            ngx_memcpy(p, ctx->body, ctx->len);
        }

        ctx->body = p;
        ctx->size = want;
    }

    ctx->len += size;
    ngx_memcpy(ctx->body + ctx->len - size, b->pos, size);

    b->pos = b->last;

    if (b->in_file) {
        b->file_pos = b->file_last;
    }

    return NGX_OK;
}


/* mark buffers as sent, so whoever owns them can reuse them */
static void
ngx_http_cmark_ref_consume(ngx_chain_t *cl)
{
    for ( /* void */ ; cl; cl = cl->next) {
        cl->buf->pos = cl->buf->last;

        if (cl->buf->in_file) {
            cl->buf->file_pos = cl->buf->file_last;
        }
    }
}


/* the length of the YAML front matter at s, 0 if there is none */
static size_t
ngx_http_cmark_ref_front_matter(u_char *s, size_t len)
{
    size_t  p, eol;

    if (len < 4 || ngx_strncmp(s, "---", 3) != 0
        || (s[3] != '\n' && s[3] != '\r'))
    {
        return 0;
    }

    p = (s[3] == '\r' && len > 4 && s[4] == '\n') ? 5 : 4;

    while (p < len) {
        eol = p;
        while (eol < len && s[eol] != '\n') {
            eol++;
        }

        if (eol - p >= 3
            && (ngx_strncmp(s + p, "---", 3) == 0
                || ngx_strncmp(s + p, "...", 3) == 0)
            && (eol - p == 3 || (eol - p == 4 && s[p + 3] == '\r')))
        {
            return eol < len ? eol + 1 : eol;
        }

        p = eol + 1;
    }

    return 0;
}


static ngx_int_t
ngx_http_cmark_ref_send(ngx_http_request_t *r, ngx_http_cmark_ref_ctx_t *ctx)
{
    char          *html;
    size_t         start, len;
    ngx_int_t      rc;
    ngx_buf_t     *b;
    ngx_uint_t     i;
    cmark_node    *root;
    ngx_chain_t    out;
    cmark_parser  *parser;

    ctx->sent = 1;

    start = ngx_http_cmark_ref_front_matter(ctx->body, ctx->len);

    parser = cmark_parser_new(NGX_HTTP_CMARK_REF_OPTIONS);
    if (parser == NULL) {
        return NGX_ERROR;
    }

    for (i = 0; i < NGX_HTTP_CMARK_REF_NEXT; i++) {
        if (!cmark_parser_attach_syntax_extension(parser,
                                                  ngx_http_cmark_ref_ext[i]))
        {
            cmark_parser_free(parser);
            return NGX_ERROR;
        }
    }

    if (ctx->len > start) {
        cmark_parser_feed(parser, (char *) ctx->body + start,
                          ctx->len - start);
    }

    root = cmark_parser_finish(parser);

    if (root == NULL) {
        cmark_parser_free(parser);
        return NGX_ERROR;
    }

    html = cmark_render_html(root, NGX_HTTP_CMARK_REF_OPTIONS,
                             cmark_parser_get_syntax_extensions(parser));

    cmark_node_free(root);
    cmark_parser_free(parser);

    if (html == NULL) {
        return NGX_ERROR;
    }

    len = ngx_strlen(html);

    b = ngx_create_temp_buf(r->pool, ngx_http_cmark_ref_head.len + len
                                     + ngx_http_cmark_ref_tail.len);
    if (b == NULL) {
        free(html);
        return NGX_ERROR;
    }

    b->last = ngx_cpymem(b->last, ngx_http_cmark_ref_head.data,
                         ngx_http_cmark_ref_head.len);
    b->last = ngx_cpymem(b->last, html, len);
    b->last = ngx_cpymem(b->last, ngx_http_cmark_ref_tail.data,
                         ngx_http_cmark_ref_tail.len);

    free(html);

    b->last_buf = 1;

    r->headers_out.status = NGX_HTTP_OK;

    ngx_str_set(&r->headers_out.content_type, "text/html");
    r->headers_out.content_type_len = sizeof("text/html") - 1;
    r->headers_out.content_type_lowcase = NULL;
    r->headers_out.content_type_hash = 0;
    ngx_str_set(&r->headers_out.charset, "utf-8");

    ngx_http_clear_content_length(r);
    r->headers_out.content_length_n = b->last - b->pos;

    ngx_http_clear_accept_ranges(r);
    ngx_http_clear_last_modified(r);
    ngx_http_clear_etag(r);

    rc = ngx_http_next_header_filter(r);

    if (rc == NGX_ERROR || rc > NGX_OK || r->header_only) {
        return rc;
    }

    out.buf = b;
    out.next = NULL;

    return ngx_http_next_body_filter(r, &out);
}


static void *
ngx_http_cmark_ref_create_conf(ngx_conf_t *cf)
{
    ngx_http_cmark_ref_loc_conf_t  *conf;

    conf = ngx_palloc(cf->pool, sizeof(ngx_http_cmark_ref_loc_conf_t));
    if (conf == NULL) {
        return NULL;
    }

    conf->enable = NGX_CONF_UNSET;

    return conf;
}


static char *
ngx_http_cmark_ref_merge_conf(ngx_conf_t *cf, void *parent, void *child)
{
    ngx_http_cmark_ref_loc_conf_t *prev = parent;
    ngx_http_cmark_ref_loc_conf_t *conf = child;

    ngx_conf_merge_value(conf->enable, prev->enable, 0);

    return NGX_CONF_OK;
}


static ngx_int_t
ngx_http_cmark_ref_init(ngx_conf_t *cf)
{
    ngx_uint_t  i;

    cmark_gfm_core_extensions_ensure_registered();

    for (i = 0; i < NGX_HTTP_CMARK_REF_NEXT; i++) {
        ngx_http_cmark_ref_ext[i] =
            cmark_find_syntax_extension(ngx_http_cmark_ref_ext_names[i]);

        if (ngx_http_cmark_ref_ext[i] == NULL) {
            ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                               "cmark_ref: libcmark-gfm has no \"%s\" "
                               "extension", ngx_http_cmark_ref_ext_names[i]);
            return NGX_ERROR;
        }
    }

    ngx_http_next_header_filter = ngx_http_top_header_filter;
    ngx_http_top_header_filter = ngx_http_cmark_ref_header_filter;

    ngx_http_next_body_filter = ngx_http_top_body_filter;
    ngx_http_top_body_filter = ngx_http_cmark_ref_body_filter;

    return NGX_OK;
}
