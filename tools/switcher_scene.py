"""The enterprise switcher with long names, and the window after a restart (run under Xvfb by
``tools/screenshot.sh``):

    SCREEN=1366x768 SCENE_TOOL=tools/switcher_scene.py SCENE=switcher tools/screenshot.sh out.png
    SCREEN=1366x768 QT_SCALE_FACTOR=1.5 SCENE_TOOL=tools/switcher_scene.py SCENE=restart \\
        tools/screenshot.sh out.png

``switcher``: two enterprises with long names, the switcher's list open; ``long``: the longer
one chosen, the list closed.  ``restart``: 我的申报
chosen for the second enterprise, the window closed and started again on the same data folder.
A tool, not a test: ``tests/ui/test_switcher_and_restart.py`` drives the same widgets and asserts.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.store.startup import open_store
from desktop.ui.app import ROLE_SETTING, Shell, create_application
from desktop.ui.fonts import register_bundled_fonts
from desktop.ui.main_window import APPLICATIONS_ROW

NAMES = ("内蒙古乌海市海南区西来峰工业园区某某煤焦化工新材料科技股份有限公司",
         "青海省西宁市城东区某某高原特色生物医药科技发展有限责任公司")


def main(scene: str, out: Path) -> int:
    app = create_application()
    register_bundled_fonts(app)
    opened = open_store(Path(tempfile.mkdtemp(prefix="switcher-scene-")))
    store = opened.store
    store.set_setting(ROLE_SETTING, "enterprise")
    ids = [store.create_profile({"name": name}) for name in NAMES]
    shell = Shell(app, opened)
    shell.start("zh_CN", ask_first_run=False)
    window = shell.window
    assert window is not None
    chosen = ids[0 if scene == "long" else 1]
    window.profile_switcher.setCurrentIndex(window.profile_switcher.findData(chosen))
    if scene == "restart":
        window.navigation.setCurrentRow(APPLICATIONS_ROW)
        shell.close()
        shell.start("zh_CN", ask_first_run=False)
        window = shell.window
        assert window is not None
    window.move(0, 0)
    if scene == "switcher":
        QTimer.singleShot(800, window.profile_switcher.showPopup)

    def grab() -> None:
        screen = app.primaryScreen()
        size = screen.geometry()
        screen.grabWindow(0, 0, 0, size.width(), size.height()).save(str(out))
        print(f"wrote {out}")
        QApplication.quit()

    QTimer.singleShot(1800, grab)  # a tool: let the first paint settle before grabbing
    app.exec()
    shell.close()
    opened.close(backup=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2]).resolve()))
