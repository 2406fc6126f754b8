"""The user database as a file: is it a sound SQLite database, read it without writing.

Plain ``sqlite3``, no SQLAlchemy: opening a data folder checks its database (and the first
page reads it, :mod:`desktop.store.first_page`) before the store's ORM is imported.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

BUSY_TIMEOUT_MS = 5000
SQLITE_MAGIC = b"SQLite format 3\x00"


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that can neither write nor checkpoint, truncate or delete a WAL.

    Used for every file the app only reads: backups, restore sources, and the live database
    when ``desktop backup`` copies it from a second process while the app runs.
    """
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


# SQLite's English messages, said in Chinese (a restore message must not read “database disk
# image is malformed”).  Matched by substring: the driver sometimes adds detail after them.
_SQLITE_ERRORS = (
    ("malformed", "文件内部结构已损坏，SQLite 无法读取；常见于复制中断、U 盘拔出或磁盘故障"),
    ("file is not a database", "不是 SQLite 数据库文件"),
    ("encrypted", "不是 SQLite 数据库文件"),
    ("unable to open", "无法打开文件（没有权限或文件夹不存在）"),
    ("locked", "文件正被另一个程序占用"),
    ("readonly", "文件是只读的"),
    ("no such table", "缺少本程序需要的表，不是本程序的数据库"),
    ("disk i/o error", "读取时磁盘出错"),
)


def sqlite_error_words(exc: BaseException) -> str:
    """An ``sqlite3`` error in Chinese words; never the driver's English text."""
    text = str(exc).lower()
    for english, chinese in _SQLITE_ERRORS:
        if english in text:
            return chinese
    return "SQLite 无法读取此文件"


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
            raise NotADatabaseError("不是 SQLite 数据库文件（文件开头没有 SQLite 的标记，"
                                    "可能是别的文件改了扩展名）")
    pragma = "quick_check" if quick else "integrity_check"
    try:
        conn = read_only_connection(path)
        try:
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise NotADatabaseError(f"不是有效的数据库文件（{sqlite_error_words(exc)}）") from exc
    verdict = [str(r[0]) for r in rows]
    if verdict != ["ok"]:
        raise NotADatabaseError("数据库完整性检查未通过：" + "；".join(verdict[:5]))
