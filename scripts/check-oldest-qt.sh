#!/usr/bin/env bash
# The oldest PySide6 the program supports (the lower bound of PySide6-Essentials in
# pyproject.toml), in a virtualenv of its own: pip installs the program with exactly that
# PySide6 (so pyproject's range must admit it), then `main.py --check` builds and renders the
# main window on a demo database. CI runs it after `make test` (.ci/run); see
# packaging/older-systems.md for why the lower end matters (older Kylin/UOS builds).
#
#     scripts/check-oldest-qt.sh              uses python3; PYTHON=… for another interpreter
#     OLDEST_QT_VENV=DIR scripts/check-oldest-qt.sh     where the virtualenv goes (build/venv-oldest-qt)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
venv=${OLDEST_QT_VENV:-build/venv-oldest-qt}  # build/ is ignored by git

qt=$("$python" - <<'PY'
import re
import tomllib

with open("pyproject.toml", "rb") as fh:
    deps = tomllib.load(fh)["project"]["dependencies"]
found = [m.group(1) for d in deps if (m := re.match(r"PySide6-Essentials\s*>=\s*([0-9.]+)", d))]
if len(found) != 1:
    raise SystemExit("check-oldest-qt: no lower bound of PySide6-Essentials in pyproject.toml")
print(found[0])
PY
)

start=$(date +%s)
stamp="$venv/.oldest-qt-$qt"
if [ ! -e "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --upgrade pip
  "$venv/bin/python" -m pip install -q -e . "PySide6-Essentials==$qt" "PySide6-Addons==$qt"
  touch "$stamp"
fi
installed=$("$venv/bin/python" -c 'import PySide6; print(PySide6.__version__)')
if [ "$installed" != "$qt" ]; then
  echo "check-oldest-qt: PySide6 $installed installed, $qt expected" >&2
  exit 1
fi
echo "check-oldest-qt: PySide6 $installed"
QT_QPA_PLATFORM=offscreen "$venv/bin/python" main.py --check
echo "check-oldest-qt: PySide6 $qt passed main.py --check in $(( $(date +%s) - start )) s"
