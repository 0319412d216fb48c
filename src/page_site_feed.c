/*
 * page_site_feed: RSS feeds, sitemaps and the 404 page of a site, and
 * the output-format values templates read (.OutputFormats, .Sitemap).
 * The layout lookups follow Hugo's candidate lists for an output format
 * (output/layout.go): the page's layout, then its kind's names (index,
 * home, section, term, taxonomy, terms, list) in the folders of its type,
 * its section, its kind, the top of layouts/ (current Hugo's names) and
 * _default/, each with the language and format in the file name first.
 */

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "page_resource.h"
#include "page_site_data.h"
#include "page_site_feed.h"
#include "page_templates.h"
#include "page_time.h"

/* The one key of an output format's value no template can name. */
#define PAGE_FEED_FORMAT_KEY  "\001format"

/* Hugo's title of the 404 page. */
#define PAGE_FEED_404_TITLE  "404 Page not found"

/* Go's layouts of the dates sitemaps write. */
#define PAGE_FEED_W3C_DATE  "2006-01-02T15:04:05-07:00"

/* Most folders and layout names of one lookup (before the variations). */
#define PAGE_FEED_MAX_PARTS  8

#define page_is(name, len, lit) \
    ((len) == sizeof(lit) - 1 && memcmp(name, lit, sizeof(lit) - 1) == 0)

#define page_add(a, map, lit, v)                                             \
    ((v) == NULL ? -1 : page_map_set(a, map, lit, sizeof(lit) - 1, v))


/* The output formats a page may have (Hugo's built-in ones it serves). */
typedef struct {
    const char  *id;            /* outputs' name, lower case */
    const char  *name;          /* .Name, as Hugo prints it */
    const char  *rel;
    const char  *media;
    const char  *file;          /* under the page's path; NULL: the page */
} page_feed_format_t;

static const page_feed_format_t  page_feed_table[] = {
    { "html", "HTML", "canonical", "text/html", NULL },
    { "rss", "RSS", "alternate", "application/rss+xml", "index.xml" },
    { "json", "JSON", "alternate", "application/json", "index.json" },
    { "csv", "CSV", "alternate", "text/csv", "index.csv" },
    { "calendar", "Calendar", "alternate", "text/calendar", "index.ics" },
    { NULL, NULL, NULL, NULL, NULL }
};


/* What each output is looked up and sent as. */
typedef struct {
    const char  *output;        /* page_options_t's output */
    const char  *format;        /* in layout names: "rss" */
    const char  *ext;           /* its media type's first suffix */
    const char  *media;         /* sent as */
    unsigned     page:1;        /* a page's output (its kind's names) */
} page_feed_output_t;

static const page_feed_output_t  page_feed_outputs[] = {
    { PAGE_OUTPUT_RSS, "rss", "xml", "application/rss+xml", 1 },
    { PAGE_OUTPUT_SITEMAP, "sitemap", "xml", "application/xml", 0 },
    { PAGE_OUTPUT_ROBOTS, "robots", "txt", "text/plain", 0 },
    { PAGE_OUTPUT_404, "html", "html", "text/html", 0 },
    { "json", "json", "json", "application/json", 1 },
    { "csv", "csv", "csv", "text/csv", 1 },
    { "calendar", "calendar", "ics", "text/calendar", 1 },
    { NULL, NULL, NULL, NULL, 0 }
};


static const page_feed_output_t *
page_feed_output(const char *output)
{
    size_t  i;

    for (i = 0; page_feed_outputs[i].output != NULL; i++) {
        if (strcmp(page_feed_outputs[i].output, output) == 0) {
            return &page_feed_outputs[i];
        }
    }

    return NULL;
}


typedef struct {
    const char  **names;
    size_t        n;
    size_t        max;
    char         *buf;
    size_t        used;
    size_t        size;
} page_feed_names_t;


