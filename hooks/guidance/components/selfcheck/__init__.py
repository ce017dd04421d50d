"""The self-check: every checklist as a private self-assessment (see selfcheck.py), and the
results of each group and check-ins that follow it over time (see checkins.py)."""

from .checkins import PROGRESS_URI, script as checkins_script, sources as checkins_sources
from .selfcheck import (
    ANSWER_LABELS, EXAMPLES, NAMES, PLURALS, SCRIPT_URI, STRINGS, STYLESHEET, SelfCheck, answer_label_problems,
    fingerprint, fingerprints, script, selfcheck, sources,
)

__all__ = ["ANSWER_LABELS", "EXAMPLES", "NAMES", "PLURALS", "PROGRESS_URI", "SCRIPT_URI", "STRINGS", "STYLESHEET", "SelfCheck",
           "answer_label_problems", "checkins_script", "checkins_sources", "fingerprint", "fingerprints", "script",
           "selfcheck", "sources"]
