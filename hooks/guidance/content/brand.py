"""A council's own look, from its publisher profile: a brand colour and a logo.

The colour reaches the site as a small generated stylesheet (no inline style, so a strict Content
Security Policy stays strict); the logo is copied into the site beside it. Both are checked with
the rest of the content: a missing logo file, or a colour that white text cannot be read on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from ..problems import Problem
from .schema import Publisher
from .source import Document

LOGO_TYPES = {".svg": "svg", ".png": "png", ".jpg": "jpg", ".jpeg": "jpg"}  # name ending -> type in its bytes
LOGO_MAX_BYTES = 1_000_000
LOGO_DIR = "assets/brand"
MIN_CONTRAST = 4.5  # WCAG 2.2 AA for normal text: white header text on it, it as link colour on white


@dataclass(frozen=True)
class Brand:
    """The brand of one build: ``logo`` is the file to copy, ``logo_uri`` where it goes in the site."""

    colour: str | None = None
    logo: Path | None = None
    logo_data: bytes = b""  # the logo as checked: what is published, even if the file changes later

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
    """The brand named by a checked profile; the logo path is relative to the profile's folder."""
    logo = (publisher_file.parent / publisher.logo) if publisher.logo else None
    return Brand(colour=publisher.brand_colour.lower() if publisher.brand_colour else None, logo=logo,
                 logo_data=logo.read_bytes() if logo else b"")


def logo_problem(name: str, folder: Path) -> str:
    """Why the file ``name`` cannot be published as the logo ("" when it can). Only the project's
    own files are published: a regular file inside the profile's folder (no absolute path, no
    '..', no link out of it), a PNG, JPEG or SVG by its bytes, an SVG with nothing live in it."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in LOGO_TYPES:
        return f"expected an image file ({', '.join(LOGO_TYPES)}), got {name!r}"
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute() or ".." in re.split(r"[\\/]", name):
        return f"{name!r} is not inside the profile's folder (give a path relative to it, with no '..')"
    path = folder / name
    try:
        inside = path.resolve(strict=True).is_relative_to(folder.resolve(strict=True))
    except (OSError, RuntimeError):
        return f"file not found: {name!r} (a path relative to the profile's folder)"
    if not inside:
        return f"{name!r} is a link to a file outside the profile's folder (only the project's own files are published)"
    if not path.is_file():
        return f"{name!r} is not a regular file"
    if path.stat().st_size > LOGO_MAX_BYTES:
        return f"{name!r} is too big ({path.stat().st_size:,} bytes; the limit is {LOGO_MAX_BYTES:,})"
    import filetype  # only for a profile with a logo

    data = path.read_bytes()
    kind = "svg" if _looks_like_svg(data) else (filetype.guess_extension(data) or "unknown")
    if kind != LOGO_TYPES[suffix]:
        found = {"unknown": "not an image", "svg": "an SVG image"}.get(kind, f"a {kind.upper()} image")
        return f"{name!r} is named {suffix} but its contents are {found} (expected a PNG, JPEG or SVG image)"
    return svg_problem(data) if kind == "svg" else ""


def brand_problems(publisher: Publisher, document: Document, publisher_file: Path) -> list[Problem]:
    """What is wrong with a profile's logo and colour, with the line of each field."""
    problems = []
    if publisher.logo and (reason := logo_problem(publisher.logo, publisher_file.parent)):
        problems.append(Problem(document.file, document.line_of(("logo",), tagged=False), "logo", reason))
    if publisher.brand_colour:
        ratio = contrast(publisher.brand_colour, "#ffffff")
        if ratio < MIN_CONTRAST:
            problems.append(Problem(document.file, document.line_of(("brand_colour",), tagged=False), "brand_colour",
                                    f"'{publisher.brand_colour}' is too light: white text on it has a contrast of "
                                    f"{ratio:.1f}:1, and at least {MIN_CONTRAST}:1 is needed (choose a darker shade)"))
    return problems


def _channels(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def darker(colour: str, amount: float = 0.3) -> str:
    """The colour mixed with ``amount`` of black: for hover states and accents."""
    return "#" + "".join(f"{round(c * (1 - amount)):02x}" for c in _channels(colour))


SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# What a logo may be drawn with: shapes, text, gradients, clipping. Nothing that runs, embeds or fetches.
SVG_ELEMENTS = frozenset("""svg g defs symbol use title desc metadata path rect circle ellipse line polyline polygon
    text tspan textPath linearGradient radialGradient stop clipPath mask pattern marker style switch""".split())
# Drawing programs keep their own notes in their own namespaces; browsers ignore them.
EDITOR_NAMESPACES = ("http://www.inkscape.org/", "http://sodipodi.", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                     "http://purl.org/dc/", "http://creativecommons.org/ns#", "http://ns.adobe.com/")
_OUTSIDE_URL = re.compile(r"url\(\s*(?![\s'\"]*#)|@import|expression\(", re.IGNORECASE)


def _looks_like_svg(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype svg")) and b"<svg" in data[:65536].lower()


def svg_problem(data: bytes) -> str:
    """Why an SVG logo cannot be published as it is ("" when it can): an SVG opened on its own is a
    document, so script, event handlers, foreignObject (HTML) and references outside the file are
    refused. Parsed with defusedxml: no DTD, no entities."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        return "the SVG has a DTD or entities, which a logo does not need"
    except Exception as error:  # ElementTree's ParseError and friends: not well-formed XML
        return f"the SVG is not well-formed XML ({str(error)[:80]})"
    if root.tag != SVG + "svg":
        return "the file is not an SVG image (its first element is not <svg> in the SVG namespace)"
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        name = tag.rsplit("}", 1)[-1]
        if tag.startswith(SVG) and name not in SVG_ELEMENTS:
            return f"the SVG has an element <{name}>, which a logo may not have (script, links, embedded HTML and media are refused)"
        if not tag.startswith(SVG) and not tag.startswith(tuple("{" + ns for ns in EDITOR_NAMESPACES)):
            return f"the SVG has an element from outside SVG ({tag[:80]}), which a logo may not have"
        if name == "style" and _OUTSIDE_URL.search(element.text or ""):
            return "the SVG's <style> refers to something outside the file"
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                return f"the SVG has an event handler ({local}=...), which a logo may not have"
            if (local == "href" or attribute == XLINK_HREF) and not value.strip().startswith("#"):
                return f"the SVG refers to something outside the file ({local}={value[:60]!r})"
            if _OUTSIDE_URL.search(value):
                return f"the SVG refers to something outside the file ({local}={value[:60]!r})"
    return ""
