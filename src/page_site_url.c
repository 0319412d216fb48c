/*
 * page_site_url: pages' URLs by Hugo's rules: the content path
 * sanitised and lower-cased, slug, front matter url, permalinks
 * patterns (:year :month :monthname :day :weekday :weekdayname :yearday
 * :section :sections :title :slug :filename :slugorfilename
 * :contentbasename :slugorcontentbasename), uglyURLs and the language
 * prefix.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "page_site_int.h"
#include "page_time.h"


/* Latin-1 supplement capitals (U+00C0..U+00DE but U+00D7) lower-cased. */
static void
page_site_put_lower(page_buf_t *b, const char *s, size_t n, int lower)
{
    char  c[2];

    if (lower && n == 1 && s[0] >= 'A' && s[0] <= 'Z') {
        page_buf_putc(b, (char) (s[0] + 'a' - 'A'));
        return;
    }

    if (lower && n == 2 && (unsigned char) s[0] == 0xc3
        && (unsigned char) s[1] >= 0x80 && (unsigned char) s[1] <= 0x9e
        && (unsigned char) s[1] != 0x97)
    {
        c[0] = s[0];
        c[1] = (char) ((unsigned char) s[1] + 0x20);
        page_buf_append(b, c, 2);
        return;
    }

    page_buf_append(b, s, n);
}


void
page_site_sanitize(page_buf_t *b, const char *s, size_t len, int lower)
{
    int            hyphen, any;
    size_t         i, n;
    unsigned char  c;

    hyphen = 0;
    any = 0;

    for (i = 0; i < len; i += n) {
        c = (unsigned char) s[i];
        n = 1;

        if (c >= 0x80) {
            /* a multi-byte character: letters and marks mostly; kept */
            while (i + n < len && ((unsigned char) s[i + n] & 0xc0) == 0x80
                   && n < 4)
            {
                n++;
            }

            /* U+00A0..U+00BF (punctuation, symbols) and U+00D7, U+00F7
               are not letters: dropped, as Hugo does */
            if (n == 2 && c == 0xc2) {
                if ((unsigned char) s[i + 1] == 0xa0) {
                    hyphen = any;
                }
                continue;
            }
            if (n == 2 && c == 0xc3 && ((unsigned char) s[i + 1] == 0x97
                                        || (unsigned char) s[i + 1] == 0xb7))
            {
                continue;
            }

        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r'
                   || c == '\f' || c == '\v')
        {
            hyphen = any;
            continue;

        } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                     || (c >= '0' && c <= '9') || strchr("./\\_-#+~@", c)
                        != NULL))
        {
            if (c == '%' && i + 2 < len
                && strchr("0123456789abcdefABCDEF", s[i + 1]) != NULL
                && strchr("0123456789abcdefABCDEF", s[i + 2]) != NULL
                && s[i + 1] != '\0' && s[i + 2] != '\0')
            {
                /* an escape: kept */
            } else {
                continue;
            }
        }

        if (hyphen) {
            page_buf_putc(b, '-');
            hyphen = 0;
        }

        page_site_put_lower(b, s + i, n, lower);
        any = 1;
    }
}


/* -------------------------------------------------------------------- */
/* URLs                                                                  */


/* The page's date field for a permalink token (Go layout). */
static void
page_site_put_date(page_buf_t *b, const page_site_page_t *p,
    const char *layout)
{
    page_time_format(b, &p->dates.date, layout, strlen(layout));
}


/* The urlized title or slug. */
static void
page_site_put_slug(page_buf_t *b, page_site_t *s, const page_site_page_t *p,
    int slug, int filename)
{
    const char  *v;

    v = slug ? page_site_param_str(p->params, "slug") : "";

    if (v[0] == '\0' && filename) {
        v = p->slug;
    }

    if (v[0] == '\0') {
        v = p->title;
    }

    page_site_sanitize(b, v, strlen(v), !s->cfg->disable_path_to_lower);
}


/*
 * Expand a permalinks pattern for p into b.  1 done, 0 no such token
 * (the pattern is used as far as it goes, as Hugo refuses it at build).
 */
