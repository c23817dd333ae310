#!/usr/bin/env bash
# The .deb, for offices whose administrator installs software: the one-folder build under
# /opt/jiwei-desk, jiwei and jiwei-cli in /usr/bin, the menu entry and icons under /usr/share.
# Each user's data folder (~/.local/share/JiweiDesk) is never part of the package, so removing
# or upgrading it leaves every record.
#
#     packaging/deb.sh [VERSION]     (after the build: dist/jiwei-desk/; `make deb`)
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-$(packaging/version.sh "${PYTHON:-.venv-dist/bin/python}")}
arch=$(dpkg --print-architecture)
[ -x dist/jiwei-desk/jiwei ] || { echo "deb.sh: build first (make dist)" >&2; exit 1; }

root=build/deb/jiwei-desk
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/doc/jiwei-desk"
cp -a dist/jiwei-desk "$root/opt/jiwei-desk"
ln -s /opt/jiwei-desk/jiwei "$root/usr/bin/jiwei"
ln -s /opt/jiwei-desk/jiwei-cli "$root/usr/bin/jiwei-cli"
sed "s|@JIWEI@|/opt/jiwei-desk/jiwei|g" packaging/linux/jiwei-desk.desktop.in > "$root/usr/share/applications/jiwei-desk.desktop"
for size in 16 24 32 48 64 128 256; do
  mkdir -p "$root/usr/share/icons/hicolor/${size}x$size/apps"
  cp "resources/icons/jiwei-desk-$size.png" "$root/usr/share/icons/hicolor/${size}x$size/apps/jiwei-desk.png"
done
cat > "$root/usr/share/doc/jiwei-desk/copyright" <<'TEXT'
Jiwei Desk (基层纪检监察工作台): proprietary.
The bundled font Droid Sans Fallback is under the Apache License 2.0
(/opt/jiwei-desk/_internal/resources/fonts/DroidSansFallback-LICENSE.txt). The typefaces of
printed documents keep their own licences: Noto Serif/Sans CJK SC under the SIL Open Font
License 1.1, AR PL UKai under the Arphic Public License, Fandol Fang under the GNU GPL 3 with
the font exception; resources/fonts/README there says which file is which. The bundled Python,
Qt (LGPLv3) and Python packages keep their own licences, shipped beside them in
/opt/jiwei-desk/_internal.
TEXT

# What the build does not carry is the C library, OpenGL/EGL and libxcb (PyInstaller leaves the
# machine's own); the oldest C library it runs on is the newest symbol version the binaries ask.
glibc=$(find "$root/opt/jiwei-desk" -type f \( -name '*.so*' -o -name jiwei -o -name jiwei-cli \) -print0 \
  | xargs -0 objdump -T 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
size_kb=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: jiwei-desk
Version: $version
Architecture: $arch
Maintainer: Jiwei Desk <jiwei-desk@invalid.example>
Installed-Size: $size_kb
Depends: libc6 (>= $glibc), libgl1, libegl1, libxcb1
Recommends: libwayland-client0, libwayland-cursor0, libwayland-egl1
Section: misc
Priority: optional
Description: 基层纪检监察工作台 (Jiwei Desk)
 Registers, printed forms and USB data exchange for township discipline
 inspection commissions and the county's dispatched groups. Stand-alone and
 offline; the window (jiwei) and the command line (jiwei-cli).
CONTROL
deb="dist/jiwei-desk_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
rm -rf "$root"
echo "deb: $deb (needs libc6 >= $glibc)"
