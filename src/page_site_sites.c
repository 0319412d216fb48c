/*
 * page_site_sites: the site values themselves: .Site's methods that are
 * about the site rather than its pages (Param, Config, IsDefault,
 * LanguagePrefix, Languages, MainSections, Sites, Store, Version,
 * BuildDrafts), and the .Site of each other language (.Sites, and what a
 * page of another language reaches): its title, language, params and
 * home, with the same methods.  page_site_data.c makes pages and lists.
 */

#include <string.h>
#include <strings.h>

#include "page_data.h"
#include "page_sc_exec.h"
#include "page_site_data.h"
#include "page_site_index.h"

#define page_is(name, len, lit) \
    ((len) == sizeof(lit) - 1 && memcmp(name, lit, sizeof(lit) - 1) == 0)


/*
 * Hugo's SiteConfig (.Site.Config): .Services and .Privacy with the
 * fields templates read, from the configuration's lower-cased keys (or
 * the older top-level key Hugo still reads), with Hugo's defaults.  B: a
 * bool, S: a string, I: an int.
 */
typedef struct {
    const char  *path;          /* "Services.Disqus.Shortname" */
    const char  *key;           /* "services.disqus.shortname" */
    char         type;
    const char  *dflt;
    const char  *old;           /* "disqusshortname", or NULL */
} page_sites_field_t;

static const page_sites_field_t  page_sites_config[] = {
    { "Services.Disqus.Shortname", "services.disqus.shortname", 'S', "",
      "disqusshortname" },
    { "Services.GoogleAnalytics.ID", "services.googleanalytics.id", 'S',
      "", "googleanalytics" },
    { "Services.Instagram.DisableInlineCSS",
      "services.instagram.disableinlinecss", 'B', "", NULL },
    { "Services.Instagram.AccessToken", "services.instagram.accesstoken",
      'S', "", NULL },
    { "Services.Twitter.DisableInlineCSS",
      "services.twitter.disableinlinecss", 'B', "", NULL },
    { "Services.X.DisableInlineCSS", "services.x.disableinlinecss", 'B',
      "", NULL },
    { "Services.RSS.Limit", "services.rss.limit", 'I', "-1", "rsslimit" },
    { "Privacy.Disqus.Disable", "privacy.disqus.disable", 'B', "", NULL },
    { "Privacy.GoogleAnalytics.Disable", "privacy.googleanalytics.disable",
      'B', "", NULL },
    { "Privacy.GoogleAnalytics.RespectDoNotTrack",
      "privacy.googleanalytics.respectdonottrack", 'B', "", NULL },
    { "Privacy.Instagram.Disable", "privacy.instagram.disable", 'B', "",
      NULL },
    { "Privacy.Instagram.Simple", "privacy.instagram.simple", 'B', "", NULL },
    { "Privacy.Twitter.Disable", "privacy.twitter.disable", 'B', "", NULL },
    { "Privacy.Twitter.EnableDNT", "privacy.twitter.enablednt", 'B', "",
      NULL },
    { "Privacy.Twitter.Simple", "privacy.twitter.simple", 'B', "", NULL },
    { "Privacy.X.Disable", "privacy.x.disable", 'B', "", NULL },
    { "Privacy.X.EnableDNT", "privacy.x.enablednt", 'B', "", NULL },
    { "Privacy.X.Simple", "privacy.x.simple", 'B', "", NULL },
    { "Privacy.Vimeo.Disable", "privacy.vimeo.disable", 'B', "", NULL },
    { "Privacy.Vimeo.EnableDNT", "privacy.vimeo.enablednt", 'B', "", NULL },
    { "Privacy.Vimeo.Simple", "privacy.vimeo.simple", 'B', "", NULL },
    { "Privacy.YouTube.Disable", "privacy.youtube.disable", 'B', "", NULL },
    { "Privacy.YouTube.PrivacyEnhanced", "privacy.youtube.privacyenhanced",
      'B', "", NULL },
    { NULL, NULL, 0, NULL, NULL }
};


/* map[a][b]... = v along a dotted path, making the maps. */
static int
page_sites_put(page_arena_t *a, page_value_t *m, const char *path,
    page_value_t *v)
{
    size_t         n;
    const char    *dot;
    page_value_t  *sub;

    for ( ;; ) {
        dot = strchr(path, '.');
        n = dot ? (size_t) (dot - path) : strlen(path);

        if (dot == NULL) {
            return v ? page_map_set(a, m, path, n, v) : -1;
        }

        sub = page_map_get(m, path, n);
        if (sub == NULL) {
            sub = page_value_map(a);
            if (sub == NULL || page_map_set(a, m, path, n, sub) != 0) {
                return -1;
            }
        }

        m = sub;
        path = dot + 1;
    }
}


