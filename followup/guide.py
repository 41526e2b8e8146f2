"""The words the app shows for the domain's choices, in one place.

Written in our own words from the facts of the source articles (seeds 000-004).
"""

from __future__ import annotations

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
    "Fast: the first check three business days after, and closer follow-up: "
    "in a field that rewards drive, persistence is part of the test (seed 001)."
)

FORMALITY = {Formality.FORMAL: "Formal", Formality.CASUAL: "Casual"}

FORMALITY_HELP = (
    "Formal companies get letters that open with the full name and a handwritten card "
    "by post the next business day; casual ones get a first-name greeting and email "
    "is enough (seed 003)."
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
    ActionKind.OUTCOME: "Outcome",
}

INTERVIEW_FORMATS = ("in person", "video", "phone", "panel", "assessment day")
