"""Everything a document builder reads: the application, its assessment, and the policy document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from desktop.applications.model import ApplicationFile
from desktop.facts.labels import choice_label
from desktop.reference.industry import lookup
from desktop.reference.regions import full_name
from desktop.rules.model import Document
from desktop.rules.pack import CompiledProgramme
from desktop.rules.results import Assessment, ProgrammeResult

Builder = Callable[["DraftContext"], bytes]


@dataclass(frozen=True)
class DocumentSpec:
    """One document of a package: its file name, its builder, and the materials it satisfies.

    A material counts as provided when the file's name (without number and suffix) occurs in
    it, or any of ``provides`` does: 研发机构奖励申请表 carries the 研发机构基本情况 the rules ask for.
    """

    name: str
    build: Builder
    provides: tuple[str, ...] = ()
    # A pledge or promise the package drafts but someone must still sign and seal (待签章).
    to_sign: bool = False

    @property
    def stem(self) -> str:
        return self.name.rsplit(".", 1)[0].split("_", 1)[-1]

    def satisfies(self, material: str) -> bool:
        return any(part in material for part in (self.stem, *self.provides))


@dataclass(frozen=True)
class DraftContext:
    application: ApplicationFile
    assessment: Assessment
    result: ProgrammeResult
    programme: CompiledProgramme
    created: dt.datetime
    # The documents this package itself provides, for the materials list.
    generated: tuple[DocumentSpec, ...] = ()

    @property
    def document(self) -> Document:
        return self.programme.document

    @property
    def enterprise_name(self) -> str:
        return self.application.enterprise.name or "（未填写企业名称）"

    @property
    def policy_reference(self) -> str:
        doc = self.document
        return f"《{doc.title}》" + (f"（{doc.number}）" if doc.number else "")

    def enterprise_rows(self) -> list[tuple[str, str]]:
        e, contact = self.application.enterprise, self.application.contact
        return [
            ("企业名称", self.enterprise_name),
            ("统一社会信用代码", e.uscc or ""),
            ("所在地区", full_name(e.region_code) if e.region_code else ""),
            ("所属行业", _industry(e.industry_code)),
            ("企业类型", choice_label(e.ownership) if e.ownership else ""),
            ("企业规模", choice_label(self.assessment.size_class)
             if self.assessment.size_class != "unknown" else "未确定"),
            ("从业人员（人）", str(e.employees) if e.employees is not None else ""),
            ("联系人", contact.person),
            ("联系电话", contact.phone),
        ]


def _industry(code: str | None) -> str:
    if not code:
        return ""
    found = lookup(code)
    return f"{code} {found.name}" if found else code
