/*
 * page_highlight: code blocks as Hugo 0.111.3 writes them by default
 * (Chroma's HTML formatter inside Hugo's <div class="highlight">): the
 * code split into tokens by GNU source-highlight (page_srchilite.h), the
 * library's elements mapped to Chroma's token types, written with the
 * inline styles of Hugo's default style (monokai) or Chroma's class
 * names, line numbers inline or in a table, highlighted lines, line
 * anchors.  A language Chroma knows and the library lacks gets the same
 * markup with its text unstyled; an unknown one (or none) Chroma's
 * fallback: <pre tabindex="0"><code ...>, escaped.
 *
 * The options (page_hl_options_t) are Hugo's markup.highlight settings:
 * a site's configuration fills them once, a code block's info string
 * ({linenos=table,hl_lines=[2,"4-5"]}) or the highlight function's
 * options string or map change a copy.
 */

#ifndef PAGE_HIGHLIGHT_H
#define PAGE_HIGHLIGHT_H

#include <stddef.h>

#include "page_buf.h"
#include "page_value.h"

/*
 * Largest code block written as Chroma's markup, in bytes: past it a
 * block is Chroma's fallback, escaped in <pre><code>.  The token list of
 * a block is kept in memory while it is written (some 30 bytes a token).
 */
#define PAGE_HL_MAX_CODE      (256 * 1024)

/*
 * The work the library may do.  It tries each rule's regular expression
 * at each token, searching the rest of the line: about 2 us a byte of
 * ordinary code, and, on a hostile line (4,000 "(" in C), a time that
 * grows with the square of the line's length (230 ms for that line).
 * A block costs the sum over its lines of PAGE_HL_COST_LINE + len *
 * (PAGE_HL_COST_BASE + len) (a line, even a short one, has every rule
 * tried: some 24,000 instructions), some 7 ns a unit; a render may spend
 * PAGE_HL_MAX_WORK units
 * (about 0.45 s at worst, some 170 KB of ordinary code), after which
 * blocks are written in Chroma's markup unstyled.  A line longer than
 * PAGE_HL_MAX_LINE makes its block unstyled whatever the budget.
 */
#define PAGE_HL_COST_LINE     512
#define PAGE_HL_COST_BASE     140
#define PAGE_HL_MAX_WORK      ((size_t) 32 * 1024 * 1024)
#define PAGE_HL_MAX_LINE      4096

/* Most hl_lines ranges kept; more are ignored. */
#define PAGE_HL_MAX_RANGES    64

/* Longest lineAnchors prefix and {#id} kept. */
#define PAGE_HL_MAX_NAME      64

/* Room for a block's {.class} names and its other attributes. */
#define PAGE_HL_MAX_ATTRS     256

typedef struct {
    int       no_classes;          /* noClasses: inline styles (true) */
    int       line_nos;            /* lineNos */
    int       line_numbers_in_table; /* lineNumbersInTable (true) */
    int       line_no_start;       /* lineNoStart (1) */
    int       anchor_line_nos;     /* anchorLineNos */
    int       tab_width;           /* tabWidth (4) */
    int       code_fences;         /* codeFences: fenced blocks coloured */
    int       guess_syntax;        /* guessSyntax: accepted, never guesses */
    int       has_anchors;         /* lineAnchors given (even empty) */
    int       nhl;                 /* hl_lines ranges, 1-based, as given */
    int       hl[PAGE_HL_MAX_RANGES][2];
    char      line_anchors[PAGE_HL_MAX_NAME];
    int       hl_inline;           /* hl_inline: <code>, no lines */
    char      css_class[PAGE_HL_MAX_ATTRS]; /* {.a .b} of a fenced block */
    char      css_id[PAGE_HL_MAX_NAME];    /* {#id} or {id=x} */
    char      attrs[PAGE_HL_MAX_ATTRS];    /* its other attributes, as
                                              written: ' title="t"' */
} page_hl_options_t;

/* Hugo's defaults (markup.highlight with nothing set). */
void page_hl_options_default(page_hl_options_t *o);

/*
 * Sets one option by Hugo's name (any case: "linenos", "hl_lines",
 * "lineNoStart", ...) from its text ("table", "true", "2 4-5", "10").
 * Unknown names are ignored, as Hugo ignores them.  Returns 0, or -1 for
 * a value that does not parse (the option is left as it was).
 */
int page_hl_option(page_hl_options_t *o, const char *key, size_t klen,
    const char *val, size_t vlen);

/* Hugo's options string: "linenos=table,hl_lines=2 4-5,linenostart=3". */
void page_hl_options_parse(page_hl_options_t *o, const char *s,
    size_t len);

/*
 * The highlight function's and transform.HighlightCodeBlock's OPTIONS:
 * a string as above, or a map (dict "lineNos" "table" "hl_lines" "2-3");
 * a map's booleans and numbers count as their text, a list of lines as
 * its items joined with blanks.
 */
void page_hl_options_value(page_hl_options_t *o, const page_value_t *v);

/*
 * A fenced block's info string: the language (its first word, until a
 * blank or '{') in *lang / *langlen, and the options of a "{...}" after
 * it (key=value, .class, #id; values bare, quoted or [a,"b-c"] lists).
 */
void page_hl_info(page_hl_options_t *o, const char *info, const char **lang,
    size_t *langlen);

/* Whether Chroma has a lexer for the language (transform.CanHighlight). */
int page_hl_can(const char *lang, size_t len);

/*
 * Writes the code block to b as Hugo does.  ordinal is the code block's
 * number in its page, from 0, for the default line anchors ("hl-0-3");
 * -1 for the highlight function and shortcode (no prefix).  work is the
 * render's budget of PAGE_HL_MAX_WORK units, lowered by what the block
 * costs (a block found in the cache costs nothing); NULL gives the call
 * a budget of its own.
 */
void page_highlight(page_buf_t *b, const char *code, size_t len,
    const char *lang, size_t langlen, const page_hl_options_t *o,
    int ordinal, size_t *work);

/* The highlighted lines without the wrapper (HighlightResult.Inner). */
void page_highlight_inner(page_buf_t *b, const char *code, size_t len,
    const char *lang, size_t langlen, const page_hl_options_t *o,
    size_t *work);

/*
 * Reads every language definition now rather than on first use (a
 * fuzzer's start; a server could call it before forking its workers).
 */
void page_highlight_preload(void);

/* Free the cache and the language definitions (page_exit()). */
void page_highlight_exit(void);

#endif /* PAGE_HIGHLIGHT_H */
