"""``python -m desktop.applications.schema resources/schema/application.schema.json``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from desktop.applications.model import APPLICATION_SCHEMA_VERSION, ApplicationFile

SCHEMA_FILE = ("schema", "application.schema.json")


def application_json_schema() -> dict[str, Any]:
    schema = ApplicationFile.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:huiqi-shenbao:application:v{APPLICATION_SCHEMA_VERSION}",
        "title": "惠企申报助手 申报文件 / application file (input of `draft`)",
        "description": (
            "一份申报的全部内容：企业与项目事实（同 facts.schema.json）、报告书各章节、投资构成与资金筹措、"
            "购置清单、目标责任书的填空内容和附件。金额以元为单位，写成字符串。"
        ),
        **{k: v for k, v in schema.items() if k not in {"title", "description"}},
    }


def render() -> str:
    return json.dumps(application_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_text(render(), encoding="utf-8")
    else:
        sys.stdout.write(render())
