#!/usr/bin/perl
# page_site's other outputs: RSS feeds (index.xml of the home page, a
# section, a taxonomy; a term without RSS in the config's outputs and a
# section without it in its front matter: 404), the site's own RSS
# layout of a section, the sitemap (the config's and front matter's
# changefreq and priority), a multilingual site's sitemap index and each
# language's sitemap, the 404 layout (status 404 for a path that matches
# nothing, 200 for /404.html, nginx's own 404 when error_page 404 is
# configured), a JSON output by the site's layout,
# .OutputFormats/.AlternativeOutputFormats in the pages,
# disableKinds, and page_cache keys that follow the index.
#
# The expected files under t/site/feeds-hugo/ are hugo 0.111.3's build
# of the same fixtures:
#   hugo --quiet -s t/site/feeds -d DIR      (t/site/feeds-hugo/feeds/)
#   hugo --quiet -s t/site/feeds-ml -d DIR   (t/site/feeds-hugo/ml/)

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;
my $p = $t->prefix;
my $hugo = "$FindBin::Bin/site/feeds-hugo";

for my $copy (qw(feeds cached nofeeds rsslink own basename)) {
    system('cp', '-a', "$FindBin::Bin/site/feeds", "$p/$copy") == 0
        or die "cp: $?";
}
system('cp', '-a', "$FindBin::Bin/site/feeds-ml", "$p/ml") == 0
    or die "cp: $?";

# disableKinds: no feeds, no sitemap (hugo writes neither)
$t->write_file("$p/nofeeds/hugo.toml",
               "disableKinds = [\"RSS\", \"sitemap\", \"404\"]\n"
               . read_file("$p/nofeeds/hugo.toml"));
$t->write_file("$p/files/plain404.txt", "nginx's own 404 page\n");

# the site's own robots.txt (enableRobotsTXT) and sitemap.xml layouts,
# and the old rssLimit in place of services.rss.limit: hugo's build of
# this copy is t/site/feeds-hugo/own/
my $conf = read_file("$p/own/hugo.toml");
$conf =~ s{\[services\.rss\]\s*limit = 3\s*}{}s or die 'no services.rss';
$t->write_file("$p/own/hugo.toml",
               "rssLimit = 2\nenableRobotsTXT = true\n" . $conf);
$t->write_file("$p/own/layouts/robots.txt",
               "User-agent: *\n# {{ .Kind }} {{ .Title }} & {{ .Site.Title }}\n"
               . "{{ range first 2 .Site.RegularPages }}"
               . "Disallow: {{ .RelPermalink }}\n{{ end }}"
               . "Sitemap: {{ \"sitemap.xml\" | absURL }}\n");
$t->write_file("$p/own/layouts/sitemap.xml", <<'XML');
{{ printf "<?xml version=\"1.0\"?>" | safeHTML }}
<urlset kind="{{ .Kind }}" title="{{ .Title }}">
{{- range .Data.Pages }}
<url loc="{{ .Permalink }}" freq="{{ .Sitemap.ChangeFreq }}" prio="{{ .Sitemap.Priority }}" file="{{ .Sitemap.Filename }}" kind="{{ .Kind }}"/>
{{- end }}
</urlset>
XML

# outputFormats.RSS.baseName: hugo's build of this copy is
# t/site/feeds-hugo/basename/
$t->write_file("$p/basename/hugo.toml", read_file("$p/basename/hugo.toml")
               . "\n[outputFormats.RSS]\n  baseName = \"feed\"\n");

# .RSSLink is gone (hugo 0.111.3: "can't evaluate field RSSLink in type
# *hugolib.pageState", the build fails)
$t->write_file("$p/rsslink/layouts/_default/single.html",
               "{{ .RSSLink }}\n");
$t->write_file("$p/rsslink/layouts/404.html", "{{ .RSSLink }}\n");

$t->start(<<"CONF");
    page_cache_zone feeds 1m;

    server {
        listen 127.0.0.1:%%PORT%%;

        location / {
            page_site $p/feeds;
        }

        location /errs/ {
            page_site $p/feeds;
            error_page 404 /plain404.txt;
        }

        location = /plain404.txt {
            root $p/files;
        }

        location /cached/ {
            page_site $p/cached;
            page_site_check 0;
            page_cache feeds;
            page_debug on;
            page_last_modified on;
        }

        location /nofeeds/ {
            page_site $p/nofeeds;
        }

        location /rsslink/ {
            page_site $p/rsslink;
        }

        location /own/ {
            page_site $p/own;
        }

        location /basename/ {
            page_site $p/basename;
        }
    }

    server {
        listen 127.0.0.1:%%PORT2%%;
        page_site $p/ml;
    }
