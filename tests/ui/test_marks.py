"""Every status mark renders with the bundled fonts (⌛ showed as an empty box)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from desktop.ui.fonts import register_bundled_fonts
from desktop.ui.labels import OUTCOME_MARKS, STATUS_MARKS

pytestmark = pytest.mark.gui


def test_every_mark_is_in_the_bundled_body_font(qapp: QApplication) -> None:
    register_bundled_fonts(qapp)
    metrics = QFontMetrics(qapp.font())
    marks = set(STATUS_MARKS.values()) | set(OUTCOME_MARKS.values())
    missing = sorted(mark for mark in marks if not all(metrics.inFontUcs4(ord(c)) for c in mark))
    assert not missing
