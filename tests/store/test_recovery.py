"""Backups, restore, the start-up check and recovery, and one running copy per data folder."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.store import backups
from desktop.store.lock import AlreadyRunningError
from desktop.store.records import RecordRef
from desktop.store.startup import DB_NAME, open_store
from tests.store.conftest import make_tech_upgrade

DAY = dt.datetime(2026, 11, 22, 9, 30)


def _saved_profile(data_dir: Path, name: str, when: dt.datetime = DAY, *, crash: bool = False) -> int:
    opened = open_store(data_dir, now=when)
    try:
        return opened.store.create_profile({"name": name})
    finally:
        opened.close(backup=not crash)


def _names(data_dir: Path) -> list[str]:
    opened = open_store(data_dir)
    try:
        return [p.name for p in opened.store.list_profiles()]
    finally:
        opened.close()


def test_daily_backups_keep_a_few_generations(private_data_dir: Path) -> None:
    _saved_profile(private_data_dir, "甲")
    for offset in range(1, 15):
        open_store(private_data_dir, now=DAY + dt.timedelta(days=offset)).close()
    dailies = sorted(p.name for p in (private_data_dir / "backups").glob("daily-*.sqlite"))
    assert len(dailies) == backups.KEEP_GENERATIONS
    assert dailies[0] == "daily-2026-12-01.sqlite" and dailies[-1] == "daily-2026-12-06.sqlite"


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty", "header_only"])
def test_damaged_database_is_recovered_from_newest_good_backup(private_data_dir: Path, damage: str) -> None:
    _saved_profile(private_data_dir, "备份前的企业")  # the backup taken at start-up holds this
    _saved_profile(private_data_dir, "备份后的企业", crash=True)  # only in the live file
    db_path = private_data_dir / DB_NAME
    content = db_path.read_bytes()
    damaged = {"truncate": content[: len(content) // 3], "garbage": os.urandom(len(content)),
               "empty": b"", "header_only": content[:100]}[damage]
    db_path.write_bytes(damaged)

    opened = open_store(private_data_dir, now=DAY + dt.timedelta(hours=2))
    try:
        report = opened.report
        assert report.recovered
        assert report.corrupt_moved_to is not None and report.corrupt_moved_to.read_bytes() == damaged
        assert report.restored_from is not None and report.restored_from.name == "daily-2026-11-22.sqlite"
        text = "\n".join(report.messages())
        assert "已损坏" in text and "已从" in text and "之后所做的修改未能恢复" in text
        assert [p.name for p in opened.store.list_profiles()] == ["备份前的企业"]
    finally:
        opened.close()


def test_damage_with_no_backup_starts_empty_and_keeps_the_file(private_data_dir: Path) -> None:
    _saved_profile(private_data_dir, "甲")
    for path in (private_data_dir / "backups").iterdir():
        path.unlink()
    (private_data_dir / DB_NAME).write_bytes(b"not a database at all" * 100)
    opened = open_store(private_data_dir)
    assert opened.report.recovered and opened.report.restored_from is None
    assert any("没有找到可用的备份" in m for m in opened.report.messages())
    assert opened.store.list_profiles() == []
    opened.close()


def test_corrupt_backups_are_skipped(private_data_dir: Path) -> None:
    _saved_profile(private_data_dir, "甲")
    newer = private_data_dir / "backups" / "daily-2026-11-23.sqlite"
    newer.write_bytes(b"\0" * 4096)
    (private_data_dir / DB_NAME).write_bytes(b"x")
    opened = open_store(private_data_dir, now=DAY + dt.timedelta(days=1))
    assert opened.report.restored_from is not None
    assert opened.report.restored_from.name == "daily-2026-11-22.sqlite"
    opened.close()


def test_backup_and_restore_round_trip_from_the_cli(private_data_dir: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    _saved_profile(private_data_dir, "甲")
    out = tmp_path / "my-backup.sqlite"
    assert main(["backup", "--out", str(out)]) == 0
    assert "完整性检查通过" in capsys.readouterr().out
    assert main(["backup", "--out", str(out)]) == 1  # never overwrites silently
    _saved_profile(private_data_dir, "乙")
    assert _names(private_data_dir) == ["乙", "甲"]

    assert main(["restore", str(out)]) == 0
    said = capsys.readouterr().out
    assert "已从" in said and "原数据库已保存为" in said
    assert _names(private_data_dir) == ["甲"]
    kept = next(private_data_dir.glob("huiqi.before-restore-*.sqlite"))
    conn = sqlite3.connect(kept)
    assert conn.execute("SELECT count(*) FROM profiles").fetchone() == (2,)
    conn.close()


def test_restore_refuses_a_bad_file_and_changes_nothing(private_data_dir: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    _saved_profile(private_data_dir, "甲")
    before = (private_data_dir / DB_NAME).read_bytes()
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"SQLite format 3\0" + b"\xff" * 2000)
    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    for bad, message in ((broken, "无法使用"), (foreign, "不是惠企申报助手的数据库"),
                         (tmp_path / "missing.sqlite", "不存在")):
        assert main(["restore", str(bad)]) == 1
        assert message in capsys.readouterr().err
    assert (private_data_dir / DB_NAME).read_bytes() == before
    assert _names(private_data_dir) == ["甲"]


def test_restore_is_refused_while_the_app_is_running(private_data_dir: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    _saved_profile(private_data_dir, "甲")
    out = tmp_path / "b.sqlite"
    running = open_store(private_data_dir)
    try:
        assert main(["backup", "--out", str(out)]) == 0  # backing up a live database is safe
        assert main(["restore", str(out)]) == 1
        assert "另一个惠企申报助手正在使用" in capsys.readouterr().err
    finally:
        running.close()


def test_second_copy_is_told_another_is_running(private_data_dir: Path) -> None:
    first = open_store(private_data_dir)
    try:
        profile = first.store.create_profile({"name": "甲"})
        with pytest.raises(AlreadyRunningError, match="另一个惠企申报助手正在使用"):
            open_store(private_data_dir)
        first.store.save_answer(RecordRef("profile", profile), "employees", "12")
    finally:
        first.close()
    second = open_store(private_data_dir)
    assert second.store.answers(RecordRef("profile", profile)) == {"name": "甲", "employees": "12"}
    second.close()


def test_backup_copy_is_self_contained(private_data_dir: Path, tmp_path: Path) -> None:
    opened = open_store(private_data_dir)
    make_tech_upgrade(opened.store)
    # While the app is open, recent commits sit in the WAL; the copy must still hold them.
    copy = backups.copy_database(private_data_dir / DB_NAME, tmp_path / "copy.sqlite")
    opened.close()
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert conn.execute("SELECT count(*) FROM equipment_lines").fetchone() == (2,)
    conn.close()
    assert not Path(str(copy) + "-wal").exists()
