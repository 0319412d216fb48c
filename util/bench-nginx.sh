# Shell functions for the benchmarks that start their own nginx
# (util/bench.sh, util/bench-worst.sh); sourced, not run.

# stop_nginx PIDFILE DIR: stop the nginx whose master pid is in PIDFILE,
# only if its command line names DIR (one we started, with that prefix),
# and wait until it is gone or a zombie waiting for its parent.
stop_nginx() {
    [ -f "$1" ] || return 0
    pid=$(cat "$1" 2>/dev/null || true)
    case "$pid" in '' | *[!0-9]*) rm -f "$1"; return 0 ;; esac
    if kill -0 "$pid" 2>/dev/null \
       && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "$2"
    then
        kill -TERM "$pid" 2>/dev/null || true
        i=0
        while kill -0 "$pid" 2>/dev/null \
              && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$pid/stat" 2>/dev/null \
              && [ $i -lt 50 ]
        do
            sleep 0.1
            i=$((i + 1))
        done
    fi
    rm -f "$1"
}

# free_port: a loopback port nothing listens on now
free_port() {
    perl -MIO::Socket::INET -e '
        my $s = IO::Socket::INET->new(Listen => 1, LocalAddr => "127.0.0.1",
                                      LocalPort => 0, ReuseAddr => 1)
            or die "no free port: $!\n";
        print $s->sockport, "\n";'
}
