from dataclasses import replace
from datetime import date, datetime, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.business_days import is_business_day
from followup.cadence import PROFILES, Scenario, end_of_week, explain_profile, plan
from followup.guide import SOURCES
from followup.model import (
    Action,
    ActionKind,
    ActionStatus,
    Application,
    AttemptOutcome,
    CadenceProfile,
    CallsWelcome,
    Channel,
    FieldPace,
    Formality,
    Interview,
    Interviewer,
    Settings,
)

TUESDAY = date(2026, 3, 3)  # no US public holiday between March and May 2026
DANA = Interviewer(interview_id=1, name="Dana Lee", email="dana@acme.example", phone="555-0101", id=11)
SAM = Interviewer(interview_id=1, name="Sam Roe", email="sam@acme.example", id=12)
NO_EMAIL = Interviewer(interview_id=1, name="Pat Kim", phone="555-0102", id=13)


def scenario(**changes) -> Scenario:
    values = {"interview_date": TUESDAY, "interviewers": (DANA,), "application_id": 7}
    return Scenario(**(values | changes))


def of_kind(actions, kind):
    return [a for a in actions if a.kind is kind]


def checks(actions):
    return of_kind(actions, ActionKind.STATUS_CHECK)


def dues(actions):
    return [a.due for a in actions]


def moved_check(due, attempt=2):
    """Status check `attempt` as the user moved it by hand to `due`."""
    return Action(
        7, ActionKind.STATUS_CHECK, due, Channel.PHONE, "Dana Lee", 11, attempt=attempt, manual=True
    )


def logged_check(due, outcome, attempt=1, **changes):
    return Action(
        application_id=7,
        kind=ActionKind.STATUS_CHECK,
        due=due,
        channel=Channel.PHONE,
        recipient="Dana Lee",
        interviewer_id=11,
        status=ActionStatus.DONE,
        outcome=outcome,
        attempt=attempt,
        done_on=due,
        **changes,
    )


# Thank-you letters and calls


def test_one_thank_you_email_per_interviewer_on_the_interview_day():
    actions = plan(scenario(interviewers=(DANA, SAM)))
    emails = of_kind(actions, ActionKind.THANK_YOU_EMAIL)
    assert [(a.recipient, a.due, a.channel) for a in emails] == [
        ("Dana Lee", TUESDAY, Channel.EMAIL),
        ("Sam Roe", TUESDAY, Channel.EMAIL),
    ]
    assert [a.interviewer_id for a in emails] == [11, 12]


@pytest.mark.parametrize(
    "interview_day",
    [
        date(2026, 11, 21),  # a Saturday
        date(2026, 10, 12),  # Columbus Day, a federal holiday most employers work
        date(2026, 11, 26),  # Thanksgiving
    ],
)
def test_the_thank_you_email_goes_on_the_interview_day_whatever_the_calendar(interview_day):
    """Rule changed: a weekend or holiday interview no longer moves the email to the next business day."""
    actions = plan(scenario(interview_date=interview_day))
    [email] = of_kind(actions, ActionKind.THANK_YOU_EMAIL)
    assert email.due == interview_day
    assert "weekend or a public holiday does not delay it" in email.why


def test_only_the_email_ignores_the_calendar_a_call_or_card_waits_for_a_business_day():
    # Columbus Day, Monday 12 October 2026: the email goes that day, the call and the
    # handwritten card on Tuesday 13 October, the next business day.
    actions = plan(
        scenario(interview_date=date(2026, 10, 12), interviewers=(DANA, NO_EMAIL), handwritten_note=True)
    )
    assert [(a.kind, a.recipient, a.due) for a in actions if a.kind is not ActionKind.STATUS_CHECK][:4] == [
        (ActionKind.THANK_YOU_EMAIL, "Dana Lee", date(2026, 10, 12)),
        (ActionKind.THANK_YOU_CALL, "Pat Kim", date(2026, 10, 13)),
        (ActionKind.HANDWRITTEN_NOTE, "Dana Lee", date(2026, 10, 13)),
        (ActionKind.HANDWRITTEN_NOTE, "Pat Kim", date(2026, 10, 13)),
    ]
    assert "weekend or a public holiday" not in of_kind(plan(scenario()), ActionKind.THANK_YOU_EMAIL)[0].why


def test_thank_you_call_only_without_email_and_never_the_same_day():
    actions = plan(scenario(interviewers=(DANA, NO_EMAIL)))
    [call] = of_kind(actions, ActionKind.THANK_YOU_CALL)
    assert (call.recipient, call.due, call.channel) == ("Pat Kim", date(2026, 3, 4), Channel.PHONE)
    assert [a.recipient for a in of_kind(actions, ActionKind.THANK_YOU_EMAIL)] == ["Dana Lee"]


def test_thank_you_call_after_a_friday_interview_is_on_monday():
    [call] = of_kind(
        plan(scenario(interview_date=date(2026, 11, 20), interviewers=(NO_EMAIL,))), ActionKind.THANK_YOU_CALL
    )
    assert call.due == date(2026, 11, 23)


def test_no_email_and_calls_unwelcome_thanks_by_card():
    actions = plan(scenario(interviewers=(NO_EMAIL,), calls_welcome=CallsWelcome.NO))
    assert of_kind(actions, ActionKind.THANK_YOU_CALL) == []
    [card] = of_kind(actions, ActionKind.HANDWRITTEN_NOTE)
    assert (card.due, card.channel) == (date(2026, 3, 4), Channel.MAIL)


def test_no_handwritten_note_unless_asked_or_formal():
    assert of_kind(plan(scenario()), ActionKind.HANDWRITTEN_NOTE) == []


@pytest.mark.parametrize(
    "changes, cited",
    [
        ({"handwritten_note": True}, "(Westwood College career blog; Closing the interview; Cohen finds"),
        ({"formality": Formality.FORMAL}, "(After the Interview)"),
    ],
)
def test_handwritten_note_per_interviewer_by_mail_next_business_day(changes, cited):
    actions = plan(scenario(interviewers=(DANA, SAM), interview_date=date(2026, 11, 25), **changes))
    notes = of_kind(actions, ActionKind.HANDWRITTEN_NOTE)
    assert [(a.recipient, a.due, a.channel) for a in notes] == [
        ("Dana Lee", date(2026, 11, 27), Channel.MAIL),
        ("Sam Roe", date(2026, 11, 27), Channel.MAIL),
    ]
    assert cited in notes[0].why


