#!/usr/bin/perl

# page on; renders Markdown files served by the static module: with
# text/markdown from types{}, with stock mime types where .md gets the
# location's default_type, behind index and try_files (pretty URLs); the
# built-in HTML5 page and the GFM extensions.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;

my $doc = <<'EOF';
---
title: Front Title
summary: A short summary
---
# Heading One

Some *emphasis* and **strong** text.

| Name | Value |
|------|-------|
| alpha | 1 |
| beta  | 2 |

- [x] done item
- [ ] open item

Text with a footnote.[^1]

Some ~~struck~~ text.

Visit www.example.com today.

[^1]: The footnote text.
EOF

$t->write_file('a.md', $doc);
$t->write_file('plain.md', "# Only A Heading\n\nbody text\n");
$t->write_file('nofm.md', "just a paragraph\n");
$t->write_file('noeol.md', "---\ntitle: No Final Newline\n---");
$t->write_file('noeol2.md', "---\ntitle: No EOL Body\n---\nlast line");
$t->write_file('empty.md', '');
$t->write_file('emptyfm.md', "---\n---\n");
$t->write_file('upper.md', "---\nTITLE: Upper Key\n---\ntext\n");
$t->write_file('bomcrlf.md',
    "\xEF\xBB\xBF---\r\ntitle: Bom Crlf\r\n---\r\n# Hi\r\n\r\npara\r\n");
$t->write_file('stock/a.md', $doc);
$t->write_file('stock/b.txt', "# not markdown\n");
$t->write_file('octet/a.md', $doc);
$t->write_file('octet/b.bin', "# not markdown either\n");
$t->write_file('mapped/a.md', "# mapped to text/plain\n");
$t->write_file('site/about.md', "---\ntitle: About Page\n---\nabout\n");
$t->write_file('site/docs/index.md', "---\ntitle: Docs Index\n---\ndocs\n");
$t->write_file('site/guide/index.md', "---\ntitle: Guide\n---\nguide\n");
$t->write_file('site/img.png', "\x89PNG\r\n\x1a\n\0\0binary");
$t->write_file('idx/index.md', "---\ntitle: Index Only\n---\nidx\n");

$t->start(<<'EOF');
    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;

        location / {
            page on;
        }

        # stock mime types: no md, default_type text/plain
        location /stock/ {
            types { text/html html; text/plain txt; }
            default_type text/plain;
            page on;
        }

        # Debian's stock nginx.conf: default_type application/octet-stream
        location /octet/ {
            types { text/html html; }
            default_type application/octet-stream;
            page on;
        }

        # .md explicitly mapped to a type that is neither in page_types
        # nor the default_type: not Markdown
        location /mapped/ {
            types { text/plain md; }
            default_type application/octet-stream;
            page on;
        }

        location /site/ {
            page on;
            index index.md;
            try_files $uri $uri.md $uri/index.md =404;
        }

        location /idx/ {
            page on;
            index index.md;
        }
    }
EOF

# ---- the page itself

my $r = $t->request(uri => '/a.md');
page_ok($r, 'a.md rendered as an HTML page');
my $html = $r->{body};
my $body = body_of($html) // '';

is(title_of($html), 'Front Title', '<title> from front matter');
like($html, qr{<meta name="description" content="A short summary">},
     'meta description from summary');
like($body, qr{<h1\b[^>]*>Heading One</h1>}, 'heading rendered');
like($body, qr{<p>Some <em>emphasis</em> and <strong>strong</strong> text\.</p>},
     'paragraph with inline markup');
unlike($html, qr/title: Front Title/, 'front matter is not in the page');
unlike($html, qr/\*\*strong\*\*/, 'no raw Markdown in the page');

like($body, qr{<table>.*<th\b[^>]*>Name</th>.*<td\b[^>]*>alpha</td>.*</table>}s,
     'table rendered as <table>');
like($body, qr{<input\b(?=[^>]*type="checkbox")(?=[^>]*checked)[^>]*>\s*done item}s,
     'checked task list item is a checkbox');
like($body, qr{<input\b(?![^>]*checked)[^>]*type="checkbox"[^>]*>\s*open item}s,
     'open task list item is an unchecked checkbox');
like($body, qr{<sup\b[^>]*>\s*<a\b[^>]*href="#fn[^"]*"}s,
     'footnote reference');
like($body, qr{The footnote text}, 'footnote text');
unlike($body, qr/\[\^1\]/, 'no raw footnote marker');
like($body, qr{<del>struck</del>}, 'strikethrough as <del>');
# as hugo 0.111.3 links a bare www. address: with https://
like($body, qr{<a href="https://www\.example\.com">www\.example\.com</a>},
     'autolink extension');

