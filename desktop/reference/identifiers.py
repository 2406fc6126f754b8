"""统一社会信用代码 (GB 32100-2015) and 居民身份证号码 (GB 11643-1999) check digits.

python-stdnum implements both, but ``stdnum.cn.uscc`` insists the first eight
characters are digits, which rejects valid codes of other registration authorities
(e.g. 村集体经济组织 codes starting "N2"), and ``stdnum.cn.ric`` rejects birthplace
codes it does not know.  We run the GB 32100 check ourselves and use stdnum only
where it is right (the ISO 7064 check of the ID number), turning its unknown-birthplace
rejection into a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from stdnum import exceptions as stdnum_exceptions
from stdnum.cn import ric

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


@dataclass(frozen=True)
class Validation:
    ok: bool
    normalised: str
    message: str = ""
    warnings: tuple[str, ...] = field(default=())


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_CHARSET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


def validate_uscc(text: str) -> Validation:
    code = "".join(text.split()).upper()
    if len(code) != 18:
        return Validation(False, code, f"统一社会信用代码应为18位，当前为{len(code)}位。")
    bad = sorted({c for c in code if c not in USCC_CHARSET})
    if bad:
        return Validation(
            False, code,
            f"统一社会信用代码含有不允许的字符：{'、'.join(bad)}（不使用 I、O、Z、S、V）。",
        )
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        return Validation(
            False, code, f"统一社会信用代码校验位不正确：第18位应为 {expected}，实际为 {code[17]}。"
        )
    return Validation(True, code)


def validate_resident_id(text: str) -> Validation:
    number = "".join(text.split()).upper()
    if len(number) != 18 or not number[:17].isdigit() or number[17] not in "0123456789X":
        return Validation(False, number, "身份证号码应为18位：前17位数字，最后一位为数字或 X。")
    expected = ric.calc_check_digit(number)
    if number[17] != expected:
        return Validation(
            False, number, f"身份证号码校验位不正确：最后一位应为 {expected}，实际为 {number[17]}。"
        )
    try:
        ric.validate(number)
    except stdnum_exceptions.InvalidComponent:
        return Validation(True, number,
                          warnings=("出生地或出生日期代码未能核实，请确认号码无误。",))
    except stdnum_exceptions.ValidationError as exc:
        return Validation(False, number, f"身份证号码无效：{exc}")
    return Validation(True, number)
