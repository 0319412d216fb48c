/*
 * page_site_content: rendering other pages' content on demand (site
 * mode) and keeping it per file version, and Hugo's summary, plain text
 * and word rules.
 *
 * A template reads .Summary (or .Content, .WordCount, ...) of a page P
 * of the index: P's file is opened under the site root as the handler
 * opens pages (no symbolic link followed after the root), and, unless
 * the cache has P's version (size, mtime, inode), rendered by
 * page_render() itself with content_only set, in P's own context (its
 * .Page, .Params, .Site); its memory counts against what the reading
 * render has left.  The fields are then copied into P's page value.
 * The renders under way form a stack: a page whose content is read
 * while it is being rendered is a loop, an error, as is nesting deeper
 * than PAGE_SITE_CONTENT_MAX_DEPTH.  One process renders one page at a
 * time (an nginx worker is one thread), so the stack is a static.
 */

#define _XOPEN_SOURCE  700          /* openat, fstatat */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "page_io.h"
#include "page.h"
#include "page_front.h"
#include "page_markdown.h"
#include "page_site_content.h"
#include "page_utf8.h"

/* Buckets of the cache's table by page address (a power of two). */
#define PAGE_SC_BUCKETS  4096

/*
 * Words read a minute for .ReadingTime, as current Hugo counts (0.111.3
 * divided by 213 and had no CJK speed).
 */
#define PAGE_SC_WORDS_PER_MINUTE      212
#define PAGE_SC_CJK_WORDS_PER_MINUTE  500

/* What .TableOfContents is for a page without headings, as hugo prints. */
#define PAGE_SC_EMPTY_TOC  "<nav id=\"TableOfContents\"></nav>"

typedef struct page_sc_entry_s  page_sc_entry_t;

struct page_sc_entry_s {
    page_sc_entry_t         *prev, *next;   /* by use, newest first */
    page_sc_entry_t         *hnext;         /* in its bucket */
    const page_site_page_t  *page;
    int64_t                  size, mtime_ns;
    uint64_t                 ino, dev;
    size_t                   bytes;         /* the whole entry */
    page_str_t               content, summary, toc, raw, plain;
    int64_t                  words;
    unsigned                 truncated:1;
    unsigned                 cjk:1;
    /* the strings follow */
};

typedef struct {
    page_sc_entry_t  *buckets[PAGE_SC_BUCKETS];
    page_sc_entry_t  *head, *tail;
    size_t            bytes, n;
    int               root;         /* the site root, open; or -1 */
} page_sc_cache_t;

/* The renders under way, innermost last; and the page the server renders. */
static const page_site_page_t  *page_sc_stack[PAGE_SITE_CONTENT_MAX_DEPTH];
static size_t                   page_sc_depth;
static const page_site_page_t  *page_sc_base;
static page_data_t             *page_sc_base_data;

/*
 * A loop or the depth limit found by the innermost render, so that each
 * render around it reports it as it is rather than wrapped in every
 * level's position (which would push it off the error line).
 */
static char                     page_sc_inner[512];

/* The bound of the cache: PAGE_SITE_CONTENT_CACHE_BYTES but in tests. */
static size_t                   page_sc_max = PAGE_SITE_CONTENT_CACHE_BYTES;

/* A page Hugo makes without a file: no content. */
static page_sc_entry_t          page_sc_empty;


#define page_is(name, len, lit) \
    ((len) == sizeof(lit) - 1 && memcmp(name, lit, sizeof(lit) - 1) == 0)


static int
page_sc_is_field(const char *name, size_t len)
{
    return page_is(name, len, "Content") || page_is(name, len, "Summary")
        || page_is(name, len, "Truncated") || page_is(name, len, "Plain")
        || page_is(name, len, "PlainWords")
        || page_is(name, len, "WordCount")
        || page_is(name, len, "FuzzyWordCount")
        || page_is(name, len, "ReadingTime")
        || page_is(name, len, "TableOfContents")
        || page_is(name, len, "Len") || page_is(name, len, "RawContent");
}


/* ---- Hugo's rules ---- */

/* Go's unicode.IsSpace for the byte sequence at s: its length, or 0. */
static size_t
page_sc_space(const char *s, size_t len)
{
    unsigned char  c = (unsigned char) s[0];

    if (c == ' ' || (c >= '\t' && c <= '\r')) {
        return 1;
    }

    /* U+0085, U+00A0 */
    if (c == 0xc2 && len >= 2
        && ((unsigned char) s[1] == 0x85 || (unsigned char) s[1] == 0xa0))
    {
        return 2;
    }

    return 0;
}


static int
page_sc_starts(const char *s, size_t len, const char *lit)
{
    size_t  n = strlen(lit);

    return len >= n && memcmp(s, lit, n) == 0;
}


