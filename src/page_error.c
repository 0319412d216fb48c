/*
 * page_error: formatting "path:line:col: message" error lines.
 */

#include <stdarg.h>
#include <stdio.h>

#include "page_error.h"


void
page_error_init(page_error_t *err)
{
    err->status = PAGE_OK;
    err->line = 0;
    err->col = 0;
    err->msg[0] = '\0';
}


void
page_error_set(page_error_t *err, page_status_t status, const char *path,
    unsigned line, unsigned col, const char *fmt, ...)
{
    int      n;
    va_list  ap;

    if (err == NULL || err->status != PAGE_OK) {
        return;
    }

    err->status = status;
    err->line = line;
    err->col = col;

    if (path == NULL || path[0] == '\0') {
        path = "-";
    }

    if (line) {
        n = snprintf(err->msg, sizeof(err->msg), "%s:%u:%u: ", path, line,
                     col);
    } else {
        n = snprintf(err->msg, sizeof(err->msg), "%s: ", path);
    }

    if (n < 0 || (size_t) n >= sizeof(err->msg)) {
        return;
    }

    va_start(ap, fmt);
    vsnprintf(err->msg + n, sizeof(err->msg) - n, fmt, ap);
    va_end(ap);
}


void
page_error_nomem(page_error_t *err, const char *path)
{
    page_error_set(err, PAGE_ERR_NOMEM, path, 0, 0, "out of memory");
}
