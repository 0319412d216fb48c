/*
 * page_md_guard: the shapes of Markdown that libcmark-gfm 0.29.0.gfm.6
 * (Debian 12) takes more than linear time, or millions of nodes, over,
 * refused before parsing with the line they are on.  One pass over the
 * lines, each check its own named limit (page_markdown.h):
 *
 *   - a table row with more than PAGE_MD_MAX_ROW_CELLS "|": rows cost
 *     time quadratic in their cells;
 *   - more than PAGE_MD_MAX_NESTING block quotes and list items opened on
 *     one line (">>>>...", "1. 1. 1. ..."): each is a node and a level
 *     of every later line's container match;
 *   - links and images after many emphasis delimiters in one paragraph:
 *     each closing "]" walks the paragraph's whole delimiter stack
 *     (process_emphasis looks for its bottom from the top), so "*a*
 *     [b](c)" repeated costs time quadratic in the paragraph; the walks
 *     are counted and bounded by PAGE_MD_MAX_EMPH_LINK_STEPS.
 *
 * The checks over-count rather than under-count: where this scan cannot
 * tell paragraphs apart as libcmark-gfm does (indented code, HTML blocks,
 * a table whose header is not a paragraph's only line), it takes them
 * for one paragraph; a table it recognizes counts row by row, as each
 * row's cells are parsed apart.
 */

#include <stdint.h>
#include <string.h>

#include "page_markdown.h"


typedef struct {
    /* the line */
    const char  *p;             /* its first byte */
    const char  *nl;            /* its end (the '\n' or the text's end) */
    const char  *c;             /* first byte after quotes and spaces */
    size_t       quotes;        /* '>' before c */
    size_t       indent;        /* spaces after the last '>' before c */

    /* the paragraph being counted */
    uint64_t     steps;         /* delimiter-stack walks, all paragraphs */
    uint64_t     delims;        /* delimiter runs in this paragraph */
    int          fresh;         /* no line of it seen yet */
    int          item;          /* it starts with a list marker, */
    size_t       item_quotes;   /* at this depth */
    size_t       item_indent;   /* and indentation */

    /* the first line of the paragraph, while it is its only one */
    const char  *first;
    const char  *first_nl;
    size_t       lines;         /* lines in the paragraph so far */

    /* a table: each row is parsed on its own */
    int          table;
    size_t       table_quotes;

    /* a fenced code block: no inlines */
    int          fence;
    char         fence_char;
    size_t       fence_len;
    size_t       fence_quotes;
    size_t       fence_indent;
} page_md_guard_t;


static int
page_md_space(int c)
{
    return c == ' ' || c == '\t';
}


/* The quotes and spaces that start the line. */
static void
page_md_guard_prefix(page_md_guard_t *g)
{
    const char  *s;

    g->quotes = 0;
    g->indent = 0;

    for (s = g->p; s < g->nl; s++) {
        if (*s == '>') {
            g->quotes++;
            g->indent = 0;
            if (s + 1 < g->nl && s[1] == ' ') {
                s++;            /* the optional space after '>' */
            }
        } else if (page_md_space(*s)) {
            g->indent++;
        } else {
            break;
        }
    }

    g->c = s;
}


/*
 * A list marker at s: its end (after the space that must follow it), or
 * NULL.  *start: 1 for a bullet or an ordered "1.", else 0.
 */
static const char *
page_md_marker(const char *s, const char *nl, int *start)
{
    size_t       n;
    unsigned     v;
    const char  *d;

    if (s < nl && (*s == '-' || *s == '+' || *s == '*')) {
        *start = 1;
        d = s + 1;

    } else {
        v = 0;
        for (n = 0; s + n < nl && n < 9 && s[n] >= '0' && s[n] <= '9';
             n++)
        {
            v = v * 10 + (unsigned) (s[n] - '0');
        }

        if (n == 0 || s + n == nl || (s[n] != '.' && s[n] != ')')) {
            return NULL;
        }

        *start = v == 1;
        d = s + n + 1;
    }

    if (d < nl && !page_md_space(*d)) {
        return NULL;
    }

    return d < nl ? d + 1 : d;
}


/* Only '-', '*' or '_' and spaces: a thematic break, not nested lists. */
static int
page_md_thematic(const char *s, const char *nl)
{
    char  c = 0;

    for ( /* void */ ; s < nl; s++) {
        if (page_md_space(*s)) {
            continue;
        }
        if (c == 0 && (*s == '-' || *s == '*' || *s == '_')) {
            c = *s;
        }
        if (*s != c) {
            return 0;
        }
    }

    return 1;
}


/* Block quotes and list items the line opens. */
static size_t
page_md_guard_depth(const page_md_guard_t *g)
{
    int          start;
    size_t       depth;
    const char  *s, *next;

    if (page_md_thematic(g->c, g->nl)) {
        return g->quotes;
    }

    depth = g->quotes;

    for (s = g->c; s < g->nl; s = next) {
        while (s < g->nl && page_md_space(*s)) {
            s++;
        }

        if (s < g->nl && *s == '>') {
            next = s + 1;
        } else {
            next = page_md_marker(s, g->nl, &start);
            if (next == NULL) {
                break;
            }
        }

        depth++;
    }

    return depth;
}


