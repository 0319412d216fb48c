#!/usr/bin/perl

# When the filter acts and what it sends: main request only, any status
# with a body (an error page keeps its status), matching types only
# (page_types); the Content-Type and an exact Content-Length; HEAD gets
# GET's headers; subrequests (SSI include, addition) pass through
# untouched; a compressed body that is not valid is a 502, never passed
# through; gzip runs after the filter.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;

my $md = "---\ntitle: Header Test\n---\n# Included Heading\n\n*raw* text\n";

$t->write_file('a.md', $md);
$t->write_file('page.html', "<html><body>\n<p>static html</p>\n</body></html>\n");
$t->write_file('pic.png', join('', map { chr } 0 .. 255) x 4);
$t->write_file('ssi/main.html',
    "<p>before</p>\n<!--# include virtual=\"/a.md\" -->\n<p>after</p>\n");
$t->write_file('add/main.html', "<p>main body</p>\n");
$t->write_file('notfound.md', "# Not Found Page\n");
$t->write_file('custom/a.cst', "---\ntitle: Custom Type\n---\ncustom *text*\n");
$t->write_file('custom/a.md', $md);
$t->write_file('off/a.md', $md);
$t->write_file('gz/a.md', $md x 20);
$t->write_file('gzs/a.md', $md);
$t->write_file('cs/a.md', $md);
$t->write_file('sub/a.md', $md);
$t->write_file('hdr/a.md', $md);

my $gz_bytes = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" . "not really gzip";
$t->write_file('gzs/a.md.gz', $gz_bytes);

$t->start(<<'EOF');
    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;

        page on;

        location /ssi/ {
            ssi on;
        }

        location /add/ {
            add_after_body /a.md;
        }

        location /err/ {
            error_page 404 /notfound.md;
        }

        location /err200/ {
            error_page 404 =200 /notfound.md;
        }

        location /cs/ {
            charset utf-8;
        }

        location /sub/ {
            sub_filter 'Included Heading' 'Substituted Heading';
        }

        location /hdr/ {
            add_header X-Added yes;
            expires 1h;
        }

        location /custom/ {
            types { text/x-custom cst; text/markdown md; }
            page_types text/x-custom;
        }

        location /off/ {
            page off;
        }

        location /gz/ {
            gzip on;
            gzip_types text/html;
            gzip_min_length 1;
        }

        location /gzs/ {
            gzip_static on;
        }
    }
EOF

# ---- headers of a rendered page

my $get = $t->request(uri => '/a.md');
page_ok($get, 'GET a.md rendered');
is($get->{headers}{'content-type'}, 'text/html; charset=utf-8',
   'exactly text/html; charset=utf-8');
is($get->{headers}{'content-length'}, length $get->{body},
   'exact Content-Length');
is(scalar(grep { $_->[0] eq 'content-type' } @{ $get->{header_list} }), 1,
   'one Content-Type field');
is(scalar(grep { $_->[0] eq 'content-length' } @{ $get->{header_list} }), 1,
   'one Content-Length field');
ok(!exists $get->{headers}{'accept-ranges'}, 'no Accept-Ranges');

my $head = $t->request(uri => '/a.md', method => 'HEAD');
is($head->{status}, 200, 'HEAD: 200');
same_headers($head, $get, 'HEAD gets exactly the headers GET gets');
is($head->{trailing}, '', 'HEAD: no body');

my $head10 = $t->request(uri => '/a.md', method => 'HEAD', version => '1.0');
is($head10->{headers}{'content-length'}, $get->{headers}{'content-length'},
   'HEAD HTTP/1.0: same Content-Length');
is($head10->{trailing}, '', 'HEAD HTTP/1.0: no body');

my $get10 = $t->request(uri => '/a.md', version => '1.0');
page_ok($get10, 'GET HTTP/1.0 rendered with Content-Length');
is($get10->{body}, $get->{body}, 'HTTP/1.0 and HTTP/1.1 get the same page');

# ---- non-matching types pass through byte-identical

my $r = $t->request(uri => '/page.html');
raw_ok($r, "<html><body>\n<p>static html</p>\n</body></html>\n", 'text/html',
       'text/html untouched');
ok(exists $r->{headers}{'last-modified'}, 'text/html keeps Last-Modified');
ok(exists $r->{headers}{'etag'}, 'text/html keeps ETag');

