"""The self-check's Python: the names its template and script share, its interface strings, and the
fingerprints of the questions.

Every name the template writes and the script reads is defined here once: the template is given
``NAMES`` (and the strings, already in the page's language, as ``SelfCheck.attributes``), and the
build writes ``NAMES`` into the served script (``script()``, which puts the shared helpers,
``components/shared/shared.js``, before it). The stylesheet uses classes only.

Saved answers are keyed by question id. A fingerprint of a question's English text travels with
each answer, so an answer given to a question that has since been reworded is not shown against
the new words. English is the source on every page, so English and Welsh pages share answers.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from ...languages.catalogue import Translation
from ...language import Language, N_, N_plural
from ...problems import Problem
from ...languages.dates import plural_samples
from ...content.schema import ChecklistSection, Sheet
from ...served import script as served_script, scripts_in_one_function
from ..shared import date_strings, script_sources

FOLDER = Path(__file__).parent
STYLESHEET = FOLDER / "selfcheck.css"
SCRIPT = FOLDER / "selfcheck.js"
START = FOLDER / "progress-start.js"  # served after selfcheck.js, in the same function
SCRIPT_URI = "assets/selfcheck.js"  # where the site serves it; only pages with a checklist load it (script.html)
EXAMPLES = FOLDER / "examples"      # a small sheet with two checklists, for this component's tests


# Answer values, as saved on the device and in answer files (never change one), and their labels;
# the build refuses a language in which two answers would read the same (answer_label_problems).
ANSWER_LABELS: dict[str, str] = {
    "yes": N_("Yes"),
    "partly": N_("Partly"),
    "not-yet": N_("Not yet"),
    "na": N_("Not applicable"),
}

# The script's interface strings, by key; each reaches the page as data-sc-<key>.
STRINGS: dict[str, str] = {
    "unanswered": N_("Not answered"),
    "note": N_("Note"),
    "add-note": N_("Add a note"),
    "hide-note": N_("Hide the note"),
    "written": N_("Your answer"),
    "name": N_("Your name, or your organisation's name (optional)"),
    "name-hint": N_("It is saved in the file with your answers, so that when partners compare their answers, each is named."),
    "print-note": N_("Your answers are not on this printout. To print them, use the \"Print my answers\" button on the page."),
    "saved": N_("Your answers are saved in this browser on this device only. Nothing is sent anywhere."),
    "unsaved": N_("Your answers cannot be saved in this browser, so they will be lost when you leave the page. To keep them, save them to a file."),
    "unreadable": N_("Answers saved earlier on this device could not be read, so this self-check starts empty."),
    "todo-heading": N_("What is left to do"),
    "print": N_("Print my answers"),
    "clear": N_("Clear answers"),
    "confirm": N_("Clear all your answers and notes to this checklist? This cannot be undone."),
    "confirm-yes": N_("Yes, clear answers"),
    "cancel": N_("Cancel"),
    "cleared": N_("Your answers have been cleared."),
    "save": N_("Save answers to a file"),
    "load": N_("Load answers from a file"),
}

# Counted strings: every plural form of the page's language reaches the page as
# data-sc-<key>-<category> (Intl.PluralRules' categories: Welsh has six).
PLURALS: dict[str, tuple[str, str]] = {
    "overall": N_plural("You have answered {answered} of {count} question.",
                        "You have answered {answered} of {count} questions."),
    "group": N_plural("{answered} of {count} question answered", "{answered} of {count} questions answered"),
    "todo": N_plural("{count} question still to do", "{count} questions still to do"),
    "chars-left": N_plural("You have {count} character left", "You have {count} characters left"),
}


@dataclass(frozen=True)
class Names:
    """The names the template writes and the script reads (given to the script as ``NAMES``)."""

    checklist: str = "data-checklist"            # on each checklist: "<sheet id>/<checklist id>"; the script starts there
    group: str = "data-group"                    # a group of questions: its id
    group_heading: str = "data-group-heading"    # the group's heading, if it has one
    question: str = "data-question"              # a question or sub-item: its id
    question_text: str = "data-question-text"    # the question's words
    fingerprint: str = "data-fingerprint"        # a hash of the question's English words
    kind: str = "data-kind"                      # "written" on a question answered in words (schema.Question.kind)
    see: str = "data-see"                        # the links to the sections that help with a question (schema.Question.see)
    text: str = "data-sc-"                       # + a key of STRINGS or ANSWER_LABELS, or of PLURALS and a category
    # text + "locale", "date", "months": the shared helpers read them as the strings of those keys
    locale: str = "data-sc-locale"               # the page's locale, for the browser's plural rules (Intl.PluralRules)
    date: str = "data-sc-date"                   # the order of a date's parts: "{d} {MMMM} {y}" (from Babel)
    months: str = "data-sc-months"               # the month names in the page's language (shared.date_strings)
    started: str = "data-sc-started"             # set by the script once it has started on a checklist
    checkins_script: str = "data-sc-checkins"    # on the script's tag: the address of the progress script (checkins.py)
    checkins_ready: str = "gdSelfCheckCheckins"  # the progress script's function, on window once it has loaded
    checkins_key: str = "gd-selfcheck-checkins:"  # + checklist id: where its check-ins are kept (localStorage)
    control: str = "gd-sc-"                      # + question id: the name of its answers' radio group
    answers: tuple[str, ...] = tuple(ANSWER_LABELS)


NAMES = Names()


@dataclass(frozen=True)
class SelfCheck:
    """What a sheet page's checklists give the script, beyond their questions."""

    fingerprints: dict[str, str]  # question or sub-item id -> fingerprint of its English text
    attributes: dict[str, str]    # data-sc-* attribute -> value: strings in the page's language, locale, date format (on the script's tag)
    names: Names = NAMES


