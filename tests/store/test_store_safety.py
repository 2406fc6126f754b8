"""Issue 14, problems 1 to 5: nothing lost from the store, its backups or a restore."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.store import backups
from desktop.store.engine import NotADatabaseError
from desktop.store.lock import AlreadyRunningError
from desktop.store.records import RecordRef
from desktop.store.startup import CREATED_MARKER, DB_NAME, open_store
from desktop.store.verify import verify_copy

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.datetime(2026, 11, 22, 9, 30)
CHILD_ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def _profiles(data_dir: Path, *names: str, when: dt.datetime = DAY) -> None:
    opened = open_store(data_dir, now=when)
    try:
        for name in names:
            opened.store.create_profile({"name": name})
    finally:
        opened.close()


def _names(data_dir: Path) -> list[str]:
    opened = open_store(data_dir)
    try:
        assert not opened.report.missing and not opened.report.recovered, opened.report.messages()
        return sorted(p.name for p in opened.store.list_profiles())
    finally:
        opened.close()


def _remove_database(data_dir: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        (data_dir / (DB_NAME + suffix)).unlink(missing_ok=True)


# -- 1. a missing database is recovered, and said so ------------------------------------------

def test_missing_database_is_recovered_from_the_newest_backup_and_reported(private_data_dir: Path) -> None:
    _profiles(private_data_dir, "甲", "乙")
    _remove_database(private_data_dir)  # a cleaner, a sync tool
    opened = open_store(private_data_dir, now=DAY + dt.timedelta(hours=3))
    try:
        report = opened.report
        assert report.missing and not report.created
        assert report.restored_from is not None and report.restored_from.name == "daily-2026-11-22.sqlite"
        text = "\n".join(report.messages())
        assert "不见了" in text and "2 家企业" in text and "daily-2026-11-22.sqlite" in text
        assert sorted(p.name for p in opened.store.list_profiles()) == ["乙", "甲"]
    finally:
        opened.close()


def test_missing_database_with_nothing_to_recover_from_is_not_silent(private_data_dir: Path) -> None:
    _profiles(private_data_dir, "甲")
    _remove_database(private_data_dir)
    for path in (private_data_dir / "backups").iterdir():
        path.unlink()
    opened = open_store(private_data_dir)
    try:
        assert opened.report.missing and opened.report.restored_from is None
        assert any("没有找到可用的备份" in m for m in opened.report.messages())
    finally:
        opened.close()


def test_only_a_truly_first_start_creates_a_database_quietly(private_data_dir: Path) -> None:
    opened = open_store(private_data_dir)
    try:
        assert opened.report.created and opened.report.messages() == []
        assert (private_data_dir / CREATED_MARKER).is_file()
    finally:
        opened.close()


def test_an_emptied_session_never_overwrites_a_fuller_backup(private_data_dir: Path) -> None:
    _profiles(private_data_dir, "甲", "乙")
    opened = open_store(private_data_dir, now=DAY)
    for profile in opened.store.list_profiles():
        opened.store.delete_profile(profile.id)
    opened.close()
    folder = private_data_dir / "backups"
    assert verify_copy(folder / "daily-2026-11-22.sqlite").profiles == 2
    beside = [p for p in folder.glob("daily-2026-11-22-*.sqlite")]
    assert len(beside) == 1 and verify_copy(beside[0]).profiles == 0


# -- 2. the lock is never dropped --------------------------------------------------------------

def test_cli_backup_while_the_app_runs_keeps_its_wal_and_later_saves_land(private_data_dir: Path,
                                                                        tmp_path: Path) -> None:
    _profiles(private_data_dir, "甲", when=DAY - dt.timedelta(days=1))
    opened = open_store(private_data_dir)  # the first start of a day: the daily backup runs here
    try:
        assert (private_data_dir / "backups" / f"daily-{dt.date.today().isoformat()}.sqlite").is_file()
        ref = RecordRef("profile", opened.store.list_profiles()[0].id)
        opened.store.save_answer(ref, "employees", "10")
        wal = private_data_dir / (DB_NAME + "-wal")
        inode = wal.stat().st_ino
        out = tmp_path / "copy.sqlite"
        done = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(private_data_dir),
                               "backup", "--out", str(out)], cwd=ROOT, env=CHILD_ENV,
                              capture_output=True, text=True, encoding="utf-8", check=False)
        assert done.returncode == 0, done.stderr
        assert wal.exists() and wal.stat().st_ino == inode, "the app's WAL was deleted or replaced"
        second = subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; from "
                                 "desktop.store.startup import open_store; open_store(Path(sys.argv[1]))",
                                 str(private_data_dir)], cwd=ROOT, env=CHILD_ENV,
                                capture_output=True, text=True, encoding="utf-8", check=False)
        assert second.returncode != 0 and "AlreadyRunningError" in second.stderr
        opened.store.save_answer(ref, "employees", "11")
        # Another process sees the later save: it went into the live WAL, not a deleted file.
        reader = sqlite3.connect(private_data_dir / DB_NAME)
        value = reader.execute("SELECT value FROM profile_answers WHERE field='employees'").fetchone()
        assert reader.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        reader.close()
        assert value == ("11",)
        assert verify_copy(out).profiles == 1
    finally:
        opened.close()
    with pytest.raises(AlreadyRunningError):
        held = open_store(private_data_dir)
        try:
            open_store(private_data_dir)
        finally:
            held.close()


# -- 3. restore accepts only this program's database, atomically --------------------------------

def _foreign_database(path: Path, revision: str = "0002") -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE profiles (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    conn.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    conn.execute("INSERT INTO profiles VALUES (1, 'not ours')")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("revision", ["0001", "0002", "0003"])
def test_restore_refuses_another_programs_database_and_changes_nothing(
        private_data_dir: Path, tmp_path: Path, revision: str, capsys: pytest.CaptureFixture[str]) -> None:
    _profiles(private_data_dir, "甲")
    before = sorted(p.name for p in private_data_dir.iterdir() if p.name != "logs")
    foreign = _foreign_database(tmp_path / "other.sqlite", revision)
    assert main(["--data-dir", str(private_data_dir), "restore", str(foreign)]) == 1
    assert "不是惠企申报助手的数据库" in capsys.readouterr().err
    assert sorted(p.name for p in private_data_dir.iterdir() if p.name != "logs") == before
    assert _names(private_data_dir) == ["甲"]


def test_restore_refuses_our_schema_without_our_application_id(private_data_dir: Path,
                                                               tmp_path: Path) -> None:
    _profiles(private_data_dir, "甲")
    copy = backups.copy_database(private_data_dir / DB_NAME, tmp_path / "copy.sqlite")
    conn = sqlite3.connect(copy)
    conn.execute("PRAGMA application_id = 1234")
    conn.commit()
    conn.close()
    assert main(["--data-dir", str(private_data_dir), "restore", str(copy)]) == 1


def test_restore_pointed_at_the_live_file_is_refused(private_data_dir: Path) -> None:
    _profiles(private_data_dir, "甲")
    assert main(["--data-dir", str(private_data_dir), "restore", str(private_data_dir / DB_NAME)]) == 1
    assert _names(private_data_dir) == ["甲"]


def test_a_kill_at_any_point_of_restore_leaves_the_old_or_the_new_database(private_data_dir: Path,
                                                                          tmp_path: Path) -> None:
    _profiles(private_data_dir, "新")
    source = backups.copy_database(private_data_dir / DB_NAME, tmp_path / "source.sqlite")
    opened = open_store(private_data_dir)
    opened.store.delete_profile(opened.store.list_profiles()[0].id)
    opened.store.create_profile({"name": "旧"})
    opened.close(backup=False)
    pristine = tmp_path / "pristine"
    subprocess.run(["cp", "-a", str(private_data_dir), str(pristine)], check=True)

    def run(kill_at: int) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "tests.store.restore_child", str(private_data_dir),
                               str(source), str(kill_at)], cwd=ROOT, env=CHILD_ENV,
                              capture_output=True, text=True, encoding="utf-8", check=False)

    finished = run(10**9)
    assert finished.returncode == 0, finished.stderr
    total = int(finished.stdout.split()[-1])
    outcomes = set()
    for kill_at in sorted({1, total - 1, total, *range(1, total, max(1, total // 7))}):
        subprocess.run(["rm", "-rf", str(private_data_dir)], check=True)
        subprocess.run(["cp", "-a", str(pristine), str(private_data_dir)], check=True)
        killed = run(kill_at)
        assert killed.returncode in (0, 9), killed.stderr
        names = _names(private_data_dir)  # no "missing", no "recovered"
        assert names in (["旧"], ["新"]), (kill_at, names)
        outcomes.add(names[0])
    assert outcomes == {"旧", "新"}


# -- 4. damage inside a record never reaches a backup -----------------------------------------------

def test_damage_inside_a_record_never_replaces_a_good_backup(private_data_dir: Path) -> None:
    _profiles(private_data_dir, "甲")
    good = private_data_dir / "backups" / "daily-2026-11-22.sqlite"
    before = good.read_bytes()
    opened = open_store(private_data_dir, now=DAY)
    conn = sqlite3.connect(private_data_dir / DB_NAME)
    # Bytes that are not UTF-8 in a text column: the page is sound, the record is not.
    conn.execute("UPDATE profile_answers SET value = CAST(x'c3ff28' AS TEXT) WHERE field = 'name'")
    conn.commit()
    assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    conn.close()
    opened.close()  # the clean close tries to refresh today's backup
    assert good.read_bytes() == before
    with pytest.raises(NotADatabaseError, match="记录"):
        backups.copy_database(private_data_dir / DB_NAME, private_data_dir / "x.sqlite")


# -- 5. two writers on one record lose nothing ------------------------------------------------------

def test_two_concurrent_writers_on_one_record_lose_no_update(private_data_dir: Path) -> None:
    opened = open_store(private_data_dir)
    profile_id = opened.store.create_profile({"name": "甲"})
    opened.close()
    count = 150
    writers = [subprocess.Popen([sys.executable, "-m", "tests.store.concurrent_writer",
                                 str(private_data_dir / DB_NAME), str(private_data_dir), str(profile_id),
                                 prefix, str(count)], cwd=ROOT, env=CHILD_ENV, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, encoding="utf-8")
               for prefix in ("a", "b")]
    for writer in writers:
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0 and "done" in out, err
    opened = open_store(private_data_dir)
    try:
        answers = opened.store.answers(RecordRef("profile", profile_id))
    finally:
        opened.close()
    expected = {f"{p}{i}": f"{p}-{i}" for p in ("a", "b") for i in range(count)}
    missing = sorted(k for k, v in expected.items() if answers.get(k) != v)
    assert missing == [], f"{len(missing)} acknowledged saves lost"


def test_a_wal_left_without_its_database_is_kept_not_replayed(private_data_dir: Path) -> None:
    _profiles(private_data_dir, "甲")
    (private_data_dir / DB_NAME).unlink()
    (private_data_dir / (DB_NAME + "-wal")).write_bytes(b"left behind by a sync tool")
    opened = open_store(private_data_dir)
    try:
        assert opened.report.missing and [p.name for p in opened.store.list_profiles()] == ["甲"]
    finally:
        opened.close()
    kept = list(private_data_dir.glob(DB_NAME + "-wal.orphaned-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"left behind by a sync tool"
