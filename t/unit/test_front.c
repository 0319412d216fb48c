/*
 * test_front: the front matter stage (page_front.c): splitting a content
 * file into front matter and body, YAML typing (YAML 1.2 core schema plus
 * timestamps), lower-cased keys, the refusal of aliases and the named
 * limits, and error positions as path:line:col in the whole file.
 */

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tap.h"
#include "page_arena.h"
#include "page_buf.h"
#include "page_error.h"
#include "page_front.h"
#include "page_value.h"

#define PATH  "/site/a.md"

static page_arena_t  arena;
static page_error_t  err;


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


/* Split and parse src; returns the map or NULL (err says why). */
static page_value_t *
front(const char *src, size_t len)
{
    page_front_t   fm;
    page_value_t  *v;

    page_error_init(&err);

    if (page_front_split(src, len, PATH, &fm, &err) != 0) {
        return NULL;
    }

    v = NULL;
    if (page_front_parse(&arena, &fm, PATH, &v, &err) != 0) {
        return NULL;
    }

    return v;
}


#define FRONT(s)  front((s), sizeof(s) - 1)


/* The error line starts with want ("path:line:col: "). */
static int
err_starts(const char *want, const char *name)
{
    size_t  n;

    n = strlen(err.msg) < strlen(want) ? strlen(err.msg) : strlen(want);

    return bytes_is(err.msg, n, want, name, __LINE__);
}


static int
err_has(const char *needle, const char *name)
{
    int  found;

    found = strstr(err.msg, needle) != NULL;
    if (!ok(found, name)) {
        printf("#   error: '%s'\n#   wanted: '%s'\n", err.msg, needle);
    }

    return found;
}


static page_value_t *
get(page_value_t *m, const char *key)
{
    return page_map_gets(m, key);
}


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


static int
is_type(page_value_t *v, page_type_t type)
{
    return v != NULL && v->type == type;
}


