"""Is this file a sound copy of *our* database, and what does it hold?

``quick_check`` passes a file whose pages are sound but whose records are not (a value that
is not valid UTF-8, an answer that is not text, a settings value that is not JSON).  A backup
must hold records the app can open, so :func:`verify_copy` runs the full ``integrity_check``
and then reads every row of every table, decoding each value the way the app would.

:func:`identify` recognises this program's database positively: ``PRAGMA application_id``
(from revision 0003) and exactly the tables and columns that revision should have.  A file
from an older revision has no application id; its whole schema must then match.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from desktop.store import migrate
from desktop.store.engine import (
    NotADatabaseError,
    check_database_file,
    read_only_connection,
    sqlite_error_words,
)
from desktop.store.records import FIELD_NAME, MAX_ANSWER_CHARS
from desktop.store.schema import ANSWER_TABLES

Shape = dict[str, tuple[tuple[str, str, int, int], ...]]


@dataclass(frozen=True)
class Contents:
    """How much a copy holds; a backup is never replaced by one that holds less."""

    profiles: int
    applications: int

    @property
    def size(self) -> int:
        return self.profiles + self.applications

    def holds_less_than(self, other: Contents) -> bool:
        return self.profiles < other.profiles or self.applications < other.applications

    def describe(self) -> str:
        return f"{self.profiles} 家企业、{self.applications} 份申报"


def verify_copy(path: Path) -> Contents:
    """Raise :class:`NotADatabaseError` unless every page and every record of ``path`` is sound."""
    check_database_file(path, quick=False)
    identify(path)
    try:
        conn = read_only_connection(path)
    except sqlite3.DatabaseError as exc:
        raise NotADatabaseError(f"无法读取数据库（{sqlite_error_words(exc)}）") from exc
    try:
        revision = _revision(conn) or ""
        for table in _tables(conn):
            _check_rows(conn, table, revision)
        profiles = conn.execute("SELECT count(*) FROM profiles").fetchone()[0]
        applications = conn.execute("SELECT count(*) FROM applications").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise NotADatabaseError(f"记录无法读取（{sqlite_error_words(exc)}）") from exc
    finally:
        conn.close()
    return Contents(int(profiles), int(applications))


def _check_rows(conn: sqlite3.Connection, table: str, revision: str) -> None:
    # Iterating decodes every text value: invalid UTF-8 raises OperationalError here.
    rows = conn.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from sqlite_master
    names = [d[0] for d in rows.description]
    for row in rows:
        record = dict(zip(names, row, strict=True))
        problem = _record_problem(table, record, revision)
        if problem is not None:
            raise NotADatabaseError(f"表 {table} 中有损坏的记录：{problem}")


def _record_problem(table: str, record: dict[str, object], revision: str) -> str | None:
    if table in ANSWER_TABLES.values():
        field, value = record["field"], record["value"]
        if not isinstance(field, str) or not FIELD_NAME.match(field):
            return f"字段名无效（记录 {record['record_id']}）"
        if not isinstance(value, str) or len(value) > MAX_ANSWER_CHARS:
            return f"{field} 的值不是文本（记录 {record['record_id']}）"
    elif "answers" in record and not _is_answer_map(record["answers"]):
        # Revisions before 0003 kept answers as one JSON object.
        return f"记录 {record.get('id')} 的填写内容无法读取"
    for column in ("created_at", "updated_at", "at", "added_at"):
        if column in record and not _is_datetime(record[column]):
            return f"记录 {record.get('id')} 的时间 {column} 无效"
    if table == "settings" and not _is_json(record["value"]):
        return f"设置 {record['key']} 无法读取"
    if table == "assessment_snapshots" and not _is_json(record["result_json"]):
        return f"自评快照 {record['id']} 无法读取"
    return None


def _is_answer_map(raw: object) -> bool:
    if not isinstance(raw, str):
        return False
    try:
        value = json.loads(raw)
    except ValueError:
        return False
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())


def _is_json(raw: object) -> bool:
    # A JSON column has NUMERIC affinity: SQLite keeps a number's JSON text (the last
    # enterprise's id, ``ui.last_profile``) as an INTEGER or REAL, and SQLAlchemy reads it back.
    if raw is None or (isinstance(raw, int | float) and not isinstance(raw, bool)):
        return True
    if not isinstance(raw, str):
        return False
    try:
        json.loads(raw)
    except ValueError:
        return False
    return True


def _is_datetime(raw: object) -> bool:
    if not isinstance(raw, str):
        return False
    try:
        dt.datetime.fromisoformat(raw)
    except ValueError:
        return False
    return True


def identify(path: Path) -> str:
    """The schema revision of ``path``, if it is this program's database; else NotADatabaseError."""
    try:
        conn = read_only_connection(path)
    except sqlite3.DatabaseError as exc:
        raise NotADatabaseError(f"无法读取数据库（{sqlite_error_words(exc)}）") from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        revision = _revision(conn)
        shape = _shape(conn)
    except sqlite3.DatabaseError as exc:
        raise NotADatabaseError(f"无法读取数据库结构（{sqlite_error_words(exc)}）") from exc
    finally:
        conn.close()
    not_ours = "不是惠企申报助手的数据库"
    if revision is None:
        raise NotADatabaseError(f"{not_ours}（没有结构版本记录）")
    if revision not in migrate.KNOWN_REVISIONS:
        raise NotADatabaseError(f"来自更新版本的程序（结构版本 {revision}），请先升级程序")
    marked = revision >= migrate.FIRST_MARKED_REVISION
    if marked and app_id != migrate.APPLICATION_ID:
        raise NotADatabaseError(f"{not_ours}（文件标识 {app_id:#x} 不符）")
    if not marked and app_id not in (0, migrate.APPLICATION_ID):
        raise NotADatabaseError(f"{not_ours}（文件标识 {app_id:#x} 不符）")
    expected = expected_shape(revision)
    if shape != expected:
        extra = sorted(set(shape) - set(expected))
        missing = sorted(set(expected) - set(shape))
        changed = sorted(t for t in set(shape) & set(expected) if shape[t] != expected[t])
        detail = "；".join(part for part in (
            f"多出的表 {', '.join(extra)}" if extra else "",
            f"缺少的表 {', '.join(missing)}" if missing else "",
            f"结构不同的表 {', '.join(changed)}" if changed else "") if part)
        raise NotADatabaseError(f"{not_ours}（结构与版本 {revision} 不符：{detail}）")
    return revision


