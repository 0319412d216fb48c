
/*
 * ngx_http_page_filter.c: the header and body filters.  The header of a
 * Markdown response is held, its body collected up to page_max_size,
 * rendered by the core (page_render()), and sent as one buffer with the
 * page's own headers; everything else passes untouched.
 */

#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_page_module.h"


/* Initial body buffer when the response has no Content-Length. */
#define NGX_HTTP_PAGE_CHUNK  16384


static ngx_int_t ngx_http_page_header_filter(ngx_http_request_t *r);
static ngx_int_t ngx_http_page_body_filter(ngx_http_request_t *r,
    ngx_chain_t *in);
static ngx_int_t ngx_http_page_is_markdown(ngx_http_request_t *r,
    ngx_http_page_loc_conf_t *conf);
static void ngx_http_page_consume(ngx_chain_t *cl);
static ngx_int_t ngx_http_page_collect(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx, ngx_buf_t *b);
static ngx_int_t ngx_http_page_render(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx);
static ngx_int_t ngx_http_page_fail(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx, const char *msg, size_t len);
static ngx_int_t ngx_http_page_send(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx, ngx_buf_t *b, ngx_uint_t status);
static ngx_int_t ngx_http_page_finish(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx);

static ngx_int_t ngx_http_page_precontent_handler(ngx_http_request_t *r);
static void ngx_http_page_hide_range(ngx_http_request_t *r);
static void ngx_http_page_restore_method(ngx_http_request_t *r);
static void ngx_http_page_restore_range(ngx_http_request_t *r);


/*
 * A Range header on a request this module may render is hidden under this
 * name until the response shows whether it is rendered: an upstream must
 * not answer the range (a slice of Markdown cannot be rendered), and a
 * response that is not rendered gets its Range back for the range filter.
 */
static ngx_str_t  ngx_http_page_range_key = ngx_string("X-Page-Range");
static u_char     ngx_http_page_range_lowcase[] = "x-page-range";
static u_char     ngx_http_page_range_orig_lowcase[] = "range";

/* X-Page-Cache values, by NGX_HTTP_PAGE_CACHE_* (page_debug on only) */
static ngx_str_t  ngx_http_page_cache_status[] = {
    ngx_null_string,
    ngx_string("MISS"),
    ngx_string("HIT"),
    ngx_string("BYPASS")
};


static ngx_http_output_header_filter_pt  ngx_http_next_header_filter;
static ngx_http_output_body_filter_pt    ngx_http_next_body_filter;


static ngx_int_t
ngx_http_page_header_filter(ngx_http_request_t *r)
{
    ngx_int_t                  rc;
    ngx_buf_t                 *b;
    ngx_http_page_ctx_t       *ctx;
    ngx_http_page_loc_conf_t  *conf;

    if (r != r->main) {
        return ngx_http_next_header_filter(r);
    }

    /* a HEAD turned into GET for us: the client still asked for HEAD */
    ngx_http_page_restore_method(r);

    conf = ngx_http_get_module_loc_conf(r, ngx_http_page_module);

    if (!conf->enable
        || (r->headers_out.content_encoding
            && r->headers_out.content_encoding->value.len)
        || !ngx_http_page_is_markdown(r, conf))
    {
        ngx_http_page_restore_range(r);
        return ngx_http_next_header_filter(r);
    }

    if (r->headers_out.status == NGX_HTTP_PARTIAL_CONTENT) {
        /* a slice of Markdown cannot be rendered, nor passed on raw */
        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                      "page: \"%V\": upstream sent 206 Partial Content "
                      "for a page; it must answer with the whole file",
                      &r->uri);

        return ngx_http_filter_finalize_request(r, &ngx_http_page_module,
                                                NGX_HTTP_BAD_GATEWAY);
    }

    if (r->headers_out.status != NGX_HTTP_OK) {
        ngx_http_page_restore_range(r);
        return ngx_http_next_header_filter(r);
    }

    ctx = ngx_http_get_module_ctx(r, ngx_http_page_module);

    if (ctx) {
        return ngx_http_next_header_filter(r);
    }

    ctx = ngx_pcalloc(r->pool, sizeof(ngx_http_page_ctx_t));
    if (ctx == NULL) {
        return NGX_ERROR;
    }

    ngx_http_set_ctx(r, ctx, ngx_http_page_module);

    r->allow_ranges = 0;

    if (conf->cache) {
        rc = ngx_http_page_cache_key(r, ctx, conf);

        if (rc == NGX_ERROR) {
            return NGX_ERROR;
        }

        if (rc == NGX_OK && !ctx->key_late) {
            rc = ngx_http_page_cache_get(r, ctx, conf, &b);

            if (rc == NGX_ERROR) {
                return NGX_ERROR;
            }

            if (rc == NGX_OK) {
                /*
                 * The file's validators identify the page: it goes out
                 * now, and the content handler sends no body, as after a
                 * 304 (r->header_only); the file is never read.  A body
                 * that comes all the same is dropped (ctx->sent).
                 */
                ngx_log_debug1(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                               "page cache: \"%V\" sent without reading "
                               "the body", &r->uri);

                rc = ngx_http_page_send(r, ctx, b, NGX_HTTP_OK);
                r->header_only = 1;
                return rc;
            }
        }
    }

    /* the header waits for the page: hold it, and read files into memory */

    r->main_filter_need_in_memory = 1;

    return NGX_OK;
}


