"""Alembic migrations: from the first revision, with data, to head; and head == the models."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from desktop.store import migrate
from desktop.store.engine import make_engine
from desktop.store.records import RecordRef
from desktop.store.schema import ANSWER_TABLES, Base
from desktop.store.startup import DB_NAME, StoreOpenError, open_store


def _script() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config)


def test_head_constant_matches_the_revision_scripts() -> None:
    script = _script()
    assert script.get_current_head() == migrate.HEAD_REVISION
    chain = [rev.revision for rev in script.walk_revisions(base="base", head="heads")]
    assert sorted(chain) == sorted(migrate.KNOWN_REVISIONS)


def test_migrated_schema_equals_the_models(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "fresh.sqlite")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    engine.dispose()
    assert diff == []


FIRST_REVISION_DATA = {
    "profiles": [(1, "6d1c3d64-0000-4000-8000-000000000001", "91130100MA07L2T95N", "石家庄示例药业有限公司",
                  json.dumps({"name": "石家庄示例药业有限公司", "employees": "420",
                              "uscc": "91130100MA07L2T95N"}, ensure_ascii=False),
                  "2025-01-02 03:04:05", "2025-01-02 03:04:06")],
    "applications": [(7, "6d1c3d64-0000-4000-8000-000000000007", 1, "tech_upgrade", "sjz-2017-tech-upgrade",
                      "draft", "生产线智能化改造", "huiqi-five-documents", "2025.1", "2025-01-02 03:04:05",
                      "2025-01-03 00:00:00")],
    "projects": [(3, 7, json.dumps({"total_investment": "12000000.50"}))],
    "equipment_lines": [(4, 7, json.dumps({"name": "数控机床", "quantity": "3"}, ensure_ascii=False), 1)],
    "loans": [],
    "audit_log": [(1, "2025-01-02 03:04:05", "profile", 1, "employees", None, "420")],
}


ANSWERS_COLUMN = {"profiles": 4, "projects": 2, "equipment_lines": 2, "loans": 2}


def test_first_revision_database_with_data_upgrades_to_head(private_data_dir: Path) -> None:
    db_path = private_data_dir / DB_NAME
    private_data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(db_path)
    migrate.upgrade(engine, revision="0001")
    engine.dispose()
    assert migrate.current_revision(make_engine(db_path)) == "0001"
    conn = sqlite3.connect(db_path)
    for table, rows in FIRST_REVISION_DATA.items():
        for row in rows:
            conn.execute(f"INSERT INTO {table} VALUES ({', '.join('?' * len(row))})", row)
    conn.commit()
    conn.close()

    opened = open_store(private_data_dir)
    try:
        report = opened.report
        assert report.migrated_from == "0001"
        assert report.pre_migration_backup is not None and report.pre_migration_backup.is_file()
        assert any("升级" in m for m in report.messages())
        assert migrate.current_revision(opened.store.engine) == migrate.HEAD_REVISION
        conn = sqlite3.connect(db_path)
        for table, rows in FIRST_REVISION_DATA.items():
            # Revision 0003 moved each record's answers JSON into rows of its own answers table.
            column = ANSWERS_COLUMN.get(table)
            kept = [row[:column] + row[column + 1:] if column is not None else row for row in rows]
            assert conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall() == kept, table
            if column is not None:
                for row in rows:
                    held = dict(conn.execute(f"SELECT field, value FROM {ANSWER_TABLES[table]} "
                                             "WHERE record_id = ?", (row[0],)).fetchall())
                    assert held == json.loads(row[column]), table
        assert conn.execute("PRAGMA application_id").fetchone() == (migrate.APPLICATION_ID,)
        conn.close()
        # And the app reads it through the models.
        store = opened.store
        assert store.answers(RecordRef("profile", 1))["employees"] == "420"
        assert store.list_applications()[0].title == "生产线智能化改造"
        assert store.answers(store.lines(7, "equipment")[0]) == {"name": "数控机床", "quantity": "3"}
        # The backup holds the database as it was before migrating.
        backup = sqlite3.connect(report.pre_migration_backup)
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        backup.close()
    finally:
        opened.close()


def test_database_from_a_newer_version_is_refused_untouched(private_data_dir: Path) -> None:
    opened = open_store(private_data_dir)
    opened.close()
    db_path = private_data_dir / DB_NAME
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '0099'")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreOpenError, match="更新版本"):
        open_store(private_data_dir)
    assert db_path.read_bytes() == before



def test_the_shape_restore_expects_of_head_equals_the_migrated_one() -> None:
    from desktop.store import verify

    assert verify.migrated_shape(migrate.HEAD_REVISION) == verify.expected_shape(migrate.HEAD_REVISION)
