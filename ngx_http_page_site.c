
/*
 * ngx_http_page_site.c: the content handler of page_site locations.  At
 * configuration time the Hugo project's configuration is read (a broken
 * one fails nginx -t with its file:line:col) and its layouts are named
 * for compiling; per worker the site's index is built on first use and
 * kept fresh (page_site_refresh); each request is looked up in it:
 * pages are rendered by the core, redirects answered with 301, and
 * everything else served from static/ (the site's, then each theme's)
 * or from a leaf bundle's directory, as nginx's static module serves a
 * file (open_file_cache, sendfile, ranges, If-Modified-Since), else 404.
 */

#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_page_module.h"
#include "page_site_data.h"
#include "page_site_feed.h"


/*
 * Seconds after its last change during which a content file's page is
 * not put in page_cache: a second edit within the same second would keep
 * the same version (mtime, size) in the key.
 */
#define NGX_HTTP_PAGE_SITE_FRESH  2

static ngx_int_t ngx_http_page_site_handler(ngx_http_request_t *r);
static ngx_int_t ngx_http_page_site_key(ngx_http_request_t *r,
    ngx_http_page_loc_conf_t *conf, ngx_http_page_site_t *site,
    ngx_open_file_info_t *of, ngx_http_page_ctx_t *ctx);
static ngx_int_t ngx_http_page_site_page(ngx_http_request_t *r,
    ngx_http_page_loc_conf_t *conf, ngx_http_page_site_t *site,
    page_site_match_t *m, const char *output, ngx_uint_t status);
static ngx_int_t ngx_http_page_site_not_found(ngx_http_request_t *r,
    ngx_http_page_loc_conf_t *conf, ngx_http_page_site_t *site,
    u_char *path, size_t len);
static ngx_int_t ngx_http_page_site_sitemap_index(ngx_http_request_t *r,
    ngx_http_page_site_t *site);
static ngx_int_t ngx_http_page_site_redirect(ngx_http_request_t *r,
    ngx_http_page_site_t *site, page_site_match_t *m);
static ngx_int_t ngx_http_page_site_static(ngx_http_request_t *r,
    ngx_http_page_site_t *site, u_char *path, size_t len);
static ngx_int_t ngx_http_page_site_dir(ngx_pool_t *pool,
    ngx_http_page_site_t *site, ngx_uint_t i, const char *sub, ngx_str_t *out);
static ngx_int_t ngx_http_page_site_join(ngx_pool_t *pool, ngx_str_t *out,
    ngx_str_t *a, const char *b, size_t blen);
static ngx_int_t ngx_http_page_site_is_dir(ngx_conf_t *cf, ngx_str_t *dir);
static ngx_int_t ngx_http_page_site_robots(ngx_http_request_t *r,
    ngx_http_page_site_t *site);
static ngx_int_t ngx_http_page_site_send(ngx_http_request_t *r, ngx_buf_t *b,
    char *type, size_t type_len);
static void ngx_http_page_site_cleanup(void *data);


/*
 * "page_site DIR": in a location the site lives under its prefix; in a
 * server under baseURL's path (set when the configuration is read).
 */
