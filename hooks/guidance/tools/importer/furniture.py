"""The publisher's own furniture: what every printed sheet repeats and the site adds by itself
(the council's name, strapline, address and numbers from the publisher profile; the disclaimer,
"For further information contact" and "Produced by" from site.yml). Recognised, and left out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ...content.schema import Publisher, Series, Site
from ...content.source import Document, load_document
from ...content.validate import validate_document
from .blocks import Block

PHONE = re.compile(r"^(?:tel|telephone|phone|ffôn|ffon|fax|ffacs|mobile)\b\.?:?\s*[+\d(]", re.IGNORECASE)
CHARITY = re.compile(r"^(?:registered charity|charity (?:no|number)|elusen gofrestredig)\b", re.IGNORECASE)
EMAIL = re.compile(r"^(?:e-?mail:?\s*)?[^@\s]+@[^@\s]+\.[^@\s]+$", re.IGNORECASE)
WEB = re.compile(r"^(?:web(?:site)?:?\s*)?(?:https?://|www\.)\S+$", re.IGNORECASE)
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$")
PRODUCED_BY = re.compile(r"^produced by\b", re.IGNORECASE)
FURTHER = re.compile(r"^for further information\b", re.IGNORECASE)
DISCLAIMER = re.compile(r"^(?:disclaimer|ymwadiad)$", re.IGNORECASE)
LAST_UPDATED = re.compile(r"^last updated:?\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\.?$", re.IGNORECASE)
STRAPLINE = re.compile(r"county voluntary council|cyngor gwirfoddol sirol", re.IGNORECASE)
FOOTER_START = (DISCLAIMER, FURTHER, PRODUCED_BY, LAST_UPDATED)


@dataclass(frozen=True)
class Known:
    """What the site already says, from site.yml and every publisher profile."""

    site: Site | None
    names: frozenset[str]       # publisher and producer names, straplines, addresses (folded)

    @property
    def series(self) -> tuple[Series, ...]:
        return self.site.series if self.site else ()


def fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def load_known(content_dir: Path) -> Known:
    """Read site.yml and publishers/*.yml (a file with problems is simply not used here:
    the check before writing reports it)."""
    site = _read(content_dir / "site.yml", Site)
    names: set[str] = set()
    for path in sorted((content_dir / "publishers").glob("*.yml")):
        profile = _read(path, Publisher)
        if isinstance(profile, Publisher):
            for text in (profile.name, profile.strapline, profile.address):
                names |= {fold(value) for value in text.root.values()}
    if isinstance(site, Site):
        names.add(fold(site.producer.name))
    return Known(site if isinstance(site, Site) else None, frozenset(names))


def _read(path: Path, model: type[Site] | type[Publisher]) -> Site | Publisher | None:
    document = load_document(path, path.name)
    if not isinstance(document, Document):
        return None
    validated, _ = validate_document(document, model)
    return validated


def last_updated(block: Block) -> date | None:
    """``Last Updated: 30/06/2017`` as a date (day first, as in Wales)."""
    match = LAST_UPDATED.match(block.text)
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year + 2000 if year < 100 else year, month, day)
    except ValueError:
        return None


def starts_footer(block: Block) -> bool:
    return any(pattern.match(block.text) for pattern in FOOTER_START)


# Each pattern with what it is, in the order they are tried.
FURNITURE = (
    (DISCLAIMER, "the disclaimer's heading (the site adds the disclaimer from site.yml)"),
    (FURTHER, "'For further information contact' (the site adds the contact blocks)"),
    (PRODUCED_BY, "the 'Produced by' line (from site.yml)"),
    (LAST_UPDATED, "the date, read as last_updated"),
    (PHONE, "a phone or fax number (from the publisher profile and site.yml)"),
    (CHARITY, "the registered charity number (from the publisher profile)"),
    (EMAIL, "an email address (from the publisher profile)"),
    (WEB, "a web address (from the publisher profile and site.yml)"),
)


def furniture(block: Block, known: Known) -> str:
    """Why this footer or masthead block is the publisher's furniture, or '' when it is not."""
    text = block.text
    for pattern, what in FURNITURE:
        if pattern.match(text):
            return what
    if fold(text) in known.names:
        return "the publisher's name, strapline or address (from the publisher profile)"
    if POSTCODE.search(text):
        return "a postal address (from the publisher profile)"
    if STRAPLINE.search(text) and len(text.split()) <= 8:
        return "the publisher's strapline (from the publisher profile)"
    return ""


def is_disclaimer_text(text: str, known: Known) -> bool:
    """The standard disclaimer, as site.yml has it (or close: a few words changed)."""
    if known.site is None:
        return False
    ours, theirs = set(fold(known.site.disclaimer.text).split()), set(fold(text).split())
    return len(ours & theirs) >= 0.8 * max(len(ours), 1)
