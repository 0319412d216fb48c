#!/usr/bin/perl
# page_site: methods of page lists and of other pages, on t/site/methods
# (four posts, three with an `event` date): Pages.Limit, .Next PAGE,
# .Prev PAGE, .ByLanguage, .GroupByParamDate (a page without the param
# grouped under Go's zero time, as hugo does), and on a page reached by
# site.GetPage: .Keywords, .Aliases, .Scratch, .Store, .Eq; and a term's
# weighted pages, whose fields are their pages'.  The expected
# pages are hugo 0.111.3's build of the fixture, kept in
# t/site/methods-hugo/ (`hugo -s t/site/methods -d DIR`,
# public/posts/NAME/index.html), with one difference: in current Hugo
# .Scratch is .Store (hugolib/page__common.go, issue 13016), so
# `.Store.Get "k"` after `.Scratch.Set "k" 3` prints 3 (0.111.3: "").

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;
my $site = "$FindBin::Bin/site/methods";

$t->start(<<"CONF");
    server {
        listen 127.0.0.1:%%PORT%%;
        page_site $site;
    }
CONF

for my $name (qw(one two four)) {
    open my $f, '<', "$FindBin::Bin/site/methods-hugo/$name.html" or die $!;
    my $want = do { local $/; <$f> };
    close $f;

    # CURRENT HUGO: .Store is .Scratch
    $want =~ s/^(one: .*\] 3) ( (?:true|false) )/$1 3$2/m
        or die "the fixture's line changed";

    my $r = $t->get("/posts/$name/");
    is($r->{status}, 200, "$name: 200");
    is($r->{body}, $want, "$name: hugo's page (Store as current Hugo)");
}

# a term's weighted pages are Hugo's WeightedPage, which embeds its page
# (.Title, .RelPermalink, .Date of `range .Site.Taxonomies.tags.lamp`)
open my $h, '<', "$FindBin::Bin/site/methods-hugo/home.html" or die $!;
my $home = do { local $/; <$h> };
close $h;
my $r = $t->get('/');
is($r->{body}, $home, "home: weighted pages' fields are their pages', as hugo");

# .File's names on t/site/filenames, as hugo 0.111.3 builds it:
# ContentBaseName is a bundle's folder ("" for the home page's)
$t->stop;
$t->start(<<"CONF");
    server {
        listen 127.0.0.1:%%PORT%%;
        page_site $FindBin::Bin/site/filenames;
    }
CONF
my %names = ('/' => "[|_index|_index]\n", '/posts/' => "[posts|_index|_index]\n",
             '/posts/bun/' => "[bun|index|index]\n", '/posts/a/' => "[a|a|a]\n");
for my $uri (sort keys %names) {
    is($t->get($uri)->{body}, $names{$uri},
       "$uri: .File.ContentBaseName, BaseFileName, TranslationBaseName");
}

done_testing();
