/*
 * page_time: parsing front-matter dates and formatting times with Go's
 * reference-time layouts (Mon Jan 2 15:04:05 MST 2006).
 */

#include <stdio.h>
#include <string.h>

#include "page_time.h"

const char  *const page_month_names[12] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"
};

const char  *const page_day_names[7] = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday"
};

/* Go's zero time, 0001-01-01T00:00:00Z, in Unix seconds */
#define PAGE_TIME_ZERO_SEC  (-62135596800LL)


/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
int64_t
page_days_from_civil(int64_t y, int m, int d)
{
    int64_t   era;
    unsigned  yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = (unsigned) (y - era * 400);
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

    return era * 146097 + (int64_t) doe - 719468;
}


static void
page_civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    int64_t   era;
    unsigned  doe, yoe, doy, mp;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = (unsigned) (z - era * 146097);
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    *y = (int64_t) yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int) (doy - (153 * mp + 2) / 5 + 1);
    *m = (int) (mp < 10 ? mp + 3 : mp - 9);
    *y += *m <= 2;
}


static int
page_is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}


void
page_time_zero(page_time_t *t)
{
    t->sec = PAGE_TIME_ZERO_SEC;
    t->nsec = 0;
    t->offset = 0;
    t->is_zero = 1;
    t->zone = 0;
}


const char *
page_time_zone_name(const page_time_t *t)
{
    int          isdst;
    int32_t      off;
    const char  *abbr;

    if (t->zone != 0) {
        abbr = page_time_zone_at(t->zone, t->sec, &off, &isdst);
        if (abbr != NULL) {
            return abbr;
        }
    }

    return t->offset == 0 ? "UTC" : "";
}


static int
page_digits(const char *s, size_t len, size_t *pos, int n, int *out)
{
    int  v, i;

    if (*pos + n > len) {
        return -1;
    }

    v = 0;
    for (i = 0; i < n; i++) {
        char  c = s[*pos + i];

        if (c < '0' || c > '9') {
            return -1;
        }
        v = v * 10 + (c - '0');
    }

    *pos += n;
    *out = v;

    return 0;
}


int
page_time_parse(const char *s, size_t len, page_time_t *t)
{
    int     year, month, day, hour, min, sec, oh, om, sign, mdays, digits;
    size_t  pos;
    int32_t nsec;
    static const int  days_in[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
                                    30, 31 };

    pos = 0;
    hour = min = sec = 0;
    nsec = 0;
    sign = 0;
    oh = om = 0;

    if (page_digits(s, len, &pos, 4, &year) != 0
        || pos >= len || s[pos++] != '-'
        || page_digits(s, len, &pos, 2, &month) != 0
        || pos >= len || s[pos++] != '-'
        || page_digits(s, len, &pos, 2, &day) != 0)
    {
        return -1;
    }

    if (month < 1 || month > 12) {
        return -1;
    }

    mdays = days_in[month - 1] + (month == 2 && page_is_leap(year));
    if (day < 1 || day > mdays) {
        return -1;
    }

    if (pos < len && (s[pos] == 'T' || s[pos] == 't' || s[pos] == ' ')) {
        pos++;

        if (page_digits(s, len, &pos, 2, &hour) != 0
            || pos >= len || s[pos++] != ':'
            || page_digits(s, len, &pos, 2, &min) != 0)
        {
            return -1;
        }

        if (pos < len && s[pos] == ':') {
            pos++;
            if (page_digits(s, len, &pos, 2, &sec) != 0) {
                return -1;
            }

            if (pos < len && s[pos] == '.') {
                pos++;
                digits = 0;
                while (pos < len && s[pos] >= '0' && s[pos] <= '9') {
                    if (digits < 9) {
                        nsec = nsec * 10 + (s[pos] - '0');
                    }
                    digits++;
                    pos++;
                }
                if (digits == 0) {
                    return -1;
                }
                for (; digits < 9; digits++) {
                    nsec *= 10;
                }
            }
        }

        if (hour > 23 || min > 59 || sec > 59) {
            return -1;
        }

        while (pos < len && s[pos] == ' ') {
            pos++;
        }

        if (pos < len && (s[pos] == 'Z' || s[pos] == 'z')) {
            pos++;

        } else if (pos < len && (s[pos] == '+' || s[pos] == '-')) {
            sign = s[pos++] == '-' ? -1 : 1;

            if (page_digits(s, len, &pos, 2, &oh) != 0) {
                return -1;
            }
            if (pos < len && s[pos] == ':') {
                pos++;
                if (pos == len) {
                    return -1;          /* "+02:" without minutes */
                }
            }
            if (pos < len && page_digits(s, len, &pos, 2, &om) != 0) {
                return -1;
            }
            if (oh > 23 || om > 59) {
                return -1;
            }
        }
    }

    if (pos != len) {
        return -1;
    }

    t->offset = sign * (oh * 3600 + om * 60);
    t->sec = page_days_from_civil(year, month, day) * 86400
             + hour * 3600 + min * 60 + sec - t->offset;
    t->nsec = nsec;
    t->zone = 0;
    t->is_zero = (t->sec == PAGE_TIME_ZERO_SEC && nsec == 0);

    return 0;
}


