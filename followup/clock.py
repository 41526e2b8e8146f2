"""Today's date and the time of day, read in one place.

Every rule that depends on "today" asks this module, so a test (or a demo
recorded on another day) can set the clock once and the whole app agrees.
A set clock stands still; `set_now(None)` returns to the system's clock.
"""

from __future__ import annotations

from datetime import date, datetime


class _Clock:
    fixed: datetime | None = None


def now() -> datetime:
    """The current local time, naive as everything the app stores."""
    return _Clock.fixed if _Clock.fixed is not None else datetime.now()


def today() -> date:
    return now().date()


def set_now(moment: datetime | date | None) -> None:
    """Stop the clock at `moment` (a date means 9:00 that day); None lets it run again."""
    if moment is not None and not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day, 9, 0)
    _Clock.fixed = moment
