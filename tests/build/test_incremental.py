"""What `mkdocs serve` rebuilds after an edit is exactly what a clean build makes, and only what
the edit touches is made again.

One process builds a copy of the project as serve does (the configuration loaded again for every
build, the core keeping its work between builds), then edits follow, each with a rebuild. After
each, the site must be byte for byte the one a fresh `mkdocs build` makes of the same files.
Two ways of serving are held to that: `mkdocs serve` (the site folder emptied and every page
written on every build) and `mkdocs serve --dirty`, which scripts/serve runs (the folder kept, and
only the files whose inputs changed written again)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import copy_project, differences

SERVE_LIKE = """
import json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

project, site, dirty = Path(sys.argv[1]), sys.argv[2], sys.argv[3] == "dirty"
started = False
for line in sys.stdin:
    for step in json.loads(line):
        path = project / step[1]
        if step[0] == "replace":
            text = path.read_text(encoding="utf-8")
            assert step[2] in text, (step[1], step[2])
            path.write_text(text.replace(step[2], step[3], 1), encoding="utf-8")
        elif step[0] == "copy":
            shutil.copytree(path, project / step[2])
        elif step[0] == "delete":
            shutil.rmtree(path)
    config = load_config(str(project / "mkdocs.yml"), site_dir=site)
    if not started:
        config.plugins.on_startup(command="serve", dirty=dirty)
        started = True
    try:
        build(config, serve_url="http://127.0.0.1:8000/", dirty=dirty)
        failed = False
    except BaseException:
        failed = True
    memo = sys.modules["guidance.memo"]
    print(json.dumps({**memo.counts, "failed": failed}), flush=True)
