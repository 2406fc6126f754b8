"""企业信息: every fact the rules read about the enterprise, validated live and autosaved.

The editor holds no rules of its own: the core turns the typed answers into facts and
messages (:mod:`desktop.facts.profile`) and says which facts the region's programmes read
(:mod:`desktop.rules.regional`); the controller writes (:mod:`desktop.ui.controller`); the
editor shows all three.  A typo is flagged beside its field, kept as typed and saved as typed;
no dialog ever interrupts typing.

Layout: a grid per group, the question in the left column (wrapped, never clipped: a
QFormLayout cut wrapped labels to one line), the field on the right.  Facts no programme of
the enterprise's region reads are folded away behind one button; anything already filled in
stays visible.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.facts.model import FactsFile
from desktop.facts.profile import PROFILE_GROUPS, answer_key, profile_facts, size_summary
from desktop.facts.registry import FACTS, FactSpec, FactType
from desktop.money import format_wan
from desktop.office_input import InputError, parse_date_input, parse_money_input
from desktop.store.autosave import SaveResult
from desktop.store.records import RecordRef
from desktop.ui.controller import RecordController
from desktop.ui.fact_widgets import FactEdit, PickerFactEdit, make_fact_edit
from desktop.ui.fonts import title_font
from desktop.ui.i18n import translate
from desktop.ui.save_indicator import SaveIndicator

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #555;"
REGION_FACT = "enterprise.region_code"

# Which facts the programmes of a region read (from the core); None: show every fact.
RelevantFacts = Callable[[str | None], set[str]]


def group_title(key: str, fallback: str) -> str:
    """The core names the groups in Chinese; the words shown are the UI's, so they translate."""
    return {
        "basic": translate("ProfileEditor", "基本信息"),
        "size": translate("ProfileEditor", "规模（大中小微）"),
        "rd": translate("ProfileEditor", "研发与认定"),
        "institution": translate("ProfileEditor", "已有的研发机构"),
        "operations": translate("ProfileEditor", "经营、税收与用工"),
        "listing": translate("ProfileEditor", "上市与融资"),
        "declarations": translate("ProfileEditor", "其他政策事项"),
    }.get(key, fallback)


def field_label(fact: FactSpec) -> str:
    """Yes/no facts are asked as the full question ("企业是否为经认定的高新技术企业？");
    the others keep their short name and unit."""
    if fact.type is FactType.BOOL:
        return fact.question
    unit = f"（{fact.unit}）" if fact.unit and fact.unit != "比例" else ""
    return fact.label + unit


