"""Plan and render every generated page of the site, in every language.

A page is known by its source path (``cy/working-with-others/partnership.md``); its URL and the
links between pages follow from that, the same way for every generator adapter.
"""

from __future__ import annotations

import posixpath
from datetime import date
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .handout import HandoutSettings, make_handout
from .language import DEFAULT_LANGUAGE, Language
from .localise import localise, messages
from .project import Project
from .render import Renderer
from .review import is_overdue
from .schema import Sheet, Site
from .search import SearchEntry, entry
from .selfcheck import fingerprints, selfcheck
from .components.compare import SCRIPT as COMPARE_SCRIPT, STYLES as COMPARE_STYLES, TEMPLATE as COMPARE_TEMPLATE
from .components.compare import checklists, comparison, comparison_path


@dataclass(frozen=True)
class TocEntry:
    level: int
    id: str
    title: str
    lang: str


@dataclass(frozen=True)
class PageSpec:
    """One generated page: where it goes, in which language, and its finished HTML body."""

    src_uri: str
    lang: str
    title: str
    description: str
    html: str
    toc: tuple[TocEntry, ...] = ()
    alternates: dict[str, str] = field(default_factory=dict)
    search: tuple[SearchEntry, ...] = ()


def language_root(lang: str) -> str:
    """Where a language's pages, search index and sitemap live: ``""`` for English, ``cy/``."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def src_uri(lang: str, path: str) -> str:
    """``working-with-others/partnership.md`` in English, under ``cy/`` in Welsh."""
    return language_root(lang) + path


def page_url(uri: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a source path: ``a/b.md`` -> ``a/b/`` (or ``a/b.html``)."""
    stem = uri[: -len(".md")]
    if not directory_urls:  # a copy opened from disk needs every link to name its file
        return f"{stem}.html"
    if posixpath.basename(stem) == "index":
        return posixpath.dirname(stem) + "/" if posixpath.dirname(stem) else ""
    return f"{stem}/"


def _folder(source: str, directory_urls: bool) -> str:
    """The folder a page's relative links start from."""
    here = page_url(source, directory_urls)
    return here if here.endswith("/") or not here else posixpath.dirname(here) + "/"


def relative_href(target: str, source: str, directory_urls: bool = True) -> str:
    """A link from page ``source`` to page ``target`` (both source paths) that works anywhere."""
    to = page_url(target, directory_urls)
    rel = posixpath.relpath("/" + to, "/" + _folder(source, directory_urls))
    if to.endswith("/") or not to:
        rel = rel.rstrip("/") + "/"
        if not directory_urls:
            rel += "index.html"
    return "./" if rel == "./" else rel


def file_href(path: str, source: str, directory_urls: bool = True) -> str:
    """A link from page ``source`` to a file of the site (``assets/brand/logo.svg``)."""
    return posixpath.relpath("/" + path, "/" + _folder(source, directory_urls))


def sheet_path(sheet: Sheet) -> str:
    return f"{sheet.series}/{sheet.id}.md"


