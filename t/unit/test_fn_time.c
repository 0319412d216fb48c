/*
 * test_fn_time: Hugo's time namespace, time values' and durations'
 * methods, and time zones from the system's tzdata (page_fn_time.c,
 * page_time.c, page_time_zone.c), through the template engine.  The
 * process runs with TZ=Europe/Berlin, and the expected values are what
 * hugo 0.111.3 printed run with TZ=Europe/Berlin (a site under /tmp
 * whose layouts/index.html prints the expressions).  0.111.3 has no
 * time.In: its cases are the same instants through .Local, and the
 * documentation (gohugo.io/functions/time/in) for the rest.
 */

#define _POSIX_C_SOURCE  200809L    /* setenv */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tpl_case.h"


#define T_  "{{ $t := time.AsTime \"2023-03-05T14:07:09.123456789+01:00\" }}" \
            "{{ $u := time.AsTime \"2023-03-05T14:07:09Z\" }}"


static void
test_astime(void)
{
    /* +01:00 is Local's offset then: Local's zone, as Go parses it */
    T(T_ "{{ $t }}|{{ $u }}|{{ time.AsTime \"2023-03-05\" }}",
      "2023-03-05 14:07:09.123456789 &#43;0100 CET|"
      "2023-03-05 14:07:09 &#43;0000 UTC|2023-03-05 00:00:00 &#43;0000 UTC");
    T("{{ time.AsTime \"2023-03-05T14:07:09+05:30\" }}",
      "2023-03-05 14:07:09 &#43;0530 &#43;0530");
    T("{{ time.AsTime \"2023-03-05T10:00:00\" \"America/New_York\" }}|"
      "{{ time.AsTime \"2023-07-05T10:00:00\" \"Europe/Berlin\" }}|"
      "{{ time.AsTime \"2023-07-05T10:00:00Z\" \"Europe/Berlin\" }}",
      "2023-03-05 10:00:00 -0500 EST|2023-07-05 10:00:00 &#43;0200 CEST|"
      "2023-07-05 10:00:00 &#43;0000 UTC");
    /* a wall time that the spring skips, and one the autumn repeats */
    T("{{ time.AsTime \"2023-03-26T02:30:00\" \"Europe/Berlin\" }}|"
      "{{ time.AsTime \"2023-10-29T02:30:00\" \"Europe/Berlin\" }}",
      "2023-03-26 03:30:00 &#43;0200 CEST|2023-10-29 02:30:00 &#43;0100 CET");
    /* the other forms cast reads; a zone's name alone is dropped */
    T("{{ time.AsTime \"Mon, 02 Jan 2006 15:04:05 -0700\" }}|"
      "{{ time.AsTime \"Mon, 02 Jan 2006 15:04:05 MST\" }}|"
      "{{ time.AsTime \"Tue, 10 Oct 2023 08:00:00 GMT\" }}|"
      "{{ time.AsTime \"02 Jan 2006\" }}",
      "2006-01-02 15:04:05 -0700 -0700|2006-01-02 15:04:05 &#43;0000 UTC|"
      "2023-10-10 08:00:00 &#43;0000 UTC|2006-01-02 00:00:00 &#43;0000 UTC");
    T("{{ time.AsTime \"Mon Jan  2 15:04:05 2006\" }}|"
      "{{ time.AsTime \"Monday, 02-Jan-06 15:04:05 UTC\" }}|"
      "{{ time.AsTime \"Mon Jan 02 15:04:05 -0700 2006\" }}|"
      "{{ time.AsTime \"02 Jan 06 15:04 -0700\" }}|"
      "{{ time.AsTime \"2023-03-05T10:00:00.5Z\" }}",
      "2006-01-02 15:04:05 &#43;0000 UTC|2006-01-02 15:04:05 &#43;0000 UTC|"
      "2006-01-02 15:04:05 -0700 -0700|2006-01-02 15:04:00 -0700 -0700|"
      "2023-03-05 10:00:00.5 &#43;0000 UTC");
    /* hugo prints -0700 MST: the name of a fixed zone is not kept */
    T("{{ time.AsTime \"2006-01-02 15:04:05.5 -0700 MST\" }}",
      "2006-01-02 15:04:05.5 -0700 -0700");
    TERR("{{ time.AsTime \"2023-01-01\" \"Mars/Base\" }}",
         "unknown time zone Mars/Base");
    TERR("{{ time.AsTime \"2023-01-01\" \"../etc\" }}",
         "time: invalid location name");
    TERR("{{ time.AsTime \"junk\" }}", "unable to parse date: junk");
    TERR("{{ dateFormat \"2006\" \"junk\" }}", "unable to parse date: junk");
    TERR("{{ time.AsTime (slice 1) }}", "to Time");
}


