
/*
 * ngx_http_page_module: renders Hugo-style content (Markdown with YAML
 * front matter) into complete HTML pages at request time.
 *
 * This file is the nginx glue only: directives, configuration merge, the
 * header and body filters that collect the response and send the page.
 * Everything about content lives in src/ (page_render()).
 */

#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>
#include <ngx_md5.h>

#include "page.h"
#include "page_data.h"
#include "page_templates.h"


/* Initial body buffer when the response has no Content-Length. */
#define NGX_HTTP_PAGE_CHUNK  16384

/*
 * Most page_param directives in one location: .Site.Params is a handful
 * of settings, and each costs a variable evaluation per request.
 */
#define NGX_HTTP_PAGE_MAX_PARAMS  256

/*
 * Zero-build and the render cache: a static file (or an upstream's
 * Last-Modified) is identified by its validators only when it was last
 * changed (mtime and ctime) at least this many seconds ago.  Timestamps
 * and sizes cannot tell apart two edits within one second that keep the
 * size, so a fresher file is keyed on a hash of its body instead: its
 * body is read, and only the render is saved.
 */
#define NGX_HTTP_PAGE_CACHE_FRESH  2

/*
 * One cached page takes at most 1/N of its zone, so that a single large
 * page cannot push out every other entry; a larger page is rendered and
 * not stored.
 */
#define NGX_HTTP_PAGE_CACHE_ENTRY_SHARE  4

/* Bytes of the configuration generation in every cache key. */
#define NGX_HTTP_PAGE_CACHE_GEN  16

/* Bytes of the source version for a body hash: a tag, then its MD5. */
#define NGX_HTTP_PAGE_CACHE_BODY  (1 + 16)

/* ctx->cache: what the render cache did with this request */
#define NGX_HTTP_PAGE_CACHE_OFF     0
#define NGX_HTTP_PAGE_CACHE_MISS    1   /* rendered and stored */
#define NGX_HTTP_PAGE_CACHE_HIT     2   /* sent from the cache */
#define NGX_HTTP_PAGE_CACHE_BYPASS  3   /* rendered, not stored */


typedef struct {
    ngx_str_t                  name;
    ngx_http_complex_value_t   value;
} ngx_http_page_param_t;


/*
 * Compiled templates, one per distinct page_templates list, shared by
 * every location that names the same directories.
 */
typedef struct {
    ngx_str_t                  key;        /* the directories, joined */
    page_templates_t          *templates;
} ngx_http_page_compiled_t;


typedef struct {
    ngx_array_t                compiled;   /* ngx_http_page_compiled_t */

    /*
     * Differs for every configuration nginx reads, so that pages rendered
     * with the templates and directives of an earlier configuration are
     * never found after a reload (they age out of the zone).
     */
    u_char                     generation[NGX_HTTP_PAGE_CACHE_GEN];
} ngx_http_page_main_conf_t;


/* An entry of the render cache, in the zone's slab pool. */
typedef struct {
    ngx_rbtree_node_t          node;       /* node.key: CRC32 of the key */
    ngx_queue_t                queue;      /* LRU: most recent first */
    size_t                     key_len;
    size_t                     len;        /* of the page */
    u_char                     data[1];    /* the key, then the page */
} ngx_http_page_cache_node_t;


/* The shared part of a page_cache_zone. */
typedef struct {
    ngx_rbtree_t               rbtree;
    ngx_rbtree_node_t          sentinel;
    ngx_queue_t                queue;
    ngx_uint_t                 hits;
    ngx_uint_t                 misses;
} ngx_http_page_cache_sh_t;


/* A page_cache_zone as one configuration sees it (shm_zone->data). */
typedef struct {
    ngx_http_page_cache_sh_t  *sh;
    ngx_slab_pool_t           *shpool;
    size_t                     max_entry;
} ngx_http_page_cache_t;


typedef struct {
    ngx_flag_t                 enable;
    ngx_array_t               *template_dirs;  /* ngx_str_t */
    page_templates_t          *templates;
    ngx_hash_t                 types;
    ngx_array_t               *types_keys;
    ngx_str_t                  layout;
    ngx_array_t               *params;     /* ngx_http_page_param_t */
    ngx_str_t                  site_title;
    ngx_flag_t                 unsafe_html;
    size_t                     max_size;
    ngx_flag_t                 last_modified;
    ngx_flag_t                 debug;
    ngx_shm_zone_t            *cache;      /* page_cache; NULL: off */
} ngx_http_page_loc_conf_t;


