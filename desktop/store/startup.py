"""Opening the data folder: lock, check, recover, migrate, back up.

:func:`open_store` never lets a damaged database crash the app.  It moves the bad file
aside (nothing is deleted), restores the newest backup that passes a full integrity check,
and returns a :class:`StartupReport` that says in plain words what happened and what was lost.

Opening is two steps, so the window can paint before SQLAlchemy is imported:
:func:`prepare_store` takes the lock and checks (or recovers) the file with plain ``sqlite3``;
:meth:`PreparedStore.open` then opens the store (engine, migration, daily backup).  Between the
two, :meth:`PreparedStore.first_page` reads what the first page shows straight from the checked
file, while the lock keeps every other writer out.  :func:`open_store` is both steps at once.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final

from desktop.store import migrate
from desktop.store.lock import DataDirLock
from desktop.store.sqlite_file import NotADatabaseError, check_database_file

if TYPE_CHECKING:
    from desktop.store.first_page import FirstPageReader
    from desktop.store.store import Store

# SQLAlchemy, the ORM and the backup machinery (which verifies copies through the ORM) are
# imported by the functions that use them: a sound, current database is checked and read for
# the first page without them.

log = logging.getLogger(__name__)

DB_NAME: Final = "huiqi.sqlite"
# Written when this folder's database is first created: after that, a missing database is a
# loss to recover from (or to report), never a reason to start empty without a word.
CREATED_MARKER: Final = "huiqi.created"


class StoreOpenError(Exception):
    """The data folder cannot be used; the message says why and what to do."""


@dataclass
class StartupReport:
    created: bool = False
    # The database file was absent although this folder had one before.
    missing: bool = False
    restored_contents: str | None = None
    corrupt_reason: str | None = None
    corrupt_moved_to: Path | None = None
    restored_from: Path | None = None
    restored_backup_time: dt.datetime | None = None
    # A WAL (or other side file) found without its database, renamed ``*.orphaned-…``.
    orphaned_wal: list[Path] = field(default_factory=list)
    migrated_from: str | None = None
    pre_migration_backup: Path | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def recovered(self) -> bool:
        return self.corrupt_moved_to is not None

    def messages(self) -> list[str]:
        """What the user should be told, most important first (Chinese, then English)."""
        out: list[str] = []
        if self.missing:
            out.append("数据库文件 huiqi.sqlite 不见了（可能被清理软件删除、被同步工具移走，"
                       "或上次恢复备份时被中断）。 The database file was missing.")
            if self.restored_from is not None and self.restored_backup_time is not None:
                taken = self.restored_backup_time.strftime("%Y-%m-%d %H:%M")
                out.append(f"已从 {taken} 的备份 {self.restored_from.name} 恢复（{self.restored_contents}）。"
                           "该时间之后所做的修改未能恢复，请核对最近填写的内容。"
                           f" Restored from the backup of {taken}; changes made after that time are lost.")
            else:
                out.append("没有找到可用的备份，已新建空数据库。如果您有备份文件，请用“恢复”功能导入。"
                           " No usable backup was found; a new empty database was created.")
            for kept in self.orphaned_wal:
                out.append(f"数据库旁留下的日志文件已改名保存为 {kept}（未删除）。它可能含有数据库"
                           "丢失前最后几次保存的修改；请勿删除，技术支持可以从中找回这些修改。"
                           f" The database's write-ahead log was kept as {kept.name}: it may hold the"
                           " last edits, and support can recover them from it.")
        if self.recovered:
            out.append(f"数据库文件已损坏（{self.corrupt_reason}）。"
                       f"损坏的文件已移至 {self.corrupt_moved_to}，未删除任何内容。")
            if self.restored_from is not None and self.restored_backup_time is not None:
                taken = self.restored_backup_time.strftime("%Y-%m-%d %H:%M")
                out.append(f"已从 {taken} 的备份 {self.restored_from.name} 恢复（{self.restored_contents}）。"
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
        from desktop.store import backups

        try:
            if backup:
                try:
                    made = backups.daily_backup(self.store.engine, self.store.data_dir, self.opened_on,
                                                refresh=True)
                    if made is not None and made.beside:
                        log.warning("closing copy kept beside today's fuller backup")
                except (OSError, NotADatabaseError, sqlite3.DatabaseError):
                    log.exception("backup on close failed; the earlier backup is kept")
        finally:
            self.store.close()
            self.lock.release()


def open_store(data_dir: Path, *, now: dt.datetime | None = None) -> OpenedStore:
    """Open (creating if needed) the user database in ``data_dir``.

    Raises :class:`~desktop.store.lock.AlreadyRunningError` when another copy holds the folder
    and :class:`StoreOpenError` when the database is from a newer version.
    """
    return prepare_store(data_dir, now=now).open()


def prepare_store(data_dir: Path, *, now: dt.datetime | None = None) -> PreparedStore:
    """The first half of :func:`open_store`: take the folder's lock, check the database file and
    recover a damaged or missing one, or create a new one at the current schema
    (:mod:`desktop.store.new_database`).  Plain ``sqlite3`` unless something needs recovering.

    Raises :class:`~desktop.store.lock.AlreadyRunningError` when another copy holds the folder.
    The lock stays held until :meth:`PreparedStore.open`'s store is closed (or :meth:`abandon`).
    """
    now = now or dt.datetime.now()
    lock = DataDirLock(data_dir)
    lock.acquire()
    try:
        report = StartupReport()
        db_path = data_dir / DB_NAME
        if db_path.exists():
            _recover_if_damaged(db_path, data_dir, now, report)
        else:
            _recover_missing(db_path, data_dir, data_dir / CREATED_MARKER, report)
        if not db_path.exists():  # a first start, or nothing to recover from: a new, empty one
            from desktop.store.new_database import create_current

            create_current(db_path)
        return PreparedStore(data_dir, db_path, lock, report, now)
    except BaseException:
        lock.release()
        raise


@dataclass
class PreparedStore:
    """A data folder locked and its database file checked (or recovered), not opened yet."""

    data_dir: Path
    db_path: Path
    lock: DataDirLock
    report: StartupReport
    now: dt.datetime

    def first_page(self) -> FirstPageReader | None:
        """A reader of what the first page shows, straight from the file with ``sqlite3``; None
        when the file is not at the current schema (only the store migrates) or cannot be read
        that way.  A new database is created at the current schema by :func:`prepare_store`.

        Its connections are closed before :meth:`open` opens the store's: closing a descriptor
        of the database file drops every POSIX lock this process holds on it, SQLite's included.
        """
        from desktop.store.first_page import FirstPageReader

        if not self.db_path.is_file():
            return None
        try:
            revision = migrate.file_revision(self.db_path)
        except sqlite3.Error:
            log.warning("first page read skipped: the revision could not be read", exc_info=True)
            return None
        if revision != migrate.HEAD_REVISION:
            return None
        return FirstPageReader(self.db_path, self.data_dir)

    def open(self) -> OpenedStore:
        """The store itself: engine, migration (with a backup first), the daily backup."""
        from desktop.store import backups
        from desktop.store.engine import make_engine
        from desktop.store.store import Store

        try:
            report, now = self.report, self.now
            store = Store(make_engine(self.db_path), self.data_dir)
            try:
                _migrate(store, self.db_path, self.data_dir, now, report)
            except migrate.NewerDatabaseError as exc:
                store.close()
                raise StoreOpenError(str(exc)) from exc
            marker = self.data_dir / CREATED_MARKER
            if not marker.exists():
                marker.write_text(f"{now.isoformat(timespec='seconds')}\n", encoding="utf-8")
            try:
                backups.daily_backup(store.engine, self.data_dir, now.date(), now=now)
            except (OSError, NotADatabaseError, sqlite3.DatabaseError) as exc:
                log.exception("daily backup failed")
                report.warnings.append(f"今日自动备份未能完成：{exc}。数据本身未受影响，之前的备份仍在。")
            return OpenedStore(store, report, self.lock, now.date())
        except BaseException:
            self.lock.release()
            raise

    def abandon(self) -> None:
        """Give the folder up without opening the store (the window was closed first)."""
        self.lock.release()


@dataclass
class ReadOnlyStore:
    """The store opened for reading beside a running app: no lock, no recovery, no backup."""

    store: Store
    report: StartupReport

    def close(self) -> None:
        self.store.close()


def open_store_read_only(data_dir: Path) -> ReadOnlyStore:
    """Read the database the running app holds (for ``profiles`` and ``export``).

    Nothing is checked, recovered, migrated or backed up here: that is the app's job, and it
    holds the folder.  The connections are read-only, so the app's WAL is left exactly as it is.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from desktop.store.engine import make_read_only_engine
    from desktop.store.store import Store

    db_path = data_dir / DB_NAME
    if not db_path.is_file():
        raise StoreOpenError(f"数据目录 {data_dir} 中没有数据库文件。")
    engine = make_read_only_engine(db_path)
    try:
        revision = migrate.current_revision(engine)
    except (sqlite3.DatabaseError, SQLAlchemyError) as exc:
        engine.dispose()
        raise StoreOpenError("正在运行的程序的数据库暂时无法读取；请关闭程序后再试。") from exc
    if revision != migrate.HEAD_REVISION:
        engine.dispose()
        raise StoreOpenError("正在运行的程序使用的数据库版本与本命令不同；请关闭程序后再试。")
    return ReadOnlyStore(Store(engine, data_dir), StartupReport())


