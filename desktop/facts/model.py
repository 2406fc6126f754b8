"""Pydantic models of the facts input (``resources/schema/facts.schema.json`` is generated from them).

Money is in 元 as a decimal string; the forms show 万元.  Every field may be null:
unknown facts make conditions ``unknown``, never ``pass``.
"""

from __future__ import annotations

from typing import Annotated, Final, Literal

from pydantic import Field

from desktop.facts.declarations import Level, PolicyDeclarations
from desktop.facts.fields import Count, FactDate, FactsModel, Measure, Rate, Years, Yuan, fact

SCHEMA_VERSION: Final = 1

Text = Annotated[str, Field(max_length=200)]

Ownership = Literal[
    "central_enterprise_in_qinghai",
    "provincial_soe",
    "other_soe",
    "private",
    "foreign_invested",
    "collective",
    "other",
]
ListingBoard = Literal["main_board", "chinext", "neeq", "regional_equity", "none"]
ProjectKind = Literal["tech_upgrade", "new_industry", "sme_fixed_asset"]
Readiness = Literal["ready_to_start", "under_construction", "preparing", "completed"]
InstitutionKind = Literal[
    "enterprise_tech_center",
    "engineering_research_center",
    "engineering_laboratory",
    "engineering_tech_research_center",
    "key_laboratory",
    "national_tech_center_branch",
    "national_local_joint_laboratory",
    "academician_workstation",
    "postdoc_workstation",
    "postdoc_mobile_station",
]
LoanKind = Literal["working_capital", "fixed_asset", "other"]
# How a direct financing was raised: each text lists its own kinds (001 金融三, 000 七, 003 三（二）).
FinancingKind = Literal[
    "ipo",                 # 首发上市
    "listed_refinancing",  # 上市公司再融资（上市融资）
    "enterprise_bond",     # 企业债
    "corporate_bond",      # 公司债
    "private_bond",        # 私募债
    "sme_collective_bond", # 中小企业集合债券
    "collective_note",     # 集合票据
    "medium_term_note",    # 中期票据
    "short_term_note",     # 短期融资券（融资券）
    "trust",               # 信托
    "finance_lease",       # 融资租赁
    "other",
]


