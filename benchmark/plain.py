"""A plain Material for MkDocs project with the same pages as our site, written as Markdown.

Each page of a built site becomes the Markdown a person would write for plain Material: headings,
paragraphs, lists, links and emphasis, taken from the page's <article>. The project has Material's
theme and search plugin and nothing of ours (no hooks, no overrides, no extra CSS).
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

BLOCKS = {"p", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "div", "article",
          "header", "footer", "nav", "aside", "fieldset", "form", "details", "blockquote", "dl"}
SKIP = {"script", "style", "input", "button", "select", "textarea", "noscript", "template", "svg"}


def inline(node) -> str:
    """The inline Markdown of a node's children: text, links, emphasis."""
    out = []
    for child in node.children:
        if isinstance(child, NavigableString):
            out.append(str(child).replace("*", r"\*"))
        elif child.name in SKIP or child.name in ("ul", "ol"):
            continue
        elif child.name == "a" and child.get("href") and not child.get("class") == ["headerlink"]:
            out.append(f"[{inline(child)}]({child['href']})")
        elif child.name in ("em", "i"):
            out.append(f"*{inline(child)}*")
        elif child.name in ("strong", "b"):
            out.append(f"**{inline(child)}**")
        elif child.name == "br":
            out.append("  \n")
        else:
            out.append(inline(child))
    return " ".join("".join(out).split())


def list_markdown(node: Tag, depth: int = 0) -> str:
    """A (nested) list: one line per item, sub-lists indented under their item."""
    lines = []
    for number, item in enumerate(node.find_all("li", recursive=False), 1):
        marker = f"{number}." if node.name == "ol" else "-"
        lines.append("    " * depth + f"{marker} {inline(item)}")
        lines += [list_markdown(sub, depth + 1) for sub in item.find_all(["ul", "ol"])
                  if sub.find_parent("li") is item]
    return "\n".join(lines)


def blocks(node: Tag) -> list[str]:
    """Markdown blocks for a container, one string per block."""
    out = []
    for child in node.children:
        if isinstance(child, NavigableString):
            out.append(" ".join(child.split()))
        elif child.name in SKIP:
            continue
        elif child.name[0] == "h" and child.name[1:].isdigit():
            out.append("#" * int(child.name[1]) + " " + inline(child))
        elif child.name == "p":
            out.append(inline(child))
        elif child.name in ("ul", "ol"):
            out.append(list_markdown(child))
        elif child.name in BLOCKS or child.find(BLOCKS):
            out += blocks(child)
        else:
            out.append(inline(child))
    return [b for b in out if b.strip()]


def page_markdown(html: str) -> str:
    article = BeautifulSoup(html, "lxml").find("article") or BeautifulSoup(html, "lxml").body
    return "\n\n".join(blocks(article)) + "\n"


def write_plain_project(site: Path, target: Path, language: str | None = None) -> Path:
    """Write the plain project for the built ``site`` into ``target``; returns its mkdocs.yml.

    With ``language``, only that language's pages, as Material documents a multilingual site:
    one project (and one build) per language, each with its own ``theme.language``.
    """
    docs = target / "docs"
    folders = [p.parent.relative_to(site).as_posix() for p in sorted(site.rglob("index.html"))]
    languages = {f for f in folders if len(f) == 2}
    for folder in folders:
        own = folder.split("/", 1)[0] if folder.split("/", 1)[0] in languages else "en"
        if language not in (None, own):
            continue
        # a/b/index.html came from a/b.md, or from a/b/index.md when other pages sit below a/b/
        has_children = any(f.startswith(folder + "/") for f in folders)
        source = "index.md" if folder == "." else (f"{folder}/index.md" if has_children else f"{folder}.md")
        if language not in (None, "en"):
            source = source.removeprefix(f"{language}/")
        out = docs / source
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page_markdown((site / folder / "index.html").read_text(encoding="utf-8")), encoding="utf-8")
    config = target / "mkdocs.yml"
    config.write_text(
        "site_name: Information sheets\n"
        f"theme:\n  name: material\n  language: {language or 'en'}\n  font: false\n"
        "  features: [navigation.instant, navigation.top, search.highlight, content.tooltips]\n"
        "plugins: [search]\n",
        encoding="utf-8")
    return config
