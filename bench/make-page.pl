#!/usr/bin/perl
# Write a realistic Markdown page with YAML front matter of about SIZE
# bytes to standard output, for the benchmark (util/bench.sh).
#
#   make-page.pl SIZE > page.md       e.g. 8192, 1048576
#
# The output is deterministic: the same SIZE always gives the same bytes.
# The page is built from numbered sections, each with headings,
# paragraphs with emphasis, links and inline code, a list, and one of a
# table, a fenced code block, an ordered list with a quote, or a task
# list; whole sections are added while they fit, then single sentences
# until the page reaches SIZE bytes (it ends at most one sentence past).

use strict;
use warnings;

my $size = shift @ARGV;
die "usage: make-page.pl SIZE\n"
    unless defined $size && $size =~ /^\d+$/ && $size >= 1024;

my @subjects = (
    'the cache layer', 'the request pipeline', 'our deploy scripts',
    'the log shipper', 'the front-end proxy', 'the search index',
    'the image resizer', 'the billing service', 'the build farm',
    'the staging cluster', 'the mail relay', 'the metrics store',
);

my @sentences = (
    'We measured it for a week before changing anything, and the numbers '
        . 'were *less clear* than the dashboards suggested.',
    'Most of the time went into **waiting on the network**, not into the '
        . 'code we had been staring at.',
    'The fix was small: a single `keepalive` setting and a shorter '
        . 'timeout on the upstream side.',
    'See the [operations handbook](https://example.org/handbook/) for the '
        . 'checklist we follow before every change.',
    'Nobody had touched the configuration since the migration, which '
        . 'turned out to be *exactly* the problem.',
    'A rollback takes under a minute, so we prefer to ship small changes '
        . 'often rather than large ones rarely.',
    'The old behaviour is still available behind the `legacy_mode` flag '
        . 'for anyone who depends on it.',
    'We wrote down every assumption first; about a third of them were '
        . '**wrong** in ways that mattered.',
    'Latency at the 99th percentile dropped by half, while the median '
        . 'barely moved.',
    'For background, read [the original design notes]'
        . '(https://example.org/notes/design) and the follow-up thread.',
    'The alert fired twice during the night, both times for reasons that '
        . 'had nothing to do with the change.',
    'It is tempting to add another cache; it is usually better to remove '
        . 'the work the cache would hide.',
    'Disk usage grew by roughly `2.5 GB` per day until we rotated the '
        . 'logs hourly instead of daily.',
    'The test suite now runs in *four minutes* instead of eleven, mostly '
        . 'thanks to running it in parallel.',
    'We kept the public interface unchanged, so clients did not need a '
        . 'new release.',
    'Error budgets gave us a shared language for deciding when to stop '
        . 'shipping features and fix things.',
);

my @items = (
    'check the **error rate** before and after each deploy',
    'keep one dashboard per service, not one per team',
    'write the runbook entry *before* the incident, not after',
    'prefer `SIGTERM` and a grace period over `SIGKILL`',
    'tag every release with the commit it was built from',
    'read the [release notes](https://example.org/releases/) first',
    'pin versions of everything the build downloads',
    'rotate credentials on a schedule, not on demand',
    'page a human only for problems a human can fix',
    'delete feature flags once the rollout is finished',
);

my @langs = ('sh', 'nginx', 'python', 'c');

my @code = (
    "#!/bin/sh\nset -eu\nfor host in web1 web2 web3; do\n"
        . "    ssh \"\$host\" 'systemctl reload nginx'\n"
        . "    sleep 5\ndone\n",
    "location /assets/ {\n    expires 7d;\n    add_header Cache-Control "
        . "\"public\";\n    try_files \$uri =404;\n}\n",
    "def percentile(values, p):\n    values = sorted(values)\n"
        . "    k = (len(values) - 1) * p / 100.0\n    f = int(k)\n"
        . "    c = min(f + 1, len(values) - 1)\n"
        . "    return values[f] + (values[c] - values[f]) * (k - f)\n",
    "static int\nparse_port(const char *s)\n{\n    long  v;\n"
        . "    char *end;\n\n    v = strtol(s, &end, 10);\n"
        . "    if (*end != '\\0' || v < 1 || v > 65535) {\n"
        . "        return -1;\n    }\n    return (int) v;\n}\n",
);

sub sentence { $sentences[$_[0] % @sentences] }
sub item     { $items[$_[0] % @items] }

sub paragraph {
    my ($seed, $n) = @_;
    return join(' ', map { sentence($seed * 5 + $_ * 3) } 0 .. $n - 1)
        . "\n\n";
}

sub section {
    my ($n) = @_;
    my $subj = $subjects[$n % @subjects];
    my $s = "## $n. Notes on $subj\n\n";

    $s .= paragraph($n, 4);

    $s .= "Things we agreed on for $subj:\n\n";
    $s .= "- " . item($n + $_ * 3) . "\n" for 0 .. 3;
    $s .= "\n";

    my $kind = $n % 4;

    if ($kind == 1) {
        $s .= "| Week | Requests | p99 (ms) | Errors |\n";
        $s .= "|------|---------:|---------:|-------:|\n";
        for my $w (1 .. 5) {
            my $req = 120000 + (($n * 7919 + $w * 104729) % 90000);
            my $p99 = 40 + (($n * 31 + $w * 17) % 160);
            my $err = ($n * 13 + $w * 7) % 50;
            $s .= "| $w | $req | $p99 | $err |\n";
        }
        $s .= "\n";

    } elsif ($kind == 2) {
        my $i = int($n / 4) % @code;
        $s .= "The change itself, trimmed to the interesting part:\n\n";
        $s .= "```$langs[$i]\n$code[$i]```\n\n";

    } elsif ($kind == 3) {
        $s .= "1. " . item($n + $_) . "\n" for 0 .. 2;
        $s .= "\n> " . sentence($n + 7) . "\n\n";

    } else {
        $s .= "- [x] " . item($n + 1) . "\n";
        $s .= "- [x] " . item($n + 4) . "\n";
        $s .= "- [ ] " . item($n + 6) . "\n\n";
    }

    $s .= "### What we would do differently\n\n";
    $s .= paragraph($n + 3, 3);

    return $s;
}

my $out = <<'EOT';
---
title: "Running the platform: notes from a year of operations"
date: 2024-03-18
summary: "What we measured, what we changed, and what we would do differently next time."
categories: [operations, performance, notes]
---

# Running the platform

This page collects our notes from a year of running the platform: what
we measured, what we changed, and what we *would do differently*. The
sections below are short on purpose; links point to the longer write-ups
in the [team wiki](https://example.org/wiki/).

EOT

# whole sections while they fit, then closing sentences up to SIZE
my $n = 1;
my $next = section($n);
while (length($out) + length($next) <= $size || $n == 1) {
    $out .= $next;
    $next = section(++$n);
}

$out .= "## Further reading\n\n";
my $i = 0;
while (length($out) < $size) {
    $out .= sentence($n + $i++) . "\n";
}

print $out;
