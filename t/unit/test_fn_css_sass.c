/*
 * test_fn_css_sass: css.Sass / toCSS / resources.ToCSS with libsass,
 * through page_render() with a site's and a theme's assets directories
 * made for the test.  The expected CSS is hugo 0.111.3's (extended,
 * transpiler libsass) for the same files: /tmp/sass-h2 in the report,
 * a site whose layouts/index.html prints each case; errors are Hugo's
 * words with our file names (assets/... under the project, where hugo
 * prints the absolute path).
 */

#define _XOPEN_SOURCE  700          /* mkdtemp */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tap.h"
#include "page.h"
#include "page_data.h"
#include "page_fn.h"
#include "page_templates.h"

static char               dir[64];
static char               site_assets[128], theme_assets[128], site_dir[128];
static const char        *assets[2];
static page_result_t      res;
static int                rendered;
static int                rc;
static const char        *base_url = "http://example.org/";


static void
put(const char *root, const char *name, const char *data)
{
    char    path[512], *slash;
    size_t  len;
    FILE   *f;

    snprintf(path, sizeof(path), "%s/%s", root, name);

    for (slash = strchr(path + 1, '/'); slash != NULL;
         slash = strchr(slash + 1, '/'))
    {
        *slash = '\0';
        mkdir(path, 0755);
        *slash = '/';
    }

    len = strlen(data);
    f = fopen(path, "wb");
    if (f == NULL || fwrite(data, 1, len, f) != len) {
        printf("Bail out! cannot write %s\n", path);
        exit(1);
    }
    fclose(f);
}


static void
setup(void)
{
    char  path[512], target[512];

    strcpy(dir, "/tmp/test_fn_sass.XXXXXX");
    if (mkdtemp(dir) == NULL) {
        printf("Bail out! mkdtemp\n");
        exit(1);
    }

    snprintf(site_dir, sizeof(site_dir), "%s/site", dir);
    snprintf(site_assets, sizeof(site_assets), "%s/site/assets", dir);
    snprintf(theme_assets, sizeof(theme_assets),
             "%s/site/themes/t/assets", dir);
    assets[0] = site_assets;
    assets[1] = theme_assets;

    put(site_assets, "css/main.scss",
        "@import \"vars\";\n@import \"lib/mix\";\n@import \"theme\";\n"
        "$w: 10px;\n.a {\n  color: $c;\n"
        "  .b { width: $w * 2; &:hover { color: darken($c, 10%); } }\n"
        "  /* comment */\n  @include box(1.123456789px);\n}\n"
        "@media screen { .c { margin: 0 } }\n");
    put(site_assets, "css/_vars.scss", "$c: #336699;\n");
    put(site_assets, "css/lib/mix/_index.scss",
        "@mixin box($p) { padding: $p; border: 1px solid red; }\n");
    put(theme_assets, "css/_theme.scss", ".t { x: y; }\n");
    put(site_assets, "css/err.scss", ".a {\n  color: $nope;\n}\n");
    put(site_assets, "css/_bad.scss", ".x { color: red\n");
    put(site_assets, "css/err2.scss", ".y { a: b; }\n@import \"bad\";\n");
    put(site_assets, "css/miss.scss", ".y { a: b; }\n  @import \"nope\";\n");
    put(site_assets, "css/v.scss",
        "@import \"hugo:vars\";\n"
        ".v { a: $a; b: $b; c: $c; d: $d; e: $e; f: $f; g: $g; h: $h; }\n"
        "@import \"plain.css\";\n@import url(z.css);\n");
    put(site_assets, "css/i.sass",
        "$c: red\n.s\n  color: $c\n  .n\n    margin: 1px 2px\n");
    put(site_assets, "css/_part.sass", ".p\n  q: r\n");
    put(site_assets, "css/s.scss",
        "@import \"part\";\n@import \"shared\";\n.k { l: m; }\n");
    put(site_assets, "css/_pc.scss",
        "@import \"http://fonts.googleapis.com/css?family=Roboto\";\n"
        "@import \"x.css\";\n@import \"//cdn.x/y\";\n"
        "@import \"file:///etc/passwd\";\n.q { r: s; }\n");
    put(site_assets, "css/pcm.scss", "@import \"pc\";\n.m { n: o; }\n");
    put(site_assets, "inc/_shared.scss",
        "%sh { color: blue; }\n.sh2 { @extend %sh; }\n");

    /* what must never be read: above the assets, a link out of them */
    put(dir, "secret.scss", ".secret { a: b; }\n");
    put(site_assets, "css/esc.scss",
        ".y { a: b; }\n@import \"../../etc/passwd\";\n");
    put(site_assets, "css/esc2.scss", "@import \"../../../secret\";\n");
    put(site_assets, "css/esc3.scss", "@import \"/etc/passwd\";\n");
    put(site_assets, "css/esc4.scss", "@import \"out\";\n");
    put(site_assets, "css/esc5.scss", "@import \"lib/../../../secret\";\n");
    snprintf(path, sizeof(path), "%s/css/_out.scss", site_assets);
    snprintf(target, sizeof(target), "%s/secret.scss", dir);
    if (symlink(target, path) != 0) {
        printf("Bail out! symlink\n");
        exit(1);
    }

    /* errors deep in an import chain (the lists libsass drops) */
    put(site_assets, "deep/a.scss", "@import \"b\";\n.a { x: y; }\n");
    put(site_assets, "deep/_b.scss", "@import \"c\";\n.b { x: y; }\n");
    put(site_assets, "deep/_c.scss", ".c { x: $undefined; }\n");
    put(site_assets, "deep/p.scss", "@import \"b2\";\n.a { x: y; }\n");
    put(site_assets, "deep/_b2.scss", "@import \"c2\";\n.b { x: y; }\n");
    put(site_assets, "deep/_c2.scss", ".c { x: y; \n");
    put(site_assets, "deep/m.scss", "@import \"b3\";\n@import \"nope\";\n");
    put(site_assets, "deep/_b3.scss", "@import \"c3\";\n.b { x: y; }\n");
    put(site_assets, "deep/_c3.scss", ".c { x: y; }\n");
    put(site_assets, "deep/loop.scss", "@import \"l1\";\n");
    put(site_assets, "deep/_l1.scss", "@import \"l2\";\n");
    put(site_assets, "deep/_l2.scss", "@import \"l1\";\n");
}


