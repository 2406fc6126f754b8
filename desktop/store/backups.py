"""Consistent, verified copies of the user database; generations; installing a copy.

Every copy goes through SQLite's online backup API, so it is consistent even while the app
writes.  Inside the app's own process the copy is taken on the app's own connection: Python
must never ``open()`` and ``close()`` the live database file there, because closing any
descriptor of a file drops every POSIX lock the process holds on it (SQLite's "How To Corrupt
An SQLite Database File", section 2.2).  Other processes (``desktop backup``) read through a
read-only connection, which never checkpoints, truncates or deletes the app's WAL.

A copy is kept only after a full ``integrity_check`` *and* a check that every record decodes
and validates (:func:`verify_copy`), and it never replaces a backup that holds more profiles
or applications: that one is kept and the new copy is written beside it.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from sqlalchemy import Engine

from desktop.store.engine import (
    NotADatabaseError,
    check_database_file,
    read_only_connection,
    sqlite_error_words,
)
from desktop.store.verify import Contents, verify_copy

log = logging.getLogger(__name__)

# Generations of daily copies kept (plus the fullest one ever kept, whatever its age).
KEEP_GENERATIONS: Final = 6
DAILY_PATTERN: Final = re.compile(r"^daily-(\d{4}-\d{2}-\d{2})(?:-(\d{6}))?\.sqlite$")
SIDE_SUFFIXES: Final = ("-wal", "-shm", "-journal")


def backups_dir(data_dir: Path) -> Path:
    path = data_dir / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _write_copy(source: sqlite3.Connection, target: Path) -> Contents:
    """Copy ``source`` to ``target`` through ``target.partial``; verified before the rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            source.backup(dst)
            # A backup is one self-contained file: no WAL beside it.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
        contents = verify_copy(partial)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
    return contents


def copy_database(source: Path, target: Path) -> Path:
    """A verified copy of a database file this process has *not* opened through SQLAlchemy.

    Used by ``desktop backup`` from a second process and for files that are not live.
    """
    check_database_file(source)
    try:
        conn = read_only_connection(source)
    except sqlite3.DatabaseError as exc:
        raise NotADatabaseError(f"无法读取数据库（{sqlite_error_words(exc)}）") from exc
    try:
        _write_copy(conn, target)
    finally:
        conn.close()
    return target


def copy_live(engine: Engine, target: Path) -> Contents:
    """A verified copy of the app's live database, taken on the app's own connection."""
    raw = engine.raw_connection()
    try:
        driver = raw.driver_connection
        if not isinstance(driver, sqlite3.Connection):
            raise TypeError("the user database is SQLite")
        return _write_copy(driver, target)
    finally:
        raw.close()


@dataclass(frozen=True)
class DailyResult:
    path: Path
    contents: Contents
    # True when the copy went beside an existing one that holds more (never over it).
    beside: bool = False


def daily_backup(engine: Engine, data_dir: Path, today: dt.date, *, refresh: bool = False,
                 now: dt.datetime | None = None) -> DailyResult | None:
    """Make today's backup (``refresh`` renews it) and keep :data:`KEEP_GENERATIONS` generations.

    A copy holding fewer profiles or applications than today's existing backup is written
    beside it (``daily-DATE-HHMMSS.sqlite``), never over it.
    """
    folder = backups_dir(data_dir)
    target = folder / f"daily-{today.isoformat()}.sqlite"
    if target.exists() and not refresh:
        return None
    staged = folder / f"daily-{today.isoformat()}.staged.sqlite"
    contents = copy_live(engine, staged)
    result = DailyResult(target, contents)
    existing = _contents_or_none(target)
    if existing is not None and contents.holds_less_than(existing):
        stamp = (now or dt.datetime.now()).strftime("%H%M%S")
        beside = folder / f"daily-{today.isoformat()}-{stamp}.sqlite"
        log.warning("today's backup holds more (%s) than this session (%s); new copy kept beside it",
                    existing.describe(), contents.describe())
        staged.replace(beside)
        result = DailyResult(beside, contents, beside=True)
    else:
        staged.replace(target)
    prune(folder)
    return result


def _contents_or_none(path: Path) -> Contents | None:
    if not path.is_file():
        return None
    try:
        return verify_copy(path)
    except NotADatabaseError:
        return None  # a damaged backup holds nothing worth keeping over a good copy


def _counted(path: Path) -> int | None:
    try:
        conn = read_only_connection(path)
        try:
            profiles = conn.execute("SELECT count(*) FROM profiles").fetchone()[0]
            applications = conn.execute("SELECT count(*) FROM applications").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    return int(profiles) + int(applications)


def _dailies(folder: Path) -> list[Path]:
    found = [p for p in folder.iterdir() if DAILY_PATTERN.match(p.name) and p.is_file()]
    return sorted(found, key=lambda p: (p.name[6:16], p.stat().st_mtime), reverse=True)


def prune(folder: Path) -> None:
    """Keep the newest generations and the fullest copy; delete other daily copies."""
    dailies = _dailies(folder)
    keep = set(dailies[:KEEP_GENERATIONS])
    # Only counted, not verified again: every daily copy was verified when it was written.
    sized = [(size, p) for p in dailies if (size := _counted(p)) is not None]
    if sized:
        keep.add(max(sized, key=lambda item: item[0])[1])
    for path in dailies:
        if path not in keep:
            path.unlink(missing_ok=True)


@dataclass(frozen=True)
class GoodCopy:
    path: Path
    taken: dt.datetime
    contents: Contents


def newest_good_copy(candidates: list[Path], accept: Callable[[Path], None] | None = None) -> GoodCopy | None:
    """The most recent file among ``candidates`` that verifies (and that ``accept`` lets through)."""
    existing = [p for p in candidates if p.is_file()]
    existing.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for path in existing:
        try:
            contents = verify_copy(path)
            if accept is not None:
                accept(path)
        except NotADatabaseError as exc:
            log.warning("backup %s not usable: %s", path.name, exc)
            continue
        return GoodCopy(path, dt.datetime.fromtimestamp(path.stat().st_mtime), contents)
    return None


def newest_good_backup(data_dir: Path) -> GoodCopy | None:
    """The most recent file in ``backups/`` that verifies."""
    return newest_good_copy(list(backups_dir(data_dir).glob("*.sqlite")))


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


def install_copy(source: Path, db_path: Path) -> list[Path]:
    """Put a verified copy of ``source`` at ``db_path``, which must not exist.

    ``source`` itself is left where it is: if this copy is ever lost, it is still there.
    Returns the side files set aside (``huiqi.sqlite-wal.orphaned-…``), so the user is told.
    """
    partial = db_path.with_name(db_path.name + ".installing")
    copy_database(source, partial)
    orphaned = set_aside_side_files(db_path)
    partial.replace(db_path)
    return orphaned


def set_aside_side_files(db_path: Path) -> list[Path]:
    """Rename side files left without their database to ``*.orphaned-STAMP``; never delete."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    orphaned: list[Path] = []
    for suffix in SIDE_SUFFIXES:
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            # A WAL left without its database must not be replayed into another file; it may
            # still hold the last edits, so it is kept for support, not deleted.
            kept = side.with_name(f"{side.name}.orphaned-{stamp}")
            side.replace(kept)
            orphaned.append(kept)
            log.warning("side file without its database set aside as %s", kept.name)
    return orphaned
