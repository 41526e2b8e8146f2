"""Drafting the letters of the follow-up: one per interviewer, each built from
that interviewer's business card and the points read from the user's notes
about them (see ``capture``).

A letter says one or two things, the most specific ones for that person
(seeds 001, 002: something you discussed, a concern answered, one answer
amplified), in the usual length for its kind. Its parts come from
``wordings``; a person's seat on the panel picks the wording of every part,
so a panel never gets copies of one letter (seed 003).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from followup.letters import capture, wordings
from followup.letters.capture import Point
from followup.letters.template import fill_template
from followup.model import (
    Application,
    DebriefNotes,
    Formality,
    Interview,
    Interviewer,
    LetterKind,
    Settings,
)

EMAIL_KINDS = frozenset(
    {
        LetterKind.THANK_YOU_EMAIL,
        LetterKind.STATUS_INQUIRY,
        LetterKind.WITHDRAWAL,
        LetterKind.THANKS_FOR_CONSIDERATION,
        LetterKind.STAY_IN_TOUCH,
        LetterKind.OFFER_THANKS,
    }
)
SCRIPT_KINDS = frozenset({LetterKind.CALL_SCRIPT, LetterKind.VOICEMAIL_SCRIPT})
KIND_LABELS = {
    LetterKind.THANK_YOU_EMAIL: "thank-you email",
    LetterKind.HANDWRITTEN_NOTE: "handwritten note",
    LetterKind.STATUS_INQUIRY: "status inquiry",
    LetterKind.CALL_SCRIPT: "call script",
    LetterKind.VOICEMAIL_SCRIPT: "voicemail script",
    LetterKind.WITHDRAWAL: "withdrawal letter",
    LetterKind.THANKS_FOR_CONSIDERATION: "letter of thanks for the consideration",
    LetterKind.STAY_IN_TOUCH: "stay-in-touch note",
    LetterKind.OFFER_THANKS: "thank-you after the offer",
}

# When each letter is written, in our words from the seeds, for the page that drafts it.
KIND_ADVICE = {
    LetterKind.THANK_YOU_EMAIL: (
        "A different email to each person you met, the same day if you can and within 24 hours at the "
        "latest; never one letter to the whole panel, they may compare (After the Interview, DeCarlo)."
    ),
    LetterKind.HANDWRITTEN_NOTE: (
        "A short card by post or by hand within a day or two, about something other than your email. "
        "Some recruiters love them, others find them old-fashioned (Closing the interview, Cohen)."
    ),
    LetterKind.STATUS_INQUIRY: (
        "Once the day they named has passed, or about a week after the interview when they named none: "
        "follow up on your interview and the status of your application (Westwood College career blog, After the Interview, Cohen)."
    ),
    LetterKind.CALL_SCRIPT: (
        "What to say when you call about the status of your application. Ask for the person you met, "
        "keep it short, and log the call on the plan (DeCarlo, Cohen)."
    ),
    LetterKind.VOICEMAIL_SCRIPT: (
        "Expect voicemail: leave a short, courteous message with your number (DeCarlo, Cohen)."
    ),
    LetterKind.WITHDRAWAL: (
        "As soon as you decide against the job: thank them, and say clearly that you are no longer "
        "interested (After the Interview)."
    ),
    LetterKind.THANKS_FOR_CONSIDERATION: (
        "Within a day of a no: thank them, ask whether anything could put you back in the running, "
        "and ask for advice for future interviews (DeCarlo)."
    ),
    LetterKind.STAY_IN_TOUCH: (
        "Some weeks after a no, or when they never answered: the person they hired may not work out "
        "(Closing the interview, DeCarlo)."
    ),
    LetterKind.OFFER_THANKS: (
        "Once the offer is in, whatever you decide: a short letter of its own to each person who "
        "interviewed you, by the next business day (After the Interview)."
    ),
}


@dataclass(frozen=True)
class Draft:
    """A letter ready for the user to edit.

    ``recipient`` is where it goes: the email address for email kinds, the
    interviewer's name for a handwritten note, the phone number for scripts.
    ``points`` are what it says from the notes; ``sample`` the work sample it
    offers or links to, if any.
    """

    kind: LetterKind
    subject: str
    body: str
    recipient: str
    points: tuple[Point, ...] = ()
    sample: Point | None = None

    @property
    def notes_used(self) -> tuple[str, ...]:
        """The debrief-note fields the letter draws on."""
        used = [p.field for p in self.points] + (["samples"] if self.sample else [])
        return tuple(dict.fromkeys(used))


# Letters that recall something from the conversation, and how many points each takes.
POINTS_PER_LETTER = {
    LetterKind.THANK_YOU_EMAIL: 2,
    LetterKind.HANDWRITTEN_NOTE: 1,
    LetterKind.STAY_IN_TOUCH: 1,
    LetterKind.OFFER_THANKS: 1,
    LetterKind.THANKS_FOR_CONSIDERATION: 1,
}
# An answered concern or a corrected answer, as against something you discussed.
_ANSWERS = ("concern_answer", "amended_answer")
# Later letters recall something memorable rather than re-argue the case.
_RECALLED = ("topics", "rapport", "liked", "to_stress")

_HONORIFICS = frozenset({"dr", "prof", "professor", "mr", "mrs", "ms", "mx", "miss"})
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# Countries that write the month before the day.
_MONTH_FIRST = frozenset({"US", "CA", "PH"})
_PHONE = re.compile(r"\+?\d[\d\s().-]{6,}\d")
_T = TypeVar("_T")

# The model has one kind for call scripts; the subject, which a script never
# shows, tells the thank-you call apart from the call about the status.
THANK_YOU_CALL_SUBJECT = "Thank-you call"
WORDING_COUNT = 5


def variant(seat: int, part: int, count: int = WORDING_COUNT) -> int:
    """Which of ``count`` wordings part ``part`` of a letter uses for the person in ``seat``.

    The first ``count`` seats each take their own wording of every part; later
    seats mix the parts, so that no two letters to one panel share more than a
    part or two however many people it has.
    """
    return (seat + (seat // count) * (part + 1)) % count


def handwritten_note_planned(application: Application) -> bool:
    """Whether the plan has a handwritten note for each interviewer, as the cadence rules decide."""
    return application.handwritten_note or application.formality is Formality.FORMAL


@dataclass(frozen=True)
class Choice:
    """What one person's letters say: the email's points, the note's, the one later letters recall."""

    email: tuple[Point, ...] = ()
    note: tuple[Point, ...] = ()
    recalled: tuple[Point, ...] = ()
    sample: Point | None = None
    private: tuple[Point, ...] = field(default_factory=tuple)


