#!/bin/sh
# Remove Jiwei Desk installed by install.sh for this user: the program, the commands jiwei and
# jiwei-cli, the menu entry and the icon. The data folder (~/.local/share/JiweiDesk: the
# database, keys, backups) is left as it is: delete it yourself, after a backup, if you mean to.
#
#     ~/.local/opt/jiwei-desk/uninstall.sh      (or ./uninstall.sh from the unpacked archive)
set -eu

marker=.jiwei-desk-install
here=$(cd "$(dirname "$0")" && pwd)
if [ -e "$here/$marker" ]; then
  opt=$here  # the copy install.sh left in the installation
else
  opt=${JIWEI_INSTALL_DIR:-$HOME/.local/opt/jiwei-desk}
fi
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
bin=${JIWEI_BIN_DIR:-${XDG_BIN_HOME:-$HOME/.local/bin}}
apps=$data_home/applications
icons=$data_home/icons/hicolor

if [ ! -e "$opt/$marker" ]; then
  echo "uninstall.sh: no Jiwei Desk installation in $opt" >&2
  exit 1
fi
for command in jiwei jiwei-cli; do
  if [ -L "$bin/$command" ]; then
    case "$(readlink "$bin/$command")" in
      "$opt"/*) rm -f "$bin/$command" ;;
    esac
  fi
done
rm -f "$apps/jiwei-desk.desktop"
rm -f "$icons"/*/apps/jiwei-desk.png
cd /  # the folder removed next may be this script's own
rm -rf "$opt"
# Menus watch the folder. The icon theme: touched, so its cache counts as stale; rebuilt only
# where one was there already (a new one would hide icons installed later without a rebuild).
if [ -d "$icons" ]; then
  touch "$icons"
fi
if [ -e "$icons/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q "$icons" 2>/dev/null || true
fi

echo "Jiwei Desk is uninstalled."
echo "The data folder ${JIWEI_DATA_DIR:-$data_home/JiweiDesk} was left in place."
