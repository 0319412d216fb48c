/*
 * test_site_i18n: CLDR plural forms through ICU (page_site_i18n_plural),
 * the data tree of t/site/data (page_site_datadir: the site's keys over
 * the theme's, a directory over a file of the same name, formats) and
 * its errors, and T rendered with the index.  The plural forms
 * expected are CLDR's rules as the Unicode plural rules chart gives
 * them (cldr.unicode.org, "Language Plural Rules"); the data and the
 * translations are hugo 0.111.3's build of t/site/data (t/44-site-data.t
 * compares the whole pages).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "tap.h"
#include "page.h"
#include "page_buf.h"
#include "page_config.h"
#include "page_data.h"
#include "page_site_datadir.h"
#include "page_site_i18n.h"
#include "page_site_index.h"
#include "page_templates.h"

/* after every date of the fixture */
#define NOW  INT64_C(1748736000)

static char  top[1024];

static const char *const  forms[] = {
    "zero", "one", "two", "few", "many", "other"
};


static void
plural(const char *lang, const char *count, const char *want)
{
    char  name[128];

    snprintf(name, sizeof(name), "%s %s: %s", lang,
             count ? count : "(none)", want);
    is_str(forms[page_site_i18n_plural(lang, count)], want, name);
}


static void
test_plural(void)
{
    /* English: one is i = 1 and v = 0 */
    plural("en", "1", "one");
    plural("en", "0", "other");
    plural("en", "2", "other");
    plural("en", "1.0", "other");
    plural("en", "-1", "one");
    plural("en", NULL, "other");
    plural("en", "x", "other");

    /* Polish: few 2-4 (not 12-14), many the other integers */
    plural("pl", "1", "one");
    plural("pl", "2", "few");
    plural("pl", "4", "few");
    plural("pl", "5", "many");
    plural("pl", "12", "many");
    plural("pl", "22", "few");
    plural("pl", "0", "many");
    plural("pl", "112", "many");
    plural("pl", "1.5", "other");

    /* Russian: one ends in 1 (not 11), few 2-4 (not 12-14) */
    plural("ru", "1", "one");
    plural("ru", "21", "one");
    plural("ru", "11", "many");
    plural("ru", "3", "few");
    plural("ru", "13", "many");
    plural("ru", "2.5", "other");

    /* Arabic: all six */
    plural("ar", "0", "zero");
    plural("ar", "1", "one");
    plural("ar", "2", "two");
    plural("ar", "3", "few");
    plural("ar", "110", "few");
    plural("ar", "111", "many");
    plural("ar", "103", "few");
    plural("ar", "11", "many");
    plural("ar", "100", "other");

    /* French: one is i = 0 or 1; Czech: a fraction is many */
    plural("fr", "0", "one");
    plural("fr", "1.5", "one");
    plural("fr", "2", "other");
    plural("cs", "3", "few");
    plural("cs", "1.5", "many");
    plural("cs", "5", "other");

    /* a region of a language, one without forms, one unknown */
    plural("pt-br", "0", "one");
    plural("pt-pt", "0", "other");
    plural("ja", "1", "other");
    plural("zz", "1", "other");
}


static char *
value_text(page_arena_t *a, const page_value_t *v)
{
    page_buf_t  b;

    page_buf_init(&b, a, 0);
    page_value_print(&b, v);
    page_buf_putc(&b, '\0');

    return page_buf_failed(&b) ? NULL : b.data;
}


static void
test_datadir(void)
{
    char           dir[1200];
    const char    *error;
    page_arena_t   conf, a;
    page_value_t  *data, *again;
    page_config_t  cfg;
    page_error_t   err;
    page_site_t    site;

    snprintf(dir, sizeof(dir), "%s/t/site/data", top);
    page_arena_init(&conf, 0);
    page_arena_init(&a, 0);
    page_error_init(&err);

    if (!ok(page_config_load(&conf, dir, NULL, &cfg, &err) == 0
            && page_site_build(&site, &cfg, dir, NOW, &err) == 0,
            "t/site/data's index builds"))
    {
        printf("#   %s\n", err.msg);
        page_arena_free(&conf);
        return;
    }

    ok(page_site_datadir(&site, &data, &error) == 0, "data/ loads");
    is_str(value_text(&a, page_map_gets(data, "site")),
           "map[owner:map[name:Ann] tags:[a b] themeKey:from theme "
           "title:Tides]",
           "the site's file over the theme's, its maps not merged deeper");
    is_str(value_text(&a, page_map_gets(data, "authors")),
           "map[ann:map[age:40 name:Ann Lee] "
           "bob:map[links:map[site:https://bob.example] name:Bob]]",
           "a directory: JSON and TOML files");
    is_str(value_text(&a, page_map_gets(data, "themeonly")),
           "map[f:1.5 list:[1 two] n:3]", "a theme's file");
    ok(page_site_datadir(&site, &again, &error) == 0 && again == data,
       "kept with the index: the same tree");

    page_site_free(&site);
    page_arena_free(&conf);
    page_arena_free(&a);
}


