/*
 * test_tpl_engine: the template engine's language as real themes use it
 * (issue 11, section 2): define hoisting, return with a pipeline, long
 * else-if chains, contexts the escaper must accept, the trailing pipe,
 * fields through missing map keys, try, and Go's text/template control
 * structures.  Every expectation was checked against hugo 0.111.3 (or
 * current Hugo's documentation where 0.111.3 lacks the feature, as the
 * case says).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page_tpl.h"
#include "tap.h"

static page_arena_t   conf, req;
static page_value_t  *data;
static char           result[65536];
static int            with_funcs;

static const page_tpl_func_t  test_funcs[1];

/* Most output a test renders. */
#define TEST_MAX_OUTPUT  (1024 * 1024)


static page_value_t *
S(const char *s)
{
    return page_value_string(&req, s, strlen(s));
}


static void
set(page_value_t *m, const char *k, page_value_t *v)
{
    page_map_set(&req, m, k, strlen(k), v);
}


/*
 * A method for the tests, as a scratch pad's: .Get "k" on a map with a
 * "_store" entry reads that entry's key k.
 */
static int
test_method(page_tpl_state_t *st, void *ctx, page_value_t *recv,
    const char *name, size_t len, page_value_t **args, size_t nargs,
    page_value_t **res)
{
    page_value_t  *store;

    (void) ctx;

    if (len != 3 || memcmp(name, "Get", 3) != 0 || recv->type != PAGE_MAP) {
        return 1;
    }

    store = page_map_gets(recv, "_store");
    if (store == NULL) {
        return 1;
    }

    if (nargs != 1 || args[0] == NULL || args[0]->type != PAGE_STRING) {
        return page_tpl_fail(st, "Get: want one string");
    }

    *res = page_map_get(store, args[0]->u.s.data, args[0]->u.s.len);
    return 0;
}


/* Parse files[] (name, text pairs) as a set and run the first. */
static const char *
render_set(int html, const char **files, size_t n)
{
    page_tpl_set_t  *set;
    page_tpl_env_t   env;
    page_buf_t       out;
    page_error_t     err;
    size_t           i;

    page_arena_free(&conf);
    page_arena_init(&conf, 0);
    page_error_init(&err);

    set = page_tpl_set_new(&conf, html);
    if (set == NULL) {
        return "ERR: no set";
    }

    if (with_funcs) {
        page_tpl_set_funcs(set, test_funcs, 1);
    }

    for (i = 0; i < n; i += 2) {
        if (page_tpl_set_add(set, files[i], files[i], files[i + 1],
                             strlen(files[i + 1]), &err) != 0)
        {
            goto fail;
        }
    }

    if (page_tpl_set_check(set, &err) != 0) {
        goto fail;
    }

    page_tpl_env_init(&env, &req);
    env.method = test_method;
    page_buf_init(&out, &req, TEST_MAX_OUTPUT);

    if (page_tpl_execute(set, files[0], data, &env, &out, &err) != 0) {
        goto fail;
    }

    snprintf(result, sizeof(result), "%.*s", (int) out.len,
             out.data ? out.data : "");
    return result;

fail:

    snprintf(result, sizeof(result), "ERR: %s", err.msg);
    return result;
}


static const char *
render_set_f(const char **files, size_t n)
{
    const char  *r;

    with_funcs = 1;
    r = render_set(1, files, n);
    with_funcs = 0;
    return r;
}


static const char *
render(const char *tpl)
{
    const char  *files[2];

    files[0] = "t.html";
    files[1] = tpl;
    return render_set(1, files, 2);
}


static const char *
render_text(const char *tpl)
{
    const char  *files[2];

    files[0] = "t.txt";
    files[1] = tpl;
    return render_set(0, files, 2);
}


/* A test name on one TAP line: newlines shown as \n, no '#', cut. */
static const char *
name_of(const char *prefix, const char *tpl)
{
    static char  buf[160];
    size_t       n;

    n = 0;
    for (; *prefix && n + 1 < sizeof(buf); prefix++) {
        buf[n++] = *prefix;
    }
    for (; *tpl && n + 4 < sizeof(buf); tpl++) {
        if (*tpl == '\n') {
            buf[n++] = '\\';
            buf[n++] = 'n';
        } else if (*tpl != '#' && *tpl != '\r') {
            buf[n++] = *tpl;
        }
    }
    buf[n] = '\0';

    return buf;
}


static int
render_fails(const char *got, const char *want)
{
    if (strncmp(got, "ERR: ", 5) == 0 && strstr(got, want) != NULL) {
        return 1;
    }
    printf("# got: %s\n", got);
    return 0;
}


static void
check(const char *got, const char *want, const char *name)
{
    is_str(got, want, name);
}


