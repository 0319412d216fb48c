/*
 * test_fn_urls: the urls namespace.  Expected values come from hugo
 * 0.111.3 (a site with baseURL "https://example.org/docs/", the same
 * expressions in layouts/index.html), from Hugo's documentation for what
 * 0.111.3 does not have (urls.JoinPath, urls.PathEscape,
 * urls.PathUnescape), and from current Hugo's source where it changed
 * (said so at the case).  Outputs are in HTML text, escaped as Hugo
 * escapes strings there.
 */

#include "fn_render.h"


static void
test_abs_rel(void)
{
    fn_opt.base_url = "https://example.org/docs/";

#define ABSREL(in, abs, rel)                                                 \
    OUT("{{ absURL \"" in "\" }}|{{ relURL \"" in "\" }}|"                   \
        "{{ absLangURL \"" in "\" }}|{{ relLangURL \"" in "\" }}",            \
        abs "|" rel "|" abs "|" rel, "absURL, relURL: \"" in "\"")

    ABSREL("", "https://example.org/docs/", "/docs/");
    ABSREL("a", "https://example.org/docs/a", "/docs/a");
    ABSREL("/a", "https://example.org/a", "/a");
    ABSREL("a/", "https://example.org/docs/a/", "/docs/a/");
    ABSREL("/", "https://example.org/", "/");
    ABSREL("http://x.org/y", "http://x.org/y", "http://x.org/y");
    ABSREL("//x.org/y", "//x.org/y", "//x.org/y");
    ABSREL("a b", "https://example.org/docs/a%20b", "/docs/a b");
    ABSREL("../a", "https://example.org/a", "/a");
    ABSREL("docs/a", "https://example.org/docs/docs/a", "/docs/docs/a");
    ABSREL("/docs/a", "https://example.org/docs/a", "/docs/a");
    ABSREL("https://example.org/docs/a", "https://example.org/docs/a",
           "/docs/a");
    ABSREL("https://example.org/a", "https://example.org/a",
           "https://example.org/a");
    ABSREL("\xc3\xa9/\xc3\xbc", "https://example.org/docs/%C3%A9/%C3%BC",
           "/docs/\xc3\xa9/\xc3\xbc");
    ABSREL("a%20b", "https://example.org/docs/a%20b", "/docs/a%20b");

    /* Hugo's documentation (relURL's page) */
    OUT("{{ relURL \"https://example.org/docs/\" }}|"
        "{{ relURL \"https://example.org/docs\" }}|"
        "{{ relURL \"https://www.example.org/\" }}",
        "/docs|https://example.org/docs|https://www.example.org/",
        "relURL: the base URL itself (documentation)");

    /*
     * current Hugo: absURL keeps the query and the fragment
     * (paths.MakePermalink), relURL leaves a URL with any scheme alone
     * (IsAbsURL), and both return strings, escaped in HTML text; 0.111.3
     * dropped them, prefixed "mailto:..." and returned HTML
     */
    OUT("{{ absURL \"a?b=c&d=e#f\" }}|{{ relURL \"a?b=c&d=e#f\" }}",
        "https://example.org/docs/a?b=c&amp;d=e#f|/docs/a?b=c&amp;d=e#f",
        "absURL, relURL: query and fragment (current Hugo)");
    OUT("{{ absURL \"#frag\" }}|{{ relURL \"#frag\" }}",
        "https://example.org/docs#frag|/docs/#frag",
        "absURL, relURL: a fragment alone (current Hugo)");
    OUT("{{ absURL \"mailto:a@b\" }}|{{ relURL \"mailto:a@b\" }}|"
        "{{ relURL \"tel:123\" }}",
        "mailto:a@b|mailto:a@b|tel:123",
        "absURL, relURL: other schemes (current Hugo)");
    OUT("<a href=\"{{ absURL \"a b\" }}\">",
        "<a href=\"https://example.org/docs/a%20b\">",
        "absURL: in an attribute");

    fn_opt.base_url = "https://example.org/";
    OUT("{{ absURL \"\" }}|{{ absURL \"articles\" }}|{{ relURL \"\" }}|"
        "{{ relURL \"style.css\" }}|{{ relURL \"https://example.org\" }}|"
        "{{ relURL \"https://example.org/\" }}",
        "https://example.org/|https://example.org/articles|/|/style.css|"
        "https://example.org|/", "absURL, relURL: a root base URL");
    fn_opt.base_url = NULL;
}


