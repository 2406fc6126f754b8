"""Autosave off the GUI thread: every edit is written in the order typed, on one worker.

A save commits with ``synchronous=FULL`` (an fsync), a few milliseconds the window should
never wait for.  One worker keeps the writes ordered, so the last keystroke always wins.
SQLAlchemy's pool checks a connection out per transaction, so the worker's writes and the
GUI's reads never use one connection at the same time; WAL lets the reads run during a write.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.store.refs import RecordRef, StoreError

if TYPE_CHECKING:
    from desktop.store.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SaveResult:
    ref: RecordRef
    field: str
    text: str | None
    changed: bool
    error: str | None = None  # for the user; the previously saved value is still there


class Autosaver:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._lock = threading.Lock()
        self._pending = 0

    def submit(self, ref: RecordRef, field: str, text: str | None,
               done: Callable[[SaveResult], None] | None = None) -> Future[SaveResult]:
        """Queue one answer; ``done`` runs on the worker thread when it is written (or refused)."""
        with self._lock:
            self._pending += 1
        return self._executor.submit(self._save, ref, field, text, done)

    @property
    def pending(self) -> int:
        with self._lock:
            return self._pending

    def _save(self, ref: RecordRef, field: str, text: str | None,
              done: Callable[[SaveResult], None] | None) -> SaveResult:
        try:
            result = SaveResult(ref, field, text, self._store.save_answer(ref, field, text))
        except StoreError as exc:
            result = SaveResult(ref, field, text, False, str(exc))
        except Exception as exc:  # a full disk or a locked file must not kill the worker
            log.exception("autosave of %s.%s failed", ref, field)
            result = SaveResult(ref, field, text, False, f"保存失败：{exc}")
        finally:
            with self._lock:
                self._pending -= 1
        if done is not None:
            done(result)
        return result

    def flush(self) -> None:
        """Wait until everything queued so far is written (closing, switching profile, tests)."""
        self._executor.submit(lambda: None).result()

    def close(self) -> None:
        self._executor.shutdown(wait=True)
