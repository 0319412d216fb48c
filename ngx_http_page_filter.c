
/*
 * ngx_http_page_filter.c: the header and body filters.  The header of a
 * Markdown response is held, its body collected (and decompressed) up to
 * page_max_size, rendered by the core (page_render()), and sent as one
 * buffer with the page's own headers; everything else passes untouched.
 *
 * Two header filters take part.  The claim filter sits at the very top
 * of nginx's header filter chain, above the not_modified filter: it
 * decides whether this module renders the response, and if so keeps
 * nginx from answering a conditional request with the source's
 * validators.  The page filter sits where nginx puts a filter module,
 * below the copy filter that reads files into memory: it holds the
 * header, and the body filter next to it collects and renders.
 */

#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_page_module.h"


/* Initial body buffer when the response has no Content-Length. */
#define NGX_HTTP_PAGE_CHUNK  16384


/*
 * A request header that this module hides from the content handler (and
 * from an upstream) until the response shows whether it is rendered:
 *
 *   Range: a slice of Markdown cannot be rendered;
 *   the conditional headers: an upstream's 304 or 412 would answer for
 *   the source, not for the page.
 *
 * A hidden header keeps its value under another name; a response that is
 * not rendered gets it back, for the range and not_modified filters.
 */
typedef struct {
    ngx_str_t                  name;
    ngx_str_t                  hidden;
    u_char                    *lowcase;
    u_char                    *hidden_lowcase;
    size_t                     offset;      /* in ngx_http_headers_in_t */
    unsigned                   conditional:1;
} ngx_http_page_hidden_t;


static ngx_int_t ngx_http_page_claim_filter(ngx_http_request_t *r);
static ngx_int_t ngx_http_page_claim(ngx_http_request_t *r,
    ngx_http_page_loc_conf_t *conf);
static ngx_int_t ngx_http_page_header_filter(ngx_http_request_t *r);
static ngx_int_t ngx_http_page_body_filter(ngx_http_request_t *r,
    ngx_chain_t *in);
static ngx_int_t ngx_http_page_is_markdown(ngx_http_request_t *r,
    ngx_http_page_loc_conf_t *conf);
static void ngx_http_page_cleanup(void *data);
static void ngx_http_page_consume(ngx_chain_t *cl);
static ngx_int_t ngx_http_page_collect(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx, ngx_buf_t *b);
static ngx_int_t ngx_http_page_render(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx);
static ngx_int_t ngx_http_page_fail(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx, ngx_uint_t status, const char *msg,
    size_t len);
static ngx_int_t ngx_http_page_send(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx, ngx_buf_t *b);
static ngx_int_t ngx_http_page_conditional(ngx_http_request_t *r);
static ngx_int_t ngx_http_page_etag_match(ngx_http_request_t *r,
    ngx_table_elt_t *header, ngx_uint_t weak);
static ngx_int_t ngx_http_page_finish(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx);

static ngx_int_t ngx_http_page_precontent_handler(ngx_http_request_t *r);
static void ngx_http_page_hide_headers(ngx_http_request_t *r);
static void ngx_http_page_restore_headers(ngx_http_request_t *r,
    ngx_uint_t conditional_only);
static void ngx_http_page_restore_method(ngx_http_request_t *r);


static u_char  ngx_http_page_range_lc[] = "range";
static u_char  ngx_http_page_range_hidden_lc[] = "x-page-range";
static u_char  ngx_http_page_ims_lc[] = "if-modified-since";
static u_char  ngx_http_page_ims_hidden_lc[] = "x-page-if-modified-since";
static u_char  ngx_http_page_ius_lc[] = "if-unmodified-since";
static u_char  ngx_http_page_ius_hidden_lc[] = "x-page-if-unmodified-since";
static u_char  ngx_http_page_inm_lc[] = "if-none-match";
static u_char  ngx_http_page_inm_hidden_lc[] = "x-page-if-none-match";
static u_char  ngx_http_page_im_lc[] = "if-match";
static u_char  ngx_http_page_im_hidden_lc[] = "x-page-if-match";

