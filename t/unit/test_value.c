/*
 * test_value: the page value type (page_value.c) and the byte buffer it
 * prints into: maps, lists, Go's truth and Go's fmt %v printing.
 */

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "tap.h"
#include "page_arena.h"
#include "page_buf.h"
#include "page_time.h"
#include "page_value.h"

static page_arena_t  arena;


/* got[0..got_len) equals the C string want (tap.h has no byte compare) */
static int
bytes_is(const char *got, size_t got_len, const char *want,
    const char *name, int line)
{
    int     cond;
    size_t  want_len = strlen(want);

    cond = got != NULL && got_len == want_len
           && memcmp(got, want, want_len) == 0;

    if (!tap_ok(cond, name, __FILE__, line)) {
        printf("#          got: '%.*s'\n#     expected: '%s'\n",
               got ? (int) got_len : 6, got ? got : "(null)", want);
    }

    return cond;
}

#define is_bytes(got, len, want, name) \
    bytes_is((got), (len), (want), (name), __LINE__)


/* The value as Go's fmt.Sprint would print it. */
static const char *
sprint(const page_value_t *v)
{
    page_buf_t   b;
    const char  *s;

    page_buf_init(&b, &arena, 0);
    page_value_print(&b, v);
    s = page_buf_cstr(&b);

    return s ? s : "(print failed)";
}


static page_value_t *
f(double d)
{
    return page_value_float(&arena, d);
}


static page_value_t *
str(const char *s)
{
    return page_value_string(&arena, s, strlen(s));
}


static page_value_t *
tm(const char *s)
{
    page_time_t  t;

    if (page_time_parse(s, strlen(s), &t) != 0) {
        return NULL;
    }

    return page_value_time(&arena, &t);
}


static void
test_map(void)
{
    int            rc;
    page_value_t  *m, *one, *two, *v;

    m = page_value_map(&arena);
    ok(m != NULL && m->type == PAGE_MAP, "map: created");
    is_int(m->u.map.n, 0, "map: new map is empty");
    ok(page_map_gets(m, "a") == NULL, "map: get in empty map is NULL");

    one = page_value_int(&arena, 1);
    two = page_value_int(&arena, 2);

    rc = page_map_set(&arena, m, "title", 5, one);
    is_int(rc, 0, "map: set returns 0");
    ok(page_map_gets(m, "title") == one, "map: get finds the value set");
    ok(page_map_get(m, "title", 5) == one, "map: get with a length");
    ok(page_map_get(m, "titles", 5) == one,
       "map: get compares only key_len bytes of the key");
    ok(page_map_get(m, "tit", 3) == NULL, "map: a prefix is another key");
    ok(page_map_gets(m, "Title") == NULL, "map: get is case-sensitive");
    ok(page_map_get_ci(m, "TiTLE", 5) == one, "map: get_ci ignores case");
    ok(page_map_get_ci(m, "TITL", 4) == NULL,
       "map: get_ci needs the whole key");

    rc = page_map_set(&arena, m, "title", 5, two);
    is_int(rc, 0, "map: set of an existing key returns 0");
    ok(page_map_gets(m, "title") == two, "map: set again: last wins");
    is_int(m->u.map.n, 1, "map: set again does not add a pair");

    /* the key is copied: the caller's buffer may change afterwards */
    {
        char  key[8];

        memcpy(key, "k\0x", 4);
        page_map_set(&arena, m, key, 3, one);
        memcpy(key, "zzzz", 4);
        ok(page_map_get(m, "k\0x", 3) == one,
           "map: keys are copied and may hold NUL bytes");
    }

    /* growth past the first allocation keeps every pair and the order */
    {
        int   i, all;
        char  key[16];

        for (i = 0; i < 100; i++) {
            snprintf(key, sizeof(key), "key%d", i);
            page_map_set(&arena, m, key, strlen(key),
                         page_value_int(&arena, i));
        }

        is_int(m->u.map.n, 102, "map: 100 more keys");

        all = 1;
        for (i = 0; i < 100; i++) {
            snprintf(key, sizeof(key), "key%d", i);
            v = page_map_gets(m, key);
            if (v == NULL || v->type != PAGE_INT || v->u.i != i) {
                all = 0;
            }
        }
        ok(all, "map: every key found after growing");
        ok(m->u.map.items[0].key.len == 5
           && memcmp(m->u.map.items[0].key.data, "title", 5) == 0
           && memcmp(m->u.map.items[2].key.data, "key0", 5) == 0,
           "map: insertion order kept");
    }

    ok(page_map_gets(one, "title") == NULL, "map: get on a non-map is NULL");
    ok(page_map_get_ci(NULL, "a", 1) == NULL, "map: get_ci on NULL is NULL");
    ok(page_map_gets(NULL, "a") == NULL, "map: get on NULL is NULL");
}


