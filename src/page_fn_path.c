/*
 * page_fn_path: Hugo's path namespace (tpl/path): path.Base, BaseName,
 * Clean, Dir, Ext, Join and Split, as Go's path package does them on
 * the argument with its backslashes made slashes (filepath.ToSlash on
 * Windows; a no-op where Hugo runs on Unix, and so here).
 */

#include <string.h>

#include "page_fn.h"


/* Go's path.Clean of s[0, len) appended to b. */
static void
page_path_clean(page_buf_t *b, const char *s, size_t len)
{
    size_t  r, start, dotdot;
    int     rooted;

    if (len == 0) {
        page_buf_putc(b, '.');
        return;
    }

    rooted = s[0] == '/';
    start = b->len;
    r = 0;
    dotdot = 0;

    if (rooted) {
        page_buf_putc(b, '/');
        r = 1;
        dotdot = 1;
    }

    while (r < len) {
        if (s[r] == '/') {
            r++;                                    /* empty element */

        } else if (s[r] == '.' && (r + 1 == len || s[r + 1] == '/')) {
            r++;                                    /* . element */

        } else if (s[r] == '.' && s[r + 1] == '.'
                   && (r + 2 == len || s[r + 2] == '/'))
        {
            r += 2;                                 /* .. element */
            if (b->len - start > dotdot) {
                /* back up to the previous slash */
                b->len--;
                while (b->len - start > dotdot && b->data[b->len] != '/') {
                    b->len--;
                }
            } else if (!rooted) {
                if (b->len - start > 0) {
                    page_buf_putc(b, '/');
                }
                page_buf_puts(b, "..");
                dotdot = b->len - start;
            }

        } else {
            if ((rooted && b->len - start != 1)
                || (!rooted && b->len - start != 0))
            {
                page_buf_putc(b, '/');
            }
            for (; r < len && s[r] != '/'; r++) {
                page_buf_putc(b, s[r]);
            }
        }
    }

    if (b->len == start) {
        page_buf_putc(b, '.');
    }
}


/* Go's path.Ext: from the last dot of the last element. */
static void
page_path_ext(const char *s, size_t len, const char **e, size_t *elen)
{
    size_t  i;

    for (i = len; i-- > 0 && s[i] != '/'; ) {
        if (s[i] == '.') {
            *e = s + i;
            *elen = len - i;
            return;
        }
    }
    *e = "";
    *elen = 0;
}


/* Go's path.Base. */
static void
page_path_base(const char *s, size_t len, const char **bs, size_t *blen)
{
    size_t  i;

    if (len == 0) {
        *bs = ".";
        *blen = 1;
        return;
    }
    while (len > 0 && s[len - 1] == '/') {
        len--;
    }
    for (i = len; i > 0 && s[i - 1] != '/'; i--) {
        /* void */
    }
    if (len == 0) {
        *bs = "/";
        *blen = 1;
        return;
    }
    *bs = s + i;
    *blen = len - i;
}


/* The offset just past the last slash (Go's path.Split). */
static size_t
page_path_split(const char *s, size_t len)
{
    size_t  i;

    for (i = len; i > 0 && s[i - 1] != '/'; i--) {
        /* void */
    }
    return i;
}


static int
page_tpl_f_pathbase(PAGE_FN_ARGS)
{
    const char  *s, *bs;
    size_t       len, blen;

    (void) nargs;
    if (page_fn_cast_string(st, args[0], &s, &len) != 0) {
        return -1;
    }
    page_path_base(s, len, &bs, &blen);
    return page_tpl_ret_str(st, PAGE_STRING, bs, blen, res);
}


/* path.BaseName: Base without the extension of the path */
static int
page_tpl_f_pathbasename(PAGE_FN_ARGS)
{
    const char  *s, *bs, *e;
    size_t       len, blen, elen;

    (void) nargs;
    if (page_fn_cast_string(st, args[0], &s, &len) != 0) {
        return -1;
    }
    page_path_base(s, len, &bs, &blen);
    page_path_ext(s, len, &e, &elen);
    if (elen <= blen && memcmp(bs + blen - elen, e, elen) == 0) {
        blen -= elen;
    }
    return page_tpl_ret_str(st, PAGE_STRING, bs, blen, res);
}


