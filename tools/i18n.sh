#!/usr/bin/env bash
# Refresh the translation catalogue from the UI sources, then compile it.
#
#   tools/i18n.sh            # after changing any user-visible string in desktop/ui/
#
# New strings appear in resources/i18n/desktop_en.ts as unfinished: translate them (Qt
# Linguist: pyside6-linguist, or by hand) and run this again.  tests/ui/test_i18n.py fails
# while any string lacks a translation or the .qm is older than the .ts.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(dirname "${PYTHON:-python3}")
lupdate=${bin}/pyside6-lupdate
lrelease=${bin}/pyside6-lrelease
[[ -x $lupdate ]] || lupdate=pyside6-lupdate
[[ -x $lrelease ]] || lrelease=pyside6-lrelease
"$lupdate" -no-obsolete -locations none desktop/ui/*.py desktop/ui/*/*.py -ts resources/i18n/desktop_en.ts
"$lrelease" resources/i18n/desktop_en.ts -qm resources/i18n/desktop_en.qm
