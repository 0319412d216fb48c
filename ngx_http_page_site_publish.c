
/*
 * ngx_http_page_site_publish.c: what a page_site serves besides pages
 * and static/: the files of page bundles (page_site_resource_file says
 * which), and the resources a render published (resources.Get, minify,
 * fingerprint, FromString, Concat, ...), which are written, as Hugo
 * writes them to its publishDir, under the page_site_publish directory
 * (one subdirectory per site) so that any worker serves them with
 * nginx's static machinery.  An asset URL nobody published yet (a fresh
 * worker) is made from its name: "css/main.min.<hex>.css" is
 * assets/css/main.css when <hex> is its digest.
 */

#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include <openssl/evp.h>

#include "ngx_http_page_module.h"
#include "page_assets.h"
#include "page_resource.h"
#include "page_site_resources.h"


/* The default publish directory, under nginx's prefix. */
#define NGX_HTTP_PAGE_SITE_PUBLISH_PATH  "page_site_temp"

static ngx_path_init_t  ngx_http_page_site_publish_path = {
    ngx_string(NGX_HTTP_PAGE_SITE_PUBLISH_PATH), { 0, 0, 0 }
};


/*
 * Digests of assets remembered by a worker (the asset's path, size and
 * mtime, the digest's length): a request for a fingerprinted name of
 * another version is answered without reading and hashing the asset
 * again, so that made-up names cost a stat, not a read.
 */
#define NGX_HTTP_PAGE_SITE_DIGESTS      32

/* Longest asset path remembered (longer ones are hashed each time). */
#define NGX_HTTP_PAGE_SITE_DIGEST_PATH  512

typedef struct {
    u_char     path[NGX_HTTP_PAGE_SITE_DIGEST_PATH];
    size_t     len;
    off_t      size;
    time_t     mtime;
    size_t     hlen;            /* 0: unused */
    u_char     hex[2 * EVP_MAX_MD_SIZE];
} ngx_http_page_site_digest_t;

static ngx_http_page_site_digest_t  ngx_http_page_site_digests[
                                        NGX_HTTP_PAGE_SITE_DIGESTS];
static ngx_uint_t  ngx_http_page_site_digest_next;


static ngx_int_t ngx_http_page_site_write(ngx_log_t *log, ngx_pool_t *pool,
    ngx_str_t *dest, const u_char *data, size_t len, time_t mtime);
static ngx_int_t ngx_http_page_site_read(ngx_log_t *log, ngx_pool_t *pool,
    const char *file, u_char **data, size_t *len, time_t *mtime);
static ngx_int_t ngx_http_page_site_target(ngx_pool_t *pool,
    ngx_http_page_site_t *site, const u_char *path, size_t len,
    ngx_str_t *out);


/*
 * At configuration time, for a new site: the publish directory (nginx
 * creates it at startup with the workers' user, as proxy_temp_path) and
 * the site's subdirectory in it, named by a hash of the site directory,
 * its prefix and its environment.
 */
ngx_int_t
ngx_http_page_site_publish_init(ngx_conf_t *cf,
    ngx_http_page_loc_conf_t *prev, ngx_http_page_loc_conf_t *conf)
{
    u_char                *p;
    uint32_t               crc;
    ngx_http_page_site_t  *site = conf->site;

    if (ngx_conf_merge_path_value(cf, &conf->site_publish,
                                  prev->site_publish,
                                  &ngx_http_page_site_publish_path)
        != NGX_CONF_OK)
    {
        return NGX_ERROR;
    }

    ngx_crc32_init(crc);
    ngx_crc32_update(&crc, site->dir.data, site->dir.len);
    ngx_crc32_update(&crc, (u_char *) "\n", 1);
    ngx_crc32_update(&crc, site->prefix.data, site->prefix.len);
    ngx_crc32_update(&crc, (u_char *) "\n", 1);
    ngx_crc32_update(&crc, site->environment.data, site->environment.len);
    ngx_crc32_final(crc);

    p = ngx_pnalloc(cf->pool, conf->site_publish->name.len + 1 + 8 + 1);
    if (p == NULL) {
        return NGX_ERROR;
    }

    site->publish.data = p;
    p = ngx_cpymem(p, conf->site_publish->name.data,
                   conf->site_publish->name.len);
    p = ngx_sprintf(p, "/%08xD", crc);
    *p = '\0';
    site->publish.len = p - site->publish.data;

    return NGX_OK;
}