static void
test_split(void)
{
    int            rc;
    page_front_t   fm;
    page_value_t  *m;
    const char    *s;

    /* no front matter */
    s = "# Hello\n\ntext\n";
    page_error_init(&err);
    rc = page_front_split(s, strlen(s), PATH, &fm, &err);
    is_int(rc, 0, "split: no front matter is fine");
    ok(fm.front == NULL, "split: no front matter: front is NULL");
    ok(fm.body == s && fm.body_len == strlen(s),
       "split: no front matter: body is the whole file");
    is_int(fm.body_line, 1, "split: no front matter: body starts on line 1");
    m = front(s, strlen(s));
    ok(is_type(m, PAGE_MAP) && m->u.map.n == 0,
       "parse: no front matter gives an empty map");

    rc = page_front_split("", 0, PATH, &fm, &err);
    ok(rc == 0 && fm.front == NULL && fm.body_len == 0,
       "split: empty file");

    /* UTF-8 byte order mark */
    s = "\xEF\xBB\xBF# Hi\n";
    rc = page_front_split(s, strlen(s), PATH, &fm, &err);
    ok(rc == 0 && fm.body == s + 3 && fm.body_len == 5,
       "split: BOM skipped when there is no front matter");

    s = "\xEF\xBB\xBF---\ntitle: BOM\n---\nbody\n";
    rc = page_front_split(s, strlen(s), PATH, &fm, &err);
    ok(rc == 0 && fm.front != NULL, "split: BOM before ---");
    is_bytes(fm.body, fm.body_len, "body\n", "split: BOM: body");
    m = front(s, strlen(s));
    is_str(sprint(get(m, "title")), "BOM", "parse: BOM: title");

    /* CRLF line endings */
    s = "---\r\ntitle: CRLF\r\ntags: [a, b]\r\n---\r\nbody\r\n";
    rc = page_front_split(s, strlen(s), PATH, &fm, &err);
    ok(rc == 0 && fm.front != NULL, "split: CRLF");
    is_bytes(fm.body, fm.body_len, "body\r\n", "split: CRLF: body");
    is_int(fm.body_line, 5, "split: CRLF: body starts on line 5");
    m = front(s, strlen(s));
    is_str(sprint(m), "map[tags:[a b] title:CRLF]",
           "parse: CRLF: values without \\r");

    /* delimiters with trailing blanks */
    s = "---  \t\ntitle: blanks\n--- \t \nbody";
    rc = page_front_split(s, strlen(s), PATH, &fm, &err);
    ok(rc == 0 && fm.front != NULL, "split: --- with trailing blanks");
    is_bytes(fm.body, fm.body_len, "body", "split: trailing blanks: body");
    is_int(fm.front_line, 2, "split: front_line is the line after ---");
    m = front(s, strlen(s));
    is_str(sprint(get(m, "title")), "blanks", "parse: trailing blanks");

    /* the YAML document end marker closes too */
    s = "---\ntitle: dots\n...\nbody\n";
    rc = page_front_split(s, strlen(s), PATH, &fm, &err);
    ok(rc == 0 && fm.front != NULL, "split: ... closes the front matter");
    is_bytes(fm.body, fm.body_len, "body\n", "split: ...: body");
    is_int(fm.body_line, 4, "split: ...: body on line 4");
    m = front(s, strlen(s));
    is_str(sprint(get(m, "title")), "dots", "parse: ... closer");

    /* no newline after the closer */
    s = "---\na: 1\n---";
    rc = page_front_split(s, strlen(s), PATH, &fm, &err);
    ok(rc == 0 && fm.front != NULL && fm.body_len == 0,
       "split: closer at the end of the file, empty body");

    /* what is not an opener */
    s = "--- title: x\n---\n";
    rc = page_front_split(s, strlen(s), PATH, &fm, &err);
    ok(rc == 0 && fm.front == NULL && fm.body == s,
       "split: text after --- is not an opener");
    s = "----\na: 1\n----\n";
    rc = page_front_split(s, strlen(s), PATH, &fm, &err);
    ok(rc == 0 && fm.front == NULL, "split: ---- is not an opener");

    /*
     * Hugo's lexer skips blanks and empty lines before the opener
     * (hugo 0.111.3: "\n\n---\ntitle: x\n---" has the title x)
     */
    s = "\n \t\n  ---\na: 1\n---\nbody\n";
    rc = page_front_split(s, strlen(s), PATH, &fm, &err);
    ok(rc == 0 && fm.front != NULL && fm.front_line == 4
       && fm.body_line == 6,
       "split: blank lines before ---: front matter from line 4");
    is_bytes(fm.body, fm.body_len, "body\n", "split: blank lines: body");
    s = "\n\n---\ntitle: never closed\n";
    page_error_init(&err);
    ok(page_front_split(s, strlen(s), PATH, &fm, &err) == -1,
       "split: blank lines, then an unclosed ---");
    err_starts(PATH ":3:1: ", "split: ... error at the opener, 3:1");
    s = "- item\n- two\n";
    rc = page_front_split(s, strlen(s), PATH, &fm, &err);
    ok(rc == 0 && fm.front == NULL && fm.body == s,
       "split: a list is a body (Hugo refuses it: invalid YAML delimiter)");

    /* a closer must be a line of its own */
    s = "---\na: 1\n---x\n---\nbody";
    rc = page_front_split(s, strlen(s), PATH, &fm, &err);
    ok(rc == 0 && fm.front != NULL && fm.body_line == 5,
       "split: ---x does not close");
    is_bytes(fm.body, fm.body_len, "body", "split: ---x: body after the "
                                         "real closer");

    /* unterminated: error at the opener */
    s = "---\ntitle: never closed\n\nbody\n";
    page_error_init(&err);
    rc = page_front_split(s, strlen(s), PATH, &fm, &err);
    is_int(rc, -1, "split: unterminated front matter fails");
    is_int(err.status, PAGE_ERR_CONTENT, "split: unterminated: content "
                                         "error");
    err_starts(PATH ":1:1: ", "split: unterminated: error at 1:1");
    err_has("never closed", "split: unterminated: says it is not closed");
    is_int(err.line, 1, "split: unterminated: err.line");
    is_int(err.col, 1, "split: unterminated: err.col");

    s = "---";
    page_error_init(&err);
    ok(page_front_split(s, 3, PATH, &fm, &err) == -1,
       "split: a lone --- is unterminated");
    s = "\xEF\xBB\xBF---\r\n";
    page_error_init(&err);
    ok(page_front_split(s, strlen(s), PATH, &fm, &err) == -1,
       "split: BOM, ---, CRLF, end: unterminated");
    err_starts(PATH ":1:1: ", "split: BOM unterminated at 1:1");

    /* TOML between "+++" lines (page_toml_front.c; test_toml.c) */
    s = "+++\ntitle = \"x\"\n+++\nbody\n";
    page_error_init(&err);
    rc = page_front_split(s, strlen(s), PATH, &fm, &err);
    is_int(rc, 0, "split: TOML front matter");
    ok(fm.toml && fm.front_len == 12 && fm.front_line == 2
       && fm.body_len == 5, "split: TOML: its text and the body");

    /* no path: "-" */
    page_error_init(&err);
    page_front_split("---\n", 4, NULL, &fm, &err);
    err_starts("-:1:1: ", "split: no path prints as -");
}


