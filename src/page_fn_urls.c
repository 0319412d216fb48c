/*
 * page_fn_urls: Hugo's urls namespace (tpl/urls): absURL, relURL,
 * absLangURL, relLangURL, urlize, anchorize, urls.Parse, urls.JoinPath,
 * urls.PathEscape and urls.PathUnescape, with Go's net/url rules for
 * parsing, escaping and printing a URL (url.Parse, URL.String,
 * url.PathEscape, path.Join) and Hugo's for the rest (helpers/url.go,
 * common/paths).  ref and relref are in page_data.c (they need the
 * page); urls.Ref and urls.RelRef call them.
 *
 * A site has one language here, without a language prefix in its URLs:
 * absLangURL and relLangURL are absURL and relURL, as in a Hugo site
 * with one language.  Letters, digits, marks and lower case are
 * libunistring's Unicode tables, where Go has its own.
 */

#include <stdio.h>
#include <string.h>
#include <unictype.h>
#include <unicase.h>

#include "page_fn.h"
#include "page_utf8.h"

/* Go's url.URL, the fields templates read. */
typedef struct {
    page_str_t  scheme;
    page_str_t  opaque;
    page_str_t  user;           /* userinfo as written, before '@' */
    page_str_t  host;
    page_str_t  path;           /* unescaped */
    page_str_t  raw_path;       /* the escaped form when it differs */
    page_str_t  raw_query;
    page_str_t  fragment;       /* unescaped */
    page_str_t  raw_fragment;
    unsigned    has_user:1;
    unsigned    force_query:1;
    unsigned    omit_host:1;
} page_url_t;

/* Go's url encoding modes (net/url's shouldEscape). */
typedef enum {
    PAGE_URL_PATH = 0,
    PAGE_URL_PATH_SEGMENT,
    PAGE_URL_HOST,
    PAGE_URL_QUERY_COMPONENT,
    PAGE_URL_FRAGMENT
} page_url_mode_t;


static int
page_url_ishex(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')
           || (c >= 'A' && c <= 'F');
}


static int
page_url_unhex(int c)
{
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}


/* Go's shouldEscape. */
static int
page_url_should_escape(int c, page_url_mode_t mode)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9'))
    {
        return 0;
    }

    if (mode == PAGE_URL_HOST) {
        /* §3.2.2: sub-delims, ':' and the IPv6 brackets; Go adds <>" */
        if (strchr("!$&'()*+,;=:[]<>\"", c) != NULL && c != '\0') {
            return 0;
        }
    }

    switch (c) {
    case '-': case '_': case '.': case '~':
        return 0;

    case '$': case '&': case '+': case ',': case '/': case ':': case ';':
    case '=': case '?': case '@':
        switch (mode) {
        case PAGE_URL_PATH:
            return c == '?';
        case PAGE_URL_PATH_SEGMENT:
            return c == '/' || c == ';' || c == ',' || c == '?';
        case PAGE_URL_QUERY_COMPONENT:
            return 1;
        case PAGE_URL_FRAGMENT:
            return 0;
        default:
            break;
        }
        break;

    default:
        break;
    }

    if (mode == PAGE_URL_FRAGMENT
        && (c == '!' || c == '(' || c == ')' || c == '*'))
    {
        return 0;
    }

    return 1;
}


/* Go's escape(s, mode); a space in a query component is '+'. */
static void
page_url_escape(page_buf_t *b, const char *s, size_t len,
    page_url_mode_t mode)
{
    size_t         i;
    unsigned char  c;
    static const char  hex[] = "0123456789ABCDEF";

    for (i = 0; i < len; i++) {
        c = (unsigned char) s[i];
        if (!page_url_should_escape(c, mode)) {
            page_buf_putc(b, (char) c);
        } else if (c == ' ' && mode == PAGE_URL_QUERY_COMPONENT) {
            page_buf_putc(b, '+');
        } else {
            page_buf_putc(b, '%');
            page_buf_putc(b, hex[c >> 4]);
            page_buf_putc(b, hex[c & 15]);
        }
    }
}


/*
 * Go's unescape(s, mode) into b: 0, or -1 with Go's message in err
 * ("invalid URL escape "%zz"").
 */
static int
page_url_unescape(page_buf_t *b, const char *s, size_t len,
    page_url_mode_t mode, char *err, size_t errlen)
{
    size_t  i, n;

    for (i = 0; i < len; i++) {
        if (s[i] == '%') {
            if (i + 2 >= len || !page_url_ishex((unsigned char) s[i + 1])
                || !page_url_ishex((unsigned char) s[i + 2]))
            {
                n = len - i > 3 ? 3 : len - i;
                snprintf(err, errlen, "invalid URL escape \"%.*s\"",
                         (int) n, s + i);
                return -1;
            }
            page_buf_putc(b, (char) (page_url_unhex(s[i + 1]) * 16
                                     + page_url_unhex(s[i + 2])));
            i += 2;
        } else if (s[i] == '+' && mode == PAGE_URL_QUERY_COMPONENT) {
            page_buf_putc(b, ' ');
        } else {
            page_buf_putc(b, s[i]);
        }
    }

    return 0;
}


