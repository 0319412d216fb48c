
/*
 * ngx_http_page_module: renders Hugo-style content (Markdown with YAML
 * front matter) into complete HTML pages at request time.
 *
 * The nginx glue: this file owns the directives and the configuration;
 * the filters are in ngx_http_page_filter.c, the render cache in
 * ngx_http_page_cache.c.  Everything about content lives in src/
 * (page_render()).
 */

#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>
#include <ngx_md5.h>

#include "ngx_http_page_module.h"


/*
 * Most page_param directives in one location: .Site.Params is a handful
 * of settings, and each costs a variable evaluation per request.
 */
#define NGX_HTTP_PAGE_MAX_PARAMS  256

static char *ngx_http_page_param(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_page_templates(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static void ngx_http_page_free_arena(void *data);
static void *ngx_http_page_create_main_conf(ngx_conf_t *cf);
static void *ngx_http_page_create_conf(ngx_conf_t *cf);
static char *ngx_http_page_merge_conf(ngx_conf_t *cf, void *parent,
    void *child);
static ngx_int_t ngx_http_page_init(ngx_conf_t *cf);
static void ngx_http_page_exit_process(ngx_cycle_t *cycle);


static ngx_str_t  ngx_http_page_default_types[] = {
    ngx_string("text/markdown"),
    ngx_null_string
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

    { ngx_string("page_inline_shortcodes"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_conf_set_flag_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_page_loc_conf_t, inline_shortcodes),
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

    { ngx_string("page_drafts"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_conf_set_flag_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_page_loc_conf_t, drafts),
      NULL },

    { ngx_string("page_future"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_conf_set_flag_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_page_loc_conf_t, future),
      NULL },

    { ngx_string("page_expired"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_conf_set_flag_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_page_loc_conf_t, expired),
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

    { ngx_string("page_site"),
      NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_page_site,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("page_site_check"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_msec_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_page_loc_conf_t, site_check),
      NULL },

    { ngx_string("page_site_publish"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_path_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_page_loc_conf_t, site_publish),
      NULL },

    { ngx_string("page_site_environment"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_str_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_page_loc_conf_t, site_env),
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
    ngx_http_page_install_claim,           /* init module */
    NULL,                                  /* init process */
    NULL,                                  /* init thread */
    NULL,                                  /* exit thread */
    ngx_http_page_exit_process,            /* exit process */
    NULL,                                  /* exit master */
    NGX_MODULE_V1_PADDING
};


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


/*
 * Read and compile the layouts directories (then the built-in theme) once
 * per distinct list; a broken template fails the configuration with its
 * file:line:col.
 */
page_templates_t *
ngx_http_page_compile(ngx_conf_t *cf, ngx_array_t *dirs)
{
    u_char                     *p;
    size_t                      len;
    ngx_str_t                  *dir, key;
    ngx_uint_t                  i, n, failed;
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

    /*
     * Every directory is read and everything compiled even after an
     * error, so that one nginx -t reports them all.
     */
    failed = 0;

    for (i = 0; i < n; i++) {
        if (page_templates_add_dir(t, (const char *) dir[i].data, &err)
            != 0)
        {
            if (err.status == PAGE_ERR_NOMEM
                || page_templates_nerrors(t) == 0)
            {
                goto failed;
            }
            failed = 1;
        }
    }

    if (page_templates_add_files(t, "(built-in theme)", page_builtin_theme,
                                 page_builtin_theme_count, &err)
        != 0
        || page_templates_compile(t, &err) != 0
        || failed)
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

    /* every template error, one line each, so that one run shows all */

    n = t ? page_templates_nerrors(t) : 0;

    for (i = 0; i < n; i++) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "page: %s",
                           page_templates_error(t, i));
    }

    if (n == 0) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "page: %s", err.msg);
    }

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
     *     conf->site_dir = { 0, NULL };
     *     conf->site_prefix = { 0, NULL };
     *     conf->site_env = { 0, NULL };
     *     conf->site_publish = NULL;
     *     conf->site = NULL;
     */

    conf->enable = NGX_CONF_UNSET;
    conf->template_dirs = NGX_CONF_UNSET_PTR;
    conf->params = NGX_CONF_UNSET_PTR;
    conf->unsafe_html = NGX_CONF_UNSET;
    conf->inline_shortcodes = NGX_CONF_UNSET;
    conf->max_size = NGX_CONF_UNSET_SIZE;
    conf->last_modified = NGX_CONF_UNSET;
    conf->debug = NGX_CONF_UNSET;
    conf->drafts = NGX_CONF_UNSET;
    conf->future = NGX_CONF_UNSET;
    conf->expired = NGX_CONF_UNSET;
    conf->cache = NGX_CONF_UNSET_PTR;
    conf->site_check = NGX_CONF_UNSET_MSEC;

    return conf;
}


static char *
ngx_http_page_merge_conf(ngx_conf_t *cf, void *parent, void *child)
{
    ngx_http_page_loc_conf_t *prev = parent;
    ngx_http_page_loc_conf_t *conf = child;

    ngx_array_t  *dirs;

    ngx_conf_merge_value(conf->enable, prev->enable, 0);

    if (ngx_http_merge_types(cf, &conf->types_keys, &conf->types,
                             &prev->types_keys, &prev->types,
                             ngx_http_page_default_types)
        != NGX_OK)
    {
        return NGX_CONF_ERROR;
    }

    ngx_conf_merge_ptr_value(conf->template_dirs, prev->template_dirs, NULL);

    /* page_site: its layouts and its themes' after page_templates */
    dirs = conf->template_dirs;

    if (ngx_http_page_site_merge(cf, prev, conf, &dirs) != NGX_CONF_OK) {
        return NGX_CONF_ERROR;
    }

    conf->templates = ngx_http_page_compile(cf, dirs);
    if (conf->templates == NULL) {
        return NGX_CONF_ERROR;
    }

    ngx_conf_merge_str_value(conf->layout, prev->layout, "single");
    ngx_conf_merge_ptr_value(conf->params, prev->params, NULL);
    ngx_conf_merge_str_value(conf->site_title, prev->site_title, "");
    ngx_conf_merge_value(conf->unsafe_html, prev->unsafe_html, 0);
    ngx_conf_merge_value(conf->inline_shortcodes, prev->inline_shortcodes,
                         0);
    ngx_conf_merge_size_value(conf->max_size, prev->max_size,
                              4 * 1024 * 1024);
    ngx_conf_merge_value(conf->last_modified, prev->last_modified, 0);
    ngx_conf_merge_value(conf->debug, prev->debug, 0);
    ngx_conf_merge_value(conf->drafts, prev->drafts, 0);
    ngx_conf_merge_value(conf->future, prev->future, 0);
    ngx_conf_merge_value(conf->expired, prev->expired, 0);
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
    return ngx_http_page_filter_init(cf);
}


/*
 * A worker (or nginx without a master process) exits: what the core keeps
 * for the process's life goes, so a memory checker sees nothing left.
 */
static void
ngx_http_page_exit_process(ngx_cycle_t *cycle)
{
    page_exit();
}
