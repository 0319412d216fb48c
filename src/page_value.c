/*
 * page_value: construction, lookup, truth and printing of page values.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page_value.h"

page_value_t  page_nil_value = { PAGE_NIL, { 0 } };
page_value_t  page_true_value = { PAGE_BOOL, { 1 } };
page_value_t  page_false_value = { PAGE_BOOL, { 0 } };


page_value_t *
page_value_new(page_arena_t *a, page_type_t type)
{
    page_value_t  *v;

    v = page_arena_calloc(a, 1, sizeof(page_value_t));
    if (v != NULL) {
        v->type = type;
    }

    return v;
}


page_value_t *
page_value_bool(page_arena_t *a, int b)
{
    page_value_t  *v;

    v = page_value_new(a, PAGE_BOOL);
    if (v != NULL) {
        v->u.b = b != 0;
    }

    return v;
}


page_value_t *
page_value_int(page_arena_t *a, int64_t i)
{
    page_value_t  *v;

    v = page_value_new(a, PAGE_INT);
    if (v != NULL) {
        v->u.i = i;
    }

    return v;
}


page_value_t *
page_value_float(page_arena_t *a, double f)
{
    page_value_t  *v;

    v = page_value_new(a, PAGE_FLOAT);
    if (v != NULL) {
        v->u.f = f;
    }

    return v;
}


page_value_t *
page_value_string_ref(page_arena_t *a, page_type_t type, const char *s,
    size_t len)
{
    page_value_t  *v;

    v = page_value_new(a, type);
    if (v != NULL) {
        v->u.s.data = s ? s : "";
        v->u.s.len = len;
    }

    return v;
}


page_value_t *
page_value_string(page_arena_t *a, const char *s, size_t len)
{
    char  *copy;

    copy = page_arena_strndup(a, s, len);
    if (copy == NULL) {
        return NULL;
    }

    return page_value_string_ref(a, PAGE_STRING, copy, len);
}


page_value_t *
page_value_html(page_arena_t *a, const char *s, size_t len)
{
    char  *copy;

    copy = page_arena_strndup(a, s, len);
    if (copy == NULL) {
        return NULL;
    }

    return page_value_string_ref(a, PAGE_HTML, copy, len);
}


page_value_t *
page_value_time(page_arena_t *a, const page_time_t *t)
{
    page_value_t  *v;

    v = page_value_new(a, PAGE_TIME);
    if (v != NULL) {
        v->u.t = *t;
    }

    return v;
}


page_value_t *
page_value_list(page_arena_t *a)
{
    return page_value_new(a, PAGE_LIST);
}


page_value_t *
page_value_map(page_arena_t *a)
{
    return page_value_new(a, PAGE_MAP);
}


int
page_list_push(page_arena_t *a, page_value_t *list, page_value_t *v)
{
    size_t          cap;
    page_value_t  **items;

    if (list->u.list.n == list->u.list.cap) {
        cap = list->u.list.cap ? list->u.list.cap * 2 : 4;
        items = page_arena_realloc(a, list->u.list.items,
                                   list->u.list.n * sizeof(page_value_t *),
                                   cap * sizeof(page_value_t *));
        if (items == NULL) {
            return -1;
        }

        list->u.list.items = items;
        list->u.list.cap = cap;
    }

    list->u.list.items[list->u.list.n++] = v;

    return 0;
}


page_value_t *
page_map_get(const page_value_t *map, const char *key, size_t key_len)
{
    size_t  i;

    if (map == NULL || map->type != PAGE_MAP) {
        return NULL;
    }

    for (i = 0; i < map->u.map.n; i++) {
        if (map->u.map.items[i].key.len == key_len
            && memcmp(map->u.map.items[i].key.data, key, key_len) == 0)
        {
            return map->u.map.items[i].value;
        }
    }

    return NULL;
}


void
page_map_delete(page_value_t *map, const char *key, size_t key_len)
{
    size_t  i;

    if (map == NULL || map->type != PAGE_MAP) {
        return;
    }

    for (i = 0; i < map->u.map.n; i++) {
        if (map->u.map.items[i].key.len == key_len
            && memcmp(map->u.map.items[i].key.data, key, key_len) == 0)
        {
            memmove(&map->u.map.items[i], &map->u.map.items[i + 1],
                    (map->u.map.n - i - 1) * sizeof(page_pair_t));
            map->u.map.n--;
            return;
        }
    }
}


page_value_t *
page_map_gets(const page_value_t *map, const char *key)
{
    return page_map_get(map, key, strlen(key));
}


page_value_t *
page_map_get_ci(const page_value_t *map, const char *key, size_t key_len)
{
    size_t       i, j;
    page_str_t  *k;

    if (map == NULL || map->type != PAGE_MAP) {
        return NULL;
    }

    for (i = 0; i < map->u.map.n; i++) {
        k = &map->u.map.items[i].key;

        if (k->len != key_len) {
            continue;
        }

        for (j = 0; j < key_len; j++) {
            char  c1 = k->data[j], c2 = key[j];

            if (c1 >= 'A' && c1 <= 'Z') {
                c1 += 'a' - 'A';
            }
            if (c2 >= 'A' && c2 <= 'Z') {
                c2 += 'a' - 'A';
            }
            if (c1 != c2) {
                break;
            }
        }

        if (j == key_len) {
            return map->u.map.items[i].value;
        }
    }

    return NULL;
}


/* Room for at least cap pairs in map. */
static int
page_map_grow(page_arena_t *a, page_value_t *map, size_t cap)
{
    page_pair_t  *items;

    if (cap <= map->u.map.cap) {
        return 0;
    }

    items = page_arena_realloc(a, map->u.map.items,
                               map->u.map.n * sizeof(page_pair_t),
                               cap * sizeof(page_pair_t));
    if (items == NULL) {
        return -1;
    }

    map->u.map.items = items;
    map->u.map.cap = cap;

    return 0;
}


