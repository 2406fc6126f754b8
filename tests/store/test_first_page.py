"""The first page's plain-sqlite3 reader reads exactly what the store reads, from a checked file,
and only when the file is at the current schema; opening in two steps keeps the lock and the
recovery of ``open_store``."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store import migrate
from desktop.store.engine import make_engine
from desktop.store.first_page import ANSWER_TABLES, RECORD_TABLES, FirstPageReader
from desktop.store.lock import AlreadyRunningError
from desktop.store.records import ANSWER_CLASSES, RECORD_CLASSES, RecordRef, StoreError
from desktop.store.startup import DB_NAME, open_store, prepare_store
from tests.store.conftest import make_tech_upgrade

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = {"ui.role": "enterprise", "ui.last_profile": 2, "ui.recent_profiles": [2, 1],
            "ui.last_page": "dashboard", "profile.2.assessed_on": {"day": "2011-12-10", "chosen": True},
            "window.geometry": "01d9d0cb", "ui.cleared": None, "exports.log": [{"名称": "技改", "n": 1.5}]}


def _filled(data_dir: Path) -> None:
    opened = open_store(data_dir, now=dt.datetime(2026, 11, 20, 9, 0))
    store = opened.store
    try:
        store.create_profile({"name": "乙公司", "region_code": "630104", "employees": "12"})
        profile_id, app_id, _project = make_tech_upgrade(store)
        store.create_profile({"name": "甲公司"})
        store.create_profile()  # unnamed
        store.create_application(profile_id, "loan_interest", rulepack_id="huiqi-five-documents",
                                 rulepack_version="2026.1", programme_id="qh-2011-sme-loan-interest",
                                 title="贴息")
        store.set_title(app_id, "矿热炉节能改造（二期）")  # changed last: listed first
        for key, value in SETTINGS.items():
            store.set_setting(key, value)
    finally:
        opened.close(backup=False)


def test_the_reader_reads_what_the_store_reads(private_data_dir: Path) -> None:
    _filled(private_data_dir)
    prepared = prepare_store(private_data_dir)
    reader = prepared.first_page()
    assert isinstance(reader, FirstPageReader)
    seen = {"settings": {key: reader.setting(key) for key in [*SETTINGS, "never.set"]},
            "default": reader.setting("never.set", "fallback"),
            "profiles": reader.list_profiles(),
            "answers": {p.id: reader.answers(RecordRef("profile", p.id)) for p in reader.list_profiles()},
            "applications": reader.list_applications(),
            "by_profile": {p.id: reader.list_applications(p.id) for p in reader.list_profiles()}}
    with pytest.raises(StoreError, match="记录不存在"):
        reader.answers(RecordRef("profile", 99))
    apps = reader.list_applications()
    parts = {a.id: (reader.application(a.id), reader.main_part(a.id), reader.lines(a.id, "equipment"),
                    reader.lines(a.id, "loan")) for a in apps}
    opened = prepared.open()
    store = opened.store
    try:
        assert seen == {"settings": {key: store.setting(key) for key in [*SETTINGS, "never.set"]},
                        "default": store.setting("never.set", "fallback"),
                        "profiles": store.list_profiles(),
                        "answers": {p.id: store.answers(RecordRef("profile", p.id))
                                    for p in store.list_profiles()},
                        "applications": store.list_applications(),
                        "by_profile": {p.id: store.list_applications(p.id) for p in store.list_profiles()}}
        assert parts == {a.id: (store.application(a.id), store.single_part(a.id),
                                store.lines(a.id, "equipment"), store.lines(a.id, "loan")) for a in apps}
        assert [len(p[2]) for p in parts.values()] == [2, 0]  # the tech upgrade's two lines
        assert [p.name for p in seen["profiles"]] == ["", "乙公司", "甲公司", "青海示例铁合金有限公司"]
        assert seen["applications"][0].title == "矿热炉节能改造（二期）"
        assert seen["settings"]["exports.log"] == SETTINGS["exports.log"]
    finally:
        opened.close(backup=False)


def test_the_reader_names_the_tables_the_store_maps() -> None:
    assert {kind: cls.__tablename__ for kind, cls in RECORD_CLASSES.items()} == RECORD_TABLES
    assert {kind: cls.__tablename__ for kind, cls in ANSWER_CLASSES.items()} == ANSWER_TABLES


def test_a_new_database_is_read_and_an_outdated_one_is_not(private_data_dir: Path) -> None:
    """A new database is made at the current schema before the first page reads it; only the
    store migrates, so the first page waits for it on an outdated one."""
    new = prepare_store(private_data_dir)
    reader = new.first_page()
    assert new.report.created and reader is not None
    assert reader.list_profiles() == [] and reader.setting("ui.role") is None
    new.open().close(backup=False)
    with make_engine(private_data_dir / DB_NAME).begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0003'")
    outdated = prepare_store(private_data_dir)
    try:
        assert migrate.file_revision(private_data_dir / DB_NAME) == "0003"
        assert outdated.first_page() is None
    finally:
        outdated.abandon()


def test_a_damaged_file_is_recovered_before_the_first_page_reads(private_data_dir: Path) -> None:
    _filled(private_data_dir)
    backup = open_store(private_data_dir, now=dt.datetime.now() - dt.timedelta(days=1))
    backup.close()  # yesterday's backup: 4 enterprises
    (private_data_dir / DB_NAME).write_bytes(b"SQLite format 3\x00" + b"\x00garbage" * 512)
    prepared = prepare_store(private_data_dir)
    try:
        assert prepared.report.recovered and prepared.report.restored_from is not None
        reader = prepared.first_page()
        assert reader is not None and len(reader.list_profiles()) == 4
    finally:
        prepared.abandon()
    # The report of the two steps is the report open_store gives: the user is told the same.
    opened = prepare_store(private_data_dir).open()
    opened.close(backup=False)


def test_the_lock_is_held_from_prepare_until_the_store_closes(private_data_dir: Path) -> None:
    prepared = prepare_store(private_data_dir)
    with pytest.raises(AlreadyRunningError):
        prepare_store(private_data_dir)
    code = ("import sys; from pathlib import Path; from desktop.store.startup import open_store; "
            "open_store(Path(sys.argv[1]))")
    other = subprocess.run([sys.executable, "-c", code, str(private_data_dir)], cwd=ROOT, capture_output=True,
                           text=True, check=False)
    assert other.returncode != 0 and "AlreadyRunningError" in other.stderr
    opened = prepared.open()
    with pytest.raises(AlreadyRunningError):
        open_store(private_data_dir)
    opened.close(backup=False)
    prepare_store(private_data_dir).abandon()  # released: the next start gets it
    open_store(private_data_dir).close(backup=False)


def test_the_reader_never_writes(private_data_dir: Path) -> None:
    _filled(private_data_dir)
    prepared = prepare_store(private_data_dir)
    try:
        reader = prepared.first_page()
        assert reader is not None
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader._read(lambda c: c.execute("DELETE FROM settings"))
        assert reader.setting("ui.role") == "enterprise"
    finally:
        prepared.abandon()


def test_the_first_page_imports_no_sqlalchemy(private_data_dir: Path) -> None:
    """Locking, checking and reading an existing folder's first page: no SQLAlchemy, no ORM."""
    _filled(private_data_dir)
    code = ("import sys; from pathlib import Path; from desktop.store.startup import prepare_store; "
            "import desktop.store.autosave; "
            "p = prepare_store(Path(sys.argv[1])); r = p.first_page(); r.list_profiles(); p.abandon(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'filelock', "
            "'alembic')))")
    out = subprocess.run([sys.executable, "-c", code, str(private_data_dir)], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_number_setting_does_not_fail_the_backup(private_data_dir: Path) -> None:
    """``ui.last_profile`` (an enterprise's id) is kept by SQLite as an INTEGER: the backup's
    check took it for a damaged record, so no backup was kept once a real enterprise was shown."""
    opened = open_store(private_data_dir, now=dt.datetime(2026, 11, 20, 9, 0))
    opened.store.set_setting("ui.last_profile", 1)
    opened.store.set_setting("ui.scale", 1.25)
    opened.close()
    assert (private_data_dir / "backups" / "daily-2026-11-20.sqlite").is_file()
    again = open_store(private_data_dir)
    try:
        assert not again.report.warnings
        assert again.store.setting("ui.last_profile") == 1 and again.store.setting("ui.scale") == 1.25
    finally:
        again.close(backup=False)
