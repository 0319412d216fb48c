/*
 * test_highlight: page_highlight.c, highlighted code blocks as Hugo
 * 0.111.3 writes them.  Every expected HTML in cases[] is hugo 0.111.3's
 * output (Debian's hugo) for a page holding the same fenced block, in a
 * site whose single layout prints .Content, with markup.highlight
 * noClasses = true (column 2: 1) or false (0); the code blocks are the
 * page's first, ordinal 0.  (An attribute's value is escaped, where Hugo
 * writes it as it is: the cases hold none that needs it.)  The tokens
 * are source-highlight's, mapped to Chroma's types: the cases use code
 * where the two lexers agree (README says where and how often they do
 * not).
 */

#include <stdlib.h>
#include <string.h>

#include "page_arena.h"
#include "page_buf.h"
#include "page_highlight.h"
#include "page_value.h"
#include "tap.h"

typedef struct {
    const char  *name;
    int          no_classes;
    const char  *info;
    const char  *code;
    const char  *want;
} hl_case_t;

static const hl_case_t  cases[] = {
    { "go", 1,
      "go",
      "package main\n"
      "\n"
      "import \"fmt\"\n"
      "\n"
      "// comment\n"
      "func main() {\n"
      "\tfmt.Println(\"hi <&>\", 42)\n"
      "}\n",
      "<div class=\"highlight\"><pre tabindex=\"0\" style=\"color:#f"
      "8f8f2;background-color:#272822;-moz-tab-size:4;-o-tab-si"
      "ze:4;tab-size:4;\"><code class=\"language-go\" data-lang=\"g"
      "o\"><span style=\"display:flex;\"><span><span style=\"color:"
      "#f92672\">package</span> <span style=\"color:#a6e22e\">main"
      "</span>\n"
      "</span></span><span style=\"display:flex;\"><span>\n"
      "</span></span><span style=\"display:flex;\"><span><span st"
      "yle=\"color:#f92672\">import</span> <span style=\"color:#e6"
      "db74\">&#34;fmt&#34;</span>\n"
      "</span></span><span style=\"display:flex;\"><span>\n"
      "</span></span><span style=\"display:flex;\"><span><span st"
      "yle=\"color:#75715e\">// comment\n"
      "</span></span></span><span style=\"display:flex;\"><span><"
      "span style=\"color:#75715e\"></span><span style=\"color:#66"
      "d9ef\">func</span> <span style=\"color:#a6e22e\">main</span"
      ">() {\n"
      "</span></span><span style=\"display:flex;\"><span>\t<span s"
      "tyle=\"color:#a6e22e\">fmt</span>.<span style=\"color:#a6e2"
      "2e\">Println</span>(<span style=\"color:#e6db74\">&#34;hi &"
      "lt;&amp;&gt;&#34;</span>, <span style=\"color:#ae81ff\">42"
      "</span>)\n"
      "</span></span><span style=\"display:flex;\"><span>}\n"
      "</span></span></code></pre></div>" },
    { "nolang", 1,
      "",
      "plain <b>\n",
      "<pre tabindex=\"0\"><code>plain &lt;b&gt;\n"
      "</code></pre>" },
    { "unknown", 1,
      "nosuchlang",
      "x < y\n",
      "<pre tabindex=\"0\"><code class=\"language-nosuchlang\" data"
      "-lang=\"nosuchlang\">x &lt; y\n"
      "</code></pre>" },
    { "table_hl_start", 1,
      "go {linenos=table,hl_lines=[2,\"4-5\"],linenostart=10}",
      "a\n"
      "b\n"
      "c\n"
      "d\n"
      "e\n",
      "<div class=\"highlight\"><div style=\"color:#f8f8f2;backgro"
      "und-color:#272822;-moz-tab-size:4;-o-tab-size:4;tab-size"
      ":4;display:grid;\">\n"
      "<table style=\"border-spacing:0;padding:0;margin:0;border"
      ":0;\"><tr><td style=\"vertical-align:top;padding:0;margin:"
      "0;border:0;\">\n"
      "<pre tabindex=\"0\" style=\"color:#f8f8f2;background-color:"
      "#272822;-moz-tab-size:4;-o-tab-size:4;tab-size:4;display"
      ":grid;\"><code><span style=\"white-space:pre;-webkit-user-"
      "select:none;user-select:none;margin-right:0.4em;padding:"
      "0 0.4em 0 0.4em;color:#7f7f7f\">10\n"
      "</span><span style=\"background-color:#3c3d38\"><span styl"
      "e=\"white-space:pre;-webkit-user-select:none;user-select:"
      "none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7"
      "f7f7f\">11\n"
      "</span></span><span style=\"white-space:pre;-webkit-user-"
      "select:none;user-select:none;margin-right:0.4em;padding:"
      "0 0.4em 0 0.4em;color:#7f7f7f\">12\n"
      "</span><span style=\"background-color:#3c3d38\"><span styl"
      "e=\"white-space:pre;-webkit-user-select:none;user-select:"
      "none;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7"
      "f7f7f\">13\n"
      "</span></span><span style=\"background-color:#3c3d38\"><sp"
      "an style=\"white-space:pre;-webkit-user-select:none;user-"
      "select:none;margin-right:0.4em;padding:0 0.4em 0 0.4em;c"
      "olor:#7f7f7f\">14\n"
      "</span></span></code></pre></td>\n"
      "<td style=\"vertical-align:top;padding:0;margin:0;border:"
      "0;;width:100%\">\n"
      "<pre tabindex=\"0\" style=\"color:#f8f8f2;background-color:"
      "#272822;-moz-tab-size:4;-o-tab-size:4;tab-size:4;display"
      ":grid;\"><code class=\"language-go\" data-lang=\"go\"><span s"
      "tyle=\"display:flex;\"><span><span style=\"color:#a6e22e\">a"
      "</span>\n"
      "</span></span><span style=\"display:flex; background-colo"
      "r:#3c3d38\"><span><span style=\"color:#a6e22e\">b</span>\n"
      "</span></span><span style=\"display:flex;\"><span><span st"
      "yle=\"color:#a6e22e\">c</span>\n"
      "</span></span><span style=\"display:flex; background-colo"
      "r:#3c3d38\"><span><span style=\"color:#a6e22e\">d</span>\n"
      "</span></span><span style=\"display:flex; background-colo"
      "r:#3c3d38\"><span><span style=\"color:#a6e22e\">e</span>\n"
      "</span></span></code></pre></td></tr></table>\n"
      "</div>\n"
      "</div>" },
    { "inline_anchor", 1,
      "go {linenos=inline,hl_lines=2,anchorlinenos=true,lineanchors=foo}",
      "a\n"
      "b\n",
      "<div class=\"highlight\"><pre tabindex=\"0\" style=\"color:#f"
      "8f8f2;background-color:#272822;-moz-tab-size:4;-o-tab-si"
      "ze:4;tab-size:4;display:grid;\"><code class=\"language-go\""
      " data-lang=\"go\"><span style=\"display:flex;\"><span style="
      "\"white-space:pre;-webkit-user-select:none;user-select:no"
      "ne;margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7"
      "f7f\" id=\"foo-1\"><a style=\"outline:none;text-decoration:n"
      "one;color:inherit\" href=\"#foo-1\">1</a></span><span><span"
      " style=\"color:#a6e22e\">a</span>\n"
      "</span></span><span style=\"display:flex; background-colo"
      "r:#3c3d38\"><span style=\"white-space:pre;-webkit-user-sel"
      "ect:none;user-select:none;margin-right:0.4em;padding:0 0"
      ".4em 0 0.4em;color:#7f7f7f\" id=\"foo-2\"><a style=\"outline"
      ":none;text-decoration:none;color:inherit\" href=\"#foo-2\">"
      "2</a></span><span><span style=\"color:#a6e22e\">b</span>\n"
      "</span></span></code></pre></div>" },
    { "linenos_true", 1,
      "go {linenos=true}",
      "a\n"
      "b\n",
      "<div class=\"highlight\"><div style=\"color:#f8f8f2;backgro"
      "und-color:#272822;-moz-tab-size:4;-o-tab-size:4;tab-size"
      ":4;\">\n"
      "<table style=\"border-spacing:0;padding:0;margin:0;border"
      ":0;\"><tr><td style=\"vertical-align:top;padding:0;margin:"
      "0;border:0;\">\n"
      "<pre tabindex=\"0\" style=\"color:#f8f8f2;background-color:"
      "#272822;-moz-tab-size:4;-o-tab-size:4;tab-size:4;\"><code"
      "><span style=\"white-space:pre;-webkit-user-select:none;u"
      "ser-select:none;margin-right:0.4em;padding:0 0.4em 0 0.4"
      "em;color:#7f7f7f\">1\n"
      "</span><span style=\"white-space:pre;-webkit-user-select:"
      "none;user-select:none;margin-right:0.4em;padding:0 0.4em"
      " 0 0.4em;color:#7f7f7f\">2\n"
      "</span></code></pre></td>\n"
      "<td style=\"vertical-align:top;padding:0;margin:0;border:"
      "0;;width:100%\">\n"
      "<pre tabindex=\"0\" style=\"color:#f8f8f2;background-color:"
      "#272822;-moz-tab-size:4;-o-tab-size:4;tab-size:4;\"><code"
      " class=\"language-go\" data-lang=\"go\"><span style=\"display"
      ":flex;\"><span><span style=\"color:#a6e22e\">a</span>\n"
      "</span></span><span style=\"display:flex;\"><span><span st"
      "yle=\"color:#a6e22e\">b</span>\n"
      "</span></span></code></pre></td></tr></table>\n"
      "</div>\n"
      "</div>" },
    { "linenos_notable", 1,
      "go {linenos=true,lineNumbersInTable=false}",
      "a\n"
      "b\n",
      "<div class=\"highlight\"><pre tabindex=\"0\" style=\"color:#f"
      "8f8f2;background-color:#272822;-moz-tab-size:4;-o-tab-si"
      "ze:4;tab-size:4;\"><code class=\"language-go\" data-lang=\"g"
      "o\"><span style=\"display:flex;\"><span style=\"white-space:"
      "pre;-webkit-user-select:none;user-select:none;margin-rig"
      "ht:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f\">1</span>"
      "<span><span style=\"color:#a6e22e\">a</span>\n"
      "</span></span><span style=\"display:flex;\"><span style=\"w"
      "hite-space:pre;-webkit-user-select:none;user-select:none"
      ";margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7"
      "f\">2</span><span><span style=\"color:#a6e22e\">b</span>\n"
      "</span></span></code></pre></div>" },
    { "hl_only", 1,
      "go {hl_lines=[\"1-2\"]}",
      "a\n"
      "b\n",
      "<div class=\"highlight\"><pre tabindex=\"0\" style=\"color:#f"
      "8f8f2;background-color:#272822;-moz-tab-size:4;-o-tab-si"
      "ze:4;tab-size:4;display:grid;\"><code class=\"language-go\""
      " data-lang=\"go\"><span style=\"display:flex; background-co"
      "lor:#3c3d38\"><span><span style=\"color:#a6e22e\">a</span>\n"
      "</span></span><span style=\"display:flex; background-colo"
      "r:#3c3d38\"><span><span style=\"color:#a6e22e\">b</span>\n"
      "</span></span></code></pre></div>" },
    { "tabwidth", 1,
      "go {tabWidth=2}",
      "\ta\n",
      "<div class=\"highlight\"><pre tabindex=\"0\" style=\"color:#f"
      "8f8f2;background-color:#272822;-moz-tab-size:2;-o-tab-si"
      "ze:2;tab-size:2;\"><code class=\"language-go\" data-lang=\"g"
      "o\"><span style=\"display:flex;\"><span>\t<span style=\"color"
      ":#a6e22e\">a</span>\n"
      "</span></span></code></pre></div>" },
    { "tabwidth8", 1,
      "go {tabWidth=8,hl_lines=1}",
      "\ta\n",
      "<div class=\"highlight\"><pre tabindex=\"0\" style=\"color:#f"
      "8f8f2;background-color:#272822;display:grid;\"><code clas"
      "s=\"language-go\" data-lang=\"go\"><span style=\"display:flex"
      "; background-color:#3c3d38\"><span>\t<span style=\"color:#a"
      "6e22e\">a</span>\n"
      "</span></span></code></pre></div>" },
    { "attrs", 1,
      "go {.myclass #myid linenos=false}",
      "a\n",
      "<div class=\"highlight myclass\" id=\"myid\"><pre tabindex=\""
      "0\" style=\"color:#f8f8f2;background-color:#272822;-moz-ta"
      "b-size:4;-o-tab-size:4;tab-size:4;\"><code class=\"languag"
      "e-go\" data-lang=\"go\"><span style=\"display:flex;\"><span><"
      "span style=\"color:#a6e22e\">a</span>\n"
      "</span></span></code></pre></div>" },
    { "attrs_more", 1,
      "go {onclick=\"x\" id=z #i2 .a .b title=t Data-X=1 style=monokai}",
      "a\n",
      "<div class=\"highlight a b\" id=\"i2\" title=\"t\" data-x=\"1\">"
      "<pre tabindex=\"0\" style=\"color:#f8f8f2;background-color:"
      "#272822;-moz-tab-size:4;-o-tab-size:4;tab-size:4;\"><code"
      " class=\"language-go\" data-lang=\"go\"><span style=\"display"
      ":flex;\"><span><span style=\"color:#a6e22e\">a</span>\n"
      "</span></span></code></pre></div>" },
    { "hl_inline", 1,
      "go {hl_inline=true}",
      "b c\n",
      "<code class=\"code-inline language-go\"><span style=\"color"
      ":#a6e22e\">b</span> <span style=\"color:#a6e22e\">c</span>\n"
      "</code>" },
    { "cls_hl_inline", 0,
      "go {hl_inline=true}",
      "b c\n",
      "<code class=\"code-inline language-go\"><span class=\"nx\">b"
      "</span> <span class=\"nx\">c</span>\n"
      "</code>" },
    { "text", 1,
      "text",
      "just <text>\n"
      "\n"
      "more\n",
      "<div class=\"highlight\"><pre tabindex=\"0\" style=\"color:#f"
      "8f8f2;background-color:#272822;-moz-tab-size:4;-o-tab-si"
      "ze:4;tab-size:4;\"><code class=\"language-text\" data-lang="
      "\"text\"><span style=\"display:flex;\"><span>just &lt;text&g"
      "t;\n"
      "</span></span><span style=\"display:flex;\"><span>\n"
      "</span></span><span style=\"display:flex;\"><span>more\n"
      "</span></span></code></pre></div>" },
    { "empty", 1,
      "go",
      "",
      "<div class=\"highlight\"><pre tabindex=\"0\" style=\"color:#f"
      "8f8f2;background-color:#272822;-moz-tab-size:4;-o-tab-si"
      "ze:4;tab-size:4;\"><code class=\"language-go\" data-lang=\"g"
      "o\"></code></pre></div>" },
    { "cls_table_anchor", 0,
      "go {linenos=table,hl_lines=[2],anchorlinenos=true}",
      "// c\n"
      "x := \"s\"\n",
      "<div class=\"highlight\"><div class=\"chroma\">\n"
      "<table class=\"lntable\"><tr><td class=\"lntd\">\n"
      "<pre tabindex=\"0\" class=\"chroma\"><code><span class=\"lnt\""
      " id=\"hl-0-1\"><a class=\"lnlinks\" href=\"#hl-0-1\">1</a>\n"
      "</span><span class=\"hl\"><span class=\"lnt\" id=\"hl-0-2\"><a"
      " class=\"lnlinks\" href=\"#hl-0-2\">2</a>\n"
      "</span></span></code></pre></td>\n"
      "<td class=\"lntd\">\n"
      "<pre tabindex=\"0\" class=\"chroma\"><code class=\"language-g"
      "o\" data-lang=\"go\"><span class=\"line\"><span class=\"cl\"><s"
      "pan class=\"c1\">// c\n"
      "</span></span></span><span class=\"line hl\"><span class=\""
      "cl\"><span class=\"c1\"></span><span class=\"nx\">x</span> <s"
      "pan class=\"o\">:=</span> <span class=\"s\">&#34;s&#34;</spa"
      "n>\n"
      "</span></span></code></pre></td></tr></table>\n"
      "</div>\n"
      "</div>" },
    { "cls_inline_hl", 0,
      "go {linenos=inline,hl_lines=[1]}",
      "a\n",
      "<div class=\"highlight\"><pre tabindex=\"0\" class=\"chroma\">"
      "<code class=\"language-go\" data-lang=\"go\"><span class=\"li"
      "ne hl\"><span class=\"ln\">1</span><span class=\"cl\"><span c"
      "lass=\"nx\">a</span>\n"
      "</span></span></code></pre></div>" },
    { "cls_tab", 0,
      "go {linenos=inline,tabWidth=2}",
      "\ta\n",
      "<div class=\"highlight\"><pre tabindex=\"0\" class=\"chroma\">"
      "<code class=\"language-go\" data-lang=\"go\"><span class=\"li"
      "ne\"><span class=\"ln\">1</span><span class=\"cl\">\t<span cla"
      "ss=\"nx\">a</span>\n"
      "</span></span></code></pre></div>" },
    { "cls_start8", 0,
      "go {linenos=inline,linenostart=8}",
      "a\n"
      "b\n"
      "c\n",
      "<div class=\"highlight\"><pre tabindex=\"0\" class=\"chroma\">"
      "<code class=\"language-go\" data-lang=\"go\"><span class=\"li"
      "ne\"><span class=\"ln\"> 8</span><span class=\"cl\"><span cla"
      "ss=\"nx\">a</span>\n"
      "</span></span><span class=\"line\"><span class=\"ln\"> 9</sp"
      "an><span class=\"cl\"><span class=\"nx\">b</span>\n"
      "</span></span><span class=\"line\"><span class=\"ln\">10</sp"
      "an><span class=\"cl\"><span class=\"nx\">c</span>\n"
      "</span></span></code></pre></div>" },
    { "cls_start0", 0,
      "go {linenos=table, hl_lines=[\"2-3\"], linenostart=0}",
      "a\n"
      "b\n"
      "c\n",
      "<div class=\"highlight\"><div class=\"chroma\">\n"
      "<table class=\"lntable\"><tr><td class=\"lntd\">\n"
      "<pre tabindex=\"0\" class=\"chroma\"><code><span class=\"lnt\""
      ">0\n"
      "</span><span class=\"hl\"><span class=\"lnt\">1\n"
      "</span></span><span class=\"hl\"><span class=\"lnt\">2\n"
      "</span></span></code></pre></td>\n"
      "<td class=\"lntd\">\n"
      "<pre tabindex=\"0\" class=\"chroma\"><code class=\"language-g"
      "o\" data-lang=\"go\"><span class=\"line\"><span class=\"cl\"><s"
      "pan class=\"nx\">a</span>\n"
      "</span></span><span class=\"line hl\"><span class=\"cl\"><sp"
      "an class=\"nx\">b</span>\n"
      "</span></span><span class=\"line hl\"><span class=\"cl\"><sp"
      "an class=\"nx\">c</span>\n"
      "</span></span></code></pre></td></tr></table>\n"
      "</div>\n"
      "</div>" },
    { "cls_js", 0,
      "js {hl_lines=[1,3]}",
      "a\n",
      "<div class=\"highlight\"><pre tabindex=\"0\" class=\"chroma\">"
      "<code class=\"language-js\" data-lang=\"js\"><span class=\"li"
      "ne hl\"><span class=\"cl\"><span class=\"nx\">a</span>\n"
      "</span></span></code></pre></div>" },
    { "cls_case", 0,
      "GO",
      "x := 1\n",
      "<div class=\"highlight\"><pre tabindex=\"0\" class=\"chroma\">"
      "<code class=\"language-GO\" data-lang=\"GO\"><span class=\"li"
      "ne\"><span class=\"cl\"><span class=\"nx\">x</span> <span cla"
      "ss=\"o\">:=</span> <span class=\"mi\">1</span>\n"
      "</span></span></code></pre></div>" },
    { "html", 1,
      "html",
      "<a href=\"x\">t</a>\n",
      "<div class=\"highlight\"><pre tabindex=\"0\" style=\"color:#f"
      "8f8f2;background-color:#272822;-moz-tab-size:4;-o-tab-si"
      "ze:4;tab-size:4;\"><code class=\"language-html\" data-lang="
      "\"html\"><span style=\"display:flex;\"><span>&lt;<span style"
      "=\"color:#f92672\">a</span> <span style=\"color:#a6e22e\">hr"
      "ef</span><span style=\"color:#f92672\">=</span><span style"
      "=\"color:#e6db74\">&#34;x&#34;</span>&gt;t&lt;/<span style"
      "=\"color:#f92672\">a</span>&gt;\n"
      "</span></span></code></pre></div>" },
    { "sh", 1,
      "sh",
      "A=1 ls -la | grep x && echo \"hi\"\n",
      "<div class=\"highlight\"><pre tabindex=\"0\" style=\"color:#f"
      "8f8f2;background-color:#272822;-moz-tab-size:4;-o-tab-si"
      "ze:4;tab-size:4;\"><code class=\"language-sh\" data-lang=\"s"
      "h\"><span style=\"display:flex;\"><span>A<span style=\"color"
      ":#f92672\">=</span><span style=\"color:#ae81ff\">1</span> l"
      "s -la | grep x <span style=\"color:#f92672\">&amp;&amp;</s"
      "pan> echo <span style=\"color:#e6db74\">&#34;hi&#34;</span"
      ">\n"
      "</span></span></code></pre></div>" },
    { "python", 1,
      "python",
      "import os\n"
      "def f(n=1.5):\n"
      "    return n  # c\n",
      "<div class=\"highlight\"><pre tabindex=\"0\" style=\"color:#f"
      "8f8f2;background-color:#272822;-moz-tab-size:4;-o-tab-si"
      "ze:4;tab-size:4;\"><code class=\"language-python\" data-lan"
      "g=\"python\"><span style=\"display:flex;\"><span><span style"
      "=\"color:#f92672\">import</span> os\n"
      "</span></span><span style=\"display:flex;\"><span><span st"
      "yle=\"color:#66d9ef\">def</span> <span style=\"color:#a6e22"
      "e\">f</span>(n<span style=\"color:#f92672\">=</span><span s"
      "tyle=\"color:#ae81ff\">1.5</span>):\n"
      "</span></span><span style=\"display:flex;\"><span>    <spa"
      "n style=\"color:#66d9ef\">return</span> n  <span style=\"co"
      "lor:#75715e\"># c</span>\n"
      "</span></span></code></pre></div>" },
};


