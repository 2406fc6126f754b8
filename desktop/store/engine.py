"""Opening the user database: the SQLite settings every connection must have.

WAL lets the UI read while an autosave writes; ``synchronous=FULL`` makes a returned
commit durable across a power cut; foreign keys are off by default in SQLite.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

BUSY_TIMEOUT_MS = 5000
SQLITE_MAGIC = b"SQLite format 3\x00"


def connection_pragmas(dbapi_connection: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def make_engine(db_path: Path) -> Engine:
    # Readable JSON in the file: a support person opening it in a SQLite browser sees Chinese.
    # hide_parameters: an error message must never quote what a user typed into the log.
    engine = create_engine(f"sqlite:///{db_path}", hide_parameters=True,
                           json_serializer=lambda obj: json.dumps(obj, ensure_ascii=False))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling would defer BEGIN; SQLAlchemy manages it.
        connection_pragmas(dbapi_connection)

    return engine


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that can neither write nor checkpoint, truncate or delete a WAL.

    Used for every file the app only reads: backups, restore sources, and the live database
    when ``desktop backup`` copies it from a second process while the app runs.
    """
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


class NotADatabaseError(Exception):
    """The file is missing, truncated, garbage or fails SQLite's own integrity check."""


def check_database_file(path: Path, *, quick: bool = True) -> None:
    """Raise :class:`NotADatabaseError` with a reason unless ``path`` is a sound SQLite file.

    Checks existence first, so checking never creates a file; reading never modifies one
    (the connection is read-only).  Never call this on the live database from the process that
    has it open: closing the header-reading descriptor would drop that process's SQLite locks.
    """
    if not path.is_file():
        raise NotADatabaseError(f"文件不存在：{path}")
    if path.stat().st_size == 0:
        raise NotADatabaseError("文件为空（0 字节）")
    # SQLite happily treats a file shorter than its header as a new, empty database,
    # which would silently replace the user's data; a real one always starts with this.
    with path.open("rb") as head:
        if head.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise NotADatabaseError("文件头不是 SQLite 数据库（文件被截断或覆盖）")
    pragma = "quick_check" if quick else "integrity_check"
    try:
        conn = read_only_connection(path)
        try:
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise NotADatabaseError(f"不是有效的数据库文件（{exc}）") from exc
    verdict = [str(r[0]) for r in rows]
    if verdict != ["ok"]:
        raise NotADatabaseError("数据库完整性检查未通过：" + "；".join(verdict[:5]))
