"""The build's fast paths give exactly what the slow, general code gives.

Reading YAML with libyaml, and writing plain texts without a Markdown parse, are there for speed
only (see benchmark/README.md): these tests hold them to the results of ruamel.yaml and
markdown-it on every content file and text we have, and on generated cases.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from guidance.problems import Problem
from guidance.content.markdown import _full_pretest, _markdown, inline_markdown, is_plain
from guidance.site.search import index_text
from guidance.content.source import UNUSUAL_PLAIN_SCALARS, _fast_load, _yaml, load_document

YAML_FILES = sorted([*(ROOT / "content_src").rglob("*.yml"), *FIXTURES.rglob("*.yml")])


def strings(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for value in data.values() for s in strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in strings(value)]
    return []


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_fast_reader_gives_the_data_ruamel_gives(path):
    text = path.read_text(encoding="utf-8")
    try:
        fast = _fast_load(text)
    except Exception:  # left to ruamel.yaml, which reports the problem
        assert isinstance(load_document(path, path.name), Problem)
        return
    assert fast == _yaml().load(text)


@pytest.mark.parametrize("text, expected", [
    ("a: yes\nb: no\nc: on\nd: true\ne: 2017-06-30\nf: '3.3'\ng: 3\nh:\n",
     {"a": "yes", "b": "no", "c": "on", "d": True, "e": "2017-06-30", "f": "3.3", "g": 3, "h": None}),
])
def test_fast_reader_reads_yaml_1_2_like_ruamel(text, expected):
    assert _fast_load(text) == _yaml().load(text) == expected


@pytest.mark.parametrize("text", ["a: 1\na: 2\n", "a: 0o17\n", "a: 1_000\n", "a: !!set {x}\n", "<<: {a: 1}\n"])
def test_what_the_fast_reader_cannot_match_is_read_by_ruamel(tmp_path, text):
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(Exception):
        _fast_load(text)
    document = load_document(path, "x.yml")
    if "a: 1\na: 2" in text:
        assert document == Problem("x.yml", 2, "", 'malformed YAML: while constructing a mapping duplicate key "a" with value "2" (original value: "1")')
    else:
        assert document.data == _yaml().load(text)


def test_the_unusual_plain_scalars_are_ruamels_own():
    """The fast reader's copy of ruamel.yaml's YAML 1.2 number, merge and value resolvers (copied so
    that a build need not import ruamel.yaml) is what the installed ruamel.yaml has."""
    from ruamel.yaml.resolver import implicit_resolvers

    theirs = sorted((regexp.pattern, regexp.flags, "".join(first)) for versions, tag, regexp, first in implicit_resolvers
                    if (1, 2) in versions and tag.endswith((":int", ":float", ":merge", ":value")))
    ours = sorted((re.compile(pattern, flags).pattern, re.compile(pattern, flags).flags, first)
                  for pattern, flags, first in UNUSUAL_PLAIN_SCALARS)
    assert ours == theirs


def test_a_build_of_content_without_problems_does_not_import_ruamel():
    """ruamel.yaml is loaded only for a file the fast reader leaves to it, or to word a problem."""
    code = ("import sys; sys.path.insert(0, 'hooks'); from pathlib import Path; "
            "from guidance.content.project import load_project; "
            "load_project(Path('content_src'), Path('content_src/publishers/cavs.yml')); "
            "print(sorted(m for m in sys.modules if m.startswith('ruamel')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_line_number_comes_from_the_file_even_when_read_fast(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("a: 1\nb:\n  - x\n  - y\n", encoding="utf-8")
    document = load_document(path, "x.yml")
    assert document.line_of(("b", 1), tagged=False) == 4


def test_plain_texts_render_as_markdown_it_renders_them():
    documents = [load_document(path, path.name) for path in YAML_FILES]
    texts = [s for document in documents if not isinstance(document, Problem) for s in strings(document.data)]
    rng = random.Random(6)
    pool = [chr(c) for c in [*range(1, 0x250), *range(0x2000, 0x2070), 0x3000, 0xFEFF, 0x1F600]]
    texts += ["".join(rng.choice(pool) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    plain = [t for t in texts if is_plain(t)]
    assert len(plain) > 10000
    assert [str(inline_markdown(t)) for t in texts] == [_markdown.renderInline(t) for t in texts]


def test_the_address_pretest_skips_only_texts_linkify_it_would_not_look_at():
    """render.py runs linkify-it's pretest only on texts that could hold an address: for every
    text, the gated pretest answers as linkify-it's own."""
    documents = [load_document(path, path.name) for path in YAML_FILES]
    texts = [s for document in documents if not isinstance(document, Problem) for s in strings(document.data)]
    rng = random.Random(15)
    pool = list("abcdefghijklmnopqrstuvwxyzKLOCALHOST.:/@ \u017f\u212a\u0440\u0444-0123456789")
    texts += ["".join(rng.choice(pool) for _ in range(rng.randint(0, 16))) for _ in range(50000)]
    texts += ["www. x", "see localhost", "LOCALHO\u017fT", "x.\u0440\u0444 y", "1.2.3.4", "a@b", "http://x", "//x", "e.g. this"]
    assert [bool(_markdown.linkify.pretest(t)) for t in texts] == [bool(_full_pretest(t)) for t in texts]


@pytest.mark.parametrize("docs", [[], [{"location": "", "title": "A", "text": "x"}],
                                  [{"location": f"a/#{n}", "title": 'Cymraeg "ŵ" \\ \u2028', "text": "y" * n}
                                   for n in range(50)]])
def test_the_search_index_is_written_as_json_dumps_would_write_it(docs):
    index = {"config": {"lang": ["cy"], "separator": r"[\s\-]+", "fields": {"title": {"boost": 1000.0}}},
             "docs": docs, "options": {"suggest": False}}
    assert "".join(index_text(index)) == json.dumps(index, ensure_ascii=False, separators=(",", ":"))
