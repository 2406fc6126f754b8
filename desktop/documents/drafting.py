"""Draft a whole application: check, assess, then build every document of its kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from desktop.applications.checks import check_application, check_requested_within_estimate
from desktop.applications.io import facts_of
from desktop.applications.model import ApplicationFile
from desktop.documents import materials, pledge, tech_upgrade
from desktop.documents.context import DraftContext
from desktop.rules.engine import assess
from desktop.rules.pack import RulePack

Builder = Callable[[DraftContext], bytes]
PLEDGE = "04_项目建设目标责任书.pdf"
MATERIALS_XLSX = "05_申报材料清单.xlsx"
MATERIALS_PDF = "05_申报材料清单.pdf"

DOCUMENT_SETS: dict[str, dict[str, Builder]] = {
    "tech_upgrade": {
        tech_upgrade.LETTER: tech_upgrade.letter_pdf,
        tech_upgrade.REPORT: tech_upgrade.report_pdf,
        tech_upgrade.BASIC_INFO: tech_upgrade.basic_info_xlsx,
        tech_upgrade.EQUIPMENT: tech_upgrade.equipment_xlsx,
        PLEDGE: pledge.pledge_pdf,
        MATERIALS_XLSX: materials.materials_xlsx,
        MATERIALS_PDF: materials.materials_pdf,
    },
}


class DraftError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Draft:
    context: DraftContext
    documents: dict[str, bytes]


def draft(application: ApplicationFile, pack: RulePack, created: dt.datetime,
          on: dt.date | None = None) -> Draft:
    """Build every document, or raise :class:`DraftError` listing every problem (nothing is built)."""
    builders = DOCUMENT_SETS.get(application.kind)
    if builders is None:
        raise DraftError([f"“{application.kind}”类申报的文书在本版本中尚未提供。"])
    try:
        programme = pack.programme(application.programme_id)
    except StopIteration:
        raise DraftError([f"规则包中没有政策项目 {application.programme_id}。"]) from None
    assessment = assess(pack, facts_of(application), on or application.prepared_on)
    result = assessment.result(application.programme_id)
    problems = check_application(application, result) + check_requested_within_estimate(application, result)
    if problems:
        raise DraftError(problems)
    context = DraftContext(application, assessment, result, programme.document, created,
                           generated=tuple(builders))
    return Draft(context, {name: build(context) for name, build in builders.items()})