void
page_time_breakdown(const page_time_t *t, page_tm_t *tm)
{
    int64_t  local, days, rem;

    local = t->sec + t->offset;
    days = local / 86400;
    rem = local % 86400;
    if (rem < 0) {
        rem += 86400;
        days--;
    }

    page_civil_from_days(days, &tm->year, &tm->month, &tm->day);
    tm->hour = (int) (rem / 3600);
    tm->min = (int) (rem / 60 % 60);
    tm->sec = (int) (rem % 60);
    tm->wday = (int) (((days % 7) + 11) % 7);   /* 1970-01-01: Thursday */
    tm->yday = (int) (days - page_days_from_civil(tm->year, 1, 1) + 1);
    tm->nsec = t->nsec;
}


static int
page_has_prefix(const char *s, size_t len, const char *prefix)
{
    size_t  n = strlen(prefix);

    return len >= n && memcmp(s, prefix, n) == 0;
}


/* Go: "Jan" and "Mon" are not tokens before a lower-case letter ("Month") */
static int
page_has_word(const char *s, size_t len, const char *prefix)
{
    size_t  n = strlen(prefix);

    return page_has_prefix(s, len, prefix)
           && !(len > n && s[n] >= 'a' && s[n] <= 'z');
}


static void
page_time_zone(page_buf_t *b, int32_t offset, int colon, int seconds,
    int z, int hours_only)
{
    int  a;

    if (z && offset == 0) {
        page_buf_putc(b, 'Z');
        return;
    }

    a = offset < 0 ? -offset : offset;
    page_buf_printf(b, "%c%02d", offset < 0 ? '-' : '+', a / 3600);
    if (hours_only) {
        return;
    }
    page_buf_printf(b, colon ? ":%02d" : "%02d", a / 60 % 60);
    if (seconds) {
        page_buf_printf(b, colon ? ":%02d" : "%02d", a % 60);
    }
}


/*
 * Digits of a fractional-second token at s (".000", ",999"): a run of one
 * digit, 0 when a different digit follows (then it is not a fraction).
 */
static size_t
page_frac_digits(const char *s, size_t len)
{
    size_t  n;

    for (n = 1; n < len && s[n] == s[1]; n++) {
        /* void */
    }

    if (n < len && s[n] >= '0' && s[n] <= '9') {
        return 0;
    }

    return n - 1;
}


/*
 * Walk the layout as Go's nextStdChunk does: at each position try the
 * longest reference token; anything else is copied.
 */