#define RSF(files)  render_set_f(files, sizeof(files) / sizeof(files[0]))
#define T(tpl, want)     check(render(tpl), want, name_of("", tpl))
#define TT(tpl, want)    check(render_text(tpl), want, name_of("text: ", tpl))
#define TERR(tpl, want)  ok(render_fails(render(tpl), want), \
                            name_of("error: ", tpl))


static void
build_data(void)
{
    page_value_t  *params, *list, *pad, *store, *inner;

    data = page_value_map(&req);
    set(data, "Title", S("A \"T\" <b>"));
    params = page_value_map(&req);
    set(params, "color", S("red"));
    set(params, "n", page_value_int(&req, 3));
    set(data, "Params", params);

    list = page_value_list(&req);
    page_list_push(&req, list, S("a"));
    page_list_push(&req, list, S("b"));
    page_list_push(&req, list, S("c"));
    set(data, "List", list);

    /* a scratch-like pad: .S.Get "a" is a map, .S.Get "p" another pad */
    pad = page_value_map(&req);
    store = page_value_map(&req);
    inner = page_value_map(&req);
    set(inner, "b", S("c"));
    set(store, "a", inner);
    set(store, "l", list);
    set(pad, "_store", store);
    set(store, "p", pad);
    set(data, "S", pad);
}


/* {{define}} blocks are taken out of the body before variables scope. */
static void
test_define_hoisting(void)
{
    T("{{ $a := 1 }}{{ define \"x\" }}X{{ end }}{{ $a }}|", "1|");
    T("{{ $a := 1 }}{{ define \"x\" }}{{ $b := 2 }}{{ $b }}{{ end }}"
      "{{ $a }}{{ template \"x\" }}", "12");
    T("{{ $a := \"v\" }}{{ define \"x\" }}{{ end }}"
      "{{ define \"y\" }}{{ end }}{{ $a }}", "v");
    /* a define's body still starts with only $ in scope */
    TERR("{{ $a := 1 }}{{ define \"x\" }}{{ $a }}{{ end }}",
         "undefined variable \"$a\"");
}


/*
 * A partial function for the tests: partial "name" [dot] runs the
 * template of that name of the same set through page_tpl_call.
 */
static int
test_partial(page_tpl_state_t *st, page_value_t **args, size_t nargs,
    page_value_t **res)
{
    if (args[0] == NULL || args[0]->type != PAGE_STRING) {
        return page_tpl_fail(st, "partial: name");
    }
    return page_tpl_call(st, args[0]->u.s.data,
                         nargs > 1 ? args[1] : &page_nil_value, res);
}


static const page_tpl_func_t  test_funcs[] = {
    { "partial", test_partial, 1, 2 }
};


/* Hugo's return: taken out where it is, evaluated at the partial's end. */
static void
test_return(void)
{
    const char  *f1[] = {
        "t.html", "{{ partial \"r\" \"a\" }}|{{ partial \"s\" 3 }}|"
                  "{{ partial \"u\" . }}|{{ partial \"v\" .Params }}|"
                  "{{ partial \"w\" 3 }}|{{ partial \"x\" 3 }}|",
        "r", "{{ return printf \"%s-x\" . }}",
        /* later pipeline stages are not part of the value */
        "s", "{{ return add . 1 | printf \"%d!\" }}",
        "u", "{{ $x := 1 }}{{ return }}",
        "v", "{{ return .color }}",
        "w", "{{ if false }}{{ return . }}{{ end }}never",
        "x", "{{ range seq 2 }}{{ return . }}{{ end }}"
    };
    const char  *f2[] = {
        "t.html", "{{ partial \"c\" 0 }}|{{ partial \"d\" 0 }}|"
                  "{{ partial \"e\" 7 }}",
        /* evaluated after the whole body, at its top level */
        "c", "{{ $x := 1 }}{{ return $x }}{{ $x = 2 }}",
        /* a bare return is Hugo's return function: "" */
        "d", "X{{ return }}Y",
        "e", "{{ with 5 }}{{ return . }}{{ end }}"
    };
    const char  *f3[] = {
        "t.html", "{{ partial \"a\" 0 }}",
        "a", "{{ return 1 }}{{ return 2 }}"
    };
    const char  *f4[] = {
        "t.html", "{{ partial \"b\" 0 }}",
        "b", "{{ if true }}{{ $y := 1 }}{{ return $y }}{{ end }}"
    };
    const char  *f5[] = {
        "t.html", "{{ partial \"b\" 0 }}",
        "b", "{{ return \"a\" \"b\" }}"
    };

    check(RSF(f1), "a-x|4||red|3|3|", "return: values");
    check(RSF(f2), "2|XY|7", "return: at the end");
    ok(render_fails(RSF(f3), "a:1:18: executing \"a\" at "
                    "<return>: wrong number of args for return: want 0 "
                    "got 1"), "return: the second return fails");
    ok(render_fails(RSF(f4), "undefined variable: $y"),
       "return: a variable of an inner block is gone");
    ok(render_fails(RSF(f5), "can't give argument to "
                    "non-function \"a\""), "return: a constant with args");
    /* a layout is no partial: Hugo's return function has no arguments */
    TERR("{{ return 3 }}A", "wrong number of args for return: want 0 got 1");
}


