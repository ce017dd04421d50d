"""The build's settings, read the same way by the MkDocs adapter and the command line."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from .render import TEMPLATES

DEFAULT_PUBLISHER = "content_src/publishers/cavs.yml"


@dataclass(frozen=True)
class Options:
    """``extra.guidance`` in mkdocs.yml (environment variables win, for one-off builds)."""

    languages: tuple[str, ...] = ("en",)
    publish_drafts: bool = True
    strict_translations: bool = False
    directory_urls: bool = True
    site_url: str = ""                # the site's address (MkDocs' site_url): printed with a QR code
    offline: bool = False             # a copy that opens from disk (GUIDANCE_OFFLINE=1)
    handouts: Path | None = None      # the PDFs scripts/pdf made, linked from their pages (GUIDANCE_HANDOUTS)
    stylesheets: tuple[Path, ...] = ()  # the components' stylesheets, joined into assets/site.css


@dataclass(frozen=True)
class Settings:
    content_dir: Path
    publisher_file: Path
    template_dirs: tuple[Path, ...]
    options: Options


def settings_from(extra: Mapping, root: Path, custom_dir: str | None = "overrides",
                  directory_urls: bool = True, environ: Mapping[str, str] = os.environ,
                  site_url: str = "") -> Settings:
    guidance = extra.get("guidance", {}) or {}
    content = environ.get("GUIDANCE_CONTENT") or guidance.get("content", "content_src")
    publisher = environ.get("GUIDANCE_PUBLISHER") or guidance.get("publisher", DEFAULT_PUBLISHER)
    strict = environ.get("GUIDANCE_STRICT_TRANSLATIONS")
    offline = environ.get("GUIDANCE_OFFLINE")
    handouts = environ.get("GUIDANCE_HANDOUTS") or guidance.get("handouts")
    return Settings(
        content_dir=root / content,
        publisher_file=root / publisher,
        template_dirs=(TEMPLATES.parent,) + ((root / custom_dir,) if custom_dir else ()),
        options=Options(
            languages=tuple(guidance.get("languages", ["en"])),
            publish_drafts=bool(guidance.get("publish_drafts", True)),
            strict_translations=strict == "1" if strict is not None else bool(guidance.get("strict_translations", False)),
            directory_urls=directory_urls,
            site_url=site_url,
            offline=offline in ("1", "true") if offline is not None else bool(guidance.get("offline", False)),
            handouts=root / handouts if handouts else None,
            stylesheets=tuple(root / (custom_dir or "") / name for name in guidance.get("stylesheets", [])),
        ),
    )


def read_settings(mkdocs_yml: Path) -> Settings:
    """Settings from mkdocs.yml, for commands that run outside a MkDocs build."""
    yaml = YAML(typ="safe", pure=True)
    yaml.constructor.add_constructor("!ENV", lambda constructor, node: None)  # MkDocs' own tag
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8")) or {}
    return settings_from(config.get("extra", {}) or {}, mkdocs_yml.parent,
                         (config.get("theme") or {}).get("custom_dir"), config.get("use_directory_urls", True))
