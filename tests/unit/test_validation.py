from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.model import Application, Interview, Interviewer
from followup.validation import (
    canonical_country,
    clean_text,
    clean_texts,
    contact_warnings,
    country_problem,
    date_problem,
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


@pytest.mark.parametrize(
    "text, one_line, multi_line",
    [
        ("plain text", "plain text", "plain text"),
        ("NUL\x00 ESC\x1b[31m BEL\x07 DEL\x7f", "NUL ESC[31m BEL DEL", "NUL ESC[31m BEL DEL"),
        (
            "to@x.example\r\nBcc: all@x.example",
            "to@x.example Bcc: all@x.example",
            "to@x.example\nBcc: all@x.example",
        ),
        ("a\rb\x85c\u2028d\u2029e", "a b c d e", "a\nb\nc\nd\ne"),
        ("tab\there\n\nend", "tab here end", "tab\there\n\nend"),
        ("C1\x9b[2J and \x80\x9f", "C1[2J and ", "C1[2J and "),
        ("lone \ud800 surrogate \udfff", "lone  surrogate ", "lone  surrogate "),
        ("zoë 🎉 Ωmega\u200d", "zoë 🎉 Ωmega\u200d", "zoë 🎉 Ωmega\u200d"),
    ],
)
def test_control_characters_go_and_one_line_fields_stay_on_one_line(text, one_line, multi_line):
    assert clean_text(text, multiline=False) == one_line
    assert clean_text(text, multiline=True) == multi_line
    # The same, checked a whole column at a time (a restore's way), among clean texts and nothing.
    column = ["clean", None, text, "also clean"]
    assert clean_texts(column, multiline=False) == ["clean", None, one_line, "also clean"]
    assert clean_texts(column, multiline=True) == ["clean", None, multi_line, "also clean"]


@pytest.mark.parametrize(
    "value, ok",
    [
        (date(1970, 1, 1), True),
        (date(2100, 12, 31), True),
        (datetime(2100, 12, 31, 23, 59), True),
        (date(1969, 12, 31), False),
        (date(2101, 1, 1), False),
        (date(9999, 12, 31), False),
        (datetime(1, 1, 1, 0, 0), False),
        (None, True),
    ],
)
def test_dates_lie_between_1970_and_2100(value, ok):
    assert (date_problem(value) is None) is ok


@pytest.mark.parametrize("code, canonical", [("US", "US"), (" gb ", "GB"), ("deu", "DE"), ("USA", "US")])
def test_country_codes_the_holiday_library_knows(code, canonical):
    assert country_problem(code) is None
    assert canonical_country(code) == canonical


@pytest.mark.parametrize("code", ["XX", "", "  ", "U.S.", None, 7, "ZZZ"])
def test_other_country_codes_are_refused_in_words(code):
    assert "country" in country_problem(code)


def test_a_name_of_control_characters_alone_is_no_name():
    assert validate_application(Application("\x1b\x00", "Analyst")) == {"company": "Company is required."}


def test_a_decision_date_out_of_range_is_flagged_before_it_is_compared():
    interview = Interview(1, datetime(2026, 11, 20, 10), decision_by=date(9999, 1, 1))
    assert (
        "outside the years 1970 to 2100"
        in validate_interview(interview, today=date(2026, 11, 22))["decision_by"]
    )


_TEXTS = st.lists(
    st.one_of(
        st.none(),
        st.text(),  # any code point, lone surrogates too
        st.text(st.characters(max_codepoint=127)),  # the ASCII texts nearly every restore holds
        st.text(st.sampled_from("ab \t\n\r\x00\x1f\x7f")),  # ASCII, checked as bytes
        st.text(st.sampled_from("ab é\x85\x9f\u2028\t")),  # the others, checked by the pattern
    ),
    max_size=8,
)


@settings(max_examples=400)
@given(texts=_TEXTS, multiline=st.booleans())
def test_a_column_is_cleaned_as_each_of_its_texts_is(texts, multiline):
    assert clean_texts(texts, multiline=multiline) == [
        None if text is None else clean_text(text, multiline=multiline) for text in texts
    ]
