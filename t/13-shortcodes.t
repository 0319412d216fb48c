#!/usr/bin/perl
# Shortcodes through nginx: a small site whose layouts/shortcodes/ are
# written in the style of popular Hugo themes (notice boxes with
# markdownify, a docsy-like {{% alert %}}, hugo-book-like tabs collecting
# their children through .Parent.Store, an expand box with .InnerDeindent,
# the built-in figure and details), plus nesting, both {{< >}} and {{% %}}
# at top level and nested, the <p>PH</p> rule, indentation, .Ordinal,
# .Parent, .Position, escaping of parameters in attributes, shortcodes in
# code and headings, the comment escape; and errors: 500 with exactly one
# `page: FILE:L:C: message` log line, the worker serving the next request.
#
# The expected fragments were checked against hugo 0.111.3 for the same
# files (with .Store spelled .Scratch, which is all 0.111.3 has); where
# 0.111.3 and current Hugo differ, current Hugo's behaviour is asserted
# (said where it happens).  t/14-hugo.t does the live comparison.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

my $t = PageTest->new;
my $p = $t->prefix;
my $L = "$p/site/layouts";
my $root = $t->root;

sub tpl { $t->write_file("$L/$_[0]", $_[1]) }

# ---- layouts

tpl('_default/single.html', <<'HTML');
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main>{{ .Content }}</main></body></html>
HTML

# relearn-style notice: positional type and title, markdownify'd inner
tpl('shortcodes/notice.html', <<'HTML');
{{- $type := .Get 0 | default "info" -}}
{{- $title := .Get 1 | default (title $type) -}}
<div class="notice notice-{{ $type }}">
<p class="notice-title">{{ $title }}</p>
<div class="notice-body">{{ .Inner | markdownify }}</div>
</div>
HTML

# docsy-style alert, called as {{% alert %}} (docsy needs unsafe HTML)
tpl('shortcodes/alert.html', <<'HTML');
{{- $color := .Get "color" | default "primary" -}}
<div class="alert alert-{{ $color }}" role="alert">
{{- with .Get "title" }}<h4 class="alert-heading">{{ . }}</h4>{{ end }}
{{ .Inner | markdownify }}
</div>
HTML

# hugo-book-style tabs: children register through .Parent.Store
tpl('shortcodes/tabs.html', <<'HTML');
{{- if .Inner }}{{ end -}}
{{- $group := printf "tabs-%s" (.Get 0) -}}
<div class="tabs">
{{- range $i, $tab := .Store.Get "tabs" }}
<input type="radio" name="{{ $group }}" id="{{ $group }}-{{ $i }}"{{ if not $i }} checked{{ end }}>
<label for="{{ $group }}-{{ $i }}">{{ $tab.name }}</label>
<div class="tab-content">{{ $tab.content }}</div>
{{- end }}
</div>
HTML
tpl('shortcodes/tab.html', <<'HTML');
{{- with .Parent -}}
{{- .Store.Add "tabs" (slice (dict "name" ($.Get 0) "content" $.Inner)) -}}
{{- else -}}
{{- errorf "tab %q must be inside tabs" (.Get 0) -}}
{{- end -}}
HTML

# relearn-style expand, deindenting its inner
tpl('shortcodes/expand.html', <<'HTML');
<details class="expand"{{ if eq (.Get "open") "true" }} open{{ end }}>
<summary>{{ .Get "title" | default "Expand me..." }}</summary>
<div class="expand-content">{{ .InnerDeindent | markdownify }}</div>
</details>
HTML

tpl('shortcodes/btn.html', <<'HTML');
<a class="btn" href="{{ .Get "href" }}" title="{{ .Get "title" }}" data-x="{{ .Get "data" }}">{{ .Get "text" }}</a>
HTML
tpl('shortcodes/meta.html',
    '{{- .Name }}#{{ .Ordinal }}@{{ .Position }}'
    . '{{ with .Parent }} in {{ .Name }}#{{ .Ordinal }}{{ end -}}' . "\n");
tpl('shortcodes/box.html', "<div class=\"box\">{{ .Inner }}</div>\n");
tpl('shortcodes/kbd.html', "<kbd>{{ .Get 0 }}</kbd>\n");
tpl('shortcodes/badge.html',
    "{{- /* no inner */ -}}<span class=\"badge\">{{ .Get 0 }}</span>\n");
