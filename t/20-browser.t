#!/usr/bin/perl

# Browser tests (issue #5): Debian's headless Chromium, driven over W3C
# WebDriver by t/lib/PageBrowser.pm, against the test nginx serving
#
#   - the example site (example/**/*.md, with the server{} settings of
#     conf/nginx.conf: pretty URLs, the stylesheet location, site title and
#     params), and the seed page from ../shared/seeds when present (in a
#     subdirectory, with placeholder images at the site-root paths it names);
#   - hostile pages (script tags, javascript: links, on* attributes in the
#     Markdown, the front matter and shortcode parameters), with the example
#     config and with `page on;` alone.
#
# Checks, at 1280 and 390 CSS px wide:
#   - every page loads (200) with no console error, no failed or external
#     request, every <img> decoded (lazy ones are made eager), every
#     stylesheet loaded with rules, and no [warn]/[error] in the error log;
#   - each page-section's .page-outline sits beside its .page-content at
#     1280 and below it at 390; no horizontal scrolling at 390;
#   - each .page-cta a.button is visible and links where the page's
#     page-cta button-link says;
#   - hostile pages run no script: no payload fired (they write to
#     sessionStorage, which survives same-origin navigation), no on*
#     attribute, no <script>/<iframe>/<object>/<embed>/<base>/<form> from
#     content, no javascript:/vbscript:/data: URL; clicking the links and
#     the CTA runs nothing.  A canary page under page_unsafe_html on shows
#     that the detector does see a payload that runs.
#
# Screenshots (whole page) go to build/screenshots/NAME-WIDTH.png.
#
# Skipped without /usr/bin/chromium or /usr/bin/chromedriver, except under
# CI=true, where that is a failure.  PAGE_BROWSER_DEBUG=1 traces WebDriver.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;
use PageBrowser;

use File::Basename qw(dirname);
use File::Find qw(find);
use File::Path qw(make_path);
use Compress::Zlib qw(compress crc32);
use Time::HiRes qw(sleep time);

PageBrowser->require_browser;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $REPO = $PageTest::REPO;
my $T0 = time;
my @WIDTHS = ([1280, 900], [390, 844]);
my $TOL = 2;            # px of slack in the layout comparisons
my $SHOTS = "$REPO/build/screenshots";

# ---------------------------------------------------------------- config

