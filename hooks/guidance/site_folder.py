"""The built site's folder, kept from one build to the next under `mkdocs serve --dirty`
(``scripts/serve``): which file holds what, so that a rebuild writes only the files whose inputs
changed and removes the files no longer built.

Each file written is recorded with a key: a digest of everything it was made from (for a page the
theme renders: its content, title, table of contents, neighbours and alternates, the navigation,
the settings and its language's strings; see hooks/mkdocs_site.py). A file is written again when
its key differs from the recorded one, when it is missing, or when any theme template the recorded
pages were rendered with now reads differently. A build that began writing and did not finish
leaves nothing trusted: the next one writes everything again. Reloading the core starts with an
empty record too, so the first build after it writes every file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from jinja2 import BaseLoader, Environment
from jinja2.bccache import Bucket, BytecodeCache

from .memo import text_digest


class RecordingLoader(BaseLoader):
    """A theme's template loader that notes each template it loads (name -> digest of the file it
    came from and its text), so the next build can tell whether any of them changed."""

    def __init__(self, inner: BaseLoader, loaded: dict[str, str]) -> None:
        self.inner, self.loaded = inner, loaded

    def get_source(self, environment: Environment, template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        self.loaded[template] = text_digest(f"{filename}\0{source}")
        return source, filename, uptodate


class CompiledTemplates(BytecodeCache):
    """Each theme template compiled once for the life of the process: MkDocs makes a new Jinja
    environment for every build. Jinja keys each entry by the template's name and file and uses
    it only while the template's text has the same checksum."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := self._code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class SiteFolder:
    """What each file of one site folder holds, as keys; see the module's docstring."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._written: dict[str, str] = {}     # site path -> key of the file there
        self._templates: dict[str, str] = {}   # template name -> digest, as the written pages had them
        self._pending: dict[str, str] = {}     # this build's writes, recorded once it finishes
        self._loaded: dict[str, str] = {}      # templates this build loaded
        self._writing = False
        self._compiled = CompiledTemplates()

    def begin(self) -> None:
        """Before a build writes anything: if the last one stopped part-way, trust nothing."""
        if self._writing:
            self._written.clear()
            self._templates.clear()
        self._writing = True
        self._pending, self._loaded = {}, {}

    def templates_changed(self, environment: Environment, loader: BaseLoader) -> bool:
        """Whether a template the written pages were rendered with reads differently now (edited,
        or another file found first under its name). From here on, the environment notes what this
        build loads, and compiles a template only when its text is new to the process."""
        changed = False
        for name, was in self._templates.items():
            try:
                source, filename, _ = loader.get_source(environment, name)
                now = text_digest(f"{filename}\0{source}")
            except Exception:  # gone, or unreadable: the pages that used it must be rendered again
                now = ""
            changed = changed or now != was
            self._loaded[name] = now
        environment.loader = RecordingLoader(loader, self._loaded)
        environment.bytecode_cache = self._compiled
        return changed

    def to_write(self, keys: Mapping[str, str], *, everything: bool = False) -> set[str]:
        """Of these files (site path -> key), the ones to write in this build: what a file holds is
        what was last written to it, in this build (another step may write the same path: the last
        one wins, as in a clean build) or in the last one."""
        chosen = {path for path, key in keys.items()
                  if everything or self._pending.get(path, self._written.get(path)) != key
                  or not (self.root / path).is_file()}
        self._pending.update((path, keys[path]) for path in chosen)
        return chosen

    def write(self, files: Mapping[str, str | bytes]) -> None:
        """Write each file (site path -> text or bytes) whose text differs from what is there."""
        for path, text in files.items():
            if self.to_write({path: text_digest(text)}):
                target = self.root / path
                target.parent.mkdir(parents=True, exist_ok=True)
                if isinstance(text, str):
                    target.write_text(text, encoding="utf-8")
                else:
                    target.write_bytes(text)

    def remove_others(self, kept: Iterable[str]) -> list[str]:
        """Delete every file not in ``kept`` (site paths) and the folders left empty: a page whose
        sheet was deleted or renamed is no longer served. Returns the paths deleted."""
        keep = set(kept)
        root = str(self.root)
        removed = []
        for folder, _dirs, names in os.walk(root, topdown=False):
            within = folder[len(root) + 1:].replace(os.sep, "/")
            for name in names:
                path = f"{within}/{name}" if within else name
                if path not in keep:
                    os.unlink(os.path.join(folder, name))
                    self._written.pop(path, None)
                    removed.append(path)
            if within and not os.listdir(folder):
                os.rmdir(folder)
        return removed

    def finish(self) -> None:
        """The build wrote everything it meant to: its keys are now what the folder holds."""
        self._written.update(self._pending)
        self._templates.update(self._loaded)
        self._pending, self._loaded = {}, {}
        self._writing = False


_folders: dict[Path, SiteFolder] = {}


def site_folder(root: Path) -> SiteFolder:
    """The record of ``root``, kept for the life of the process (and of this module)."""
    return _folders.setdefault(root, SiteFolder(root))
