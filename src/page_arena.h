/*
 * page_arena: the per-render arena.  Every allocation the core makes while
 * rendering one page comes from here and is released by one
 * page_arena_free() at the end, so nothing outlives the request.
 */

#ifndef PAGE_ARENA_H
#define PAGE_ARENA_H

#include <stddef.h>

/* First block size: a small page renders inside one block. */
#define PAGE_ARENA_BLOCK_SIZE  (64 * 1024)

typedef struct page_arena_block_s  page_arena_block_t;

/*
 * Most bytes of freed blocks a process keeps for the next render
 * (page_arena_recycle).  Memory new to a process costs a page fault per
 * 4 KB on first touch: a 1 MB page's render takes about 45 MB of arena,
 * and faulting it in anew each time was 40% of that render's time.  The
 * blocks stay the process's, so this also bounds what it keeps: a worker
 * that only renders small pages keeps a block or two of 64 KB.
 */
#define PAGE_ARENA_KEEP  (32 * 1024 * 1024)

typedef struct {
    page_arena_block_t  *head;      /* current block, linked to older ones */
    size_t               total;     /* bytes obtained from malloc */
    size_t               limit;     /* 0: none; else allocation fails past it */
    unsigned             recycle:1; /* blocks come from and go to the keep */
} page_arena_t;

void page_arena_init(page_arena_t *a, size_t limit);
/*
 * Make a (initialised, still empty) take its blocks from the blocks freed
 * by earlier recycling arenas, and give them back there when freed, up
 * to PAGE_ARENA_KEEP bytes.  For per-render arenas: one render at a time
 * per process (each nginx worker is one thread), as the keep is a static.
 */
void page_arena_recycle(page_arena_t *a);
/* Bytes of blocks the keep holds now. */
size_t page_arena_kept_size(void);
/* Free the kept blocks (when the process exits: page_exit()). */
void page_arena_release_kept(void);
void page_arena_free(page_arena_t *a);

/* Aligned for any C type; NULL when out of memory or past the limit. */
void *page_arena_alloc(page_arena_t *a, size_t size);
void *page_arena_calloc(page_arena_t *a, size_t n, size_t size);
/* A NUL-terminated copy of len bytes. */
char *page_arena_strndup(page_arena_t *a, const char *s, size_t len);
/* Grow an allocation (copies; the old one stays until the arena is freed). */
void *page_arena_realloc(page_arena_t *a, void *old, size_t old_size,
    size_t new_size);
/*
 * Grow the allocation p of old_size bytes to new_size without moving it:
 * possible when p is the latest allocation and its block has room.
 * Returns 0 when done, -1 when the caller must allocate and copy.
 */
int page_arena_extend(page_arena_t *a, void *p, size_t old_size,
    size_t new_size);

#endif /* PAGE_ARENA_H */