CONF

sub hugo_file { read_file("$hugo/$_[0]") }

# the items' descriptions are other pages' .Summary, compared apart: it
# is not made before wip-content's page_site_content, which follows
# current Hugo (an automatic summary keeps its <p>; hugo 0.111.3 writes
# the plain text, "The boats sat on the mud.")
sub without_descriptions {
    my ($xml) = @_;
    $xml =~ s{(<item>.*?<description>).*?(</description>)}{$1$2}gs;
    return $xml;
}

sub is_feed {
    my ($uri, $file, $name, %o) = @_;

    my $r = $t->get($uri);
    is($r->{status}, 200, "$name: 200");
    is($r->{headers}{'content-type'}, 'application/rss+xml; charset=utf-8',
       "$name: hugo's media type for RSS");
    my $want = hugo_file($file);

    if ($o{exact}) {
        is($r->{body}, $want, "$name: hugo's feed");
        return;
    }

    is(without_descriptions($r->{body}), without_descriptions($want),
       "$name: hugo's feed, but for the items' descriptions");

  TODO: {
        local $TODO = "other pages' .Summary: not hugo 0.111.3's";
        is($r->{body}, $want, "$name: hugo's feed, byte for byte");
    }
}

# ---- RSS

# the built-in template: services.rss.limit (3), the config's author and
# copyright; the home page's date is its sections' and taxonomies'
# latest (rules.md at the top, newer, is in the feed but not in
# lastBuildDate); a draft, an expired page and a page of a later date
# are left out
is_feed('/index.xml', 'feeds/index.xml', 'the home page\'s feed');
is_feed('/posts/index.xml', 'feeds/posts/index.xml', 'a section\'s feed');

# a taxonomy's feed lists its terms (their summaries are empty in hugo)
is_feed('/tags/index.xml', 'feeds/tags/index.xml', 'a taxonomy\'s feed',
        exact => 1);

# the site's own layouts/notes/rss.xml
is_feed('/notes/index.xml', 'feeds/notes/index.xml',
        'a section\'s own RSS layout', exact => 1);

# outputs.term = [HTML]: no feed (hugo writes no tags/tide/index.xml)
my $r = $t->get('/tags/tide/index.xml');
is($r->{status}, 404, 'a term without RSS in the config\'s outputs: 404');

# outputs: [html] in _index.md's front matter
is($t->get('/logbook/index.xml')->{status}, 404,
   'a section without RSS in its front matter\'s outputs: 404');
is($t->get('/logbook/')->{status}, 200, '... its page is there');

# a regular page has no feed
is($t->get('/posts/gale/index.xml')->{status}, 404,
   'a regular page has no index.xml');

# HEAD gets the feed's headers
$r = $t->head('/posts/index.xml');
is($r->{status}, 200, 'HEAD of a feed: 200');
is($r->{headers}{'content-length'},
   length($t->get('/posts/index.xml')->{body}),
   'HEAD of a feed: the length GET sends');
is($r->{body}, '', 'HEAD of a feed: no body');

# ---- sitemap

