/*
 * test_templates: the template store (page_templates.c).  Which layout,
 * baseof, partial and shortcode a page gets, the user's directories
 * through every candidate before the built-in theme; Hugo's old and new
 * folder names; templates of any extension, plain text where Hugo uses
 * text/template; every template error of a run reported, one line each;
 * and the templates and partials namespaces (page_fn_templates.c).
 *
 * Expected layouts are hugo 0.111.3's where current Hugo agrees (checked
 * with sites in /tmp/lookup-hugo), else current Hugo's, read from its
 * tpl/tplimpl/templatedescriptor.go and templatestore.go (weights: a
 * custom layout 6, a kind 5, single/list 4, all 2; a folder nearer the
 * page wins unless the farther template matches a custom layout), and
 * said so where it differs.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tap.h"
#include "page.h"
#include "page_data.h"
#include "page_templates.h"

static char                dir[64];
static page_arena_t        conf;
static page_templates_t   *store;
static page_error_t        cerr;
static page_result_t       res;
static int                 rendered;


/* Write base/rel (folders made as needed). */
static void
put_in(const char *base, const char *rel, const char *text)
{
    char   path[512], *p;
    FILE  *f;

    snprintf(path, sizeof(path), "%s/%s", base, rel);

    for (p = path + strlen(base) + 1; (p = strchr(p, '/')) != NULL; p++) {
        *p = '\0';
        mkdir(path, 0755);
        *p = '/';
    }

    f = fopen(path, "w");
    if (f == NULL) {
        perror(path);
        exit(2);
    }
    fputs(text, f);
    fclose(f);
}


/* Write dir/rel, in the layouts directory. */
static void
put(const char *rel, const char *text)
{
    put_in(dir, rel, text);
}


/* A fresh, empty layouts directory. */
static void
fresh(void)
{
    char  cmd[128];

    if (dir[0] != '\0') {
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
        if (system(cmd) != 0) {
            exit(2);
        }
    }

    snprintf(dir, sizeof(dir), "/tmp/lookup-unit-XXXXXX");
    if (mkdtemp(dir) == NULL) {
        perror("mkdtemp");
        exit(2);
    }
}


/* Compile the directory (then the built-in theme): 0 or -1. */
static int
compile(void)
{
    if (store != NULL) {
        page_arena_free(&conf);
        store = NULL;
    }

    page_arena_init(&conf, 0);
    page_error_init(&cerr);

    store = page_templates_new(&conf, page_data_funcs, page_data_nfuncs);
    if (store == NULL
        || page_templates_add_dir(store, dir, &cerr) != 0
        || page_templates_add_files(store, "(built-in theme)",
                                    page_builtin_theme,
                                    page_builtin_theme_count, &cerr) != 0)
    {
        return -1;
    }

    return page_templates_compile(store, &cerr);
}


/* The entry template a page at path gets ("" when none). */
static const char *
entry(const char *path, const char *kind, const char *type,
    const char *layout)
{
    const char              *e;
    page_templates_query_t   q;

    memset(&q, 0, sizeof(q));
    q.path = path;
    q.path_len = path ? strlen(path) : 0;
    q.kind = kind;
    q.type = type;
    q.layout = layout;

    e = "";

    if (page_templates_find_layout(store, &q, &e) == NULL) {
        return "";
    }

    return e;
}


/* Render src as the file path under the site root; the page or error. */
static const char *
render(const char *path, const char *src)
{
    static char     out[65536];
    page_options_t  opt;
    int             rc;

    if (rendered) {
        page_result_free(&res);
    }

    page_options_init(&opt);
    opt.path = path;
    opt.file = path;
    opt.file_len = strlen(path);
    opt.templates = store;

    rc = page_render(src, strlen(src), &opt, &res);
    rendered = 1;

    if (rc != PAGE_OK) {
        return res.error.msg;
    }

    snprintf(out, sizeof(out), "%.*s", (int) res.len, res.data);

    return out;
}