static void
cleanup(void)
{
    char  cmd[128];

    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    if (system(cmd) != 0) {
        printf("# could not remove %s\n", dir);
    }
}


/* Render a page whose layout is tpl: the output, or the error. */
static const char *
render(const char *tpl)
{
    page_error_t           err;
    page_options_t         opt;
    static page_arena_t    conf;
    static page_templates_t  *t;
    page_template_file_t   files[1];
    static const char      src[] = "---\ntitle: A\n---\nbody\n";

    if (rendered) {
        page_result_free(&res);
        page_arena_free(&conf);
        rendered = 0;
    }

    page_arena_init(&conf, 0);
    page_error_init(&err);

    files[0].path = "_default/single.html";
    files[0].text = tpl;
    files[0].len = strlen(tpl);

    t = page_templates_new(&conf, page_data_funcs, page_data_nfuncs);
    if (t == NULL || page_templates_add_files(t, "(test)", files, 1, &err)
                     != 0
        || page_templates_compile(t, &err) != 0)
    {
        static char  msg[sizeof(err.msg) + 16];

        snprintf(msg, sizeof(msg), "compile: %s", err.msg);
        page_arena_free(&conf);
        return msg;
    }

    page_options_init(&opt);
    opt.path = "/srv/site/a.md";
    opt.templates = t;
    opt.base_url = base_url;
    opt.base_url_len = strlen(base_url);
    opt.site_title = "S";
    opt.site_title_len = 1;
    opt.assets = assets;
    opt.nassets = 2;
    opt.workdir = site_dir;

    rc = page_render(src, sizeof(src) - 1, &opt, &res);
    rendered = 1;

    if (rc != PAGE_OK) {
        return res.error.msg;
    }

    {
        static char  out[65536];

        snprintf(out, sizeof(out), "%.*s", (int) res.len, res.data);
        return out;
    }
}


#define OUT(tpl, want, name)  is_str(render(tpl), want, name)


/* The render fails with a one-line message holding want. */
static void
fails(const char *tpl, const char *want, const char *name)
{
    const char  *msg;

    msg = render(tpl);

    if (!ok(rc != PAGE_OK && strstr(msg, want) != NULL
            && strchr(msg, '\n') == NULL, name))
    {
        printf("#   wanted an error with: '%s'\n#   got (rc %d): '%s'\n",
               want, rc, msg);
    }
}


#define MAIN(style)                                                          \
    "{{ $c := resources.Get \"css/main.scss\" | toCSS (dict \"outputStyle\" " \
    "\"" style "\" \"targetPath\" \"o/" style ".css\") }}"                   \
    "[{{ $c.RelPermalink }}|{{ $c.MediaType }}]\n{{ $c.Content | safeCSS }}"


