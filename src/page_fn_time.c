/*
 * page_fn_time: Hugo's time namespace (tpl/time): now, time.AsTime,
 * time.Format (dateFormat) with Hugo's localized layouts, time.In,
 * time.Duration and time.ParseDuration; and the methods of time values
 * (Go's time.Time) and durations (time.Duration).  Go's reference-time
 * layouts are in page_time.c, time zones in page_time_zone.c.
 */

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "page_fn.h"

#define PAGE_NS_SECOND  1000000000LL
#define PAGE_NS_MINUTE  (60 * PAGE_NS_SECOND)
#define PAGE_NS_HOUR    (60 * PAGE_NS_MINUTE)

/* Go's zero time, 0001-01-01T00:00:00Z, in Unix seconds */
#define PAGE_FN_ZERO_SEC  (-62135596800LL)

#define page_fn_is(name, len, lit)                                           \
    ((len) == sizeof(lit) - 1 && memcmp(name, lit, sizeof(lit) - 1) == 0)


/* t's instant held within PAGE_TIME_SEC_LIMIT. */
static void
page_fn_clamp(page_time_t *t)
{
    if (t->sec > PAGE_TIME_SEC_LIMIT) {
        t->sec = PAGE_TIME_SEC_LIMIT;
    } else if (t->sec < -PAGE_TIME_SEC_LIMIT) {
        t->sec = -PAGE_TIME_SEC_LIMIT;
    }
}


static int
page_fn_ret_time(page_tpl_state_t *st, page_time_t *t, page_value_t **res)
{
    t->is_zero = t->sec == PAGE_FN_ZERO_SEC && t->nsec == 0;
    *res = page_value_time(st->arena, t);
    return *res ? 0 : page_tpl_nomem(st);
}


static int
page_fn_ret_duration(page_tpl_state_t *st, int64_t d, page_value_t **res)
{
    *res = page_value_new(st->arena, PAGE_DURATION);
    if (*res == NULL) {
        return page_tpl_nomem(st);
    }
    (*res)->u.i = d;
    return 0;
}


static int
page_fn_ret_float(page_tpl_state_t *st, double f, page_value_t **res)
{
    *res = page_value_float(st->arena, f);
    return *res ? 0 : page_tpl_nomem(st);
}


/* A duration argument: a time.Duration or an integer (nanoseconds). */
static int
page_fn_arg_duration(page_tpl_state_t *st, const char *fn, page_value_t *v,
    int64_t *d)
{
    if (v != NULL && (v->type == PAGE_DURATION || v->type == PAGE_INT)) {
        *d = v->u.i;
        return 0;
    }

    (void) fn;
    return page_tpl_fail(st, "wrong type for value; expected "
                         "time.Duration; got %s", page_tpl_tname(v));
}


/* A zone by name, or a failure in Go's words. */
static int
page_fn_zone(page_tpl_state_t *st, page_value_t *v, int *zone)
{
    const char  *s, *err;
    size_t       len;

    if (page_tpl_text(st, v, &s, &len) != 0) {
        return -1;
    }

    *zone = page_time_zone_load(s, len, &err);
    if (*zone < 0) {
        if (strcmp(err, "unknown time zone") == 0) {
            return page_tpl_fail(st, "unknown time zone %.*s", (int) len, s);
        }
        return page_tpl_fail(st, "%s", err);
    }

    return 0;
}


/*
 * The instant of a wall-clock time (seconds as if UTC) in zone: Go's
 * Date() rule, the offset looked up again across a transition.
 */
static int64_t
page_fn_from_wall(int64_t wall, int zone, int32_t fixed)
{
    int      isdst;
    int32_t  off, off2;

    if (zone <= 0) {
        return wall - fixed;
    }

    (void) page_time_zone_at(zone, wall, &off, &isdst);
    (void) page_time_zone_at(zone, wall - off, &off2, &isdst);
    if (off2 != off) {
        off = off2;
    }

    return wall - off;
}


/* t after its instant changed: the offset of its zone now. */
static void
page_fn_rezone(page_time_t *t)
{
    if (t->zone != 0) {
        page_time_in(t, t->zone);
    }
}


