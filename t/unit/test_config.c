/*
 * test_config: a Hugo project's configuration as Hugo reads it: which
 * file, config/_default/ and config/<environment>/ merged over the root
 * file, per-key files (params.yaml, menus.en.yaml), case-insensitive
 * keys, Hugo's defaults, languages, and errors with file:line:col.
 * Expected values were read off hugo 0.111.3 building t/site/confdir
 * and t/site/blog with a layout printing site.Title, site.Params,
 * site.Menus and site.Sites.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tap.h"
#include "page_config.h"

static page_arena_t  arena;
static char          top[1024];


static const char *
site(const char *name)
{
    static char  buf[1200];

    snprintf(buf, sizeof(buf), "%s/t/site/%s", top, name);
    return buf;
}


static const char *
str_at(const page_config_t *cfg, const char *key)
{
    page_value_t  *v;

    v = page_config_get(cfg, key);
    return (v != NULL && page_value_is_string(v)) ? v->u.s.data : "(none)";
}


static void
test_confdir(void)
{
    page_config_t              cfg;
    page_error_t               err;
    page_value_t              *v, *m;
    const page_config_lang_t  *de;

    page_error_init(&err);

    if (!ok(page_config_load(&arena, site("confdir"), NULL, &cfg, &err)
            == 0, "confdir: loads"))
    {
        printf("#   %s\n", err.msg);
        return;
    }

    /* config/_default/hugo.yaml wins over the root config.yaml */
    is_str(cfg.title, "Harbour Manual", "confdir: title from _default");
    /* the root file fills what config/ does not set */
    is_str(cfg.base_url, "https://docs.example.com/manual",
           "confdir: baseURL from the root file");
    is_str(cfg.base_path, "/manual/", "confdir: baseURL's path");
    is_str(cfg.language_code, "en-GB", "confdir: languageCode");
    ok(cfg.default_lang_in_subdir, "confdir: defaultContentLanguageInSubdir");
    ok(cfg.ugly_urls, "confdir: uglyURLs");
    ok(cfg.summary_length == 30, "confdir: summaryLength");
    ok(cfg.nthemes == 2 && strcmp(cfg.theme_list[0], "docsy-like") == 0
       && strcmp(cfg.theme_list[1], "base") == 0, "confdir: theme list");
    ok(cfg.disable_kinds == (PAGE_CONFIG_NO_RSS | PAGE_CONFIG_NO_TAXONOMY),
       "confdir: disableKinds, any case");
    ok(page_config_kind_disabled(&cfg, "taxonomy")
       && !page_config_kind_disabled(&cfg, "term"),
       "confdir: kind_disabled");
    ok(cfg.ntaxonomies == 2 && strcmp(cfg.taxonomies[0].singular, "tag") == 0
       && strcmp(cfg.taxonomies[1].plural, "series") == 0,
       "confdir: taxonomies as configured");
    ok(cfg.pager_size == 5, "confdir: pagination.pagerSize");
    is_str(cfg.pager_path, "seite", "confdir: pagination.path");

    /* params: root Logo (key any case), _default footer, production nav */
    is_str(str_at(&cfg, "params.logo"), "root.png",
           "confdir: Params.Logo from the root file, lower-cased");
    is_str(str_at(&cfg, "Params.Footer"), "default footer",
           "confdir: params.yaml over the root file");
    v = page_config_get(&cfg, "params.nav.depth");
    ok(v != NULL && v->type == PAGE_INT && v->u.i == 3,
       "confdir: config/production/params.yaml wins");
    v = page_config_get(&cfg, "params.nav.collapse");
    ok(v != NULL && v->type == PAGE_BOOL && v->u.b,
       "confdir: merge is deep (nav.collapse kept)");
    is_str(str_at(&cfg, "params.analytics"), "UA-1",
           "confdir: key only in production");

    /* languages: nl disabled; en then de by weight */
    ok(cfg.nlangs == 2, "confdir: two enabled languages");
    is_str(cfg.langs[0].lang, "en", "confdir: en first (weight 1)");
    is_str(cfg.langs[1].lang, "de", "confdir: de second");
    ok(cfg.default_index == 0, "confdir: default language index");
    ok(page_config_lang(&cfg, "nl", 2) == NULL, "confdir: nl is disabled");

    de = page_config_lang(&cfg, "DE", 2);
    if (ok(de != NULL, "confdir: de found, any case")) {
        is_str(de->title, "Hafenhandbuch", "confdir: de title");
        is_str(de->name, "Deutsch", "confdir: de languageName");
        is_str(de->content_dir, "content/de", "confdir: de contentDir");
        is_str(de->code, "en-GB", "confdir: de languageCode falls back");
        v = page_map_gets(de->params, "footer");
        ok(v != NULL && strcmp(v->u.s.data, "Fu\xc3\x9fzeile") == 0,
           "confdir: de params over the site's");
        v = page_map_gets(de->params, "logo");
        ok(v != NULL && strcmp(v->u.s.data, "root.png") == 0,
           "confdir: de params keep the site's others");
        /* hugo 0.111.3 also copies languages.de's keys into params
           (languagename, weight ...); current Hugo does not: not here */
        ok(page_map_gets(de->params, "languagename") == NULL,
           "confdir: language keys are not params (current Hugo)");

        /* menus.de.yaml: languages.de.menus */
        m = page_map_gets(de->menus, "main");
        v = (m && m->type == PAGE_LIST && m->u.list.n == 1)
            ? page_map_gets(m->u.list.items[0], "name") : NULL;
        ok(v != NULL && strcmp(v->u.s.data, "Anleitung") == 0,
           "confdir: menus.de.yaml is de's main menu");
    }

    m = page_map_gets(cfg.langs[0].menus, "main");
    v = (m && m->type == PAGE_LIST && m->u.list.n == 1)
        ? page_map_gets(m->u.list.items[0], "name") : NULL;
    ok(v != NULL && strcmp(v->u.s.data, "Guide") == 0,
       "confdir: menus.en.yaml is en's main menu");

    ok(cfg.nfiles == 7, "confdir: seven files read in production");
}


