"""Drive the real app in its own process for the kill tests (tests/ui/test_save_paths.py).

``python tests/ui/app_driver.py DATA_DIR MODE`` starts the app as users start it
(``run_app``: the Shell, the real store, the session hooks), creates an enterprise through
the real menu action, types "160" into 从业人员 with key events, then takes one save path and
prints ``READY`` when the user would consider the work saved.  The test then kills the
process with SIGKILL (no clean close) and reopens the database.

Apart from MODE=pause, the typing pause is set to ten minutes, so only the path under test
can have written the answer.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.store.startup import open_store
from desktop.ui import controller
from desktop.ui.app import ROLE_SETTING, create_application, run_app
from desktop.ui.main_window import MainWindow

FIELD = "enterprise.employees"


def say(word: str) -> None:
    print(word, flush=True)


def main(data_dir: Path, mode: str) -> int:
    first = open_store(data_dir)
    first.store.set_setting(ROLE_SETTING, "enterprise")  # past the first-run dialog
    first.close(backup=False)
    if mode != "pause":
        controller.SAVE_AFTER_MS = 600_000
    app = create_application()

    def window() -> MainWindow:
        return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())

    def when_saved(then: str) -> None:
        def check() -> None:
            if window().profile_editor.save_state.text().startswith("已保存"):
                say(then)
            else:
                QTimer.singleShot(20, check)
        check()

    def drive() -> None:
        main_window = window()
        if not main_window.controller.store_open:
            # Painted from the first page's read: the user's input waits for the store (run_app
            # holds it back until then), and so does this stand-in for the user.
            QTimer.singleShot(20, drive)
            return
        main_window.activateWindow()
        QTest.qWaitForWindowActive(main_window)  # focus and Tab work as on a desktop
        new_profile = main_window.findChild(QAction, "newProfile")
        assert new_profile is not None
        new_profile.trigger()
        say(f"PROFILE {main_window.current_profile_id}")
        edit = main_window.profile_editor.edits[FIELD]
        edit.setFocus()
        QTest.keyClicks(edit, "160")
        say("TYPED")
        if mode == "pause":
            when_saved("READY")  # nothing but waiting
        elif mode == "leave":
            QTest.keyClick(edit, Qt.Key.Key_Tab)
            when_saved("READY")
        elif mode == "switch":
            main_window.profile_switcher.setCurrentIndex(0)  # to the sample, focus unmoved
            say("READY")
        elif mode == "close":
            app.setQuitOnLastWindowClosed(False)  # the process lives on until the kill
            quit_action = main_window.findChild(QAction, "quit")
            assert quit_action is not None
            quit_action.trigger()
            say("READY")
        elif mode == "quit":
            # The session manager quits the app and kills it right after: the Shell's own
            # aboutToQuit slot (connected first) must have written everything by then.
            app.aboutToQuit.connect(lambda: (say("READY"), os.kill(os.getpid(), signal.SIGKILL)))
            app.quit()
        # mode "sigterm": the test sends SIGTERM after TYPED.

    QTimer.singleShot(0, drive)
    return run_app(data_dir)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
