"""Register the bundled CJK fonts so Chinese renders on machines without any installed."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.fonts import BODY_FONT, TITLE_FONT

log = logging.getLogger(__name__)


def register_bundled_fonts(app: QApplication) -> list[str]:
    """Add the bundled faces to Qt and make the body face the application default."""
    families: list[str] = []
    for face in (BODY_FONT, TITLE_FONT):
        font_id = QFontDatabase.addApplicationFont(str(face.path))
        if font_id < 0:
            log.error("could not load bundled font %s", face.path)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    if BODY_FONT.family in families:
        font = QFont(BODY_FONT.family)
        font.setPointSizeF(max(app.font().pointSizeF(), 10.5))
        app.setFont(font)
    return families


def title_font(point_size: float = 14) -> QFont:
    font = QFont(TITLE_FONT.family)
    font.setPointSizeF(point_size)
    font.setBold(True)
    return font