static ngx_http_page_hidden_t  ngx_http_page_hidden[] = {

    { ngx_string("Range"), ngx_string("X-Page-Range"),
      ngx_http_page_range_lc, ngx_http_page_range_hidden_lc,
      offsetof(ngx_http_headers_in_t, range), 0 },

    { ngx_string("If-Modified-Since"), ngx_string("X-Page-If-Modified-Since"),
      ngx_http_page_ims_lc, ngx_http_page_ims_hidden_lc,
      offsetof(ngx_http_headers_in_t, if_modified_since), 1 },

    { ngx_string("If-Unmodified-Since"),
      ngx_string("X-Page-If-Unmodified-Since"),
      ngx_http_page_ius_lc, ngx_http_page_ius_hidden_lc,
      offsetof(ngx_http_headers_in_t, if_unmodified_since), 1 },

    { ngx_string("If-None-Match"), ngx_string("X-Page-If-None-Match"),
      ngx_http_page_inm_lc, ngx_http_page_inm_hidden_lc,
      offsetof(ngx_http_headers_in_t, if_none_match), 1 },

    { ngx_string("If-Match"), ngx_string("X-Page-If-Match"),
      ngx_http_page_im_lc, ngx_http_page_im_hidden_lc,
      offsetof(ngx_http_headers_in_t, if_match), 1 },

    { ngx_null_string, ngx_null_string, NULL, NULL, 0, 0 }
};

/* X-Page-Cache values, by NGX_HTTP_PAGE_CACHE_* (page_debug on only) */
static ngx_str_t  ngx_http_page_cache_status[] = {
    ngx_null_string,
    ngx_string("MISS"),
    ngx_string("HIT"),
    ngx_string("BYPASS")
};


static ngx_http_output_header_filter_pt  ngx_http_page_claim_next;
static ngx_http_output_header_filter_pt  ngx_http_next_header_filter;
static ngx_http_output_body_filter_pt    ngx_http_next_body_filter;


/*
 * The first header filter to see a response (ngx_http_page_install_claim
 * puts it above every other): does this module render it?  A response it
 * renders is marked in the context, and nginx's not_modified filter,
 * which comes next, leaves it alone: conditional requests are decided on
 * the page's own validators when it is sent (ngx_http_page_send()).  A
 * response it does not render gets its hidden request headers back.
 */
static ngx_int_t
ngx_http_page_claim_filter(ngx_http_request_t *r)
{
    ngx_int_t                  rc;
    ngx_http_page_loc_conf_t  *conf;

    if (r != r->main
        || ngx_http_get_module_ctx(r, ngx_http_page_module) != NULL)
    {
        /* a subrequest, or a second header: our own, or nginx's error */
        return ngx_http_page_claim_next(r);
    }

    conf = ngx_http_get_module_loc_conf(r, ngx_http_page_module);

    if (!conf->enable) {
        return ngx_http_page_claim_next(r);
    }

    rc = ngx_http_page_claim(r, conf);

    if (rc == NGX_DECLINED) {
        ngx_http_page_restore_headers(r, 0);
        return ngx_http_page_claim_next(r);
    }

    if (rc != NGX_OK) {
        return rc;
    }

    /* the page answers conditional requests itself */

    r->disable_not_modified = 1;
    ngx_http_page_restore_headers(r, 1);

    return ngx_http_page_claim_next(r);
}


/*
 * NGX_OK: this response is rendered, and has a context; NGX_DECLINED: it
 * passes untouched; else the answer to a response that must neither be
 * rendered nor passed on.
 */
