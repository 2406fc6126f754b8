"""The equipment table takes a block pasted from a spreadsheet; a draft survives a kill and
reopens on the page where it was left, with what was typed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from desktop.applications.answers import PAGE_KEY
from desktop.applications.stored import create_draft
from desktop.rules.database import bundled_pack
from desktop.store.autosave import Autosaver
from desktop.store.startup import OpenedStore, open_store
from desktop.ui.wizard.frame import WizardFrame
from tests.conftest import ROOT

pytestmark = pytest.mark.gui
PASTED = ("设备名称\t规格型号\t数量\t单位\t单价\t供应商\n"
          "33000kVA矿热炉\tKRF-33000\t2\t台\t1,250万元\t西安某电炉有限公司\n"
          "余热锅炉\tYG-40\t1\t台\t380万\t杭州某锅炉有限公司\n"
          "DCS自动化控制系统\t\t1\t套\t1,600,000\t北京某自动化有限公司\n")



def test_paste_rows_from_a_spreadsheet(qtbot: QtBot, opened: OpenedStore) -> None:
    store = opened.store
    pack = bundled_pack()
    profile = store.create_profile({"name": "青海示例硅业有限公司", "region_code": "630121"})
    app_id = create_draft(store, profile, "tech_upgrade", programme_id="qh-2011-tech-upgrade",
                          title="硅铁技改", rulepack_id="p", rulepack_version="1")
    autosaver = Autosaver(store)
    frame = WizardFrame(store, autosaver, pack, app_id)
    qtbot.addWidget(frame)
    frame.go_to_page("equipment")
    QGuiApplication.clipboard().setText(PASTED)
    table = frame.tables["equipment"]
    table.paste_button.click()
    assert table.table.rowCount() == 3
    assert table.totals.text() == "共 3 行，合计 30,400,000.00 元（3040.00 万元）"
    assert table.table.item(0, len(table.columns)).text() == "2500.00 万元"
    # Saved in the store as pasted, one record per row.
    rows = [store.answers(ref) for ref in store.lines(app_id, "equipment")]
    assert rows[0]["unit_price"] == "1,250万元" and rows[2].get("model") is None
    table.table.selectRow(1)
    table.duplicate_button.click()
    assert "合计 34,200,000.00 元" in table.totals.text()
    table.table.selectRow(3)
    table.remove_button.click()
    assert "合计 30,400,000.00 元" in table.totals.text()
    # Two rows picked with the mouse (click, then Shift+click): 删除所选行 removes both.
    grid = table.table
    first, second = (grid.visualRect(grid.model().index(row, 0)).center() for row in (0, 1))
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                     pos=second)
    assert table.selected_rows() == [0, 1]
    table.remove_button.click()
    assert grid.rowCount() == 1 and table.totals.text().startswith("共 1 行，合计 1,600,000.00 元")
    assert len(store.lines(app_id, "equipment")) == 1
    autosaver.close()


WRITER = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from desktop.applications.stored import create_draft
from desktop.rules.database import bundled_pack
from desktop.store.autosave import Autosaver
from desktop.store.startup import open_store
from desktop.ui.wizard.frame import WizardFrame

app = QApplication([])
opened = open_store(Path(sys.argv[1]))
store = opened.store
profile = store.create_profile({"name": "青海示例机械制造有限公司"})
app_id = create_draft(store, profile, "loan_interest", programme_id="qh-2011-sme-loan-interest",
                      title="贴息", rulepack_id="p", rulepack_version="1")
frame = WizardFrame(store, Autosaver(store), bundled_pack(), app_id)
frame.show()
frame.go_to_page("pledge")
edit = frame.inputs["pledge_fund_name"].line
edit.setFocus()
edit.insert("中小企业流动资金贷款贴息")
edit.textEdited.emit(edit.text())
saved = []
frame.saved.connect(lambda result: saved.append(result.field))
while "pledge_fund_name" not in saved:   # the typing pause, then the reported save
    app.processEvents()
print(app_id, flush=True)
while True:
    app.processEvents()
"""