typedef struct {
    u_char                    *body;
    size_t                     len;
    size_t                     size;
    ngx_str_t                  key;         /* cache key; empty: none */
    page_param_t              *params;      /* evaluated page_param */
    size_t                     nparams;
    unsigned                   params_done:1;
    unsigned                   key_body:1;  /* key ends in a body hash */
    unsigned                   key_late:1;  /* look up after the body */
    unsigned                   cache:2;     /* NGX_HTTP_PAGE_CACHE_* */
    unsigned                   done:1;      /* rendered, or failed */
    unsigned                   sent:1;      /* our own answer went out */
} ngx_http_page_ctx_t;


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
static void ngx_http_page_source_name(ngx_http_request_t *r, ngx_str_t *name,
    size_t *root);
static ngx_int_t ngx_http_page_base_url(ngx_http_request_t *r,
    ngx_str_t *url);
static ngx_int_t ngx_http_page_params(ngx_http_request_t *r,
    ngx_http_page_loc_conf_t *conf, page_param_t **params, size_t *n);

static ngx_int_t ngx_http_page_finish(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx);
static ngx_int_t ngx_http_page_cache_key(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx, ngx_http_page_loc_conf_t *conf);
static void ngx_http_page_cache_version(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx, ngx_str_t *source, ngx_str_t *version);
static ngx_int_t ngx_http_page_cache_get(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx, ngx_http_page_loc_conf_t *conf,
    ngx_buf_t **out);
static void ngx_http_page_cache_put(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx, ngx_http_page_loc_conf_t *conf,
    const char *page, size_t len);
static ngx_http_page_cache_node_t *ngx_http_page_cache_find(
    ngx_http_page_cache_t *cache, uint32_t hash, ngx_str_t *key);
static ngx_int_t ngx_http_page_cache_cmp(ngx_str_t *key,
    ngx_http_page_cache_node_t *cn);
static void ngx_http_page_cache_rbtree_insert(ngx_rbtree_node_t *temp,
    ngx_rbtree_node_t *node, ngx_rbtree_node_t *sentinel);
static ngx_int_t ngx_http_page_cache_init_zone(ngx_shm_zone_t *shm_zone,
    void *data);

static ngx_int_t ngx_http_page_precontent_handler(ngx_http_request_t *r);
static void ngx_http_page_hide_range(ngx_http_request_t *r);
static void ngx_http_page_restore_method(ngx_http_request_t *r);
static void ngx_http_page_restore_range(ngx_http_request_t *r);

