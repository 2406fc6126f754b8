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
    asked: list[str] = []
    monkeypatch.setattr(page, "ask_paths", lambda title, **kwargs: asked.append(title) or [usb])
    # No name yet: the official is asked first, before any file is picked.
    qtbot.mouseClick(page.receive_folder_button, Qt.MouseButton.LeftButton)
    assert "经办人" in page.message.text() and not page.controller.busy and asked == []
    _type(page.official, "王科长")
    qtbot.mouseClick(page.receive_folder_button, Qt.MouseButton.LeftButton)
    assert not page.receive_folder_button.isEnabled()  # working in the background
    qtbot.waitUntil(lambda: page.table.rowCount() == 4 and page.receive_folder_button.isEnabled(),
                    timeout=180_000)
    assert "收件 4 份" in page.status.text() and "拒收 1 份" in page.status.text()
    assert "broken.zip" in page.message.text()
    # The loan application sent twice is flagged on both rows.
    texts = [[page.table.item(index, column).text() for column in range(8)] for index in range(4)]
    flagged = [index for index, row in enumerate(texts) if row[7]]
    loans = [index for index, row in enumerate(texts) if "贴息" in row[2]]
    assert set(loans) <= set(flagged) and len(loans) == 2
    assert "重复申报" in page.table.item(loans[0], 7).toolTip()

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
    monkeypatch.setattr(QFileDialog, "exec", lambda dialog: 1)
    monkeypatch.setattr(QFileDialog, "selectedFiles", lambda dialog: [str(out)])
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert not out.exists() and "填报单位" in page.message.text()  # asked for first
    _type(page.desk_name, "城东区工信局")
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert out.is_file() and "已导出汇总表" in page.message.text()
    sheet = load_workbook(out)["汇总表"]
    assert sheet["A1"].value == "惠企政策申报汇总表"
    assert any("城东区工信局" in str(c.value) for row in sheet.iter_rows(max_row=3) for c in row)
    # Remembered: the next session at this desk finds it filled in, and the folder last used.
    again = DeskPage(DeskController(page.controller.url, page.controller.pack, workers=1))
    qtbot.addWidget(again)
    assert again.desk_name.text() == "城东区工信局" and again.last_folder == str(tmp_path)
    again.controller.close()


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
    # Nothing meant for an enterprise: no 当前企业 switcher, no 新建企业, no company pages.
    assert not window.profile_toolbar.isVisibleTo(window)
    assert not window.new_profile_action.isVisible() and not window.new_profile_action.isEnabled()
    desk_row = window.pages.indexOf(window.desk_page)
    shown = [window.navigation.item(r).text() for r in range(window.navigation.count())
             if not window.navigation.isRowHidden(r)]
    assert shown == ["收件台"] and window.navigation.currentRow() == desk_row
    assert [a.text() for a in window.view_actions if a.isVisible()] == ["收件台"]
    assert "向主管部门索取" not in window.rulepack_label.text()
    shell.set_role("enterprise")
    assert shell.window is not None and shell.window.desk_page is None
    assert shell.window.profile_toolbar.isVisibleTo(shell.window)
    assert not any(shell.window.navigation.isRowHidden(r) for r in range(shell.window.navigation.count()))


def test_the_first_run_hint_about_the_sample_is_for_enterprises_only(qtbot: QtBot) -> None:
    from desktop.ui.first_run import FirstRunDialog

    dialog = FirstRunDialog("zh_CN")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.sample_hint.isVisible()
    qtbot.mouseClick(dialog.official, Qt.MouseButton.LeftButton)
    assert not dialog.sample_hint.isVisible()
    qtbot.mouseClick(dialog.enterprise, Qt.MouseButton.LeftButton)
    assert dialog.sample_hint.isVisible()


# -- issue 18: the county clerk's trial ---------------------------------------------------------

@pytest.fixture
def clerk(qtbot: QtBot, tmp_path: Path, usb: Path) -> Iterator[DeskPage]:
    """The desk at the trial's default window size, the USB stick received, a forgery among it."""
    from tests.intake.bundles import edited

    def forged(application: dict[str, object]) -> dict[str, object]:
        financing = application["financing"]
        assert isinstance(financing, dict)
        return {**application, "financing": {**financing, "requested_subsidy": "8000000"}}

    write(usb / "技改申报包-改金额重算清单.zip", edited("tech_upgrade", "application.json", forged))
    controller = DeskController(f"sqlite:///{tmp_path / 'desk.sqlite3'}", bundled_pack(), workers=1)
    shown = DeskPage(controller)
    qtbot.addWidget(shown)
    shown.resize(980, 640)  # the page inside the 1180×728 window the clerk got
    shown.show()
    _type(shown.official, "王科员")
    shown.receive_paths([usb])
    qtbot.waitUntil(lambda: not controller.busy and shown.table.rowCount() == 4, timeout=240_000)
    yield shown
    controller.close()


