"""What to say for a planned follow-up action, and when it is due, in words.

The wording itself lives in `wordings.py`, the drafting in `compose.py`. This module only decides which
letter or script an action calls for and whom it addresses, so that the plan
page, the calendar file and the daily digest say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from followup.letters import compose as letters
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

# A status call may well end on an answering machine (seeds 002, 004), so it
# gets both scripts.
CALL_SCRIPTS = (LetterKind.CALL_SCRIPT, LetterKind.VOICEMAIL_SCRIPT)

_LETTER = {
    ActionKind.THANK_YOU_EMAIL: LetterKind.THANK_YOU_EMAIL,
    ActionKind.HANDWRITTEN_NOTE: LetterKind.HANDWRITTEN_NOTE,
    ActionKind.STATUS_CHECK: LetterKind.STATUS_INQUIRY,
    ActionKind.THANKS_FOR_CONSIDERATION: LetterKind.THANKS_FOR_CONSIDERATION,
    ActionKind.STAY_IN_TOUCH: LetterKind.STAY_IN_TOUCH,
    # Closing for lack of an answer may end with a last stay-in-touch note (seeds 001, 002).
    ActionKind.CLOSE: LetterKind.STAY_IN_TOUCH,
    ActionKind.WITHDRAWAL: LetterKind.WITHDRAWAL,
    ActionKind.OFFER_THANKS: LetterKind.OFFER_THANKS,
}


@dataclass(frozen=True)
class Context:
    """What the words for one application's follow-up draw on."""

    application: Application
    interview: Interview | None
    interviewers: tuple[Interviewer, ...] = ()
    settings: Settings = field(default_factory=Settings)
    letters: tuple[Letter, ...] = ()


def call_scripts(action: Action, context: Context) -> tuple[letters.Draft, ...]:
    """The call script and the voicemail script for a status check by phone; nothing otherwise."""
    if action.kind is not ActionKind.STATUS_CHECK or action.channel is not Channel.PHONE:
        return ()
    return tuple(_draft(kind, action, context) for kind in CALL_SCRIPTS)


def letter_kind(action: Action) -> LetterKind | None:
    """The letter an action is about, when it is done in writing."""
    if action.channel is Channel.PHONE:
        return None
    return _LETTER.get(action.kind)


def letter_subject(action: Action, context: Context) -> str:
    """The subject of the letter this action sends: the user's own if they saved one, else the draft's."""
    kind = letter_kind(action)
    if kind is None:
        return ""
    saved = [
        letter
        for letter in context.letters
        if letter.kind is kind and letter.interviewer_id == action.interviewer_id and letter.subject.strip()
    ]
    if saved:
        return max(saved, key=lambda letter: letter.id or 0).subject.strip()
    return _draft(kind, action, context).subject


def reminder(action: Action, context: Context) -> str:
    """The words a calendar reminder carries: the scripts for a call, the subject for a letter."""
    scripts = call_scripts(action, context)
    if scripts:
        call, voicemail = scripts
        return f"What to say:\n{call.body}\n\nIf you reach voicemail:\n{voicemail.body}"
    subject = letter_subject(action, context)
    return f"Subject: {subject}" if subject else ""


def due_in_words(due: date, today: date) -> str:
    """When `due` is, seen from `today`: "today", "tomorrow", "in 3 days", "2 days overdue"."""
    days = (due - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days > 1:
        return f"in {days} days"
    return "1 day overdue" if days == -1 else f"{-days} days overdue"


def _draft(kind: LetterKind, action: Action, context: Context) -> letters.Draft:
    person, position = _addressee(action, context.interviewers)
    return letters.draft(
        kind,
        application=context.application,
        interview=context.interview,
        interviewer=person,
        settings=context.settings,
        variant=position,
    )


def _addressee(action: Action, panel: Sequence[Interviewer]) -> tuple[Interviewer | None, int]:
    """The interviewer the action is for, and their seat on the panel (which picks the wording)."""
    for position, person in enumerate(panel):
        if action.interviewer_id is not None and person.id == action.interviewer_id:
            return person, position
    for position, person in enumerate(panel):
        if action.interviewer_id is None and action.recipient and person.name == action.recipient:
            return person, position
    return None, 0
