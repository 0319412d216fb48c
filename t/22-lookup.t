#!/usr/bin/perl
# Template lookup through nginx: the user's page_templates directories
# answer through every candidate before the built-in theme (a front
# matter `layout: page` with only _default/single.html in the user's
# directory gets that single, not the built-in page); a site and a theme
# interleaved as Hugo interleaves them; Hugo 0.146's folder names
# (layouts/ without _default/, _partials/, _shortcodes/, kinds in file
# names); partials and shortcodes of other extensions; and `nginx -t` and
# the CLI reporting every broken template of a run, one line each with
# its file:line:col.  Expected pages are hugo 0.111.3's for the same
# files, or current Hugo's where it differs (said so below).

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;
my $p = $t->prefix;

# ---- a user directory with only a single layout

$t->write_file("$p/only/_default/single.html",
               "<p>USER-SINGLE {{ .Title }}</p>\n");

# ---- a site and a theme, Hugo's old names

$t->write_file("$p/site/_default/single.html",
               "<p>SITE-SINGLE {{ .Title }}</p>\n");
$t->write_file("$p/site/partials/footer.html", "SITE-FOOTER");
$t->write_file("$p/theme/posts/single.html",
               "<p>THEME-POSTS {{ .Title }} {{ partial \"footer.html\" . }}"
               . "</p>\n");
$t->write_file("$p/theme/partials/footer.html", "THEME-FOOTER");
$t->write_file("$p/theme/_default/single.html",
               "<p>THEME-SINGLE hidden by the site's</p>\n");

# ---- Hugo 0.146's names, and other extensions

$t->write_file("$p/new/baseof.html",
               "<main>{{ block \"main\" . }}{{ end }}</main>\n");
$t->write_file("$p/new/page.html",
               "{{ define \"main\" }}PAGE {{ .Title }} "
               . "{{ partial \"icon.svg\" . }} {{ partial \"data.json\" . }} "
               . "{{ .Content }}{{ end }}");
$t->write_file("$p/new/docs/page.html",
               "{{ define \"main\" }}DOCS-PAGE {{ .Title }}{{ end }}");
$t->write_file("$p/new/_partials/icon.svg", "<svg>{{ \"<&>\" }}</svg>");
$t->write_file("$p/new/_partials/data.json", "{\"t\": \"{{ \"<&>\" }}\"}");
$t->write_file("$p/new/_shortcodes/hi.md", "**hi {{ .Get 0 }}**");

# hugo 0.111.3: name.fr.html on a French site, name.html on an English one
$t->write_file("$p/lang/shortcodes/sc1.html", "SC1-HTML");
$t->write_file("$p/lang/shortcodes/sc1.fr.html", "SC1-FR");
$t->write_file("$p/lang/_default/single.html", "{{ .Content }}");

$t->write_file('a.md', "---\ntitle: A\nlayout: page\n---\nbody\n");
$t->write_file('fr/a.md', "---\ntitle: A\n---\n{{< sc1 >}}\n");
$t->write_file('en/a.md', "---\ntitle: A\n---\n{{< sc1 >}}\n");
$t->write_file('posts/p.md', "---\ntitle: P\n---\nbody\n");
$t->write_file('other.md', "---\ntitle: O\n---\nbody\n");
$t->write_file('n/x.md', "---\ntitle: X\n---\n{{% hi you %}}\n");
$t->write_file('docs/d.md', "---\ntitle: D\n---\nbody\n");

# ---- names Hugo resolves for partials and refs

# current Hugo's embedded partials after every directory (hugo 0.111.3
# has them as _internal/ templates only); a leading "partials/" dropped
# (hugo 0.111.3 too); relref from the page's folder, with Hugo's trailing
# slash, and from the root with a fragment
$t->write_file("$p/emb/_default/single.html",
               "{{ partial \"partials/w.html\" . }}|{{ relref . \"c\" }}|"
               . "{{ relref . \"/emb/c.md#x\" }}|"
               . "{{ with partial \"opengraph.html\" . }}"
               . "{{ if in . \"og:title\" }}OG{{ end }}{{ end }}\n");
$t->write_file("$p/emb/partials/w.html", "W");
$t->write_file("$p/emb/_default/list.html", "{{ relref . \"nope\" }}\n");
$t->write_file('emb/b.md', "---\ntitle: B\n---\nbody\n");
$t->write_file('emb/c.md', "---\ntitle: C\n---\nbody\n");
$t->write_file('emb/d.md', "---\ntitle: D\nlayout: list\n---\nbody\n");

my $conf = <<"CONF";
    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;
        page on;

        location /a.md {
            page_templates $p/only;
        }

        location / {
            page_templates $p/site $p/theme;
        }

        location /n/ {
            page_templates $p/new;
        }

        location /docs/ {
            page_templates $p/new;
        }

        location /emb/ {
            page_templates $p/emb;
        }

        location /fr/ {
            page_templates $p/lang;
            page_param lang fr;
        }

        location /en/ {
            page_templates $p/lang;
        }
    }
CONF

$t->start($conf);

my $r = $t->request(uri => '/a.md');
is($r->{status}, 200, 'layout: page: 200');
is($r->{body}, "<p>USER-SINGLE A</p>\n",
   "layout: page: the user's single, not the built-in theme's page");