def _fits(page: DeskPage) -> None:
    table = page.table
    heights = {table.rowHeight(index) for index in range(table.rowCount())}
    assert len(heights) == 1 and heights.pop() < 2 * page.fontMetrics().height(), "rows grew tall"
    assert table.columnWidth(2) >= 7 * page.fontMetrics().horizontalAdvance("中"), table.columnWidth(2)
    last = table.visualItemRect(table.item(table.rowCount() - 1, 0))
    assert table.viewport().rect().contains(last), "the last row went off screen"


def test_the_list_keeps_its_layout_after_review_and_resize(qtbot: QtBot, clerk: DeskPage) -> None:
    _fits(clerk)
    clerk.table.selectRow(2)
    _type(clerk.reason, "与另一份申报为同一笔贷款")
    qtbot.mouseClick(clerk.review_buttons["refused"], Qt.MouseButton.LeftButton)
    assert clerk.table.item(2, 3).text() == "不予支持", clerk.message.text()
    _fits(clerk)
    clerk.resize(1340, 700)
    qtbot.waitUntil(lambda: clerk.width() == 1340)
    _fits(clerk)


def test_review_buttons_offer_only_what_the_status_allows(qtbot: QtBot, clerk: DeskPage) -> None:
    buttons = clerk.review_buttons
    clerk.table.selectRow(0)
    assert clerk.table.item(0, 3).text() == "已收到"
    assert all(b.isEnabled() for b in buttons.values())  # a decision passes through 审核中
    # Opening a review neither uses nor clears the reason being typed.
    _type(clerk.reason, "缺项目备案文件")
    qtbot.mouseClick(buttons["reviewing"], Qt.MouseButton.LeftButton)
    assert clerk.table.item(0, 3).text() == "审核中" and clerk.reason.text() == "缺项目备案文件"
    # Refused by the desk (another official got there first): the reason typed is kept.
    other = Desk(clerk.controller.url)
    app_id = clerk.current_id()
    assert app_id is not None
    other.review(app_id, "approved", who="赵主任")
    other.close()
    qtbot.mouseClick(buttons["returned"], Qt.MouseButton.LeftButton)
    assert "已被他人修改" in clerk.message.text() and clerk.reason.text() == "缺项目备案文件"
    assert clerk.table.item(0, 3).text() == "通过"
    assert [s for s, b in buttons.items() if b.isEnabled()] == ["reviewing"]
    assert buttons["reviewing"].text() == "重新审核"
    clerk.table.selectRow(3)
    assert buttons["reviewing"].text() == "开始审核"
    # From 已收到 straight to 退回补正: one click, both steps in the log.
    clerk.table.selectRow(1)
    _type(clerk.reason, "请补充贷款合同")
    qtbot.mouseClick(buttons["returned"], Qt.MouseButton.LeftButton)
    assert clerk.table.item(1, 3).text() == "退回补正" and clerk.reason.text() == ""
    log = clerk.controller.desk.audit(clerk.current_id())
    assert [e.to_status for e in log] == ["received", "reviewing", "returned"]


def test_every_rejection_is_listed_and_kept(qtbot: QtBot, clerk: DeskPage) -> None:
    assert clerk.lists.currentWidget() is clerk.rejected
    assert "未接收（2）" in clerk.lists.tabText(1)
    text = clerk.rejected.toPlainText()
    assert "broken.zip" in text and "技改申报包-改金额重算清单.zip" in text
    assert "资金筹措合计" in text and "不能由 application.json 重新生成" in text
    # A restart: the list is read back from the desk's database.
    again = DeskPage(DeskController(clerk.controller.url, clerk.controller.pack, workers=1))
    qtbot.addWidget(again)
    assert again.rejected.toPlainText() == text and "未接收（2）" in again.lists.tabText(1)
    again.controller.close()