class ProfileEditor(QWidget):
    facts_changed = Signal(object)  # FactsFile
    saved = Signal(object)  # SaveResult, on the GUI thread

    def __init__(self, controller: RecordController, relevant_facts: RelevantFacts | None = None) -> None:
        super().__init__()
        self._controller = controller
        self._relevant_facts = relevant_facts
        self._ref: RecordRef | None = None
        self._answers: dict[str, str] = {}
        self.edits: dict[str, FactEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.hints: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self._rows: dict[str, tuple[QLabel, QWidget]] = {}
        self._boxes: dict[str, tuple[QGroupBox, tuple[str, ...]]] = {}
        self._widget_problems: dict[str, str] = {}  # e.g. a region name matching no entry
        self.show_all = False
        self.facts = FactsFile()

        self.title = QLabel(translate("ProfileEditor", "企业信息"))
        self.title.setObjectName("pageTitle")
        self.title.setFont(title_font(16))
        self.save_state = SaveIndicator()
        controller.save_state_changed.connect(self.save_state.show_state)
        controller.saved.connect(self._on_saved)
        self.size_label = QLabel()
        self.size_label.setWordWrap(True)
        self.size_label.setTextFormat(Qt.TextFormat.PlainText)
        self.region_note = QLabel()
        self.region_note.setObjectName("regionNote")
        self.region_note.setWordWrap(True)
        self.region_note.setTextFormat(Qt.TextFormat.PlainText)
        self.fold_button = QPushButton()
        self.fold_button.setObjectName("foldButton")
        self.fold_button.clicked.connect(self._toggle_fold)
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.region_note)
        for group in PROFILE_GROUPS:
            column.addWidget(self._group_box(group.title, group.facts, group.key))
        column.addWidget(self.fold_button, alignment=Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.save_state)
        layout.addWidget(self.scroll_area, stretch=1)
        self.setEnabled(False)

    def _group_box(self, title: str, paths: tuple[str, ...], key: str) -> QGroupBox:
        box = QGroupBox(group_title(key, title))
        box.setObjectName(f"group_{key}")
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        for row, path in enumerate(paths):
            fact = FACTS[path]
            edit = make_fact_edit(fact)
            edit.setObjectName(path)
            edit.setToolTip(fact.question)
            edit.answer_edited.connect(lambda text, p=path: self._edited(p, text))
            edit.committed.connect(lambda p=path: self._committed(p))
            if isinstance(edit, PickerFactEdit):
                edit.unmatched.connect(lambda text, p=path: self._unmatched(p, text))
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.setTextFormat(Qt.TextFormat.PlainText)
            error.hide()
            hint = QLabel()
            hint.setStyleSheet(HINT_STYLE)
            hint.setTextFormat(Qt.TextFormat.PlainText)
            if fact.type is FactType.MONEY:
                # The reading ("＝ 180,000,000 元") has its line from the start: appearing as the
                # user types, it pushed the next field down under the pointer.
                hint.setMinimumHeight(hint.fontMetrics().height())
            else:
                hint.hide()
            holder = QWidget()
            stack = QVBoxLayout(holder)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.addWidget(edit)
            stack.addWidget(hint)
            stack.addWidget(error)
            label = QLabel(field_label(fact))
            label.setBuddy(edit)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(holder, row, 1)
            self.edits[path], self.errors[path], self.hints[path] = edit, error, hint
            self.labels[path] = label
            self._rows[path] = (label, holder)
        if key == "size":
            size_title = QLabel(translate("ProfileEditor", "企业规模"))
            grid.addWidget(size_title, len(paths), 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.size_label, len(paths), 1)
        self._boxes[key] = (box, paths)
        return box

    # -- loading -------------------------------------------------------------------------

    def load(self, ref: RecordRef | None, answers: dict[str, str]) -> None:
        """Show one profile's saved answers (``ref`` None: a read-only view, e.g. the sample)."""
        self._controller.flush()
        self._ref = ref
        self._answers = dict(answers)
        self._widget_problems.clear()
        for path, edit in self.edits.items():
            edit.blockSignals(True)
            edit.set_answer(self._answers.get(answer_key(path), ""))
            edit.blockSignals(False)
        self.setEnabled(True)
        for edit in self.edits.values():
            edit.setEnabled(ref is not None)
        self.save_state.set_read_only(ref is None)
        self._revalidate()
        self._fold()

    @property
    def ref(self) -> RecordRef | None:
        return self._ref

    # -- editing -------------------------------------------------------------------------

    def _edited(self, path: str, text: str) -> None:
        key = answer_key(path)
        if text.strip():
            self._answers[key] = text
        else:
            self._answers.pop(key, None)
        self._revalidate()
        if path == REGION_FACT:
            self._fold()
        if self._ref is not None:
            self._controller.edit(self._ref, key, self._answers.get(key))

    def _committed(self, path: str) -> None:
        if self._ref is not None:
            self._controller.commit(self._ref, answer_key(path))

    def _unmatched(self, path: str, text: str) -> None:
        if text:
            message = translate("ProfileEditor", "列表中没有“{text}”，请从列表中选择（未保存，原选择不变）")
            self._widget_problems[path] = message.format(text=text)
        else:
            self._widget_problems.pop(path, None)
        self._show_messages(profile_facts(self._answers).errors)

    def flush(self) -> None:
        """Write every answer still waiting for its typing pause, and wait until written."""
        self._controller.flush()

    def _on_saved(self, result: SaveResult) -> None:
        if self._ref is not None and result.ref == self._ref:
            self.saved.emit(result)

    def _revalidate(self) -> None:
        parsed = profile_facts(self._answers)
        self.facts = parsed.facts
        self._show_messages(parsed.errors)
        self.size_label.setText(size_summary(parsed.facts))
        self.facts_changed.emit(parsed.facts)

    def _show_messages(self, errors: dict[str, str]) -> None:
        kept = translate("ProfileEditor", "{message}（已按原样保存，可稍后改正）")
        for path, label in self.errors.items():
            message = self._widget_problems.get(path) or (
                kept.format(message=errors[path]) if path in errors else None)
            label.setText(message or "")
            label.setVisible(message is not None)
            self._show_hint(path, errors)

    def _show_hint(self, path: str, errors: dict[str, str]) -> None:
        """Money: what the typed figure is read as, in 元 and 万元, so the unit is never a guess;
        a date: the day it is read as, so "18.3.1" or "2018/3/1" is seen to mean what was meant."""
        hint = self.hints[path]
        if FACTS[path].type is FactType.MONEY:
            hint.setText("")  # a money field's line stays, empty (see where it is made)
        text = self._answers.get(answer_key(path), "")
        if not text.strip():
            hint.setHidden(FACTS[path].type is not FactType.MONEY)
            return
        if FACTS[path].unit == "比例":  # the reason for the bound, beside the core's refusal
            self._show_ratio(hint, path)
            return
        if path in errors:
            hint.setHidden(FACTS[path].type is not FactType.MONEY)
            return
        if FACTS[path].type is FactType.DATE:
            self._show_date(hint, text)
            return
        if FACTS[path].type is not FactType.MONEY:
            hint.hide()
            return
        try:
            yuan = parse_money_input(text)
        except InputError:
            return
        hint.setText(translate("ProfileEditor", "＝ {yuan} 元（{wan} 万元）").format(
            yuan=f"{yuan:,}", wan=format_wan(yuan)))
        hint.show()

    def _show_date(self, hint: QLabel, text: str) -> None:
        try:
            day = parse_date_input(text)
        except InputError:
            hint.hide()
            return
        hint.setText(translate("ProfileEditor", "＝ {year}年{month}月{day}日").format(
            year=day.year, month=day.month, day=day.day))
        hint.show()

    def _show_ratio(self, hint: QLabel, path: str) -> None:
        """A ratio read as a percentage, or why it cannot be one (a share is 0 to 1 of the whole)."""
        # Read from the typed text, not the facts: an out-of-range ratio is refused by the core
        # (and so absent from the facts), and this is where the user learns why.
        try:
            value = Decimal(self._answers.get(answer_key(path), "").strip())
        except InvalidOperation:
            value = None
        if value is not None and not value.is_finite():
            value = None
        if value is None:
            hint.hide()
            return
        if 0 <= value <= 1:
            hint.setStyleSheet(HINT_STYLE)
            percent = f"{value * 100:f}"
            percent = percent.rstrip("0").rstrip(".") if "." in percent else percent
            hint.setText(translate("ProfileEditor", "＝ {percent}%").format(percent=percent))
        else:
            hint.setStyleSheet(ERROR_STYLE)
            why = translate("ProfileEditor", "比例应在 0 到 1 之间：它是一部分占全部的份额（30% 写 0.3）")
            hint.setText(why)
        hint.show()

    # -- the region first, the rest folded -----------------------------------------------

    def _fold(self) -> None:
        region = self.facts.enterprise.region_code
        relevant = self._relevant_facts(region) if self._relevant_facts and region else None
        always = {path for path in self.edits if self._answers.get(answer_key(path), "").strip()}
        always |= {p for key in ("basic", "size") for p in self._boxes[key][1]}  # who and how big
        shown = set(self.edits) if relevant is None or self.show_all else (relevant | always)
        for path, (label, holder) in self._rows.items():
            label.setVisible(path in shown)
            holder.setVisible(path in shown)
        for key, (box, paths) in self._boxes.items():
            box.setVisible(key in ("basic", "size") or any(p in shown for p in paths))
        hidden = len(self.edits) - len(shown & set(self.edits))
        if relevant is None:
            self.region_note.setText(translate(
                "ProfileEditor", "先填写所在地区：之后只列出本地区政策用到的信息，其余的折叠起来。"))
            self.fold_button.hide()
            return
        first = translate("ProfileEditor", "下面先列出本地区政策用到的 {n} 项信息。")
        self.region_note.setText(first.format(n=len(relevant & set(self.edits))))
        self.fold_button.setVisible(self.show_all or hidden > 0)
        self.fold_button.setText(
            translate("ProfileEditor", "收起其他地区政策用到的信息") if self.show_all
            else translate("ProfileEditor", "显示其余 {n} 项（其他地区的政策用到）").format(n=hidden))

    def _toggle_fold(self) -> None:
        self.show_all = not self.show_all
        self._fold()

    # -- navigation ----------------------------------------------------------------------

    def focus_fact(self, path: str) -> bool:
        """Scroll to a fact's field and put the cursor in it (the dashboard's missing-fact links)."""
        edit = self.edits.get(path)
        if edit is None:
            return False
        if not edit.isVisibleTo(self) and not self.show_all:
            self._toggle_fold()
        self.scroll_area.ensureWidgetVisible(edit, 50, 120)
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