/* Case-insensitive prefix test for ASCII tag names. */
static int
page_sc_starts_ci(const char *s, size_t len, const char *lit)
{
    size_t  i, n = strlen(lit);

    if (len < n) {
        return 0;
    }

    for (i = 0; i < n; i++) {
        if ((s[i] | 0x20) != lit[i]) {
            return 0;
        }
    }

    return 1;
}


/* Offset of the end of the tag starting at s[0] == '<' (past '>'). */
static size_t
page_sc_tag_end(const char *s, size_t len)
{
    size_t  i;
    char    q;

    if (page_sc_starts(s, len, "<!--")) {
        for (i = 4; i + 3 <= len; i++) {
            if (memcmp(s + i, "-->", 3) == 0) {
                return i + 3;
            }
        }
        return len;
    }

    q = 0;

    for (i = 1; i < len; i++) {
        if (q) {
            if (s[i] == q) {
                q = 0;
            }
        } else if (s[i] == '"' || s[i] == '\'') {
            q = s[i];
        } else if (s[i] == '>') {
            return i + 1;
        }
    }

    return len;
}


void
page_site_content_plain(page_buf_t *out, const char *html, size_t len)
{
    int          space;
    size_t       i, n, w;
    const char  *raw;

    if (memchr(html, '<', len) == NULL && memchr(html, '>', len) == NULL) {
        /* Hugo's short cut: text without tags is kept as it is */
        page_buf_append(out, html, len);
        return;
    }

    space = 0;

    for (i = 0; i < len; ) {
        if (html[i] == '<') {
            if (page_sc_starts(html + i, len - i, "</p>")
                || page_sc_starts(html + i, len - i, "<br>")
                || page_sc_starts(html + i, len - i, "<br />"))
            {
                if (!space) {
                    page_buf_putc(out, '\n');
                }
                space = 1;
                i += html[i + 1] == '/' ? 4 : html[i + 3] == '>' ? 4 : 6;
                continue;
            }

            n = page_sc_tag_end(html + i, len - i);

            /* a script's or style's text is no text */
            raw = page_sc_starts_ci(html + i, len - i, "<script") ? "</script"
                  : page_sc_starts_ci(html + i, len - i, "<style") ? "</style"
                  : NULL;
            i += n;

            if (raw != NULL) {
                while (i < len && !page_sc_starts_ci(html + i, len - i, raw)) {
                    i++;
                }
                if (i < len) {
                    i += page_sc_tag_end(html + i, len - i);
                }
            }
            continue;
        }

        w = html[i] == '\n' ? 1 : page_sc_space(html + i, len - i);

        if (w) {
            if (!space) {
                if (html[i] == '\n') {
                    page_buf_putc(out, ' ');
                } else {
                    page_buf_append(out, html + i, w);
                }
            }
            space = 1;
            i += w;
            continue;
        }

        space = 0;
        page_buf_putc(out, html[i]);
        i++;
    }
}


/* Is r Han, Hangul, Hiragana or Katakana (Hugo's cjkRe, by blocks). */
static int
page_sc_cjk_rune(uint32_t r)
{
    return (r >= 0x1100 && r <= 0x11ff) || (r >= 0x2e80 && r <= 0x2fdf)
           || r == 0x3005 || r == 0x3007 || (r >= 0x3021 && r <= 0x3029)
           || (r >= 0x3038 && r <= 0x303b) || (r >= 0x3041 && r <= 0x30ff)
           || (r >= 0x3130 && r <= 0x318f) || (r >= 0x31f0 && r <= 0x31ff)
           || (r >= 0x3400 && r <= 0x4dbf) || (r >= 0x4e00 && r <= 0x9fff)
           || (r >= 0xa960 && r <= 0xa97f) || (r >= 0xac00 && r <= 0xd7ff)
           || (r >= 0xf900 && r <= 0xfaff) || (r >= 0xff66 && r <= 0xffdc)
           || (r >= 0x20000 && r <= 0x3134f);
}


int
page_site_content_has_cjk(const char *s, size_t len)
{
    size_t    i, w;
    uint32_t  r;

    for (i = 0; i < len; i += w) {
        if ((unsigned char) s[i] < 0x80) {
            w = 1;
            continue;
        }

        w = page_utf8_decode(s + i, len - i, &r);
        if (w == 0) {
            w = 1;
        } else if (page_sc_cjk_rune(r)) {
            return 1;
        }
    }

    return 0;
}


/* Characters of s[0, len), or 0 when it is all ASCII (then one word). */
static size_t
page_sc_runes(const char *s, size_t len)
{
    size_t  i, n, ascii;

    n = 0;
    ascii = 1;

    for (i = 0; i < len; i++) {
        if ((unsigned char) s[i] >= 0x80) {
            ascii = 0;
        }
        if (((unsigned char) s[i] & 0xc0) != 0x80) {
            n++;
        }
    }

    return ascii ? 0 : n;
}