static void
test_environment(void)
{
    page_config_t  cfg;
    page_error_t   err;
    page_value_t  *v;

    page_error_init(&err);

    if (!ok(page_config_load(&arena, site("confdir"), "staging", &cfg, &err)
            == 0, "staging: loads"))
    {
        printf("#   %s\n", err.msg);
        return;
    }

    is_str(cfg.base_url, "https://staging.example.com/",
           "staging: baseURL from config/staging/hugo.json");
    is_str(cfg.base_path, "/", "staging: base path");
    ok(cfg.build_drafts && cfg.build_future && !cfg.build_expired,
       "staging: build options");
    v = page_config_get(&cfg, "params.nav.depth");
    ok(v != NULL && v->type == PAGE_INT && v->u.i == 2,
       "staging: production's params not read");
    ok(page_config_get(&cfg, "params.analytics") == NULL,
       "staging: no analytics");
}


static void
test_blog(void)
{
    page_config_t  cfg;
    page_error_t   err;
    page_value_t  *v;

    page_error_init(&err);

    if (!ok(page_config_load(&arena, site("blog"), "production", &cfg, &err)
            == 0, "blog: loads"))
    {
        printf("#   %s\n", err.msg);
        return;
    }

    is_str(cfg.title, "Lighthouse Notes", "blog: title");
    is_str(cfg.base_path, "/blog/", "blog: base path");
    ok(cfg.pager_size == 2, "blog: paginate (before 0.128)");
    is_str(cfg.pager_path, "page", "blog: default paginatePath");
    ok(cfg.enable_robots, "blog: enableRobotsTXT");
    ok(cfg.ntaxonomies == 2 && strcmp(cfg.taxonomies[0].plural, "categories")
       == 0 && strcmp(cfg.taxonomies[1].plural, "tags") == 0,
       "blog: default taxonomies");
    is_str(cfg.content_dir, "content", "blog: default contentDir");
    is_str(cfg.section_pages_menu, "", "blog: no sectionPagesMenu");
    ok(!cfg.ugly_urls && !cfg.default_lang_in_subdir && !cfg.build_drafts,
       "blog: defaults off");
    ok(cfg.capitalize_list_titles && cfg.pluralize_list_titles,
       "blog: list title defaults on");
    v = page_map_gets(cfg.permalinks, "posts");
    ok(v != NULL && strcmp(v->u.s.data, "/:year/:month/:slug/") == 0,
       "blog: permalinks");
    ok(cfg.nlangs == 2 && strcmp(cfg.langs[1].title, "Notes du phare") == 0
       && strcmp(cfg.langs[0].title, "Lighthouse Notes") == 0,
       "blog: per-language title");
    v = page_map_gets(cfg.langs[1].menus, "main");
    ok(v != NULL && v->type == PAGE_LIST && v->u.list.n == 3,
       "blog: fr gets the site's menus (hugo: fr main has 3 entries)");
    ok(cfg.related == NULL, "blog: related: Hugo's default");
}



