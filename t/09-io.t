#!/usr/bin/perl

# How the body arrives and leaves: sendfile, aio threads, small output
# buffers, a small socket send buffer with a slow client, pipelined and
# keep-alive requests, a client that goes away, a truncated upstream, a
# response from "return", the default page_max_size (4m), error_page after a
# content error, and HEAD on every kind of response in a page location.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;
use IO::Socket::INET;
use Time::HiRes qw(sleep time);

my $t = PageTest->new;

my $big = "---\ntitle: Big File\n---\n# Big\n\n"
        . join('', map { "Paragraph $_ with a few words in it.\n\n" } 1 .. 30000)
        . "LAST-PARAGRAPH\n";

$t->write_file('big.md', $big);
$t->write_file('sf/big.md', $big);
$t->write_file('aio/big.md', $big);
$t->write_file('small/big.md', $big);
$t->write_file('a.md', "---\ntitle: Small\n---\n# Small\n\ntext\n");
$t->write_file('b.md', "---\ntitle: Second\n---\n# Second\n");
$t->write_file('page.html', "<p>html</p>\n");
$t->write_file('dir/index.html', "<p>dir</p>\n");
$t->write_file('bad.md', "---\ntitle: [\n---\n");
$t->write_file('ep/bad.md', "---\ntitle: [\n---\n");
$t->write_file('oops.html', "<p>custom error page</p>\n");

# default page_max_size is 4m: exactly 4 MiB is rendered, one byte more not
my $four = "# Four\n\n";
$four .= ('y' x 99 . "\n") x int((4 * 1024 * 1024 - length($four)) / 100);
$four .= 'z' x (4 * 1024 * 1024 - length($four) - 1) . "\n";
$t->write_file('max/exact.md', $four);
$t->write_file('max/over.md', $four . 'w');

$t->upstream(sub {
    my ($req) = @_;

    if ($req->{uri} eq '/truncated') {
        # promises 5000 bytes, sends 100, closes
        return { raw => "HTTP/1.1 200 OK\r\nContent-Type: text/markdown\r\n"
                        . "Content-Length: 5000\r\nConnection: close\r\n\r\n"
                        . ('t' x 100) };
    }
    if ($req->{uri} eq '/truncated-chunked') {
        return { raw => "HTTP/1.1 200 OK\r\nContent-Type: text/markdown\r\n"
                        . "Transfer-Encoding: chunked\r\n"
                        . "Connection: close\r\n\r\n64\r\n" . ('t' x 100)
                        . "\r\n" };
    }
    if ($req->{uri} eq '/stalled') {
        # a header and part of the body, then nothing
        return { raw => "HTTP/1.1 200 OK\r\nContent-Type: text/markdown\r\n"
                        . "Content-Length: 5000\r\n\r\n# Partial\n\nab\n",
                 hold => 2 };
    }
    if ($req->{uri} eq '/stalled-chunked') {
        return { raw => "HTTP/1.1 200 OK\r\nContent-Type: text/markdown\r\n"
                        . "Transfer-Encoding: chunked\r\n\r\n"
                        . "f\r\n# Partial\n\nab\n\r\n",
                 hold => 2 };
    }
    if ($req->{uri} eq '/plain') {
        return { body => "plain text\n", headers => ['Content-Type' => 'text/plain'] };
    }
    if ($req->{uri} eq '/range-echo') {
        my $seen = join ',', sort grep { /range/ } keys %{ $req->{headers} };
        return { body => "# Seen\n\n[$seen]\n",
                 headers => ['Content-Type' => 'text/markdown'] };
    }
    return { body => "# Up\n\nproxied\n",
             headers => ['Content-Type' => 'text/markdown'] };
});

