#!/usr/bin/perl

# Validators: dropped by default (the page also depends on templates and
# config); page_last_modified on keeps Last-Modified and makes the ETag weak,
# and conditional requests then get 304.  Conditional requests are decided
# on the rendered page's validators, never on the source's: with
# page_last_modified off no conditional header gives a 304, a page that
# fails to render is never a 304, and a cached page answers as a rendered
# one does.  Files a page location does not render keep nginx's own 304.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;

my $mtime = 1700000000;
my $http_date = 'Tue, 14 Nov 2023 22:13:20 GMT';

for my $f ('def/a.md', 'lm/a.md', 'lm/b.html', 'def/b.html', 'lmc/a.md',
           'lmc/b.html') {
    $t->write_file($f, "---\ntitle: Validators\n---\n# V\n\ntext\n");
    $t->set_mtime($f, $mtime);
}

# a page that fails to render (unterminated front matter)
for my $f ('def/bad.md', 'lm/bad.md') {
    $t->write_file($f, "---\ntitle: never closed\n\n# x\n");
    $t->set_mtime($f, $mtime);
}

$t->write_file('none/a.md', "# not rendered\n");

$t->upstream(sub {
    my ($req) = @_;

    if ($req->{uri} =~ m{^/cond/}) {
        # an upstream that honours conditional requests itself
        return { status => 304, body => '' }
            if $req->{headers}{'if-none-match'}
               || $req->{headers}{'if-modified-since'};
        return { body => "---\ntitle: Up\n---\n# Up\n",
                 headers => ['Content-Type' => 'text/markdown',
                             'Last-Modified' => $http_date,
                             'ETag' => '"up-etag-1"'] };
    }

    return { body => "---\ntitle: Up\n---\n# Up\n",
             headers => ['Content-Type' => 'text/markdown',
                         'Last-Modified' => $http_date,
                         'ETag' => '"up-etag-1"'] };
});

$t->start(<<'EOF');
    page_cache_zone pages 1m;

    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;

        # no page directive anywhere: off by default
        location /none/ {
        }

        location /updef/ {
            page on;
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
        }

        location /uplm/ {
            page on;
            page_last_modified on;
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
        }

        location /def/ {
            page on;
        }

        location /lm/ {
            page on;
            page_last_modified on;
        }

        location /lmc/ {
            page on;
            page_last_modified on;
            page_cache pages;
        }

        location /upcond/ {
            page on;
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/cond/;
        }
    }
EOF

# ---- the fixture really has validators

my $r = $t->request(uri => '/def/b.html');
is($r->{headers}{'last-modified'}, $http_date,
   'static file: Last-Modified (fixture check)');