/*
 * A theme's configuration completes the site's as hugo 0.111.3 merges it
 * (t/site/themecfg, built by hugo with its index.html printing each
 * value): params deeply (subtitle and colours.red the site's, author,
 * colours.blue, page.toc and the config/_default/params.toml key the
 * theme's), menus by name (footer the site's alone, main the theme's),
 * and the theme's title and baseURL ignored.
 */
static void
test_theme_config(void)
{
    page_config_t  cfg;
    page_error_t   err;
    page_value_t  *v;

    page_error_init(&err);

    if (!ok(page_config_load(&arena, site("themecfg"), NULL, &cfg, &err)
            == 0, "themecfg: loads"))
    {
        printf("#   %s\n", err.msg);
        return;
    }

    is_str(cfg.title, "Theme defaults", "themecfg: the site's title");
    is_str(cfg.base_url, "https://example.org/", "themecfg: the site's "
           "baseURL");
    is_str(str_at(&cfg, "params.subtitle"), "The site's own",
           "themecfg: the site's param wins");
    is_str(str_at(&cfg, "params.author"), "Theme Author",
           "themecfg: a param only the theme has");
    is_str(str_at(&cfg, "params.colours.red"), "#fc0f03",
           "themecfg: deep: the site's colours.red");
    is_str(str_at(&cfg, "params.colours.blue"), "#337DFF",
           "themecfg: deep: the theme's colours.blue");
    v = page_config_get(&cfg, "params.page.toc");
    ok(v != NULL && v->type == PAGE_BOOL && v->u.b,
       "themecfg: params.page.toc from the theme");
    is_str(str_at(&cfg, "params.share"), "yes",
           "themecfg: the theme's config/_default/params.toml");
    v = page_map_gets(cfg.menus, "footer");
    ok(v != NULL && v->type == PAGE_LIST && v->u.list.n == 1,
       "themecfg: footer menu is the site's alone");
    v = page_map_gets(cfg.menus, "main");
    ok(v != NULL && v->type == PAGE_LIST && v->u.list.n == 1,
       "themecfg: main menu from the theme");
}

/* Write a file under dir. */
static void
put(const char *dir, const char *name, const char *text)
{
    char   path[1200];
    FILE  *f;

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    f = fopen(path, "w");
    if (f != NULL) {
        fputs(text, f);
        fclose(f);
    }
}