$t->start(<<'EOF');
    server {
        listen 127.0.0.1:%%PORT2%% sndbuf=8k;
        root %%ROOT%%;
        page on;
    }

    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;

        page on;
        sendfile off;

        location /sf/ {
            sendfile on;
            tcp_nopush on;
        }

        location /aio/ {
            aio threads;
            sendfile on;
            output_buffers 2 8k;
        }

        location /small/ {
            output_buffers 1 1k;
            postpone_output 0;
        }

        location /ret/ {
            default_type text/markdown;
            return 200 "---\ntitle: Returned\n---\n# From return\n";
        }

        location /ret-html/ {
            default_type text/html;
            return 200 "<p>returned html</p>";
        }

        location /up/ {
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
            proxy_http_version 1.1;
        }

        location /upslow/ {
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
            proxy_http_version 1.1;
            proxy_read_timeout 300ms;
        }

        location /ep/ {
            error_page 500 /oops.html;
        }

        location = /oops.html {
            page off;
        }
    }
EOF

# ---- file reading paths

for my $loc ('', '/sf', '/aio', '/small') {
    my $r = $t->request(uri => "$loc/big.md");
    page_ok($r, "big file via '$loc/' rendered");
    like($r->{body}, qr{<p>Paragraph 1 with}, "$loc: first paragraph");
    like($r->{body}, qr{<p>Paragraph 30000 with}, "$loc: last numbered paragraph");
    like($r->{body}, qr{LAST-PARAGRAPH}, "$loc: end of file");
}

# ---- slow client, small send buffer

