/*
 * page_site_resources: the resources of page bundles in a site, as Hugo
 * 0.111.3 makes them.  A leaf bundle (posts/trip/index.md) owns every
 * file of its directory and of its subdirectories that is not content;
 * a branch bundle (_index.md, the home, a section) the files of its own
 * directory only.  Each is a resource value (page_resource.h) named by
 * its path under the bundle ("images/a.png"), published at the page's
 * URL followed by that path ("/p/the-trip/images/a.png" for a page with
 * a slug or permalink), with the front matter's `resources` metadata
 * (src globs, name, title and params, ":counter") applied, sorted by
 * name.  Content files of a leaf bundle (Hugo's "page" resources) are
 * not among them.
 *
 * A bundle's resource carries "#bundle" (its own target): published
 * untransformed, it is served from the bundle where it is
 * (page_published_t.bundle), not copied.
 *
 * The same rules answer the server: which file a request path names
 * (page_site_resource_file).
 */

#ifndef PAGE_SITE_RESOURCES_H
#define PAGE_SITE_RESOURCES_H

#include "page_buf.h"
#include "page_data.h"
#include "page_site_index.h"
#include "page_tpl.h"

/*
 * Most files one bundle lists.  A gallery has a few hundred images; a
 * bundle directory holding a mounted archive must not make every render
 * of its page walk it whole.
 */
#define PAGE_SITE_RES_MAX_FILES  4096

/*
 * .Resources of a page of the site (the page rendered, or any page value
 * of the index): the method hook's contract, 0 with *res, 1 when recv is
 * not a site page or name is not "Resources", -1 after failing.  The
 * list is made once per page and render.
 */
int page_site_resources_method(page_tpl_state_t *st, page_data_t *d,
    page_value_t *recv, const char *name, size_t len, size_t nargs,
    page_value_t **res);

/*
 * The file of a bundle that the request path (under the site's root,
 * decoded: "/p/the-trip/images/a.png") names, into out as a
 * NUL-terminated path: 1, or 0 when no bundle has it (or it is a
 * content file), -1 out of memory.  The file may be missing: the server
 * opens it with its own rules.
 */
int page_site_resource_file(page_site_t *s, const char *path, size_t len,
    page_buf_t *out);

#endif /* PAGE_SITE_RESOURCES_H */
