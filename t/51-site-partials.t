#!/usr/bin/perl
# page_site: partials as current themes call them, on t/site/partials.
# - A partial without a context (or with nil) has Go's invalid value as
#   its dot: .field of it is nothing, not an error (hextra's theme-toggle
#   partial; congo's profile): hugo 0.111.3's build of the fixture prints
#   "[||]", "[||]", "[on||]", each partial's line, then the layout's.
# Current Hugo only (0.111.3 has none of them), against its
# documentation and its embedded templates' behaviour, on a copy of the
# fixture with other layouts:
# - partial "x" finds x.htm (text/html's other suffix; hugo-book's
#   docs/html-head-styles.htm);
# - the embedded partial _funcs/get-page-images (opengraph, schema and
#   twitter cards call it; FixIt calls it itself): a bundle's
#   *cover* image, the front matter's images (a URL as it is, a path
#   made relative and absolute), else the first of site.Params.images;
# - .Sites.Default and hugo.Sites.Default (the default language's site);
# - a page as a string (cast, md5; hugo-book's menu ids: md5 .Page) is
#   current Hugo's String(): the content file's absolute path, else the
#   logical path (hugo 0.111.3 printed "Page(/posts/plain.md)").

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;
use Cwd ();
use Digest::MD5 ();

my $t = PageTest->new;
my $site = "$FindBin::Bin/site/partials";

$t->start(<<"CONF");
    server {
        listen 127.0.0.1:%%PORT%%;
        page_site $site;
    }
CONF

my $r = $t->get('/posts/plain/');
is($r->{status}, 200, 'a partial with no context: 200');
is($r->{body}, "[||]\n[||]\n[on||]\n\n",
   "nil and missing contexts: hugo's page, byte for byte");

my $copy = $t->prefix . '/partials';
system('cp', '-a', $site, $copy) == 0 or die "cp: $?";
$t->write_file("$copy/layouts/partials/docs/styles.htm", "styles\n");
$t->write_file("$copy/layouts/_default/single.html",
               '{{ partial "docs/styles" . }}'
               . '{{ range partial "_funcs/get-page-images" . }}'
               . '{{ .RelPermalink }} {{ .Permalink }} '
               . '{{ with .Image }}{{ .Name }}{{ else }}-{{ end }};{{ end }}'
               . "\n" . '{{ .Sites.Default.Title }}|'
               . '{{ hugo.Sites.Default.Title }}|{{ len hugo.Sites }}');
$t->stop;
$t->start(<<"CONF");
    server {
        listen 127.0.0.1:%%PORT%%;
        page_site $copy;
    }
CONF

$r = $t->get('/posts/bun/');
is($r->{body}, "styles\n/posts/bun/cover.jpg "
               . "https://example.org/posts/bun/cover.jpg cover.jpg;\n"
               . "Partials|Partials|1",
   'a bundle: its cover image, the .htm partial, .Sites.Default');

$r = $t->get('/posts/listed/');
is($r->{body}, "styles\nhttps://cdn.example.net/a.png "
               . "https://cdn.example.net/a.png -;/img/b.png "
               . "https://example.org/img/b.png -;\nPartials|Partials|1",
   'front matter images: a URL as it is, a path made relative and absolute');

$r = $t->get('/posts/plain/');
is($r->{body}, "styles\n/img/site.png https://example.org/img/site.png -;\n"
               . "Partials|Partials|1",
   'no images: the first of site.Params.images');

$t->write_file("$copy/layouts/_default/single.html",
               '{{ string . }}|{{ md5 .Page }}|'
               . '{{ range .Site.Sections }}{{ string . }}{{ end }}');
$t->restart;
my $file = "$copy/content/posts/plain.md";
$file = Cwd::realpath($file);
$r = $t->get('/posts/plain/');
is($r->{body}, "$file|" . Digest::MD5::md5_hex($file) . "|/posts",
   'a page as a string: its file, or the logical path; md5 of it');

done_testing();