static void
test_types(void)
{
    page_value_t  *m, *v;

    m = FRONT("---\n"
              "t1: true\nt2: True\nt3: TRUE\nf1: false\nf2: False\n"
              "y: yes\nn: no\non: on\noff: Off\ntr: tRUE\n"
              "n1: null\nn2: ~\nn3: Null\nn4:\nn5: NULL\nnu: nUll\n"
              "i1: 42\ni2: -17\ni3: +5\ni4: 0x1F\ni5: 0o17\ni6: 007\n"
              "i7: 9223372036854775807\ni8: -9223372036854775808\n"
              "i9: 0xff\nb: 0b101\nu: 1_000\nnx: -0x1F\no8: 0o8\n"
              "f3: 1.5\nf4: -0.25\nf5: 1e3\nf6: .5\nf7: 1.\nf8: 2.5E-3\n"
              "inf: .inf\nninf: -.Inf\npinf: +.INF\nnan: .nan\n"
              "fe: 1.5e\ndot: .\nsci: 6.02e+23\n"
              "d1: 2025-09-23\nd2: 2025-09-23T10:00:00+02:00\n"
              "d3: 2025-09-23 10:00:00\nd4: 2025-02-30\n"
              "q1: \"true\"\nq2: '42'\nq3: \"2025-09-23\"\nq4: 'null'\n"
              "q5: \"\"\ns1: !!str 42\ns2: !!str true\ns3: !!str\n"
              "lit: |\n  42\n  x\nfold: >-\n  a\n  b\n"
              "plain: hello world\nurl: http://example.com/a?b=c\n"
              "---\n");

    ok(is_type(m, PAGE_MAP), "types: parsed");
    if (m == NULL) {
        printf("#   %s\n", err.msg);
        return;
    }

    v = get(m, "t1");
    ok(is_type(v, PAGE_BOOL) && v->u.b == 1, "types: true");
    ok(is_type(get(m, "t2"), PAGE_BOOL) && get(m, "t2")->u.b,
       "types: True");
    ok(is_type(get(m, "t3"), PAGE_BOOL), "types: TRUE");
    v = get(m, "f1");
    ok(is_type(v, PAGE_BOOL) && v->u.b == 0, "types: false");
    ok(is_type(get(m, "f2"), PAGE_BOOL) && !get(m, "f2")->u.b,
       "types: False");
    ok(is_type(get(m, "y"), PAGE_STRING), "types: yes is a string (1.2)");
    ok(is_type(get(m, "n"), PAGE_STRING), "types: no is a string (1.2)");
    ok(is_type(get(m, "on"), PAGE_STRING), "types: on is a string (1.2)");
    ok(is_type(get(m, "off"), PAGE_STRING), "types: Off is a string");
    ok(is_type(get(m, "tr"), PAGE_STRING), "types: tRUE is a string");

    ok(is_type(get(m, "n1"), PAGE_NIL), "types: null");
    ok(is_type(get(m, "n2"), PAGE_NIL), "types: ~");
    ok(is_type(get(m, "n3"), PAGE_NIL), "types: Null");
    ok(is_type(get(m, "n4"), PAGE_NIL), "types: empty value is null");
    ok(is_type(get(m, "n5"), PAGE_NIL), "types: NULL");
    ok(is_type(get(m, "nu"), PAGE_STRING), "types: nUll is a string");

    v = get(m, "i1");
    ok(is_type(v, PAGE_INT) && v->u.i == 42, "types: 42");
    v = get(m, "i2");
    ok(is_type(v, PAGE_INT) && v->u.i == -17, "types: -17");
    v = get(m, "i3");
    ok(is_type(v, PAGE_INT) && v->u.i == 5, "types: +5");
    v = get(m, "i4");
    ok(is_type(v, PAGE_INT) && v->u.i == 31, "types: 0x1F is 31");
    v = get(m, "i5");
    ok(is_type(v, PAGE_INT) && v->u.i == 15, "types: 0o17 is 15");
    v = get(m, "i6");
    ok(is_type(v, PAGE_INT) && v->u.i == 7, "types: 007 is decimal 7");
    v = get(m, "i7");
    ok(is_type(v, PAGE_INT) && v->u.i == INT64_MAX, "types: int64 max");
    v = get(m, "i8");
    ok(is_type(v, PAGE_INT) && v->u.i == INT64_MIN, "types: int64 min");
    v = get(m, "i9");
    ok(is_type(v, PAGE_INT) && v->u.i == 255, "types: 0xff");
    ok(is_type(get(m, "b"), PAGE_STRING), "types: 0b101 is a string (1.2)");
    ok(is_type(get(m, "u"), PAGE_STRING), "types: 1_000 is a string (1.2)");
    ok(is_type(get(m, "nx"), PAGE_STRING), "types: -0x1F is a string");
    ok(is_type(get(m, "o8"), PAGE_STRING), "types: 0o8 is a string");

    v = get(m, "f3");
    ok(is_type(v, PAGE_FLOAT) && v->u.f == 1.5, "types: 1.5");
    v = get(m, "f4");
    ok(is_type(v, PAGE_FLOAT) && v->u.f == -0.25, "types: -0.25");
    v = get(m, "f5");
    ok(is_type(v, PAGE_FLOAT) && v->u.f == 1000, "types: 1e3 is a float");
    v = get(m, "f6");
    ok(is_type(v, PAGE_FLOAT) && v->u.f == 0.5, "types: .5");
    v = get(m, "f7");
    ok(is_type(v, PAGE_FLOAT) && v->u.f == 1, "types: 1.");
    v = get(m, "f8");
    ok(is_type(v, PAGE_FLOAT) && v->u.f == 2.5e-3, "types: 2.5E-3");
    v = get(m, "inf");
    ok(is_type(v, PAGE_FLOAT) && isinf(v->u.f) && v->u.f > 0,
       "types: .inf");
    v = get(m, "ninf");
    ok(is_type(v, PAGE_FLOAT) && isinf(v->u.f) && v->u.f < 0,
       "types: -.Inf");
    v = get(m, "pinf");
    ok(is_type(v, PAGE_FLOAT) && isinf(v->u.f) && v->u.f > 0,
       "types: +.INF");
    v = get(m, "nan");
    ok(is_type(v, PAGE_FLOAT) && isnan(v->u.f), "types: .nan");
    ok(is_type(get(m, "fe"), PAGE_STRING), "types: 1.5e is a string");
    ok(is_type(get(m, "dot"), PAGE_STRING), "types: . is a string");
    v = get(m, "sci");
    ok(is_type(v, PAGE_FLOAT) && v->u.f == 6.02e23, "types: 6.02e+23");
    is_str(sprint(v), "6.02e+23", "types: 6.02e+23 prints as Go does");

    v = get(m, "d1");
    ok(is_type(v, PAGE_TIME) && v->u.t.sec == 1758585600,
       "types: 2025-09-23 is a time");
    v = get(m, "d2");
    ok(is_type(v, PAGE_TIME) && v->u.t.sec == 1758614400
       && v->u.t.offset == 7200, "types: datetime with offset");
    is_str(sprint(v), "2025-09-23 10:00:00 +0200 +0200",
           "types: datetime prints in its offset");
    v = get(m, "d3");
    ok(is_type(v, PAGE_TIME) && v->u.t.sec == 1758621600,
       "types: datetime with a space");
    v = get(m, "d4");
    ok(is_type(v, PAGE_STRING), "types: 2025-02-30 is not a date");
    is_str(sprint(v), "2025-02-30", "types: invalid date kept as text");

    v = get(m, "q1");
    ok(is_type(v, PAGE_STRING), "types: \"true\" is a string");
    is_str(sprint(v), "true", "types: \"true\" text");
    ok(is_type(get(m, "q2"), PAGE_STRING), "types: '42' is a string");
    ok(is_type(get(m, "q3"), PAGE_STRING),
       "types: \"2025-09-23\" is a string");
    ok(is_type(get(m, "q4"), PAGE_STRING), "types: 'null' is a string");
    v = get(m, "q5");
    ok(is_type(v, PAGE_STRING) && v->u.s.len == 0,
       "types: \"\" is an empty string, not null");
    v = get(m, "s1");
    ok(is_type(v, PAGE_STRING), "types: !!str 42 is a string");
    is_str(sprint(v), "42", "types: !!str 42 text");
    ok(is_type(get(m, "s2"), PAGE_STRING), "types: !!str true is a string");
    v = get(m, "s3");
    ok(is_type(v, PAGE_STRING) && v->u.s.len == 0,
       "types: !!str with no value is an empty string");
    v = get(m, "lit");
    ok(is_type(v, PAGE_STRING), "types: literal block is a string");
    is_str(sprint(v), "42\nx\n", "types: literal block keeps newlines");
    is_str(sprint(get(m, "fold")), "a b", "types: folded block");
    is_str(sprint(get(m, "plain")), "hello world", "types: plain string");
    is_str(sprint(get(m, "url")), "http://example.com/a?b=c",
           "types: URL with ':' and '?' is a string");

    /* an integer too large for int64 does not wrap around */
    m = FRONT("---\nbig: 9223372036854775808\nhex: 0x10000000000000000\n"
              "---\n");
    v = get(m, "big");
    ok(v != NULL && !(v->type == PAGE_INT && v->u.i < 0),
       "types: 2^63 does not wrap to a negative int");
    v = get(m, "hex");
    ok(v != NULL && v->type != PAGE_INT, "types: 2^64 in hex is no int");
}


