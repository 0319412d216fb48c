#!/usr/bin/perl
# page_site: which layout a list page gets (home, section, taxonomy,
# term), as hugo 0.111.3 looks them up.  A site with one post tagged "x"
# and a layout file for each of hugo's candidates, each printing its own
# name; the candidates are taken away in steps, and after each step every
# kind's page must name the layout hugo 0.111.3 chose for the same files
# (the expected lines were read off `hugo -d DIR` at each step).

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;
my $site = $t->prefix . '/lk';

my @all = qw(_default/list _default/terms _default/taxonomy _default/term
    _default/tag _default/tag.terms _default/section _default/posts
    _default/index _default/home tags/list tags/terms tags/taxonomy
    tags/term tags/tag tag/list tag/terms taxonomy/list taxonomy/terms
    taxonomy/taxonomy section/list section/section section/posts posts/list
    posts/section posts/posts list home index term/term term/list);

$t->write_file("$site/hugo.toml", "baseURL = 'https://e.org/'\n");
$t->write_file("$site/content/posts/a.md",
               "---\ntitle: A\ntags: [x]\n---\nA\n");
$t->write_file("$site/layouts/_default/single.html", '{{ .Title }}');
$t->write_file("$site/layouts/$_.html", $_) for @all;

# [files taken away before the step, hugo's home, section, taxonomy, term]
my @steps = (
    [[], qw(index posts/posts tags/terms tags/term)],
    [[qw(index tags/terms tags/term posts/posts)],
     qw(home posts/section tags/taxonomy tags/tag)],
    [[qw(home tags/taxonomy tags/tag posts/section)],
     qw(list posts/list tags/list tags/list)],
    [[qw(list tags/list posts/list tag/terms)],
     qw(_default/index section/posts tag/list term/term)],
    [[qw(tag/list taxonomy/terms section/posts term/term)],
     qw(_default/index section/section taxonomy/taxonomy term/list)],
    [[qw(term/list)],
     qw(_default/index section/section taxonomy/taxonomy taxonomy/taxonomy)],
    [[qw(taxonomy/taxonomy taxonomy/list section/section section/list
         _default/index)],
     qw(_default/home _default/posts _default/tag.terms _default/term)],
    [[qw(_default/tag.terms _default/home _default/posts _default/term
         _default/tag)],
     qw(_default/list _default/section _default/terms _default/taxonomy)],
    [[qw(_default/terms _default/section _default/taxonomy)],
     qw(_default/list _default/list _default/list _default/list)],
);

my $conf = <<"CONF";
    server {
        listen 127.0.0.1:%%PORT%%;
        page_site $site;
    }
CONF

my $n = 0;
for my $step (@steps) {
    my ($gone, @want) = @$step;
    unlink "$site/layouts/$_.html" for @$gone;
    $n++;
    # templates are read when nginx reads its configuration
    $n == 1 ? $t->start($conf) : $t->restart;

    my @got = map { $t->get($_)->{body} } '/', '/posts/', '/tags/', '/tags/x/';
    is("@got", "@want", "step $n: home, section, taxonomy, term layouts");
}

done_testing();
