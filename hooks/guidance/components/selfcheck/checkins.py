"""The self-check's progress: each group's result, the check-ins, the printed summary and the
answer files, in a script of their own (``assets/selfcheck-progress.js``) that the self-check loads
once a checklist has answers or kept check-ins, or a button that needs it is used; and its strings.

The script is the shared helpers, then ``checkins.js`` (check-ins kept, changes, merging),
``calendar.js`` (the reminder's calendar file), ``results.js`` (each group's counts and what is
left to do), ``report.js`` ("Print my answers"), ``files.js`` (saving and loading answers) and
``checkins-page.js`` (the part of the page), with ``NAMES`` written in, and given the
strings of every language of the site, by locale, as data (a JSON text the function is called
with): a sheet page read for the first time does not carry them, and the file is the same on every
page, opened from disk too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from ...language import ENGLISH_ATTRIBUTES, Language, N_, N_plural
from ...languages.dates import plural_samples
from ...served import data_literal, scripts_given_data
from ..shared import helper_sources
from .selfcheck import FOLDER, names_json

PROGRESS_URI = "assets/selfcheck-progress.js"
PARTS = ("checkins.js", "calendar.js", "results.js", "report.js", "files.js", "checkins-page.js")
STRINGS_PARAMETER = "STRINGS_BY_LOCALE"  # the served script's function's parameter: the strings, as data
MAX = 20  # check-ins kept per checklist; recording one more drops the oldest
ORDERED = ("not-yet", "partly", "yes")  # the answers (selfcheck.ANSWER_LABELS) between which a change moves up or down, lowest first

# The progress script's strings, by key (the self-check's own, such as "cancel", are there too).
PROGRESS_STRINGS: dict[str, str] = {
    "answers-of": N_("Answers of {name}"),
    "printed": N_("Answers printed on {date}"),
    "loaded": N_("Answers loaded from the file."),
    "bad-file": N_("This file cannot be loaded: it is not a file of answers saved from this self-check."),
    "other-file": N_("This file cannot be loaded: it holds answers to a different checklist."),
    "no-match": N_("This file cannot be loaded: none of its answers match the questions of this checklist as they are worded now. Your answers have not been changed."),
    "checkins-heading": N_("Check-ins"),
    "checkin-name": N_("Name this check-in (optional)"),
    "record": N_("Record this check-in"),
    "remind": N_("Remind me to check again"),
    "in-words": N_("Answered in words"),
    "checkins-choose": N_("Compare your answers now with the check-in of"),
    "checkins-delete": N_("Delete this check-in"),
    "checkins-delete-confirm": N_("Delete the check-in of {date}? This cannot be undone."),
    "checkins-delete-yes": N_("Yes, delete this check-in"),
    "checkins-deleted": N_("The check-in of {date} has been deleted."),
    "checkins-recorded": N_("Check-in recorded: {date}."),
    "checkins-dropped": N_("The oldest check-in, of {date}, was removed: up to {max} check-ins are kept for each checklist."),
    "checkins-unsaved": N_("Check-ins cannot be kept in this browser, so they will be lost when you leave the page. To keep them, save your answers to a file."),
    "checkins-unreadable": N_("Check-ins recorded earlier on this device could not be read."),
    "checkins-reworded": N_("Answered to an earlier wording of this question"),
    "changes-heading": N_("What has changed since {date}"),
    "changes-none": N_("Nothing has changed since the check-in of {date}."),
    "changes-up": N_("Moved up"),
    "changes-down": N_("Moved down"),
    "changes-new": N_("Newly answered"),
    "changes-removed": N_("No longer answered"),
    "changes-changed": N_("Changed"),
    "changes-same": N_("Same answer"),
    "changes-from-to": N_("{from}, now {to}"),
    "remind-legend": N_("Remind me to check again in"),
    "remind-hint": N_("The reminder is a calendar file made in this browser: nothing is sent anywhere. Open it to add the date to your calendar."),
    "remind-download": N_("Download the calendar file"),
    "remind-done": N_("The calendar file for {date} has been downloaded. Open it to add the reminder to your calendar."),
    "remind-title": N_("Check again: {checklist}"),
    "remind-description": N_("Answer the self-check \"{checklist}\" ({sheet}) again, and see what has changed since your last check-in."),
}

# Counted strings: key-<category> in every plural form of the language (Intl.PluralRules' categories).
PROGRESS_PLURALS: dict[str, tuple[str, str]] = {
    "checkins-kept": N_plural("You have {count} check-in on this device.", "You have {count} check-ins on this device."),
    "checkins-added": N_plural("{count} check-in added from the file.", "{count} check-ins added from the file."),
    "checkins-dropped-count": N_plural("The oldest {count} check-in was removed: up to {max} are kept for each checklist.",
                                       "The oldest {count} check-ins were removed: up to {max} are kept for each checklist."),
    "changes": N_plural("{count} answer has changed since the check-in of {date}.", "{count} answers have changed since the check-in of {date}."),
    "months": N_plural("{count} month", "{count} months"),
}


def checkin_strings(language: Language) -> dict[str, str]:
    """The check-ins' strings in ``language``, by key, every plural form as key-<category>; the keys
    of those not yet translated (shown in English) under ENGLISH_ATTRIBUTES, space-separated (none:
    ""), as shared.js's ``stringsGiven`` reads them."""
    texts = {key: language.gettext(english) for key, english in PROGRESS_STRINGS.items()}
    english = [key for key, message in PROGRESS_STRINGS.items() if not language.has_interface(message)]
    for key, (singular, plural) in PROGRESS_PLURALS.items():
        samples = plural_samples(language.facts.locale)
        forms = {f"{key}-{category}": language.ngettext(singular, plural, n) for category, n in samples.items()}
        texts.update(forms)
        english += [] if language.has_plural(singular, plural) else list(forms)
    texts = {key: text.replace("{max}", str(MAX)) for key, text in texts.items()}
    return texts | {ENGLISH_ATTRIBUTES: " ".join(english)}


def strings_by_locale(languages: Iterable[Language]) -> dict[str, dict[str, str]]:
    """The check-ins' strings of each of ``languages``, by the language's browser locale."""
    return {language.facts.browser_locale: checkin_strings(language) for language in languages}


def sources(languages: Iterable[Language]) -> list[tuple[str, str]]:
    """The check-ins' script before minifying, its (source, file) parts in order: the shared helpers,
    then its own parts with ``NAMES`` and the strings of ``languages`` (by locale, ``data_literal``)
    written in."""
    return _parts(data_literal(strings_by_locale(languages)))


def script(languages: Iterable[Language]) -> str:
    """The check-ins' script as the site serves it: the parts of ``sources()`` in one function,
    minified, which is given the strings of ``languages`` as data (``served.scripts_given_data``:
    a JSON text, on the file's line before its last)."""
    return scripts_given_data(_parts(STRINGS_PARAMETER), STRINGS_PARAMETER, strings_by_locale(languages))


def _parts(strings: str) -> list[tuple[str, str]]:
    """The (source, file) parts, with ``strings`` written where checkins-page.js says ``/* STRINGS */ {}``."""
    parts = helper_sources()
    for name in PARTS:
        source = (FOLDER / name).read_text(encoding="utf-8")
        for placeholder, value in (("/* STRINGS */ {}", strings), ("/* NAMES */ {}", names_json()), ("/* MAX */ 0", str(MAX)),
                                   ("/* ORDERED */ []", json.dumps(ORDERED))):
            source = source.replace(placeholder, value)
        parts.append((source, str(FOLDER / name)))
    return parts
