"""One clock for the app: set by tests in-process, or through FOLLOWUP_NOW for a process they start."""

from datetime import date, datetime

import pytest

from followup import clock
from followup.errors import BadSetting


@pytest.fixture
def running(monkeypatch):
    """The clock as a freshly started process has it: not set by a test."""
    monkeypatch.delenv(clock.NOW_VARIABLE, raising=False)
    clock.set_now(None)


def test_a_set_clock_stands_still_and_a_date_means_nine_in_the_morning(running):
    clock.set_now(date(2026, 12, 6))
    assert clock.now() == datetime(2026, 12, 6, 9, 0)
    assert clock.today() == date(2026, 12, 6)
    clock.set_now(datetime(2026, 12, 31, 23, 59, 40))
    assert (clock.now(), clock.now()) == (datetime(2026, 12, 31, 23, 59, 40),) * 2


def test_a_started_process_takes_its_moment_from_the_environment(running, monkeypatch):
    monkeypatch.setenv(clock.NOW_VARIABLE, "2027-01-01T00:00:05")
    assert clock.now() == datetime(2027, 1, 1, 0, 0, 5)
    monkeypatch.setenv(clock.NOW_VARIABLE, " 2026-12-07 ")
    assert clock.now() == datetime(2026, 12, 7, 9, 0)
    # What the test sets wins over the environment.
    clock.set_now(date(2026, 12, 8))
    assert clock.today() == date(2026, 12, 8)


def test_the_environment_handed_on_carries_the_moment(running):
    clock.set_now(datetime(2026, 12, 6, 23, 59, 40))
    assert clock.environment() == {"FOLLOWUP_NOW": "2026-12-06T23:59:40"}


@pytest.mark.parametrize("text", ["tomorrow", "2026-13-01", "06/12/2026"])
def test_a_moment_that_cannot_be_read_is_said_in_plain_words(running, monkeypatch, text):
    monkeypatch.setenv(clock.NOW_VARIABLE, text)
    with pytest.raises(BadSetting) as refused:
        clock.now()
    assert str(refused.value).startswith(f"FOLLOWUP_NOW is not a date and time: {text!r}.")
    assert "2026-12-06T10:00" in str(refused.value)


def test_without_a_setting_it_is_the_computers_clock(running):
    before = datetime.now()
    assert before <= clock.now() <= datetime.now()