/* page_map_add: appends without a lookup or a copy; page_map_reserve. */
static void
test_map_add(void)
{
    int            i, all;
    char           key[8];
    page_value_t  *m, *one, *two;

    m = page_value_map(&arena);
    one = page_value_int(&arena, 1);
    two = page_value_int(&arena, 2);

    is_int(page_map_reserve(&arena, m, 3), 0, "map_add: reserve returns 0");
    ok(m->u.map.cap >= 3 && m->u.map.n == 0,
       "map_add: reserve makes room, adds nothing");

    is_int(page_map_add(&arena, m, "a", 1, one), 0, "map_add: returns 0");
    page_map_add(&arena, m, "bc", 2, two);
    ok(page_map_gets(m, "a") == one && page_map_gets(m, "bc") == two,
       "map_add: get finds the keys added");
    ok(m->u.map.n == 2 && m->u.map.items[1].key.len == 2
       && strcmp(m->u.map.items[1].key.data, "bc") == 0,
       "map_add: pairs in the order added");

    /* the key is not copied: it must outlive the map */
    memcpy(key, "xy", 3);
    page_map_add(&arena, m, key, 2, one);
    ok(m->u.map.items[2].key.data == key, "map_add: the key is not copied");

    /* page_map_set still finds an added key and replaces its value */
    page_map_set(&arena, m, "bc", 2, one);
    ok(page_map_gets(m, "bc") == one && m->u.map.n == 3,
       "map_add: set replaces the value of an added key");

    for (i = 0; i < 40; i++) {
        page_map_add(&arena, m, "k", 1, page_value_int(&arena, i));
    }

    all = m->u.map.n == 43;
    for (i = 0; all && i < 40; i++) {
        all = m->u.map.items[i + 3].value->u.i == i;
    }
    ok(all, "map_add: growth keeps every pair in order");
}


/* The shared booleans are booleans like any other. */
static void
test_const_bool(void)
{
    page_buf_t  b;

    page_buf_init(&b, &arena, 0);
    page_value_print(&b, page_value_const_bool(7));
    page_buf_putc(&b, ' ');
    page_value_print(&b, page_value_const_bool(0));

    is_mem(b.data, b.len, "true false", "const bool: prints as a bool");
    ok(page_value_truthy(&page_true_value)
       && !page_value_truthy(&page_false_value)
       && page_true_value.type == PAGE_BOOL
       && page_false_value.type == PAGE_BOOL,
       "const bool: truth and type");
}


static void
test_list(void)
{
    int            i, all;
    page_value_t  *l;

    l = page_value_list(&arena);
    ok(l != NULL && l->type == PAGE_LIST && l->u.list.n == 0,
       "list: created empty");

    all = 1;
    for (i = 0; i < 1000; i++) {
        if (page_list_push(&arena, l, page_value_int(&arena, i)) != 0) {
            all = 0;
        }
    }
    ok(all, "list: 1000 pushes succeed");
    is_int(l->u.list.n, 1000, "list: 1000 items");

    all = 1;
    for (i = 0; i < 1000; i++) {
        if (l->u.list.items[i]->u.i != i) {
            all = 0;
        }
    }
    ok(all, "list: items in push order after growing");
}


