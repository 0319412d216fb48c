/*
 * page_templates: the template store.  Reads Hugo `layouts/` directories
 * (site first, then themes) and the built-in default theme once, at
 * configuration time, into one namespace of files keyed by their path
 * relative to the layouts directory ("_default/single.html"); the first
 * directory that has a path wins.  The user's directories and the
 * built-in theme are two tiers: every lookup (layout, baseof, partial,
 * shortcode) goes through its whole list of candidates in the user's
 * files first, and asks the built-in theme only when none answers.
 * Layouts are chosen as current Hugo (0.146 and later) chooses them, old
 * folder names mapped to new as Hugo maps them.  Compiles, for every
 * layout file, a template set of the layout with each baseof it may get,
 * and two sets holding every partial and shortcode (HTML-escaped, and
 * plain text for Hugo's plain-text formats: .json, .txt, .md, ...).
 * Every template error is collected, one line each.  Requests only look
 * names up in memory, so no lookup can leave the configured directories.
 */

#ifndef PAGE_TEMPLATES_H
#define PAGE_TEMPLATES_H

#include <stddef.h>

#include "page_arena.h"
#include "page_error.h"
#include "page_tpl.h"

/*
 * Limits on what one layouts directory may hold: a theme has tens of
 * files; these stop a misconfigured `page_templates /` from reading a
 * whole disk at startup.
 */
#define PAGE_TEMPLATES_MAX_FILES      4096
#define PAGE_TEMPLATES_MAX_DEPTH      16
#define PAGE_TEMPLATES_MAX_FILE_SIZE  (1024 * 1024)

/*
 * Dot-separated parts of one file name that are read ("single.en.html":
 * name, language, extension); Hugo's names have at most five.
 */
#define PAGE_TEMPLATES_MAX_IDS  8

/*
 * Template sets compiled for layouts: one per layout and baseof it may be
 * executed through.  A theme has a few baseofs; this bounds a tree of
 * thousands of folders that each hold a baseof.
 */
#define PAGE_TEMPLATES_MAX_SETS  16384

/* Longest language code looked for in file names ("en", "pt-br"). */
#define PAGE_TEMPLATES_MAX_LANG  32

/* Template errors kept for the report (each is also a stub template). */
#define PAGE_TEMPLATES_MAX_ERRORS  256

typedef struct page_templates_s  page_templates_t;

typedef struct {
    const char  *path;          /* relative: "_default/single.html" */
    const char  *text;
    size_t       len;
} page_template_file_t;

/* The built-in theme (generated from conf/theme/layouts at build time). */
extern const page_template_file_t  page_builtin_theme[];
extern const size_t                page_builtin_theme_count;

/* Functions the store's sets know besides the engine's own. */
page_templates_t *page_templates_new(page_arena_t *arena,
    const page_tpl_func_t *funcs, size_t nfuncs);
/* Add a layouts directory; earlier directories win over later ones. */
int page_templates_add_dir(page_templates_t *t, const char *dir,
    page_error_t *err);
/* Add files from memory (the built-in theme), after every directory. */
int page_templates_add_files(page_templates_t *t, const char *origin,
    const page_template_file_t *files, size_t n, page_error_t *err);
/*
 * Parse and check everything.  Every template error is collected (a broken
 * file stands in as an empty template, so the others are still checked):
 * -1 when there is any, err holding the first; page_templates_nerrors()
 * and page_templates_error() give every one, "file:line:col: message".
 */
int page_templates_compile(page_templates_t *t, page_error_t *err);
size_t page_templates_nerrors(const page_templates_t *t);
const char *page_templates_error(const page_templates_t *t, size_t i);

