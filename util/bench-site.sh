#!/bin/sh
# `make bench-site` (also the last part of `make bench`): the figures of
# issue #12 on a generated site of BENCH_SITE_PAGES (10,000) pages in 20
# sections of 5 subsections, with tags and categories (bench/site-index.c
# writes it under build/bench-site/site once):
#
#   1. build/site-index: the index's build time, memory per page against
#      the front matter, one freshness check (inotify and stat), a lookup
#      and the rebuild after an edit;
#   2. nginx with `page_site` on the site (1 worker pinned to CPU 0, no
#      page_cache, wrk on CPU 1): cold renders/s of the home page (the
#      site's layouts/index.html ranges over .Paginator, Hugo's default,
#      10 pages a pager, with titles, dates and summaries), of its pager
#      2, of a section paginating a where over all 10,000 pages, and of
#      one single page; the list pages' cost against a single page's
#      (target: a paginated list <= 10x the cold render of one page);
#   3. Debian's hugo building the same site, against the time our server
#      takes to show an edit of a page (written, then fetched until the
#      new text is in the answer).
#
# Environment: BENCH_SITE_PAGES=10000, BENCH_SECONDS=5, NGINX, BENCH_PORT.

set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
out="$top/build/bench-site"
nginx=${NGINX:-/usr/sbin/nginx}
module="$top/build/ngx_http_page_module.so"
pages=${BENCH_SITE_PAGES:-10000}
secs=${BENCH_SECONDS:-5}
site="$out/site-$pages"

die() {
    echo "bench-site: $*" >&2
    exit 1
}

[ -x "$top/build/site-index" ] || die "build/site-index missing: make it"
[ -f "$module" ] || die "$module missing: run make"

mkdir -p "$out/logs" "$out/tmp"

echo "== site index ($pages pages) =="
"$top/build/site-index" "$pages" "$site" || die "site-index failed"

# the home page paginates with .Paginator (Hugo's default: the site's
# regular pages), the list page of the target; the sections with
# .Paginate over a where on all the site's pages, a common theme pattern
# that reads every page of the site
mkdir -p "$site/layouts/_default"
cat > "$site/layouts/index.html" <<'EOF'
<!DOCTYPE html>
<html><head><title>{{ .Site.Title }}</title></head><body><main>
{{ range .Paginator.Pages }}
<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<time>{{ .Date.Format "2006-01-02" }}</time>
<p>{{ .Summary }}</p></article>
{{ end }}
{{ template "_internal/pagination.html" . }}
</main></body></html>
EOF
cat > "$site/layouts/_default/list.html" <<'EOF'
<!DOCTYPE html>
<html><head><title>{{ .Title }}</title></head><body><main>
{{ $pager := .Paginate (where .Site.RegularPages "Section" .Section) }}
{{ range $pager.Pages }}
<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p>{{ .Summary }}</p></article>
{{ end }}
{{ template "_internal/pagination.html" . }}
</main></body></html>
EOF

. "$top/util/bench-nginx.sh"

pidfile="$out/nginx.pid"
cleanup() {
    rc=$?
    trap - EXIT INT TERM
    stop_nginx "$pidfile" "$out"
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
stop_nginx "$pidfile" "$out"

port=${BENCH_PORT:-$(free_port)}
affinity=
pin=
if [ "$(nproc 2>/dev/null || echo 1)" -ge 2 ] && command -v taskset \
       >/dev/null 2>&1 && taskset -c 1 true 2>/dev/null
then
    affinity="worker_cpu_affinity 1;"
    pin="taskset -c 1"
fi

cat > "$out/nginx.conf" <<EOF
# written by util/bench-site.sh
load_module  $module;
worker_processes  1;
$affinity
pid        $pidfile;
error_log  $out/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log  off;
    keepalive_requests  1000000;
    client_body_temp_path  $out/tmp/body;
    proxy_temp_path        $out/tmp/proxy;
    fastcgi_temp_path      $out/tmp/fastcgi;
    uwsgi_temp_path        $out/tmp/uwsgi;
    scgi_temp_path         $out/tmp/scgi;
    server {
        listen  127.0.0.1:$port;
        page_site  $site;
    }
}
EOF

: > "$out/logs/error.log"
"$nginx" -p "$out/" -e "$out/logs/error.log" -c "$out/nginx.conf" -t -q \
    || die "nginx -t failed (see $out/nginx.conf)"
