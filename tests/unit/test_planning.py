from datetime import date, datetime, timedelta

import pytest

from followup import planning
from followup.errors import StaleEdit, ValidationFailed
from followup.model import (
    ActionKind,
    ActionStatus,
    Application,
    AttemptOutcome,
    CallsWelcome,
    Interview,
    Interviewer,
    Status,
)


@pytest.fixture
def interviewed(store):
    """An application interviewed on Monday 2026-11-02 by one person with an email."""
    application = Application("Acme", "Analyst")
    store.add_application(application)
    interview = Interview(application.id, datetime(2026, 11, 2, 10), calls_welcome=CallsWelcome.YES)
    store.add_interview(interview)
    store.add_interviewer(Interviewer(interview.id, "Dana Lee", email="dana@acme.example"))
    return application


def _planned(store, application_id, kind=None):
    return [a for a in store.list_actions(application_id, ActionStatus.PLANNED) if kind in (None, a.kind)]


def test_replan_stores_the_rules_plan(store, interviewed):
    planning.replan(store, interviewed.id)
    [thanks] = _planned(store, interviewed.id, ActionKind.THANK_YOU_EMAIL)
    assert thanks.due == date(2026, 11, 2)
    checks = _planned(store, interviewed.id, ActionKind.STATUS_CHECK)
    # A week after, then 5 business days later, skipping Veterans Day (Wed 11 Nov).
    assert [c.due for c in checks][:2] == [date(2026, 11, 9), date(2026, 11, 17)]
    assert all(c.why for c in checks)


def test_replanning_twice_does_not_duplicate(store, interviewed):
    planning.replan(store, interviewed.id)
    first = [(a.kind, a.due) for a in store.list_actions(interviewed.id)]
    planning.replan(store, interviewed.id)
    assert [(a.kind, a.due) for a in store.list_actions(interviewed.id)] == first


def test_no_answer_moves_the_next_check_on_from_the_day_it_was_logged(store, interviewed):
    planning.replan(store, interviewed.id)
    first_check = _planned(store, interviewed.id, ActionKind.STATUS_CHECK)[0]
    planning.log_attempt(store, first_check, AttemptOutcome.NO_ANSWER, on=date(2026, 11, 10))
    logged = [a for a in store.list_actions(interviewed.id) if a.status is ActionStatus.DONE]
    assert [(a.kind, a.outcome, a.done_on) for a in logged] == [
        (ActionKind.STATUS_CHECK, AttemptOutcome.NO_ANSWER, date(2026, 11, 10))
    ]
    following = _planned(store, interviewed.id, ActionKind.STATUS_CHECK)[0]
    # Five business days after Tue 10 Nov, with Veterans Day (Wed 11 Nov) off.
    assert (following.attempt, following.due) == (2, date(2026, 11, 18))
    assert store.get_application(interviewed.id).status is Status.WAITING


def test_a_rejection_sets_the_stage_and_plans_the_thanks(store, interviewed):
    planning.replan(store, interviewed.id)
    check = _planned(store, interviewed.id, ActionKind.STATUS_CHECK)[0]
    planning.log_attempt(store, check, AttemptOutcome.REJECTION, on=date(2026, 11, 9))
    assert store.get_application(interviewed.id).status is Status.REJECTED
    kinds = [(a.kind, a.due) for a in _planned(store, interviewed.id)]
    assert (ActionKind.THANKS_FOR_CONSIDERATION, date(2026, 11, 10)) in kinds
    assert not _planned(store, interviewed.id, ActionKind.STATUS_CHECK)


def test_an_offer_ends_the_chase_and_plans_the_thanks(store, interviewed):
    planning.replan(store, interviewed.id)
    check = _planned(store, interviewed.id, ActionKind.STATUS_CHECK)[0]
    planning.log_attempt(store, check, AttemptOutcome.OFFER, on=date(2026, 11, 9))
    assert store.get_application(interviewed.id).status is Status.OFFER
    assert [(a.kind, a.due) for a in _planned(store, interviewed.id)] == [
        (ActionKind.OFFER_THANKS, date(2026, 11, 10))
    ]


def test_an_earlier_rounds_next_round_answer_does_not_stop_the_new_round(store, interviewed):
    planning.replan(store, interviewed.id)
    check = _planned(store, interviewed.id, ActionKind.STATUS_CHECK)[0]
    planning.log_attempt(store, check, AttemptOutcome.SPOKE_NEXT_ROUND, on=date(2026, 11, 9))
    assert not _planned(store, interviewed.id, ActionKind.STATUS_CHECK)
    second = Interview(interviewed.id, datetime(2026, 11, 16, 10), round=2)
    store.add_interview(second)
    store.add_interviewer(Interviewer(second.id, "Sam Roy", email="sam@acme.example"))
    planning.replan(store, interviewed.id)
    assert _planned(store, interviewed.id, ActionKind.STATUS_CHECK)[0].due == date(2026, 11, 23)


def test_a_rescheduled_action_stays_where_the_user_put_it(today, store, interviewed):
    planning.replan(store, interviewed.id)
    check = _planned(store, interviewed.id, ActionKind.STATUS_CHECK)[0]
    new_day = today + timedelta(days=3)
    planning.reschedule(store, check, new_day)
    planning.replan(store, interviewed.id)
    moved = [a for a in _planned(store, interviewed.id) if a.manual]
    assert [(a.kind, a.due) for a in moved] == [(ActionKind.STATUS_CHECK, new_day)]


def test_impossible_dates_are_refused(today, store, interviewed):
    planning.replan(store, interviewed.id)
    check = _planned(store, interviewed.id, ActionKind.STATUS_CHECK)[0]
    with pytest.raises(ValidationFailed):
        planning.log_attempt(store, check, AttemptOutcome.NO_ANSWER, on=today + timedelta(days=1))
    with pytest.raises(ValidationFailed):
        planning.reschedule(store, check, today - timedelta(days=1))
    assert store.list_actions(interviewed.id, ActionStatus.DONE) == []


def test_an_application_without_interview_has_no_plan(store):
    application = Application("Acme", "Analyst")
    store.add_application(application)
    assert planning.replan(store, application.id) == []


def test_an_attempt_logged_in_another_tab_is_not_overwritten(today, store, interviewed):
    """Two tabs show the same status check; the later click must not replace the first log."""
    planning.replan(store, interviewed.id)
    check = _planned(store, interviewed.id, ActionKind.STATUS_CHECK)[0]
    planning.log_attempt(store, check, AttemptOutcome.LEFT_VOICEMAIL, on=date(2026, 11, 9), note="first tab")
    with pytest.raises(StaleEdit, match="already logged or skipped in another tab"):
        planning.log_attempt(store, check, AttemptOutcome.NO_ANSWER, on=date(2026, 11, 9))
    with pytest.raises(StaleEdit):
        planning.skip(store, check)
    with pytest.raises(StaleEdit):
        planning.reschedule(store, check, today + timedelta(days=3))
    [logged] = [a for a in store.list_actions(interviewed.id) if a.id == check.id]
    assert (logged.status, logged.outcome, logged.outcome_note) == (
        ActionStatus.DONE,
        AttemptOutcome.LEFT_VOICEMAIL,
        "first tab",
    )
    # Nothing was logged twice: one attempt done, the next one planned.
    done = [
        a
        for a in store.list_actions(interviewed.id)
        if a.kind is ActionKind.STATUS_CHECK and a.status is ActionStatus.DONE
    ]
    assert len(done) == 1
