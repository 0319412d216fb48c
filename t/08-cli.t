#!/usr/bin/perl
# The page-render CLI: same core as the module; errors as FILE:LINE:COL on
# stderr with status 1, usage errors with status 2, a page that is not
# published (Hugo's rules) with status 3 unless -D, -F or -E.

use strict;
use warnings;

use FindBin;
use File::Temp qw(tempdir);
use Test::More;

my $cli = "$FindBin::Bin/../build/page-render";
plan skip_all => 'build/page-render not built' unless -x $cli;

my $dir = tempdir(CLEANUP => 1);

sub write_file {
    my ($name, $text) = @_;
    open my $fh, '>', "$dir/$name" or die "$name: $!";
    binmode $fh;
    print $fh $text;
    close $fh;
    return "$dir/$name";
}

# run the CLI; returns (exit status, stdout, stderr)
sub run {
    my @args = @_;
    my $out = "$dir/.out";
    my $err = "$dir/.err";
    my $pid = fork // die "fork: $!";
    if ($pid == 0) {
        open STDOUT, '>', $out or die;
        open STDERR, '>', $err or die;
        exec $cli, @args or exit 127;
    }
    waitpid $pid, 0;
    my $rc = $? >> 8;
    local $/;
    open my $o, '<', $out or die; my $stdout = <$o>;
    open my $e, '<', $err or die; my $stderr = <$e>;
    return ($rc, $stdout, $stderr);
}

my $page = write_file('page.md', <<'MD');
---
title: "Tom & <Jerry>"
summary: A short summary
---
# First heading

| a | b |
|---|---|
| 1 | 2 |

- [x] done

Text[^n] and ~~gone~~.

[^n]: The note.
MD

my ($rc, $out, $err) = run($page);
is($rc, 0, 'renders: exit 0');
is($err, '', 'renders: nothing on stderr');
like($out, qr{^<!DOCTYPE html>}, 'a whole page');
like($out, qr{<title>Tom &amp; &lt;Jerry&gt;</title>}, 'title escaped');
like($out, qr{<meta name="description" content="A short summary">},
     'description from summary');
like($out, qr{<table>}, 'table');
# Hugo's markup: attributes in goldmark's order, no slash
like($out, qr{<li><input checked="" disabled="" type="checkbox"> done</li>},
     'task');
like($out, qr{<del>gone</del>}, 'strikethrough');
like($out, qr{class="footnotes"}, 'footnote');

($rc, $out) = run('--content', $page);
is($rc, 0, '--content: exit 0');
unlike($out, qr{<html|<title}, '--content: no layout');
like($out, qr{^<h1 id="first-heading">First heading</h1>},
     '--content: the content, with a heading id');

($rc, $out) = run('--site-title', 'My Site', $page);
like($out, qr{<title>Tom &amp; &lt;Jerry&gt; \| My Site</title>},
     '--site-title');

my $raw = write_file('raw.md', "<b>bold</b> text\n\n<div>block</div>\n");
($rc, $out) = run('--content', $raw);
unlike($out, qr{<div>|<b>}, 'raw HTML omitted by default');
like($out, qr{raw HTML omitted}, 'raw HTML: omitted marker');
($rc, $out) = run('--content', '--unsafe-html', $raw);
like($out, qr{<div>block</div>}, '--unsafe-html keeps it');

# title fallbacks: first heading, then the file name
my $nofm = write_file('no-front-matter.md', "Intro\n\n## Second *level*\n");
($rc, $out) = run($nofm);
like($out, qr{<title>Second level</title>}, 'title from the first heading');
my $plain = write_file('plain-file.md', "just text\n");
($rc, $out) = run($plain);
like($out, qr{<title>plain-file</title>}, 'title from the file name');

# errors: FILE:LINE:COL on stderr, exit 1
my $bad = write_file('bad.md', "---\ntitle: ok\nlist: [a, b\n---\nbody\n");
($rc, $out, $err) = run($bad);
is($rc, 1, 'invalid YAML: exit 1');
is($out, '', 'invalid YAML: nothing on stdout');
like($err, qr{^\Q$bad\E:\d+:\d+: invalid YAML front matter}, 'FILE:LINE:COL');

my $alias = write_file('alias.md', "---\na: &x [1, 2]\nb: *x\n---\n");
($rc, $out, $err) = run($alias);
is($rc, 1, 'alias: exit 1');
like($err, qr{^\Q$alias\E:3:4: YAML aliases}, 'alias: position of *x');

my $open = write_file('open.md', "---\ntitle: never closed\n\nbody\n");
($rc, $out, $err) = run($open);
is($rc, 1, 'unterminated front matter: exit 1');
like($err, qr{^\Q$open\E:1:1: front matter opened with "---" is never closed},
     'unterminated: position 1:1');

