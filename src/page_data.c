/*
 * page_data: the page and site values templates read, and the Hugo
 * functions and methods that need them.
 */

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "page_data.h"
#include "page_fn.h"
#include "page_highlight.h"
#include "page_markdown.h"
#include "page_publish.h"
#include "page_render_view.h"
#include "page_sc_exec.h"
#include "page_site_content.h"
#include "page_site_data.h"

/* Room for the keys the page and the site get: no reallocation. */
#define PAGE_DATA_PAGE_KEYS  36
#define PAGE_DATA_SITE_KEYS  16

/* Groups of page fields made when first read (page_data_t's lazy). */
#define PAGE_DATA_LAZY_TEXT     0x01    /* .Plain */
#define PAGE_DATA_LAZY_SUMMARY  0x02    /* .Summary, .Truncated */
#define PAGE_DATA_LAZY_WORDS    0x04    /* .WordCount, .FuzzyWordCount, ... */


static int
page_set(page_arena_t *a, page_value_t *map, const char *key,
    page_value_t *v)
{
    if (v == NULL) {
        return -1;
    }

    return page_map_set(a, map, key, strlen(key), v);
}


static int
page_set_str(page_arena_t *a, page_value_t *map, const char *key,
    const char *s, size_t len)
{
    return page_set(a, map, key, page_value_string(a, s, len));
}


/*
 * Add a key new to the map being built: a string literal, so that it is
 * neither looked for first nor copied (page_map_add).
 */
#define page_add(a, map, lit, v)                                             \
    page_add_n(a, map, lit, sizeof(lit) - 1, v)
#define page_add_str(a, map, lit, s, len)                                    \
    page_add(a, map, lit, page_value_string(a, s, len))


static int
page_add_n(page_arena_t *a, page_value_t *map, const char *key, size_t len,
    page_value_t *v)
{
    return v == NULL ? -1 : page_map_add(a, map, key, len, v);
}


