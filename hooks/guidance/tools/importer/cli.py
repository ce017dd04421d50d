"""``guidance import FILE [--series ID] [--number N] [--out content_src/sheets] [--force]``

Turn a sheet from a Word document (.docx), a PDF (.pdf) or plain text (.txt) into
content_src/sheets/<number>-<name>/sheet.yml, with every guess listed on screen and at the top
of the file. Nothing is written unless the result builds; an existing sheet is replaced only
with --force.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ...problems import ContentError, display_path
from ...site.settings import read_settings
from ...content.project import SHEET_FILE
from .blocks import Unreadable
from .read import read_document
from .furniture import load_known
from .structure import NotASheet, recognise
from .write import sheet_folder, sheet_yaml, write_if_it_builds
from ..translations import next_steps



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guidance import", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", type=Path, help="the sheet to import: .docx, .pdf or .txt")
    parser.add_argument("--series", help="the series id from content_src/site.yml (default: read from the sheet)")
    parser.add_argument("--number", help="the sheet's number, such as 3.3 (default: read from the sheet)")
    parser.add_argument("--out", type=Path, default=None,
                        help="the folder of sheets to write into (default: the content's sheets/; in a copy, its own sheets/)")
    parser.add_argument("--force", action="store_true", help="replace a sheet that is already there")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="the site's settings (default: mkdocs.yml)")
    args = parser.parse_args(argv)
    today = date.today()
    try:
        settings = read_settings(args.config_file.resolve())
    except ContentError as error:
        print(error, file=sys.stderr)
        return 2
    sheets_dir: Path = (args.out or settings.sheets_folder).resolve()
    content_dir = sheets_dir.parent if (sheets_dir.parent / "site.yml").is_file() else settings.content_dir
    name = args.file.name
    try:
        source = read_document(args.file)
        recognised = recognise(source, load_known(content_dir), args.series, args.number, today)
    except (Unreadable, NotASheet) as error:
        print(f"{args.file}: cannot import: {error}", file=sys.stderr)
        return 2

    data = recognised.data
    out_file = sheets_dir / sheet_folder(data) / SHEET_FILE
    shown = display_path(out_file, Path.cwd())
    counts = ", ".join(f"{n} {kind}" for kind, n in recognised.counts.items())
    print(f"{name}: {data['number']} {data['title']} (series {data['series']}), last updated "
          f"{data['last_updated'].isoformat()}; {len(data['sections'])} sections: {counts}")
    print(f"Check these {len(recognised.guesses)} guesses (they are also at the top of the file):")
    for guess in recognised.guesses:
        print(f"  {name}, {guess}")
    if out_file.exists() and not args.force:
        print(f"{shown}: already exists; nothing written (add --force to replace it)", file=sys.stderr)
        return 1
    text = sheet_yaml(recognised, name, out_file, content_dir, today)
    if not write_if_it_builds(text, out_file, sheets_dir, content_dir, settings.publisher_file):
        return 1
    print(f"Wrote {shown}")
    print(f"Next: check the guesses above in the file, then {next_steps(settings)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
