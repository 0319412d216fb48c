#!/usr/bin/perl
# A corpus of templates written in the styles of popular Hugo themes
# (t/themes-corpus/: our own layouts, partials, shortcodes and pages, no
# theme's files): an icon partial with a long if/else-if chain, JSON-LD
# built by range and by jsonify in <script type="application/ld+json">, an
# SEO/OpenGraph partial, a recursive menu partial, head assets through
# resources.Get under `with`, variables around a define, a post-meta line,
# shortcodes (admonition, figure, tabs through .Parent, positional or
# named), the table of contents, Scratch and Store, page variables,
# front-matter data, partialCached, values in every escaping context, RE2
# regular expressions.
#
# The whole layouts/ directory must pass `nginx -t`; then every page of
# content/ is requested through nginx and compared, whole, with the page
# Debian's hugo 0.111.3 builds from the same files (hugo.toml as the site
# config; run live, its output is never stored here).
#
# Cases for what current Hugo does and hugo 0.111.3 cannot build (newer
# Go template syntax, newer functions) live in current/NAME/ (layouts/,
# content/NAME.md, expected.html written from Hugo's and Go's
# documentation, the reason in the layout's comment): they are left out of
# hugo's site, compiled with the rest by nginx, and the page's
# <main id="case"> is compared with expected.html.
#
# Normalisations (only what differs by construction):
#   N1  .Site.BaseURL is the request's scheme and host for nginx and
#       hugo.toml's baseURL for hugo: ours is written as hugo's before
#       comparing (absURL, the JSON-LD URLs).
#   N2  trailing whitespace at the end of the page is dropped on both sides.
#
# Environment: HUGO (default `hugo` in PATH); PAGE_TEST_KEEP=1 keeps the
# hugo site.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

use File::Basename qw(dirname);
use File::Find qw(find);
use File::Path qw(make_path);
use File::Temp qw(tempdir);
use POSIX ();

my $CORPUS = "$FindBin::Bin/themes-corpus";
my $HUGO = $ENV{HUGO} || 'hugo';
my $BASE = 'http://example.org/';     # hugo.toml's baseURL

my $hugo_version = `$HUGO version 2>/dev/null` // '';
plan skip_all => 'hugo is not installed'
    unless $? == 0 && $hugo_version =~ /hugo v/;

sub slurp {
    my ($f) = @_;
    open my $fh, '<:raw', $f or die "read $f: $!";
    local $/;
    return scalar <$fh>;
}

sub spew {
    my ($f, $data) = @_;
    make_path(dirname($f)) unless -d dirname($f);
    open my $fh, '>:raw', $f or die "write $f: $!";
    print {$fh} $data;
    close $fh or die "close $f: $!";
}

# relative path => text, for every file under a corpus directory
sub tree {
    my ($dir) = @_;
    my %files;
    find({ no_chdir => 1, wanted => sub {
        return unless -f $_;
        (my $rel = $_) =~ s{^\Q$dir\E/}{};
        $files{$rel} = slurp($_);
    } }, $dir);
    return \%files;
}

my $layouts = tree("$CORPUS/layouts");
my $content = tree("$CORPUS/content");
my @pages = sort map { m{^([\w-]+)\.md$} ? $1 : () } keys %$content;

ok(@pages >= 10, scalar(@pages) . ' corpus pages');

# current/NAME: layouts for nginx only, a page and its expected <main>
my (%cur_layouts, %cur_content, %cur_expected);
for my $dir (sort glob("$CORPUS/current/*")) {
    my $name = (split m{/}, $dir)[-1];
    my $l = tree("$dir/layouts");
    for my $rel (keys %$l) {
        die "current/$name/layouts/$rel is also in layouts/\n"
            if exists $layouts->{$rel} || exists $cur_layouts{$rel};
        $cur_layouts{$rel} = $l->{$rel};
    }
    $cur_content{"$name.md"} = slurp("$dir/content/$name.md");
    $cur_expected{$name} = slurp("$dir/expected.html");
}