/* An if with 200 branches is one level of nesting. */
static void
test_else_if_chain(void)
{
    int          i;
    size_t       n;
    char        *tpl;
    const char  *r;

    tpl = malloc(64 * 1024);
    if (tpl == NULL) {
        ok(0, "else-if chain: memory");
        return;
    }

    n = (size_t) sprintf(tpl, "{{ $n := 150 }}{{ if eq $n 0 }}b0");
    for (i = 1; i < 200; i++) {
        n += (size_t) sprintf(tpl + n, "{{ else if eq $n %d }}b%d", i, i);
    }
    sprintf(tpl + n, "{{ else }}none{{ end }}|{{ if $a := 0 }}A"
            "{{ else if $b := 1 }}[{{ $a }}{{ $b }}]{{ end }}");
    check(render(tpl), "b150|[01]", "else-if chain of 200 branches");

    /* the same chain, each branch in an attribute: contexts join */
    n = (size_t) sprintf(tpl, "<a {{ if eq .Params.n 0 }}class=\"c0\"");
    for (i = 1; i < 200; i++) {
        n += (size_t) sprintf(tpl + n, "{{ else if eq .Params.n %d }}"
                              "class=\"c%d\"", i, i);
    }
    sprintf(tpl + n, "{{ else }}{{ end }} href=\"/\">x</a>");
    check(render(tpl), "<a class=\"c3\" href=\"/\">x</a>",
          "else-if chain in a tag");

    /* real nesting is still bounded */
    n = 0;
    for (i = 0; i < 70; i++) {
        n += (size_t) sprintf(tpl + n, "{{ if true }}");
    }
    n += (size_t) sprintf(tpl + n, "deep");
    for (i = 0; i < 70; i++) {
        n += (size_t) sprintf(tpl + n, "{{ end }}");
    }
    r = render(tpl);
    ok(render_fails(r, "nesting too deep"), "70 nested ifs: our limit");

    free(tpl);

    /* Go 1.23's else with (current Hugo; hugo 0.111.3 has no else with) */
    T("{{ with $x := 0 }}A{{ else with $y := \"w\" }}{{ $x }}{{ $y }}"
      "{{ . }}{{ end }}", "0ww");
    T("{{ with 0 }}A{{ else with \"\" }}B{{ else }}C{{ end }}", "C");
}


/*
 * Contexts real themes hit: JSON-LD built by ranges in a script (a range
 * body that ends elsewhere than it starts joins as Go's jsCtxUnknown),
 * conditionals in attributes, style, srcset, URLs with a query.  The
 * expected outputs are hugo 0.111.3's for the same template and data.
 */
static void
test_escape_contexts(void)
{
    check(render(
      "<script type=\"application/ld+json\">\n"
      "{\n"
      "  \"@context\": \"https://schema.org\",\n"
      "  \"@type\": \"BreadcrumbList\",\n"
      "  \"name\": {{ .Title }},\n"
      "  \"itemListElement\": [\n"
      "    {{- range $i, $e := .List }}{{ if $i }},{{ end }}\n"
      "    {\n"
      "      \"@type\": \"ListItem\",\n"
      "      \"position\": {{ add $i 1 }},\n"
      "      \"name\": {{ $e }}\n"
      "    }\n"
      "    {{- end }}\n"
      "  ],\n"
      "  \"keywords\": [{{ range $i, $e := .List }}{{ if $i }}, {{ end }}{{"
      " $e }}{{ end }}],\n"
      "  \"kw2\": \"{{ range $i, $e := .List }}{{ if $i }}, {{ end }}{{ $e "
      "}}{{ end }}\",\n"
      "  {{ with .Params.color }}\"color\": {{ . }},{{ end }}\n"
      "  \"n\": {{ .Params.n }}\n"
      "}\n"
      "</script>"),
      "<script type=\"application/ld+json\">\n"
      "{\n"
      "  \"@context\": \"https://schema.org\",\n"
      "  \"@type\": \"BreadcrumbList\",\n"
      "  \"name\": \"A \\\"T\\\" \\u003cb\\u003e\",\n"
      "  \"itemListElement\": [\n"
      "    {\n"
      "      \"@type\": \"ListItem\",\n"
      "      \"position\":  1 ,\n"
      "      \"name\": \"a\"\n"
      "    },\n"
      "    {\n"
      "      \"@type\": \"ListItem\",\n"
      "      \"position\":  2 ,\n"
      "      \"name\": \"b\"\n"
      "    },\n"
      "    {\n"
      "      \"@type\": \"ListItem\",\n"
      "      \"position\":  3 ,\n"
      "      \"name\": \"c\"\n"
      "    }\n"
      "  ],\n"
      "  \"keywords\": [\"a\", \"b\", \"c\"],\n"
      "  \"kw2\": \"a, b, c\",\n"
      "  \"color\": \"red\",\n"
      "  \"n\":  3 \n"
      "}\n"
      "</script>",
      "escape: c1");
    check(render(
      "<div class=\"a {{ if .Params.n }}on{{ else }}off{{ end }}\" {{ with "
      ".Params.color }}data-c=\"{{ . }}\"{{ end }}>\n"
      "<img src=\"{{ .Params.color }}.png\" srcset=\"{{ range $i, $e := .Li"
      "st }}{{ if $i }}, {{ end }}/{{ $e }}.png {{ add $i 1 }}x{{ end }}\" "
      "alt=\"{{ .Title }}\">\n"
      "<a href=\"{{ if .Params.n }}/x/{{ .Title }}{{ else }}#{{ end }}\">l<"
      "/a>\n"
      "<a href=\"/s?q={{ .Title }}&c={{ .Params.color }}\">q</a>\n"
      "<span style=\"color: {{ .Params.color }}; {{ if .Params.n }}width: {"
      "{ .Params.n }}px{{ end }}\">s</span>\n"
      "<style>\n"
      "body { color: {{ .Params.color }}; background: url({{ .Params.color "
      "}}.png); }\n"
      "</style>\n"
      "<script>\n"
      "var t = {{ .Title }}; var l = {{ .List }};\n"
      "{{ if .Params.n }}var n = {{ .Params.n }};{{ end }}\n"
      "var s = \"{{ .Title }}\"; var r = /a{{ .Params.color }}/;\n"
      "var x = 1 / {{ .Params.n }};\n"
      "</script>\n"
      "<button onclick=\"go({{ .Title }})\" data-x='{{ .Title }}'>b</button"
      ">\n"
      "</div>"),
      "<div class=\"a on\" data-c=\"red\">\n"
      "<img src=\"red.png\" srcset=\"/a.png 1x, /b.png 2x, /c.png 3x\" alt="
      "\"A &#34;T&#34; &lt;b&gt;\">\n"
      "<a href=\"/x/A%20%22T%22%20%3cb%3e\">l</a>\n"
      "<a href=\"/s?q=A%20%22T%22%20%3cb%3e&c=red\">q</a>\n"
      "<span style=\"color: red; width: 3px\">s</span>\n"
      "<style>\n"
      "body { color: red; background: url(red.png); }\n"
      "</style>\n"
      "<script>\n"
      "var t = \"A \\\"T\\\" \\u003cb\\u003e\"; var l = [\"a\",\"b\",\"c\"]"
      ";\n"
      "var n =  3 ;\n"
      "var s = \"A \\u0022T\\u0022 \\u003cb\\u003e\"; var r = /ared/;\n"
      "var x = 1 /  3 ;\n"
      "</script>\n"
      "<button onclick=\"go(&#34;A \\&#34;T\\&#34; \\u003cb\\u003e&#34;)\" "
      "data-x='A &#34;T&#34; &lt;b&gt;'>b</button>\n"
      "</div>",
      "escape: c2");
    check(render(
      "<a href=\"{{ .Params.color }}{{ if .Params.n }}#top{{ end }}\">2</a>"
      "\n"
      "<a href=\"/p/{{ .Params.color }}?x={{ .Title }}{{ with .Params.n }}&"
      "n={{ . }}{{ end }}\">3</a>\n"
      "<script>var a = [{{ range .List }}{{ . }},{{ end }}]; var b = {{ if "
      ".Params.n }}1{{ else }}\"x\"{{ end }} / 2;</script>\n"
      "<script>\n"
      "  {{ with .Params.color }}window.c = {{ . }};{{ end }}\n"
      "  {{- range $i, $e := .List }}\n"
      "  x[{{ $i }}] = \"{{ $e }}\";\n"
      "  {{- end }}\n"
      "  const o = { {{ range .List }}{{ . }}: 1, {{ end }} z: 0 };\n"
      "</script>\n"
      "<div {{ with .Params.color }}style=\"color: {{ . }}\"{{ end }} {{ ra"
      "nge .List }}data-{{ . }}=\"1\" {{ end }}>d</div>\n"
      "<img src=\"/i.png\" {{ with .Params.n }}width=\"{{ . }}\"{{ end }} l"
      "oading=\"lazy\">\n"
      "<a href=\"mailto:{{ .Params.color }}@x.org\">m</a>\n"
      "<a href=\"{{ .Params.color | safeURL }}\" target=\"{{ if .Params.n }"
      "}_blank{{ end }}\">t</a>\n"
      "<iframe src=\"https://www.youtube.com/embed/{{ .Params.color }}{{ wi"
      "th .Params.n }}?start={{ . }}{{ end }}\"></iframe>\n"
      "<p title={{ .Title }}>u</p>\n"
      "<input value={{ if .Params.n }}{{ .Params.color }}{{ end }}>"),
      "<a href=\"red#top\">2</a>\n"
      "<a href=\"/p/red?x=A%20%22T%22%20%3cb%3e&n=3\">3</a>\n"
      "<script>var a = [\"a\",\"b\",\"c\",]; var b = 1 / 2;</script>\n"
      "<script>\n"
      "  window.c = \"red\";\n"
      "  x[ 0 ] = \"a\";\n"
      "  x[ 1 ] = \"b\";\n"
      "  x[ 2 ] = \"c\";\n"
      "  const o = { \"a\": 1, \"b\": 1, \"c\": 1,  z: 0 };\n"
      "</script>\n"
      "<div style=\"color: red\" data-a=\"1\" data-b=\"1\" data-c=\"1\" >d<"
      "/div>\n"
      "<img src=\"/i.png\" width=\"3\" loading=\"lazy\">\n"
      "<a href=\"mailto:red@x.org\">m</a>\n"
      "<a href=\"red\" target=\"_blank\">t</a>\n"
      "<iframe src=\"https://www.youtube.com/embed/red?start=3\"></iframe>"
      "\n"
      "<p title=A&#32;&#34;T&#34;&#32;&lt;b&gt;>u</p>\n"
      "<input value=red>",
      "escape: c4");

    /* a <script> whose type is not JavaScript holds HTML (Go's isJSType) */
    T("<script type=\"text/template\"><div title=\"{{ .Title }}\">"
      "{{ .Title }}</div></script>\n<script type=\"module\">var x = "
      "{{ .Title }};</script>\n<script type=\"application/json\">"
      "{{ .Params }}</script>\n<script type=text/x-handlebars-template>"
      "{{ .Title }}</script>",
      "<script type=\"text/template\"><div title=\"A &#34;T&#34; &lt;b&gt;"
      "\">A &#34;T&#34; &lt;b&gt;</div></script>\n<script type=\"module\">"
      "var x = \"A \\\"T\\\" \\u003cb\\u003e\";</script>\n"
      "<script type=\"application/json\">{\"color\":\"red\",\"n\":3}"
      "</script>\n<script type=text/x-handlebars-template>A &#34;T&#34; "
      "&lt;b&gt;</script>");
    /*
     * ${ } in a JS template literal is JavaScript, the rest of the
     * literal a string (current Go, so current Hugo; hugo 0.111.3's Go
     * knew no template literals: its output for ${ } is the same)
     */
    T("<script>var t = `a${ {{ .Params.n }} }b${ f({ a: {{ .Params.n }} }) }"
      "`;</script>", "<script>var t = `a${  3  }b${ f({ a:  3  }) }`;"
      "</script>");
    /* a trailing html or urlquery runs in its equivalent escaper's place */
    T("{{ \"a+b<\" | html }}|<p title=\"{{ \"a+b'\" | html }}\">|"
      "<a href=\"/x?q={{ \"a b+/\" | urlquery }}\">|<a href=\""
      "{{ \"a b:/\" | urlquery }}\">|<a href=\"/p/{{ \"a b/\" | urlquery }}"
      "\">|{{ \"<b>\" | safeHTML | html }}|{{ html \"x\" \"<y>\" }}|"
      "<a href=\"/x?q={{ urlquery \"a b\" 1 }}\">|<script>var x = "
      "{{ \"a\" | html }};</script>|<a href=\"/{{ \"a b\" | html }}\">",
      "a+b&lt;|<p title=\"a+b&#39;\">|<a href=\"/x?q=a&#43;b%2B%2F\">|"
      "<a href=\"%23ZgotmplZ\">|<a href=\"/p/a&#43;b%2F\">|&lt;b&gt;|"
      "x&lt;y&gt;|<a href=\"/x?q=a&#43;b1\">|<script>var x = \"a\";"
      "</script>|<a href=\"/a%20b\">");

    /* a branch that may or may not have left the URL's path: Go's error */
    TERR("<a href=\"{{ if .Params.n }}/{{ else }}{{ .Title }}{{ end }}"
         "{{ .Params.color }}\">1</a>",
         "{{.Params.color}} appears in an ambiguous context within a URL");
    TERR("<a href=\"{{ if .Params.n }}/?a={{ else }}/b/{{ end }}"
         "{{- .Get   \"x  y\" -}}\">",
         "{{.Get \"x  y\"}} appears in an ambiguous context within a URL");
    /* Go's message names both contexts */
    TERR("{{ if .Params.n }}<a{{ end }}",
         "{{if}} branches end in different contexts: {stateTag delimNone "
         "urlPartNone jsCtxRegexp attrNone elementNone <nil>}, {stateText "
         "delimNone urlPartNone jsCtxRegexp attrNone elementNone <nil>}");
    TERR("{{ range .List }} x='<a{{ end }}",
         "on range loop re-entry: {{range}} branches end in different "
         "contexts");
}


/* Go's parser takes a "|" with the command before it: it may end a pipe. */
static void
test_trailing_pipe(void)
{
    T("{{ $src := \"a\" | }}{{ $src }}", "a");
    T("{{ \"a\" | }}", "a");
    T("{{ if \"a\" | }}y{{ end }}", "y");
    T("{{ (\"a\" | printf \"%s!\" | ) }}|{{ \"a\" | printf \"%s?\" | }}",
      "a!|a?");
    TERR("{{ \"a\" | | \"b\" }}", "unexpected \"|\" in command");
    TERR("{{ | \"a\" }}", "unexpected \"|\" in command");

    /* another character in an action is Go's itemChar: unexpected */
    TERR("{{ .Foo } }}", "unexpected \"}\" in operand");
    TERR("{{ @ }}", "unexpected \"@\" in command");
    TERR("{{ 1 ; }}", "unexpected \";\" in operand");
    TERR("{{ print 1 } }}", "unexpected \"}\" in operand");
    TERR("{{ 1 \x01 }}", "unrecognized character in action: U+0001");

    /*
     * Go's execution errors, not parse errors: such a template compiles
     * (nginx -t passes, as hugo builds a site that never runs it)
     */
    TERR("{{ \"x\" 2 }}", "t.html:1:4: executing \"t.html\" at <\"x\">: "
         "can't give argument to non-function \"x\"");
    TERR("{{ (1) 2 }}", "can't give argument to non-function 1");
    TERR("{{ nil }}", "executing \"t.html\" at <nil>: nil is not a command");
    TERR("{{ $x = 1 }}", "executing \"t.html\" at <$x = 1 >: undefined "
         "variable: $x");
    T("{{ if false }}{{ \"x\" 2 }}{{ nil }}{{ $y = 1 }}{{ end }}ok", "ok");

    /* Go's call compiles; no value here is a function (hugo 0.111.3) */
    T("{{ if false }}{{ call 1 }}{{ end }}ok", "ok");
    TERR("{{ call .Title }}", "at <call .Title>: error calling call: "
         "non-function of type string");
    TERR("{{ call nil }}", "error calling call: call of nil");
    TERR("{{ $x := 1 }}{{ call $x 2 }}", "error calling call: non-function "
         "of type int");
}


