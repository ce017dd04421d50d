"""Text in content_src/ can never become markup or script on the page."""

from __future__ import annotations

from ruamel.yaml import YAML

from conftest import copy_content, mkdocs_build, parse

HOSTILE = {
    "script": "<script>alert('x')</script> Getting additional resources.",
    "image": '<img src="x" onerror="alert(1)"> Improving your ability.',
    "link": "[Click me](javascript:alert(1)) and [this](JAVASCRIPT:alert(2)) and <a href='javascript:alert(3)'>that</a>",
    "data-link": "[Data](data:text/html;base64,PHNjcmlwdD4=)",
    "attribute": '" onmouseover="alert(1)',
}


def test_html_and_script_in_content_come_out_as_text(tmp_path):
    content = copy_content(tmp_path)
    sheet_file = content / "sheets" / "3.3-partnership" / "sheet.yml"
    yaml = YAML()
    sheet = yaml.load(sheet_file)
    benefits = next(s for s in sheet["sections"] if s["id"] == "benefits")
    for item, text in zip(benefits["items"], HOSTILE.values()):
        item["text"] = text
    sheet["title"] = "<b>Partnership</b>"
    yaml.dump(sheet, sheet_file)
    publisher_file = content / "publishers" / "cavs.yml"
    publisher = yaml.load(publisher_file)
    publisher["name"]["en"] = "<script>alert('council')</script>"
    yaml.dump(publisher, publisher_file)

    site = tmp_path / "site"
    result = mkdocs_build(site, env={"GUIDANCE_CONTENT": str(content), "GUIDANCE_PUBLISHER": str(publisher_file)})
    assert result.returncode == 0, result.stderr
    page = parse(site / "working-with-others" / "partnership" / "index.html")
    article = page.find("article")

    # the one script in the article is the site's own: the self-check's, from its file
    assert [(s.get("src"), s.get_text()) for s in article.find_all("script")] == [("../../assets/selfcheck.js", "")]
    assert article.find("img") is None and article.find("b") is None
    for element in page.find_all(True):
        for name, value in element.attrs.items():
            assert not name.startswith("on"), element
            values = value if isinstance(value, list) else [value]
            assert not any(str(v).strip().lower().startswith(("javascript:", "data:")) for v in values), element
    text = article.get_text()
    assert "<script>alert('x')</script>" in text
    assert '<img src="x" onerror="alert(1)">' in text
    assert "<b>Partnership</b>" in text
    assert page.select_one(".gd-masthead__publisher").get_text() == "<script>alert('council')</script>"
    assert [s.get("src", "") for s in page.find_all("script") if "alert" in s.get_text()] == []
