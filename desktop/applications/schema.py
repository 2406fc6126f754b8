"""``python -m desktop.applications.schema resources/schema/application.schema.json``."""

from __future__ import annotations

import sys

from desktop.applications.model import APPLICATION_SCHEMA_VERSION, ApplicationFile
from desktop.facts.schema import schema_document, write_or_print

SCHEMA_FILE = ("schema", "application.schema.json")


def render() -> str:
    return schema_document(
        ApplicationFile, urn=f"urn:huiqi-shenbao:application:v{APPLICATION_SCHEMA_VERSION}",
        title="惠企申报助手 申报文件 / application file (input of `draft`)",
        description=(
            "一份申报的全部内容：企业与项目事实（同 facts.schema.json）、报告书各章节、投资构成与资金筹措、"
            "购置清单、目标责任书的填空内容和附件。金额以元为单位，写成字符串。"
        ),
    )


if __name__ == "__main__":
    write_or_print(render(), sys.argv)
