"""Put the real app into one named state and save a picture of the screen.

Run under Xvfb by ``tools/screenshot.sh`` (``SCENE=dashboard tools/screenshot.sh out.png``):
the window is the one users get (the Shell, a real data folder, the bundled rule pack);
only the clicks are made by code.  Scenes: first-run, profile, profile-more, dashboard, source,
dashboard-en, dashboard-split.  A tool, not a test: the tests drive the same widgets and assert on them.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer

from desktop.store.startup import open_store
from desktop.ui.app import ROLE_SETTING, Shell, create_application
from desktop.ui.first_run import FirstRunDialog
from desktop.ui.fonts import register_bundled_fonts
from desktop.ui.main_window import DASHBOARD_ROW, PROFILE_ROW, MainWindow

PROGRAMME = "sjz-2017-rd-institution"


def _profile_scene(window: MainWindow) -> None:
    window.new_profile()
    editor = window.profile_editor
    typed = {"enterprise.name": "石家庄新星机械有限公司", "enterprise.uscc": "91130100MA07L2T95X",
             "enterprise.region_code": "130102", "enterprise.industry_code": "3442",
             "enterprise.employees": "260", "enterprise.revenue": "1.8亿", "enterprise.assets": "12万吨",
             "enterprise.rd_expense": "8,000万元", "institution.recognised_on": "2018年1月15日"}
    for path, text in typed.items():
        edit = editor.edits[path]
        edit.set_answer(text)
        edit.answer_edited.emit(edit.answer())
    editor.flush()
    editor.focus_fact("enterprise.uscc")


def _profile_more_scene(window: MainWindow) -> None:
    """Further down the form, everything unfolded: the long yes/no questions of 经营、税收与用工."""
    _profile_scene(window)
    editor = window.profile_editor
    editor.fold_button.click()
    editor.focus_fact("enterprise.energy_saving_retrofit")


def _dashboard_scene(window: MainWindow) -> None:
    window.navigation.setCurrentRow(DASHBOARD_ROW)
    assert window.dashboard is not None
    window.dashboard.select_programme(PROGRAMME)


def _split_scene(window: MainWindow) -> None:
    """A Qinghai financing whose 1% award is split: the headline is the enterprise's own 50%."""
    import datetime as dt
    from decimal import Decimal

    from desktop.facts import FactsFile
    from desktop.facts.model import Enterprise

    window.navigation.setCurrentRow(DASHBOARD_ROW)
    dashboard = window.dashboard
    assert dashboard is not None
    dashboard.set_assessed_on(dt.date(2012, 1, 15))
    dashboard.set_facts(FactsFile(enterprise=Enterprise(
        name="西宁示例铸造有限公司", region_code="630102", industry_code="3150", employees=120,
        revenue=Decimal("30000000"), direct_financing=Decimal("100000000"),
        direct_financing_on=dt.date(2012, 1, 10), financing_kind="trust")))
    dashboard.select_programme("qh-2011-direct-financing-award")
    bar = dashboard.detail.verticalScrollBar()
    bar.setValue(bar.maximum())  # the amount, its split and its clause are at the end


def _source_scene(window: MainWindow) -> None:
    _dashboard_scene(window)
    assert window.dashboard is not None and window.dashboard.current_result is not None
    window.open_citation(window.dashboard.current_result, "1")
    assert window.source_viewer is not None
    window.source_viewer.move(window.x() + 260, window.y() + 60)


def main(scene: str, out: Path) -> int:
    app = create_application()
    register_bundled_fonts(app)
    data = Path(tempfile.mkdtemp(prefix="scene-"))
    opened = open_store(data)
    if scene == "first-run":
        shell = None
        dialog = FirstRunDialog("zh_CN")
        dialog.show()
        target = dialog
    else:
        opened.store.set_setting(ROLE_SETTING, "enterprise")
        shell = Shell(app, opened)
        shell.start("en" if scene.endswith("-en") else "zh_CN", ask_first_run=False)
        window = shell.window
        assert window is not None
        window.move(0, 0)
        {"profile": _profile_scene, "profile-more": _profile_more_scene, "dashboard": _dashboard_scene,
         "dashboard-en": _dashboard_scene, "source": _source_scene,
         "dashboard-split": _split_scene}[scene](window)
        if scene.startswith("profile"):
            window.navigation.setCurrentRow(PROFILE_ROW)
        target = window

    def grab() -> None:
        screen = app.primaryScreen()
        geometry = target.frameGeometry()
        if scene == "source":
            geometry = geometry.united(shell.window.source_viewer.frameGeometry())  # type: ignore[union-attr]
        screen.grabWindow(0, geometry.x(), geometry.y(), geometry.width(), geometry.height()).save(str(out))
        print(f"wrote {out}")
        app.quit()

    QTimer.singleShot(1500, grab)  # a tool: let the first paint settle before grabbing
    app.exec()
    if shell is not None:
        shell.close()
    opened.close(backup=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2]).resolve()))
