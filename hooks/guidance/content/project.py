"""Load and validate everything a site is built from, reporting every problem at once."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from .brand import brand_problems
from ..language import unknown_language
from ..problems import ContentError, Problem, display_path
from .schema import Publisher, Series, Sheet, Site
from .source import Document, Loc, field_path, load_document
from ..memo import Same, file_digest, remembered
from .validate import M, ids_in, validate_document

SHEET_FILE = "sheet.yml"


def sheet_folder(number: str, sheet_id: str) -> str:
    """A sheet's folder in the content's sheets/: ``3.3-partnership``, its number and then its id."""
    return f"{number}-{sheet_id}"

# Series and sheet ids become folders and pages of the site: none may take a name the site uses.
SITE_PATHS = ("assets", "search", "404", "index", "sitemap", "downloads", "accessibility", "privacy",
              "host-your-own-copy", "javascripts", "stylesheets")
# Element ids the templates give to parts of every sheet page (a content id is an element id too).
DISCLAIMER_ID, CONTACT_ID = "disclaimer", "contact"  # the ids of a sheet page's two footer headings
PAGE_IDS = (DISCLAIMER_ID, CONTACT_ID)
ID_PREFIXES = ("gd-", "md-")  # the site's own and Material's classes and ids


@dataclass(frozen=True)
class Project:
    """The validated content of one site: shared texts, the publisher, the sheets in order."""

    site: Site
    publisher: Publisher
    sheets: tuple[Sheet, ...]

    def series_of(self, sheet: Sheet) -> Series:
        return next(s for s in self.site.series if s.id == sheet.series)

    def sheets_in(self, series: Series) -> tuple[Sheet, ...]:
        return tuple(s for s in self.sheets if s.series == series.id)


def load_project(content_dir: Path, publisher_file: Path, root: Path | None = None,
                 own_sheets: Path | None = None) -> Project:
    """Read ``site.yml``, the publisher profile and ``sheets/*/sheet.yml`` (and a copy's own
    ``own_sheets/*/sheet.yml``, built with them); raise ContentError."""
    root = root or content_dir.parent
    problems: list[Problem] = []

    def read(path: Path, model: type[M]) -> tuple[M | None, Document | None]:
        shown_as = display_path(path, root)
        validated, document, found = remembered(("read", path, shown_as, model, file_digest(path)),
                                                lambda: _read(path, shown_as, model))
        problems.extend(found)
        return validated, document

    site, site_doc = read(content_dir / "site.yml", Site)
    if site and site_doc:
        problems += _series_problems(site, site_doc)
    publisher, publisher_doc = read(publisher_file, Publisher)
    if publisher and publisher_doc:
        problems += brand_problems(publisher, publisher_doc, publisher_file)
    sheet_files: list[Path] = []
    for folder, files in ((content_dir, sorted((content_dir / "sheets").glob(f"*/{SHEET_FILE}"))),
                          *([(own_sheets, sorted(own_sheets.glob(f"*/{SHEET_FILE}")))] if own_sheets else [])):
        outside = [path for path in files if not _inside(path, folder)]
        problems += [Problem(display_path(path, root), 0, "", f"the sheet folder is a link to a folder outside "
                                                              f"{display_path(folder, root)}/ (only the project's own files are read)")
                     for path in outside]
        sheet_files += [path for path in files if path not in outside]
    if not sheet_files:
        problems.append(Problem(display_path(content_dir / "sheets", root), 0, "", f"no sheets found (expected sheets/<name>/{SHEET_FILE})"))
    sheets: list[tuple[Sheet, Placed]] = []
    for path in sheet_files:
        sheet, document = read(path, Sheet)
        if site and document:
            problems += _series_check(site, document)
        if document:
            problems += _see_problems(document)
        if sheet and document:
            # the file's YAML is not kept (200 sheets' at once was the largest part of the build's
            # memory while the content was read)
            sheets.append((sheet, Placed(path, document.file)))
            problems += remembered(("reserved ids", Same(sheet), Same(document)), partial(_reserved_id_problems, sheet, document))
    problems += _uniqueness_checks(sheets)
    if problems or site is None or publisher is None:  # a file not read or not valid is one of the problems
        raise ContentError(problems)
    ordered = sorted((s for s, _ in sheets), key=lambda s: tuple(int(n) for n in s.number.split(".")))
    return Project(site=site, publisher=publisher, sheets=tuple(ordered))


def _series_check(site: Site, document: Document) -> list[Problem]:
    """A sheet names a series from site.yml and is numbered within it (checked on the raw file,
    so that it is reported together with the sheet's other problems)."""
    data = document.data if isinstance(document.data, dict) else {}
    series = {s.id: s for s in site.series}
    name, number = data.get("series"), str(data.get("number", ""))
    if not isinstance(name, str):
        return []
    if name not in series:
        return [Problem(document.file, document.line_of(("series",)), "series",
                        f"unknown series '{name}' (expected one of: {', '.join(series)})")]
    prefix = series[name].number + "."
    if number and not number.startswith(prefix):
        return [Problem(document.file, document.line_of(("number",)), "number",
                        f"expected a number in series {series[name].number}, such as '{prefix}1', got '{number}'")]
    return []


@dataclass(frozen=True)
class Placed:
    """A sheet's file. Its YAML is read again only to say on which line a duplicate id or number is."""

    path: Path
    file: str  # as it is shown

    def line_of(self, key: str) -> int:
        document = load_document(self.path, self.file)
        return 0 if isinstance(document, Problem) else document.line_of((key,))


def _uniqueness_checks(sheets: list[tuple[Sheet, Placed]]) -> list[Problem]:
    """Sheet ids and numbers are unique across files: pages and saved answers hang on them."""
    problems = []
    seen_ids: dict[str, str] = {}
    seen_numbers: dict[str, str] = {}
    for sheet, placed in sheets:
        for key, seen, value in (("id", seen_ids, sheet.id), ("number", seen_numbers, sheet.number)):
            if value in seen:
                problems.append(Problem(placed.file, placed.line_of(key), key,
                                        f"duplicate sheet {key} '{value}' (also used by {seen[value]})"))
            seen[value] = placed.file
    return problems


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return False


def reserved_slug(value: str) -> str:
    """Why a series or sheet id cannot be used as a folder or page name ("" when it can)."""
    if value in SITE_PATHS:
        return f"'{value}' is the name of one of the site's own pages or folders; choose another id"
    if not unknown_language(value):
        return f"'{value}' is a language code, and each language's pages live under /{value}/; choose another id"
    return ""


def _read(path: Path, shown_as: str, model: type[M]) -> tuple[M | None, Document | None, list[Problem]]:
    """One file parsed and validated, and its own problems (the same for the same bytes)."""
    document = load_document(path, shown_as)
    if isinstance(document, Problem):
        return None, None, [document]
    validated, found = validate_document(document, model)
    return validated, document, found


def _series_problems(site: Site, document: Document) -> list[Problem]:
    """Series ids are folders of the site; series numbers are unique (sheets are numbered within them)."""
    problems = []
    numbers: dict[str, int] = {}
    for index, series in enumerate(site.series):
        if reason := reserved_slug(series.id):
            loc: Loc = ("series", index, "id")
            problems.append(Problem(document.file, document.line_of(loc, tagged=False), f"series[{index}].id", reason))
        if series.number in numbers:
            loc = ("series", index, "number")
            problems.append(Problem(document.file, document.line_of(loc, tagged=False), f"series[{index}].number",
                                    f"duplicate series number '{series.number}' (also used by series[{numbers[series.number]}])"))
        numbers.setdefault(series.number, index)
    return problems


def _reserved_id_problems(sheet: Sheet, document: Document) -> list[Problem]:
    """A sheet id is a page name; an item id is an element id on the page, beside the template's own."""
    problems = []
    if reason := reserved_slug(sheet.id):
        problems.append(Problem(document.file, document.line_of(("id",), tagged=False), "id", reason))
    taken = {*PAGE_IDS, f"{sheet.id}-contents"}
    for loc, value in ids_in(document.data, ()):
        if len(loc) > 1 and (value in taken or value.startswith(ID_PREFIXES)):
            why = "starts with a prefix the site keeps for itself" if value.startswith(ID_PREFIXES) \
                else "is an id the page already uses"
            problems.append(Problem(document.file, document.line_of(loc, tagged=False), field_path(loc, document.data, tagged=False),
                                    f"'{value}' {why}; choose another id"))
    return problems


def _see_problems(document: Document) -> list[Problem]:
    """A question's ``see`` names sections of its own sheet, which the self-check links to
    (checked on the raw file, so that it is reported together with the sheet's other problems)."""
    data = document.data if isinstance(document.data, Mapping) else {}
    sections = [s for s in _list(data.get("sections")) if isinstance(s, Mapping)]
    known = [s["id"] for s in sections if isinstance(s.get("id"), str)]
    headed = [s["id"] for s in sections if isinstance(s.get("id"), str) and s.get("heading")]
    problems = []
    for loc, value in _see_values(sections):
        if value in headed:
            continue
        if value in known:
            reason = f"the section '{value}' has no heading to name the link (expected one of: {', '.join(headed)})"
        else:
            close = difflib.get_close_matches(value, known, n=1)
            reason = f"unknown section '{value}' ({f'did you mean {close[0]!r}?' if close else 'expected one of: ' + ', '.join(headed)})"
        problems.append(Problem(document.file, document.line_of(loc, tagged=False), field_path(loc, document.data, tagged=False), reason))
    return problems


def _see_values(sections: list[Mapping[str, Any]]) -> Iterator[tuple[Loc, str]]:
    """Each section id named by a checklist question's ``see``, and where."""
    for index, section in enumerate(sections):
        for g, group in enumerate(_list(section.get("groups"))):
            for q, question in enumerate(_list(group.get("items") if isinstance(group, Mapping) else None)):
                see = question.get("see") if isinstance(question, Mapping) else None
                for n, value in enumerate(_list(see)):
                    if isinstance(value, str):
                        yield ("sections", index, "groups", g, "items", q, "see", n), value


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, Sequence) and not isinstance(value, str) else []
