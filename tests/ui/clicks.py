"""Clicking what users click: a link in a rich-text pane, an item of a menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMainWindow, QTextBrowser
from pytestqt.qtbot import QtBot


def click_link(qtbot: QtBot, browser: QTextBrowser, href: str) -> None:
    """Scroll the link with this target into view and click it with the mouse."""
    document = browser.document()
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.isValid() and fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + max(fragment.length() // 2, 1))
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                point = browser.cursorRect(cursor).center()
                qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
                return
            fragments += 1
        block = block.next()
    raise AssertionError(f"no link to {href} in the pane")


def menu_action(window: QMainWindow, name: str) -> QAction:
    """The action users reach through the menu bar, found by its object name."""
    action = window.findChild(QAction, name)
    assert action is not None, name
    assert any(name == a.objectName() for menu in window.menuBar().actions() if menu.menu()
               for a in _all_actions(menu.menu().actions())), f"{name} is not in a menu"
    return action


def _all_actions(actions: list[QAction]) -> list[QAction]:
    found: list[QAction] = []
    for action in actions:
        found.append(action)
        if action.menu() is not None:
            found += _all_actions(action.menu().actions())
    return found
