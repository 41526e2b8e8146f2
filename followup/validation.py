"""Checks on what the user typed, before anything is saved.

Each function returns {field: message}; empty means the input can be saved.
Messages say what to do, in plain words, and are shown beside the field.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from urllib.parse import urlparse

from followup import business_days, clock
from followup.model import (
    Action,
    ActionStatus,
    Application,
    Interview,
    Interviewer,
    Letter,
    LetterStatus,
    Settings,
)

MAX_NAME = 200
MAX_TEXT = 20_000
EMAIL_SHAPE = re.compile(r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;.]{2,}$")
PHONE_CHARACTERS = re.compile(r"^\+?[\d\s().\-/]+(\s*(x|ext\.?)\s*\d+)?$", re.IGNORECASE)
# "Ms.", "Dr.", "Prof.", "Mx", "Frau Dr."; empty is allowed.
SALUTATION = re.compile(r"^(?:[^\W\d_]+\.?(?: [^\W\d_]+\.?){0,2})?$")
# Interviews are planned at most this far ahead; a later date is almost always a typo.
FURTHEST_FUTURE = timedelta(days=365)
EARLIEST_YEAR = 2000
# Every date the app stores or reads lies in this range, whatever the door it came in by
# (forms, date pickers, backups, spreadsheets, the command line). Beyond it, calendars
# and date arithmetic break (year 9999 plus a day overflows), and no job search needs it.
EARLIEST_DATE = date(1970, 1, 1)
LATEST_DATE = date(2100, 12, 31)

# Characters nobody types on purpose and that can do harm where text goes next: NUL and
# the other C0/C1 control characters (ESC drives terminals; CR and LF in a one-line
# field forge mail headers such as "Bcc:"), and lone UTF-16 surrogates, which no
# encoder can write. Tab and line breaks are kept in multi-line text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")
_LINE_BREAK = re.compile("\r\n?|[\x85\u2028\u2029]")
_ONE_LINE_BREAKS = re.compile("[\t\n]+")
# What clean_text would change: anything special in a line, and tabs and line feeds too in one line.
_CHANGED = {
    True: re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]"),
    False: re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]"),
}


def clean_text(text: str, *, multiline: bool) -> str:
    """`text` without control characters or lone surrogates.

    Line breaks of every kind become "\\n" in multi-line text; in a one-line
    field (a name, an address, a subject) line breaks and tabs become one space.
    """
    if _CHANGED[multiline].search(text) is None:
        return text
    text = _CONTROL.sub("", _LINE_BREAK.sub("\n", text))
    return text if multiline else _ONE_LINE_BREAKS.sub(" ", text)


def clean_texts(texts: list, *, multiline: bool) -> list:
    """`clean_text` of each text in a list (None stays None), checking the list in one go:
    the thousands of values of a restore are almost always clean already."""
    # Nothing and empty texts are clean: filter(None) leaves them out at C speed.
    if _all_clean(list(filter(None, texts)), multiline):
        return texts
    return [None if text is None else clean_text(text, multiline=multiline) for text in texts]


# The ASCII characters clean_text keeps as they are: the printable ones, and tab and line feed
# in multi-line text (what _CHANGED finds, below 128).
_ASCII_KEPT = {
    multiline: bytes(code for code in range(128) if not _CHANGED[multiline].match(chr(code)))
    for multiline in (True, False)
}


def _all_clean(strings: list[str], multiline: bool) -> bool:
    """Whether clean_text leaves each of `strings` as it is.

    The ASCII texts (nearly all) are checked as bytes, by deleting every byte
    that is kept and seeing whether any is left: five times faster than the
    pattern, which checks the others. Megabytes of a restore's text are checked twice."""
    others = [text for text in strings if not text.isascii()]
    ascii_text = "".join([text for text in strings if text.isascii()] if others else strings)
    if ascii_text.encode("ascii").translate(None, _ASCII_KEPT[multiline]):
        return False
    return not others or _CHANGED[multiline].search("".join(others)) is None


def date_problem(value: date | datetime | None) -> str | None:
    """Why a date cannot be stored (outside EARLIEST_DATE … LATEST_DATE), or None."""
    if value is None:
        return None
    day = value.date() if isinstance(value, datetime) else value
    if EARLIEST_DATE <= day <= LATEST_DATE:
        return None
    return (
        f"The date {day.isoformat()} is outside the years {EARLIEST_DATE.year} to {LATEST_DATE.year}; "
        "check the year."
    )


def country_problem(country: object) -> str | None:
    """Why `country` is not a country with a calendar of public holidays, or None."""
    if not isinstance(country, str):
        return "Choose a country for public holidays."
    try:
        business_days.check_country(country)
    except ValueError:
        shown = country.strip()[:20] or "(empty)"
        return (
            f"“{shown}” is not a country code we have public holidays for: "
            "use a two-letter code such as US, GB or DE."
        )
    return None


def canonical_country(country: str) -> str:
    """A valid country code as the settings keep it: upper case, two letters ("usa" → "US")."""
    return business_days.holiday_calendar_country(business_days.check_country(country))