static void
test_structure(void)
{
    page_value_t  *m;

    m = FRONT("---\n"
              "Title: Hello\n"
              "Params:\n"
              "  MyKey: 1\n"
              "  Inner: {DeepKey: [x, {LastKey: y}]}\n"
              "Items:\n"
              "  - Name: a\n"
              "  - Name: b\n"
              "\"Quoted Key\": q\n"
              "123: number key\n"
              "Tags: [One, Two]\n"
              "---\n");
    ok(is_type(m, PAGE_MAP), "keys: parsed");
    is_str(sprint(m), "map[123:number key items:[map[name:a] map[name:b]] "
                      "params:map[inner:map[deepkey:[x map[lastkey:y]]] "
                      "mykey:1] quoted key:q tags:[One Two] title:Hello]",
           "keys: lower-cased at every level, values untouched");
    ok(get(m, "Title") == NULL, "keys: the original case is gone");
    ok(page_map_get_ci(m, "TITLE", 5) != NULL, "keys: get_ci finds them");
    is_int(m->u.map.items[0].key.len, 5, "keys: insertion order kept");

    /*
     * A key twice in one mapping: current Hugo's YAML library refuses it
     * ("mapping key "title" already defined"; hugo 0.111.3 kept the last,
     * v0.152.0 changed that), at the second key, naming the first.
     */
    m = FRONT("---\ntitle: a\ntitle: b\n---\n");
    ok(m == NULL, "dup: title twice is refused");
    is_str(err.msg, PATH ":3:1: mapping key \"title\" already defined at "
           "2:1", "dup: file:line:col of the second, position of the first");
    FRONT("---\np:\n  x: 1\n  y: [1, {a: 1, a: 2}]\n---\n");
    err_starts(PATH ":4:17: mapping key \"a\" already defined at 4:11",
               "dup: in a flow mapping nested in a block mapping");
    FRONT("---\nlist:\n  - a: 1\n    b: 2\n    a: 3\n---\n");
    err_starts(PATH ":5:5: mapping key \"a\" already defined at 3:5",
               "dup: in a mapping in a list");
    FRONT("---\nTitle: a\ntitle: b\nTitle: c\n---\n");
    err_starts(PATH ":4:1: mapping key \"Title\" already defined at 2:1",
               "dup: the same spelling again after another one");
    m = FRONT("---\na: 1\nb:\n  a: 2\n---\n");
    is_str(sprint(m), "map[a:1 b:map[a:2]]",
           "dup: the same key in two mappings is fine");

    /*
     * Spellings that differ in case are different YAML keys; Hugo then
     * lower-cases them and the spelling with capitals wins, in either
     * order (hugo 0.111.3)
     */
    m = FRONT("---\nTitle: a\ntitle: b\nfoo: 2\nFoo: 1\np:\n  x: 2\n"
              "  X: 1\n---\n");
    is_str(sprint(m), "map[foo:1 p:map[x:1] title:a]",
           "case: Title over title, Foo over foo, X over x");
    if (m != NULL) {
        is_int(m->u.map.n, 3, "case: one key each");
        is_bytes(m->u.map.items[0].key.data, m->u.map.items[0].key.len,
                 "title", "case: in the order first written");
    }

    /* anchors without aliases are harmless */
    m = FRONT("---\na: &x 1\nb: &y [1, 2]\n---\n");
    ok(is_type(m, PAGE_MAP), "anchor: an anchor alone is accepted");
    is_str(sprint(m), "map[a:1 b:[1 2]]", "anchor: values");

    /* empty front matter */
    m = FRONT("---\n---\nbody\n");
    ok(is_type(m, PAGE_MAP) && m->u.map.n == 0,
       "empty: --- --- is an empty map");
    m = FRONT("---\n# just a comment\n\n---\n");
    ok(is_type(m, PAGE_MAP) && m->u.map.n == 0,
       "empty: comments only is an empty map");
    m = FRONT("---\n~\n---\n");
    ok(is_type(m, PAGE_MAP) && m->u.map.n == 0,
       "empty: a null document is an empty map");
    m = FRONT("---\n{}\n---\n");
    ok(is_type(m, PAGE_MAP) && m->u.map.n == 0, "empty: {} is an empty map");
    m = FRONT("---\n\xEF\xBB\xBF\n---\n");
    ok(is_type(m, PAGE_MAP), "empty: a BOM inside the front matter");

    /* flow mapping as the whole front matter */
    m = FRONT("---\n{title: Flow, n: 1}\n---\n");
    is_str(sprint(m), "map[n:1 title:Flow]", "flow mapping front matter");
}