$r = $t->request(uri => '/pic.png');
raw_ok($r, join('', map { chr } 0 .. 255) x 4, 'image/png', 'image/png untouched');
is($r->{headers}{'content-length'}, 1024, 'image/png Content-Length');

# ---- subrequests pass through untouched

$r = $t->request(uri => '/ssi/main.html');
is($r->{status}, 200, 'SSI page: 200');
is($r->{body}, "<p>before</p>\n$md\n<p>after</p>\n",
   'SSI include of a.md: the raw Markdown, not a page');

$r = $t->request(uri => '/add/main.html');
is($r->{status}, 200, 'addition page: 200');
is($r->{body}, "<p>main body</p>\n$md",
   'add_after_body a.md: the raw Markdown, not a page');

# ---- error pages keep their status (t/17-error-pages.t has more)

$r = $t->request(uri => '/err/missing.md');
is($r->{status}, 404, 'error_page 404 with a .md page: 404');
like($r->{body}, qr{<h1\b[^>]*>Not Found Page</h1>},
     'status 404: the Markdown is rendered');
is($r->{headers}{'content-type'}, 'text/html; charset=utf-8',
   'status 404: text/html');

$r = $t->request(uri => '/err200/missing.md');
page_ok($r, 'error_page 404 =200 with a .md page: status 200, rendered');
like($r->{body}, qr{<h1\b[^>]*>Not Found Page</h1>}, 'error_page =200: the page');

# ---- filters after this one see the page

$r = $t->request(uri => '/cs/a.md');
page_ok($r, 'charset utf-8 in the location');
is($r->{headers}{'content-type'}, 'text/html; charset=utf-8',
   'charset utf-8: the charset is not added twice');

$r = $t->request(uri => '/sub/a.md');
is($r->{status}, 200, 'sub_filter: 200');
like($r->{body}, qr{<h1\b[^>]*>Substituted Heading</h1>},
     'sub_filter (text/html) runs on the rendered page');

$r = $t->request(uri => '/hdr/a.md');
page_ok($r, 'add_header and expires');
is($r->{headers}{'x-added'}, 'yes', 'add_header applies to the page');
like($r->{headers}{'cache-control'} // '', qr/max-age=3600/, 'expires applies');

# ---- page_types

$r = $t->request(uri => '/custom/a.cst');
page_ok($r, 'page_types text/x-custom: rendered');
is(title_of($r->{body}), 'Custom Type', 'page_types text/x-custom: title');
like($r->{body}, qr{<p>custom <em>text</em></p>}, 'page_types: body');

# ---- page off

$r = $t->request(uri => '/off/a.md');
raw_ok($r, $md, 'text/markdown', 'page off: raw text/markdown');

# ---- Content-Encoding: decompressed (t/16-encoding.t), or a 502

$r = $t->request(uri => '/gzs/a.md', headers => ['Accept-Encoding' => 'gzip']);
is($r->{status}, 502, 'gzip_static with a .gz that is not gzip: 502');
ok(index($r->{body}, 'not really gzip') < 0,
   'gzip_static: the encoded body is not passed through');
ok(!exists $r->{headers}{'content-encoding'},
   'gzip_static: no Content-Encoding on the error');

$r = $t->request(uri => '/gzs/a.md');
page_ok($r, 'gzip_static without Accept-Encoding: the .md is rendered');

# ---- gzip runs after the filter

my $plain = $t->request(uri => '/gz/a.md');
page_ok($plain, 'gzip location, no Accept-Encoding: rendered');
ok(!exists $plain->{headers}{'content-encoding'},
   'no Accept-Encoding: no Content-Encoding');

$r = $t->request(uri => '/gz/a.md', headers => ['Accept-Encoding' => 'gzip']);
is($r->{status}, 200, 'gzip: 200');
is($r->{headers}{'content-encoding'}, 'gzip', 'gzip: Content-Encoding gzip');
is($r->{headers}{'content-type'}, 'text/html; charset=utf-8',
   'gzip: Content-Type of the page');
my $unz = gunzip($r->{body});
ok(defined $unz, 'gzip: body decompresses');
ok(defined $unz && $unz eq $plain->{body},
   'gzip: decompresses to the same page');
ok(length $r->{body} < length $plain->{body}, 'gzip: smaller than the page');

done_testing();
