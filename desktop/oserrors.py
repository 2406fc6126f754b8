"""Operating-system errors in Chinese words a user can act on, never Python's English text.

Shared by the rule packs, the CLI and the store (moved here from ``desktop.rulepacks.errors``).
"""

from __future__ import annotations

import errno
from typing import Final

# Said in Chinese, never with Python's English text (“No such file or directory”).
_OS_ERRORS: Final = {
    errno.ENOENT: "找不到文件", errno.EACCES: "没有读取权限", errno.EPERM: "没有读取权限",
    errno.EISDIR: "这是文件夹，不是文件", errno.ENOTDIR: "路径中有一级不是文件夹",
    errno.EIO: "读取时设备出错（U 盘可能已拔出或损坏）", errno.ENAMETOOLONG: "文件名过长",
    errno.ENOSPC: "磁盘已满", errno.EROFS: "磁盘或 U 盘是只读的", errno.ELOOP: "链接层数过多（链接指向自己）",
}


def os_error_words(exc: OSError, *, writing: bool = False) -> str:
    """``OSError`` in words a user can act on; the error number only when there are no words.

    ``writing``: the error came from writing a file (没有写入权限, not 没有读取权限).
    """
    if exc.errno in _OS_ERRORS:
        words = _OS_ERRORS[exc.errno]
    else:
        words = f"系统无法读取此文件（错误号 {exc.errno}）" if exc.errno else "系统无法读取此文件"
    return words.replace("读取", "写入") if writing else words
