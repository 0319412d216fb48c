/*
 * page_site_index: the index of a Hugo site.  Every page of content/
 * (and of each language's content directory) with what Hugo knows of it
 * without rendering it: its kind, bundle type, section, URL, dates,
 * weight, terms, menu entries, aliases and language, from the front
 * matter alone; the section, home, taxonomy and term pages Hugo makes
 * without a file; the lists a template asks for, in Hugo's default
 * order; a lookup from a request path to what it serves; and a cheap
 * freshness check.  One arena holds it all; a new index replaces an old
 * one whole (page_site_refresh).
 *
 * Paths: a page's path is its URL path under the site's root (baseURL's
 * path left out): "/", "/posts/first-light/", "/fr/about/".  A
 * page's RelPermalink is the config's base_path without its last "/"
 * followed by its path (page_site_rel_permalink).  Paths are UTF-8, not
 * percent-encoded (a server's decoded URI matches them).
 *
 * How a server uses it (one index per worker process, built on first
 * use after fork, so each has its own inotify descriptor):
 *
 *   page_config_load(...)                  with the server's config
 *   page_site_build(&s, &cfg, dir, now)    first request
 *   page_site_refresh(&s, now_ms, check)   each request: no system call
 *                                          within "check" ms of the last
 *   page_site_lookup(&s, uri, len, &m)     what to serve: a page (and
 *                                          pager), a feed, a sitemap,
 *                                          robots.txt, a redirect, 404
 *   m.page->file                           the file to render (content/
 *                                          under the site), read afresh
 *   s.fingerprint                          for cache keys (shared memory)
 *                                          of pages that read other pages;
 *                                          s.generation counts this
 *                                          worker's rebuilds
 *
 * and a template's .Site and page methods read the lists below
 * (pages, regular, sections, taxonomies, menus), page_site_get_page and
 * page_site_translations.  A refresh replaces the whole index: pointers
 * into it are valid until the next page_site_refresh or page_site_free.
 */

#ifndef PAGE_SITE_INDEX_H
#define PAGE_SITE_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "page_arena.h"
#include "page_buf.h"
#include "page_config.h"
#include "page_error.h"
#include "page_publish.h"
#include "page_value.h"

/*
 * Most content files indexed.  The index costs about 1 KB a page plus
 * the front matter; this keeps a runaway tree (a mounted archive) from
 * taking a worker's memory.
 */
#define PAGE_SITE_MAX_PAGES  200000

/* Deepest directory nesting walked under a content directory. */
#define PAGE_SITE_MAX_DEPTH  32

/* Longest path of a file under the site, and of a page's URL path. */
#define PAGE_SITE_MAX_PATH  4096

/*
 * Bytes of a content file read for its front matter at first: most
 * front matter fits; a longer one is read again up to the front
 * matter's own limit (PAGE_FRONT_MAX_SIZE).
 */
#define PAGE_SITE_HEAD_SIZE  (16 * 1024)

/* Most directories watched or stat'ed by the freshness check. */
#define PAGE_SITE_MAX_DIRS  65536

/*
 * Most files of data/, i18n/ and assets/ stat'ed by a check without
 * inotify: a theme's assets are a few hundred files.
 */
#define PAGE_SITE_MAX_EXTRA  20000

typedef enum {
    PAGE_KIND_HOME = 0,
    PAGE_KIND_SECTION,
    PAGE_KIND_PAGE,
    PAGE_KIND_TAXONOMY,
    PAGE_KIND_TERM
} page_kind_t;

typedef enum {
    PAGE_BUNDLE_NONE = 0,
    PAGE_BUNDLE_LEAF,           /* index.md */
    PAGE_BUNDLE_BRANCH          /* _index.md (Hugo also says so of home,
                                   sections, taxonomies and terms) */
} page_bundle_t;

typedef struct page_site_page_s   page_site_page_t;
typedef struct page_site_term_s   page_site_term_t;
typedef struct page_site_tax_s    page_site_tax_t;
typedef struct page_site_entry_s  page_site_entry_t;

typedef struct {
    page_site_page_t  **items;
    size_t              n;
} page_site_list_t;

/* A page's place in a term: the page and its <plural>_weight. */
typedef struct {
    page_site_page_t  *page;
    int64_t            weight;
} page_site_weighted_t;

struct page_site_term_s {
    const char            *name;    /* as first written: "Keeping" */
    const char            *key;     /* its URL segment: "keeping" */
    page_site_page_t      *page;    /* the term page */
    page_site_weighted_t  *pages;   /* weight, then the default order */
    size_t                 npages;
    size_t                 cap;
};