{
    my $sock = IO::Socket::INET->new(PeerAddr => '127.0.0.1',
                                     PeerPort => $t->port2, Proto => 'tcp')
        or die "connect: $!";
    print {$sock} "GET /big.md HTTP/1.1\r\nHost: localhost\r\n"
                  . "Connection: close\r\n\r\n";
    sleep 0.5;          # let nginx fill every buffer and wait for us
    local $/;
    binmode $sock;
    my $all = <$sock>;
    close $sock;
    my ($head, $body) = split /\r\n\r\n/, $all // '', 2;
    my ($cl) = ($head // '') =~ /^Content-Length: (\d+)/mi;
    ok(defined $cl && length($body // '') == $cl,
       'slow client: the whole page arrives');
    like($body // '', qr{LAST-PARAGRAPH}, 'slow client: end of the page');
}

# ---- keep-alive and pipelining

my @res = $t->keepalive_requests({ uri => '/a.md' },
                                 { uri => '/big.md' },
                                 { uri => '/a.md', method => 'HEAD' },
                                 { uri => '/b.md' });
page_ok($res[0], 'keep-alive 1: small page');
page_ok($res[1], 'keep-alive 2: big page');
is($res[2]{status}, 200, 'keep-alive 3: HEAD');
is($res[2]{headers}{'content-length'}, $res[0]{headers}{'content-length'},
   'keep-alive 3: HEAD has the Content-Length of GET');
page_ok($res[3], 'keep-alive 4: the next page after a HEAD');
is(title_of($res[3]{body}), 'Second', 'keep-alive 4: the right page');

{
    my $sock = IO::Socket::INET->new(PeerAddr => '127.0.0.1',
                                     PeerPort => $t->port, Proto => 'tcp')
        or die "connect: $!";
    binmode $sock;
    # nginx closes the connection after a 500: the error comes last
    print {$sock} "GET /a.md HTTP/1.1\r\nHost: localhost\r\n\r\n"
                  . "HEAD /b.md HTTP/1.1\r\nHost: localhost\r\n\r\n"
                  . "GET /b.md HTTP/1.1\r\nHost: localhost\r\n\r\n"
                  . "GET /bad.md HTTP/1.1\r\nHost: localhost\r\n"
                  . "Connection: close\r\n\r\n";
    my $rd = PageTest::_Reader->new($sock);
    my @p = map { PageTest::_read_response($rd, $_) } qw(GET HEAD GET GET);
    close $sock;

    page_ok({ %{ $p[0] }, trailing => '' }, 'pipelined 1: page');
    is(title_of($p[0]{body}), 'Small', 'pipelined 1: the right page');
    is($p[1]{status}, 200, 'pipelined 2: HEAD 200');
    is($p[1]{headers}{'content-length'}, $p[2]{headers}{'content-length'},
       'pipelined 2: HEAD has the Content-Length of GET');
    page_ok({ %{ $p[2] }, trailing => '' }, 'pipelined 3: page after a HEAD');
    is(title_of($p[2]{body}), 'Second', 'pipelined 3: the right page');
    is($p[3]{status}, 500, 'pipelined 4: content error 500');
}

# ---- a client that goes away mid-request

for (1 .. 5) {
    my $sock = IO::Socket::INET->new(PeerAddr => '127.0.0.1',
                                     PeerPort => $t->port, Proto => 'tcp')
        or die "connect: $!";
    print {$sock} "GET /big.md HTTP/1.1\r\nHost: localhost\r\n\r\n";
    close $sock;
}
sleep 0.2;
page_ok(scalar $t->request(uri => '/a.md'), 'after clients went away: served');

# ---- response bodies from elsewhere

my $r = $t->request(uri => '/ret/x');
page_ok($r, 'return 200 with default_type text/markdown: rendered');
is(title_of($r->{body}), 'Returned', 'return 200: title');

$r = $t->request(uri => '/ret-html/x');
raw_ok($r, '<p>returned html</p>', 'text/html', 'return 200 text/html: untouched');

# ---- truncated upstream: never a 200 page of the partial body

for my $u ('up/truncated', 'up/truncated-chunked', 'upslow/stalled',
           'upslow/stalled-chunked')
{
    my $r = eval { $t->request(uri => "/$u") };
    my $st = $r ? $r->{status} : 0;
    ok($st == 0 || $st >= 500,
       "$u upstream: an error or a closed connection, not a page")
        or diag("status $st");
}
page_ok(scalar $t->request(uri => '/a.md'),
        'after truncated and stalled upstreams: served');

$r = $t->request(uri => '/up/range-echo', headers => [Range => 'bytes=0-3']);
page_ok($r, 'proxied page with Range');
my ($seen) = $r->{body} =~ /\[([^\]]*)\]/;
ok(defined $seen && !grep({ $_ eq 'range' } split /,/, $seen),
   'the upstream is not asked for a range (no Range header)')
    or diag("upstream saw: " . ($seen // '?'));

# ---- default page_max_size 4m

$r = $t->request(uri => '/max/exact.md');
page_ok($r, 'default page_max_size: a 4 MiB file is rendered');
my $mark = $t->log_mark;
$r = $t->request(uri => '/max/over.md');
is($r->{status}, 500, 'default page_max_size: 4 MiB + 1 byte gives 500');
$t->log_like(qr/\[error\][^\n]*page[^\n]*over\.md/, 'over 4m: logged', $mark);

# ---- error_page after a content error

$r = $t->request(uri => '/ep/bad.md');
is($r->{status}, 500, 'error_page 500: status 500');
is($r->{body}, "<p>custom error page</p>\n", 'error_page 500: the custom page');

# ---- HEAD never gets a body, and gets GET's headers

for my $u ('/a.md', '/page.html', '/missing.md', '/dir', '/up/plain',
           '/up/x.md', '/bad.md', '/ret/x', '/ret-html/x', '/ep/bad.md')
{
    my $get = $t->request(uri => $u);

    # nginx closes the connection after a 500: no second request then
    my @kh = $get->{status} >= 500
             ? (scalar $t->request(uri => $u, method => 'HEAD'))
             : $t->keepalive_requests({ uri => $u, method => 'HEAD' },
                                      { uri => '/b.md' });
    subtest "HEAD $u" => sub {
        is($kh[0]{status}, $get->{status}, "status $get->{status} as GET");
        is($kh[0]{headers}{'content-type'}, $get->{headers}{'content-type'},
           'Content-Type as GET');
        is($kh[0]{headers}{'content-length'}, $get->{headers}{'content-length'},
           'Content-Length as GET');
        is($kh[0]{body}, '', 'no body');
        is($kh[0]{trailing} // '', '', 'nothing after the header');
        if (@kh > 1) {
            page_ok($kh[1], 'the next request on the connection is fine');
            is(title_of($kh[1]{body}), 'Second', 'and is the right page');
        }
    };
}

done_testing();