static ngx_int_t
ngx_http_page_is_markdown(ngx_http_request_t *r,
    ngx_http_page_loc_conf_t *conf)
{
    ngx_http_core_loc_conf_t  *clcf;

    if (ngx_http_test_content_type(r, &conf->types) != NULL) {
        return 1;
    }

    /*
     * nginx's mime.types has no .md: such a file gets the location's
     * default_type, and still counts as Markdown.
     */

    if (r->uri.len < 3
        || ngx_strncasecmp(r->uri.data + r->uri.len - 3, (u_char *) ".md", 3)
           != 0)
    {
        return 0;
    }

    clcf = ngx_http_get_module_loc_conf(r, ngx_http_core_module);

    return r->headers_out.content_type_len == clcf->default_type.len
           && ngx_strncasecmp(r->headers_out.content_type.data,
                              clcf->default_type.data,
                              clcf->default_type.len)
              == 0;
}


static ngx_int_t
ngx_http_page_body_filter(ngx_http_request_t *r, ngx_chain_t *in)
{
    ngx_int_t             rc;
    ngx_chain_t          *cl;
    ngx_http_page_ctx_t  *ctx;

    if (r != r->main) {
        /*
         * A subrequest whose output is part of the page being collected
         * (the slice module fetches a file in parts this way) adds to the
         * source; any other subrequest passes.
         */
        ctx = ngx_http_get_module_ctx(r->main, ngx_http_page_module);

        if (ctx == NULL || ctx->done || in == NULL) {
            return ngx_http_next_body_filter(r, in);
        }

        for (cl = in; cl; cl = cl->next) {
            rc = ngx_http_page_collect(r->main, ctx, cl->buf);

            if (rc != NGX_OK) {
                ngx_http_page_consume(cl);
                return rc == NGX_DECLINED ? NGX_ERROR : rc;
            }
        }

        return NGX_OK;
    }

    ctx = ngx_http_get_module_ctx(r, ngx_http_page_module);

    if (ctx == NULL || in == NULL) {
        return ngx_http_next_body_filter(r, in);
    }

    if (ctx->sent) {
        /* our page (or our error page) went out: the rest is dropped */
        ngx_http_page_consume(in);
        return NGX_OK;
    }

    if (ctx->done) {
        /* nginx's own error answer after a failure: let it through */
        return ngx_http_next_body_filter(r, in);
    }

    for (cl = in; cl; cl = cl->next) {

        rc = ngx_http_page_collect(r, ctx, cl->buf);

        if (rc == NGX_DECLINED) {
            ngx_http_page_consume(cl);
            return ngx_http_page_fail(r, ctx, NULL, 0);
        }

        if (rc != NGX_OK) {
            return rc;
        }

        if (cl->buf->last_buf) {
            ngx_http_page_consume(cl);
            return ngx_http_page_finish(r, ctx);
        }
    }

    return NGX_OK;
}


/* Mark buffers as sent, so whoever owns them can reuse them. */
static void
ngx_http_page_consume(ngx_chain_t *cl)
{
    for ( /* void */ ; cl; cl = cl->next) {
        cl->buf->pos = cl->buf->last;

        if (cl->buf->in_file) {
            cl->buf->file_pos = cl->buf->file_last;
        }
    }
}


