#!/usr/bin/perl
# css.Sass through nginx with page_site: a theme's stylesheet compiled
# by libsass at request time from the site's and the theme's assets/ (a
# partial of the site hiding the theme's, a directory's partial, the
# hugo:vars import), as hugo 0.111.3 builds the same site; a compile
# error and an import out of the assets fail the page with one log line
# naming the SCSS file:line:col.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;
my $p = $t->prefix;
my $s = "$p/site";

$t->write_file("$s/hugo.toml", <<'TOML');
baseURL = "http://example.org/"
title = "Sass"
theme = "t"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
TOML

$t->write_file("$s/content/styled.md", "---\ntitle: Styled\n---\nText.\n");
$t->write_file("$s/content/broken.md",
               "---\ntitle: Broken\nlayout: broken\n---\nText.\n");
$t->write_file("$s/content/escape.md",
               "---\ntitle: Escape\nlayout: escape\n---\nText.\n");

$t->write_file("$s/themes/t/layouts/_default/single.html", <<'HTML');
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{ .Title }}</title>
{{ $css := resources.Get "scss/main.scss" | toCSS (dict "outputStyle" "compressed" "vars" (dict "accent" "#c00")) }}<style data-target="{{ $css.RelPermalink }}">{{ $css.Content | safeCSS }}</style>
</head><body><main>{{ .Content }}</main></body></html>
HTML

$t->write_file("$s/themes/t/assets/scss/main.scss",
               "\@import \"hugo:vars\";\n\@import \"base/reset\";\n"
               . "\@import \"colors\";\n"
               . "body { color: \$text; a { color: \$accent; } }\n");
$t->write_file("$s/themes/t/assets/scss/base/_reset.scss",
               "* { margin: 0 }\n");
$t->write_file("$s/themes/t/assets/scss/_colors.scss",
               "\$text: #222 !default;\n");
$t->write_file("$s/assets/scss/_colors.scss", "\$text: #333;\n");

$t->write_file("$s/layouts/_default/broken.html", <<'HTML');
{{ $css := resources.FromString "scss/b.scss" "@import \"colors\";\n.a { b: $nope; }" | toCSS }}{{ $css.Content }}
HTML

$t->write_file("$s/layouts/_default/escape.html", <<'HTML');
{{ $css := resources.FromString "scss/e.scss" "@import \"../../../../etc/passwd\";" | toCSS }}{{ $css.Content }}
HTML

$t->start(<<"CONF");
    server {
        listen 127.0.0.1:%%PORT%%;
        page_site $s;
    }
CONF

# hugo 0.111.3's public/styled/index.html
my $r = $t->get('/styled/');
is($r->{status}, 200, 'the styled page: 200');
is($r->{body}, <<'HTML', "hugo's page, its CSS compiled by libsass");
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Styled</title>
<style data-target="/scss/main.css">*{margin:0}body{color:#333}body a{color:#c00}
</style>
</head><body><main><p>Text.</p>
</main></body></html>
HTML

# hugo 0.111.3: TOCSS: failed to transform "scss/b.scss" (text/x-scss):
# "scss/b.scss:2:9": Undefined variable: "$nope".
my $mark = $t->log_mark;
$r = $t->get('/broken/');
is($r->{status}, 500, 'a compile error: 500');
like($t->log_since($mark),
     qr{broken\.html:1:\d+: [^\n]*TOCSS: failed to transform "/scss/b\.scss" \(text/x-scss\): "scss/b\.scss:2:9": Undefined variable: "\$nope"\.},
     'the log line names the template and the SCSS file:line:col');

# hugo reads /etc/passwd here; we refuse the import
$mark = $t->log_mark;
$r = $t->get('/escape/');
is($r->{status}, 500, 'an import out of the assets: 500');
like($t->log_since($mark),
     qr{"scss/e\.scss:1:1": File to import not found or unreadable: \.\./\.\./\.\./\.\./etc/passwd \(imports are read from the assets directories only\)\.},
     'the import is refused, at its @import');

$r = $t->get('/styled/');
is($r->{status}, 200, 'the next request is served (from the cache)');
like($r->{body}, qr{body a\{color:#c00\}}, 'the same CSS');

# an edited partial is seen on the next request
sleep 1;
$t->write_file("$s/assets/scss/_colors.scss", "\$text: #444444;\n");
$r = $t->get('/styled/');
like($r->{body}, qr{body\{color:#444\}}, 'an edited partial: compiled again');

done_testing();