struct page_site_tax_s {
    const page_config_taxonomy_t  *conf;    /* singular, plural */
    page_site_page_t              *page;    /* the taxonomy page */
    page_site_term_t             **terms;   /* by key */
    size_t                         nterms;
    size_t                         cap;
    void                          *build;   /* while building: by key */
};

/* A page's terms in one taxonomy, in front matter order. */
typedef struct {
    size_t              tax;        /* index in its language's taxonomies */
    page_site_term_t  **terms;
    size_t              n;
} page_site_page_terms_t;

struct page_site_entry_s {
    const char          *menu;          /* "main" */
    const char          *identifier;    /* "" when none */
    const char          *name;
    const char          *url;           /* as written (config), or "" */
    const char          *page_ref;      /* pageRef, or "" */
    const char          *parent;        /* parent's identifier, or "" */
    const char          *pre, *post, *title;
    int64_t              weight;
    page_value_t        *params;        /* a map, never NULL */
    page_site_page_t    *page;          /* the page it links to, or NULL */
    page_site_entry_t  **children;      /* by weight, name */
    size_t               nchildren;
    size_t               cap;
};

typedef struct {
    const char          *name;
    page_site_entry_t  **entries;       /* top level, by weight, name */
    size_t               n;
    size_t               cap;
} page_site_menu_t;

struct page_site_page_s {
    uint8_t                  kind;          /* page_kind_t */
    uint8_t                  bundle;        /* page_bundle_t */
    uint8_t                  lang;          /* index in the config's langs */
    unsigned                 published:1;   /* by the publishing rules */
    unsigned                 draft:1;
    unsigned                 has_date:1;    /* a date of its own */
    unsigned                 no_render:1;   /* _build.render never (or a
                                               headless bundle): no URL
                                               served, .RelPermalink "" */
    unsigned                 list:2;        /* _build.list: 0 never,
                                               1 local (its section's
                                               lists only), 2 always */

    const char              *file;      /* under the site: "content/a.md",
                                           NULL when Hugo made the page */
    const char              *rel;       /* under its content dir: "a.md" */
    const char              *dir;       /* its directory there: "posts",
                                           the bundle's or the section's */
    const char              *section;   /* first-level section, "" home */
    const char              *title;
    const char              *link_title;
    const char              *slug;      /* "" when none */
    const char              *type;      /* front matter type, else section,
                                           else "page" */
    const char              *layout;    /* "" when none */
    const char              *translation_key;
    const char              *path;      /* "/posts/first-light/" */
    page_value_t            *params;    /* front matter (lower-cased keys) */
    const char              *error;     /* front matter error line, or NULL:
                                           the page is indexed without
                                           (or why it is not served) */
    page_publish_dates_t     dates;
    int64_t                  weight;
    int64_t                  mtime;     /* of its file, seconds */

    page_site_page_t        *parent;    /* section or home; NULL for home */
    page_site_list_t         pages;     /* list kinds: .Pages, default order */
    page_site_list_t         regular;   /* sections: .RegularPages */
    page_site_list_t         sections;  /* home, sections: .Sections */
    page_site_page_terms_t  *terms;     /* per taxonomy that it uses */
    size_t                   nterms;
    const char             **aliases;   /* paths, as lookup matches them */
    size_t                   naliases;
    page_site_tax_t         *tax;       /* taxonomy and term pages */
    page_site_term_t        *term;      /* term pages */
    size_t                   order;     /* position in all: default order */
};

/* One language's site: .Site for a page in that language. */
typedef struct {
    const page_config_lang_t  *conf;
    const char                *prefix;      /* "" or "/fr" */
    page_site_page_t          *home;
    page_site_list_t           pages;       /* .Site.Pages */
    page_site_list_t           regular;     /* .Site.RegularPages */
    page_site_tax_t           *taxonomies;  /* as the config lists them */
    size_t                     ntaxonomies;
    page_site_menu_t          *menus;       /* by name */
    size_t                     nmenus;
    page_time_t                lastmod;     /* .Site.Lastmod */
    const char                *main_section;    /* Hugo's default for
                                                   params.mainSections:
                                                   the section with the
                                                   most regular pages, ""
                                                   when none */
} page_site_lang_t;

