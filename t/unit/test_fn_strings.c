/*
 * test_fn_strings: Hugo's strings namespace (src/page_fn_strings.c and
 * src/page_fn_strings_re.c's findRESubmatch).  Expected outputs are what
 * hugo 0.111.3 printed for the same template as layouts/index.html
 * (/tmp/fna-hugo/oracle.sh), escaped as its html/template escapes them;
 * functions 0.111.3 lacks (ReplacePairs, TrimSpace) follow the examples
 * of current Hugo's documentation (gohugo.io/functions/strings/NAME).
 */

#include "fn_case.h"


static const fn_case_t  strings_cases[] = {
    { "{{ strings.ContainsAny \"hello\" \"xyz\" }}|{{ strings.Conta"
      "insAny \"hello\" \"xyzl\" }}|{{ strings.ContainsAny \"héllo\" "
      "\"é\" }}|{{ strings.ContainsAny \"\" \"\" }}|{{ strings.Contai"
      "nsAny \"a\" \"\" }}|{{ strings.ContainsAny 123 \"3\" }}", NULL,
      "false|true|true|false|false|true",
      NULL, NULL, 0 },
    { "{{ strings.ContainsNonSpace \" \\t\\n\" }}|{{ strings.Contai"
      "nsNonSpace \" a \" }}|{{ strings.ContainsNonSpace \"\" }}|{{"
      " strings.ContainsNonSpace \"\\u00a0\\u2003\" }}|{{ strings.C"
      "ontainsNonSpace \"\\u200b\" }}", NULL,
      "false|true|false|false|true",
      NULL, NULL, 0 },
    { "{{ strings.RuneCount \"héllo\" }}|{{ strings.RuneCount \"\" "
      "}}|{{ strings.RuneCount \"<b>a</b>\" }}|{{ strings.RuneCou"
      "nt 1234 }}|{{ strings.RuneCount \"\\xff\\xfe\" }}", NULL,
      "5|0|8|4|2",
      NULL, NULL, 0 },
    { "{{ slicestr \"BatMan\" 3 }}|{{ slicestr \"BatMan\" 0 3 }}|{{"
      " slicestr \"héllo\" 1 2 }}|{{ slicestr \"abc\" }}|{{ strings"
      ".SliceString \"abc\" 0 0 }}|{{ slicestr \"abc\" 1 3 }}|{{ sl"
      "icestr 12345 1 3 }}", NULL,
      "Man|Bat|é|abc||bc|23",
      NULL, NULL, 0 },
    { "{{ slicestr \"abc\" 3 }}", NULL,
      NULL,
      "slice bounds out of range", NULL, 0 },
    { "{{ slicestr \"abc\" -1 }}", NULL,
      NULL,
      "slice bounds out of range", NULL, 0 },
    { "{{ slicestr \"abc\" 1 4 }}", NULL,
      NULL,
      "slice bounds out of range", NULL, 0 },
    { "{{ slicestr \"abc\" 2 1 }}", NULL,
      NULL,
      "runtime error: slice bounds out of range [2:1]", NULL, 0 },
    { "{{ slicestr \"abc\" \"x\" }}", NULL,
      NULL,
      "start argument must be integer", NULL, 0 },
    { "{{ slicestr \"abc\" 1 \"y\" }}", NULL,
      NULL,
      "end argument must be integer", NULL, 0 },
    { "{{ slicestr \"abc\" 1 2 3 }}", NULL,
      NULL,
      "too many arguments", NULL, 0 },
    { "{{ slicestr \"\" 0 }}", NULL,
      NULL,
      "slice bounds out of range", NULL, 0 },
    { "{{ substr \"BatMan\" 0 -3 }}|{{ substr \"BatMan\" 3 3 }}|{{ "
      "substr \"BatMan\" -3 }}|{{ substr \"BatMan\" 3 }}|{{ substr "
      "\"héllo\" 1 2 }}|{{ substr \"abc\" -5 2 }}|{{ substr \"abc\" 5"
      " }}|{{ substr \"abc\" 1 0 }}|{{ substr \"abc\" 0 -5 }}|{{ su"
      "bstr \"\" 0 1 }}|{{ substr \"abc\" 2 -1 }}|{{ substr \"abc\" 1"
      " 100 }}|{{ substr \"abc\" 3 }}|{{ substr \"abc\" 2 }}", NULL,
      "Bat|Man|Man|Man|él|ab||||||bc||c",
      NULL, NULL, 0 },
    { "{{ substr \"abc\" \"x\" }}", NULL,
      NULL,
      "start argument must be an integer", NULL, 0 },
    { "{{ substr \"abc\" 1 \"y\" }}", NULL,
      NULL,
      "length argument must be an integer", NULL, 0 },
    { "{{ substr \"abc\" }}", NULL,
      NULL,
      "too few arguments", NULL, 0 },
    { "{{ strings.Count \"a\" \"banana\" }}|{{ strings.Count \"\" \"hé"
      "llo\" }}|{{ strings.Count \"aa\" \"aaaa\" }}|{{ strings.Count"
      " \"x\" \"\" }}|{{ strings.Count 1 121 }}", NULL,
      "3|6|2|0|2",
      NULL, NULL, 0 },
    { "{{ truncate 10 \"I have a long string to cut\" }}|{{ trunc"
      "ate 10 \"...\" \"I have a long string to cut\" }}|{{ truncat"
      "e 5 \"abc\" }}|{{ truncate 3 \"abcdef\" }}|{{ truncate 10 \"a"
      "<b>&'\\\"c d e f g h\" }}|{{ truncate 4 \"a&b\" \"xyz\" }}", NULL,
      "I have a …|I have a...|abc|abc …|a&lt;b&gt;&amp;&#39;&#3"
      "4;c d …|xyz",
      NULL, NULL, 0 },
    { "{{ truncate 10 (safeHTML \"<p>I have a <b>long</b> string"
      "</p>\") }}|{{ truncate 12 (safeHTML \"<div><p>Hello <em>wo"
      "rld</em></p> more text here</div>\") }}|{{ truncate 5 (sa"
      "feHTML \"Hi <br> there friend\") }}|{{ truncate 4 (safeHTM"
      "L \"<a href='x'>link text</a>\") }}", NULL,
      "<p>I have a …</p>|<div><p>Hello <em>world …</em></p></di"
      "v>|Hi …|<a href='x'>link …</a>",
      NULL, NULL, 0 },
    { "{{ truncate 3 \"日本語の文章\" }}|{{ truncate 7 \"Hello 日本語の文章\" }"
      "}|{{ truncate 8 (safeHTML \"ab <img src=x/> cd ef gh\") }}"
      "|{{ truncate 6 \"abc\\tdefghi\" }}|{{ truncate 0 \"abc\" }}|{"
      "{ truncate 2 (safeHTML \"a\") }}", NULL,
      "日本語 …|Hello 日 …|ab <img src=x/> cd …|abc …| …|a",
      NULL, NULL, 0 },
    { "{{ truncate 10 (safeHTML \"<p>one two</p><p>three four fi"
      "ve</p>\") }}|{{ truncate 5 \"…\" (safeHTML \"<i>abc def</i>\""
      ") }}|{{ truncate 5 (safeHTML \"<b>x\") }}|{{ truncate 6 \"<"
      "b>\" \"abcdefgh\" }}|{{ truncate 6 (safeHTML \"<b>\") \"abcdef"
      "gh\" }}", NULL,
      "<p>one two …</p>|<i>abc…</i>|<b>x|abcdef&lt;b&gt;|abcdef"
      "<b>",
      NULL, NULL, 0 },
    { "{{ truncate \"x\" \"abc\" }}", NULL,
      NULL,
      "unable to cast \"x\" of type string to int64", NULL, 0 },
    { "{{ truncate 1 }}", NULL,
      NULL,
      "truncate requires a length and a string", NULL, 0 },
    { "{{ truncate 1 \"a\" \"b\" \"c\" }}", NULL,
      NULL,
      "too many arguments passed to truncate", NULL, 0 },
    { "{{ truncate 2 (slice 1) }}", NULL,
      NULL,
      "text must be a string", NULL, 0 },
    { "{{ strings.Trim \"héllo\" \"hé\" }}|{{ strings.TrimLeft \"éa\""
      " \"éaéb\" }}|{{ strings.TrimRight \"ab\" \"xaba\" }}|{{ trim \""
      "  a  \" \" \" }}|{{ trim \"\\xffa\\xff\" \"\\xff\" }}|{{ strings.T"
      "rimLeft \"\" \"abc\" }}", NULL,
      "llo|b|x|a|a|abc",
      NULL, NULL, 0 },
    { "{{ strings.CountRunes \"<b>héllo</b> x\" }}|{{ strings.Cou"
      "ntWords \"<p>Hello <b>big</b> world</p>\" }}|{{ strings.Co"
      "untWords \"日本語 の文章 abc\" }}|{{ countwords \"a  b\\n c\" }}|{{"
      " countrunes \"a b\\tc\" }}", NULL,
      "6|3|7|3|3",
      NULL, NULL, 0 },
    { "{{ strings.FirstUpper \"élan\" }}|{{ title \"the lord of th"
      "e rings\" }}|{{ strings.Title \"hello-world foo_bar\" }}|{{"
      " upper \"straße\" }}|{{ lower \"ÀÉÎ\" }}", NULL,
      "Élan|The Lord of the Rings|Hello-World Foo_bar|STRAßE|àé"
      "î",
      NULL, NULL, 0 },
    { "{{ findRESubmatch `(a)(b)\?` \"ab a\" }}|{{ findRESubmatch "
      "`x` \"y\" }}|{{ findRESubmatch `(\?P<n>\\d)` \"1 2 3\" 2 }}|{{"
      " len (index (findRESubmatch `(a)(z)\?` \"a\") 0) }}|{{ find"
      "RESubmatch `a` \"aaa\" -1 }}|{{ findRESubmatch `a` \"aaa\" 0"
      " }}", NULL,
      "[[ab a b] [a a ]]|[]|[[1 1] [2 2]]|3|[[a] [a] [a]]|[]",
      NULL, NULL, 0 },
    { "{{ strings.Repeat 3 \"ab\" }}|{{ strings.Repeat 0 \"ab\" }}|"
      "{{ strings.Repeat \"2\" 1 }}", NULL,
      "ababab||11",
      NULL, NULL, 0 },
    { "{{ strings.Repeat -1 \"ab\" }}", NULL,
      NULL,
      "strings: negative Repeat count", NULL, 0 },
    { "{{ split \"a,b,,c\" \",\" }}|{{ split \"abc\" \"\" }}|{{ split \""
      "\" \",\" }}|{{ len (split \"\" \",\") }}", NULL,
      "[a b  c]|[a b c]|[]|1",
      NULL, NULL, 0 },
    { "{{ replace \"aaa\" \"a\" \"b\" 2 }}|{{ replace \"abc\" \"\" \"-\" }}"
      "|{{ replace \"abc\" \"\" \"-\" 2 }}|{{ replace 123 2 9 }}", NULL,
      "bba|-a-b-c-|-a-bc|193",
      NULL, NULL, 0 },
    { "{{ hasPrefix \"abc\" \"\" }}|{{ hasSuffix 123 3 }}|{{ string"
      "s.Contains \"abc\" \"\" }}|{{ strings.TrimPrefix \"a\" \"aab\" }"
      "}|{{ strings.TrimSuffix \"b\" \"abb\" }}|{{ chomp \"x\\r\\n\\n\" "
      "}}|{{ printf \"%T\" (chomp (safeHTML \"<b>\\n\")) }}|{{ print"
      "f \"%T\" (chomp \"a\") }}", NULL,
      "true|true|true|ab|ab|x|template.HTML|string",
      NULL, NULL, 0 },
};


