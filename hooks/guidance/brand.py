"""A council's own look, from its publisher profile: a brand colour and a logo.

The colour reaches the site as a small generated stylesheet (no inline style, so a strict Content
Security Policy stays strict); the logo is copied into the site beside it. Both are checked with
the rest of the content: a missing logo file, or a colour that white text cannot be read on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .problems import Problem
from .schema import Publisher
from .source import Document

LOGO_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp")
LOGO_DIR = "assets/brand"
MIN_CONTRAST = 4.5  # WCAG 2.2 AA for normal text: white header text on it, it as link colour on white


@dataclass(frozen=True)
class Brand:
    """The brand of one build: ``logo`` is the file to copy, ``logo_uri`` where it goes in the site."""

    colour: str | None = None
    logo: Path | None = None

    @property
    def logo_uri(self) -> str:
        return f"{LOGO_DIR}/logo{self.logo.suffix.lower()}" if self.logo else ""

    def stylesheet(self) -> str:
        """CSS that sets --gd-brand (and a darker shade for hover and accents); the end of site.css."""
        lines = ["/* Generated from the publisher profile (brand_colour): do not edit, it is rewritten on every build. */"]
        if self.colour:
            lines.append(f":root {{ --gd-brand: {self.colour}; --gd-brand-dark: {darker(self.colour)}; }}")
        return "\n".join(lines) + "\n"


def load_brand(publisher: Publisher, publisher_file: Path) -> Brand:
    """The brand named by a validated profile; the logo path is relative to the profile's folder."""
    logo = (publisher_file.parent / publisher.logo) if publisher.logo else None
    return Brand(colour=publisher.brand_colour.lower() if publisher.brand_colour else None, logo=logo)


def brand_problems(publisher: Publisher, document: Document, publisher_file: Path) -> list[Problem]:
    """What is wrong with a profile's logo and colour, with the line of each field."""
    problems = []
    if publisher.logo:
        logo = publisher_file.parent / publisher.logo
        line = document.line_of(("logo",), tagged=False)
        if logo.suffix.lower() not in LOGO_TYPES:
            problems.append(Problem(document.file, line, "logo",
                                    f"expected an image file ({', '.join(LOGO_TYPES)}), got '{publisher.logo}'"))
        elif not logo.is_file():
            problems.append(Problem(document.file, line, "logo",
                                    f"file not found: '{publisher.logo}' (a path relative to the profile's folder)"))
    if publisher.brand_colour:
        ratio = contrast(publisher.brand_colour, "#ffffff")
        if ratio < MIN_CONTRAST:
            problems.append(Problem(document.file, document.line_of(("brand_colour",), tagged=False), "brand_colour",
                                    f"'{publisher.brand_colour}' is too light: white text on it has a contrast of "
                                    f"{ratio:.1f}:1, and at least {MIN_CONTRAST}:1 is needed (choose a darker shade)"))
    return problems


def _channels(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    def linear(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def darker(colour: str, amount: float = 0.3) -> str:
    """The colour mixed with ``amount`` of black: for hover states and accents."""
    return "#" + "".join(f"{round(c * (1 - amount)):02x}" for c in _channels(colour))