static void
test_zones(void)
{
    T(T_ "{{ $u.Local }}|{{ time.In \"Europe/Berlin\" $u }}|"
      "{{ (time.In \"Europe/Berlin\" $u).Format "
      "\"2006-01-02T15:04:05 MST -0700 Z07:00\" }}",
      "2023-03-05 15:07:09 &#43;0100 CET|2023-03-05 15:07:09 &#43;0100 CET|"
      "2023-03-05T15:07:09 CET &#43;0100 &#43;01:00");
    /* after the last transition (the footer's rule), and long before */
    T("{{ time.In \"Europe/Berlin\" (time.AsTime \"2100-07-01T00:00:00Z\") }}"
      "|{{ (time.AsTime \"1850-01-01T00:00:00Z\").Local }}",
      "2100-07-01 02:00:00 &#43;0200 CEST|"
      "1850-01-01 00:53:28 &#43;0053 LMT");
    T("{{ (time.AsTime \"2030-07-01T12:00:00Z\").In \"Europe/London\" }}|"
      "{{ time.In \"Europe/London\" (time.AsTime \"1950-07-01T12:00:00Z\") }}",
      "2030-07-01 13:00:00 &#43;0100 BST|1950-07-01 13:00:00 &#43;0100 BST");
    /* the documentation's examples (time.In is new in Hugo 0.119) */
    T("{{ $t := time.AsTime \"2023-10-15T13:18:50-07:00\" }}"
      "{{ time.In \"America/Denver\" $t }}|"
      "{{ time.In \"Australia/Adelaide\" $t }}|"
      "{{ time.In \"Europe/Oslo\" $t }}",
      "2023-10-15 14:18:50 -0600 MDT|2023-10-16 06:48:50 &#43;1030 ACDT|"
      "2023-10-15 22:18:50 &#43;0200 CEST");
    T(T_ "{{ time.In \"UTC\" $u }}|{{ time.In \"\" $u }}",
      "2023-03-05 14:07:09 &#43;0000 UTC|2023-03-05 14:07:09 &#43;0000 UTC");
    TERR(T_ "{{ time.In \"Nowhere/Land\" $u }}",
         "unknown time zone Nowhere/Land");
    TERR("{{ time.In \"UTC\" \"2023-01-01\" }}",
         "wrong type for value; expected time.Time; got string");
    T("{{ (time.In \"Europe/Berlin\" (time.AsTime \"2023-07-01T00:00:00Z\"))"
      ".IsDST }} {{ (time.In \"Europe/Berlin\" "
      "(time.AsTime \"2023-01-01T00:00:00Z\")).IsDST }}", "true false");
    /* across the spring transition */
    T("{{ $l := (time.AsTime \"2023-03-26T00:30:00Z\").Local }}{{ $l }}|"
      "{{ $l.Add (time.ParseDuration \"1h\") }}|"
      "{{ ((time.AsTime \"2023-03-25T02:30:00Z\").Local).AddDate 0 0 1 }}",
      "2023-03-26 01:30:00 &#43;0100 CET|2023-03-26 03:30:00 &#43;0200 CEST|"
      "2023-03-26 03:30:00 &#43;0200 CEST");
}


