"""中小企业流动资金贷款贴息 (seed 001 附件5): the loans, the subsidy, the pledge."""

from __future__ import annotations

from desktop.ui.wizard.common_pages import ENTERPRISE, MATERIALS, REVIEW, ROUTE, pledge_page
from desktop.ui.wizard.spec import QT_TRANSLATE_NOOP, FieldSpec, PageSpec, WizardSpec

LOANS = PageSpec(
    "loans", QT_TRANSLATE_NOOP("Wizard", "贷款合同"), table="loan", asks=("loan",),
    fields=(FieldSpec("loan_purpose", QT_TRANSLATE_NOOP("Wizard", "贷款用途及贴息资金使用说明"),
                      "multiline"),),
    intro=QT_TRANSLATE_NOOP("Wizard", "逐笔填写流动资金贷款合同；每一行即时显示是否符合条件及原因。"
                            "金额可写 500万、5,000,000；利率可写 6.56% 或 0.0656。"),
)
SUBSIDY = PageSpec(
    "subsidy", QT_TRANSLATE_NOOP("Wizard", "贴息测算"), special="subsidy",
    fields=(FieldSpec("assumed_ratio", QT_TRANSLATE_NOOP("Wizard", "自估贴息比例（仅供参考）"), "rate",
                      hint=QT_TRANSLATE_NOOP(
                          "Wizard", "贴息占利息的比例，如 50%（不是年利率）；只用于自估，不写入申报材料")),),
)
WIZARD = WizardSpec("loan_interest", (ENTERPRISE, LOANS, SUBSIDY, pledge_page(), ROUTE, MATERIALS, REVIEW))