/* type/layout.variation.ext, lower case, once; layout or variation set. */
static void
page_feed_name(page_feed_names_t *nm, const char *type, const char *layout,
    const char *variation, const char *ext)
{
    int     n;
    char   *p;
    size_t  i;

    if (nm->n + 1 >= nm->max) {
        return;
    }

    p = nm->buf + nm->used;

    n = snprintf(p, nm->size - nm->used, "%s%s%s%s%s.%s",
                 type, type[0] ? "/" : "", layout,
                 layout[0] && variation[0] ? "." : "", variation, ext);

    if (n < 0 || (size_t) n >= nm->size - nm->used
        || (size_t) n >= PAGE_SITE_FEED_MAX_NAME)
    {
        return;
    }

    for (i = 0; p[i]; i++) {
        if (p[i] >= 'A' && p[i] <= 'Z') {
            p[i] = (char) (p[i] - 'A' + 'a');
        }
    }

    for (i = 0; i < nm->n; i++) {
        if (strcmp(nm->names[i], p) == 0) {
            return;
        }
    }

    nm->names[nm->n++] = p;
    nm->names[nm->n] = NULL;
    nm->used += (size_t) n + 1;
}


static void
page_feed_part(const char **parts, size_t *n, const char *s)
{
    if (s == NULL || *n >= PAGE_FEED_MAX_PARTS
        || strcmp(s, "shortcodes") == 0 || strcmp(s, "partials") == 0
        || strchr(s, '.') == s || strstr(s, "..") != NULL)
    {
        return;
    }

    parts[(*n)++] = s;
}


size_t
page_site_feed_names(const page_site_t *s, const page_site_page_t *p,
    const char *output, const char *lang, const char **names, size_t max,
    char *buf, size_t size)
{
    int                        baseof, rss;
    char                       buf_terms[PAGE_SITE_FEED_MAX_NAME];
    char                       lang_fmt[64];
    size_t                     nt, nl, t, v, l, nv;
    const char                *types[PAGE_FEED_MAX_PARTS + 2];
    const char                *layouts[PAGE_FEED_MAX_PARTS + 2];
    const char                *vars[4], *fmt, *ext, *section;
    page_feed_names_t          nm;
    const page_feed_output_t  *o;

    nm.names = names;
    nm.n = 0;
    nm.max = max;
    nm.buf = buf;
    nm.used = 0;
    nm.size = size;

    if (max == 0) {
        return 0;
    }

    names[0] = NULL;

    if (lang == NULL && p != NULL && p->lang < s->nlangs
        && s->langs[p->lang].conf != NULL)
    {
        lang = s->langs[p->lang].conf->lang;
    }

    if (lang == NULL) {
        lang = "";
    }

    baseof = strcmp(output, "baseof") == 0;
    rss = strcmp(output, PAGE_OUTPUT_RSS) == 0;
    o = page_feed_output(baseof ? PAGE_OUTPUT_404 : output);

    if (o == NULL) {
        return 0;
    }

    fmt = o->format;
    ext = o->ext;

    nt = 0;
    nl = 0;

    if (strcmp(output, PAGE_OUTPUT_404) == 0 || baseof) {
        page_feed_part(layouts, &nl, baseof ? "404-baseof" : "404");
        page_feed_part(types, &nt, "");

    } else if (strcmp(output, PAGE_OUTPUT_SITEMAP) == 0) {
        page_feed_part(layouts, &nl, "sitemap");
        page_feed_part(types, &nt, "");

    } else if (strcmp(output, PAGE_OUTPUT_ROBOTS) == 0) {
        page_feed_part(layouts, &nl, "robots");
        page_feed_part(types, &nt, "");

    } else if (p != NULL) {
        section = p->section;

        if (p->tax != NULL && p->tax->conf != NULL) {
            section = p->tax->conf->singular;
        }

        if (p->layout != NULL && p->layout[0]) {
            page_feed_part(layouts, &nl, p->layout);
        }

        if (p->type != NULL && p->type[0]) {
            page_feed_part(types, &nt, p->type);
        }

        switch (p->kind) {

        case PAGE_KIND_PAGE:
            page_feed_part(layouts, &nl, "single");
            if (section[0]) {
                page_feed_part(types, &nt, section);
            }
            break;

        case PAGE_KIND_HOME:
            page_feed_part(layouts, &nl, "index");
            page_feed_part(layouts, &nl, "home");
            page_feed_part(types, &nt, "");
            break;

        case PAGE_KIND_SECTION:
            if (section[0]) {
                page_feed_part(layouts, &nl, section);
                page_feed_part(types, &nt, section);
            }
            page_feed_part(layouts, &nl, "section");
            page_feed_part(types, &nt, "section");
            break;

        case PAGE_KIND_TERM:
            page_feed_part(layouts, &nl, "term");
            page_feed_part(types, &nt, "term");
            if (section[0]) {
                page_feed_part(layouts, &nl, section);
            }
            page_feed_part(layouts, &nl, "taxonomy");
            page_feed_part(types, &nt, "taxonomy");
            if (section[0]) {
                page_feed_part(types, &nt, section);
            }
            break;

        case PAGE_KIND_TAXONOMY:
            if (section[0]) {
                snprintf(buf_terms, sizeof(buf_terms), "%s.terms", section);
                page_feed_part(layouts, &nl, buf_terms);
                page_feed_part(types, &nt, section);
            }
            page_feed_part(layouts, &nl, "terms");
            page_feed_part(layouts, &nl, "taxonomy");
            page_feed_part(types, &nt, "taxonomy");
            break;

        default:
            break;
        }

        if (rss) {
            /* the historic rss.xml */
            layouts[nl++] = "";
        }
    }

    /* current Hugo's names at the top of layouts/, then _default/ */
    types[nt++] = "";
    types[nt++] = "_default";

    if (p != NULL && p->kind != PAGE_KIND_PAGE && !baseof && o->page) {
        layouts[nl++] = "list";
    }

    if (baseof) {
        layouts[nl++] = "baseof";
    }

    nv = 0;

    if (lang[0] && strlen(lang) + strlen(fmt) + 2 < sizeof(lang_fmt)) {
        memcpy(lang_fmt, lang, strlen(lang));
        lang_fmt[strlen(lang)] = '.';
        memcpy(lang_fmt + strlen(lang) + 1, fmt, strlen(fmt) + 1);
        vars[nv++] = lang_fmt;
        vars[nv++] = fmt;
        vars[nv++] = lang;

    } else {
        vars[nv++] = fmt;
    }

    vars[nv++] = "";

    for (t = 0; t < nt; t++) {
        for (v = 0; v < nv; v++) {
            for (l = 0; l < nl; l++) {
                if (vars[v][0] == '\0' && layouts[l][0] == '\0') {
                    continue;
                }

                page_feed_name(&nm, types[t], layouts[l], vars[v], ext);
            }
        }
    }

    return nm.n;
}