static void
test_methods(void)
{
    T(T_ "{{ $t.Year }} {{ $t.Month }} {{ $t.Day }} {{ $t.Weekday }} "
      "{{ $t.YearDay }} {{ $t.Hour }} {{ $t.Minute }} {{ $t.Second }} "
      "{{ $t.Nanosecond }} {{ $t.Unix }} {{ $t.UnixMilli }} "
      "{{ $t.UnixMicro }} {{ $t.UnixNano }}",
      "2023 March 5 Sunday 64 14 7 9 123456789 1678021629 1678021629123 "
      "1678021629123456 1678021629123456789");
    T(T_ "{{ $t.IsZero }} {{ (time.AsTime \"0001-01-01T00:00:00Z\").IsZero }}",
      "false true");
    T(T_ "{{ $t.UTC }}|{{ $t.Local }}",
      "2023-03-05 13:07:09.123456789 &#43;0000 UTC|"
      "2023-03-05 14:07:09.123456789 &#43;0100 CET");
    T(T_ "{{ $t.Add 3600000000000 }}|"
      "{{ $t.Add (time.ParseDuration \"-1h30m\") }}|{{ $t.AddDate 1 -3 30 }}|"
      "{{ (time.AsTime \"2023-01-31T00:00:00Z\").AddDate 0 1 0 }}",
      "2023-03-05 15:07:09.123456789 &#43;0100 CET|"
      "2023-03-05 12:37:09.123456789 &#43;0100 CET|"
      "2024-01-04 14:07:09.123456789 &#43;0100 CET|"
      "2023-03-03 00:00:00 &#43;0000 UTC");
    T(T_ "{{ $t.Sub $u }}|{{ $u.Sub $t }}|{{ ($t.Sub $u).Hours }}|"
      "{{ $t.Before $u }} {{ $t.After $u }} "
      "{{ $t.Equal (time.AsTime \"2023-03-05T13:07:09.123456789Z\") }}",
      "-59m59.876543211s|59m59.876543211s|-0.9999657064475|true false true");
    T(T_ "{{ $t.Truncate (time.ParseDuration \"1h\") }}|"
      "{{ $t.Round (time.ParseDuration \"1h\") }}|"
      "{{ $t.Round (time.ParseDuration \"1s\") }}|"
      "{{ $t.Truncate (time.ParseDuration \"168h\") }}|{{ $t.Round 0 }}",
      "2023-03-05 14:00:00 &#43;0100 CET|2023-03-05 14:00:00 &#43;0100 CET|"
      "2023-03-05 14:07:09 &#43;0100 CET|2023-02-27 01:00:00 &#43;0100 CET|"
      "2023-03-05 14:07:09.123456789 &#43;0100 CET");
    /* Go's Format: Hugo's named layouts are time.Format's, not the
     * method's */
    T(T_ "{{ $t.Format \"Mon Jan _2 15:04:05.000000 MST 2006 pm PM -07:00 "
      "Z0700 .999 ,000\" }}|{{ $t.Format \":date_long\" }}",
      "Sun Mar  5 14:07:09.123456 CET 2023 pm PM &#43;01:00 &#43;0100 .123 "
      ",123|:date_long");
    T("{{ (time.AsTime \"2023-03-05T14:07:09Z\").Local.Format "
      "\"Z07:00 -07 MST\" }}", "&#43;01:00 &#43;01 CET");
    /* Go's words (text/template's call of a method) */
    TERR(T_ "{{ $t.Format }}", "wrong number of args for Format: want 1 "
         "got 0");
    TERR(T_ "{{ $t.Add \"1h\" }}", "wrong type for value; expected "
         "time.Duration; got string");
    TERR(T_ "{{ $t.Sub 1 }}", "wrong type for value; expected time.Time; "
         "got int");
}


