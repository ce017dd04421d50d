"""Every name the site takes from MkDocs, imported here and nowhere else: the whole of MkDocs that
the adapter's other modules (mkdocs_site.py, mkdocs_theme.py, mkdocs_command.py) lean on, in one
list to check against another release of MkDocs or another generator. Material is not imported:
the site reaches it only through its templates, named in site/mkdocs.yml."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.commands.build import build, get_context
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents, get_toc
from mkdocs.utils.templates import TemplateContext

if TYPE_CHECKING:  # for types only: mkdocs.livereload (a web server) is not loaded by a build
    from mkdocs.livereload import LiveReloadServer

__all__ = ["File", "Files", "LiveReloadServer", "MkDocsConfig", "MkDocsException", "Navigation", "Page",
           "PluginError", "TableOfContents", "TemplateContext", "build", "get_context", "get_toc",
           "load_config", "serve"]


def serve(config_file: str, **options: Any) -> None:
    """MkDocs' server. Its module loads a web server and a file watcher, so only ``guidance serve``
    imports it, not a build."""
    from mkdocs.commands import serve as command

    command.serve(config_file, **options)
