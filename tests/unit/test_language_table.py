"""The language table is the only place that knows a language: no module, template or script
outside it names a language code, and the table's rows hold together."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel import Locale
from jinja2 import Environment

from conftest import ROOT
from guidance.language import SOURCE, TABLE, unknown_language
from guidance.site.urls import SiteUrls

TABLE_MODULE = ROOT / "hooks/guidance/language.py"
# Each language's own search file is named after it: the table's search column names the file.
LANGUAGE_FILES = {ROOT / "overrides/assets/javascripts/lunr/min" / f"lunr.{f.search.lunr}.min.js" for f in TABLE.values()}
CODES = sorted({name for f in TABLE.values() for name in (f.code, f.hreflang, f.locale, f.browser_locale)})


def named_codes_in_python(source: str) -> list[str]:
    """Language codes in a module's string constants (docstrings may show examples)."""
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and names_a_code(node.value)]


def names_a_code(text: str) -> bool:
    return any(text == code or text.startswith(f"{code}/") or f"/{code}/" in text
               or re.search(rf"[/.]{re.escape(code)}\.(html|js)$", text) or re.search(rf'\b(hreflang|lang)=["\']?{re.escape(code)}\b', text) for code in CODES)


def named_codes_in_template(source: str) -> list[str]:
    """Language codes in a Jinja template: string literals in its code, attributes and paths in its markup."""
    found = []
    for _line, kind, value in Environment(extensions=["jinja2.ext.i18n"]).lex(source):
        if kind == "string" and names_a_code(value.strip("\"'")):
            found.append(value)
        if kind == "data":
            found += [m.group(0) for code in CODES
                      for m in re.finditer(rf'(\b(hreflang|lang)="{re.escape(code)}"|/{re.escape(code)}/|languages/{re.escape(code)}\.html)', value)]
    return found


def named_codes_in_script(source: str) -> list[str]:
    return [m.group(0) for code in CODES for m in re.finditer(rf'["\'`]/?{re.escape(code)}(/[^"\'`]*)?["\'`]', source)]


def files(pattern: str, *folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob(pattern)
                  if p != TABLE_MODULE and p not in LANGUAGE_FILES and "vendor" not in p.parts)


@pytest.mark.parametrize("path", files("*.py", "hooks", "scripts"), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_module_outside_the_table_names_a_language(path):
    assert named_codes_in_python(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", files("*.html", "hooks/guidance/site/templates", "hooks/guidance/components", "overrides"), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_template_names_a_language(path):
    assert named_codes_in_template(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", files("*.js", "overrides/assets", "hooks/guidance/components"), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_script_names_a_language(path):
    assert named_codes_in_script(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("source, found", [
    ('PIPELINES = {"en": ["stopWordFilter"]}', ["en"]),
    ('root = "" if lang == DEFAULT else f"cy/{path}"', ["cy/"]),
    ('def f():\n    """Welsh pages live under ``cy/``."""\n    return 1', []),
])
def test_the_check_finds_a_code_in_code_not_in_docstrings(source, found):
    assert named_codes_in_python(source) == found


@pytest.mark.parametrize("source, found", [
    ('{% if lang.page_lang == "en" %}x{% endif %}', ['"en"']),
    ('<a href="{{ base }}/cy/">Cymraeg</a>', ["/cy/"]),
    ('<span lang="cy">Cymraeg</span>', ['lang="cy"']),
    ('{% import "partials/languages/en.html" as fallback %}', ['"partials/languages/en.html"']),
    ('<span lang="{{ alternate.facts.hreflang }}">{{ alternate.facts.name }}</span>', []),
])
def test_the_check_finds_a_code_in_a_template(source, found):
    assert named_codes_in_template(source) == found


def test_the_check_finds_a_code_in_a_script():
    assert named_codes_in_script('new Intl.DateTimeFormat("cy")') == ['"cy"']
    assert named_codes_in_script("link.hash = window.location.hash;") == []


@pytest.mark.parametrize("facts", TABLE.values(), ids=lambda f: f.code)
def test_every_row_is_a_language_babel_and_the_theme_know(facts):
    locale = Locale.parse(facts.locale)
    assert locale.language == facts.code and facts.direction == locale.character_order.replace("left-to-right", "ltr").replace("right-to-left", "rtl")
    assert facts.name == locale.get_display_name(facts.locale).split(" (")[0][:1].upper() + locale.get_display_name(facts.locale).split(" (")[0][1:]
    material = Path(__import__("material").__file__).parent / "templates"
    assert (material / "partials/languages" / f"{facts.code}.html").exists()
    lunr = ROOT / "overrides/assets/javascripts/lunr/min" / f"lunr.{facts.search.lunr}.min.js"
    assert facts.search.lunr == SOURCE.search.lunr or lunr.exists() or (material / "assets/javascripts/lunr/min" / lunr.name).exists()


def test_a_code_not_in_the_table_is_refused_with_the_way_to_add_it():
    assert unknown_language(SOURCE.code) == ""
    assert unknown_language("xx") == ("unknown language code 'xx' (expected one of: en, cy, fr; "
                                      "to add a language, add its row to the language table in hooks/guidance/language.py)")


@pytest.mark.parametrize("languages, roots", [
    (("en", "cy"), {"en": "", "cy": "cy/"}),
    (("cy", "en"), {"cy": "", "en": "en/"}),
    (("en", "cy", "fr"), {"en": "", "cy": "cy/", "fr": "fr/"}),
])
def test_the_first_language_is_at_the_root_and_every_other_under_its_code(languages, roots):
    urls = SiteUrls(languages)
    assert {code: urls.root(code) for code in languages} == roots
    assert urls.url(languages[1], "index") == f"{languages[1]}/"
    assert urls.url(languages[0], "a/b") == "a/b/"
    assert SiteUrls(languages, directory_urls=False).url(languages[1], "index") == f"{languages[1]}/index.html"
