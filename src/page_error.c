/*
 * page_error: formatting "path:line:col: message" error lines.
 *
 * An error is one log line whatever it quotes (template source, a
 * shortcode's arguments, a file name): control characters are written
 * as escapes (\n, \t, \x01) when the line is made, here, so no caller
 * can break it.  Backslashes stay as they are, so a message that quotes
 * another error line is not escaped twice.
 */

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "page_error.h"


size_t
page_error_escape(char *dst, size_t size, const char *s, size_t len)
{
    size_t              i, k, n;
    unsigned char       c;
    char                esc[4];
    static const char   hex[] = "0123456789abcdef";

    n = 0;

    for (i = 0; i < len; i++) {
        c = (unsigned char) s[i];

        if (c >= 0x20 && c != 0x7f) {
            esc[0] = (char) c;
            k = 1;

        } else if (c == '\n' || c == '\r' || c == '\t') {
            esc[0] = '\\';
            esc[1] = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
            k = 2;

        } else {
            esc[0] = '\\';
            esc[1] = 'x';
            esc[2] = hex[c >> 4];
            esc[3] = hex[c & 0xf];
            k = 4;
        }

        if (n + k >= size) {
            break;              /* never an escape cut in half */
        }

        memcpy(dst + n, esc, k);
        n += k;
    }

    if (size > 0) {
        dst[n] = '\0';
    }

    return n;
}


/* Append s to err->msg from offset n, escaped. */
static void
page_error_put(page_error_t *err, size_t n, const char *s)
{
    page_error_escape(err->msg + n, sizeof(err->msg) - n, s, strlen(s));
}


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
    char     buf[PAGE_ERROR_MAX];
    size_t   n;
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

    err->msg[0] = '\0';
    page_error_put(err, 0, path);
    n = strlen(err->msg);

    if (line) {
        snprintf(buf, sizeof(buf), ":%u:%u: ", line, col);
    } else {
        snprintf(buf, sizeof(buf), ": ");
    }

    page_error_put(err, n, buf);

    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);

    page_error_put(err, strlen(err->msg), buf);
}


void
page_error_append(page_error_t *err, const char *fmt, ...)
{
    char     buf[PAGE_ERROR_MAX];
    va_list  ap;

    if (err == NULL) {
        return;
    }

    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);

    page_error_put(err, strlen(err->msg), buf);
}


void
page_error_nomem(page_error_t *err, const char *path)
{
    page_error_set(err, PAGE_ERR_NOMEM, path, 0, 0, "out of memory");
}
