"""The site's own scripts and stylesheets as readers' browsers get them: minified by tdewolff/minify
(the Go minifiers Hugo uses; local names shortened, comments and white space dropped), and the
scripts every page runs joined into one file. The sources in the repository stay as written.

Each minified text is kept on disk (disk_cache.py) under the bytes it was made from, the
minifier's settings and the minifier's library itself: a build whose scripts and stylesheets did
not change does not load the minifier (a Go library: about 5.5 MiB of memory).
"""

from __future__ import annotations

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


@cache
def _minifier() -> Any:  # tdewolff-minify has no types
    import minify

    minify.config(SETTINGS)
    return minify


def _kept(kind: str, source: str, make: Callable[[], str]) -> str:
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


def scripts_in_one_function(sources: Sequence[tuple[str, str]]) -> str:
    """Scripts (source, name) run one after the other inside one strict function, minified: the
    names one declares are the next one's to use and nobody else's (the minifier shortens them).
    Each script's own "use strict" line, there for when it runs alone, is left out (the line kept
    empty). A syntax error is reported with the line of the script it is in."""
    opening, closing = '(() => {"use strict";\n', "\n})();\n"
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
