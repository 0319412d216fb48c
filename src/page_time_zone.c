/*
 * page_time_zone: time zones by name ("Europe/Berlin"), read from the
 * system's tzdata (TZif files, RFC 8536, under /usr/share/zoneinfo) as
 * Go's time.LoadLocation reads them, and the offset and abbreviation of
 * a zone at an instant, the footer's POSIX TZ rule included for times
 * after the last transition.
 *
 * Not libc's localtime_r(): it knows one zone at a time, chosen by the
 * TZ environment variable, and changing TZ (setenv + tzset) is global to
 * the process (nginx's own log times would follow it) and not safe with
 * threads (Apache's threaded MPMs).  Zones are loaded once per process,
 * on first use, into a bounded table that is read-only afterwards; one
 * thread loads at a time (an nginx worker, the CLI).
 */

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "page_io.h"
#include "page_time.h"

/* Where tzdata is (Debian's tzdata package), as Go looks first. */
#define PAGE_TIME_ZONEINFO  "/usr/share/zoneinfo/"

/* Largest TZif file read: the biggest in tzdata is under 4 KB. */
#define PAGE_TIME_TZIF_MAX  (64 * 1024)

/* Longest zone name ("America/Argentina/ComodRivadavia" is 32). */
#define PAGE_TIME_ZONE_NAME_MAX  64

/*
 * Zones one process loads: a site uses a handful; the bound keeps a
 * template that asks for every name from growing the table.
 */
#define PAGE_TIME_MAX_ZONES  64

/* Longest POSIX TZ rule kept from a TZif footer. */
#define PAGE_TIME_RULE_MAX  64

typedef struct {
    int32_t   utoff;
    uint8_t   isdst;
    uint8_t   abbr;                 /* index into chars */
} page_tz_type_t;

/* A POSIX TZ rule: std and dst with their offsets and the dates. */
typedef struct {
    char      std[8];
    char      dst[8];
    int32_t   stdoff;               /* east of UTC, seconds */
    int32_t   dstoff;
    int       has_dst;
    struct {
        char     kind;              /* 'J', 'n' (day of year) or 'M' */
        int      a, b, c;           /* day; or month, week, weekday */
        int32_t  time;              /* seconds after local midnight */
    } start, end;
} page_tz_rule_t;

typedef struct {
    char             name[PAGE_TIME_ZONE_NAME_MAX];
    int64_t         *trans;
    uint8_t         *idx;
    page_tz_type_t  *types;
    char            *chars;
    uint32_t         ntrans;
    uint32_t         ntypes;
    uint32_t         nchars;
    int              has_rule;
    page_tz_rule_t   rule;
    int              first;         /* type before the first transition */
} page_tz_t;

static page_tz_t  page_tz_table[PAGE_TIME_MAX_ZONES];
static int        page_tz_count;
static int        page_tz_local = -1;   /* zone of Local; -1 not known */


static uint32_t
page_tz_be32(const unsigned char *p)
{
    return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16
           | (uint32_t) p[2] << 8 | p[3];
}


static int64_t
page_tz_be64(const unsigned char *p)
{
    return (int64_t) ((uint64_t) page_tz_be32(p) << 32 | page_tz_be32(p + 4));
}


/* ---- POSIX TZ rules ---- */

/* A zone name: letters, or <...> with signs and digits. */
static int
page_tz_rule_name(const char **p, const char *end, char *out, size_t size)
{
    size_t       n;
    const char  *s = *p;

    n = 0;
    if (s < end && *s == '<') {
        s++;
        while (s < end && *s != '>') {
            if (n + 1 < size) {
                out[n++] = *s;
            }
            s++;
        }
        if (s == end) {
            return -1;
        }
        s++;
    } else {
        while (s < end && ((*s >= 'a' && *s <= 'z')
                           || (*s >= 'A' && *s <= 'Z')))
        {
            if (n + 1 < size) {
                out[n++] = *s;
            }
            s++;
        }
    }

    out[n] = '\0';
    *p = s;
    return n >= 3 ? 0 : -1;
}


