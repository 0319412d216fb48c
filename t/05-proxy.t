#!/usr/bin/perl

# Proxied bodies: with Content-Length, chunked (unknown length, in many small
# pieces), delimited by the connection close, large enough to go through
# proxy temp files, unbuffered; bodies over page_max_size; upstream
# Markdown that is never passed raw (a false Content-Encoding, a 404) and
# responses of other types that pass untouched.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;

my $md = "---\ntitle: Proxied Page\n---\n# Proxied Heading\n\nSome *text* here.\n";

# about 300 KB: more than the proxy buffers below, so it goes to a temp file
my $big = "---\ntitle: Big Proxied\n---\n# Big\n\n"
        . join('', map { "Line $_ of a long document with some words.\n\n" }
                   1 .. 6000)
        . "THE-END-MARKER\n";

my $gz = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03opaque-bytes";

$t->upstream(sub {
    my ($req) = @_;

    my $u = $req->{uri};
    my @md = ('Content-Type' => 'text/markdown');

    return { body => $md, headers => \@md } if $u eq '/length';
    return { body => $md, headers => \@md, framing => 'chunked', chunk => 5,
             delay => 0.002 }
        if $u eq '/chunked';
    return { body => $md, headers => \@md, framing => 'close' }
        if $u eq '/close';
    return { body => $big, headers => \@md, framing => 'chunked',
             chunk => 4000 }
        if $u eq '/big-chunked';
    return { body => $big, headers => \@md } if $u eq '/big-length';
    return { body => $md, framing => 'chunked', chunk => 7,
             headers => ['Content-Type' => 'text/markdown; charset=utf-8'] }
        if $u eq '/charset';
    return { body => $gz, headers => [@md, 'Content-Encoding' => 'gzip'] }
        if $u eq '/gzip';
    return { status => 404, body => $md, headers => \@md } if $u eq '/404';
    return { body => $md, headers => ['Content-Type' => 'text/plain'] }
        if $u eq '/plain.md';
    return { body => 'x' x 3000, headers => \@md, framing => 'chunked',
             chunk => 100 }
        if $u eq '/toolarge-chunked';
    return { body => 'x' x 3000, headers => \@md } if $u eq '/toolarge-length';
    return { body => 'x' x 3000, headers => \@md, framing => 'close' }
        if $u eq '/toolarge-close';

    if ($u eq '/mirror') {
        sleep 0.3;
        return { body => "MIRROR-BODY\n", headers => ['Content-Type' => 'text/plain'] };
    }
    return { body => $md, headers => \@md, framing => 'chunked', chunk => 10,
             delay => 0.05 }
        if $u eq '/slow-chunked';

    return { status => 500, body => "no such test: $u\n" };
});

$t->start(<<'EOF');
    proxy_cache_path %%PREFIX%%/tmp/cache keys_zone=pagecache:1m;

    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;

        location /up/ {
            page on;
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
            proxy_http_version 1.1;
            proxy_buffers 4 4k;
            proxy_buffer_size 4k;
            proxy_busy_buffers_size 8k;
        }

        location /up10/ {
            page on;
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
        }

        location /unbuf/ {
            page on;
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
            proxy_http_version 1.1;
            proxy_buffering off;
        }

        location /cached/ {
            page on;
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
            proxy_http_version 1.1;
            proxy_cache pagecache;
            proxy_cache_valid 200 1h;
            add_header X-Cache $upstream_cache_status;
        }

        # a background subrequest answering while the page is collected
        location /mirrored/ {
            page on;
            mirror /mirror;
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
            proxy_http_version 1.1;
        }

        location = /mirror {
            internal;
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/mirror;
            proxy_http_version 1.1;
        }

        location /small/ {
            page on;
            page_max_size 1k;
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
            proxy_http_version 1.1;
        }
    }
EOF

sub proxied_ok {
    my ($uri, $title, $name) = @_;

    my $r = $t->request(uri => $uri);
    page_ok($r, $name);
    is(title_of($r->{body}), $title, "$name: title");

    return $r;
}

my $r = proxied_ok('/up/length', 'Proxied Page', 'upstream with Content-Length');
like($r->{body}, qr{<h1\b[^>]*>Proxied Heading</h1>}, 'Content-Length: heading');
like($r->{body}, qr{<p>Some <em>text</em> here\.</p>}, 'Content-Length: text');
my $page = $r->{body};

