"""The self-check's Python: fingerprints of the English questions, its strings in every plural
form, and the names its template and script share (defined once, in selfcheck.py). The sheet is
the component's examples (components/selfcheck/examples/sheet.yml)."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import asdict

import pytest

from conftest import ROOT, selfcheck_content
from guidance.languages.catalogue import interface_messages
from guidance.components.selfcheck import (
    ANSWER_LABELS, NAMES, PLURALS, SCRIPT_URI, STRINGS, fingerprint, script, selfcheck,
)
from guidance.components.selfcheck.checkins import PROGRESS_PLURALS, PROGRESS_STRINGS, PARTS
from guidance.components.selfcheck.selfcheck import FOLDER, SCRIPT
from guidance.components.shared import SCRIPT as SHARED_SCRIPT
from guidance.language import SOURCE_LANGUAGE as ENGLISH, Language
from guidance.languages.catalogue import load_translation
from guidance.content.project import load_project

TEMPLATE = SCRIPT.with_name("template.html")
MAIN_PARTS = (SCRIPT, FOLDER / "progress-start.js")  # the self-check's own, as sources() joins them
CHECKIN_PARTS = tuple(FOLDER / name for name in PARTS)


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    content = selfcheck_content(tmp_path_factory.mktemp("selfcheck"))
    return load_project(content, ROOT / "content_src" / "publishers" / "cavs.yml").sheets[0]


@pytest.fixture(scope="module")
def welsh() -> Language:
    return load_translation("cy", ROOT / "content_src").language()


def test_a_fingerprint_changes_with_the_words_not_with_white_space():
    assert fingerprint("Do you have the time?") == fingerprint("Do you  have\nthe time? ")
    assert fingerprint("Do you have the time?") != fingerprint("Do you have the time now?")
    assert len(fingerprint("Do you have the time?")) == 8


def test_every_question_and_sub_item_of_both_checklists_has_a_fingerprint(example):
    prints = selfcheck(example, ENGLISH).fingerprints
    assert list(prints) == ["have-plan", "roles-agreed", "who-does", "who-writes", "who-pays", "has-budget",
                            "have-time", "have-support", "how-you-help"]
    assert prints["have-plan"] == fingerprint("Do you have a written plan?")
    assert prints["who-writes"] == fingerprint("Who writes the reports")


def test_fingerprints_are_the_same_whatever_the_language_of_the_page(example, welsh):
    assert selfcheck(example, welsh).fingerprints == selfcheck(example, ENGLISH).fingerprints


def test_dates_are_written_the_british_way_in_english_and_with_welsh_months_in_welsh(example, welsh):
    english, cymraeg = selfcheck(example, ENGLISH).attributes, selfcheck(example, welsh).attributes
    assert english[NAMES.locale] == "en-GB" and cymraeg[NAMES.locale] == "cy"
    assert english[NAMES.date] == cymraeg[NAMES.date] == "{d} {MMMM} {y}"
    assert english[NAMES.months].split("|")[10] == "November" and cymraeg[NAMES.months].split("|")[10] == "Tachwedd"
    # the shared helpers read them among the strings, by the names' ends (shared.js: counted, longDate)
    assert [NAMES.locale, NAMES.date, NAMES.months] == [NAMES.text + key for key in ("locale", "date", "months")]


def test_strings_reach_the_page_in_its_language_with_every_welsh_plural_form(example, welsh):
    attributes = selfcheck(example, welsh).attributes
    assert attributes[NAMES.text + "yes"] == "Ie"
    assert attributes[NAMES.text + "print"] == welsh.gettext("Print my answers") != "Print my answers"
    categories = ["zero", "one", "two", "few", "many", "other"]
    for key in PLURALS:
        assert [c for c in categories if f"{NAMES.text}{key}-{c}" in attributes] == categories
    english = selfcheck(example, ENGLISH).attributes
    assert english[NAMES.text + "todo-one"] == "{count} question still to do"
    assert english[NAMES.text + "todo-other"] == "{count} questions still to do"


def test_answer_values_and_string_keys_do_not_collide():
    assert not set(ANSWER_LABELS) & set(STRINGS)
    plural_names = {f"{key}-{category}" for key in PLURALS for category in ("zero", "one", "two", "few", "many", "other")}
    assert not plural_names & {*ANSWER_LABELS, *STRINGS}


def test_the_strings_are_in_the_translators_catalogue():
    found = {message for message, path, _line in interface_messages([ROOT / "hooks" / "guidance"])
             if path.endswith("components/selfcheck/selfcheck.py")}
    assert found == {*ANSWER_LABELS.values(), *STRINGS.values(), *PLURALS.values()}


def strings_used(*paths):
    """The string keys a script names (t.key, t["key"]) and the counted ones (count, done, counted)."""
    source = re.sub(r"/\*.*?\*/|//[^\n]*", "", "".join(path.read_text() for path in paths), flags=re.S)
    used = set(re.findall(r"\bt\.(\w+)", source)) | set(re.findall(r'\bt\["([\w-]+)"\]', source))
    counted = set(re.findall(r'\b(?:count|done)\(check, "([\w-]+)"', source)) | set(re.findall(r'\bcounted\((?:state\.)?t, "([\w-]+)"', source))
    return used, counted


def test_the_script_reads_only_strings_the_template_writes():
    """A string key the script names but the page lacks would show "undefined" to the reader."""
    used, counted = strings_used(*MAIN_PARTS)
    assert used and counted
    assert used <= set(STRINGS), used - set(STRINGS)
    assert counted <= set(PLURALS), counted - set(PLURALS)
    assert set(STRINGS) <= used, "strings the script never shows"
    assert set(PLURALS) == counted


def test_the_progress_script_reads_only_its_strings_and_the_self_checks():
    """The progress script is given the self-check's strings and its own (PROGRESS_STRINGS)."""
    used, counted = strings_used(*CHECKIN_PARTS)
    assert {"checkins-choose", "cancel", "unanswered", "printed", "no-match"} <= used and {"months", "changes", "todo"} <= counted
    given = set(PROGRESS_STRINGS) | set(STRINGS) | set(ANSWER_LABELS) | {"locale"}  # locale: NAMES.locale, on the script's tag
    assert used <= given, used - given
    assert set(PROGRESS_STRINGS) <= used | {f"changes-{kind}" for kind in ("up", "down", "new", "removed", "changed", "same")}
    assert set(PROGRESS_PLURALS) <= counted <= set(PROGRESS_PLURALS) | set(PLURALS), counted
    assert not set(PROGRESS_STRINGS) & set(STRINGS), "a string given twice"


