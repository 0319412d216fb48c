# ngx_http_page_module: build, run, test, bench.
#
#   make          build the nginx module and the page-render CLI
#   make run      start the example site on http://127.0.0.1:8080/
#   make stop     stop it
#   make test     every test (unit tests under ASan+UBSan, then prove)
#   make bench    rendered vs static requests/s (wrk), with a reference
#                 module that runs only libcmark-gfm (bench/config)
#   make callgrind  instructions of a render against bare libcmark-gfm
#   make valgrind the integration tests and the CLI under memcheck, with
#                 leak checking: 0 errors, no definite leaks
#   make bench-site  the site figures: index build, freshness check,
#                 memory, paginated list against a single page, an edit
#                 against hugo's build (util/bench-site.sh)
#   make bench-worst  worst-case render time of hostile inputs up to
#                 page_max_size, against a 2 s budget (bench/make-worst.pl)
#   make fuzz     fuzz the core: each fuzz/fuzz_*.c for FUZZ_SECONDS (60) s
#   make screenshot   docs/screenshot.png of the example site (chromium)
#
# Everything is built under build/ (git ignores it).  `make run` and
# `make test` first install missing Debian packages when run as root.

BUILD      := build
NGINX_SRC  ?= /usr/share/nginx/src
NGINX      ?= /usr/sbin/nginx
MODULE     := $(BUILD)/ngx_http_page_module.so
REF_MODULE := $(BUILD)/ngx_http_cmark_ref_module.so
CLI        := $(BUILD)/page-render

