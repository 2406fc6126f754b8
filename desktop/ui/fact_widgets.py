"""One input widget per fact, chosen by the fact's type; each reports the answer as typed text.

Answers are text exactly as the user typed them (the store keeps them so), and the core
decides what they mean.  Choices are stored as their codes ("private", "true").
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit

from desktop.facts.labels import choice_label
from desktop.facts.registry import FactSpec, FactType
from desktop.reference.industry import industries
from desktop.reference.regions import pickable
from desktop.ui.i18n import translate

# A paste longer than this is cut in the widget, before it reaches the store's own limit.
MAX_TYPED_CHARS = 20_000




class TextFactEdit(QLineEdit):
    answer_edited = Signal(str)  # every change the user makes
    committed = Signal()  # the user is done with the field: save without waiting


    def __init__(self, spec: FactSpec) -> None:
        super().__init__()
        self.setMaxLength(MAX_TYPED_CHARS)
        self.setPlaceholderText(_placeholder(spec))
        self.textEdited.connect(self.answer_edited)
        self.editingFinished.connect(self.committed)

    def answer(self) -> str:
        return self.text()

    def set_answer(self, text: str) -> None:
        self.setText(text)


def _placeholder(spec: FactSpec) -> str:
    if spec.type is FactType.DATE:
        return translate("FactWidgets", "日期，如 2018-06-01")
    if spec.type is FactType.MONEY:
        return translate("FactWidgets", "金额（元），如 1200000")
    if spec.unit == "比例":
        return translate("FactWidgets", "比例，如 0.3 表示 30%")
    if spec.type is FactType.INT and spec.unit:
        return translate("FactWidgets", "整数（{unit}）").format(unit=spec.unit)
    return ""


class ChoiceFactEdit(QComboBox):
    """是/否 and enumerations; the first, empty entry means "not answered"."""

    answer_edited = Signal(str)
    committed = Signal()

    def __init__(self, spec: FactSpec) -> None:
        super().__init__()
        options: list[tuple[str, str]] = [("", translate("FactWidgets", "（未填写）"))]
        if spec.type is FactType.BOOL:
            options += [("true", translate("FactWidgets", "是")), ("false", translate("FactWidgets", "否"))]
        else:
            options += [(code, choice_label(code)) for code in spec.choices]
        for code, label in options:
            self.addItem(label, code)
        self.activated.connect(self._chosen)

    def _chosen(self, _index: int) -> None:
        self.answer_edited.emit(self.answer())
        self.committed.emit()  # a choice is complete the moment it is made

    def answer(self) -> str:
        return str(self.currentData() or "")

    def set_answer(self, text: str) -> None:
        index = self.findData(text)
        if index < 0:  # a value from an older rule pack: keep it visible, never drop it
            self.addItem(text, text)
            index = self.count() - 1
        self.setCurrentIndex(index)


class PickerFactEdit(QComboBox):
    """Region and industry: type a code or any part of a name; the code is what is saved."""

    answer_edited = Signal(str)
    committed = Signal()

    def __init__(self, entries: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self._codes = {label: code for code, label in entries}
        self.addItem("", "")
        for code, label in entries:
            self.addItem(label, code)
        completer = QCompleter(QStringListModel([label for _code, label in entries]), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None  # an editable combo box always has its line edit
        line.setMaxLength(200)
        line.setPlaceholderText(translate("FactWidgets", "输入代码或名称搜索"))
        line.textEdited.connect(lambda _text: self.answer_edited.emit(self.answer()))
        completer.activated.connect(lambda _text: self.answer_edited.emit(self.answer()))
        self.activated.connect(lambda _index: self.answer_edited.emit(self.answer()))
        line.editingFinished.connect(self.committed)

    def answer(self) -> str:
        text = self.currentText().strip()
        # "130171 石家庄高新技术产业开发区" -> "130171"; free text is kept as typed.
        return self._codes.get(text, text.split(" ", 1)[0] if text[:1].isdigit() else text)

    def set_answer(self, text: str) -> None:
        index = self.findData(text)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(text)


def region_entries() -> list[tuple[str, str]]:
    return [(region.code, region.label) for region in pickable()]


def industry_entries() -> list[tuple[str, str]]:
    return [(code, f"{code} {industry.name}") for code, industry in sorted(industries().items())]


FactEdit = TextFactEdit | ChoiceFactEdit | PickerFactEdit


def make_fact_edit(spec: FactSpec) -> FactEdit:
    if spec.path == "enterprise.region_code":
        return PickerFactEdit(region_entries())
    if spec.path == "enterprise.industry_code":
        return PickerFactEdit(industry_entries())
    if spec.type in (FactType.BOOL, FactType.ENUM):
        return ChoiceFactEdit(spec)
    return TextFactEdit(spec)
