/*
 * page_config: a Hugo project's configuration, read as Hugo reads it.
 * The project's root file (hugo.toml|yaml|yml|json, else
 * config.toml|yaml|yml|json), then config/_default/ (hugo.* or config.*
 * for the root, other files named after the key they hold: params.yaml,
 * menus.en.yaml = languages.en.menus), then config/<environment>/, each
 * merged deeply over the one before.  Keys are case-insensitive, as in
 * Hugo (stored lower-cased).  The typed fields below carry Hugo's
 * defaults; everything else is in root, a map of values.
 */

#ifndef PAGE_CONFIG_H
#define PAGE_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#include "page_arena.h"
#include "page_error.h"
#include "page_value.h"

/*
 * Largest configuration file read.  Real ones are a few KB (a large
 * menu or a long list of languages); this bounds reading a wrong file.
 */
#define PAGE_CONFIG_MAX_SIZE  (1024 * 1024)

/* Most files read from one config/<env>/ directory. */
#define PAGE_CONFIG_MAX_FILES  256

/* Most languages, and most taxonomies: far more than any site uses. */
#define PAGE_CONFIG_MAX_LANGS       64
#define PAGE_CONFIG_MAX_TAXONOMIES  64

/* Longest path built from the site directory. */
#define PAGE_CONFIG_MAX_PATH  4096

/* Kinds and outputs that disableKinds can switch off (bits). */
#define PAGE_CONFIG_NO_HOME       0x001
#define PAGE_CONFIG_NO_PAGE       0x002
#define PAGE_CONFIG_NO_SECTION    0x004
#define PAGE_CONFIG_NO_TAXONOMY   0x008
#define PAGE_CONFIG_NO_TERM       0x010
#define PAGE_CONFIG_NO_RSS        0x020
#define PAGE_CONFIG_NO_SITEMAP    0x040
#define PAGE_CONFIG_NO_ROBOTS     0x080
#define PAGE_CONFIG_NO_404        0x100

typedef struct {
    const char    *singular;    /* "tag" */
    const char    *plural;      /* "tags": the URL and the front matter key */
} page_config_taxonomy_t;

/* Most indices a related configuration may have (Hugo has no limit). */
#define PAGE_CONFIG_MAX_RELATED  16

/* One index of Hugo's related content: the front matter key it reads. */
typedef struct {
    const char    *name;        /* lower-case: "tags", "date", "keywords" */
    int64_t        weight;
    const char    *pattern;     /* a Go layout for dates; "": "2006" */
    unsigned       lower:1;     /* toLower */
} page_config_related_index_t;

/*
 * The site's related configuration (or Hugo's default: keywords 100,
 * date 10, tags 80 when the site has the tag taxonomy; threshold 80),
 * with the weights' scale (from 0 to the heaviest, or the lightest when
 * negative), made when the configuration is read.
 */
typedef struct {
    page_config_related_index_t  idx[PAGE_CONFIG_MAX_RELATED];
    size_t                       n;
    int64_t                      threshold;
    int64_t                      min, max;
    unsigned                     include_newer:1;
} page_config_related_t;

/* One language: languages.<lang> with the site's values as fallbacks. */
typedef struct {
    const char    *lang;        /* "fr", lower-cased */
    const char    *name;        /* languageName, "" when unset */
    const char    *code;        /* languageCode, else the site's, else lang */
    const char    *direction;   /* languageDirection, "" when unset */
    const char    *title;       /* its title, else the site's */
    const char    *content_dir; /* its contentDir, else the site's */
    int64_t        weight;
    page_value_t  *params;      /* site params merged with its own */
    page_value_t  *menus;       /* site menus, a menu of its own replacing */
    page_value_t  *config;      /* languages.<lang> as written (a map) */
    page_config_taxonomy_t  *taxonomies;    /* its own (languages.<lang>.
                                               taxonomies), else the
                                               site's */
    size_t         ntaxonomies;
    unsigned       disabled:1;  /* disabled: true, or in disableLanguages */
} page_config_lang_t;

typedef struct {
    page_value_t            *root;          /* the merged configuration */

    const char              *base_url;      /* "https://example.org/blog/" */
    const char              *base_path;     /* "/blog/": always ends in / */
    const char              *title;
    const char              *language_code;
    const char              *default_lang;  /* defaultContentLanguage: "en" */
    const char              *content_dir;   /* "content" */
    const char              *theme_list[8]; /* theme: a string or a list */
    size_t                   nthemes;

    page_value_t            *params;        /* maps, never NULL (may be */
    page_value_t            *menus;         /* empty) */
    page_value_t            *permalinks;
    page_value_t            *markup;
    page_value_t            *related;       /* NULL: Hugo's default indices */
    page_config_related_t    related_conf;  /* the same, parsed */
    page_value_t            *ugly_map;      /* uglyURLs as a map: section
                                               -> bool; NULL otherwise */

    page_config_taxonomy_t   taxonomies[PAGE_CONFIG_MAX_TAXONOMIES];
    size_t                   ntaxonomies;
    unsigned                 disable_kinds; /* PAGE_CONFIG_NO_* bits */

    int64_t                  pager_size;    /* pagination.pagerSize | */
    const char              *pager_path;    /* paginate; .path | paginatePath */
    int64_t                  summary_length;
    const char              *section_pages_menu;   /* "" when unset */

    unsigned                 default_lang_in_subdir:1;
    unsigned                 ugly_urls:1;
    unsigned                 disable_path_to_lower:1;
    unsigned                 enable_robots:1;
    unsigned                 build_drafts:1;
    unsigned                 build_future:1;
    unsigned                 build_expired:1;
    unsigned                 capitalize_list_titles:1;
    unsigned                 pluralize_list_titles:1;

    /* enabled languages, by weight then name; always at least one */
    page_config_lang_t       langs[PAGE_CONFIG_MAX_LANGS];
    size_t                   nlangs;
    size_t                   default_index; /* langs[] of default_lang */

    const char              *files[PAGE_CONFIG_MAX_FILES];  /* read, in */
    size_t                   nfiles;                        /* order */
} page_config_t;

/*
 * Read the configuration of the Hugo project in site_dir for environment
 * (NULL: "production").  0, or -1 with err set (file:line:col: what).
 * A project with no configuration file at all gets Hugo's defaults.
 * Everything is allocated in a, which must live as long as cfg.
 */
int page_config_load(page_arena_t *a, const char *site_dir,
    const char *environment, page_config_t *cfg, page_error_t *err);

/* A value by its dotted key, case-insensitive ("params.author"), or NULL. */
page_value_t *page_config_get(const page_config_t *cfg, const char *key);

/* The language lang (any case), or NULL when it is not enabled. */
const page_config_lang_t *page_config_lang(const page_config_t *cfg,
    const char *lang, size_t len);

/*
 * Is lang configured but disabled (disabled: true, disableLanguages):
 * its content is skipped, as Hugo does.
 */
int page_config_lang_disabled(const page_config_t *cfg, const char *lang,
    size_t len);

/* Is kind ("home", "page", "section", "taxonomy", "term") disabled. */
int page_config_kind_disabled(const page_config_t *cfg, const char *kind);

/*
 * Deep merge: every key of src into dst, a map in both merged in turn,
 * otherwise src's value replacing dst's.  0, or -1 when out of memory.
 */
int page_config_merge(page_arena_t *a, page_value_t *dst,
    const page_value_t *src);

#endif /* PAGE_CONFIG_H */
