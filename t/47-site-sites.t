#!/usr/bin/perl
# page_site: .Site's methods about the site itself, on t/site/sites (two
# languages, fr lighter than the default en): .Sites (by weight) with
# each language's title, language, prefix, home and params, site.Param
# with a dotted key and a language's own param, .Site.Config's Services
# and Privacy, .Site.Languages, BuildDrafts, Copyright, LanguagePrefix.
# Each expected page is hugo 0.111.3's build of the same site (`hugo -s
# t/site/sites -d DIR`: public/posts/tide/ and public/fr/posts/tide/).
# Then what only current Hugo has (site.MainSections, site.IsDefault,
# site.Store), against its documentation, on a copy with one more line.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;
my $site = "$FindBin::Bin/site/sites";

$t->start(<<"CONF");
    server {
        listen 127.0.0.1:%%PORT%%;
        page_site $site;
    }
CONF

my $sites = "sites: [Deux rives|fr|Français|/fr|/fr/|Accueil|Bonjour|1]"
    . "[Two shores|en|English||/|Home||1]\n";
my %want = (
    '/posts/tide/' => "Tide\n$sites"
        . "param: site nested  [posts]\n"
        . "main: [posts]\n"
        . "config: 5 true \n"
        . "languages: fr;en;\n"
        . "drafts: false Keepers \n",
    '/fr/posts/tide/' => "Marée\n$sites"
        . "param: site nested Bonjour [posts]\n"
        . "main: [posts]\n"
        . "config: 5 true \n"
        . "languages: fr;en;\n"
        . "drafts: false Keepers /fr\n",
);

for my $uri (sort keys %want) {
    my $r = $t->get($uri);
    is($r->{status}, 200, "$uri: 200");
    is($r->{body}, $want{$uri}, "$uri: hugo's page");
}

# current Hugo only (0.111.3 has none of them): site.MainSections is
# params.mainSections (docs: methods/site/MainSections), site.IsDefault
# whether the site is the default language's (methods/site/IsDefault),
# site.Store a scratch (methods/site/Store)
my $copy = $t->prefix . '/sites';
system('cp', '-a', $site, $copy) == 0 or die "cp: $?";
$t->write_file("$copy/layouts/_default/single.html",
               '{{ site.MainSections }} {{ site.IsDefault }} '
               . '{{ range .Sites }}{{ .IsDefault }};{{ end }} '
               . '{{ site.Store.Set "k" "v" }}{{ site.Store.Get "k" }}');
$t->stop;
$t->start(<<"CONF");
    server {
        listen 127.0.0.1:%%PORT%%;
        page_site $copy;
    }
CONF

my $r = $t->get('/posts/tide/');
is($r->{body}, '[posts] true false;true; v', 'en: current Hugo\'s methods');
$r = $t->get('/fr/posts/tide/');
is($r->{body}, '[posts] false false;true; v', 'fr: current Hugo\'s methods');

# pages: .Path (current Hugo's logical path; 0.111.3 gave the file's
# path), .IsBranch (current Hugo only), .Slug (the front matter's: ""
# for tide), .RegularPagesRecursive: hugo 0.111.3 gives the section's
# pages (Deep is under posts/deep/ without an _index.md: not a section)
# and, for home, none — current Hugo's documentation (methods/page/
# RegularPagesRecursive) gives every regular page, as we do.
$t->write_file("$copy/content/en/posts/deep/sunk.md",
               "---\ntitle: Deep\ndate: 2024-03-01\n---\nx\n");
$t->write_file("$copy/content/en/posts/Big Bundle/index.md",
               "---\ntitle: Big\ndate: 2024-02-01\nslug: big-one\n---\nx\n");
$t->write_file("$copy/layouts/_default/single.html",
               '{{ .Title }} {{ .Path }} {{ .IsBranch }} [{{ .Slug }}] '
               . '{{ len .RegularPagesRecursive }}');
$t->write_file("$copy/layouts/_default/list.html",
               '{{ .Title }} {{ .Path }} {{ .IsBranch }} rec: '
               . '{{ range .RegularPagesRecursive }}{{ .Title }};{{ end }} '
               . 'reg: {{ range .RegularPages }}{{ .Title }};{{ end }}');
$t->stop;
$t->start(<<"CONF");
    server {
        listen 127.0.0.1:%%PORT%%;
        page_site $copy;
    }
CONF

my %pages = (
    '/' => 'Home / true rec: Deep;Big;Tide; reg: ',
    '/posts/' => 'Posts /posts true rec: Deep;Big;Tide; reg: Deep;Big;Tide;',
    '/posts/tide/' => 'Tide /posts/tide false [] 0',
    '/posts/big-one/' => 'Big /posts/big-bundle false [big-one] 0',
    '/posts/deep/sunk/' => 'Deep /posts/deep/sunk false [] 0',
    '/fr/posts/tide/' => 'Marée /posts/tide false [] 0',
    '/tags/' => 'Tags /tags true rec:  reg: ',
);

for my $uri (sort keys %pages) {
    $r = $t->get($uri);
    is($r->{body}, $pages{$uri}, "$uri: Path, IsBranch, Slug, recursive");
}

done_testing();
