"""``python -m guidance.tools.copies``: the copies' commands on their own."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cli import add_commands, run


def _no_build(copy: Path) -> str | None:
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guidance")
    add_commands(parser.add_subparsers(required=True), _no_build)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