size_t
page_site_content_words(const char *plain, size_t len, int cjk)
{
    size_t  i, w, start, n, runes;

    n = 0;

    for (i = 0; i < len; ) {
        w = page_sc_space(plain + i, len - i);
        if (w) {
            i += w;
            continue;
        }

        start = i;
        while (i < len && page_sc_space(plain + i, len - i) == 0) {
            i++;
        }

        runes = cjk ? page_sc_runes(plain + start, i - start) : 0;
        n += runes ? runes : 1;
    }

    return n;
}


/*
 * Hugo's isProbablyHTMLToken: ">", a bare tag start or end ("<p",
 * "</em>"), or an attribute ("href=\"...").
 */
static int
page_sc_html_token(const char *s, size_t len)
{
    size_t  i;

    if (len == 1 && s[0] == '>') {
        return 1;
    }

#define page_sc_alpha(c)  (((c) | 0x20) >= 'a' && ((c) | 0x20) <= 'z')

    if (s[0] == '<') {
        i = 1;
        if (i < len && s[i] == '/') {
            i++;
        }
        if (i == len || !page_sc_alpha(s[i])) {
            goto attr;
        }
        while (i < len && page_sc_alpha(s[i])) {
            i++;
        }
        if (i < len && s[i] == '>') {
            i++;
        }
        if (i == len) {
            return 1;
        }
    }

attr:

    for (i = 0; i < len && page_sc_alpha(s[i]); i++) {
        /* letters */
    }

#undef page_sc_alpha

    return i > 0 && i + 1 < len && s[i] == '='
           && (s[i + 1] == '"' || s[i + 1] == '\'');
}


/* One "word" of a paragraph as Hugo's summary counts it. */
static size_t
page_sc_count_word(const char *s, size_t len, int cjk)
{
    size_t      n, w;
    page_buf_t  b;
    page_arena_t a;

    while (len && (w = page_sc_space(s, len)) != 0) {
        s += w;
        len -= w;
    }
    while (len && page_sc_space(s + len - 1, 1)) {
        len--;
    }

    if (len == 0 || page_sc_html_token(s, len)) {
        return 0;
    }

    if (!cjk) {
        return 1;
    }

    /* without its tags: 1 for ASCII, else its characters */
    page_arena_init(&a, 0);
    page_buf_init(&b, &a, 0);
    page_site_content_plain(&b, s, len);
    n = b.data ? page_sc_runes(b.data, b.len) : 0;
    page_arena_free(&a);

    return n ? n : 1;
}


void
page_site_content_auto_summary(const char *html, size_t len,
    int64_t summary_len, int cjk, size_t *end)
{
    size_t       j, i, wi, w, close;
    int64_t      count;
    const char  *s, *p;

    *end = 0;

    if (summary_len <= 0) {
        return;
    }

    count = 0;

    for (j = 0; j < len; ) {
        /* the text from j to the next "</p>" */
        s = html + j;
        p = NULL;

        for (i = 0; i + 4 <= len - j; i++) {
            if (s[i] == '<' && memcmp(s + i, "</p>", 4) == 0) {
                p = s + i;
                break;
            }
        }

        if (p == NULL) {
            break;
        }

        close = (size_t) (p - s);

        /*
         * Hugo's loop: a word ends at white space or at the last
         * character (which it leaves out of the word).
         */
        wi = 0;

        for (i = 0; i < close; i += w) {
            w = page_sc_space(s + i, close - i);
            if (w == 0) {
                w = 1;
                while (i + w < close && ((unsigned char) s[i + w] & 0xc0)
                                        == 0x80)
                {
                    w++;
                }
                if (i + w != close) {
                    continue;
                }
            }

            count += (int64_t) page_sc_count_word(s + wi, i - wi, cjk);
            wi = i;

            if (count >= summary_len) {
                break;
            }
        }

        if (count >= summary_len) {
            *end = j + close + 4;
            return;
        }

        j += close + 3;
    }

    *end = len;
}


/* s without the white space around it. */
static page_str_t
page_sc_trim(const char *s, size_t len)
{
    page_str_t  t;

    while (len && page_sc_space(s, len)) {
        s++;
        len--;
    }
    while (len && page_sc_space(s + len - 1, 1)) {
        len--;
    }

    t.data = s;
    t.len = len;

    return t;
}