void
page_time_format(page_buf_t *b, const page_time_t *t, const char *layout,
    size_t layout_len)
{
    int          hour12, ndig, i, trim;
    size_t       pos, rest;
    page_tm_t    tm;
    const char  *s, *zname;
    char         frac[10];

    page_time_breakdown(t, &tm);

    pos = 0;

    while (pos < layout_len) {
        s = layout + pos;
        rest = layout_len - pos;
        hour12 = tm.hour % 12 == 0 ? 12 : tm.hour % 12;

#define TOKEN(str)  (page_has_prefix(s, rest, str) \
                     && (pos += sizeof(str) - 1, 1))

#define WORD(str)   (page_has_word(s, rest, str) \
                     && (pos += sizeof(str) - 1, 1))

        if (TOKEN("January")) {
            page_buf_puts(b, page_month_names[tm.month - 1]);
        } else if (WORD("Jan")) {
            page_buf_append(b, page_month_names[tm.month - 1], 3);
        } else if (TOKEN("Monday")) {
            page_buf_puts(b, page_day_names[tm.wday]);
        } else if (WORD("Mon")) {
            page_buf_append(b, page_day_names[tm.wday], 3);
        } else if (TOKEN("MST")) {
            /* the zone's name; Go writes -0700 when it has none */
            zname = page_time_zone_name(t);
            if (zname[0] != '\0') {
                page_buf_puts(b, zname);
            } else {
                page_time_zone(b, t->offset, 0, 0, 0, 0);
            }
        } else if (TOKEN("2006")) {
            page_buf_printf(b, "%04lld", (long long) tm.year);
        } else if (TOKEN("2")) {
            page_buf_printf(b, "%d", tm.day);
        } else if (page_has_prefix(s, rest, "_2006")) {
            /* Go: "_2006" is a literal "_" and the year */
            page_buf_putc(b, '_');
            pos++;
        } else if (TOKEN("_2")) {
            page_buf_printf(b, "%2d", tm.day);
        } else if (TOKEN("__2")) {
            page_buf_printf(b, "%3d", tm.yday);
        } else if (TOKEN("002")) {
            page_buf_printf(b, "%03d", tm.yday);
        } else if (TOKEN("01")) {
            page_buf_printf(b, "%02d", tm.month);
        } else if (TOKEN("02")) {
            page_buf_printf(b, "%02d", tm.day);
        } else if (TOKEN("03")) {
            page_buf_printf(b, "%02d", hour12);
        } else if (TOKEN("04")) {
            page_buf_printf(b, "%02d", tm.min);
        } else if (TOKEN("05")) {
            page_buf_printf(b, "%02d", tm.sec);
        } else if (TOKEN("06")) {
            page_buf_printf(b, "%02d", (int) (tm.year % 100));
        } else if (TOKEN("15")) {
            page_buf_printf(b, "%02d", tm.hour);
        } else if (TOKEN("1")) {
            page_buf_printf(b, "%d", tm.month);
        } else if (TOKEN("3")) {
            page_buf_printf(b, "%d", hour12);
        } else if (TOKEN("4")) {
            page_buf_printf(b, "%d", tm.min);
        } else if (TOKEN("5")) {
            page_buf_printf(b, "%d", tm.sec);
        } else if (TOKEN("PM")) {
            page_buf_puts(b, tm.hour >= 12 ? "PM" : "AM");
        } else if (TOKEN("pm")) {
            page_buf_puts(b, tm.hour >= 12 ? "pm" : "am");
        } else if (TOKEN("Z07:00:00")) {
            page_time_zone(b, t->offset, 1, 1, 1, 0);
        } else if (TOKEN("Z070000")) {
            page_time_zone(b, t->offset, 0, 1, 1, 0);
        } else if (TOKEN("Z07:00")) {
            page_time_zone(b, t->offset, 1, 0, 1, 0);
        } else if (TOKEN("Z0700")) {
            page_time_zone(b, t->offset, 0, 0, 1, 0);
        } else if (TOKEN("Z07")) {
            page_time_zone(b, t->offset, 0, 0, 1, 1);
        } else if (TOKEN("-07:00:00")) {
            page_time_zone(b, t->offset, 1, 1, 0, 0);
        } else if (TOKEN("-070000")) {
            page_time_zone(b, t->offset, 0, 1, 0, 0);
        } else if (TOKEN("-07:00")) {
            page_time_zone(b, t->offset, 1, 0, 0, 0);
        } else if (TOKEN("-0700")) {
            page_time_zone(b, t->offset, 0, 0, 0, 0);
        } else if (TOKEN("-07")) {
            page_time_zone(b, t->offset, 0, 0, 0, 1);
        } else if ((s[0] == '.' || s[0] == ',') && rest > 1
                   && (s[1] == '0' || s[1] == '9')
                   && page_frac_digits(s, rest) != 0)
        {
            /* fractional seconds: .000 fixed width, .999 trimmed */
            ndig = (int) page_frac_digits(s, rest);
            pos += ndig + 1;
            if (ndig > 9) {
                ndig = 9;
            }
            trim = s[1] == '9';
            snprintf(frac, sizeof(frac), "%09d", (int) tm.nsec);
            if (trim) {
                while (ndig > 0 && frac[ndig - 1] == '0') {
                    ndig--;
                }
                if (ndig == 0) {
                    continue;
                }
            }
            page_buf_putc(b, s[0]);
            for (i = 0; i < ndig; i++) {
                page_buf_putc(b, frac[i]);
            }
        } else {
            page_buf_putc(b, s[0]);
            pos++;
        }