/* A code fence opening at g->c: ``` or ~~~, an info without '`'. */
static int
page_md_guard_fence_open(page_md_guard_t *g)
{
    char         f;
    size_t       n;
    const char  *s;

    s = g->c;
    if (g->indent > 3 || s == g->nl || (*s != '`' && *s != '~')) {
        return 0;
    }

    f = *s;
    for (n = 0; s + n < g->nl && s[n] == f; n++) {
        /* void */
    }

    if (n < 3 || (f == '`' && memchr(s + n, '`', (size_t) (g->nl - s - n))))
    {
        return 0;
    }

    g->fence = 1;
    g->fence_char = f;
    g->fence_len = n;
    g->fence_quotes = g->quotes;
    g->fence_indent = g->indent;

    return 1;
}


/*
 * Inside a fence: 1 if the line belongs to it (a closing line included),
 * 0 if the fence ended before the line (fewer quotes or less indent than
 * its opening, which libcmark-gfm's containers may take as its end).
 */
static int
page_md_guard_fence_line(page_md_guard_t *g)
{
    size_t       n;
    const char  *s;

    if (g->c == g->nl) {
        return 1;
    }

    if (g->quotes < g->fence_quotes || g->indent < g->fence_indent) {
        g->fence = 0;
        return 0;
    }

    s = g->c;
    for (n = 0; s + n < g->nl && s[n] == g->fence_char; n++) {
        /* void */
    }

    if (n >= g->fence_len) {
        for (s += n; s < g->nl && page_md_space(*s); s++) {
            /* void */
        }
        if (s == g->nl) {
            g->fence = 0;
        }
    }

    return 1;
}


static void
page_md_guard_paragraph(page_md_guard_t *g)
{
    g->delims = 0;
    g->fresh = 1;
    g->item = 0;
    g->lines = 0;
    g->table = 0;
}


/*
 * GFM's cells of a row s..nl: the unescaped "|" less a leading and a
 * trailing one, plus one.
 */
static size_t
page_md_cells(const char *s, const char *nl)
{
    size_t       pipes;
    const char  *p, *b, *e;

    for (b = s; b < nl && page_md_space(*b); b++) {
        /* void */
    }
    for (e = nl; e > b && page_md_space(e[-1]); e--) {
        /* void */
    }

    pipes = 0;
    for (p = b; p < e; p++) {
        if (*p == '\\') {
            p++;
        } else if (*p == '|' && p != b && p != e - 1) {
            pipes++;
        }
    }

    return pipes + 1;
}


/*
 * A table's delimiter row at g->c ("| --- | :-: |", with a "|"), whose
 * cells are as many as the paragraph's only line has: libcmark-gfm
 * makes that line a table header.  Only then is it taken for one.
 */
static int
page_md_guard_table(page_md_guard_t *g)
{
    int          pipe, dash;
    const char  *s, *h;

    if (g->lines != 1 || g->indent > 3 || g->quotes != g->table_quotes) {
        return 0;
    }

    pipe = 0;
    dash = 0;

    for (s = g->c; s < g->nl; s++) {
        if (*s == '|') {
            pipe = 1;
        } else if (*s == '-') {
            dash = 1;
        } else if (*s != ':' && !page_md_space(*s)) {
            return 0;
        }
    }

    if (!pipe || !dash) {
        return 0;
    }

    /* the header: no block of its own (a heading, a fence, HTML) */
    for (h = g->first; h < g->first_nl && (page_md_space(*h) || *h == '>');
         h++)
    {
        /* void */
    }

    if (h == g->first_nl || *h == '#' || *h == '<' || *h == '`'
        || *h == '~' || (size_t) (h - g->first) > 3 + 2 * g->quotes)
    {
        return 0;
    }

    return page_md_cells(g->first, g->first_nl) == page_md_cells(g->c, g->nl);
}


/*
 * A row of the table: any line at its depth that opens no other block
 * (one that does ends the table for this count, as it may for GFM).
 */
static int
page_md_guard_row(page_md_guard_t *g)
{
    int          start;
    const char  *s;

    s = g->c;

    if (g->quotes != g->table_quotes || g->indent > 3 || *s == '#'
        || *s == '<' || *s == '`' || *s == '~'
        || page_md_marker(s, g->nl, &start) != NULL)
    {
        g->table = 0;
        return 0;
    }

    return 1;
}


/*
 * Does a list item start at the line, so that the paragraph before it
 * ends?  A bullet or "1." always starts one (up to 3 spaces in); another
 * number only at the depth and indentation of the item that started the
 * paragraph counted (a sibling item: the container there is the list).
 */
