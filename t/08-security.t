#!/usr/bin/perl

# Security defaults: raw HTML in Markdown omitted unless page_unsafe_html on;
# javascript: (and other dangerous) URLs neutralised; front-matter values
# escaped in <title> and <meta name="description">; title fallbacks;
# invalid UTF-8, NUL bytes and pathological input never crash the worker.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;
use Time::HiRes qw(time);

my $t = PageTest->new;

my $html_md = <<'EOF';
# Raw HTML

<div class="blockhtml">block html</div>

Inline <span onclick="evil()">span</span> html.

<script>alert("x")</script>

End.
EOF

my $links_md = <<'EOF';
# Links

[plain](javascript:alert(1))

[upper](JAVASCRIPT:alert(2))

[entity](java&#115;cript:alert(3))

[vb](vbscript:msgbox(4))

[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==)

<javascript:alert(6)>

![img](javascript:alert(7))

[ref link][r]

[good](https://example.com/ok)

[r]: javascript:alert(8)
EOF

$t->write_file('html.md', $html_md);
$t->write_file('unsafe/html.md', $html_md);
$t->write_file('links.md', $links_md);

$t->write_file('title-xss.md',
    qq{---\ntitle: "</title><script>alert(1)</script> & \\"q\\""\n}
    . qq{summary: 'He said "hi" & <b>bye</b>'\n---\nbody\n});
$t->write_file('desc.md', "---\ntitle: D\ndescription: Only <a> description\n---\nx\n");
$t->write_file('nodesc.md', "---\ntitle: N\n---\nx\n");
$t->write_file('heading.md', "Intro paragraph.\n\n# Tom & Jerry\n\ntext\n");
$t->write_file('no-heading.md', "Just text, no heading & no title.\n");
$t->write_file('tpl.md', "---\ntitle: \"{{ .Site.Title }}\"\n---\n{{ .Title }}\n");
$t->write_file('nontext-title.md', "---\ntitle: [a, b]\nsummary: {k: v}\n---\nx\n");

my %weird = (
    'nul-body.md'     => "# Nul\n\nbefore \0 after\n",
    'badutf8-body.md' => "# Bad\n\nbytes \xff\xfe\xc3 here \xed\xa0\x80\n",
    'nul-fm.md'       => "---\ntitle: \"a\0b\"\n---\nx\n",
    'badutf8-fm.md'   => "---\ntitle: \"a\xffb\"\n---\nx\n",
    'badutf8-key.md'  => "---\n\xff\xfe: v\n---\nx\n",
    'quote-nest.md'   => ('> ' x 5000) . "deep\n",
    'list-nest.md'    => join('', map { ('  ' x $_) . "- item\n" } 0 .. 400),
    'emph.md'         => ('*' x 20000) . "x" . ('*' x 20000) . "\n",
    'brackets.md'     => ('[' x 20000) . "x" . (']' x 20000) . "\n",
    'links-many.md'   => "[a]: /u\n" . ("[a] " x 50000) . "\n",
    'table-wide.md'   => '|' . ('c|' x 3000) . "\n|" . ('-|' x 3000) . "\n"
                         . ('|' . ('v|' x 3000) . "\n") x 20,
    # cmark-gfm's table extension is quadratic in the cells of a row: a
    # small file must not hold the worker for seconds
    'table-pipes.md'  => "|a|b|\n|-|-|\n" . ('|' x 50000) . "\n",
    'table-cols.md'   => '|' . ('c|' x 36000) . "\n|" . ('-|' x 36000) . "\n",
    'many-events.md'  => "---\nlist: [" . join(',', (1) x 200000) . "]\n---\nx\n",
    'long-line.md'    => "# L\n\n" . ('word' x 250000) . "\n",
);

$t->write_file("weird/$_", $weird{$_}) for keys %weird;
$t->write_file('good.md', "---\ntitle: Good\n---\nfine\n");

$t->start(<<'EOF');
    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;

        location / {
            page on;
        }

        location /unsafe/ {
            page on;
            page_unsafe_html on;
        }
    }
EOF

# ---- raw HTML

my $r = $t->request(uri => '/html.md');
page_ok($r, 'raw HTML page rendered');
my $body = body_of($r->{body}) // '';
like($body, qr/<!-- raw HTML omitted -->/, 'raw HTML omitted by default');
unlike($body, qr/blockhtml/, 'block HTML is gone');
unlike($body, qr/onclick/, 'inline HTML attributes are gone');
unlike($r->{body}, qr/<script/i, 'no <script> anywhere in the page');
like($body, qr{<p>End\.</p>}, 'the Markdown around it is rendered');

$r = $t->request(uri => '/unsafe/html.md');
page_ok($r, 'page_unsafe_html on: rendered');
$body = body_of($r->{body}) // '';
like($body, qr{<div class="blockhtml">block html</div>},
     'page_unsafe_html on: block HTML kept');
like($body, qr{<span onclick="evil\(\)">span</span>},
     'page_unsafe_html on: inline HTML kept');
unlike($body, qr/raw HTML omitted/, 'page_unsafe_html on: nothing omitted');

# ---- dangerous URLs

sub decode_entities {
    my ($s) = @_;
    $s =~ s/&#[xX]([0-9a-fA-F]+);?/chr hex $1/ge;
    $s =~ s/&#(\d+);?/chr $1/ge;
    $s =~ s/&colon;/:/g;
    $s =~ s/&Tab;|&NewLine;//g;
    $s =~ s/&amp;/&/g;
    return $s;
}

$r = $t->request(uri => '/links.md');
page_ok($r, 'links page rendered');
$body = body_of($r->{body}) // '';

my @urls = map { decode_entities($_) }
           $body =~ /\b(?:href|src)\s*=\s*"([^"]*)"/gi;