/* findRE, findRESubmatch, replaceRE, as hugo 0.111.3 gave them */
static const fn_case_t  re_cases[] = {
    { "{{ findRE `[a-z]+` \"Hello big World\" }}|{{ findRE `[a-z]"
      "+` \"a b c d\" 2 }}|{{ findRE `x*` \"axb\" }}|{{ findRE `(\?i"
      ")h` \"Hah\" }}|{{ findRE `a` \"\" }}|{{ findRE `é` \"éte\" }}", NULL,
      "[ello big orld]|[a b]|[ x ]|[H h]|[]|[é]",
      NULL, NULL, 0 },
    { "{{ replaceRE `a+` \"X\" \"aaa b aa\" }}|{{ replaceRE `a+` \"X"
      "\" \"aaa b aa\" 1 }}|{{ replaceRE `(\\w+)@(\\w+)` \"$2 at ${1}"
      "x\" \"me@site you@other\" }}|{{ replaceRE `x*` \"-\" \"abc\" }}"
      "|{{ replaceRE `(\?P<w>b)` \"[$w]\" \"abc\" }}|{{ replaceRE \"a"
      "\" \"$$\" \"bab\" }}", NULL,
      "X b X|X b aa|site at mex other at youx|-a-b-c-|a[b]c|b$b",
      NULL, NULL, 0 },
    { "{{ findRESubmatch `<a href=\"(.+\?)\">(.+\?)</a>` `<a href=\""
      "/a\">A</a> <a href=\"/b\">B</a>` }}|{{ range findRESubmatch"
      " `(\\d)(\\d)\?` \"1 23\" }}[{{ index . 0 }},{{ index . 1 }},{"
      "{ index . 2 }}]{{ end }}|{{ findRESubmatch `a` \"aaa\" 2 }"
      "}", NULL,
      "[[&lt;a href=&#34;/a&#34;&gt;A&lt;/a&gt; /a A] [&lt;a hr"
      "ef=&#34;/b&#34;&gt;B&lt;/a&gt; /b B]]|[1,1,][23,2,3]|[[a"
      "] [a]]",
      NULL, NULL, 0 },
    { "{{ findRE `(` \"x\" }}", NULL,
      NULL,
      "error parsing regexp: missing closing ): `(`", NULL, 0 },
    { "{{ findRE `a(\?=b)` \"ab\" }}", NULL,
      NULL,
      "error parsing regexp: invalid or unsupported Perl syntax"
      ": `(\?=`", NULL, 0 },
};


