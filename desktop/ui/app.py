"""Start the GUI: fonts, translations, crash handling, the main window."""

from __future__ import annotations

import logging
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_ID, APP_NAME, __version__
from desktop.store.lock import AlreadyRunningError
from desktop.store.startup import OpenedStore, StoreOpenError, open_store
from desktop.ui.crash import install_crash_handler
from desktop.ui.first_run import FirstRunDialog
from desktop.ui.fonts import register_bundled_fonts
from desktop.ui.i18n import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, install_translators
from desktop.ui.main_window import MainWindow
from desktop.ui.session import quit_on_sigterm, save_on_session_end
from desktop.ui.status_text import load_pack_with_status

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
    app = create_application()
    families = register_bundled_fonts(app)
    log.info("GUI starting, data dir %s, fonts %s", data_dir, families)
    if not smoke_test:
        install_crash_handler()
        quit_on_sigterm(app)
    # Qt's own catalogue (standard buttons: 确定) and ours, before any dialog can be shown.
    language = lang or saved_language(data_dir)
    early = install_translators(app, language)
    opened = _open_user_data(data_dir, smoke_test=smoke_test, language=language)
    if opened is None:
        return 1
    shell = Shell(app, opened, translators=early)
    shell.first_paint.mark_stderr = smoke_test
    try:
        if not shell.start(lang, ask_first_run=not smoke_test):
            return 0
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
        opened.close()


def _open_user_data(data_dir: Path, *, smoke_test: bool, language: str = DEFAULT_LANGUAGE
                    ) -> OpenedStore | None:
    """Open the user database, telling the user plainly when it cannot be used."""
    try:
        return open_store(data_dir)
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
        return False


class Shell:
    """Owns the main window across language changes: Qt has no live re-translation of built
    widgets, so choosing a language rebuilds the window (answers are all saved already)."""

    def __init__(self, app: QApplication, opened: OpenedStore,
                 translators: list[QTranslator] | None = None) -> None:
        self.app = app
        self.store = opened.store
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
        language = lang or self.store.setting(LANGUAGE_SETTING) or DEFAULT_LANGUAGE
        self._install(language)
        if self.store.setting(ROLE_SETTING) is None and ask_first_run:
            dialog = FirstRunDialog(language)
            if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
                return False
            choice = dialog.choice()
            self.store.set_setting(ROLE_SETTING, choice.role)
            if choice.language != language:
                self.store.set_setting(LANGUAGE_SETTING, choice.language)
                self._install(choice.language)
        self.show_window()
        return True

    def _install(self, language: str) -> None:
        self.language = language
        for translator in self._translators:
            self.app.removeTranslator(translator)
        self._translators = install_translators(self.app, language)
        remember_language(self.store.data_dir, language)

    def show_window(self) -> MainWindow:
        previous = self.window
        role = str(self.store.setting(ROLE_SETTING) or "enterprise")
        # The status line in the language just chosen; the pack this PC has installed.
        pack, status = load_pack_with_status(data_dir=self.store.data_dir, official=role == "official")
        window = MainWindow(status, pack, self.store, role=role, language=self.language)
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
        self.store.set_setting(LANGUAGE_SETTING, language)
        self._install(language)
        self.show_window()

    def set_role(self, role: str) -> None:
        self.store.set_setting(ROLE_SETTING, role)
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