const page_tpl_set_t *
page_site_feed_layout(const page_options_t *opt, const char **entry,
    page_error_t *err)
{
    char                   buf[PAGE_SITE_FEED_MAX_NAMES
                               * PAGE_SITE_FEED_MAX_NAME / 4];
    char                   bbuf[4096];
    const char            *names[PAGE_SITE_FEED_MAX_NAMES + 1];
    const char            *bases[64];
    const page_site_t     *s;
    const page_tpl_set_t  *set;

    s = opt->site;

    page_site_feed_names(s, opt->site_page, opt->output, NULL, names,
                         PAGE_SITE_FEED_MAX_NAMES, buf, sizeof(buf));

    bases[0] = NULL;

    if (strcmp(opt->output, PAGE_OUTPUT_404) == 0) {
        page_site_feed_names(s, opt->site_page, "baseof", NULL, bases, 64,
                             bbuf, sizeof(bbuf));
    }

    set = page_templates_by_names(opt->templates, names, bases, entry);

    if (set == NULL) {
        page_error_set(err, PAGE_ERR_TEMPLATE,
                       opt->path ? opt->path : "-", 0, 0,
                       "no layout found for output format %s (looked for "
                       "%s)", opt->output, names[0] ? names[0] : "none");
    }

    return set;
}


int
page_site_feed_has_layout(const page_templates_t *t, const page_site_t *s,
    const page_site_page_t *p, const char *output)
{
    char         buf[PAGE_SITE_FEED_MAX_NAMES * PAGE_SITE_FEED_MAX_NAME / 4];
    const char  *names[PAGE_SITE_FEED_MAX_NAMES + 1], *entry;

    page_site_feed_names(s, p, output, NULL, names, PAGE_SITE_FEED_MAX_NAMES,
                         buf, sizeof(buf));

    return page_templates_by_names(t, names, NULL, &entry) != NULL;
}


/* ---- values ---- */

