"""Re-assess a bundle: does its assessment follow from its own answers?

The manifest's hashes prove that the files arrived as they were packed, not that they were
packed honestly.  Anyone could edit ``assessment.json`` (say, "eligible, 500 万元"),
recompute the hashes and zip it again.  The official's own copy of the rules settles it:
the application's facts are assessed again on the bundle's date, and with the same rule
pack the result must equal the bundle's ``assessment.json`` exactly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from desktop.applications.io import facts_of, parse_application
from desktop.applications.model import ApplicationFile
from desktop.bundle.safejson import JsonRejectedError, load_bounded
from desktop.facts.io import FactsError
from desktop.rules.engine import assess
from desktop.rules.pack import RulePack
from desktop.rules.results import STATUS_LABELS, Assessment, Status

MAX_LISTED = 5  # disagreements spelled out one by one; the rest are counted


@dataclass
class Recheck:
    """``problems`` mean the bundle contradicts itself; ``notes`` are for the reviewer's eye."""

    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # What was read and worked out, for the proofs that follow (re-drafting, the desk's view).
    application: ApplicationFile | None = None
    bundled: dict[str, Any] | None = None
    recomputed: dict[str, Any] | None = None
    assessed_on: dt.date | None = None
    assessment: Assessment | None = None


def recheck(manifest: dict[str, Any], application_json: bytes, assessment_json: bytes,
            pack: RulePack) -> Recheck:
    report = Recheck()
    application = report.application = _application(application_json, report)
    bundled = report.bundled = _assessment(assessment_json, report)
    if application is None or bundled is None:
        return report
    _check_manifest(manifest, application, bundled, report)
    try:
        on = report.assessed_on = dt.date.fromisoformat(str(bundled.get("assessed_on")))
    except ValueError:
        report.problems.append("assessment.json 的评估日期无法识别。")
        return report
    report.assessment = assess(pack, facts_of(application), on)
    recomputed = report.recomputed = report.assessment.to_json()
    ours = _result(recomputed, application.programme_id)
    if ours is not None:
        report.notes.append(f"按包内申报内容和本机规则包复核（{pack.identity.id} {pack.identity.version}，"
                            f"评估日 {on.isoformat()}）："
                            f"{ours['title']}——{_outcome(ours)}。")
    their_pack = bundled.get("rulepack") or {}
    if their_pack.get("sha256") != pack.identity.sha256:
        report.notes.append(
            f"申报包按规则包 {their_pack.get('id')} {their_pack.get('version')} 评估，"
            f"本机为 {pack.identity.id} {pack.identity.version}：规则不同，未逐项比对包内的自评结果。")
        return report
    if recomputed != bundled:
        report.problems += _disagreements(bundled, recomputed)
    return report


def _application(content: bytes, report: Recheck) -> ApplicationFile | None:
    try:
        return parse_application(load_bounded(content, "application.json", decimals=True))
    except JsonRejectedError as exc:
        report.problems.append(str(exc))
    except FactsError as exc:
        listed = "；".join(exc.problems[:MAX_LISTED])
        report.problems.append(f"application.json 不是有效的申报文件（{len(exc.problems)} 个问题）：{listed}")
    return None


def _assessment(content: bytes, report: Recheck) -> dict[str, Any] | None:
    try:
        data = load_bounded(content, "assessment.json")
    except JsonRejectedError as exc:
        report.problems.append(str(exc))
        return None
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        report.problems.append("assessment.json 不是本程序的自评结果。")
        return None
    return data


def _check_manifest(manifest: dict[str, Any], application: ApplicationFile,
                    bundled: dict[str, Any], report: Recheck) -> None:
    enterprise = manifest.get("enterprise") or {}
    pairs = [
        ("政策项目", manifest.get("programme_id"), application.programme_id),
        ("申报类别", manifest.get("kind"), application.kind),
        ("统一社会信用代码", enterprise.get("uscc"), application.enterprise.uscc),
        ("规则包", manifest.get("rulepack"), bundled.get("rulepack")),
    ]
    for label, listed, inside in pairs:
        if listed != inside:
            report.problems.append(f"清单与包内文件不一致：{label}（清单为 {listed}，文件中为 {inside}）。")


def _result(assessment: dict[str, Any], programme_id: str) -> dict[str, Any] | None:
    return next((r for r in assessment.get("results", [])
                 if isinstance(r, dict) and r.get("programme_id") == programme_id), None)


def _outcome(result: dict[str, Any]) -> str:
    try:
        status = STATUS_LABELS[Status(str(result.get("status")))]
    except ValueError:
        status = f"未知状态 {result.get('status')!r}"
    amount = result.get("amount") or {}
    if amount.get("wan") is not None:
        return f"{status}，金额 {amount['wan']} 万元"
    return status


def _disagreements(bundled: dict[str, Any], recomputed: dict[str, Any]) -> list[str]:
    """What differs, programme by programme: the verdicts first, then any other detail."""
    ours = {r["programme_id"]: r for r in recomputed["results"]}
    theirs = {r.get("programme_id"): r for r in bundled["results"] if isinstance(r, dict)}
    verdicts: list[str] = []
    details: list[str] = []
    for programme_id, result in ours.items():
        claimed = theirs.get(programme_id)
        if claimed is None:
            details.append(f"缺少政策项目 {programme_id} 的结果")
        elif (claimed.get("status"), claimed.get("amount")) != (result["status"], result["amount"]):
            verdicts.append(f"{result['title']}：包内写“{_outcome(claimed)}”，"
                            f"按包内申报内容应为“{_outcome(result)}”")
        elif claimed != result:
            details.append(f"{result['title']}：条件、说明或依据与规则包不一致")
    details += [f"含有规则包中没有的政策项目 {p}" for p in sorted(map(str, set(theirs) - set(ours)))]
    details += [f"“{key}”与申报内容不符" for key in sorted(recomputed.keys() | bundled.keys())
                if key != "results" and recomputed.get(key) != bundled.get(key)]
    found = verdicts + details
    listed = found[:MAX_LISTED] + ([f"另有 {len(found) - MAX_LISTED} 处不符"]
                                   if len(found) > MAX_LISTED else [])
    return ["assessment.json 与按同一规则包重新评估包内申报内容的结果不一致，"
            "文件可能在打包后被改动：" + "；".join(listed) + "。"]
