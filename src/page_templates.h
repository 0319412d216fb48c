/*
 * page_templates: the template store.  Reads Hugo `layouts/` directories
 * (site first, then themes) and the built-in default theme once, at
 * configuration time, into one namespace of files keyed by their path
 * relative to the layouts directory ("_default/single.html"); the first
 * directory that has a path wins.  Compiles, for every layout file, a
 * template set of the layout with its baseof, and one set holding every
 * partial and shortcode.  Requests only look names up in memory, so no
 * lookup can leave the configured directories.
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
/* Parse and check everything: errors name the template file:line:col. */
int page_templates_compile(page_templates_t *t, page_error_t *err);

/*
 * The layout for a page: type and layout from the front matter (either
 * may be NULL), def the configured default layout (page_layout).  Hugo's
 * order: <type>/<layout>, _default/<layout>, <layout>, then the same for
 * "single".  Returns the set to execute and its entry template name, or
 * NULL when no layout exists.
 */
const page_tpl_set_t *page_templates_layout(const page_templates_t *t,
    const char *type, const char *layout, const char *def,
    const char **entry);

/*
 * The set holding partials and shortcodes, and the name under which a
 * partial is registered ("partials/x.html"); NULL when there is none.
 * name as written in the template: "x", "x.html" or "dir/x.html".
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

#endif /* PAGE_TEMPLATES_H */
