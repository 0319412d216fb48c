#!/bin/sh
# `make valgrind`: the module and the CLI under valgrind's memcheck.
#
#   1. The integration tests that exercise the module's paths run with
#      nginx (one process, no daemon) under memcheck, leaks included
#      (PAGE_TEST_VALGRIND=leaks, t/lib/PageTest.pm): any error, and any
#      block "definitely lost" at exit, fails the test file.  What nginx
#      and the module keep for the process's life on purpose is in
#      util/valgrind.supp, each entry with its reason.
#   2. The CLI renders the example site, the seed-like and plain bench
#      pages, a page of shortcodes and one of highlighted code blocks
#      under memcheck, leaks included.
#
# `make valgrind` runs it with its own build of the module and the CLI
# (PAGE_MODULE, CLI: build/vg, PCRE2 without its JIT; see the Makefile).
# Ends with a summary; the exit status is non-zero when anything failed.
# The browser tests (a real browser, minutes under valgrind) and the Hugo
# comparisons (the CLI, covered by part 2) are left out.

set -u

BUILD=${BUILD:-build}
CLI=${CLI:-$BUILD/page-render}
OUT=$BUILD/valgrind
SUPP=util/valgrind.supp

TESTS=${VALGRIND_TESTS:-"t/01-basic.t t/02-headers.t t/03-ranges.t
t/04-validators.t t/05-proxy.t t/06-errors.t t/07-directives.t t/09-io.t
t/10-seed.t t/10-templates.t t/12-uri.t t/13-shortcodes.t t/15-limits.t
t/16-encoding.t t/17-publish.t t/18-failures.t t/19-error-pages.t
t/21-resources.t t/22-lookup.t t/23-themes-corpus.t t/30-cache.t t/40-site.t
t/41-site-feeds.t t/42-site-pager.t t/43-site-content.t t/44-site-data.t
t/45-site-resources.t t/46-site-related.t t/47-site-sites.t t/48-site-lookup.t
t/51-site-partials.t t/52-site-fresh.t t/53-site-methods.t"}

command -v valgrind >/dev/null || {
    echo "valgrind.sh: valgrind is missing (apt-get install valgrind)" >&2
    exit 1
}
[ -x "$CLI" ] || { echo "valgrind.sh: run make first" >&2; exit 1; }

mkdir -p "$OUT"
failed=

for t in $TESTS; do
    if PAGE_TEST_VALGRIND=leaks prove "$t" > "$OUT/$(basename "$t").log" 2>&1
    then
        echo "valgrind: $t: no errors, no leaks"
    else
        echo "valgrind: $t: FAILED (see $OUT/$(basename "$t").log)"
        failed="$failed $t"
    fi
done

# the CLI over a few kinds of page
perl bench/make-sc-page.pl 8192 > "$OUT/seedlike.md"
perl bench/make-page.pl 65536 > "$OUT/page.md"
perl bench/make-sc-page.pl 65536 > "$OUT/shortcodes.md"
perl bench/make-code-page.pl 12 > "$OUT/code.md"

for f in example/index.md example/about.md example/guide.md \
         example/docs/index.md "$OUT/seedlike.md" "$OUT/page.md" \
         "$OUT/shortcodes.md" "$OUT/code.md"
do
    log="$OUT/cli-$(basename "$f").log"

    if valgrind -q --error-exitcode=99 --leak-check=full \
           --show-leak-kinds=definite --errors-for-leak-kinds=definite \
           --suppressions="$SUPP" "$CLI" --root example "$f" \
           > /dev/null 2> "$log"
    then
        echo "valgrind: page-render $f: no errors, no leaks"
    else
        echo "valgrind: page-render $f: FAILED (see $log)"
        failed="$failed page-render:$f"
    fi
done

if [ -n "$failed" ]; then
    echo "valgrind: FAILED:$failed"
    exit 1
fi

echo "valgrind: every run clean"