tpl('shortcodes/lines.html', "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
tpl('shortcodes/fail.html',
    "{{- \$n := .Get \"n\" -}}\n"
    . "{{- if not \$n }}{{ errorf \"fail: missing n\" }}{{ end -}}\nok {{ \$n }}\n");
# a footnote-style counter shared by the page: .Page.Store
tpl('shortcodes/cite.html',
    '{{- .Page.Store.Add "cites" 1 -}}<sup>[{{ .Page.Store.Get "cites" }}]</sup>');

# ---- content

$t->write_file('theme.md', <<'MD');
---
title: Shortcodes
---
# Guide {{< badge "new" >}}

{{< notice warning >}}
Be **careful** with `rm -rf`.
{{< /notice >}}

{{< notice tip "Pro tip" >}}One line *only*{{< /notice >}}

{{< tabs install >}}
{{% tab "apt" %}}
```sh
apt install nginx
```
{{% /tab %}}
{{% tab "yum" %}}**yum** install nginx{{% /tab %}}
{{< /tabs >}}

{{< figure src="/img/a b.png" alt="An image" caption="The *caption*" >}}

{{< details summary="More" >}}
Hidden **text**.
{{< /details >}}

- step one
  {{< expand title="Show" >}}
  first

  second
  {{< /expand >}}

{{< box >}}outer {{< box >}}inner {{< kbd "Ctrl" >}}{{< /box >}}{{< /box >}}

{{% box %}}*md in box*{{% /box %}}

{{< box >}}{{% box %}}*nested md*{{% /box %}}{{< /box >}}

{{< kbd A >}}
{{< kbd B >}}

Text {{< kbd C >}} inline.

{{< meta >}} {{< box >}}{{< meta >}}{{< meta >}}{{< /box >}}

{{< btn href="\"><script>alert(1)</script>" title="a\"b<c>" data="x'y&z" text="<b>bold</b>" >}}

{{< btn href="javascript:alert(1)" title="t" data="d" text="js" >}}

Inline `{{< kbd X >}}` code.

```
{{< kbd Y >}}
```

Escaped {{</* kbd Z */>}} and {{%/* alert */%}}.

## Section {{% badge "md" %}} x

{{% badge "top" %}}

  {{< lines >}}
MD

$t->write_file('extra.md', <<'MD');
---
title: Extra
author: Ada
---
{{< cite >}} and {{< cite >}} {{< box >}}{{< cite >}}{{< /box >}}

By {{< param author >}}.

{{< highlight go >}}
x := "<a>" && y
{{< /highlight >}}
MD

$t->write_file('unsafe/alert.md', <<'MD');
---
title: Alert
---
{{% alert title="Heads up" color="warning" %}}
Alert with a [link](https://example.org/).
{{% /alert %}}

after
MD

# errors: positions are those of the opening {{ in the whole file
$t->write_file('err/unclosed.md',
               "---\ntitle: U\n---\ntext\n\n  {{< notice warning >}}\nno end\n");
$t->write_file('err/unknown.md', "---\ntitle: K\n---\nx {{< nosuch a >}}\n");
$t->write_file('err/errorf.md',
               "---\ntitle: E\n---\nok\n\n{{< box >}}\n   {{< fail >}}\n{{< /box >}}\n");
$t->write_file('err/tab.md', "---\ntitle: T\n---\n{{< tab \"lonely\" >}}x{{< /tab >}}\n");
$t->write_file('err/noinner.md', "---\ntitle: N\n---\n{{< kbd a >}}x{{< /kbd >}}\n");
$t->write_file('err/comment.md', "---\ntitle: C\n---\nx {{</* open\n");
$t->write_file('debug/quoted.md',
               "---\ntitle: Q\n---\n{{< kbd \"<script>alert(1)\n>}}\n");

$t->start(<<"CONF");
    server {
        listen 127.0.0.1:%%PORT%%;
        root %%ROOT%%;
        page on;
        page_templates $L;

        location /unsafe/ {
            page_unsafe_html on;
        }

        location /debug/ {
            page_debug on;
        }
    }
CONF

# ---- the theme page

my $r = $t->request(uri => '/theme.md');
page_ok($r, 'theme page');
my $b = $r->{body};

sub has {
    my ($frag, $name) = @_;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    ok(index($b, $frag) >= 0, $name)
        or diag("missing:\n$frag\n--- in body:\n$b");
}

sub hasnt {
    my ($frag, $name) = @_;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    ok(index($b, $frag) < 0, $name) or diag("unexpected:\n$frag");
}

# a {{< >}} in a heading: the placeholder (0.111.3's form) is in the id,
# the output in the text; the badge's trailing newline stays inside the h1
has(qq{<h1 id="guide-hahahugoshortcodes0hbhb">Guide <span class="badge">new</span>\n</h1>},
    'shortcode in a heading');

has(<<'HTML', 'notice: markdownify of a multi-line inner, <p> of the placeholder unwrapped');
<div class="notice notice-warning">
<p class="notice-title">Warning</p>
<div class="notice-body">Be <strong>careful</strong> with <code>rm -rf</code>.</div>
</div>
HTML
has(qq{<p class="notice-title">Pro tip</p>\n<div class="notice-body">One line <em>only</em></div>},
    'notice: second positional, one-line inner without <p>');

# tabs: nested {{% tab %}} inner rendered as Markdown on its own;
# multi-line keeps its blocks, one-line loses its single <p>
has(<<'HTML', 'tabs through .Parent.Store');
<div class="tabs">
<input type="radio" name="tabs-install" id="tabs-install-0" checked>
<label for="tabs-install-0">apt</label>
<div class="tab-content"><div class="highlight"><pre tabindex="0" style="color:#f8f8f2;background-color:#272822;-moz-tab-size:4;-o-tab-size:4;tab-size:4;"><code class="language-sh" data-lang="sh"><span style="display:flex;"><span>apt install nginx
</span></span></code></pre></div></div>
<input type="radio" name="tabs-install" id="tabs-install-1">
<label for="tabs-install-1">yum</label>
<div class="tab-content"><strong>yum</strong> install nginx</div>
</div>
HTML

# built-in figure (current Hugo's template: void <img>, caption markdownified)
like($b, qr{<figure>\s*<img src="/img/a%20b\.png"\s+alt="An image">\s*<figcaption>\s*<p>The <em>caption</em></p>\s*</figcaption>\s*</figure>},
     'built-in figure');
# built-in details (current Hugo; 0.111.3 has none)
like($b, qr{<details>\s*<summary>More</summary>\s*<p>Hidden <strong>text</strong>\.</p>\s*</details>},
     'built-in details');

has(<<'HTML', 'expand in a list item: .InnerDeindent, markdownify');
<li>step one
<details class="expand">
<summary>Show</summary>
<div class="expand-content"><p>first</p>
<p>second</p>
</div>
</details>
</li>
HTML

has(qq{<div class="box">outer <div class="box">inner <kbd>Ctrl</kbd>\n</div>\n</div>\n},
    'nested {{< >}} three deep, output never trimmed');
# top-level {{% %}}: the output is Markdown; raw HTML is off
has(qq{<!-- raw HTML omitted -->\n<div class="box"><div class="box"><em>nested md</em></div>\n</div>},
    '{{% %}} at top level (HTML omitted), nested in {{< >}} (Markdown, <p> stripped)');
has(qq{<p><kbd>A</kbd>\n\n<kbd>B</kbd>\n</p>},
    'two shortcodes on adjacent lines share a <p>');
has(qq{<p>Text <kbd>C</kbd>\n inline.</p>}, 'inline shortcode keeps the <p>');

my $f = "$root/theme.md";
has(qq{<p>meta#13@&#34;$f:45:1&#34; <div class="box">}
    . qq{meta#0@&#34;$f:45:25&#34; in box#14}
    . qq{meta#1@&#34;$f:45:37&#34; in box#14</div>\n</p>},
    '.Ordinal, .Parent, .Position (nested positions as current Hugo: the real ones)');

has(q{<a class="btn" href="%22%3e%3cscript%3ealert%281%29%3c/script%3e" title="a&#34;b&lt;c&gt;" data-x="x&#39;y&amp;z">&lt;b&gt;bold&lt;/b&gt;</a>},
    'parameters escaped in attributes and text');
hasnt('<script>alert(1)', 'no script injected');
has(q{<a class="btn" href="#ZgotmplZ" title="t" data-x="d">js</a>},
    'javascript: URL refused');

has(qq{<p>Inline <code><kbd>X</kbd>\n</code> code.</p>}, 'shortcode in inline code runs');
has(qq{<pre tabindex="0"><code><kbd>Y</kbd>\n\n</code></pre>}, 'shortcode in a fenced code block runs');
has(q{<p>Escaped {{&lt; kbd Z &gt;}} and {{% alert %}}.</p>}, 'comment escape');

# {{% %}} in a heading: output inserted into the Markdown; its trailing
# newline ends the heading
has(qq{<h2 id="section-span-classbadgemdspan">Section <!-- raw HTML omitted -->md<!-- raw HTML omitted --></h2>\n<p>x</p>},
    '{{% %}} in a heading');
has(qq{<ul>\n  <li>one</li>\n  <li>two</li>\n  </ul>\n},
    'indented shortcode: later output lines get the indentation');

# ---- .Page.Store across shortcodes (nested ones run first, in document
# order), built-in param and highlight (escaped, not highlighted)

$r = $t->request(uri => '/extra.md');
page_ok($r, 'extra page');
$b = $r->{body};
has(qq{<p><sup>[1]</sup> and <sup>[2]</sup> <div class="box"><sup>[3]</sup></div>\n</p>},
    '.Page.Store shared in execution order');
has('<p>By Ada.</p>', 'built-in param');
# Chroma's markup and monokai's colours, as hugo 0.111.3 writes them
has(q{<code class="language-go" data-lang="go"><span style="display:flex;"><span><span style="color:#a6e22e">x</span> <span style="color:#f92672">:=</span> <span style="color:#e6db74">&#34;&lt;a&gt;&#34;</span> <span style="color:#f92672">&amp;&amp;</span> <span style="color:#a6e22e">y</span></span></span></code></pre></div>},
    'built-in highlight: highlighted');

# ---- unsafe HTML on: the docsy alert as its users see it

$r = $t->request(uri => '/unsafe/alert.md');
page_ok($r, 'alert page');
$b = $r->{body};
has(qq{<div class="alert alert-warning" role="alert"><h4 class="alert-heading">Heads up</h4>\n}
    . qq{Alert with a <a href="https://example.org/">link</a>.\n</div>},
    '{{% alert %}} with page_unsafe_html on');
has('<p>after</p>', 'text after the alert');

# ---- errors: 500, one log line, next request served

sub error_case {
    my ($uri, $re, $name) = @_;
    subtest $name => sub {
        my $mark = $t->log_mark;
        my $r = $t->request(uri => $uri);
        is($r->{status}, 500, 'status 500');
        my @lines = grep { /\bpage: / } split /\n/, $t->log_since($mark);
        is(scalar @lines, 1, 'one page: log line') or diag(join "\n", @lines);
        like($lines[0] // '', $re, 'message and position')
            or diag($t->log_since($mark));
        unlike($r->{body}, qr/HAHAHUGO/, 'no placeholder shown');
        page_ok(scalar $t->request(uri => '/theme.md'), 'next request served');
    };
}

error_case('/err/unclosed.md',
    qr{\[error\] .*page: \Q$root\E/err/unclosed\.md:6:3: shortcode "notice" must be closed or self-closed( while|,|$)},
    'unclosed shortcode');
error_case('/err/unknown.md',
    qr{page: \Q$root\E/err/unknown\.md:4:3: template for shortcode "nosuch" not found( while|,|$)},
    'unknown shortcode');
error_case('/err/errorf.md',
    qr{page: \Q$root\E/err/errorf\.md:7:4: .*fail: missing n},
    'errorf in a nested shortcode template: the shortcode position');
error_case('/err/tab.md',
    qr{page: \Q$root\E/err/tab\.md:4:1: .*tab \\?"lonely\\?" must be inside tabs},
    'theme errorf: tab outside tabs');
error_case('/err/noinner.md',
    qr{page: \Q$root\E/err/noinner\.md:4:15: shortcode "kbd" does not evaluate \.Inner or \.InnerDeindent, yet a closing tag was provided},
    'closing tag for a template without .Inner');
error_case('/err/comment.md',
    qr{page: \Q$root\E/err/comment\.md:4:3: comment must be closed},
    'unclosed comment');

# page_debug: the message is shown, escaped (it quotes content)
my $mark = $t->log_mark;
$r = $t->request(uri => '/debug/quoted.md');
is($r->{status}, 500, 'page_debug: 500');
like($r->{body}, qr{unterminated quoted string in shortcode parameter-argument: (&#39;|&#x27;|')&lt;script&gt;alert\(1\)},
     'page_debug: message shown, escaped');
unlike($r->{body}, qr{<script>alert}, 'page_debug: no script injected');
$t->log_like(qr{page: \Q$root\E/debug/quoted\.md:4:1: unterminated quoted string},
             'page_debug: logged with position', $mark);
page_ok(scalar $t->request(uri => '/theme.md'), 'served after the debug page');

done_testing();
