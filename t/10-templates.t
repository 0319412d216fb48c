#!/usr/bin/perl
# Layouts in Hugo's template language through nginx: a layouts/ tree with
# baseof, single, a custom layout and partials; two directories overriding
# each other; page_layout; .Site from page_site_title / page_param (with
# variables); broken templates failing `nginx -t` with file:line:col; a
# runtime error giving 500 and one log line (also for a command written
# over several lines); lookups that try to leave the
# directories refused; reload picking up changed templates.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;
my $p = $t->prefix;

# ---- a site layouts dir and a theme layouts dir

$t->write_file("$p/site/layouts/_default/baseof.html", <<'HTML');
<!DOCTYPE html>
<html lang="{{ .Site.Language.Lang }}">
<head>{{ partial "head.html" . }}</head>
<body class="{{ .Type }}">
{{ partial "header" . }}
{{ block "main" . }}DEFAULT MAIN{{ end }}
{{ partial "footer.html" . }}
</body>
</html>
HTML

$t->write_file("$p/site/layouts/_default/single.html", <<'HTML');
{{ define "main" }}
<article>
<h1 class="t">{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "January 2, 2006" }}</time>
<p class="author">{{ default "anonymous" .Params.author }}</p>
{{ with .Params.tags }}<ul class="tags">{{ range $i, $tag := . }}<li data-i="{{ $i }}">{{ $tag }}</li>{{ end }}</ul>{{ end }}
<p class="count">{{ printf "%d words, %s" .WordCount .Site.Params.lang }}</p>
{{ .Content }}
</article>
{{ end }}
HTML

$t->write_file("$p/site/layouts/_default/custom.html", <<'HTML');
{{ define "main" }}<section class="custom">{{ .Content }}</section>{{ end }}
HTML

$t->write_file("$p/site/layouts/docs/single.html", <<'HTML');
{{ define "main" }}<section class="docs-type">{{ .Title }}</section>{{ end }}
HTML

$t->write_file("$p/site/layouts/partials/head.html", <<'HTML');
<meta charset="utf-8">
<title>{{ .Title }} - {{ .Site.Title }}</title>
<meta name="host" content="{{ .Site.Params.host }}">
HTML

$t->write_file("$p/theme/layouts/partials/header.html",
               "<header>THEME HEADER</header>\n");
$t->write_file("$p/theme/layouts/partials/footer.html",
               "<footer>THEME FOOTER</footer>\n");
$t->write_file("$p/site/layouts/partials/footer.html",
               "<footer>SITE FOOTER {{ .Site.Params.year }}</footer>\n");
$t->write_file("$p/theme/layouts/_default/list.html",
               "{{ define \"main\" }}LIST{{ end }}\n");

# an errorf at run time, and partial lookups that try to leave
$t->write_file("$p/site/layouts/_default/fails.html",
               "{{ define \"main\" }}\n  {{ errorf \"boom %s\" .Title }}"
               . "{{ end }}\n");
$t->write_file("$p/site/layouts/_default/escape.html",
               "{{ define \"main\" }}{{ partial \"../../secret.html\" . }}"
               . "{{ end }}\n");
$t->write_file("$p/site/secret.html", "SECRET\n");

# a run-time error in a command written over several lines, with a raw
# string holding a newline: the log entry is still one line
$t->write_file("$p/site/layouts/_default/multiline.html",
               "{{ define \"main\" }}\n  {{ errorf \"first %s\"\n"
               . "      `raw\nstring` }}{{ end }}\n");

# ---- content

$t->write_file('a.md', <<'MD');
---
title: "A <Page>"
date: 2025-09-23
author: Ada
tags: [one, "t<w>o"]
---
Some *text* here.
MD
$t->write_file('custom.md',
               "---\ntitle: Custom\nlayout: custom\n---\nbody\n");
