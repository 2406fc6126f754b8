"""One running copy per data folder.

An OS-level file lock (``filelock``: ``flock`` on POSIX, ``msvcrt.locking`` on Windows)
is released by the OS when the process dies, so a crash never leaves a stale lock.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

LOCK_NAME = "huiqi.lock"


class AlreadyRunningError(Exception):
    def __init__(self, data_dir: Path) -> None:
        super().__init__(
            f"另一个惠企申报助手正在使用数据目录 {data_dir}。请切换到已打开的窗口，或将其关闭后再试。"
            f" Another copy of the app is already using {data_dir}."
        )
        self.data_dir = data_dir


class DataDirLock:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._lock = FileLock(data_dir / LOCK_NAME, timeout=0, thread_local=False)

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except Timeout as exc:
            raise AlreadyRunningError(self.data_dir) from exc

    def release(self) -> None:
        self._lock.release()

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def __enter__(self) -> DataDirLock:
        self.acquire()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()
