"""Draft a whole application: check, assess, then build every document of its kind."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.applications.checks import check_amounts_within_estimate, check_application
from desktop.applications.hygiene import normalise_application
from desktop.applications.io import facts_of
from desktop.applications.model import ApplicationFile
from desktop.documents import loan_interest, materials, pledge, rd_institution, tech_upgrade
from desktop.documents.context import DocumentSpec, DraftContext
from desktop.documents.glyphs import glyph_problems
from desktop.rules.engine import assess
from desktop.rules.pack import RulePack
from desktop.rules.results import Assessment

PLEDGE = "项目建设目标责任书.pdf"
MATERIALS = "申报材料清单"


def _with_materials(specs: tuple[DocumentSpec, ...]) -> tuple[DocumentSpec, ...]:
    """Every package ends with its 申报材料清单, numbered after the last document."""
    number = max(int(spec.name.split("_", 1)[0]) for spec in specs) + 1
    return (*specs, DocumentSpec(f"{number:02d}_{MATERIALS}.xlsx", materials.materials_xlsx),
            DocumentSpec(f"{number:02d}_{MATERIALS}.pdf", materials.materials_pdf))


DOCUMENT_SETS: dict[str, tuple[DocumentSpec, ...]] = {
    "tech_upgrade": _with_materials((
        DocumentSpec(tech_upgrade.LETTER, tech_upgrade.letter_pdf),
        DocumentSpec(tech_upgrade.REPORT, tech_upgrade.report_pdf),
        DocumentSpec(tech_upgrade.BASIC_INFO, tech_upgrade.basic_info_xlsx),
        DocumentSpec(tech_upgrade.EQUIPMENT, tech_upgrade.equipment_xlsx),
        DocumentSpec(f"04_{PLEDGE}", pledge.pledge_pdf, to_sign=True),
    )),
    "loan_interest": _with_materials((
        DocumentSpec(loan_interest.LETTER, loan_interest.letter_pdf),
        DocumentSpec(loan_interest.FORM, loan_interest.form_xlsx),
        DocumentSpec(loan_interest.SCHEDULE, loan_interest.schedule_xlsx),
        DocumentSpec(f"03_{PLEDGE}", pledge.pledge_pdf, to_sign=True),
    )),
    "rd_institution": _with_materials((
        DocumentSpec(rd_institution.FORM_XLSX, rd_institution.form_xlsx, rd_institution.PROVIDES),
        DocumentSpec(rd_institution.FORM_PDF, rd_institution.form_pdf, rd_institution.PROVIDES),
        DocumentSpec(rd_institution.TRUTH_PLEDGE, rd_institution.truth_pledge_pdf, to_sign=True),
    )),
}


class DraftError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Draft:
    context: DraftContext
    documents: dict[str, bytes]


def prepare(application: ApplicationFile, pack: RulePack, created: dt.datetime,
            on: dt.date | None = None, assessment: Assessment | None = None) -> DraftContext:
    """Assess and check, ready to build; raise :class:`DraftError` listing every problem.

    Intake uses it alone to know which documents and materials a package should have.
    """
    specs = DOCUMENT_SETS[application.kind]
    # Newlines in names and pasted control characters never reach a document, whatever the source.
    application = normalise_application(application.model_copy(deep=True))
    try:
        programme = pack.programme(application.programme_id)
    except StopIteration:
        raise DraftError([f"规则包中没有政策项目 {application.programme_id}。"]) from None
    if assessment is None:  # intake passes the one it has just made of the same answers and day
        assessment = assess(pack, facts_of(application), on or application.prepared_on)
    result = assessment.result(application.programme_id)
    problems = (check_application(application, result) + check_amounts_within_estimate(application, result)
                + glyph_problems(application))
    if problems:
        raise DraftError(problems)
    return DraftContext(application, assessment, result, programme, created, generated=specs)


def draft(application: ApplicationFile, pack: RulePack, created: dt.datetime,
          on: dt.date | None = None) -> Draft:
    """Build every document, or raise :class:`DraftError` listing every problem (nothing is built)."""
    context = prepare(application, pack, created, on)
    return Draft(context, {spec.name: spec.build(context) for spec in context.generated})
