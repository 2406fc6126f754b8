"""企业信息: every fact the rules read about the enterprise, validated live and autosaved.

The editor holds no rules of its own: the core turns the typed answers into facts and
messages (:mod:`desktop.facts.profile`), the store keeps them (through the autosaver, off
the GUI thread), and the editor shows both.  A typo is flagged beside its field, kept as
typed and saved as typed; no dialog ever interrupts typing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.facts.model import FactsFile
from desktop.facts.profile import PROFILE_GROUPS, answer_key, profile_facts, size_summary
from desktop.facts.registry import FACTS
from desktop.store.autosave import Autosaver, SaveResult
from desktop.store.records import RecordRef
from desktop.ui.debounce import DebouncedSaves
from desktop.ui.fact_widgets import FactEdit, make_fact_edit
from desktop.ui.fonts import title_font
from desktop.ui.i18n import translate

# Typing pauses this long (or leaves the field) before the answer is written: one audit row
# per pause, not per keystroke.  Validation and the dashboard follow every keystroke.
SAVE_AFTER_MS = 400
ERROR_STYLE = "color: #b00020;"




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


class ProfileEditor(QWidget):
    facts_changed = Signal(object)  # FactsFile
    saved = Signal(object)  # SaveResult, on the GUI thread
    _save_done = Signal(object)  # from the autosave worker; queued to the GUI thread

    def __init__(self, autosaver: Autosaver | None = None) -> None:
        super().__init__()
        self._autosaver = autosaver
        self._ref: RecordRef | None = None
        self._answers: dict[str, str] = {}
        self.edits: dict[str, FactEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self._saves = DebouncedSaves(SAVE_AFTER_MS, self._write, self)
        self.facts = FactsFile()
        self.save_errors: dict[str, str] = {}

        self.title = QLabel(translate("ProfileEditor", "企业信息"))
        self.title.setObjectName("pageTitle")
        self.title.setFont(title_font(16))
        self.save_state = QLabel()
        self.save_state.setObjectName("saveState")
        self.size_label = QLabel()
        self.size_label.setWordWrap(True)
        self.size_label.setTextFormat(Qt.TextFormat.PlainText)
        content = QWidget()
        column = QVBoxLayout(content)
        for group in PROFILE_GROUPS:
            column.addWidget(self._group_box(group.title, group.facts, group.key))
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.save_state)
        layout.addWidget(self.scroll_area, stretch=1)
        self._save_done.connect(self._on_saved, Qt.ConnectionType.QueuedConnection)
        self.setEnabled(False)

    def _group_box(self, title: str, paths: tuple[str, ...], key: str) -> QGroupBox:
        box = QGroupBox(group_title(key, title))
        box.setObjectName(f"group_{key}")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for path in paths:
            fact = FACTS[path]
            edit = make_fact_edit(fact)
            edit.setObjectName(path)
            edit.setToolTip(fact.question)
            edit.answer_edited.connect(lambda text, p=path: self._edited(p, text))
            edit.committed.connect(lambda p=path: self._saves.commit(p))
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.setTextFormat(Qt.TextFormat.PlainText)
            error.hide()
            holder = QWidget()
            stack = QVBoxLayout(holder)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.addWidget(edit)
            stack.addWidget(error)
            label = QLabel(fact.label + (f"（{fact.unit}）" if fact.unit and fact.unit != "比例" else ""))
            label.setBuddy(edit)
            label.setWordWrap(True)
            form.addRow(label, holder)
            self.edits[path], self.errors[path] = edit, error
        if key == "size":
            form.addRow(QLabel(translate("ProfileEditor", "企业规模")), self.size_label)
        return box

    # -- loading -------------------------------------------------------------------------

    def load(self, ref: RecordRef | None, answers: dict[str, str]) -> None:
        """Show one profile's saved answers (``ref`` None: a read-only view, e.g. the sample)."""
        self.flush()
        self._ref = ref
        self._answers = dict(answers)
        for path, edit in self.edits.items():
            edit.blockSignals(True)
            edit.set_answer(self._answers.get(answer_key(path), ""))
            edit.blockSignals(False)
        self.setEnabled(True)
        for edit in self.edits.values():
            edit.setEnabled(ref is not None)
        self.save_state.setText(
            translate("ProfileEditor", "所有修改自动保存。") if ref is not None
            else translate("ProfileEditor", "示例企业只供浏览；新建企业后即可填写并自动保存。"))
        self._revalidate()

    # -- editing -------------------------------------------------------------------------

    def _edited(self, path: str, text: str) -> None:
        key = answer_key(path)
        if text.strip():
            self._answers[key] = text
        else:
            self._answers.pop(key, None)
        self._revalidate()
        self._saves.changed(path)
        self.save_state.setText(translate("ProfileEditor", "正在保存…"))

    def _write(self, path: str) -> None:
        if self._ref is None or self._autosaver is None:
            return
        key = answer_key(path)
        self._autosaver.submit(self._ref, key, self._answers.get(key), self._save_done.emit)

    def flush(self) -> None:
        """Write every answer still waiting for its typing pause, and wait until written."""
        self._saves.flush()
        if self._autosaver is not None:
            self._autosaver.flush()

    def _on_saved(self, result: SaveResult) -> None:
        if result.error is not None:
            self.save_errors[result.field] = result.error
            self.save_state.setText(result.error)
        else:
            self.save_errors.pop(result.field, None)
            if not self.save_errors:
                self.save_state.setText(translate("ProfileEditor", "所有修改已自动保存。"))
        self.saved.emit(result)

    def _revalidate(self) -> None:
        parsed = profile_facts(self._answers)
        self.facts = parsed.facts
        for path, label in self.errors.items():
            message = parsed.errors.get(path)
            kept = translate("ProfileEditor", "{message}（已按原样保存，可稍后改正）")
            label.setText(kept.format(message=message) if message else "")
            label.setVisible(message is not None)
        self.size_label.setText(size_summary(parsed.facts))
        self.facts_changed.emit(parsed.facts)

    # -- navigation ----------------------------------------------------------------------

    def focus_fact(self, path: str) -> bool:
        """Scroll to a fact's field and put the cursor in it (the dashboard's missing-fact links)."""
        edit = self.edits.get(path)
        if edit is None:
            return False
        self.scroll_area.ensureWidgetVisible(edit, 50, 120)
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
