"""What the window's first page shows, read from the database file with plain ``sqlite3``.

The store (:class:`~desktop.store.store.Store`) is SQLAlchemy's ORM, about half of a start's
imports.  A start on an existing data folder takes the lock and checks the file first
(:func:`~desktop.store.startup.prepare_store`), reads the few rows the dashboard needs through
this reader — the settings, the enterprises, the last one's answers and applications — paints,
and only then opens the store, before the window accepts any input.  Nothing is ever written
here: every connection is read-only (``mode=ro``), opened for one query and closed at once, so
none is left when the store opens its own (closing a descriptor of the file drops the
process's POSIX locks on it, SQLite's included).

Each method returns exactly what the store's method of the same name returns;
``tests/store/test_first_page.py`` compares the two on the same file.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final, TypeVar

from desktop.applications.kinds import KINDS
from desktop.store.refs import (
    LISTED_PARTS,
    ApplicationSummary,
    ProfileSummary,
    RecordKind,
    RecordRef,
    StoreError,
)
from desktop.store.sqlite_file import BUSY_TIMEOUT_MS, read_only_connection

T = TypeVar("T")

# The tables behind each record kind and its answers (desktop.store.schema; a test compares).
RECORD_TABLES: Final[dict[str, str]] = {
    "profile": "profiles", "project": "projects", "equipment": "equipment_lines", "loan": "loans",
    "institution": "institutions"}
ANSWER_TABLES: Final[dict[str, str]] = {
    "profile": "profile_answers", "project": "project_answers", "equipment": "equipment_line_answers",
    "loan": "loan_answers", "institution": "institution_answers"}


class FirstPageReader:
    """The store's read methods the first page uses, on a read-only ``sqlite3`` connection."""

    def __init__(self, db_path: Path, data_dir: Path) -> None:
        self.db_path = db_path
        self.data_dir = data_dir

    def _read(self, query: Callable[[sqlite3.Connection], T]) -> T:
        conn = read_only_connection(self.db_path)
        try:
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            return query(conn)
        finally:
            conn.close()

    def setting(self, key: str, default: Any = None) -> Any:
        row = self._read(lambda c: c.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone())
        if row is None:
            return default
        value = row[0]
        # The column's JSON declared type has NUMERIC affinity: SQLite keeps a number's JSON text
        # as a number, and SQLAlchemy's SQLite JSON type returns it as it is.  So does this.
        if value is None or isinstance(value, int | float):
            return value
        return json.loads(value)

    def list_profiles(self) -> list[ProfileSummary]:
        rows = self._read(lambda c: c.execute(
            "SELECT p.id, p.uid, p.name, p.uscc, n.n FROM profiles AS p LEFT OUTER JOIN "
            "(SELECT profile_id, count(*) AS n FROM applications GROUP BY profile_id) AS n "
            "ON n.profile_id = p.id ORDER BY p.name, p.id").fetchall())
        return [ProfileSummary(i, uid, name, uscc, n or 0) for i, uid, name, uscc, n in rows]

    def answers(self, ref: RecordRef) -> dict[str, str]:
        record, answers = RECORD_TABLES[ref.kind], ANSWER_TABLES[ref.kind]

        def query(conn: sqlite3.Connection) -> list[tuple[str, str]] | None:
            exists = f"SELECT 1 FROM {record} WHERE id = ?"  # noqa: S608 - our own table names
            if conn.execute(exists, (ref.id,)).fetchone() is None:
                return None
            rows = f"SELECT field, value FROM {answers} WHERE record_id = ? ORDER BY field"  # noqa: S608
            return conn.execute(rows, (ref.id,)).fetchall()

        rows = self._read(query)
        if rows is None:
            raise StoreError(f"记录不存在（{record} #{ref.id}），可能已被删除。")
        return dict(rows)

    def list_applications(self, profile_id: int | None = None) -> list[ApplicationSummary]:
        sql = ("SELECT a.id, a.uid, a.profile_id, p.name, a.kind, a.programme_id, a.title, a.status, "
               "a.rulepack_id, a.rulepack_version, a.updated_at FROM applications AS a "
               "JOIN profiles AS p ON p.id = a.profile_id")
        params: tuple[int, ...] = ()
        if profile_id is not None:
            sql, params = sql + " WHERE a.profile_id = ?", (profile_id,)
        sql += " ORDER BY a.updated_at DESC, a.id DESC"
        rows = self._read(lambda c: c.execute(sql, params).fetchall())
        return [ApplicationSummary(i, uid, owner, name, kind, programme, title, status, pack, version,
                                   _stored_time(updated))
                for i, uid, owner, name, kind, programme, title, status, pack, version, updated in rows]

    # -- what the dashboard assesses a draft's programme with (applications.standing) -----------

    def application(self, application_id: int) -> ApplicationSummary:
        for summary in self.list_applications():
            if summary.id == application_id:
                return summary
        raise StoreError(f"申报记录 {application_id} 不存在。")

    def main_part(self, application_id: int) -> RecordRef | None:
        """The record holding the application's own answers; None where the store has not made it
        yet (its ``single_part`` makes it on first use, with no answers)."""
        kind = KINDS[self.application(application_id).kind].main_record
        sql = f"SELECT id FROM {RECORD_TABLES[kind]} WHERE application_id = ? ORDER BY id"  # noqa: S608
        row = self._read(lambda c: c.execute(sql, (application_id,)).fetchone())
        return None if row is None else RecordRef(kind, int(row[0]))

    def lines(self, application_id: int, kind: RecordKind) -> list[RecordRef]:
        if kind not in LISTED_PARTS:
            raise StoreError(f"{kind} 不是可增删的明细行。")
        sql = f"SELECT id FROM {RECORD_TABLES[kind]} WHERE application_id = ? ORDER BY position, id"  # noqa: S608
        rows = self._read(lambda c: c.execute(sql, (application_id,)).fetchall())
        return [RecordRef(kind, int(i)) for (i,) in rows]


def _stored_time(text: str) -> str:
    """A time as SQLAlchemy's DateTime stores it on SQLite, the way the store's summaries show it."""
    return dt.datetime.fromisoformat(text).isoformat(timespec="seconds")
