/*
 * site-content: what other pages' content costs a list page
 * (src/page_site_content.c).  A generated section of 10 pages (about
 * 4.5 KB of Markdown each, 12 paragraphs, a heading and a shortcode) is
 * rendered with a layout showing each page's title and .Summary: cold
 * (the cache emptied before each render, so each page is rendered on
 * demand), warm (the pages cached), and with titles only (no content
 * read), in microseconds per render of the list.
 *
 *   cc -std=c99 -D_POSIX_C_SOURCE=200809L -O2 -Isrc -I/usr/include/libxml2 \
 *       -o build/site-content bench/site-content.c \
 *       $(sed 's|^|src/|' src/SOURCES) build/page_builtin_theme.c \
 *       build/page_fn_tables.c build/page_toml.o -lcmark-gfm-extensions \
 *       -lcmark-gfm -lyaml -lpcre2-8 -lcrypto -lunistring -ltomlplusplus \
 *       -lstdc++ -lxml2 -lxxhash -lm
 *   build/site-content [renders] [dir]
 *
 * The site is written under dir (default /tmp/site-content-bench).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "page.h"
#include "page_config.h"
#include "page_data.h"
#include "page_site_content.h"
#include "page_site_index.h"
#include "page_templates.h"

#define PAGES  10


static double
now(void)
{
    struct timespec  t;

    clock_gettime(CLOCK_MONOTONIC, &t);

    return (double) t.tv_sec + (double) t.tv_nsec / 1e9;
}


static int
put(const char *dir, const char *rel, const char *text)
{
    char   path[2400];
    FILE  *f;

    snprintf(path, sizeof(path), "%s/%s", dir, rel);
    f = fopen(path, "w");
    if (f == NULL) {
        return -1;
    }
    fputs(text, f);
    return fclose(f);
}


static int
make_site(const char *dir)
{
    int          i, j, k;
    char         path[1200], rel[64], *body, *b;
    const char  *words[] = { "lamp", "fog", "tide", "keeper", "north",
                             "storm", "light", "horn", "rock", "wave" };

    mkdir(dir, 0755);
    snprintf(path, sizeof(path), "%s/content", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof(path), "%s/content/posts", dir);
    mkdir(path, 0755);

    if (put(dir, "hugo.toml", "baseURL = \"http://example.org/\"\n"
                              "title = \"Bench\"\n") != 0
        || put(dir, "content/posts/_index.md", "---\ntitle: Posts\n---\n")
           != 0)
    {
        return -1;
    }

    body = malloc(16384);
    if (body == NULL) {
        return -1;
    }

    srand(1);

    for (i = 0; i < PAGES; i++) {
        b = body + sprintf(body, "---\ntitle: Post %d\ndate: 2024-01-%02d\n"
                                 "---\n", i, i + 1);
        for (j = 0; j < 12; j++) {
            if (j == 6) {
                b += sprintf(b, "{{< note >}}A note.{{< /note >}}\n\n"
                                "## Section\n\n");
            }
            for (k = 0; k < 60; k++) {
                b += sprintf(b, "%s ", words[rand() % 10]);
            }
            b += sprintf(b, "**bold** and *em* [link](/x/).\n\n");
        }

        snprintf(rel, sizeof(rel), "content/posts/p%d.md", i);
        if (put(dir, rel, body) != 0) {
            free(body);
            return -1;
        }
    }

    free(body);

    return 0;
}


int
main(int argc, char **argv)
{
    int                    n, i, mode;
    char                   path[1200];
    double                 t0, t1;
    size_t                 bytes, entries;
    const char            *dir;
    page_arena_t           conf, ta;
    page_config_t          cfg;
    page_site_t            site;
    page_error_t           err;
    page_result_t          res;
    page_options_t         opt;
    page_templates_t      *t;
    page_site_page_t      *p;
    page_template_file_t   files[2];
    static const char      src[] = "---\ntitle: Posts\n---\n";
    static const char     *names[] = { "cold (.Summary, rendered)",
                                       "warm (.Summary, cached)",
                                       "titles only (no content)" };

    n = argc > 1 ? atoi(argv[1]) : 200;
    dir = argc > 2 ? argv[2] : "/tmp/site-content-bench";

    if (n <= 0 || make_site(dir) != 0) {
        fprintf(stderr, "site-content: cannot write the site in %s\n", dir);
        return 1;
    }

    page_arena_init(&conf, 0);
    page_error_init(&err);

    if (page_config_load(&conf, dir, NULL, &cfg, &err) != 0
        || page_site_build(&site, &cfg, dir, (int64_t) time(NULL), &err)
           != 0)
    {
        fprintf(stderr, "site-content: %s\n", err.msg);
        return 1;
    }

    p = page_site_by_file(&site, "posts/_index.md");
    snprintf(path, sizeof(path), "%s/content/posts/_index.md", dir);

    for (mode = 0; mode < 3; mode++) {
        page_arena_init(&ta, 0);

        files[0].path = "_default/single.html";
        files[0].text = mode < 2
                        ? "{{ range .Pages }}<h2>{{ .Title }}</h2>"
                          "{{ .Summary }}{{ end }}"
                        : "{{ range .Pages }}<h2>{{ .Title }}</h2>{{ end }}";
        files[0].len = strlen(files[0].text);
        files[1].path = "shortcodes/note.html";
        files[1].text = "<div class=\"note\">{{ .Inner | markdownify }}</div>";
        files[1].len = strlen(files[1].text);

        t = page_templates_new(&ta, page_data_funcs, page_data_nfuncs);
        if (t == NULL || page_templates_add_files(t, "(bench)", files, 2, &err)
                         != 0
            || page_templates_compile(t, &err) != 0)
        {
            fprintf(stderr, "site-content: %s\n", err.msg);
            return 1;
        }

        page_options_init(&opt);
        opt.path = path;
        opt.file = "/posts/_index.md";
        opt.file_len = strlen(opt.file);
        opt.uri = p->path;
        opt.uri_len = strlen(p->path);
        opt.templates = t;
        opt.site_title = cfg.title;
        opt.site_title_len = strlen(cfg.title);
        opt.base_url = cfg.base_url;
        opt.base_url_len = strlen(cfg.base_url);
        opt.site = &site;
        opt.site_page = p;

        page_site_content_free(&site);
        t0 = now();

        for (i = -1; i < n; i++) {
            if (i == 0) {
                t0 = now();
            }
            if (mode == 0) {
                page_site_content_free(&site);
            }
            if (page_render(src, sizeof(src) - 1, &opt, &res) != PAGE_OK) {
                fprintf(stderr, "site-content: %s\n", res.error.msg);
                return 1;
            }
            page_result_free(&res);
        }

        t1 = now();
        bytes = page_site_content_cached(&site, &entries);
        printf("%-28s %9.1f us a render of the list  (cache: %zu pages, "
               "%zu bytes)\n", names[mode], (t1 - t0) / n * 1e6, entries,
               bytes);

        page_arena_free(&ta);
    }

    page_site_free(&site);
    page_arena_free(&conf);
    page_exit();

    return 0;
}
