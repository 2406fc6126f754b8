"""企业划型 (工信部联企业〔2011〕300号) for industry: all thresholds must be met, else one class down."""

from __future__ import annotations

from decimal import Decimal

from desktop.reference.size_class import classify

WAN = Decimal(10_000)


def test_medium_industrial_enterprise() -> None:
    result = classify("2710", 420, 38_000 * WAN, None)
    assert result.size_class == "medium"
    assert "300人" in result.explanation and "2000万元" in result.explanation


def test_exactly_at_the_medium_lower_bounds_is_medium() -> None:
    assert classify("3150", 300, 2_000 * WAN, None).size_class == "medium"


def test_one_below_the_bound_drops_a_class() -> None:
    assert classify("3150", 299, 2_000 * WAN, None).size_class == "small"


def test_large_needs_both_indicators() -> None:
    assert classify("3150", 1_000, 40_000 * WAN, None).size_class == "large"
    assert classify("3150", 1_000, 39_999 * WAN, None).size_class == "medium"


def test_micro() -> None:
    assert classify("3150", 10, 200 * WAN, None).size_class == "micro"


def test_unknown_inputs_give_no_class_and_say_what_is_missing() -> None:
    result = classify("3150", None, 2_000 * WAN, None)
    assert result.size_class is None and result.missing
    assert classify(None, 300, 2_000 * WAN, None).size_class is None
