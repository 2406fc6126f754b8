"""Benchmark cases of the user database: one autosave, and opening a full data folder."""

from __future__ import annotations

import itertools
import sqlite3
import tempfile
from functools import cache
from pathlib import Path

from benchmarks.runner import Case, under_ms
from desktop.store.engine import connection_pragmas
from desktop.store.records import RecordRef
from desktop.store.startup import DB_NAME, OpenedStore, open_store

APPLICATIONS = 1_000
_counter = itertools.count()


@cache
def _autosave_store() -> tuple[OpenedStore, RecordRef]:
    folder = Path(tempfile.mkdtemp(prefix="bench-autosave-"))
    opened = open_store(folder)
    profile = opened.store.create_profile({"name": "基准企业", "employees": "300"})
    return opened, RecordRef("profile", profile)


def autosave_one_field() -> None:
    opened, ref = _autosave_store()
    opened.store.save_answer(ref, "employees", str(next(_counter)))


@cache
def _raw_connection() -> sqlite3.Connection:
    folder = Path(tempfile.mkdtemp(prefix="bench-raw-"))
    conn = sqlite3.connect(folder / "raw.sqlite", isolation_level=None)
    connection_pragmas(conn)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, answers TEXT)")
    conn.execute("INSERT INTO t VALUES (1, '{}')")
    return conn


def raw_sqlite_update() -> None:
    """The floor: one UPDATE committed on the same pragmas (WAL, synchronous=FULL), no ORM, no audit."""
    conn = _raw_connection()
    conn.execute("BEGIN")
    conn.execute("UPDATE t SET answers = ? WHERE id = 1", (f'{{"employees": "{next(_counter)}"}}',))
    conn.execute("COMMIT")


@cache
def _full_folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="bench-1000-"))
    opened = open_store(folder)
    store = opened.store
    profiles = [store.create_profile({"name": f"基准企业{i:03d}"}) for i in range(50)]
    for i in range(APPLICATIONS):
        app = store.create_application(profiles[i % 50], ("tech_upgrade", "loan_interest",
                                                          "rd_institution")[i % 3],
                                       rulepack_id="huiqi-five-documents", rulepack_version="2026.1",
                                       title=f"基准申报{i:04d}")
        if i % 3 == 0:
            store.save_answers(store.single_part(app), {"name": f"项目{i}", "total_investment": "1000000"})
    opened.close()
    return folder


def open_and_list() -> None:
    opened = open_store(_full_folder())
    listed = opened.store.list_applications()
    assert len(listed) == APPLICATIONS
    opened.close(backup=False)


def raw_open_and_list() -> None:
    conn = sqlite3.connect(_full_folder() / DB_NAME)
    rows = conn.execute("SELECT a.*, p.name FROM applications a JOIN profiles p ON p.id = a.profile_id "
                        "ORDER BY a.updated_at DESC").fetchall()
    assert len(rows) == APPLICATIONS
    conn.close()


STORE_CASES = [
    Case("autosave_field", "自动保存一次字段修改（WAL + synchronous=FULL，含审计记录）", autosave_one_field,
         "raw sqlite3 UPDATE + COMMIT, same pragmas", raw_sqlite_update, repeat=300,
         target="< 5 ms median", meets=under_ms(5)),
    Case("open_list_1000", "打开含 1,000 份申报的数据目录（加锁、完整性快检、版本检查）并列出全部申报",
         open_and_list, "raw sqlite3 connect + the same SELECT", raw_open_and_list, repeat=20,
         target="< 200 ms", meets=under_ms(200)),
]
CASES = STORE_CASES
