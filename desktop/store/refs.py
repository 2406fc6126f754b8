"""How the rest of the app names one record of the user database, and the store's refusals.

Free of SQLAlchemy: the window's first paint names records and reads them (through
:mod:`desktop.store.first_page`) before the store and its ORM are imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

RecordKind = Literal["profile", "project", "equipment", "loan", "institution"]
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


@dataclass(frozen=True)
class ProfileSummary:
    id: int
    uid: str
    name: str
    uscc: str | None
    applications: int


@dataclass(frozen=True)
class ApplicationSummary:
    id: int
    uid: str
    profile_id: int
    profile_name: str
    kind: str
    programme_id: str | None
    title: str
    status: str
    rulepack_id: str
    rulepack_version: str
    updated_at: str
