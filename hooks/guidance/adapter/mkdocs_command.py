"""The ``guidance`` command's way into MkDocs: ``guidance build`` and ``guidance serve`` run MkDocs
on a site folder, whose pages the event adapter (mkdocs_site.py, which MkDocs loads as a hook)
then makes with the core."""

from __future__ import annotations

from pathlib import Path

from ..problems import ContentError
from ..site import generator, serving
from .mkdocs_api import MkDocsException, build, load_config, serve


def run(command: str, config_file: Path, site_dir: Path | None = None, *, quiet: bool = False,
        dev_addr: str | None = None) -> int:
    """``guidance build`` (strict, clean) or ``guidance serve`` (--dirty) for a site folder, its
    mkdocs.yml completed with the shared configuration; 1 after an error, said once."""
    with serving.console("mkdocs", quiet, refused=(ContentError, MkDocsException)) as outcome:
        options = generator.completed(config_file)
        if command == "serve":
            serve(str(config_file), build_type="dirty", dev_addr=dev_addr, **options)
            return outcome.status
        config = load_config(str(config_file), **{**options, "site_dir": str(site_dir), "strict": True})
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    return outcome.status