static page_value_t *
page_feed_str(page_arena_t *a, const char *s)
{
    return page_value_string_ref(a, PAGE_STRING, s ? s : "",
                                 s ? strlen(s) : 0);
}


static int
page_feed_is_format(const page_value_t *v)
{
    return v != NULL && v->type == PAGE_MAP && v->u.map.n != 0
           && v->u.map.items[0].key.len == sizeof(PAGE_FEED_FORMAT_KEY) - 1
           && memcmp(v->u.map.items[0].key.data, PAGE_FEED_FORMAT_KEY,
                     sizeof(PAGE_FEED_FORMAT_KEY) - 1) == 0;
}


/* The link of p's format f: "/posts/" and "/posts/index.xml". */
static page_value_t *
page_feed_link(page_arena_t *a, const page_site_t *s,
    const page_site_page_t *p, const page_feed_format_t *f, int absolute)
{
    char        rss[PAGE_SITE_RSS_FILE];
    page_buf_t  b;

    page_buf_init(&b, a, 0);

    if (absolute) {
        page_site_permalink_of(s, p, &b);
    } else {
        page_site_rel_permalink(s, p, &b);
    }

    if (f->file != NULL && b.len) {
        if (b.data[b.len - 1] != '/') {
            /* an ugly "/docs.html": its feed is "/docs/index.xml" */
            if (b.len > 5 && memcmp(b.data + b.len - 5, ".html", 5) == 0) {
                b.len -= 5;
            }
            page_buf_putc(&b, '/');
        }
        page_buf_puts(&b, strcmp(f->id, "rss") == 0
                          ? page_site_rss_file(s->cfg, rss, sizeof(rss))
                          : f->file);
    }

    if (page_buf_failed(&b)) {
        return NULL;
    }

    return page_value_string(a, b.data ? b.data : "", b.len);
}


static page_value_t *
page_feed_format(page_arena_t *a, const page_feed_format_t *f,
    page_value_t *rel, page_value_t *abs)
{
    page_value_t  *m;

    m = page_value_map(a);

    if (m == NULL
        || page_map_add(a, m, PAGE_FEED_FORMAT_KEY,
                        sizeof(PAGE_FEED_FORMAT_KEY) - 1, &page_true_value)
           != 0
        || page_add(a, m, "Name", page_feed_str(a, f->name)) != 0
        || page_add(a, m, "Rel", page_feed_str(a, f->rel)) != 0
        || page_add(a, m, "MediaType", page_media_value(f->media)) != 0
        || page_add(a, m, "RelPermalink", rel) != 0
        || page_add(a, m, "Permalink", abs) != 0)
    {
        return NULL;
    }

    return m;
}


/*
 * .OutputFormats of p (alternative: less the output being rendered); the
 * 404 page's is its HTML at /404.html.
 */
static page_value_t *
page_feed_formats(page_data_t *d, page_arena_t *a, const page_site_page_t *p,
    int current, int alternative)
{
    size_t                     i;
    const char                *out;
    page_value_t              *list, *f;
    const page_site_t         *s = d->opt->site;
    const page_feed_format_t  *pf;

    list = page_value_list(a);
    if (list == NULL) {
        return NULL;
    }

    out = d->opt->output ? d->opt->output : "html";

    if (current && d->opt->output != NULL
        && page_feed_output(d->opt->output) != NULL
        && !page_feed_output(d->opt->output)->page)
    {
        if (strcmp(out, PAGE_OUTPUT_404) == 0 && !alternative) {
            f = page_feed_format(a, &page_feed_table[0],
                                 page_map_gets(d->page, "RelPermalink"),
                                 page_map_gets(d->page, "Permalink"));
            if (f == NULL || page_list_push(a, list, f) != 0) {
                return NULL;
            }
        }

        return list;
    }

    for (i = 0; page_feed_table[i].id != NULL; i++) {
        pf = &page_feed_table[i];

        if (!page_site_has_output(s, p, pf->id)
            || (alternative && current && strcmp(pf->id, out) == 0)
            || (alternative && !current && strcmp(pf->id, "html") == 0))
        {
            continue;
        }

        f = page_feed_format(a, pf, page_feed_link(a, s, p, pf, 0),
                             page_feed_link(a, s, p, pf, 1));

        if (f == NULL || page_list_push(a, list, f) != 0) {
            return NULL;
        }
    }

    return list;
}


