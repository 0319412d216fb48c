/*
 * page_site_front: what the index takes from a page's front matter:
 * title, linkTitle, weight, layout, translationKey, draft, the dates
 * (with the site's [frontmatter] configuration), the build options
 * (_build, headless), whether the page is published, and the front
 * matter that sections pass down to their pages (cascade).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "page_glob.h"
#include "page_site_int.h"
#include "page_time.h"


/*
 * Hugo's build options: _build (or build) {list: always|local|never,
 * render: always|link|never}, false meaning never; headless: true on a
 * leaf bundle is list and render never.
 */
static void
page_site_build_options(page_site_page_t *p)
{
    page_value_t  *b, *v;

    p->list = 2;

    b = page_map_gets(p->params, "_build");
    if (b == NULL) {
        b = page_map_gets(p->params, "build");
    }

    if (b != NULL && b->type == PAGE_MAP) {
        v = page_map_gets(b, "list");
        if (v != NULL && ((v->type == PAGE_BOOL && !v->u.b)
                          || (page_value_is_string(v)
                              && strcmp(v->u.s.data, "never") == 0)))
        {
            p->list = 0;

        } else if (v != NULL && page_value_is_string(v)
                   && strcmp(v->u.s.data, "local") == 0)
        {
            p->list = 1;
        }

        v = page_map_gets(b, "render");
        if (v != NULL && ((v->type == PAGE_BOOL && !v->u.b)
                          || (page_value_is_string(v)
                              && (strcmp(v->u.s.data, "never") == 0
                                  || strcmp(v->u.s.data, "link") == 0))))
        {
            p->no_render = 1;
        }
    }

    v = page_map_gets(p->params, "headless");
    if (p->bundle == PAGE_BUNDLE_LEAF && v != NULL && v->type == PAGE_BOOL
        && v->u.b)
    {
        p->list = 0;
        p->no_render = 1;
    }
}


/* A date from a front matter value: a time, or a string Hugo reads. */
static int
page_site_value_date(const page_value_t *v, page_time_t *t)
{
    if (v == NULL) {
        return 0;
    }

    if (v->type == PAGE_TIME && !v->u.t.is_zero) {
        *t = v->u.t;
        return 1;
    }

    return page_value_is_string(v)
           && page_time_parse(v->u.s.data, v->u.s.len, t) == 0;
}


/*
 * One date by the site's [frontmatter] list for it: front matter keys,
 * ":default" (Hugo's own list), ":filename" (a leading YYYY-MM-DD of the
 * file's name, the rest becoming the slug), ":fileModTime"; ":git" needs
 * the repository's history and is skipped.  1 when a date was found.
 */
static int
page_site_date_by(page_site_page_t *p, const page_value_t *list,
    const char *const *dflt, page_time_t *t)
{
    size_t         i, n, k;
    const char    *key;
    page_value_t  *one;

    n = list->type == PAGE_LIST ? list->u.list.n : 1;

    for (i = 0; i < n; i++) {
        one = list->type == PAGE_LIST ? list->u.list.items[i]
                                      : (page_value_t *) list;

        if (!page_value_is_string(one)) {
            continue;
        }

        key = one->u.s.data;

        if (strcasecmp(key, ":default") == 0) {
            for (k = 0; dflt[k] != NULL; k++) {
                if (page_site_value_date(page_map_gets(p->params, dflt[k]),
                                         t))
                {
                    return 1;
                }
            }
            continue;
        }

        if (strcasecmp(key, ":filename") == 0) {
            if (strlen(p->slug) >= 10
                && page_time_parse(p->slug, 10, t) == 0)
            {
                /* "2023-05-06-title": the rest is the slug */
                p->slug += p->slug[10] == '-' ? 11 : 10;
                return 1;
            }
            continue;
        }

        if (strcasecmp(key, ":filemodtime") == 0) {
            if (p->file != NULL) {
                memset(t, 0, sizeof(page_time_t));
                t->sec = p->mtime;
                return 1;
            }
            continue;
        }

        if (key[0] == ':') {
            continue;               /* :git */
        }

        if (page_site_value_date(page_map_get_ci(p->params, key,
                                                 strlen(key)), t))
        {
            return 1;
        }
    }

    return 0;
}


