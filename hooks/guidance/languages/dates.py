"""Dates and plurals as each language writes them (Babel's data): the site's one date format, a
sample number for each plural category, and the pattern a script needs to write a date.

What a build needs of a language's data (its plural categories, its month names, the order of the
date's parts) is kept on disk (disk_cache.py) under Babel's version and the language: Babel's
data files for a language take about 20 ms to load, and a build whose Babel did not change reads
the few lines it needs instead, without importing Babel.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from types import MappingProxyType
from typing import Any

from ..disk_cache import installed, shared
from ..memo import digest

LONG_DATE = "d MMMM y"  # '30 June 2017', '30 Mehefin 2017': the one date format of the site


def plural_samples(locale: str) -> Mapping[str, int]:
    """A number in each plural category of a language: {'zero': 0, 'one': 1, 'two': 2, ...}.
    Worked out once per language (200 rule evaluations; every checklist on every page asks)."""
    return _written(locale)[0]


def long_date(value: date, locale: str) -> str:
    """'30 June 2017' / '30 Mehefin 2017': Babel's ``format_date(value, LONG_DATE)``, from the
    pattern and month names it gives (tests/unit/test_dates.py holds the two the same)."""
    pattern = date_pattern(locale)
    try:
        return pattern.template.format(d=value.day, MMMM=pattern.months[value.month - 1], y=value.year)
    except (KeyError, IndexError):  # a format with other parts (a weekday): Babel writes it
        from babel.dates import format_date

        return format_date(value, LONG_DATE, locale=locale)


@dataclass(frozen=True)
class DatePattern:
    """The site's date format for a script that writes today's date: the browser's Intl may lack
    the language (Chromium here prints Welsh dates in English), so the build hands over Babel's
    month names and the order of the parts: ``{d} {MMMM} {y}``."""

    template: str
    months: tuple[str, ...]


def date_pattern(locale: str) -> DatePattern:
    return _written(locale)[1]


@cache
def _written(locale: str) -> tuple[Mapping[str, int], DatePattern]:
    """A language's plural samples and date pattern, kept on disk; made from Babel's data when
    they are not there (or not as they were written)."""
    text = shared().get(digest("babel facts", installed("babel"), locale, LONG_DATE), lambda: json.dumps(_from_babel(locale)))
    try:
        return _facts(json.loads(text))
    except (ValueError, LookupError, TypeError):
        return _facts(_from_babel(locale))


def _from_babel(locale: str) -> dict[str, Any]:
    from babel import Locale
    from babel.dates import get_month_names, parse_pattern

    rule = Locale.parse(locale).plural_form
    samples: dict[str, int] = {}
    for n in range(200):
        samples.setdefault(rule(n), n)
    template = str(parse_pattern(LONG_DATE).format).replace("%(", "{").replace(")s", "}")  # Babel types .format loosely; it is text
    names = get_month_names("wide", "format", locale=locale)
    return {"plurals": list(samples.items()), "template": template, "months": [names[month] for month in range(1, 13)]}


def _facts(data: dict[str, Any]) -> tuple[Mapping[str, int], DatePattern]:
    samples = {str(category): int(n) for category, n in data["plurals"]}
    months = tuple(str(name) for name in data["months"])
    if len(months) != 12 or not samples:
        raise ValueError("not a language's facts")
    return MappingProxyType(samples), DatePattern(str(data["template"]), months)