static void
page_site_permalink(page_site_t *s, page_site_page_t *p, const char *pat,
    page_buf_t *b)
{
    size_t       n, i;
    const char  *t, *sec;

    static const struct {
        const char  *token;
        const char  *layout;
    } dates[] = {
        { "year", "2006" }, { "month", "01" }, { "monthname", "January" },
        { "day", "02" }, { "weekday", "0" }, { "weekdayname", "Monday" },
        { "yearday", "002" }, { NULL, NULL }
    };

    while (*pat != '\0') {
        if (*pat != ':') {
            page_buf_putc(b, *pat++);
            continue;
        }

        t = ++pat;
        while ((*pat >= 'a' && *pat <= 'z') || (*pat >= 'A' && *pat <= 'Z')) {
            pat++;
        }
        n = (size_t) (pat - t);

#define TOKEN(name)  (n == sizeof(name) - 1 && strncasecmp(t, name, n) == 0)

        for (i = 0; dates[i].token != NULL; i++) {
            if (strlen(dates[i].token) == n
                && strncasecmp(t, dates[i].token, n) == 0)
            {
                if (strcmp(dates[i].token, "weekday") == 0) {
                    page_tm_t  tm;

                    page_time_breakdown(&p->dates.date, &tm);
                    page_buf_put_uint(b, (uint64_t) tm.wday);

                } else if (strcmp(dates[i].token, "yearday") == 0) {
                    page_tm_t  tm;

                    page_time_breakdown(&p->dates.date, &tm);
                    page_buf_put_uint(b, (uint64_t) tm.yday);

                } else {
                    page_site_put_date(b, p, dates[i].layout);
                }
                goto next;
            }
        }

        if (TOKEN("section")) {
            page_site_sanitize(b, p->section, strlen(p->section),
                               !s->cfg->disable_path_to_lower);

        } else if (TOKEN("sections")) {
            sec = p->parent != NULL && p->parent->kind == PAGE_KIND_SECTION
                  ? p->parent->dir : p->section;
            page_site_sanitize(b, sec, strlen(sec),
                               !s->cfg->disable_path_to_lower);

        } else if (TOKEN("title")) {
            page_site_sanitize(b, p->title, strlen(p->title),
                               !s->cfg->disable_path_to_lower);

        } else if (TOKEN("slug")) {
            page_site_put_slug(b, s, p, 1, 0);

        } else if (TOKEN("filename") || TOKEN("contentbasename")) {
            page_site_put_slug(b, s, p, 0, 1);

        } else if (TOKEN("slugorfilename")
                   || TOKEN("slugorcontentbasename"))
        {
            page_site_put_slug(b, s, p, 1, 1);

        } else {
            page_buf_putc(b, ':');
            page_buf_append(b, t, n);
        }

#undef TOKEN

    next:
        continue;
    }
}


/* The permalinks pattern for p, or NULL. */
static const char *
page_site_pattern(page_site_t *s, const page_site_page_t *p)
{
    const char    *kind, *key;
    page_value_t  *v, *m;

    kind = page_site_kind_name((page_kind_t) p->kind);
    key = (p->kind == PAGE_KIND_TERM || p->kind == PAGE_KIND_TAXONOMY)
          ? p->tax->conf->plural : p->section;

    /* current Hugo: permalinks.page.posts, permalinks.term.tags ... */

    m = page_map_gets(s->cfg->permalinks, kind);
    if (m != NULL && m->type == PAGE_MAP) {
        v = page_map_get_ci(m, key, strlen(key));
        return (v != NULL && page_value_is_string(v)) ? v->u.s.data : NULL;
    }

    /* the older flat form: for pages by section, for terms by taxonomy */

    if (p->kind != PAGE_KIND_PAGE && p->kind != PAGE_KIND_TERM) {
        return NULL;
    }

    v = page_map_get_ci(s->cfg->permalinks, key, strlen(key));

    return (v != NULL && page_value_is_string(v)) ? v->u.s.data : NULL;
}


