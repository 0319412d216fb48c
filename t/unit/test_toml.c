/*
 * test_toml: TOML front matter (+++) and its errors, through
 * page_render().  Expected values come from hugo 0.111.3 rendering the
 * same page (content/a.md) with the same layout (layouts/_default/
 * single.html); errors name the file, line and column as Hugo's do,
 * their wording after "unmarshal failed: toml: " is tomlplusplus's.
 */

#include "fn_render.h"

static const char  page[] =
    "+++\n"
    "title = \"TOML page\"\n"
    "date = 2023-01-02T03:04:05+02:00\n"
    "lastmod = 2023-01-03\n"
    "publishDate = 2023-01-01T10:20:30\n"
    "Draft = false\n"
    "tags = [\"a\", \"b\"]\n"
    "n = 42\n"
    "f = 3.5\n"
    "big = 1_000_000\n"
    "hex = 0xff\n"
    "inf = inf\n"
    "bool = true\n"
    "lt = 07:32:00\n"
    "ldt = 1979-05-27T07:32:00.999\n"
    "CamelKey = \"v\"\n"
    "multi = \"\"\"\n"
    "line one\n"
    "line two\\\n"
    " joined\"\"\"\n"
    "lit = 'C:\\path'\n"
    "mlit = '''\n"
    "raw \\n text'''\n"
    "inline = { x = 1, Y = \"two\", nested = { z = [1, 2] } }\n"
    "mixed = [1, \"a\", 2.5]\n"
    "\"quoted key\" = \"q\"\n"
    "a.b.c = \"dotted\"\n"
    "[[items]]\n"
    "name = \"one\"\n"
    "[[items]]\n"
    "name = \"two\"\n"
    "[params]\n"
    "Color = \"red\"\n"
    "+++\n"
    "body\n";


static void
test_front(void)
{
    fn_src = page;

    OUT("{{ .Title }}|{{ .Date }}|{{ .Lastmod }}|{{ .PublishDate }}|"
        "{{ .Draft }}",
        "TOML page|2023-01-02 03:04:05 &#43;0200 &#43;0200|"
        "2023-01-03 00:00:00 &#43;0000 UTC|"
        "2023-01-01 10:20:30 &#43;0000 UTC|false",
        "TOML: title and the dates Hugo reads");

    OUT("{{ range $k, $v := .Params }}{{ if ne $k \"iscjklanguage\" }}"
        "{{ $k }}={{ $v }}\n{{ end }}{{ end }}",
        "a=map[b:map[c:dotted]]\n"
        "big=1000000\n"
        "bool=true\n"
        "camelkey=v\n"
        "date=2023-01-02 03:04:05 &#43;0200 &#43;0200\n"
        "draft=false\n"
        "f=3.5\n"
        "hex=255\n"
        "inf=&#43;Inf\n"
        "inline=map[nested:map[z:[1 2]] x:1 y:two]\n"
        "items=[map[name:one] map[name:two]]\n"
        "lastmod=2023-01-03 00:00:00 &#43;0000 UTC\n"
        "ldt=1979-05-27T07:32:00.999\n"
        "lit=C:\\path\n"
        "lt=07:32:00\n"
        "mixed=[1 a 2.5]\n"
        "mlit=raw \\n text\n"
        "multi=line one\nline twojoined\n"
        "n=42\n"
        "params=map[color:red]\n"
        "publishdate=2023-01-01 10:20:30 &#43;0000 UTC\n"
        "quoted key=q\n"
        "tags=[a b]\n"
        "title=TOML page\n",
        "TOML: every value as Hugo prints it, keys lower-cased");

    OUT("{{ range .Params.items }}[{{ .name }}]{{ end }}|"
        "{{ .Params.params.color }}|{{ .Params.inline.nested.z }}|"
        "{{ index .Params \"quoted key\" }}|{{ .Params.a.b.c }}|"
        "{{ add .Params.n 1 }}|{{ add .Params.f 1 }}",
        "[one][two]|red|[1 2]|q|dotted|43|4.5",
        "TOML: arrays of tables, inline tables, dotted and quoted keys");

    fn_src = "\n\n+++\ntitle = \"late\"\n+++\n# Body\n";
    OUT("{{ .Title }}|{{ .Content }}", "late|<h1 id=\"body\">Body</h1>\n",
        "TOML: after blank lines, body after the closing line");
}


static void
test_errors(void)
{
#define TOML_FAILS(fm, want, name)                                           \
    do {                                                                     \
        fn_src = "+++\n" fm "\n+++\nbody\n";                                 \
        FAILS("{{ .Title }}", want, name);                                   \
    } while (0)

    /* hugo 0.111.3 puts these at the same line and column */
    TOML_FAILS("title = \"a\"\nx = ", "a.md:3:5: unmarshal failed: toml: ",
               "TOML error: a missing value");
    TOML_FAILS("x = \"abc", "a.md:2:9: unmarshal failed: toml: ",
               "TOML error: an unclosed string");
    TOML_FAILS("x = 1\n[t]\ny = 2\n[t]\nz = 3",
               "a.md:5:1: unmarshal failed: toml: ",
               "TOML error: a table defined twice");
    TOML_FAILS("a = { b = 1, }", "a.md:2:14: unmarshal failed: toml: ",
               "TOML error: a trailing comma in an inline table");
    /* hugo: 2:1 and 2:5 (it points at the key, the value) */
    TOML_FAILS("title = \"a\"\ntitle = \"b\"",
               "unmarshal failed: toml: ", "TOML error: a key twice");
    TOML_FAILS("x = 1979-13-27", "a.md:2:", "TOML error: an impossible date");

    fn_src = "+++\ntitle = \"x\"\n";
    FAILS("{{ .Title }}", "a.md:1:1: front matter opened with \"+++\" is "
          "never closed", "TOML error: never closed");
}


int
main(void)
{
    page_options_init(&fn_opt);

    test_front();
    test_errors();

    fn_reset();
    page_exit();

    return tap_done();
}
