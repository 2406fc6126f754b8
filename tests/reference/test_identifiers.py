"""统一社会信用代码 (GB 32100-2015) and 居民身份证号码 (GB 11643) validation."""

from __future__ import annotations

import pytest

from desktop.reference.identifiers import uscc_check_char, validate_resident_id, validate_uscc


@pytest.mark.parametrize("code", [
    "91130100MA07L2T95N",   # the sample enterprise
    "91630100MA752X8K34",   # the Qinghai example
    "91350100M000100Y43",   # the worked example printed in GB 32100-2015
])
def test_valid_codes(code: str) -> None:
    assert validate_uscc(code).ok


def test_lower_case_and_spaces_are_normalised() -> None:
    result = validate_uscc(" 91130100ma07l2t95n ")
    assert result.ok and result.normalised == "91130100MA07L2T95N"


def test_wrong_check_character_says_which_one_is_expected() -> None:
    result = validate_uscc("91630100MA752X8K3E")
    assert not result.ok
    assert "第18位应为 4" in result.message


@pytest.mark.parametrize(("code", "fragment"), [
    ("9113010", "18"),                      # too short
    ("91130100MA07L2T95NX", "18"),          # too long
    ("91130100MA07L2I95N", "I"),            # I, O, S, V, Z are not in the code's alphabet
])
def test_malformed_codes_get_a_message(code: str, fragment: str) -> None:
    result = validate_uscc(code)
    assert not result.ok and fragment in result.message


def test_check_character_of_the_standard_example() -> None:
    assert uscc_check_char("91350100M000100Y4") == "3"


def test_resident_id_check_digit() -> None:
    assert validate_resident_id("11010519491231002X").ok
    bad = validate_resident_id("110105194912310021")
    assert not bad.ok and bad.message