void
page_data_plain(page_buf_t *out, const char *html, size_t len)
{
    size_t       i, j, lt, amp;
    const char  *p;
    const char  *ent[][2] = {
        { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
        { "&quot;", "\"" }, { "&#34;", "\"" }, { "&#39;", "'" },
        { "&#x27;", "'" }, { "&nbsp;", " " }
    };

    if (len == 0) {
        return;
    }

    /* the next '<' and '&' at or after i (len: none), each found once */
    p = memchr(html, '<', len);
    lt = p ? (size_t) (p - html) : len;
    p = memchr(html, '&', len);
    amp = p ? (size_t) (p - html) : len;

    for (i = 0; i < len; i++) {
        if (lt < i) {
            p = memchr(html + i, '<', len - i);
            lt = p ? (size_t) (p - html) : len;
        }

        if (amp < i) {
            p = memchr(html + i, '&', len - i);
            amp = p ? (size_t) (p - html) : len;
        }

        j = lt < amp ? lt : amp;

        if (j > i) {
            /* a run of text copied at once; the loop steps past it */
            page_buf_append(out, html + i, j - i);
            i = j - 1;
            continue;
        }

        if (html[i] == '<') {
            /* the tag is dropped: on to its '>' (the loop steps past) */
            p = memchr(html + i, '>', len - i);
            i = p ? (size_t) (p - html) : len;
            continue;
        }

        if (html[i] == '&') {
            for (j = 0; j < sizeof(ent) / sizeof(ent[0]); j++) {
                size_t  n = strlen(ent[j][0]);

                if (len - i >= n && memcmp(html + i, ent[j][0], n) == 0) {
                    page_buf_puts(out, ent[j][1]);
                    i += n - 1;
                    break;
                }
            }

            if (j < sizeof(ent) / sizeof(ent[0])) {
                continue;
            }
        }

        page_buf_putc(out, html[i]);
    }
}


static int
page_is_space(char c)
{
    /* a table, asked of every byte near a paragraph's edges */
    static const unsigned char  space[256] = {
        [' '] = 1, ['\n'] = 1, ['\t'] = 1, ['\r'] = 1, ['\f'] = 1,
        ['\v'] = 1
    };

    return space[(unsigned char) c];
}


/*
 * Current Hugo's TrimShortHTML for markdownify and inline .RenderString:
 * when the HTML holds exactly one "<p>", trim the space around it, and
 * when that paragraph wraps all of it, drop the <p> and </p> too.
 */
void
page_data_strip_paragraph(page_buf_t *out)
{
    size_t       i, n, count;
    const char  *s;

    s = out->data;
    n = out->len;

    if (s == NULL) {
        return;
    }

    count = 0;
    for (i = 0; i + 3 <= n && count < 2; i++) {
        if (s[i] == '<' && memcmp(s + i, "<p>", 3) == 0) {
            count++;
        }
    }

    if (count != 1) {
        return;
    }

    while (n && page_is_space(s[n - 1])) {
        n--;
    }
    while (n && page_is_space(s[0])) {
        s++;
        n--;
    }

    if (n >= 7 && memcmp(s, "<p>", 3) == 0
        && memcmp(s + n - 4, "</p>", 4) == 0)
    {
        s += 3;
        n -= 7;

        while (n && page_is_space(s[n - 1])) {
            n--;
        }
        while (n && page_is_space(s[0])) {
            s++;
            n--;
        }
    }

    memmove(out->data, s, n);
    out->len = n;
}




static page_value_t *
page_param_string(page_arena_t *a, page_value_t *params, const char *key)
{
    page_buf_t     b;
    page_value_t  *v;

    v = page_map_gets(params, key);

    if (v == NULL || v->type == PAGE_NIL) {
        return page_value_string(a, "", 0);
    }

    if (v->type == PAGE_STRING) {
        return v;
    }

    page_buf_init(&b, a, 0);
    page_value_print(&b, v);

    return page_value_string(a, b.data ? b.data : "", b.len);
}


/* .File: the content file, as Hugo describes it, from its site path. */
page_value_t *
page_data_file(page_arena_t *a, const char *file, size_t len)
{
    size_t         dir_len, base_len, cbase_len;
    const char    *name, *dot, *slash, *cbase;
    page_value_t  *f;

    while (len && file[0] == '/') {
        file++;
        len--;
    }

    f = page_value_map(a);
    if (f == NULL) {
        return NULL;
    }

    slash = NULL;
    for (name = file; name < file + len; name++) {
        if (*name == '/') {
            slash = name;
        }
    }

    name = slash ? slash + 1 : file;
    dir_len = (size_t) (name - file);
    dot = NULL;
    for (slash = name; slash < file + len; slash++) {
        if (*slash == '.') {
            dot = slash;
        }
    }
    base_len = dot ? (size_t) (dot - name) : (size_t) (file + len - name);

    /*
     * ContentBaseName: a bundle's (index.md, _index.md) is its folder's
     * name, "" for the home page's, as hugo 0.111.3 gives it
     */
    cbase = name;
    cbase_len = base_len;

    if ((base_len == 5 && memcmp(name, "index", 5) == 0)
        || (base_len == 6 && memcmp(name, "_index", 6) == 0))
    {
        cbase_len = dir_len ? dir_len - 1 : 0;
        for (cbase = file + cbase_len; cbase > file && cbase[-1] != '/';
             cbase--)
        {
            /* back to the folder's first byte */
        }
        cbase_len = (size_t) (file + cbase_len - cbase);
    }

    if (page_add_str(a, f, "Path", file, len) != 0
        || page_add_str(a, f, "LogicalName", name,
                        (size_t) (file + len - name)) != 0
        || page_add_str(a, f, "BaseFileName", name, base_len) != 0
        || page_add_str(a, f, "ContentBaseName", cbase, cbase_len) != 0
        || page_add_str(a, f, "TranslationBaseName", name, base_len) != 0
        || page_add_str(a, f, "Dir", file, dir_len) != 0
        || page_add_str(a, f, "Ext", dot ? dot + 1 : "",
                        dot ? (size_t) (file + len - dot - 1) : 0) != 0
        || page_add_str(a, f, "Lang", "", 0) != 0)
    {
        return NULL;
    }

    return f;
}


/*
 * Set a dotted name ("social.github") in nested maps, as Hugo's nested
 * params: .Site.Params.social.github.
 */
static int
page_data_set_path(page_arena_t *a, page_value_t *map, const char *key,
    size_t len, page_value_t *v)
{
    const char    *dot;
    page_value_t  *sub;

    while ((dot = memchr(key, '.', len)) != NULL) {
        sub = page_map_get(map, key, (size_t) (dot - key));

        if (sub == NULL || sub->type != PAGE_MAP) {
            sub = page_value_map(a);
            if (sub == NULL
                || page_map_set(a, map, key, (size_t) (dot - key), sub) != 0)
            {
                return -1;
            }
        }

        map = sub;
        len -= (size_t) (dot - key) + 1;
        key = dot + 1;
    }

    return page_map_set(a, map, key, len, v);
}


static page_value_t *
page_data_site(page_arena_t *a, const page_options_t *opt,
    page_value_t *hugo)
{
    size_t         i, j;
    char          *key;
    page_value_t  *site, *params, *lang, *v, *code;

    site = page_value_map(a);
    params = page_value_map(a);
    lang = page_value_map(a);

    if (site == NULL || params == NULL || lang == NULL) {
        return NULL;
    }

    for (i = 0; i < opt->nparams; i++) {
        /* site params are case-insensitive, as in Hugo */
        key = page_arena_strndup(a, opt->params[i].name,
                                 opt->params[i].name_len);
        if (key == NULL) {
            return NULL;
        }

        for (j = 0; j < opt->params[i].name_len; j++) {
            if (key[j] >= 'A' && key[j] <= 'Z') {
                key[j] += 'a' - 'A';
            }
        }

        v = page_value_string(a, opt->params[i].value,
                              opt->params[i].value_len);

        if (v == NULL
            || page_data_set_path(a, params, key, opt->params[i].name_len, v)
               != 0)
        {
            return NULL;
        }
    }

    /* Hugo's defaults: language "en", no language code */

    v = page_map_gets(params, "lang");
    if (!page_value_is_string(v) || v->u.s.len == 0) {
        v = page_value_string(a, "en", 2);
    }

    code = page_map_gets(params, "languagecode");
    if (!page_value_is_string(code)) {
        code = page_value_string(a, "", 0);
    }

    if (page_map_reserve(a, site, PAGE_DATA_SITE_KEYS) != 0
        || page_add(a, lang, "Lang", v) != 0
        || page_add(a, lang, "LanguageName", v) != 0
        || page_add(a, lang, "LanguageCode", code) != 0
        || page_add(a, site, "Title",
                    page_value_string(a, opt->site_title ? opt->site_title
                                                         : "",
                                      opt->site_title_len)) != 0
        || page_add(a, site, "Params", params) != 0
        || page_add(a, site, "BaseURL",
                    page_value_string(a, opt->base_url ? opt->base_url : "/",
                                      opt->base_url ? opt->base_url_len : 1))
           != 0
        || page_add(a, site, "Language", lang) != 0
        || page_add(a, site, "LanguageCode", code) != 0
        || page_add(a, site, "Copyright", page_value_string(a, "", 0)) != 0
        || page_add(a, site, "Menus", page_value_map(a)) != 0
        || page_add(a, site, "Taxonomies", page_value_map(a)) != 0
        || page_add(a, site, "Data", page_value_map(a)) != 0
        || page_add(a, site, "Pages", page_value_list(a)) != 0
        || page_add(a, site, "RegularPages", page_value_list(a)) != 0
        || page_add(a, site, "IsServer", &page_false_value) != 0
        || page_add(a, site, "Hugo", hugo) != 0)
    {
        return NULL;
    }

    return site;
}


static page_value_t *
page_data_hugo(page_arena_t *a, const page_options_t *opt)
{
    /* HugoInfo: the hugo namespace's file (page_fn_hugo.c) builds it */
    return page_hugo_info(a, opt);
}


/* .Site.Home: the site's home page, as far as links and titles go. */
static int
page_data_home(page_arena_t *a, page_value_t *site,
    const page_options_t *opt)
{
    page_value_t  *home;

    home = page_value_map(a);

    if (home == NULL
        || page_add(a, home, "Title", page_map_gets(site, "Title")) != 0
        || page_add(a, home, "LinkTitle", page_map_gets(site, "Title")) != 0
        || page_add_str(a, home, "RelPermalink", "/", 1) != 0
        || page_add(a, home, "Permalink", page_map_gets(site, "BaseURL"))
           != 0
        || page_add_str(a, home, "Kind", "home", 4) != 0
        || page_add(a, home, "IsHome", &page_true_value) != 0)
    {
        return -1;
    }

    (void) opt;

    return page_add(a, site, "Home", home);
}


/* The first path segment of the content file: Hugo's section. */
static page_str_t
page_data_section(const char *file, size_t len)
{
    size_t      i;
    page_str_t  s;

    while (len && file[0] == '/') {
        file++;
        len--;
    }

    s.data = file;
    s.len = 0;

    for (i = 0; i < len; i++) {
        if (file[i] == '/') {
            s.len = i;
            break;
        }
    }

    return s;
}


int
page_data_build(page_data_t *d, page_arena_t *a, page_value_t *params,
    const page_str_t *title, const page_options_t *opt, page_error_t *err)
{
    size_t                 file_len, uri_len;
    page_buf_t             link;
    page_str_t             section;
    const char            *file, *uri, *kind;
    page_value_t          *p, *type, *v, *store;
    page_publish_dates_t   dates;

    d->opt = opt;
    d->site_data = NULL;
    d->site_res = NULL;
    page_resources_init(&d->resources, opt);

    file = opt->file ? opt->file : (opt->path ? opt->path : "");
    file_len = opt->file ? opt->file_len : strlen(file);
    uri = opt->uri ? opt->uri : "/";
    uri_len = opt->uri ? opt->uri_len : 1;

    d->hugo = page_data_hugo(a, opt);
    d->site = d->hugo ? page_data_site(a, opt, d->hugo) : NULL;
    d->outputs = page_value_map(a);
    d->empty_list = page_value_list(a);
    d->false_value = &page_false_value;
    p = page_value_map(a);
    d->page = p;

    section = page_data_section(file, opt->file ? file_len : 0);

    type = page_map_gets(params, "type");
    if (!page_value_is_string(type) || type->u.s.len == 0) {
        type = section.len ? page_value_string(a, section.data, section.len)
                           : page_value_string(a, "page", 4);
    }

    kind = "page";
    if (opt->file != NULL
        && (strcmp(file, "/index.md") == 0 || strcmp(file, "/_index.md") == 0
            || strcmp(file, "index.md") == 0))
    {
        kind = "home";
    }

    page_buf_init(&link, a, 0);
    if (opt->base_url_len) {
        page_buf_append(&link, opt->base_url, opt->base_url_len);
        while (link.len && link.data[link.len - 1] == '/') {
            link.len--;
        }
    }
    page_buf_append(&link, uri, uri_len);

    page_publish_dates(params, &dates);
    store = page_sc_scratch_new(a);

    if (d->site == NULL || p == NULL || d->outputs == NULL
        || d->empty_list == NULL || d->false_value == NULL || store == NULL
        || page_data_home(a, d->site, opt) != 0
        || page_hugo_set_site(a, d->hugo, d->site) != 0
        || page_buf_failed(&link)
        || page_map_reserve(a, p, PAGE_DATA_PAGE_KEYS) != 0
        || page_add_str(a, p, "Title", title->data, title->len) != 0
        || page_add_str(a, p, "LinkTitle", title->data, title->len) != 0
        || page_add(a, p, "Params", params) != 0
        || page_add(a, p, "Date", page_value_time(a, &dates.date)) != 0
        || page_add(a, p, "Lastmod", page_value_time(a, &dates.lastmod))
           != 0
        || page_add(a, p, "PublishDate", page_value_time(a, &dates.publish))
           != 0
        || page_add(a, p, "ExpiryDate", page_value_time(a, &dates.expiry))
           != 0
        || page_add(a, p, "Draft", page_value_const_bool(dates.draft)) != 0
        || page_add(a, p, "Description",
                    page_param_string(a, params, "description")) != 0
        || page_add(a, p, "Keywords",
                    (v = page_map_gets(params, "keywords"))
                    && v->type == PAGE_LIST ? v : page_value_list(a)) != 0
        || page_add(a, p, "Permalink",
                    page_value_string(a, link.data ? link.data : "",
                                      link.len)) != 0
        || page_add(a, p, "RelPermalink", page_value_string(a, uri, uri_len))
           != 0
        || page_add_str(a, p, "Kind", kind, strlen(kind)) != 0
        || page_add(a, p, "Type", type) != 0
        || page_add_str(a, p, "Section", section.data, section.len) != 0
        || page_add(a, p, "Layout",
                    page_param_string(a, params, "layout")) != 0
        || page_add(a, p, "File", page_data_file(a, file, file_len)) != 0
        || page_add(a, p, "Site", d->site) != 0
        || page_add(a, p, "IsHome", page_value_const_bool(kind[0] == 'h'))
           != 0
        || page_add(a, p, "IsPage", page_value_const_bool(kind[0] == 'p'))
           != 0
        || page_add(a, p, "IsSection", &page_false_value) != 0
        || page_add(a, p, "IsNode", page_value_const_bool(kind[0] == 'h')) != 0
        || page_add(a, p, "Aliases",
                    (v = page_map_gets(params, "aliases"))
                    && v->type == PAGE_LIST ? v : page_value_list(a)) != 0
        || page_add(a, p, "Resources", page_value_list(a)) != 0
        || page_add(a, p, "Store", store) != 0
        || page_add(a, p, "Scratch", store) != 0
        || page_add(a, p, "Language",
                    page_map_gets(d->site, "Language")) != 0
        || page_add(a, p, "Lang",
                    page_map_gets(page_map_gets(d->site, "Language"),
                                  "Lang")) != 0)
    {
        page_error_nomem(err, opt->path);
        return -1;
    }

    /* with the site index: its values for the page and the site */

    if (page_site_data_init(d, a, err) != 0) {
        return -1;
    }

    /* shortcodes may read these before the content exists */

    if (page_data_content(d, a, NULL, err) != 0) {
        return -1;
    }

    return 0;
}


int
page_data_content(page_data_t *d, page_arena_t *a,
    const page_data_content_t *c, page_error_t *err)
{
    page_str_t     toc;
    page_value_t  *p;

    p = d->page;

    d->content.data = c ? c->content.data : "";
    d->content.len = c ? c->content.len : 0;
    d->more.data = c ? c->summary.data : "";
    d->more.len = c ? c->summary.len : 0;
    toc.data = c ? c->toc.data : "";
    toc.len = c ? c->toc.len : 0;

    /* new content: .Plain, .Summary, ... are made again when read */
    d->lazy = 0;
    d->content_ready = c != NULL;

    /* with the site index, the title is the index's (Hugo's) */
    if ((c != NULL && c->title.len && d->site_data == NULL
         && (page_set_str(a, p, "Title", c->title.data, c->title.len) != 0
             || page_set_str(a, p, "LinkTitle", c->title.data,
                             c->title.len) != 0))
        || page_set(a, p, "Content",
                    page_value_string_ref(a, PAGE_HTML, d->content.data,
                                          d->content.len)) != 0
        || page_set(a, p, "TableOfContents",
                    page_value_string_ref(a, PAGE_HTML, toc.data, toc.len))
           != 0)
    {
        page_error_nomem(err, d->opt->path);
        return -1;
    }

    return 0;
}


/* .Plain: the content's text, made once for the groups that need it. */
static int
page_data_lazy_plain(page_data_t *d, page_arena_t *a)
{
    page_buf_t  b;

    if (d->lazy & PAGE_DATA_LAZY_TEXT) {
        return 0;
    }

    page_buf_init(&b, a, 0);
    /* Hugo's StripHTML, as other pages' .Plain (page_site_content.c) */
    page_site_content_plain(&b, d->content.data, d->content.len);

    if (page_buf_failed(&b)) {
        return -1;
    }

    d->plain.data = b.data ? b.data : "";
    d->plain.len = b.len;
    d->lazy |= PAGE_DATA_LAZY_TEXT;

    return page_set(a, d->page, "Plain",
                    page_value_string_ref(a, PAGE_STRING, d->plain.data,
                                          d->plain.len));
}


/* Is the page's text counted as CJK (isCJKLanguage, hasCJKLanguage). */
static int
page_data_cjk(page_data_t *d)
{
    return page_site_content_is_cjk(d->opt->site ? d->opt->site->cfg : NULL,
                                    page_map_gets(d->page, "Params"),
                                    d->content.data, d->content.len);
}


/*
 * .Summary and .Truncated, by current Hugo's rules as other pages'
 * (page_site_content_summary): the text before <!--more-->, the front
 * matter's summary as Markdown, or whole paragraphs up to summaryLength
 * words.
 */
static int
page_data_lazy_summary(page_data_t *d, page_arena_t *a)
{
    int           truncated;
    page_str_t    summary;
    page_error_t  err;

    page_error_init(&err);

    if (page_site_content_summary(a, page_map_gets(d->page, "Params"),
                                  &d->content, &d->more,
                                  d->opt->site
                                  ? d->opt->site->cfg->summary_length
                                  : PAGE_DATA_SUMMARY_WORDS,
                                  page_data_cjk(d),
                                  d->opt->unsafe_html ? PAGE_MD_UNSAFE : 0,
                                  d->opt->path, &summary, &truncated, &err)
        != 0
        || page_set(a, d->page, "Summary",
                    page_value_string_ref(a, PAGE_HTML, summary.data,
                                          summary.len)) != 0
        || page_set(a, d->page, "Truncated", page_value_const_bool(truncated))
           != 0)
    {
        return -1;
    }

    return 0;
}


/* .WordCount, .FuzzyWordCount and .ReadingTime: from .Plain's words. */
static int
page_data_lazy_words(page_data_t *d, page_arena_t *a)
{
    int     cjk;
    size_t  words;

    if (page_data_lazy_plain(d, a) != 0) {
        return -1;
    }

    cjk = page_data_cjk(d);
    words = page_site_content_words(d->plain.data, d->plain.len, cjk);

    if (page_set(a, d->page, "WordCount", page_value_int(a, (int64_t) words))
        != 0
        || page_set(a, d->page, "FuzzyWordCount",
                    page_value_int(a, (int64_t) ((words + 99) / 100 * 100)))
           != 0
        || page_set(a, d->page, "ReadingTime",
                    page_value_int(a, page_site_content_minutes(
                                          (int64_t) words, cjk))) != 0)
    {
        return -1;
    }

    return 0;
}


/* Does name (any case, as page fields are looked up) equal lit. */
static int
page_data_name_is(const char *name, size_t len, const char *lit)
{
    size_t  i;

    for (i = 0; i < len && lit[i] != '\0'; i++) {
        if ((name[i] | 0x20) != (lit[i] | 0x20)) {
            return 0;
        }
    }

    return i == len && lit[i] == '\0';
}


/*
 * The page's field name is read: when it is one of the fields made on
 * first read, make its group (once per content) into the page map,
 * where the lookup that follows finds it.
 */
static int
page_data_lazy_field(page_tpl_state_t *st, page_data_t *d, const char *name,
    size_t len)
{
    int            rc;
    size_t         i;
    page_arena_t  *a;
    static const struct {
        const char  *name;
        unsigned     group;
    } fields[] = {
        { "Plain", PAGE_DATA_LAZY_TEXT },
        { "Summary", PAGE_DATA_LAZY_SUMMARY },
        { "Truncated", PAGE_DATA_LAZY_SUMMARY },
        { "WordCount", PAGE_DATA_LAZY_WORDS },
        { "FuzzyWordCount", PAGE_DATA_LAZY_WORDS },
        { "ReadingTime", PAGE_DATA_LAZY_WORDS }
    };

    for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
        if (page_data_name_is(name, len, fields[i].name)) {
            break;
        }
    }

    if (i == sizeof(fields) / sizeof(fields[0])
        || (d->lazy & fields[i].group))
    {
        return 0;
    }

    a = page_tpl_arena(st);

    switch (fields[i].group) {
    case PAGE_DATA_LAZY_TEXT:
        rc = page_data_lazy_plain(d, a);
        break;
    case PAGE_DATA_LAZY_SUMMARY:
        rc = page_data_lazy_summary(d, a);
        break;
    default:
        rc = page_data_lazy_words(d, a);
        break;
    }

    if (rc != 0) {
        return page_tpl_fail(st, "out of memory");
    }

    d->lazy |= fields[i].group;

    return 0;
}


