"""When a sheet is due to be checked again: its own ``review_by``, or the site's review period."""

from __future__ import annotations

import calendar
from datetime import date

from .schema import Sheet, Site


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it is shorter: 31 Jan + 1 = 28/29 Feb)."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def review_date(sheet: Sheet, site: Site) -> date | None:
    """The sheet's own review date, else last_updated plus the site's review period, else none."""
    if sheet.review_by:
        return sheet.review_by
    if site.review_after_months:
        return add_months(sheet.last_updated, site.review_after_months)
    return None


def is_overdue(sheet: Sheet, site: Site, today: date) -> bool:
    due = review_date(sheet, site)
    return due is not None and today > due