static void
write_file(const char *path, const char *text)
{
    FILE  *f;

    f = fopen(path, "w");
    if (f != NULL) {
        fputs(text, f);
        fclose(f);
    }
}


static void
test_errors(void)
{
    char           dir[64], path[256], want[512];
    const char    *error;
    page_arena_t   conf, a;
    page_value_t  *data;
    page_config_t  cfg;
    page_error_t   err;
    page_site_t    site;

    snprintf(dir, sizeof(dir), "/tmp/test-site-i18n-XXXXXX");
    if (!ok(mkdtemp(dir) != NULL, "a scratch site")) {
        return;
    }

    snprintf(path, sizeof(path), "%s/content", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof(path), "%s/data", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof(path), "%s/data/site", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof(path), "%s/hugo.toml", dir);
    write_file(path, "title = \"x\"\n");
    snprintf(path, sizeof(path), "%s/data/site/title.yaml", dir);
    write_file(path, "t: from the directory\n");
    snprintf(path, sizeof(path), "%s/data/site.yaml", dir);
    write_file(path, "title: from the file\nother: kept\n");
    snprintf(path, sizeof(path), "%s/data/empty.json", dir);
    write_file(path, "");

    page_arena_init(&conf, 0);
    page_arena_init(&a, 0);
    page_error_init(&err);

    if (page_config_load(&conf, dir, NULL, &cfg, &err) == 0
        && page_site_build(&site, &cfg, dir, NOW, &err) == 0)
    {
        ok(page_site_datadir(&site, &data, &error) == 0, "scratch: loads");
        /* hugo 0.111.3: the directory's key wins over the file's */
        is_str(value_text(&a, data),
               "map[empty:map[] site:map[other:kept "
               "title:map[t:from the directory]]]",
               "a directory over the file of its name; an empty file");
        page_site_free(&site);
    } else {
        ok(0, "scratch: builds");
    }

    /* a file with no format: Hugo's words */
    snprintf(path, sizeof(path), "%s/data/notes.txt", dir);
    write_file(path, "hello\n");

    if (page_site_build(&site, &cfg, dir, NOW, &err) == 0) {
        ok(page_site_datadir(&site, &data, &error) != 0, "a .txt: fails");
        snprintf(want, sizeof(want), "failed to load data: \"%s/"
                 "data/notes.txt:1:1\": unmarshal of format \"\" is not "
                 "supported", site.root);
        is_str(error, want, "a .txt: hugo's words, the file");
        page_site_free(&site);
    }
    unlink(path);

    /* bad YAML: the position in the file */
    snprintf(path, sizeof(path), "%s/data/bad.yaml", dir);
    write_file(path, "a: 1\nb: [\n");

    if (page_site_build(&site, &cfg, dir, NOW, &err) == 0) {
        ok(page_site_datadir(&site, &data, &error) != 0, "bad YAML: fails");
        snprintf(want, sizeof(want), "failed to load data: \"%s/"
                 "data/bad.yaml:2:1\": failed to unmarshal YAML: yaml: "
                 "line 2: did not find expected node content", site.root);
        /* hugo 0.111.3: "data/broken.yaml:2:1" for the same text */
        is_str(error, want, "bad YAML: the file:line:col, Hugo's words");
        page_site_free(&site);
    }
    unlink(path);

    snprintf(path, sizeof(path), "rm -rf '%s'", dir);
    if (system(path) != 0) {
        printf("#   could not remove %s\n", dir);
    }

    page_arena_free(&conf);
    page_arena_free(&a);
}


int
main(void)
{
    char  *slash;

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

    test_plural();
    test_datadir();
    test_errors();

    page_exit();

    return done_testing();
}
