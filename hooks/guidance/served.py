"""The site's own scripts and stylesheets as readers' browsers get them: minified by tdewolff/minify
(the Go minifiers Hugo uses; local names shortened, comments and white space dropped), and the
scripts every page runs joined into one file. The sources in the repository stay as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import minify

from .problems import ContentError, Problem

SITE_SCRIPT = "assets/site.js"  # extra.guidance.scripts joined; main.html loads it just before Material's bundle

# Output no newer than the JavaScript the sources are written in (ES2020: ?., ??).
minify.config({"js-version": 2020})
_WHERE = re.compile(r" on line (\d+) and column \d+")  # in tdewolff/minify's messages


def script(source: str, name: str) -> str:
    """``source`` (the script ``name``) minified; a syntax error is reported with its line."""
    try:
        return str(minify.string("application/javascript", source))
    except minify.MinifyError as error:
        message = str(error).splitlines()[0]  # then the line itself, and a caret under the column
        where = _WHERE.search(message)
        raise ContentError([Problem(name, int(where.group(1)) if where else 0, "",
                                    f"cannot minify this script: {_WHERE.sub('', message)}")]) from None


def stylesheet(source: str) -> str:
    return str(minify.string("text/css", source))


def joined_script(paths: Iterable[Path]) -> str:
    """The scripts at ``paths``, each minified, in order, as one file. Each is still a program of its
    own: the semicolon between them keeps one's last expression from running into the next."""
    return ";\n".join(script(path.read_text(encoding="utf-8"), str(path)) for path in paths) + "\n"
