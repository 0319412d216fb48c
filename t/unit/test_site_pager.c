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
#include <sys/stat.h>

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


/* A scratch layouts directory for the cases' layouts. */
static char  sp_dir[64];


/*
 * The fixture's layouts (layout NULL), or layout alone as the file name
 * under a scratch layouts directory; then the built-in theme.
 */
static page_templates_t *
sp_templates(page_arena_t *a, const char *name, const char *layout)
{
    char               dir[1200], file[2600], *slash;
    FILE              *f;
    page_error_t       err;
    page_templates_t  *t;

    page_error_init(&err);

    if (layout == NULL) {
        snprintf(dir, sizeof(dir), "%s/t/site/pager/layouts", top);

    } else {
        snprintf(dir, sizeof(dir), "%s/layouts", sp_dir);
        snprintf(file, sizeof(file), "rm -rf '%s' && mkdir -p '%s'", dir,
                 dir);
        if (system(file) != 0) {
            return NULL;
        }

        snprintf(file, sizeof(file), "%s/%s", dir, name);
        slash = strrchr(file, '/');
        if (slash != NULL && strchr(name, '/') != NULL) {
            *slash = '\0';
            if (mkdir(file, 0700) != 0) {
                return NULL;
            }
            *slash = '/';
        }

        f = fopen(file, "w");
        if (f == NULL) {
            return NULL;
        }
        fputs(layout, f);
        fclose(f);
    }

    t = page_templates_new(a, page_data_funcs, page_data_nfuncs);

    if (t == NULL
        || page_templates_add_dir(t, dir, &err) != 0
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
    t = sp_templates(&ta, NULL, NULL);

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


/* A layout of the case (name under layouts/) rendering path at pager. */
typedef struct {
    const char  *path;
    int64_t      pager;
    const char  *name;
    const char  *tpl;
    const char  *want;          /* the output, or in the error */
    int          fails;
    int64_t      pagers;        /* res.pagers wanted; -1: not checked */
} sp_case_t;


static const sp_case_t  sp_cases[] = {

    /* .Paginate with a size, then .Paginator with another: the first
       call wins (the same pager), as in Hugo */
    { "/", 0, "index.html",
      "A={{ $p := .Paginate .Site.RegularPages 4 }}{{ $p.PageNumber }}/"
      "{{ $p.TotalPages }}/{{ $p.PageSize }}\n"
      "B={{ $q := .Paginator 2 }}{{ $q.TotalPages }}/{{ $q.PageSize }}/"
      "{{ eq $p $q }}\n"
      "C={{ range $q.Pages }}[{{ .Title }}]{{ end }}\n"
      "D={{ with $p.Next }}{{ .PageNumber }} {{ .URL }} "
      "{{ .NumberOfElements }} {{ range .Pages }}[{{ .Title }}]{{ end }} "
      "{{ .HasPrev }} {{ .Prev.URL }} {{ .HasNext }}{{ end }}\n"
      "E={{ $p.Last.PageNumber }} {{ $p.Last.NumberOfElements }} "
      "{{ $p.Last.HasNext }} [{{ with $p.Last.Next }}x{{ end }}"
      "{{ with $p.First.Prev }}x{{ end }}] {{ $p.HasPrev }}\n"
      "F={{ len $p.Pagers }} {{ range $p.Pagers }}{{ .PageNumber }}{{ end }}"
      " {{ len $p.PageGroups }} {{ $p.TotalNumberOfElements }}\n"
      "G={{ range (index $p.Pagers 2).Pages }}[{{ .Title }}]{{ end }}\n",
      "A=1/3/4\n"
      "B=3/4/true\n"
      "C=[Buoy Paint][Storm Shutters][Night Watch][Rope Splicing]\n"
      "D=2 /page/2/ 4 [Gull Count][Lamp Trimming][Morning Fog][Low Tide] "
      "true / true\n"
      "E=3 4 false [] false\n"
      "F=3 123 0 12\n"
      "G=[Bells][Charts][Flags][Knots]\n", 0, 3 },

    /* an empty list: no pager to show (TotalPages 0), one pager all the
       same, and the embedded template prints nothing */
    { "/", 0, "index.html",
      "A={{ $p := .Paginate (where .Site.RegularPages \"Title\" \"none\") }}"
      "{{ $p.PageNumber }}/{{ $p.TotalPages }}/{{ len $p.Pagers }}/"
      "{{ $p.NumberOfElements }}/{{ $p.TotalNumberOfElements }}/"
      "{{ $p.HasNext }}/{{ $p.HasPrev }}/{{ $p.First.PageNumber }}/"
      "{{ $p.Last.PageNumber }}/{{ len $p.Pages }}/{{ $p.URL }}\n"
      "B=[{{ template \"_internal/pagination.html\" . }}]\n",
      "A=1/0/1/0/0/false/false/1/1/0//\nB=[]\n", 0, 1 },

    /* a term's weighted pages, on a section, a term and (pager 2) a
       taxonomy page: the URLs are the page's own */
    { "/posts/", 0, "_default/list.html",
      "{{ $p := .Paginate .Site.Taxonomies.tags.lamp 2 }}{{ .Kind }} "
      "{{ $p.TotalPages }} {{ range $p.Pages }}[{{ .Title }}]{{ end }} "
      "{{ $p.URL }} {{ with $p.Next }}{{ .URL }}{{ end }}\n",
      "section 3 [Buoy Paint][Night Watch] /posts/ /posts/page/2/\n", 0, 3 },
    { "/tags/lamp/", 0, "_default/list.html",
      "{{ $p := .Paginate .Site.Taxonomies.tags.lamp 2 }}{{ .Kind }} "
      "{{ $p.TotalPages }} {{ range $p.Pages }}[{{ .Title }}]{{ end }} "
      "{{ $p.URL }} {{ with $p.Next }}{{ .URL }}{{ end }}\n",
      "term 3 [Buoy Paint][Night Watch] /tags/lamp/ /tags/lamp/page/2/\n",
      0, 3 },
    { "/tags/", 2, "_default/list.html",
      "{{ $p := .Paginate .Site.Taxonomies.tags.lamp 2 }}{{ .Kind }} "
      "{{ $p.TotalPages }} {{ range $p.Pages }}[{{ .Title }}]{{ end }} "
      "{{ $p.URL }} {{ with $p.Next }}{{ .URL }}{{ end }}\n",
      "taxonomy 3 [Gull Count][Lamp Trimming] /tags/page/2/ "
      "/tags/page/3/\n", 0, 3 },

    /* PagerSize: current Hugo's name of PageSize (0.111.3 has only
       PageSize) */
    { "/posts/", 0, "_default/list.html",
      "{{ .Paginator.PagerSize }} {{ .Paginator.PageSize }}", "3 3", 0, 3 },

    /* the partial form of current Hugo is the same template; the format
       is not case-sensitive (hugo 0.111.3's build of the template form
       at /page/3/) */
    { "/", 3, "index.html",
      "[{{ partial \"pagination.html\" (dict \"page\" . \"format\" "
      "\"Terse\") }}]\n",
      "[\n    <ul class=\"pagination pagination-terse\">\n      <li class=\""
      "page-item\">\n        <a href=\"/\" aria-label=\"First\" class=\"pag"
      "e-link\" role=\"button\"><span aria-hidden=\"true\">&laquo;&laquo;</"
      "span></a>\n      </li>\n      <li class=\"page-item\">\n        <a h"
      "ref=\"/page/2/\" aria-label=\"Previous\" class=\"page-link\" role=\"b"
      "utton\"><span aria-hidden=\"true\">&laquo;</span></a>\n      </li>\n"
      "      <li class=\"page-item\">\n        <a href=\"/page/2/\" aria-lab"
      "el=\"Page 2\" class=\"page-link\" role=\"button\">2</a>\n      </li>"
      "\n      <li class=\"page-item active\">\n        <a aria-current=\"p"
      "age\" aria-label=\"Page 3\" class=\"page-link\" role=\"button\">3</a"
      ">\n      </li>\n      <li class=\"page-item\">\n        <a href=\"/pa"
      "ge/4/\" aria-label=\"Page 4\" class=\"page-link\" role=\"button\">4<"
      "/a>\n      </li>\n      <li class=\"page-item\">\n        <a href=\"/"
      "page/4/\" aria-label=\"Next\" class=\"page-link\" role=\"button\"><s"
      "pan aria-hidden=\"true\">&raquo;</span></a>\n      </li>\n      <li "
      "class=\"page-item\">\n        <a href=\"/page/4/\" aria-label=\"Last"
      "\" class=\"page-link\" role=\"button\"><span aria-hidden=\"true\">&r"
      "aquo;&raquo;</span></a>\n      </li>\n    </ul>]\n", 0, 4 },

    /* a pager past the last renders (empty); res.pagers tells the
       server it is not one (404) */
    { "/posts/", 7, "_default/list.html",
      "{{ .Paginator.PageNumber }} {{ len .Paginator.Pages }} "
      "{{ .Paginator.HasPrev }}", "7 0 true", 0, 3 },
    { "/posts/", INT64_C(1000000000000), "_default/list.html",
      "{{ len .Paginator.Pages }}", "0", 0, 3 },

    /* a list that does not paginate has no pagers */
    { "/notes/", 0, "_default/list.html", "{{ len .Pages }}", "4", 0, 0 },

    /* Hugo's errors */
    { "/", 0, "index.html", "{{ .Paginate \"x\" }}",
      "error calling Paginate: cannot convert type string to Pages", 1, -1 },
    { "/", 0, "index.html", "{{ .Paginate (slice 1 2) }}",
      "error calling Paginate: cannot convert type []int to Pages", 1, -1 },
    { "/", 0, "index.html", "{{ .Paginate 5 }}",
      "error calling Paginate: cannot convert type int to Pages", 1, -1 },
    { "/", 0, "index.html", "{{ .Paginator 0 }}",
      "error calling Paginator: 'pager size' must be a positive integer", 1,
      -1 },
    { "/", 0, "index.html", "{{ .Paginate .Site.RegularPages \"two\" }}",
      "error calling Paginate: 'pager size' must be a positive integer", 1,
      -1 },
    { "/", 0, "index.html", "{{ .Paginator 1 2 }}",
      "error calling Paginator: too many arguments, 'pager size' is "
      "currently the only option", 1, -1 },
    { "/", 0, "index.html",
      "{{ template \"_internal/pagination.html\" (dict \"page\" . "
      "\"format\" \"x\") }}",
      "The 'format' specified in the map passed to the internal pagination "
      "template is invalid. Valid choices are: default, terse.", 1, -1 },
    { "/", 0, "index.html",
      "{{ template \"_internal/pagination.html\" (dict \"format\" "
      "\"terse\") }}",
      "When passing a map to the internal pagination template, one of the "
      "elements must be named 'page', and it must be set to the context of "
      "the current page.", 1, -1 },

    /* a regular page: current Hugo fails (hugo 0.111.3 gives nil) */
    { "/posts/low-tide/", 0, "_default/single.html", "{{ .Paginator }}",
      "error calling Paginator: pagination not supported for this page", 1,
      -1 },

    { NULL, 0, NULL, NULL, NULL, 0, 0 }
};


static void
test_cases(void)
{
    int                good;
    char               name[128], *nl;
    const sp_case_t   *c;
    page_arena_t       ta;
    page_templates_t  *t;

    for (c = sp_cases; c->path != NULL; c++) {
        page_arena_init(&ta, 0);
        t = sp_templates(&ta, c->name, c->tpl);

        if (t == NULL) {
            ok(0, "the case's templates");
            page_arena_free(&ta);
            continue;
        }

        sp_render(t, c->path, c->pager);

        /* the case's name: the path and the layout's first line */
        snprintf(name, sizeof(name), "%s %lld: %.60s", c->path,
                 (long long) c->pager, c->tpl);
        nl = strchr(name, '\n');
        if (nl != NULL) {
            *nl = '\0';
        }

        if (c->fails) {
            good = sp_rc != PAGE_OK && strstr(sp_out, c->want) != NULL
                   && strchr(sp_out, '\n') == NULL;
            if (!ok(good, name)) {
                printf("#   got (rc %d): '%s'\n", sp_rc, sp_out);
            }

        } else if (sp_rc == PAGE_OK) {
            is_mem(sp_out, strlen(sp_out), c->want, name);

        } else {
            ok(0, name);
            printf("#   render: %s\n", sp_out);
        }

        if (c->pagers >= 0 && !ok(sp_pagers == c->pagers, "res.pagers")) {
            printf("#   %s: got %lld, want %lld\n", name,
                   (long long) sp_pagers, (long long) c->pagers);
        }

        page_arena_free(&ta);
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

    snprintf(sp_dir, sizeof(sp_dir), "/tmp/pager-unit-XXXXXX");
    if (mkdtemp(sp_dir) == NULL) {
        ok(0, "a scratch directory");
        return tap_done();
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
    test_cases();

    snprintf(dir, sizeof(dir), "rm -rf '%s'", sp_dir);
    if (system(dir) != 0) {
        printf("#   %s left behind\n", sp_dir);
    }

    page_site_free(&site);
    page_arena_free(&conf);
    page_exit();

    return tap_done();
}
