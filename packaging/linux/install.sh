#!/bin/sh
# Install Jiwei Desk (基层纪检监察工作台) for this user, without administrator rights.
#
#     ./install.sh            (from the unpacked jiwei-desk-VERSION-linux-ARCH folder)
#
# Puts the program in ~/.local/opt/jiwei-desk/VERSION (JIWEI_INSTALL_DIR overrides the
# ~/.local/opt/jiwei-desk part) with `current` pointing at it, the commands jiwei and jiwei-cli
# in ~/.local/bin ($XDG_BIN_HOME, JIWEI_BIN_DIR), and the menu entry and icon under
# $XDG_DATA_HOME (~/.local/share). Installing another version (or the same one again) replaces
# the program only. The data folder (~/.local/share/JiweiDesk: the database, keys, backups) is
# never read, written or removed by this script or by uninstall.sh.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
version=$(cat "$here/VERSION")
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
opt=${JIWEI_INSTALL_DIR:-$HOME/.local/opt/jiwei-desk}
bin=${JIWEI_BIN_DIR:-${XDG_BIN_HOME:-$HOME/.local/bin}}
apps=$data_home/applications
icons=$data_home/icons/hicolor
marker=.jiwei-desk-install  # uninstall.sh removes only a folder that holds it

case "$version" in
  ''|*/*|.*) echo "install.sh: bad VERSION file in $here" >&2; exit 1 ;;
esac
if [ ! -x "$here/app/jiwei" ] || [ ! -x "$here/app/jiwei-cli" ]; then
  echo "install.sh: run it from the unpacked archive (app/jiwei is missing in $here)" >&2
  exit 1
fi
case "$(uname -m)" in
  "$(cat "$here/ARCH" 2>/dev/null || uname -m)") ;;
  *) echo "install.sh: this archive is for $(cat "$here/ARCH"), this machine is $(uname -m)" >&2; exit 1 ;;
esac
case "$opt" in
  *'"'*|*'`'*|*'$'*|*'\'*|*%*|*'|'*|*'&'*)
    echo "install.sh: choose a folder without \" \` \$ \\ % | & in its name (JIWEI_INSTALL_DIR)" >&2; exit 1 ;;
esac
if [ -e "$opt" ] && [ ! -e "$opt/$marker" ]; then
  echo "install.sh: $opt exists and is not a Jiwei Desk installation; not touching it" >&2
  exit 1
fi

mkdir -p "$opt" "$bin" "$apps"
touch "$opt/$marker"
rm -rf "$opt"/.installing-*  # what an interrupted install left
# Copy under a temporary name, then swap: a failed copy leaves the installed version as it was.
staging=$(mktemp -d "$opt/.installing-$version.XXXXXX")
cp -RP "$here/app/." "$staging/"
chmod 755 "$staging"
cp "$here/uninstall.sh" "$opt/uninstall.sh"
chmod 755 "$opt/uninstall.sh"
if [ -e "$opt/$version" ]; then
  mv "$opt/$version" "$staging.old"
fi
mv "$staging" "$opt/$version"
ln -sfn "$version" "$opt/current.new" && mv -fT "$opt/current.new" "$opt/current"
rm -rf "$staging.old"
# Other versions are replaced, not kept: the program only; the data folder is elsewhere.
for old in "$opt"/*; do
  name=$(basename "$old")
  if [ -d "$old" ] && [ ! -L "$old" ] && [ "$name" != "$version" ]; then
    rm -rf "$old"
    echo "Removed the earlier version $name."
  fi
done

ln -sfn "$opt/current/jiwei" "$bin/jiwei"
ln -sfn "$opt/current/jiwei-cli" "$bin/jiwei-cli"

for size in 16 24 32 48 64 128 256; do
  mkdir -p "$icons/${size}x$size/apps"
  cp "$opt/current/_internal/resources/icons/jiwei-desk-$size.png" "$icons/${size}x$size/apps/jiwei-desk.png"
done
# The menu entry (jiwei-desk.desktop.in, shared with the .deb). Exec and TryExec need an
# absolute path: a menu does not search ~/.local/bin. The folder has none of the characters the
# entry or sed would need escaped (checked above).
sed "s|@JIWEI@|$opt/current/jiwei|g" "$here/jiwei-desk.desktop.in" > "$apps/jiwei-desk.desktop.tmp"
mv -f "$apps/jiwei-desk.desktop.tmp" "$apps/jiwei-desk.desktop"
# Menus watch the folder. The icon theme: touched, so its cache counts as stale; rebuilt only
# where one was there already (a new one would hide icons installed later without a rebuild).
if [ -d "$icons" ]; then
  touch "$icons"
fi
if [ -e "$icons/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q "$icons" 2>/dev/null || true
fi

echo "Installed Jiwei Desk $version in $opt/$version."
echo "Start it from the menu (基层纪检监察工作台) or with: $bin/jiwei"
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "($bin is not on PATH: add it to call jiwei and jiwei-cli by name.)" ;;
esac
echo "Data stay in ${JIWEI_DATA_DIR:-$data_home/JiweiDesk} (not touched by installing or uninstalling)."
echo "To uninstall: $opt/uninstall.sh"
