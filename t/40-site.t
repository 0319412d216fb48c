#!/usr/bin/perl
# page_site: a Hugo project served by the module's own content handler
# (t/site/blog, copied so that the test can edit it): a regular page, a
# leaf bundle and its image, slug, url and permalinks, an alias and a
# missing "/" (301), a draft (404), a static/ file with a range and
# If-Modified-Since, a broken hugo.yaml failing nginx -t with its
# file:line:col, an edited page on the next request and an added page
# within page_site_check.  The expected pages are hugo 0.111.3's build
# of the same site (`hugo -s t/site/blog -d DIR`): its <title> and the
# text of its <main>.  Hugo writes an alias as an HTML page with a
# refresh; the issue asks for a 301 to the same URL.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;
my $p = $t->prefix;

system('cp', '-a', "$FindBin::Bin/site/blog", "$p/blog") == 0
    or die "cp: $?";
$t->write_file("$p/files/a.txt", "plain\n");

$t->start(<<"CONF");
    page_cache_zone pages 1m;

    server {
        listen 127.0.0.1:%%PORT%%;

        location /blog/ {
            page_site $p/blog;
        }

        location /cached/ {
            page_site $p/blog;
            page_cache pages;
            page_debug on;
        }
    }

    server {
        listen 127.0.0.1:%%PORT2%%;
        page_site $p/blog;
        page_site_check 0;
        page_last_modified on;
        error_page 404 /blog/tides/;

        location /files/ {
            root $p;
        }
    }
CONF

