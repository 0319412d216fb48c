#!/bin/sh
# `make bench`: requests/s of a page rendered by the module against the
# identical HTML served by nginx as a static file, and against a reference
# module that runs only libcmark-gfm.
#
# One nginx (1 worker, pinned to CPU 0) serves, for each page,
#   (a) /static/NAME.html  the page as HTML made by build/page-render
#                          (served as a plain static file, `page off`)
#   (b) /cached/NAME.md    the Markdown page, rendered through page_cache
#   (c) /md/NAME.md        the Markdown page, rendered every time
#                          (`page on`, no cache: a cold render)
#   (d) /ref/NAME.md       the same Markdown through the reference module
#                          (build/ngx_http_cmark_ref_module.so from
#                          bench/ngx_http_cmark_ref_module.c, `cmark_ref
#                          on`, `page off`): front matter skipped, the
#                          body through libcmark-gfm's parser and HTML
#                          renderer (table, strikethrough, autolink,
#                          tasklist), pasted into a fixed 95-byte frame;
#                          no shortcodes, no layout, no theme
# and wrk, pinned to CPU 1, loads each in turn.  (a), (b) and (c) must be
# byte-identical; (d) is not the same page (shortcodes stay text, there is
# no theme), only the same Markdown through the Markdown library alone.
# The inputs are made by bench/make-page.pl and bench/make-sc-page.pl under
# build/bench/; nothing there is committed.
#
# Output: one "run N:" line per run (static, cached, cold, then ref), and
# a table of medians: (a) static, (b) cached, (c) cold r/s and p99, b/a,
# c/a, then (d) ref r/s and p99, d/a and c/d.  d/a is the floor: the
# cold-render ratio of a module that does nothing but libcmark-gfm on
# these pages, on this machine, in this run (issue #6's reference point);
# c/d is the share of that the page module reaches.
#
# Environment:
#   BENCH_SECONDS=10     length of each measured wrk run
#   BENCH_RUNS=3         measured runs per case (the median is reported)
#   BENCH_WARMUP=2       seconds of warm-up per case, not measured
#   BENCH_CONNECTIONS=16 wrk connections (-c)
#   BENCH_THREADS=1      wrk threads (-t)
#   BENCH_PORT=          loopback port (default: a free one)
#   BENCH_PAGES="seedlike:8192 page:8192 page-1m:1048576 sc2000:430000"
#                        the pages (NAME:BYTES), a subset to measure one
#   BENCH_RSS_REQUESTS=0 then this many cold renders, printing the worker's
#                        RSS (1000000: issue #6's memory check, ~4 min)
#   NGINX=/usr/sbin/nginx
#
# Default runtime: about 9 minutes (4 pages x 4 cases x 3 runs of 10 s).

set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
bench="$top/build/bench"
nginx=${NGINX:-/usr/sbin/nginx}
module="$top/build/ngx_http_page_module.so"
ref_module="$top/build/ngx_http_cmark_ref_module.so"
render="$top/build/page-render"

secs=${BENCH_SECONDS:-10}
runs=${BENCH_RUNS:-3}
warmup=${BENCH_WARMUP:-2}
conns=${BENCH_CONNECTIONS:-16}
threads=${BENCH_THREADS:-1}

# NAME:SIZE of each page, in bytes of Markdown
# name:size; seedlike and sc2000 are made by make-sc-page.pl (the seed's
# shape: sections, outlines, a CTA); sc2000 holds about 2,000 shortcodes
pages=${BENCH_PAGES:-"seedlike:8192 page:8192 page-1m:1048576 sc2000:430000"}

die() {
    echo "bench: $*" >&2
    exit 1
}

for v in "$secs" "$runs" "$warmup" "$conns" "$threads"; do
    case "$v" in
    '' | *[!0-9]* | 0) die "BENCH_* must be positive integers" ;;
    esac
done

