"""Translation catalogues: gettext PO files, one per language, read and written with Babel.

Sheet and site texts are keyed by ``msgctxt`` = the stable message key from ``localise.py``
(``partnership.additional-resources.text``) with the English text as ``msgid``; interface strings
from the templates have no context. A translation is:

- current:  translated, reviewed by a qualified translator (no flag);
- draft:    translated, not yet reviewed (flag ``draft``);
- outdated: the English changed since it was translated (flag ``fuzzy``, or a msgid that no
            longer matches the English text);
- missing:  not translated.

Only current translations, and drafts where the site publishes drafts, are shown; anything else
falls back to English, marked as English.
"""

from __future__ import annotations

import base64
import gettext
import io
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING


from ..language import SOURCE, Language, LocalText, State
from .localise import SLUG
from ..memo import digest
from ..content.patterns import URL_SLUG
from ..problems import Problem, display_path

# Babel's catalogue classes and readers are imported where they are used: a build that finds its
# checked catalogue kept (site/build.py) does not load them.
if TYPE_CHECKING:
    from babel.messages.catalog import Catalog, Message

DOMAIN = "guidance"
COPYRIGHT = "WCVA and the county voluntary councils"
HEADER = """\
# Translations of the guidance sheets and the site's interface.
# Each sheet text has msgctxt = its stable key; interface strings have none.
# Flags: "draft" = translated, not yet reviewed by a qualified translator (remove the flag once
# reviewed); "fuzzy" = the English changed since this was translated (update, then remove the flag).
# Update with `guidance translations extract`; check with `guidance translations status`."""
DRAFT = "draft"
SLUG_HINT = "Part of the page's address in this language: lower-case words joined by hyphens (a redirect keeps the old address working)"
# N_ and N_plural mark interface strings kept in Python (a component's strings, components/*/*.py).
EXTRACT_KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "plural_forms": (1, 2),
                    "N_": None, "N_plural": (1, 2)}


def catalogue_path(content_dir: Path, code: str) -> Path:
    return content_dir / "locale" / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def template_path(content_dir: Path) -> Path:
    return content_dir / "locale" / f"{DOMAIN}.pot"


def read_catalogue(path: Path, code: str) -> Catalog:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    if not path.exists():
        return Catalog(locale=code, domain=DOMAIN)
    with path.open("rb") as handle:
        return read_po(handle, locale=code, domain=DOMAIN)


def write_catalogue(catalogue: Catalog, path: Path) -> None:
    from babel.messages.pofile import write_po

    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalogue, width=100, include_previous=True, omit_header=False)
    path.write_bytes(buffer.getvalue())


def interface_messages(template_dirs: Iterable[Path]) -> list[tuple[str | tuple[str, ...], str, int]]:
    """(msgid or (singular, plural), file, line) for every ``_()``/``gettext()``/``ngettext()`` in
    the templates and in the core's Python."""
    from babel.messages.extract import extract_from_dir

    found = []
    for directory in template_dirs:
        for filename, lineno, message, _comments, _context in extract_from_dir(
            str(directory), method_map=[("**.html", "jinja2.ext:babel_extract"), ("**.py", "python")],
            keywords=EXTRACT_KEYWORDS, options_map={"**.html": {"extensions": "jinja2.ext.i18n"}},
        ):
            found.append((message, f"{directory.name}/{filename}", lineno))
    return found


def build_template(content_messages: Iterable[tuple[str, str]], template_dirs: Iterable[Path]) -> Catalog:
    """The catalogue template: every English text the site shows, in the order it shows them."""
    from babel.messages.catalog import Catalog

    template = Catalog(domain=DOMAIN, project="Guidance sheets", fuzzy=False, header_comment=HEADER,
                       copyright_holder=COPYRIGHT)
    for key, english in content_messages:
        hint = [SLUG_HINT] if key.endswith(f".{SLUG}") else []
        template.add(str(english), context=key, auto_comments=[key, *hint])
    for message, path, line in interface_messages(template_dirs):
        existing = template.get(_msgid(message))
        if existing:
            existing.locations.append((path, line))
        else:
            template.add(message, locations=[(path, line)])
    return template


