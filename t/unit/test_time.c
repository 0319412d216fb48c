/*
 * test_time: front-matter dates (page_time_parse) and Go reference-time
 * layouts (page_time_format).  Expected strings follow Go's documented
 * layout semantics (package time: "Mon Jan 2 15:04:05 MST 2006"); calendar
 * facts (weekdays, Unix seconds, day of year) were checked with date(1).
 */

#include <stdint.h>
#include <string.h>

#include "tap.h"
#include "page_arena.h"
#include "page_buf.h"
#include "page_time.h"

static page_arena_t  arena;


/* got[0..got_len) equals the C string want (tap.h has no byte compare) */
static int
bytes_is(const char *got, size_t got_len, const char *want,
    const char *name, int line)
{
    int     cond;
    size_t  want_len = strlen(want);

    cond = got != NULL && got_len == want_len
           && memcmp(got, want, want_len) == 0;

    if (!tap_ok(cond, name, __FILE__, line)) {
        printf("#          got: '%.*s'\n#     expected: '%s'\n",
               got ? (int) got_len : 6, got ? got : "(null)", want);
    }

    return cond;
}

#define is_bytes(got, len, want, name) \
    bytes_is((got), (len), (want), (name), __LINE__)


/* Format the date s (parsed by page_time_parse) with a Go layout. */
static const char *
fmt(const char *s, const char *layout)
{
    page_buf_t   b;
    page_time_t  t;
    const char  *out;

    if (page_time_parse(s, strlen(s), &t) != 0) {
        return "(parse failed)";
    }

    page_buf_init(&b, &arena, 0);
    page_time_format(&b, &t, layout, strlen(layout));
    out = page_buf_cstr(&b);

    return out ? out : "(format failed)";
}


static int
parses(const char *s)
{
    page_time_t  t;

    return page_time_parse(s, strlen(s), &t) == 0;
}


