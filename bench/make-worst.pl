#!/usr/bin/perl
# Worst-case inputs for `make bench-worst` (util/bench-worst.sh): one
# generator per construct that may cost more than linear time in
# libcmark-gfm or in our own stages, each writing a content file (front
# matter and body) of at most SIZE bytes, as close to it as its unit
# allows.
#
#   make-worst.pl --list          the generators, one "NAME  what" a line
#   make-worst.pl NAME SIZE > page.md
#
# Deterministic: the same NAME and SIZE always give the same bytes.

use strict;
use warnings;

# The most shortcode calls a page may hold (PAGE_SC_MAX_CALLS in
# src/page_shortcode.h) and the deepest nesting (PAGE_SC_MAX_DEPTH): the
# shortcode generators stay just under them, so that they measure work,
# not the refusal.
my $SC_MAX_CALLS = 10000;
my $SC_MAX_DEPTH = 64;

my $size;

# The body: $unit repeated until the file would exceed the size.
sub fill {
    my ($fm, $unit, $tail) = @_;
    $tail //= '';
    my $room = $size - length($fm) - length($tail);
    my $n = int($room / length($unit));
    $n = 0 if $n < 0;
    return $fm . ($unit x $n) . $tail;
}

# Front matter with a title, and extra lines.
sub fm {
    my ($name, @extra) = @_;
    return join("\n", '---', "title: \"worst case: $name\"", @extra, '---',
                '') . "\n";
}

# Lines from a generator sub until the size is reached.
sub lines {
    my ($fm, $next) = @_;
    my @out = ($fm);
    my $len = length $fm;
    for (my $i = 0; ; $i++) {
        my $l = $next->($i);
        last if !defined $l || $len + length($l) > $size;
        push @out, $l;
        $len += length $l;
    }
    return join '', @out;
}

# Plain prose of exactly $n bytes, words and spaces, no Markdown syntax.
sub prose {
    my ($n) = @_;
    return '' if $n <= 0;
    my $s = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do ';
    my $t = $s x (int($n / length $s) + 1);
    return substr($t, 0, $n);
}

