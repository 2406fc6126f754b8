"""A clerk's trial of the loan-subsidy wizard: a loan contract is attached to the loan it belongs
to, the loans table types like a spreadsheet, the subsidy share is a share, the bundle's folder is
the Documents one and is remembered."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from desktop.applications.answers import read_draft
from desktop.applications.per_loan import FILE_ONLY_WORDS, asks_per_loan
from desktop.applications.stored import attachment_refs
from desktop.documents import materials as checklist
from desktop.documents.drafting import draft
from desktop.store.startup import OpenedStore
from desktop.ui.main_window import MainWindow
from desktop.ui.wizard.generate import GeneratePanel
from desktop.ui.wizard.inputs import LineInput
from desktop.ui.wizard.materials import MaterialsPanel
from tests.ui.wizard.helpers import fill, fill_cell, open_wizard
from tests.ui.wizard.test_loan_interest_wizard import PROGRAMME, window  # noqa: F401

pytestmark = pytest.mark.gui
LOANS = ({"bank": "青海银行", "contract_no": "QH-2011-0615", "principal": "500万",
          "start_on": "2011-06-15", "end_on": "2012-06-15", "annual_rate": "6.56%"},
         {"bank": "西宁农商银行", "contract_no": "XN-2011-1015", "principal": "1,000,000",
          "start_on": "2011-10-15", "end_on": "2012-10-14", "annual_rate": "6%"})


def test_checklist_and_page_agree_on_per_loan_items() -> None:
    assert checklist.NEEDS_FILE == FILE_ONLY_WORDS


def test_a_contract_is_attached_to_its_loan(qtbot: QtBot, window: MainWindow, opened: OpenedStore,  # noqa: F811
                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    frame = open_wizard(window, PROGRAMME)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert frame.folder.text() == str(Path(documents) / "申报包")  # not the home folder's root
    table = frame.tables["loan"]
    table.add_button.click()
    table.add_button.click()
    for row, cells in enumerate(LOANS):
        for field, text in cells.items():
            fill_cell(qtbot, frame, "loan", row, field, text)
    fill(qtbot, frame, "loan_purpose", "贷款用于购买钢材、铸件等原材料和支付职工工资。")
    frame.go_to_page("enterprise")
    fill(qtbot, frame, "contact_person", "李春梅")
    fill(qtbot, frame, "contact_phone", "0971-5123456")
    fill(qtbot, frame, "prepared_on", "2011年12月10日")
    frame.go_to_page("pledge")
    fill(qtbot, frame, "pledge_fund_name", "中小企业流动资金贷款贴息")
    fill(qtbot, frame, "pledge_management_measures", "青海省中小企业发展专项资金管理办法")
    fill(qtbot, frame, "pledge_indicators", "2012年实现销售收入4600万元。")
    fill(qtbot, frame, "pledge_construction_period", "2011年12月至2012年12月")
    frame.go_to_page("materials")
    panel: MaterialsPanel = frame.materials_panel
    items = [panel.materials_list.item(i) for i in range(panel.materials_list.count())]
    contract_item = next(i for i in items if asks_per_loan("loan_interest", panel_material(i)))
    contract = panel_material(contract_item)
    panel.materials_list.scrollToItem(contract_item)
    rect = panel.materials_list.visualItemRect(contract_item)
    qtbot.mouseClick(panel.materials_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.current_material() == contract
    assert panel.loan_combo.isVisible()
    labels = [panel.loan_combo.itemText(i) for i in range(panel.loan_combo.count())]
    assert len(labels) == 2 and "青海银行" in labels[0] and "QH-2011-0615" in labels[0]
    assert not any("全部" in label for label in labels)
    panel.loan_combo.setFocus()
    qtbot.keyClick(panel.loan_combo, Qt.Key.Key_Home)
    assert panel.loan_combo.currentIndex() == 0
    pdf = tmp_path / "流动资金贷款合同.pdf"
    pdf.write_bytes(b"%PDF-1.4 contract of loan 1\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(pdf), "")))
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(panel.attach_button, Qt.MouseButton.LeftButton)

    refs = attachment_refs(opened.store, frame.application_id)
    assert [(r.material, r.loan) for r in refs] == [(contract, 1)]
    shown = panel.attached_list.item(0).text()
    assert "流动资金贷款合同.pdf" in shown and "第1笔贷款" in shown and "青海银行" in shown

    frame.flush()
    state = read_draft(frame.state_draft())
    assert state.application is not None
    result = draft(state.application, frame.pack, dt.datetime(2011, 12, 10, 9, 0))
    status = next(s for s in checklist.material_statuses(result.context) if s.name == contract)
    assert "流动资金贷款合同.pdf" in status.where
    # Loan 1's contract is provided; whatever is said of loan 2, loan 1 is not asked for again.
    assert "第1笔" not in status.where and "第1、" not in status.where, status.where

    # The folder a bundle was saved to is the next wizard's folder.
    out = tmp_path / "out"
    out.mkdir()
    frame.go_to_page("review")
    frame.folder.clear()
    frame.folder.setFocus()
    qtbot.keyClicks(frame.folder, str(out))
    with qtbot.waitSignal(frame.generated, timeout=60_000):
        qtbot.mouseClick(frame.generate_button, Qt.MouseButton.LeftButton)
    assert GeneratePanel(opened.store, frame.pack, frame.application_id).folder.text() == str(out)


def panel_material(item: object) -> str:
    from PySide6.QtWidgets import QListWidgetItem

    assert isinstance(item, QListWidgetItem)
    return str(item.data(Qt.ItemDataRole.UserRole))


def type_keys(qtbot: QtBot, text: str) -> None:
    """Each key goes where the keyboard's focus is, as on a real keyboard."""
    for char in text:
        target = QApplication.focusWidget()
        assert target is not None
        qtbot.keyClick(target, char)