int
page_map_reserve(page_arena_t *a, page_value_t *map, size_t n)
{
    return page_map_grow(a, map, map->u.map.n + n);
}


int
page_map_add(page_arena_t *a, page_value_t *map, const char *key,
    size_t key_len, page_value_t *v)
{
    page_pair_t  *pair;

    if (map->u.map.n == map->u.map.cap
        && page_map_grow(a, map, map->u.map.cap ? map->u.map.cap * 2 : 8)
           != 0)
    {
        return -1;
    }

    pair = &map->u.map.items[map->u.map.n++];
    pair->key.data = key;
    pair->key.len = key_len;
    pair->value = v;

    return 0;
}


int
page_map_set(page_arena_t *a, page_value_t *map, const char *key,
    size_t key_len, page_value_t *v)
{
    size_t   i;
    char    *k;

    for (i = 0; i < map->u.map.n; i++) {
        if (map->u.map.items[i].key.len == key_len
            && memcmp(map->u.map.items[i].key.data, key, key_len) == 0)
        {
            map->u.map.items[i].value = v;
            return 0;
        }
    }

    k = page_arena_strndup(a, key, key_len);
    if (k == NULL) {
        return -1;
    }

    return page_map_add(a, map, k, key_len, v);
}


int
page_value_truthy(const page_value_t *v)
{
    if (v == NULL) {
        return 0;
    }

    switch (v->type) {
    case PAGE_NIL:    return 0;
    case PAGE_BOOL:   return v->u.b;
    case PAGE_INT:    return v->u.i != 0;
    case PAGE_FLOAT:  return v->u.f != 0;
    case PAGE_STRING:
    case PAGE_HTML:   return v->u.s.len != 0;
    case PAGE_TIME:   return 1;     /* a struct is always true in Go */
    case PAGE_LIST:   return v->u.list.n != 0;
    case PAGE_MAP:    return v->u.map.n != 0;
    case PAGE_DURATION: return v->u.i != 0;
    }

    return 0;
}


int
page_value_is_string(const page_value_t *v)
{
    return v != NULL && (v->type == PAGE_STRING || v->type == PAGE_HTML);
}


const char *
page_type_name(page_type_t t)
{
    switch (t) {
    case PAGE_NIL:    return "nil";
    case PAGE_BOOL:   return "bool";
    case PAGE_INT:    return "int";
    case PAGE_FLOAT:  return "float64";
    case PAGE_STRING: return "string";
    case PAGE_HTML:   return "template.HTML";
    case PAGE_TIME:   return "time.Time";
    case PAGE_LIST:   return "[]interface {}";
    case PAGE_MAP:    return "map[string]interface {}";
    case PAGE_DURATION: return "time.Duration";
    }

    return "unknown";
}


/*
 * The shortest digits that read back as f (finite, not 0): f is
 * [-]d.ddd x 10^exp with digits[0..n).  Returns n.
 */
int
page_float_digits(double f, char *digits, int *exp, int *neg)
{
    int    prec, n;
    char   tmp[64], *p, *e;

    for (prec = 0; prec < 17; prec++) {
        snprintf(tmp, sizeof(tmp), "%.*e", prec, f);
        if (strtod(tmp, NULL) == f) {
            break;
        }
    }

    /* tmp is [-]d[.ddd]e±XX: split into digits and exponent */
    p = tmp;
    *neg = *p == '-';
    if (*neg) {
        p++;
    }

    n = 0;
    for (; *p && *p != 'e'; p++) {
        if (*p != '.') {
            digits[n++] = *p;
        }
    }

    *exp = (int) strtol(p + 1, &e, 10);

    while (n > 1 && digits[n - 1] == '0') {
        n--;
    }

    return n;
}


/* digits[0..n) x 10^exp written out without an exponent. */
void
page_float_plain(page_buf_t *b, const char *digits, int n, int exp)
{
    int  i;

    if (exp < 0) {
        page_buf_puts(b, "0.");
        for (i = -1; i > exp; i--) {
            page_buf_putc(b, '0');
        }
        page_buf_append(b, digits, (size_t) n);
        return;
    }

    for (i = 0; i <= exp || i < n; i++) {
        if (i == exp + 1) {
            page_buf_putc(b, '.');
        }
        page_buf_putc(b, i < n ? digits[i] : '0');
    }
}


