/*
 * page_arena: bump allocation in malloc'ed blocks, freed all at once, and
 * the keep of freed blocks that recycling arenas share.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "page_arena.h"

#define PAGE_ARENA_ALIGN  16

/* Blocks stop doubling here: larger ones would waste more than they save. */
#define PAGE_ARENA_BLOCK_MAX  (8 * 1024 * 1024)

/*
 * Under AddressSanitizer nothing is kept: a block freed to the allocator
 * is poisoned, so a use after the end of a render is still caught.
 */
#if defined(__SANITIZE_ADDRESS__)
#define PAGE_ARENA_KEEP_BYTES  0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PAGE_ARENA_KEEP_BYTES  0
#endif
#endif
#ifndef PAGE_ARENA_KEEP_BYTES
#define PAGE_ARENA_KEEP_BYTES  PAGE_ARENA_KEEP
#endif

struct page_arena_block_s {
    page_arena_block_t  *prev;
    size_t               size;
    size_t               used;
    /* data follows, aligned */
};

#define PAGE_ARENA_HEADER \
    ((sizeof(page_arena_block_t) + PAGE_ARENA_ALIGN - 1) \
     & ~(size_t) (PAGE_ARENA_ALIGN - 1))

/* The size an allocation of n bytes takes: aligned, and never 0. */
static size_t
page_arena_round(size_t n)
{
    n = (n + PAGE_ARENA_ALIGN - 1) & ~(size_t) (PAGE_ARENA_ALIGN - 1);

    return n ? n : PAGE_ARENA_ALIGN;
}

/* Blocks freed by recycling arenas, linked by prev; their bytes in all. */
static page_arena_block_t  *page_arena_kept;
static size_t               page_arena_kept_bytes;


void
page_arena_init(page_arena_t *a, size_t limit)
{
    a->head = NULL;
    a->total = 0;
    a->limit = limit;
    a->recycle = 0;
}


void
page_arena_recycle(page_arena_t *a)
{
    a->recycle = 1;
}


size_t
page_arena_kept_size(void)
{
    return page_arena_kept_bytes;
}


void
page_arena_release_kept(void)
{
    page_arena_block_t  *b;

    while (page_arena_kept != NULL) {
        b = page_arena_kept;
        page_arena_kept = b->prev;
        free(b);
    }

    page_arena_kept_bytes = 0;
}


/* The smallest kept block of at least size bytes, unlinked; or NULL. */
static page_arena_block_t *
page_arena_take(size_t size)
{
    page_arena_block_t   *b, **link, **best;

    best = NULL;

    for (link = &page_arena_kept; *link != NULL; link = &(*link)->prev) {
        if ((*link)->size >= size
            && (best == NULL || (*link)->size < (*best)->size))
        {
            best = link;
        }
    }

    if (best == NULL) {
        return NULL;
    }

    b = *best;
    *best = b->prev;
    page_arena_kept_bytes -= PAGE_ARENA_HEADER + b->size;

    return b;
}


/* Keep b for a later render if the keep has room; else free it. */
static void
page_arena_keep(page_arena_block_t *b)
{
    size_t  bytes;

    bytes = PAGE_ARENA_HEADER + b->size;

    if (bytes > PAGE_ARENA_KEEP_BYTES - page_arena_kept_bytes) {
        free(b);
        return;
    }

    b->prev = page_arena_kept;
    page_arena_kept = b;
    page_arena_kept_bytes += bytes;
}


void
page_arena_free(page_arena_t *a)
{
    page_arena_block_t  *b, *prev;

    for (b = a->head; b != NULL; b = prev) {
        prev = b->prev;

        if (a->recycle) {
            page_arena_keep(b);
        } else {
            free(b);
        }
    }

    a->head = NULL;
    a->total = 0;
}


void *
page_arena_alloc(page_arena_t *a, size_t size)
{
    size_t               want, bsize;
    page_arena_block_t  *b;

    if (size > SIZE_MAX / 2) {
        return NULL;
    }

    want = page_arena_round(size);

    b = a->head;

    if (b == NULL || b->size - b->used < want) {
        bsize = PAGE_ARENA_BLOCK_SIZE;

        if (b != NULL) {
            /* blocks double, so a large page needs few mallocs */
            bsize = b->size < PAGE_ARENA_BLOCK_MAX / 2 ? b->size * 2
                                                       : PAGE_ARENA_BLOCK_MAX;
        }

        if (bsize < want) {
            bsize = want;
        }

        b = a->recycle ? page_arena_take(bsize) : NULL;

        if (b != NULL) {
            bsize = b->size;
        }

        if (a->limit && a->total + bsize + PAGE_ARENA_HEADER > a->limit) {
            if (b != NULL) {
                page_arena_keep(b);
            }
            return NULL;
        }

        if (b == NULL) {
            b = malloc(PAGE_ARENA_HEADER + bsize);
            if (b == NULL) {
                return NULL;
            }
        }

        b->prev = a->head;
        b->size = bsize;
        b->used = 0;
        a->head = b;
        a->total += PAGE_ARENA_HEADER + bsize;
    }

    b->used += want;

    return (char *) b + PAGE_ARENA_HEADER + b->used - want;
}


void *
page_arena_calloc(page_arena_t *a, size_t n, size_t size)
{
    void  *p;

    if (size != 0 && n > SIZE_MAX / size) {
        return NULL;
    }

    p = page_arena_alloc(a, n * size);
    if (p != NULL) {
        memset(p, 0, n * size);
    }

    return p;
}


char *
page_arena_strndup(page_arena_t *a, const char *s, size_t len)
{
    char  *p;

    p = page_arena_alloc(a, len + 1);
    if (p == NULL) {
        return NULL;
    }

    if (len) {
        memcpy(p, s, len);
    }
    p[len] = '\0';

    return p;
}


int
page_arena_extend(page_arena_t *a, void *p, size_t old_size, size_t new_size)
{
    char                *base;
    size_t               at, old_end, new_end;
    page_arena_block_t  *b;

    b = a->head;

    if (b == NULL || p == NULL || new_size > SIZE_MAX / 2) {
        return -1;
    }

    base = (char *) b + PAGE_ARENA_HEADER;

    if ((char *) p < base || (char *) p > base + b->used) {
        return -1;
    }

    at = (size_t) ((char *) p - base);
    old_end = at + page_arena_round(old_size);
    new_end = at + page_arena_round(new_size);

    if (old_end != b->used || new_end > b->size) {
        return -1;
    }

    if (new_end > b->used) {
        b->used = new_end;
    }

    return 0;
}


void *
page_arena_realloc(page_arena_t *a, void *old, size_t old_size,
    size_t new_size)
{
    void  *p;

    p = page_arena_alloc(a, new_size);
    if (p != NULL && old != NULL) {
        memcpy(p, old, old_size < new_size ? old_size : new_size);
    }

    return p;
}
