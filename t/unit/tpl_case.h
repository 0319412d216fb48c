/*
 * tpl_case.h: the template functions' line tests (test_fn_collections.c,
 * test_fn_lang.c, test_fn_time.c): T(tpl, want) runs tpl as an HTML
 * template with Hugo's whole function set and compares its output;
 * TERR(tpl, want) expects the run to fail with an error holding want.
 */

#ifndef TPL_CASE_H
#define TPL_CASE_H

#include <stdio.h>
#include <string.h>

#include "page_fn.h"
#include "page_tpl.h"
#include "tap.h"

static page_arena_t   conf, req;
static char           result[8192];


/* Run tpl as an HTML template (as Hugo's layouts are); "ERR: msg". */
static const char *
render(const char *tpl)
{
    page_tpl_set_t  *set;
    page_tpl_env_t   env;
    page_buf_t       out;
    page_error_t     err;

    page_arena_free(&conf);
    page_arena_init(&conf, 0);
    page_arena_free(&req);
    page_arena_init(&req, 0);
    page_error_init(&err);

    set = page_tpl_set_new(&conf, 1);
    if (set == NULL
        || page_tpl_set_add(set, "t.html", "t.html", tpl, strlen(tpl), &err)
           != 0
        || page_tpl_set_check(set, &err) != 0)
    {
        goto fail;
    }

    page_tpl_env_init(&env, &req);
    env.method = page_fn_env_method;
    page_buf_init(&out, &req, 1024 * 1024);

    if (page_tpl_execute(set, "t.html", NULL, &env, &out, &err) != 0) {
        goto fail;
    }

    snprintf(result, sizeof(result), "%.*s", (int) out.len,
             out.data ? out.data : "");
    return result;

fail:

    snprintf(result, sizeof(result), "ERR: %s", err.msg);
    return result;
}


/* A test name on one TAP line: no '#', newlines as \n. */
static const char *
name_of(const char *prefix, const char *tpl)
{
    static char  buf[512];
    size_t       n;

    n = 0;
    for (; *prefix && n + 1 < sizeof(buf); prefix++) {
        buf[n++] = *prefix;
    }
    for (; *tpl && n + 3 < sizeof(buf); tpl++) {
        if (*tpl == '\n') {
            buf[n++] = '\\';
            buf[n++] = 'n';
        } else if (*tpl != '#') {
            buf[n++] = *tpl;
        }
    }
    buf[n] = '\0';

    return buf;
}


static void
check(const char *got, const char *want, const char *name)
{
    is_str(got, want, name);
}


static int
fails_with(const char *tpl, const char *want)
{
    if (strncmp(render(tpl), "ERR: ", 5) == 0 && strstr(result, want)) {
        return 1;
    }
    printf("# got: %s\n", result);
    return 0;
}


#define T(tpl, want)     check(render(tpl), want, name_of("", tpl))
#define TERR(tpl, want)  ok(fails_with(tpl, want), name_of("error: ", tpl))

#endif /* TPL_CASE_H */
