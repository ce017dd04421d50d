"""``python -m guidance``: the ``guidance`` command (cli.py)."""

import sys

from .cli import main

sys.exit(main())