my @bad = grep { my $u = lc $_; $u =~ s/[\s\x00-\x1f]//g;
                 $u =~ /^(?:javascript|vbscript):/ || $u =~ /^data:text/ }
          @urls;
is_deeply(\@bad, [], 'no javascript:, vbscript: or data:text URL in any'
                     . ' href or src');
unlike($body, qr/(?:href|src)\s*=\s*"[^"]*javascript:/i,
       'no javascript: in any attribute') or diag($body);
like($body, qr{<a href="https://example\.com/ok">good</a>}, 'a safe link is kept');

# ---- escaping in the head

$r = $t->request(uri => '/title-xss.md');
page_ok($r, 'title with markup rendered');
my $title = title_of($r->{body}) // '';
like($title, qr{^&lt;/title&gt;&lt;script&gt;alert\(1\)&lt;/script&gt; &amp; (?:&quot;|&#34;|&#x22;|")q(?:&quot;|&#34;|&#x22;|")$},
     '<title> is escaped');
unlike($r->{body}, qr/<script/i, 'no <script> anywhere in the page');
is(() = $r->{body} =~ /<title>/g, 1, 'one <title> element');
like($r->{body},
     qr{<meta name="description" content="He said (?:&quot;|&#34;|&#x22;)hi(?:&quot;|&#34;|&#x22;) &amp; &lt;b&gt;bye&lt;/b&gt;">},
     'summary escaped in the description attribute');

$r = $t->request(uri => '/desc.md');
like($r->{body}, qr{<meta name="description" content="Only &lt;a&gt; description">},
     'meta description from description');

$r = $t->request(uri => '/nodesc.md');
page_ok($r, 'no summary, no description: rendered');
unlike($r->{body}, qr{<meta name="description"},
       'no summary, no description: no meta description');

$r = $t->request(uri => '/heading.md');
is(title_of($r->{body}), 'Tom &amp; Jerry', 'title falls back to the first heading, escaped');

$r = $t->request(uri => '/no-heading.md');
like(title_of($r->{body}) // '', qr/^no-heading(?:\.md)?$/,
     'title falls back to the file name');

$r = $t->request(uri => '/tpl.md');
page_ok($r, 'template syntax in content rendered');
is(title_of($r->{body}), '{{ .Site.Title }}', 'front-matter values are data, not code');
like(body_of($r->{body}) // '', qr/\{\{ \.Title \}\}/, 'content text is data, not code');

$r = $t->request(uri => '/nontext-title.md');
ok($r->{status} == 200 || $r->{status} == 500, 'non-string title: 200 or 500');

# ---- bad bytes and pathological Markdown: never a crash

for my $f (sort keys %weird) {
    my $start = time;
    my $r = $t->request(uri => "/weird/$f");
    my $took = time - $start;

    subtest "weird input: $f" => sub {
        ok($r->{status} == 200 || $r->{status} == 500, '200 or 500')
            or diag("status $r->{status}");
        if ($r->{status} == 200) {
            is($r->{headers}{'content-type'}, 'text/html; charset=utf-8',
               'a page');
            is(length $r->{body}, $r->{headers}{'content-length'} // -1,
               'exact Content-Length');
        }
        ok($took < 5 * slow_factor(), 'answered within 5 s') or diag("took ${took}s");
        page_ok(scalar $t->request(uri => '/good.md'), 'next request served');
    };
}

$r = $t->request(uri => '/weird/nul-body.md');
unlike($r->{body}, qr/\0/, 'NUL byte does not reach the page');

done_testing();
