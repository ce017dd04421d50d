"""Problems found in content, reported the way a compiler reports errors."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one field of one content file."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentError(Exception):
    """Every problem found in the content, sorted by file and line, so all are fixed in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the content:"
        super().__init__("\n".join([heading, *map(str, self.problems)]))


def display_path(path: Path, root: Path) -> str:
    """A path as the author sees it: relative to the project when it is inside it."""
    for inside, folder in ((Path(os.path.abspath(path)), Path(os.path.abspath(root))), (path.resolve(), root.resolve())):
        if inside.is_relative_to(folder):  # as written first: a link is shown where it is, not where it leads
            return inside.relative_to(folder).as_posix()
    return path.as_posix()
