"""MkDocs adapter: hands the core's generated pages to MkDocs and Material, nothing more.

Every event below is a few lines; the work is done in the ``guidance`` package, which does not
import MkDocs. State lives in ``_build`` for one build only: ``mkdocs serve`` keeps this module
loaded between builds, and ``on_pre_build`` replaces it each time.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

from markupsafe import escape

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from guidance.build import SiteBuild, build_site, page_language
from guidance.pages import page_url
from guidance.problems import ContentError

_build: SiteBuild | None = None


def on_pre_build(config) -> None:
    """Load, validate and render everything before MkDocs touches the site folder."""
    global _build
    root = Path(config.config_file_path).parent
    options = config.extra.get("guidance", {})
    content = os.environ.get("GUIDANCE_CONTENT") or options.get("content", "content_src")
    publisher = os.environ.get("GUIDANCE_PUBLISHER") or options.get("publisher", "content_src/publishers/cavs.yml")
    try:
        _build = build_site(root / content, root / publisher,
                            list(options.get("languages", ["en"])), directory_urls=config.use_directory_urls)
    except ContentError as error:
        raise PluginError(str(error)) from None


def on_files(files: Files, config) -> Files:
    for spec in _build.pages:
        files.append(File.generated(config, spec.src_uri, content=""))
    _build.add_documents([f.src_uri for f in files.documentation_pages()])
    return files


# MkDocs renders the theme without autoescaping: content text that reaches the theme as a title,
# a description or a table-of-contents entry is escaped here, where it crosses over.

def on_page_markdown(markdown: str, page, config, files) -> str:
    meta = _build.meta_for(page.file.src_uri)
    page.meta.update({key: escape(value) if key in ("title", "description") else value for key, value in meta.items()})
    return "" if _build.page(page.file.src_uri) else markdown


def on_page_content(html: str, page, config, files) -> str:
    spec = _build.page(page.file.src_uri)
    if spec is None:
        return html
    page.toc = get_toc([{"level": e.level, "id": e.id, "name": escape(e.title), "children": []} for e in spec.toc])
    return spec.html


def on_page_context(context, page, config, nav):
    """Give the theme the page's own language: site name, interface strings, the other page."""
    language = _build.language(page_language(page.file.src_uri))
    localised = copy.copy(config)
    localised["site_name"] = escape(_build.site_name(language.code))
    context["config"] = localised
    context["_"] = language.gettext
    context["alternates"] = {code: page_url(uri, config.use_directory_urls)
                             for code, uri in _build.alternates(page.file.src_uri).items()}
    return context