def _models_shape() -> Shape:
    from sqlalchemy import create_engine

    from desktop.store.schema import Base

    engine = create_engine("sqlite://")
    try:
        Base.metadata.create_all(engine)
        raw = engine.raw_connection()
        try:
            driver = raw.driver_connection
            assert isinstance(driver, sqlite3.Connection)
            shape = _shape(driver)
        finally:
            raw.close()
    finally:
        engine.dispose()
    shape["alembic_version"] = (("version_num", "VARCHAR(32)", 1, 1),)
    return shape


def _revision(conn: sqlite3.Connection) -> str | None:
    has = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone()
    if has is None:
        return None
    rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    return str(rows[0][0]) if len(rows) == 1 else None


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]


def _shape(conn: sqlite3.Connection) -> Shape:
    shape: Shape = {}
    for table in _tables(conn):
        columns = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
        shape[table] = tuple(sorted((str(c[1]), str(c[2]).upper(), int(c[3]), int(c[5])) for c in columns))
    return shape


@cache
def expected_shape(revision: str) -> Shape:
    """The tables and columns a database at ``revision`` has.

    The current revision's comes from the models (``tests/store/test_migrations.py`` holds them
    equal to the migrations), so verifying a backup never imports alembic; an older revision's
    is built by running the migrations up to it.
    """
    if revision == migrate.HEAD_REVISION:
        return _models_shape()
    return migrated_shape(revision)


def migrated_shape(revision: str) -> Shape:
    """The tables and columns the migrations build up to ``revision``."""
    from desktop.store.engine import make_engine

    with tempfile.TemporaryDirectory(prefix="huiqi-shape-") as folder:
        engine = make_engine(Path(folder) / "shape.sqlite")
        try:
            migrate.upgrade(engine, revision=revision)
            raw = engine.raw_connection()
            try:
                driver = raw.driver_connection
                assert isinstance(driver, sqlite3.Connection)
                return _shape(driver)
            finally:
                raw.close()
        finally:
            engine.dispose()
