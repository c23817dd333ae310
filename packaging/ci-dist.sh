#!/usr/bin/env bash
# CI's packaging step (`make dist-check`, after `make test`): build the one-folder app and the
# installers from this checkout, then check what a township PC would meet.
#   1. the frozen window: jiwei --check;
#   2. the frozen command line: a county and one township enrolled from the county's package,
#      demo data, export, import both ways, dump (the township's records equal at both ends),
#      audit verify at both, printing, statistics, a backup restored;
#   3. the tar.xz installed into a throw-away home without root: the menu entry valid, the
#      installed --check, the command line writing an installation into the default data folder,
#      installed again over itself (an upgrade), uninstalled: the data folder still there with an
#      unchanged checksum, nothing else left behind;
#   4. the .deb's layout and menu entry;
#   5. the NSIS script compiled against a stub (packaging/check-nsis.sh).
# Assumes the build deps are installed (the Makefile's distdeps) and PYTHON is the build venv's.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHON=${PYTHON:-.venv-dist/bin/python}
export QT_QPA_PLATFORM=offscreen
unset JIWEI_DATA_DIR JIWEI_DB_URL JIWEI_PASSWORD_FILE
SECONDS=0
step() { printf '\n== dist-check %4d s: %s\n' "$SECONDS" "$*"; }

step "build"
packaging/build.sh
version=$(packaging/version.sh "$PYTHON")
name="jiwei-desk-$version-linux-$(uname -m)"
archive="$PWD/dist/$name.tar.xz"
app="$PWD/dist/jiwei-desk"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

