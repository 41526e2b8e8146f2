"""Checks on what the user typed, before anything is saved.

Each function returns {field: message}; empty means the input can be saved.
Messages say what to do, in plain words, and are shown beside the field.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from urllib.parse import urlparse

from followup import clock
from followup.model import Application, Interview, Interviewer

MAX_NAME = 200
MAX_TEXT = 20_000
EMAIL_SHAPE = re.compile(r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;.]{2,}$")
PHONE_CHARACTERS = re.compile(r"^\+?[\d\s().\-/]+(\s*(x|ext\.?)\s*\d+)?$", re.IGNORECASE)
# "Ms.", "Dr.", "Prof.", "Mx", "Frau Dr."; empty is allowed.
SALUTATION = re.compile(r"^(?:[^\W\d_]+\.?(?: [^\W\d_]+\.?){0,2})?$")
# Interviews are planned at most this far ahead; a later date is almost always a typo.
FURTHEST_FUTURE = timedelta(days=365)
EARLIEST_YEAR = 2000


def _required(errors: dict[str, str], field: str, value: str, label: str) -> None:
    if not value.strip():
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
    if interview.decision_by is not None and interview.decision_by < starts.date():
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
