/*
 * test_site_pager: Hugo's pagination (.Paginator, .Paginate, the pager's
 * methods, the embedded _internal/pagination.html) on the fixture
 * t/site/pager rendered with its own layouts, pager by pager, as the
 * site handler renders them (page_options_t's pager).  The expected
 * <main> of each page is hugo 0.111.3's build of the fixture,
 * t/site/pager.hugo.txt (see t/42-site-pager.t); the expected output
 * of the other cases is hugo 0.111.3's build of a copy of the fixture
 * with the case's layout as layouts/index.html, said where current Hugo
 * differs.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "page.h"
#include "page_config.h"
#include "page_data.h"
#include "page_site_index.h"
#include "page_templates.h"

/* 2025-06-01T00:00:00Z: after every fixture date */
#define NOW  INT64_C(1748736000)

/* Longest hugo page (its <main>) read from pager.hugo.txt. */
#define MAX_MAIN  (64 * 1024)

static char           top[1024];
static page_arena_t   conf;
static page_config_t  cfg;
static page_site_t    site;

static int            sp_rc;
static int64_t        sp_pagers;
static char           sp_out[MAX_MAIN];


static char *
slurp(const char *path, size_t *len)
{
    FILE  *f;
    char  *buf;
    long   n;

    f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }

    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t) n + 1);
    if (buf == NULL || fread(buf, 1, (size_t) n, f) != (size_t) n) {
        free(buf);
        fclose(f);
        return NULL;
    }

    buf[n] = '\0';
    *len = (size_t) n;
    fclose(f);

    return buf;
}


/*
 * Render the page of URL path (a list page, or a page) at pager number
 * pager with templates t; its output (or error) in sp_out, its status
 * in sp_rc, res.pagers in sp_pagers.
 */
static void
sp_render(const page_templates_t *t, const char *path, int64_t pager)
{
    char               file[1400];
    char              *src;
    size_t             len;
    page_result_t      res;
    page_options_t     opt;
    page_site_page_t  *p;
    page_site_match_t  m;

    sp_rc = -1;
    sp_pagers = -1;
    snprintf(sp_out, sizeof(sp_out), "(%s not found)", path);

    if (page_site_lookup(&site, path, strlen(path), &m) != PAGE_SITE_HTML) {
        return;
    }

    p = m.page;
    src = NULL;
    len = 0;

    if (p->file != NULL) {
        snprintf(file, sizeof(file), "%s/t/site/pager/%s", top, p->file);
        src = slurp(file, &len);
    }

    page_options_init(&opt);
    opt.path = p->file ? file : p->path;
    opt.file = p->file ? p->file + 7 : p->path;      /* less "content" */
    opt.file_len = strlen(opt.file);
    opt.uri = p->path;
    opt.uri_len = strlen(p->path);
    opt.templates = t;
    opt.site_title = cfg.title;
    opt.site_title_len = strlen(cfg.title);
    opt.base_url = cfg.base_url;
    opt.base_url_len = strlen(cfg.base_url);
    /* as the handler: home is looked up as a home (index.html first) */
    opt.layout = p->kind == PAGE_KIND_PAGE ? "single"
                 : p->kind == PAGE_KIND_HOME ? NULL : "list";
    opt.layout_len = opt.layout ? strlen(opt.layout) : 0;
    opt.now = NOW;
    opt.site = &site;
    opt.site_page = p;
    opt.pager = pager;

    sp_rc = page_render(src ? src : "", len, &opt, &res);
    sp_pagers = res.pagers;
    snprintf(sp_out, sizeof(sp_out), "%s",
             sp_rc == PAGE_OK ? res.data : res.error.msg);

    page_result_free(&res);
    free(src);
}


