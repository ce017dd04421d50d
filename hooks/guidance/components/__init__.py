"""The site's components, one folder each, as govuk-frontend keeps them: a component's Python, its
template (``components/<name>/template.html``), its script, its stylesheet and its examples live
together. Nothing of a component is copied by hand into the theme folder.

The build serves the files each component adds (``component_files``) and joins the stylesheets
that every page needs into the site's one stylesheet (``COMPONENT_STYLESHEETS``). Each component's
script is served with the helpers the scripts share (``shared/shared.js``) before it, in one
function; ``script_sources`` gives those parts unminified, which ``tests/js/example_pages.py``
hands to Node's tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..language import Language

from . import compare, selfcheck

# On every sheet page, so part of assets/site.css (the comparison's styles load with its pages only).
COMPONENT_STYLESHEETS: tuple[Path, ...] = (selfcheck.STYLESHEET,)


def component_files(languages: Iterable[Language]) -> dict[str, str]:
    """The files the components add to a site in ``languages``: site path -> text."""
    return {**compare.files(), selfcheck.SCRIPT_URI: selfcheck.script(), selfcheck.PROGRESS_URI: selfcheck.checkins_script(languages)}


def script_sources(languages: Iterable[Language]) -> dict[str, list[tuple[str, str]]]:
    """Each component's script before minifying, by site path: its (source, file) parts in order."""
    return {compare.SCRIPT: compare.sources(), selfcheck.SCRIPT_URI: selfcheck.sources(),
            selfcheck.PROGRESS_URI: selfcheck.checkins_sources(languages)}