static void
test_errors(void)
{
    char           dir[] = "/tmp/site-test-config-XXXXXX";
    char           sub[1200], want[1400];
    page_value_t  *v;
    page_config_t  cfg;
    page_error_t   err;

    if (mkdtemp(dir) == NULL) {
        ok(0, "mkdtemp");
        return;
    }

    /* no configuration at all: Hugo's defaults */
    page_error_init(&err);
    ok(page_config_load(&arena, dir, NULL, &cfg, &err) == 0
       && cfg.nlangs == 1 && strcmp(cfg.langs[0].lang, "en") == 0
       && cfg.pager_size == 10 && cfg.summary_length == 70
       && strcmp(cfg.base_path, "/") == 0, "empty site: defaults");

    /* hugo.yaml is preferred to config.yaml */
    put(dir, "config.yaml", "title: Config\n");
    put(dir, "hugo.yaml", "title: Hugo\n");
    page_error_init(&err);
    ok(page_config_load(&arena, dir, NULL, &cfg, &err) == 0
       && strcmp(cfg.title, "Hugo") == 0, "hugo.yaml before config.yaml");

    /* a YAML error names file:line:col */
    put(dir, "hugo.yaml", "title: x\nparams:\n  a: [1, 2\n");
    page_error_init(&err);
    ok(page_config_load(&arena, dir, NULL, &cfg, &err) == -1,
       "bad YAML fails");
    snprintf(want, sizeof(want), "%s/hugo.yaml:", dir);
    ok(strncmp(err.msg, want, strlen(want)) == 0
       && err.line >= 3, "bad YAML: file:line:col");
    ok(strstr(err.msg, "invalid YAML configuration: ") != NULL,
       "bad YAML: says configuration, not front matter");
    printf("#   %s\n", err.msg);

    /* JSON errors too */
    unlink(strcat(strcpy(sub, dir), "/hugo.yaml"));
    unlink(strcat(strcpy(sub, dir), "/config.yaml"));
    put(dir, "hugo.json", "{\n  \"title\": \"x\",\n  oops\n}\n");
    page_error_init(&err);
    ok(page_config_load(&arena, dir, NULL, &cfg, &err) == -1
       && err.line == 3, "bad JSON: line 3");
    printf("#   %s\n", err.msg);
    unlink(strcat(strcpy(sub, dir), "/hugo.json"));

    /* TOML (libtomlplusplus): keys in any case, as YAML's */
    put(dir, "hugo.toml", "baseURL = 'https://example.org/docs/'\n"
        "title = 'Toml Site'\n[params]\n  Color = 'red'\n"
        "  [params.nav]\n    depth = 2\n");
    page_error_init(&err);
    ok(page_config_load(&arena, dir, NULL, &cfg, &err) == 0,
       "TOML: hugo.toml loads");
    is_str(cfg.title, "Toml Site", "TOML: title");
    is_str(cfg.base_path, "/docs/", "TOML: baseURL's path");
    is_str(str_at(&cfg, "params.color"), "red", "TOML: params, any case");
    v = page_config_get(&cfg, "params.nav.depth");
    ok(v != NULL && v->type == PAGE_INT && v->u.i == 2,
       "TOML: a nested table's integer");

    /* a TOML error names file:line:col */
    put(dir, "hugo.toml", "title = 'x'\n[params]\na = = 1\n");
    page_error_init(&err);
    snprintf(want, sizeof(want), "%s/hugo.toml:3:", dir);
    ok(page_config_load(&arena, dir, NULL, &cfg, &err) == -1
       && strncmp(err.msg, want, strlen(want)) == 0
       && strstr(err.msg, "configuration: toml: ") != NULL,
       "bad TOML: file:line:col, says configuration");
    printf("#   %s\n", err.msg);
    unlink(strcat(strcpy(sub, dir), "/hugo.toml"));

    /* a link to a file outside the site is not read */
    put("/tmp", "site-test-config-outside.yaml", "title: Outside\n");
    snprintf(sub, sizeof(sub), "%s/hugo.yaml", dir);
    if (symlink("/tmp/site-test-config-outside.yaml", sub) == 0) {
        page_error_init(&err);
        ok(page_config_load(&arena, dir, NULL, &cfg, &err) == -1
           && strstr(err.msg, "outside the site directory") != NULL,
           "a linked file outside the site is refused");
        unlink(sub);
    }
    unlink("/tmp/site-test-config-outside.yaml");

    /* defaultContentLanguage must be a configured language */
    put(dir, "hugo.yaml", "defaultContentLanguage: de\nlanguages:\n"
        "  en: {weight: 1}\n");
    page_error_init(&err);
    ok(page_config_load(&arena, dir, NULL, &cfg, &err) == -1
       && strstr(err.msg, "defaultContentLanguage") != NULL,
       "default language not in languages");
    unlink(sub);

    /* an environment name cannot leave config/ */
    put(dir, "hugo.yaml", "title: T\n");
    page_error_init(&err);
    ok(page_config_load(&arena, dir, "../..", &cfg, &err) == 0
       && strcmp(cfg.title, "T") == 0, "environment ../.. reads nothing");
    unlink(sub);

    rmdir(dir);
}


int
main(void)
{
    char  *slash;

    /* the repository's top: this file is t/unit/test_config.c */
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

    page_arena_init(&arena, 0);

    test_confdir();
    test_environment();
    test_blog();
    test_theme_config();
    test_errors();

    page_arena_free(&arena);

    return tap_done();
}
