#!/bin/sh
# Take the README's screenshot of the example site with headless Chromium
# (Debian's chromium), from the server `make run` starts.
#
#   screenshot.sh [PATH [OUT.png]]     default: /guide docs/screenshot.png

set -e

top=$(cd "$(dirname "$0")/.." && pwd)
path=${1:-/guide}
out=${2:-$top/docs/screenshot.png}
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

command -v chromium >/dev/null || {
    echo "screenshot: chromium missing: apt-get install chromium" >&2
    exit 1
}

mkdir -p "$(dirname "$out")"

# a 1280 px wide window drawn at 0.6 scale keeps the PNG small
chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update \
    --disable-sync --disable-quic --hide-scrollbars \
    --user-data-dir="$profile" --force-device-scale-factor=0.6 \
    --window-size=1280,1500 --screenshot="$out" \
    "http://127.0.0.1:8080$path" 2>/dev/null

echo "screenshot: $out"
