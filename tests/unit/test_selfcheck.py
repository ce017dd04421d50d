"""What the self-check script gets from Python: fingerprints of the English questions, a locale."""

from __future__ import annotations

from conftest import ROOT
from guidance.project import load_project
from guidance.language import TABLE
from guidance.selfcheck import fingerprint, selfcheck


def sheet():
    project = load_project(ROOT / "content_src", ROOT / "content_src" / "publishers" / "cavs.yml")
    return next(s for s in project.sheets if s.id == "partnership")


def test_a_fingerprint_changes_with_the_words_not_with_white_space():
    assert fingerprint("Do you have the time?") == fingerprint("Do you  have\nthe time? ")
    assert fingerprint("Do you have the time?") != fingerprint("Do you have the time now?")
    assert len(fingerprint("Do you have the time?")) == 8


def test_every_question_and_sub_item_of_both_checklists_has_a_fingerprint():
    prints = selfcheck(sheet(), TABLE["en"]).fingerprints
    assert len(prints) == 4 + 14 + 5
    assert prints["have-time"] == fingerprint("Do you have the time?")
    assert prints["who-employs-staff"] == fingerprint("Who employs any staff")


def test_fingerprints_are_the_same_whatever_the_language_of_the_page():
    assert selfcheck(sheet(), TABLE["cy"]).fingerprints == selfcheck(sheet(), TABLE["en"]).fingerprints


def test_dates_are_written_the_british_way_in_english_and_with_welsh_months_in_welsh():
    english, welsh = selfcheck(sheet(), TABLE["en"]), selfcheck(sheet(), TABLE["cy"])
    assert english.locale == "en-GB" and welsh.locale == "cy"
    assert english.dates.template == welsh.dates.template == "{d} {MMMM} {y}"
    assert english.dates.months[10] == "November" and welsh.dates.months[10] == "Tachwedd"
