"""Test fixtures made on the spot: a sheet written out as a Word document (python-docx) and as a
PDF printed from HTML by Chromium, laid out as the printed sheets are (masthead, headings, bullets,
numbered items, no tables, the publisher's footer).

They are written from the published sheet's own content files, not from the importer, so the
importer is checked against a layout it had no hand in.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from conftest import ROOT
from guidance.content.project import load_project
from guidance.content.schema import Points

Outline = list[tuple[str, str]]  # (kind, text): h1, h2, h3, p, ul, ul2, ol
ITALIC = re.compile(r"\*([^*]+)\*")


def sheet_outline() -> Outline:
    """The 3.3 Partnership sheet as a printed sheet lays it out, top to bottom."""
    project = load_project(ROOT / "content_src", ROOT / "content_src" / "publishers" / "cavs.yml")
    sheet, site, publisher = project.sheets[0], project.site, project.publisher
    series = project.series_of(sheet)
    out: Outline = [("p", publisher.name.get("en")), ("p", publisher.strapline.get("en")),
                    ("p", f"{series.number}. {series.title}"), ("h1", f"{sheet.number} {sheet.title}")]
    for section in sheet.sections:
        if section.heading:
            out.append(("h2", section.heading))
        out += [("p", item.text) for item in section.intro]
        if section.type == "text":
            out += [("p", item.text) for item in section.paragraphs]
        elif section.type == "list":
            out += [("ul", item.text) for item in section.items]
        elif section.type == "checklist":
            for group in section.groups:
                if group.heading:
                    out.append(("h3", group.heading))
                for question in group.items:
                    out.append(("ul", question.text))
                    out += [("ul2", sub.text) for sub in question.items]
        elif section.type == "models":
            for model in section.models:
                out.append(("h3", f"{model.number}. {model.title}"))
                out += [("p", item.text) for item in model.description]
                for points in (model.advantages, model.disadvantages):
                    out += _points(points)
        elif section.type == "levels":
            for level in section.levels:
                first, *rest = level.paragraphs
                out.append(("ol", f"{level.title}. {first.text}"))
                out += [("p", item.text) for item in rest]
    out += [("h2", site.disclaimer.heading), ("p", site.disclaimer.text), ("h2", site.further_information),
            ("p", publisher.name.get("en")), ("p", publisher.address.get("en")), ("p", f"Registered Charity: {publisher.charity_number}"),
            ("p", f"Tel: {publisher.phone}"), ("p", publisher.email), ("p", f"Fax: {publisher.fax}"),
            ("p", publisher.website.split("//")[1]), ("p", f"Tel: {site.producer.phone}"),
            ("p", site.producer.website.split("//")[1]), ("p", site.produced_by),
            ("p", f"Last Updated: {sheet.last_updated:%d/%m/%Y}")]
    return out


def _points(points: Points | None) -> Outline:
    if points is None:
        return []
    return ([("p", points.lead)] if points.lead else []) + [("ul", i.text) for i in points.items] \
        + [("p", i.text) for i in points.paragraphs]


def write_docx(outline: Outline, path: Path) -> Path:
    """Word's own styles: Title, Heading 2 and 3, List Bullet (2), List Number; italics as italic runs."""
    import docx

    document = docx.Document()
    styles = {"h1": "Title", "h2": "Heading 2", "h3": "Heading 3", "p": None, "ul": "List Bullet",
              "ul2": "List Bullet 2", "ol": "List Number"}
    for kind, text in outline:
        paragraph = document.add_paragraph(style=styles[kind])
        for index, part in enumerate(ITALIC.split(text)):
            if part:
                paragraph.add_run(part).italic = index % 2 == 1
    document.save(str(path))
    return path


def outline_html(outline: Outline) -> str:
    """The same outline as a plain HTML page, to be printed to PDF."""
    body, open_list = [], ""

    def inline(text: str) -> str:
        return ITALIC.sub(r"<em>\1</em>", html.escape(text, quote=False))

    counted = 0  # numbered items since the last heading: a list split by a paragraph goes on counting
    for kind, text in outline:
        counted = 0 if kind == "h2" else counted + (kind == "ol")
        wanted = {"ul": "ul", "ul2": "ul", "ol": "ol"}.get(kind, "")
        if open_list and wanted != open_list and not (open_list == "ul" and kind == "ul2"):
            body.append(f"</{open_list}>")
            open_list = ""
        if wanted and not open_list:
            body.append(f"<{wanted}>")
            open_list = wanted
        if kind == "ul2":
            body.append(f"<li style='margin-left:2em; list-style-type: circle'>{inline(text)}</li>")
        elif wanted:
            body.append(f"<li value='{counted}'>{inline(text)}</li>" if kind == "ol" else f"<li>{inline(text)}</li>")
        else:
            body.append(f"<{kind}>{inline(text)}</{kind}>")
    if open_list:
        body.append(f"</{open_list}>")
    style = ("body{font-family:sans-serif;font-size:11pt;line-height:1.35;margin:0}"
             "h1{font-size:20pt}h2{font-size:15pt}h3{font-size:12.5pt}")
    return f"<!doctype html><html lang='en'><head><meta charset='utf-8'><style>{style}</style></head><body>{''.join(body)}</body></html>"
