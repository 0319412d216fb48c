#!/usr/bin/perl
# Runs the core's unit tests (build/unit/test_*, built by `make unit` with
# AddressSanitizer and UndefinedBehaviorSanitizer) and reports each binary
# as one test; a failing binary's TAP output is shown.

use strict;
use warnings;
use FindBin;
use Test::More;

my $top  = "$FindBin::Bin/..";
my @bins = sort grep { -x } glob("$top/build/unit/test_*");
my @srcs = glob("$top/t/unit/test_*.c");

plan skip_all => 'no unit tests found (run `make unit`)' unless @srcs;

is(scalar @bins, scalar @srcs, 'every t/unit/test_*.c is built')
    or diag('run `make unit` first');

for my $bin (@bins) {
    my $name = $bin;
    $name =~ s{.*/}{};

    local $ENV{ASAN_OPTIONS}  = 'detect_leaks=1:abort_on_error=0';
    local $ENV{UBSAN_OPTIONS} = 'print_stacktrace=1:halt_on_error=1';

    my $out = `'$bin' 2>&1`;
    my $rc  = $? >> 8;
    my $sig = $? & 127;

    my ($plan) = $out =~ /^1\.\.(\d+)$/m;
    my $fails  = () = $out =~ /^not ok /mg;

    ok($rc == 0 && !$sig && defined $plan && $plan > 0 && !$fails,
       "$name: " . ($plan // 0) . " checks")
        or diag($out);
}

done_testing();
