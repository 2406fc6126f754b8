"""The JSON Schema of a facts file, generated from the pydantic models.

The shipped copy lives at ``resources/schema/facts.schema.json``; a test keeps it in sync.
Regenerate with ``python -m desktop.facts.schema resources/schema/facts.schema.json``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from desktop.facts.model import SCHEMA_VERSION, FactsFile

SCHEMA_FILE = ("schema", "facts.schema.json")


def facts_json_schema() -> dict[str, Any]:
    schema = FactsFile.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:huiqi-shenbao:facts:v{SCHEMA_VERSION}",
        "title": "惠企申报助手 事实文件 / facts file",
        "description": (
            "一家企业（及其项目、贷款、研发机构）的事实，供政策自评使用。金额以元为单位，写成字符串"
            "（如 \"5000000\"），日期为 ISO 格式（YYYY-MM-DD）。任何字段都可以为 null，表示尚不知道，"
            "相应条件判为“待确认”。"
        ),
        **{k: v for k, v in schema.items() if k not in {"title", "description"}},
    }


def render() -> str:
    return json.dumps(facts_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    if target is None:
        sys.stdout.write(render())
    else:
        target.write_text(render(), encoding="utf-8")
