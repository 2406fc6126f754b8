"""The save indicator: says only what the database has confirmed.

"正在保存…" while anything typed is not yet written, "已保存 14:05" once it is, and a refused
write in red, which stays until that field is saved (a later successful save of another
field does not hide it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.ui.controller import SaveKind, SaveState

ERROR_STYLE = "color: #b00020;"


class SaveIndicator(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("saveState")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self._read_only = False
        self._state: SaveState | None = None

    def set_read_only(self, read_only: bool) -> None:
        """The sample enterprise: nothing is saved, and the indicator says why."""
        self._read_only = read_only
        self._render()

    def show_state(self, state: SaveState) -> None:
        self._state = state
        self._render()

    def _render(self) -> None:
        state = self._state
        if state is not None and state.kind is SaveKind.ERROR:
            message = next(iter(state.errors.values()))
            self.setStyleSheet(ERROR_STYLE)
            self.setText(self.tr("未能保存：{message}").format(message=message))
            return
        self.setStyleSheet("")
        if self._read_only:
            self.setText(self.tr("示例企业只供浏览；新建企业后即可填写并自动保存。"))
        elif state is not None and state.kind is SaveKind.SAVING:
            self.setText(self.tr("正在保存…"))
        elif state is not None and state.saved_at is not None:
            self.setText(self.tr("已保存 {time}").format(time=state.saved_at.strftime("%H:%M")))
        else:
            self.setText(self.tr("所有修改自动保存。"))
