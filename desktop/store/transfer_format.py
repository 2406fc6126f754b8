"""The schema-versioned JSON that moves one profile, or one application, between PCs."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from desktop.applications.kinds import ApplicationKind
from desktop.store.records import FIELD_NAME, MAX_ANSWER_CHARS

TRANSFER_FORMAT: Final = "huiqi-shenbao/transfer"
TRANSFER_SCHEMA_VERSION: Final = 1
MAX_TRANSFER_BYTES: Final = 200 * 1024 * 1024

FieldName = Annotated[str, StringConstraints(pattern=FIELD_NAME.pattern)]
AnswerText = Annotated[str, StringConstraints(max_length=MAX_ANSWER_CHARS)]
AnswerMap = dict[FieldName, AnswerText]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TransferAttachment(Strict):
    material: str = Field(default="", max_length=200)
    original_name: str = Field(max_length=255)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0)
    content_base64: str


class TransferApplication(Strict):
    uid: str = Field(max_length=36)
    kind: ApplicationKind
    programme_id: str | None = Field(default=None, max_length=80)
    title: str = Field(default="", max_length=200)
    status: Literal["draft", "ready", "exported"] = "draft"
    rulepack_id: str = Field(max_length=80)
    rulepack_version: str = Field(max_length=40)
    project: AnswerMap | None = None
    institution: AnswerMap | None = None
    equipment: list[AnswerMap] = Field(default_factory=list, max_length=2000)
    loans: list[AnswerMap] = Field(default_factory=list, max_length=500)
    attachments: list[TransferAttachment] = Field(default_factory=list, max_length=500)


class TransferProfile(Strict):
    uid: str = Field(max_length=36)
    answers: AnswerMap


class TransferDocument(Strict):
    format: Literal["huiqi-shenbao/transfer"]
    schema_version: Literal[1]
    scope: Literal["profile", "application"]
    app_version: str
    exported_at: dt.datetime
    profile: TransferProfile
    applications: list[TransferApplication] = Field(default_factory=list, max_length=1000)