# First status check


def test_no_promise_checks_a_week_after_the_interview():
    first = checks(plan(scenario()))[0]
    assert (first.due, first.attempt, first.recipient, first.channel) == (
        date(2026, 3, 10),
        1,
        "Dana Lee",
        Channel.PHONE,
    )
    assert "(Westwood College career blog; After the Interview)" in first.why


def test_a_week_later_on_thanksgiving_moves_to_friday():
    first = checks(plan(scenario(interview_date=date(2026, 11, 19))))[0]
    assert first.due == date(2026, 11, 27)


def test_promise_on_a_friday_gives_the_following_tuesday():
    first = checks(plan(scenario(interview_date=date(2026, 11, 10), decision_by=date(2026, 11, 13))))[0]
    assert first.due == date(2026, 11, 17)
    assert "(DeCarlo; Cohen)" in first.why


def test_promise_never_checks_before_the_date_has_passed():
    first = checks(plan(scenario(decision_by=date(2026, 4, 1))))[0]
    assert first.due == date(2026, 4, 3)


def test_promise_before_thanksgiving_skips_the_holiday():
    first = checks(plan(scenario(interview_date=date(2026, 11, 18), decision_by=date(2026, 11, 24))))[0]
    assert first.due == date(2026, 11, 27)


def test_aggressive_field_checks_three_business_days_after():
    first = checks(plan(scenario(interview_date=date(2026, 11, 20), pace=FieldPace.AGGRESSIVE)))[0]
    assert first.due == date(2026, 11, 25)
    assert "(Closing the interview)" in first.why


@pytest.mark.parametrize(
    "day, friday",
    [
        (date(2026, 11, 16), date(2026, 11, 20)),
        (date(2026, 11, 18), date(2026, 11, 20)),
        (date(2026, 11, 20), date(2026, 11, 20)),
        (date(2026, 11, 21), date(2026, 11, 27)),
        (date(2026, 11, 22), date(2026, 11, 27)),
    ],
)
def test_end_of_week_is_that_weeks_friday_or_the_coming_one(day, friday):
    assert end_of_week(day) == friday


# Cadence profiles and the stop rule


@pytest.mark.parametrize(
    "profile, expected",
    [
        (CadenceProfile.GENTLE, ["03-10", "03-17", "03-24"]),
        (CadenceProfile.MODERATE, ["03-10", "03-17", "03-24", "03-31"]),
        (
            CadenceProfile.PERSISTENT,
            ["03-10", "03-12", "03-16", "03-18", "03-20", "03-24", "03-26", "03-30", "04-01", "04-03"],
        ),
    ],
)
def test_each_profile_plans_its_number_of_checks_at_its_gap(profile, expected):
    actions = checks(plan(scenario(cadence=profile)))
    assert [f"{a.due:%m-%d}" for a in actions] == expected
    assert [a.attempt for a in actions] == list(range(1, len(expected) + 1))
    assert len(actions) == PROFILES[profile].max_checks


def test_default_profile_is_moderate():
    assert Scenario(interview_date=TUESDAY).cadence is CadenceProfile.MODERATE
    assert len(checks(plan(Scenario(interview_date=TUESDAY)))) == 4


def test_gentle_calendar_gap_lands_on_a_holiday_and_moves():
    actions = checks(plan(scenario(interview_date=date(2026, 11, 12), cadence=CadenceProfile.GENTLE)))
    assert dues(actions) == [date(2026, 11, 19), date(2026, 11, 27), date(2026, 12, 4)]


def test_relaxed_field_keeps_seven_days_even_when_persistent_and_closes_within_eight_weeks():
    """Rule changed: ten weekly calls would run past eight weeks, so the chase now closes at eight."""
    actions = plan(scenario(pace=FieldPace.RELAXED, cadence=CadenceProfile.PERSISTENT))
    # A week after Tuesday 3 March, then never less than seven days apart: every Tuesday.
    # Eight weeks after the first check (10 March) is Tuesday 5 May: the close, and no check on or after it.
    assert dues(checks(actions)) == [
        date(2026, 3, 10),
        date(2026, 3, 17),
        date(2026, 3, 24),
        date(2026, 3, 31),
        date(2026, 4, 7),
        date(2026, 4, 14),
        date(2026, 4, 21),
        date(2026, 4, 28),
    ]
    assert "(Closing the interview)" in checks(actions)[1].why
    [close] = of_kind(actions, ActionKind.CLOSE)
    assert close.due == date(2026, 5, 5)
    assert close.why.startswith("Eight weeks since the first status check")


def test_relaxed_field_waits_a_week_even_after_a_near_promise():
    first = checks(plan(scenario(pace=FieldPace.RELAXED, decision_by=date(2026, 3, 4))))[0]
    assert first.due == date(2026, 3, 10)


def test_stop_rule_closes_one_gap_after_the_last_check():
    actions = plan(scenario(cadence=CadenceProfile.GENTLE))
    [close] = of_kind(actions, ActionKind.CLOSE)
    assert close.due == date(2026, 3, 31)
    assert actions[-1] is close
    assert "(Closing the interview; DeCarlo)" in close.why


def test_all_checks_unanswered_leaves_only_the_close():
    history = tuple(
        logged_check(day, AttemptOutcome.NO_ANSWER, attempt=n)
        for n, day in enumerate([date(2026, 3, 10), date(2026, 3, 17), date(2026, 3, 24)], start=1)
    )
    thanks = Action(7, ActionKind.THANK_YOU_EMAIL, TUESDAY, Channel.EMAIL, "Dana Lee", 11, ActionStatus.DONE)
    actions = plan(scenario(cadence=CadenceProfile.GENTLE, history=(thanks, *history)))
    assert [(a.kind, a.due) for a in actions] == [(ActionKind.CLOSE, date(2026, 3, 31))]


# Channel of status checks


def test_calls_not_welcome_means_email_only_three_at_most():
    """Rule changed: the moderate profile's fourth check is a call's; by email three at most."""
    actions = plan(scenario(calls_welcome=CallsWelcome.NO))
    assert {a.channel for a in checks(actions)} == {Channel.EMAIL}
    # A week after Tuesday 3 March, then five business days apart: three Tuesdays, then the close.
    assert dues(checks(actions)) == [date(2026, 3, 10), date(2026, 3, 17), date(2026, 3, 24)]
    assert of_kind(actions, ActionKind.CLOSE)[0].due == date(2026, 3, 31)


