from datetime import date, datetime, timedelta

import pytest

from followup import journey
from followup.journey import CLOSING_QUESTIONS, DEBRIEF_PROMPTS, WRITTEN_QUESTIONS, Step
from followup.model import (
    Action,
    ActionKind,
    ActionStatus,
    Application,
    CallsWelcome,
    Channel,
    DebriefNotes,
    Interview,
    Interviewer,
    Letter,
    LetterKind,
    LetterStatus,
    Status,
)

STARTS = datetime(2026, 3, 10, 10)


def _interview(**answers) -> Interview:
    return Interview(application_id=1, starts_at=STARTS, id=7, **answers)


def _answered() -> Interview:
    return _interview(
        decision_timeline="end of next week",
        next_steps="references",
        second_round="no",
        anything_else="nothing",
        qualifications_view="strong",
    )


def _people(*ids: int) -> list[Interviewer]:
    return [Interviewer(7, f"Person {i}", id=i) for i in ids]


def _progress(application=None, interview=None, people=(), notes=None, letters=(), actions=()):
    return journey.progress(
        application or Application("Acme", "Analyst", id=1),
        interview or _interview(),
        people,
        notes or {},
        letters,
        actions,
    )


def _done(progress) -> dict[Step, bool]:
    return {s.step: s.done for s in progress.steps}


def test_nothing_is_done_for_a_fresh_interview():
    progress = _progress()
    assert not any(_done(progress).values())
    assert progress.done_count == 0
    assert progress.state(Step.CLOSE).detail == "0 of 5 answers written · 0 business cards"
    assert progress.next_step() is Step.CLOSE


def test_the_steps_are_in_the_order_of_the_journey():
    assert [(s.number, s.title) for s in Step] == [
        (1, "Close the interview"),
        (2, "Debrief"),
        (3, "Letters"),
        (4, "Follow-up plan"),
        (5, "Outcome"),
    ]


def test_closing_needs_every_written_answer_and_a_business_card():
    assert not _done(_progress(interview=_answered()))[Step.CLOSE]
    partly = _answered()
    partly.second_round = "  "
    assert not _done(_progress(interview=partly, people=_people(1)))[Step.CLOSE]
    progress = _progress(interview=_answered(), people=_people(1))
    assert _done(progress)[Step.CLOSE]
    assert progress.state(Step.CLOSE).detail == "5 of 5 answers written · 1 business card"


def test_a_decision_date_alone_answers_the_timeline_question():
    interview = _answered()
    interview.decision_timeline = ""
    assert not journey.answered(interview, journey.DECISION)
    interview.decision_by = date(2026, 3, 20)
    assert journey.answered(interview, journey.DECISION)


def test_the_choices_always_have_an_answer():
    interview = _interview(calls_welcome=CallsWelcome.UNKNOWN, preferred_channel=None)
    choices = [q for q in CLOSING_QUESTIONS if q not in WRITTEN_QUESTIONS]
    assert [q.field for q in choices] == ["calls_welcome", "preferred_channel"]
    assert all(journey.answered(interview, q) for q in choices)


def test_every_question_and_prompt_names_a_real_field():
    assert all(hasattr(_interview(), q.field) and q.why for q in CLOSING_QUESTIONS)
    assert [p.field for p in DEBRIEF_PROMPTS] == list(DebriefNotes.FIELDS)


def test_the_debrief_needs_notes_on_every_interviewer():
    people = _people(1, 2)
    some = {1: DebriefNotes(1, liked="the dashboard")}
    progress = _progress(people=people, notes=some)
    assert not _done(progress)[Step.DEBRIEF]
    assert progress.state(Step.DEBRIEF).detail == "Notes on 1 of 2 interviewers"
    blank = {**some, 2: DebriefNotes(2, liked="  ")}
    assert not _done(_progress(people=people, notes=blank))[Step.DEBRIEF]
    both = {**some, 2: DebriefNotes(2, rapport="marathon")}
    assert _done(_progress(people=people, notes=both))[Step.DEBRIEF]


def test_no_interviewers_means_no_debrief_and_no_letters():
    done = _done(_progress())
    assert not done[Step.DEBRIEF] and not done[Step.LETTERS]


def test_letters_are_done_when_everyone_was_thanked_by_letter_or_action():
    people = _people(1, 2, 3)
    letters = [
        Letter(1, LetterKind.THANK_YOU_EMAIL, interviewer_id=1, status=LetterStatus.SENT),
        Letter(1, LetterKind.THANK_YOU_EMAIL, interviewer_id=2, status=LetterStatus.DRAFT),
        Letter(1, LetterKind.STATUS_INQUIRY, interviewer_id=3, status=LetterStatus.SENT),
    ]
    call = Action(
        1,
        ActionKind.THANK_YOU_CALL,
        date(2026, 3, 11),
        Channel.PHONE,
        interviewer_id=2,
        status=ActionStatus.DONE,
    )
    progress = _progress(people=people, letters=letters, actions=[call])
    assert not _done(progress)[Step.LETTERS]
    assert progress.state(Step.LETTERS).detail == "Thanked 2 of 3 interviewers"
    note = Letter(1, LetterKind.HANDWRITTEN_NOTE, interviewer_id=3, status=LetterStatus.SENT)
    assert _done(_progress(people=people, letters=[*letters, note], actions=[call]))[Step.LETTERS]