/*
 * The other forms spf13/cast reads a date in (Hugo's time.AsTime), in
 * its order: 1 with an offset, 0 with none or only a zone's name (cast
 * then takes the wall time in the default zone), -1 when none fits.
 * A zone's name is not kept: "MST" alone reads as the wall time.
 */
static int
page_fn_parse_cast(const char *s, size_t len, page_time_t *t)
{
    size_t  i;
    int     kind;
    static const char  *layouts[] = {
        "Mon, 02 Jan 2006 15:04:05 -0700",          /* RFC 1123Z */
        "Mon, 02 Jan 2006 15:04:05 MST",            /* RFC 1123 */
        "02 Jan 06 15:04 -0700",                    /* RFC 822Z */
        "02 Jan 06 15:04 MST",                      /* RFC 822 */
        "Monday, 02-Jan-06 15:04:05 MST",           /* RFC 850 */
        "2006-01-02 15:04:05.999999999 -0700 MST",  /* Time.String() */
        "Mon Jan _2 15:04:05 2006",                 /* ANSIC */
        "Mon Jan _2 15:04:05 MST 2006",             /* UnixDate */
        "Mon Jan 02 15:04:05 -0700 2006",           /* RubyDate */
        "02 Jan 2006"
    };

    for (i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++) {
        if (page_time_parse_layout(layouts[i], s, len, t, &kind) == 0) {
            return kind == 1;
        }
    }

    return -1;
}


/*
 * A value as Hugo's htime.ToTimeInDefaultLocationE reads it: a time (as
 * its RFC 3339 text read back: whole seconds, its offset), a date string
 * (in zone when it has no offset of its own), or a number of Unix
 * seconds (in Local).  An offset that Local has at that instant gets
 * Local's zone, as Go's time.Parse does.
 */
static int
page_fn_to_time(page_tpl_state_t *st, const char *fn, page_value_t *v,
    int zone, page_time_t *t)
{
    const char  *s;
    size_t       len;
    int          local, isdst, has_offset;
    int32_t      off;
    page_buf_t   b;

    if (v != NULL && v->type == PAGE_TIME) {
        *t = v->u.t;
        t->nsec = 0;
        has_offset = 1;

    } else if (v != NULL && (v->type == PAGE_INT || v->type == PAGE_FLOAT)) {
        memset(t, 0, sizeof(*t));
        if (v->type == PAGE_INT) {
            t->sec = v->u.i;
        } else {
            t->sec = isfinite(v->u.f) && fabs(v->u.f) < 1e18
                     ? (int64_t) v->u.f : 0;
        }
        page_fn_clamp(t);
        page_time_in(t, page_time_zone_local());
        t->is_zero = t->sec == PAGE_FN_ZERO_SEC;
        return 0;

    } else if (page_tpl_str(v, &s, &len)) {
        if (page_time_parse(s, len, t) == 0) {
            /* a time of day without an offset: in zone */
            has_offset = len > 10 && (s[len - 1] == 'Z' || s[len - 1] == 'z'
                                      || t->offset != 0
                                      || (len > 6 && (s[len - 6] == '+'
                                                      || s[len - 6] == '-')));
        } else {
            has_offset = page_fn_parse_cast(s, len, t);
            if (has_offset < 0) {
                return page_tpl_fail(st, "unable to parse date: %.*s",
                                     (int) len, s);
            }
        }
        if (!has_offset && zone > 0) {
            t->sec = page_fn_from_wall(t->sec, zone, 0);
            page_time_in(t, zone);
            t->is_zero = t->sec == PAGE_FN_ZERO_SEC && t->nsec == 0;
            return 0;
        }

    } else {
        page_tpl_buf(st, &b);
        page_tpl_print(&b, v);
        (void) fn;
        return page_tpl_fail(st, "unable to cast %.*s of type %s to Time",
                             (int) b.len, b.data ? b.data : "",
                             page_tpl_tname(v));
    }

    t->zone = 0;
    if (has_offset && t->offset != 0) {
        local = page_time_zone_local();
        if (local > 0) {
            (void) page_time_zone_at(local, t->sec, &off, &isdst);
            if (off == t->offset) {
                t->zone = (uint16_t) local;
            }
        }
    }
    t->is_zero = t->sec == PAGE_FN_ZERO_SEC && t->nsec == 0;

    return 0;
}