def test_interviewer_preferred_channel_wins_over_the_phone():
    dana = replace(DANA, preferred_channel=Channel.EMAIL)
    assert {a.channel for a in checks(plan(scenario(interviewers=(dana,))))} == {Channel.EMAIL}


def test_interview_preferred_channel_applies_when_the_interviewer_has_none():
    actions = plan(scenario(preferred_channel=Channel.EMAIL))
    assert {a.channel for a in checks(actions)} == {Channel.EMAIL}


def test_status_checks_go_to_the_main_contact_only():
    actions = checks(plan(scenario(interviewers=(SAM, DANA))))
    assert {(a.recipient, a.interviewer_id) for a in actions} == {("Sam Roe", 12)}


def test_email_preference_without_an_address_falls_back_to_the_phone():
    pat = replace(NO_EMAIL, preferred_channel=Channel.EMAIL)
    assert {a.channel for a in checks(plan(scenario(interviewers=(pat,))))} == {Channel.PHONE}


# Replanning from logged outcomes


def test_unanswered_check_continues_the_streak_from_when_it_was_done():
    done = logged_check(date(2026, 3, 11), AttemptOutcome.LEFT_VOICEMAIL)
    actions = checks(plan(scenario(history=(done,))))
    assert [(a.attempt, a.due) for a in actions] == [
        (2, date(2026, 3, 18)),
        (3, date(2026, 3, 25)),
        (4, date(2026, 4, 1)),
    ]


def test_still_deciding_with_a_new_date_restarts_the_streak_after_that_date():
    done = logged_check(date(2026, 3, 10), AttemptOutcome.SPOKE_STILL_DECIDING, decision_by=date(2026, 3, 20))
    actions = plan(scenario(history=(done,)))
    assert [(a.attempt, a.due) for a in checks(actions)] == [
        (1, date(2026, 3, 24)),
        (2, date(2026, 3, 31)),
        (3, date(2026, 4, 7)),
        (4, date(2026, 4, 14)),
    ]
    assert of_kind(actions, ActionKind.CLOSE)[0].due == date(2026, 4, 21)
    assert "still deciding" in checks(actions)[0].why


def test_still_deciding_without_a_date_checks_a_week_later():
    done = logged_check(date(2026, 3, 10), AttemptOutcome.SPOKE_STILL_DECIDING)
    first = checks(plan(scenario(history=(done,))))[0]
    assert (first.attempt, first.due) == (1, date(2026, 3, 17))


def test_still_deciding_after_unanswered_checks_resets_the_count():
    history = (
        logged_check(date(2026, 3, 10), AttemptOutcome.NO_ANSWER, attempt=1),
        logged_check(date(2026, 3, 17), AttemptOutcome.NO_ANSWER, attempt=2),
        logged_check(date(2026, 3, 24), AttemptOutcome.SPOKE_STILL_DECIDING, attempt=3),
    )
    actions = checks(plan(scenario(history=history)))
    assert [a.attempt for a in actions] == [1, 2, 3, 4]
    assert actions[0].due == date(2026, 3, 31)


def test_skipped_check_is_used_up():
    skipped = replace(logged_check(date(2026, 3, 10), None), status=ActionStatus.SKIPPED, done_on=None)
    actions = checks(plan(scenario(history=(skipped,))))
    assert (actions[0].attempt, actions[0].due) == (2, date(2026, 3, 17))


def test_next_round_stops_the_status_checks():
    done = logged_check(date(2026, 3, 10), AttemptOutcome.SPOKE_NEXT_ROUND)
    actions = plan(scenario(history=(done,)))
    assert checks(actions) == []
    assert of_kind(actions, ActionKind.CLOSE) == []


def test_offer_stops_the_checks_plans_the_answer_and_a_thank_you_to_each_interviewer():
    done = logged_check(date(2026, 3, 13), AttemptOutcome.OFFER)  # a Friday, on a call to Dana
    actions = plan(scenario(history=(done,), interviewers=(DANA, SAM, NO_EMAIL)))
    # Thanks by Monday 16 March; no date for the answer: within two business days, Tuesday 17,
    # to Dana, who made the offer, the way it came (a call).
    assert [(a.kind, a.due, a.recipient, a.channel) for a in actions] == [
        (ActionKind.OFFER_THANKS, date(2026, 3, 16), "Dana Lee", Channel.EMAIL),
        (ActionKind.OFFER_THANKS, date(2026, 3, 16), "Pat Kim", Channel.MAIL),
        (ActionKind.OFFER_THANKS, date(2026, 3, 16), "Sam Roe", Channel.EMAIL),
        (ActionKind.ANSWER_OFFER, date(2026, 3, 17), "Dana Lee", Channel.PHONE),
    ]
    assert all("(After the Interview)" in a.why for a in actions)
    assert "accept, negotiate" in actions[-1].why


@pytest.mark.parametrize(
    "answer_by, due",
    [
        (date(2026, 3, 20), date(2026, 3, 20)),  # Friday 20 March: that day
        (date(2026, 3, 21), date(2026, 3, 20)),  # a Saturday: the business day before it
        (date(2026, 3, 13), date(2026, 3, 13)),  # the day of the offer itself
    ],
)
def test_an_offer_with_a_date_for_the_answer_plans_answering_it_by_then(answer_by, due):
    offer = logged_check(date(2026, 3, 13), AttemptOutcome.OFFER, decision_by=answer_by)
    [answer] = of_kind(plan(scenario(history=(offer,))), ActionKind.ANSWER_OFFER)
    assert answer.due == due
    assert f"by {answer_by:%A} {answer_by.isoformat()}" in answer.why


def test_rejection_plans_thanks_next_business_day_and_stay_in_touch_six_weeks_later():
    done = logged_check(date(2026, 11, 25), AttemptOutcome.REJECTION)
    actions = plan(scenario(interview_date=date(2026, 11, 16), history=(done,)))
    assert [(a.kind, a.due, a.recipient, a.channel) for a in actions] == [
        (ActionKind.THANKS_FOR_CONSIDERATION, date(2026, 11, 27), "Dana Lee", Channel.EMAIL),
        (ActionKind.STAY_IN_TOUCH, date(2027, 1, 6), "Dana Lee", Channel.EMAIL),
    ]
    assert all("(DeCarlo)" in a.why for a in actions)


