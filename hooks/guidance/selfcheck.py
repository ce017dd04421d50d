"""What the self-check script needs from Python, beyond its strings: fingerprints and a locale.

Saved answers are keyed by question id. A fingerprint of a question's English text travels with
each answer, so an answer given to a question that has since been reworded is not shown against
the new words. English is the source on every page, so English and Welsh pages share answers.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .catalogue import Translation
from .language import LanguageFacts
from .problems import Problem
from .render import DatePattern, date_pattern
from .schema import ChecklistSection, Sheet


def _(text: str) -> str:
    """Marks an interface string for the catalogue (``scripts/translations extract`` finds it)."""
    return text


# The answers: the value saved and the label shown, in one table. The template writes each label
# beside its value (data-sc-<value>), the script's ANSWERS lists the same values (a test holds them
# together), and the build refuses a language in which two answers would read the same.
ANSWERS: tuple[tuple[str, str], ...] = (
    ("yes", _("Yes")), ("partly", _("Partly")), ("not-yet", _("Not yet")), ("na", _("Not applicable")),
)


@dataclass(frozen=True)
class SelfCheck:
    fingerprints: dict[str, str]  # question or sub-item id -> fingerprint of its English text
    locale: str                   # for the browser's plural rules (Intl.PluralRules)
    dates: DatePattern            # the date printed with the answers, from Babel, not the browser's Intl
    answers: tuple[tuple[str, str], ...] = ANSWERS  # (value, English label)


def selfcheck(sheet: Sheet, language: LanguageFacts) -> SelfCheck:
    """The self-check data for ``sheet``, given in English whatever the page's language."""
    return SelfCheck(fingerprints(sheet), language.browser_locale, date_pattern(language.locale))


def answer_label_problems(translation: Translation) -> list[Problem]:
    """Every answer must read differently from the others in each language: a catalogue that gave
    "Partly" the words of "Yes" would have people save one answer while reading another."""
    problems, seen = [], {}
    for _value, english in ANSWERS:
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

