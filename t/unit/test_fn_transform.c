/*
 * test_fn_transform: the transform namespace.  Expected values come from
 * hugo 0.111.3 (the expressions in a site's layouts/index.html), from
 * Hugo's documentation for what 0.111.3 does not have, and from current
 * Hugo's source where it changed (said so at the case).  Outputs are in
 * HTML text, where a string is escaped and HTML is not.
 */

#define _XOPEN_SOURCE  700          /* mkdtemp */

#include <stdlib.h>
#include <sys/stat.h>

#include "fn_render.h"


static void
test_emojify(void)
{
#define EMOJI(in, want)                                                      \
    OUT("[{{ emojify \"" in "\" }}]", "[" want "]", "emojify \"" in "\"")

    EMOJI("I :heart: Hugo", "I \xe2\x9d\xa4\xef\xb8\x8f Hugo");
    EMOJI("a::smile:b", "a:\xf0\x9f\x98\x84" "b");
    EMOJI(":smile: :x: :+1:",
          "\xf0\x9f\x98\x84 \xe2\x9d\x8c \xf0\x9f\x91\x8d");
    EMOJI("no:smile here", "no:smile here");
    EMOJI(":smile", ":smile");
    EMOJI("x :unknown_code: :tada:", "x :unknown_code: \xf0\x9f\x8e\x89");
    EMOJI(":flag-us: :jp:", ":flag-us: \xf0\x9f\x87\xaf\xf0\x9f\x87\xb5");
    EMOJI(":family_man_woman_girl_boy: :smile:",
          "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
          "\xf0\x9f\x91\xa7\xe2\x80\x8d\xf0\x9f\x91\xa6 \xf0\x9f\x98\x84");
    EMOJI("time 10:30 :smile:", "time 10:30 \xf0\x9f\x98\x84");
    EMOJI(":::smile:::", "::\xf0\x9f\x98\x84::");

    /* Hugo's scan skips ahead after a long code made a short emoji */
    EMOJI(":white_check_mark::smile:", "\xe2\x9c\x85:smile:");
    EMOJI(":Christmas_tree::santa:", "\xf0\x9f\x8e\x84:santa:");

    OUT("{{ printf \"%T\" (emojify \"a\") }}|{{ transform.Emojify \"<b>\" }}",
        "template.HTML|<b>", "emojify: HTML, not escaped");
}


static void
test_html(void)
{
#define UNESC(in, want)                                                      \
    OUT("[{{ htmlUnescape \"" in "\" | printf \"%q\" }}]", "[" want "]",     \
        "htmlUnescape \"" in "\"")

    UNESC("&amp;&lt;&gt;&quot;&#39;&#x27;",
          "&#34;&amp;&lt;&gt;\\&#34;&#39;&#39;&#34;");
    UNESC("&notit; &notin; &not",
          "&#34;\xc2\xacit; \xe2\x88\x89 \xc2\xac&#34;");
    UNESC("&#128512; &#x1F600; &#0; &#x80; &#150; &#xD800; &#1114112;",
          "&#34;\xf0\x9f\x98\x80 \xf0\x9f\x98\x80 \xef\xbf\xbd \xe2\x82\xac "
          "\xe2\x80\x93 \xef\xbf\xbd \xef\xbf\xbd&#34;");
    UNESC("&amp &AMP; &copy2 &frac34x &zz; &#; &#x; & x",
          "&#34;&amp; &amp; \xc2\xa9" "2 \xc2\xbex &amp;zz; &amp;#; "
          "\xef\xbf\xbd &amp; x&#34;");
    /* hugo prints U+00A0 as \u00a0 with %q: here printed as it is */
    OUT("[{{ htmlUnescape \"&NotEqualTilde; &nbsp;|\" }}]",
        "[\xe2\x89\x82\xcc\xb8 \xc2\xa0|]", "htmlUnescape: two characters");
    UNESC("&Aacute &aacute;", "&#34;\xc3\x81 \xc3\xa1&#34;");
    UNESC("a&b", "&#34;a&amp;b&#34;");
    UNESC("&lt", "&#34;&lt;&#34;");

    OUT("[{{ htmlEscape \"<a href=\\\"x\\\">O'R & co</a>\" | printf \"%q\" }}]",
        "[&#34;&amp;lt;a href=&amp;#34;x&amp;#34;&amp;gt;O&amp;#39;R "
        "&amp;amp; co&amp;lt;/a&amp;gt;&#34;]", "htmlEscape: Go's five");
    OUT("{{ printf \"%T\" (htmlEscape \"a\") }}|"
        "{{ printf \"%T\" (transform.HTMLUnescape \"a\") }}|"
        "{{ transform.HTMLEscape \"<\" | safeHTML }}",
        "string|string|&lt;", "htmlEscape, htmlUnescape: strings");
}


