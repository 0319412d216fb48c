package PageBrowser;

# A tiny W3C WebDriver client for the browser tests, written for this
# project with core Perl modules only (HTTP::Tiny, JSON::PP, MIME::Base64).
# It drives Debian's headless Chromium through Debian's chromedriver; no
# npm, no network beyond loopback.
#
# Usage:
#
#   use lib 't/lib';
#   use PageTest;
#   use PageBrowser;
#
#   PageBrowser->require_browser;   # plan skip_all when chromium or
#                                   # chromedriver is missing; under CI
#                                   # (env CI=true) a failure instead
#   my $b = PageBrowser->new;       # starts chromedriver + a session
#   $b->window_size(1280, 900);     # the viewport, in CSS pixels
#   $b->get("http://127.0.0.1:$port/page");
#   my $v = $b->execute('return document.title');
#   $b->screenshot('build/screenshots/page.png', full => 1);
#   my @log = $b->logs;             # console: [{level, message, ...}]
#   $b->click('.page-cta a.button');
#   $b->quit;                       # also done at exit, even after die
#
# The browser is started with --headless --no-sandbox --disable-gpu
# --no-first-run --disable-background-networking --disable-component-update
# --disable-sync --disable-quic and a fresh --user-data-dir (removed at the
# end), plus --disable-dev-shm-usage (containers have a small /dev/shm),
# --hide-scrollbars and --force-device-scale-factor=1 (screenshots in CSS
# pixels), --disable-extensions, --mute-audio.  chromedriver runs in its own process group on a free loopback port;
# quit() ends the session, then that process group (chromedriver and the
# browser it started), and nothing else.
#
# Environment:
#   PAGE_CHROMIUM       browser binary (default /usr/bin/chromium)
#   PAGE_CHROMEDRIVER   driver binary (default /usr/bin/chromedriver)
#   PAGE_BROWSER_DEBUG=1  print every WebDriver command and keep the
#                       chromedriver log (its path is printed)
#   CI=true             a missing browser fails instead of skipping

use strict;
use warnings;

use File::Temp qw(tempdir);
use HTTP::Tiny;
use IO::Socket::INET;
use JSON::PP;
use MIME::Base64 qw(decode_base64);
use POSIX qw(WNOHANG);
use Time::HiRes qw(sleep time);

use Test::More ();

use PageTest ();     # free_port()

our $CHROMIUM = $ENV{PAGE_CHROMIUM} || '/usr/bin/chromium';
our $CHROMEDRIVER = $ENV{PAGE_CHROMEDRIVER} || '/usr/bin/chromedriver';
our $DEBUG = $ENV{PAGE_BROWSER_DEBUG} ? 1 : 0;

our @ARGS = qw(--headless --no-sandbox --disable-gpu --no-first-run
               --disable-background-networking --disable-component-update
               --disable-sync --disable-quic --disable-dev-shm-usage
               --hide-scrollbars --force-device-scale-factor=1
               --disable-extensions --mute-audio);

# W3C element reference key
use constant ELEMENT => 'element-6066-11e4-a52e-4f735466cecf';

my @LIVE;               # browsers to clean up at exit
my $MAIN_PID = $$;

my $JSON = JSON::PP->new->utf8->canonical->allow_nonref;


# ---------------------------------------------------------------- setup

sub in_ci {
    my $ci = $ENV{CI} // '';
    return $ci ne '' && $ci !~ /^(?:0|false|no)$/i;
}

# (1) or (0, reason)
sub available {
    for ([$CHROMIUM, 'chromium'], [$CHROMEDRIVER, 'chromium-driver']) {
        my ($bin, $pkg) = @$_;
        return (0, "$bin not found (Debian package $pkg)") unless -x $bin;
    }
    return (1);
}