char *
ngx_http_page_site(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_page_loc_conf_t *plcf = conf;

    ngx_str_t                 *value;
    ngx_http_core_loc_conf_t  *clcf;

    if (plcf->site_dir.data) {
        return "is duplicate";
    }

    value = cf->args->elts;

    if (value[1].len == 0) {
        return "has an empty directory";
    }

    plcf->site_dir = value[1];

    /* relative to the prefix, as "root" is */
    if (ngx_conf_full_name(cf->cycle, &plcf->site_dir, 0) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    ngx_str_set(&plcf->site_prefix, "");

    if (cf->cmd_type & NGX_HTTP_LOC_CONF) {
        clcf = ngx_http_conf_get_module_loc_conf(cf, ngx_http_core_module);

#if (NGX_PCRE)
        if (clcf->regex) {
            return "cannot be used in a regular expression location";
        }
#endif

        if (clcf->named) {
            return "cannot be used in a named location";
        }

        plcf->site_prefix = clcf->name;

        while (plcf->site_prefix.len
               && plcf->site_prefix.data[plcf->site_prefix.len - 1] == '/')
        {
            plcf->site_prefix.len--;
        }

        /* a marker that the prefix is the location's */
        if (plcf->site_prefix.len == 0) {
            ngx_str_set(&plcf->site_prefix, "/");
        }
    }

    return NGX_CONF_OK;
}


/*
 * Merge the page_site directives; read the project's configuration where
 * page_site is set (inherited ones share their parent's); and give the
 * layouts directories to compile: page_templates', then the site's
 * layouts/, then each theme's (the built-in theme comes last).
 */
char *
ngx_http_page_site_merge(ngx_conf_t *cf, ngx_http_page_loc_conf_t *prev,
    ngx_http_page_loc_conf_t *conf, ngx_array_t **dirs)
{
    size_t                     i, n, nuser;
    ngx_str_t                 *d, sub;
    page_error_t               err;
    ngx_pool_cleanup_t        *cln;
    ngx_http_page_site_t      *site;
    ngx_http_core_loc_conf_t  *clcf;

    ngx_conf_merge_msec_value(conf->site_check, prev->site_check, 1000);
    ngx_conf_merge_str_value(conf->site_env, prev->site_env, "production");

    if (conf->site_dir.data == NULL) {
        conf->site_dir = prev->site_dir;
        conf->site_prefix = prev->site_prefix;

        if (conf->site_dir.data == NULL) {
            return NGX_CONF_OK;
        }

        if (prev->site && prev->site->environment.len == conf->site_env.len
            && ngx_strncmp(prev->site->environment.data,
                           conf->site_env.data, conf->site_env.len) == 0)
        {
            conf->site = prev->site;
            goto layouts;
        }
    }

    site = ngx_pcalloc(cf->pool, sizeof(ngx_http_page_site_t));
    cln = ngx_pool_cleanup_add(cf->pool, 0);
    if (site == NULL || cln == NULL) {
        return NGX_CONF_ERROR;
    }

    page_arena_init(&site->arena, 0);
    cln->handler = ngx_http_page_site_cleanup;
    cln->data = site;

    site->dir = conf->site_dir;
    site->environment = conf->site_env;

    page_error_init(&err);

    if (page_config_load(&site->arena, (const char *) site->dir.data,
                         (const char *) site->environment.data, &site->cfg,
                         &err)
        != 0)
    {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "page: %s", err.msg);
        return NGX_CONF_ERROR;
    }

    if (conf->site_prefix.len == 1 && conf->site_prefix.data[0] == '/') {
        ngx_str_set(&site->prefix, "");

    } else if (conf->site_prefix.len) {
        site->prefix = conf->site_prefix;

    } else {
        /* in a server: baseURL's path, "/blog/" -> "/blog" */
        site->prefix.data = (u_char *) site->cfg.base_path;
        site->prefix.len = ngx_strlen(site->cfg.base_path);

        while (site->prefix.len
               && site->prefix.data[site->prefix.len - 1] == '/')
        {
            site->prefix.len--;
        }
    }

    /* static/ and assets/: the site's, then each theme's, when they exist */

    if (ngx_array_init(&site->statics, cf->pool, 4, sizeof(ngx_str_t))
        != NGX_OK)
    {
        return NGX_CONF_ERROR;
    }

    site->assets = ngx_pcalloc(cf->pool,
                               (site->cfg.nthemes + 1) * sizeof(char *));
    if (site->assets == NULL) {
        return NGX_CONF_ERROR;
    }

    for (i = 0; i <= site->cfg.nthemes; i++) {
        if (ngx_http_page_site_dir(cf->pool, site, i, "static", &sub)
            != NGX_OK)
        {
            return NGX_CONF_ERROR;
        }

        if (ngx_http_page_site_is_dir(cf, &sub)) {
            d = ngx_array_push(&site->statics);
            if (d == NULL) {
                return NGX_CONF_ERROR;
            }

            *d = sub;
        }

        if (ngx_http_page_site_dir(cf->pool, site, i, "assets", &sub)
            != NGX_OK)
        {
            return NGX_CONF_ERROR;
        }

        if (ngx_http_page_site_is_dir(cf, &sub)) {
            site->assets[site->nassets++] = (const char *) sub.data;
        }
    }

    conf->site = site;

    if (ngx_http_page_site_publish_init(cf, prev, conf) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

layouts:

    site = conf->site;

    nuser = *dirs ? (*dirs)->nelts : 0;
    n = nuser + site->cfg.nthemes + 1;

    d = *dirs ? (*dirs)->elts : NULL;
    *dirs = ngx_array_create(cf->pool, n, sizeof(ngx_str_t));
    if (*dirs == NULL) {
        return NGX_CONF_ERROR;
    }

    /* ngx_array_create() made room for n: pushes cannot fail */
    for (i = 0; i < nuser; i++) {
        *(ngx_str_t *) ngx_array_push(*dirs) = d[i];
    }

    for (i = 0; i <= site->cfg.nthemes; i++) {
        if (ngx_http_page_site_dir(cf->pool, site, i, "layouts", &sub)
            != NGX_OK)
        {
            return NGX_CONF_ERROR;
        }

        if (ngx_http_page_site_is_dir(cf, &sub)) {
            *(ngx_str_t *) ngx_array_push(*dirs) = sub;
        }
    }

    /*
     * A location of its own (proxy_pass, ...) keeps its handler, and so
     * does one that inherits page_site but lies outside the site's
     * prefix (location /files/ in a server whose site is under /blog).
     */

    clcf = ngx_http_conf_get_module_loc_conf(cf, ngx_http_core_module);

    if (clcf->handler == NULL
        && (clcf->name.len == 0
            || (clcf->name.len >= site->prefix.len
                && ngx_strncmp(clcf->name.data, site->prefix.data,
                               site->prefix.len) == 0)))
    {
        clcf->handler = ngx_http_page_site_handler;
    }

    return NGX_CONF_OK;
}


static ngx_int_t
ngx_http_page_site_handler(ngx_http_request_t *r)
{
    size_t                     len;
    u_char                    *path;
    ngx_int_t                  rc;
    ngx_time_t                *tp;
    page_error_t               err;
    page_site_match_t          m;
    ngx_http_page_site_t      *site;
    ngx_http_page_loc_conf_t  *conf;

    if (!(r->method & (NGX_HTTP_GET|NGX_HTTP_HEAD))) {
        return NGX_HTTP_NOT_ALLOWED;
    }

    conf = ngx_http_get_module_loc_conf(r, ngx_http_page_module);
    site = conf->site;

    if (site == NULL) {
        return NGX_DECLINED;
    }

    rc = ngx_http_discard_request_body(r);

    if (rc != NGX_OK) {
        return rc;
    }

    if (r->uri.len < site->prefix.len
        || ngx_strncmp(r->uri.data, site->prefix.data, site->prefix.len)
           != 0
        || (r->uri.len > site->prefix.len
            && r->uri.data[site->prefix.len] != '/'))
    {
        return NGX_HTTP_NOT_FOUND;
    }

    path = r->uri.data + site->prefix.len;
    len = r->uri.len - site->prefix.len;

    if (len == 0) {
        /* "/blog": the site's root is "/blog/" */
        ngx_memzero(&m, sizeof(page_site_match_t));
        m.what = PAGE_SITE_REDIRECT;
        return ngx_http_page_site_redirect(r, site, &m);
    }

    tp = ngx_timeofday();
    page_error_init(&err);

    /* this worker's index: built on first use, then kept fresh */

    if (!site->built) {
        if (page_site_build(&site->index, &site->cfg,
                            (const char *) site->dir.data, tp->sec, &err)
            != 0)
        {
            ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                          "page: %s", err.msg);
            page_site_free(&site->index);
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        site->built = 1;

    } else if (page_site_refresh(&site->index,
                                 (int64_t) tp->sec * 1000 + tp->msec,
                                 conf->site_check, &err)
               != 0)
    {
        /* the old index is kept: the site still answers */
        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                      "page: %s", err.msg);
    }

    switch (page_site_lookup(&site->index, (const char *) path, len, &m)) {

    case PAGE_SITE_HTML:
    case PAGE_SITE_PAGER:
        rc = ngx_http_page_site_page(r, conf, site, &m, NULL, NGX_HTTP_OK);
        break;

    case PAGE_SITE_REDIRECT:
        if (m.pager == 1) {
            /*
             * "/posts/page/1/": hugo's alias page of a list that
             * paginates (none with pagination.disableAliases): the
             * render tells, then the 301
             */
            if (!page_site_pager_aliases(&site->cfg)) {
                rc = NGX_HTTP_NOT_FOUND;
                break;
            }

            rc = ngx_http_page_site_page(r, conf, site, &m, NULL,
                                         NGX_HTTP_OK);
            break;
        }

        return ngx_http_page_site_redirect(r, site, &m);

    case PAGE_SITE_ROBOTS:
        if (page_site_feed_has_layout(conf->templates, &site->index, m.page,
                                      PAGE_OUTPUT_ROBOTS))
        {
            /* the site's or its theme's robots.txt layout */
            rc = ngx_http_page_site_page(r, conf, site, &m,
                                         PAGE_OUTPUT_ROBOTS, NGX_HTTP_OK);
            break;
        }

        return ngx_http_page_site_robots(r, site);

    case PAGE_SITE_RSS:
        rc = ngx_http_page_site_page(r, conf, site, &m, PAGE_OUTPUT_RSS,
                                     NGX_HTTP_OK);
        break;

    case PAGE_SITE_SITEMAP:
        if (m.page == NULL) {
            return ngx_http_page_site_sitemap_index(r, site);
        }

        rc = ngx_http_page_site_page(r, conf, site, &m, PAGE_OUTPUT_SITEMAP,
                                     NGX_HTTP_OK);
        break;

    case PAGE_SITE_FORMAT:
        /* JSON, CSV, calendars: with the site's layout for the format */
        if (page_site_feed_has_layout(conf->templates, &site->index, m.page,
                                      m.format))
        {
            rc = ngx_http_page_site_page(r, conf, site, &m, m.format,
                                         NGX_HTTP_OK);
            break;
        }

        ngx_log_debug1(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                       "page site: no layout for \"%V\"", &r->uri);
        rc = NGX_HTTP_NOT_FOUND;
        break;

    default:  /* PAGE_SITE_HIDDEN, PAGE_SITE_NONE */
        rc = ngx_http_page_site_static(r, site, path, len);
        break;
    }

    if (rc == NGX_HTTP_NOT_FOUND) {
        return ngx_http_page_site_not_found(r, conf, site, path, len);
    }

    return rc;
}


