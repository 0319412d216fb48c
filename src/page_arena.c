/*
 * page_arena: bump allocation in malloc'ed blocks, freed all at once.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "page_arena.h"

#define PAGE_ARENA_ALIGN  16

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


void
page_arena_init(page_arena_t *a, size_t limit)
{
    a->head = NULL;
    a->total = 0;
    a->limit = limit;
}


void
page_arena_free(page_arena_t *a)
{
    page_arena_block_t  *b, *prev;

    for (b = a->head; b != NULL; b = prev) {
        prev = b->prev;
        free(b);
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

        if (b != NULL && b->size < 8 * 1024 * 1024) {
            /* blocks double, so a large page needs few mallocs */
            bsize = b->size * 2;
        }

        if (bsize < want) {
            bsize = want;
        }

        if (a->limit && a->total + bsize + PAGE_ARENA_HEADER > a->limit) {
            return NULL;
        }

        b = malloc(PAGE_ARENA_HEADER + bsize);
        if (b == NULL) {
            return NULL;
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
