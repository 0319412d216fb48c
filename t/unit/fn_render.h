/*
 * fn_render.h: a page rendered with a layout made for the case, for the
 * unit tests of template functions (test_fn_os.c, test_fn_transform.c,
 * test_fn_urls.c).  fn_render(tpl) runs tpl as the page's layout and
 * gives the output, or the error message on failure; fn_opt holds the
 * options a test may set first (root, workdir, base_url).
 */

#ifndef FN_RENDER_H
#define FN_RENDER_H

#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "page.h"
#include "page_data.h"
#include "page_templates.h"

static page_options_t   fn_opt;
static page_result_t    fn_res;
static page_arena_t     fn_conf;
static int              fn_rendered;
static int              fn_rc;
/* The page rendered: its front matter and body (a TOML page by default). */
static const char      *fn_src = "---\ntitle: A\n---\nbody\n";


static void
fn_reset(void)
{
    if (fn_rendered) {
        page_result_free(&fn_res);
        page_arena_free(&fn_conf);
        fn_rendered = 0;
    }
}


static const char *
fn_render(const char *tpl)
{
    page_error_t           err;
    page_options_t         opt;
    page_templates_t      *t;
    page_template_file_t   files[1];
    static char            msg[sizeof(err.msg) + 16];

    fn_reset();
    page_arena_init(&fn_conf, 0);
    page_error_init(&err);

    files[0].path = "_default/single.html";
    files[0].text = tpl;
    files[0].len = strlen(tpl);

    t = page_templates_new(&fn_conf, page_data_funcs, page_data_nfuncs);
    if (t == NULL || page_templates_add_files(t, "(test)", files, 1, &err)
                     != 0
        || page_templates_compile(t, &err) != 0)
    {
        snprintf(msg, sizeof(msg), "compile: %s", err.msg);
        page_arena_free(&fn_conf);
        fn_rc = -1;
        return msg;
    }

    opt = fn_opt;
    opt.path = "/srv/site/a.md";
    opt.templates = t;
    if (opt.base_url == NULL) {
        opt.base_url = "https://example.org/";
    }
    opt.base_url_len = strlen(opt.base_url);

    fn_rc = page_render(fn_src, strlen(fn_src), &opt, &fn_res);
    fn_rendered = 1;

    return fn_rc == PAGE_OK ? fn_res.data : fn_res.error.msg;
}


/* The output of tpl is want. */
#define OUT(tpl, want, name)  is_str(fn_render(tpl), want, name)


/* The render fails with one line holding want. */
static void
fn_fails(const char *tpl, const char *want, const char *name)
{
    const char  *msg;

    msg = fn_render(tpl);

    if (!ok(fn_rc != PAGE_OK && strstr(msg, want) != NULL
            && strchr(msg, '\n') == NULL, name))
    {
        printf("#   wanted an error with: '%s'\n#   got (rc %d): '%s'\n",
               want, fn_rc, msg);
    }
}

#define FAILS(tpl, want, name)  fn_fails(tpl, want, name)

#endif /* FN_RENDER_H */
