"""The site's components, one folder each, as govuk-frontend keeps them: a component's Python, its
template (``components/<name>/template.html``), its script, its stylesheet and its examples live
together. Nothing of a component is copied by hand into the theme folder.

The build serves the files each component adds (``component_files``) and joins the stylesheets
that every page needs into the site's one stylesheet (``COMPONENT_STYLESHEETS``).
"""

from __future__ import annotations

from pathlib import Path

from . import compare, selfcheck

# On every sheet page, so part of assets/site.css (the comparison's styles load with its pages only).
COMPONENT_STYLESHEETS: tuple[Path, ...] = (selfcheck.STYLESHEET,)


def component_files() -> dict[str, str]:
    """The files the components add to the site: site path -> text."""
    return {**compare.files(), selfcheck.SCRIPT_URI: selfcheck.script()}