static void
test_builtin_last(void)
{
    const char  *out;

    /*
     * The bug: `layout: page` took the built-in theme's page layout
     * although the user's directory has _default/single.html, which is
     * what Hugo (no built-in theme) uses.
     */
    fresh();
    put("_default/single.html", "USER-SINGLE {{ .Title }}");
    ok(compile() == 0, "user single compiles");

    out = render("/b.md", "---\ntitle: B\nlayout: page\n---\nb\n");
    is_str(out, "USER-SINGLE B", "layout page: the user's single, not the "
           "built-in page");
    is_str(entry("/b.md", "page", NULL, "page"), "_default/single.html",
           "layout page: entry");

    /* a layout only the built-in theme has: its own page */
    fresh();
    put("partials/unused.html", "x");
    ok(compile() == 0, "no user layouts: compiles");
    is_str(entry("/b.md", "page", NULL, "page"), "_default/baseof.html",
           "no user layout: the built-in page, through its baseof");
    out = render("/b.md", "---\ntitle: B\nlayout: page\n---\nb\n");
    ok(strstr(out, "<article class=\"page") != NULL,
       "no user layout: the built-in theme's page layout renders");

    /* a partial of the built-in theme's name: the user's wins */
    fresh();
    put("partials/footer.html", "USER-FOOTER");
    ok(compile() == 0, "user footer compiles");
    out = render("/c.md", "---\ntitle: C\n---\nc\n");
    ok(strstr(out, "USER-FOOTER") != NULL,
       "the built-in layout calls the user's partial of the same name");

    /* a shortcode too */
    fresh();
    put("shortcodes/note.html", "USER-NOTE");
    put("_default/single.html", "{{ .Content }}");
    ok(compile() == 0, "user note compiles");
    out = render("/c.md", "---\ntitle: C\n---\n{{< note >}}\n");
    is_str(out, "USER-NOTE\n", "the user's shortcode over the built-in one");

    /*
     * a user's shortcode wrapping the embedded one of the same name, as
     * Hugo allows: {{ template "_internal/shortcodes/figure.html" . }}
     */
    fresh();
    put("shortcodes/figure.html",
        "<div class=\"wrap\">{{ template \"_internal/shortcodes/figure.html\""
        " . }}</div>");
    put("_default/single.html", "{{ .Content }}");
    ok(compile() == 0, "a shortcode wrapping the embedded one compiles");
    out = render("/c.md", "---\ntitle: C\n---\n{{< figure src=\"a.png\" >}}\n");
    ok(strncmp(out, "<div class=\"wrap\"><figure>", 26) == 0
       && strstr(out, "src=\"a.png\"") != NULL,
       "_internal/shortcodes/figure.html is the built-in figure");
}


static void
test_old_names(void)
{
    fresh();
    put("_default/single.html", "s");
    put("_default/mine.html", "m");
    put("posts/single.html", "ps");
    put("_default/list.html", "l");
    ok(compile() == 0, "old names compile");

    /* hugo 0.111.3 and current Hugo */
    is_str(entry("/posts/a.md", "page", NULL, NULL), "posts/single.html",
           "section folder first");
    is_str(entry("/c.md", "page", NULL, NULL), "_default/single.html",
           "a page in the root: _default/single.html");
    is_str(entry("/posts/a.md", "page", NULL, "nosuch"), "posts/single.html",
           "unknown layout: the section's single");
    is_str(entry("/c.md", "page", NULL, "mine"), "_default/mine.html",
           "layout in front matter");
    is_str(entry("/index.md", "home", NULL, NULL), "_default/list.html",
           "home page: _default/list.html");

    /*
     * hugo 0.111.3 takes posts/single.html (type before layout); current
     * Hugo a template matching the custom layout, however far (w2 = 2).
     */
    is_str(entry("/posts/a.md", "page", NULL, "mine"), "_default/mine.html",
           "custom layout over a nearer single (current Hugo)");

    /*
     * type replaces the section in the page's path (current Hugo's
     * BaseReTyped); hugo 0.111.3 still tried posts/ after blog/.
     */
    is_str(entry("/posts/a.md", "page", "blog", NULL), "_default/single.html",
           "front matter type replaces the section (current Hugo)");
    put("blog/single.html", "bs");
    ok(compile() == 0, "blog compiles");
    is_str(entry("/posts/a.md", "page", "blog", NULL), "blog/single.html",
           "front matter type: its folder");
    is_str(entry("/about.md", "page", "blog", NULL), "blog/single.html",
           "front matter type on a page in the root");

    /*
     * _default/page.html: in hugo 0.111.3 a layout named page; current
     * Hugo reads "page" as the page kind, so it serves every page
     * (kind 5 over single 4).
     */
    put("_default/page.html", "p");
    ok(compile() == 0, "page.html compiles");
    is_str(entry("/c.md", "page", NULL, NULL), "_default/page.html",
           "page.html is the kind page (current Hugo)");
    is_str(entry("/posts/a.md", "page", NULL, NULL), "posts/single.html",
           "the nearer folder still wins");

    /* index.html: the home page's (legacy name) */
    put("index.html", "i");
    ok(compile() == 0, "index.html compiles");
    is_str(entry("/index.md", "home", NULL, NULL), "index.html",
           "index.html for the home page");
    is_str(entry("/c.md", "page", NULL, NULL), "_default/page.html",
           "index.html is not for pages");
}