# call before plan: skip_all without a browser, or fail under CI
sub require_browser {
    my ($ok, $why) = available();
    return 1 if $ok;

    if (in_ci()) {
        Test::More::plan(tests => 1);
        Test::More::fail("browser available: $why; under CI a missing "
                         . "browser is a failure (apt-get install chromium "
                         . "chromium-driver)");
        exit 1;
    }

    Test::More::plan(skip_all => "$why; apt-get install chromium "
                                 . "chromium-driver to run the browser tests");
    exit 0;
}

# PageBrowser->new(%opt): width, height (initial window), timeout (s)
sub new {
    my ($class, %opt) = @_;

    my ($ok, $why) = available();
    die "$why\n" unless $ok;

    my $self = bless {
        tmp     => tempdir('page-browser-XXXXXXXX', TMPDIR => 1,
                           CLEANUP => !$DEBUG),
        timeout => $opt{timeout} // 30,
        owner   => $$,
    }, $class;

    $self->{http} = HTTP::Tiny->new(timeout => $self->{timeout} + 30,
                                    keep_alive => 1);
    push @LIVE, $self;

    $self->_start_driver;
    $self->_new_session(%opt);

    return $self;
}

sub _start_driver {
    my ($self) = @_;

    my $log = "$self->{tmp}/chromedriver.log";
    Test::More::diag("chromedriver log: $log") if $DEBUG;

    for my $attempt (1 .. 5) {
        my $port = PageTest::free_port();
        my $pid = fork // die "fork: $!";

        if ($pid == 0) {
            # its own process group: quit() ends it and the browser
            POSIX::setpgid(0, 0);
            open STDIN, '<', '/dev/null';
            open STDOUT, '>>', $log or POSIX::_exit(126);
            open STDERR, '>&', \*STDOUT or POSIX::_exit(126);
            { exec $CHROMEDRIVER, "--port=$port", '--allowed-ips=127.0.0.1',
                   ($DEBUG ? '--verbose' : ()) }
            POSIX::_exit(127);
        }

        # also here, so that a kill before the child ran setpgid works
        POSIX::setpgid($pid, $pid);
        $self->{driver_pid} = $pid;
        $self->{base} = "http://127.0.0.1:$port";

        my $deadline = time + 15;
        while (time < $deadline) {
            if (waitpid($pid, WNOHANG) == $pid) {
                delete $self->{driver_pid};
                last;
            }
            my $r = $self->{http}->get("$self->{base}/status");
            if ($r->{success}) {
                my $v = eval { $JSON->decode($r->{content}) };
                return if $v && $v->{value} && $v->{value}{ready};
            }
            sleep 0.05;
        }

        if ($self->{driver_pid}) {
            $self->_stop_driver;
            die "chromedriver did not become ready in 15 s\n"
                . _tail_file($log);
        }
        # exited: most likely the port was taken; try another one
        die "chromedriver exited at start:\n" . _tail_file($log)
            if $attempt == 5;
    }
}

sub _new_session {
    my ($self, %opt) = @_;

    my $profile = tempdir('profile-XXXXXXXX', DIR => $self->{tmp});
    my $w = $opt{width} // 1280;
    my $h = $opt{height} // 900;

    my $caps = {
        browserName => 'chrome',
        pageLoadStrategy => 'normal',
        timeouts => { pageLoad => $self->{timeout} * 1000,
                      script => $self->{timeout} * 1000,
                      implicit => 0 },
        'goog:chromeOptions' => {
            binary => $CHROMIUM,
            args => [@ARGS, "--user-data-dir=$profile",
                     "--window-size=$w,$h"],
        },
        'goog:loggingPrefs' => { browser => 'ALL' },
    };

    my $v = $self->_cmd(POST => '/session',
                        { capabilities => { alwaysMatch => $caps } });
    $self->{session} = $v->{sessionId}
        or die "webdriver: no session id in " . $JSON->encode($v) . "\n";
    $self->{capabilities} = $v->{capabilities};

    return $self;
}

