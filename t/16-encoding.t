#!/usr/bin/perl

# Compressed Markdown is rendered, never passed through: a gzip_static
# file beside the .md, and upstreams that answer with Content-Encoding gzip
# or deflate (zlib or raw), are decompressed and rendered; the limit is
# page_max_size on the decompressed size (a gzip bomb is a 500); any other
# encoding (br, zstd, unknown, stacked) is a 502 with an error-log line.
# The raw source, front matter included, reaches the client in no case.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;
use IO::Compress::Gzip qw(gzip $GzipError);
use IO::Compress::Deflate qw(deflate $DeflateError);
use IO::Compress::RawDeflate qw(rawdeflate $RawDeflateError);

my $t = PageTest->new;

my $secret = 'PRIVATE-NOTE-IN-FRONT-MATTER';
my $md = "---\ntitle: Compressed Page\nnote: $secret\n---\n"
       . "# Compressed Heading\n\nSome *text* here.\n";

sub gz { my ($in) = @_; my $out; gzip(\$in => \$out) or die $GzipError; $out }
sub zl { my ($in) = @_; my $out; deflate(\$in => \$out) or die $DeflateError;
         $out }
sub raw { my ($in) = @_; my $out;
          rawdeflate(\$in => \$out) or die $RawDeflateError; $out }

# gzip_static: the .gz beside the .md is what nginx sends
$t->write_file('static/page.md', $md);
$t->write_file('static/page.md.gz', gz($md));

# a bomb: 64 MB of zeros in about 64 KB
my $bomb = gz("\0" x (64 * 1024 * 1024));
$t->write_file('static/bomb.md', "# x\n");
$t->write_file('static/bomb.md.gz', $bomb);

# two gzip members one after the other are one stream (RFC 1952)
my $half = int(length($md) / 2);
my $multi = gz(substr($md, 0, $half)) . gz(substr($md, $half));

# truncated and corrupt streams
my $truncated = substr(gz($md), 0, 30);
my $corrupt = gz($md);
substr($corrupt, 20, 8) = 'XXXXXXXX';

$t->upstream(sub {
    my ($req) = @_;
    my $u = $req->{uri};
    my @md = ('Content-Type' => 'text/markdown');

    my %enc = (
        '/gzip'      => ['gzip', gz($md)],
        '/x-gzip'    => ['x-gzip', gz($md)],
        '/GZIP'      => ['GZIP', gz($md)],
        '/deflate'   => ['deflate', zl($md)],
        '/rawdeflate' => ['deflate', raw($md)],
        '/multi'     => ['gzip', $multi],
        '/identity'  => ['identity', $md],
        '/br'        => ['br', "\x0b\x02\x80opaque"],
        '/zstd'      => ['zstd', "\x28\xb5\x2f\xfdopaque"],
        '/unknown'   => ['x-secret-codec', $md],
        '/stacked'   => ['gzip, gzip', gz(gz($md))],
        '/bomb'      => ['gzip', $bomb],
        '/truncated' => ['gzip', $truncated],
        '/corrupt'   => ['gzip', $corrupt],
    );

    if (my $e = $enc{$u}) {
        return { body => $e->[1],
                 headers => [@md, 'Content-Encoding' => $e->[0]] };
    }

    if ($u eq '/gzip-chunked') {
        return { body => gz($md), headers => [@md, 'Content-Encoding' => 'gzip'],
                 framing => 'chunked', chunk => 7 };
    }

    # an object store that compresses when the client says it may
    if ($u eq '/negotiated') {
        my $ae = $req->{headers}{'accept-encoding'} // '';
        return { body => gz($md),
                 headers => [@md, 'Content-Encoding' => 'gzip',
                             'Vary' => 'Accept-Encoding'] }
            if $ae =~ /gzip/;
        return { body => $md, headers => \@md };
    }

    return { status => 500, body => "no such test: $u\n" };
});

$t->start(<<'EOF');
    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;

        location /static/ {
            page on;
            gzip_static on;
        }

        location /up/ {
            page on;
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
            proxy_http_version 1.1;
        }

        location /small/ {
            page on;
            page_max_size 1k;
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
            proxy_http_version 1.1;
        }

        location /gz/ {
            page on;
            gzip on;
            gzip_types text/html;
            gzip_min_length 1;
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
            proxy_http_version 1.1;
        }
    }