def test_a_planned_thank_you_is_not_a_thank_you_nor_a_plan():
    planned = Action(1, ActionKind.THANK_YOU_EMAIL, date(2026, 3, 10), Channel.EMAIL, interviewer_id=1)
    done = _done(_progress(people=_people(1), actions=[planned]))
    assert not done[Step.LETTERS] and not done[Step.PLAN]


def _check(due: int, status: ActionStatus = ActionStatus.PLANNED) -> Action:
    """A status check `due` days after the interview."""
    day = STARTS.date() + timedelta(days=due)
    return Action(
        1,
        ActionKind.STATUS_CHECK,
        day,
        Channel.PHONE,
        status=status,
        done_on=None if status is ActionStatus.PLANNED else day,
    )


def test_a_plan_made_is_not_a_plan_done():
    # Opening the plan page makes the plan: three checks planned, none made.
    plan = _progress(actions=[_check(7), _check(12), _check(17)])
    assert not _done(plan)[Step.PLAN]
    assert plan.state(Step.PLAN).detail == "0 of 3 status checks done · the next on Tue 17 Mar"


def test_the_plan_is_done_once_no_check_is_left_to_make():
    halfway = _progress(actions=[_check(7, ActionStatus.DONE), _check(12)])
    assert not _done(halfway)[Step.PLAN]
    assert halfway.state(Step.PLAN).detail == "1 of 2 status checks done · the next on Sun 22 Mar"
    over = _progress(actions=[_check(7, ActionStatus.DONE), _check(12, ActionStatus.SKIPPED)])
    assert _done(over)[Step.PLAN]
    assert over.state(Step.PLAN).detail == "1 status check done, none left to make"


def test_checks_of_an_earlier_round_do_not_count():
    earlier = _check(-20, ActionStatus.DONE)
    assert not _done(_progress(actions=[earlier]))[Step.PLAN]


@pytest.mark.parametrize(
    "status", [Status.OFFER, Status.REJECTED, Status.WITHDRAWN, Status.CLOSED_WITHOUT_ANSWER]
)
def test_a_settled_application_has_nothing_left_to_chase(status):
    application = Application("Acme", "Analyst", status=status, id=1)
    assert _done(_progress(application=application, actions=[_check(7)]))[Step.PLAN]


@pytest.mark.parametrize("status", list(Status))
def test_the_outcome_is_done_once_the_status_is_final(status):
    application = Application("Acme", "Analyst", status=status, id=1)
    assert _done(_progress(application=application))[Step.OUTCOME] is (not status.is_open)


def test_the_next_step_is_the_first_not_done_after_the_current_one():
    progress = journey.Progress(
        tuple(journey.StepState(step, step in (Step.DEBRIEF, Step.LETTERS), "") for step in Step)
    )
    assert progress.next_step(after=Step.CLOSE) is Step.PLAN
    assert progress.next_step(after=Step.DEBRIEF) is Step.PLAN
    assert progress.next_step(after=Step.OUTCOME) is Step.CLOSE
    assert progress.next_step() is Step.CLOSE


def test_there_is_no_next_step_when_only_the_current_one_is_left():
    progress = journey.Progress(tuple(journey.StepState(step, step is not Step.CLOSE, "") for step in Step))
    assert progress.next_step(after=Step.CLOSE) is None
    assert progress.next_step(after=Step.DEBRIEF) is Step.CLOSE
    everything = journey.Progress(tuple(journey.StepState(step, True, "") for step in Step))
    assert everything.next_step(after=Step.CLOSE) is None and everything.done_count == 5


@pytest.mark.parametrize(
    ("elapsed", "shown"),
    [
        (timedelta(seconds=20), "1 min"),
        (timedelta(minutes=25), "25 min"),
        (timedelta(hours=2, minutes=10), "2 h"),
        (timedelta(hours=30), "30 h"),
        (timedelta(days=1, hours=20), "2 days"),
        (timedelta(days=9), "9 days"),
    ],
)
def test_time_since_is_short_and_rounded(elapsed, shown):
    assert journey.time_since(STARTS, STARTS + elapsed) == shown


def test_the_debrief_nudge_depends_on_how_long_ago_the_interview_was():
    fresh = journey.debrief_nudge(STARTS, STARTS + timedelta(hours=2))
    assert fresh.startswith("Your interview began 2 h ago") and "who said what" in fresh
    later = journey.debrief_nudge(STARTS, STARTS + timedelta(days=3))
    assert later.startswith("Your interview was 3 days ago")
    ahead = journey.debrief_nudge(STARTS, STARTS - timedelta(hours=5))
    assert ahead.startswith("Your interview is in 5 h")
