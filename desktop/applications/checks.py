"""Everything that must hold before any paper is produced.

Totals that appear in several documents (the report, the 基本情况表, the 购置清单, the
责任书) must agree, the programme must be one the enterprise is eligible for on the date,
and the application must have what its kind needs.  Every problem is listed, not just the first.
"""

from __future__ import annotations

from decimal import Decimal

from desktop.applications.kinds import KINDS, PART_LABELS
from desktop.applications.model import ApplicationFile
from desktop.money import format_wan_with_unit
from desktop.reference.identifiers import validate_uscc
from desktop.rules.results import STATUS_LABELS, ProgrammeResult, Status


def equipment_total(application: ApplicationFile) -> Decimal:
    return sum((line.unit_price * line.quantity for line in application.equipment), Decimal(0))


def check_application(application: ApplicationFile, result: ProgrammeResult) -> list[str]:
    problems: list[str] = []
    if result.wizard != application.kind:
        problems.append(f"政策项目“{result.title}”不能按“{application.kind}”类申报。")
    if result.status is not Status.ELIGIBLE:
        problems.append(f"按 {application.prepared_on.isoformat()} 的自评结果，“{result.title}”为"
                        f"“{STATUS_LABELS[result.status]}”，不能生成申报材料。")
        problems += [f"  待补充：{m.question}" for m in result.missing]
    problems += _identity(application)
    for part in KINDS[application.kind].required_parts:
        if getattr(application, part) is None:
            # In the user's words only: the wizard shows these to people who never see the file.
            problems.append(f"缺少{PART_LABELS[part]}。")
    if application.kind == "tech_upgrade":
        problems += _tech_upgrade_totals(application)
    elif application.kind == "loan_interest" and not application.loans:
        problems.append("没有填写任何贷款合同。")
    for index, ref in enumerate(application.attachments):
        if ref.path.startswith(("/", "\\")) or ".." in ref.path.replace("\\", "/").split("/"):
            problems.append(f"attachments[{index}]：路径须相对于申报文件且不能跳出其目录：{ref.path}")
    return problems


def _identity(application: ApplicationFile) -> list[str]:
    """Every document names the enterprise by its credit code: a wrong one is never printed."""
    uscc = application.enterprise.uscc
    if not uscc:
        return ["统一社会信用代码（enterprise.uscc）未填写，申报材料上必须写明。"]
    check = validate_uscc(uscc)
    return [] if check.ok else [f"统一社会信用代码 {uscc} 无效：{check.message}"]


def _tech_upgrade_totals(application: ApplicationFile) -> list[str]:
    project, investment, financing = application.project, application.investment, application.financing
    if project is None or investment is None or financing is None:
        return []
    problems = []
    total = project.total_investment
    if total is None:
        problems.append("项目总投资（project.total_investment）未填写。")
    if project.requested_amount is None:
        problems.append("申请资金（project.requested_amount）未填写。")
    listed = equipment_total(application)
    if not application.equipment:
        problems.append("固定资产购置清单为空（equipment）。")
    elif listed != investment.equipment:
        problems.append(f"购置清单合计 {format_wan_with_unit(listed)} 与总投资构成中的设备购置费 "
                        f"{format_wan_with_unit(investment.equipment)} 不一致。")
    parts = investment.equipment + investment.construction + investment.other
    if total is not None and parts != total:
        problems.append(f"总投资构成合计 {format_wan_with_unit(parts)} 与项目总投资 "
                        f"{format_wan_with_unit(total)} 不一致。")
    sources = financing.requested_subsidy + financing.bank_loans + financing.self_raised
    if total is not None and sources != total:
        problems.append(f"资金筹措合计 {format_wan_with_unit(sources)} 与项目总投资 "
                        f"{format_wan_with_unit(total)} 不一致。")
    requested = project.requested_amount
    if requested is not None and financing.requested_subsidy != requested:
        problems.append(f"资金筹措中的申请专项资金 {format_wan_with_unit(financing.requested_subsidy)} 与"
                        f"申请资金 {format_wan_with_unit(requested)} 不一致（责任书金额取申请资金）。")
    return problems


def check_amounts_within_estimate(application: ApplicationFile, result: ProgrammeResult) -> list[str]:
    """Neither the request nor the pledge's grant may exceed an amount the rules computed."""
    project, terms = application.project, application.pledge
    granted = terms.granted_amount if terms is not None else None
    requested = project.requested_amount if project is not None else None
    problems = []
    # The authority may grant less than was asked for, never more.
    if application.kind == "tech_upgrade" and granted is not None and requested is not None \
            and granted > requested:
        problems.append(f"目标责任书下达资金 {format_wan_with_unit(granted)} 超过申请资金 "
                        f"{format_wan_with_unit(requested)}。")
    estimate = result.amount.figure
    if estimate is None:
        return problems
    for label, value in (("申请资金", requested), ("目标责任书下达资金", granted)):
        if value is not None and value > estimate:
            problems.append(f"{label} {format_wan_with_unit(value)} 超过按政策测算的金额 "
                            f"{format_wan_with_unit(estimate)}（{result.amount.basis}）。")
    return problems