# stdin
{
    my $pid = open(my $to, '|-') // die;
    if ($pid == 0) {
        open STDOUT, '>', "$dir/.stdin-out" or die;
        exec $cli, '--content', '-' or exit 127;
    }
    print $to "# From stdin\n";
    close $to;
    is($? >> 8, 0, 'stdin: exit 0');
    open my $fh, '<', "$dir/.stdin-out" or die;
    local $/;
    like(<$fh>, qr{<h1 id="from-stdin">From stdin</h1>}, 'stdin: rendered');
}

# JSON front matter through the whole pipeline, against what hugo 0.111.3
# renders from the same page with the same layout and shortcode
mkdir "$dir/layouts";
mkdir "$dir/layouts/_default";
mkdir "$dir/layouts/shortcodes";
write_file('layouts/_default/single.html', <<'HTML');
T=[{{ .Title }}] D=[{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}] L=[{{ .Lastmod.Format "Jan 2, 2006" }}] Draft=[{{ .Draft }}] Desc=[{{ .Description }}]
N=[{{ .Params.n }}|{{ printf "%T" .Params.n }}|{{ add .Params.n 1 }}] Tags=[{{ range .Params.tags }}{{ . }},{{ end }}] K=[{{ .Params.nested.key }}] S=[{{ .Params.s }}]
C=[{{ .Content }}]
HTML
write_file('layouts/shortcodes/sc.html', '<b>SC</b>');
my $json = write_file('json.md', <<'MD');
{
  "title": "JSON \u0026 <you> \ud83d\ude00",
  "date": "2023-01-02T10:00:00+02:00",
  "lastmod": "2023-02-03",
  "draft": false,
  "description": "d \"q\"",
  "n": 5,
  "Tags": ["a", "b"],
  "nested": {"Key": 1.5},
  "s": "\/x"
} Text *after* the brace.

A {{< sc >}} shortcode.
MD
($rc, $out, $err) = run('-t', "$dir/layouts", $json);
is($rc, 0, 'JSON front matter: exit 0');
is($out, <<"HTML", 'JSON front matter: title, dates, params as Hugo');
T=[JSON &amp; &lt;you&gt; \xf0\x9f\x98\x80] D=[2023-01-02T10:00:00&#43;02:00] L=[Feb 3, 2023] Draft=[false] Desc=[d &#34;q&#34;]
N=[5|float64|6] Tags=[a,b,] K=[1.5] S=[/x]
C=[<p>Text <em>after</em> the brace.</p>
<p>A <b>SC</b> shortcode.</p>
]
HTML

$json = write_file('bad.json.md', "{\n  \"title\": \"x\",\n  \"n\": 1,\n}\n");
($rc, $out, $err) = run('-t', "$dir/layouts", $json);
is($rc, 1, 'bad JSON front matter: exit 1');
is($err, "$json:4:1: invalid JSON front matter: invalid character '}' "
         . "looking for beginning of object key string\n",
   'bad JSON front matter: FILE:LINE:COL and Go\'s words');

# usage errors: exit 2
($rc) = run();
is($rc, 2, 'no FILE: exit 2');
($rc, $out, $err) = run('--bogus', $page);
is($rc, 2, 'unknown option: exit 2');
like($err, qr{unknown option --bogus}, 'unknown option named');
($rc) = run('--param', 'novalue', $page);
is($rc, 2, '--param without =: exit 2');
($rc) = run('--site-title');
is($rc, 2, 'option without value: exit 2');
($rc, $out, $err) = run("$dir/does-not-exist.md");
is($rc, 2, 'missing file: exit 2');
like($err, qr{does-not-exist\.md}, 'missing file named');
($rc, $out) = run('--help');
is($rc, 0, '--help: exit 0');
like($out, qr{usage: page-render}, '--help: usage');

# ---- publishing: Hugo's rules, Hugo's flags

my %unpublished = (
    '-D' => ["draft: true", 'it is a draft'],
    '-F' => ["publishDate: 2999-01-01", 'its publishDate is in the future'],
    '-E' => ["expiryDate: 2000-01-01", 'it expired on 2000-01-01'],
);

for my $flag (sort keys %unpublished) {
    my ($fm, $why) = @{ $unpublished{$flag} };
    my $f = write_file("pub$flag.md", "---\ntitle: P\n$fm\n---\nbody $flag\n");

    my ($rc, $out, $err) = run('--content', $f);
    is($rc, 3, "$fm: exit status 3");
    is($out, '', "$fm: nothing on stdout");
    like($err, qr/^\Q$f\E: not published: \Q$why\E/, "$fm: says why");

    ($rc, $out) = run('--content', $flag, $f);
    is($rc, 0, "$fm with $flag: rendered");
    is($out, "<p>body $flag</p>\n", "$fm with $flag: the content");
}

done_testing();
