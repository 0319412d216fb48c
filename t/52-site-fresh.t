#!/usr/bin/perl
# page_site: adding, removing and renaming pages updates lists, menus,
# taxonomies and feeds, and the old and new URLs, on the next request
# (page_site_check 0) and within page_site_check (1 s, the default).  A
# copy of t/site/fresh (two posts; home prints .Site.RegularPages, the
# main menu from front matter and the tag counts).  The first expected
# pages are hugo 0.111.3's build of the fixture; after each change the
# expected lists are hugo's build of the changed fixture (checked by
# building each state with hugo: the same lists, newest first).

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;
use Time::HiRes qw(sleep time);

my $t = PageTest->new;
my $p = $t->prefix;

system('cp', '-a', "$FindBin::Bin/site/fresh", "$p/fresh") == 0
    or die "cp: $?";

$t->start(<<"CONF");
    server {
        listen 127.0.0.1:%%PORT%%;
        page_site $p/fresh;
        page_site_check 0;
    }

    server {
        listen 127.0.0.1:%%PORT2%%;
        page_site $p/fresh;
    }
CONF

sub home { $t->get('/')->{body} }

is(home(), "home: Beta Alpha\nmenu: Alpha\ntags: sea=2 wind=1\n",
   "home: hugo's lists");
is($t->get('/tags/sea/')->{body}, "list sea: Beta Alpha\n", "term: hugo's");

# ---- add
$t->write_file("$p/fresh/content/posts/gamma.md",
               "---\ntitle: Gamma\ndate: 2024-01-03\ntags: [wind]\n"
               . "menu: main\n---\nG.\n");
is(home(), "home: Gamma Beta Alpha\nmenu: Alpha Gamma\n"
           . "tags: sea=2 wind=2\n", 'added: in the list, menu, tags');
is($t->get('/posts/gamma/')->{body}, "page: Gamma\n", 'added: its URL');
like($t->get('/index.xml')->{body}, qr{<title>Gamma</title>},
     'added: in the feed');

# ---- remove
unlink "$p/fresh/content/posts/alpha.md" or die;
is(home(), "home: Gamma Beta\nmenu: Gamma\ntags: sea=1 wind=2\n",
   'removed: out of the list, menu, tags');
is($t->get('/posts/alpha/')->{status}, 404, 'removed: its URL is 404');
is($t->get('/tags/sea/')->{body}, "list sea: Beta\n", 'removed: its term');
unlike($t->get('/index.xml')->{body}, qr{<title>Alpha</title>},
       'removed: out of the feed');

# ---- rename
rename "$p/fresh/content/posts/beta.md", "$p/fresh/content/posts/delta.md"
    or die;
is($t->get('/posts/beta/')->{status}, 404, 'renamed: the old URL is 404');
is($t->get('/posts/delta/')->{body}, "page: Beta\n", 'renamed: the new URL');
is(home(), "home: Gamma Beta\nmenu: Gamma\ntags: sea=1 wind=2\n",
   'renamed: the lists');

# ---- within page_site_check (1 s) on the other server
my $mark = home();
$t->write_file("$p/fresh/content/posts/omega.md",
               "---\ntitle: Omega\ndate: 2024-01-09\n---\nO.\n");
my $t0 = time;
my $body;
while (time - $t0 < 5) {
    $body = $t->request(uri => '/', port => $t->port2)->{body};
    last if $body =~ /Omega/;
    sleep 0.1;
}
like($body, qr/^home: Omega Gamma Beta$/m, 'page_site_check 1s: added');
cmp_ok(time - $t0, '<', 2.5, 'page_site_check 1s: within the bound');

done_testing();
