# newsd — build, run, test, install.
#   make run       install what is missing (apt), build, run on ./var/inbox → ./var/out
#   make test      install what is missing, run the whole test suite
#   make bench     newsd against a Python inotify + spaCy daemon (BENCH_ARGS=--quick)
#   make install   PREFIX=/usr/local DESTDIR=  (binary, data, config, systemd unit, user)
#   make deb       a Debian package in .build/ (apt install ./.build/newsd_*.deb)

VERSION     ?= 0.1.0
PREFIX      ?= /usr/local
DESTDIR     ?=
SYSCONFDIR  ?= /etc
BINDIR      := $(PREFIX)/bin
DATADIR     := $(PREFIX)/share/newsd
UNITDIR     ?= $(PREFIX)/lib/systemd/system
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
TMPFILESDIR ?= $(PREFIX)/lib/tmpfiles.d
SWIFT       ?= swift
SWIFTFLAGS  ?=
APT_PACKAGES := libinotifytools0-dev inotify-tools python3
# Only the tests need these: chromium renders summary.html to a screenshot; postgresql gives the
# fleet tests their private clusters (initdb, pg_ctl).
TEST_APT_PACKAGES := chromium postgresql
RELEASE_BIN ?= .build/release/newsd
RESOURCES   := Sources/ExtractionData/Data

.PHONY: all deps test-deps apt-install generated build release run test install uninstall deb clean bench

all: release

# Installs the Debian packages the build and tests need, only when something is missing.
deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(APT_PACKAGES)"

test-deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(APT_PACKAGES) $(TEST_APT_PACKAGES)"

apt-install:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build $(SWIFTFLAGS)

release: deps
	$(SWIFT) build -c release $(SWIFTFLAGS)

# Runs the daemon in the foreground on a local inbox; drop files into ./var/inbox.
run: release
	mkdir -p var/inbox var/out
	@echo "newsd: drop articles into $(CURDIR)/var/inbox; records in $(CURDIR)/var/out/records.jsonl (Ctrl-C stops)"
	$(RELEASE_BIN) run --inbox main=$(CURDIR)/var/inbox --output $(CURDIR)/var/out

test: test-deps
	$(SWIFT) build --build-tests $(SWIFTFLAGS)
	$(SWIFT) test --skip-build $(SWIFTFLAGS)

# newsd beside a Python peer (inotify + spaCy, installed into bench/.venv on first use): one table,
# written to bench/results/bench-full.{md,json}; about 20 minutes. BENCH_ARGS=--quick for ~5 minutes.
BENCH_ARGS ?=
bench: release
	python3 bench/bench.py $(BENCH_ARGS)

# The man page and shell completions, generated from the argument parser.
MANDIR      := $(PREFIX)/share/man/man1
GENERATED   := .build/generated

generated: release
	rm -rf $(GENERATED) && mkdir -p $(GENERATED)/man $(GENERATED)/completions
	$(SWIFT) package --allow-writing-to-directory $(GENERATED)/man generate-manual --multi-page -o $(GENERATED)/man
	$(RELEASE_BIN) --generate-completion-script bash > $(GENERATED)/completions/newsd.bash
	$(RELEASE_BIN) --generate-completion-script zsh > $(GENERATED)/completions/_newsd
	$(RELEASE_BIN) --generate-completion-script fish > $(GENERATED)/completions/newsd.fish

install: release generated
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/data $(DESTDIR)$(SYSCONFDIR)/newsd \
	  $(DESTDIR)$(UNITDIR) $(DESTDIR)$(SYSUSERSDIR) $(DESTDIR)$(TMPFILESDIR) $(DESTDIR)$(MANDIR) \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 0755 $(RELEASE_BIN) $(DESTDIR)$(BINDIR)/newsd
	install -m 0644 $(GENERATED)/man/*.1 $(DESTDIR)$(MANDIR)/
	install -m 0644 $(GENERATED)/completions/newsd.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/newsd
	install -m 0644 $(GENERATED)/completions/_newsd $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_newsd
	install -m 0644 $(GENERATED)/completions/newsd.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/newsd.fish
	cp -R $(RESOURCES)/. $(DESTDIR)$(DATADIR)/data/
	[ -e $(DESTDIR)$(SYSCONFDIR)/newsd/newsd.toml ] || install -m 0644 etc/newsd/newsd.toml $(DESTDIR)$(SYSCONFDIR)/newsd/newsd.toml
	sed 's|@BINDIR@|$(BINDIR)|g; s|@SYSCONFDIR@|$(SYSCONFDIR)|g' systemd/newsd.service > $(DESTDIR)$(UNITDIR)/newsd.service
	install -m 0644 systemd/newsd.sysusers $(DESTDIR)$(SYSUSERSDIR)/newsd.conf
	install -m 0644 systemd/newsd.tmpfiles $(DESTDIR)$(TMPFILESDIR)/newsd.conf
	@if [ -z "$(DESTDIR)" ] && command -v systemd-sysusers >/dev/null; then \
	  systemd-sysusers newsd.conf 2>/dev/null || systemd-sysusers; systemd-tmpfiles --create newsd.conf 2>/dev/null || true; \
	  systemctl daemon-reload 2>/dev/null || true; fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/newsd $(DESTDIR)$(UNITDIR)/newsd.service $(DESTDIR)$(MANDIR)/newsd*.1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/newsd $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_newsd \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/newsd.fish \
	  $(DESTDIR)$(SYSUSERSDIR)/newsd.conf $(DESTDIR)$(TMPFILESDIR)/newsd.conf
	rm -rf $(DESTDIR)$(DATADIR)
	@echo "kept $(SYSCONFDIR)/newsd and /var/lib/newsd (configuration and records)"

# A Debian package built with dpkg-deb, the Swift runtime linked in statically.
deb: deps
	VERSION=$(VERSION) scripts/make-deb.sh .build

clean:
	rm -rf .build var
