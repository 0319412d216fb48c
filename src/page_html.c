/*
 * page_html: Hugo-flavoured HTML from libcmark-gfm's tree.
 *
 * The library parses; this file prints what Hugo 0.111.3 (goldmark with
 * its GFM, footnote, typographer and attribute extensions) prints for the
 * same Markdown.  Text nodes are mapped back onto the source through their
 * positions, because goldmark's smart punctuation looks at the raw source
 * around each quote and never touches escaped or entity characters, and
 * because goldmark's linkify finds bare URLs and e-mail addresses in the
 * raw source too (page_linkify measures them; here is where they may
 * start).
 *
 * Nothing here allocates outside the caller's arena; the tree is walked
 * with cmark_iter, so deep nesting costs no C stack.
 */

#include <stdint.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "page_highlight.h"
#include "page_html.h"
#include "page_linkify.h"
#include "page_utf8.h"
#include "page_value.h"

#define PAGE_HTML_NONE  ((size_t) -1)

#define PAGE_HTML_OMITTED  "<!-- raw HTML omitted -->"

/* a string -> number map in the arena (heading ids) */
typedef struct {
    const char  *key;
    size_t       len;
    size_t       value;
} page_html_slot_t;

typedef struct {
    page_html_slot_t  *slots;
    size_t             n;
    size_t             cap;     /* a power of two, or 0 */
} page_html_map_t;

/* one {#id .class key=value} attribute list of a heading */
#define PAGE_HTML_MAX_ATTRS  16

typedef struct {
    char         kind;          /* '#', '.' or '=' */
    const char  *name;
    size_t       name_len;
    const char  *value;         /* '=' only */
    size_t       value_len;
} page_html_attr_t;

typedef struct {
    page_html_attr_t  a[PAGE_HTML_MAX_ATTRS];
    size_t            n;
    const char       *id;
    size_t            id_len;
    const char       *start;    /* the "{" in the source */
    const char       *end;      /* after the "}" */
} page_html_attrs_t;

typedef struct {
    const char           *src;
    size_t                len;
    size_t               *lines;       /* offset of each line's start */
    size_t                nlines;
    unsigned              flags;
    int                   code_ordinal; /* code blocks so far */
    size_t                hl_work;  /* highlighting budget left */
    page_arena_t         *arena;
    page_html_toc_t      *toc;
    int                   failed;

    /* typographer state: goldmark never resets its quote counters */
    int                   single;
    int                   dbl;

    /* the run of quotes last measured, in the buffer at run_base */
    const char           *run_base;
    size_t                run_from;
    size_t                run_to;

    /* the inline block being rendered: its last line and where it ends */
    size_t                blk_line;
    size_t                blk_end;

    /* a heading's id and HTML, reused from heading to heading */
    page_buf_t            heading_id;
    page_buf_t            heading_html;

    /* the table row being written: a header?  its cells so far */
    int                   row_header;
    int                   row_cells;

    /* libcmark-gfm's inline columns on this line are this much short */
    size_t                shift_line;
    size_t                shift;

    /* a heading's last text node loses its {...} attributes */
    cmark_node           *cut_node;
    size_t                cut_len;

    page_html_map_t       ids;

    /*
     * linkify: goldmark tries a bare link at a space, "(" or lone "~",
     * and right after any inline it parsed (its retry at i == 0), never
     * inside a link or an open "[" label
     */
    int                   lk_link;     /* inside a link's text */
    int                   lk_label;    /* "[" open in this inline block */
    size_t                lk_retry;    /* source offset after an inline */
    page_linkify_cache_t  lk_cache;

    /* footnotes: references per number, definitions in number order */
    unsigned             *fn_refs;
    size_t                fn_n;
    cmark_node          **fn_defs;
    size_t                fn_ndefs;
    size_t                fn_defs_cap;
} page_html_t;

enum {
    PAGE_HTML_TEXT_HTML,        /* escaped, smart punctuation as entities */
    PAGE_HTML_TEXT_ALT,         /* goldmark's image alt: raw source text */
    PAGE_HTML_TEXT_PLAIN        /* escaped, no smart punctuation */
};

static void page_html_walk(page_html_t *r, cmark_node *root, int skip_root,
    page_buf_t *b);


/* characters */

static int
page_html_ascii_punct(int c)
{
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@')
           || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}


static int
page_html_ascii_space(int c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}


/* The character at s, as Go decodes it; at the end of text a space. */
static uint32_t
page_html_rune(const char *s, size_t n, size_t *len)
{
    uint32_t  r;

    if (n == 0) {
        *len = 1;
        return ' ';
    }

    *len = page_utf8_decode(s, n, &r);

    return r;
}


/* The rune that ends just before s[at]; '\n' at the start. */
static uint32_t
page_html_rune_before(const char *s, size_t at)
{
    size_t  i, len;

    if (at == 0) {
        return '\n';
    }

    i = at - 1;
    while (i > 0 && at - i < 4 && ((unsigned char) s[i] & 0xC0) == 0x80) {
        i--;
    }

    return page_html_rune(s + i, at - i, &len);
}


/* Go's unicode.IsSpace */
static int
page_html_space(uint32_t r)
{
    return (r < 0x80 && page_html_ascii_space((int) r)) || r == 0x85
           || r == 0xA0 || r == 0x1680 || (r >= 0x2000 && r <= 0x200A)
           || r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F
           || r == 0x3000;
}


/* Go's unicode.IsPunct (category P), for the common blocks */
static int
page_html_upunct(uint32_t r)
{
    if (r < 0x80) {
        return page_html_ascii_punct((int) r) && r != '$' && r != '+'
               && r != '<' && r != '=' && r != '>' && r != '^'
               && r != '`' && r != '|' && r != '~';
    }

    return r == 0xA1 || r == 0xA7 || r == 0xAB || r == 0xB6 || r == 0xB7
           || r == 0xBB || r == 0xBF || r == 0x37E || r == 0x387
           || (r >= 0x55A && r <= 0x55F) || r == 0x589 || r == 0x5BE
           || r == 0x5C0 || r == 0x5C3 || r == 0x5C6 || r == 0x5F3
           || r == 0x5F4 || r == 0x60C || r == 0x60D || r == 0x61B
           || r == 0x61F || (r >= 0x66A && r <= 0x66D) || r == 0x6D4
           || r == 0x964 || r == 0x965
           || (r >= 0x2010 && r <= 0x2027) || (r >= 0x2030 && r <= 0x2043)
           || (r >= 0x2045 && r <= 0x2051) || (r >= 0x2053 && r <= 0x205E)
           || (r >= 0x2E00 && r <= 0x2E4F) || (r >= 0x3001 && r <= 0x3003)
           || (r >= 0x3008 && r <= 0x3011) || (r >= 0x3014 && r <= 0x301F)
           || (r >= 0xFF01 && r <= 0xFF03) || (r >= 0xFF05 && r <= 0xFF0A)
           || (r >= 0xFF0C && r <= 0xFF0F) || r == 0xFF1A || r == 0xFF1B
           || r == 0xFF1F || r == 0xFF20 || (r >= 0xFF3B && r <= 0xFF3D)
           || r == 0xFF3F || r == 0xFF5B || r == 0xFF5D
           || (r >= 0xFF5F && r <= 0xFF65);
}


/* goldmark's util.IsPunctRune: ASCII punctuation or category P */
static int
page_html_punct(uint32_t r)
{
    return (r < 0x80 && page_html_ascii_punct((int) r))
           || page_html_upunct(r);
}


static int
page_html_digit(uint32_t r)
{
    return r >= '0' && r <= '9';
}


/*
 * Go's unicode.IsLetter || unicode.IsDigit, approximated: exact for
 * ASCII, Latin, Greek and Cyrillic; elsewhere every code point is taken
 * for a letter except the punctuation, symbol, mark and emoji blocks.
 */
static int
page_html_alnum(uint32_t r)
{
    if (r < 0x80) {
        return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
               || (r >= '0' && r <= '9');
    }

    if (r < 0xC0) {
        return r == 0xAA || r == 0xB5 || r == 0xBA;
    }

    if (r == 0xD7 || r == 0xF7
        || (r >= 0x2C2 && r <= 0x2C5) || (r >= 0x2D2 && r <= 0x2DF)
        || (r >= 0x2E5 && r <= 0x2EB) || r == 0x2ED
        || (r >= 0x2EF && r <= 0x36F)
        || r == 0x375 || r == 0x37E || r == 0x384 || r == 0x385
        || r == 0x387 || r == 0x3F6 || (r >= 0x482 && r <= 0x489)
        || (r >= 0x591 && r <= 0x5C7) || r == 0x5F3 || r == 0x5F4
        || (r >= 0x600 && r <= 0x61F) || (r >= 0x64B && r <= 0x65F)
        || (r >= 0x66A && r <= 0x66D) || r == 0x670
        || (r >= 0x6D4 && r <= 0x6ED && r != 0x6D5 && r != 0x6E5
            && r != 0x6E6)
        || (r >= 0x2000 && r <= 0x2BFF) || (r >= 0x2E00 && r <= 0x2E7F)
        || (r >= 0x3000 && r <= 0x3004) || (r >= 0x3008 && r <= 0x3020)
        || r == 0x3030 || (r >= 0x303D && r <= 0x303F)
        || (r >= 0x3099 && r <= 0x309C) || r == 0x30A0 || r == 0x30FB
        || (r >= 0xD800 && r <= 0xF8FF) || (r >= 0xFE00 && r <= 0xFE6F)
        || r == 0xFEFF || (r >= 0xFF00 && r <= 0xFF0F)
        || (r >= 0xFF1A && r <= 0xFF20) || (r >= 0xFF3B && r <= 0xFF40)
        || (r >= 0xFF5B && r <= 0xFF65) || r >= 0xFFE0)
    {
        return r >= 0x10000 && r < 0x1F000;
    }

    return 1;
}


static int
page_html_letter(uint32_t r)
{
    return page_html_alnum(r) && !page_html_digit(r);
}


