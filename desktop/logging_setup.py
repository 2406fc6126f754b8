"""A rotating log file in the user-data folder, shared by the GUI and the CLI."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from desktop.paths import logs_dir

LOG_FILE_NAME = "desktop.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"


def configure_logging(data_dir: Path, *, level: int = logging.INFO) -> Path:
    """Send the root logger to ``<data>/logs/desktop.log`` (1 MB x 5 files)."""
    log_path = logs_dir(data_dir) / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_desktop_owned", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        log_path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._desktop_owned = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return log_path
