"""Long enterprise names are shown whole (switcher, list, dashboard) at 1366×768 and at 150%
(910×512 logical pixels); a restart reopens the enterprise and the page last used, a wizard too."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.applications.stored import create_draft
from desktop.store.startup import OpenedStore
from desktop.ui.app import ROLE_SETTING, Shell
from desktop.ui.main_window import APPLICATIONS_ROW, DASHBOARD_ROW, MATERIALS_ROW, PROFILE_ROW, MainWindow
from tests.ui.clicks import menu_action
from tests.ui.wizard.helpers import type_text

pytestmark = pytest.mark.gui
LONG = "内蒙古乌海市海南区西来峰工业园区某某煤焦化工新材料科技股份有限公司"  # 34 characters
OTHER = "青海省西宁市城东区某某高原特色生物医药科技发展有限责任公司"


@pytest.fixture
def shell(qtbot: QtBot, opened: OpenedStore) -> Iterator[Shell]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    opened.store.set_setting(ROLE_SETTING, "enterprise")
    shell = Shell(app, opened)
    yield shell
    shell.close()


def _start(shell: Shell, qtbot: QtBot) -> MainWindow:
    shell.start("zh_CN", ask_first_run=False)
    assert shell.window is not None
    qtbot.waitExposed(shell.window)
    return shell.window


def _click_page(qtbot: QtBot, window: MainWindow, row: int) -> None:
    navigation = window.navigation
    rect = navigation.visualItemRect(navigation.item(row))
    qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert navigation.currentRow() == row


def _whole_in(widget: QWidget, window: MainWindow) -> bool:
    """The widget's right edge is inside the window (not pushed off by a wide neighbour)."""
    right = widget.mapTo(window, QPoint(widget.width(), 0)).x()
    return right <= window.width()


def _shows_whole(window: MainWindow, name: str) -> bool:
    switcher = window.profile_switcher
    room = switcher.width() - 40  # the frame and the drop-down arrow
    return switcher.currentText() == name and switcher.fontMetrics().horizontalAdvance(name) <= room


@pytest.mark.parametrize("size", [(1180, 728), (910, 512)], ids=["1366x768", "150%"])
def test_a_long_name_typed_later_is_shown_whole(qtbot: QtBot, shell: Shell, size: tuple[int, int]) -> None:
    window = _start(shell, qtbot)
    window.resize(*size)
    menu_action(window, "newProfile").trigger()  # the switcher was sized before this name existed
    name = window.profile_editor.edits["enterprise.name"]
    assert isinstance(name, QLineEdit)
    type_text(qtbot, name, LONG)
    with qtbot.waitSignal(window.profile_editor.saved, timeout=5000):
        qtbot.keyClick(name, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: window.profile_switcher.currentText() == LONG)
    assert _shows_whole(window, LONG), (window.profile_switcher.width(), size)
    assert window.profile_switcher.toolTip() == LONG
    # The open list is as wide as its longest name.
    view = window.profile_switcher.view()
    assert view.minimumWidth() >= view.fontMetrics().horizontalAdvance(LONG)
    # The dashboard names it without pushing the date box and the table off the window.
    _click_page(qtbot, window, DASHBOARD_ROW)
    dashboard = window.dashboard
    assert dashboard is not None
    assert LONG in dashboard.enterprise_label.text()
    assert _whole_in(dashboard.date_edit, window) and _whole_in(dashboard.table, window)


def test_in_a_narrow_window_the_programme_names_stay_readable(qtbot: QtBot, shell: Shell) -> None:
    window = _start(shell, qtbot)  # the sample enterprise: its table has the widest columns
    # The window's narrowest: 1366×768 at 150% (910 px) with the bundled fonts squeezed the name
    # column under xcb; the offscreen test fonts are narrower, so the test narrows the window.
    window.resize(window.minimumWidth(), 512)
    _click_page(qtbot, window, DASHBOARD_ROW)
    table = window.dashboard.table  # type: ignore[union-attr]
    least = table.fontMetrics().horizontalAdvance("政" * 10)
    # The name column keeps ten characters (it was squeezed to two, "策项"); the table scrolls instead.
    qtbot.waitUntil(lambda: table.horizontalHeader().sectionSize(1) >= least)
    window.resize(1180, 728)  # with room, the name takes all the room the other columns leave
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: sum(header.sectionSize(c) for c in range(header.count()))
                    >= table.viewport().width() - 2)
    assert header.sectionSize(1) > least


def test_a_restart_reopens_the_enterprise_and_the_page_last_used(qtbot: QtBot, shell: Shell,
                                                                 opened: OpenedStore) -> None:
    store = opened.store
    first, second = store.create_profile({"name": LONG}), store.create_profile({"name": OTHER})
    window = _start(shell, qtbot)
    window.profile_switcher.setCurrentIndex(window.profile_switcher.findData(second))
    _click_page(qtbot, window, APPLICATIONS_ROW)
    shell.close()
    again = _start(shell, qtbot)
    assert again.current_profile_id == second
    assert again.navigation.currentRow() == APPLICATIONS_ROW
    assert again.pages.currentWidget() is again.applications

    # Another page, another enterprise: both remembered.
    again.profile_switcher.setCurrentIndex(again.profile_switcher.findData(first))
    _click_page(qtbot, again, MATERIALS_ROW)
    shell.close()
    third = _start(shell, qtbot)
    assert third.current_profile_id == first and third.pages.currentWidget() is third.materials
    assert _shows_whole(third, LONG)


def test_a_restart_reopens_the_wizard_last_used_at_its_page(qtbot: QtBot, shell: Shell,
                                                            opened: OpenedStore) -> None:
    profile = opened.store.create_profile({"name": OTHER, "region_code": "630102"})
    create_draft(opened.store, profile, "loan_interest", programme_id="qh-2011-sme-loan-interest",
                 title="流动资金贷款贴息", rulepack_id="huiqi-builtin", rulepack_version="2026.11.1")
    window = _start(shell, qtbot)
    window.profile_switcher.setCurrentIndex(window.profile_switcher.findData(profile))
    _click_page(qtbot, window, APPLICATIONS_ROW)
    page = window.applications
    page.table.selectRow(0)
    page.open_button.click()
    frame = window.wizards.frame
    assert frame is not None and window.pages.currentWidget() is frame
    frame.page_list.setCurrentRow(frame.spec.page_index("pledge"))
    shell.close()
    again = _start(shell, qtbot)
    reopened = again.wizards.frame
    assert reopened is not None and again.pages.currentWidget() is reopened
    assert reopened.application_id == frame.application_id and reopened.page_key == "pledge"
    # Leaving the wizard for a page: that page next time.
    _click_page(qtbot, again, PROFILE_ROW)
    shell.close()
    assert _start(shell, qtbot).pages.currentWidget() is not None
    assert shell.window is not None and shell.window.navigation.currentRow() == PROFILE_ROW
