"""The materials page: the programme's checklist, with files attached to one item at a time.

Files go into the store's attachments (copied, content-addressed, hash-checked on every read)
and travel in the bundle under ``attachments/``.  An item asked once per loan (a loan contract;
the core's :func:`desktop.applications.per_loan.asks_per_loan` says which) takes one file per
loan: the user picks the loan the file belongs to, and the attachment keeps its number.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.applications.per_loan import asks_per_loan
from desktop.store import attachments
from desktop.store.records import StoreError
from desktop.store.store import Store
from desktop.ui.i18n import translate


class MaterialsPanel(QWidget):
    changed = Signal()
    failed = Signal(str)

    def __init__(self, store: Store, application_id: int, kind: str = "") -> None:
        super().__init__()
        self._store, self._application_id, self._kind = store, application_id, kind
        self._loans: list[str] = []
        self.materials_list = QListWidget()
        self.materials_list.setObjectName("materialsList")
        self.materials_list.setWordWrap(True)
        self.attached_list = QListWidget()
        self.attached_list.setObjectName("attachedList")
        attach = QPushButton(translate("Wizard", "为所选材料添加文件…"))
        attach.clicked.connect(self._choose)
        self.attach_button = attach
        remove = QPushButton(translate("Wizard", "移除所选文件"))
        remove.clicked.connect(self._remove)
        # A per-loan item's file belongs to one loan: chosen here (one file per loan, never "all").
        self.loan_label = QLabel(translate("Wizard", "该文件对应："))
        self.loan_combo = QComboBox()
        self.loan_combo.setObjectName("attachmentLoan")
        self.loan_label.setBuddy(self.loan_combo)
        self.materials_list.currentItemChanged.connect(lambda *_: self._show_loan_choice())
        row = QHBoxLayout()
        row.addWidget(self.loan_label)
        row.addWidget(self.loan_combo, stretch=1)
        row.addWidget(attach)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.materials_list, stretch=2)
        layout.addLayout(row)
        layout.addWidget(QLabel(translate("Wizard", "已附文件（随申报包一起打包）：")))
        layout.addWidget(self.attached_list, stretch=1)

    def show_materials(self, materials: list[str], loans: list[str] | None = None) -> None:
        """The checklist and the attached files; ``loans`` names each loan (bank, contract no.)."""
        self._loans = list(loans or [])
        chosen = self.loan_combo.currentIndex()
        self.loan_combo.clear()
        for number, label in enumerate(self._loans, 1):
            text = translate("Wizard", "第{n}笔：{loan}").format(n=number, loan=label)
            self.loan_combo.addItem(text, number)
        self.loan_combo.setCurrentIndex(min(max(chosen, 0), len(self._loans) - 1))
        attached = attachments.list_attachments(self._store, self._application_id)
        by_material: dict[str, int] = {}
        for info in attached:
            by_material[info.material] = by_material.get(info.material, 0) + 1
        current = self.materials_list.currentRow()
        self.materials_list.clear()
        for index, material in enumerate(materials, 1):
            count = by_material.get(material, 0)
            mark = (translate("Wizard", "已附 {n} 个文件").format(n=count) if count
                    else translate("Wizard", "未附文件"))
            item = QListWidgetItem(f"{index}. {material}　〔{mark}〕")
            item.setData(Qt.ItemDataRole.UserRole, material)
            self.materials_list.addItem(item)
        self.materials_list.setCurrentRow(max(current, 0))
        self.attached_list.clear()
        for info in attached:
            belongs = [info.material or "—"]
            if info.loan is not None:
                belongs.append(self._loan_text(info.loan))
            item = QListWidgetItem(f"{info.original_name}（{'，'.join(belongs)}，{info.size:,} 字节）")
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.attached_list.addItem(item)
        self._show_loan_choice()

    def _loan_text(self, number: int) -> str:
        label = self._loans[number - 1] if number <= len(self._loans) else ""
        return translate("Wizard", "第{n}笔贷款").format(n=number) + (f" {label}" if label else "")

    def current_material(self) -> str | None:
        item = self.materials_list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _show_loan_choice(self) -> None:
        material = self.current_material()
        per_loan = material is not None and asks_per_loan(self._kind, material) and bool(self._loans)
        self.loan_label.setVisible(per_loan)
        self.loan_combo.setVisible(per_loan)

    def _choose(self) -> None:
        item = self.materials_list.currentItem()
        if item is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, translate("Wizard", "选择材料文件"))
        if path:
            material = str(item.data(Qt.ItemDataRole.UserRole))
            self.attach(material, Path(path), self._chosen_loan(material))

    def _chosen_loan(self, material: str) -> int | None:
        if not (asks_per_loan(self._kind, material) and self._loans):
            return None
        number = self.loan_combo.currentData()
        return number if isinstance(number, int) else 1

    def attach(self, material: str, path: Path, loan: int | None = None) -> None:
        try:
            attachments.add_attachment(self._store, self._application_id, path, material, loan=loan)
        except StoreError as exc:  # too big, unreadable: said beside the list, nothing changed
            self.failed.emit(str(exc))
            return
        self.changed.emit()

    def _remove(self) -> None:
        item = self.attached_list.currentItem()
        if item is not None:
            attachments.remove_attachment(self._store, int(item.data(Qt.ItemDataRole.UserRole)))
            self.changed.emit()
