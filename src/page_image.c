/*
 * page_image: image dimensions from headers.  The format is told by its
 * magic bytes, as Go's image.DecodeConfig tells it:
 *
 *   PNG   the IHDR chunk that must come first: width, height (32 bits BE)
 *   GIF   the logical screen descriptor (16 bits LE)
 *   JPEG  the first SOFn frame header after any number of segments
 *   WebP  the VP8 (lossy), VP8L (lossless) or VP8X (extended) chunk
 *   BMP   the BITMAPINFOHEADER (32 bits LE; a negative height is a
 *         top-down bitmap)
 *
 * Reads go through a small reader over memory or a file descriptor, so
 * a JPEG's segments are skipped without reading them.
 */

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "page_image.h"


typedef struct {
    const unsigned char  *data;     /* memory, or NULL and: */
    size_t                len;
    int                   fd;
} page_image_reader_t;


/* Exactly n bytes at off into buf: 0, or -1 past the end or on error. */
static int
page_image_read(page_image_reader_t *r, uint64_t off, unsigned char *buf,
    size_t n)
{
    ssize_t  got;
    size_t   done;

    if (r->data != NULL) {
        if (off > r->len || n > r->len - off) {
            return -1;
        }
        memcpy(buf, r->data + off, n);
        return 0;
    }

    for (done = 0; done < n; done += (size_t) got) {
        got = pread(r->fd, buf + done, n - done, (off_t) (off + done));
        if (got < 0 && errno == EINTR) {
            got = 0;
            continue;
        }
        if (got <= 0) {
            return -1;
        }
    }

    return 0;
}


static uint32_t
page_be16(const unsigned char *p)
{
    return (uint32_t) p[0] << 8 | p[1];
}


static uint32_t
page_be32(const unsigned char *p)
{
    return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16
           | (uint32_t) p[2] << 8 | p[3];
}


static uint32_t
page_le16(const unsigned char *p)
{
    return (uint32_t) p[1] << 8 | p[0];
}


static uint32_t
page_le24(const unsigned char *p)
{
    return (uint32_t) p[2] << 16 | (uint32_t) p[1] << 8 | p[0];
}


static uint32_t
page_le32(const unsigned char *p)
{
    return (uint32_t) p[3] << 24 | (uint32_t) p[2] << 16
           | (uint32_t) p[1] << 8 | p[0];
}


static int
page_image_jpeg(page_image_reader_t *r, page_image_size_t *out)
{
    unsigned       i, marker;
    uint64_t       off;
    unsigned char  b[9];

    off = 2;                            /* past SOI */

    for (i = 0; i < PAGE_IMAGE_MAX_SEGMENTS; i++) {
        if (page_image_read(r, off, b, 2) != 0 || b[0] != 0xff) {
            return -1;
        }

        marker = b[1];

        if (marker == 0xff) {           /* fill byte */
            off++;
            continue;
        }

        off += 2;

        if (marker == 0xd8 || (marker >= 0xd0 && marker <= 0xd7)
            || marker == 0x01)
        {
            continue;                   /* no length */
        }

        if (marker == 0xd9 || marker == 0xda) {
            return -1;                  /* image data before a frame */
        }

        if (page_image_read(r, off, b, 2) != 0 || page_be16(b) < 2) {
            return -1;
        }

        /* SOF0..SOF15 but DHT (C4), JPG (C8) and DAC (CC) */
        if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4
            && marker != 0xc8 && marker != 0xcc)
        {
            if (page_image_read(r, off, b, 7) != 0) {
                return -1;
            }
            out->height = page_be16(b + 3);
            out->width = page_be16(b + 5);
            out->format = "jpeg";
            return 0;
        }

        off += page_be16(b);
    }

    return -1;
}


static int
page_image_webp(page_image_reader_t *r, page_image_size_t *out)
{
    unsigned char  b[30];

    if (page_image_read(r, 12, b, 4) != 0) {
        return -1;
    }

    out->format = "webp";

    if (memcmp(b, "VP8 ", 4) == 0) {
        /* frame tag (3), start code 9d 01 2a, then 14-bit sizes */
        if (page_image_read(r, 20, b, 10) != 0
            || b[3] != 0x9d || b[4] != 0x01 || b[5] != 0x2a)
        {
            return -1;
        }
        out->width = page_le16(b + 6) & 0x3fff;
        out->height = page_le16(b + 8) & 0x3fff;
        return 0;
    }

    if (memcmp(b, "VP8L", 4) == 0) {
        /* signature 2f, then width-1 and height-1 in 14 bits each */
        if (page_image_read(r, 20, b, 5) != 0 || b[0] != 0x2f) {
            return -1;
        }
        out->width = (page_le32(b + 1) & 0x3fff) + 1;
        out->height = ((page_le32(b + 1) >> 14) & 0x3fff) + 1;
        return 0;
    }

    if (memcmp(b, "VP8X", 4) == 0) {
        /* flags (4), then canvas width-1 and height-1 in 24 bits */
        if (page_image_read(r, 20, b, 10) != 0) {
            return -1;
        }
        out->width = page_le24(b + 4) + 1;
        out->height = page_le24(b + 7) + 1;
        return 0;
    }

    return -1;
}


static int
page_image_size(page_image_reader_t *r, page_image_size_t *out)
{
    int32_t        h;
    unsigned char  b[26];

    memset(out, 0, sizeof(page_image_size_t));

    if (page_image_read(r, 0, b, 2) != 0) {
        return -1;
    }

    if (b[0] == 0xff && b[1] == 0xd8) {
        return page_image_jpeg(r, out);
    }

    if (b[0] == 'B' && b[1] == 'M') {
        if (page_image_read(r, 0, b, 26) != 0) {
            return -1;
        }
        out->width = page_le32(b + 18);
        h = (int32_t) page_le32(b + 22);
        out->height = h < 0 ? (uint32_t) 0 - (uint32_t) h : (uint32_t) h;
        out->format = "bmp";
        return out->width < PAGE_IMAGE_MAX_SIDE
               && out->height < PAGE_IMAGE_MAX_SIDE ? 0 : -1;
    }

    if (page_image_read(r, 0, b, 24) != 0) {
        return -1;
    }

    if (memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0) {
        if (memcmp(b + 12, "IHDR", 4) != 0) {
            return -1;
        }
        out->width = page_be32(b + 16);
        out->height = page_be32(b + 20);
        out->format = "png";
        return out->width < PAGE_IMAGE_MAX_SIDE
               && out->height < PAGE_IMAGE_MAX_SIDE ? 0 : -1;
    }

    if (memcmp(b, "GIF87a", 6) == 0 || memcmp(b, "GIF89a", 6) == 0) {
        out->width = page_le16(b + 6);
        out->height = page_le16(b + 8);
        out->format = "gif";
        return 0;
    }

    if (memcmp(b, "RIFF", 4) == 0 && memcmp(b + 8, "WEBP", 4) == 0) {
        return page_image_webp(r, out);
    }

    return -1;
}


int
page_image_size_mem(const char *data, size_t len, page_image_size_t *out)
{
    page_image_reader_t  r;

    r.data = (const unsigned char *) data;
    r.len = len;
    r.fd = -1;

    if (data == NULL) {
        r.data = (const unsigned char *) "";
        r.len = 0;
    }

    return page_image_size(&r, out);
}


int
page_image_size_fd(int fd, page_image_size_t *out)
{
    page_image_reader_t  r;

    r.data = NULL;
    r.len = 0;
    r.fd = fd;

    return page_image_size(&r, out);
}
