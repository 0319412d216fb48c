/*
 * test_fn_math: Hugo's math namespace (src/page_fn_math.c).  Expected
 * outputs are what hugo 0.111.3 printed for the same template as
 * layouts/index.html (/tmp/fna-hugo/oracle.sh), escaped as its
 * html/template escapes them; the functions 0.111.3 lacks (Acos, Asin,
 * Atan, Atan2, Cos, Sin, Tan, MaxInt64, Pi, Product, Sum, Rand,
 * ToDegrees, ToRadians, Abs) follow the examples of current Hugo's
 * documentation (gohugo.io/functions/math/NAME), and so do the
 * messages where current Hugo words them otherwise.
 */

#include "fn_case.h"


static const fn_case_t  math_cases[] = {
    { "{{ math.Log 1 }}|{{ math.Log 42 }}|{{ math.Log 0 }}|{{ m"
      "ath.Log -1 }}|{{ math.Log \"2.5\" }}", NULL,
      "0|3.7376696182833684|-Inf|NaN|0.9162907318741551",
      NULL, NULL, 0 },
    { "{{ math.Max 1 2 }}|{{ math.Min 1 2 }}|{{ math.Max 1.5 -2"
      " }}|{{ math.Max \"3\" 2 }}", NULL,
      "2|1|1.5|3",
      NULL, NULL, 0 },
    { "{{ math.Pow 2 3 }}|{{ pow 2 0.5 }}|{{ math.Sqrt 2 }}|{{ "
      "math.Sqrt -1 }}|{{ math.Pow 0 -1 }}", NULL,
      "8|1.4142135623730951|1.4142135623730951|NaN|&#43;Inf",
      NULL, NULL, 0 },
    { "{{ math.Round 2.5 }}|{{ math.Round -2.5 }}|{{ math.Round"
      " 0.49999999999999994 }}|{{ math.Floor -1.5 }}|{{ math.Ce"
      "il \"1.2\" }}", NULL,
      "3|-3|0|-2|2",
      NULL, NULL, 0 },
    { "{{ math.Counter | printf \"%d\" }}", NULL,
      "1",
      NULL, NULL, 0 },
    { "{{ mod 7 3 }}|{{ mod -7 3 }}|{{ mod 7.9 3 }}|{{ mod \"7\" "
      "3 }}|{{ modBool 6 3 }}|{{ modBool 7 3 }}|{{ mod 7 -3 }}|"
      "{{ mod \"0x10\" 5 }}", NULL,
      "1|-1|1|1|true|false|1|1",
      NULL, NULL, 0 },
    { "{{ math.Floor nil }}|{{ math.Sqrt true }}|{{ math.Round "
      "\"1_0\" }}|{{ math.Round \"inf\" }}|{{ math.Round \"1e3\" }}|{"
      "{ math.Ceil \"-0.5\" }}", NULL,
      "0|1|10|&#43;Inf|1000|-0",
      NULL, NULL, 0 },
    { "{{ div 1 3.0 }}|{{ mul 0.1 3 }}|{{ add 1e20 1e20 }}|{{ d"
      "iv 7 2 }}|{{ sub 5 2 1 }}|{{ add \"a\" \"b\" }}|{{ mul 2 3 4"
      " }}", NULL,
      "0.3333333333333333|0.30000000000000004|2e&#43;20|3|2|ab|"
      "24",
      NULL, NULL, 0 },
    { "{{ math.Sqrt 1e-7 }}|{{ math.Pow 10 21 }}|{{ math.Pow 10"
      " 20 }}|{{ math.Pow 2 -20 }}|{{ math.Pow \"2\" \"3\" }}", NULL,
      "0.00031622776601683794|1e&#43;21|1e&#43;20|9.53674316406"
      "25e-07|8",
      NULL, NULL, 0 },
    { "{{ math.Floor 2.7 }}|{{ math.Ceil 2.1 }}|{{ math.Round 2"
      ".4 }}|{{ math.Floor \"3\" }}|{{ math.Ceil false }}", NULL,
      "2|3|2|3|0",
      NULL, NULL, 0 },
    { "{{ math.Ceil \"\" }}", NULL,
      NULL,
      "Ceil operator can't be used with non-float value", NULL, 0 },
    { "{{ math.Log \"x\" }}", NULL,
      NULL,
      "Log operator can't be used with non integer or float val"
      "ue", NULL, 0 },
    { "{{ math.Max \"x\" 1 }}", NULL,
      NULL,
      "Max operator can't be used with non-float value", NULL, 0 },
    { "{{ math.Pow \"x\" 1 }}", NULL,
      NULL,
      "Pow operator can't be used with non-float value", NULL, 0 },
    { "{{ mod 1 0 }}", NULL,
      NULL,
      "the number can't be divided by zero at modulo operation", NULL, 0 },
    { "{{ mod 1 \"x\" }}", NULL,
      NULL,
      "modulo operator can't be used with non integer value", NULL, 0 },
    { "{{ mod 1 (slice 1) }}", NULL,
      NULL,
      "modulo operator can't be used with non integer value", NULL, 0 },
    { "{{ math.Floor (slice 1) }}", NULL,
      NULL,
      "Floor operator can't be used with non-float value", NULL, 0 },
    { "{{ math.Round \" 1\" }}", NULL,
      NULL,
      "Round operator can't be used with non-float value", NULL, 0 },
    { "{{ math.Round \"0x10\" }}", NULL,
      NULL,
      "Round operator can't be used with non-float value", NULL, 0 },
    { "{{ math.Sqrt (dict) }}", NULL,
      NULL,
      "Sqrt operator can't be used with non integer or float va"
      "lue", NULL, 0 },
    { "{{ div 1 0 }}", NULL,
      NULL,
      "can't divide the value by 0", NULL, 0 },
    { "{{ add 1 \"a\" }}", NULL,
      NULL,
      "can't apply the operator to the values", NULL, 0 },
    /* Go's int64 wraps around (hugo 0.111.3) */
    { "{{ add 9223372036854775807 1 }}|{{ mul 4611686018427387904 2 }}|"
      "{{ div -9223372036854775808 -1 }}|{{ sub -9223372036854775808 1 }}|"
      "{{ add 1.5 2 }}|{{ div 1 2 }}|{{ div 1.0 2 }}|"
      "{{ mod -9223372036854775808 -1 }}", NULL,
      "-9223372036854775808|-9223372036854775808|-9223372036854775808|"
      "9223372036854775807|3.5|0|0.5|0", NULL, NULL, 0 },
};