# name => [what it stresses, sub returning the file]
my %gen = (
    # autolinks (libcmark-gfm's autolink extension, or our linkify)
    'email-run' => ['"a@b." repeated, no spaces: the issue\'s case',
        sub { fill(fm('email-run'), 'a@b.') }],
    'email-words' => ['"a@b. " repeated: e-mail candidates without a TLD',
        sub { fill(fm('email-words'), 'a@b. ') }],
    'email-valid' => ['"user.name@example.com " repeated',
        sub { fill(fm('email-valid'), "user.name\@example.com ") }],
    'email-at-run' => ['"@" runs and local parts: "a.a.a.a@@@@"',
        sub { fill(fm('email-at-run'), 'a.a.a.a.a.a@@@@ ') }],
    'url-http' => ['"https://example.com/a/b?c=d " repeated',
        sub { fill(fm('url-http'), 'https://example.com/a/b?c=d ') }],
    'url-run' => ['"http://a" repeated, no spaces: one long URL',
        sub { fill(fm('url-run'), 'http://a') }],
    'url-www' => ['"www.example.com " repeated',
        sub { fill(fm('url-www'), 'www.example.com ') }],
    'url-www-run' => ['"www." repeated, no spaces',
        sub { fill(fm('url-www-run'), 'www.') }],
    'url-parens' => ['URLs with unbalanced "(" and ")" runs',
        sub { fill(fm('url-parens'), 'http://a.b/((((x)))))))) ') }],
    'url-punct' => ['URLs ending in long punctuation runs',
        sub { fill(fm('url-punct'), 'www.a.b.,:;!?.,:;!?.,:;!?*_~ ') }],
    'url-colon' => ['":" and "//" runs: scheme candidates',
        sub { fill(fm('url-colon'), 'a://:/http:/:https//ftp: ') }],
    'autolink-angle' => ['"<http://a.b/c> <a@b.c> " (CommonMark autolinks)',
        sub { fill(fm('autolink-angle'), '<http://a.b/c> <a@b.cd> ') }],

    # HTML-ish text with raw HTML off
    'lt-run' => ['"<" repeated',
        sub { fill(fm('lt-run'), '<') }],
    'lt-tags' => ['"<a href=x> " repeated: inline raw HTML, omitted',
        sub { fill(fm('lt-tags'), '<a href="x" title=\'y\'> ') }],
    'lt-open' => ['"<a " repeated: tags never closed',
        sub { fill(fm('lt-open'), '<a b=') }],
    'lt-comment' => ['"<!--" repeated: comments never closed',
        sub { fill(fm('lt-comment'), '<!-- a ') }],
    'lt-pi' => ['"<?" and "<![CDATA[" repeated, never closed',
        sub { fill(fm('lt-pi'), '<? <![CDATA[ <!X ') }],
    'html-blocks' => ['"<div>" lines: raw HTML blocks, omitted',
        sub { fill(fm('html-blocks'), "<div class=\"a\">\n\n") }],

    # brackets and links
    'brackets-open' => ['"[" repeated',
        sub { fill(fm('brackets-open'), '[') }],
    'brackets-close' => ['"]" repeated after one "["',
        sub { fill(fm('brackets-close'), ']', '') =~ s/\n\n\]/\n\n[/r }],
    'brackets-nested' => ['"[[[[...]]]]" nested 1,000 deep, repeated',
        sub { fill(fm('brackets-nested'), ('[' x 1000) . 'a' . (']' x 1000)
                                          . "\n\n") }],
    'links-nested' => ['"[a](" repeated: link openers never closed',
        sub { fill(fm('links-nested'), '[a](') }],
    'links-open-close' => ['"[a]" then "(" runs: "[a](((((("',
        sub { fill(fm('links-open-close'), '[a](((((((((( ') }],
    'images-open' => ['"![" repeated',
        sub { fill(fm('images-open'), '![') }],
    'images-nested' => ['"![[[" runs with a closing "](u)"',
        sub { fill(fm('images-nested'), '![[[a](u) ') }],
    'links-inline' => ['"[a](/b \"c\") " repeated: ordinary links',
        sub { fill(fm('links-inline'), '[a](/b "c") ') }],
    'linkref-defs' => ['link reference definitions, each used once',
        sub { my $n = 0; lines(fm('linkref-defs'), sub {
            my $i = $_[0];
            return $i % 2 ? "[r" . ($i - 1) . "]\n\n"
                          : "[r$i]: /u/$i \"t\"\n\n" }) }],
    'linkref-many' => ['60,000 definitions, then references to them',
        sub { my $fm = fm('linkref-many'); my $half = ($size - length $fm) / 2;
              my ($d, $r, $i) = ('', '', 0);
              while (length($d) + 20 < $half) { $d .= "[l$i]: /$i\n"; $i++ }
              my $j = 0;
              while (length($r) + 10 < $half) { $r .= "[l" . ($j++ % $i)
                                                      . "] " }
              $fm . $d . "\n" . $r . "\n" }],
    'linkref-labels' => ['definitions with long labels, unmatched refs',
        sub { fill(fm('linkref-labels'), '[' . ('a ' x 400) . "]: /u\n\n["
                                         . ('b ' x 400) . "]\n\n") }],

    # emphasis and code spans
    'emph-links' => ['"*a* [b](c)" lines, one paragraph',
        sub { fill(fm('emph-links'), "*a* [b](c)\n") }],
    'emph-links-paras' => ['"*a* [b](c)" lines, paragraphs of 40',
        sub { fill(fm('emph-links-paras'), ("*a* [b](c)\n" x 40) . "\n") }],
    'emph-star' => ['"*" repeated',
        sub { fill(fm('emph-star'), '*') }],
    'emph-alt' => ['"*_" repeated: alternating kinds',
        sub { fill(fm('emph-alt'), '*_') }],
    'emph-openers' => ['"*a _b " repeated: openers never closed',
        sub { fill(fm('emph-openers'), '*a _b **c __d ') }],
    'emph-closers' => ['"a* b_ " repeated: closers never opened',
        sub { fill(fm('emph-closers'), 'a* b_ c** d__ ') }],
    'emph-nested' => ['"***a***" and "_*a*_" mixes',
        sub { fill(fm('emph-nested'), '***a*** _*b*_ **_c_** ') }],
    'underscores' => ['"_" runs inside words: a_b_c_d',
        sub { fill(fm('underscores'), 'a_b_') }],
    'strike-run' => ['"~" and "~~" runs',
        sub { fill(fm('strike-run'), '~~a~ ~b~~ ~~~ ') }],
    'backticks' => ['backtick runs of growing length, never matched',
        sub { my $k = 0; lines(fm('backticks'), sub {
            $k = $k % 200 + 1; return ('`' x $k) . 'a ' }) }],
    'backticks-run' => ['"`" repeated',
        sub { fill(fm('backticks-run'), '`') }],

    # entities and smart punctuation
    'entities' => ['"&amp;&#123;&#x1F600;" repeated',
        sub { fill(fm('entities'), '&amp;&#123;&#x1F600;&copy;') }],
    'entities-bad' => ['"&" runs and entities never closed',
        sub { fill(fm('entities-bad'), '&&&amp &#12 &xyzzy ') }],
    'quotes-double' => ['"\"" repeated',
        sub { fill(fm('quotes-double'), '"') }],
    'quotes-single' => ['"\'" repeated',
        sub { fill(fm('quotes-single'), "'") }],
    'quotes-mixed' => ['"\"a \'b " repeated: openers never closed',
        sub { fill(fm('quotes-mixed'), "\"a 'b \"'c ") }],
    'dashes-dots' => ['"--- -- ... << >>" repeated',
        sub { fill(fm('dashes-dots'), '--- -- ... << >> ') }],

    # blocks
    'long-line' => ['one line of prose, no newline',
        sub { my $fm = fm('long-line'); $fm . prose($size - length $fm) }],
    'long-word' => ['one word, no space or newline',
        sub { fill(fm('long-word'), 'a') }],
    'hard-breaks' => ['lines ending in two spaces or a backslash',
        sub { fill(fm('hard-breaks'), "a  \nb\\\n") }],
    'headings' => ['"## heading N" lines: unique ids',
        sub { lines(fm('headings'), sub { "## heading $_[0]\n" }) }],
    'headings-dup' => ['"## a" repeated: ids a, a-1, a-2, ...',
        sub { fill(fm('headings-dup'), "## a\n") }],
    'headings-dup-suffix' => ['"## a-N" then "## a" repeated: id clashes',
        sub { my $fm = fm('headings-dup-suffix'); my $half = ($size
              - length $fm) / 2; my ($s, $i) = ('', 1);
              while (length($s) < $half) { $s .= "## a-$i\n"; $i++ }
              fill($fm . $s, "## a\n") }],
    'heading-long' => ['one ATX heading of prose',
        sub { my $fm = fm('heading-long');
              $fm . '# ' . prose($size - length($fm) - 3) . "\n" }],
    'heading-attrs' => ['one heading of "{" and "{.a" runs ending in "}"',
        sub { fill(fm('heading-attrs') . '# ', '{.a b {#c ', "}\n") }],
    'setext' => ['setext headings, a line and "===" each',
        sub { fill(fm('setext'), "heading\n===\n") }],
    'setext-long' => ['one setext heading of 10,000-byte lines',
        sub { fill(fm('setext-long'), prose(10000) . "\n", "===\n") }],
    'toc-headings' => ['toc: true and ## / ### headings (theme TOC)',
        sub { lines(fm('toc-headings', 'toc: true'), sub {
            ($_[0] % 3 ? '### ' : '## ') . "Heading $_[0]\n\n" }) }],
    'sidebar-headings' => ['sidebar: true, h1/h2 from shortcodes (findRE)',
        sub { my $k = 0; lines(fm('sidebar-headings', 'layout: page',
                                  'sidebar: true'), sub {
            return undef if ++$k > $SC_MAX_CALLS / 2;
            "{{< page-section >}}\n# Heading $_[0]\n\ntext " . prose(100)
            . "\n{{< /page-section >}}\n\n" }) }],
    'quotes-deep' => ['">" repeated on one line: nested block quotes',
        sub { fill(fm('quotes-deep'), '>') }],
    'quotes-deep-lines' => ['block quotes 1,000 deep, repeated lines',
        sub { fill(fm('quotes-deep-lines'), ('>' x 1000) . " a\n") }],
    'nest-alternate' => ['lines opening 31 quotes, then 31 list items',
        sub { fill(fm('nest-alternate'), ('> ' x 31) . "a\n" . ('- ' x 31)
                                         . "b\n") }],
    'lists-deep' => ['a list nested one level per line',
        sub { lines(fm('lists-deep'), sub {
            ('  ' x $_[0]) . "- a\n" }) }],
    'lists-deep-dash' => ['"- " repeated on one line: nested lists',
        sub { fill(fm('lists-deep-dash'), '- ') }],
    'lists-ordered-deep' => ['"1. " repeated on one line',
        sub { fill(fm('lists-ordered-deep'), '1. ') }],
    'lists-many' => ['one long list, loose, 4 MB of items',
        sub { fill(fm('lists-many'), "- item\n\n") }],
    'list-quote-mix' => ['"> - > 1. " repeated: quotes and lists nested',
        sub { fill(fm('list-quote-mix'), '> - > 1. ') }],
    'code-fences' => ['fenced code blocks, one unclosed at the end',
        sub { fill(fm('code-fences'), "```go\ncode\n```\n", "```\nopen\n") }],
    'code-fence-info' => ['fence lines with long info strings, unclosed',
        sub { fill(fm('code-fence-info'), '```' . ('a' x 100) . "\n") }],
    'indented-code' => ['indented code, alternating with blank lines',
        sub { fill(fm('indented-code'), "    code\n\n") }],
    'thematic' => ['"---" and "***" lines',
        sub { fill(fm('thematic'), "***\n- - -\n") }],

    # tables: PAGE_MD_MAX_ROW_CELLS (64) "|" per line at most
    'table-rows' => ['one table, 3 columns, many rows',
        sub { fill(fm('table-rows') . "| a | b | c |\n|---|---|---|\n",
                   "| 1 | 2 | 3 |\n") }],
    'table-wide' => ['one table, 63 columns, many rows',
        sub { fill(fm('table-wide') . ('|a' x 63) . "|\n" . ('|-' x 63)
                   . "|\n", ('|1' x 63) . "|\n") }],
    'table-many' => ['many small tables',
        sub { fill(fm('table-many'), "| a | b |\n|---|---|\n| 1 | 2 |\n\n") }],
    'table-pipes' => ['lines of 64 "|" that are no table',
        sub { fill(fm('table-pipes'), ('|' x 64) . "\n") }],
    'table-header-only' => ['header lines with a delimiter row, no body',
        sub { fill(fm('table-header-only'), ('|a' x 63) . "|\n"
                   . ('|-' x 63) . "|\n\n") }],
    'table-cells-inline' => ['table cells full of inline markup',
        sub { fill(fm('table-cells-inline') . "| a | b |\n|---|---|\n",
                   "| *a* `b` [c](d) | www.e.f ~~g~~ |\n") }],
    'table-escaped' => ['table rows with escaped "\\|" runs',
        sub { fill(fm('table-escaped') . "| a | b |\n|---|---|\n",
                   '| ' . ('\\|' x 30) . " | b |\n") }],

    # footnotes
    'footnotes' => ['thousands of definitions and references',
        sub { my $fm = fm('footnotes'); my $half = ($size - length $fm) / 2;
              my ($d, $r, $i) = ('', '', 1);
              while (length($d) + 20 < $half) { $d .= "[^f$i]: note $i\n\n";
                                                $i++ }
              my $j = 0;
              while (length($r) + 10 < $half) { $r .= "[^f" . ($j++ % ($i - 1)
                                                               + 1) . "] " }
              $fm . $r . "\n\n" . $d }],
    'footnotes-refs' => ['one definition referenced many times',
        sub { fill(fm('footnotes-refs') . "[^a]: the note\n\n", '[^a] ') }],
    'footnotes-undefined' => ['references to undefined footnotes',
        sub { lines(fm('footnotes-undefined'), sub { "[^u$_[0]] " }) }],
    'footnotes-nested' => ['definitions that reference each other',
        sub { lines(fm('footnotes-nested') . "[^0]\n\n", sub {
            "[^$_[0]]: see [^" . ($_[0] + 1) . "]\n\n" }) }],

    # tasklists
    'tasklist' => ['"- [ ] a" and "- [x] b" items',
        sub { fill(fm('tasklist'), "- [ ] a\n- [x] b\n") }],

    # shortcodes
    'sc-many' => ['{{< param title >}} 10,000 times, prose between',
        sub { my $k = 0; lines(fm('sc-many'), sub {
            return prose(300) . "\n" if ++$k > $SC_MAX_CALLS - 10;
            "{{< param title >}} " . prose(400) . "\n" }) }],
    'sc-many-inline' => ['{{< param title >}} 10,000 times on one line',
        sub { my $fm = fm('sc-many-inline');
              my $unit = '{{< param title >}} ';
              my $n = int(($size - length($fm) - 1) / length $unit);
              $n = $SC_MAX_CALLS - 10 if $n > $SC_MAX_CALLS - 10;
              my $sc = $unit x $n;
              $fm . $sc . prose($size - length($fm) - length($sc) - 1)
              . "\n" }],
    'sc-params' => ['one shortcode with 250 very long parameters',
        sub { my $fm = fm('sc-params'); my $w = int(($size - length($fm)
              - 100) / 250) - 10;
              $w = 1 if $w < 1;
              $fm . '{{< page-section ' . join(' ', map { "p$_=\""
                  . ('v' x $w) . '"' } 1 .. 250) . " >}}a{{< /page-section"
              . " >}}\n" }],
    'sc-param-long' => ['one shortcode parameter of 4 MB',
        sub { my $fm = fm('sc-param-long');
              $fm . '{{< page-section class="' . ('c' x ($size - length($fm)
              - 60)) . "\" >}}a{{< /page-section >}}\n" }],
    'sc-nested' => ['page-section nested 63 deep, repeated, prose inside',
        sub { my $d = $SC_MAX_DEPTH - 1; my $blocks = int($SC_MAX_CALLS / $d);
              my $fm = fm('sc-nested');
              my $open = "{{< page-section >}}\n" x $d;
              my $close = "{{< /page-section >}}\n" x $d;
              my $room = int(($size - length $fm) / $blocks)
                         - length($open) - length($close) - 2;
              $room = 10 if $room < 10;
              my $b = $open . prose($room) . "\n" . $close . "\n";
              fill($fm, $b) }],
    'sc-nested-md' => ['{{% note %}} nested 63 deep around one big body',
        sub { my $d = $SC_MAX_DEPTH - 1; my $fm = fm('sc-nested-md');
              my $open = "{{% note %}}\n" x $d;
              my $close = "{{% /note %}}\n" x $d;
              my $room = $size - length($fm) - length($open) - length($close);
              my $body = ''; my $line = prose(70) . "\n";
              $body .= $line while length($body) + length($line) < $room;
              $fm . $open . $body . $close }],
    'sc-markdown' => ['{{% note %}} with a 4 MB Markdown inner',
        sub { my $fm = fm('sc-markdown'); my $line = '*a* [b](c) '
              . prose(60) . "\n";
              fill($fm . "{{% note %}}\n", $line, "{{% /note %}}\n") }],
    'sc-inner-big' => ['{{< highlight >}} with a 4 MB inner',
        sub { fill(fm('sc-inner-big') . "{{< highlight go >}}\n",
                   "x := a < b && c > \"d\"\n", "{{< /highlight >}}\n") }],
    'sc-open-run' => ['"{{<" repeated: shortcode openers never closed',
        sub { fill(fm('sc-open-run'), '{{', '<') }],
    'sc-braces' => ['"{{ {{ }}" runs: braces that open no shortcode',
        sub { fill(fm('sc-braces'), '{{ {{ }} %}} {< {% ') }],
    'sc-placeholders' => ['10,000 {{< >}} outputs in headings and links',
        sub { my $k = 0; lines(fm('sc-placeholders', 'toc: true'), sub {
            return prose(300) . "\n" if ($k += 2) > $SC_MAX_CALLS - 10;
            "## a {{< param title >}}\n\n[x {{< param title >}}](/y) "
            . prose(300) . "\n\n" }) }],

    # templates over large inputs
    'summary-big' => ['no <!--more-->, one paragraph: .Summary over it all',
        sub { my $fm = fm('summary-big', 'layout: page');
              $fm . prose($size - length($fm) - 1) . "\n" }],
    'more-late' => ['<!--more--> at the very end: a 4 MB summary',
        sub { my $fm = fm('more-late');
              $fm . prose($size - length($fm) - 20) . "\n<!--more-->\n" }],
    'front-big' => ['front matter near its limit, a short body',
        sub { my @l; my $n = 0;
              push @l, "k$n: \"" . ('v' x 60) . "\"" while ++$n < 3500;
              fm('front-big', @l) . "body\n" }],
);

if (@ARGV == 1 && $ARGV[0] eq '--list') {
    for my $name (sort keys %gen) {
        printf "%-20s %s\n", $name, $gen{$name}[0];
    }
    exit 0;
}

die "usage: make-worst.pl --list | NAME SIZE\n"
    unless @ARGV == 2 && exists $gen{$ARGV[0]} && $ARGV[1] =~ /^\d+$/;

$size = $ARGV[1];
my $out = $gen{$ARGV[0]}[1]->();
die "make-worst.pl: $ARGV[0] is larger than $size bytes\n"
    if length($out) > $size && $ARGV[0] ne 'front-big';
binmode STDOUT;
print $out;
