/*
 * page_publish: a page's dates as Hugo reads them from front matter
 * (date, lastmod, publishDate, expiryDate, each with Hugo's fallbacks and
 * aliases) and Hugo's publishing rules: a draft, a page whose publishDate
 * is still to come, or one whose expiryDate has passed is not published
 * unless the site builds drafts, future or expired pages.
 */

#ifndef PAGE_PUBLISH_H
#define PAGE_PUBLISH_H

#include <stdint.h>

#include "page_error.h"
#include "page_time.h"
#include "page_value.h"

typedef struct {
    page_time_t  date;
    page_time_t  lastmod;
    page_time_t  publish;
    page_time_t  expiry;        /* is_zero: never expires */
    int          draft;
} page_publish_dates_t;

/* What a site publishes besides ordinary pages (Hugo's build* options). */
typedef struct {
    unsigned  drafts:1;         /* buildDrafts */
    unsigned  future:1;         /* buildFuture */
    unsigned  expired:1;        /* buildExpired */
} page_publish_rules_t;

/* The dates and the draft flag of a page, from its front matter map. */
void page_publish_dates(const page_value_t *params,
    page_publish_dates_t *dates);

/*
 * Is the page published at now (seconds since the epoch)?  0: yes, and
 * it stays published while the time is before *until (one second after
 * its expiryDate), or forever when *until is 0.  -1: no, and err (status
 * PAGE_HIDDEN) says why: "path: not published: it is a draft".
 */
int page_publish_check(const page_publish_dates_t *dates,
    const page_publish_rules_t *rules, int64_t now, const char *path,
    int64_t *until, page_error_t *err);

#endif /* PAGE_PUBLISH_H */