EOF

my @gzip = ('Accept-Encoding' => 'gzip');

sub rendered_ok {
    my ($r, $name) = @_;

    page_ok($r, $name);
    is(title_of($r->{body}), 'Compressed Page', "$name: title");
    like($r->{body}, qr{<p>Some <em>text</em> here\.</p>}, "$name: body");
    ok(!exists $r->{headers}{'content-encoding'},
       "$name: no Content-Encoding on the page");
    my $raw = gunzip($r->{body}) // $r->{body};
    unlike($raw, qr/\Q$secret\E/, "$name: no front matter");
}

# ---- gzip_static

my $r = $t->request(uri => '/static/page.md', headers => \@gzip);
rendered_ok($r, 'gzip_static .md.gz');

my $plain = $t->request(uri => '/static/page.md');
rendered_ok($plain, 'the same page without Accept-Encoding');
is($r->{body}, $plain->{body}, 'gzip_static: the page of the plain file');

my $h = $t->request(uri => '/static/page.md', headers => \@gzip,
                    method => 'HEAD');
is($h->{status}, 200, 'gzip_static HEAD: 200');
is($h->{headers}{'content-length'}, length $r->{body},
   'gzip_static HEAD: Content-Length of the page');
ok(!exists $h->{headers}{'content-encoding'},
   'gzip_static HEAD: no Content-Encoding');

my $mark = $t->log_mark;
$r = $t->request(uri => '/static/bomb.md', headers => \@gzip);
is($r->{status}, 500, 'gzip bomb (64 MB of zeros): 500');
$t->log_like(qr/\[error\][^\n]*page:[^\n]*bomb\.md[^\n]*page_max_size/,
             'gzip bomb: an error-log line', $mark);

# ---- upstreams

for my $u (qw(gzip x-gzip GZIP deflate rawdeflate multi identity
              gzip-chunked)) {
    rendered_ok(scalar $t->request(uri => "/up/$u"),
                "upstream Content-Encoding $u");
}

$r = $t->request(uri => '/up/negotiated', headers => \@gzip);
rendered_ok($r, 'upstream that compresses on Accept-Encoding');

for my $u (qw(br zstd unknown stacked)) {
    $mark = $t->log_mark;
    $r = $t->request(uri => "/up/$u");
    is($r->{status}, 502, "upstream Content-Encoding $u: 502");
    unlike($r->{body}, qr/opaque|\Q$secret\E|Compressed Heading/,
           "$u: nothing of the source");
    $t->log_like(qr/\[error\][^\n]*page:[^\n]*\/up\/$u[^\n]*encoding/i,
                 "$u: an error-log line naming the encoding", $mark);
}

for my $u (qw(truncated corrupt)) {
    $mark = $t->log_mark;
    $r = $t->request(uri => "/up/$u");
    is($r->{status}, 502, "$u gzip stream: 502");
    unlike($r->{body}, qr/\Q$secret\E|Compressed Heading/,
           "$u: nothing of the source");
    $t->log_like(qr/\[error\][^\n]*page:[^\n]*\/up\/$u/,
                 "$u: an error-log line", $mark);
}

$mark = $t->log_mark;
$r = $t->request(uri => '/small/bomb');
is($r->{status}, 500, 'proxied gzip bomb over page_max_size 1k: 500');
$t->log_like(qr/\[error\][^\n]*page:[^\n]*\/small\/bomb[^\n]*page_max_size/,
             'proxied bomb: an error-log line', $mark);

# gzip runs after us: the page may be compressed again for the client
$r = $t->request(uri => '/gz/gzip', headers => \@gzip);
is($r->{status}, 200, 'gzip filter after the page: 200');
is($r->{headers}{'content-encoding'}, 'gzip', 'the page is gzipped');
my $page = gunzip($r->{body});
like($page // '', qr{<p>Some <em>text</em> here\.</p>},
     'the gzipped page is the rendered page');

done_testing();