#define page_is(name, len, lit) \
    ((len) == sizeof(lit) - 1 && memcmp(name, lit, sizeof(lit) - 1) == 0)


/*
 * Page methods about other pages and output formats: one page is rendered
 * at a time, with no site around it, so they answer "none" the way Hugo
 * does for a page without neighbours, terms or other formats.
 */
static int
page_data_method_none(page_data_t *d, const char *name, size_t len,
    size_t nargs, page_value_t **res)
{
    if (page_is(name, len, "PrevInSection")
        || page_is(name, len, "NextInSection")
        || page_is(name, len, "Prev") || page_is(name, len, "Next")
        || page_is(name, len, "PrevPage") || page_is(name, len, "NextPage")
        || page_is(name, len, "Parent") || page_is(name, len, "CurrentSection")
        || page_is(name, len, "FirstSection")
        || (page_is(name, len, "GetPage") && nargs == 1))
    {
        *res = NULL;
        return 0;
    }

    if (page_is(name, len, "Translations")
        || page_is(name, len, "AllTranslations")
        || page_is(name, len, "Pages") || page_is(name, len, "RegularPages")
        || page_is(name, len, "Sections"))
    {
        *res = d->empty_list;
        return 0;
    }

    if (page_is(name, len, "OutputFormats")
        || page_is(name, len, "AlternativeOutputFormats"))
    {
        *res = d->outputs;
        return 0;
    }

    if (page_is(name, len, "IsTranslated")
        || (page_is(name, len, "HasShortcode") && nargs == 1)
        || (page_is(name, len, "IsMenuCurrent") && nargs == 2)
        || (page_is(name, len, "HasMenuCurrent") && nargs == 2)
        || (page_is(name, len, "IsAncestor") && nargs == 1)
        || (page_is(name, len, "IsDescendant") && nargs == 1))
    {
        *res = d->false_value;
        return 0;
    }

    return 1;
}


