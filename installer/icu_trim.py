"""Cut Qt's ICU data library down to the languages the app speaks (Linux builds).

PySide6's Linux wheels link QtCore against their own ICU, whose data library
(``libicudata.so.<N>``, 32 MB) holds every locale CLDR knows.  Qt reads ICU data only for
collation, locale-aware case mapping, time-zone names and the legacy text codecs; the app shows
Chinese and English.  This module rebuilds the data library with:

- every locale's data for ``root``, ``en*`` and ``zh*`` (the user's system locale, if another,
  falls back to ``root``, as ICU does for any locale it lacks), and all locale-independent data
  (normalisation, break rules, the CJK dictionary, time zones, plural rules, likely subtags);
- none of the legacy codec tables but GB 18030, no transliterators, and no word dictionaries for
  Thai, Lao, Khmer or Burmese.

The tools are ICU's own: ``icupkg`` lists and removes items, ``genccode`` turns the package into
assembly that ``gcc`` links into a library with the same soname and symbol (``icudt<N>_dat``).
On Debian they come with ``icu-devtools`` (its ICU version need not match: the package format is
the same).  Without the tools the caller keeps the library as shipped.  Windows and macOS builds
have no ICU library to trim (Qt uses the system's there).

``python installer/icu_trim.py <libicudata.so.N> <out-dir>`` runs it by hand.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

TOOLS = ("icupkg", "genccode", "gcc")
KEPT_LANGUAGES = ("root", "en", "zh")
KEPT_CODECS = {"gb18030.cnv"}
KEPT_DICTIONARIES = {"cjdict.dict"}
# A CLDR locale id as ICU names its files: language, optional script, region, variants.
_LOCALE_FILE = re.compile(r"^[a-z]{2,3}(_[A-Z][a-z]{3})?(_([A-Z]{2}|[0-9]{3}))?(_[A-Z0-9]+)*_?\.res$")
_KEPT_LOCALE_FILE = re.compile(rf"^({'|'.join(KEPT_LANGUAGES)})(_[A-Za-z0-9]+)*\.res$")
_DEPENDS = re.compile(r"^Item (\S+) depends on missing item")


def tools_missing() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def dropped(item: str) -> bool:
    """Whether a package item (``coll/de.res``, ``ibm-943_P15A-2003.cnv`` …) is left out."""
    name = item.rsplit("/", 1)[-1]
    if name.endswith(".cnv"):
        return name not in KEPT_CODECS
    if name.endswith(".dict"):
        return name not in KEPT_DICTIONARIES
    if item.startswith("translit/"):
        return True
    return bool(_LOCALE_FILE.match(name)) and not _KEPT_LOCALE_FILE.match(name)


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """The ``icudt<N>_dat`` symbol's name, file offset and size."""
    symbols = subprocess.run(["readelf", "-sW", str(library)], capture_output=True, text=True,
                             check=True).stdout
    sections = subprocess.run(["readelf", "-SW", str(library)], capture_output=True, text=True,
                              check=True).stdout
    found = re.search(r"\s([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+\d+\s+(icudt\d+_dat)",
                      symbols)
    rodata = re.search(r"\.rodata\s+PROGBITS\s+([0-9a-f]+)\s+([0-9a-f]+)", sections)
    if found is None or rodata is None:
        raise RuntimeError(f"{library}: no ICU data symbol")
    address, size = int(found.group(1), 16), int(found.group(2), 0)
    offset = int(rodata.group(2), 16) + address - int(rodata.group(1), 16)
    return found.group(3), offset, size


def trim(library: Path, out_dir: Path) -> Path:
    """Write the trimmed library as ``out_dir/<same name>`` and return its path."""
    symbol, offset, size = _data_symbol(library)
    package_name = symbol.removesuffix("_dat") + "l"  # icudt73l: the name items are filed under
    work = out_dir / "icu-work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    with library.open("rb") as handle:
        handle.seek(offset)
        whole = handle.read(size)
    # icupkg files the items under the output file's base name, so both carry the package's name.
    source, package = work / "in" / f"{package_name}.dat", work / f"{package_name}.dat"
    source.parent.mkdir()
    source.write_bytes(whole)
    items = subprocess.run(["icupkg", "-l", str(source)], capture_output=True, text=True,
                           check=True).stdout.split()
    drop = {item for item in items if dropped(item)}
    removal = work / "drop.txt"
    # An alias left behind (coll/es_.res → coll/es.res) names what it needs: leave it out too.
    for _round in range(10):
        removal.write_text("\n".join(sorted(drop)) + "\n", encoding="ascii")
        run = subprocess.run(["icupkg", "-r", str(removal), str(source), str(package)],
                             capture_output=True, text=True)
        if run.returncode == 0 and package.is_file():
            break
        orphans = {m.group(1) for line in (run.stdout + run.stderr).splitlines()
                   if (m := _DEPENDS.match(line))}
        if not orphans - drop:
            raise RuntimeError(f"icupkg failed: {run.stderr.strip()}")
        drop |= orphans
    else:
        raise RuntimeError("icupkg kept finding dependent items")
    kept = subprocess.run(["icupkg", "-l", str(package)], capture_output=True, text=True,
                          check=True).stdout.split()
    for needed in ("root.res", "zh.res", "en.res", "coll/zh.res", "coll/ucadata.icu"):
        if needed not in kept:
            raise RuntimeError(f"trimmed ICU data lost {needed}")
    subprocess.run(["genccode", "-a", "gcc", "-e", symbol.removesuffix("_dat"), "-d", str(work),
                    str(package)], capture_output=True, check=True)
    assembly = work / f"{package_name}_dat.S"
    subprocess.run(["gcc", "-c", "-o", str(work / "data.o"), str(assembly)], check=True)
    out = out_dir / library.name
    subprocess.run(["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(out),
                    str(work / "data.o")], check=True)
    shutil.rmtree(work)
    return out


if __name__ == "__main__":
    result = trim(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{result}: {result.stat().st_size / 1e6:.1f} MB")
