"""Start the GUI: fonts, translations, crash handling, the main window."""

from __future__ import annotations

import logging
import re
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer, QTranslator, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_ID, APP_NAME, __version__
from desktop.store.lock import AlreadyRunningError
from desktop.store.refs import StoreError
from desktop.store.startup import OpenedStore, PreparedStore, StoreOpenError, prepare_store
from desktop.ui.controller import StoreReads
from desktop.ui.crash import install_crash_handler
from desktop.ui.first_run import FirstRunDialog
from desktop.ui.fonts import register_bundled_fonts
from desktop.ui.i18n import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, install_translators
from desktop.ui.main_window import LAST_PAGE_SETTING, MainWindow
from desktop.ui.session import quit_on_sigterm, save_on_session_end
from desktop.ui.status_text import load_pack_with_status

if TYPE_CHECKING:
    from desktop.store.first_page import FirstPageReader
    from desktop.store.store import Store

log = logging.getLogger(__name__)
# When this module was imported: the GUI's start-up clock (the interpreter and the CLI parser
# before it are a few tens of milliseconds; benchmarks/ times from process launch instead).
_IMPORTED_AT = time.perf_counter()


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


ROLE_SETTING = "ui.role"
LANGUAGE_SETTING = "ui.language"
# A copy of the language setting outside the database: the dialogs shown before the database
# opens (another copy running, a damaged file) speak the user's language too.
LANGUAGE_FILE = "ui-language.txt"


def saved_language(data_dir: Path) -> str:
    """The UI language last chosen on this data folder; Chinese when none or unreadable."""
    try:
        language = (data_dir / LANGUAGE_FILE).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return DEFAULT_LANGUAGE
    return language if language in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def remember_language(data_dir: Path, language: str) -> None:
    try:
        (data_dir / LANGUAGE_FILE).write_text(language, encoding="utf-8")
    except OSError:  # a read-only folder: the start-up dialogs fall back to Chinese
        log.warning("could not remember the UI language in %s", data_dir)


def run_app(data_dir: Path, *, smoke_test: bool = False, lang: str | None = None) -> int:
    """The GUI.  On an existing data folder the window is built from the first page's plain
    ``sqlite3`` read and painted before the store (SQLAlchemy) is opened; the store is opened
    right after the paint, and input is let through only once the window has it."""
    app = create_application()
    families = register_bundled_fonts(app)
    log.info("GUI starting, data dir %s, fonts %s", data_dir, families)
    if not smoke_test:
        install_crash_handler()
        quit_on_sigterm(app)
    # Qt's own catalogue (standard buttons: 确定) and ours, before any dialog can be shown.
    language = lang or saved_language(data_dir)
    early = install_translators(app, language)
    prepared = _prepare_user_data(data_dir, smoke_test=smoke_test, language=language)
    if prepared is None:
        _remove_translators(app, early)
        return 1
    reader = first_page_reader(prepared, ask_first_run=not smoke_test)
    opened: OpenedStore | None = None
    if reader is None:
        opened = _finish_opening(prepared, smoke_test=smoke_test, language=language)
        if opened is None:
            _remove_translators(app, early)
            return 1
        shell = Shell(app, opened, translators=early)
    else:
        shell = Shell(app, None, translators=early, first_page=reader, data_dir=data_dir)
    shell.first_paint.mark_stderr = smoke_test
    try:
        try:
            started = shell.start(lang, ask_first_run=not smoke_test)
        except (sqlite3.Error, StoreError, ValueError):
            if opened is not None:
                raise
            # The file could not be read that way: the store opens first, as every start once did.
            log.warning("the first page could not be read; opening the store first", exc_info=True)
            shell.close()
            opened = _finish_opening(prepared, smoke_test=smoke_test, language=language)
            if opened is None:
                return 1
            shell = Shell(app, opened)
            shell.first_paint.mark_stderr = smoke_test
            started = shell.start(lang, ask_first_run=not smoke_test)
        if not started:
            return 0
        if shell.store is None:
            # Painted from the first page's read; now the store, before any input is let through.
            shell.wait_for_first_paint()
            opened = _finish_opening(prepared, smoke_test=smoke_test, language=shell.language)
            if opened is None:
                return 1
            shell.attach(opened)
            if shell.window is None or not shell.window.isVisible():
                return 0  # closed while the store opened: what it wrote is in the store now
        assert opened is not None
        messages = opened.report.messages()
        if messages:
            _tell(QApplication.translate("app", "数据库检查"), "\n\n".join(messages), smoke_test=smoke_test,
                  language=shell.language)
        if smoke_test:
            app.processEvents()
            # The offscreen platform paints on the next pass; the benchmark reads the time printed.
            if shell.first_paint.at is None:
                app.processEvents()
            ok = shell.window is not None and shell.window.isVisible()
            shell.close()
            print(f"smoke test {'ok' if ok else 'FAILED'}: window shown, fonts {families}")
            if shell.first_paint.at is not None:
                print(f"first paint at {shell.first_paint.wall:.6f} (unix time), "
                      f"{(shell.first_paint.at - _IMPORTED_AT) * 1000:.0f} ms after the GUI module loaded")
            return 0 if ok else 1
        return app.exec()
    finally:
        shell.close()
        if opened is not None:
            opened.close()
        elif prepared.lock.held:
            prepared.abandon()


