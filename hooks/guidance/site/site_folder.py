"""The built site's folder, kept from one build to the next under `mkdocs serve --dirty`
(``scripts/serve``): which file holds what, so that a rebuild writes only the files whose inputs
changed and removes the files no longer built.

Each file written is recorded with a key: a digest of everything it was made from (for a page the
theme renders: its content, title, table of contents, neighbours and alternates, the navigation,
the settings and its language's strings; see serving.plan_writes). A file is written again when
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

from ..memo import text_digest


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
        self._root = str(root)
        self._written: dict[str, str] = {}     # site path -> key of the file there
        self._listed = False                   # whether every file in the folder is in _written
        self._templates: dict[str, str] = {}   # template name -> digest, as the written pages had them
        self._pending: dict[str, str] = {}     # this build's writes, recorded once it finishes
        self._loaded: dict[str, str] = {}      # templates this build loaded
        self._writing = False
        self._compiled = CompiledTemplates()
        self._digests: dict[int, tuple[str | bytes, str]] = {}  # id of a text -> (the text, its digest)
        self._last_digests: dict[int, tuple[str | bytes, str]] = {}

    def begin(self) -> None:
        """Before a build writes anything: if the last one stopped part-way, trust nothing."""
        if self._writing:
            self._written.clear()
            self._templates.clear()
            self._listed = False
        self._writing = True
        self._pending, self._loaded = {}, {}
        self._last_digests, self._digests = self._digests, {}

    def digest_of(self, text: str | bytes) -> str:
        """``text_digest(text)``, made once for the very same text object: most pages' texts are
        kept from the last build (memo.py), so their digests are too."""
        found = self._digests.get(id(text)) or self._last_digests.get(id(text))
        if found is None or found[0] is not text:  # the text is held with its digest, so its id is not reused
            found = (text, text_digest(text))
        self._digests[id(text)] = found
        return found[1]

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
                  or not os.path.isfile(os.path.join(self._root, path))}
        self._pending.update((path, keys[path]) for path in chosen)
        return chosen

    def write(self, files: Mapping[str, str | bytes]) -> None:
        """Write each file (site path -> text or bytes) whose text differs from what is there."""
        for path, text in files.items():
            if self.to_write({path: self.digest_of(text)}):
                target = self.root / path
                target.parent.mkdir(parents=True, exist_ok=True)
                if isinstance(text, str):
                    target.write_text(text, encoding="utf-8")
                else:
                    target.write_bytes(text)

    def remove_others(self, kept: Iterable[str]) -> list[str]:
        """Delete every file not in ``kept`` (site paths) and the folders left empty: a page whose
        sheet was deleted or renamed is no longer served. Returns the paths deleted. The folder is
        read once; after that every file in it is one this record wrote."""
        keep = set(kept)
        if self._listed:
            removed = sorted(path for path in {*self._written, *self._pending} if path not in keep)
        else:
            removed = sorted(path for path in self._files() if path not in keep)
            self._listed = True
        for path in removed:
            target = os.path.join(self._root, path)
            if os.path.isfile(target):
                os.unlink(target)
            self._written.pop(path, None)
            self._pending.pop(path, None)
            folder = os.path.dirname(target)
            while folder != self._root and os.path.isdir(folder) and not os.listdir(folder):
                os.rmdir(folder)
                folder = os.path.dirname(folder)
        return removed

    def _files(self) -> Iterable[str]:
        for folder, _dirs, names in os.walk(self._root):
            within = os.path.relpath(folder, self._root).replace(os.sep, "/")
            yield from (name if within == "." else f"{within}/{name}" for name in names)

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
