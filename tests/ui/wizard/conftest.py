"""A real window on a private data folder, with one enterprise typed in beforehand."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication

from desktop.store.startup import OpenedStore
from desktop.ui.app import ROLE_SETTING, Shell
from desktop.ui.main_window import MainWindow


@pytest.fixture
def window_for(opened: OpenedStore) -> Iterator[Callable[[dict[str, str]], MainWindow]]:
    shells: list[Shell] = []

    def make(profile: dict[str, str]) -> MainWindow:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        opened.store.set_setting(ROLE_SETTING, "enterprise")
        profile_id = opened.store.create_profile(profile)
        shell = Shell(app, opened)
        shells.append(shell)
        shell.start("zh_CN", ask_first_run=False)
        assert shell.window is not None
        shell.window._fill_profiles(select=profile_id)
        return shell.window

    yield make
    for shell in shells:
        shell.close()