static page_arena_t  arena;


static char *
render(const char *info, int no_classes, const char *code, size_t len,
    int ordinal)
{
    size_t             langlen;
    page_buf_t         b;
    const char        *lang;
    page_hl_options_t  o;

    page_hl_options_default(&o);
    o.no_classes = no_classes;
    page_hl_info(&o, info, &lang, &langlen);

    page_buf_init(&b, &arena, 0);
    page_highlight(&b, code, len, lang, langlen, &o, ordinal, NULL);

    return page_buf_cstr(&b);
}


static void
test_cases(void)
{
    char    name[128];
    size_t  i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        snprintf(name, sizeof(name), "%s: as hugo", cases[i].name);
        is_str(render(cases[i].info, cases[i].no_classes, cases[i].code,
                      strlen(cases[i].code), 0),
               cases[i].want, name);
    }
}


/* the highlight function's options: a string or a map */
static void
test_options(void)
{
    page_value_t       *m;
    page_hl_options_t   o;

    page_hl_options_default(&o);
    ok(o.no_classes && o.tab_width == 4 && o.line_no_start == 1
       && o.line_numbers_in_table && !o.line_nos && o.code_fences,
       "defaults: Hugo's markup.highlight");

    page_hl_options_parse(&o, "linenos=inline, hl_lines=1 3-4 ,"
                          "linenostart=5,LineAnchors=x,bad,=1", 64);
    ok(o.line_nos && !o.line_numbers_in_table && o.nhl == 2
       && o.hl[0][0] == 1 && o.hl[0][1] == 1 && o.hl[1][0] == 3
       && o.hl[1][1] == 4 && o.line_no_start == 5 && o.has_anchors
       && strcmp(o.line_anchors, "x") == 0,
       "options string: keys in any case, blanks, junk skipped");

    page_hl_options_parse(&o, "linenos=false,hl_lines=2 x", 26);
    ok(!o.line_nos && o.nhl == 2, "linenos=false; a bad hl_lines is "
       "ignored");

    page_hl_options_default(&o);
    m = page_value_map(&arena);
    page_map_add(&arena, m, "lineNos", 7, page_value_const_bool(1));
    page_map_add(&arena, m, "lineNoStart", 11, page_value_int(&arena, 3));
    page_map_add(&arena, m, "hl_lines", 8,
                 page_value_string(&arena, "3-4", 3));
    page_map_add(&arena, m, "noClasses", 9, page_value_const_bool(0));
    page_hl_options_value(&o, m);
    ok(o.line_nos && o.line_no_start == 3 && o.nhl == 1 && o.hl[0][0] == 3
       && o.hl[0][1] == 4 && !o.no_classes, "options map: typed values");

    ok(page_hl_can("go", 2) && page_hl_can("GoLang", 6)
       && page_hl_can("c++", 3) && page_hl_can("yaml", 4)
       && !page_hl_can("nosuch", 6) && !page_hl_can("", 0)
       && !page_hl_can("go-html-template-and-more-than-32-chars", 39),
       "CanHighlight: Chroma's names and aliases, any case");
}


