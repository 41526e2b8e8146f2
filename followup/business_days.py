"""Business days of a region: a country, or one of its states, provinces or Länder.

Follow-ups are never due on a day the interviewer is off work. The calendar
comes from the `holidays` package, which also knows each country's weekend
(Friday and Saturday in Israel, for example), the weekend days some countries
turn into working days, and the holidays of each subdivision: Thanksgiving in
Ontario, Corpus Christi in Bavaria, Patriots' Day in Massachusetts.

This module is the one place that builds a holiday calendar. Everything that
counts business days takes a `Region` (or, for a whole country, its code).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

import holidays
from holidays import registry

from followup.errors import UnknownCountry


@dataclass(frozen=True)
class Region:
    """A country (ISO code) and optionally one of its subdivisions, both in canonical form.

    Building one checks both: an unknown country or a subdivision the country
    does not have raises ValueError with a message that names the bad code.
    An empty subdivision means the national holidays only.
    """

    country: str = "US"
    subdivision: str = ""

    def __post_init__(self) -> None:
        country = check_country(self.country)
        object.__setattr__(self, "country", country)
        object.__setattr__(self, "subdivision", check_subdivision(country, self.subdivision))

    @classmethod
    def of(cls, settings) -> Region:
        """The region of the user's settings (anything with `country` and `subdivision`)."""
        return cls(settings.country, settings.subdivision)

    @property
    def code(self) -> str:
        """ "US", or "CA-ON" with a subdivision: what the command line and the plan's text print."""
        return f"{self.country}-{self.subdivision}" if self.subdivision else self.country


RegionLike = Region | str


def region(value: RegionLike) -> Region:
    """A Region from a Region or a bare country code (the whole country)."""
    return value if isinstance(value, Region) else _whole_country(value)


@lru_cache(maxsize=512)
def _whole_country(country: str) -> Region:
    return Region(country)


def check_country(country: str) -> str:
    """The country code in canonical form, or UnknownCountry (a ValueError) naming the bad code."""
    code = country.strip().upper() if isinstance(country, str) else country
    if code not in _canonical_codes():
        raise UnknownCountry(f"Unknown country code {country!r}: use a two-letter code such as US, GB or DE.")
    return code


def check_subdivision(country: str, subdivision: str) -> str:
    """The subdivision's code in canonical form ("" for none), or ValueError naming the choices.

    Codes are matched whatever their case, and so are the names the `holidays`
    package knows ("Ontario", "Bayern"), so `on`, `ON` and `Ontario` all give ON.
    """
    if not isinstance(subdivision, str):
        raise ValueError(f"A region is a code such as ON or BY, not {subdivision!r}.")
    wanted = subdivision.strip()
    if not wanted:
        return ""
    country = check_country(country)
    choices = _subdivision_lookup(country)
    found = choices.get(wanted.casefold())
    if found is None:
        codes = [code for code, _ in subdivisions(country)]
        if not codes:
            raise ValueError(
                f"Unknown region {subdivision!r}: {country} has no regions with holidays of their own."
            )
        shown = (
            ", ".join(codes) if len(codes) <= 20 else ", ".join(codes[:20]) + f" (and {len(codes) - 20} more)"
        )
        raise ValueError(f"Unknown region {subdivision!r} for {country}: use one of {shown}.")
    return found


def subdivisions(country: str) -> list[tuple[str, str]]:
    """(code, name) of each subdivision with holidays of its own, in the package's order.

    The name is the first one the package gives for the code (English where it
    has one), or the code itself when it has none.
    """
    country = check_country(country)
    return list(_subdivisions(country))


def holiday_calendar_country(code: str) -> str:
    """The two-letter code of a supported country given by any of its codes ("USA" → "US")."""
    return _canonical_codes()[check_country(code)]


@cache
def _canonical_codes() -> dict[str, str]:
    """Every code of a country the `holidays` package knows ("US" and "USA"), to its two-letter one.

    From the package's registry, which names them without loading its calendars: any
    calendar, or the list of countries with their regions, loads the module of every
    country, a tenth of a second of a restore or a check of the settings."""
    return {code: entry[1] for entry in registry.COUNTRIES.values() for code in entry[1:] if code.isupper()}


def supported_countries() -> list[tuple[str, str]]:
    """(code, English name) of every country with a holiday calendar, sorted by name."""
    names = {entry[1]: _words(entry[0]) for entry in registry.COUNTRIES.values()}
    codes = holidays.list_supported_countries(include_aliases=False)
    return sorted(((code, names.get(code, code)) for code in codes), key=lambda item: item[1])


def is_business_day(day: date, where: RegionLike) -> bool:
    place = region(where)
    return _calendar(place.country, place.subdivision, day.year).is_working_day(day)


def holiday_name(day: date, where: RegionLike) -> str:
    """The public holiday on `day` in that region, or "" (a plain weekend day has no name)."""
    place = region(where)
    return _calendar(place.country, place.subdivision, day.year).get(day) or ""


def next_business_day_on_or_after(day: date, where: RegionLike) -> date:
    place = region(where)
    while not is_business_day(day, place):
        day += timedelta(days=1)
    return day


def business_day_on_or_before(day: date, where: RegionLike) -> date:
    """`day` itself if it is a business day, else the last one before it."""
    place = region(where)
    while not is_business_day(day, place):
        day -= timedelta(days=1)
    return day


def add_business_days(day: date, count: int, where: RegionLike) -> date:
    """The `count`-th business day after `day`; with 0, `day` itself moved to a business day.

    `day` need not be a business day: two business days after a Saturday is
    the Tuesday.
    """
    if count < 0:
        raise ValueError(f"Cannot add a negative number of business days ({count}).")
    place = region(where)
    if count == 0:
        return next_business_day_on_or_after(day, place)
    while count:
        day += timedelta(days=1)
        if is_business_day(day, place):
            count -= 1
    return day


# One year of one region's holidays is fixed data shared by every visitor;
# expand=False keeps a cached object from growing (mutating) when asked
# about another year, so each year gets its own entry instead.
@lru_cache(maxsize=512)
def _calendar(country: str, subdivision: str, year: int) -> holidays.HolidayBase:
    return holidays.country_holidays(country, subdiv=subdivision or None, years=year, expand=False)


@lru_cache(maxsize=64)
def _subdivisions(country: str) -> tuple[tuple[str, str], ...]:
    codes = holidays.list_supported_countries(include_aliases=False).get(country, [])
    names: dict[str, str] = {}
    for name, code in _aliases(country).items():
        names.setdefault(code, name)
    return tuple((code, names.get(code, code)) for code in codes)


@lru_cache(maxsize=64)
def _subdivision_lookup(country: str) -> dict[str, str]:
    known = {code for code, _ in _subdivisions(country)}
    lookup = {name.casefold(): code for name, code in _aliases(country).items() if code in known}
    lookup.update({code.casefold(): code for code, _ in _subdivisions(country)})
    return lookup


def _aliases(country: str) -> dict[str, str]:
    return dict(getattr(type(holidays.country_holidays(country)), "subdivisions_aliases", {}) or {})


def _words(class_name: str) -> str:
    """'SaintKittsAndNevis' -> 'Saint Kitts and Nevis': the package names countries by class."""
    words = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", class_name).split()
    small = {"And", "Of", "The", "Da"}
    return " ".join(word.lower() if word in small and index else word for index, word in enumerate(words))