/*
 * Nothing under the site answers: the site's 404 layout, rendered as
 * Hugo renders /404.html for the path's language, with status 404
 * ("/404.html" itself: 200, as a server of hugo's public/ answers it).
 * nginx's own 404 (error_page applies) when the location has an
 * error_page for 404, when disableKinds has 404 or when no layout
 * directory has a 404 layout.
 */
static ngx_int_t
ngx_http_page_site_not_found(ngx_http_request_t *r,
    ngx_http_page_loc_conf_t *conf, ngx_http_page_site_t *site, u_char *path,
    size_t len)
{
    size_t                     lang;
    ngx_int_t                  rc;
    ngx_uint_t                 i, status;
    page_site_match_t          m;
    ngx_http_err_page_t       *err_page;
    ngx_http_core_loc_conf_t  *clcf;

    clcf = ngx_http_get_module_loc_conf(r, ngx_http_core_module);

    if (clcf->error_pages) {
        err_page = clcf->error_pages->elts;

        for (i = 0; i < clcf->error_pages->nelts; i++) {
            if (err_page[i].status == NGX_HTTP_NOT_FOUND) {
                return NGX_HTTP_NOT_FOUND;
            }
        }
    }

    if (r->error_page || (site->cfg.disable_kinds & PAGE_CONFIG_NO_404)
        || site->index.nlangs == 0)
    {
        return NGX_HTTP_NOT_FOUND;
    }

    lang = page_site_feed_lang_of(&site->index, (const char *) path, len);

    ngx_memzero(&m, sizeof(page_site_match_t));
    m.what = PAGE_SITE_HTML;
    m.page = site->index.langs[lang].home;

    if (m.page == NULL
        || !page_site_feed_has_layout(conf->templates, &site->index, m.page,
                                      PAGE_OUTPUT_404))
    {
        return NGX_HTTP_NOT_FOUND;
    }

    status = NGX_HTTP_NOT_FOUND;

    if (len >= 9 && ngx_strncmp(path + len - 9, "/404.html", 9) == 0
        && len - 9 == ngx_strlen(site->index.langs[lang].prefix))
    {
        status = NGX_HTTP_OK;
    }

    rc = ngx_http_page_site_page(r, conf, site, &m, PAGE_OUTPUT_404, status);

    /* a 404 layout that fails (logged): still a 404, nginx's own */
    return rc == NGX_HTTP_INTERNAL_SERVER_ERROR ? NGX_HTTP_NOT_FOUND : rc;
}


