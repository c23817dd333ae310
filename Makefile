# Two commands on a fresh Debian/Ubuntu machine: `make run` and `make test`.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
# What running needs (`.`), and what the tests add (`.[test]`): `make run` installs only the first.
STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)
# Libraries Qt's xcb (real window) and offscreen platforms load on a fresh Debian.
QT_DEBS := libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0 \
  libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0 \
  libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0 libxcb-xkb1 libx11-xcb1 libxrender1 libxi6

# What the tests use besides Qt's libraries: pdftotext reads back the PDFs the program prints.
TEST_DEBS := poppler-utils

# The installers (packaging/README.md): a build virtualenv of their own, so `make test`'s is
# untouched; objdump (PyInstaller; the .deb's C library floor), xz, desktop-file-validate and
# makensis (the Windows script compiled against a stub) from Debian.
DIST_VENV ?= .venv-dist
DIST_PY := $(DIST_VENV)/bin/python
DIST_STAMP := $(DIST_VENV)/.installed-stamp
DIST_DEBS := binutils xz-utils dpkg desktop-file-utils nsis

.PHONY: run test check lint sysdeps testdeps translations demo clean distdeps dist deb dist-check

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(PY) -m pip install -q -e '.[test]'
	touch $(TEST_STAMP)

$(DIST_STAMP): pyproject.toml
	$(PYTHON) -m venv $(DIST_VENV)
	$(DIST_VENV)/bin/python -m pip install -q --upgrade pip
	$(DIST_VENV)/bin/python -m pip install -q -e '.[dist]'
	touch $(DIST_STAMP)

# The Debian packages of $(1) that are missing, installed (apt-get; sudo unless root); $(2) says what
# for. A package counts as present when it is installed for this machine's architecture (or is
# architecture-independent): `dpkg -s` fails or answers several times once another architecture
# (i386) is enabled. Nothing reaches for the network when everything is present; when apt-get
# cannot install what is missing (an offline PC), a message says what to install, and make stops.
define apt_missing
	@command -v dpkg-query >/dev/null || exit 0; \
	arch=$$(dpkg --print-architecture); \
	missing=$$(for p in $(1); do \
	  dpkg-query -W -f='$${Architecture} $${db:Status-Status}\n' "$$p" 2>/dev/null \
	    | grep -Eqx "($$arch|all) installed" || echo "$$p"; \
	done | tr '\n' ' ' | sed 's/ $$//'); \
	[ -n "$$missing" ] || exit 0; \
	if ! command -v apt-get >/dev/null; then \
	  echo "Missing $(2): $$missing (install these packages, then run make again)" >&2; exit 1; \
	fi; \
	echo "Installing $(2): $$missing"; \
	SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	log=$$(mktemp); \
	if ! { $$SUDO apt-get update -qq && \
	       DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; } >"$$log" 2>&1; then \
	  echo "Could not install $(2): $$missing" >&2; \
	  echo "apt-get said (last lines):" >&2; tail -n 5 "$$log" >&2; rm -f "$$log"; \
	  echo "Is this PC offline? Install these packages from a local mirror or .deb files" >&2; \
	  echo "(apt-get install ./PACKAGE.deb), then run make again." >&2; \
	  exit 1; \
	fi; \
	rm -f "$$log"
endef

sysdeps:
	$(call apt_missing,$(QT_DEBS),Qt's system libraries)

testdeps:
	$(call apt_missing,$(TEST_DEBS),what the tests use)

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

run: sysdeps $(STAMP) translations
	$(PY) main.py

demo: sysdeps $(STAMP) translations
	$(PY) main.py --demo

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check app ui tests bench main.py
	$(VENV)/bin/mypy

test: sysdeps testdeps $(TEST_STAMP) translations lint
	QT_QPA_PLATFORM=offscreen scripts/with-postgres.sh $(PY) -m pytest -n auto

distdeps:
	$(call apt_missing,$(DIST_DEBS),what building the installers uses)

# dist/jiwei-desk/ (the one-folder build), dist/jiwei-desk-VERSION-linux-ARCH.tar.xz and the .deb.
dist: sysdeps distdeps $(DIST_STAMP)
	PYTHON=$(DIST_PY) packaging/build.sh

# The .deb again from the build in dist/jiwei-desk/.
deb: distdeps $(DIST_STAMP)
	PYTHON=$(DIST_PY) packaging/deb.sh

# CI's packaging step (after `make test`): build, then run and install what was built.
dist-check: sysdeps distdeps $(DIST_STAMP)
	PYTHON=$(DIST_PY) packaging/ci-dist.sh

clean:
	rm -rf $(VENV) $(DIST_VENV) .pytest_cache .mypy_cache .ruff_cache $(QM) build dist