/*
 * Go's %v for a float64: the shortest digits that read back as the same
 * number, in %e form when the exponent is < -4 or >= 6, as
 * strconv.FormatFloat(f, 'g', -1, 64) does.
 */
static void
page_value_print_float(page_buf_t *b, double f)
{
    int   exp, ndigits, neg;
    char  digits[32];

    if (isnan(f)) {
        page_buf_puts(b, "NaN");
        return;
    }

    if (isinf(f)) {
        page_buf_puts(b, f > 0 ? "+Inf" : "-Inf");
        return;
    }

    if (f == 0) {
        page_buf_puts(b, signbit(f) ? "-0" : "0");
        return;
    }

    ndigits = page_float_digits(f, digits, &exp, &neg);

    if (neg) {
        page_buf_putc(b, '-');
    }

    /* with the shortest digits Go decides %e against precision 6 */

    if (exp < -4 || exp >= 6) {
        page_buf_putc(b, digits[0]);
        if (ndigits > 1) {
            page_buf_putc(b, '.');
            page_buf_append(b, digits + 1, ndigits - 1);
        }
        page_buf_printf(b, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        return;
    }

    page_float_plain(b, digits, ndigits, exp);
}


page_pair_t *
page_map_sorted(page_arena_t *a, const page_value_t *m)
{
    size_t        n;
    page_pair_t  *p;

    n = m->u.map.n;

    p = page_arena_alloc(a, (n ? n : 1) * sizeof(page_pair_t));
    if (p != NULL && n > 0) {
        /* an empty map has no items array: memcpy(NULL) is undefined */
        memcpy(p, m->u.map.items, n * sizeof(page_pair_t));
        qsort(p, n, sizeof(page_pair_t), page_pair_cmp);
    }

    return p;
}


uint32_t
page_fnv1a(const char *s, size_t len)
{
    size_t    i;
    uint32_t  h;

    h = UINT32_C(2166136261);

    for (i = 0; i < len; i++) {
        h ^= (unsigned char) s[i];
        h *= UINT32_C(16777619);
    }

    return h;
}


int
page_pair_cmp(const void *x, const void *y)
{
    const page_pair_t  *a = x, *b = y;
    size_t              n;
    int                 c;

    n = a->key.len < b->key.len ? a->key.len : b->key.len;
    c = memcmp(a->key.data, b->key.data, n);
    if (c != 0) {
        return c;
    }

    return (a->key.len > b->key.len) - (a->key.len < b->key.len);
}


void
page_value_print(page_buf_t *b, const page_value_t *v)
{
    size_t        i;
    page_pair_t  *sorted;

    if (v == NULL) {
        return;
    }

    switch (v->type) {
    case PAGE_NIL:
        return;

    case PAGE_BOOL:
        page_buf_puts(b, v->u.b ? "true" : "false");
        return;

    case PAGE_INT:
        page_buf_printf(b, "%lld", (long long) v->u.i);
        return;

    case PAGE_FLOAT:
        page_value_print_float(b, v->u.f);
        return;

    case PAGE_STRING:
    case PAGE_HTML:
        page_buf_append(b, v->u.s.data, v->u.s.len);
        return;

    case PAGE_TIME:
        /* time.Time's String() */
        page_time_format(b, &v->u.t, "2006-01-02 15:04:05.999999999 -0700 MST",
                         sizeof("2006-01-02 15:04:05.999999999 -0700 MST")
                         - 1);
        return;

    case PAGE_DURATION:
        page_duration_format(b, v->u.i);
        return;

    case PAGE_LIST:
        page_buf_putc(b, '[');
        for (i = 0; i < v->u.list.n; i++) {
            if (i) {
                page_buf_putc(b, ' ');
            }
            if (v->u.list.items[i] == NULL
                || v->u.list.items[i]->type == PAGE_NIL)
            {
                page_buf_puts(b, "<nil>");
            } else {
                page_value_print(b, v->u.list.items[i]);
            }
        }
        page_buf_putc(b, ']');
        return;

    case PAGE_MAP:
        /* Go prints maps with sorted keys */
        sorted = page_map_sorted(b->arena, v);
        if (sorted == NULL) {
            b->failed = 1;
            return;
        }

        page_buf_puts(b, "map[");
        for (i = 0; i < v->u.map.n; i++) {
            if (i) {
                page_buf_putc(b, ' ');
            }
            page_buf_append(b, sorted[i].key.data, sorted[i].key.len);
            page_buf_putc(b, ':');
            if (sorted[i].value == NULL
                || sorted[i].value->type == PAGE_NIL)
            {
                page_buf_puts(b, "<nil>");
            } else {
                page_value_print(b, sorted[i].value);
            }
        }
        page_buf_putc(b, ']');
        return;
    }
}
