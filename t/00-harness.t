#!/usr/bin/perl

# The harness itself: nginx starts with the module loaded, serves files,
# the client decodes Content-Length, chunked and close-delimited bodies, the
# forked upstream works, "nginx -t" reports errors. No page directives here.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest qw(:DEFAULT nginx_test);

my $t = PageTest->new;

ok(-d $t->prefix, 'temp prefix exists');
is((stat $t->prefix)[2] & 0777, 0755, 'temp prefix is world-readable');

$t->write_file('hello.html', "<p>hello</p>\n");
$t->write_file('sub/dir/a.txt', "plain\n");

$t->upstream(sub {
    my ($r) = @_;

    my $body = "upstream says $r->{uri}\n" x 50;

    return { framing => 'chunked', chunk => 7, body => $body,
             headers => ['Content-Type' => 'text/plain'] }
        if $r->{uri} =~ /chunked/;
    return { framing => 'close', body => $body,
             headers => ['Content-Type' => 'text/plain'] }
        if $r->{uri} =~ /close/;
    return { body => $body, headers => ['Content-Type' => 'text/plain'] };
});

$t->start(<<'EOF');
    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;

        location /up/ {
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
            proxy_http_version 1.1;
        }

        location /sub/ {
            types { text/plain txt; }
            sub_filter plain changed;
            sub_filter_types text/plain;
        }
    }
EOF

my ($st, $h, $body) = $t->get('/hello.html');
is($st, 200, 'static file: 200');
is($h->{'content-type'}, 'text/html', 'static file: type from types{}');
is($body, "<p>hello</p>\n", 'static file: body');
is($h->{'content-length'}, length $body, 'static file: Content-Length');

my $r = $t->request(uri => '/hello.html', method => 'HEAD');
is($r->{status}, 200, 'HEAD: 200');
is($r->{body}, '', 'HEAD: no body');
is($r->{trailing}, '', 'HEAD: nothing after the header');

$r = $t->request(uri => '/hello.html', version => '1.0');
is($r->{protocol}, 'HTTP/1.1', 'HTTP/1.0 request answered');
is($r->{body}, "<p>hello</p>\n", 'HTTP/1.0: body');

$r = $t->request(uri => '/sub/dir/a.txt');
ok($r->{chunked}, 'sub_filter output is chunked');
is($r->{body}, "changed\n", 'chunked body decoded');

$r = $t->request(uri => '/up/chunked');
is($r->{status}, 200, 'upstream chunked: 200');
is($r->{body}, "upstream says /chunked\n" x 50, 'upstream chunked: body');

$r = $t->request(uri => '/up/close');
is($r->{body}, "upstream says /close\n" x 50, 'upstream close: body');

$r = $t->request(uri => '/up/length');
is($r->{body}, "upstream says /length\n" x 50, 'upstream length: body');

my @res = $t->keepalive_requests({ uri => '/hello.html' },
                                 { uri => '/hello.html', method => 'HEAD' },
                                 { uri => '/sub/dir/a.txt' });
is(scalar @res, 3, 'keepalive: three responses');
is($res[0]{body}, "<p>hello</p>\n", 'keepalive: first body');
is($res[1]{body}, '', 'keepalive: HEAD');
is($res[2]{body}, "changed\n", 'keepalive: third body');

($st) = $t->get('/nope.html');
is($st, 404, 'missing file: 404');

my $mark = $t->log_mark;
$t->get('/nope.html');
$t->log_like(qr/open\(\) ".*nope\.html" failed/, 'log_like sees new lines',
             $mark);

my ($rc, $out) = nginx_test('server { listen 127.0.0.1:%%PORT%%; }');
is($rc, 0, 'nginx -t: good config') or diag $out;

($rc, $out) = nginx_test('server { no_such_directive on; }');
isnt($rc, 0, 'nginx -t: bad config fails');
like($out, qr/unknown directive "no_such_directive"/, 'nginx -t: output');

my $gz = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcb\x48\xcd\xc9\xc9"
       . "\x57\x28\xcf\x2f\xca\x49\x01\x00\x85\x11\x4a\x0d\x0b\x00\x00\x00";
is(gunzip($gz), 'hello world', 'gunzip helper');

done_testing();