$t->write_file('typed.md', "---\ntitle: Typed\ntype: docs\n---\nbody\n");
$t->write_file('docs/in-section.md', "---\ntitle: In Section\n---\nx\n");
$t->write_file('fails.md', "---\ntitle: Bad\nlayout: fails\n---\nx\n");
$t->write_file('escape.md', "---\nlayout: escape\n---\nx\n");
$t->write_file('multiline.md', "---\nlayout: multiline\n---\nx\n");
$t->write_file('deflayout/page.md', "---\ntitle: Def\n---\nx\n");
$t->write_file('builtin/page.md',
               "---\ntitle: Built In\nsummary: A & B\n---\n# Hello\n");

my $conf = <<"CONF";
    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;
        page on;
        page_templates $p/site/layouts $p/theme/layouts;
        page_site_title "Site & Co";
        page_param lang de;
        page_param host \$host;
        page_param year 2026;

        location /deflayout/ {
            page_layout list;
        }

        location /builtin/ {
            page_templates $p/theme/layouts;
            page_param lang en;
        }
    }
CONF

$t->start($conf);

my $r = $t->request(uri => '/a.md', host => 'example.test');
page_ok($r, 'page through the site layouts');
my $b = $r->{body};
like($b, qr{<html lang="de">}, 'baseof: .Site.Language.Lang from page_param');
like($b, qr{<title>A &lt;Page&gt; - Site &amp; Co</title>},
     'partial head: .Title and .Site.Title escaped');
like($b, qr{<meta name="host" content="example.test">},
     'page_param with $host, evaluated per request');
like($b, qr{<header>THEME HEADER</header>}, 'partial from the theme dir');
like($b, qr{<footer>SITE FOOTER 2026</footer>},
     'site dir overrides the theme partial');
like($b, qr{<h1 class="t">A &lt;Page&gt;</h1>}, 'single: title escaped');
like($b, qr{<time datetime="2025-09-23">September 23, 2025</time>},
     '.Date.Format with Go layouts');
like($b, qr{<p class="author">Ada</p>}, '.Params and default');
like($b, qr{<li data-i="0">one</li><li data-i="1">t&lt;w&gt;o</li>},
     'with + range $i, $v, escaped');
like($b, qr{<p class="count">3 words, de</p>}, 'printf, .WordCount');
like($b, qr{<p>Some <em>text</em> here.</p>}, '.Content unescaped');
unlike($b, qr{DEFAULT MAIN}, 'define "main" replaces the block default');

$r = $t->request(uri => '/custom.md');
like($r->{body}, qr{<section class="custom"><p>body</p>\n</section>},
     'front matter layout: custom');

$r = $t->request(uri => '/typed.md');
like($r->{body}, qr{<section class="docs-type">Typed</section>},
     'front matter type: docs/single.html');

$r = $t->request(uri => '/docs/in-section.md');
like($r->{body}, qr{<section class="docs-type">In Section</section>},
     'section docs -> type docs');

$r = $t->request(uri => '/deflayout/page.md');
like($r->{body}, qr{LIST}, 'page_layout list from the theme');

$r = $t->request(uri => '/builtin/page.md');
page_ok($r, 'built-in theme behind a theme dir');
like($r->{body}, qr{<title>Built In \| Site &amp; Co</title>},
     'built-in head partial');
like($r->{body}, qr{<meta name="description" content="A &amp; B">},
     'built-in description');
like($r->{body}, qr{<html lang="en">}, 'location page_param lang en');

my $mark = $t->log_mark;
$r = $t->request(uri => '/fails.md');
is($r->{status}, 500, 'errorf: 500');
like($t->log_since($mark),
     qr{page: \S*fails\.md: \S*site/layouts/_default/fails\.html:2:\d+: .*boom Bad},
     'errorf: log names the content and template file:line:col');
page_ok(scalar $t->get('/a.md'), 'next request served');

