"""Read an application file, listing every problem in Chinese."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from desktop.applications.model import APPLICATION_SCHEMA_VERSION, ApplicationFile
from desktop.facts.io import FactsError, location
from desktop.facts.model import FactsFile

MAX_APPLICATION_BYTES = 5_000_000


def parse_application(data: Any) -> ApplicationFile:
    if isinstance(data, dict):
        version = data.get("schema_version", APPLICATION_SCHEMA_VERSION)
        if version != APPLICATION_SCHEMA_VERSION:
            raise FactsError([f"schema_version {version!r} 不受支持：本程序只能读取版本 "
                              f"{APPLICATION_SCHEMA_VERSION}；较新的文件请用新版程序打开"])
    try:
        return ApplicationFile.model_validate(data)
    except ValidationError as exc:
        raise FactsError([f"{location(tuple(e['loc']))}：{e['msg']}" for e in exc.errors()]) from exc


def read_application(path: Path) -> ApplicationFile:
    try:
        if path.stat().st_size > MAX_APPLICATION_BYTES:
            limit = MAX_APPLICATION_BYTES // 1_000_000
            raise FactsError([f"{path.name} 超过 {limit} MB，不是有效的申报文件"])
        data = json.loads(path.read_text(encoding="utf-8-sig"), parse_float=Decimal)
    except OSError as exc:
        raise FactsError([f"无法读取 {path}：{exc.strerror or exc}"]) from exc
    except UnicodeDecodeError as exc:
        raise FactsError([f"{path.name} 不是 UTF-8 文本"]) from exc
    except json.JSONDecodeError as exc:
        raise FactsError([f"JSON 格式错误：第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}"]) from exc
    return parse_application(data)


def facts_of(application: ApplicationFile) -> FactsFile:
    """The facts the rule engine assesses, taken from the application."""
    return FactsFile(enterprise=application.enterprise, project=application.project,
                     loans=application.loans or None, institution=application.institution)
