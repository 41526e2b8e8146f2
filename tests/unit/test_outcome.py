"""Recording how an application ended: the stage, the letters planned and the actions cancelled."""

from datetime import date, timedelta

import pytest

from followup import business_days, clock, outcome, overview, planning, timeline
from followup.errors import ValidationFailed
from followup.guide import SOURCES
from followup.model import ActionKind, ActionStatus, Application, AttemptOutcome, Channel, LetterKind, Status
from followup.sample import load_sample

CHASE = {ActionKind.STATUS_CHECK, ActionKind.CLOSE}


@pytest.fixture
def northwind(store):
    """The sample's Northwind application: a second round on the last weekday before today, a panel of three."""
    load_sample(store)
    application = next(a for a in store.list_applications() if a.company == "Northwind Analytics")
    planning.replan(store, application.id)
    assert any(a.kind is ActionKind.STATUS_CHECK for a in _planned(store, application.id))
    return application


def _planned(store, application_id):
    return store.list_actions(application_id, ActionStatus.PLANNED)


def _panel(store, application_id):
    return store.list_interviewers(planning.latest_interview(store, application_id).id)


def _record(store, application, settled, **details):
    return planning.record_outcome(
        store, application.id, settled, on=details.pop("on", clock.today()), **details
    )


def _second_round_day(store, application) -> date:
    """The sample interviews on weekdays, so "yesterday" is a Friday on Sundays and Mondays."""
    return planning.latest_interview(store, application.id).starts_at.date()


def test_an_offer_stops_the_checks_and_plans_a_thank_you_to_each_panel_member(today, store, northwind):
    grace = _panel(store, northwind.id)[2]
    result = _record(store, northwind, AttemptOutcome.OFFER, who_interviewer_id=grace.id, note="Verbal offer")

    assert store.get_application(northwind.id).status is Status.OFFER
    planned = _planned(store, northwind.id)
    thanks = [a for a in planned if a.kind is ActionKind.OFFER_THANKS]
    assert sorted(a.recipient for a in thanks) == ["Grace Liu", "Priya Raman", "Tomás Ortega"]
    assert {a.due for a in thanks} == {business_days.add_business_days(today, 1, "US")}
    # Answering it: no date given, so within two business days, to Grace who made it. The offer
    # reached the user by post (the default for a card without an email): Grace has a phone.
    [answer] = [a for a in planned if a.kind is ActionKind.ANSWER_OFFER]
    assert (answer.recipient, answer.due, answer.channel) == (
        "Grace Liu",
        business_days.add_business_days(today, 2, "US"),
        Channel.PHONE,
    )
    assert len(result.planned) == 4 and result.status is Status.OFFER and not result.superseded
    [recorded] = [a for a in store.list_actions(northwind.id) if a.kind is ActionKind.OUTCOME]
    assert (recorded.outcome, recorded.done_on, recorded.recipient, recorded.interviewer_id) == (
        AttemptOutcome.OFFER,
        today,
        "Grace Liu",
        grace.id,
    )
    assert recorded.outcome_note == "Verbal offer"
    assert outcome.GUIDES[AttemptOutcome.OFFER].letters == (LetterKind.OFFER_THANKS,)


def test_a_rejection_thanks_the_decision_maker_and_stays_in_touch_weeks_later(today, store, northwind):
    tomas = _panel(store, northwind.id)[1]
    _record(store, northwind, AttemptOutcome.REJECTION, who_interviewer_id=tomas.id)

    application = store.get_application(northwind.id)
    assert application.status is Status.REJECTED
    planned = _planned(store, northwind.id)
    assert [(a.kind, a.recipient) for a in planned] == [
        (ActionKind.THANKS_FOR_CONSIDERATION, "Tomás Ortega"),
        (ActionKind.STAY_IN_TOUCH, "Tomás Ortega"),
    ]
    thanks, stay = planned
    assert thanks.due == business_days.add_business_days(today, 1, "US")
    assert 42 <= (stay.due - today).days <= 46
    assert outcome.stage_label(application, store.list_actions(northwind.id)) == "Rejected, staying in touch"

    planning.skip(store, store.list_actions(northwind.id, ActionStatus.PLANNED)[-1])
    assert outcome.stage_label(application, store.list_actions(northwind.id)) == "Rejected"


