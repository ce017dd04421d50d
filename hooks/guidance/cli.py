"""The ``guidance`` command (also ``python -m guidance``): one command, a subcommand for each job.

    guidance serve                    build the site and serve it at http://127.0.0.1:8000, rebuilding on change
    guidance build DIR [--offline]    build the complete site into DIR
    guidance pdf DIR                  build it with a ready-made PDF handout of every sheet (needs Chromium)
    guidance import FILE              turn a Word document, PDF or text file into a sheet
    guidance new-sheet NUMBER TITLE   start a new sheet
    guidance translations extract|status
    guidance content status|schemas
    guidance release | new-copy | update   a council's own copy, kept current from releases

Each reads the mkdocs.yml of the folder it runs in (``-f`` names another). The scripts in the
repository's ``scripts/`` folder run these same commands.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from .tools import content, handouts, new_sheet, translations
from .tools.copies.cli import add_commands, run as run_copies
from .tools.importer import cli as importer

CONFIG = "mkdocs.yml"
SITE = "site"
# The editors' and translators' commands, each with its own options (``guidance import --help``).
FORWARDED: dict[str, tuple[Callable[[list[str] | None], int], str]] = {
    "import": (importer.main, "turn a Word document (.docx), PDF or text file into a sheet"),
    "new-sheet": (new_sheet.main, "start a new sheet from the template"),
    "translations": (translations.main, "the translators' catalogues: extract, status"),
    "content": (content.main, "the content's review dates and coverage, and the editors' schemas"),
}


def build(config_file: Path, site_dir: Path, *, offline: bool = False, quiet: bool = False) -> int:
    """The complete site, every language, into ``site_dir``; ``offline``: a copy that opens from disk."""
    from .adapter import mkdocs_command  # MkDocs is loaded only by the commands that build

    if offline:
        os.environ["GUIDANCE_OFFLINE"] = "1"
    return mkdocs_command.run("build", config_file.resolve(), site_dir.resolve(), quiet=quiet)


def build_copy(copy: Path) -> str | None:
    """A council's copy built into its own site folder: None, or why it failed."""
    status = build(copy / CONFIG, copy / SITE, quiet=True)
    return None if status == 0 else f"the site in {copy} did not build (the messages above say why)"


def pdf(config_file: Path, site_dir: Path) -> int:
    """The site built, its sheet pages printed to PDF, and the site built again linking them."""
    if not Path(handouts.CHROMIUM).exists():
        print(f"{handouts.CHROMIUM} not found: `guidance pdf` prints with Debian's or Ubuntu's Chromium, on Linux "
              "only: install it first (apt-get install chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="handouts-") as work:
        draft, pdfs = Path(work) / "site", Path(work) / "pdf"
        if status := build(config_file, draft, quiet=True):
            return status
        pages = handouts.handout_pages(draft)
        addressed = all('class="gd-qr"' in (draft / path).read_text(encoding="utf-8") for path, _ in pages)
        written = handouts.print_handouts(draft, pages, pdfs)
        os.environ["GUIDANCE_HANDOUTS"] = str(pdfs)
        if status := build(config_file, site_dir, quiet=True):
            return status
        for made in written:
            print(f"{site_dir.name}/downloads/{made.name}  {round(made.stat().st_size / 1024)} KB")
    if not addressed:
        print("note: site_url is not set, so the PDFs carry no web address and no QR code "
              "(set site_url in mkdocs.yml, or GUIDANCE_SITE_URL)")
    return 0


def parser() -> argparse.ArgumentParser:
    command = argparse.ArgumentParser(prog="guidance", description=__doc__,
                                      formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = command.add_subparsers(dest="command", required=True, metavar="COMMAND")
    serve = commands.add_parser("serve", help="build and serve the site, rebuilding when a file changes")
    serve.add_argument("-a", "--dev-addr", metavar="IP:PORT", help="where to serve it (default: 127.0.0.1:8000)")
    building = commands.add_parser("build", help="build the complete site into DIR")
    building.add_argument("--offline", action="store_true", help="a copy that opens from disk (a zip, a memory stick)")
    building.add_argument("-q", "--quiet", action="store_true", help="say only what is wrong")
    printing = commands.add_parser("pdf", help="build the site with a PDF handout of every sheet")
    for sub in (building, printing):
        sub.add_argument("site_dir", type=Path, metavar="DIR")
    for sub in (serve, building, printing):
        sub.add_argument("-f", "--config-file", type=Path, default=Path(CONFIG), help="the site's settings (default: mkdocs.yml)")
    for name, (_, help_text) in FORWARDED.items():
        commands.add_parser(name, help=help_text, add_help=False)
    add_commands(commands, build_copy)
    return command


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in FORWARDED:
        return FORWARDED[argv[0]][0](argv[1:])
    args = parser().parse_args(argv)
    if args.command == "serve":
        from .adapter import mkdocs_command

        return mkdocs_command.run("serve", args.config_file.resolve(), dev_addr=args.dev_addr)
    if args.command == "build":
        return build(args.config_file, args.site_dir, offline=args.offline, quiet=args.quiet)
    if args.command == "pdf":
        return pdf(args.config_file, args.site_dir)
    return run_copies(args)