def _remove_translators(app: QApplication, translators: list[QTranslator]) -> None:
    """The start's catalogues, when it ends before a shell owns them (a test's next app is clean)."""
    for translator in translators:
        app.removeTranslator(translator)


def first_page_reader(prepared: PreparedStore, *, ask_first_run: bool) -> FirstPageReader | None:
    """The first page's reader when the window can be built from it alone, else None (the store
    is opened first, as it always was): a new or outdated database (only the store creates or
    migrates), the first-run question still to ask (its answer is written), the official's desk,
    or a wizard to reopen (its page writes through the store)."""
    reader = prepared.first_page()
    if reader is None:
        return None
    try:
        role = reader.setting(ROLE_SETTING)
        if not (role == "enterprise" or (role is None and not ask_first_run)):
            return None
        page = reader.setting(LAST_PAGE_SETTING)
        if page is not None and not isinstance(page, str):
            return None
    except (sqlite3.Error, ValueError):  # unreadable this way: the store will say what is wrong
        log.warning("first page read skipped", exc_info=True)
        return None
    return reader


def _prepare_user_data(data_dir: Path, *, smoke_test: bool, language: str = DEFAULT_LANGUAGE
                       ) -> PreparedStore | None:
    """Lock the data folder and check its database, telling the user plainly when it cannot be used."""
    try:
        return prepare_store(data_dir)
    except AlreadyRunningError as exc:
        log.warning("user data not opened: %s", exc)
        _tell(QApplication.translate("app", "无法打开用户数据"), QApplication.translate(
            "app", "另一个惠企申报助手正在使用数据目录 {folder}。请切换到已打开的窗口，或将其关闭后再试。"
        ).format(folder=exc.data_dir), smoke_test=smoke_test, language=language)
        return None
    except StoreOpenError as exc:
        log.warning("user data not opened: %s", exc)
        _tell(QApplication.translate("app", "无法打开用户数据"), str(exc), smoke_test=smoke_test,
              language=language)
        return None


def _open_user_data(data_dir: Path, *, smoke_test: bool, language: str = DEFAULT_LANGUAGE
                    ) -> OpenedStore | None:
    """Open the user database, telling the user plainly when it cannot be used."""
    prepared = _prepare_user_data(data_dir, smoke_test=smoke_test, language=language)
    return None if prepared is None else _finish_opening(prepared, smoke_test=smoke_test, language=language)


def _finish_opening(prepared: PreparedStore, *, smoke_test: bool, language: str = DEFAULT_LANGUAGE
                    ) -> OpenedStore | None:
    """Open the store of a folder locked and checked already, telling the user plainly when it
    cannot be used."""
    try:
        return prepared.open()
    except StoreOpenError as exc:
        log.warning("user data not opened: %s", exc)
        _tell(QApplication.translate("app", "无法打开用户数据"), str(exc), smoke_test=smoke_test,
              language=language)
        return None


# The core's start-up messages are written "中文。 English." (the log and the CLI show both);
# a dialog shows the half in the UI's language.
_ENGLISH_TAIL = re.compile(r"(?<=[。）)])\s+(?=[A-Z])")


def in_language(text: str, language: str) -> str:
    """Each paragraph's Chinese or English half; a paragraph in one language is kept whole."""
    paragraphs = []
    for paragraph in text.split("\n\n"):
        halves = _ENGLISH_TAIL.split(paragraph, maxsplit=1)
        paragraphs.append(halves[0] if len(halves) == 1 or language != "en" else halves[1])
    return "\n\n".join(paragraphs)


def _tell(title: str, text: str, *, smoke_test: bool, language: str = DEFAULT_LANGUAGE) -> None:
    # The smoke test must never wait for a click; it prints what a user would have seen.
    if smoke_test:
        print(f"{title}: {text}")
    else:
        QMessageBox.warning(None, title, in_language(text, language))


FIRST_PAINT_MARK = "-- main window first painted --"


class FirstPaint(QObject):
    """Notes when the main window first paints: the moment start-up is over for the user."""

    painted = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.at: float | None = None  # perf_counter
        self.wall = 0.0  # time.time(), comparable with another process's clock
        # The smoke test marks the moment on stderr, where ``python -X importtime`` writes: what
        # was imported before the first paint is then told apart from what came after.
        self.mark_stderr = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if self.at is None and event.type() == QEvent.Type.Paint:
            self.at, self.wall = time.perf_counter(), time.time()
            log.info("main window first painted %.0f ms after the GUI module loaded",
                     (self.at - _IMPORTED_AT) * 1000)
            if self.mark_stderr:
                print(FIRST_PAINT_MARK, file=sys.stderr, flush=True)
            watched.removeEventFilter(self)
            self.painted.emit()
        return False