static ngx_int_t
ngx_http_page_claim(ngx_http_request_t *r, ngx_http_page_loc_conf_t *conf)
{
    ngx_uint_t            status, encoding;
    ngx_http_page_ctx_t  *ctx;

    if (r->upstream != NULL && r->http_version == NGX_HTTP_VERSION_9
        && r->http_protocol.len != 0)
    {
        /*
         * The upstream's answer had no status line nginx could read: the
         * proxy then passes its bytes as an HTTP/0.9 body, which may be
         * the raw source.  The client did not ask in HTTP/0.9: answer it
         * in its own version.
         */
        r->http_version = r->http_major * 1000 + r->http_minor;

        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                      "page: \"%V\": the upstream sent no valid HTTP "
                      "status line", ngx_http_page_log_uri(r));

        return ngx_http_filter_finalize_request(r, &ngx_http_page_module,
                                                NGX_HTTP_BAD_GATEWAY);
    }

    if (!ngx_http_page_is_markdown(r, conf)) {
        return NGX_DECLINED;
    }

    status = r->headers_out.status;

    if (status == NGX_HTTP_PARTIAL_CONTENT) {
        /* a slice of Markdown cannot be rendered, nor passed on raw */
        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                      "page: \"%V\": upstream sent 206 Partial Content "
                      "for a page; it must answer with the whole file",
                      ngx_http_page_log_uri(r));

        return ngx_http_filter_finalize_request(r, &ngx_http_page_module,
                                                NGX_HTTP_BAD_GATEWAY);
    }

    /*
     * Every status whose response has a body is rendered, keeping the
     * status: 200, and the error pages of error_page (or an upstream's
     * own 404 or 503 in Markdown).  Those without a body pass.
     */
    if (status < NGX_HTTP_OK
        || status == NGX_HTTP_NO_CONTENT
        || status == NGX_HTTP_NOT_MODIFIED)
    {
        return NGX_DECLINED;
    }

    encoding = ngx_http_page_encoding(r);

    if (encoding == NGX_HTTP_PAGE_ENC_UNKNOWN) {
        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                      "page: \"%V\": cannot render a body with "
                      "Content-Encoding \"%V\" (only gzip and deflate)",
                      ngx_http_page_log_uri(r),
                      &r->headers_out.content_encoding->value);

        return ngx_http_filter_finalize_request(r, &ngx_http_page_module,
                                                NGX_HTTP_BAD_GATEWAY);
    }

    ctx = ngx_pcalloc(r->pool, sizeof(ngx_http_page_ctx_t));
    if (ctx == NULL) {
        return NGX_ERROR;
    }

    ctx->take = 1;
    ctx->status = status;
    ctx->encoding = encoding;

    ngx_http_set_ctx(r, ctx, ngx_http_page_module);

    return NGX_OK;
}


/*
 * Where nginx puts a filter module: hold the header of a response the
 * claim filter took, and read files into memory for the body filter.
 */
