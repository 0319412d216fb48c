/*
 * page_image: the width and height of an image, read from its header
 * (PNG, JPEG, GIF, WebP, BMP: what Go's image.DecodeConfig reads for
 * Hugo's .Width, .Height and images.Config).  No pixel is decoded; the
 * formats' headers are a few fixed fields, so no image library is linked
 * for them.
 */

#ifndef PAGE_IMAGE_H
#define PAGE_IMAGE_H

#include <stddef.h>
#include <stdint.h>

/*
 * Most JPEG segments skipped looking for the frame header.  Exif, ICC
 * profiles and thumbnails come before it, a few segments in real files;
 * a crafted file of empty segments stops here.
 */
#define PAGE_IMAGE_MAX_SEGMENTS  1024

/* Largest width or height taken as real (Go's decoders take any). */
#define PAGE_IMAGE_MAX_SIDE  (1u << 30)

typedef struct {
    uint32_t     width;
    uint32_t     height;
    const char  *format;        /* "png", "jpeg", "gif", "webp", "bmp" */
} page_image_size_t;

/* From bytes in memory.  0, or -1 when they are no such image. */
int page_image_size_mem(const char *data, size_t len,
    page_image_size_t *out);

/* From an open file (read with pread, a few bytes at a time). */
int page_image_size_fd(int fd, page_image_size_t *out);

#endif /* PAGE_IMAGE_H */