# the server{} of conf/nginx.conf that has `page on`, made to run in the
# test prefix: listen on %%PORT%%, `../../X` (the repository, as seen from
# build/run/) becomes a copy of X under <prefix>/site/
sub read_example_conf {
    my ($site) = @_;

    my $file = "$REPO/conf/nginx.conf";
    open my $fh, '<', $file or die "$file: $!";
    my $text = join '', map { s/(^|\s)#.*//r } <$fh>;
    close $fh;

    my ($http) = _block_body($text, qr/\bhttp\s*\{/)
        or die "$file: no http {} block\n";

    my (@keep, $server);
    for my $st (_statements($http)) {
        my ($name) = $st =~ /^\s*(\S+)/;
        if ($name eq 'server') {
            $server //= $st if $st =~ /^\s*page\s+on\s*;/m;
        } elsif ($name !~ /^(?:access_log|error_log|\w+_temp_path)$/) {
            push @keep, $st;
        }
    }
    die "$file: no server {} with `page on;`\n" unless $server;

    my $n = 0;
    $server =~ s{^(\s*)listen\s[^;]*;\n?}
                {$n++ ? '' : "${1}listen 127.0.0.1:%%PORT%%;\n"}gme;

    my $conf = join("\n", @keep, $server) . "\n";
    my %top;
    $top{$1} = 1 while $conf =~ m{(?<![\w./])\.\./\.\./([^/\s;"']+)}g;
    $conf =~ s{(?<![\w./])\.\./\.\./}{$site/}g;
    copy_tree("$REPO/$_", "$site/$_") for sort keys %top;

    my ($root) = $server =~ m{^\s*root\s+([^;\s]+)\s*;}m;
    $root =~ s{(?<![\w./])\.\./\.\./}{$site/} if defined $root;
    die "$file: the page server has no root under ../../\n"
        unless defined $root && $root =~ m{^\Q$site\E/};
    $root =~ s{/+$}{};

    return ($conf, $root);
}

sub _block_body {
    my ($text, $re) = @_;
    return unless $text =~ /$re/g;
    my ($start, $depth) = (pos $text, 1);
    while ($text =~ /([{}])/g) {
        $depth += $1 eq '{' ? 1 : -1;
        return substr($text, $start, pos($text) - 1 - $start) if !$depth;
    }
    return;
}

# top-level statements of a block body: "name args;" or "name args { ... }"
sub _statements {
    my ($body) = @_;
    my (@st, $cur, $depth, $q);
    ($cur, $depth) = ('', 0);
    for my $c (split //, $body) {
        $cur .= $c;
        if ($q) { $q = undef if $c eq $q; next }
        if ($c eq '"' || $c eq "'") { $q = $c; next }
        $depth++ if $c eq '{';
        $depth-- if $c eq '}';
        if ($depth == 0 && ($c eq ';' || $c eq '}')) {
            $cur =~ s/^\s+//;
            push @st, "    $cur" if $cur =~ /\S/;
            $cur = '';
        }
    }
    return @st;
}

sub copy_tree {
    my ($from, $to) = @_;
    return unless -e $from;
    if (-f $from) {
        make_path(dirname($to), { mode => 0755 });
        return copy_file($from, $to);
    }
    find({ no_chdir => 1, wanted => sub {
        my $rel = substr($File::Find::name, length $from);
        return if $rel =~ m{/\.};
        if (-d $_) {
            make_path("$to$rel", { mode => 0755 });
            chmod 0755, "$to$rel";
        } elsif (-f $_) {
            copy_file($_, "$to$rel");
        }
    } }, $from);
}

sub copy_file {
    my ($from, $to) = @_;
    open my $in, '<:raw', $from or die "$from: $!";
    open my $out, '>:raw', $to or die "$to: $!";
    local $/;
    print {$out} scalar <$in>;
    close $out or die "$to: $!";
    chmod 0644, $to;
}

# a small valid PNG (w x h, one colour): the seed's images
sub png {
    my ($w, $h, @rgb) = @_;
    my $chunk = sub {
        my ($type, $data) = @_;
        return pack('N', length $data) . $type . $data
               . pack('N', crc32($type . $data));
    };
    my $raw = ("\0" . pack('C*', (@rgb) x $w)) x $h;
    return "\x89PNG\r\n\x1a\n"
        . $chunk->('IHDR', pack('NNCCCCC', $w, $h, 8, 2, 0, 0, 0))
        . $chunk->('IDAT', compress($raw))
        . $chunk->('IEND', '');
}

# ---------------------------------------------------------------- pages

# types and default_type come from conf/nginx.conf (its http{} level)
my $t = PageTest->new(types => undef, default_type => undef);
my $site = $t->prefix . '/site';
my ($example_conf, $docroot) = read_example_conf($site);

my $unsafe_in_example = $example_conf =~ /^\s*page_unsafe_html\s+on\s*;/m;

# pages: { url, name, file (source), text }
my @pages;

find({ no_chdir => 1, wanted => sub {
    return unless -f $_ && /\.md$/;
    my $rel = substr($_, length "$docroot/");
    return if $rel =~ m{(^|/)[._]};
    (my $url = "/$rel") =~ s/\.md$//;
    $url =~ s{(^|/)index$}{$1};
    (my $name = $url) =~ s{^/|/$}{}g;
    $name =~ s{/}{-}g;
    push @pages, { url => $url, name => $name eq '' ? 'index' : $name,
                   file => "example/$rel", text => _slurp($_) };
} }, $docroot);
@pages = sort { $a->{url} cmp $b->{url} } @pages;

my $seed_dir = "$REPO/../shared/seeds";
my @seeds = -d $seed_dir ? sort glob("$seed_dir/*.txt") : ();
for my $seed (@seeds) {
    (my $stem = $seed) =~ s{.*/|\.txt$}{}g;
    my $text = _slurp($seed);
    # in a subdirectory: its image paths must resolve from the site root
    $t->write_file("$docroot/seeds/$stem.md", $text);
    while ($text =~ /\bimage\s*(?::|=)\s*["'`]([^"'`\n]+)["'`]/g) {
        my $img = $1;
        next if $img =~ m{^[a-z]+:|^//}i;
        $img =~ s{^/+}{};
        my $path = "$docroot/$img";
        $t->write_file($path, png(96, 64, 0x2a, 0x6f, 0x97)) unless -e $path;
    }
    push @pages, { url => "/seeds/$stem", name => "seed-$stem",
                   file => $seed, text => $text, seed => 1 };
}

my @hostile = hostile_pages();
for my $h (@hostile) {
    $t->write_file("$docroot/$h->{file}", $h->{text});
    $t->write_file($t->prefix . "/hostile/$h->{file}", $h->{text});
}
$t->write_file($t->prefix . '/canary/canary.md', <<'MD');
---
title: Canary
---
Raw HTML is kept here: <img src="/nothing-here.png" onerror="sessionStorage.pwnedcanary=1">
and <a id="canary" href="javascript:void(sessionStorage.pwnedclick=1)">a link</a>.
MD

$t->start($example_conf . <<'EOF');
    # `page on;` alone (the default configuration), for the hostile pages,
    # and a canary with page_unsafe_html on: the detector must see it run
    server {
        listen 127.0.0.1:%%PORT2%%;
        root %%PREFIX%%/hostile;
        log_not_found off;
        location / { page on; }
        location /canary/ {
            root %%PREFIX%%;
            page on;
            page_unsafe_html on;
        }
    }
EOF

my $base = 'http://127.0.0.1:' . $t->port;
my $base2 = 'http://127.0.0.1:' . $t->port2;

note("example pages: " . join(', ', map { $_->{url} } @pages));
ok(scalar(grep { !$_->{seed} } @pages) >= 1, 'example site has pages')
    or diag("no *.md under $docroot");

my $br = PageBrowser->new(width => 1280, height => 900);
note('chromium ' . $br->browser_version);
make_path($SHOTS);

# ---------------------------------------------------------------- helpers

sub _slurp {
    my ($f) = @_;
    open my $fh, '<:raw', $f or die "$f: $!";
    local $/;
    my $s = <$fh>;
    close $fh;
    return $s;
}

sub _r {
    my ($r) = @_;
    return 'none' unless $r;
    return sprintf '[l=%.0f t=%.0f r=%.0f b=%.0f]', @$r{qw(left top right
                                                         bottom)};
}

# shortcode calls in the source (not the {{</* */>}} escapes)
sub shortcodes {
    my ($text, $name) = @_;
    my @calls;
    while ($text =~ /\{\{(?:<\s*\Q$name\E\b(.*?)>|%\s*\Q$name\E\b(.*?)%)\}\}/gs) {
        my $args = $1 // $2;
        my %p;
        while ($args =~ /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`)/g) {
            $p{$1} = defined $2 ? $2 =~ s/\\(.)/$1/gr : $3;
        }
        push @calls, \%p;
    }
    return @calls;
}

# console errors since the last call, the favicon's absence excepted
sub console_errors {
    return grep { $_->{level} eq 'SEVERE'
                  && $_->{message} !~ m{/favicon\.ico\b} } $br->logs;
}

sub wait_images {
    # lazy images below the fold would never load: make them eager
    $br->execute(q{
        document.querySelectorAll('img').forEach(function (i) {
            if (i.loading === 'lazy') i.loading = 'eager';
        });
    });
    my $deadline = time + 5;
    while (time < $deadline) {
        my $pending = $br->execute(q{
            return Array.prototype.filter.call(document.images,
                function (i) { return !i.complete; }).length;
        });
        last unless $pending;
        sleep 0.05;
    }
}

my $COLLECT = <<'JS';
function rect(e) {
    var r = e.getBoundingClientRect();
    return { left: r.left + scrollX, top: r.top + scrollY,
             right: r.right + scrollX, bottom: r.bottom + scrollY,
             width: r.width, height: r.height };
}
function own(sec, sel) {
    var all = sec.querySelectorAll(sel);
    for (var i = 0; i < all.length; i++)
        if (all[i].closest('.page-section') === sec) return all[i];
    return null;
}
var A = Array.prototype.slice;
var nav = performance.getEntriesByType('navigation')[0];
return {
    url: location.href,
    title: document.title,
    status: nav ? nav.responseStatus : null,
    innerW: innerWidth,
    scrollW: document.documentElement.scrollWidth,
    docH: document.documentElement.scrollHeight,
    imgs: A.call(document.images).map(function (i) {
        return { src: i.currentSrc || i.src, complete: i.complete,
                 nw: i.naturalWidth, alt: i.getAttribute('alt') };
    }),
    sheets: A.call(document.styleSheets).map(function (s) {
        var n = null, err = null;
        try { n = s.cssRules.length; } catch (e) { err = String(e); }
        return { href: s.href, owner: s.ownerNode && s.ownerNode.nodeName,
                 rules: n, err: err };
    }),
    links: A.call(document.querySelectorAll('link[rel~="stylesheet"]'))
        .map(function (l) { return { href: l.href, loaded: !!l.sheet }; }),
    resources: performance.getEntriesByType('resource').map(function (e) {
        return { name: e.name, type: e.initiatorType,
                 status: e.responseStatus,
                 origin: new URL(e.name).origin === location.origin };
    }),
    sections: A.call(document.querySelectorAll('.page-section'))
        .map(function (s, i) {
            var c = own(s, '.page-content'), o = own(s, '.page-outline');
            var h = s.querySelector('h1, h2, h3');
            return { i: i, content: c && rect(c), outline: o && rect(o),
                     heading: h ? h.textContent.slice(0, 60) : '' };
        }),
    ctaBlocks: document.querySelectorAll('.page-cta').length,
    ctas: A.call(document.querySelectorAll('.page-cta a.button'))
        .map(function (a) {
            var cs = getComputedStyle(a);
            return { href: a.getAttribute('href'), text: a.textContent,
                     rect: rect(a), display: cs.display,
                     visibility: cs.visibility, opacity: cs.opacity,
                     visible: a.checkVisibility ? a.checkVisibility({
                         checkOpacity: true, checkVisibilityCSS: true })
                         : a.offsetParent !== null };
        })
};
JS

# ---------------------------------------------------------------- pages

sub check_page {
    my ($p, $w, $h) = @_;
    my $url = $base . $p->{url};
    my $tag = "$p->{url} @ ${w}px";

    $br->logs;                                   # drain
    my $mark = $t->log_mark;
    $br->get($url);
    wait_images();
    my $s = $br->execute($COLLECT);
    my @errors = console_errors();

    is($s->{status}, 200, "$tag: HTTP 200")
        or diag("page $url ($p->{file}): title '$s->{title}'");

    ok(!@errors, "$tag: no console error")
        or diag("page $url:\n" . join '', map { "  $_->{source}: "
                . "$_->{message}\n" } @errors);

    my @bad = grep { !$_->{complete} || !$_->{nw} } @{ $s->{imgs} };
    ok(!@bad, "$tag: every image decoded (" . @{ $s->{imgs} } . ')')
        or diag("page $url: broken images:\n" . join '', map {
            "  $_->{src} complete=" . ($_->{complete} ? 1 : 0)
            . " naturalWidth=$_->{nw}\n" } @bad);

    # (Chromium asks for /favicon.ico by itself: its absence is no error)
    my @failed = grep { ($_->{status} // 0) >= 400
                        && $_->{name} !~ m{/favicon\.ico$} }
                 @{ $s->{resources} };
    my @ext = grep { !$_->{origin} } @{ $s->{resources} };
    ok(!@failed && !@ext, "$tag: no failed or external request")
        or diag("page $url:\n" . join '', map {
            "  $_->{type} $_->{name}: status " . ($_->{status} // '?')
            . ($_->{origin} ? '' : ' (external)') . "\n" } @failed, @ext);

    my @unloaded = grep { !$_->{loaded} } @{ $s->{links} };
    my @norules = grep { !$_->{rules} } @{ $s->{sheets} };
    ok(!@unloaded && !@norules && @{ $s->{sheets} },
       "$tag: stylesheets loaded with rules (" . @{ $s->{sheets} } . ')')
        or diag("page $url: " . (@{ $s->{sheets} } ? '' : "no stylesheet\n")
            . join '', (map { "  <link> $_->{href}: not loaded\n" }
                        @unloaded),
                       (map { "  sheet " . ($_->{href} // "<$_->{owner}>")
                              . ": rules " . ($_->{rules} // 'n/a')
                              . ($_->{err} ? " ($_->{err})" : '') . "\n" }
                        @norules));

    my $log = $t->log_since($mark);
    my @lines = grep { /\[(?:warn|error|crit|alert|emerg)\]/ }
                split /\n/, $log;
    ok(!@lines, "$tag: no error-log line") or diag(join "\n", @lines);

    check_layout($p, $s, $w, $url, $tag);

    (my $shot = "$p->{name}-$w.png") =~ s/[^\w.-]/_/g;
    eval { $br->screenshot("$SHOTS/$shot", full => 1); 1 }
        or diag("screenshot $shot: $@");
}

sub check_layout {
    my ($p, $s, $w, $url, $tag) = @_;

    my $want_sections = () = shortcodes($p->{text}, 'page-section');
    my @ctas_src = shortcodes($p->{text}, 'page-cta');

    is(scalar @{ $s->{sections} }, $want_sections,
       "$tag: one .page-section per page-section shortcode")
        if $want_sections || @{ $s->{sections} };

    for my $sec (@{ $s->{sections} }) {
        my ($c, $o) = @$sec{qw(content outline)};
        next unless $c && $o;
        my $what = "$tag: section $sec->{i} ($sec->{heading})";
        if ($w >= 1000) {
            my $beside = $o->{left} >= $c->{right} - $TOL
                         && $o->{top} < $c->{bottom}
                         && $c->{top} < $o->{bottom};
            ok($beside, "$what: outline beside content")
                or diag("page $url: content " . _r($c) . ", outline "
                        . _r($o) . " (want outline.left >= content.right,"
                        . " tops overlapping)");
        } else {
            ok($o->{top} >= $c->{bottom} - $TOL,
               "$what: outline below content")
                or diag("page $url: content " . _r($c) . ", outline "
                        . _r($o) . " (want outline.top >= content.bottom)");
        }
    }

    if ($w < 1000) {
        ok($s->{scrollW} <= $s->{innerW} + 1,
           "$tag: no horizontal scrolling")
            or diag("page $url: document is $s->{scrollW}px wide in a "
                    . "$s->{innerW}px viewport");
    }

    return unless @ctas_src || $s->{ctaBlocks};

    is($s->{ctaBlocks}, scalar @ctas_src,
       "$tag: one .page-cta per page-cta shortcode");

    my @want = map { $_->{'button-link'} } grep { defined $_->{'button-link'}
                                                } @ctas_src;
    is(scalar @{ $s->{ctas} }, scalar @want,
       "$tag: one .page-cta a.button per button-link");

    for my $i (0 .. $#{ $s->{ctas} }) {
        my $a = $s->{ctas}[$i];
        my $r = $a->{rect};
        my $inside = $r->{left} >= -1 && $r->{top} >= -1
                     && $r->{right} <= $s->{innerW} + 1
                     && $r->{bottom} <= $s->{docH} + 1;
        ok($a->{visible} && $r->{width} > 0 && $r->{height} > 0 && $inside
           && $a->{display} ne 'none' && $a->{visibility} eq 'visible',
           "$tag: CTA button $i '$a->{text}' visible")
            or diag("page $url: CTA button " . _r($r) . " $r->{width}x"
                    . "$r->{height} display=$a->{display} visibility="
                    . "$a->{visibility} opacity=$a->{opacity} checkVisibility="
                    . ($a->{visible} ? 1 : 0) . "; viewport $s->{innerW}, "
                    . "document height $s->{docH}");
        is($a->{href}, $want[$i],
           "$tag: CTA button $i links where its button-link says");
    }
}

for my $wh (@WIDTHS) {
    $br->window_size(@$wh);
    check_page($_, @$wh) for @pages;
}

# ---------------------------------------------------------------- hostile

sub hostile_pages {
    my $fm = <<'MD';
---
title: "Hostile <script>sessionStorage.pwned1=1</script><img src=x onerror=sessionStorage.pwned2=1>"
summary: "\"><img src=x onerror=sessionStorage.pwned3=1><script>sessionStorage.pwned4=1</script>"
description: "\" onfocus=\"sessionStorage.pwned5=1\" autofocus x=\""
image: "x\" onerror=\"sessionStorage.pwned6=1"
image_alt: "\" onerror=\"sessionStorage.pwned7=1"
categories: ["<svg onload=sessionStorage.pwned8=1>", "\"><script>sessionStorage.pwned9=1</script>"]
date: 2025-01-02
LAYOUT
sidebar: true
include_footer: true
---
MD

    my $body = <<'MD';

# Heading <script>sessionStorage.pwned10=1</script> <b onmouseover="sessionStorage.pwned45=1">b</b>

<script>sessionStorage.pwned11=1</script>

<img src="x" onerror="sessionStorage.pwned12=1">

Inline <img src="x" onerror="sessionStorage.pwned13=1"> HTML and
<svg onload="sessionStorage.pwned14=1"></svg> in a paragraph.

<details open ontoggle="sessionStorage.pwned15=1"><summary>s</summary>x</details>

<iframe srcdoc="<script>parent.sessionStorage.pwned16=1</script>"></iframe>

<object data="javascript:sessionStorage.pwned17=1"></object>

<a class="hostile" href="javascript:sessionStorage.pwned18=1">raw link</a>

- [markdown link](javascript:sessionStorage.pwned19=1)
- [entity link](jav&#x09;ascript:sessionStorage.pwned20=1)
- [case link](JaVaScRiPt:sessionStorage.pwned21=1)
- <javascript:sessionStorage.pwned22=1>
- [reference link][r]
- [vbscript link](vbscript:msgbox)
- ![image](javascript:sessionStorage.pwned23=1)
- ![alt" onerror="sessionStorage.pwned24=1](x.png)

[r]: javascript:sessionStorage.pwned25=1

<base href="javascript:sessionStorage.pwned26=1//">
<meta http-equiv="refresh" content="0;url=javascript:sessionStorage.pwned27=1">
<form action="javascript:sessionStorage.pwned28=1"><button>go</button></form>
<math><mtext><table><mglyph><style><img src="x" onerror="sessionStorage.pwned29=1">

{{< page-section class=`x" onmouseover="sessionStorage.pwned30=1` >}}

{{< page-content >}}
# In a section <img src="x" onerror="sessionStorage.pwned31=1">

<script>sessionStorage.pwned32=1</script>
[section link](javascript:sessionStorage.pwned33=1)
{{< /page-content >}}

{{< page-outline image=`x" onerror="sessionStorage.pwned34=1` alt=`" onerror="sessionStorage.pwned35=1` >}}
<script>sessionStorage.pwned36=1</script>
<img src="x" onerror="sessionStorage.pwned37=1">
{{< /page-outline >}}

{{< /page-section >}}

{{< page-cta image="javascript:sessionStorage.pwned38=1" alt="<script>sessionStorage.pwned39=1</script>" button-text="<img src=x onerror=sessionStorage.pwned40=1>" button-link="javascript:sessionStorage.pwned41=1" >}}
CTA text <script>sessionStorage.pwned42=1</script>
{{< /page-cta >}}

{{% page-section %}}
{{% page-content %}}
<script>sessionStorage.pwned43=1</script>
<img src="x" onerror="sessionStorage.pwned44=1">
{{% /page-content %}}
{{% /page-section %}}
MD

    my @p;
    for my $layout ('layout: "page"', '') {
        (my $text = $fm . $body) =~ s/^LAYOUT\n/$layout ? "$layout\n" : ''/me;
        push @p, { file => $layout ? 'hostile-page.md' : 'hostile-single.md',
                   text => $text };
    }
    return @p;
}

my $HOSTILE = <<'JS';
var A = Array.prototype.slice, bad = [];
var fired = Object.keys(sessionStorage).filter(function (k) {
    return /^pwned/.test(k); });
A.call(document.querySelectorAll('*')).forEach(function (e) {
    A.call(e.attributes).forEach(function (a) {
        if (/^on/i.test(a.name))
            bad.push(e.tagName + ' ' + a.name + '="' + a.value + '"');
        if (/^(href|src|action|formaction|data|poster|xlink:href|srcdoc)$/i
            .test(a.name)) {
            if (a.name.toLowerCase() === 'srcdoc') {
                bad.push(e.tagName + ' srcdoc');
                return;
            }
            var proto = '';
            try { proto = new URL(a.value, document.baseURI).protocol; }
            catch (x) { return; }
            // data: in the head is the theme's (e.g. a data:, favicon)
            if (/^(javascript|vbscript):$/i.test(proto)
                || (proto === 'data:' && document.body.contains(e)
                    && !(e.tagName === 'IMG'
                         && /^data:image\//i.test(a.value))))
                bad.push(e.tagName + ' ' + a.name + '="' + a.value + '"');
        }
    });
});
A.call(document.querySelectorAll(
    'body script, body iframe, body object, body embed, base, body form,'
    + ' body meta[http-equiv], body frame, body frameset'))
    .forEach(function (e) { bad.push('<' + e.tagName.toLowerCase()
                                     + '> ' + e.outerHTML.slice(0, 120)); });
A.call(document.scripts).forEach(function (s) {
    if (/pwned/.test(s.textContent + ' ' + s.src))
        bad.push('script: ' + s.outerHTML.slice(0, 120));
});
return { fired: fired, bad: bad, url: location.href,
         title: document.title,
         status: (performance.getEntriesByType('navigation')[0] || {})
                 .responseStatus };
JS

sub hostile_state {
    my $s = $br->execute($HOSTILE);
    $br->execute('sessionStorage.clear()');
    return $s;
}

# links worth a real click: the CTA, and every <a> in the content whose
# href is not a plain same-site path
my $LINKS = <<'JS';
var out = [];
document.querySelectorAll('main a[href], .page-cta a').forEach(function (a, i) {
    var h = a.getAttribute('href');
    if (/^(\/|#|https?:)/.test(h) && !/ZgotmplZ/.test(h)) return;
    out.push({ i: i, href: h, text: a.textContent.slice(0, 40) });
});
return out;
JS

sub check_hostile {
    my ($url, $what) = @_;

    $br->get($url);
    sleep 0.3;                  # toggle events, iframes, refreshes
    my $s = hostile_state();
    is($s->{status}, 200, "$what: rendered") or diag("page $url");
    ok(!@{ $s->{fired} }, "$what: no payload ran")
        or diag("page $url: fired: @{ $s->{fired} }");
    ok(!@{ $s->{bad} }, "$what: no on* attribute, script element or "
                        . "script URL from content")
        or diag("page $url:\n" . join '', map { "  $_\n" } @{ $s->{bad} });

    my $shot = "$what.png" =~ s/[^\w.-]+/_/gr;
    eval { $br->screenshot("$SHOTS/$shot", full => 1); 1 }
        or diag("screenshot $shot: $@");

    my $links = $br->execute($LINKS);
    my (@ran, @notes, @fallbacks);
    for my $l (@$links) {
        $br->get($url);
        $br->execute('sessionStorage.clear()');
        my $how = 'click';
        my $ok = eval {
            my @a = $br->find_all('main a[href], .page-cta a');
            die "link $l->{i} of " . @a . " is gone\n" unless $a[$l->{i}];
            $br->click_element($a[$l->{i}]);
            1;
        };
        unless ($ok) {
            # not interactable (hidden, covered): a scripted click
            $how = "el.click() ($@)" =~ s/\s+$//r;
            push @fallbacks, "'$l->{text}': $how";
            $br->execute('var a = document.querySelectorAll('
                        . '"main a[href], .page-cta a")[arguments[0]];'
                        . ' if (a) a.click();', $l->{i});
        }
        sleep 0.2;
        my $after = eval { hostile_state() }
            // { fired => ["(page gone: $@)"], url => '?' };
        push @ran, "  '$l->{text}' href=\"$l->{href}\" ($how): fired "
                   . "@{ $after->{fired} }, now at $after->{url}\n"
            if @{ $after->{fired} } || $after->{url} =~ /^javascript:/i;
        push @notes, "'$l->{text}' -> $l->{href}";
    }
    note("$what: clicked " . join('; ', @notes)) if @notes;
    note("$what: $_") for @fallbacks;
    ok(!@ran, "$what: clicking " . @$links . ' link(s) ran nothing')
        or diag("page $url:\n" . join '', @ran);
}

$br->window_size(1280, 900);
for my $h (@hostile) {
    (my $u = $h->{file}) =~ s/\.md$//;
    check_hostile("$base2/$h->{file}", "$u-page-on-alone");
    SKIP: {
        skip "conf/nginx.conf sets page_unsafe_html on", 4
            if $unsafe_in_example;
        check_hostile("$base/$u", "$u-example-config");
    }
}

# the canary: the same detectors see a payload that does run, a
# javascript: link that runs when clicked, and a failed request
$br->logs;
$br->get("$base2/canary/canary.md");
sleep 0.3;
my $c = hostile_state();
ok(scalar(grep { $_ eq 'pwnedcanary' } @{ $c->{fired} })
   && scalar(grep { /onerror/ } @{ $c->{bad} })
   && scalar(grep { /javascript:/ } @{ $c->{bad} }),
   'canary: with page_unsafe_html on the detector sees the payload run')
    or diag("fired: @{ $c->{fired} }; bad: @{ $c->{bad} }");
ok(scalar(grep { $_->{message} =~ /404/ } console_errors()),
   'canary: the console-error detector sees its 404');
$br->click('#canary');
sleep 0.2;
$c = hostile_state();
ok(scalar(grep { $_ eq 'pwnedclick' } @{ $c->{fired} }),
   'canary: a clicked javascript: link is detected')
    or diag("fired: @{ $c->{fired} }");

$br->quit;

my $took = time - $T0;
note(sprintf 'browser tests took %.1f s; screenshots in %s', $took, $SHOTS);
diag(sprintf 'browser tests took %.1f s (meant to stay under 60 s)', $took)
    if $took > 60 * slow_factor();

done_testing();
