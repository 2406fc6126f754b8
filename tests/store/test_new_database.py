"""A new user database is created from the migrated schema's own statements, without alembic:
the same file as one migrated from nothing, stamped so later migrations start from it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from desktop.store import head_schema, migrate
from desktop.store.engine import make_engine
from desktop.store.new_database import create_current, head_schema_module, migrated_statements
from desktop.store.records import RecordRef
from desktop.store.startup import DB_NAME, open_store
from desktop.store.verify import identify, verify_copy

ROOT = Path(__file__).resolve().parents[2]


def _migrated(path: Path) -> Path:
    engine = make_engine(path)
    migrate.upgrade(engine)
    engine.dispose()
    return path


def _described(path: Path) -> tuple[object, ...]:
    conn = sqlite3.connect(path)
    try:
        schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        return (conn.execute(schema).fetchall(), conn.execute("PRAGMA application_id").fetchone(),
                conn.execute("PRAGMA journal_mode").fetchone(),
                conn.execute("SELECT version_num FROM alembic_version").fetchall())
    finally:
        conn.close()


def test_the_kept_schema_is_the_migrated_one(tmp_path: Path) -> None:
    """Fails when a migration is added: run ``python -m desktop.store.new_database``."""
    migrated = migrated_statements(_migrated(tmp_path / "migrated.sqlite"))
    assert head_schema.REVISION == migrate.HEAD_REVISION
    assert list(head_schema.STATEMENTS) == migrated
    assert head_schema_module(migrate.HEAD_REVISION, migrated) == \
        (ROOT / "desktop" / "store" / "head_schema.py").read_text(encoding="utf-8")


def test_a_created_file_equals_a_migrated_one(tmp_path: Path) -> None:
    created = tmp_path / "created.sqlite"
    create_current(created)
    assert _described(created) == _described(_migrated(tmp_path / "migrated.sqlite"))
    assert not created.with_name("created.sqlite.new").exists()
    assert identify(created) == migrate.HEAD_REVISION
    assert verify_copy(created).profiles == 0
    engine = make_engine(created)
    try:
        assert migrate.current_revision(engine) == migrate.HEAD_REVISION
        assert migrate.upgrade(engine) is None  # nothing for alembic to do
    finally:
        engine.dispose()


def test_a_first_start_imports_no_alembic_and_the_store_works(private_data_dir: Path) -> None:
    code = ("import sys; from pathlib import Path; from desktop.store.startup import open_store; "
            "o = open_store(Path(sys.argv[1])); o.store.create_profile({'name': '甲'}); o.close(); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'alembic'}))")
    out = subprocess.run([sys.executable, "-c", code, str(private_data_dir)], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "[]"
    opened = open_store(private_data_dir)
    try:
        assert not opened.report.messages()
        assert [p.name for p in opened.store.list_profiles()] == ["甲"]
        ref = RecordRef("profile", opened.store.list_profiles()[0].id)
        opened.store.save_answer(ref, "employees", "12")
        assert opened.store.answers(ref) == {"employees": "12", "name": "甲"}
    finally:
        opened.close(backup=False)
    assert (private_data_dir / "huiqi.created").is_file()
    assert any((private_data_dir / "backups").glob("daily-*.sqlite"))


def test_a_creation_killed_half_way_leaves_only_a_staging_file(tmp_path: Path) -> None:
    db_path = tmp_path / DB_NAME
    staging = tmp_path / (DB_NAME + ".new")
    staging.write_bytes(b"half a database")
    create_current(db_path)
    assert not staging.exists() and identify(db_path) == migrate.HEAD_REVISION
