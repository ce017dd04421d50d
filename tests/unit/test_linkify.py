"""Bare web and email addresses written in a sentence become links; unsafe schemes stay text."""

from __future__ import annotations

import pytest

from guidance.content.markdown import inline_markdown


@pytest.mark.parametrize("text, expected", [
    ("visit https://example.org/x for a template",
     'visit <a href="https://example.org/x">https://example.org/x</a> for a template'),
    ("see www.cavs.org.uk.", 'see <a href="https://www.cavs.org.uk">www.cavs.org.uk</a>.'),
    ("write to info@cavs.org.uk today", 'write to <a href="mailto:info@cavs.org.uk">info@cavs.org.uk</a> today'),
    ("an old address: http://example.org/a", 'an old address: <a href="http://example.org/a">http://example.org/a</a>'),
    ("*see* www.wcva.org.uk", '<em>see</em> <a href="https://www.wcva.org.uk">www.wcva.org.uk</a>'),
])
def test_a_bare_address_becomes_a_link(text, expected):
    assert str(inline_markdown(text)) == expected


@pytest.mark.parametrize("text", [
    "javascript:alert(1)",
    "open file:///etc/passwd now",
    "data:text/html,<b>hi</b>",
    "vbscript:msgbox(1)",
    "[click](javascript:alert(1))",
])
def test_unsafe_schemes_are_never_links(text):
    assert "<a " not in str(inline_markdown(text))


def test_words_with_full_stops_are_not_mistaken_for_addresses():
    text = "A key role i.e. discuss strategy, e.g. co-ordinates 50% of the work."
    assert str(inline_markdown(text)) == text