[ -f "$module" ] || die "$module missing: run make"
[ -f "$ref_module" ] \
    || die "$ref_module missing: run make build/ngx_http_cmark_ref_module.so"
[ -x "$render" ] || die "$render missing: run make"
[ -x "$nginx" ] || die "$nginx missing"


# --- wrk --------------------------------------------------------------

if ! command -v wrk >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] \
        || die "wrk missing: run as root, or: sudo apt-get install wrk"
    echo "bench: installing wrk"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq wrk >/dev/null 2>&1 \
        || { apt-get update -qq && apt-get install -y -qq wrk; } \
        || die "apt-get install wrk failed"
    command -v wrk >/dev/null 2>&1 || die "wrk still missing"
fi


# --- CPU pinning: nginx's worker on CPU 0, wrk on CPU 1 ---------------

ncpu=$(nproc 2>/dev/null || echo 1)
affinity=
pin=
if [ "$ncpu" -ge 2 ] && command -v taskset >/dev/null 2>&1 \
   && taskset -c 1 true 2>/dev/null
then
    affinity="worker_cpu_affinity 1;"
    pin="taskset -c 1"
    pinning="nginx worker on CPU 0, wrk on CPU 1"
else
    pinning="not pinned ($ncpu CPU(s) or no taskset)"
fi


# --- nginx: stop it at the end, whatever happens ----------------------

pidfile="$bench/nginx.pid"

. "$top/util/bench-nginx.sh"

cleanup() {
    rc=$?
    trap - EXIT INT TERM
    stop_nginx "$pidfile" "$bench"
    exit $rc
}

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

stop_nginx "$pidfile" "$bench"    # a leftover from an interrupted run


# --- inputs -----------------------------------------------------------

rm -rf "$bench/www" "$bench/wrk"
mkdir -p "$bench/www/md" "$bench/www/static" "$bench/logs" "$bench/tmp" \
         "$bench/wrk"

for p in $pages; do
    name=${p%%:*}
    size=${p#*:}
    case $name in
    seedlike*|sc*) generator=make-sc-page.pl ;;  # shortcodes, page layout
    *)         generator=make-page.pl ;;
    esac
    perl "$top/bench/$generator" "$size" > "$bench/www/md/$name.md"
    "$render" "$bench/www/md/$name.md" > "$bench/www/static/$name.html" \
        || die "page-render failed on $name.md"
done

# the worker may run as an unprivileged user
chmod -R a+rX "$bench/www"

# load a copy: a rebuild during the run (cp over the .so) must not
# change the code under the running worker
cp "$module" "$bench/ngx_http_page_module.so"
module="$bench/ngx_http_page_module.so"
cp "$ref_module" "$bench/ngx_http_cmark_ref_module.so"
ref_module="$bench/ngx_http_cmark_ref_module.so"


# --- nginx configuration ----------------------------------------------

if [ -n "${BENCH_PORT:-}" ]; then
    port=$BENCH_PORT
else
    port=$(free_port)
fi

conf="$bench/nginx.conf"
cat > "$conf" <<EOF
# written by util/bench.sh
load_module  $module;
load_module  $ref_module;

worker_processes  1;
$affinity
pid               $pidfile;
error_log         $bench/logs/error.log warn;

events {
    worker_connections  1024;
}

http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    access_log          off;
    sendfile            on;
    tcp_nopush          on;
    keepalive_timeout   65;
    keepalive_requests  1000000;

    client_body_temp_path  $bench/tmp/body;
    proxy_temp_path        $bench/tmp/proxy;
    fastcgi_temp_path      $bench/tmp/fastcgi;
    uwsgi_temp_path        $bench/tmp/uwsgi;
    scgi_temp_path         $bench/tmp/scgi;

    page_cache_zone  pages  64m;

    server {
        listen  127.0.0.1:$port;
        root    $bench/www;

        location /md/ {
            page  on;
        }

        # the same files through the render cache
        location /cached/ {
            alias       $bench/www/md/;
            page        on;
            page_cache  pages;
        }

        location /static/ {
            page  off;
        }

        # (d) the same files through libcmark-gfm alone
        location /ref/ {
            alias      $bench/www/md/;
            page       off;
            cmark_ref  on;
        }
    }
}
EOF