static ngx_int_t
ngx_http_page_header_filter(ngx_http_request_t *r)
{
    ngx_int_t                  rc;
    ngx_buf_t                 *b;
    ngx_http_cleanup_t        *cln;
    ngx_http_page_ctx_t       *ctx;
    ngx_http_page_loc_conf_t  *conf;

    if (r != r->main) {
        return ngx_http_next_header_filter(r);
    }

    /* a HEAD turned into GET for us: the client still asked for HEAD */
    ngx_http_page_restore_method(r);

    ctx = ngx_http_get_module_ctx(r, ngx_http_page_module);

    if (ctx == NULL || !ctx->take) {
        return ngx_http_next_header_filter(r);
    }

    if (ctx->held) {
        /*
         * A second header: nginx's own error answer after a failure of
         * ours or of the content handler's while the body was collected.
         */
        ctx->done = 1;
        return ngx_http_next_header_filter(r);
    }

    ctx->held = 1;
    ctx->request = r;

    cln = ngx_http_cleanup_add(r, 0);
    if (cln == NULL) {
        return NGX_ERROR;
    }

    cln->handler = ngx_http_page_cleanup;
    cln->data = ctx;

    conf = ngx_http_get_module_loc_conf(r, ngx_http_page_module);

    r->allow_ranges = 0;

    if (ctx->encoding != NGX_HTTP_PAGE_ENC_NONE) {
        if (ngx_http_page_inflate_init(r, ctx) != NGX_OK) {
            return NGX_ERROR;
        }
    }

    if (r->headers_out.content_encoding) {
        /* the page goes out as it is rendered (gzip may compress it) */
        r->headers_out.content_encoding->hash = 0;
        r->headers_out.content_encoding = NULL;
    }

    if (conf->cache && ctx->status == NGX_HTTP_OK) {
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

                rc = ngx_http_page_send(r, ctx, b);
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

        if (ctx == NULL || !ctx->held || ctx->done || in == NULL) {
            return ngx_http_next_body_filter(r, in);
        }

        for (cl = in; cl; cl = cl->next) {
            rc = ngx_http_page_collect(r->main, ctx, cl->buf);

            if (rc != NGX_OK) {
                ngx_http_page_consume(cl);
                return (rc == NGX_DECLINED || rc == NGX_ABORT) ? NGX_ERROR
                                                                : rc;
            }
        }

        return NGX_OK;
    }

    ctx = ngx_http_get_module_ctx(r, ngx_http_page_module);

    if (ctx == NULL || !ctx->held || in == NULL) {
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
            return ngx_http_page_fail(r, ctx, NGX_HTTP_INTERNAL_SERVER_ERROR,
                                      NULL, 0);
        }

        if (rc == NGX_ABORT) {
            ngx_http_page_consume(cl);
            return ngx_http_page_fail(r, ctx, NGX_HTTP_BAD_GATEWAY, NULL, 0);
        }

        if (rc != NGX_OK) {
            return rc;
        }

        if (cl->buf->last_buf) {
            ngx_http_page_consume(cl);

            if (ctx->zstream && ngx_http_page_inflate_end(r, ctx) != NGX_OK)
            {
                return ngx_http_page_fail(r, ctx, NGX_HTTP_BAD_GATEWAY,
                                          NULL, 0);
            }

            return ngx_http_page_finish(r, ctx);
        }
    }

    return NGX_OK;
}


/*
 * The request ends (terminated) while its page is still being collected:
 * its upstream failed in the middle of the body (closed early, reset,
 * invalid chunks, timed out), or the file could not be read.  The header
 * was held, so nothing has gone out, and the client would get no answer
 * at all: it gets nginx's own 502 (500 for a file), and the error log a
 * "page:" line; nothing was rendered, so nothing is cached.  The answer
 * goes out now, before nginx closes the connection; error_page does not
 * apply, as the request cannot go on elsewhere.
 */
static void
ngx_http_page_cleanup(void *data)
{
    ngx_http_page_ctx_t  *ctx = data;

    ngx_uint_t           status;
    ngx_http_request_t  *r;

    r = ctx->request;

    if (ctx->done || r->connection->error) {
        return;
    }

    ctx->done = 1;

    status = r->upstream ? NGX_HTTP_BAD_GATEWAY
                         : NGX_HTTP_INTERNAL_SERVER_ERROR;

    ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                  "page: \"%V\": the %s ended before the whole body was "
                  "read (%uz bytes), answered %ui; see the error above",
                  ngx_http_page_log_uri(r),
                  r->upstream ? "upstream response" : "response", ctx->len,
                  status);

    /* nginx's page for the status, without an error_page redirect */
    r->error_page = 1;

    (void) ngx_http_filter_finalize_request(r, &ngx_http_page_module, status);
}


/*
 * Copy (or decompress) one buffer into the body and mark it consumed, so
 * the buffers before us (the copy filter's, the upstream's) can be
 * reused.  NGX_DECLINED: the body is larger than page_max_size;
 * NGX_ABORT: a compressed body is not valid.
 */