def update_catalogue(catalogue: Catalog, template: Catalog) -> Catalog:
    """The catalogue for the new template: unchanged texts keep their translation; a text whose
    English changed keeps its old translation marked ``fuzzy`` (out of date) with the previous
    English shown to the translator; texts no longer used become obsolete entries."""
    from babel.messages.catalog import Catalog, Message

    by_context = {m.context: m for m in catalogue if m.id and m.context}
    updated = Catalog(locale=catalogue.locale, domain=DOMAIN, project="Guidance sheets", fuzzy=False,
                      header_comment=HEADER, copyright_holder=COPYRIGHT,
                      last_translator=catalogue.last_translator, language_team=catalogue.language_team,
                      revision_date=catalogue.revision_date)
    used = set()
    for entry in template:
        if not entry.id:
            continue
        old = catalogue.get(entry.id, context=entry.context)
        if old is None and entry.context in by_context:
            previous = by_context[entry.context]
            old = Message(entry.id, previous.string, flags=set(previous.flags) | {"fuzzy"},
                          previous_id=previous.id, context=entry.context)
            used.add((_msgid(previous.id), previous.context))
        if old is not None:
            used.add((_msgid(old.id), old.context))
        empty = "" if isinstance(entry.id, str) else ("",) * catalogue.num_plurals
        updated[entry.id] = Message(
            entry.id, old.string if old else empty,
            locations=entry.locations, flags=set(old.flags) if old else set(), auto_comments=entry.auto_comments,
            previous_id=old.previous_id if old else (), context=entry.context,
        )
    for old in catalogue:
        key = (_msgid(old.id), old.context)
        if old.id and key not in used and old.string:
            updated.obsolete[key[0] if old.context is None else (key[0], old.context)] = old  # keyed as Babel keys them
    return updated


@dataclass(frozen=True, slots=True)  # thousands of them at 200 sheets: no __dict__ each
class Entry:
    """One translated message, as the build needs it (Babel's Message objects are not kept)."""

    english: str
    text: str
    fuzzy: bool
    draft: bool
    line: int


def _row(entry: Entry) -> list[str | bool | int]:
    return [entry.english, entry.text, entry.fuzzy, entry.draft, entry.line]


def _msgid(message_id: str | Sequence[str]) -> str:
    """A message's English: its id, or the singular of a plural message."""
    return message_id if isinstance(message_id, str) else message_id[0]


def message_entry(message: Message) -> Entry:
    english = _msgid(message.id)
    forms = message.string  # the translation, or each plural form's
    text = forms if isinstance(forms, str) else (forms[0] if forms and all(forms) else "")
    return Entry(english, text, message.fuzzy, DRAFT in message.flags, message.lineno or 0)


def entry_state(entry: Entry | None, english: str) -> State:
    """Missing, outdated (fuzzy, or translated from other English), draft or current."""
    if entry is None or not entry.text:
        return "missing"
    if entry.fuzzy or entry.english != english:
        return "outdated"
    return "draft" if entry.draft else "current"


@dataclass(frozen=True)
class Translation:
    """One language's catalogue, ready for lookups: sheet and site texts by key, interface strings
    by their English, and the interface as gettext translations for the templates."""

    code: str
    file: str
    content: dict[str, Entry]
    interface_entries: dict[str, Entry]
    interface: gettext.NullTranslations
    publish_drafts: bool = True
    # A key for the interface strings alone (what every page's chrome shows): an edit to a sheet's
    # translation leaves it as it was.
    interface_digest: str = ""
    interface_mo: bytes = b""  # ``interface`` as a compiled catalogue, for as_text

    def as_text(self) -> str:
        """Everything a build reads of this translation, as JSON (``translation_from_text``)."""
        return json.dumps({"code": self.code, "file": self.file, "publish_drafts": self.publish_drafts,
                           "interface_digest": self.interface_digest,
                           "interface_mo": base64.b64encode(self.interface_mo).decode("ascii"),
                           "content": [[key, *_row(entry)] for key, entry in self.content.items()],
                           "interface_entries": [_row(entry) for entry in self.interface_entries.values()]},
                          ensure_ascii=False, separators=(",", ":"))

    def state(self, key: str, english: str) -> tuple[State, str]:
        """How current the translation of ``key`` is, and the translated text."""
        entry = self.content.get(key)
        return entry_state(entry, english), entry.text if entry else ""

    def lookup(self, key: str, english: str) -> LocalText:
        state, text = self.state(key, english)
        if state == "current" or (state == "draft" and self.publish_drafts):
            return LocalText(text, self.code, state)
        return LocalText(english, SOURCE.code, state)

    def language(self) -> Language:
        return Language(self.code, ui=self.interface, lookup=self.lookup)

    @cached_property
    def scope_digests(self) -> dict[str, str]:
        """A key for each scope's entries (``site``, a sheet's id: a key's first part), which is
        all that a sheet's pages read of the catalogue besides the interface strings: an edit to
        one sheet's translation leaves the other sheets' keys as they were."""
        scopes: dict[str, list[tuple[str, str, str, bool, bool]]] = defaultdict(list)
        for key, entry in self.content.items():
            scopes[key.split(".", 1)[0]].append((key, entry.english, entry.text, entry.fuzzy, entry.draft))
        return {scope: digest(self.publish_drafts, sorted(entries)) for scope, entries in scopes.items()}


def _interface(catalogue: Catalog, code: str) -> Catalog:
    """Interface strings (no context) for templates: fuzzy ones are left out."""
    from babel.messages.catalog import Catalog

    subset = Catalog(locale=code, domain=DOMAIN, fuzzy=False)
    for message in catalogue:
        if message.id and not message.context and message.string and not message.fuzzy:
            subset[message.id] = message
    return subset


