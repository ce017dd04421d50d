"""One build of the site: everything the generator adapter asks for, computed once."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog

from .brand import Brand, load_brand
from .catalogue import Translation, catalogue_path, strict_problems, translation_from
from .catalogue_rules import check_catalogue
from .components import component_files
from .handout import HandoutSettings
from .language import ENGLISH, Language
from .localise import messages
from .pages import DEFAULT_LANGUAGE, PageSpec, language_root, page_url, plan_pages, search_location
from .problems import ContentError, Problem, display_path
from .project import Project, load_project
from .render import Renderer
from .selfcheck import answer_label_problems
from .search import SearchEntry, document_entry, index_files
from .sitemap import sitemap
from .stylesheet import site_stylesheet
from .settings import Options


def page_language(uri: str) -> str:
    """Welsh pages live under ``cy/``; everything else is English."""
    first = uri.split("/", 1)[0]
    return first if "/" in uri and first in ("cy",) else DEFAULT_LANGUAGE


def counterpart(uri: str, lang: str) -> str:
    """The same page's source path in ``lang``."""
    bare = uri.split("/", 1)[1] if page_language(uri) != DEFAULT_LANGUAGE else uri
    return bare if lang == DEFAULT_LANGUAGE else f"{lang}/{bare}"


def load_translations(project: Project, content_dir: Path, options: Options) -> list[Translation]:
    """Each non-English language's catalogue; under strict translations, refuse any gap."""
    keys = {key for key, _english in project_messages(project)}
    translations, problems = [], []
    for code in options.languages:
        if code != DEFAULT_LANGUAGE:
            translation, found = checked_translation(code, content_dir, keys, options.publish_drafts)
            translations.append(translation)
            problems += found
    if problems:
        raise ContentError(problems)
    if options.strict_translations:
        problems = [p for t in translations for p in strict_problems(t, project_messages(project))]
        if problems:
            raise ContentError(problems)
    return translations


def checked_translation(code: str, content_dir: Path, content_keys: Collection[str],
                        publish_drafts: bool = True) -> tuple[Translation, list[Problem]]:
    """A language's catalogue, read once, and every problem in it (the build refuses them, the
    status report lists them); an unreadable catalogue counts as empty."""
    path = catalogue_path(content_dir, code)
    shown_as = display_path(path, content_dir.parent)
    catalogue, problems = check_catalogue(path, shown_as, code, content_keys)
    translation = translation_from(catalogue or Catalog(locale=code), code, shown_as, publish_drafts)
    return translation, problems + answer_label_problems(translation)


def project_messages(project: Project) -> list[tuple[str, str]]:
    """Every translatable (key, English) pair of the site's content."""
    found = list(messages(project.site, "site"))
    for sheet in project.sheets:
        found += messages(sheet, sheet.id)
    return found


@dataclass
class SiteBuild:
    project: Project
    languages: dict[str, Language]
    pages: list[PageSpec]
    directory_urls: bool = True
    documents: set[str] = field(default_factory=set)
    brand: Brand = field(default_factory=Brand)
    stylesheet: str = ""
    files: dict[str, str] = field(default_factory=dict)  # site path -> text: the components' scripts
    handouts: HandoutSettings = field(default_factory=HandoutSettings)

    written_pages: dict[str, SearchEntry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_uri = {p.src_uri: p for p in self.pages}
        self.documents |= set(self._by_uri)

    def page(self, uri: str) -> PageSpec | None:
        return self._by_uri.get(uri)

    def clashes(self, written: set[str], docs_dir: str) -> list[Problem]:
        """Generated pages that a hand-written page of the same path would silently replace."""
        return [Problem(f"{docs_dir}/{uri}", 0, "", "a sheet page has the same address: rename one of them")
                for uri in sorted(written & set(self._by_uri))]

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
            meta.update(title=spec.title, description=spec.description)
        return meta

    def site_name(self, lang: str) -> str:
        return self.project.publisher.name.get(lang)

    def add_written_page(self, uri: str, title: str, html: str) -> None:
        """A hand-written page from docs/, for its language's search index."""
        lang = page_language(uri)
        location = search_location(uri, self.language(lang), self.directory_urls)
        self.written_pages[uri] = document_entry(location, title, html)

    def sitemap_files(self, site_url: str) -> dict[str, str]:
        """``sitemap.xml`` for English, ``cy/sitemap.xml`` for Welsh: every page, generated or written."""
        files = {}
        for code in self.languages:
            uris = sorted(uri for uri in self.documents if page_language(uri) == code)
            entries = [(page_url(uri, self.directory_urls),
                        {lang: page_url(other, self.directory_urls) for lang, other in self.alternates(uri).items()})
                       for uri in uris if not uri.endswith("404.md")]
            files[language_root(code) + "sitemap.xml"] = sitemap(site_url, entries)
        return files

    def search_files(self) -> dict[str, str]:
        """Each language's search index, under that language's root (``cy/search/...``)."""
        files = {}
        for code in self.languages:
            entries = [e for p in self.pages if p.lang == code for e in p.search]
            entries += [e for uri, e in sorted(self.written_pages.items()) if page_language(uri) == code]
            files.update({language_root(code) + path: text for path, text in index_files(code, entries).items()})
        return files


def build_site(content_dir: Path, publisher_file: Path, options: Options = Options()) -> SiteBuild:
    """Load, validate, localise and render: raises ContentError before anything is written."""
    project = load_project(content_dir, publisher_file)
    translations = load_translations(project, content_dir, options)
    languages = [ENGLISH] + [t.language() for t in translations]
    brand = load_brand(project.publisher, publisher_file)
    handouts = HandoutSettings(site_url=options.site_url, pdf_dir=options.handouts)
    pages = plan_pages(project, languages, Renderer(), directory_urls=options.directory_urls,
                       handouts=handouts, logo_uri=brand.logo_uri)
    return SiteBuild(project, {language.code: language for language in languages}, pages,
                     directory_urls=options.directory_urls, brand=brand, handouts=handouts,
                     stylesheet=site_stylesheet(options.stylesheets, brand),
                     files=component_files())
