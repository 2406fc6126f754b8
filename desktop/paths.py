"""Where the app finds its bundled resources and keeps user data.

Resources live in ``resources/`` at the top of a checkout, in ``desktop/_resources``
in an installed wheel (``pyproject.toml`` maps one onto the other), and next to the
executable in a PyInstaller build.  User data defaults to the platform's user-data
folder; ``--data-dir`` or ``DESKTOP_DATA_DIR`` moves all of it somewhere else.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

import platformdirs

from desktop import APP_ID

DATA_DIR_ENV = "DESKTOP_DATA_DIR"


@cache
def resources_dir() -> Path:
    """The bundled, read-only resources folder."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    package_dir = Path(__file__).resolve().parent
    candidates += [package_dir.parent / "resources", package_dir / "_resources"]
    for candidate in candidates:
        if (candidate / "policies").is_dir():
            return candidate
    raise FileNotFoundError(
        "找不到程序资源目录（resources/），安装可能不完整。Tried: "
        + ", ".join(str(c) for c in candidates)
    )


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The user-data folder, created if missing.

    Precedence: an explicit override (``--data-dir``), then ``DESKTOP_DATA_DIR``,
    then the platform default.
    """
    chosen = override or os.environ.get(DATA_DIR_ENV)
    path = Path(chosen) if chosen else Path(platformdirs.user_data_dir(APP_ID, appauthor=False))
    path = path.expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def logs_dir(base: Path) -> Path:
    path = base / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path
