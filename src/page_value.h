/*
 * page_value: the core's value type.  Front matter, site settings, shortcode
 * parameters and template data are all page values: nil, bool, int, float,
 * string, HTML (a string that is already safe markup), time, list and map,
 * and Go's time.Duration (an int of nanoseconds that prints as "1h2m0s").
 * Values live in the render arena (or, for configuration-time values, in an
 * arena that lives as long as the configuration) and are never freed one by
 * one.  Maps keep insertion order; lookups are by exact key.
 */

#ifndef PAGE_VALUE_H
#define PAGE_VALUE_H

#include <stddef.h>
#include <stdint.h>

#include "page_arena.h"
#include "page_buf.h"
#include "page_time.h"

typedef enum {
    PAGE_NIL = 0,
    PAGE_BOOL,
    PAGE_INT,
    PAGE_FLOAT,
    PAGE_STRING,
    PAGE_HTML,
    PAGE_TIME,
    PAGE_LIST,
    PAGE_MAP,
    PAGE_DURATION       /* u.i: nanoseconds */
} page_type_t;

typedef struct page_value_s  page_value_t;
typedef struct page_pair_s   page_pair_t;

typedef struct {
    const char  *data;      /* NUL-terminated, may contain NULs before len */
    size_t       len;
} page_str_t;

struct page_value_s {
    page_type_t  type;
    union {
        int           b;
        int64_t       i;
        double        f;
        page_str_t    s;            /* PAGE_STRING and PAGE_HTML */
        page_time_t   t;
        struct {
            page_value_t  **items;
            size_t          n;
            size_t          cap;
        } list;
        struct {
            page_pair_t    *items;
            size_t          n;
            size_t          cap;
        } map;
    } u;
};

struct page_pair_s {
    page_str_t     key;
    page_value_t  *value;
};

extern page_value_t  page_nil_value;
/* Shared true and false, for values built often; never modified. */
extern page_value_t  page_true_value;
extern page_value_t  page_false_value;

#define page_value_const_bool(b)                                             \
    ((b) ? &page_true_value : &page_false_value)

page_value_t *page_value_new(page_arena_t *a, page_type_t type);
page_value_t *page_value_bool(page_arena_t *a, int b);
page_value_t *page_value_int(page_arena_t *a, int64_t i);
page_value_t *page_value_float(page_arena_t *a, double f);
/* Copies s into the arena. */
page_value_t *page_value_string(page_arena_t *a, const char *s, size_t len);
page_value_t *page_value_html(page_arena_t *a, const char *s, size_t len);
/* Does not copy: s must live in the arena (or longer). */
page_value_t *page_value_string_ref(page_arena_t *a, page_type_t type,
    const char *s, size_t len);
page_value_t *page_value_time(page_arena_t *a, const page_time_t *t);
page_value_t *page_value_list(page_arena_t *a);
page_value_t *page_value_map(page_arena_t *a);

/* Return 0 on success, -1 when out of memory. */
int page_list_push(page_arena_t *a, page_value_t *list, page_value_t *v);
/* Sets key (replacing an existing one: last wins, as in YAML and Hugo). */
int page_map_set(page_arena_t *a, page_value_t *map, const char *key,
    size_t key_len, page_value_t *v);
/*
 * Append key without looking for it first and without copying it: for
 * building maps whose keys are known to be new.  key must be NUL-terminated
 * and live as long as the map (a string literal, or in the arena).
 */
int page_map_add(page_arena_t *a, page_value_t *map, const char *key,
    size_t key_len, page_value_t *v);
/* Make room for n more pairs, so that adding them does not reallocate. */
int page_map_reserve(page_arena_t *a, page_value_t *map, size_t n);
page_value_t *page_map_get(const page_value_t *map, const char *key,
    size_t key_len);
/* Remove key; keeps the order of the others. */
void page_map_delete(page_value_t *map, const char *key, size_t key_len);
page_value_t *page_map_gets(const page_value_t *map, const char *key);
/* Case-insensitive lookup (keys are stored lower-cased). */
page_value_t *page_map_get_ci(const page_value_t *map, const char *key,
    size_t key_len);

/* Go's truth: false, 0, nil, empty string, list or map are false. */
int page_value_truthy(const page_value_t *v);
/* Append the value as Go's fmt %v would print it (nil prints nothing). */
void page_value_print(page_buf_t *b, const page_value_t *v);
const char *page_type_name(page_type_t t);
/* qsort comparison of map pairs by key, bytewise, as Go sorts map keys. */
int page_pair_cmp(const void *x, const void *y);
/* FNV-1a (32 bits) of s[0, len): the core's hash tables, hash.FNV32a. */
uint32_t page_fnv1a(const char *s, size_t len);
/*
 * A copy of map m's pairs in key order (the order Go prints maps in), in
 * the arena; NULL only when out of memory, also for an empty map.
 */
page_pair_t *page_map_sorted(page_arena_t *a, const page_value_t *m);
/* Shortest round-trip digits of a finite, non-zero f: see page_value.c. */
int page_float_digits(double f, char *digits, int *exp, int *neg);
void page_float_plain(page_buf_t *b, const char *digits, int n, int exp);
/* Is v a string or HTML value; gives its bytes. */
int page_value_is_string(const page_value_t *v);

#endif /* PAGE_VALUE_H */
