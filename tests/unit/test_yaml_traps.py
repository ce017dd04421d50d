"""The YAML mistakes an editor meets are explained in plain English after YAML's own message."""

from __future__ import annotations

import pytest

from guidance.problems import Problem
from guidance.content.source import load_document

QUOTE_IT = 'put the whole text in double quotes, like this: text: "Your words here"'
INDENT = ("is indented differently from the lines around it: items of one list, and the keys of one item, "
          "must start in the same column, indented with spaces.")

TRAPS = [
    ("colon", "id: x\ntext: See the guidance note 'Working together: a short guide' for more\n",
     "x.yml:2: malformed YAML: mapping values are not allowed here. Line 2 has a colon followed by a space "
     f"(': ') inside a text, which YAML reads as the start of another key: {QUOTE_IT}."),
    ("colon in a list item", "items:\n  - id: a\n    text: Remember: quote me\n",
     "x.yml:3: malformed YAML: mapping values are not allowed here. Line 3 has a colon followed by a space "
     f"(': ') inside a text, which YAML reads as the start of another key: {QUOTE_IT}."),
    ("hash", "id: x\ntext: See item #3 for details\n",
     "x.yml:2: a text cut short: '#' after a space starts a comment in YAML, so the words from '#' on are left "
     f"out (only 'See item' is kept): {QUOTE_IT}"),
    ("hash first", "id: x\ntext: #1 priority for partners\n",
     "x.yml:2: a text cut short: '#' after a space starts a comment in YAML, so the words from '#' on are left "
     f"out (the value is left empty): {QUOTE_IT}"),
    ("tab", "items:\n  - id: a\n\t  text: hi\n",
     "x.yml:3: malformed YAML: while scanning for the next token found character '\\t' that cannot start any "
     "token. Line 3 has a tab character: YAML does not allow tabs for indenting, so replace it with spaces."),
    ("indent", "id: x\nsections:\n  - id: a\n   text: hi\n",
     "x.yml:4: malformed YAML: while parsing a block collection expected <block end>, but found "
     f"'<block mapping start>'. Line 4 {INDENT}"),
    ("indent of a key", "id: x\n  title: y\n",
     "x.yml:2: malformed YAML: mapping values are not allowed here. Line 2 is indented differently from the "
     "line above it: the keys of one item must start in the same column, indented with spaces."),
    ("unclosed quote", 'id: x\ntext: "Partnership working\nnext: y\n',
     "x.yml:4: malformed YAML: while scanning a quoted scalar found unexpected end of stream. The quote mark "
     "opened on line 2 is never closed: add the closing quote mark at the end of the text."),
    ("apostrophe in single quotes", "id: x\ntext: 'It's worth asking'\n",
     "x.yml:2: malformed YAML: while parsing a block mapping expected <block end>, but found '<scalar>'. The "
     "text on line 2 starts with a quote mark and goes on after the matching one (an apostrophe, as in it's, "
     "ends a text in single quotes): put the text in double quotes, and write any double quote mark inside "
     'it as \\".'),
    ("unclosed bracket", "id: x\nname: [unclosed\n",
     "x.yml:2: malformed YAML: while parsing a flow sequence expected ',' or ']', but got '<stream end>'. The "
     "'[' on line 2 starts a list in YAML, which a ']' must close, and it is still open at line 3; if it is "
     f"part of the text, {QUOTE_IT}."),
    ("unclosed brace", "id: x\nname: {unclosed\nnext: y\nlast: z\n",
     "x.yml:2: malformed YAML: while parsing a flow mapping expected ',' or '}', but got ':'. The '{' on line 2 "
     "starts a set of keys and values in YAML, which a '}' must close, and it is still open at line 3; if it is "
     f"part of the text, {QUOTE_IT}."),
    ("brace closed by a bracket", "id: x\nname: {a: b]\n",
     "x.yml:2: malformed YAML: while parsing a flow mapping expected ',' or '}', but got ']'. The '{' on line 2 "
     "starts a set of keys and values in YAML, which a '}' must close, and it is still open at line 2; if it is "
     f"part of the text, {QUOTE_IT}."),
    ("bracket at the start", "id: x\ntext: [Draft] A sheet\n",
     "x.yml:2: malformed YAML: while parsing a block mapping expected <block end>, but found '<scalar>'. A "
     f"text that begins with '[' is read by YAML as a list: {QUOTE_IT}."),
    ("brace at the start", "id: x\ntext: {Draft} A sheet\n",
     "x.yml:2: malformed YAML: while parsing a block mapping expected <block end>, but found '<scalar>'. A "
     f"text that begins with '{{' is read by YAML as a set of keys and values: {QUOTE_IT}."),
]


@pytest.mark.parametrize("name, text, expected", TRAPS, ids=[t[0] for t in TRAPS])
def test_each_trap_gets_a_plain_english_sentence_with_its_line(tmp_path, name, text, expected):
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    problem = load_document(path, "x.yml")
    assert isinstance(problem, Problem)
    assert str(problem) == expected


@pytest.mark.parametrize("text", [
    'id: x\ntext: "See the guidance note \'Working together: a short guide\'"\n',
    "id: x\ntext: \"See item #3 for details\"\n",
    "id: x\ntext: plain words # a comment, with a space after the hash\n",
    "id: x\nwebsite: https://www.example.org/#contact\n",
])
def test_the_quoted_and_the_commented_are_read_as_written(tmp_path, text):
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    assert not isinstance(load_document(path, "x.yml"), Problem)