# hugo 0.111.3 (and current Hugo) use the theme's posts/single.html for a
# page in posts/, over the site's _default/single.html: the most specific
# template wins, in the site or the theme; the site's footer hides the
# theme's
$r = $t->request(uri => '/posts/p.md');
is($r->{status}, 200, 'site and theme: 200');
is($r->{body}, "<p>THEME-POSTS P SITE-FOOTER</p>\n",
   "the theme's posts/single.html, the site's partial");

$r = $t->request(uri => '/other.md');
is($r->{body}, "<p>SITE-SINGLE O</p>\n",
   "the site's _default/single.html hides the theme's");

# current Hugo: page.html (the kind) in the root, a baseof, an .svg
# partial escaped as HTML, a .json partial as text, a .md shortcode for
# {{% %}} (hugo 0.111.3 escapes and finds them the same way)
$r = $t->request(uri => '/n/x.md');
is($r->{status}, 200, 'new names: 200');
is($r->{body}, "<main>PAGE X <svg>&lt;&amp;&gt;</svg> {\"t\": \"<&>\"} "
               . "<p><strong>hi you</strong></p>\n</main>\n",
   'page.html, baseof.html, _partials, _shortcodes, .svg, .json, .md');

$r = $t->request(uri => '/docs/d.md');
is($r->{body}, "<main>DOCS-PAGE D</main>\n",
   'docs/page.html for a page below docs/');

is($t->request(uri => '/fr/a.md')->{body}, "SC1-FR\n",
   'shortcode: the French variant on a French site');
is($t->request(uri => '/en/a.md')->{body}, "SC1-HTML\n",
   'shortcode: not the French variant on an English site');

$r = $t->request(uri => '/emb/b.md');
is($r->{status}, 200, 'partial and ref names: 200');
is($r->{body}, "W|/emb/c/|/emb/c/#x|OG\n",
   'partials/ dropped, relref with its slash, the embedded opengraph');

# hugo 0.111.3: REF_NOT_FOUND: Ref "nope" from page "emb/d.md": page not
# found (an error: hugo fails the build, we the page)
my $mark = $t->log_mark;
$r = $t->request(uri => '/emb/d.md');
is($r->{status}, 500, 'a missing ref: 500');
like($t->log_since($mark),
     qr{REF_NOT_FOUND: Ref "nope" from page "emb/d\.md": page not found},
     "a missing ref: hugo's words");

# ---- every broken template in one run

sub conf_with {
    my ($dir) = @_;
    return <<"CONF";
    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;
        page on;
        page_templates $dir;
    }
CONF
}

my $bad = PageTest->new;
my $bp = $bad->prefix;

$bad->write_file("$bp/many/_default/single.html",
                 "ok\n{{ if .Title }}\nno end\n");
$bad->write_file("$bp/many/partials/a.html", "a\n  {{ nosuchfunc 1 }}\n");
$bad->write_file("$bp/many/partials/b.html", "{{ template \"nope\" . }}\n");
$bad->write_file("$bp/many/partials/fine.html", "fine\n");
$bad->write_file("$bp/many/_shortcodes/s.json", "{{ end }}\n");

my ($rc, $out) = $bad->test_config(conf_with("$bp/many"));
isnt($rc, 0, 'broken templates: nginx -t fails');
my @lines = grep { /\[emerg\].*page: / } split /\n/, $out;
is(scalar @lines, 4, 'one [emerg] line for each broken file')
    or diag($out);
like($out, qr{many/_default/single\.html:4:1: .*unexpected EOF},
     'the layout, file:line:col');
like($out, qr{many/partials/a\.html:2:6: .*function "nosuchfunc" not defined},
     'an unknown function, file:line:col');
like($out, qr{many/partials/b\.html:1:4: .*"nope"},
     'an undefined template, file:line:col');
like($out, qr{many/_shortcodes/s\.json:1:\d+: .*unexpected \{\{end\}\}},
     'a plain-text shortcode, file:line:col');

# files the walk refuses are reported with them, and the rest compiled
$bad->write_file("$bp/out.html", "outside\n");
$bad->write_file("$bp/links/partials/ok.html", "{{ if }}\n");
symlink("$bp/out.html", "$bp/links/partials/evil1.html") or die $!;
symlink("$bp/out.html", "$bp/links/partials/evil2.html") or die $!;
($rc, $out) = $bad->test_config(conf_with("$bp/links $bp/missing"));
isnt($rc, 0, 'links out and a missing directory: nginx -t fails');
@lines = grep { /\[emerg\].*page: / } split /\n/, $out;
is(scalar @lines, 4, 'two links, the missing directory and a parse error')
    or diag($out);
like($out, qr{evil1\.html: refusing a template outside}, 'first link');
like($out, qr{evil2\.html: refusing a template outside}, 'second link');
like($out, qr{missing: cannot open the layouts directory}, 'missing dir');
like($out, qr{links/partials/ok\.html:1:\d+: }, 'and the broken template');

# the CLI reports them all the same way
my $cli = "$FindBin::Bin/../build/page-render";
$bad->write_file('c.md', "---\ntitle: C\n---\nc\n");
my $err = `'$cli' -t '$bp/many' '$bp/html/c.md' 2>&1 >/dev/null`;
my $status = $? >> 8;
is($status, 1, 'CLI: exit 1');
is(scalar(() = $err =~ /^\S+:\d+:\d+: /mg), 4,
   'CLI: one line for each broken file') or diag($err);

done_testing();
