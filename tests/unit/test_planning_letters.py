from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from followup import planning
from followup.errors import StaleEdit, ValidationFailed
from followup.model import (
    ActionKind,
    ActionStatus,
    Application,
    AttemptOutcome,
    CallsWelcome,
    Channel,
    Interview,
    Interviewer,
    Letter,
    LetterKind,
    LetterStatus,
    Status,
)


@pytest.fixture
def panel(today, store):
    """An application interviewed two days ago by two people with an email, plan in place."""
    application = Application("Acme", "Analyst")
    store.add_application(application)
    interview = Interview(
        application.id,
        datetime.combine(today - timedelta(days=2), datetime.min.time()).replace(hour=10),
        calls_welcome=CallsWelcome.YES,
    )
    store.add_interview(interview)
    people = [
        Interviewer(interview.id, "Dana Lee", email="dana@acme.example"),
        Interviewer(interview.id, "Sam Ito", email="sam@acme.example"),
    ]
    for person in people:
        store.add_interviewer(person)
    planning.replan(store, application.id)
    return application, interview, people


def _letter(store, application, kind, person) -> Letter:
    letter = Letter(
        application.id, kind, recipient=person.email, subject="Thanks", body="Hi", interviewer_id=person.id
    )
    store.add_letter(letter)
    return store.get_letter(letter.id)


def _actions(store, application, kind, status=None):
    return [a for a in store.list_actions(application.id, status) if a.kind is kind]


def test_a_sent_thank_you_marks_the_letter_and_its_planned_action_done(today, store, panel):
    application, _, (dana, sam) = panel
    letter = _letter(store, application, LetterKind.THANK_YOU_EMAIL, dana)

    plan = planning.mark_letter_sent(store, letter, today - timedelta(days=1))

    saved = store.get_letter(letter.id)
    assert (saved.status, saved.sent_on) == (LetterStatus.SENT, today - timedelta(days=1))
    [done] = _actions(store, application, ActionKind.THANK_YOU_EMAIL, ActionStatus.DONE)
    assert (done.interviewer_id, done.outcome, done.channel, done.done_on) == (
        dana.id,
        AttemptOutcome.SENT,
        Channel.EMAIL,
        today - timedelta(days=1),
    )
    # Only Sam's thank-you is still to do, and the plan says so.
    still = _actions(store, application, ActionKind.THANK_YOU_EMAIL, ActionStatus.PLANNED)
    assert [a.interviewer_id for a in still] == [sam.id]
    assert [a.interviewer_id for a in plan if a.kind is ActionKind.THANK_YOU_EMAIL] == [sam.id]
    assert store.get_application(application.id).status is Status.WAITING


def test_a_letter_nothing_was_planned_for_is_added_to_the_history(today, store, panel):
    application, _, (dana, _sam) = panel
    letter = _letter(store, application, LetterKind.HANDWRITTEN_NOTE, dana)
    assert not _actions(store, application, ActionKind.HANDWRITTEN_NOTE)

    planning.mark_letter_sent(store, letter, today)

    [done] = _actions(store, application, ActionKind.HANDWRITTEN_NOTE)
    assert (done.status, done.channel, done.recipient, done.done_on) == (
        ActionStatus.DONE,
        Channel.MAIL,
        "Dana Lee",
        today,
    )
    assert not _actions(store, application, ActionKind.HANDWRITTEN_NOTE, ActionStatus.PLANNED)


def test_a_status_inquiry_to_anyone_on_the_panel_counts_as_the_next_check(today, store, panel):
    application, _, (_dana, sam) = panel
    first_check = _actions(store, application, ActionKind.STATUS_CHECK, ActionStatus.PLANNED)[0]
    letter = _letter(store, application, LetterKind.STATUS_INQUIRY, sam)

    planning.mark_letter_sent(store, letter, today)

    [done] = _actions(store, application, ActionKind.STATUS_CHECK, ActionStatus.DONE)
    assert done.id == first_check.id and done.channel is Channel.EMAIL
    assert "Sam Ito" in done.outcome_note
    following = _actions(store, application, ActionKind.STATUS_CHECK, ActionStatus.PLANNED)[0]
    assert following.due > today and following.attempt == 2


def test_a_sent_withdrawal_withdraws_the_application_and_ends_the_plan(today, store, panel):
    application, _, (dana, _sam) = panel
    letter = _letter(store, application, LetterKind.WITHDRAWAL, dana)

    assert planning.mark_letter_sent(store, letter, today) == []

    assert store.get_application(application.id).status is Status.WITHDRAWN
    assert store.list_actions(application.id, ActionStatus.PLANNED) == []
    [done] = _actions(store, application, ActionKind.WITHDRAWAL)
    assert done.outcome is AttemptOutcome.WITHDREW


@pytest.mark.parametrize("days", [1, -3])
def test_a_date_in_the_future_or_before_the_interview_is_refused(today, store, panel, days):
    application, _, (dana, _sam) = panel
    letter = _letter(store, application, LetterKind.THANK_YOU_EMAIL, dana)
    before = store.list_actions(application.id)
    with pytest.raises(ValidationFailed) as refused:
        planning.mark_letter_sent(store, letter, today + timedelta(days=days))
    assert "on" in refused.value.errors
    assert store.get_letter(letter.id).status is LetterStatus.DRAFT
    assert store.list_actions(application.id) == before


def test_a_letter_changed_elsewhere_records_nothing(today, store, panel):
    application, _, (dana, _sam) = panel
    letter = _letter(store, application, LetterKind.THANK_YOU_EMAIL, dana)
    store.update_letter(replace(letter, body="Edited in another tab"))
    before = store.list_actions(application.id)

    with pytest.raises(StaleEdit):
        planning.mark_letter_sent(store, letter, today)

    assert store.list_actions(application.id) == before
    assert store.get_letter(letter.id).status is LetterStatus.DRAFT


def test_scripts_are_logged_as_calls_not_marked_sent(today, store, panel):
    application, _, (dana, _sam) = panel
    letter = _letter(store, application, LetterKind.CALL_SCRIPT, dana)
    with pytest.raises(ValueError, match="spoken"):
        planning.mark_letter_sent(store, letter, today)