static ngx_int_t
ngx_http_page_collect(ngx_http_request_t *r, ngx_http_page_ctx_t *ctx,
    ngx_buf_t *b)
{
    size_t                     size;
    ngx_int_t                  rc;
    ngx_http_page_loc_conf_t  *conf;

    if (!ngx_buf_in_memory(b)) {
        return NGX_OK;
    }

    size = b->last - b->pos;

    if (size == 0) {
        return NGX_OK;
    }

    if (ctx->zstream) {
        rc = ngx_http_page_inflate(r, ctx, b->pos, size);

    } else {
        conf = ngx_http_get_module_loc_conf(r, ngx_http_page_module);

        if (size > conf->max_size - ctx->len) {
            ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                          "page: \"%V\": body larger than page_max_size %uz",
                          ngx_http_page_log_uri(r), conf->max_size);
            return NGX_DECLINED;
        }

        rc = ngx_http_page_reserve(r, ctx, size);

        if (rc == NGX_OK) {
            ngx_memcpy(ctx->body + ctx->len, b->pos, size);
            ctx->len += size;
        }
    }

    b->pos = b->last;

    if (b->in_file) {
        b->file_pos = b->file_last;
    }

    return rc;
}


/*
 * Room for size more bytes of body (the caller checked page_max_size):
 * the body grows by doubling, from the Content-Length when there is one.
 */
ngx_int_t
ngx_http_page_reserve(ngx_http_request_t *r, ngx_http_page_ctx_t *ctx,
    size_t size)
{
    size_t                     want;
    u_char                    *p;
    ngx_http_page_loc_conf_t  *conf;

    if (ctx->len + size <= ctx->size) {
        return NGX_OK;
    }

    conf = ngx_http_get_module_loc_conf(r, ngx_http_page_module);

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
    opt.inline_shortcodes = conf->inline_shortcodes ? 1 : 0;
    opt.drafts = conf->drafts ? 1 : 0;
    opt.future = conf->future ? 1 : 0;
    opt.expired = conf->expired ? 1 : 0;
    opt.now = ngx_time();

    rc = page_render(ctx->len ? (const char *) ctx->body : "", ctx->len,
                     &opt, &res);

    if (rc == PAGE_HIDDEN) {
        /* not published: nginx's 404, so that error_page 404 applies */
        ngx_log_debug1(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                       "page: %s (page_drafts, page_future and "
                       "page_expired publish such pages)", res.error.msg);

        page_result_free(&res);
        ctx->done = 1;

        return ngx_http_filter_finalize_request(r, &ngx_http_page_module,
                                                NGX_HTTP_NOT_FOUND);
    }

    if (rc != PAGE_OK) {
        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0, "page: %s",
                      res.error.msg);

        rc = ngx_http_page_fail(r, ctx, NGX_HTTP_INTERNAL_SERVER_ERROR,
                                res.error.msg, ngx_strlen(res.error.msg));
        page_result_free(&res);

        return rc;
    }

    b = ngx_calloc_buf(r->pool);
    if (b == NULL) {
        page_result_free(&res);
        return NGX_ERROR;
    }

    if (res.len) {
        b->start = ngx_pnalloc(r->pool, res.len);
        if (b->start == NULL) {
            page_result_free(&res);
            return NGX_ERROR;
        }

        b->pos = b->start;
        b->last = ngx_cpymem(b->pos, res.data, res.len);
        b->end = b->last;
        b->temporary = 1;
    }

    ctx->until = (time_t) res.until;

    if (ctx->key.len) {
        ngx_http_page_cache_put(r, ctx, conf, res.data, res.len, ctx->until);
    }

    page_result_free(&res);

    /* the source is no longer needed: large blocks go back right away */

    if (ctx->body) {
        ngx_pfree(r->pool, ctx->body);
        ctx->body = NULL;
    }

    return ngx_http_page_send(r, ctx, b);
}


