"""A heading is optional in every kind of section: a section without one is not named after a
heading that is not on the page (aria-labelledby would point at nothing), and keeps its id."""

from __future__ import annotations

from conftest import build_with_test_sheet, parse


def test_sections_without_headings_point_at_nothing_missing(tmp_path):
    site = build_with_test_sheet(tmp_path, "3.2-no-headings")
    page = parse(site / "working-with-others" / "no-headings-test-sheet" / "index.html")
    sections = page.select(".gd-section")
    assert [s.get("id") for s in sections] == ["plain-text", "plain-list", "plain-checklist", "plain-models", "plain-levels"]
    assert [s for s in sections if s.has_attr("aria-labelledby")] == []
    for labelled in page.select("[aria-labelledby]"):
        for target in labelled["aria-labelledby"].split():
            assert page.find(id=target) is not None, (labelled.name, labelled.get("class"), target)