/* Go's unicode.ToLower for Latin, Greek and Cyrillic */
static uint32_t
page_html_lower(uint32_t r)
{
    if (r < 0x80) {
        return (r >= 'A' && r <= 'Z') ? r + 32 : r;
    }

    if ((r >= 0xC0 && r <= 0xDE && r != 0xD7)
        || (r >= 0x391 && r <= 0x3AB && r != 0x3A2)
        || (r >= 0x410 && r <= 0x42F))
    {
        return r + 32;
    }

    if (r >= 0x400 && r <= 0x40F) {
        return r + 80;
    }

    if (r == 0x130) {
        return 'i';
    }

    if (r == 0x178) {
        return 0xFF;
    }

    if (((r >= 0x100 && r <= 0x137) || (r >= 0x14A && r <= 0x177)
         || (r >= 0x460 && r <= 0x481) || (r >= 0x48A && r <= 0x4BF)
         || (r >= 0x4D0 && r <= 0x52F))
        && (r & 1) == 0)
    {
        return r + 1;
    }

    if (((r >= 0x139 && r <= 0x148) || (r >= 0x179 && r <= 0x17E)
         || (r >= 0x4C1 && r <= 0x4CE))
        && (r & 1) == 1)
    {
        return r + 1;
    }

    switch (r) {
    case 0x386: return 0x3AC;
    case 0x388: case 0x389: case 0x38A: return r + 37;
    case 0x38C: return 0x3CC;
    case 0x38E: case 0x38F: return r + 63;
    default: return r;
    }
}


/* escaping */

/* goldmark's text escaping: & < > " (not ') */
static void
page_html_esc(page_buf_t *b, const char *s, size_t len)
{
    size_t       i, start;
    const char  *rep;

    if (len == 0) {
        return;
    }

    start = 0;

    for (i = 0; i < len; i++) {
        switch (s[i]) {
        case '&':  rep = "&amp;";  break;
        case '<':  rep = "&lt;";   break;
        case '>':  rep = "&gt;";   break;
        case '"':  rep = "&quot;"; break;
        default:   continue;
        }

        page_buf_append(b, s + start, i - start);
        page_buf_puts(b, rep);
        start = i + 1;
    }

    page_buf_append(b, s + start, len - start);
}


static void
page_html_escs(page_buf_t *b, const char *s)
{
    if (s != NULL) {
        page_html_esc(b, s, strlen(s));
    }
}


static int
page_html_hex(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')
           || (c >= 'A' && c <= 'F');
}


/* goldmark's URL escaping: percent-encode all but a safe set, & as &amp; */
static void
page_html_url(page_buf_t *b, const char *u, size_t n)
{
    size_t       i;
    unsigned     c;
    static const char  hex[] = "0123456789ABCDEF";

    for (i = 0; i < n; i++) {
        c = (unsigned char) u[i];

        if (c == '%' && i + 2 < n && page_html_hex(u[i + 1])
            && page_html_hex(u[i + 2]))
        {
            page_buf_putc(b, '%');
        } else if (c == '&') {
            page_buf_puts(b, "&amp;");
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                   || (c >= '0' && c <= '9')
                   || (c != 0 && strchr("-._~:/?#@!$'()*+,;=", (int) c)))
        {
            page_buf_putc(b, (char) c);
        } else {
            page_buf_putc(b, '%');
            page_buf_putc(b, hex[c >> 4]);
            page_buf_putc(b, hex[c & 15]);
        }
    }
}


static int
page_html_prefix(const char *s, const char *p)
{
    for ( /* void */ ; *p; s++, p++) {
        if (*s == '\0' || (*s | 0x20) != *p) {
            return 0;
        }
    }

    return 1;
}


/*
 * javascript:, vbscript:, file: and data: (except the raster image types)
 * are blanked, case-insensitively (goldmark matches lower case only).
 */
static int
page_html_dangerous(const char *url)
{
    if (page_html_prefix(url, "javascript:")
        || page_html_prefix(url, "vbscript:")
        || page_html_prefix(url, "file:"))
    {
        return 1;
    }

    if (!page_html_prefix(url, "data:")) {
        return 0;
    }

    return !(page_html_prefix(url, "data:image/png")
             || page_html_prefix(url, "data:image/gif")
             || page_html_prefix(url, "data:image/jpeg")
             || page_html_prefix(url, "data:image/webp"));
}


static void
page_html_href(page_html_t *r, page_buf_t *b, const char *url)
{
    if (url == NULL || (!(r->flags & PAGE_HTML_UNSAFE)
                        && page_html_dangerous(url)))
    {
        return;
    }

    page_html_url(b, url, strlen(url));
}


/* the arena map */

static size_t
page_html_hash(const char *s, size_t len)
{
    return page_fnv1a(s, len);
}


static page_html_slot_t *
page_html_map_find(page_html_map_t *m, const char *key, size_t len)
{
    size_t             i;
    page_html_slot_t  *s;

    if (m->cap == 0) {
        return NULL;
    }

    for (i = page_html_hash(key, len) & (m->cap - 1); ;
         i = (i + 1) & (m->cap - 1))
    {
        s = &m->slots[i];
        if (s->key == NULL) {
            return s;
        }
        if (s->len == len && memcmp(s->key, key, len) == 0) {
            return s;
        }
    }
}


static int
page_html_map_grow(page_html_t *r, page_html_map_t *m)
{
    size_t             i, cap;
    page_html_map_t    n;
    page_html_slot_t  *s;

    if (m->n + 1 <= m->cap / 2) {
        return 0;
    }

    cap = m->cap ? m->cap * 2 : 64;
    n.slots = page_arena_calloc(r->arena, cap, sizeof(page_html_slot_t));
    if (n.slots == NULL) {
        r->failed = 1;
        return -1;
    }
    n.cap = cap;
    n.n = m->n;

    for (i = 0; i < m->cap; i++) {
        if (m->slots[i].key != NULL) {
            s = page_html_map_find(&n, m->slots[i].key, m->slots[i].len);
            *s = m->slots[i];
        }
    }

    *m = n;

    return 0;
}


/* Record key (copied), value 1 when new; the slot, NULL out of memory. */
static page_html_slot_t *
page_html_map_put(page_html_t *r, page_html_map_t *m, const char *key,
    size_t len)
{
    char              *copy;
    page_html_slot_t  *s;

    if (page_html_map_grow(r, m) != 0) {
        return NULL;
    }

    s = page_html_map_find(m, key, len);
    if (s->key != NULL) {
        return s;
    }

    copy = page_arena_strndup(r->arena, key, len);
    if (copy == NULL) {
        r->failed = 1;
        return NULL;
    }

    s->key = copy;
    s->len = len;
    s->value = 1;
    m->n++;

    return s;
}


/* source positions */

static int
page_html_lines(page_html_t *r)
{
    size_t       i, n;
    const char  *nl;

    n = 1;
    for (i = 0; i < r->len; i = (size_t) (nl - r->src) + 1) {
        nl = memchr(r->src + i, '\n', r->len - i);
        if (nl == NULL) {
            break;
        }
        n++;
    }

    r->lines = page_arena_alloc(r->arena, (n + 1) * sizeof(size_t));
    if (r->lines == NULL) {
        return -1;
    }

    r->lines[0] = 0;
    n = 1;
    for (i = 0; i < r->len; i = r->lines[n - 1]) {
        nl = memchr(r->src + i, '\n', r->len - i);
        if (nl == NULL) {
            break;
        }
        r->lines[n++] = (size_t) (nl - r->src) + 1;
    }
    r->lines[n] = r->len;
    r->nlines = n;

    return 0;
}


/* Offset of line:col (1-based), PAGE_HTML_NONE when not in the source. */
static size_t
page_html_pos(page_html_t *r, int line, int col)
{
    size_t  off;

    if (line < 1 || col < 1 || (size_t) line > r->nlines) {
        return PAGE_HTML_NONE;
    }

    off = r->lines[line - 1] + (size_t) col - 1;
    if (off >= r->lines[line] || off >= r->len) {
        return PAGE_HTML_NONE;
    }

    return off;
}


/*
 * Offset of an inline node's line:col.  libcmark-gfm 0.29.0.gfm.6 counts
 * the columns of a paragraph's continuation lines without the spaces it
 * stripped at their start, so on such a line (page_html_line_shift) the
 * offset moves by their number.
 */
static size_t
page_html_inline_pos(page_html_t *r, int line, int col)
{
    size_t  off;

    off = page_html_pos(r, line, col);

    if (off != PAGE_HTML_NONE && (size_t) line == r->shift_line) {
        off += r->shift;
        if (off >= r->lines[line]) {
            return PAGE_HTML_NONE;
        }
    }

    return off;
}


/* After a line break: how far the next line's columns are off. */
static void
page_html_line_shift(page_html_t *r, cmark_node *brk)
{
    int          line;
    size_t       off, end;
    const char  *src = r->src;
    cmark_node  *next;

    next = cmark_node_next(brk);
    if (next == NULL) {
        return;
    }

    line = cmark_node_get_start_line(next);
    off = page_html_pos(r, line, cmark_node_get_start_column(next));
    if (off == PAGE_HTML_NONE) {
        return;
    }

    end = r->lines[line];
    r->shift_line = (size_t) line;
    r->shift = 0;

    while (off + r->shift < end
           && (src[off + r->shift] == ' ' || src[off + r->shift] == '\t'))
    {
        r->shift++;
    }
}


/* End of line (1-based): after its '\n', or the end of the source. */
static size_t
page_html_line_end(page_html_t *r, size_t line)
{
    return r->lines[line];
}


static size_t
page_html_trim_end(page_html_t *r, size_t from, size_t end)
{
    while (end > from && page_html_ascii_space(r->src[end - 1])) {
        end--;
    }

    return end;
}


/* smart punctuation, after goldmark's typographer extension */

enum {
    PAGE_HTML_Q_NONE, PAGE_HTML_Q_LSQUO, PAGE_HTML_Q_RSQUO,
    PAGE_HTML_Q_LDQUO, PAGE_HTML_Q_RDQUO
};

static const char  *page_html_quotes[] = {
    NULL, "&lsquo;", "&rsquo;", "&ldquo;", "&rdquo;"
};


static int
page_html_b_punct(const char *line, size_t n, size_t i)
{
    return i < n && page_html_ascii_punct((unsigned char) line[i]);
}


static int
page_html_b_space(const char *line, size_t n, size_t i)
{
    return i < n && page_html_ascii_space((unsigned char) line[i]);
}


static uint32_t
page_html_rune_at(const char *line, size_t n, size_t i)
{
    size_t  len;

    return i < n ? page_html_rune(line + i, n - i, &len) : ' ';
}


/* quote closes: goldmark's isClose || maybeClose */
static int
page_html_closes(const char *line, size_t n, int open, int close)
{
    if (close && !open) {
        return 1;
    }

    return close && open && n > 1
           && page_html_upunct(page_html_rune_at(line, n, 1))
           && (n == 2 || page_html_b_punct(line, n, 2)
               || page_html_b_space(line, n, 2));
}


