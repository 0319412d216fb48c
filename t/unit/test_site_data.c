/*
 * test_site_data: what templates see of the site when a page is
 * rendered with the site index (page_options_t's site and site_page),
 * on the fixture t/site/blog.  Each case renders one of its content
 * files with a layout of the case; the expected output is hugo
 * 0.111.3's build of a copy of t/site/blog with that same layout as
 * layouts/_default/single.html, list.html and index.html
 * (`hugo -s COPY -d PUBLIC`), the file of public/ for that page.
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

/* 2025-06-01T00:00:00Z: after every fixture date but tomorrow.md's */
#define NOW  INT64_C(1748736000)

typedef struct {
    const char  *file;          /* under content/ */
    const char  *want;          /* hugo's page */
} sd_case_t;

static char           top[1024];
static page_arena_t   conf;
static page_config_t  cfg;
static page_site_t    site;


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


static int   sd_rc;
static char  sd_msg[1024];
/* page_site_title and page_param, as the handler passes them; NULL/0: */
/* the project's title and no params */
static const char          *sd_title;
static const page_param_t  *sd_params;
static size_t               sd_nparams;


/* Render content/<rel> with layout tpl; the page, or why not. */
static void
sd_check(const char *rel, const char *tpl, const char *want,
    const char *name)
{
    char                   path[1400], file[1200];
    char                  *src;
    size_t                 len;
    page_arena_t           ta;
    page_error_t           err;
    page_result_t          res;
    page_options_t         opt;
    page_templates_t      *t;
    page_site_page_t      *p;
    page_site_match_t      m;
    page_template_file_t   files[1];

    if (rel[0] == '/') {
        /* a page Hugo makes without a file (taxonomy, term): by its URL */
        p = page_site_lookup(&site, rel, strlen(rel), &m) == PAGE_SITE_HTML
            ? m.page : NULL;
        snprintf(path, sizeof(path), "%s/t/site/blog/content%s", top, rel);
        src = strdup("");
        len = 0;
    } else {
        p = page_site_by_file(&site, rel);
        snprintf(path, sizeof(path), "%s/t/site/blog/content/%s", top, rel);
        src = slurp(path, &len);
    }
    snprintf(file, sizeof(file), "/%s", rel[0] == '/' ? "" : rel);

    if (p == NULL || src == NULL) {
        ok(0, name);
        printf("#   %s: not in the index or not read\n", rel);
        free(src);
        return;
    }

    page_arena_init(&ta, 0);
    page_error_init(&err);

    files[0].path = "_default/single.html";
    files[0].text = tpl;
    files[0].len = strlen(tpl);

    t = page_templates_new(&ta, page_data_funcs, page_data_nfuncs);
    if (t == NULL || page_templates_add_files(t, "(test)", files, 1, &err)
                     != 0
        || page_templates_compile(t, &err) != 0)
    {
        ok(0, name);
        printf("#   compile: %s\n", err.msg);
        page_arena_free(&ta);
        free(src);
        return;
    }

    page_options_init(&opt);
    opt.path = path;
    opt.file = rel[0] == '/' ? NULL : file;
    opt.file_len = rel[0] == '/' ? 0 : strlen(file);
    opt.uri = p->path;
    opt.uri_len = strlen(p->path);
    opt.templates = t;
    opt.site_title = sd_title ? sd_title : cfg.title;
    opt.site_title_len = strlen(opt.site_title);
    opt.params = sd_params;
    opt.nparams = sd_nparams;
    opt.base_url = cfg.base_url;
    opt.base_url_len = strlen(cfg.base_url);
    opt.now = NOW;
    opt.site = &site;
    opt.site_page = p;

    sd_rc = page_render(src, len, &opt, &res);
    snprintf(sd_msg, sizeof(sd_msg), "%s",
             sd_rc == PAGE_OK ? res.data : res.error.msg);

    if (want == NULL) {
        /* the caller looks at sd_rc and sd_msg */
    } else if (sd_rc == PAGE_OK) {
        is_str(res.data, want, name);
    } else {
        ok(0, name);
        printf("#   render: %s\n", res.error.msg);
    }

    page_result_free(&res);
    page_arena_free(&ta);
    free(src);
}