def test_a_withdrawal_cancels_every_check_and_plans_the_letter_to_the_main_contact(today, store, northwind):
    moved = next(a for a in _planned(store, northwind.id) if a.kind is ActionKind.STATUS_CHECK)
    planning.reschedule(store, moved, today + timedelta(days=20))

    _record(store, northwind, AttemptOutcome.WITHDREW)

    assert store.get_application(northwind.id).status is Status.WITHDRAWN
    [letter] = _planned(store, northwind.id)
    assert (letter.kind, letter.recipient) == (ActionKind.WITHDRAWAL, "Priya Raman")
    assert letter.due == business_days.next_business_day_on_or_after(today, "US")
    entries = planning.calendar_entries(store, northwind.id)
    assert [e.action.kind for e in entries] == [ActionKind.WITHDRAWAL]


def test_closed_without_an_answer_plans_nothing(store, northwind):
    result = _record(store, northwind, AttemptOutcome.GAVE_UP, note="Three weeks of silence")
    assert store.get_application(northwind.id).status is Status.CLOSED_WITHOUT_ANSWER
    assert result.planned == [] and _planned(store, northwind.id) == []
    assert outcome.GUIDES[AttemptOutcome.GAVE_UP].letters == (LetterKind.STAY_IN_TOUCH,)


def test_back_in_the_running_after_a_rejection_resumes_the_checks(today, store, northwind):
    _record(store, northwind, AttemptOutcome.REJECTION, on=today - timedelta(days=1))
    _record(store, northwind, AttemptOutcome.BACK_IN_RUNNING, who_text="Priya's assistant")

    assert store.get_application(northwind.id).status is Status.ACTIVE
    planned = _planned(store, northwind.id)
    assert {a.kind for a in planned} <= CHASE
    checks = [a for a in planned if a.kind is ActionKind.STATUS_CHECK]
    # A week's gap (five business days) after the answer; by email, never less than a week
    # after that contact either: recorded on a Sunday, five business days is only Friday.
    due = business_days.add_business_days(today, 5, "US")
    if checks[0].channel is Channel.EMAIL:
        due = max(due, business_days.add_business_days(today + timedelta(days=7), 0, "US"))
    assert checks[0].attempt == 1 and checks[0].due == due


def test_changing_the_outcome_keeps_the_history_and_replans(today, store, northwind):
    _record(store, northwind, AttemptOutcome.REJECTION, on=today - timedelta(days=1), who_text="HR")
    _record(store, northwind, AttemptOutcome.OFFER)

    assert store.get_application(northwind.id).status is Status.OFFER
    assert {a.kind for a in _planned(store, northwind.id)} == {
        ActionKind.OFFER_THANKS,
        ActionKind.ANSWER_OFFER,
    }
    entries = outcome.history(store.list_actions(northwind.id))
    assert [(d.outcome, d.on, d.who) for d in entries] == [
        (AttemptOutcome.OFFER, today, ""),
        (AttemptOutcome.REJECTION, today - timedelta(days=1), "HR"),
    ]
    assert entries[0].how == "Recorded on the Outcome page"


def test_an_outcome_entered_after_the_fact_does_not_override_a_later_one(today, store, northwind):
    _record(store, northwind, AttemptOutcome.OFFER)
    result = _record(store, northwind, AttemptOutcome.REJECTION, on=today - timedelta(days=1))
    assert result.superseded and result.standing.outcome is AttemptOutcome.OFFER
    assert store.get_application(northwind.id).status is Status.OFFER
    assert len(outcome.history(store.list_actions(northwind.id))) == 2


def test_a_status_check_answered_with_a_rejection_shows_in_the_history(today, store, northwind):
    check = next(a for a in _planned(store, northwind.id) if a.kind is ActionKind.STATUS_CHECK)
    planning.log_attempt(store, check, AttemptOutcome.REJECTION, on=today)
    [entry] = outcome.history(store.list_actions(northwind.id))
    assert (entry.outcome, entry.how, entry.label) == (
        AttemptOutcome.REJECTION,
        "Answer to a status check",
        "Rejection",
    )