/* A number of the config or front matter as a float; dflt otherwise. */
static double
page_feed_number(const page_value_t *v, double dflt)
{
    if (v == NULL) {
        return dflt;
    }

    if (v->type == PAGE_INT) {
        return (double) v->u.i;
    }

    if (v->type == PAGE_FLOAT) {
        return v->u.f;
    }

    return dflt;
}


/*
 * .Sitemap of p: its front matter's sitemap over the config's
 * (changefreq, priority: -1 when unset, filename, disable: current
 * Hugo's; hugo 0.111.3 has no disable).
 */
static page_value_t *
page_feed_sitemap(page_data_t *d, page_arena_t *a, const page_site_page_t *p)
{
    int                   disable;
    double                priority;
    page_value_t         *m, *own, *v, *freq, *file;
    const page_config_t  *cfg = d->opt->site->cfg;

    own = p != NULL && p->params != NULL
          ? page_map_gets(p->params, "sitemap") : NULL;
    if (own != NULL && own->type != PAGE_MAP) {
        own = NULL;
    }

    freq = page_map_gets(own, "changefreq");
    if (!page_value_is_string(freq)) {
        freq = page_config_get(cfg, "sitemap.changefreq");
    }

    file = page_map_gets(own, "filename");
    if (!page_value_is_string(file)) {
        file = page_config_get(cfg, "sitemap.filename");
    }

    priority = page_feed_number(page_config_get(cfg, "sitemap.priority"),
                                -1);
    priority = page_feed_number(page_map_gets(own, "priority"), priority);

    v = page_map_gets(own, "disable");
    disable = v != NULL && v->type == PAGE_BOOL ? page_value_truthy(v)
              : page_value_truthy(page_config_get(cfg, "sitemap.disable"));

    m = page_value_map(a);

    if (m == NULL
        || page_add(a, m, "ChangeFreq",
                    page_value_is_string(freq) ? freq : page_feed_str(a, ""))
           != 0
        || page_add(a, m, "Priority", page_value_float(a, priority)) != 0
        || page_add(a, m, "Filename",
                    page_value_is_string(file)
                    ? file : page_feed_str(a, "sitemap.xml")) != 0
        || page_add(a, m, "Disable", page_value_const_bool(disable)) != 0)
    {
        return NULL;
    }

    return m;
}


