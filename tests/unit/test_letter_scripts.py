"""What the plan says for an action: the call and voicemail scripts, the letter's subject, the due day."""

from datetime import date, datetime

import pytest

from followup.letters import scripts
from followup.model import (
    Action,
    ActionKind,
    Application,
    Channel,
    Interview,
    Interviewer,
    Letter,
    LetterKind,
    Settings,
)

ACME = Application("Acme", "Data Analyst", id=7)
INTERVIEW = Interview(7, datetime(2026, 11, 2, 10), id=3)
DANA = Interviewer(3, "Dana Lee", email="dana@acme.example", phone="+1 555 0101", id=11)
SAM = Interviewer(3, "Sam Roe", email="sam@acme.example", id=12)
ME = Settings(signature="Alex Morgan\n+1 555 0199")


def context(**changes):
    values = {"application": ACME, "interview": INTERVIEW, "interviewers": (DANA, SAM), "settings": ME}
    return scripts.Context(**(values | changes))


def check(channel=Channel.PHONE, person=DANA):
    return Action(
        7,
        ActionKind.STATUS_CHECK,
        date(2026, 11, 9),
        channel,
        recipient=person.name,
        interviewer_id=person.id,
        attempt=1,
    )


def test_a_status_call_gets_a_call_and_a_voicemail_script_with_the_details_filled_in():
    call, voicemail = scripts.call_scripts(check(), context())
    assert call.kind is LetterKind.CALL_SCRIPT and voicemail.kind is LetterKind.VOICEMAIL_SCRIPT
    assert (
        "Hello Dana, this is Alex Morgan. We met on November 2 about the Data Analyst position at Acme."
        in (call.body)
    )
    assert "follow up on my interview and the status of my application" in call.body
    assert "+1 555 0199" in voicemail.body
    assert "$" not in call.body + voicemail.body


def test_the_second_person_on_the_panel_gets_another_wording():
    first, _ = scripts.call_scripts(check(), context())
    second, _ = scripts.call_scripts(check(person=SAM), context())
    assert first.body.split("\n")[0] != second.body.split("\n")[0]


def test_without_a_signature_the_script_drops_the_sentences_that_need_a_name():
    call, _ = scripts.call_scripts(check(), context(settings=Settings()))
    assert "this is ." not in call.body and "$my_name" not in call.body
    assert "May I speak with Dana Lee, please?" in call.body


@pytest.mark.parametrize("channel", [Channel.EMAIL, Channel.MAIL])
def test_a_status_check_in_writing_has_no_call_script_but_a_subject(channel):
    assert scripts.call_scripts(check(channel), context()) == ()
    assert scripts.letter_subject(check(channel), context()) == "Following up on my Data Analyst interview"


def test_the_users_own_subject_wins_over_the_draft():
    thanks = Action(7, ActionKind.THANK_YOU_EMAIL, date(2026, 11, 2), Channel.EMAIL, "Dana Lee", 11)
    saved = (
        Letter(7, LetterKind.THANK_YOU_EMAIL, subject="Old subject", interviewer_id=11, id=1),
        Letter(7, LetterKind.THANK_YOU_EMAIL, subject="Thanks for Monday, Dana", interviewer_id=11, id=2),
        Letter(7, LetterKind.THANK_YOU_EMAIL, subject="For Sam", interviewer_id=12, id=3),
    )
    assert scripts.letter_subject(thanks, context()) == "Thank you for your time on Monday"
    assert scripts.letter_subject(thanks, context(letters=saved)) == "Thanks for Monday, Dana"


def test_calls_other_than_status_checks_have_neither_script_nor_subject():
    call = Action(7, ActionKind.THANK_YOU_CALL, date(2026, 11, 3), Channel.PHONE, "Dana Lee", 11)
    assert scripts.call_scripts(call, context()) == ()
    assert scripts.letter_kind(call) is None
    assert scripts.reminder(call, context()) == ""


def test_the_reminder_holds_both_scripts_or_the_subject():
    text = scripts.reminder(check(), context())
    assert text.startswith("What to say:\n") and "\n\nIf you reach voicemail:\n" in text
    assert (
        scripts.reminder(check(Channel.EMAIL), context())
        == "Subject: Following up on my Data Analyst interview"
    )


@pytest.mark.parametrize(
    "due, words",
    [
        (date(2026, 11, 24), "today"),
        (date(2026, 11, 25), "tomorrow"),
        (date(2026, 11, 27), "in 3 days"),
        (date(2026, 11, 23), "1 day overdue"),
        (date(2026, 11, 22), "2 days overdue"),
    ],
)
def test_due_in_words(due, words):
    assert scripts.due_in_words(due, today=date(2026, 11, 24)) == words
