"""Load and validate everything a site is built from, reporting every problem at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .brand import brand_problems
from .problems import ContentError, Problem, display_path
from .schema import Publisher, Series, Sheet, Site
from .source import Document, load_document
from .validate import validate_document

SHEET_FILE = "sheet.yml"


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


def load_project(content_dir: Path, publisher_file: Path, root: Path | None = None) -> Project:
    """Read ``site.yml``, the publisher profile and ``sheets/*/sheet.yml``; raise ContentError."""
    root = root or content_dir.parent
    problems: list[Problem] = []

    def read(path: Path, model):
        document = load_document(path, display_path(path, root))
        if isinstance(document, Problem):
            problems.append(document)
            return None, None
        validated, found = validate_document(document, model)
        problems.extend(found)
        return validated, document

    site, _ = read(content_dir / "site.yml", Site)
    publisher, publisher_doc = read(publisher_file, Publisher)
    if publisher:
        problems += brand_problems(publisher, publisher_doc, publisher_file)
    sheet_files = sorted((content_dir / "sheets").glob(f"*/{SHEET_FILE}"))
    if not sheet_files:
        problems.append(Problem(display_path(content_dir / "sheets", root), 0, "", f"no sheets found (expected sheets/<name>/{SHEET_FILE})"))
    sheets: list[tuple[Sheet, Document]] = []
    for path in sheet_files:
        sheet, document = read(path, Sheet)
        if site and document:
            problems += _series_check(site, document)
        if sheet:
            sheets.append((sheet, document))
    problems += _uniqueness_checks(sheets)
    if problems:
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


def _uniqueness_checks(sheets: list[tuple[Sheet, Document]]) -> list[Problem]:
    """Sheet ids and numbers are unique across files: pages and saved answers hang on them."""
    problems = []
    seen_ids: dict[str, str] = {}
    seen_numbers: dict[str, str] = {}
    for sheet, document in sheets:
        for key, seen, value in (("id", seen_ids, sheet.id), ("number", seen_numbers, sheet.number)):
            if value in seen:
                problems.append(Problem(document.file, document.line_of((key,)), key,
                                        f"duplicate sheet {key} '{value}' (also used by {seen[value]})"))
            seen[value] = document.file
    return problems
