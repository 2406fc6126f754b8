"""The session ending: whatever ends the app, what was typed is written first.

Three ways an app is ended without the user closing the window:

- the desktop session manager asks to save (``commitDataRequest``, logging out on X11 and
  on Windows shutdown);
- the event loop is told to quit (``aboutToQuit``);
- the OS sends SIGTERM (``systemd`` at shutdown, ``kill``).  Python runs signal handlers only
  when it gets control, so a wake-up socket makes Qt's event loop hand it over at once.

Each calls ``save`` (the window's flush, which returns once the database has everything).
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


def save_on_session_end(app: QApplication, save: Callable[[], None]) -> Callable[[], None]:
    """Connect ``save``; returns the function that disconnects it again (the Shell closing)."""
    def on_commit_data(_manager: object) -> None:
        save()

    app.commitDataRequest.connect(on_commit_data)
    app.aboutToQuit.connect(save)

    def disconnect() -> None:
        app.commitDataRequest.disconnect(on_commit_data)
        app.aboutToQuit.disconnect(save)

    return disconnect


def quit_on_sigterm(app: QApplication) -> None:
    """SIGTERM quits the event loop (and so saves through ``aboutToQuit``)."""
    if not hasattr(signal, "SIGTERM") or not hasattr(socket, "socketpair"):
        return
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:
        with contextlib.suppress(OSError):  # nothing to read: the handler below does the work
            reader.recv(64)

    notifier.activated.connect(drain)

    def terminate(signum: int, _frame: object) -> None:
        log.warning("signal %s: saving and quitting", signum)
        app.quit()

    signal.signal(signal.SIGTERM, terminate)
    # Kept alive with the app: the notifier and sockets must outlive this function.
    _keep.extend([reader, writer, notifier])


_keep: list[object] = []