static void
test_errors(void)
{
    page_value_t  *m;

    /* invalid YAML: positions count from the top of the file */
    m = FRONT("---\ntitle: ok\nkey: value: other\n---\nbody\n");
    ok(m == NULL, "invalid: mapping value in a plain scalar fails");
    is_int(err.status, PAGE_ERR_CONTENT, "invalid: a content error");
    err_starts(PATH ":3:11: ", "invalid: error at 3:11 (the second ':')");
    err_has("invalid YAML", "invalid: says invalid YAML");
    err_has("mapping values are not allowed",
            "invalid: carries libyaml's reason");

    m = FRONT("\xEF\xBB\xBF---\r\ntitle: ok\r\nkey: value: other\r\n---\r\n");
    ok(m == NULL, "invalid: with BOM and CRLF");
    err_starts(PATH ":3:11: ", "invalid: BOM and CRLF do not move lines");

    m = FRONT("---\na: 1\nb:\n\tc: 2\n---\n");
    ok(m == NULL, "invalid: tab indentation");
    err_starts(PATH ":4:", "invalid: tab error on line 4");

    m = FRONT("---\na: [1, 2\nb: 3\n---\n");
    ok(m == NULL, "invalid: unclosed flow sequence");
    ok(err.line >= 2 && err.line <= 4,
       "invalid: unclosed [ reported inside the front matter");

    m = FRONT("---\na: \"unterminated\n---\n");
    ok(m == NULL, "invalid: unterminated quoted string");

    m = FRONT("---\ntitle: \xff\xfe\n---\n");
    ok(m == NULL, "invalid: invalid UTF-8 in YAML fails");
    is_int(err.status, PAGE_ERR_CONTENT, "invalid UTF-8: content error");
    err_starts(PATH ":2:", "invalid UTF-8: reported on its line (2)");

    m = FRONT("---\na: 1\nb: x\x01y\n---\n");
    ok(m == NULL, "invalid: control character fails");
    err_starts(PATH ":3:", "control character: reported on its line (3)");

    {
        static const char  src[] = "---\na: 1\nt: a\0b\n---\n";

        m = front(src, sizeof(src) - 1);
        ok(m == NULL, "invalid: NUL byte in YAML fails");
        err_starts(PATH ":3:", "NUL byte: reported on its line (3)");
    }

    /* front matter that is not a mapping */
    m = FRONT("---\n- a\n- b\n---\n");
    ok(m == NULL, "not a map: a list fails");
    err_starts(PATH ":2:1: ", "not a map: list error at 2:1");
    err_has("mapping", "not a map: says a mapping is expected");

    m = FRONT("---\njust text\n---\n");
    ok(m == NULL, "not a map: a scalar fails");
    err_starts(PATH ":2:1: ", "not a map: scalar error at 2:1");

    m = FRONT("---\n42\n---\n");
    ok(m == NULL, "not a map: a number fails");

    /* keys must be scalars */
    m = FRONT("---\n? [a, b]\n: 1\n---\n");
    ok(m == NULL, "key: a list as a key fails");
    err_starts(PATH ":2:3: ", "key: error at the key (2:3)");
    err_has("keys", "key: says keys must be scalars");

    /* aliases */
    m = FRONT("---\na: &x 1\nb: *x\n---\n");
    ok(m == NULL, "alias: refused");
    is_int(err.status, PAGE_ERR_CONTENT, "alias: content error");
    err_starts(PATH ":3:4: ", "alias: error names the alias at 3:4");
    err_has("alias", "alias: says aliases are not allowed");

    m = FRONT("---\n&k key: 1\n*k : 2\n---\n");
    ok(m == NULL, "alias: an alias as a key is refused");
    err_starts(PATH ":3:1: ", "alias: key alias at 3:1");
    err_has("alias", "alias: key alias message");

    m = FRONT("---\na: &x [1]\nb:\n  - *x\n---\n");
    ok(m == NULL, "alias: inside a block list");
    err_starts(PATH ":4:5: ", "alias: in a list at 4:5");

    m = FRONT("---\nbase: &b {x: 1}\nother:\n  <<: *b\n---\n");
    ok(m == NULL, "alias: merge keys (<<: *b) are aliases too");
    err_starts(PATH ":4:7: ", "alias: merge key alias at 4:7");
}


