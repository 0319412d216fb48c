#!/usr/bin/perl

# Directives: every one accepted in http, server and location; bad values
# fail "nginx -t"; settings merge (inner overrides outer).

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest qw(:DEFAULT nginx_test);

my %good = (
    'page'               => 'page on;',
    'page off'           => 'page off;',
    'page_types'         => 'page_types text/markdown text/x-markdown;',
    'page_layout'        => 'page_layout single;',
    'page_param'         => 'page_param author "Jane Doe";',
    'page_param with variables' => 'page_param host $host:$server_port;',
    'page_param twice'   => 'page_param a 1; page_param b "two words";',
    'page_site_title'    => 'page_site_title "My Site";',
    'page_unsafe_html'   => 'page_unsafe_html on;',
    'page_max_size'      => 'page_max_size 512k;',
    'page_last_modified' => 'page_last_modified on;',
    'page_debug'         => 'page_debug off;',
);

sub in_context {
    my ($ctx, $d) = @_;

    return "$d\nserver { listen 127.0.0.1:%%PORT%%; }" if $ctx eq 'http';
    return "server { listen 127.0.0.1:%%PORT%%; $d }" if $ctx eq 'server';
    return "server { listen 127.0.0.1:%%PORT%%; location / { $d } }";
}

for my $name (sort keys %good) {
    for my $ctx (qw(http server location)) {
        my ($rc, $out) = nginx_test(in_context($ctx, $good{$name}));
        is($rc, 0, "$name accepted in $ctx") or diag($out);
    }
}

# all of them at once, at every level
my $all = join ' ', map { $good{$_} } grep { $_ ne 'page off' } sort keys %good;
my ($rc, $out) = nginx_test(
    "$all server { listen 127.0.0.1:%%PORT%%; $all location / { $all } }");
is($rc, 0, 'all directives at all levels together') or diag($out);

my %bad = (
    'page maybe'                => 'page maybe;',
    'page without a value'      => 'page;',
    'page with two values'      => 'page on off;',
    'page twice'                => 'page on; page on;',
    'page_types without types'  => 'page_types;',
    'page_layout without name'  => 'page_layout;',
    'page_layout two names'     => 'page_layout a b;',
    'page_param without value'  => 'page_param name;',
    'page_param without args'   => 'page_param;',
    'page_param unknown variable' => 'page_param x $no_such_variable_here;',
    'page_site_title no value'  => 'page_site_title;',
    'page_unsafe_html 1'        => 'page_unsafe_html 1;',
    'page_max_size lots'        => 'page_max_size lots;',
    'page_max_size no value'    => 'page_max_size;',
    'page_last_modified yes'    => 'page_last_modified yes;',
    'page_debug maybe'          => 'page_debug maybe;',
);

for my $name (sort keys %bad) {
    my ($rc, $out) = nginx_test(in_context('location', $bad{$name}));
    isnt($rc, 0, "nginx -t fails: $name");
    like($out, qr/\[emerg\]/, "$name: an [emerg] message") or diag($out);
}

($rc, $out) = nginx_test('server { listen 127.0.0.1:%%PORT%%; }',
                         main => 'page on;');
isnt($rc, 0, 'page in the main context fails');

# ---- merging at run time

my $t = PageTest->new(types => 'text/markdown md; text/x-mkd mkd;');

my $md = "---\ntitle: Merge\n---\n# Merge\n\n<span>inline html</span> text\n";
for my $d (qw(inherit off on unsafe safe size sizeok types lm lmoff dbg
              dbgoff vars)) {
    $t->write_file("$d/a.md", $md);
    $t->write_file("$d/bad.md", "---\ntitle: [\n---\n");
    $t->write_file("$d/big.md", "# big\n\n" . ('z' x 3000) . "\n");
    $t->write_file("$d/a.mkd", $md);
    $t->set_mtime("$d/a.md", 1700000000);
}

$t->start(<<'EOF');
    page_types text/markdown text/x-mkd;
    page_unsafe_html on;
    page_debug on;

    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;

        page on;
        page_max_size 1k;
        page_last_modified on;
        page_param site_host $host;
        page_site_title "Merge Test";
        page_layout single;

        location /inherit/ { }
        location /off/ { page off; }
        location /unsafe/ { }
        location /safe/ { page_unsafe_html off; }
        location /size/ { }
        location /sizeok/ { page_max_size 8k; }
        location /types/ { page_types text/x-other; }
        location /lm/ { }
        location /lmoff/ { page_last_modified off; }
        location /dbg/ { }
        location /dbgoff/ { page_debug off; }
        location /vars/ { page_param request $request_uri; }
    }
EOF

my $r = $t->request(uri => '/inherit/a.md');
page_ok($r, 'page on at server level reaches the location');

$r = $t->request(uri => '/off/a.md');
raw_ok($r, $md, 'text/markdown', 'page off in the location overrides server');

$r = $t->request(uri => '/unsafe/a.md');
like($r->{body}, qr{<span>inline html</span>},
     'page_unsafe_html on at http level reaches the location');

$r = $t->request(uri => '/safe/a.md');
page_ok($r, 'safe location rendered');
unlike($r->{body}, qr{<span>}, 'page_unsafe_html off in the location overrides');

$r = $t->request(uri => '/size/big.md');
is($r->{status}, 500, 'page_max_size 1k at server level reaches the location');

$r = $t->request(uri => '/sizeok/big.md');
page_ok($r, 'page_max_size 8k in the location overrides');

$r = $t->request(uri => '/inherit/a.mkd');
page_ok($r, 'page_types at http level reaches the location');

$r = $t->request(uri => '/types/a.mkd');
raw_ok($r, $md, 'text/x-mkd', 'page_types in the location overrides');

$r = $t->request(uri => '/lm/a.md');
page_ok($r, 'lm location rendered');
is($r->{headers}{'last-modified'}, 'Tue, 14 Nov 2023 22:13:20 GMT',
   'page_last_modified on at server level reaches the location');

$r = $t->request(uri => '/lmoff/a.md');
page_ok($r, 'lmoff location rendered');
ok(!exists $r->{headers}{'last-modified'},
   'page_last_modified off in the location overrides');

$r = $t->request(uri => '/dbg/bad.md');
is($r->{status}, 500, 'debug at http level: 500');
like($r->{body}, qr/bad\.md:\d+:\d+/, 'page_debug on at http level reaches the location');

$r = $t->request(uri => '/dbgoff/bad.md');
is($r->{status}, 500, 'page_debug off: 500');
unlike($r->{body}, qr/bad\.md/, 'page_debug off in the location overrides');

$r = $t->request(uri => '/vars/a.md');
page_ok($r, 'page_param with variables: the page is rendered');

done_testing();
