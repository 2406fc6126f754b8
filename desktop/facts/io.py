"""Read a facts JSON file into :class:`FactsFile`, listing every field error in Chinese."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from desktop import safejson
from desktop.facts.bounds import describe
from desktop.facts.model import SCHEMA_VERSION, FactsFile

MAX_FACTS_BYTES = 2_000_000
M = TypeVar("M", bound=BaseModel)


class FactsError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def location(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(根)"


def check_version(data: Any, supported: int) -> None:
    """Refuse a file of another ``schema_version`` before field validation muddles the message."""
    if isinstance(data, dict):
        version = data.get("schema_version", supported)
        if version != supported:
            raise FactsError([f"schema_version {version!r} 不受支持：本程序只能读取版本 "
                              f"{supported}，请升级程序或按示例重新填写"])


def validate(model: type[M], data: Any) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise FactsError([f"{location(tuple(e['loc']))}：{describe(e)}"
                          for e in exc.errors()]) from exc


def load_json(path: Path, max_bytes: int, what: str) -> Any:
    """A UTF-8 JSON file (numbers as Decimal), with every failure said as a :class:`FactsError`.

    Parsed by :mod:`desktop.safejson`: bounded depth and number length, no NaN, no repeated keys.
    """
    try:
        return safejson.load_file(path, max_bytes=max_bytes)
    except safejson.JsonLimitError as exc:
        raise FactsError([f"不是有效的{what}：{exc}"]) from exc


def parse_facts(data: Any) -> FactsFile:
    check_version(data, SCHEMA_VERSION)
    return validate(FactsFile, data)


def read_facts(path: Path) -> FactsFile:
    return parse_facts(load_json(path, MAX_FACTS_BYTES, "事实文件"))
