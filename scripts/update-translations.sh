#!/usr/bin/env bash
# Refresh resources/i18n/*.ts from the sources (app/ strings marked with QT_TRANSLATE_NOOP,
# ui/ strings through tr()/translate()). New strings arrive "unfinished": translate them in
# Qt Linguist (pyside6-linguist) or in the XML, then `make translations` builds the .qm files.
set -euo pipefail
cd "$(dirname "$0")/.."
LUPDATE=${LUPDATE:-.venv/bin/pyside6-lupdate}
mapfile -t sources < <(git ls-files --cached --others --exclude-standard 'app/*.py' 'ui/*.py' 'main.py' | sort)
for ts in resources/i18n/*.ts; do
  "$LUPDATE" -silent -no-obsolete -locations none "${sources[@]}" -ts "$ts"
done
