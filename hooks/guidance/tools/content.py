"""Command line for editors: ``guidance content status|schemas``.

status   every sheet with its review date (overdue ones marked), how many texts it has, and how
         much of it each other language shows; exits 1 when a sheet is overdue for review.
schemas  write the JSON Schemas of the content files (content_src/schemas/) from the content model.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ..languages.catalogue import coverage, load_translation, shown_share
from .editor_schema import write_schemas
from ..language import SOURCE
from ..languages.localise import messages
from ..problems import ContentError, display_path
from ..content.project import load_project
from ..content.review import is_overdue, review_date
from ..site.settings import Settings, read_settings


def status(settings: Settings, today: date) -> int:
    project = load_project(settings.content_dir, settings.publisher_file)
    others = [code for code in settings.options.languages if code != SOURCE.code]
    translations = {code: load_translation(code, settings.content_dir, settings.options.publish_drafts)
                    for code in others}
    header = f"{'sheet':30} {'last updated':12} {'review by':10} {'review':16} {'texts':>5}"
    print(header + "".join(f"  {code} shown/draft/outdated/missing" for code in others))
    overdue = 0
    for sheet in project.sheets:
        due = review_date(sheet, project.site)
        late = is_overdue(sheet, project.site, today)
        overdue += late
        state = "no date set" if due is None else (f"OVERDUE {(today - due).days} days" if late else f"due in {(due - today).days} days")
        found = list(messages(sheet, sheet.id))
        row = f"{(sheet.number + ' ' + sheet.id)[:30]:30} {sheet.last_updated.isoformat():12} {due.isoformat() if due else '-':10} {state:16} {len(found):5}"
        for code in others:
            counts = coverage(translations[code], found)
            row += f"  {code} {shown_share(counts, settings.options.publish_drafts):5.1f}% {counts['draft']:5} {counts['outdated']:8} {counts['missing']:7}"
        print(row)
    print(f"{len(project.sheets)} sheets, {overdue} overdue for review (today is {today.isoformat()})")
    return 1 if overdue else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guidance content", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["status", "schemas"])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(),
                        help="the date to check reviews against (YYYY-MM-DD; default: today)")
    args = parser.parse_args(argv)
    try:
        settings = read_settings(args.config_file.resolve())
        if args.command == "schemas":
            for path in write_schemas(settings.content_dir):
                print(f"wrote {display_path(path, Path.cwd())}")
            return 0
        return status(settings, args.today)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
