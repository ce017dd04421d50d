"""The JSON Schemas editors' tools read are the content model's, and every content file names one."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import FIXTURES, ROOT
from guidance.tools.editor_schema import MODELINE, MODELS, schema_path, schema_text
from guidance.content.source import Document, load_document

CONTENT = ROOT / "content_src"
CONTENT_FILES = [(CONTENT / "site.yml", "site"), (CONTENT / "publishers" / "cavs.yml", "publisher"),
                 *((path, "sheet") for path in sorted((CONTENT / "sheets").glob("*/sheet.yml")))]


def load(path: Path):
    """The file's data as the build reads it (dates as text, as an editor's YAML 1.2 reader has them)."""
    document = load_document(path, path.name)
    assert isinstance(document, Document), document
    return document.data


def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_path(CONTENT, kind).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("kind", MODELS)
def test_the_shipped_schema_is_the_one_the_model_gives(kind):
    shipped = schema_path(CONTENT, kind).read_text(encoding="utf-8")
    assert shipped == schema_text(kind), f"run `scripts/content schemas`: {kind}.schema.json is out of date"


@pytest.mark.parametrize("path, kind", CONTENT_FILES, ids=lambda x: x.name if isinstance(x, Path) else x)
def test_every_content_file_names_its_schema_and_meets_it(path, kind):
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith(MODELINE)
    named = (path.parent / first_line.removeprefix(MODELINE)).resolve()
    assert named == schema_path(CONTENT, kind).resolve()
    assert [error.message for error in validator(kind).iter_errors(load(path))] == []


@pytest.mark.parametrize("name, where", [
    ("unknown-key.yml", "advantges"),
    ("wrong-type.yml", "42"),
    ("missing-field.yml", "summary"),
    ("empty-list.yml", "[]"),
    ("bad-date.yml", "30/06/2017"),
])
def test_the_schema_flags_what_the_build_refuses(name, where):
    errors = [error.message for error in validator("sheet").iter_errors(load(FIXTURES / "broken" / name))]
    assert any(where in message for message in errors), errors
