# frontdesk: build, run, test.  `make run` and `make test` are the two entry points
# (README.md); everything else is here for developers and packagers.

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
LOCALEDIR  ?= $(PREFIX)/share/locale
SYSCONFDIR ?= /etc
DESTDIR    ?=
VERSION    := 0.1.0

CC      ?= cc
B       := build
PKGS    := ncursesw sqlite3 libsodium
WARN    := -Wall -Wextra -Wpedantic -Wshadow -Wformat=2 -Wno-format-nonliteral
ifneq ($(CI),)
WARN    += -Werror
endif
OPT     ?= -O2 -g
PKG_CFLAGS := $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# iniparser ships no .pc on Debian 12 and keeps its header in a subfolder.
INI_CFLAGS := $(shell pkg-config --cflags iniparser 2>/dev/null || echo -I/usr/include/iniparser)
INI_LIBS   := $(shell pkg-config --libs iniparser 2>/dev/null || echo -liniparser)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

CPPFLAGS += -Iinclude -Itests -I$(B)/gen -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -D_XOPEN_SOURCE_EXTENDED \
	    -DFD_VERSION='"$(VERSION)"' -DFD_LOCALEDIR='"$(LOCALEDIR)"' \
	    -DFD_SYSCONFDIR='"$(SYSCONFDIR)"'
CFLAGS  ?= $(OPT)
CFLAGS  += -std=c11 $(WARN) $(PKG_CFLAGS) $(INI_CFLAGS) -MMD -MP
LDLIBS  += $(PKG_LIBS) $(INI_LIBS) -lm