static void
test_new_names(void)
{
    fresh();
    put("single.html", "s");
    put("docs/api/page.html", "dp");
    put("all.html", "a");
    put("home.html", "h");
    ok(compile() == 0, "new names compile");

    is_str(entry("/posts/a.md", "page", NULL, NULL), "single.html",
           "single.html in the root of layouts/");
    is_str(entry("/docs/api/x.md", "page", NULL, NULL), "docs/api/page.html",
           "nested page path, kind in the name");
    is_str(entry("/docs/other.md", "page", NULL, NULL), "single.html",
           "not below docs/api: the root's");
    is_str(entry("/index.md", "home", NULL, NULL), "home.html",
           "home.html for the home page");

    fresh();
    put("all.html", "a");
    put("single.en.html", "se");
    put("single.html", "s");
    ok(compile() == 0, "languages compile");
    is_str(entry("/a.md", "page", NULL, NULL), "single.en.html",
           "the site's language in the name wins");
    is_str(entry("/index.md", "home", NULL, NULL), "all.html",
           "all.html: the catch-all for a home page");

    fresh();
    put("list.html", "l");
    put("single.amp.html", "amp");
    put("single.json", "{}");
    put("page.xml", "<x/>");
    ok(compile() == 0, "other formats compile");
    is_str(entry("/a.md", "page", NULL, NULL), "single.amp.html",
           "amp, html's media type, when nothing better");
    put("single.html", "s");
    ok(compile() == 0, "single.html added");
    is_str(entry("/a.md", "page", NULL, NULL), "single.html",
           "html over amp; json and xml never for a page");

    /* baseof: Hugo's old "list-baseof.html" is "baseof.list.html" */
    fresh();
    put("_default/baseof.html", "B[{{ block \"main\" . }}{{ end }}]");
    put("docs/baseof.html", "D[{{ block \"main\" . }}{{ end }}]");
    put("_default/list-baseof.html", "L[{{ block \"main\" . }}{{ end }}]");
    put("_default/single.html", "{{ define \"main\" }}S{{ end }}");
    put("_default/list.html", "{{ define \"main\" }}LI{{ end }}");
    ok(compile() == 0, "baseofs compile");
    is_str(entry("/a.md", "page", NULL, NULL), "_default/baseof.html",
           "a page: baseof.html");
    is_str(entry("/docs/a.md", "page", NULL, NULL), "docs/baseof.html",
           "a page below docs: docs/baseof.html");
    is_str(entry("/index.md", "home", NULL, NULL), "_default/list-baseof.html",
           "the home page: list-baseof.html (baseof.list)");
    is_str(render("/docs/a.md", "---\ntitle: A\n---\n"), "D[S]",
           "rendered through the nearest baseof");
    is_str(render("/a.md", "---\ntitle: A\n---\n"), "B[S]",
           "rendered through the root's baseof");

    /* a user layout with blocks and no baseof: the built-in one's */
    fresh();
    put("_default/single.html", "{{ define \"main\" }}MINE{{ end }}");
    ok(compile() == 0, "layout without baseof compiles");
    is_str(entry("/a.md", "page", NULL, NULL), "_default/baseof.html",
           "the built-in baseof wraps the user's blocks");
    ok(strstr(render("/a.md", "---\ntitle: A\n---\n"), "MINE") != NULL,
       "the user's main inside the built-in baseof");
}


static void
test_odd_names(void)
{
    /* names Hugo's parser reads oddly still compile, and do not match */
    fresh();
    put("a..html", "A");
    put("noext", "N");
    put("baseof", "B");
    put(".hidden.html", "{{ broken");
    put("single.html~", "{{ broken");
    put("x.y.z.w.v.u.t.s.r.q.html", "X");
    put("single.html", "S");
    ok(compile() == 0, "odd names compile; hidden files and backups "
       "are not read");
    is_str(entry("/p.md", "page", NULL, NULL), "single.html",
           "odd names do not match a page");
    is_str(entry("/p.md", "page", NULL, "a"), "a..html",
           "a..html is the custom layout a");
}