def test_a_draft_survives_a_kill_and_resumes_on_its_page(private_data_dir: Path, tmp_path: Path) -> None:
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, str(script), str(private_data_dir)], stdout=subprocess.PIPE,
                               text=True, env=env, cwd=ROOT)
    assert process.stdout is not None
    line = process.stdout.readline()  # blocks until the save was reported
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    app_id = int(line)
    opened = open_store(private_data_dir)
    try:
        answers = opened.store.answers(opened.store.single_part(app_id))
        assert answers["pledge_fund_name"] == "中小企业流动资金贷款贴息"
        assert answers[PAGE_KEY] == "pledge"
        frame = WizardFrame(opened.store, Autosaver(opened.store), bundled_pack(), app_id)
        assert frame.page_key == "pledge"
        assert frame.inputs["pledge_fund_name"].answer() == "中小企业流动资金贷款贴息"
        frame.deleteLater()
    finally:
        opened.close(backup=False)


def test_back_keeps_input_and_typos_are_flagged_inline(qtbot: QtBot, opened: OpenedStore) -> None:
    from PySide6.QtWidgets import QApplication

    from tests.ui.wizard.helpers import fill

    store = opened.store
    profile = store.create_profile({"name": "青海示例机械制造有限公司"})
    app_id = create_draft(store, profile, "loan_interest", programme_id="qh-2011-sme-loan-interest",
                          title="贴息", rulepack_id="p", rulepack_version="1")
    autosaver = Autosaver(store)
    frame = WizardFrame(store, autosaver, bundled_pack(), app_id)
    qtbot.addWidget(frame)
    frame.show()
    frame.go_to_page("enterprise")
    fill(qtbot, frame, "contact_person", "李春梅")
    fill(qtbot, frame, "prepared_on", "2011年13月1日")  # a typo
    error = frame.errors["prepared_on"]
    assert error.isVisible() and "没有这一天" in error.text() and "已按原样保存" in error.text()
    assert QApplication.activeModalWidget() is None  # no dialog for a typo
    frame.next.click()
    frame.back.click()
    assert frame.page_key == "enterprise"
    assert frame.inputs["contact_person"].answer() == "李春梅"
    assert frame.inputs["prepared_on"].answer() == "2011年13月1日"  # kept as typed
    # The typo is saved as typed (after the pause or on leaving the field), never dropped.
    main = store.single_part(app_id)
    qtbot.waitUntil(lambda: store.answers(main).get("prepared_on") == "2011年13月1日")
    autosaver.close()


def test_the_loan_reason_stays_readable_in_a_narrow_window(qtbot: QtBot, opened: OpenedStore) -> None:
    """The tech-upgrade trial's window opened 1180 px wide: the reason column was squeezed to
    about 25 px and each reason wrapped a character per line.  It keeps a readable width and the
    table scrolls sideways; widened again, the column takes the free width."""
    store = opened.store
    profile = store.create_profile({"name": "青海示例硅业有限公司", "region_code": "630121"})
    app_id = create_draft(store, profile, "loan_interest", programme_id="qh-2011-sme-loan-interest",
                          title="贴息", rulepack_id="p", rulepack_version="1")
    autosaver = Autosaver(store)
    frame = WizardFrame(store, autosaver, bundled_pack(), app_id)
    qtbot.addWidget(frame)
    frame.resize(760, 600)
    frame.show()
    qtbot.waitExposed(frame)
    frame.go_to_page("loans")
    frame.add_rows("loan", [{"bank": "青海银行", "contract_no": "QH-1", "principal": "100万",
                             "start_on": "2011-10-01", "end_on": "2012-01-01", "annual_rate": "6%"}])
    table = frame.tables["loan"]
    note = len(table.columns)
    qtbot.waitUntil(lambda: table.table.columnWidth(note) >= table.table.NOTE_MIN_WIDTH)
    frame.resize(2400, 900)
    qtbot.waitUntil(lambda: table.table.columnWidth(note) > table.table.NOTE_MIN_WIDTH + 200)
    autosaver.close()
