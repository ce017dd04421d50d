"""JSON Schemas of the content files, generated from the content model, for editors' tools.

Each content file names its schema in its first line (``# yaml-language-server: $schema=...``):
VS Code's YAML extension and other editors then complete keys and underline mistakes as you type.
The schemas are never written by hand: ``scripts/content schemas`` writes them from schema.py, and
a test holds the shipped files to the models.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import BaseModel

from ..content.schema import Publisher, Sheet, Site

SCHEMA_FOLDER = "schemas"
MODELINE = "# yaml-language-server: $schema="
MODELS: dict[str, type[BaseModel]] = {"sheet": Sheet, "site": Site, "publisher": Publisher}
TITLES = {
    "sheet": "A guidance sheet (content_src/sheets/<number>-<name>/sheet.yml)",
    "site": "What every sheet shares (content_src/site.yml)",
    "publisher": "A publisher profile: everything that names the local council (content_src/publishers/*.yml)",
}


def schema_text(kind: str) -> str:
    """The JSON Schema of one kind of content file, as shipped (stable order, ends in a newline)."""
    schema = MODELS[kind].model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": TITLES[kind]}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_path(content_dir: Path, kind: str) -> Path:
    return content_dir / SCHEMA_FOLDER / f"{kind}.schema.json"


def write_schemas(content_dir: Path) -> list[Path]:
    """Write every schema into ``content_dir/schemas/``; the paths written."""
    written = []
    for kind in MODELS:
        path = schema_path(content_dir, kind)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    return written


def modeline(content_file: Path, content_dir: Path, kind: str) -> str:
    """The first line of a content file: its schema, relative to the file so a copy still finds it."""
    relative = os.path.relpath(schema_path(content_dir, kind).resolve(), content_file.resolve().parent)
    return MODELINE + Path(relative).as_posix()
