#!/usr/bin/perl
# Named limits of templates and shortcodes, hit on purpose through the
# CLI (the same core as the module): a partial that includes itself, a
# template that loops for ever, shortcodes whose .Inner multiplies with
# nesting, nesting deeper than the parser allows.  Each ends with a clear
# error and exit status 1, never a hang or a crash.

use strict;
use warnings;

use FindBin;
use File::Path qw(make_path);
use File::Temp qw(tempdir);
use Test::More;

my $cli = "$FindBin::Bin/../build/page-render";
plan skip_all => 'build/page-render not built' unless -x $cli;

my $dir = tempdir(CLEANUP => 1);

sub put {
    my ($name, $text) = @_;
    my $path = "$dir/$name";
    (my $d = $path) =~ s{/[^/]+$}{};
    make_path($d);
    open my $fh, '>', $path or die "$path: $!";
    print $fh $text;
    close $fh;
    return $path;
}

# run the CLI with a time limit; returns (exit status, stderr)
sub render {
    my (@args) = @_;
    my $err = "$dir/.err";
    my $pid = fork // die;
    if ($pid == 0) {
        open STDOUT, '>', '/dev/null' or die;
        open STDERR, '>', $err or die;
        alarm 60;
        exec $cli, @args or exit 127;
    }
    waitpid $pid, 0;
    my $status = $?;
    open my $fh, '<', $err or die;
    local $/;
    my $text = <$fh> // '';
    return ($status & 127 ? 128 + ($status & 127) : $status >> 8, $text);
}

put('layouts/partials/self.html', '{{ partial "self.html" . }}');
put('layouts/_default/self.html',
    '{{ define "main" }}{{ partial "self.html" . }}{{ end }}');
put('layouts/_default/loop.html',
    '{{ define "main" }}{{ range seq 2000 }}{{ range seq 2000 }}{{ . }}'
    . '{{ end }}{{ end }}{{ end }}');
put('layouts/_default/baseof.html', '{{ block "main" . }}{{ end }}');
put('layouts/shortcodes/x10.html', '{{ range seq 10 }}{{ $.Inner }}{{ end }}');

my $self = put('self.md', "---\nlayout: self\n---\nx\n");
my ($rc, $err) = render('-t', "$dir/layouts", $self);
is($rc, 1, 'a partial that includes itself: exit 1');
like($err, qr{self\.html:\d+:\d+: .*(depth|deep|nest)}i,
     'named: call depth, with the template position');

my $loop = put('loop.md', "---\nlayout: loop\n---\nx\n");
($rc, $err) = render('-t', "$dir/layouts", $loop);
is($rc, 1, 'four million iterations: exit 1');
# whichever bound it meets first: steps, output size or the render's memory
like($err, qr{loop\.html:\d+:\d+: .*(steps|limit|too large|memory)}i,
     'named: a bound of one execution, with the template position');

# each level repeats its inner ten times: 100 bytes become 10^8
my $body = ('x' x 100);
$body = "{{< x10 >}}$body\{{< /x10 >}}" for 1 .. 8;
my $amp = put('amp.md', "---\ntitle: amp\n---\n$body\n");
($rc, $err) = render('-t', "$dir/layouts", $amp);
is($rc, 1, 'nested shortcodes multiplying their inner: exit 1');
like($err, qr{amp\.md:4:\d+: .*(larger than|too large)},
     'named: the size limit, at a shortcode position');

my $deep = put('deep.md', "---\ntitle: deep\n---\n"
               . ('{{< x10 >}}' x 100) . 'x' . ('{{< /x10 >}}' x 100) . "\n");
($rc, $err) = render('-t', "$dir/layouts", $deep);
is($rc, 1, 'shortcodes nested 100 deep: exit 1');
like($err, qr{deep\.md:4:\d+: .*(nest|deep)}i, 'named: the nesting limit');

my $many = put('many.md', "---\ntitle: many\n---\n"
               . ("{{< param title >}}\n" x 10001));
($rc, $err) = render($many);
is($rc, 1, '10,001 shortcodes on a page: exit 1');
like($err, qr{many\.md:\d+:\d+: .*shortcodes}i, 'named: shortcodes per page');

done_testing();
