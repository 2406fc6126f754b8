"""查看原文: the whole policy text, scrolled to the cited clause with the quote highlighted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.policies.texts import PolicyTextError, find_excerpt, policy_text
from desktop.rules.results import CitedText

HIGHLIGHT = QColor("#ffe58a")


class SourceViewer(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceViewer")
        self.resize(820, 640)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.text, stretch=1)
        layout.addWidget(buttons)
        self.highlighted = ""

    def show_citation(self, citation: CitedText, title: str, texts_dir: Path | None = None) -> bool:
        """Load the text and select the quote; False (and a plain message) if it cannot be found.

        ``texts_dir``: an installed rule pack's own texts (the shipped ones otherwise).
        """
        self.setWindowTitle(self.tr("政策原文：{title}").format(title=title))
        try:
            original = policy_text(citation.file, texts_dir)
        except PolicyTextError as exc:
            self.heading.setText(str(exc))
            self.text.clear()
            return False
        self.text.setPlainText(original)
        span = find_excerpt(original, citation.excerpt)
        if span is None:
            self.heading.setText(self.tr("{clause}：原文中未找到这段引文，请核对规则包。").format(
                clause=citation.clause))
            return False
        self.heading.setText(self.tr("{clause}（已在原文中标出）").format(clause=citation.clause))
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(HIGHLIGHT)
        selection.format = fmt
        self.text.setExtraSelections([selection])
        self.highlighted = cursor.selectedText()
        # Put the quote in view, a few lines below the top, with the caret at its start.
        caret = QTextCursor(self.text.document())
        caret.setPosition(span.start)
        self.text.setTextCursor(caret)
        self.text.centerCursor()
        return True
