"""The content model: what a sheet, the site and a publisher profile may contain.

These frozen pydantic models are both the schema that validates the YAML and the model the
renderer reads. YAML keys are the field names. Fields typed ``Prose`` are translatable text, given
in English in the content files (Markdown inline syntax allowed: ``*italics*``, links).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, RootModel, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from ..language import SOURCE, TABLE, LocalText
from .patterns import COLOUR, EMAIL, ID, NUMBER, WEB_ADDRESS

Id = Annotated[str, ID.constraint()]
Prose = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), "translatable"]
Plain = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Number = Annotated[str, NUMBER.constraint()]


def _date_as_written(value: object) -> object:
    """Only ``YYYY-MM-DD`` is a date: a bare number (``0`` would be 1 January 1970) is not."""
    if isinstance(value, date) or (isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip())):
        return value
    raise PydanticCustomError("date_format", "expected a date as YYYY-MM-DD", {})


Day = Annotated[date, BeforeValidator(_date_as_written)]


class Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Item(Strict):
    """One sentence or paragraph with a stable id (a list item, a paragraph, a question)."""

    id: Id
    text: Prose


class Question(Item):
    """A checklist question: answered Yes, Partly, Not yet or Not applicable (``choice``), or in
    words (``written``, for a question such as "What are the partnership structures"). A choice
    question may have sub-items, each answered on its own."""

    kind: Literal["choice", "written"] = "choice"
    items: tuple[Item, ...] = ()
    see: tuple[Id, ...] = Field(default=(), description="The ids of the sheet's sections that help with this "
                                "question; the self-check links to them from the question, the summary and the action plan.")

    @model_validator(mode="after")
    def _written_has_no_items(self) -> Question:
        if self.kind == "written" and self.items:
            raise PydanticCustomError("written_items", "a written question cannot have sub-items (they are answered Yes, Partly, Not yet or Not applicable)")
        return self


class Group(Strict):
    id: Id
    heading: Prose | None = None
    items: tuple[Question, ...] = Field(min_length=1)


class Points(Strict):
    """Advantages or disadvantages: an optional lead-in, then a list and/or paragraphs."""

    lead: Prose | None = None
    items: tuple[Item, ...] = ()
    paragraphs: tuple[Item, ...] = ()


class Model(Strict):
    id: Id
    number: Number
    title: Prose
    description: tuple[Item, ...] = Field(min_length=1)
    advantages: Points | None = None
    disadvantages: Points | None = None


class Level(Strict):
    id: Id
    number: Number
    title: Prose
    paragraphs: tuple[Item, ...] = Field(min_length=1)


class SectionBase(Strict):
    id: Id
    heading: Prose | None = None
    intro: tuple[Item, ...] = ()


class TextSection(SectionBase):
    type: Literal["text"]
    paragraphs: tuple[Item, ...] = Field(min_length=1)


class ListSection(SectionBase):
    type: Literal["list"]
    items: tuple[Item, ...] = Field(min_length=1)


class ChecklistSection(SectionBase):
    """Questions in groups; the site turns every checklist into a self-check."""

    type: Literal["checklist"]
    groups: tuple[Group, ...] = Field(min_length=1)


class ModelsSection(SectionBase):
    type: Literal["models"]
    models: tuple[Model, ...] = Field(min_length=1)


class LevelsSection(SectionBase):
    type: Literal["levels"]
    levels: tuple[Level, ...] = Field(min_length=1)


Section = Annotated[
    Union[TextSection, ListSection, ChecklistSection, ModelsSection, LevelsSection],
    Field(discriminator="type"),
]


class Sheet(Strict):
    """One information sheet (content_src/sheets/<number>-<name>/sheet.yml)."""

    id: Id
    series: Id
    number: Number
    title: Prose
    summary: Prose
    last_updated: Day
    review_by: Day | None = Field(default=None, description="When the sheet should next be checked (YYYY-MM-DD); "
                                   "after this date its page tells readers a review is overdue.")
    sections: tuple[Section, ...] = Field(min_length=1)


class Series(Strict):
    id: Id
    number: Number
    title: Prose


class Producer(Strict):
    name: Plain
    phone: Plain
    website: Annotated[str, WEB_ADDRESS.constraint()]


class Disclaimer(Strict):
    heading: Prose
    text: Prose


class Site(Strict):
    """What every sheet shares (content_src/site.yml)."""

    producer: Producer
    produced_by: Prose
    further_information: Prose
    disclaimer: Disclaimer
    series: tuple[Series, ...] = Field(min_length=1)
    review_after_months: int | None = Field(default=None, ge=1, le=120, description=(
        "Sheets without their own review_by are due for review this many months after last_updated."))
    licence: Prose | None = Field(default=None, description=(
        "The copyright or licence line at the foot of every page (Markdown: a link may name the licence)."))


class Localised(RootModel[dict[str, Plain]]):
    """A profile text given by the publisher in each language it has (the source language,
    English, required), keyed by language code from the language table."""

    model_config = ConfigDict(frozen=True, json_schema_extra={
        "propertyNames": {"enum": list(TABLE)}, "required": [SOURCE.code]})

    @model_validator(mode="after")
    def _languages_known(self) -> Localised:
        unknown = [code for code in self.root if code not in TABLE]
        if unknown:
            raise ValueError(f"unknown language '{unknown[0]}' (expected one of: {', '.join(TABLE)})")
        if SOURCE.code not in self.root:
            raise ValueError(f"required: the text in '{SOURCE.code}' ({SOURCE.name}), the language the content is written in")
        return self

    def get(self, lang: str) -> LocalText:
        """The text in ``lang``, or in the source language, marked as such, when it has none."""
        if lang in self.root:
            return LocalText(self.root[lang], lang)
        return LocalText(self.root[SOURCE.code], SOURCE.code, "missing")


class Publisher(Strict):
    """Everything that names the local council: one file per council."""

    id: Id
    name: Localised
    strapline: Localised
    address: Localised
    charity_number: Plain
    phone: Plain
    fax: Plain | None = None
    email: Annotated[str, EMAIL.constraint()]
    website: Annotated[str, WEB_ADDRESS.constraint()]
    logo: Plain | None = None
    brand_colour: Annotated[str, COLOUR.constraint()] | None = None
