/*
 * test_fn_compare: Hugo's compare namespace (src/page_fn_compare.c):
 * the namespaced names and the comparisons of more than two arguments.
 * Expected outputs are what hugo 0.111.3 printed for the same template
 * as a layout: eq holds when the first argument equals any other, ne,
 * lt, le, gt and ge when the relation holds against every other.
 */

#include "fn_case.h"


static const fn_case_t  compare_cases[] = {
    { "{{ eq 1 1 2 }}|{{ compare.Eq 1 1 }}|{{ ne 1 2 }}|"
      "{{ compare.Lt 1 2 }}|{{ compare.Ge 2 2 }}", NULL,
      "true|true|true|true|true", NULL, NULL, 0 },
    { "{{ ne 1 2 1 }}|{{ ne 1 2 3 }}|{{ lt 1 2 0 }}|{{ lt 1 2 3 }}|"
      "{{ le 2 2 3 }}|{{ gt 3 1 2 }}|{{ gt 3 1 4 }}|{{ ge 2 2 1 }}|"
      "{{ compare.Ne 1 1 }}|{{ compare.Le 1 2 }}|{{ compare.Gt 1 2 }}",
      NULL, "false|true|false|true|true|true|false|true|false|true|false",
      NULL, NULL, 0 },
    { "{{ ge 5 1 2 }}", NULL, "true", NULL, NULL, 0 },
    /* Hugo's compareGet: numeric strings are numbers, others 0 */
    { "{{ gt 165 \"120\" }}|{{ gt (int \"165\") \"120\" }}|"
      "{{ lt 5 \"10\" }}|{{ eq 5 \"5\" }}|{{ gt \"b\" \"a\" }}", NULL,
      "true|true|true|false|true", NULL, NULL, 0 },
    { "{{ lt \"10\" \"9\" }}|{{ lt \"1e1\" 9 }}|{{ lt \" 5\" 9 }}|"
      "{{ lt 1.5 \"2\" }}|{{ lt true 2 }}|{{ lt \"a\" 5 }}", NULL,
      "false|false|true|true|true|true", NULL, NULL, 0 },
    /* an int never equals a float in Hugo's eq; lt compares values */
    { "{{ eq 1 1.0 }}|{{ eq 1 \"1\" }}|{{ lt 1 1.5 }}|{{ eq 2.0 2.0 }}|"
      "{{ ne 1 1.0 }}", NULL, "false|false|true|true|true", NULL, NULL, 0 },
    { "{{ \"\" | compare.Default \"mid-gray\" }}", NULL,
      "mid-gray", NULL, NULL, 0 },
    { "{{ compare.Conditional true \"a\" \"b\" }}", NULL, "a", NULL, NULL,
      0 },
};


int
main(void)
{
    fn_cases_run("compare", compare_cases, FN_NCASES(compare_cases));
    return tap_done();
}
