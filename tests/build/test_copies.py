"""A council's copy built from a release (issue 19), and the whole path in a temporary folder:
release, new copy, build, a reworded question and a new sheet released again, update, build again.
The publisher's own site offers its latest release for download from "Host your own copy"."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build, page_text, parse
from build.test_package import fresh_environment, wheel
from copies import (COUNCIL, QUESTION, REWORDED, add_own_sheet_and_page, build_copy, publisher_project, reword_and_add,
                    two_releases)
from guidance.tools.copies.new_copy import new_copy
from guidance.tools.copies.update import update


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return two_releases(tmp_path_factory.mktemp("publisher"))


@pytest.fixture(scope="module")
def copy_site(tmp_path_factory: pytest.TempPathFactory, releases: tuple[Path, Path]) -> tuple[Path, Path]:
    """A new copy of the first release, with its own sheet and page, built."""
    folder = tmp_path_factory.mktemp("council")
    copy = folder / "our-guidance"
    new_copy(copy, releases[0], COUNCIL)
    add_own_sheet_and_page(copy)
    code, messages = build_copy(copy, folder / "site")
    assert code == 0, messages
    return copy, folder / "site"


def test_the_councils_name_is_on_the_sheet_page(copy_site: tuple[Path, Path]) -> None:
    page = parse(copy_site[1] / "working-with-others/partnership/index.html")
    assert page.title.string.endswith(f"- {COUNCIL}")
    assert COUNCIL in page_text(page.select_one(".gd-contact"))


def test_its_own_page_and_own_sheet_are_built_with_the_release(copy_site: tuple[Path, Path]) -> None:
    site = copy_site[1]
    assert page_text(parse(site / "opening-hours/index.html").select_one("article")).startswith("Our opening hours")
    own = parse(site / "working-with-others/our-training/index.html")
    assert page_text(own.select_one("h1")) == "3.9 Our training days"
    home = page_text(parse(site / "index.html"))
    assert "Our training days" in home and "Partnership" in home
    assert (site / "cy/gweithio-gydag-eraill/partneriaeth/index.html").is_file()


def test_the_copy_says_which_release_it_shows_in_both_languages(copy_site: tuple[Path, Path]) -> None:
    site = copy_site[1]
    english = parse(site / "working-with-others/partnership/index.html").select_one(".gd-site-footer__release")
    welsh = parse(site / "cy/gweithio-gydag-eraill/partneriaeth/index.html").select_one(".gd-site-footer__release")
    assert english.get_text() == "Sheets as published by WCVA, release 2026.12.04"
    assert welsh.get_text() == "Taflenni fel y'u cyhoeddwyd gan WCVA, rhyddhad 2026.12.04"
    assert welsh.find(lang=True) is None  # Welsh, not an English fallback


def test_the_whole_path_release_copy_build_update_build(tmp_path: Path, releases: tuple[Path, Path]) -> None:
    copy = tmp_path / "our-guidance"
    new_copy(copy, releases[0], COUNCIL)
    add_own_sheet_and_page(copy)
    site = tmp_path / "site"
    assert build_copy(copy, site)[0] == 0
    assert not (site / "working-with-others/volunteers").exists()
    said: list[str] = []

    def build(folder: Path) -> str | None:
        code, messages = build_copy(folder, site)
        return None if code == 0 else "\n".join(messages)

    assert update(copy, releases[1], yes=True, allow_older=False, ask=lambda q: False, build=build, say=said.append) == 0
    report = "\n".join(said)
    assert "New sheet (1):\n  - 3.4 Working with volunteers" in report
    assert f'      now:    "{REWORDED}"\n      before: "{QUESTION}"' in report
    assert "will see those answers shown as answers to the earlier wording" in report
    assert page_text(parse(site / "working-with-others/volunteers/index.html").select_one("h1")) == "3.4 Working with volunteers"
    assert REWORDED in page_text(parse(site / "working-with-others/partnership/index.html"))
    footer = parse(site / "index.html").select_one(".gd-site-footer__release").get_text()
    assert footer == "Sheets as published by WCVA, release 2026.12.04.2"
    assert (site / "working-with-others/our-training/index.html").is_file()


def test_an_update_whose_build_fails_puts_the_previous_release_back(tmp_path: Path, releases: tuple[Path, Path]) -> None:
    copy = tmp_path / "our-guidance"
    new_copy(copy, releases[0], COUNCIL)
    add_own_sheet_and_page(copy)
    # the council's own sheet takes the number the new release gives its new sheet
    own = copy / "sheets/3.9-our-training/sheet.yml"
    own.write_text(own.read_text(encoding="utf-8").replace('number: "3.9"', 'number: "3.4"'), encoding="utf-8")
    site = tmp_path / "site"
    assert build_copy(copy, site)[0] == 0
    before = {p: p.read_bytes() for p in sorted(copy.rglob("*")) if p.is_file()}
    said: list[str] = []

    def build(folder: Path) -> str | None:
        code, messages = build_copy(folder, site)
        return None if code == 0 else "\n".join(messages)

    assert update(copy, releases[1], yes=True, allow_older=False, ask=lambda q: True, build=build, say=said.append) == 1
    assert "duplicate sheet number '3.4'" in said[-1]
    assert said[-1].startswith("The update was not applied: the site does not build with release 2026.12.04.2:")
    assert {p: p.read_bytes() for p in sorted(copy.rglob("*")) if p.is_file()} == before


def test_the_publishers_site_offers_its_latest_release_from_the_guide(tmp_path: Path, releases: tuple[Path, Path]) -> None:
    offered = tmp_path / "releases"
    offered.mkdir()
    for release in releases:
        for path in (release, release.with_name(release.name + ".sha256")):
            shutil.copy(path, offered / path.name)
    site = tmp_path / "site"
    result = mkdocs_build(site, env={"GUIDANCE_RELEASES": str(offered)})
    assert result.returncode == 0, result.stderr
    latest = releases[1]
    assert (site / "downloads" / latest.name).read_bytes() == latest.read_bytes()
    assert not (site / "downloads" / releases[0].name).exists()
    for guide in ("host-your-own-copy/index.html", "cy/cynnal-eich-copi-eich-hun/index.html"):
        page = parse(site / guide)
        links = {a.get_text(): a["href"] for a in page.select("article a[href*='downloads/guidance-content-']")}
        assert set(links) == {latest.name, latest.name + ".sha256"}
        for name, href in links.items():
            assert (site / guide).parent.joinpath(href).resolve() == (site / "downloads" / name).resolve()
        assert f"-m zipfile -e {latest.name} guidance-install" in page_text(page)


PUBLISHER_SETTINGS = """\
site_name: Information sheets
extra:
  guidance:
    content: content_src
    publisher: content_src/publishers/cavs.yml
    languages: [en, cy]