static void
sd_cases(const char *tpl, const sd_case_t *cases, const char *step)
{
    char  name[256];

    for ( /* void */ ; cases->file != NULL; cases++) {
        snprintf(name, sizeof(name), "%s: %s", step, cases->file);
        sd_check(cases->file, tpl, cases->want, name);
    }
}


#include "site_data_cases.h"


/*
 * page_site_title and page_param override the project's title and the
 * params of the same name; the project's other params stay (the
 * README's page_site entry).
 */
static void
test_overrides(void)
{
    static const page_param_t  params[] = {
        { "author", 6, "Override", 8 },
    };

    sd_title = "Directive Title";
    sd_params = params;
    sd_nparams = 1;
    sd_check("posts/first-light.md",
             "{{ .Site.Title }}|{{ .Site.Params.author }}|"
             "{{ .Site.Params.description }}",
             "Directive Title|Override|Notes from the lighthouse",
             "directives: page_site_title and page_param over the project");
    sd_title = NULL;
    sd_params = NULL;
    sd_nparams = 0;
}



/*
 * Wrong arguments to the site's methods: an error of one line naming
 * the method (want), or, where Hugo answers nil or false, that output.
 */
static void
sd_bad(void)
{
    size_t  i;
    static const struct {
        const char  *tpl;
        const char  *want;      /* in the error, or the output */
        int          fails;
    } cases[] = {
        { "{{ .Site.GetPage 1 }}", "GetPage: want a path", 1 },
        { "{{ .GetPage 1 }}", "GetPage: want a path", 1 },
        { "{{ .Site.GetPage \"section\" \"docs\" \"x\" }}",
          "too many arguments to .Site.GetPage", 1 },
        { "{{ .GetTerms 3 }}", "GetTerms: want a taxonomy name", 1 },
        { "[{{ .IsMenuCurrent \"main\" nil }}|"
          "{{ .HasMenuCurrent \"main\" 3 }}]", "[false|false]", 0 },
        { "[{{ .IsAncestor 3 }}|{{ .IsDescendant nil }}]",
          "[false|false]", 0 },
        { "[{{ with .Site.GetPage \"/no/such\" }}x{{ end }}]", "[]", 0 },
        { "[{{ range .Site.RegularPages.ByParam 3 }}x{{ end }}]",
          "[xxxxxxxxxxx]", 0 },
        { "{{ .Site.RegularPages.GroupBy 3 }}", "GroupBy: want", 1 },
        { "[{{ .Site.Taxonomies.tags.Count \"nothing\" }}]", "[0]", 0 },
        { "{{ .Site.Taxonomies.tags.Get 5 }}", "Get: want a term", 1 },
    };

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        sd_check("posts/first-light.md", cases[i].tpl, NULL, cases[i].tpl);

        if (!ok(cases[i].fails
                ? sd_rc != PAGE_OK && strstr(sd_msg, cases[i].want) != NULL
                  && strchr(sd_msg, '\n') == NULL
                : sd_rc == PAGE_OK && strcmp(sd_msg, cases[i].want) == 0,
                cases[i].tpl))
        {
            printf("#   got (rc %d): '%s'\n", sd_rc, sd_msg);
        }
    }
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

    snprintf(dir, sizeof(dir), "%s/t/site/blog", top);
    page_arena_init(&conf, 0);
    page_error_init(&err);

    if (!ok(page_config_load(&conf, dir, NULL, &cfg, &err) == 0
            && page_site_build(&site, &cfg, dir, NOW, &err) == 0,
            "the blog's index builds"))
    {
        printf("#   %s\n", err.msg);
        return tap_done();
    }

    sd_cases(step12_layout, step12_cases, "page and site");
    test_overrides();
    sd_cases(step3_layout, step3_cases, "taxonomies and menus");
    sd_cases(step4_layout, step4_cases, "collections");
    sd_cases(step5_layout, step5_cases, "terms, translations, groups");
    sd_cases(step6_layout, step6_cases, "comparing pages");
    sd_bad();

    page_site_free(&site);
    page_arena_free(&conf);
    page_exit();

    return tap_done();
}
