"""The journey after an interview, step by step, and how far one interview has come.

The steps follow the order of the domain (DOMAIN.md): close the interview,
debrief each interviewer, thank each of them, plan the follow-up, settle the
outcome. Which are done is decided here from plain records, so the pages only
draw the answer.

The guide text (why each closing question is worth asking, what to write down
in a debrief) is our own wording of the facts in the five source articles (see `guide.SOURCES`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from followup.model import (
    Action,
    ActionKind,
    ActionStatus,
    Application,
    DebriefNotes,
    Interview,
    Interviewer,
    Letter,
    LetterKind,
    LetterStatus,
)


class Step(enum.StrEnum):
    CLOSE = "close"
    DEBRIEF = "debrief"
    LETTERS = "letters"
    PLAN = "plan"
    OUTCOME = "outcome"

    @property
    def number(self) -> int:
        return list(Step).index(self) + 1

    @property
    def title(self) -> str:
        return _TITLES[self]


_TITLES = {
    Step.CLOSE: "Close the interview",
    Step.DEBRIEF: "Debrief",
    Step.LETTERS: "Letters",
    Step.PLAN: "Follow-up plan",
    Step.OUTCOME: "Outcome",
}


@dataclass(frozen=True)
class Question:
    """A question to ask before leaving; the answer is kept in `field` of the interview."""

    field: str
    ask: str
    why: str
    placeholder: str = ""


DECISION = Question(
    "decision_timeline",
    "When will they decide, and when and how will you hear back?",
    "This sets the whole follow-up plan: no status call before the day they named has passed. "
    "Write their words; “by the end of the week” becomes a date you can check, and “in a week or two” "
    "counts as two. How they will be in touch (a call, an email) is how they like to be reached: "
    "note it under the last question.",
    "e.g. by the end of next week",
)
CLOSING_QUESTIONS: tuple[Question, ...] = (
    DECISION,
    Question(
        "next_steps",
        "What has to happen before they can make an offer?",
        "References, approvals, other candidates still to meet: each one can add days. "
        "The follow-up plan shows them when you check in, so you can ask how far along they are.",
        "e.g. two more candidates, then references",
    ),
    Question(
        "second_round",
        "Will there be a second round?",
        "If there is one, the plan's first status check asks when it will be, and the Letters page "
        "reminds you to say you look forward to it.",
        "e.g. yes, with the CFO, in about two weeks",
    ),
    Question(
        "anything_else",
        "Is there anything else they need from you?",
        "Send it quickly: the plan adds it as a to-do for the next business day. It is a reason to be "
        "in touch, and an easy point in your favour.",
        "e.g. two references and a writing sample",
    ),
    Question(
        "qualifications_view",
        "How do they see your qualifications for this role?",
        "Doubts said out loud now can still be answered in your thank-you letter (the Letters page "
        "puts their words beside it); doubts you never hear about cannot.",
        "e.g. strong on reporting; unsure about team leadership",
    ),
    Question(
        "calls_welcome",
        "Are follow-up calls welcome?",
        "A few companies would rather not be called. If so, the plan uses email only.",
    ),
    Question(
        "preferred_channel",
        "How will they be in touch, and how do they prefer to be contacted?",
        "People answer on the channel they like, and faster there; the plan uses it for every status check.",
    ),
)
# The questions answered in words (the other two are choices with a default answer).
WRITTEN_QUESTIONS = tuple(
    q for q in CLOSING_QUESTIONS if q.field not in ("calls_welcome", "preferred_channel")
)

FORMALITY_WHY = (
    "Formal companies get thank-you letters addressed by full name and, if you like, "
    "a handwritten card; casual ones get first names and email is enough."
)
FIELD_PACE_WHY = (
    "Sets how soon and how often the plan follows up: a relaxed field (accounting, say) "
    "leaves at least a week between contacts, a fast one (sales) follows up sooner and more often."
)


@dataclass(frozen=True)
class Prompt:
    """Something to write down about one interviewer; kept in `field` of their debrief notes.

    `private` prompts are memos for the user alone; the one after each says what the letter should say.
    """

    field: str
    label: str
    placeholder: str
    private: bool = False


DEBRIEF_PROMPTS: tuple[Prompt, ...] = (
    Prompt("liked", "What they liked or responded well to", "e.g. the audit clean-up I led last year"),
    Prompt("topics", "Topics they focused on", "e.g. month-end close, automation"),
    Prompt(
        "concerns", "Concerns they voiced, or you sensed", "e.g. asked twice about my notice period", True
    ),
    Prompt(
        "concern_answer",
        "Your answer to that concern, as the letter should say it",
        "e.g. I can start within four weeks.",
    ),
    Prompt(
        "answer_to_amend",
        "An answer to correct, amplify or complete",
        "e.g. the forecasting question: undersold my Prophet work",
        True,
    ),
    Prompt(
        "amended_answer",
        "What you would say now, as the letter should say it",
        "e.g. I built the store-level demand forecast in Prophet myself.",
    ),
    Prompt("to_stress", "Things to research or stress", "e.g. look up their new ERP; stress my SAP work"),
    Prompt("rapport", "Personal details for rapport", "e.g. running a marathon in May; grew up in Lyon"),
    Prompt(
        "samples",
        "Work samples or an article worth sending",
        "e.g. the dashboard deck; a link to your portfolio",
    ),
)


def answered(interview: Interview, question: Question) -> bool:
    if question is DECISION:
        return bool(interview.decision_timeline.strip()) or interview.decision_by is not None
    value = getattr(interview, question.field)
    return bool(value.strip()) if isinstance(value, str) else True


@dataclass(frozen=True)
class StepState:
    step: Step
    done: bool
    detail: str


@dataclass(frozen=True)
class Progress:
    steps: tuple[StepState, ...]

    def state(self, step: Step) -> StepState:
        return next(s for s in self.steps if s.step is step)

    @property
    def done_count(self) -> int:
        return sum(s.done for s in self.steps)

    def next_step(self, after: Step | None = None) -> Step | None:
        """Where to go from `after`: the first step not done after it, else the first one
        not done before it; None when every other step is done."""
        undone = [s.step for s in self.steps if not s.done and s.step is not after]
        later = [step for step in undone if after is None or step.number > after.number]
        return (later or undone or [None])[0]


_THANK_YOU_LETTERS = (LetterKind.THANK_YOU_EMAIL, LetterKind.HANDWRITTEN_NOTE)
_THANK_YOU_ACTIONS = (ActionKind.THANK_YOU_EMAIL, ActionKind.THANK_YOU_CALL, ActionKind.HANDWRITTEN_NOTE)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _plan_state(application: Application, interview: Interview, actions: list[Action]) -> tuple[bool, str]:
    """The follow-up plan is done when the chase is over, not when a plan exists.

    Over: the application is settled (an outcome recorded, or closed for want
    of an answer), or status checks of this interview were made and none is
    left planned.
    """
    since = interview.starts_at.date()
    checks = [a for a in actions if a.kind is ActionKind.STATUS_CHECK and (a.done_on or a.due) >= since]
    done = sum(a.status is ActionStatus.DONE for a in checks)
    planned = sorted(a.due for a in checks if a.status is ActionStatus.PLANNED)
    if not application.status.is_open:
        return True, "Settled: nothing left to chase"
    if done and not planned:
        return True, f"{_count(done, 'status check')} done, none left to make"
    if not checks:
        return False, "Nothing planned yet: open the plan to make it"
    return (
        False,
        f"{done} of {_count(done + len(planned), 'status check')} done · the next on {planned[0]:%a %d %b}",
    )


def progress(
    application: Application,
    interview: Interview,
    interviewers: Iterable[Interviewer],
    notes: Mapping[int, DebriefNotes],
    letters: Iterable[Letter],
    actions: Iterable[Action],
) -> Progress:
    """Which steps are done for this interview of this application.

    `notes` maps interviewer id to their debrief notes; `letters` and
    `actions` may cover the whole application (only this interview's
    interviewers count for the thank-yous).
    """
    people = [p.id for p in interviewers]
    letters, actions = list(letters), list(actions)

    written = sum(answered(interview, q) for q in WRITTEN_QUESTIONS)
    close_done = written == len(WRITTEN_QUESTIONS) and bool(people)
    close_detail = (
        f"{written} of {len(WRITTEN_QUESTIONS)} answers written · {_count(len(people), 'business card')}"
    )

    debriefed = sum(1 for p in people if p in notes and not notes[p].is_empty)
    debrief_detail = (
        f"Notes on {debriefed} of {_count(len(people), 'interviewer')}" if people else "No interviewers yet"
    )

    thanked_ids = {
        letter.interviewer_id
        for letter in letters
        if letter.kind in _THANK_YOU_LETTERS and letter.status is LetterStatus.SENT
    } | {
        action.interviewer_id
        for action in actions
        if action.kind in _THANK_YOU_ACTIONS and action.status is ActionStatus.DONE
    }
    thanked = sum(1 for p in people if p in thanked_ids)
    letters_detail = (
        f"Thanked {thanked} of {_count(len(people), 'interviewer')}" if people else "No interviewers yet"
    )

    plan_done, plan_detail = _plan_state(application, interview, actions)

    final = not application.status.is_open
    return Progress(
        (
            StepState(Step.CLOSE, close_done, close_detail),
            StepState(Step.DEBRIEF, bool(people) and debriefed == len(people), debrief_detail),
            StepState(Step.LETTERS, bool(people) and thanked == len(people), letters_detail),
            StepState(Step.PLAN, plan_done, plan_detail),
            StepState(Step.OUTCOME, final, "Settled" if final else "Still open"),
        )
    )


def time_since(then: datetime, now: datetime) -> str:
    """A short, rounded duration for people in a hurry: "25 min", "3 h", "2 days"."""
    elapsed = abs(now - then)
    if elapsed < timedelta(hours=1):
        return f"{max(1, round(elapsed.total_seconds() / 60))} min"
    if elapsed < timedelta(hours=36):
        return f"{round(elapsed.total_seconds() / 3600)} h"
    return _count(round(elapsed.total_seconds() / 86400), "day")


def debrief_nudge(interview_starts_at: datetime, now: datetime) -> str:
    """A gentle prompt to write things down now, with the time since the interview."""
    since = time_since(interview_starts_at, now)
    if interview_starts_at > now:
        return f"Your interview is in {since}. Come back here as soon as it is over."
    if now - interview_starts_at < timedelta(hours=12):
        return (
            f"Your interview began {since} ago. Write it down now, before you drive home, "
            "while you still remember who said what."
        )
    return (
        f"Your interview was {since} ago. Memories fade fast: write down what you still "
        "remember, even a few words each; your thank-you letters are built from them."
    )
