#!/usr/bin/env bash
# Screenshot the real main window under Xvfb on a "machine without CJK fonts".
#
# Fontconfig is pointed at a config that sees DejaVu only, so any Chinese on screen
# must come from the fonts the app bundles and registers itself.  Needs the Debian
# packages xvfb, x11-apps (xwd), xdotool and imagemagick.
#
#   tools/screenshot.sh OUT.png [extra app arguments...]
#   SCENE=dashboard tools/screenshot.sh OUT.png      (see tools/ui_scene.py for the scenes)
#   SCREEN=2560x1600 QT_SCALE_FACTOR=2 SCENE=dashboard tools/screenshot.sh OUT.png
set -euo pipefail
out=${1:?usage: tools/screenshot.sh OUT.png [app args]}
shift
python=${PYTHON:-python3}
work=$(mktemp -d)
trap 'kill "${app_pid:-}" "${xvfb_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

cat >"$work/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <cachedir>$work/cache</cachedir>
</fontconfig>
CONF
export FONTCONFIG_FILE="$work/fonts.conf"
if fc-list :lang=zh | grep -q .; then
    echo "fontconfig still sees CJK fonts; refusing to take a misleading screenshot" >&2
    exit 1
fi

display=:${SCREENSHOT_DISPLAY:-97}
Xvfb "$display" -screen 0 "${SCREEN:-1280x800}x24" -nolisten tcp &
xvfb_pid=$!
export DISPLAY=$display QT_QPA_PLATFORM=xcb
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

if [[ -n "${SCENE:-}" ]]; then
    # A named state of the real window (tools/ui_scene.py grabs the screen itself).
    "$python" "${SCENE_TOOL:-tools/ui_scene.py}" "$SCENE" "$out"
    exit 0
fi
"$python" -m desktop --data-dir "$work/data" "$@" &
app_pid=$!
xdotool search --sync --onlyvisible --name "惠企申报助手" >/dev/null
sleep 2  # let the first paint finish; this is a tool, not a test
xwd -root -silent | convert xwd:- -crop 1120x760+0+0 +repage "$out"
echo "wrote $out"