static int
page_md_guard_item(page_md_guard_t *g)
{
    int          start;
    const char  *s, *end;

    if (g->indent > 3) {
        return 0;
    }

    end = page_md_marker(g->c, g->nl, &start);
    if (end == NULL) {
        return 0;
    }

    for (s = end; s < g->nl && page_md_space(*s); s++) {
        /* void */
    }

    if (s == g->nl) {
        return 0;                       /* an empty item interrupts none */
    }

    if (start || g->fresh
        || (g->item && g->item_quotes == g->quotes
            && g->item_indent == g->indent))
    {
        page_md_guard_paragraph(g);
        g->item = 1;
        g->item_quotes = g->quotes;
        g->item_indent = g->indent;
    }

    return 1;
}


/* The delimiter runs and closing brackets of the line's text. */
static int
page_md_guard_inlines(page_md_guard_t *g)
{
    const char  *s;

    for (s = g->c; s < g->nl; s++) {
        switch (*s) {
        case '\\':
            s++;
            break;

        case '*':
        case '_':
            if (s == g->c || s[-1] != *s) {
                g->delims++;
            }
            break;

        case ']':
            g->steps += g->delims;
            if (g->steps > PAGE_MD_MAX_EMPH_LINK_STEPS) {
                return -1;
            }
            break;

        default:
            break;
        }
    }

    return 0;
}


/* How many bytes c the text holds (memchr is many bytes a step). */
static uint64_t
page_md_count(const char *s, size_t len, char c)
{
    uint64_t     n;
    const char  *p, *end;

    n = 0;
    end = s + len;

    for (p = s; (p = memchr(p, c, (size_t) (end - p))) != NULL; p++) {
        n++;
    }

    return n;
}


int
page_md_guard(const char *src, size_t len, unsigned line, const char *path,
    page_error_t *err)
{
    int              rows, emph;
    size_t           pipes;
    uint64_t         closing;
    unsigned         n;
    const char      *q, *end;
    page_md_guard_t  g;

    memset(&g, 0, sizeof(g));
    page_md_guard_paragraph(&g);

    /*
     * Most pages need neither per-byte scan: no row can be too wide with
     * few "|" in all, and the walks cannot add up to the bound when the
     * "]" times the delimiter bytes of the whole text do not.
     */
    rows = page_md_count(src, len, '|') > PAGE_MD_MAX_ROW_CELLS;
    closing = page_md_count(src, len, ']');
    emph = closing != 0
           && closing * (page_md_count(src, len, '*')
                         + page_md_count(src, len, '_'))
              > PAGE_MD_MAX_EMPH_LINK_STEPS;

    end = src + len;
    n = 0;

    for (g.p = src; g.p < end; g.p = g.nl + 1, n++) {
        g.nl = memchr(g.p, '\n', (size_t) (end - g.p));
        if (g.nl == NULL) {
            g.nl = end;
        }

        pipes = 0;
        if (rows && (size_t) (g.nl - g.p) > PAGE_MD_MAX_ROW_CELLS
            && memchr(g.p, '|', (size_t) (g.nl - g.p)) != NULL)
        {
            for (q = g.p; q < g.nl; q++) {
                pipes += *q == '|';
            }
        }

        if (pipes > PAGE_MD_MAX_ROW_CELLS) {
            page_error_set(err, PAGE_ERR_LIMIT, path, line ? line + n : 0, 1,
                           "a line with more than %d \"|\" (a table row "
                           "this wide is refused: the Markdown library "
                           "would take quadratic time over it)",
                           PAGE_MD_MAX_ROW_CELLS);
            return -1;
        }

        page_md_guard_prefix(&g);

        if (page_md_guard_depth(&g) > PAGE_MD_MAX_NESTING) {
            page_error_set(err, PAGE_ERR_LIMIT, path, line ? line + n : 0, 1,
                           "more than %d block quotes and list items "
                           "opened on one line", PAGE_MD_MAX_NESTING);
            return -1;
        }

        if (!emph) {
            continue;
        }

        if (g.fence && page_md_guard_fence_line(&g)) {
            continue;
        }

        if (g.c == g.nl) {
            page_md_guard_paragraph(&g);
            continue;
        }

        if (page_md_guard_fence_open(&g)) {
            page_md_guard_paragraph(&g);
            continue;
        }

        if (g.table && page_md_guard_row(&g)) {
            g.delims = 0;               /* a row's cells are apart */

        } else if (page_md_guard_table(&g)) {
            g.table = 1;
            g.delims = 0;
            g.lines = 2;                /* no other header after it */
            continue;

        } else {
            page_md_guard_item(&g);
            if (g.fresh) {
                g.first = g.p;
                g.first_nl = g.nl;
                g.table_quotes = g.quotes;
            }
            g.fresh = 0;
            g.lines++;
        }

        if (page_md_guard_inlines(&g) != 0) {
            page_error_set(err, PAGE_ERR_LIMIT, path, line ? line + n : 0, 1,
                           "too many links after emphasis in one paragraph "
                           "(the Markdown library would take quadratic time "
                           "over them): split it with blank lines");
            return -1;
        }
    }

    return 0;
}
