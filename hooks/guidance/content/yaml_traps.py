"""YAML's traps for people who are not developers, explained in plain English.

YAML's own messages ("mapping values are not allowed here") name the parser's state, not the
editor's mistake. ``explain`` adds one sentence that says what went wrong on the line, in the
editor's words, and what to do; ``hidden_comments`` finds a ``#`` that silently cut a text short.
"""

from __future__ import annotations

import re

QUOTE_IT = 'put the whole text in double quotes, like this: text: "Your words here"'
# What an opening bracket starts in YAML, in an editor's words, and the bracket that closes it.
BRACKETS = {"[": ("a list", "]"), "{": ("a set of keys and values", "}")}
_KEY_VALUE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:\s+(?P<value>.*)$")
# ``key: words #more`` (a plain value, then # straight after a space): YAML drops the rest as a comment.
_HIDDEN_COMMENT = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:[ \t]+(?:(?P<words>[^'\"\s#|>&*!%@`{\[][^\n#]*?)[ \t]+)?#(?=\S)",
                             re.MULTILINE)


def explain(reason: str, text: str, line: int, opened_on: int | None = None) -> str:
    """One plain-English sentence about YAML's error ``reason`` at ``line`` (1-based), or ''."""
    source = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    value = (match.group("value") if (match := _KEY_VALUE.match(source)) else "").strip()
    where = f"line {opened_on}" if opened_on else f"line {line}"
    if "'\\t'" in reason:
        return f"Line {line} has a tab character: YAML does not allow tabs for indenting, so replace it with spaces."
    if "mapping values are not allowed" in reason:
        if ": " in value or value.endswith(":"):
            return (f"Line {line} has a colon followed by a space (': ') inside a text, which YAML reads as the "
                    f"start of another key: {QUOTE_IT}.")
        return (f"Line {line} is indented differently from the line above it: the keys of one item must start "
                "in the same column, indented with spaces.")
    if "undefined alias" in reason or ("cannot start any token" in reason and value[:1] in "@`"):
        return f"A text that begins with '{value[:1] or '*'}' has a special meaning in YAML: {QUOTE_IT}."
    if "scanning a quoted scalar" in reason:
        return f"The quote mark opened on {where} is never closed: add the closing quote mark at the end of the text."
    if _unclosed_bracket(reason):
        bracket = "[" if "flow sequence" in reason else "{"
        starts, closer = BRACKETS[bracket]
        return (f"The '{bracket}' on {where} starts {starts} in YAML, which a '{closer}' must close, and it is "
                f"still open at line {line}; if it is part of the text, {QUOTE_IT}.")
    if "but found '<scalar>'" in reason and value[:1] in ("'", '"'):
        return (f"The text on line {line} starts with a quote mark and goes on after the matching one (an "
                "apostrophe, as in it's, ends a text in single quotes): put the text in double quotes, and "
                "write any double quote mark inside it as \\\".")
    if "but found '<scalar>'" in reason and value[:1] in BRACKETS:
        return f"A text that begins with '{value[:1]}' is read by YAML as {BRACKETS[value[:1]][0]}: {QUOTE_IT}."
    if "expected <block end>" in reason or "expected '-' indicator" in reason or "did not find expected key" in reason:
        return (f"Line {line} is indented differently from the lines around it: items of one list, and the keys "
                "of one item, must start in the same column, indented with spaces.")
    return ""


def first_line(reason: str, line: int, opened_on: int | None) -> int:
    """The line an editor should look at first: where an unclosed bracket was opened, since YAML
    notices it only lines later."""
    return opened_on if opened_on and _unclosed_bracket(reason) else line


def _unclosed_bracket(reason: str) -> bool:
    return "flow sequence" in reason or "flow mapping" in reason


def hidden_comments(text: str) -> list[tuple[int, str]]:
    """Lines where ``#`` after a space would silently cut a text short, with what to do."""
    found = []
    for match in _HIDDEN_COMMENT.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        cut = (match.group("words") or "").strip()
        kept = f"only '{cut}' is kept" if cut else "the value is left empty"
        found.append((line, f"'#' after a space starts a comment in YAML, so the words from '#' on are left out "
                            f"({kept}): {QUOTE_IT}"))
    return found