/* ---- functions ---- */

static int
page_tpl_f_now(PAGE_FN_ARGS)
{
    struct timespec  ts;
    page_time_t      t;

    (void) args;
    (void) nargs;

    clock_gettime(CLOCK_REALTIME, &ts);
    memset(&t, 0, sizeof(t));
    t.sec = (int64_t) ts.tv_sec;
    t.nsec = (int32_t) ts.tv_nsec;
    page_time_in(&t, page_time_zone_local());

    return page_fn_ret_time(st, &t, res);
}


/* time.AsTime INPUT [TIMEZONE] */
static int
page_tpl_f_astime(PAGE_FN_ARGS)
{
    int          zone;
    page_time_t  t;

    zone = 0;
    if (nargs > 1 && page_fn_zone(st, args[1], &zone) != 0) {
        return -1;
    }

    if (page_fn_to_time(st, "time.AsTime", args[0], zone, &t) != 0) {
        return -1;
    }

    return page_fn_ret_time(st, &t, res);
}


/*
 * Hugo's localized layouts (":date_long", any case) in English, as the
 * "en" translator of go-locales writes them: the date ones as Go layouts,
 * the time ones with the zone's name (empty for a fixed offset).
 */
static int
page_fn_hugo_layout(page_buf_t *b, const page_time_t *t, const char *s,
    size_t len)
{
    size_t  i, k;
    char    low[16];
    static const char  *names[][3] = {
        { "date_full", "Monday, January 2, 2006", "" },
        { "date_long", "January 2, 2006", "" },
        { "date_medium", "Jan 2, 2006", "" },
        { "date_short", "1/2/06", "" },
        { "time_full", "3:04:05 pm ", "z" },
        { "time_long", "3:04:05 pm ", "z" },
        { "time_medium", "3:04:05 pm", "" },
        { "time_short", "3:04 pm", "" }
    };

    if (len < 2 || s[0] != ':' || len - 1 >= sizeof(low)) {
        return 0;
    }

    for (k = 1; k < len; k++) {
        low[k - 1] = s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 'a' - 'A' : s[k];
    }
    low[len - 1] = '\0';

    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (strcmp(low, names[i][0]) == 0) {
            page_time_format(b, t, names[i][1], strlen(names[i][1]));
            if (names[i][2][0] == 'z') {
                page_buf_puts(b, page_time_zone_name(t));
            }
            return 1;
        }
    }

    return 0;
}


