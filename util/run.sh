#!/bin/sh
# Start or stop the example site: the stock nginx with conf/nginx.conf,
# its prefix, pid, logs and temp paths under build/run/.
#
#   run.sh start | stop

set -e

top=$(cd "$(dirname "$0")/.." && pwd)
prefix="$top/build/run"
conf="$top/conf/nginx.conf"
nginx=${NGINX:-/usr/sbin/nginx}

case "$1" in
start)
    mkdir -p "$prefix/tmp"
    if [ -f "$prefix/nginx.pid" ] && kill -0 "$(cat "$prefix/nginx.pid")" 2>/dev/null; then
        "$nginx" -p "$prefix/" -c "$conf" -s reload
        echo "reloaded: http://127.0.0.1:8080/"
    else
        "$nginx" -p "$prefix/" -c "$conf" -t -q
        "$nginx" -p "$prefix/" -c "$conf"
        echo "serving the example site: http://127.0.0.1:8080/"
    fi
    echo "logs: $prefix/error.log; stop it with: make stop"
    ;;
stop)
    if [ -f "$prefix/nginx.pid" ] && kill -0 "$(cat "$prefix/nginx.pid")" 2>/dev/null; then
        "$nginx" -p "$prefix/" -c "$conf" -s quit
        echo "stopped"
    else
        echo "not running"
    fi
    ;;
*)
    echo "usage: run.sh start|stop" >&2
    exit 2
    ;;
esac