/* What a layout is looked up for. */
typedef struct {
    const char  *path;          /* the content file under the site root,
                                   "/posts/a.md"; NULL: unknown */
    size_t       path_len;
    const char  *kind;          /* "page", "home", "section", "taxonomy",
                                   "term"; NULL: "page" */
    const char  *type;          /* front matter type; may be NULL */
    const char  *layout;        /* front matter layout; may be NULL */
    const char  *def;           /* page_layout; may be NULL */
    const char  *lang;          /* the site's language; NULL: "en" */
    /* list pages of a site (kind home, section, taxonomy, term) */
    const char  *section;       /* the page's type: "posts"; may be NULL */
    const char  *plural;        /* taxonomy and term: "tags", "tag" */
    const char  *singular;
} page_templates_query_t;

/*
 * The layout for a page, as current Hugo finds it (kind, layout, output
 * format html, language and the page's path in the file names and
 * folders), in the user's directories, then in the built-in theme
 * (<layout>, then page_layout, then single, in _default/).  Returns the
 * set to execute and its entry template (the layout or its baseof), or
 * NULL when none is found.
 */
const page_tpl_set_t *page_templates_find_layout(const page_templates_t *t,
    const page_templates_query_t *q, const char **entry);

/* The same for a page whose path is not known: type, layout, def. */
const page_tpl_set_t *page_templates_layout(const page_templates_t *t,
    const char *type, const char *layout, const char *def,
    const char **entry);

/*
 * The layout at the first of names (paths relative to the layouts
 * directory, "posts/rss.xml", NULL-terminated) that a directory has, the
 * user's directories through every name before the built-in theme; a
 * layout that fills in a baseof gets the first of baseofs (or none).
 * For the lookups that follow Hugo's candidate lists (other output
 * formats, the 404 page).  NULL when no name is a layout.
 */
const page_tpl_set_t *page_templates_by_names(const page_templates_t *t,
    const char *const *names, const char *const *baseofs,
    const char **entry);

/*
 * The set holding partials and shortcodes, and the name under which a
 * partial is registered ("partials/x.html"); NULL when there is none.
 * name as written in the template: "x", "x.html", "dir/x.svg" (one
 * leading "partials/" dropped, as Hugo does); current Hugo's embedded
 * partials ("opengraph.html", ...) when no directory has the name.  A
 * plain-text partial or shortcode (.json, .txt, .md, ...) is registered
 * in the set as a template that runs it in the plain-text set.
 */
const page_tpl_set_t *page_templates_partials(const page_templates_t *t);
const char *page_templates_partial_name(const page_templates_t *t,
    const char *name, size_t len);
/*
 * The registered name of shortcode NAME ("shortcodes/NAME.html"), or NULL;
 * *inner: its template uses .Inner; *v1: it asks for Hugo's pre-0.55
 * shortcode behaviour ($_hugo_config version 1).
 */
const char *page_templates_shortcode_info(const page_templates_t *t,
    const char *name, size_t len, int *inner, int *v1);
/*
 * The same for a page in language lang (a string value, or NULL) at path
 * under the site root (or NULL): Hugo 0.146's nested _shortcodes/
 * folders (layouts/docs/_shortcodes/) serve the pages below them.
 */
const char *page_templates_shortcode_lang(const page_templates_t *t,
    const char *name, size_t len, const page_value_t *lang,
    const char *path, size_t path_len, int *inner, int *v1);

/* The plain-text set (NULL when there is none). */
const page_tpl_set_t *page_templates_text(const page_templates_t *t);

/*
 * templates.Exists: is there a template file of this path relative to
 * the layouts directory, as found or under Hugo's new folder names
 * ("partials/x.html" and "_partials/x.html").
 */
int page_templates_exists(const page_templates_t *t, const char *path,
    size_t len);

/*
 * For templates.Current: the file a registered template name comes from
 * (its absolute path, "" for the built-in theme) and its name under
 * Hugo's new folder names ("_partials/x.html", "single.html"), and
 * whether it is a baseof; 0 when the name is not a file of the store.
 */
int page_templates_file_info(const page_templates_t *t, const char *name,
    const char **filename, const char **hugo_name, int *baseof);

#endif /* PAGE_TEMPLATES_H */
