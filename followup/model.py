"""The domain's nouns as plain dataclasses: no database, no UI.

Words follow the vocabulary of the job-search follow-up domain: an
*application* has *interviews*; each interview has *interviewers* (their
business card), each with *debrief notes*; the user writes *letters* and
plans *follow-up actions*.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime


class FieldPace(enum.StrEnum):
    """How fast the field moves; faster fields get earlier, denser follow-up."""

    RELAXED = "relaxed"
    STANDARD = "standard"
    AGGRESSIVE = "aggressive"


class Formality(enum.StrEnum):
    FORMAL = "formal"
    CASUAL = "casual"


class Status(enum.StrEnum):
    ACTIVE = "active"
    WAITING = "waiting"
    OFFER = "offer"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    CLOSED_WITHOUT_ANSWER = "closed_without_answer"

    @property
    def is_open(self) -> bool:
        return self in (Status.ACTIVE, Status.WAITING)


class CallsWelcome(enum.StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class Channel(enum.StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    MAIL = "mail"


class CadenceProfile(enum.StrEnum):
    GENTLE = "gentle"
    MODERATE = "moderate"
    PERSISTENT = "persistent"


class LetterKind(enum.StrEnum):
    THANK_YOU_EMAIL = "thank_you_email"
    HANDWRITTEN_NOTE = "handwritten_note"
    STATUS_INQUIRY = "status_inquiry"
    CALL_SCRIPT = "call_script"
    VOICEMAIL_SCRIPT = "voicemail_script"
    WITHDRAWAL = "withdrawal"
    THANKS_FOR_CONSIDERATION = "thanks_for_consideration"
    STAY_IN_TOUCH = "stay_in_touch"
    OFFER_THANKS = "offer_thanks"


class LetterStatus(enum.StrEnum):
    DRAFT = "draft"
    SENT = "sent"


class ActionKind(enum.StrEnum):
    THANK_YOU_EMAIL = "thank_you_email"
    THANK_YOU_CALL = "thank_you_call"
    HANDWRITTEN_NOTE = "handwritten_note"
    STATUS_CHECK = "status_check"
    CLOSE = "close"
    THANKS_FOR_CONSIDERATION = "thanks_for_consideration"
    STAY_IN_TOUCH = "stay_in_touch"
    WITHDRAWAL = "withdrawal"
    OFFER_THANKS = "offer_thanks"
    ANSWER_OFFER = "answer_offer"  # accept, negotiate or ask for time, by the date they gave
    SEND_REQUESTED = "send_requested"  # what they asked for at the close of the interview
    # Not something to do: the answer came, or the user decided. Recorded as
    # done, so the planner reads it from the history like any logged attempt.
    OUTCOME = "outcome"


class ActionStatus(enum.StrEnum):
    PLANNED = "planned"
    DONE = "done"
    SKIPPED = "skipped"


class AttemptOutcome(enum.StrEnum):
    """What happened when the user tried to reach someone, or how the application ended."""

    NO_ANSWER = "no_answer"
    LEFT_VOICEMAIL = "left_voicemail"
    SENT = "sent"
    SPOKE_STILL_DECIDING = "spoke_still_deciding"
    SPOKE_NEXT_ROUND = "spoke_next_round"
    OFFER = "offer"
    REJECTION = "rejection"
    WITHDREW = "withdrew"
    BACK_IN_RUNNING = "back_in_running"  # a no reversed, a new opening, the hire did not work out
    GAVE_UP = "gave_up"  # closed without an answer

    @property
    def unanswered(self) -> bool:
        return self in (AttemptOutcome.NO_ANSWER, AttemptOutcome.LEFT_VOICEMAIL, AttemptOutcome.SENT)


@dataclass
class Application:
    company: str
    role: str
    field_pace: FieldPace = FieldPace.STANDARD
    formality: Formality = Formality.CASUAL
    status: Status = Status.ACTIVE
    job_link: str = ""
    notes: str = ""
    handwritten_note: bool = False
    id: int | None = None
    version: int = 0
    created_at: datetime | None = None


@dataclass
class Interview:
    application_id: int
    starts_at: datetime
    round: int = 1
    format: str = "in person"
    decision_by: date | None = None
    decision_timeline: str = ""
    next_steps: str = ""
    second_round: str = ""
    anything_else: str = ""
    qualifications_view: str = ""
    calls_welcome: CallsWelcome = CallsWelcome.UNKNOWN
    preferred_channel: Channel | None = None
    id: int | None = None
    version: int = 0


@dataclass
class Interviewer:
    interview_id: int
    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    preferred_channel: Channel | None = None
    id: int | None = None
    version: int = 0
    # How a formal letter greets them: "Ms.", "Dr.", "Mr.", "Mx."; empty means by full name.
    salutation: str = ""


@dataclass
class DebriefNotes:
    """What the user wrote down about one interviewer right after the interview.

    Each field is jotted freely; `followup.letters.capture` reads it into the
    points a letter can use. A concern and an answer that went wrong are memos
    that never leave the app by themselves: `concern_answer` and
    `amended_answer` hold what the letter should say about them.
    """

    interviewer_id: int
    liked: str = ""
    concerns: str = ""
    topics: str = ""
    to_stress: str = ""
    answer_to_amend: str = ""
    rapport: str = ""
    samples: str = ""
    updated_at: datetime | None = None
    version: int = 0
    # Added later than the others, so they come last here and in exports.
    concern_answer: str = ""
    amended_answer: str = ""

    FIELDS = (
        "liked",
        "topics",
        "concerns",
        "concern_answer",
        "answer_to_amend",
        "amended_answer",
        "to_stress",
        "rapport",
        "samples",
    )

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, name).strip() for name in self.FIELDS)


@dataclass
class Letter:
    application_id: int
    kind: LetterKind
    recipient: str = ""
    subject: str = ""
    body: str = ""
    interviewer_id: int | None = None
    status: LetterStatus = LetterStatus.DRAFT
    sent_on: date | None = None
    id: int | None = None
    version: int = 0


@dataclass
class Action:
    """A follow-up action: planned with a due date, later done or skipped."""

    application_id: int
    kind: ActionKind
    due: date
    channel: Channel
    recipient: str = ""
    interviewer_id: int | None = None
    status: ActionStatus = ActionStatus.PLANNED
    outcome: AttemptOutcome | None = None
    outcome_note: str = ""
    # A date the other side named on this attempt: when they now expect to
    # decide ("still deciding"), or by when they want an answer to their offer.
    decision_by: date | None = None
    attempt: int | None = None
    why: str = ""
    manual: bool = False
    done_on: date | None = None
    id: int | None = None
    # The action's event id in calendars: given once, kept through replans, exports and imports.
    uid: str = ""


@dataclass
class Settings:
    country: str = "US"
    cadence: CadenceProfile = CadenceProfile.MODERATE
    signature: str = ""
    user_dictionary: list[str] = field(default_factory=list)
    subdivision: str = ""  # a state, province or Land with holidays of its own; "" for the whole country


@dataclass(frozen=True)
class Owner:
    """The person a record belongs to, as their identity provider names them.

    OpenID Connect identifies a person by the issuer (the provider's URL) and
    the subject (the provider's id for them, never reused); the pair is unique
    and stable, unlike an email address. The app run on one's own computer, and
    the demo, keep everything under LOCAL_OWNER.
    """

    issuer: str
    subject: str

    SEPARATOR = "|"

    def __str__(self) -> str:
        return f"{self.issuer}{self.SEPARATOR}{self.subject}"

    @classmethod
    def parse(cls, text: str) -> Owner:
        """`ISSUER|SUBJECT`, split at the first bar: an issuer URL holds none, a subject may (Auth0's do)."""
        issuer, bar, subject = text.strip().partition(cls.SEPARATOR)
        if not bar or not issuer.strip() or not subject.strip():
            raise ValueError(
                f"{text!r} is not ISSUER|SUBJECT (for example https://accounts.google.com|1093…)."
            )
        return cls(issuer.strip(), subject.strip())


LOCAL_OWNER = Owner("local", "local")


@dataclass
class ApplicationBundle:
    """An application with everything under it, as saved or restored in one go.

    Inside a bundle, `interviewer_id` on letters and actions (and the `id` of
    each interviewer) are references local to the bundle's source; the store
    swaps them for the new ids as it saves.
    """

    application: Application
    interviews: list[tuple[Interview, list[tuple[Interviewer, DebriefNotes | None]]]] = field(
        default_factory=list
    )
    letters: list[Letter] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
