"""Plan and render every generated page of the site, in every language.

A page has a key, the same in every language (``sheet:partnership``), and in each language a path
made of that language's slugs (``gweithio-gydag-eraill/partneriaeth``); its URL follows from the
site's URL rules (``urls.py``). Alternates are the pages that share a key.
"""

from __future__ import annotations

import posixpath
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import TypeVar

from ..components.handout.handout import HandoutSettings, make_handout
from ..language import Language, LocalText
from ..memo import Same, inputs_key, keyed, remembered
from ..languages.localise import document_slug_key, localise, messages, part_slug_key, series_slug_key, sheet_slug_key
from ..content.project import CONTACT_ID, DISCLAIMER_ID, Project
from .render import Renderer
from ..content.review import is_overdue, review_date
from ..content.schema import Series, Sheet, Site
from .search import SearchEntry, entry
from ..components.compare import SCRIPT as COMPARE_SCRIPT, STYLES as COMPARE_STYLES, TEMPLATE as COMPARE_TEMPLATE
from ..components.compare import checklists, comparison, comparison_slug
from ..components.selfcheck import PROGRESS_URI, SCRIPT_URI as SELF_CHECK_SCRIPT, fingerprints, selfcheck
from .urls import HOME, SiteUrls, display_url

HOME_KEY = "home"
HOME_HEADING = "information-sheets"  # the home page's h1
COMPARE_HEADING = "compare"  # a comparison page's h1
T = TypeVar("T")


@dataclass(frozen=True, slots=True)  # thousands of them at 200 sheets: no __dict__ each
class TocEntry:
    level: int
    id: str
    title: str
    lang: str


@dataclass(frozen=True, slots=True)  # thousands of them at 200 sheets: no __dict__ each
class PageAddress:
    """Where one page lives: ``key`` names it in every language, ``path`` within its language
    (its slugs), ``url`` its URL from the site's root; ``earlier``, the paths it had before its
    slugs were translated (a redirect page is left at each): all in English, and its own slug
    alone in English under its translated folders."""

    key: str
    lang: str
    path: str
    url: str
    src_uri: str
    earlier: tuple[str, ...] = ()


def packed(html: str) -> bytes:
    """A page's HTML as it is held until MkDocs writes the page: compressed (about a sixth of the
    size; at 200 sheets the pages' HTML was most of the build's memory), quickly (level 1)."""
    return zlib.compress(html.encode("utf-8"), 1)


@dataclass(frozen=True, slots=True)  # thousands of them at 200 sheets: no __dict__ each
class PageSpec:
    """One generated page: where it goes, and its finished HTML body (``packed``), outline and
    search entries."""

    address: PageAddress
    title: str
    description: str
    packed_html: bytes
    toc: tuple[TocEntry, ...] = ()
    search: tuple[SearchEntry, ...] = ()
    heading_id: str = ""  # the h1's id: the skip link's target, the outline's top
    trail: tuple[str, ...] = ()  # what the page belongs to, nearest first: its <title> after its own

    @property
    def html(self) -> str:
        return zlib.decompress(self.packed_html).decode("utf-8")

    @property
    def lang(self) -> str:
        return self.address.lang

    @property
    def src_uri(self) -> str:
        return self.address.src_uri


@dataclass(frozen=True)
class SheetLink:
    sheet: Sheet
    href: str


@dataclass(frozen=True)
class SeriesListing:
    """A series on the home page, with links to its sheets."""

    series: Series
    sheets: tuple[SheetLink, ...]


Part = tuple[str, str]  # a part of a page's path: (its English, its slug in the page's language)


def address(urls: SiteUrls, key: str, lang: str, parts: Sequence[Part], src_uri: str = "") -> PageAddress:
    """A page's address from its path's parts; a generated page's source name is its file in the
    site, as Markdown."""
    path = "/".join(local for _english, local in parts)
    english = "/".join(english for english, _local in parts)
    own = "/".join([*(local for _english, local in parts[:-1]), parts[-1][0]])
    earlier = tuple(old for old in dict.fromkeys((english, own)) if old != path)
    return PageAddress(key, lang, path, urls.url(lang, path), src_uri or urls.root(lang) + path + ".md", earlier)


