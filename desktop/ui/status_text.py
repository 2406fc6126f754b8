"""Human-readable status-bar text for the installed rule pack."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def rulepack_status_text() -> str:
    return QCoreApplication.translate("status", "规则包：尚未加载")