static int
page_html_single(page_html_t *r, const char *line, size_t n,
    uint32_t before, int open, int close)
{
    int  q;

    /* decades: '90s */
    if (open && !close && n > 3 && page_html_digit((unsigned char) line[1])
        && page_html_digit((unsigned char) line[2]) && line[3] == 's'
        && (n == 4 || page_html_space(page_html_rune_at(line, n, 4))
            || page_html_punct(page_html_rune_at(line, n, 4))))
    {
        return PAGE_HTML_Q_RSQUO;
    }

    /* 'twas, 'em, 'net, 'll */
    if (n > 1 && (page_html_upunct(before) || page_html_space(before))
        && (line[1] == 't' || line[1] == 'e' || line[1] == 'n'
            || line[1] == 'l'))
    {
        return PAGE_HTML_Q_RSQUO;
    }

    /* between a letter or digit and a letter */
    if (n > 1 && page_html_alnum(before)
        && page_html_letter(page_html_rune_at(line, n, 1)))
    {
        return PAGE_HTML_Q_RSQUO;
    }

    if (open && !close) {
        q = PAGE_HTML_Q_LSQUO;

        if (n > 1 && strchr("smtd", line[1]) != NULL && line[1] != '\0'
            && (n < 3 || page_html_b_punct(line, n, 2)
                || page_html_b_space(line, n, 2)))
        {
            q = PAGE_HTML_Q_RSQUO;
        }

        if (n > 2 && ((line[1] == 'v' && line[2] == 'e')
                      || (line[1] == 'l' && line[2] == 'l')
                      || (line[1] == 'r' && line[2] == 'e'))
            && (n < 4 || page_html_b_punct(line, n, 3)
                || page_html_b_space(line, n, 3)))
        {
            q = PAGE_HTML_Q_RSQUO;
        }

        if (q == PAGE_HTML_Q_LSQUO) {
            r->single++;
        }

        return q;
    }

    /* Smiths', doin' (goldmark's test, its operator precedence kept) */
    if (n > 2 && !page_html_digit(page_html_rune_at(line, n, 1))) {
        return PAGE_HTML_Q_RSQUO;
    }

    if (r->single > 0 && page_html_closes(line, n, open, close)) {
        r->single--;
        return PAGE_HTML_Q_RSQUO;
    }

    return PAGE_HTML_Q_NONE;
}


/* line points into r->run_base */
static int
page_html_quote(page_html_t *r, const char *line, size_t n, uint32_t before)
{
    int       open, close, bw, bp, aw, ap;
    size_t    j, off;
    uint32_t  after;

    /*
     * The delimiter run decides flanking, as goldmark's ScanDelimiter;
     * the run is measured once, not again from each of its quotes.
     */
    off = (size_t) (line - r->run_base);

    if (off >= r->run_from && off < r->run_to
        && r->run_base[r->run_from] == line[0])
    {
        j = r->run_to - off;
        j = j < n ? j : n;
    } else {
        for (j = 1; j < n && line[j] == line[0]; j++) {
            /* void */
        }
        r->run_from = off;
        r->run_to = off + j;
    }

    after = page_html_rune_at(line, n, j);

    bw = page_html_space(before);
    bp = page_html_punct(before);
    aw = page_html_space(after);
    ap = page_html_punct(after);

    open = !aw && (!ap || bw || bp);
    close = !bw && (!bp || aw || ap);

    if (!open && !close) {
        return PAGE_HTML_Q_NONE;
    }

    if (line[0] == '\'') {
        return page_html_single(r, line, n, before, open, close);
    }

    if (open && !close) {
        r->dbl++;
        return PAGE_HTML_Q_LDQUO;
    }

    if (r->dbl > 0 && page_html_closes(line, n, open, close)) {
        if (n > 1 && line[1] == '"' && page_html_digit(before)) {
            return PAGE_HTML_Q_NONE;
        }
        r->dbl--;
        return PAGE_HTML_Q_RDQUO;
    }

    return PAGE_HTML_Q_NONE;
}


/*
 * The entity for the punctuation at line[0] (n bytes to the end of the
 * line as goldmark sees it), NULL if none; *adv: bytes it replaces.
 */
static const char *
page_html_smart(page_html_t *r, const char *line, size_t n, uint32_t before,
    size_t *adv)
{
    char  c;

    c = line[0];
    *adv = 1;

    if (n > 2 && c == '-' && line[1] == '-' && line[2] == '-') {
        *adv = 3;
        return "&mdash;";
    }

    if (c == '.') {
        if (n > 2 && line[1] == '.' && line[2] == '.') {
            *adv = 3;
            return "&hellip;";
        }
        return NULL;
    }

    if (n > 1 && line[1] == c && (c == '<' || c == '>' || c == '-')) {
        *adv = 2;
        return c == '<' ? "&laquo;" : c == '>' ? "&raquo;" : "&ndash;";
    }

    if (c == '\'' || c == '"') {
        return page_html_quotes[page_html_quote(r, line, n, before)];
    }

    return NULL;
}


/* text */

/*
 * Where the line of the source byte at off ends for the typographer:
 * after its newline, or at the trimmed end of the inline block on its
 * last line.
 */
static size_t
page_html_smart_end(page_html_t *r, size_t line, size_t off)
{
    size_t  end;

    if (line == r->blk_line && r->blk_end != PAGE_HTML_NONE
        && r->blk_end > off)
    {
        return r->blk_end;
    }

    end = page_html_line_end(r, line);
    if (line == r->blk_line) {
        end = page_html_trim_end(r, off, end);
    }

    return end > off ? end : off + 1;
}


/*
 * Length of the entity or numeric reference at s (n bytes), 0 if none.
 */
static size_t
page_html_entity_len(const char *s, size_t n)
{
    size_t  i;

    if (n < 3 || s[0] != '&') {
        return 0;
    }

    for (i = 1; i < n && i < 40; i++) {
        if (s[i] == ';') {
            return i > 1 ? i + 1 : 0;
        }
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')
              || (s[i] >= '0' && s[i] <= '9') || (i == 1 && s[i] == '#')))
        {
            return 0;
        }
    }

    return 0;
}


/* Bytes of lit[i..] that one decoded reference became (1 or 2 runes). */
static size_t
page_html_decoded_len(const char *lit, size_t len, size_t i, int next)
{
    size_t  a, b;

    page_html_rune(lit + i, len - i, &a);

    if (next < 0 || i + a >= len || (unsigned char) lit[i + a] == next) {
        return a;
    }

    page_html_rune(lit + i + a, len - i - a, &b);
    if (i + a + b <= len
        && (i + a + b == len || (unsigned char) lit[i + a + b] == next))
    {
        return a + b;
    }

    return a;
}


typedef struct {
    size_t    off;          /* source offset of lit[0], or NONE */
    size_t    line;         /* its line, 1-based */
    size_t    lk_end;       /* linkify up to this source offset; NONE: not */
    int       lk_at;        /* an '@' before lk_end: e-mail may match */
    int       first;        /* starts a line of its block: before is '\n' */
    int       smart;
    int       mode;
} page_html_span_t;


/*
 * A byte text copies as it is (PAGE_HTML_B_PLAIN clear): neither escaped
 * (& < > "), nor a candidate for smart punctuation (' " - . < >), nor a
 * backslash or an entity's & in the source; runs of these are appended
 * at once.  PAGE_HTML_B_LINKIFY: a byte where goldmark's inline loop may
 * try a bare link, or that changes where it will (page_html_lk_start).
 */
#define PAGE_HTML_B_PLAIN    0x01       /* set: not plain */
#define PAGE_HTML_B_LINKIFY  0x02

static unsigned char  page_html_bytes[256];


static void
page_html_bytes_init(void)
{
    const char           *p;
    static int            done;

    if (done) {
        return;
    }

    for (p = "\\&<>\"'-."; *p; p++) {
        page_html_bytes[(unsigned char) *p] |= PAGE_HTML_B_PLAIN;
    }
    page_html_bytes[0] |= PAGE_HTML_B_PLAIN;

    for (p = " (~*_`[]"; *p; p++) {
        page_html_bytes[(unsigned char) *p] |= PAGE_HTML_B_LINKIFY;
    }

    done = 1;
}


static int
page_html_plain(unsigned char c)
{
    return !(page_html_bytes[c] & PAGE_HTML_B_PLAIN);
}


static void
page_html_put_char(page_buf_t *b, const char *s, size_t n, int mode)
{
    if (mode == PAGE_HTML_TEXT_ALT) {
        page_buf_append(b, s, n);
    } else {
        page_html_esc(b, s, n);
    }
}


/* Text without a source mapping: smart punctuation over the literal. */
static void
page_html_text_loose(page_html_t *r, const char *lit, size_t len,
    const page_html_span_t *sp, page_buf_t *b)
{
    size_t       i, k, adv;
    uint32_t     before;
    const char  *ent;

    r->run_base = lit;
    r->run_from = 0;
    r->run_to = 0;

    for (i = 0; i < len; i += adv) {
        for (k = i; k < len && page_html_plain((unsigned char) lit[k]); k++) {
            /* void */
        }

        if (k > i) {
            page_buf_append(b, lit + i, k - i);
            adv = k - i;
            continue;
        }

        adv = 1;
        ent = NULL;

        if (sp->smart && strchr("'\"-.<>", lit[i]) != NULL
            && lit[i] != '\0')
        {
            before = (i == 0 && sp->first) ? '\n'
                                           : page_html_rune_before(lit, i);
            ent = page_html_smart(r, lit + i, len - i, before, &adv);
        }

        if (ent != NULL) {
            page_buf_puts(b, ent);
        } else {
            page_html_put_char(b, lit + i, 1, sp->mode);
        }
    }
}


/* linkify */

/* A new inline block: goldmark's label and retry state start afresh. */
static void
page_html_lk_block(page_html_t *r)
{
    r->lk_label = 0;
    r->lk_retry = PAGE_HTML_NONE;
}


/* The bare link src[from..to) as goldmark's autolink renderer writes it. */
static void
page_html_lk_write(page_html_t *r, size_t from, size_t to,
    page_linkify_kind_t kind, page_buf_t *b)
{
    page_buf_puts(b, "<a href=\"");

    if (kind == PAGE_LINKIFY_WWW) {
        page_buf_puts(b, "https://");       /* Hugo's linkifyProtocol */
    } else if (kind == PAGE_LINKIFY_EMAIL) {
        page_buf_puts(b, "mailto:");
    }

    page_html_url(b, r->src + from, to - from);
    page_buf_puts(b, "\">");
    page_html_esc(b, r->src + from, to - from);
    page_buf_puts(b, "</a>");
}