/* Go's validEncoded: may s be used as the escaped form as it is. */
static int
page_url_valid_encoded(const char *s, size_t len, page_url_mode_t mode)
{
    size_t  i;

    for (i = 0; i < len; i++) {
        if (strchr("!$&'()*+,;=:@[]%", s[i]) != NULL && s[i] != '\0') {
            continue;
        }
        if (page_url_should_escape((unsigned char) s[i], mode)) {
            return 0;
        }
    }

    return 1;
}


static int
page_url_set(page_tpl_state_t *st, page_str_t *f, const char *s, size_t len)
{
    char  *p;

    p = page_arena_strndup(page_tpl_arena(st), s, len);
    if (p == NULL) {
        return -1;
    }
    f->data = p;
    f->len = len;

    return 0;
}


/*
 * Unescape s in mode into *out, and its escaped form into *raw when
 * escaping out again does not give s back (Go's setPath, setFragment).
 */
static int
page_url_set_escaped(page_tpl_state_t *st, const char *s, size_t len,
    page_url_mode_t mode, page_str_t *out, page_str_t *raw, char *err,
    size_t errlen)
{
    page_buf_t  u, e;

    page_tpl_buf(st, &u);
    if (page_url_unescape(&u, s, len, mode, err, errlen) != 0) {
        return -1;
    }
    if (page_buf_cstr(&u) == NULL) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    out->data = u.data;
    out->len = u.len;

    page_tpl_buf(st, &e);
    page_url_escape(&e, u.data, u.len, mode);
    if (e.len == len && (len == 0 || memcmp(e.data, s, len) == 0)) {
        raw->data = "";
        raw->len = 0;
    } else if (page_url_set(st, raw, s, len) != 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }

    return 0;
}


/*
 * Go's url.Parse.  0, or -1 with Go's whole message in err
 * ("parse "%zz": invalid URL escape "%zz"").
 */
static int
page_url_parse(page_tpl_state_t *st, const char *raw, size_t len,
    page_url_t *u, char *err, size_t errlen)
{
    char         why[128];
    size_t       i, rest_len, ulen, q, at, colon;
    const char  *rest, *hash, *auth, *p;

    memset(u, 0, sizeof(*u));
    u->scheme.data = u->opaque.data = u->user.data = u->host.data = "";
    u->path.data = u->raw_path.data = u->raw_query.data = "";
    u->fragment.data = u->raw_fragment.data = "";
    why[0] = '\0';

    hash = memchr(raw, '#', len);
    ulen = hash ? (size_t) (hash - raw) : len;

    for (i = 0; i < ulen; i++) {
        if ((unsigned char) raw[i] < 0x20 || raw[i] == 0x7f) {
            snprintf(why, sizeof(why),
                     "net/url: invalid control character in URL");
            goto failed;
        }
    }

    if (ulen == 1 && raw[0] == '*') {
        u->path.data = "*";
        u->path.len = 1;
        goto fragment;
    }

    /* getScheme */
    rest = raw;
    rest_len = ulen;
    for (i = 0; i < ulen; i++) {
        int  c = (unsigned char) raw[i];

        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            continue;
        }
        if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
            if (i == 0) {
                break;
            }
            continue;
        }
        if (c == ':') {
            if (i == 0) {
                snprintf(why, sizeof(why), "missing protocol scheme");
                goto failed;
            }
            if (page_url_set(st, &u->scheme, raw, i) != 0) {
                return page_tpl_nomem(st);
            }
            for (q = 0; q < i; q++) {
                char  *s = (char *) u->scheme.data;

                if (s[q] >= 'A' && s[q] <= 'Z') {
                    s[q] = (char) (s[q] + 32);
                }
            }
            rest = raw + i + 1;
            rest_len = ulen - i - 1;
        }
        break;
    }

    /* the query */
    p = memchr(rest, '?', rest_len);
    if (p != NULL) {
        if ((size_t) (p - rest) == rest_len - 1) {
            u->force_query = 1;
        } else if (page_url_set(st, &u->raw_query, p + 1,
                                rest_len - (size_t) (p - rest) - 1) != 0)
        {
            return page_tpl_nomem(st);
        }
        rest_len = (size_t) (p - rest);
    }

    if (rest_len == 0 || rest[0] != '/') {
        if (u->scheme.len) {
            if (page_url_set(st, &u->opaque, rest, rest_len) != 0) {
                return page_tpl_nomem(st);
            }
            goto fragment;
        }
        for (i = 0; i < rest_len && rest[i] != '/'; i++) {
            if (rest[i] == ':') {
                snprintf(why, sizeof(why), "first path segment in URL "
                         "cannot contain colon");
                goto failed;
            }
        }
    }

    if ((u->scheme.len || !(rest_len >= 3 && memcmp(rest, "///", 3) == 0))
        && rest_len >= 2 && rest[0] == '/' && rest[1] == '/')
    {
        auth = rest + 2;
        p = memchr(auth, '/', rest_len - 2);
        i = p ? (size_t) (p - auth) : rest_len - 2;
        rest = auth + i;
        rest_len = rest_len - 2 - i;

        at = i;
        for (q = 0; q < i; q++) {
            if (auth[q] == '@') {
                at = q;
            }
        }
        if (at < i) {
            u->has_user = 1;
            if (page_url_set(st, &u->user, auth, at) != 0) {
                return page_tpl_nomem(st);
            }
            auth += at + 1;
            i -= at + 1;
        }

        /* a port is digits after the last ':' (not inside [v6]) */
        colon = i;
        for (q = 0; q < i; q++) {
            if (auth[q] == ':') {
                colon = q;
            } else if (auth[q] == ']') {
                colon = i;
            }
        }
        for (q = colon + 1; q < i; q++) {
            if (auth[q] < '0' || auth[q] > '9') {
                snprintf(why, sizeof(why), "invalid port \"%.*s\" after "
                         "host", (int) (i - colon), auth + colon);
                goto failed;
            }
        }
        if (page_url_set(st, &u->host, auth, i) != 0) {
            return page_tpl_nomem(st);
        }

    } else if (u->scheme.len && rest_len > 0 && rest[0] == '/') {
        u->omit_host = 1;
    }

    if (page_url_set_escaped(st, rest, rest_len, PAGE_URL_PATH, &u->path,
                             &u->raw_path, why, sizeof(why)) != 0)
    {
        goto failed;
    }

