"""A sheet's pages are kept between builds under a key made from the very object of inputs that
makes them (pages.SheetInputs): an input cannot be added to the work and left out of its key."""

from __future__ import annotations

import copy
import dataclasses
from datetime import timedelta
from pathlib import Path

import pytest

from conftest import ROOT
from guidance.memo import inputs_key, keyed
from guidance.site import pages
from guidance.site.build import build_site
from guidance.site.settings import read_settings


@pytest.fixture(scope="module")
def inputs() -> pages.SheetInputs:
    """The inputs of the first sheet page of a real build of the project."""
    made: list[pages.SheetInputs] = []
    real = pages.sheet_pages
    pages.sheet_pages = lambda given: made.append(given) or real(given)  # type: ignore[assignment]
    try:
        settings = read_settings(ROOT / "mkdocs.yml", {})
        build_site(settings.content_dir, settings.publisher_file, settings.options)
    finally:
        pages.sheet_pages = real
    return made[0]


def changed(name: str, value: object) -> object:
    """Another value for the input ``name``: a different object, and where it is keyed by its
    value, a different value."""
    other = {
        "interface": lambda v: v + "+1",
        "logo_uri": lambda v: v + "logo.svg",
        "today": lambda v: v + timedelta(days=1),
        "draft": lambda v: not v,
        "urls": lambda v: dataclasses.replace(v, directory_urls=not v.directory_urls),
        "handouts": lambda v: dataclasses.replace(v, site_url="https://example.org/"),
        "where": lambda v: dataclasses.replace(v, path=v.path + "-moved"),
        "home": lambda v: dataclasses.replace(v, url=v.url + "moved/"),
        "language": lambda v: type(v)("cy"),
        "project": lambda v: dataclasses.replace(v, publisher=copy.copy(v.publisher)),
    }
    return other.get(name, copy.copy)(value)


def test_every_input_changes_the_key(inputs):
    """Each field of SheetInputs, given another value, gives another key. A new input whose key
    ignores it (or that has no key) fails here."""
    key = inputs_key(inputs)
    for each in dataclasses.fields(inputs):
        other = dataclasses.replace(inputs, **{each.name: changed(each.name, getattr(inputs, each.name))})
        assert inputs_key(other) != key, f"SheetInputs.{each.name} is not in the key"


def test_an_input_with_no_key_stops_the_build():
    @dataclasses.dataclass(frozen=True)
    class Inputs:
        kept: str = keyed()
        forgotten: str = ""

    with pytest.raises(TypeError, match=r"Inputs.forgotten is an input with no key: declare it with keyed\(\)"):
        inputs_key(Inputs("a", "b"))


def test_an_input_the_key_ignores_is_found():
    """The check above can fail: an input keyed by nothing leaves the key unchanged."""
    @dataclasses.dataclass(frozen=True)
    class Inputs:
        kept: str = keyed()
        ignored: str = keyed(lambda value: None)

    assert inputs_key(Inputs("a", "b")) == inputs_key(Inputs("a", "c"))