/*
 * .GetTerms "tags": the page's terms of a taxonomy, from its front matter,
 * with the links Hugo gives term pages (/tags/<term>/).
 */
static int
page_data_terms(page_tpl_state_t *st, page_data_t *d, page_value_t *tax,
    page_value_t **res)
{
    size_t          i, j;
    page_buf_t      rel, abs;
    page_arena_t   *a;
    page_value_t   *terms, *list, *term, *name;

    a = page_tpl_arena(st);

    if (!page_tpl_is_str(tax)) {
        return page_tpl_fail(st, "GetTerms: want a taxonomy name");
    }

    terms = page_map_get_ci(page_map_gets(d->page, "Params"), tax->u.s.data,
                            tax->u.s.len);
    list = page_value_list(a);
    if (list == NULL) {
        return page_tpl_fail(st, "out of memory");
    }

    for (i = 0; terms != NULL && terms->type == PAGE_LIST
                && i < terms->u.list.n; i++)
    {
        name = terms->u.list.items[i];
        if (!page_value_is_string(name)) {
            continue;
        }

        page_buf_init(&rel, a, 0);
        page_buf_putc(&rel, '/');
        page_buf_append(&rel, tax->u.s.data, tax->u.s.len);
        page_buf_putc(&rel, '/');
        for (j = 0; j < name->u.s.len; j++) {
            char  c = name->u.s.data[j];

            page_buf_putc(&rel, c == ' ' ? '-'
                                : (c >= 'A' && c <= 'Z') ? c + 'a' - 'A'
                                : c);
        }
        page_buf_putc(&rel, '/');

        page_buf_init(&abs, a, 0);
        if (d->opt->base_url_len) {
            page_buf_append(&abs, d->opt->base_url, d->opt->base_url_len);
            while (abs.len && abs.data[abs.len - 1] == '/') {
                abs.len--;
            }
        }
        page_buf_append(&abs, rel.data, rel.len);

        term = page_value_map(a);

        if (term == NULL || page_buf_failed(&rel) || page_buf_failed(&abs)
            || page_add(a, term, "Title", name) != 0
            || page_add(a, term, "LinkTitle", name) != 0
            || page_add(a, term, "Name", name) != 0
            || page_add_str(a, term, "Kind", "term", 4) != 0
            || page_add_str(a, term, "RelPermalink", rel.data, rel.len) != 0
            || page_add_str(a, term, "Permalink", abs.data, abs.len) != 0
            || page_list_push(a, list, term) != 0)
        {
            return page_tpl_fail(st, "out of memory");
        }
    }

    *res = list;

    return 0;
}


