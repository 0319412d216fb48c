#!/usr/bin/perl
# page_site: related content (.Related, .RelatedIndices, .RelatedTo) on
# t/site/related, with Hugo's default related configuration (keywords
# 100, date 10, tags 80; threshold 80; newer pages left out) and, in the
# environment "custom" (config/custom/hugo.toml), one of the site's own
# (threshold 0, includeNewer, toLower, a date pattern "2006-01").  Each
# expected page is hugo 0.111.3's build of the same site
# (`hugo -s t/site/related -d DIR` and `... -e custom -d DIR`): the
# single layout prints the titles each call gives, in order.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;
my $site = "$FindBin::Bin/site/related";

$t->start(<<"CONF");
    server {
        listen 127.0.0.1:%%PORT%%;
        page_site $site;
    }

    server {
        listen 127.0.0.1:%%PORT2%%;
        page_site $site;
        page_site_environment custom;
    }
CONF

# hugo's public/posts/NAME/index.html, default and custom
my %want = (
    lamp => ["Lamp: Lens;No date;Keeper;Fog;\n"
             . "tags: No date;Fog;Lens;\n"
             . "to: Newer;Lamp;No date;Fog;Lens;\n"
             . "dict: Keeper;Lens;\n",
             "Lamp: Newer;Lens;Keeper;No date;Fog;Upper;\n"
             . "tags: Newer;No date;Fog;Lens;Upper;\n"
             . "to: Newer;Lamp;No date;Fog;Lens;Upper;\n"
             . "dict: Newer;Keeper;Lens;\n"],
    fog => ["Fog: No date;\n"
            . "tags: No date;\n"
            . "to: Newer;Lamp;No date;Fog;Lens;\n"
            . "dict: \n",
            "Fog: Newer;Lamp;No date;\n"
            . "tags: Newer;Lamp;No date;\n"
            . "to: Newer;Lamp;No date;Fog;Lens;Upper;\n"
            . "dict: \n"],
    keeper => ["Keeper: Lens;\n"
               . "tags: \n"
               . "to: Newer;Lamp;No date;Fog;Lens;\n"
               . "dict: Lens;\n",
               "Keeper: Newer;Lamp;Lens;\n"
               . "tags: \n"
               . "to: Newer;Lamp;No date;Fog;Lens;Upper;\n"
               . "dict: Newer;Lamp;Lens;\n"],
    lens => ["Lens: No date;\n"
             . "tags: No date;\n"
             . "to: Newer;Lamp;No date;Fog;Lens;\n"
             . "dict: \n",
             "Lens: Newer;Lamp;Keeper;Upper;No date;\n"
             . "tags: Newer;Lamp;Upper;No date;\n"
             . "to: Newer;Lamp;No date;Fog;Lens;Upper;\n"
             . "dict: Newer;Lamp;Keeper;\n"],
    newer => ["Newer: Lamp;Lens;No date;Keeper;Fog;\n"
              . "tags: Lamp;No date;Fog;Lens;\n"
              . "to: Newer;Lamp;No date;Fog;Lens;\n"
              . "dict: Lamp;Keeper;Lens;\n",
              "Newer: Lamp;Lens;Keeper;No date;Fog;Upper;\n"
              . "tags: Lamp;No date;Fog;Lens;Upper;\n"
              . "to: Newer;Lamp;No date;Fog;Lens;Upper;\n"
              . "dict: Lamp;Keeper;Lens;\n"],
    oldyear => ["Old year: \n"
                . "tags: \n"
                . "to: Newer;Lamp;No date;Fog;Lens;\n"
                . "dict: \n",
                "Old year: \n"
                . "tags: \n"
                . "to: Newer;Lamp;No date;Fog;Lens;Upper;\n"
                . "dict: \n"],
    nodate => ["No date: Newer;Lamp;Fog;Lens;\n"
               . "tags: Newer;Lamp;Fog;Lens;\n"
               . "to: Newer;Lamp;No date;Fog;Lens;\n"
               . "dict: \n",
               "No date: Newer;Lamp;Fog;Lens;Upper;\n"
               . "tags: Newer;Lamp;Fog;Lens;Upper;\n"
               . "to: Newer;Lamp;No date;Fog;Lens;Upper;\n"
               . "dict: \n"],
    upper => ["Upper: \n"
              . "tags: \n"
              . "to: Newer;Lamp;No date;Fog;Lens;\n"
              . "dict: \n",
              "Upper: Newer;Lamp;Lens;No date;\n"
              . "tags: Newer;Lamp;Lens;No date;\n"
              . "to: Newer;Lamp;No date;Fog;Lens;Upper;\n"
              . "dict: \n"],
);

for my $name (sort keys %want) {
    my $r = $t->get("/posts/$name/");
    is($r->{status}, 200, "$name: 200");
    is($r->{body}, $want{$name}[0], "$name: hugo's related pages");

    $r = $t->request(uri => "/posts/$name/", port => $t->port2);
    is($r->{status}, 200, "$name (custom): 200");
    is($r->{body}, $want{$name}[1],
       "$name (custom): hugo's related pages with the site's config");
}

# an index the configuration does not have fails the page, as hugo's
# build fails ("index \"nosuch\" not found"): a 500 and one log line
my $copy = $t->prefix . '/related';
system('cp', '-a', $site, $copy) == 0 or die "cp: $?";
$t->write_file("$copy/layouts/posts/single.html",
               '{{ range .Site.RegularPages.RelatedIndices . "nosuch" }}'
               . '{{ end }}');
$t->write_file("$copy/hugo.toml", "baseURL = 'https://example.org/'\n");
$t->stop;
$t->start(<<"CONF");
    server {
        listen 127.0.0.1:%%PORT%%;
        page_site $copy;
    }
CONF
my $mark = $t->log_mark;
my $r = $t->get('/posts/lamp/');
is($r->{status}, 500, 'an unknown index: 500');
$t->log_like(qr/page: .*single\.html:1:\d+: .*index "nosuch" not found/,
             'an unknown index: file:line:col and hugo\'s words', $mark);
$t->ignore_bad_log(qr/index "nosuch" not found/);

done_testing();
