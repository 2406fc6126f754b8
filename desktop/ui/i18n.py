"""Install Qt's own translations and ours for the chosen language."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.paths import resource

log = logging.getLogger(__name__)

SUPPORTED_LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


def translate(context: str, text: str) -> str:
    """``translate("labels", "可以申报")``: pyside6-lupdate collects every call written this way
    (a one-argument helper would hide the context from it, and the string from the catalogue)."""
    return QCoreApplication.translate(context, text)


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load qtbase (standard buttons) and the app's own catalogue; return them to keep alive."""
    if language not in SUPPORTED_LANGUAGES:
        language = DEFAULT_LANGUAGE
    QLocale.setDefault(QLocale(language))
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    catalogues = [(f"qtbase_{language}", qt_dir), (f"desktop_{language}", str(resource("i18n")))]
    for name, directory in catalogues:
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            installed.append(translator)
        elif not name.startswith("desktop_zh_CN"):
            # Our Chinese catalogue is optional: source strings are Chinese.
            log.warning("translation %s not found in %s", name, directory)
    return installed
