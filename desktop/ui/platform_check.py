"""Before Qt starts on Linux/X11: are the system libraries its xcb plugin needs installed?

Without them Qt prints "could not load the Qt platform plugin xcb" and aborts the process
(signal 6), which tells a user nothing.  The plugin's dependencies are checked first, with
``ldd`` (it lists every missing library at once) or, where there is no ``ldd``, by loading the
plugin with ctypes (the loader names the first missing library); the user is told which
libraries and which Debian/Ubuntu packages provide them, and the app exits with status 2.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# soname -> the Debian/Ubuntu package that ships it (README: 运行界面需要的系统软件包).
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
_DLOPEN = re.compile(r"(\S+\.so[.\d]*): cannot open shared object file")


def xcb_plugin() -> Path | None:
    try:
        import PySide6  # the package only: no Qt library is initialised by this
    except ImportError:
        return None
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None


def missing_libraries(plugin: Path) -> list[str]:
    """The shared libraries the plugin needs that the system cannot find."""
    ldd = shutil.which("ldd")
    if ldd is not None:
        listed = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, check=False)
        return sorted(set(_NOT_FOUND.findall(listed.stdout)))
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        found = _DLOPEN.search(str(exc))
        return [found.group(1) if found else str(exc)]
    return []


def uses_xcb(environ: dict[str, str] | os._Environ[str]) -> bool:
    """Qt on Linux picks xcb unless told otherwise (offscreen in tests, wayland if asked)."""
    platform = environ.get("QT_QPA_PLATFORM", "")
    return sys.platform.startswith("linux") and (platform == "" or platform.startswith("xcb"))


def explain(missing: list[str]) -> str:
    packages = sorted({DEBIAN_PACKAGES[name] for name in missing if name in DEBIAN_PACKAGES})
    lines = ["无法启动界面：缺少图形界面所需的系统库 / missing system libraries for the window:",
             *(f"  {name}" for name in missing)]
    if packages:
        lines += ["在 Debian/Ubuntu 上安装 / on Debian or Ubuntu, install:",
                  f"  sudo apt-get install {' '.join(packages)}"]
    lines.append("完整清单见 README“运行界面需要的系统软件包”。"
                 "命令行功能（python -m desktop --help）不受影响。")
    return "\n".join(lines)


def check_platform_libraries(environ: dict[str, str] | os._Environ[str] = os.environ,
                             plugin: Path | None = None) -> str | None:
    """The message to print when the xcb plugin cannot load here, or None when it can."""
    if not uses_xcb(environ):
        return None
    plugin = plugin or xcb_plugin()
    if plugin is None:
        return None
    missing = missing_libraries(plugin)
    return explain(missing) if missing else None
