#!/usr/bin/perl
# page_site: fixes found by serving theme example sites (issue 12), on
# the fixture t/site/fixes (two posts, a note, a page, tags).  Each line
# of its home (layouts/index.html) is labelled; the expected lines are
# hugo 0.111.3's build of the same fixture (hugo -s t/site/fixes -d OUT,
# OUT/index.html), unless a comment says otherwise.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;
my $p = $t->prefix;

system('cp', '-a', "$FindBin::Bin/site/$_", "$p/$_") == 0
    or die "cp: $?" for qw(fixes fixes-url);

# not in hugo's build (hugo fetches the post from the network)
$t->write_file("$p/fixes-url/content/tw.md",
               "---\ntitle: TW\n---\n{{< tweet user=\"a\" id=\"1\" >}}\n");
# getCSV (layouts/shortcodes/csv.html) must not fail the site's templates
$t->write_file("$p/fixes-url/content/csv.md",
               "---\ntitle: CSV\n---\n{{< csv \"https://e.org/a.csv\" >}}\n");

$t->start(<<"CONF");
    server {
        listen 127.0.0.1:%%PORT%%;
        page_site $p/fixes;
    }

    server {
        listen 127.0.0.1:%%PORT2%%;
        page_site $p/fixes-url;
    }
CONF

# label => hugo 0.111.3's text after "label: " (newlines kept)
my %hugo = (
    # .Render "LAYOUT": TYPE/LAYOUT.html, else _default/LAYOUT.html
    'render' => "[PSUM Beta Beta text.|\n][PSUM Alpha Alpha text.|\n]"
        . "[DSUM Note page|\n][DSUM About page|\n]",
    # no fallback to single.html: "" without the view
    'render-li' => "[][][NLI Note|\n][]",
    'render-self' => "[DSUM Fix home|\n]",
    # a section looks in its type's folder too
    'render-sec' => "[PSUM Posts |\n][][DSUM Notes section|\n]"
        . "[NLI Notes|\n]",
    # params.mainSections unset: the section with the most pages
    'main' => '[post] [post] 2',
    # a list page without a date of its own: its pages' latest Date and
    # Lastmod (PublishDate stays zero in 0.111.3), on the page and in lists
    'dates' => 'Posts 2021-03-04 2021-05-06 0001-01-01;'
        . 'Notes 2019-01-01 2019-01-01 0001-01-01;',
    'home-date' => '2021-03-04 2021-05-06',
    # .Name: the title; a term's name as written (current Hugo: the
    # term's path segment unnormalized, the same here)
    'names' => 'page=Beta;home=Fix;section=Posts;taxonomy=Tags;term=x;'
        . 'page=Alpha;term=Foo Bar;page=Note;section=Notes;page=About;'
        . 'taxonomy=Categories;',
    # intersect, union, complement, symdiff, uniq, in on lists of pages:
    # pages compare by identity
    'setops' => 'Beta,Alpha, Beta,Alpha,Note, Note,About, Note,About, '
        . 'Beta,Alpha, true false 0',
);

my $r = $t->get('/');
is($r->{status}, 200, 'home answers');

my %got;
my $label;
for my $line (split /^/, $r->{body}) {
    if ($line =~ /^([a-z-]+): (.*)/s) {
        $label = $1;
        $got{$label} = $2;
    } elsif (defined $label) {
        $got{$label} .= $line;
    }
}
chomp %got;
s/\n\z// for values %got;

for my $k (sort keys %hugo) {
    is($got{$k}, $hugo{$k}, $k);
}

# t/site/fixes-url: what hugo 0.111.3 writes to public/ for these files.
# An HTML content file without front matter is copied as it is (at its
# own path, in a branch bundle or at the top); with front matter it is a
# page (docs/withfm/index.html, not rendered here yet), never a file.  A
# term whose _index.md sets url is at that url.
my @files = (
    ['/docs/extra.html', 200, "<p>raw html page</p>\n"],
    ['/top.html', 200, "<p>top</p>\n"],
    ['/docs/withfm.html', 404, undef],
    ['/docs/img.png', 200, 'PNG'],
    ['/topic-x/', 200, "LIST Ex /topic-x/\n"],
);

for my $f (@files) {
    my ($path, $status, $body) = @$f;
    my $r = $t->request(port => $t->port2, uri => $path);
    is($r->{status}, $status, "$path answers $status");
    is($r->{body}, $body, "$path: hugo's file") if defined $body;
}

# Hugo's built-in shortcodes: gist (the embed script, as hugo 0.111.3
# writes it), comment (current Hugo's: nothing; hugo 0.111.3 has no
# comment shortcode, so its build was of sc.md without it); tweet and the others
# that fetch remote data fail the page with one line naming them.
{
    my $r = $t->request(port => $t->port2, uri => '/sc/');
    my $g = 'https://gist.github.com/alice/0123abc.js';
    is($r->{body}, qq{<p><script type="application/javascript" src="$g">}
        . qq{</script>\n\n<script type="application/javascript" }
        . qq{src="$g?file=f.py"></script>\n\nAB</p>\n\n},
       'gist and comment shortcodes');

    $r = $t->request(port => $t->port2, uri => '/tw/');
    is($r->{status}, 500, 'tweet: the page fails');
    like($t->error_log, qr/shortcode "tweet": it fetches the post from X/,
         'tweet: one line says why');
}

# getCSV and getJSON: a project file (URL parts joined) as hugo 0.111.3
# reads it (content/data.md); a remote URL fails, saying why
{
    my $r = $t->request(port => $t->port2, uri => '/data/');
    is($r->{body}, "<p>a=1;b=x, y;\n\nv 2\n</p>\n\n",
       'getCSV and getJSON of project files');

    $r = $t->request(port => $t->port2, uri => '/csv/');
    is($r->{status}, 500, 'getCSV: the page fails');
    like($t->error_log,
         qr/data\.GetCSV: remote data is not fetched at request time/,
         'getCSV: one line says why');
}

# t/site/fixes-ml (en, pt-br): a relative front matter url of a page or
# a term in pt-br is under /pt-br/, an absolute one is not (hugo 0.111.3's
# public/: pt-br/pfoo/, pt-br/categoria/x/, abs/sec/, pen/)
my $t3 = PageTest->new;
system('cp', '-a', "$FindBin::Bin/site/fixes-ml", $t3->prefix . '/ml') == 0
    or die "cp: $?";
$t3->start('    server { listen 127.0.0.1:%%PORT%%; page_site '
           . $t3->prefix . "/ml; }\n");

for my $f (['/pt-br/pfoo/', 200, "P\n"],
           ['/pt-br/categoria/x/', 200, "TX /pt-br/categoria/x/\n"],
           ['/abs/sec/', 200, "SEC /abs/sec/\n"],
           ['/pen/', 200, "P\n"],
           ['/pfoo/', 404, undef])
{
    my ($path, $status, $body) = @$f;
    my $r = $t3->get($path);
    is($r->{status}, $status, "ml $path answers $status");
    is($r->{body}, $body, "ml $path: hugo's page") if defined $body;
}

done_testing();
