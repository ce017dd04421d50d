"""The site's own scripts and stylesheets as readers' browsers get them: minified by tdewolff/minify
(the Go minifiers Hugo uses; local names shortened, comments and white space dropped), and the
scripts every page runs joined into one file. The sources in the repository stay as written.

Each minified text is kept on disk (disk_cache.py) under the bytes it was made from, the
minifier's settings and the minifier's library itself: a build whose scripts and stylesheets did
not change does not load the minifier (a Go library: about 5.5 MiB of memory).

tdewolff-minify has no wheel for some computers (Apple Silicon Macs), where pyproject.toml and
requirements.lock do not ask for it: there each script and stylesheet is served as written (still
joined the same way), and ``UNMINIFIED_NOTE`` says so once (site/serving.started).
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from .disk_cache import installed, shared
from .memo import digest
from .problems import ContentError, Problem

SITE_SCRIPT = "assets/site.js"  # extra.guidance.scripts joined; main.html loads it just before Material's bundle

# Output no newer than the JavaScript the sources are written in (ES2020: ?., ??).
SETTINGS = {"js-version": 2020}
_WHERE = re.compile(r" on line (\d+) and column \d+")  # in tdewolff/minify's messages
_USE_STRICT = re.compile(r'^"use strict";$', re.M)
# Characters a script's data must not hold as they are: "<" and ">" could end or open the script's
# element or a comment in a page, "&" an entity, and U+2028, U+2029 end a line in older engines.
_DATA_ESCAPES = {ord(char): f"\\u{ord(char):04x}" for char in "<>&\u2028\u2029"}
_DATA_ARGUMENT = "__data__"  # the function's argument while minifying, which the data then replaces
UNMINIFIED_NOTE = ("On this computer the pages' scripts and stylesheets are served as written, not minified: the "
                   "minifier (tdewolff-minify) is not installed here, as it has no ready-made package for every "
                   "computer (Apple Silicon Macs). The pages work the same; their files are only larger. The "
                   "published site that GitHub Pages or GitLab Pages builds from your copy is minified.")


@cache
def minifier_installed() -> bool:
    """Whether the ``minify`` module (tdewolff-minify) can be found here, without importing it."""
    try:
        return importlib.util.find_spec("minify") is not None
    except ImportError:  # a finder that refuses it
        return False


@cache
def _minifier() -> Any:  # tdewolff-minify has no types
    import minify

    minify.config(SETTINGS)
    return minify


def _kept(kind: str, source: str, make: Callable[[], str]) -> str:
    """``make()``, kept on disk; ``source`` as it is where there is no minifier."""
    if not minifier_installed():
        return source
    return shared().get(digest("minified", kind, SETTINGS, installed("minify", "minify.so"), source), make)


def script(source: str, name: str) -> str:
    """``source`` (the script ``name``) minified; a syntax error is reported with its line."""
    def minified() -> str:
        minify = _minifier()
        try:
            return str(minify.string("application/javascript", source))
        except minify.MinifyError as error:
            message = str(error).splitlines()[0]  # then the line itself, and a caret under the column
            where = _WHERE.search(message)
            raise ContentError([Problem(name, int(where.group(1)) if where else 0, "",
                                        f"cannot minify this script: {_WHERE.sub('', message)}")]) from None

    return _kept("script", source, minified)


def data_literal(value: object) -> str:
    """``value`` as a JSON text a script holds as data, on one line: "<", ">", "&", U+2028 and
    U+2029 escaped (\\u003c ...), so that no text in it can leave the literal, whatever page or
    file the script is written in."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).translate(_DATA_ESCAPES)


def scripts_in_one_function(sources: Sequence[tuple[str, str]]) -> str:
    """Scripts (source, name) run one after the other inside one strict function, minified: the
    names one declares are the next one's to use and nobody else's (the minifier shortens them).
    Each script's own "use strict" line, there for when it runs alone, is left out (the line kept
    empty). A syntax error is reported with the line of the script it is in."""
    return _in_one_function(sources, "", "")


def scripts_given_data(sources: Sequence[tuple[str, str]], parameter: str, data: object) -> str:
    """Scripts in one function, as ``scripts_in_one_function``, that is called with ``data``, which
    the sources name ``parameter``. The data is written after minifying (the minifier would make its
    JSON a script's object: keys unquoted, escapes undone) as ``data_literal``, on the line before
    the file's last: the file ends "(", a new line, the JSON, a new line and ");"."""
    minified = _in_one_function(sources, parameter, _DATA_ARGUMENT).rstrip().removesuffix(";")
    call = f"({_DATA_ARGUMENT})"
    if not minified.endswith(call):
        raise ValueError(f"the minified script does not end with its call {call}: {minified[-80:]!r}")
    return f"{minified.removesuffix(call)}(\n{data_literal(data)}\n);\n"


def _in_one_function(sources: Sequence[tuple[str, str]], parameter: str, argument: str) -> str:
    opening, closing = f'(({parameter}) => {{"use strict";\n', f"\n}})({argument});\n"
    body = "\n".join(_USE_STRICT.sub("", source, count=1) for source, _ in sources)
    try:
        return script(opening + body + closing, "")
    except ContentError as error:
        line = error.problems[0].line - opening.count("\n")
        for source, name in sources:
            lines = source.count("\n") + 1
            if line <= lines:
                raise ContentError([Problem(name, max(line, 0), "", error.problems[0].message)]) from None
            line -= lines
        raise ContentError([Problem(sources[-1][1], 0, "", error.problems[0].message)]) from None


def stylesheet(source: str) -> str:
    return _kept("stylesheet", source, lambda: str(_minifier().string("text/css", source)))


def joined_script(paths: Iterable[Path]) -> str:
    """The scripts at ``paths``, each minified, in order, as one file. Each is still a program of its
    own: the semicolon between them keeps one's last expression from running into the next."""
    return ";\n".join(script(path.read_text(encoding="utf-8"), str(path)) for path in paths) + "\n"
