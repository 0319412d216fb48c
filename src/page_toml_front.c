/*
 * page_toml_front: TOML front matter (page_front.c finds it between two
 * lines "+++"), parsed by page_toml.cpp, its errors at file:line:col.
 */

#include <string.h>

#include "page_toml.h"


int
page_toml_front(page_arena_t *a, const page_front_t *fm, const char *path,
    page_value_t **out, page_error_t *err)
{
    int                rc;
    page_toml_error_t  te;

    rc = page_toml_parse(a, fm->front, fm->front_len,
                         PAGE_TOML_LOWER | PAGE_TOML_FRONT, out, &te);

    if (rc == -2) {
        page_error_nomem(err, path);
        return -1;
    }

    if (rc != 0) {
        page_error_set(err, PAGE_ERR_CONTENT, path,
                       te.line ? fm->front_line + te.line - 1
                               : fm->front_line,
                       te.col ? te.col : 1,
                       "unmarshal failed: toml: %s", te.msg);
        return -1;
    }

    return 0;
}
