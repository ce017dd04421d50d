"""What a translation catalogue must be before the build believes it.

A catalogue comes from a translator, a tool or a translation platform: input like any other.
Babel skips a line it cannot read and cuts a string whose closing quote is missing, and reads a
``msgstr`` with no ``msgid`` as part of the entry before it, so the file is checked line by line
first. Then: no entry twice, no entry for a text the content does not have, the plural rule the
language has, and the same placeholders and link targets as the English.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.plurals import get_plural
from babel.messages.pofile import PoFileError, PoFileParser

from .catalogue import DOMAIN, Entry, message_entry
from ..problems import Problem
from ..content.markdown import link_targets
from ..content.source import read_lines

MAX_BYTES = 10_000_000  # a catalogue grows with the content (200 sheets: about 4 MB)
_STRING = r'"(?:[^"\\]|\\.)*"'
_KEYWORD_LINE = re.compile(rf"^(msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])\s+{_STRING}\s*$")
_CONTINUATION = re.compile(rf"^{_STRING}\s*$")
# The order of an entry's keywords: each may follow the ones listed for it.
_FOLLOWS: dict[str, set[str | None]] = {  # a keyword line -> what may come before it (None: a new entry)
    "msgctxt": {None, "msgstr"},
    "msgid": {None, "msgctxt", "msgstr"},
    "msgid_plural": {"msgid"},
    "msgstr": {"msgid", "msgid_plural", "msgstr"},
}
_HEADER_PLURALS = re.compile(r'^"Plural-Forms:([^"\\]*)(?:\\n)?"\s*$', re.MULTILINE)
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%\([A-Za-z_]+\)[sd]|%[sd]")


def syntax_problems(lines: Iterable[str], shown_as: str) -> list[Problem]:
    """Lines that are not PO syntax, strings without their closing quote, keywords out of order."""
    problems = []
    previous: str | None = None
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
        if not line:
            previous = None if not obsolete else previous
            continue
        if line.startswith("#"):
            continue
        if match := _KEYWORD_LINE.match(line):
            keyword = re.sub(r"\[\d+\]$", "", match.group(1))
            if previous not in _FOLLOWS[keyword] and not (keyword == "msgstr" and previous == "msgstr"):
                expected = "a msgid" if keyword in ("msgstr", "msgid_plural") else "a new entry (after a blank line)"
                problems.append(Problem(shown_as, number, "", f"'{keyword}' here needs {expected} before it"))
            elif keyword == "msgstr" and previous == "msgstr" and not match.group(1).endswith("]"):
                problems.append(Problem(shown_as, number, "", "a second 'msgstr' in one entry (is a 'msgid' line missing?)"))
            previous = keyword
        elif _CONTINUATION.match(line) and previous is not None:
            continue
        else:
            problems.append(Problem(shown_as, number, "", f"not PO syntax: {_cut(line)} (a string must be in "
                                                          "double quotes, with \\\" for a quote inside it)"))
    return problems


class _Parser(PoFileParser):
    """Babel's reader, noting entries that appear twice. Each entry is checked as it is read
    (``entry_problems``); an entry of the content (one with a context: 20,000 at 200 sheets) is
    then kept as a compact Entry in ``content`` instead of one of Babel's Message objects, so that
    the catalogue holds only the interface's entries."""

    def __init__(self, catalog: Catalog, shown_as: str, content_keys: Collection[str]) -> None:
        super().__init__(catalog, abort_invalid=True)
        self.shown_as = shown_as
        self.content_keys = content_keys
        self.problems: list[Problem] = []
        self.seen: dict[tuple[str, str | None], int] = {}
        self.content: dict[str, Entry] = {}

    def _add_message(self) -> None:
        msgid = self.messages[0].denormalize() if self.messages else ""
        context = self.context.denormalize() if self.context else None
        line = self.offset + 1
        if not self.obsolete:
            if (msgid, context) in self.seen:
                where = f"msgctxt {context!r}, " if context else ""
                self.problems.append(Problem(self.shown_as, line, context or "",
                                             f"duplicate entry ({where}msgid {_cut(msgid)}; first at line "
                                             f"{self.seen[msgid, context]})"))
            else:
                self.seen[msgid, context] = line
        obsolete = self.obsolete
        super()._add_message()
        message = None if obsolete else self.catalog.get(msgid, context)
        if message is not None and message.id:
            self.problems += entry_problems([message], self.shown_as, self.content_keys)
            if message.context:
                self.content[message.context] = message_entry(message)
                self.catalog.delete(msgid, message.context)


@dataclass
class CheckedCatalogue:
    """A catalogue read and checked: Babel's catalogue of the interface's entries (None when it
    could not be read), the content's entries by key, the header's Plural-Forms, every problem."""

    catalog: Catalog | None
    content: dict[str, Entry] = field(default_factory=dict)
    plural_forms: str = ""
    problems: list[Problem] = field(default_factory=list)


