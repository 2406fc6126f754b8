"""One running copy per data folder.

An OS-level lock on ``huiqi.lock`` (``flock`` on POSIX, ``msvcrt.locking`` on Windows) is
released by the OS when the process dies, so a crash never leaves a stale lock.

The two system calls are used directly: the ``filelock`` package costs its import (and asyncio's)
on every start, before the first paint.  A file system without ``flock`` (some network shares)
falls back to ``filelock``'s soft lock, as it did when every start went through that package.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import Any

LOCK_NAME = "huiqi.lock"
# Contention: another process (or another descriptor in this one) holds the lock.
_HELD_ELSEWHERE = frozenset({errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EDEADLK})


class AlreadyRunningError(Exception):
    def __init__(self, data_dir: Path) -> None:
        super().__init__(
            f"另一个惠企申报助手正在使用数据目录 {data_dir}。请切换到已打开的窗口，或将其关闭后再试。"
            f" Another copy of the app is already using {data_dir}."
        )
        self.data_dir = data_dir


def _try_lock(fd: int) -> bool:
    """Take the lock on ``fd`` without waiting: False when someone else holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in _HELD_ELSEWHERE:
            return False
        raise
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


class DataDirLock:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / LOCK_NAME
        self._fd: int | None = None
        self._soft: Any = None  # filelock's soft lock, on a file system without flock

    def acquire(self) -> None:
        if self.held:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)  # a new data folder
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            locked = _try_lock(fd)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOLCK):
                self._acquire_soft()
                return
            raise
        if not locked:
            os.close(fd)
            raise AlreadyRunningError(self.data_dir)
        self._fd = fd

    def _acquire_soft(self) -> None:
        from filelock import FileLock, Timeout

        soft = FileLock(self.path, timeout=0, thread_local=False)
        try:
            soft.acquire()
        except Timeout as exc:
            raise AlreadyRunningError(self.data_dir) from exc
        self._soft = soft

    def release(self) -> None:
        if self._soft is not None:
            self._soft.release()
            self._soft = None
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                _unlock(fd)
            finally:
                os.close(fd)  # closing drops the lock even if unlocking failed

    @property
    def held(self) -> bool:
        return self._fd is not None or self._soft is not None

    def __enter__(self) -> DataDirLock:
        self.acquire()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()
