#!/usr/bin/perl

# Nothing grows across requests: after a warm-up, hundreds more renders
# (good pages, content errors, too-large bodies, proxied pages) leave the
# worker's resident size about where it was. A leak of a page-sized
# allocation per request shows up as many megabytes.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

plan skip_all => 'needs /proc' unless -r "/proc/self/status";

my $t = PageTest->new;

# about 60 KB of Markdown with every extension in use
my $page = "---\ntitle: Memory\nsummary: leak check\ntags: [a, b, c]\n"
         . "nested: {x: {y: [1, 2, {z: 3}]}}\n---\n";
for my $i (1 .. 150) {
    $page .= "## Section $i\n\nText with *emphasis*, **strong**, `code`, "
           . "~~strike~~ and a note.[^n$i] See www.example.com/$i.\n\n"
           . "| a | b |\n|---|---|\n| $i | x |\n\n- [x] done $i\n- [ ] todo\n\n"
           . "[^n$i]: Footnote $i.\n\n<div>raw $i</div>\n\n";
}

$t->write_file('page.md', $page);
$t->write_file('invalid.md', "---\ntitle: [\n---\n" . ("x\n" x 1000));
$t->write_file('alias.md', "---\na: &x [1, 2, 3]\nb: *x\n---\n" . ("y\n" x 1000));
$t->write_file('nest.md', "---\nx: " . ('[' x 5000) . "\n---\n");
$t->write_file('big/too.md', $page);

$t->upstream(sub {
    return { body => $page, framing => 'chunked', chunk => 3000,
             headers => ['Content-Type' => 'text/markdown'] };
});

$t->start(<<'EOF');
    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;

        location / {
            page on;
        }

        location /big/ {
            page on;
            page_max_size 16k;
        }

        location /up/ {
            page on;
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
            proxy_http_version 1.1;
        }
    }
EOF

sub worker_pid {
    my $master = $t->{pid};

    for my $stat (glob '/proc/[0-9]*/stat') {
        open my $fh, '<', $stat or next;
        my $line = <$fh> // '';
        close $fh;
        my ($pid, $ppid) = $line =~ /^(\d+) \(.*\) \S+ (\d+)/s or next;
        return $pid if $ppid == $master;
    }

    return;
}

sub rss_kb {
    my ($pid) = @_;

    open my $fh, '<', "/proc/$pid/status" or return;
    while (<$fh>) {
        return $1 if /^VmRSS:\s+(\d+)\s+kB/;
    }

    return;
}

my $rendered = $t->request(uri => '/page.md');
page_ok($rendered, 'the page renders');

my $fails = 0;

sub round {
    my ($n) = @_;

    for (1 .. $n) {
        my @r = $t->keepalive_requests(({ uri => '/page.md' }) x 3,
                                       { uri => '/up/page.md' });
        $fails += grep { $_->{status} != 200 } @r;

        for my $u ('/invalid.md', '/alias.md', '/nest.md', '/big/too.md') {
            $fails++ if $t->request(uri => $u)->{status} != 500;
        }
    }
}

my $worker = worker_pid();
ok($worker, 'found the worker process');

SKIP: {
    skip 'no worker pid', 4 unless $worker;

    round(20);
    my $before = rss_kb($worker);

    round(60);
    my $after = rss_kb($worker);

    is(worker_pid(), $worker, 'the same worker served every request');
    is($fails, 0, 'every request got the expected status');
    ok(defined $before && defined $after, 'read the resident size');

    my $growth = ($after // 0) - ($before // 0);
    ok($growth < 4096,
       "540 more requests: resident size grew by less than 4 MB")
        or diag("grew by $growth kB ($before kB -> $after kB)");
    note("worker RSS $before kB -> $after kB");
}

done_testing();