static void
test_styles(void)
{
    /* the import chain: a partial, a directory's _index, the theme's */
    OUT(MAIN("nested"),
        "[/o/nested.css|text/css]\n"
        ".t {\n  x: y; }\n\n"
        ".a {\n  color: #336699;\n  /* comment */\n"
        "  padding: 1.12345679px;\n  border: 1px solid red; }\n"
        "  .a .b {\n    width: 20px; }\n"
        "    .a .b:hover {\n      color: #264d73; }\n\n"
        "@media screen {\n  .c {\n    margin: 0; } }\n",
        "nested (the default), imports, precision 8");

    OUT(MAIN("expanded"),
        "[/o/expanded.css|text/css]\n"
        ".t {\n  x: y;\n}\n\n"
        ".a {\n  color: #336699;\n  /* comment */\n"
        "  padding: 1.12345679px;\n  border: 1px solid red;\n}\n\n"
        ".a .b {\n  width: 20px;\n}\n\n"
        ".a .b:hover {\n  color: #264d73;\n}\n\n"
        "@media screen {\n  .c {\n    margin: 0;\n  }\n}\n",
        "expanded");

    OUT(MAIN("compact"),
        "[/o/compact.css|text/css]\n"
        ".t { x: y; }\n\n"
        ".a { color: #336699; /* comment */ padding: 1.12345679px; "
        "border: 1px solid red; }\n\n"
        ".a .b { width: 20px; }\n\n"
        ".a .b:hover { color: #264d73; }\n\n"
        "@media screen { .c { margin: 0; } }\n",
        "compact");

    OUT(MAIN("compressed"),
        "[/o/compressed.css|text/css]\n"
        ".t{x:y}.a{color:#369;padding:1.12345679px;border:1px solid red}"
        ".a .b{width:20px}.a .b:hover{color:#264d73}"
        "@media screen{.c{margin:0}}\n",
        "compressed");

    OUT("{{ $p := resources.Get \"css/main.scss\" | toCSS (dict \"precision\" "
        "3 \"targetPath\" \"p3.css\") }}{{ $p.Content | safeCSS }}",
        ".t {\n  x: y; }\n\n"
        ".a {\n  color: #336699;\n  /* comment */\n"
        "  padding: 1.123px;\n  border: 1px solid red; }\n"
        "  .a .b {\n    width: 20px; }\n"
        "    .a .b:hover {\n      color: #264d73; }\n\n"
        "@media screen {\n  .c {\n    margin: 0; } }\n",
        "precision 3");

    OUT("{{ (resources.Get \"css/main.scss\" | toCSS).RelPermalink }}|"
        "{{ (resources.Get \"css/main.scss\" | css.Sass).RelPermalink }}|"
        "{{ (resources.Get \"css/main.scss\" | resources.ToCSS).Name }}",
        "/css/main.css|/css/main.css|/css/main.scss",
        "the default target: .scss to .css; the name stays");

    /* a target path string in place of the options, then a chain */
    OUT("{{ (resources.Get \"css/main.scss\" | toCSS \"x/out.css\" | "
        "fingerprint \"md5\").RelPermalink }}",
        "/x/out.2a407191acdcda0dc7c47ab671d62643.css",
        "toCSS TARGET | fingerprint: hugo's digest of the same CSS");

    OUT("{{ (resources.FromString \"a/b.scss\" \".f { g: 1 + 2 }\" | toCSS "
        "(dict \"outputStyle\" \"compressed\")).Content | safeCSS }}",
        ".f{g:3}\n", "a resource from a string");
}