class Enterprise(PolicyDeclarations):
    name: Text | None = fact("企业名称", "企业的全称是什么？", max_length=200)
    uscc: str | None = fact(
        "统一社会信用代码", "企业的统一社会信用代码（18位）是什么？", max_length=18
    )
    region_code: str | None = fact(
        "所在行政区划", "企业注册地所在的县（市、区）是哪里？", max_length=6
    )
    industry_code: str | None = fact(
        "所属行业（GB/T 4754-2011）", "企业主营业务属于哪个国民经济行业（2011版代码）？",
        max_length=5,
    )
    ownership: Ownership | None = fact(
        "企业类型", "企业属于中央驻青企业、省属国有企业，还是其他企业？"
    )
    employees: Count | None = fact("从业人员", "企业上年末从业人员有多少人？", unit="人", ge=0)
    revenue: Yuan | None = fact("上年度营业收入", "企业上一年度营业收入是多少？", unit="元")
    assets: Yuan | None = fact("资产总额", "企业上年末资产总额是多少？", unit="元")
    main_revenue: Yuan | None = fact(
        "本年度主营业务收入", "企业申报年度的主营业务收入是多少？", unit="元"
    )
    prior_max_main_revenue: Yuan | None = fact(
        "以往年度最高主营业务收入", "此前各年度中主营业务收入最高是多少？", unit="元"
    )
    annual_revenue: Yuan | None = fact(
        "本年度营业收入", "企业申报年度的营业收入是多少？", unit="元"
    )
    prior_max_annual_revenue: Yuan | None = fact(
        "以往年度最高营业收入", "此前各年度中营业收入最高是多少？", unit="元"
    )
    profit_tax_rate_at_least_average: bool | None = fact(
        "利税率达到全省同行业平均水平以上", "企业利税率是否达到全省同行业平均水平以上？"
    )
    pays_tax_locally: bool | None = fact(
        "在本市辖区内缴税", "企业是否在所在市辖区内缴税？"
    )
    newly_above_scale: bool | None = fact(
        "新增规模以上工业企业", "企业是否为本年度新增的规模以上工业企业？"
    )
    local_tax_base: Yuan | None = fact(
        "基数：成为规上企业前一年缴纳的自治区以下地方级税收",
        "企业成为规模以上工业企业的前一年缴纳的自治区以下地方级税收是多少（3年内以此为不变的基数）？",
        unit="元",
    )
    local_tax_current: Yuan | None = fact(
        "本年缴纳的自治区以下地方级税收", "企业本年缴纳的自治区以下地方级税收是多少？",
        unit="元",
    )
    converted_from_individual: bool | None = fact(
        "由个体工商户转为企业", "企业是否由个体工商户转型而来（“个转企”）？"
    )
    listing_board: ListingBoard | None = fact(
        "挂牌上市板块", "企业在哪个资本市场板块成功上市或挂牌？"
    )
    listed_on: FactDate | None = fact("上市（挂牌）日期", "企业上市或挂牌成功的日期是哪天？")
    listing_subsidy_received: Yuan | None = fact(
        "此前已获上市挂牌补助", "企业此前已获得的上市挂牌补助金额是多少？", unit="元"
    )
    two_integration_demo_on: FactDate | None = fact(
        "省级两化深度融合示范企业认定日期", "企业何时被新认定为省级两化深度融合示范企业？"
    )
    first_set_premium: Yuan | None = fact(
        "首台（套）重大技术装备综合险年度保费", "投保首台（套）重大技术装备综合险的年度保费是多少？",
        unit="元",
    )
    first_set_in_catalogue: bool | None = fact(
        "装备产品属于国家指导目录范围", "投保的装备产品是否属于国家首台（套）指导目录范围？"
    )
    first_set_national_subsidy: bool | None = fact(
        "已获国家保费80%补贴", "是否已获得国家实际投保年度保费80%的补贴？"
    )
    first_set_provincial_rate: Rate | None = fact(
        "已获省级保费补贴比例", "已获得的省级补贴占保费的比例是多少？（未获得填0）",
        unit="比例",
    )
    collective_bond_amount: Yuan | None = fact(
        "集合债券发债额", "企业成功发行的各类集合债券金额是多少？", unit="元"
    )
    collective_bond_issued_on: FactDate | None = fact(
        "集合债券发行日期", "集合债券发行成功的日期是哪天？"
    )
    direct_financing: Yuan | None = fact(
        "直接融资额", "企业通过发债、信托、租赁、上市等方式直接融资的金额是多少？",
        unit="元",
    )
    direct_financing_on: FactDate | None = fact(
        "直接融资日期", "直接融资完成的日期是哪天？"
    )
    intermediary_fees: Yuan | None = fact(
        "直接融资中介费用", "直接融资活动中发生的中介费用是多少？", unit="元"
    )
    bill_discount_fees: Yuan | None = fact(
        "承兑汇票贴现费用", "办理承兑汇票贴现业务产生的费用是多少？", unit="元"
    )
    bill_discount_on: FactDate | None = fact(
        "承兑汇票贴现日期", "承兑汇票贴现业务发生在哪天？"
    )
    unemployment_insurance_years: Years | None = fact(
        "参加失业保险并缴费年限", "企业参加失业保险并履行缴费义务已满多少年？", unit="年"
    )
    no_major_layoffs_two_years: bool | None = fact(
        "近两年无较大裁员", "企业近两年是否没有较大裁员行为？"
    )
    certified_in_difficulty: bool | None = fact(
        "经认定的困难企业", "企业是否为经认定的困难企业？"
    )
    high_tech_certified: bool | None = fact(
        "国家高新技术企业", "企业是否为经认定的高新技术企业？"
    )
    rd_expense: Yuan | None = fact("上年度研发费用", "企业上年度研究开发费用是多少？", unit="元")
    # Issue 16 (policy fidelity): the facts that fix a dated event, a period or a kind.
    collective_bond_term_years: Years | None = fact(
        "集合债券存续期", "集合债券的存续期（期限）是多少年？", unit="年"
    )
    financing_kind: FinancingKind | None = fact(
        "直接融资方式", "直接融资是通过哪种方式完成的（企业债、公司债、信托、融资租赁、首发上市等）？"
    )
    backdoor_or_relocated_listing: bool | None = fact(
        "借壳上市或外地上市公司迁入", "企业是否通过借壳上市，或将外地上市公司迁至本市？"
    )
    relocated_listing_on: FactDate | None = fact(
        "借壳上市或外地上市公司迁入日期",
        "企业通过借壳上市，或将外地上市公司迁入本市的日期是哪天？",
    )
    above_scale_year: Count | None = fact(
        "成为规模以上工业企业的年度", "企业是哪一年成为规模以上工业企业的？", ge=1949
    )
    innovative_enterprise_recognised_on: FactDate | None = fact(
        "创新型企业认定日期", "企业被新认定为创新型企业的日期是哪天？"
    )
    tech_sme_recognised_on: FactDate | None = fact(
        "科技型中小企业认定日期", "企业被新认定为科技型中小企业的日期是哪天？"
    )
    converted_from_individual_on: FactDate | None = fact(
        "由个体工商户转为企业的登记日期", "企业由个体工商户转为企业（“个转企”）的登记日期是哪天？"
    )


