"""How an application ends, or comes back to life, and what to do next (step 5 of the journey).

Five outcomes: an offer, a rejection, a withdrawal (the user changed their
mind), closed without an answer (the stop rule fired, or the user gave up),
and back in the running (a no reversed, a new opening, the hire did not work
out). Each is recorded as a done follow-up action of kind OUTCOME, so the
planner reads it from the history like any answer logged on a call, and the
latest decision decides both the stage and the plan (see `cadence.plan`).
Changing an outcome later adds a new one: nothing is lost.

The advice is our own wording of the facts in the sources named beside it
(by file number here; users see their short names, see `guide.SOURCES`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from followup import cadence, guide
from followup.model import Action, ActionKind, ActionStatus, Application, AttemptOutcome, LetterKind, Status


@dataclass(frozen=True)
class OutcomeGuide:
    """One of the five outcomes: what it means, what to do and why, and the letters it calls for."""

    outcome: AttemptOutcome
    label: str
    description: str
    status: Status
    # Whether the company said it (the user tells who and how), or the user decided it.
    from_them: bool
    advice: tuple[str, ...]
    sources: tuple[str, ...]
    letters: tuple[LetterKind, ...]

    @property
    def source_text(self) -> str:
        """The sources by their short names: "DeCarlo; After the Interview"."""
        return guide.cite(self.sources)


GUIDES: dict[AttemptOutcome, OutcomeGuide] = {
    AttemptOutcome.OFFER: OutcomeGuide(
        AttemptOutcome.OFFER,
        "Offer",
        "They want you: the offer came by phone, email or letter.",
        Status.OFFER,
        from_them=True,
        advice=(
            (
                "The wait is over: once they say they want to offer you the job, there is nothing left to "
                "chase, so every status check stops."
            ),
            (
                "Thank each person who interviewed you, not only the one who called with the news, and give "
                "each a short letter of their own: colleagues compare notes, and a copied letter shows."
            ),
            (
                "Whatever you decide about the offer, these are people you may work with soon, or meet again "
                "later: a warm word now costs little."
            ),
        ),
        sources=("002", "003"),
        letters=(LetterKind.OFFER_THANKS,),
    ),
    AttemptOutcome.REJECTION: OutcomeGuide(
        AttemptOutcome.REJECTION,
        "Rejection",
        "They said no, or chose someone else.",
        Status.REJECTED,
        from_them=True,
        advice=(
            (
                "Within a day, write to the person who decided and thank them for considering you. A no is "
                "a last chance to leave a good impression, not a reason to vanish."
            ),
            (
                "Ask, kindly, whether anything more you could tell them might put you back in the running: "
                "sometimes one missing piece changes the picture."
            ),
            (
                "Ask what you could do differently in future interviews; few candidates ask, and the answer "
                "is worth having."
            ),
            (
                "About six weeks later, get back in touch: another opening may come up, or the person they "
                "hired may not work out. Employers do come back weeks after going quiet. Until that note is "
                "sent or dismissed, the application shows as “rejected, staying in touch”."
            ),
        ),
        sources=("002",),
        letters=(LetterKind.THANKS_FOR_CONSIDERATION, LetterKind.STAY_IN_TOUCH),
    ),
    AttemptOutcome.WITHDREW: OutcomeGuide(
        AttemptOutcome.WITHDREW,
        "Withdrawal",
        "You changed your mind and no longer want this job.",
        Status.WITHDRAWN,
        from_them=False,
        advice=(
            (
                "Tell them now, in a short email or card: thank them for their time and for considering "
                "you, and say plainly that you are no longer interested in the job."
            ),
            "Every status check still planned is cancelled: there is nothing left to ask them.",
        ),
        sources=("003",),
        letters=(LetterKind.WITHDRAWAL,),
    ),
    AttemptOutcome.GAVE_UP: OutcomeGuide(
        AttemptOutcome.GAVE_UP,
        "Closed without an answer",
        "Weeks of silence, or the stop rule fired: you let it go.",
        Status.CLOSED_WITHOUT_ANSWER,
        from_them=False,
        advice=(
            (
                "Many employers never tell candidates their decision. After several weeks with no reply to "
                "your calls and emails, presume there is no offer and spend your energy on the next "
                "application: if they were keen, they would be answering."
            ),
            (
                "A last friendly note is up to you, not required: it keeps the door open, and some "
                "employers do come back weeks later."
            ),
            "The application leaves your active lists, and the checks still planned are cancelled.",
        ),
        sources=("001", "002"),
        letters=(LetterKind.STAY_IN_TOUCH,),
    ),
    AttemptOutcome.BACK_IN_RUNNING: OutcomeGuide(
        AttemptOutcome.BACK_IN_RUNNING,
        "Back in the running",
        "A no reversed, a new opening, or the person they hired did not work out.",
        Status.ACTIVE,
        from_them=True,
        advice=(
            (
                "It happens: a hire falls through or a new position opens, and they come back to candidates "
                "they liked, sometimes weeks later."
            ),
            (
                "The status checks start again from this day, with a fresh count: the calls that went "
                "unanswered before no longer count towards the stop rule. Nobody is thanked twice for the "
                "old interview."
            ),
            (
                "If they invite you to a new interview, record it under Close the interview: the plan then "
                "starts over from that interview, thank-you letters included."
            ),
        ),
        sources=("002",),
        letters=(),
    ),
}

# Why the withdrawal letter matters, for the page that records one (003, in our words).
LEAVING_THEM_GUESSING = (
    "As long as they believe you still want the job, they keep you in their plans, and may even offer "
    "it to you: turning it down at that point is awkward for everyone, and people remember it. You may "
    "never expect to deal with this company again, but people change jobs, teams hire again and names "
    "come up in references. A door you closed politely is far easier to walk back through than one they "
    "found shut without a word (After the Interview)."
)


@dataclass(frozen=True)
class Decision:
    """One entry of an application's outcome history."""

    on: date
    outcome: AttemptOutcome
    who: str
    note: str
    how: str

    @property
    def label(self) -> str:
        return GUIDES[self.outcome].label


def guide_for(decision: Action) -> OutcomeGuide:
    """Which of the five outcomes a decision is (a close done on the plan is closed without an answer)."""
    return GUIDES[cadence.settled_as(decision)]


def status_after(decision: Action) -> Status:
    """The stage an application is at once this decision stands."""
    return guide_for(decision).status


def history(actions: Iterable[Action]) -> list[Decision]:
    """Every outcome the application had, newest first, wherever it was recorded."""
    return [
        Decision(
            action.done_on or action.due,
            cadence.settled_as(action),
            action.recipient,
            action.outcome_note,
            _where(action),
        )
        for action in reversed(cadence.decisions(actions))
    ]


def _where(action: Action) -> str:
    if action.kind is ActionKind.OUTCOME:
        return "Recorded on the Outcome page"
    if action.kind is ActionKind.WITHDRAWAL:
        return "Withdrawal letter sent"
    if action.kind is ActionKind.CLOSE:
        return "Closed on the follow-up plan"
    if action.kind is ActionKind.STATUS_CHECK:
        return "Answer to a status check"
    return f"Logged on “{guide.ACTION_KIND[action.kind]}”"


def stage_label(application: Application, actions: Iterable[Action]) -> str:
    """The stage in words; a rejection stays "staying in touch" until that note is sent or dismissed."""
    staying = any(a.kind is ActionKind.STAY_IN_TOUCH and a.status is ActionStatus.PLANNED for a in actions)
    if application.status is Status.REJECTED and staying:
        return guide.STAYING_IN_TOUCH
    return guide.STATUS[application.status]