static void
test_syntax_vars(void)
{
    OUT("{{ with resources.Get \"css/i.sass\" | toCSS }}{{ .RelPermalink }}\n"
        "{{ .Content | safeCSS }}{{ end }}",
        "/css/i.css\n.s {\n  color: red; }\n  .s .n {\n"
        "    margin: 1px 2px; }\n",
        "the indented syntax (.sass)");

    /* a .sass partial from SCSS, an include path, @extend */
    OUT("{{ (resources.Get \"css/s.scss\" | toCSS (dict \"includePaths\" "
        "(slice \"assets/inc\"))).Content | safeCSS }}",
        ".p {\n  q: r; }\n\n.sh2 {\n  color: blue; }\n\n.k {\n  l: m; }\n",
        "a .sass partial, includePaths");

    /* hugo:vars: typed values as they are, others unquote("..."),
     * css.Quoted quoted; the main file's plain CSS import kept */
    OUT("{{ (resources.Get \"css/v.scss\" | toCSS (dict \"vars\" (dict "
        "\"a\" \"24px\" \"b\" \"#fff\" \"c\" \"hello world\" \"d\" 3 "
        "\"e\" \"rgba(0,0,0,.5)\" \"$f\" (css.Quoted \"1px\") "
        "\"g\" \"url(x.png)\" \"h\" 1.5))).Content | safeCSS }}",
        "@import url(z.css);\n.v {\n  a: 24px;\n  b: #fff;\n"
        "  c: hello world;\n  d: 3;\n  e: rgba(0, 0, 0, 0.5);\n"
        "  f: &#34;1px&#34;;\n  g: url(x.png);\n  h: 1.5; }\n\n"
        "@import &#34;plain.css&#34;;\n",
        "vars through hugo:vars, plain CSS imports");
}


static void
test_css_imports(void)
{
    /* hugo 0.111.3 (libsass keeps them, an http one without quotes);
     * "file://" is a file name to libsass: looked for in the assets */
    fails("{{ (resources.Get \"css/pcm.scss\" | toCSS).Content | safeCSS }}",
          "\"assets/css/_pc.scss:4:1\": File to import not found or "
          "unreadable: file:///etc/passwd.", "file:// is a file name");
    put(site_assets, "css/_pc.scss",
        "@import \"http://fonts.googleapis.com/css?family=Roboto\";\n"
        "@import \"x.css\";\n@import \"//cdn.x/y\";\n.q { r: s; }\n");
    OUT("{{ (resources.Get \"css/pcm.scss\" | toCSS).Content | safeCSS }}",
        "@import http://fonts.googleapis.com/css?family=Roboto;\n"
        "@import url(x.css);\n@import //cdn.x/y;\n"
        ".q {\n  r: s; }\n\n.m {\n  n: o; }\n",
        "CSS imports in a partial, as libsass keeps them");
}


static void
test_errors(void)
{
    fails("{{ resources.Get \"css/err.scss\" | toCSS }}",
          "TOCSS: failed to transform \"/css/err.scss\" (text/x-scss): "
          "\"assets/css/err.scss:2:10\": Undefined variable: \"$nope\".",
          "an error names file:line:col as hugo");

    fails("{{ resources.Get \"css/err2.scss\" | toCSS }}",
          "\"assets/css/_bad.scss:1:16\": Invalid CSS after \".x { color: "
          "red\": expected \"}\", was \"\"",
          "an error in a partial names the partial");

    fails("{{ resources.Get \"css/miss.scss\" | toCSS }}",
          "\"assets/css/miss.scss:2:3\": File to import not found or "
          "unreadable: nope.", "a missing import, at the @import");

    OUT("{{ with try (resources.Get \"css/err.scss\" | toCSS) }}"
        "{{ with .Err }}caught{{ end }}{{ end }}", "caught",
        "try catches a compile error");

    fails("{{ resources.Get \"css/main.scss\" | toCSS (dict \"transpiler\" "
          "\"dartsass\") }}", "css.Sass: the dartsass transpiler (Dart Sass) "
          "is an external tool, not run at request time",
          "dartsass fails in one line");
    fails("{{ resources.Get \"css/main.scss\" | toCSS (dict \"transpiler\" "
          "\"x\") }}", "unsupported transpiler \"x\"",
          "an unknown transpiler");
    fails("{{ resources.Get \"nope.scss\" | toCSS }}",
          "type <nil> not supported in Resource transformations",
          "toCSS of nil: Hugo's words");
}


static void
test_confined(void)
{
    /* hugo 0.111.3 reads /etc/passwd here ("/etc/passwd:1:1": Invalid
     * CSS after "r"); we refuse at the @import */
    fails("{{ resources.Get \"css/esc.scss\" | toCSS }}",
          "\"assets/css/esc.scss:2:1\": File to import not found or "
          "unreadable: ../../etc/passwd (imports are read from the assets "
          "directories only).", "../../etc/passwd is refused");
    fails("{{ resources.Get \"css/esc2.scss\" | toCSS }}",
          "unreadable: ../../../secret (imports are read from the assets "
          "directories only)", "a file above the assets is refused");
    fails("{{ resources.Get \"css/esc3.scss\" | toCSS }}",
          "unreadable: /etc/passwd (imports are read", "an absolute path");
    fails("{{ resources.Get \"css/esc4.scss\" | toCSS }}",
          "File to import not found or unreadable: out.",
          "a link out of the assets is not followed");
    fails("{{ resources.Get \"css/esc5.scss\" | toCSS }}",
          "unreadable: lib/../../../secret (imports",
          "\"..\" inside the path counts");
    fails("{{ resources.Get \"css/s.scss\" | toCSS (dict \"includePaths\" "
          "(slice \"..\" \"/etc\" \"assets/../..\" \"inc\")) }}",
          "\"assets/css/s.scss:2:1\": File to import not found or "
          "unreadable: shared.", "include paths out of the assets are "
          "ignored");
}


