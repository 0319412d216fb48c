/*
 * fn_case.h: table-driven tests of template functions.  A case is a
 * template text, optional data for dot (YAML, as front matter gives it:
 * keys lower-cased), and either the output hugo printed for it or a
 * piece of the error hugo failed with.  Templates are parsed and run by
 * the engine as test_tpl.c does (page_tpl_set_new, page_tpl_set_add,
 * page_tpl_set_check, page_tpl_execute) with Hugo's whole function set,
 * in html/template mode unless the case says text.  What warnf and its
 * kin log is kept, so a case can expect a warning too.
 *
 *   static const fn_case_t  cases[] = {
 *       { "{{ math.Sqrt 16 }}", NULL, "4", NULL, NULL, 0 },
 *       { "{{ math.Sqrt \"x\" }}", NULL, NULL, "unable to cast", NULL, 0 },
 *   };
 *   fn_cases_run("math", cases, FN_NCASES(cases));
 */

#ifndef FN_CASE_H
#define FN_CASE_H

#include <stdio.h>
#include <string.h>

#include "page_arena.h"
#include "page_buf.h"
#include "page_error.h"
#include "page_front.h"
#include "page_tpl.h"
#include "tap.h"

/* fn_case_t.flags */
#define FN_TEXT  1                  /* text/template: no escaping */

typedef struct {
    const char  *tpl;       /* the template text */
    const char  *data;      /* YAML front matter (.Params), or NULL */
    const char  *want;      /* hugo's output; NULL when it fails */
    const char  *err;       /* a piece of hugo's error, when it fails */
    const char  *warn;      /* a piece of a logged warning, or NULL */
    unsigned     flags;
} fn_case_t;

#define FN_NCASES(a)  (sizeof(a) / sizeof((a)[0]))

/* Most output and warning text a case keeps. */
#define FN_CASE_MAX_OUTPUT  (1024 * 1024)

static char  fn_case_warned[4096];


static void
fn_case_warn(void *ctx, const char *msg, size_t len)
{
    size_t  n;

    (void) ctx;
    n = strlen(fn_case_warned);
    snprintf(fn_case_warned + n, sizeof(fn_case_warned) - n, "%.*s\n",
             (int) len, msg);
}


/* A test name on one TAP line: the prefix and the template, no '#'. */
static const char *
fn_case_name(const char *prefix, const char *what, const char *tpl)
{
    static char  buf[300];
    size_t       n;

    n = (size_t) snprintf(buf, sizeof(buf) - 4, "%s: %s", prefix, what);
    if (n >= sizeof(buf) - 4) {
        n = sizeof(buf) - 5;
    }
    for (; *tpl && n + 3 < sizeof(buf); tpl++) {
        if (*tpl == '\n') {
            buf[n++] = '\\';
            buf[n++] = 'n';
        } else if (*tpl != '#' && *tpl != '\r') {
            buf[n++] = *tpl;
        }
    }
    buf[n] = '\0';
    return buf;
}


/* Run one template; 0 with the output in out, -1 with the error in err. */
static int
fn_case_render(page_arena_t *a, const fn_case_t *c, page_buf_t *out,
    page_error_t *err)
{
    page_tpl_set_t  *set;
    page_tpl_env_t   env;
    page_front_t     fm;
    page_value_t    *dot, *params;

    set = page_tpl_set_new(a, !(c->flags & FN_TEXT));
    if (set == NULL) {
        snprintf(err->msg, sizeof(err->msg), "no set");
        return -1;
    }

    if (page_tpl_set_add(set, "t.html", "t.html", c->tpl, strlen(c->tpl),
                         err) != 0
        || page_tpl_set_check(set, err) != 0)
    {
        return -1;
    }

    dot = NULL;
    if (c->data != NULL) {
        memset(&fm, 0, sizeof(fm));
        fm.front = c->data;
        fm.front_len = strlen(c->data);
        fm.front_line = 1;
        fm.front_col = 1;
        dot = page_value_map(a);
        if (dot == NULL
            || page_front_parse(a, &fm, "data.yaml", &params, err) != 0
            || page_map_set(a, dot, "Params", 6, params) != 0)
        {
            return -1;
        }
    }

    page_tpl_env_init(&env, a);
    env.base_url = "https://example.org/";
    env.warn = fn_case_warn;
    page_buf_init(out, a, FN_CASE_MAX_OUTPUT);

    return page_tpl_execute(set, "t.html", dot, &env, out, err);
}


static void
fn_case_run(const char *prefix, const fn_case_t *c)
{
    int            rc;
    const char    *got;
    page_buf_t     out;
    page_arena_t   a;
    page_error_t   err;

    page_arena_init(&a, 0);
    page_error_init(&err);
    fn_case_warned[0] = '\0';

    rc = fn_case_render(&a, c, &out, &err);
    got = rc == 0 ? (out.len ? page_buf_cstr(&out) : "") : NULL;

    if (c->want != NULL) {
        if (rc != 0) {
            printf("# error: %s\n", err.msg);
        }
        is_str(got, c->want, fn_case_name(prefix, "", c->tpl));

    } else {
        if (rc == 0) {
            printf("# output: %s\n", got);
        } else if (c->err != NULL && strstr(err.msg, c->err) == NULL) {
            printf("# error: %s\n# expected a piece: %s\n", err.msg, c->err);
        }
        ok(rc != 0 && (c->err == NULL || strstr(err.msg, c->err) != NULL),
           fn_case_name(prefix, "fails: ", c->tpl));
    }

    if (c->warn != NULL) {
        if (strstr(fn_case_warned, c->warn) == NULL) {
            printf("# warned: %s\n", fn_case_warned);
        }
        ok(strstr(fn_case_warned, c->warn) != NULL,
           fn_case_name(prefix, "warns: ", c->tpl));
    }

    page_arena_free(&a);
}


static void
fn_cases_run(const char *prefix, const fn_case_t *cases, size_t n)
{
    size_t  i;

    for (i = 0; i < n; i++) {
        fn_case_run(prefix, &cases[i]);
    }
}

#endif /* FN_CASE_H */
