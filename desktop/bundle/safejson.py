"""JSON from a bundle, parsed with bounds: no number longer than a figure can be, no deep nesting.

Python's own parser turns a 100,000-deep ``[[[[…`` into a RecursionError (its C scanner
counts depth against the recursion limit, about a thousand) and a 5,000-digit integer into a
ValueError (the interpreter's limit on integer digits).  Both are said here as a plain
message.  Where numbers become figures (``decimals``), no number may be longer than a
figure can be.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Final

MAX_NUMBER_CHARS: Final = 40  # 18 digits before the point and 2 after is the most a figure needs


class JsonRejectedError(ValueError):
    """A member that is not acceptable JSON; the message is for the official."""


def _number(text: str) -> str:
    if len(text) > MAX_NUMBER_CHARS:
        raise JsonRejectedError(f"含有 {len(text)} 位的数字，超过任何金额或数量可能的长度")
    return text


def load_bounded(content: bytes, what: str, *, decimals: bool = False) -> Any:
    """Parse ``content``; raise :class:`JsonRejectedError` naming ``what`` when it is not acceptable."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise JsonRejectedError(f"{what} 不是 UTF-8 文本。") from None
    try:
        if decimals:  # figures become Decimal, each number's length checked on the way
            data = json.loads(text, parse_int=lambda s: int(_number(s)),
                              parse_float=lambda s: Decimal(_number(s)), parse_constant=_no_constant)
        else:  # large generated files: the interpreter's own limit on integer digits applies
            data = json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        raise JsonRejectedError(f"{what} 嵌套层数过深，不是本程序写出的文件。") from None
    except JsonRejectedError as exc:
        raise JsonRejectedError(f"{what} {exc}。") from None
    except json.JSONDecodeError as exc:
        where = f"第 {exc.lineno} 行第 {exc.colno} 列"
        raise JsonRejectedError(f"{what} 格式错误：{where}：{exc.msg}。") from None
    except ValueError as exc:  # the interpreter's own integer-length limit
        raise JsonRejectedError(f"{what} 含有无法读取的数字：{exc}。") from None
    return data


def _no_constant(name: str) -> Any:
    raise JsonRejectedError(f"含有 JSON 不允许的值 {name}")