/*
 * After a render: write what it published that is not already there
 * with the same bytes.  Failures are logged; the page is sent anyway.
 */
void
ngx_http_page_site_publish(ngx_http_request_t *r, ngx_http_page_site_t *site,
    const page_published_t *pub)
{
    u_char           *data, *old;
    size_t            len, olen;
    time_t            mtime, omtime;
    ngx_str_t         dest;
    ngx_log_t        *log;
    ngx_file_info_t   fi;

    log = r->connection->log;

    for ( /* void */ ; pub != NULL; pub = pub->next) {
        if (pub->bundle || site->publish.len == 0) {
            continue;                   /* served where it is */
        }

        if (ngx_http_page_site_target(r->pool, site, (u_char *) pub->path,
                                      pub->path_len, &dest)
            != NGX_OK)
        {
            ngx_log_error(NGX_LOG_ERR, log, 0, "page: resource \"%*s\" "
                          "is not published: a bad path",
                          pub->path_len, pub->path);
            continue;
        }

        if (pub->file != NULL) {
            /* an asset as it is: copied when its size or mtime differ */
            if (ngx_file_info(pub->file, &fi) == NGX_FILE_ERROR) {
                continue;
            }

            mtime = ngx_file_mtime(&fi);
            len = (size_t) ngx_file_size(&fi);

            if (ngx_file_info(dest.data, &fi) != NGX_FILE_ERROR
                && (size_t) ngx_file_size(&fi) == len
                && ngx_file_mtime(&fi) == mtime)
            {
                continue;
            }

            if (ngx_http_page_site_read(log, r->pool, pub->file, &data, &len,
                                        &mtime)
                != NGX_OK)
            {
                continue;
            }

        } else {
            /* bytes made by the render: written when they differ */
            data = (u_char *) pub->data;
            len = pub->len;
            mtime = 0;

            if (ngx_file_info(dest.data, &fi) != NGX_FILE_ERROR
                && (size_t) ngx_file_size(&fi) == len
                && ngx_http_page_site_read(log, r->pool,
                                           (const char *) dest.data, &old,
                                           &olen, &omtime)
                   == NGX_OK
                && olen == len && ngx_memcmp(old, data, len) == 0)
            {
                continue;
            }
        }

        (void) ngx_http_page_site_write(log, r->pool, &dest, data, len,
                                        mtime);
    }
}


/* site->publish + path, when path is a clean absolute path. */
static ngx_int_t
ngx_http_page_site_target(ngx_pool_t *pool, ngx_http_page_site_t *site,
    const u_char *path, size_t len, ngx_str_t *out)
{
    u_char  *p;
    size_t   i, seg;

    if (len < 2 || path[0] != '/' || len > NGX_MAX_PATH) {
        return NGX_DECLINED;
    }

    for (i = 1, seg = 1; i <= len; i++) {
        if (i == len || path[i] == '/') {
            if (i == seg
                || (i - seg == 1 && path[seg] == '.')
                || (i - seg == 2 && path[seg] == '.' && path[seg + 1] == '.'))
            {
                return NGX_DECLINED;
            }
            seg = i + 1;

        } else if (path[i] == '\0') {
            return NGX_DECLINED;
        }
    }

    p = ngx_pnalloc(pool, site->publish.len + len + 1);
    if (p == NULL) {
        return NGX_ERROR;
    }

    out->data = p;
    p = ngx_cpymem(p, site->publish.data, site->publish.len);
    p = ngx_cpymem(p, path, len);
    *p = '\0';
    out->len = p - out->data;

    return NGX_OK;
}


/* A whole file into memory, at most PAGE_RESOURCE_MAX_SIZE bytes. */
static ngx_int_t
ngx_http_page_site_read(ngx_log_t *log, ngx_pool_t *pool, const char *name,
    u_char **data, size_t *len, time_t *mtime)
{
    ssize_t          n;
    ngx_fd_t         fd;
    ngx_file_t       file;
    ngx_file_info_t  fi;

    fd = ngx_open_file(name, NGX_FILE_RDONLY, NGX_FILE_OPEN, 0);
    if (fd == NGX_INVALID_FILE) {
        return NGX_DECLINED;
    }

    if (ngx_fd_info(fd, &fi) == NGX_FILE_ERROR || !ngx_is_file(&fi)
        || ngx_file_size(&fi) > PAGE_RESOURCE_MAX_SIZE)
    {
        ngx_close_file(fd);
        return NGX_DECLINED;
    }

    *len = (size_t) ngx_file_size(&fi);
    *mtime = ngx_file_mtime(&fi);

    *data = ngx_pnalloc(pool, *len + 1);
    if (*data == NULL) {
        ngx_close_file(fd);
        return NGX_ERROR;
    }

    ngx_memzero(&file, sizeof(ngx_file_t));
    file.fd = fd;
    file.name.data = (u_char *) name;
    file.name.len = ngx_strlen(name);
    file.log = log;

    n = *len ? ngx_read_file(&file, *data, *len, 0) : 0;

    ngx_close_file(fd);

    if (n == NGX_ERROR || (size_t) n != *len) {
        return NGX_DECLINED;
    }

    return NGX_OK;
}


