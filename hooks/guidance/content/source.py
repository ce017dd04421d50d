"""Read YAML content files, keeping the line of every key and item for error messages.

Files are read twice only when needed: libyaml (through PyYAML) reads them fast, with the same
YAML 1.2 meaning ruamel.yaml gives them; ruamel.yaml's round-trip loader, which knows every key's
line but is many times slower, reads a file again when a problem in it needs a line number, and
reads outright any file the fast reader leaves to it (duplicate keys, tags, unusual numbers).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml as pyyaml

from ..problems import Problem
from .yaml_traps import explain, first_line, hidden_comments

if TYPE_CHECKING:
    from ruamel.yaml import YAML

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Document:
    """The parsed data of one YAML file, and where it came from."""

    data: Any
    file: str
    text: str | None = None  # the file's text when ``data`` came from the fast reader (no lines)

    @cached_property
    def marked(self) -> Any:
        """The same data with the line of every key and item."""
        return self.data if self.text is None else _yaml().load(self.text)

    def line_of(self, loc: Loc, tagged: bool = True) -> int:
        """The 1-based line of the deepest part of ``loc`` that exists in the file.

        ``tagged`` locations come from pydantic, with union tags in them; plain ones have none.
        """
        node, line = self.marked, 1
        for index, part in enumerate(loc):
            if tagged and _is_tag(node, loc, index):
                continue
            if isinstance(node, Mapping) and part in node:
                line = node.lc.key(part)[0] + 1 if hasattr(node, "lc") else line
                node = node[part]
            elif isinstance(node, Sequence) and not isinstance(node, str) and isinstance(part, int) \
                    and 0 <= part < len(node):
                line = node.lc.item(part)[0] + 1 if hasattr(node, "lc") else line
                node = node[part]
            else:
                break
        return line


def field_path(loc: Loc, data: Any, tagged: bool = True) -> str:
    """``sections[3].items[1].text``, leaving out the union tags pydantic adds."""
    out, node = "", data
    for index, part in enumerate(loc):
        if tagged and _is_tag(node, loc, index):
            continue
        if isinstance(part, int):
            out += f"[{part}]"
            node = node[part] if isinstance(node, Sequence) and 0 <= part < len(node) else None
        else:
            out += f".{part}" if out else str(part)
            node = node.get(part) if isinstance(node, Mapping) else None
    return out


def _is_tag(node: Any, loc: Loc, index: int) -> bool:
    """Pydantic puts a union member's tag right after the list index: ('sections', 0, 'text')."""
    return index > 0 and isinstance(loc[index - 1], int) and isinstance(node, Mapping) \
        and node.get("type") == loc[index]


def _yaml() -> YAML:
    """ruamel.yaml's round-trip reader, imported only when a file needs it (a build of files with
    no problem does not: importing it takes about 13 ms and 1.3 MiB)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.composer import Composer, ComposerError
    from ruamel.yaml.events import AliasEvent

    class NoAliases(Composer):
        """ruamel.yaml's composer, refusing aliases (for files libyaml cannot read)."""

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.parser.check_event(AliasEvent):
                event = self.parser.peek_event()
                raise ComposerError(None, None, f"YAML alias '*{event.anchor}' is not allowed: write the value out in full",
                                    event.start_mark)
            return super().compose_node(parent, index)

    yaml = YAML(typ="rt")
    yaml.Composer = NoAliases
    yaml.max_depth = MAX_DEPTH
    yaml.allow_duplicate_keys = False
    # Dates stay text here so that a bad one is reported by validation with its field and line.
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", lambda c, node: str(c.construct_scalar(node)))
    return yaml


class _Unusual(Exception):
    """Something the fast reader leaves to ruamel.yaml."""


if TYPE_CHECKING:
    _LibYaml = pyyaml.CSafeLoader
else:  # libyaml's loader, when PyYAML was built with it
    _LibYaml = getattr(pyyaml, "CSafeLoader", pyyaml.SafeLoader)