#undef TOKEN
#undef WORD
    }
}


/*
 * The fraction of v / 10^prec (".5", ".25"; nothing when it is 0) at the
 * end of buf[0, w): Go's fmtFrac.  Returns the new start, *v the rest.
 */
static size_t
page_duration_frac(char *buf, size_t w, uint64_t *v, int prec)
{
    int  i, print;

    print = 0;
    for (i = 0; i < prec; i++) {
        if (*v % 10 != 0 || print) {
            print = 1;
            buf[--w] = (char) ('0' + *v % 10);
        }
        *v /= 10;
    }
    if (print) {
        buf[--w] = '.';
    }

    return w;
}


static size_t
page_duration_int(char *buf, size_t w, uint64_t v)
{
    if (v == 0) {
        buf[--w] = '0';
    }
    while (v > 0) {
        buf[--w] = (char) ('0' + v % 10);
        v /= 10;
    }

    return w;
}


void
page_duration_format(page_buf_t *b, int64_t d)
{
    char      buf[32];
    size_t    w;
    uint64_t  u;
    int       neg;

    w = sizeof(buf);
    neg = d < 0;
    u = neg ? 0 - (uint64_t) d : (uint64_t) d;

    if (u < 1000000000ULL) {
        /* under a second: the largest unit of ns, µs, ms */
        buf[--w] = 's';
        if (u == 0) {
            page_buf_puts(b, "0s");
            return;
        }
        if (u < 1000) {
            buf[--w] = 'n';
            w = page_duration_int(buf, w, u);
        } else if (u < 1000000) {
            buf[--w] = '\xb5';
            buf[--w] = '\xc2';
            w = page_duration_frac(buf, w, &u, 3);
            w = page_duration_int(buf, w, u);
        } else {
            buf[--w] = 'm';
            w = page_duration_frac(buf, w, &u, 6);
            w = page_duration_int(buf, w, u);
        }

    } else {
        buf[--w] = 's';
        w = page_duration_frac(buf, w, &u, 9);
        w = page_duration_int(buf, w, u % 60);
        u /= 60;
        if (u > 0) {
            buf[--w] = 'm';
            w = page_duration_int(buf, w, u % 60);
            u /= 60;
            if (u > 0) {
                buf[--w] = 'h';
                w = page_duration_int(buf, w, u);
            }
        }
    }

    if (neg) {
        buf[--w] = '-';
    }

    page_buf_append(b, buf + w, sizeof(buf) - w);
}


