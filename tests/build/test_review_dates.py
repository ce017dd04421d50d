"""Review dates: editors see which sheets are overdue; readers of an overdue sheet are told so."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from conftest import ROOT, copy_content, mkdocs_build, parse
from guidance.content.review import add_months

NOTICE = {
    "en": "This sheet is due for review: some of its details may have changed since it was last updated.",
    "cy": "Mae'n bryd adolygu'r daflen hon: efallai fod rhai o'i manylion wedi newid ers iddi gael ei diweddaru ddiwethaf.",
}
PAGE = {"en": "working-with-others/partnership/index.html", "cy": "cy/gweithio-gydag-eraill/partneriaeth/index.html"}


def set_in(path, key: str, line: str) -> None:
    """Add ``line`` after the line that starts with ``key`` (a top-level key of a content file)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, text in enumerate(lines) if text.startswith(key))
    path.write_text("\n".join([*lines[: at + 1], line, *lines[at + 1:]]) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def overdue_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("overdue")
    content = copy_content(tmp)
    set_in(content / "sheets" / "3.3-partnership" / "sheet.yml", "last_updated:", "review_by: 2018-06-30")
    result = mkdocs_build(tmp / "site", env={"GUIDANCE_CONTENT": str(content)})
    assert result.returncode == 0, result.stderr
    return tmp / "site"


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_an_overdue_sheet_tells_readers_under_last_updated(overdue_site, lang):
    page = parse(overdue_site / PAGE[lang])
    updated = page.select_one(".gd-updated")
    notice = updated.find_next_sibling()
    assert "gd-review-due" in notice["class"]
    assert notice["role"] == "note"
    assert " ".join(notice.get_text().split()) == NOTICE[lang]


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_sheet_not_due_for_review_has_no_notice(site, lang):
    assert parse(site / PAGE[lang]).select(".gd-review-due") == []


def test_the_welsh_notice_is_a_draft_translation_in_the_catalogue():
    catalogue = (ROOT / "content_src/locale/cy/LC_MESSAGES/guidance.po").read_text(encoding="utf-8")
    entry = catalogue[catalogue.index(f'msgid "{NOTICE["en"]}"') - 40:]
    assert "#, draft" in entry.split("msgid")[0]


def content_status(content, today: str):
    config = ROOT / "mkdocs.yml"
    return subprocess.run([sys.executable, "-m", "guidance.tools.content", "status", "-f", str(config), "--today", today],
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT / "hooks"), "GUIDANCE_CONTENT": str(content)},
                          capture_output=True, text=True, timeout=120)


def test_status_lists_overdue_sheets_from_the_site_wide_review_period(tmp_path):
    content = copy_content(tmp_path)
    set_in(content / "site.yml", "further_information:", "review_after_months: 24")
    late = content_status(content, "2026-11-26")
    assert late.returncode == 1, late.stderr
    row = next(line for line in late.stdout.splitlines() if line.startswith("3.3 partnership"))
    assert "2017-06-30   2019-06-30 OVERDUE 2706 days" in row
    assert "cy 100.0%" in row
    assert "1 sheets, 1 overdue for review" in late.stdout
    on_time = content_status(content, "2019-06-30")
    assert on_time.returncode == 0
    assert "due in 0 days" in on_time.stdout


def test_a_sheets_own_review_date_wins(tmp_path):
    content = copy_content(tmp_path)
    set_in(content / "site.yml", "further_information:", "review_after_months: 1")
    set_in(content / "sheets" / "3.3-partnership" / "sheet.yml", "last_updated:", "review_by: 2030-01-01")
    result = content_status(content, "2026-11-26")
    assert result.returncode == 0
    assert "2030-01-01 due in 1132 days" in result.stdout


def test_a_bad_review_period_is_reported_with_its_line(tmp_path):
    content = copy_content(tmp_path)
    set_in(content / "site.yml", "further_information:", "review_after_months: twelve")
    result = content_status(content, "2026-11-26")
    assert result.returncode == 2
    assert "site.yml:10: review_after_months: expected a whole number, got 'twelve'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("day, months, expected", [
    (date(2017, 6, 30), 12, date(2018, 6, 30)),
    (date(2020, 1, 31), 1, date(2020, 2, 29)),
    (date(2019, 11, 15), 3, date(2020, 2, 15)),
])
def test_months_are_added_as_a_calendar_does(day, months, expected):
    assert add_months(day, months) == expected
