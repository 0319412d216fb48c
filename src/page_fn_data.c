/*
 * page_fn_data: Hugo's data namespace functions GetCSV and GetJSON
 * (getCSV, getJSON; hugo 0.111.3 has them, current Hugo removed them).
 * Defined so that templates that name them parse (an unknown function
 * fails the whole template set, and so nginx -t).  As hugo 0.111.3, a
 * URL that is not remote names a file of the project directory (the
 * working directory), read and decoded as transform.Unmarshal decodes
 * CSV (rows of strings; the separator "," only) or JSON; a remote URL
 * fails in one line: nothing is fetched at request time.
 */

#define _XOPEN_SOURCE  700

#include <fcntl.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "page_io.h"
#include "page_assets.h"
#include "page_data.h"
#include "page_fn.h"
#include "page_unmarshal.h"

/* Largest file getCSV or getJSON reads (the same scale as data/ files). */
#define PAGE_FN_DATA_MAX_FILE  (8 * 1024 * 1024)


/* Fail name for its URL (the arguments from first on, joined as Hugo). */
static int
page_fn_data_file(page_tpl_state_t *st, const char *name, const char *s,
    size_t len, page_value_t **res)
{
    int                    fd, rc;
    char                   msg[256];
    char                  *text;
    size_t                 got;
    ssize_t                n;
    unsigned               line, col;
    const char            *dirs[1];
    page_data_t           *d;
    page_arena_t          *a;
    page_asset_t           file;

    a = page_tpl_arena(st);
    d = page_tpl_env(st)->data;

    if (d == NULL || d->opt == NULL || d->opt->workdir == NULL) {
        return page_tpl_fail(st, "%s: open %.*s: file does not exist", name,
                             (int) len, s);
    }

    dirs[0] = d->opt->workdir;

    rc = page_assets_find(a, dirs, 1, s, len, &file);
    if (rc < 0) {
        return page_tpl_nomem(st);
    }

    if (rc == 0) {
        return page_tpl_fail(st, "%s: open %.*s: file does not exist", name,
                             (int) len, s);
    }

    if (file.size > PAGE_FN_DATA_MAX_FILE) {
        return page_tpl_fail(st, "%s: %.*s: larger than %d bytes", name,
                             (int) len, s, PAGE_FN_DATA_MAX_FILE);
    }

    text = page_arena_alloc(a, (size_t) file.size + 1);
    if (text == NULL) {
        return page_tpl_nomem(st);
    }

    fd = open(file.path, O_RDONLY | O_CLOEXEC);
    if (fd == -1) {
        return page_tpl_fail(st, "%s: open %.*s: cannot be read", name,
                             (int) len, s);
    }

    n = page_read_full(fd, text, (size_t) file.size);
    got = n > 0 ? (size_t) n : 0;

    close(fd);
    text[got] = '\0';

    rc = page_unmarshal_file(a, name[8] == 'C' ? "f.csv" : "f.json", text,
                             got, res, msg, sizeof(msg), &line, &col);

    if (rc == -2) {
        return page_tpl_nomem(st);
    }

    if (rc != 0) {
        return page_tpl_fail(st, "%s: %.*s: %s", name, (int) len, s, msg);
    }

    return 0;
}


/* Fail or read name's URL: the arguments from first on, joined. */
static int
page_fn_data_fail(page_tpl_state_t *st, const char *name,
    page_value_t **args, size_t nargs, size_t first, page_value_t **res)
{
    size_t       i, len;
    const char  *s;
    page_buf_t   b;

    page_tpl_buf(st, &b);

    for (i = first; i < nargs; i++) {
        if (page_tpl_text(st, args[i], &s, &len) != 0) {
            return -1;
        }

        page_buf_append(&b, s, len);
    }

    if (page_buf_cstr(&b) == NULL) {
        return page_tpl_nomem(st);
    }

    s = b.data;
    len = b.len;

    if ((len >= 7 && strncmp(s, "http://", 7) == 0)
        || (len >= 8 && strncmp(s, "https://", 8) == 0))
    {
        return page_fn_unavailable(st, name,
                                   "remote data is not fetched at request "
                                   "time");
    }

    return page_fn_data_file(st, name, s, len, res);
}


/* data.GetCSV SEP URL...: the CSV at URL as rows. */
static int
page_fn_data_getcsv(PAGE_FN_ARGS)
{
    size_t       len;
    const char  *sep;

    if (page_tpl_arg_str(st, "data.GetCSV", args[0], &sep, &len) != 0) {
        return -1;
    }

    if (len != 1 || sep[0] != ',') {
        return page_fn_unavailable(st, "data.GetCSV",
                                   "only the separator \",\" is read here");
    }

    return page_fn_data_fail(st, "data.GetCSV", args, nargs, 1, res);
}


/* data.GetJSON URL...: the JSON at URL. */
static int
page_fn_data_getjson(PAGE_FN_ARGS)
{
    return page_fn_data_fail(st, "data.GetJSON", args, nargs, 0, res);
}


const page_tpl_func_t  page_fn_data[] = {
    { "data.GetCSV",  page_fn_data_getcsv,  2, -1 },
    { "getCSV",       page_fn_data_getcsv,  2, -1 },
    { "data.GetJSON", page_fn_data_getjson, 1, -1 },
    { "getJSON",      page_fn_data_getjson, 1, -1 },
    { NULL, NULL, 0, 0 }
};