static void
test_truth(void)
{
    page_value_t  *l, *m;

    l = page_value_list(&arena);
    m = page_value_map(&arena);

    ok(!page_value_truthy(NULL), "truth: NULL is false");
    ok(!page_value_truthy(&page_nil_value), "truth: nil is false");
    ok(!page_value_truthy(page_value_new(&arena, PAGE_NIL)),
       "truth: a new nil is false");
    ok(!page_value_truthy(page_value_bool(&arena, 0)), "truth: false");
    ok(page_value_truthy(page_value_bool(&arena, 1)), "truth: true");
    ok(page_value_bool(&arena, 42)->u.b == 1, "truth: bool(42) is 1");
    ok(!page_value_truthy(page_value_int(&arena, 0)), "truth: 0 is false");
    ok(page_value_truthy(page_value_int(&arena, -1)), "truth: -1 is true");
    ok(!page_value_truthy(f(0.0)), "truth: 0.0 is false");
    ok(!page_value_truthy(f(-0.0)), "truth: -0.0 is false");
    ok(page_value_truthy(f(0.5)), "truth: 0.5 is true");
    ok(page_value_truthy(f(NAN)), "truth: NaN is true (NaN != 0)");
    ok(!page_value_truthy(str("")), "truth: empty string is false");
    ok(page_value_truthy(str("0")), "truth: \"0\" is true");
    ok(page_value_truthy(str("false")), "truth: \"false\" is true");
    ok(!page_value_truthy(page_value_html(&arena, "", 0)),
       "truth: empty HTML is false");
    ok(page_value_truthy(page_value_html(&arena, "<br>", 4)),
       "truth: HTML is true");
    ok(page_value_truthy(tm("2025-01-01")), "truth: a time is true");
    {
        page_time_t  z;

        page_time_zero(&z);
        ok(page_value_truthy(page_value_time(&arena, &z)),
           "truth: even the zero time (a struct) is true");
    }
    ok(!page_value_truthy(l), "truth: empty list is false");
    ok(!page_value_truthy(m), "truth: empty map is false");
    page_list_push(&arena, l, &page_nil_value);
    page_map_set(&arena, m, "k", 1, &page_nil_value);
    ok(page_value_truthy(l), "truth: list of one nil is true");
    ok(page_value_truthy(m), "truth: map with a nil value is true");
}


static void
test_print_scalars(void)
{
    is_str(sprint(NULL), "", "print: NULL prints nothing");
    is_str(sprint(&page_nil_value), "", "print: nil prints nothing");
    is_str(sprint(page_value_bool(&arena, 1)), "true", "print: true");
    is_str(sprint(page_value_bool(&arena, 0)), "false", "print: false");
    is_str(sprint(page_value_int(&arena, 0)), "0", "print: int 0");
    is_str(sprint(page_value_int(&arena, -42)), "-42", "print: int -42");
    is_str(sprint(page_value_int(&arena, INT64_MAX)), "9223372036854775807",
           "print: int64 max");
    is_str(sprint(page_value_int(&arena, INT64_MIN)), "-9223372036854775808",
           "print: int64 min");
    is_str(sprint(str("a b")), "a b", "print: string as is, unquoted");
    is_str(sprint(page_value_html(&arena, "<b>&</b>", 8)), "<b>&</b>",
           "print: HTML as is");

    {
        page_buf_t     b;
        page_value_t  *v;

        v = page_value_string(&arena, "a\0b", 3);
        page_buf_init(&b, &arena, 0);
        page_value_print(&b, v);
        ok(b.len == 3 && b.data[1] == '\0' && b.data[2] == 'b',
           "print: all 3 bytes of \"a\\0b\"");
        ok(v->u.s.data[3] == '\0', "string: copy is NUL-terminated");
    }
}