static void
test_xml_plain(void)
{
    /* the documentation (0.111.3 has no XMLEscape) */
    OUT("{{ transform.XMLEscape \"<p>abc</p>\" | safeHTML }}",
        "&lt;p&gt;abc&lt;/p&gt;", "XMLEscape: the documentation's case");
    /* Go's xml.EscapeText, after the characters XML forbids are gone */
    OUT("{{ transform.XMLEscape \"a\\tb\\nc\\rd\\x01e\\\"'&\" | safeHTML }}",
        "a&#x9;b&#xA;c&#xD;de&#34;&#39;&amp;", "XMLEscape: controls");
    OUT("{{ transform.XMLEscape \"\\xff\" | safeHTML }}", "\xef\xbf\xbd",
        "XMLEscape: a malformed byte is U+FFFD");

    OUT("{{ \"<b>BatMan</b>\" | plainify }}", "BatMan",
        "plainify: the documentation's case");
    /* current Hugo: template.HTML (0.111.3: a string, escaped again) */
    OUT("[{{ plainify \"<p>a &amp; b</p>\" }}]|"
        "{{ printf \"%T\" (plainify \"x\") }}",
        "[a &amp; b\n]|template.HTML", "plainify: HTML (current Hugo)");
}


/* expected output from hugo 0.111.3's highlight (Chroma, monokai) */
#define HL_PRE                                                               \
    "<div class=\"highlight\"><pre tabindex=\"0\" style=\"color:#f8f8f2;"     \
    "background-color:#272822;-moz-tab-size:4;-o-tab-size:4;tab-size:4;\">"

static void
test_highlight(void)
{
    OUT("{{ transform.CanHighlight \"go\" }}|"
        "{{ transform.CanHighlight \"GoLang\" }}|"
        "{{ transform.CanHighlight \"klingon\" }}|"
        "{{ transform.CanHighlight \"\" }}", "true|true|false|false",
        "CanHighlight: Chroma's names, any case");

    OUT("{{ $r := transform.HighlightCodeBlock (dict \"Inner\" \"x\" "
        "\"Type\" \"go\") }}{{ $r.Wrapped }}|{{ $r.Inner }}",
        HL_PRE "<code class=\"language-go\" data-lang=\"go\"><span "
        "style=\"display:flex;\"><span><span style=\"color:#a6e22e\">x"
        "</span></span></span></code></pre></div>|<span "
        "style=\"display:flex;\"><span><span style=\"color:#a6e22e\">x"
        "</span></span></span>",
        "HighlightCodeBlock: Wrapped and Inner");
    OUT("{{ $r := transform.HighlightCodeBlock (dict \"Inner\" \"a\" "
        "\"Type\" \"go\") (dict \"code\" \"b&\" \"type\" \"text\") }}"
        "{{ $r.Wrapped }}",
        HL_PRE "<code class=\"language-text\" data-lang=\"text\"><span "
        "style=\"display:flex;\"><span>b&amp;</span></span></code></pre>"
        "</div>",
        "HighlightCodeBlock: the options' code and type (documentation)");
    FAILS("{{ transform.HighlightCodeBlock \"x\" }}",
          "transform.HighlightCodeBlock: want a code block render hook's "
          "context", "HighlightCodeBlock: not a context");
    OUT("{{ highlight \"x := 1\\n\" \"go\" \"\" }}",
        HL_PRE "<code class=\"language-go\" data-lang=\"go\"><span "
        "style=\"display:flex;\"><span><span style=\"color:#a6e22e\">x"
        "</span> <span style=\"color:#f92672\">:=</span> <span "
        "style=\"color:#ae81ff\">1</span>\n</span></span></code></pre></div>",
        "highlight: coloured");
    OUT("{{ highlight \"x\" \"go\" \"noClasses=false,linenos=inline,"
        "hl_lines=1\" }}",
        "<div class=\"highlight\"><pre tabindex=\"0\" class=\"chroma\">"
        "<code class=\"language-go\" data-lang=\"go\"><span class=\"line "
        "hl\"><span class=\"ln\">1</span><span class=\"cl\"><span "
        "class=\"nx\">x</span></span></span></code></pre></div>",
        "highlight: options string, classes");
    OUT("{{ highlight \"a<b\" \"nosuch\" \"\" }}|{{ highlight \"x\" \"\" \"\" }}",
        "<pre tabindex=\"0\"><code class=\"language-nosuch\" "
        "data-lang=\"nosuch\">a&lt;b</code></pre>|<pre tabindex=\"0\">"
        "<code>x</code></pre>",
        "highlight: unknown language and none, plain");
}


