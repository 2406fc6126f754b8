"""Every choice a fact offers has a Chinese label, so no raw code ("trust") reaches a user."""

from __future__ import annotations

from desktop.facts import FACTS, FactType
from desktop.facts.labels import CHOICE_LABELS


def test_every_enum_choice_has_a_label() -> None:
    missing = sorted({f"{spec.path}: {choice}" for spec in FACTS.values() if spec.type is FactType.ENUM
                      for choice in spec.choices if choice not in CHOICE_LABELS})
    assert not missing, missing
