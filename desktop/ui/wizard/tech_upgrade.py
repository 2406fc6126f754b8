"""技术改造项目 (seed 001 附件3; also 附件4 新兴产业 and 附件5 固定资产投资项目)."""

from __future__ import annotations

import typing

from desktop.applications.model import REPORT_SECTION_TITLES
from desktop.facts.labels import choice_label
from desktop.facts.model import ProjectKind
from desktop.ui.wizard.common_pages import ENTERPRISE, MATERIALS, REVIEW, ROUTE, pledge_page
from desktop.ui.wizard.spec import QT_TRANSLATE_NOOP, FieldSpec, PageSpec, WizardSpec

YES_NO = (("true", "是"), ("false", "否"))
# The model's SUPPORT_FORM_LABELS, marked for translation (a test keeps them equal).
SUPPORT_FORMS = (("interest_subsidy", QT_TRANSLATE_NOOP("Wizard", "贴息")),
                 ("grant", QT_TRANSLATE_NOOP("Wizard", "补助")),
                 ("award", QT_TRANSLATE_NOOP("Wizard", "奖励")))

PROJECT = PageSpec(
    "project", QT_TRANSLATE_NOOP("Wizard", "项目"), asks=("project",),
    fields=(
        FieldSpec("project_name", QT_TRANSLATE_NOOP("Wizard", "项目名称")),
        FieldSpec("project_kind", QT_TRANSLATE_NOOP("Wizard", "项目类别"), "choice",
                  choices=tuple((c, choice_label(c)) for c in typing.get_args(ProjectKind))),
        # Choices come from the programme's own list of supported fields (see frame._choices).
        FieldSpec("project_sector", QT_TRANSLATE_NOOP("Wizard", "所属支持领域"), "choice"),
        FieldSpec("project_product", QT_TRANSLATE_NOOP("Wizard", "主要产品")),
        FieldSpec("project_readiness", QT_TRANSLATE_NOOP("Wizard", "项目进展"), "choice",
                  choices=tuple((c, choice_label(c)) for c in
                                ("ready_to_start", "under_construction", "preparing", "completed"))),
        FieldSpec("project_has_approval_or_filing", QT_TRANSLATE_NOOP("Wizard", "已取得核准或备案文件"),
                  "choice", choices=YES_NO),
        FieldSpec("project_conforms_national_policy", QT_TRANSLATE_NOOP("Wizard", "符合国家产业政策"),
                  "choice", choices=YES_NO),
        FieldSpec("project_conforms_provincial_plan", QT_TRANSLATE_NOOP("Wizard", "符合本省相关规划"),
                  "choice", choices=YES_NO),
        FieldSpec("project_new_overcapacity", QT_TRANSLATE_NOOP("Wizard", "新增产能过剩行业产能"),
                  "choice", choices=YES_NO),
        FieldSpec("project_details_location", QT_TRANSLATE_NOOP("Wizard", "建设地点")),
        FieldSpec("project_details_filing_no", QT_TRANSLATE_NOOP("Wizard", "备案（核准）文号")),
        FieldSpec("project_details_eia_no", QT_TRANSLATE_NOOP("Wizard", "环评批复文号")),
        FieldSpec("project_details_land_no", QT_TRANSLATE_NOOP("Wizard", "用地批复文号")),
        FieldSpec("project_start_on", QT_TRANSLATE_NOOP("Wizard", "计划开工日期"), "date"),
        FieldSpec("project_finish_on", QT_TRANSLATE_NOOP("Wizard", "计划竣工日期"), "date"),
    ),
)
INDICATORS = PageSpec(
    "indicators", QT_TRANSLATE_NOOP("Wizard", "技术指标"), asks=("project",),
    fields=(
        FieldSpec("project_unit_power_after", QT_TRANSLATE_NOOP("Wizard", "改造后单位产品电耗"), "number",
                  unit="度/吨"),
        FieldSpec("project_dust_after", QT_TRANSLATE_NOOP("Wizard", "改造后粉尘排放浓度"), "number",
                  unit="mg/m³"),
        FieldSpec("project_organised_emission_after", QT_TRANSLATE_NOOP("Wizard", "烟气（烟尘）有组织排放"),
                  "choice", choices=YES_NO),
    ),
    intro=QT_TRANSLATE_NOOP("Wizard", "改造后的指标一边填写，一边与政策的目标值比对，结果见下方。"),
)
REPORT = PageSpec(
    "report", QT_TRANSLATE_NOOP("Wizard", "申请报告书"),
    fields=tuple(FieldSpec(f"report_{key}", title, "multiline") for key, title in REPORT_SECTION_TITLES),
)
INVESTMENT = PageSpec(
    "investment", QT_TRANSLATE_NOOP("Wizard", "投资与资金"), asks=("project",),
    fields=(
        FieldSpec("project_total_investment", QT_TRANSLATE_NOOP("Wizard", "项目总投资"), "money"),
        FieldSpec("investment_equipment", QT_TRANSLATE_NOOP("Wizard", "其中：设备购置费"), "money"),
        FieldSpec("investment_construction", QT_TRANSLATE_NOOP("Wizard", "其中：建筑安装工程费"), "money"),
        FieldSpec("investment_other", QT_TRANSLATE_NOOP("Wizard", "其中：其他费用"), "money"),
        FieldSpec("financing_self_raised", QT_TRANSLATE_NOOP("Wizard", "资金来源：企业自筹"), "money"),
        FieldSpec("financing_bank_loans", QT_TRANSLATE_NOOP("Wizard", "资金来源：银行贷款"), "money"),
        FieldSpec("financing_requested_subsidy", QT_TRANSLATE_NOOP("Wizard", "资金来源：申请专项资金"),
                  "money"),
        # 附件3 一（二）：“综合运用贴息、补助和奖励等多种资金支持方式”.
        FieldSpec("financing_support_form", QT_TRANSLATE_NOOP("Wizard", "申请支持方式"), "choice",
                  choices=SUPPORT_FORMS),
        FieldSpec("financing_interest_subsidy_requested",
                  QT_TRANSLATE_NOOP("Wizard", "是否同时申请贷款贴息"), "choice", choices=YES_NO,
                  hint=QT_TRANSLATE_NOOP("Wizard",
                                         "支持方式已选“贴息”的不必再选；选补助或奖励、又申请贷款贴息的选“是”")),
        FieldSpec("project_requested_amount", QT_TRANSLATE_NOOP("Wizard", "申请资金"), "money"),
        FieldSpec("project_details_new_capacity", QT_TRANSLATE_NOOP("Wizard", "新增生产能力")),
        FieldSpec("project_details_new_revenue", QT_TRANSLATE_NOOP("Wizard", "达产后新增销售收入（每年）"),
                  "money"),
        FieldSpec("project_details_new_profit_tax", QT_TRANSLATE_NOOP("Wizard", "达产后新增利税（每年）"),
                  "money"),
    ),
)
EQUIPMENT = PageSpec(
    "equipment", QT_TRANSLATE_NOOP("Wizard", "设备购置清单"), table="equipment",
    intro=QT_TRANSLATE_NOOP("Wizard", "可从 Excel/WPS 复制多行后点“粘贴”，或“导入 .xlsx”；"
                            "单价可写 12.5万、1,250,000。合计须等于设备购置费。"),
)
LOANS = PageSpec(
    "loans", QT_TRANSLATE_NOOP("Wizard", "贷款合同（贴息）"), table="loan", columns="fixed_loan",
    intro=QT_TRANSLATE_NOOP("Wizard", "申请贴息的项目，逐笔填写固定资产投资贷款合同；每一行即时显示签订日期"
                            "是否符合政策原文的要求。只申请补助或奖励的，本页不填。"),
)
WIZARD = WizardSpec("tech_upgrade", (ENTERPRISE, PROJECT, INDICATORS, INVESTMENT, LOANS, EQUIPMENT, REPORT,
                                     pledge_page(), ROUTE, MATERIALS, REVIEW))
