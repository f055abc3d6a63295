# tingbao — see README.md.  `make` sets up, builds and produces the podcast;
# `make check` sets up, builds and runs every test.

PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc

# Everything tingbao and its tests need, as Debian 12 packages.  `make`
# installs the missing ones when run as root and otherwise prints the line.
DEBIAN_PACKAGES := gcc make pkg-config \
	libespeak-ng-dev espeak-ng-data libsndfile1-dev libvorbis-dev libogg-dev \
	libebur128-dev libxml2-dev libjansson-dev libcmocka-dev libpango1.0-dev libcairo2-dev \
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

.PHONY: all deps podcast check eval install clean
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

check: deps tingbao $(LEXICON) $(TEST_BIN) $(A11Y)
	@tests/run $(TEST_BIN)

# How well tingbao reads Mandarin, against the hand-checked references.
eval: deps tingbao $(LEXICON)
	/usr/bin/python3 tests/eval/eval_frontend.py

install: tingbao $(LEXICON)
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 tingbao $(DESTDIR)$(PREFIX)/bin/tingbao
	install -d $(DESTDIR)$(PREFIX)/share/tingbao
	install -m 644 $(LEXICON) $(DESTDIR)$(PREFIX)/share/tingbao/lexicon.tsv

clean:
	rm -rf $(BUILD) tingbao

-include $(wildcard $(BUILD)/obj/*.d $(BUILD)/tests/*.d)