/* the highlight function and shortcode: no default line anchors */
static void
test_function(void)
{
    size_t             langlen;
    page_buf_t         b;
    const char        *lang;
    page_hl_options_t  o;

    page_hl_options_default(&o);
    page_hl_options_parse(&o, "linenos=inline,anchorlinenos=true", 33);
    page_hl_info(&o, "go", &lang, &langlen);
    page_buf_init(&b, &arena, 0);
    page_highlight(&b, "x", 1, lang, langlen, &o, -1, NULL);

    /* hugo 0.111.3: {{< highlight go "linenos=inline,anchorlinenos=true" >}} */
    is_str(page_buf_cstr(&b),
           "<div class=\"highlight\"><pre tabindex=\"0\" style=\"color:#f8f8f2;"
           "background-color:#272822;-moz-tab-size:4;-o-tab-size:4;"
           "tab-size:4;\"><code class=\"language-go\" data-lang=\"go\"><span "
           "style=\"display:flex;\"><span style=\"white-space:pre;"
           "-webkit-user-select:none;user-select:none;margin-right:0.4em;"
           "padding:0 0.4em 0 0.4em;color:#7f7f7f\" id=\"1\"><a style=\""
           "outline:none;text-decoration:none;color:inherit\" href=\"#1\">1"
           "</a></span><span><span style=\"color:#a6e22e\">x</span></span>"
           "</span></code></pre></div>",
           "function: anchors without a prefix");

    page_buf_init(&b, &arena, 0);
    page_highlight_inner(&b, "x", 1, "go", 2, &o, NULL);
    is_str(page_buf_cstr(&b),
           "<span style=\"display:flex;\"><span style=\"white-space:pre;"
           "-webkit-user-select:none;user-select:none;margin-right:0.4em;"
           "padding:0 0.4em 0 0.4em;color:#7f7f7f\" id=\"1\"><a style=\""
           "outline:none;text-decoration:none;color:inherit\" href=\"#1\">1"
           "</a></span><span><span style=\"color:#a6e22e\">x</span></span>"
           "</span>",
           "inner: the lines without the wrapper");

    page_buf_init(&b, &arena, 0);
    page_highlight_inner(&b, "a<b", 3, "nosuch", 6, &o, NULL);
    is_str(page_buf_cstr(&b), "a&lt;b", "inner of an unknown language");
}


