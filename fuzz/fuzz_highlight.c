/*
 * fuzz_highlight: libFuzzer target for page_highlight.c: the input's
 * first line is a fenced block's info string (language and {options}),
 * the rest the code; it is highlighted with inline styles and with
 * classes, as the highlight function's options string too.  Checks that
 * the output ends as Chroma's markup does.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "page_arena.h"
#include "page_buf.h"
#include "page_highlight.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);


/*
 * Every language definition is read before the inputs run: the library's
 * .lang parser loses a few nodes, once per definition (util/valgrind.supp
 * says which), which the leak check would blame on the first input that
 * names the language.
 */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void) argc;
    (void) argv;

    page_highlight_preload();

    return 0;
}


static void
fuzz_highlight_one(const char *info, const char *code, size_t len,
    int no_classes)
{
    size_t              langlen, n;
    page_buf_t          b;
    const char         *lang, *end;
    page_arena_t        arena;
    page_hl_options_t   o;

    page_arena_init(&arena, 256 * 1024 * 1024);
    page_hl_options_default(&o);
    o.no_classes = no_classes;
    page_hl_info(&o, info, &lang, &langlen);
    page_hl_options_parse(&o, info, strlen(info));

    page_buf_init(&b, &arena, 0);
    page_highlight(&b, code, len, lang, langlen, &o, 0, NULL);

    /* hl_inline: one <code> */
    if (!page_buf_failed(&b) && !o.hl_inline) {
        end = "</code></pre>";
        n = strlen(end);
        if (b.len < n
            || (memcmp(b.data + b.len - n, end, n) != 0
                && (b.len < 6 || memcmp(b.data + b.len - 6, "</div>", 6)
                                 != 0)))
        {
            abort();
        }
    }

    page_buf_init(&b, &arena, 0);
    page_highlight_inner(&b, code, len, lang, langlen, &o, NULL);

    page_arena_free(&arena);
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char        *info;
    size_t       n;
    const char  *nl;

    nl = memchr(data, '\n', size);
    n = nl ? (size_t) (nl - (const char *) data) : size;

    info = malloc(n + 1);
    if (info == NULL) {
        return 0;
    }
    memcpy(info, data, n);
    info[n] = '\0';

    /* the info string ends at a NUL as cmark's does */
    fuzz_highlight_one(info, (const char *) data + (nl ? n + 1 : n),
                       nl ? size - n - 1 : 0, 1);
    fuzz_highlight_one(info, (const char *) data + (nl ? n + 1 : n),
                       nl ? size - n - 1 : 0, 0);

    free(info);

    return 0;
}