int
page_site_content_summary(page_arena_t *a, const page_value_t *params,
    const page_str_t *content, const page_str_t *more, int64_t summary_len,
    int cjk, unsigned md_flags, const char *path, page_str_t *summary,
    int *truncated, page_error_t *err)
{
    size_t         end;
    page_buf_t     b;
    page_str_t     rest;
    page_value_t  *fm;

    *truncated = 0;
    fm = params ? page_map_gets(params, "summary") : NULL;

    if (more->len) {
        *summary = page_sc_trim(more->data, more->len);
        rest = page_sc_trim(content->data, content->len);
        *truncated = rest.len > summary->len;
        return 0;
    }

    if (page_value_is_string(fm) && fm->u.s.len) {
        /* Markdown, with one wrapping paragraph dropped (TrimShortHTML) */
        page_buf_init(&b, a, PAGE_MAX_OUTPUT);
        if (page_markdown_render(fm->u.s.data, fm->u.s.len, md_flags, 0, &b,
                                 NULL, path, err)
            != 0)
        {
            return -1;
        }
        page_data_strip_paragraph(&b);
        summary->data = b.data ? b.data : "";
        summary->len = b.len;
        return 0;
    }

    page_site_content_auto_summary(content->data, content->len, summary_len,
                                   cjk, &end);
    *summary = page_sc_trim(content->data, end);
    *truncated = end < content->len;

    return 0;
}


int64_t
page_site_content_minutes(int64_t words, int cjk)
{
    return cjk ? (words + PAGE_SC_CJK_WORDS_PER_MINUTE - 1)
                 / PAGE_SC_CJK_WORDS_PER_MINUTE
               : (words + PAGE_SC_WORDS_PER_MINUTE - 1)
                 / PAGE_SC_WORDS_PER_MINUTE;
}


int
page_site_content_is_cjk(const page_config_t *cfg,
    const page_value_t *params, const char *text, size_t len)
{
    page_value_t  *v;

    v = params ? page_map_gets(params, "iscjklanguage") : NULL;
    if (v != NULL && v->type == PAGE_BOOL) {
        return page_value_truthy(v);
    }

    v = cfg ? page_map_gets(cfg->root, "hascjklanguage") : NULL;

    return page_value_truthy(v) && page_site_content_has_cjk(text, len);
}


/* ---- the cache ---- */

static size_t
page_sc_bucket(const page_site_page_t *p)
{
    uint64_t  h = (uint64_t) (uintptr_t) p;

    h ^= h >> 29;
    h *= UINT64_C(0xbf58476d1ce4e5b9);
    h ^= h >> 32;

    return (size_t) h & (PAGE_SC_BUCKETS - 1);
}


static void
page_sc_unlink(page_sc_cache_t *c, page_sc_entry_t *e)
{
    page_sc_entry_t  **link;

    for (link = &c->buckets[page_sc_bucket(e->page)]; *link != NULL;
         link = &(*link)->hnext)
    {
        if (*link == e) {
            *link = e->hnext;
            break;
        }
    }

    if (e->prev) {
        e->prev->next = e->next;
    } else {
        c->head = e->next;
    }

    if (e->next) {
        e->next->prev = e->prev;
    } else {
        c->tail = e->prev;
    }

    c->bytes -= e->bytes;
    c->n--;
}


static void
page_sc_push_front(page_sc_cache_t *c, page_sc_entry_t *e)
{
    e->prev = NULL;
    e->next = c->head;

    if (c->head) {
        c->head->prev = e;
    } else {
        c->tail = e;
    }

    c->head = e;
}


/* p's entry of this version, made the newest; or NULL.  Older versions
   of p go. */
static page_sc_entry_t *
page_sc_lookup(page_sc_cache_t *c, const page_site_page_t *p,
    const struct stat *sb)
{
    page_sc_entry_t  *e, *next;

    if (c == NULL) {
        return NULL;
    }

    for (e = c->buckets[page_sc_bucket(p)]; e != NULL; e = next) {
        next = e->hnext;

        if (e->page != p) {
            continue;
        }

        if (e->size == (int64_t) sb->st_size
            && e->mtime_ns == (int64_t) sb->st_mtim.tv_sec * 1000000000
                              + sb->st_mtim.tv_nsec
            && e->ino == (uint64_t) sb->st_ino
            && e->dev == (uint64_t) sb->st_dev)
        {
            if (e != c->head) {
                if (e->prev) {
                    e->prev->next = e->next;
                }
                if (e->next) {
                    e->next->prev = e->prev;
                } else {
                    c->tail = e->prev;
                }
                page_sc_push_front(c, e);
            }
            return e;
        }

        /* an older version */
        page_sc_unlink(c, e);
        free(e);
    }

    return NULL;
}


/* The cache of s, made on first use; NULL when out of memory. */
static page_sc_cache_t *
page_sc_cache(page_site_t *s)
{
    page_sc_cache_t  *c = s->content;

    if (c == NULL) {
        c = calloc(1, sizeof(page_sc_cache_t));
        if (c == NULL) {
            return NULL;
        }
        c->root = -1;
        s->content = c;
    }

    return c;
}


