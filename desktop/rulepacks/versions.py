"""Dotted version numbers (``2027.1.0``) compared as numbers, never as text."""

from __future__ import annotations

import re

from desktop.rulepacks.errors import PackRefusedError

_VERSION = re.compile(r"^[0-9]{1,9}(\.[0-9]{1,9}){1,3}$")


def parse_version(text: str) -> tuple[int, ...]:
    if not isinstance(text, str) or not _VERSION.match(text):
        raise PackRefusedError(f"版本号格式不正确：{text!r}（应为 2027.1.0 这样的数字）")
    return tuple(int(part) for part in text.split("."))


def is_newer(candidate: str, installed: str) -> bool:
    return parse_version(candidate) > parse_version(installed)