static page_templates_t *
sp_templates(page_arena_t *a, const char *layout)
{
    char                   dir[1200];
    page_error_t           err;
    page_templates_t      *t;
    page_template_file_t   files[1];

    page_error_init(&err);
    snprintf(dir, sizeof(dir), "%s/t/site/pager/layouts", top);

    files[0].path = "index.html";
    files[0].text = layout;
    files[0].len = layout ? strlen(layout) : 0;

    t = page_templates_new(a, page_data_funcs, page_data_nfuncs);

    if (t == NULL
        || (layout == NULL && page_templates_add_dir(t, dir, &err) != 0)
        || (layout != NULL
            && page_templates_add_files(t, "(test)", files, 1, &err) != 0)
        || page_templates_add_files(t, "(built-in theme)", page_builtin_theme,
                                    page_builtin_theme_count, &err) != 0
        || page_templates_compile(t, &err) != 0)
    {
        printf("#   templates: %s\n", err.msg);
        return NULL;
    }

    return t;
}


/* Every page of hugo's build: the same <main>, and its pager count. */
static void
test_fixture(void)
{
    char               name[256], path[1400];
    char              *text, *line, *next, *main_, *end, *want;
    size_t             len;
    int64_t            pager;
    const char        *num;
    page_arena_t       ta;
    page_templates_t  *t;

    snprintf(path, sizeof(path), "%s/t/site/pager.hugo.txt", top);
    text = slurp(path, &len);
    page_arena_init(&ta, 0);
    t = sp_templates(&ta, NULL);

    if (!ok(text != NULL && t != NULL, "the fixture's layouts and hugo's "
                                       "pages")) {
        free(text);
        page_arena_free(&ta);
        return;
    }

    for (line = text; line != NULL && *line; line = next) {
        next = strchr(line, '\n');
        if (next != NULL) {
            *next++ = '\0';
        }

        if (strncmp(line, "== ", 3) != 0) {
            continue;
        }

        /* the page's <main>: up to the next record */
        want = next ? next : "";
        end = strstr(want, "\n== ");
        if (end != NULL) {
            *end = '\0';
            next = end + 1;
        } else {
            next = NULL;
            len = strlen(want);
            if (len > 0 && want[len - 1] == '\n') {
                want[len - 1] = '\0';
            }
        }

        /* "/posts/page/2/": the list /posts/ at pager 2 */
        snprintf(path, sizeof(path), "%s", line + 3);
        pager = 0;
        num = strstr(path, "page/");
        if (num != NULL) {
            pager = strtoll(num + 5, NULL, 10);
            path[num - path] = '\0';
        }

        sp_render(t, path, pager);
        snprintf(name, sizeof(name), "%s: hugo's <main>", line + 3);

        if (sp_rc != PAGE_OK) {
            ok(0, name);
            printf("#   %s\n", sp_out);
            continue;
        }

        main_ = strstr(sp_out, "<main>");
        end = main_ ? strstr(main_, "</main>") : NULL;
        if (end != NULL) {
            end[7] = '\0';
        }
        if (main_ == NULL) {
            main_ = sp_out;
        }
        is_str(main_, want, name);
    }

    free(text);
    page_arena_free(&ta);
}


int
main(void)
{
    char          *slash;
    char           dir[1200];
    page_error_t   err;

    snprintf(top, sizeof(top), "%s", __FILE__);
    slash = strstr(top, "t/unit/");
    if (slash != NULL) {
        *slash = '\0';
    }
    if (top[0] == '\0') {
        strcpy(top, ".");
    } else if (top[strlen(top) - 1] == '/') {
        top[strlen(top) - 1] = '\0';
    }

    snprintf(dir, sizeof(dir), "%s/t/site/pager", top);
    page_arena_init(&conf, 0);
    page_error_init(&err);

    if (!ok(page_config_load(&conf, dir, NULL, &cfg, &err) == 0
            && page_site_build(&site, &cfg, dir, NOW, &err) == 0,
            "the pager fixture's index builds"))
    {
        printf("#   %s\n", err.msg);
        return tap_done();
    }

    test_fixture();

    page_site_free(&site);
    page_arena_free(&conf);
    page_exit();

    return tap_done();
}
