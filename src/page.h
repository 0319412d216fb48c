/*
 * page.h: the core's public face.  page_render() turns one content file
 * (YAML front matter + Markdown) into a complete HTML page.  The same call
 * serves the nginx filter, the page-render CLI, the tests and the fuzzers;
 * nothing here knows about nginx.
 */

#ifndef PAGE_H
#define PAGE_H

#include <stddef.h>
#include <stdint.h>

#include "page_arena.h"
#include "page_error.h"

/*
 * Largest page the core will produce.  Output beyond this is a runaway
 * template or an amplification attack, not a web page.
 */
#define PAGE_MAX_OUTPUT  (64 * 1024 * 1024)

/*
 * Most memory one render may take, all stages together.  Markdown and
 * templates may expand their input; a hostile file must not take the
 * worker's memory with it.
 */
#define PAGE_MAX_MEMORY  (256 * 1024 * 1024)

typedef struct {
    const char  *name;
    size_t       name_len;
    const char  *value;
    size_t       value_len;
} page_param_t;

struct page_templates_s;

typedef struct {
    const char          *path;          /* content file: errors, title */
    const char          *uri;           /* request path; NULL in the CLI */
    size_t               uri_len;
    const char          *file;          /* the file under the site root, */
    size_t               file_len;      /* "/docs/index.md": .File, .Section */
    const struct page_templates_s
                        *templates;     /* compiled layouts (required) */
    const char          *site_title;
    size_t               site_title_len;
    const char          *root;          /* site root on disk, for ref; */
    size_t               root_len;      /* NULL when unknown (upstream) */
    const char          *base_url;      /* scheme://host/ of the site */
    size_t               base_url_len;
    const char          *layout;        /* page_layout; NULL: "single" */
    size_t               layout_len;
    const page_param_t  *params;        /* .Site.Params */
    size_t               nparams;
    unsigned             unsafe_html:1; /* keep raw HTML in Markdown */
    unsigned             no_highlight:1; /* codeFences = false */
    unsigned             content_only:1;/* no layout: just the content */
    unsigned             drafts:1;      /* publish drafts (page_drafts) */
    unsigned             future:1;      /* ... pages of a later date */
    unsigned             expired:1;     /* ... and expired pages */
    unsigned             inline_shortcodes:1; /* run {{< x.inline >}}
                                        (Hugo's enableInlineShortcodes) */
    int64_t              now;           /* the time for publishing rules, */
                                        /* seconds since the epoch; 0: now */
    const char *const   *assets;        /* Hugo assets/ directories that */
    size_t               nassets;       /* resources.Get reads, the site's */
                                        /* first, then the themes'; none */
                                        /* in filter mode */
    const char          *workdir;       /* the project directory: */
                                        /* hugo.WorkingDir, images.Config; */
                                        /* NULL in filter mode */
    const char          *environment;   /* hugo.Environment; NULL: */
                                        /* "production" */
    const struct page_site_s
                        *site;          /* the site index (page_site); */
                                        /* NULL in filter mode */
    const struct page_site_page_s
                        *site_page;     /* this page in it, or NULL */
    int64_t              pager;         /* the pager a list page shows */
                                        /* (/page/N/); 0 or 1: the first */
    size_t               max_memory;    /* 0: PAGE_MAX_MEMORY; less for */
                                        /* a render inside another's */
    const char          *output;        /* the output format rendered: */
                                        /* NULL the page (HTML), "rss", */
                                        /* "sitemap", "404" (site only; */
                                        /* page_site_feed.h) */
} page_options_t;

/*
 * A resource the render published: a template asked for its
 * .RelPermalink or .Permalink, or called .Publish (resources.Get,
 * FromString, fingerprint, ...).  Hugo writes such a file to public/; a
 * server answers its path with it.  Either file (a real path inside an
 * assets directory, to serve as it is) or data (the bytes, in the
 * result's arena) is set.
 */
typedef struct page_published_s  page_published_t;

struct page_published_s {
    const page_published_t  *next;      /* in the order of publishing */
    const char              *path;      /* "/css/main.min.<hex>.css": */
    size_t                   path_len;  /* under the site's base path, */
                                        /* not escaped */
    const char              *media_type;/* "text/css"; "" when unknown */
    const char              *file;      /* serve this file, or NULL and */
    const char              *data;      /* these bytes */
    size_t                   len;
    unsigned                 bundle:1;  /* file is a page bundle's: */
                                        /* served where it is */
};

typedef struct {
    const char    *data;        /* the page, NUL-terminated past len;
                                   valid until page_result_free */
    size_t         len;
    int64_t        until;       /* the page is published while the time */
                                /* is before this (its expiryDate); 0: ever */
    page_error_t   error;       /* status PAGE_OK, or why it failed; */
                                /* PAGE_HIDDEN: not published, no page */
    const page_published_t
                  *published;   /* resources published; each path once */
    int64_t        pagers;      /* the pagers of the list the page */
                                /* paginated (1 for none to show); 0: */
                                /* it did not paginate (no /page/2/) */
    const char    *summary;     /* content_only: the HTML before */
    size_t         summary_len; /* <!--more-->, NULL when none */
    const char    *toc;         /* content_only: .TableOfContents, */
    size_t         toc_len;     /* "" without headings */
    page_arena_t   arena;       /* everything the render allocated */
} page_result_t;

void page_options_init(page_options_t *opt);

/*
 * Render src[0..len).  Returns PAGE_OK with res->data set, PAGE_HIDDEN
 * when the page is not published (Hugo's rules for drafts, future and
 * expired pages; res->error.msg says why), or another status with
 * res->error.msg saying "path:line:col: what".  Always call
 * page_result_free() afterwards.
 */
int page_render(const char *src, size_t len, const page_options_t *opt,
    page_result_t *res);
void page_result_free(page_result_t *res);

/*
 * Release what the core keeps for the life of the process (blocks of
 * finished renders, libcmark-gfm's extensions, compiled regular
 * expressions), so that a process can exit with nothing left allocated.
 * No render may follow.
 */
void page_exit(void);

#endif /* PAGE_H */
