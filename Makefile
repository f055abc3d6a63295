# tingbao — see README.md.  `make` sets up, builds and produces the podcast;
# `make check` sets up, builds and runs every test.

PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
SHELL := /bin/bash

# Everything tingbao and its tests need, as Debian 12 packages.  `make`
# installs the missing ones when run as root and otherwise prints the line.
DEBIAN_PACKAGES := gcc make pkg-config \
	libespeak-ng-dev espeak-ng-data libsndfile1-dev libvorbis-dev libogg-dev \
	libebur128-dev libxml2-dev libjansson-dev libcmocka-dev libpango1.0-dev libcairo2-dev \
	valgrind \
	fonts-wqy-microhei chromium ffmpeg vorbis-tools libxml2-utils curl \
	python3-feedparser python3-podcastparser \
	python3 rime-data-terra-pinyin unicode-data pinyin-database python3-jieba

LIB_PKGS := espeak-ng sndfile vorbisenc vorbis ogg libebur128 libxml-2.0 jansson pangocairo glib-2.0
TEST_PKGS := cmocka

CFLAGS ?= -O2 -g
WARNINGS := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wformat=2 -Wvla
# CI builds with warnings as errors; a user's newer compiler should not stop
# a build over a new warning.
ifdef CI
WARNINGS += -Werror
endif
ALL_CFLAGS = -std=c17 -D_GNU_SOURCE $(WARNINGS) $(CFLAGS) \
	-DTINGBAO_DATADIR='"$(PREFIX)/share/tingbao"' \
	$(shell pkg-config --cflags $(LIB_PKGS) 2>/dev/null) -MMD -MP
LIBS = $(shell pkg-config --libs $(LIB_PKGS) 2>/dev/null) -lm
TEST_LIBS = $(shell pkg-config --libs $(TEST_PKGS) 2>/dev/null)

