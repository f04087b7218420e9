#!/bin/sh
# Add Liftrun to your desktop's application menu, for you only (no root needed).
#
#   ./add-to-menu.sh           writes ~/.local/share/applications/liftrun.desktop
#   ./add-to-menu.sh --remove  takes the menu entry away again
#
# The entry points at the Liftrun program and icon in this folder: run the script again
# after moving the folder. Nothing outside that one .desktop file is written.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
entry="$apps/liftrun.desktop"

if [ "${1:-}" = "--remove" ]; then
    rm -f "$entry"
    echo "Removed $entry"
    exit 0
fi
if [ ! -x "$here/Liftrun" ] || [ ! -f "$here/liftrun.desktop" ]; then
    echo "add-to-menu.sh: run it from the unzipped Liftrun folder (no Liftrun program in $here)." >&2
    exit 1
fi

# Desktop Entry escaping: inside Exec's quotes \ " \` $ take a backslash, and every
# backslash in a value is written twice.
exec_path=$(printf '%s' "$here/Liftrun" | sed 's/[\\"`$]/\\\\&/g')
icon_path=$(printf '%s' "$here/liftrun.png" | sed 's/\\/\\\\/g')
mkdir -p "$apps"
EXEC_PATH="$exec_path" ICON_PATH="$icon_path" awk '
    /^Exec=/ { print "Exec=\"" ENVIRON["EXEC_PATH"] "\""; next }
    /^Icon=/ { print "Icon=" ENVIRON["ICON_PATH"]; next }
    { print }
' "$here/liftrun.desktop" >"$entry.tmp"
chmod 644 "$entry.tmp"
mv "$entry.tmp" "$entry"
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$apps" >/dev/null 2>&1 || true
fi
echo "Added Liftrun to your applications menu ($entry)."
