/*
 * test_fn_fmt: Hugo's fmt namespace (src/page_fn_fmt.c): printf's verbs,
 * flags, widths, precisions, argument indexes and Go's error forms, %#v
 * and %T, print and println, errorf, erroridf, warnf, warnidf.  Expected
 * outputs are what hugo 0.111.3 printed for the same template as
 * layouts/index.html with the same front matter (the site made by
 * /tmp/fna-hugo/oracle.sh), escaped as its html/template escapes them;
 * where current Hugo differs, the case says so.
 */

#include "fn_case.h"

/* The front matter of the cases that read .Params. */
#define D                                                                    \
    "list: [1, \"a\", 2.5, true, null]\n"                                    \
    "map:\n"                                                                 \
    "  b: 2\n"                                                               \
    "  a: \"x\"\n"                                                           \
    "  c: [1, 2]\n"                                                          \
    "  d: {e: null}\n"


static const fn_case_t  fmt_cases[] = {
    { "{{ printf \"%05s|%-05d|%05d|%+05d|% 05d|%#08x|%#o|%#b|%O|"
      "%x|%X\" \"ab\" 3 -3 3 3 255 8 5 8 -255 255 }}", D,
      "000ab|3    |-0003|&#43;0003| 0003|0x000000ff|010|0b101|0"
      "o10|-ff|FF",
      NULL, NULL, 0 },
    { "{{ printf \"%.0d|%5.0d|%.3d|%08.3d|%c|%q|%U|%#U|%+q\" 0 0 "
      "7 7 65 10 65 233 233 }}", D,
      "|     |007|     007|A|&#39;\\n&#39;|U&#43;0041|U&#43;00E9"
      " &#39;é&#39;|&#39;\\u00e9&#39;",
      NULL, NULL, 0 },
    { "{{ printf \"%q|%+q|%#q|%#q|% x|%#x|% #x|%.1x|%X\" \"é\\x01\" "
      "\"é\" \"a`b\" \"ab\" \"hi\" \"hi\" \"hi\" \"hi\" \"é\" }}", D,
      "&#34;é\\x01&#34;|&#34;\\u00e9&#34;|&#34;a`b&#34;|`ab`|68 6"
      "9|0x6869|0x68 0x69|68|C3A9",
      NULL, NULL, 0 },
    { "{{ printf \"%e|%E|%.2e|%g|%G|%.3g|%#g|%f|%F|%8.2f|%-8.2f|"
      "%08.3f|%+.1f|% .1f\" 1234.5678 1234.5678 1234.5678 1234.5"
      "678 1e21 1234.5678 1.0 1.5 1.5 3.14159 3.14159 -3.14159 "
      "2.0 2.0 }}", D,
      "1.234568e&#43;03|1.234568E&#43;03|1.23e&#43;03|1234.5678"
      "|1E&#43;21|1.23e&#43;03|1.00000|1.500000|1.500000|    3."
      "14|3.14    |-003.142|&#43;2.0| 2.0",
      NULL, NULL, 0 },
    { "{{ printf \"%v|%s|%d|%q|%x\" (slice \"a\" 1 nil) (slice \"a\" "
      "1 nil) (slice \"a\" 1 nil) (slice \"a\" 1 nil) (slice \"a\" 1 "
      "nil) }}", D,
      "[a 1 &lt;nil&gt;]|[a %!s(int=1) &lt;nil&gt;]|[%!d(string"
      "=a) 1 &lt;nil&gt;]|[&#34;a&#34; &#39;\\x01&#39; &lt;nil&g"
      "t;]|[61 1 &lt;nil&gt;]",
      NULL, NULL, 0 },
    { "{{ printf \"%v|%s|%d\" (dict \"b\" 2 \"a\" \"x\") (dict \"b\" 2 \"a"
      "\" \"x\") (dict \"b\" 2 \"a\" \"x\") }}", D,
      "map[a:x b:2]|map[a:x b:%!s(int=2)]|map[%!d(string=a):%!d"
      "(string=x) %!d(string=b):2]",
      NULL, NULL, 0 },
    { "{{ printf \"%s|%d|%t|%v|%x\" nil nil nil nil nil }}", D,
      "%!s(&lt;nil&gt;)|%!d(&lt;nil&gt;)|%!t(&lt;nil&gt;)|&lt;n"
      "il&gt;|%!x(&lt;nil&gt;)",
      NULL, NULL, 0 },
    { "{{ printf \"%[2]s %[1]s|%[2]s %s|%[3]s|%[0]d|%[x]d\" \"a\" \""
      "b\" }}", D,
      "b a|b %!s(MISSING)|%!s(BADINDEX)|%!d(BADINDEX)|%!d(BADIN"
      "DEX)",
      NULL, NULL, 0 },
    { "{{ printf \"%s %s %[1]s\" \"a\" \"b\" \"c\" }}", D,
      "a b a",
      NULL, NULL, 0 },
    { "{{ printf \"%d\" 1 2 \"x\" nil }}", D,
      "1%!(EXTRA int=2, string=x, &lt;nil&gt;)",
      NULL, NULL, 0 },
    { "{{ printf \"%!|%z|%\" 1 }}", D,
      "%!!(int=1)|%!z(MISSING)|%!(NOVERB)",
      NULL, NULL, 0 },
    { "{{ printf \"%*d|%-*d|%.*f|%*d\" 5 1 5 1 2 3.14159 \"x\" 1 }}", D,
      "    1|1    |3.14|%!(BADWIDTH)1",
      NULL, NULL, 0 },
    { "{{ printf \"%t|%t|%5t|%v\" true 1 false true }}", D,
      "true|%!t(int=1)|false|true",
      NULL, NULL, 0 },
    { "{{ printf \"%6.2f%%|%3c|%-4q|%x|%X|%.2x\" 12.345 65 65 1.5"
      " -1.5 1.0 }}", D,
      " 12.35%|  A|&#39;A&#39; |0x1.8p&#43;00|-0X1.8P&#43;00|0x"
      "1.00p&#43;00",
      NULL, NULL, 0 },
    { "{{ printf \"%v|%.2v|%10.3v|%v|%v|%v\" 1e6 3.14159 3.14159 "
      "123456789.0 0.0001 0.00001 }}", D,
      "1e&#43;06|3.1|      3.14|1.23456789e&#43;08|0.0001|1e-05",
      NULL, NULL, 0 },
    { "{{ printf \"%s|%v|%d\" (safeHTML \"<b>\") (safeHTML \"<b>\") ("
      "safeHTML \"b\") }}", D,
      "&lt;b&gt;|&lt;b&gt;|%!d(template.HTML=b)",
      NULL, NULL, 0 },
    { "{{ printf \"%d|%s\" true 1.5 }}", D,
      "%!d(bool=true)|%!s(float64=1.5)",
      NULL, NULL, 0 },
    { "{{ printf \"%08s|%-8q|%.2s|%5.1s|%x\" \"é\" \"a\" \"héllo\" \"hél"
      "lo\" \"\" }}", D,
      "0000000é|&#34;a&#34;     |hé|    h|",
      NULL, NULL, 0 },
    { "{{ printf \"%+d|%+d|%+v|% d|%x|%o|%b\" 5 -5 5 -5 255 -8 -5"
      " }}", D,
      "&#43;5|-5|5|-5|ff|-10|-101",
      NULL, NULL, 0 },
    { "{{ printf \"%.3s|%.10s|%.0s|%5.3s|\" \"abcdef\" \"ab\" \"ab\" \"a"
      "bcdef\" }}", D,
      "abc|ab||  abc|",
      NULL, NULL, 0 },
    { "{{ printf \"%e|%g|%v|%f\" (math.Log 0) (math.Sqrt -1) (mat"
      "h.Log 0) (math.Log 0) }}", D,
      "-Inf|NaN|-Inf|-Inf",
      NULL, NULL, 0 },
    { "{{ printf \"%05.1f|%+08.2f|%-08.2f|%08v|%06d\" -1.5 1.5 1."
      "5 1.5 -12 }}", D,
      "-01.5|&#43;0001.50|1.50    |000001.5|-00012",
      NULL, NULL, 0 },
    { "{{ printf \"%3d|%-3d|%03d\" 12345 1 -1 }}", D,
      "12345|1  |-01",
      NULL, NULL, 0 },
    { "{{ printf \"%#v|%#v|%#v\" 1 \"x\" true }}|{{ printf \"%#v\" .P"
      "arams.list }}|{{ printf \"%#v\" (dict \"b\" 2 \"a\" \"x\" \"c\" .P"
      "arams.list \"d\" (dict \"e\" nil)) }}", D,
      "1|&#34;x&#34;|true|[]interface {}{1, &#34;a&#34;, 2.5, t"
      "rue, interface {}(nil)}|map[string]interface {}{&#34;a&#"
      "34;:&#34;x&#34;, &#34;b&#34;:2, &#34;c&#34;:[]interface "
      "{}{1, &#34;a&#34;, 2.5, true, interface {}(nil)}, &#34;d"
      "&#34;:map[string]interface {}{&#34;e&#34;:interface {}(n"
      "il)}}",
      NULL, NULL, 0 },
    { "{{ printf \"%v|%s|%d|%x\" .Params.list .Params.list .Param"
      "s.list .Params.list }}", D,
      "[1 a 2.5 true &lt;nil&gt;]|[%!s(int=1) a %!s(float64=2.5"
      ") %!s(bool=true) &lt;nil&gt;]|[1 %!d(string=a) %!d(float"
      "64=2.5) %!d(bool=true) &lt;nil&gt;]|[1 61 0x1.4p&#43;01 "
      "%!x(bool=true) &lt;nil&gt;]",
      NULL, NULL, 0 },
    { "{{ printf \"%v|%+v|%5v|%-5v|\" .Params.map .Params.map .Pa"
      "rams.list 1 }}", D,
      "map[a:x b:2 c:[1 2] d:map[e:&lt;nil&gt;]]|map[a:x b:2 c:"
      "[1 2] d:map[e:&lt;nil&gt;]]|[    1     a   2.5  true &lt"
      ";nil&gt;]|1    |",
      NULL, NULL, 0 },
    { "{{ printf \"%T|%T|%T|%T\" .Params.list (dict) .Params.map."
      "c .Params.nothing }}", D,
      "[]interface {}|map[string]interface {}|[]interface {}|&l"
      "t;nil&gt;",
      NULL, NULL, 0 },
    { "{{ printf \"%[2]*[1]d|%[1]*d|%-[1]*d|%.[2]*[1]f\" 3 4 }}", D,
      "   3|  4|4  |%!f(int=0003)",
      NULL, NULL, 0 },
    { "{{ printf \"%d %d %#[1]x %#x\" 16 17 }}", D,
      "16 17 0x10 0x11",
      NULL, NULL, 0 },
    { "{{ printf \"%[1]d %[1]q\" 65 }}|{{ printf \"%[2]d\" 1 2 3 }}", D,
      "65 &#39;A&#39;|2",
      NULL, NULL, 0 },
    { "{{ printf \"%[3]*.[2]*[1]f\" 12.0 2 6 }}", D,
      " 12.00",
      NULL, NULL, 0 },
    { "{{ printf \"%.*d|%.*d\" -1 5 3 5 }}", D,
      "%!(BADPREC)5|005",
      NULL, NULL, 0 },
    { "{{ printf \"%-*d|\" -3 5 }}", D,
      "5  |",
      NULL, NULL, 0 },
    { "{{ printf \"%é|%1é\" 1 }}", D,
      "%!é(int=1)|%!é(MISSING)",
      NULL, NULL, 0 },
    { "{{ printf \"%[1]\" 1 }}", D,
      "%!(NOVERB)",
      NULL, NULL, 0 },
    { "{{ printf \"%[\" 1 }}", D,
      "%!(NOVERB)",
      NULL, NULL, 0 },
    { "{{ printf \"%[2]d %d\" 1 }}", D,
      "%!d(BADINDEX) 1",
      NULL, NULL, 0 },
    { "{{ printf \"%.2f%%|%5%|%-5%\" 99.555 }}", D,
      "99.56%|%|%",
      NULL, NULL, 0 },
    { "{{ printf \"%.3v|%.0f|%.0f|%.0f|%.1f|%.2f\" \"abcdef\" 0.5 1"
      ".5 2.5 0.25 1.005 }}", D,
      "abc|0|2|2|0.2|1.00",
      NULL, NULL, 0 },
    { "{{ printf \"%g|%g|%g|%g|%G|%e\" 100000.0 1000000.0 0.0001 "
      "0.00001 1e-7 0.0 }}", D,
      "100000|1e&#43;06|0.0001|1e-05|1E-07|0.000000e&#43;00",
      NULL, NULL, 0 },
    { "{{ printf \"%b|%b|%o|%O|%#X\" 1.0 -2.5 -8 -8 3054 }}", D,
      "4503599627370496p-52|-5629499534213120p-51|-10|-0o10|0XB"
      "EE",
      NULL, NULL, 0 },
    { "{{ printf \"%6.3v|%-8.3e|%+e|% e\" 3.14159 1234.5 1.0 1.0 "
      "}}", D,
      "  3.14|1.234e&#43;03|&#43;1.000000e&#43;00| 1.000000e&#4"
      "3;00",
      NULL, NULL, 0 },
    { "{{ printf \"%s\" }}|{{ printf \"no verbs\" }}|{{ printf \"\" }"
      "}|{{ printf \"%%\" }}", D,
      "%!s(MISSING)|no verbs||%",
      NULL, NULL, 0 },
    { "{{ printf \"%q|%q|%q|%q\" \"\\t\" \"\\u2028\" \"\\u00ad\" \"日本\" }}", D,
      "&#34;\\t&#34;|&#34;\\u2028&#34;|&#34;\\u00ad&#34;|&#34;日本&#"
      "34;",
      NULL, NULL, 0 },
    { "{{ printf \"%x|%X|% X\" \"\\xff\\x00\" \"ab\" \"ab\" }}", D,
      "ff00|6162|61 62",
      NULL, NULL, 0 },
    { "{{ printf \"%c|%c|%q|%q|%U\" 0x1F600 -1 0x1F600 0x7f 0x1F6"
      "00 }}", D,
      "😀|�|&#39;😀&#39;|&#39;\\x7f&#39;|U&#43;1F600",
      NULL, NULL, 0 },
    { "{{ printf \"%08b|%-8o|%+x|% x\" 5 8 255 255 }}", D,
      "00000101|10      |&#43;ff| ff",
      NULL, NULL, 0 },
    { "{{ printf \"%v %v\" (slice) (dict) }}", D,
      "[] map[]",
      NULL, NULL, 0 },
    { "{{ print 1 2 \"a\" \"b\" 3 nil true }}|{{ print }}", D,
      "1 2ab3 &lt;nil&gt; true|",
      NULL, NULL, 0 },
    { "{{ printf \"%s|%v|%q\" (safeHTML \"<b>\") (safeJS \"a<b\") (sa"
      "feURL \"x y\") }}", D,
      "&lt;b&gt;|a&lt;b|&#34;x y&#34;",
      NULL, NULL, 0 },
    { "{{ printf \"%d\" 9223372036854775807 }}|{{ printf \"%x\" -92"
      "23372036854775808 }}|{{ printf \"%b\" -9223372036854775808"
      " }}", D,
      "9223372036854775807|-8000000000000000|-10000000000000000"
      "00000000000000000000000000000000000000000000000",
      NULL, NULL, 0 },
};