static void
test_deep(void)
{
    /* errors while imports are open: the lists libsass drops are freed
     * (ASan's leak check runs on this binary) */
    fails("{{ resources.Get \"deep/a.scss\" | toCSS }}",
          "\"assets/deep/_c.scss:1:9\": Undefined variable: "
          "\"$undefined\".", "an evaluation error two imports down");
    fails("{{ resources.Get \"deep/p.scss\" | toCSS }}",
          "\"assets/deep/_c2.scss:1:11\": Invalid CSS after \".c { x: y;\": "
          "expected \"}\", was \"\"",
          "a syntax error two imports down");
    fails("{{ resources.Get \"deep/m.scss\" | toCSS }}",
          "\"assets/deep/m.scss:2:1\": File to import not found or "
          "unreadable: nope.", "an error after a finished import chain");
    fails("{{ resources.Get \"deep/loop.scss\" | toCSS }}",
          "\"assets/deep/_l1.scss:1:1\": An @import loop has been found:",
          "an import loop");
}


/* The limits: PAGE_SASS_MAX_IMPORTS, PAGE_SASS_MAX_DEPTH and
 * PAGE_SASS_MAX_INPUT (1000 imports, 32 deep, 2 MB). */
static void
test_limits(void)
{
    int     i;
    char    name[64], text[64], *big;
    size_t  n;

    big = malloc(2 * 1024 * 1024 + 64);
    if (big == NULL) {
        printf("Bail out! malloc\n");
        exit(1);
    }

    /* the same partial 1001 times */
    put(site_assets, "lim/_one.scss", ".one { a: b; }\n");
    for (n = 0, i = 0; i < 1001; i++) {
        memcpy(big + n, "@import \"one\";\n", 15);
        n += 15;
    }
    big[n] = '\0';
    put(site_assets, "lim/many.scss", big);
    fails("{{ resources.Get \"lim/many.scss\" | toCSS }}",
          "\"assets/lim/many.scss:1001:1\": more than 1000 imports",
          "more than PAGE_SASS_MAX_IMPORTS imports");

    /* a chain 40 files deep */
    for (i = 0; i < 40; i++) {
        snprintf(name, sizeof(name), "lim/_d%d.scss", i);
        snprintf(text, sizeof(text), "@import \"d%d\";\n", i + 1);
        put(site_assets, name, text);
    }
    put(site_assets, "lim/_d40.scss", ".end { a: b; }\n");
    put(site_assets, "lim/deep.scss", "@import \"d0\";\n");
    fails("{{ resources.Get \"lim/deep.scss\" | toCSS }}",
          "\"assets/lim/_d30.scss:1:1\": imports nested deeper than 32",
          "imports nested deeper than PAGE_SASS_MAX_DEPTH");

    /* a main file over 2 MB */
    memset(big, ' ', 2 * 1024 * 1024 + 1);
    big[2 * 1024 * 1024 + 1] = '\0';
    put(site_assets, "lim/big.scss", big);
    fails("{{ resources.Get \"lim/big.scss\" | toCSS }}",
          "TOCSS: failed to transform \"/lim/big.scss\" (text/x-scss): "
          "larger than 2097152 bytes", "a stylesheet over 2 MB");

    /* a partial that takes the imports over 2 MB */
    big[1536 * 1024] = '\0';
    put(site_assets, "lim/_half.scss", big);
    put(site_assets, "lim/two.scss", "@import \"half\";\n"
                                     "@import \"half\";\n");
    fails("{{ resources.Get \"lim/two.scss\" | toCSS }}",
          "\"assets/lim/two.scss:2:1\": the stylesheets are larger than "
          "2097152 bytes", "imports over 2 MB");

    free(big);
}