class Shell:
    """Owns the main window across language changes: Qt has no live re-translation of built
    widgets, so choosing a language rebuilds the window (answers are all saved already).

    Made with the opened store, or (``first_page``, a start on an existing folder) with the
    first page's reader and no store: the window is built from the reader, and :meth:`attach`
    gives it the store once it has painted."""

    def __init__(self, app: QApplication, opened: OpenedStore | None,
                 translators: list[QTranslator] | None = None, *, first_page: FirstPageReader | None = None,
                 data_dir: Path | None = None) -> None:
        self.app = app
        self.store: Store | None = opened.store if opened is not None else None
        self._first_page = first_page if opened is None else None
        reads = opened.store if opened is not None else first_page
        folder = opened.store.data_dir if opened is not None else data_dir
        if reads is None or folder is None:
            raise ValueError("a shell needs the opened store, or the first page's reader and the data folder")
        self._reads: StoreReads = reads
        self.data_dir: Path = folder
        self.window: MainWindow | None = None
        self.language = DEFAULT_LANGUAGE
        self._translators: list[QTranslator] = translators or []  # replaced by _install
        self.first_paint = FirstPaint()
        self._stop_session_hooks: Callable[[], None] | None = None

    def save_everything(self) -> None:
        if self.window is not None:
            self.window.save_everything()

    def start(self, lang: str | None, *, ask_first_run: bool) -> bool:
        """Install the language, run the first-run dialog once, and show the window."""
        if self._stop_session_hooks is None:
            # Logging out, shutting down or a SIGTERM: what was typed is written first.
            self._stop_session_hooks = save_on_session_end(self.app, self.save_everything)
        language = lang or self._reads.setting(LANGUAGE_SETTING) or DEFAULT_LANGUAGE
        self._install(language)
        if self._reads.setting(ROLE_SETTING) is None and ask_first_run:
            # Written at once: never asked on the first page's reader (first_page_reader).
            store = self._the_store()
            dialog = FirstRunDialog(language)
            if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
                return False
            choice = dialog.choice()
            store.set_setting(ROLE_SETTING, choice.role)
            if choice.language != language:
                store.set_setting(LANGUAGE_SETTING, choice.language)
                self._install(choice.language)
        self.show_window()
        return True

    def _install(self, language: str) -> None:
        self.language = language
        for translator in self._translators:
            self.app.removeTranslator(translator)
        self._translators = install_translators(self.app, language)
        remember_language(self.data_dir, language)

    def _the_store(self) -> Store:
        if self.store is None:
            raise RuntimeError("the store is not open yet")
        return self.store

    def wait_for_first_paint(self, *, at_most_ms: int = 3000) -> None:
        """Run the event loop, without user input, until the window has painted (or at most
        ``at_most_ms``: a window that is never exposed must not stop the start)."""
        if self.first_paint.at is not None or self.window is None:
            return
        loop = QEventLoop()
        cap = QTimer()
        cap.setSingleShot(True)
        cap.timeout.connect(loop.quit)
        self.first_paint.painted.connect(loop.quit)
        cap.start(at_most_ms)
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        cap.stop()
        self.first_paint.painted.disconnect(loop.quit)

    def attach(self, opened: OpenedStore) -> None:
        """The store, opened after the first paint of a window built on the first page's reader."""
        if self.store is not None:
            raise RuntimeError("the shell has its store already")
        self.store = opened.store
        self._reads = opened.store
        self._first_page = None
        if self.window is not None:
            self.window.attach_store(opened.store)

    def show_window(self) -> MainWindow:
        previous = self.window
        role = str(self._reads.setting(ROLE_SETTING) or "enterprise")
        # The status line in the language just chosen; the pack this PC has installed.
        pack, status = load_pack_with_status(data_dir=self.data_dir, official=role == "official")
        window = MainWindow(status, pack, self.store, role=role, language=self.language,
                            first_page=self._first_page)
        window.language_requested.connect(self.set_language)
        window.rulepack_installed.connect(self.show_window)
        window.role_requested.connect(self.set_role)
        if previous is not None:
            window.restore_state_of(previous)
            previous.close()
            previous.deleteLater()
        self.window = window
        if self.first_paint.at is None:
            window.installEventFilter(self.first_paint)
        window.show()
        return window

    def set_language(self, language: str) -> None:
        self._the_store().set_setting(LANGUAGE_SETTING, language)
        self._install(language)
        self.show_window()

    def set_role(self, role: str) -> None:
        self._the_store().set_setting(ROLE_SETTING, role)
        if self.window is not None:
            self.show_window()  # the 收件台 comes or goes with the role

    def close(self) -> None:
        if self._stop_session_hooks is not None:
            self._stop_session_hooks()
            self._stop_session_hooks = None
        if self.window is not None:
            self.window.close()
            # Destroyed now, not whenever: the window's signal connections hold lambdas that
            # refer back to it, so Python alone would keep it (and its timers) alive forever.
            self.window.deleteLater()
            self.window = None
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        for translator in self._translators:
            self.app.removeTranslator(translator)
        self._translators = []
        self.app.processEvents()
