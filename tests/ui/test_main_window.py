"""The real main window: navigation pages and the rule-pack status line."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow
from desktop.ui.status_text import rulepack_status_text

pytestmark = pytest.mark.gui


def test_status_line_names_pack_and_warns_when_everything_expired(qtbot: QtBot) -> None:
    window = MainWindow(rulepack_status_text(dt.date(2026, 11, 22)))
    qtbot.addWidget(window)
    text = window.rulepack_label.text()
    assert "huiqi-builtin" in text and "2011-12-01 至 2020-12-31" in text
    assert "均已过期" in text and "主管部门" in text


def test_status_line_in_force_has_no_warning(qtbot: QtBot) -> None:
    text = rulepack_status_text(dt.date(2018, 6, 1))
    assert "均已过期" not in text and "项政策当前有效" in text


def test_navigation_switches_pages(qtbot: QtBot) -> None:
    window = MainWindow("")
    qtbot.addWidget(window)
    window.navigation.setCurrentRow(1)
    assert window.pages.currentIndex() == 1
