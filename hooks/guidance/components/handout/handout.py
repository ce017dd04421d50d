"""What a sheet carries when it leaves the screen: its web address, a QR code of that address,
and the ready-made PDF handout when one was built (``scripts/pdf``).

The address is known only when the site's address is configured (``site_url``); the QR code is
drawn here, at build time, as inline SVG: nothing is fetched from a service.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from ...content.schema import Sheet

DOWNLOADS = "downloads"


@dataclass(frozen=True)
class HandoutSettings:
    """Per build: the site's address (may be empty) and the folder of PDFs built for it (if any)."""

    site_url: str = ""
    pdf_dir: Path | None = None


@dataclass(frozen=True)
class Handout:
    """Per sheet page: what the printed sheet and the page's download link show."""

    pdf_name: str
    address: str = ""
    qr: Markup | None = None
    pdf_uri: str = ""
    pdf_kb: int = 0


def pdf_name(sheet: Sheet, lang: str) -> str:
    """``3.3-partnership-en.pdf``: the file the PDF step writes and the page links to."""
    return f"{sheet.number}-{sheet.id}-{lang}.pdf"


def qr_code(address: str) -> Markup:
    """A QR code of ``address`` as inline SVG, with its quiet zone; no style attribute or element."""
    import segno  # only a site with an address draws codes: other builds skip the import

    svg = segno.make(address, error="m", micro=False).svg_inline(
        scale=1, border=4, omitsize=True, svgclass="gd-qr", lineclass=None, dark="#000", light="#fff")
    return Markup(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))


def make_handout(settings: HandoutSettings, sheet: Sheet, lang: str, address: str) -> Handout:
    """The handout of one sheet page, ``address`` being the page's full web address ("" when
    the site's address is not configured)."""
    name = pdf_name(sheet, lang)
    pdf = settings.pdf_dir / name if settings.pdf_dir else None
    found = pdf if pdf is not None and pdf.is_file() else None
    return Handout(
        pdf_name=name,
        address=address,
        qr=qr_code(address) if address else None,
        pdf_uri=f"{DOWNLOADS}/{name}" if found else "",
        pdf_kb=max(1, round(found.stat().st_size / 1024)) if found else 0,
    )