def recovery_candidates(data_dir: Path) -> list[Path]:
    """Every file a lost database could be recovered from: backups, the copy kept by a restore,
    and a restore's staging file left by a kill."""
    db_path = data_dir / DB_NAME
    folder = data_dir / "backups"  # backups.backups_dir, not imported (nor created) to look in it
    found = list(folder.glob("*.sqlite")) if folder.is_dir() else []
    found += data_dir.glob(f"{db_path.stem}.before-restore-*{db_path.suffix}")
    found += [db_path.with_name(db_path.name + ".restoring")]
    return [p for p in found if p.is_file()]


def _recover_missing(db_path: Path, data_dir: Path, marker: Path, report: StartupReport) -> None:
    candidates = recovery_candidates(data_dir)
    if not candidates and not marker.exists():
        report.created = True  # a truly first start
        return
    from desktop.store import backups

    report.missing = True
    log.error("user database missing; %d recovery candidates", len(candidates))
    good = backups.newest_good_copy(candidates)
    if good is not None:
        report.orphaned_wal = backups.install_copy(good.path, db_path)
        report.restored_from = good.path
        report.restored_backup_time = good.taken
        report.restored_contents = good.contents.describe()
    else:
        # Never replayed into the new empty database; kept for support.
        report.orphaned_wal = backups.set_aside_side_files(db_path)


