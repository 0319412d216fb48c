/*
 * page_time: calendar times as front matter writes them (YAML timestamps,
 * "2025-09-23", "2025-09-23T10:00:00+02:00") and their formatting with Go's
 * reference-time layouts ("2006-01-02", "January 2, 2006", ...).
 */

#ifndef PAGE_TIME_H
#define PAGE_TIME_H

#include <stddef.h>
#include <stdint.h>

#include "page_buf.h"

typedef struct {
    int64_t   sec;      /* seconds since 1970-01-01T00:00:00Z */
    int32_t   nsec;     /* 0 .. 999999999 */
    int32_t   offset;   /* zone offset east of UTC, in seconds */
    int       is_zero;  /* Go's zero time (0001-01-01 UTC) */
    uint16_t  zone;     /* a loaded zone (page_time_zone.c); 0: UTC when
                           offset is 0, else a fixed offset with no name */
} page_time_t;

/*
 * Farthest instant from 1970 a time holds, in seconds (some 31 million
 * years; Go's reach is wider): arithmetic that would pass it stops at
 * it, so that adding a zone's offset never overflows.
 */
#define PAGE_TIME_SEC_LIMIT  1000000000000000LL

/* The broken-down local time of t (in its own offset). */
typedef struct {
    int64_t  year;
    int      month;     /* 1..12 */
    int      day;       /* 1..31 */
    int      hour, min, sec;
    int      wday;      /* 0 = Sunday */
    int      yday;      /* 1..366 */
    int32_t  nsec;
} page_tm_t;

/* "January" ... "December", "Sunday" ... "Saturday": Go's names. */
extern const char  *const page_month_names[12];
extern const char  *const page_day_names[7];

/*
 * Parse the date forms Hugo accepts in front matter: YYYY-MM-DD,
 * optionally followed by [T ]hh:mm[:ss[.frac]] and Z or ±hh[:]mm.
 * Returns 0 and fills t when the whole string is a date, else -1.
 */
int page_time_parse(const char *s, size_t len, page_time_t *t);
/*
 * Parse s by a Go layout of these tokens: Monday Mon January Jan 2006 06
 * 01 02 _2 15 04 05 (a fraction after it) MST Z07:00 Z0700 -07:00 -0700;
 * other bytes must match.  *zone_kind: 0 no zone in s, 1 an offset, 2
 * only a zone's name (its offset is not known: 0).  0, or -1.
 */
int page_time_parse_layout(const char *layout, const char *s, size_t len,
    page_time_t *t, int *zone_kind);
void page_time_zero(page_time_t *t);
void page_time_breakdown(const page_time_t *t, page_tm_t *tm);
/* Append t formatted with a Go layout. */
void page_time_format(page_buf_t *b, const page_time_t *t,
    const char *layout, size_t layout_len);
int64_t page_days_from_civil(int64_t y, int m, int d);
/*
 * Time zones (page_time_zone.c).  The zone named name[0, len) ("", "UTC",
 * "Local", "Europe/Berlin"): 0 for UTC, a zone number > 0, or -1 with
 * *err Go's words ("unknown time zone", "time: invalid location name").
 */
int page_time_zone_load(const char *name, size_t len, const char **err);
/* The zone of Go's Local: $TZ, else /etc/localtime; 0 when UTC. */
int page_time_zone_local(void);
/* The offset, DST flag and abbreviation of zone at instant sec (NULL
 * when zone is 0). */
const char *page_time_zone_at(int zone, int64_t sec, int32_t *offset,
    int *isdst);
/* t, the same instant, in zone (0: UTC). */
void page_time_in(page_time_t *t, int zone);
/* Free the loaded zones (page_exit()). */
void page_time_zones_exit(void);
/*
 * The zone's name at t as Go's t.Zone() gives it: the abbreviation,
 * "UTC", or "" for a fixed offset.
 */
const char *page_time_zone_name(const page_time_t *t);

/* Append a time.Duration of d nanoseconds as Go prints it ("1h2m0.5s"). */
void page_duration_format(page_buf_t *b, int64_t d);

#endif /* PAGE_TIME_H */
