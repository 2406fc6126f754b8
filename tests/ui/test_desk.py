"""The 收件台 as an official uses it: typing a name, receiving a folder, reviewing, exporting."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.applications.io import read_application
from desktop.bundle.build import bundle_bytes
from desktop.documents.drafting import draft
from desktop.intake.desk import Desk
from desktop.rules.database import bundled_pack
from desktop.store.startup import OpenedStore, open_store
from desktop.ui.app import ROLE_SETTING, Shell
from desktop.ui.desk.controller import DeskController
from desktop.ui.desk.page import DeskPage
from tests.conftest import ROOT
from tests.intake.bundles import CREATED, honest, write
from tests.intake.test_desk import county_pack

pytestmark = pytest.mark.gui


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    for kind in ("tech_upgrade", "loan_interest", "rd_institution"):
        write(folder / f"{kind}.zip", honest(kind))
    loan = read_application(ROOT / "examples" / "application_loan_interest.json")
    again = bundle_bytes(draft(loan, bundled_pack(), CREATED.replace(day=2)), {})
    write(folder / "loan_interest_again.zip", again)
    write(folder / "broken.zip", honest("rd_institution")[:2000])
    return folder


@pytest.fixture
def page(qtbot: QtBot, tmp_path: Path) -> Iterator[DeskPage]:
    controller = DeskController(f"sqlite:///{tmp_path / 'desk.sqlite3'}", county_pack(tmp_path), workers=1)
    shown = DeskPage(controller)
    qtbot.addWidget(shown)
    shown.resize(1300, 700)
    shown.show()
    yield shown
    controller.close()


def _type(widget: QLineEdit, text: str) -> None:
    """Chinese arrives through the input method as committed text (QTest types ASCII only)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _row_of(page: DeskPage, words: str) -> int:
    """The row whose programme names ``words``."""
    return next(index for index in range(page.table.rowCount()) if words in page.table.item(index, 2).text())


def test_receive_review_and_export(qtbot: QtBot, page: DeskPage, usb: Path, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(usb))
    # No name yet: nothing is received, and the official is told why.
    qtbot.mouseClick(page.receive_folder_button, Qt.MouseButton.LeftButton)
    assert "经办人" in page.message.text() and not page.controller.busy
    _type(page.official, "王科长")
    qtbot.mouseClick(page.receive_folder_button, Qt.MouseButton.LeftButton)
    assert not page.receive_folder_button.isEnabled()  # working in the background
    qtbot.waitUntil(lambda: page.table.rowCount() == 4 and page.receive_folder_button.isEnabled(),
                    timeout=180_000)
    assert "收件 4 份" in page.status.text() and "拒收 1 份" in page.status.text()
    assert "broken.zip" in page.message.text()
    # The loan application sent twice is flagged on both rows.
    texts = [[page.table.item(index, column).text() for column in range(7)] for index in range(4)]
    flagged = [index for index, row in enumerate(texts) if row[6]]
    loans = [index for index, row in enumerate(texts) if "贴息" in row[2]]
    assert set(loans) <= set(flagged) and len(loans) == 2
    assert "重复申报" in page.table.item(loans[0], 6).toolTip()

    # The R&D application: the county's pack gives 300 万元 where the enterprise claimed 500.
    rd = _row_of(page, "研发机构")
    page.table.selectRow(rd)
    html = page.detail.toPlainText()
    assert "500.00 万元" in html and "300.00 万元" in html and "复核结果不同" in html
    qtbot.mouseClick(page.review_buttons["reviewing"], Qt.MouseButton.LeftButton)
    assert page.table.item(rd, 3).text() == "审核中"
    qtbot.mouseClick(page.review_buttons["returned"], Qt.MouseButton.LeftButton)
    assert "须填写理由" in page.message.text() and page.table.item(rd, 3).text() == "审核中"
    _type(page.reason, "请按本县规则包核减奖励金额")
    qtbot.mouseClick(page.review_buttons["returned"], Qt.MouseButton.LeftButton)
    assert page.table.item(rd, 3).text() == "退回补正"
    assert "王科长" in page.detail.toPlainText() and "请按本县规则包核减奖励金额" in page.detail.toPlainText()

    # Another official changes the same application meanwhile: this screen's change is refused.
    app_id = page.current_id()
    assert app_id is not None
    other = Desk(page.controller.url)
    other.review(app_id, "reviewing", who="赵主任")
    other.close()
    qtbot.mouseClick(page.review_buttons["reviewing"], Qt.MouseButton.LeftButton)
    assert "已被他人修改" in page.message.text() and "赵主任" in page.message.text()
    assert page.table.item(rd, 3).text() == "审核中"  # refreshed to what 赵主任 did

    out = tmp_path / "汇总表.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(out), ""))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert out.is_file() and "已导出汇总表" in page.message.text()
    assert load_workbook(out)["汇总表"]["A1"].value == "惠企政策申报汇总表"


@pytest.fixture
def official_shell(qtbot: QtBot, private_data_dir: Path) -> Iterator[tuple[Shell, OpenedStore]]:
    opened = open_store(private_data_dir)
    opened.store.set_setting(ROLE_SETTING, "official")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    shell = Shell(app, opened)
    yield shell, opened
    shell.close()
    opened.close(backup=False)


def test_the_official_role_opens_on_the_desk(qtbot: QtBot, official_shell: tuple[Shell, OpenedStore]) -> None:
    shell, _opened = official_shell
    assert shell.start(None, ask_first_run=False)
    window = shell.window
    assert window is not None and window.desk_page is not None
    assert window.pages.currentWidget() is window.desk_page
    assert not window.role_note.isVisibleTo(window)
    shell.set_role("enterprise")
    assert shell.window is not None and shell.window.desk_page is None