/* What a request path serves. */
typedef enum {
    PAGE_SITE_NONE = 0,
    PAGE_SITE_HTML,         /* the page (pager 1) */
    PAGE_SITE_PAGER,        /* the page's pager number pager (>= 2) */
    PAGE_SITE_RSS,          /* the page's index.xml */
    PAGE_SITE_SITEMAP,      /* a language's sitemap.xml (page: its home), or
                               the sitemap index (page NULL) */
    PAGE_SITE_ROBOTS,       /* robots.txt (enableRobotsTXT) */
    PAGE_SITE_REDIRECT,     /* 301 to location (aliases, a missing "/",
                               the first pager, /en/ of the default
                               language); location NULL: to the same
                               path with a "/" added (a pager's) */
    PAGE_SITE_HIDDEN,       /* a page that is not published: 404, why says
                               why */
    PAGE_SITE_FORMAT        /* another output format of the page, named by
                               format ("json", "csv", "calendar"): its
                               index.json, index.csv, index.ics, when the
                               config's outputs list it for the kind */
} page_site_what_t;

typedef struct {
    page_site_what_t   what;
    page_site_page_t  *page;
    int64_t            pager;
    const char        *location;    /* REDIRECT: a path under the site */
    const char        *format;      /* FORMAT: the output format's name */
} page_site_match_t;

/* Freshness: how the index notices that content changed. */
typedef struct {
    int           fd;           /* inotify, or -1 */
    const char  **dirs;         /* stat mode: the directories walked */
    int64_t      *mtimes;       /* their mtimes (ns) */
    size_t        ndirs;
    uint64_t      files_sum;    /* stat mode: sum of files' mtimes, sizes */
    const char  **extra;        /* stat mode: files of data/, i18n/,
                                   assets/ (site and themes) */
    size_t        nextra;
    int64_t       checked_ms;   /* last check */
    int64_t       next_change;  /* seconds: a publishDate or expiryDate
                                   that changes what is published, 0 none */
    int           stale;        /* a change was seen */
} page_site_fresh_t;

typedef struct page_site_s {
    page_arena_t              arena;
    page_arena_t              scratch;      /* during a build only */
    const page_config_t      *cfg;
    const char               *dir;          /* the site directory */
    const char               *root;         /* its real path */
    uint64_t                  generation;   /* bumped by each rebuild */
    uint64_t                  fingerprint;  /* of the content: the same
                                               in every worker for the
                                               same files (paths, mtimes,
                                               sizes, published): a key
                                               for a shared cache */
    int64_t                   now;          /* build time, seconds */

    page_site_page_t        **all;          /* .Site.AllPages (all langs),
                                               published, default order */
    size_t                    nall;
    page_site_page_t        **files;        /* every page with a file, the
                                               hidden ones too, by file */
    size_t                    nfiles;
    page_site_lang_t          langs[PAGE_CONFIG_MAX_LANGS];
    size_t                    nlangs;

    void                     *table;        /* path lookup */
    size_t                    table_size;
    void                     *refs;         /* GetPage lookup */
    size_t                    refs_size;

    size_t                    nerrors;      /* pages with a front matter */
    const char               *first_error;  /* error (indexed without) */

    page_site_fresh_t         fresh;
    void                     *content;      /* other pages' rendered
                                               content, kept per file
                                               version (page_site_content) */
    void                     *datadir;      /* data/, i18n/: read on */
    void                     *i18n;         /* first use (their files) */
} page_site_t;

/*
 * Build the index of the site in dir with its configuration cfg (which
 * must outlive it) at time now (seconds since the epoch, for the
 * publishing rules).  0, or -1 with err set (the content directory
 * cannot be read, a limit, out of memory).  A page whose front matter is
 * wrong is indexed without front matter and counted in nerrors; its
 * error line is page->error; it is served (lookup finds it, its render
 * fails with that error) but in no list.
 */
int page_site_build(page_site_t *s, const page_config_t *cfg,
    const char *dir, int64_t now, page_error_t *err);
void page_site_free(page_site_t *s);

/*
 * What path (under the site's root, "/posts/a/", decoded) serves.
 * Returns m->what (PAGE_SITE_NONE: 404).
 */
page_site_what_t page_site_lookup(page_site_t *s, const char *path,
    size_t len, page_site_match_t *m);

/*
 * Hugo's GetPage in language lang: ref is a content path, "/" the home,
 * "/posts" a section, "/posts/first-light" or "posts/first-light.md" a
 * page, "/posts/trip" (or "/posts/trip/index.md") a bundle, "/tags" a
 * taxonomy, "/tags/lamp" a term, any case.  Without a leading "/":
 * page.GetPage (from set) looks under from's directory, then from the
 * root; site.GetPage (from NULL) from the root, then as a unique name
 * of a page or section ("first-light", "guide").  NULL when not found
 * (or not published) or when a bare name is ambiguous.
 */
