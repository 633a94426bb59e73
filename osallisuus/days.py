"""Days as the county reads them: a date's start in the current time zone (Helsinki)."""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone


def start_of_day(day: date) -> datetime:
    """The moment `day` begins in the current time zone: the bound of every "from this day"
    and, for the day after, of every "up to and including this day"."""
    return timezone.make_aware(datetime.combine(day, time.min))
