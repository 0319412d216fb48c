#!/usr/bin/perl

# Bad content: too large, unterminated front matter, invalid YAML, aliases
# (the "billion laughs" file), nesting bombs. Each gives a 500 (or the debug
# page with page_debug on) and one error-log line naming file:line:col, and
# the worker lives on: the next request is served.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;
use Time::HiRes qw(time);

my $t = PageTest->new;

$t->write_file('good.md', "---\ntitle: Good\n---\n# Good\n\nfine\n");

my %bad = (
    'unterminated.md' => "---\ntitle: No End\nsummary: still front matter\n"
                         . "\n# Heading\n\ntext\n",
    'invalid.md'      => "---\ntitle: [unclosed\nsummary: x\n---\n# x\n",
    'badkey.md'       => "---\nkey: value\n- item\n---\n# x\n",
    'tab.md'          => "---\ntitle:\n\t- x\n---\nbody\n",
    'alias.md'        => "---\nbase: &anchor hello\ncopy: *anchor\n---\nbody\n",
    'lol.md'          => billion_laughs(),
    'nest-flow.md'    => "---\nx: " . ('[' x 10000) . "\n---\nbody\n",
    'nest-map.md'     => "---\nx: " . ('{a: ' x 10000) . "\n---\nbody\n",
    'nest-block.md'   => "---\nx:\n" . ('- ' x 10000) . "x\n---\nbody\n",
);

sub billion_laughs {
    my $y = "---\nlol0: &l0 \"lol\"\n";
    for my $i (1 .. 9) {
        my $prev = $i - 1;
        $y .= "lol$i: &l$i [" . join(', ', ("*l$prev") x 10) . "]\n";
    }
    return $y . "---\n# laughs\n";
}

for my $f (sort keys %bad) {
    $t->write_file($f, $bad{$f});
    $t->write_file("dbg/$f", $bad{$f});
}

# page_max_size 1k: 1024 bytes are rendered, 1025 are not
my $exact = "# Size\n\n";
$exact .= 'a' x (1024 - length($exact) - 1) . "\n";
$t->write_file('size/exact.md', $exact);
$t->write_file('size/over.md', $exact . 'b');
$t->write_file('size/big.md', "# Big\n\n" . ("word " x 1000) . "\n");

# a file name that must be escaped on the debug page
$t->write_file('dbg/a<b>.md', $bad{'invalid.md'});

# file names with a line break (a URI with %0A): still one log line
$t->write_file("line\nbreak.md", $bad{'invalid.md'});
$t->write_file("size/line\nbreak.md", $exact . 'b');

$t->start(<<'EOF');
    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;

        location / {
            page on;
        }

        location /size/ {
            page on;
            page_max_size 1k;
        }

        location /dbg/ {
            page on;
            page_debug on;
        }
    }
EOF

page_ok(scalar $t->request(uri => '/good.md'), 'a good page first');

# ---- content errors: 500, a log line with file:line:col, worker alive

for my $f (sort keys %bad) {
    my $path = $t->path_of($f);
    my $mark = $t->log_mark;
    my $start = time;

    my $r = $t->request(uri => "/$f");
    my $took = time - $start;

    is($r->{status}, 500, "$f: 500");
    like($r->{body}, qr/500 Internal Server Error/, "$f: nginx's 500 page");
    unlike($r->{body}, qr/\Q$path\E/, "$f: the bare 500 does not show the path");
    ok($took < 3 * slow_factor(), "$f: answered quickly") or diag("took ${took}s");
    $t->log_like(qr/\[error\][^\n]*page: \Q$path\E:\d+:\d+: \S/,
                 "$f: error log names file:line:col", $mark);

    my @lines = grep { /\[error\]/ && /page: / }
                split /\n/, $t->log_since($mark);
    is(scalar @lines, 1, "$f: exactly one error-log line") or diag(@lines);

    my $h = $t->request(uri => "/$f", method => 'HEAD');
    is($h->{status}, 500, "$f: HEAD also 500");

    page_ok(scalar $t->request(uri => '/good.md'), "$f: the next request is served");
}

# the debug page
for my $f (sort keys %bad) {
    my $path = $t->path_of("dbg/$f");
    my $r = $t->request(uri => "/dbg/$f");
    my $h = $t->request(uri => "/dbg/$f", method => 'HEAD');

    subtest "page_debug: $f" => sub {
        same_headers($h, $r, 'HEAD gets the headers of GET');
        is($h->{trailing}, '', 'HEAD: no body');
        is($r->{status}, 500, 'status 500');
        like($r->{headers}{'content-type'} // '', qr{^text/html},
             'an HTML page');
        is(length $r->{body}, $r->{headers}{'content-length'} // -1,
           'exact Content-Length');
        like($r->{body}, qr/\Q$f\E:\d+:\d+/, 'shows file:line:col');
    };
}

my $mark = $t->log_mark;
my $r = $t->request(uri => '/dbg/a%3Cb%3E.md');
is($r->{status}, 500, 'page_debug, file name with <>: 500');
like($r->{body}, qr/a&lt;b&gt;\.md:\d+:\d+/, 'page_debug: the message is escaped');
unlike($r->{body}, qr/a<b>/, 'page_debug: no raw markup from the message');
my $ltgt = $t->path_of('dbg/a<b>.md');
$t->log_like(qr/page: \Q$ltgt\E:\d+:\d+/,
             'page_debug: the error is still logged', $mark);

page_ok(scalar $t->request(uri => '/good.md'), 'after the debug pages: served');

# ---- page_max_size

$r = $t->request(uri => '/size/exact.md');
page_ok($r, 'page_max_size 1k: a 1024-byte file is rendered');

for my $f ('over.md', 'big.md') {
    $mark = $t->log_mark;
    $r = $t->request(uri => "/size/$f");
    is($r->{status}, 500, "page_max_size 1k: $f (" . (-s $t->path_of("size/$f"))
                          . " bytes) gives 500");
    unlike($r->{body}, qr/aaaaaaaaaa|word word/, "$f: no raw Markdown");
    $t->log_like(qr/\[error\][^\n]*page[^\n]*\Q$f\E/,
                 "$f: an error-log line", $mark);
}

page_ok(scalar $t->request(uri => '/good.md'), 'after too-large bodies: served');

# a line break in the URI or the file name is escaped: one log line each
for my $uri ('/line%0Abreak.md', '/size/line%0Abreak.md') {
    $mark = $t->log_mark;
    $r = $t->request(uri => $uri);
    is($r->{status}, 500, "$uri: 500");
    my @lines = grep { /\S/ } split /\n/, $t->log_since($mark);
    is(scalar @lines, 1, "$uri: one log line") or diag(join "\n", @lines);
    like($lines[0] // '', qr{\[error\].*page: "?\S*line\\nbreak\.md\b},
         "$uri: the line break shown as \\n");
}

# many errors in a row on one worker
my $fails = 0;
for (1 .. 30) {
    $fails++ if $t->request(uri => '/lol.md')->{status} != 500;
    $fails++ if $t->request(uri => '/nest-flow.md')->{status} != 500;
}
is($fails, 0, '60 errors in a row: all 500');
page_ok(scalar $t->request(uri => '/good.md'), 'after 60 errors: served');

done_testing();