# ------------------------------------------------------------ hugo's pages

my $site = tempdir('themes-hugo-XXXXXXXX', TMPDIR => 1,
                   CLEANUP => !$ENV{PAGE_TEST_KEEP});
diag("hugo site kept in $site") if $ENV{PAGE_TEST_KEEP};

spew("$site/config.toml", slurp("$CORPUS/hugo.toml"));
spew("$site/layouts/$_", $layouts->{$_}) for keys %$layouts;
spew("$site/content/$_", $content->{$_}) for keys %$content;

my $hout = "$site/hugo.out";
my $pid = fork // die "fork: $!";
if ($pid == 0) {
    open STDOUT, '>', $hout or POSIX::_exit(126);
    open STDERR, '>&', \*STDOUT or POSIX::_exit(126);
    { exec 'timeout', '120', $HUGO, '--quiet', '-s', $site,
           '-d', "$site/public" }
    POSIX::_exit(127);
}
waitpid $pid, 0;
chomp $hugo_version;
is($?, 0, "hugo builds the corpus ($hugo_version)")
    or BAIL_OUT('hugo failed: ' . slurp($hout));

my %hugo;
for my $name (@pages) {
    $hugo{$name} = slurp("$site/public/$name/index.html");
}

# ------------------------------------------------------------ nginx

my $t = PageTest->new;
my $p = $t->prefix;

my %all_layouts = (%$layouts, %cur_layouts);
my %all_content = (%$content, %cur_content);
$t->write_file("$p/layouts/$_", $all_layouts{$_}) for sort keys %all_layouts;
$t->write_file($_, $all_content{$_}) for sort keys %all_content;

# hugo.toml's title and params
my $conf = <<"EOF";
    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;
        location / {
            page on;
            page_templates $p/layouts;
            page_site_title Corpus;
            page_param languagecode en-us;
            page_param author "Ann Example";
            page_param description "Notes on serving Hugo sites";
            page_param social.twitter annex;
            page_param social.github annex;
        }
    }
EOF

my ($exit, $out) = $t->test_config($conf);
is($exit, 0, 'nginx -t compiles every template of the corpus')
    or diag($out);

$t->start($conf);

sub norm {
    my ($html) = @_;
    $html =~ s/\s+\z//;                                 # N2
    return $html;
}

# ok when equal; else the first line that differs, with its number
sub same_page {
    my ($got, $want, $name) = @_;

    return pass($name) if $got eq $want;

    my @g = split /\n/, $got, -1;
    my @w = split /\n/, $want, -1;
    my $i = 0;
    $i++ while $i < @g && $i < @w && $g[$i] eq $w[$i];

    fail($name);
    diag("line " . ($i + 1) . "\n  ours:     " . ($g[$i] // '(end)')
         . "\n  expected: " . ($w[$i] // '(end)'));
    return 0;
}

for my $name (@pages) {
    my $mark = $t->log_mark;
    my $r = $t->get("/$name.md");

    is($r->{status}, 200, "$name: 200") or next;

    my $ours = $r->{body};
    $ours =~ s{http://(?:localhost|127\.0\.0\.1)(?::\d+)?/}{$BASE}g;  # N1

    same_page(norm($ours), norm($hugo{$name}), "$name: the page hugo builds");
    unlike($t->log_since($mark), qr/page:/, "$name: nothing logged");
}

for my $name (sort keys %cur_expected) {
    my $mark = $t->log_mark;
    my $r = $t->get("/$name.md");

    is($r->{status}, 200, "$name (current Hugo): 200") or next;

    my ($main) = $r->{body} =~ m{<main id="case">(.*)</main>}s;
    same_page(norm($main // '(no <main id="case">)'),
              norm($cur_expected{$name}),
              "$name (current Hugo): the documented output");
    unlike($t->log_since($mark), qr/page:/, "$name: nothing logged");
}

page_ok(scalar $t->get('/menu.md'), 'a page asked again is served');

done_testing();