/*
 * The page could not be built (status 500), or its source could not be
 * read (502).  With page_debug the error goes out as a readable page
 * with that status; otherwise nginx's own answer, so that error_page
 * applies.
 */
static ngx_int_t
ngx_http_page_fail(ngx_http_request_t *r, ngx_http_page_ctx_t *ctx,
    ngx_uint_t status, const char *msg, size_t len)
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
    static char    bad_source[] = "the source could not be read (see the "
                                  "error log)";

    conf = ngx_http_get_module_loc_conf(r, ngx_http_page_module);

    ctx->done = 1;

    if (!conf->debug) {
        return ngx_http_filter_finalize_request(r, &ngx_http_page_module,
                                                status);
    }

    if (msg == NULL) {
        msg = (status == NGX_HTTP_BAD_GATEWAY) ? bad_source : too_large;
        len = ngx_strlen(msg);
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

    ctx->status = status;

    return ngx_http_page_send(r, ctx, b);
}


/*
 * Send the page (or the debug page) with ctx->status.  An empty page is
 * an empty body: a buffer that only marks the end.
 */
static ngx_int_t
ngx_http_page_send(ngx_http_request_t *r, ngx_http_page_ctx_t *ctx,
    ngx_buf_t *b)
{
    ngx_int_t                  rc;
    ngx_chain_t                out;
    ngx_table_elt_t           *h;
    ngx_http_page_loc_conf_t  *conf;

    conf = ngx_http_get_module_loc_conf(r, ngx_http_page_module);

    ctx->done = 1;
    ctx->sent = 1;

    b->last_buf = 1;

    if (b->pos != b->last) {
        b->memory = 1;
    }

    r->headers_out.status = ctx->status;
    r->headers_out.status_line.len = 0;

    ngx_str_set(&r->headers_out.content_type, "text/html");
    r->headers_out.content_type_len = sizeof("text/html") - 1;
    r->headers_out.content_type_lowcase = NULL;
    r->headers_out.content_type_hash = 0;
    ngx_str_set(&r->headers_out.charset, "utf-8");

    ngx_http_clear_content_length(r);
    r->headers_out.content_length_n = b->last - b->pos;

    ngx_http_clear_accept_ranges(r);

    if (conf->debug && ctx->cache != NGX_HTTP_PAGE_CACHE_OFF
        && ctx->status == NGX_HTTP_OK)
    {
        h = ngx_list_push(&r->headers_out.headers);
        if (h == NULL) {
            return NGX_ERROR;
        }

        h->hash = 1;
        ngx_str_set(&h->key, "X-Page-Cache");
        h->value = ngx_http_page_cache_status[ctx->cache];
    }

    if (conf->last_modified && ctx->status == NGX_HTTP_OK) {
        ngx_http_weak_etag(r);

        rc = ngx_http_page_conditional(r);

        if (rc == NGX_HTTP_PRECONDITION_FAILED) {
            /* nginx's own 412 goes out instead of the page */
            ctx->sent = 0;
            return ngx_http_filter_finalize_request(r, &ngx_http_page_module,
                                                    rc);
        }

        if (rc == NGX_HTTP_NOT_MODIFIED) {
            r->headers_out.status = NGX_HTTP_NOT_MODIFIED;
            r->headers_out.content_type.len = 0;
            ngx_http_clear_content_length(r);
            r->header_only = 1;
        }

    } else {
        /* the page has no validators, so no request is conditional */
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
 * A conditional request, decided on the page's validators (its
 * Last-Modified and weak ETag) as nginx's not_modified filter decides it
 * for a file: NGX_OK (send the page), NGX_HTTP_NOT_MODIFIED or
 * NGX_HTTP_PRECONDITION_FAILED.
 */
static ngx_int_t
ngx_http_page_conditional(ngx_http_request_t *r)
{
    time_t                     t, lm;
    ngx_table_elt_t           *h;
    ngx_http_core_loc_conf_t  *clcf;

    lm = r->headers_out.last_modified_time;

    h = r->headers_in.if_unmodified_since;

    if (h != NULL) {
        t = ngx_parse_http_time(h->value.data, h->value.len);

        if (lm == -1 || t == NGX_ERROR || t < lm) {
            return NGX_HTTP_PRECONDITION_FAILED;
        }
    }

    h = r->headers_in.if_match;

    if (h != NULL && !ngx_http_page_etag_match(r, h, 0)) {
        return NGX_HTTP_PRECONDITION_FAILED;
    }

    if (r->headers_in.if_modified_since == NULL
        && r->headers_in.if_none_match == NULL)
    {
        return NGX_OK;
    }

    h = r->headers_in.if_modified_since;

    if (h != NULL) {
        clcf = ngx_http_get_module_loc_conf(r, ngx_http_core_module);

        if (clcf->if_modified_since == NGX_HTTP_IMS_OFF || lm == -1) {
            return NGX_OK;
        }

        t = ngx_parse_http_time(h->value.data, h->value.len);

        if (t == NGX_ERROR
            || (clcf->if_modified_since == NGX_HTTP_IMS_EXACT && t != lm)
            || (clcf->if_modified_since == NGX_HTTP_IMS_BEFORE && t < lm))
        {
            return NGX_OK;
        }
    }

    h = r->headers_in.if_none_match;

    if (h != NULL && !ngx_http_page_etag_match(r, h, 1)) {
        return NGX_OK;
    }

    return NGX_HTTP_NOT_MODIFIED;
}


/*
 * Does the page's ETag match an entity tag of the list in header ("*"
 * matches any page)?  weak: compare without the W/ prefixes.
 */
static ngx_int_t
ngx_http_page_etag_match(ngx_http_request_t *r, ngx_table_elt_t *header,
    ngx_uint_t weak)
{
    u_char     *p, *end, *tag;
    ngx_str_t   etag;

    p = header->value.data;
    end = p + header->value.len;

    if (header->value.len == 1 && p[0] == '*') {
        return 1;
    }

    if (r->headers_out.etag == NULL) {
        return 0;
    }

    etag = r->headers_out.etag->value;

    if (weak && etag.len > 2 && etag.data[0] == 'W' && etag.data[1] == '/') {
        etag.data += 2;
        etag.len -= 2;

    } else if (!weak && etag.len > 0 && etag.data[0] == 'W') {
        /* a weak ETag never matches strongly */
        return 0;
    }

    while (p < end) {

        if (weak && end - p > 2 && p[0] == 'W' && p[1] == '/') {
            p += 2;
        }

        tag = p;

        if (p < end && *p == '"') {
            for (p++; p < end && *p != '"'; p++) {
                /* void */
            }

            if (p < end) {
                p++;
            }
        }

        if ((size_t) (p - tag) == etag.len
            && ngx_strncmp(tag, etag.data, etag.len) == 0)
        {
            return 1;
        }

        while (p < end && (*p == ' ' || *p == '\t' || *p == ',')) {
            p++;
        }

        if (p == tag) {
            /* not an entity tag: the list is malformed */
            return 0;
        }
    }

    return 0;
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

    return ngx_http_page_send(r, ctx, b);
}


/*
 * The request's URI as an error-log line quotes it: a decoded URI may
 * hold a line break (%0A), which would split the entry, so control
 * characters are escaped as the core escapes its messages.
 */
ngx_str_t *
ngx_http_page_log_uri(ngx_http_request_t *r)
{
    size_t      i, size;
    u_char     *p;
    ngx_str_t  *s;

    static ngx_str_t  unknown = ngx_string("(URI)");

    for (i = 0; i < r->uri.len; i++) {
        if (r->uri.data[i] < 0x20 || r->uri.data[i] == 0x7f) {
            break;
        }
    }

    if (i == r->uri.len) {
        return &r->uri;
    }

    size = r->uri.len * 4 + 1;          /* "\xNN" for every byte at most */

    s = ngx_palloc(r->pool, sizeof(ngx_str_t));
    p = ngx_pnalloc(r->pool, size);

    if (s == NULL || p == NULL) {
        return &unknown;
    }

    s->len = page_error_escape((char *) p, size, (char *) r->uri.data,
                               r->uri.len);
    s->data = p;

    return s;
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
 * Before the content handler runs: a HEAD becomes a GET, so the body
 * (from a file or an upstream) arrives and the page's Content-Length can
 * be told; and the Range and conditional headers are hidden from the
 * handler (see ngx_http_page_hidden).  The claim filter undoes both.  In
 * a location without "page on", headers an earlier location hid (before
 * an internal redirect) come back.
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
        ngx_http_page_restore_headers(r, 0);
        return NGX_DECLINED;
    }

    if (r->method == NGX_HTTP_HEAD) {
        r->method = NGX_HTTP_GET;
        ngx_str_set(&r->method_name, "GET");
    }

    ngx_http_page_hide_headers(r);

    return NGX_DECLINED;
}


