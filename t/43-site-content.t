#!/usr/bin/perl
# page_site: other pages' rendered content (.Summary, .Content,
# .WordCount, .ReadingTime, .Truncated, .Plain, .PlainWords, .Len,
# .FuzzyWordCount, .TableOfContents) read by a list page, through
# .Pages, .Site.RegularPages, .Site.GetPage and .Next, on the fixture
# t/site/content (copied, so that the test can edit it).  The expected
# pages are hugo 0.111.3's build of the same site (`hugo -s COPY -d
# PUBLIC`, public/index.html and public/posts/index.html), except where
# current Hugo differs and the module follows it (marked CURRENT HUGO):
# an automatic summary is whole paragraphs of HTML up to summaryLength
# words (0.111.3 cut plain text at the sentence after the 12th word and
# dropped the tags), so "Auto" keeps its two <p>, "Short" its <p>, and
# the page "Nested", whose shortcode prints Short's summary, has that
# <p> in its own content (59 bytes where hugo 0.111.3 had 52).

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;
my $p = $t->prefix;

system('cp', '-a', "$FindBin::Bin/site/content", "$p/site") == 0
    or die "cp: $?";
system('cp', '-a', "$FindBin::Bin/site/content", "$p/bad") == 0
    or die "cp: $?";

# two pages whose shortcodes read each other's summary, and one with a
# shortcode that does not exist, each in a section of its own
$t->write_file("$p/bad/content/loop/_index.md", "---\ntitle: Loop\n---\n");
$t->write_file("$p/bad/content/loop/a.md",
               "---\ntitle: A\n---\nA reads {{< summary-of \"/loop/b\" >}}\n");
$t->write_file("$p/bad/content/loop/b.md",
               "---\ntitle: B\n---\nB reads {{< summary-of \"/loop/a\" >}}\n");
$t->write_file("$p/bad/content/broken/_index.md",
               "---\ntitle: Broken\n---\n");
$t->write_file("$p/bad/content/broken/x.md",
               "---\ntitle: X\n---\nFirst line.\n\nThen {{< nosuch >}}\n");

$t->start(<<"CONF");
    server {
        listen 127.0.0.1:%%PORT%%;
        page_site $p/site;
        page_site_check 0;
    }

    server {
        listen 127.0.0.1:%%PORT2%%;
        page_site $p/bad;
    }
CONF

# ---- the home page: .Site.RegularPages, .Site.GetPage, .Next

my $home = <<'HTML';

<main>
<article><h2>Auto</h2><p>The lamp was lit at dusk tonight.</p>
<p>Fog rolled in from the north before midnight and stayed.</p>|true|1</article>
<article><h2>Divider</h2><p>A <strong>short</strong> opening.</p>|true|1</article>
<article><h2>Front</h2>Front <strong>matter</strong> summary|false|1</article>
<article><h2>Short</h2><p>Only four words here.</p>|false|1</article>
<article><h2>Nested</h2><p>Quoting: [Short: <p>Only four words here.</p> (4)]
</p>|false|1</article>
<aside>Auto: 28</aside>
<nav>Auto: <p>The lamp was lit at dusk tonight.</p>
<p>Fog rolled in from the north before midnight and stayed.</p></nav>
</main>
HTML

my $r = $t->get('/');
is($r->{status}, 200, 'home: 200');
is($r->{body}, $home,
   "home: other pages' summaries (CURRENT HUGO: Auto, Short, Nested)");

# ---- the section: every field of each of its pages

my $posts = <<'HTML';

<main>
<article>
<h2>Auto</h2>
<div class="summary"><p>The lamp was lit at dusk tonight.</p>
<p>Fog rolled in from the north before midnight and stayed.</p></div>
<p>truncated=true words=28 fuzzy=100 minutes=1 len=206</p>
<div class="content"><p>The lamp was lit at dusk tonight.</p>
<p>Fog rolled in from the north before midnight and stayed.</p>
<h2 id="later">Later</h2>
<p>The horn sounded every <em>thirty</em> seconds until the dawn came.</p>
</div>
<div class="toc"><nav id="TableOfContents">
  <ul>
    <li><a href="#later">Later</a></li>
  </ul>