def _required(errors: dict[str, str], field: str, value: str, label: str) -> None:
    # What is saved is the cleaned text: a name of control characters alone is no name.
    if not clean_text(value, multiline=False).strip():
        errors[field] = f"{label} is required."
    elif len(value) > MAX_NAME:
        errors[field] = f"{label} is too long ({len(value)} characters; at most {MAX_NAME})."


def _long_text(errors: dict[str, str], fields: dict[str, str]) -> None:
    for field, value in fields.items():
        if len(value) > MAX_TEXT:
            errors[field] = f"This is too long ({len(value):,} characters; at most {MAX_TEXT:,})."


def email_problem(email: str) -> str | None:
    email = email.strip()
    if email and not EMAIL_SHAPE.match(email):
        return "This does not look like an email address (name@example.com)."
    return None


def phone_problem(phone: str) -> str | None:
    phone = phone.strip()
    if not phone:
        return None
    digits = sum(ch.isdigit() for ch in phone)
    if not PHONE_CHARACTERS.match(phone) or not 6 <= digits <= 15:
        return "This does not look like a phone number (digits, spaces, +, -, brackets; 6 to 15 digits)."
    return None


def link_problem(link: str) -> str | None:
    link = link.strip()
    if not link:
        return None
    parsed = urlparse(link)
    if parsed.scheme not in ("http", "https") or not parsed.netloc or " " in link:
        return "Paste the full web address of the job ad, starting with https://"
    return None


def validate_application(application: Application) -> dict[str, str]:
    errors: dict[str, str] = {}
    _required(errors, "company", application.company, "Company")
    _required(errors, "role", application.role, "Role")
    problem = link_problem(application.job_link)
    if problem:
        errors["job_link"] = problem
    _long_text(errors, {"notes": application.notes})
    return errors


def validate_interview(interview: Interview, *, today: date | None = None) -> dict[str, str]:
    today = today or clock.today()
    errors: dict[str, str] = {}
    starts: datetime = interview.starts_at
    if starts.year < EARLIEST_YEAR:
        errors["starts_at"] = f"Check the year: {starts:%Y} is before {EARLIEST_YEAR}."
    elif starts.date() > today + FURTHEST_FUTURE:
        errors["starts_at"] = "That is more than a year away; check the date."
    if not 1 <= interview.round <= 20:
        errors["round"] = "The round is a number from 1 to 20."
    decision_problem = date_problem(interview.decision_by)
    if decision_problem:
        errors["decision_by"] = decision_problem
    elif interview.decision_by is not None and interview.decision_by < starts.date():
        errors["decision_by"] = (
            f"The decision date ({interview.decision_by:%d %b %Y}) is before the interview "
            f"({starts:%d %b %Y}); a decision comes after the interview."
        )
    _long_text(
        errors,
        {
            name: getattr(interview, name)
            for name in (
                "decision_timeline",
                "next_steps",
                "second_round",
                "anything_else",
                "qualifications_view",
            )
        },
    )
    return errors


def validate_interviewer(interviewer: Interviewer) -> dict[str, str]:
    errors: dict[str, str] = {}
    _required(errors, "name", interviewer.name, "Name")
    if len(interviewer.title) > MAX_NAME:
        errors["title"] = f"The title is too long (at most {MAX_NAME} characters)."
    if not SALUTATION.match(interviewer.salutation.strip()):
        errors["salutation"] = "A salutation is a word such as Ms., Mr., Mx. or Dr. (letters and a dot)."
    for field, problem in (
        ("email", email_problem(interviewer.email)),
        ("phone", phone_problem(interviewer.phone)),
    ):
        if problem:
            errors[field] = problem
    return errors


def validate_letter(letter: Letter) -> dict[str, str]:
    """A letter as a backup brings it: one marked sent says when."""
    if letter.status is LetterStatus.SENT and letter.sent_on is None:
        return {"sent_on": "a letter marked sent needs the day it was sent."}
    return {}


def validate_action(action: Action) -> dict[str, str]:
    """A follow-up as a backup brings it: one done or skipped says on which day."""
    if action.status is not ActionStatus.PLANNED and action.done_on is None:
        return {
            "done_on": f"a follow-up marked {action.status.value} needs the day it was {action.status.value}."
        }
    return {}


def validate_settings(settings: Settings) -> dict[str, str]:
    errors: dict[str, str] = {}
    problem = country_problem(settings.country)
    if problem:
        errors["country"] = problem
    elif not isinstance(settings.subdivision, str):
        errors["subdivision"] = "Choose a region by its code, such as ON or BY, or none."
    else:
        try:
            business_days.check_subdivision(settings.country, settings.subdivision)
        except ValueError as error:
            errors["subdivision"] = str(error)
    _long_text(errors, {"signature": settings.signature})
    too_long = next((word for word in settings.user_dictionary if len(word) > MAX_NAME), None)
    if too_long is not None:
        errors["user_dictionary"] = f"A word in your dictionary is too long (at most {MAX_NAME} characters)."
    return errors


def contact_warnings(interviewer: Interviewer) -> list[str]:
    """Allowed, but worth knowing: the plan works around what is missing."""
    warnings = []
    if not interviewer.email.strip():
        warnings.append(
            "No email: the thank-you becomes a call the next business day, and status checks use the phone."
        )
    if not interviewer.email.strip() and not interviewer.phone.strip():
        warnings.append("No email and no phone: there is no way to follow up with this person.")
    return warnings
