package PageTest;

# A small test harness for ngx_http_page_module, written for this project
# with core Perl modules only.
#
# Every test file gets its own temporary prefix with a generated nginx.conf
# (load_module, pid, logs and every temp path inside the prefix), a free
# loopback port, raw HTTP/1.0 and HTTP/1.1 requests, error-log assertions,
# an optional forked upstream HTTP server, and an automatic check at the end
# that the error log holds no [alert], [emerg], [crit] and no
# "exited on signal".
#
# Usage:
#
#   use lib 't/lib';            # or FindBin
#   use PageTest;               # also exports Test::More's functions
#
#   my $t = PageTest->new;
#   $t->write_file('a.md', "---\ntitle: A\n---\n# Hi\n");
#   $t->start(<<'EOF');
#       server {
#           listen 127.0.0.1:%%PORT%%;
#           root %%ROOT%%;
#           location / { page on; }
#       }
#   EOF
#   my ($status, $headers, $body) = $t->get('/a.md');
#   ...
#   done_testing();             # stops nginx and checks the error log
#
# Placeholders in the http{} snippet: %%PORT%% (this server's port),
# %%PORT2%% (a second free port, $t->port2; request(port => $t->port2)),
# %%ROOT%% (document root, <prefix>/html), %%PREFIX%%, %%UPSTREAM_PORT%%
# (the forked upstream, see upstream()).
#
# Methods (see each sub for details):
#   new(%opt)                 types => '...' | undef, default_type => ...,
#                             main => 'main-context lines', module => path
#   write_file($rel, $data [, $mode]), set_mtime($rel, $epoch), path_of($rel)
#   start($http), stop, restart([$http]), reload([$http]) -> bool
#   test_config($http) -> ($exit, $output)   ("nginx -t" in this prefix)
#   nginx_test($http, %opt) -> ($exit, $output)   (exportable function)
#   upstream(sub { ... })     a forked HTTP server on %%UPSTREAM_PORT%%
#   request(%args)            list: ($status, \%headers, $body);
#                             scalar: a response hash
#   get($uri, @hdrs), head($uri, @hdrs), keepalive_requests(\%req, ...)
#   error_log, log_mark, log_since($mark), log_like($re, $name [, $mark]),
#   log_unlike(...), ignore_bad_log($re)
# Exported helpers: page_ok($res, $name), raw_ok($res, $body, $type, $name),
#   title_of($html), body_of($html), same_headers($a, $b, $name),
#   gunzip($data), and all of Test::More (done_testing() is ours: it stops
#   nginx and checks the error log first).
#
# Environment:
#   PAGE_MODULE        path of the module .so
#                      (default <repo>/build/ngx_http_page_module.so)
#   PAGE_NOMODULE=1    do not emit load_module (harness development only)
#   NGINX              nginx binary (default /usr/sbin/nginx)
#   PAGE_TEST_KEEP=1   keep the temp prefix (its path is printed)
#   PAGE_TEST_DEBUG=1  error_log level debug instead of info
#   PAGE_TEST_VALGRIND=1  run nginx (one process, daemon off) under valgrind;
#                      any valgrind error fails the test file; timeouts
#                      grow by slow_factor(); =leaks: definite leaks too
#                      (`make valgrind`)

use strict;
use warnings;

use Cwd qw(abs_path);
use Errno qw(EINTR);
use File::Basename qw(dirname);
use File::Path qw(make_path);
use File::Spec;
use File::Temp qw(tempdir);
use IO::Select;
use IO::Socket::INET;
use Socket qw(SOL_SOCKET SO_LINGER);
use POSIX qw(WNOHANG);
use Time::HiRes qw(sleep time);

use Test::More import => ['!done_testing'];

use Exporter qw(import);
our @EXPORT = (@Test::More::EXPORT,
               qw(gunzip page_ok raw_ok title_of body_of same_headers
                  slow_factor));
our @EXPORT_OK = qw(nginx_test);

our $REPO = abs_path(File::Spec->catdir(dirname(__FILE__), '..', '..'));
our $NGINX = $ENV{NGINX} || '/usr/sbin/nginx';
our $MODULE = $ENV{PAGE_MODULE}
    || File::Spec->catfile($REPO, 'build', 'ngx_http_page_module.so');

our $VALGRIND = $ENV{PAGE_TEST_VALGRIND} ? 1 : 0;