/*
 * Copy one buffer into the body and mark it consumed, so the buffers
 * before us (the copy filter's, the upstream's) can be reused.
 * NGX_DECLINED: the body is larger than page_max_size.
 */
static ngx_int_t
ngx_http_page_collect(ngx_http_request_t *r, ngx_http_page_ctx_t *ctx,
    ngx_buf_t *b)
{
    size_t                     size, want;
    u_char                    *p;
    ngx_http_page_loc_conf_t  *conf;

    if (!ngx_buf_in_memory(b)) {
        return NGX_OK;
    }

    size = b->last - b->pos;

    if (size == 0) {
        return NGX_OK;
    }

    conf = ngx_http_get_module_loc_conf(r, ngx_http_page_module);

    if (size > conf->max_size - ctx->len) {
        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                      "page: \"%V\": body larger than page_max_size %uz",
                      &r->uri, conf->max_size);
        return NGX_DECLINED;
    }

    if (ctx->len + size > ctx->size) {

        if (ctx->body == NULL
            && r->headers_out.content_length_n > 0
            && (size_t) r->headers_out.content_length_n <= conf->max_size)
        {
            want = (size_t) r->headers_out.content_length_n;

        } else {
            want = ctx->size ? ctx->size * 2 : NGX_HTTP_PAGE_CHUNK;
        }

        while (want < ctx->len + size) {
            want *= 2;
        }

        if (want > conf->max_size) {
            want = conf->max_size;
        }

        p = ngx_palloc(r->pool, want);
        if (p == NULL) {
            return NGX_ERROR;
        }

        if (ctx->len) {
            ngx_memcpy(p, ctx->body, ctx->len);
        }

        if (ctx->body) {
            ngx_pfree(r->pool, ctx->body);
        }

        ctx->body = p;
        ctx->size = want;
    }

    ngx_memcpy(ctx->body + ctx->len, b->pos, size);
    ctx->len += size;

    b->pos = b->last;

    if (b->in_file) {
        b->file_pos = b->file_last;
    }

    return NGX_OK;
}


static ngx_int_t
ngx_http_page_render(ngx_http_request_t *r, ngx_http_page_ctx_t *ctx)
{
    int                        rc;
    size_t                     nparams, root;
    u_char                    *q;
    ngx_buf_t                 *b;
    ngx_str_t                  source, base;
    page_param_t              *params;
    page_result_t              res;
    page_options_t             opt;
    ngx_http_page_loc_conf_t  *conf;

    conf = ngx_http_get_module_loc_conf(r, ngx_http_page_module);

    ngx_http_page_source_name(r, &source, &root);

    if (ngx_http_page_base_url(r, &base) != NGX_OK) {
        return NGX_ERROR;
    }

    if (!ctx->params_done) {
        if (ngx_http_page_params(r, conf, &ctx->params, &ctx->nparams)
            != NGX_OK)
        {
            return NGX_ERROR;
        }

        ctx->params_done = 1;
    }

    params = ctx->params;
    nparams = ctx->nparams;

    page_options_init(&opt);
    opt.path = (const char *) source.data;
    /*
     * The path the client asked for (.RelPermalink): the request's own
     * URI up to its query.  r->args may have been set by a rewrite and
     * need not point into it.
     */
    opt.uri = (const char *) r->unparsed_uri.data;
    q = ngx_strlchr(r->unparsed_uri.data,
                    r->unparsed_uri.data + r->unparsed_uri.len, '?');
    opt.uri_len = q ? (size_t) (q - r->unparsed_uri.data)
                    : r->unparsed_uri.len;
    /*
     * The content's path under the site root (.File, .Section, .Type):
     * for a file, its path after the root or alias; else the URI.
     */
    if (root) {
        opt.file = (const char *) source.data + root;
        opt.file_len = source.len - root;
        opt.root = (const char *) source.data;
        opt.root_len = root;

    } else {
        opt.file = (const char *) r->uri.data;
        opt.file_len = r->uri.len;
    }
    opt.templates = conf->templates;
    opt.site_title = (const char *) conf->site_title.data;
    opt.site_title_len = conf->site_title.len;
    opt.base_url = (const char *) base.data;
    opt.base_url_len = base.len;
    opt.layout = (const char *) conf->layout.data;
    opt.layout_len = conf->layout.len;
    opt.params = params;
    opt.nparams = nparams;
    opt.unsafe_html = conf->unsafe_html ? 1 : 0;

    rc = page_render(ctx->len ? (const char *) ctx->body : "", ctx->len,
                     &opt, &res);

    if (rc != PAGE_OK) {
        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0, "page: %s",
                      res.error.msg);

        rc = ngx_http_page_fail(r, ctx, res.error.msg,
                                ngx_strlen(res.error.msg));
        page_result_free(&res);

        return rc;
    }

    b = ngx_create_temp_buf(r->pool, res.len ? res.len : 1);
    if (b == NULL) {
        page_result_free(&res);
        return NGX_ERROR;
    }

    b->last = ngx_cpymem(b->pos, res.data, res.len);

    if (ctx->key.len) {
        ngx_http_page_cache_put(r, ctx, conf, res.data, res.len);
    }

    page_result_free(&res);

    /* the source is no longer needed: large blocks go back right away */

    if (ctx->body) {
        ngx_pfree(r->pool, ctx->body);
        ctx->body = NULL;
    }

    return ngx_http_page_send(r, ctx, b, NGX_HTTP_OK);
}


