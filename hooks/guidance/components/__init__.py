"""The site's components, one folder each: a component's Python, its template
(``components/<name>/template.html``), its script, its stylesheet and its examples live together."""

from __future__ import annotations

from . import compare


def component_files() -> dict[str, str]:
    """The files the components add to the site: site path -> text."""
    return compare.files()