$r = proxied_ok('/up/chunked', 'Proxied Page', 'upstream chunked, unknown length');
is($r->{body}, $page, 'chunked upstream: the same page');

$r = proxied_ok('/up/close', 'Proxied Page', 'upstream body ended by close');
is($r->{body}, $page, 'close-delimited upstream: the same page');

$r = proxied_ok('/up10/close', 'Proxied Page', 'HTTP/1.0 to the upstream');
is($r->{body}, $page, 'HTTP/1.0 upstream: the same page');

$r = proxied_ok('/up/charset', 'Proxied Page',
                'text/markdown; charset=utf-8 from the upstream');

$r = proxied_ok('/up/big-chunked', 'Big Proxied',
                'big chunked body through proxy temp files');
like($r->{body}, qr{<p>Line 6000 of a long document}, 'big chunked: last line');
like($r->{body}, qr{THE-END-MARKER}, 'big chunked: end marker');
like($r->{body}, qr{<p>Line 1 of a long document}, 'big chunked: first line');

$r = proxied_ok('/up/big-length', 'Big Proxied',
                'big body with Content-Length through temp files');
like($r->{body}, qr{THE-END-MARKER}, 'big Content-Length: end marker');

$r = proxied_ok('/unbuf/chunked', 'Proxied Page', 'proxy_buffering off, chunked');
is($r->{body}, $page, 'unbuffered: the same page');

$r = proxied_ok('/unbuf/big-chunked', 'Big Proxied', 'proxy_buffering off, big');
like($r->{body}, qr{THE-END-MARKER}, 'unbuffered big: end marker');

$r = $t->request(uri => '/up/length', method => 'HEAD');
is($r->{status}, 200, 'proxied HEAD: 200');
is($r->{headers}{'content-type'}, 'text/html; charset=utf-8', 'proxied HEAD: type');
is($r->{headers}{'content-length'}, length $page,
   'proxied HEAD: Content-Length of the page');

$r = proxied_ok('/mirrored/slow-chunked', 'Proxied Page',
                'mirror subrequest while the page is collected');
is($r->{body}, $page, 'mirror: the same page');
unlike($r->{body}, qr/MIRROR-BODY/, "mirror: the mirror's answer is not in the page");

# ---- proxy_cache: the cached Markdown is rendered on every hit

my @c = map { scalar $t->request(uri => '/cached/big-length') } 1 .. 3;
page_ok($c[0], 'proxy_cache MISS: rendered');
is($c[0]{headers}{'x-cache'}, 'MISS', 'first request: MISS');
page_ok($c[2], 'proxy_cache HIT: rendered');
is($c[2]{headers}{'x-cache'}, 'HIT', 'third request: HIT');
is($c[2]{body}, $c[0]{body}, 'HIT and MISS give the same page');
like($c[2]{body}, qr{THE-END-MARKER}, 'HIT: the whole document');

# ---- never passed through raw (t/16-encoding.t decompresses real gzip)

$r = $t->request(uri => '/up/gzip');
is($r->{status}, 502, 'upstream Content-Encoding gzip that is not: 502');
ok(index($r->{body}, 'opaque-bytes') < 0, 'not passed through');

$r = $t->request(uri => '/up/404');
is($r->{status}, 404, 'upstream 404: 404');
like($r->{body}, qr{<h1\b[^>]*>Proxied Heading</h1>},
     'upstream 404 in Markdown: rendered, keeping the status');

# ---- passed through untouched

$r = $t->request(uri => '/up/plain.md');
raw_ok($r, $md, 'text/plain', 'upstream text/plain for a .md URI: untouched');

# ---- page_max_size with unknown lengths

for my $kind (qw(chunked length close)) {
    my $mark = $t->log_mark;
    $r = $t->request(uri => "/small/toolarge-$kind");
    is($r->{status}, 500, "3000 bytes over page_max_size 1k ($kind): 500");
    unlike($r->{body}, qr/xxxxxxxxxx/, "$kind: no raw body");
    $t->log_like(qr/\[error\][^\n]*page[^\n]*toolarge-$kind/,
                 "$kind: an error-log line", $mark);
}

$r = proxied_ok('/small/length', 'Proxied Page', 'small body under page_max_size');

done_testing();