/* [+-]hh[:mm[:ss]] as seconds (sign as written). */
static int
page_tz_rule_time(const char **p, const char *end, int32_t *out)
{
    int          sign, part, v, k;
    int32_t      total;
    const char  *s = *p;

    sign = 1;
    if (s < end && (*s == '+' || *s == '-')) {
        sign = *s == '-' ? -1 : 1;
        s++;
    }

    total = 0;
    for (part = 0; part < 3; part++) {
        if (part > 0) {
            if (s >= end || *s != ':') {
                break;
            }
            s++;
        }
        v = 0;
        for (k = 0; s < end && *s >= '0' && *s <= '9' && k < 3; k++) {
            v = v * 10 + (*s++ - '0');
        }
        if (k == 0) {
            return -1;
        }
        total += v * (part == 0 ? 3600 : part == 1 ? 60 : 1);
    }

    *out = sign * total;
    *p = s;
    return 0;
}


static int
page_tz_rule_num(const char **p, const char *end, int *out)
{
    int          v, k;
    const char  *s = *p;

    v = 0;
    for (k = 0; s < end && *s >= '0' && *s <= '9' && k < 4; k++) {
        v = v * 10 + (*s++ - '0');
    }
    *out = v;
    *p = s;
    return k > 0 ? 0 : -1;
}


/* ,date[/time] of a rule */
static int
page_tz_rule_date(const char **p, const char *end, char *kind, int *a,
    int *b, int *c, int32_t *time)
{
    const char  *s = *p;

    if (s >= end || *s != ',') {
        return -1;
    }
    s++;

    if (s < end && *s == 'J') {
        s++;
        *kind = 'J';
        if (page_tz_rule_num(&s, end, a) != 0) {
            return -1;
        }
    } else if (s < end && *s == 'M') {
        s++;
        *kind = 'M';
        if (page_tz_rule_num(&s, end, a) != 0 || s >= end || *s++ != '.'
            || page_tz_rule_num(&s, end, b) != 0 || s >= end || *s++ != '.'
            || page_tz_rule_num(&s, end, c) != 0
            || *a < 1 || *a > 12 || *b < 1 || *b > 5 || *c > 6)
        {
            return -1;
        }
    } else {
        *kind = 'n';
        if (page_tz_rule_num(&s, end, a) != 0) {
            return -1;
        }
    }

    *time = 7200;
    if (s < end && *s == '/') {
        s++;
        if (page_tz_rule_time(&s, end, time) != 0) {
            return -1;
        }
    }

    *p = s;
    return 0;
}


static int
page_tz_rule_parse(const char *s, size_t len, page_tz_rule_t *r)
{
    int32_t      off;
    const char  *end = s + len;

    memset(r, 0, sizeof(*r));

    if (page_tz_rule_name(&s, end, r->std, sizeof(r->std)) != 0
        || page_tz_rule_time(&s, end, &off) != 0)
    {
        return -1;
    }
    r->stdoff = -off;                   /* POSIX counts west of UTC */

    if (s == end) {
        return 0;
    }

    if (page_tz_rule_name(&s, end, r->dst, sizeof(r->dst)) != 0) {
        return -1;
    }
    r->has_dst = 1;
    r->dstoff = r->stdoff + 3600;
    if (s < end && *s != ',') {
        if (page_tz_rule_time(&s, end, &off) != 0) {
            return -1;
        }
        r->dstoff = -off;
    }

    if (s == end) {
        /* no dates: the US rules, as Go assumes */
        r->start.kind = 'M';
        r->start.a = 3;
        r->start.b = 2;
        r->start.c = 0;
        r->start.time = 7200;
        r->end.kind = 'M';
        r->end.a = 11;
        r->end.b = 1;
        r->end.c = 0;
        r->end.time = 7200;
        return 0;
    }

    if (page_tz_rule_date(&s, end, &r->start.kind, &r->start.a, &r->start.b,
                          &r->start.c, &r->start.time) != 0
        || page_tz_rule_date(&s, end, &r->end.kind, &r->end.a, &r->end.b,
                             &r->end.c, &r->end.time) != 0)
    {
        return -1;
    }

    return s == end ? 0 : -1;
}


static int
page_tz_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}