/*
 * The page could not be built.  With page_debug the error goes out as a
 * readable page (still a 500); otherwise nginx's own 500 answer.
 */
static ngx_int_t
ngx_http_page_fail(ngx_http_request_t *r, ngx_http_page_ctx_t *ctx,
    const char *msg, size_t len)
{
    size_t                     size;
    u_char                    *p;
    ngx_buf_t                 *b;
    ngx_http_page_loc_conf_t  *conf;

    static u_char  head[] =
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>Page error</title>\n</head>\n<body>\n"
        "<h1>This page could not be rendered</h1>\n<pre>";
    static u_char  tail[] = "</pre>\n</body>\n</html>\n";
    static char    too_large[] = "the body is larger than page_max_size";

    conf = ngx_http_get_module_loc_conf(r, ngx_http_page_module);

    ctx->done = 1;

    if (!conf->debug) {
        return ngx_http_filter_finalize_request(r, &ngx_http_page_module,
                                              NGX_HTTP_INTERNAL_SERVER_ERROR);
    }

    if (msg == NULL) {
        msg = too_large;
        len = sizeof(too_large) - 1;
    }

    size = sizeof(head) - 1 + len + ngx_escape_html(NULL, (u_char *) msg, len)
           + sizeof(tail) - 1;

    b = ngx_create_temp_buf(r->pool, size);
    if (b == NULL) {
        return NGX_ERROR;
    }

    p = ngx_cpymem(b->pos, head, sizeof(head) - 1);
    p = (u_char *) ngx_escape_html(p, (u_char *) msg, len);
    b->last = ngx_cpymem(p, tail, sizeof(tail) - 1);

    return ngx_http_page_send(r, ctx, b, NGX_HTTP_INTERNAL_SERVER_ERROR);
}


static ngx_int_t
ngx_http_page_send(ngx_http_request_t *r, ngx_http_page_ctx_t *ctx,
    ngx_buf_t *b, ngx_uint_t status)
{
    ngx_int_t                  rc;
    ngx_chain_t                out;
    ngx_table_elt_t           *h;
    ngx_http_page_loc_conf_t  *conf;

    conf = ngx_http_get_module_loc_conf(r, ngx_http_page_module);

    ctx->done = 1;
    ctx->sent = 1;

    b->last_buf = 1;
    b->memory = 1;

    r->headers_out.status = status;

    ngx_str_set(&r->headers_out.content_type, "text/html");
    r->headers_out.content_type_len = sizeof("text/html") - 1;
    r->headers_out.content_type_lowcase = NULL;
    r->headers_out.content_type_hash = 0;
    ngx_str_set(&r->headers_out.charset, "utf-8");

    ngx_http_clear_content_length(r);
    r->headers_out.content_length_n = b->last - b->pos;

    ngx_http_clear_accept_ranges(r);

    if (conf->debug && ctx->cache != NGX_HTTP_PAGE_CACHE_OFF
        && status == NGX_HTTP_OK)
    {
        h = ngx_list_push(&r->headers_out.headers);
        if (h == NULL) {
            return NGX_ERROR;
        }

        h->hash = 1;
        ngx_str_set(&h->key, "X-Page-Cache");
        h->value = ngx_http_page_cache_status[ctx->cache];
    }

    if (conf->last_modified && status == NGX_HTTP_OK) {
        ngx_http_weak_etag(r);

    } else {
        ngx_http_clear_last_modified(r);
        ngx_http_clear_etag(r);
    }

    rc = ngx_http_next_header_filter(r);

    if (rc == NGX_ERROR || rc > NGX_OK || r->header_only) {
        return rc;
    }

    out.buf = b;
    out.next = NULL;

    return ngx_http_next_body_filter(r, &out);
}


