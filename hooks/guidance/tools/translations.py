"""Command line for translators: ``guidance translations extract|status``.

extract  write the catalogue template (locale/guidance.pot) from the content and the templates,
         and update each language's catalogue: new texts added, changed English marked out of date
         (fuzzy, with the previous English), removed texts kept as obsolete entries.
status   print, per sheet and language, how much is translated, draft, out of date and missing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import get_args

from ..site.build import checked_translation, document_paths, project_messages
from ..languages.catalogue import (build_template, catalogue_path, coverage, interface_coverage, shown_share,
                        read_catalogue, template_path, update_catalogue, write_catalogue)
from ..language import SOURCE, State
from ..languages.localise import messages
from ..problems import ContentError
from ..content.project import load_project
from ..content.schema import Publisher
from ..site.settings import Settings, read_settings

STATES: tuple[State, ...] = get_args(State)  # current, draft, outdated, missing


# In a council's copy, where ``extract`` does not run.
OWN_SHEETS_UNTRANSLATED = ("In a copy, your own sheets are shown in English on the pages in other languages, "
                           "marked as such; there is nothing to run for them.")


def next_steps(settings: Settings) -> str:
    """What to run once a sheet is written, where the command runs: in a copy, extract refuses."""
    if settings.options.release is None:
        return ("run `guidance translations extract` (the translators' catalogues learn its texts), "
                "then `guidance serve` to see the page.")
    return f"run `guidance serve` to see the page. {OWN_SHEETS_UNTRANSLATED}"


def extract(settings: Settings) -> int:
    if settings.options.release is not None:  # a council's copy: its catalogues are the publisher's
        print(f"{settings.options.release.name}/: the catalogues of a copy come with its release, which "
              "`guidance update` replaces and nothing else writes: their translations are the publisher's. "
              + OWN_SHEETS_UNTRANSLATED, file=sys.stderr)
        return 2
    project = load_project(settings.content_dir, settings.publisher_file)
    template = build_template(project_messages(project, document_paths(settings.options.docs_dir)), settings.template_dirs)
    write_catalogue(template, template_path(settings.content_dir))
    for code in settings.options.languages:
        if code == SOURCE.code:
            continue
        path = catalogue_path(settings.content_dir, code)
        updated = update_catalogue(read_catalogue(path, code), template)
        write_catalogue(updated, path)
        out_of_date = sum(1 for m in updated if m.id and m.fuzzy)
        print(f"{path}: {len(updated)} messages, {out_of_date} out of date")
    return 0


def status(settings: Settings) -> int:
    """A table of translation coverage; exit 1 when anything is missing or out of date."""
    project = load_project(settings.content_dir, settings.publisher_file)
    scopes = [("site", list(messages(project.site, "site")))]
    scopes += [(f"{sheet.number} {sheet.id}", list(messages(sheet, sheet.id))) for sheet in project.sheets]
    print(f"{'language':8} {'part':28} {'texts':>5} {'current':>7} {'draft':>5} {'outdated':>8} {'missing':>7} {'shown':>6}")
    gaps = 0
    keys = {key for key, _english in project_messages(project, document_paths(settings.options.docs_dir))}
    problems = []
    for code in settings.options.languages:
        if code == SOURCE.code:
            continue
        translation, found = checked_translation(code, settings.content_dir, keys, settings.options.publish_drafts)
        problems += found
        rows = [(name, coverage(translation, found)) for name, found in scopes]
        rows.append(("interface (templates)", interface_coverage(translation, settings.template_dirs)))
        profile = project.publisher
        rows.append((f"publisher profile ({profile.id})", _profile_coverage(profile, code)))
        for name, counts in rows:
            total = sum(counts.values())
            print(f"{code:8} {name:28} {total:5} " + " ".join(f"{counts[s]:{max(5, len(s))}}" for s in STATES)
                  + f" {shown_share(counts, settings.options.publish_drafts):5.1f}%")
            gaps += counts["outdated"] + counts["missing"]
    if problems:  # the same problems the build refuses
        print(ContentError(problems))
    return 1 if gaps or problems else 0


def _profile_coverage(profile: Publisher, code: str) -> Counter[State]:
    states: list[State] = ["current" if code in field.root else "missing"
                           for field in (profile.name, profile.strapline, profile.address)]
    return Counter(states)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guidance translations", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["extract", "status"])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path)
    args = parser.parse_args(argv)
    try:
        settings = read_settings(args.config_file.resolve())
        return {"extract": extract, "status": status}[args.command](settings)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