/* Seconds from the start of year y (local) to the rule's date and time. */
static int64_t
page_tz_rule_when(int64_t y, char kind, int a, int b, int c, int32_t time)
{
    int64_t  day, first, wday;
    int      mdays;
    static const int  days_in[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
                                    30, 31 };

    if (kind == 'J') {
        /* 1..365, February 29 never counted */
        day = a - 1;
        if (page_tz_leap(y) && a >= 60) {
            day++;
        }
    } else if (kind == 'n') {
        day = a;
    } else {
        first = page_days_from_civil(y, a, 1);
        wday = ((first % 7) + 11) % 7;          /* 1970-01-01: Thursday */
        day = (c - wday + 7) % 7 + (int64_t) (b - 1) * 7;
        mdays = days_in[a - 1] + (a == 2 && page_tz_leap(y));
        while (day >= mdays) {
            day -= 7;
        }
        day += first - page_days_from_civil(y, 1, 1);
    }

    return day * 86400 + time;
}


/* The rule at instant sec: offset, abbreviation and DST flag. */
static void
page_tz_rule_at(const page_tz_rule_t *r, int64_t sec, int32_t *off,
    const char **abbr, int *isdst)
{
    int64_t    y, ystart, start, end, local;
    page_tm_t  tm;
    page_time_t t;

    *off = r->stdoff;
    *abbr = r->std;
    *isdst = 0;

    if (!r->has_dst) {
        return;
    }

    local = sec + r->stdoff;
    t.sec = local;
    t.nsec = 0;
    t.offset = 0;
    t.zone = 0;
    t.is_zero = 0;
    page_time_breakdown(&t, &tm);
    y = tm.year;
    ystart = page_days_from_civil(y, 1, 1) * 86400;

    /* both as UTC instants: start in standard time, end in DST */
    start = ystart + page_tz_rule_when(y, r->start.kind, r->start.a,
                                       r->start.b, r->start.c,
                                       r->start.time) - r->stdoff;
    end = ystart + page_tz_rule_when(y, r->end.kind, r->end.a, r->end.b,
                                     r->end.c, r->end.time) - r->dstoff;

    if (start < end ? (sec >= start && sec < end)
                    : !(sec >= end && sec < start))
    {
        *off = r->dstoff;
        *abbr = r->dst;
        *isdst = 1;
    }
}


/* ---- TZif ---- */

/* Go's lookupFirstZone: the type in use before the first transition. */
static int
page_tz_first(const page_tz_t *z)
{
    uint32_t  i;
    int       used;

    used = 0;
    for (i = 0; i < z->ntrans; i++) {
        if (z->idx[i] == 0) {
            used = 1;
            break;
        }
    }
    if (!used) {
        return 0;
    }

    if (z->ntrans > 0 && z->types[z->idx[0]].isdst) {
        for (i = z->idx[0]; i-- > 0; ) {
            if (!z->types[i].isdst) {
                return (int) i;
            }
        }
    }

    for (i = 0; i < z->ntypes; i++) {
        if (!z->types[i].isdst) {
            return (int) i;
        }
    }

    return 0;
}


