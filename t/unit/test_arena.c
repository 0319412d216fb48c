/*
 * test_arena: the arena under every stage (page_arena.c): growth in
 * place, and the keep of blocks that per-render arenas share.
 *
 * Built without AddressSanitizer (see the Makefile): under ASan the keep
 * is off, so freed blocks stay poisoned for the other tests.
 */

#include <stdint.h>
#include <string.h>

#include "tap.h"
#include "page_arena.h"
#include "page_buf.h"


/* page_arena_extend: growth in place, only for the latest allocation */
static void
test_arena(void)
{
    char          *p, *q, *big;
    size_t         i;
    page_buf_t     b;
    page_arena_t   a;

    page_arena_init(&a, 0);

    p = page_arena_alloc(&a, 10);
    memcpy(p, "0123456789", 10);
    ok(page_arena_extend(&a, p, 10, 100) == 0,
       "arena: the latest allocation grows in place");
    ok(memcmp(p, "0123456789", 10) == 0, "arena: its bytes stay");
    q = page_arena_alloc(&a, 16);
    ok(q >= p + 100, "arena: the next allocation comes after the growth");
    ok(page_arena_extend(&a, p, 100, 200) == -1,
       "arena: an older allocation does not grow in place");
    ok(page_arena_extend(&a, q, 16, 8) == 0,
       "arena: shrinking the latest allocation is allowed");
    ok(page_arena_extend(&a, q, 16, PAGE_ARENA_BLOCK_SIZE * 2) == -1,
       "arena: no growth past the end of the block");
    ok(page_arena_extend(&a, NULL, 0, 16) == -1,
       "arena: NULL never grows");

    /* a buffer that is the latest allocation grows without copying */
    page_buf_init(&b, &a, 0);
    page_buf_append(&b, "x", 1);
    big = b.data;
    for (i = 0; i < 2000; i++) {
        page_buf_putc(&b, (char) ('a' + i % 26));
    }
    ok(b.data == big, "arena: a growing buffer stays where it is");
    ok(b.len == 2001 && b.data[0] == 'x' && b.data[2000] == 'a' + 1999 % 26,
       "arena: and keeps its bytes");

    /* another allocation in between: the buffer moves, bytes intact */
    (void) page_arena_alloc(&a, 1);
    for (i = 0; i < 4000; i++) {
        page_buf_putc(&b, 'y');
    }
    ok(b.data != big && b.len == 6001 && b.data[0] == 'x'
       && b.data[2000] == 'a' + 1999 % 26 && b.data[6000] == 'y',
       "arena: a buffer that is not the latest is copied when it grows");

    page_arena_free(&a);
}


/* page_arena_recycle: blocks of finished renders serve the next ones */
static void
test_recycle(void)
{
    char          *p, *q, *big;
    size_t         kept, i;
    page_arena_t   a, b, c, many[9];

    /* a render's block comes back to the next render */
    page_arena_init(&a, 0);
    page_arena_recycle(&a);
    p = page_arena_alloc(&a, 100);
    page_arena_free(&a);

    page_arena_init(&b, 0);
    page_arena_recycle(&b);
    q = page_arena_alloc(&b, 100);
    ok(q == p, "keep: the next render reuses the block");

    /* while b holds it, another render gets a block of its own */
    page_arena_init(&c, 0);
    page_arena_recycle(&c);
    ok(page_arena_alloc(&c, 100) != q, "keep: a block in use is not shared");
    page_arena_free(&c);
    page_arena_free(&b);

    /* the smallest block that fits is taken, and used whole */
    page_arena_init(&a, 0);
    page_arena_recycle(&a);
    big = page_arena_alloc(&a, 3 * PAGE_ARENA_BLOCK_SIZE);
    page_arena_free(&a);

    page_arena_init(&b, 0);
    page_arena_recycle(&b);
    ok(page_arena_alloc(&b, 10) != big,
       "keep: a small request takes a small block");
    ok(page_arena_alloc(&b, 2 * PAGE_ARENA_BLOCK_SIZE) == big,
       "keep: a large request takes the large block");
    page_arena_free(&b);

    /* arenas that do not recycle neither take nor give */
    page_arena_init(&a, 0);
    p = page_arena_alloc(&a, 3 * PAGE_ARENA_BLOCK_SIZE);
    ok(p != big, "keep: an arena that does not recycle mallocs its own");
    page_arena_free(&a);

    /* the limit still counts a kept block, and refuses past it */
    page_arena_init(&a, PAGE_ARENA_BLOCK_SIZE);
    page_arena_recycle(&a);
    ok(page_arena_alloc(&a, 2 * PAGE_ARENA_BLOCK_SIZE) == NULL,
       "keep: a kept block does not get past the arena's limit");
    page_arena_free(&a);

    page_arena_init(&a, 0);
    page_arena_recycle(&a);
    ok(page_arena_alloc(&a, 2 * PAGE_ARENA_BLOCK_SIZE) == big,
       "keep: and that block is still kept");
    page_arena_free(&a);

    /* no more than PAGE_ARENA_KEEP bytes are kept */
    kept = page_arena_kept_size();
    ok(kept > 0 && kept <= PAGE_ARENA_KEEP, "keep: holds the blocks above");

    page_arena_init(&a, 0);
    page_arena_recycle(&a);
    ok(page_arena_alloc(&a, PAGE_ARENA_KEEP) != NULL,
       "keep: a block as large as the keep");
    page_arena_free(&a);
    ok(page_arena_kept_size() == kept,
       "keep: a block larger than the room left is freed, not kept");

    /* nine renders at once, 4 MB each, then all done: 32 MB at most */
    for (i = 0; i < 9; i++) {
        page_arena_init(&many[i], 0);
        page_arena_recycle(&many[i]);
        (void) page_arena_alloc(&many[i], PAGE_ARENA_KEEP / 8);
    }
    for (i = 0; i < 9; i++) {
        page_arena_free(&many[i]);
    }
    ok(page_arena_kept_size() > PAGE_ARENA_KEEP / 2,
       "keep: blocks of renders done at once are kept");
    ok(page_arena_kept_size() <= PAGE_ARENA_KEEP,
       "keep: never holds more than PAGE_ARENA_KEEP");
}


int
main(void)
{
    test_arena();
    test_recycle();

    return done_testing();
}