"$nginx" -p "$out/" -e "$out/logs/error.log" -c "$out/nginx.conf" \
    || die "nginx failed to start (see $out/logs/error.log)"
i=0
while ! [ -s "$pidfile" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done

base="http://127.0.0.1:$port"

# status URL: the HTTP status of a GET
status() {
    perl -MHTTP::Tiny -e '
        my $r = HTTP::Tiny->new(timeout => 60)->get($ARGV[0]);
        print $r->{status}, "\n";' "$1"
}

single="/s00/sub0/post-0/"
for u in / /page/2/ /s00/ "$single"; do
    s=$(status "$base$u")
    [ "$s" = 200 ] || die "GET $u: $s (see $out/logs/error.log)"
done

rps() {
    $pin wrk -t1 -c4 -d"$secs"s --timeout 10s "$base$1" > "$out/wrk.txt" 2>&1 \
        || die "wrk failed: $(cat "$out/wrk.txt")"
    ! grep -q 'Non-2xx' "$out/wrk.txt" || die "wrk: $1: non-2xx answers"
    awk '/^Requests\/sec:/ { print $2 }' "$out/wrk.txt"
}

echo "== cold renders through page_site (no page_cache; $secs s each) =="
home=$(rps /)
pager=$(rps /page/2/)
section=$(rps /s00/)
one=$(rps "$single")
awk -v h="$home" -v p="$pager" -v s="$section" -v o="$one" 'BEGIN {
    printf "  single page %-18s %8.1f r/s\n", "'"$single"'", o
    printf "  home, pager 1 %-16s %8.1f r/s  %.2fx the single page'"'"'s time (target <= 10x): %s\n", "/", h, o / h, (o / h <= 10 ? "met" : "NOT met")
    printf "  home, pager 2 %-16s %8.1f r/s  %.2fx the single page'"'"'s time (target <= 10x): %s\n", "/page/2/", p, o / p, (o / p <= 10 ? "met" : "NOT met")
    printf "  section /s00/, .Paginate (where .Site.RegularPages ...) %8.1f r/s  %.2fx the single page'"'"'s time (no target: it reads all 10,000 pages)\n", s, o / s
}'

worker=$(ps -o pid= --ppid "$(cat "$pidfile")" | awk 'NR == 1 { print $1 }')
if [ -n "$worker" ]; then
    awk '/^VmRSS/ { printf "  worker resident after the runs: %.1f MB\n", $2 / 1024 }' \
        "/proc/$worker/status"
fi

echo "== an edit: hugo's build against our next request =="
if command -v hugo >/dev/null 2>&1; then
    rm -rf "$out/public"
    # without the sections' where over every page: hugo would run it for
    # each of the site's 1,500 list pagers (over a minute); ours only
    # runs for the page asked for
    mv "$site/layouts/_default/list.html" "$out/list.html"
    t0=$(date +%s.%N)
    hugo --quiet -s "$site" -d "$out/public" >"$out/hugo.log" 2>&1 \
        || echo "  (hugo failed: see $out/hugo.log)"
    t1=$(date +%s.%N)
    mv "$out/list.html" "$site/layouts/_default/list.html"
    awk -v a="$t0" -v b="$t1" 'BEGIN {
        printf "  hugo %s: full build %.2f s (home layout above, built-in theme otherwise)\n", "'"$(hugo version | awk '{print $2}')"'", b - a }'
else
    echo "  hugo not installed: its build is not measured"
fi

page="$site/content/s00/sub0/post-0.md"
mark="edit-$(date +%s%N)"
cp "$page" "$out/page.orig"
t0=$(date +%s.%N)
printf '\n%s\n' "$mark" >> "$page"
n=0
until perl -MHTTP::Tiny -e '
        my $r = HTTP::Tiny->new(timeout => 60)->get($ARGV[0]);
        exit(index($r->{content}, $ARGV[1]) >= 0 ? 0 : 1)' \
        "$base$single" "$mark"
do
    n=$((n + 1))
    [ $n -lt 1000 ] || die "the edit never showed"
done
t1=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" -v n="$n" 'BEGIN {
    printf "  page_site: the edited page shows the edit %.1f ms after the write (%d earlier answers without it)\n", (b - a) * 1000, n }'
cp "$out/page.orig" "$page"