/* time.Format LAYOUT INPUT / dateFormat LAYOUT INPUT */
static int
page_tpl_f_dateformat(PAGE_FN_ARGS)
{
    const char    *layout;
    size_t         llen;
    page_time_t    t;
    page_buf_t     b;

    (void) nargs;

    if (page_tpl_arg_str(st, st->calling ? st->calling : "time.Format",
                         args[0], &layout, &llen) != 0
        || page_fn_to_time(st, "time.Format", args[1], 0, &t) != 0)
    {
        return -1;
    }

    page_tpl_buf(st, &b);
    if (!page_fn_hugo_layout(&b, &t, layout, llen)) {
        page_time_format(&b, &t, layout, llen);
    }

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/* time.In TIMEZONE TIME */
static int
page_tpl_f_in(PAGE_FN_ARGS)
{
    int          zone;
    page_time_t  t;

    (void) nargs;

    if (page_fn_zone(st, args[0], &zone) != 0) {
        return -1;
    }
    if (args[1] == NULL || args[1]->type != PAGE_TIME) {
        return page_tpl_fail(st, "wrong type for value; expected time.Time; "
                             "got %s", page_tpl_tname(args[1]));
    }

    t = args[1]->u.t;
    page_time_in(&t, zone);
    return page_fn_ret_time(st, &t, res);
}


/* The nanoseconds of a unit of ParseDuration, 0 when not one. */
static uint64_t
page_fn_duration_unit(const char *u, size_t len)
{
    if (page_fn_is(u, len, "ns")) {
        return 1;
    }
    if (page_fn_is(u, len, "us") || page_fn_is(u, len, "\xc2\xb5s")
        || page_fn_is(u, len, "\xce\xbcs"))
    {
        return 1000;
    }
    if (page_fn_is(u, len, "ms")) {
        return 1000000;
    }
    if (page_fn_is(u, len, "s")) {
        return (uint64_t) PAGE_NS_SECOND;
    }
    if (page_fn_is(u, len, "m")) {
        return (uint64_t) PAGE_NS_MINUTE;
    }
    if (page_fn_is(u, len, "h")) {
        return (uint64_t) PAGE_NS_HOUR;
    }
    return 0;
}


/*
 * Go's time.ParseDuration: [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+; 0 with *d,
 * or -1 with the error in b.
 */
static int
page_fn_parse_duration(const char *orig, size_t olen, int64_t *d,
    page_buf_t *b)
{
    int          neg, pre, post, overflow;
    size_t       i, len, ulen;
    uint64_t     v, f, unit, total;
    double       scale;
    const char  *s, *u;

    s = orig;
    len = olen;
    neg = 0;
    total = 0;

    if (len > 0 && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        s++;
        len--;
    }
    if (len == 1 && s[0] == '0') {
        *d = 0;
        return 0;
    }
    if (len == 0) {
        goto invalid;
    }

    while (len > 0) {
        if (!(s[0] == '.' || (s[0] >= '0' && s[0] <= '9'))) {
            goto invalid;
        }

        v = 0;
        i = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9') {
            if (v > (1ULL << 63) / 10) {
                goto invalid;
            }
            v = v * 10 + (uint64_t) (s[i] - '0');
            if (v > 1ULL << 63) {
                goto invalid;
            }
            i++;
        }
        pre = i > 0;
        s += i;
        len -= i;

        f = 0;
        scale = 1;
        post = 0;
        if (len > 0 && s[0] == '.') {
            s++;
            len--;
            overflow = 0;
            i = 0;
            while (i < len && s[i] >= '0' && s[i] <= '9') {
                if (!overflow) {
                    if (f > (UINT64_C(1) << 63) / 10) {
                        overflow = 1;
                    } else {
                        f = f * 10 + (uint64_t) (s[i] - '0');
                        scale *= 10;
                    }
                }
                i++;
            }
            post = i > 0;
            s += i;
            len -= i;
        }
        if (!pre && !post) {
            goto invalid;
        }

        ulen = 0;
        while (ulen < len && s[ulen] != '.'
               && !(s[ulen] >= '0' && s[ulen] <= '9'))
        {
            ulen++;
        }
        if (ulen == 0) {
            page_buf_puts(b, "time: missing unit in duration ");
            page_fn_quote(b, orig, olen, 0);
            return -1;
        }
        u = s;
        s += ulen;
        len -= ulen;

        unit = page_fn_duration_unit(u, ulen);
        if (unit == 0) {
            page_buf_puts(b, "time: unknown unit ");
            page_fn_quote(b, u, ulen, 0);
            page_buf_puts(b, " in duration ");
            page_fn_quote(b, orig, olen, 0);
            return -1;
        }

        if (v > (1ULL << 63) / unit) {
            goto invalid;
        }
        v *= unit;
        if (f > 0) {
            v += (uint64_t) ((double) f * ((double) unit / scale));
            if (v > 1ULL << 63) {
                goto invalid;
            }
        }
        total += v;
        if (total > 1ULL << 63) {
            goto invalid;
        }
    }

    if (neg) {
        *d = (int64_t) (0 - total);
        return 0;
    }
    if (total > (uint64_t) INT64_MAX) {
        goto invalid;
    }
    *d = (int64_t) total;
    return 0;

invalid:

    page_buf_puts(b, "time: invalid duration ");
    page_fn_quote(b, orig, olen, 0);
    return -1;
}


