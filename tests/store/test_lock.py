"""The data folder's lock: one holder at a time, released by release() or by the process ending."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store.lock import AlreadyRunningError, DataDirLock

ROOT = Path(__file__).resolve().parents[2]


def test_a_second_holder_is_refused_until_the_first_releases(tmp_path: Path) -> None:
    first, second = DataDirLock(tmp_path), DataDirLock(tmp_path)
    first.acquire()
    assert first.held
    with pytest.raises(AlreadyRunningError) as refused:
        second.acquire()
    assert refused.value.data_dir == tmp_path and not second.held
    first.release()
    assert not first.held
    with second:
        assert second.held
    assert not second.held


def test_a_holder_that_dies_leaves_no_stale_lock(tmp_path: Path) -> None:
    """The OS drops the lock with the process: a crash never locks the user out."""
    code = ("import os, sys; from pathlib import Path; from desktop.store.lock import DataDirLock; "
            "DataDirLock(Path(sys.argv[1])).acquire(); os._exit(9)")
    died = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, check=False)
    assert died.returncode == 9
    with DataDirLock(tmp_path) as lock:
        assert lock.held


def test_another_process_holding_the_folder_refuses_this_one(tmp_path: Path) -> None:
    code = ("import sys; from pathlib import Path; from desktop.store.lock import DataDirLock; "
            "DataDirLock(Path(sys.argv[1])).acquire(); print('held', flush=True); sys.stdin.read()")
    holder = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(AlreadyRunningError):
            DataDirLock(tmp_path).acquire()
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    with DataDirLock(tmp_path) as lock:
        assert lock.held