/* ---- parsing by Go layout (the forms Hugo's cast reads) ---- */

/* A run of 1..max digits (exactly max when fixed) at s[*pos]. */
static int
page_parse_num(const char *s, size_t len, size_t *pos, int min, int max,
    int *out)
{
    int  n, v;

    v = 0;
    for (n = 0; n < max && *pos < len && s[*pos] >= '0' && s[*pos] <= '9';
         n++)
    {
        v = v * 10 + (s[(*pos)++] - '0');
    }

    *out = v;
    return n >= min ? 0 : -1;
}


/* One of names (matched on its first n letters, any case) at s[*pos]. */
static int
page_parse_name(const char *s, size_t len, size_t *pos,
    const char *const *names, int count, int abbr)
{
    int     i;
    size_t  n, k;

    for (i = 0; i < count; i++) {
        n = abbr ? 3 : strlen(names[i]);
        if (*pos + n > len) {
            continue;
        }
        for (k = 0; k < n; k++) {
            char  a = s[*pos + k], b = names[i][k];

            if (a >= 'A' && a <= 'Z') {
                a += 'a' - 'A';
            }
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (a != b) {
                break;
            }
        }
        if (k == n) {
            *pos += n;
            return i;
        }
    }

    return -1;
}


/* ±hh[:]mm (colon as the layout has it), or Z when z is set. */
static int
page_parse_offset(const char *s, size_t len, size_t *pos, int colon, int z,
    int32_t *off)
{
    int  sign, h, m;

    if (z && *pos < len && s[*pos] == 'Z') {
        (*pos)++;
        *off = 0;
        return 0;
    }
    if (*pos >= len || (s[*pos] != '+' && s[*pos] != '-')) {
        return -1;
    }
    sign = s[(*pos)++] == '-' ? -1 : 1;

    if (page_parse_num(s, len, pos, 2, 2, &h) != 0) {
        return -1;
    }
    if (colon) {
        if (*pos >= len || s[*pos] != ':') {
            return -1;
        }
        (*pos)++;
    }
    if (page_parse_num(s, len, pos, 2, 2, &m) != 0 || h > 23 || m > 59) {
        return -1;
    }

    *off = sign * (h * 3600 + m * 60);
    return 0;
}


