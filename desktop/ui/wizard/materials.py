"""The materials page: the programme's checklist, with files attached to one item at a time.

Files go into the store's attachments (copied, content-addressed, hash-checked on every read)
and travel in the bundle under ``attachments/``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.store import attachments
from desktop.store.records import StoreError
from desktop.store.store import Store
from desktop.ui.i18n import translate


class MaterialsPanel(QWidget):
    changed = Signal()
    failed = Signal(str)

    def __init__(self, store: Store, application_id: int) -> None:
        super().__init__()
        self._store, self._application_id = store, application_id
        self.materials_list = QListWidget()
        self.materials_list.setObjectName("materialsList")
        self.materials_list.setWordWrap(True)
        self.attached_list = QListWidget()
        self.attached_list.setObjectName("attachedList")
        attach = QPushButton(translate("Wizard", "为所选材料添加文件…"))
        attach.clicked.connect(self._choose)
        remove = QPushButton(translate("Wizard", "移除所选文件"))
        remove.clicked.connect(self._remove)
        row = QHBoxLayout()
        row.addWidget(attach)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.materials_list, stretch=2)
        layout.addLayout(row)
        layout.addWidget(QLabel(translate("Wizard", "已附文件（随申报包一起打包）：")))
        layout.addWidget(self.attached_list, stretch=1)

    def show_materials(self, materials: list[str]) -> None:
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
            item = QListWidgetItem(f"{info.original_name}（{info.material or '—'}，{info.size:,} 字节）")
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.attached_list.addItem(item)

    def _choose(self) -> None:
        item = self.materials_list.currentItem()
        if item is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, translate("Wizard", "选择材料文件"))
        if path:
            self.attach(str(item.data(Qt.ItemDataRole.UserRole)), Path(path))

    def attach(self, material: str, path: Path) -> None:
        try:
            attachments.add_attachment(self._store, self._application_id, path, material)
        except StoreError as exc:  # too big, unreadable: said beside the list, nothing changed
            self.failed.emit(str(exc))
            return
        self.changed.emit()

    def _remove(self) -> None:
        item = self.attached_list.currentItem()
        if item is not None:
            attachments.remove_attachment(self._store, int(item.data(Qt.ItemDataRole.UserRole)))
            self.changed.emit()
