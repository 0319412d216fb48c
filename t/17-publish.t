#!/usr/bin/perl

# Drafts, scheduled and expired pages are not published, as Hugo builds
# a site by default: a draft, a page whose publishDate (or date, when it
# has none; or its aliases pubdate, published) is in the future, and a
# page whose expiryDate (or unpublishdate) has passed answer 404 through
# nginx's normal 404 path (error_page applies), with a debug-level log
# line saying why.  page_drafts, page_future and page_expired publish
# them.  With page_cache, a page becomes visible at its publishDate and
# disappears at its expiryDate.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;
use POSIX qw(strftime);

my $t = PageTest->new(log_level => 'debug');

sub iso { strftime('%Y-%m-%dT%H:%M:%SZ', gmtime($_[0])) }

my $now = time;
my $past = iso($now - 86400 * 30);
my $future = iso($now + 86400 * 365);

my %pages = (
    'plain.md'      => "title: Plain",
    'draft.md'      => "title: Draft\ndraft: true",
    'draftstr.md'   => "title: Draft String\ndraft: \"true\"",
    'notdraft.md'   => "title: Not Draft\ndraft: false",
    'future.md'     => "title: Future\npublishDate: $future",
    'futuredate.md' => "title: Future Date\ndate: $future",
    'pubdate.md'    => "title: Pubdate\npubdate: $future",
    'pastpub.md'    => "title: Past\ndate: $future\npublishDate: $past",
    'expired.md'    => "title: Expired\nexpiryDate: $past",
    'unpub.md'      => "title: Unpublished\nunpublishdate: $past",
    'notexp.md'     => "title: Not Expired\nexpiryDate: $future",
);

for my $dir (qw(def drafts future expired errpage)) {
    for my $f (keys %pages) {
        $t->write_file("$dir/$f", "---\n$pages{$f}\n---\n# Body of $f\n");
    }
}

$t->write_file('errpage/404.md', "---\ntitle: Not Here\n---\n# Nothing here\n");

$t->start(<<'EOF');
    page_cache_zone pages 1m;

    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;

        page on;

        location /def/ {
        }

        location /drafts/ {
            page_drafts on;
        }

        location /future/ {
            page_future on;
        }

        location /expired/ {
            page_expired on;
        }

        location /errpage/ {
            error_page 404 /errpage/404.md;
        }

        location /cached/ {
            page_cache pages;
            page_debug on;
        }
    }
EOF

my %hidden_by_default = map { $_ => 1 }
    qw(draft.md draftstr.md future.md futuredate.md pubdate.md expired.md
       unpub.md);

my %why = (
    'draft.md' => 'a draft', 'draftstr.md' => 'a draft',
    'future.md' => 'publishDate', 'futuredate.md' => 'publishDate',
    'pubdate.md' => 'publishDate', 'expired.md' => 'expired',
    'unpub.md' => 'expired',
);

my $r;

for my $f (sort keys %pages) {
    my $mark = $t->log_mark;
    $r = $t->request(uri => "/def/$f");

    if ($hidden_by_default{$f}) {
        is($r->{status}, 404, "$f: 404 by default");
        unlike($r->{body}, qr/Body of/, "$f: nothing of the page");
        $t->log_like(qr/\[debug\][^\n]*page: [^\n]*\Q$f\E: not published: [^\n]*\Q$why{$f}\E/,
                     "$f: a debug line saying why", $mark);

        my $h = $t->request(uri => "/def/$f", method => 'HEAD');
        is($h->{status}, 404, "$f: HEAD 404");
    } else {
        page_ok($r, "$f: published");
    }
}

# each switch publishes its kind, and only that
my %switch = (drafts => [qw(draft.md draftstr.md)],
              future => [qw(future.md futuredate.md pubdate.md)],
              expired => [qw(expired.md unpub.md)]);

for my $dir (sort keys %switch) {
    my %on = map { $_ => 1 } @{ $switch{$dir} };

    for my $f (sort keys %hidden_by_default) {
        $r = $t->request(uri => "/$dir/$f");
        if ($on{$f}) {
            page_ok($r, "page_$dir on: $f published");
            like($r->{body}, qr/Body of \Q$f\E/, "page_$dir on: $f: its body");
        } else {
            is($r->{status}, 404, "page_$dir on: $f still 404");
        }
    }
}

# error_page 404 applies to an unpublished page
$r = $t->request(uri => '/errpage/draft.md');
is($r->{status}, 404, 'error_page 404: a draft gets 404');
like($r->{body}, qr{<h1\b[^>]*>Nothing here</h1>},
     'error_page 404: the rendered 404.md');
unlike($r->{body}, qr/Body of/, 'error_page 404: nothing of the draft');

# ---- page_cache: visible at publishDate, gone at expiryDate

my $soon = time + 3;
$t->write_file('cached/soon.md',
               "---\ntitle: Soon\npublishDate: " . iso($soon) . "\n---\n# Soon\n");
$t->write_file('cached/ending.md',
               "---\ntitle: Ending\nexpiryDate: " . iso($soon) . "\n---\n# Ending\n");
# old enough that the cache keys the files on their validators
$t->set_mtime("cached/$_", time - 60) for qw(soon.md ending.md);

is($t->request(uri => '/cached/soon.md')->{status}, 404,
   'cached location: a page before its publishDate: 404');
page_ok(scalar $t->request(uri => '/cached/ending.md'),
        'cached location: a page before its expiryDate: published');
$r = $t->request(uri => '/cached/ending.md');
page_ok($r, 'cached location: again');
is($r->{headers}{'x-page-cache'}, 'HIT', 'cached location: from the cache');

sleep 0.2 while time <= $soon + 1;

page_ok(scalar $t->request(uri => '/cached/soon.md'),
        'cached location: after its publishDate: published');
is($t->request(uri => '/cached/ending.md')->{status}, 404,
   'cached location: after its expiryDate: 404, not the cached page');

done_testing();
