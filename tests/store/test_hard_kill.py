"""SIGKILL in the middle of a stream of autosaves, many times: nothing acknowledged is lost."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store.startup import DB_NAME, open_store
from tests.conftest import ROOT
from tests.store.conftest import make_tech_upgrade

RUNS = 25


def _expected(i: int) -> str:
    return f"值{i}" * (1 + i % 7)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
def test_hard_kill_during_autosave_never_loses_an_acknowledged_write(private_data_dir: Path) -> None:
    opened = open_store(private_data_dir)
    _, app_id, _ = make_tech_upgrade(opened.store)
    opened.close()
    rng = random.Random(20261122)
    acknowledged: dict[int, int] = {}
    for _ in range(RUNS):
        kill_after = rng.randint(1, 120)
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.store.autosave_writer", str(private_data_dir), str(app_id)],
            cwd=ROOT, stdout=subprocess.PIPE, text=True, encoding="utf-8",
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert child.stdout is not None
        line_id = int(child.stdout.readline().split()[1])
        last = -1
        for text in child.stdout:
            last = int(text.split()[1])
            if last + 1 >= kill_after:
                break
        child.send_signal(signal.SIGKILL)  # no clean-up of any kind, like a power cut for the process
        child.wait()
        child.stdout.close()
        assert child.returncode == -signal.SIGKILL
        acknowledged[line_id] = last

        conn = sqlite3.connect(private_data_dir / DB_NAME)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            for line, acked in acknowledged.items():
                answers = dict(conn.execute("SELECT field, value FROM equipment_line_answers "
                                            "WHERE record_id = ?", (line,)).fetchall())
                missing = [i for i in range(acked + 1) if answers.get(f"f{i}") != _expected(i)]
                assert missing == [], f"line {line}: acknowledged writes lost: {missing[:5]}"
        finally:
            conn.close()
    assert len(acknowledged) == RUNS
    # And the app itself opens the result without reporting any damage.
    after = open_store(private_data_dir)
    assert not after.report.recovered
    after.close()