/*
 * A missing key gives Go's invalid value: its fields are nothing, no
 * error; so is a pipeline's nil (in a variable, in parentheses).  A nil
 * that is there fails, and so does a field of a string or a number.
 */
static void
test_missing_keys(void)
{
    T("[{{ .Params.meta.level }}]", "[]");
    T("{{ $m := dict \"a\" 1 }}[{{ $m.b.c.d }}]", "[]");
    T("{{ $u := dict }}[{{ ($u.x).y }}]", "[]");
    T("{{ .Params.missing.x | default \"d\" }}", "d");
    T("{{ with .Params.meta.level }}y{{ else }}n{{ end }}", "n");
    T("{{ $v := .Params.nope }}[{{ $v.x }}]", "[]");
    T("{{ $m := dict }}[{{ $m.a.Foo \"x\" }}]", "[]");
    T("{{ $m := dict }}[{{ $m.a.b | printf \"%v\" }}]", "[&lt;nil&gt;]");
    T("{{ $m := dict \"a\" (dict \"b\" nil) }}{{ $x := $m.a.b }}"
      "[{{ $x.c }}]", "[]");
    T("{{ $m := dict \"a\" nil }}[{{ ($m.a).b }}]", "[]");
    TERR("{{ $m := dict \"a\" nil }}[{{ $m.a.b }}]",
         "executing \"t.html\" at <$m.a.b>: nil pointer evaluating "
         "interface {}.b");
    TERR("{{ $x := \"s\" }}{{ $x.foo }}",
         "can't evaluate field foo in type string");
    TERR("{{ $n := 5 }}{{ $n.foo }}", "can't evaluate field foo in type int");
    TERR("{{ .Params.color.foo }}", "can't evaluate field foo in type "
         "string");
}


