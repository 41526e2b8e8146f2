"""Turn what an interviewer said about their timeline into a date.

At the end of an interview people rarely name a date: they say "by the end of
the week", "in two weeks" or "we'll know by Friday". The follow-up plan needs a
date (no status call before it has passed, seed 004; news expected by the end
of the week means a call the following Tuesday, seed 002), so the words are
read here relative to the day they were said.

Where the words allow two readings, the later one is taken: calling a day late
costs nothing, calling before the promised date looks impatient. Anything not
understood gives None and the user picks the date themselves.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday",),  # no "sat" or "sun": "we sat down" is not a date
            ("sunday",),
        )
    )
    for name in names
}
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_COUNTS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "couple": 2,
    "a few": 3,
    "few": 3,
    "several": 3,
}
_FRIDAY = 4

_WEEKDAY = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_COUNT = r"\d{1,3}|" + "|".join(re.escape(word) for word in sorted(_COUNTS, key=len, reverse=True))


def _normalise(text: str) -> str:
    text = text.lower().replace("’", "'")
    text = re.sub(r"[^\w\s/-]", " ", text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)  # "mid-next-week" -> "mid next week"
    return re.sub(r"\s+", " ", text).strip()


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _COUNTS[word]


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _next_week(day: date, weekday: int) -> date:
    """That weekday in the week after the one `day` is in."""
    return _monday(day) + timedelta(days=7 + weekday)


def _weekday_after(day: date, weekday: int) -> date:
    """The first such weekday strictly after `day` ("by Friday", said on a Friday, is a week later)."""
    return day + timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


def _end_of_month(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _add_weekdays(day: date, count: int) -> date:
    """Monday to Friday only; public holidays are left to the follow-up plan."""
    while count:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def _on_or_after(said_on: date, month: int, day: int, year: int | None) -> date | None:
    try:
        if year is not None:
            return date(year, month, day)
        found = date(said_on.year, month, day)
        return found if found >= said_on else date(said_on.year + 1, month, day)
    except ValueError:
        return None


def _part_of_month(said_on: date, month: int, part: str) -> date:
    """Early, mid or late in the month named: the 10th, the 15th or its last day, this year or next."""
    year = said_on.year if month >= said_on.month else said_on.year + 1
    first = date(year, month, 1)
    if part in ("early", "beginning of", "start of"):
        return first.replace(day=10)
    if part in ("mid", "middle of"):
        return first.replace(day=15)
    return _end_of_month(first)


def _day_of_month(said_on: date, day: int) -> date | None:
    """'By the 15th': the first such day after today, this month or a later one."""
    for months in range(3):  # the 31st may be two months away
        month = _add_months(said_on.replace(day=1), months)
        if day <= calendar.monthrange(month.year, month.month)[1] and month.replace(day=day) > said_on:
            return month.replace(day=day)
    return None


_PART = r"(early|beginning of|start of|mid|middle of|late|end of|in|by|before the end of)"


def _in(said_on: date, count: int, unit: str) -> date:
    if unit.startswith(("business", "working", "work")):
        return _add_weekdays(said_on, count)
    if unit.startswith("day"):
        return said_on + timedelta(days=count)
    if unit.startswith("week"):
        return said_on + timedelta(weeks=count)
    return _add_months(said_on, count)


# Tried in order; the first that matches anywhere in the text wins, so the
# longer phrases ("end of next week") come before the shorter ones ("next week").
_READINGS = (
    (r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", lambda d, m: _on_or_after(d, int(m[2]), int(m[3]), int(m[1]))),
    (
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH})\b(?: (\d{{4}}))?",
        lambda d, m: _on_or_after(d, _MONTHS[m[2]], int(m[1]), int(m[3]) if m[3] else None),
    ),
    (
        rf"\b({_MONTH}) (\d{{1,2}})(?:st|nd|rd|th)?\b(?: (\d{{4}}))?",
        lambda d, m: _on_or_after(d, _MONTHS[m[1]], int(m[2]), int(m[3]) if m[3] else None),
    ),
    (r"\bday after tomorrow\b", lambda d, m: d + timedelta(days=2)),
    (r"\btomorrow\b", lambda d, m: d + timedelta(days=1)),
    (r"\b(?:today|tonight|end of (?:the )?day|eod|this afternoon|this evening)\b", lambda d, m: d),
    (
        rf"\b({_WEEKDAY}) (?:of )?(?:the )?(?:next|following) week\b",
        lambda d, m: _next_week(d, _WEEKDAYS[m[1]]),
    ),
    (r"\b(?:end of|late) (?:the )?(?:next|following) week\b", lambda d, m: _next_week(d, _FRIDAY)),
    (r"\b(?:beginning of|start of|early) (?:the )?(?:next|following) week\b", lambda d, m: _next_week(d, 1)),
    (r"\b(?:mid|middle of) (?:the )?(?:next|following) week\b", lambda d, m: _next_week(d, 2)),
    (r"\b(?:next|following) week\b", lambda d, m: _next_week(d, _FRIDAY)),
    (
        r"\b(?:end of (?:the |this )?week|this week|end of the working week|eow)\b",
        lambda d, m: d + timedelta(days=(_FRIDAY - d.weekday()) % 7),
    ),
    (
        rf"\b{_PART} (?:the )?(?:next|following) month\b",
        lambda d, m: _part_of_month(d, _add_months(d.replace(day=1), 1).month, m[1]),
    ),
    (r"\bnext month\b", lambda d, m: _end_of_month(_add_months(d.replace(day=1), 1))),
    (rf"\b{_PART} ({_MONTH})\b", lambda d, m: _part_of_month(d, _MONTHS[m[2]], m[1])),
    (r"\b(?:by|on|before|around) the (\d{1,2})(?:st|nd|rd|th)\b", lambda d, m: _day_of_month(d, int(m[1]))),
    (r"\b(?:end of (?:the |this )?month|this month|eom)\b", lambda d, m: _end_of_month(d)),
    (r"\b(?:end of (?:the |this )?year|this year)\b", lambda d, m: date(d.year, 12, 31)),
    (
        rf"\b({_COUNT}) (business days?|working days?|work days?|days?|weeks?|months?)\b",
        lambda d, m: _in(d, _count(m[1]), m[2]),
    ),
    (r"\bfortnight\b", lambda d, m: d + timedelta(days=14)),
    (rf"\b(?:next|following) ({_WEEKDAY})\b", lambda d, m: _next_week(d, _WEEKDAYS[m[1]])),
    (rf"\b({_WEEKDAY})\b", lambda d, m: _weekday_after(d, _WEEKDAYS[m[1]])),
)
_COMPILED = tuple((re.compile(pattern), read) for pattern, read in _READINGS)


def decision_date(words: str, said_on: date) -> date | None:
    """The date `words` (said on `said_on`) point to, or None if they name none we understand.

    >>> decision_date("by the end of the week", date(2026, 3, 10))  # a Tuesday
    datetime.date(2026, 3, 13)
    """
    text = _normalise(words)
    if not text:
        return None
    for pattern, read in _COMPILED:
        match = pattern.search(text)
        if match:
            return read(said_on, match)
    return None
