"""``assess FACTS.json [--on DATE] [--json]``: a readable table or the documented JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from desktop.cli.output import CliError, print_json
from desktop.cli.rules_cmd import open_pack
from desktop.facts.io import FactsError, read_facts
from desktop.facts.labels import choice_label
from desktop.facts.model import FactsFile
from desktop.money import format_wan
from desktop.reference.identifiers import validate_uscc
from desktop.rules.engine import assess
from desktop.rules.predicates import Outcome
from desktop.rules.results import OUTCOME_LABELS, STATUS_LABELS, AmountResult, Assessment


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD：{text}") from exc


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("assess", help="按规则包自评一家企业 / self-assessment")
    parser.add_argument("facts", type=Path, help="企业事实 JSON（格式见 resources/schema）")
    parser.add_argument("--on", type=parse_date, default=None, help="评估日期，默认今天")
    parser.add_argument("--json", action="store_true", help="输出 JSON")
    parser.add_argument("--pack", type=Path, help="规则包（目录或 .sqlite），默认为内置规则包")
    parser.add_argument("--all", action="store_true", help="文字输出时也列出其他地区的政策")
    parser.set_defaults(handler=_assess)


def _assess(args: argparse.Namespace) -> int:
    try:
        facts = read_facts(args.facts)
    except FactsError as exc:
        raise CliError(f"事实文件 {args.facts} 有 {len(exc.problems)} 个问题：", exc.problems) from exc
    for warning in identifier_warnings(facts):
        print(f"警告：{warning}", file=sys.stderr)
    pack = open_pack(args.pack, args.data_dir)
    result = assess(pack, facts, args.on or dt.date.today())
    if args.json:
        print_json(result.to_json())
    else:
        print_table(result, show_all=args.all)
    return 0


def amount_text(amount: AmountResult) -> str:
    """The amount line: no 预计金额 where the programme pays nothing today (``figure`` is None)."""
    if not amount.applies:
        return "不列预计金额"
    if amount.figure is not None:
        text = f"预计金额：{format_wan(amount.figure)} 万元"
        if amount.total is not None:
            text += f"（本企业所得部分；奖励总额 {format_wan(amount.total)} 万元，分配见金额依据）"
        elif amount.yearly is not None:
            text += f"（累计；每年 {format_wan(amount.yearly)} 万元，见金额依据）"
        return text
    return "预计金额：" + ("由主管部门确定" if amount.set_by_authority else "—")


def identifier_warnings(facts: FactsFile) -> list[str]:
    """An invalid 统一社会信用代码 does not stop a self-assessment (the rules never read it),
    but the enterprise should hear of it before it drafts anything; ``draft`` refuses it."""
    uscc = facts.enterprise.uscc
    if not uscc:
        return []
    check = validate_uscc(uscc)
    return [] if check.ok else [f"{check.message}评估照常进行，但申报材料须使用正确的代码。"]


def print_table(assessment: Assessment, *, show_all: bool = False) -> None:
    print(f"企业：{assessment.enterprise_name or '（未填写名称）'}  "
          f"统一社会信用代码：{assessment.uscc or '未填写'}")
    size = choice_label(assessment.size_class) if assessment.size_class != "unknown" else "未确定"
    print(f"企业规模：{size}。{assessment.size_explanation}")
    print(f"评估日期：{assessment.assessed_on.isoformat()}  规则包："
          f"{assessment.rulepack.id} {assessment.rulepack.version}")
    print()
    hidden = 0
    for r in assessment.results:
        if r.status.value == "not_applicable" and not show_all:
            hidden += 1
            continue
        print(f"【{STATUS_LABELS[r.status]}】{r.title}  {amount_text(r.amount)}")
        for c in r.conditions:
            if c.outcome is not Outcome.PASS or r.status.value in ("eligible",):
                print(f"    {OUTCOME_LABELS[c.outcome]}  {c.label}：{c.detail}")
        for m in r.missing:
            print(f"    待补充：{m.question}")
        print(f"    金额依据：{r.amount.basis}")
        print()
    if hidden:
        print(f"（另有 {hidden} 项其他地区的政策未列出，加 --all 查看）")