/*
 * p->path from the buffer b.  A URL past PAGE_SITE_MAX_PATH (a title
 * of thousands of characters under :title) makes the page unserved, not
 * the site: path "" and not rendered, its error says why.
 */
static int
page_site_path_done(page_site_t *s, page_site_page_t *p, page_buf_t *b)
{
    if (page_buf_failed(b) || page_buf_cstr(b) == NULL) {
        p->path = "";
        p->no_render = 1;
        if (p->error == NULL) {
            p->error = "its URL is longer than 4096 bytes: not served";
        }
        return 0;
    }

    p->path = page_site_strdup(s, b->data, b->len);

    return p->path != NULL ? 0 : -1;
}


/* Make p->path from the buffer b: prefix, a leading "/", ugly or not. */
static int
page_site_set_path(page_site_t *s, page_site_page_t *p, page_buf_t *b,
    int ugly)
{
    char        *d;
    size_t       len, i;
    page_buf_t   o;

    page_buf_init(&o, &s->scratch, PAGE_SITE_MAX_PATH);
    page_buf_puts(&o, s->langs[p->lang].prefix);

    d = b->data;
    len = b->len;

    if (len == 0 || d[0] != '/') {
        page_buf_putc(&o, '/');
    }

    /* collapse "//" the tokens may leave */

    for (i = 0; i < len; i++) {
        if (d[i] == '/' && o.len > 0 && o.data[o.len - 1] == '/') {
            continue;
        }
        page_buf_putc(&o, d[i]);
    }

    if (ugly && o.len > 1 && o.data[o.len - 1] == '/') {
        o.len--;
        page_buf_puts(&o, ".html");

    } else if (!ugly && (o.len == 0 || o.data[o.len - 1] != '/')
               && !(o.len > 5 && memcmp(o.data + o.len - 5, ".html", 5) == 0))
    {
        page_buf_putc(&o, '/');
    }

    if (page_buf_failed(b)) {
        o.failed = 1;
    }

    return page_site_path_done(s, p, &o);
}


int
page_site_ugly(const page_site_t *s, const page_site_page_t *p)
{
    page_value_t  *v;

    if (s->cfg->ugly_map == NULL || p->section == NULL) {
        return s->cfg->ugly_urls;
    }

    v = page_map_get_ci(s->cfg->ugly_map, p->section, strlen(p->section));

    return v != NULL && page_value_truthy(v);
}


/* Hugo's URL of page p (its fields set, its parent found). */
int
page_site_url(page_site_t *s, page_site_page_t *p)
{
    int          lower;
    const char  *url, *pat, *slash;
    page_buf_t   b;

    lower = !s->cfg->disable_path_to_lower;
    page_buf_init(&b, &s->scratch, PAGE_SITE_MAX_PATH);

    url = p->kind == PAGE_KIND_HOME ? ""
          : page_site_param_str(p->params, "url");

    if (url[0] != '\0') {
        /* front matter url: as written, "/" added unless it names a
           file; a relative one ("categoria/x") under the language's
           prefix, an absolute one ("/x") not (hugo 0.111.3) */
        page_buf_init(&b, &s->scratch, PAGE_SITE_MAX_PATH);
        if (url[0] != '/') {
            page_buf_puts(&b, s->langs[p->lang].prefix);
            page_buf_putc(&b, '/');
        }
        page_buf_puts(&b, url);
        slash = page_buf_cstr(&b) ? strrchr(b.data, '/') : NULL;
        if (b.len && b.data[b.len - 1] != '/'
            && !(slash != NULL && strchr(slash, '.') != NULL))
        {
            page_buf_putc(&b, '/');
        }
        return page_site_path_done(s, p, &b);
    }

    pat = p->kind == PAGE_KIND_HOME ? NULL : page_site_pattern(s, p);

    if (pat != NULL) {
        page_site_permalink(s, p, pat, &b);
        return page_site_set_path(s, p, &b, page_site_ugly(s, p));
    }

    switch (p->kind) {

    case PAGE_KIND_HOME:
        break;

    case PAGE_KIND_SECTION:
        page_site_sanitize(&b, p->dir, strlen(p->dir), lower);
        page_buf_putc(&b, '/');
        break;

    case PAGE_KIND_TAXONOMY:
        page_site_sanitize(&b, p->tax->conf->plural,
                           strlen(p->tax->conf->plural), lower);
        page_buf_putc(&b, '/');
        break;

    case PAGE_KIND_TERM:
        page_site_sanitize(&b, p->tax->conf->plural,
                           strlen(p->tax->conf->plural), lower);
        page_buf_putc(&b, '/');
        page_buf_puts(&b, p->term->key);
        page_buf_putc(&b, '/');
        break;

    default:
        /* the directory (a bundle's parent), then slug or the name */
        url = p->dir;
        if (p->bundle == PAGE_BUNDLE_LEAF) {
            slash = strrchr(p->dir, '/');
            page_site_sanitize(&b, p->dir,
                               slash ? (size_t) (slash - p->dir) : 0, lower);
        } else {
            page_site_sanitize(&b, url, strlen(url), lower);
        }
        if (b.len) {
            page_buf_putc(&b, '/');
        }
        url = page_site_param_str(p->params, "slug");
        if (url[0] == '\0') {
            url = p->slug;
        }
        page_site_sanitize(&b, url, strlen(url), lower);
        page_buf_putc(&b, '/');
        break;
    }

    return page_site_set_path(s, p, &b,
                              page_site_ugly(s, p)
                              && p->kind != PAGE_KIND_HOME);
}