/*
 * Write dest atomically: a temporary file of this process in the same
 * directory (made as needed), mode 0644, its mtime set to mtime (0: now),
 * renamed over dest.  A worker serving dest meanwhile sends the old or
 * the new file whole, never a part.
 */
static ngx_int_t
ngx_http_page_site_write(ngx_log_t *log, ngx_pool_t *pool, ngx_str_t *dest,
    const u_char *data, size_t len, time_t mtime)
{
    u_char      *tmp, *p, *slash;
    ssize_t      n;
    ngx_err_t    err;
    ngx_file_t   file;

    tmp = ngx_pnalloc(pool, dest->len + sizeof("/..") + NGX_INT64_LEN
                            + sizeof(".tmp"));
    if (tmp == NULL) {
        return NGX_ERROR;
    }

    slash = (u_char *) ngx_strlchr(dest->data, dest->data + dest->len, '/');
    for (p = dest->data + dest->len; p > dest->data && p[-1] != '/'; p--) {
        /* void */
    }

    if (slash == NULL || p == dest->data) {
        return NGX_ERROR;
    }

    /* "dir/.name.PID.tmp" */
    ngx_sprintf(tmp, "%*s.%*s.%P.tmp%Z", p - dest->data, dest->data,
                dest->data + dest->len - p, p, ngx_pid);

    err = ngx_create_full_path(tmp, 0755);
    if (err != 0) {
        ngx_log_error(NGX_LOG_ERR, log, err,
                      "page: cannot make the directory of \"%V\"", dest);
        return NGX_ERROR;
    }

    ngx_memzero(&file, sizeof(ngx_file_t));
    file.name.data = tmp;
    file.name.len = ngx_strlen(tmp);
    file.log = log;

    file.fd = ngx_open_file(tmp, NGX_FILE_WRONLY, NGX_FILE_TRUNCATE,
                            NGX_FILE_DEFAULT_ACCESS);
    if (file.fd == NGX_INVALID_FILE) {
        ngx_log_error(NGX_LOG_ERR, log, ngx_errno,
                      ngx_open_file_n " \"%s\" failed", tmp);
        return NGX_ERROR;
    }

    n = len ? ngx_write_file(&file, (u_char *) data, len, 0) : 0;

    /* the umask is not ours to keep: every worker reads it */
    if (n == (ssize_t) len && fchmod(file.fd, 0644) == -1) {
        n = NGX_ERROR;
    }

    if (n == (ssize_t) len && mtime
        && ngx_set_file_time(tmp, file.fd, mtime) != NGX_OK)
    {
        n = NGX_ERROR;
    }

    if (ngx_close_file(file.fd) == NGX_FILE_ERROR) {
        n = NGX_ERROR;
    }

    if (n != (ssize_t) len
        || ngx_rename_file(tmp, dest->data) == NGX_FILE_ERROR)
    {
        ngx_log_error(NGX_LOG_ERR, log, ngx_errno,
                      "page: cannot publish \"%V\"", dest);
        (void) ngx_delete_file(tmp);
        return NGX_ERROR;
    }

    return NGX_OK;
}


/*
 * The digest name of a hex string's length, as Hugo's fingerprint
 * makes them: md5, sha1, sha256 (its default), sha384, sha512.
 */
static const EVP_MD *
ngx_http_page_site_digest(size_t hex)
{
    switch (hex) {
    case 32:  return EVP_md5();
    case 40:  return EVP_sha1();
    case 64:  return EVP_sha256();
    case 96:  return EVP_sha384();
    case 128: return EVP_sha512();
    default:  return NULL;
    }
}


