"""The words the app shows for the domain's choices, and the sources behind its advice, in one place.

Written in our own words from the facts of the five source articles. In code
and tests a source goes by its file number ("002"); users only ever see the
short name of `SOURCES` ("DeCarlo"), and the full list on the Sources page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from followup.model import (
    ActionKind,
    AttemptOutcome,
    CallsWelcome,
    Channel,
    FieldPace,
    Formality,
    LetterKind,
    Status,
)


@dataclass(frozen=True)
class Source:
    """One of the articles the advice comes from, as a careful article would list it."""

    key: str  # the file number, for code and tests only
    short: str  # how the app cites it
    title: str
    by: str  # author or publisher
    contributes: str


SOURCES: dict[str, Source] = {
    source.key: source
    for source in (
        Source(
            "000",
            "Westwood College career blog",
            "The Job Interview Follow Up . . . Three Steps to Follow",
            "Sparks, Westwood's College and Career Blog",
            "Ask every interviewer for a business card, email a thank-you the same day and add a "
            "handwritten note, then check in by phone about a week later.",
        ),
        Source(
            "001",
            "Closing the interview",
            "Closing the interview strong (an untitled post)",
            "a career-advice blog",
            "The questions to ask before you leave, pacing the follow-up to the field (relaxed or "
            "fast), and letting it go after several weeks of silence.",
        ),
        Source(
            "002",
            "DeCarlo",
            "How to Follow-Up After the Interview",
            "Laura DeCarlo, in a job-search portal's interview guide",
            "Debrief notes on each interviewer, the Tuesday call after news promised by the end of "
            "the week, calling back every two days up to ten times, and what to do after a no.",
        ),
        Source(
            "003",
            "After the Interview",
            "After the Interview: It's not Over Yet!",
            "a college career blog",
            "A thank-you within 24 hours, a different letter for each interviewer, proofreading, the "
            "line between eager and obnoxious, and withdrawing politely.",
        ),
        Source(
            "004",
            "Cohen",
            "Following up after a job interview (an untitled article)",
            "a career blog, quoting Roy Cohen, author of The Wall Street Professional's Survival Guide",
            "Asking how and when they will answer, no call before that time has passed, a call the "
            "next day when there is no email, and handwritten notes as old-fashioned.",
        ),
    )
}


def cite(keys: Iterable[str]) -> str:
    """The short names of these sources, in the list's order: "DeCarlo; Cohen"."""
    wanted = set(keys)
    unknown = wanted - SOURCES.keys()
    if unknown:
        raise KeyError(f"No source {sorted(unknown)}")
    return "; ".join(source.short for key, source in SOURCES.items() if key in wanted)


def sources_line(keys: Iterable[str]) -> str:
    """ "Source: Cohen" or "Sources: DeCarlo; Cohen", for a caption under advice."""
    keys = list(keys)
    return ("Source: " if len(set(keys)) == 1 else "Sources: ") + cite(keys)


STATUS = {
    Status.ACTIVE: "Active",
    Status.WAITING: "Waiting for an answer",
    Status.OFFER: "Offer",
    Status.REJECTED: "Rejected",
    Status.WITHDRAWN: "Withdrawn",
    Status.CLOSED_WITHOUT_ANSWER: "Closed without answer",
}
# The stage of a rejected application while the note to stay in touch is still planned.
STAYING_IN_TOUCH = "Rejected, staying in touch"

FIELD_PACE = {
    FieldPace.RELAXED: "Relaxed (e.g. accounting)",
    FieldPace.STANDARD: "Standard",
    FieldPace.AGGRESSIVE: "Fast (e.g. sales)",
}

FIELD_PACE_HELP = (
    "How quickly people in this field expect you to follow up. "
    "Relaxed: never less than a week between two contacts. "
    "Standard: the first status check a week after the interview. "
    "Fast: the first check three business days after, and the next ones closer together "
    "(never closer than two business days, and emails stay a week apart): "
    "in a field that rewards drive, persistence is part of the test (Closing the interview)."
)

FORMALITY = {Formality.FORMAL: "Formal", Formality.CASUAL: "Casual"}

FORMALITY_HELP = (
    "Formal companies get letters that open with the full name and a handwritten card "
    "by post the next business day; casual ones get a first-name greeting and email "
    "is enough (After the Interview)."
)

CALLS_WELCOME = {
    CallsWelcome.YES: "Yes, calls are fine",
    CallsWelcome.NO: "No, they prefer no calls",
    CallsWelcome.UNKNOWN: "Not asked / not sure",
}

CHANNEL = {Channel.EMAIL: "Email", Channel.PHONE: "Phone", Channel.MAIL: "Post / by hand"}

LETTER_KIND = {
    LetterKind.THANK_YOU_EMAIL: "Thank-you email",
    LetterKind.HANDWRITTEN_NOTE: "Handwritten note",
    LetterKind.STATUS_INQUIRY: "Status inquiry",
    LetterKind.CALL_SCRIPT: "Call script",
    LetterKind.VOICEMAIL_SCRIPT: "Voicemail script",
    LetterKind.WITHDRAWAL: "Withdrawal",
    LetterKind.THANKS_FOR_CONSIDERATION: "Thanks for the consideration",
    LetterKind.STAY_IN_TOUCH: "Stay in touch",
    LetterKind.OFFER_THANKS: "Thanks after an offer",
}

# What happened on an attempt, or how the application ended, as the plan and the timeline say it.
ATTEMPT_OUTCOME = {
    AttemptOutcome.NO_ANSWER: "No answer",
    AttemptOutcome.LEFT_VOICEMAIL: "Left a voicemail",
    AttemptOutcome.SENT: "Sent",
    AttemptOutcome.SPOKE_STILL_DECIDING: "Spoke: still deciding",
    AttemptOutcome.SPOKE_NEXT_ROUND: "Spoke: next round",
    AttemptOutcome.OFFER: "Offer",
    AttemptOutcome.REJECTION: "Rejection",
    AttemptOutcome.WITHDREW: "Withdrew",
    AttemptOutcome.BACK_IN_RUNNING: "Back in the running",
    AttemptOutcome.GAVE_UP: "Closed without an answer",
}

ACTION_KIND = {
    ActionKind.THANK_YOU_EMAIL: "Send the thank-you email",
    ActionKind.THANK_YOU_CALL: "Call to say thank you",
    ActionKind.HANDWRITTEN_NOTE: "Post a handwritten note",
    ActionKind.STATUS_CHECK: "Check on the status",
    ActionKind.CLOSE: "Close the application",
    ActionKind.THANKS_FOR_CONSIDERATION: "Thank them for the consideration",
    ActionKind.STAY_IN_TOUCH: "Get back in touch",
    ActionKind.WITHDRAWAL: "Withdraw politely",
    ActionKind.OFFER_THANKS: "Thank them after the offer",
    ActionKind.ANSWER_OFFER: "Answer the offer",
    ActionKind.SEND_REQUESTED: "Send what they asked for",
    ActionKind.OUTCOME: "Outcome",
}

INTERVIEW_FORMATS = ("in person", "video", "phone", "panel", "assessment day")