/* A multilingual site's /sitemap.xml: each language's sitemap. */
static ngx_int_t
ngx_http_page_site_sitemap_index(ngx_http_request_t *r,
    ngx_http_page_site_t *site)
{
    ngx_buf_t    *b;
    page_buf_t    pb;
    page_arena_t  a;

    page_arena_init(&a, 0);
    page_buf_init(&pb, &a, 0);

    b = ngx_calloc_buf(r->pool);

    if (b == NULL || page_site_sitemap_index(&site->index, &pb) != 0) {
        page_arena_free(&a);
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    b->pos = ngx_pnalloc(r->pool, pb.len);
    if (b->pos == NULL) {
        page_arena_free(&a);
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    b->last = ngx_cpymem(b->pos, pb.data, pb.len);
    page_arena_free(&a);

    return ngx_http_page_site_send(r, b, "application/xml",
                                   sizeof("application/xml") - 1);
}


/*
 * A page of the site, rendered: 200 text/html, as the filter answers; or
 * another output of it (page_site_feed.h): its RSS feed, its language's
 * sitemap, the 404 page (status 404, never cached: any path shows it).
 */
static ngx_int_t
ngx_http_page_site_page(ngx_http_request_t *r, ngx_http_page_loc_conf_t *conf,
    ngx_http_page_site_t *site, page_site_match_t *m, const char *output,
    ngx_uint_t status)
{
    int                        rc;
    size_t                     nparams, dlen;
    u_char                    *body, *root;
    const char                *type;
    ssize_t                    n;
    ngx_int_t                  nrc;
    ngx_buf_t                 *b;
    ngx_str_t                  name, rootdir;
    ngx_file_t                 file;
    ngx_chain_t                out;
    page_param_t              *params;
    page_result_t              res;
    page_options_t             opt;
    page_site_page_t          *p;
    ngx_table_elt_t           *h;
    ngx_http_page_ctx_t       *ctx;
    ngx_open_file_info_t       of;
    ngx_http_core_loc_conf_t  *clcf;
    const page_config_lang_t  *lang;

    static ngx_str_t  cache_status[] = {
        ngx_string("OFF"), ngx_string("MISS"), ngx_string("HIT"),
        ngx_string("BYPASS")
    };

    p = m->page;
    ctx = NULL;
    b = NULL;
    ngx_memzero(&of, sizeof(ngx_open_file_info_t));

    if (p == NULL || p->file == NULL
        || (output != NULL && (ngx_strcmp(output, PAGE_OUTPUT_SITEMAP) == 0
                               || ngx_strcmp(output, PAGE_OUTPUT_ROBOTS) == 0
                               || ngx_strcmp(output, PAGE_OUTPUT_404) == 0)))
    {
        /*
         * a page Hugo makes without a file (a section without _index.md,
         * a taxonomy, a term, a sitemap, the 404 page): rendered from an
         * empty source
         */
        body = (u_char *) "";
        n = 0;
        ngx_str_null(&name);
        ngx_str_null(&rootdir);
        goto render;
    }

    /* the file, read afresh, with the location's symlink rules */

    rootdir.data = (u_char *) site->index.root;
    rootdir.len = ngx_strlen(site->index.root);

    if (ngx_http_page_site_join(r->pool, &name, &rootdir, p->file,
                                ngx_strlen(p->file))
        != NGX_OK)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    clcf = ngx_http_get_module_loc_conf(r, ngx_http_core_module);

    of.read_ahead = clcf->read_ahead;
    of.directio = NGX_MAX_OFF_T_VALUE;
    of.valid = clcf->open_file_cache_valid;
    of.min_uses = clcf->open_file_cache_min_uses;
    of.errors = clcf->open_file_cache_errors;
    of.events = clcf->open_file_cache_events;

    if (ngx_http_set_disable_symlinks(r, clcf, &name, &of) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

#if (NGX_HAVE_OPENAT)
    /*
     * The index follows no link under the site (its root is a real
     * path): nor does the read, whatever disable_symlinks says, so that a
     * file swapped for a link since the index was built is not followed.
     */
    of.disable_symlinks = NGX_DISABLE_SYMLINKS_ON;
    of.disable_symlinks_from = rootdir.len;
#endif

    if (ngx_open_cached_file(clcf->open_file_cache, &name, &of, r->pool)
        != NGX_OK)
    {
        if (of.err == NGX_ENOENT || of.err == NGX_ENOTDIR) {
            /* removed since the index was built: gone */
            return NGX_HTTP_NOT_FOUND;
        }

        ngx_log_error(NGX_LOG_ERR, r->connection->log, of.err,
                      "page: %s \"%s\" failed", of.failed, name.data);
        return of.err == NGX_EACCES || of.err == NGX_ELOOP
               || of.err == NGX_EMLINK
               ? NGX_HTTP_FORBIDDEN : NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (!of.is_file || of.size > (off_t) conf->max_size) {
        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                      "page: \"%s\" is %s", name.data,
                      of.is_file ? "larger than page_max_size"
                                 : "not a file");
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    r->headers_out.last_modified_time = of.mtime;

    if (conf->cache && status == NGX_HTTP_OK
        && m->what != PAGE_SITE_REDIRECT) {
        ctx = ngx_pcalloc(r->pool, sizeof(ngx_http_page_ctx_t));
        if (ctx == NULL
            || ngx_http_page_site_key(r, conf, site, &of, ctx) != NGX_OK)
        {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        nrc = ngx_http_page_cache_get(r, ctx, conf, &b);

        if (nrc == NGX_ERROR) {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        if (nrc == NGX_OK) {
            goto send;
        }
    }

    body = ngx_pnalloc(r->pool, (size_t) of.size + 1);
    if (body == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    ngx_memzero(&file, sizeof(ngx_file_t));
    file.fd = of.fd;
    file.name = name;
    file.log = r->connection->log;

    n = ngx_read_file(&file, body, (size_t) of.size, 0);

    if (n == NGX_ERROR) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    body[n] = '\0';

render:

    if (conf->cache && ctx == NULL && status == NGX_HTTP_OK
        && m->what != PAGE_SITE_REDIRECT) {
        /* a page Hugo makes: the index's fingerprint versions it */
        ctx = ngx_pcalloc(r->pool, sizeof(ngx_http_page_ctx_t));
        if (ctx == NULL
            || ngx_http_page_site_key(r, conf, site, NULL, ctx) != NGX_OK)
        {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        nrc = ngx_http_page_cache_get(r, ctx, conf, &b);

        if (nrc == NGX_ERROR) {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        if (nrc == NGX_OK) {
            goto send;
        }
    }

    if (ngx_http_page_params(r, conf, &params, &nparams) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    lang = &site->cfg.langs[p->lang < site->cfg.nlangs ? p->lang : 0];

    page_options_init(&opt);

    opt.path = name.len ? (const char *) name.data : p->path;
    opt.uri = (const char *) r->uri.data;
    opt.uri_len = r->uri.len;

    /* .File and ref: the file under its content directory */
    root = NULL;
    dlen = 0;

    if (p->file && name.len) {
        dlen = ngx_strlen(p->file) - ngx_strlen(p->rel);
        root = ngx_pnalloc(r->pool, rootdir.len + 1 + dlen + 1);
        if (root == NULL) {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        /* ".../site/content/" less its "/": the content directory */
        dlen = ngx_sprintf(root, "%V/%*s", &rootdir, dlen ? dlen - 1 : 0,
                           p->file)
               - root;
        root[dlen] = '\0';

        opt.file = (const char *) name.data + dlen;
        opt.file_len = name.len - dlen;
        opt.root = (const char *) root;
        opt.root_len = dlen;

    } else {
        opt.file = p->path;
        opt.file_len = ngx_strlen(p->path);
    }

    opt.templates = conf->templates;

    if (conf->site_title.len) {
        opt.site_title = (const char *) conf->site_title.data;
        opt.site_title_len = conf->site_title.len;

    } else if (lang->title) {
        opt.site_title = lang->title;
        opt.site_title_len = ngx_strlen(lang->title);
    }

    opt.base_url = site->cfg.base_url;
    opt.base_url_len = ngx_strlen(site->cfg.base_url);

    if (p->kind == PAGE_KIND_PAGE) {
        opt.layout = (const char *) conf->layout.data;
        opt.layout_len = conf->layout.len;

    } else if (p->kind != PAGE_KIND_HOME) {
        opt.layout = "list";
        opt.layout_len = sizeof("list") - 1;
    }

    /* home: its own lookup (index.html, home.html, then list.html) */

    opt.params = params;
    opt.nparams = nparams;
    opt.unsafe_html = conf->unsafe_html ? 1 : 0;
    opt.inline_shortcodes = conf->inline_shortcodes ? 1 : 0;
    opt.drafts = (conf->drafts || site->cfg.build_drafts) ? 1 : 0;
    opt.future = (conf->future || site->cfg.build_future) ? 1 : 0;
    opt.expired = (conf->expired || site->cfg.build_expired) ? 1 : 0;
    opt.now = ngx_time();
    opt.assets = site->assets;
    opt.nassets = site->nassets;
    opt.workdir = (const char *) site->dir.data;
    opt.environment = (const char *) site->environment.data;
    opt.site = &site->index;
    opt.site_page = p;
    opt.pager = m->pager;
    opt.output = output;

    rc = page_render((const char *) body, (size_t) n, &opt, &res);

    if (rc == PAGE_OK && m->pager > res.pagers) {
        /* past the last pager, or a list that does not paginate */
        page_result_free(&res);
        return NGX_HTTP_NOT_FOUND;
    }

    if (rc == PAGE_OK && m->what == PAGE_SITE_REDIRECT) {
        page_result_free(&res);
        return ngx_http_page_site_redirect(r, site, m);
    }

    if (rc == PAGE_HIDDEN) {
        ngx_log_debug1(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                       "page: %s", res.error.msg);
        page_result_free(&res);
        return NGX_HTTP_NOT_FOUND;
    }

    if (rc != PAGE_OK) {
        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0, "page: %s",
                      res.error.msg);
        page_result_free(&res);
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    b = ngx_calloc_buf(r->pool);
    if (b == NULL) {
        page_result_free(&res);
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (res.len) {
        b->pos = ngx_pnalloc(r->pool, res.len);
        if (b->pos == NULL) {
            page_result_free(&res);
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        b->start = b->pos;
        b->last = ngx_cpymem(b->pos, res.data, res.len);
        b->end = b->last;
        b->memory = 1;
    }

    if (ctx != NULL) {
        if (p->file && ngx_time() - of.mtime < NGX_HTTP_PAGE_SITE_FRESH) {
            ctx->cache = NGX_HTTP_PAGE_CACHE_BYPASS;

        } else {
            ngx_http_page_cache_put(r, ctx, conf, res.data, res.len,
                                    (time_t) res.until);
        }
    }

    ngx_http_page_site_publish(r, site, res.published);

    page_result_free(&res);

send:

    b->last_buf = (r == r->main) ? 1 : 0;
    b->last_in_chain = 1;

    if (b->pos != b->last) {
        b->memory = 1;
    }

    if (conf->debug && ctx != NULL) {
        h = ngx_list_push(&r->headers_out.headers);
        if (h == NULL) {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        h->hash = 1;
        ngx_str_set(&h->key, "X-Page-Cache");
        h->value = cache_status[ctx->cache];
    }

    r->headers_out.status = status;
    r->headers_out.content_length_n = b->last - b->pos;

    type = page_site_feed_media_type(output);
    r->headers_out.content_type.data = (u_char *) type;
    r->headers_out.content_type.len = ngx_strlen(type);
    r->headers_out.content_type_len = r->headers_out.content_type.len;
    r->headers_out.content_type_lowcase = NULL;
    ngx_str_set(&r->headers_out.charset, "utf-8");

    if (status != NGX_HTTP_OK || output != NULL) {
        /*
         * a feed, a sitemap, the 404 page: made of other pages, its
         * file's time (if any) says nothing of when it changed
         */
        r->headers_out.last_modified_time = -1;

    } else if (conf->last_modified && r->headers_out.last_modified_time > 0)
    {
        /* nginx's not_modified filter answers conditional requests */
        ngx_http_weak_etag(r);

        if (ngx_http_set_etag(r) != NGX_OK) {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        ngx_http_weak_etag(r);

    } else {
        r->headers_out.last_modified_time = -1;
    }

    nrc = ngx_http_send_header(r);

    if (nrc == NGX_ERROR || nrc > NGX_OK || r->header_only) {
        return nrc;
    }

    out.buf = b;
    out.next = NULL;

    return ngx_http_output_filter(r, &out);
}


/*
 * page_cache's key of a site page: the configuration's generation, the
 * location, baseURL, the request's path, the index's fingerprint (which
 * changes with any page the render may read: lists, menus, GetPage), the
 * content file's version (inode, size, mtime) and the page_param
 * values.
 */
static ngx_int_t
ngx_http_page_site_key(ngx_http_request_t *r, ngx_http_page_loc_conf_t *conf,
    ngx_http_page_site_t *site, ngx_open_file_info_t *of,
    ngx_http_page_ctx_t *ctx)
{
    u_char                      version[NGX_OFF_T_LEN * 3 + 4];
    ngx_str_t                   part[6];
    ngx_http_page_main_conf_t  *pmcf;

    pmcf = ngx_http_get_module_main_conf(r, ngx_http_page_module);

    if (ngx_http_page_params(r, conf, &ctx->params, &ctx->nparams)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    ctx->params_done = 1;

    part[0].data = pmcf->generation;
    part[0].len = NGX_HTTP_PAGE_CACHE_GEN;

    part[1].data = (u_char *) &conf;
    part[1].len = sizeof(ngx_http_page_loc_conf_t *);

    part[2].data = (u_char *) site->cfg.base_url;
    part[2].len = ngx_strlen(site->cfg.base_url);

    part[3] = r->uri;

    part[4].data = (u_char *) &site->index.fingerprint;
    part[4].len = sizeof(site->index.fingerprint);

    part[5].data = version;
    part[5].len = 0;

    if (of != NULL) {
        part[5].len = ngx_sprintf(version, "%uL-%O-%T",
                                  (uint64_t) of->uniq, of->size, of->mtime)
                      - version;
    }

    return ngx_http_page_cache_key_make(r, ctx, part,
                                        sizeof(part) / sizeof(ngx_str_t));
}


/*
 * robots.txt (enableRobotsTXT) without a layout of the site's: Hugo's
 * built-in template gives "User-agent: *" (no newline).
 */
static ngx_int_t
ngx_http_page_site_robots(ngx_http_request_t *r, ngx_http_page_site_t *site)
{
    ngx_buf_t  *b;

    static u_char  robots[] = "User-agent: *";

    b = ngx_calloc_buf(r->pool);
    if (b == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    b->pos = robots;
    b->last = robots + sizeof(robots) - 1;

    return ngx_http_page_site_send(r, b, "text/plain",
                                   sizeof("text/plain") - 1);
}


/* Send b (in memory) as the whole 200 answer of type type, in UTF-8. */
static ngx_int_t
ngx_http_page_site_send(ngx_http_request_t *r, ngx_buf_t *b, char *type,
    size_t type_len)
{
    ngx_int_t    rc;
    ngx_chain_t  out;

    b->memory = 1;
    b->last_buf = (r == r->main) ? 1 : 0;
    b->last_in_chain = 1;

    r->headers_out.status = NGX_HTTP_OK;
    r->headers_out.content_length_n = b->last - b->pos;
    r->headers_out.content_type.data = (u_char *) type;
    r->headers_out.content_type.len = type_len;
    r->headers_out.content_type_len = type_len;
    ngx_str_set(&r->headers_out.charset, "utf-8");

    rc = ngx_http_send_header(r);

    if (rc == NGX_ERROR || rc > NGX_OK || r->header_only) {
        return rc;
    }

    out.buf = b;
    out.next = NULL;

    return ngx_http_output_filter(r, &out);
}


/*
 * 301 to m->location under the site (an alias, the first pager), or to
 * the request's path with a "/" added (m->location NULL), its query
 * kept.
 */
static ngx_int_t
ngx_http_page_site_redirect(ngx_http_request_t *r, ngx_http_page_site_t *site,
    page_site_match_t *m)
{
    size_t            len;
    u_char           *p, *q;
    ngx_table_elt_t  *h;

    if (m->location) {
        len = site->prefix.len + ngx_strlen(m->location);

    } else {
        len = r->uri.len + 1;
    }

    if (r->args.len) {
        len += 1 + r->args.len;
    }

    /* escaped: the location is a decoded path */
    q = ngx_pnalloc(r->pool, len);
    if (q == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (m->location) {
        p = ngx_sprintf(q, "%V%s", &site->prefix, m->location);

    } else {
        p = ngx_sprintf(q, "%V/", &r->uri);
    }

    len = p - q;

    p = ngx_pnalloc(r->pool, len
                    + 2 * ngx_escape_uri(NULL, q, len, NGX_ESCAPE_URI)
                    + 1 + r->args.len);
    if (p == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    h = ngx_list_push(&r->headers_out.headers);
    if (h == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    h->hash = 1;
    ngx_str_set(&h->key, "Location");
    h->value.data = p;

    p = (u_char *) ngx_escape_uri(p, q, len, NGX_ESCAPE_URI);

    if (r->args.len) {
        *p++ = '?';
        p = ngx_cpymem(p, r->args.data, r->args.len);
    }

    h->value.len = p - h->value.data;

    ngx_http_clear_location(r);
    r->headers_out.location = h;

    return NGX_HTTP_MOVED_PERMANENTLY;
}


/*
 * What no page answers: a file of static/ (the site's, then each
 * theme's), else a page bundle's file or a published resource
 * (ngx_http_page_site_publish.c), else 404 through nginx.
 */
static ngx_int_t
ngx_http_page_site_static(ngx_http_request_t *r, ngx_http_page_site_t *site,
    u_char *path, size_t len)
{
    size_t      i;
    ngx_int_t   rc;
    ngx_str_t  *dir, name;

    dir = site->statics.elts;

    for (i = 0; i < site->statics.nelts; i++) {
        if (ngx_http_page_site_join(r->pool, &name, &dir[i],
                                    (const char *) path + 1, len - 1)
            != NGX_OK)
        {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        /* a directory of static/: its index.html, as a server of public/ */
        if (path[len - 1] == '/'
            && ngx_http_page_site_join(r->pool, &name, &name, "index.html",
                                       10)
               != NGX_OK)
        {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        rc = ngx_http_page_site_file(r, &name);

        if (rc != NGX_DECLINED) {
            return rc;
        }
    }

    /* a page bundle's file, a published resource */

    rc = ngx_http_page_site_resource(r, site, path, len);

    return rc == NGX_DECLINED ? NGX_HTTP_NOT_FOUND : rc;
}


/*
 * Serve the file name as ngx_http_static_module does: the open file
 * cache and the location's symlink rules, Last-Modified and ETag (the
 * not_modified filter), ranges (the range filter), sendfile (a file
 * buffer).  NGX_DECLINED when there is no such file.
 */
ngx_int_t
ngx_http_page_site_file(ngx_http_request_t *r, ngx_str_t *name)
{
    ngx_int_t                  rc;
    ngx_buf_t                 *b;
    ngx_chain_t                out;
    ngx_open_file_info_t       of;
    ngx_http_core_loc_conf_t  *clcf;

    clcf = ngx_http_get_module_loc_conf(r, ngx_http_core_module);

    ngx_memzero(&of, sizeof(ngx_open_file_info_t));

    of.read_ahead = clcf->read_ahead;
    of.directio = clcf->directio;
    of.valid = clcf->open_file_cache_valid;
    of.min_uses = clcf->open_file_cache_min_uses;
    of.errors = clcf->open_file_cache_errors;
    of.events = clcf->open_file_cache_events;

    if (ngx_http_set_disable_symlinks(r, clcf, name, &of) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (ngx_open_cached_file(clcf->open_file_cache, name, &of, r->pool)
        != NGX_OK)
    {
        switch (of.err) {

        case 0:
            return NGX_HTTP_INTERNAL_SERVER_ERROR;

        case NGX_ENOENT:
        case NGX_ENOTDIR:
        case NGX_ENAMETOOLONG:
            return NGX_DECLINED;

        case NGX_EACCES:
#if (NGX_HAVE_OPENAT)
        case NGX_EMLINK:
        case NGX_ELOOP:
#endif
            return NGX_HTTP_FORBIDDEN;

        default:
            ngx_log_error(NGX_LOG_CRIT, r->connection->log, of.err,
                          "%s \"%s\" failed", of.failed, name->data);
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }
    }

    if (!of.is_file) {
        /* a directory of static/ is no page */
        return NGX_DECLINED;
    }

    r->root_tested = !r->error_page;
    r->allow_ranges = 1;

    r->headers_out.status = NGX_HTTP_OK;
    r->headers_out.content_length_n = of.size;
    r->headers_out.last_modified_time = of.mtime;

    if (ngx_http_set_etag(r) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (ngx_http_set_content_type(r) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    b = ngx_calloc_buf(r->pool);
    if (b == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    b->file = ngx_pcalloc(r->pool, sizeof(ngx_file_t));
    if (b->file == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    rc = ngx_http_send_header(r);

    if (rc == NGX_ERROR || rc > NGX_OK || r->header_only) {
        return rc;
    }

    b->file_pos = 0;
    b->file_last = of.size;

    b->in_file = b->file_last ? 1 : 0;
    b->last_buf = (r == r->main) ? 1 : 0;
    b->last_in_chain = 1;
    b->sync = (b->last_buf || b->in_file) ? 0 : 1;

    b->file->fd = of.fd;
    b->file->name = *name;
    b->file->log = r->connection->log;
    b->file->directio = of.is_directio;

    out.buf = b;
    out.next = NULL;

    return ngx_http_output_filter(r, &out);
}


/* a "/" b[0..blen), NUL-terminated; a NULL-safe, slash-collapsing join */
/*
 * Directory sub of the project's i-th root: the site itself (0), then
 * themes/NAME/ of each theme, in the configuration's order.
 */
static ngx_int_t
ngx_http_page_site_dir(ngx_pool_t *pool, ngx_http_page_site_t *site,
    ngx_uint_t i, const char *sub, ngx_str_t *out)
{
    ngx_str_t    root;
    const char  *name;

    root = site->dir;

    if (i > 0) {
        name = site->cfg.theme_list[i - 1];

        if (ngx_http_page_site_join(pool, &root, &site->dir, "themes", 6)
            != NGX_OK
            || ngx_http_page_site_join(pool, &root, &root, name,
                                       ngx_strlen(name))
               != NGX_OK)
        {
            return NGX_ERROR;
        }
    }

    return ngx_http_page_site_join(pool, out, &root, sub, ngx_strlen(sub));
}


static ngx_int_t
ngx_http_page_site_join(ngx_pool_t *pool, ngx_str_t *out, ngx_str_t *a,
    const char *b, size_t blen)
{
    size_t   alen;
    u_char  *p, *adata;

    alen = a->len;
    adata = a->data;                    /* out may be a */

    while (alen && adata[alen - 1] == '/') {
        alen--;
    }

    while (blen && *b == '/') {
        b++;
        blen--;
    }

    p = ngx_pnalloc(pool, alen + 1 + blen + 1);
    if (p == NULL) {
        return NGX_ERROR;
    }

    out->data = p;
    p = ngx_cpymem(p, adata, alen);
    *p++ = '/';
    p = ngx_cpymem(p, b, blen);
    *p = '\0';

    out->len = p - out->data;

    if (blen == 0) {
        out->len--;
        out->data[out->len] = '\0';
    }

    return NGX_OK;
}


static ngx_int_t
ngx_http_page_site_is_dir(ngx_conf_t *cf, ngx_str_t *dir)
{
    ngx_file_info_t  fi;

    (void) cf;

    return ngx_file_info(dir->data, &fi) != NGX_FILE_ERROR
           && ngx_is_dir(&fi);
}


/* the configuration goes: this worker's index and the config's arena */
static void
ngx_http_page_site_cleanup(void *data)
{
    ngx_http_page_site_t  *site = data;

    if (site->built) {
        page_site_free(&site->index);
        site->built = 0;
    }

    page_arena_free(&site->arena);
}
