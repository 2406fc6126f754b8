"""Text as typed or pasted, made printable: no control characters, single-line fields on one line.

A newline typed into an enterprise name broke the seal line of every document
("青海示例 / 硅业有限公司（盖章）"); an invisible right-to-left override or zero-width space
printed as a box.  Every application is passed through :func:`normalise_application` on import
and again before drafting, so documents never see either.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, TypeVar

from pydantic import BaseModel

# C0 controls except tab and newline, DEL, C1 controls, and the non-characters Excel rejects.
_CONTROL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# Variation selectors: they only pick a glyph variant that none of our fonts carries.
_SELECTORS: Final = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")
_LINE_BREAK: Final = re.compile(r"[ \t\u3000]*\n[\s\u3000]*")
# A field longer than this is a narrative (paragraphs allowed); shorter ones are one line.
SINGLE_LINE_MAX: Final = 500
M = TypeVar("M", bound=BaseModel)


def strip_controls(text: str) -> str:
    """Remove control and format characters (ZWSP, RLO, soft hyphen …); tabs become spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _SELECTORS.sub("", _CONTROL.sub("", text))
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def _is_cjk(char: str) -> bool:
    return ord(char) > 0x2E7F


def one_line(text: str) -> str:
    """Join the lines of a single-line field: nothing between two CJK characters, else one space."""
    text = strip_controls(text).strip()

    def join(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        return "" if (before and _is_cjk(before)) or (after and _is_cjk(after)) else " "

    return _LINE_BREAK.sub(join, text)


def normalise_application(model: M) -> M:
    """Every text of the model cleaned in place (and returned): single-line fields on one line."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        limit = next((m.max_length for m in info.metadata if getattr(m, "max_length", None)), None)
        single = limit is not None and limit <= SINGLE_LINE_MAX
        setattr(model, name, _clean(value, single))
    return model


def _clean(value: object, single: bool) -> object:
    if isinstance(value, str):
        return one_line(value) if single else strip_controls(value)
    if isinstance(value, BaseModel):
        return normalise_application(value)
    if isinstance(value, list):
        return [_clean(item, single) for item in value]
    return value