CORE_SRCS  := $(addprefix src/,$(shell cat src/SOURCES))
CORE_HDRS  := $(wildcard src/*.h)

# the default theme, compiled into the module and the CLI
THEME_FILES := $(shell find conf/theme/layouts -name '*.html' -o -name '*.xml' | sort) \
               conf/theme/static/page-theme.css
THEME_C     := $(BUILD)/page_builtin_theme.c
# emoji codes and HTML entities, from Debian's packages (util/gen-tables.pl)
TABLES_C    := $(BUILD)/page_fn_tables.c
# the TOML shim, C++ over libtomlplusplus (src/page_toml.h)
TOML_O      := $(BUILD)/page_toml.o
# the highlighter shim, C++ over libsource-highlight (src/page_srchilite.h)
SHL_O       := $(BUILD)/page_srchilite.o
# built apart from CORE_SRCS, linked with them
GEN_C       := $(THEME_C) $(TABLES_C) $(TOML_O) $(SHL_O)
LIBS       := -lcmark-gfm-extensions -lcmark-gfm -lyaml -lpcre2-8 -lcrypto \
              -lunistring -ltomlplusplus -lsource-highlight -lstdc++ -lxml2 \
              -lxxhash -licui18n -licuuc -lsass -lm

CC         ?= cc
CFLAGS     ?= -O2 -g
STRICT     := -std=c99 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror \
              -Isrc -I/usr/include/libxml2
SANITIZE   := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
              -fno-sanitize-recover=all

UNIT_SRCS  := $(wildcard t/unit/test_*.c)
UNIT_BINS  := $(patsubst t/unit/%.c,$(BUILD)/unit/%,$(UNIT_SRCS))

FUZZ_SECONDS ?= 60

.PHONY: all deps run stop test unit bench bench-site bench-worst callgrind valgrind \
        fuzz screenshot clean

all: $(MODULE) $(CLI)

deps:
	@sh util/deps.sh

# nginx's build tree: Debian ships headers and the configure scripts in
# nginx-dev; configure with Debian's own flags (binary-compatible module).
$(BUILD)/nginx/objs/Makefile: config src/SOURCES $(NGINX_SRC)/conf_flags \
                              util/configure-nginx.sh util/gen-tables.pl
	@sh util/configure-nginx.sh "$(NGINX_SRC)" "$(BUILD)/nginx" "$(CURDIR)"

$(THEME_C): $(THEME_FILES) util/embed-theme.pl
	@mkdir -p $(BUILD)
	perl util/embed-theme.pl conf/theme/layouts > $@.tmp && mv $@.tmp $@

$(TOML_O): src/page_toml.cpp $(CORE_HDRS)
	@mkdir -p $(BUILD)
	$(CXX) -std=c++17 -Wall -Wextra -Werror -O2 -g -fPIC -Isrc -c -o $@ $<

$(SHL_O): src/page_srchilite.cpp $(CORE_HDRS)
	@mkdir -p $(BUILD)
	$(CXX) -std=c++17 -Wall -Wextra -Werror -O2 -g -fPIC -Isrc -c -o $@ $<

$(TABLES_C): util/gen-tables.pl
	@mkdir -p $(BUILD)
	perl util/gen-tables.pl > $@.tmp && mv $@.tmp $@

# config names objs/page_builtin_theme.c as a module source
$(BUILD)/nginx/objs/page_builtin_theme.c: $(THEME_C) \
                                          $(BUILD)/nginx/objs/Makefile
	cmp -s $(THEME_C) $@ || cp $(THEME_C) $@

GLUE_SRCS  := $(wildcard ngx_http_page_*.c ngx_http_page_*.h)

$(MODULE): $(BUILD)/nginx/objs/Makefile $(GLUE_SRCS) \
           $(CORE_SRCS) $(CORE_HDRS) $(BUILD)/nginx/objs/page_builtin_theme.c
	$(MAKE) -C $(BUILD)/nginx -f objs/Makefile modules
	@# a new file, not an overwrite: a running nginx keeps its mapping
	cp $(BUILD)/nginx/objs/ngx_http_page_module.so $@.tmp
	mv $@.tmp $@

# `make bench` only: the reference filter (libcmark-gfm into a fixed page)
# in a build tree of its own, so `make`/`make test` never configure or
# compile it, and the product's config never names it
$(BUILD)/nginx-ref/objs/Makefile: bench/config $(NGINX_SRC)/conf_flags \
                                  util/configure-nginx.sh
	@sh util/configure-nginx.sh "$(NGINX_SRC)" "$(BUILD)/nginx-ref" \
	    "$(CURDIR)/bench"

$(REF_MODULE): $(BUILD)/nginx-ref/objs/Makefile \
               bench/ngx_http_cmark_ref_module.c
	$(MAKE) -C $(BUILD)/nginx-ref -f objs/Makefile modules
	cp $(BUILD)/nginx-ref/objs/ngx_http_cmark_ref_module.so $@.tmp
	mv $@.tmp $@

# `make valgrind`'s own build, in build/vg: PCRE2's JIT reads the
# subject in aligned blocks past its end, which memcheck reports as
# jumps on uninitialised bytes in code without symbols (a documented
# false positive), so these builds use PCRE2's interpreter
VG_BUILD   := $(BUILD)/vg
VG_FLAGS   := -DPAGE_REGEXP_NO_JIT
VG_MODULE  := $(VG_BUILD)/ngx_http_page_module.so
VG_CLI     := $(VG_BUILD)/page-render

$(VG_BUILD)/nginx/objs/Makefile: config src/SOURCES $(NGINX_SRC)/conf_flags \
                                 util/configure-nginx.sh util/gen-tables.pl
	@sh util/configure-nginx.sh "$(NGINX_SRC)" "$(VG_BUILD)/nginx" \
	    "$(CURDIR)" "$(VG_FLAGS)"

$(VG_BUILD)/nginx/objs/page_builtin_theme.c: $(THEME_C) \
                                             $(VG_BUILD)/nginx/objs/Makefile
	cmp -s $(THEME_C) $@ || cp $(THEME_C) $@

$(VG_MODULE): $(VG_BUILD)/nginx/objs/Makefile $(GLUE_SRCS) $(CORE_SRCS) \
              $(CORE_HDRS) $(VG_BUILD)/nginx/objs/page_builtin_theme.c
	$(MAKE) -C $(VG_BUILD)/nginx -f objs/Makefile modules
	cp $(VG_BUILD)/nginx/objs/ngx_http_page_module.so $@.tmp
	mv $@.tmp $@

$(VG_CLI): tools/page-render.c $(CORE_SRCS) $(CORE_HDRS) $(GEN_C)
	@mkdir -p $(VG_BUILD)
	$(CC) $(STRICT) $(CFLAGS) $(VG_FLAGS) -o $@ tools/page-render.c \
	    $(CORE_SRCS) $(GEN_C) $(LIBS)

$(CLI): tools/page-render.c $(CORE_SRCS) $(CORE_HDRS) $(GEN_C)
	@mkdir -p $(BUILD)
	$(CC) $(STRICT) $(CFLAGS) -o $@ tools/page-render.c $(CORE_SRCS) \
	    $(GEN_C) $(LIBS)

# The core is compiled once under ASan+UBSan (build/asan/) and linked into
# every unit test: compiling it again for each of them took most of the
# time of `make test`.
ASAN_DIR   := $(BUILD)/asan
ASAN_OBJS  := $(patsubst src/%.c,$(ASAN_DIR)/%.o,$(CORE_SRCS)) \
              $(patsubst $(BUILD)/%.c,$(ASAN_DIR)/%.o,$(filter %.c,$(GEN_C)))

# kept between runs (make would delete them as intermediate files)
.SECONDARY: $(ASAN_OBJS)

$(ASAN_DIR)/%.o: src/%.c $(CORE_HDRS)
	@mkdir -p $(ASAN_DIR)
	$(CC) $(STRICT) $(SANITIZE) -c -o $@ $<

$(ASAN_DIR)/%.o: $(BUILD)/%.c $(CORE_HDRS)
	@mkdir -p $(ASAN_DIR)
	$(CC) $(STRICT) $(SANITIZE) -c -o $@ $<

$(BUILD)/unit/%: t/unit/%.c $(wildcard t/unit/*.h) $(ASAN_OBJS) \
                 $(filter-out %.c,$(GEN_C))
	@mkdir -p $(BUILD)/unit
	$(CC) $(STRICT) $(SANITIZE) -It/unit -o $@ $< $(ASAN_OBJS) \
	    $(filter-out %.c,$(GEN_C)) $(LIBS)

# the arena's keep is off under AddressSanitizer (page_arena.c), so its
# test is built with UBSan alone
$(BUILD)/unit/test_arena: t/unit/test_arena.c t/unit/tap.h $(CORE_SRCS) \
                          $(CORE_HDRS)
	@mkdir -p $(BUILD)/unit
	$(CC) $(STRICT) -O1 -g -fsanitize=undefined -fno-sanitize-recover=all \
	    -It/unit -o $@ $< src/page_arena.c src/page_buf.c

unit: $(UNIT_BINS)

run: deps all
	@sh util/run.sh start

stop:
	@sh util/run.sh stop

test: deps all unit
	prove -r t/

bench: deps all $(REF_MODULE) $(BUILD)/site-index
	@sh util/deps.sh valgrind wrk
	@sh util/bench.sh
	@sh util/bench-site.sh

# the site figures alone (issue #12): index, list pages, an edit
bench-site: deps all $(BUILD)/site-index
	@sh util/deps.sh wrk
	@sh util/bench-site.sh

$(BUILD)/site-index: bench/site-index.c $(CORE_SRCS) $(CORE_HDRS) $(GEN_C)
	@mkdir -p $(BUILD)
	$(CC) $(STRICT) -O2 -o $@ bench/site-index.c $(CORE_SRCS) $(GEN_C) \
	    $(LIBS)

bench-worst: deps all
	@sh util/bench-worst.sh

callgrind: deps all
	@sh util/deps.sh valgrind
	@sh util/callgrind.sh

valgrind: deps all $(VG_MODULE) $(VG_CLI)
	@sh util/deps.sh valgrind
	@PAGE_MODULE=$(CURDIR)/$(VG_MODULE) CLI=$(VG_CLI) sh util/valgrind.sh

# libFuzzer targets under ASan+UBSan (clang), one after the other;
# crash reproducers land in build/fuzz/artifacts/
fuzz:
	@sh util/deps.sh clang libclang-rt-14-dev
	FUZZ_SECONDS=$(FUZZ_SECONDS) sh util/fuzz.sh

screenshot: run
	@sh util/deps.sh chromium
	@sh util/screenshot.sh

clean:
	rm -rf $(BUILD)