/* Dates by the site's [frontmatter] configuration, when it has one. */
static void
page_site_frontmatter(page_site_t *s, page_site_page_t *p)
{
    size_t         i;
    page_time_t   *t;
    page_value_t  *fm, *list;

    static const char  *const dates[] = {
        "date", "publishdate", "pubdate", "published", "lastmod",
        "modified", NULL
    };
    static const char  *const lastmods[] = {
        "lastmod", "modified", "date", "publishdate", "pubdate",
        "published", NULL
    };
    static const char  *const publishes[] = {
        "publishdate", "pubdate", "published", "date", NULL
    };
    static const char  *const expiries[] = {
        "expirydate", "unpublishdate", NULL
    };
    static const char  *const names[] = {
        "date", "lastmod", "publishdate", "expirydate"
    };
    const char *const  *dflts[] = { dates, lastmods, publishes, expiries };

    fm = page_map_gets(s->cfg->root, "frontmatter");
    if (fm == NULL || fm->type != PAGE_MAP || p->file == NULL) {
        return;
    }

    for (i = 0; i < 4; i++) {
        list = page_map_gets(fm, names[i]);

        if (list == NULL
            || (list->type != PAGE_LIST && !page_value_is_string(list)))
        {
            continue;
        }

        t = i == 0 ? &p->dates.date : i == 1 ? &p->dates.lastmod
            : i == 2 ? &p->dates.publish : &p->dates.expiry;

        if (!page_site_date_by(p, list, dflts[i], t)) {
            page_time_zero(t);
        }
    }

    if (p->dates.lastmod.is_zero) {
        p->dates.lastmod = p->dates.date;
    }
}


void
page_site_fields(page_site_t *s, page_site_page_t *p)
{
    page_error_t          perr;
    page_publish_rules_t  rules;
    int64_t               until;
    page_site_fresh_t    *f;
    const char           *t;

    page_publish_dates(p->params, &p->dates);
    page_site_frontmatter(s, p);
    page_site_build_options(p);

    if (p->error != NULL) {
        /* Hugo fails the build; we serve the page (its render shows the
           error) but list it nowhere, as it has no title or dates */
        p->list = 0;
    }

    p->draft = p->dates.draft;
    p->has_date = !p->dates.date.is_zero;
    p->weight = page_site_param_int(p->params, "weight");
    p->layout = page_site_param_str(p->params, "layout");
    p->translation_key = page_site_param_str(p->params, "translationkey");

    t = page_site_param_str(p->params, "title");
    if (t[0] != '\0' || p->title == NULL) {
        p->title = t;
    }

    p->link_title = page_site_param_str(p->params, "linktitle");
    if (p->link_title[0] == '\0') {
        p->link_title = p->title;
    }

    rules.drafts = s->cfg->build_drafts;
    rules.future = s->cfg->build_future;
    rules.expired = s->cfg->build_expired;

    page_error_init(&perr);
    p->published = page_publish_check(&p->dates, &rules, s->now,
                                      p->file ? p->file : "", &until, &perr)
                   == 0;

    /* the next time the published set changes by the clock alone */

    f = &s->fresh;

    if (p->published && until > 0 && (f->next_change == 0
                                      || until < f->next_change))
    {
        f->next_change = until;
    }

    if (!p->published && !p->draft && !rules.future
        && p->dates.publish.sec > s->now
        && (p->dates.expiry.is_zero || p->dates.expiry.sec > s->now)
        && (f->next_change == 0 || p->dates.publish.sec < f->next_change))
    {
        f->next_change = p->dates.publish.sec;
    }
}




/* -------------------------------------------------------------------- */
/* cascade                                                               */