static void
test_durations(void)
{
    T("{{ time.ParseDuration \"1h15m30.918273645s\" }}|"
      "{{ time.ParseDuration \"1.5h\" }}|{{ time.ParseDuration \"-2m3s\" }}|"
      "{{ time.ParseDuration \"300ms\" }}|{{ time.ParseDuration \"1us\" }}|"
      "{{ time.ParseDuration \"1\xc2\xb5s\" }}|{{ time.ParseDuration \"0\" }}|"
      "{{ time.ParseDuration \"1500ns\" }}|{{ time.ParseDuration \"+3m\" }}",
      "1h15m30.918273645s|1h30m0s|-2m3s|300ms|1\xc2\xb5s|1\xc2\xb5s|0s|"
      "1.5\xc2\xb5s|3m0s");
    T("{{ time.Duration \"hour\" 2 }}|{{ time.Duration \"m\" 90 }}|"
      "{{ time.Duration \"second\" \"30\" }}|{{ duration \"ms\" 1500 }}|"
      "{{ time.Duration \"ns\" 7 }}",
      "2h0m0s|1h30m0s|30s|1.5s|7ns");
    T("{{ $d := time.ParseDuration \"1h15m30.5s\" }}{{ $d.Hours }} "
      "{{ $d.Minutes }} {{ $d.Seconds }} {{ $d.Milliseconds }} "
      "{{ $d.Microseconds }} {{ $d.Nanoseconds }} {{ $d.String }} "
      "{{ $d.Round (time.ParseDuration \"1m\") }} "
      "{{ $d.Truncate (time.ParseDuration \"1h\") }} "
      "{{ (time.ParseDuration \"-3s\").Abs }}",
      "1.2584722222222222 75.50833333333334 4530.5 4530500 4530500000 "
      "4530500000000 1h15m30.5s 1h16m0s 1h0m0s 3s");
    TERR("{{ time.ParseDuration \"1x\" }}",
         "time: unknown unit \"x\" in duration \"1x\"");
    TERR("{{ time.ParseDuration \"1\" }}",
         "time: missing unit in duration \"1\"");
    TERR("{{ time.ParseDuration \"abc\" }}", "time: invalid duration \"abc\"");
    TERR("{{ time.ParseDuration \"\" }}", "time: invalid duration \"\"");
    TERR("{{ time.ParseDuration \"9999999999h\" }}",
         "time: invalid duration \"9999999999h\"");
    /* hugo: printf %d, jsonify, lt, add and eq take a duration as the
     * int64 it is (2000000000, true, 1000000001); here they need the
     * comparison, arithmetic and encoding helpers to know the kind */
    T("{{ printf \"%v %T\" (time.ParseDuration \"2s\") "
      "(time.ParseDuration \"2s\") }}|"
      "{{ if time.ParseDuration \"0s\" }}y{{ else }}n{{ end }}",
      "2s time.Duration|n");
    TERR("{{ time.Duration \"week\" 1 }}",
         "\"week\" is not a valid duration unit");
}


static void
test_format(void)
{
    T(T_ "{{ time.Format \":date_full\" $t }}|"
      "{{ time.Format \":date_long\" $t }}|"
      "{{ time.Format \":date_medium\" $t }}|"
      "{{ time.Format \":date_short\" $t }}",
      "Sunday, March 5, 2023|March 5, 2023|Mar 5, 2023|3/5/23");
    T(T_ "{{ time.Format \":time_full\" $t }}|"
      "{{ time.Format \":time_long\" $t }}|"
      "{{ time.Format \":time_medium\" $t }}|"
      "{{ time.Format \":time_short\" $t }}|"
      "{{ time.Format \":DATE_LONG\" $t }}",
      "2:07:09 pm CET|2:07:09 pm CET|2:07:09 pm|2:07 pm|March 5, 2023");
    /* a fixed offset has no zone name: go-locales prints none */
    T("{{ time.Format \":time_long\" "
      "(time.AsTime \"2023-03-05T14:07:09+05:30\") }}|",
      "2:07:09 pm |");
    /* time.Format reads a time back from RFC 3339: whole seconds */
    T(T_ "{{ time.Format \"2006-01-02 15:04:05.000 MST\" $t }}|"
      "{{ time.Format \"Jan 2 2006\" \"2020-02-03\" }}|"
      "{{ dateFormat \"Monday\" 1700000000 }}|"
      "{{ time.Format \"15:04 MST\" $u.Local }}",
      "2023-03-05 14:07:09.000 CET|Feb 3 2020|Tuesday|15:07 CET");
    T(T_ "{{ time.Format \":time_full\" $u.Local }}|"
      "{{ time.Format \":time_long\" (time.In \"America/New_York\" $u) }}",
      "3:07:09 pm CET|9:07:09 am ");
}


int
main(void)
{
    setenv("TZ", "Europe/Berlin", 1);

    page_arena_init(&conf, 0);
    page_arena_init(&req, 0);

    test_astime();
    test_zones();
    test_methods();
    test_durations();
    test_format();

    page_arena_free(&conf);
    page_arena_free(&req);
    page_time_zones_exit();
    return tap_done();
}
