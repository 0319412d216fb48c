#!/usr/bin/perl

# Optional: the real content page from ../shared/seeds renders (skipped when
# ../shared is absent, as in CI). In #2 shortcodes are not run yet; this
# checks the page, the title from its front matter (bytes as they are) and
# the description from its summary.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $dir = "$FindBin::Bin/../../shared/seeds";
my @seeds = -d $dir ? sort glob("$dir/*.txt") : ();

plan skip_all => "no seeds in $dir" unless @seeds;

my $t = PageTest->new;

my %want;
for my $i (0 .. $#seeds) {
    open my $fh, '<:raw', $seeds[$i] or die "$seeds[$i]: $!";
    my $text = do { local $/; <$fh> };
    close $fh;

    $t->write_file("seed$i.md", $text);
    my ($title) = $text =~ /^title:\s*"([^"\n]*)"/m;
    my ($summary) = $text =~ /^summary:\s*"([^"\n]*)"/m;
    $want{"seed$i.md"} = [$title, $summary];
}

$t->start(<<'EOF');
    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;
        location / { page on; }
    }
EOF

sub esc {
    my ($s) = @_;
    $s =~ s/&/&amp;/g;
    $s =~ s/</&lt;/g;
    $s =~ s/>/&gt;/g;
    return $s;
}

for my $f (sort keys %want) {
    my $r = $t->request(uri => "/$f");
    page_ok($r, "$f rendered");

    my ($title, $summary) = @{ $want{$f} };

    SKIP: {
        skip "$f: no quoted title", 1 unless defined $title;
        is(title_of($r->{body}), esc($title),
           "$f: <title> is the front-matter title, bytes as they are");
    }
    SKIP: {
        skip "$f: no quoted summary", 1 unless defined $summary;
        my $want = esc($summary);
        like($r->{body}, qr{<meta name="description" content="\Q$want\E">},
             "$f: description from summary");
    }
    unlike($r->{body}, qr/^title:/m, "$f: front matter is not in the page");
}

done_testing();
