#!/usr/bin/perl
# Resources, css, js, images and hugo in theme-style templates through
# nginx, in filter mode (no assets directory): a head partial doing
# resources.Get | minify | fingerprint under `with` renders nothing and
# the page renders; the version gate of current themes (PaperMod,
# beautifulhugo) passes; toCSS compiles SCSS with libsass; GetRemote and
# toCSS with the dartsass transpiler fail with one log line naming the
# function and the template's file:line:col; every function of these
# namespaces compiles (nginx -t).

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;
my $p = $t->prefix;

# ---- a theme in the style of PaperMod, ananke, hugo-coder

$t->write_file("$p/layouts/_default/baseof.html", <<'HTML');
{{- if lt hugo.Version "0.146.0" }}
{{- errorf "=> hugo v0.146.0 or greater is required" }}
{{- end -}}
<!DOCTYPE html>
<html>
<head>{{ partial "head.html" . }}</head>
<body>{{ block "main" . }}{{ end }}</body>
</html>
HTML

$t->write_file("$p/layouts/_default/single.html", <<'HTML');
{{ define "main" }}<main><h1>{{ .Title }}</h1>{{ .Content }}{{ partial "who.html" "x" }}</main>{{ end }}
HTML

$t->write_file("$p/layouts/partials/head.html", <<'HTML');
<meta charset="utf-8">
<title>{{ .Title }}</title>
{{ hugo.Generator }}
{{- with resources.Get "css/main.css" }}
  {{- $css := . | minify | fingerprint }}
  <link rel="stylesheet" href="{{ $css.RelPermalink }}" integrity="{{ $css.Data.Integrity }}">
{{- end }}
{{- with resources.Get "js/main.js" }}
  {{- $js := . | js.Build (dict "minify" true) | fingerprint }}
  <script src="{{ $js.RelPermalink }}"></script>
{{- end }}
{{- $icons := resources.Match "icons/*.svg" }}
<meta name="icons" content="{{ len $icons }}">
<meta name="version-ok" content="{{ ge hugo.Version "0.146.0" }}">
<meta name="env" content="{{ hugo.Environment }}|{{ hugo.IsProduction }}|{{ hugo.IsServer }}">
HTML

$t->write_file("$p/layouts/partials/who.html", <<'HTML');
<p class="who">{{ . }} in {{ page.Title }}</p>
HTML

# layouts that fail at run time, each chosen by a page's front matter

$t->write_file("$p/layouts/_default/remote.html", <<'HTML');
<p>before</p>
{{ with resources.GetRemote "https://example.org/data.json" }}{{ .Content }}{{ end }}
HTML

$t->write_file("$p/layouts/_default/sass.html", <<'HTML');
<head>
  {{ $css := resources.FromString "main.scss" "$c: red;" | toCSS (dict "transpiler" "dartsass") | minify | fingerprint }}
</head>
HTML

# libsass at request time (hugo 0.111.3 prints the same CSS and name)
$t->write_file("$p/layouts/_default/sassok.html", <<'HTML');
{{ with resources.FromString "css/main.scss" "$c: red; .a { .b { color: $c; } }" | toCSS (dict "outputStyle" "compressed") }}<style data-name="{{ .RelPermalink }}">{{ .Content | safeCSS }}</style>{{ end }}
HTML

# without assets, resources.Get is nil: toCSS says so as Hugo does
$t->write_file("$p/layouts/_default/sassget.html", <<'HTML');
<head>
  {{ $css := resources.Get "scss/main.scss" | toCSS | minify | fingerprint }}
</head>
HTML

# every function of the namespaces, so that nginx -t compiles them all