def test_rejection_letters_already_sent_are_not_planned_again():
    rejection = logged_check(date(2026, 3, 13), AttemptOutcome.REJECTION)
    thanks = Action(
        7,
        ActionKind.THANKS_FOR_CONSIDERATION,
        date(2026, 3, 16),
        Channel.EMAIL,
        "Dana Lee",
        11,
        ActionStatus.DONE,
    )
    actions = plan(scenario(history=(rejection, thanks)))
    assert [(a.kind, a.due) for a in actions] == [(ActionKind.STAY_IN_TOUCH, date(2026, 4, 24))]


def test_withdrawal_cancels_everything_even_manual_actions():
    withdrew = Action(
        7,
        ActionKind.WITHDRAWAL,
        date(2026, 3, 5),
        Channel.EMAIL,
        "Dana Lee",
        11,
        ActionStatus.DONE,
        outcome=AttemptOutcome.WITHDREW,
    )
    manual = moved_check(date(2026, 3, 12), attempt=1)
    assert plan(scenario(history=(withdrew, manual))) == []


def decided(day, outcome, *, who=DANA, saved=None, **changes):
    """An outcome recorded on the Outcome page: a done action of kind OUTCOME."""
    return Action(
        7,
        ActionKind.OUTCOME,
        day,
        Channel.EMAIL,
        who.name if who else "",
        who.id if who else None,
        ActionStatus.DONE,
        outcome=outcome,
        done_on=day,
        id=saved,
        **changes,
    )


def test_a_recorded_withdrawal_plans_the_letter_that_day_and_cancels_the_rest():
    unanswered = logged_check(date(2026, 3, 10), AttemptOutcome.NO_ANSWER)
    manual = moved_check(date(2026, 3, 20))
    withdrew = decided(date(2026, 3, 14), AttemptOutcome.WITHDREW, who=None)  # a Saturday
    actions = plan(scenario(interviewers=(DANA, SAM), history=(unanswered, manual, withdrew)))
    assert [(a.kind, a.due, a.recipient, a.channel) for a in actions] == [
        (ActionKind.WITHDRAWAL, date(2026, 3, 16), "Dana Lee", Channel.EMAIL)
    ]
    assert "(After the Interview)" in actions[0].why and "next business day" in actions[0].why


def test_the_withdrawal_letter_goes_to_whom_the_user_named():
    withdrew = decided(TUESDAY, AttemptOutcome.WITHDREW, who=SAM)
    [letter] = plan(scenario(interviewers=(DANA, SAM), history=(withdrew,)))
    assert (letter.kind, letter.recipient, letter.interviewer_id) == (ActionKind.WITHDRAWAL, "Sam Roe", 12)


def test_a_withdrawal_letter_sent_or_dismissed_leaves_nothing_to_plan():
    withdrew = decided(TUESDAY, AttemptOutcome.WITHDREW, saved=1)
    letter = Action(
        7,
        ActionKind.WITHDRAWAL,
        TUESDAY,
        Channel.EMAIL,
        "Dana Lee",
        11,
        ActionStatus.DONE,
        outcome=AttemptOutcome.WITHDREW,
        done_on=TUESDAY,
        id=2,
    )
    assert plan(scenario(history=(withdrew, letter))) == []
    dismissed = replace(letter, status=ActionStatus.SKIPPED, outcome=None)
    assert plan(scenario(history=(withdrew, dismissed))) == []


def test_withdrawing_on_a_call_needs_no_letter():
    assert plan(scenario(history=(logged_check(date(2026, 3, 10), AttemptOutcome.WITHDREW),))) == []


@pytest.mark.parametrize(
    "closed",
    [
        decided(date(2026, 4, 1), AttemptOutcome.GAVE_UP, who=None),
        Action(
            7,
            ActionKind.CLOSE,
            date(2026, 4, 1),
            Channel.EMAIL,
            "Dana Lee",
            11,
            ActionStatus.DONE,
            outcome=AttemptOutcome.SENT,
            done_on=date(2026, 4, 1),
        ),
    ],
    ids=["gave up", "stop rule closed"],
)
def test_closed_without_an_answer_plans_nothing_more(closed):
    manual = Action(
        7, ActionKind.THANK_YOU_EMAIL, date(2026, 4, 2), Channel.EMAIL, "Sam Roe", 12, manual=True
    )
    assert plan(scenario(interviewers=(DANA, SAM), history=(closed, manual))) == []


def test_the_latest_outcome_wins_a_rejection_then_an_offer_is_an_offer():
    rejection = decided(date(2026, 3, 10), AttemptOutcome.REJECTION, saved=1)
    offer = decided(date(2026, 3, 17), AttemptOutcome.OFFER, saved=2)
    actions = plan(scenario(history=(offer, rejection)))
    # Thanks the next business day, Wednesday 18 March; the answer within two, Thursday 19.
    assert [(a.kind, a.due) for a in actions] == [
        (ActionKind.OFFER_THANKS, date(2026, 3, 18)),
        (ActionKind.ANSWER_OFFER, date(2026, 3, 19)),
    ]


def test_on_the_same_day_the_outcome_saved_last_wins():
    offer = decided(date(2026, 3, 10), AttemptOutcome.OFFER, saved=5)
    rejection = decided(date(2026, 3, 10), AttemptOutcome.REJECTION, saved=9)
    kinds = {a.kind for a in plan(scenario(history=(rejection, offer)))}
    assert kinds == {ActionKind.THANKS_FOR_CONSIDERATION, ActionKind.STAY_IN_TOUCH}


def test_a_rejection_without_a_named_person_thanks_the_main_contact():
    rejection = decided(date(2026, 3, 10), AttemptOutcome.REJECTION, who=None)
    actions = plan(scenario(interviewers=(DANA, SAM), history=(rejection,)))
    assert {(a.recipient, a.interviewer_id) for a in actions} == {("Dana Lee", 11)}


def test_back_in_the_running_after_an_offer_resumes_the_checks_with_a_fresh_count():
    checks_before = [
        logged_check(date(2026, 3, 10), AttemptOutcome.NO_ANSWER, attempt=1, id=1),
        logged_check(date(2026, 3, 17), AttemptOutcome.NO_ANSWER, attempt=2, id=2),
    ]
    offer = decided(date(2026, 3, 20), AttemptOutcome.OFFER, saved=3)
    back = decided(date(2026, 4, 1), AttemptOutcome.BACK_IN_RUNNING, saved=4)  # a Wednesday
    actions = plan(scenario(interviewers=(DANA, SAM), history=(*checks_before, offer, back)))
    assert of_kind(actions, ActionKind.OFFER_THANKS) == []
    assert of_kind(actions, ActionKind.THANK_YOU_EMAIL) == []
    # Moderate: five business days after the day they came back, then every five; four checks.
    assert [(a.attempt, a.due) for a in checks(actions)] == [
        (1, date(2026, 4, 8)),
        (2, date(2026, 4, 15)),
        (3, date(2026, 4, 22)),
        (4, date(2026, 4, 29)),
    ]
    assert "Back in the running since Wednesday 2026-04-01" in checks(actions)[0].why
    assert [a.due for a in of_kind(actions, ActionKind.CLOSE)] == [date(2026, 5, 6)]