: > "$bench/logs/error.log"
"$nginx" -p "$bench/" -e "$bench/logs/error.log" -c "$conf" -t -q \
    || die "nginx -t failed (see $conf)"
"$nginx" -p "$bench/" -e "$bench/logs/error.log" -c "$conf" \
    || die "nginx failed to start (see $bench/logs/error.log)"

i=0
while ! [ -s "$pidfile" ] && [ $i -lt 50 ]; do
    sleep 0.1
    i=$((i + 1))
done
[ -s "$pidfile" ] || die "nginx wrote no pid file"
master=$(cat "$pidfile")

worker=
i=0
while [ -z "$worker" ] && [ $i -lt 50 ]; do
    worker=$(ps -o pid= --ppid "$master" 2>/dev/null | awk 'NR == 1 { print $1 }')
    [ -n "$worker" ] || sleep 0.1
    i=$((i + 1))
done
[ -n "$worker" ] || die "no nginx worker process"

base="http://127.0.0.1:$port"


# --- check: rendered and static bodies are byte-identical -------------

# fetch URL FILE: the body into FILE; fails unless the status is 200
fetch() {
    perl -MHTTP::Tiny -e '
        my $r = HTTP::Tiny->new(timeout => 30)->get($ARGV[0]);
        $r->{status} == 200
            or die "$ARGV[0]: $r->{status} $r->{reason}\n";
        open my $f, ">", $ARGV[1] or die "$ARGV[1]: $!\n";
        binmode $f;
        print $f $r->{content};
        close $f or die "$ARGV[1]: $!\n";' "$1" "$2"
}

for p in $pages; do
    name=${p%%:*}
    fetch "$base/md/$name.md" "$bench/wrk/$name.rendered.html" \
        || die "GET /md/$name.md failed"
    fetch "$base/static/$name.html" "$bench/wrk/$name.static.html" \
        || die "GET /static/$name.html failed"
    cmp -s "$bench/wrk/$name.rendered.html" "$bench/wrk/$name.static.html" \
        || die "/md/$name.md and /static/$name.html differ" \
               "(see $bench/wrk/)"
    fetch "$base/cached/$name.md" "$bench/wrk/$name.cached.html" \
        || die "GET /cached/$name.md failed"
    cmp -s "$bench/wrk/$name.cached.html" "$bench/wrk/$name.static.html" \
        || die "/cached/$name.md and /static/$name.html differ"
    cmp -s "$bench/wrk/$name.static.html" "$bench/www/static/$name.html" \
        || die "/static/$name.html is not the file on disk"
    # the reference page: the fixed frame around HTML, no front matter
    fetch "$base/ref/$name.md" "$bench/wrk/$name.ref.html" \
        || die "GET /ref/$name.md failed"
    perl -0777 -ne '
        my $head = q{<!DOCTYPE html><html><head><meta charset="utf-8">}
                   . q{<title>page</title></head><body>};
        index($_, $head) == 0 && /<\/body><\/html>\z/
            && substr($_, length $head, 3) ne "<hr"
            or die "not the reference page\n"' "$bench/wrk/$name.ref.html" \
        || die "/ref/$name.md is not the reference page" \
               "(see $bench/wrk/$name.ref.html)"
done


# --- wrk runs ---------------------------------------------------------