def _recover_if_damaged(db_path: Path, data_dir: Path, now: dt.datetime, report: StartupReport) -> None:
    try:
        check_database_file(db_path)
        return
    except NotADatabaseError as exc:
        report.corrupt_reason = str(exc)
    from desktop.store import backups

    log.error("user database damaged: %s", report.corrupt_reason)
    report.corrupt_moved_to = backups.move_aside(db_path, "corrupt", now)
    good = backups.newest_good_copy(recovery_candidates(data_dir))
    if good is not None:
        backups.install_copy(good.path, db_path)
        report.restored_from = good.path
        report.restored_backup_time = good.taken
        report.restored_contents = good.contents.describe()


def _migrate(store: Store, db_path: Path, data_dir: Path, now: dt.datetime, report: StartupReport) -> None:
    from desktop.store import backups

    def backup_before(revision: str) -> Path:
        name = f"pre-migration-{revision}-{now:%Y%m%d-%H%M%S}.sqlite"
        target = backups.backups_dir(data_dir) / name
        backups.copy_live(store.engine, target)  # on the app's own connection: no lock dropped
        return target

    try:
        done = migrate.upgrade(store.engine, backup=backup_before)
    except (NotADatabaseError, sqlite3.DatabaseError) as exc:
        store.close()
        raise StoreOpenError(f"数据库需要升级，但升级前的备份未通过检查（{exc}），因此没有升级，"
                             "数据库未被改动。请联系技术支持。 The database needs an upgrade but its "
                             "backup failed verification; nothing was changed.") from exc
    if done is not None and done.from_revision is not None:
        report.migrated_from = done.from_revision
        report.pre_migration_backup = done.backup