$t->write_file("$p/layouts/_default/all.html", <<'HTML');
{{ define "main" }}{{ if false }}
{{ resources.ByType "image" }}{{ resources.Concat "a.js" (slice) }}
{{ resources.Copy "a" nil }}{{ resources.ExecuteAsTemplate "a" . nil }}
{{ resources.Fingerprint "md5" nil }}{{ fingerprint nil }}
{{ resources.FromString "a" "b" }}{{ resources.Get "a" }}
{{ resources.GetMatch "*" }}{{ resources.GetRemote "x" (dict) }}
{{ resources.Match "*" }}{{ resources.Minify nil }}{{ minify nil }}
{{ resources.PostProcess nil }}{{ resources.Get "a" | resources.PostProcess }}
{{ css.Build nil }}{{ css.ChromaStyles (dict) }}{{ css.PostCSS nil }}
{{ postCSS nil }}{{ css.Quoted "a" }}{{ css.Sass nil }}{{ toCSS nil }}
{{ css.TailwindCSS nil }}{{ css.Unquoted "a" }}
{{ js.Babel nil }}{{ babel nil }}{{ js.Batch "x" }}{{ js.Build nil }}
{{ images.AutoOrient }}{{ images.Brightness 1 }}{{ images.ColorBalance 1 2 3 }}
{{ images.Colorize 1 2 3 }}{{ images.Config "a" }}{{ imageConfig "a" }}
{{ images.Contrast 1 }}{{ images.Dither }}{{ images.Filter 1 2 }}
{{ images.Gamma 1 }}{{ images.GaussianBlur 1 }}{{ images.Grayscale }}
{{ images.Hue 1 }}{{ images.Invert }}{{ images.Mask nil }}
{{ images.Opacity 1 }}{{ images.Overlay nil 1 2 }}{{ images.Padding 1 }}
{{ images.Pixelate 1 }}{{ images.Process "x" }}{{ images.QR "x" }}
{{ images.Saturation 1 }}{{ images.Sepia 1 }}{{ images.Sigmoid 1 2 }}
{{ images.Text "x" }}{{ images.UnsharpMask 1 2 3 }}
{{ diagrams.Goat "x" }}{{ openapi3.Unmarshal nil }}
{{ hugo.BuildDate }}{{ hugo.CommitHash }}{{ hugo.Data }}{{ hugo.Deps }}
{{ hugo.Environment }}{{ hugo.Generator }}{{ hugo.GoVersion }}
{{ hugo.IsDevelopment }}{{ hugo.IsExtended }}{{ hugo.IsMultihost }}
{{ hugo.IsMultilingual }}{{ hugo.IsProduction }}{{ hugo.IsServer }}
{{ hugo.Sites }}{{ hugo.Store }}{{ hugo.Version }}{{ hugo.WorkingDir }}
{{ page }}{{ site }}{{ resources }}
{{ end }}<p>all compiled</p>{{ end }}
HTML

$t->write_file('a.md', "---\ntitle: A page\n---\nSome *text*.\n");
$t->write_file('remote.md', "---\ntitle: R\nlayout: remote\n---\nx\n");
$t->write_file('sass.md', "---\ntitle: S\nlayout: sass\n---\nx\n");
$t->write_file('sassget.md', "---\ntitle: S\nlayout: sassget\n---\nx\n");
$t->write_file('sassok.md', "---\ntitle: S\nlayout: sassok\n---\nx\n");
$t->write_file('all.md', "---\ntitle: All\nlayout: all\n---\nx\n");

my $conf = <<"EOF";
    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;
        location / {
            page on;
            page_templates $p/layouts;
        }
    }
EOF

my ($exit, $out) = $t->test_config($conf);
is($exit, 0, 'nginx -t compiles every function of the namespaces')
    or diag($out);

$t->start($conf);

# ---- the theme's page: nothing from the assets, and the page renders

my $r = $t->get('/a.md');
page_ok($r, 'a theme page renders without assets');
my $b = $r->{body};
like($b, qr{<h1>A page</h1><p>Some <em>text</em>.</p>}, 'the content');
unlike($b, qr{<link rel="stylesheet"|<script}, 'no stylesheet or script: '
       . 'resources.Get found nothing, with saw nothing');
like($b, qr{<meta name="icons" content="0">}, 'resources.Match: none');
like($b, qr{<meta name="version-ok" content="true">},
     'ge hugo.Version "0.146.0"');
unlike($b, qr{required}, 'the version gate passes');
like($b, qr{<meta name="generator" content="Hugo 0\.165\.0">},
     'hugo.Generator');
like($b, qr{<meta name="env" content="production\|true\|false">},
     'hugo.Environment, IsProduction, IsServer');
like($b, qr{<p class="who">x in A page</p>}, 'page in a partial');

$r = $t->get('/all.md');
page_ok($r, 'the page using every function renders');
like($r->{body}, qr{<p>all compiled</p>}, 'its text');

# ---- run-time failures: one line, naming the function and the place

my $mark = $t->log_mark;
$r = $t->get('/remote.md');
is($r->{status}, 500, 'resources.GetRemote: 500');
my $log = $t->log_since($mark);
like($log, qr{remote\.html:2:\d+: [^\n]*resources\.GetRemote: remote resources are not fetched at request time},
     'GetRemote: the one-line message with file:line:col');
unlike($r->{body}, qr{before}, 'nothing of the failed page is sent');

$mark = $t->log_mark;
$r = $t->get('/sass.md');
is($r->{status}, 500, 'toCSS: 500');
$log = $t->log_since($mark);
like($log, qr{sass\.html:2:\d+: [^\n]*toCSS[^\n]*css\.Sass: the dartsass transpiler \(Dart Sass\) is an external tool, not run at request time},
     'toCSS with dartsass: names toCSS and the file:line:col');

$r = $t->get('/sassok.md');
is($r->{status}, 200, 'toCSS with libsass renders');
like($r->{body}, qr{<style data-name="/css/main\.css">\.a \.b\{color:red\}\n</style>},
     'toCSS: the compressed CSS and its target');

$mark = $t->log_mark;
$r = $t->get('/sassget.md');
is($r->{status}, 500, 'toCSS of a missing file: 500');
like($t->log_since($mark), qr{sassget\.html:2:\d+: [^\n]*error calling toCSS: type <nil> not supported in Resource transformations},
     'toCSS of nil: Hugo\'s words, the file:line:col');

page_ok(scalar $t->get('/a.md'), 'the next request is served');

done_testing();
