"""Facts of the build written into the hand-written pages of docs/: a ``{{ publisher.email }}``
there becomes the publisher's email address from its profile, in the page's language, so a
council's own copy states its own contact details (the accessibility statement) and the tools it
is tested with, without anyone editing the page.

A fact is data: its characters are written as HTML character references where Markdown or HTML
would read them as markup. An unknown ``{{ name }}`` stops the build with its file and line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

from ..language import Language
from ..problems import ContentError, Problem
from ..languages.dates import long_date
from ..content.schema import Publisher
from .urls import mailto, tel
from .release import CHECKSUM_SUFFIX, NO_RELEASE, NO_VERSION, OfferedRelease, offered_path, release_file_name
from .render import interface

PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
_MARKUP = set("\\`*_[]{}()#+!|~<>&\"'")
TOOLS = {"axe": "axe-core", "vnu": "vnu-jar"}  # a fact's name -> the npm package the tests run


def _text(value: str) -> str:
    """Text that Markdown and HTML both show exactly as it is."""
    return "".join(f"&#{ord(c)};" if c in _MARKUP else c for c in str(value))


def _link(href: str, text: str) -> str:
    # the address as character references too: Markdown reads [..](..) even inside an attribute
    return f'<a href="{_text(href)}">{_text(text)}</a>'


def tool_versions(package_json: Path) -> dict[str, str]:
    """The versions of the checkers the tests run (pinned in package.json), by fact name."""
    try:
        pinned = json.loads(package_json.read_text(encoding="utf-8")).get("devDependencies", {})
    except (OSError, ValueError, AttributeError):
        return {}
    return {name: str(pinned[package]) for name, package in TOOLS.items() if package in pinned}


def page_facts(publisher: Publisher, language: Language, tools: Mapping[str, str], built: date) -> dict[str, str]:
    """Every fact a hand-written page may name, written for ``language``'s pages."""
    code = language.code
    facts = {
        "publisher.name": _text(publisher.name.get(code)),
        "publisher.address": _text(publisher.address.get(code)),
        "publisher.phone": _link(tel(publisher.phone), publisher.phone),
        "publisher.email": _link(mailto(publisher.email), publisher.email),
        "publisher.website": _link(publisher.website, publisher.website),
        "build.date": _text(long_date(built, language.facts.locale)),
    }
    facts.update({f"tools.{name}": _text(version) for name, version in tools.items()})
    return facts


def fill_facts(markdown: str, facts: Mapping[str, str], source: str) -> str:
    """``markdown`` with each ``{{ name }}`` replaced by its fact; ContentError names any unknown."""
    problems: list[Problem] = []

    def fact(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in facts:
            return facts[name]
        line = markdown.count("\n", 0, match.start()) + 1
        tool = TOOLS.get(name.removeprefix("tools."), "") if name.startswith("tools.") else ""
        problems.append(Problem(source, line, "", f"{{{{ {name} }}}}: no version of {tool} in package.json" if tool else
                                f"unknown fact {{{{ {name} }}}} (expected one of: {', '.join(sorted(facts))})"))
        return match.group(0)

    filled = PLACEHOLDER.sub(fact, markdown)
    if problems:
        raise ContentError(problems)
    return filled


def release_facts(offered: OfferedRelease | None, language: Language, href: Callable[[str], str]) -> dict[str, str]:
    """The latest release a publisher's site offers: ``{{ release.version }}``, and links to its
    file and its checksum file (``{{ release.download }}``, ``{{ release.checksum }}``)."""
    if offered is None:
        name, note = release_file_name(NO_VERSION), interface(language, NO_RELEASE)
        return {"release.version": NO_VERSION, "release.download": _text(f"{name} ({note})"),
                "release.checksum": _text(f"{name}{CHECKSUM_SUFFIX} ({note})")}
    return {"release.version": _text(offered.version),
            **{f"release.{name}": _link(href(offered_path(path)), path.name)
               for name, path in (("download", offered.zip_file), ("checksum", offered.checksum_file))}}
