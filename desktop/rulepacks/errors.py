"""The one error a pack operation raises: a plain message the user can act on."""

from __future__ import annotations

import errno

# Said in Chinese, never with Python's English text (“No such file or directory”).
_OS_ERRORS = {
    errno.ENOENT: "找不到文件", errno.EACCES: "没有读取权限", errno.EPERM: "没有读取权限",
    errno.EISDIR: "这是文件夹，不是文件", errno.ENOTDIR: "路径中有一级不是文件夹",
    errno.EIO: "读取时设备出错（U 盘可能已拔出或损坏）", errno.ENAMETOOLONG: "文件名过长",
}


def os_error_words(exc: OSError) -> str:
    """``OSError`` in words a user can act on; the error number only when there are no words."""
    if exc.errno in _OS_ERRORS:
        return _OS_ERRORS[exc.errno]
    return f"系统无法读取此文件（错误号 {exc.errno}）" if exc.errno else "系统无法读取此文件"


class PackRefusedError(Exception):
    """A pack (or key) was refused; ``str(exc)`` is the message shown to the user.

    ``details`` lists individual problems (for example every rule-load error).
    """

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []
