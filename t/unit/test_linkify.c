/*
 * page_linkify: bare URLs and e-mail addresses, linked as Hugo links them.
 *
 * Every expected output below was produced by Hugo 0.111.3 (Debian's hugo
 * 0.111.3-1, goldmark 1.5.4 with its linkify extension) from the same
 * Markdown, not by our code: a tiny site whose single layout prints
 * .Content and .TableOfContents, markup.goldmark.renderer.unsafe = false
 * and markup.highlight.codeFences = false.  The cases cover goldmark's
 * rules one by one (see page_linkify.c): the schemes, www. (linked with
 * https://, Hugo's linkifyProtocol), e-mail (mailto:, a '.' in the domain,
 * no '-' or '_' after it), the trimming of trailing punctuation, of a
 * final '.', of unbalanced ')' and of a final "&name;", and where a link
 * may start (after a space, "(", a lone "~", an inline such as emphasis,
 * code or a link, a typographer's replacement; not after a tab, an
 * entity, an escape or inside an open "[" label).
 *
 * Known difference, not asserted: goldmark's link runs on through inline
 * syntax that libcmark-gfm has already parsed, so "https://x.org/`c`" is
 * one link in Hugo (the backticks in its URL) and here a link to
 * "https://x.org/" followed by the code span.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page_arena.h"
#include "page_buf.h"
#include "page_error.h"
#include "page_html.h"
#include "page_linkify.h"
#include "page_markdown.h"
#include "hugo_case.h"
#include "tap.h"

typedef hugo_case_t  case_t;

static const case_t  cases[] = {
    { "https_basic", 0,
      "https://example.com\n", 0,
      "<p><a href=\"https://example.com\">https://example.com</a>"
      "</p>\n",
      NULL },
    { "http_query", 0,
      "http://example.com/path?q=1&r=2#frag\n", 0,
      "<p><a href=\"http://example.com/path?q=1&amp;r=2#frag\">ht"
      "tp://example.com/path?q=1&amp;r=2#frag</a></p>\n",
      NULL },
    { "ftp", 0,
      "ftp://files.example.com/pub/file.txt\n", 0,
      "<p><a href=\"ftp://files.example.com/pub/file.txt\">ftp://"
      "files.example.com/pub/file.txt</a></p>\n",
      NULL },
    { "www", 0,
      "www.example.com\n", 0,
      "<p><a href=\"https://www.example.com\">www.example.com</a>"
      "</p>\n",
      NULL },
    { "www_path", 0,
      "www.example.com/path?x=1\n", 0,
      "<p><a href=\"https://www.example.com/path?x=1\">www.exampl"
      "e.com/path?x=1</a></p>\n",
      NULL },
    { "trailing_dot", 0,
      "Visit https://example.com. Or www.example.com.\n", 0,
      "<p>Visit <a href=\"https://example.com\">https://example.c"
      "om</a>. Or <a href=\"https://www.example.com\">www.example"
      ".com</a>.</p>\n",
      NULL },
    { "parens_around", 0,
      "(https://example.com/a) and (www.example.com/b)\n", 0,
      "<p>(<a href=\"https://example.com/a\">https://example.com/"
      "a</a>) and (<a href=\"https://www.example.com/b\">www.exam"
      "ple.com/b</a>)</p>\n",
      NULL },
    { "parens_balanced", 0,
      "https://en.wikipedia.org/wiki/Foo_(bar) and https://a.co"
      "m/x(y)z\n", 0,
      "<p><a href=\"https://en.wikipedia.org/wiki/Foo_(bar)\">htt"
      "ps://en.wikipedia.org/wiki/Foo_(bar)</a> and <a href=\"ht"
      "tps://a.com/x(y)z\">https://a.com/x(y)z</a></p>\n",
      NULL },
    { "parens_extra", 0,
      "https://example.com/foo)) and https://example.com/)x) en"
      "d\n", 0,
      "<p><a href=\"https://example.com/foo\">https://example.com"
      "/foo</a>)) and <a href=\"https://example.com/)\">https://e"
      "xample.com/)</a>x) end</p>\n",
      NULL },
    { "paren_then_dot", 0,
      "https://a.com/x). and https://a.com/(x)).\n", 0,
      "<p><a href=\"https://a.com/x)\">https://a.com/x)</a>. and "
      "<a href=\"https://a.com/(x))\">https://a.com/(x))</a>.</p>"
      "\n",
      NULL },
    { "entity_end", 0,
      "https://a.com/a?b=1&amp; and https://a.com/&lt; and http"
      "s://a.com/x&y;\n", 0,
      "<p><a href=\"https://a.com/a?b=1\">https://a.com/a?b=1</a>"
      "&amp; and <a href=\"https://a.com/\">https://a.com/</a>&lt"
      "; and <a href=\"https://a.com/x\">https://a.com/x</a>&amp;"
      "y;</p>\n",
      NULL },
    { "entity_mid", 0,
      "https://a.com/?a=1&amp;b=2 and https://a.com/&#46;x\n", 0,
      "<p><a href=\"https://a.com/?a=1&amp;amp;b=2\">https://a.co"
      "m/?a=1&amp;amp;b=2</a> and <a href=\"https://a.com/&amp;#"
      "46;x\">https://a.com/&amp;#46;x</a></p>\n",
      NULL },
    { "amp_query", 0,
      "https://a.com/?a=1&b=2\n", 0,
      "<p><a href=\"https://a.com/?a=1&amp;b=2\">https://a.com/?a"
      "=1&amp;b=2</a></p>\n",
      NULL },
    { "trailing_punct", 0,
      "see https://example.com/a?!.,:*_~ and www.a.com/b:\n", 0,
      "<p>see <a href=\"https://example.com/a\">https://example.c"
      "om/a</a>?!.,:*_~ and <a href=\"https://www.a.com/b\">www.a"
      ".com/b</a>:</p>\n",
      NULL },
    { "no_tld", 0,
      "a@b. and a@b and a@b.c\n", 0,
      "<p>a@b. and a@b and <a href=\"mailto:a@b.c\">a@b.c</a></p>"
      "\n",
      NULL },
    { "email_basic", 0,
      "user@example.com and user.name+tag@example.co.uk.\n", 0,
      "<p><a href=\"mailto:user@example.com\">user@example.com</a"
      "> and <a href=\"mailto:user.name+tag@example.co.uk\">user."
      "name+tag@example.co.uk</a>.</p>\n",
      NULL },
    { "email_run", 0,
      "a@b.a@b.a@b.\n", 0,
      "<p><a href=\"mailto:a@b.a\">a@b.a</a>@b.a@b.</p>\n",
      NULL },
    { "email_no_trigger", 0,
      "x,a@b.com and x;a@b.com and (a@b.com) and \"a@b.com\"\n", 0,
      "<p>x,a@b.com and x;a@b.com and (<a href=\"mailto:a@b.com\""
      ">a@b.com</a>) and &ldquo;<a href=\"mailto:a@b.com\">a@b.co"
      "m</a>&rdquo;</p>\n",
      NULL },
    { "email_dash", 0,
      "a@b-c.com and a@b.com- and a@b.com_ and a@b.c-d.e\n", 0,
      "<p><a href=\"mailto:a@b-c.com\">a@b-c.com</a> and a@b.com-"
      " and a@b.com_ and <a href=\"mailto:a@b.c-d.e\">a@b.c-d.e</"
      "a></p>\n",
      NULL },
    { "email_underscore", 0,
      "a_b@c.com and a@b_c.com\n", 0,
      "<p><a href=\"mailto:a_b@c.com\">a_b@c.com</a> and a@b_c.co"
      "m</p>\n",
      NULL },
    { "email_punct_start", 0,
      "x -a@b.com and x .a@b.com and x +a@b.com\n", 0,
      "<p>x -a@b.com and x .a@b.com and x +a@b.com</p>\n",
      NULL },
    { "email_digits", 0,
      "1.2.3.4@5.6.7 and a@1.2\n", 0,
      "<p><a href=\"mailto:1.2.3.4@5.6.7\">1.2.3.4@5.6.7</a> and "
      "<a href=\"mailto:a@1.2\">a@1.2</a></p>\n",
      NULL },
    { "email_long_label", 0,
      "a@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
      "bbbbbbbbbbbbbbbbb.com\n", 0,
      "<p>a@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
      "bbbbbbbbbbbbbbbbbbbb.com</p>\n",
      NULL },
    { "email_double_at", 0,
      "x@y.z@w.com and a@@b.com\n", 0,
      "<p><a href=\"mailto:x@y.z\">x@y.z</a>@w.com and a@@b.com</"
      "p>\n",
      NULL },
    { "mailto_bare", 0,
      "mailto:a@b.com and tel:123\n", 0,
      "<p>mailto:a@b.com and tel:123</p>\n",
      NULL },
    { "localhost", 0,
      "http://localhost:80/x and https://a.com:8080/x and http:"
      "//a.b:x\n", 0,
      "<p>http://localhost:80/x and <a href=\"https://a.com:8080"
      "/x\">https://a.com:8080/x</a> and <a href=\"http://a.b\">ht"
      "tp://a.b</a>:x</p>\n",
      NULL },
    { "www_no_tld", 0,
      "www.example and www.a.b9 and www.a.B\n", 0,
      "<p>www.example and <a href=\"https://www.a.b\">www.a.b</a>"
      "9 and www.a.B</p>\n",
      NULL },
    { "uppercase", 0,
      "HTTPS://EXAMPLE.COM and https://EXAMPLE.COM and https://"
      "Example.com and WWW.a.com\n", 0,
      "<p>HTTPS://EXAMPLE.COM and https://EXAMPLE.COM and <a hr"
      "ef=\"https://Example.com\">https://Example.com</a> and WWW"
      ".a.com</p>\n",
      NULL },
    { "emphasis_around", 0,
      "*https://example.com* and **www.example.com** and _https"
      "://a.com_ and __www.b.com__\n", 0,
      "<p><em><a href=\"https://example.com\">https://example.com"
      "</a></em> and <strong><a href=\"https://www.example.com\">"
      "www.example.com</a></strong> and <em><a href=\"https://a."
      "com\">https://a.com</a></em> and <strong><a href=\"https:/"
      "/www.b.com\">www.b.com</a></strong></p>\n",
      NULL },
    { "tilde_around", 0,
      "~https://example.com~ and ~~https://example.com~~\n", 0,
      "<p>~<a href=\"https://example.com\">https://example.com</a"
      ">~ and <del><a href=\"https://example.com\">https://exampl"
      "e.com</a></del></p>\n",
      NULL },
    { "no_space_before", 0,
      "foohttps://example.com and foowww.a.com and foo.www.a.co"
      "m\n", 0,
      "<p>foohttps://example.com and foowww.a.com and foo.www.a"
      ".com</p>\n",
      NULL },
    { "label_unclosed", 0,
      "[see https://example.com and www.a.com\n", 0,
      "<p>[see https://example.com and www.a.com</p>\n",
      NULL },
    { "label_closed", 0,
      "[see https://example.com] and www.a.com\n", 0,
      "<p>[see https://example.com] and <a href=\"https://www.a."
      "com\">www.a.com</a></p>\n",
      NULL },
    { "link_text", 0,
      "[https://example.com](/x) and [www.a.com][] and ![www.a."
      "com](i.png)\n", 0,
      "<p><a href=\"/x\">https://example.com</a> and [www.a.com]["
      "] and <img src=\"i.png\" alt=\"www.a.com\"></p>\n",
      NULL },
    { "heading", 0,
      "## Heading https://example.com\n", 0,
      "<h2 id=\"heading-httpsexamplecom\">Heading <a href=\"https:"
      "//example.com\">https://example.com</a></h2>\n",
      "<nav id=\"TableOfContents\">\n"
      "  <ul>\n"
      "    <li><a href=\"#heading-httpsexamplecom\">Heading <a hr"
      "ef=\"https://example.com\">https://example.com</a></a></li"
      ">\n"
      "  </ul>\n"
      "</nav>" },
    { "underscores", 0,
      "https://example.com/a_b_c and https://example.com/a_b_\n", 0,
      "<p><a href=\"https://example.com/a_b_c\">https://example.c"
      "om/a_b_c</a> and <a href=\"https://example.com/a_b\">https"
      "://example.com/a_b</a>_</p>\n",
      NULL },
    { "emph_after", 0,
      "https://example.com/*a* and https://example.com/a*b*\n", 0,
      "<p><a href=\"https://example.com/\">https://example.com/</"
      "a><em>a</em> and <a href=\"https://example.com/a\">https:/"
      "/example.com/a</a><em>b</em></p>\n",
      NULL },
    { "quotes_path", 0,
      "https://a.b/\"q\" and 'https://a.com' and 'https://a.com/x"
      "' and \"https://a.com/y\"\n", 0,
      "<p><a href=\"https://a.b/%22q%22\">https://a.b/&quot;q&quo"
      "t;</a> and &lsquo;<a href=\"https://a.com\">https://a.com<"
      "/a>&rsquo; and &lsquo;<a href=\"https://a.com/x'\">https:/"
      "/a.com/x'</a> and &ldquo;<a href=\"https://a.com/y%22\">ht"
      "tps://a.com/y&quot;</a></p>\n",
      NULL },
    { "typographer_before", 0,
      "...www.a.com and --https://a.com and ---www.b.com\n", 0,
      "<p>&hellip;<a href=\"https://www.a.com\">www.a.com</a> and"
      " &ndash;<a href=\"https://a.com\">https://a.com</a> and &m"
      "dash;<a href=\"https://www.b.com\">www.b.com</a></p>\n",
      NULL },
    { "lines", 0,
      "a\n"
      "https://a.com\n"
      "  www.b.com\n", 0,
      "<p>a\n"
      "<a href=\"https://a.com\">https://a.com</a>\n"
      "<a href=\"https://www.b.com\">www.b.com</a></p>\n",
      NULL },
    { "quote_list", 0,
      "> https://a.com\n"
      "\n"
      "- www.a.com\n"
      "- c@d.com\n", 0,
      "<blockquote>\n"
      "<p><a href=\"https://a.com\">https://a.com</a></p>\n"
      "</blockquote>\n"
      "<ul>\n"
      "<li><a href=\"https://www.a.com\">www.a.com</a></li>\n"
      "<li><a href=\"mailto:c@d.com\">c@d.com</a></li>\n"
      "</ul>\n",
      NULL },
    { "dots", 0,
      "https://a.com/x.y.z. and https://a.b.c.d.e.f.com and htt"
      "p://a..b\n", 0,
      "<p><a href=\"https://a.com/x.y.z\">https://a.com/x.y.z</a>"
      ". and <a href=\"https://a.b.c.d.e.f.com\">https://a.b.c.d."
      "e.f.com</a> and <a href=\"http://a..b\">http://a..b</a></p"
      ">\n",
      NULL },
    { "at_in_domain", 0,
      "www.a.com@x and https://u:p@a.com/x\n", 0,
      "<p><a href=\"https://www.a.com\">www.a.com</a>@x and <a hr"
      "ef=\"https://u:p@a.com/x\">https://u:p@a.com/x</a></p>\n",
      NULL },
    { "non_ascii", 0,
      "https://m\303\274nchen.de and https://a.com/m\303\274nchen and www.\303"
      "\274.com\n", 0,
      "<p>https://m\303\274nchen.de and <a href=\"https://a.com/m\">htt"
      "ps://a.com/m</a>\303\274nchen and www.\303\274.com</p>\n",
      NULL },
    { "percent", 0,
      "https://a.com/%20x and https://a.com/%zz\n", 0,
      "<p><a href=\"https://a.com/%20x\">https://a.com/%20x</a> a"
      "nd <a href=\"https://a.com/%25zz\">https://a.com/%zz</a></"
      "p>\n",
      NULL },
    { "space_pipe", 0,
      "https://a.com/a b and http://a.com/a|b\n", 0,
      "<p><a href=\"https://a.com/a\">https://a.com/a</a> b and <"
      "a href=\"http://a.com/a\">http://a.com/a</a>|b</p>\n",
      NULL },
    { "braces", 0,
      "https://a.com/{x}[y]^z and www.a.com/[1]\n", 0,
      "<p><a href=\"https://a.com/%7Bx%7D%5By%5D%5Ez\">https://a."
      "com/{x}[y]^z</a> and <a href=\"https://www.a.com/%5B1%5D\""
      ">www.a.com/[1]</a></p>\n",
      NULL },
    { "hard_break", 0,
      "https://a.com  \n"
      "b\n", 0,
      "<p><a href=\"https://a.com\">https://a.com</a><br>\n"
      "b</p>\n",
      NULL },
    { "angle_and_bare", 0,
      "<https://a.com> https://b.com and <a@b.com> a@b.com\n", 0,
      "<p><a href=\"https://a.com\">https://a.com</a> <a href=\"ht"
      "tps://b.com\">https://b.com</a> and <a href=\"mailto:a@b.c"
      "om\">a@b.com</a> <a href=\"mailto:a@b.com\">a@b.com</a></p>"
      "\n",
      NULL },
    { "email_quote_after", 0,
      "a@b.com's and a@b.com.\n", 0,
      "<p><a href=\"mailto:a@b.com\">a@b.com</a>&rsquo;s and <a h"
      "ref=\"mailto:a@b.com\">a@b.com</a>.</p>\n",
      NULL },
    { "ftp_short", 0,
      "ftp://a.b and https:// and http://.com\n", 0,
      "<p><a href=\"ftp://a.b\">ftp://a.b</a> and https:// and ht"
      "tp://.com</p>\n",
      NULL },
    { "tab", 0,
      "a\thttps://a.com\n", 0,
      "<p>a\thttps://a.com</p>\n",
      NULL },
    { "escaped", 0,
      "\\www.a.com and \\https://a.com and https://a.com/\\_x and "
      "x\\ www.b.com\n", 0,
      "<p>\\www.a.com and \\https://a.com and <a href=\"https://a."
      "com/\">https://a.com/</a>_x and x\\ <a href=\"https://www.b"
      ".com\">www.b.com</a></p>\n",
      NULL },
    { "after_code", 0,
      "`x`www.a.com and `x`a@b.com\n", 0,
      "<p><code>x</code><a href=\"https://www.a.com\">www.a.com</"
      "a> and <code>x</code><a href=\"mailto:a@b.com\">a@b.com</a"
      "></p>\n",
      NULL },
    { "after_link", 0,
      "[a](/b)www.a.com and <http://x.y>www.a.com\n", 0,
      "<p><a href=\"/b\">a</a><a href=\"https://www.a.com\">www.a.c"
      "om</a> and <a href=\"http://x.y\">http://x.y</a><a href=\"h"
      "ttps://www.a.com\">www.a.com</a></p>\n",
      NULL },
    { "dollar", 0,
      "https://a.com/$x and www.a.com/$x\n", 0,
      "<p><a href=\"https://a.com/$x\">https://a.com/$x</a> and <"
      "a href=\"https://www.a.com/\">www.a.com/</a>$x</p>\n",
      NULL },
    { "long_domain", 0,
      "https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com/x\n", 0,
      "<p><a href=\"https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com/x\">http"
      "s://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaa.com/x</a></p>\n",
      NULL },
    { "table", 0,
      "| a | b |\n"
      "|---|---|\n"
      "| https://a.com | b@c.de |\n", 0,
      "<table>\n"
      "<thead>\n"
      "<tr>\n"
      "<th>a</th>\n"
      "<th>b</th>\n"
      "</tr>\n"
      "</thead>\n"
      "<tbody>\n"
      "<tr>\n"
      "<td><a href=\"https://a.com\">https://a.com</a></td>\n"
      "<td><a href=\"mailto:b@c.de\">b@c.de</a></td>\n"
      "</tr>\n"
      "</tbody>\n"
      "</table>\n",
      NULL },
    { "strike_inside", 0,
      "~~see www.a.com~~ and *a@b.com*\n", 0,
      "<p><del>see <a href=\"https://www.a.com\">www.a.com</a></d"
      "el> and <em><a href=\"mailto:a@b.com\">a@b.com</a></em></p"
      ">\n",
      NULL },
    { "lt_gt", 0,
      "https://a.com/x>y and https://a.com/<y\n", 0,
      "<p><a href=\"https://a.com/x%3Ey\">https://a.com/x&gt;y</a"
      "> and <a href=\"https://a.com/\">https://a.com/</a>&lt;y</"
      "p>\n",
      NULL },
    { "semicolon", 0,
      "https://a.com/a;b; and https://a.com/a;\n", 0,
      "<p><a href=\"https://a.com/a;b;\">https://a.com/a;b;</a> a"
      "nd <a href=\"https://a.com/a;\">https://a.com/a;</a></p>\n",
      NULL },
    { "image_alt", 0,
      "![see https://a.com](i.png)\n", 0,
      "<p><img src=\"i.png\" alt=\"see https://a.com\"></p>\n",
      NULL },
    { "paren_single", 0,
      "http://foo.bar/baz)\n", 0,
      "<p><a href=\"http://foo.bar/baz\">http://foo.bar/baz</a>)<"
      "/p>\n",
      NULL },
    { "shift_quotes", 0,
      "a\n"
      "  \"b\" it's *c* \"d\" www.e.com\n", 0,
      "<p>a\n"
      "&ldquo;b&rdquo; it&rsquo;s <em>c</em> &ldquo;d&rdquo; <a"
      " href=\"https://www.e.com\">www.e.com</a></p>\n",
      NULL },
    { "shift_list", 0,
      "- a\n"
      "   \"b\" www.c.com\n", 0,
      "<ul>\n"
      "<li>a\n"
      "&ldquo;b&rdquo; <a href=\"https://www.c.com\">www.c.com</a"
      "></li>\n"
      "</ul>\n",
      NULL },
    { "email_brackets", 0,
      "<a@b.com> [x@y.com] x\n", 0,
      "<p><a href=\"mailto:a@b.com\">a@b.com</a> [x@y.com] x</p>\n",
      NULL },
    { "ellipsis_email", 0,
      "...a@b.com and \"c@d.com\"\n", 0,
      "<p>&hellip;<a href=\"mailto:a@b.com\">a@b.com</a> and &ldq"
      "uo;<a href=\"mailto:c@d.com\">c@d.com</a>&rdquo;</p>\n",
      NULL },
    { "star_email", 0,
      "**a@b.com** and _x@y.com_\n", 0,
      "<p><strong><a href=\"mailto:a@b.com\">a@b.com</a></strong>"
      " and <em>x@y.com</em></p>\n",
      NULL },
    { "tilde_www", 0,
      "~www.a.com and ~~ www.b.com\n", 0,
      "<p>~<a href=\"https://www.a.com\">www.a.com</a> and ~~ <a "
      "href=\"https://www.b.com\">www.b.com</a></p>\n",
      NULL },
    { "entity_www", 0,
      "&copy;www.a.com and &copy; www.b.com\n", 0,
      "<p>\302\251www.a.com and \302\251 <a href=\"https://www.b.com\">www.b."
      "com</a></p>\n",
      NULL },
    { "www_dots", 0,
      "www.a.com... and www.a.com?!\n", 0,
      "<p><a href=\"https://www.a.com\">www.a.com</a>&hellip; and"
      " <a href=\"https://www.a.com\">www.a.com</a>?!</p>\n",
      NULL },
    { "lone_paren", 0,
      "(www.a.com and ((https://a.com/x))\n", 0,
      "<p>(<a href=\"https://www.a.com\">www.a.com</a> and ((<a h"
      "ref=\"https://a.com/x\">https://a.com/x</a>))</p>\n",
      NULL },
    { "footnote_url", 0,
      "a[^1]www.b.com\n"
      "\n"
      "[^1]: see https://c.com\n", 0,
      "<p>a<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-re"
      "f\" role=\"doc-noteref\">1</a></sup><a href=\"https://www.b."
      "com\">www.b.com</a></p>\n"
      "<div class=\"footnotes\" role=\"doc-endnotes\">\n"
      "<hr>\n"
      "<ol>\n"
      "<li id=\"fn:1\">\n"
      "<p>see <a href=\"https://c.com\">https://c.com</a>&#160;<a"
      " href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-back"
      "link\">&#x21a9;&#xfe0e;</a></p>\n"
      "</li>\n"
      "</ol>\n"
      "</div>\n",
      NULL },
    { "label_skip_path", 0,
      "[a *b* www.c.com and [d] *e* www.f.com\n", 0,
      "<p>[a <em>b</em> www.c.com and [d] <em>e</em> www.f.com<"
      "/p>\n",
      NULL },
    { "label_escaped", 0,
      "\\[a *b* www.c.com\n", 0,
      "<p>[a <em>b</em> <a href=\"https://www.c.com\">www.c.com</"
      "a></p>\n",
      NULL },
};


/* The matcher alone, at a place page_html chose. */
static void
test_match(void)
{
    size_t                 end;
    page_linkify_kind_t    kind;
    page_linkify_cache_t   cache;
    static const char      s[] = "see a.b@c.de, (https://x.org/a_(b)))";

    page_linkify_cache_init(&cache);

    end = page_linkify_match(s, sizeof(s) - 1, 4, sizeof(s) - 1, &cache,
                             &kind);
    is_int((long long) end, 12, "match: e-mail ends before ','");
    is_int(kind, PAGE_LINKIFY_EMAIL, "match: e-mail kind");

    /* a later start inside the same local part shares the scan */
    end = page_linkify_match(s, sizeof(s) - 1, 6, sizeof(s) - 1, &cache,
                             &kind);
    is_int((long long) end, 12, "match: from inside the local part");

    end = page_linkify_match(s, sizeof(s) - 1, 15, sizeof(s) - 1, &cache,
                             &kind);
    is_int((long long) end, 34, "match: URL less its unbalanced ')'");
    is_int(kind, PAGE_LINKIFY_URL, "match: URL kind");

    /* the limit ends the match: the text node ends there */
    end = page_linkify_match(s, sizeof(s) - 1, 15, 28, &cache, &kind);
    is_int((long long) end, 28, "match: stops at the limit");

    end = page_linkify_match(s, sizeof(s) - 1, 0, sizeof(s) - 1, &cache,
                             &kind);
    is_int((long long) end, 0, "match: none at a plain word");
}


int
main(void)
{
    hugo_cases_run(cases, sizeof(cases) / sizeof(cases[0]));

    test_match();

    return done_testing();
}
