#!/bin/sh
# util/fuzz.sh: build every libFuzzer target fuzz/fuzz_*.c against the core
# and run each for FUZZ_SECONDS (default 60), one after the other.
#
#   FUZZ_SECONDS=300 sh util/fuzz.sh            every target
#   sh util/fuzz.sh front render                 only fuzz_front, fuzz_render
#   FUZZ_JOBS=2 sh util/fuzz.sh                  two processes per target
#
# Needs clang (libFuzzer, ASan, UBSan).  Binaries go to build/fuzz/, the
# growing corpus to build/fuzz/corpus/NAME (seeded from fuzz/corpus/NAME),
# crash reproducers to build/fuzz/artifacts/.  Exits non-zero when a target
# fails to build or finds a crash, a leak or a timeout.

set -u

cd "$(dirname "$0")/.." || exit 1

FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_CC=${FUZZ_CC:-clang}
FUZZ_JOBS=${FUZZ_JOBS:-1}
BUILD=build/fuzz
CORE=$(sed 's|^|src/|' src/SOURCES)
LIBS="-lcmark-gfm-extensions -lcmark-gfm -lyaml -lpcre2-8 -lcrypto -lxxhash \
      -lunistring -ltomlplusplus -lsource-highlight -lstdc++ -lxml2 -licui18n \
      -licuuc -lsass -lm"
FLAGS="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined"
FLAGS="$FLAGS -fno-sanitize-recover=all -I/usr/include/libxml2"

# Target owners: fuzz_tpl.c belongs to the template engine (#3) and is run
# only when it builds against the sources listed in src/SOURCES.
OPTIONAL="tpl"

if ! command -v "$FUZZ_CC" >/dev/null 2>&1; then
    echo "fuzz: $FUZZ_CC not found (apt-get install clang)" >&2
    exit 1
fi

if [ $# -gt 0 ]; then
    names="$*"
else
    names=$(for f in fuzz/fuzz_*.c; do
                [ -e "$f" ] || continue
                n=${f#fuzz/fuzz_}; echo "${n%.c}"
            done)
fi

mkdir -p "$BUILD/artifacts"

# the default theme is compiled into the core's users (see the Makefile)
if [ -f util/embed-theme.pl ] && [ -d conf/theme/layouts ]; then
    if ! perl util/embed-theme.pl conf/theme/layouts \
            >"$BUILD/page_builtin_theme.c.tmp"; then
        echo "fuzz: util/embed-theme.pl failed" >&2
        exit 1
    fi
    mv "$BUILD/page_builtin_theme.c.tmp" "$BUILD/page_builtin_theme.c"
    CORE="$CORE $BUILD/page_builtin_theme.c"
fi

# emoji codes and HTML entities, and the TOML and source-highlight
# shims, C++17 (see the Makefile)
perl util/gen-tables.pl >"$BUILD/page_fn_tables.c" || exit 1
# shellcheck disable=SC2086
$FUZZ_CC -x c++ -std=c++17 $FLAGS -fno-sanitize=vptr -Isrc -c \
    -o "$BUILD/page_toml.o" \
    src/page_toml.cpp || exit 1
# shellcheck disable=SC2086
# (it calls the C callbacks: -fsanitize=function needs the C++ runtime of
# UBSan, which the C link leaves out)
$FUZZ_CC -x c++ -std=c++17 $FLAGS -fno-sanitize=vptr,function -Isrc -c \
    -o "$BUILD/page_srchilite.o" \
    src/page_srchilite.cpp || exit 1
CORE="$CORE $BUILD/page_fn_tables.c $BUILD/page_toml.o $BUILD/page_srchilite.o"

status=0
summary=""

for name in $names; do
    src=fuzz/fuzz_$name.c
    bin=$BUILD/fuzz_$name
    log=$BUILD/fuzz_$name.log
    optional=0

    for o in $OPTIONAL; do
        [ "$o" = "$name" ] && optional=1
    done

    if [ ! -f "$src" ]; then
        echo "fuzz: $src: no such target" >&2
        status=1
        continue
    fi

    echo "fuzz: building $bin"
    # shellcheck disable=SC2086
    if ! $FUZZ_CC $FLAGS -Isrc -o "$bin" "$src" $CORE $LIBS; then
        if [ $optional = 1 ]; then
            echo "fuzz: $src does not build yet; skipped"
            summary="$summary
  fuzz_$name: skipped (does not build)"
            continue
        fi
        echo "fuzz: $src: build failed" >&2
        summary="$summary
  fuzz_$name: BUILD FAILED"
        status=1
        continue
    fi

    corpus=$BUILD/corpus/$name
    mkdir -p "$corpus"
    seeds=""
    [ -d "fuzz/corpus/$name" ] && seeds=fuzz/corpus/$name

    opts=""
    [ -f "fuzz/$name.dict" ] && opts="-dict=fuzz/$name.dict"
    # one job is one process; more run as -jobs N -workers N children
    [ "$FUZZ_JOBS" -gt 1 ] && opts="$opts -jobs=$FUZZ_JOBS -workers=$FUZZ_JOBS"

    echo "fuzz: running fuzz_$name for ${FUZZ_SECONDS}s"
    # -rss_limit_mb: the core caps a render at 256 MB; ASan needs headroom.
    # shellcheck disable=SC2086
    LSAN_OPTIONS="suppressions=fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
    "$bin" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$BUILD/artifacts/${name}-" $opts \
        "$corpus" $seeds >"$log" 2>&1
    rc=$?

    # with -jobs the output is in fuzz-N.log; gather it
    for j in fuzz-*.log; do
        [ -e "$j" ] || continue
        cat "$j" >>"$log"
        rm -f "$j"
    done

    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" \
            | awk '{ s += $1 } END { print s + 0 }')
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    units=$(find "$corpus" -type f | wc -l)

    if [ $rc = 0 ]; then
        result=ok
    else
        result="FAILED (exit $rc; see $log)"
        status=1
        grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" | head -n 5
    fi

    line="fuzz_$name: $execs execs in ${FUZZ_SECONDS}s (${rate:-?}/s), corpus $units, $result"
    echo "fuzz: $line"
    summary="$summary
  $line"
done

echo "fuzz: summary:$summary"

exit $status
