/*
 * fuzz_html: libFuzzer target for the Markdown stage and its Hugo-style
 * HTML renderer (page_markdown_render -> page_html_render), safe and
 * unsafe, plus the table of contents.  Checks that the output is valid
 * UTF-8 and that, without the unsafe flag, no raw "<script" from the
 * input reaches it.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "page_arena.h"
#include "page_buf.h"
#include "page_error.h"
#include "page_highlight.h"
#include "page_html.h"
#include "page_markdown.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);


/*
 * Fenced code is highlighted: every language definition is read first,
 * as fuzz_highlight.c does (the library's parser loses a few nodes once
 * per definition, which the leak check would blame on an input).
 */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void) argc;
    (void) argv;

    page_highlight_preload();

    return 0;
}


static int
fuzz_html_utf8(const unsigned char *p, size_t n)
{
    size_t  i, k, j;

    for (i = 0; i < n; i += k) {
        if (p[i] < 0x80) {
            k = 1;
            continue;
        }
        k = (p[i] & 0xE0) == 0xC0 ? 2 : (p[i] & 0xF0) == 0xE0 ? 3
            : (p[i] & 0xF8) == 0xF0 ? 4 : 0;
        if (k == 0 || i + k > n) {
            return 0;
        }
        for (j = 1; j < k; j++) {
            if ((p[i + j] & 0xC0) != 0x80) {
                return 0;
            }
        }
    }

    return 1;
}


static void
fuzz_html_one(const char *src, size_t size, unsigned flags)
{
    page_buf_t       out, toc;
    page_arena_t     arena;
    page_error_t     err;
    page_md_info_t   info;

    page_arena_init(&arena, 256 * 1024 * 1024);
    page_error_init(&err);
    page_buf_init(&out, &arena, 0);
    memset(&info, 0, sizeof(info));

    if (page_markdown_render(src, size, flags, 1, &out, &info, "fuzz.md",
                             &err)
        == 0)
    {
        if (!fuzz_html_utf8((const unsigned char *) out.data, out.len)) {
            abort();
        }

        if (!(flags & PAGE_MD_UNSAFE) && out.len >= 7
            && page_buf_cstr(&out) != NULL && strstr(out.data, "<script"))
        {
            abort();
        }

        page_buf_init(&toc, &arena, 0);
        page_html_toc(&info.toc, 1, 6, &toc);
        page_html_toc(&info.toc, PAGE_HTML_TOC_START, PAGE_HTML_TOC_END,
                      &toc);
    }

    page_arena_free(&arena);
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char  *src;

    /* a private copy: ASan then catches reads past the input's end */
    src = malloc(size ? size : 1);
    if (src == NULL) {
        return 0;
    }
    if (size) {
        memcpy(src, data, size);
    }

    fuzz_html_one(src, size, 0);
    fuzz_html_one(src, size, PAGE_MD_UNSAFE);

    free(src);

    return 0;
}