/* Length of the run of byte c at src[s]. */
static size_t
page_html_run(page_html_t *r, size_t s, size_t end)
{
    size_t  n;

    for (n = 1; s + n < end && r->src[s + n] == r->src[s]; n++) {
        /* void */
    }

    return n;
}


/*
 * goldmark's inline loop at the source byte s, as far as linkify goes:
 * it notes what the byte means for later bytes (a delimiter run is an
 * inline, so the byte after it is a retry; "[" opens a label) and
 * returns where a bare link may start, s or s + 1, or NONE.
 */
static size_t
page_html_lk_start(page_html_t *r, size_t s, size_t end)
{
    int          c;
    size_t       run;
    const char  *src = r->src;

    c = (unsigned char) src[s];

    switch (c) {
    case ' ':
    case '(':
        return s + 1;               /* linkify skips the trigger byte */

    case '~':
    case '*':
    case '_':
    case '`':
        if (s > 0 && src[s - 1] == c) {
            return PAGE_HTML_NONE;  /* inside a run seen at its start */
        }

        run = page_html_run(r, s, end);

        /* one "~" is no strikethrough: linkify takes it as a trigger */
        if (c == '~' && run == 1) {
            return s + 1;
        }

        r->lk_retry = s + run;
        return PAGE_HTML_NONE;

    case '[':
        r->lk_label++;
        return PAGE_HTML_NONE;

    case ']':
        if (r->lk_label > 0) {
            r->lk_label--;
        }
        return PAGE_HTML_NONE;

    default:
        /* after an inline: any byte but punctuation and spaces */
        if (s == r->lk_retry && !page_html_ascii_punct(c)
            && !page_html_ascii_space(c))
        {
            return s;
        }
        return PAGE_HTML_NONE;
    }
}


/*
 * A bare link at source byte s: its end, with *from where it starts,
 * or 0.  Most places are ruled out by the byte there: a link starts
 * with "h", "f" or "w", or is an e-mail address in a text with an "@".
 */
static size_t
page_html_lk_try(page_html_t *r, const page_html_span_t *sp, size_t s,
    size_t end, size_t *from, page_linkify_kind_t *kind)
{
    int     c;
    size_t  f;

    f = page_html_lk_start(r, s, end);

    if (f == PAGE_HTML_NONE || f >= sp->lk_end || r->lk_label > 0) {
        return 0;
    }

    c = (unsigned char) r->src[f];

    if (c != 'h' && c != 'f' && c != 'w' && !sp->lk_at) {
        return 0;
    }

    *from = f;

    return page_linkify_match(r->src, r->len, f, sp->lk_end, &r->lk_cache,
                              kind);
}


/*
 * Move the literal's i and the source's s together to the source offset
 * to, past the entities a link took in as written.
 */
static void
page_html_lk_advance(page_html_t *r, const char *lit, size_t len,
    size_t *pi, size_t *ps, size_t to, size_t end)
{
    int          next;
    size_t       i, s, e;
    const char  *src = r->src;

    i = *pi;
    s = *ps;

    while (s < to && i < len) {
        e = page_html_entity_len(src + s, end - s);

        if (e != 0 && s + e <= to
            && (len - i < e || memcmp(lit + i, src + s, e) != 0))
        {
            next = s + e < end ? (unsigned char) src[s + e] : -1;
            i += page_html_decoded_len(lit, len, i, next);
            s += e;
        } else {
            i++;
            s++;
        }
    }

    *pi = i;
    *ps = s;
}


/*
 * Text, walking the literal and its source together: a source byte that
 * is the literal's byte is plain (the typographer may replace it); a
 * backslash escape or an entity is copied as text and never replaced.
 */
static void
page_html_text_span(page_html_t *r, const char *lit, size_t len,
    const page_html_span_t *sp, page_buf_t *b)
{
    int                   next, stop;
    size_t                i, s, end, adv, k, e, klim, m, from;
    uint32_t              before;
    const char           *src, *ent;
    page_linkify_kind_t   kind;

    src = r->src;
    s = sp->off;
    end = page_html_line_end(r, sp->line);

    if (r->run_base != src) {
        r->run_base = src;
        r->run_from = 0;
        r->run_to = 0;
    }

    stop = PAGE_HTML_B_PLAIN;
    if (sp->lk_end != PAGE_HTML_NONE) {
        stop |= PAGE_HTML_B_LINKIFY;
    }

    for (i = 0; i < len; /* void */) {
        if (s >= end) {
            break;
        }

        klim = len - i;

        if (stop & PAGE_HTML_B_LINKIFY) {
            if (src[s] == lit[i]
                && (s == r->lk_retry
                    || (page_html_bytes[(unsigned char) lit[i]]
                        & PAGE_HTML_B_LINKIFY)))
            {
                m = page_html_lk_try(r, sp, s, end, &from, &kind);

                if (m != 0) {
                    if (from > s) {
                        page_html_put_char(b, lit + i, 1, sp->mode);
                        i++;
                        s++;
                    }
                    page_html_lk_write(r, from, m, kind, b);
                    page_html_lk_advance(r, lit, len, &i, &s, m, end);
                    r->lk_retry = m;
                    continue;
                }
            }

            if (r->lk_retry > s && r->lk_retry - s < klim) {
                klim = r->lk_retry - s;
            }
        }

        for (k = 0; k < klim && s + k < end
                    && !(page_html_bytes[(unsigned char) lit[i + k]] & stop)
                    && src[s + k] == lit[i + k]; k++)
        {
            /* void */
        }

        if (k != 0) {
            page_buf_append(b, lit + i, k);
            i += k;
            s += k;
            continue;
        }

        if (src[s] == '\\' && s + 1 < end
            && page_html_ascii_punct((unsigned char) src[s + 1])
            && lit[i] == src[s + 1])
        {
            if (sp->mode == PAGE_HTML_TEXT_ALT) {
                page_buf_append(b, src + s, 2);
            } else {
                page_html_esc(b, lit + i, 1);
            }
            i++;
            s += 2;
            continue;
        }

        e = page_html_entity_len(src + s, end - s);
        if (e != 0 && (len - i < e || memcmp(lit + i, src + s, e) != 0)) {
            next = s + e < end ? (unsigned char) src[s + e] : -1;
            k = page_html_decoded_len(lit, len, i, next);
            if (sp->mode == PAGE_HTML_TEXT_ALT) {
                page_buf_append(b, src + s, e);
            } else {
                page_html_esc(b, lit + i, k);
            }
            i += k;
            s += e;
            continue;
        }

        if (src[s] != lit[i]) {
            break;
        }

        ent = NULL;
        adv = 1;

        if (sp->smart && lit[i] != '\0'
            && strchr("'\"-.<>", lit[i]) != NULL)
        {
            before = (s == sp->off && sp->first)
                     ? '\n' : page_html_rune_before(src, s);
            ent = page_html_smart(r, src + s,
                                  page_html_smart_end(r, sp->line, s) - s,
                                  before, &adv);
            if (ent != NULL
                && (adv > len - i || memcmp(lit + i, src + s, adv) != 0))
            {
                ent = NULL;
                adv = 1;
            }
        }

        if (ent != NULL) {
            page_buf_puts(b, ent);
            r->lk_retry = s + adv;      /* goldmark: an inline node */
        } else {
            page_html_put_char(b, lit + i, 1, sp->mode);
        }

        i += adv;
        s += adv;
    }

    if (i < len) {
        page_html_text_loose(r, lit + i, len - i, sp, b);
    }
}


/* Does this inline start a line of its block (goldmark: before is '\n')? */
static int
page_html_first_inline(cmark_node *node)
{
    cmark_node       *prev, *parent;
    cmark_node_type   t;

    prev = cmark_node_previous(node);
    if (prev != NULL) {
        t = cmark_node_get_type(prev);
        return t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK;
    }

    parent = cmark_node_parent(node);

    return parent == NULL
           || (cmark_node_get_type(parent) & CMARK_NODE_TYPE_INLINE)
              != CMARK_NODE_TYPE_INLINE;
}


/* Does "c2 c3" follow a byte c1 in src[from..to)? */
static int
page_html_has3(const char *src, size_t from, size_t to, const char *pat)
{
    const char  *p, *end;

    end = src + to;

    for (p = src + from; (p = memchr(p, pat[0], (size_t) (end - p))) != NULL;
         p++)
    {
        if (end - p >= 3 && p[1] == pat[1] && p[2] == pat[2]) {
            return 1;
        }
        if (end - p < 3) {
            break;
        }
    }

    return 0;
}


/*
 * May src[from..to) hold a bare link?  Every one holds "://" or "ww."
 * (of "www.") or, an e-mail address, "@" (*at): most text has none, and
 * is written without a look at each space.
 */
static int
page_html_lk_candidate(page_html_t *r, size_t from, size_t to, int *at)
{
    *at = memchr(r->src + from, '@', to - from) != NULL;

    return *at || page_html_has3(r->src, from, to, "://")
           || page_html_has3(r->src, from, to, "ww.");
}


/* The "[" labels text without a link candidate opens and closes. */
static void
page_html_lk_brackets(page_html_t *r, size_t from, size_t to)
{
    size_t       i;
    const char  *src = r->src;

    if (memchr(src + from, '[', to - from) == NULL
        && (r->lk_label == 0 || memchr(src + from, ']', to - from) == NULL))
    {
        return;
    }

    for (i = from; i < to; i++) {
        if (src[i] == '\\') {
            i++;
        } else if (src[i] == '[') {
            r->lk_label++;
        } else if (src[i] == ']' && r->lk_label > 0) {
            r->lk_label--;
        }
    }
}


/*
 * Where the text node may hold bare links: in text written as HTML, not
 * in a link, up to the node's end in the source (a heading's last node
 * less its {attributes}).  Text that follows an inline node starts with
 * goldmark's retry.
 */