/*
 * .RenderString [opts] text: Markdown with the page's settings; inline
 * (the default) drops the paragraph around a one-paragraph result,
 * (dict "display" "block") keeps it.
 */
static int
page_data_render_string(page_tpl_state_t *st, page_data_t *d,
    page_value_t **args, size_t nargs, page_value_t **res)
{
    int              block;
    page_buf_t       out;
    page_error_t     err;
    page_value_t    *text, *display;
    page_tpl_env_t  *env;

    env = page_tpl_env(st);
    text = args[nargs - 1];
    block = 0;

    if (nargs == 2) {
        display = page_map_gets(args[0], "display");
        block = page_tpl_is_str(display) && display->u.s.len == 5
                && memcmp(display->u.s.data, "block", 5) == 0;
    }

    if (!page_tpl_is_str(text)) {
        return page_tpl_fail(st, "RenderString: want a string");
    }

    page_buf_init(&out, env->arena, env->max_output);
    page_error_init(&err);

    if (page_markdown_render(text->u.s.data, text->u.s.len,
                             d->opt->unsafe_html ? PAGE_MD_UNSAFE : 0, 0,
                             &out, NULL, d->opt->path, &err)
        != 0)
    {
        return page_tpl_fail(st, "RenderString: %s", err.msg);
    }

    if (!block) {
        page_data_strip_paragraph(&out);
    }

    *res = page_value_string_ref(env->arena, PAGE_HTML,
                                 out.data ? out.data : "", out.len);

    return *res ? 0 : page_tpl_fail(st, "out of memory");
}


page_value_t *
page_data_param(page_value_t *params, const char *key, size_t len)
{
    size_t         i, n;
    const char    *dot;
    page_value_t  *v;

    v = page_map_get_ci(params, key, len);
    if (v != NULL || memchr(key, '.', len) == NULL) {
        return v;
    }

    /* "a.b.c": each map in turn */
    for (i = 0; params != NULL && i < len; i += n + 1) {
        dot = memchr(key + i, '.', len - i);
        n = dot ? (size_t) (dot - key) - i : len - i;

        if (params->type != PAGE_MAP) {
            return NULL;
        }

        params = page_map_get_ci(params, key + i, n);
    }

    return params;
}


