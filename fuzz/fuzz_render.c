/*
 * fuzz_render: libFuzzer target for the whole pipeline, page_render():
 * front matter, Markdown (libcmark-gfm) and the layout (the built-in
 * theme, compiled once as nginx does at configuration time).  The first
 * input byte picks the options (unsafe HTML, content only, a site title),
 * the rest is the content file.  Checks that a success gives a page of
 * valid UTF-8 and a failure gives a "path:" error line.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "page_data.h"
#include "page_highlight.h"
#include "page_templates.h"

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

/* configuration-time state: lives for the whole run, like nginx's conf */
static page_arena_t       fuzz_conf_arena;
static page_templates_t  *fuzz_templates;


static page_templates_t *
fuzz_templates_init(void)
{
    page_error_t  err;

    page_arena_init(&fuzz_conf_arena, 0);
    page_error_init(&err);

    fuzz_templates = page_templates_new(&fuzz_conf_arena, page_data_funcs,
                                        page_data_nfuncs);

    if (fuzz_templates == NULL
        || page_templates_add_files(fuzz_templates, "(built-in theme)",
                                    page_builtin_theme,
                                    page_builtin_theme_count, &err) != 0
        || page_templates_compile(fuzz_templates, &err) != 0)
    {
        fprintf(stderr, "fuzz_render: built-in theme: %s\n", err.msg);
        abort();
    }

    return fuzz_templates;
}


/* Is p[0..len) well-formed UTF-8 (no overlongs, surrogates, > U+10FFFF)? */
static int
fuzz_utf8_valid(const unsigned char *p, size_t len)
{
    size_t    i, n, k;
    uint32_t  c, min;

    for (i = 0; i < len; i += n) {
        c = p[i];

        if (c < 0x80) {
            n = 1;
            continue;
        }

        if ((c & 0xE0) == 0xC0) {
            n = 2; c &= 0x1F; min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            n = 3; c &= 0x0F; min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            n = 4; c &= 0x07; min = 0x10000;
        } else {
            return 0;
        }

        if (i + n > len) {
            return 0;
        }

        for (k = 1; k < n; k++) {
            if ((p[i + k] & 0xC0) != 0x80) {
                return 0;
            }
            c = (c << 6) | (p[i + k] & 0x3F);
        }

        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
            return 0;
        }
    }

    return 1;
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int              rc;
    char            *src;
    unsigned         flags;
    page_result_t    res;
    page_options_t   opt;

    flags = size ? data[0] : 0;
    if (size) {
        data++;
        size--;
    }

    src = malloc(size ? size : 1);
    if (src == NULL) {
        return 0;
    }
    if (size) {
        memcpy(src, data, size);
    }

    if (fuzz_templates == NULL) {
        fuzz_templates_init();
    }

    page_options_init(&opt);
    opt.path = "/srv/site/fuzz.md";
    opt.templates = fuzz_templates;
    opt.unsafe_html = (flags & 1) != 0;
    opt.content_only = (flags & 2) != 0;
    if (flags & 4) {
        opt.site_title = "Site <&>";
        opt.site_title_len = sizeof("Site <&>") - 1;
    }

    rc = page_render(src, size, &opt, &res);

    if (rc == PAGE_OK) {
        if (res.data == NULL && res.len != 0) {
            abort();
        }
        if (!fuzz_utf8_valid((const unsigned char *) res.data, res.len)) {
            abort();                /* the page must be valid UTF-8 */
        }
        if (!opt.content_only
            && (res.len < 15 || memcmp(res.data, "<!DOCTYPE html>", 15) != 0))
        {
            abort();
        }

    } else if (rc != (int) res.error.status
               || strncmp(res.error.msg, "/srv/site/fuzz.md:", 18) != 0)
    {
        abort();
    }

    page_result_free(&res);
    free(src);

    return 0;
}
