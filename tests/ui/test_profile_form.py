"""A form people can fill: pickers that find, a wheel that scrolls, labels that fit, money and
dates as offices write them, and the enterprise's own region first."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QInputMethodEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.store.records import RecordRef
from desktop.store.startup import OpenedStore
from desktop.ui.app import ROLE_SETTING, Shell
from desktop.ui.fact_widgets import ChoiceFactEdit, DateFactEdit, PickerFactEdit
from desktop.ui.main_window import PROFILE_ROW, MainWindow

pytestmark = pytest.mark.gui



@pytest.fixture
def window(qtbot: QtBot, opened: OpenedStore) -> Iterator[MainWindow]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    opened.store.set_setting(ROLE_SETTING, "enterprise")
    shell = Shell(app, opened)
    shell.start("zh_CN", ask_first_run=False)
    assert shell.window is not None
    shell.window.activateWindow()
    qtbot.waitActive(shell.window)
    shell.window.new_profile()
    yield shell.window
    shell.close()


def _commit_text(widget: QLineEdit, text: str) -> None:
    """Chinese arrives through the input method as committed text (QTest types ASCII only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _saved(opened: OpenedStore, window: MainWindow) -> dict[str, str]:
    window.profile_editor.flush()
    assert window.current_profile_id is not None
    return opened.store.answers(RecordRef("profile", window.current_profile_id))


def _picker_line(window: MainWindow, path: str) -> tuple[PickerFactEdit, QLineEdit]:
    picker = window.profile_editor.edits[path]
    assert isinstance(picker, PickerFactEdit)
    line = picker.lineEdit()
    assert line is not None
    line.setFocus()
    return picker, line


def test_region_found_by_pinyin_initials_and_picked_from_the_list(
        qtbot: QtBot, window: MainWindow, opened: OpenedStore) -> None:
    picker, line = _picker_line(window, "enterprise.region_code")
    qtbot.keyClicks(line, "xn")
    popup = picker.search.popup()
    qtbot.waitUntil(popup.isVisible)
    shown = [picker.filter.data(picker.filter.index(r, 0)) for r in range(picker.filter.rowCount())]
    assert "630100 西宁市" in shown
    row = shown.index("630100 西宁市")
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton,
                     pos=popup.visualRect(popup.model().index(row, 0)).center())
    assert _saved(opened, window)["region_code"] == "630100"


def test_region_by_part_of_the_name_and_by_code(qtbot: QtBot, window: MainWindow,
                                                opened: OpenedStore) -> None:
    picker, line = _picker_line(window, "enterprise.region_code")
    _commit_text(line, "西宁")
    assert picker.filter.rowCount() == 1
    # One entry matches: leaving picks it (Escape instead would cancel the typing).
    picker.search.popup().hide()  # as a click elsewhere does
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert _saved(opened, window)["region_code"] == "630100"
    industry, line = _picker_line(window, "enterprise.industry_code")
    qtbot.keyClicks(line, "2710")
    industry.search.popup().hide()
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert _saved(opened, window)["industry_code"] == "2710"
    assert industry.currentText().startswith("2710 ")


def test_free_text_is_never_saved_as_a_code(qtbot: QtBot, window: MainWindow, opened: OpenedStore) -> None:
    _picker, line = _picker_line(window, "enterprise.region_code")
    qtbot.keyClicks(line, "130102")
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert _saved(opened, window)["region_code"] == "130102"
    line.setFocus()
    line.selectAll()
    _commit_text(line, "火星基地")
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    error = window.profile_editor.errors["enterprise.region_code"]
    assert "火星基地" in error.text() and "未保存" in error.text()
    assert _saved(opened, window)["region_code"] == "130102"


def _wheel_down() -> QWheelEvent:
    return QWheelEvent(QPointF(5, 5), QPointF(5, 5), QPoint(0, 0), QPoint(0, -120), Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)


def test_the_wheel_never_changes_a_choice_and_passes_on_to_the_form(window: MainWindow) -> None:
    """The handler under the pointer refuses the wheel (Qt then hands an ignored wheel event to
    the parents, i.e. the form's scroll area); a plain drop-down given the same turn changes."""
    editor = window.profile_editor
    level = editor.edits["institution.level"]
    assert isinstance(level, ChoiceFactEdit)
    level.set_answer("national")
    for _ in range(3):
        event = _wheel_down()
        level.wheelEvent(event)
        assert not event.isAccepted()
    assert level.answer() == "national"
    region = editor.edits["enterprise.region_code"]
    event = _wheel_down()
    region.wheelEvent(event)
    assert not event.isAccepted()
    plain = QComboBox()
    plain.addItems(["国家级", "省级", "市级"])
    plain.wheelEvent(_wheel_down())
    assert plain.currentIndex() == 1  # what used to happen to 认定级别 while scrolling
    plain.deleteLater()