/* Methods: .Param, .Page, .RenderString, ... on the page and site. */
static int
page_data_method(page_tpl_state_t *st, void *ctx, page_value_t *recv,
    const char *name, size_t len, page_value_t **args, size_t nargs,
    page_value_t **res)
{
    int            rc;
    page_data_t   *d = ctx;
    page_value_t  *v, *key;

    rc = page_sc_method(st, d, recv, name, len, args, nargs, res);
    if (rc != 1) {
        return rc;
    }

    rc = page_resource_method(st, &d->resources, recv, name, len, args,
                              nargs, res);
    if (rc != 1) {
        return rc;
    }

    rc = page_render_view(st, d, recv, name, len, args, nargs, res);
    if (rc != 1) {
        return rc;              /* .Render "LAYOUT": page_render_view.c */
    }

    if (d->site_data != NULL) {
        rc = page_site_data_method(st, d, recv, name, len, args, nargs, res);
        if (rc != 1) {
            return rc;
        }
    }

    if (recv == d->outputs) {
        /* .OutputFormats.Get "rss": this server renders HTML only */
        if (page_is(name, len, "Get") && nargs == 1) {
            *res = NULL;
            return 0;
        }

        return 1;
    }

    if (recv == d->hugo) {
        return page_hugo_method(st, d->site, name, len, nargs, res);
    }

    if (recv == d->site && page_is(name, len, "GetPage") && nargs == 1) {
        *res = NULL;
        return 0;
    }

    if (recv == d->page) {
        if (nargs == 0 && page_data_lazy_field(st, d, name, len) != 0) {
            return -1;
        }

        if (page_is(name, len, "URL") && nargs == 0) {
            *res = page_map_gets(d->page, "RelPermalink");
            return 0;
        }

        if (page_is(name, len, "RenderString") && (nargs == 1 || nargs == 2))
        {
            return page_data_render_string(st, d, args, nargs, res);
        }

        if (page_is(name, len, "GetTerms") && nargs == 1) {
            return page_data_terms(st, d, args[0], res);
        }

        if (page_data_method_none(d, name, len, nargs, res) == 0) {
            return 0;
        }

        if (len == 5 && memcmp(name, "Param", 5) == 0) {
            key = nargs == 1 ? args[0] : NULL;

            if (key == NULL || !page_tpl_is_str(key)) {
                return page_tpl_fail(st, "Param: want one string key");
            }

            v = page_data_param(page_map_gets(d->page, "Params"),
                                key->u.s.data, key->u.s.len);

            if (v == NULL || v->type == PAGE_NIL) {
                v = page_data_param(page_map_gets(d->site, "Params"),
                                    key->u.s.data, key->u.s.len);
            }

            *res = v;
            return 0;
        }

        if (len == 4 && memcmp(name, "Page", 4) == 0 && nargs == 0) {
            *res = d->page;
            return 0;
        }
    }

    /*
     * Anything else is a map field: the engine looks it up, exactly and
     * then ignoring case (Hugo's params maps are case-insensitive:
     * .Params.Author), once, without a lookup here first.
     */
    return 1;
}


void
page_data_env(page_data_t *d, page_tpl_env_t *env)
{
    env->method = page_data_method;
    env->method_ctx = d;
    env->data = d;
}


static int
page_fn_partial(page_tpl_state_t *st, page_value_t **args, size_t nargs,
    page_value_t **res)
{
    const char   *name;
    page_data_t  *d;

    d = page_tpl_env(st)->data;

    if (!page_tpl_is_str(args[0])) {
        return page_tpl_fail(st, "partial: the name must be a string");
    }

    name = page_templates_partial_name(d->templates, args[0]->u.s.data,
                                       args[0]->u.s.len);
    if (name == NULL) {
        return page_tpl_fail(st, "partial \"%.*s\" not found",
                             (int) args[0]->u.s.len, args[0]->u.s.data);
    }

    /*
     * The partial runs within this execution: it shares its call depth,
     * step and output limits, and its {{ return }} value comes back.
     */
    return page_tpl_call_in(st, page_templates_partials(d->templates), name,
                            nargs > 1 ? args[1] : &page_nil_value, res);
}


static int
page_fn_site(page_tpl_state_t *st, page_value_t **args, size_t nargs,
    page_value_t **res)
{
    page_data_t  *d = page_tpl_env(st)->data;

    (void) args;
    (void) nargs;

    *res = d->site;

    return 0;
}


/* page: the page being rendered, from any template (Hugo's tpl/page). */
static int
page_fn_page(page_tpl_state_t *st, page_value_t **args, size_t nargs,
    page_value_t **res)
{
    page_data_t  *d = page_tpl_env(st)->data;

    (void) args;
    (void) nargs;

    *res = d->page;

    return 0;
}


static int
page_fn_hugo(page_tpl_state_t *st, page_value_t **args, size_t nargs,
    page_value_t **res)
{
    page_data_t  *d = page_tpl_env(st)->data;

    (void) args;
    (void) nargs;

    *res = d->hugo;

    return 0;
}


/* Candidate files a ref may name, after its path ("x" is x.md, ...). */
static const char *const  page_ref_files[] = {
    "", ".md", "/index.md", "/_index.md", NULL
};


/*
 * dir/p (dir ignored when p starts with "/") with "." and ".." resolved
 * and no leading, trailing or double slash, into b.  -1 when ".." climbs
 * above the site root: a ref names content inside it only.
 */
static int
page_ref_join(page_buf_t *b, const char *dir, size_t dlen, const char *p,
    size_t n)
{
    size_t       i, k, seg, part;
    const char  *src[2];
    size_t       len[2];

    src[0] = dir;
    len[0] = (n && p[0] == '/') ? 0 : dlen;
    src[1] = p;
    len[1] = n;

    b->len = 0;

    for (part = 0; part < 2; part++) {
        for (i = 0; i < len[part]; i = k + 1) {
            for (k = i; k < len[part] && src[part][k] != '/'; k++) {
                /* void */
            }

            seg = k - i;

            if (seg == 0 || (seg == 1 && src[part][i] == '.')) {
                continue;
            }

            if (seg == 2 && src[part][i] == '.' && src[part][i + 1] == '.') {
                if (b->len == 0) {
                    return -1;
                }
                while (b->len && b->data[b->len - 1] != '/') {
                    b->len--;
                }
                if (b->len) {
                    b->len--;               /* the slash */
                }
                continue;
            }

            if (b->len) {
                page_buf_putc(b, '/');
            }
            page_buf_append(b, src[part] + i, seg);
        }
    }

    return page_buf_failed(b) ? -1 : 0;
}


/*
 * The content file rel (joined as page_ref_join makes it) names under
 * root: "docs/b.md", "docs/b" (docs/b.md), a bundle "docs/bun"
 * (docs/bun/index.md), a section "docs/guide" (its _index.md) or a top
 * folder.  Returns 1 with the file (or the top folder) in out.
 */
static int
page_ref_find(page_data_t *d, page_arena_t *a, const page_buf_t *rel,
    page_buf_t *out)
{
    size_t        i, n;
    page_buf_t    file;
    struct stat   sb;

    for (i = 0; page_ref_files[i] != NULL; i++) {
        page_buf_init(&file, a, 0);
        page_buf_append(&file, d->opt->root, d->opt->root_len);
        page_buf_putc(&file, '/');
        page_buf_append(&file, rel->data, rel->len);
        page_buf_puts(&file, page_ref_files[i]);

        if (page_buf_cstr(&file) == NULL || stat(file.data, &sb) != 0) {
            continue;
        }

        n = strlen(page_ref_files[i]);

        if (S_ISREG(sb.st_mode)
            && (n > 0 || (rel->len >= 3
                          && memcmp(rel->data + rel->len - 3, ".md", 3) == 0)))
        {
            page_buf_init(out, a, 0);
            page_buf_append(out, rel->data, rel->len);
            page_buf_puts(out, page_ref_files[i]);
            return !page_buf_failed(out);
        }

        /* a top folder is a section even without its _index.md */
        if (n == 0 && S_ISDIR(sb.st_mode) && rel->len > 0
            && memchr(rel->data, '/', rel->len) == NULL)
        {
            page_buf_init(out, a, 0);
            page_buf_append(out, rel->data, rel->len);
            page_buf_puts(out, "/_index.md");
            return !page_buf_failed(out);
        }
    }

    return 0;
}