static void
test_print_floats(void)
{
    /* fmt.Sprint(float64): strconv 'g' with the shortest digits; %e when
     * the exponent is < -4 or >= 6 (the shortest case always uses 6) */
    is_str(sprint(f(1e6)), "1e+06", "float: 1e6 -> 1e+06");
    is_str(sprint(f(0.5)), "0.5", "float: 0.5");
    is_str(sprint(f(3.14)), "3.14", "float: 3.14");
    is_str(sprint(f(100)), "100", "float: 100.0 -> 100");
    is_str(sprint(f(1.5e-5)), "1.5e-05", "float: 1.5e-05");
    is_str(sprint(f(0.0001)), "0.0001", "float: 0.0001 (exponent -4)");
    is_str(sprint(f(0.00001)), "1e-05", "float: 0.00001 -> 1e-05");
    is_str(sprint(f(-2.5)), "-2.5", "float: -2.5");
    is_str(sprint(f(123456)), "123456", "float: 123456 (exponent 5)");
    is_str(sprint(f(100000)), "100000", "float: 100000");
    is_str(sprint(f(1234567)), "1.234567e+06",
           "float: 1234567 -> 1.234567e+06 (exponent 6)");
    is_str(sprint(f(12345678)), "1.2345678e+07",
           "float: 12345678 -> 1.2345678e+07");
    is_str(sprint(f(1e21)), "1e+21", "float: 1e21");
    is_str(sprint(f(1e100)), "1e+100", "float: three exponent digits");
    is_str(sprint(f(-1e-100)), "-1e-100", "float: -1e-100");
    is_str(sprint(f(0.1 + 0.2)), "0.30000000000000004",
           "float: 0.1+0.2 shortest round-trip digits");
    is_str(sprint(f(1.0 / 3)), "0.3333333333333333", "float: 1/3");
    is_str(sprint(f(5e-324)), "5e-324", "float: smallest denormal");
    is_str(sprint(f(1.7976931348623157e308)), "1.7976931348623157e+308",
           "float: largest double");
    is_str(sprint(f(0.0)), "0", "float: 0");
    is_str(sprint(f(-0.0)), "-0", "float: -0");
    is_str(sprint(f(INFINITY)), "+Inf", "float: +Inf");
    is_str(sprint(f(-INFINITY)), "-Inf", "float: -Inf");
    is_str(sprint(f(NAN)), "NaN", "float: NaN");
    is_str(sprint(f(1.5)), "1.5", "float: 1.5");
    is_str(sprint(f(2.0)), "2", "float: 2.0 -> 2");
}


static void
test_print_composites(void)
{
    page_value_t  *l, *inner, *m, *m2, *e;

    l = page_value_list(&arena);
    is_str(sprint(l), "[]", "print: empty list");
    page_list_push(&arena, l, str("a"));
    page_list_push(&arena, l, str("b"));
    is_str(sprint(l), "[a b]", "print: list [a b]");
    page_list_push(&arena, l, page_value_int(&arena, 1));
    page_list_push(&arena, l, &page_nil_value);
    page_list_push(&arena, l, f(0.5));
    page_list_push(&arena, l, page_value_bool(&arena, 1));
    is_str(sprint(l), "[a b 1 <nil> 0.5 true]",
           "print: mixed list, nil item as <nil>");

    inner = page_value_list(&arena);
    page_list_push(&arena, inner, page_value_int(&arena, 1));
    page_list_push(&arena, inner, page_value_int(&arena, 2));
    l = page_value_list(&arena);
    page_list_push(&arena, l, inner);
    page_list_push(&arena, l, page_value_list(&arena));
    is_str(sprint(l), "[[1 2] []]", "print: nested lists");

    m = page_value_map(&arena);
    is_str(sprint(m), "map[]", "print: empty map");
    page_map_set(&arena, m, "b", 1, page_value_int(&arena, 2));
    page_map_set(&arena, m, "a", 1, page_value_int(&arena, 1));
    is_str(sprint(m), "map[a:1 b:2]", "print: map sorted by key");
    ok(m->u.map.items[0].key.data[0] == 'b',
       "print: sorting does not reorder the map itself");

    m2 = page_value_map(&arena);
    page_map_set(&arena, m2, "z", 1, &page_nil_value);
    page_map_set(&arena, m2, "ab", 2, l);
    page_map_set(&arena, m2, "a", 1, m);
    page_map_set(&arena, m2, "B", 1, str("upper"));
    e = page_value_map(&arena);
    page_map_set(&arena, m2, "e", 1, e);
    is_str(sprint(m2), "map[B:upper a:map[a:1 b:2] ab:[[1 2] []] e:map[] "
                       "z:<nil>]",
           "print: nested map, bytewise key order, nil value as <nil>");

    l = page_value_list(&arena);
    page_list_push(&arena, l, m);
    is_str(sprint(l), "[map[a:1 b:2]]", "print: map inside a list");
}


