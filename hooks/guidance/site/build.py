"""One build of the site: everything a generator's adapter asks for (pages, addresses, the theme's
facts in each language, files), computed once."""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from functools import partial
from datetime import date
from pathlib import Path

from markupsafe import Markup, escape

from ..content.brand import Brand, load_brand
from ..disk_cache import core_digest, installed, shared
from ..languages.catalogue import (Translation, catalogue_path, slug_problems, strict_problems, translation_from,
                                   translation_from_text)
from ..components import COMPONENT_STYLESHEETS, component_files
from ..components.compare import slug_messages as comparison_slug_messages
from ..components.selfcheck import answer_label_problems
from .facts import fill_facts, page_facts, release_facts
from ..components.handout.handout import HandoutSettings
from ..language import SOURCE, Language, LanguageFacts, N_
from ..languages.localise import document_slug_key, localise, messages, series_slug_key, sheet_slug_key, slug_messages
from ..memo import Same, digest, file_digest, files_digest, new_build, remembered
from .pages import PageAddress, PageSpec, address, document_parts, document_slug_messages, plan_pages
from ..problems import ContentError, Problem, display_path
from ..content.project import Project, load_project, reserved_slug
from ..content.schema import Publisher, Site
from ..content.markdown import inline_markdown
from .release import RELEASE_LINE, RELEASE_PAGES, OfferedRelease, ShownRelease, latest_release, offered_path, shown_release
from .render import COMPONENTS, TEMPLATES, Renderer, in_language, interface
from .search import SearchEntry, document_entry, index_files
from ..served import SITE_SCRIPT, joined_script
from .settings import Options
from .sitemap import SitemapEntry, sitemap
from .stylesheet import site_stylesheet
from .urls import SiteUrls, mailto

NOT_FOUND = "404.html"
FAVICON = "assets/favicon.svg"  # the theme's favicon (site/mkdocs.yml); test_welsh_addresses finds it in the site
DOCUMENT_KEY = "doc:"  # a hand-written page's key, before its path in docs/


def load_translations(project: Project, content_dir: Path, options: Options,
                      documents: tuple[str, ...] = ()) -> list[Translation]:
    """Each catalogue the site's languages need (the source language has none), checked; slugs
    (the content's and those of the hand-written ``documents``) checked; under strict
    translations, any gap refused."""
    keys = {key for key, _english in project_messages(project, documents)}
    translations, problems = [], []
    for code in options.languages:
        if code != SOURCE.code:
            key = ("catalogue", code, content_dir, file_digest(catalogue_path(content_dir, code)), frozenset(keys),
                   options.publish_drafts)
            translation, found = remembered(
                key, lambda: checked_translation(code, content_dir, keys, options.publish_drafts))
            translations.append(translation)
            problems += found
    slugs = project_slugs(project, documents)
    groups = slug_groups(project, documents)
    problems += [p for t in translations for p in slug_problems(t, slugs, groups, reserved_slug)]
    if options.strict_translations:
        problems += [p for t in translations for p in strict_problems(t, project_messages(project, documents))]
    if problems:
        raise ContentError(problems)
    return translations


def checked_translation(code: str, content_dir: Path, content_keys: Collection[str],
                        publish_drafts: bool = True) -> tuple[Translation, list[Problem]]:
    """A language's catalogue, read once, and every problem in it (the build refuses them, the
    status report lists them); an unreadable catalogue counts as empty. A catalogue found without
    problems is kept on disk (disk_cache.py) under its bytes, the content's keys, the settings and
    the code that checked it: the next process reads it from there instead of checking it again
    (Babel's reader and the link checks: about 30 ms for the site as it is, 1.6 s at 200 sheets)."""
    path = catalogue_path(content_dir, code)
    shown_as = display_path(path, content_dir.parent)
    kept_as = _checked_catalogue_key(path, shown_as, code, content_keys, publish_drafts)
    if kept_as and (kept := _kept_translation(kept_as)) is not None:
        return kept, answer_label_problems(kept)
    from babel.messages.catalog import Catalog

    from ..languages.catalogue_rules import check_catalogue  # Babel's reader: only when a catalogue is checked

    checked = check_catalogue(path, shown_as, code, content_keys)
    translation = translation_from(checked.catalog or Catalog(locale=code), code, shown_as, publish_drafts, checked.content)
    if kept_as and not checked.problems:
        shared().write(kept_as, translation.as_text())
    return translation, checked.problems + answer_label_problems(translation)