static void
test_unavailable(void)
{
    FAILS("{{ transform.HTMLToMarkdown \"<b>x</b>\" }}",
          "transform.HTMLToMarkdown: ", "HTMLToMarkdown: one clear line");
    FAILS("{{ transform.ToMath \"x^2\" }}", "transform.ToMath: ",
          "ToMath: one clear line");
    FAILS("{{ transform.ToMath }}", "must provide at least one argument",
          "ToMath: Hugo's error without an argument");
    FAILS("{{ transform.PortableText (slice) }}", "transform.PortableText: ",
          "PortableText: one clear line");
}


static void
test_unmarshal(void)
{
    OUT("{{ $j := unmarshal `{\"Title\": \"x\", \"n\": 1, \"list\": [1, \"a\", "
        "true, null], \"nested\": {\"K\": 2.5}, \"u\": "
        "\"\\u00e9\\ud83d\\ude00\"}` }}[{{ $j }}][{{ $j.Title }}]"
        "[{{ printf \"%T\" $j.n }}][{{ index $j \"Title\" }}]",
        "[map[Title:x list:[1 a true &lt;nil&gt;] n:1 nested:map[K:2.5] "
        "u:\xc3\xa9\xf0\x9f\x98\x80]][x][float64][x]",
        "unmarshal: JSON, keys as written, numbers float64");

    /*
     * YAML 1.2 as current Hugo (0.111.3's YAML 1.1 read the key n as
     * false); a date is a time as in front matter
     */
    OUT("{{ $y := unmarshal \"Title: x\\nn: 1\\nf: 1.5\\nb: true\\n"
        "l: [a, 1]\\nm:\\n  K: v\\nq: '1'\\nnul: ~\\n\" }}[{{ $y }}]",
        "[map[Title:x b:true f:1.5 l:[a 1] m:map[K:v] n:1 "
        "nul:&lt;nil&gt; q:1]]", "unmarshal: YAML");
    OUT("{{ $t := unmarshal \"Title = 'x'\\nn = 1\\n[tab]\\nK = 2\" }}"
        "[{{ $t }}]", "[map[Title:x n:1 tab:map[K:2]]]", "unmarshal: TOML");
    OUT("{{ $c := unmarshal \"a,b\\n1,\\\"2,3\\\"\\n4,5\" }}[{{ $c }}]",
        "[[[a b] [1 2,3] [4 5]]]", "unmarshal: CSV as a slice of rows");
    OUT("{{ $c := unmarshal (dict \"delimiter\" \";\" \"comment\" \"#\") "
        "\"# c\\na;b\\n1;2\" }}[{{ $c }}]", "[[[a b] [1 2]]]",
        "unmarshal: CSV options");

    /* current Hugo (0.111.3 had no targetType, no format option) */
    OUT("{{ unmarshal (dict \"targetType\" \"map\") "
        "\"a,b\\n1,\\\"2,3\\\"\\n4,5\" }}",
        "[map[a:1 b:2,3] map[a:4 b:5]]", "unmarshal: CSV to maps");
    OUT("{{ unmarshal (dict \"format\" \"yaml\") \"- a\\n- b\" }}", "[a b]",
        "unmarshal: the format option");
    OUT("[{{ unmarshal \"   \" }}]", "[]",
        "unmarshal: blank text is nil (current Hugo)");

    FAILS("{{ unmarshal \"just words\" }}", "unknown format",
          "unmarshal: no format");
    /* hugo says _stream.json:1:1 whatever the offset: we give it */
    FAILS("{{ unmarshal `{\"a\": }` }}",
          "\"_stream.json:1:7\": unmarshal failed: invalid character '}' "
          "looking for beginning of value", "unmarshal: bad JSON");
    FAILS("{{ unmarshal `{\"a\": 1` }}",
          "unmarshal failed: unexpected end of JSON input",
          "unmarshal: JSON cut short");
    FAILS("{{ unmarshal \"a: [1\" }}",
          "\"_stream.yaml:2:1\": ", "unmarshal: bad YAML, with its position "
          "(hugo: 1:1)");
    FAILS("{{ unmarshal \"a: [1\" }}",
          "failed to unmarshal YAML: yaml: line 1: did not find expected "
          "',' or ']'", "unmarshal: bad YAML, libyaml's words");
    FAILS("{{ unmarshal \"a,b\\n1\" }}",
          "record on line 2: wrong number of fields",
          "unmarshal: CSV rows of different lengths");
    FAILS("{{ unmarshal (dict \"targetType\" \"x\") \"a,b\" }}",
          "invalid targetType: expected either slice or map, received x",
          "unmarshal: a bad targetType");
    FAILS("{{ unmarshal \"a\" \"b\" }}", "first argument must be a map",
          "unmarshal: options not a map");
    /* XML: hugo 0.111.3 prints the same (its mxj's shape) */
    OUT("{{ unmarshal \"<root><a>1</a><b x=\\\"y\\\">t</b></root>\" }}",
        "map[a:1 b:map[#text:t -x:y]]", "unmarshal: XML");
    OUT("{{ $d := unmarshal `<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" "
        "xmlns:isbn=\"http://schemas.isbn.org/ns/1999/basic.dtd\">\n"
        "  <channel>\n    <title>Books</title>\n"
        "    <atom:link href=\"https://example.org/books/index.xml\" "
        "rel=\"self\" />\n    <link>https://example.org/books/</link>\n"
        "    <item>\n      <title lang=\"en\">The Hunchback &amp; Notre "
        "Dame</title>\n      <isbn:number>9780140443530</isbn:number>\n"
        "    </item>\n    <item>\n      <title lang=\"fr\">Les "
        "Mis\xc3\xa9rables</title>\n"
        "      <isbn:number>9780451419439</isbn:number>\n      <empty/>\n"
        "      <cd><![CDATA[a <b> c]]></cd>\n    </item>\n  </channel>\n"
        "</rss>` }}[{{ $d }}]\n{{ range $d.channel.item }}"
        "[{{ index .title \"#text\" }} ({{ index .title \"-lang\" }}) "
        "{{ .number }}]{{ end }}",
        "[map[-atom:http://www.w3.org/2005/Atom "
        "-isbn:http://schemas.isbn.org/ns/1999/basic.dtd -version:2.0 "
        "channel:map[item:[map[number:9780140443530 title:map[#text:The "
        "Hunchback &amp; Notre Dame -lang:en]] map[cd:a &lt;b&gt; c empty: "
        "number:9780451419439 title:map[#text:Les Mis\xc3\xa9rables "
        "-lang:fr]]] link:[map[-href:https://example.org/books/index.xml "
        "-rel:self] https://example.org/books/] title:Books]]]\n"
        "[The Hunchback &amp; Notre Dame (en) 9780140443530]"
        "[Les Mis\xc3\xa9rables (fr) 9780451419439]",
        "unmarshal: XML, the documentation's feed");
    /* current Hugo's check (0.111.3 failed on a Go type assertion) */
    FAILS("{{ unmarshal \"<a>x</a>\" }}",
          "\"_stream.xml:1:1\": XML root element 'a' must be a map/object, "
          "got string", "unmarshal: an XML root without children");
    /* no external entity is read, no entity bomb expanded */
    OUT("{{ unmarshal `<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        "<a><b>&x;</b><c>k</c></a>` }}", "map[b: c:k]",
        "unmarshal: XML's external entities are not loaded");
    FAILS("{{ unmarshal `<!DOCTYPE a [<!ENTITY l0 \"ha\">"
          "<!ENTITY l1 \"&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;\">"
          "<!ENTITY l2 \"&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;\">"
          "<!ENTITY l3 \"&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;\">"
          "<!ENTITY l4 \"&l3;&l3;&l3;&l3;&l3;&l3;&l3;&l3;&l3;&l3;\">"
          "<!ENTITY l5 \"&l4;&l4;&l4;&l4;&l4;&l4;&l4;&l4;&l4;&l4;\">"
          "<!ENTITY l6 \"&l5;&l5;&l5;&l5;&l5;&l5;&l5;&l5;&l5;&l5;\">"
          "<!ENTITY l7 \"&l6;&l6;&l6;&l6;&l6;&l6;&l6;&l6;&l6;&l6;\">"
          "<!ENTITY l8 \"&l7;&l7;&l7;&l7;&l7;&l7;&l7;&l7;&l7;&l7;\">"
          "<!ENTITY l9 \"&l8;&l8;&l8;&l8;&l8;&l8;&l8;&l8;&l8;&l8;\">]>"
          "<a><b>&l9;</b><c>k</c></a>` }}", "unmarshal failed: ",
          "unmarshal: an XML entity bomb fails");
    FAILS("{{ unmarshal \"<a><b>x</a>\" }}",
          "\"_stream.xml:1:", "unmarshal: bad XML, with its position");

    /* Remarshal: Go's json.MarshalIndent with three spaces */
    OUT("{{ transform.Remarshal \"json\" \"title: x\\nn: 1\\nl: [1, 2]\\n"
        "m: {a: b}\" }}",
        "{\n   &#34;l&#34;: [\n      1,\n      2\n   ],\n   &#34;m&#34;: {\n"
        "      &#34;a&#34;: &#34;b&#34;\n   },\n   &#34;n&#34;: 1,\n"
        "   &#34;title&#34;: &#34;x&#34;\n}\n", "Remarshal: to JSON");
    /*
     * YAML and TOML, as hugo 0.111.3 wrote this document, but quoting
     * with single quotes as current Hugo asks its YAML encoder to
     * (UseSingleQuote; 0.111.3's yaml.v2 used double quotes)
     */
    OUT("{{ $in := `{\"title\": \"Hello: world\", \"n\": 1, \"f\": 1.5, "
        "\"t\": true, \"e\": \"\", \"s\": \"plain\", \"num\": \"123\", "
        "\"tr\": \"true\", \"items\": [{\"name\": \"one\", \"v\": 1}, "
        "{\"name\": \"two\"}], \"list\": [\"a\", \"b c\"], \"m\": "
        "{\"k\": \"v\", \"deep\": {\"x\": 2}}, \"q\": \"it's\", "
        "\"nl\": \"a\\nb\", \"null\": null, \"emptylist\": [], "
        "\"emptymap\": {}}` }}"
        "[{{ transform.Remarshal \"yaml\" $in | safeHTML }}]"
        "[{{ transform.Remarshal \"toml\" $in | safeHTML }}]",
        "[e: ''\nemptylist: []\nemptymap: {}\nf: 1.5\nitems:\n- name: one\n"
        "  v: 1\n- name: two\nlist:\n- a\n- b c\nm:\n  deep:\n    x: 2\n"
        "  k: v\n'n': 1\nnl: |-\n  a\n  b\n'null': null\nnum: '123'\n"
        "q: it's\ns: plain\nt: true\ntitle: 'Hello: world'\ntr: 'true'\n]"
        "[e = ''\nemptylist = []\nf = 1.5\nlist = ['a', 'b c']\nn = 1\n"
        "nl = \"a\\nb\"\nnum = '123'\nq = \"it's\"\ns = 'plain'\nt = true\n"
        "title = 'Hello: world'\ntr = 'true'\n\n[emptymap]\n\n[[items]]\n"
        "name = 'one'\nv = 1.0\n\n[[items]]\nname = 'two'\n\n[m]\n"
        "  k = 'v'\n\n  [m.deep]\n    x = 2\n]",
        "Remarshal: to YAML and TOML");

    FAILS("{{ transform.Remarshal \"xx\" \"a: 1\" }}",
          "failed to detect target data serialization format",
          "Remarshal: a bad format");
}


/* A resource's content (resources.Get from an assets directory). */
static void
test_unmarshal_resource(void)
{
    char         dir[64], data[128], p[256], cmd[128];
    const char  *assets[1];
    FILE        *f;

    strcpy(dir, "/tmp/test_fn_transform.XXXXXX");
    if (mkdtemp(dir) == NULL) {
        perror("mkdtemp");
        return;
    }
    snprintf(data, sizeof(data), "%s/data", dir);
    mkdir(data, 0755);

    snprintf(p, sizeof(p), "%s/books.json", data);
    if ((f = fopen(p, "w")) != NULL) {
        fputs("[{\"title\": \"Les Mis\xc3\xa9rables\", \"author\": "
              "\"Victor Hugo\"}, {\"title\": \"X\", \"author\": \"Y\"}]",
              f);
        fclose(f);
    }
    snprintf(p, sizeof(p), "%s/t.csv", data);
    if ((f = fopen(p, "w")) != NULL) {
        fputs("a;b\n1;2\n", f);
        fclose(f);
    }
    snprintf(p, sizeof(p), "%s/t.txt", data);
    if ((f = fopen(p, "w")) != NULL) {
        fputs("k: v\n", f);
        fclose(f);
    }

    assets[0] = dir;
    fn_opt.assets = assets;
    fn_opt.nassets = 1;
    fn_opt.workdir = dir;

    /* the documentation's global resource example */
    OUT("{{ $data := dict }}{{ with resources.Get \"data/books.json\" }}"
        "{{ with . | transform.Unmarshal }}{{ $data = . }}{{ end }}{{ end }}"
        "{{ range where $data \"author\" \"Victor Hugo\" }}{{ .title }}"
        "{{ end }}", "Les Mis\xc3\xa9rables",
        "unmarshal: a resource's JSON");
    OUT("{{ unmarshal (dict \"delimiter\" \";\") "
        "(resources.Get \"data/t.csv\") }}", "[[a b] [1 2]]",
        "unmarshal: a CSV resource with options");
    OUT("{{ unmarshal (dict \"format\" \"yaml\") "
        "(resources.Get \"data/t.txt\") }}", "map[k:v]",
        "unmarshal: the format option for a resource (current Hugo)");
    FAILS("{{ unmarshal (resources.Get \"data/t.txt\") }}",
          "MIME \"text/plain\" not supported",
          "unmarshal: a resource of another type");

    fn_opt.assets = NULL;
    fn_opt.nassets = 0;
    fn_opt.workdir = NULL;

    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    if (system(cmd) != 0) {
        perror("rm");
    }
}


int
main(void)
{
    page_options_init(&fn_opt);

    test_emojify();
    test_html();
    test_xml_plain();
    test_highlight();
    test_unavailable();
    test_unmarshal();
    test_unmarshal_resource();

    fn_reset();
    page_exit();

    return tap_done();
}