/* p's content path as cascade's _target.path matches it: "/docs/a". */
static size_t
page_site_target_path(const page_site_page_t *p, char *buf, size_t size)
{
    int  n;

    switch (p->kind) {

    case PAGE_KIND_HOME:
        n = snprintf(buf, size, "/");
        break;

    case PAGE_KIND_TAXONOMY:
        n = snprintf(buf, size, "/%s", p->tax->conf->plural);
        break;

    case PAGE_KIND_TERM:
        n = snprintf(buf, size, "/%s/%s", p->tax->conf->plural,
                     p->term->key);
        break;

    case PAGE_KIND_SECTION:
        n = snprintf(buf, size, "/%s", p->dir);
        break;

    default:
        if (p->bundle == PAGE_BUNDLE_LEAF || p->rel == NULL) {
            n = snprintf(buf, size, "/%s", p->dir);
        } else {
            n = snprintf(buf, size, "/%s%s%s", p->dir, p->dir[0] ? "/" : "",
                         p->slug);
        }
        break;
    }

    return n > 0 && (size_t) n < size ? (size_t) n : 0;
}


/* Does one cascade entry's _target (if any) select p. */
static int
page_site_target(page_site_t *s, const page_site_page_t *p,
    const page_value_t *entry)
{
    char           path[PAGE_SITE_MAX_PATH + 64];
    size_t         n;
    const char    *kind;
    page_value_t  *t, *v;

    t = page_map_gets(entry, "_target");
    if (t == NULL || t->type != PAGE_MAP) {
        return 1;
    }

    v = page_map_gets(t, "kind");
    if (v != NULL && page_value_is_string(v) && v->u.s.len > 0) {
        kind = page_site_kind_name((page_kind_t) p->kind);
        if (!page_glob_match(v->u.s.data, v->u.s.len, kind, strlen(kind))) {
            return 0;
        }
    }

    v = page_map_gets(t, "lang");
    if (v != NULL && page_value_is_string(v) && v->u.s.len > 0) {
        kind = s->cfg->langs[p->lang].lang;
        if (!page_glob_match(v->u.s.data, v->u.s.len, kind, strlen(kind))) {
            return 0;
        }
    }

    v = page_map_gets(t, "path");
    if (v != NULL && page_value_is_string(v) && v->u.s.len > 0) {
        n = page_site_target_path(p, path, sizeof(path));
        if (n == 0 || !page_glob_match(v->u.s.data, v->u.s.len, path, n)) {
            return 0;
        }
    }

    return 1;
}


/* Apply one cascade entry (a map) to p: its keys p does not have. */
static int
page_site_cascade_entry(page_site_t *s, page_site_page_t *p,
    const page_value_t *entry)
{
    int           added;
    size_t        i;
    page_pair_t  *kv;

    if (entry->type != PAGE_MAP || !page_site_target(s, p, entry)) {
        return 0;
    }

    added = 0;

    for (i = 0; i < entry->u.map.n; i++) {
        kv = &entry->u.map.items[i];

        if (strcmp(kv->key.data, "_target") == 0
            || page_map_get(p->params, kv->key.data, kv->key.len) != NULL)
        {
            continue;
        }

        if (page_map_set(&s->arena, p->params, kv->key.data, kv->key.len,
                         kv->value) != 0)
        {
            return -1;
        }

        added = 1;
    }

    return added;
}


int
page_site_cascade(page_site_t *s, page_site_page_t *p)
{
    int                rc, added;
    size_t             i, depth;
    page_value_t      *c;
    page_site_page_t  *a;

    added = 0;

    /* p itself first (hugo 0.111.3: home's cascade reaches home), then
       each ancestor up to home; the nearest one's value wins */

    for (a = p, depth = 0; a != NULL && depth < PAGE_SITE_MAX_DEPTH + 4;
         a = a->parent, depth++)
    {
        c = page_map_gets(a->params, "cascade");
        if (c == NULL) {
            continue;
        }

        if (c->type == PAGE_MAP) {
            rc = page_site_cascade_entry(s, p, c);
            if (rc < 0) {
                return -1;
            }
            added |= rc;
            continue;
        }

        for (i = 0; c->type == PAGE_LIST && i < c->u.list.n; i++) {
            rc = page_site_cascade_entry(s, p, c->u.list.items[i]);
            if (rc < 0) {
                return -1;
            }
            added |= rc;
        }
    }

    return added;
}