def choose(notes: DebriefNotes | None, *, note_planned: bool) -> Choice:
    """Pick the points of each letter from one person's notes.

    The thank-you email takes at most two: the most specific answer (a concern
    answered or an answer amended) and the most specific thing you discussed.
    A planned handwritten note touches on something else (seed 000),
    preferring a personal detail; with a single point both use it.
    """
    points = capture.read(notes)
    sendable = [p for p in points if p.sendable and p.field != "samples"]
    ranked = sorted(sendable, key=lambda p: -p.weight)
    personal = [p for p in ranked if p.field == "rapport"]
    if note_planned and len(ranked) > 1:
        # Reserve one point for the note so that the email does not take it.
        reserved = personal[0] if personal else ranked[min(2, len(ranked) - 1)]
        rest = [p for p in ranked if p != reserved]
    else:
        rest = ranked
    answers = [p for p in rest if p.field in _ANSWERS]
    discussed = [p for p in rest if p.field not in _ANSWERS]
    email = tuple(discussed[:1] + answers[:1])
    if len(email) < 2:
        email = tuple(rest[:2])
    others = [p for p in (personal + ranked) if p not in email]
    note = tuple(others[:1] or ranked[:1])
    recalled = [p for p in ranked if p.field in _RECALLED and capture.recall(p, 0)]
    samples = [p for p in points if p.field == "samples" and p.sendable]
    return Choice(
        email=email,
        note=note,
        recalled=tuple(recalled[:1]),
        sample=samples[0] if samples else None,
        private=tuple(p for p in points if not p.sendable),
    )