def test_no_label_is_clipped(qtbot: QtBot, window: MainWindow) -> None:
    window.navigation.setCurrentRow(PROFILE_ROW)
    editor = window.profile_editor
    editor.show_all = True
    editor.load(editor.ref, {})
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: editor.labels["enterprise.energy_saving_retrofit"].width() > 50)
    QApplication.processEvents()
    clipped = [path for path, label in editor.labels.items() if label.isVisibleTo(editor)
               and label.height() < label.heightForWidth(label.width())]
    assert not clipped


def test_yes_no_questions_are_full_sentences(window: MainWindow) -> None:
    label: QLabel = window.profile_editor.labels["enterprise.energy_saving_retrofit"]
    assert label.text().startswith("企业是否采用") and label.text().endswith("？")


def test_money_in_wan_and_yi_is_read_exactly_and_the_figure_shown(
        qtbot: QtBot, window: MainWindow, opened: OpenedStore) -> None:
    editor = window.profile_editor
    edit = editor.edits["enterprise.revenue"]
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    _commit_text(edit, "8,000万元")
    assert editor.hints["enterprise.revenue"].text() == "＝ 80,000,000 元（8000.00 万元）"
    assert str(editor.facts.enterprise.revenue) == "80000000"
    edit.selectAll()
    _commit_text(edit, "0.8亿")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert _saved(opened, window)["revenue"] == "0.8亿"  # kept as typed
    assert str(editor.facts.enterprise.revenue) == "80000000"


def test_dates_typed_the_office_way_or_picked_from_a_calendar(
        qtbot: QtBot, window: MainWindow, opened: OpenedStore) -> None:
    editor = window.profile_editor
    edit = editor.edits["institution.recognised_on"]
    assert isinstance(edit, DateFactEdit)
    edit.setFocus()
    _commit_text(edit, "2018年3月1日")
    assert editor.facts.institution is not None
    assert editor.facts.institution.recognised_on is not None
    assert editor.facts.institution.recognised_on.isoformat() == "2018-03-01"
    listed = editor.edits["enterprise.listed_on"]
    assert isinstance(listed, DateFactEdit)
    listed.calendar_action.trigger()
    calendar = listed.calendar
    assert calendar is not None and calendar.isVisible()
    days = calendar.findChild(QAbstractItemView)
    assert days is not None
    qtbot.keyClick(days, Qt.Key.Key_Return)
    assert not calendar.isVisible()
    assert editor.facts.enterprise.listed_on is not None
    assert _saved(opened, window)["listed_on"] == listed.text()


def test_the_regions_own_questions_first_the_rest_folded(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.profile_editor
    _picker, line = _picker_line(window, "enterprise.region_code")
    qtbot.keyClicks(line, "130102")  # 石家庄: the 乌海 and 青海 questions fold away
    qinghai_only = editor.edits["enterprise.converted_from_individual"]  # 个转企: a 乌海 question
    assert not qinghai_only.isVisibleTo(editor)
    assert editor.edits["enterprise.rd_expense"].isVisibleTo(editor)
    assert editor.edits["enterprise.assets"].isVisibleTo(editor)  # size is always asked
    qtbot.mouseClick(editor.fold_button, Qt.MouseButton.LeftButton)
    assert qinghai_only.isVisibleTo(editor)


def test_a_ratio_is_read_as_a_percentage_and_its_bounds_explained(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.profile_editor
    edit = editor.edits["enterprise.first_set_provincial_rate"]
    assert isinstance(edit, QLineEdit)
    assert "0 到 1" in edit.placeholderText()
    edit.setFocus()
    qtbot.keyClicks(edit, "0.3")
    hint = editor.hints["enterprise.first_set_provincial_rate"]
    assert hint.text() == "＝ 30%"
    edit.selectAll()
    qtbot.keyClicks(edit, "30")  # typed as a percentage
    assert "0 到 1 之间" in hint.text() and hint.isVisibleTo(editor)


def test_typing_an_amount_does_not_move_the_field_below(qtbot: QtBot, window: MainWindow) -> None:
    """The trial's click meant for 资产总额 landed on the reading that had just appeared under
    营业收入 ("＝ 180,000,000 元"), which pushed the field down by a line."""
    editor = window.profile_editor
    window.navigation.setCurrentRow(PROFILE_ROW)
    revenue, assets = editor.edits["enterprise.revenue"], editor.edits["enterprise.assets"]
    assert isinstance(revenue, QLineEdit) and isinstance(assets, QLineEdit)
    revenue.clear()
    editor.hints["enterprise.revenue"].setText("")
    qtbot.waitUntil(assets.isVisible)
    where = assets.mapTo(editor, QPoint(0, 0))
    revenue.setFocus()
    qtbot.keyClicks(revenue, "180000000")
    qtbot.waitUntil(lambda: editor.hints["enterprise.revenue"].text().startswith("＝ 180,000,000 元"))
    assert assets.mapTo(editor, QPoint(0, 0)) == where
