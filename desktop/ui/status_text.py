"""Human-readable status-bar text for the installed rule pack."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from desktop.rulepacks.active import active_pack
from desktop.rulepacks.manifest import Manifest
from desktop.rules.database import bundled_pack
from desktop.rules.pack import RulePack, RulePackError
from desktop.rules.status import PackStatus, pack_status
from desktop.ui.i18n import translate

log = logging.getLogger(__name__)


def describe_status(status: PackStatus, pack_validity: str = "", *, official: bool = False) -> str:
    """The pack, its own validity when it is a signed pack, then its policies' in-force span.

    The two spans are named apart (规则包有效期 / 政策施行期): a new pack can be valid from 2027
    while every policy in it ended in 2020.
    """
    end = status.valid_to.isoformat() if status.valid_to else translate("status", "长期")
    text = translate("status", "规则包 {id} 版本 {version}").format(
        id=status.pack_id, version=status.version)
    if pack_validity:
        text += translate("status", "（{pack_validity}）").format(pack_validity=pack_validity)
    template = translate(
        "status", "；所含政策的施行期 {start} 至 {end}，{in_force}/{total} 项政策当前有效")
    text += template.format(start=status.valid_from.isoformat(), end=end,
                            in_force=status.in_force, total=status.programmes)
    if status.all_expired:
        text += (translate("status", "。所含政策均已过期，请安装新政策的规则包（设置→导入规则包）。")
                 if official else translate("status", "。所含政策均已过期，新政策的规则包请向主管部门索取。"))
    return text


def _pack_validity(manifest: Manifest, on: dt.date) -> str:
    start, end = manifest.valid_from.isoformat(), manifest.valid_until.isoformat()
    if manifest.valid_from > on:
        return translate("status", "规则包自 {start} 起生效，有效期至 {end}").format(start=start, end=end)
    return translate("status", "规则包有效期 {start} 至 {end}").format(start=start, end=end)


def load_pack_with_status(on: dt.date | None = None, data_dir: Path | None = None, *,
                          official: bool = False) -> tuple[RulePack | None, str]:
    """The pack in use (or None when it is refused) and the status line to show.

    With a data folder, that is the installed signed pack when there is a good one.
    """
    on = on or dt.date.today()
    try:
        active = active_pack(data_dir) if data_dir is not None else None
        pack = active.pack if active else bundled_pack()
    except RulePackError as exc:
        log.error("bundled rule pack refused: %s", exc)
        return None, translate("status", "规则包无法加载：{reason}").format(reason=exc.problems[0].message)
    manifest = active.manifest if active is not None else None
    text = describe_status(pack_status(pack, on), _pack_validity(manifest, on) if manifest else "",
                           official=official)
    if active is not None and active.stale(on) and active.manifest is not None:
        stale = (translate("status", "。规则包已过发布时注明的有效期（{end}），可能已有新版。") if official
                 else translate("status",
                                "。规则包已过发布时注明的有效期（{end}），可能已有新版，请向主管部门索取。"))
        text += stale.format(end=active.manifest.valid_until.isoformat())
    if active is not None and active.problem:
        text += translate("status", "。已安装的规则包无法使用（{reason}），现用内置规则包。").format(
            reason=active.problem)
    return pack, text


def rulepack_status_text(on: dt.date | None = None) -> str:
    return load_pack_with_status(on)[1]