/* The suffixes of the media types Hugo has a minifier for. */
static ngx_int_t
ngx_http_page_site_minifiable(u_char *ext, u_char *end)
{
    ngx_uint_t  i;
    size_t      n;
    static const char  *const  suffixes[] = {
        ".css", ".js", ".mjs", ".jsm", ".json", ".webmanifest", ".html",
        ".htm", ".svg", ".xml", ".rss"
    };

    n = end - ext;

    for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
        if (ngx_strlen(suffixes[i]) == n
            && ngx_strncasecmp(ext, (u_char *) suffixes[i], n) == 0)
        {
            return 1;
        }
    }

    return 0;
}


/*
 * An asset published under a fingerprinted name made from its own,
 * "x[.min].<hex>.css": assets/x.css when <hex> is the digest of its
 * bytes (".min" keeps them: this module's minify changes nothing, as
 * Debian packages no minifier library).  Other transformations
 * (Concat, FromString, ExecuteAsTemplate, ...) cannot be made from a
 * name: they appear once a page that makes them is rendered.
 * NGX_DECLINED when the name is none of these.
 */
static ngx_int_t
ngx_http_page_site_derive(ngx_http_request_t *r, ngx_http_page_site_t *site,
    u_char *path, size_t len, ngx_str_t *dest)
{
    int                           found, minified;
    u_char                       *data, *ext, *stem_end, *name, *q, *hex;
    size_t                        i, hlen, dlen, flen, plen;
    time_t                        mtime;
    ngx_int_t                     rc;
    page_arena_t                  a;
    page_asset_t                  asset;
    unsigned int                  mdlen;
    const EVP_MD                 *md;
    ngx_file_info_t               fi;
    ngx_http_page_site_digest_t  *d;
    u_char                        digest[EVP_MAX_MD_SIZE];
    u_char                        hexd[2 * EVP_MAX_MD_SIZE];
    static u_char                 xd[] = "0123456789abcdef";

    if (site->nassets == 0 || len < 2) {
        return NGX_DECLINED;
    }

    /* the last name: stem, then its suffix */

    for (i = len; i > 0 && path[i - 1] != '/'; i--) { /* void */ }
    name = path + i;

    ext = NULL;
    for (q = path + len; q > name; q--) {
        if (q[-1] == '.') {
            ext = q - 1;
            break;
        }
    }

    if (ext == NULL || ext == name) {
        ext = path + len;
    }

    stem_end = ext;

    hex = NULL;
    hlen = 0;
    for (q = stem_end; q > name && q[-1] != '.'; q--) { /* void */ }

    if (q > name + 1 && ngx_http_page_site_digest(stem_end - q) != NULL) {
        for (i = 0; q + i < stem_end
                    && ((q[i] >= '0' && q[i] <= '9')
                        || (q[i] >= 'a' && q[i] <= 'f')); i++)
        { /* void */ }

        if (q + i == stem_end) {
            hex = q;
            hlen = stem_end - q;
            stem_end = q - 1;
        }
    }

    minified = 0;
    if (stem_end - name > 4 && ngx_strncmp(stem_end - 4, ".min", 4) == 0) {
        stem_end -= 4;
        minified = 1;
    }

    /*
     * Only a fingerprinted name: its digest says that a page published
     * these very bytes, where "x.min.css" or "x.css" would hand out any
     * file of assets/ (Hugo publishes only what templates ask for); and
     * minify only for the types Hugo minifies.
     */
    if (hex == NULL
        || (minified && !ngx_http_page_site_minifiable(ext, path + len)))
    {
        return NGX_DECLINED;
    }

    /* the asset's name: the path less those parts, without its "/" */

    flen = (stem_end - path) + (path + len - ext);
    data = ngx_pnalloc(r->pool, flen + 1);
    if (data == NULL) {
        return NGX_ERROR;
    }

    q = ngx_cpymem(data, path, stem_end - path);
    q = ngx_cpymem(q, ext, path + len - ext);
    *q = '\0';

    page_arena_init(&a, 0);

    found = page_assets_find(&a, site->assets, site->nassets,
                             (const char *) data + 1, flen - 1, &asset);
    if (found <= 0) {
        page_arena_free(&a);
        return found < 0 ? NGX_ERROR : NGX_DECLINED;
    }

    /* a digest known for this version of the asset: no reading again */

    d = NULL;
    plen = ngx_strlen(asset.path);

    if (ngx_file_info(asset.path, &fi) == NGX_FILE_ERROR) {
        page_arena_free(&a);
        return NGX_DECLINED;
    }

    for (i = 0; i < NGX_HTTP_PAGE_SITE_DIGESTS; i++) {
        d = &ngx_http_page_site_digests[i];

        if (d->hlen == hlen && d->len == plen
            && d->size == ngx_file_size(&fi)
            && d->mtime == ngx_file_mtime(&fi)
            && ngx_memcmp(d->path, asset.path, plen) == 0)
        {
            break;
        }

        d = NULL;
    }

    if (d != NULL && ngx_memcmp(d->hex, hex, hlen) != 0) {
        page_arena_free(&a);
        return NGX_DECLINED;            /* another version's name */
    }

    rc = ngx_http_page_site_read(r->connection->log, r->pool, asset.path,
                                 &data, &dlen, &mtime);

    if (rc != NGX_OK) {
        page_arena_free(&a);
        return rc;
    }

    if (d != NULL && (d->mtime != mtime || (size_t) d->size != dlen)) {
        d = NULL;                       /* changed meanwhile */
    }

    if (d == NULL) {
        md = ngx_http_page_site_digest(hlen);

        if (EVP_Digest(data, dlen, digest, &mdlen, md, NULL) != 1
            || (size_t) mdlen * 2 != hlen)
        {
            page_arena_free(&a);
            return NGX_DECLINED;
        }

        for (i = 0; i < mdlen; i++) {
            hexd[2 * i] = xd[digest[i] >> 4];
            hexd[2 * i + 1] = xd[digest[i] & 0xf];
        }

        if (plen <= NGX_HTTP_PAGE_SITE_DIGEST_PATH) {
            d = &ngx_http_page_site_digests[ngx_http_page_site_digest_next];
            ngx_http_page_site_digest_next++;
            ngx_http_page_site_digest_next %= NGX_HTTP_PAGE_SITE_DIGESTS;

            ngx_memcpy(d->path, asset.path, plen);
            d->len = plen;
            d->size = (off_t) dlen;
            d->mtime = mtime;
            d->hlen = hlen;
            ngx_memcpy(d->hex, hexd, hlen);
        }

        if (ngx_memcmp(hexd, hex, hlen) != 0) {
            page_arena_free(&a);
            return NGX_DECLINED;        /* another version's name */
        }
    }

    page_arena_free(&a);

    return ngx_http_page_site_write(r->connection->log, r->pool, dest, data,
                                    dlen, mtime);
}


