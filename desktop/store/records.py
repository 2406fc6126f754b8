"""Which records hold answers, and how the rest of the app names one record."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

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

RecordKind = Literal["profile", "project", "equipment", "loan", "institution"]
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
# Parts an application may hold many of, in order.
LISTED_PARTS: Final = ("equipment", "loan")

FIELD_NAME: Final = re.compile(r"^[a-z][a-z0-9_]{0,79}$")
# Long enough for a report section pasted from a word processor; a 10 MB paste is refused.
MAX_ANSWER_CHARS: Final = 100_000


@dataclass(frozen=True)
class RecordRef:
    """One answer-holding record, e.g. ``RecordRef("equipment", 12)``."""

    kind: RecordKind
    id: int


class StoreError(Exception):
    """A request the store refuses; the message is for the user and nothing was changed."""


class AnswerTooLongError(StoreError):
    def __init__(self, length: int) -> None:
        super().__init__(
            f"内容过长（{length:,} 个字符），单项最多 {MAX_ANSWER_CHARS:,} 个字符；未保存这次修改，"
            f"之前保存的内容仍在。 Text too long ({length:,} characters); the previous value is kept."
        )


def check_answer(field: str, text: str | None) -> None:
    if not FIELD_NAME.match(field):
        raise StoreError(f"无效的字段名：{field!r}")
    if text is not None and len(text) > MAX_ANSWER_CHARS:
        raise AnswerTooLongError(len(text))
