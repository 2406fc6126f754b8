"""Bringing a user database to the current schema, with a backup first.

Alembic is imported only when a migration is actually needed: opening an up-to-date
database (every start but the first after an upgrade) only reads ``alembic_version``.
SQLAlchemy is imported by the functions that take an engine, not by this module: the start
reads the revision with plain ``sqlite3`` (:func:`file_revision`) before the store is opened.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from desktop.store.sqlite_file import read_only_connection

if TYPE_CHECKING:
    from sqlalchemy import Engine

log = logging.getLogger(__name__)

# The newest revision under migrations/versions; a test keeps the two equal.
HEAD_REVISION: Final = "0004"
KNOWN_REVISIONS: Final = ("0001", "0002", "0003", "0004")
# PRAGMA application_id of every database from revision 0003 on ("HQBS": 惠企申报).
APPLICATION_ID: Final = 0x48514253
FIRST_MARKED_REVISION: Final = "0003"
MIGRATIONS_DIR: Final = Path(__file__).resolve().parent / "migrations"


class NewerDatabaseError(Exception):
    """The database was written by a newer version of the app; we must not touch it."""


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def file_revision(db_path: Path) -> str | None:
    """The database file's schema revision (None: no schema yet), read with plain ``sqlite3``
    on a read-only connection; raises ``sqlite3.Error`` when the file cannot be read."""
    conn = read_only_connection(db_path)
    try:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
                        ).fetchone() is None:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        conn.close()
    return None if row is None else str(row[0])


@dataclass(frozen=True)
class Migration:
    """What :func:`upgrade` did: the revision it started from (None: a new file) and the backup."""

    from_revision: str | None
    backup: Path | None = None


def upgrade(engine: Engine, *, revision: str = "head",
            backup: Callable[[str], Path] | None = None) -> Migration | None:
    """Migrate to ``revision``; before touching a database that holds a schema, call ``backup``.

    Returns None when already there.  A brand-new file gets no backup: there is nothing in it.
    """
    found = current_revision(engine)
    if found is not None and found not in KNOWN_REVISIONS:
        raise NewerDatabaseError(
            f"数据库由更新版本的程序创建（结构版本 {found}），本版本无法安全打开。请安装最新版本。"
            f" The database was created by a newer version (schema {found})."
        )
    target = HEAD_REVISION if revision == "head" else revision
    if found == target:
        return None
    saved = backup(found) if backup is not None and found is not None else None
    if saved is not None:
        log.info("backed up %s before migrating from %s to %s", saved, found, target)
    _run_alembic(engine, target)
    return Migration(found, saved)


def _run_alembic(engine: Engine, target: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, target)