static void
page_html_lk_span(page_html_t *r, cmark_node *node, page_html_span_t *sp)
{
    size_t       end;
    cmark_node  *prev, *parent;

    sp->lk_end = PAGE_HTML_NONE;
    sp->lk_at = 0;

    if (sp->mode != PAGE_HTML_TEXT_HTML || !sp->smart || r->lk_link > 0) {
        return;
    }

    end = page_html_inline_pos(r, cmark_node_get_end_line(node),
                               cmark_node_get_end_column(node));
    if (end == PAGE_HTML_NONE || end < sp->off) {
        return;
    }

    end++;

    if (node == r->cut_node && r->blk_end != PAGE_HTML_NONE
        && r->blk_end < end)
    {
        end = r->blk_end;
    }

    if (!page_html_lk_candidate(r, sp->off, end, &sp->lk_at)) {
        page_html_lk_brackets(r, sp->off, end);
        return;
    }

    sp->lk_end = end;

    prev = cmark_node_previous(node);
    parent = cmark_node_parent(node);

    if (sp->first
        || (prev != NULL && cmark_node_get_type(prev) != CMARK_NODE_TEXT)
        || (prev == NULL && parent != NULL
            && (cmark_node_get_type(parent) & CMARK_NODE_TYPE_INLINE)
               == CMARK_NODE_TYPE_INLINE))
    {
        r->lk_retry = sp->off;
    }
}


static void
page_html_text(page_html_t *r, cmark_node *node, int smart, int mode,
    page_buf_t *b)
{
    size_t             len;
    const char        *lit;
    page_html_span_t   sp;

    lit = cmark_node_get_literal(node);
    if (lit == NULL) {
        return;
    }

    len = strlen(lit);
    if (node == r->cut_node && r->cut_len < len) {
        len = r->cut_len;
    }

    sp.smart = smart && mode != PAGE_HTML_TEXT_PLAIN;
    sp.mode = mode;
    sp.lk_end = PAGE_HTML_NONE;
    sp.lk_at = 0;
    sp.first = page_html_first_inline(node);
    sp.line = (size_t) cmark_node_get_start_line(node);
    sp.off = page_html_inline_pos(r, cmark_node_get_start_line(node),
                                  cmark_node_get_start_column(node));

    if (sp.off == PAGE_HTML_NONE) {
        page_html_text_loose(r, lit, len, &sp, b);
        return;
    }

    page_html_lk_span(r, node, &sp);

    page_html_text_span(r, lit, len, &sp, b);
}


/* links and images */

/*
 * An autolink <http://...> or <a@b.c>: the only links libcmark-gfm makes
 * without brackets, since bare URLs are linked here (page_linkify).
 */
static int
page_html_autolink(page_html_t *r, cmark_node *node)
{
    size_t  off;

    off = page_html_inline_pos(r, cmark_node_get_start_line(node),
                               cmark_node_get_start_column(node));

    return off == PAGE_HTML_NONE || r->src[off] == '<';
}


static void
page_html_link(page_html_t *r, cmark_node *node, page_buf_t *b)
{
    const char  *url, *title;

    url = cmark_node_get_url(node);
    title = cmark_node_get_title(node);

    page_buf_puts(b, "<a href=\"");
    page_html_href(r, b, url);
    page_buf_putc(b, '"');

    if (title != NULL && title[0] != '\0') {
        page_buf_puts(b, " title=\"");
        page_html_escs(b, title);
        page_buf_putc(b, '"');
    }

    page_buf_putc(b, '>');
}


/* goldmark's alt: the children's raw text, smart punctuation included */
static void
page_html_alt(page_html_t *r, cmark_node *image, page_buf_t *b)
{
    page_buf_t         alt;
    cmark_iter        *iter;
    cmark_node        *node;
    cmark_node_type    t;
    cmark_event_type   ev;

    page_buf_init(&alt, r->arena, 0);

    iter = cmark_iter_new(image);
    if (iter == NULL) {
        r->failed = 1;
        return;
    }

    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        node = cmark_iter_get_node(iter);
        if (ev != CMARK_EVENT_ENTER) {
            continue;
        }

        t = cmark_node_get_type(node);

        if (t == CMARK_NODE_TEXT) {
            page_html_text(r, node, 1, PAGE_HTML_TEXT_ALT, &alt);
        } else if (t == CMARK_NODE_CODE) {
            page_buf_puts(&alt, cmark_node_get_literal(node));
        } else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
            page_buf_putc(&alt, '\n');
        }
    }

    cmark_iter_free(iter);

    if (alt.failed) {
        r->failed = 1;
    }

    page_html_esc(b, alt.data, alt.len);
}


static void
page_html_image(page_html_t *r, cmark_node *node, page_buf_t *b)
{
    const char  *title;

    title = cmark_node_get_title(node);

    page_buf_puts(b, "<img src=\"");
    page_html_href(r, b, cmark_node_get_url(node));
    page_buf_puts(b, "\" alt=\"");
    page_html_alt(r, node, b);
    page_buf_putc(b, '"');

    if (title != NULL && title[0] != '\0') {
        page_buf_puts(b, " title=\"");
        page_html_escs(b, title);
        page_buf_putc(b, '"');
    }

    page_buf_putc(b, '>');
}


/* headings */

static int
page_html_attr_name(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
           || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':'
           || c == '.';
}


/*
 * Parse "{#id .class key=value key="v"}" at s..e (e after the "}").
 * Returns 0 when it is an attribute list.
 */
static int
page_html_attrs_parse(const char *s, const char *e, page_html_attrs_t *a)
{
    char               q;
    const char        *p, *v;
    page_html_attr_t  *t;

    a->n = 0;
    a->id = NULL;
    a->id_len = 0;
    a->start = s;
    a->end = e;

    for (p = s + 1, e--; p < e; p = v) {
        if (*p == ' ' || *p == '\t') {
            v = p + 1;
            continue;
        }

        if (a->n == PAGE_HTML_MAX_ATTRS) {
            return -1;
        }

        t = &a->a[a->n++];

        if (*p == '#' || *p == '.') {
            for (v = p + 1; v < e && page_html_attr_name(*v); v++) {
                /* void */
            }
            if (v == p + 1) {
                return -1;
            }
            t->kind = *p;
            t->name = p + 1;
            t->name_len = (size_t) (v - p - 1);

        } else {
            for (v = p; v < e && page_html_attr_name(*v); v++) {
                /* void */
            }
            if (v == p || v == e || *v != '=') {
                return -1;
            }
            t->kind = '=';
            t->name = p;
            t->name_len = (size_t) (v - p);

            v++;
            if (v < e && (*v == '"' || *v == '\'')) {
                q = *v++;
                t->value = v;
                while (v < e && *v != q) {
                    v++;
                }
                if (v == e) {
                    return -1;
                }
                t->value_len = (size_t) (v - t->value);
                v++;
            } else {
                t->value = v;
                while (v < e && *v != ' ' && *v != '\t' && *v != '"'
                       && *v != '\'')
                {
                    v++;
                }
                t->value_len = (size_t) (v - t->value);
            }
        }

        if (v < e && *v != ' ' && *v != '\t') {
            return -1;
        }

        if (t->kind == '#') {
            a->id = t->name;
            a->id_len = t->name_len;
        } else if (t->kind == '=' && t->name_len == 2
                   && memcmp(t->name, "id", 2) == 0)
        {
            a->id = t->value;
            a->id_len = t->value_len;
        }
    }

    return 0;
}


static void
page_html_attr_id(const char *id, size_t id_len, page_buf_t *b)
{
    page_buf_puts(b, " id=\"");
    page_html_esc(b, id, id_len);
    page_buf_putc(b, '"');
}


/*
 * Write the attributes in their order, the id as given; the classes go
 * together where the first is; an id generated goes last.
 */
static void
page_html_attrs_write(const page_html_attrs_t *a, const char *id,
    size_t id_len, page_buf_t *b)
{
    int                      id_done, classes;
    size_t                   i, k;
    const page_html_attr_t  *t;

    id_done = 0;
    classes = 0;

    for (i = 0; i < a->n; i++) {
        t = &a->a[i];

        if (t->kind == '#'
            || (t->kind == '=' && t->name_len == 2
                && memcmp(t->name, "id", 2) == 0))
        {
            if (!id_done) {
                page_html_attr_id(id, id_len, b);
                id_done = 1;
            }
            continue;
        }

        if (t->kind == '.') {
            if (classes++) {
                continue;
            }
            page_buf_puts(b, " class=\"");
            for (k = i; k < a->n; k++) {
                if (a->a[k].kind == '.') {
                    if (k != i) {
                        page_buf_putc(b, ' ');
                    }
                    page_html_esc(b, a->a[k].name, a->a[k].name_len);
                }
            }
            page_buf_putc(b, '"');
            continue;
        }

        /* goldmark drops event handlers: on* */
        if (t->name_len >= 2 && (t->name[0] | 0x20) == 'o'
            && (t->name[1] | 0x20) == 'n')
        {
            continue;
        }

        page_buf_putc(b, ' ');
        page_buf_append(b, t->name, t->name_len);
        page_buf_puts(b, "=\"");
        page_html_esc(b, t->value, t->value_len);
        page_buf_putc(b, '"');
    }

    if (!id_done) {
        page_html_attr_id(id, id_len, b);
    }
}


/*
 * The heading's raw content in the source, as goldmark's id generator
 * sees it: an ATX line without its marks and closing sequence, or the
 * last line of a setext heading.  Returns -1 when it cannot be found.
 */
static int
page_html_heading_raw(page_html_t *r, cmark_node *node, size_t *from,
    size_t *to, size_t *last)
{
    int          line;
    size_t       s, e, n, p;
    const char  *src;
    cmark_node  *child;

    src = r->src;
    line = cmark_node_get_start_line(node);

    s = page_html_pos(r, line, cmark_node_get_start_column(node));
    if (s == PAGE_HTML_NONE) {
        return -1;
    }

    e = page_html_line_end(r, (size_t) line);

    while (s < e && src[s] == ' ') {
        s++;
    }

    for (n = 0; s + n < e && src[s + n] == '#'; n++) {
        /* void */
    }

    if (n >= 1 && n <= 6 && (s + n == e || page_html_ascii_space(src[s + n])))
    {
        s += n;
        while (s < e && (src[s] == ' ' || src[s] == '\t')) {
            s++;
        }
        e = page_html_trim_end(r, s, e);

        /* a closing sequence: spaces then only '#' */
        for (p = e; p > s && src[p - 1] == '#'; p--) {
            /* void */
        }
        if (p < e && (p == s || src[p - 1] == ' ' || src[p - 1] == '\t')) {
            e = page_html_trim_end(r, s, p);
        }

        *from = s;
        *to = e;
        *last = (size_t) line;
        return 0;
    }

    /* setext: the line of the last child that has a position */
    for (child = cmark_node_last_child(node); child != NULL;
         child = cmark_node_previous(child))
    {
        if (cmark_node_get_start_line(child) > 0) {
            break;
        }
    }

    if (child == NULL) {
        return -1;
    }

    line = cmark_node_get_start_line(child);
    if ((size_t) line > r->nlines) {
        return -1;
    }

    if (line != cmark_node_get_start_line(node)) {
        s = r->lines[line - 1];
    }

    e = page_html_line_end(r, (size_t) line);
    while (s < e && (src[s] == ' ' || src[s] == '\t' || src[s] == '>')) {
        s++;
    }

    *from = s;
    *to = page_html_trim_end(r, s, e);
    *last = (size_t) line;

    return 0;
}