@pytest.mark.parametrize(
    ("settled", "details", "field"),
    [
        # Each case reads (today, the day of the second round) and says what to record.
        (AttemptOutcome.OFFER, lambda today, _: {"on": today + timedelta(days=1)}, "on"),
        (AttemptOutcome.OFFER, lambda _, interviewed: {"on": interviewed - timedelta(days=1)}, "on"),
        (AttemptOutcome.NO_ANSWER, lambda *_: {}, "outcome"),
        (AttemptOutcome.REJECTION, lambda *_: {"who_interviewer_id": 99_999}, "who"),
        (AttemptOutcome.REJECTION, lambda *_: {"who_text": "x" * 201}, "who"),
        (AttemptOutcome.WITHDREW, lambda *_: {"note": "x" * 20_001}, "note"),
    ],
    ids=["tomorrow", "before-the-interview", "not-an-outcome", "unknown-person", "long-name", "long-note"],
)
def test_impossible_outcomes_are_refused_and_change_nothing(today, store, northwind, settled, details, field):
    before = store.list_actions(northwind.id)
    with pytest.raises(ValidationFailed) as refused:
        _record(store, northwind, settled, **details(today, _second_round_day(store, northwind)))
    assert field in refused.value.errors
    assert store.list_actions(northwind.id) == before
    assert store.get_application(northwind.id).status is northwind.status


def test_the_messages_say_what_to_do(today, store, northwind):
    the_day_before = _second_round_day(store, northwind) - timedelta(days=1)
    with pytest.raises(ValidationFailed) as refused:
        _record(store, northwind, AttemptOutcome.OFFER, on=the_day_before)
    assert "before the interview it answers (round 2" in refused.value.errors["on"]
    with pytest.raises(ValidationFailed) as refused:
        _record(store, northwind, AttemptOutcome.OFFER, on=today + timedelta(days=1))
    assert "future" in refused.value.errors["on"]


def test_an_application_without_an_interview_cannot_have_an_outcome_yet(store):
    application = Application("Acme", "Analyst")
    store.add_application(application)
    with pytest.raises(ValidationFailed) as refused:
        planning.record_outcome(store, application.id, AttemptOutcome.OFFER)
    assert "No interview" in refused.value.errors["_form"]


def test_every_outcome_has_advice_with_its_sources_and_a_stage():
    assert set(outcome.GUIDES) == {
        AttemptOutcome.OFFER,
        AttemptOutcome.REJECTION,
        AttemptOutcome.WITHDREW,
        AttemptOutcome.GAVE_UP,
        AttemptOutcome.BACK_IN_RUNNING,
    }
    for guide in outcome.GUIDES.values():
        assert guide.advice and guide.sources and guide.label and guide.description
        assert guide.source_text == "; ".join(SOURCES[key].short for key in sorted(guide.sources))
    assert outcome.GUIDES[AttemptOutcome.OFFER].source_text == "DeCarlo; After the Interview"
    assert "(After the Interview)" in outcome.LEAVING_THEM_GUESSING


@pytest.mark.parametrize(
    ("settled", "stage", "in_play", "words"),
    [
        (AttemptOutcome.OFFER, "Offer", True, "→ offer"),
        (AttemptOutcome.REJECTION, "Rejected, staying in touch", True, "→ rejection"),
        (AttemptOutcome.WITHDREW, "Withdrawn", True, "→ withdrew"),
        (AttemptOutcome.GAVE_UP, "Closed without answer", False, "→ closed without an answer"),
        (AttemptOutcome.BACK_IN_RUNNING, "Active", True, "→ back in the running"),
    ],
)
def test_every_outcome_shows_in_the_overview_table_and_timeline(
    today, store, northwind, settled, stage, in_play, words
):
    _record(store, northwind, settled)
    frames = overview.prepare(store.overview_rows())
    table = overview.application_table(frames, today)
    row = table[table["id"] == northwind.id].iloc[0]
    assert (row["stage"], bool(row["in_play"])) == (stage, in_play)
    shown = overview.filter_table(table, show_closed=True)
    assert northwind.id in set(shown["id"])
    events = timeline.events(frames, today)
    mine = events[(events["application_id"] == northwind.id) & (events["event"] == timeline.DONE)]
    assert any(what.startswith("Outcome · ") and what.endswith(words) for what in mine["what"])
    planned = events[
        (events["application_id"] == northwind.id)
        & events["event"].isin([timeline.PLANNED, timeline.DUE_TODAY, timeline.OVERDUE])
    ]
    if settled is not AttemptOutcome.BACK_IN_RUNNING:
        assert not planned["what"].str.startswith("Check on the status").any()
