"""``backup --out FILE`` and ``restore FILE``: what the CLI (and later the UI) call."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop.store import backups, migrate
from desktop.store.engine import NotADatabaseError, make_engine
from desktop.store.lock import DataDirLock
from desktop.store.records import StoreError
from desktop.store.startup import DB_NAME
from desktop.store.verify import Contents, verify_copy

log = logging.getLogger(__name__)


def is_live_database(data_dir: Path, path: Path) -> bool:
    """True when ``path`` is the live database or one of its side files (also via a link)."""
    db_path = data_dir / DB_NAME
    for live in (db_path, *(db_path.with_name(db_path.name + s) for s in backups.SIDE_SUFFIXES)):
        if path.resolve() == live.resolve():
            return True
        try:
            if path.exists() and live.exists() and path.samefile(live):  # a hard link
                return True
        except OSError:
            continue
    return False


def backup_now(data_dir: Path, out: Path) -> Path:
    """A verified copy of the live database; safe while the app is running.

    Runs in a process other than the app's: it reads through a read-only connection, which
    never checkpoints, truncates or deletes the WAL the app is writing.
    """
    db_path = data_dir / DB_NAME
    if is_live_database(data_dir, out):
        # Even with --force: writing the copy over the database it is read from destroys both.
        raise StoreError(f"{out} 是正在使用的数据库（或其日志文件），不能作为备份的输出；"
                         "请另选一个文件名，如 backups 文件夹外的 惠企备份.sqlite。未做任何更改。")
    if not db_path.exists():
        raise StoreError(f"数据目录 {data_dir} 中还没有数据库，无需备份。")
    try:
        written = backups.copy_database(db_path, out)
    except NotADatabaseError as exc:
        log.warning("backup refused: the live database does not verify")
        raise StoreError(f"当前数据库已损坏，无法备份（{exc}）。请启动程序以自动恢复。") from exc
    log.info("backup written to a file named %s", written.name)
    return written


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous_kept_at: Path | None
    contents: Contents


def restore(data_dir: Path, source: Path, *, now: dt.datetime | None = None) -> RestoreResult:
    """Replace the user database with a verified copy of ``source``; keep the old one beside it.

    Atomic: the new database is prepared (copied, verified, migrated) beside the live one and
    put in place by one rename, so a kill at any moment leaves either the old or the new
    database at ``huiqi.sqlite``, never neither.  Any failure before the rename leaves the
    folder exactly as it was.
    """
    now = now or dt.datetime.now()
    db_path = data_dir / DB_NAME
    if not source.is_file():
        raise StoreError(f"备份文件 {source} 不存在或不是普通文件。未做任何更改。")
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise StoreError("不能用正在使用的数据库文件本身来恢复；"
                         "请选择 backups 文件夹中的备份。未做任何更改。")
    with DataDirLock(data_dir):
        staging = db_path.with_name(db_path.name + ".restoring")
        previous: Path | None = None
        try:
            staging.unlink(missing_ok=True)
            try:
                backups.copy_database(source, staging)
            except NotADatabaseError as exc:
                log.warning("restore from a file named %s refused: it does not verify", source.name)
                raise StoreError(f"备份文件 {source.name} 无法使用：{exc}。未做任何更改。") from exc
            engine = make_engine(staging)
            try:
                migrate.upgrade(engine)  # an older backup is brought up to this version's schema
                with engine.connect() as conn:
                    # Self-contained again, so nothing beside it has to move with the rename.
                    conn.exec_driver_sql("PRAGMA journal_mode=DELETE")
            finally:
                engine.dispose()
            contents = verify_copy(staging)
            if db_path.exists():
                previous = _keep_current(db_path, now)
            # The one step that changes what the app opens; atomic on every supported system.
            staging.replace(db_path)
        except BaseException:
            staging.unlink(missing_ok=True)
            for suffix in backups.SIDE_SUFFIXES:
                staging.with_name(staging.name + suffix).unlink(missing_ok=True)
            if previous is not None and db_path.exists():
                previous.unlink(missing_ok=True)
            raise
    log.info("restored from a file named %s (%s); previous database kept: %s", source.name,
             contents.describe(), previous.name if previous is not None else "none")
    return RestoreResult(source, previous, contents)


def _keep_current(db_path: Path, now: dt.datetime) -> Path:
    """Copy the current database aside and fold its WAL in, so the rename loses nothing."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}{db_path.suffix}")
    counter = 1
    while aside.exists():
        aside = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}-{counter}{db_path.suffix}")
        counter += 1
    try:
        backups.copy_database(db_path, aside)
    except (NotADatabaseError, sqlite3.DatabaseError):
        # A damaged database is kept as it is, with its WAL: nothing is thrown away.
        shutil.copyfile(db_path, aside)
        wal = db_path.with_name(db_path.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, aside.with_name(aside.name + "-wal"))
    # We hold the folder lock: no other connection uses the WAL we fold in and remove.
    try:
        conn = sqlite3.connect(db_path)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        pass  # damaged: its copy (with the WAL) is aside already
    for suffix in backups.SIDE_SUFFIXES:
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    return aside
