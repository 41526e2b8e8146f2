"""Today's date and the time of day, read in one place.

Every rule that depends on "today" asks this module, so a test (or a demo
recorded on another day) can set the clock once and the whole app agrees.
A set clock stands still; `set_now(None)` returns to the system's clock.

A process started by a test (the app's server, the command line) can be given
its moment through the environment: `FOLLOWUP_NOW=2026-12-06T10:00` stops its
clock there, so the test and the process it drives agree on the day even when
the test runs across midnight.
"""

from __future__ import annotations

import functools
import os
from datetime import date, datetime

from followup.errors import BadSetting

NOW_VARIABLE = "FOLLOWUP_NOW"


class _Clock:
    fixed: datetime | None = None


def now() -> datetime:
    """The current local time, naive as everything the app stores."""
    if _Clock.fixed is not None:
        return _Clock.fixed
    configured = os.environ.get(NOW_VARIABLE, "").strip()
    return _parse(configured) if configured else datetime.now()


def today() -> date:
    return now().date()


def set_now(moment: datetime | date | None) -> None:
    """Stop the clock at `moment` (a date means 9:00 that day); None lets it run again."""
    _Clock.fixed = None if moment is None else _moment(moment)


def environment(moment: datetime | None = None) -> dict[str, str]:
    """The variables that give a child process this clock's moment (or `moment`)."""
    return {NOW_VARIABLE: (moment or now()).isoformat()}


def _moment(value: datetime | date) -> datetime:
    if isinstance(value, datetime):
        # Everything the app stores is local and naive.
        return value.astimezone().replace(tzinfo=None) if value.tzinfo else value
    return datetime(value.year, value.month, value.day, 9, 0)


@functools.lru_cache(maxsize=4)
def _parse(text: str) -> datetime:
    try:
        return _moment(
            datetime.fromisoformat(text) if "T" in text or " " in text else date.fromisoformat(text)
        )
    except ValueError:
        raise BadSetting(
            f"{NOW_VARIABLE} is not a date and time: {text!r}. Write it as 2026-12-06T10:00 "
            "(or a date alone for 9:00 that day), or leave it unset to use the computer's clock."
        ) from None