""".replace("import json, sys", "import json, shutil, sys")

SHEET = "content_src/sheets/3.3-partnership/sheet.yml"
CATALOGUE = "content_src/locale/cy/LC_MESSAGES/guidance.po"
SHEET_EDIT = ["replace", SHEET, "You may lose autonomy.", "You may lose some autonomy."]
CATALOGUE_EDIT = ["replace", CATALOGUE, 'msgstr "Efallai y byddwch yn colli eich annibyniaeth."',
                  'msgstr "Efallai y byddwch yn colli rhywfaint o annibyniaeth."']
SITE_EDIT = ["replace", "content_src/site.yml", "For further information contact", "For further information, contact"]

SHEET_PAGES = {"working-with-others/partnership/index.html", "cy/gweithio-gydag-eraill/partneriaeth/index.html"}
UNRELATED_PAGES = {"index.html", "privacy/index.html", "cy/preifatrwydd/index.html", "accessibility/index.html"}
EVERY_KIND = SHEET_PAGES | UNRELATED_PAGES | {"cy/index.html"}


def stamps(site: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(site).as_posix(): (p.stat().st_mtime_ns, p.stat().st_size) for p in site.rglob("*") if p.is_file()}


class Served:
    """The serve-like process: ``rebuild(edits)`` makes the edits, rebuilds, and tells what
    the core made again and kept, whether the build failed, and which files it wrote."""

    def __init__(self, tmp_path: Path, dirty: bool) -> None:
        self.tmp_path = tmp_path
        self.project = copy_project(tmp_path / "project")
        self.site = tmp_path / "served"
        self.env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        self.process = subprocess.Popen([sys.executable, "-c", SERVE_LIKE, str(self.project), str(self.site),
                                         "dirty" if dirty else "clean"], cwd=self.project, env=self.env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.clean_builds = 0

    def rebuild(self, *edits: list[str]) -> tuple[dict, set[str]]:
        before = stamps(self.site) if self.site.exists() else {}
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps(list(edits)) + "\n")
        self.process.stdin.flush()
        outcome = json.loads(self.process.stdout.readline())
        after = stamps(self.site)
        return outcome, {path for path, stamp in after.items() if before.get(path) != stamp}

    def assert_same_as_clean_build(self, label: str) -> None:
        self.clean_builds += 1
        clean = self.tmp_path / f"clean-{self.clean_builds}"
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(self.project / "mkdocs.yml"),
                                 "-d", str(clean)], cwd=self.project, env=self.env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        assert differences(clean, self.site) == [], f"after {label}"
        shutil.rmtree(clean)

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


def test_rebuilds_after_edits_are_byte_identical_to_clean_builds(tmp_path):
    served = Served(tmp_path, dirty=False)
    try:
        counts = []
        for label, edits in [("first build", []), ("a sheet", [SHEET_EDIT]), ("the catalogue", [CATALOGUE_EDIT]),
                             ("site.yml", [SITE_EDIT])]:
            outcome, _written = served.rebuild(*edits)
            assert not outcome["failed"], label
            served.assert_same_as_clean_build(label)
            counts.append(outcome)
    finally:
        served.close()

    first, sheet, catalogue, site = counts
    assert first["kept"] == 0
    # one sheet edited: its own file read and checked again, its pages made again (both languages), the rest kept
    assert sheet["kept"] > 0 and sheet["made"] <= 9, sheet
    # the catalogue: read again, the Welsh pages made again, the English ones kept
    assert catalogue["kept"] > 0 and catalogue["made"] < first["made"], catalogue
    # site.yml is shown on every sheet page: it is read again and the pages in both languages made again
    assert site["made"] >= 3, site


def test_serve_dirty_writes_only_what_an_edit_touches_and_matches_a_clean_build(tmp_path):
    served = Served(tmp_path, dirty=True)

    def rebuilt(label: str, *edits: list[str]) -> set[str]:
        outcome, written = served.rebuild(*edits)
        assert not outcome["failed"], label
        served.assert_same_as_clean_build(label)
        return {path for path in written if path.endswith(".html") and path != "404.html"}  # MkDocs writes that one every time

    try:
        everything = rebuilt("the first build")
        assert SHEET_PAGES | UNRELATED_PAGES <= everything

        pages = rebuilt("the Welsh catalogue (a sentence of the sheet)", CATALOGUE_EDIT)
        assert "cy/gweithio-gydag-eraill/partneriaeth/index.html" in pages, pages
        assert not {p for p in pages if not p.startswith("cy/")}, pages

        pages = rebuilt("a sentence of the sheet", SHEET_EDIT)
        assert SHEET_PAGES <= pages and not pages & UNRELATED_PAGES, pages
        assert len(pages) < len(everything) / 4, pages

        pages = rebuilt("site.yml's footer text of the sheets", SITE_EDIT)
        assert SHEET_PAGES <= pages and not pages & UNRELATED_PAGES, pages

        pages = rebuilt("site.yml's licence line, in every page's footer",
                        ["replace", "content_src/site.yml", 'licence: "© WCVA,', 'licence: "© 2026 WCVA,'])
        assert SHEET_PAGES | UNRELATED_PAGES <= pages, pages

        pages = rebuilt("a page template of the core", ["replace", "hooks/guidance/site/templates/sheet.html",
                        '<p class="gd-masthead__publisher">', '<p class="gd-masthead__publisher" data-edited>'])
        assert SHEET_PAGES <= pages and not pages & UNRELATED_PAGES, pages

        pages = rebuilt("a theme template", ["replace", "overrides/partials/footer.html",
                        '<footer class="md-footer gd-site-footer">', '<footer class="md-footer gd-site-footer" data-edited>'])
        assert EVERY_KIND <= pages, pages

        pages = rebuilt("a hand-written page", ["replace", "docs/privacy.md", "This site does not use cookies",
                                                "This site does not use any cookies"])
        assert "privacy/index.html" in pages and not pages & (SHEET_PAGES | {"index.html"}), pages

        pages = rebuilt("the sheet's title, in the navigation and on other pages",
                        ["replace", SHEET, "title: Partnership\n", "title: Partnerships\n"])
        assert EVERY_KIND <= pages, pages

        pages = rebuilt("the publisher's name, on every page", ["replace", "content_src/publishers/cavs.yml",
                        "en: Carmarthenshire Association", "en: The Carmarthenshire Association"])
        assert "index.html" in pages and "privacy/index.html" in pages, pages

        pages = rebuilt("a setting of the theme (site/mkdocs.yml, which mkdocs.yml inherits)",
                        ["replace", "hooks/guidance/site/mkdocs.yml", "    - search.highlight\n", ""])
        assert EVERY_KIND <= pages, pages

        rebuilt("a new sheet", ["copy", "content_src/sheets/3.3-partnership", "content_src/sheets/3.4-copy"],
                ["replace", "content_src/sheets/3.4-copy/sheet.yml", "id: partnership", "id: partnership-copy"],
                ["replace", "content_src/sheets/3.4-copy/sheet.yml", 'number: "3.3"', 'number: "3.4"'])
        assert (served.site / "working-with-others/partnership-copy/index.html").is_file()
        rebuilt("that sheet deleted", ["delete", "content_src/sheets/3.4-copy"])
        assert not (served.site / "working-with-others/partnership-copy").exists()

        # a content error stops the build before anything is written: the site stays as it was
        before = stamps(served.site)
        outcome, written = served.rebuild(["replace", SHEET, "title: Partnerships\n", "title: [Partnerships\n"])
        assert outcome["failed"] and written == set() and stamps(served.site) == before
        pages = rebuilt("the content error mended", ["replace", SHEET, "title: [Partnerships\n", "title: Partnerships\n"])
        assert not pages & UNRELATED_PAGES, pages

        # a template error stops the build while it writes: the next build trusts nothing it wrote
        outcome, _written = served.rebuild(["replace", "overrides/partials/footer.html", "{% if licence %}", "{% if licence %"])
        assert outcome["failed"]
        rebuilt("the template error mended", ["replace", "overrides/partials/footer.html", "{% if licence %", "{% if licence %}"])

        pages = rebuilt("the core's Python (reloaded)", ["replace", "hooks/guidance/languages/dates.py", '"d MMMM y"', '"EEEE d MMMM y"'])
        assert SHEET_PAGES <= pages, pages
        pages = rebuilt("a sheet again, after the reload", ["replace", SHEET, "You may lose some autonomy.", "You may lose autonomy."])
        assert SHEET_PAGES <= pages and not pages & UNRELATED_PAGES, pages
    finally:
        served.close()
