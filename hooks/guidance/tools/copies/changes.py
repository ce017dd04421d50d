"""What changed between two releases' content, per sheet and per language.

A snapshot holds, for each sheet, its English texts by message key (the catalogue's keys, from
``localise.messages``) grouped by section, its checklist questions, and each language's
translations by the same keys. Two snapshots compared give a ``SheetChange`` per sheet that is
new, removed or changed; the manifest keeps them as data and the update's report words them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from babel.messages.pofile import PoFileError

from ...languages.catalogue import catalogue_path, read_catalogue
from ...language import SOURCE, TABLE, N_
from ...languages.localise import messages
from ...problems import Problem
from ...content.project import SHEET_FILE
from ...content.schema import ChecklistSection, Sheet, Site
from ...content.source import load_document
from ...content.validate import validate_document

SITE_ID = "site"          # the shared texts of site.yml, reported beside the sheets
SITE_LABEL = N_("Texts every sheet shares (site.yml)")
Kind = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class Section:
    """A part of a sheet as the report names it: a section (its id, its heading or else its id),
    or the sheet's title and summary (id "")."""

    id: str
    name: str
    texts: dict[str, str]  # its English texts by message key


@dataclass(frozen=True)
class Texts:
    """One sheet's (or site.yml's) English texts and checklist questions, by message key."""

    id: str
    label: str                                        # "3.3 Partnership"
    order: tuple[int, ...]
    sections: tuple[Section, ...]
    questions: dict[str, str]                         # checklist questions and sub-items by key
    number: str = ""
    title: str = ""

    def all_texts(self) -> dict[str, str]:
        return {key: text for section in self.sections for key, text in section.texts.items()}


@dataclass(frozen=True)
class Snapshot:
    texts: dict[str, Texts]                     # by sheet id (and SITE_ID)
    translations: dict[str, dict[str, str]]     # language code -> translated text by key
    unreadable: tuple[str, ...] = ()            # files left out, with why


@dataclass(frozen=True)
class Reworded:
    before: str
    now: str


@dataclass(frozen=True)
class Translated:
    language: str   # a code of the language table
    added: int
    updated: int


@dataclass(frozen=True)
class SheetChange:
    id: str
    label: str
    kind: Kind
    texts_changed: int = 0
    sections: tuple[str, ...] = ()       # the names of the sections changed
    section_ids: tuple[str, ...] = ()    # their ids ("" for the sheet's title and summary)
    reworded: tuple[Reworded, ...] = ()
    translations: tuple[Translated, ...] = field(default=())
    number: str = ""
    title: str = ""

    def as_data(self) -> dict[str, Any]:
        return asdict(self)


def snapshot(content_dir: Path) -> Snapshot:
    """The texts of the content in ``content_dir`` (a release's ``content/`` folder)."""
    texts: dict[str, Texts] = {}
    unreadable: list[str] = []
    site_file = content_dir / "site.yml"
    site = _validated(site_file, Site, unreadable) if site_file.is_file() else None
    if site is not None:
        texts[SITE_ID] = Texts(SITE_ID, SITE_LABEL, (0,), (Section("", SITE_LABEL, dict(messages(site, SITE_ID))),), {})
    for path in sorted((content_dir / "sheets").glob(f"*/{SHEET_FILE}")):
        sheet = _validated(path, Sheet, unreadable)
        if sheet is not None:
            texts[sheet.id] = sheet_texts(sheet)
    return Snapshot(texts, _translations(content_dir, unreadable), tuple(unreadable))


def sheet_texts(sheet: Sheet) -> Texts:
    heading = [Section("", f"{sheet.number} {sheet.title}", {k: v for k, v in messages(sheet, sheet.id)
                                                              if k in (f"{sheet.id}.title", f"{sheet.id}.summary")})]
    sections = [Section(section.id, section.heading or section.id, dict(messages(section, f"{sheet.id}.{section.id}")))
                for section in sheet.sections]
    questions: dict[str, str] = {}
    for section in sheet.sections:
        if isinstance(section, ChecklistSection):
            for group in section.groups:
                for question in group.items:
                    questions[f"{sheet.id}.{question.id}.text"] = question.text
                    questions.update({f"{sheet.id}.{item.id}.text": item.text for item in question.items})
    order = tuple(int(n) for n in sheet.number.split("."))
    return Texts(sheet.id, f"{sheet.number} {sheet.title}", order, tuple(heading + sections), questions,
                 sheet.number, sheet.title)