fragment:

    if (hash != NULL && (size_t) (hash - raw) + 1 < len) {
        if (page_url_set_escaped(st, hash + 1, len - ulen - 1,
                                 PAGE_URL_FRAGMENT, &u->fragment,
                                 &u->raw_fragment, why, sizeof(why)) != 0)
        {
            snprintf(err, errlen, "parse \"%.*s\": %s", (int) len, raw, why);
            return -1;
        }
    }

    return 0;

failed:

    snprintf(err, errlen, "parse \"%.*s\": %s", (int) ulen, raw, why);
    return -1;
}


/* Go's URL.EscapedPath. */
static void
page_url_escaped_path(page_buf_t *b, const page_url_t *u)
{
    if (u->raw_path.len
        && page_url_valid_encoded(u->raw_path.data, u->raw_path.len,
                                  PAGE_URL_PATH))
    {
        page_buf_append(b, u->raw_path.data, u->raw_path.len);
        return;
    }

    if (u->path.len == 1 && u->path.data[0] == '*') {
        page_buf_putc(b, '*');
        return;
    }

    page_url_escape(b, u->path.data, u->path.len, PAGE_URL_PATH);
}


/* Go's URL.String. */
static void
page_url_string(page_buf_t *b, const page_url_t *u)
{
    size_t      start, i;
    page_buf_t  path;

    start = b->len;

    if (u->scheme.len) {
        page_buf_append(b, u->scheme.data, u->scheme.len);
        page_buf_putc(b, ':');
    }

    if (u->opaque.len) {
        page_buf_append(b, u->opaque.data, u->opaque.len);

    } else {
        if ((u->scheme.len || u->host.len || u->has_user)
            && !(u->omit_host && u->host.len == 0 && !u->has_user))
        {
            if (u->host.len || u->path.len || u->has_user) {
                page_buf_puts(b, "//");
            }
            if (u->has_user) {
                page_buf_append(b, u->user.data, u->user.len);
                page_buf_putc(b, '@');
            }
            page_url_escape(b, u->host.data, u->host.len, PAGE_URL_HOST);
        }

        page_buf_init(&path, b->arena, 0);
        page_url_escaped_path(&path, u);

        if (path.len && path.data[0] != '/' && u->host.len) {
            page_buf_putc(b, '/');
        }

        if (b->len == start) {
            /* "a:b" as a relative path would read as a scheme */
            for (i = 0; i < path.len && path.data[i] != '/'; i++) {
                if (path.data[i] == ':') {
                    page_buf_puts(b, "./");
                    break;
                }
            }
        }
        page_buf_append(b, path.data, path.len);
    }

    if (u->force_query || u->raw_query.len) {
        page_buf_putc(b, '?');
        page_buf_append(b, u->raw_query.data, u->raw_query.len);
    }

    if (u->fragment.len) {
        page_buf_putc(b, '#');
        if (u->raw_fragment.len
            && page_url_valid_encoded(u->raw_fragment.data,
                                      u->raw_fragment.len, PAGE_URL_FRAGMENT))
        {
            page_buf_append(b, u->raw_fragment.data, u->raw_fragment.len);
        } else {
            page_url_escape(b, u->fragment.data, u->fragment.len,
                            PAGE_URL_FRAGMENT);
        }
    }
}


/*
 * Go's path.Clean of b's bytes from start on, in place: "." and ".."
 * resolved, slashes collapsed; "" becomes "." ("/" when rooted).
 */