@dataclass(frozen=True)
class Use:
    """What becomes of one point of the notes: the sentence it makes, and which letter says it."""

    point: Point
    sentence: str
    where: str


def uses(notes: DebriefNotes | None, *, seat: int, note_planned: bool) -> list[Use]:
    """Every point of one person's notes with the very sentence their letters will carry,
    in the order of the notes; the Debrief page shows it beside each note."""
    choice = choose(notes, note_planned=note_planned)
    found = []
    for point in capture.read(notes):
        if not point.sendable:
            found.append(Use(point, "", "private"))
        elif point.field == "samples":
            found.append(Use(point, capture.sample_sentence(point, variant(seat, 3)), "email"))
        elif point in choice.email:
            index = choice.email.index(point)
            found.append(Use(point, capture.sentence(point, variant(seat, 10 + index)), "email"))
        elif note_planned and point in choice.note:
            found.append(Use(point, capture.sentence(point, variant(seat, 10)), "note"))
        else:
            found.append(Use(point, capture.sentence(point, variant(seat, 10)), "unused"))
    return found


def draft(
    kind: LetterKind,
    *,
    application: Application,
    interview: Interview | None,
    interviewer: Interviewer | None = None,
    notes: DebriefNotes | None = None,
    settings: Settings | None = None,
    variant: int = 0,
    attempt: int = 1,
) -> Draft:
    """Draft a letter of ``kind`` to ``interviewer`` (or the company's team when None).

    ``variant`` is the interviewer's seat on the panel, so that letters to one
    panel each get their own wording; ``attempt`` counts status inquiries to
    this person, so a second and a third do not repeat the first.
    """
    settings = settings or Settings()
    seat = variant
    choice = choose(notes, note_planned=handwritten_note_planned(application))
    values = _values(application, interview, interviewer, settings, seat)
    points: tuple[Point, ...] = ()
    sample = None
    if kind is LetterKind.THANK_YOU_EMAIL:
        points, sample = choice.email, choice.sample
        subject, body = _thank_you_email(values, points, sample, seat)
    elif kind is LetterKind.HANDWRITTEN_NOTE:
        points = choice.note or choice.email[:1]
        subject, body = "", _handwritten_note(values, points, seat)
    elif kind is LetterKind.STATUS_INQUIRY:
        decision = interview.decision_by if interview else None
        if decision:
            values["decision_date"] = _long_date(decision, settings.country)
        subject, body = _status_inquiry(values, seat, attempt)
    elif kind is LetterKind.CALL_SCRIPT:
        subject, body = "", fill_template(_pick(wordings.CALL_SCRIPT, seat), values)
    elif kind is LetterKind.VOICEMAIL_SCRIPT:
        subject, body = "", fill_template(_pick(wordings.VOICEMAIL_SCRIPT, seat), values)
    else:
        points = choice.recalled
        subject, body = _later_letter(kind, values, points, seat)
    return Draft(kind, subject, body, _recipient(kind, interviewer), points, sample)


def draft_thank_you_call(
    *,
    application: Application,
    interview: Interview | None,
    interviewer: Interviewer,
    notes: DebriefNotes | None = None,
    settings: Settings | None = None,
    variant: int = 0,
) -> Draft:
    """A call script to say thank you to an interviewer whose card has no email
    address (seed 004). It says the first point the thank-you email would have made.
    """
    settings = settings or Settings()
    choice = choose(notes, note_planned=handwritten_note_planned(application))
    values = _values(application, interview, interviewer, settings, variant)
    points = choice.email[:1]
    values["point"] = (
        capture.sentence(points[0], variant)
        if points
        else _pick(wordings.HANDWRITTEN_NOTE["general"], variant)
    )
    body = fill_template(_pick(wordings.THANK_YOU_CALL, variant), values)
    return Draft(
        LetterKind.CALL_SCRIPT,
        THANK_YOU_CALL_SUBJECT,
        body,
        _recipient(LetterKind.CALL_SCRIPT, interviewer),
        points,
    )