/* Parse a TZif file (version 2 or later, or 1) into z; -1 if invalid. */
static int
page_tz_parse(page_tz_t *z, const unsigned char *p, size_t len)
{
    int              v2, tsize;
    uint32_t         isut, isstd, leap, ntrans, ntypes, nchars, i;
    size_t           body, need;
    const unsigned char  *d, *footer, *nl;

    if (len < 44 || memcmp(p, "TZif", 4) != 0) {
        return -1;
    }

    v2 = p[4] >= '2';
    tsize = 4;

    for ( ;; ) {
        isut = page_tz_be32(p + 20);
        isstd = page_tz_be32(p + 24);
        leap = page_tz_be32(p + 28);
        ntrans = page_tz_be32(p + 32);
        ntypes = page_tz_be32(p + 36);
        nchars = page_tz_be32(p + 40);

        if (ntrans > len || ntypes > 256 || ntypes == 0 || nchars > len
            || leap > len || isut > ntypes || isstd > ntypes)
        {
            return -1;
        }

        body = (size_t) ntrans * (tsize + 1) + (size_t) ntypes * 6 + nchars
               + (size_t) leap * (tsize + 4) + isstd + isut;
        if (44 + body > len) {
            return -1;
        }

        if (v2 && tsize == 4) {
            /* skip the 32-bit block to the 64-bit one */
            len -= 44 + body;
            p += 44 + body;
            if (len < 44 || memcmp(p, "TZif", 4) != 0) {
                return -1;
            }
            tsize = 8;
            continue;
        }
        break;
    }

    need = (size_t) ntrans * sizeof(int64_t) + ntrans
           + (size_t) ntypes * sizeof(page_tz_type_t) + nchars + 1;
    z->trans = malloc(need > 0 ? need : 1);
    if (z->trans == NULL) {
        return -1;
    }
    z->types = (page_tz_type_t *) (z->trans + ntrans);
    z->idx = (uint8_t *) (z->types + ntypes);
    z->chars = (char *) (z->idx + ntrans);

    d = p + 44;
    for (i = 0; i < ntrans; i++) {
        z->trans[i] = tsize == 8 ? page_tz_be64(d) : (int32_t) page_tz_be32(d);
        d += tsize;
    }
    for (i = 0; i < ntrans; i++) {
        z->idx[i] = *d++;
        if (z->idx[i] >= ntypes) {
            goto invalid;
        }
    }
    for (i = 0; i < ntypes; i++) {
        z->types[i].utoff = (int32_t) page_tz_be32(d);
        z->types[i].isdst = d[4];
        z->types[i].abbr = d[5];
        if (d[5] >= nchars) {
            goto invalid;
        }
        d += 6;
    }
    memcpy(z->chars, d, nchars);
    z->chars[nchars] = '\0';

    z->ntrans = ntrans;
    z->ntypes = ntypes;
    z->nchars = nchars;
    z->has_rule = 0;

    footer = p + 44 + body;
    if (v2 && (size_t) (footer - p) < len && *footer == '\n') {
        nl = memchr(footer + 1, '\n', len - (size_t) (footer + 1 - p));
        if (nl != NULL && nl - footer - 1 > 0
            && nl - footer - 1 < PAGE_TIME_RULE_MAX
            && page_tz_rule_parse((const char *) footer + 1,
                                  (size_t) (nl - footer - 1), &z->rule) == 0)
        {
            z->has_rule = 1;
        }
    }

    z->first = page_tz_first(z);
    return 0;

invalid:

    free(z->trans);
    z->trans = NULL;
    return -1;
}


/* Read the file at path into buf; its length, or -1. */
static ssize_t
page_tz_read(const char *path, unsigned char *buf, size_t size)
{
    int      fd;
    ssize_t  total;

    fd = open(path, O_RDONLY);
    if (fd < 0) {
        return -1;
    }

    total = page_read_full(fd, (char *) buf, size);
    close(fd);

    return (size_t) total == size ? -1 : total;   /* too big (or -1) */
}


/* Load the TZif file at path under the name; the zone's number or -1. */
static int
page_tz_load_file(const char *name, size_t len, const char *path)
{
    ssize_t         n;
    page_tz_t      *z;
    unsigned char  *buf;

    if (page_tz_count >= PAGE_TIME_MAX_ZONES) {
        return -1;
    }

    buf = malloc(PAGE_TIME_TZIF_MAX);
    if (buf == NULL) {
        return -1;
    }

    n = page_tz_read(path, buf, PAGE_TIME_TZIF_MAX);
    z = &page_tz_table[page_tz_count];
    memset(z, 0, sizeof(*z));

    if (n < 0 || page_tz_parse(z, buf, (size_t) n) != 0) {
        free(buf);
        return -1;
    }
    free(buf);

    memcpy(z->name, name, len);
    z->name[len] = '\0';

    return ++page_tz_count;             /* zones count from 1 */
}


