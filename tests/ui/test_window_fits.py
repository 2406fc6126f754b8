"""The window fits an office PC's 1366×768 screen at 100%, 125% and 150% scaling."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop.rules.database import bundled_pack
from desktop.ui.main_window import MainWindow
from desktop.ui.status_text import rulepack_status_text

pytestmark = pytest.mark.gui
TASKBAR = 48  # Windows' taskbar at 125%, in logical pixels


@pytest.mark.parametrize("scale", [1.0, 1.25, 1.5])
def test_everything_needed_fits_1366_by_768(qtbot: QtBot, scale: float) -> None:
    window = MainWindow(rulepack_status_text(), bundled_pack())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    width, height = int(1366 / scale), int(768 / scale) - TASKBAR
    minimum = window.minimumSizeHint()
    assert minimum.width() <= width and minimum.height() <= height, (scale, minimum)


def test_the_default_size_is_within_the_screen_and_the_status_bar_shows(qtbot: QtBot) -> None:
    window = MainWindow(rulepack_status_text(), bundled_pack())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    free = window.screen().availableGeometry()  # 800×800 on the offscreen platform
    assert window.width() <= free.width() and window.height() <= free.height()
    bar = window.statusBar()
    assert bar.isVisible() and bar.geometry().bottom() <= window.height()
