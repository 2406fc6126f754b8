"""Draft every document again from ``application.json`` and compare it with the bundle's copy.

The builders are deterministic: the same answers, rule pack, day and stated creation time
print the same bytes.  So a PDF or workbook edited after drafting (and re-hashed in the
manifest) is caught even though every hash matches.

Byte-for-byte proof needs the same document builders and the same rule pack.  When the
bundle was drafted by another builder version (``builder_version`` in the manifest) or
under another pack, the desk says so and compares what it can read: every value printed in
each workbook, and the figures and Chinese text each PDF prints (page numbers and line
breaks aside), rather than raising a false alarm over bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any, Final, Literal

from desktop.bundle.reading import CHUNK, OpenedBundle
from desktop.documents import BUILDER_VERSION
from desktop.documents.context import DraftContext
from desktop.rules.pack import RulePack

Verdict = Literal["identical", "differs", "unproven", "not_redrafted", "missing", "unexpected"]
VERDICT_TEXT: Final = {"identical": "与重新生成的逐字节一致", "differs": "与重新生成的不一致",
                       "unproven": "无法逐字节证明", "not_redrafted": "未重新生成比对",
                       "missing": "缺失", "unexpected": "不应出现"}
MAX_PDF_PAGES: Final = 500
MAX_WORKBOOK_XML: Final = 60 * 1024 * 1024  # decompressed, for a workbook opened in degraded mode


@dataclass(frozen=True)
class DocumentCheck:
    name: str
    verdict: Verdict
    detail: str = ""
    alarm: bool = False  # the bundle is not what its answers produce

    @property
    def problem(self) -> str | None:
        return f"documents/{self.name}：{self.detail}" if self.alarm else None


def compare_documents(opened: OpenedBundle, context: DraftContext, manifest: dict[str, Any],
                      pack: RulePack, *, redraft: bool) -> list[DocumentCheck]:
    expected = {spec.name: spec for spec in context.generated}
    present = {name.removeprefix("documents/") for name in opened.names("documents/")}
    checks = [DocumentCheck(n, "unexpected", "包内有这份文书，但本程序按这份申报内容不会生成它。", True)
              for n in sorted(present - set(expected))]
    checks += [DocumentCheck(n, "missing", "缺少本应随申报包提交的文书。", True)
               for n in sorted(set(expected) - present)]
    if not redraft:
        return checks + [DocumentCheck(n, "not_redrafted") for n in sorted(present & set(expected))]
    theirs_builder = manifest.get("builder_version")
    same_pack = (manifest.get("rulepack") or {}).get("sha256") == pack.identity.sha256
    exact = theirs_builder == BUILDER_VERSION and same_pack
    why = ("" if exact else
           f"申报包由文书生成程序版本 {theirs_builder or '（未记录）'} 生成，本机为 {BUILDER_VERSION}"
           if theirs_builder != BUILDER_VERSION else "申报包与本机使用的规则包不同")
    for name in sorted(present & set(expected)):
        ours = expected[name].build(context)
        theirs = opened.read(f"documents/{name}")
        if exact:
            checks.append(DocumentCheck(name, "identical") if ours == theirs else DocumentCheck(
                name, "differs", "与按 application.json 重新生成的文书不一致："
                                 "文书在生成后被改动过（即使清单里的哈希已重新计算）。", True))
        else:
            checks.append(_compare_printed(name, ours, theirs, why, alarm=same_pack))
    return checks


def _compare_printed(name: str, ours: bytes, theirs: bytes, why: str, *, alarm: bool) -> DocumentCheck:
    what, read = ("表格", _printed_values) if name.endswith(".xlsx") else ("PDF", _printed_figures)
    try:
        same = read(ours) == read(theirs)
    except Exception as exc:
        return DocumentCheck(name, "differs", f"{why}；这份{what}无法打开：{type(exc).__name__}", alarm)
    if same:
        return DocumentCheck(name, "unproven", f"{why}，无法逐字节证明；{what}中印出的每个数字和名称"
                                               "都与重新生成的一致。")
    return DocumentCheck(name, "differs", f"{why}；{what}中印出的数字或名称与按申报内容重新生成的不同。",
                         alarm)


def _printed_figures(content: bytes) -> tuple[list[str], list[str]]:
    """A PDF's printed figures (sorted) and its runs of Chinese text, layout and page numbers aside.

    Another builder version may break lines or pages differently; the figures and the names
    it prints must still be the same.  pypdf bounds what a stream may inflate to.
    """
    from pypdf import PdfReader  # only in this degraded path

    reader = PdfReader(io.BytesIO(content))
    if len(reader.pages) > MAX_PDF_PAGES:
        raise ValueError("too many pages")
    text = re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in reader.pages))
    text = re.sub(r"第\d+页|共\d+页", "", text)
    return sorted(re.findall(r"\d[\d,.]*", text)), sorted(set(re.findall(r"[\u4e00-\u9fff]{2,}", text)))


def _printed_values(content: bytes) -> list[tuple[str, str]]:
    """Every non-empty cell of every sheet, as (sheet, text), in reading order."""
    from openpyxl import load_workbook  # only in this degraded path

    _check_inner_zip(content)
    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        return [(sheet.title, str(value)) for sheet in workbook.worksheets
                for row in sheet.iter_rows(values_only=True) for value in row if value is not None]
    finally:
        workbook.close()


def _check_inner_zip(content: bytes) -> None:
    """A workbook is itself a zip: bound what it unpacks to before openpyxl reads it whole."""
    total = 0
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for info in archive.infolist():
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise ValueError("表格内使用了不支持的压缩方式")
            with archive.open(info) as member:
                while chunk := member.read(CHUNK):
                    total += len(chunk)
                    if total > MAX_WORKBOOK_XML:
                        raise ValueError("表格解压后过大")