/* truncate on more HTML, as hugo 0.111.3 cut it */
static const fn_case_t  truncate_cases[] = {
    { "{{ truncate 8 (safeHTML \"<div><p>one</p><p>two three fou"
      "r</p></div>\") }}|{{ truncate 3 (safeHTML \"<ul><li>a</li>"
      "<li>bcdef</li></ul>\") }}|{{ truncate 4 (safeHTML \"<a tit"
      "le='x>y'>linky text</a>\") }}", NULL,
      "<div><p>one</p><p>two …</p></div>|<ul><li>a …</li></ul>|"
      "<a title='x>y'>l …</a>",
      NULL, NULL, 0 },
    { "{{ truncate 6 (safeHTML \"<b>bold <i>it</i> text</b> more"
      "\") }}|{{ truncate 2 (safeHTML \"<br/><br />ab cd\") }}|{{ "
      "truncate 3 (safeHTML \"a<b>b</b>c d\") }}", NULL,
      "<b>bold …</b>|<br/><br />ab …|a<b>b</b>c …",
      NULL, NULL, 0 },
    { "{{ truncate 5 (safeHTML \"<span>héllo wörld</span>\") }}|{"
      "{ truncate 9 (safeHTML \"<p>日本語の文章です</p>\") }}|{{ truncate"
      " 4 (safeHTML \"<em>a b c d e</em>\") }}|{{ truncate 1 (saf"
      "eHTML \"<p>ab</p>\") }}", NULL,
      "<span>héllo …</span>|<p>日本語の文章です</p>|<em>a b …</em>|<p>a"
      " …</p>",
      NULL, NULL, 0 },
    { "{{ truncate 10 \"This & that < those\" }}|{{ truncate 4 \"a"
      "aaaaaaa\" }}|{{ truncate 4 \"a aaaaaaaa\" }}|{{ truncate 5 "
      "\"a\\u00a0bbbbbb\" }}|{{ strings.Truncate 3 (safeHTML \"<p>x"
      "</p><p>yz</p><p>w</p>\") }}", NULL,
      "This &amp; …|aaaa …|a …|a …|<p>x</p><p>yz …</p>",
      NULL, NULL, 0 },
    { "{{ truncate 5 (safeHTML \"<p\\nclass=x>hello world</p>\") }}", NULL,
      "<p\nclass=x>hello \xe2\x80\xa6</p>", NULL, NULL, 0 },
};


