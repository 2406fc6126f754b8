"""A rotating log file in the user-data folder, shared by the GUI and the CLI.

The log holds no personal data, so a user can send it to support as it is: paths are
written relative to the home folder (``~/...``: the user name is in the home path), SQL
parameters are never logged (every engine is made with ``hide_parameters=True``), and the
``input_value=...`` pydantic puts into its messages is cut out.  Code logs record ids and
field names, never answer values.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from desktop.paths import logs_dir

LOG_FILE_NAME = "desktop.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"


_INPUT_VALUE = re.compile(r"input_value=.*?(?=, input_type=|\]$|$)", re.MULTILINE)


class PrivateFormatter(logging.Formatter):
    """Formats a record (traceback included), then removes what could identify the user."""

    def __init__(self, fmt: str, home: Path | None = None) -> None:
        super().__init__(fmt)
        home = home or Path.home()
        # Longest first: the resolved form may differ from the spelled one (symlinked /home).
        forms = {str(home), str(home.resolve())}
        self._homes = sorted((f for f in forms if len(f) > 1), key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record), self._homes)


def redact(text: str, homes: list[str]) -> str:
    for home in homes:
        text = text.replace(home, "~")
    return _INPUT_VALUE.sub("input_value=<已隐去>", text)


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
    handler.setFormatter(PrivateFormatter(_FORMAT))
    handler._desktop_owned = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return log_path