BUILD := build
LEXICON := $(BUILD)/lexicon.tsv
SRC := $(wildcard src/*.c)
LIB_OBJ := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(filter-out src/main.c,$(SRC)))
TEST_SRC := $(wildcard tests/test_*.c)
TEST_BIN := $(patsubst tests/%.c,$(BUILD)/tests/%,$(TEST_SRC))

.PHONY: all deps podcast check check-sanitize fuzz eval bench install clean
.DEFAULT_GOAL := all

all: deps tingbao $(LEXICON) podcast

# Checks the Debian packages first, so a fresh machine gets one clear line
# instead of a compiler error about a missing header.
deps:
	@missing=$$(dpkg-query -W -f='$${Package} $${db:Status-Abbrev}\n' $(DEBIAN_PACKAGES) 2>/dev/null \
	  | awk '$$2 == "ii" { ok[$$1] = 1 } END { split("$(DEBIAN_PACKAGES)", p, " "); \
	    for (i in p) if (!(p[i] in ok)) printf "%s ", p[i] }'); \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing the Debian packages tingbao needs: $$missing"; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	  else \
	    echo "tingbao needs Debian packages that are not installed. As root, run:"; \
	    echo "  apt-get install $$missing"; \
	    exit 1; \
	  fi; \
	fi

tingbao: $(BUILD)/obj/main.o $(LIB_OBJ) | deps
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/obj/%.o: src/%.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/%.c $(LIB_OBJ) | deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc $(LDFLAGS) -o $@ $< $(LIB_OBJ) $(LIBS) $(TEST_LIBS)

# The lexicon is converted from Debian's data at build time (see the script).
$(LEXICON): src/lexicon/make_lexicon.py src/lexicon/mainland.tsv | deps
	@mkdir -p $(dir $@)
	/usr/bin/python3 src/lexicon/make_lexicon.py $@

podcast: tingbao $(LEXICON)
	./tingbao build -C content -o podcast

# axe-core and playwright-core for the listening page's accessibility test,
# at the versions tests/a11y/package-lock.json pins.
A11Y := tests/a11y/node_modules/.package-lock.json
$(A11Y): tests/a11y/package.json tests/a11y/package-lock.json | deps
	cd tests/a11y && npm ci --no-audit --no-fund --loglevel=error

# The fuzz targets' entry points, replaying the kept corpus and crash
# inputs under the ordinary build (make check runs them).
FUZZ_TARGETS := digest normalize overrides
REPLAY_BIN := $(patsubst %,$(BUILD)/replay/fuzz_%,$(FUZZ_TARGETS))
$(BUILD)/replay/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(LIB_OBJ) | deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc $(LDFLAGS) -o $@ $< tests/fuzz/replay.c $(LIB_OBJ) $(LIBS)

check: deps tingbao $(LEXICON) $(TEST_BIN) $(REPLAY_BIN) $(A11Y)
	@tests/run $(TEST_BIN)

# The same tests, built with AddressSanitizer and UndefinedBehaviorSanitizer.
SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
check-sanitize: deps $(LEXICON) $(A11Y)
	$(MAKE) BUILD=build/sanitize CFLAGS="-O1 -g $(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" \
	    build/sanitize/tingbao-bin $(patsubst $(BUILD)/%,build/sanitize/%,$(TEST_BIN) $(REPLAY_BIN))
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	    UBSAN_OPTIONS=print_stacktrace=1 TB=build/sanitize/tingbao-bin \
	    TINGBAO_LEXICON=$(CURDIR)/$(LEXICON) TINGBAO_SANITIZED=1 \
	    REPLAY_DIR=build/sanitize/replay tests/run $(patsubst $(BUILD)/%,build/sanitize/%,$(TEST_BIN))

$(BUILD)/tingbao-bin: $(BUILD)/obj/main.o $(LIB_OBJ) | deps
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

# libFuzzer: each target for FUZZ_SECONDS, from a copy of its corpus.
FUZZ_SECONDS ?= 60
FUZZ_FLAGS := -O1 -g -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer
fuzz: deps
	@command -v clang >/dev/null || { echo "make fuzz needs clang: apt-get install clang"; exit 1; }
	@mkdir -p $(BUILD)/fuzz
	@for t in $(FUZZ_TARGETS); do \
	  clang -std=c17 -D_GNU_SOURCE -Isrc $(FUZZ_FLAGS) $$(pkg-config --cflags $(LIB_PKGS)) \
	    -o $(BUILD)/fuzz/fuzz_$$t tests/fuzz/fuzz_$$t.c $(filter-out src/main.c src/cmd_%.c,$(SRC)) \
	    $(LIBS) || exit 1; \
	  rm -rf $(BUILD)/fuzz/corpus-$$t; cp -r tests/fuzz/corpus/$$t $(BUILD)/fuzz/corpus-$$t; \
	  echo "fuzzing $$t for $(FUZZ_SECONDS) s"; \
	  $(BUILD)/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	    -artifact_prefix=$(BUILD)/fuzz/crash-$$t- $(BUILD)/fuzz/corpus-$$t 2>&1 \
	    | grep -E "^#[0-9]+.*DONE|ERROR|SUMMARY|Test unit written" ; \
	  [ $${PIPESTATUS[0]} -eq 0 ] || exit 1; \
	done

# How well tingbao reads Mandarin, against the hand-checked references.
eval: deps tingbao $(LEXICON)
	/usr/bin/python3 tests/eval/eval_frontend.py

# How fast: full and incremental builds against the espeak-ng + oggenc baseline.
bench: deps tingbao $(LEXICON)
	/usr/bin/python3 tests/bench/bench.py

install: tingbao $(LEXICON)
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 tingbao $(DESTDIR)$(PREFIX)/bin/tingbao
	install -d $(DESTDIR)$(PREFIX)/share/tingbao
	install -m 644 $(LEXICON) $(DESTDIR)$(PREFIX)/share/tingbao/lexicon.tsv

clean:
	rm -rf $(BUILD) tingbao

-include $(wildcard $(BUILD)/obj/*.d $(BUILD)/tests/*.d)
