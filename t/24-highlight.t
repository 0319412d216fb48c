#!/usr/bin/perl
# Highlighted code against Hugo 0.111.3 (Debian's `hugo`), as t/14-hugo.t
# does it: every case is a content page (plus shortcode templates); one
# Hugo site holds them all, with Hugo's default markup.highlight (so
# fenced blocks are highlighted, monokai's inline styles); `hugo --quiet`
# builds it, and each out/<page>/index.html must equal
# `build/page-render --content -t <site>/layouts <site>/content/<page>.md`
# (trailing whitespace of the whole output dropped on both sides).
# Expected output is never stored here: hugo writes it on each run.
#
# The tokens come from GNU source-highlight, not Chroma's lexers, so the
# cases hold code on which the two agree; README ("Highlighted code")
# says where they differ and how often.  The class-name markup
# (noClasses = false) is checked through the highlight function, whose
# options can say so; the fenced blocks' own are in
# t/unit/test_highlight.c.
#
# Environment: HUGO (default `hugo`), PAGE_RENDER (default
# build/page-render), PAGE_TEST_KEEP=1 keeps the site.

use strict;
use warnings;

use FindBin;
use lib "$FindBin::Bin/lib";
use PageTest;

use Cwd qw(abs_path);
use File::Path qw(make_path);
use File::Temp qw(tempdir);

my $REPO = abs_path("$FindBin::Bin/..");
my $RENDER = $ENV{PAGE_RENDER} || "$REPO/build/page-render";
my $HUGO = $ENV{HUGO} || 'hugo';

my $hugo_version = `$HUGO version 2>/dev/null` // '';
plan skip_all => 'hugo is not installed'
    unless $? == 0 && $hugo_version =~ /hugo v/;
plan skip_all => "page-render not built ($RENDER); run make" unless -x $RENDER;

my $TMP = tempdir('page-hl-XXXXXXXX', TMPDIR => 1,
                  CLEANUP => !$ENV{PAGE_TEST_KEEP});
diag("site kept in $TMP") if $ENV{PAGE_TEST_KEEP};

my $FM = "---\ntitle: T\n---\n";

my %SC = (
    # the highlight function, options from the shortcode's second argument
    'hlf'  => '{{ highlight (trim .Inner "\n") (.Get 0) (.Get 1) }}',
    # an options map
    'hlm'  => '{{ highlight (trim .Inner "\n") "go" (dict "lineNos" "inline"'
            . ' "hl_lines" "2" "lineNoStart" 5) }}',
    'can'  => '{{ range slice "go" "GO" "golang" "js" "yaml" "c++" "sh" "nosuch" "" }}'
            . '{{ . }}={{ transform.CanHighlight . }} {{ end }}',
);