def is_thank_you_call(kind: LetterKind, subject: str) -> bool:
    return kind is LetterKind.CALL_SCRIPT and subject == THANK_YOU_CALL_SUBJECT


# -- the letters, part by part -------------------------------------------------------------


def _thank_you_email(values: dict[str, str], points, sample, seat: int) -> tuple[str, str]:
    parts = wordings.THANK_YOU_EMAIL
    said = " ".join(capture.sentence(p, variant(seat, 10 + i)) for i, p in enumerate(points))
    if len(points) < 2:  # a letter of the usual length still: what the conversation gave them
        said = f"{said} {_part(parts['general'], seat, 2, values)}".strip()
    paragraphs = [
        _part(parts["opening"], seat, 1, values),
        said,
        capture.sample_sentence(sample, variant(seat, 3)) if sample else "",
        f"{_part(parts['fit'], seat, 4, values)} {_part(parts['closing'], seat, 5, values)}",
    ]
    return _part(parts["subject"], seat, 0, values), _letter(values, paragraphs)


def _handwritten_note(values: dict[str, str], points, seat: int) -> str:
    parts = wordings.HANDWRITTEN_NOTE
    said = " ".join(capture.sentence(p, variant(seat, 10 + i)) for i, p in enumerate(points))
    opening = _part(parts["opening"], seat, 1, values)
    paragraphs = [
        f"{opening} {said or _part(parts['general'], seat, 2, values)}",
        _part(parts["closing"], seat, 3, values),
    ]
    return _letter(values, paragraphs)


def _status_inquiry(values: dict[str, str], seat: int, attempt: int) -> tuple[str, str]:
    """The first inquiry, a second and a last one, each in words of its own for the same person."""
    turn = min(max(attempt, 1), 3)
    parts = wordings.STATUS_INQUIRY[turn]

    def part(options: tuple[str, ...], index: int) -> str:
        chosen = options[(variant(seat, index, len(options)) + turn - 1) % len(options)]
        return fill_template(chosen, values)

    timeline = part(wordings.STATUS_TIMELINE, 2) if values.get("decision_date") else ""
    closing = part(wordings.STATUS_CLOSING, 3)
    if turn == 3:
        closing = f"{closing} {part(wordings.STATUS_LAST_CLOSING, 4)}"
    paragraphs = [f"{part(parts['opening'], 1)} {timeline}".strip(), closing]
    return part(parts["subject"], 0), _letter(values, paragraphs)


_LATER = {
    LetterKind.WITHDRAWAL: (wordings.WITHDRAWAL, ("decision", "goodbye")),
    LetterKind.THANKS_FOR_CONSIDERATION: (wordings.THANKS_FOR_CONSIDERATION, ("thanks", "ask", "goodbye")),
    LetterKind.STAY_IN_TOUCH: (wordings.STAY_IN_TOUCH, ("hello", "interest")),
    LetterKind.OFFER_THANKS: (wordings.OFFER_THANKS, ("news", "thanks")),
}


def _later_letter(kind: LetterKind, values: dict[str, str], points, seat: int) -> tuple[str, str]:
    """A letter after the answer (or the silence): its parts, the first followed by what it recalls."""
    parts, names = _LATER[kind]
    recalled = " ".join(capture.recall(p, variant(seat, 10)) for p in points)
    paragraphs = [_part(parts[name], seat, index + 1, values) for index, name in enumerate(names)]
    if recalled:
        paragraphs[0] = f"{paragraphs[0]} {recalled}"
    return _part(parts["subject"], seat, 0, values), _letter(values, paragraphs)