def sheet_key(sheet: Sheet) -> str:
    return f"sheet:{sheet.id}"


def slug(language: Language, key: str, english: str) -> str:
    """A slug in ``language`` from the catalogue (checked there), or the id it translates."""
    found = language.text(key, english)
    return str(found) if found.lang == language.code else english


def document_slug_messages(paths: Iterable[str]) -> list[tuple[str, str]]:
    """Every (key, English) slug of the hand-written pages: a page's own name (the last part of its
    path; a folder's ``index`` page is its folder's address, and has none)."""
    return [(document_slug_key(path), posixpath.basename(path)) for path in paths
            if posixpath.basename(path) != HOME]

def sheet_parts(sheet: Sheet, language: Language) -> list[Part]:
    """``gweithio-gydag-eraill/partneriaeth`` in Welsh, ``working-with-others/partnership`` in English."""
    return [(sheet.series, slug(language, series_slug_key(sheet.series), sheet.series)),
            (sheet.id, slug(language, sheet_slug_key(sheet), sheet.id))]


def document_parts(path: str, language: Language) -> list[Part]:
    """A hand-written page's path (``docs/privacy.md``: ``privacy``) with its own name in
    ``language``: ``preifatrwydd`` in Welsh. Its folders, and a folder's index page, keep their names."""
    folders = [(folder, folder) for folder in path.split("/")[:-1]]
    name = posixpath.basename(path)
    return [*folders, (name, name if name == HOME else slug(language, document_slug_key(path), name))]


def plan_pages(project: Project, languages: list[Language], renderer: Renderer, urls: SiteUrls,
               handouts: HandoutSettings = HandoutSettings(), logo_uri: str = "",
               today: date | None = None, versions: Mapping[str, str] | None = None,
               scopes: Mapping[str, Mapping[str, str]] | None = None) -> list[PageSpec]:
    """The home page and every sheet page, in every language.
    A sheet past its review date (as of ``today``, the build's date) says so to readers.
    ``versions``, a digest per language of the templates and its interface strings, with
    ``scopes``, its catalogue's digest of each scope's entries (Translation.scope_digests), lets a
    sheet's pages be kept from the last build (memo.py) while they, the sheet, its translations,
    the site and the publisher are the same; without it (and with handouts, whose PDFs come and
    go) every page is made anew."""
    today = today or date.today()
    pages: list[PageSpec] = []
    for language in languages:
        version = versions.get(language.code) if versions is not None and handouts.pdf_dir is None else None

        def kept(key: tuple[object, ...], make: Callable[[], T]) -> T:
            return remembered((language.code, version, *key), make) if version is not None else make()

        translated = (scopes or {}).get(language.code, {})
        site = kept(("localised site", Same(project.site), translated.get("site")),
                    partial(localise, project.site, "site", language))
        home = address(urls, HOME_KEY, language.code, [(HOME, HOME)])

        site_drafts = has_drafts(site, "site")
        # One sheet localised at a time: its pages are made, and of it only what the home page
        # lists is kept (at 200 sheets, every localised sheet at once was the build's peak memory).
        sheets: list[Sheet] = []
        addresses: list[PageAddress] = []
        drafts: list[bool] = []
        sheets_pages: list[PageSpec] = []
        for source in project.sheets:
            words = (translated.get(source.id), translated.get("site"))  # what its pages read of the catalogue
            sheet = kept(("localised", Same(source), words), partial(localise, source, source.id, language))
            where = address(urls, sheet_key(sheet), language.code, sheet_parts(sheet, language))
            draft = site_drafts or kept(("drafts", Same(sheet)), partial(has_drafts, sheet, sheet.id))
            inputs = SheetInputs(project, language, version or "", renderer, urls, handouts, logo_uri, today,
                                 source, sheet, site, where, home, draft)
            sheets_pages += kept(inputs_key(inputs), partial(sheet_pages, inputs))
            sheets.append(sheet.model_copy(update={"sections": ()}))  # the home page shows number, title, summary
            addresses.append(where)
            drafts.append(draft)
        listing = [
            SeriesListing(series, tuple(SheetLink(sheet, urls.relative(where.url, home.url))
                                        for sheet, where in zip(sheets, addresses) if sheet.series == series.id))
            for series in site.series
        ]
        shown = [entry for entry in listing if entry.sheets]

        def logo_href(url: str) -> str:
            return urls.file_href(logo_uri, url) if logo_uri else ""

        title = language.gettext("Information sheets")
        pages.append(PageSpec(
            address=home, title=title, heading_id=HOME_HEADING,
            description=language.gettext("Short guidance for charities and community groups, from your local county voluntary council."),
            packed_html=packed(renderer.render(
                "home.html", language, publisher=project.publisher, series=shown, draft=site_drafts or any(drafts),
                logo_href=logo_href(home.url), heading_id=HOME_HEADING)),
            toc=tuple(TocEntry(2, e.series.id, f"{e.series.number}. {e.series.title}", _lang(e.series.title, language))
                      for e in shown),
            search=(entry(urls.within_language(home.url, language.code), title,
                          [f"{s.number} {s.title}. {s.summary}" for s in sheets]),),
        ))
        pages += sheets_pages
    return pages


