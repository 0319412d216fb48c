#!/usr/bin/perl

# The page's URI as the templates see it (.RelPermalink) is built from the
# request line; it must be the path, and nothing else, also when the
# arguments were set by rewrite or "set $args" (then r->args no longer
# points into the request line). Needs page_templates (#3): skipped when
# the module does not know the directive.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest qw(:DEFAULT nginx_test);

my ($rc) = nginx_test(
    "page_templates %%PREFIX%%; server { listen 127.0.0.1:%%PORT%%; }");
plan skip_all => 'page_templates is not supported by this build' if $rc;

my $t = PageTest->new;

$t->write_file('a.md', "---\ntitle: URI\n---\n# URI\n");
$t->write_file('/' . $t->prefix . '/layouts/_default/single.html',
               "[{{ .RelPermalink }}]\n");

$t->start(<<'EOF');
    page_templates %%PREFIX%%/layouts;

    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;

        location / {
            page on;
        }

        location /rw/ {
            rewrite ^ /a.md?injected=1 last;
        }

        location /setargs/ {
            set $args "x=1";
            rewrite ^ /a.md last;
        }
    }
EOF

for my $u ('/a.md', '/a.md?q=1', '/rw/x', '/rw/x?orig=2', '/setargs/x',
           '/setargs/x?orig=3')
{
    my $r = $t->request(uri => $u);
    is($r->{status}, 200, "$u: 200");

    my ($link) = $r->{body} =~ /\[(.*?)\]/s;
    $link //= '(none)';
    (my $path = $u) =~ s/\?.*//;

    ok($link eq $path || $link eq '/a.md',
       "$u: .RelPermalink is the path")
        or diag('got: ' . join('', map { /[\x20-\x7e]/ ? $_ : sprintf '\\x%02x', ord }
                                split //, substr($link, 0, 120)));
}

done_testing();
