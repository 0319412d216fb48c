
/*
 * ngx_http_page_cache.c: the render cache.  page_cache_zone declares a
 * shared-memory zone (slab pool, red-black tree by key, LRU queue) that
 * every worker uses; page_cache turns it on for a location.  A page's key
 * holds everything the page depends on (see ngx_http_page_cache_key()).
 */

#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>
#include <ngx_md5.h>

#include "ngx_http_page_module.h"


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

/* Bytes of the source version for a body hash: a tag, then its MD5. */
#define NGX_HTTP_PAGE_CACHE_BODY  (1 + 16)


/* An entry of the render cache, in the zone's slab pool. */
typedef struct {
    ngx_rbtree_node_t          node;       /* node.key: CRC32 of the key */
    ngx_queue_t                queue;      /* LRU: most recent first */
    size_t                     key_len;
    size_t                     len;        /* of the page */
    time_t                     until;      /* found while the time is */
                                           /* before this; 0: always */
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


static void ngx_http_page_cache_version(ngx_http_request_t *r,
    ngx_http_page_ctx_t *ctx, ngx_str_t *source, ngx_str_t *version);
static ngx_http_page_cache_node_t *ngx_http_page_cache_find(
    ngx_http_page_cache_t *cache, uint32_t hash, ngx_str_t *key);
static ngx_int_t ngx_http_page_cache_cmp(ngx_str_t *key,
    ngx_http_page_cache_node_t *cn);
static void ngx_http_page_cache_rbtree_insert(ngx_rbtree_node_t *temp,
    ngx_rbtree_node_t *node, ngx_rbtree_node_t *sentinel);
static ngx_int_t ngx_http_page_cache_init_zone(ngx_shm_zone_t *shm_zone,
    void *data);


char *
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


char *
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
ngx_int_t
ngx_http_page_cache_key(ngx_http_request_t *r, ngx_http_page_ctx_t *ctx,
    ngx_http_page_loc_conf_t *conf)
{
    size_t                      root;
    u_char                     *q, buf[NGX_OFF_T_LEN * 6];
    ngx_str_t                   part[7];
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

    return ngx_http_page_cache_key_make(r, ctx, part,
                                        sizeof(part) / sizeof(ngx_str_t));
}


/*
 * ctx->key from the parts, each after its length, then the evaluated
 * page_params; the last part (the source's version) goes last of all: a
 * body hash is written there later.
 */
ngx_int_t
ngx_http_page_cache_key_make(ngx_http_request_t *r, ngx_http_page_ctx_t *ctx,
    ngx_str_t *part, ngx_uint_t n)
{
    size_t      len;
    u_char     *p;
    ngx_uint_t  i;

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
ngx_int_t
ngx_http_page_cache_get(ngx_http_request_t *r, ngx_http_page_ctx_t *ctx,
    ngx_http_page_loc_conf_t *conf, ngx_buf_t **out)
{
    uint32_t                     hash;
    ngx_int_t                    rc;
    ngx_buf_t                   *b;
    ngx_md5_t                    md5;
    ngx_uint_t                   hits, misses;
    ngx_http_page_cache_t       *cache;
    ngx_http_page_cache_node_t  *cn;

    cache = conf->cache->data;

    if (ctx->key_body && !ctx->key_hashed) {
        /* the body is in: its MD5 ends the key */
        ngx_md5_init(&md5);
        ngx_md5_update(&md5, ctx->body, ctx->len);
        ngx_md5_final(ctx->key.data + ctx->key.len - 16, &md5);
        ctx->key_hashed = 1;
    }

    hash = ngx_crc32_long(ctx->key.data, ctx->key.len);

    b = NULL;
    rc = NGX_DECLINED;

    ngx_shmtx_lock(&cache->shpool->mutex);

    cn = ngx_http_page_cache_find(cache, hash, &ctx->key);

    if (cn != NULL && cn->until != 0 && ngx_time() >= cn->until) {
        /* the page expired (its expiryDate): no longer published */
        ngx_queue_remove(&cn->queue);
        ngx_rbtree_delete(&cache->sh->rbtree, &cn->node);
        ngx_slab_free_locked(cache->shpool, cn);
        cn = NULL;
    }

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
 * Store a rendered page, to be found while the time is before until (the
 * page's expiryDate; 0: always).  When the zone is full, the least
 * recently used entries go until the page fits; if it never fits, it is
 * not stored (X-Page-Cache: BYPASS) and the request goes on as if
 * nothing happened.
 */
void
ngx_http_page_cache_put(ngx_http_request_t *r, ngx_http_page_ctx_t *ctx,
    ngx_http_page_loc_conf_t *conf, const char *page, size_t len,
    time_t until)
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
    cn->until = until;
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
