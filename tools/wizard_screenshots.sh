#!/usr/bin/env bash
# Screenshots of the wizards at 1366x768 under Xvfb, with only the app's bundled CJK fonts
# (as tools/screenshot.sh does):  tools/wizard_screenshots.sh docs/screenshots
set -euo pipefail
out=${1:?usage: tools/wizard_screenshots.sh OUT_DIR}
python=${PYTHON:-python3}
work=$(mktemp -d)
trap 'kill "${xvfb_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
cat >"$work/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <cachedir>$work/cache</cachedir>
</fontconfig>
CONF
export FONTCONFIG_FILE="$work/fonts.conf"
display=:${SCREENSHOT_DISPLAY:-95}
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp &
xvfb_pid=$!
export DISPLAY=$display QT_QPA_PLATFORM=xcb DESKTOP_DATA_DIR="$work/data"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
mkdir -p "$out"
"$python" tools/wizard_scene.py "$out"