def _validated(path: Path, model: type[Sheet] | type[Site], unreadable: list[str]) -> Any:
    shown_as = "/".join(path.parts[-3:])
    document = load_document(path, shown_as)
    if isinstance(document, Problem):
        unreadable.append(str(document))
        return None
    validated, problems = validate_document(document, model)
    unreadable.extend(map(str, problems[:1]))
    return validated


def _translations(content_dir: Path, unreadable: list[str]) -> dict[str, dict[str, str]]:
    """Each language's translated texts (current or draft; out-of-date ones are not counted)."""
    found: dict[str, dict[str, str]] = {}
    for code in TABLE:
        path = catalogue_path(content_dir, code)
        if code == SOURCE.code or not path.is_file():
            continue
        try:
            catalogue = read_catalogue(path, code)
        except (PoFileError, ValueError, UnicodeDecodeError, OSError) as error:
            unreadable.append(f"locale/{code}: {error}")
            continue
        found[code] = {m.context: str(m.string) for m in catalogue
                       if m.context and m.string and isinstance(m.string, str) and not m.fuzzy}
    return found


def compare(before: Snapshot, now: Snapshot) -> list[SheetChange]:
    """Every sheet added, removed or changed, in the order of their numbers."""
    changes = []
    for sheet_id in sorted(before.texts.keys() | now.texts.keys(), key=lambda i: _order(i, before, now)):
        old, new = before.texts.get(sheet_id), now.texts.get(sheet_id)
        if new is None and old is not None:
            changes.append(SheetChange(old.id, old.label, "removed", number=old.number, title=old.title))
            continue
        assert new is not None
        translated = _translated(sheet_id, before.translations, now.translations)
        if old is None:
            changes.append(SheetChange(new.id, new.label, "added", translations=translated, number=new.number,
                                       title=new.title))
            continue
        change = _changed(old, new, translated)
        if change.texts_changed or change.translations:
            changes.append(change)
    return changes


def _order(sheet_id: str, before: Snapshot, now: Snapshot) -> tuple[tuple[int, ...], str]:
    texts = now.texts.get(sheet_id) or before.texts[sheet_id]
    return texts.order, sheet_id


def _changed(old: Texts, new: Texts, translated: tuple[Translated, ...]) -> SheetChange:
    before, now = old.all_texts(), new.all_texts()
    changed_keys = {key for key in before.keys() | now.keys() if before.get(key) != now.get(key)}
    touched = [section for section in new.sections if changed_keys & section.texts.keys()]
    touched += [section for section in old.sections if changed_keys & section.texts.keys()
                and section.id not in {t.id for t in touched}]
    reworded = tuple(Reworded(old.questions[key], text) for key, text in new.questions.items()
                     if key in old.questions and old.questions[key] != text)
    return SheetChange(new.id, new.label, "changed", len(changed_keys), tuple(t.name for t in touched),
                       tuple(t.id for t in touched), reworded, translated, new.number, new.title)


def _translated(sheet_id: str, before: dict[str, dict[str, str]], now: dict[str, dict[str, str]]) -> tuple[Translated, ...]:
    found = []
    prefix = f"{sheet_id}."
    for code in sorted(now):
        new = {k: v for k, v in now[code].items() if k.startswith(prefix)}
        old = {k: v for k, v in before.get(code, {}).items() if k.startswith(prefix)}
        added = sum(1 for key in new if key not in old)
        updated = sum(1 for key in new if key in old and old[key] != new[key])
        if added or updated:
            found.append(Translated(code, added, updated))
    return tuple(found)