static void
page_url_clean(page_buf_t *b, size_t start)
{
    char    *s;
    size_t   n, r, w, dotdot;
    int      rooted;

    s = b->data ? b->data + start : NULL;
    n = b->len - start;

    if (n == 0) {
        page_buf_putc(b, '.');
        return;
    }

    rooted = s[0] == '/';
    r = w = dotdot = rooted ? 1 : 0;

    while (r < n) {
        if (s[r] == '/') {
            r++;
        } else if (s[r] == '.' && (r + 1 == n || s[r + 1] == '/')) {
            r++;
        } else if (s[r] == '.' && s[r + 1] == '.'
                   && (r + 2 == n || s[r + 2] == '/'))
        {
            r += 2;
            if (w > dotdot) {
                w--;
                while (w > dotdot && s[w] != '/') {
                    w--;
                }
            } else if (!rooted) {
                if (w > 0) {
                    s[w++] = '/';
                }
                s[w++] = '.';
                s[w++] = '.';
                dotdot = w;
            }
        } else {
            if ((rooted && w != 1) || (!rooted && w != 0)) {
                s[w++] = '/';
            }
            for (; r < n && s[r] != '/'; r++) {
                s[w++] = s[r];
            }
        }
    }

    if (w == 0) {
        s[w++] = '.';
    }
    b->len = start + w;
}


/* Go's path.Join of the n parts into b: "" when all are empty. */
static void
page_url_join(page_buf_t *b, const page_str_t *parts, size_t n)
{
    size_t  i, start;
    int     any;

    start = b->len;
    any = 0;
    for (i = 0; i < n; i++) {
        if (parts[i].len == 0) {
            continue;
        }
        if (any) {
            page_buf_putc(b, '/');
        }
        page_buf_append(b, parts[i].data, parts[i].len);
        any = 1;
    }

    if (any) {
        page_url_clean(b, start);
    }
}


static int
page_url_has_prefix(const char *s, size_t len, const char *p, size_t plen)
{
    return len >= plen && memcmp(s, p, plen) == 0;
}


/*
 * The site's base URL with its path (Hugo's BaseURL.WithPath, with a
 * trailing slash) and its length without the path (WithoutPath).
 */
static const char *
page_url_base(page_tpl_state_t *st, size_t *with, size_t *without)
{
    const char  *base, *p;
    size_t       len;
    page_buf_t   b;

    base = st->env->base_url;
    if (base == NULL || base[0] == '\0') {
        base = "/";
    }

    len = strlen(base);
    if (base[len - 1] != '/') {
        page_tpl_buf(st, &b);
        page_buf_append(&b, base, len);
        page_buf_putc(&b, '/');
        if (page_buf_cstr(&b) == NULL) {
            return NULL;
        }
        base = b.data;
        len++;
    }

    *with = len;
    *without = 0;
    p = strstr(base, "://");
    if (p != NULL) {
        p += 3;
        while (*p && *p != '/') {
            p++;
        }
        *without = (size_t) (p - base);
    }

    return base;
}


/* Hugo's PathSpec.IsAbsURL (an unparsable URL is given back as it is). */
static int
page_url_is_abs(page_tpl_state_t *st, const char *s, size_t len, int *abs)
{
    char        err[256];
    page_url_t  u;

    if (page_url_has_prefix(s, len, "http://", 7)
        || page_url_has_prefix(s, len, "https://", 8))
    {
        *abs = 1;
        return 0;
    }

    if (page_url_parse(st, s, len, &u, err, sizeof(err)) != 0) {
        return -1;
    }

    *abs = u.scheme.len > 0;

    return 0;
}