int
page_site_feed_init(page_data_t *d, page_arena_t *a)
{
    size_t                   i, lang;
    page_buf_t               rel, abs;
    page_value_t            *v, *m, *title;
    const char              *out;
    const page_site_t       *s = d->opt->site;
    const page_site_lang_t  *l;
    const page_site_page_t  *p;
    const page_config_t     *cfg;

    if (s == NULL || d->opt->site_page == NULL) {
        return 0;
    }

    cfg = s->cfg;

    /* .Site.Author (hugo 0.111.3: the config's author); .Site.Config is
     * page_site_sites.c's */

    if (page_map_gets(d->site, "Author") == NULL) {
        v = page_map_gets(cfg->root, "author");
        if (page_add(a, d->site, "Author",
                     v != NULL && v->type == PAGE_MAP ? v : page_value_map(a))
            != 0)
        {
            return -1;
        }
    }

    /*
     * A list page without a date of its own has its pages' latest (the
     * index's), as Hugo gives it: the feed's lastBuildDate, the
     * sitemap's lastmod.
     */
    p = d->opt->site_page;
    v = page_map_gets(d->page, "Date");

    if (p->kind != PAGE_KIND_PAGE && !p->has_date
        && (v == NULL || v->type != PAGE_TIME || v->u.t.is_zero)
        && (page_add(a, d->page, "Date", page_value_time(a, &p->dates.date))
            != 0
            || page_add(a, d->page, "Lastmod",
                        page_value_time(a, &p->dates.lastmod)) != 0
            || page_add(a, d->page, "PublishDate",
                        page_value_time(a, &p->dates.publish)) != 0))
    {
        return -1;
    }

    out = d->opt->output;

    if (out == NULL || page_feed_output(out) == NULL
        || page_feed_output(out)->page)
    {
        return 0;
    }

    /*
     * The sitemap, robots.txt, the 404 page: a page of their own (a copy
     * of the home page's values), so that the home page in .Data.Pages
     * and the other lists stays the home page.
     */
    m = page_value_map(a);
    if (m == NULL || page_map_reserve(a, m, d->page->u.map.n + 8) != 0) {
        return -1;
    }

    for (i = 0; i < d->page->u.map.n; i++) {
        if (page_map_add(a, m, d->page->u.map.items[i].key.data,
                         d->page->u.map.items[i].key.len,
                         d->page->u.map.items[i].value)
            != 0)
        {
            return -1;
        }
    }

    d->page = m;
    title = page_feed_str(a, strcmp(out, PAGE_OUTPUT_404) == 0
                             ? PAGE_FEED_404_TITLE : "");

    if (page_add(a, d->page, "Kind",
                 page_feed_str(a, strcmp(out, PAGE_OUTPUT_ROBOTS) == 0
                                  ? "robotsTXT" : out)) != 0
        || page_add(a, d->page, "Title", title) != 0
        || page_add(a, d->page, "LinkTitle", title) != 0
        || page_add(a, d->page, "IsHome", &page_false_value) != 0
        || page_add(a, d->page, "IsNode", &page_false_value) != 0
        || page_add(a, d->page, "IsSection", &page_false_value) != 0
        || page_add(a, d->page, "IsPage", &page_false_value) != 0)
    {
        return -1;
    }

    if (strcmp(out, PAGE_OUTPUT_404) != 0) {
        return 0;
    }

    /* the 404 page: /404.html of its language, Hugo's title */

    lang = d->opt->site_page->lang < s->nlangs ? d->opt->site_page->lang : 0;
    l = &s->langs[lang];

    page_buf_init(&rel, a, 0);
    page_buf_init(&abs, a, 0);

    page_buf_puts(&rel, cfg->base_path);
    page_buf_puts(&abs, cfg->base_url);

    while (rel.len && rel.data[rel.len - 1] == '/') {
        rel.len--;
    }

    while (abs.len && abs.data[abs.len - 1] == '/') {
        abs.len--;
    }

    page_buf_puts(&rel, l->prefix);
    page_buf_puts(&rel, "/404.html");
    page_buf_puts(&abs, l->prefix);
    page_buf_puts(&abs, "/404.html");

    if (page_buf_failed(&rel) || page_buf_failed(&abs)
        || page_add(a, d->page, "RelPermalink",
                    page_value_string(a, rel.data, rel.len)) != 0
        || page_add(a, d->page, "Permalink",
                    page_value_string(a, abs.data, abs.len)) != 0
        || page_add(a, d->page, "Type", page_feed_str(a, "")) != 0
        || page_add(a, d->page, "Section", page_feed_str(a, "")) != 0
        || page_add(a, d->page, "Description", page_feed_str(a, "")) != 0)
    {
        return -1;
    }

    return 0;
}