static void
ngx_http_page_hide_headers(ngx_http_request_t *r)
{
    ngx_table_elt_t         **ph, *h;
    ngx_http_page_hidden_t   *hd;

    for (hd = ngx_http_page_hidden; hd->name.len; hd++) {
        ph = (ngx_table_elt_t **) ((char *) &r->headers_in + hd->offset);
        h = *ph;

        if (h == NULL) {
            continue;
        }

        h->key = hd->hidden;
        h->lowcase_key = hd->hidden_lowcase;
        h->hash = ngx_hash_key(hd->hidden_lowcase, hd->hidden.len);

        *ph = NULL;
    }
}


/*
 * Give the hidden headers back (conditional_only: all but Range, which
 * stays hidden from a rendered page).
 */
static void
ngx_http_page_restore_headers(ngx_http_request_t *r,
    ngx_uint_t conditional_only)
{
    ngx_uint_t                i;
    ngx_list_part_t          *part;
    ngx_table_elt_t          *h, **ph;
    ngx_http_page_hidden_t   *hd;

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

        for (hd = ngx_http_page_hidden; hd->name.len; hd++) {
            if (h[i].lowcase_key == hd->hidden_lowcase) {
                break;
            }
        }

        if (hd->name.len == 0 || (conditional_only && !hd->conditional)) {
            continue;
        }

        ph = (ngx_table_elt_t **) ((char *) &r->headers_in + hd->offset);

        h[i].key = hd->name;
        h[i].lowcase_key = hd->lowcase;
        h[i].hash = ngx_hash_key(hd->lowcase, hd->name.len);

        if (*ph == NULL) {
            *ph = &h[i];
        }

        if (!hd->conditional && r->upstream != NULL) {
            /*
             * The upstream sent the whole response: nginx's range filter
             * answers the range from it, as with proxy_force_ranges.
             */
            r->allow_ranges = 1;
        }
    }
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
 * Put the claim filter above every header filter, the not_modified
 * filter included.  nginx builds the header filter chain when it reads
 * the http block (each module's postconfiguration puts its filter on
 * top); this runs after that, from the module's init_module, once for
 * every configuration.  A module's place in the chain cannot be set
 * otherwise for both static and dynamic builds.
 */
ngx_int_t
ngx_http_page_install_claim(ngx_cycle_t *cycle)
{
    if (ngx_http_top_header_filter == NULL
        || ngx_http_top_header_filter == ngx_http_page_claim_filter)
    {
        return NGX_OK;
    }

    ngx_http_page_claim_next = ngx_http_top_header_filter;
    ngx_http_top_header_filter = ngx_http_page_claim_filter;

    return NGX_OK;
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
