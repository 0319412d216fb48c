#!/bin/sh
# Configure a private copy of Debian's nginx build tree (nginx-dev) with
# Debian's own configure flags plus this module, so the .so we build loads
# into the stock /usr/sbin/nginx.
#
#   configure-nginx.sh NGINX_SRC BUILD_DIR MODULE_DIR [CC_OPT]
#
# MODULE_DIR is the directory with the addon `config`: the top directory
# for this module, bench/ for `make bench`'s reference module.  CC_OPT
# is added to the compiler flags (`make valgrind`'s build).

set -e

src=$1
dst=$2
module=$3
extra=${4:-}

if [ ! -f "$src/conf_flags" ]; then
    echo "configure-nginx: $src/conf_flags not found: apt-get install nginx-dev" >&2
    exit 1
fi

rm -rf "$dst"
mkdir -p "$dst"
cp -R "$src"/. "$dst"/

# The compiler flags Debian built nginx with (nginx -V): conf_flags does
# not carry them, and without them nginx's configure compiles the module
# with -O: 5% more instructions per render than -O2 (callgrind, seedlike).
cc_opt=$(${NGINX:-/usr/sbin/nginx} -V 2>&1 \
         | sed -n "s/.*--with-cc-opt='\([^']*\)'.*/\1/p" \
         | sed 's/-ffile-prefix-map=[^ ]*//')
[ -n "$cc_opt" ] || cc_opt="-g -O2"
cc_opt="$cc_opt $extra"

cd "$dst"

# conf_flags is a bash array assignment: NGX_CONF_FLAGS=( ... )
bash -c '. ./conf_flags && exec ./configure "${NGX_CONF_FLAGS[@]}" \
    --with-cc-opt="$1" --add-dynamic-module="$0"' "$module" "$cc_opt" \
    > configure.log 2>&1 || {
    tail -30 configure.log >&2
    echo "configure-nginx: ./configure failed; see $dst/configure.log" >&2
    exit 1
}

echo "configure-nginx: configured $dst"