# wrk_run URL OUT: one run into OUT; prints "RPS P99_MS"
wrk_run() {
    $pin wrk -t"$threads" -c"$conns" -d"$3"s --timeout 10s --latency \
        "$1" > "$2" 2>&1 || die "wrk failed: $(cat "$2")"
    awk '
        /^Requests\/sec:/ { rps = $2 }
        /^ *99% / {
            v = $2; u = v; sub(/^[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
            if (u == "us") v /= 1000
            else if (u == "s") v *= 1000
            else if (u == "m") v *= 60000
            p99 = v
        }
        /Non-2xx or 3xx responses:/ { bad += $NF }
        /^ *Socket errors:/ {
            for (i = 3; i <= NF; i += 2) { n = $(i + 1); sub(/,/, "", n); bad += n }
        }
        END {
            if (rps == "") { print "no Requests/sec in wrk output" > "/dev/stderr"; exit 1 }
            if (bad > 0) { print "wrk: " bad " failed requests" > "/dev/stderr"; exit 1 }
            printf "%s %s\n", rps, (p99 == "" ? "-" : p99)
        }' "$2" || die "bad wrk run, see $2"
}

median() {
    sort -g | awk '
        { a[NR] = $1 }
        END {
            if (NR == 0) { print "-"; exit }
            if (NR % 2) print a[(NR + 1) / 2]
            else print (a[NR / 2] + a[NR / 2 + 1]) / 2
        }'
}

rss_kb() {
    awk '/^VmRSS:/ { print $2 }' "/proc/$worker/status" 2>/dev/null || echo 0
}

rss() {
    awk '/^VmRSS:/ { rss = $2 } /^VmHWM:/ { hwm = $2 }
         END { printf "VmRSS %d kB, VmHWM %d kB", rss, hwm }' \
        "/proc/$worker/status" 2>/dev/null || true
}

kb() {
    wc -c < "$1" | awk '{ if ($1 >= 1048576) printf "%.2f MB", $1 / 1048576
                          else printf "%.1f KB", $1 / 1024 }'
}

echo "bench: nginx $("$nginx" -v 2>&1 | sed 's/.*\///'), worker pid $worker," \
     "$base; $pinning"
echo "bench: wrk -t$threads -c$conns, ${warmup}s warm-up," \
     "$runs x ${secs}s per case"
echo "bench: load before: $(uptime | sed 's/.*load average/load average/')"
echo "bench: worker at start: $(rss)"

table="$bench/wrk/table"
: > "$table"

for p in $pages; do
    name=${p%%:*}
    md="/md/$name.md"
    st="/static/$name.html"
    echo
    echo "== $name: $(kb "$bench/www/md/$name.md") Markdown," \
         "$(kb "$bench/www/static/$name.html") HTML," \
         "$(kb "$bench/wrk/$name.ref.html") reference HTML"

    ca="/cached/$name.md"
    rf="/ref/$name.md"
    wrk_run "$base$md" "$bench/wrk/$name.warm.rendered" "$warmup" >/dev/null
    wrk_run "$base$st" "$bench/wrk/$name.warm.static" "$warmup" >/dev/null
    wrk_run "$base$ca" "$bench/wrk/$name.warm.cached" "$warmup" >/dev/null
    wrk_run "$base$rf" "$bench/wrk/$name.warm.ref" "$warmup" >/dev/null

    : > "$bench/wrk/$name.rendered"
    : > "$bench/wrk/$name.static"
    : > "$bench/wrk/$name.cached"
    : > "$bench/wrk/$name.ref"
    r=1
    while [ $r -le "$runs" ]; do
        # alternate the cases so drift in the machine's load hits all
        b=$(wrk_run "$base$st" "$bench/wrk/$name.static.$r" "$secs")
        c=$(wrk_run "$base$ca" "$bench/wrk/$name.cached.$r" "$secs")
        a=$(wrk_run "$base$md" "$bench/wrk/$name.rendered.$r" "$secs")
        d=$(wrk_run "$base$rf" "$bench/wrk/$name.ref.$r" "$secs")
        echo "$a" >> "$bench/wrk/$name.rendered"
        echo "$b" >> "$bench/wrk/$name.static"
        echo "$c" >> "$bench/wrk/$name.cached"
        echo "$d" >> "$bench/wrk/$name.ref"
        echo "$b $c $a $d" | awk -v r="$r" '{
            printf "run %d: static %9.1f req/s p99 %7.2f ms | cached %9.1f " \
                   "p99 %7.2f | cold %9.1f p99 %7.2f | ref %9.1f p99 " \
                   "%7.2f\n", r, $1, $2, $3, $4, $5, $6, $7, $8 }'
        r=$((r + 1))
    done

    rr=$(cut -d' ' -f1 "$bench/wrk/$name.rendered" | median)
    rp=$(cut -d' ' -f2 "$bench/wrk/$name.rendered" | median)
    sr=$(cut -d' ' -f1 "$bench/wrk/$name.static" | median)
    sp=$(cut -d' ' -f2 "$bench/wrk/$name.static" | median)
    cr=$(cut -d' ' -f1 "$bench/wrk/$name.cached" | median)
    cp=$(cut -d' ' -f2 "$bench/wrk/$name.cached" | median)
    fr=$(cut -d' ' -f1 "$bench/wrk/$name.ref" | median)
    fp=$(cut -d' ' -f2 "$bench/wrk/$name.ref" | median)
    printf '%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s\n' "$name" \
        "$(kb "$bench/www/md/$name.md")" "$sr" "$sp" "$cr" "$cp" "$rr" "$rp" \
        "$fr" "$fp" "$(wc -c < "$bench/www/md/$name.md")" >> "$table"
    echo "worker after $name: $(rss)"