/*
 * What no page and no static/ file answers: a bundle's file, else a
 * published resource (written by this worker or another, or made now
 * from its name).  NGX_DECLINED when none is there.
 */
ngx_int_t
ngx_http_page_site_resource(ngx_http_request_t *r,
    ngx_http_page_site_t *site, u_char *path, size_t len)
{
    ngx_int_t     rc;
    ngx_str_t     name;
    page_buf_t    b;
    page_arena_t  a;

    /* a page bundle's file */

    page_arena_init(&a, 0);
    page_buf_init(&b, &a, 0);

    rc = page_site_resource_file(&site->index, (const char *) path, len, &b);

    if (rc < 0) {
        page_arena_free(&a);
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (rc == 1) {
        name.len = b.len;
        name.data = ngx_pnalloc(r->pool, b.len + 1);
        if (name.data == NULL) {
            page_arena_free(&a);
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }
        ngx_memcpy(name.data, b.data, b.len + 1);
    }

    page_arena_free(&a);

    if (rc == 1) {
        rc = ngx_http_page_site_file(r, &name);
        if (rc != NGX_DECLINED) {
            return rc;
        }
    }

    /* a published resource */

    if (site->publish.len == 0) {
        return NGX_DECLINED;
    }

    rc = ngx_http_page_site_target(r->pool, site, path, len, &name);

    if (rc != NGX_OK) {
        return rc == NGX_ERROR ? NGX_HTTP_INTERNAL_SERVER_ERROR
                               : NGX_DECLINED;
    }

    rc = ngx_http_page_site_file(r, &name);
    if (rc != NGX_DECLINED) {
        return rc;
    }

    rc = ngx_http_page_site_derive(r, site, path, len, &name);

    if (rc == NGX_ERROR) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (rc != NGX_OK) {
        return NGX_DECLINED;
    }

    return ngx_http_page_site_file(r, &name);
}
