"""JSON from outside the program, parsed with limits: :func:`loads` and :func:`load_file`.

Python's ``json`` is safe from code execution but not from hostile shapes: 100,000 nested
brackets exhaust the stack (``RecursionError``), a 5,000-digit integer raises ``ValueError``
from ``int()`` (and would be slow to convert if allowed), ``NaN`` and ``Infinity`` are
accepted though JSON has neither, and a repeated key silently keeps the last value (one
reviewer's ``{"revenue": 1, "revenue": -3}``).  Every such input is refused here with a
:class:`JsonLimitError` whose message says what was wrong, in plain Chinese.

Numbers with a fraction or exponent come back as :class:`~decimal.Decimal` (money is exact).
"""

from __future__ import annotations

import json
import re
import stat
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Final

from desktop.oserrors import os_error_words

MAX_DEPTH: Final = 64
MAX_NUMBER_CHARS: Final = 40
_STRING: Final = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET: Final = re.compile(r"[\[\]{}]")


class JsonLimitError(ValueError):
    """The text is not JSON we accept; the message is for the user."""


def loads(text: str, *, max_depth: int = MAX_DEPTH, max_number_chars: int = MAX_NUMBER_CHARS) -> Any:
    """Parse ``text`` or raise :class:`JsonLimitError`; never any other exception."""
    _check_depth(text, max_depth)

    def number(kind: str, converter: Any) -> Any:
        def convert(literal: str) -> Any:
            if len(literal) > max_number_chars:
                raise JsonLimitError(f"数字过长（{len(literal):,} 位，最多 {max_number_chars} 位）")
            try:
                return converter(literal)
            except (ValueError, InvalidOperation) as exc:
                raise JsonLimitError(f"无法读取的{kind}：{literal[:20]}") from exc
        return convert

    def constant(name: str) -> Any:
        raise JsonLimitError(f"JSON 中没有 {name}，请写成数字或 null")

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in items:
            if key in result:
                raise JsonLimitError(f"键 {key[:40]!r} 出现了两次；只能出现一次")
            result[key] = value
        return result

    try:
        return json.loads(text, parse_int=number("整数", int), parse_float=number("数字", Decimal),
                          parse_constant=constant, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        where = f"第 {exc.lineno} 行第 {exc.colno} 列"
        raise JsonLimitError(f"JSON 格式错误：{where}{json_error_words(exc.msg)}") from exc
    except RecursionError as exc:  # the depth check should make this unreachable
        raise JsonLimitError(f"嵌套过深（超过 {max_depth} 层）") from exc


# Python's English parser messages (json.decoder), said in Chinese; the longest prefix first.
_JSON_ERRORS: Final = (
    ("Expecting property name enclosed in double quotes",
     "应为用英文双引号括起的键名（多余的逗号或用了单引号？）"),
    ("Expecting value", "应为一个值（数字、带双引号的文字、true、false、null、{…} 或 […]）"),
    ("Expecting ',' delimiter", "缺少英文逗号 ,"),
    ("Expecting ':' delimiter", "缺少英文冒号 :"),
    ("Extra data", "起是多余的内容（JSON 只能有一个顶层值）"),
    ("Unterminated string", "开始的文字缺少结尾的英文双引号"),
    ("Invalid control character", "的文字中有控制字符（如未转义的换行或制表符）"),
    ("Invalid \\uXXXX escape", "有无效的 \\u 转义"),
    ("Invalid \\escape", "有无效的反斜杠转义"),
)


def json_error_words(message: str) -> str:
    """The rest of a sentence after “第 L 行第 C 列” for one of ``json``'s English messages."""
    for english, chinese in _JSON_ERRORS:
        if message.startswith(english):
            return chinese if chinese.startswith(("的", "开始", "起", "有")) else f"：{chinese}"
    return "：无法解析"


def _check_depth(text: str, max_depth: int) -> None:
    depth = 0
    # Brackets inside strings are text, not structure.
    for match in _BRACKET.finditer(_STRING.sub('""', text)):
        depth += 1 if match.group() in "[{" else -1
        if depth > max_depth:
            raise JsonLimitError(f"嵌套过深（超过 {max_depth} 层），不是有效的输入文件")


def load_file(path: Path, *, max_bytes: int, max_depth: int = MAX_DEPTH) -> Any:
    """A UTF-8 JSON file no larger than ``max_bytes``; every failure a :class:`JsonLimitError`.

    The size is checked with ``stat`` and enforced while reading, so a device or a file that
    grows meanwhile is never read beyond the limit.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a pipe would block on open, a device never end
            raise JsonLimitError(f"{path.name} 不是普通文件（文件夹、设备或管道）")
        if info.st_size > max_bytes:
            raise JsonLimitError(f"{path.name} 超过 {max_bytes / 1_000_000:g} MB")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise JsonLimitError(f"文件不存在：{path}") from exc
    except OSError as exc:
        raise JsonLimitError(f"无法读取 {path.name}：{os_error_words(exc)}") from exc
    if len(data) > max_bytes:
        raise JsonLimitError(f"{path.name} 超过 {max_bytes / 1_000_000:g} MB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise JsonLimitError(f"{path.name} 不是 UTF-8 文本（第 {exc.start + 1} 个字节无法识别）") from exc
    return loads(text, max_depth=max_depth)
