"""``guidance new-sheet NUMBER "Title" --series ID``: a valid starting sheet with one section of each
type, each explained in a comment, for an editor to fill in.

The file is checked with the build's own rules before it is written, and an existing sheet is
never replaced.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from .editor_schema import modeline
from .importer.ids import Ids
from .importer.write import write_if_it_builds
from ..problems import ContentError, display_path
from ..content.project import SHEET_FILE, sheet_folder
from ..site.settings import read_settings
from .translations import next_steps


TEMPLATE = """\
{modeline}
# Information sheet {number} {title_comment}.
# Replace every text below with the sheet's own words; delete the sections you do not need, or copy
# one to add another of the same type. Every `id` is lower-case words joined by hyphens, unique in
# this file: choose it once and never change it after the sheet is published (translations and
# saved self-check answers hang on it). Put a text in double quotes when it has ': ' or ' #' in it.
id: {id}
series: {series}
number: "{number}"
title: {title}
summary: Replace this with one sentence that says what the sheet is about (shown on the home page).
last_updated: {today}
# review_by: {next_year}   # when the sheet should be checked again (after it, readers are told)

sections:
  # text: an optional heading, then paragraphs.
  - type: text
    id: introduction
    paragraphs:
      - id: introduction-text
        text: Replace this with the sheet's opening paragraph.

  # list: a heading, an optional intro, then bulleted items.
  - type: list
    id: key-points
    heading: Key points
    intro:
      - id: key-points-intro
        text: "Replace this with a line that leads into the list:"
    items:
      - id: first-point
        text: Replace this with the first point.
      - id: second-point
        text: Replace this with the second point.

  # checklist: questions in groups (a group heading is optional); a question may have sub-items.
  # Every checklist becomes a self-check on the page: answers stay on the reader's device.
  - type: checklist
    id: checklist
    heading: A checklist
    groups:
      - id: first-group
        heading: The first group of questions
        items:
          - id: first-question
            text: Replace this with a question?
          - id: question-with-parts
            text: "Replace this with a question with parts:"
            items:
              - id: first-part
                text: Replace this with the first part
              - id: second-part
                text: Replace this with the second part

  # models: side-by-side models, each with a description and optional advantages and
  # disadvantages (a lead line, items and/or paragraphs).
  - type: models
    id: models
    heading: Models
    models:
      - id: first-model
        number: "1"
        title: Replace this with the first model's name
        description:
          - id: first-model-description
            text: Replace this with what the model is.
        advantages:
          lead: "Advantages of this are:"
          items:
            - id: first-model-advantage
              text: Replace this with an advantage.
        disadvantages:
          paragraphs:
            - id: first-model-disadvantage
              text: Replace this with a disadvantage.

  # levels: a numbered scale, each level with a title and paragraphs.
  - type: levels
    id: levels
    heading: Levels
    levels:
      - id: first-level
        number: "1"
        title: Replace this with the first level's name
        paragraphs:
          - id: first-level-text
            text: Replace this with what the first level means.
"""


def new_sheet_text(number: str, title: str, series: str, out_file: Path, content_dir: Path, today: date) -> str:
    sheet_id = Ids().make(title, "sheet")
    return TEMPLATE.format(modeline=modeline(out_file, content_dir, "sheet"), number=number, id=sheet_id,
                           series=series, title=json.dumps(title, ensure_ascii=False),
                           title_comment=" ".join(title.split()), today=today.isoformat(),
                           next_year=today.replace(year=today.year + 1, day=min(today.day, 28)).isoformat())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guidance new-sheet", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("number", help="the sheet's number, such as 3.4")
    parser.add_argument("title", help='the sheet\'s title, such as "Working with volunteers"')
    parser.add_argument("--series", required=True, help="the series id from content_src/site.yml")
    parser.add_argument("--out", type=Path, default=None, help="the folder of sheets (default: content_src/sheets; in a copy, its own sheets/)")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="the site's settings (default: mkdocs.yml)")
    args = parser.parse_args(argv)
    try:
        settings = read_settings(args.config_file.resolve())
    except ContentError as error:
        print(error, file=sys.stderr)
        return 2
    sheets_dir = (args.out or settings.sheets_folder).resolve()
    content_dir = sheets_dir.parent if (sheets_dir.parent / "site.yml").is_file() else settings.content_dir
    sheet_id = Ids().make(args.title, "sheet")
    out_file = sheets_dir / sheet_folder(args.number, sheet_id) / SHEET_FILE
    shown = display_path(out_file, Path.cwd())
    if out_file.exists():
        print(f"{shown}: already exists; nothing written", file=sys.stderr)
        return 1
    text = new_sheet_text(args.number, args.title, args.series, out_file, content_dir, date.today())
    if not write_if_it_builds(text, out_file, sheets_dir, content_dir, settings.publisher_file):
        return 1
    print(f"Wrote {shown}: replace its placeholder texts, then {next_steps(settings)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
