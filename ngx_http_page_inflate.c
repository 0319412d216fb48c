
/*
 * ngx_http_page_inflate.c: compressed Markdown.  A response of a Markdown
 * type with Content-Encoding gzip (or x-gzip) or deflate (zlib, or raw
 * deflate as some servers send it) is decompressed with zlib as it is
 * collected, as nginx's gunzip filter does, so the page is rendered from
 * the source and the compressed source never reaches the client.  The
 * decompressed size is bounded by page_max_size: a gzip bomb stops there.
 */

#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include <zlib.h>

#include "ngx_http_page_module.h"


/* zlib's windowBits: 15 for a zlib stream, +16 for gzip, negative: raw. */
#define NGX_HTTP_PAGE_ZLIB_WBITS  15
#define NGX_HTTP_PAGE_GZIP_WBITS  (16 + 15)
#define NGX_HTTP_PAGE_RAW_WBITS   (-15)

/*
 * Room made in the body for each call to inflate(): enough that a
 * compressed buffer of a few kilobytes needs a few calls, not hundreds.
 */
#define NGX_HTTP_PAGE_INFLATE_ROOM  (64 * 1024)


static void ngx_http_page_inflate_cleanup(void *data);


/*
 * What the Content-Encoding of the response is to us: none (or
 * identity), gzip, deflate, or one we cannot decode (the page is then a
 * 502: a body we cannot read must not pass through).
 */
ngx_uint_t
ngx_http_page_encoding(ngx_http_request_t *r)
{
    ngx_str_t  *v;

    if (r->headers_out.content_encoding == NULL
        || r->headers_out.content_encoding->hash == 0)
    {
        return NGX_HTTP_PAGE_ENC_NONE;
    }

    v = &r->headers_out.content_encoding->value;

    if (v->len == 0
        || (v->len == 8 && ngx_strncasecmp(v->data, (u_char *) "identity", 8)
                           == 0))
    {
        return NGX_HTTP_PAGE_ENC_NONE;
    }

    if ((v->len == 4 && ngx_strncasecmp(v->data, (u_char *) "gzip", 4) == 0)
        || (v->len == 6
            && ngx_strncasecmp(v->data, (u_char *) "x-gzip", 6) == 0))
    {
        return NGX_HTTP_PAGE_ENC_GZIP;
    }

    if (v->len == 7 && ngx_strncasecmp(v->data, (u_char *) "deflate", 7) == 0)
    {
        return NGX_HTTP_PAGE_ENC_DEFLATE;
    }

    return NGX_HTTP_PAGE_ENC_UNKNOWN;
}


/* Set up the decompression of a gzip or deflate body. */
ngx_int_t
ngx_http_page_inflate_init(ngx_http_request_t *r, ngx_http_page_ctx_t *ctx)
{
    int                  wbits;
    z_stream            *zs;
    ngx_pool_cleanup_t  *cln;

    zs = ngx_pcalloc(r->pool, sizeof(z_stream));
    cln = ngx_pool_cleanup_add(r->pool, 0);

    if (zs == NULL || cln == NULL) {
        return NGX_ERROR;
    }

    wbits = (ctx->encoding == NGX_HTTP_PAGE_ENC_GZIP)
            ? NGX_HTTP_PAGE_GZIP_WBITS : NGX_HTTP_PAGE_ZLIB_WBITS;

    if (inflateInit2(zs, wbits) != Z_OK) {
        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                      "page: \"%V\": inflateInit2() failed",
                      ngx_http_page_log_uri(r));
        return NGX_ERROR;
    }

    cln->handler = ngx_http_page_inflate_cleanup;
    cln->data = zs;

    ctx->zstream = zs;

    return NGX_OK;
}


static void
ngx_http_page_inflate_cleanup(void *data)
{
    z_stream  *zs = data;

    inflateEnd(zs);
}


/*
 * Decompress data[0..len) into the body.  NGX_OK; NGX_DECLINED when the
 * decompressed body passes page_max_size; NGX_ABORT when the stream is
 * not valid gzip or deflate (a 502); NGX_ERROR.
 */
ngx_int_t
ngx_http_page_inflate(ngx_http_request_t *r, ngx_http_page_ctx_t *ctx,
    u_char *data, size_t len)
{
    int                        rc;
    size_t                     room;
    z_stream                  *zs;
    ngx_http_page_loc_conf_t  *conf;

    conf = ngx_http_get_module_loc_conf(r, ngx_http_page_module);
    zs = ctx->zstream;

    zs->next_in = data;
    zs->avail_in = len;

    while (zs->avail_in > 0) {

        if (ctx->zended) {
            /* another gzip member follows the last one (RFC 1952 2.2) */
            if (inflateReset(zs) != Z_OK) {
                return NGX_ERROR;
            }

            ctx->zended = 0;
        }

        room = ngx_min(NGX_HTTP_PAGE_INFLATE_ROOM, conf->max_size - ctx->len);

        if (room == 0) {
            ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                          "page: \"%V\": decompressed body larger than "
                          "page_max_size %uz", ngx_http_page_log_uri(r),
                          conf->max_size);
            return NGX_DECLINED;
        }

        if (ngx_http_page_reserve(r, ctx, room) != NGX_OK) {
            return NGX_ERROR;
        }

        zs->next_out = ctx->body + ctx->len;
        zs->avail_out = room;

        rc = inflate(zs, Z_NO_FLUSH);

        ctx->len += room - zs->avail_out;

        if (rc == Z_DATA_ERROR && ctx->encoding == NGX_HTTP_PAGE_ENC_DEFLATE
            && !ctx->zraw && zs->total_out == 0
            && zs->total_in == len - zs->avail_in)
        {
            /*
             * "deflate" without the zlib header (raw deflate), as some
             * servers send it: start this first buffer again as raw
             */

            if (inflateReset2(zs, NGX_HTTP_PAGE_RAW_WBITS) != Z_OK) {
                return NGX_ERROR;
            }

            ctx->zraw = 1;
            zs->next_in = data;
            zs->avail_in = len;
            continue;
        }

        if (rc == Z_STREAM_END) {
            ctx->zended = 1;
            continue;
        }

        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                          "page: \"%V\": the %s body is not valid "
                          "(zlib: %s)", ngx_http_page_log_uri(r),
                          ctx->encoding == NGX_HTTP_PAGE_ENC_GZIP
                          ? "gzip" : "deflate",
                          zs->msg ? zs->msg : "error");
            return NGX_ABORT;
        }

        if (rc == Z_BUF_ERROR && zs->avail_out != 0) {
            /* no progress: inflate() wants more input */
            break;
        }
    }

    return NGX_OK;
}


/* The whole body is in: did the stream end where it should? */
ngx_int_t
ngx_http_page_inflate_end(ngx_http_request_t *r, ngx_http_page_ctx_t *ctx)
{
    if (ctx->zended) {
        return NGX_OK;
    }

    ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                  "page: \"%V\": the %s body ends before its end of "
                  "stream", ngx_http_page_log_uri(r),
                  ctx->encoding == NGX_HTTP_PAGE_ENC_GZIP
                  ? "gzip" : "deflate");

    return NGX_ABORT;
}