def test_incomplete_and_settled_show_in_the_list(qtbot: QtBot, clerk: DeskPage) -> None:
    table = clerk.table
    materials = [table.item(index, 6).text() for index in range(table.rowCount())]
    for index in range(table.rowCount()):
        app_id = table.item(index, 0).data(Qt.ItemDataRole.UserRole)
        missing = [c for c in clerk._rows[app_id].proof["checklist"] if c["status"] == "missing"]
        assert materials[index] == (f"缺 {len(missing)}" if missing else "齐")
    assert any(m.startswith("缺") for m in materials)
    loans = [index for index in range(table.rowCount()) if "贴息" in table.item(index, 2).text()]
    assert len(loans) == 2 and all(table.item(i, 7).text().startswith("⚠") for i in loans)
    assert not any("qh-2011" in table.item(i, 7).toolTip() for i in loans)
    table.selectRow(loans[0])
    _type(clerk.reason, "重复申报")
    qtbot.mouseClick(clerk.review_buttons["refused"], Qt.MouseButton.LeftButton)
    table.selectRow(loans[1])
    qtbot.mouseClick(clerk.review_buttons["approved"], Qt.MouseButton.LeftButton)
    if table.item(loans[1], 6).text().startswith("缺"):  # materials missing: 仍然通过
        qtbot.mouseClick(clerk.review_buttons["approved"], Qt.MouseButton.LeftButton)
    assert table.item(loans[1], 3).text() == "通过"
    assert table.item(loans[1], 7).text() == "✓ 已处理"
    assert "已处理的重复申报" in clerk.detail.toPlainText()


def test_the_reason_box_is_usable_on_a_small_screen(qtbot: QtBot, clerk: DeskPage) -> None:
    # 1366×768 at 150 %: about 910×510 logical pixels for the whole window.
    clerk.resize(860, 440)
    qtbot.waitUntil(lambda: clerk.width() == 860)
    assert clerk.reason.width() >= 250, clerk.reason.width()
    for button in clerk.review_buttons.values():
        assert button.isVisible() and button.width() >= button.minimumSizeHint().width()


def test_the_file_dialog_opens_wide_in_documents_or_the_last_folder(qtbot: QtBot, page: DeskPage,
                                                                     tmp_path: Path) -> None:
    from PySide6.QtCore import QStandardPaths

    dialog = page.file_dialog("选择申报包", folders=False)
    try:
        assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        expected = Path(documents) if documents and Path(documents).is_dir() else Path.home()
        assert Path(dialog.directory().absolutePath()) == expected.resolve()
        assert dialog.width() >= min(900, page.screen().availableGeometry().width() - 40)
        # No English left in Qt's form (the clerk saw "Look in" and "Files of type").
        assert dialog.labelText(QFileDialog.DialogLabel.LookIn) == "查找范围："
        assert dialog.labelText(QFileDialog.DialogLabel.FileType) == "文件类型："
        from PySide6.QtWidgets import QHeaderView, QTreeView

        tree = dialog.findChild(QTreeView, "treeView")
        assert tree is not None
        assert tree.header().sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
        assert all(tree.header().sectionResizeMode(c) == QHeaderView.ResizeMode.ResizeToContents
                   for c in range(1, tree.header().count()))
    finally:
        dialog.deleteLater()
    page._remember_folder(tmp_path)
    again = DeskPage(page.controller)
    qtbot.addWidget(again)
    dialog = again.file_dialog("选择申报包", folders=True)
    assert Path(dialog.directory().absolutePath()) == tmp_path.resolve()
    dialog.deleteLater()


def test_approving_a_bundle_without_its_materials_asks_once_more(qtbot: QtBot, clerk: DeskPage) -> None:
    """A county clerk approved a bundle listed 缺 4 with one click, and the focus then landed on
    the 经办人 box with the name selected (the next keystroke would have replaced it)."""
    table = clerk.table
    clerk.lists.setCurrentIndex(0)  # the received list, where the clerk picks the bundle
    qtbot.waitUntil(table.isVisible)
    rows = [i for i in range(table.rowCount()) if table.item(i, 6).text().startswith("缺")]
    short = next(i for i in rows if clerk._rows[table.item(i, 0).data(Qt.ItemDataRole.UserRole)].status
                 in ("received", "reviewing"))
    table.selectRow(short)
    button = clerk.review_buttons["approved"]
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert table.item(short, 3).text() != "通过"
    assert button.text() == "仍然通过" and "缺少" in clerk.message.text()
    # Another row: the question is dropped with it.
    table.selectRow(0 if short else 1)
    assert button.text() == "通过"
    table.selectRow(short)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert table.item(short, 3).text() == "通过"
    assert button.text() == "通过"
    assert clerk.focusWidget() is table and not clerk.official.hasFocus()
