"""Start the GUI: fonts, translations, crash handling, the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_ID, APP_NAME, __version__
from desktop.facts.samples import SAMPLE_ASSESSED_ON, load_sample
from desktop.store.lock import AlreadyRunningError
from desktop.store.startup import OpenedStore, StoreOpenError, open_store
from desktop.ui.crash import install_crash_handler
from desktop.ui.fonts import register_bundled_fonts
from desktop.ui.i18n import DEFAULT_LANGUAGE, install_translators
from desktop.ui.main_window import DASHBOARD_ROW, MainWindow
from desktop.ui.status_text import load_pack_with_status

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def run_app(data_dir: Path, *, smoke_test: bool = False, lang: str | None = None) -> int:
    app = create_application()
    families = register_bundled_fonts(app)
    log.info("GUI starting, data dir %s, fonts %s", data_dir, families)
    translators = install_translators(app, lang or DEFAULT_LANGUAGE)
    if not smoke_test:
        install_crash_handler()
    opened = _open_user_data(data_dir, smoke_test=smoke_test)
    if opened is None:
        return 1
    try:
        return _run_window(app, opened, smoke_test=smoke_test, families=families)
    finally:
        opened.close()
        del translators


def _open_user_data(data_dir: Path, *, smoke_test: bool) -> OpenedStore | None:
    """Open the user database, telling the user plainly when it cannot be used."""
    try:
        return open_store(data_dir)
    except (AlreadyRunningError, StoreOpenError) as exc:
        log.warning("user data not opened: %s", exc)
        _tell(QApplication.translate("app", "无法打开用户数据"), str(exc), smoke_test=smoke_test)
        return None


def _tell(title: str, text: str, *, smoke_test: bool) -> None:
    # The smoke test must never wait for a click; it prints what a user would have seen.
    if smoke_test:
        print(f"{title}: {text}")
    else:
        QMessageBox.warning(None, title, text)


def _run_window(app: QApplication, opened: OpenedStore, *, smoke_test: bool, families: list[str]) -> int:
    pack, status = load_pack_with_status()
    window = MainWindow(status, pack)
    if window.dashboard is not None:
        # First start: the 示例企业, on a day its programmes were in force, so something
        # real is on screen at once (the date is shown and can be changed).
        window.dashboard.set_assessed_on(SAMPLE_ASSESSED_ON)
        window.dashboard.set_facts(load_sample())
        window.navigation.setCurrentRow(DASHBOARD_ROW)
    window.show()
    messages = opened.report.messages()
    if messages:
        _tell(QApplication.translate("app", "数据库检查"), "\n\n".join(messages), smoke_test=smoke_test)
    if smoke_test:
        app.processEvents()
        ok = window.isVisible()
        window.close()
        app.processEvents()
        print(f"smoke test {'ok' if ok else 'FAILED'}: window shown, fonts {families}")
        return 0 if ok else 1
    return app.exec()
