from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from followup.thank_you_timing import thank_you_deadline_status

START = datetime(2025, 3, 4, 10, 0)


@pytest.mark.parametrize(
    ("now", "state", "left", "words"),
    [
        (datetime(2025, 3, 4, 9, 0), "before_interview", timedelta(hours=15), "not started"),
        (
            datetime(2025, 3, 4, 10, 30),
            "on_time",
            timedelta(hours=13, minutes=30),
            "13 h left to send it today",
        ),
        (datetime(2025, 3, 4, 23, 30), "on_time", timedelta(minutes=30), "30 min left"),
        (datetime(2025, 3, 5, 0, 0), "within_24h", timedelta(hours=10), "10 h left"),
        (datetime(2025, 3, 5, 9, 59), "within_24h", timedelta(minutes=1), "1 min left"),
        (datetime(2025, 3, 5, 10, 0), "late", timedelta(0), "24 h since the interview"),
        (datetime(2025, 3, 5, 16, 0), "late", timedelta(hours=-6), "Sent late is better than never: 30 h"),
        (datetime(2025, 3, 6, 10, 0), "very_late", timedelta(hours=-24), "2 days since"),
        (datetime(2025, 3, 7, 11, 0), "very_late", timedelta(hours=-49), "3 days since"),
    ],
)
def test_states_through_the_days(now, state, left, words):
    status = thank_you_deadline_status(START, now)
    assert status.state == state
    assert status.left == left
    assert status.overdue == (left < timedelta(0))
    assert words in status.message


def test_late_evening_interview_still_has_the_next_day():
    status = thank_you_deadline_status(datetime(2025, 3, 4, 23, 0), datetime(2025, 3, 5, 1, 0))
    assert status.state == "within_24h"
    assert status.left == timedelta(hours=22)
    assert status.since_interview == timedelta(hours=2)


def test_daylight_saving_night_counts_real_hours():
    berlin = ZoneInfo("Europe/Berlin")
    start = datetime(2025, 3, 29, 10, 0, tzinfo=berlin)
    # Clocks jump forward that night: 10:00 the next day is only 23 h later.
    status = thank_you_deadline_status(start, datetime(2025, 3, 30, 10, 0, tzinfo=berlin))
    assert status.state == "within_24h"
    assert status.left == timedelta(hours=1)
    assert status.deadline == datetime(2025, 3, 30, 11, 0, tzinfo=berlin)


def test_now_in_another_timezone_is_read_on_the_interview_clock():
    start = datetime(2025, 3, 4, 20, 0, tzinfo=ZoneInfo("America/New_York"))
    now = datetime(2025, 3, 5, 3, 0, tzinfo=UTC)  # 22:00 in New York
    status = thank_you_deadline_status(start, now)
    assert status.state == "on_time"
    assert status.left == timedelta(hours=2)
