"""The official's desk (主管部门): the screens over :mod:`desktop.intake`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui.i18n import translate

if TYPE_CHECKING:  # an enterprise's window never imports the desk (it pulls in the bundle builder)
    from desktop.rules.pack import RulePack
    from desktop.store.store import Store


def desk_page_for(role: str, pack: RulePack | None, store: Store | None) -> QWidget | None:
    """The 收件台 page for an official (on the data folder's SQLite desk), else None."""
    if role != "official" or pack is None or store is None:
        return None
    from desktop.intake.desk import DeskError, default_url
    from desktop.ui.desk.controller import DeskController
    from desktop.ui.desk.page import DeskPage

    try:
        return DeskPage(DeskController(default_url(store.data_dir), pack))
    except DeskError as exc:
        return QLabel(translate("DeskPage", "收件台无法打开：") + str(exc))