my @CASES = (
    # ---- languages (code on which the lexers agree)
    [ 'go' => "```go\npackage main\n\nimport \"fmt\"\n\n// main says hi\n"
              . "func main() {\n\tx := 42\n\tfmt.Println(\"hi <&>\", x)\n}\n```\n" ],
    [ 'go in a list' => "- one\n\n  ```go\n  y := 1.5\n  ```\n\nafter\n" ],
    [ 'javascript' => "```js\n// add\nconst add = function (a, b) {\n"
                      . "  return a + b;\n};\nvar s = 'q';\n```\n" ],
    [ 'bash' => "```bash\n# build\nmake -j2 && echo \"done\"\nX=1 ./run\n```\n" ],
    [ 'sh' => "```sh\nhugo server --port=1313\n```\n" ],
    [ 'html' => "```html\n<a href=\"/x\" class=\"btn\">Go</a>\n<p>text</p>\n```\n" ],
    [ 'json' => "```json\n{\n  \"name\": \"x\",\n  \"list\": [\"a\", \"b\"]\n}\n```\n" ],
    [ 'c' => "```c\n#include <stdio.h>\n\nint main(void) {\n"
             . "    return 0; // ok\n}\n```\n" ],
    [ 'text and no language' => "```text\nplain <text>\n```\n\n```\nnone & all\n```\n" ],
    # Chroma's markup, the tokens' spans aside (strip: compared without)
    [ 'a language the library lacks' => "```yaml\nkey: value\n```\n", 1 ],
    [ 'unknown language' => "```nosuchlang\nx < y\n```\n" ],
    [ 'language in capitals' => "```Go\nx\n```\n" ],
    [ 'indented code is not highlighted' => "para\n\n    indented <x>\n" ],
    [ 'last line without a newline' => "~~~go\nx\n\n~~~\n" ],

    # ---- options in the info string
    [ 'linenos=table, hl_lines, linenostart' =>
      "```go {linenos=table,hl_lines=[2,\"4-5\"],linenostart=10}\na\nb\nc\nd\ne\n```\n" ],
    [ 'linenos=inline, anchors' =>
      "```go {linenos=inline,hl_lines=2,anchorlinenos=true,lineanchors=foo}\na\nb\n```\n" ],
    [ 'linenos=true, lineNumbersInTable=false' =>
      "```go {linenos=true,lineNumbersInTable=false}\na\nb\n```\n" ],
    [ 'hl_lines alone' => "```go {hl_lines=[\"1-2\"]}\na\nb\n```\n" ],
    [ 'tabWidth' => "```go {tabWidth=2}\n\ta\n```\n" ],
    [ 'class and id' => "```go {.wide #listing}\na\n```\n" ],
    [ 'default anchors count the page\'s code blocks' =>
      "```go {linenos=inline,anchorlinenos=true}\na\n```\n\n```\nb\n```\n\n"
      . "```go {linenos=inline,anchorlinenos=true}\nc\n```\n" ],
    [ 'linenostart 0, two digits' =>
      "```go {linenos=table,hl_lines=[\"2-3\"],linenostart=8}\na\nb\nc\n```\n" ],

    # ---- the highlight shortcode and function
    [ 'highlight shortcode' =>
      "{{< highlight go >}}\nx := 1\ny := 2\n{{< /highlight >}}\n" ],
    [ 'highlight shortcode with options' =>
      "{{< highlight go \"linenos=table,hl_lines=1\" >}}\nx := 1\ny := 2\n"
      . "{{< /highlight >}}\n" ],
    [ 'highlight shortcode, unknown language' =>
      "{{< highlight nosuch >}}\nx := 1\n{{< /highlight >}}\n" ],
    [ 'highlight function, classes' =>
      "{{< hlf go \"noClasses=false,linenos=table,hl_lines=2,anchorlinenos=true\" >}}\n"
      . "// c\nx := \"s\"\n{{< /hlf >}}\n" ],
    [ 'highlight function, inline numbers with classes' =>
      "{{< hlf go \"noClasses=false,linenos=inline,linenostart=9\" >}}\na\nb\n{{< /hlf >}}\n" ],
    [ 'highlight function, options map' => "{{< hlm >}}\na\nb\n{{< /hlm >}}\n" ],
    [ 'transform.CanHighlight' => "{{< can >}}\n" ],
);

sub write_file {
    my ($path, $data) = @_;
    (my $dir = $path) =~ s{/[^/]*$}{};
    make_path($dir);
    open my $fh, '>:raw', $path or die "$path: $!";
    print $fh $data;
    close $fh or die "$path: $!";
}

sub slurp {
    my ($path) = @_;
    open my $fh, '<:raw', $path or return undef;
    local $/;
    return scalar <$fh>;
}

sub trail { my $s = shift // ''; $s =~ s/\s+\z//; return $s }

my $site = "$TMP/site";
write_file("$site/config.toml", <<'TOML');
baseURL = "https://example.org/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]
TOML
write_file("$site/layouts/_default/single.html", '{{ .Content }}');
write_file("$site/layouts/shortcodes/$_.html", $SC{$_}) for keys %SC;

my $n = 0;
for my $c (@CASES) {
    $c->[3] = sprintf('c%02d', $n++);
    write_file("$site/content/$c->[3].md", $FM . $c->[1]);
}

# without the spans of coloured tokens (only for the 'strip' cases)
sub unstyled {
    my ($s) = @_;
    1 while $s =~ s{<span style="color:[^"]*">([^<]*)</span>}{$1}g;
    return $s;
}

system("cd '$site' && '$HUGO' --quiet -d out >hugo.out 2>&1");
is($? >> 8, 0, 'hugo builds the site') or diag(slurp("$site/hugo.out"));

for my $c (@CASES) {
    my ($name, $md, $strip, $page) = @$c;
    my $want = slurp("$site/out/$page/index.html");
    my $got = `'$RENDER' --content -t '$site/layouts' '$site/content/$page.md' 2>&1`;
    ($got, $want) = (unstyled($got), unstyled($want)) if $strip;
    if (trail($got) eq trail($want)) {
        pass($name);
    } else {
        fail($name);
        diag("     ours: " . trail($got) . "\nexpected: " . trail($want));
    }
}

done_testing();
