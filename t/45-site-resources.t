#!/usr/bin/perl
# page_site: page bundles' resources and published assets (t/site/res,
# copied so that the test can edit it).  The expected values are hugo
# 0.111.3's build of the same site (`hugo -s t/site/res -d DIR`): the
# <main> its layouts print (.Resources of a leaf and a branch bundle,
# with front matter `resources` metadata, Get/GetMatch/Match/ByType,
# media types, params; other pages' .Resources), and the files of its
# public/: every one is served with its bytes, and what hugo does not
# publish is 404.  Published assets (resources.Get | minify |
# fingerprint, FromString) are written under page_site_publish and
# served from there by any worker, a fresh one after a restart too.
#
# Known differences, as the README says: a leaf bundle's content files
# (hugo's "page" resources, other.md here) are not among .Resources;
# minify keeps the bytes (no minifier library in Debian), so the
# minified stylesheet's digest is that of the unminified file.

use strict;
use warnings;

use Digest::SHA qw(sha256_hex);
use File::Path qw(remove_tree);
use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new(types => "text/html html;\n"
                               . "        text/css css;\n"
                               . "        text/plain txt;\n"
                               . "        application/javascript js;\n"
                               . "        image/png png;\n"
                               . "        image/jpeg jpg;\n"
                               . "        application/pdf pdf;");
my $p = $t->prefix;

system('cp', '-a', "$FindBin::Bin/site/res", "$p/res") == 0
    or die "cp: $?";
system('cp', '-a', "$FindBin::Bin/site/res", "$p/res2") == 0
    or die "cp: $?";

# the second site lives under baseURL's path, /blog/
$t->write_file("$p/res2/hugo.toml",
               read_file("$p/res2/hugo.toml")
               =~ s{"https://example.org/"}{"https://example.org/blog/"}r);

$t->start(<<"CONF");
    server {
        listen 127.0.0.1:%%PORT%%;
        page_site $p/res;
        page_site_check 0;
    }

    server {
        listen 127.0.0.1:%%PORT2%%;
        page_site $p/res2;
        page_site_publish $p/pub;
    }
CONF

sub read_file {
    my ($f) = @_;
    open my $fh, '<:raw', $f or die "$f: $!";
    local $/;
    return scalar <$fh>;
}

sub main_of {
    my ($body) = @_;
    return $body =~ m{(<main>.*?</main>)}s ? $1 : '(no main)';
}

my $css = read_file("$p/res/assets/css/main.css");
my $min = '/css/main.min.' . sha256_hex($css) . '.css';

# ---- .Resources of a leaf bundle (hugo's public/p/the-trip/index.html)

my $trip = <<'HUGO';
<main>
R|data.txt|data.txt|/p/the-trip/data.txt|https://example.org/p/the-trip/data.txt|text/plain|text|plain|[txt]|text|map[kind:note]|map[]
R|images/c.jpg|images/c.jpg|/p/the-trip/images/c.jpg|https://example.org/p/the-trip/images/c.jpg|image/jpeg|image|jpeg|[jpg jpeg jpe jif jfif]|image|map[]|map[]
R|notes/Readme.TXT|notes/Readme.TXT|/p/the-trip/notes/Readme.TXT|https://example.org/p/the-trip/notes/Readme.TXT|text/plain|text|plain|[txt]|text|map[kind:note]|map[]
R|shot-1|Shot #1|/p/the-trip/images/a.png|https://example.org/p/the-trip/images/a.png|image/png|image|png|[png]|image|map[credit:Ann]|map[]
R|shot-2|Shot #2|/p/the-trip/images/b.png|https://example.org/p/the-trip/images/b.png|image/png|image|png|[png]|image|map[credit:Ann extra:7]|map[]
R|other.md|Other in bundle|||application/octet-stream|application|octet-stream|[]|page|map[draft:false iscjklanguage:false title:Other in bundle]|map[]

GET  / shot-1 / images/c.jpg
GM  / images/c.jpg
M data.txt,notes/Readme.TXT, / shot-1,shot-2, / data.txt,shot-1,shot-2,other.md,
BT images/c.jpg,shot-1,shot-2, / data.txt,notes/Readme.TXT,
C data text

P note Ann 7
CSS /css/main.min.15c42ab7768d955ec0667195e339104557827893b16cc3e7412c76e7c2fcd371.css sha256-FcQqt3aNlV7AZnGV4zkQRVeCeJOxbMPnQSx258L803E=
CSS2 /css/main.a4197ed8dcb93d681801318bd25a41ed.css
CSS3 /css/main.min.css
JS /js/gen.js
FP /p/the-trip/data.7b579ff8885f199414842e3efbfd4738.txt
</main>
HUGO
chomp $trip;

# the known differences: no "page" resource, the unminified digest
(my $want = $trip) =~ s/^R\|other\.md\|.*\n//m;
$want =~ s/,other\.md,$/,/m;
$want =~ s{^CSS /css/main\.min\.\w+\.css \S+$}{CSS $min INTEGRITY}m;

