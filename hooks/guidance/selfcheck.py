"""What the self-check script needs from Python, beyond its strings: fingerprints and a locale.

Saved answers are keyed by question id. A fingerprint of a question's English text travels with
each answer, so an answer given to a question that has since been reworded is not shown against
the new words. English is the source on every page, so English and Welsh pages share answers.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .render import LOCALES
from .schema import ChecklistSection, Sheet


@dataclass(frozen=True)
class SelfCheck:
    fingerprints: dict[str, str]  # question or sub-item id -> fingerprint of its English text
    locale: str                   # for Intl in the browser: "en-GB", "cy"


def selfcheck(sheet: Sheet, lang: str) -> SelfCheck:
    """The self-check data for ``sheet``, given in English whatever the page's language."""
    return SelfCheck(fingerprints(sheet), LOCALES.get(lang, lang).replace("_", "-"))


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