like($r->{headers}{'etag'} // '', qr/^"[^"]+"$/, 'static file: strong ETag');

# ---- default: no validators

$r = $t->request(uri => '/def/a.md');
page_ok($r, 'default: rendered');
ok(!exists $r->{headers}{'last-modified'}, 'default: no Last-Modified');
ok(!exists $r->{headers}{'etag'}, 'default: no ETag');

my $h = $t->request(uri => '/def/a.md', method => 'HEAD');
ok(!exists $h->{headers}{'last-modified'}, 'default HEAD: no Last-Modified');
ok(!exists $h->{headers}{'etag'}, 'default HEAD: no ETag');
same_headers($h, $r, 'default: HEAD gets the headers of GET');

# ---- page_last_modified on

my $get = $t->request(uri => '/lm/a.md');
page_ok($get, 'page_last_modified: rendered');
is($get->{headers}{'last-modified'}, $http_date,
   'page_last_modified: Last-Modified of the file kept');
my $etag = $get->{headers}{'etag'};
like($etag // '', qr{^W/"[^"]+"$}, 'page_last_modified: weak ETag');

$h = $t->request(uri => '/lm/a.md', method => 'HEAD');
same_headers($h, $get, 'page_last_modified: HEAD gets the headers of GET');

$r = $t->request(uri => '/lm/a.md', headers => ['If-Modified-Since' => $http_date]);
is($r->{status}, 304, 'If-Modified-Since: 304');
is($r->{body}, '', '304: no body');

$r = $t->request(uri => '/lm/a.md',
                 headers => ['If-Modified-Since' => 'Mon, 13 Nov 2023 00:00:00 GMT']);
page_ok($r, 'If-Modified-Since older than the file: 200 page');

SKIP: {
    skip 'no ETag', 3 unless defined $etag;

    $r = $t->request(uri => '/lm/a.md', headers => ['If-None-Match' => $etag]);
    is($r->{status}, 304, 'If-None-Match with the weak ETag: 304');
    is($r->{body}, '', '304: no body');

    $r = $t->request(uri => '/lm/a.md',
                     headers => ['If-None-Match' => '"something-else"']);
    page_ok($r, 'If-None-Match with another ETag: 200 page');
}

# ---- validators from an upstream

$r = $t->request(uri => '/updef/a.md');
page_ok($r, 'proxied, default: rendered');
ok(!exists $r->{headers}{'last-modified'}, 'proxied, default: no Last-Modified');
ok(!exists $r->{headers}{'etag'}, 'proxied, default: no ETag');

$r = $t->request(uri => '/uplm/a.md');
page_ok($r, 'proxied, page_last_modified: rendered');
is($r->{headers}{'last-modified'}, $http_date,
   'proxied, page_last_modified: upstream Last-Modified kept');
is($r->{headers}{'etag'}, 'W/"up-etag-1"',
   'proxied, page_last_modified: upstream ETag made weak');

# ---- conditional requests: the page's validators, not the source's

my $src = $t->request(uri => '/def/b.html');
my $src_etag = $src->{headers}{'etag'};

for my $c (['If-None-Match' => '*'],
           ['If-None-Match' => $src_etag],
           ['If-Modified-Since' => $http_date],
           ['If-Modified-Since' => 'Tue, 14 Nov 2023 22:13:20 GMT',
            'If-None-Match' => '*'])
{
    my $name = join(': ', @$c[0, 1]);
    $r = $t->request(uri => '/def/a.md', headers => $c);
    page_ok($r, "page_last_modified off, $name: the page, not a 304");
    ok(!exists $r->{headers}{'etag'} && !exists $r->{headers}{'last-modified'},
       "page_last_modified off, $name: no validators");

    $r = $t->request(uri => '/def/bad.md', headers => $c);
    is($r->{status}, 500, "a page that fails, $name: 500, not a 304");
}

$r = $t->request(uri => '/lm/bad.md', headers => ['If-Modified-Since' => $http_date]);
is($r->{status}, 500,
   'page_last_modified on, a page that fails: 500, not a 304');
$r = $t->request(uri => '/lm/bad.md', headers => ['If-None-Match' => '*']);
is($r->{status}, 500, 'page_last_modified on, failing page, If-None-Match *: 500');

# with page_last_modified on, the rendered page's weak ETag decides
$r = $t->request(uri => '/lm/a.md', headers => ['If-None-Match' => $src_etag]);
is($r->{status}, 304,
   "page_last_modified on: the source's strong ETag matches the page's weak one (weak comparison)");
$r = $t->request(uri => '/lm/a.md', headers => ['If-None-Match' => '*']);
is($r->{status}, 304, 'page_last_modified on, If-None-Match *: 304');
$r = $t->request(uri => '/lm/a.md', headers => ['If-Match' => $src_etag]);
is($r->{status}, 412,
   'page_last_modified on, If-Match with the strong ETag: 412 (the page has a weak one)');
$r = $t->request(uri => '/lm/a.md',
                 headers => ['If-Unmodified-Since' => 'Mon, 13 Nov 2023 00:00:00 GMT']);
is($r->{status}, 412, 'If-Unmodified-Since before the page: 412');
$r = $t->request(uri => '/lm/a.md',
                 headers => ['If-Unmodified-Since' => $http_date]);
page_ok($r, 'If-Unmodified-Since at the page: the page');

# the same answers from the render cache, miss and hit alike
my @conds = (['If-Modified-Since' => $http_date],
             ['If-None-Match' => $etag // '"none"'],
             ['If-None-Match' => '"other"'],
             ['If-Modified-Since' => 'Mon, 13 Nov 2023 00:00:00 GMT']);
my @want = (304, 304, 200, 200);

for my $round ('miss', 'hit') {
    for my $i (0 .. $#conds) {
        $r = $t->request(uri => '/lmc/a.md', headers => $conds[$i]);
        is($r->{status}, $want[$i],
           "page_cache $round, @{$conds[$i]}: $want[$i]");
    }
}

# files a page location does not render keep nginx's own 304
$r = $t->request(uri => '/lmc/b.html', headers => ['If-Modified-Since' => $http_date]);
is($r->{status}, 304, 'a .html file in a page location: 304 from nginx');
$r = $t->request(uri => '/lmc/b.html', headers => ['If-None-Match' => $src_etag]);
is($r->{status}, 304, 'a .html file in a page location, If-None-Match: 304');

# an upstream never sees the conditional headers of a page request
$r = $t->request(uri => '/upcond/a.md', headers => ['If-None-Match' => '"up-etag-1"']);
page_ok($r, "proxied: the upstream's own 304 does not answer for the page");

# ---- page is off by default

$r = $t->request(uri => '/none/a.md');
raw_ok($r, "# not rendered\n", 'text/markdown', 'no page directive: raw Markdown');
ok(exists $r->{headers}{'last-modified'}, 'no page directive: validators kept');

# the page changes when the file changes: the validators follow the file
$t->write_file('lm/a.md', "---\ntitle: Validators\n---\n# V\n\nnew text\n");
$t->set_mtime('lm/a.md', $mtime + 100);
$r = $t->request(uri => '/lm/a.md', headers => ['If-Modified-Since' => $http_date]);
page_ok($r, 'file changed: If-Modified-Since of the old date gets the page');
like($r->{body}, qr{<p>new text</p>}, 'file changed: new text');

done_testing();
