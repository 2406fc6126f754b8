"""Pydantic models of one application (the ``draft`` input and the bundle's ``application.json``)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Final, Literal

from pydantic import Field, field_validator

from desktop.applications.kinds import ApplicationKind
from desktop.facts.fields import FactsModel, Yuan
from desktop.facts.model import Enterprise, Institution, Loan, Project

APPLICATION_SCHEMA_VERSION: Final = 1
# One limit for a user's attachment, in the store and in a drafted bundle.
MAX_ATTACHMENT_BYTES: Final = 50 * 1024 * 1024

Short = Annotated[str, Field(max_length=200)]
Narrative = Annotated[str, Field(max_length=20_000)]


class Contact(FactsModel):
    person: Short = Field(description="联系人")
    phone: Annotated[str, Field(max_length=40)] = Field(description="联系电话")
    address: Short | None = Field(default=None, description="通信地址")
    legal_representative: Short | None = Field(default=None, description="法定代表人")


class ReportSections(FactsModel):
    """项目申请报告书: the sections 附件3 四（二）1 lists, in its order."""

    enterprise_overview: Narrative = Field(description="企业基本情况")
    background: Narrative = Field(description="项目建设背景")
    necessity: Narrative = Field(description="必要性分析")
    construction: Narrative = Field(description="建设内容")
    financing: Narrative = Field(description="总投资及资金筹措（文字说明；金额取自 investment 与 financing）")
    technology: Narrative = Field(description="技术工艺")
    benefits: Narrative = Field(description="经济效益分析")
    conditions: Narrative = Field(description="建设条件落实")
    schedule: Narrative = Field(description="计划进度安排")


REPORT_SECTION_TITLES: Final = (
    ("enterprise_overview", "企业基本情况"),
    ("background", "项目建设背景"),
    ("necessity", "必要性分析"),
    ("construction", "建设内容"),
    ("financing", "总投资及资金筹措"),
    ("technology", "技术工艺"),
    ("benefits", "经济效益分析"),
    ("conditions", "建设条件落实"),
    ("schedule", "计划进度安排情况"),  # the source's own words (附件3 四（二）1)
)


class Investment(FactsModel):
    """How the total investment splits (元); the parts must add up to ``project.total_investment``."""

    equipment: Yuan = Field(description="设备购置费（须等于购置清单合计）")
    construction: Yuan = Field(description="建筑安装工程费")
    other: Yuan = Field(description="其他费用")


# The forms of support 附件3 一（二） names: “综合运用贴息、补助和奖励等多种资金支持方式”.
SupportForm = Literal["interest_subsidy", "grant", "award"]
SUPPORT_FORM_LABELS: Final[dict[str, str]] = {"interest_subsidy": "贴息", "grant": "补助", "award": "奖励"}


class Financing(FactsModel):
    """Where the money comes from (元); must add up to ``project.total_investment``."""

    requested_subsidy: Yuan = Field(description="申请专项资金（须等于 project.requested_amount）")
    bank_loans: Yuan = Field(description="银行贷款")
    self_raised: Yuan = Field(description="企业自筹")
    interest_subsidy_requested: bool = Field(
        default=False, description="是否同时申请贷款贴息（决定材料清单中“申请贴息的项目”一项是否适用）")
    support_form: SupportForm | None = Field(
        default=None,
        description="申请的资金支持方式：interest_subsidy 贴息、grant 补助、award 奖励（附件3 一（二））。"
                    "选贴息时，材料清单中“申请贴息的项目”一项适用，贷款合同逐笔列入项目基本情况表")

    @property
    def asks_interest_subsidy(self) -> bool:
        """贴息 is asked for: as the support form itself, or alongside the 专项资金."""
        return self.interest_subsidy_requested or self.support_form == "interest_subsidy"


class EquipmentLine(FactsModel):
    name: Short = Field(description="设备名称")
    model: Short | None = Field(default=None, description="规格型号")
    quantity: int = Field(ge=1, le=1_000_000, description="数量")
    unit: Annotated[str, Field(max_length=10)] = Field(default="台", description="单位")
    unit_price: Yuan = Field(description="单价（元）")
    supplier: Short | None = Field(default=None, description="供应商")

    @field_validator("model", "supplier", mode="before")
    @classmethod
    def _blank_is_absent(cls, value: object) -> object:
        # A blank cell and a missing one mean the same; the store keeps neither.
        return None if isinstance(value, str) and not value.strip() else value


class ProjectDetails(FactsModel):
    """项目基本情况表 entries the facts do not hold; what is left out prints blank, to fill by hand."""

    location: Short | None = Field(default=None, description="建设地点")
    filing_no: Short | None = Field(default=None, description="备案（核准）文号")
    eia_no: Short | None = Field(default=None, description="环评批复文号")
    land_no: Short | None = Field(default=None, description="用地批复文号")
    new_capacity: Short | None = Field(default=None, description="新增生产能力")
    new_revenue: Yuan | None = Field(default=None, description="达产后新增销售收入（元/年）")
    new_profit_tax: Yuan | None = Field(default=None, description="达产后新增利税（元/年）")


class PledgeTerms(FactsModel):
    """What the 目标责任书 template leaves as ＊＊＊ and the policy text does not fix."""

    fund_name: Short = Field(description="资金名称，如“技术改造专项资金”")
    management_measures: Short = Field(description="《＊＊＊资金管理办法》的名称（不含书名号）")
    indicators: Narrative = Field(description="项目主要经济技术指标")
    construction_period: Short = Field(description="建设周期，如“2012年4月至2012年12月”")
    granted_amount: Yuan | None = Field(
        default=None,
        description="下达资金（元）。责任书在获得支持后签订：主管部门下达后填写；未填写时，"
                    "责任书金额与大写处留空待签订时填写（不以申请金额代替）")
    signed_on: dt.date | None = Field(
        default=None, description="责任书签订日期；未填写时落款日期留空（年　月　日）待签订时填写")


class AttachmentRef(FactsModel):
    material: Short = Field(description="对应的申报材料名称（与材料清单一致）")
    path: Annotated[str, Field(max_length=500)] = Field(description="文件路径，相对于本 JSON 文件")
    loan: int | None = Field(default=None, ge=1, le=500,
                             description="逐笔提供的材料（如贷款合同）对应第几笔贷款（从 1 起）")


class Recipient(FactsModel):
    """Where the 请示 goes: a real office, not the policy's category ("同级经（发、商）委")."""

    office: Short = Field(description="主送机关全称，如“西宁市经济委员会”")
    copy_to: list[Short] = Field(default_factory=list, max_length=20, description="抄送机关全称")