/*
 * The name errors give for the content: its file, or else its URI; and
 * for a file, the length of its site root (ref and relref look there).
 */
void
ngx_http_page_source_name(ngx_http_request_t *r, ngx_str_t *name,
    size_t *root)
{
    u_char  *last;

    *root = 0;

    if (r->upstream == NULL) {
        last = ngx_http_map_uri_to_path(r, name, root, 0);

        if (last != NULL) {
            name->len = last - name->data;

            if (*root > 0 && name->data[*root - 1] == '/') {
                (*root)--;
            }

            return;
        }

        *root = 0;
    }

    name->data = ngx_pnalloc(r->pool, r->uri.len + 1);

    if (name->data == NULL) {
        ngx_str_set(name, "-");
        return;
    }

    name->len = r->uri.len;
    *ngx_cpymem(name->data, r->uri.data, r->uri.len) = '\0';
}


/* scheme://host/ of this request: .Site.BaseURL and absolute links. */
ngx_int_t
ngx_http_page_base_url(ngx_http_request_t *r, ngx_str_t *url)
{
    u_char     *p;
    ngx_str_t   scheme, host;

#if (NGX_HTTP_SSL)
    if (r->connection->ssl) {
        ngx_str_set(&scheme, "https://");
    } else
#endif
    {
        ngx_str_set(&scheme, "http://");
    }

    /* the Host the client sent, port included; else the server's name */

    if (r->headers_in.host != NULL && r->headers_in.host->value.len) {
        host = r->headers_in.host->value;

    } else {
        host = r->headers_in.server;
    }

    p = ngx_pnalloc(r->pool, scheme.len + host.len + 2);
    if (p == NULL) {
        return NGX_ERROR;
    }

    url->data = p;
    p = ngx_cpymem(p, scheme.data, scheme.len);
    p = ngx_cpymem(p, host.data, host.len);
    *p++ = '/';
    *p = '\0';
    url->len = p - url->data;

    return NGX_OK;
}


ngx_int_t
ngx_http_page_params(ngx_http_request_t *r, ngx_http_page_loc_conf_t *conf,
    page_param_t **params, size_t *n)
{
    ngx_str_t               value;
    ngx_uint_t              i;
    page_param_t           *out;
    ngx_http_page_param_t  *param;

    *params = NULL;
    *n = 0;

    if (conf->params == NULL || conf->params->nelts == 0) {
        return NGX_OK;
    }

    out = ngx_palloc(r->pool, conf->params->nelts * sizeof(page_param_t));
    if (out == NULL) {
        return NGX_ERROR;
    }

    param = conf->params->elts;

    for (i = 0; i < conf->params->nelts; i++) {
        if (ngx_http_complex_value(r, &param[i].value, &value) != NGX_OK) {
            return NGX_ERROR;
        }

        out[i].name = (const char *) param[i].name.data;
        out[i].name_len = param[i].name.len;
        out[i].value = (const char *) value.data;
        out[i].value_len = value.len;
    }

    *params = out;
    *n = conf->params->nelts;

    return NGX_OK;
}


/*
 * The whole body is here: with a key that waits for the body (a hash of
 * it, or an upstream's validators), look the page up before rendering it.
 */