static void
test_urlize_anchorize(void)
{
#define URLIZE(in, u, a)                                                     \
    OUT("{{ urlize \"" in "\" }}|{{ anchorize \"" in "\" }}", u "|" a,       \
        "urlize, anchorize: \"" in "\"")

    URLIZE("Vim (text editor)", "vim-text-editor", "vim-text-editor");
    URLIZE("Hello World", "hello-world", "hello-world");
    URLIZE("a/b c", "a/b-c", "ab-c");
    URLIZE("\xc3\x9cn\xc3\xaf\x63\xc3\xb6\x64\xc3\xa9 Stra\xc3\x9f\x65",
           "%C3%BCn%C3%AFc%C3%B6d%C3%A9-stra%C3%9Fe",
           "\xc3\xbcn\xc3\xaf\x63\xc3\xb6\x64\xc3\xa9-stra\xc3\x9f\x65");
    URLIZE("a&b", "ab", "ab");
    URLIZE("a--b", "a--b", "a--b");
    URLIZE("  x  ", "x", "x");
    URLIZE("A.B_c", "a.b_c", "ab_c");
    URLIZE("100%", "100", "100");
    URLIZE("a#b?c", "a#bc", "abc");
    URLIZE("\xc4\x80\xc4\x92", "%C4%81%C4%93", "\xc4\x81\xc4\x93");
    URLIZE("a+b", "a&#43;b", "ab");
    URLIZE("emoji \xf0\x9f\x98\x80 x", "emoji-x", "emoji--x");

    OUT("{{ anchorize \"This is a test\" }}|{{ anchorize \"Hello, World!\" }}"
        "|{{ urls.Anchorize \"  lead\" }}|{{ anchorize \"a_b-c\" }}|"
        "{{ anchorize \"x.y\" }}|{{ anchorize \"<b>x</b>\" }}|"
        "{{ anchorize \"tab\tx\" }}|{{ urls.URLize \"a---b\" }}",
        "this-is-a-test|hello-world|lead|a_b-c|xy|bxb|tabx|a---b",
        "anchorize: punctuation, tabs and tags");
}


static void
test_parse(void)
{
#define PARSE(in, want)                                                      \
    OUT("{{ with urls.Parse \"" in "\" }}[{{ .Scheme }}|{{ .Opaque }}|"      \
        "{{ .User }}|{{ .Host }}|{{ .Path }}|{{ .RawPath }}|{{ .RawQuery }}|" \
        "{{ .Fragment }}|{{ .ForceQuery }}|{{ .Query }}|{{ .Hostname }}|"    \
        "{{ .Port }}|{{ .IsAbs }}|{{ .String }}|{{ .EscapedPath }}|"         \
        "{{ .RequestURI }}]{{ end }}", want, "urls.Parse \"" in "\"")

    PARSE("https://user:pw@Example.org:8080/a%20b/c?x=1&y=2&x=3#frag%21",
          "[https||user:pw|Example.org:8080|/a b/c||x=1&amp;y=2&amp;x=3|"
          "frag!|false|map[x:[1 3] y:[2]]|Example.org|8080|true|"
          "https://user:pw@Example.org:8080/a%20b/c?x=1&amp;y=2&amp;x=3"
          "#frag%21|/a%20b/c|/a%20b/c?x=1&amp;y=2&amp;x=3]");
    PARSE("mailto:a@b.c",
          "[mailto|a@b.c|||||||false|map[]|||true|mailto:a@b.c||a@b.c]");
    PARSE("/a/b?q",
          "[||||/a/b||q||false|map[q:[]]|||false|/a/b?q|/a/b|/a/b?q]");
    PARSE("//h/p", "[|||h|/p||||false|map[]|h||false|//h/p|/p|/p]");
    PARSE("a b", "[||||a b|a b|||false|map[]|||false|a%20b|a%20b|a%20b]");
    PARSE("http://[::1]:80/x",
          "[http|||[::1]:80|/x||||false|map[]|::1|80|true|"
          "http://[::1]:80/x|/x|/x]");
    PARSE("HTTP://x.org",
          "[http|||x.org|||||false|map[]|x.org||true|http://x.org||/]");
    PARSE("?", "[||||||||true|map[]|||false|?||/?]");
    PARSE("#f", "[|||||||f|false|map[]|||false|#f||/]");
    PARSE("/a%2Fb", "[||||/a/b|/a%2Fb|||false|map[]|||false|/a%2Fb|/a%2Fb|"
          "/a%2Fb]");
    PARSE("http://h/\xc3\xa9 \xc3\xbc",
          "[http|||h|/\xc3\xa9 \xc3\xbc|/\xc3\xa9 \xc3\xbc|||false|map[]|h||"
          "true|http://h/%C3%A9%20%C3%BC|/%C3%A9%20%C3%BC|"
          "/%C3%A9%20%C3%BC]");

    FAILS("{{ urls.Parse \"%zz\" }}",
          "parse \"%zz\": invalid URL escape \"%zz\"",
          "urls.Parse: bad escape");
    FAILS("{{ urls.Parse \":x\" }}",
          "parse \":x\": missing protocol scheme", "urls.Parse: no scheme");
    FAILS("{{ urls.Parse \"1a:b\" }}",
          "parse \"1a:b\": first path segment in URL cannot contain colon",
          "urls.Parse: a colon in the first segment");
    FAILS("{{ urls.Parse \"http://h:x/\" }}",
          "parse \"http://h:x/\": invalid port \":x\" after host",
          "urls.Parse: a bad port");
    OUT("{{ (urls.Parse \"a:b:c/d\").String }}", "a:b:c/d",
        "urls.Parse: an opaque URL");
}


