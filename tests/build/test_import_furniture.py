"""Other publishers' furniture is left out of an imported sheet, whatever the format and however
its pieces are joined, and the sheet's own sentences that mention a phone number, an address or a
charity number are kept.

Three invented Welsh publishers (tests/fixtures/other-publishers/: a profile each, and their footers
joined on one line and split over several) print the same short sheet as plain text, as a Word
document (python-docx) and as a PDF (printed from HTML by Chromium).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import FIXTURES, ROOT
from documents import Outline, outline_html, write_docx
from guidance.tools.importer.read import read_document
from guidance.tools.importer.furniture import load_known
from guidance.tools.importer.structure import recognise

OTHERS = FIXTURES / "other-publishers"
FOOTERS: dict[str, dict[str, list[str]]] = yaml.safe_load((OTHERS / "footers.yml").read_text(encoding="utf-8"))
FORMATS = ["txt", "docx", "pdf"]
CASES = [(publisher, joining, kind) for publisher in FOOTERS for joining in ("joined", "split") for kind in FORMATS]

# The sheet's own words, the last of them mentioning what a footer holds: all of them must be kept.
BODY: Outline = [
    ("h1", "3.4 Sharing premises"),
    ("p", "Many groups share a hall, an office or a room with other groups."),
    ("h2", "Before you agree"),
    ("ul", "Agree in writing who pays for heating, cleaning and repairs."),
    ("ul", "Check that the building's insurance covers every group that uses it."),
    ("h2", "Help"),
    ("p", "If you need advice, phone the Charity Commission's helpline on 0300 066 9197."),
    ("p", "Write to the clerk at 12 High Street, Llanfair, LL00 0AA, or email post@llanfair-action.example."),
    ("p", "Registered charity number 1234567 is ours: quote it when you write."),
    ("p", "Ffoniwch ni ar 01632 960123 os oes gennych gwestiwn."),
    ("p", "Tel: 01632 960456 (Monday to Friday, 9am to 5pm)."),
]
KEPT = [text for kind, text in BODY if kind != "h1"]


def write_txt(outline: Outline, path: Path) -> Path:
    lines = [f"- {text}" if kind == "ul" else text for kind, text in outline]
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_pdf(outline: Outline, path: Path, browser: Any) -> Path:
    """One A4 page; the footer's lines in small type at its foot, each a paragraph of its own."""
    page = browser.new_page()
    try:
        page.set_content(outline_html(outline).replace("</style>", "p.footer{font-size:8pt}</style>")
                         .replace("<p>FOOTER ", "<p class='footer'>"))
        page.pdf(path=str(path), format="A4", margin={"top": "20mm", "bottom": "20mm", "left": "15mm", "right": "15mm"})
    finally:
        page.close()
    return path


@pytest.fixture(scope="module")
def documents(tmp_path_factory, browser) -> dict[tuple[str, str, str], Path]:
    folder = tmp_path_factory.mktemp("other-publishers")
    made = {}
    for publisher, joining, kind in CASES:
        footer = FOOTERS[publisher][joining]
        path = folder / f"{publisher}-{joining}.{kind}"
        if kind == "txt":
            made[publisher, joining, kind] = write_txt(BODY + [("p", line) for line in footer], path)
        elif kind == "docx":
            made[publisher, joining, kind] = write_docx(BODY + [("p", line) for line in footer], path)
        else:
            made[publisher, joining, kind] = write_pdf(BODY + [("p", f"FOOTER {line}") for line in footer], path, browser)
    return made


def content_with(tmp_path: Path, publisher: str | None) -> Path:
    """site.yml and only this publisher's profile (not ours), as the importer reads them."""
    content = tmp_path / "content_src"
    (content / "publishers").mkdir(parents=True)
    shutil.copy(ROOT / "content_src" / "site.yml", content / "site.yml")
    if publisher:
        shutil.copy(OTHERS / "profiles" / f"{publisher}.yml", content / "publishers")
    return content


def texts(node: Any) -> list[str]:
    """Every heading and text of the recognised sheet, top to bottom."""
    if isinstance(node, dict):
        return [text for key, value in node.items() if key not in ("id", "type", "kind")
                for text in ([value] if key in ("heading", "text") and isinstance(value, str) else texts(value))]
    if isinstance(node, list):
        return [text for value in node for text in texts(value)]
    return []


@pytest.mark.parametrize("publisher, joining, kind", CASES, ids=["-".join(case) for case in CASES])
def test_another_publishers_footer_is_left_out_and_the_sheet_kept(documents, tmp_path, publisher, joining, kind):
    known = load_known(content_with(tmp_path, publisher))
    sheet = recognise(read_document(documents[publisher, joining, kind]), known)
    assert texts(sheet.data["sections"]) == KEPT
    report = "\n".join(map(str, sheet.guesses))
    assert "kept as a text section at the end" not in report
    assert report.count("left out: ") >= 1


@pytest.mark.parametrize("publisher", FOOTERS)
def test_a_joined_footer_is_left_out_without_the_publishers_profile(documents, tmp_path, publisher):
    """A line with a postcode or a charity number, made only of such pieces and names, is furniture
    even when no profile names the publisher."""
    known = load_known(content_with(tmp_path, None))
    sheet = recognise(read_document(documents[publisher, "joined", "txt"]), known)
    assert texts(sheet.data["sections"]) == KEPT