# the parts of hugo's page compared: its <title> and its <main>
sub page_of {
    my ($body) = @_;

    my ($title) = $body =~ m{<title>(.*?)</title>}s;
    my ($main) = $body =~ m{(<main>.*?</main>)}s;

    return ($title // '(no title)', $main // '(no main)');
}

sub is_page {
    my ($uri, $title, $main, $name) = @_;

    my $r = $t->get($uri);
    is($r->{status}, 200, "$name: 200");
    is($r->{headers}{'content-type'}, 'text/html; charset=utf-8',
       "$name: text/html, as the filter answers");
    my ($got_title, $got_main) = page_of($r->{body});
    is($got_title, $title, "$name: hugo's title");
    is($got_main, $main, "$name: hugo's <main>");
}

# ---- pages (hugo's public/<path>/index.html)

is_page('/blog/2024/03/first-light/', 'First Light | Lighthouse Notes',
        "<main>\n<h1>First Light</h1>\n"
        . "<p>The lamp was lit for the first time this season.</p>\n\n"
        . "</main>",
        'a regular page under the permalinks of posts');

is_page('/blog/', 'Welcome aboard | Lighthouse Notes',
        "<main>\n<h1>Welcome aboard</h1>\n"
        . "<p>Latest notes from the lamp room.</p>\n\n</main>",
        'the home page');

is_page('/blog/2024/05/a-trip-to-the-island/',
        'A Trip to the Island | Lighthouse Notes',
        "<main>\n<h1>A Trip to the Island</h1>\n"
        . "<p><img src=\"island.png\" alt=\"The island\"></p>\n\n</main>",
        'a leaf bundle');

# hugo copies the bundle's image next to its page
my $r = $t->get('/blog/2024/05/a-trip-to-the-island/island.png');
is($r->{status}, 200, "the bundle's image: 200");
is($r->{body}, read_file("$p/blog/content/posts/bundle-trip/island.png"),
   "the bundle's image: its bytes");
is($r->{headers}{'content-type'}, 'image/png', "the bundle's image: type");

is_page('/blog/2024/04/storm/', 'Storm Log | Lighthouse Notes',
        "<main>\n<h1>Storm Log</h1>\n"
        . "<p>Wind from the north-west all night.</p>\n\n</main>",
        'slug (TOML front matter)');

is_page('/blog/tides/', 'Tide Tables | Lighthouse Notes',
        "<main>\n<h1>Tide Tables</h1>\n<p>High and low.</p>\n\n</main>",
        'url');

# page_site in a server: the site lives under baseURL's path, /blog/
$r = $t->request(port => $t->port2, uri => '/blog/2024/04/storm/');
is($r->{status}, 200, 'page_site in a server: a page under /blog/');
is((page_of($r->{body}))[0], 'Storm Log | Lighthouse Notes',
   'page_site in a server: its title');
is($t->request(port => $t->port2, uri => '/2024/04/storm/')->{status}, 404,
   'page_site in a server: nothing outside baseURL\'s path');

# a location outside the site's prefix keeps nginx's static files
$r = $t->request(port => $t->port2, uri => '/files/a.txt');
is($r->{status}, 200, 'a location outside the site: its own files');
is($r->{body}, "plain\n", 'a location outside the site: the file');

# page_last_modified: the content file's time, and nginx's answer to a
# conditional request; HEAD; error_page on a 404
$r = $t->request(port => $t->port2, method => 'HEAD',
                 uri => '/blog/2024/04/storm/');
is($r->{status}, 200, 'HEAD: 200');
is($r->{body}, '', 'HEAD: no body');
ok($r->{headers}{'last-modified'}, 'page_last_modified: Last-Modified');
$r = $t->request(port => $t->port2, uri => '/blog/2024/04/storm/',
                 headers => ['If-Modified-Since'
                             => $r->{headers}{'last-modified'}]);
is($r->{status}, 304, 'page_last_modified: If-Modified-Since: 304');
$r = $t->request(port => $t->port2, uri => '/blog/no/such/page/');
is($r->{status}, 404, 'error_page: the status stays 404');
is((page_of($r->{body}))[0], 'Tide Tables | Lighthouse Notes',
   'error_page: the page it names, from the site');
is($t->request(method => 'POST', uri => '/blog/')->{status}, 405,
   'POST: 405');

# ---- redirects

$r = $t->get('/blog/old/first-light/');
is($r->{status}, 301, 'an alias: 301');
like($r->{headers}{location} // '',
     qr{^https?://[^/]+/blog/2024/03/first-light/$},
     'an alias: to its page (hugo: the same URL in a refresh)');

$r = $t->get('/blog/tides');
is($r->{status}, 301, 'a missing slash: 301');
like($r->{headers}{location} // '', qr{^https?://[^/]+/blog/tides/$},
     'a missing slash: to the page');

$r = $t->get('/blog/tides?x=1');
like($r->{headers}{location} // '', qr{/blog/tides/\?x=1$},
     'a missing slash: the query kept');

# ---- not published: hugo writes neither URL

is($t->get('/blog/2024/01/unfinished/')->{status}, 404,
   'a draft at its permalink: 404');
is($t->get('/blog/posts/unfinished/')->{status}, 404,
   'a draft at its section path: 404');
is($t->get('/blog/no/such/page/')->{status}, 404, 'nothing there: 404');

# ---- static/: hugo copies static/img/log.txt to public/img/log.txt

my $log = read_file("$p/blog/static/img/log.txt");

$r = $t->get('/blog/img/log.txt');
is($r->{status}, 200, 'a static file: 200');
is($r->{body}, $log, 'a static file: its bytes');
is($r->{headers}{'accept-ranges'}, 'bytes', 'a static file: Accept-Ranges');

$r = $t->get('/blog/img/log.txt', 'Range' => 'bytes=0-24');
is($r->{status}, 206, 'a static file with Range: 206');
is($r->{body}, "0001 lighthouse log line\n", 'a static file: the range');
is($r->{headers}{'content-range'}, 'bytes 0-24/' . length($log),
   'a static file: Content-Range');

$r = $t->get('/blog/img/log.txt',
             'If-Modified-Since' => $r->{headers}{'last-modified'});
is($r->{status}, 304, 'a static file with If-Modified-Since: 304');

# hugo copies static/charts/index.html to public/charts/index.html
$r = $t->get('/blog/charts/');
is($r->{status}, 200, "a directory of static/: 200");
is($r->{body}, read_file("$p/blog/static/charts/index.html"),
   'a directory of static/: its index.html');

# ---- robots.txt (enableRobotsTXT): hugo's public/robots.txt

$r = $t->get('/blog/robots.txt');
is($r->{status}, 200, 'robots.txt: 200');
is($r->{body}, 'User-agent: *', "robots.txt: hugo's built-in one");
like($r->{headers}{'content-type'} // '', qr{^text/plain}, 'robots.txt: type');

# ---- an edit is seen on the next request (the file is read afresh)

write_text("$p/blog/content/posts/first-light.md",
           "---\ntitle: \"First Light\"\ndate: 2024-03-05T09:00:00Z\n"
           . "tags: [lamp, night]\ncategories: [Keeping]\n"
           . "aliases: [/old/first-light/]\n---\n"
           . "The lamp was relit after the storm.\n");

is_page('/blog/2024/03/first-light/', 'First Light | Lighthouse Notes',
        "<main>\n<h1>First Light</h1>\n"
        . "<p>The lamp was relit after the storm.</p>\n\n</main>",
        'an edited page, on the next request');

# a content file swapped for a link out of the site is never read
write_text("$p/outside.md", "---\ntitle: Outside\n---\nSECRET-OUTSIDE\n");
rename("$p/blog/content/posts/storm-log.md", "$p/storm-log.md") or die;
symlink("$p/outside.md", "$p/blog/content/posts/storm-log.md") or die;
$r = $t->get('/blog/2024/04/storm/');
isnt($r->{status}, 200, 'a page swapped for a link: not served');
unlike($r->{body}, qr/SECRET-OUTSIDE/, 'a page swapped for a link: not read');
unlink("$p/blog/content/posts/storm-log.md");
rename("$p/storm-log.md", "$p/blog/content/posts/storm-log.md") or die;

# ---- page_cache: a site page is kept, and a new version is a new entry

$r = $t->get('/cached/2024/04/storm/');
is($r->{headers}{'x-page-cache'}, 'MISS', 'page_cache: first render stored');
is((page_of($r->{body}))[0], 'Storm Log | Lighthouse Notes',
   'page_cache: the page');
$r = $t->get('/cached/2024/04/storm/');
is($r->{headers}{'x-page-cache'}, 'HIT', 'page_cache: then a hit');
is((page_of($r->{body}))[1],
   "<main>\n<h1>Storm Log</h1>\n"
   . "<p>Wind from the north-west all night.</p>\n\n</main>",
   "page_cache: the hit is hugo's page");

my $storm = read_file("$p/blog/content/posts/storm-log.md");
(my $calm = $storm) =~ s/Wind from the north-west all night\./Calm seas./;
write_text("$p/blog/content/posts/storm-log.md", $calm);
$r = $t->get('/cached/2024/04/storm/');
like($r->{headers}{'x-page-cache'} // '', qr/^(MISS|BYPASS)$/,
     'page_cache: an edited page is rendered again');
like($r->{body}, qr{<p>Calm seas\.</p>}, 'page_cache: with the edit');
write_text("$p/blog/content/posts/storm-log.md", $storm);

# ---- an added page is served within page_site_check (1 s by default)

is($t->get('/blog/2024/06/lantern-care/')->{status}, 404,
   'a page not yet written: 404');

write_text("$p/blog/content/posts/lantern-care.md",
           "---\ntitle: Lantern Care\ndate: 2024-06-01\n---\n"
           . "Trim the wick every evening.\n");

my $status = 0;
my $deadline = time + 3 * PageTest::slow_factor();

while (time <= $deadline) {
    $status = $t->get('/blog/2024/06/lantern-care/')->{status};
    last if $status == 200;
    select(undef, undef, undef, 0.2);
}

is($status, 200, 'an added page: served within page_site_check');

is_page('/blog/2024/06/lantern-care/', 'Lantern Care | Lighthouse Notes',
        "<main>\n<h1>Lantern Care</h1>\n"
        . "<p>Trim the wick every evening.</p>\n\n</main>",
        'an added page');

# ---- a broken configuration fails nginx -t with its file:line:col

system('cp', '-a', "$FindBin::Bin/site/blog", "$p/broken") == 0
    or die "cp: $?";

write_text("$p/broken/hugo.yaml",
           "baseURL: https://example.org/blog/\ntitle: Lighthouse\n"
           . "\tparams: 1\n");

my ($rc, $out) = PageTest::nginx_test(<<"CONF");
    server {
        listen 127.0.0.1:%%PORT%%;
        page_site $p/broken;
    }
CONF

isnt($rc, 0, 'a broken hugo.yaml: nginx -t fails');
# hugo 0.111.3: "hugo.yaml:3:1": ... yaml: line 3: found a tab character
# that violates indentation (go-yaml gives no column: hugo prints 1)
like($out,
     qr{broken/hugo\.yaml:3:1: .*found a tab character that violates indent},
     'a broken hugo.yaml: file:line:col and the YAML error');

($rc, $out) = PageTest::nginx_test(<<"CONF");
    server {
        listen 127.0.0.1:%%PORT%%;
        page_site $p/blog;
        page_site_check 0;
        page_site_environment staging;
    }
CONF

is($rc, 0, 'page_site in a server, page_site_check, page_site_environment')
    or diag($out);

sub read_file {
    my ($file) = @_;

    open my $fh, '<:raw', $file or die "read $file: $!";
    local $/;
    my $text = <$fh>;
    close $fh;

    return $text;
}

sub write_text {
    my ($file, $text) = @_;

    open my $fh, '>:raw', $file or die "write $file: $!";
    print {$fh} $text;
    close $fh or die "close $file: $!";
}

done_testing();
