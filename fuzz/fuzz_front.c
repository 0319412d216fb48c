/*
 * fuzz_front: libFuzzer target for the front matter stage.  Splits the
 * input into front matter and body and parses the YAML or JSON into page
 * values,
 * then prints the result (which walks every value), so crashes, leaks and
 * undefined behaviour anywhere in split, libyaml events, typing or
 * printing show up under the sanitizers.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page_arena.h"
#include "page_buf.h"
#include "page_error.h"
#include "page_front.h"
#include "page_value.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char            *src, where[32];
    size_t           i, start;
    unsigned         lines, line;
    page_buf_t       out;
    page_arena_t     arena;
    page_error_t     err;
    page_front_t     fm;
    page_value_t    *params;

    /* a private copy: ASan then catches reads past the input's end */
    src = malloc(size ? size : 1);
    if (src == NULL) {
        return 0;
    }
    if (size) {
        memcpy(src, data, size);
    }

    page_arena_init(&arena, 64 * 1024 * 1024);
    page_error_init(&err);

    if (page_front_split(src, size, "fuzz.md", &fm, &err) == 0) {

        /* the split must stay inside the input */
        if (fm.body < src || fm.body + fm.body_len > src + size
            || (fm.front != NULL
                && (fm.front < src || fm.front + fm.front_len > src + size)))
        {
            abort();
        }

        if (page_front_parse(&arena, &fm, "fuzz.md", &params, &err) == 0) {
            if (params == NULL || params->type != PAGE_MAP
                || err.status != PAGE_OK)
            {
                abort();
            }

            page_buf_init(&out, &arena, 0);
            page_value_print(&out, params);
            (void) page_value_truthy(params);

        } else if (err.status == PAGE_OK || err.msg[0] == '\0') {
            abort();                /* a failure must say why */

        } else {
            /* and where: a line of the file (or just past its end);
             * YAML and Markdown both end lines with LF, CRLF or CR */
            lines = 1;
            for (i = 0; i < size; i++) {
                lines += src[i] == '\n'
                         || (src[i] == '\r'
                             && (i + 1 == size || src[i + 1] != '\n'));
            }

            if (err.status != PAGE_ERR_NOMEM
                && (err.line < 1 || err.line > lines + 1 || err.col < 1))
            {
                abort();
            }
        }

    } else {
        /* split errors are about the opener: after a BOM and blanks */
        i = size >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        start = i;
        line = 1;
        for ( /* void */ ; i < size && strchr(" \t\r\n", src[i]) != NULL
                           && src[i] != '\0'; i++)
        {
            if (src[i] == '\n') {
                line++;
                start = i + 1;
            }
        }
        snprintf(where, sizeof(where), "fuzz.md:%u:%u: ", line,
                 (unsigned) (i - start) + 1);

        if (err.status == PAGE_OK
            || strncmp(err.msg, where, strlen(where)) != 0)
        {
            abort();
        }
    }

    page_arena_free(&arena);
    free(src);

    return 0;
}