/* GitHub's anchor for the raw heading text, as Hugo makes it */
static void
page_html_anchor(const char *s, size_t n, page_buf_t *b)
{
    size_t    i, len;
    uint32_t  c;

    for (i = 0; i < n; i += len) {
        c = page_html_rune(s + i, n - i, &len);

        if (c == ' ') {
            page_buf_putc(b, '-');
        } else if (c == '-' || c == '_' || page_html_alnum(c)) {
            page_utf8_put(b, page_html_lower(c));
        }
    }
}


/*
 * A unique id: base, else base-1, base-2, ... as goldmark's ids.  The
 * map's value for an id is the first suffix worth trying for it.
 */
static int
page_html_unique(page_html_t *r, page_buf_t *id)
{
    size_t             base, n;
    page_html_slot_t  *s, *t;

    if (page_html_map_grow(r, &r->ids) != 0) {
        return -1;
    }

    s = page_html_map_find(&r->ids, id->data, id->len);
    if (s->key == NULL) {
        return page_html_map_put(r, &r->ids, id->data, id->len) ? 0 : -1;
    }

    base = id->len;

    for (n = s->value; ; n++) {
        id->len = base;
        page_buf_putc(id, '-');
        page_buf_put_uint(id, n);
        if (id->failed) {
            return -1;
        }

        t = page_html_map_find(&r->ids, id->data, id->len);
        if (t->key == NULL) {
            break;
        }
    }

    s->value = n + 1;

    return page_html_map_put(r, &r->ids, id->data, id->len) ? 0 : -1;
}


/*
 * The TOC's copy of the heading's HTML, less "<del>" and "</del>" (Hugo's
 * TOC drops strikethrough), in just the bytes it takes: a page may have
 * hundreds of thousands of headings.
 */
static void
page_html_toc_title(page_html_t *r, page_buf_t *h, page_html_heading_t *e)
{
    char    *t;
    size_t   i, n;

    e->title = "";
    e->title_len = 0;

    if (h->len == 0) {
        return;
    }

    t = page_arena_alloc(r->arena, h->len + 1);
    if (t == NULL) {
        r->failed = 1;
        return;
    }

    for (i = 0, n = 0; i < h->len; /* void */) {
        if (h->len - i >= 5 && memcmp(h->data + i, "<del>", 5) == 0) {
            i += 5;
        } else if (h->len - i >= 6 && memcmp(h->data + i, "</del>", 6) == 0) {
            i += 6;
        } else {
            t[n++] = h->data[i++];
        }
    }

    t[n] = '\0';
    e->title = t;
    e->title_len = n;
}


static void
page_html_toc_add(page_html_t *r, int level, page_buf_t *id, page_buf_t *h)
{
    size_t                cap;
    page_html_toc_t      *toc = r->toc;
    page_html_heading_t  *items, *e;

    if (toc == NULL) {
        return;
    }

    if (toc->n == toc->cap) {
        cap = toc->cap ? toc->cap * 2 : 16;
        items = page_arena_realloc(r->arena, toc->items,
                                   toc->cap * sizeof(page_html_heading_t),
                                   cap * sizeof(page_html_heading_t));
        if (items == NULL) {
            r->failed = 1;
            return;
        }
        toc->items = items;
        toc->cap = cap;
    }

    e = &toc->items[toc->n++];
    e->level = level;
    e->id = page_arena_strndup(r->arena, id->data ? id->data : "", id->len);
    e->id_len = id->len;
    if (e->id == NULL) {
        r->failed = 1;
        e->id = "";
        e->id_len = 0;
    }
    page_html_toc_title(r, h, e);
}


/* The last text child whose literal ends with the attribute text. */
static void
page_html_heading_cut(page_html_t *r, cmark_node *node,
    const page_html_attrs_t *a)
{
    size_t       len, alen;
    const char  *lit;
    cmark_node  *last;

    last = cmark_node_last_child(node);
    if (last == NULL || cmark_node_get_type(last) != CMARK_NODE_TEXT) {
        return;
    }

    lit = cmark_node_get_literal(last);
    len = lit ? strlen(lit) : 0;
    while (len > 0 && page_html_ascii_space(lit[len - 1])) {
        len--;
    }

    alen = (size_t) (a->end - a->start);
    if (len < alen || memcmp(lit + len - alen, a->start, alen) != 0) {
        return;
    }

    len -= alen;
    while (len > 0 && (lit[len - 1] == ' ' || lit[len - 1] == '\t')) {
        len--;
    }

    r->cut_node = last;
    r->cut_len = len;
}


static void
page_html_heading(page_html_t *r, cmark_node *node, page_buf_t *b)
{
    int                 level, has_attrs;
    size_t              from, to, last, saved_line, saved_end;
    const char         *brace;
    page_buf_t          id, h;
    page_html_attrs_t   attrs;

    level = cmark_node_get_heading_level(node);
    has_attrs = 0;
    attrs.n = 0;            /* read only when has_attrs; quiets gcc -O */

    /* the render's two heading buffers, emptied: headings do not nest */
    id = r->heading_id;
    h = r->heading_html;
    id.len = 0;
    h.len = 0;
    id.failed = 0;
    h.failed = 0;

    if (page_html_heading_raw(r, node, &from, &to, &last) != 0) {
        from = to = last = 0;
    }

    /* {#id .class key=value} at the end */
    if (to > from && r->src[to - 1] == '}') {
        brace = memchr(r->src + from, '{', to - from);
        while (brace != NULL) {
            const char  *next;

            if (page_html_attrs_parse(brace, r->src + to, &attrs) == 0) {
                has_attrs = 1;
                break;
            }
            next = memchr(brace + 1, '{', (size_t) (r->src + to - brace - 1));
            brace = next;
        }
    }

    if (has_attrs) {
        page_html_heading_cut(r, node, &attrs);
        to = page_html_trim_end(r, from, (size_t) (attrs.start - r->src));
    }

    if (has_attrs && attrs.id != NULL) {
        page_buf_append(&id, attrs.id, attrs.id_len);
        if (page_html_map_put(r, &r->ids, attrs.id, attrs.id_len) == NULL) {
            return;
        }
    } else {
        page_html_anchor(r->src + from, to - from, &id);
        if (id.len == 0) {
            page_buf_puts(&id, "heading");
        }
        if (id.failed || page_html_unique(r, &id) != 0) {
            r->failed = 1;
            return;
        }
    }

    /* the content, with the typographer's view of where lines end */
    page_html_lk_block(r);
    saved_line = r->blk_line;
    saved_end = r->blk_end;
    r->blk_line = last;
    r->blk_end = to > from ? to : PAGE_HTML_NONE;

    page_html_walk(r, node, 1, &h);

    r->blk_line = saved_line;
    r->blk_end = saved_end;
    r->cut_node = NULL;

    page_buf_puts(b, "<h");
    page_buf_put_uint(b, (uint64_t) level);
    if (has_attrs) {
        page_html_attrs_write(&attrs, id.data, id.len, b);
    } else {
        page_buf_puts(b, " id=\"");
        page_html_esc(b, id.data, id.len);
        page_buf_putc(b, '"');
    }
    page_buf_putc(b, '>');
    page_buf_append(b, h.data, h.len);
    page_buf_puts(b, "</h");
    page_buf_put_uint(b, (uint64_t) level);
    page_buf_puts(b, ">\n");

    if (h.failed) {
        r->failed = 1;
    }

    page_html_toc_add(r, level, &id, &h);

    r->heading_id = id;
    r->heading_html = h;
}


/* blocks */

static const char *
page_html_type(cmark_node *node)
{
    return cmark_node_get_type_string(node);
}


static int
page_html_is(cmark_node *node, const char *type)
{
    const char  *t = cmark_node_get_type_string(node);

    return t != NULL && strcmp(t, type) == 0;
}


/* a paragraph of a tight list item: goldmark's TextBlock, no <p> */
static int
page_html_tight(cmark_node *para)
{
    cmark_node  *item, *list;

    item = cmark_node_parent(para);
    if (item == NULL || cmark_node_get_type(item) != CMARK_NODE_ITEM) {
        return 0;
    }

    list = cmark_node_parent(item);

    return list != NULL && cmark_node_get_list_tight(list);
}


static void
page_html_block_context(page_html_t *r, cmark_node *node)
{
    size_t  end, line;

    line = (size_t) cmark_node_get_end_line(node);
    end = page_html_pos(r, cmark_node_get_end_line(node),
                        cmark_node_get_end_column(node));

    r->blk_line = line;
    r->blk_end = PAGE_HTML_NONE;
    page_html_lk_block(r);

    if (end != PAGE_HTML_NONE) {
        r->blk_end = page_html_trim_end(r, r->lines[line - 1], end + 1);
    }
}


static void
page_html_checkbox(cmark_node *para, page_buf_t *b)
{
    cmark_node  *item;

    item = cmark_node_parent(para);
    if (item == NULL || !page_html_is(item, "tasklist")
        || cmark_node_first_child(item) != para)
    {
        return;
    }

    page_buf_puts(b, cmark_gfm_extensions_get_tasklist_item_checked(item)
                     ? "<input checked=\"\" disabled=\"\" type=\"checkbox\"> "
                     : "<input disabled=\"\" type=\"checkbox\"> ");
}


static void
page_html_paragraph(page_html_t *r, cmark_node *node, int enter,
    page_buf_t *b)
{
    int  tight = page_html_tight(node);

    if (enter) {
        if (!tight) {
            page_buf_puts(b, "<p>");
        }
        page_html_checkbox(node, b);
        page_html_block_context(r, node);
        return;
    }

    if (!tight) {
        page_buf_puts(b, "</p>\n");
    } else if (cmark_node_next(node) != NULL) {
        page_buf_putc(b, '\n');
    }
}


