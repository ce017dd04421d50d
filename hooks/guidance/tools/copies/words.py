"""The copies' commands' words in the reader's language: interface strings of the catalogue
(marked with ``N_`` and ``N_plural``), each placeholder filled as text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale
from babel.messages.pofile import PoFileError

from ...language import SOURCE, SOURCE_LANGUAGE, TABLE, Language
from ...languages.catalogue import load_translation

PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Words:
    language: Language = field(default=SOURCE_LANGUAGE)

    def __call__(self, message: str, **values: object) -> str:
        return fill(printable(self.language.gettext(message), message), values)

    def count(self, forms: tuple[str, str], count: int, **values: object) -> str:
        """The form of a counted message for ``count`` ({count} in it)."""
        english = forms[0] if count == 1 else forms[1]
        return fill(printable(self.language.ngettext(forms[0], forms[1], count), english), {"count": count, **values})

    def content(self, key: str, english: str) -> str:
        """A text of the content in the words' language (its English while untranslated)."""
        return printable(str(self.language.text(key, english)), english)

    def language_name(self, code: str) -> str:
        """A language's name in the words' language ("Welsh", "Cymraeg"), from Babel's data."""
        return Locale.parse(TABLE[code].locale).get_language_name(self.language.facts.locale) or code


def printable(translated: str, english: str) -> str:
    """A translation goes to the terminal only if it holds no control character (an escape
    sequence could rewrite what the terminal shows): otherwise the English is shown."""
    return english if any(unicodedata.category(c) == "Cc" for c in translated) else translated


def fill(text: str, values: dict[str, object]) -> str:
    """Only the named placeholders are filled: any other braces in a translation stay as they are."""
    return PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), text)


ENGLISH = Words()


def words_of(code: str, content_dir: Path) -> Words:
    """The words of language ``code`` from the catalogue of the content in ``content_dir`` (a
    release's): English for the source language, or when the catalogue cannot be read."""
    if code == SOURCE.code:
        return ENGLISH
    try:
        return Words(load_translation(code, content_dir).language())
    except (PoFileError, ValueError, UnicodeDecodeError, OSError):
        return ENGLISH
