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
                "错误详情已写入日志文件（数据文件夹中的 logs/desktop.log），可提供给技术支持人员。"
                "日志只记录程序的操作步骤和出错位置：不含企业填写的内容，"
                "文件路径中的用户文件夹写作 ~。",
            )
        )
        box.setDetailedText(f"{exc_type.__name__}: {exc}")
        box.exec()

    sys.excepthook = handle