/* Current Hugo's documentation, and its messages (tpl/math/math.go). */
static const fn_case_t  doc_cases[] = {
    { "{{ math.Abs -2.1 }}|{{ math.Abs 3 }}|{{ math.Abs \"-4\" }}", NULL,
      "2.1|3|4", NULL, NULL, 0 },
    { "{{ math.Acos 1 }}|{{ math.Asin 1 }}|{{ math.Atan 1 }}", NULL,
      "0|1.5707963267948966|0.7853981633974483", NULL, NULL, 0 },
    { "{{ math.Atan2 1 2 }}|{{ math.Cos 1 }}|{{ math.Sin 1 }}", NULL,
      "0.4636476090008061|0.5403023058681398|0.8414709848078965", NULL,
      NULL, 0 },
    /*
     * A documented difference: Go's own tan (Cephes' polynomial) gives
     * 1.557407724654902 for 1, one unit in the last place below the
     * correctly rounded value that libm's tan gives and we print.
     */
    { "{{ math.Tan 1 }}|{{ math.Tan 0 }}", NULL, "1.5574077246549023|0",
      NULL, NULL, 0 },
    { "{{ math.MaxInt64 }}|{{ math.Pi }}", NULL,
      "9223372036854775807|3.141592653589793", NULL, NULL, 0 },
    { "{{ math.Product 1 (slice 2 3) 4 }}|{{ math.Sum 1 (slice 2 3) 4 }}|"
      "{{ math.Max 1 (slice 2 3) 4 }}|{{ math.Min 1 (slice 2 3) 4 }}",
      NULL, "24|10|4|1", NULL, NULL, 0 },
    { "{{ math.ToDegrees 1.5707963267948966 }}|{{ math.ToRadians 90 }}",
      NULL, "90|1.5707963267948966", NULL, NULL, 0 },
    { "{{ $r := math.Rand }}{{ and (ge $r 0.0) (lt $r 1.0) }}"
      "{{ math.Rand | mul 6 | math.Floor | lt 6.0 }}", NULL,
      "truefalse", NULL, NULL, 0 },
    { "{{ lt math.Counter math.Counter }}", NULL, "true", NULL, NULL, 0 },
    { "{{ math.Acos \"x\" }}", NULL, NULL, "requires a numeric argument",
      NULL, 0 },
    { "{{ math.ToRadians (slice) }}", NULL, NULL,
      "requires a numeric argument", NULL, 0 },
    { "{{ math.Atan2 1 \"y\" }}", NULL, NULL, "requires numeric arguments",
      NULL, 0 },
    { "{{ math.Abs \"x\" }}", NULL, NULL,
      "the math.Abs function requires a numeric argument", NULL, 0 },
    /* 0.111.3 says "Max operator can't be used with non-float value" */
    { "{{ math.Min -0.5 \"x1\" }}", NULL, NULL,
      "Min operator can't be used with non-float values", NULL, 0 },
    { "{{ math.Sum 1 (slice 2 \"x\") }}", NULL, NULL,
      "Sum operator can't be used with non-float values", NULL, 0 },
    { "{{ math.Max }}", NULL, NULL, "must provide at least one number",
      NULL, 0 },
    { "{{ math.Product (slice) }}", NULL, "0", NULL, NULL, 0 },
    { "{{ math.Pi 1 }}", NULL, NULL, "wrong number of args for math.Pi",
      NULL, 0 },
    /* hugo 0.111.3 printed 1 for add 1 */
    { "{{ add 1 }}", NULL, NULL, "must provide at least two numbers", NULL,
      0 },
    { "{{ math.Div }}", NULL, NULL, "must provide at least two numbers",
      NULL, 0 },
};


int
main(void)
{
    fn_cases_run("math", math_cases, FN_NCASES(math_cases));
    fn_cases_run("math doc", doc_cases, FN_NCASES(doc_cases));
    return tap_done();
}
