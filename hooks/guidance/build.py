"""One build of the site: everything the generator adapter asks for, computed once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .language import ENGLISH, Language
from .pages import DEFAULT_LANGUAGE, PageSpec, plan_pages
from .project import Project, load_project
from .render import Renderer


def page_language(uri: str) -> str:
    """Welsh pages live under ``cy/``; everything else is English."""
    first = uri.split("/", 1)[0]
    return first if "/" in uri and first in ("cy",) else DEFAULT_LANGUAGE


def counterpart(uri: str, lang: str) -> str:
    """The same page's source path in ``lang``."""
    bare = uri.split("/", 1)[1] if page_language(uri) != DEFAULT_LANGUAGE else uri
    return bare if lang == DEFAULT_LANGUAGE else f"{lang}/{bare}"


def load_languages(codes: list[str], content_dir: Path) -> list[Language]:
    languages = []
    for code in codes:
        if code == "en":
            languages.append(ENGLISH)
        else:
            from .catalogue import load_language  # the translation catalogues (issue: bilingual site)
            languages.append(load_language(code, content_dir))
    return languages


@dataclass
class SiteBuild:
    project: Project
    languages: dict[str, Language]
    pages: list[PageSpec]
    documents: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._by_uri = {p.src_uri: p for p in self.pages}
        self.documents |= set(self._by_uri)

    def page(self, uri: str) -> PageSpec | None:
        return self._by_uri.get(uri)

    def add_documents(self, uris: list[str]) -> None:
        """Hand-written pages from ``docs/``, so their alternates can be found."""
        self.documents |= set(uris)

    def language(self, code: str) -> Language:
        return self.languages.get(code, ENGLISH)

    def alternates(self, uri: str) -> dict[str, str]:
        """The same page in each language that has it, this page's own language included."""
        return {code: counterpart(uri, code) for code in self.languages
                if counterpart(uri, code) in self.documents}

    def meta_for(self, uri: str) -> dict:
        spec = self.page(uri)
        meta = {"lang": page_language(uri)}
        if spec:
            meta.update(title=spec.title, description=spec.description, kind=spec.kind)
        return meta

    def site_name(self, lang: str) -> str:
        return self.project.publisher.name.get(lang)


def build_site(content_dir: Path, publisher_file: Path, codes: list[str], directory_urls: bool = True) -> SiteBuild:
    """Load, validate, localise and render: raises ContentError before anything is written."""
    project = load_project(content_dir, publisher_file)
    languages = load_languages(codes, content_dir)
    pages = plan_pages(project, languages, Renderer(), directory_urls=directory_urls)
    return SiteBuild(project, {language.code: language for language in languages}, pages)