class Project(FactsModel):
    name: Text | None = fact("项目名称", "项目的名称是什么？", max_length=200)
    kind: ProjectKind | None = fact("项目类别", "项目属于技术改造、新兴产业，还是中小企业固定资产投资项目？")
    sector: str | None = fact("项目所属领域", "项目属于哪个重点支持领域？", max_length=40)
    product: str | None = fact("主要产品", "项目的主要产品是什么（如硅铁、铬铁）？", max_length=40)
    unit_power_after: Measure | None = fact(
        "改造后单位产品电耗", "改造后单位产品电耗是多少（度/吨）？", unit="度"
    )
    dust_after: Measure | None = fact(
        "改造后粉尘排放浓度", "改造后粉尘排放浓度是多少？", unit="毫克／立方米"
    )
    organised_emission_after: bool | None = fact(
        "改造后烟气（烟尘）有组织排放", "改造后烟气、烟尘是否全部实现有组织排放？"
    )
    conforms_national_policy: bool | None = fact(
        "符合国家产业政策", "项目是否符合国家产业政策？"
    )
    conforms_provincial_plan: bool | None = fact(
        "符合本省相关规划", "项目是否符合本省相关规划？"
    )
    readiness: Readiness | None = fact(
        "项目进展", "项目已具备开工条件、正在实施，还是仍在前期准备？"
    )
    has_approval_or_filing: bool | None = fact(
        "已取得核准或备案文件", "项目是否已取得核准或备案文件？"
    )
    new_overcapacity: bool | None = fact(
        "新建（新增）产能过剩行业产能", "项目是否新建或新增电解铝、水泥、铁合金等产能过剩行业的产能？"
    )
    sme_category: str | None = fact(
        "中小企业项目类型", "项目属于附件5所列十类固定资产投资项目中的哪一类？", max_length=40
    )
    total_investment: Yuan | None = fact("项目总投资", "项目总投资是多少？", unit="元")
    requested_amount: Yuan | None = fact("申请资金", "本次申请支持资金是多少？", unit="元")
    start_on: FactDate | None = fact("计划开工日期", "项目计划何时开工？")
    finish_on: FactDate | None = fact("计划竣工日期", "项目计划何时竣工？")
    # Issue 16: the exception to the over-capacity ban, and the 2013 ban on backward capacity.
    equal_or_reduced_replacement: bool | None = fact(
        "按等量减量置换原则办理", "确需新建的过剩行业产能，是否按等量或减量置换原则办理？"
    )
    replaces_backward_capacity: bool | None = fact(
        "对列入淘汰计划的落后产能等量置换、关小建大或异地搬迁改造",
        "项目是否对列入淘汰计划的落后产能搞“等量置换、关小建大”或异地搬迁改造？",
    )


class Loan(FactsModel):
    bank: Text | None = fact("贷款银行", "贷款银行是哪家？", max_length=200)
    contract_no: str | None = fact("合同编号", "贷款合同编号是什么？", max_length=60)
    kind: LoanKind | None = fact("贷款种类", "这笔贷款是流动资金贷款吗？")
    start_on: FactDate | None = fact("贷款发放日", "贷款何时发放（起息日）？")
    end_on: FactDate | None = fact("贷款到期日", "贷款何时到期？")
    principal: Yuan | None = fact("贷款金额", "贷款本金是多少？", unit="元")
    annual_rate: Rate | None = fact(
        "年利率", "贷款合同约定的年利率是多少（如 0.0656 表示 6.56%）？", unit="比例"
    )
    # Issue 15: the date 附件3 四（二）5 tests ("2009年以后与金融机构签订"), distinct from 发放日.
    signed_on: FactDate | None = fact("合同签订日期", "贷款合同是哪天签订的？")
    # Issue 15: shown in the 贷款明细; no policy text computes the subsidy on it (docs/WIZARDS.md).
    interest_paid: Yuan | None = fact("已付利息", "这笔贷款截至申报时已支付的利息是多少？", unit="元")


class Institution(FactsModel):
    name: Text | None = fact("研发机构名称", "研发机构的名称是什么？", max_length=200)
    kind: InstitutionKind | None = fact(
        "研发机构类型", "研发机构属于哪一类（企业技术中心、工程研究中心等）？"
    )
    level: Level | None = fact("认定级别", "研发机构被认定为国家级、省级还是市级？")
    recognised_on: FactDate | None = fact("认定（建成）日期", "研发机构何时被新认定或建成？")
    document_no: str | None = fact("认定文件文号", "认定文件的文号是什么？", max_length=60)
    authority: str | None = fact("认定单位", "研发机构由哪个机关（单位）认定？", max_length=100)
    rd_staff: Count | None = fact("研发人员数", "研发机构有多少名研发人员？", unit="人", ge=0)
    rd_spend: Yuan | None = fact("研发经费支出", "研发机构上年度研发经费支出是多少？", unit="元")


class FactsFile(FactsModel):
    """The whole input of one assessment."""

    schema_version: Literal[1] = Field(
        default=SCHEMA_VERSION, description="事实文件格式版本 / facts schema version"
    )
    # JSON has no comments; examples explain themselves here and the engine ignores it.
    comment: str | None = Field(default=None, alias="$comment", max_length=4000,
                                description="说明文字，程序不读取 / free-text note, ignored")
    enterprise: Enterprise = Field(default_factory=Enterprise)
    project: Project | None = None
    loans: list[Loan] | None = Field(
        default=None, max_length=500,
        description="贷款合同（流动资金贷款贴息的贷款；技术改造申请贴息的固定资产投资贷款合同）；"
                    "未填写为 null"
    )
    institution: Institution | None = None
