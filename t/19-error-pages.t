#!/usr/bin/perl

# Markdown error pages: a response that nginx produces through error_page
# to a Markdown URI is rendered and keeps its status (404, 410, 500, 503,
# also after an upstream's error with proxy_intercept_errors, and for a
# page that itself fails to render); an upstream's own Markdown error
# body is rendered too, never sent raw.  Statuses without a body (204,
# 304) pass; a 206 of Markdown is a 502 (t/03-ranges.t).

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;

for my $code (404, 410, 500, 503) {
    $t->write_file("errors/$code.md",
                   "---\ntitle: Error $code\n---\n# Error page $code\n\n"
                   . "Something *went* wrong.\n");
}

$t->write_file('site/ok.md', "---\ntitle: Fine\n---\n# Fine\n");
$t->write_file('site/broken.md', "---\ntitle: [unclosed\n---\n# x\n");

$t->upstream(sub {
    my ($req) = @_;
    my $u = $req->{uri};
    my @md = ('Content-Type' => 'text/markdown');

    return { status => 503, body => "# Upstream Down\n\nSECRET-503\n",
             headers => \@md }
        if $u eq '/down.md';
    return { status => 404, body => "# Upstream Missing\n", headers => \@md }
        if $u eq '/missing.md';
    return { status => 204, body => '', headers => \@md } if $u eq '/empty.md';

    return { status => 500, body => "no such test: $u\n" };
});

$t->start(<<'EOF');
    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;

        page on;

        error_page 404 /errors/404.md;
        error_page 410 /errors/410.md;
        error_page 500 /errors/500.md;
        error_page 503 /errors/503.md;

        location /site/ {
        }

        location = /gone {
            return 410;
        }

        location = /unavailable {
            return 503;
        }

        location /errors/ {
            internal;
        }

        location /up/ {
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
            proxy_intercept_errors off;
        }

        location /intercept/ {
            proxy_pass http://127.0.0.1:%%UPSTREAM_PORT%%/;
            proxy_intercept_errors on;
        }
    }
EOF

sub error_page_ok {
    my ($uri, $code, $name) = @_;

    my $r = $t->request(uri => $uri);
    is($r->{status}, $code, "$name: status $code kept");
    is($r->{headers}{'content-type'}, 'text/html; charset=utf-8',
       "$name: text/html");
    is($r->{headers}{'content-length'}, length $r->{body},
       "$name: exact Content-Length");
    like($r->{body}, qr{^<!DOCTYPE html>}i, "$name: a whole page");
    like($r->{body}, qr{<h1\b[^>]*>Error page $code</h1>},
         "$name: the rendered error page");
    like($r->{body}, qr{<em>went</em>}, "$name: its Markdown rendered");

    my $h = $t->request(uri => $uri, method => 'HEAD');
    same_headers($h, $r, "$name: HEAD gets GET's headers");

    return $r;
}

error_page_ok('/site/missing.md', 404, 'error_page 404 /errors/404.md');
error_page_ok('/nowhere', 404, 'error_page 404 for a URI without .md');
error_page_ok('/gone', 410, 'error_page 410');
error_page_ok('/unavailable', 503, 'error_page 503');
error_page_ok('/site/broken.md', 500,
              'a page that fails to render, error_page 500');
error_page_ok('/intercept/missing.md', 404,
              'proxy_intercept_errors: the upstream 404');

# an upstream's own Markdown error body is rendered, keeping its status
my $r = $t->request(uri => '/up/down.md');
is($r->{status}, 503, 'upstream 503 in Markdown: 503');
like($r->{body}, qr{<h1\b[^>]*>Upstream Down</h1>},
     'upstream 503: its Markdown rendered');
is($r->{headers}{'content-type'}, 'text/html; charset=utf-8',
   'upstream 503: text/html');

# no body: nothing to render
$r = $t->request(uri => '/up/empty.md');
is($r->{status}, 204, 'upstream 204: passes');
is($r->{body}, '', 'upstream 204: no body');

page_ok(scalar $t->request(uri => '/site/ok.md'), 'an ordinary page still 200');

$t->ignore_bad_log(qr/no such test/);

done_testing();