my $r = $t->get('/p/the-trip/');
is($r->{status}, 200, 'a leaf bundle with a slug and permalinks: 200');
(my $got = main_of($r->{body})) =~ s{^(CSS \S+) sha256-\S+$}{$1 INTEGRITY}m;
is($got, $want, "a leaf bundle's .Resources: hugo's names, titles, URLs, "
   . "media types, params, Get/GetMatch/Match/ByType");

# ---- a branch bundle, the home, other pages' .Resources

my $home = <<'HUGO';
<main>
R|logo.txt|logo.txt|/logo.txt|text

PG N1: 
PG Sub: /custom/sub/file.css,
PG Trip: /p/the-trip/data.txt,/p/the-trip/images/c.jpg,/p/the-trip/notes/Readme.TXT,/p/the-trip/images/a.png,/p/the-trip/images/b.png,,

DOCS: guide.pdf,
NOTES: 
</main>
HUGO
chomp $home;
$home =~ s/,,$/,/m;         # other.md's empty RelPermalink

is(main_of($t->get('/')->{body}), $home,
   "the home's own files; other pages' .Resources through lists and "
   . "GetPage; a section without _index.md has none");

(my $docs = $home) =~ s{R\|logo\.txt\|logo\.txt\|/logo\.txt\|text}
                       {R|guide.pdf|guide.pdf|/docs/guide.pdf|application};
is(main_of($t->get('/docs/')->{body}), $docs,
   "a branch bundle: the files of its own directory only");

# ---- the files of hugo's public/, with their bytes

my %files = (
    '/p/the-trip/data.txt'          => 'content/posts/trip/data.txt',
    '/p/the-trip/images/a.png'      => 'content/posts/trip/images/a.png',
    '/p/the-trip/images/b.png'      => 'content/posts/trip/images/b.png',
    '/p/the-trip/images/c.jpg'      => 'content/posts/trip/images/c.jpg',
    '/p/the-trip/notes/Readme.TXT'  => 'content/posts/trip/notes/Readme.TXT',
    '/custom/sub/file.css'          => 'content/docs/sub/file.css',
    '/docs/guide.pdf'               => 'content/docs/guide.pdf',
    '/docs/img/deep.png'            => 'content/docs/img/deep.png',
    '/logo.txt'                     => 'content/logo.txt',
    '/notes/pic.txt'                => 'content/notes/pic.txt',
    '/p/the-trip/data.7b579ff8885f199414842e3efbfd4738.txt'
                                    => 'content/posts/trip/data.txt',
    '/css/main.a4197ed8dcb93d681801318bd25a41ed.css'
                                    => 'assets/css/main.css',
    '/css/main.min.css'             => 'assets/css/main.css',
    $min                            => 'assets/css/main.css',
);

for my $uri (sort keys %files) {
    $r = $t->get($uri);
    is($r->{status}, 200, "$uri: 200");
    ok($r->{body} eq read_file("$p/res/$files{$uri}"), "$uri: its bytes");
}

$r = $t->get('/js/gen.js');
is($r->{status}, 200, 'resources.FromString: 200');
is($r->{body}, 'var gen = 1;', 'resources.FromString: its bytes');
is($r->{headers}{'content-type'}, 'application/javascript',
   'resources.FromString: the type nginx gives its suffix');

is($t->get($min)->{headers}{'content-type'}, 'text/css',
   'a published stylesheet: text/css');
is($t->get('/p/the-trip/images/c.jpg')->{headers}{'content-type'},
   'image/jpeg', "a bundle's image: image/jpeg");

# hugo publishes none of these
for my $uri ('/docs/sub/file.css', '/p/the-trip/other.md',
             '/p/the-trip/index.md', '/posts/trip/data.txt',
             '/css/main.css', '/p/the-trip/missing.png',
             '/p/the-trip/.hidden', '/notes/n1.md')
{
    is($t->get($uri)->{status}, 404, "$uri: 404, as hugo publishes none");
}

# ---- nginx's static machinery on a published file

$r = $t->get($min, 'Range' => 'bytes=0-3');
is($r->{status}, 206, 'a published stylesheet: ranges');
is($r->{body}, substr($css, 0, 4), 'a published stylesheet: the range');

my $lm = $t->get($min)->{headers}{'last-modified'};
ok(defined $lm, 'a published stylesheet: Last-Modified');
is($t->get($min, 'If-Modified-Since' => $lm)->{status}, 304,
   'a published stylesheet: If-Modified-Since');

# ---- the publish directory: one subdirectory per site, files 0644

my @dirs = grep { -d } glob("$p/page_site_temp/*");
is(scalar @dirs, 1, 'page_site_publish by default: page_site_temp under '
   . 'the prefix, one subdirectory for the site');
my $pub = $dirs[0] // "$p/page_site_temp/none";
ok(-f "$pub$min", 'the stylesheet is written there');
is((stat "$pub$min")[2] & 07777, 0644, 'mode 0644');
is(scalar(() = glob("$pub/css/.*.tmp")), 0, 'no temporary file left');
ok(!-e "$pub/p/the-trip/data.txt", "a bundle's file is not copied");