int
page_time_parse_layout(const char *layout, const char *s, size_t len,
    page_time_t *t, int *zone_kind)
{
    int          year, month, day, hour, min, sec, v, mdays, digits;
    size_t       pos;
    int32_t      nsec, off;
    const char  *l;
    static const int  days_in[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
                                    30, 31 };

    year = 1;
    month = 1;
    day = 1;
    hour = min = sec = 0;
    nsec = 0;
    off = 0;
    *zone_kind = 0;             /* 0 none, 1 an offset, 2 a name */
    pos = 0;

    for (l = layout; *l != '\0'; ) {

#define LAYOUT(tok)  (strncmp(l, tok, sizeof(tok) - 1) == 0 \
                      && (l += sizeof(tok) - 1, 1))

        if (LAYOUT("Monday")) {
            if (page_parse_name(s, len, &pos, page_day_names, 7, 0) < 0) {
                return -1;
            }
        } else if (LAYOUT("Mon")) {
            if (page_parse_name(s, len, &pos, page_day_names, 7, 1) < 0) {
                return -1;
            }
        } else if (LAYOUT("January")) {
            v = page_parse_name(s, len, &pos, page_month_names, 12, 0);
            if (v < 0) {
                return -1;
            }
            month = v + 1;
        } else if (LAYOUT("Jan")) {
            v = page_parse_name(s, len, &pos, page_month_names, 12, 1);
            if (v < 0) {
                return -1;
            }
            month = v + 1;
        } else if (LAYOUT("2006")) {
            if (page_parse_num(s, len, &pos, 4, 4, &year) != 0) {
                return -1;
            }
        } else if (LAYOUT("01")) {
            if (page_parse_num(s, len, &pos, 2, 2, &month) != 0) {
                return -1;
            }
        } else if (LAYOUT("02")) {
            if (page_parse_num(s, len, &pos, 2, 2, &day) != 0) {
                return -1;
            }
        } else if (LAYOUT("_2")) {
            if (pos < len && s[pos] == ' ') {
                pos++;
            }
            if (page_parse_num(s, len, &pos, 1, 2, &day) != 0) {
                return -1;
            }
        } else if (LAYOUT("06")) {
            if (page_parse_num(s, len, &pos, 2, 2, &year) != 0) {
                return -1;
            }
            year += year >= 69 ? 1900 : 2000;
        } else if (LAYOUT("15")) {
            if (page_parse_num(s, len, &pos, 1, 2, &hour) != 0) {
                return -1;
            }
        } else if (LAYOUT("04")) {
            if (page_parse_num(s, len, &pos, 2, 2, &min) != 0) {
                return -1;
            }
        } else if (LAYOUT("05")) {
            if (page_parse_num(s, len, &pos, 2, 2, &sec) != 0) {
                return -1;
            }
            /* Go takes a fraction after the seconds even when the layout
             * has none */
            if (pos + 1 < len && (s[pos] == '.' || s[pos] == ',')
                && s[pos + 1] >= '0' && s[pos + 1] <= '9')
            {
                pos++;
                for (digits = 0; pos < len && s[pos] >= '0' && s[pos] <= '9';
                     digits++, pos++)
                {
                    if (digits < 9) {
                        nsec = nsec * 10 + (s[pos] - '0');
                    }
                }
                for (; digits < 9; digits++) {
                    nsec *= 10;
                }
            }
            if (strncmp(l, ".999999999", 10) == 0) {
                l += 10;
            }
        } else if (LAYOUT("MST")) {
            /* a zone's name: three to five letters (or GMT) */
            for (v = 0; pos < len && s[pos] >= 'A' && s[pos] <= 'Z'; v++) {
                pos++;
            }
            if (v < 3 || v > 5) {
                return -1;
            }
            if (*zone_kind == 0) {
                *zone_kind = 2;
            }
        } else if (LAYOUT("Z07:00")) {
            if (page_parse_offset(s, len, &pos, 1, 1, &off) != 0) {
                return -1;
            }
            *zone_kind = 1;
        } else if (LAYOUT("Z0700")) {
            if (page_parse_offset(s, len, &pos, 0, 1, &off) != 0) {
                return -1;
            }
            *zone_kind = 1;
        } else if (LAYOUT("-07:00")) {
            if (page_parse_offset(s, len, &pos, 1, 0, &off) != 0) {
                return -1;
            }
            *zone_kind = 1;
        } else if (LAYOUT("-0700")) {
            if (page_parse_offset(s, len, &pos, 0, 0, &off) != 0) {
                return -1;
            }
            *zone_kind = 1;
        } else {
            if (pos >= len || s[pos] != *l) {
                return -1;
            }
            pos++;
            l++;
        }

#undef LAYOUT
    }

    if (pos != len || month < 1 || month > 12 || hour > 23 || min > 59
        || sec > 59)
    {
        return -1;
    }
    mdays = days_in[month - 1] + (month == 2 && page_is_leap(year));
    if (day < 1 || day > mdays) {
        return -1;
    }

    t->offset = off;
    t->zone = 0;
    t->sec = page_days_from_civil(year, month, day) * 86400
             + hour * 3600 + min * 60 + sec - off;
    t->nsec = nsec;
    t->is_zero = t->sec == PAGE_TIME_ZERO_SEC && nsec == 0;

    return 0;
}
