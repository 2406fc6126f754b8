"""Typing pauses: write each field once the user stops typing, or at once when they leave it.

One timer per field.  The pending set, not the timer's state, says what still needs writing:
a single-shot QTimer is already inactive when its ``timeout`` slot runs, so asking the timer
"are you active?" from that slot always answers no (the bug that made pause-saves never save).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class DebouncedSaves(QObject):
    def __init__(self, delay_ms: int, write: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._delay_ms = delay_ms
        self._write = write
        self._timers: dict[str, QTimer] = {}
        self._pending: set[str] = set()

    def changed(self, key: str) -> None:
        """The user changed ``key``: write it after the pause (restarted by every change)."""
        self._pending.add(key)
        timer = self._timers.get(key)
        if timer is None:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(self._delay_ms)
            timer.timeout.connect(lambda k=key: self.commit(k))
            self._timers[key] = timer
        timer.start()

    def commit(self, key: str) -> None:
        """Write ``key`` now if it has an unwritten change (leaving the field, the pause)."""
        timer = self._timers.get(key)
        if timer is not None:
            timer.stop()
        if key in self._pending:
            self._pending.discard(key)
            self._write(key)

    def flush(self) -> None:
        """Write every unwritten change now (switching record, closing, the session ending)."""
        for key in sorted(self._pending):
            self.commit(key)

    @property
    def pending(self) -> frozenset[str]:
        return frozenset(self._pending)
