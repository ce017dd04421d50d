"""Which reader reads a document: by its file name's suffix, with a plain reason for a file that none reads."""

from __future__ import annotations

from pathlib import Path

from .blocks import ReadDocument, Unreadable
from .docx_reader import read_docx
from .pdf_reader import read_pdf
from .text_reader import read_txt


def read_document(path: Path) -> ReadDocument:
    """Read a .docx, .pdf or .txt file into blocks; Unreadable with a plain reason otherwise."""
    if not path.is_file():
        raise Unreadable("no such file")
    if path.stat().st_size == 0:
        raise Unreadable("the file is empty")
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return read_txt(path)
    if suffix == ".docx":
        return read_docx(path)
    if suffix == ".pdf":
        return read_pdf(path)
    if suffix == ".doc":
        raise Unreadable("an old Word document (.doc): open it in Word and save it as a Word Document (.docx)")
    raise Unreadable(f"cannot import '{suffix or path.name}' files: give a Word document (.docx), a PDF (.pdf) or plain text (.txt)")
