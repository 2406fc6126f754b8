"""Yes/no facts and levels for measures that turn on one event or status of the enterprise.

Each answers one clause of a policy text (the rule that reads it cites the clause).  They
live apart from :mod:`desktop.facts.model` so the core enterprise profile stays readable.
"""

from __future__ import annotations

from typing import Literal

from desktop.facts.fields import FactsModel, Yuan, fact

Level = Literal["national", "provincial", "municipal"]


class PolicyDeclarations(FactsModel):
    # 青海 2011
    merger_restructuring: bool | None = fact(
        "实施兼并重组", "企业是否正在实施兼并重组或整合（涉及资产处置、人员安置）？")
    # 青海 2013
    waste_heat_power: bool | None = fact(
        "利用余热余压发电或尾气综合利用", "企业是否利用余热余压发电或开展尾气综合利用？")
    local_deep_processing: bool | None = fact(
        "电解铝等原材料产品就地精深加工", "企业是否就地对电解铝等原材料产品进行精深加工？")
    tech_achievement_or_cooperation: bool | None = fact(
        "引进科技成果再创新或开展产学研合作", "企业是否引进科技成果再创新，或与科研院校开展产学研合作？")
    tech_based: bool | None = fact("科技型企业", "企业是否为科技型企业？")
    new_consumer_goods_producer: bool | None = fact(
        "新设日用消费品生产企业", "企业是否为新设立的日用消费品生产企业？")
    rail_transport_investment: bool | None = fact(
        "购置铁路自备车或开展公铁联运等",
        "企业是否购置铁路自备车、接入铁路重车，或开展公铁联运、公铁分流？")
    large_road_freight: bool | None = fact(
        "物资运输量大", "企业的公路物资运输量是否较大（拟申请通行费年费制度）？")
    special_equipment_investment: Yuan | None = fact(
        "购置目录内专用设备投资额",
        "企业购置并实际使用的环境保护、节能节水、安全生产专用设备（在优惠目录内）投资额是多少？",
        unit="元")
    resource_utilisation_income: bool | None = fact(
        "综合利用资源生产产品取得收入",
        "企业是否综合利用资源、生产符合国家产业政策规定的产品并取得收入？")
    tech_transfer_income: bool | None = fact(
        "技术转让、技术开发及相关服务收入", "企业是否有技术转让、技术开发及相关技术咨询、技术服务收入？")
    # 乌海 2014
    priority_sector: bool | None = fact(
        "战略性新兴产业、传统优势产业或实施产能整合的企业",
        "企业是否属于战略性新兴产业、传统优势产业或实施产能整合的企业？")
    energy_saving_retrofit: bool | None = fact(
        "采用目录推荐技术实施节能技术改造",
        "企业是否采用《国家重点节能技术推广目录》推荐的工艺、技术或设备实施了节能技术改造？")
    completed_capacity_elimination: bool | None = fact(
        "完成年度淘汰落后产能目标任务", "企业是否完成了年度淘汰落后产能目标任务？")
    # 石家庄 2017
    brand_honour: bool | None = fact(
        "获得名牌产品或驰名、著名、知名商标",
        "企业是否新获得省名牌产品、市十大工业名牌产品或驰名、著名、知名商标？")
    new_fixed_assets_purchased: bool | None = fact(
        "新购进固定资产或研发仪器设备", "企业是否新购进固定资产或专门用于研发的仪器、设备？")
    restructuring_with_state_land: bool | None = fact(
        "整体改建、合并、分立或以国有土地房屋投资",
        "企业是否实施整体改建、合并、分立，或以国有土地、房屋进行投资？")
    sells_used_fixed_assets: bool | None = fact(
        "销售或出口自己使用过的固定资产", "企业是否销售自己使用过的固定资产或出口自己使用过的二手设备？")
    rents_government_standard_factory: bool | None = fact(
        "租用政府投资标准化厂房", "企业是否租用政府投资的标准化厂房？")
    raises_plot_ratio: bool | None = fact(
        "利用现有厂区提高容积率",
        "企业是否在不改变工业用途的前提下，利用现有厂区改造、厂房加层、地下空间提高容积率？")
    innovative_enterprise_level: Level | None = fact(
        "新认定创新型企业级别", "企业新近被认定为哪一级创新型企业？")
    tech_sme_level: Level | None = fact(
        "新认定科技型中小企业级别", "企业新近被认定为哪一级科技型中小企业？")
    industrialisation_project_investor: bool | None = fact(
        "战略性新兴产业化项目的成果持有人或投资人",
        "企业是否为战略性新兴产业化项目建设的高新技术成果持有人或产业化项目投资人？")
    provincial_benchmark_advanced: bool | None = fact(
        "省对标先进企业", "企业是否被评为省对标先进企业？")
    clean_production_demo_project: bool | None = fact(
        "清洁生产技术示范项目", "企业是否实施转型升级的清洁生产技术示范项目？")
    above_scale: bool | None = fact("规模以上工业企业", "企业是否为规模以上工业企业？")
    leads_standard_setting: bool | None = fact(
        "主导标准制（修）订", "企业是否主导国际标准、国家标准或行业标准的制（修）订？")
    runs_staff_training: bool | None = fact(
        "组织职工培训", "企业是否组织职工培训（包括职业院校实习）？")
    newly_attracted_enterprise: bool | None = fact(
        "新引进的符合产业发展政策的企业", "企业是否为新引进、符合当地产业发展政策的企业？")
    short_term_liquidity_need: bool | None = fact(
        "短期资金周转困难", "企业在运行发展中是否存在短期资金周转困难？")
    internet_plus_demo: bool | None = fact(
        "“互联网+”应用示范项目", "企业是否有“互联网+”重点项目或商业模式创新等应用示范项目？")
    attended_trade_fair: bool | None = fact(
        "参加政府组织的交易会、博览会", "企业是否参加了组织的国内外知名交易会、博览会等会展活动？")
    # Issue 16: measures the audit found missing or wrongly dismissed.
    # 青海 2011
    expands_sales_cuts_inventory: bool | None = fact(
        "扩大销售、降低库存", "企业是否扩大了销售、降低了库存（以奖代补）？")
    uses_provincial_products: bool | None = fact(
        "优先使用省内产品", "企业是否在上下游对接中优先使用省内企业的产品？")
    key_or_especially_difficult: bool | None = fact(
        "重点企业或特别困难企业", "企业是否被确定为重点企业或特别困难企业？")
    production_suspended: bool | None = fact(
        "停产企业", "企业是否处于停产状态？")
    contractor_using_provincial_products: bool | None = fact(
        "优先使用省内企业产品的重大基础设施承建单位",
        "企业是否为省内铁路、公路、机场、水利水电等重大基础设施建设的承建单位，并优先使用省内企业产品？")
    builder_buying_provincial_materials: bool | None = fact(
        "采购省内建材的建筑企业", "企业是否为在青海建设施工、采购省内建材的建筑企业？")
    rail_road_transport_2011: bool | None = fact(
        "开展公铁联运或异地仓储、公路转运",
        "企业是否开展公铁联运，或采取异地仓储、公路转运等方式组织运输？")
    unable_to_pay_pension_in_full: bool | None = fact(
        "暂时无力足额缴纳养老保险费", "企业是否暂时无力足额缴纳养老保险费？")
    settles_with_acceptance_bills_in_province: bool | None = fact(
        "省内上下游或生产与流通企业之间以承兑汇票结算",
        "企业是否与省内上下游企业，或生产企业与流通企业之间，使用承兑汇票结算？")
    # 青海 2013
    eliminates_backward_capacity: bool | None = fact(
        "淘汰落后产能", "企业是否淘汰（关停）水泥等行业的落后产能？")
    # 青海 2016
    growth_enterprise: bool | None = fact("成长型企业", "企业是否为成长型中小微企业？")
    pays_social_insurance: bool | None = fact(
        "参加失业、工伤、生育保险或缴存住房公积金", "企业是否为职工缴纳失业、工伤、生育保险费或住房公积金？")
    # 乌海 2014
    large_power_user_good_credit: bool | None = fact(
        "信誉好的规模以上用电大户", "企业是否为信誉好的规模以上用电大户？")
    brings_coal_into_city: bool | None = fact(
        "调入煤炭", "企业是否从外地调入煤炭？")