/*
 * A bare name ("tabs", "one.md") is Hugo's last resort: the one page,
 * bundle or section of that name anywhere.  The walk of the site root
 * that finds it stops at these limits (a ref on a huge tree must not
 * stall the request).
 */
#define PAGE_REF_MAX_DEPTH    16        /* folders below the root */
#define PAGE_REF_MAX_ENTRIES  20000     /* directory entries read */

typedef struct {
    const char  *name;
    size_t       len;
    size_t       entries;
    unsigned     found;             /* matches so far; 2: ambiguous */
    char         hit[PATH_MAX];     /* the first, under the root */
    char         path[PATH_MAX];    /* the walk's */
} page_ref_walk_t;


/* Does file or folder name (len n) answer the bare name w->name. */
static int
page_ref_name_is(const page_ref_walk_t *w, const char *name, size_t n,
    int md)
{
    if (n == w->len && strncasecmp(name, w->name, n) == 0) {
        return 1;                           /* "one.md", "zb" */
    }

    /* "one" for one.md */
    return md && n == w->len + 3 && strncasecmp(name, w->name, w->len) == 0;
}


static void
page_ref_walk(page_ref_walk_t *w, char *path, size_t root_len, size_t len,
    unsigned depth)
{
    size_t          n;
    DIR            *dir;
    struct stat     sb;
    struct dirent  *de;

    if (depth > PAGE_REF_MAX_DEPTH) {
        return;
    }

    dir = opendir(path);
    if (dir == NULL) {
        return;
    }

    while (w->found < 2 && (de = readdir(dir)) != NULL) {
        if (++w->entries > PAGE_REF_MAX_ENTRIES) {
            break;
        }

        n = strlen(de->d_name);

        if (de->d_name[0] == '.' || len + 1 + n + 10 >= PATH_MAX) {
            continue;                       /* ., .., hidden; too long */
        }

        path[len] = '/';
        memcpy(path + len + 1, de->d_name, n + 1);

        if (stat(path, &sb) != 0) {
            continue;
        }

        if (S_ISREG(sb.st_mode)) {
            if (n > 3 && memcmp(de->d_name + n - 3, ".md", 3) == 0
                && strcmp(de->d_name, "index.md") != 0
                && strcmp(de->d_name, "_index.md") != 0
                && page_ref_name_is(w, de->d_name, n, 1))
            {
                if (w->found++ == 0) {
                    snprintf(w->hit, sizeof(w->hit), "%s",
                             path + root_len + 1);
                }
            }
            continue;
        }

        if (!S_ISDIR(sb.st_mode)) {
            continue;
        }

        if (page_ref_name_is(w, de->d_name, n, 0)) {
            /* a bundle or a section by its folder's name */
            memcpy(path + len + 1 + n, "/index.md", 10);
            if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
                memcpy(path + len + 1 + n, "/_index.md", 11);
            }
            if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode)
                && w->found++ == 0)
            {
                snprintf(w->hit, sizeof(w->hit), "%s", path + root_len + 1);
            }
            path[len + 1 + n] = '\0';
        }

        page_ref_walk(w, path, root_len, len + 1 + n, depth + 1);
    }

    closedir(dir);
    path[len] = '\0';
}


/*
 * relref/ref PAGE REF: Hugo's page reference.  REF is a path
 * ("docs/b.md", "docs/b", "/docs/b.md", "../c.md", "docs/b.md#frag",
 * "#frag"), a list (a shortcode's .Params: its first) or a map with
 * "path" and "outputFormat".  Without a leading "/" the path is looked
 * for in the page's folder first, then from the root, as Hugo's
 * GetPage does; the files are checked under the site root when it is
 * known.  The URL is the page's pretty URL, "/docs/b/" (an index.md or
 * _index.md names its folder), then the fragment.
 */
