#!/usr/bin/perl

# Every failure has a defined HTTP answer: a layout that renders nothing
# is a 200 with an empty body; an upstream whose body fails after its
# header (truncated, reset, invalid chunks, closed mid-body) is a 502 with
# one "page:" log line naming the URI, and nothing is cached; an upstream
# answer without a valid status line is a 502, never its raw bytes.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;

my $md = "---\ntitle: Upstream Page\nnote: SECRET-SOURCE\n---\n"
       . "# Upstream Heading\n\n" . ("Some words of the page. " x 200) . "\n";

# layouts that render nothing at all
$t->write_file('layouts/_default/empty.html', '{{ "" }}');
$t->write_file('layouts/_default/seq.html', '{{ range seq 3 }}{{ end }}');
$t->write_file('empty/a.md', "---\ntitle: E\nlayout: empty\n---\n# E\n");
$t->write_file('empty/b.md', "---\ntitle: S\nlayout: seq\n---\n# S\n");

my $len = length $md;
my $head = "HTTP/1.1 200 OK\r\nContent-Type: text/markdown\r\n";

$t->upstream(sub {
    my ($req) = @_;
    my $u = $req->{uri};

    # Content-Length promises more than comes
    return { raw => $head . "Content-Length: " . ($len + 500) . "\r\n\r\n"
                    . $md }
        if $u eq '/truncated';

    # reset in the middle of the body
    return { raw => $head . "Content-Length: $len\r\n\r\n"
                    . substr($md, 0, 100), hold => 0.1, reset => 1 }
        if $u eq '/reset';

    # a chunk size that is not hexadecimal
    return { raw => $head . "Transfer-Encoding: chunked\r\n\r\n"
                    . "10\r\n" . substr($md, 0, 16) . "\r\nzz\r\n"
                    . substr($md, 16) . "\r\n0\r\n\r\n" }
        if $u eq '/badchunk';

    # chunked, closed before the last chunk
    return { raw => $head . "Transfer-Encoding: chunked\r\n\r\n"
                    . "10\r\n" . substr($md, 0, 16) . "\r\n" }
        if $u eq '/midbody';

    # no status line nginx can read: the proxy would pass it as HTTP/0.9
    return { raw => "garbage status\r\n\r\n" . $md }
        if $u eq '/nostatus';
    return { raw => $md } if $u eq '/rawbody';

    return { body => $md, headers => ['Content-Type' => 'text/markdown'] }
        if $u eq '/good';

    return { status => 500, body => "no such test: $u\n" };
});

$t->start(<<'EOF');
    page_cache_zone pages 1m;
    proxy_cache_path %%PREFIX%%/tmp/pcache keys_zone=upcache:1m;

    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;

        location /empty/ {
            page on;
            page_templates %%ROOT%%/layouts;
        }

        location /up/ {
            page on;
            page_cache pages;
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
            proxy_http_version 1.1;
            proxy_read_timeout 5s;
        }

        location /unbuf/ {
            page on;
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
            proxy_http_version 1.1;
            proxy_buffering off;
            proxy_read_timeout 5s;
        }

        location /cached/ {
            page on;
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
            proxy_http_version 1.1;
            proxy_cache upcache;
            proxy_cache_valid 200 1h;
            add_header X-Cache $upstream_cache_status;
            proxy_read_timeout 5s;
        }

        location /off/ {
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
        }
    }
EOF

# ---- a layout that renders 0 bytes

for my $f ('a.md', 'b.md') {
    my $mark = $t->log_mark;
    my $r = $t->request(uri => "/empty/$f");
    is($r->{status}, 200, "empty layout ($f): 200");
    is($r->{headers}{'content-length'}, '0', "empty layout ($f): Content-Length 0");
    is($r->{body}, '', "empty layout ($f): empty body");
    $t->log_unlike(qr/zero size buf/, "empty layout ($f): no zero size buf alert",
                   $mark);

    my $h = $t->request(uri => "/empty/$f", method => 'HEAD');
    same_headers($h, $r, "empty layout ($f): HEAD gets GET's headers");
}

# ---- upstream bodies that fail after the header

for my $loc ('up', 'unbuf', 'cached') {
    for my $u (qw(truncated reset badchunk midbody)) {
        my $mark = $t->log_mark;
        my $r = $t->request(uri => "/$loc/$u");
        is($r->{status}, 502, "/$loc/$u: 502");
        unlike($r->{body} // '', qr/SECRET-SOURCE|Upstream Heading/,
               "/$loc/$u: nothing of the source");
        $t->log_like(qr/\[error\][^\n]*page: "\/$loc\/$u": the upstream response ended before the whole body was read/,
                     "/$loc/$u: a page: log line naming the URI", $mark);

        # nothing cached: the next request fails the same way
        $r = $t->request(uri => "/$loc/$u");
        is($r->{status}, 502, "/$loc/$u again: 502, nothing was cached");
    }
}

my $r = $t->request(uri => '/up/good');
page_ok($r, 'a good upstream page after the failures');
is(title_of($r->{body}), 'Upstream Page', 'good page: its title');

# ---- no valid status line

for my $u (qw(nostatus rawbody)) {
    for my $loc ('up', 'unbuf') {
        my $mark = $t->log_mark;
        $r = $t->request(uri => "/$loc/$u");
        is($r->{status}, 502, "/$loc/$u: 502");
        unlike($r->{raw_body} // '', qr/SECRET-SOURCE|Upstream Heading/,
               "/$loc/$u: no raw bytes of the upstream");
        $t->log_like(qr/\[error\][^\n]*page: "\/$loc\/$u": the upstream sent no valid HTTP status line/,
                     "/$loc/$u: a log line", $mark);
    }
}

done_testing();
