"""The shipped policy texts carry no word-processor artefacts into the original-text viewer."""

from __future__ import annotations

from desktop.paths import resource


def test_no_bookmark_markers_in_the_shipped_texts() -> None:
    for text in sorted(resource("policies").glob("*.txt")):
        assert "[bookmark:" not in text.read_text(encoding="utf-8"), text.name
