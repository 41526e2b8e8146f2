from datetime import date, datetime, timedelta

import pytest

from followup import clock, planning
from followup.errors import StaleEdit, ValidationFailed
from followup.model import (
    ActionKind,
    ActionStatus,
    Application,
    AttemptOutcome,
    CallsWelcome,
    Channel,
    FieldPace,
    Interview,
    Interviewer,
    Settings,
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
    # Thanks by Tuesday 10 November; the answer within two business days: Wednesday 11 is
    # Veterans Day, so Thursday 12.
    assert [(a.kind, a.due) for a in _planned(store, interviewed.id)] == [
        (ActionKind.OFFER_THANKS, date(2026, 11, 10)),
        (ActionKind.ANSWER_OFFER, date(2026, 11, 12)),
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


def test_adding_a_round_plans_from_it_at_once_and_deleting_it_plans_from_the_round_before(store, interviewed):
    planning.replan(store, interviewed.id)
    before = sorted((a.kind.value, a.due, a.recipient) for a in _planned(store, interviewed.id))

    second = Interview(interviewed.id, datetime(2026, 11, 16, 10), round=2)
    planning.add_interview(store, second)
    # No page opened in between: the stored plan already starts from round 2, a week after it.
    assert _planned(store, interviewed.id, ActionKind.STATUS_CHECK)[0].due == date(2026, 11, 23)
    assert min(a.due for a in _planned(store, interviewed.id)) >= date(2026, 11, 16)

    planning.remove_interview(store, second)
    after = sorted((a.kind.value, a.due, a.recipient) for a in _planned(store, interviewed.id))
    assert after == before
    assert [i.round for i in store.list_interviews(interviewed.id)] == [1]


def test_adding_an_interview_before_any_plan_makes_none(store):
    application = Application("Acme", "Analyst")
    store.add_application(application)
    planning.add_interview(store, Interview(application.id, datetime(2026, 11, 2, 10)))
    # The first plan is made when the plan page is opened, as before.
    assert store.list_actions(application.id) == []


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


@pytest.fixture
def on_4_november():
    """The clock stands at Wednesday 4 November 2026, two days after the interview."""
    clock.set_now(date(2026, 11, 4))
    yield date(2026, 11, 4)
    clock.set_now(None)


def _checks(store, application_id):
    return [(a.attempt, a.due) for a in _planned(store, application_id, ActionKind.STATUS_CHECK)]


def test_moving_a_check_moves_the_ones_after_it_keeping_their_spacing(store, interviewed, on_4_november):
    planning.replan(store, interviewed.id)
    # Monday 9 November, then five business days apart (Veterans Day, Wednesday 11, is off).
    assert _checks(store, interviewed.id) == [
        (1, date(2026, 11, 9)),
        (2, date(2026, 11, 17)),
        (3, date(2026, 11, 24)),
        (4, date(2026, 12, 2)),
    ]
    first = _planned(store, interviewed.id, ActionKind.STATUS_CHECK)[0]
    planned = planning.reschedule(store, first, date(2026, 11, 10))
    # From Tuesday 10 November: Wednesday 18 (11 is a holiday), Wednesday 25, Thursday 3 December
    # (Thanksgiving, Thursday 26, is off); the close five business days later, Thursday 10 December.
    assert _checks(store, interviewed.id) == [
        (1, date(2026, 11, 10)),
        (2, date(2026, 11, 18)),
        (3, date(2026, 11, 25)),
        (4, date(2026, 12, 3)),
    ]
    assert [a.due for a in planned if a.kind is ActionKind.CLOSE] == [date(2026, 12, 10)]
    assert [a.manual for a in _planned(store, interviewed.id, ActionKind.STATUS_CHECK)] == [
        True,
        False,
        False,
        False,
    ]


def test_a_check_cannot_move_to_or_before_the_one_ahead_of_it(store, interviewed, on_4_november):
    planning.replan(store, interviewed.id)
    second = _planned(store, interviewed.id, ActionKind.STATUS_CHECK)[1]
    with pytest.raises(ValidationFailed, match=r"after the status check before it \(Mon 9 Nov\)"):
        planning.reschedule(store, second, date(2026, 11, 9))
    assert not any(a.manual for a in _planned(store, interviewed.id))


def test_moving_a_check_warns_about_a_day_off_and_a_promise_not_yet_passed(store, interviewed, on_4_november):
    planning.replan(store, interviewed.id)
    interview = planning.latest_interview(store, interviewed.id)
    interview.decision_by = date(2026, 11, 13)
    planning.save_interview(store, interview)
    first = _planned(store, interviewed.id, ActionKind.STATUS_CHECK)[0]
    assert first.due == date(2026, 11, 17)  # the second business day after Friday 13 November
    assert planning.timing_warnings(store, first, date(2026, 11, 17)) == []
    warnings = planning.timing_warnings(store, first, date(2026, 11, 11))
    assert warnings == [
        "Wed 11 Nov is Veterans Day where you are: they may well be off work.",
        (
            "They promised news by Fri 13 Nov: a status check on Wed 11 Nov comes before that has passed, "
            "which can look impatient."
        ),
    ]


def test_saving_how_they_like_to_be_contacted_replans_at_once(store, interviewed, on_4_november):
    planning.replan(store, interviewed.id)
    assert {a.channel for a in _planned(store, interviewed.id, ActionKind.STATUS_CHECK)} == {Channel.PHONE}
    [person] = store.list_interviewers(planning.latest_interview(store, interviewed.id).id)
    person.preferred_channel = Channel.EMAIL
    planning.save_interviewer(store, person)
    # By email three inquiries at most: Monday 9 November, then five business days apart (at least
    # a week): Veterans Day (Wednesday 11) is off, so Tuesday 17, then Tuesday 24.
    checks = _planned(store, interviewed.id, ActionKind.STATUS_CHECK)
    assert [(a.channel, a.due) for a in checks] == [
        (Channel.EMAIL, date(2026, 11, 9)),
        (Channel.EMAIL, date(2026, 11, 17)),
        (Channel.EMAIL, date(2026, 11, 24)),
    ]
    assert store.get_interviewer(person.id).preferred_channel is Channel.EMAIL


def test_saving_the_fields_pace_replans_at_once(store, interviewed, on_4_november):
    planning.replan(store, interviewed.id)
    application = store.get_application(interviewed.id)
    application.field_pace = FieldPace.AGGRESSIVE
    planning.save_application(store, application)
    # Three business days after Monday 2 November: Thursday 5 (Veterans Day falls later).
    assert _checks(store, interviewed.id)[0] == (1, date(2026, 11, 5))


def test_the_first_business_card_gives_the_checks_someone_to_go_to(store, on_4_november):
    application = Application("Bolt", "Auditor")
    store.add_application(application)
    interview = Interview(application.id, datetime(2026, 11, 2, 10))
    store.add_interview(interview)
    planning.replan(store, application.id)
    assert {a.recipient for a in _planned(store, application.id, ActionKind.STATUS_CHECK)} == {""}
    person = Interviewer(interview.id, "Kim Ito", email="kim@bolt.example")
    planning.add_interviewer(store, person)
    assert {a.recipient for a in _planned(store, application.id, ActionKind.STATUS_CHECK)} == {"Kim Ito"}
    assert [a.recipient for a in _planned(store, application.id, ActionKind.THANK_YOU_EMAIL)] == ["Kim Ito"]
    planning.remove_interviewer(store, person)
    assert _planned(store, application.id, ActionKind.THANK_YOU_EMAIL) == []


def test_before_the_plan_page_is_opened_saving_makes_no_plan(store, interviewed):
    interview = planning.latest_interview(store, interviewed.id)
    interview.calls_welcome = CallsWelcome.NO
    assert planning.save_interview(store, interview) == []
    assert store.list_actions(interviewed.id) == []
    assert store.get_interview(interview.id).calls_welcome is CallsWelcome.NO


def test_refreshing_an_unchanged_plan_writes_nothing(store, interviewed):
    planning.replan(store, interviewed.id)
    version = store.data_version()
    planning.refresh(store, interviewed.id)
    assert store.data_version() == version
    # A change made without replanning (another page, an import) is picked up.
    interview = planning.latest_interview(store, interviewed.id)
    interview.calls_welcome = CallsWelcome.NO
    store.update_interview(interview)
    planning.refresh(store, interviewed.id)
    assert {a.channel for a in _planned(store, interviewed.id, ActionKind.STATUS_CHECK)} == {Channel.EMAIL}


def test_a_check_logged_before_the_promised_date_is_too_early(store, interviewed, on_4_november):
    planning.replan(store, interviewed.id)
    interview = planning.latest_interview(store, interviewed.id)
    interview.decision_by = date(2026, 11, 13)
    planning.save_interview(store, interview)
    first = _planned(store, interviewed.id, ActionKind.STATUS_CHECK)[0]
    assert planning.too_early(store, first, date(2026, 11, 4)) == date(2026, 11, 13)
    assert planning.too_early(store, first, date(2026, 11, 16)) is None
    planning.log_attempt(store, first, AttemptOutcome.NO_ANSWER, on=date(2026, 11, 4))
    # Five business days after Wednesday 4 November would be Thursday 12 (Veterans Day is off):
    # before the promise has passed, so the next check waits for Tuesday 17.
    assert _checks(store, interviewed.id)[0] == (2, date(2026, 11, 17))


def test_an_offer_with_a_date_for_the_answer(store, interviewed, on_4_november):
    planning.replan(store, interviewed.id)
    result = planning.record_outcome(
        store, interviewed.id, AttemptOutcome.OFFER, answer_by=date(2026, 11, 13)
    )
    assert [a.due for a in result.planned if a.kind is ActionKind.ANSWER_OFFER] == [date(2026, 11, 13)]
    with pytest.raises(ValidationFailed, match="before the day of the offer"):
        planning.record_outcome(store, interviewed.id, AttemptOutcome.OFFER, answer_by=date(2026, 11, 3))


def test_the_interviewers_words_are_read_with_the_regions_holidays(store):
    store.save_settings(Settings(country="CA", subdivision="ON"))
    # Said on Monday 28 September 2026: "in two weeks" is Monday 12 October, Thanksgiving in
    # Ontario, so the promise holds for Friday 9 October.
    reading = planning.read_timeline(store, "in two weeks", date(2026, 9, 28))
    assert (reading.day, reading.named) == (date(2026, 10, 9), date(2026, 10, 12))
