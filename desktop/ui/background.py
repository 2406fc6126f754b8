"""The one helper for long work (Anki's ``CollectionOp``): run a plain function on a worker
thread, report progress, and call back on the GUI thread.

The worker gets plain data and returns plain data; it never sees a widget.  Callbacks run
on the GUI thread through queued signals, so a slow bundle never freezes the window and a
widget is never touched from the worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

log = logging.getLogger(__name__)

Progress = Callable[[int, str], None]  # percent done, what is being done


class _Signals(QObject):
    progress = Signal(int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self._work, self._signals = work, signals

    def run(self) -> None:
        try:
            result = self._work(self._signals.progress.emit)
        except Exception as exc:  # reported to the window; the worker thread must survive
            log.exception("background work failed")
            self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit(result)
        self._signals.finished.emit()


class BackgroundOp(QObject):
    """``BackgroundOp(parent, work).on_progress(f).success(g).failure(h).run()``.

    The callbacks are this object's own slots (queued), so they run on the GUI thread that
    owns it, whatever thread the work ran on.
    """

    def __init__(self, parent: QObject, work: Callable[[Progress], Any]) -> None:
        super().__init__(parent)
        self._work = work
        # A child of this object, so that it dies on the GUI thread with it, never on the
        # worker thread that happens to drop the job's last reference.
        self._signals = _Signals(self)
        self._progress: list[Callable[[int, str], None]] = []
        self._success: list[Callable[[Any], None]] = []
        self._failure: list[Callable[[Exception], None]] = []
        self.running = False
        queued = Qt.ConnectionType.QueuedConnection
        self._signals.progress.connect(self._on_progress, queued)
        self._signals.succeeded.connect(self._on_success, queued)
        self._signals.failed.connect(self._on_failure, queued)
        self._signals.finished.connect(self._done, queued)

    def on_progress(self, slot: Callable[[int, str], None]) -> BackgroundOp:
        self._progress.append(slot)
        return self

    def success(self, slot: Callable[[Any], None]) -> BackgroundOp:
        self._success.append(slot)
        return self

    def failure(self, slot: Callable[[Exception], None]) -> BackgroundOp:
        self._failure.append(slot)
        return self

    def run(self) -> None:
        self.running = True
        QThreadPool.globalInstance().start(_Job(self._work, self._signals))

    def _on_progress(self, percent: int, text: str) -> None:
        for slot in self._progress:
            slot(percent, text)

    def _on_success(self, result: object) -> None:
        for slot in self._success:
            slot(result)

    def _on_failure(self, error: object) -> None:
        for slot in self._failure:
            slot(error if isinstance(error, Exception) else RuntimeError(str(error)))

    def _done(self) -> None:
        self.running = False
        self.deleteLater()
