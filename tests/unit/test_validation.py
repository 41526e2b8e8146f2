from datetime import date, datetime

import pytest

from followup.model import Application, Interview, Interviewer
from followup.validation import (
    contact_warnings,
    validate_application,
    validate_interview,
    validate_interviewer,
)


def test_company_and_role_are_required():
    assert validate_application(Application("  ", "")) == {
        "company": "Company is required.",
        "role": "Role is required.",
    }
    assert validate_application(Application("Acme", "Analyst")) == {}


@pytest.mark.parametrize("link", ["acme.com/jobs", "javascript:alert(1)", "ftp://x.org", "https://"])
def test_job_links_must_be_web_addresses(link):
    assert "job_link" in validate_application(Application("Acme", "Analyst", job_link=link))


def test_very_long_text_is_refused_with_its_length():
    errors = validate_application(Application("A" * 201, "Analyst", notes="x" * 20_001))
    assert "201 characters" in errors["company"]
    assert "20,001" in errors["notes"]


def test_a_decision_before_the_interview_is_explained():
    interview = Interview(1, datetime(2026, 11, 20, 10), decision_by=date(2026, 11, 19))
    errors = validate_interview(interview, today=date(2026, 11, 22))
    assert errors == {
        "decision_by": "The decision date (19 Nov 2026) is before the interview (20 Nov 2026); "
        "a decision comes after the interview."
    }


def test_interview_dates_far_out_are_flagged():
    assert "starts_at" in validate_interview(Interview(1, datetime(2029, 1, 1, 9)), today=date(2026, 11, 22))
    assert "starts_at" in validate_interview(Interview(1, datetime(1999, 1, 1, 9)), today=date(2026, 11, 22))
    assert validate_interview(Interview(1, datetime(2026, 11, 22, 9)), today=date(2026, 11, 22)) == {}


@pytest.mark.parametrize(
    "email, ok",
    [
        ("dana@acme.example", True),
        ("zoë@exämple.de", True),
        ("dana@", False),
        ("dana acme.com", False),
        ("<script>@x.com", False),
        ("a@b.c", False),
    ],
)
def test_email_shape(email, ok):
    assert ("email" not in validate_interviewer(Interviewer(1, "Dana", email=email))) is ok


@pytest.mark.parametrize(
    "phone, ok",
    [
        ("+1 (415) 555-0142", True),
        ("020 7946 0000 ext. 12", True),
        ("555", False),
        ("call me", False),
        ("+1 415 555 0142 0000 0000", False),
    ],
)
def test_phone_shape(phone, ok):
    assert ("phone" not in validate_interviewer(Interviewer(1, "Dana", phone=phone))) is ok


def test_a_missing_email_is_allowed_but_flagged():
    person = Interviewer(1, "Dana", phone="+1 415 555 0142")
    assert validate_interviewer(person) == {}
    assert any("No email" in w for w in contact_warnings(person))
    assert contact_warnings(Interviewer(1, "Dana", email="d@acme.example")) == []