def selfcheck(sheet: Sheet, language: Language) -> SelfCheck:
    """The self-check data for ``sheet`` (fingerprints of its English words) on a page in ``language``."""
    return SelfCheck(fingerprints(sheet), attributes(language))


def attributes(language: Language) -> dict[str, str]:
    # A string not yet translated is bracketed: the page names its attribute as one in English.
    texts = {NAMES.text + key: language.interface(english) for key, english in (ANSWER_LABELS | STRINGS).items()}
    samples = plural_samples(language.facts.locale)
    for key, (singular, plural) in PLURALS.items():
        texts.update((f"{NAMES.text}{key}-{category}", language.interface_plural(singular, plural, n))
                     for category, n in samples.items())
    # The date printed with the answers is written as the build writes dates: the browser's Intl
    # may not know the page's language.
    date, months = date_strings(language.facts.locale)
    texts.update({NAMES.locale: language.facts.browser_locale, NAMES.date: date, NAMES.months: months})
    return texts


def answer_label_problems(translation: Translation) -> list[Problem]:
    """Every answer must read differently from the others in each language: a catalogue that gave
    "Partly" the words of "Yes" would have people save one answer while reading another."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for english in ANSWER_LABELS.values():
        label = " ".join(translation.interface.gettext(english).split()).casefold()
        if label in seen:
            entry = translation.interface_entries.get(english)
            problems.append(Problem(translation.file, entry.line if entry else 0, english,
                                    f"the answers '{seen[label]}' and '{english}' would both read "
                                    f"{translation.interface.gettext(english)!r} (each answer needs its own words)"))
        seen.setdefault(label, english)
    return problems


def fingerprint(text: str) -> str:
    """Eight hex digits of the text's SHA-256, white space folded."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]


def fingerprints(sheet: Sheet) -> dict[str, str]:
    """Every checklist question's and sub-item's id -> the fingerprint of its English text."""
    prints: dict[str, str] = {}
    for section in sheet.sections:
        if isinstance(section, ChecklistSection):
            for group in section.groups:
                for question in group.items:
                    prints[question.id] = fingerprint(question.text)
                    prints.update((sub.id, fingerprint(sub.text)) for sub in question.items)
    return prints


def with_names(path: Path) -> str:
    """The script at ``path`` with ``NAMES`` written in where it says ``/* NAMES */ {}`` (once, or
    not at all), on that line: the lines keep their numbers."""
    source = path.read_text(encoding="utf-8")
    placeholder = "/* NAMES */ {}"
    if source.count(placeholder) > 1:
        raise ValueError(f"{path}: expected {placeholder!r} once at most, where the build writes the names")
    return source.replace(placeholder, names_json())


def names_json() -> str:
    return json.dumps(asdict(NAMES), separators=(",", ":"))


def sources() -> list[tuple[str, str]]:
    """The script as the build puts it together, before minifying: the shared helpers (not those
    for dates and files: it makes neither), then ``selfcheck.js`` with ``NAMES`` written in, then
    what loads the progress script (``progress-start.js``: results, check-ins, printing and files),
    which it calls once it has started."""
    return [*script_sources(SCRIPT, with_names(SCRIPT), dates_and_files=False), (with_names(START), str(START))]


def script() -> str:
    """The script as the site serves it: ``sources()`` in one function, minified."""
    return scripts_in_one_function(sources())


def served(path: Path) -> str:
    """One of this component's other scripts as the site serves it, alone, with ``NAMES``, minified."""
    return served_script(with_names(path), str(path))


if __name__ == "__main__":  # for tests/js: a script as served (selfcheck.js, or the one named)
    import sys
    print(served(FOLDER / sys.argv[1]) if len(sys.argv) > 1 else script(), end="")
