"""The Qt binding must not leak references to ``None``.

PySide6-Essentials 6.12.0 on Python < 3.12 drops one reference to ``None`` on every Qt call
that returns nothing; after some tens of thousands of calls (30,000 ``QLabel.setText``, or a
dozen switches between two large enterprises) Python aborts with
``Fatal Python error: none_dealloc``.  From 3.12 on ``None`` is immortal and its count is
fixed, so the check means something only below 3.12, where ``pyproject.toml`` pins the
binding below 6.12.  This test fails if someone lifts that pin (or a later release brings
the leak back) on a Python where it can kill the process.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.gui

CALLS = 2_000
# Other code may take or drop a handful of references meanwhile (the garbage collector,
# pytest's own bookkeeping); the bad binding drops one per call, i.e. thousands.
TOLERANCE = 50


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_repeated_ui_calls_keep_the_reference_count_of_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    label.setText("预热")  # first calls may create caches that hold None
    before = sys.getrefcount(None)
    for n in range(CALLS):
        label.setText(f"已保存 {n}")  # a Qt call that returns nothing: the leaking kind
        label.setVisible(False)
    after = sys.getrefcount(None)
    assert after >= before - TOLERANCE, (
        f"{CALLS} Qt calls lowered the reference count of None by {before - after}: this Qt "
        "binding will crash the app (Fatal Python error: none_dealloc); keep PySide6 below 6.12 "
        "on Python < 3.12")
