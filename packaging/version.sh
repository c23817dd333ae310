#!/usr/bin/env bash
# The program's version: app.__version__ where it exists, else the installed distribution's
# (pyproject.toml). Usage: packaging/version.sh [PYTHON]
set -euo pipefail
cd "$(dirname "$0")/.."
"${1:-python3}" - <<'PY'
import importlib.metadata
import tomllib

try:
    import app

    version = getattr(app, "__version__", None)
except ImportError:
    version = None
if not version:
    with open("pyproject.toml", "rb") as fh:
        version = tomllib.load(fh)["project"].get("version")
if not version:
    version = importlib.metadata.version("jiwei-desk")
print(version)
PY