/* Keep e (1), or not when it alone is over the bound (0). */
static int
page_sc_insert(page_site_t *s, page_sc_entry_t *e)
{
    size_t            b;
    page_sc_cache_t  *c = s->content;

    if (c == NULL || e->bytes > page_sc_max) {
        return 0;
    }

    /* the oldest used go first */
    while (c->tail != NULL && c->bytes + e->bytes > page_sc_max)
    {
        page_sc_entry_t  *old = c->tail;

        page_sc_unlink(c, old);
        free(old);
    }

    b = page_sc_bucket(e->page);
    e->hnext = c->buckets[b];
    c->buckets[b] = e;
    page_sc_push_front(c, e);
    c->bytes += e->bytes;
    c->n++;

    return 1;
}


void
page_site_content_free(page_site_t *s)
{
    page_sc_entry_t  *e, *next;
    page_sc_cache_t  *c = s->content;

    if (c == NULL) {
        return;
    }

    for (e = c->head; e != NULL; e = next) {
        next = e->next;
        free(e);
    }

    if (c->root != -1) {
        close(c->root);
    }

    free(c);
    s->content = NULL;
}


void
page_site_content_bound(size_t bytes)
{
    page_sc_max = bytes ? bytes : PAGE_SITE_CONTENT_CACHE_BYTES;
}


size_t
page_site_content_cached(const page_site_t *s, size_t *entries)
{
    const page_sc_cache_t  *c = s->content;

    if (entries != NULL) {
        *entries = c ? c->n : 0;
    }

    return c ? c->bytes : 0;
}


/* ---- an entry ---- */

static void
page_sc_copy(char **at, page_str_t *dst, const char *s, size_t len)
{
    memcpy(*at, s ? s : "", len);
    (*at)[len] = '\0';
    dst->data = *at;
    dst->len = len;
    *at += len + 1;
}


/*
 * The entry of p from its rendered content (content, the part before
 * <!--more--> or "", the table of contents) and raw Markdown: the
 * summary by Hugo's precedence (current Hugo: the divider, then front
 * matter, then the automatic summary), the plain text and its words.
 * Work space from a; the entry is one malloc.  NULL with err set.
 */
static page_sc_entry_t *
page_sc_make(page_arena_t *a, const page_site_t *s,
    const page_site_page_t *p, const page_str_t *content,
    const page_str_t *more, const page_str_t *toc, const page_str_t *raw,
    int cjk, unsigned md_flags, const char *path, page_error_t *err)
{
    int               truncated;
    char             *at;
    size_t            bytes;
    page_buf_t        plain;
    page_str_t        summary;
    page_sc_entry_t  *e;

    if (page_site_content_summary(a, p->params, content, more,
                                  s->cfg->summary_length, cjk, md_flags,
                                  path, &summary, &truncated, err)
        != 0)
    {
        return NULL;
    }

    page_buf_init(&plain, a, PAGE_MAX_OUTPUT);
    page_site_content_plain(&plain, content->data, content->len);

    if (page_buf_failed(&plain)) {
        page_error_nomem(err, path);
        return NULL;
    }

    bytes = sizeof(page_sc_entry_t) + content->len + summary.len + toc->len
            + raw->len + plain.len + 5;

    e = malloc(bytes);
    if (e == NULL) {
        page_error_nomem(err, path);
        return NULL;
    }

    memset(e, 0, sizeof(page_sc_entry_t));
    e->page = p;
    e->bytes = bytes;
    e->truncated = truncated;
    e->cjk = cjk;

    at = (char *) (e + 1);
    page_sc_copy(&at, &e->content, content->data, content->len);
    page_sc_copy(&at, &e->summary, summary.data, summary.len);
    page_sc_copy(&at, &e->toc, toc->data, toc->len);
    page_sc_copy(&at, &e->raw, raw->data, raw->len);
    page_sc_copy(&at, &e->plain, plain.data, plain.len);

    e->words = (int64_t) page_site_content_words(e->plain.data, e->plain.len,
                                                 cjk);

    return e;
}


/*
 * Open file (under the site root) following no link, as the handler
 * does: openat(O_NOFOLLOW) a component at a time from the root, which
 * stays open.
 */