class _FastLoader(_LibYaml):
    """libyaml, resolving plain scalars as ruamel.yaml does for YAML 1.2 (only true/false are
    booleans; dates stay text). Duplicate keys raise _Unusual; numbers other than plain decimals,
    merge keys and tags beyond the JSON-like seven have no constructor here, and raise a YAMLError."""

    yaml_implicit_resolvers: dict[Any, Any] = {}
    yaml_constructors = {tag: pyyaml.SafeLoader.yaml_constructors[tag] for tag in (
        *(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")), None)}

    def construct_mapping(self, node: pyyaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        keys = [key.value for key, _ in node.value if isinstance(key, pyyaml.ScalarNode)]
        if len(set(keys)) != len(keys):
            raise _Unusual("duplicate key")
        return super().construct_mapping(node, deep)


for _tag, _pattern, _first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    ("tag:yaml.org,2002:float", r"^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+$", "-+0123456789"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    _FastLoader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))
# Every other number form, << and =, as ruamel.yaml 0.19's YAML 1.2 resolvers have them (its
# ``implicit_resolvers``; tests/unit/test_fast_paths.py holds this copy to them), written out so
# that a build does not import ruamel.yaml.
UNUSUAL_PLAIN_SCALARS = [
    (r"""^(?:
         [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""", re.X, "-+0123456789."),
    (r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$""", re.X, "-+0123456789"),
    (r"^(?:<<)$", 0, "<"),
    (r"^(?:=)$", 0, "="),
]
for _pattern, _flags, _first in UNUSUAL_PLAIN_SCALARS:
    _FastLoader.add_implicit_resolver("!unusual", re.compile(_pattern, _flags), list(_first))


def _fast_load(text: str) -> Any:
    if "%YAML" in text:  # a version directive changes what plain scalars mean
        raise _Unusual("%YAML directive")
    return pyyaml.load(text, Loader=_FastLoader)


MAX_BYTES = 1_000_000  # far above any sheet (the seed's is 15 KB); a bigger file is a mistake or an attack
MAX_DEPTH = 40         # the content model nests 9 deep; libyaml would crash on 100,000
# Control characters other than tab and line ends (C0, DEL, C1): invisible, and never wanted in text.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def read_text(path: Path, shown_as: str, max_bytes: int = MAX_BYTES) -> str | Problem:
    """A file's text: UTF-8 (with or without a byte order mark), not too big, with no control
    characters. Anything else is a Problem naming the file (and the line, where there is one)."""
    data = _read_bytes(path, shown_as, max_bytes)
    return data if isinstance(data, Problem) else _decoded(data, shown_as)


@dataclass(frozen=True)
class Lines:
    """A file's text a line at a time, each with its "\\n" (not splitlines: U+2028 may sit inside
    a string), decoded as it is read: the whole text is never held."""

    data: bytes

    def __iter__(self) -> Iterator[str]:
        start = len(codecs.BOM_UTF8) if self.data.startswith(codecs.BOM_UTF8) else 0
        while (end := self.data.find(b"\n", start)) != -1:
            yield self.data[start:end + 1].decode("utf-8")
            start = end + 1
        yield self.data[start:].decode("utf-8")


def read_lines(path: Path, shown_as: str, max_bytes: int = MAX_BYTES) -> Lines | Problem:
    """A large file (a catalogue) checked as ``read_text`` checks it, to be read a line at a time:
    a 200-sheet catalogue is 5.7 MB of UTF-8 but 11.5 MB as one Python string (one Welsh letter
    makes every character two bytes), held on top of its bytes while it was decoded."""
    data = _read_bytes(path, shown_as, max_bytes)
    if isinstance(data, Problem):
        return data
    lines = Lines(data)
    try:
        clean = not any(CONTROL.search(line) for line in lines)
    except UnicodeDecodeError:
        clean = False
    found = None if clean else _decoded(data, shown_as)  # the whole text, only to word the problem
    return found if isinstance(found, Problem) else lines


def _read_bytes(path: Path, shown_as: str, max_bytes: int) -> bytes | Problem:
    try:
        if path.stat().st_size > max_bytes:
            return Problem(shown_as, 0, "", f"file too big ({path.stat().st_size:,} bytes; the limit is {max_bytes:,})")
        data = path.read_bytes()
    except OSError as error:
        return Problem(shown_as, 0, "", f"cannot be read ({error.strerror or error})")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Problem(shown_as, 0, "", "not UTF-8 text (it looks like UTF-16): save it as UTF-8")
    return data


def _decoded(data: bytes, shown_as: str) -> str | Problem:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - data.rfind(b"\n", 0, error.start)
        return Problem(shown_as, line, "", f"not UTF-8 text (byte 0x{data[error.start]:02x} at column {column}): "
                                           "save it as UTF-8")
    if found := CONTROL.search(text):
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - text.rfind("\n", 0, found.start())
        return Problem(shown_as, line, "", f"control character U+{ord(found.group()):04X} at column {column} "
                                           "(not allowed in text: delete it)")
    return text


def _event_line(event: pyyaml.Event) -> int:
    """The 1-based line a parser event starts on (0 when libyaml gives no position)."""
    return event.start_mark.line + 1 if event.start_mark else 0


def _shape_problem(text: str, shown_as: str) -> Problem | None:
    """Aliases (``*name``) are refused: content has no use for them, and a few lines of them can
    expand to millions of items. Nesting deeper than any content is refused before libyaml builds it."""
    depth = 0
    try:
        for event in pyyaml.parse(text, Loader=_FastLoader):
            if isinstance(event, (pyyaml.MappingStartEvent, pyyaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return Problem(shown_as, _event_line(event), "",
                                   f"nested more than {MAX_DEPTH} levels deep (no content needs that)")
            elif isinstance(event, (pyyaml.MappingEndEvent, pyyaml.SequenceEndEvent)):
                depth -= 1
            elif isinstance(event, pyyaml.AliasEvent):
                return Problem(shown_as, _event_line(event), "",
                               f"YAML alias '*{event.anchor}' is not allowed: write the value out in full")
    except pyyaml.YAMLError:
        return None  # not YAML libyaml reads: ruamel.yaml words the problem
    return None


def load_document(path: Path, shown_as: str) -> Document | Problem:
    """Parse one file; a file that is not valid YAML becomes a Problem at its line."""
    text = read_text(path, shown_as)
    if isinstance(text, Problem):
        return text
    if problem := _shape_problem(text, shown_as):
        return problem
    for line, trap in hidden_comments(text)[:1]:
        return Problem(shown_as, line, "", f"a text cut short: {trap}")
    try:
        return Document(_fast_load(text), shown_as, text)
    except (pyyaml.YAMLError, _Unusual):
        pass  # ruamel.yaml reads it, and words any problem with its line
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        return Document(_yaml().load(text), shown_as)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        reason = " ".join(filter(None, [error.context, error.problem])).strip()
        if "duplicate key" in reason:
            reason = reason.replace("found duplicate key", "duplicate key")
        opened_on = error.context_mark.line + 1 if error.context_mark else None
        plain = explain(reason, text, line, opened_on)  # the editor's mistake, in plain English
        return Problem(shown_as, first_line(reason, line, opened_on), "",
                       f"malformed YAML: {reason}" + (f". {plain}" if plain else ""))
    except YAMLError as error:
        return Problem(shown_as, 0, "", f"malformed YAML: {error}")