/* time.ParseDuration DURATION */
static int
page_tpl_f_parseduration(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len;
    int64_t      d;
    page_buf_t   b;

    (void) nargs;

    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    page_tpl_buf(st, &b);
    if (page_fn_parse_duration(s, len, &d, &b) != 0) {
        return page_tpl_fail(st, "%.*s", (int) b.len, b.data ? b.data : "");
    }

    return page_fn_ret_duration(st, d, res);
}


/* time.Duration UNIT NUMBER */
static int
page_tpl_f_duration(PAGE_FN_ARGS)
{
    size_t       i;
    const char  *s;
    size_t       len;
    int64_t      n;
    page_buf_t   b;
    static const struct {
        const char  *name;
        int64_t      ns;
    } units[] = {
        { "nanosecond", 1 }, { "ns", 1 },
        { "microsecond", 1000 }, { "us", 1000 }, { "\xc2\xb5s", 1000 },
        { "millisecond", 1000000 }, { "ms", 1000000 },
        { "second", PAGE_NS_SECOND }, { "s", PAGE_NS_SECOND },
        { "minute", PAGE_NS_MINUTE }, { "m", PAGE_NS_MINUTE },
        { "hour", PAGE_NS_HOUR }, { "h", PAGE_NS_HOUR }
    };

    (void) nargs;

    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
        if (strlen(units[i].name) == len
            && memcmp(units[i].name, s, len) == 0)
        {
            break;
        }
    }
    if (i == sizeof(units) / sizeof(units[0])) {
        page_tpl_buf(st, &b);
        page_fn_quote(&b, s, len, 0);
        return page_tpl_fail(st, "%.*s is not a valid duration unit",
                             (int) b.len, b.data ? b.data : "");
    }

    if (args[1] != NULL && args[1]->type == PAGE_DURATION) {
        n = args[1]->u.i;
    } else if (page_tpl_to_int(st, "time.Duration", args[1], &n) != 0) {
        return -1;
    }

    /* Go's multiplication wraps */
    return page_fn_ret_duration(st, (int64_t) ((uint64_t) n
                                               * (uint64_t) units[i].ns),
                                res);
}


/* ---- methods of time.Time ---- */

/* (a * b) mod m for m > 0, without overflow. */
static uint64_t
page_fn_mulmod(uint64_t a, uint64_t b, uint64_t m)
{
    uint64_t  r;

    r = 0;
    a %= m;
    while (b > 0) {
        if (b & 1) {
            r = r >= m - a ? r - (m - a) : r + a;
        }
        a = a >= m - a ? a - (m - a) : a + a;
        b >>= 1;
    }

    return r;
}


/*
 * The rest of t since Go's zero time modulo d > 0 nanoseconds (Go's
 * Truncate and Round count from year 1, in UTC).
 */
static uint64_t
page_fn_time_mod(const page_time_t *t, uint64_t d)
{
    uint64_t  abs, r;

    abs = (uint64_t) (t->sec - PAGE_FN_ZERO_SEC);   /* never negative here */
    r = page_fn_mulmod(abs, (uint64_t) PAGE_NS_SECOND, d);
    r = (r + (uint64_t) t->nsec % d) % d;

    return r;
}


/* t + d nanoseconds (d may be negative) */
static void
page_fn_time_add(page_time_t *t, int64_t d)
{
    int64_t  ns;

    t->sec += d / PAGE_NS_SECOND;
    ns = (int64_t) t->nsec + d % PAGE_NS_SECOND;
    if (ns >= PAGE_NS_SECOND) {
        t->sec++;
        ns -= PAGE_NS_SECOND;
    } else if (ns < 0) {
        t->sec--;
        ns += PAGE_NS_SECOND;
    }
    t->nsec = (int32_t) ns;
    page_fn_clamp(t);
    page_fn_rezone(t);
}


/* t - u as a Duration, saturated as Go's Sub is. */
static int64_t
page_fn_time_sub(const page_time_t *t, const page_time_t *u)
{
    int64_t  ds, dn;

    ds = t->sec - u->sec;
    dn = (int64_t) t->nsec - u->nsec;

    if (ds > INT64_MAX / PAGE_NS_SECOND - 1) {
        return INT64_MAX;
    }
    if (ds < INT64_MIN / PAGE_NS_SECOND + 1) {
        return INT64_MIN;
    }

    return ds * PAGE_NS_SECOND + dn;
}


