#!/usr/bin/perl
# page_site's pagination: .Paginator and .Paginate on home, section,
# taxonomy and term pages, pagers at /page/N/, Hugo's embedded
# _internal/pagination.html (default and terse), on the fixture
# t/site/pager (8 posts and 4 notes, paginate = 3).  The expected pages
# are hugo 0.111.3's build of the same fixture, t/site/pager.hugo.txt
# (the <main> of each page of `hugo -s t/site/pager -d OUT`).  Hugo
# writes /page/1/ as an alias page with a refresh; the issue asks for a
# 301 to the list, as for other aliases.  A list whose template does not
# paginate (notes) has no pagers in hugo's build: 404 here.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;
my $p = $t->prefix;

system('cp', '-a', "$FindBin::Bin/site/pager", "$p/pager") == 0
    or die "cp: $?";

# pagination.disableAliases and pagination.path (current Hugo's names),
# a site under baseURL's path
system('cp', '-a', "$FindBin::Bin/site/pager", "$p/pager2") == 0
    or die "cp: $?";
$t->write_file("$p/pager2/hugo.toml", <<'TOML');
baseURL = "https://example.org/blog/"
title = "Harbour Log"
disableKinds = ["RSS", "sitemap"]

[pagination]
pagerSize = 5
path = "seite"
disableAliases = true

[taxonomies]
tag = "tags"
TOML

$t->start(<<"CONF");
    page_cache_zone pages 1m;

    server {
        listen 127.0.0.1:%%PORT%%;
        page_site $p/pager;
    }

    server {
        listen 127.0.0.1:%%PORT2%%;
        page_site $p/pager2;
        page_cache pages;
        page_debug on;
    }
CONF

# hugo's pages: path => <main>
my %hugo;
{
    open(my $fh, '<', "$FindBin::Bin/site/pager.hugo.txt") or die $!;
    my $path;
    while (my $line = <$fh>) {
        next if $line =~ /^#/;
        if ($line =~ /^== (\S+)$/) {
            $path = $1;
            $hugo{$path} = '';
            next;
        }
        $hugo{$path} .= $line;
    }
    chomp(%hugo) for values %hugo;
    for (values %hugo) { s/\n\z// }
}

sub main_of {
    my ($body) = @_;
    my ($main) = ($body // '') =~ m{(<main>.*?</main>)}s;
    return $main // '(no main)';
}

for my $path (sort keys %hugo) {
    my $r = $t->get($path);
    is($r->{status}, 200, "$path: 200");
    is(main_of($r->{body}), $hugo{$path}, "$path: hugo's <main>");
}

# pagers hugo does not write: past the last, and of a list that does
# not paginate
for my $path ('/page/5/', '/posts/page/4/', '/tags/tide/page/2/',
              '/archive/page/7/', '/notes/page/2/', '/page/99999999/')
{
    is($t->get($path)->{status}, 404, "$path: no such pager, 404");
}

# /page/1/: hugo's alias of the list (a 301 here), only where it
# paginates
for my $case (['/page/1/', '/'], ['/posts/page/1/', '/posts/'],
              ['/tags/lamp/page/1/', '/tags/lamp/'])
{
    my $r = $t->get($case->[0]);
    is($r->{status}, 301, "$case->[0]: 301");
    like($r->{headers}{location} // '', qr{\Q$case->[1]\E\z},
         "$case->[0]: to $case->[1]");
}
is($t->get('/notes/page/1/')->{status}, 404,
   '/notes/page/1/: a list that does not paginate has no alias');

# pagination.pagerSize, .path, .disableAliases (current Hugo): 12 pages,
# 5 a pager, under /blog/seite/N/, no /blog/seite/1/; a cached pager is
# the same
sub get2 { $t->request(port => $t->port2, uri => $_[0]) }

my $r = get2('/blog/seite/2/');
is($r->{status}, 200, 'pagination.path: /blog/seite/2/');
like(main_of($r->{body}),
     qr{<p>pager 2 of 3: 5 of 12, 5 a pager, at /blog/seite/2/</p>},
     'pagination.pagerSize and .path: pager 2 of 3, under the base path');
like(main_of($r->{body}),
     qr{<a\ href="/blog/seite/3/"\ aria-label="Next"\ class="page-link"
        \ role="button">}x,
     'pagination.path: the links');
my $again = get2('/blog/seite/2/');
is($again->{headers}{'x-page-cache'}, 'HIT', 'page_cache: the pager cached');
is(main_of($again->{body}), main_of($r->{body}),
   'page_cache: the same pager');
like(main_of(get2('/blog/seite/3/')->{body}), qr{<p>pager 3 of 3: 2 of 12},
     'page_cache: another pager, another key');
is(get2('/blog/seite/4/')->{status}, 404,
   'pagination.path: past the last, 404 (with page_cache)');
is(get2('/blog/seite/4/')->{status}, 404,
   'pagination.path: past the last, 404 again');
is(get2('/blog/seite/1/')->{status}, 404,
   'pagination.disableAliases: no /seite/1/');
is(get2('/blog/page/2/')->{status}, 404, 'pagination.path: no /page/2/');
is(get2('/blog/seite/2')->{status}, 301, 'a pager without its "/": 301');

done_testing();
