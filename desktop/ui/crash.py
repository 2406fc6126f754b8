"""Turn an unexpected exception into a readable dialog and a logged traceback."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("desktop.crash")


def install_crash_handler() -> None:
    def handle(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        log.critical("unhandled exception", exc_info=(exc_type, exc, tb))
        if QApplication.instance() is None:
            sys.__excepthook__(exc_type, exc, tb)
            return
        box = QMessageBox()
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QApplication.translate("crash", "程序出错"))
        box.setText(
            QApplication.translate(
                "crash",
                "程序遇到意外错误。已保存的内容不会丢失。\n"
                "错误详情已写入日志文件，请将日志提供给技术支持人员。",
            )
        )
        box.setDetailedText(f"{exc_type.__name__}: {exc}")
        box.exec()

    sys.excepthook = handle
