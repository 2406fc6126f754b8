"""研发机构奖励 (seed 004 第31条): the institution, its staff and spend, the award."""

from __future__ import annotations

import typing

from desktop.facts.declarations import Level
from desktop.facts.labels import choice_label
from desktop.facts.model import InstitutionKind
from desktop.ui.wizard.common_pages import ENTERPRISE, MATERIALS, REVIEW, ROUTE
from desktop.ui.wizard.spec import QT_TRANSLATE_NOOP, FieldSpec, PageSpec, WizardSpec

INSTITUTION = PageSpec(
    "institution", QT_TRANSLATE_NOOP("Wizard", "研发机构"), asks=("institution",),
    fields=(
        FieldSpec("institution_name", QT_TRANSLATE_NOOP("Wizard", "研发机构名称")),
        FieldSpec("institution_kind", QT_TRANSLATE_NOOP("Wizard", "机构类型"), "choice",
                  choices=tuple((c, choice_label(c)) for c in typing.get_args(InstitutionKind))),
        FieldSpec("institution_level", QT_TRANSLATE_NOOP("Wizard", "认定级别"), "choice",
                  choices=tuple((c, choice_label(c)) for c in typing.get_args(Level))),
        FieldSpec("institution_document_no", QT_TRANSLATE_NOOP("Wizard", "认定文件文号")),
        FieldSpec("institution_recognised_on", QT_TRANSLATE_NOOP("Wizard", "认定（建成）日期"), "date"),
        FieldSpec("institution_authority", QT_TRANSLATE_NOOP("Wizard", "认定单位（机关）"),
                  hint=QT_TRANSLATE_NOOP("Wizard", "认定文件的发文机关全称，如：国家发展和改革委员会")),
    ),
)
STAFF = PageSpec(
    "staff", QT_TRANSLATE_NOOP("Wizard", "研发人员与经费"), asks=("institution",),
    fields=(
        FieldSpec("institution_rd_staff", QT_TRANSLATE_NOOP("Wizard", "研发人员数"), "int", unit="人"),
        FieldSpec("institution_rd_spend", QT_TRANSLATE_NOOP("Wizard", "上年度研发经费支出"), "money"),
        FieldSpec("institution_summary", QT_TRANSLATE_NOOP("Wizard", "研发机构建设与运行情况"), "multiline"),
    ),
    special="award",
)
WIZARD = WizardSpec("rd_institution", (ENTERPRISE, INSTITUTION, STAFF, ROUTE, MATERIALS, REVIEW))
