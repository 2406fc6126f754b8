"""A draft keeps its pack after an import until it is re-assessed; the installed texts are readable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.applications.io import read_application
from desktop.bundle.build import bundle_bytes
from desktop.cli.main import main
from desktop.documents.drafting import draft
from desktop.policies.texts import policy_text
from desktop.rulepacks.active import active_pack, pinned_pack
from desktop.rulepacks.drafts import repin
from desktop.rulepacks.install import import_pack
from desktop.rulepacks.keys import PrivateKey
from desktop.rules.database import bundled_pack
from desktop.store.records import StoreError
from desktop.store.startup import open_store
from tests.conftest import ROOT
from tests.rulepacks.helpers import with_version, write_pack

LOAN = "qh-2011-sme-loan-interest"


def test_drafts_stay_on_their_pack_until_re_assessed(trusting_dir: Path, files: dict[str, bytes],
                                                     authority_key: PrivateKey,
                                                     tmp_path: Path) -> None:
    opened = open_store(trusting_dir)
    try:
        store = opened.store
        profile = store.create_profile({"name": "测试企业"})
        draft = store.create_application(profile, "loan_interest", programme_id=LOAN,
                                         rulepack_id="huiqi-builtin", rulepack_version="2026.11.1")
        done = store.create_application(profile, "loan_interest", programme_id=LOAN,
                                        rulepack_id="huiqi-builtin", rulepack_version="2026.11.1")
        store.set_status(done, "exported")
        import_pack(trusting_dir, write_pack(tmp_path / "a.zip", with_version(files, "2027.1.0"),
                                             authority_key, "2027.1.0"))
        import_pack(trusting_dir, write_pack(tmp_path / "b.zip", with_version(files, "2027.2.0"),
                                             authority_key, "2027.2.0"))
        summary = store.application(draft)
        assert summary.rulepack_version == "2026.11.1"
        pinned = pinned_pack(trusting_dir, summary.rulepack_id, summary.rulepack_version)
        assert pinned is not None and pinned.identity.version == "2026.11.1"
        middle = pinned_pack(trusting_dir, "huiqi-builtin", "2027.1.0")
        assert middle is not None and middle.texts_dir is not None
        assert pinned_pack(trusting_dir, "huiqi-builtin", "1999.1.0") is None

        active = active_pack(trusting_dir)
        assert repin(store, draft, active.pack.identity) is True
        assert store.application(draft).rulepack_version == "2027.2.0"
        assert store.audit_trail("application", draft)[-1].new_value == "huiqi-builtin 2027.2.0"
        with pytest.raises(StoreError, match="已导出"):
            repin(store, done, active.pack.identity)
    finally:
        opened.close(backup=False)
    texts = active.pack.texts_dir
    assert texts is not None
    name = next(n.removeprefix("policies/") for n in files if n.startswith("policies/"))
    assert policy_text(name, texts) == files[f"policies/{name}"].decode("utf-8")


def test_intake_re_assesses_with_the_officials_installed_pack_and_says_which(
        trusting_dir: Path, files: dict[str, bytes], authority_key: PrivateKey, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    application = read_application(ROOT / "examples" / "application_tech_upgrade.json")
    bundle = tmp_path / "bundle.zip"
    bundle.write_bytes(bundle_bytes(draft(application, bundled_pack(), dt.datetime(2026, 11, 30, 9)), {}))
    import_pack(trusting_dir, write_pack(tmp_path / "a.zip", with_version(files, "2027.1.0"),
                                         authority_key, "2027.1.0"))
    assert main(["--data-dir", str(trusting_dir), "bundle", "verify", str(bundle)]) == 0
    out = capsys.readouterr().out
    assert "规则包：huiqi-builtin 2026.11.1" in out  # the pack the enterprise drafted with
    assert "本机规则包复核（huiqi-builtin 2027.1.0，" in out  # the official's pack, named
