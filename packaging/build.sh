#!/usr/bin/env bash
# `make dist`: the one-folder build (dist/jiwei-desk/), then the Linux archive
# dist/jiwei-desk-VERSION-linux-ARCH.tar.xz (the folder, install.sh, uninstall.sh) and, where
# dpkg-deb exists, the .deb (packaging/deb.sh). Prints the time, sizes and file counts.
#
#     PYTHON=.venv-dist/bin/python packaging/build.sh       (the Makefile sets PYTHON)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv-dist/bin/python}
BIN=$(dirname "$PYTHON")

started=$(date +%s)
# The compiled translations are data of the build: the same rule as `make translations`.
for ts in resources/i18n/*.ts; do
  qm=${ts%.ts}.qm
  if [ ! -e "$qm" ] || [ "$ts" -nt "$qm" ]; then
    "$BIN/pyside6-lrelease" -silent "$ts" -qm "$qm"
  fi
done

version=$(packaging/version.sh "$PYTHON")
arch=$(uname -m)
name="jiwei-desk-$version-linux-$arch"

rm -rf dist/jiwei-desk "dist/$name" dist/jiwei-desk-*.tar.xz dist/jiwei-desk_*.deb  # earlier versions' too
"$BIN/pyinstaller" --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/jiwei.spec
built=$(date +%s)

# The archive: one folder named like the file, the program under app/, the scripts beside it.
stage="dist/$name"
mkdir -p "$stage"
cp -a dist/jiwei-desk "$stage/app"
cp packaging/linux/install.sh packaging/linux/uninstall.sh packaging/linux/jiwei-desk.desktop.in "$stage/"
chmod 755 "$stage/install.sh" "$stage/uninstall.sh"
printf '%s\n' "$version" > "$stage/VERSION"
printf '%s\n' "$arch" > "$stage/ARCH"
# Reproducible order and owner; xz -9 -T0 (about 200 s on the 2-core machine, most of the build).
tar --sort=name --owner=0 --group=0 --numeric-owner -C dist -cf - "$name" | xz -9 -T0 > "dist/$name.tar.xz"
rm -rf "$stage"
archived=$(date +%s)

if command -v dpkg-deb >/dev/null; then
  packaging/deb.sh "$version"
fi
finished=$(date +%s)

folder_mb=$(du -sm dist/jiwei-desk | cut -f1)
files=$(find dist/jiwei-desk -type f | wc -l)
archive_mb=$(du -m --apparent-size "dist/$name.tar.xz" | cut -f1)
echo "build: PyInstaller $((built - started)) s, archive $((archived - built)) s, .deb $((finished - archived)) s"
echo "build: dist/jiwei-desk $folder_mb MB in $files files; dist/$name.tar.xz $archive_mb MB"
for deb in dist/jiwei-desk_*.deb; do
  if [ -e "$deb" ]; then
    echo "build: $deb $(du -m --apparent-size "$deb" | cut -f1) MB"
  fi
done
