"""What an application claims that no two applications should claim alike.

Each claim is ``(kind, key, label)``: the same key under the same kind in two applications
is a duplicate or a double claim.  Keys are normalised (spaces and case) so that "JK-001 "
and "jk-001" meet.  The application model has no invoice or serial-number field for
equipment, so an invoice or contract scanned once and attached to two applications is
caught by its SHA-256 instead (the manifest lists every attachment's hash).
"""

from __future__ import annotations

import re
from typing import Any, Final

from desktop.applications.model import ApplicationFile

Claim = tuple[str, str, str]
CLAIM_TEXT: Final = {
    "programme": "同一企业重复申报同一政策项目",
    "loan": "同一笔贷款合同在两份申报中出现",
    "attachment": "同一份附件（发票、合同等）在两份申报中出现",
    "equipment": "同一台设备（型号与供应商相同）在两份申报中出现",
    "rd": "同一研发机构认定被申报两次",
    "project": "同一项目",
}


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def claims_of(application: ApplicationFile, manifest: dict[str, Any]) -> list[Claim]:
    uscc = application.enterprise.uscc or ""
    claims: list[Claim] = [("programme", f"{uscc}|{application.programme_id}",
                            f"{uscc} / {application.programme_id}")]
    for loan in application.loans:
        if loan.contract_no:
            claims.append(("loan", _norm(f"{loan.bank or ''}|{loan.contract_no}"),
                           f"{loan.bank or ''} {loan.contract_no}".strip()))
    for line in application.equipment:
        # A model number with a supplier names one purchase closely enough to ask about it;
        # without a model number, two "变压器" lines say nothing.
        if line.model and line.supplier:
            claims.append(("equipment", _norm(f"{uscc}|{line.name}|{line.model}|{line.supplier}"),
                           f"{line.name} {line.model}（{line.supplier}）"))
    files = manifest.get("files") if isinstance(manifest.get("files"), dict) else {}
    for name, entry in sorted((files or {}).items()):
        if name.startswith("attachments/") and isinstance(entry, dict):
            claims.append(("attachment", str(entry.get("sha256")), name.removeprefix("attachments/")))
    institution = application.institution
    if application.kind == "rd_institution" and institution is not None:
        key = institution.document_no or f"{uscc}|{institution.kind}|{institution.level}"
        claims.append(("rd", _norm(f"{key}|{institution.name or ''}"),
                       f"{institution.name or ''} {institution.document_no or ''}".strip()))
    project = application.project
    if project is not None and project.name:
        claims.append(("project", _norm(f"{uscc}|{project.name}"), project.name))
    return claims
