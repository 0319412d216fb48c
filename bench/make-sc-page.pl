#!/usr/bin/perl
# Write a page in the seed's structure (front matter with layout "page",
# then page-section blocks each holding a page-content and a page-outline,
# and a page-cta) of about SIZE bytes, for the benchmark: it exercises
# shortcodes, the default theme's page layout and Markdown together.
#
#   make-sc-page.pl SIZE > page.md
#
# Deterministic: the same SIZE always gives the same bytes.

use strict;
use warnings;

my $size = shift @ARGV;
die "usage: make-sc-page.pl SIZE\n"
    unless defined $size && $size =~ /^\d+$/ && $size >= 1024;

my @words = qw(request cache upstream worker header body layout template
    page section outline shortcode render module static proxy config
    latency memory buffer filter);

my $out = <<'FM';
---
title: "A benchmark page in the seed's shape"
date: 2026-11-27
layout: "page"
image: "images/hero.svg"
summary: "Sections with a main column and an aside each, a call to action, and Markdown inside every one of them."
include_footer: true
sidebar: true
categories: ["Benchmark"]
---

FM

my $n = 0;
while (length($out) < $size - 600) {
    $n++;
    my @w = map { $words[($n * 7 + $_ * 3) % @words] } 0 .. 40;
    my $para = join(' ', @w[0 .. 20]) . ". "
        . "It has **strong** and *emphasised* words, `code`, and a "
        . "[link](/docs/). " . join(' ', @w[21 .. 40]) . ".";
    $out .= "{{< page-section >}}\n\n{{< page-content >}}\n"
        . "## Section $n: $w[0] and $w[1]\n\n$para\n\n"
        . "- $w[2] first\n- $w[3] second\n- $w[4] third\n"
        . "{{< /page-content >}}\n\n{{< page-outline >}}\n"
        . "> Note $n: the $w[5] decides how the $w[6] behaves.\n"
        . "{{< /page-outline >}}\n\n{{< /page-section >}}\n\n";
}

$out .= '{{< page-cta image="images/cta.svg" alt="Start" '
    . 'button-text="Get started" button-link="/#contact" >}}' . "\n"
    . "Try it on your own pages: *no build step*.\n{{< /page-cta >}}\n";

print $out;
