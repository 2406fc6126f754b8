"""The enterprise profile as the editor shows it: which facts, in which groups, under which keys.

A profile's answers are stored as typed (field -> text).  Enterprise facts keep their own
names (``employees``); the R&D institution an enterprise already has lives in the profile too,
under ``institution_<field>``, because the self-assessment needs it before any application
exists.  Everything here is Qt-free: the editor only renders these groups and reports edits.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from desktop.facts.answers import parse_answers
from desktop.facts.declarations import PolicyDeclarations
from desktop.facts.model import Enterprise, FactsFile, Institution
from desktop.reference.size_class import classify

INSTITUTION_PREFIX: Final = "institution_"


@dataclass(frozen=True)
class ProfileGroup:
    key: str
    title: str
    facts: tuple[str, ...]  # fact paths, e.g. "enterprise.employees"


_BASIC = ("name", "uscc", "region_code", "industry_code", "ownership")
_SIZE = ("employees", "revenue", "assets")
_RD = ("rd_expense", "high_tech_certified", "two_integration_demo_on")
_LISTING = ("listing_board", "listed_on", "listing_subsidy_received", "collective_bond_amount",
            "collective_bond_issued_on", "direct_financing", "direct_financing_on", "intermediary_fees",
            "bill_discount_fees", "bill_discount_on")
_ASSIGNED = set(_BASIC + _SIZE + _RD + _LISTING) | set(PolicyDeclarations.model_fields)
# Everything else the rules read about the enterprise: revenue growth, tax, insurance, status.
_OPERATIONS = tuple(f for f in Enterprise.model_fields if f not in _ASSIGNED)
# One-event yes/no facts, each answering one clause (see desktop.facts.declarations).
_DECLARATIONS = tuple(PolicyDeclarations.model_fields)

PROFILE_GROUPS: Final = (
    ProfileGroup("basic", "基本信息", tuple(f"enterprise.{f}" for f in _BASIC)),
    ProfileGroup("size", "规模（大中小微）", tuple(f"enterprise.{f}" for f in _SIZE)),
    ProfileGroup("rd", "研发与认定", tuple(f"enterprise.{f}" for f in _RD)),
    ProfileGroup("institution", "已有的研发机构",
                 tuple(f"institution.{f}" for f in Institution.model_fields)),
    ProfileGroup("operations", "经营、税收与用工", tuple(f"enterprise.{f}" for f in _OPERATIONS)),
    ProfileGroup("listing", "上市与融资", tuple(f"enterprise.{f}" for f in _LISTING)),
    ProfileGroup("declarations", "其他政策事项", tuple(f"enterprise.{f}" for f in _DECLARATIONS)),
)
PROFILE_FACTS: Final = tuple(path for group in PROFILE_GROUPS for path in group.facts)


def answer_key(path: str) -> str:
    """The store's field name for a fact path: ``enterprise.uscc`` -> ``uscc``."""
    section, name = path.split(".", 1)
    return name if section == "enterprise" else f"{section}_{name}"


def fact_path(key: str) -> str:
    if key.startswith(INSTITUTION_PREFIX):
        return f"institution.{key.removeprefix(INSTITUTION_PREFIX)}"
    return f"enterprise.{key}"


@dataclass(frozen=True)
class ProfileFacts:
    facts: FactsFile
    errors: dict[str, str]  # fact path -> message, for answers kept as typed but not valid


def profile_facts(answers: Mapping[str, str]) -> ProfileFacts:
    """Typed answers to facts; an invalid answer counts as unknown and is reported, never dropped."""
    enterprise_answers = {k: v for k, v in answers.items() if not k.startswith(INSTITUTION_PREFIX)}
    institution_answers = {k.removeprefix(INSTITUTION_PREFIX): v for k, v in answers.items()
                           if k.startswith(INSTITUTION_PREFIX)}
    enterprise = parse_answers(Enterprise, enterprise_answers)
    institution = parse_answers(Institution, institution_answers)
    errors = {f"enterprise.{k}": m for k, m in enterprise.errors.items()}
    errors |= {f"institution.{k}": m for k, m in institution.errors.items()}
    has_institution = any(v.strip() for v in institution_answers.values())
    facts = FactsFile(enterprise=enterprise.facts,
                      institution=institution.facts if has_institution else None)
    return ProfileFacts(facts, errors)


def size_summary(facts: FactsFile) -> str:
    """The live 大/中/小/微 line under the size fields, with its reason from the 2011 standard."""
    e = facts.enterprise
    return classify(e.industry_code, e.employees, e.revenue, e.assets).explanation
