"""Import a signed rule pack from the window, and show what it changes.

The dialog only drives the Qt-free core (:mod:`desktop.rulepacks`): verify and stage, show the
authority's changelog and the change report, install on the user's yes.  It holds no rules.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMenu,
    QPushButton,
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
from desktop.ui.i18n import translate

DraftsSource = Callable[[], Sequence[Any]]


class ChangesView(QTreeWidget):
    """The change report as a tree: added, removed, changed (old -> new, clause), drafts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packChanges")
        self.setColumnCount(4)
        self.setHeaderLabels([self.tr("内容"), self.tr("原规则"), self.tr("新规则"), self.tr("依据条款")])
        self.setAlternatingRowColors(True)

    def show_changes(self, changes: PackChanges) -> None:
        self.clear()
        if changes.empty:
            QTreeWidgetItem(self, [self.tr("政策项目没有变化")])
        for title, rows in ((self.tr("新增项目"), changes.added), (self.tr("移除项目"), changes.removed)):
            if rows:
                group = QTreeWidgetItem(self, [f"{title}（{len(rows)}）"])
                for pid, name in rows:
                    QTreeWidgetItem(group, [f"{name}  [{pid}]"])
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
        self.setColumnWidth(0, 560)
        self.resizeColumnToContents(1)
        self.resizeColumnToContents(2)


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
        self.message.setText(self.tr(
            "规则包 {id} {version}，签名者 {signer}，有效期 {start} 至 {end}。\n变更说明：{log}\n"
            "确认无误后点“安装”；安装前本机规则不变。").format(
            id=manifest.pack_id, version=manifest.version,
            signer=short_fingerprint(prepared.verified.signer.fingerprint),
            start=manifest.valid_from.isoformat(), end=manifest.valid_until.isoformat(),
            log=" ".join(manifest.changelog)))
        self.changes.show_changes(self._changes(prepared))
        self.install_button.setEnabled(True)

    def _changes(self, prepared: PreparedImport) -> PackChanges:
        return with_drafts(compare_packs(prepared.previous.pack, prepared.pack), self._drafts())

    def install(self) -> None:
        prepared, self._prepared = self._prepared, None
        if prepared is None:
            return
        active = commit_import(prepared)
        self.install_button.setEnabled(False)
        self._show_current(active)
        self.message.setText(self.tr("已安装规则包 {id} {version}（原为 {old}），有效期至 {end}。\n"
                                     "变更说明：{log}\n下面是本次的变化；草稿仍按原规则包，重新自评后才采用新规则。").format(
            id=active.pack.identity.id, version=active.version, old=prepared.previous.version,
            end=prepared.verified.manifest.valid_until.isoformat(),
            log=" ".join(prepared.verified.manifest.changelog)))
        self.installed.emit()

    def _discard(self) -> None:
        if self._prepared is not None:
            self._prepared.discard()
            self._prepared = None
        self.install_button.setEnabled(False)

    def done(self, result: int) -> None:
        self._discard()  # a staged pack the user did not install leaves nothing behind
        super().done(result)


def add_import_action(menu: QMenu, window: QWidget, data_dir: Path, drafts: DraftsSource,
                      installed: Callable[[], None]) -> QAction:
    """Add “导入规则包…” to ``menu``; ``installed`` runs once the dialog closes after an install."""
    action = menu.addAction(translate("RulePackDialog", "导入规则包(&I)…"))
    action.setObjectName("importRulePack")

    def open_dialog() -> None:
        dialog = RulePackDialog(data_dir, drafts, window)
        done: list[bool] = []
        dialog.installed.connect(lambda: done.append(True))
        dialog.exec()
        dialog.deleteLater()
        if done:
            installed()

    action.triggered.connect(open_dialog)
    return action
