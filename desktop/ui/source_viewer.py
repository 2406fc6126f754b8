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

from desktop.policies.texts import ISSUER_CLAUSE, PolicyTextError, locate_citation, policy_text
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

    def show_citation(self, citation: CitedText, title: str, texts_dir: Path | None = None,
                      document: str = "") -> bool:
        """Load the text and select the quote; False (and a plain message) if it cannot be found.

        ``texts_dir``: an installed rule pack's own texts (the shipped ones otherwise);
        ``document``: the policy document's title and 文号, named in the heading.
        """
        self.setWindowTitle(self.tr("政策原文：{title}").format(title=title))
        self.text.setExtraSelections([])
        self.highlighted = ""
        source = document or citation.file
        try:
            original = policy_text(citation.file, texts_dir)
        except PolicyTextError as exc:
            self.heading.setText(str(exc))
            self.text.clear()
            return False
        self.text.setPlainText(original)
        # The quote is looked for inside the clause the rule cites: a short quote ("青海省")
        # also occurs in unrelated clauses, and its first occurrence is often one of those.
        found = locate_citation(original, citation.clause, citation.excerpt, citation.file[:3])
        span = found.span
        if span is None and citation.clause == ISSUER_CLAUSE:
            # Most texts name their issuer only in the title or the seal, not in the body.
            self.heading.setText(self.tr("《{document}》的发文机关：{issuer}（原文正文中没有写出，无处可标）").format(
                document=source, issuer=citation.excerpt))
            return False
        if span is None:
            self.heading.setText(self.tr("《{document}》{clause}：所引条款中未找到“{excerpt}”，请核对规则包。").format(
                document=source, clause=citation.clause, excerpt=citation.excerpt))
            return False
        if found.clause_found:
            self.heading.setText(self.tr("《{document}》{clause}（已在原文中标出）").format(
                document=source, clause=citation.clause))
        else:
            self.heading.setText(self.tr(
                "《{document}》：原文中找不到条款“{clause}”，标出的是引文在全文中第一次出现的地方，"
                "不一定是规则所引之处。").format(document=source, clause=citation.clause))
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
