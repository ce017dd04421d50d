"""Read YAML content files, keeping the line of every key and item for error messages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .problems import Problem

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Document:
    """The parsed data of one YAML file, and where it came from."""

    data: Any
    file: str

    def line_of(self, loc: Loc, tagged: bool = True) -> int:
        """The 1-based line of the deepest part of ``loc`` that exists in the file.

        ``tagged`` locations come from pydantic, with union tags in them; plain ones have none.
        """
        node, line = self.data, 1
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
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    # Dates stay text here so that a bad one is reported by validation with its field and line.
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", lambda c, node: str(c.construct_scalar(node)))
    return yaml


def load_document(path: Path, shown_as: str) -> Document | Problem:
    """Parse one file; a file that is not valid YAML becomes a Problem at its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        return Problem(shown_as, 0, "", f"cannot be read ({error.strerror})")
    try:
        return Document(_yaml().load(text), shown_as)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        reason = " ".join(filter(None, [error.context, error.problem])).strip()
        if "duplicate key" in reason:
            reason = reason.replace("found duplicate key", "duplicate key")
        return Problem(shown_as, line, "", f"malformed YAML: {reason}")
    except YAMLError as error:
        return Problem(shown_as, 0, "", f"malformed YAML: {error}")