static void
test_parse(void)
{
    page_time_t  t;

    ok(page_time_parse("2025-09-23", 10, &t) == 0, "parse: date");
    is_int(t.sec, 1758585600, "parse: date is midnight UTC");
    is_int(t.nsec, 0, "parse: date has no fraction");
    is_int(t.offset, 0, "parse: date is UTC");
    ok(!t.is_zero, "parse: date is not the zero time");

    ok(page_time_parse("2025-09-23T10:00:00+02:00", 25, &t) == 0,
       "parse: datetime with offset");
    is_int(t.sec, 1758614400, "parse: +02:00 10:00 is 08:00Z");
    is_int(t.offset, 7200, "parse: offset +02:00 is 7200 s east");

    ok(page_time_parse("2025-09-23T10:00:00-0530", 24, &t) == 0,
       "parse: offset without colon");
    is_int(t.offset, -19800, "parse: -0530 is -19800 s");
    is_int(t.sec, 1758585600 + 15 * 3600 + 30 * 60,
           "parse: 10:00-05:30 is 15:30Z");

    ok(page_time_parse("2025-09-23T10:00:00+02", 22, &t) == 0,
       "parse: offset hours only");
    is_int(t.offset, 7200, "parse: +02 is 7200 s");

    ok(page_time_parse("2025-09-23 08:00:00", 19, &t) == 0,
       "parse: space between date and time");
    is_int(t.sec, 1758614400, "parse: space form, UTC");

    ok(page_time_parse("2025-09-23t08:00:00z", 20, &t) == 0,
       "parse: lower-case t and z");
    is_int(t.sec, 1758614400, "parse: lower-case form, UTC");

    ok(page_time_parse("2025-09-23T08:00Z", 17, &t) == 0,
       "parse: hh:mm without seconds");
    is_int(t.sec, 1758614400, "parse: hh:mm value");

    ok(page_time_parse("2025-09-23T08:00:00.5Z", 22, &t) == 0,
       "parse: one fractional digit");
    is_int(t.nsec, 500000000, "parse: .5 is 500000000 ns");

    ok(page_time_parse("2025-09-23T08:00:00.123456789Z", 30, &t) == 0,
       "parse: nanoseconds");
    is_int(t.nsec, 123456789, "parse: .123456789");

    ok(page_time_parse("2025-09-23T08:00:00.1234567891234Z", 34, &t) == 0,
       "parse: more than 9 fractional digits");
    is_int(t.nsec, 123456789, "parse: digits past nanoseconds are dropped");

    ok(page_time_parse("2025-09-23T08:00:00.000001+01:00", 32, &t) == 0,
       "parse: microsecond and offset");
    is_int(t.nsec, 1000, "parse: .000001 is 1000 ns");

    ok(page_time_parse("2025-01-01T01:00:00+02:00", 25, &t) == 0,
       "parse: offset crossing midnight and the year");
    is_int(t.sec, 1735686000, "parse: 2025-01-01 01:00+02 is "
                              "2024-12-31 23:00Z");

    ok(page_time_parse("1969-12-31T23:59:59Z", 20, &t) == 0,
       "parse: before 1970");
    is_int(t.sec, -1, "parse: 1969-12-31T23:59:59Z is -1");

    ok(page_time_parse("9999-12-31T23:59:59Z", 20, &t) == 0,
       "parse: year 9999");
    is_int(t.sec, 253402300799LL, "parse: 9999-12-31T23:59:59Z");

    ok(page_time_parse("0001-01-01", 10, &t) == 0, "parse: year 1");
    is_int(t.sec, -62135596800LL, "parse: 0001-01-01 (Go's zero time)");
    ok(t.is_zero, "parse: 0001-01-01T00:00:00Z is the zero time");

    ok(page_time_parse("2024-02-29", 10, &t) == 0, "parse: leap day 2024");
    ok(parses("2000-02-29"), "parse: 2000 is a leap year");
    ok(parses("2025-12-31T23:59:59Z"), "parse: last second of a year");

    /* the length is honoured: the bytes after it are not read */
    ok(page_time_parse("2025-09-23T10:00:00Zjunk", 20, &t) == 0,
       "parse: stops at len");
    ok(page_time_parse("2025-09-23T10", 10, &t) == 0,
       "parse: a prefix of len 10 is a date");
    is_int(t.sec, 1758585600, "parse: the prefix's value");

    /* rejected */
    ok(!parses("2025-02-30"), "reject: 2025-02-30");
    ok(!parses("2025-02-29"), "reject: 2025-02-29 (not a leap year)");
    ok(!parses("1900-02-29"), "reject: 1900-02-29 (century)");
    ok(!parses("2025-04-31"), "reject: 2025-04-31");
    ok(!parses("2025-13-01"), "reject: month 13");
    ok(!parses("2025-00-10"), "reject: month 0");
    ok(!parses("2025-01-00"), "reject: day 0");
    ok(!parses("2025-01-32"), "reject: day 32");
    ok(!parses("2025-09-23T24:00:00Z"), "reject: hour 24");
    ok(!parses("2025-09-23T10:60:00Z"), "reject: minute 60");
    ok(!parses("2025-09-23T10:00:60Z"),
       "reject: second 60 (Go: second out of range)");
    ok(!parses("2025-09-23T10:00:00+24:00"), "reject: offset hour 24");
    ok(!parses("2025-09-23T10:00:00+02:60"), "reject: offset minute 60");
    ok(!parses("2025-09-23T10:00:00+02:"), "reject: offset with a bare colon");
    ok(!parses("2025-09-23T10:00:00+2"), "reject: one-digit offset");
    ok(!parses("2025-09-23T10:00:00."), "reject: '.' without digits");
    ok(!parses("2025-09-23T10:00:00Zjunk"), "reject: trailing text");
    ok(!parses("2025-09-23T"), "reject: T without a time");
    ok(!parses("2025-09-23T10"), "reject: hour without minutes");
    ok(!parses("2025-09-23T1:00"), "reject: one-digit hour");
    ok(!parses("2025-09-23x"), "reject: junk after the date");
    ok(!parses("2025-9-23"), "reject: one-digit month");
    ok(!parses("25-09-23"), "reject: two-digit year");
    ok(!parses("2025/09/23"), "reject: slashes");
    ok(!parses("abcd-ef-gh"), "reject: letters");
    ok(!parses(""), "reject: empty");
    ok(!parses("2025"), "reject: a year alone (a YAML int)");
    ok(page_time_parse("2025-09-23", 9, &t) != 0, "reject: cut by len");
}