# PAGE_TEST_VALGRIND=leaks: definite leaks are errors too; what nginx and
# the module keep for the process's life is in util/valgrind.supp
our @VALGRIND_LEAKS = ($ENV{PAGE_TEST_VALGRIND} // '') eq 'leaks'
    ? ('--leak-check=full', '--show-leak-kinds=definite', '--keep-debuginfo=yes',
       '--errors-for-leak-kinds=definite',
       "--suppressions=$REPO/util/valgrind.supp")
    : ('--leak-check=no');

# how much slower than usual nginx may be (tests scale time limits by it)
sub slow_factor { $ENV{PAGE_TEST_VALGRIND} ? 30 : 1 }

# seconds
use constant IO_TIMEOUT    => 30 * slow_factor();
use constant START_TIMEOUT => 10 * slow_factor();
use constant STOP_TIMEOUT  => $ENV{PAGE_TEST_VALGRIND} ? 120 : 10;

# error-log patterns that fail every test file
our @BAD_LOG = (qr/\[alert\]/, qr/\[emerg\]/, qr/\[crit\]/,
                qr/exited on signal/);

my @INSTANCES;          # live PageTest objects, for the final checks
my $MAIN_PID = $$;      # forked children must not run our END logic

$SIG{INT} = $SIG{TERM} = sub { die "killed by signal\n" };

# a server that closed the connection must not kill the test with SIGPIPE
$SIG{PIPE} = 'IGNORE';


# ---------------------------------------------------------------- setup

sub _world_traversable {
    my ($dir) = @_;

    # every ancestor must be o+x so that the worker user can reach files
    my @parts = File::Spec->splitdir($dir);
    my $path = '';

    for my $p (@parts) {
        next if $p eq '';
        $path .= "/$p";
        my @st = stat $path or return 0;
        return 0 unless $st[2] & 0001;
    }

    return 1;
}

sub _make_prefix {
    my $keep = $ENV{PAGE_TEST_KEEP} ? 1 : 0;
    my $dir = tempdir('page-test-XXXXXXXX', TMPDIR => 1, CLEANUP => !$keep);

    unless (_world_traversable(dirname($dir))) {
        $dir = tempdir('page-test-XXXXXXXX', DIR => '/tmp',
                       CLEANUP => !$keep);
    }

    # the worker runs as an unprivileged user: it must read the content
    chmod 0755, $dir or die "chmod $dir: $!";
    $dir = abs_path($dir);

    for my $sub (qw(html logs conf tmp)) {
        make_path("$dir/$sub", { mode => 0755 });
        chmod 0755, "$dir/$sub";
    }

    diag("PageTest prefix kept: $dir") if $keep;

    return $dir;
}

sub new {
    my ($class, %opt) = @_;

    my $self = bless {
        prefix => _make_prefix(),
        types  => exists $opt{types}
                  ? $opt{types}
                  : "text/markdown md;\n        text/html html;\n"
                    . "        image/png png;",
        default_type => exists $opt{default_type}
                  ? $opt{default_type} : 'application/octet-stream',
        module => exists $opt{module} ? $opt{module}
                  : ($ENV{PAGE_NOMODULE} ? undef : $MODULE),
        main   => $opt{main} // '',
        log_level => $opt{log_level}
                  // ($ENV{PAGE_TEST_DEBUG} ? 'debug' : 'info'),
        started => 0,
        checked => 0,
        owner  => $$,
    }, $class;

    $self->{root} = "$self->{prefix}/html";

    die "module not found: $self->{module} (run `make`, or set PAGE_MODULE)\n"
        if defined $self->{module} && !-f $self->{module};

    push @INSTANCES, $self;

    return $self;
}

sub prefix        { $_[0]{prefix} }
sub root          { $_[0]{root} }
sub port          { $_[0]{port} }
sub port2         { $_[0]{port2} }
sub upstream_port { $_[0]{upstream_port} }
sub conf_file     { "$_[0]{prefix}/conf/nginx.conf" }
sub error_log_file { "$_[0]{prefix}/logs/error.log" }
sub access_log_file { "$_[0]{prefix}/logs/access.log" }

sub free_port {
    my $sock = IO::Socket::INET->new(
        LocalAddr => '127.0.0.1',
        LocalPort => 0,
        Proto     => 'tcp',
        ReuseAddr => 1,
        Listen    => 1,
    ) or die "cannot bind a free port: $!";

    my $port = $sock->sockport;
    close $sock;

    return $port;
}


# ---------------------------------------------------------------- files

# write_file('dir/a.md', $content [, mode]): under the document root
sub write_file {
    my ($self, $name, $content, $mode) = @_;

    my $path = $name =~ m{^/} ? $name : "$self->{root}/$name";

    make_path(dirname($path), { mode => 0755 });
    # make_path honours umask: make sure the worker can traverse
    my $d = dirname($path);
    while (length $d > length $self->{prefix}) {
        chmod 0755, $d;
        $d = dirname($d);
    }

    open my $fh, '>:raw', $path or die "write $path: $!";
    print {$fh} $content;
    close $fh or die "close $path: $!";
    chmod $mode // 0644, $path;

    return $path;
}

# set a file's mtime (epoch seconds)
sub set_mtime {
    my ($self, $name, $mtime) = @_;

    my $path = $name =~ m{^/} ? $name : "$self->{root}/$name";
    utime $mtime, $mtime, $path or die "utime $path: $!";

    return $path;
}

sub path_of {
    my ($self, $name) = @_;
    return "$self->{root}/$name";
}


# ---------------------------------------------------------------- config

sub _expand {
    my ($self, $text) = @_;

    my %v = (
        PORT          => $self->{port},
        PORT2         => $self->{port2},
        ROOT          => $self->{root},
        PREFIX        => $self->{prefix},
        UPSTREAM_PORT => $self->{upstream_port},
    );

    $text =~ s{%%([A-Z0-9_]+)%%}{
        defined $v{$1} ? $v{$1} : die "placeholder %%$1%% has no value\n"
    }ge;

    return $text;
}

sub _conf_text {
    my ($self, $http) = @_;

    my $p = $self->{prefix};
    my $load = defined $self->{module}
               ? "load_module $self->{module};\n" : '';
    my $types = defined $self->{types}
                ? "    types {\n        $self->{types}\n    }\n" : '';
    my $deftype = defined $self->{default_type}
                  ? "    default_type $self->{default_type};\n" : '';

    my $procs = $VALGRIND ? "daemon off;\nmaster_process off;\n"
                          : "daemon on;\nmaster_process on;\n";

    my $conf = <<"EOF";
# generated by t/lib/PageTest.pm
${load}${procs}worker_processes 1;
pid $p/logs/nginx.pid;
error_log $p/logs/error.log $self->{log_level};
$self->{main}

events {
    worker_connections 256;
}

http {
    access_log $p/logs/access.log;
    client_body_temp_path $p/tmp/client_body;
    proxy_temp_path $p/tmp/proxy;
    fastcgi_temp_path $p/tmp/fastcgi;
    uwsgi_temp_path $p/tmp/uwsgi;
    scgi_temp_path $p/tmp/scgi;

$types$deftype
$http
}
EOF

    return $self->_expand($conf);
}

sub write_conf {
    my ($self, $http) = @_;

    my $file = $self->conf_file;
    open my $fh, '>', $file or die "write $file: $!";
    print {$fh} $self->_conf_text($http);
    close $fh or die "close $file: $!";
    chmod 0644, $file;

    return $file;
}

sub _run_nginx {
    my ($self, @args) = @_;

    my $out = "$self->{prefix}/logs/nginx-cmd.out";
    my $pid = fork // die "fork: $!";

    if ($pid == 0) {
        open STDOUT, '>', $out or POSIX::_exit(126);
        open STDERR, '>&', \*STDOUT or POSIX::_exit(126);
        { exec $NGINX, '-p', "$self->{prefix}/", '-c', $self->conf_file,
               @args }
        POSIX::_exit(127);
    }

    waitpid $pid, 0;
    my $rc = $? >> 8;
    $rc = 128 + ($? & 127) if $? & 127;

    open my $fh, '<', $out or die "read $out: $!";
    local $/;
    my $text = <$fh> // '';
    close $fh;

    return ($rc, $text);
}

# $t->test_config($http) -> ($exit_code, $output) of "nginx -t"
sub test_config {
    my ($self, $http) = @_;

    $self->{port} //= free_port();
    $self->{port2} //= free_port();
    $self->{upstream_port} //= $self->{port};   # a placeholder only
    $self->write_conf($http);

    return $self->_run_nginx('-t');
}

# nginx_test($http [, %new_opts]) -> ($exit_code, $output): a one-off
# "nginx -t" in its own prefix
sub nginx_test {
    my ($http, %opt) = @_;

    my $t = PageTest->new(%opt);
    my @r = $t->test_config($http);
    $t->{checked} = 1;      # never started: nothing to check

    return @r;
}

sub _can_connect {
    my ($port) = @_;

    my $s = IO::Socket::INET->new(
        PeerAddr => '127.0.0.1',
        PeerPort => $port,
        Proto    => 'tcp',
        Timeout  => 1,
    );

    return 0 unless $s;
    close $s;
    return 1;
}

sub _read_pid {
    my ($self) = @_;

    open my $fh, '<', "$self->{prefix}/logs/nginx.pid" or return;
    my $pid = <$fh>;
    close $fh;

    return unless defined $pid && $pid =~ /^(\d+)/;
    return $1;
}

# $t->start($http_snippet): write the config, start nginx, wait until it
# accepts connections; dies (test fails) when nginx does not start
sub start {
    my ($self, $http) = @_;

    die "already started\n" if $self->{started};

    $self->{http} = $http;

    for my $attempt (1 .. 5) {
        $self->{port} = free_port();
        $self->{port2} = free_port();
        $self->{upstream_port} //= $self->{port};
        $self->write_conf($http);

        if ($VALGRIND) {
            return $self if $self->_start_valgrind($attempt < 5);
            next;
        }

        my ($rc, $out) = $self->_run_nginx();

        if ($rc == 0) {
            $self->{started} = 1;
            $self->_wait_started;
            return $self;
        }

        if ($out =~ /Address already in use/ && $attempt < 5) {
            # the port was taken between free_port() and nginx: again
            $self->ignore_bad_log(
                qr/Address already in use|still could not bind/);
            next;
        }

        die "nginx did not start (exit $rc):\n$out\n"
            . "config:\n" . $self->_conf_text($http);
    }
}

# false: the port was taken, try another one (when $may_retry)
sub _start_valgrind {
    my ($self, $may_retry) = @_;

    my $out = "$self->{prefix}/logs/nginx-cmd.out";
    my $pid = fork // die "fork: $!";

    if ($pid == 0) {
        open STDOUT, '>', $out or POSIX::_exit(126);
        open STDERR, '>&', \*STDOUT or POSIX::_exit(126);
        { exec 'valgrind', '-q', '--error-exitcode=99', @VALGRIND_LEAKS,
               "--log-file=$self->{prefix}/logs/valgrind.log",
               $NGINX, '-p', "$self->{prefix}/", '-c', $self->conf_file }
        POSIX::_exit(127);
    }

    $self->{vg_pid} = $self->{pid} = $pid;
    $self->{started} = 1;

    my $deadline = time + START_TIMEOUT;

    while (time < $deadline) {
        if (waitpid($pid, WNOHANG) == $pid) {
            $self->{started} = 0;
            delete $self->{vg_pid};
            my $log = $self->error_log;
            if ($may_retry && $log =~ /Address already in use/) {
                $self->ignore_bad_log(
                    qr/Address already in use|still could not bind/);
                return 0;
            }
            open my $fh, '<', $out;
            local $/;
            die "nginx under valgrind exited: " . (<$fh> // '') . "\n"
                . _tail($log);
        }
        # the pid file is written after the listening sockets are bound
        my $written = $self->_read_pid;
        return 1 if $written && $written == $pid
                    && _can_connect($self->{port});
        sleep 0.1;
    }

    die "nginx under valgrind did not accept connections\n";
}

sub _wait_started {
    my ($self) = @_;

    my $deadline = time + START_TIMEOUT;

    while (time < $deadline) {
        my $pid = $self->_read_pid;
        if ($pid && _alive($pid)) {
            $self->{pid} = $pid;
            return if _can_connect($self->{port});
        }
        sleep 0.02;
    }

    die "nginx did not accept connections on port $self->{port}\n"
        . $self->error_log;
}

# alive and not a zombie (the daemonized master is reparented to init,
# which may take its time to reap it)
sub _alive {
    my ($pid) = @_;

    return 0 unless kill 0, $pid;

    if (open my $fh, '<', "/proc/$pid/stat") {
        my $stat = <$fh> // '';
        close $fh;
        return 0 if $stat =~ /^\d+ \(.*\) Z/s;
    }

    return 1;
}

# graceful stop: SIGQUIT, wait; then SIGTERM, SIGKILL of the process group
sub stop {
    my ($self) = @_;

    return unless $self->{started} && $self->{owner} == $$;

    my $pid = $self->{pid} || $self->_read_pid;
    $self->{started} = 0;

    if (my $vg = delete $self->{vg_pid}) {
        # a signal valgrind takes just before nginx blocks in epoll_wait()
        # may leave it waiting for an event: say it again every second
        my $deadline = time + STOP_TIMEOUT;
        my $next = 0;
        while (time < $deadline) {
            last if waitpid($vg, WNOHANG) == $vg;
            if (time >= $next) {
                kill 'QUIT', $vg;
                $next = time + 1;
            }
            sleep 0.05;
        }
        if (_alive($vg)) {
            $self->{stop_problem} = "nginx $vg ignored SIGQUIT";
            kill 'KILL', $vg;
            waitpid $vg, 0;
        }
        $pid = undef;
    }

    if ($pid) {
        kill 'QUIT', $pid;

        my $deadline = time + STOP_TIMEOUT;
        while (time < $deadline && _alive($pid)) {
            sleep 0.01;
        }

        if (_alive($pid)) {
            $self->{stop_problem} = "nginx $pid ignored SIGQUIT";
            kill 'TERM', $pid;
            sleep 1;
            # nginx daemonizes with setsid(): its workers share its group
            kill 'KILL', -$pid if _alive($pid);
            kill 'KILL', $pid if _alive($pid);
        }
    }

    $self->_stop_upstream;

    return;
}

# stop nginx and restart it with the same snippet (a fresh worker)
sub restart {
    my ($self, $http) = @_;

    $self->stop;
    $self->start($http // $self->{http});
}

# $t->reload([$http]): rewrite the config (if given), SIGHUP, and wait
# until the new worker runs and the old one has gone; returns true when
# nginx took the new configuration
sub reload {
    my ($self, $http) = @_;

    my $pid = $self->{pid} or die "not started\n";

    if ($VALGRIND) {
        # Without a master process nginx cannot take a new configuration
        # in place (the new cycle's listening sockets get no events):
        # test it, and start again with it if it is good.  A bad one is
        # refused with an [emerg] line, as a reload refuses it.
        my $old = $self->{http};
        $self->write_conf($http // $old);
        my ($rc, $out) = $self->_run_nginx('-t');

        if ($rc != 0) {
            # nginx -t's [emerg] lines go where a reload would log them
            $self->write_conf($old);
            open my $fh, '>>', $self->error_log_file or die "log: $!";
            print {$fh} $out;
            close $fh;
            return 0;
        }

        $self->restart($http // $old);
        return 1;
    }

    if (defined $http) {
        $self->{http} = $http;
        $self->write_conf($http);
    }

    my $mark = $self->log_mark;
    kill 'HUP', $pid;

    my $deadline = time + START_TIMEOUT;

    while (time < $deadline) {
        my $log = $self->log_since($mark);
        return 0 if $log =~ /\[emerg\]/;
        return 1 if $log =~ /start worker process/
                    && $log =~ /worker process \d+ exited/;
        sleep 0.02;
    }

    die "nginx did not finish reloading\n" . $self->log_since($mark);
}


# ---------------------------------------------------------------- error log

sub error_log {
    my ($self) = @_;

    open my $fh, '<:raw', $self->error_log_file or return '';
    local $/;
    my $text = <$fh> // '';
    close $fh;

    return $text;
}

# a mark is the current length of the log; log_since($mark) is what was
# written after it
sub log_mark {
    my ($self) = @_;
    return -s $self->error_log_file || 0;
}

sub log_since {
    my ($self, $mark) = @_;

    my $text = $self->error_log;
    return substr($text, $mark // 0);
}

# $t->log_like(qr/.../, $name [, $mark])
sub log_like {
    my ($self, $re, $name, $mark) = @_;

    my $text = $self->log_since($mark);
    my $ok = ok($text =~ $re, $name);
    diag("error log (since mark):\n" . _tail($text)) unless $ok;

    return $ok;
}

sub log_unlike {
    my ($self, $re, $name, $mark) = @_;

    my $text = $self->log_since($mark);
    my $ok = ok($text !~ $re, $name);
    diag("error log (since mark):\n" . _tail($text)) unless $ok;

    return $ok;
}

sub _tail {
    my ($text) = @_;
    my @l = split /\n/, $text;
    @l = @l[-40 .. -1] if @l > 40;
    return join("\n", @l) . "\n";
}

# $t->ignore_bad_log(qr/.../): a test that provokes an [emerg] on purpose
# (a reload with a broken config) exempts exactly those lines
sub ignore_bad_log {
    my ($self, $re) = @_;
    push @{ $self->{ignore} }, $re;
}

# lines of the log that fail every test
sub bad_log_lines {
    my ($self) = @_;

    my @bad;
    for my $line (split /\n/, $self->error_log) {
        next if grep { $line =~ $_ } @{ $self->{ignore} // [] };
        push @bad, $line if grep { $line =~ $_ } @BAD_LOG;
    }

    return @bad;
}

# stop nginx and assert the error log is clean (done once per instance)
sub check {
    my ($self) = @_;

    return if $self->{checked} || $self->{owner} != $$;
    $self->{checked} = 1;

    my $was_started = $self->{started} || -e $self->error_log_file;
    $self->stop;

    return unless $was_started;

    my @bad = $self->bad_log_lines;
    ok(!@bad, "error log has no [alert]/[emerg]/[crit]/exited on signal"
              . " ($self->{prefix})")
        or diag(join "\n", @bad);

    if ($self->{stop_problem}) {
        fail("nginx stopped gracefully: $self->{stop_problem}");
    }

    if ($VALGRIND) {
        my $vg = $self->valgrind_log;
        ok($vg !~ /\S/, "valgrind reports no errors ($self->{prefix})")
            or diag(_tail($vg));
    }
}

sub valgrind_log {
    my ($self) = @_;

    open my $fh, '<', "$self->{prefix}/logs/valgrind.log" or return '';
    local $/;
    my $text = <$fh> // '';
    close $fh;

    return $text;
}

sub done_testing {
    $_->check for @INSTANCES;
    @INSTANCES = ();
    Test::More::done_testing(@_);
}

END {
    if ($$ == $MAIN_PID) {
        my $exit = $?;
        # a test that died before done_testing(): still stop everything,
        # and report a dirty log
        for my $t (@INSTANCES) {
            next if $t->{checked};
            $t->{checked} = 1;
            my $was = $t->{started};
            $t->stop;
            next unless $was;
            my @bad = $t->bad_log_lines;
            if (@bad) {
                diag("error log has bad lines:\n" . join "\n", @bad);
                $exit ||= 1;
            }
        }
        @INSTANCES = ();
        $? = $exit;
    }
}


# ---------------------------------------------------------------- upstream

# $t->upstream(sub { my ($req) = @_; ...; return { ... } })
#
# Fork a tiny HTTP/1.1 server on a free loopback port (%%UPSTREAM_PORT%%).
# The handler gets { method, uri, version, headers => {lc name => value},
# raw } and returns a hash:
#   status   => 200
#   headers  => [ 'Content-Type' => 'text/markdown', ... ]
#   body     => '...'
#   framing  => 'length' (default: Content-Length added),
#               'chunked' (Transfer-Encoding: chunked, body in chunks),
#               'close' (no length, the body ends when the connection closes)
#   chunk    => chunk size for 'chunked' (default 100)
#   delay    => seconds to sleep between chunks (default 0)
#   raw      => a complete raw response, sent as is (overrides the rest)
#   hold     => seconds to keep the connection open after the answer
#               (a stalled upstream)
#   reset    => with raw: close the connection with a TCP RST
# Each connection (in its own process) serves one request and is closed.
sub upstream {
    my ($self, $handler) = @_;

    my $listen = IO::Socket::INET->new(
        LocalAddr => '127.0.0.1',
        LocalPort => 0,
        Proto     => 'tcp',
        ReuseAddr => 1,
        Listen    => 64,
    ) or die "upstream listen: $!";

    $self->{upstream_port} = $listen->sockport;

    my $parent = $$;
    my $pid = fork // die "fork: $!";

    if ($pid == 0) {
        local $SIG{INT} = local $SIG{TERM} = sub { POSIX::_exit(0) };
        local $SIG{PIPE} = 'IGNORE';
        my $sel = IO::Select->new($listen);

        my %kids;
        local $SIG{TERM} = local $SIG{INT} = sub {
            kill 'KILL', keys %kids;
            POSIX::_exit(0);
        };

        while (1) {
            POSIX::_exit(0) if getppid() != $parent;
            while ((my $k = waitpid(-1, WNOHANG)) > 0) { delete $kids{$k} }
            next unless $sel->can_read(0.2);
            my $c = $listen->accept or next;

            # one process a connection: a stalled answer blocks no other
            my $kid = fork;
            if (!defined $kid) {
                close $c;
                next;
            }
            if ($kid == 0) {
                local $SIG{TERM} = sub { POSIX::_exit(0) };
                close $listen;
                eval { _upstream_serve($c, $handler); 1 }
                    or print STDERR "upstream: $@";
                close $c;
                POSIX::_exit(0);
            }
            $kids{$kid} = 1;
            close $c;
        }
    }

    close $listen;
    $self->{upstream_pid} = $pid;

    return $self->{upstream_port};
}

sub _upstream_serve {
    my ($c, $handler) = @_;

    binmode $c;
    my $buf = '';
    my $sel = IO::Select->new($c);

    while ($buf !~ /\r?\n\r?\n/) {
        return unless $sel->can_read(IO_TIMEOUT);
        my $n = sysread $c, $buf, 65536, length $buf;
        return unless $n;
    }

    my ($head) = split /\r?\n\r?\n/, $buf, 2;
    my ($line, @lines) = split /\r?\n/, $head;
    my ($method, $uri, $version) = split / /, $line;
    my %h;
    for (@lines) {
        my ($k, $v) = /^([^:]+):\s*(.*)$/ or next;
        $h{lc $k} = $v;
    }

    my $r = $handler->({ method => $method, uri => $uri,
                         version => $version, headers => \%h,
                         raw => $head });

    if (defined $r->{raw}) {
        _write_all($c, $r->{raw});
        sleep $r->{hold} if $r->{hold};
        # reset => 1: close with a TCP RST instead of a FIN
        setsockopt($c, SOL_SOCKET, SO_LINGER, pack('ii', 1, 0))
            if $r->{reset};
        return;
    }

    my $status = $r->{status} // 200;
    my $body = $r->{body} // '';
    my $framing = $r->{framing} // 'length';
    my @hdr = @{ $r->{headers} // [] };

    my $out = "HTTP/1.1 $status X\r\n";
    while (my ($k, $v) = splice @hdr, 0, 2) {
        $out .= "$k: $v\r\n";
    }

    if ($framing eq 'length') {
        $out .= "Content-Length: " . length($body) . "\r\n";
    } elsif ($framing eq 'chunked') {
        $out .= "Transfer-Encoding: chunked\r\n";
    }
    $out .= "Connection: close\r\n\r\n";

    if ($method eq 'HEAD') {
        _write_all($c, $out);
        return;
    }

    if ($framing eq 'chunked') {
        _write_all($c, $out);
        my $size = $r->{chunk} || 100;
        for (my $off = 0; $off < length $body; $off += $size) {
            my $piece = substr $body, $off, $size;
            _write_all($c, sprintf("%x\r\n", length $piece) . $piece . "\r\n");
            sleep $r->{delay} if $r->{delay};
        }
        _write_all($c, "0\r\n\r\n");
        sleep $r->{hold} if $r->{hold};
        return;
    }

    _write_all($c, $out . $body);
    sleep $r->{hold} if $r->{hold};
}

sub _write_all {
    my ($fh, $data) = @_;

    while (length $data) {
        my $n = syswrite $fh, $data;
        if (!defined $n) {
            next if $! == EINTR;
            return 0;
        }
        substr($data, 0, $n) = '';
    }

    return 1;
}

sub _stop_upstream {
    my ($self) = @_;

    my $pid = delete $self->{upstream_pid} or return;
    kill 'TERM', $pid;

    my $deadline = time + 5;
    while (time < $deadline) {
        return if waitpid($pid, WNOHANG) != 0;
        sleep 0.02;
    }

    kill 'KILL', $pid;
    waitpid $pid, 0;
}


# ---------------------------------------------------------------- HTTP client

# $t->request(%args)
#   method  => 'GET' (default) | 'HEAD' | ...
#   uri     => '/a.md'
#   version => '1.1' (default) | '1.0'
#   headers => [ Name => value, ... ] or { Name => value }
#   host    => 'localhost' (Host header for HTTP/1.1; undef to omit)
#   body    => request body
#   keepalive => 0 (default: "Connection: close" is sent)
#   port    => another port
#
# In list context: ($status, \%headers, $body), header names lower-cased,
# repeated fields joined with ", ".
# In scalar context: a hash with status, headers, header_list ([name, value]
# pairs in order, names lower-cased), body (de-chunked), raw_body (as
# received), chunked, trailing (bytes after the framed body), raw_head.
sub request {
    my ($self, %a) = @_;

    my $sock = $self->_connect($a{port});
    my $res = $self->_exchange($sock, %a);
    close $sock;

    return wantarray ? ($res->{status}, $res->{headers}, $res->{body})
                     : $res;
}

sub get {
    my ($self, $uri, @headers) = @_;
    return $self->request(uri => $uri, headers => \@headers);
}

sub head {
    my ($self, $uri, @headers) = @_;
    return $self->request(method => 'HEAD', uri => $uri,
                          headers => \@headers);
}

# several requests on one keep-alive connection: list of response hashes
sub keepalive_requests {
    my ($self, @reqs) = @_;

    my $sock = $self->_connect;
    my $reader = PageTest::_Reader->new($sock);
    my @res;

    for my $i (0 .. $#reqs) {
        my %a = %{ $reqs[$i] };
        $a{keepalive} = 1 if $i < $#reqs;
        push @res, $self->_exchange($sock, %a, _framed_only => $i < $#reqs,
                                    _reader => $reader);
    }

    close $sock;

    return @res;
}

sub _connect {
    my ($self, $port) = @_;

    my $sock = IO::Socket::INET->new(
        PeerAddr => '127.0.0.1',
        PeerPort => $port // $self->{port},
        Proto    => 'tcp',
        Timeout  => IO_TIMEOUT,
    ) or die "connect 127.0.0.1:" . ($port // $self->{port}) . ": $!\n";

    binmode $sock;

    return $sock;
}

sub _exchange {
    my ($self, $sock, %a) = @_;

    my $method = $a{method} // 'GET';
    my $version = $a{version} // '1.1';
    my $uri = $a{uri} // '/';
    my @h = ref $a{headers} eq 'HASH' ? %{ $a{headers} }
          : @{ $a{headers} // [] };

    my $req = "$method $uri HTTP/$version\r\n";
    my $host = exists $a{host} ? $a{host} : 'localhost';
    $req .= "Host: $host\r\n" if defined $host;
    $req .= "Connection: close\r\n" unless $a{keepalive};
    $req .= "Connection: keep-alive\r\n"
        if $a{keepalive} && $version eq '1.0';

    while (my ($k, $v) = splice @h, 0, 2) {
        $req .= "$k: $v\r\n";
    }

    if (defined $a{body}) {
        $req .= "Content-Length: " . length($a{body}) . "\r\n";
    }
    $req .= "\r\n";
    $req .= $a{body} if defined $a{body};

    _write_all($sock, $req)
        or die "cannot send the request (the server closed the"
               . " connection?): $!\n";

    my $reader = $a{_reader} // PageTest::_Reader->new($sock);

    my $res = _read_response($reader, $method);

    unless ($a{_framed_only}) {
        # everything after the framed body up to EOF
        $res->{trailing} = $reader->rest;
    }

    return $res;
}

sub _read_response {
    my ($rd, $method) = @_;

    my $head = $rd->read_until("\r\n\r\n");
    die "no response header received\n" unless defined $head;

    my ($line, @lines) = split /\r\n/, $head;
    my ($proto, $status) = $line =~ m{^(HTTP/\d\.\d) (\d{3})}
        or die "bad status line: $line\n";

    my (%h, @list);
    for (@lines) {
        my ($k, $v) = /^([^:]+):[ \t]*(.*?)[ \t]*$/ or next;
        $k = lc $k;
        push @list, [$k, $v];
        $h{$k} = exists $h{$k} ? "$h{$k}, $v" : $v;
    }

    my $res = {
        status      => $status + 0,
        protocol    => $proto,
        status_line => $line,
        headers     => \%h,
        header_list => \@list,
        raw_head    => $head,
        chunked     => 0,
    };

    if ($method eq 'HEAD' || $status == 204 || $status == 304
        || $status =~ /^1/)
    {
        $res->{body} = $res->{raw_body} = '';
        return $res;
    }

    if (($h{'transfer-encoding'} // '') =~ /chunked/i) {
        $res->{chunked} = 1;
        my ($body, $raw) = ('', '');

        while (1) {
            my $sz = $rd->read_until("\r\n");
            die "truncated chunked body\n" unless defined $sz;
            $raw .= "$sz\r\n";
            my ($hex) = $sz =~ /^([0-9a-fA-F]+)/
                or die "bad chunk size line: $sz\n";
            my $n = hex $hex;

            if ($n == 0) {
                # trailers up to the empty line
                while (1) {
                    my $tl = $rd->read_until("\r\n");
                    die "truncated chunked trailer\n" unless defined $tl;
                    $raw .= "$tl\r\n";
                    last if $tl eq '';
                }
                last;
            }

            my $data = $rd->bytes($n + 2);
            die "truncated chunk\n" unless defined $data;
            $raw .= $data;
            die "chunk not followed by CRLF\n"
                unless substr($data, -2) eq "\r\n";
            $body .= substr($data, 0, $n);
        }

        $res->{body} = $body;
        $res->{raw_body} = $raw;
        return $res;
    }

    if (defined $h{'content-length'}) {
        my $n = $h{'content-length'};
        die "bad Content-Length: $n\n" unless $n =~ /^\d+$/;
        my $data = $rd->bytes($n);
        if (!defined $data) {
            # short body: return what arrived, the test will see it
            $data = $rd->rest;
            $res->{short} = 1;
        }
        $res->{body} = $res->{raw_body} = $data;
        return $res;
    }

    # no framing: the body ends with the connection
    $res->{body} = $res->{raw_body} = $rd->rest;
    $res->{until_close} = 1;

    return $res;
}

# gunzip($data) -> decompressed data or undef
sub gunzip {
    my ($data) = @_;

    require IO::Uncompress::Gunzip;
    my $out;
    IO::Uncompress::Gunzip::gunzip(\$data => \$out) or return undef;

    return $out;
}


# ---------------------------------------------------------------- assertions

# page_ok($res, $name [, chunked_ok => 1]): a rendered page, with the
# pieces of the built-in HTML5 page (not byte for byte: the layout grows)
sub page_ok {
    my ($r, $name, %opt) = @_;

    die "page_ok: a response hash is needed (call request() in scalar"
        . " context)\n" unless ref $r eq 'HASH';

    local $Test::Builder::Level = $Test::Builder::Level + 1;

    return subtest $name => sub {
        is($r->{status}, 200, 'status 200');
        is($r->{headers}{'content-type'}, 'text/html; charset=utf-8',
           'Content-Type: text/html; charset=utf-8');

        unless ($opt{chunked_ok}) {
            my $cl = $r->{headers}{'content-length'};
            ok(defined $cl, 'has Content-Length');
            is(length $r->{body}, $cl // -1, 'Content-Length equals body');
            ok(!$r->{chunked}, 'not chunked');
        }
        is($r->{trailing} // '', '', 'nothing after the body');

        my $b = $r->{body} // '';
        like($b, qr/\A\s*<!DOCTYPE html>/i, '<!DOCTYPE html> first');
        like($b, qr/<html\b[^>]*>/, '<html>');
        like($b, qr/<head\b[^>]*>.*<\/head>/s, '<head>...</head>');
        like($b, qr/<meta charset="utf-8">/i, '<meta charset="utf-8">');
        like($b, qr/<title>.*?<\/title>/s, '<title>');
        like($b, qr/<body\b[^>]*>.*<\/body>/s, '<body>...</body>');
        like($b, qr/<\/html>\s*\z/, '</html> last');
    };
}

# raw_ok($res, $expected_body, $type, $name): passed through untouched
sub raw_ok {
    my ($r, $body, $type, $name) = @_;

    die "raw_ok: a response hash is needed (call request() in scalar"
        . " context)\n" unless ref $r eq 'HASH';

    local $Test::Builder::Level = $Test::Builder::Level + 1;

    return subtest $name => sub {
        is($r->{status}, 200, 'status 200');
        is($r->{headers}{'content-type'}, $type, "Content-Type $type")
            if defined $type;
        ok($r->{body} eq $body, 'body byte-identical')
            or diag("got " . length($r->{body}) . " bytes, expected "
                    . length($body) . ":\n" . substr($r->{body}, 0, 300));
    };
}

sub title_of {
    my ($html) = @_;
    return $html =~ m{<title>(.*?)</title>}s ? $1 : undef;
}

sub body_of {
    my ($html) = @_;
    return $html =~ m{<body\b[^>]*>(.*)</body>}s ? $1 : undef;
}

# same_headers($a, $b, $name): the same header fields and values, except
# Date (and Connection, Keep-Alive)
sub same_headers {
    my ($x, $y, $name) = @_;

    local $Test::Builder::Level = $Test::Builder::Level + 1;

    my $norm = sub {
        my ($r) = @_;
        return [ sort map { "$_->[0]: $_->[1]" }
                 grep { $_->[0] !~ /^(date|connection|keep-alive)$/ }
                 @{ $r->{header_list} } ];
    };

    return is_deeply($norm->($x), $norm->($y), $name);
}


# a buffered socket reader with a timeout on every read
package PageTest::_Reader;

use strict;
use warnings;
use IO::Select;

sub new {
    my ($class, $sock) = @_;
    return bless { sock => $sock, buf => '', eof => 0,
                   sel => IO::Select->new($sock) }, 'PageTest::_Reader';
}

sub _fill {
    my ($self) = @_;

    return 0 if $self->{eof};
    die "timeout reading the response\n"
        unless $self->{sel}->can_read(PageTest::IO_TIMEOUT());

    my $n = sysread $self->{sock}, $self->{buf}, 65536, length $self->{buf};
    if (!$n) {
        $self->{eof} = 1;
        return 0;
    }

    return 1;
}

# bytes up to (not including) $sep, which is consumed; undef at EOF
sub read_until {
    my ($self, $sep) = @_;

    while (1) {
        my $i = index $self->{buf}, $sep;
        if ($i >= 0) {
            my $s = substr $self->{buf}, 0, $i;
            substr($self->{buf}, 0, $i + length $sep) = '';
            return $s;
        }
        return undef unless $self->_fill;
    }
}

sub bytes {
    my ($self, $n) = @_;

    while (length $self->{buf} < $n) {
        return undef unless $self->_fill;
    }

    my $s = substr $self->{buf}, 0, $n;
    substr($self->{buf}, 0, $n) = '';

    return $s;
}

sub rest {
    my ($self) = @_;

    1 while $self->_fill;
    my $s = $self->{buf};
    $self->{buf} = '';

    return $s;
}

package PageTest;

1;
