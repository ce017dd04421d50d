"""The browser helpers the components' scripts share (``shared.js``: building elements, plural and
date formatting, storage, downloads, starting up), and the date strings its ``longDate`` reads.

The build serves each component's script with the helpers before it, the two inside one function
(``script_sources``, then ``served.scripts_in_one_function``); Node's tests run those sources
unminified, each named by its file (``tests/js/example_pages.py``, ``shared/load.mjs``).
"""

from __future__ import annotations

import json
from pathlib import Path

from ...language import ENGLISH_ATTRIBUTES, SOURCE
from ...languages.dates import date_pattern

FOLDER = Path(__file__).parent
SCRIPT = FOLDER / "shared.js"
MONTHS_SEPARATOR = "|"  # between the month names that shared.js's longDate is given
ENGLISH_PLACEHOLDER = "/* ENGLISH */ {}"  # in shared.js, where the build writes the attribute and lang of strings in English


def date_strings(locale: str) -> tuple[str, str]:
    """Babel's long-date pattern ("{d} {MMMM} {y}") and the month names, joined, in ``locale``:
    the browser's Intl may not know the page's language."""
    dates = date_pattern(locale)
    return dates.template, MONTHS_SEPARATOR.join(dates.months)


def shared_source() -> str:
    """``shared.js`` with the name of the attribute that lists a page's strings still in English,
    and their language, written in where it says ``/* ENGLISH */ {}`` (on that line)."""
    english = json.dumps({"attribute": ENGLISH_ATTRIBUTES, "lang": SOURCE.hreflang}, separators=(",", ":"))
    return SCRIPT.read_text(encoding="utf-8").replace(ENGLISH_PLACEHOLDER, english, 1)


def script_sources(script: Path, source: str) -> list[tuple[str, str]]:
    """A component's script (``source``, read from ``script``) as the build puts it together:
    (source, file) pairs, the shared helpers first."""
    return [(shared_source(), str(SCRIPT)), (source, str(script))]