def test_back_in_the_running_after_a_rejection_drops_the_rejection_letters():
    rejection = logged_check(date(2026, 3, 10), AttemptOutcome.REJECTION, id=1)
    back = decided(date(2026, 3, 12), AttemptOutcome.BACK_IN_RUNNING, saved=2)
    unanswered = logged_check(date(2026, 3, 19), AttemptOutcome.NO_ANSWER, attempt=1, id=3)
    actions = plan(scenario(history=(rejection, back, unanswered)))
    assert {a.kind for a in actions} == {ActionKind.STATUS_CHECK, ActionKind.CLOSE}
    assert (checks(actions)[0].attempt, checks(actions)[0].due) == (2, date(2026, 3, 26))


def test_letters_moved_by_hand_go_when_a_later_decision_overrides_theirs():
    rejection = decided(date(2026, 3, 10), AttemptOutcome.REJECTION, saved=1)
    moved = Action(7, ActionKind.STAY_IN_TOUCH, date(2026, 5, 4), Channel.EMAIL, "Dana Lee", 11, manual=True)
    kept = Action(7, ActionKind.THANK_YOU_EMAIL, date(2026, 3, 12), Channel.EMAIL, "Sam Roe", 12, manual=True)
    assert moved in plan(scenario(history=(rejection, moved, kept)))
    offer = decided(date(2026, 3, 17), AttemptOutcome.OFFER, saved=2)
    actions = plan(scenario(history=(rejection, moved, kept, offer)))
    assert moved not in actions and kept in actions
    back = decided(date(2026, 3, 17), AttemptOutcome.BACK_IN_RUNNING, saved=2)
    assert moved not in plan(scenario(history=(rejection, moved, back)))


def test_a_rejection_after_being_back_in_the_running_thanks_them_again():
    first_no = decided(date(2026, 3, 10), AttemptOutcome.REJECTION, saved=1)
    thanked = Action(
        7,
        ActionKind.THANKS_FOR_CONSIDERATION,
        date(2026, 3, 11),
        Channel.EMAIL,
        "Dana Lee",
        11,
        ActionStatus.DONE,
        outcome=AttemptOutcome.SENT,
        done_on=date(2026, 3, 11),
        id=2,
    )
    back = decided(date(2026, 3, 20), AttemptOutcome.BACK_IN_RUNNING, saved=3)
    second_no = decided(date(2026, 4, 7), AttemptOutcome.REJECTION, saved=4)
    actions = plan(scenario(history=(first_no, thanked, back, second_no)))
    assert (actions[0].kind, actions[0].due) == (ActionKind.THANKS_FOR_CONSIDERATION, date(2026, 4, 8))


def test_done_thank_yous_are_not_planned_again():
    sent = Action(
        7,
        ActionKind.THANK_YOU_EMAIL,
        TUESDAY,
        Channel.EMAIL,
        "Dana Lee",
        11,
        ActionStatus.DONE,
        outcome=AttemptOutcome.SENT,
    )
    actions = plan(scenario(interviewers=(DANA, SAM), history=(sent,)))
    assert [a.recipient for a in of_kind(actions, ActionKind.THANK_YOU_EMAIL)] == ["Sam Roe"]
    assert len(checks(actions)) == 4


def test_manual_actions_are_kept_as_they_are():
    done = logged_check(date(2026, 3, 10), AttemptOutcome.NO_ANSWER)
    moved_check = Action(
        7,
        ActionKind.STATUS_CHECK,
        date(2026, 3, 20),
        Channel.EMAIL,
        "Dana Lee",
        11,
        attempt=2,
        why="Moved by me",
        manual=True,
        id=99,
    )
    moved_thanks = Action(
        7, ActionKind.THANK_YOU_EMAIL, date(2026, 3, 4), Channel.EMAIL, "Dana Lee", 11, manual=True, id=98
    )
    stale = Action(7, ActionKind.STATUS_CHECK, date(2026, 3, 17), Channel.PHONE, "Dana Lee", 11, attempt=2)
    actions = plan(scenario(history=(done, moved_check, moved_thanks, stale)))
    assert moved_check in actions and moved_thanks in actions
    assert stale not in actions
    assert of_kind(actions, ActionKind.THANK_YOU_EMAIL) == [moved_thanks]
    assert [(a.attempt, a.due, a.manual) for a in checks(actions)] == [
        (2, date(2026, 3, 20), True),
        (3, date(2026, 3, 27), False),
        (4, date(2026, 4, 3), False),
    ]


def test_manual_checks_stop_after_a_decision():
    rejection = logged_check(date(2026, 3, 13), AttemptOutcome.REJECTION)
    manual = moved_check(date(2026, 3, 20))
    assert checks(plan(scenario(history=(rejection, manual)))) == []


def test_plan_is_sorted_by_date_and_all_planned_with_a_reason():
    actions = plan(scenario(interviewers=(DANA, NO_EMAIL), handwritten_note=True))
    assert dues(actions) == sorted(dues(actions))
    assert all(a.status is ActionStatus.PLANNED and a.application_id == 7 for a in actions)
    assert all(
        any(f"{s.short})" in a.why or f"{s.short};" in a.why for s in SOURCES.values()) for a in actions
    )
    assert not any("seed" in a.why.lower() for a in actions)


# Scenario building and validation


def test_decision_before_interview_is_refused():
    with pytest.raises(ValueError, match="before the interview"):
        scenario(decision_by=date(2026, 3, 1))


def test_unknown_country_is_refused_with_its_code():
    with pytest.raises(ValueError, match="'ZZ'"):
        scenario(country="ZZ")