static void
test_extensions(void)
{
    const char  *out;

    /* hugo 0.111.3's output for the same files (/tmp/lookup-hugo/s1) */
    fresh();
    put("_partials/icons/x.svg", "<svg>{{ \"<a&b>\" }}</svg>");
    put("partials/x.json", "{\"a\": \"{{ \"<a&b>\" }}\"}");
    put("partials/x.txt", "txt {{ \"<a&b>\" }}");
    put("partials/x.xml", "<x>{{ \"<a&b>\" }}</x>");
    put("partials/ret.json", "{{ return (dict \"k\" \"<v>\") }}");
    put("partials/y.html", "Y");
    put("shortcodes/sc2.md", "SC2-MD **{{ \"<b>\" }}**");
    put("shortcodes/sc3.html.html", "SC3-HTMLHTML");
    put("_default/single.html",
        "svg={{ partial \"icons/x.svg\" . }}\n"
        "json={{ partial \"x.json\" . }}\n"
        "txt={{ partial \"x.txt\" . }}\n"
        "xml={{ partial \"x.xml\" . }}\n"
        "ret={{ (partial \"ret.json\" .).k }}\n"
        "bare={{ partial \"y\" . }}\n"
        "{{ .Content }}");
    ok(compile() == 0, "partials of any extension compile");

    out = render("/a.md", "---\ntitle: A\n---\n{{% sc2 %}} {{< sc3 >}}\n");
    is_str(out, "svg=<svg>&lt;a&amp;b&gt;</svg>\n"
           "json={\"a\": \"<a&b>\"}\n"
           "txt=txt <a&b>\n"
           "xml=<x>&lt;a&amp;b&gt;</x>\n"
           "ret=&lt;v&gt;\n"
           "bare=Y\n"
           "<p>SC2-MD <strong><!-- raw HTML omitted --></strong> "
           "SC3-HTMLHTML</p>\n",
           "svg and xml escaped as HTML, json and txt as text, as hugo");

    /* hugo 0.111.3 (/tmp/lookup-hugo/s1): the page's language first */
    put("shortcodes/sc1.html", "SC1-HTML");
    put("shortcodes/sc1.en.html", "SC1-EN-HTML");
    put("shortcodes/sc1.fr.html", "SC1-FR-HTML");
    put("_default/single.html", "{{ .Content }}");
    ok(compile() == 0, "language variants compile");
    is_str(render("/a.md", "---\ntitle: A\n---\n{{< sc1 >}}\n"),
           "SC1-EN-HTML\n", "shortcode name.en.html on an English site");

    /*
     * current Hugo (0.146): _shortcodes/ at any level serves the pages
     * below it, nearest first; the language still weighs more than the
     * distance (templatestore.go: a nearer template with a lower
     * language weight is not better)
     */
    fresh();
    put("_shortcodes/sc.html", "ROOT-SC");
    put("docs/_shortcodes/sc.html", "DOCS-SC");
    put("docs/api/_shortcodes/sc.md", "API-MD");
    put("_shortcodes/two.en.html", "ROOT-EN");
    put("docs/_shortcodes/two.html", "DOCS-TWO");
    put("_default/single.html", "{{ .Content }}");
    ok(compile() == 0, "nested shortcodes compile");
    is_str(render("/docs/a.md", "---\ntitle: A\n---\n{{< sc >}}\n"),
           "DOCS-SC\n", "docs/_shortcodes/ for a page below docs/");
    is_str(render("/b.md", "---\ntitle: A\n---\n{{< sc >}}\n"),
           "ROOT-SC\n", "the root's for a page elsewhere");
    is_str(render("/docs/api/c.md", "---\ntitle: A\n---\n{{< sc >}}\n"),
           "DOCS-SC\n", "HTML before a nearer plain-text one");
    is_str(render("/docs/a.md", "---\ntitle: A\n---\n{{< two >}}\n"),
           "ROOT-EN\n", "the language before the distance");

    /* hugo 0.111.3: partial "icons/x" is not found when only x.svg is */
    out = render("/a.md", "---\ntitle: A\n---\n");
    put("_default/single.html", "{{ partial \"icons/x\" . }}");
    ok(compile() == 0, "compiles");
    out = render("/a.md", "---\ntitle: A\n---\n");
    ok(strstr(out, "partial \"icons/x\" not found") != NULL,
       "partial without its extension: .html only");
}


static void
test_errors(void)
{
    size_t  i, n;
    int     seen[4];

    fresh();
    put("_default/single.html", "ok\n{{ if .Title }}\nno end\n");
    put("partials/a.html", "a\n  {{ nosuchfunc 1 }}\n");
    put("partials/b.html", "{{ template \"nope\" . }}\n");
    put("partials/c.html", "fine {{ .Title }}\n");
    put("partials/j.json", "{\"a\": {{ oops }}}");
    ok(compile() != 0, "broken templates: the store does not compile");

    n = page_templates_nerrors(store);
    is_int(n, 4, "every broken file reported");

    memset(seen, 0, sizeof(seen));

    for (i = 0; i < n; i++) {
        const char *e = page_templates_error(store, i);

        seen[0] |= strstr(e, "/_default/single.html:4:1: ") != NULL;
        seen[1] |= strstr(e, "/partials/a.html:2:6: ") != NULL
                   && strstr(e, "function \"nosuchfunc\" not defined") != NULL;
        seen[2] |= strstr(e, "/partials/b.html:1:4: ") != NULL
                   && strstr(e, "\"nope\"") != NULL;
        seen[3] |= strstr(e, "/partials/j.json:1:10: ") != NULL
                   && strstr(e, "function \"oops\" not defined") != NULL;
    }

    ok(seen[0] && seen[1] && seen[2] && seen[3],
       "each with its file:line:col");
    ok(strcmp(cerr.msg, page_templates_error(store, 0)) == 0,
       "err holds the first one");

    /* a baseof that many layouts use: its error once */
    fresh();
    put("_default/baseof.html", "{{ block \"main\" . }}{{ end ");
    put("_default/single.html", "{{ define \"main\" }}s{{ end }}");
    put("_default/list.html", "{{ define \"main\" }}l{{ end }}");
    ok(compile() != 0, "broken baseof");
    is_int(page_templates_nerrors(store), 1, "reported once");
}


