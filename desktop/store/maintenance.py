"""``backup --out FILE`` and ``restore FILE``: what the CLI (and later the UI) call."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop.store import backups, migrate
from desktop.store.engine import NotADatabaseError, check_database_file, make_engine
from desktop.store.lock import DataDirLock
from desktop.store.records import StoreError
from desktop.store.startup import DB_NAME


def backup_now(data_dir: Path, out: Path) -> Path:
    """A consistent copy of the live database; safe while the app is running."""
    db_path = data_dir / DB_NAME
    if not db_path.exists():
        raise StoreError(f"数据目录 {data_dir} 中还没有数据库，无需备份。")
    try:
        return backups.copy_database(db_path, out)
    except NotADatabaseError as exc:
        raise StoreError(f"当前数据库已损坏，无法备份（{exc}）。请启动程序以自动恢复。") from exc


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous_kept_at: Path | None


def restore(data_dir: Path, source: Path, *, now: dt.datetime | None = None) -> RestoreResult:
    """Replace the user database with ``source`` after checking it; keep the old one aside."""
    now = now or dt.datetime.now()
    try:
        check_database_file(source, quick=False)
    except NotADatabaseError as exc:
        raise StoreError(f"备份文件 {source} 无法使用：{exc}。未做任何更改。") from exc
    _check_is_ours(source)
    db_path = data_dir / DB_NAME
    with DataDirLock(data_dir):
        previous = None
        if db_path.exists():
            try:
                check_database_file(db_path)
                backups.checkpoint(db_path)
            except (NotADatabaseError, sqlite3.DatabaseError):
                pass  # a damaged current file is still kept aside, just not checkpointed
            previous = backups.move_aside(db_path, "before-restore", now)
        backups.install_copy(source, db_path)
        engine = make_engine(db_path)
        try:
            migrate.upgrade(engine)  # an older backup is brought up to this version's schema
        finally:
            engine.dispose()
    return RestoreResult(source, previous)


def _check_is_ours(source: Path) -> None:
    conn = sqlite3.connect(source)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = (conn.execute("SELECT version_num FROM alembic_version").fetchone()
                    if "alembic_version" in tables else None)
    finally:
        conn.close()
    if revision is None or "profiles" not in tables:
        raise StoreError(f"{source} 不是惠企申报助手的数据库备份。未做任何更改。")
    if revision[0] not in migrate.KNOWN_REVISIONS:
        raise StoreError(f"{source} 来自更新版本的程序（结构版本 {revision[0]}），"
                         "请先升级程序。未做任何更改。")