static int
page_sc_open(page_sc_cache_t *c, const char *file)
{
    int          fd, next;
    char         part[PAGE_SITE_MAX_PATH];
    const char  *p, *slash;
    size_t       n;

    fd = dup(c->root);

    for (p = file; fd != -1; p = slash + 1) {
        slash = strchr(p, '/');
        n = slash ? (size_t) (slash - p) : strlen(p);

        if (n == 0 || n >= sizeof(part)
            || (n <= 2 && p[0] == '.' && (n == 1 || p[1] == '.')))
        {
            close(fd);
            errno = EACCES;
            return -1;
        }

        memcpy(part, p, n);
        part[n] = '\0';

        next = openat(fd, part, slash
                      ? O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC
                      : O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        close(fd);
        fd = next;

        if (slash == NULL) {
            break;
        }
    }

    return fd;
}


/* Read fd's len bytes into a malloc'ed, NUL-terminated buffer. */
static char *
page_sc_read(int fd, size_t len)
{
    char  *buf;

    buf = malloc(len + 1);
    if (buf == NULL) {
        return NULL;
    }

    if (page_read_full(fd, buf, len) != (ssize_t) len) {
        free(buf);
        return NULL;
    }

    buf[len] = '\0';

    return buf;
}


/*
 * Render p's file src[0, len) as the handler would, content only, with
 * the reading render's options; into an entry.  -1 after page_tpl_fail.
 */
static page_sc_entry_t *
page_sc_render(page_tpl_state_t *st, page_data_t *d, page_site_t *s,
    const page_site_page_t *p, const char *src, size_t len)
{
    int              rc, cjk;
    char            *path, *croot;
    size_t           rl, fl, dl;
    page_str_t       content, more, toc, raw;
    page_front_t     fm;
    page_arena_t    *a;
    page_error_t     err;
    page_result_t    res;
    page_options_t   opt;
    page_sc_entry_t *e;

    a = page_tpl_arena(st);
    rl = strlen(s->root);
    fl = strlen(p->file);
    dl = p->rel ? fl - strlen(p->rel) : 0;     /* "content/" */

    path = page_arena_alloc(a, rl + fl + 2);
    croot = page_arena_alloc(a, rl + dl + 2);
    if (path == NULL || croot == NULL) {
        page_tpl_fail(st, "out of memory");
        return NULL;
    }

    memcpy(path, s->root, rl);
    path[rl] = '/';
    memcpy(path + rl + 1, p->file, fl + 1);

    /* ".../site/content" (the handler's root) and "/posts/a.md" */
    dl = dl ? rl + dl : rl;
    memcpy(croot, path, dl);
    croot[dl] = '\0';

    opt = *d->opt;
    opt.path = path;
    opt.uri = p->path;
    opt.uri_len = strlen(p->path);
    opt.root = croot;
    opt.root_len = dl;
    opt.file = path + dl;
    opt.file_len = rl + 1 + fl - dl;
    opt.site_page = p;
    opt.content_only = 1;
    opt.layout = NULL;
    opt.layout_len = 0;

    /* the nested render takes from what this render has left */
    opt.max_memory = a->limit == 0 ? 0
                     : a->limit > a->total ? a->limit - a->total : 1;

    page_sc_stack[page_sc_depth++] = p;
    rc = page_render(src, len, &opt, &res);
    page_sc_depth--;

    if (rc == PAGE_HIDDEN) {
        /* not published: no content, as Hugo has for it */
        res.data = "";
        res.len = 0;
        res.summary = NULL;
        res.summary_len = 0;
        res.toc = NULL;
        res.toc_len = 0;

    } else if (rc != PAGE_OK) {
        /* a loop inside is told as it is; other errors with p's place */
        page_tpl_fail(st, "%s", page_sc_inner[0] ? page_sc_inner
                                                 : res.error.msg);
        if (page_sc_depth == 0) {
            page_sc_inner[0] = '\0';
        }
        page_result_free(&res);
        return NULL;
    }

    content.data = res.data ? res.data : "";
    content.len = res.len;
    more.data = res.summary ? res.summary : "";
    more.len = res.summary ? res.summary_len : 0;
    toc.data = res.toc_len ? res.toc : PAGE_SC_EMPTY_TOC;
    toc.len = res.toc_len ? res.toc_len : sizeof(PAGE_SC_EMPTY_TOC) - 1;

    page_error_init(&err);
    raw.data = "";
    raw.len = 0;
    if (page_front_split(src, len, path, &fm, &err) == 0 && fm.body) {
        raw.data = fm.body;
        raw.len = fm.body_len;
    }

    cjk = page_site_content_is_cjk(s->cfg, p->params, src, len);

    page_error_init(&err);
    e = page_sc_make(&res.arena, s, p, &content, &more, &toc, &raw, cjk,
                     opt.unsafe_html ? PAGE_MD_UNSAFE : 0, path, &err);
    if (e == NULL) {
        page_tpl_fail(st, "%s", err.msg);
    }

    page_result_free(&res);

    return e;
}


/*
 * An error of the nesting itself (a loop, the depth), in one line with
 * the chain of pages: fmt takes p's path, then an int.
 */
static void
page_sc_chain(const page_site_page_t *p, const char *fmt, int arg)
{
    size_t  i, n;

    n = (size_t) snprintf(page_sc_inner, sizeof(page_sc_inner), fmt,
                          p->path, arg);

    if (n < sizeof(page_sc_inner)) {
        n += (size_t) snprintf(page_sc_inner + n, sizeof(page_sc_inner) - n,
                               " (%s", page_sc_base ? page_sc_base->path
                                                    : "");
    }

    for (i = 0; i < page_sc_depth && n < sizeof(page_sc_inner); i++) {
        n += (size_t) snprintf(page_sc_inner + n, sizeof(page_sc_inner) - n,
                               " > %s", page_sc_stack[i]->path);
    }

    if (n < sizeof(page_sc_inner)) {
        snprintf(page_sc_inner + n, sizeof(page_sc_inner) - n, " > %s)",
                 p->path);
    }
}


/*
 * p's entry: from the cache, or rendered.  *own: the caller frees it
 * (not kept).  -1 after page_tpl_fail.
 */
static int
page_sc_get(page_tpl_state_t *st, page_data_t *d, const page_site_page_t *p,
    page_sc_entry_t **out, int *own)
{
    int               fd;
    char             *src;
    size_t            i;
    page_site_t      *s;
    page_str_t        content, more, toc, raw;
    struct stat       sb;
    page_value_t     *v;
    page_error_t      err;
    page_sc_entry_t  *e;
    page_sc_cache_t  *c;

    /* the index is read only; its cache is the one thing a read adds */
    s = (page_site_t *) d->opt->site;
    *own = 0;

    if (page_sc_depth == 0) {
        page_sc_base = d->opt->site_page;
        page_sc_base_data = d;
        page_sc_inner[0] = '\0';
    }

    for (i = 0; i < page_sc_depth; i++) {
        if (page_sc_stack[i] == p) {
            goto loop;
        }
    }

    if (p == page_sc_base) {
        if (page_sc_depth == 0 || !page_sc_base_data->content_ready) {
            goto loop;
        }

        /* the page the server renders, read by a page it reads: its
           content is made by now */
        content = page_sc_base_data->content;
        more = page_sc_base_data->more;
        v = page_map_gets(page_sc_base_data->page, "TableOfContents");
        toc.data = page_tpl_is_str(v) && v->u.s.len ? v->u.s.data
                                                      : PAGE_SC_EMPTY_TOC;
        toc.len = page_tpl_is_str(v) && v->u.s.len
                  ? v->u.s.len : sizeof(PAGE_SC_EMPTY_TOC) - 1;
        raw.data = "";
        raw.len = 0;
        page_error_init(&err);

        e = page_sc_make(page_tpl_arena(st), s, p, &content, &more, &toc,
                         &raw, 0, d->opt->unsafe_html ? PAGE_MD_UNSAFE : 0,
                         d->opt->path, &err);
        if (e == NULL) {
            return page_tpl_fail(st, "%s", err.msg);
        }

        *out = e;
        *own = 1;
        return 0;
    }

    if (p->file == NULL) {
        page_sc_empty.toc.data = PAGE_SC_EMPTY_TOC;
        page_sc_empty.toc.len = sizeof(PAGE_SC_EMPTY_TOC) - 1;
        *out = &page_sc_empty;
        return 0;
    }

    if (page_sc_depth == PAGE_SITE_CONTENT_MAX_DEPTH) {
        page_sc_chain(p, "the content of \"%s\" is read more than %d "
                      "pages deep", PAGE_SITE_CONTENT_MAX_DEPTH);
        return page_tpl_fail(st, "%s", page_sc_inner);
    }

    c = page_sc_cache(s);
    if (c == NULL) {
        return page_tpl_fail(st, "out of memory");
    }

    if (c->root == -1) {
        c->root = open(s->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (c->root == -1) {
            return page_tpl_fail(st, "%s: cannot be opened: %s", s->root,
                                 strerror(errno));
        }
    }

    /*
     * The version now, by one fstatat: an entry of the same file (device,
     * inode), size and mtime was read by the walk below, so it is that
     * file's content whatever path leads to it today.
     */
    if (fstatat(c->root, p->file, &sb, AT_SYMLINK_NOFOLLOW) == 0
        && S_ISREG(sb.st_mode))
    {
        e = page_sc_lookup(c, p, &sb);
        if (e != NULL) {
            *out = e;
            return 0;
        }
    }

    fd = page_sc_open(c, p->file);
    if (fd == -1) {
        return page_tpl_fail(st, "%s/%s: cannot be read: %s", s->root,
                             p->file, strerror(errno));
    }

    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)
        || sb.st_size > PAGE_SITE_CONTENT_MAX_FILE)
    {
        close(fd);
        return page_tpl_fail(st, "%s/%s: not a file of at most %d bytes",
                             s->root, p->file, PAGE_SITE_CONTENT_MAX_FILE);
    }

    e = page_sc_lookup(c, p, &sb);
    if (e != NULL) {
        close(fd);
        *out = e;
        return 0;
    }

    src = page_sc_read(fd, (size_t) sb.st_size);
    close(fd);

    if (src == NULL) {
        return page_tpl_fail(st, "%s/%s: cannot be read", s->root, p->file);
    }

    e = page_sc_render(st, d, s, p, src, (size_t) sb.st_size);
    free(src);

    if (e == NULL) {
        return -1;
    }

    e->size = (int64_t) sb.st_size;
    e->mtime_ns = (int64_t) sb.st_mtim.tv_sec * 1000000000
                  + sb.st_mtim.tv_nsec;
    e->ino = (uint64_t) sb.st_ino;
    e->dev = (uint64_t) sb.st_dev;

    *own = !page_sc_insert(s, e);
    *out = e;

    return 0;

loop:

    /* hugo 0.111.3 times out: "You may have a circular loop in a
       shortcode" */
    page_sc_chain(p, "a circular loop in a shortcode: the content of "
                  "\"%s\" is read while it is being rendered", 0);

    return page_tpl_fail(st, "%s", page_sc_inner);
}