# ---- variants of content

$r = $t->request(uri => '/plain.md');
page_ok($r, 'no front matter: rendered');
like($r->{body}, qr{<h1\b[^>]*>Only A Heading</h1>}, 'no front matter: heading');

$r = $t->request(uri => '/nofm.md');
page_ok($r, 'plain paragraph rendered');
like($r->{body}, qr{<p>just a paragraph</p>}, 'plain paragraph');

$r = $t->request(uri => '/noeol.md');
page_ok($r, 'closing --- at the end of the file without a newline');
is(title_of($r->{body}), 'No Final Newline', 'no final newline: title');

$r = $t->request(uri => '/noeol2.md');
page_ok($r, 'body without a final newline');
like($r->{body}, qr{<p>last line</p>}, 'no final newline: body');

$r = $t->request(uri => '/empty.md');
page_ok($r, 'empty file: a page');
like(title_of($r->{body}) // '', qr/^empty(?:\.md)?$/, 'empty file: title is the file name');

$r = $t->request(uri => '/emptyfm.md');
page_ok($r, 'empty front matter: a page');
like(title_of($r->{body}) // '', qr/^emptyfm(?:\.md)?$/,
     'empty front matter: title is the file name');

$r = $t->request(uri => '/upper.md');
page_ok($r, 'upper-case front matter key');
is(title_of($r->{body}), 'Upper Key', 'front matter keys are case-insensitive');

$r = $t->request(uri => '/bomcrlf.md');
page_ok($r, 'BOM and CRLF');
is(title_of($r->{body}), 'Bom Crlf', 'BOM and CRLF front matter: title');
like($r->{body}, qr{<p>para</p>}, 'BOM and CRLF: body');

# ---- stock mime types

$r = $t->request(uri => '/stock/a.md');
page_ok($r, 'default_type text/plain: .md rendered');
is(title_of($r->{body}), 'Front Title', 'default_type text/plain: title');

$r = $t->request(uri => '/stock/b.txt');
raw_ok($r, "# not markdown\n", 'text/plain',
       'default_type text/plain: .txt is not rendered');

$r = $t->request(uri => '/octet/a.md');
page_ok($r, 'default_type application/octet-stream: .md rendered');

$r = $t->request(uri => '/octet/b.bin');
raw_ok($r, "# not markdown either\n", 'application/octet-stream',
       'default_type: other extensions are not rendered');

$r = $t->request(uri => '/mapped/a.md');
raw_ok($r, "# mapped to text/plain\n", 'text/plain',
       '.md typed text/plain (not default_type, not page_types): raw');

# ---- pretty URLs

$r = $t->request(uri => '/site/about');
page_ok($r, 'try_files $uri.md');
is(title_of($r->{body}), 'About Page', '/site/about -> about.md');

$r = $t->request(uri => '/site/docs/');
page_ok($r, 'index index.md');
is(title_of($r->{body}), 'Docs Index', '/site/docs/ -> docs/index.md');

$r = $t->request(uri => '/site/guide');
page_ok($r, 'try_files $uri/index.md');
is(title_of($r->{body}), 'Guide', '/site/guide -> guide/index.md');

$r = $t->request(uri => '/idx/');
page_ok($r, 'index alone');
is(title_of($r->{body}), 'Index Only', '/idx/ -> idx/index.md');

$r = $t->request(uri => '/site/img.png');
raw_ok($r, "\x89PNG\r\n\x1a\n\0\0binary", 'image/png', 'png untouched');

($r) = $t->request(uri => '/site/missing');
is($r, 404, 'try_files =404');

# ---- protocol variants

$r = $t->request(uri => '/a.md', version => '1.0');
page_ok($r, 'HTTP/1.0 request rendered');

my @res = $t->keepalive_requests({ uri => '/a.md' }, { uri => '/plain.md' },
                                 { uri => '/a.md' });
is(scalar @res, 3, 'keep-alive: three responses');
page_ok($res[0], 'keep-alive: first page');
is($res[0]{body}, $html, 'keep-alive: first page is the same page');
page_ok($res[1], 'keep-alive: second page');
page_ok($res[2], 'keep-alive: third page');
is($res[2]{body}, $html, 'keep-alive: third page is the same page');

# ---- the file is read on every request

$t->write_file('a.md', "---\ntitle: Edited\n---\nnew text\n");
$r = $t->request(uri => '/a.md');
page_ok($r, 'edited file rendered');
is(title_of($r->{body}), 'Edited', 'the next request renders the new text');

done_testing();