int
page_site_feed_method(page_tpl_state_t *st, page_data_t *d,
    page_value_t *recv, const char *name, size_t len, page_value_t **args,
    size_t nargs, page_value_t **res)
{
    size_t                   i;
    page_arena_t            *a;
    page_value_t            *m, *f, *n, *list;
    const page_site_page_t  *p;

    if (d->opt->site == NULL) {
        return 1;
    }

    /* .OutputFormats.Get "rss" (any case): the format, or nil */

    if (page_is(name, len, "Get") && nargs == 1 && recv->type == PAGE_LIST
        && recv->u.list.n > 0 && page_feed_is_format(recv->u.list.items[0]))
    {
        *res = NULL;

        if (!page_tpl_is_str(args[0])) {
            return page_tpl_fail(st, "OutputFormats.Get: want a format "
                                 "name");
        }

        for (i = 0; i < recv->u.list.n; i++) {
            f = recv->u.list.items[i];
            n = page_map_gets(f, "Name");

            if (page_value_is_string(n) && n->u.s.len == args[0]->u.s.len
                && strncasecmp(n->u.s.data, args[0]->u.s.data, n->u.s.len)
                   == 0)
            {
                *res = f;
                break;
            }
        }

        return 0;
    }

    /* .RSSLink: deprecated in hugo 0.55, gone by 0.111.3 (an error) */
    if (page_is(name, len, "RSSLink")
        && (recv == d->page || page_site_data_page_of(d, recv)))
    {
        return page_tpl_fail(st, "can't evaluate field RSSLink in type "
                             "*hugolib.pageState");
    }

    if (nargs != 0
        || !(page_is(name, len, "OutputFormats")
             || page_is(name, len, "AlternativeOutputFormats")
             || page_is(name, len, "Sitemap")
             || (page_is(name, len, "Data") && recv == d->page
                 && d->opt->output != NULL
                 && strcmp(d->opt->output, PAGE_OUTPUT_SITEMAP) == 0)))
    {
        return 1;
    }

    /* the page rendered (the home page for the sitemap, robots.txt and
       the 404 page, which have a value of their own), or another */
    p = recv == d->page ? d->opt->site_page : page_site_data_page_of(d, recv);
    if (p == NULL) {
        return 1;
    }

    a = page_tpl_arena(st);

    if (name[0] == 'D') {
        /* the sitemap's .Data.Pages: its language's pages */
        m = page_value_map(a);
        list = page_site_data_list(d, &d->opt->site->langs[
                   p->lang < d->opt->site->nlangs ? p->lang : 0].pages);

        if (m == NULL || page_add(a, m, "Pages", list) != 0) {
            return page_tpl_fail(st, "out of memory");
        }

        *res = m;
        return 0;
    }

    if (name[0] == 'S') {
        *res = page_feed_sitemap(d, a, p);

    } else {
        *res = page_feed_formats(d, a, p, recv == d->page, name[0] == 'A');
    }

    return *res ? 0 : page_tpl_fail(st, "out of memory");
}


/* ---- the sitemap index, the media types, the 404 page's language ---- */

int
page_site_sitemap_index(const page_site_t *s, page_buf_t *b)
{
    size_t         l, n;
    const char    *file;
    page_value_t  *v;

    v = page_config_get(s->cfg, "sitemap.filename");
    file = page_value_is_string(v) && v->u.s.len ? v->u.s.data
                                                 : "sitemap.xml";
    n = strlen(s->cfg->base_url);

    while (n && s->cfg->base_url[n - 1] == '/') {
        n--;
    }

    page_buf_puts(b, "<?xml version=\"1.0\" encoding=\"utf-8\" "
                     "standalone=\"yes\"?>\n"
                     "<sitemapindex xmlns=\"http://www.sitemaps.org/"
                     "schemas/sitemap/0.9\">\n  ");

    for (l = 0; l < s->nlangs; l++) {
        if (s->langs[l].conf == NULL) {
            continue;
        }

        page_buf_puts(b, "\n  <sitemap>\n    <loc>");
        page_buf_append_html(b, s->cfg->base_url, n);
        page_buf_putc(b, '/');
        page_buf_append_html(b, s->langs[l].conf->lang,
                             strlen(s->langs[l].conf->lang));
        page_buf_putc(b, '/');
        page_buf_append_html(b, file, strlen(file));
        page_buf_puts(b, "</loc>\n    ");

        if (!s->langs[l].lastmod.is_zero) {
            page_buf_puts(b, "\n      <lastmod>");
            page_time_format(b, &s->langs[l].lastmod, PAGE_FEED_W3C_DATE,
                             sizeof(PAGE_FEED_W3C_DATE) - 1);
            page_buf_puts(b, "</lastmod>\n    ");
        }

        page_buf_puts(b, "\n  </sitemap>\n  ");
    }

    page_buf_puts(b, "\n</sitemapindex>\n");

    return page_buf_failed(b) ? -1 : 0;
}


const char *
page_site_feed_media_type(const char *output)
{
    const page_feed_output_t  *o;

    o = output ? page_feed_output(output) : NULL;

    return o ? o->media : "text/html";
}


size_t
page_site_feed_lang_of(const page_site_t *s, const char *path, size_t len)
{
    size_t  l, n;

    for (l = 0; l < s->nlangs; l++) {
        n = s->langs[l].prefix ? strlen(s->langs[l].prefix) : 0;

        if (n > 0 && len >= n && memcmp(path, s->langs[l].prefix, n) == 0
            && (len == n || path[n] == '/'))
        {
            return l;
        }
    }

    return s->cfg->default_index < s->nlangs ? s->cfg->default_index : 0;
}