static int
page_fn_relref_url(page_tpl_state_t *st, int absolute, page_value_t **args,
    size_t nargs, page_value_t **res)
{
    int               found;
    size_t            i, n, dir, flen, fdir, pass;
    page_buf_t        url, rel, hit;
    const char       *p, *frag, *from;
    page_data_t      *d;
    page_value_t     *v, *f;
    page_tpl_env_t   *env;
    page_ref_walk_t  *w;

    env = page_tpl_env(st);
    d = env->data;
    v = args[nargs - 1];
    f = NULL;

    if (v != NULL && v->type == PAGE_LIST && v->u.list.n > 0) {
        v = v->u.list.items[0];         /* ref .Page .Params */

    } else if (v != NULL && v->type == PAGE_MAP) {
        f = NULL;
        for (i = 0; i < v->u.map.n; i++) {
            if (v->u.map.items[i].key.len == 12
                && strncasecmp(v->u.map.items[i].key.data, "outputFormat",
                               12) == 0)
            {
                f = v->u.map.items[i].value;
            }
        }
        for (i = 0; i < v->u.map.n; i++) {
            if (v->u.map.items[i].key.len == 4
                && strncasecmp(v->u.map.items[i].key.data, "path", 4) == 0)
            {
                break;
            }
        }
        v = i < v->u.map.n ? v->u.map.items[i].value : NULL;

        if (f != NULL && page_tpl_is_str(f) && f->u.s.len
            && !(f->u.s.len == 4 && strncasecmp(f->u.s.data, "html", 4) == 0))
        {
            return page_tpl_fail(st, "ref: output format \"%.*s\": only html "
                                 "pages are rendered at request time",
                                 (int) f->u.s.len, f->u.s.data);
        }
    }

    if (!page_tpl_is_str(v) || v->u.s.len == 0) {
        return page_tpl_fail(st, "ref: want a content path");
    }

    /* the page the ref is from: its file and folder, under the root */

    from = d->opt->file ? d->opt->file : "";
    flen = d->opt->file ? d->opt->file_len : 0;
    while (flen && *from == '/') {
        from++;
        flen--;
    }
    for (fdir = flen; fdir && from[fdir - 1] != '/'; fdir--) {
        /* void */
    }

    p = v->u.s.data;
    n = v->u.s.len;
    frag = memchr(p, '#', n);
    if (frag != NULL) {
        n = (size_t) (frag - p);
    }

    page_buf_init(&url, env->arena, 0);

    if (n == 0 && frag != NULL) {
        /* "#frag": the page itself; Hugo prints the fragment alone */
        page_buf_append(&url, frag, v->u.s.len);   /* frag is p here */
        goto done;
    }

    found = 0;
    page_buf_init(&rel, env->arena, 0);
    page_buf_init(&hit, env->arena, 0);

    for (pass = 0; pass < 2 && !found; pass++) {
        /* pass 0: from the page's folder; 1: from the root */
        if (pass == 0 && (fdir == 0 || p[0] == '/')) {
            continue;
        }

        if (page_ref_join(&rel, from, pass ? 0 : fdir, p, n) != 0) {
            continue;
        }

        if (rel.len == 0) {
            found = 1;                  /* "/": the home page */
            continue;
        }

        if (d->opt->root == NULL) {
            /* content from upstream: no files to check; as written */
            if (pass == 1) {
                page_buf_append(&hit, rel.data, rel.len);
                found = !page_buf_failed(&hit);
            }
            continue;
        }

        found = page_ref_find(d, env->arena, &rel, &hit);
    }

    if (!found && d->opt->root != NULL && d->opt->root_len + 1 < PATH_MAX
        && memchr(p, '/', n) == NULL)
    {
        w = page_arena_alloc(env->arena, sizeof(page_ref_walk_t));
        if (w == NULL) {
            return page_tpl_fail(st, "out of memory");
        }

        w->name = p;
        w->len = n;
        w->entries = 0;
        w->found = 0;
        memcpy(w->path, d->opt->root, d->opt->root_len);
        w->path[d->opt->root_len] = '\0';

        page_ref_walk(w, w->path, d->opt->root_len, d->opt->root_len, 0);

        if (w->found > 1) {
            return page_tpl_fail(st, "REF_NOT_FOUND: Ref \"%.*s\" from page "
                                 "\"%.*s\": page reference \"/%.*s\" is "
                                 "ambiguous", (int) v->u.s.len, v->u.s.data,
                                 (int) flen, from, (int) n, p);
        }

        if (w->found == 1) {
            page_buf_init(&hit, env->arena, 0);
            page_buf_puts(&hit, w->hit);
            found = !page_buf_failed(&hit);
        }
    }

    if (!found) {
        return page_tpl_fail(st, "REF_NOT_FOUND: Ref \"%.*s\" from page "
                             "\"%.*s\": page not found",
                             (int) v->u.s.len, v->u.s.data, (int) flen, from);
    }

    if (absolute && d->opt->base_url_len) {
        page_buf_append(&url, d->opt->base_url, d->opt->base_url_len);
        while (url.len && url.data[url.len - 1] == '/') {
            url.len--;
        }
    }

    page_buf_putc(&url, '/');

    p = hit.data ? hit.data : "";
    n = hit.len;

    if (n >= 3 && memcmp(p + n - 3, ".md", 3) == 0) {
        n -= 3;
    }

    dir = n;
    while (dir && p[dir - 1] != '/') {
        dir--;
    }

    if ((n - dir == 5 && memcmp(p + dir, "index", 5) == 0)
        || (n - dir == 6 && memcmp(p + dir, "_index", 6) == 0))
    {
        n = dir;                        /* the folder itself */
    }

    while (n && p[n - 1] == '/') {
        n--;
    }

    if (n) {
        page_buf_append(&url, p, n);
        page_buf_putc(&url, '/');
    }

    if (frag != NULL) {
        page_buf_append(&url, frag, v->u.s.len - (size_t) (frag
                                                            - v->u.s.data));
    }

done:

    *res = page_value_string_ref(env->arena, PAGE_STRING,
                                 url.data ? url.data : "/", url.len);

    return *res && !page_buf_failed(&url) ? 0
                                          : page_tpl_fail(st, "out of memory");
}


static int
page_fn_ref(page_tpl_state_t *st, page_value_t **args, size_t nargs,
    page_value_t **res)
{
    return page_fn_relref_url(st, 1, args, nargs, res);
}


static int
page_fn_relref(page_tpl_state_t *st, page_value_t **args, size_t nargs,
    page_value_t **res)
{
    return page_fn_relref_url(st, 0, args, nargs, res);
}


/*
 * highlight CODE LANG [OPTIONS]: the code as Hugo's highlighter writes it
 * (page_highlight.h); OPTIONS a string ("linenos=table,hl_lines=2") or
 * a map.
 */
static int
page_fn_highlight(page_tpl_state_t *st, page_value_t **args, size_t nargs,
    page_value_t **res)
{
    size_t              langlen;
    page_buf_t          b;
    const char         *lang;
    page_hl_options_t   hl;

    if (!page_tpl_is_str(args[0])) {
        return page_tpl_fail(st, "highlight: want the code as a string");
    }

    lang = "";
    langlen = 0;
    if (nargs > 1 && page_tpl_is_str(args[1])) {
        lang = args[1]->u.s.data;
        langlen = args[1]->u.s.len;
    }

    page_hl_options_default(&hl);
    if (nargs > 2) {
        page_hl_options_value(&hl, args[2]);
    }

    page_buf_init(&b, page_tpl_arena(st), page_tpl_env(st)->max_output);
    page_highlight(&b, args[0]->u.s.data, args[0]->u.s.len, lang, langlen,
                   &hl, -1, NULL);

    if (page_buf_failed(&b)) {
        return page_tpl_fail(st, "highlight: output too large");
    }

    *res = page_value_string_ref(page_tpl_arena(st), PAGE_HTML,
                                 b.data ? b.data : "", b.len);

    return *res ? 0 : page_tpl_fail(st, "out of memory");
}


const page_tpl_func_t  page_data_funcs[] = {
    /* arguments after the context are ignored, as Hugo's Include does */
    { "partial",        page_fn_partial,  1, -1 },
    { "partialCached",  page_fn_partial,  1, -1 },
    { "page",           page_fn_page,     0, 0 },
    { "site",           page_fn_site,     0, 0 },
    { "hugo",           page_fn_hugo,     0, 0 },
    { "ref",            page_fn_ref,      1, 2 },
    { "highlight",      page_fn_highlight, 2, 3 },
    { "transform.Highlight", page_fn_highlight, 2, 3 },
    { "relref",         page_fn_relref,   1, 2 },
};

const size_t  page_data_nfuncs = sizeof(page_data_funcs)
                                 / sizeof(page_data_funcs[0]);
