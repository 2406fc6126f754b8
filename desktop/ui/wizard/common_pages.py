"""Pages every wizard has: the enterprise (from its profile), the contact, the recipient
office and route, the materials, and the review."""

from __future__ import annotations

from desktop.ui.wizard.spec import QT_TRANSLATE_NOOP, FieldSpec, PageSpec

ENTERPRISE = PageSpec(
    "enterprise", QT_TRANSLATE_NOOP("Wizard", "企业与联系人"),
    fields=(
        FieldSpec("contact_person", QT_TRANSLATE_NOOP("Wizard", "联系人")),
        FieldSpec("contact_phone", QT_TRANSLATE_NOOP("Wizard", "联系电话")),
        FieldSpec("contact_address", QT_TRANSLATE_NOOP("Wizard", "通信地址")),
        FieldSpec("contact_legal_representative", QT_TRANSLATE_NOOP("Wizard", "法定代表人")),
        FieldSpec("prepared_on", QT_TRANSLATE_NOOP("Wizard", "成文日期（文书落款）"), "date"),
    ),
    special="enterprise",
    intro=QT_TRANSLATE_NOOP("Wizard", "企业信息取自“企业信息”页，在那里修改后这里随之更新。"),
)
ROUTE = PageSpec(
    "route", QT_TRANSLATE_NOOP("Wizard", "报送单位"),
    fields=(
        FieldSpec("route_submit_to",
                  QT_TRANSLATE_NOOP("Wizard", "政策规定的报送路径（仅供参考，不印入文书）")),
        FieldSpec("recipient_office", QT_TRANSLATE_NOOP("Wizard", "主送机关（请示抬头，受文单位全称）"),
                  hint=QT_TRANSLATE_NOOP("Wizard", "如：西宁市城西区工业和信息化局")),
        FieldSpec("recipient_copy_to", QT_TRANSLATE_NOOP("Wizard", "抄送机关（可留空，多个用顿号分隔）")),
    ),
    special="route",
    intro=QT_TRANSLATE_NOOP("Wizard", "报送路径取自政策原文，只作提示；主送、抄送请写机关的真实全称，"
                            "不要写“主管部门”这类类别名。留空时文书在抬头处留出空白待手写。"),
)
MATERIALS = PageSpec("materials", QT_TRANSLATE_NOOP("Wizard", "申报材料"), special="materials")
REVIEW = PageSpec("review", QT_TRANSLATE_NOOP("Wizard", "检查并生成"), special="review")


def pledge_page(title: str = QT_TRANSLATE_NOOP("Wizard", "目标责任书")) -> PageSpec:
    return PageSpec("pledge", title, fields=(
        # The template's "下达给＊＊＊企业＊＊＊＊项目＊＊＊＊资金" and "《＊＊＊资金管理办法》".
        FieldSpec("pledge_fund_name", QT_TRANSLATE_NOOP("Wizard", "资金名称"),
                  hint=QT_TRANSLATE_NOOP("Wizard", "照下达文件写，如：××省中小企业发展专项资金")),
        FieldSpec("pledge_management_measures",
                  QT_TRANSLATE_NOOP("Wizard", "资金管理办法名称（不含书名号）"),
                  hint=QT_TRANSLATE_NOOP("Wizard",
                                         "下达文件引用的办法全称，如：××省中小企业发展专项资金管理办法")),
        FieldSpec("pledge_indicators", QT_TRANSLATE_NOOP("Wizard", "主要经济技术指标"), "multiline"),
        FieldSpec("pledge_construction_period", QT_TRANSLATE_NOOP("Wizard", "建设（执行）周期"),
                  hint=QT_TRANSLATE_NOOP("Wizard", "如：2011年12月至2012年12月")),
        # A pledge is signed after support is granted: both stay blank on the papers until then.
        FieldSpec("pledge_granted_amount", QT_TRANSLATE_NOOP("Wizard", "下达资金（获得支持后填写）"), "money",
                  hint=QT_TRANSLATE_NOOP("Wizard", "未下达时留空，责任书金额留白待签订时填写")),
        FieldSpec("pledge_signed_on", QT_TRANSLATE_NOOP("Wizard", "责任书签订日期（签订时填写）"), "date"),
    ))