"""


def test_the_whole_path_with_only_the_environments_commands_on_path(tmp_path: Path) -> None:
    """The installed wheel's `guidance` command, with PATH holding only the virtual environment's
    bin/ (nothing can reach bash or apt): release, new copy, build, release again, update, and a
    bad release refused with the copy unchanged."""
    python = fresh_environment(tmp_path, wheel(tmp_path))
    guidance = str(python.parent / "guidance")
    env = {"PATH": str(python.parent), "HOME": str(tmp_path), "NO_MKDOCS_2_WARNING": "1"}

    def command(*args: str | Path, cwd: Path, status: int = 0) -> str:
        result = subprocess.run([guidance, *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == status, result.stdout + result.stderr
        return result.stdout + result.stderr

    project = publisher_project(tmp_path / "publisher")
    (project / "mkdocs.yml").write_text(PUBLISHER_SETTINGS, encoding="utf-8")
    command("release", "releases", cwd=project)
    first = next((project / "releases").glob("guidance-content-*.zip"))
    copy = tmp_path / "our-guidance"
    command("new-copy", copy, "--release", first, "--publisher-name", COUNCIL, cwd=tmp_path)
    add_own_sheet_and_page(copy)
    command("build", "site", cwd=copy)
    assert COUNCIL in page_text(parse(copy / "site/working-with-others/partnership/index.html").select_one(".gd-contact"))
    assert (copy / "site/working-with-others/our-training/index.html").is_file()
    assert (copy / "site/opening-hours/index.html").is_file()

    reword_and_add(project)
    command("release", "releases", "--previous", first, cwd=project)
    second = max((project / "releases").glob("guidance-content-*.zip"), key=lambda p: len(p.name))
    bad = tmp_path / "bad" / second.name
    bad.parent.mkdir()
    shutil.copy(second, bad)  # without its .sha256
    before = {p: p.read_bytes() for p in sorted(copy.rglob("*")) if p.is_file()}
    assert "is not beside it" in command("update", bad, "--yes", cwd=copy, status=1)
    assert {p: p.read_bytes() for p in sorted(copy.rglob("*")) if p.is_file()} == before

    said = command("update", second, "--yes", cwd=copy)
    assert "New sheet (1):\n  - 3.4 Working with volunteers" in said
    assert f'now:    "{REWORDED}"' in said and f'before: "{QUESTION}"' in said
    assert said.rstrip().endswith(f"Updated to release {second.name.removeprefix('guidance-content-').removesuffix('.zip')}, and the site is built.")
    assert (copy / "site/working-with-others/volunteers/index.html").is_file()
    assert REWORDED in page_text(parse(copy / "site/working-with-others/partnership/index.html"))


def test_in_a_copy_new_sheet_and_translations_say_what_works_there(tmp_path: Path, releases: tuple[Path, Path]) -> None:
    """In a copy, `guidance new-sheet` writes into the copy's own sheets/ (an update replaces release/)
    and `guidance translations extract` refuses (it would write into release/): the next steps name
    `guidance serve` and say what becomes of the Welsh pages."""
    copy = tmp_path / "our-guidance"
    new_copy(copy, releases[0], COUNCIL)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    started = subprocess.run([sys.executable, "-m", "guidance", "new-sheet", "3.8", "Our volunteers", "--series",
                              "working-with-others"], cwd=copy, env=env,
                             capture_output=True, text=True, timeout=300)
    assert started.returncode == 0, started.stderr
    assert (copy / "sheets/3.8-volunteers/sheet.yml").is_file()
    assert not list((copy / "release").rglob("3.8-*"))
    assert started.stdout == ("Wrote sheets/3.8-volunteers/sheet.yml: replace its placeholder texts, then run "
                              "`guidance serve` to see the page. In a copy, your own sheets are shown in English on "
                              "the pages in other languages, marked as such; there is nothing to run for them.\n")
    refused = subprocess.run([sys.executable, "-m", "guidance", "translations", "extract"], cwd=copy, env=env,
                             capture_output=True, text=True, timeout=300)
    assert refused.returncode == 2 and "scripts/" not in refused.stderr
    assert refused.stderr.rstrip().endswith("shown in English on the pages in other languages, marked as such; "
                                            "there is nothing to run for them.")
