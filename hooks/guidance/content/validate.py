"""Check parsed YAML against the content model and say, for each problem, where and what."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .patterns import expected
from ..problems import Problem
from .source import CONTROL, Document, Loc, _is_tag, field_path

M = TypeVar("M", bound=BaseModel)
QUOTE_LIMIT = 60  # characters of a wrong value repeated in a message


def validate_document(document: Document, model: type[M]) -> tuple[M | None, list[Problem]]:
    """The validated model, or None and every problem found in the document."""
    if controls := control_characters(document):
        return None, controls  # checked first: later messages would repeat the key or value
    problems = duplicate_ids(document)
    try:
        validated = model.model_validate(document.data)
    except ValidationError as error:
        details = error.errors()
        problems += [_problem(document, model, d) for d in details if not _echo(d, details)]
        return None, problems
    return (None if problems else validated), problems


def _echo(detail: ErrorDetails, details: list[ErrorDetails]) -> bool:
    """A list is 'too short' when its items failed: that echo hides the real problem."""
    loc = detail["loc"]
    return detail["type"] == "too_short" and any(
        len(other["loc"]) > len(loc) and other["loc"][: len(loc)] == loc for other in details
    )


def _problem(document: Document, model: type[BaseModel], detail: ErrorDetails) -> Problem:
    loc: Loc = detail["loc"]
    if detail["type"].startswith("union_tag"):
        loc = (*loc, "type")  # point at the section's type, not the whole section
    return Problem(
        document.file,
        document.line_of(loc),
        field_path(loc, document.data) or "(top level)",
        pydantic_message(detail, _fields_at(model, loc[:-1], document.data)),
    )


def pydantic_message(detail: ErrorDetails, known_fields: list[str]) -> str:
    kind, value = detail["type"], detail.get("input")
    ctx = detail.get("ctx") or {}
    if kind == "missing":
        return "required field missing"
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(str(detail["loc"][-1]), known_fields, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else f" (expected one of: {', '.join(known_fields)})"
        return f"unknown key{hint}"
    if kind == "too_short":
        return "must not be empty (expected at least one item)"
    if kind in ("string_type", "string_too_short"):
        return f"expected text, got {describe(value)}"
    if kind in ("tuple_type", "list_type"):
        return f"expected a list, got {describe(value)}"
    if kind == "model_type" or kind == "model_attributes_type":
        return f"expected a mapping of keys to values, got {describe(value)}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, got {describe(value)}"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = f"at least {ctx.get('ge')}" if kind == "greater_than_equal" else f"at most {ctx.get('le')}"
        return f"expected a number {bound}, got {describe(value)}"
    if kind.startswith("date"):
        return f"expected a date as YYYY-MM-DD, got {describe(value)}"
    if kind == "string_pattern_mismatch":
        return f"expected {expected(ctx.get('pattern', ''))}, got {describe(value)}"
    if kind == "union_tag_invalid":
        return f"unknown section type {describe(value.get('type') if isinstance(value, Mapping) else value)} (expected one of: {ctx.get('expected_tags')})"
    if kind == "union_tag_not_found":
        return "required field missing: 'type' (the kind of section)"
    if kind == "value_error":
        return str(ctx.get("error", detail["msg"]))
    if kind == "literal_error":
        return f"expected {ctx.get('expected')}, got {describe(value)}"
    return str(detail["msg"])


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    text = str(value)
    if len(text) > QUOTE_LIMIT or "\n" in text.strip():
        # a whole file read as one value (say, /etc/passwd as a profile) is not repeated into the log
        return f"a text of {len(text)} characters"
    return repr(text)


def _fields_at(model: type[BaseModel], loc: Loc, data: Any) -> list[str]:
    """The field names of the model that ``loc`` points at, for 'did you mean' hints."""
    node = data
    current: Any = model
    for index, part in enumerate(loc):
        if _is_tag(node, loc, index):
            current = _union_member(current, part)
            continue
        node = _child(node, part)
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if isinstance(current, type) and issubclass(current, BaseModel) else None
        current = _model_in(field.annotation) if field else None
        if isinstance(node, Mapping) and isinstance(current, tuple):
            current = _union_member(current, node.get("type"))
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _child(node: Any, part: str | int) -> Any:
    """``node[part]`` when the data has it, else None."""
    if isinstance(node, Mapping):
        return node.get(part)
    if isinstance(node, Sequence) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return None


def _model_in(annotation: Any) -> Any:
    """The model class inside ``X | None``, ``tuple[X, ...]`` or a union of models."""
    args = getattr(annotation, "__args__", ())
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if getattr(annotation, "__metadata__", None):
        return _model_in(annotation.__origin__)
    models = tuple(m for m in map(_model_in, args) if m is not None)
    flat = tuple(x for m in models for x in (m if isinstance(m, tuple) else (m,)))
    return flat[0] if len(flat) == 1 else (flat or None)


def _union_member(current: Any, tag: Any) -> Any:
    for member in current if isinstance(current, tuple) else ():
        literal = member.model_fields.get("type")
        if literal and tag in getattr(literal.annotation, "__args__", ()):
            return member
    return current


def duplicate_ids(document: Document) -> list[Problem]:
    """Ids must be unique within a file: saved answers and translations are keyed by them."""
    seen: dict[str, Loc] = {}
    problems = []
    for loc, value in ids_in(document.data, ()):
        if value in seen:
            first = seen[value]
            problems.append(Problem(
                document.file, document.line_of(loc, tagged=False), field_path(loc, document.data, tagged=False),
                f"duplicate id '{value}' (first used at line {document.line_of(first, tagged=False)}); ids must be unique",
            ))
        else:
            seen[value] = loc
    return problems


def ids_in(node: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(node, Mapping):
        for key, value in node.items():
            if key == "id" and isinstance(value, str):
                yield (*loc, key), value
            else:
                yield from ids_in(value, (*loc, key))
    elif isinstance(node, Sequence) and not isinstance(node, str):
        for index, value in enumerate(node):
            yield from ids_in(value, (*loc, index))


def control_characters(document: Document) -> list[Problem]:
    """Control characters in the parsed values and keys: the file's bytes have none (``read_text``),
    but YAML's escapes in double quotes (``"\\a"``, ``"\\x1b"``, ``"\\0"``) make them."""
    if document.text is not None and "\\" not in document.text:
        return []  # no escape in the file: its values hold only what its bytes do
    problems = []
    for loc, key, found in _controls_in(document.data, ()):
        escape = f"\\x{ord(found):02x}" if ord(found) <= 0xFF else f"\\u{ord(found):04x}"
        what = "a key with control character" if key else "control character"
        problems.append(Problem(
            document.file, document.line_of((*loc, key) if key else loc, tagged=False),
            field_path(loc, document.data, tagged=False) or "(top level)",
            f"{what} U+{ord(found):04X}, from an escape in double quotes such as {escape} (not allowed in text: delete it)",
        ))
    return problems


def _controls_in(node: Any, loc: Loc) -> Iterator[tuple[Loc, str, str]]:
    """(where, the key when it is a key that has one, the character) for each value or key with a
    control character."""
    if isinstance(node, str):
        if found := CONTROL.search(node):
            yield loc, "", found.group()
    elif isinstance(node, Mapping):
        for key, value in node.items():
            if isinstance(key, str) and (found := CONTROL.search(key)):
                yield loc, key, found.group()
            else:
                yield from _controls_in(value, (*loc, key))
    elif isinstance(node, Sequence):
        for index, value in enumerate(node):
            yield from _controls_in(value, (*loc, index))