static void
test_functions(void)
{
    const char  *out;

    fresh();
    put("partials/x.json", "{}");
    put("_partials/n.html", "N{{ . }}");
    put("partials/cur.html", "{{ templates.Current.Name }}|"
        "{{ templates.Current.Filename | path.Base }}");
    put("_default/single.html",
        "{{ templates.Exists \"partials/x.json\" }}"
        "{{ templates.Exists \"_partials/x.json\" }}"
        "{{ templates.Exists \"partials/x\" }}"
        "{{ templates.Exists \"_default/single.html\" }}"
        "{{ templates.Exists \"partials/n.html\" }}|"
        "{{ partials.Include \"n.html\" 1 }}|"
        "{{ partials.IncludeCached \"n.html\" 2 \"variant\" }}|"
        "{{ partial \"cur.html\" . }}|{{ templates.Current.Name }}|"
        "{{ with templates.Defer (dict \"key\" \"k\" \"data\" "
        "(dict \"v\" 5)) }}D{{ .v }}{{ end }}"
        "{{ with templates.Defer }}E{{ end }}");
    if (!ok(compile() == 0, "functions compile")) {
        printf("#   %s\n", cerr.msg);
    }

    /*
     * hugo 0.111.3: partials/x.json true, partials/x false,
     * _default/single.html true (as found); current Hugo also answers
     * the new names (_partials/x.json) of an old path, not the old name
     * of a new path (partials/n.html).
     */
    out = render("/a.md", "---\ntitle: A\n---\n");
    is_str(out, "truetruefalsetruefalse|N1|N2|_partials/cur.html|cur.html|"
           "single.html|D5E",
           "templates.Exists, partials.Include, templates.Current, "
           "templates.Defer");

    /* the chain: a partial in a layout's block, in its baseof */
    fresh();
    put("baseof.html", "[{{ block \"main\" . }}{{ end }}]");
    put("docs/single.html", "{{ define \"main\" }}{{ partial \"p.html\" . }}"
        "{{ end }}");
    put("_partials/p.html", "{{ partial \"q.html\" . }}");
    put("_partials/q.html", "{{ with templates.Current }}{{ .Name }}|"
        "{{ .Parent.Name }}|{{ .Parent.Parent.Name }}"
        "({{ .Parent.Parent.Base.Name }})"
        "{{ range .Ancestors }}/{{ .Name }}{{ end }}"
        "{{ .Parent.Parent.Filename | path.Base }}{{ end }}");
    ok(compile() == 0, "a chain of templates compiles");
    is_str(render("/docs/a.md", "---\ntitle: A\n---\n"),
           "[_partials/q.html|_partials/p.html|docs/single.html"
           "(baseof.html)/_partials/p.html/docs/single.htmlsingle.html]",
           "templates.Current: .Parent, .Base, .Ancestors, .Filename");

    /* Hugo 0.154's partial decorators: the block runs where Inner is */
    put("_partials/n.html", "<div>{{ templates.Inner . }}</div>");
    put("_default/single.html", "{{ with partial \"n.html\" . }}"
        "inner{{ end }}");
    ok(compile() == 0, "templates.Inner compiles");
    out = render("/a.md", "---\ntitle: A\n---\n");
    if (!ok(strstr(out, "templates.Inner: partial decorators are not "
                   "supported") != NULL,
            "templates.Inner fails at run time, saying why"))
    {
        printf("#   %s\n", out);
    }
}


/*
 * Partial names: current Hugo (0.146+) serves its embedded templates as
 * partials too (tpl/tplimpl/embedded/templates/_partials/), after every
 * user directory; hugo 0.111.3 has them only as _internal/ templates.
 * A leading "partials/" is dropped once (hugo 0.111.3: "partials/x.html"
 * is "x.html", "partials/partials/q.html" is "partials/q.html", and
 * "partials/q.html" with only partials/partials/q.html is not found).
 */
