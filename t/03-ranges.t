#!/usr/bin/perl

# No ranges on the rendered page: a Range request gets the full 200 and no
# Accept-Ranges; an upstream's 206 of raw Markdown is never passed through.
# Files that are not rendered keep their ranges.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;

my $md = "---\ntitle: Range Test\n---\n# RANGEHEAD\n\n"
       . join('', map { "Paragraph number $_ of the range test.\n\n" } 1 .. 40);

$t->write_file('a.md', $md);
$t->write_file('b.html', "0123456789abcdefghij\n");

# an upstream that honours Range with a 206 (and one that always sends 206)
$t->upstream(sub {
    my ($req) = @_;

    my @type = ('Content-Type' => 'text/markdown');

    if ($req->{uri} =~ m{\.png$}) {
        my $png = join '', map { chr } 0 .. 255;
        if (($req->{headers}{range} // '') =~ /^bytes=(\d+)-(\d+)$/) {
            return { status => 206, body => substr($png, $1, $2 - $1 + 1),
                     headers => ['Content-Type' => 'image/png',
                                 'Content-Range' => "bytes $1-$2/256"] };
        }
        return { body => $png, headers => ['Content-Type' => 'image/png'] };
    }

    if ($req->{uri} =~ m{^/always206}) {
        return { status => 206, body => substr($md, 0, 20),
                 headers => [@type, 'Content-Range' => 'bytes 0-19/'
                                    . length $md] };
    }

    my $range = $req->{headers}{range};
    if ($range && $range =~ /^bytes=(\d+)-(\d+)$/) {
        my ($from, $to) = ($1, $2);
        $to = length($md) - 1 if $to >= length $md;
        return { status => 416, body => '' } if $from > $to;
        return { status => 206, body => substr($md, $from, $to - $from + 1),
                 headers => [@type, 'Accept-Ranges' => 'bytes',
                             'Content-Range' => "bytes $from-$to/"
                                                . length $md] };
    }

    return { body => $md, headers => [@type, 'Accept-Ranges' => 'bytes'] };
});

$t->start(<<'EOF');
    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;

        location / {
            page on;
        }

        location /up/ {
            page on;
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
        }

        location /slice/ {
            page on;
            slice 512;
            proxy_set_header Range $slice_range;
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
            proxy_http_version 1.1;
        }

        location /upforce/ {
            page on;
            proxy_force_ranges on;
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
        }
    }
EOF

my $full = $t->request(uri => '/a.md');
page_ok($full, 'full page');
ok(!exists $full->{headers}{'accept-ranges'}, 'no Accept-Ranges on the page');
like($full->{body}, qr/Paragraph number 40 /, 'full page has the last paragraph');

# ---- static file

for my $range ('bytes=0-10', 'bytes=5-', 'bytes=-10', 'bytes=0-1,5-6',
               'bytes=100000-')
{
    my $r = $t->request(uri => '/a.md', headers => [Range => $range]);
    page_ok($r, "Range: $range -> full 200 page");
    ok(!exists $r->{headers}{'accept-ranges'}, "Range: $range: no Accept-Ranges");
    ok(!exists $r->{headers}{'content-range'}, "Range: $range: no Content-Range");
    is($r->{body}, $full->{body}, "Range: $range: the full body");
}

my $r = $t->request(uri => '/a.md', method => 'HEAD',
                    headers => [Range => 'bytes=0-10']);
is($r->{status}, 200, 'HEAD with Range: 200');
is($r->{headers}{'content-length'}, length $full->{body},
   'HEAD with Range: the full Content-Length');

$r = $t->request(uri => '/a.md', headers => [Range => 'bytes=0-10',
                                             'If-Range' => 'W/"x"']);
page_ok($r, 'Range + If-Range: full 200 page');

# files that are not rendered keep their ranges
$r = $t->request(uri => '/b.html', headers => [Range => 'bytes=0-3']);
is($r->{status}, 206, 'text/html keeps ranges: 206');
is($r->{body}, '0123', 'text/html keeps ranges: the part');

# ---- upstream answering 206

my $partial = substr($md, 0, 11);

sub never_raw_partial {
    my ($r, $name) = @_;

    subtest $name => sub {
        isnt($r->{status}, 206, 'not a 206');
        unlike($r->{headers}{'content-type'} // '', qr{^text/markdown},
               'not text/markdown');
        ok(!exists $r->{headers}{'content-range'}, 'no Content-Range');
        ok($r->{body} ne $partial && index($r->{body}, "---\ntitle:") < 0,
           'not the raw partial Markdown');
        ok($r->{status} == 200 || $r->{status} >= 500,
           'either the full page or a server error')
            or diag("status $r->{status}");
        if ($r->{status} == 200) {
            page_ok($r, 'the full page');
            like($r->{body}, qr/Paragraph number 40 /,
                 'the whole document was rendered');
        }
    };
}

my $up = $t->request(uri => '/up/a.md');
page_ok($up, 'proxied page without Range');
like($up->{body}, qr/Paragraph number 40 /, 'proxied page: whole document');

$r = $t->request(uri => '/up/a.md', headers => [Range => 'bytes=0-10']);
never_raw_partial($r, 'proxied Range request: upstream 206 not passed raw');

$r = $t->request(uri => '/upforce/a.md', headers => [Range => 'bytes=0-10']);
never_raw_partial($r, 'proxy_force_ranges: upstream 206 not passed raw');

$r = $t->request(uri => '/up/always206');
is($r->{status} == 206 ? 'passed' : 'not passed', 'not passed',
   'unsolicited upstream 206 text/markdown is not passed through');
unlike($r->{headers}{'content-type'} // '', qr{^text/markdown},
       'unsolicited 206: not raw Markdown');

# a proxied response that is not rendered keeps the upstream's ranges
$r = $t->request(uri => '/up/pic.png', headers => [Range => 'bytes=2-5']);
is($r->{status}, 206, 'proxied image/png, Range: the upstream 206 passes');
is(unpack('H*', substr($r->{body}, 0, 16)), '02030405',
   'proxied image/png, Range: the part');
is($r->{headers}{'content-range'}, 'bytes 2-5/256',
   'proxied image/png, Range: Content-Range');

# slice: the upstream answers each slice with a 206; the slices after the
# first come from subrequests. The response must still be a well-formed
# HTTP response: the whole page, or an error; never raw Markdown.
for my $range (undef, 'bytes=0-10') {
    my $name = 'slice 512 with proxy_pass' . ($range ? " and Range: $range" : '');
    my $r = eval { $t->request(uri => '/slice/a.md',
                               headers => [$range ? (Range => $range) : ()]) };
    ok($r, "$name: a well-formed HTTP response")
        or diag("malformed response: $@");
    never_raw_partial($r, "$name: not raw Markdown") if $r;
}

# the worker is still fine
page_ok(scalar $t->request(uri => '/a.md'), 'next request is served');

done_testing();
