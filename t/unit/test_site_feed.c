/*
 * test_site_feed: the layout names page_site_feed looks up for a feed,
 * a sitemap and the 404 page, on the fixture t/site/feeds.  The order
 * is hugo's (output/layout.go, and its documentation's lookup tables
 * for RSS: posts/section.rss.xml, posts/rss.xml, posts/list.rss.xml,
 * posts/section.xml, posts/list.xml, section/..., _default/...), with
 * current Hugo's names at the top of layouts/ (home.rss.xml,
 * section.rss.xml, taxonomy.rss.xml, term.rss.xml in its RSS
 * documentation) before _default/; a page's and a section's JSON
 * (single, list, no bare "json.json").  And the sitemap index of
 * t/site/feeds-ml, which hugo 0.111.3 writes as
 * t/site/feeds-hugo/ml/sitemap.xml.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "page.h"
#include "page_config.h"
#include "page_site_feed.h"
#include "page_site_index.h"

/* 2025-06-01T00:00:00Z: after every fixture date but the future one's */
#define NOW  INT64_C(1748736000)

static char         top[1024];
static char         buf[PAGE_SITE_FEED_MAX_NAMES * 64];
static const char  *names[PAGE_SITE_FEED_MAX_NAMES + 1];
static size_t       nnames;


static long
pos(const char *name)
{
    size_t  i;

    for (i = 0; i < nnames; i++) {
        if (strcmp(names[i], name) == 0) {
            return (long) i;
        }
    }

    return -1;
}


/* Each of want (NULL-terminated) is there, in that order. */
static void
in_order(const char *const *want, const char *what)
{
    long    prev, at;
    size_t  i;
    char    name[256];

    prev = -1;

    for (i = 0; want[i] != NULL; i++) {
        at = pos(want[i]);
        snprintf(name, sizeof(name), "%s: %s%s", what, want[i],
                 i ? " after the one before" : "");

        if (!ok(at > prev, name)) {
            printf("#   at %ld, the one before at %ld\n", at, prev);
        }

        prev = at;
    }
}


static void
names_of(page_site_t *s, const page_site_page_t *p, const char *output)
{
    nnames = page_site_feed_names(s, p, output, NULL, names,
                                  PAGE_SITE_FEED_MAX_NAMES, buf, sizeof(buf));
}


static void
test_names(page_site_t *s)
{
    const page_site_page_t  *home, *posts, *tags, *tide, *gale;

    static const char *const  section_rss[] = {
        "posts/section.rss.xml", "posts/rss.xml", "posts/list.rss.xml",
        "posts/section.xml", "posts/list.xml",
        "section/section.rss.xml", "section/rss.xml",
        "section/list.rss.xml", "section/section.xml", "section/list.xml",
        "section.rss.xml", "rss.xml", "list.rss.xml",
        "_default/section.rss.xml", "_default/rss.xml",
        "_default/list.rss.xml", "_default/section.xml",
        "_default/list.xml", NULL
    };

    static const char *const  home_rss[] = {
        "index.rss.xml", "home.rss.xml", "rss.xml", "list.rss.xml",
        "index.xml", "home.xml", "list.xml",
        "_default/index.rss.xml", "_default/home.rss.xml",
        "_default/rss.xml", "_default/list.rss.xml", NULL
    };

    static const char *const  taxonomy_rss[] = {
        "tags/tag.terms.rss.xml", "tags/terms.rss.xml",
        "tags/taxonomy.rss.xml", "tags/rss.xml", "tags/list.rss.xml",
        "tag/tag.terms.rss.xml", "taxonomy/tag.terms.rss.xml",
        "taxonomy.rss.xml", "_default/terms.rss.xml", "_default/rss.xml",
        NULL
    };

    static const char *const  term_rss[] = {
        "tags/term.rss.xml", "tags/tag.rss.xml", "tags/taxonomy.rss.xml",
        "tags/rss.xml", "tags/list.rss.xml", "term/term.rss.xml",
        "taxonomy/term.rss.xml", "tag/term.rss.xml", "term.rss.xml",
        "_default/term.rss.xml", "_default/rss.xml", NULL
    };

    static const char *const  lang_first[] = {
        "posts/section.en.rss.xml", "posts/section.rss.xml",
        "posts/section.en.xml", "posts/section.xml", NULL
    };

    static const char *const  section_json[] = {
        "posts/section.json.json", "posts/section.json", "posts/list.json",
        "section.json", "_default/section.json", "_default/list.json", NULL
    };

    static const char *const  page_json[] = {
        "posts/single.json.json", "posts/single.json", "single.json",
        "_default/single.json", NULL
    };

    static const char *const  page404[] = {
        "404.en.html", "404.html", "_default/404.html", NULL
    };

    static const char *const  baseof404[] = {
        "404-baseof.html", "baseof.html", "_default/baseof.html", NULL
    };

    static const char *const  sitemap[] = {
        "sitemap.en.xml", "sitemap.xml", "_default/sitemap.xml", NULL
    };

    home = s->langs[0].home;
    posts = page_site_get_page(s, 0, NULL, "/posts", 6);
    tags = page_site_get_page(s, 0, NULL, "/tags", 5);
    tide = page_site_get_page(s, 0, NULL, "/tags/tide", 10);
    gale = page_site_get_page(s, 0, NULL, "/posts/gale", 11);

    if (!ok(home && posts && tags && tide && gale, "the fixture's pages")) {
        return;
    }

    names_of(s, posts, PAGE_OUTPUT_RSS);
    in_order(section_rss, "a section's feed");
    in_order(lang_first, "a section's feed, the language first");
    ok(pos("posts/single.rss.xml") < 0, "a section's feed: no single");

    names_of(s, home, PAGE_OUTPUT_RSS);
    in_order(home_rss, "the home page's feed");

    names_of(s, tags, PAGE_OUTPUT_RSS);
    in_order(taxonomy_rss, "a taxonomy's feed");

    names_of(s, tide, PAGE_OUTPUT_RSS);
    in_order(term_rss, "a term's feed");

    names_of(s, posts, "json");
    in_order(section_json, "a section's JSON");
    ok(pos("posts/json.json") < 0 && pos("json.json") < 0,
       "a section's JSON: no bare format name (RSS only)");

    names_of(s, gale, "json");
    in_order(page_json, "a page's JSON");
    ok(pos("posts/list.json") < 0, "a page's JSON: no list");

    names_of(s, home, PAGE_OUTPUT_404);
    in_order(page404, "the 404 page");
    ok(pos("list.html") < 0 && pos("index.html") < 0,
       "the 404 page: not the home page's layouts");

    names_of(s, home, "baseof");
    in_order(baseof404, "the 404 page's baseof");

    names_of(s, home, PAGE_OUTPUT_SITEMAP);
    in_order(sitemap, "the sitemap");

    /* front matter that would climb out or overflow: left out */
    {
        char               longest[600];
        size_t             i, bad;
        page_site_page_t   odd;

        memset(longest, 'x', sizeof(longest) - 1);
        longest[sizeof(longest) - 1] = '\0';

        odd = *posts;
        odd.layout = longest;
        odd.type = "../../etc";
        names_of(s, &odd, PAGE_OUTPUT_RSS);

        bad = 0;
        for (i = 0; i < nnames; i++) {
            bad += strstr(names[i], "..") != NULL
                   || strlen(names[i]) >= PAGE_SITE_FEED_MAX_NAME;
        }

        ok(nnames > 0 && bad == 0 && names[nnames] == NULL,
           "a layout too long and a type with \"..\": not in any name");
        ok(pos("posts/section.rss.xml") >= 0,
           "... the section's own names are still there");
    }

    /* a small buffer: fewer names, never past it */
    nnames = page_site_feed_names(s, posts, PAGE_OUTPUT_RSS, NULL, names,
                                  PAGE_SITE_FEED_MAX_NAMES, buf, 40);
    ok(nnames >= 1 && nnames < 3 && names[nnames] == NULL,
       "a short buffer holds what fits");
}


