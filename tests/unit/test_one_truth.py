"""A follow-up action and its letter are one thing: marking either done marks both, and a send undone
undoes both and replans."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from followup import clock, planning
from followup.errors import ValidationFailed
from followup.model import (
    ActionKind,
    ActionStatus,
    Application,
    AttemptOutcome,
    CallsWelcome,
    Interview,
    Interviewer,
    Letter,
    LetterKind,
    LetterStatus,
    Status,
)

# A Wednesday; the interview was the Monday before.
TODAY = date(2026, 3, 11)


@pytest.fixture(autouse=True)
def fixed_clock():
    clock.set_now(datetime(2026, 3, 11, 9, 0))
    yield
    clock.set_now(None)


@pytest.fixture
def panel(store):
    application = Application("Acme", "Analyst")
    store.add_application(application)
    interview = Interview(application.id, datetime(2026, 3, 9, 10, 0), calls_welcome=CallsWelcome.YES)
    store.add_interview(interview)
    people = [
        Interviewer(interview.id, "Dana Lee", email="dana@acme.example"),
        Interviewer(interview.id, "Sam Ito", email="sam@acme.example"),
    ]
    for person in people:
        store.add_interviewer(person)
    planning.replan(store, application.id)
    return application, people


def _letter(store, application, kind, person) -> Letter:
    letter = Letter(
        application.id, kind, recipient=person.email, subject="Hi", body="Hi", interviewer_id=person.id
    )
    store.add_letter(letter)
    return store.get_letter(letter.id)


def _thank_you(store, application, person, status):
    return [
        a
        for a in store.list_actions(application.id, status)
        if a.kind is ActionKind.THANK_YOU_EMAIL and a.interviewer_id == person.id
    ]


def test_done_on_the_plan_sends_that_persons_letter_only(store, panel):
    application, (dana, sam) = panel
    dana_letter = _letter(store, application, LetterKind.THANK_YOU_EMAIL, dana)
    sam_letter = _letter(store, application, LetterKind.THANK_YOU_EMAIL, sam)
    [action] = _thank_you(store, application, dana, ActionStatus.PLANNED)

    planning.log_attempt(store, action, AttemptOutcome.SENT, on=TODAY - timedelta(days=1))

    sent = store.get_letter(dana_letter.id)
    assert (sent.status, sent.sent_on) == (LetterStatus.SENT, date(2026, 3, 10))
    assert store.get_letter(sam_letter.id).status is LetterStatus.DRAFT


def test_a_call_logged_on_a_status_check_sends_no_inquiry(store, panel):
    application, (dana, _) = panel
    inquiry = _letter(store, application, LetterKind.STATUS_INQUIRY, dana)
    check = next(a for a in store.list_actions(application.id) if a.kind is ActionKind.STATUS_CHECK)
    planning.log_attempt(store, check, AttemptOutcome.NO_ANSWER, on=TODAY)
    assert store.get_letter(inquiry.id).status is LetterStatus.DRAFT


def test_sent_on_letters_then_undone_plans_the_thank_you_again(store, panel):
    application, (dana, _) = panel
    letter = _letter(store, application, LetterKind.THANK_YOU_EMAIL, dana)
    [planned] = _thank_you(store, application, dana, ActionStatus.PLANNED)
    planning.mark_letter_sent(store, letter, TODAY)
    assert store.get_application(application.id).status is Status.WAITING

    plan = planning.undo_letter_sent(store, store.get_letter(letter.id))

    again = store.get_letter(letter.id)
    assert (again.status, again.sent_on) == (LetterStatus.DRAFT, None)
    assert _thank_you(store, application, dana, ActionStatus.DONE) == []
    [back] = _thank_you(store, application, dana, ActionStatus.PLANNED)
    # The same follow-up, due the interview's day as before, and its calendar event keeps its id.
    assert (back.due, back.uid) == (planned.due, planned.uid)
    assert any(a.kind is ActionKind.THANK_YOU_EMAIL and a.interviewer_id == dana.id for a in plan)
    # Nothing else was done: the application has not started waiting after all.
    assert store.get_application(application.id).status is Status.ACTIVE


def test_undo_keeps_the_stage_when_something_else_was_done(store, panel):
    application, (dana, sam) = panel
    [sams] = _thank_you(store, application, sam, ActionStatus.PLANNED)
    planning.log_attempt(store, sams, AttemptOutcome.SENT, on=TODAY)
    letter = _letter(store, application, LetterKind.THANK_YOU_EMAIL, dana)
    planning.mark_letter_sent(store, letter, TODAY)

    planning.undo_letter_sent(store, store.get_letter(letter.id))

    assert store.get_application(application.id).status is Status.WAITING
    assert len(_thank_you(store, application, sam, ActionStatus.DONE)) == 1


def test_done_on_the_plan_can_be_undone_from_the_letter(store, panel):
    application, (dana, _) = panel
    letter = _letter(store, application, LetterKind.THANK_YOU_EMAIL, dana)
    [action] = _thank_you(store, application, dana, ActionStatus.PLANNED)
    planning.log_attempt(store, action, AttemptOutcome.SENT, on=TODAY)

    planning.undo_letter_sent(store, store.get_letter(letter.id))

    assert store.get_letter(letter.id).status is LetterStatus.DRAFT
    assert [a.status for a in _thank_you(store, application, dana, None)] == [ActionStatus.PLANNED]


def test_an_undone_withdrawal_puts_the_application_back(store, panel):
    application, (dana, _) = panel
    letter = _letter(store, application, LetterKind.WITHDRAWAL, dana)
    planning.mark_letter_sent(store, letter, TODAY)
    assert store.get_application(application.id).status is Status.WITHDRAWN

    plan = planning.undo_letter_sent(store, store.get_letter(letter.id))

    assert store.get_application(application.id).status is Status.ACTIVE
    assert any(a.kind is ActionKind.STATUS_CHECK for a in plan)


def test_a_draft_cannot_be_unsent(store, panel):
    application, (dana, _) = panel
    letter = _letter(store, application, LetterKind.THANK_YOU_EMAIL, dana)
    with pytest.raises(ValidationFailed):
        planning.undo_letter_sent(store, letter)


def test_a_letter_drafted_after_its_follow_up_was_done_is_that_follow_up_not_a_second(store, panel):
    application, (dana, _) = panel
    [action] = _thank_you(store, application, dana, ActionStatus.PLANNED)
    planning.log_attempt(store, action, AttemptOutcome.SENT, on=date(2026, 3, 9))
    letter = _letter(store, application, LetterKind.THANK_YOU_EMAIL, dana)  # drafted afterwards

    planning.mark_letter_sent(store, letter, TODAY)

    sent = store.get_letter(letter.id)
    # Sent the day the follow-up was done, and still one thank-you to Dana.
    assert (sent.status, sent.sent_on) == (LetterStatus.SENT, date(2026, 3, 9))
    assert len(_thank_you(store, application, dana, ActionStatus.DONE)) == 1
    assert _thank_you(store, application, dana, ActionStatus.PLANNED) == []

    # Undone from the letter, the one follow-up is planned again.
    planning.undo_letter_sent(store, store.get_letter(letter.id))
    assert store.get_letter(letter.id).status is LetterStatus.DRAFT
    assert len(_thank_you(store, application, dana, ActionStatus.PLANNED)) == 1
    assert _thank_you(store, application, dana, ActionStatus.DONE) == []
