#!/usr/bin/perl

# The render cache (page_cache_zone, page_cache): the next request after an
# edit shows the new content (same-second, same-size edits too), a reload
# with changed templates renders anew, requests that could render
# differently (Host, URI, page_param values) never share an entry, hits
# answer HEAD, gzip, ranges and conditional requests exactly as misses do,
# a full zone still answers, failures are not cached, and X-Page-Cache
# shows up with page_debug on only.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest qw(:DEFAULT nginx_test);
use Time::HiRes qw(sleep);

# the debug log tells whether a hit read the body
my $t = PageTest->new(log_level => 'debug');

my $layouts = $t->prefix . '/layouts';
my $tiny_layouts = $t->prefix . '/tiny';

sub layout {
    my ($v) = @_;
    $t->write_file("$layouts/_default/single.html",
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
        . "<title>{{ .Title }}</title>\n</head>\n<body>\n"
        . "<p>layout $v</p>\n"
        . "<p>host={{ .Site.Params.host }}</p>\n"
        . "<p>q={{ .Site.Params.q }}</p>\n"
        . "<p>base={{ .Site.BaseURL }}</p>\n"
        . "<p>rel={{ .RelPermalink }}</p>\n"
        . "{{ .Content }}\n</body>\n</html>\n");
}

layout('one');

$t->write_file("$tiny_layouts/_default/single.html",
    "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
    . "<title>{{ .Title }}</title>\n</head>\n<body>\n"
    . "{{ .Content }}\n</body>\n</html>\n");

sub md {
    my ($title, $text) = @_;
    return "---\ntitle: $title\n---\n# $title\n\n$text\n";
}

# files that must be older than the freshness window (validators trusted)
for my $f (qw(c/old.md c/same.md n/head.md n/gzip.md n/range.md
              lm/a.md p/a.md)) {
    $t->write_file($f, md('Old', "text of $f"));
}

$t->write_file('up/src.md', md('Up', 'upstream one'));
$t->write_file('up/etag', '"e1"');

$t->upstream(sub {
    my ($req) = @_;
    my $root = $t->root;

    open my $fh, '<', "$root/up/src.md" or return { status => 404 };
    local $/;
    my $body = <$fh>;
    close $fh;

    my @h = ('Content-Type' => 'text/markdown');

    if ($req->{uri} =~ m{^/etag/} && open my $e, '<', "$root/up/etag") {
        my $etag = <$e>;
        close $e;
        push @h, 'ETag' => $etag;
    }

    return { body => $body, headers => \@h };
});

my $conf = <<"EOF";
    page_cache_zone  pc    1m;
    page_cache_zone  tiny  32k;

    server {
        listen 127.0.0.1:%%PORT%%;
        server_name  localhost;
        root %%ROOT%%;

        location /c/ {
            page        on;
            page_cache  pc;
            page_debug  on;
        }

        location /nodebug/ {
            alias       %%ROOT%%/c/;
            page        on;
            page_cache  pc;
        }

        location /off/ {
            alias       %%ROOT%%/c/;
            page        on;
            page_debug  on;
        }

        location /n/ {
            page        on;
            page_cache  pc;
            gzip             on;
            gzip_types       text/html;
            gzip_min_length  1;
        }

        location /lm/ {
            page                on;
            page_cache          pc;
            page_last_modified  on;
        }

        location /p/ {
            page            on;
            page_cache      pc;
            page_debug      on;
            page_templates  $layouts;
            page_param      host  \$host;
            page_param      q     \$arg_q;
            try_files       \$uri \$uri.md =404;
        }

        location /pb/ {
            alias           %%ROOT%%/p/;
            page            on;
            page_cache      pc;
            page_debug      on;
            page_templates  $layouts;
        }

        location /tiny/ {
            page            on;
            page_cache      tiny;
            page_debug      on;
            page_templates  $tiny_layouts;
        }

        location /etag/ {
            page        on;
            page_cache  pc;
            page_debug  on;
            proxy_pass  http://127.0.0.1:%%UPSTREAM_PORT%%;
        }

        location /plain/ {
            page        on;
            page_cache  pc;
            page_debug  on;
            proxy_pass  http://127.0.0.1:%%UPSTREAM_PORT%%;
        }
    }