def parse_catalogue(path: Path, shown_as: str, code: str, content_keys: Collection[str]) -> CheckedCatalogue:
    """The catalogue, its header's Plural-Forms, and every problem with its reading and its
    entries (see ``entry_problems``)."""
    lines = read_lines(path, shown_as, MAX_BYTES)
    if isinstance(lines, Problem):
        return CheckedCatalogue(None, problems=[lines])
    problems = syntax_problems(lines, shown_as)
    if problems:
        return CheckedCatalogue(None, problems=problems)
    # The plural rule first: Babel reads the plural forms of every entry by it.
    header = next(((number, found) for number, line in enumerate(lines, 1) if (found := _HEADER_PLURALS.search(line))), None)
    plural_forms = header[1].group(1).strip() if header else ""
    plural_line = header[0] if header else 1
    problems = plural_problems(plural_forms, code, shown_as, plural_line)
    if problems:
        return CheckedCatalogue(None, plural_forms=plural_forms, problems=problems)
    catalog = Catalog(locale=code, domain="guidance")
    parser = _Parser(catalog, shown_as, content_keys)
    try:
        parser.parse(lines)
    except PoFileError as error:
        reason = str(error).split(" on ")[0]
        if "num_plurals" in reason:
            reason = f"more plural forms (msgstr[n]) than the language has ({catalog.num_plurals})"
        return CheckedCatalogue(None, problems=[Problem(shown_as, error.lineno + 1, "", f"not PO syntax: {reason}")])
    return CheckedCatalogue(catalog, parser.content, plural_forms, parser.problems)


def plural_problems(plural_forms: str, code: str, shown_as: str, line: int) -> list[Problem]:
    """The header's plural rule must be the language's (Welsh has five forms in gettext): a wrong
    rule picks the wrong form of every count."""
    expected = get_plural(code)
    want = f"nplurals={expected.num_plurals}; plural={expected.plural_expr};"
    if not plural_forms:
        return [Problem(shown_as, line, "Plural-Forms", f"missing from the header (for '{code}' it is: {want})")]
    match = re.fullmatch(r"\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*", plural_forms)
    try:
        rule = gettext.c2py(match.group(2)) if match else None
    except (ValueError, SyntaxError, RecursionError):
        rule = None
    expected_rule = gettext.c2py(expected.plural_expr)  # compiled once: it was once per number compared
    same = match is not None and rule is not None and int(match.group(1)) == expected.num_plurals and all(
        rule(n) == expected_rule(n) for n in range(1000))
    if not same:
        return [Problem(shown_as, line, "Plural-Forms", f"{_cut(plural_forms)} is not the rule for '{code}' "
                                                        f"(expected: {want})")]
    return []


def entry_problems(catalog: Iterable[Message], shown_as: str, content_keys: Collection[str]) -> list[Problem]:
    """Entries for texts the content does not have, and translations whose placeholders or link
    targets differ from the English (a link that goes elsewhere, a count that is never shown)."""
    problems = []
    for message in catalog:
        if not message.id:
            continue
        line = message.lineno or 0
        if message.context and message.context not in content_keys:
            problems.append(Problem(shown_as, line, message.context,
                                    "no text in the content has this id (run `guidance translations extract`, "
                                    "which keeps it as an obsolete entry)"))
        if not message.fuzzy:
            problems += _same_parts(message, shown_as, line)
    return problems


def _same_parts(message: Message, shown_as: str, line: int) -> list[Problem]:
    english = [message.id] if isinstance(message.id, str) else list(message.id)
    translations = [message.string] if isinstance(message.string, str) else list(message.string or ())
    field = message.context or "msgstr"
    problems = []
    for translation in filter(None, translations):
        for what, parts in (("placeholders", _placeholders), ("link targets", link_targets)):
            want = set().union(*(parts(text) for text in english))
            got = parts(translation)
            # a plural form may leave out a placeholder its English singular has ("One question")
            wrong = got != want if len(english) == 1 else not got <= want
            if wrong:
                problems.append(Problem(shown_as, line, field, f"{what} differ from the English: "
                                                               f"{_listed(got)} instead of {_listed(want)}"))
    return problems


def _placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def _listed(items: set[str]) -> str:
    return ", ".join(sorted(map(repr, items))) or "none"


def _cut(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "...")


def check_catalogue(path: Path, shown_as: str, code: str, content_keys: Collection[str]) -> CheckedCatalogue:
    """The catalogue read once, and every problem in it (the build refuses it; the status report
    lists them). A language with no catalogue yet is not a problem: its pages are in English."""
    if not path.exists():
        return CheckedCatalogue(Catalog(locale=code, domain="guidance"))
    return parse_catalogue(path, shown_as, code, content_keys)