def test_scenario_from_the_records():
    application = Application("Acme", "Analyst", field_pace=FieldPace.RELAXED, handwritten_note=True, id=5)
    interview = Interview(
        5, datetime(2026, 3, 3, 14, 0), decision_by=date(2026, 3, 6), calls_welcome=CallsWelcome.NO
    )
    built = Scenario.for_interview(
        application, interview, [DANA], [], Settings(country="GB", cadence=CadenceProfile.GENTLE)
    )
    assert built == Scenario(
        interview_date=TUESDAY,
        country="GB",
        decision_by=date(2026, 3, 6),
        pace=FieldPace.RELAXED,
        handwritten_note=True,
        calls_welcome=CallsWelcome.NO,
        interviewers=(DANA,),
        cadence=CadenceProfile.GENTLE,
        application_id=5,
    )


def test_explain_profile_for_the_settings_page():
    gentle = explain_profile(CadenceProfile.GENTLE)
    assert (gentle.name, gentle.gap_text, gentle.max_checks, gentle.source_text) == (
        "Gentle",
        "7 calendar days",
        3,
        "Closing the interview; After the Interview",
    )
    persistent = explain_profile("persistent")
    assert (persistent.gap_text, persistent.max_checks, persistent.source_text) == (
        "2 business days",
        10,
        "DeCarlo",
    )
    assert explain_profile(CadenceProfile.MODERATE).description


# Properties over many scenarios

COUNTRIES = ["US", "GB", "DE", "FR", "IL", "JP", "IN", "BR", "AE"]
REGIONS = [("US", ""), ("CA", "ON"), ("DE", "BY"), ("US", "MA"), ("AU", "VIC"), ("GB", "SCT")]
people = st.lists(st.booleans(), max_size=3).map(
    lambda emails: tuple(
        Interviewer(1, f"Person {n}", email=f"p{n}@x.example" if has_email else "", id=n)
        for n, has_email in enumerate(emails)
    )
)


@st.composite
def scenarios(draw):
    interview = draw(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)))
    promise = draw(st.none() | st.integers(min_value=0, max_value=30))
    country, subdivision = draw(st.sampled_from([(c, "") for c in COUNTRIES] + REGIONS))
    return Scenario(
        interview_date=interview,
        country=country,
        subdivision=subdivision,
        decision_by=None if promise is None else interview + timedelta(days=promise),
        pace=draw(st.sampled_from(FieldPace)),
        formality=draw(st.sampled_from(Formality)),
        handwritten_note=draw(st.booleans()),
        calls_welcome=draw(st.sampled_from(CallsWelcome)),
        interviewers=draw(people),
        cadence=draw(st.sampled_from(CadenceProfile)),
    )


def assert_well_formed(s: Scenario, actions: list[Action]) -> None:
    # Every date a business day of the region, except the thank-you email (the interview day).
    assert all(is_business_day(a.due, s.region) for a in actions if a.kind is not ActionKind.THANK_YOU_EMAIL)
    assert all(a.due == s.interview_date for a in of_kind(actions, ActionKind.THANK_YOU_EMAIL))
    status_checks = checks(actions)
    attempts = [a.attempt for a in status_checks]
    assert attempts == list(range(attempts[0], attempts[0] + len(attempts)) if attempts else [])
    assert dues(status_checks) == sorted(dues(status_checks))
    assert all(a.due > s.interview_date for a in status_checks)
    assert len(status_checks) <= PROFILES[s.cadence].max_checks
    by_email = [a for a in status_checks if a.channel is Channel.EMAIL]
    assert len(by_email) <= 3
    assert all((b.due - a.due).days >= 7 for a, b in pairwise(by_email))
    if s.pace is FieldPace.RELAXED:
        assert all((b.due - a.due).days >= 7 for a, b in pairwise(status_checks))
    for close in of_kind(actions, ActionKind.CLOSE):
        assert all(close.due > a.due for a in status_checks)
    assert not any("seed" in a.why.lower() for a in actions)


@settings(max_examples=60, deadline=None)
@given(scenarios())
def test_due_dates_are_business_days_and_checks_never_go_backwards(s):
    actions = plan(s)
    assert_well_formed(s, actions)
    status_checks = checks(actions)
    [close] = of_kind(actions, ActionKind.CLOSE)
    # The whole chase, from its first check to the close, fits in eight weeks.
    assert (close.due - status_checks[0].due).days <= 56
    if s.decision_by is not None:
        assert all(a.due > s.decision_by for a in status_checks)


@settings(max_examples=40, deadline=None)
@given(
    scenarios(),
    st.lists(
        st.tuples(
            st.sampled_from(
                [AttemptOutcome.NO_ANSWER, AttemptOutcome.LEFT_VOICEMAIL, AttemptOutcome.SPOKE_STILL_DECIDING]
            ),
            st.none() | st.integers(min_value=0, max_value=20),
            st.integers(min_value=0, max_value=3),
        ),
        max_size=6,
    ),
)
def test_replanning_after_logged_checks_keeps_the_rules(s, log):
    history: list[Action] = []
    for outcome, new_date_in, late_by in log:
        next_check = checks(plan(replace(s, history=tuple(history))))
        if not next_check:
            break
        done_on = next_check[0].due + timedelta(days=late_by)
        new_date = None if new_date_in is None else done_on + timedelta(days=new_date_in)
        history.append(
            replace(
                next_check[0],
                status=ActionStatus.DONE,
                outcome=outcome,
                done_on=done_on,
                decision_by=new_date if outcome is AttemptOutcome.SPOKE_STILL_DECIDING else None,
            )
        )
        actions = plan(replace(s, history=tuple(history)))
        assert_well_formed(s, actions)
        assert all(a.due > done_on for a in checks(actions))


# Reading the interviewer's words by their later bound (rule 2)


def test_in_a_week_or_two_is_read_as_two_weeks_so_the_first_call_waits_for_it():
    from followup.timeline_words import decision_date

    # Said on Tuesday 10 March 2026: "a week or two" is Tuesday 24 March, not the 17th.
    promise = decision_date("in a week or two", date(2026, 3, 10))
    assert promise == date(2026, 3, 24)
    first = checks(plan(scenario(interview_date=date(2026, 3, 10), decision_by=promise)))[0]
    # The second business day after Tuesday 24 March: Thursday 26 March.
    assert first.due == date(2026, 3, 26)