static void
test_cache(void)
{
    const char  *tpl = "{{ (resources.Get \"cache/a.scss\" | toCSS (dict "
                       "\"outputStyle\" \"compressed\")).Content | "
                       "safeCSS }}";

    put(site_assets, "cache/a.scss", "@import \"b\";\n.a { c: $c; }\n");
    put(site_assets, "cache/_b.scss", "$c: 1px;\n");

    OUT(tpl, ".a{c:1px}\n", "compiled");
    OUT(tpl, ".a{c:1px}\n", "again, from the cache");

    /* an imported file changes (its size does): compiled again */
    put(site_assets, "cache/_b.scss", "$c: 22px;\n");
    OUT(tpl, ".a{c:22px}\n", "an import changed: compiled again");

    /* the main file is part of the key */
    put(site_assets, "cache/a.scss", "@import \"b\";\n.b { c: $c; }\n");
    OUT(tpl, ".b{c:22px}\n", "the main file changed");

    /* a file added where an import now finds it first: the site's
     * partial over the theme's (the directory's time changes) */
    put(theme_assets, "cache/_d.scss", ".d { e: theme; }\n");
    put(site_assets, "cache/d.scss", "@import \"d\";\n");
    OUT("{{ (resources.Get \"cache/d.scss\" | toCSS (dict \"outputStyle\" "
        "\"compressed\")).Content | safeCSS }}", ".d{e:theme}\n",
        "the theme's partial");
    put(site_assets, "cache/_d.scss", ".d { e: site; }\n");
    OUT("{{ (resources.Get \"cache/d.scss\" | toCSS (dict \"outputStyle\" "
        "\"compressed\")).Content | safeCSS }}", ".d{e:site}\n",
        "a site's partial added over it: compiled again");
    {
        char  path[512];

        snprintf(path, sizeof(path), "%s/cache/_d.scss", site_assets);
        unlink(path);
    }

    /* an import gone: the error, not the cached CSS */
    put(site_assets, "cache/a.scss", "@import \"b\";\n.a { c: $c; }\n");
    OUT(tpl, ".a{c:22px}\n", "cached again");
    {
        char  path[512];

        snprintf(path, sizeof(path), "%s/cache/_b.scss", site_assets);
        unlink(path);
    }
    fails(tpl, "File to import not found or unreadable: b.",
          "an import removed: compiled again, and fails");
}


/* Through the child process (the default): the same answers, and a
 * compile without end is stopped by the kernel. */
static void
test_sandbox(void)
{
    page_sass_cpu_limit = 1;

    OUT("{{ (resources.Get \"css/s.scss\" | toCSS (dict \"includePaths\" "
        "(slice \"assets/inc\") \"outputStyle\" \"compact\")).Content | "
        "safeCSS }}",
        ".p { q: r; }\n\n.sh2 { color: blue; }\n\n.k { l: m; }\n",
        "sandboxed: the CSS");
    fails("{{ resources.Get \"deep/a.scss\" | toCSS }}",
          "\"assets/deep/_c.scss:1:9\": Undefined variable: "
          "\"$undefined\".", "sandboxed: the error");

    /* 10^5 rules from 200 bytes: 5.4 s and 320 MB without ASan */
    fails("{{ resources.FromString \"w.scss\" \"$l: 1 2 3 4 5 6 7 8 9 10; "
          "@each $a in $l { @each $b in $l { @each $c in $l { @each $d in $l "
          "{ @each $e in $l { .x-#{$a}-#{$b}-#{$c}-#{$d}-#{$e} { w: $a; } } } "
          "} } }\" | toCSS }}",
          "TOCSS: failed to transform \"/w.scss\" (text/x-scss): the "
          "compile was stopped: more than 1 s of CPU time or 512 MB of "
          "memory (libsass has no limit of its own)",
          "nested @each: stopped");
    fails("{{ resources.FromString \"w2.scss\" \"$i: 0; @while true { $i: "
          "$i + 1; }\" | toCSS }}", "the compile was stopped: more than 1 s",
          "an endless @while: stopped");

    test_cache();

    page_sass_cpu_limit = 0;
}


int
main(void)
{
    setup();

    /* in the process first: ASan sees libsass's memory and ours */
    page_sass_cpu_limit = 0;

    test_styles();
    test_syntax_vars();
    test_css_imports();
    test_errors();
    test_confined();
    test_deep();
    test_limits();
    test_cache();
    test_sandbox();

    if (rendered) {
        page_result_free(&res);
    }
    cleanup();
    page_exit();

    return tap_done();
}
