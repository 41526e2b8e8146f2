"""Turn what an interviewer said about their timeline into a date.

At the end of an interview people rarely name a date: they say "by the end of
the week", "in a week or two" or "we'll know by Friday". The follow-up plan
needs a date (no status call before it has passed, as Cohen says; news
expected by the end of the week means a call the following Tuesday, as
DeCarlo says), so the words are read here relative to the day they were said.

Where the words allow two readings, the later one is taken: calling a day late
costs nothing, calling before the promised time has passed is the mistake the
sources warn about. So "a week or two" is two weeks, "Thursday or Friday" is
the Friday, "this week or next" is next week's Friday, and when the words name
several times ("we see two more people this week and decide next week") the
latest one counts.

A promise that lands on a day off is a promise for the last business day
before it: "by the end of next week" when that Friday is Christmas Day means
the Thursday. This needs the user's region (`business_days.Region`); without
one, the date is left where the words put it.

Anything not understood gives None and the user picks the date themselves.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from followup import business_days
from followup.business_days import Region
from followup.cadence import end_of_week

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
_COUNT = r"\d{1,3}(?:\.\d{1,2})?|" + "|".join(
    re.escape(word) for word in sorted(_COUNTS, key=len, reverse=True)
)
_UNIT = r"business days?|working days?|work days?|days?|weeks?|months?"
_ORDINAL = r"(?:st|nd|rd|th)"


def _normalise(text: str) -> str:
    text = text.lower().replace("’", "'")
    text = re.sub(r"(?!(?<=\d)\.(?=\d))[^\w\s/-]", " ", text)  # keep the point of "1.5 weeks"
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)  # "mid-next-week" -> "mid next week"
    return re.sub(r"\s+", " ", text).strip()


def _count(word: str) -> float:
    return float(word) if word[0].isdigit() else _COUNTS[word]


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _next_week(day: date, weekday: int, weeks: int = 1) -> date:
    """That weekday in the week `weeks` after the one `day` is in."""
    return _monday(day) + timedelta(days=7 * weeks + weekday)


def _weekday_after(day: date, weekday: int) -> date:
    """The first such weekday strictly after `day` ("by Friday", said on a Friday, is a week later)."""
    return day + timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


def _end_of_month(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _end_of_quarter(day: date, quarters: int = 0) -> date:
    last_month = _add_months(day.replace(day=1), 2 - (day.month - 1) % 3 + 3 * quarters)
    return _end_of_month(last_month)


def _add_weekdays(day: date, count: int) -> date:
    """Monday to Friday, when the region (and so its holidays) is not known."""
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


def _part_of_next_week(said_on: date, part: str | None) -> date:
    """Early, mid or late next week: its Tuesday, Wednesday or Friday (the later of two readings)."""
    if part in ("early", "beginning of", "start of"):
        return _next_week(said_on, 1)
    if part in ("mid", "middle of"):
        return _next_week(said_on, 2)
    return _next_week(said_on, _FRIDAY)


def _day_of_month(said_on: date, day: int) -> date | None:
    """'By the 15th': the first such day after today, this month or a later one."""
    for months in range(3):  # the 31st may be two months away
        month = _add_months(said_on.replace(day=1), months)
        if day <= calendar.monthrange(month.year, month.month)[1] and month.replace(day=day) > said_on:
            return month.replace(day=day)
    return None


_PART = r"(early|beginning of|start of|mid|middle of|late|end of|in|by|before the end of)"


def _in(said_on: date, count: float, unit: str, region: Region | None) -> date:
    """`count` units after `said_on`; a fraction ("a week and a half") rounds up, the later reading."""
    if unit.startswith(("business", "working", "work")):
        days = math.ceil(count)
        if region is not None:
            return business_days.add_business_days(said_on, days, region)
        return _add_weekdays(said_on, days)
    if unit.startswith("day"):
        return said_on + timedelta(days=math.ceil(count))
    if unit.startswith("week"):
        return said_on + timedelta(days=math.ceil(count * 7))
    whole = math.floor(count)
    return _add_months(said_on, whole) + timedelta(days=math.ceil((count - whole) * 30))


Read = Callable[[date, re.Match, Region | None], date | None]

# Each pattern is read wherever it matches, except inside a longer phrase
# already read: they are tried in this order, so the longer phrases ("end of
# next week") claim their words before the shorter ones ("next week") could.
_READINGS: tuple[tuple[str, Read], ...] = (
    (r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", lambda d, m, r: _on_or_after(d, int(m[2]), int(m[3]), int(m[1]))),
    (
        rf"\b(\d{{1,2}}){_ORDINAL}? (?:of )?({_MONTH})\b(?: (\d{{4}}))?",
        lambda d, m, r: _on_or_after(d, _MONTHS[m[2]], int(m[1]), int(m[3]) if m[3] else None),
    ),
    (
        # "May 5", "May 5 or 6", "May 5-8": the last day named.
        rf"\b({_MONTH}) (?:\d{{1,2}}{_ORDINAL}?(?: or |-| to ))?(\d{{1,2}}){_ORDINAL}?\b(?: (\d{{4}}))?",
        lambda d, m, r: _on_or_after(d, _MONTHS[m[1]], int(m[2]), int(m[3]) if m[3] else None),
    ),
    (r"\b(?:tomorrow or (?:the day )?after|day after tomorrow)\b", lambda d, m, r: d + timedelta(days=2)),
    (r"\btomorrow\b", lambda d, m, r: d + timedelta(days=1)),
    (r"\b(?:today|tonight|end of (?:the )?day|eod|this afternoon|this evening)\b", lambda d, m, r: d),
    (
        # "next week or the week after", "the week after next": that week's Friday.
        r"\b(?:(?:end of |late )?(?:the )?week after next|next week or the (?:week|one) after)\b",
        lambda d, m, r: _next_week(d, _FRIDAY, weeks=2),
    ),
    (
        rf"\b({_WEEKDAY}) (?:of )?(?:the )?(?:next|following) week\b",
        lambda d, m, r: _next_week(d, _WEEKDAYS[m[1]]),
    ),
    (
        # "this week or next", "this week or early next": the later week.
        r"\bweek or (?:(early|beginning of|start of|mid|middle of|late|end of) )?(?:the )?next\b(?! week)",
        lambda d, m, r: _part_of_next_week(d, m[1]),
    ),
    (
        r"\bmonth or (?:(early|beginning of|start of|mid|middle of|late|end of) )?(?:the )?next\b(?! month)",
        lambda d, m, r: _part_of_month(d, _add_months(d.replace(day=1), 1).month, m[1] or "end of"),
    ),
    (
        r"\b(early|beginning of|start of|mid|middle of|late|end of) (?:the )?(?:next|following) week\b",
        lambda d, m, r: _part_of_next_week(d, m[1]),
    ),
    (r"\b(?:next|following) week\b", lambda d, m, r: _next_week(d, _FRIDAY)),
    (
        r"\b(?:end of (?:the |this )?week|this week|end of the working week|eow)\b",
        lambda d, m, r: end_of_week(d),
    ),
    (
        rf"\b{_PART} (?:the )?(?:next|following) month\b",
        lambda d, m, r: _part_of_month(d, _add_months(d.replace(day=1), 1).month, m[1]),
    ),
    (r"\bnext month\b", lambda d, m, r: _end_of_month(_add_months(d.replace(day=1), 1))),
    (rf"\b{_PART} ({_MONTH})\b", lambda d, m, r: _part_of_month(d, _MONTHS[m[2]], m[1])),
    (
        rf"\b(?:by|on|before|around|or|to|-) the (\d{{1,2}}){_ORDINAL}\b",
        lambda d, m, r: _day_of_month(d, int(m[1])),
    ),
    (rf"\b(?:or|to) (\d{{1,2}}){_ORDINAL}\b", lambda d, m, r: _day_of_month(d, int(m[1]))),
    (r"\b(?:end of (?:the |this )?month|this month|eom)\b", lambda d, m, r: _end_of_month(d)),
    (r"\b(?:end of (?:the |this )?quarter|this quarter|eoq)\b", lambda d, m, r: _end_of_quarter(d)),
    (r"\bnext quarter\b", lambda d, m, r: _end_of_quarter(d, 1)),
    (r"\b(?:end of (?:the |this )?year|this year)\b", lambda d, m, r: date(d.year, 12, 31)),
    (
        # "a week or two", "a day, maybe two": the second count, in the unit of the first.
        rf"\b(?:{_COUNT}) ({_UNIT})(?: or| maybe| perhaps| possibly)+ ({_COUNT})\b",
        lambda d, m, r: _in(d, _count(m[2]), m[1], r),
    ),
    (
        # "1-2 weeks", "two to three weeks", "between one and two weeks": the second count.
        rf"\b(?:between (?:{_COUNT}) and|(?:{_COUNT})(?: ?- ?| or | to )) ?({_COUNT}) ({_UNIT})\b",
        lambda d, m, r: _in(d, _count(m[1]), m[2], r),
    ),
    (
        rf"\b({_COUNT}) ({_UNIT}) and a half\b|\b({_COUNT}) and a half ({_UNIT})\b",
        lambda d, m, r: _in(d, _count(m[1] or m[3]) + 0.5, m[2] or m[4], r),
    ),
    (rf"\b({_COUNT}) ({_UNIT})\b", lambda d, m, r: _in(d, _count(m[1]), m[2], r)),
    # "within 48 hours"; "an hour" is how long they talked, not when they decide.
    (r"\b(\d{2,3}) hours?\b", lambda d, m, r: d + timedelta(days=math.ceil(int(m[1]) / 24))),
    (r"\bfortnight\b", lambda d, m, r: d + timedelta(days=14)),
    (rf"\b(?:next|following) ({_WEEKDAY})\b", lambda d, m, r: _next_week(d, _WEEKDAYS[m[1]])),
    (rf"\b({_WEEKDAY})\b", lambda d, m, r: _weekday_after(d, _WEEKDAYS[m[1]])),
)
_COMPILED = tuple((re.compile(pattern), read) for pattern, read in _READINGS)


@dataclass(frozen=True)
class Reading:
    """What the words promise: `day`, the date to plan from, and `named`, the date the words name.

    The two differ when the words land on a day off in the user's region: the
    promise then holds for the last business day before it.
    """

    day: date
    named: date

    @property
    def moved(self) -> bool:
        return self.day != self.named


def read(words: str, said_on: date, region: Region | None = None) -> Reading | None:
    """The latest date `words` (said on `said_on`) point to, or None if they name none we understand."""
    text = _normalise(words)
    if not text:
        return None
    claimed: list[tuple[int, int]] = []
    found: list[date] = []
    for pattern, reading in _COMPILED:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < taken_end and taken_start < end for taken_start, taken_end in claimed):
                continue
            claimed.append((start, end))
            day = reading(said_on, match, region)
            if day is not None:
                found.append(day)
    if not found:
        return None
    named = max(found)
    if region is None or business_days.is_business_day(named, region):
        return Reading(named, named)
    before = business_days.business_day_on_or_before(named, region)
    return Reading(before if before >= said_on else named, named)


def decision_date(words: str, said_on: date, region: Region | None = None) -> date | None:
    """The date to plan from that `words` (said on `said_on`) point to, or None (see `read`).

    >>> decision_date("by the end of the week", date(2026, 3, 10))  # a Tuesday
    datetime.date(2026, 3, 13)
    """
    found = read(words, said_on, region)
    return found.day if found else None