def test_a_promise_blocked_by_christmas_is_read_as_the_business_day_before():
    from followup.business_days import Region
    from followup.timeline_words import read

    # Said on Monday 14 December 2026: the end of next week is Friday 25 December, Christmas Day,
    # so the promise holds for Thursday 24 December.
    reading = read("by the end of next week", date(2026, 12, 14), Region("US"))
    assert (reading.day, reading.named) == (date(2026, 12, 24), date(2026, 12, 25))
    first = checks(plan(scenario(interview_date=date(2026, 12, 14), decision_by=reading.day)))[0]
    # Two business days after Thursday 24: Friday 25 is Christmas, so Monday 28 and Tuesday 29.
    assert first.due == date(2026, 12, 29)


# No over-contact (rule 3)


def test_persistent_by_email_is_three_inquiries_a_week_apart():
    """Rule changed: the persistent profile's ten contacts are calls; by email it is three, weekly."""
    actions = plan(scenario(cadence=CadenceProfile.PERSISTENT, calls_welcome=CallsWelcome.NO))
    # A week after Tuesday 3 March; two business days later would be Thursday 12, but an email
    # waits a week: Tuesday 17, then 24. The close a week later still, Tuesday 31 March.
    assert dues(checks(actions)) == [date(2026, 3, 10), date(2026, 3, 17), date(2026, 3, 24)]
    assert of_kind(actions, ActionKind.CLOSE)[0].due == date(2026, 3, 31)
    assert "no more than one inquiry a week and three in all" not in checks(actions)[0].why
    assert "no more than one inquiry a week and three in all" in checks(actions)[1].why


def test_an_email_preference_in_a_fast_field_still_waits_a_week_between_inquiries():
    dana = replace(DANA, preferred_channel=Channel.EMAIL)
    actions = checks(plan(scenario(interviewers=(dana,), pace=FieldPace.AGGRESSIVE)))
    # Three business days after Tuesday 3 March is Friday 6; then a week: Friday 13 and 20.
    assert dues(actions) == [date(2026, 3, 6), date(2026, 3, 13), date(2026, 3, 20)]


def test_after_a_conversation_the_eight_weeks_count_from_the_new_first_check():
    spoke = logged_check(
        date(2026, 3, 10), AttemptOutcome.SPOKE_STILL_DECIDING, decision_by=date(2026, 3, 27)
    )
    actions = plan(scenario(pace=FieldPace.RELAXED, cadence=CadenceProfile.PERSISTENT, history=(spoke,)))
    # New date Friday 27 March: the first check of the new streak is Tuesday 31 March (two business
    # days later), then weekly; eight weeks after 31 March is Tuesday 26 May, the close.
    assert checks(actions)[0].due == date(2026, 3, 31)
    assert of_kind(actions, ActionKind.CLOSE)[0].due == date(2026, 5, 26)
    assert dues(checks(actions))[-1] == date(2026, 5, 19)


# A fast field: sooner and more often (rule 4)


@pytest.mark.parametrize(
    "profile, expected, close",
    [
        # Three business days after Tuesday 3 March is Friday 6; then every four business days.
        (CadenceProfile.GENTLE, ["03-06", "03-12", "03-18"], "03-24"),
        # ... then every three business days: Wed 11, Mon 16, Thu 19; the close Tue 24.
        (CadenceProfile.MODERATE, ["03-06", "03-11", "03-16", "03-19"], "03-24"),
    ],
)
def test_a_fast_field_checks_sooner_and_closer_together(profile, expected, close):
    fast = plan(scenario(cadence=profile, pace=FieldPace.AGGRESSIVE))
    standard = plan(scenario(cadence=profile))
    assert [f"{a.due:%m-%d}" for a in checks(fast)] == expected
    assert f"{of_kind(fast, ActionKind.CLOSE)[0].due:%m-%d}" == close
    fast_gaps = [(b.due - a.due).days for a, b in pairwise(checks(fast))]
    standard_gaps = [(b.due - a.due).days for a, b in pairwise(checks(standard))]
    assert max(fast_gaps) < min(standard_gaps)
    assert "the field moves fast" in checks(fast)[1].why


def test_a_fast_field_never_calls_sooner_than_two_business_days():
    actions = checks(plan(scenario(cadence=CadenceProfile.PERSISTENT, pace=FieldPace.AGGRESSIVE)))
    # Friday 6 March, then two business days apart: Tuesday 10, Thursday 12, Monday 16...
    assert dues(actions)[:4] == [date(2026, 3, 6), date(2026, 3, 10), date(2026, 3, 12), date(2026, 3, 16)]


# Regional holidays (rule 5)


def test_canadian_thanksgiving_in_ontario_is_not_a_call_day():
    # Interview Monday 5 October 2026; a week later is Monday 12 October, Thanksgiving in Ontario
    # (not a national holiday in Canada), so the call moves to Tuesday 13 in Ontario only.
    in_ontario = checks(plan(scenario(interview_date=date(2026, 10, 5), country="CA", subdivision="ON")))[0]
    in_canada = checks(plan(scenario(interview_date=date(2026, 10, 5), country="CA")))[0]
    assert (in_ontario.due, in_canada.due) == (date(2026, 10, 13), date(2026, 10, 12))
    assert "(Thanksgiving" in in_ontario.why


def test_corpus_christi_in_bavaria_is_not_a_call_day():
    # Interview Thursday 28 May 2026; a week later is Thursday 4 June, Corpus Christi in Bavaria.
    in_bavaria = checks(plan(scenario(interview_date=date(2026, 5, 28), country="DE", subdivision="BY")))[0]
    in_berlin = checks(plan(scenario(interview_date=date(2026, 5, 28), country="DE", subdivision="BE")))[0]
    assert (in_bavaria.due, in_berlin.due) == (date(2026, 6, 5), date(2026, 6, 4))


def test_a_region_the_country_does_not_have_is_refused_naming_it():
    with pytest.raises(ValueError, match="Unknown region 'ZZ' for CA"):
        scenario(country="CA", subdivision="ZZ")
    assert scenario(country="ca", subdivision="ontario").region.code == "CA-ON"


# Smaller rules seen on the plan page (rule 6)


def test_a_check_logged_before_the_promised_date_does_not_bring_the_next_one_forward():
    # Promise: Friday 13 March. The user called early, on Monday 9 March, and got no answer.
    early = logged_check(date(2026, 3, 9), AttemptOutcome.NO_ANSWER)
    s = scenario(cadence=CadenceProfile.PERSISTENT, decision_by=date(2026, 3, 13), history=(early,))
    following = checks(plan(s))[0]
    # Two business days after the call would be Wednesday 11; the promise holds it to Tuesday 17.
    assert (following.attempt, following.due) == (2, date(2026, 3, 17))
    assert "They promised news by Friday 2026-03-13" in following.why


