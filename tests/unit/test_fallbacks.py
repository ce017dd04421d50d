"""Interface strings not yet translated, marked as English in a finished page (site/render.py)."""

from __future__ import annotations

from guidance.language import FALLBACK_END as END, FALLBACK_START as START
from guidance.site.render import mark_fallbacks


def test_a_fallback_in_text_is_a_span_and_in_a_data_attribute_is_named_on_its_element():
    html = (f'<p data-x-a="{START}Note{END}" data-x-b="Oui" title="{START}Hi{END}">{START}Note{END}</p>'
            f'<input data-x-c="{START}A{END}" data-x-d="{START}B{END}" />'
            f'<script src="s.js" data-sc-yes="{START}Yes{END}"></script><!-- {START}x{END} -->')
    assert mark_fallbacks(html) == (
        '<p data-x-a="Note" data-x-b="Oui" title="Hi" data-gd-english="data-x-a"><span lang="en">Note</span></p>'
        '<input data-x-c="A" data-x-d="B" data-gd-english="data-x-c data-x-d"/>'
        '<script src="s.js" data-sc-yes="Yes" data-gd-english="data-sc-yes"></script><!-- x -->')


def test_a_page_with_nothing_in_english_is_left_as_it_is():
    html = '<p data-x-a="Nodyn">Nodyn</p>'
    assert mark_fallbacks(html) is html
