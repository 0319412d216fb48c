/*
 * page_fn_urls: Hugo's urls namespace (tpl/urls): relURL, absURL,
 * anchorize, urls.Parse.
 */

#include <string.h>

#include "page_fn.h"


/* scheme://host of base, and its path (with a trailing '/'). */
static void
page_tpl_split_base(const char *base, size_t *host_end)
{
    const char  *p;

    p = strstr(base, "://");
    if (p == NULL) {
        *host_end = 0;
        return;
    }
    p += 3;
    while (*p && *p != '/') {
        p++;
    }
    *host_end = (size_t) (p - base);
}


static int
page_tpl_is_abs_url(const char *s, size_t len)
{
    size_t  i;

    for (i = 0; i < len; i++) {
        if (s[i] == ':') {
            return i > 0;
        }
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')
              || (i > 0 && ((s[i] >= '0' && s[i] <= '9') || s[i] == '+'
                            || s[i] == '-' || s[i] == '.'))))
        {
            return len >= 2 && s[0] == '/' && s[1] == '/';
        }
    }
    return 0;
}


static int
page_tpl_url(page_tpl_state_t *st, page_value_t *arg, int absolute,
    page_value_t **res)
{
    const char  *s, *base, *path;
    size_t       len, host_end, plen;
    page_buf_t   b;

    if (page_tpl_text(st, arg, &s, &len) != 0) {
        return -1;
    }

    base = st->env->base_url ? st->env->base_url : "";

    if (page_tpl_is_abs_url(s, len)) {
        return page_tpl_ret_str(st, PAGE_HTML, s, len, res);
    }

    page_tpl_split_base(base, &host_end);
    path = base + host_end;
    plen = strlen(path);

    page_tpl_buf(st, &b);
    if (absolute) {
        page_buf_append(&b, base, host_end);
    }

    if (len > 0 && s[0] == '/') {
        page_buf_append(&b, s, len);
    } else {
        if (plen == 0) {
            page_buf_putc(&b, '/');
        } else {
            page_buf_append(&b, path, plen);
            if (path[plen - 1] != '/') {
                page_buf_putc(&b, '/');
            }
        }
        page_buf_append(&b, s, len);
    }

    return page_tpl_ret_buf(st, PAGE_HTML, &b, res);
}


static int
page_tpl_f_relurl(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_url(st, args[0], 0, res);
}


static int
page_tpl_f_absurl(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_url(st, args[0], 1, res);
}


static int
page_tpl_is_word_sep(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-'
           || c == '_';
}


/*
 * anchorize: as Hugo makes heading ids: lower-case, keep letters, digits,
 * '-' and '_' (and non-ASCII letters), a space becomes '-'.
 */
static int
page_tpl_f_anchorize(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len, i;
    page_buf_t   b;
    char         c;

    (void) nargs;
    if (page_tpl_arg_str(st, "anchorize", args[0], &s, &len) != 0) {
        return -1;
    }

    while (len > 0 && page_tpl_is_word_sep(s[0]) && s[0] != '-'
           && s[0] != '_')
    {
        s++;
        len--;
    }
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'
                       || s[len - 1] == '\n'))
    {
        len--;
    }

    page_tpl_buf(st, &b);
    for (i = 0; i < len; i++) {
        c = s[i];
        if (c >= 'A' && c <= 'Z') {
            page_buf_putc(&b, (char) (c + 32));
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                   || c == '-' || c == '_' || (unsigned char) c >= 0x80)
        {
            page_buf_putc(&b, c);
        } else if (c == ' ') {
            page_buf_putc(&b, '-');
        }
    }

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/* urls.Parse: the parts of a URL as a map (Scheme, Host, Path, ...) */
static int
page_tpl_f_urlparse(PAGE_FN_ARGS)
{
    const char    *s, *p, *end, *q;
    size_t         len;
    page_value_t  *m;
    const char    *names[] = { "Scheme", "Host", "Path", "RawQuery",
                               "Fragment" };
    const char    *part[5];
    size_t         plen[5], i;

    (void) nargs;
    if (page_tpl_arg_str(st, "urls.Parse", args[0], &s, &len) != 0) {
        return -1;
    }

    for (i = 0; i < 5; i++) {
        part[i] = "";
        plen[i] = 0;
    }

    p = s;
    end = s + len;

    q = memchr(p, '#', (size_t) (end - p));
    if (q != NULL) {
        part[4] = q + 1;
        plen[4] = (size_t) (end - q - 1);
        end = q;
    }
    q = memchr(p, '?', (size_t) (end - p));
    if (q != NULL) {
        part[3] = q + 1;
        plen[3] = (size_t) (end - q - 1);
        end = q;
    }
    for (q = p; q < end && *q != '/' && *q != ':'; q++) {
        /* a scheme ends at the first ':' before any '/' */
    }
    if (q < end && *q == ':' && q > p) {
        part[0] = p;
        plen[0] = (size_t) (q - p);
        p = q + 1;
    }
    if (end - p >= 2 && p[0] == '/' && p[1] == '/') {
        p += 2;
        for (q = p; q < end && *q != '/'; q++) {
            /* the host runs to the path */
        }
        part[1] = p;
        plen[1] = (size_t) (q - p);
        p = q;
    }
    part[2] = p;
    plen[2] = (size_t) (end - p);

    m = page_value_map(st->arena);
    if (m == NULL) {
        return page_tpl_nomem(st);
    }
    for (i = 0; i < 5; i++) {
        if (page_map_set(st->arena, m, names[i], strlen(names[i]),
                         page_value_string(st->arena, part[i], plen[i]))
            != 0)
        {
            return page_tpl_nomem(st);
        }
    }

    *res = m;
    return 0;
}


const page_tpl_func_t  page_fn_urls[] = {
    { "urls.RelURL", page_tpl_f_relurl, 1, 1 },
    { "relURL", page_tpl_f_relurl, 1, 1 },
    { "urls.AbsURL", page_tpl_f_absurl, 1, 1 },
    { "absURL", page_tpl_f_absurl, 1, 1 },
    { "urls.Anchorize", page_tpl_f_anchorize, 1, 1 },
    { "anchorize", page_tpl_f_anchorize, 1, 1 },
    { "urls.Parse", page_tpl_f_urlparse, 1, 1 },
    { NULL, NULL, 0, 0 }
};