static void
page_html_code_block(page_html_t *r, cmark_node *node, page_buf_t *b)
{
    int                 fl, fo;
    char                fc;
    size_t              n, len;
    const char         *info, *lit, *lang;
    page_hl_options_t   hl;

    info = cmark_node_get_fence_info(node);
    lit = cmark_node_get_literal(node);

    /* goldmark's highlighter takes fenced blocks only, not indented ones */
    if (!(r->flags & PAGE_HTML_NO_HIGHLIGHT)
        && cmark_node_get_fenced(node, &fl, &fo, &fc))
    {
        /* Hugo numbers every fenced block of a page for its line anchors */
        page_hl_options_default(&hl);
        page_hl_info(&hl, info, &lang, &n);
        /* Hugo keeps one newline of the blank lines at the end */
        len = lit ? strlen(lit) : 0;
        while (len > 1 && lit[len - 1] == '\n' && lit[len - 2] == '\n') {
            len--;
        }
        page_highlight(b, lit ? lit : "", len, lang, n, &hl,
                       r->code_ordinal++, &r->hl_work);
        return;
    }

    n = 0;
    if (info != NULL) {
        n = strcspn(info, " \t");
    }

    if (n > 0) {
        page_buf_puts(b, "<pre><code class=\"language-");
        page_html_esc(b, info, n);
        page_buf_puts(b, "\" data-lang=\"");
        page_html_esc(b, info, n);
        page_buf_puts(b, "\">");
    } else {
        page_buf_puts(b, "<pre><code>");
    }

    page_html_escs(b, lit);
    page_buf_puts(b, "</code></pre>\n");
}


static void
page_html_raw(page_html_t *r, cmark_node *node, int block, page_buf_t *b)
{
    size_t       len;
    const char  *lit;

    if (!(r->flags & PAGE_HTML_UNSAFE)) {
        page_buf_puts(b, block ? PAGE_HTML_OMITTED "\n" : PAGE_HTML_OMITTED);
        return;
    }

    lit = cmark_node_get_literal(node);
    len = lit ? strlen(lit) : 0;
    page_buf_append(b, lit, len);

    if (block && (len == 0 || lit[len - 1] != '\n')) {
        page_buf_putc(b, '\n');
    }
}


static void
page_html_list(cmark_node *node, int enter, page_buf_t *b)
{
    int  start;

    if (cmark_node_get_list_type(node) != CMARK_ORDERED_LIST) {
        page_buf_puts(b, enter ? "<ul>\n" : "</ul>\n");
        return;
    }

    if (!enter) {
        page_buf_puts(b, "</ol>\n");
        return;
    }

    start = cmark_node_get_list_start(node);
    if (start != 1) {
        page_buf_printf(b, "<ol start=\"%d\">\n", start);
    } else {
        page_buf_puts(b, "<ol>\n");
    }
}


static void
page_html_item(cmark_node *node, int enter, page_buf_t *b)
{
    cmark_node  *first;

    if (!enter) {
        page_buf_puts(b, "</li>\n");
        return;
    }

    page_buf_puts(b, "<li>");

    first = cmark_node_first_child(node);
    if (first != NULL
        && !(cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH
             && page_html_tight(first)))
    {
        page_buf_putc(b, '\n');
    }
}


static void
page_html_cell(page_html_t *r, cmark_node *node, int enter, page_buf_t *b)
{
    int          header, col;
    uint8_t     *align;
    cmark_node  *row, *table;
    const char  *style;

    row = cmark_node_parent(node);
    table = row ? cmark_node_parent(row) : NULL;
    header = r->row_header;

    if (!enter) {
        page_buf_puts(b, header ? "</th>\n" : "</td>\n");
        return;
    }

    /* counted as the row goes: counting siblings was quadratic */
    col = r->row_cells++;

    style = "";
    align = table ? cmark_gfm_extensions_get_table_alignments(table) : NULL;
    if (align != NULL && col < cmark_gfm_extensions_get_table_columns(table))
    {
        switch (align[col]) {
        case 'l': style = " style=\"text-align:left\""; break;
        case 'c': style = " style=\"text-align:center\""; break;
        case 'r': style = " style=\"text-align:right\""; break;
        default: break;
        }
    }

    page_buf_puts(b, header ? "<th" : "<td");
    page_buf_puts(b, style);
    page_buf_putc(b, '>');
    page_html_block_context(r, node);
}


static void
page_html_table_row(page_html_t *r, cmark_node *node, int enter,
    page_buf_t *b)
{
    int  header = page_html_is(node, "table_header");

    r->row_header = header;
    r->row_cells = 0;

    if (enter) {
        if (header) {
            page_buf_puts(b, "<thead>\n");
        } else if (cmark_node_previous(node) != NULL
                   && page_html_is(cmark_node_previous(node), "table_header"))
        {
            page_buf_puts(b, "<tbody>\n");
        }
        page_buf_puts(b, "<tr>\n");
        return;
    }

    page_buf_puts(b, "</tr>\n");

    if (header) {
        page_buf_puts(b, "</thead>\n");
    } else if (cmark_node_next(node) == NULL) {
        page_buf_puts(b, "</tbody>\n");
    }
}


/* footnotes */

static unsigned
page_html_fn_number(cmark_node *node)
{
    const char  *lit = cmark_node_get_literal(node);
    unsigned     n = 0;

    for ( /* void */ ; lit != NULL && *lit >= '0' && *lit <= '9'; lit++) {
        if (n > 100000000) {
            return 0;
        }
        n = n * 10 + (unsigned) (*lit - '0');
    }

    return n;
}


static void
page_html_fn_ref(page_html_t *r, cmark_node *node, page_buf_t *b)
{
    size_t     n, cap;
    unsigned  *refs, k;

    n = page_html_fn_number(node);
    if (n == 0) {
        return;
    }

    if (n > r->fn_n) {
        cap = n > 2 * r->fn_n ? n : 2 * r->fn_n;
        refs = page_arena_realloc(r->arena, r->fn_refs,
                                  r->fn_n * sizeof(unsigned),
                                  cap * sizeof(unsigned));
        if (refs == NULL) {
            r->failed = 1;
            return;
        }
        memset(refs + r->fn_n, 0, (cap - r->fn_n) * sizeof(unsigned));
        r->fn_refs = refs;
        r->fn_n = cap;
    }

    k = r->fn_refs[n - 1]++;

    if (k == 0) {
        page_buf_puts(b, "<sup id=\"fnref:");
    } else {
        page_buf_puts(b, "<sup id=\"fnref");
        page_buf_put_uint(b, k);
        page_buf_putc(b, ':');
    }

    page_buf_put_uint(b, n);
    page_buf_puts(b, "\"><a href=\"#fn:");
    page_buf_put_uint(b, n);
    page_buf_puts(b, "\" class=\"footnote-ref\" role=\"doc-noteref\">");
    page_buf_put_uint(b, n);
    page_buf_puts(b, "</a></sup>");
}


static void
page_html_fn_def(page_html_t *r, cmark_node *node)
{
    size_t        cap;
    cmark_node  **defs;

    if (r->fn_ndefs == r->fn_defs_cap) {
        cap = r->fn_defs_cap ? r->fn_defs_cap * 2 : 8;
        defs = page_arena_realloc(r->arena, r->fn_defs,
                                  r->fn_defs_cap * sizeof(cmark_node *),
                                  cap * sizeof(cmark_node *));
        if (defs == NULL) {
            r->failed = 1;
            return;
        }
        r->fn_defs = defs;
        r->fn_defs_cap = cap;
    }

    r->fn_defs[r->fn_ndefs++] = node;
}


static void
page_html_backrefs(page_html_t *r, size_t n, page_buf_t *b)
{
    unsigned  k, refs;

    refs = n <= r->fn_n ? r->fn_refs[n - 1] : 0;

    for (k = 0; k < refs || k == 0; k++) {
        if (k == 0) {
            page_buf_printf(b, "&#160;<a href=\"#fnref:%zu\"", n);
        } else {
            page_buf_printf(b, "&#160;<a href=\"#fnref%u:%zu\"", k, n);
        }
        page_buf_puts(b, " class=\"footnote-backref\" role=\"doc-backlink\">"
                         "&#x21a9;&#xfe0e;</a>");
    }
}


/*
 * libcmark-gfm puts the referenced definitions at the end, in the order
 * of their numbers; goldmark numbers them the same way.
 */
static void
page_html_footnotes(page_html_t *r, page_buf_t *b)
{
    size_t       i;
    cmark_node  *def, *child, *last;

    if (r->fn_ndefs == 0) {
        return;
    }

    page_buf_puts(b, "<div class=\"footnotes\" role=\"doc-endnotes\">\n"
                     "<hr>\n<ol>\n");

    for (i = 0; i < r->fn_ndefs; i++) {
        def = r->fn_defs[i];
        last = cmark_node_last_child(def);

        page_buf_printf(b, "<li id=\"fn:%zu\">\n", i + 1);

        for (child = cmark_node_first_child(def); child != NULL;
             child = cmark_node_next(child))
        {
            if (child == last
                && cmark_node_get_type(child) == CMARK_NODE_PARAGRAPH)
            {
                page_buf_puts(b, "<p>");
                page_html_block_context(r, child);
                page_html_walk(r, child, 1, b);
                page_html_backrefs(r, i + 1, b);
                page_buf_puts(b, "</p>\n");
            } else {
                page_html_walk(r, child, 0, b);
            }
        }

        if (last == NULL
            || cmark_node_get_type(last) != CMARK_NODE_PARAGRAPH)
        {
            page_html_backrefs(r, i + 1, b);
        }

        page_buf_puts(b, "</li>\n");
    }

    page_buf_puts(b, "</ol>\n</div>\n");
}


/* the walk */

static void
page_html_strike(page_html_t *r, cmark_node *node, int enter, page_buf_t *b)
{
    size_t  off;

    /* goldmark strikes ~~two~~ only; libcmark-gfm also ~one~ */
    off = page_html_inline_pos(r, cmark_node_get_start_line(node),
                               cmark_node_get_start_column(node));

    if (off != PAGE_HTML_NONE && r->src[off] == '~'
        && (off + 1 >= r->len || r->src[off + 1] != '~'))
    {
        page_buf_putc(b, '~');
        return;
    }

    page_buf_puts(b, enter ? "<del>" : "</del>");
}


/* nodes that have no closing tag */
static int
page_html_leaf(cmark_node *node)
{
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
    case CMARK_NODE_FOOTNOTE_REFERENCE:
        return 1;
    default:
        return 0;
    }
}


/*
 * The node type libcmark-gfm's table extension registered for cells (its
 * headers export no such constant), learnt from the first cell seen:
 * cells are the commonest extension nodes, and telling them by name took
 * four string comparisons each.
 */
static cmark_node_type  page_html_cell_type = CMARK_NODE_NONE;


