
/*
 * ngx_http_page_module.h: what the nginx glue's files share: the
 * configuration, the per-request context, and the functions one file
 * calls in another.  ngx_http_page_module.c owns the directives and the
 * configuration, ngx_http_page_filter.c the header and body filters,
 * ngx_http_page_inflate.c compressed sources, ngx_http_page_cache.c the
 * render cache, ngx_http_page_site.c the content handler of page_site.
 */

#ifndef NGX_HTTP_PAGE_MODULE_H
#define NGX_HTTP_PAGE_MODULE_H

#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "page.h"
#include "page_data.h"
#include "page_templates.h"
#include "page_config.h"
#include "page_site_index.h"


/* Bytes of the configuration generation in every cache key. */
#define NGX_HTTP_PAGE_CACHE_GEN  16

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


/* A page_site: the project's configuration, and this worker's index. */
typedef struct {
    ngx_str_t                  dir;        /* the site directory */
    ngx_str_t                  prefix;     /* the URI it lives under, no
                                              trailing "/" ("" the root) */
    ngx_str_t                  environment;
    page_arena_t               arena;      /* cfg's */
    page_config_t              cfg;
    ngx_array_t                statics;    /* ngx_str_t: static/ of the
                                              site, then of each theme */
    const char               **assets;     /* assets/ likewise */
    size_t                     nassets;
    page_site_t                index;      /* built on first use */
    ngx_str_t                  publish;    /* its page_site_publish
                                              subdirectory */
    unsigned                   built:1;
} ngx_http_page_site_t;


typedef struct {
    ngx_array_t                compiled;   /* ngx_http_page_compiled_t */

    /*
     * Differs for every configuration nginx reads, so that pages rendered
     * with the templates and directives of an earlier configuration are
     * never found after a reload (they age out of the zone).
     */
    u_char                     generation[NGX_HTTP_PAGE_CACHE_GEN];
} ngx_http_page_main_conf_t;


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
    ngx_flag_t                 inline_shortcodes; /* page_inline_... */
    size_t                     max_size;
    ngx_flag_t                 last_modified;
    ngx_flag_t                 debug;
    ngx_flag_t                 drafts;     /* page_drafts */
    ngx_flag_t                 future;     /* page_future */
    ngx_flag_t                 expired;    /* page_expired */
    ngx_shm_zone_t            *cache;      /* page_cache; NULL: off */
    ngx_str_t                  site_dir;   /* page_site */
    ngx_str_t                  site_prefix;
    ngx_msec_t                 site_check; /* page_site_check */
    ngx_str_t                  site_env;   /* page_site_environment */
    ngx_http_page_site_t      *site;       /* NULL: no page_site */
    ngx_path_t                *site_publish;   /* page_site_publish */
} ngx_http_page_loc_conf_t;


/* ctx->encoding: the Content-Encoding of the source */
#define NGX_HTTP_PAGE_ENC_NONE     0
#define NGX_HTTP_PAGE_ENC_GZIP     1
#define NGX_HTTP_PAGE_ENC_DEFLATE  2
#define NGX_HTTP_PAGE_ENC_UNKNOWN  3


typedef struct {
    ngx_http_request_t        *request;
    u_char                    *body;        /* the source, decompressed */
    size_t                     len;
    size_t                     size;
    ngx_uint_t                 status;      /* the status the page keeps */
    void                      *zstream;     /* z_stream of a gzip source */
    ngx_str_t                  key;         /* cache key; empty: none */
    page_param_t              *params;      /* evaluated page_param */
    size_t                     nparams;
    time_t                     until;       /* published until; 0: ever */
    unsigned                   take:1;      /* this response is rendered */
    unsigned                   held:1;      /* its header is held */
    unsigned                   encoding:2;  /* NGX_HTTP_PAGE_ENC_* */
    unsigned                   zraw:1;      /* deflate without zlib header */
    unsigned                   zended:1;    /* the stream is at its end */
    unsigned                   params_done:1;
    unsigned                   key_body:1;  /* key ends in a body hash */
    unsigned                   key_hashed:1;/* ... which is written */
    unsigned                   key_late:1;  /* look up after the body */
    unsigned                   cache:2;     /* NGX_HTTP_PAGE_CACHE_* */
    unsigned                   done:1;      /* rendered, or failed */
    unsigned                   sent:1;      /* our own answer went out */
} ngx_http_page_ctx_t;


extern ngx_module_t  ngx_http_page_module;


/* ngx_http_page_filter.c */
ngx_int_t ngx_http_page_filter_init(ngx_conf_t *cf);
void ngx_http_page_source_name(ngx_http_request_t *r, ngx_str_t *name,
    size_t *root);
ngx_str_t *ngx_http_page_log_uri(ngx_http_request_t *r);
ngx_int_t ngx_http_page_base_url(ngx_http_request_t *r, ngx_str_t *url);
ngx_int_t ngx_http_page_params(ngx_http_request_t *r,
    ngx_http_page_loc_conf_t *conf, page_param_t **params, size_t *n);
ngx_int_t ngx_http_page_reserve(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx, size_t size);
ngx_int_t ngx_http_page_install_claim(ngx_cycle_t *cycle);

/* ngx_http_page_module.c */
page_templates_t *ngx_http_page_compile(ngx_conf_t *cf, ngx_array_t *dirs);

/* ngx_http_page_site.c */
char *ngx_http_page_site(ngx_conf_t *cf, ngx_command_t *cmd, void *conf);
char *ngx_http_page_site_merge(ngx_conf_t *cf,
    ngx_http_page_loc_conf_t *prev, ngx_http_page_loc_conf_t *conf,
    ngx_array_t **dirs);

ngx_int_t ngx_http_page_site_file(ngx_http_request_t *r, ngx_str_t *name);

/* ngx_http_page_site_publish.c */
ngx_int_t ngx_http_page_site_publish_init(ngx_conf_t *cf,
    ngx_http_page_loc_conf_t *prev, ngx_http_page_loc_conf_t *conf);
void ngx_http_page_site_publish(ngx_http_request_t *r,
    ngx_http_page_site_t *site, const page_published_t *pub);
ngx_int_t ngx_http_page_site_resource(ngx_http_request_t *r,
    ngx_http_page_site_t *site, u_char *path, size_t len);

/* ngx_http_page_inflate.c */
ngx_uint_t ngx_http_page_encoding(ngx_http_request_t *r);
ngx_int_t ngx_http_page_inflate_init(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx);
ngx_int_t ngx_http_page_inflate(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx, u_char *data, size_t len);
ngx_int_t ngx_http_page_inflate_end(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx);

/* ngx_http_page_cache.c */
char *ngx_http_page_cache_zone(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
char *ngx_http_page_cache(ngx_conf_t *cf, ngx_command_t *cmd, void *conf);
ngx_int_t ngx_http_page_cache_key(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx, ngx_http_page_loc_conf_t *conf);
ngx_int_t ngx_http_page_cache_key_make(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx, ngx_str_t *part, ngx_uint_t n);
ngx_int_t ngx_http_page_cache_get(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx, ngx_http_page_loc_conf_t *conf,
    ngx_buf_t **out);
void ngx_http_page_cache_put(ngx_http_request_t *r, ngx_http_page_ctx_t *ctx,
    ngx_http_page_loc_conf_t *conf, const char *page, size_t len,
    time_t until);


#endif /* NGX_HTTP_PAGE_MODULE_H */