int
page_time_zone_load(const char *name, size_t len, const char **err)
{
    int     i;
    size_t  k;
    char    path[sizeof(PAGE_TIME_ZONEINFO) + PAGE_TIME_ZONE_NAME_MAX];

    *err = NULL;

    if (len == 0 || (len == 3 && memcmp(name, "UTC", 3) == 0)) {
        return 0;
    }
    if (len == 5 && memcmp(name, "Local", 5) == 0) {
        return page_time_zone_local();
    }

    for (i = 0; i < page_tz_count; i++) {
        if (strlen(page_tz_table[i].name) == len
            && memcmp(page_tz_table[i].name, name, len) == 0)
        {
            return i + 1;
        }
    }

    /* Go's rule: no "..", no absolute path */
    for (k = 0; k + 1 < len; k++) {
        if (name[k] == '.' && name[k + 1] == '.') {
            *err = "time: invalid location name";
            return -1;
        }
    }
    if (name[0] == '/' || name[0] == '\\') {
        *err = "time: invalid location name";
        return -1;
    }

    *err = "unknown time zone";
    if (len >= PAGE_TIME_ZONE_NAME_MAX || memchr(name, '\0', len) != NULL) {
        return -1;
    }

    memcpy(path, PAGE_TIME_ZONEINFO, sizeof(PAGE_TIME_ZONEINFO) - 1);
    memcpy(path + sizeof(PAGE_TIME_ZONEINFO) - 1, name, len);
    path[sizeof(PAGE_TIME_ZONEINFO) - 1 + len] = '\0';

    i = page_tz_load_file(name, len, path);
    if (i < 0 && page_tz_count >= PAGE_TIME_MAX_ZONES) {
        *err = "too many time zones";
    }
    if (i > 0) {
        *err = NULL;
    }

    return i;
}


int
page_time_zone_local(void)
{
    const char  *tz, *err;
    int          z;

    if (page_tz_local >= 0) {
        return page_tz_local;
    }

    /* Go's Local: $TZ ("" is UTC, ":name" a name), else /etc/localtime */
    page_tz_local = 0;                  /* while loading: TZ=Local */
    tz = getenv("TZ");
    z = -1;
    if (tz != NULL) {
        if (tz[0] == ':') {
            tz++;
        }
        z = page_time_zone_load(tz, strlen(tz), &err);
    } else if (page_tz_count < PAGE_TIME_MAX_ZONES) {
        z = page_tz_load_file("Local", 5, "/etc/localtime");
    }

    page_tz_local = z > 0 ? z : 0;
    return page_tz_local;
}


/* The type of zone z in use at instant sec; or the rule's (rule set). */
static const page_tz_type_t *
page_tz_at(const page_tz_t *z, int64_t sec, int *use_rule)
{
    uint32_t  lo, hi, mid;

    *use_rule = 0;

    if (z->ntrans == 0 || sec < z->trans[0]) {
        if (z->ntrans == 0 && z->has_rule) {
            *use_rule = 1;
        }
        return &z->types[z->first];
    }

    if (sec >= z->trans[z->ntrans - 1] && z->has_rule) {
        *use_rule = 1;
        return NULL;
    }

    lo = 0;
    hi = z->ntrans;
    while (hi - lo > 1) {
        mid = lo + (hi - lo) / 2;
        if (sec < z->trans[mid]) {
            hi = mid;
        } else {
            lo = mid;
        }
    }

    return &z->types[z->idx[lo]];
}


const char *
page_time_zone_at(int zone, int64_t sec, int32_t *offset, int *isdst)
{
    int                    rule;
    const char            *abbr;
    const page_tz_t       *z;
    const page_tz_type_t  *ty;

    *offset = 0;
    *isdst = 0;

    if (zone <= 0 || zone > page_tz_count) {
        return NULL;
    }

    z = &page_tz_table[zone - 1];
    ty = page_tz_at(z, sec, &rule);
    if (rule) {
        page_tz_rule_at(&z->rule, sec, offset, &abbr, isdst);
        return abbr;
    }

    *offset = ty->utoff;
    *isdst = ty->isdst;
    return z->chars + ty->abbr;
}


void
page_time_in(page_time_t *t, int zone)
{
    int  isdst;

    if (zone <= 0) {
        t->zone = 0;
        t->offset = 0;
        return;
    }

    t->zone = (uint16_t) zone;
    (void) page_time_zone_at(zone, t->sec, &t->offset, &isdst);
}


void
page_time_zones_exit(void)
{
    int  i;

    for (i = 0; i < page_tz_count; i++) {
        free(page_tz_table[i].trans);
        page_tz_table[i].trans = NULL;
    }
    page_tz_count = 0;
    page_tz_local = -1;
}