static page_value_t *
page_sites_config_value(page_arena_t *a, page_value_t *root)
{
    size_t                     i;
    page_value_t              *m, *v, *c;
    const page_sites_field_t  *f;

    m = page_value_map(a);

    for (i = 0; m != NULL && page_sites_config[i].path != NULL; i++) {
        f = &page_sites_config[i];
        c = page_data_param(root, f->key, strlen(f->key));

        if ((c == NULL || c->type == PAGE_NIL) && f->old != NULL) {
            c = page_map_get_ci(root, f->old, strlen(f->old));
        }

        if (f->type == 'B') {
            v = page_value_const_bool(c != NULL && c->type == PAGE_BOOL
                                      && c->u.b);
        } else if (f->type == 'I') {
            v = page_value_int(a, c != NULL && c->type == PAGE_INT
                                  ? c->u.i : -1);
        } else {
            v = c != NULL && page_value_is_string(c)
                ? c : page_value_string(a, f->dflt, strlen(f->dflt));
        }

        if (page_sites_put(a, m, f->path, v) != 0) {
            return NULL;
        }
    }

    return m;
}


/*
 * The .Site of another language: what .Site has that depends on the
 * language (page_site_data_init makes the page's own).
 */
static page_value_t *
page_sites_other(page_site_data_t *sd, size_t lang)
{
    page_arena_t              *a;
    page_value_t             **slot, *m, *v;
    const page_site_t         *s;
    const page_config_lang_t  *lc;

    slot = page_site_data_site_slot(sd, lang);
    if (slot == NULL) {
        return &page_nil_value;
    }

    if (*slot != NULL) {
        return *slot;
    }

    a = page_site_data_arena(sd);
    s = page_site_data_index(sd);
    lc = s->langs[lang].conf;
    m = page_value_map(a);
    v = page_map_gets(s->cfg->root, "copyright");

    if (m == NULL
        || page_map_set(a, m, "Title", 5,
                        page_value_string(a, lc->title, strlen(lc->title)))
           != 0
        || page_map_set(a, m, "BaseURL", 7,
                        page_value_string(a, s->cfg->base_url,
                                          strlen(s->cfg->base_url))) != 0
        || page_map_set(a, m, "LanguageCode", 12,
                        page_value_string(a, lc->code, strlen(lc->code)))
           != 0
        || page_map_set(a, m, "Language", 8,
                        page_site_data_language(sd, lang)) != 0
        || page_map_set(a, m, "Params", 6,
                        page_site_sites_params(sd, lang,
                                               lc->params ? lc->params
                                                          : s->cfg->params))
           != 0
        || page_map_set(a, m, "Copyright", 9,
                        page_value_is_string(v) ? v
                        : page_value_string(a, "", 0)) != 0
        || page_map_set(a, m, "Lastmod", 7,
                        page_value_time(a, &s->langs[lang].lastmod)) != 0
        || page_map_set(a, m, "LastChange", 10,
                        page_value_time(a, &s->langs[lang].lastmod)) != 0)
    {
        return NULL;
    }

    *slot = m;

    return m;
}


page_value_t *
page_site_sites_value(page_site_data_t *sd, size_t lang)
{
    if (lang == page_site_data_lang(sd)) {
        return page_site_data_data(sd)->site;
    }

    return page_sites_other(sd, lang);
}


/*
 * .Sites in the languages' order (by weight, then name), as hugo 0.111.3
 * and current Hugo give it: the default language wherever its weight
 * puts it.
 */
static page_value_t *
page_sites_list(page_site_data_t *sd)
{
    size_t              i;
    page_arena_t       *a;
    page_value_t       *list, *v;
    const page_site_t  *s;

    a = page_site_data_arena(sd);
    s = page_site_data_index(sd);
    list = page_value_list(a);

    for (i = 0; list != NULL && i < s->nlangs; i++) {
        if (s->langs[i].conf == NULL) {
            continue;
        }

        v = page_site_sites_value(sd, i);
        if (v == NULL || page_list_push(a, list, v) != 0) {
            return NULL;
        }
    }

    return list;
}


static page_value_t *
page_sites_main_sections(page_site_data_t *sd, size_t lang)
{
    page_arena_t       *a;
    page_value_t       *v, *list;
    const page_site_t  *s;

    a = page_site_data_arena(sd);
    s = page_site_data_index(sd);

    v = page_map_get_ci(s->langs[lang].conf->params
                        ? s->langs[lang].conf->params : s->cfg->params,
                        "mainsections", 12);
    if (v != NULL && v->type != PAGE_NIL) {
        return v;
    }

    /* Hugo's default: the section with the most pages */
    list = page_value_list(a);

    if (list != NULL && s->langs[lang].main_section != NULL
        && s->langs[lang].main_section[0] != '\0'
        && page_list_push(a, list,
                          page_value_string(a, s->langs[lang].main_section,
                                            strlen(s->langs[lang]
                                                   .main_section)))
           != 0)
    {
        return NULL;
    }

    return list;
}