</nav></div>
<pre class="plain">The lamp was lit at dusk tonight.
Fog rolled in from the north before midnight and stayed.
Later The horn sounded every thirty seconds until the dawn came.
</pre>
<p class="words">28</p>
</article>
<article>
<h2>Divider</h2>
<div class="summary"><p>A <strong>short</strong> opening.</p></div>
<p>truncated=true words=12 fuzzy=100 minutes=1 len=117</p>
<div class="content"><p>A <strong>short</strong> opening.</p>
<h2 id="detail">Detail</h2>
<p>The rest of the entry, after the divider.</p></div>
<div class="toc"><nav id="TableOfContents">
  <ul>
    <li><a href="#detail">Detail</a></li>
  </ul>
</nav></div>
<pre class="plain">A short opening.
Detail The rest of the entry, after the divider.
</pre>
<p class="words">12</p>
</article>
<article>
<h2>Front</h2>
<div class="summary">Front <strong>matter</strong> summary</div>
<p>truncated=false words=16 fuzzy=100 minutes=1 len=87</p>
<div class="content"><p>Body text that the summary does not show at all, even though it is long enough.</p>
</div>
<div class="toc"><nav id="TableOfContents"></nav></div>
<pre class="plain">Body text that the summary does not show at all, even though it is long enough.
</pre>
<p class="words">16</p>
</article>
<article>
<h2>Short</h2>
<div class="summary"><p>Only four words here.</p></div>
<p>truncated=false words=4 fuzzy=100 minutes=1 len=29</p>
<div class="content"><p>Only four words here.</p>
</div>
<div class="toc"><nav id="TableOfContents"></nav></div>
<pre class="plain">Only four words here.
</pre>
<p class="words">4</p>
</article>
<article>
<h2>Nested</h2>
<div class="summary"><p>Quoting: [Short: <p>Only four words here.</p> (4)]
</p></div>
<p>truncated=false words=7 fuzzy=100 minutes=1 len=59</p>
<div class="content"><p>Quoting: [Short: <p>Only four words here.</p> (4)]
</p>
</div>
<div class="toc"><nav id="TableOfContents"></nav></div>
<pre class="plain">Quoting: [Short: Only four words here.
(4)] </pre>
<p class="words">7</p>
</article>
</main>
HTML

$r = $t->get('/posts/');
is($r->{status}, 200, 'section: 200');
is($r->{body}, $posts,
   "section: each page's content fields (CURRENT HUGO: the summaries)");

# kept per version: the same page again, then the edited page's new text
# on the next request
is($t->get('/posts/')->{body}, $posts, 'section again: the same page');

$t->write_file("$p/site/content/posts/short.md",
               "---\ntitle: Short\ndate: 2024-05-02\n---\n"
               . "Now five words are here.\n");
$r = $t->get('/');
like($r->{body}, qr{<h2>Short</h2><p>Now five words are here\.</p>\|false},
     'an edited page: its new summary on the next request');
like($r->{body}, qr{\[Short: <p>Now five words are here\.</p> \(5\)\]},
     'an edited page: a page that quotes it shows the new text too');

# ---- errors: a loop, and a bad shortcode in the page read

my $mark = $t->log_mark;
$r = $t->request(port => $t->port2, uri => '/loop/');
is($r->{status}, 500, 'pages reading each other: 500, not a hang');
my $loop = 'at <.Summary>: a circular loop in a shortcode: the content of '
         . '"/loop/a/" is read while it is being rendered '
         . '(/loop/ > /loop/a/ > /loop/b/ > /loop/a/), client';
$t->log_like(qr{\Q$loop\E},
             'pages reading each other: the loop in one line', $mark);

$mark = $t->log_mark;
$r = $t->request(port => $t->port2, uri => '/broken/');
is($r->{status}, 500, 'a bad shortcode in a page read: 500');
$t->log_like(qr{content/broken/x\.md:6:6: [^\n]*nosuch},
             "a bad shortcode in a page read: the page's file:line:col",
             $mark);

# the other pages of that site are fine
is($t->request(port => $t->port2, uri => '/posts/')->{status}, 200,
   'the same site: a list of good pages still renders');

done_testing();
