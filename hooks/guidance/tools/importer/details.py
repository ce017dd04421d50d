"""A publisher's contact details in a line of text: the pieces a footer or masthead is made of
(a name, address parts, a postcode, a charity or company number, phone and fax numbers, an email
and a web address, each with the label printed before it, in English or Welsh), however they are
joined: commas, bars, dots, full stops or nothing at all.

A line is details only when nothing else is left in it: a sentence that mentions a phone number
keeps its other words ("phone the helpline on ...") and is never taken for furniture.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Each piece with the label that may come before it, found anywhere in a line.
CHARITY_NUMBER = re.compile(
    r"\b(?:rhif\s+)?(?:registered\s+charity|charity|elusen(?:\s+gofrestredig)?)"
    r"(?:\s+(?:no|number|rhif|reg(?:istration)?(?:\s+no)?)\b\.?)?\s*[:.]?\s*\d{6,8}\b", re.IGNORECASE)
COMPANY_NUMBER = re.compile(
    r"\b(?:(?:registered\s+)?company|(?:rhif\s+)?cwmni(?:\s+cofrestredig)?)"
    r"(?:\s+(?:no|number|rhif)\b\.?)?\s*[:.]?\s*\d{6,8}\b", re.IGNORECASE)
PHONE_NUMBER = re.compile(  # a UK number: 0 and ten digits in all, or +44
    r"(?:\b(?:tel(?:ephone)?|phone|ff[ôo]n|fax|ffacs|mobile|symudol)\b\.?\s*[:.]?\s*|\b[tfm]\s*:\s*)?"
    r"(?:\+44\s?(?:\(0\)\s?)?\d|\b0\d)(?:[ -]?\d){8,9}\b", re.IGNORECASE)
EMAIL_ADDRESS = re.compile(r"(?:\b(?:e-?mail|e-?bost)\b\s*[:.]?\s*|\be\s*:\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
                           re.IGNORECASE)
WEB_ADDRESS = re.compile(
    r"\b(?:web(?:site)?|gwefan|w)\s*:\s*(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/[^\s,;|]*)?"  # labelled: any host
    r"|(?:\b(?:web(?:site)?|gwefan)\b\s*)?(?:https?://|\bwww\.)[^\s,;|]+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:org\.uk|co\.uk|gov\.uk|ac\.uk|cymru|wales|org|com|net)\b(?:/[^\s,;|]*)?",
    re.IGNORECASE)
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
LABEL = re.compile(  # a label before a colon, or the first of a label in two languages ("Tel / Ffôn: ...")
    r"\b(?:registered office|swyddfa gofrestredig|address|cyfeiriad|contact(?: us)?)\s*:"
    r"|\b(?:registered\s+charity(?:\s+(?:no|number)\b\.?)?|charity\s+(?:no|number)\b\.?|(?:rhif\s+)?elusen"
    r"(?:\s+gofrestredig)?(?:\s+rhif)?|tel(?:ephone)?|phone|ff[ôo]n|fax|ffacs|e-?mail|e-?bost|web(?:site)?|gwefan)\s*/",
    re.IGNORECASE)

PIECES = (
    (CHARITY_NUMBER, "a charity number"),
    (COMPANY_NUMBER, "a company number"),
    (EMAIL_ADDRESS, "an email address"),
    (WEB_ADDRESS, "a web address"),
    (PHONE_NUMBER, "a phone or fax number"),
    (POSTCODE, "a postcode"),
)
# Pieces no sentence of guidance needs beside a name: with one of them, a line's other parts may be
# names and places the profiles do not know ("Llanfair Community Action, 12 High Street, ...").
ANCHORS = ("a charity number", "a company number", "a postcode")
KNOWN = "a name, address or number from a publisher profile"
SEPARATOR = re.compile(r"[,;|•·–—/()]|\.(?=\s|$)|:(?=\s|$)")
JOINING_WORDS = frozenset({"and", "of", "the", "for", "y", "yr", "ac", "a", "&", "upon"})
NAME_WORDS = 8  # a part longer than this is not a name or a place


def known_pattern(pieces: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for the profiles' own pieces (folded texts, as ``fold`` makes them): each found
    whatever punctuation or spaces join its words in the line, the longest first."""
    words = sorted({piece for piece in pieces if piece.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile("|".join(r"\b" + r"[\W_]+".join(map(re.escape, piece.split())) + r"\b" for piece in words),
                      re.IGNORECASE)


def details_in(text: str, known: re.Pattern[str] | None, names_allowed: bool = True) -> list[str]:
    """What pieces of a publisher's details ``text`` is wholly made of ([] when anything else is in
    it). ``names_allowed``: names and places no profile knows may stand beside a postcode or a
    charity number (in one line; not in lines joined by the caller, where a heading could be one)."""
    if text.rstrip().endswith("?"):
        return []
    found: list[str] = []
    rest = text
    for pattern, what in PIECES:
        rest, count = pattern.subn(" | ", rest)
        if count:
            found.append(what)
    if known is not None:
        rest, count = known.subn(" | ", rest)
        if count:
            found.append(KNOWN)
    rest = LABEL.sub(" | ", rest)
    anchored = names_allowed and any(what in ANCHORS for what in found)
    parts = [part.strip() for part in SEPARATOR.split(rest)]
    if not found or any(part and not (anchored and _name_or_place(part)) for part in parts):
        return []
    return found


def _name_or_place(part: str) -> bool:
    """A few words, each starting with a capital or a digit, or joining them ('of', 'y')."""
    words = part.split()
    return 0 < len(words) <= NAME_WORDS and any(w not in JOINING_WORDS for w in words) and all(
        w[0].isupper() or w[0].isdigit() or w.lower() in JOINING_WORDS for w in words)
