"""Walk the content model: list its translatable texts, or swap them for one language's.

Message keys come from the nearest id: ``partnership.additional-resources.text``. They are the
catalogue's keys, so both the extraction and the rendering take them from here, and only here.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel

from ..language import Language
from ..content.schema import Sheet, Site

SLUG = "slug"
DOCUMENTS = "docs"  # the scope of the hand-written pages' keys

M = TypeVar("M", bound=BaseModel)


def is_prose(field_info: Any) -> bool:
    """Fields typed ``Prose`` (or ``Prose | None``) carry the 'translatable' marker."""
    if "translatable" in field_info.metadata:
        return True
    return any("translatable" in getattr(arg, "__metadata__", ()) for arg in getattr(field_info.annotation, "__args__", ()))


@cache
def _fields(model: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """Each field's name and whether it is prose, worked out once per model class."""
    return tuple((name, is_prose(info)) for name, info in model.model_fields.items())


def messages(node: BaseModel, scope: str) -> Iterator[tuple[str, str]]:
    """Every (key, English text) in ``node``, in document order."""
    yield from _walk(node, scope)


def sheet_slug_key(sheet: Sheet) -> str:
    """The catalogue key of a sheet's slug in a language's URLs (its English is the sheet's id)."""
    return f"{sheet.id}.{SLUG}"


def series_slug_key(series_id: str) -> str:
    return f"site.{series_id}.{SLUG}"


def part_slug_key(sheet: Sheet, part_id: str) -> str:
    """The catalogue key of the slug of a page made for a part of a sheet (a self-check's
    comparison page: ``partnership.checklist.slug``)."""
    return f"{sheet.id}.{part_id}.{SLUG}"


def document_slug_key(path: str) -> str:
    """The catalogue key of a hand-written page's slug, by its path in ``docs/`` (``docs/privacy.slug``
    for ``docs/privacy.md``: a slash is in no id, so no content key can be the same)."""
    return f"{DOCUMENTS}/{path}.{SLUG}"


def slug_messages(site: Site, sheets: tuple[Sheet, ...]) -> list[tuple[str, str]]:
    """Every (key, English) slug of the content: each series and each sheet may have its own in a
    language."""
    return ([(series_slug_key(s.id), s.id) for s in site.series]
            + [(sheet_slug_key(sheet), sheet.id) for sheet in sheets])



def localise(node: M, scope: str, language: Language) -> M:
    """A copy of ``node`` whose translatable texts are ``language``'s (or English fallbacks).
    The content is written in English, so for English the model itself is the answer."""
    if language.lookup is None:
        return node
    return _copy(node, scope, language)


def _walk(node: BaseModel, prefix: str) -> Iterator[tuple[str, str]]:
    for name, prose in _fields(type(node)):
        value = getattr(node, name)
        key = f"{prefix}.{name}"
        if prose and value is not None:
            yield key, value
        elif isinstance(value, BaseModel):
            yield from _walk(value, _prefix(value, key, prefix))
        elif isinstance(value, tuple):
            for child in value:
                if isinstance(child, BaseModel):
                    yield from _walk(child, _prefix(child, key, prefix))


def _copy(node: M, prefix: str, language: Language) -> M:
    update: dict[str, Any] = {}
    for name, prose in _fields(type(node)):
        value = getattr(node, name)
        key = f"{prefix}.{name}"
        if prose and value is not None:
            update[name] = language.text(key, value)
        elif isinstance(value, BaseModel):
            update[name] = _copy(value, _prefix(value, key, prefix), language)
        elif isinstance(value, tuple) and any(isinstance(child, BaseModel) for child in value):
            update[name] = tuple(_copy(child, _prefix(child, key, prefix), language) for child in value)
    return node.model_copy(update=update)


def _prefix(child: BaseModel, key: str, prefix: str) -> str:
    """A child with an id starts a fresh key under the scope; one without extends the parent's."""
    child_id = getattr(child, "id", None)
    return f"{prefix.split('.', 1)[0]}.{child_id}" if child_id else key
