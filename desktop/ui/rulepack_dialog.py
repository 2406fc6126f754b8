"""Import a signed rule pack from the window, and show what it changes.

The dialog only drives the Qt-free core (:mod:`desktop.rulepacks`): verify and stage, show the
authority's changelog and the change report, install on the user's yes.  It holds no rules.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.rulepacks.active import ActivePack, active_pack
from desktop.rulepacks.changes import PackChanges, compare_packs, with_drafts
from desktop.rulepacks.errors import PackRefusedError
from desktop.rulepacks.install import PreparedImport, commit_import, prepare_import
from desktop.rulepacks.keys import short_fingerprint
from desktop.rules.status import pack_status
from desktop.ui.rulepack_action import DraftsSource
from desktop.ui.rulepack_action import add_import_action as add_import_action  # its old home


class _WrappingDelegate(QStyledItemDelegate):
    """Row heights that fit the text wrapped to its column (QTreeView alone sizes for one line)."""

    def __init__(self, view: ChangesView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt's name)
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            return hint
        width = self._view.text_width(index)
        margin = 2 * (self._view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        box = option.fontMetrics.boundingRect(QRect(0, 0, max(width - margin, 20), 100_000),
                                              Qt.TextFlag.TextWordWrap, str(text))
        return QSize(hint.width(), max(hint.height(), box.height() + 4))


class ChangesView(QTreeWidget):
    """The change report as a tree: added, removed, changed (old -> new, clause), drafts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packChanges")
        self.setColumnCount(4)
        self.setHeaderLabels([self.tr("内容"), self.tr("原规则"), self.tr("新规则"), self.tr("依据条款")])
        self.setAlternatingRowColors(True)
        # Wrap, never elide: a hidden "≥" or a cut programme id changes what the row says.
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setUniformRowHeights(False)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.setItemDelegate(_WrappingDelegate(self))
        # Row heights follow the wrapped text only when laid out again after a column changes width.
        header.sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())

    def text_width(self, index: QModelIndex | QPersistentModelIndex) -> int:
        """The width the text of ``index`` is drawn in: its column, less the tree's indentation."""
        item = self.itemFromIndex(index)
        if index.column() != 0 or item is None:
            return self.columnWidth(index.column())
        depth, parent = 1, item.parent()
        while parent is not None:
            depth, parent = depth + 1, parent.parent()
        spanned = item.isFirstColumnSpanned()
        width = self.viewport().width() if spanned else self.columnWidth(0)
        return width - depth * self.indentation()

    def show_changes(self, changes: PackChanges) -> None:
        self.clear()
        if changes.empty:
            QTreeWidgetItem(self, [self.tr("政策项目没有变化")])
        for title, rows in ((self.tr("新增项目"), changes.added), (self.tr("移除项目"), changes.removed)):
            if rows:
                group = QTreeWidgetItem(self, [f"{title}（{len(rows)}）"])
                for pid, name in rows:
                    QTreeWidgetItem(group, [f"{name}  [{pid}]"]).setFirstColumnSpanned(True)
        if changes.changed:
            group = QTreeWidgetItem(self, [self.tr("变更项目（{n}）").format(n=len(changes.changed))])
            for change in changes.changed:
                item = QTreeWidgetItem(group, [f"{change.title}  [{change.id}]"])
                for value in change.values:
                    QTreeWidgetItem(item, [value.what, value.old, value.new, value.clause])
                if change.fields:
                    other = self.tr("其他变化：{fields}").format(fields="、".join(change.fields))
                    QTreeWidgetItem(item, [other])
        if changes.drafts:
            title = self.tr("受影响的草稿（{n}，仍按原规则包，重新自评后才采用新规则）")
            group = QTreeWidgetItem(self, [title.format(n=len(changes.drafts))])
            for draft in changes.drafts:
                pinned = self.tr("规则包 {v}").format(v=draft.pinned_version)
                QTreeWidgetItem(group, [f"#{draft.id} {draft.title or draft.programme_id}", pinned, "",
                                        draft.reason])
        # Group and programme rows are titles: let them use the whole width.
        for top in range(self.topLevelItemCount()):
            heading = self.topLevelItem(top)
            assert heading is not None
            heading.setFirstColumnSpanned(True)
            for child in range(heading.childCount()):
                programme = heading.child(child)
                if programme is not None and programme.childCount():
                    programme.setFirstColumnSpanned(True)
        self.expandAll()
        # Figures and clauses are short: fit them; the first column takes the rest and wraps.
        width = self.viewport().width() or 900
        for column in (1, 2, 3):
            self.resizeColumnToContents(column)
            self.setColumnWidth(column, min(self.columnWidth(column), width // 5))
        self.doItemsLayout()


class RulePackDialog(QDialog):
    """Choose a pack file, see who signed it and what changes, install it or not."""

    installed = Signal()

    def __init__(self, data_dir: Path, drafts: DraftsSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入规则包"))
        self.setObjectName("rulePackDialog")
        # Fits a 1366×768 screen at 125 % and 150 % scaling too.
        available = self.screen().availableGeometry()
        self.resize(min(1000, int(available.width() * 0.9)), min(620, int(available.height() * 0.85)))
        self._data_dir, self._drafts = data_dir, drafts
        self._prepared: PreparedImport | None = None
        self.current = QLabel()
        self.current.setObjectName("currentPack")
        self.current.setWordWrap(True)
        self.choose = QPushButton(self.tr("选择规则包文件(&O)…"))
        self.choose.clicked.connect(self.choose_file)
        self.message = QLabel()
        self.message.setObjectName("packMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.changes = ChangesView()
        self.buttons = QDialogButtonBox()
        self.install_button = self.buttons.addButton(self.tr("安装(&I)"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.install_button.setEnabled(False)
        self.close_button = self.buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.install_button.clicked.connect(self.install)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.current, self.choose, self.message):
            layout.addWidget(widget)
        layout.addWidget(self.changes, stretch=1)
        layout.addWidget(self.buttons)
        self._show_current(active_pack(data_dir))

    def _show_current(self, active: ActivePack) -> None:
        if active.origin == "installed" and active.signer:
            text = self.tr("当前规则包：{id} {version}（已安装的签名规则包，签名者 {signer}）").format(
                id=active.pack.identity.id, version=active.version, signer=short_fingerprint(active.signer))
        else:
            text = self.tr("当前规则包：{id} {version}（程序内置）").format(
                id=active.pack.identity.id, version=active.version)
        self.current.setText(text)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("选择规则包"), "",
                                                    self.tr("规则包 (*.zip)"))
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        """Verify and stage ``path``; show its changelog and changes, or why it is refused."""
        self._discard()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            prepared = prepare_import(self._data_dir, path)
        except PackRefusedError as exc:
            self.message.setStyleSheet("color: #b3261e;")
            self.message.setText(self.tr("未导入：{reason}").format(reason=exc.message)
                                 + "".join(f"\n· {d}" for d in exc.details[:10]))
            self.changes.clear()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._prepared = prepared
        manifest = prepared.verified.manifest
        self.message.setStyleSheet("")
        text = self.tr("规则包 {id} {version}，签名者 {signer}；{validity}。").format(
            id=manifest.pack_id, version=manifest.version,
            signer=short_fingerprint(prepared.verified.signer.fingerprint),
            validity=self._pack_validity(prepared))
        text += "\n" + self.tr("变更说明（主管部门）：") + self._changelog(prepared)
        text += "\n" + self.tr("确认无误后点“安装”；安装前本机规则不变。")
        self.message.setText(text)
        self.changes.show_changes(self._changes(prepared))
        self.install_button.setEnabled(True)

    def _pack_validity(self, prepared: PreparedImport) -> str:
        """The pack's own validity, named apart from its policies' in-force spans."""
        manifest = prepared.verified.manifest
        start, end = manifest.valid_from.isoformat(), manifest.valid_until.isoformat()
        if manifest.valid_from > dt.date.today():
            return self.tr("规则包自 {start} 起生效，有效期至 {end}").format(start=start, end=end)
        return self.tr("规则包有效期 {start} 至 {end}").format(start=start, end=end)

    def _changelog(self, prepared: PreparedImport) -> str:
        return "".join(f"\n  · {line}" for line in prepared.verified.manifest.changelog)

    def _changes(self, prepared: PreparedImport) -> PackChanges:
        return with_drafts(compare_packs(prepared.previous.pack, prepared.pack), self._drafts())

    def install(self) -> None:
        prepared, self._prepared = self._prepared, None
        if prepared is None:
            return
        active = commit_import(prepared)
        self.install_button.setEnabled(False)
        self._show_current(active)
        text = self.tr("已安装规则包 {id} {version}（原为 {old}）；{validity}。").format(
            id=active.pack.identity.id, version=active.version, old=prepared.previous.version,
            validity=self._pack_validity(prepared))
        manifest = prepared.verified.manifest
        if manifest.valid_from > dt.date.today():
            future = self.tr("此规则包自 {start} 起生效；已安装并用于自评，"
                             "各项政策能否申报仍以各自政策的施行期为准。")
            text += "\n" + future.format(start=manifest.valid_from.isoformat())
        status = pack_status(active.pack, dt.date.today())
        end = status.valid_to.isoformat() if status.valid_to else self.tr("长期")
        policies = self.tr("所含政策的施行期 {start} 至 {end}，{in_force}/{total} 项政策当前有效。")
        text += "\n" + policies.format(start=status.valid_from.isoformat(), end=end,
                                       in_force=status.in_force, total=status.programmes)
        text += "\n" + self.tr("变更说明（主管部门）：") + self._changelog(prepared)
        text += "\n" + self.tr("下面是本次的变化；草稿仍按原规则包，重新自评后才采用新规则。")
        self.message.setText(text)
        self.installed.emit()

    def _discard(self) -> None:
        if self._prepared is not None:
            self._prepared.discard()
            self._prepared = None
        self.install_button.setEnabled(False)

    def done(self, result: int) -> None:
        self._discard()  # a staged pack the user did not install leaves nothing behind
        super().done(result)
