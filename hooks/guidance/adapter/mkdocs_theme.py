"""The core's theme context (site/theme.py) as MkDocs hands it to Material's templates: a template's
context in one language, a generated page's outline and its lack of Markdown, and the 404 page of
a language other than the main one, which MkDocs does not render. The event adapter
(mkdocs_site.py) calls these with the build and the objects its events receive."""

from __future__ import annotations

import copy
from typing import Any, cast
from urllib.parse import urlsplit

from jinja2 import Environment

from ..site import render, theme
from ..site.build import SiteBuild
from ..site.pages import PageSpec
from .mkdocs_api import Files, MkDocsConfig, Navigation, Page, TableOfContents, TemplateContext, get_context, get_toc


def localised(context: TemplateContext, config: MkDocsConfig, build: SiteBuild, code: str,
              **more: Any) -> TemplateContext:
    """The theme's context in one language (theme.py), with the site's name in it."""
    context["config"] = config_in_language = copy.copy(config)
    config_in_language["site_name"] = theme.site_name(build, code)
    cast(dict[str, Any], context).update(theme.theme_context(build, code, context["base_url"]), **more)
    return context


def not_found_context(context: TemplateContext, config: MkDocsConfig, build: SiteBuild, code: str) -> TemplateContext:
    """The 404 page's context in a language: the other languages' home pages are its alternates."""
    return localised(context, config, build, code, alternates=build.not_found_alternates(code))


def outline(spec: PageSpec, title: str) -> TableOfContents:
    """A generated page's outline as MkDocs' table of contents."""
    return get_toc(theme.outline(spec, title))  # type: ignore[arg-type]


def no_markdown(page: Page) -> None:
    """What MkDocs' rendering of Markdown leaves on a page, for a page that has none."""
    page.content, page.toc, page.present_anchor_ids = "", get_toc([]), set()


def not_found_page(build: SiteBuild, env: Environment, nav: Navigation, config: MkDocsConfig, code: str) -> str:
    """The theme's 404 page in a language other than the main one (MkDocs renders the main one's)."""
    context = get_context(nav, Files([]), config, base_url=urlsplit(config.site_url or "/").path)
    return render.mark_fallbacks(env.get_template("404.html").render(not_found_context(context, config, build, code)))