page_value_t *
page_site_sites_params(page_site_data_t *sd, size_t lang,
    page_value_t *params)
{
    size_t              i;
    page_arena_t       *a;
    page_value_t       *m, *list;
    const char         *sec;
    const page_site_t  *s;

    s = page_site_data_index(sd);
    sec = lang < s->nlangs ? s->langs[lang].main_section : NULL;

    if (sec == NULL || sec[0] == '\0'
        || (params != NULL && params->type != PAGE_MAP)
        || page_map_get_ci(params, "mainsections", 12) != NULL)
    {
        return params;
    }

    /* a copy: the configuration's map is shared by every render */
    a = page_site_data_arena(sd);
    m = page_value_map(a);
    list = page_value_list(a);

    if (m == NULL || list == NULL
        || page_list_push(a, list, page_value_string(a, sec, strlen(sec)))
           != 0)
    {
        return NULL;
    }

    for (i = 0; params != NULL && i < params->u.map.n; i++) {
        if (page_map_set(a, m, params->u.map.items[i].key.data,
                         params->u.map.items[i].key.len,
                         params->u.map.items[i].value) != 0)
        {
            return NULL;
        }
    }

    return page_map_set(a, m, "mainsections", 12, list) == 0 ? m : NULL;
}


/*
 * The methods of .Sites (hugo.Sites, current Hugo): Default, the default
 * language's site wherever it is in the list, and First (deprecated).
 * 1 when recv is not that list or name not one of them.
 */
int
page_site_sites_list_method(page_site_data_t *sd, page_value_t *recv,
    const char *name, size_t len, size_t nargs, page_value_t **res)
{
    const page_site_t  *s;

    if (recv == NULL || recv != *page_site_data_sites_slot(sd) || nargs != 0)
    {
        return 1;
    }

    s = page_site_data_index(sd);

    if (page_is(name, len, "Default")) {
        *res = page_site_sites_value(sd, s->cfg->default_index);
        return 0;
    }

    if (page_is(name, len, "First")) {
        *res = recv->u.list.n ? recv->u.list.items[0] : NULL;
        return 0;
    }

    return 1;
}


int
page_site_sites_method(page_tpl_state_t *st, page_site_data_t *sd,
    size_t lang, const char *name, size_t len, page_value_t **args,
    size_t nargs, page_value_t **res)
{
    size_t              i;
    page_arena_t       *a;
    page_value_t       *site, *list, **slot;
    const page_site_t  *s;

    a = page_site_data_arena(sd);
    s = page_site_data_index(sd);
    site = page_site_sites_value(sd, lang);

    if (page_is(name, len, "Param")) {
        if (nargs != 1) {
            return 1;
        }

        if (!page_tpl_is_str(args[0])) {
            return page_tpl_fail(st, "Param: want one string key");
        }

        *res = page_data_param(page_map_gets(site, "Params"),
                                args[0]->u.s.data, args[0]->u.s.len);
        return 0;
    }

    if (nargs != 0) {
        return 1;
    }

    if (page_is(name, len, "IsDefault")) {
        *res = page_value_const_bool(lang == s->cfg->default_index);
        return 0;
    }

    if (page_is(name, len, "BuildDrafts")) {
        *res = page_value_const_bool(s->cfg->build_drafts);
        return 0;
    }

    if (page_is(name, len, "LanguagePrefix")) {
        *res = page_value_string(a, s->langs[lang].prefix,
                                 strlen(s->langs[lang].prefix));
        goto made;
    }

    if (page_is(name, len, "Languages")) {
        list = page_value_list(a);

        for (i = 0; list != NULL && i < s->nlangs; i++) {
            if (s->langs[i].conf != NULL
                && page_list_push(a, list, page_site_data_language(sd, i))
                   != 0)
            {
                list = NULL;
            }
        }

        *res = list;
        goto made;
    }

    if (page_is(name, len, "MainSections")) {
        *res = page_sites_main_sections(sd, lang);
        goto made;
    }

    if (page_is(name, len, "Sites")) {
        slot = page_site_data_sites_slot(sd);
        if (*slot == NULL) {
            *slot = page_sites_list(sd);
        }
        *res = *slot;
        goto made;
    }

    if (page_is(name, len, "Config")) {
        *res = page_sites_config_value(a, s->cfg->root);
        goto made;
    }

    if (page_is(name, len, "Store")) {
        /* one for the render: Hugo's lasts the build, ours the request */
        slot = page_site_data_store_slot(sd);
        if (*slot == NULL) {
            *slot = page_sc_scratch_new(a);
        }
        *res = *slot;
        goto made;
    }

    if (page_is(name, len, "Version")) {
        /* deprecated in Hugo: hugo.Version */
        *res = page_map_gets(page_map_gets(page_site_data_data(sd)->site,
                                           "Hugo"), "Version");
        return 0;
    }

    return 1;

made:

    return *res ? 0 : page_tpl_fail(st, "out of memory");
}
