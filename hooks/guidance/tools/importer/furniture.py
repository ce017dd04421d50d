"""The publisher's own furniture: what every printed sheet repeats and the site adds by itself
(the council's name, strapline, address and numbers from the publisher profile; the disclaimer,
"For further information contact" and "Produced by" from site.yml). Recognised, and left out.

A line of the publisher's details is furniture whatever joins its pieces (``details.py``), and so
are lines that are details only together: a charity number or a phone number broken over two lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from ...content.schema import Publisher, Series, Site
from ...content.source import Document, load_document
from ...content.validate import validate_document
from .blocks import Block
from .details import KNOWN, details_in, known_pattern

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
    # the profiles' names, straplines, addresses and their parts, numbers, email and web addresses,
    # and the producer's name, phone and web address, each found in a line however it is written
    pieces: re.Pattern[str] | None = None

    @property
    def series(self) -> tuple[Series, ...]:
        return self.site.series if self.site else ()


def fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def load_known(content_dir: Path) -> Known:
    """Read site.yml and publishers/*.yml (a file with problems is simply not used here:
    the check before writing reports it)."""
    site = _read(content_dir / "site.yml", Site)
    pieces: set[str] = set()
    for path in sorted((content_dir / "publishers").glob("*.yml")):
        profile = _read(path, Publisher)
        if isinstance(profile, Publisher):
            texts = [value for text in (profile.name, profile.strapline, profile.address) for value in text.root.values()]
            addresses = [part for value in profile.address.root.values() for part in value.split(",")]
            pieces |= {fold(text) for text in (*texts, *addresses, profile.charity_number, profile.phone,
                                               profile.fax or "", profile.email, *_hosts(profile.website))}
    if isinstance(site, Site):
        pieces |= {fold(text) for text in (site.producer.name, site.producer.phone, *_hosts(site.producer.website))}
    return Known(site if isinstance(site, Site) else None, known_pattern(pieces))


def _hosts(website: str) -> tuple[str, str]:
    """A website as a footer prints it: its host, with and without ``www.``."""
    host = urlsplit(website).netloc
    return host, host.removeprefix("www.")


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
)
SPLIT_DETAILS = 8  # lines that one publisher's details may be split over


def furniture(block: Block, known: Known) -> str:
    """Why this footer or masthead block is the publisher's furniture, or '' when it is not."""
    text = block.text
    for pattern, what in FURNITURE:
        if pattern.match(text):
            return what
    if found := details_in(_as_written(block), known.pieces):
        return _details(found)
    if STRAPLINE.search(text) and len(text.split()) <= 8:
        return "the publisher's strapline (from the publisher profile)"
    return ""


def furniture_reasons(blocks: Sequence[Block], known: Known) -> list[str]:
    """Why each block is furniture ('' when it is not): on its own, or as one of the lines that
    together are only the publisher's details (a charity number split as 'Registered charity' and
    'no. 1234567')."""
    reasons = [furniture(block, known) for block in blocks]
    start = 0
    while start < len(blocks):
        end, found = _split_details(blocks, start, known)
        for index in range(start, end):
            reasons[index] = reasons[index] or f"part of {_details(found)}, split over {end - start} lines"
        start = max(end, start + 1)
    return reasons


def _split_details(blocks: Sequence[Block], start: int, known: Known) -> tuple[int, list[str]]:
    """The end of the longest run of paragraphs from ``start`` whose lines, joined, are only the
    publisher's details, and what they hold; ``start`` when there is none."""
    for end in range(min(len(blocks), start + SPLIT_DETAILS), start + 1, -1):
        run = blocks[start:end]
        if all(block.kind in ("paragraph", "number") for block in run):
            if found := details_in(" ".join(map(_as_written, run)), known.pieces, names_allowed=False):
                return end, found
    return start, []


def _as_written(block: Block) -> str:
    """A block's words with a numbered item's number: a line of an address ("12 High Street") reads
    as item 12 of a list in plain text."""
    return f"{block.number} {block.text}" if block.kind == "number" else block.text


def _details(found: list[str]) -> str:
    if found == [KNOWN]:
        return "the publisher's name, strapline, address or numbers (from the publisher profile)"
    return (f"the publisher's details ({', '.join(found)}): the site shows them from the publisher profile "
            "and site.yml")


def is_disclaimer_text(text: str, known: Known) -> bool:
    """The standard disclaimer, as site.yml has it (or close: a few words changed)."""
    if known.site is None:
        return False
    ours, theirs = set(fold(known.site.disclaimer.text).split()), set(fold(text).split())
    return len(ours & theirs) >= 0.8 * max(len(ours), 1)