/* the bounds: a block too large is plain, one too costly unstyled */
static void
test_limits(void)
{
    char               *code, *out;
    size_t              n, work, langlen;
    page_buf_t          b;
    const char         *lang;
    page_hl_options_t   o;

    n = PAGE_HL_MAX_CODE + 1;
    code = malloc(n + 1);
    memset(code, 'a', n);
    code[n] = '\0';
    for (size_t i = 60; i < n; i += 61) {
        code[i] = '\n';
    }
    out = render("go", 1, code, n, 0);
    ok(out != NULL && strncmp(out, "<pre tabindex=\"0\"><code class=\""
                              "language-go\" data-lang=\"go\">aaa", 60) == 0,
       "a block past PAGE_HL_MAX_CODE: plain");

    /* 4,300 lines of 60: 51 million units, over the budget */
    out = render("go", 1, code, PAGE_HL_MAX_CODE, 0);
    ok(out != NULL && strncmp(out, "<div class=\"highlight\">", 23) == 0
       && strstr(out, "<span style=\"display:flex;\"><span>aaaa") != NULL
       && strstr(out, "color:#a6e22e") == NULL,
       "a block over PAGE_HL_MAX_WORK: Chroma's markup, unstyled");

    memset(code, 'a', PAGE_HL_MAX_LINE + 1);
    out = render("go", 1, code, PAGE_HL_MAX_LINE + 1, 0);
    ok(out != NULL && strncmp(out, "<div class=\"highlight\">", 23) == 0
       && strstr(out, "color:#a6e22e") == NULL,
       "a line past PAGE_HL_MAX_LINE: unstyled");

    /* a budget shared by the blocks of a render */
    page_hl_options_default(&o);
    page_hl_info(&o, "go", &lang, &langlen);
    work = 2 * (PAGE_HL_COST_LINE + 3 * (PAGE_HL_COST_BASE + 3));
    page_buf_init(&b, &arena, 0);
    page_highlight(&b, "abc\ndef\n", 8, lang, langlen, &o, 0, &work);
    ok(work == 0 && strstr(page_buf_cstr(&b), "color:#a6e22e") != NULL,
       "budget: a block that fits is styled and spends it");
    page_buf_init(&b, &arena, 0);
    page_highlight(&b, "ghi\n", 4, lang, langlen, &o, 1, &work);
    ok(strstr(page_buf_cstr(&b), "color:#a6e22e") == NULL,
       "budget: the next block is unstyled");
    page_buf_init(&b, &arena, 0);
    page_highlight(&b, "abc\ndef\n", 8, lang, langlen, &o, 0, &work);
    ok(strstr(page_buf_cstr(&b), "color:#a6e22e") != NULL,
       "budget: a block from the cache costs nothing");

    /* hostile input: an unterminated comment and string over many lines */
    memset(code, '\n', 20000);
    memcpy(code, "/* \"", 4);
    out = render("c", 1, code, 20000, 0);
    ok(out != NULL && strstr(out, "</code></pre></div>") != NULL,
       "unterminated comment over 20000 lines");

    free(code);
}