static void
test_joinpath_escape(void)
{
    /* Hugo's documentation (0.111.3 has neither) */
    OUT("[{{ urls.JoinPath }}]|{{ urls.JoinPath \"\" }}|"
        "{{ urls.JoinPath \"a\" }}|{{ urls.JoinPath \"a\" \"b\" }}|"
        "{{ urls.JoinPath \"/a\" \"b\" }}|"
        "{{ urls.JoinPath \"https://example.org\" \"b\" }}|"
        "{{ urls.JoinPath (slice \"a\" \"b\") }}",
        "[]|/|a|a/b|/a/b|https://example.org/b|a/b",
        "urls.JoinPath: the documentation's cases");
    /* Go's url.JoinPath: cleaned, no .. above a relative start */
    OUT("{{ urls.JoinPath \"https://h/a/\" \"../b/\" \"./c\" }}|"
        "{{ urls.JoinPath \"a\" \"../../b\" }}|"
        "{{ urls.JoinPath \"x\" \"y/\" }}|{{ urls.JoinPath \"//h\" \"p q\" }}",
        "https://h/b/c|b|x/y/|//h/p%20q", "urls.JoinPath: Go's rules");
    FAILS("{{ urls.JoinPath \"%zz\" }}", "invalid URL escape",
          "urls.JoinPath: a bad first element");

    OUT("{{ urls.PathEscape \"my caf\xc3\xa9\" }}|"
        "{{ urls.PathEscape \"a/b?c;d,e:f@g&h=i+j$\" }}",
        "my%20caf%C3%A9|a%2Fb%3Fc%3Bd%2Ce:f@g&amp;h=i&#43;j$",
        "urls.PathEscape: a path segment");
    OUT("{{ urls.PathUnescape \"A%2Fb%2Fc%3Fd=%C3%A9&f=g+h\" }}",
        "A/b/c?d=\xc3\xa9&amp;f=g&#43;h", "urls.PathUnescape: the docs' case");
    FAILS("{{ urls.PathUnescape \"a%2\" }}", "invalid URL escape \"%2\"",
          "urls.PathUnescape: a cut escape");
}


/*
 * urls.Ref and urls.RelRef are ref and relref (page_data.c) under
 * Hugo's namespaced names: the same answers, the same errors.
 */
static void
test_ref(void)
{
    OUT("{{ eq (urls.Ref . \"a.md\") (ref . \"a.md\") }}|"
        "{{ eq (urls.RelRef . \"a.md\") (relref . \"a.md\") }}",
        "true|true", "urls.Ref, urls.RelRef: ref and relref");
    FAILS("{{ urls.RelRef . \"../x.md\" }}", "Ref \"../x.md\"",
          "urls.RelRef: relref's errors");
}


int
main(void)
{
    page_options_init(&fn_opt);

    test_abs_rel();
    test_urlize_anchorize();
    test_parse();
    test_joinpath_escape();
    test_ref();

    fn_reset();
    page_exit();

    return tap_done();
}