done

# --- memory: RSS after BENCH_RSS_REQUESTS cold renders ------------------
#
# BENCH_RSS_REQUESTS=1000000 checks that the worker does not grow: its RSS
# after the first 10,000 renders of the 8 KB page and after all of them.

if [ "${BENCH_RSS_REQUESTS:-0}" -gt 0 ]; then
    echo
    url="$base/md/page.md"
    $pin wrk -t"$threads" -c"$conns" -d2s "$url" > "$bench/wrk/rss.0" 2>&1
    done_n=$(awk '/requests in/ { print $1 }' "$bench/wrk/rss.0")
    echo "rss: after $done_n renders: $(rss)"
    rss_first=$(rss_kb)
    while [ "$done_n" -lt "$BENCH_RSS_REQUESTS" ]; do
        $pin wrk -t"$threads" -c"$conns" -d20s "$url" > "$bench/wrk/rss.n" 2>&1
        done_n=$((done_n + $(awk '/requests in/ { print $1 }' \
                                  "$bench/wrk/rss.n")))
        echo "rss: after $done_n renders: $(rss)"
    done
    rss_last=$(rss_kb)
    rss_renders=$done_n
fi

if grep -q '\[\(error\|crit\|alert\|emerg\)\]' "$bench/logs/error.log"; then
    echo
    echo "bench: errors in $bench/logs/error.log:"
    grep '\[\(error\|crit\|alert\|emerg\)\]' "$bench/logs/error.log" | head -5
fi

echo
echo "bench: load after: $(uptime | sed 's/.*load average/load average/')"
echo
echo "median of $runs runs of ${secs}s (wrk -t$threads -c$conns; $pinning)"
awk -F'|' '
    BEGIN {
        printf "%-8s %9s | %10s %7s | %10s %7s | %10s %7s | %6s %6s" \
               " | %10s %7s | %6s %6s\n",
               "page", "md size", "(a)static", "p99 ms", "(b)cached",
               "p99 ms", "(c)cold", "p99 ms", "b/a", "c/a",
               "(d)ref", "p99 ms", "d/a", "c/d"
    }
    {
        printf "%-8s %9s | %10.1f %7.2f | %10.1f %7.2f | %10.1f %7.2f |" \
               " %6.3f %6.4f | %10.1f %7.2f | %6.4f %6.3f\n",
               $1, $2, $3, $4, $5, $6, $7, $8,
               ($3 > 0 ? $5 / $3 : 0), ($3 > 0 ? $7 / $3 : 0),
               $9, $10, ($3 > 0 ? $9 / $3 : 0), ($9 > 0 ? $7 / $9 : 0)
    }' "$table"
