"""The window's “导入规则包…” menu item; the dialog (:mod:`desktop.ui.rulepack_dialog`) and the
pack machinery behind it are imported when it is chosen, not when the window is built."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from desktop.ui.i18n import translate

DraftsSource = Callable[[], Sequence[Any]]


def add_import_action(menu: QMenu, window: QWidget, data_dir: Path, drafts: DraftsSource,
                      installed: Callable[[], None]) -> QAction:
    """Add “导入规则包…” to ``menu``; ``installed`` runs once the dialog closes after an install."""
    action = menu.addAction(translate("RulePackDialog", "导入规则包(&I)…"))
    action.setObjectName("importRulePack")

    def open_dialog() -> None:
        from desktop.ui.rulepack_dialog import RulePackDialog

        dialog = RulePackDialog(data_dir, drafts, window)
        done: list[bool] = []
        dialog.installed.connect(lambda: done.append(True))
        dialog.exec()
        dialog.deleteLater()
        if done:
            installed()

    action.triggered.connect(open_dialog)
    return action
