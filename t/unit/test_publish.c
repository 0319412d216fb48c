/*
 * test_publish: a page's dates with Hugo's fallbacks and aliases, and
 * Hugo's publishing rules (drafts, future and expired pages).  The
 * expected dates were read off hugo 0.111.3 building the same front
 * matter with a layout printing .Date, .Lastmod, .PublishDate,
 * .ExpiryDate and .Draft.
 */

#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "page_front.h"
#include "page_publish.h"

#define PATH  "/srv/site/p.md"

/* 2025-01-01T00:00:00Z */
#define NOW  INT64_C(1735689600)

static page_arena_t          arena;
static page_publish_dates_t  dates;


/* Parse the YAML front matter yaml and read its dates. */
static int
dates_of(const char *yaml)
{
    char           src[1024];
    page_front_t   fm;
    page_error_t   err;
    page_value_t  *params;

    snprintf(src, sizeof(src), "---\n%s\n---\nbody\n", yaml);
    page_error_init(&err);

    if (page_front_split(src, strlen(src), PATH, &fm, &err) != 0
        || page_front_parse(&arena, &fm, PATH, &params, &err) != 0)
    {
        printf("#   %s\n", err.msg);
        return -1;
    }

    page_publish_dates(params, &dates);

    return 0;
}


static void
day_is(const page_time_t *t, const char *want, const char *name)
{
    page_buf_t  b;

    page_buf_init(&b, &arena, 0);
    page_time_format(&b, t, "2006-01-02", 10);
    is_mem(b.data, b.len, want, name);
}


static void
test_dates(void)
{
    ok(dates_of("lastmod: 2020-01-05") == 0, "lastmod only");
    day_is(&dates.date, "2020-01-05", "lastmod only: .Date is lastmod");
    day_is(&dates.lastmod, "2020-01-05", "lastmod only: .Lastmod");
    day_is(&dates.publish, "0001-01-01", "lastmod only: no .PublishDate");

    ok(dates_of("pubdate: 2020-02-05") == 0, "pubdate only");
    day_is(&dates.date, "2020-02-05", "pubdate: .Date");
    day_is(&dates.lastmod, "2020-02-05", "pubdate: .Lastmod");
    day_is(&dates.publish, "2020-02-05", "pubdate: .PublishDate");

    ok(dates_of("modified: 2020-03-05\nunpublishdate: 2030-01-01") == 0,
       "modified and unpublishdate");
    day_is(&dates.date, "2020-03-05", "modified: .Date");
    day_is(&dates.lastmod, "2020-03-05", "modified: .Lastmod");
    day_is(&dates.publish, "0001-01-01", "modified: no .PublishDate");
    day_is(&dates.expiry, "2030-01-01", "unpublishdate: .ExpiryDate");

    ok(dates_of("published: 2020-04-05\ndate: 2020-04-01") == 0,
       "published and date");
    day_is(&dates.date, "2020-04-01", "date wins for .Date");
    day_is(&dates.lastmod, "2020-04-01", ".Lastmod falls back to date");
    day_is(&dates.publish, "2020-04-05", "published wins for .PublishDate");

    ok(dates_of("date: \"2021-06-07T10:00:00+02:00\"") == 0, "a date string");
    day_is(&dates.date, "2021-06-07", "a quoted date string is a date");

    ok(dates_of("date: not a date") == 0, "not a date");
    ok(dates.date.is_zero, "a string that is no date: zero");
}


static void
test_drafts(void)
{
    const char  *yes[] = { "true", "\"true\"", "\"1\"", "\"T\"", "1", NULL };
    const char  *no[] = { "false", "\"yes\"", "\"on\"", "0", "~", NULL };
    char         yaml[64];
    int          i;

    for (i = 0; yes[i] != NULL; i++) {
        snprintf(yaml, sizeof(yaml), "draft: %s", yes[i]);
        ok(dates_of(yaml) == 0 && dates.draft, yaml);
    }

    for (i = 0; no[i] != NULL; i++) {
        snprintf(yaml, sizeof(yaml), "draft: %s", no[i]);
        ok(dates_of(yaml) == 0 && !dates.draft, yaml);
    }
}


static int
check(const char *yaml, unsigned drafts, unsigned future, unsigned expired,
    int64_t *until, page_error_t *err)
{
    page_publish_rules_t  rules;

    rules.drafts = drafts;
    rules.future = future;
    rules.expired = expired;

    page_error_init(err);

    if (dates_of(yaml) != 0) {
        return -2;
    }

    return page_publish_check(&dates, &rules, NOW, PATH, until, err);
}


static void
test_rules(void)
{
    int64_t       until;
    page_error_t  err;

    ok(check("title: x", 0, 0, 0, &until, &err) == 0 && until == 0,
       "an ordinary page: published for ever");

    ok(check("draft: true", 0, 0, 0, &until, &err) == -1
       && err.status == PAGE_HIDDEN, "a draft: not published");
    is_str(err.msg, PATH ": not published: it is a draft", "a draft: why");
    ok(check("draft: true", 1, 0, 0, &until, &err) == 0, "drafts on");

    ok(check("date: 2025-01-02", 0, 0, 0, &until, &err) == -1,
       "date after now, no publishDate: future");
    is_str(err.msg, PATH ": not published: its publishDate is in the future: "
           "2025-01-02T00:00:00Z", "future: why");
    ok(check("date: 2025-01-02", 0, 1, 0, &until, &err) == 0, "future on");
    ok(check("date: 2025-01-02\npublishDate: 2024-12-01", 0, 0, 0, &until,
             &err) == 0, "a later date with an earlier publishDate");
    ok(check("publishDate: 2025-01-01T00:00:00Z", 0, 0, 0, &until, &err)
       == 0, "publishDate exactly now: published (Hugo: not after now)");

    ok(check("expiryDate: 2024-12-31", 0, 0, 0, &until, &err) == -1,
       "expiryDate before now: expired");
    is_str(err.msg, PATH ": not published: it expired on "
           "2024-12-31T00:00:00Z", "expired: why");
    ok(check("expiryDate: 2024-12-31", 0, 0, 1, &until, &err) == 0
       && until == 0, "expired on: published, no deadline");
    ok(check("expiryDate: 2025-01-01T00:00:00Z", 0, 0, 0, &until, &err) == 0
       && until == NOW + 1,
       "expiryDate exactly now: still published, until the next second");
    ok(check("expiryDate: 2025-02-01", 0, 0, 0, &until, &err) == 0
       && until == INT64_C(1738368000) + 1,
       "a later expiryDate: published until then");

    ok(check("draft: true\nexpiryDate: 2024-01-01", 0, 0, 1, &until, &err)
       == -1, "a draft that expired, expired on: still a draft");
}


int
main(void)
{
    page_arena_init(&arena, 0);

    test_dates();
    test_drafts();
    test_rules();

    page_arena_free(&arena);

    return done_testing();
}
