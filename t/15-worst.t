#!/usr/bin/perl

# Hostile Markdown just under page_max_size (4m by default), through
# nginx: each page renders, or fails with one error-log line naming the
# limit, and the worker serves the next request.  The time each takes is
# measured by `make bench-worst` (util/bench-worst.sh), not here: the
# harness's read timeout (PageTest::IO_TIMEOUT, 30 s) is only the guard
# against a hang.
#
#   - 4 MB of "a@b." (libcmark-gfm's autolink extension took 10-16 s): it
#     renders as Hugo renders it, goldmark's linkify linking only the
#     first "a@b.a" (the rest has no place a link may start);
#   - one paragraph of "*a* [b](c)" lines: refused (page_md_guard.c,
#     libcmark-gfm's time is quadratic in it);
#   - a line of 100 nested quotes: refused.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;

my $max = 4 * 1024 * 1024;
my $fm = "---\ntitle: worst\n---\n\n";

my $at = $fm . ('a@b.' x int(($max - 4096 - length $fm) / 4));
$t->write_file('at.md', $at);
$t->write_file('emph.md', $fm . ("*a* [b](c)\n" x 100000));
$t->write_file('nest.md', $fm . ('> ' x 100) . "a\n");
$t->write_file('good.md', "---\ntitle: Good\n---\n# Good\n\nfine\n");

$t->start(<<'EOF');
    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;

        location / {
            page on;
        }
    }
EOF

my $r = $t->request(uri => '/at.md');
is($r->{status}, 200, 'a@b. x 1M: 200');
my $n = () = $r->{body} =~ /<a href="mailto:/g;
like($r->{body}, qr{<p><a href="mailto:a\@b\.a">a\@b\.a</a>\@b\.a\@b\.a\@b\.},
     'a@b. x 1M: the first a@b.a linked, as Hugo does');
is($n, 1, 'a@b. x 1M: and only that one');
like($r->{body}, qr{\@b\.</p>}, 'a@b. x 1M: the rest as text');

for my $c (['emph.md', qr/too many links after emphasis in one paragraph/],
           ['nest.md', qr/more than 32 block quotes and list items/])
{
    my ($f, $why) = @$c;
    my $path = $t->path_of($f);
    my $mark = $t->log_mark;

    my $res = $t->request(uri => "/$f");
    is($res->{status}, 500, "$f: 500");
    $t->log_like(qr/\[error\][^\n]*page: \Q$path\E:\d+:1: $why/,
                 "$f: the error log names the line and the limit", $mark);
    page_ok(scalar $t->request(uri => '/good.md'),
            "$f: the next request is served");
}

done_testing();