/* Current Hugo's documentation and messages (tpl/strings/strings.go). */
static const fn_case_t  doc_cases[] = {
    { "{{ \"aabbcc\" | strings.ReplacePairs \"a\" \"x\" \"b\" \"y\" \"c\" "
      "\"z\" }}", NULL, "xxyyzz", NULL, NULL, 0 },
    { "{{ $pairs := slice \"a\" \"x\" \"b\" \"y\" \"c\" \"z\" }}"
      "{{ \"aabbcc\" | strings.ReplacePairs $pairs }}", NULL, "xxyyzz",
      NULL, NULL, 0 },
    { "{{ \"a\" | strings.ReplacePairs (slice \"a\" \"b\" \"b\" \"c\") }}",
      NULL, "b", NULL, NULL, 0 },
    { "{{ \"apple\" | strings.ReplacePairs (slice \"app\" \"pear\" "
      "\"apple\" \"orange\") }}", NULL, "pearle", NULL, NULL, 0 },
    { "{{ \"abc\" | strings.ReplacePairs (slice \"b\" \"\") }}", NULL, "ac",
      NULL, NULL, 0 },
    { "{{ \"abc\" | strings.ReplacePairs (slice) }}|"
      "{{ \"\" | strings.ReplacePairs \"a\" \"b\" }}", NULL, "abc|", NULL,
      NULL, 0 },
    /* "interleaved with the new string", as Go's strings.Replacer */
    { "{{ \"ab\" | strings.ReplacePairs \"\" \"-\" }}", NULL, "-a-b-", NULL,
      NULL, 0 },
    { "{{ strings.ReplacePairs \"abc\" }}", NULL, NULL,
      "requires at least 2 arguments", NULL, 0 },
    { "{{ \"abc\" | strings.ReplacePairs (slice \"a\") }}", NULL, NULL,
      "uneven number of replacement pairs", NULL, 0 },
    { "{{ \"abc\" | strings.ReplacePairs \"a\" \"b\" \"c\" }}", NULL, NULL,
      "uneven number of replacement pairs", NULL, 0 },
    { "{{ \"abc\" | strings.ReplacePairs \"a\" }}", NULL, NULL,
      "with 2 arguments, the first must be a slice of replacement pairs, "
      "got string", NULL, 0 },
    { "{{ strings.TrimSpace \"\\n\\r\\t   foo   \\n\\r\\t\" }}|"
      "{{ strings.TrimSpace \"\\u00a0 a \\u2003\" }}|"
      "{{ strings.TrimSpace 12 }}", NULL, "foo|a|12", NULL, NULL, 0 },
    { "{{ strings.ContainsNonSpace \"\\n\" }}|"
      "{{ strings.ContainsNonSpace \" \" }}|"
      "{{ strings.ContainsNonSpace \"\\n abc\" }}", NULL,
      "false|false|true", NULL, NULL, 0 },
    { "{{ strings.RuneCount (slice 1) }}", NULL, NULL,
      "unable to cast []interface {}{1} of type []interface {} to string",
      NULL, 0 },
};


int
main(void)
{
    fn_cases_run("strings", strings_cases, FN_NCASES(strings_cases));
    fn_cases_run("regexp", re_cases, FN_NCASES(re_cases));
    fn_cases_run("truncate", truncate_cases, FN_NCASES(truncate_cases));
    fn_cases_run("strings doc", doc_cases, FN_NCASES(doc_cases));
    return tap_done();
}