/* the process's cache of blocks: same input, same HTML; a new key, new */
static void
test_cache(void)
{
    int      i;
    char    *a, *b, *big;
    size_t   n;

    a = render("go {linenos=inline,anchorlinenos=true}", 1, "x\n", 2, 0);
    b = render("go {linenos=inline,anchorlinenos=true}", 1, "x\n", 2, 0);
    ok(a != NULL && b != NULL && strcmp(a, b) == 0, "cache: same HTML");
    b = render("go {linenos=inline,anchorlinenos=true}", 1, "x\n", 2, 1);
    ok(b != NULL && strstr(b, "id=\"hl-1-1\"") != NULL,
       "cache: the ordinal is part of the key");
    b = render("go {linenos=inline,anchorlinenos=true}", 0, "x\n", 2, 0);
    ok(b != NULL && strstr(b, "class=\"ln\"") != NULL,
       "cache: the options are part of the key");

    /* more than PAGE_HL_CACHE_BYTES of blocks: the cache empties itself */
    n = 64 * 1024;
    big = malloc(n);
    memset(big, 'y', n);
    for (i = 0; (size_t) i < n; i += 64) {
        big[i] = '\n';
    }
    for (i = 0; i < 200; i++) {
        big[1] = (char) ('a' + i % 26);
        big[2] = (char) ('a' + i / 26);
        (void) render("yaml", 1, big, n, 0);
    }
    b = render("go {linenos=inline,anchorlinenos=true}", 1, "x\n", 2, 0);
    ok(b != NULL && strcmp(a, b) == 0, "cache: after it was emptied");
    free(big);
}


int
main(void)
{
    page_arena_init(&arena, 0);

    test_cases();
    test_options();
    test_function();
    test_limits();
    test_cache();

    page_arena_free(&arena);

    return tap_done();
}
