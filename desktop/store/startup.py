"""Opening the data folder: lock, check, recover, migrate, back up.

:func:`open_store` never lets a damaged database crash the app.  It moves the bad file
aside (nothing is deleted), restores the newest backup that passes a full integrity check,
and returns a :class:`StartupReport` that says in plain words what happened and what was lost.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from desktop.store import backups, migrate
from desktop.store.engine import NotADatabaseError, check_database_file, make_engine
from desktop.store.lock import DataDirLock
from desktop.store.store import Store

log = logging.getLogger(__name__)

DB_NAME: Final = "huiqi.sqlite"


class StoreOpenError(Exception):
    """The data folder cannot be used; the message says why and what to do."""


@dataclass
class StartupReport:
    created: bool = False
    corrupt_reason: str | None = None
    corrupt_moved_to: Path | None = None
    restored_from: Path | None = None
    restored_backup_time: dt.datetime | None = None
    migrated_from: str | None = None
    pre_migration_backup: Path | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def recovered(self) -> bool:
        return self.corrupt_moved_to is not None

    def messages(self) -> list[str]:
        """What the user should be told, most important first (Chinese, then English)."""
        out: list[str] = []
        if self.recovered:
            out.append(f"数据库文件已损坏（{self.corrupt_reason}）。"
                       f"损坏的文件已移至 {self.corrupt_moved_to}，未删除任何内容。")
            if self.restored_from is not None and self.restored_backup_time is not None:
                taken = self.restored_backup_time.strftime("%Y-%m-%d %H:%M")
                out.append(f"已从 {taken} 的备份 {self.restored_from.name} 恢复。"
                           "该时间之后所做的修改未能恢复，请核对最近填写的内容。"
                           " The database was damaged and has been restored from the "
                           f"backup of {taken}; changes made after that time are lost.")
            else:
                out.append("没有找到可用的备份，已新建空数据库；此前保存的内容只在损坏的文件中。"
                           " No usable backup was found; a new empty database was created.")
        if self.migrated_from is not None:
            out.append(f"数据库已从结构版本 {self.migrated_from} 升级到 {migrate.HEAD_REVISION}；"
                       f"升级前的备份：{self.pre_migration_backup}。")
        out.extend(self.warnings)
        return out


@dataclass
class OpenedStore:
    store: Store
    report: StartupReport
    lock: DataDirLock
    # The day the session started: a session past midnight still refreshes that day's backup.
    opened_on: dt.date

    def close(self, *, backup: bool = True) -> None:
        """Close cleanly; by default refresh today's backup so it holds this session's work.

        The copy is integrity-checked before it replaces the earlier one, so a session that
        damaged the database cannot overwrite the last good backup.
        """
        try:
            if backup:
                try:
                    backups.daily_backup(self.store.data_dir / DB_NAME, self.store.data_dir,
                                         self.opened_on, refresh=True)
                except (OSError, NotADatabaseError):
                    log.exception("backup on close failed; the earlier backup is kept")
        finally:
            self.store.close()
            self.lock.release()


def open_store(data_dir: Path, *, now: dt.datetime | None = None) -> OpenedStore:
    """Open (creating if needed) the user database in ``data_dir``.

    Raises :class:`~desktop.store.lock.AlreadyRunningError` when another copy holds the folder
    and :class:`StoreOpenError` when the database is from a newer version.
    """
    now = now or dt.datetime.now()
    lock = DataDirLock(data_dir)
    lock.acquire()
    try:
        report = StartupReport()
        db_path = data_dir / DB_NAME
        report.created = not db_path.exists()
        if not report.created:
            _recover_if_damaged(db_path, data_dir, now, report)
        store = Store(make_engine(db_path), data_dir)
        try:
            _migrate(store, db_path, data_dir, now, report)
        except migrate.NewerDatabaseError as exc:
            store.close()
            raise StoreOpenError(str(exc)) from exc
        try:
            backups.daily_backup(db_path, data_dir, now.date())
        except (OSError, NotADatabaseError) as exc:
            log.exception("daily backup failed")
            report.warnings.append(f"今日自动备份未能完成：{exc}。数据本身未受影响。")
        return OpenedStore(store, report, lock, now.date())
    except BaseException:
        lock.release()
        raise


def _recover_if_damaged(db_path: Path, data_dir: Path, now: dt.datetime, report: StartupReport) -> None:
    try:
        check_database_file(db_path)
        return
    except NotADatabaseError as exc:
        report.corrupt_reason = str(exc)
    log.error("user database damaged: %s", report.corrupt_reason)
    report.corrupt_moved_to = backups.move_aside(db_path, "corrupt", now)
    good = backups.newest_good_backup(data_dir)
    if good is not None:
        backups.install_copy(good.path, db_path)
        report.restored_from = good.path
        report.restored_backup_time = good.taken


def _migrate(store: Store, db_path: Path, data_dir: Path, now: dt.datetime, report: StartupReport) -> None:
    def backup_before(revision: str) -> Path:
        name = f"pre-migration-{revision}-{now:%Y%m%d-%H%M%S}.sqlite"
        return backups.copy_database(db_path, backups.backups_dir(data_dir) / name)

    done = migrate.upgrade(store.engine, backup=backup_before)
    if done is not None and done.from_revision is not None:
        report.migrated_from = done.from_revision
        report.pre_migration_backup = done.backup
