/*
 * page_site_int: what the page_site_*.c files share and nobody else
 * needs: helpers for paths, strings and lists in the index's arena.
 */

#ifndef PAGE_SITE_INT_H
#define PAGE_SITE_INT_H

#include "page_buf.h"
#include "page_site_index.h"

/* A growing hash map of byte strings, in the build's scratch arena. */
typedef struct {
    const char  *key;
    size_t       len;
    uint32_t     hash;
    void        *value;
} page_site_hent_t;

typedef struct {
    page_arena_t      *arena;
    page_site_hent_t  *e;
    size_t             size;        /* a power of two */
    size_t             n;
} page_site_hmap_t;

void page_site_hmap_init(page_site_hmap_t *m, page_arena_t *a);
void *page_site_hmap_get(page_site_hmap_t *m, const char *key, size_t len);
/* key is copied; 0, or -1 when out of memory. */
int page_site_hmap_put(page_site_hmap_t *m, const char *key, size_t len,
    void *value);

/* Append a copy of p to list l (growing by doubling; cap in *cap). */
int page_site_list_push(page_arena_t *a, page_site_list_t *l, size_t *cap,
    page_site_page_t *p);

/*
 * Hugo's path sanitising (MakePathSanitized): letters, digits, marks and
 * . / \ _ - # + ~ @ kept, runs of white space as one "-", everything
 * else dropped; lower-cased unless lower is 0.  Appends to b.
 */
void page_site_sanitize(page_buf_t *b, const char *s, size_t len,
    int lower);

/* A front matter string ("" when missing or not a string). */
const char *page_site_param_str(const page_value_t *params, const char *key);

int64_t page_site_param_int(const page_value_t *params, const char *key);

/* A string copy in the index's arena ("" for NULL). */
const char *page_site_strdup(page_site_t *s, const char *str, size_t len);

/* The lists, taxonomies, menus and dates of a built set of pages. */
int page_site_lists(page_site_t *s, page_error_t *err);
int page_site_menus(page_site_t *s, page_error_t *err);

/* Lookup table: add path (owned by the arena) for page. */
int page_site_table_add(page_site_t *s, const char *path, size_t len,
    page_site_what_t what, page_site_page_t *page, const char *location);
int page_site_table_init(page_site_t *s, size_t n);
int page_site_table(page_site_t *s, page_error_t *err);

/* Freshness: start watching after a build; free the watch. */
int page_site_fresh_dir(page_site_t *s, const char *path);
void page_site_fresh_file(page_site_t *s, const char *path,
    int64_t mtime_ns, int64_t size);
/* Mix n bytes into the index's fingerprint. */
void page_site_fingerprint(page_site_t *s, const void *p, size_t n);
void page_site_fresh_close(page_site_fresh_t *f);
/* Watch data/, i18n/, assets/ of the site and its themes too. */
int page_site_fresh_others(page_site_t *s);

/* Titles compared as Hugo's collator does for ASCII and Latin-1. */
int page_site_collate(const char *a, const char *b);

/* Is p's kind in disableKinds: then it is in no list and not served. */
int page_site_kind_off(const page_site_t *s, const page_site_page_t *p);

/* Fields from the front matter; published by the rules. */
void page_site_fields(page_site_t *s, page_site_page_t *p);

/*
 * Hugo's cascade: front matter of p and its ancestors (nearest first)
 * applied to p where p has no such key, as their _target allows.  1 when
 * something was added, 0 not, -1 out of memory.
 */
int page_site_cascade(page_site_t *s, page_site_page_t *p);

/* uglyURLs for p: the setting, or its section's in the map form. */
int page_site_ugly(const page_site_t *s, const page_site_page_t *p);

/* Set p->path by Hugo's rules (url, permalinks, uglyURLs, prefix). */
int page_site_url(page_site_t *s, page_site_page_t *p);

/* Section name as Hugo titles it: capitalised, pluralised. */
const char *page_site_list_title(page_site_t *s, const char *name,
    int pluralize);

#endif /* PAGE_SITE_INT_H */
