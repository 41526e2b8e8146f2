"""Business days of a country: its weekend and its public holidays.

Follow-ups are never due on a day the interviewer is off work. The calendar
comes from the `holidays` package, which also knows each country's weekend
(Friday and Saturday in Israel, for example) and the weekend days some
countries turn into working days.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

import holidays
from holidays import registry

from followup.errors import UnknownCountry


def check_country(country: str) -> str:
    """The country code in canonical form, or UnknownCountry (a ValueError) naming the bad code."""
    code = country.strip().upper() if isinstance(country, str) else country
    if code not in holidays.list_supported_countries():
        raise UnknownCountry(f"Unknown country code {country!r}: use a two-letter code such as US, GB or DE.")
    return code


def holiday_calendar_country(code: str) -> str:
    """The two-letter code of a supported country given by any of its codes ("USA" → "US")."""
    return _calendar(code, 2026).country


def supported_countries() -> list[tuple[str, str]]:
    """(code, English name) of every country with a holiday calendar, sorted by name."""
    names = {entry[1]: _words(entry[0]) for entry in registry.COUNTRIES.values()}
    codes = holidays.list_supported_countries(include_aliases=False)
    return sorted(((code, names.get(code, code)) for code in codes), key=lambda item: item[1])


def is_business_day(day: date, country: str) -> bool:
    return _calendar(check_country(country), day.year).is_working_day(day)


def next_business_day_on_or_after(day: date, country: str) -> date:
    while not is_business_day(day, country):
        day += timedelta(days=1)
    return day


def add_business_days(day: date, count: int, country: str) -> date:
    """The `count`-th business day after `day`; with 0, `day` itself moved to a business day.

    `day` need not be a business day: two business days after a Saturday is
    the Tuesday.
    """
    if count < 0:
        raise ValueError(f"Cannot add a negative number of business days ({count}).")
    if count == 0:
        return next_business_day_on_or_after(day, country)
    while count:
        day += timedelta(days=1)
        if is_business_day(day, country):
            count -= 1
    return day


# One year of one country's holidays is fixed data shared by every visitor;
# expand=False keeps a cached object from growing (mutating) when asked
# about another year, so each year gets its own entry instead.
@lru_cache(maxsize=256)
def _calendar(country: str, year: int) -> holidays.HolidayBase:
    return holidays.country_holidays(country, years=year, expand=False)


def _words(class_name: str) -> str:
    """'SaintKittsAndNevis' -> 'Saint Kitts and Nevis': the package names countries by class."""
    words = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", class_name).split()
    small = {"And", "Of", "The", "Da"}
    return " ".join(word.lower() if word in small and index else word for index, word in enumerate(words))
