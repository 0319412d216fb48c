/*
 * page_publish: a page's dates and whether it is published, as Hugo
 * decides both (see page_publish.h).
 *
 * Each date is the first of its front-matter keys that holds a date, in
 * the order of Hugo's default [frontmatter] configuration (keys are
 * lower-cased by the front matter stage):
 *
 *   date         date, publishdate, pubdate, published, lastmod, modified
 *   lastmod      lastmod, modified, date, publishdate, pubdate, published
 *   publishDate  publishdate, pubdate, published, date
 *   expiryDate   expirydate, unpublishdate
 *
 * (Hugo's lastmod list starts with ":git", which needs the site's Git
 * history; a page rendered at request time has none.)
 */

#include <string.h>

#include "page_publish.h"

/* How a refused page's date is written in its log line. */
#define PAGE_PUBLISH_LAYOUT  "2006-01-02T15:04:05Z07:00"

static const char  *const page_publish_date_keys[] = {
    "date", "publishdate", "pubdate", "published", "lastmod", "modified",
    NULL
};

static const char  *const page_publish_lastmod_keys[] = {
    "lastmod", "modified", "date", "publishdate", "pubdate", "published",
    NULL
};

static const char  *const page_publish_publish_keys[] = {
    "publishdate", "pubdate", "published", "date", NULL
};

static const char  *const page_publish_expiry_keys[] = {
    "expirydate", "unpublishdate", NULL
};


/* The first key of keys that holds a date (a time or a date string). */
static void
page_publish_date(const page_value_t *params, const char *const *keys,
    page_time_t *t)
{
    page_value_t  *v;

    for ( /* void */ ; *keys != NULL; keys++) {
        v = page_map_gets(params, *keys);

        if (v == NULL) {
            continue;
        }

        if (v->type == PAGE_TIME && !v->u.t.is_zero) {
            *t = v->u.t;
            return;
        }

        if (page_value_is_string(v)
            && page_time_parse(v->u.s.data, v->u.s.len, t) == 0)
        {
            return;
        }
    }

    page_time_zero(t);
}


/* Go's strconv.ParseBool, as Hugo's cast.ToBool reads "draft". */
static int
page_publish_bool(const page_value_t *v)
{
    size_t       i;
    const char  *s;

    static const char  *const yes[] = { "1", "t", "T", "TRUE", "true",
                                        "True", NULL };

    if (v == NULL) {
        return 0;
    }

    switch (v->type) {

    case PAGE_BOOL:
        return v->u.b;

    case PAGE_INT:
        return v->u.i != 0;

    case PAGE_FLOAT:
        return v->u.f != 0;

    case PAGE_STRING:
        s = v->u.s.data;

        for (i = 0; yes[i] != NULL; i++) {
            if (strcmp(s, yes[i]) == 0) {
                return 1;
            }
        }

        return 0;

    default:
        return 0;
    }
}


void
page_publish_dates(const page_value_t *params, page_publish_dates_t *dates)
{
    page_publish_date(params, page_publish_date_keys, &dates->date);
    page_publish_date(params, page_publish_lastmod_keys, &dates->lastmod);
    page_publish_date(params, page_publish_publish_keys, &dates->publish);
    page_publish_date(params, page_publish_expiry_keys, &dates->expiry);
    dates->draft = page_publish_bool(page_map_gets(params, "draft"));
}


/* Refuse the page: "path: not published: <what>[ <time>]". */
static int
page_publish_refuse(page_error_t *err, const char *path, const char *what,
    const page_time_t *t)
{
    page_buf_t    when;
    page_arena_t  a;

    page_arena_init(&a, 0);
    page_buf_init(&when, &a, 0);

    if (t != NULL) {
        page_buf_append(&when, " ", 1);
        page_time_format(&when, t, PAGE_PUBLISH_LAYOUT,
                         sizeof(PAGE_PUBLISH_LAYOUT) - 1);
    }

    page_error_set(err, PAGE_HIDDEN, path, 0, 0, "not published: %s%s", what,
                   page_buf_cstr(&when) ? page_buf_cstr(&when) : "");

    page_arena_free(&a);

    return -1;
}


int
page_publish_check(const page_publish_dates_t *dates,
    const page_publish_rules_t *rules, int64_t now, const char *path,
    int64_t *until, page_error_t *err)
{
    *until = 0;

    if (dates->draft && !rules->drafts) {
        return page_publish_refuse(err, path, "it is a draft", NULL);
    }

    /* Hugo: future when publishDate is after now, expired when
     * expiryDate is before now */

    if (!dates->publish.is_zero && dates->publish.sec > now
        && !rules->future)
    {
        return page_publish_refuse(err, path, "its publishDate is in the "
                                   "future:", &dates->publish);
    }

    if (dates->expiry.is_zero || rules->expired) {
        return 0;
    }

    if (dates->expiry.sec < now) {
        return page_publish_refuse(err, path, "it expired on",
                                   &dates->expiry);
    }

    /* published while now <= expiryDate */
    *until = dates->expiry.sec + 1;

    return 0;
}