static char *
slurp(const char *path, size_t *len)
{
    FILE  *f;
    char  *b;
    long   n;

    f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }

    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    b = malloc((size_t) n + 1);
    if (b == NULL || fread(b, 1, (size_t) n, f) != (size_t) n) {
        free(b);
        fclose(f);
        return NULL;
    }

    b[n] = '\0';
    *len = (size_t) n;
    fclose(f);

    return b;
}


static void
test_sitemap_index(void)
{
    char           dir[1200], file[1300], *want;
    size_t         len;
    page_buf_t     b;
    page_site_t    s;
    page_arena_t   a, conf;
    page_error_t   err;
    page_config_t  cfg;

    snprintf(dir, sizeof(dir), "%s/t/site/feeds-ml", top);
    snprintf(file, sizeof(file), "%s/t/site/feeds-hugo/ml/sitemap.xml", top);
    page_arena_init(&conf, 0);
    page_error_init(&err);

    if (!ok(page_config_load(&conf, dir, NULL, &cfg, &err) == 0
            && page_site_build(&s, &cfg, dir, NOW, &err) == 0,
            "the two languages' index builds"))
    {
        printf("#   %s\n", err.msg);
        page_arena_free(&conf);
        return;
    }

    page_arena_init(&a, 0);
    page_buf_init(&b, &a, 0);
    want = slurp(file, &len);

    ok(page_site_sitemap_index(&s, &b) == 0, "the sitemap index is made");
    is_mem(b.data, b.len, want ? want : "(none)", "hugo's sitemap index");

    free(want);
    page_arena_free(&a);
    page_site_free(&s);
    page_arena_free(&conf);
}


int
main(void)
{
    char          *slash;
    char           dir[1200];
    page_site_t    s;
    page_arena_t   conf;
    page_error_t   err;
    page_config_t  cfg;

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

    snprintf(dir, sizeof(dir), "%s/t/site/feeds", top);
    page_arena_init(&conf, 0);
    page_error_init(&err);

    if (ok(page_config_load(&conf, dir, NULL, &cfg, &err) == 0
           && page_site_build(&s, &cfg, dir, NOW, &err) == 0,
           "the feeds site's index builds"))
    {
        test_names(&s);
        page_site_free(&s);

    } else {
        printf("#   %s\n", err.msg);
    }

    page_arena_free(&conf);

    test_sitemap_index();

    page_exit();

    return tap_done();
}
