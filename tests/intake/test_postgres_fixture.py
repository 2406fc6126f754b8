"""Without PostgreSQL binaries the PostgreSQL tests skip saying how to install them; in CI they fail."""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.intake import postgres

ONE_TEST = "tests/intake/test_desk.py::test_a_database_from_a_newer_program_is_refused[postgresql]"


def _run(ci: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HUIQI_PG_BIN": str(ROOT / "no-such-folder"), "CI": ci}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:randomly", ONE_TEST],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)


def test_skips_with_how_to_install_outside_ci() -> None:
    result = _run("")
    assert result.returncode == 0, result.stdout
    assert "1 skipped" in result.stdout and "apt-get install postgresql" in result.stdout


def test_fails_in_ci() -> None:
    result = _run("true")
    assert result.returncode != 0, result.stdout
    assert "CI=true" in result.stdout and "1 error" in result.stdout


# --- the throwaway server never outlives its run ----------------------------------------------

SERVE = """
import sys
from tests.intake import postgres
with postgres.throwaway_server() as url:
    print(url, flush=True)
    sys.stdin.read()
"""


def _started() -> tuple[subprocess.Popen[str], Path]:
    child = subprocess.Popen([sys.executable, "-c", SERVE], cwd=ROOT, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    url = child.stdout.readline()
    assert "unix_sock=" in url, url
    return child, Path(url.strip().split("unix_sock=", 1)[1]).parent


def _postmaster(base: Path) -> int:
    return int((base / "data" / "postmaster.pid").read_text(encoding="ascii").split()[0])


def _watchdog(base: Path) -> int:
    for entry in Path("/proc").iterdir():
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"--watch" in argv and str(base).encode() in argv:
            return int(entry.name)
    raise AssertionError(f"no watchdog for {base}")


def _wait_gone(pid: int, seconds: float = 60) -> None:
    """Wait for a process that is not our child to end (a pidfd polls readable when it has)."""
    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:
        return
    try:
        poller = select.poll()
        poller.register(handle, select.POLLIN)
        assert poller.poll(seconds * 1000), f"process {pid} still running after {seconds} s"
    finally:
        os.close(handle)


needs_postgres = pytest.mark.skipif(not postgres.available(), reason=postgres.HOW_TO_INSTALL)


@needs_postgres
def test_a_killed_run_leaves_no_server_behind() -> None:
    child, base = _started()
    postmaster, watchdog = _postmaster(base), _watchdog(base)
    child.kill()  # SIGKILL: no finally, no atexit
    child.wait()
    _wait_gone(watchdog)
    _wait_gone(postmaster, 1)
    assert not base.exists()


@needs_postgres
def test_the_next_run_stops_a_server_whose_watchdog_died_too() -> None:
    child, base = _started()
    postmaster, watchdog = _postmaster(base), _watchdog(base)
    os.kill(watchdog, signal.SIGKILL)
    _wait_gone(watchdog)
    child.kill()
    child.wait()
    assert postgres._postmaster_running(base / "data")  # left behind, as before the watchdog
    # A run still going (this one, with a folder of its own) is left alone.
    ours = Path(tempfile.mkdtemp(prefix=postgres.PREFIX))
    (ours / postgres.OWNER).write_text(f"{os.getpid()} {postgres._start_time(os.getpid())}")
    try:
        stopped = postgres.stop_stale()
        assert base in stopped and ours not in stopped and ours.exists()
    finally:
        shutil.rmtree(ours)
    _wait_gone(postmaster)
    assert not base.exists()
