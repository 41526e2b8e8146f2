"""Drafting the letters of the follow-up: one per interviewer, each built from
that interviewer's business card and the user's debrief notes about them.

Interviewers on one panel may compare what they received (seed 003), so each
kind has several wordings and the interviewer's position on the panel picks
one. A sentence that needs a note the user did not write is dropped whole, so
a draft never carries an empty slot or a placeholder.

Templates are filled with :class:`string.Template` from a mapping of plain
strings: a template can name a value but cannot reach attributes or run code,
which keeps :func:`fill_template` safe for templates the user writes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from string import Template
from typing import TypeVar

from followup import second_person
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
        "latest; never one letter to the whole panel, they may compare (Westwood College career blog; Closing the interview; DeCarlo; After the Interview; Cohen)."
    ),
    LetterKind.HANDWRITTEN_NOTE: (
        "A short card by post or by hand within a day or two, about something other than your email. "
        "Some recruiters love them, others find them old-fashioned (Closing the interview; Cohen)."
    ),
    LetterKind.STATUS_INQUIRY: (
        "Once the day they named has passed, or about a week after the interview when they named none: "
        "follow up on your interview and the status of your application (Westwood College career blog; After the Interview; Cohen)."
    ),
    LetterKind.CALL_SCRIPT: (
        "What to say when you call about the status of your application. Ask for the person you met, "
        "keep it short, and log the call on the plan (DeCarlo; Cohen)."
    ),
    LetterKind.VOICEMAIL_SCRIPT: (
        "Expect voicemail: leave a short, courteous message with your number (DeCarlo; Cohen)."
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
        "(Closing the interview; DeCarlo)."
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
    ``notes_used`` names the debrief-note fields the wording draws on.
    """

    kind: LetterKind
    subject: str
    body: str
    recipient: str
    notes_used: tuple[str, ...] = ()


@dataclass(frozen=True)
class NotesSplit:
    """Which debrief notes go into the thank-you email and which into the note."""

    email: tuple[str, ...]
    note: tuple[str, ...]


@dataclass(frozen=True)
class _Wording:
    subject: str
    body: str


# The handwritten note must not repeat the email (seed 000), so it takes one
# note of its own, preferring the personal ones; the email keeps the rest.
_NOTE_PREFERENCE = ("rapport", "to_stress", "topics", "liked")
# Later letters recall one memorable thing rather than re-arguing the case.
_STAY_IN_TOUCH_PREFERENCE = ("topics", "rapport", "liked")

