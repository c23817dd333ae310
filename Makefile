# Two commands on a fresh Debian/Ubuntu machine: `make run` and `make test`.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)
# Libraries Qt's xcb (real window) and offscreen platforms load on a fresh Debian.
QT_DEBS := libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0 \
  libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0 \
  libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0 libxcb-xkb1 libx11-xcb1 libxrender1 libxi6

# What the tests use besides Qt's libraries: pdftotext reads back the PDFs the program prints.
TEST_DEBS := poppler-utils

.PHONY: run test check lint sysdeps testdeps translations demo clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

# The Debian packages of $(1) that are missing, installed (apt-get; sudo unless root); $(2) says what for.
define apt_missing
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ] && command -v apt-get >/dev/null; then \
	  echo "Installing $(2): $$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
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

lint: $(STAMP)
	$(VENV)/bin/ruff check app ui tests bench main.py
	$(VENV)/bin/mypy

test: sysdeps testdeps $(STAMP) translations lint
	QT_QPA_PLATFORM=offscreen scripts/with-postgres.sh $(PY) -m pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache $(QM)
