"""The three kinds of application, declared once.

Everything that differs by kind and is not a page or a document lives here: its name, the
store record that holds its own answers, the parts the papers need, and the tables it has.
The store, the schema, ``draft``, import/export, the wizards and 我的申报 read this table;
nothing else spells out the list of kinds.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Final, Literal

ApplicationKind = Literal["tech_upgrade", "loan_interest", "rd_institution"]
APPLICATION_KINDS: Final[tuple[ApplicationKind, ...]] = typing.get_args(ApplicationKind)
# The store record that keeps an application's own answers (contact, report, pledge, where
# the user left off...).  Technical upgrades keep them beside the project facts, R&D awards
# beside the institution; a loan subsidy has no such part and uses a project row for them.
MainRecord = Literal["project", "institution"]


@dataclass(frozen=True)
class KindSpec:
    code: ApplicationKind
    label: str  # how 我的申报 and the wizard title name it
    main_record: MainRecord
    required_parts: tuple[str, ...]  # ApplicationFile fields the papers cannot do without
    tables: tuple[Literal["equipment", "loan"], ...]  # listed parts, one store record per row


KINDS: Final[dict[str, KindSpec]] = {
    "tech_upgrade": KindSpec("tech_upgrade", "技术改造项目", "project",
                             ("project", "report", "investment", "financing", "pledge"), ("equipment",)),
    "loan_interest": KindSpec("loan_interest", "流动资金贷款贴息", "project",
                              ("loan_purpose", "pledge"), ("loan",)),
    "rd_institution": KindSpec("rd_institution", "研发机构奖励", "institution",
                               ("institution",), ()),
}
assert tuple(KINDS) == APPLICATION_KINDS

PART_LABELS: Final = {
    "project": "项目信息", "report": "项目申请报告书各章节", "investment": "总投资构成",
    "financing": "资金筹措", "pledge": "目标责任书内容", "institution": "研发机构信息",
    "loan_purpose": "贷款用途及贴息资金使用说明",
}


def kind_spec(kind: str) -> KindSpec:
    try:
        return KINDS[kind]
    except KeyError:
        raise ValueError(f"未知的申报类型：{kind}") from None