static char *ngx_http_page_param(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_page_templates(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_page_cache_zone(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_page_cache(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static page_templates_t *ngx_http_page_compile(ngx_conf_t *cf,
    ngx_array_t *dirs);
static void ngx_http_page_free_arena(void *data);
static void *ngx_http_page_create_main_conf(ngx_conf_t *cf);
static void *ngx_http_page_create_conf(ngx_conf_t *cf);
static char *ngx_http_page_merge_conf(ngx_conf_t *cf, void *parent,
    void *child);
static ngx_int_t ngx_http_page_init(ngx_conf_t *cf);


static ngx_str_t  ngx_http_page_default_types[] = {
    ngx_string("text/markdown"),
    ngx_null_string
};

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

/* configurations read by this process, for the generation */
static ngx_uint_t  ngx_http_page_generations;


static ngx_command_t  ngx_http_page_commands[] = {

    { ngx_string("page"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_conf_set_flag_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_page_loc_conf_t, enable),
      NULL },

    { ngx_string("page_types"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_1MORE,
      ngx_http_types_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_page_loc_conf_t, types_keys),
      &ngx_http_page_default_types[0] },

    { ngx_string("page_templates"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_1MORE,
      ngx_http_page_templates,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("page_layout"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_str_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_page_loc_conf_t, layout),
      NULL },

    { ngx_string("page_param"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE2,
      ngx_http_page_param,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("page_site_title"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_str_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_page_loc_conf_t, site_title),
      NULL },

    { ngx_string("page_unsafe_html"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_conf_set_flag_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_page_loc_conf_t, unsafe_html),
      NULL },

    { ngx_string("page_max_size"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_size_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_page_loc_conf_t, max_size),
      NULL },

    { ngx_string("page_last_modified"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_conf_set_flag_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_page_loc_conf_t, last_modified),
      NULL },

    { ngx_string("page_debug"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_conf_set_flag_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_page_loc_conf_t, debug),
      NULL },

    { ngx_string("page_cache_zone"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_TAKE2,
      ngx_http_page_cache_zone,
      0,
      0,
      NULL },

    { ngx_string("page_cache"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_page_cache,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

      ngx_null_command
};


static ngx_http_module_t  ngx_http_page_module_ctx = {
    NULL,                                  /* preconfiguration */
    ngx_http_page_init,                    /* postconfiguration */

    ngx_http_page_create_main_conf,        /* create main configuration */
    NULL,                                  /* init main configuration */

    NULL,                                  /* create server configuration */
    NULL,                                  /* merge server configuration */

    ngx_http_page_create_conf,             /* create location configuration */
    ngx_http_page_merge_conf               /* merge location configuration */
};


ngx_module_t  ngx_http_page_module = {
    NGX_MODULE_V1,
    &ngx_http_page_module_ctx,             /* module context */
    ngx_http_page_commands,                /* module directives */
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
static void
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
static ngx_int_t
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


static ngx_int_t
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
    ngx_md5_t                  md5;
    ngx_http_page_loc_conf_t  *conf;

    if (!ctx->key_late) {
        return ngx_http_page_render(r, ctx);
    }

    conf = ngx_http_get_module_loc_conf(r, ngx_http_page_module);

    if (ctx->key_body) {
        ngx_md5_init(&md5);
        ngx_md5_update(&md5, ctx->body, ctx->len);
        ngx_md5_final(ctx->key.data + ctx->key.len - 16, &md5);
    }

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
 * The render cache's key: everything the page can depend on.  The
 * configuration generation (templates and directives of this nginx
 * configuration), this location's configuration, what templates read of
 * the request (.Site.BaseURL's scheme and Host, the URI as asked for and
 * as mapped, the content's path, every evaluated page_param), and the
 * source's version (ngx_http_page_cache_version()).  Each part is stored
 * after its length, so different parts never make the same key.  Not in
 * the key: the clock (a template's "now") and other files ("ref" checks
 * that its target exists); such a page is kept until its source, the
 * request's inputs or the configuration change, or the zone evicts it.
 */
static ngx_int_t
ngx_http_page_cache_key(ngx_http_request_t *r, ngx_http_page_ctx_t *ctx,
    ngx_http_page_loc_conf_t *conf)
{
    size_t                      len, root;
    u_char                     *p, *q, buf[NGX_OFF_T_LEN * 6];
    ngx_str_t                   part[7];
    ngx_uint_t                  i, n;
    ngx_http_page_main_conf_t  *pmcf;

    pmcf = ngx_http_get_module_main_conf(r, ngx_http_page_module);

    if (ngx_http_page_base_url(r, &part[2]) != NGX_OK
        || ngx_http_page_params(r, conf, &ctx->params, &ctx->nparams)
           != NGX_OK)
    {
        return NGX_ERROR;
    }

    ctx->params_done = 1;

    part[0].data = pmcf->generation;
    part[0].len = NGX_HTTP_PAGE_CACHE_GEN;

    part[1].data = (u_char *) &conf;
    part[1].len = sizeof(ngx_http_page_loc_conf_t *);

    part[3].data = r->unparsed_uri.data;
    q = ngx_strlchr(r->unparsed_uri.data,
                    r->unparsed_uri.data + r->unparsed_uri.len, '?');
    part[3].len = q ? (size_t) (q - r->unparsed_uri.data)
                    : r->unparsed_uri.len;

    part[4] = r->uri;

    ngx_http_page_source_name(r, &part[5], &root);

    part[6].data = buf;
    ngx_http_page_cache_version(r, ctx, &part[5], &part[6]);

    n = sizeof(part) / sizeof(ngx_str_t);

    len = 0;

    for (i = 0; i < n; i++) {
        len += sizeof(size_t) + part[i].len;
    }

    for (i = 0; i < ctx->nparams; i++) {
        len += sizeof(size_t) + ctx->params[i].value_len;
    }

    p = ngx_pnalloc(r->pool, len);
    if (p == NULL) {
        return NGX_ERROR;
    }

    ctx->key.data = p;
    ctx->key.len = len;

    /* the version goes last: a body hash is written there later */

    for (i = 0; i < n - 1; i++) {
        p = ngx_cpymem(p, &part[i].len, sizeof(size_t));
        p = ngx_cpymem(p, part[i].data, part[i].len);
    }

    for (i = 0; i < ctx->nparams; i++) {
        p = ngx_cpymem(p, &ctx->params[i].value_len, sizeof(size_t));
        p = ngx_cpymem(p, ctx->params[i].value, ctx->params[i].value_len);
    }

    p = ngx_cpymem(p, &part[n - 1].len, sizeof(size_t));
    ngx_memcpy(p, part[n - 1].data, part[n - 1].len);

    return NGX_OK;
}


/*
 * The source's version, as part of the key (version->data points to a
 * buffer of NGX_OFF_T_LEN * 6 bytes or more):
 *
 *   a static file: its device, inode, size, mtime and ctime, when the
 *   response is that file (its Last-Modified and Content-Length match)
 *   and it was not changed in the last NGX_HTTP_PAGE_CACHE_FRESH seconds;
 *   the page is then looked up in the header filter, before the file is
 *   read;
 *
 *   an upstream: its strong ETag, else its Last-Modified (if not fresh)
 *   and Content-Length; looked up when the body is in;
 *
 *   anything else (a fresh file, no usable validators): an MD5 of the
 *   body, written when the body is in; a hit saves the render only.
 */
static void
ngx_http_page_cache_version(ngx_http_request_t *r, ngx_http_page_ctx_t *ctx,
    ngx_str_t *source, ngx_str_t *version)
{
    time_t            now, t;
    ngx_table_elt_t  *h;
    ngx_file_info_t   fi;

    now = ngx_time();

    if (r->upstream == NULL) {

        if (r->headers_out.last_modified_time != -1
            && r->headers_out.content_length_n >= 0
            && ngx_file_info(source->data, &fi) != NGX_FILE_ERROR
            && ngx_is_file(&fi)
            && ngx_file_mtime(&fi) == r->headers_out.last_modified_time
            && ngx_file_size(&fi) == r->headers_out.content_length_n
            && now - ngx_file_mtime(&fi) >= NGX_HTTP_PAGE_CACHE_FRESH
            && now - fi.st_ctime >= NGX_HTTP_PAGE_CACHE_FRESH)
        {
            version->len = ngx_sprintf(version->data, "F%uL:%uL:%O:%T:%T",
                                       (uint64_t) fi.st_dev,
                                       (uint64_t) ngx_file_uniq(&fi),
                                       ngx_file_size(&fi),
                                       ngx_file_mtime(&fi), fi.st_ctime)
                           - version->data;
            return;
        }

    } else {
        h = r->headers_out.etag;

        if (h != NULL && h->value.len > 2 && h->value.data[0] == '"') {
            /* a strong ETag names these very bytes */
            version->data = h->value.data;
            version->len = h->value.len;
            ctx->key_late = 1;
            return;
        }

        h = r->headers_out.last_modified;

        if (h != NULL && r->headers_out.content_length_n >= 0) {
            t = ngx_parse_http_time(h->value.data, h->value.len);

            if (t != NGX_ERROR && now - t >= NGX_HTTP_PAGE_CACHE_FRESH) {
                version->len = ngx_sprintf(version->data, "L%T:%O", t,
                                           r->headers_out.content_length_n)
                               - version->data;
                ctx->key_late = 1;
                return;
            }
        }
    }

    /* "B" and the body's MD5, written by ngx_http_page_finish() */

    ngx_memzero(version->data, NGX_HTTP_PAGE_CACHE_BODY);
    version->data[0] = 'B';
    version->len = NGX_HTTP_PAGE_CACHE_BODY;

    ctx->key_body = 1;
    ctx->key_late = 1;
}


/*
 * Look the page up: NGX_OK and a copy of it in *out, or NGX_DECLINED.
 * A hit makes the entry the most recently used.
 */
static ngx_int_t
ngx_http_page_cache_get(ngx_http_request_t *r, ngx_http_page_ctx_t *ctx,
    ngx_http_page_loc_conf_t *conf, ngx_buf_t **out)
{
    uint32_t                     hash;
    ngx_int_t                    rc;
    ngx_buf_t                   *b;
    ngx_uint_t                   hits, misses;
    ngx_http_page_cache_t       *cache;
    ngx_http_page_cache_node_t  *cn;

    cache = conf->cache->data;
    hash = ngx_crc32_long(ctx->key.data, ctx->key.len);

    b = NULL;
    rc = NGX_DECLINED;

    ngx_shmtx_lock(&cache->shpool->mutex);

    cn = ngx_http_page_cache_find(cache, hash, &ctx->key);

    if (cn == NULL) {
        cache->sh->misses++;

    } else {
        b = ngx_create_temp_buf(r->pool, cn->len ? cn->len : 1);

        if (b == NULL) {
            rc = NGX_ERROR;

        } else {
            b->last = ngx_cpymem(b->pos, cn->data + cn->key_len, cn->len);

            ngx_queue_remove(&cn->queue);
            ngx_queue_insert_head(&cache->sh->queue, &cn->queue);

            cache->sh->hits++;
            rc = NGX_OK;
        }
    }

    hits = cache->sh->hits;
    misses = cache->sh->misses;

    ngx_shmtx_unlock(&cache->shpool->mutex);

    ctx->cache = (rc == NGX_OK) ? NGX_HTTP_PAGE_CACHE_HIT
                                : NGX_HTTP_PAGE_CACHE_MISS;

    ngx_log_debug4(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                   "page cache %s \"%V\", hits:%ui misses:%ui",
                   rc == NGX_OK ? "hit" : "miss", &r->uri, hits, misses);

    *out = b;

    return rc;
}


/*
 * Store a rendered page.  When the zone is full, the least recently used
 * entries go until the page fits; if it never fits, it is not stored
 * (X-Page-Cache: BYPASS) and the request goes on as if nothing happened.
 */
static void
ngx_http_page_cache_put(ngx_http_request_t *r, ngx_http_page_ctx_t *ctx,
    ngx_http_page_loc_conf_t *conf, const char *page, size_t len)
{
    size_t                       size;
    uint32_t                     hash;
    ngx_queue_t                 *q;
    ngx_http_page_cache_t       *cache;
    ngx_http_page_cache_node_t  *cn, *old;

    cache = conf->cache->data;

    ctx->cache = NGX_HTTP_PAGE_CACHE_BYPASS;

    size = offsetof(ngx_http_page_cache_node_t, data) + ctx->key.len + len;

    if (size > cache->max_entry) {
        ngx_log_debug2(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                       "page cache: \"%V\" not stored, %uz bytes",
                       &r->uri, size);
        return;
    }

    hash = ngx_crc32_long(ctx->key.data, ctx->key.len);

    ngx_shmtx_lock(&cache->shpool->mutex);

    if (ngx_http_page_cache_find(cache, hash, &ctx->key) != NULL) {
        /* another worker stored it meanwhile */
        ctx->cache = NGX_HTTP_PAGE_CACHE_MISS;
        goto done;
    }

    for ( ;; ) {
        cn = ngx_slab_alloc_locked(cache->shpool, size);

        if (cn != NULL) {
            break;
        }

        if (ngx_queue_empty(&cache->sh->queue)) {
            goto done;
        }

        q = ngx_queue_last(&cache->sh->queue);
        old = ngx_queue_data(q, ngx_http_page_cache_node_t, queue);

        ngx_queue_remove(q);
        ngx_rbtree_delete(&cache->sh->rbtree, &old->node);
        ngx_slab_free_locked(cache->shpool, old);
    }

    cn->node.key = hash;
    cn->key_len = ctx->key.len;
    cn->len = len;
    ngx_memcpy(cn->data, ctx->key.data, ctx->key.len);
    ngx_memcpy(cn->data + ctx->key.len, page, len);

    ngx_rbtree_insert(&cache->sh->rbtree, &cn->node);
    ngx_queue_insert_head(&cache->sh->queue, &cn->queue);

    ctx->cache = NGX_HTTP_PAGE_CACHE_MISS;

done:

    ngx_shmtx_unlock(&cache->shpool->mutex);
}


/* The tree is ordered by the key's CRC32, then by the whole key. */
static ngx_http_page_cache_node_t *
ngx_http_page_cache_find(ngx_http_page_cache_t *cache, uint32_t hash,
    ngx_str_t *key)
{
    ngx_int_t                    rc;
    ngx_rbtree_node_t           *node, *sentinel;
    ngx_http_page_cache_node_t  *cn;

    node = cache->sh->rbtree.root;
    sentinel = cache->sh->rbtree.sentinel;

    while (node != sentinel) {

        if (hash != node->key) {
            node = (hash < node->key) ? node->left : node->right;
            continue;
        }

        cn = (ngx_http_page_cache_node_t *) node;

        rc = ngx_http_page_cache_cmp(key, cn);

        if (rc == 0) {
            return cn;
        }

        node = (rc < 0) ? node->left : node->right;
    }

    return NULL;
}


static ngx_int_t
ngx_http_page_cache_cmp(ngx_str_t *key, ngx_http_page_cache_node_t *cn)
{
    if (key->len != cn->key_len) {
        return (key->len < cn->key_len) ? -1 : 1;
    }

    return ngx_memcmp(key->data, cn->data, key->len);
}


static void
ngx_http_page_cache_rbtree_insert(ngx_rbtree_node_t *temp,
    ngx_rbtree_node_t *node, ngx_rbtree_node_t *sentinel)
{
    ngx_str_t                    key;
    ngx_rbtree_node_t          **p;
    ngx_http_page_cache_node_t  *cn;

    cn = (ngx_http_page_cache_node_t *) node;
    key.data = cn->data;
    key.len = cn->key_len;

    for ( ;; ) {

        if (node->key != temp->key) {
            p = (node->key < temp->key) ? &temp->left : &temp->right;

        } else {
            p = (ngx_http_page_cache_cmp(&key,
                                         (ngx_http_page_cache_node_t *) temp)
                 < 0)
                ? &temp->left : &temp->right;
        }

        if (*p == sentinel) {
            break;
        }

        temp = *p;
    }

    *p = node;
    node->parent = temp;
    node->left = sentinel;
    node->right = sentinel;
    ngx_rbt_red(node);
}


static ngx_int_t
ngx_http_page_cache_init_zone(ngx_shm_zone_t *shm_zone, void *data)
{
    ngx_http_page_cache_t  *ocache = data;

    size_t                  len;
    ngx_http_page_cache_t  *cache;

    cache = shm_zone->data;

    if (ocache) {
        /* a reload keeps the zone; old entries are never found again */
        cache->sh = ocache->sh;
        cache->shpool = ocache->shpool;
        return NGX_OK;
    }

    cache->shpool = (ngx_slab_pool_t *) shm_zone->shm.addr;

    if (shm_zone->shm.exists) {
        cache->sh = cache->shpool->data;
        return NGX_OK;
    }

    cache->sh = ngx_slab_alloc(cache->shpool,
                               sizeof(ngx_http_page_cache_sh_t));
    if (cache->sh == NULL) {
        return NGX_ERROR;
    }

    cache->shpool->data = cache->sh;

    ngx_rbtree_init(&cache->sh->rbtree, &cache->sh->sentinel,
                    ngx_http_page_cache_rbtree_insert);
    ngx_queue_init(&cache->sh->queue);

    len = sizeof(" in page_cache_zone \"\"") + shm_zone->shm.name.len;

    cache->shpool->log_ctx = ngx_slab_alloc(cache->shpool, len);
    if (cache->shpool->log_ctx == NULL) {
        return NGX_ERROR;
    }

    ngx_sprintf(cache->shpool->log_ctx, " in page_cache_zone \"%V\"%Z",
                &shm_zone->shm.name);

    /* a full zone is normal: entries are evicted, nothing is logged */
    cache->shpool->log_nomem = 0;

    return NGX_OK;
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


static char *
ngx_http_page_param(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_page_loc_conf_t *plcf = conf;

    ngx_str_t                         *value;
    ngx_uint_t                         i;
    ngx_http_page_param_t             *param;
    ngx_http_compile_complex_value_t   ccv;

    value = cf->args->elts;

    if (value[1].len == 0) {
        return "has an empty parameter name";
    }

    for (i = 0; i < value[1].len; i++) {
        if (!(isalnum(value[1].data[i]) || value[1].data[i] == '_'
              || value[1].data[i] == '-'
              || (value[1].data[i] == '.' && i && i + 1 < value[1].len
                  && value[1].data[i - 1] != '.')))
        {
            ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                               "invalid parameter name \"%V\": use letters, "
                               "digits, \"_\", \"-\", and \".\" between "
                               "nested names", &value[1]);
            return NGX_CONF_ERROR;
        }
    }

    if (plcf->params == NGX_CONF_UNSET_PTR) {
        plcf->params = ngx_array_create(cf->pool, 4,
                                        sizeof(ngx_http_page_param_t));
        if (plcf->params == NULL) {
            return NGX_CONF_ERROR;
        }
    }

    if (plcf->params->nelts >= NGX_HTTP_PAGE_MAX_PARAMS) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "more than %d \"page_param\" directives",
                           NGX_HTTP_PAGE_MAX_PARAMS);
        return NGX_CONF_ERROR;
    }

    param = ngx_array_push(plcf->params);
    if (param == NULL) {
        return NGX_CONF_ERROR;
    }

    param->name = value[1];

    ngx_memzero(&ccv, sizeof(ngx_http_compile_complex_value_t));

    ccv.cf = cf;
    ccv.value = &value[2];
    ccv.complex_value = &param->value;

    if (ngx_http_compile_complex_value(&ccv) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    return NGX_CONF_OK;
}


static char *
ngx_http_page_templates(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_page_loc_conf_t *plcf = conf;

    ngx_str_t   *value, *dir;
    ngx_uint_t   i;

    if (plcf->template_dirs != NGX_CONF_UNSET_PTR) {
        return "is duplicate";
    }

    value = cf->args->elts;

    plcf->template_dirs = ngx_array_create(cf->pool, cf->args->nelts - 1,
                                           sizeof(ngx_str_t));
    if (plcf->template_dirs == NULL) {
        return NGX_CONF_ERROR;
    }

    for (i = 1; i < cf->args->nelts; i++) {
        dir = ngx_array_push(plcf->template_dirs);
        if (dir == NULL) {
            return NGX_CONF_ERROR;
        }

        *dir = value[i];

        /* relative to the prefix, as "root" is */
        if (ngx_conf_full_name(cf->cycle, dir, 0) != NGX_OK) {
            return NGX_CONF_ERROR;
        }
    }

    return NGX_CONF_OK;
}


static char *
ngx_http_page_cache_zone(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ssize_t                 size;
    ngx_str_t              *value;
    ngx_shm_zone_t         *shm_zone;
    ngx_http_page_cache_t  *cache;

    value = cf->args->elts;

    if (value[1].len == 0) {
        return "has an empty zone name";
    }

    size = ngx_parse_size(&value[2]);

    if (size == NGX_ERROR) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid zone size \"%V\"", &value[2]);
        return NGX_CONF_ERROR;
    }

    if (size < (ssize_t) (8 * ngx_pagesize)) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "zone \"%V\" is too small", &value[1]);
        return NGX_CONF_ERROR;
    }

    cache = ngx_pcalloc(cf->pool, sizeof(ngx_http_page_cache_t));
    if (cache == NULL) {
        return NGX_CONF_ERROR;
    }

    cache->max_entry = size / NGX_HTTP_PAGE_CACHE_ENTRY_SHARE;

    shm_zone = ngx_shared_memory_add(cf, &value[1], size,
                                     &ngx_http_page_module);
    if (shm_zone == NULL) {
        return NGX_CONF_ERROR;
    }

    if (shm_zone->data) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "duplicate zone \"%V\"", &value[1]);
        return NGX_CONF_ERROR;
    }

    shm_zone->init = ngx_http_page_cache_init_zone;
    shm_zone->data = cache;

    return NGX_CONF_OK;
}


static char *
ngx_http_page_cache(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_page_loc_conf_t *plcf = conf;

    ngx_str_t  *value;

    if (plcf->cache != NGX_CONF_UNSET_PTR) {
        return "is duplicate";
    }

    value = cf->args->elts;

    if (ngx_strcmp(value[1].data, "off") == 0) {
        plcf->cache = NULL;
        return NGX_CONF_OK;
    }

    /* the zone may be declared later; an undeclared one fails at start */

    plcf->cache = ngx_shared_memory_add(cf, &value[1], 0,
                                        &ngx_http_page_module);
    if (plcf->cache == NULL) {
        return NGX_CONF_ERROR;
    }

    return NGX_CONF_OK;
}


/*
 * Read and compile the layouts directories (then the built-in theme) once
 * per distinct list; a broken template fails the configuration with its
 * file:line:col.
 */
static page_templates_t *
ngx_http_page_compile(ngx_conf_t *cf, ngx_array_t *dirs)
{
    u_char                     *p;
    size_t                      len;
    ngx_str_t                  *dir, key;
    ngx_uint_t                  i, n;
    page_error_t                err;
    page_arena_t               *arena;
    page_templates_t           *t;
    ngx_pool_cleanup_t         *cln;
    ngx_http_page_compiled_t   *c;
    ngx_http_page_main_conf_t  *pmcf;

    pmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_page_module);

    n = dirs ? dirs->nelts : 0;
    dir = dirs ? dirs->elts : NULL;

    len = 0;
    for (i = 0; i < n; i++) {
        len += dir[i].len + 1;
    }

    key.data = ngx_pnalloc(cf->pool, len + 1);
    if (key.data == NULL) {
        return NULL;
    }

    p = key.data;
    for (i = 0; i < n; i++) {
        p = ngx_cpymem(p, dir[i].data, dir[i].len);
        *p++ = '\0';
    }
    key.len = p - key.data;

    c = pmcf->compiled.elts;
    for (i = 0; i < pmcf->compiled.nelts; i++) {
        if (c[i].key.len == key.len
            && ngx_memcmp(c[i].key.data, key.data, key.len) == 0)
        {
            return c[i].templates;
        }
    }

    arena = ngx_palloc(cf->pool, sizeof(page_arena_t));
    cln = ngx_pool_cleanup_add(cf->pool, 0);
    if (arena == NULL || cln == NULL) {
        return NULL;
    }

    page_arena_init(arena, 0);
    cln->handler = ngx_http_page_free_arena;
    cln->data = arena;

    page_error_init(&err);

    t = page_templates_new(arena, page_data_funcs, page_data_nfuncs);
    if (t == NULL) {
        return NULL;
    }

    for (i = 0; i < n; i++) {
        if (page_templates_add_dir(t, (const char *) dir[i].data, &err)
            != 0)
        {
            goto failed;
        }
    }

    if (page_templates_add_files(t, "(built-in theme)", page_builtin_theme,
                                 page_builtin_theme_count, &err)
        != 0
        || page_templates_compile(t, &err) != 0)
    {
        goto failed;
    }

    c = ngx_array_push(&pmcf->compiled);
    if (c == NULL) {
        return NULL;
    }

    c->key = key;
    c->templates = t;

    return t;

failed:

    ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "page: %s", err.msg);

    return NULL;
}


static void
ngx_http_page_free_arena(void *data)
{
    page_arena_free(data);
}


static void *
ngx_http_page_create_main_conf(ngx_conf_t *cf)
{
    long                        n;
    ngx_uint_t                  i;
    ngx_md5_t                   md5;
    ngx_time_t                 *tp;
    ngx_http_page_main_conf_t  *pmcf;

    pmcf = ngx_pcalloc(cf->pool, sizeof(ngx_http_page_main_conf_t));
    if (pmcf == NULL) {
        return NULL;
    }

    /*
     * The configuration generation: this cycle, the process, the time,
     * a count and random bits, so that no two configurations read by any
     * nginx sharing the zone get the same one.
     */

    tp = ngx_timeofday();
    ngx_http_page_generations++;

    ngx_md5_init(&md5);
    ngx_md5_update(&md5, &cf->cycle, sizeof(ngx_cycle_t *));
    ngx_md5_update(&md5, &ngx_pid, sizeof(ngx_pid_t));
    ngx_md5_update(&md5, tp, sizeof(ngx_time_t));
    ngx_md5_update(&md5, &ngx_http_page_generations, sizeof(ngx_uint_t));

    for (i = 0; i < 4; i++) {
        n = ngx_random();
        ngx_md5_update(&md5, &n, sizeof(long));
    }

    ngx_md5_final(pmcf->generation, &md5);

    if (ngx_array_init(&pmcf->compiled, cf->pool, 4,
                       sizeof(ngx_http_page_compiled_t))
        != NGX_OK)
    {
        return NULL;
    }

    return pmcf;
}


static void *
ngx_http_page_create_conf(ngx_conf_t *cf)
{
    ngx_http_page_loc_conf_t  *conf;

    conf = ngx_pcalloc(cf->pool, sizeof(ngx_http_page_loc_conf_t));
    if (conf == NULL) {
        return NULL;
    }

    /*
     * set by ngx_pcalloc():
     *
     *     conf->types = { NULL };
     *     conf->types_keys = NULL;
     *     conf->templates = NULL;
     *     conf->layout = { 0, NULL };
     *     conf->site_title = { 0, NULL };
     */

    conf->enable = NGX_CONF_UNSET;
    conf->template_dirs = NGX_CONF_UNSET_PTR;
    conf->params = NGX_CONF_UNSET_PTR;
    conf->unsafe_html = NGX_CONF_UNSET;
    conf->max_size = NGX_CONF_UNSET_SIZE;
    conf->last_modified = NGX_CONF_UNSET;
    conf->debug = NGX_CONF_UNSET;
    conf->cache = NGX_CONF_UNSET_PTR;

    return conf;
}


static char *
ngx_http_page_merge_conf(ngx_conf_t *cf, void *parent, void *child)
{
    ngx_http_page_loc_conf_t *prev = parent;
    ngx_http_page_loc_conf_t *conf = child;

    ngx_conf_merge_value(conf->enable, prev->enable, 0);

    if (ngx_http_merge_types(cf, &conf->types_keys, &conf->types,
                             &prev->types_keys, &prev->types,
                             ngx_http_page_default_types)
        != NGX_OK)
    {
        return NGX_CONF_ERROR;
    }

    ngx_conf_merge_ptr_value(conf->template_dirs, prev->template_dirs, NULL);

    conf->templates = ngx_http_page_compile(cf, conf->template_dirs);
    if (conf->templates == NULL) {
        return NGX_CONF_ERROR;
    }

    ngx_conf_merge_str_value(conf->layout, prev->layout, "single");
    ngx_conf_merge_ptr_value(conf->params, prev->params, NULL);
    ngx_conf_merge_str_value(conf->site_title, prev->site_title, "");
    ngx_conf_merge_value(conf->unsafe_html, prev->unsafe_html, 0);
    ngx_conf_merge_size_value(conf->max_size, prev->max_size,
                              4 * 1024 * 1024);
    ngx_conf_merge_value(conf->last_modified, prev->last_modified, 0);
    ngx_conf_merge_value(conf->debug, prev->debug, 0);
    ngx_conf_merge_ptr_value(conf->cache, prev->cache, NULL);

    if (conf->max_size == 0) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "\"page_max_size\" must be more than 0");
        return NGX_CONF_ERROR;
    }

    return NGX_CONF_OK;
}


static ngx_int_t
ngx_http_page_init(ngx_conf_t *cf)
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