/* AddDate YEARS MONTHS DAYS: Go's Date() normalizes the overflow */
static int
page_fn_time_adddate(page_tpl_state_t *st, page_time_t *t,
    page_value_t **args)
{
    int64_t    y, m, d, k, days, wall;
    page_tm_t  tm;

    for (k = 0; k < 3; k++) {
        if (args[k] == NULL || args[k]->type != PAGE_INT) {
            return page_tpl_fail(st, "wrong type for value; expected int; "
                                 "got %s",
                                 page_tpl_tname(args[k]));
        }
        /* beyond any calendar: refused before the arithmetic */
        if (args[k]->u.i > 100000000 || args[k]->u.i < -100000000) {
            return page_tpl_fail(st, "AddDate: out of range");
        }
    }

    page_time_breakdown(t, &tm);
    y = tm.year + args[0]->u.i;
    m = tm.month - 1 + args[1]->u.i;
    d = tm.day + args[2]->u.i;

    y += m >= 0 ? m / 12 : -((11 - m) / 12);
    m = ((m % 12) + 12) % 12;

    days = page_days_from_civil(y, (int) m + 1, 1) + d - 1;
    wall = days * 86400 + tm.hour * 3600 + tm.min * 60 + tm.sec;
    t->sec = page_fn_from_wall(wall, t->zone, t->offset);
    page_fn_clamp(t);
    page_fn_rezone(t);

    return 0;
}


