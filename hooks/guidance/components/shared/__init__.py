"""The browser helpers the components' scripts share (``shared.js``: building elements, plural
forms, storage, starting up; ``dates-and-files.js``: long dates and downloads, for the scripts that
make them), and the date strings ``longDate`` reads.

The build serves each component's script with the helpers before it, all inside one function
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
DATES_AND_FILES = FOLDER / "dates-and-files.js"  # after shared.js, for the scripts that write dates or save files
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


def helper_sources(*, dates_and_files: bool = True) -> list[tuple[str, str]]:
    """The shared helpers as the build puts them before a component's script: (source, file) pairs,
    ``dates-and-files.js`` after ``shared.js`` unless the script makes neither."""
    helpers = [(shared_source(), str(SCRIPT))]
    return helpers + [(DATES_AND_FILES.read_text(encoding="utf-8"), str(DATES_AND_FILES))] if dates_and_files else helpers


def script_sources(script: Path, source: str, *, dates_and_files: bool = True) -> list[tuple[str, str]]:
    """A component's script (``source``, read from ``script``) as the build puts it together:
    (source, file) pairs, the shared helpers first (``helper_sources``)."""
    return [*helper_sources(dates_and_files=dates_and_files), (source, str(script))]