_HONORIFICS = frozenset({"dr", "prof", "professor", "mr", "mrs", "ms", "mx", "miss"})
# Notes are usually jotted as phrases; a leading function word is lowered so
# the phrase reads naturally mid-sentence, while names keep their capital.
_LOWER_FIRST = frozenset(
    [
        "a",
        "an",
        "the",
        "my",
        "our",
        "your",
        "his",
        "her",
        "their",
        "its",
        "this",
        "that",
        "these",
        "those",
        "how",
        "what",
        "why",
        "when",
        "we",
        "he",
        "she",
        "they",
        "it",
        "some",
        "any",
        "by",
        "in",
        "at",
        "on",
        "within",
        "before",
        "after",
        "about",
        "around",
        "for",
        "to",
        "with",
        "from",
        "next",
        "early",
        "late",
    ]
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# Countries that write the month before the day.
_MONTH_FIRST = frozenset({"US", "CA", "PH"})

_SIGN_OFFS = {
    Formality.FORMAL: ("Sincerely,", "Kind regards,", "Respectfully,"),
    Formality.CASUAL: ("Best,", "Warm regards,", "All the best,"),
}
_CASUAL_GREETINGS = ("Hi", "Hello", "Dear")
_PHONE = re.compile(r"\+?\d[\d\s().-]{6,}\d")

_CLOSE = "\n\n$sign_off\n$signature"
_T = TypeVar("_T")

_WORDINGS: dict[LetterKind, tuple[_Wording, ...]] = {
    LetterKind.THANK_YOU_EMAIL: (
        _Wording(
            "Thank you for your time on $weekday",
            "$greeting\n\n"
            "Thank you for meeting with me on $weekday to talk about the $role position. "
            "I came away from our conversation even more interested in joining $company.\n\n"
            "I was glad to see that $liked caught your interest. "
            "Since we spoke about $topics, I have kept thinking about it, and it confirmed "
            "for me how well my experience fits what your team needs. "
            "I have also thought more about the concern you raised about $concerns, and I am "
            "confident it need not hold me back; I would welcome the chance to discuss it further. "
            "I would like to add to one of my answers: $answer_to_amend. "
            "One thing I want to underline is $to_stress. "
            "I also enjoyed our chat about $rapport.\n\n"
            "I have attached $samples in case you would like to see an example of my work.\n\n"
            "I am sure I could make a real difference in this role. "
            "Please let me know if there is anything else I can send you; "
            "I look forward to hearing about the next steps." + _CLOSE,
        ),
        _Wording(
            "Our conversation about the $role role",
            "$greeting\n\n"
            "I appreciate the time you gave me on $weekday. "
            "Learning more about $company and the $role role made me keener than ever "
            "to be part of it.\n\n"
            "Our exchange on $topics stood out for me, and I have a few more ideas I would "
            "be happy to share. "
            "Your interest in $liked was encouraging, since it is exactly the kind of work "
            "I hope to keep doing. "
            "There is something I did not say clearly enough in the interview: $answer_to_amend. "
            "You mentioned a concern about $concerns; I understand it, and I would like the "
            "chance to show you how I would handle it. "
            "I would also point to $to_stress. "
            "It was a pleasure to talk about more than work, too, and to hear about $rapport.\n\n"
            "You will find $samples attached, to give you a feel for my work.\n\n"
            "My skills and experience match what you described, and I would bring real energy "
            "to the team. Thank you again; I hope we can speak again soon." + _CLOSE,
        ),
        _Wording(
            "Thank you for meeting with me",
            "$greeting\n\n"
            "Many thanks for talking with me on $weekday about the $role opening at $company.\n\n"
            "Looking back, what I remember most is our discussion of $topics. "
            "You seemed to respond well to $liked, and I would love to build on that. "
            "On the point you raised about $concerns: I have reflected on it, and I believe "
            "my background covers it well. "
            "Let me return briefly to one of my answers: $answer_to_amend. "
            "If I could stress a single thing, it would be $to_stress. "
            "I also enjoyed the lighter moments of our talk, about $rapport.\n\n"
            "To give you a better picture of what I do, I have included $samples.\n\n"
            "I am confident I could contribute from the first weeks, and the conversation "
            "made me want this job even more. I hope to hear from you soon about what comes "
            "next." + _CLOSE,
        ),
    ),
    LetterKind.HANDWRITTEN_NOTE: (
        _Wording(
            "",
            "$greeting\n\n"
            "Thank you again for meeting with me. "
            "I especially enjoyed the personal side of our talk, about $rapport. "
            "I keep coming back to $topics, and it makes me even more excited about the work. "
            "One more thing I hope came across: $to_stress. "
            "It meant a lot that you appreciated $liked.\n\n"
            "I hope to see you again soon at $company." + _CLOSE,
        ),
        _Wording(
            "",
            "$greeting\n\n"
            "A short note to thank you for your time on $weekday. "
            "It was a real pleasure to talk about $rapport. "
            "Our discussion of $topics has stayed with me. "
            "I would add just one thing: $to_stress. "
            "I was pleased that $liked resonated with you.\n\n"
            "I would be delighted to join you at $company." + _CLOSE,
        ),
        _Wording(
            "",
            "$greeting\n\n"
            "I wanted to thank you by hand for our meeting about the $role position. "
            "Our chat about $rapport made the interview feel like a real conversation. "
            "Since then I have been thinking about $topics. "
            "If I could leave you with one thought, it would be $to_stress. "
            "Your interest in $liked was very encouraging.\n\n"
            "With warm thanks and best wishes to everyone at $company." + _CLOSE,
        ),
    ),
    LetterKind.STATUS_INQUIRY: (
        _Wording(
            "Following up on my $role interview",
            "$greeting\n\n"
            "I am writing to follow up on my interview on $date for the $role position and to "
            "ask about the status of my application. "
            "When we met, you expected a decision by $decision_date. "
            "When we met, you described the timeline like this: $decision_timeline.\n\n"
            "I am still very interested in the role and in $company. If there is anything else "
            "I can provide to help with your decision, please let me know." + _CLOSE,
        ),
        _Wording(
            "Checking in on my application for $role",
            "$greeting\n\n"
            "I hope you are well. I interviewed with you on $date for the $role role, and I "
            "would like to follow up on the status of my application. "
            "I understand a decision was planned for $decision_date. "
            "I remember the timeline you mentioned: $decision_timeline.\n\n"
            "My interest in joining $company is as strong as ever. Please tell me if you need "
            "anything further from me." + _CLOSE,
        ),
        _Wording(
            "Status of my application for $role",
            "$greeting\n\n"
            "Thank you again for meeting with me on $date. I am following up on my interview "
            "for the $role position and the status of my application. "
            "You had hoped to decide by $decision_date, so I wanted to check in. "
            "You had mentioned this timeline: $decision_timeline.\n\n"
            "I remain enthusiastic about the opportunity at $company and would be happy to "
            "answer any further questions." + _CLOSE,
        ),
    ),
    LetterKind.CALL_SCRIPT: (
        _Wording(
            "",
            "If someone else answers:\n"
            "Hello, this is $my_name. May I speak with $full_name, please?\n\n"
            "When you reach $addressee:\n"
            "Hello $addressee, this is $my_name. "
            "We met on $date about the $role position at $company. "
            "I am calling to follow up on my interview and the status of my application. "
            "Is there anything else you need from me?\n\n"
            "If they have news, ask about the next steps and when you may check in again. "
            "Thank them for their time either way.",
        ),
        _Wording(
            "",
            "If the receptionist answers:\n"
            "Good morning, my name is $my_name. Could I speak with $full_name, please?\n\n"
            "With $addressee:\n"
            "Hi $addressee, it is $my_name. I interviewed with you on $date for the $role role. "
            "I am following up on my interview and the status of my application. "
            "Is there anything more I can send to help your decision?\n\n"
            "Before you hang up, ask when it would be a good time to check in again, "
            "and thank them.",
        ),
        _Wording(
            "",
            "If a colleague picks up:\n"
            "Hello, my name is $my_name, calling for $full_name, please.\n\n"
            "Once $addressee is on the line:\n"
            "Hello $addressee, this is $my_name; we met on $date about the $role position. "
            "I wanted to follow up on my interview and the status of my application. "
            "Do you have a sense of the timeline from here?\n\n"
            "Listen, note what you hear in your call log, and thank them for their time.",
        ),
    ),
    LetterKind.VOICEMAIL_SCRIPT: (
        _Wording(
            "",
            "Hello $addressee, this is $my_name. "
            "I interviewed with you on $date for the $role position at $company. "
            "I am calling to follow up on my interview and the status of my application. "
            "I am still very interested in the role. "
            "You can reach me at $my_phone. "
            "Thank you, and have a good day.",
        ),
        _Wording(
            "",
            "Hi $addressee, it is $my_name calling. "
            "We met on $date about the $role role. "
            "I am following up on my interview and the status of my application, "
            "and I remain very keen on joining $company. "
            "My number is $my_phone; again, that is $my_phone. "
            "Thank you for your time.",
        ),
        _Wording(
            "",
            "Good morning $addressee, this is $my_name. "
            "I am following up on my interview on $date and the status of my application "
            "for the $role position. "
            "I would be glad to provide anything else you need. "
            "You can call me back at $my_phone. "
            "Thanks very much, and I hope to speak with you soon.",
        ),
    ),
    LetterKind.WITHDRAWAL: (
        _Wording(
            "Withdrawing my application for $role",
            "$greeting\n\n"
            "Thank you for meeting with me on $date and for considering me for the $role "
            "position. After careful thought, I have decided to withdraw my application: "
            "I am no longer interested in being considered for this role.\n\n"
            "This was not an easy decision. I appreciated learning about $company and "
            "meeting the team, and I hope our paths cross again." + _CLOSE,
        ),
        _Wording(
            "My application for $role",
            "$greeting\n\n"
            "Thank you for your time and for the interest you have shown in me for the $role "
            "role. I am writing to let you know that I am no longer interested in the "
            "position, and I would like to withdraw from the process.\n\n"
            "I am grateful for the conversations we had on $date, and I wish you and "
            "everyone at $company every success." + _CLOSE,
        ),
        _Wording(
            "Withdrawal from the $role process",
            "$greeting\n\n"
            "I wanted to thank you for considering me for the $role position and to tell "
            "you promptly that I am withdrawing my application; I am no longer interested "
            "in moving forward.\n\n"
            "Meeting you on $date was a pleasure, and I have great respect for $company. "
            "I hope we have the chance to work together in the future." + _CLOSE,
        ),
    ),
    LetterKind.THANKS_FOR_CONSIDERATION: (
        _Wording(
            "Thank you for considering me",
            "$greeting\n\n"
            "Thank you for letting me know your decision, and for considering me for the "
            "$role position. I enjoyed getting to know you and $company.\n\n"
            "If there is anything else I could share that might put me back in the running, "
            "I would be glad to. I would also value your advice: is there anything I could "
            "do differently in future interviews?\n\n"
            "I remain interested in $company, and I hope you will keep me in mind for future "
            "openings." + _CLOSE,
        ),
        _Wording(
            "Thank you, and a question",
            "$greeting\n\n"
            "Although I am disappointed, I am grateful for the time you and your colleagues "
            "spent considering me for the $role role.\n\n"
            "Is there anything more I could tell you that would put me back in the running? "
            "And if you have a moment, I would welcome any advice for my future interviews, "
            "such as something I could have done better.\n\n"
            "I would be glad to stay in touch and hope our paths cross again at $company." + _CLOSE,
        ),
        _Wording(
            "Thanks for your consideration",
            "$greeting\n\n"
            "Thank you for your consideration for the $role position, and for telling me "
            "where things stand.\n\n"
            "May I ask whether anything could still put me back in the running? I would also "
            "appreciate any advice on how I could interview better next time.\n\n"
            "I enjoyed meeting the team at $company and would be happy to be considered for "
            "future roles." + _CLOSE,
        ),
    ),
    LetterKind.STAY_IN_TOUCH: (
        _Wording(
            "Keeping in touch",
            "$greeting\n\n"
            "I hope all is well. We met on $date when I interviewed for the $role position "
            "at $company. "
            "I still think about our conversation on $topics. "
            "I enjoyed talking about $rapport. "
            "I was glad you liked $liked.\n\n"
            "I remain very interested in $company. If the role opens up again or something "
            "similar comes along, I would be glad to talk." + _CLOSE,
        ),
        _Wording(
            "Staying in touch after my $role interview",
            "$greeting\n\n"
            "It has been a few weeks since we met about the $role role, and I wanted to say "
            "hello. "
            "Our discussion of $topics is still on my mind. "
            "I often think back to our chat about $rapport. "
            "I remember your interest in $liked.\n\n"
            "Please keep me in mind if anything opens up at $company; I would be happy to "
            "hear from you." + _CLOSE,
        ),
        _Wording(
            "Hello again from a $role candidate",
            "$greeting\n\n"
            "I hope things are going well at $company. I interviewed with you on $date, and "
            "I have kept following your work since. "
            "Our talk about $topics was one of the highlights. "
            "I still smile about our conversation on $rapport. "
            "It was good to see you valued $liked.\n\n"
            "I would welcome the chance to work with you in the future, so I wanted to stay "
            "in touch." + _CLOSE,
        ),
    ),
    LetterKind.OFFER_THANKS: (
        _Wording(
            "Thank you, and the $role offer",
            "$greeting\n\n"
            "I have just heard that $company would like to offer me the $role position, and I wanted "
            "to thank you for your part in it. Our conversation on $date gave me a clear picture of "
            "the work and of the people I would be working with.\n\n"
            "Thank you for your time and for the confidence you have shown in me. I look forward to "
            "speaking with you again soon." + _CLOSE,
        ),
        _Wording(
            "With thanks for the $role offer",
            "$greeting\n\n"
            "The offer for the $role role has reached me, and I am very grateful. Thank you for the "
            "time you spent with me during the interviews and for the care you took in getting to "
            "know me.\n\n"
            "It was a pleasure to meet you, and I hope to have the chance to work alongside you at "
            "$company." + _CLOSE,
        ),
        _Wording(
            "Thank you for meeting with me",
            "$greeting\n\n"
            "Thank you for taking part in my interviews for the $role position. Learning that "
            "$company wants to offer me the role was wonderful news, and our conversation played "
            "a real part in it.\n\n"
            "I appreciate the time and attention you gave me, and I hope we stay in touch whatever "
            "the next steps bring." + _CLOSE,
        ),
    ),
}


# The model has one kind for call scripts; the subject, which a script never
# shows, tells the thank-you call apart from the call about the status.
THANK_YOU_CALL_SUBJECT = "Thank-you call"
_THANK_YOU_CALL: tuple[_Wording, ...] = (
    _Wording(
        THANK_YOU_CALL_SUBJECT,
        "If someone else answers:\n"
        "Hello, this is $my_name. May I speak with $full_name, please?\n\n"
        "When you reach $addressee:\n"
        "Hello $addressee. This is $my_name. We met on $date about the $role position. "
        "I am calling to thank you for your time. "
        "I especially enjoyed our conversation about $topics. "
        "I was glad that $liked caught your interest. "
        "Meeting you made me even keener to join $company.\n\n"
        "Keep it short. If you reach voicemail, leave the same thanks and your number, $my_phone.",
    ),
    _Wording(
        THANK_YOU_CALL_SUBJECT,
        "If the receptionist answers:\n"
        "Good morning, my name is $my_name. Could I speak with $full_name, please?\n\n"
        "With $addressee:\n"
        "Hi $addressee. It is $my_name. I interviewed with you on $date for the $role role. "
        "I just wanted to say thank you for meeting with me. "
        "Our talk about $topics has stayed with me. "
        "I would like to add one thing to my answers: $answer_to_amend. "
        "I am very interested in joining $company.\n\n"
        "Thank them and end the call. If it goes to voicemail, say the same and leave $my_phone.",
    ),
    _Wording(
        THANK_YOU_CALL_SUBJECT,
        "If a colleague picks up:\n"
        "Hello, my name is $my_name. Could I speak with $full_name, please?\n\n"
        "Once $addressee is on the line:\n"
        "Hello $addressee. This is $my_name. We met on $date about the $role position. "
        "I am calling to thank you for the interview. "
        "It was good to hear that you liked $liked. "
        "I keep thinking about $topics. "
        "I would love to bring that to $company.\n\n"
        "A minute is enough. On voicemail, leave your thanks and your number, $my_phone.",
    ),
)


def variant_count(kind: LetterKind) -> int:
    """How many wordings exist for ``kind``: a panel larger than this repeats one."""
    return len(_WORDINGS[kind])


def handwritten_note_planned(application: Application) -> bool:
    """Whether the plan has a handwritten note for each interviewer, as the cadence rules decide."""
    return application.handwritten_note or application.formality is Formality.FORMAL


def split_notes(notes: DebriefNotes | None, *, note_planned: bool) -> NotesSplit:
    """Share an interviewer's notes between the thank-you email and the note.

    The note takes one note, the first written of :data:`_NOTE_PREFERENCE`,
    but only when the email keeps something specific besides work samples.
    When no note is planned, the email is the only thank-you, so it keeps
    every note; a note drafted anyway still gets its one.
    """
    written = _written_fields(notes)
    specific = [name for name in written if name != "samples"]
    note: tuple[str, ...] = ()
    if len(specific) > 1 or (specific and not note_planned):
        note = tuple(name for name in _NOTE_PREFERENCE if name in specific)[:1]
    email = written if not note_planned else tuple(n for n in written if n not in note)
    return NotesSplit(email=email, note=note)


def notes_for(kind: LetterKind, notes: DebriefNotes | None, *, note_planned: bool) -> tuple[str, ...]:
    """The debrief-note fields a letter of ``kind`` draws on."""
    if kind is LetterKind.THANK_YOU_EMAIL:
        return split_notes(notes, note_planned=note_planned).email
    if kind is LetterKind.HANDWRITTEN_NOTE:
        return split_notes(notes, note_planned=note_planned).note
    if kind is LetterKind.STAY_IN_TOUCH:
        written = _written_fields(notes)
        return tuple(n for n in _STAY_IN_TOUCH_PREFERENCE if n in written)[:1]
    return ()


def letter_values(
    kind: LetterKind,
    *,
    application: Application,
    interview: Interview | None,
    interviewer: Interviewer | None,
    notes: DebriefNotes | None,
    settings: Settings,
    variant: int = 0,
) -> dict[str, str]:
    """The plain-string values a template of ``kind`` may name.

    Notes that ``kind`` does not use are empty, so the sentences that need
    them drop out of the draft.
    """
    formal = application.formality is Formality.FORMAL
    honorific, first, last = _name_parts(interviewer.name if interviewer else "")
    if honorific and last:
        addressee = f"{honorific} {last}" if formal or not first else first
    elif formal:
        addressee = " ".join(p for p in (first, last) if p)
    else:
        addressee = first
    signature = settings.signature.strip()
    my_phone = _PHONE.search(signature)
    starts = interview.starts_at if interview else None
    used = set(notes_for(kind, notes, note_planned=handwritten_note_planned(application)))
    values = {
        "greeting": _greeting(addressee, application, formal, variant),
        "sign_off": _pick(_SIGN_OFFS[application.formality], variant),
        "signature": signature,
        "my_name": signature.splitlines()[0].strip() if signature else "",
        "my_phone": my_phone.group().strip() if my_phone else "",
        "addressee": addressee,
        "full_name": interviewer.name.strip() if interviewer else "",
        "title": interviewer.title.strip() if interviewer else "",
        "company": application.company.strip(),
        "role": application.role.strip(),
        "weekday": _WEEKDAYS[starts.weekday()] if starts else "",
        "date": _long_date(starts.date(), settings.country) if starts else "",
        "decision_date": "",
        "decision_timeline": "",
    }
    if interview and kind is LetterKind.STATUS_INQUIRY:
        if interview.decision_by:
            values["decision_date"] = _long_date(interview.decision_by, settings.country)
        else:
            values["decision_timeline"] = _clause(interview.decision_timeline)
    for name in DebriefNotes.FIELDS:
        values[name] = (
            _clause(second_person.addressed(getattr(notes, name))) if notes and name in used else ""
        )
    if values["rapport"].lower().startswith(("you ", "you're ", "you've ")):
        # A whole clause ("you are training for a marathon") where the wordings talk about a topic.
        values["rapport"] = f"how {values['rapport']}"
    return values


def fill_template(text: str, values: Mapping[str, str]) -> str:
    """Fill ``$name`` slots from ``values``, dropping each sentence that names an
    empty or unknown value. Safe for user-written templates: only plain names
    are looked up, never attributes or expressions.
    """
    lines: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            lines.append("")
            continue
        sentences = re.split(r"(?<=[.!?])\s+", line.strip())
        kept = [s for s in sentences if all(values.get(n, "").strip() for n in Template(s).get_identifiers())]
        if kept:
            lines.append(Template(" ".join(kept)).safe_substitute(values))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def draft(
    kind: LetterKind,
    *,
    application: Application,
    interview: Interview | None,
    interviewer: Interviewer | None = None,
    notes: DebriefNotes | None = None,
    settings: Settings | None = None,
    variant: int = 0,
) -> Draft:
    """Draft a letter of ``kind`` to ``interviewer`` (or the company's team when None).

    ``variant`` is the interviewer's position on the panel, so that letters to
    one panel each get their own wording.
    """
    return _compose(
        kind,
        _pick(_WORDINGS[kind], variant),
        kind,
        application=application,
        interview=interview,
        interviewer=interviewer,
        notes=notes,
        settings=settings,
        variant=variant,
    )


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
    address (seed 004). It takes the notes the thank-you email would have used.
    """
    return _compose(
        LetterKind.CALL_SCRIPT,
        _pick(_THANK_YOU_CALL, variant),
        LetterKind.THANK_YOU_EMAIL,
        application=application,
        interview=interview,
        interviewer=interviewer,
        notes=notes,
        settings=settings,
        variant=variant,
    )


def is_thank_you_call(kind: LetterKind, subject: str) -> bool:
    return kind is LetterKind.CALL_SCRIPT and subject == THANK_YOU_CALL_SUBJECT


def _compose(
    kind: LetterKind,
    wording: _Wording,
    notes_kind: LetterKind,
    *,
    application: Application,
    interview: Interview | None,
    interviewer: Interviewer | None,
    notes: DebriefNotes | None,
    settings: Settings | None,
    variant: int,
) -> Draft:
    values = letter_values(
        notes_kind,
        application=application,
        interview=interview,
        interviewer=interviewer,
        notes=notes,
        settings=settings or Settings(),
        variant=variant,
    )
    return Draft(
        kind=kind,
        subject=fill_template(wording.subject, values),
        body=fill_template(wording.body, values),
        recipient=_recipient(kind, interviewer),
        notes_used=notes_for(notes_kind, notes, note_planned=handwritten_note_planned(application)),
    )


def _recipient(kind: LetterKind, interviewer: Interviewer | None) -> str:
    if interviewer is None:
        return ""
    if kind in EMAIL_KINDS:
        return interviewer.email.strip()
    if kind in SCRIPT_KINDS:
        return interviewer.phone.strip()
    return interviewer.name.strip()


def _written_fields(notes: DebriefNotes | None) -> tuple[str, ...]:
    if notes is None:
        return ()
    return tuple(name for name in DebriefNotes.FIELDS if getattr(notes, name).strip())


def _pick(options: tuple[_T, ...], variant: int) -> _T:
    return options[variant % len(options)]


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


def _greeting(addressee: str, application: Application, formal: bool, variant: int) -> str:
    if not addressee:
        team = f"{application.company.strip()} team".strip()
        return f"Dear {team}," if formal else f"Hello {team},"
    word = "Dear" if formal else _pick(_CASUAL_GREETINGS, variant)
    return f"{word} {addressee},"


def _clause(note: str) -> str:
    """Make a jotted note fit mid-sentence: one line, no closing stop."""
    parts = [p.strip(" \t.;,:!?") for p in note.splitlines()]
    text = "; ".join(" ".join(p.split()) for p in parts if p.strip(" \t.;,:!?"))
    first, _, _ = text.partition(" ")
    if first.lower() in _LOWER_FIRST:
        text = text[0].lower() + text[1:]
    return text


def _long_date(day: date, country: str) -> str:
    month = _MONTHS[day.month - 1]
    if country.upper() in _MONTH_FIRST:
        return f"{month} {day.day}"
    return f"{day.day} {month}"