def _letter(values: dict[str, str], paragraphs: list[str]) -> str:
    """Greeting, paragraphs, sign-off and name. The paragraphs are filled already: what the
    user wrote is never read as a template."""
    close = "\n".join(line for line in (values["sign_off"], values["signature"]) if line)
    blocks = [values["greeting"], *(p.strip() for p in paragraphs), close]
    return "\n\n".join(block for block in blocks if block.strip())


def _part(options: tuple[str, ...], seat: int, part: int, values: dict[str, str]) -> str:
    return fill_template(options[variant(seat, part, len(options))], values)


# -- names, dates and the values every wording may name ------------------------------------


def _values(
    application: Application,
    interview: Interview | None,
    interviewer: Interviewer | None,
    settings: Settings,
    seat: int,
) -> dict[str, str]:
    formal = application.formality is Formality.FORMAL
    addressee = addressee_for(interviewer, formal=formal)
    signature = settings.signature.strip()
    my_phone = _PHONE.search(signature)
    starts = interview.starts_at if interview else None
    style = "formal" if formal else "casual"
    return {
        "greeting": _greeting(addressee, application, formal, seat),
        "sign_off": wordings.SIGN_OFFS[style][variant(seat, 9, len(wordings.SIGN_OFFS[style]))],
        "signature": signature,
        "my_name": signature.splitlines()[0].strip() if signature else "",
        "my_phone": my_phone.group().strip() if my_phone else "",
        "addressee": addressee,
        "full_name": interviewer.name.strip() if interviewer else "",
        "company": application.company.strip(),
        "role": application.role.strip(),
        "weekday": _WEEKDAYS[starts.weekday()] if starts else "",
        "date": _long_date(starts.date(), settings.country) if starts else "",
        "decision_date": "",
    }


def addressee_for(interviewer: Interviewer | None, *, formal: bool) -> str:
    """How a letter greets them: 'Ms. Raman' or 'Priya Raman' when formal, 'Priya' when casual.

    A salutation on the card, or one written before the name ("Dr. Amina
    Yusuf"), turns a formal greeting into salutation and last name.
    """
    if interviewer is None:
        return ""
    honorific, first, last = _name_parts(interviewer.name)
    salutation = _salutation(interviewer.salutation) or honorific
    if formal:
        if salutation and last:
            return f"{salutation} {last}"
        return " ".join(p for p in (first, last) if p)
    if first:
        return first
    return f"{salutation} {last}".strip()


def _salutation(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:] if text else ""


def _recipient(kind: LetterKind, interviewer: Interviewer | None) -> str:
    if interviewer is None:
        return ""
    if kind in EMAIL_KINDS:
        return interviewer.email.strip()
    if kind in SCRIPT_KINDS:
        return interviewer.phone.strip()
    return interviewer.name.strip()


def _pick(options: tuple[_T, ...], seat: int) -> _T:
    return options[seat % len(options)]


def _name_parts(name: str) -> tuple[str, str, str]:
    """Split a business-card name into (honorific, first, last)."""
    words = name.split()
    honorific = ""
    if words and words[0].rstrip(".").lower() in _HONORIFICS:
        honorific = words.pop(0)
    if not words:
        return honorific, "", ""
    if honorific and len(words) == 1:
        return honorific, "", words[0]
    return honorific, words[0], " ".join(words[1:])


def _greeting(addressee: str, application: Application, formal: bool, seat: int) -> str:
    if not addressee:
        team = f"{application.company.strip()} team".strip()
        return f"Dear {team}," if formal else f"Hello {team},"
    word = "Dear" if formal else _pick(wordings.CASUAL_GREETINGS, seat)
    return f"{word} {addressee},"


def _long_date(day: date, country: str) -> str:
    month = _MONTHS[day.month - 1]
    if country.upper() in _MONTH_FIRST:
        return f"{month} {day.day}"
    return f"{day.day} {month}"