static void
test_partial_names(void)
{
    const char  *out;

    fresh();
    put("partials/functions/warnings.html", "W[{{ . }}]");
    put("partials/partials/q.html", "Q");
    put("_default/single.html",
        "{{ partial \"partials/functions/warnings.html\" \"x\" }}"
        "{{ partial \"functions/warnings.html\" \"y\" }}"
        "{{ partial \"partials/functions/warnings\" \"z\" }}"
        "{{ partial \"partials/partials/q.html\" . }}|"
        "{{ strings.Contains (partial \"opengraph.html\" .) `og:title` }}"
        "{{ strings.Contains (partial \"twitter_cards\" .) `twitter:card` }}"
        "{{ strings.Contains (partials.Include \"schema.html\" .) `Page` }}"
        "{{ partial \"google_analytics.html\" . | len | eq 0 }}");
    if (!ok(compile() == 0, "partial names compile")) {
        printf("#   %s\n", cerr.msg);
    }
    out = render("/a.md", "---\ntitle: A\n---\n");
    is_str(out, "W[x]W[y]W[z]Q|truetruetruetrue",
           "partials/ dropped once; the embedded partials answer");

    put("_default/single.html", "{{ partial \"partials/q.html\" . }}");
    ok(compile() == 0, "partials/q.html compiles");
    out = render("/a.md", "---\ntitle: A\n---\n");
    ok(strstr(out, "partial \"partials/q.html\" not found") != NULL,
       "only one partials/ is dropped; the error names the call's name");

    /*
     * What the embedded opengraph prints for a page with images and tags
     * (current Hugo's _partials/opengraph.html: og:url first, the site's
     * name, title, description, type, then article: and og:image tags).
     */
    put("_default/single.html", "{{ partial \"opengraph.html\" . }}"
        "{{ partial \"twitter_cards.html\" . }}"
        "{{ partial \"schema.html\" . }}");
    ok(compile() == 0, "opengraph compiles");
    out = render("/posts/a.md", "---\ntitle: A & B\ndescription: D\n"
                 "date: 2024-01-02T03:04:05Z\ntags: [t1, t2]\n"
                 "images: [img/a.png]\n---\nbody\n");
    ok(strncmp(out, "<meta property=\"og:url\"", 23) == 0,
       "opengraph: og:url first, no blank line before it");
    ok(strstr(out, "<meta property=\"og:type\" content=\"article\">\n"
              "    <meta property=\"article:section\" content=\"posts\">")
       != NULL, "opengraph: a page is an article of its section");
    ok(strstr(out, "article:published_time\" "
              "content=\"2024-01-02T03:04:05+00:00\"") != NULL
       && strstr(out, "article:tag\" content=\"t2\"") != NULL
       && strstr(out, "og:image\" content=\"/img/a.png\"") != NULL,
       "opengraph: published time, tags, images");
    ok(strstr(out, "twitter:card\" content=\"summary_large_image\">\n"
              "  <meta name=\"twitter:image\" content=\"/img/a.png\"")
       != NULL, "twitter_cards: a large image card with the first image");
    ok(strstr(out, "<script type=\"application/ld+json\">\n{\n"
              "  \"@context\": \"https://schema.org\",\n"
              "  \"@type\": \"WebPage\",") != NULL
       && strstr(out, "\"keywords\": [\"t1\",\"t2\"],") != NULL,
       "schema: current Hugo's JSON-LD WebPage with the tags as keywords");
    if (!ok(strstr(out, "og:site_name") == NULL, "no site title, no name")) {
        printf("#   %s\n", out);
    }

    out = render("/b.md", "---\ntitle: B\ncategories: [c1]\n---\nbody\n");
    ok(strstr(out, "og:type\" content=\"article\"") != NULL
       && strstr(out, "twitter:card\" content=\"summary\">") != NULL
       && strstr(out, "og:image") == NULL
       && strstr(out, "article:section") == NULL,
       "no images: a summary card; no section at the root");
    ok(strstr(out, "\"keywords\": [\"c1\"],") != NULL,
       "schema: no tags, the categories as keywords");

    /*
     * hugo 0.111.3 names a namespaced function by its method:
     * "error calling Sqrt: ...", "error calling Repeat: strings:
     * negative Repeat count"
     */
    put("_default/single.html", "{{ math.Sqrt \"x\" }}");
    ok(compile() == 0, "math.Sqrt compiles");
    out = render("/a.md", "---\ntitle: A\n---\n");
    ok(strstr(out, "at <math.Sqrt \"x\">: error calling Sqrt: ") != NULL,
       "error calling Sqrt");
    put("_default/single.html", "{{ strings.Repeat -1 \"x\" }}");
    ok(compile() == 0, "strings.Repeat compiles");
    out = render("/a.md", "---\ntitle: A\n---\n");
    if (!ok(strstr(out, "error calling Repeat: strings: negative Repeat "
                   "count") != NULL, "error calling Repeat"))
    {
        printf("#   %s\n", out);
    }

    /* the user's opengraph.html before the embedded one */
    fresh();
    put("partials/opengraph.html", "MINE");
    put("_default/single.html", "{{ partial \"opengraph.html\" . }}");
    ok(compile() == 0, "a user opengraph.html compiles");
    out = render("/a.md", "---\ntitle: A\n---\n");
    is_str(out, "MINE", "the user's partial first");

    /* the old names keep working, from a layout */
    put("_default/single.html",
        "{{ template \"_internal/twitter_cards.html\" . }}");
    ok(compile() == 0, "template _internal/twitter_cards.html compiles");
    out = render("/a.md", "---\ntitle: A\n---\n");
    ok(strstr(out, "<meta name=\"twitter:title\" content=\"A\">") != NULL,
       "template \"_internal/twitter_cards.html\" still works");

    /* only those names: the embedded shortcodes are not partials */
    put("_default/single.html",
        "{{ partial \"shortcodes/figure.html\" . }}");
    ok(compile() == 0, "a call of shortcodes/figure.html compiles");
    out = render("/a.md", "---\ntitle: A\n---\n");
    ok(strstr(out, "partial \"shortcodes/figure.html\" not found") != NULL,
       "an embedded shortcode is no partial");
}


