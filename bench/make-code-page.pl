#!/usr/bin/perl
# make-code-page.pl N: a page of N fenced code blocks of 30 lines each
# (Go, Python, JavaScript and bash in turn), each after a short paragraph:
# the code-heavy page of util/callgrind.sh, which measures highlighting.

use strict;
use warnings;

my $n = shift // 50;

my %code = (
    go => <<'CODE',
// serve answers with a greeting for the name in the query
func serve(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	if name == "" {
		http.Error(w, "no name given", 400)
		return
	}
	fmt.Fprintf(w, "hello %s, number %d\n", name, 7)
}
CODE
    python => <<'CODE',
def tally(path, top=10):
    """Count the words of a file."""
    seen = {}
    with open(path) as f:
        for line in f:  # one line at a time
            for word in line.split():
                seen[word] = seen.get(word, 0) + 1
    return sorted(seen.items())[:top]
CODE
    js => <<'CODE',
// load a list and return its names
async function names(url) {
  const res = await fetch(url, { method: "GET" });
  if (!res.ok) {
    throw new Error("status " + res.status);
  }
  const body = await res.json();
  return body.items.map(function (x) { return x.name; });
}
CODE
    bash => <<'CODE',
#!/bin/sh
# check every configuration, then reload
set -eu
for f in /etc/nginx/conf.d/*.conf; do
    echo "checking $f" && nginx -t -c "$f" || exit 1
done
systemctl reload nginx
CODE
);
my @langs = qw(go python js bash);

print "---\ntitle: \"$n code blocks\"\n---\n\n";
for my $i (0 .. $n - 1) {
    my $lang = $langs[$i % @langs];
    my @lines = split /^/, $code{$lang} x 5;
    print "Step $i: what the code below does.\n\n",
          "```$lang\n", @lines[0 .. 29], "```\n\n";
}
