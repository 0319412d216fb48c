/*
 * page_shortcode: the shortcode stage's lexer and parser.  Turns a content
 * body (the Markdown after the front matter) into a list of nodes: runs of
 * raw text and shortcode calls ({{< name args >}} and {{% name args %}}),
 * nested calls as children, with Hugo's syntax, its rules for inner
 * content and closing tags, and its error messages, each prefixed by
 * path:line:col of the opening "{{" in the whole file.
 *
 * Positions: lines are counted by "\n" (as Hugo does, so a lone "\r" does
 * not start a line); columns are byte offsets from the start of the line
 * plus one, as Hugo's posFromInput() computes them (not runes).
 */

#ifndef PAGE_SHORTCODE_H
#define PAGE_SHORTCODE_H

#include <stddef.h>

#include "page_arena.h"
#include "page_error.h"
#include "page_value.h"

/*
 * Deepest nesting of shortcode calls (a call inside 63 others is the
 * deepest allowed).  Real pages nest 2-4 deep; the executor runs a call's
 * children before the call itself, recursively, so this bounds its stack.
 */
#define PAGE_SC_MAX_DEPTH   64

/*
 * Most shortcode calls in one page: each call runs a template, so this
 * bounds the work one request can ask for.  Large real pages have a few
 * hundred.
 */
#define PAGE_SC_MAX_CALLS   10000

/*
 * Most arguments in one call: real shortcodes take a handful; named
 * arguments are kept in an insertion-ordered map with linear lookup.
 */
#define PAGE_SC_MAX_PARAMS  256

/*
 * No limit on inner size is needed here: .inner is a slice of the body,
 * which page_max_size already caps; output sizes are the executor's.
 */

typedef struct page_sc_node_s  page_sc_node_t;

struct page_sc_node_s {
    unsigned          is_call:1;    /* 0: text run, 1: shortcode call */
    unsigned          markdown:1;   /* {{% %}} (else {{< >}}) */
    unsigned          self_closed:1; /* {{< x />}} */
    unsigned          closed:1;     /* has a closing tag */
    unsigned          named:1;      /* params are named */
    unsigned          comment:1;    /* text run from a comment escape */

    /* text run: its bytes; the comment escape {{</\* x *\/>}} (shown
     * with \ here) gives the literal "{{< x >}}" (arena copy); every
     * other run points into src */
    const char       *text;
    size_t            len;

    page_str_t        name;         /* as written ("test/hello"), in src */
    page_value_t     *params;       /* PAGE_LIST or PAGE_MAP; NULL: none */

    unsigned          line, col;    /* of the opening "{{" (of a text run:
                                       of its first byte), whole file */

    /* spaces/tabs before "{{" when only those precede it on its line */
    const char       *indent;
    size_t            indent_len;

    /* raw source between the opening and the closing tag (NULL, 0 when
     * there is no closing tag).  Comment escapes and nested calls appear
     * here as written: build .Inner from children, not from this. */
    const char       *inner;
    size_t            inner_len;

    page_sc_node_t   *children;     /* inner, parsed: text and calls */
    page_sc_node_t   *next;
    page_sc_node_t   *parent;       /* enclosing call, NULL at top level */

    unsigned          ordinal;      /* 0-based among sibling calls */
    unsigned          level;        /* 0 at top level */

    size_t            start, end;   /* offsets in src of the whole node,
                                       a call's closing tag included */
};

/*
 * Does the template of shortcode `name` take inner content (it mentions
 * .Inner or .InnerDeindent)?  1 yes, 0 no, -1 no such template.
 */
typedef int (*page_sc_lookup_pt)(void *ctx, const char *name, size_t len);

/*
 * Parse src[0..len) (a content body whose first byte is on file line
 * first_line, at the start of that line) into *out, the first top-level
 * node (NULL for an empty body).  Everything is allocated in a.
 * lookup is asked once for each opening tag, when its name is read.
 * Returns 0, or -1 with err set: PAGE_ERR_CONTENT for syntax, PAGE_ERR_LIMIT
 * for a named limit, PAGE_ERR_NOMEM.
 */
int page_shortcode_parse(page_arena_t *a, const char *src, size_t len,
    unsigned first_line, const char *path, page_sc_lookup_pt lookup,
    void *ctx, page_sc_node_t **out, page_error_t *err);

#endif /* PAGE_SHORTCODE_H */