def press(qtbot: QtBot, key: Qt.Key) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key)


def test_loans_table_types_like_a_spreadsheet(qtbot: QtBot, window: MainWindow) -> None:  # noqa: F811
    frame = open_wizard(window, PROGRAMME)
    table = frame.tables["loan"]
    table.add_button.click()
    view = table.table
    view.setFocus()
    view.setCurrentCell(0, 0)
    cells = ("ICBC", "C-1", "500000", "2011-06-15", "2012-06-15", "6%")
    for text in cells:
        type_keys(qtbot, text)  # typing into the selected cell starts editing it
        press(qtbot, Qt.Key.Key_Tab)
    assert view.currentColumn() == len(cells)  # the optional 已付利息, left empty
    press(qtbot, Qt.Key.Key_Tab)
    # Tab past the row's last cell, on the last row, added a row and went to its first cell.
    assert view.rowCount() == 2
    assert (view.currentRow(), view.currentColumn()) == (1, 0)
    assert [view.item(0, c).text() for c in range(len(cells))] == list(cells)
    type_keys(qtbot, "BOC")
    press(qtbot, Qt.Key.Key_Return)  # Enter too goes on to the next cell (the editor closes queued)
    qtbot.waitUntil(lambda: (view.currentRow(), view.currentColumn()) == (1, 1))
    assert view.item(1, 0).text() == "BOC"
    frame.flush()
    assert frame.lines["loan"][0]["bank"] == "ICBC" and frame.lines["loan"][0]["annual_rate"] == "6%"
    assert frame.lines["loan"][1]["bank"] == "BOC"


def test_subsidy_share_is_a_share_of_the_interest(qtbot: QtBot, window: MainWindow) -> None:  # noqa: F811
    frame = open_wizard(window, PROGRAMME)
    frame.go_to_page("subsidy")
    edit = frame.inputs["assumed_ratio"]
    assert isinstance(edit, LineInput)
    hint = edit.line.placeholderText()
    assert "利息的比例" in hint and "6.56" not in hint
    fill(qtbot, frame, "assumed_ratio", "656%")
    error = frame.errors["assumed_ratio"]
    assert error.isVisible() and "须小于 100%" in error.text()
    assert "自估" not in frame.page_notes["subsidy"].text()  # the refused share is not used
    fill(qtbot, frame, "assumed_ratio", "50%")
    assert not error.isVisible()