echo "floor: d/a, the ratio of (d) libcmark-gfm alone pasted into a fixed" \
     "page (bench/ngx_http_cmark_ref_module.c), measured in this run;" \
     "c/d is the share of it the page module's cold render reaches"
awk -F'|' '$1 == "page" && $3 > 0 && $9 > 0 {
    printf "floor for issue #6 (page, 8 KB): d/a %.4f; cold c/a %.4f;" \
           " target c/a >= 0.12\n", $9 / $3, $7 / $3 }' "$table"
echo "worker RSS after the runs: $(rss)"


# --- issue #6's targets -------------------------------------------------
#
# Throughput and memory from this run; instructions from util/callgrind.sh
# (valgrind), which the load on the machine does not blur.

verdict() {
    awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {
        ok = (op == ">=") ? (v >= t) : (v <= t)
        print (ok ? "met" : "NOT met") }'
}

echo
echo "targets (issue #6):"
awk -F'|' '$1 == "page" || $1 == "seedlike" {
    printf "%s %.4f %.4f %.4f\n", $1, $5 / $3, $7 / $3, $9 / $3 }' "$table" |
while read -r name warm cold ref; do
    echo "  warm cache >= 0.85 x static, $name (8 KB): $warm" \
         "$(verdict "$warm" ">=" 0.85)"
    echo "  cold       >= 0.12 x static, $name (8 KB): $cold" \
         "$(verdict "$cold" ">=" 0.12)" \
         "(libcmark-gfm alone, in this run: $ref)"
done

# seconds per byte of a cold render, 1 MB page against the 8 KB page
# (bytes rendered per second of the small page over those of the large)
awk -F'|' '$1 == "page" { small = $11 * $7 } $1 == "page-1m" { big = $11 * $7 }
    END { if (small > 0 && big > 0) printf "%.3f\n", small / big }' "$table" |
while read -r per_byte; do
    echo "  cold time per byte, 1 MB page / 8 KB page <= 1.3: $per_byte" \
         "$(verdict "$per_byte" "<=" 1.3)"
done

if [ -n "${rss_first:-}" ]; then
    grew=$(( (rss_last - rss_first) ))
    echo "  RSS growth over $rss_renders renders <= 1024 kB: $grew kB" \
         "$(verdict "$grew" "<=" 1024)"
else
    echo "  RSS growth over 1,000,000 renders: not measured" \
         "(BENCH_RSS_REQUESTS=1000000)"
fi

if command -v valgrind >/dev/null 2>&1; then
    sh "$top/util/callgrind.sh" > "$bench/callgrind.txt" 2>&1 \
        || die "util/callgrind.sh failed, see $bench/callgrind.txt"
    awk '$1 == "seedlike" && NF == 7 { r = $5 }
         $1 == "page-8k" && NF == 7 { small = $7 }
         $1 == "page-1m" && NF == 7 { big = $7 }
         END { printf "%s %.3f\n", r, big / small }' "$bench/callgrind.txt" |
    while read -r ratio per_byte; do
        echo "  instructions <= 1.5 x bare libcmark-gfm, seed-like page:" \
             "$ratio $(verdict "$ratio" "<=" 1.5)"
        echo "  instructions per byte, 1 MB page / 8 KB page <= 1.3:" \
             "$per_byte $(verdict "$per_byte" "<=" 1.3)"
    done
    echo "  (instructions: util/callgrind.sh, table in $bench/callgrind.txt)"
else
    echo "  instructions: not measured (valgrind missing)"
fi