def test_the_names_are_written_into_the_script_as_served():
    served = script()  # minified: the object's keys lose their quotes
    for key, value in asdict(NAMES).items():
        assert f"{key}:{json.dumps(value, separators=(',', ':'))}" in served, key
    assert "/* NAMES */" not in served
    assert SCRIPT_URI == "assets/selfcheck.js"


def test_no_name_is_written_by_hand_in_the_template_or_the_script():
    """Data attributes, the control prefix and the answer values come from NAMES only."""
    for template in (TEMPLATE, SCRIPT.with_name("script.html")):
        assert re.findall(r"\bdata-[\w-]+", re.sub(r"\{#.*?#\}", "", template.read_text(), flags=re.S)) == [], template.name
    source = re.sub(r"/\*.*?\*/|//[^\n]*", "", "".join(p.read_text() for p in (*MAIN_PARTS, *CHECKIN_PARTS, SHARED_SCRIPT)), flags=re.S)
    assert re.findall(r"data-(?:sc|checklist|group|question|fingerprint|see)", source) == []
    assert "gd-sc-" not in source.replace('"gd-sc-printing"', "")
    for value in ANSWER_LABELS:
        assert f'"{value}"' not in source, value


def test_the_script_runs_as_a_command_for_the_node_tests():
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-m", "guidance.components.selfcheck.selfcheck"],
                            cwd=ROOT / "hooks", capture_output=True, text=True, check=True)
    assert result.stdout == script()
