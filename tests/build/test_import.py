"""A sheet imported from plain text, Word and PDF builds, says every sentence of the seed, and
keeps its checklist as a working self-check. The Word document is made with python-docx and the
PDF is printed from HTML by Chromium, both from the published sheet's content (tests/documents.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED, copy_content, mkdocs_build, page_text, parse, serve
from documents import outline_html, sheet_outline, write_docx
from importing import landed, run_import, seed_sentences

PAGE = Path("working-with-others") / "partnership" / "index.html"
FORMATS = ["txt", "docx", "pdf"]


@pytest.fixture(scope="module")
def documents(tmp_path_factory, browser):
    folder = tmp_path_factory.mktemp("documents")
    outline = sheet_outline()
    page = browser.new_page()
    page.set_content(outline_html(outline))
    # Printed as a browser prints, with a running head and page numbers on every page.
    page.pdf(path=str(folder / "partnership.pdf"), format="A4", display_header_footer=True,
             header_template="<div style='font-size:9px;width:100%;text-align:center'>CAVS information sheet 3.3</div>",
             footer_template="<div style='font-size:9px;width:100%;text-align:center'>Page <span class='pageNumber'></span> "
                             "of <span class='totalPages'></span></div>",
             margin={"top": "20mm", "bottom": "20mm", "left": "15mm", "right": "15mm"})
    page.close()
    return {"txt": SEED, "docx": write_docx(outline, folder / "partnership.docx"), "pdf": folder / "partnership.pdf"}


@pytest.fixture(scope="module")
def imported(tmp_path_factory, documents):
    """Each document imported into its own copy of the content (without the published 3.3) and built."""
    results = {}
    for kind in FORMATS:
        tmp = tmp_path_factory.mktemp(f"import-{kind}")
        content = copy_content(tmp)
        shutil.rmtree(content / "sheets" / "3.3-partnership")
        result = run_import(documents[kind], "--out", content / "sheets")
        assert result.returncode == 0, result.stderr
        extract = subprocess.run([sys.executable, "-m", "guidance.tools.translations", "extract"], cwd=ROOT, capture_output=True, text=True,
                                 env={**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "GUIDANCE_CONTENT": str(content)})
        assert extract.returncode == 0, extract.stderr  # the translators' step after any change to the English
        build = mkdocs_build(tmp / "site", env={"GUIDANCE_CONTENT": str(content)})
        assert build.returncode == 0, build.stderr
        results[kind] = {"report": result.stdout, "site": tmp / "site",
                         "yaml": (content / "sheets" / "3.3-partnership" / "sheet.yml").read_text(encoding="utf-8")}
    return results


@pytest.mark.parametrize("kind", FORMATS)
def test_every_sentence_of_the_seed_is_on_the_imported_page(imported, kind):
    text = page_text(parse(imported[kind]["site"] / PAGE))
    sentences = seed_sentences()
    missing = [s for s in sentences if s not in landed(sentences, text)]
    assert len(sentences) == 150
    assert missing == []


@pytest.mark.parametrize("kind", FORMATS)
def test_the_imported_checklists_are_self_checks(imported, kind):
    page = parse(imported[kind]["site"] / PAGE)
    checklists = page.select("section[data-checklist]")
    assert [c["data-checklist"] for c in checklists] == ["partnership/individual", "partnership/setting-partnership-checklist"]
    assert [len(c.select("[data-question]")) for c in checklists] == [4, 19]  # 14 questions, 5 sub-items
    assert [h.get_text(strip=True) for h in checklists[1].select("[data-group-heading]")] == [
        "Establishing clear roles.", "Establishing an appropriate structure.", "Establishing common goals",
        "Building capacity of partners."]


def outline_of(html_page) -> list[tuple[str, ...]]:
    """The sections as a reader sees them: type, heading, and the titles inside."""
    found = []
    for section in html_page.select("section.gd-section"):
        kind = next(c for c in section["class"] if c.startswith("gd-") and c != "gd-section").removeprefix("gd-section--")
        heading = section.find("h2")
        titles = [t.get_text(" ", strip=True) for t in section.select("h3")]
        found.append((kind, heading.get_text(" ", strip=True) if heading else "", *titles))
    return found


def test_word_and_pdf_give_the_same_sections_as_the_text(imported):
    outlines = {kind: outline_of(parse(imported[kind]["site"] / PAGE)) for kind in FORMATS}
    assert len(outlines["txt"]) == 9
    assert outlines["docx"] == outlines["txt"]
    assert outlines["pdf"] == outlines["txt"]
    for kind in FORMATS:
        assert "9 sections: 3 text, 2 list, 2 checklist, 1 models, 1 levels" in imported[kind]["report"]
    assert "'Page # of #' left out: printed at the top or foot of the pages" in imported["pdf"]["report"]
    assert "'CAVS information sheet #.#' left out" in imported["pdf"]["report"]


def test_the_next_steps_name_the_commands_that_work_on_any_computer(imported):
    """A council on Windows has no scripts/ folder: the report names the `guidance` command."""
    report = imported["txt"]["report"]
    assert "scripts/" not in report
    assert report.rstrip().endswith("Next: check the guesses above in the file, then run `guidance translations "
                                    "extract` (the translators' catalogues learn its texts), then `guidance serve` "
                                    "to see the page.")


def test_the_imported_self_check_works_in_the_browser(imported, browser):
    url, server = serve(imported["pdf"]["site"])
    page = browser.new_page()
    try:
        page.goto(f"{url}/working-with-others/partnership/")
        question = page.get_by_role("group", name="Do the partners know each other?", exact=True)
        question.get_by_label("Yes", exact=True).check()
        checklist = page.locator('[data-checklist="partnership/setting-partnership-checklist"]')
        assert checklist.get_by_text("You have answered 1 of 18 questions.").first.is_visible()
    finally:
        page.close()
        server.shutdown()
