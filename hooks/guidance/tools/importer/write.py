"""Write an imported sheet as YAML, after checking it with the build's own rules.

The file starts with its schema line and, as comments, every guess the editor should check. It is
written only when the whole content, with it, would build; an existing sheet is replaced only
when asked (--force).
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from ..editor_schema import modeline
from ...problems import ContentError, Problem, display_path
from ...content.project import SHEET_FILE, load_project, sheet_folder as folder_name
from .structure import Recognised


def sheet_folder(data: dict[str, Any]) -> str:
    """``3.3-partnership``: the number, then the sheet's id."""
    return folder_name(str(data["number"]), str(data["id"]))


def sheet_yaml(recognised: Recognised, source_name: str, out_file: Path, content_dir: Path, today: date) -> str:
    """The file's text: schema line, the guesses as comments, then the data."""
    header = [modeline(out_file, content_dir, "sheet"),
              f"# Imported from {source_name} by guidance import on {today.isoformat()}.",
              "# The words are the document's. Check these guesses, correct the file where one is wrong,",
              "# then delete this list. Never change an id once the sheet is published.",
              *(f"#   {' '.join(str(guess).split())}" for guess in recognised.guesses), ""]
    yaml = YAML(typ="rt")
    yaml.width = 4096  # one text, one line: editors find sentences with their editor's search
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump(recognised.data, out)
    body = out.getvalue().replace("\n  - type:", "\n\n  - type:")  # a blank line between sections
    return "\n".join(header) + "\n" + body


def check(text: str, out_file: Path, sheets_dir: Path, content_dir: Path, publisher_file: Path) -> list[Problem]:
    """The problems the build would find that this sheet brings (none: with it, the content builds).
    The content is tried in a scratch copy, without the sheet and with it; problems it already had
    are not the import's."""
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / "content"
        (trial / "sheets").mkdir(parents=True)
        shutil.copyfile(content_dir / "site.yml", trial / "site.yml")
        for other in sorted(sheets_dir.glob(f"*/{SHEET_FILE}")) if sheets_dir.is_dir() else []:
            if other.resolve() != out_file.resolve():
                (trial / "sheets" / other.parent.name).mkdir()
                shutil.copyfile(other, trial / "sheets" / other.parent.name / SHEET_FILE)
        before = set(_problems(trial, publisher_file))
        new = trial / "sheets" / out_file.parent.name / SHEET_FILE
        new.parent.mkdir(exist_ok=True)
        new.write_text(text, encoding="utf-8")
        real = display_path(sheets_dir, Path.cwd()) + "/"  # the trial's paths, as the editor knows them
        return [Problem(p.file.replace("content/sheets/", real), p.line, p.field, p.message.replace("content/sheets/", real))
                for p in _problems(trial, publisher_file) if p not in before]


def _problems(content: Path, publisher_file: Path) -> list[Problem]:
    try:
        load_project(content, publisher_file, root=content.parent)
    except ContentError as error:
        return [p for p in error.problems if "no sheets found" not in p.message]
    return []


def write_if_it_builds(text: str, out_file: Path, sheets_dir: Path, content_dir: Path, publisher_file: Path) -> bool:
    """Write the sheet when the content builds with it; otherwise say why, on stderr, and write nothing."""
    problems = check(text, out_file, sheets_dir, content_dir, publisher_file)
    if problems:
        print(f"{display_path(out_file, Path.cwd())}: not written: the sheet would not build:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return False
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_text(text, encoding="utf-8")
    return True
