/*
 * page_tpl: a template engine for Hugo's template language (Go's
 * text/template grammar with html/template's contextual escaping and Hugo's
 * functions), in plain C.
 *
 * Life cycle:
 *   1. At configuration time: page_tpl_set_new() in a long-lived arena,
 *      optionally page_tpl_set_funcs() to add the caller's functions
 *      (partial, site, ...), then page_tpl_set_add() for every template
 *      file, then page_tpl_set_check() once.  Syntax errors, unknown
 *      functions, undefined variables and undefined templates are reported
 *      here as "path:line:col: message".  Contexts for escaping are computed
 *      by page_tpl_set_check(), also at configuration time.
 *   2. Per request: page_tpl_execute() with a page_tpl_env_t holding the
 *      request's arena.  Execution never writes to the parsed set, so one
 *      set serves every request of a worker.
 *
 * Values are page_value_t (page_value.h).  Besides PAGE_HTML the escaper
 * knows four more "safe content" types; until page_value.h has a slot for
 * them they are page values whose type is one of PAGE_TPL_CSS ... below and
 * whose payload is u.s, like a string.
 */

#ifndef PAGE_TPL_H
#define PAGE_TPL_H

#include <stddef.h>

#include "page_arena.h"
#include "page_buf.h"
#include "page_error.h"
#include "page_value.h"

/* Typed content made by safeCSS, safeHTMLAttr, safeJS and safeURL. */
#define PAGE_TPL_CSS       ((page_type_t) 32)
#define PAGE_TPL_HTMLATTR  ((page_type_t) 33)
#define PAGE_TPL_JS        ((page_type_t) 34)
#define PAGE_TPL_URL       ((page_type_t) 35)
#define PAGE_TPL_JSSTR     ((page_type_t) 36)  /* safeJSStr */

/*
 * A value that prints as a string, as Go's fmt prints a fmt.Stringer: a
 * map whose first key is this mark holds its printed form there, and its
 * fields after it (a shortcode's .Position: "file:line:col" and
 * .Filename, .LineNumber, ...).  No template can write the key as a field.
 */
#define PAGE_TPL_STRING_MARK  "#string"

typedef struct page_tpl_set_s    page_tpl_set_t;
typedef struct page_tpl_state_s  page_tpl_state_t;     /* one execution */

/*
 * A function callable from templates.  args are read-only (they may be
 * parsed constants shared by all requests); allocate results in
 * page_tpl_arena(st).  Return 0 with *res set (NULL means nil), or -1
 * after page_tpl_fail().
 */
typedef int (*page_tpl_func_pt)(page_tpl_state_t *st, page_value_t **args,
    size_t nargs, page_value_t **res);

typedef struct {
    const char        *name;        /* "partial", "strings.ToLower", ... */
    page_tpl_func_pt   fn;
    int                min_args;
    int                max_args;    /* -1: any number */
} page_tpl_func_t;

/*
 * Method-like fields: ".Get "x"", ".Param "x"", ".Page" on a shortcode.
 * Called for every field or method name before map lookup.  Return 0 with
 * *res set when name is a method of recv, 1 when it is not (the engine then
 * looks name up as a map key), -1 after page_tpl_fail().
 */
typedef int (*page_tpl_method_pt)(page_tpl_state_t *st, void *ctx,
    page_value_t *recv, const char *name, size_t name_len,
    page_value_t **args, size_t nargs, page_value_t **res);

/* markdownify: render s as Markdown into out (HTML). 0 or -1 (set err). */
typedef int (*page_tpl_markdown_pt)(void *ctx, const char *s, size_t len,
    page_buf_t *out, page_error_t *err);

/* T / i18n: the translation of id, or NULL when there is none. */
typedef page_value_t *(*page_tpl_translate_pt)(void *ctx, const char *id,
    size_t len, page_value_t *arg);

/* warnf: one log line. */
typedef void (*page_tpl_warn_pt)(void *ctx, const char *msg, size_t len);

typedef struct {
    page_arena_t           *arena;      /* per-request allocations */
    size_t                  max_output; /* 0: PAGE_TPL_MAX_OUTPUT */
    page_tpl_method_pt      method;     /* may be NULL */
    void                   *method_ctx;
    page_tpl_markdown_pt    markdown;   /* may be NULL: markdownify fails */
    void                   *markdown_ctx;
    page_tpl_translate_pt   translate;  /* may be NULL: T gives "" */
    void                   *translate_ctx;
    page_tpl_warn_pt        warn;       /* may be NULL: warnf is silent */
    void                   *warn_ctx;
    const char             *base_url;   /* for absURL/relURL; may be NULL */
    const char             *overlay;    /* a file name: its {{define}}s win
                                           (baseof.html + the layout) */
    void                   *data;       /* for the caller's functions */
} page_tpl_env_t;