step "frozen jiwei --check"
"$app/jiwei" --check
# The user manual (帮助 → 使用手册) and every picture it shows travel with the program.
for manual in resources/help/*.html; do
  [ -f "$app/_internal/$manual" ] || { echo "the build lacks $manual" >&2; exit 1; }
  for image in $(grep -o 'src="images/[^"]*"' "$manual" | sed 's/^src="//; s/"$//'); do
    [ -f "$app/_internal/resources/help/$image" ] || { echo "the build lacks resources/help/$image" >&2; exit 1; }
  done
done

step "frozen jiwei-cli: county, township enrolled from its package, exchange both ways"
cli() {  # cli DATA_DIR ARGS...: the frozen command line on one installation
  local dir=$1
  shift
  JIWEI_DATA_DIR="$work/$dir" JIWEI_PASSWORD_FILE="$work/password" "$app/jiwei-cli" "$@"
}
printf 'Ci-secret-2026\n' > "$work/password"
printf '登记口令-ci-2026\n' > "$work/passphrase"
mkdir "$work/stick"
cli county --version
cli county init --type county --code C01 --name 测试县纪委监委 --admin admin 2>/dev/null
cli county unit add --type township --code T01 --name 城关镇纪委
cli county enroll T01 --out "$work/T01.jwenrol" --passphrase-file "$work/passphrase"
cli T01 init --enrollment "$work/T01.jwenrol" --passphrase-file "$work/passphrase" --admin admin 2>/dev/null
cli T01 demo --seed 1
cli T01 export --out "$work/stick"
cli county import "$work"/stick/T01-*.jwb
cli county export --to T01 --out "$work/stick"
cli T01 import "$work"/stick/C01-T01-*.jwb
cli county dump > "$work/county.jsonl"
cli T01 dump > "$work/T01.jsonl"
"$PYTHON" - "$work/county.jsonl" "$work/T01.jsonl" <<'PY'
import json
import sys

def own(path):  # the township's own records, audit entries aside (each side writes its own)
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    return [r for r in rows if r["owner"] == "T01" and r["table"] != "audit_log"]

county, township = own(sys.argv[1]), own(sys.argv[2])
assert len(township) > 100 and county == township, (len(county), len(township))
print(f"dump: the township's {len(township)} records are equal at the county")
PY
cli county audit verify
cli county audit verify --unit T01
cli T01 audit verify
# Printing (reportlab, the bundled font, the QR codes of the barcode modules the spec names),
# statistics, and a backup restored into a new folder.
quarter="$(date +%Y)Q$(( ($(date +%-m) - 1) / 3 + 1 ))"
cli T01 print visit-forms --quarter "$quarter" --out "$work/visits.pdf"
[ "$(head -c 5 "$work/visits.pdf")" = "%PDF-" ]
cli county stats --json > /dev/null
cli T01 backup --out "$work/T01.jwbak"
cli restored restore "$work/T01.jwbak"
cli restored audit verify
cmp <(cli T01 dump | grep -v '"table": "audit_log"') <(cli restored dump | grep -v '"table": "audit_log"')

step "install the tar.xz into a throw-away home, without root"
home="$work/home"
mkdir -p "$home" "$work/unpacked"
tar -C "$work/unpacked" -xJf "$archive"
as_user() {  # a login-like environment of the throw-away home: nothing of this shell's
  env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"
}
as_user sh "$work/unpacked/$name/install.sh"
desktop="$home/.local/share/applications/jiwei-desk.desktop"
desktop-file-validate "$desktop"
grep -qx "Exec=\"$home/.local/opt/jiwei-desk/current/jiwei\"" "$desktop"
[ -s "$home/.local/share/icons/hicolor/256x256/apps/jiwei-desk.png" ]
as_user "$home/.local/bin/jiwei" --check
data="$home/.local/share/JiweiDesk"
as_user JIWEI_PASSWORD_FILE="$work/password" "$home/.local/bin/jiwei-cli" \
  init --type township --code T02 --name 河口乡纪委 --county-code C01 --county-name 测试县 --admin admin 2>/dev/null
as_user JIWEI_PASSWORD_FILE="$work/password" "$home/.local/bin/jiwei-cli" demo --seed 2
checksum() { (cd "$data" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1); }
before=$(checksum)
echo "data folder: $(find "$data" -type f | wc -l) files, sha256 of their sums $before"

step "install again over itself (an upgrade), then uninstall"
as_user sh "$work/unpacked/$name/install.sh"
[ "$(readlink "$home/.local/opt/jiwei-desk/current")" = "$version" ]
[ "$(checksum)" = "$before" ] || { echo "the data folder changed on upgrade" >&2; exit 1; }
as_user "$home/.local/bin/jiwei-cli" --version
as_user sh "$home/.local/opt/jiwei-desk/uninstall.sh"
[ "$(checksum)" = "$before" ] || { echo "the data folder changed on uninstall" >&2; exit 1; }
# What install.sh wrote is gone (the program's own caches, ~/.cache, are not the installer's).
left=$(cd "$home" && find .local \( -type f -o -type l \) ! -path '.local/share/JiweiDesk/*' | sort)
if [ -n "$left" ]; then
  echo "uninstall left behind:" >&2
  echo "$left" >&2
  exit 1
fi
echo "uninstalled: nothing left in ~/.local but the data folder, unchanged"

step ".deb: layout and menu entry"
deb="dist/jiwei-desk_${version}_$(dpkg --print-architecture).deb"
dpkg-deb --info "$deb" | sed -n '/Package:/,/Description:/p'
mkdir "$work/deb"
dpkg-deb -x "$deb" "$work/deb"
for path in opt/jiwei-desk/jiwei opt/jiwei-desk/jiwei-cli usr/bin/jiwei usr/bin/jiwei-cli \
  usr/share/icons/hicolor/48x48/apps/jiwei-desk.png; do
  [ -e "$work/deb/$path" ] || [ -L "$work/deb/$path" ] || { echo "the .deb lacks /$path" >&2; exit 1; }
done
desktop-file-validate "$work/deb/usr/share/applications/jiwei-desk.desktop"
"$work/deb/opt/jiwei-desk/jiwei-cli" --version

step "NSIS script"
packaging/check-nsis.sh

step "done"
