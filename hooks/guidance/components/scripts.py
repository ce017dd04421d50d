"""How the components' scripts are served: as written, less what only a maintainer reads."""

from __future__ import annotations

import re

# A comment on lines of its own (block or line comment), and the indentation of every line.
_COMMENT_LINES = re.compile(r"^[ \t]*(?:/\*(?:[^*]|\*(?!/))*\*/|//[^\n]*)[ \t]*\n", re.M)
_INDENT = re.compile(r"^[ \t]+", re.M)


def served(source: str) -> str:
    """``source`` without comment lines and indentation: about a quarter fewer bytes gzipped for
    readers, no build tool, and the same program (no comment shares a line with code, and no
    string or template literal spans lines)."""
    return _INDENT.sub("", _COMMENT_LINES.sub("", source))