class ApplicationFile(FactsModel):
    schema_version: Literal[1] = Field(default=APPLICATION_SCHEMA_VERSION, description="申报文件格式版本")
    comment: str | None = Field(default=None, alias="$comment", max_length=4000,
                                description="说明文字，程序不读取")
    kind: ApplicationKind = Field(description="申报类型")
    programme_id: Annotated[str, Field(max_length=80)] = Field(description="规则包中的政策项目编号")
    prepared_on: dt.date = Field(description="成文日期（文书落款日期）")
    enterprise: Enterprise
    contact: Contact
    project: Project | None = None
    report: ReportSections | None = None
    project_details: ProjectDetails | None = Field(default=None, description="项目基本情况表的补充栏目")
    investment: Investment | None = None
    financing: Financing | None = None
    equipment: list[EquipmentLine] = Field(default_factory=list, max_length=2000)
    pledge: PledgeTerms | None = None
    loans: list[Loan] = Field(default_factory=list, max_length=500)
    loan_purpose: Narrative | None = Field(default=None, description="贷款用途及贴息资金使用说明")
    institution: Institution | None = None
    institution_summary: Narrative | None = Field(default=None, description="研发机构建设与运行情况")
    attachments: list[AttachmentRef] = Field(default_factory=list, max_length=200)
    recipient: Recipient | None = Field(
        default=None,
        description="请示的主送与抄送机关；未填写时主送处留空待手写。向导以规则包中该政策的报送路径为建议")
