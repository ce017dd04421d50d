"""A content folder with N copies of sheet 3.3, each with its own id and number, in every language.

Copy n gets the id ``copy-<n>`` and the number ``3.<n>``; its translations are the sheet's own,
re-keyed (catalogue entries have ``msgctxt "<sheet id>.<key>"``), so Welsh pages are as translated
as the real sheet's.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

SOURCE_SHEET = "3.3-partnership"


def generate_content(content: Path, count: int, target: Path) -> Path:
    """Copy ``content`` to ``target`` with sheet 3.3 replaced by ``count`` numbered copies of it."""
    shutil.copytree(content, target, ignore=shutil.ignore_patterns("sheets"))
    source = content / "sheets" / SOURCE_SHEET
    text = (source / "sheet.yml").read_text(encoding="utf-8")
    sheet_id = re.search(r"^id: (\S+)$", text, re.M).group(1)
    for n in range(1, count + 1):
        folder = target / "sheets" / f"3.{n}-copy-{n}"
        folder.mkdir(parents=True)
        copy = re.sub(rf"^id: {sheet_id}$", f"id: copy-{n}", text, flags=re.M)
        (folder / "sheet.yml").write_text(re.sub(r'^number: "3\.3"$', f'number: "3.{n}"', copy, flags=re.M),
                                          encoding="utf-8")
    for catalogue in target.rglob("*.po"):
        catalogue.write_text(rekey(catalogue.read_text(encoding="utf-8"), sheet_id, count), encoding="utf-8")
    return target


def rekey(po: str, sheet_id: str, count: int) -> str:
    """The catalogue with every entry of ``sheet_id`` repeated for each copy, under its new key."""
    entries = po.split("\n\n")
    own = [e for e in entries if f'msgctxt "{sheet_id}.' in e]
    others = [e for e in entries if f'msgctxt "{sheet_id}.' not in e]
    key = re.compile(rf'^(msgctxt "|#\. ){re.escape(sheet_id)}\.', re.M)
    copies = [key.sub(rf"\g<1>copy-{n}.", e) for n in range(1, count + 1) for e in own]
    return "\n\n".join(others + copies)
