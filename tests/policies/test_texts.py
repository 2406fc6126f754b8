from __future__ import annotations

import pytest

from desktop.policies.texts import PolicyTextError, find_excerpt, policy_text


def test_excerpt_found_across_line_breaks_and_indents() -> None:
    text = "一、总则\n\u3000\u3000对企业新认定的\n国家级技术中心给予奖励。"
    span = find_excerpt(text, "对企业新认定的国家级技术中心")
    assert span is not None
    assert text[span.start:span.end] == "对企业新认定的\n国家级技术中心"


def test_missing_excerpt_and_unknown_file() -> None:
    assert find_excerpt("abc", "xyz") is None
    assert find_excerpt("abc", "  ") is None
    with pytest.raises(PolicyTextError):
        policy_text("../pyproject.toml")
    with pytest.raises(PolicyTextError):
        policy_text("nope.txt")


def test_a_real_clause_is_found_in_the_shipped_text() -> None:
    text = policy_text("001_41750fd7ee36e10e.txt")
    span = find_excerpt(text, "2011年以来发生、贷款期6个月以上、尚未到期的流动资金贷款")
    assert span is not None and "贷款期6个月以上" in text[span.start:span.end]