static ngx_int_t
ngx_http_page_finish(ngx_http_request_t *r, ngx_http_page_ctx_t *ctx)
{
    ngx_int_t                  rc;
    ngx_buf_t                 *b;
    ngx_http_page_loc_conf_t  *conf;

    if (!ctx->key_late) {
        return ngx_http_page_render(r, ctx);
    }

    conf = ngx_http_get_module_loc_conf(r, ngx_http_page_module);

    rc = ngx_http_page_cache_get(r, ctx, conf, &b);

    if (rc == NGX_ERROR) {
        return NGX_ERROR;
    }

    if (rc == NGX_DECLINED) {
        return ngx_http_page_render(r, ctx);
    }

    if (ctx->body) {
        ngx_pfree(r->pool, ctx->body);
        ctx->body = NULL;
    }

    return ngx_http_page_send(r, ctx, b, NGX_HTTP_OK);
}


/*
 * Before the content handler runs: a HEAD becomes a GET, so the body
 * (from a file or an upstream) arrives and the page's Content-Length can
 * be told; and a Range is hidden from the handler (see above).  Both are
 * undone in the header filter.
 */
static ngx_int_t
ngx_http_page_precontent_handler(ngx_http_request_t *r)
{
    ngx_http_page_loc_conf_t  *conf;

    if (r != r->main) {
        return NGX_DECLINED;
    }

    conf = ngx_http_get_module_loc_conf(r, ngx_http_page_module);

    if (!conf->enable) {
        return NGX_DECLINED;
    }

    if (r->method == NGX_HTTP_HEAD) {
        r->method = NGX_HTTP_GET;
        ngx_str_set(&r->method_name, "GET");
    }

    ngx_http_page_hide_range(r);

    return NGX_DECLINED;
}


static void
ngx_http_page_hide_range(ngx_http_request_t *r)
{
    ngx_table_elt_t  *h;

    h = r->headers_in.range;

    if (h == NULL) {
        return;
    }

    h->key = ngx_http_page_range_key;
    h->lowcase_key = ngx_http_page_range_lowcase;
    h->hash = ngx_hash_key(ngx_http_page_range_lowcase,
                           sizeof(ngx_http_page_range_lowcase) - 1);

    r->headers_in.range = NULL;
}


/* The client asked for HEAD: it gets the headers only. */
static void
ngx_http_page_restore_method(ngx_http_request_t *r)
{
    if (r->method == NGX_HTTP_GET
        && r->request_line.len > 5
        && ngx_strncmp(r->request_line.data, "HEAD ", 5) == 0)
    {
        r->method = NGX_HTTP_HEAD;
        ngx_str_set(&r->method_name, "HEAD");
    }
}


/*
 * A response this module does not render gets its hidden Range back, so
 * the range filter answers it as usual.
 */
static void
ngx_http_page_restore_range(ngx_http_request_t *r)
{
    ngx_uint_t        i;
    ngx_list_part_t  *part;
    ngx_table_elt_t  *h;

    if (r->headers_in.range != NULL) {
        return;
    }

    part = &r->headers_in.headers.part;
    h = part->elts;

    for (i = 0; /* void */ ; i++) {

        if (i >= part->nelts) {
            if (part->next == NULL) {
                return;
            }

            part = part->next;
            h = part->elts;
            i = 0;
        }

        if (h[i].lowcase_key != ngx_http_page_range_lowcase) {
            continue;
        }

        ngx_str_set(&h[i].key, "Range");
        h[i].lowcase_key = ngx_http_page_range_orig_lowcase;
        h[i].hash = ngx_hash_key(ngx_http_page_range_orig_lowcase,
                                 sizeof(ngx_http_page_range_orig_lowcase) - 1);
        r->headers_in.range = &h[i];

        /*
         * The upstream sent the whole response: nginx's range filter
         * answers the range from it, as with proxy_force_ranges.
         */
        if (r->upstream != NULL) {
            r->allow_ranges = 1;
        }

        return;
    }
}


ngx_int_t
ngx_http_page_filter_init(ngx_conf_t *cf)
{
    ngx_http_handler_pt        *h;
    ngx_http_core_main_conf_t  *cmcf;

    cmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_core_module);

    h = ngx_array_push(&cmcf->phases[NGX_HTTP_PRECONTENT_PHASE].handlers);
    if (h == NULL) {
        return NGX_ERROR;
    }

    *h = ngx_http_page_precontent_handler;

    ngx_http_next_header_filter = ngx_http_top_header_filter;
    ngx_http_top_header_filter = ngx_http_page_header_filter;

    ngx_http_next_body_filter = ngx_http_top_body_filter;
    ngx_http_top_body_filter = ngx_http_page_body_filter;

    return NGX_OK;
}