sub browser_version {
    my ($self) = @_;
    return $self->{capabilities}{browserVersion} // '?';
}


# ---------------------------------------------------------------- protocol

sub _cmd {
    my ($self, $method, $path, $body) = @_;

    my $url = $self->{base} . $path;
    my %o = (headers => { 'Content-Type' => 'application/json' });
    $o{content} = $JSON->encode($body // {}) if $method eq 'POST';

    Test::More::diag("webdriver: $method $path "
                     . ($o{content} // '')) if $DEBUG;

    my $r = $self->{http}->request($method, $url, \%o);
    my $v = eval { $JSON->decode($r->{content}) };

    if (!$v || ref $v ne 'HASH') {
        die "webdriver $method $path: HTTP $r->{status} $r->{reason}: "
            . substr($r->{content} // '', 0, 500) . "\n";
    }

    my $val = $v->{value};
    if (!$r->{success} || (ref $val eq 'HASH' && defined $val->{error})) {
        my $e = ref $val eq 'HASH' ? $val : {};
        my $msg = $e->{message} // '';
        $msg =~ s/\n\s*Stacktrace:.*//s;
        die "webdriver $method $path: " . ($e->{error} // $r->{status})
            . ": $msg\n";
    }

    return $val;
}

sub _s {
    my ($self, $path) = @_;
    die "webdriver: no session\n" unless $self->{session};
    return "/session/$self->{session}$path";
}

# navigate and wait for the load event
sub get {
    my ($self, $url) = @_;
    $self->_cmd(POST => $self->_s('/url'), { url => $url });
    return $self;
}

sub url   { $_[0]->_cmd(GET => $_[0]->_s('/url')) }
sub title { $_[0]->_cmd(GET => $_[0]->_s('/title')) }
sub back  { $_[0]->_cmd(POST => $_[0]->_s('/back'), {}) }

# execute(script, args...): the script body of a function; returns its
# value (elements come back as { element-6066-11e4-a52e-4f735466cecf => id })
sub execute {
    my ($self, $script, @args) = @_;
    return $self->_cmd(POST => $self->_s('/execute/sync'),
                       { script => $script, args => \@args });
}

# window_size(w, h): makes the *viewport* (window.innerWidth/innerHeight)
# w x h CSS pixels: sets the window, measures, corrects; falls back to
# device-metrics emulation when the window cannot get that small
sub window_size {
    my ($self, $w, $h) = @_;

    my ($ww, $wh) = ($w, $h);
    for (1 .. 3) {
        $self->_cmd(POST => $self->_s('/window/rect'),
                    { width => $ww, height => $wh });
        my $vp = $self->execute('return [window.innerWidth, '
                                . 'window.innerHeight]');
        return $self if $vp->[0] == $w && $vp->[1] == $h;
        $ww += $w - $vp->[0];
        $wh += $h - $vp->[1];
    }

    # e.g. a minimum window width: emulate the viewport instead
    $self->cdp('Emulation.setDeviceMetricsOverride',
               { width => $w + 0, height => $h + 0, deviceScaleFactor => 1,
                 mobile => JSON::PP::false });
    my $vp = $self->execute('return [window.innerWidth, window.innerHeight]');
    die "cannot make the viewport ${w}x$h (it is $vp->[0]x$vp->[1])\n"
        unless $vp->[0] == $w;
    $self->{emulated} = 1;

    return $self;
}

# Chrome DevTools command through chromedriver
sub cdp {
    my ($self, $cmd, $params) = @_;
    return $self->_cmd(POST => $self->_s('/goog/cdp/execute'),
                       { cmd => $cmd, params => $params // {} });
}

# screenshot($file [, full => 1]): PNG of the viewport, or of the whole
# page (full: through DevTools; the viewport when that is not available)
sub screenshot {
    my ($self, $file, %opt) = @_;

    my $b64;
    if ($opt{full}) {
        $b64 = eval {
            my $m = $self->cdp('Page.getLayoutMetrics');
            my $c = $m->{cssContentSize} || $m->{contentSize};
            my $vw = $self->execute('return window.innerWidth');
            my $ch = $c->{height} > 16384 ? 16384 : $c->{height};
            $self->cdp('Page.captureScreenshot', {
                format => 'png',
                captureBeyondViewport => JSON::PP::true,
                clip => { x => 0, y => 0, width => $vw + 0,
                          height => int($ch + 0.5), scale => 1 },
            })->{data};
        };
    }
    $b64 //= $self->_cmd(GET => $self->_s('/screenshot'));

    open my $fh, '>:raw', $file or die "write $file: $!";
    print {$fh} decode_base64($b64);
    close $fh or die "close $file: $!";

    return $file;
}

# logs([type]): the browser console since the last call, as a list of
# { level => 'SEVERE'|'WARNING'|'INFO'|..., message, source, timestamp }
sub logs {
    my ($self, $type) = @_;
    $type //= 'browser';

    my $v = eval {
        $self->_cmd(POST => $self->_s('/se/log'), { type => $type })
    };
    $v = $self->_cmd(POST => $self->_s('/log'), { type => $type })
        unless defined $v;

    return @{ $v || [] };
}

# find(css) -> element id (dies when there is none); find_all(css) -> ids
sub find {
    my ($self, $css) = @_;
    my $v = $self->_cmd(POST => $self->_s('/element'),
                        { using => 'css selector', value => $css });
    return $v->{+ELEMENT};
}

sub find_all {
    my ($self, $css) = @_;
    my $v = $self->_cmd(POST => $self->_s('/elements'),
                        { using => 'css selector', value => $css });
    return map { $_->{+ELEMENT} } @$v;
}

# click(css): a real click on the first match (scrolled into view first);
# click_element(id) for an id from find/find_all
sub click {
    my ($self, $css) = @_;
    return $self->click_element($self->find($css));
}

sub click_element {
    my ($self, $id) = @_;
    $self->_cmd(POST => $self->_s("/element/$id/click"), {});
    return $self;
}

sub element_rect {
    my ($self, $id) = @_;
    return $self->_cmd(GET => $self->_s("/element/$id/rect"));
}


# ---------------------------------------------------------------- cleanup

sub quit {
    my ($self) = @_;

    return unless $self->{owner} == $$;

    if ($self->{session} && $self->{driver_pid}) {
        eval {
            local $self->{http}{timeout} = 10;
            $self->_cmd(DELETE => $self->_s(''));
        };
    }
    delete $self->{session};

    $self->_stop_driver;
    @LIVE = grep { $_ != $self } @LIVE;

    return;
}

sub _stop_driver {
    my ($self) = @_;

    my $pid = delete $self->{driver_pid} or return;

    # the group: chromedriver and any browser process it left behind
    kill 'TERM', -$pid;
    kill 'TERM', $pid;

    my $deadline = time + 5;
    my $reaped = 0;
    while (time < $deadline) {
        $reaped = 1 if !$reaped && waitpid($pid, WNOHANG) == $pid;
        last if $reaped && !kill(0, -$pid);
        sleep 0.05;
    }

    kill 'KILL', -$pid if kill 0, -$pid;
    waitpid($pid, 0) unless $reaped;

    return;
}

sub DESTROY {
    my ($self) = @_;
    local ($@, $!, $?);
    $self->quit if $self->{owner} == $$;
}

END {
    if ($$ == $MAIN_PID) {
        local $?;       # keep the test's exit status
        $_->quit for @LIVE;
    }
}

sub _tail_file {
    my ($file) = @_;
    open my $fh, '<', $file or return '';
    local $/;
    my $text = <$fh> // '';
    close $fh;
    my @l = split /\n/, $text;
    @l = @l[-20 .. -1] if @l > 20;
    return join("\n", @l) . "\n";
}

1;