# a second site under /blog/, its own page_site_publish directory
$r = $t->request(port => $t->port2, uri => '/blog/p/the-trip/');
is($r->{status}, 200, 'page_site_publish: a page');
like(main_of($r->{body}),
     qr{^R\|shot-1\|Shot #1\|/blog/p/the-trip/images/a\.png\|}m,
     "under baseURL's path: a bundle's URLs");
like(main_of($r->{body}), qr{^CSS /blog\Q$min\E }m,
     "under baseURL's path: the stylesheet's URL");
my @pub2 = glob("$p/pub/*/css/main.min.*.css");
is(scalar @pub2, 1, 'page_site_publish: the stylesheet under its path');
is($t->request(port => $t->port2, uri => "/blog$min")->{status}, 200,
   'page_site_publish: served from there');
is($t->request(port => $t->port2, uri => '/blog/p/the-trip/images/a.png')
     ->{status}, 200, "under baseURL's path: a bundle's file");
is($t->request(port => $t->port2, uri => $min)->{status}, 404,
   "under baseURL's path: nothing outside it");

# ---- another nginx, another worker: it serves what this one published
#
# (the harness runs one worker a server; a second server on the same
# site and publish directory is a worker that has rendered nothing)

my $t2 = PageTest->new(types => "application/javascript js;");
$t2->start(<<"CONF");
    server {
        listen 127.0.0.1:%%PORT%%;
        page_site $p/res;
        page_site_publish $p/page_site_temp;
    }
CONF
$r = $t2->get('/js/gen.js');
is($r->{status}, 200, 'another worker, no page rendered there: '
   . 'FromString (which no name makes) 200');
is($r->{body}, 'var gen = 1;', 'another worker: its bytes');
is($r->{headers}{'content-type'}, 'application/javascript',
   'another worker: its type');
$t2->stop;

# ---- a fresh worker: another process serves what the first published

$t->restart;
$r = $t->get('/js/gen.js');
is($r->{status}, 200, 'after a restart, before any page: FromString 200');
is($r->{body}, 'var gen = 1;', 'after a restart: its bytes');

# nobody published it: a fingerprinted asset is made from its name
remove_tree("$p/page_site_temp");
$t->restart;
$r = $t->get($min);
is($r->{status}, 200, 'an empty publish directory, no page rendered: the '
   . 'fingerprinted stylesheet is made from its name');
ok($r->{body} eq $css, 'made from its name: the asset\'s bytes');
$r = $t->get('/css/main.a4197ed8dcb93d681801318bd25a41ed.css');
is($r->{status}, 200, 'made from its name: an md5 fingerprint');
(my $bad = $min) =~ s/(\w)\.css$/($1 eq '0' ? '1' : '0') . '.css'/e;
is($t->get($bad)->{status}, 404, 'another digest: 404');
is($t->get('/js/gen.js')->{status}, 404,
   'FromString cannot be made from its name: 404 until a page makes it');
is($t->get('/css/main.min.css')->{status}, 404,
   'an unfingerprinted .min name cannot be made from its name');
is($t->get('/css/main.' . ('0' x 64) . '.css')->{status}, 404,
   'a made-up digest: 404');

# the asset edited: its new digest is known at once, the old one is not
$t->write_file("$p/res/assets/css/main.css", "b{}\n");
$r = $t->get('/css/main.min.' . sha256_hex("b{}\n") . '.css');
is($r->{status}, 200, 'an edited asset, no page rendered: its new digest');
is($r->{body}, "b{}\n", 'an edited asset: its new bytes');
ok($t->get($bad)->{status} == 404
   && $t->get('/css/main.' . ('0' x 32) . '.css')->{status} == 404,
   'an edited asset: other digests stay 404');

# ---- an edited asset: a new fingerprint; the old file stays

$t->write_file("$p/res/assets/css/main.css", "p { margin: 0; }\n");
my $min2 = '/css/main.min.' . sha256_hex("p { margin: 0; }\n") . '.css';
like(main_of($t->get('/p/the-trip/')->{body}), qr/^CSS \Q$min2\E /m,
     'an edited asset: the page links its new fingerprint');
$r = $t->get($min2);
is($r->{status}, 200, 'an edited asset: the new file is served');
is($r->{body}, "p { margin: 0; }\n", 'an edited asset: its new bytes');
is($t->get('/css/main.min.css')->{body}, "p { margin: 0; }\n",
   'an edited asset: the name without a fingerprint has the new bytes');
is($t->get($min)->{status}, 200,
   'the old fingerprint stays until the directory is cleaned');

# an added bundle file: the next request
$t->write_file("$p/res/content/posts/trip/images/d.png", "new\n");
like(main_of($t->get('/p/the-trip/')->{body}),
     qr{^R\|shot-3\|Shot #3\|/p/the-trip/images/d\.png\|}m,
     'an added bundle file: in .Resources with its metadata at once');
is($t->get('/p/the-trip/images/d.png')->{body}, "new\n",
   'an added bundle file: served');

done_testing();
