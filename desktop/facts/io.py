"""Read a facts JSON file into :class:`FactsFile`, listing every field error in Chinese."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from desktop.facts.model import SCHEMA_VERSION, FactsFile

MAX_FACTS_BYTES = 2_000_000


class FactsError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def location(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(根)"


def parse_facts(data: Any) -> FactsFile:
    if isinstance(data, dict):
        version = data.get("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION:
            raise FactsError([f"schema_version {version!r} 不受支持：本程序只能读取版本 "
                              f"{SCHEMA_VERSION}，请升级程序或按示例重新填写"])
    try:
        return FactsFile.model_validate(data)
    except ValidationError as exc:
        raise FactsError([f"{location(tuple(e['loc']))}：{e['msg']}"
                          for e in exc.errors()]) from exc


def read_facts(path: Path) -> FactsFile:
    try:
        if path.stat().st_size > MAX_FACTS_BYTES:
            raise FactsError([f"{path.name} 超过 {MAX_FACTS_BYTES // 1_000_000} MB，不是有效的事实文件"])
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise FactsError([f"无法读取 {path}：{exc.strerror or exc}"]) from exc
    except UnicodeDecodeError as exc:
        raise FactsError([f"{path.name} 不是 UTF-8 文本"]) from exc
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise FactsError([f"JSON 格式错误：第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}"]) from exc
    return parse_facts(data)