static void
test_print_time(void)
{
    page_value_t  *l;

    /* time.Time's String(): "2006-01-02 15:04:05.999999999 -0700 MST" */
    is_str(sprint(tm("2006-01-02T15:04:05Z")),
           "2006-01-02 15:04:05 +0000 UTC", "print: time in UTC");
    is_str(sprint(tm("2025-09-23")), "2025-09-23 00:00:00 +0000 UTC",
           "print: a date is midnight UTC");
    is_str(sprint(tm("2025-09-23T10:00:00+02:00")),
           "2025-09-23 10:00:00 +0200 +0200",
           "print: time with an offset; unnamed zone prints as -0700");
    is_str(sprint(tm("2025-09-23T10:00:00-05:30")),
           "2025-09-23 10:00:00 -0530 -0530", "print: negative offset");
    is_str(sprint(tm("2025-09-23T10:00:00.5Z")),
           "2025-09-23 10:00:00.5 +0000 UTC",
           "print: fractional seconds, trailing zeros trimmed");
    is_str(sprint(tm("2025-09-23T10:00:00.000000001Z")),
           "2025-09-23 10:00:00.000000001 +0000 UTC",
           "print: one nanosecond");

    l = page_value_list(&arena);
    page_list_push(&arena, l, tm("2006-01-02T15:04:05Z"));
    is_str(sprint(l), "[2006-01-02 15:04:05 +0000 UTC]",
           "print: time inside a list");
}


static void
test_misc(void)
{
    page_arena_t   small;
    page_buf_t     b;
    page_value_t  *v;

    is_str(page_type_name(PAGE_MAP), "map[string]interface {}",
           "type name: map");
    is_str(page_type_name(PAGE_FLOAT), "float64", "type name: float");
    is_str(page_type_name(PAGE_HTML), "template.HTML", "type name: HTML");
    ok(page_value_is_string(str("x")), "is_string: string");
    ok(page_value_is_string(page_value_html(&arena, "x", 1)),
       "is_string: HTML");
    ok(!page_value_is_string(page_value_int(&arena, 1)), "is_string: int");
    ok(!page_value_is_string(NULL), "is_string: NULL");

    v = page_value_string_ref(&arena, PAGE_STRING, NULL, 0);
    ok(v != NULL && v->u.s.data != NULL && v->u.s.len == 0,
       "string_ref: NULL data becomes \"\"");

    /* an arena with a limit below one block refuses every allocation */
    page_arena_init(&small, 1024);
    ok(page_value_int(&small, 1) == NULL, "limit: value allocation fails");
    ok(page_value_string(&small, "abc", 3) == NULL,
       "limit: string allocation fails");
    ok(small.total == 0, "limit: nothing was allocated");
    page_arena_free(&small);

    /* a map that cannot grow reports it */
    page_arena_init(&small, PAGE_ARENA_BLOCK_SIZE + 64);
    v = page_value_map(&small);
    ok(v != NULL, "limit: map fits in the first block");
    {
        int   i, rc;
        char  key[16];

        rc = 0;
        for (i = 0; i < 100000 && rc == 0; i++) {
            snprintf(key, sizeof(key), "k%d", i);
            rc = page_map_set(&small, v, key, strlen(key), &page_nil_value);
        }
        is_int(rc, -1, "limit: map_set returns -1 when the arena is full");
    }
    page_arena_free(&small);

    /* page_buf */
    page_buf_init(&b, &arena, 0);
    page_buf_append_html(&b, "a&b<c>d\"e'f", 11);
    is_bytes(b.data, b.len, "a&amp;b&lt;c&gt;d&#34;e&#39;f",
           "buf: HTML escaping as html/template does");

    page_buf_init(&b, &arena, 4);
    page_buf_puts(&b, "abcd");
    ok(!page_buf_failed(&b), "buf: up to the limit is fine");
    page_buf_putc(&b, 'e');
    ok(page_buf_failed(&b), "buf: past the limit fails");
    is_bytes(b.data, b.len, "abcd", "buf: content kept after a failure");
    page_buf_puts(&b, "");
    ok(page_buf_failed(&b), "buf: failure is sticky");
    ok(page_buf_cstr(&b) == NULL, "buf: cstr of a failed buffer is NULL");

    page_buf_init(&b, &arena, 0);
    page_buf_printf(&b, "%d-%s", 42, "x");
    is_str(page_buf_cstr(&b), "42-x", "buf: printf");
}



int
main(void)
{
    page_arena_init(&arena, 0);

    test_map();
    test_map_add();
    test_const_bool();
    test_list();
    test_truth();
    test_print_scalars();
    test_print_floats();
    test_print_composites();
    test_print_time();
    test_misc();

    page_arena_free(&arena);

    return done_testing();
}
