"""The one way the desk's widgets reach the intake core, and its background receiving.

Receiving proves every bundle (re-drafting its papers), so it runs off the GUI thread: a
:class:`ReceiveJob` gets plain data (the database URL, the paths, the official's name),
opens its own connection, and reports through signals that Qt delivers on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.intake.desk import Desk
from desktop.intake.models import Received, Rejection
from desktop.intake.receive import receive
from desktop.rules.pack import RulePack


@dataclass(frozen=True)
class ReceiveSummary:
    accepted: int
    again: int
    rejected: list[tuple[str, list[str]]]  # file name, reasons


class _JobSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)


class ReceiveJob(QRunnable):
    def __init__(self, url: str, paths: list[Path], pack: RulePack, who: str, workers: int | None,
                 owner: QObject) -> None:
        super().__init__()
        # Owned by the GUI-thread ``owner``: the worker thread that drops the job's last
        # reference must not be the one that destroys a QObject living on the GUI thread.
        self.signals = _JobSignals(owner)
        self._url, self._paths, self._pack, self._who, self._workers = url, paths, pack, who, workers

    def run(self) -> None:
        try:
            desk = Desk(self._url)
            try:
                outcomes = receive(desk, self._paths, self._pack, who=self._who, workers=self._workers,
                                   progress=lambda done, total, o: self.signals.progress.emit(
                                       done, total, o.path.name))
                desk.record_rejections([(o.path, o.problems) for o in outcomes if not o.accepted],
                                       who=self._who)
            finally:
                desk.close()
        except Exception as exc:
            self.signals.failed.emit(str(exc))
            return
        self.signals.finished.emit(ReceiveSummary(
            sum(o.accepted and not o.again for o in outcomes), sum(o.again for o in outcomes),
            [(o.path.name, o.problems) for o in outcomes if not o.accepted]))


class DeskController(QObject):
    """Reads and review actions go straight to the core; receiving goes to the thread pool."""

    changed = Signal()
    progress = Signal(int, int, str)
    received = Signal(object)
    failed = Signal(str)

    def __init__(self, url: str, pack: RulePack, *, workers: int | None = None) -> None:
        super().__init__()
        self.url, self.pack, self.workers = url, pack, workers
        self.desk = Desk(url)
        self.busy = False
        self._job_signals: _JobSignals | None = None

    def close(self) -> None:
        self.desk.close()

    def rows(self) -> tuple[list[Received], dict[int, list[str]]]:
        return self.desk.rows(), self.desk.flags(self.pack)

    def rejections(self) -> list[Rejection]:
        return self.desk.rejections()

    def setting(self, key: str) -> str | None:
        return self.desk.setting(key)

    def set_setting(self, key: str, value: str) -> None:
        self.desk.set_setting(key, value)

    def review(self, app_id: int, status: str, *, who: str, reason: str | None,
               expected_version: int) -> None:
        self.desk.review(app_id, status, who=who, reason=reason, expected_version=expected_version)
        self.changed.emit()

    def start_receiving(self, paths: list[Path], who: str) -> None:
        job = ReceiveJob(self.url, paths, self.pack, who, self.workers, owner=self)
        self._job_signals = job.signals
        job.signals.progress.connect(self.progress)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        self.busy = True
        QThreadPool.globalInstance().start(job)

    def _finished(self, summary: ReceiveSummary) -> None:
        self._forget_job()
        self.received.emit(summary)
        self.changed.emit()

    def _failed(self, message: str) -> None:
        self._forget_job()
        self.failed.emit(message)

    def _forget_job(self) -> None:
        self.busy = False
        if self._job_signals is not None:
            self._job_signals.deleteLater()
            self._job_signals = None

    def export_summary(self, out: Path, desk_name: str) -> Path:
        from desktop.intake.summary import write_summary

        rows, flags = self.rows()
        return write_summary(rows, flags, out, desk_name=desk_name,
                             created=dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0))
