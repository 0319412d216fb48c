#!/bin/sh
# Install the Debian packages the build and the tests need, when missing.
# As root it runs apt-get; otherwise it only says what is missing.
#
#   deps.sh [extra packages]
#
# hugo (0.111.3 in Debian 12) is the tests' oracle: t/14-hugo.t renders
# the same files with it and with us and compares.  chromium and
# chromium-driver run the browser tests (t/20-browser.t) over WebDriver;
# fonts-liberation gives their screenshots the fonts a desktop has.

PACKAGES="nginx nginx-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
libyaml-dev libpcre2-dev libssl-dev libxxhash-dev zlib1g-dev libunistring-dev
libtomlplusplus-dev libsource-highlight-dev libxml2-dev libicu-dev
libsass-dev g++
gcc make
tzdata perl libhtml-html5-entities-perl golang-github-kyokomi-emoji-dev hugo
chromium chromium-driver fonts-liberation $*"

missing=
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null \
        | grep -q 'install ok installed'
    then
        missing="$missing $p"
    fi
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
    echo "deps: missing Debian packages:$missing" >&2
    echo "deps: run as root, or: sudo apt-get install$missing" >&2
    exit 1
fi

echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq || exit 1
apt-get install -y -qq --no-install-recommends $missing || exit 1

# the nginx package starts a server on port 80 we do not need
if command -v systemctl >/dev/null 2>&1; then
    systemctl stop nginx >/dev/null 2>&1 || true
fi
exit 0