/*
 * JSON front matter, as hugo 0.111.3 reads it (each expectation below
 * was checked against it): an object at the start of the file (after a
 * BOM and blank space) up to its matching "}", keys lower-cased, numbers
 * float64, the last of a key written twice, Go's escapes; what follows
 * the "}" on its line is body.  Errors carry Go's JSON decoder's words
 * (Hugo puts every one at 1:1; we give the position).
 */
static void
test_json(void)
{
    int            rc;
    page_front_t   fm;
    page_value_t  *m, *v;
    const char    *s;

    s = "{\"title\": \"J\\u00e9 \\ud83d\\ude00\", \"n\": 5, "
        "\"big\": 12345678901234567890, \"Tags\": [\"a\", \"b\"], "
        "\"nested\": {\"Key\": 1.5, \"T\": true, \"F\": false, \"N\": null}}"
        " rest of line\nbody *x*\n";
    page_error_init(&err);
    rc = page_front_split(s, strlen(s), PATH, &fm, &err);
    ok(rc == 0 && fm.json && fm.front == s && fm.front_line == 1,
       "json: split at the first {");
    is_bytes(fm.body, fm.body_len, " rest of line\nbody *x*\n",
             "json: the rest of the closing line is body");
    is_int(fm.body_line, 1, "json: body starts on the line of the }");

    m = front(s, strlen(s));
    is_str(sprint(m), "map[big:1.2345678901234567e+19 n:5 nested:map[f:false "
           "key:1.5 n:<nil> t:true] tags:[a b] title:J\xc3\xa9 "
           "\xf0\x9f\x98\x80]",
           "json: values as Hugo has them, keys lower-cased");
    v = get(m, "n");
    ok(is_type(v, PAGE_FLOAT) && v->u.f == 5.0,
       "json: 5 is a float64, as Go decodes JSON");

    m = FRONT("{\"title\": \"a\", \"title\": \"b\", \"Foo\": 1, \"foo\": 2,"
              " \"x\": [1, {\"y\": 1, \"y\": 2}]}\nbody\n");
    is_str(sprint(m), "map[foo:1 title:b x:[1 map[y:2]]]",
           "json: a key twice keeps the last; Foo over foo");

    m = FRONT("{\"t\": \"\\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t\", "
              "\"lone\": \"\\ud83d\", \"low\": \"x\\ude00y\", "
              "\"nul\": \"a\\u0000b\", \"tiny\": 1e-400, \"neg\": -0.5E+2}"
              "\n");
    v = get(m, "t");
    is_bytes(v ? v->u.s.data : NULL, v ? v->u.s.len : 0,
             "\"q\" \\ / \b\f\n\r\t", "json: Go's escapes");
    is_str(sprint(get(m, "lone")), "\xef\xbf\xbd",
           "json: a lone high surrogate is U+FFFD, as in Go");
    is_str(sprint(get(m, "low")), "x\xef\xbf\xbdy",
           "json: a lone low surrogate too");
    v = get(m, "nul");
    ok(v != NULL && v->u.s.len == 3 && memcmp(v->u.s.data, "a\0b", 3) == 0,
       "json: \\u0000 is a NUL in the string");
    is_str(sprint(get(m, "tiny")), "0", "json: 1e-400 is 0, as in Go");
    is_str(sprint(get(m, "neg")), "-50", "json: -0.5E+2");

    /* where it starts and ends */
    s = "\xEF\xBB\xBF\n\n \t{\"title\": \"brace } in \\\"string\\\" {\"}\r\n"
        "\r\nbody\n";
    page_error_init(&err);
    rc = page_front_split(s, strlen(s), PATH, &fm, &err);
    ok(rc == 0 && fm.json && fm.front_line == 3 && fm.front_col == 3,
       "json: after a BOM and blank lines, at line 3 column 3");
    is_bytes(fm.body, fm.body_len, "\r\nbody\n",
             "json: braces in strings do not count; one CRLF dropped");
    is_int(fm.body_line, 4, "json: body line after the dropped CRLF");
    m = front(s, strlen(s));
    is_str(sprint(get(m, "title")), "brace } in \"string\" {",
           "json: the title with braces and quotes");

    m = FRONT("{}\nbody\n");
    ok(is_type(m, PAGE_MAP) && m->u.map.n == 0, "json: {} is empty");
    m = FRONT("{\n  \"a\" : 1 ,\n\t\"b\":[ true , false,null ] }");
    is_str(sprint(m), "map[a:1 b:[true false <nil>]]",
           "json: white space of every kind, over lines, no body");

    s = "{{< shortcode >}}\nbody\n";
    rc = page_front_split(s, strlen(s), PATH, &fm, &err);
    ok(rc == 0 && fm.front == NULL && fm.body == s,
       "json: a body starting with {{ has no front matter (Hugo refuses "
       "it as bad JSON)");

    /* errors */
    s = "\n {\"title\": \"x\"";
    page_error_init(&err);
    ok(page_front_split(s, strlen(s), PATH, &fm, &err) == -1,
       "json: never closed");
    err_starts(PATH ":2:2: JSON front matter opened with \"{\" is never "
               "closed", "json: ... at its {");

#define JSON_ERR(src, want, name)                                           \
    do {                                                                    \
        ok(FRONT(src) == NULL, name);                                       \
        is_str(err.msg, PATH want, name ": message");                       \
    } while (0)

    JSON_ERR("{\"title\": \"tab\tin\"}\n", ":1:15: invalid JSON front "
             "matter: invalid character '\\t' in string literal",
             "json: a raw tab in a string");
    JSON_ERR("{\"t\": \"a\nb\"}\n", ":1:9: invalid JSON front matter: "
             "invalid character '\\n' in string literal",
             "json: a line break in a string");
    JSON_ERR("{\"t\": \"\\x41\"}\n", ":1:9: invalid JSON front matter: "
             "invalid character 'x' in string escape code",
             "json: an escape YAML has and JSON not");
    JSON_ERR("{\"t\": \"\\u00g1\"}\n", ":1:12: invalid JSON front matter: "
             "invalid character 'g' in \\u hexadecimal character escape",
             "json: a bad \\u escape");
    JSON_ERR("{\"title\": \"x\", }\n", ":1:16: invalid JSON front matter: "
             "invalid character '}' looking for beginning of object key "
             "string", "json: a trailing comma in an object");
    JSON_ERR("{\"a\": 1,\n  \"b\": [1,]}\n", ":2:11: invalid JSON front "
             "matter: invalid character ']' looking for beginning of value",
             "json: a trailing comma in a list, line 2");
    JSON_ERR("{\"title\": \"x\" \"b\": 1}\n", ":1:15: invalid JSON front "
             "matter: invalid character '\"' after object key:value pair",
             "json: a missing comma");
    JSON_ERR("{'title': 'x'}\n", ":1:2: invalid JSON front matter: invalid "
             "character ''' looking for beginning of object key string",
             "json: single quotes");
    JSON_ERR("{title: \"x\"}\n", ":1:2: invalid JSON front matter: invalid "
             "character 't' looking for beginning of object key string",
             "json: a key without quotes");
    JSON_ERR("{\"t\": \"x\" # c\n}\n", ":1:11: invalid JSON front matter: "
             "invalid character '#' after object key:value pair",
             "json: a YAML comment");
    JSON_ERR("{\"a\": [\"x\": 1]}\n", ":1:11: invalid JSON front matter: "
             "invalid character ':' after array element",
             "json: YAML's single-pair mapping in a list");
    JSON_ERR("{\"a\"}\n", ":1:5: invalid JSON front matter: invalid "
             "character '}' after object key", "json: a key alone");
    JSON_ERR("{\"a\": }\n", ":1:7: invalid JSON front matter: invalid "
             "character '}' looking for beginning of value",
             "json: a key without a value");
    JSON_ERR("{\"a\": &x 1}\n", ":1:7: invalid JSON front matter: invalid "
             "character '&' looking for beginning of value",
             "json: a YAML anchor");
    JSON_ERR("{\"a\": \xc3\xa9}\n", ":1:7: invalid JSON front matter: "
             "invalid character '\xc3\xa9' looking for beginning of value",
             "json: a bare non-ASCII character, whole");
    JSON_ERR("{\"a\": 1e400}\n", ":1:7: invalid JSON front matter: number "
             "1e400 does not fit a float64", "json: a number too large");
    JSON_ERR("{\"a\": 01}\n", ":1:7: invalid JSON front matter: 01 is not "
             "a JSON value (strings need double quotes)",
             "json: a leading zero");
    JSON_ERR("{\"a\": tru}\n", ":1:7: invalid JSON front matter: tru is "
             "not a JSON value (strings need double quotes)",
             "json: a word that is not true");

#undef JSON_ERR
}


