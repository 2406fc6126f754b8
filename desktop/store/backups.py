"""Consistent copies of the user database, daily rotation, and restoring from a copy.

Copies go through SQLite's online backup API, so they are consistent even while the app
is writing.  A database file is never replaced while its ``-wal`` file could still be
replayed into the replacement: that would corrupt it.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from desktop.store.engine import NotADatabaseError, check_database_file

KEEP_DAYS: Final = 10
DAILY_PATTERN: Final = re.compile(r"^daily-(\d{4}-\d{2}-\d{2})\.sqlite$")
SIDE_SUFFIXES: Final = ("-wal", "-shm", "-journal")


def backups_dir(data_dir: Path) -> Path:
    path = data_dir / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def copy_database(source: Path, target: Path) -> Path:
    """Write a consistent, checked copy of ``source`` to ``target`` (atomically replaced)."""
    check_database_file(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            # A backup is one self-contained file: no WAL beside it.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    check_database_file(partial, quick=False)
    partial.replace(target)
    return target


def daily_backup(db_path: Path, data_dir: Path, today: dt.date, *, refresh: bool = False) -> Path | None:
    """Make today's backup (``refresh`` replaces it), and drop those older than ``KEEP_DAYS``."""
    folder = backups_dir(data_dir)
    target = folder / f"daily-{today.isoformat()}.sqlite"
    made = None
    if db_path.exists() and (refresh or not target.exists()):
        made = copy_database(db_path, target)
    for day, path in _dailies(folder):
        if (today - day).days >= KEEP_DAYS:
            path.unlink(missing_ok=True)
    return made


def _dailies(folder: Path) -> list[tuple[dt.date, Path]]:
    found = []
    for path in folder.iterdir():
        match = DAILY_PATTERN.match(path.name)
        if match:
            found.append((dt.date.fromisoformat(match.group(1)), path))
    return sorted(found, reverse=True)


@dataclass(frozen=True)
class GoodBackup:
    path: Path
    taken: dt.datetime


def newest_good_backup(data_dir: Path) -> GoodBackup | None:
    """The most recent backup file that passes a full integrity check."""
    candidates = [p for p in backups_dir(data_dir).glob("*.sqlite") if p.is_file()]
    candidates.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for path in candidates:
        try:
            check_database_file(path, quick=False)
        except NotADatabaseError:
            continue
        return GoodBackup(path, dt.datetime.fromtimestamp(path.stat().st_mtime))
    return None


def move_aside(db_path: Path, label: str, now: dt.datetime) -> Path:
    """Rename the database (and its side files) out of the way; nothing is deleted."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.stem}.{label}-{stamp}{db_path.suffix}")
    counter = 1
    while aside.exists():
        aside = aside.with_name(f"{db_path.stem}.{label}-{stamp}-{counter}{db_path.suffix}")
        counter += 1
    db_path.replace(aside)
    for suffix in SIDE_SUFFIXES:
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            side.replace(aside.with_name(aside.name + suffix))
    return aside


def checkpoint(db_path: Path) -> None:
    """Fold the WAL into the main file so the file alone holds every committed write."""
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def install_copy(source: Path, db_path: Path) -> None:
    """Put a checked copy of ``source`` at ``db_path``, which must not exist."""
    partial = db_path.with_name(db_path.name + ".restoring")
    shutil.copyfile(source, partial)
    check_database_file(partial, quick=False)
    for suffix in SIDE_SUFFIXES:
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    partial.replace(db_path)