/*
 * ref and relref (page_data.c), checked against hugo 0.111.3 with the
 * same files (its URLs start with the baseURL's path, "/sub/" there;
 * ours with "/", the site root): a pretty URL with its trailing slash,
 * ".md" optional, bundles and sections by their folder, the page's
 * folder first, then the root, "#fragment" kept, the dict form; last,
 * a bare name as the one page, bundle or section of that name anywhere
 * (any case).  Not done: hugo's case-insensitive match of paths with a
 * folder ("DOCS/C.md").
 */
static void
test_ref(void)
{
    char            root[64], cmd[128];
    const char     *out;
    page_options_t  opt;
    int             rc;
    static const char  *src = "---\ntitle: B\n---\nx\n";

    snprintf(root, sizeof(root), "/tmp/lookup2-ref-XXXXXX");
    if (mkdtemp(root) == NULL) {
        perror("mkdtemp");
        exit(2);
    }
    put_in(root, "a.md", src);
    put_in(root, "docs/b.md", src);
    put_in(root, "docs/c.md", src);
    put_in(root, "docs/guide/_index.md", src);
    put_in(root, "docs/guide/shortcodes/tabs.md", src);
    put_in(root, "docs/bun/index.md", src);
    put_in(root, "docs/x.png", "png");
    put_in(root, "x/dup.md", src);
    put_in(root, "y/dup.md", src);
    put_in(root, "z/zb/index.md", src);
    put_in(root, "z/one.md", src);

    fresh();
    put("_default/single.html",
        "1:{{ relref . \"docs/b.md\" }}\n"
        "2:{{ relref . \"docs/b\" }}\n"
        "3:{{ relref . \"/docs/b.md\" }}\n"
        "4:{{ relref . \"docs/b.md#frag\" }}\n"
        "5:{{ relref . \"#frag\" }}\n"
        "6:{{ relref . (dict \"path\" \"docs/b.md\" \"outputFormat\" "
        "\"html\") }}\n"
        "7:{{ relref . \"docs/bun\" }}\n"
        "8:{{ relref . \"docs/bun/index.md\" }}\n"
        "9:{{ relref . \"docs/guide\" }}\n"
        "10:{{ relref . \"docs/guide/_index.md\" }}\n"
        "11:{{ ref . \"docs/b.md\" }}\n"
        "12:{{ relref . \"docs/guide/shortcodes/tabs\" }}\n"
        "13:{{ relref . \"/\" }}\n"
        "14:{{ ref . \"docs/b#x\" }}\n"
        "16:{{ relref . (dict \"path\" \"docs/b.md\") }}\n"
        "17:{{ relref . \"docs/b/\" }}\n"
        "S1:{{ relref . \"c.md\" }}\n"
        "S2:{{ relref . \"c\" }}\n"
        "S4:{{ relref . \"guide\" }}\n"
        "S5:{{ relref . \"./c.md\" }}\n"
        "S6:{{ relref . \"bun\" }}\n"
        "S7:{{ relref . \"../a.md\" }}\n"
        "S8:{{ relref . \"docs\" }}\n"
        "B1:{{ relref . \"tabs\" }}\n"
        "B2:{{ relref . \"zb\" }}\n"
        "B3:{{ relref . \"one\" }}\n"
        "B4:{{ relref . \"ONE.md\" }}\n"
        "B5:{{ relref . \"one.md#t\" }}");
    put("_default/list.html", "{{ relref . \"./c.md\" }}");
    put("shortcodes/ref.html", "{{ relref .Page .Params }}");
    ok(compile() == 0, "ref pages compile");

    page_options_init(&opt);
    opt.path = "/docs/b.md";
    opt.file = "/docs/b.md";
    opt.file_len = strlen(opt.file);
    opt.root = root;
    opt.root_len = strlen(root);
    opt.base_url = "https://example.org/";
    opt.base_url_len = strlen(opt.base_url);
    opt.templates = store;

    if (rendered) {
        page_result_free(&res);
    }
    rc = page_render(src, strlen(src), &opt, &res);
    rendered = 1;
    out = rc == PAGE_OK ? res.data : res.error.msg;

    is_str(out,
           "1:/docs/b/\n2:/docs/b/\n3:/docs/b/\n4:/docs/b/#frag\n5:#frag\n"
           "6:/docs/b/\n7:/docs/bun/\n8:/docs/bun/\n9:/docs/guide/\n"
           "10:/docs/guide/\n11:https://example.org/docs/b/\n"
           "12:/docs/guide/shortcodes/tabs/\n13:/\n"
           "14:https://example.org/docs/b/#x\n16:/docs/b/\n17:/docs/b/\n"
           "S1:/docs/c/\nS2:/docs/c/\nS4:/docs/guide/\nS5:/docs/c/\n"
           "S6:/docs/bun/\nS7:/a/\nS8:/docs/\n"
           "B1:/docs/guide/shortcodes/tabs/\nB2:/z/zb/\nB3:/z/one/\n"
           "B4:/z/one/\nB5:/z/one/#t",
           "relref and ref: hugo 0.111.3's URLs");

    /* hextra's {{% relref "docs/guide/shortcodes/tabs" %}} from blog/ */
    put("_default/single.html", "{{ .Content }}");
    ok(compile() == 0, "the relref shortcode compiles");
    opt.file = "/blog/v.md";
    opt.file_len = strlen(opt.file);
    opt.path = opt.file;
    page_result_free(&res);
    opt.templates = store;
    rc = page_render("{{< ref \"docs/guide/shortcodes/tabs\" >}}\n", 42,
                     &opt, &res);
    out = rc == PAGE_OK ? res.data : res.error.msg;
    ok(strstr(out, "/docs/guide/shortcodes/tabs/") != NULL,
       "relref .Page .Params from another folder");

    /*
     * hugo 0.111.3: REF_NOT_FOUND: Ref "./c.md" from page "a.md": page
     * not found (and the same for what is no page, or above the root)
     */
    put("_default/single.html", "{{ relref . \"./c.md\" }}");
    ok(compile() == 0, "a missing ref compiles");
    opt.file = "/a.md";
    opt.file_len = strlen(opt.file);
    opt.path = opt.file;
    page_result_free(&res);
    opt.templates = store;
    rc = page_render(src, strlen(src), &opt, &res);
    ok(rc != PAGE_OK && strstr(res.error.msg, "REF_NOT_FOUND: Ref \"./c.md\" "
                               "from page \"a.md\": page not found") != NULL,
       "not found: hugo's words");
    put("_default/single.html", "{{ relref . \"docs/x.png\" }}"
        "{{ relref . \"../a.md\" }}");
    ok(compile() == 0, "refs to no page compile");
    page_result_free(&res);
    opt.templates = store;
    rc = page_render(src, strlen(src), &opt, &res);
    ok(rc != PAGE_OK && strstr(res.error.msg, "Ref \"docs/x.png\"") != NULL,
       "a file that is no page is not found");
    /*
     * hugo 0.111.3: REF_NOT_FOUND: Ref "dup.md" from page "a.md": page
     * reference "/dup.md" is ambiguous; a folder that is neither bundle
     * nor section ("shortcodes") and a bare name's folder form
     * ("zb/index.md") are not found
     */
    put("_default/single.html", "{{ relref . \"dup.md\" }}");
    ok(compile() == 0, "an ambiguous ref compiles");
    page_result_free(&res);
    opt.templates = store;
    rc = page_render(src, strlen(src), &opt, &res);
    ok(rc != PAGE_OK && strstr(res.error.msg, "REF_NOT_FOUND: Ref "
                               "\"dup.md\" from page \"a.md\": page "
                               "reference \"/dup.md\" is ambiguous") != NULL,
       "ambiguous: hugo's words");
    put("_default/single.html", "{{ relref . \"shortcodes\" }}");
    ok(compile() == 0, "a plain folder's ref compiles");
    page_result_free(&res);
    opt.templates = store;
    rc = page_render(src, strlen(src), &opt, &res);
    ok(rc != PAGE_OK && strstr(res.error.msg, "page not found") != NULL,
       "a plain folder is no page");
    put("_default/single.html", "{{ relref . \"zb/index.md\" }}");
    ok(compile() == 0, "zb/index.md compiles");
    page_result_free(&res);
    opt.templates = store;
    rc = page_render(src, strlen(src), &opt, &res);
    ok(rc != PAGE_OK && strstr(res.error.msg, "page not found") != NULL,
       "a name with a folder is not looked for anywhere");

    put("_default/single.html", "{{ relref . \"../a.md\" }}");
    ok(compile() == 0, "a ref above the root compiles");
    page_result_free(&res);
    opt.templates = store;
    rc = page_render(src, strlen(src), &opt, &res);
    ok(rc != PAGE_OK && strstr(res.error.msg, "Ref \"../a.md\" from page "
                               "\"a.md\": page not found") != NULL,
       "above the root: not found");

    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
    if (system(cmd) != 0) {
        exit(2);
    }
}


int
main(void)
{
    char  cmd[128];

    test_builtin_last();
    test_old_names();
    test_new_names();
    test_odd_names();
    test_extensions();
    test_errors();
    test_functions();
    test_partial_names();
    test_ref();

    if (rendered) {
        page_result_free(&res);
    }
    if (store != NULL) {
        page_arena_free(&conf);
    }

    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    if (system(cmd) != 0) {
        return 2;
    }

    page_exit();

    return done_testing();
}