@dataclass(frozen=True)
class SheetInputs:
    """Everything a sheet's pages in one language are made from. Their memo key is made from this
    very object (``inputs_key``): each field says how it is keyed, and one that does not say stops
    the build, so the key cannot lose an input (tests/unit/test_memo_keys.py)."""

    project: Project = keyed(lambda p: (Same(p.site), Same(p.publisher)))  # the pages read its site and publisher
    language: Language = keyed(lambda language: language.code)  # its strings are in ``interface``
    interface: str = keyed()           # the templates' and the language's interface strings' digest
    renderer: Renderer = keyed(Same)   # one per version of the templates (build.py)
    urls: SiteUrls = keyed()
    handouts: HandoutSettings = keyed()
    logo_uri: str = keyed()
    today: date = keyed()              # a sheet past its review date says so
    source: Sheet = keyed(Same)        # read from unchanged bytes, the same object
    sheet: Sheet = keyed(Same)         # localised: kept while the source and its translations are
    site: Site = keyed(Same)           # localised: kept while the site and its translations are
    where: PageAddress = keyed()
    home: PageAddress = keyed()
    draft: bool = keyed()


def sheet_pages(inputs: SheetInputs) -> list[PageSpec]:
    """A sheet's page in one language, and its comparison pages."""
    project, language, renderer, urls, handouts = inputs.project, inputs.language, inputs.renderer, inputs.urls, inputs.handouts
    logo_uri, today, source, sheet, site = inputs.logo_uri, inputs.today, inputs.source, inputs.sheet, inputs.site
    where, home, draft = inputs.where, inputs.home, inputs.draft
    series_by_id = {s.id: s for s in site.series}

    def logo_href(url: str) -> str:
        return urls.file_href(logo_uri, url) if logo_uri else ""

    toc = sheet_toc(sheet, site, language)
    compares = comparison_addresses(sheet, language, urls)
    handout = make_handout(handouts, sheet, language.code, urls.absolute(handouts.site_url, where.url))
    sheet_page = PageSpec(
        address=where, heading_id=sheet.id, trail=(f"{series_by_id[sheet.series].number}. {series_by_id[sheet.series].title}",),
        title=f"{sheet.number} {sheet.title}", description=str(sheet.summary),
        packed_html=packed(renderer.render(
            "sheet.html", language, sheet=sheet, site=site, publisher=project.publisher,
            series=series_by_id[sheet.series], display_url=display_url, draft=draft, toc=toc,
            home_href=urls.relative(home.url, where.url), logo_href=logo_href(where.url),
            handout=handout, pdf_href=urls.file_href(handout.pdf_uri, where.url) if handout.pdf_uri else "",
            selfcheck=selfcheck(source, language),
            selfcheck_href=urls.file_href(SELF_CHECK_SCRIPT, where.url) if checklists(source) else "",
            checkins_href=urls.file_href(PROGRESS_URI, where.url),
            compare_hrefs={section_id: urls.relative(page.url, where.url) for section_id, page in compares.items()},
            review_overdue=is_overdue(source, project.site, today),
            review_due=review_date(source, project.site),
        )),
        toc=toc,
        search=sheet_search(sheet, site, urls.within_language(where.url, language.code)),
    )
    return [sheet_page, *comparison_pages(source, sheet, where, compares, language, renderer, urls)]


