"""Screenshots of the application wizards in the real window (run under Xvfb by
``tools/wizard_screenshots.sh``).  The examples are imported into a fresh data folder as a user
would (``import``), then each wizard is opened at its main pages; the equipment list is pasted
through the clipboard.  A tool, not a test: the tests drive the same widgets and assert."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop.applications.stored import import_application_file
from desktop.store.startup import open_store
from desktop.ui.app import ROLE_SETTING, Shell, create_application
from desktop.ui.fonts import register_bundled_fonts
from desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
PASTED = ("设备名称\t规格型号\t数量\t单位\t单价\t供应商\n"
          "全封闭矿热炉炉体\t12500kVA\t2\t套\t450万\t西安某电炉有限公司\n"
          "余热锅炉\tQC-35\t2\t台\t2,800,000\t杭州某锅炉有限公司\n"
          "汽轮发电机组\tN6-2.35\t1\t套\t360万元\t南京某汽轮机厂\n"
          "脉冲布袋除尘器\tLCM-1200\t2\t台\t110万\t江苏某环保设备有限公司\n"
          "DCS自动化控制系统\t\t1\t套\t160万\t北京某自动化有限公司\n")


def main(out_dir: Path) -> int:
    app = create_application()
    register_bundled_fonts(app)
    data = Path(tempfile.mkdtemp(prefix="wizard-scene-"))
    opened = open_store(data)
    store = opened.store
    store.set_setting(ROLE_SETTING, "enterprise")
    ids = {}
    for kind in ("loan_interest", "tech_upgrade", "rd_institution"):
        done = import_application_file(store, ROOT / "examples" / f"application_{kind}.json",
                                       rulepack_id="huiqi-builtin", rulepack_version="2026.11.1",
                                       title={"loan_interest": "中小企业流动资金贷款贴息",
                                              "tech_upgrade": "技术改造项目（附件3）",
                                              "rd_institution": "新认定研发机构奖励"}[kind])
        ids[kind] = (done.application_id, done.profile_id)
    # The tech upgrade's equipment list is pasted in the window, not imported.
    tech_id = ids["tech_upgrade"][0]
    for ref in store.lines(tech_id, "equipment"):
        store.remove_line(ref)
    shell = Shell(app, opened)
    shell.start("zh_CN", ask_first_run=False)
    window = shell.window
    assert window is not None
    window.move(0, 0)
    window.resize(1366, 740)
    scenes: list[tuple[str, Callable[[MainWindow], None]]] = []

    def open_app(kind: str, page: str, day: dt.date) -> Callable[[MainWindow], None]:
        def run(win: MainWindow) -> None:
            app_id, profile_id = ids[kind]
            win._fill_profiles(select=profile_id)
            assert win.dashboard is not None
            win.dashboard.set_assessed_on(day)
            frame = win.wizards.open(app_id)
            assert frame is not None
            frame.go_to_page(page)
            if page == "equipment" and not frame.lines["equipment"]:
                QGuiApplication.clipboard().setText(PASTED)
                frame.tables["equipment"].paste_button.click()
            if page == "loans" and kind == "tech_upgrade" and not frame.lines["loan"]:
                frame.edited("financing_support_form", "interest_subsidy")
                frame.add_rows("loan", [
                    {"bank": "中国建设银行西宁城东支行", "contract_no": "JH-2011-088", "principal": "1000万",
                     "signed_on": "2011年5月20日", "start_on": "2011-06-01", "end_on": "2014-05-31",
                     "annual_rate": "6.65%"},
                    {"bank": "青海银行", "contract_no": "QH-2008-17", "principal": "500万",
                     "signed_on": "2008-11-03"}])
            if page == "subsidy":
                frame.inputs["assumed_ratio"].set_answer("50%")
                frame.edited("assumed_ratio", "50%")
        return run

    loan_day, tech_day, rd_day = dt.date(2011, 12, 10), dt.date(2012, 3, 1), dt.date(2018, 6, 1)
    scenes = [
        ("wizard-loans-failing-row", open_app("loan_interest", "loans", loan_day)),
        ("wizard-loan-subsidy", open_app("loan_interest", "subsidy", loan_day)),
        ("wizard-loan-route", open_app("loan_interest", "route", loan_day)),
        ("wizard-loan-review", open_app("loan_interest", "review", loan_day)),
        ("wizard-tech-project", open_app("tech_upgrade", "project", tech_day)),
        ("wizard-tech-investment", open_app("tech_upgrade", "investment", tech_day)),
        ("wizard-tech-loans", open_app("tech_upgrade", "loans", tech_day)),
        ("wizard-tech-equipment-pasted", open_app("tech_upgrade", "equipment", tech_day)),
        ("wizard-tech-materials", open_app("tech_upgrade", "materials", tech_day)),
        ("wizard-rd-institution", open_app("rd_institution", "institution", rd_day)),
        ("wizard-rd-award", open_app("rd_institution", "staff", rd_day)),
        ("wizard-rd-review", open_app("rd_institution", "review", rd_day)),
    ]

    only = os.environ.get("WIZARD_SCENES")  # e.g. "wizard-loan-route": just these scenes
    if only:
        scenes = [scene for scene in scenes if scene[0] in only.split(",")]

    def step(index: int) -> None:
        if index > 0:
            name = scenes[index - 1][0]
            geometry = window.frameGeometry()
            screen = QGuiApplication.primaryScreen()
            shot = screen.grabWindow(0, geometry.x(), geometry.y(), min(geometry.width(), 1366),
                                     min(geometry.height(), 768))
            shot.save(str(out_dir / f"{name}.png"))
            print(f"wrote {out_dir / name}.png", flush=True)
        if index == len(scenes):
            QApplication.quit()
            return
        scenes[index][1](window)
        QTimer.singleShot(1200, lambda: step(index + 1))

    QTimer.singleShot(1500, lambda: step(0))
    app.exec()
    shell.close()
    opened.close(backup=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]).resolve()))