def _checked_catalogue_key(path: Path, shown_as: str, code: str, content_keys: Collection[str], publish_drafts: bool) -> str:
    """'' for a catalogue that cannot be read (its problem is reported each time)."""
    found = file_digest(path)
    return found and digest("checked catalogue", found, shown_as, code, sorted(content_keys), publish_drafts,
                            core_digest(), [installed(package) for package in ("babel", "markdown_it", "linkify_it")])


def _kept_translation(key: str) -> Translation | None:
    text = shared().read(key)
    if text is None:
        return None
    try:
        return translation_from_text(text)
    except (ValueError, LookupError, TypeError, OSError):  # not a translation as_text writes
        return None


def project_messages(project: Project, documents: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """Every translatable (key, English) pair of the site's content, slugs included (those of the
    hand-written pages at ``documents`` too)."""
    found = list(messages(project.site, "site"))
    for sheet in project.sheets:
        found += remembered(("messages", Same(sheet)), lambda: list(messages(sheet, sheet.id)))
    return found + project_slugs(project, documents)


def project_slugs(project: Project, documents: tuple[str, ...]) -> list[tuple[str, str]]:
    """Every (key, English) slug: of each series, sheet and comparison page, and of each
    hand-written page."""
    comparisons = [found for sheet in project.sheets for found in comparison_slug_messages(sheet)]
    return slug_messages(project.site, project.sheets) + comparisons + document_slug_messages(documents)


def slug_groups(project: Project, documents: tuple[str, ...]) -> list[list[str]]:
    """The slug keys of pages that share a folder, whose slugs must differ: the series and the
    hand-written pages at a language's root, the sheets of a series, a sheet's comparison pages,
    the hand-written pages of a folder."""
    folders: dict[str, list[str]] = defaultdict(list)
    slugged = dict(document_slug_messages(documents))
    for path in documents:
        if (key := document_slug_key(path)) in slugged:
            folders[posixpath.dirname(path)].append(key)
    groups = [[series_slug_key(s.id) for s in project.site.series] + folders.pop("", [])]
    groups += [[sheet_slug_key(sheet) for sheet in project.sheets_in(series)] for series in project.site.series]
    groups += [[key for key, _english in comparison_slug_messages(sheet)] for sheet in project.sheets]
    return groups + list(folders.values())


def document_paths(docs_dir: Path | None) -> tuple[str, ...]:
    """The path of every hand-written page in ``docs_dir`` (``privacy``, ``guides/setup``), in
    whichever languages it is written."""
    if docs_dir is None or not docs_dir.is_dir():
        return ()
    return tuple(sorted({SiteUrls.docs_page(p.relative_to(docs_dir).as_posix())[1] for p in docs_dir.rglob("*.md")}))


@dataclass(frozen=True)
class Alternate:
    """A page in one of the languages it exists in, for the toggle and the hreflang links."""

    facts: LanguageFacts
    url: str          # from the site's root
    address: str      # the full address when the site's address is known, else ""
    current: bool     # the page being shown


REPORT_PROBLEM = N_("Report a problem with this page")
PAGE_ADDRESS = N_("Page address:")


@dataclass(frozen=True)
class ReportLink:
    """"Report a problem with this page" at the foot of every page, escaped for the theme's
    attributes and text: an email to the publisher in the reader's own email program."""

    href: Markup           # mailto: the publisher's address; the subject and body in the page's language
    text: Markup           # the link's words
    address_label: Markup  # "Page address:", for the script that puts in the address the reader is on


@dataclass(frozen=True)
class DocumentPlan:
    """What becomes of the hand-written pages in ``docs/``: each is placed by its language; a
    language with no copy of a page gets the source-language page (``fallbacks``: new source
    name -> the page it copies); pages in languages the site does not build are ``dropped``."""

    fallbacks: dict[str, str]
    dropped: tuple[str, ...]


@dataclass
class SiteBuild:
    # the site's texts and the publisher; not the sheets, whose pages are made by now (at 200
    # sheets their models are 13 MB that MkDocs' own work while it writes the pages can reuse)
    site: Site
    publisher: Publisher
    languages: dict[str, Language]  # the site's languages, main first
    pages: list[PageSpec]
    urls: SiteUrls
    site_url: str = ""
    brand: Brand = field(default_factory=Brand)
    stylesheet: str = ""
    files: dict[str, str] = field(default_factory=dict)  # site path -> text: the components' files, the site's script
    handouts: HandoutSettings = field(default_factory=HandoutSettings)
    renderer: Renderer = field(default_factory=Renderer)
    interface_versions: dict[str, str] = field(default_factory=dict)  # language -> its catalogue's interface_digest

    written_pages: dict[str, SearchEntry] = field(default_factory=dict)
    documents: dict[str, PageAddress] = field(default_factory=dict)
    fallbacks: dict[str, str] = field(default_factory=dict)
    tools: dict[str, str] = field(default_factory=dict)  # the checkers' versions, for docs/ pages
    built: date = field(default_factory=date.today)
    shown: ShownRelease | None = None         # the release a copy shows, named in its footer
    offered: OfferedRelease | None = None     # the latest release a publisher's site offers for download

    def __post_init__(self) -> None:
        self._by_uri = {p.src_uri: p for p in self.pages}
        self._index()

    def _index(self) -> None:
        addresses = [p.address for p in self.pages] + list(self.documents.values())
        self._addresses = {a.src_uri: a for a in addresses}
        self._by_key: dict[str, dict[str, PageAddress]] = defaultdict(dict)
        for where in addresses:
            self._by_key[where.key][where.lang] = where
        self._order: dict[str, tuple[list[str], dict[str, int]]] = {}  # per language, worked out once

    @property
    def main(self) -> Language:
        return self.languages[self.urls.main]

    def page(self, uri: str) -> PageSpec | None:
        return self._by_uri.get(uri)

    def address(self, uri: str) -> PageAddress:
        return self._addresses[uri]

    def clashes(self, written: set[str], docs_dir: str) -> list[Problem]:
        """Generated pages that a hand-written page at the same address would silently replace."""
        generated = {p.address.url for p in self.pages}
        placed = {uri: self._document(uri, *self.urls.docs_page(uri)).url
                  for uri in written if self.urls.docs_page(uri)[0] in self.languages}
        return [Problem(f"{docs_dir}/{uri}", 0, "", "a sheet page has the same address: rename one of them")
                for uri, url in sorted(placed.items()) if url in generated]

    def add_documents(self, uris: list[str]) -> DocumentPlan:
        """Place the hand-written pages of ``docs/`` (see ``SiteUrls.docs_page``)."""
        by_path: dict[str, dict[str, str]] = defaultdict(dict)
        dropped = []
        for uri in uris:
            lang, path = self.urls.docs_page(uri)
            by_path[path][lang] = uri
            if lang not in self.languages:
                dropped.append(uri)
        for path, copies in sorted(by_path.items()):
            for code in self.languages:
                placed = copies.get(code)
                if placed is None and SOURCE.code in copies:
                    placed = f"{code}/{path}.md"
                    self.fallbacks[placed] = copies[SOURCE.code]
                if placed is not None:
                    self.documents[placed] = self._document(placed, code, path)
        self._index()
        return DocumentPlan(dict(self.fallbacks), tuple(dropped))

    def _document(self, uri: str, code: str, path: str) -> PageAddress:
        """Where the hand-written page ``uri`` (at ``path`` in ``docs/``) lives in language ``code``:
        under its name in that language (``cy/preifatrwydd/``)."""
        return address(self.urls, f"{DOCUMENT_KEY}{path}", code, document_parts(path, self.languages[code]), uri)

    def document_urls(self, code: str) -> dict[str, str]:
        """Each hand-written page of a language by its path in ``docs/`` (``privacy``): its URL
        from the site's root, for the links the theme writes to it (the footer's)."""
        return {where.key.removeprefix(DOCUMENT_KEY): where.url for where in self.documents.values() if where.lang == code}

    def language(self, code: str) -> Language:
        return self.languages[code]

    def language_of(self, uri: str) -> Language:
        where = self._addresses.get(uri)
        return self.languages[where.lang] if where else self.main

    def alternates(self, uri: str) -> list[Alternate]:
        """The same page in each language that has it, in the site's order, this one included."""
        here = self.address(uri)
        found = self._by_key[here.key]
        return [Alternate(self.languages[code].facts, found[code].url, self._absolute(found[code].url), code == here.lang)
                for code in self.languages if code in found]

    def _absolute(self, url: str) -> str:
        return self.urls.absolute(self.site_url, url)

    def in_order(self, lang: str) -> list[str]:
        """A language's pages in reading order (home, the sheets, then the hand-written pages):
        previous and next never lead into another language."""
        return list(self._reading_order(lang)[0])

    def _reading_order(self, lang: str) -> tuple[list[str], dict[str, int]]:
        """The language's pages in order, and each one's place in it."""
        if lang not in self._order:
            generated = [p.src_uri for p in self.pages if p.lang == lang]
            written = sorted((a for a in self.documents.values() if a.lang == lang), key=lambda a: a.path)
            order = generated + [a.src_uri for a in written]
            self._order[lang] = order, {uri: i for i, uri in enumerate(order)}
        return self._order[lang]

    def neighbours(self, uri: str) -> tuple[str | None, str | None]:
        order, positions = self._reading_order(self.language_of(uri).code)
        if uri not in positions:
            return None, None
        i = positions[uri]
        return (order[i - 1] if i > 0 else None), (order[i + 1] if i + 1 < len(order) else None)

    def meta_for(self, uri: str) -> dict[str, str]:
        spec = self.page(uri)
        meta = {"lang": self.language_of(uri).facts.hreflang}
        if spec:
            meta.update(title=spec.title, description=spec.description)
            if spec.trail:
                meta["trail"] = " - ".join(spec.trail)
        return meta

    def licence(self, code: str) -> Markup:
        """site.yml's copyright or licence line in a language ("" when there is none); an English
        fallback keeps its language."""
        text = localise(self.site, "site", self.language(code)).licence
        if not text:
            return Markup("")
        lang = getattr(text, "lang", code)
        shown = inline_markdown(text)
        return shown if lang == code else in_language(shown, self.language(lang).facts.hreflang if lang in self.languages else lang)

    def report_link(self, code: str, url: str | None) -> ReportLink:
        """The link on the page at ``url`` (from the site's root; None where the page has no
        address of its own, a 404 page) in language ``code``: its email's body names the page, by
        its full address when the site's address is set, by its path otherwise, so that the link
        works without JavaScript. An untranslated subject or label is in English, as gettext gives it."""
        language = self.language(code)
        label = language.gettext(PAGE_ADDRESS)
        address = "" if url is None else self._absolute(url) or f"/{url}"
        href = mailto(self.publisher.email, subject=language.gettext(REPORT_PROBLEM), body=f"{label} {address}".rstrip())
        return ReportLink(escape(href), escape(interface(language, REPORT_PROBLEM)), escape(interface(language, PAGE_ADDRESS)))

    def not_found_alternates(self, code: str) -> list[Alternate]:
        """On a 404 page, the toggle offers each language's home page."""
        return [Alternate(language.facts, self.urls.home(other), self._absolute(self.urls.home(other)), other == code)
                for other, language in self.languages.items()]

    def site_name(self, lang: str) -> str:
        return str(self.publisher.name.get(lang))

    def fallback_page(self, uri: str, html: str) -> str:
        """A hand-written page shown in the source language on another language's site: marked
        as English, with a note in the page's language (in English until it is translated)."""
        if uri not in self.fallbacks:
            return html
        # ``html`` is MkDocs' rendering of one of the project's own files in docs/
        return self.renderer.render("untranslated-page.html", self.language_of(uri), body=Markup(html),
                                    source_lang=SOURCE.hreflang)

    def written_markdown(self, uri: str, markdown: str, source: str) -> str:
        """A hand-written page with the build's facts written in, in the page's language."""
        language = self.language_of(uri)
        facts = page_facts(self.publisher, language, self.tools, self.built)
        facts.update(release_facts(self.offered, language, partial(self.urls.file_href, source_url=self.address(uri).url)))
        return fill_facts(markdown, facts, source)

    def release_line(self, code: str) -> Markup:
        """On a copy's pages: "Sheets as published by WCVA, release 2026.12.04" ("" elsewhere)."""
        if self.shown is None:
            return Markup("")
        values = {"{producer}": self.site.producer.name, "{version}": self.shown.version}
        # only these two placeholders are filled: a translation's other braces are its own text
        parts = re.split(r"(\{producer\}|\{version\})", interface(self.language(code), RELEASE_LINE))
        return Markup("").join(values.get(part, part) for part in parts)

    def downloads(self) -> dict[str, Path]:
        """Files the site offers beside its pages, by their path in the site: the latest release."""
        if self.offered is None:
            return {}
        return {offered_path(path): path for path in (self.offered.zip_file, self.offered.checksum_file)}

    def add_written_page(self, uri: str, title: str, html: str) -> None:
        """A hand-written page from docs/, for its language's search index."""
        where = self.address(uri)
        self.written_pages[uri] = document_entry(self.urls.within_language(where.url, where.lang), title, html)

    def not_found_pages(self) -> dict[str, str]:
        """Each language's 404 page: the main language's at the root, the others' under theirs."""
        return {code: self.urls.root(code) + NOT_FOUND for code in self.languages}

    def sitemap_files(self) -> dict[str, str]:
        """``sitemap.xml`` at each language's root, listing that language's pages, each with its
        translations and ``x-default`` (the main language's page), with absolute URLs."""
        files = {}
        for code in self.languages:
            entries = [
                SitemapEntry(self.urls.absolute(self.site_url, where.url),
                             tuple((alt.facts.hreflang, self.urls.absolute(self.site_url, alt.url)) for alt in self.alternates(uri)),
                             self.urls.absolute(self.site_url, self._by_key[where.key][self.urls.main].url)
                             if self.urls.main in self._by_key[where.key] else "")
                for uri in self.in_order(code) for where in (self.address(uri),)
            ]
            files[self.urls.root(code) + "sitemap.xml"] = sitemap(entries if self.site_url else [])
        return files

    def search_files(self) -> dict[str, Callable[[], Iterator[str]]]:
        """Each language's search index, under that language's root (``cy/search/...``): each
        file's text in pieces, made as it is written (see search.index_files)."""
        files = {}
        for code, language in self.languages.items():
            entries = [e for p in self.pages if p.lang == code for e in p.search]
            entries += [e for uri, e in sorted(self.written_pages.items()) if self.address(uri).lang == code]
            files.update({self.urls.root(code) + path: pieces for path, pieces in index_files(language.facts, entries).items()})
        return files

    def redirect_files(self) -> dict[str, str]:
        """A page at every address a page had before its slugs were translated (its id path) or
        before its language became the main one (``cy/...`` on a Welsh-first site): an old link
        never breaks. The first page to claim an address keeps it."""
        taken = {where.url for where in self._addresses.values()}
        files = {}
        for code, language in self.languages.items():
            for uri in self.in_order(code):
                where = self.address(uri)
                roots = [self.urls.root(code)] + ([f"{code}/"] if code == self.urls.main else [])
                for old in dict.fromkeys(root + path for root in roots for path in (*where.earlier, where.path)):
                    url = self.urls.path_url(old)
                    if url in taken:
                        continue
                    taken.add(url)
                    spec = self.page(uri)
                    title = spec.title if spec else where.path
                    href, address = self.urls.relative(where.url, url), self._absolute(where.url)
                    icon = self.urls.relative(FAVICON, url)
                    files[self.urls.file_of(url)] = remembered(
                        ("redirect", Same(self.renderer), code, self.interface_versions.get(code), href, title, address, icon),
                        partial(self.renderer.render, "redirect.html", language, href=href, title=title,
                                address=address, icon=icon, facts=language.facts))
        return files


def build_site(content_dir: Path, publisher_file: Path, options: Options = Options()) -> SiteBuild:
    """Load, validate, localise and render: raises ContentError before anything is written."""
    new_build()
    root = options.release.parent if options.release else None
    project = load_project(content_dir, publisher_file, root=root, own_sheets=options.own_sheets)
    shown = shown_release(options.release, options.release.parent) if options.release else None
    if isinstance(shown, Problem):
        raise ContentError([shown])
    # a copy's catalogues are its release's: they may name the publisher's pages too
    documents = tuple(sorted({*document_paths(options.docs_dir),
                              *document_paths(options.release / RELEASE_PAGES if options.release else None)}))
    translations = {t.code: t for t in load_translations(project, content_dir, options, documents)}
    languages = {code: translations[code].language() if code in translations else Language(code) for code in options.languages}
    brand = load_brand(project.publisher, publisher_file)
    handouts = HandoutSettings(site_url=options.site_url, pdf_dir=options.handouts)
    urls = SiteUrls(tuple(languages), options.directory_urls)
    templates = files_digest(p for folder in (TEMPLATES, COMPONENTS) for p in folder.rglob("*") if p.is_file())
    renderer = remembered(("renderer", templates), Renderer)  # its templates compiled once while they read the same
    versions = {code: f"{templates}:{translations[code].interface_digest if code in translations else ''}"
                for code in languages}
    pages = plan_pages(project, list(languages.values()), renderer, urls, handouts=handouts, logo_uri=brand.logo_uri,
                       versions=versions, scopes={code: t.scope_digests for code, t in translations.items()})
    return SiteBuild(project.site, project.publisher, languages, pages, urls, site_url=options.site_url, brand=brand,
                     handouts=handouts, stylesheet=site_stylesheet([*options.stylesheets, *COMPONENT_STYLESHEETS], brand),
                     renderer=renderer, files={**component_files(languages.values()), SITE_SCRIPT: joined_script(options.scripts)},
                     interface_versions={code: t.interface_digest for code, t in translations.items()},
                     shown=shown, tools=shown.tools if shown else {},
                     offered=latest_release(options.releases) if options.releases else None)