static int
page_fn_time_method(page_tpl_state_t *st, page_value_t *recv,
    const char *name, size_t len, page_value_t **args, size_t nargs,
    page_value_t **res)
{
    int          zone, isdst, want;
    int32_t      off;
    int64_t      d, iv;
    uint64_t     r;
    const char  *s;
    size_t       slen;
    page_tm_t    tm;
    page_time_t  t;
    page_buf_t   b;

    t = recv->u.t;
    d = 0;

    /* Go's words for a method called with the wrong number of args */
    want = page_fn_is(name, len, "AddDate") ? 3
           : page_fn_is(name, len, "Format") || page_fn_is(name, len, "In")
             || page_fn_is(name, len, "Before")
             || page_fn_is(name, len, "After")
             || page_fn_is(name, len, "Equal") || page_fn_is(name, len, "Sub")
             || page_fn_is(name, len, "Add")
             || page_fn_is(name, len, "Truncate")
             || page_fn_is(name, len, "Round") ? 1 : 0;
    if (want > 0 && nargs != (size_t) want) {
        return page_tpl_fail(st, "wrong number of args for %.*s: want %d "
                             "got %d", (int) len, name, want, (int) nargs);
    }

    if (page_fn_is(name, len, "Format")) {
        if (!page_tpl_str(args[0], &s, &slen)) {
            return page_tpl_fail(st, "wrong type for value; expected string; "
                                 "got %s", page_tpl_tname(args[0]));
        }
        page_tpl_buf(st, &b);
        page_time_format(&b, &t, s, slen);
        return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
    }

    if (page_fn_is(name, len, "Before") || page_fn_is(name, len, "After")
        || page_fn_is(name, len, "Equal") || page_fn_is(name, len, "Sub"))
    {
        if (args[0] == NULL || args[0]->type != PAGE_TIME) {
            return page_tpl_fail(st, "wrong type for value; expected "
                                 "time.Time; got %s",
                                 page_tpl_tname(args[0]));
        }
        d = page_fn_time_sub(&t, &args[0]->u.t);
        if (name[0] == 'S') {
            return page_fn_ret_duration(st, d, res);
        }
        return page_tpl_ret_bool(st, name[0] == 'B' ? d < 0
                                 : name[0] == 'A' ? d > 0 : d == 0, res);
    }

    if (page_fn_is(name, len, "Add") || page_fn_is(name, len, "Truncate")
        || page_fn_is(name, len, "Round"))
    {
        if (page_fn_arg_duration(st, name, args[0], &d) != 0) {
            return -1;
        }
        if (name[0] == 'A') {
            page_fn_time_add(&t, d);
        } else if (d > 0) {
            r = page_fn_time_mod(&t, (uint64_t) d);
            if (name[0] == 'T' || r + r < (uint64_t) d) {
                page_fn_time_add(&t, -(int64_t) r);
            } else {
                page_fn_time_add(&t, (int64_t) ((uint64_t) d - r));
            }
        }
        return page_fn_ret_time(st, &t, res);
    }

    if (page_fn_is(name, len, "AddDate")) {
        if (page_fn_time_adddate(st, &t, args) != 0) {
            return -1;
        }
        return page_fn_ret_time(st, &t, res);
    }

    if (page_fn_is(name, len, "In")) {
        /* Go takes a *time.Location; a name is taken here too */
        if (page_fn_zone(st, args[0], &zone) != 0) {
            return -1;
        }
        page_time_in(&t, zone);
        return page_fn_ret_time(st, &t, res);
    }

    if (nargs != 0) {
        return 1;
    }

    if (page_fn_is(name, len, "UTC")) {
        page_time_in(&t, 0);
        return page_fn_ret_time(st, &t, res);
    }

    if (page_fn_is(name, len, "Local")) {
        page_time_in(&t, page_time_zone_local());
        return page_fn_ret_time(st, &t, res);
    }

    if (page_fn_is(name, len, "IsZero")) {
        return page_tpl_ret_bool(st, t.sec == PAGE_FN_ZERO_SEC && t.nsec == 0,
                                 res);
    }

    if (page_fn_is(name, len, "IsDST")) {
        isdst = 0;
        (void) page_time_zone_at(t.zone, t.sec, &off, &isdst);
        return page_tpl_ret_bool(st, isdst, res);
    }

    if (page_fn_is(name, len, "String")) {
        page_tpl_buf(st, &b);
        page_value_print(&b, recv);
        return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
    }

    page_time_breakdown(&t, &tm);

    /* Go's Month and Weekday print as names */
    if (page_fn_is(name, len, "Month")) {
        s = page_month_names[(tm.month - 1) % 12];
        return page_tpl_ret_str(st, PAGE_STRING, s, strlen(s), res);
    }
    if (page_fn_is(name, len, "Weekday")) {
        s = page_day_names[tm.wday % 7];
        return page_tpl_ret_str(st, PAGE_STRING, s, strlen(s), res);
    }

    if (page_fn_is(name, len, "Year")) {
        iv = tm.year;
    } else if (page_fn_is(name, len, "Day")) {
        iv = tm.day;
    } else if (page_fn_is(name, len, "Hour")) {
        iv = tm.hour;
    } else if (page_fn_is(name, len, "Minute")) {
        iv = tm.min;
    } else if (page_fn_is(name, len, "Second")) {
        iv = tm.sec;
    } else if (page_fn_is(name, len, "Nanosecond")) {
        iv = tm.nsec;
    } else if (page_fn_is(name, len, "YearDay")) {
        iv = tm.yday;
    } else if (page_fn_is(name, len, "Unix")) {
        iv = t.sec;
    } else if (page_fn_is(name, len, "UnixMilli")) {
        iv = (int64_t) ((uint64_t) t.sec * 1000 + (uint64_t) t.nsec / 1000000);
    } else if (page_fn_is(name, len, "UnixMicro")) {
        iv = (int64_t) ((uint64_t) t.sec * 1000000 + (uint64_t) t.nsec / 1000);
    } else if (page_fn_is(name, len, "UnixNano")) {
        iv = (int64_t) ((uint64_t) t.sec * PAGE_NS_SECOND
                        + (uint64_t) t.nsec);
    } else {
        return 1;
    }

    return page_tpl_ret_int(st, iv, res);
}


/* ---- methods of time.Duration ---- */

