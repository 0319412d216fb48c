/*
 * page_sc_exec: the shortcode stage's semantics.  Executes the shortcode
 * calls page_shortcode parsed, innermost first, and builds the Markdown
 * source the page is rendered from: a {{< >}} call becomes a placeholder
 * (substituted after Markdown rendering), a {{% %}} call's output goes into
 * the Markdown itself.  Also the shortcode context (.Get, .Inner, .Parent,
 * .Store, ...) and the scratch pads (.Store, .Page.Store).
 */

#ifndef PAGE_SC_EXEC_H
#define PAGE_SC_EXEC_H

#include "page_buf.h"
#include "page_data.h"
#include "page_shortcode.h"
#include "page_tpl.h"

/*
 * Largest .Inner of one shortcode after its nested shortcodes ran: a
 * nested shortcode can repeat its inner, and nesting multiplies that.
 */
#define PAGE_SC_MAX_INNER  (8 * 1024 * 1024)

/*
 * Shortcode templates a render has looked up, by name: the parser asks
 * for each tag and the call for its template again.  Beyond this many
 * names, lookups are not remembered.
 */
#define PAGE_SC_TEMPLATES  16

typedef struct {
    const char      *name;          /* in the content, as the nodes' */
    size_t           len;
    const char      *tpl;           /* registered name; NULL: none */
    int              inner;
    int              v1;
} page_sc_tpl_t;

/* An inline shortcode defined in the page: its name and template. */
typedef struct page_sc_inline_s  page_sc_inline_t;

struct page_sc_inline_s {
    const char        *name;        /* "x.inline", in the content */
    size_t             len;
    page_tpl_set_t    *set;         /* its template, in the render's arena */
    page_sc_inline_t  *next;
};

typedef struct {
    page_data_t     *data;          /* page, site, templates, options */
    page_tpl_env_t  *env;
    const char      *path;          /* content file, for .Position */
    size_t           body_offset;   /* of the body in it, for .Position */
    char             prefix[32];    /* placeholder prefix, random per render */
    size_t           prefix_len;
    page_str_t      *outputs;       /* output of top-level call n */
    size_t           noutputs;
    size_t           cap;
    page_sc_tpl_t    tpls[PAGE_SC_TEMPLATES];
    size_t           ntpls;
    page_sc_tpl_t    spare;         /* a lookup when tpls is full */
    page_sc_inline_t *inlines;      /* defined so far in the page */
} page_sc_run_t;

/*
 * Does shortcode name's template take inner content: 1, 0, -1 missing.
 * ctx is the page_sc_run_t.
 */
int page_sc_lookup(void *ctx, const char *name, size_t len);

/*
 * Run the calls of a parsed body; append the Markdown source (text,
 * placeholders and {{% %}} output) to md.  Errors name the content file
 * and, for template errors, the template's file:line:col.
 */
int page_sc_expand(page_sc_run_t *run, page_sc_node_t *nodes, page_buf_t *md,
    page_error_t *err);

/* Substitute the placeholders in rendered HTML; <p>PH</p> loses its <p>. */
int page_sc_substitute(page_sc_run_t *run, const char *html, size_t len,
    page_buf_t *out);

/*
 * Methods of shortcode contexts and scratch pads; 1 when recv is neither
 * (the caller goes on), else as page_tpl_method_pt.
 */
int page_sc_method(page_tpl_state_t *st, page_data_t *d, page_value_t *recv,
    const char *name, size_t len, page_value_t **args, size_t nargs,
    page_value_t **res);

/* A new, empty scratch pad (.Page.Store). */
page_value_t *page_sc_scratch_new(page_arena_t *a);

#endif /* PAGE_SC_EXEC_H */