/* Default largest output of one execution (and of one partial's result). */
#define PAGE_TPL_MAX_OUTPUT  (64 * 1024 * 1024)

void page_tpl_env_init(page_tpl_env_t *env, page_arena_t *arena);

/* html: 1 escapes by context (Hugo's .html templates), 0 plain text. */
page_tpl_set_t *page_tpl_set_new(page_arena_t *conf_arena, int html);
/* Add functions; call before page_tpl_set_add.  funcs must outlive set. */
int page_tpl_set_funcs(page_tpl_set_t *set, const page_tpl_func_t *funcs,
    size_t n);
/*
 * Parse text as the template called name (path is used in errors) and
 * register its {{define}}s.  A later template or define of the same name
 * replaces an earlier one (add the theme first, then the site), except
 * that a definition of only whitespace never replaces a real one, as in
 * Go.  Defining a name twice inside one file is an error.  Replaced
 * defines stay reachable through page_tpl_env_t.overlay: run
 * "baseof.html" with overlay "single.html" and baseof's {{block "main"}}
 * runs single.html's {{define "main"}} even if another layout defined
 * "main" later.
 */
int page_tpl_set_add(page_tpl_set_t *set, const char *name,
    const char *path, const char *text, size_t len, page_error_t *err);
/* Resolve {{template}} calls and compute escaping contexts; once. */
int page_tpl_set_check(page_tpl_set_t *set, page_error_t *err);
/*
 * A template that will be executed as the entry point (a layout) must end
 * in HTML text, as Go's html/template requires: else -1 with Go's error
 * at the end of its file.  Partials and shortcodes are checked when they
 * are executed, as in Hugo: one only ever included with {{template}} in
 * the right context may end inside an attribute.
 */
int page_tpl_set_check_entry(const page_tpl_set_t *set, const char *name,
    page_error_t *err);
/* Is a template of this name in the set. */
int page_tpl_set_has(const page_tpl_set_t *set, const char *name);
/* The set's own copy of the name of template name (len bytes), or NULL. */
const char *page_tpl_set_name(const page_tpl_set_t *set, const char *name,
    size_t len);
/* Does the template text mention this field name (".Inner"). */
int page_tpl_mentions(const page_tpl_set_t *set, const char *name,
    const char *field);

/*
 * Run the template called name with dot (NULL: nil) into out; out's own
 * limit caps the page.  -1 on failure, err->msg then reads
 * "path:line:col: executing "name" at <command>: reason", err->status
 * PAGE_ERR_TEMPLATE, or PAGE_ERR_LIMIT for a limit (depth, steps, output).
 */
int page_tpl_execute(const page_tpl_set_t *set, const char *name,
    page_value_t *dot, page_tpl_env_t *env, page_buf_t *out,
    page_error_t *err);

/* For functions and methods. */
page_arena_t *page_tpl_arena(page_tpl_state_t *st);
page_tpl_env_t *page_tpl_env(page_tpl_state_t *st);
/* Fail at the current action's position; always returns -1. */
int page_tpl_fail(page_tpl_state_t *st, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/*
 * Execute another template of the set (partial): its output in *res as
 * HTML, or the value of its {{ return }}.  Counts against the call depth
 * limit.  0 or -1.
 */
int page_tpl_call(page_tpl_state_t *st, const char *name, page_value_t *dot,
    page_value_t **res);
/*
 * The same with a template of another checked set (a set of partials):
 * the call shares this execution's limits (depth, steps, output), and a
 * {{ return }} in it gives *res its value.  Prefer this to a nested
 * page_tpl_execute(), which starts fresh limits.
 */
int page_tpl_call_in(page_tpl_state_t *st, const page_tpl_set_t *set,
    const char *name, page_value_t *dot, page_value_t **res);

/* Is v a string of any content type; gives its bytes. */
int page_tpl_is_str(const page_value_t *v);
/* Print v as text (%v), typed strings included. */
void page_tpl_print(page_buf_t *b, const page_value_t *v);
/* The printed form of a Stringer map (PAGE_TPL_STRING_MARK), or NULL. */
const page_value_t *page_tpl_stringer(const page_value_t *v);

#endif /* PAGE_TPL_H */
