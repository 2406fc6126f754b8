"""The review page's lower half: where to save, 生成申报包 in the background, the result.

The bundle is built by :class:`desktop.ui.background.BackgroundOp`: the worker gets the
application file, the attachments' bytes and the rule pack (plain, read-only data) and returns
the bundle's path; the widgets are only touched in the callbacks, on the GUI thread.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.applications.model import ApplicationFile
from desktop.applications.stored import attachment_contents, record_export
from desktop.rules.pack import RulePack
from desktop.store.store import Store
from desktop.ui.background import BackgroundOp, Progress
from desktop.ui.i18n import translate


def build_bundle(application: ApplicationFile, attachments: dict[str, bytes], pack: RulePack, out: Path,
                 progress: Progress) -> Path:
    """Runs on the worker: plain data in, a file path out."""
    from desktop.bundle.build import write_bundle
    from desktop.documents.drafting import draft

    progress(10, "正在生成文书…")
    result = draft(application, pack, dt.datetime.now().replace(microsecond=0))
    progress(80, "正在写入申报包…")
    write_bundle(result, attachments, out)
    progress(100, "完成")
    return out


FOLDER_SETTING = "wizard.bundle_folder"  # the folder the last bundle was saved to


def default_folder() -> Path:
    """申报包 under the user's Documents (not the home folder's root)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "申报包"


def safe_file_name(name: str) -> str:
    return "".join("_" if c in '\\/:*?"<>|' else c for c in name)[:80]


class GeneratePanel(QWidget):
    generated = Signal(object)  # the bundle's Path

    def __init__(self, store: Store, pack: RulePack, application_id: int) -> None:
        super().__init__()
        self._store, self._pack, self._application_id = store, pack, application_id
        self.operation: BackgroundOp | None = None
        self.bundle_path: Path | None = None
        remembered = store.setting(FOLDER_SETTING)
        known = isinstance(remembered, str) and Path(remembered).is_dir()
        start = Path(remembered) if known else default_folder()
        self.folder = QLineEdit(str(start))
        self.folder.setObjectName("outputFolder")
        choose = QPushButton(translate("Wizard", "选择文件夹…"))
        choose.clicked.connect(self._choose_folder)
        self.generate_button = QPushButton(translate("Wizard", "生成申报包"))
        self.generate_button.setObjectName("generate")
        self.progress = QProgressBar()
        self.progress.hide()
        self.result_label = QLabel()
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setWordWrap(True)
        self.open_folder = QPushButton(translate("Wizard", "打开所在文件夹"))
        self.open_folder.hide()
        self.open_folder.clicked.connect(self._open_folder)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("Wizard", "保存到：")))
        row.addWidget(self.folder, stretch=1)
        row.addWidget(choose)
        row.addWidget(self.generate_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addWidget(self.open_folder)

    @property
    def busy(self) -> bool:
        return self.operation is not None and self.operation.running

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("Wizard", "选择保存申报包的文件夹"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def start(self, application: ApplicationFile | None, name: str) -> None:
        """Build the bundle in the background, or say why not (nothing is written then)."""
        if application is None:
            self.result_label.setText(translate("Wizard", "还有必须改正的问题，见上方列表。"))
            return
        folder = Path(self.folder.text())
        if folder == default_folder():
            # The default folder is made on first use; if it cannot be, that is said just below.
            with contextlib.suppress(OSError):
                folder.mkdir(parents=True, exist_ok=True)
        if not folder.is_dir():
            self.result_label.setText(translate("Wizard", "文件夹不存在：{folder}").format(folder=folder))
            return
        out = folder / (safe_file_name(name) + ".zip")
        files = attachment_contents(self._store, self._application_id)
        pack = self._pack
        self.generate_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()

        def work(progress: Progress) -> Path:
            return build_bundle(application, files, pack, out, progress)

        self.operation = (BackgroundOp(self, work)
                          .on_progress(lambda percent, _text: self.progress.setValue(percent))
                          .success(self._generated).failure(self._failed))
        self.operation.run()

    def _generated(self, path: object) -> None:
        assert isinstance(path, Path)
        identity = self._pack.identity
        record = record_export(self._store, self._application_id, path, f"{identity.id} {identity.version}")
        self.bundle_path = path
        self._store.set_setting(FOLDER_SETTING, str(path.parent))
        self.progress.hide()
        self.generate_button.setEnabled(True)
        self.result_label.setText(translate("Wizard", "已生成 {file}\nSHA-256：{hash}").format(
            file=path, hash=record.sha256))
        self.open_folder.show()
        self.generated.emit(path)

    def _failed(self, error: Exception) -> None:
        self.progress.hide()
        self.generate_button.setEnabled(True)
        problems = getattr(error, "problems", None)
        text = "\n".join(problems) if problems else str(error)
        self.result_label.setText(translate("Wizard", "未生成申报包：\n{problems}").format(problems=text))

    def _open_folder(self) -> None:
        if self.bundle_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.bundle_path.parent)))
