"""Dates and plurals from what a build keeps of Babel's data (languages/dates.py): the same as
Babel's own formatting and rules, and a kept entry that was tampered with is made again."""

from __future__ import annotations

from datetime import date

import pytest
from babel import Locale
from babel.dates import format_date

from guidance import disk_cache
from guidance.disk_cache import DiskCache
from guidance.languages import dates

LOCALES = ["en_GB", "cy", "fr", "ar"]


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch) -> DiskCache:
    """Each test with a cache of its own and nothing worked out yet."""
    cache = DiskCache(tmp_path / "cache")
    monkeypatch.setattr(disk_cache, "_shared", cache)
    dates._written.cache_clear()
    yield cache
    dates._written.cache_clear()


def babel_samples(locale: str) -> list[tuple[str, int]]:
    rule, samples = Locale.parse(locale).plural_form, {}
    for n in range(200):
        samples.setdefault(rule(n), n)
    return list(samples.items())


@pytest.mark.parametrize("locale", LOCALES)
def test_kept_facts_write_dates_and_plurals_as_babel_does(locale):
    for _ in range(2):  # made from Babel's data, then read back from the cache in a new process
        dates._written.cache_clear()
        for month in range(1, 13):
            for day in (1, 9, 30 if month != 2 else 28):
                value = date(2017, month, day)
                assert dates.long_date(value, locale) == format_date(value, dates.LONG_DATE, locale=locale)
        assert list(dates.plural_samples(locale).items()) == babel_samples(locale)


def test_welsh_has_six_plural_categories_and_welsh_months():
    assert set(dates.plural_samples("cy")) == {"zero", "one", "two", "few", "many", "other"}
    assert dates.long_date(date(2017, 6, 30), "cy") == "30 Mehefin 2017"


def test_tampered_facts_are_made_again(private_cache):
    dates.long_date(date(2017, 6, 30), "cy")
    [path] = private_cache.folder.glob("*.txt")
    signature, _, text = path.read_bytes().partition(b"\n")
    path.write_bytes(signature + b"\n" + text.replace("Mehefin".encode(), b"<b>June</b>"))
    dates._written.cache_clear()
    assert dates.long_date(date(2017, 6, 30), "cy") == "30 Mehefin 2017"


def test_a_date_format_with_other_parts_is_written_by_babel(monkeypatch):
    monkeypatch.setattr(dates, "LONG_DATE", "EEEE d MMMM y")
    assert dates.long_date(date(2017, 6, 30), "cy") == "Dydd Gwener 30 Mehefin 2017"