$mark = $t->log_mark;
$r = $t->request(uri => '/multiline.md');
is($r->{status}, 500, 'multi-line command fails: 500');
my @lines = grep { /multiline/ } split /\n/, $t->log_since($mark);
is(scalar @lines, 1, 'multi-line command: one log line');
like($lines[0] // '',
     qr{\[error\].*multiline\.html:2:\d+:\ executing\ "main"\ at\x20
        <errorf\ "first\ %s"\ `raw\\nstring`>:\ .*first\ raw\\nstring\b
        .*client:\ }x,
     'multi-line command: quoted on one line, newlines escaped, '
     . "nginx's own fields after it");

$mark = $t->log_mark;
$r = $t->request(uri => '/escape.md');
is($r->{status}, 500, 'partial "../../x": 500');
like($t->log_since($mark), qr{partial "\.\./\.\./secret\.html" not found},
     'lookup out of the directories refused');
unlike($r->{body}, qr{SECRET}, 'secret not shown');

# ---- reload picks up a changed template

$t->write_file("$p/site/layouts/partials/footer.html",
               "<footer>CHANGED FOOTER</footer>\n");
$t->reload;
$r = $t->request(uri => '/a.md');
like($r->{body}, qr{CHANGED FOOTER}, 'reload: changed partial used');

# ---- nginx -t failures

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

$bad->write_file("$bp/syntax/_default/single.html",
                 "ok\n{{ if .Title }}\nno end\n");
my ($rc, $out) = $bad->test_config(conf_with("$bp/syntax"));
isnt($rc, 0, 'unclosed if: nginx -t fails');
like($out, qr{\[emerg\] \d+#\d+: page: \S*syntax/_default/single\.html:\d+:\d+: },
     'unclosed if: file:line:col');

$bad->write_file("$bp/func/_default/single.html", "a\n  {{ nosuchfunc 1 }}\n");
($rc, $out) = $bad->test_config(conf_with("$bp/func"));
isnt($rc, 0, 'unknown function: nginx -t fails');
like($out, qr{func/_default/single\.html:2:\d+: .*nosuchfunc},
     'unknown function: named, with position');

$bad->write_file("$bp/undef/_default/single.html", "{{ template \"nope\" . }}\n");
($rc, $out) = $bad->test_config(conf_with("$bp/undef"));
isnt($rc, 0, 'undefined template: nginx -t fails');
like($out, qr{undef/_default/single\.html:1:\d+: .*nope},
     'undefined template: named');

# Go's html/template refuses to execute a layout that ends inside an
# attribute (hugo 0.111.3: "html/template:_default/single.html: ends in a
# non-text context: {stateURL ...}"); we refuse it at configuration time
$bad->write_file("$bp/endctx/_default/single.html",
                 "<p>{{ .Title }}</p>\n<a href=\"{{ .Title }}\n");
($rc, $out) = $bad->test_config(conf_with("$bp/endctx"));
isnt($rc, 0, 'layout ending inside an attribute: nginx -t fails');
my $endctx = 'endctx/_default/single.html:2:22: html/template:'
           . '_default/single.html: ends in a non-text context: {stateURL '
           . 'delimDoubleQuote urlPartNone jsCtxRegexp attrURL elementNone '
           . '<nil>}';
like($out, qr/\Q$endctx\E/,
     'layout ending inside an attribute: Go\'s message, file:line:col');

$bad->write_file("$bp/outside.html", "outside\n");
$bad->write_file("$bp/link/partials/keep.html", "fine\n");
symlink("$bp/outside.html", "$bp/link/partials/evil.html") or die $!;
($rc, $out) = $bad->test_config(conf_with("$bp/link"));
isnt($rc, 0, 'symlink out of the directory: nginx -t fails');
like($out, qr{outside the layouts directory}, 'symlink: clear error');

($rc, $out) = $bad->test_config(conf_with("$bp/does-not-exist"));
isnt($rc, 0, 'missing directory: nginx -t fails');
like($out, qr{does-not-exist: cannot open the layouts directory},
     'missing directory named');

done_testing();