static int
page_fn_duration_method(page_tpl_state_t *st, page_value_t *recv,
    const char *name, size_t len, page_value_t **args, size_t nargs,
    page_value_t **res)
{
    int64_t     d, m, r, q;
    page_buf_t  b;

    d = recv->u.i;
    m = 0;

    if (page_fn_is(name, len, "Round") || page_fn_is(name, len, "Truncate"))
    {
        if (nargs != 1) {
            return page_tpl_fail(st, "wrong number of args for %.*s: want "
                                 "1 got %d", (int) len, name, (int) nargs);
        }
        if (page_fn_arg_duration(st, name, args[0], &m) != 0) {
            return -1;
        }
        if (m <= 0) {
            return page_fn_ret_duration(st, d, res);
        }
        r = d % m;
        if (name[0] == 'T') {
            return page_fn_ret_duration(st, d - r, res);
        }
        if (d < 0) {
            r = -r;
            if ((uint64_t) r + (uint64_t) r < (uint64_t) m) {
                return page_fn_ret_duration(st, d + r, res);
            }
            q = (int64_t) ((uint64_t) d - (uint64_t) m + (uint64_t) r);
            return page_fn_ret_duration(st, q < d ? q : INT64_MIN, res);
        }
        if ((uint64_t) r + (uint64_t) r < (uint64_t) m) {
            return page_fn_ret_duration(st, d - r, res);
        }
        q = (int64_t) ((uint64_t) d + (uint64_t) m - (uint64_t) r);
        return page_fn_ret_duration(st, q > d ? q : INT64_MAX, res);
    }

    if (nargs != 0) {
        return 1;
    }

    if (page_fn_is(name, len, "Hours")) {
        return page_fn_ret_float(st, (double) (d / PAGE_NS_HOUR)
                                 + (double) (d % PAGE_NS_HOUR) / 3.6e12, res);
    }
    if (page_fn_is(name, len, "Minutes")) {
        return page_fn_ret_float(st, (double) (d / PAGE_NS_MINUTE)
                                 + (double) (d % PAGE_NS_MINUTE) / 6e10, res);
    }
    if (page_fn_is(name, len, "Seconds")) {
        return page_fn_ret_float(st, (double) (d / PAGE_NS_SECOND)
                                 + (double) (d % PAGE_NS_SECOND) / 1e9, res);
    }
    if (page_fn_is(name, len, "Milliseconds")) {
        return page_tpl_ret_int(st, d / 1000000, res);
    }
    if (page_fn_is(name, len, "Microseconds")) {
        return page_tpl_ret_int(st, d / 1000, res);
    }
    if (page_fn_is(name, len, "Nanoseconds")) {
        return page_tpl_ret_int(st, d, res);
    }
    if (page_fn_is(name, len, "Abs")) {
        return page_fn_ret_duration(st, d >= 0 ? d : d == INT64_MIN
                                    ? INT64_MAX : -d, res);
    }
    if (page_fn_is(name, len, "String")) {
        page_tpl_buf(st, &b);
        page_duration_format(&b, d);
        return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
    }

    return 1;
}


int
page_fn_time_methods(page_tpl_state_t *st, page_value_t *recv,
    const char *name, size_t len, page_value_t **args, size_t nargs,
    page_value_t **res)
{
    if (recv->type == PAGE_TIME) {
        return page_fn_time_method(st, recv, name, len, args, nargs, res);
    }

    if (recv->type == PAGE_DURATION) {
        return page_fn_duration_method(st, recv, name, len, args, nargs,
                                       res);
    }

    return 1;
}


const page_tpl_func_t  page_fn_time[] = {
    { "time.Now", page_tpl_f_now, 0, 0 },
    { "now", page_tpl_f_now, 0, 0 },
    { "time.Format", page_tpl_f_dateformat, 2, 2 },
    { "dateFormat", page_tpl_f_dateformat, 2, 2 },
    { "time.AsTime", page_tpl_f_astime, 1, 2 },
    { "time", page_tpl_f_astime, 1, 2 },
    { "time.In", page_tpl_f_in, 2, 2 },
    { "time.Duration", page_tpl_f_duration, 2, 2 },
    { "duration", page_tpl_f_duration, 2, 2 },
    { "time.ParseDuration", page_tpl_f_parseduration, 1, 1 },
    { NULL, NULL, 0, 0 }
};