EOF

$t->start($conf);

sub xpc { $_[0]{headers}{'x-page-cache'} // 'none' }

# ---- fresh files: keyed on the body, every edit shows at once

$t->write_file('c/a.md', md('A', 'first text'));

my $r = $t->request(uri => '/c/a.md');
page_ok($r, 'fresh file: rendered');
is(xpc($r), 'MISS', 'first request: X-Page-Cache MISS');
like($r->{body}, qr{<p>first text</p>}, 'first text');

$r = $t->request(uri => '/c/a.md');
is(xpc($r), 'HIT', 'second request of the unchanged file: HIT');
like($r->{body}, qr{<p>first text</p>}, 'hit: same text');

$t->write_file('c/a.md', md('A', 'second text, longer'));
$r = $t->request(uri => '/c/a.md');
like($r->{body}, qr{<p>second text, longer</p>}, 'edit: next request fresh');
is(xpc($r), 'MISS', 'edit: MISS');

# the same second, the same size, the same mtime
my $mtime = (stat $t->path_of('c/a.md'))[9];
$t->write_file('c/a.md', md('A', 'second text, LONGER'));
$t->set_mtime('c/a.md', $mtime);
$r = $t->request(uri => '/c/a.md');
like($r->{body}, qr{<p>second text, LONGER</p>},
     'same-second, same-size edit: fresh');

$t->write_file('c/a.md', md('A', 'second text, longer'));
$t->set_mtime('c/a.md', $mtime);
$r = $t->request(uri => '/c/a.md');
like($r->{body}, qr{<p>second text, longer</p>},
     'and back again within the second: fresh');

# ---- page_debug off: no X-Page-Cache; cache off: none either

$r = $t->request(uri => '/nodebug/a.md');
page_ok($r, 'no page_debug: rendered');
ok(!exists $r->{headers}{'x-page-cache'}, 'no page_debug: no X-Page-Cache');
$r = $t->request(uri => '/nodebug/a.md');
ok(!exists $r->{headers}{'x-page-cache'},
   'no page_debug, second request: no X-Page-Cache');

$r = $t->request(uri => '/off/a.md');
page_ok($r, 'no page_cache: rendered');
ok(!exists $r->{headers}{'x-page-cache'}, 'no page_cache: no X-Page-Cache');

# ---- failures are not cached

$t->write_file('c/bad.md', "---\na: &x 1\nb: *x\n---\n# Bad\n");
$r = $t->request(uri => '/c/bad.md');
is($r->{status}, 500, 'failing page: 500');
ok(!exists $r->{headers}{'x-page-cache'}, 'failing page: no X-Page-Cache');
$r = $t->request(uri => '/c/bad.md');
is($r->{status}, 500, 'failing page again: 500, not cached');

$t->write_file('c/bad.md', md('Fixed', 'fixed now'));
$r = $t->request(uri => '/c/bad.md');
page_ok($r, 'fixed: rendered');
like($r->{body}, qr{<p>fixed now</p>}, 'fixed: the new text');

$t->write_file('c/bad.md', "---\na: &x 1\nb: *x\n---\n# Bad\n");
$r = $t->request(uri => '/c/bad.md');
is($r->{status}, 500, 'broken again: 500, not the cached page');

# ---- upstreams: a strong ETag identifies the body; else its hash

$r = $t->request(uri => '/etag/x.md');
page_ok($r, 'upstream with ETag: rendered');
is(xpc($r), 'MISS', 'upstream with ETag: MISS');
$r = $t->request(uri => '/etag/x.md');
is(xpc($r), 'HIT', 'upstream with ETag, again: HIT');
like($r->{body}, qr{upstream one}, 'upstream with ETag: text');

$t->write_file('up/src.md', md('Up', 'upstream two'));
$t->write_file('up/etag', '"e2"');
$r = $t->request(uri => '/etag/x.md');
like($r->{body}, qr{upstream two}, 'upstream, new ETag: fresh');
is(xpc($r), 'MISS', 'upstream, new ETag: MISS');

$r = $t->request(uri => '/plain/x.md');
like($r->{body}, qr{upstream two}, 'upstream, no validators: rendered');
$r = $t->request(uri => '/plain/x.md');
is(xpc($r), 'HIT', 'upstream, no validators, same body: HIT');
$t->write_file('up/src.md', md('Up', 'upstream six'));
$r = $t->request(uri => '/plain/x.md');
like($r->{body}, qr{upstream six}, 'upstream, no validators, new body: fresh');
is(xpc($r), 'MISS', 'upstream, no validators, new body: MISS');

# ---- files older than the freshness window: keyed on their validators

sleep 2.2;

$r = $t->request(uri => '/c/old.md');
is(xpc($r), 'MISS', 'old file: MISS');
my $mark = $t->log_mark;
my $hit = $t->request(uri => '/c/old.md');
is(xpc($hit), 'HIT', 'old file, again: HIT');
is($hit->{body}, $r->{body}, 'old file: hit equals miss');
my $log = $t->log_since($mark);

SKIP: {
    # nginx built without --with-debug writes no debug lines
    skip 'nginx has no debug log', 3 unless $t->error_log =~ /\[debug\]/;

    like($log, qr/sent without reading the body/,
         'old file: a hit is sent from the header filter');
    unlike($log, qr/http copy filter|\bread: \d+/,
           'old file: a hit does not read the file');

    $mark = $t->log_mark;
    $r = $t->request(uri => '/c/old.md', method => 'HEAD');
    unlike($t->log_since($mark), qr/http copy filter|\bread: \d+/,
           'old file, HEAD hit: the file is not read');
}

$r = $t->request(uri => '/c/old.md', method => 'HEAD');
is(xpc($r), 'HIT', 'old file, HEAD: HIT');

# an old file's mtime is put back after each same-size edit: only its
# ctime (within the same second) tells that it changed
$t->write_file('c/twice.md', md('Twice', 'version 1'));
$t->set_mtime('c/twice.md', $mtime - 50);
$r = $t->request(uri => '/c/twice.md');
like($r->{body}, qr{<p>version 1</p>}, 'mtime put back: version 1');
$t->write_file('c/twice.md', md('Twice', 'version 2'));
$t->set_mtime('c/twice.md', $mtime - 50);
$r = $t->request(uri => '/c/twice.md');
like($r->{body}, qr{<p>version 2</p>},
     'mtime put back, second edit in the same second: fresh');

# an edit of an old file within one second, same size, mtime put back:
# its ctime is fresh, so the body decides
$mtime = (stat $t->path_of('c/old.md'))[9];
$t->write_file('c/old.md', md('Old', 'TEXT of c/old.md'));
$t->set_mtime('c/old.md', $mtime);
$r = $t->request(uri => '/c/old.md');
like($r->{body}, qr{<p>TEXT of c/old.md</p>},
     'old file, same-size edit with its mtime put back: fresh');

# ---- hits answer HEAD, gzip, ranges and conditionals as misses do

my $get_miss = $t->request(uri => '/n/head.md');
my $head_hit = $t->request(uri => '/n/head.md', method => 'HEAD');
same_headers($head_hit, $get_miss, 'HEAD hit: the headers of a GET miss');
is($head_hit->{body}, '', 'HEAD hit: no body');
my $get_hit = $t->request(uri => '/n/head.md');
same_headers($get_hit, $get_miss, 'GET hit: the headers of a GET miss');
is($get_hit->{body}, $get_miss->{body}, 'GET hit: the body of the miss');

my $head_miss = $t->request(uri => '/n/gzip.md', method => 'HEAD');
$head_hit = $t->request(uri => '/n/gzip.md', method => 'HEAD');
same_headers($head_hit, $head_miss, 'HEAD hit equals HEAD miss');

my @gz = ('Accept-Encoding' => 'gzip');
my $gz_hit = $t->request(uri => '/n/gzip.md', headers => \@gz);
$get_hit = $t->request(uri => '/n/gzip.md');
is($gz_hit->{headers}{'content-encoding'}, 'gzip', 'gzip hit: gzipped');
is(gunzip($gz_hit->{body}), $get_hit->{body}, 'gzip hit: the page');

my $gz_miss = $t->request(uri => '/n/range.md', headers => \@gz);
my $gz_hit2 = $t->request(uri => '/n/range.md', headers => \@gz);
same_headers($gz_hit2, $gz_miss, 'gzip hit: the headers of a gzip miss');
is(gunzip($gz_hit2->{body}), gunzip($gz_miss->{body}),
   'gzip hit: the body of a gzip miss');

my $range = $t->request(uri => '/n/range.md', headers => ['Range' => 'bytes=0-9']);
is($range->{status}, 200, 'Range on a hit: the whole page, 200');
ok(!exists $range->{headers}{'accept-ranges'}, 'Range on a hit: no Accept-Ranges');
is($range->{body}, gunzip($gz_miss->{body}), 'Range on a hit: the page');

my $lm_miss = $t->request(uri => '/lm/a.md');
page_ok($lm_miss, 'page_last_modified: rendered');
my $lm_hit = $t->request(uri => '/lm/a.md');
same_headers($lm_hit, $lm_miss, 'page_last_modified: hit headers equal');
is($lm_hit->{body}, $lm_miss->{body}, 'page_last_modified: hit body equal');
like($lm_hit->{headers}{etag} // '', qr{^W/"}, 'hit: weak ETag');

my $ims = $t->request(uri => '/lm/a.md',
    headers => ['If-Modified-Since' => $lm_miss->{headers}{'last-modified'}]);
is($ims->{status}, 304, 'If-Modified-Since on a hit: 304');
is($ims->{body}, '', '304: no body');
my $inm = $t->request(uri => '/lm/a.md',
    headers => ['If-None-Match' => $lm_miss->{headers}{etag}]);
is($inm->{status}, 304, 'If-None-Match on a hit: 304');
same_headers($inm, $ims, 'both 304s alike');
$r = $t->request(uri => '/lm/a.md',
    headers => ['If-Modified-Since' => 'Mon, 13 Nov 2000 00:00:00 GMT']);
same_headers($r, $lm_miss, 'older If-Modified-Since on a hit: the page');
is($r->{body}, $lm_miss->{body}, 'older If-Modified-Since: body equal');

# keep-alive: a hit leaves the connection usable
my @ka = $t->keepalive_requests({ uri => '/c/old.md' },
                                { uri => '/c/old.md', method => 'HEAD' },
                                { uri => '/c/old.md' });
is(scalar(grep { $_->{status} == 200 } @ka), 3, 'keep-alive: three answers');
is(xpc($ka[0]), 'HIT', 'keep-alive: hit');
is($ka[2]{body}, $ka[0]{body}, 'keep-alive: same page after a HEAD hit');

# ---- Host, URI and page_param values do not share entries

$r = $t->request(uri => '/p/a.md', host => 'one.test');
like($r->{body}, qr{host=one\.test}, 'Host one: its param');
like($r->{body}, qr{base=http://one\.test/}, 'Host one: its BaseURL');
$r = $t->request(uri => '/p/a.md', host => 'one.test');
is(xpc($r), 'HIT', 'Host one again: HIT');

$r = $t->request(uri => '/p/a.md', host => 'two.test');
is(xpc($r), 'MISS', 'Host two: MISS');
like($r->{body}, qr{host=two\.test}, 'Host two: its param');
like($r->{body}, qr{base=http://two\.test/}, 'Host two: its BaseURL');

$r = $t->request(uri => '/p/a', host => 'one.test');
is(xpc($r), 'MISS', 'other URI, same file: MISS');
like($r->{body}, qr{rel=/p/a</p>}, 'other URI: its RelPermalink');
$r = $t->request(uri => '/p/a.md', host => 'one.test');
like($r->{body}, qr{rel=/p/a\.md</p>}, 'first URI: its RelPermalink');

$r = $t->request(uri => '/p/a.md?q=1', host => 'one.test');
like($r->{body}, qr{q=1</p>}, 'page_param from the query: q=1');
$r = $t->request(uri => '/p/a.md?q=2', host => 'one.test');
like($r->{body}, qr{q=2</p>}, 'another page_param value: q=2');
is(xpc($r), 'MISS', 'another page_param value: MISS');

# without page_param, the Host still reaches .Site.BaseURL
$r = $t->request(uri => '/pb/a.md', host => 'one.test');
like($r->{body}, qr{base=http://one\.test/}, 'no params, Host one: BaseURL');
$r = $t->request(uri => '/pb/a.md', host => 'two.test');
like($r->{body}, qr{base=http://two\.test/}, 'no params, Host two: BaseURL');
is(xpc($r), 'MISS', 'no params, Host two: MISS');

# ---- a reload with changed templates renders anew

$r = $t->request(uri => '/p/a.md', host => 'one.test');
is(xpc($r), 'HIT', 'before the reload: HIT');
like($r->{body}, qr{layout one}, 'before the reload: layout one');

# nginx without a master process (the harness under valgrind) does not
# accept connections after a reload: restart it there instead
sub reload_or_restart {
    return $t->reload unless $ENV{PAGE_TEST_VALGRIND};
    $t->restart;
    return 1;
}

layout('two');
ok(reload_or_restart(), 'reload');

$r = $t->request(uri => '/p/a.md', host => 'one.test');
like($r->{body}, qr{layout two}, 'after the reload: the new layout');
is(xpc($r), 'MISS', 'after the reload: MISS');
$r = $t->request(uri => '/p/a.md', host => 'one.test');
is(xpc($r), 'HIT', 'after the reload, again: HIT');

# a reload without changes still renders anew (directives may differ)
ok(reload_or_restart(), 'reload again');
$r = $t->request(uri => '/c/old.md');
is(xpc($r), 'MISS', 'after a reload: old entries are not used');

# ---- a small zone filled past its size still answers

my $filler = join('', map { "line $_ of filler text\n\n" } 1 .. 60);
for my $i (1 .. 40) {
    $t->write_file("tiny/p$i.md", md("Page $i", "page $i\n\n$filler"));
}

my ($ok, $stored) = (0, 0);
for my $i (1 .. 40) {
    $r = $t->request(uri => "/tiny/p$i.md");
    $ok++ if $r->{status} == 200 && $r->{body} =~ m{<p>page $i</p>};
    $stored++ if xpc($r) eq 'MISS';
}
is($ok, 40, 'full zone: every page 200 with its text');
ok($stored > 0, "full zone: pages stored ($stored)");

$r = $t->request(uri => '/tiny/p40.md');
is(xpc($r), 'HIT', 'full zone: the latest page is cached');
$r = $t->request(uri => '/tiny/p1.md');
is($r->{status}, 200, 'full zone: an evicted page renders again');
like($r->{body}, qr{<p>page 1</p>}, 'full zone: its text');
is(xpc($r), 'MISS', 'full zone: the oldest page was evicted');

# a page larger than an entry may be: rendered, not stored
$t->write_file('tiny/big.md', md('Big', 'x' x 20000));
$r = $t->request(uri => '/tiny/big.md');
is($r->{status}, 200, 'page larger than an entry: 200');
is(xpc($r), 'BYPASS', 'page larger than an entry: BYPASS');
$r = $t->request(uri => '/tiny/big.md');
is(xpc($r), 'BYPASS', 'page larger than an entry: not stored');

$t->log_unlike(qr/ngx_slab_alloc\(\) failed|\[crit\]|\[alert\]/,
               'full zone: nothing in the error log');

# ---- configuration

my ($exit, $out) = nginx_test(<<'EOF');
    server {
        listen 127.0.0.1:%%PORT%%;
        location / { page on; page_cache nozone; }
    }
EOF
isnt($exit, 0, 'page_cache with an undeclared zone: nginx -t fails');
like($out, qr/zero size shared memory zone "nozone"/, '... and says why');

($exit, $out) = nginx_test(<<'EOF');
    page_cache_zone  z  1k;
EOF
isnt($exit, 0, 'page_cache_zone too small: nginx -t fails');
like($out, qr/zone "z" is too small/, '... and says why');

($exit, $out) = nginx_test(<<'EOF');
    page_cache_zone  z  1m;
    server {
        listen 127.0.0.1:%%PORT%%;
        page_cache z;
        location / { page on; page_cache off; }
    }
EOF
is($exit, 0, 'page_cache off inside page_cache z: nginx -t passes')
    or diag($out);

done_testing();
