"""The JSON Schema of a facts file, generated from the pydantic models.

The shipped copy lives at ``resources/schema/facts.schema.json``; a test keeps it in sync.
Regenerate with ``python -m desktop.facts.schema resources/schema/facts.schema.json``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from desktop.facts.model import SCHEMA_VERSION, FactsFile

SCHEMA_FILE = ("schema", "facts.schema.json")


def schema_document(model: type[BaseModel], *, urn: str, title: str, description: str) -> str:
    """A model's JSON Schema with our id, title and description, as the shipped file's text."""
    schema = model.model_json_schema(by_alias=True, mode="validation")
    document: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": urn,
        "title": title,
        "description": description,
        **{k: v for k, v in schema.items() if k not in {"title", "description"}},
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_or_print(text: str, argv: list[str]) -> None:
    """``python -m ... [TARGET]``: write the schema to TARGET, or print it."""
    if len(argv) > 1:
        Path(argv[1]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def render() -> str:
    return schema_document(
        FactsFile, urn=f"urn:huiqi-shenbao:facts:v{SCHEMA_VERSION}",
        title="惠企申报助手 事实文件 / facts file",
        description=(
            "一家企业（及其项目、贷款、研发机构）的事实，供政策自评使用。金额以元为单位，写成字符串"
            "（如 \"5000000\"），日期为 ISO 格式（YYYY-MM-DD）。任何字段都可以为 null，表示尚不知道，"
            "相应条件判为“待确认”。"
        ),
    )


if __name__ == "__main__":
    write_or_print(render(), sys.argv)
