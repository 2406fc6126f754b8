"""An application as the store keeps it (answers typed as text) <-> the ``draft`` file.

A draft is kept as typed, field by field, so nothing a user types is ever lost: its own
answers sit in one record under ``<section>_<field>`` keys (``contact_person``,
``report_background``, ``pledge_fund_name``...), each equipment line and loan in a record of
its own, the enterprise in its profile.  :func:`read_draft` turns all of that into the one
:class:`ApplicationFile` that ``draft`` reads, with every answer that does not parse named
beside its field; :func:`answers_of` is the inverse, for imports.  Money and dates are read
the way offices write them (``8000万``, ``2018年3月1日``) by :mod:`desktop.office_input`.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Annotated, Any, Final

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from desktop.applications.kinds import PART_LABELS, kind_spec
from desktop.applications.model import (
    ApplicationFile,
    AttachmentRef,
    Contact,
    EquipmentLine,
    Financing,
    Investment,
    PledgeTerms,
    ProjectDetails,
    Recipient,
    ReportSections,
)
from desktop.facts.answers import answers_from_facts
from desktop.facts.model import Enterprise, FactsFile, Institution, Loan, Project
from desktop.facts.profile import profile_facts
from desktop.office_input import InputError, parse_date_input, parse_money_input

# Sections kept in the main record under "<section>_<field>".
SECTIONS: Final[dict[str, type[BaseModel]]] = {
    "contact": Contact, "project": Project, "report": ReportSections, "investment": Investment,
    "financing": Financing, "pledge": PledgeTerms, "institution": Institution,
    "project_details": ProjectDetails,
}
# The 请示's 主送 and 抄送 offices (ApplicationFile.recipient); 抄送 is one answer, names split on 、.
RECIPIENT_OFFICE_KEY: Final = "recipient_office"
RECIPIENT_COPY_KEY: Final = "recipient_copy_to"
_COPY_SEPARATORS: Final = re.compile(r"[、，,；;\n]+")
# Top-level answers of the file kept under their own name.
PLAIN: Final = ("prepared_on", "loan_purpose", "institution_summary")
COMMENT_KEY: Final = "comment"  # the file's "$comment"
# Where the user left off: kept with the answers, never part of the file.
PAGE_KEY: Final = "wizard_page"
LINE_MODELS: Final[dict[str, type[BaseModel]]] = {"equipment": EquipmentLine, "loan": Loan}

_MESSAGES: Final = {
    "missing": "必填", "int_parsing": "应填写整数", "int_from_float": "应填写整数",
    "greater_than_equal": "不能为负数", "less_than_equal": "数值过大", "string_too_long": "内容过长",
    "literal_error": "不是可选的值之一", "decimal_parsing": "应填写数字",
    "decimal_max_places": "小数位过多", "decimal_max_digits": "数值过大",
    "decimal_whole_digits": "数值过大", "date_parsing": "日期写法如 2018-03-01 或 2018年3月1日",
    "date_from_datetime_parsing": "日期写法如 2018-03-01 或 2018年3月1日",
    "bool_parsing": "应选择“是”或“否”",
}
_PLAIN_NUMBER = re.compile(r"^[0-9]+(\.[0-9]+)?$")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％，", "0123456789.%,")


def key_of(section: str, name: str) -> str:
    return f"{section}_{name}"


@dataclass(frozen=True)
class StoredDraft:
    """Everything the store holds for one application, as plain text."""

    kind: str
    programme_id: str
    profile: Mapping[str, str]
    main: Mapping[str, str]
    equipment: list[Mapping[str, str]] = field(default_factory=list)
    loans: list[Mapping[str, str]] = field(default_factory=list)
    attachments: list[AttachmentRef] = field(default_factory=list)


@dataclass
class DraftState:
    """What the answers mean now: the file (when complete), the facts, every problem."""

    application: ApplicationFile | None
    facts: FactsFile
    # answer key (main record: "contact_phone"; lines: "loan[1].principal") -> message
    errors: dict[str, str]
    missing: list[str]  # required answers not yet given, as the papers name them
    profile_errors: dict[str, str]
    prepared_on: dt.date | None = None  # the papers' date, the day the wizard assesses on


# -- one field --------------------------------------------------------------------------------

@cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    info = model.model_fields[name]
    return TypeAdapter(Annotated[info.annotation, info])  # type: ignore[arg-type]


def _base_type(info: FieldInfo) -> object:
    args = [a for a in typing.get_args(info.annotation) if a is not type(None)]
    base = args[0] if args else info.annotation
    while typing.get_origin(base) is typing.Annotated:
        base = typing.get_args(base)[0]
    return base


def _is_money(info: FieldInfo) -> bool:
    extra = info.json_schema_extra
    if isinstance(extra, dict) and extra.get("unit") == "元":
        return True
    metadata = list(info.metadata)
    for arg in typing.get_args(info.annotation):
        if typing.get_origin(arg) is typing.Annotated:
            metadata += [m for a in typing.get_args(arg)[1:] for m in getattr(a, "metadata", [a])]
    return any(getattr(m, "decimal_places", None) == 2 for m in metadata)


def is_rate(info: FieldInfo) -> bool:
    extra = info.json_schema_extra
    return isinstance(extra, dict) and extra.get("unit") == "比例"


def parse_rate(text: str) -> Decimal:
    """``6.56%``, ``6.56％`` and ``0.0656`` all mean 0.0656."""
    cleaned = text.strip().translate(_FULL_WIDTH).replace(" ", "")
    percent = cleaned.endswith("%")
    number = cleaned.rstrip("%")
    try:
        value = Decimal(number)
    except InvalidOperation:
        raise InputError("利率写法如 6.56% 或 0.0656") from None
    if not value.is_finite() or value < 0:
        raise InputError("利率写法如 6.56% 或 0.0656")
    value = value / 100 if percent else value
    if value >= 1:
        raise InputError("年利率应小于 100%；6.56% 可写作 6.56% 或 0.0656")
    return value


def field_value(model: type[BaseModel], name: str, text: str) -> Any:
    """One typed answer -> the value the file holds, or :class:`InputError` saying why not."""
    info = model.model_fields[name]
    base = _base_type(info)
    candidate: Any = text.strip()
    if base is Decimal:
        cleaned = candidate.translate(_FULL_WIDTH)
        if _PLAIN_NUMBER.match(cleaned):
            candidate = cleaned  # kept as written: "5000000.00" stays two decimals
        elif is_rate(info):
            candidate = str(parse_rate(cleaned))
        elif _is_money(info):
            candidate = str(parse_money_input(cleaned))
    elif base is dt.date:
        candidate = parse_date_input(candidate).isoformat()
    elif base is int:
        candidate = candidate.translate(_FULL_WIDTH).replace(",", "")
    try:
        return _adapter(model, name).validate_python(candidate)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InputError(_MESSAGES.get(first["type"], first["msg"])) from None


def _section(model: type[BaseModel], answers: Mapping[str, str], prefix: str,
             errors: dict[str, str], missing: list[str], label: str) -> Any:
    """A section from its answers; None if nothing is answered or a required answer is missing."""
    values: dict[str, Any] = {}
    answered = False
    for name, info in model.model_fields.items():
        text = answers.get(prefix + name)
        if text is None or not text.strip():
            continue
        answered = True
        try:
            values[name] = field_value(model, name, text)
        except InputError as exc:
            errors[prefix + name] = str(exc)
            del info
    if not answered:
        return None
    absent = [n for n, info in model.model_fields.items() if info.is_required() and n not in values]
    for name in absent:
        if prefix + name not in errors:
            missing.append(f"{label}：{_field_label(model, name)}")
    if absent:
        return None
    return model.model_validate(values)


def _field_label(model: type[BaseModel], name: str) -> str:
    info = model.model_fields[name]
    extra = info.json_schema_extra
    if isinstance(extra, dict) and extra.get("label"):
        return str(extra["label"])
    return (info.description or name).split("（", 1)[0].split("，", 1)[0]


# -- the whole draft ----------------------------------------------------------------------------

_SECTION_LABELS: Final = {"contact": "联系人", "project": "项目", "report": "项目申请报告书",
                          "investment": "总投资构成", "financing": "资金筹措", "pledge": "目标责任书",
                          "institution": "研发机构", "project_details": "项目基本情况"}


def read_draft(draft: StoredDraft) -> DraftState:
    errors: dict[str, str] = {}
    missing: list[str] = []
    profile = profile_facts(draft.profile)
    enterprise = profile.facts.enterprise
    sections = {name: _section(model, draft.main, f"{name}_", errors, missing, _SECTION_LABELS[name])
                for name, model in SECTIONS.items()}
    plain: dict[str, Any] = {}
    for name in PLAIN:
        text = draft.main.get(name)
        if text and text.strip():
            try:
                plain[name] = field_value(ApplicationFile, name, text)
            except InputError as exc:
                errors[name] = str(exc)
    recipient = _recipient(draft.main, errors)
    equipment = _lines(draft.equipment, EquipmentLine, "equipment", errors, missing, "购置清单")
    loans = _lines(draft.loans, Loan, "loan", errors, missing, "贷款")
    # Facts for the live assessment: partial sections count, unknown stays unknown.
    project_facts = _partial(Project, draft.main, "project_")
    institution_facts = _partial(Institution, draft.main, "institution_")
    loan_facts = [_partial(Loan, line, "") or Loan() for line in draft.loans]
    facts = FactsFile(enterprise=enterprise, project=project_facts, loans=loan_facts or None,
                      institution=institution_facts)
    if "prepared_on" not in plain and "prepared_on" not in errors:
        missing.append("成文日期")
    if sections["contact"] is None and not any(k.startswith("contact_") for k in errors) \
            and not any(m.startswith("联系人") for m in missing):
        missing.append("联系人：联系人、联系电话")
    # A part the papers need that has not been started is named now, not only once the contact is
    # given (a trial user saw one blocker become ten after typing the report's first chapter).
    unstarted = [part for part in kind_spec(draft.kind).required_parts
                 if sections.get(part) is None and part not in plain
                 and not any(key.startswith(f"{part}_") for key in errors)
                 and not any(m.startswith(f"{_SECTION_LABELS.get(part, '')}：") for m in missing)]
    missing += [PART_LABELS[part] for part in unstarted]
    application = None
    complete = not errors and "prepared_on" in plain and sections["contact"] is not None \
        and None not in equipment and None not in loans and not unstarted
    if complete:
        body: dict[str, Any] = {"kind": draft.kind, "programme_id": draft.programme_id,
                                "enterprise": enterprise, **plain,
                                **{k: v for k, v in sections.items() if v is not None},
                                "equipment": equipment, "loans": loans,
                                "attachments": draft.attachments}
        if recipient is not None:
            body["recipient"] = recipient
        comment = draft.main.get(COMMENT_KEY)
        if comment:
            body["$comment"] = comment
        try:
            application = ApplicationFile.model_validate(body)
        except ValidationError as exc:
            missing += [f"{'.'.join(map(str, e['loc']))}：{e['msg']}" for e in exc.errors()]
    return DraftState(application, facts, errors, missing, profile.errors, plain.get("prepared_on"))


def _recipient(main: Mapping[str, str], errors: dict[str, str]) -> Recipient | None:
    """主送 and 抄送 from their answers; None when no 主送 office is given (the papers leave it blank)."""
    office = (main.get(RECIPIENT_OFFICE_KEY) or "").strip()
    copies = [name.strip() for name in _COPY_SEPARATORS.split(main.get(RECIPIENT_COPY_KEY) or "")
              if name.strip()]
    if not office:
        if copies:
            errors[RECIPIENT_OFFICE_KEY] = "填写抄送机关时，请同时填写主送机关"
        return None
    try:
        return Recipient(office=office, copy_to=copies)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = RECIPIENT_COPY_KEY if first["loc"][:1] == ("copy_to",) else RECIPIENT_OFFICE_KEY
        errors[key] = _MESSAGES.get(first["type"], first["msg"])
        return None


def _lines(rows: list[Mapping[str, str]], model: type[BaseModel], kind: str, errors: dict[str, str],
           missing: list[str], label: str) -> list[Any]:
    out = []
    for index, row in enumerate(rows):
        prefix = f"{kind}[{index}]."
        local: dict[str, str] = {}
        line = _section(model, row, "", local, missing, f"{label}第 {index + 1} 行")
        errors.update({prefix + k: v for k, v in local.items()})
        if line is None and not any(v.strip() for v in row.values()):
            continue  # a blank row added and never filled is not part of the papers
        out.append(line)
    return out


def _partial(model: type[BaseModel], answers: Mapping[str, str], prefix: str) -> Any:
    values = {}
    for name in model.model_fields:
        text = answers.get(prefix + name)
        if text and text.strip():
            try:
                values[name] = field_value(model, name, text)
            except InputError:
                continue
    return model.model_validate(values) if values else None


# -- the inverse: a file's content as answers ------------------------------------------------------

def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def answers_of(application: ApplicationFile) -> tuple[dict[str, str], dict[str, str],
                                                     list[dict[str, str]], list[dict[str, str]]]:
    """(profile answers, main answers, equipment rows, loan rows) holding exactly this file."""
    profile = answers_from_facts(application.enterprise)
    main: dict[str, str] = {}
    for name in SECTIONS:
        section = getattr(application, name)
        if section is None:
            continue
        for key, value in section.model_dump(mode="json", exclude_none=True).items():
            main[key_of(name, key)] = _as_text(value)
    dumped = application.model_dump(mode="json", exclude_none=True)
    for name in PLAIN:
        if name in dumped:
            main[name] = _as_text(dumped[name])
    if application.comment:
        main[COMMENT_KEY] = application.comment
    if application.recipient is not None:
        main[RECIPIENT_OFFICE_KEY] = application.recipient.office
        if application.recipient.copy_to:
            main[RECIPIENT_COPY_KEY] = "、".join(application.recipient.copy_to)
    equipment = [{k: _as_text(v) for k, v in line.model_dump(mode="json", exclude_none=True).items()}
                 for line in application.equipment]
    loans = [{k: _as_text(v) for k, v in loan.model_dump(mode="json", exclude_none=True).items()}
             for loan in application.loans]
    return profile, main, equipment, loans


def enterprise_of(answers: Mapping[str, str]) -> Enterprise:
    return profile_facts(answers).facts.enterprise