def comparison_addresses(sheet: Sheet, language: Language, urls: SiteUrls) -> dict[str, PageAddress]:
    """Where each self-check's comparison page is, by checklist id: in its sheet's folder
    (``.../partneriaeth/cymharu-rhestr-wirio`` in Welsh)."""
    folder = sheet_parts(sheet, language)
    return {section.id: address(urls, f"compare:{sheet.id}/{section.id}", language.code,
                                [*folder, (english, slug(language, part_slug_key(sheet, section.id), english))])
            for section in checklists(sheet) for english in (comparison_slug(section),)}


def comparison_pages(source: Sheet, sheet: Sheet, sheet_page: PageAddress, compares: dict[str, PageAddress],
                     language: Language, renderer: Renderer, urls: SiteUrls) -> list[PageSpec]:
    """A page per self-check of the sheet, where partners' saved answers are compared. Not in
    search: it is reached from its self-check."""
    pages = []
    prints = fingerprints(source)
    for section in checklists(sheet):
        where = compares[section.id]
        heading = section.heading or sheet.title
        compare = language.gettext("Compare partners' answers")
        pages.append(PageSpec(
            address=where, heading_id=COMPARE_HEADING, trail=(f"{sheet.number} {sheet.title}",),
            title=f"{compare}: {heading}",
            description=language.gettext("Put partners' saved answers to a self-check side by side and agree an action plan."),
            packed_html=packed(renderer.render(
                COMPARE_TEMPLATE, language, sheet=sheet, section=section, fingerprints=prints,
                compare=comparison(source, section, language.facts), heading_id=COMPARE_HEADING,
                sheet_href=urls.relative(sheet_page.url, where.url) + f"#{section.id}",
                sheet_page=urls.relative(sheet_page.url, where.url),
                script_href=urls.file_href(COMPARE_SCRIPT, where.url),
                styles_href=urls.file_href(COMPARE_STYLES, where.url),
            )),
        ))
    return pages


def has_drafts(node: Site | Sheet, scope: str) -> bool:
    """Whether any text shown is a translation not yet reviewed by a qualified translator."""
    return any(getattr(text, "state", "") == "draft" for _key, text in messages(node, scope))


def _lang(text: str, language: Language) -> str:
    return text.lang if isinstance(text, LocalText) else language.code


def sheet_toc(sheet: Sheet, site: Site, language: Language) -> tuple[TocEntry, ...]:
    """The outline of a sheet page: its h2 sections, then the footer's two headings.
    Titles stay LocalText, so a fallback keeps its language wherever the outline is shown."""
    headings = [(s.id, s.heading) for s in sheet.sections if s.heading]
    headings += [(DISCLAIMER_ID, site.disclaimer.heading), (CONTACT_ID, site.further_information)]
    return tuple(TocEntry(2, anchor, title, _lang(title, language)) for anchor, title in headings)


def sheet_search(sheet: Sheet, site: Site, location: str) -> tuple[SearchEntry, ...]:
    """The sheet itself, then one result per section, so a search lands on the right heading."""
    untitled = [text for s in sheet.sections if not s.heading for _key, text in messages(s, sheet.id)]
    found = [entry(location, f"{sheet.number} {sheet.title}", [sheet.summary, *untitled])]
    for section in sheet.sections:
        if section.heading:
            texts = [text for _key, text in messages(section, sheet.id) if text is not section.heading]
            found.append(entry(f"{location}#{section.id}", section.heading, texts))
    found.append(entry(f"{location}#{DISCLAIMER_ID}", site.disclaimer.heading, [site.disclaimer.text]))
    return tuple(found)