page_site_page_t *page_site_get_page(page_site_t *s, size_t lang,
    const page_site_page_t *from, const char *ref, size_t len);

/* The page with the file rel under a content directory ("posts/a.md"). */
page_site_page_t *page_site_by_file(page_site_t *s, const char *rel);

/*
 * Printing URLs into b.  .RelPermalink: the base path, then the page's
 * path with non-ASCII bytes percent-encoded ("/blog/tags/%C3%BC/"), as
 * Hugo prints it; nothing for a page not rendered (_build).
 * .Permalink: baseURL's scheme and host before it.  A menu entry's .URL:
 * its page's RelPermalink, else its url, the base path before a leading
 * "/" (hugo: "/" in a site under /blog/ is "/blog/").
 */
void page_site_rel_permalink(const page_site_t *s,
    const page_site_page_t *p, page_buf_t *b);
void page_site_permalink_of(const page_site_t *s, const page_site_page_t *p,
    page_buf_t *b);
void page_site_entry_url(const page_site_t *s, const page_site_entry_t *e,
    page_buf_t *b);

/*
 * The file name of a list page's RSS feed: the config's
 * outputFormats.RSS.baseName (a plain name) + ".xml", else Hugo's
 * "index.xml"; buf (PAGE_SITE_RSS_FILE bytes) may hold it.
 */
#define PAGE_SITE_RSS_FILE  64
const char *page_site_rss_file(const page_config_t *cfg, char *buf,
    size_t size);

/*
 * Has p the output format (lower case: "html", "rss", "json", ...): the
 * page's front matter outputs, else the config's outputs.<kind>, else
 * Hugo's defaults (HTML, and RSS for home, sections, taxonomies and
 * terms); disableKinds RSS switches RSS off.
 */
int page_site_has_output(const page_site_t *s, const page_site_page_t *p,
    const char *format);

/* Hugo's kind name: "home", "section", "page", "taxonomy", "term". */
const char *page_site_kind_name(page_kind_t kind);

/* Hugo's default page order (weight, date desc, linkTitle, path): qsort. */
int page_site_default_cmp(const void *x, const void *y);

/* The menu named name (lower-cased) of language lang, or NULL. */
page_site_menu_t *page_site_menu(page_site_t *s, size_t lang,
    const char *name);

/*
 * Hugo's orders of menu entries (page_site_menus.c): the default one
 * (weight, 0 last; then name; then identifier) and by name alone, names
 * compared as Hugo's compare.Strings (case folded, then byte by byte).
 */
int page_site_menu_cmp(const page_site_entry_t *a,
    const page_site_entry_t *b);
int page_site_menu_name_cmp(const page_site_entry_t *a,
    const page_site_entry_t *b);
/* An entry's KeyName: its identifier, else its name. */
const char *page_site_menu_key(const page_site_entry_t *e);

/* The pages of the same translationKey as p in other languages. */
size_t page_site_translations(page_site_t *s, const page_site_page_t *p,
    page_site_page_t **out, size_t max);

/*
 * Freshness covers content/ (every language's) and, so that a page
 * cache keyed on the generation follows them, data/, i18n/ and assets/
 * of the site and its themes (at most PAGE_SITE_MAX_EXTRA files there).
 * Layouts and the configuration are read when the server reads its
 * own configuration: a reload.
 *
 * page_site_check(s, now_ms, max_age_ms): cheap when called
 * within max_age_ms of the last check (no system call); otherwise reads
 * the inotify queue (or stats the content directories and files) and
 * compares the clock with the next publishDate/expiryDate.  Returns 1
 * when the index is stale (a page was added, removed, renamed or
 * edited, or a date passed), 0 when fresh.  page_site_refresh() builds
 * a new index when stale and replaces s with it, generation + 1; on
 * failure s is kept and -1 returned.
 */
int page_site_check(page_site_t *s, int64_t now_ms, int64_t max_age_ms);
int page_site_refresh(page_site_t *s, int64_t now_ms, int64_t max_age_ms,
    page_error_t *err);

/* Bytes the index takes (its arena's blocks). */
size_t page_site_memory(const page_site_t *s);

#endif /* PAGE_SITE_INDEX_H */
