/*
 * fuzz_tpl: libFuzzer target for the template engine.  The input is
 * parsed as one template (first byte: 0 plain text, else HTML escaping)
 * and, when it parses, executed against a small fixed data map with an
 * output limit.  Build:
 *   clang -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
 *       -Isrc fuzz/fuzz_tpl.c \
 *       src/page_arena.c src/page_buf.c src/page_value.c src/page_time.c \
 *       src/page_error.c src/page_tpl*.c -lm -o fuzz_tpl
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "page_tpl.h"

/* Small limits keep each run fast: the fuzzer looks for crashes. */
#define FUZZ_MAX_OUTPUT  (64 * 1024)
#define FUZZ_MAX_MEMORY  (64 * 1024 * 1024)


static void
fuzz_set(page_arena_t *a, page_value_t *m, const char *k, page_value_t *v)
{
    if (v != NULL) {
        page_map_set(a, m, k, strlen(k), v);
    }
}


static page_value_t *
fuzz_data(page_arena_t *a)
{
    page_value_t  *d, *p, *l;
    page_time_t    t;

    d = page_value_map(a);
    p = page_value_map(a);
    l = page_value_list(a);
    if (d == NULL || p == NULL || l == NULL) {
        return NULL;
    }

    fuzz_set(a, d, "Title", page_value_string(a, "T <&> \"'", 9));
    fuzz_set(a, d, "Content", page_value_html(a, "<p>c</p>", 8));
    fuzz_set(a, d, "N", page_value_int(a, 3));
    fuzz_set(a, d, "F", page_value_float(a, 2.5));
    fuzz_set(a, d, "B", page_value_bool(a, 1));
    fuzz_set(a, p, "x", page_value_string(a, "javascript:y", 12));
    fuzz_set(a, p, "n", page_value_int(a, -7));
    fuzz_set(a, d, "Params", p);
    page_list_push(a, l, page_value_string(a, "a", 1));
    page_list_push(a, l, page_value_int(a, 2));
    page_list_push(a, l, p);
    fuzz_set(a, d, "L", l);
    if (page_time_parse("2024-02-29T12:30:00Z", 20, &t) == 0) {
        fuzz_set(a, d, "Date", page_value_time(a, &t));
    }

    return d;
}


/* partial NAME DOT, as the module's glue provides it. */
static int
fuzz_partial(page_tpl_state_t *st, page_value_t **args, size_t nargs,
    page_value_t **res)
{
    (void) nargs;

    if (args[0] == NULL || args[0]->type != PAGE_STRING) {
        return page_tpl_fail(st, "partial: name must be a string");
    }

    return page_tpl_call(st, args[0]->u.s.data, args[1], res);
}


static const page_tpl_func_t  fuzz_funcs[] = {
    { "partial", fuzz_partial, 2, 2 }
};


/* .Get on any map: a method with arguments, as shortcodes have. */
static int
fuzz_method(page_tpl_state_t *st, void *ctx, page_value_t *recv,
    const char *name, size_t len, page_value_t **args, size_t nargs,
    page_value_t **res)
{
    (void) st;
    (void) ctx;

    if (len != 3 || memcmp(name, "Get", 3) != 0 || recv->type != PAGE_MAP
        || nargs != 1 || args[0] == NULL || args[0]->type != PAGE_STRING)
    {
        return 1;
    }

    *res = page_map_get(recv, args[0]->u.s.data, args[0]->u.s.len);
    return 0;
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    page_arena_t     conf, req;
    page_tpl_set_t  *set;
    page_tpl_env_t   env;
    page_buf_t       out;
    page_error_t     err;
    int              html;

    if (size == 0) {
        return 0;
    }

    html = data[0] != 0;
    data++;
    size--;

    page_arena_init(&conf, FUZZ_MAX_MEMORY);
    page_arena_init(&req, FUZZ_MAX_MEMORY);
    page_error_init(&err);

    set = page_tpl_set_new(&conf, html);
    if (set == NULL
        || page_tpl_set_funcs(set, fuzz_funcs, 1) != 0
        || page_tpl_set_add(set, "f.html", "f.html", (const char *) data,
                            size, &err) != 0
        || page_tpl_set_check(set, &err) != 0)
    {
        goto done;
    }

    page_tpl_env_init(&env, &req);
    env.base_url = "https://example.org/sub/";
    env.max_output = FUZZ_MAX_OUTPUT;
    env.method = fuzz_method;
    env.overlay = (size & 1) ? "f.html" : NULL;
    page_buf_init(&out, &req, FUZZ_MAX_OUTPUT);

    (void) page_tpl_execute(set, "f.html", fuzz_data(&req), &env, &out,
                            &err);

done:

    page_arena_free(&req);
    page_arena_free(&conf);
    return 0;
}
