"""Chinese labels for enum fact values, shared by the engine's explanations and the UI."""

from __future__ import annotations

CHOICE_LABELS: dict[str, str] = {
    # ownership
    "central_enterprise_in_qinghai": "中央驻青企业", "provincial_soe": "省属国有企业",
    "other_soe": "其他国有企业", "private": "民营企业", "foreign_invested": "外商投资企业",
    "collective": "集体企业", "other": "其他",
    # levels
    "national": "国家级", "provincial": "省级", "municipal": "市级",
    # listing
    "main_board": "境内外主板", "chinext": "创业板", "neeq": "全国中小企业股份转让系统（新三板）",
    "regional_equity": "区域性股权交易市场", "none": "未上市挂牌",
    # project kinds and readiness
    "tech_upgrade": "技术改造项目", "new_industry": "新兴产业项目",
    "sme_fixed_asset": "中小企业固定资产投资项目",
    "ready_to_start": "已具备开工条件", "under_construction": "正在实施",
    "preparing": "前期准备中", "completed": "已建成",
    # institutions
    "enterprise_tech_center": "企业技术中心", "engineering_research_center": "工程研究中心",
    "engineering_laboratory": "工程实验室", "engineering_tech_research_center": "工程技术研究中心",
    "key_laboratory": "重点实验室", "national_tech_center_branch": "国家级企业技术中心分中心",
    "national_local_joint_laboratory": "国家和地方联合共建实验室",
    "academician_workstation": "院士工作站", "postdoc_workstation": "博士后科研工作站",
    "postdoc_mobile_station": "博士后科研流动站",
    # loans
    "working_capital": "流动资金贷款", "fixed_asset": "固定资产贷款",
    # direct financing kinds (001 金融三, 000 七, 003 三（二）)
    "ipo": "首发上市", "listed_refinancing": "上市公司再融资（上市融资）",
    "enterprise_bond": "企业债", "corporate_bond": "公司债", "private_bond": "私募债",
    "sme_collective_bond": "中小企业集合债券", "collective_note": "集合票据",
    "medium_term_note": "中期票据", "short_term_note": "短期融资券（融资券）",
    "trust": "信托", "finance_lease": "融资租赁",
    # size classes
    "large": "大型", "medium": "中型", "small": "小型", "micro": "微型",
}


def choice_label(value: str) -> str:
    return CHOICE_LABELS.get(value, value)
