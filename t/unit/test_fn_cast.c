/*
 * test_fn_cast: Hugo's cast namespace (src/page_fn_cast.c): int, float
 * and string on every kind of value, with spf13/cast's rules and words.
 * Expected outputs are what hugo 0.111.3 printed for the same template
 * as layouts/index.html with the same front matter
 * (/tmp/fna-hugo/oracle.sh), escaped as its html/template escapes them.
 */

#include "fn_case.h"

#define D                                                                    \
    "n: 42\n"                                                                \
    "f: 2.75\n"                                                              \
    "s: \"12\"\n"                                                            \
    "l: [1, \"a\"]\n"


static const fn_case_t  cast_cases[] = {
    { "{{ int \"1_0\" }}|{{ int \"0x10\" }}|{{ int \"010\" }}|{{ int "
      "\"0b11\" }}|{{ int \"0o17\" }}|{{ int \"0x_1F\" }}|{{ int \"0X1"
      "F\" }}|{{ int \"-0x10\" }}|{{ int \"00\" }}|{{ int \"-010\" }}", D,
      "10|16|8|3|15|31|31|-16|0|-8",
      NULL, NULL, 0 },
    { "{{ int 1.9 }}|{{ int -1.9 }}|{{ int true }}|{{ int false"
      " }}|{{ int nil }}|{{ int \"-5\" }}|{{ int \"+5\" }}|{{ int \""
      "1.0\" }}|{{ int \"1.00\" }}|{{ int \"-3.0\" }}", D,
      "1|-1|1|0|0|-5|5|1|1|-3",
      NULL, NULL, 0 },
    { "{{ int (math.Log 0) }}|{{ int (math.Sqrt -1) }}|{{ int 1"
      "e19 }}|{{ int (safeHTML \"3\") }}|{{ int .Params.n }}|{{ i"
      "nt .Params.f }}|{{ int .Params.s }}", D,
      "-9223372036854775808|-9223372036854775808|-9223372036854"
      "775808|3|42|2|12",
      NULL, NULL, 0 },
    { "{{ float \"1_0\" }}|{{ float \"1.5\" }}|{{ float 3 }}|{{ flo"
      "at true }}|{{ float nil }}|{{ float \"1e3\" }}|{{ float \"i"
      "nf\" }}|{{ float \"NaN\" }}|{{ float \"1_000.5\" }}", D,
      "10|1.5|3|1|0|1000|&#43;Inf|NaN|1000.5",
      NULL, NULL, 0 },
    { "{{ float \"0x1p-2\" }}|{{ float \".5\" }}|{{ float \"5.\" }}|{"
      "{ float \"-.5e1\" }}|{{ float \"Infinity\" }}|{{ float \"+inf"
      "\" }}|{{ float (safeHTML \"2.5\") }}|{{ float .Params.s }}", D,
      "0.25|0.5|5|-5|&#43;Inf|&#43;Inf|2.5|12",
      NULL, NULL, 0 },
    { "{{ string 1 }}|{{ string 1.5 }}|{{ string true }}|{{ str"
      "ing nil }}|{{ string \"x\" }}|{{ string (int \"3\") }}|{{ st"
      "ring 1e21 }}|{{ string 100000000.0 }}|{{ string 0.000001"
      " }}", D,
      "1|1.5|true||x|3|1000000000000000000000|100000000|0.00000"
      "1",
      NULL, NULL, 0 },
    { "{{ string 1.0 }}|{{ string -0.0 }}|{{ string 123456789.0"
      " }}|{{ string 1e20 }}|{{ string 12345678901234567890.0 }"
      "}|{{ string (math.Log 0) }}|{{ string .Params.f }}", D,
      "1|-0|123456789|100000000000000000000|1234567890123456700"
      "0|-Inf|2.75",
      NULL, NULL, 0 },
    { "{{ printf \"%T\" (int \"3\") }}|{{ printf \"%T\" (float 3) }}|"
      "{{ printf \"%T\" (string 3) }}|{{ printf \"%T\" (string (saf"
      "eHTML \"<b>\")) }}|{{ string (safeHTML \"<b>\") }}", D,
      "int|float64|string|string|&lt;b&gt;",
      NULL, NULL, 0 },
    { "{{ cast.ToInt \"7\" }}|{{ cast.ToFloat \"7\" }}|{{ cast.ToSt"
      "ring 7 }}", D,
      "7|7|7",
      NULL, NULL, 0 },
    { "{{ int \"08\" }}", D,
      NULL,
      "unable to cast \"08\" of type string to int64", NULL, 0 },
    { "{{ int \"1.5\" }}", D,
      NULL,
      "unable to cast \"1.5\" of type string to int64", NULL, 0 },
    { "{{ int \"1e3\" }}", D,
      NULL,
      "unable to cast \"1e3\" of type string to int64", NULL, 0 },
    { "{{ int \"\" }}", D,
      NULL,
      "unable to cast \"\" of type string to int64", NULL, 0 },
    { "{{ int \"x\" }}", D,
      NULL,
      "unable to cast \"x\" of type string to int64", NULL, 0 },
    { "{{ int \" 1\" }}", D,
      NULL,
      "unable to cast \" 1\" of type string to int64", NULL, 0 },
    { "{{ int \"1.\" }}", D,
      NULL,
      "unable to cast \"1.\" of type string to int64", NULL, 0 },
    { "{{ int \"1__0\" }}", D,
      NULL,
      "unable to cast \"1__0\" of type string to int64", NULL, 0 },
    { "{{ int \"_10\" }}", D,
      NULL,
      "unable to cast \"_10\" of type string to int64", NULL, 0 },
    { "{{ int \"9223372036854775808\" }}", D,
      NULL,
      "unable to cast \"9223372036854775808\" of type string to i"
      "nt64", NULL, 0 },
    { "{{ float \"\" }}", D,
      NULL,
      "unable to cast \"\" of type string to float64", NULL, 0 },
    { "{{ float \"x\" }}", D,
      NULL,
      "unable to cast \"x\" of type string to float64", NULL, 0 },
    { "{{ float \" 1\" }}", D,
      NULL,
      "unable to cast \" 1\" of type string to float64", NULL, 0 },
    { "{{ float \"1__0\" }}", D,
      NULL,
      "unable to cast \"1__0\" of type string to float64", NULL, 0 },
    { "{{ float \"_1\" }}", D,
      NULL,
      "unable to cast \"_1\" of type string to float64", NULL, 0 },
    { "{{ float \"1e400\" }}", D,
      NULL,
      "unable to cast \"1e400\" of type string to float64", NULL, 0 },
    { "{{ float \"0x10\" }}", D,
      NULL,
      "unable to cast \"0x10\" of type string to float64", NULL, 0 },
    { "{{ string .Params.l }}", D,
      NULL,
      "unable to cast []interface {}{1, \"a\"} of type []interfac"
      "e {} to string", NULL, 0 },
    { "{{ string (dict \"a\" 1) }}", D,
      NULL,
      "unable to cast map[string]interface {}{\"a\":1} of type ma"
      "p[string]interface {} to string", NULL, 0 },
    { "{{ int .Params.l }}", D,
      NULL,
      "unable to cast []interface {}{1, \"a\"} of type []interfac"
      "e {} to int", NULL, 0 },
    { "{{ float (dict) }}", D,
      NULL,
      "unable to cast map[string]interface {}{} of type map[str"
      "ing]interface {} to float64", NULL, 0 },
};


int
main(void)
{
    fn_cases_run("cast", cast_cases, FN_NCASES(cast_cases));
    return tap_done();
}
