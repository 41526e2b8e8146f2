from datetime import date

import holidays
import pytest

from followup.business_days import (
    Region,
    add_business_days,
    business_day_on_or_before,
    check_country,
    check_subdivision,
    holiday_calendar_country,
    holiday_name,
    is_business_day,
    next_business_day_on_or_after,
    region,
    subdivisions,
    supported_countries,
)

THANKSGIVING_2026 = date(2026, 11, 26)


def test_weekdays_are_business_days_and_weekends_are_not():
    assert is_business_day(date(2026, 11, 20), "US")  # Friday
    assert not is_business_day(date(2026, 11, 21), "US")  # Saturday
    assert not is_business_day(date(2026, 11, 22), "US")  # Sunday


def test_public_holidays_are_not_business_days():
    assert not is_business_day(THANKSGIVING_2026, "US")
    assert is_business_day(THANKSGIVING_2026, "GB")


def test_observed_holiday_is_not_a_business_day():
    # 4 July 2026 is a Saturday; the federal holiday is observed on Friday 3 July.
    assert not is_business_day(date(2026, 7, 3), "US")


def test_country_weekend_is_respected():
    assert not is_business_day(date(2026, 11, 20), "IL")  # Friday is weekend in Israel
    assert is_business_day(date(2026, 11, 22), "IL")  # Sunday is a working day there


def test_next_business_day_on_or_after():
    assert next_business_day_on_or_after(date(2026, 11, 20), "US") == date(2026, 11, 20)
    assert next_business_day_on_or_after(date(2026, 11, 21), "US") == date(2026, 11, 23)
    assert next_business_day_on_or_after(THANKSGIVING_2026, "US") == date(2026, 11, 27)
    # Christmas Day on Friday, Boxing Day (Saturday) substituted on Monday 28 December.
    assert next_business_day_on_or_after(date(2026, 12, 25), "GB") == date(2026, 12, 29)


def test_add_business_days_skips_weekends_and_holidays():
    assert add_business_days(date(2026, 11, 20), 2, "US") == date(2026, 11, 24)  # Friday -> Tuesday
    assert add_business_days(date(2026, 11, 25), 1, "US") == date(2026, 11, 27)  # over Thanksgiving
    assert add_business_days(date(2026, 11, 21), 2, "US") == date(2026, 11, 24)  # from a Saturday
    assert add_business_days(date(2026, 12, 31), 1, "US") == date(2027, 1, 4)  # over New Year and a weekend


def test_add_zero_business_days_moves_to_a_business_day():
    assert add_business_days(date(2026, 11, 21), 0, "US") == date(2026, 11, 23)
    assert add_business_days(date(2026, 11, 20), 0, "US") == date(2026, 11, 20)


def test_negative_count_is_refused():
    with pytest.raises(ValueError):
        add_business_days(date(2026, 11, 20), -1, "US")


def test_country_code_is_case_insensitive():
    assert check_country(" us ") == "US"
    assert is_business_day(date(2026, 11, 20), "us")


@pytest.mark.parametrize("code", ["XX", "", "United States"])
def test_unknown_country_names_the_code(code):
    with pytest.raises(ValueError, match=repr(code)):
        is_business_day(date(2026, 11, 20), code)


def test_supported_countries_for_the_settings_dropdown():
    countries = dict(supported_countries())
    assert countries["US"] == "United States"
    assert countries["GB"] == "United Kingdom"
    assert countries["KN"] == "Saint Kitts and Nevis"
    assert all(len(code) == 2 for code in countries)
    names = [name for _, name in supported_countries()]
    assert names == sorted(names)


# Regions: a country's states, provinces and Länder have holidays of their own.


def test_ontario_keeps_thanksgiving_which_canada_as_a_whole_does_not():
    thanksgiving = date(2026, 10, 12)  # the second Monday of October
    assert not is_business_day(thanksgiving, Region("CA", "ON"))
    assert is_business_day(thanksgiving, Region("CA"))
    assert holiday_name(thanksgiving, Region("CA", "ON")) == "Thanksgiving Day"


def test_bavaria_keeps_corpus_christi_which_berlin_does_not():
    corpus_christi = date(2026, 6, 4)  # sixty days after Easter Sunday, 5 April 2026
    assert not is_business_day(corpus_christi, Region("DE", "BY"))
    assert is_business_day(corpus_christi, Region("DE", "BE"))
    assert add_business_days(date(2026, 6, 3), 1, Region("DE", "BY")) == date(2026, 6, 5)


@pytest.mark.parametrize("given", ["ON", "on", " On ", "Ontario", "ontario"])
def test_a_region_is_matched_by_code_or_name_whatever_the_case(given):
    assert Region("ca", given) == Region("CA", "ON")
    assert check_subdivision("CA", given) == "ON"


def test_an_empty_region_is_the_whole_country():
    assert Region("US", "") == Region("US") == region("us")
    assert Region("US").code == "US" and Region("US", "ny").code == "US-NY"


@pytest.mark.parametrize(
    "country, given, message",
    [
        ("CA", "XX", "Unknown region 'XX' for CA: use one of AB, BC, MB"),
        ("GB", "ON", "Unknown region 'ON' for GB: use one of ENG, NIR, SCT, WLS."),
        ("US", "Quebec", "Unknown region 'Quebec' for US"),
    ],
)
def test_a_region_the_country_does_not_have_is_refused_with_the_choices(country, given, message):
    with pytest.raises(ValueError, match=message):
        Region(country, given)


def test_a_country_without_regions_says_so():
    with pytest.raises(ValueError, match="has no regions with holidays of their own"):
        Region("IS", "X")
    assert subdivisions("IS") == []


def test_subdivisions_for_the_settings_dropdown_have_names():
    ontario = dict(subdivisions("CA"))
    assert ontario["ON"] == "Ontario" and ontario["QC"] == "Quebec"
    assert dict(subdivisions("DE"))["BY"] == "Bayern"
    assert dict(subdivisions("US"))["MA"] == "Massachusetts"


def test_the_business_day_on_or_before():
    assert business_day_on_or_before(date(2026, 12, 25), "US") == date(2026, 12, 24)  # Christmas, a Friday
    assert business_day_on_or_before(date(2026, 11, 22), "US") == date(2026, 11, 20)  # Sunday -> Friday
    assert business_day_on_or_before(date(2026, 11, 20), "US") == date(2026, 11, 20)


def test_every_code_of_a_country_names_the_calendar_the_package_gives_it():
    """Codes are looked up in the package's registry; its calendars are the reference."""
    codes = holidays.list_supported_countries()
    assert {"US", "USA", "GB", "UK", "DE"} <= set(codes)
    for code in codes:
        expected = holidays.country_holidays(code, years=2026).country
        assert holiday_calendar_country(code) == expected
        assert holiday_calendar_country(code.lower()) == expected
    with pytest.raises(ValueError, match="Unknown country code 'XX'"):
        holiday_calendar_country("XX")