# Layers: util+core form one library (no curses, no SQLite); db+svc another.
UTIL_SRC := $(sort $(wildcard src/util/*.c) $(wildcard src/core/*.c))
DB_SRC   := $(sort $(wildcard src/db/*.c) $(wildcard src/svc/*.c)) $(B)/gen/migrations.c
MODEL_SRC:= $(sort $(wildcard src/ui/model/*.c))
APP_SRC  := $(sort $(wildcard src/ui/*.c) $(wildcard src/cli/*.c)) src/main.c
SQL      := $(sort $(wildcard sql/[0-9]*.sql))

# $(call objs,SOURCES,VARIANT) maps sources to objects in build/VARIANT/.
objs = $(patsubst %.c,$(B)/$(2)/%.o,$(patsubst $(B)/%,%,$(1)))

BIN       := $(B)/frontdesk
UNIT_T    := $(patsubst tests/unit/%.c,$(B)/t/%,$(sort $(wildcard tests/unit/test_*.c)))
DB_T      := $(patsubst tests/db/%.c,$(B)/t/%,$(sort $(wildcard tests/db/test_*.c)))
UI_T      := $(patsubst tests/ui/%.c,$(B)/t/%,$(sort $(wildcard tests/ui/test_*.c)))
ASAN_T    := $(patsubst $(B)/t/%,$(B)/asan/t/%,$(UNIT_T) $(UI_T) $(DB_T))
TESTLIB   := $(B)/o/tests/testlib.o
MO        := $(patsubst po/%.po,$(B)/locale/%/LC_MESSAGES/frontdesk.mo,$(wildcard po/*.po))

.PHONY: all run test check check-unit check-db check-cli check-e2e check-i18n asan lint \
	bench fuzz install uninstall clean format deps demo-db stats
.DEFAULT_GOAL := all

all: $(BIN) $(MO)

# ---- generated sources --------------------------------------------------
$(B)/gen/migrations.c: $(SQL) scripts/embed-sql.sh
	@mkdir -p $(@D)
	sh scripts/embed-sql.sh $(SQL) > $@.tmp && mv $@.tmp $@

# ---- objects ----------------------------------------------------------------
$(B)/o/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@
$(B)/o/gen/%.o: $(B)/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
$(B)/asan/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -O1 $(SAN) -c $< -o $@
$(B)/asan/gen/%.o: $(B)/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -O1 $(SAN) -c $< -o $@

$(B)/libfdutil.a: $(call objs,$(UTIL_SRC),o)
	$(AR) rcs $@ $^
$(B)/libfddb.a: $(call objs,$(DB_SRC),o)
	$(AR) rcs $@ $^
$(B)/libfdmodel.a: $(call objs,$(MODEL_SRC),o)
	$(AR) rcs $@ $^
$(B)/asan/libfdmodel.a: $(call objs,$(MODEL_SRC),asan)
	$(AR) rcs $@ $^
$(B)/asan/libfdutil.a: $(call objs,$(UTIL_SRC),asan)
	$(AR) rcs $@ $^
$(B)/asan/libfddb.a: $(call objs,$(DB_SRC),asan)
	$(AR) rcs $@ $^

$(BIN): $(call objs,$(APP_SRC),o) $(B)/libfdmodel.a $(B)/libfddb.a $(B)/libfdutil.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# ---- tests ------------------------------------------------------------------
$(B)/t/test_%: $(B)/o/tests/unit/test_%.o $(TESTLIB) $(B)/libfdutil.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(CMOCKA_LIBS)
$(B)/t/test_%: $(B)/o/tests/db/test_%.o $(TESTLIB) $(B)/libfddb.a $(B)/libfdutil.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(CMOCKA_LIBS)
$(B)/t/test_%: $(B)/o/tests/ui/test_%.o $(TESTLIB) $(B)/libfdmodel.a $(B)/libfdutil.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(CMOCKA_LIBS)
$(B)/asan/t/test_%: $(B)/asan/tests/ui/test_%.o $(B)/asan/tests/testlib.o $(B)/asan/libfdmodel.a $(B)/asan/libfdutil.a
	@mkdir -p $(@D)
	$(CC) $(SAN) -o $@ $^ $(LDLIBS) $(CMOCKA_LIBS)
$(B)/asan/t/test_%: $(B)/asan/tests/unit/test_%.o $(B)/asan/tests/testlib.o $(B)/asan/libfdutil.a
	@mkdir -p $(@D)
	$(CC) $(SAN) -o $@ $^ $(LDLIBS) $(CMOCKA_LIBS)
$(B)/asan/t/test_%: $(B)/asan/tests/db/test_%.o $(B)/asan/tests/testlib.o $(B)/asan/libfddb.a $(B)/asan/libfdutil.a
	@mkdir -p $(@D)
	$(CC) $(SAN) -o $@ $^ $(LDLIBS) $(CMOCKA_LIBS)

# Set-up first (installs what is missing), then every test.
test: deps
	$(MAKE) -j2 all $(UNIT_T) $(UI_T) $(DB_T)
	$(MAKE) lint
	$(MAKE) check-i18n
	$(MAKE) check
	$(MAKE) check-cli
	$(MAKE) check-e2e
	$(MAKE) -j2 asan
	$(MAKE) fuzz FUZZ_SECONDS=5
	@echo "all test suites passed"

check: check-unit check-db
check-unit: $(UNIT_T) $(UI_T)
	@sh scripts/run-tests.sh unit $(UNIT_T) $(UI_T)
check-db: $(DB_T) $(BIN)
	@FD_BIN=$(abspath $(BIN)) sh scripts/run-tests.sh db $(DB_T)
check-cli: $(BIN)
	@sh tests/cli/run.sh $(BIN)
check-e2e: all
	@sh tests/e2e/run.sh $(BIN)
asan: $(ASAN_T)
	@ASAN_OPTIONS=detect_leaks=1 FD_BIN=$(abspath $(BIN)) sh scripts/run-tests.sh asan $(ASAN_T)
check-i18n:
	@sh scripts/check-i18n.sh

# ---- translations -------------------------------------------------------
$(B)/locale/%/LC_MESSAGES/frontdesk.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<
pot:
	sh scripts/check-i18n.sh --pot

# ---- set-up, run ------------------------------------------------------------
deps:
	@sh scripts/deps.sh

DEMO_DB ?= $(HOME)/.local/share/frontdesk/demo.db
run: deps
	$(MAKE) -j2 all
	@if [ ! -f "$(DEMO_DB)" ]; then mkdir -p "$(dir $(DEMO_DB))" && \
		$(BIN) --db "$(DEMO_DB)" demo; fi
	$(BIN) --db "$(DEMO_DB)"

lint:
	@sh scripts/lint.sh

BENCH := $(patsubst bench/%.c,$(B)/bench/%,$(sort $(wildcard bench/*.c)))
$(B)/bench/%: $(B)/o/bench/%.o $(B)/libfdmodel.a $(B)/libfddb.a $(B)/libfdutil.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS) -lutil

bench: all $(BENCH)
	@sh bench/run.sh $(B)

fuzz:
	@sh scripts/fuzz.sh $(FUZZ_SECONDS)

stats:
	@sh scripts/stats.sh

format:
	clang-format -i $(sort $(wildcard src/*/*.c include/*/*.h tests/*/*.c)) src/main.c

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(SYSCONFDIR)/frontdesk
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/frontdesk
	install -m 644 docs/frontdesk.1 $(DESTDIR)$(MANDIR)/man1/frontdesk.1
	install -m 644 docs/frontdesk.ini.5 $(DESTDIR)$(MANDIR)/man5/frontdesk.ini.5
	install -m 644 conf/frontdesk.ini $(DESTDIR)$(SYSCONFDIR)/frontdesk/frontdesk.ini
	for mo in $(MO); do l=$${mo#$(B)/locale/}; l=$${l%%/*}; \
		install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
		install -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/frontdesk.mo; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/frontdesk $(DESTDIR)$(MANDIR)/man1/frontdesk.1 \
		$(DESTDIR)$(MANDIR)/man5/frontdesk.ini.5
	for mo in $(MO); do l=$${mo#$(B)/locale/}; l=$${l%%/*}; \
		rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/frontdesk.mo; done
	@echo "kept $(DESTDIR)$(SYSCONFDIR)/frontdesk/frontdesk.ini (it may hold local changes)"

clean:
	rm -rf $(B)

.SECONDARY:
-include $(shell find $(B) -name '*.d' 2>/dev/null)