/* .PlainWords: the words of e's plain text (strings.Fields). */
static page_value_t *
page_sc_plain_words(page_arena_t *a, const page_sc_entry_t *e)
{
    size_t         i, w, start;
    page_value_t  *words;

    words = page_value_list(a);

    for (i = 0; words != NULL && i < e->plain.len; ) {
        w = page_sc_space(e->plain.data + i, e->plain.len - i);
        if (w) {
            i += w;
            continue;
        }

        start = i;
        while (i < e->plain.len
               && page_sc_space(e->plain.data + i, e->plain.len - i) == 0)
        {
            i++;
        }

        if (page_list_push(a, words,
                           page_value_string(a, e->plain.data + start,
                                             i - start)) != 0)
        {
            words = NULL;
        }
    }

    return words;
}


/*
 * Field name of e into the page value m, with the numbers and .Summary
 * the first time: a list page reads those, and copying .Content, .Plain
 * or splitting .PlainWords of every page it lists would cost more than
 * the cache saves.
 */
static int
page_sc_set(page_tpl_state_t *st, page_value_t *m, const page_sc_entry_t *e,
    const char *name, size_t len)
{
    int64_t        minutes;
    page_arena_t  *a;
    page_value_t  *v;

    a = page_tpl_arena(st);

    minutes = page_site_content_minutes(e->words, e->cjk);

#define page_sc_put(key, v)                                                  \
    ((v) == NULL ? -1 : page_map_set(a, m, key, sizeof(key) - 1, v))

    if (page_map_gets(m, "WordCount") == NULL
        && (page_sc_put("Summary",
                        page_value_html(a, e->summary.data, e->summary.len))
            || page_sc_put("Truncated", page_value_const_bool(e->truncated))
            || page_sc_put("FuzzyWordCount",
                           page_value_int(a, (e->words + 99) / 100 * 100))
            || page_sc_put("ReadingTime", page_value_int(a, minutes))
            || page_sc_put("Len", page_value_int(a, (int64_t) e->content.len))
            || page_sc_put("WordCount", page_value_int(a, e->words))))
    {
        return page_tpl_fail(st, "out of memory");
    }

    v = &page_nil_value;

    if (page_is(name, len, "Content")) {
        v = page_value_html(a, e->content.data, e->content.len);
    } else if (page_is(name, len, "TableOfContents")) {
        v = page_value_html(a, e->toc.data, e->toc.len);
    } else if (page_is(name, len, "Plain")) {
        v = page_value_string(a, e->plain.data, e->plain.len);
    } else if (page_is(name, len, "PlainWords")) {
        v = page_sc_plain_words(a, e);
    } else if (page_is(name, len, "RawContent")) {
        v = page_value_string(a, e->raw.data, e->raw.len);
    }

    if (v != &page_nil_value && page_map_set(a, m, name, len, v) != 0) {
        return page_tpl_fail(st, "out of memory");
    }

#undef page_sc_put

    return 0;
}


int
page_site_content_method(page_tpl_state_t *st, page_data_t *d,
    const page_site_page_t *p, page_value_t *m, const char *name,
    size_t len, size_t nargs)
{
    int               own, rc;
    page_sc_entry_t  *e;

    if (nargs != 0 || m == d->page || d->opt->site == NULL
        || !page_sc_is_field(name, len) || page_map_get(m, name, len) != NULL)
    {
        return 1;
    }

    if (page_sc_get(st, d, p, &e, &own) != 0) {
        return -1;
    }

    rc = page_sc_set(st, m, e, name, len);

    if (own) {
        free(e);
    }

    return rc == 0 ? 1 : -1;
}
