"""Load and validate everything a site is built from, reporting every problem at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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
    publisher, _ = read(publisher_file, Publisher)
    sheet_files = sorted((content_dir / "sheets").glob(f"*/{SHEET_FILE}"))
    if not sheet_files:
        problems.append(Problem(display_path(content_dir / "sheets", root), 0, "", f"no sheets found (expected sheets/<name>/{SHEET_FILE})"))
    sheets: list[tuple[Sheet, Document]] = []
    for path in sheet_files:
        sheet, document = read(path, Sheet)
        if sheet:
            sheets.append((sheet, document))
    if site:
        problems += _cross_checks(site, sheets)
    if problems:
        raise ContentError(problems)
    ordered = sorted((s for s, _ in sheets), key=lambda s: tuple(int(n) for n in s.number.split(".")))
    return Project(site=site, publisher=publisher, sheets=tuple(ordered))


def _cross_checks(site: Site, sheets: list[tuple[Sheet, Document]]) -> list[Problem]:
    """What no single file can check: series exist, sheet ids and numbers are unique."""
    problems = []
    series = {s.id: s for s in site.series}
    seen_ids: dict[str, str] = {}
    seen_numbers: dict[str, str] = {}
    for sheet, document in sheets:
        if sheet.series not in series:
            problems.append(Problem(document.file, document.line_of(("series",)), "series",
                                    f"unknown series '{sheet.series}' (expected one of: {', '.join(series)})"))
        elif not sheet.number.startswith(series[sheet.series].number + "."):
            problems.append(Problem(document.file, document.line_of(("number",)), "number",
                                    f"expected a number in series {series[sheet.series].number}, such as '{series[sheet.series].number}.1', got '{sheet.number}'"))
        for key, seen, value in (("id", seen_ids, sheet.id), ("number", seen_numbers, sheet.number)):
            if value in seen:
                problems.append(Problem(document.file, document.line_of((key,)), key,
                                        f"duplicate sheet {key} '{value}' (also used by {seen[value]})"))
            seen[value] = document.file
    return problems
