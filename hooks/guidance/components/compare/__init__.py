"""The comparison component: a page per self-check, per language, where partners' saved answer
files are put side by side and an action plan is drawn from where they differ.

Its template, script, styles and example answer files live in this folder; the build serves the
script (after the shared helpers, ``components/shared/shared.js``) and the styles as files of
their own (``files``), which only the comparison pages load.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...language import LanguageFacts
from ...content.schema import ChecklistSection, Sheet
from ...languages.localise import part_slug_key
from ...served import scripts_in_one_function, stylesheet
from ..selfcheck import ANSWER_LABELS
from ..shared import date_strings, script_sources

FOLDER = Path(__file__).parent
TEMPLATE = "components/compare/template.html"
SCRIPT = "assets/compare.js"
STYLES = "assets/compare.css"

# The answers that call for an action in the plan (the answer values are the self-check's).
ACTION_ANSWERS = ("partly", "not-yet")


@dataclass(frozen=True)
class Comparison:
    """What the comparison page's template and script need beyond the sheet and the checklist."""

    checklist: str            # "<sheet id>/<section id>", the id saved answer files carry
    locale: str               # for Intl.PluralRules in the browser: "en-GB", "cy"
    date: str                 # Babel's long-date pattern, "{d} {MMMM} {y}" (shared.date_strings)
    months: str               # month names in the page's language, joined (the browser may have none in Welsh)
    answers: tuple[str, ...] = tuple(ANSWER_LABELS)
    labels: tuple[tuple[str, str], ...] = tuple(ANSWER_LABELS.items())  # each answer value and its English words
    action_answers: tuple[str, ...] = ACTION_ANSWERS


def comparison(sheet: Sheet, section: ChecklistSection, language: LanguageFacts) -> Comparison:
    return Comparison(f"{sheet.id}/{section.id}", language.browser_locale, *date_strings(language.locale))


def comparison_slug(section: ChecklistSection) -> str:
    """A comparison page's name in its sheet's folder, in English: ``compare-checklist``; each
    language may have its own in the catalogue (``slug_messages``)."""
    return f"compare-{section.id}"


def slug_messages(sheet: Sheet) -> list[tuple[str, str]]:
    """The (key, English) slug of each of the sheet's comparison pages."""
    return [(part_slug_key(sheet, section.id), comparison_slug(section)) for section in checklists(sheet)]


def checklists(sheet: Sheet) -> list[ChecklistSection]:
    return [section for section in sheet.sections if isinstance(section, ChecklistSection)]


def sources() -> list[tuple[str, str]]:
    """The script as the build puts it together, before minifying: the shared helpers, then ``compare.js``."""
    return script_sources(FOLDER / "compare.js", (FOLDER / "compare.js").read_text(encoding="utf-8"))


def files() -> dict[str, str]:
    """The files this component adds to the site: site path -> text."""
    return {SCRIPT: scripts_in_one_function(sources()),
            STYLES: stylesheet((FOLDER / "compare.css").read_text(encoding="utf-8"))}
