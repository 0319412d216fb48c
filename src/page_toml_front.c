/*
 * page_toml_front: TOML front matter, between two lines "+++", as
 * Hugo's page lexer finds it; parsed by page_toml.cpp.
 */

#include <string.h>

#include "page_toml.h"


/* Does the line at p (len bytes left) hold exactly "+++" (and blanks)? */
static size_t
page_toml_delim(const char *p, size_t len)
{
    size_t  i;

    if (len < 3 || memcmp(p, "+++", 3) != 0) {
        return 0;
    }

    for (i = 3; i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r');
         i++)
    {
        /* trailing blanks are allowed after the delimiter */
    }

    if (i == len) {
        return i;
    }

    return p[i] == '\n' ? i + 1 : 0;
}


int
page_toml_split(const char *src, size_t len, size_t pos, unsigned first,
    unsigned col, const char *path, page_front_t *fm, page_error_t *err)
{
    size_t       opener, n, line_start;
    unsigned     line;
    const char  *nl;

    opener = pos + page_toml_delim(src + pos, len - pos);
    pos = opener;
    line = first + 1;

    for ( ;; ) {
        line_start = pos;

        if (pos >= len) {
            page_error_set(err, PAGE_ERR_CONTENT, path, first, col,
                           "front matter opened with \"+++\" is never "
                           "closed (expected a line \"+++\")");
            return -1;
        }

        if (pos - opener > PAGE_FRONT_MAX_SIZE) {
            page_error_set(err, PAGE_ERR_LIMIT, path, first, col,
                           "front matter larger than %d bytes "
                           "(is its closing \"+++\" missing?)",
                           PAGE_FRONT_MAX_SIZE);
            return -1;
        }

        n = page_toml_delim(src + pos, len - pos);
        if (n) {
            fm->front = src + opener;
            fm->front_len = line_start - opener;
            fm->front_line = first + 1;
            fm->front_col = 1;
            fm->toml = 1;
            fm->body = src + line_start + n;
            fm->body_len = len - line_start - n;
            fm->body_line = line + 1;
            return 0;
        }

        nl = memchr(src + pos, '\n', len - pos);
        pos = nl ? (size_t) (nl - src) + 1 : len;
        line++;
    }
}


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
