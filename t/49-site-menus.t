#!/usr/bin/perl
# page_site's menus (issue 12): every method of a menu (.ByWeight,
# .ByName, .Limit N, .Reverse) and of a menu entry (.Name, .Identifier,
# .KeyName, .Menu, .URL, .PageRef, .Parent, .Pre, .Post, .Title,
# .Weight, .HasChildren, .Page, .Params, .Children) and the page methods
# .IsMenuCurrent and .HasMenuCurrent, for every entry of every menu, on
# the fixture t/site/menus: configuration menus with nested entries
# (three levels), weights (negative, 0 last), pageRef (found and not),
# params, pre/post, identifier/parent, an unknown parent; front matter
# menus (menu: main, menus: [footer, legal], a map of two menus, a
# duplicate identifier, a draft); sectionPagesMenu; names of one weight
# in compare.Strings order (_under, Apple, Zulu, Éclair, éclat); a url
# "/Contact Us/" urlized.  The expected pages
# are hugo 0.111.3's build, t/site/menus.hugo.txt (see its header for
# the one change to current Hugo).

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;
my $p = $t->prefix;
my $site = "$FindBin::Bin/site/menus";

# a copy whose home page calls .Limit wrongly
system('cp', '-a', $site, "$p/menus") == 0 or die "cp: $?";
$t->write_file("$p/menus/layouts/index.html",
               '{{ range .Site.Menus.main.Limit "2" }}{{ end }}');
$t->write_file("$p/menus/layouts/_default/single.html",
               '{{ range .Site.Menus.main.Limit -1 }}{{ end }}');
$t->write_file("$p/menus/layouts/_default/list.html",
               '{{ range .Site.Menus.footer }}{{ .ConfiguredURL }};{{ end }}|'
               . '{{ range .Site.Menus.main }}{{ .ConfiguredURL }};{{ end }}');

$t->start(<<"CONF");
    server {
        listen 127.0.0.1:%%PORT%%;
        page_site $site;
    }

    server {
        listen 127.0.0.1:%%PORT2%%;
        page_site $p/menus;
    }
CONF

my (%hugo, $path);
open my $fh, '<', "$FindBin::Bin/site/menus.hugo.txt" or die "hugo.txt: $!";
while (my $line = <$fh>) {
    next if !defined $path && $line =~ /^#/;
    if ($line =~ /^== (\S+)$/) {
        $path = $1;
        $hugo{$path} = '';
        next;
    }
    $hugo{$path} .= $line;
}
close $fh;

for my $uri (sort keys %hugo) {
    my $r = $t->get($uri);
    is($r->{status}, 200, "$uri: 200");
    is($r->{body}, $hugo{$uri}, "$uri: hugo's menus");
}

# a page of the site's index that is not in any menu
my $r = $t->get('/blog/');
is($r->{status}, 200, '/blog/: 200');
like($r->{body}, qr/^== sections \(2\)\nThe Blog\|blog\|blog\|sections\|/m,
     '/blog/: the configuration\'s entry for the section stands');

# .ConfiguredURL: the url as configured (urlized), "" for a pageRef or a
# front matter entry (hugo 0.111.3's output)
$r = $t->request(uri => '/docs/', port => $t->port2);
is($r->{body}, "/contact-us/;;;;|/zed/;/;;;https://gohugo.io/;/fallback/;"
               . "/alpha/;/beta/;/beta2/;;", '.ConfiguredURL');

# Limit wants an int, and not a negative one (Go: slice bounds)
$r = $t->request(uri => '/', port => $t->port2);
is($r->{status}, 500, 'Limit "2": 500');
$r = $t->request(uri => '/about/', port => $t->port2);
is($r->{status}, 500, 'Limit -1: 500');
my $log = $t->error_log;
like($log, qr/Limit: wrong type for value; expected int; got string/,
     'Limit "2": hugo\'s wording');
like($log, qr/slice bounds out of range \[:-1\]/, 'Limit -1: hugo\'s wording');

$t->ignore_bad_log(qr/Limit: wrong type|slice bounds out of range/);

done_testing();