def display_url(url: str) -> str:
    """``https://www.cavs.org.uk/`` -> ``www.cavs.org.uk``, as the printed sheet shows it."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")


def plan_pages(project: Project, languages: list[Language], renderer: Renderer,
               directory_urls: bool = True, handouts: HandoutSettings = HandoutSettings(),
               logo_uri: str = "", today: date | None = None) -> list[PageSpec]:
    """The home page and every sheet page, in every language, with their alternates.
    A sheet past its review date (as of ``today``, the build's date) says so to readers."""
    today = today or date.today()
    pages: list[PageSpec] = []

    def logo_href(uri: str) -> str:
        return file_href(logo_uri, uri, directory_urls) if logo_uri else ""

    codes = [language.code for language in languages]
    for language in languages:
        site = localise(project.site, "site", language)
        series_by_id = {s.id: s for s in site.series}
        home = src_uri(language.code, "index.md")
        sheets = [localise(sheet, sheet.id, language) for sheet in project.sheets]
        site_drafts = has_drafts(site, "site")
        drafts = [site_drafts or has_drafts(sheet, sheet.id) for sheet in sheets]
        listing = [
            {"series": series, "sheets": [
                {"sheet": sheet, "href": relative_href(src_uri(language.code, sheet_path(sheet)), home, directory_urls)}
                for sheet in sheets if sheet.series == series.id
            ]}
            for series in site.series
        ]
        title = language.gettext("Information sheets")
        pages.append(PageSpec(
            src_uri=home, lang=language.code, title=title,
            description=language.gettext("Short guidance for charities and community groups, from your local county voluntary council."),
            html=renderer.render("home.html", language, publisher=project.publisher, series=[e for e in listing if e["sheets"]],
                                 draft=site_drafts or any(drafts), logo_href=logo_href(home)),
            toc=tuple(TocEntry(2, e["series"].id, f"{e['series'].number}. {e['series'].title}", _lang(e["series"].title, language))
                      for e in listing if e["sheets"]),
            alternates={code: src_uri(code, "index.md") for code in codes},
            search=(entry(search_location(home, language, directory_urls), title,
                          [f"{s.number} {s.title}. {s.summary}" for s in sheets]),),
        ))
        for source, sheet, draft in zip(project.sheets, sheets, drafts):
            uri = src_uri(language.code, sheet_path(sheet))
            toc = sheet_toc(sheet, site, language)
            handout = make_handout(handouts, sheet, language.code, page_url(uri, directory_urls))
            pages.append(PageSpec(
                src_uri=uri, lang=language.code,
                title=f"{sheet.number} {sheet.title}", description=str(sheet.summary),
                html=renderer.render(
                    "sheet.html", language, sheet=sheet, site=site, publisher=project.publisher,
                    series=series_by_id[sheet.series], display_url=display_url, draft=draft, toc=toc,
                    home_href=relative_href(home, uri, directory_urls), logo_href=logo_href(uri),
                    handout=handout, pdf_href=file_href(handout.pdf_uri, uri, directory_urls) if handout.pdf_uri else "",
                    selfcheck=selfcheck(source, language.code),
                    review_overdue=is_overdue(source, project.site, today),
                ),
                toc=toc,
                alternates={code: src_uri(code, sheet_path(sheet)) for code in codes},
                search=sheet_search(sheet, site, search_location(uri, language, directory_urls)),
            ))
            pages += comparison_pages(source, sheet, uri, language, codes, renderer, directory_urls)
    return pages


def comparison_pages(source: Sheet, sheet: Sheet, sheet_uri: str, language: Language, codes: list[str],
                     renderer: Renderer, directory_urls: bool) -> list[PageSpec]:
    """A page per self-check of the sheet, where partners' saved answers are compared. Not in
    search: it is reached from its self-check."""
    pages = []
    prints = fingerprints(source)
    for section in checklists(sheet):
        path = comparison_path(sheet_path(sheet), section)
        uri = src_uri(language.code, path)
        heading = section.heading or sheet.title
        compare = language.gettext("Compare partners' answers")
        pages.append(PageSpec(
            src_uri=uri, lang=language.code,
            title=f"{compare}: {heading}",
            description=language.gettext("Put partners' saved answers to a self-check side by side and agree an action plan."),
            html=renderer.render(
                COMPARE_TEMPLATE, language, sheet=sheet, section=section, fingerprints=prints,
                compare=comparison(source, section, language.code),
                sheet_href=relative_href(sheet_uri, uri, directory_urls) + f"#{section.id}",
                script_href=file_href(COMPARE_SCRIPT, uri, directory_urls),
                styles_href=file_href(COMPARE_STYLES, uri, directory_urls),
            ),
            alternates={code: src_uri(code, path) for code in codes},
        ))
    return pages


def has_drafts(node, scope: str) -> bool:
    """Whether any text shown is a translation not yet reviewed by a qualified translator."""
    return any(getattr(text, "state", "") == "draft" for _key, text in messages(node, scope))


def _lang(text: str, language: Language) -> str:
    return getattr(text, "lang", language.code)


def sheet_toc(sheet: Sheet, site: Site, language: Language) -> tuple[TocEntry, ...]:
    """The outline of a sheet page: its h2 sections, then the footer's two headings.
    Titles stay LocalText, so a fallback keeps its language wherever the outline is shown."""
    headings = [(s.id, s.heading) for s in sheet.sections if s.heading]
    headings += [("disclaimer", site.disclaimer.heading), ("contact", site.further_information)]
    return tuple(TocEntry(2, anchor, title, _lang(title, language)) for anchor, title in headings)


def search_location(uri: str, language: Language, directory_urls: bool) -> str:
    """A page's address relative to its language's root, where that language's index lives."""
    url = page_url(uri, directory_urls)
    prefix = language_root(language.code)
    return url[len(prefix):] if url.startswith(prefix) else url


def sheet_search(sheet: Sheet, site: Site, location: str) -> tuple[SearchEntry, ...]:
    """The sheet itself, then one result per section, so a search lands on the right heading."""
    untitled = [text for s in sheet.sections if not s.heading for _key, text in messages(s, sheet.id)]
    found = [entry(location, f"{sheet.number} {sheet.title}", [sheet.summary, *untitled])]
    for section in sheet.sections:
        if section.heading:
            texts = [text for _key, text in messages(section, sheet.id) if text is not section.heading]
            found.append(entry(f"{location}#{section.id}", section.heading, texts))
    found.append(entry(f"{location}#disclaimer", site.disclaimer.heading, [site.disclaimer.text]))
    return tuple(found)
