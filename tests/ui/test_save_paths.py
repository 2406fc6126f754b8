"""Every way the user's typing can end reaches the database, proven by killing the real app.

Each case runs the app in its own process (``tests/ui/app_driver.py``), types "160" into
从业人员 of a new enterprise, takes one save path, and is then killed with SIGKILL — no clean
close, no flush at exit.  Reopening the database must show 160.  The driver waits with real
timers; nothing calls a flush by hand.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desktop.store.records import RecordRef
from desktop.store.startup import open_store

pytestmark = [pytest.mark.gui, pytest.mark.slow]
DRIVER = Path(__file__).with_name("app_driver.py")
TIMEOUT = 60


def _start(data_dir: Path, mode: str) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    process = subprocess.Popen([sys.executable, str(DRIVER), str(data_dir), mode], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # A hung app must fail the test, not hang the suite: the pipe read below would wait forever.
    watchdog = threading.Timer(TIMEOUT, process.kill)
    watchdog.daemon = True
    watchdog.start()
    return process


def _read_until(process: subprocess.Popen[str], word: str) -> list[str]:
    assert process.stdout is not None
    lines: list[str] = []
    for line in process.stdout:  # blocks on the pipe: no sleeping, no polling
        lines.append(line.strip())
        if line.strip() == word:
            return lines
    process.wait(TIMEOUT)
    stderr = process.stderr.read() if process.stderr else ""
    pytest.fail(f"the app ended before {word}: {lines}\n{stderr[-3000:]}")


def _saved_employees(data_dir: Path, profile_id: int) -> str | None:
    reopened = open_store(data_dir)
    try:
        return reopened.store.answers(RecordRef("profile", profile_id)).get("employees")
    finally:
        reopened.close(backup=False)


def _profile_id(lines: list[str]) -> int:
    return int(next(line for line in lines if line.startswith("PROFILE ")).split()[1])


@pytest.mark.parametrize("mode", ["pause", "leave", "switch", "close", "quit"])
def test_a_save_path_then_a_kill_keeps_the_typing(tmp_path: Path, mode: str) -> None:
    data_dir = tmp_path / "data"
    process = _start(data_dir, mode)
    try:
        lines = _read_until(process, "READY")
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait(TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(TIMEOUT)
    assert process.returncode == -signal.SIGKILL  # killed, never closed cleanly
    assert _saved_employees(data_dir, _profile_id(lines)) == "160", mode


def test_the_os_ending_the_session_with_sigterm_keeps_the_typing(tmp_path: Path) -> None:
    """systemd and logind end a session with SIGTERM: typed a moment ago, not yet paused."""
    data_dir = tmp_path / "data"
    process = _start(data_dir, "sigterm")
    try:
        lines = _read_until(process, "TYPED")
        process.send_signal(signal.SIGTERM)
        process.wait(TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(TIMEOUT)
    assert process.returncode == 0  # it quit on its own, having saved
    assert _saved_employees(data_dir, _profile_id(lines)) == "160"
