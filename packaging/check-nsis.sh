#!/usr/bin/env bash
# Compile packaging/windows/jiwei.nsi with makensis (Debian's nsis) against a stub of the
# Windows one-folder build, with its real file names, so that the script cannot rot while no
# Windows machine builds it. The installer it makes holds empty files: it is not one to ship.
#
#     packaging/check-nsis.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v makensis >/dev/null || { echo "check-nsis.sh: makensis missing (apt-get install nsis)" >&2; exit 1; }
version=$(packaging/version.sh "${PYTHON:-python3}")
stub=$(mktemp -d)
trap 'rm -rf "$stub"' EXIT
# The names PyInstaller 6 gives on Windows (one-folder, Python 3.11, PySide6).
mkdir -p "$stub/jiwei-desk/_internal/PySide6/plugins/platforms" "$stub/jiwei-desk/_internal/resources/fonts"
touch "$stub/jiwei-desk/jiwei.exe" "$stub/jiwei-desk/jiwei-cli.exe" \
  "$stub/jiwei-desk/_internal/python311.dll" "$stub/jiwei-desk/_internal/base_library.zip" \
  "$stub/jiwei-desk/_internal/PySide6/Qt6Core.dll" "$stub/jiwei-desk/_internal/PySide6/plugins/platforms/qwindows.dll" \
  "$stub/jiwei-desk/_internal/resources/fonts/DroidSansFallbackFull.ttf"
# The version is the script's own reading of app/__init__.py: the file name shows it agrees.
makensis -V2 -WX -DBUILD_DIR="$stub/jiwei-desk" -DOUT_FILE="$stub/jiwei-desk-\${VERSION}-stub.exe" \
  packaging/windows/jiwei.nsi
[ -s "$stub/jiwei-desk-$version-stub.exe" ] || { echo "check-nsis.sh: no installer for version $version" >&2; exit 1; }
echo "check-nsis: packaging/windows/jiwei.nsi compiles ($(makensis -VERSION), version $version)"