static void
test_format(void)
{
    const char  *ref = "2006-01-02T15:04:05.123456789-07:00";
    const char  *day = "2025-09-23T09:05:07Z";

    /* Go's reference time formats as its own layout */
    is_str(fmt(ref, "Mon Jan 2 15:04:05 -0700 2006"),
           "Mon Jan 2 15:04:05 -0700 2006", "format: reference time");
    is_str(fmt(ref, "2006-01-02T15:04:05.999999999Z07:00"),
           "2006-01-02T15:04:05.123456789-07:00", "format: RFC 3339 nano");

    is_str(fmt(day, "2006-01-02"), "2025-09-23", "format: 2006-01-02");
    is_str(fmt(day, "January 2, 2006"), "September 23, 2025",
           "format: January 2, 2006");
    is_str(fmt("2025-02-03", "January 2, 2006"), "February 3, 2025",
           "format: day without padding");
    is_str(fmt(day, "Mon, 02 Jan 2006 15:04:05 MST"),
           "Tue, 23 Sep 2025 09:05:07 UTC", "format: RFC 1123 in UTC");
    is_str(fmt("2025-09-23T09:05:07+02:00", "Mon, 02 Jan 2006 15:04:05 MST"),
           "Tue, 23 Sep 2025 09:05:07 +0200",
           "format: MST of an unnamed zone is -0700 style");
    is_str(fmt("2025-02-03", "Monday, 02-Jan-06"), "Monday, 03-Feb-25",
           "format: Monday, 02, Jan, 06");
    is_str(fmt("2025-02-03", "1/2/06"), "2/3/25", "format: 1/2/06");
    is_str(fmt("2025-02-03", "01/02/2006"), "02/03/2025",
           "format: 01/02/2006");

    is_str(fmt("2025-02-03", "Jan _2"), "Feb  3", "format: _2 pads a space");
    is_str(fmt(day, "Jan _2"), "Sep 23", "format: _2 with two digits");
    is_str(fmt("2025-02-03", "_2006"), "_2025",
           "format: _2006 is '_' and the year");
    is_str(fmt("2025-02-03", "__2"), " 34", "format: __2 day of year");
    is_str(fmt("2025-01-05", "__2"), "  5", "format: __2 pads two spaces");

    is_str(fmt("2025-01-01", "002"), "001", "format: 002 on 1 January");
    is_str(fmt("2025-03-01", "002"), "060", "format: 002 on 1 March 2025");
    is_str(fmt("2024-12-31", "002"), "366", "format: 002 leap year end");
    is_str(fmt("2025-12-31", "002"), "365", "format: 002 year end");

    is_str(fmt(day, "3:04PM"), "9:05AM", "format: 3:04PM morning");
    is_str(fmt("2025-09-23T21:30:00Z", "3:04PM"), "9:30PM",
           "format: 3:04PM evening");
    is_str(fmt("2025-09-23T00:15:00Z", "3:04PM"), "12:15AM",
           "format: hour 0 is 12AM");
    is_str(fmt("2025-09-23T12:00:00Z", "03:04 pm"), "12:00 pm",
           "format: noon is 12 pm");
    is_str(fmt(day, "15h04m05s"), "09h05m07s", "format: 15 04 05");
    is_str(fmt(day, "3 4 5"), "9 5 7", "format: 3 4 5 unpadded");

    is_str(fmt(ref, "15:04:05.000"), "15:04:05.123",
           "format: .000 fixed width, truncated");
    is_str(fmt(day, "15:04:05.000"), "09:05:07.000",
           "format: .000 keeps zeros");
    is_str(fmt("2025-09-23T09:05:07.12Z", "05.999"), "07.12",
           "format: .999 trims trailing zeros");
    is_str(fmt(day, "05.999"), "07", "format: .999 of 0 drops the dot");
    is_str(fmt(ref, "05.999999999"), "05.123456789", "format: .999999999");
    is_str(fmt("2025-09-23T09:05:07.5Z", "05,000"), "07,500",
           "format: comma as the separator");
    is_str(fmt(ref, "05.0000000000"), "05.123456789",
           "format: more than 9 digits prints 9 and consumes them all");
    is_str(fmt(ref, "05.0001"), "05.0001",
           "format: .000 followed by a digit is not a fraction ('.', 00, "
           "01 the month)");

    is_str(fmt(day, "-07:00"), "+00:00", "format: -07:00 in UTC");
    is_str(fmt(day, "Z07:00"), "Z", "format: Z07:00 in UTC is Z");
    is_str(fmt("2025-09-23T09:05:07+05:30", "-07:00"), "+05:30",
           "format: -07:00 positive");
    is_str(fmt("2025-09-23T09:05:07+05:30", "Z07:00"), "+05:30",
           "format: Z07:00 with an offset");
    is_str(fmt(ref, "-0700"), "-0700", "format: -0700");
    is_str(fmt(ref, "Z0700"), "-0700", "format: Z0700 with an offset");
    is_str(fmt(day, "Z0700"), "Z", "format: Z0700 in UTC");
    is_str(fmt(ref, "-07"), "-07", "format: -07");
    is_str(fmt(day, "Z07"), "Z", "format: Z07 in UTC");
    is_str(fmt(ref, "-07:00:00"), "-07:00:00", "format: -07:00:00");
    is_str(fmt(day, "Z07:00:00"), "Z", "format: Z07:00:00 in UTC");

    is_str(fmt("2025-01-01T01:00:00+02:00", "2006-01-02 15:04 -07:00"),
           "2025-01-01 01:00 +02:00",
           "format: local time in the time's own offset");
    is_str(fmt("1969-12-31T23:59:59Z", "Monday 2006-01-02 15:04:05"),
           "Wednesday 1969-12-31 23:59:59", "format: before 1970");
    is_str(fmt("9999-12-31T23:59:59Z", "Mon 2006-01-02 002"),
           "Fri 9999-12-31 365", "format: year 9999");

    /* text that only looks like a token is copied */
    is_str(fmt(day, "Month"), "Month",
           "format: Mon followed by a lower-case letter is text");
    is_str(fmt(day, "Janet"), "Janet",
           "format: Jan followed by a lower-case letter is text");
    is_str(fmt(day, "Monday"), "Tuesday", "format: Monday is the day name");
    is_str(fmt(day, "Mon."), "Tue.", "format: Mon before punctuation");
    is_str(fmt(day, "at 15:04 o'clock"), "at 09:05 o'clock",
           "format: literal text kept");
    is_str(fmt(day, ""), "", "format: empty layout");
    is_str(fmt(day, "00 07"), "00 07", "format: 00 and 07 are text");

    {
        page_buf_t   b;
        page_time_t  z;

        page_time_zero(&z);
        page_buf_init(&b, &arena, 0);
        page_time_format(&b, &z, "Mon 2006-01-02 15:04:05 MST", 27);
        is_bytes(b.data, b.len, "Mon 0001-01-01 00:00:00 UTC",
               "format: Go's zero time");
    }
}


static void
test_civil(void)
{
    page_tm_t    tm;
    page_time_t  t;

    is_int(page_days_from_civil(1970, 1, 1), 0, "civil: epoch is day 0");
    is_int(page_days_from_civil(2000, 3, 1), 951868800 / 86400,
           "civil: 2000-03-01");
    is_int(page_days_from_civil(1969, 12, 31), -1, "civil: 1969-12-31");

    page_time_parse("2024-12-31T23:00:00-01:00", 25, &t);
    page_time_breakdown(&t, &tm);
    ok(tm.year == 2024 && tm.month == 12 && tm.day == 31 && tm.hour == 23
       && tm.yday == 366 && tm.wday == 2,
       "breakdown: local fields in the time's own offset");
}


int
main(void)
{
    page_arena_init(&arena, 0);

    test_parse();
    test_format();
    test_civil();

    page_arena_free(&arena);

    return done_testing();
}