/* Hugo's PathSpec.AbsURL (paths.MakePermalink), as a string. */
static int
page_url_abs(page_tpl_state_t *st, const char *s, size_t len,
    page_value_t **res)
{
    int          abs;
    char         err[256];
    size_t       with, without, blen;
    page_buf_t   b;
    page_str_t   parts[2];
    page_url_t   base, p;
    const char  *bs;

    if (page_url_is_abs(st, s, len, &abs) != 0 || abs
        || page_url_has_prefix(s, len, "//", 2))
    {
        return page_tpl_ret_str(st, PAGE_STRING, s, len, res);
    }

    bs = page_url_base(st, &with, &without);
    if (bs == NULL) {
        return page_tpl_nomem(st);
    }
    blen = len > 0 && s[0] == '/' ? without : with;

    if (page_url_parse(st, bs, blen, &base, err, sizeof(err)) != 0
        || page_url_parse(st, s, len, &p, err, sizeof(err)) != 0)
    {
        return page_tpl_ret_str(st, PAGE_STRING, s, len, res);
    }

    if (p.host.len) {
        return page_tpl_fail(st, "can't make permalink from absolute link "
                             "\"%.*s\"", (int) len, s);
    }

    page_tpl_buf(st, &b);
    parts[0] = base.path;
    parts[1] = p.path;
    page_url_join(&b, parts, 2);
    if ((((len == 0 && blen > 0 && bs[blen - 1] == '/'))
         || (p.path.len && p.path.data[p.path.len - 1] == '/'))
        && (b.len == 0 || b.data[b.len - 1] != '/'))
    {
        page_buf_putc(&b, '/');
    }
    if (page_buf_cstr(&b) == NULL) {
        return page_tpl_nomem(st);
    }

    base.path.data = b.data;
    base.path.len = b.len;
    base.raw_path.len = 0;
    base.fragment = p.fragment;
    base.raw_fragment = p.raw_fragment;
    base.raw_query = p.raw_query;
    base.force_query = 0;

    page_tpl_buf(st, &b);
    page_url_string(&b, &base);

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/* Hugo's PathSpec.RelURL, canonifyURLs off, as a string. */
static int
page_url_rel(page_tpl_state_t *st, const char *s, size_t len,
    page_value_t **res)
{
    int          abs;
    char         err[256];
    size_t       with, without, blen;
    page_buf_t   b, out;
    page_str_t   parts[2];
    page_url_t   base;
    const char  *bs, *u;
    size_t       ulen;

    if (page_url_is_abs(st, s, len, &abs) != 0) {
        return page_tpl_ret_str(st, PAGE_STRING, s, len, res);
    }

    bs = page_url_base(st, &with, &without);
    if (bs == NULL) {
        return page_tpl_nomem(st);
    }
    blen = len > 0 && s[0] == '/' ? without : with;

    if ((!page_url_has_prefix(s, len, bs, blen) && abs)
        || page_url_has_prefix(s, len, "//", 2))
    {
        return page_tpl_ret_str(st, PAGE_STRING, s, len, res);
    }

    u = s;
    ulen = len;
    if (page_url_has_prefix(s, len, bs, blen)) {
        u += blen;
        ulen -= blen;
    }

    /* paths.AddContextRoot */
    if (page_url_parse(st, bs, blen, &base, err, sizeof(err)) != 0) {
        return page_tpl_ret_str(st, PAGE_STRING, s, len, res);
    }

    page_tpl_buf(st, &b);
    parts[0] = base.path;
    parts[1].data = u;
    parts[1].len = ulen;
    page_url_join(&b, parts, 2);
    if (!(b.len == 1 && b.data[0] == '/') && ulen > 0 && u[ulen - 1] == '/')
    {
        page_buf_putc(&b, '/');
    }

    if (len == 0 && (b.len == 0 || b.data[b.len - 1] != '/')
        && blen > 0 && bs[blen - 1] == '/')
    {
        page_buf_putc(&b, '/');
    }

    page_tpl_buf(st, &out);
    if (b.len == 0 || b.data[0] != '/') {
        page_buf_putc(&out, '/');
    }
    page_buf_append(&out, b.data, b.len);

    return page_tpl_ret_buf(st, PAGE_STRING, &out, res);
}


static int
page_fn_urls_absurl(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len;

    (void) nargs;
    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    return page_url_abs(st, s, len, res);
}


static int
page_fn_urls_relurl(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len;

    (void) nargs;
    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    return page_url_rel(st, s, len, res);
}


/* Go's unicode.IsSpace. */
static int
page_url_is_space(uint32_t r)
{
    return r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85 || r == 0xA0
           || r == 0x1680 || (r >= 0x2000 && r <= 0x200A) || r == 0x2028
           || r == 0x2029 || r == 0x202F || r == 0x205F || r == 0x3000;
}


static int
page_url_is_letter(uint32_t r)
{
    return uc_is_general_category((ucs4_t) r, UC_CATEGORY_L);
}


static int
page_url_is_digit(uint32_t r)
{
    return uc_is_general_category((ucs4_t) r, UC_CATEGORY_Nd);
}


/*
 * anchorize: goldmark's GitHub-style id, as Hugo makes heading ids
 * (markup/goldmark/autoid.go): the text trimmed, '-' and ' ' as '-',
 * letters, digits and '_' kept (letters lower-cased), the rest dropped.
 */
static int
page_fn_urls_anchorize(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len, i, n;
    uint32_t     r;
    page_buf_t   b;

    (void) nargs;
    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    /* bytes.TrimSpace */
    while (len > 0) {
        n = page_utf8_decode(s, len, &r);
        if (!page_url_is_space(r)) {
            break;
        }
        s += n;
        len -= n;
    }
    while (len > 0) {
        for (i = len - 1; i > 0 && ((unsigned char) s[i] & 0xC0) == 0x80;
             i--)
        {
            /* back to the start of the last character */
        }
        page_utf8_decode(s + i, len - i, &r);
        if (!page_url_is_space(r)) {
            break;
        }
        len = i;
    }

    page_tpl_buf(st, &b);
    for (i = 0; i < len; i += n) {
        n = page_utf8_decode(s + i, len - i, &r);
        if (r == '-' || r == ' ') {
            page_buf_putc(&b, '-');
        } else if (r == '_' || page_url_is_letter(r) || page_url_is_digit(r))
        {
            page_utf8_put(&b, (uint32_t) uc_tolower((ucs4_t) r));
        }
    }

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/* Hugo's isAllowedPathCharacter (common/paths). */
static int
page_url_path_char(const char *s, size_t len, size_t i, uint32_t r)
{
    if (r == ' ') {
        return 0;
    }

    return page_url_is_letter(r) || page_url_is_digit(r)
           || (r < 0x80 && strchr("./\\_#+~-@", (int) r) != NULL
               && r != 0)
           || uc_is_general_category((ucs4_t) r, UC_CATEGORY_M)
           || (r == '%' && i + 2 < len
               && page_url_ishex((unsigned char) s[i + 1])
               && page_url_ishex((unsigned char) s[i + 2]));
}


/*
 * urlize: Hugo's PathSpec.URLize: paths.Sanitize (disallowed characters
 * dropped, a run of spaces one '-'), lower case, then through Go's
 * url.Parse and URL.String (non-ASCII percent-encoded).
 */
static int
page_fn_urls_urlize(PAGE_FN_ARGS)
{
    int          prepend, was_hyphen;
    char         err[256];
    const char  *s;
    size_t       len, i, n;
    uint32_t     r;
    page_buf_t   b, out;
    page_url_t   u;

    (void) nargs;
    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    page_tpl_buf(st, &b);
    prepend = 0;
    was_hyphen = 0;
    for (i = 0; i < len; i += n) {
        n = page_utf8_decode(s + i, len - i, &r);
        if (page_url_path_char(s, len, i, r)) {
            was_hyphen = r == '-';
            if (prepend) {
                if (!was_hyphen) {
                    page_buf_putc(&b, '-');
                }
                prepend = 0;
            }
            page_utf8_put(&b, (uint32_t) uc_tolower((ucs4_t) r));
        } else if (b.len > 0 && !was_hyphen && page_url_is_space(r)) {
            prepend = 1;
        }
    }

    if (page_buf_failed(&b)) {
        return page_tpl_fail(st, "urlize: result too large");
    }

    if (page_url_parse(st, b.data ? b.data : "", b.len, &u, err, sizeof(err))
        != 0)
    {
        return page_tpl_fail(st, "%s", err);
    }

    page_tpl_buf(st, &out);
    page_url_string(&out, &u);

    return page_tpl_ret_buf(st, PAGE_STRING, &out, res);
}


static int
page_url_put(page_tpl_state_t *st, page_value_t *m, const char *key,
    const char *s, size_t len)
{
    return page_map_add(page_tpl_arena(st), m, key, strlen(key),
                        page_value_string(page_tpl_arena(st), s, len));
}


/* Go's url.ParseQuery: url.Values, each key a list (bad pairs dropped). */
static page_value_t *
page_url_query(page_tpl_state_t *st, const char *q, size_t len)
{
    char           err[128];
    size_t         i, end, eq;
    page_buf_t     k, v;
    page_arena_t  *a;
    page_value_t  *m, *l, *s;

    a = page_tpl_arena(st);
    m = page_value_map(a);
    if (m == NULL) {
        return NULL;
    }

    for (i = 0; i < len; i = end + 1) {
        for (end = i; end < len && q[end] != '&'; end++) {
            /* one key=value */
        }
        if (end == i || memchr(q + i, ';', end - i) != NULL) {
            continue;                       /* Go refuses ';' since 1.17 */
        }
        for (eq = i; eq < end && q[eq] != '='; eq++) {
            /* the key */
        }

        page_tpl_buf(st, &k);
        page_tpl_buf(st, &v);
        if (page_url_unescape(&k, q + i, eq - i, PAGE_URL_QUERY_COMPONENT,
                              err, sizeof(err)) != 0
            || (eq < end
                && page_url_unescape(&v, q + eq + 1, end - eq - 1,
                                     PAGE_URL_QUERY_COMPONENT, err,
                                     sizeof(err)) != 0))
        {
            continue;
        }

        l = page_map_get(m, k.data ? k.data : "", k.len);
        if (l == NULL) {
            l = page_value_list(a);
            if (l == NULL
                || page_map_set(a, m, k.data ? k.data : "", k.len, l) != 0)
            {
                return NULL;
            }
        }
        s = page_value_string(a, v.data ? v.data : "", v.len);
        if (s == NULL || page_list_push(a, l, s) != 0) {
            return NULL;
        }
    }

    return m;
}


/*
 * urls.Parse URL: Go's url.URL as a map of its fields (Scheme, Opaque,
 * User, Host, Path, RawPath, ForceQuery, RawQuery, Fragment,
 * RawFragment, OmitHost) and of what its methods give (String, Query,
 * Hostname, Port, IsAbs, EscapedPath, EscapedFragment, RequestURI).
 * Printed whole it is a map, where Go prints the URL.
 */
static int
page_fn_urls_parse(PAGE_FN_ARGS)
{
    char           err[1024];
    const char    *s, *h;
    size_t         len, hl, i, colon;
    page_buf_t     b;
    page_url_t     u;
    page_arena_t  *a;
    page_value_t  *m, *q, *user;

    (void) nargs;
    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    if (page_url_parse(st, s, len, &u, err, sizeof(err)) != 0) {
        return page_tpl_fail(st, "%s", err);
    }

    a = page_tpl_arena(st);
    m = page_value_map(a);
    if (m == NULL || page_map_reserve(a, m, 19) != 0) {
        return page_tpl_nomem(st);
    }

    user = NULL;
    if (u.has_user) {
        user = page_value_string(a, u.user.data, u.user.len);
        if (user == NULL) {
            return page_tpl_nomem(st);
        }
    }

    q = page_url_query(st, u.raw_query.data, u.raw_query.len);

    /* Hostname and Port: without [] around IPv6, the digits after ':' */
    h = u.host.data;
    hl = u.host.len;
    colon = hl;
    for (i = 0; i < hl; i++) {
        if (h[i] == ':') {
            colon = i;
        } else if (h[i] == ']') {
            colon = hl;
        }
    }

    if (q == NULL
        || page_url_put(st, m, "Scheme", u.scheme.data, u.scheme.len) != 0
        || page_url_put(st, m, "Opaque", u.opaque.data, u.opaque.len) != 0
        || page_map_add(a, m, "User", 4, user) != 0
        || page_url_put(st, m, "Host", u.host.data, u.host.len) != 0
        || page_url_put(st, m, "Path", u.path.data, u.path.len) != 0
        || page_url_put(st, m, "RawPath", u.raw_path.data, u.raw_path.len)
           != 0
        || page_map_add(a, m, "OmitHost", 8,
                        page_value_const_bool(u.omit_host)) != 0
        || page_map_add(a, m, "ForceQuery", 10,
                        page_value_const_bool(u.force_query)) != 0
        || page_url_put(st, m, "RawQuery", u.raw_query.data,
                        u.raw_query.len) != 0
        || page_url_put(st, m, "Fragment", u.fragment.data, u.fragment.len)
           != 0
        || page_url_put(st, m, "RawFragment", u.raw_fragment.data,
                        u.raw_fragment.len) != 0
        || page_map_add(a, m, "Query", 5, q) != 0
        || page_map_add(a, m, "IsAbs", 5,
                        page_value_const_bool(u.scheme.len > 0)) != 0
        || page_url_put(st, m, "Port", colon < hl ? h + colon + 1 : "",
                        colon < hl ? hl - colon - 1 : 0) != 0)
    {
        return page_tpl_nomem(st);
    }

    if (colon > 0 && h[0] == '[') {
        h++;
        colon -= colon > 1 && h[colon - 2] == ']' ? 2 : 1;
    }
    if (page_url_put(st, m, "Hostname", h, colon) != 0) {
        return page_tpl_nomem(st);
    }

    page_tpl_buf(st, &b);
    page_url_string(&b, &u);
    if (page_url_put(st, m, "String", b.data ? b.data : "", b.len) != 0) {
        return page_tpl_nomem(st);
    }

    page_tpl_buf(st, &b);
    page_url_escaped_path(&b, &u);
    if (page_url_put(st, m, "EscapedPath", b.data ? b.data : "", b.len)
        != 0)
    {
        return page_tpl_nomem(st);
    }

    /* RequestURI: the opaque part or the escaped path ("/" if none) */
    page_tpl_buf(st, &b);
    if (u.opaque.len) {
        page_buf_append(&b, u.opaque.data, u.opaque.len);
    } else {
        page_url_escaped_path(&b, &u);
        if (b.len == 0) {
            page_buf_putc(&b, '/');
        }
    }
    if (u.force_query || u.raw_query.len) {
        page_buf_putc(&b, '?');
        page_buf_append(&b, u.raw_query.data, u.raw_query.len);
    }
    if (page_url_put(st, m, "RequestURI", b.data ? b.data : "", b.len) != 0)
    {
        return page_tpl_nomem(st);
    }

    page_tpl_buf(st, &b);
    page_url_escape(&b, u.fragment.data, u.fragment.len, PAGE_URL_FRAGMENT);
    if (page_url_put(st, m, "EscapedFragment", b.data ? b.data : "", b.len)
        != 0)
    {
        return page_tpl_nomem(st);
    }

    *res = m;

    return 0;
}


/* Append the text of v, or of each item of a list, to parts. */
static int
page_url_elements(page_tpl_state_t *st, page_value_t *v, page_str_t *parts,
    size_t *n, size_t max)
{
    size_t       i;
    const char  *s;
    size_t       len;

    if (v != NULL && v->type == PAGE_LIST) {
        for (i = 0; i < v->u.list.n; i++) {
            if (page_url_elements(st, v->u.list.items[i], parts, n, max)
                != 0)
            {
                return -1;
            }
        }
        return 0;
    }

    if (v != NULL && (v->type == PAGE_MAP || v->type == PAGE_TIME)) {
        return page_tpl_fail(st, "unable to cast %s of type %s to string",
                             "value", page_tpl_tname(v));
    }

    if (*n == max) {
        return page_tpl_fail(st, "urls.JoinPath: more than %d elements",
                             (int) max);
    }

    if (page_tpl_text(st, v, &s, &len) != 0) {
        return -1;
    }
    parts[*n].data = s;
    parts[(*n)++].len = len;

    return 0;
}


/* The most elements urls.JoinPath joins, lists counted item by item. */
#define PAGE_URL_MAX_ELEMENTS  256


/*
 * urls.JoinPath ELEMENT...: Go's url.JoinPath: the first element parsed
 * as a URL, the others joined to its path and cleaned (no ".." above a
 * relative start), a trailing slash kept.
 */
static int
page_fn_urls_joinpath(PAGE_FN_ARGS)
{
    int          rel;
    char         err[1024];
    size_t       n, i, start;
    page_buf_t   b, p;
    page_str_t   parts[PAGE_URL_MAX_ELEMENTS + 1];
    page_url_t   u;

    if (nargs == 0) {
        return page_tpl_ret_str(st, PAGE_STRING, "", 0, res);
    }

    n = 0;
    for (i = 0; i < nargs; i++) {
        if (page_url_elements(st, args[i], parts, &n, PAGE_URL_MAX_ELEMENTS)
            != 0)
        {
            return -1;
        }
    }

    if (n == 0) {
        return page_tpl_ret_str(st, PAGE_STRING, "", 0, res);
    }

    if (page_url_parse(st, parts[0].data, parts[0].len, &u, err,
                       sizeof(err)) != 0)
    {
        return page_tpl_fail(st, "%s", err);
    }

    /* elem[0] is the URL's escaped path */
    page_tpl_buf(st, &p);
    page_buf_putc(&p, '/');
    page_url_escaped_path(&p, &u);
    rel = !(p.len > 1 && p.data[1] == '/');
    if (page_buf_cstr(&p) == NULL) {
        return page_tpl_nomem(st);
    }
    parts[0].data = rel ? p.data : p.data + 1;
    parts[0].len = rel ? p.len : p.len - 1;

    page_tpl_buf(st, &b);
    page_url_join(&b, parts, n);
    start = rel && b.len > 0 ? 1 : 0;
    if (n > 0 && parts[n - 1].len > 0
        && parts[n - 1].data[parts[n - 1].len - 1] == '/'
        && (b.len == start || b.data[b.len - 1] != '/'))
    {
        page_buf_putc(&b, '/');         /* p itself may be "" */
    }
    if (page_buf_cstr(&b) == NULL) {
        return page_tpl_nomem(st);
    }

    if (page_url_set_escaped(st, b.data + start, b.len - start,
                             PAGE_URL_PATH, &u.path, &u.raw_path, err,
                             sizeof(err)) != 0)
    {
        return page_tpl_fail(st, "%s", err);
    }

    page_tpl_buf(st, &b);
    page_url_string(&b, &u);

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/* urls.PathEscape: Go's url.PathEscape (a path segment). */
static int
page_fn_urls_pathescape(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len;
    page_buf_t   b;

    (void) nargs;
    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    page_tpl_buf(st, &b);
    page_url_escape(&b, s, len, PAGE_URL_PATH_SEGMENT);

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/* urls.PathUnescape: Go's url.PathUnescape ('+' stays '+'). */
static int
page_fn_urls_pathunescape(PAGE_FN_ARGS)
{
    char         err[64];
    const char  *s;
    size_t       len;
    page_buf_t   b;

    (void) nargs;
    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    page_tpl_buf(st, &b);
    if (page_url_unescape(&b, s, len, PAGE_URL_PATH_SEGMENT, err,
                          sizeof(err)) != 0)
    {
        return page_tpl_fail(st, "%s", err);
    }

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/*
 * urls.Ref and urls.RelRef: the names of ref and relref, which need the
 * page and are given by the caller's table (page_data.c): found there
 * and called.
 */
static int
page_fn_urls_forward(page_tpl_state_t *st, const char *name,
    const char *alias, page_value_t **args, size_t nargs,
    page_value_t **res)
{
    const page_tpl_func_t  *f;

    f = page_tpl_lookup_func(st->set, alias, strlen(alias));
    if (f == NULL || f->fn == NULL || strcmp(f->name, alias) != 0) {
        return page_tpl_fail(st, "%s: there are no pages to refer to here",
                             name);
    }

    return f->fn(st, args, nargs, res);
}


static int
page_fn_urls_ref(PAGE_FN_ARGS)
{
    return page_fn_urls_forward(st, "urls.Ref", "ref", args, nargs, res);
}


static int
page_fn_urls_relref(PAGE_FN_ARGS)
{
    return page_fn_urls_forward(st, "urls.RelRef", "relref", args, nargs,
                                res);
}


const page_tpl_func_t  page_fn_urls[] = {
    { "urls.Ref", page_fn_urls_ref, 2, 2 },
    { "urls.RelRef", page_fn_urls_relref, 2, 2 },
    { "urls.RelURL", page_fn_urls_relurl, 1, 1 },
    { "relURL", page_fn_urls_relurl, 1, 1 },
    { "urls.AbsURL", page_fn_urls_absurl, 1, 1 },
    { "absURL", page_fn_urls_absurl, 1, 1 },
    { "urls.RelLangURL", page_fn_urls_relurl, 1, 1 },
    { "relLangURL", page_fn_urls_relurl, 1, 1 },
    { "urls.AbsLangURL", page_fn_urls_absurl, 1, 1 },
    { "absLangURL", page_fn_urls_absurl, 1, 1 },
    { "urls.Anchorize", page_fn_urls_anchorize, 1, 1 },
    { "anchorize", page_fn_urls_anchorize, 1, 1 },
    { "urls.URLize", page_fn_urls_urlize, 1, 1 },
    { "urlize", page_fn_urls_urlize, 1, 1 },
    { "urls.Parse", page_fn_urls_parse, 1, 1 },
    { "urls.JoinPath", page_fn_urls_joinpath, 0, -1 },
    { "urls.PathEscape", page_fn_urls_pathescape, 1, 1 },
    { "urls.PathUnescape", page_fn_urls_pathunescape, 1, 1 },
    { NULL, NULL, 0, 0 }
};