# hugo 0.111.3 lists private.md, whose front matter says sitemap:
# {disable: true}; current Hugo (0.125 and later) leaves it out, as we do
my $sitemap = hugo_file('feeds/sitemap.xml');
$sitemap =~ s{<url>\s*<loc>https://example.net/private/</loc>.*?</url>}{}s
    or die 'the private page is not in hugo\'s sitemap';
$r = $t->get('/sitemap.xml');
is($r->{status}, 200, 'sitemap: 200');
is($r->{headers}{'content-type'}, 'application/xml; charset=utf-8',
   'sitemap: application/xml');
is($r->{body}, $sitemap,
   'sitemap: hugo\'s, with the config\'s and front matter\'s changefreq '
   . 'and priority');

# ---- the 404 layout

my $page404 = hugo_file('feeds/404.html');

$r = $t->get('/404.html');
is($r->{status}, 200, '/404.html: 200, as hugo\'s public/404.html');
is($r->{headers}{'content-type'}, 'text/html; charset=utf-8',
   '/404.html: text/html');
is($r->{body}, $page404, '/404.html: hugo\'s 404 page (Kind 404)');

$r = $t->get('/no/such/page/');
is($r->{status}, 404, 'nothing there: 404');
is($r->{body}, $page404, 'nothing there: the site\'s 404 layout');

$r = $t->get('/posts/draft/');
is($r->{status}, 404, 'a draft: 404');
is($r->{body}, $page404, 'a draft: the site\'s 404 layout');

$r = $t->get('/posts/missing.png');
is($r->{status}, 404, 'no such static file: 404');
is($r->{body}, $page404, 'no such static file: the 404 layout');

is($t->get('/robots-note.txt')->{body}, "plain\n",
   'a static file is still served');

# error_page 404 in the location: nginx's own error page wins
$r = $t->get('/errs/no/such/page/');
is($r->{status}, 404, 'error_page 404: the status stays 404');
is($r->{body}, "nginx's own 404 page\n", 'error_page 404: nginx\'s page');

# ---- output formats in the pages (hugo's posts/index.html, whose
# <head> draws <link rel="alternate"> from .AlternativeOutputFormats and
# .OutputFormats.Get "rss")

$r = $t->get('/posts/');
is($r->{status}, 200, 'a section page: 200');
is($r->{body}, hugo_file('feeds/posts/index.html'),
   'a section page: hugo\'s .OutputFormats and .AlternativeOutputFormats');

$r = $t->get('/posts/gale/');
is($r->{body}, hugo_file('feeds/posts/gale/index.html'),
   'a regular page: HTML only, no alternative');

# ---- the site's own layouts: hugo's build of that copy

# robots.txt: Kind robotsTXT, no title, text/template ("&" as it is)
$r = $t->get('/own/robots.txt');
is($r->{status}, 200, 'a robots.txt layout: 200');
is($r->{headers}{'content-type'}, 'text/plain; charset=utf-8',
   'a robots.txt layout: text/plain');
is($r->{body}, hugo_file('own/robots.txt'),
   'a robots.txt layout: hugo\'s robots.txt');

# sitemap.xml: Kind sitemap, .Data.Pages, .Sitemap (private.md is there:
# this layout does not read .Sitemap.Disable)
$r = $t->get('/own/sitemap.xml');
is($r->{headers}{'content-type'}, 'application/xml; charset=utf-8',
   'a sitemap layout: application/xml');
is($r->{body}, hugo_file('own/sitemap.xml'), 'a sitemap layout: hugo\'s');

# rssLimit = 2
$r = $t->get('/own/index.xml');
is(without_descriptions($r->{body}),
   without_descriptions(hugo_file('own/index.xml')),
   'rssLimit: hugo\'s feed of two items (but the descriptions)');

# ---- outputFormats.RSS.baseName = "feed": /posts/feed.xml

$r = $t->get('/basename/posts/feed.xml');
is($r->{status}, 200, 'baseName: the feed at feed.xml');
is(without_descriptions($r->{body}),
   without_descriptions(hugo_file('basename/posts/feed.xml')),
   'baseName: hugo\'s feed, its atom:link to feed.xml (but the '
   . 'descriptions)');
is($t->get('/basename/posts/index.xml')->{status}, 404,
   'baseName: no index.xml');
ok(index($t->get('/basename/posts/')->{body},
          '<link rel="alternate" type="application/rss&#43;xml" '
          . 'href="https://example.net/posts/feed.xml"') >= 0,
   'baseName: .AlternativeOutputFormats links feed.xml');

# ---- .RSSLink

is($t->get('/rsslink/posts/gale/')->{status}, 500, '.RSSLink: an error');
$t->log_like(qr{single\.html:1:4: executing "_default/single\.html" at }
             . qr{<\.RSSLink>: can't evaluate field RSSLink in type }
             . qr{\*hugolib\.pageState},
             '.RSSLink: hugo\'s error, with the template\'s file:line:col');

# outputs.home = [HTML, RSS, JSON]: the home page's alternatives (hugo
# 0.111.3 also writes its generator <meta> in the home page: not compared)
my @links = hugo_file('feeds/index.html') =~ m{^(<link .*>)$}mg;
is(scalar(@links), 3, 'hugo\'s home page: three links (RSS, JSON, feed)');
is(join("\n", $t->get('/')->{body} =~ m{^(<link .*>)$}mg),
   join("\n", @links),
   'the home page: hugo\'s links to its RSS and JSON outputs');

# ---- other formats: the site's index.json layout of the home page
# (hugo 0.111.3's name; current Hugo's is home.json)

$r = $t->get('/index.json');
is($r->{status}, 200, 'the home page\'s JSON: 200');
is($r->{headers}{'content-type'}, 'application/json; charset=utf-8',
   'the home page\'s JSON: application/json');
is($r->{body}, hugo_file('feeds/index.json'),
   'the home page\'s JSON: hugo\'s, by the site\'s layout');
is($t->get('/posts/index.json')->{status}, 404,
   'a section without JSON in the outputs: 404');

# a 404 layout that fails: the error logged, nginx's own 404 (not a 500
# for every missing path)
$r = $t->get('/rsslink/no/such/');
is($r->{status}, 404, 'a failing 404 layout: still 404');
unlike($r->{body}, qr/RSSLink/, 'a failing 404 layout: nginx\'s page');
$t->log_like(qr{404\.html:1:4: executing "404\.html" at <\.RSSLink>},
             'a failing 404 layout: its error is logged');

# ---- disableKinds

is($t->get('/nofeeds/index.xml')->{status}, 404, 'disableKinds RSS: 404');
is($t->get('/nofeeds/sitemap.xml')->{status}, 404,
   'disableKinds sitemap: 404');
$r = $t->get('/nofeeds/no/such/');
is($r->{status}, 404, 'disableKinds 404: 404');
unlike($r->{body}, qr/Page not found \|/, 'disableKinds 404: nginx\'s page');

# ---- two languages: the sitemap index, each language's sitemap and feed

$r = $t->request(port => $t->port2, uri => '/docs/sitemap.xml');
is($r->{status}, 200, 'sitemap index: 200');
is($r->{headers}{'content-type'}, 'application/xml; charset=utf-8',
   'sitemap index: application/xml');
is($r->{body}, hugo_file('ml/sitemap.xml'), 'sitemap index: hugo\'s');

for my $lang (qw(en de)) {
    $r = $t->request(port => $t->port2, uri => "/docs/$lang/sitemap.xml");
    is($r->{body}, hugo_file("ml/$lang/sitemap.xml"),
       "the $lang sitemap: hugo's, with the translations' links");
}

$r = $t->request(port => $t->port2, uri => '/docs/index.xml');
is(without_descriptions($r->{body}), without_descriptions(
       hugo_file('ml/index.xml')),
   'the default language\'s feed: hugo\'s (but the descriptions)');

$r = $t->request(port => $t->port2, uri => '/docs/de/posts/index.xml');
is(without_descriptions($r->{body}),
   without_descriptions(hugo_file('ml/de/posts/index.xml')),
   'another language\'s section feed: hugo\'s (but the descriptions)');

# the 404 page of the path's language
$r = $t->request(port => $t->port2, uri => '/docs/de/keine/seite/');
is($r->{status}, 404, 'a missing page under /de/: 404');
is($r->{body}, hugo_file('ml/de/404.html'), 'a missing page under /de/: '
   . 'the German 404 page (hugo\'s de/404.html)');
$r = $t->request(port => $t->port2, uri => '/docs/no/page/');
is($r->{body}, hugo_file('ml/404.html'),
   'a missing page elsewhere: the default language\'s 404 page');
$r = $t->request(port => $t->port2, uri => '/docs/de/404.html');
is($r->{status}, 200, '/de/404.html: 200');
is($r->{body}, hugo_file('ml/de/404.html'), '/de/404.html: hugo\'s');

# ---- page_cache: a feed is keyed on the index's fingerprint

# page_last_modified on: a section's page keeps its _index.md's time,
# its feed (made of other pages) has none, so that a conditional request
# never misses a new post
ok($t->get('/cached/posts/')->{headers}{'last-modified'},
   'page_last_modified: a section\'s page has a Last-Modified');

$r = $t->get('/cached/posts/index.xml');
is($r->{headers}{'last-modified'}, undef,
   'page_last_modified: its feed has none');
is($r->{headers}{'x-page-cache'}, 'MISS', 'a cached feed: first a miss');
my $before = $r->{body};
$r = $t->get('/cached/posts/index.xml');
is($r->{headers}{'x-page-cache'}, 'HIT', 'a cached feed: then a hit');
is($r->{body}, $before, 'a cached feed: the same feed');
is($r->{headers}{'content-type'}, 'application/rss+xml; charset=utf-8',
   'a cached feed: its media type');

$t->write_file("$p/cached/content/posts/squall.md",
               "---\ntitle: Squall\ndate: 2024-03-20\n---\nSudden.\n");
$t->set_mtime("$p/cached/content/posts/squall.md", time() - 60);
$r = $t->get('/cached/posts/index.xml');
like($r->{body}, qr{<title>Squall</title>}, 'an added post: in the feed');
is($r->{headers}{'x-page-cache'}, 'MISS', 'an added post: a new key');

is($t->get('/cached/no/such/')->{headers}{'x-page-cache'}, undef,
   'the 404 page is never cached');

done_testing();

sub read_file {
    my ($f) = @_;
    open my $fh, '<:raw', $f or die "$f: $!";
    local $/;
    return scalar <$fh>;
}
