"""Every character prints, or the user is told before drafting which field and which character.

A contact named 王𫖯 used to print as 王□ with no warning.  Each text of the application is
checked against the bundled faces (the body face and its fallbacks, :mod:`desktop.documents.pdf`);
what none of them has (an emoji, a private-use character) is refused with the field named.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from desktop.documents.pdf import unprintable
from desktop.fonts import OPTIONAL_FONTS, OPTIONAL_FONTS_FOLDER, OPTIONAL_FONTS_PACKAGE, OPTIONAL_RANGES


def texts(model: BaseModel, path: str = "") -> Iterator[tuple[str, str, str]]:
    """(path, label, text) of every string in the model, e.g. ("contact.person", "联系人", "王𫖯")."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        where = f"{path}.{name}" if path else name
        label = (info.description or name).split("（")[0].split("。")[0]
        yield from _texts(value, where, label)


def _texts(value: object, where: str, label: str) -> Iterator[tuple[str, str, str]]:
    if isinstance(value, str):
        yield where, label, value
    elif isinstance(value, BaseModel):
        yield from texts(value, where)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{where}[{index}]", label)


def glyph_problems(application: BaseModel) -> list[str]:
    """One message per field with characters no bundled face can print."""
    problems = []
    for where, label, text in texts(application):
        if where == "comment":
            continue  # the $comment is never printed
        missing = unprintable(text)
        if missing:
            chars = "、".join(f"“{c}”（U+{ord(c):04X}）" for c in missing)
            problems.append(f"{label}（{where}）中的字符{chars}没有可用的字体，打印出来会是方框；"
                            + (_package_advice() if any(map(needs_optional_fonts, missing))
                               else "请改用规范汉字或删去后再生成。"))
    return problems


def needs_optional_fonts(char: str) -> bool:
    """A rare character (CJK Ext-B…E) that only the optional font package prints, when it is
    not installed."""
    return (any(low <= ord(char) <= high for low, high in OPTIONAL_RANGES)
            and not all(font.available for font in OPTIONAL_FONTS))


def _package_advice() -> str:
    return (f"这是生僻字，需要生僻字字体包（{OPTIONAL_FONTS_PACKAGE}）：把字体包解压到本程序所在的"
            f"文件夹（其中的 {OPTIONAL_FONTS_FOLDER} 文件夹与程序放在一起），重新打开程序后再生成；"
            "或改用规范汉字。")