/*
 * Hugo's try (0.141; hugo 0.111.3 has none: expectations from its
 * documentation, gohugo.io/functions/go-template/try): the error of the
 * expression as .Err, else its value as .Value.
 */
static void
test_try(void)
{
    const char  *r;

    /*
     * Hugo's documented .Err is "error calling div: can't divide the value
     * by 0"; page_fn_math.c says "div: " once more after the prefix (not
     * the engine's), so only both ends are checked here.
     */
    r = render_text("{{ $x := 1 }}{{ $y := 0 }}{{ with try (div $x $y) }}"
                    "{{ with .Err }}E:{{ . }}{{ else }}{{ .Value }}{{ end }}"
                    "{{ end }}");
    ok(strncmp(r, "E:error calling div: ", 21) == 0
       && strstr(r, "can't divide the value by 0") != NULL,
       "try: .Err of div by 0");
    T("{{ with try (add 1 2) }}{{ with .Err }}E{{ else with .Value }}"
      "V{{ . }}{{ end }}{{ end }}", "V3");
    T("{{ $t := try (div 1 0) }}[{{ $t.Value }}]{{ if $t.Err }}failed{{ end }}",
      "[]failed");
    T("{{ $t := try (add 1 2) }}[{{ $t.Err }}]{{ $t.Value }}", "[]3");
    /* a field's error is caught too, and try nests */
    TT("{{ with try (.Title.Foo) }}{{ .Err }}{{ end }}",
       "can't evaluate field Foo in type string (.Title)");
    T("{{ with try (try (div 1 0)) }}{{ with .Value }}{{ with .Err }}in"
      "{{ end }}{{ end }}{{ end }}", "in");
    /* what a web server does not do fails in one line, and try sees it */
    TT("{{ with try (resources.GetRemote \"https://example.org/x.json\") }}"
       "{{ with .Err }}{{ . }}{{ else }}ok{{ end }}{{ end }}",
       "error calling GetRemote: resources.GetRemote: remote resources are "
       "not fetched at request time");
    /* the page goes on after a caught error */
    T("{{ with try (div 1 0) }}{{ end }}{{ div 4 2 }}", "2");
    TERR("{{ try }}", "wrong number of args for try: want 1 got 0");
    TERR("{{ try 1 2 }}", "wrong number of args for try: want 1 got 2");
}


/*
 * Go's control structures and the rest of text/template as themes use
 * them, each checked against hugo 0.111.3 (range over an integer is Go
 * 1.22's, which hugo 0.111.3 predates: current Hugo has it).
 */
