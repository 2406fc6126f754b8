"""The rule-pack audit log: one JSON line per trust change or import, in the data folder.

It lives beside the packs rather than in the user database so the CLI can record a trust
change while the window is open (the database allows one running copy).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

AUDIT_FILE = "audit.jsonl"


def record(folder: Path, event: str, **details: Any) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    entry = {"at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "event": event, **details}
    with (folder / AUDIT_FILE).open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def entries(folder: Path) -> list[dict[str, Any]]:
    path = folder / AUDIT_FILE
    if not path.is_file():
        return []
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            found.append(json.loads(line))
        except ValueError:
            continue  # a line cut short by a crash; the others still count
    return found