def _mo(subset: Catalog) -> bytes:
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, subset, use_fuzzy=False)
    return buffer.getvalue()


def _gettext(mo: bytes) -> gettext.GNUTranslations:
    return gettext.GNUTranslations(io.BytesIO(mo))


def load_translation(code: str, content_dir: Path, publish_drafts: bool = True) -> Translation:
    """Read a language's catalogue once and keep only what lookups need."""
    path = catalogue_path(content_dir, code)
    return translation_from(read_catalogue(path, code), code, display_path(path, content_dir.parent), publish_drafts)


def translation_from(catalogue: Catalog, code: str, file: str, publish_drafts: bool = True,
                     content: dict[str, Entry] | None = None) -> Translation:
    """Keep only what lookups need from a catalogue read (and checked) once; ``content``, the
    content's entries when the reader kept them apart (catalogue_rules.py)."""
    content, interface = dict(content or {}), {}
    for message in (m for m in catalogue if m.id):
        entry = message_entry(message)
        if message.context:
            content[message.context] = entry
        else:
            interface[entry.english] = entry
    subset = _interface(catalogue, code)
    mo = _mo(subset)
    return Translation(code, file, content, interface, _gettext(mo), publish_drafts,
                       interface_digest=digest(code, [(m.id, m.string) for m in subset if m.id]), interface_mo=mo)


def translation_from_text(text: str) -> Translation:
    """A translation from ``Translation.as_text``; ValueError, LookupError, TypeError or OSError (a
    compiled catalogue that is not one) when the text is not one."""
    data = json.loads(text)
    entries = {row[0]: Entry(*row[1:]) for row in data["content"]}
    interface = {row[0]: Entry(*row) for row in data["interface_entries"]}
    mo = base64.b64decode(data["interface_mo"], validate=True)
    return Translation(str(data["code"]), str(data["file"]), entries, interface, _gettext(mo), bool(data["publish_drafts"]),
                       interface_digest=str(data["interface_digest"]), interface_mo=mo)


def coverage(translation: Translation, messages: Iterable[tuple[str, str]]) -> Counter[State]:
    """Counts of current, draft, outdated and missing translations among ``messages``."""
    return Counter(translation.state(key, english)[0] for key, english in messages)


def shown_share(counts: Counter[State], publish_drafts: bool) -> float:
    """The percentage of texts a reader sees in the language: current translations, and drafts
    when they are published; 100 when there is nothing to translate."""
    total = sum(counts.values())
    shown = counts["current"] + (counts["draft"] if publish_drafts else 0)
    return 100 * shown / total if total else 100.0


def interface_coverage(translation: Translation, template_dirs: Iterable[Path]) -> Counter[State]:
    """Counts of current, draft, outdated and missing translations of the interface strings."""
    msgids = dict.fromkeys(_msgid(message) for message, _file, _line in interface_messages(template_dirs))
    return Counter(entry_state(translation.interface_entries.get(msgid), msgid) for msgid in msgids)


def slug_problems(translation: Translation, slugs: Iterable[tuple[str, str]], groups: Iterable[list[str]],
                  reserved: Callable[[str], str] = lambda slug: "") -> list[Problem]:
    """Translated slugs become URLs: each must be kebab-case and not a name the site keeps for
    itself (``reserved`` says why one is), and the slugs of ``groups`` (keys whose pages share a
    folder) must differ, or two pages would have one address."""
    problems = []
    shown: dict[str, str] = {}
    for key, english in slugs:
        text = translation.lookup(key, english)
        entry = translation.content.get(key)
        line = entry.line if entry is not None else 0
        if text.lang != translation.code:
            shown[key] = english
        elif not URL_SLUG.matches(text):
            problems.append(Problem(translation.file, line, key,
                                    f"expected {URL_SLUG.expected}, got {str(text)!r}"))
        elif str(text) != english and (reason := reserved(str(text))):  # the same as its English: the page's own name
            problems.append(Problem(translation.file, line, key, reason))
        else:
            shown[key] = str(text)
    for keys in groups:
        seen: dict[str, str] = {}
        for key in keys:
            value = shown.get(key)
            if value is None:
                continue
            if value in seen:
                entry = translation.content.get(key)
                problems.append(Problem(translation.file, entry.line if entry else 0, key,
                                        f"duplicate slug '{value}' (also used by {seen[value]}): two pages would share one address"))
            seen[value] = key
    return problems


def strict_problems(translation: Translation, messages: Iterable[tuple[str, str]]) -> list[Problem]:
    """Every missing or out-of-date translation, for the strict build."""
    problems = []
    for key, english in messages:
        state, _text = translation.state(key, english)
        if state in ("missing", "outdated"):
            entry = translation.content.get(key)
            line = entry.line if entry is not None else 0
            problems.append(Problem(translation.file, line, key, f"{state} {translation.code} translation (strict translations are on)"))
    return problems
