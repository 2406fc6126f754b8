"""One wizard frame for every kind: pages on the left, the page in the middle, Back/Next below.

Load/save contract: every field is an answer key of the application's main record (or a cell
of a table row); the frame loads all answers once, each edit updates the in-memory copy at
once (so Back never loses anything) and is written after a typing pause through the same
:class:`DebouncedSaves` + :class:`Autosaver` path as the profile.  The page shown is saved as
well, so a draft reopened after a crash resumes where it was left.  What the answers mean
(errors, totals, eligibility, the review) is decided in :mod:`desktop.applications.review`.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.applications import paste
from desktop.applications.answers import PAGE_KEY, StoredDraft, answers_of, field_value, read_draft
from desktop.applications.kinds import KINDS
from desktop.applications.review import (
    Review,
    equipment_rows,
    loan_rows_of,
    loan_totals_line,
    policy_choices,
    review,
)
from desktop.applications.stored import (
    attachment_refs,
    same_recognition,
    stored_draft,
)
from desktop.facts.labels import choice_label
from desktop.facts.model import Loan
from desktop.office_input import InputError, parse_money_input
from desktop.rules.pack import RulePack
from desktop.rules.predicates import Outcome
from desktop.store.autosave import Autosaver, SaveResult
from desktop.store.records import RecordRef
from desktop.store.store import Store
from desktop.ui.debounce import DebouncedSaves
from desktop.ui.fonts import title_font
from desktop.ui.i18n import translate
from desktop.ui.labels import status_text
from desktop.ui.wizard import loan_interest, rd_institution, tech_upgrade
from desktop.ui.wizard.generate import GeneratePanel
from desktop.ui.wizard.inputs import Input, make_input
from desktop.ui.wizard.lines import LinesTable
from desktop.ui.wizard.materials import MaterialsPanel
from desktop.ui.wizard.review_html import review_html
from desktop.ui.wizard.spec import FieldSpec, PageSpec, WizardSpec

SAVE_AFTER_MS = 400
ERROR_STYLE = "color: #b00020;"
WARN_STYLE = "color: #8a5300;"
OK_STYLE = "color: #1b5e20;"
WIZARDS: dict[str, WizardSpec] = {w.kind: w for w in (tech_upgrade.WIZARD, loan_interest.WIZARD,
                                                      rd_institution.WIZARD)}
assert set(WIZARDS) == set(KINDS)


class WizardFrame(QWidget):
    facts_changed = Signal(object)  # FactsFile: the enterprise with this application's facts
    saved = Signal(object)  # SaveResult
    generated = Signal(object)  # the bundle's Path
    _save_done = Signal(object)

    def __init__(self, store: Store, autosaver: Autosaver, pack: RulePack, application_id: int) -> None:
        super().__init__()
        self.store, self.autosaver, self.pack = store, autosaver, pack
        self.application_id = application_id
        summary = store.application(application_id)
        self.summary = summary
        self.spec = WIZARDS[summary.kind]
        self.programme_id = summary.programme_id or ""
        self.main_ref = store.single_part(application_id)
        draft = stored_draft(store, application_id)
        self.profile = dict(draft.profile)
        self.main: dict[str, str] = dict(draft.main)
        self.line_refs: dict[str, list[RecordRef]] = {k: store.lines(application_id, k)
                                                      for k in ("equipment", "loan")}
        self.lines: dict[str, list[dict[str, str]]] = {"equipment": [dict(r) for r in draft.equipment],
                                                       "loan": [dict(r) for r in draft.loans]}
        self.others_claimed: list[str] = []
        self.inputs: dict[str, Input] = {}
        self.errors: dict[str, QLabel] = {}
        self.tables: dict[str, LinesTable] = {}
        self.page_notes: dict[str, QLabel] = {}
        self.save_errors: dict[str, str] = {}
        self._saves = DebouncedSaves(SAVE_AFTER_MS, self._write, self)
        self.current_review: Review | None = None
        self.materials_panel = MaterialsPanel(store, application_id, summary.kind)
        self.attachment_refs = draft.attachments
        self.materials_panel.changed.connect(self._attachments_changed)
        self.materials_panel.failed.connect(lambda text: self.page_notes["materials"].setText(text))
        self.generate_panel = GeneratePanel(store, pack, application_id)
        self.generate_panel.generated.connect(self.generated)

        # The kinds' names are translated where 我的申报 lists them (context "Pages").
        self.title = QLabel(f"{translate('Pages', KINDS[summary.kind].label)}：{summary.title}")
        self.title.setFont(title_font(15))
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.save_state = QLabel(translate("Wizard", "所有修改自动保存。"))
        self.save_state.setObjectName("saveState")
        self.status_line = QLabel()
        self.status_line.setObjectName("assessmentLine")
        self.status_line.setTextFormat(Qt.TextFormat.PlainText)
        self.status_line.setWordWrap(True)
        self.page_list = QListWidget()
        self.page_list.setObjectName("wizardPages")
        self.page_list.setSpacing(4)
        self.stack = QStackedWidget()
        for page in self.spec.pages:
            self.page_list.addItem(translate("Wizard", page.title))
            self.stack.addWidget(self._page_widget(page))
        # As wide as its longest step (English titles are longer: "Investment and financing"),
        # never narrower than the 150 px the Chinese titles need.
        metrics = self.page_list.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.page_list.item(i).text())
                     for i in range(self.page_list.count()))
        margins = (4 * self.page_list.spacing() + 2 * self.page_list.frameWidth()
                   + 2 * metrics.averageCharWidth())
        self.page_list.setFixedWidth(max(150, widest + margins))
        self.back = QPushButton(translate("Wizard", "上一步"))
        self.next = QPushButton(translate("Wizard", "下一步"))
        self.back.clicked.connect(lambda: self.go_to(self.stack.currentIndex() - 1))
        self.next.clicked.connect(lambda: self.go_to(self.stack.currentIndex() + 1))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_state, stretch=1)
        buttons.addWidget(self.back)
        buttons.addWidget(self.next)
        body = QHBoxLayout()
        body.addWidget(self.page_list)
        body.addWidget(self.stack, stretch=1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.status_line)
        layout.addLayout(body, stretch=1)
        layout.addLayout(buttons)
        self._save_done.connect(self._on_saved, Qt.ConnectionType.QueuedConnection)
        self.page_list.currentRowChanged.connect(self._page_changed)
        self._load()
        self.go_to(self.spec.page_index(self.main.get(PAGE_KEY, "")), save=False)

    # -- building pages ---------------------------------------------------------------------------

    def _page_widget(self, page: PageSpec) -> QWidget:
        content = QWidget()
        column = QVBoxLayout(content)
        heading = QLabel(translate("Wizard", page.title))
        heading.setFont(title_font(13))
        column.addWidget(heading)
        if page.intro:
            intro = QLabel(translate("Wizard", page.intro))
            intro.setWordWrap(True)
            column.addWidget(intro)
        if page.special == "enterprise":
            self.enterprise_summary = QLabel()
            self.enterprise_summary.setTextFormat(Qt.TextFormat.PlainText)
            self.enterprise_summary.setWordWrap(True)
            self.enterprise_summary.setStyleSheet("background: #f3f6fa; padding: 6px;")
            column.addWidget(self.enterprise_summary)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A long label goes above its field, whole: a word-wrapped label beside the field was given
        # one line's height by QFormLayout and cut off top and bottom (1366×768, scale 1.25).
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for spec in page.fields:
            edit = make_input(self._choices(spec))
            edit.answer_edited.connect(lambda text, k=spec.key: self.edited(k, text))
            edit.committed.connect(lambda k=spec.key: self._saves.commit(k))
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setTextFormat(Qt.TextFormat.PlainText)
            error.setWordWrap(True)
            error.hide()
            holder = QWidget()
            stack = QVBoxLayout(holder)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.addWidget(edit)
            stack.addWidget(error)
            label = QLabel(translate("Wizard", spec.label))
            label.setObjectName(f"label_{spec.key}")
            label.setBuddy(edit)
            form.addRow(label, holder)
            self.inputs[spec.key], self.errors[spec.key] = edit, error
        if page.table is not None:
            table = LinesTable(page.table, page.columns)
            table.cell_edited.connect(lambda row, f, text, k=page.table: self.cell_edited(k, row, f, text))
            table.add_requested.connect(lambda k=page.table: self.add_rows(k, [{}]))
            table.remove_requested.connect(lambda row, k=page.table: self.remove_row(k, row))
            table.duplicate_requested.connect(lambda row, k=page.table: self.duplicate_row(k, row))
            table.rows_pasted.connect(lambda text, k=page.table: self.add_rows(k, paste.rows_from_text(text)))
            table.import_requested.connect(self._import_xlsx)
            table.setMinimumHeight(260)
            self.tables[page.table] = table
            column.addWidget(table, stretch=1)
        column.addLayout(form)
        if page.special == "materials":
            column.addWidget(self.materials_panel, stretch=1)
        if page.special == "review":
            column.addWidget(self._review_widget(), stretch=1)
        note = QLabel()
        note.setObjectName(f"note_{page.key}")
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        self.page_notes[page.key] = note
        column.addWidget(note)
        if page.table is None and page.special not in ("review", "materials"):
            column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        return scroll

    def _choices(self, spec: FieldSpec) -> FieldSpec:
        """A choice without its own list takes the programme's (e.g. its 重点支持领域)."""
        if spec.kind != "choice" or spec.choices:
            return spec
        fact = "project." + spec.key.removeprefix("project_")
        values = policy_choices(self.pack, self.programme_id, fact)
        return replace(spec, choices=tuple((v, v) for v in values)) if values else replace(spec, kind="text")

    def _review_widget(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.review_view = QTextBrowser()
        self.review_view.setObjectName("review")
        self.review_view.setOpenLinks(False)
        self.review_view.anchorClicked.connect(self._review_link)
        self.generate_panel.generate_button.clicked.connect(self.generate)
        layout.addWidget(self.review_view, stretch=1)
        layout.addWidget(self.generate_panel)
        return box

    # Shortcuts to the panels' widgets, for scripted scenes and tests.
    @property
    def folder(self) -> QLineEdit:
        return self.generate_panel.folder

    @property
    def generate_button(self) -> QPushButton:
        return self.generate_panel.generate_button

    @property
    def open_folder(self) -> QPushButton:
        return self.generate_panel.open_folder

    @property
    def bundle_path(self) -> Path | None:
        return self.generate_panel.bundle_path

    @property
    def materials_list(self) -> QListWidget:
        return self.materials_panel.materials_list

    @property
    def attached_list(self) -> QListWidget:
        return self.materials_panel.attached_list

    def attach(self, material: str, path: Path, loan: int | None = None) -> None:
        self.materials_panel.attach(material, path, loan)

    # -- load and save ---------------------------------------------------------------------------

    def _load(self) -> None:
        for key, edit in self.inputs.items():
            edit.blockSignals(True)
            edit.set_answer(self.main.get(key, ""))
            edit.blockSignals(False)
        self._prefill_route()
        for kind, table in self.tables.items():
            table.set_rows(self.lines[kind])
        self.refresh()

    def _prefill_route(self) -> None:
        """报送/抄送 default to what the policy says; the user's own words are never replaced."""
        try:
            result = self.pack.programme(self.programme_id)
        except StopIteration:
            return
        route = getattr(result.source, "route", None) or []
        if not route:
            return
        copies = "、".join(getattr(route[0], "copy_to", ()) or ())
        defaults = {"route_submit_to": route[0].submit_to + (f"（抄送：{copies}）" if copies else "")}
        for key, text in defaults.items():
            if key in self.inputs and not self.main.get(key) and text:
                self.inputs[key].set_answer(text)
                self.edited(key, text)

    def edited(self, key: str, text: str) -> None:
        if text.strip():
            self.main[key] = text
        else:
            self.main.pop(key, None)
        self._saves.changed(key)
        self.save_state.setText(translate("Wizard", "正在保存…"))
        self.refresh()

    def cell_edited(self, kind: str, row: int, field: str, text: str) -> None:
        answers = self.lines[kind][row]
        if text.strip():
            answers[field] = text
        else:
            answers.pop(field, None)
        self._saves.changed(f"{kind}:{self.line_refs[kind][row].id}:{field}")
        self.save_state.setText(translate("Wizard", "正在保存…"))
        self.refresh()

    def _write(self, key: str) -> None:
        if ":" in key:
            kind, ident, field = key.split(":")
            ref = RecordRef(kind, int(ident))  # type: ignore[arg-type]
            row = next((i for i, r in enumerate(self.line_refs[kind]) if r.id == int(ident)), None)
            if row is None:
                return  # the row was removed before its pause ended
            text = self.lines[kind][row].get(field)
            self.autosaver.submit(ref, field, text, self._save_done.emit)
        else:
            self.autosaver.submit(self.main_ref, key, self.main.get(key), self._save_done.emit)

    def _on_saved(self, result: SaveResult) -> None:
        key = f"{result.ref.kind}.{result.field}"
        if result.error is not None:
            self.save_errors[key] = result.error
            self.save_state.setText(result.error)
        else:
            self.save_errors.pop(key, None)
            if not self.save_errors and not self._saves.pending:
                self.save_state.setText(translate("Wizard", "所有修改已自动保存。"))
        self.saved.emit(result)

    def flush(self) -> None:
        self._saves.flush()
        self.autosaver.flush()

    # -- rows -----------------------------------------------------------------------------------

    def add_rows(self, kind: str, rows: list[dict[str, str]]) -> None:
        self._saves.flush()
        for row in rows:
            if kind == "loan":
                # A loan subsidy is for 流动资金贷款 (附件5 一、2); a tech upgrade's 贴息 for the
                # 固定资产投资贷款合同 (附件3 四（二）5).
                loan_kind = "fixed_asset" if self.summary.kind == "tech_upgrade" else "working_capital"
                row = {"kind": loan_kind, **row}
            ref = self.store.add_line(self.application_id, kind)  # type: ignore[arg-type]
            if row:
                self.store.save_answers(ref, row)
            self.line_refs[kind].append(ref)
            self.lines[kind].append(dict(row))
        self.tables[kind].set_rows(self.lines[kind])
        self.save_state.setText(translate("Wizard", "所有修改已自动保存。"))
        self.refresh()

    def remove_row(self, kind: str, row: int) -> None:
        self._saves.flush()
        self.autosaver.flush()
        self.store.remove_line(self.line_refs[kind].pop(row))
        self.lines[kind].pop(row)
        self.tables[kind].set_rows(self.lines[kind])
        self.refresh()

    def duplicate_row(self, kind: str, row: int) -> None:
        self.add_rows(kind, [dict(self.lines[kind][row])])

    def _import_xlsx(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("Wizard", "导入设备清单"), "",
                                              "Excel (*.xlsx)")
        if path:
            self.import_equipment(Path(path))

    def import_equipment(self, path: Path) -> None:
        try:
            rows = paste.rows_from_xlsx(path)
        except Exception as exc:  # a damaged or foreign file: say so beside the table
            self.page_notes["equipment"].setText(translate("Wizard", "无法读取 {name}：{error}").format(
                name=path.name, error=exc))
            return
        self.add_rows("equipment", rows)

    # -- navigation --------------------------------------------------------------------------------

    def go_to(self, index: int, *, save: bool = True) -> None:
        index = max(0, min(index, len(self.spec.pages) - 1))
        self.page_list.blockSignals(True)
        self.page_list.setCurrentRow(index)
        self.page_list.blockSignals(False)
        self._show(index, save=save)

    def go_to_page(self, key: str) -> None:
        self.go_to(self.spec.page_index(key))

    def open_at_missing(self, missing_facts: list[str]) -> None:
        """An undetermined programme: open at the first page that asks a missing fact."""
        # "loans", "loans[0].annual_rate", "project.name": the section a page asks for.
        sections = {fact.split(".", 1)[0].split("[", 1)[0].removesuffix("s") for fact in missing_facts}
        for index, page in enumerate(self.spec.pages):
            if sections & set(page.asks):
                self.go_to(index)
                return

    def _page_changed(self, row: int) -> None:
        self._show(row, save=True)

    def _show(self, index: int, *, save: bool) -> None:
        self._saves.flush()
        self.stack.setCurrentIndex(index)
        self.back.setEnabled(index > 0)
        self.next.setEnabled(index < len(self.spec.pages) - 1)
        key = self.spec.pages[index].key
        if save and self.main.get(PAGE_KEY) != key:
            self.main[PAGE_KEY] = key
            self.autosaver.submit(self.main_ref, PAGE_KEY, key, self._save_done.emit)
        self.refresh()

    @property
    def page_key(self) -> str:
        return self.spec.pages[self.stack.currentIndex()].key

    # -- what the answers mean ----------------------------------------------------------------------

    def state_draft(self) -> StoredDraft:
        """The answers as typed so far (in memory: no database read per keystroke)."""
        return StoredDraft(self.summary.kind, self.programme_id, self.profile, dict(self.main),
                           [dict(r) for r in self.lines["equipment"]], [dict(r) for r in self.lines["loan"]],
                           self.attachment_refs)

    def _attachments_changed(self) -> None:
        self.attachment_refs = attachment_refs(self.store, self.application_id)
        self.refresh()

    def refresh(self) -> None:
        state = read_draft(self.state_draft())
        self.state = state
        if self.summary.kind == "rd_institution":
            self.others_claimed = same_recognition(self.store, self.application_id,
                                                   self.main.get("institution_document_no", ""))
        current = review(state, self.pack, self.programme_id, already_claimed=self.others_claimed)
        self.current_review = current
        for key, label in self.errors.items():
            message = state.errors.get(key)
            label.setText(translate("Wizard", "{message}（已按原样保存，可稍后改正）").format(message=message)
                          if message else "")
            label.setVisible(message is not None)
        result = current.result
        amount = result.amount.figure
        self.status_line.setText(translate("Wizard", "自评：{status}；{amount}").format(
            status=status_text(result.status),
            amount=(translate("Wizard", "测算金额 {amount} 元").format(amount=f"{amount:,.2f}")
                    if amount is not None else translate("Wizard", "金额由主管部门确定或待测算"))))
        if hasattr(self, "enterprise_summary"):
            e = state.facts.enterprise
            self.enterprise_summary.setText(translate("Wizard", "企业：{name}　统一社会信用代码：{uscc}　"
                                                      "从业人员：{employees}　营业收入：{revenue} 元").format(
                name=e.name or "—", uscc=e.uscc or "—",
                employees=e.employees if e.employees is not None else "—",
                revenue=f"{e.revenue:,.2f}" if e.revenue is not None else "—"))
        if "equipment" in self.tables:
            notes, total, line = equipment_rows(self.lines["equipment"])
            declared = self._money("investment_equipment")
            if declared is not None and declared != total:
                line += f"；与设备购置费 {declared:,.2f} 元不一致"
            self.tables["equipment"].set_notes(notes, line)
        if "loan" in self.tables:
            rows = loan_rows_of(state, result, self.pack, self.programme_id)
            self.tables["loan"].set_notes([(text, outcome is not Outcome.FAIL) for text, outcome in rows],
                                          loan_totals_line(state, result, self.pack, self.programme_id, None))
        self._page_note(current)
        self.facts_changed.emit(state.facts)

    def _money(self, key: str) -> Decimal | None:
        text = self.main.get(key)
        if not text:
            return None
        try:
            return parse_money_input(text)
        except InputError:
            return None

    def _page_note(self, current: Review) -> None:
        page = self.spec.pages[self.stack.currentIndex()]
        note = self.page_notes[page.key]
        text, style = "", WARN_STYLE
        result = current.result
        if page.asks:
            # Each loan's reasons are in its own row of the table; below it, only the rest.
            shown = [c for c in result.conditions if c.outcome is not Outcome.PASS
                     and not (page.table == "loan" and c.id.startswith("loans["))]
            open_conditions = [f"{'✘' if c.outcome is Outcome.FAIL else '？'} {c.label}：{c.finding}"
                               for c in shown]
            text = "\n".join(open_conditions[:8])
            style = ERROR_STYLE if any(c.outcome is Outcome.FAIL for c in shown) else WARN_STYLE
            if all(c.outcome is Outcome.PASS for c in result.conditions):
                # Say so, rather than leave the "结果见下方" of the page's intro empty.
                text, style = translate("Wizard", "✔ 自评的各项条件都已符合。"), OK_STYLE
        if page.key == "institution" and self.others_claimed:
            claim = [w for w in current.warnings if "同一认定" in w]
            text = "\n".join([*claim, text]).strip()
        if page.special == "subsidy":
            ratio = self._rate("assumed_ratio")
            if ratio is None and self.main.get("assumed_ratio", "").strip():
                # Refused (above 100%, or not a figure) and said so: a share of the interest, not a rate.
                error = self.errors["assumed_ratio"]
                error.setText(translate("Wizard", "贴息比例是贴息占利息的比例，须小于 100%（如 50%），"
                                                  "不是贷款年利率；此值未用于测算。"))
                error.show()
            text = loan_totals_line(self.state, result, self.pack, self.programme_id, ratio)
            size = current.assessment.size_class
            label = choice_label(size) if size else translate("Wizard", "未能确定（请在企业信息中补充）")
            if size == "large":
                text = f"注意：企业规模为“{label}”，本政策只支持中小企业，不能申报。\n" + text
            else:
                text = f"企业规模：{label}。{current.assessment.size_explanation}\n" + text
            style = ""
        if page.special == "award":
            amount = result.amount
            figure = f"{amount.figure:,.2f} 元" if amount.figure is not None else "由主管部门确定"
            cite = f"（{amount.citation.clause}：“{amount.citation.excerpt}”）" if amount.citation else ""
            text = f"奖励：{figure}；{amount.basis}{cite}"
            spend, revenue = self._institution_spend(), self.state.facts.enterprise.revenue
            if spend is not None and revenue:
                text = f"研发经费占上年度营业收入 {spend / revenue * 100:.2f}%。\n" + text
            if current.warnings and self.others_claimed:
                text += "\n" + current.warnings[-1]
            style = ""
        if page.special == "materials":
            loans = ["　".join(p for p in (row.get("bank", ""), row.get("contract_no", "")) if p)
                     for row in self.lines["loan"]]
            self.materials_panel.show_materials(result.materials, loans)
        if page.special == "review":
            self.review_view.setHtml(review_html(self, current))
            self.generate_button.setEnabled(current.can_generate and not self.generate_panel.busy)
        note.setStyleSheet(style)
        note.setText(text)

    def _institution_spend(self) -> Decimal | None:
        institution = self.state.facts.institution
        return institution.rd_spend if institution is not None else None

    def _rate(self, key: str) -> Decimal | None:
        text = self.main.get(key)
        if not text:
            return None
        try:
            value = field_value(Loan, "annual_rate", text)
        except InputError:
            return None
        return value if isinstance(value, Decimal) else None

    def _review_link(self, url: QUrl) -> None:
        scheme, _, target = url.toString().partition(":")
        if scheme == "page":
            self.go_to_page(target)

    # -- generate ---------------------------------------------------------------------------------------

    def generate(self) -> None:
        self.flush()
        state = read_draft(self.state_draft())
        current = review(state, self.pack, self.programme_id, already_claimed=self.others_claimed)
        application = state.application if current.can_generate else None
        name = f"{(state.facts.enterprise.name or '申报')}_{self.summary.title or self.summary.kind}"
        self.generate_panel.start(application, name)


__all__ = ["WIZARDS", "WizardFrame", "answers_of"]