static int
page_html_node(page_html_t *r, cmark_iter *iter, cmark_node *node,
    int enter, page_buf_t *b)
{
    const char  *type;

    if (!enter && page_html_leaf(node)) {
        return 0;
    }

    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_DOCUMENT:
        return 0;

    case CMARK_NODE_BLOCK_QUOTE:
        page_buf_puts(b, enter ? "<blockquote>\n" : "</blockquote>\n");
        return 0;

    case CMARK_NODE_LIST:
        page_html_list(node, enter, b);
        return 0;

    case CMARK_NODE_ITEM:
        page_html_item(node, enter, b);
        return 0;

    case CMARK_NODE_CODE_BLOCK:
        page_html_code_block(r, node, b);
        return 0;

    case CMARK_NODE_HTML_BLOCK:
        page_html_raw(r, node, 1, b);
        return 0;

    case CMARK_NODE_PARAGRAPH:
        page_html_paragraph(r, node, enter, b);
        return 0;

    case CMARK_NODE_HEADING:
        page_html_heading(r, node, b);
        cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
        return 1;

    case CMARK_NODE_THEMATIC_BREAK:
        page_buf_puts(b, "<hr>\n");
        return 0;

    case CMARK_NODE_FOOTNOTE_DEFINITION:
        if (enter) {
            page_html_fn_def(r, node);
            cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
        }
        return 1;

    case CMARK_NODE_TEXT:
        page_html_text(r, node, 1, PAGE_HTML_TEXT_HTML, b);
        return 0;

    case CMARK_NODE_SOFTBREAK:
        page_buf_putc(b, '\n');
        page_html_line_shift(r, node);
        return 0;

    case CMARK_NODE_LINEBREAK:
        page_buf_puts(b, "<br>\n");
        page_html_line_shift(r, node);
        return 0;

    case CMARK_NODE_CODE:
        page_buf_puts(b, "<code>");
        page_html_escs(b, cmark_node_get_literal(node));
        page_buf_puts(b, "</code>");
        return 0;

    case CMARK_NODE_HTML_INLINE:
        page_html_raw(r, node, 0, b);
        return 0;

    case CMARK_NODE_EMPH:
        page_buf_puts(b, enter ? "<em>" : "</em>");
        return 0;

    case CMARK_NODE_STRONG:
        page_buf_puts(b, enter ? "<strong>" : "</strong>");
        return 0;

    case CMARK_NODE_LINK:
        if (!enter) {
            page_buf_puts(b, "</a>");
            r->lk_link--;
            return 0;
        }
        if (page_html_autolink(r, node)) {
            /* the URL as written: no smart punctuation */
            cmark_node  *c;

            page_html_link(r, node, b);
            for (c = cmark_node_first_child(node); c != NULL;
                 c = cmark_node_next(c))
            {
                if (cmark_node_get_type(c) == CMARK_NODE_TEXT) {
                    page_html_escs(b, cmark_node_get_literal(c));
                }
            }
            page_buf_puts(b, "</a>");
            cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
            return 1;
        }
        page_html_link(r, node, b);
        r->lk_link++;
        return 0;

    case CMARK_NODE_IMAGE:
        if (enter) {
            page_html_image(r, node, b);
            cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
        }
        return 1;

    case CMARK_NODE_FOOTNOTE_REFERENCE:
        page_html_fn_ref(r, node, b);
        return 0;

    default:
        break;
    }

    /* the extensions' nodes: a table's cells by their number first */
    if (cmark_node_get_type(node) == page_html_cell_type) {
        page_html_cell(r, node, enter, b);
        return 0;
    }

    type = page_html_type(node);
    if (type == NULL) {
        return 0;
    }

    if (strcmp(type, "table_cell") == 0) {
        page_html_cell_type = cmark_node_get_type(node);
        page_html_cell(r, node, enter, b);
    } else if (strcmp(type, "table") == 0) {
        page_buf_puts(b, enter ? "<table>\n" : "</table>\n");
    } else if (strcmp(type, "table_header") == 0
               || strcmp(type, "table_row") == 0)
    {
        page_html_table_row(r, node, enter, b);
    } else if (strcmp(type, "strikethrough") == 0) {
        page_html_strike(r, node, enter, b);
    } else if (strcmp(type, "tasklist") == 0) {
        page_html_item(node, enter, b);
    }

    return 0;
}


static void
page_html_walk(page_html_t *r, cmark_node *root, int skip_root,
    page_buf_t *b)
{
    int                enter;
    cmark_iter        *iter;
    cmark_node        *node;
    cmark_event_type   ev;

    iter = cmark_iter_new(root);
    if (iter == NULL) {
        r->failed = 1;
        return;
    }

    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        node = cmark_iter_get_node(iter);
        enter = ev == CMARK_EVENT_ENTER;

        if (skip_root && node == root) {
            continue;
        }

        page_html_node(r, iter, node, enter, b);

        if (b->failed) {
            break;
        }
    }

    cmark_iter_free(iter);
}


int
page_html_render(struct cmark_node *root, const char *src, size_t len,
    unsigned flags, page_buf_t *out, page_html_toc_t *toc)
{
    page_html_t  r;

    memset(&r, 0, sizeof(r));
    r.src = src;
    r.len = len;
    r.flags = flags;
    r.hl_work = PAGE_HL_MAX_WORK;
    r.arena = out->arena;
    r.toc = toc;
    r.blk_end = PAGE_HTML_NONE;
    r.lk_retry = PAGE_HTML_NONE;
    page_linkify_cache_init(&r.lk_cache);
    page_buf_init(&r.heading_id, r.arena, 0);
    page_buf_init(&r.heading_html, r.arena, 0);
    page_html_bytes_init();

    if (page_html_lines(&r) != 0) {
        out->failed = 1;
        return -1;
    }

    page_html_walk(&r, root, 0, out);
    page_html_footnotes(&r, out);

    if (r.failed) {
        out->failed = 1;
    }

    return out->failed ? -1 : 0;
}


/* .TableOfContents, built as Hugo's tableofcontents package does */

typedef struct page_html_tnode_s  page_html_tnode_t;

struct page_html_tnode_s {
    const page_html_heading_t  *h;          /* NULL: a filler entry */
    page_html_tnode_t         **kids;
    size_t                      n;
    size_t                      cap;
};

typedef struct {
    page_buf_t  *out;
    int          start;
    int          end;
} page_html_tocw_t;


static page_html_tnode_t *
page_html_tnode_add(page_arena_t *a, page_html_tnode_t *parent,
    const page_html_heading_t *h)
{
    size_t               cap;
    page_html_tnode_t   *n, **kids;

    n = page_arena_calloc(a, 1, sizeof(page_html_tnode_t));
    if (n == NULL) {
        return NULL;
    }
    n->h = h;

    if (parent->n == parent->cap) {
        cap = parent->cap ? parent->cap * 2 : 4;
        kids = page_arena_realloc(a, parent->kids,
                                  parent->cap * sizeof(*kids),
                                  cap * sizeof(*kids));
        if (kids == NULL) {
            return NULL;
        }
        parent->kids = kids;
        parent->cap = cap;
    }

    parent->kids[parent->n++] = n;

    return n;
}


static void
page_html_indent(page_buf_t *b, int n)
{
    while (n-- > 0) {
        page_buf_puts(b, "  ");
    }
}


static void page_html_toc_list(page_html_tocw_t *w, int level, int indent,
    const page_html_tnode_t *parent);


static void
page_html_toc_item(page_html_tocw_t *w, int level, int indent,
    const page_html_tnode_t *t)
{
    page_buf_t  *b = w->out;

    page_html_indent(b, indent);
    page_buf_puts(b, "<li>");

    if (t->h != NULL && (t->h->id_len != 0 || t->h->title_len != 0)) {
        page_buf_puts(b, "<a href=\"#");
        page_buf_append(b, t->h->id, t->h->id_len);
        page_buf_puts(b, "\">");
        page_buf_append(b, t->h->title, t->h->title_len);
        page_buf_puts(b, "</a>");
    }

    page_html_toc_list(w, level, indent, t);

    page_buf_puts(b, "</li>\n");
}


/* Recursion depth is bounded: levels 1..6. */
static void
page_html_toc_list(page_html_tocw_t *w, int level, int indent,
    const page_html_tnode_t *parent)
{
    size_t       i;
    page_buf_t  *b = w->out;

    if (level < w->start) {
        for (i = 0; i < parent->n; i++) {
            page_html_toc_list(w, level + 1, indent, parent->kids[i]);
        }
        return;
    }

    if (w->end != -1 && level > w->end) {
        return;
    }

    if (parent->n > 0) {
        page_buf_putc(b, '\n');
        page_html_indent(b, indent + 1);
        page_buf_puts(b, "<ul>\n");
    }

    for (i = 0; i < parent->n; i++) {
        page_html_toc_item(w, level + 1, indent + 2, parent->kids[i]);
    }

    if (parent->n > 0) {
        page_html_indent(b, indent + 1);
        page_buf_puts(b, "</ul>\n");
        page_html_indent(b, indent);
    }
}


void
page_html_toc(const page_html_toc_t *toc, int start, int end,
    page_buf_t *out)
{
    int                         level, i;
    size_t                      k;
    page_arena_t               *a = out->arena;
    page_html_tnode_t           root, *row, *t;
    page_html_tocw_t            w;
    const page_html_heading_t  *h;

    memset(&root, 0, sizeof(root));
    row = NULL;

    /*
     * Hugo: a level-1 heading (or the first heading) starts a row; a
     * heading of level L goes L-1 deep under the row's last entries,
     * with empty entries filling the gaps.
     */
    for (k = 0; toc != NULL && k < toc->n; k++) {
        h = &toc->items[k];
        level = h->level;

        if (level == 1 || row == NULL) {
            row = page_html_tnode_add(a, &root, NULL);
            if (row == NULL) {
                out->failed = 1;
                return;
            }
        }

        if (level <= 1) {
            row->h = h;
            continue;
        }

        t = row;
        for (i = 1; i < level - 1; i++) {
            if (t->n == 0 && page_html_tnode_add(a, t, NULL) == NULL) {
                out->failed = 1;
                return;
            }
            t = t->kids[t->n - 1];
        }

        if (page_html_tnode_add(a, t, h) == NULL) {
            out->failed = 1;
            return;
        }
    }

    w.out = out;
    w.start = start;
    w.end = end;

    page_buf_puts(out, "<nav id=\"TableOfContents\">");
    page_html_toc_list(&w, 1, 0, &root);
    page_buf_puts(out, "</nav>");
}
