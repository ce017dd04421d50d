"""Dates and plurals as each language writes them (Babel's data): the site's one date format, a
sample number for each plural category, and the pattern a script needs to write a date.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from types import MappingProxyType

from babel import Locale
from babel.dates import format_date, get_month_names, parse_pattern

LONG_DATE = "d MMMM y"  # '30 June 2017', '30 Mehefin 2017': the one date format of the site


@cache
def plural_samples(locale: str) -> Mapping[str, int]:
    """A number in each plural category of a language: {'zero': 0, 'one': 1, 'two': 2, ...}.
    Worked out once per language (200 rule evaluations; every checklist on every page asks)."""
    rule = Locale.parse(locale).plural_form
    samples: dict[str, int] = {}
    for n in range(200):
        samples.setdefault(rule(n), n)
    return MappingProxyType(samples)


def long_date(value: date, locale: str) -> str:
    """'30 June 2017' / '30 Mehefin 2017'."""
    return format_date(value, LONG_DATE, locale=locale)


@dataclass(frozen=True)
class DatePattern:
    """The site's date format for a script that writes today's date: the browser's Intl may lack
    the language (Chromium here prints Welsh dates in English), so the build hands over Babel's
    month names and the order of the parts: ``{d} {MMMM} {y}``."""

    template: str
    months: tuple[str, ...]


@cache
def date_pattern(locale: str) -> DatePattern:
    template = str(parse_pattern(LONG_DATE).format).replace("%(", "{").replace(")s", "}")  # Babel types .format loosely; it is text
    names = get_month_names("wide", "format", locale=locale)
    return DatePattern(template, tuple(names[month] for month in range(1, 13)))
