"""The GUI start-up with the user database: recovery is told, a second copy is refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.store.startup import DB_NAME, open_store
from desktop.ui.app import run_app

pytestmark = pytest.mark.gui


def test_corrupted_database_is_recovered_and_the_user_told(
        qtbot: QtBot, private_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = open_store(private_data_dir, now=dt.datetime.now() - dt.timedelta(days=1))
    first.store.create_profile({"name": "甲"})
    first.close()
    (private_data_dir / DB_NAME).write_bytes(b"\x00garbage" * 512)
    assert run_app(private_data_dir, smoke_test=True) == 0
    out = capsys.readouterr().out
    assert "数据库文件已损坏" in out and "已从" in out and "smoke test ok" in out


def test_missing_database_is_recovered_and_the_user_told_what_and_from_when(
        qtbot: QtBot, private_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = open_store(private_data_dir, now=dt.datetime(2026, 11, 20, 9, 0))
    first.store.create_profile({"name": "甲"})
    first.close()
    for suffix in ("", "-wal", "-shm"):
        (private_data_dir / (DB_NAME + suffix)).unlink(missing_ok=True)
    assert run_app(private_data_dir, smoke_test=True) == 0
    out = capsys.readouterr().out
    assert "不见了" in out and "daily-2026-11-20.sqlite" in out and "1 家企业" in out
    assert "smoke test ok" in out


def test_second_copy_is_told_another_is_running(
        qtbot: QtBot, private_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    running = open_store(private_data_dir)
    try:
        assert run_app(private_data_dir, smoke_test=True) == 1
    finally:
        running.close()
    assert "另一个惠企申报助手正在使用" in capsys.readouterr().out


def test_the_window_is_destroyed_when_the_app_ends(
        qtbot: QtBot, private_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Its signal connections refer back to it, so only an explicit delete frees it (and stops
    its timers); a window outliving its closed database is a crash waiting to happen."""
    import gc

    from desktop.ui.main_window import MainWindow

    def windows() -> int:
        gc.collect()
        return sum(isinstance(thing, MainWindow) for thing in gc.get_objects())

    before = windows()
    assert run_app(private_data_dir, smoke_test=True) == 0
    assert "smoke test ok" in capsys.readouterr().out
    assert windows() == before
