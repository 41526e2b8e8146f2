"""How much time is left to send the thank-you email.

The seeds disagree on how fast it must go, so the states follow their three
answers: the same day is best (seeds 000, 004), within 24 hours is the usual
limit (001, 003), and 48 hours is the very latest (002). All are counted from
the interview's start, the only time the app knows for sure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Literal

DeadlineState = Literal["before_interview", "on_time", "within_24h", "late", "very_late"]

USUAL_LIMIT = timedelta(hours=24)
LATEST = timedelta(hours=48)


@dataclass(frozen=True)
class ThankYouDeadline:
    """Where the user stands with the thank-you email.

    ``deadline`` is the next mark that matters: the end of the interview's
    day, then the 24-hour mark. ``left`` is the time until it, negative once
    the 24-hour mark has passed (how overdue the email is).
    """

    state: DeadlineState
    deadline: datetime
    left: timedelta
    since_interview: timedelta
    message: str

    @property
    def overdue(self) -> bool:
        return self.left < timedelta(0)


def thank_you_deadline_status(interview_starts_at: datetime, now: datetime) -> ThankYouDeadline:
    """Both datetimes naive (same local clock) or both timezone-aware.

    "Today" is the interview's calendar day in the interview's own timezone.
    """
    start = interview_starts_at
    if start.tzinfo is not None:
        now = now.astimezone(start.tzinfo)
    end_of_day = datetime.combine(start.date() + timedelta(days=1), time(0), tzinfo=start.tzinfo)
    usual = _after(start, USUAL_LIMIT)
    since = _elapsed(start, now)
    if now < start:
        state: DeadlineState = "before_interview"
        deadline = end_of_day
    elif now < end_of_day:
        state, deadline = "on_time", end_of_day
    elif since < USUAL_LIMIT:
        state, deadline = "within_24h", usual
    elif since < LATEST:
        state, deadline = "late", usual
    else:
        state, deadline = "very_late", usual
    left = _elapsed(now, deadline)
    return ThankYouDeadline(state, deadline, left, since, _message(state, left, since))


def _message(state: DeadlineState, left: timedelta, since: timedelta) -> str:
    if state == "before_interview":
        return "The interview has not started yet. Send the thank-you email the same day, once it is over."
    if state == "on_time":
        return f"{_duration(left)} left to send it today, the best time."
    if state == "within_24h":
        return f"{_duration(left)} left before 24 hours have passed since the interview: send it now."
    if state == "late":
        return (
            f"Sent late is better than never: {_duration(since)} since the interview. "
            "Send it before 48 hours have passed."
        )
    return (
        f"{_duration(since)} since the interview, past the 48-hour mark. A short, sincere "
        "thank-you still helps: send it today."
    )


# Aware datetimes sharing one tzinfo add and subtract as wall-clock times;
# going through UTC keeps a night with a daylight-saving change honest.
def _elapsed(earlier: datetime, later: datetime) -> timedelta:
    if earlier.tzinfo is not None:
        return later.astimezone(UTC) - earlier.astimezone(UTC)
    return later - earlier


def _after(start: datetime, span: timedelta) -> datetime:
    if start.tzinfo is not None:
        return (start.astimezone(UTC) + span).astimezone(start.tzinfo)
    return start + span


def _duration(span: timedelta) -> str:
    minutes = max(1, int(abs(span).total_seconds() // 60))
    if minutes < 60:
        return f"{minutes} min"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} h"
    return f"{hours // 24} days"
