"""Which records hold answers, and how the rest of the app names one record."""

from __future__ import annotations

from typing import Final

from desktop.store.refs import FIELD_NAME as FIELD_NAME
from desktop.store.refs import LISTED_PARTS as LISTED_PARTS
from desktop.store.refs import MAX_ANSWER_CHARS as MAX_ANSWER_CHARS
from desktop.store.refs import AnswerTooLongError as AnswerTooLongError
from desktop.store.refs import RecordKind as RecordKind
from desktop.store.refs import RecordRef as RecordRef
from desktop.store.refs import StoreError as StoreError
from desktop.store.refs import check_answer as check_answer
from desktop.store.schema import (
    AnswerValue,
    EquipmentAnswer,
    EquipmentLine,
    InstitutionAnswer,
    LoanAnswer,
    LoanContract,
    Profile,
    ProfileAnswer,
    ProjectAnswer,
    ProjectDetails,
    RdInstitution,
)

AnswerRecord = Profile | ProjectDetails | EquipmentLine | LoanContract | RdInstitution
RECORD_CLASSES: Final[dict[str, type[AnswerRecord]]] = {
    "profile": Profile,
    "project": ProjectDetails,
    "equipment": EquipmentLine,
    "loan": LoanContract,
    "institution": RdInstitution,
}
# Where each kind's answers live, one row per field.
ANSWER_CLASSES: Final[dict[str, type[AnswerValue]]] = {
    "profile": ProfileAnswer,
    "project": ProjectAnswer,
    "equipment": EquipmentAnswer,
    "loan": LoanAnswer,
    "institution": InstitutionAnswer,
}
