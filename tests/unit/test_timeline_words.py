from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.timeline_words import decision_date

TUESDAY = date(2026, 3, 10)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("by end of week", date(2026, 3, 13)),
        ("By the end of the week!", date(2026, 3, 13)),
        ("this week", date(2026, 3, 13)),
        ("next week", date(2026, 3, 20)),
        ("by the end of next week", date(2026, 3, 20)),
        ("early next week", date(2026, 3, 17)),
        ("mid-next-week", date(2026, 3, 18)),
        ("in two weeks", date(2026, 3, 24)),
        ("in 2 weeks' time", date(2026, 3, 24)),
        ("a couple of weeks", date(2026, 3, 24)),
        ("1-2 weeks", date(2026, 3, 24)),
        ("a fortnight", date(2026, 3, 24)),
        ("within 10 days", date(2026, 3, 20)),
        ("in a few days", date(2026, 3, 13)),
        ("3 business days", date(2026, 3, 13)),
        ("five working days", date(2026, 3, 17)),
        ("tomorrow", date(2026, 3, 11)),
        ("the day after tomorrow", date(2026, 3, 12)),
        ("today", TUESDAY),
        ("by Friday", date(2026, 3, 13)),
        ("by fri", date(2026, 3, 13)),
        ("on Monday", date(2026, 3, 16)),
        ("next Friday", date(2026, 3, 20)),
        ("by the end of the month", date(2026, 3, 31)),
        ("next month", date(2026, 4, 30)),
        ("early next month", date(2026, 4, 10)),
        ("mid next month", date(2026, 4, 15)),
        ("mid-April", date(2026, 4, 15)),
        ("early May", date(2026, 5, 10)),
        ("late February", date(2027, 2, 28)),  # February has passed: next year's
        ("in June", date(2026, 6, 30)),
        ("by the end of March", date(2026, 3, 31)),
        ("we may decide in May", date(2026, 5, 31)),
        ("by the 15th", date(2026, 3, 15)),
        ("by the 10th", date(2026, 4, 10)),  # said on the 10th: next month's
        ("by the 31st", date(2026, 3, 31)),
        ("by Monday next week", date(2026, 3, 16)),
        ("Thursday of next week", date(2026, 3, 19)),
        ("in a month", date(2026, 4, 10)),
        ("March 20", date(2026, 3, 20)),
        ("the 20th of March", date(2026, 3, 20)),
        ("Jan 5", date(2027, 1, 5)),
        ("2026-04-01", date(2026, 4, 1)),
        ("They said: we decide by the end of next week, HR calls after", date(2026, 3, 20)),
    ],
)
def test_common_answers_become_dates(words, expected):
    assert decision_date(words, TUESDAY) == expected


@pytest.mark.parametrize(
    "words", ["", "   ", "no idea", "when the board has met", "we sat down for an hour", "soon", "3/14"]
)
def test_words_without_a_date_give_none(words):
    assert decision_date(words, TUESDAY) is None


def test_a_weekday_named_on_that_weekday_means_the_next_one():
    friday = date(2026, 3, 13)
    assert decision_date("by Friday", friday) == date(2026, 3, 20)


def test_end_of_week_said_at_the_weekend_is_the_coming_friday():
    saturday = date(2026, 3, 14)
    assert decision_date("end of the week", saturday) == date(2026, 3, 20)


def test_end_of_next_month_across_the_year():
    assert decision_date("end of next month", date(2026, 12, 3)) == date(2027, 1, 31)
    assert decision_date("in a month", date(2026, 1, 31)) == date(2026, 2, 28)


def test_an_impossible_date_is_not_a_date():
    assert decision_date("February 30", TUESDAY) is None


@given(
    said_on=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
    words=st.sampled_from(
        [
            "end of week",
            "next week",
            "in two weeks",
            "by Friday",
            "within 10 days",
            "tomorrow",
            "3 business days",
            "next month",
            "end of the month",
            "next monday",
            "a few days",
        ]
    ),
)
def test_relative_answers_never_point_before_the_day_they_were_said(said_on, words):
    found = decision_date(words, said_on)
    assert found is not None
    assert said_on <= found <= said_on + timedelta(days=62)


@given(st.text(max_size=80))
def test_any_text_gives_a_date_or_none(words):
    found = decision_date(words, TUESDAY)
    assert found is None or isinstance(found, date)


# Where the words allow two readings, the later one (TUESDAY is Tuesday 10 March 2026).


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("in a week or two", date(2026, 3, 24)),  # two weeks, not one
        ("a day or two", date(2026, 3, 12)),
        ("a month or two", date(2026, 5, 10)),
        ("a week, maybe two", date(2026, 3, 24)),
        ("two to three weeks", date(2026, 3, 31)),
        ("between one and two weeks", date(2026, 3, 24)),
        ("2-3 business days", date(2026, 3, 13)),  # Wed, Thu, Fri
        ("a week and a half", date(2026, 3, 21)),  # ten and a half days, rounded up
        ("1.5 weeks", date(2026, 3, 21)),
        ("Thursday or Friday", date(2026, 3, 13)),
        ("this week or next", date(2026, 3, 20)),  # next week's Friday
        ("this week or early next", date(2026, 3, 17)),  # next week's Tuesday
        ("next week or the week after", date(2026, 3, 27)),
        ("the week after next", date(2026, 3, 27)),
        ("tomorrow or the day after", date(2026, 3, 12)),
        ("by the 15th or the 20th", date(2026, 3, 20)),
        ("May 5 or 6", date(2026, 5, 6)),
        ("this month or next", date(2026, 4, 30)),
        ("end of this month or early next", date(2026, 4, 10)),
        ("within 48 hours", date(2026, 3, 12)),
        ("by the end of the quarter", date(2026, 3, 31)),
        ("next quarter", date(2026, 6, 30)),
        ("two more people this week, then a decision next week", date(2026, 3, 20)),
    ],
)
def test_the_later_of_two_readings_is_taken(words, expected):
    assert decision_date(words, TUESDAY) == expected


def test_a_promise_on_a_day_off_holds_for_the_business_day_before_it():
    from followup.business_days import Region
    from followup.timeline_words import read

    us = Region("US")
    # Said on Monday 14 December 2026: next week's Friday is Christmas Day; the Thursday counts.
    assert read("by the end of next week", date(2026, 12, 14), us).day == date(2026, 12, 24)
    # "End of the month" in October 2026: Saturday 31, so Friday 30.
    reading = read("by the end of the month", date(2026, 10, 5), us)
    assert (reading.day, reading.named, reading.moved) == (date(2026, 10, 30), date(2026, 10, 31), True)
    # A working day stays as it is; without a region nothing moves.
    assert read("by Friday", TUESDAY, us) == read("by Friday", TUESDAY)
    assert not read("by Friday", TUESDAY, us).moved
    assert read("by the end of next week", date(2026, 12, 14)).day == date(2026, 12, 25)


def test_business_days_in_the_words_count_the_regions_holidays():
    from followup.business_days import Region

    # Said on Wednesday 25 November 2026: three business days skip Thanksgiving (Thursday 26):
    # Friday 27, Monday 30, Tuesday 1 December. Without the region only the weekend is skipped.
    assert decision_date("within 3 business days", date(2026, 11, 25), Region("US")) == date(2026, 12, 1)
    assert decision_date("within 3 business days", date(2026, 11, 25)) == date(2026, 11, 30)


def test_a_reading_never_moves_before_the_day_it_was_said():
    from followup.business_days import Region

    saturday = date(2026, 3, 14)
    assert decision_date("today", saturday, Region("US")) == saturday