static void
test_billion_laughs(void)
{
    clock_t        start;
    double         secs;
    page_value_t  *m;

    static const char  lol[] =
        "---\n"
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\","
        "\"lol\",\"lol\"]\n"
        "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
        "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
        "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
        "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
        "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
        "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
        "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
        "---\n"
        "{{ .Params.i }}\n";

    start = clock();
    m = front(lol, sizeof(lol) - 1);
    secs = (double) (clock() - start) / CLOCKS_PER_SEC;

    ok(m == NULL, "billion laughs: refused");
    is_int(err.status, PAGE_ERR_CONTENT, "billion laughs: content error");
    err_starts(PATH ":3:8: ", "billion laughs: names the first alias, 3:8");
    err_has("alias", "billion laughs: says aliases");
    ok(secs < 0.5, "billion laughs: fails fast (under 0.5 s CPU)");
    ok(arena.total < 8 * 1024 * 1024, "billion laughs: little memory");
}


static void
test_limits(void)
{
    size_t         i, n, len;
    char          *s;
    page_value_t  *m;

    /* nesting bomb: 10000 '[' */
    n = 10000;
    s = malloc(n + 64);
    len = 0;
    memcpy(s, "---\nx: ", 7);
    len = 7;
    memset(s + len, '[', n);
    len += n;
    memcpy(s + len, "\n---\n", 5);
    len += 5;

    m = front(s, len);
    ok(m == NULL, "nesting bomb: refused");
    is_int(err.status, PAGE_ERR_LIMIT, "nesting bomb: a limit error");
    err_has("deeper than 64", "nesting bomb: names the depth limit");
    /* the root map is level 1: the 64th '[' (column 3 + 64) is level 65 */
    err_starts(PATH ":2:67: ", "nesting bomb: error at the '[' past the "
                               "limit");

    /* 64 levels (the root map and 63 lists) are fine */
    len = 7;
    memset(s + len, '[', 63);
    len += 63;
    memset(s + len, ']', 63);
    len += 63;
    memcpy(s + len, "\n---\n", 5);
    len += 5;
    m = front(s, len);
    ok(is_type(m, PAGE_MAP), "nesting: 64 levels are accepted");

    len = 7;
    memset(s + len, '[', 64);
    len += 64;
    memset(s + len, ']', 64);
    len += 64;
    memcpy(s + len, "\n---\n", 5);
    len += 5;
    m = front(s, len);
    ok(m == NULL && err.status == PAGE_ERR_LIMIT,
       "nesting: 65 levels are refused");

    /* nested block mappings count too */
    free(s);
    s = malloc(200 * 140 + 64);
    memcpy(s, "---\n", 4);
    len = 4;
    for (i = 0; i < 70; i++) {
        memset(s + len, ' ', i);
        len += i;
        len += sprintf(s + len, "k%u:\n", (unsigned) i);
    }
    memcpy(s + len, "---\n", 4);
    len += 4;
    m = front(s, len);
    ok(m == NULL && err.status == PAGE_ERR_LIMIT,
       "nesting: 70 nested block mappings are refused");
    free(s);

    /* event limit: a flow list of 100001 one-digit items (~200 KB) */
    n = 100001;
    s = malloc(2 * n + 64);
    memcpy(s, "---\nx: [", 8);
    len = 8;
    for (i = 0; i < n; i++) {
        s[len++] = '1';
        s[len++] = ',';
    }
    memcpy(s + len, "1]\n---\n", 7);
    len += 7;

    ok(len - 8 < PAGE_FRONT_MAX_SIZE, "events: the test is under the size "
                                      "limit");
    m = front(s, len);
    ok(m == NULL, "events: more than 100000 events refused");
    is_int(err.status, PAGE_ERR_LIMIT, "events: a limit error");
    err_has("more than 100000", "events: names the event limit");
    err_starts(PATH ":2:", "events: error on the list's line");

    /* just under the limit: stream, document, map, key, list + items */
    n = 99000;
    len = 8;
    for (i = 0; i < n; i++) {
        s[len++] = '1';
        s[len++] = ',';
    }
    memcpy(s + len, "1]\n---\n", 7);
    len += 7;
    m = front(s, len);
    ok(is_type(m, PAGE_MAP), "events: 99001 items are accepted");
    if (m != NULL) {
        is_int(get(m, "x")->u.list.n, 99001, "events: every item kept");
    }
    free(s);

    /* size limit */
    n = PAGE_FRONT_MAX_SIZE + 1024;
    s = malloc(n + 64);
    memcpy(s, "---\n", 4);
    len = 4;
    while (len < n) {
        len += sprintf(s + len, "# a comment line to fill space\n");
    }
    memcpy(s + len, "---\nbody\n", 9);
    len += 9;
    m = front(s, len);
    ok(m == NULL, "size: front matter over the limit is refused");
    is_int(err.status, PAGE_ERR_LIMIT, "size: a limit error");
    err_starts(PATH ":1:1: ", "size: error at the opener");
    err_has("larger than", "size: says it is too large");

    /* the same without a closer: the limit, not a scan to the end */
    len -= 9;
    m = front(s, len);
    ok(m == NULL && err.status == PAGE_ERR_LIMIT,
       "size: unterminated and huge is a limit error");

    /* one long line over the limit, then a closer */
    memcpy(s, "---\nk: ", 7);
    memset(s + 7, 'x', n - 7);
    memcpy(s + n, "\n---\n", 5);
    m = front(s, n + 5);
    ok(m == NULL && err.status == PAGE_ERR_LIMIT,
       "size: one huge line is a limit error");

    /* under the limit is fine */
    len = 4;
    while (len < PAGE_FRONT_MAX_SIZE - 1024) {
        len += sprintf(s + len, "# a comment line to fill space\n");
    }
    len += sprintf(s + len, "title: big\n---\nbody\n");
    m = front(s, len);
    ok(is_type(m, PAGE_MAP), "size: just under the limit is accepted");
    is_str(sprint(get(m, "title")), "big", "size: value after the "
                                           "comments");
    free(s);
}


int
main(void)
{
    page_arena_init(&arena, 0);

    test_split();
    test_types();
    test_structure();
    test_errors();
    test_json();

    page_arena_free(&arena);
    page_arena_init(&arena, 0);
    test_billion_laughs();

    test_limits();

    page_arena_free(&arena);

    return done_testing();
}
