"""What a build hands the theme beyond the pages themselves, for any generator's adapter: the
theme's context in a language, a page's outline and front matter, the files the build adds, and
the files written once every page is (search indexes, sitemaps, redirect pages).

The theme's templates do not autoescape: content text that reaches them as a title, a
description, an outline entry or an interface string is escaped here, where it crosses over.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from ..components.handout.handout import DOWNLOADS
from ..language import SOURCE
from ..problems import ContentError
from .build import SiteBuild, build_site
from .facts import tool_versions
from .generator import CHECKERS
from .pages import PageSpec
from .render import interface, marked_text
from .settings import Settings
from .stylesheet import SITE_STYLESHEET

ESCAPED_META = ("title", "description", "trail")


def prepared(settings: Settings, docs_dir: Path) -> SiteBuild:
    """The build, before the generator touches the site folder: every page made, none that a
    hand-written page would silently replace, and the checkers' versions the accessibility
    statement names (a copy's come from its release)."""
    build = build_site(settings.content_dir, settings.publisher_file, settings.options)
    written = {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")}
    if clashes := build.clashes(written, docs_dir.name):
        raise ContentError(clashes)
    build.tools = build.tools or tool_versions(CHECKERS)
    return build


@dataclass(frozen=True)
class Added:
    """A file the build adds to the site: its text or bytes, or the file it is copied from."""

    uri: str
    content: str | bytes = ""
    source: Path | None = None


def added_files(build: SiteBuild) -> Iterator[Added]:
    """Every page the core makes (its HTML is handed over when it is written), the site's
    stylesheet and scripts, the logo, the PDF handouts and the release offered for download."""
    yield from (Added(spec.src_uri) for spec in build.pages)
    yield Added(SITE_STYLESHEET, build.stylesheet)
    yield from (Added(uri, text) for uri, text in build.files.items())
    if build.brand.logo:
        yield Added(build.brand.logo_uri, build.brand.logo_data)
    pdf_dir = build.handouts.pdf_dir
    yield from (Added(f"{DOWNLOADS}/{pdf.name}", source=pdf) for pdf in (sorted(pdf_dir.glob("*.pdf")) if pdf_dir else ()))
    yield from (Added(uri, source=path) for uri, path in build.downloads().items())


def page_meta(build: SiteBuild, uri: str) -> dict[str, Any]:
    """A page's front matter for the theme, its texts escaped."""
    return {key: escape(value) if key in ESCAPED_META else value for key, value in build.meta_for(uri).items()}


def outline(spec: PageSpec, title: str) -> list[dict[str, Any]]:
    """A generated page's outline as the theme reads it. The h1 heads it, as on a Markdown page: the
    skip link goes to the outline's first entry (the start of the main content)."""
    sections = [{"level": e.level, "id": e.id, "name": marked_text(e.title, e.lang, spec.lang), "children": []}
                for e in spec.toc]
    return [{"level": 1, "id": spec.heading_id, "name": title, "children": sections}] if spec.heading_id else sections


def theme_context(build: SiteBuild, code: str, base_url: str) -> dict[str, Any]:
    """The theme's context in one language: interface strings, the language's root (its home page,
    search index and sitemap), the table's row for it, and the furniture every page shows."""
    language = build.language(code)
    root = build.urls.root(code)
    base = base_url.rstrip("/")
    return {
        "_": lambda message: escape(interface(language, message)),  # a translation is text, never markup
        "page_language": language.facts,
        "theme_fallback": SOURCE.code,  # Material's strings where its own for the language lack one
        "language_base": f"{base}/{root}" if root else base_url,
        "language_home": build.urls.home(code),
        "language_root": root,
        "report": build.report_link(code, None),  # a page's own names it
        "written_pages": build.document_urls(code),
        "licence": build.licence(code),
        "release_line": build.release_line(code),
    }


def page_context(build: SiteBuild, uri: str) -> dict[str, Any]:
    """What the theme is given for one page beyond its language's context: the page's own Report a
    problem link, the same page in the other languages, and the main language's (``x_default``)."""
    alternates = build.alternates(uri)
    return {"report": build.report_link(build.language_of(uri).code, build.address(uri).url), "alternates": alternates,
            "x_default": next((a for a in alternates if a.facts.code == build.urls.main), None)}


def site_name(build: SiteBuild, code: str) -> Markup:
    """The site's name in a language (the publisher's), escaped: markup the theme does not escape again."""
    return escape(build.site_name(code))


def finished_files(build: SiteBuild) -> tuple[dict[str, Callable[[], Iterator[str]]], dict[str, str | bytes]]:
    """What is written once every page is: each language's search index (its text made as it is
    written, 2 MB a language at 200 sheets), and its sitemap and redirect pages."""
    files: dict[str, str | bytes] = {**build.sitemap_files(), **build.redirect_files()}
    files["sitemap.xml.gz"] = gzip.compress(str(files["sitemap.xml"]).encode("utf-8"), mtime=0)
    return build.search_files(), files


def write_files(site_dir: Path, search: Mapping[str, Callable[[], Iterable[str]]],
                files: Mapping[str, str | bytes]) -> None:
    for path, pieces in search.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8") as file:
            file.writelines(pieces())
    for path, text in files.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, str):
            target.write_text(text, encoding="utf-8")
        else:
            target.write_bytes(text)