static void
test_go_template(void)
{
    T("{{ range $i, $e := slice \"a\" \"b\" \"c\" \"d\" }}{{ if eq $i 2 }}"
      "{{ break }}{{ end }}{{ $i }}{{ $e }}{{ end }}", "0a1b");
    T("{{ range $i, $e := slice \"a\" \"b\" \"c\" }}{{ if eq $i 1 }}"
      "{{ continue }}{{ end }}{{ $i }}{{ $e }}{{ end }}", "0a2c");
    T("{{ range $i, $e := slice 1 2 3 4 }}{{ with $e }}{{ if eq . 3 }}"
      "{{ break }}{{ end }}{{ end }}{{ $e }}{{ end }}", "12");
    T("{{ range slice 1 2 }}{{ range slice \"a\" \"b\" }}{{ if eq . \"b\" }}"
      "{{ break }}{{ end }}{{ . }}{{ end }}{{ . }}{{ end }}", "a1a2");
    T("{{ range slice }}x{{ else }}empty{{ end }}|{{ range dict }}x{{ else }}"
      "e2{{ end }}", "empty|e2");
    T("{{ range $k, $v := dict \"b\" 2 \"a\" 1 }}{{ $k }}={{ $v }};{{ end }}",
      "a=1;b=2;");
    T("{{ range 3 }}{{ . }}{{ end }}|{{ range $i := 3 }}{{ $i }}{{ end }}|"
      "{{ range 0 }}x{{ else }}none{{ end }}", "012|012|none");
    TERR("{{ range $i, $e := 3 }}{{ $i }}{{ end }}",
         "t.html:1:20: executing \"t.html\" at <3>: can't use 3 to iterate "
         "over more than one variable");
    TERR("{{ range $i, $c := \"abc\" }}{{ $i }}{{ end }}",
         "range can't iterate over abc");
    T("{{ block \"b\" \"T\" }}B{{ . }}{{ end }}|{{ template \"b\" \"U\" }}",
      "BT|BU");
    T("{{ define \"q\" }}Q{{ . }}{{ end }}{{ template \"q\" \"x\" }}"
      "{{ template \"q\" }}", "QxQ");
    T("{{ define \"r\" }}{{ if gt . 0 }}{{ . }}{{ template \"r\" (sub . 1) }}"
      "{{ end }}{{ end }}{{ template \"r\" 3 }}", "321");
    T("a {{- /* comment */ -}} b {{/* c2 */}} c", "ab  c");
    T("x  {{- /* multi\nline */ -}}  y", "xy");
    T("a  {{- 1 -}}  b {{ 2 -}} c {{- 3 }} d", "a1b 2c3 d");
    T("{{- \"a\" -}}\t{{ \"b\" }} {{- \"c\" }}", "abc");
    T("{{- if true -}}\n  trimmed\n{{- end -}}|", "trimmed|");
    /* = assigns the variable of an outer scope, := declares a new one */
    T("{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ $y := 3 }}{{ end }}{{ $x }}",
      "2");
    T("{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ $x }}{{ end }}{{ $x }}",
      "21");
    T("{{ $x := 0 }}{{ range slice 1 2 3 }}{{ $x = add $x . }}{{ end }}"
      "{{ $x }}", "6");
    T("{{ $a := 1 }}{{ with 2 }}{{ $a = . }}{{ end }}{{ $a }}|{{ $b := 1 }}"
      "{{ range slice 5 }}{{ $b := . }}{{ end }}{{ $b }}", "2|1");
    /* and, or: the deciding operand, short-circuit */
    T("{{ and 1 0 \"x\" }}|{{ or 0 \"\" \"y\" }}|{{ and 1 2 }}|"
      "{{ or 0 false }}", "0|y|2|false");
    T("{{ or (eq 1 1) (index slice 5) }}|{{ and false (index slice 5) }}",
      "true|false");
    T("{{ len \"h\xc3\xa9llo\" }}|{{ len (slice 1 2) }}|"
      "{{ len (dict \"a\" 1) }}", "6|2|1");
    /* Hugo's slice is collections.Slice, not Go's slice builtin */
    T("{{ slice \"abcdef\" 1 3 }}|{{ slice (slice 1 2 3 4) 1 }}",
      "[abcdef 1 3]|[[1 2 3 4] 1]");
    T("{{ html \"<a href='x'>\" }}|{{ urlquery \"a b&c=d/\xc3\xa9\" }}",
      "&lt;a href=&#39;x&#39;&gt;|a&#43;b%26c%3Dd%2F%C3%A9");
    T("{{ print \"a\" 1 2 \"b\" \"c\" 3.5 nil }}|{{ println \"a\" 1 }}",
      "a1 2bc3.5 &lt;nil&gt;|a 1\n");
    /* parenthesised pipelines, chains on their values */
    T("{{ $m := dict \"a\" (dict \"b\" \"c\") }}{{ ($m.a).b }}|"
      "{{ (index $m \"a\").b }}|{{ (printf \"%s\" \"x\") }}", "c|c|x");
    T("{{ (slice 1 2 3) | len }}|{{ len (slice 1 2 3) | printf \"%03d\" }}",
      "3|003");
    T("{{ 1 | printf \"%d%d\" 2 }}|{{ \"x\" | printf \"%s-%s\" \"y\" }}",
      "21|y-x");
    T("{{ with $x := \"v\" }}{{ $x }}{{ . }}{{ end }}", "vv");
    /* methods with arguments, on values of maps, chained (newScratch) */
    T("{{ (.S.Get \"a\").b }}|{{ .S.Get \"a\" | len }}|"
      "{{ $s := .S }}{{ ($s.Get \"a\").b }}|{{ ((.S.Get \"p\").Get \"a\").b }}"
      "|{{ index (.S.Get \"l\") 1 }}|{{ with .S }}{{ (.Get \"a\").b }}"
      "{{ end }}", "c|1|c|c|b|c");
    T("{{ $x := \"\" }}{{ with $x }}A{{ else }}B{{ end }}|{{ with slice }}C"
      "{{ else }}D{{ end }}|{{ with 0.0 }}E{{ else }}F{{ end }}", "B|D|F");
    T("{{ 0x1F }}|{{ 1e3 }}|{{ 'a' }}|{{ 1_000 }}|{{ 0o17 }}|{{ -5 }}|"
      "{{ 2.50 }}", "31|1000|97|1000|15|-5|2.5");
}


int
main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    page_arena_init(&conf, 0);
    page_arena_init(&req, 0);

    build_data();

    test_define_hoisting();
    test_return();
    test_else_if_chain();
    test_escape_contexts();
    test_trailing_pipe();
    test_missing_keys();
    test_try();
    test_go_template();


    page_arena_free(&conf);
    page_arena_free(&req);

    return done_testing();
}