/* -------------------------------------------------------------------- */
/* printing URLs                                                         */


/* path with bytes past ASCII percent-encoded, as Hugo prints URLs. */
static void
page_site_put_encoded(page_buf_t *b, const char *path)
{
    static const char  hex[] = "0123456789ABCDEF";

    for ( /* void */ ; *path != '\0'; path++) {
        unsigned char  c = (unsigned char) *path;

        if (c >= 0x80) {
            page_buf_putc(b, '%');
            page_buf_putc(b, hex[c >> 4]);
            page_buf_putc(b, hex[c & 15]);
        } else {
            page_buf_putc(b, (char) c);
        }
    }
}


/* The base path without its last "/": "" for "/", "/blog" for "/blog/". */
static size_t
page_site_base_len(const page_site_t *s)
{
    size_t  len;

    len = strlen(s->cfg->base_path);

    return len > 0 ? len - 1 : 0;
}


void
page_site_rel_permalink(const page_site_t *s, const page_site_page_t *p,
    page_buf_t *b)
{
    if (p->path == NULL || p->no_render) {
        return;
    }

    page_buf_append(b, s->cfg->base_path, page_site_base_len(s));
    page_site_put_encoded(b, p->path);
}


void
page_site_permalink_of(const page_site_t *s, const page_site_page_t *p,
    page_buf_t *b)
{
    const char  *url, *host;

    if (p->path == NULL || p->no_render) {
        return;
    }

    /* scheme and host of baseURL: what comes before its path */

    url = s->cfg->base_url;
    host = strstr(url, "://");
    host = host ? strchr(host + 3, '/') : NULL;

    if (host != NULL) {
        page_buf_append(b, url, (size_t) (host - url));
    } else if (strstr(url, "://") != NULL) {
        page_buf_puts(b, url);
    }

    page_site_rel_permalink(s, p, b);
}


void
page_site_entry_url(const page_site_t *s, const page_site_entry_t *e,
    page_buf_t *b)
{
    if (e->page != NULL) {
        page_site_rel_permalink(s, e->page, b);
        return;
    }

    if (e->url[0] == '/') {
        /* Hugo's createNodeMenuEntryURL: urlized, under baseURL's path
           (non-ASCII letters are kept, not percent-encoded) */
        page_buf_append(b, s->cfg->base_path, page_site_base_len(s));
        page_site_sanitize(b, e->url, strlen(e->url),
                           !s->cfg->disable_path_to_lower);
        return;
    }

    page_buf_puts(b, e->url);
}
