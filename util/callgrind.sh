#!/bin/sh
# Instruction counts (valgrind's callgrind) of page-render against a bare
# libcmark-gfm parse + HTML render of the same page (bench/cmark-baseline.c),
# the instruction target of issue #6:
#
#   page-render <= 1.5 x baseline on the seed-like page
#
#   sh util/callgrind.sh            (after `make`)
#
# What is counted: page-render compiles the templates at startup, which
# nginx does once per configuration, so only the render is counted: the
# calls to page_render() and everything beneath them
# (--toggle-collect=page_render).  The baseline likewise counts its main()
# (reading the file, parsing, rendering, writing), not the dynamic loader
# and libc start-up that run before it.  Whole-process totals of both are
# printed too, for reference.
#
# Pages: the seed-like page (bench/make-sc-page.pl 8192, shortcodes and the
# default theme's "page" layout), the 8 KB and 1 MB Markdown pages
# (bench/make-page.pl), a page of 2,000 shortcodes and one of 50 code
# blocks (bench/make-code-page.pl, highlighted, counted cold); per-byte
# costs show whether large pages stay linear.

set -eu

BUILD=${BUILD:-build}
OUT=$BUILD/bench-cg
CLI=${CLI:-$BUILD/page-render}
BASE=$OUT/cmark-baseline
CC=${CC:-cc}

command -v valgrind >/dev/null || {
    echo "callgrind.sh: valgrind is missing (apt-get install valgrind)" >&2
    exit 1
}
[ -x "$CLI" ] || { echo "callgrind.sh: run make first" >&2; exit 1; }

mkdir -p "$OUT"

$CC -O2 -o "$BASE" bench/cmark-baseline.c \
    -lcmark-gfm-extensions -lcmark-gfm

perl bench/make-sc-page.pl 8192 > "$OUT/seedlike.md"
perl bench/make-page.pl 8192 > "$OUT/page-8k.md"
perl bench/make-page.pl 1048576 > "$OUT/page-1m.md"

# N shortcodes (N/2 page-section blocks each holding a page-content with a
# short Markdown body): 2,000 of them, and 200 to compare the cost per byte
scpage() {
    perl -e '
        my $n = shift;
        print "---\ntitle: \"$n shortcodes\"\nlayout: \"page\"\n---\n\n";
        for my $i (1 .. $n / 2) {
            print "{{< page-section >}}\n\n{{< page-content >}}\n",
                  "Item $i: *some* text with a [link](/x/$i/).\n",
                  "{{< /page-content >}}\n\n{{< /page-section >}}\n\n";
        }' "$1"
}
scpage 2000 > "$OUT/sc-2000.md"
# 50 fenced blocks of 30 lines: highlighting (and its cold start: each
# language's definition read on first use)
perl bench/make-code-page.pl 50 > "$OUT/code-50.md"
scpage 200 > "$OUT/sc-200.md"

# ir LOGFILE: the "summary:" total of a callgrind output file
ir() {
    sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$1" | head -n 1
}

# cg NAME CMD...: run CMD under callgrind twice, collecting everything and
# collecting only below the function named by $TOGGLE
cg() {
    name=$1
    shift
    valgrind --tool=callgrind --callgrind-out-file="$OUT/$name.all.out" \
        "$@" > /dev/null 2> "$OUT/$name.all.log"
    valgrind --tool=callgrind --toggle-collect="$TOGGLE" \
        --callgrind-out-file="$OUT/$name.out" \
        "$@" > /dev/null 2> "$OUT/$name.log"
}

printf '%-12s %9s %13s %13s %7s %9s %9s\n' page bytes baseline \
    page-render ratio "base/B" "render/B"

for page in seedlike page-8k page-1m sc-200 sc-2000 code-50; do
    md=$OUT/$page.md
    bytes=$(wc -c < "$md")

    TOGGLE=main cg "$page.base" "$BASE" "$md"
    TOGGLE=page_render cg "$page.render" "$CLI" "$md"

    b=$(ir "$OUT/$page.base.out")
    r=$(ir "$OUT/$page.render.out")
    ball=$(ir "$OUT/$page.base.all.out")
    rall=$(ir "$OUT/$page.render.all.out")

    printf '%-12s %9d %13d %13d %7.3f %9.1f %9.1f\n' "$page" "$bytes" \
        "$b" "$r" "$(echo "$r / $b" | bc -l)" \
        "$(echo "$b / $bytes" | bc -l)" "$(echo "$r / $bytes" | bc -l)"
    printf '%-12s %9s %13d %13d %7.3f   (whole process)\n' "" "" \
        "$ball" "$rall" "$(echo "$rall / $ball" | bc -l)"
done

echo
echo "ratio = page-render / baseline (target on seedlike: <= 1.5)"
echo "profiles: $OUT/*.out (callgrind_annotate --inclusive=yes FILE)"