static int
page_tpl_f_pathclean(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len;
    page_buf_t   b;

    (void) nargs;
    if (page_fn_cast_string(st, args[0], &s, &len) != 0) {
        return -1;
    }
    page_tpl_buf(st, &b);
    page_path_clean(&b, s, len);
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/* path.Dir: Split's directory, cleaned */
static int
page_tpl_f_pathdir(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len;
    page_buf_t   b;

    (void) nargs;
    if (page_fn_cast_string(st, args[0], &s, &len) != 0) {
        return -1;
    }
    page_tpl_buf(st, &b);
    page_path_clean(&b, s, page_path_split(s, len));
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


static int
page_tpl_f_pathext(PAGE_FN_ARGS)
{
    const char  *s, *e;
    size_t       len, elen;

    (void) nargs;
    if (page_fn_cast_string(st, args[0], &s, &len) != 0) {
        return -1;
    }
    page_path_ext(s, len, &e, &elen);
    return page_tpl_ret_str(st, PAGE_STRING, e, elen, res);
}


/*
 * path.Split: Hugo's DirFile, whose .Dir and .File are Go's path.Split
 * (the directory keeps its last slash).  Here a map of the two; Hugo
 * prints one as "Dir|File", this prints as a map.
 */
static int
page_tpl_f_pathsplit(PAGE_FN_ARGS)
{
    const char    *s;
    size_t         len, i;
    page_value_t  *m, *d, *f;

    (void) nargs;
    if (page_fn_cast_string(st, args[0], &s, &len) != 0) {
        return -1;
    }
    i = page_path_split(s, len);
    m = page_value_map(st->arena);
    d = page_value_string(st->arena, s, i);
    f = page_value_string(st->arena, s + i, len - i);
    if (m == NULL || d == NULL || f == NULL
        || page_map_add(st->arena, m, "Dir", 3, d) != 0
        || page_map_add(st->arena, m, "File", 4, f) != 0)
    {
        return page_tpl_nomem(st);
    }
    *res = m;
    return 0;
}


/* One element of path.Join (a list's elements each) into b. */
static int
page_path_join_one(page_tpl_state_t *st, page_value_t *v, page_buf_t *b)
{
    const char  *s;
    size_t       len;

    if (page_fn_cast_string(st, v, &s, &len) != 0) {
        return -1;
    }
    if (len > 0) {
        if (b->len > 0) {
            page_buf_putc(b, '/');
        }
        page_buf_append(b, s, len);
    }
    return 0;
}


/* path.Join ELEMENT...: the non-empty elements joined, then cleaned */
static int
page_tpl_f_pathjoin(PAGE_FN_ARGS)
{
    size_t       i, k;
    page_buf_t   b, c;

    page_tpl_buf(st, &b);
    for (i = 0; i < nargs; i++) {
        if (args[i] != NULL && args[i]->type == PAGE_LIST) {
            for (k = 0; k < args[i]->u.list.n; k++) {
                if (page_path_join_one(st, args[i]->u.list.items[k], &b)
                    != 0)
                {
                    return -1;
                }
            }
        } else if (page_path_join_one(st, args[i], &b) != 0) {
            return -1;
        }
    }
    if (b.len == 0) {
        return page_tpl_ret_str(st, PAGE_STRING, "", 0, res);
    }
    if (page_buf_failed(&b)) {
        return page_tpl_nomem(st);
    }
    page_tpl_buf(st, &c);
    page_path_clean(&c, b.data, b.len);
    return page_tpl_ret_buf(st, PAGE_STRING, &c, res);
}


const page_tpl_func_t  page_fn_path[] = {
    { "path.Base", page_tpl_f_pathbase, 1, 1 },
    { "path.BaseName", page_tpl_f_pathbasename, 1, 1 },
    { "path.Clean", page_tpl_f_pathclean, 1, 1 },
    { "path.Dir", page_tpl_f_pathdir, 1, 1 },
    { "path.Ext", page_tpl_f_pathext, 1, 1 },
    { "path.Join", page_tpl_f_pathjoin, 0, -1 },
    { "path.Split", page_tpl_f_pathsplit, 1, 1 },
    { NULL, NULL, 0, 0 }
};
