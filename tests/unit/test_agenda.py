"""Today's follow-ups in words: who, what, where and how late, from the overview's frames."""

from __future__ import annotations

from datetime import date

import pytest

from followup import agenda
from followup.model import Action, ActionKind, AttemptOutcome, Channel, Status
from tests.unit.test_overview import TODAY, act, add, day, frames


def phoned(kind: ActionKind, due: int) -> Action:
    action = act(kind, due)
    action.channel = Channel.PHONE
    return action


def test_a_thank_you_call_due_today_reads_as_the_issue_puts_it(store):
    add(store, "Northwind Analytics", interviewed=-1, actions=[phoned(ActionKind.THANK_YOU_CALL, 0)])
    due = agenda.due_follow_ups(frames(store), TODAY)
    assert due.total == 1
    (line,) = due.lines
    assert line.sentence == "Call Ann Lee at Northwind Analytics to say thank you"
    assert line.when == "due today"
    assert not line.overdue


def test_only_due_and_overdue_follow_ups_the_most_overdue_first(store):
    soon = add(store, "Soon Co", interviewed=-2, actions=[act(ActionKind.STATUS_CHECK, 0)])
    late = add(
        store,
        "Late Co",
        role="Buyer",
        interviewed=-12,
        actions=[
            act(ActionKind.THANK_YOU_EMAIL, -12, done=-12, outcome=AttemptOutcome.SENT),
            act(ActionKind.STATUS_CHECK, -3),
            act(ActionKind.STATUS_CHECK, 4),
        ],
    )
    add(store, "Later Co", interviewed=-1, actions=[act(ActionKind.STATUS_CHECK, 1)])

    due = agenda.due_follow_ups(frames(store), TODAY)

    assert [line.application_id for line in due.lines] == [late, soon]
    first = due.lines[0]
    assert first.sentence == "Email Ann Lee at Late Co to ask where your application stands"
    assert (first.when, first.overdue_days, first.role) == ("3 days overdue", 3, "Buyer")
    assert due.total == 2


def test_the_checks_of_an_application_already_settled_are_not_due(store):
    add(
        store,
        "Offer Co",
        status=Status.OFFER,
        interviewed=-9,
        actions=[act(ActionKind.STATUS_CHECK, -2), act(ActionKind.OFFER_THANKS, 0)],
    )
    due = agenda.due_follow_ups(frames(store), TODAY)
    assert [line.sentence for line in due.lines] == [
        "Email Ann Lee at Offer Co to thank them after the offer"
    ]


def test_the_limit_caps_the_words_but_not_the_count(store):
    for n in range(5):
        add(store, f"Company {n}", interviewed=-9, actions=[act(ActionKind.STATUS_CHECK, -n)])
    due = agenda.due_follow_ups(frames(store), TODAY, limit=2)
    assert due.total == 5
    assert [line.when for line in due.lines] == ["4 days overdue", "3 days overdue"]


def test_nothing_due_on_an_empty_database(store):
    assert agenda.due_follow_ups(frames(store), TODAY) == agenda.DueList((), 0)


@pytest.mark.parametrize(
    ("kind", "channel", "who", "expected"),
    [
        (
            ActionKind.HANDWRITTEN_NOTE,
            Channel.MAIL,
            "Ann Lee",
            "Post a handwritten thank-you note to Ann Lee at Acme",
        ),
        (ActionKind.STATUS_CHECK, Channel.PHONE, "", "Call Acme to ask where your application stands"),
        (
            ActionKind.WITHDRAWAL,
            Channel.EMAIL,
            "Ann Lee",
            "Email Ann Lee at Acme to withdraw your application",
        ),
        (
            ActionKind.ANSWER_OFFER,
            Channel.EMAIL,
            "Ann Lee",
            "Answer the offer from Acme: accept, negotiate or ask for time",
        ),
        (ActionKind.STAY_IN_TOUCH, Channel.EMAIL, "  Ann Lee ", "Email Ann Lee at Acme to stay in touch"),
    ],
)
def test_each_kind_says_what_to_do(kind, channel, who, expected):
    assert agenda.sentence(kind, channel, who, "Acme") == expected


def test_a_company_left_blank_is_still_a_sentence():
    assert agenda.sentence(ActionKind.THANK_YOU_EMAIL, Channel.EMAIL, "Bo", " ") == (
        "Email Bo at the company to say thank you"
    )


def test_how_late_in_words():
    assert agenda.when(date(2026, 3, 11), date(2026, 3, 11)) == "due today"
    assert agenda.when(day(-1), TODAY) == "1 day overdue"
    assert agenda.when(day(-1200), TODAY) == "1,200 days overdue"
