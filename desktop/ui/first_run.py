"""First start: who is using the app (enterprise or official) and in which language."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME

ROLES = ("enterprise", "official")
LANGUAGES = (("zh_CN", "中文"), ("en", "English"))  # each in its own language, on purpose


@dataclass(frozen=True)
class FirstRunChoice:
    role: str
    language: str


class FirstRunDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRun")
        self.setWindowTitle(self.tr("欢迎使用 {app}").format(app=APP_NAME))
        intro = QLabel(self.tr("第一次使用，请选择身份和界面语言。以后可以在“设置”菜单中更改。"))
        intro.setWordWrap(True)
        self.enterprise = QRadioButton(self.tr("企业用户：填写企业信息，自评政策，准备申报材料(&E)"))
        self.official = QRadioButton(self.tr("主管部门：接收、核验、汇总企业申报包(&O)"))
        self.enterprise.setChecked(True)
        self.roles = QButtonGroup(self)
        self.roles.addButton(self.enterprise)
        self.roles.addButton(self.official)
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.sample_hint = QLabel(self.tr(
            "进入后先显示“示例企业”，可以直接浏览自评结果；新建企业后填写自己的信息。"))
        self.sample_hint.setWordWrap(True)
        # The sample enterprise is for enterprise users; the official's desk has none.
        self.enterprise.toggled.connect(self.sample_hint.setVisible)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        form = QFormLayout()
        form.addRow(self.tr("身份"), self.enterprise)
        form.addRow("", self.official)
        language_label = QLabel(self.tr("界面语言(&L)"))
        language_label.setBuddy(self.language)
        form.addRow(language_label, self.language)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.sample_hint)
        layout.addWidget(buttons)

    def reject(self) -> None:
        """Esc or the close button: go on with what is selected (the defaults unless changed);
        quitting silently on Esc left a first-time user with nothing on screen."""
        self.accept()

    def choice(self) -> FirstRunChoice:
        role = "official" if self.official.isChecked() else "enterprise"
        return FirstRunChoice(role, str(self.language.currentData()))