static const fn_case_t  log_cases[] = {
    /* Go's fmt.Sprintln: spaces between all operands, a newline */
    { "{{ println 1 \"a\" }}", NULL, "1 a\n", NULL, NULL, FN_TEXT },
    { "{{ println }}", NULL, "\n", NULL, NULL, FN_TEXT },
    /*
     * hugo logs errorf's message as an ERROR and fails the build; a
     * server has no build to fail: the page fails with the message.
     */
    { "{{ errorf \"bad %s %d\" \"thing\" 3 }}", NULL, NULL, "bad thing 3",
      NULL, 0 },
    { "{{ fmt.Errorf \"%d%%\" 5 }}", NULL, NULL, "5%", NULL, 0 },
    /*
     * current Hugo's wording (0.111.3: ignoreErrors = ["my-id"]); an
     * error is one line: its line breaks are written \n
     */
    { "{{ erroridf \"My-ID\" \"bad %s\" \"thing\" }}", NULL, NULL,
      "bad thing\\nYou can suppress this error by adding the following "
      "to your project configuration:\\nignoreLogs = ['my-id']", NULL, 0 },
    { "a{{ warnf \"w %s\" \"x\" }}b", NULL, "ab", NULL, "w x", 0 },
    /* warnidf is not in hugo 0.111.3: current Hugo's wording */
    { "a{{ warnidf \"W1\" \"w %d\" 2 }}b", NULL, "ab", NULL,
      "w 2\nYou can suppress this warning by adding the following to "
      "your project configuration:\nignoreLogs = ['w1']", 0 },
    { "{{ fmt.Warnidf \"x\" }}", NULL, NULL,
      "wrong number of args for fmt.Warnidf", NULL, 0 },
};


int
main(void)
{
    fn_cases_run("fmt", fmt_cases, FN_NCASES(fmt_cases));
    fn_cases_run("fmt log", log_cases, FN_NCASES(log_cases));
    return tap_done();
}