@pytest.mark.parametrize(
    "day, early", [(date(2026, 3, 9), True), (date(2026, 3, 13), True), (date(2026, 3, 16), False)]
)
def test_a_check_before_the_promised_date_has_passed_is_too_early(day, early):
    from followup.cadence import too_early

    s = scenario(decision_by=date(2026, 3, 13))
    assert too_early(s, day) == (date(2026, 3, 13) if early else None)


def test_a_new_date_named_in_a_conversation_is_the_promise_that_counts():
    from followup.cadence import too_early

    spoke = logged_check(
        date(2026, 3, 16), AttemptOutcome.SPOKE_STILL_DECIDING, decision_by=date(2026, 3, 27)
    )
    s = scenario(decision_by=date(2026, 3, 13), history=(spoke,))
    assert too_early(s, date(2026, 3, 20), s.history) == date(2026, 3, 27)


def test_a_check_moved_by_hand_keeps_its_place_and_the_ones_after_it_follow():
    # Check 1 stays on Tuesday 10 March; check 2 moves from the 17th to Friday 20. The checks after
    # it keep the five-business-day spacing from there: Friday 27 March, Friday 3 April; the close
    # Friday 10 April.
    moved = moved_check(date(2026, 3, 20))
    actions = plan(scenario(history=(moved,)))
    assert [(a.attempt, a.due, a.manual) for a in checks(actions)] == [
        (1, date(2026, 3, 10), False),
        (2, date(2026, 3, 20), True),
        (3, date(2026, 3, 27), False),
        (4, date(2026, 4, 3), False),
    ]
    assert of_kind(actions, ActionKind.CLOSE)[0].due == date(2026, 4, 10)


def test_a_check_moved_by_hand_past_the_eight_weeks_stays_and_the_close_follows_it():
    # The first check is Tuesday 10 March; eight weeks on is Tuesday 5 May, the last day the
    # chase may close. Check 2 moved to Monday 11 May stays there; no check is planned after
    # it, and the close comes five business days after it, Monday 18 May.
    moved = moved_check(date(2026, 5, 11))
    actions = plan(scenario(history=(moved,)))
    assert [(a.attempt, a.due, a.manual) for a in checks(actions)] == [
        (1, date(2026, 3, 10), False),
        (2, date(2026, 5, 11), True),
    ]
    [close] = of_kind(actions, ActionKind.CLOSE)
    assert close.due == date(2026, 5, 18)
    assert "Eight weeks since the first status check" in close.why


def test_a_check_moved_before_the_one_ahead_of_it_no_longer_fits_and_goes():
    moved = moved_check(date(2026, 3, 9))
    actions = checks(plan(scenario(history=(moved,))))
    assert moved not in actions
    assert dues(actions) == [date(2026, 3, 10), date(2026, 3, 17), date(2026, 3, 24), date(2026, 3, 31)]


def test_without_a_business_card_the_checks_ask_for_a_contact():
    actions = plan(scenario(interviewers=()))
    assert {a.recipient for a in actions} == {""}
    assert "no contact to ask yet" in checks(actions)[0].why
    assert "no contact to ask yet" in of_kind(actions, ActionKind.CLOSE)[0].why


def test_checks_by_email_go_to_a_panel_member_who_has_an_address():
    # Pat, the main contact, has no email; calls are not welcome: Sam, who has one, is asked.
    actions = checks(plan(scenario(interviewers=(NO_EMAIL, SAM), calls_welcome=CallsWelcome.NO)))
    assert {(a.recipient, a.channel) for a in actions} == {("Sam Roe", Channel.EMAIL)}
    preferred = replace(NO_EMAIL, preferred_channel=Channel.EMAIL)
    actions = checks(plan(scenario(interviewers=(preferred, SAM))))
    assert {(a.recipient, a.channel) for a in actions} == {("Sam Roe", Channel.EMAIL)}


def test_nobody_on_the_panel_with_an_address_keeps_the_phone():
    actions = checks(plan(scenario(interviewers=(NO_EMAIL,), preferred_channel=Channel.EMAIL)))
    assert {(a.recipient, a.channel) for a in actions} == {("Pat Kim", Channel.PHONE)}


# The answers given at the close (rule 7)


@pytest.mark.parametrize(
    "interview_day, due",
    [
        (date(2026, 3, 3), date(2026, 3, 4)),  # Tuesday: Wednesday
        (date(2026, 11, 20), date(2026, 11, 23)),  # Friday: Monday
        (date(2026, 11, 25), date(2026, 11, 27)),  # Wednesday before Thanksgiving: Friday
    ],
)
def test_what_they_asked_for_is_sent_by_the_next_business_day(interview_day, due):
    actions = plan(scenario(interview_date=interview_day, requested="two references"))
    [send] = of_kind(actions, ActionKind.SEND_REQUESTED)
    assert (send.due, send.recipient, send.channel) == (due, "Dana Lee", Channel.EMAIL)
    assert "“two references”" in send.why and "(Closing the interview)" in send.why
    assert of_kind(plan(scenario(interview_date=interview_day)), ActionKind.SEND_REQUESTED) == []


def test_sending_what_they_asked_for_once_is_enough():
    sent = Action(
        7,
        ActionKind.SEND_REQUESTED,
        date(2026, 3, 4),
        Channel.EMAIL,
        "Dana Lee",
        11,
        ActionStatus.DONE,
        outcome=AttemptOutcome.SENT,
        done_on=date(2026, 3, 4),
    )
    assert (
        of_kind(plan(scenario(requested="two references", history=(sent,))), ActionKind.SEND_REQUESTED) == []
    )


def test_a_next_round_ahead_makes_the_first_check_ask_when_it_will_be():
    actions = checks(plan(scenario(next_round_expected=True)))
    assert actions[0].why.endswith("They expect a next round: ask when it will be.")
    assert not any("next round" in a.why for a in actions[1:])
    assert not any("next round" in a.why for a in checks(plan(scenario())))


def test_the_scenario_reads_the_answers_from_the_interview():
    application = Application("Acme", "Analyst", id=5)
    interview = Interview(
        5, datetime(2026, 3, 3, 14, 0), second_round="Yes, with the CFO", anything_else="Nothing else, thanks"
    )
    built = Scenario.for_interview(application, interview, [DANA], [], Settings(subdivision="NY"))
    assert (built.next_round_expected, built.requested, built.region.code) == (True, "", "US-NY")
