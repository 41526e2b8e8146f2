"""A new user closes an interview with three interviewers and debriefs each of them.

Nothing typed may be lost: not when switching pages, not on a refresh, not
when the server restarts.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from followup.business_days import Region
from followup.model import CallsWelcome, Channel, Formality
from followup.store import Store
from followup.timeline_words import decision_date
from tests.browser.conftest import ARTIFACTS, settle

XSS_NAME = "<img src=x onerror=alert(1)> [x](javascript:alert(1))"
ANSWERS = {
    "next_steps": "Two more candidates, then references",
    "second_round": "Yes, with the CFO",
    "anything_else": "Two references & a writing sample",
    "qualifications_view": "Strong on reporting; unsure about leading a team",
}
CARDS = [
    {
        "name": "Priya Raman",
        "title": "Head of Analytics",
        "email": "priya@northwind.example",
        "phone": "+1 415 555 0142",
    },
    {"name": "Tomás Ortega", "title": "Senior Data Engineer", "email": "", "phone": "+1 415 555 0100"},
    {"name": XSS_NAME, "title": "HR Business Partner", "email": "grace@northwind.example", "phone": ""},
]
NOTES = [
    {
        "liked": "the churn dashboard",
        "concerns": "no dbt in production",
        "topics": "self-serve reporting",
        "to_stress": "training colleagues",
        "answer_to_amend": "it was 40 TB, not 4",
        "rapport": "Chicago marathon",
        "samples": "the dashboard deck",
    },
    {"liked": "testing data pipelines", "rapport": "we both started in physics"},
    {"concerns": "six weeks' notice", "samples": "article on hybrid teams"},
]


@pytest.fixture
def store(tmp_path):
    """The same database file the app_server fixture gives the app."""
    opened = Store.open(f"sqlite:///{tmp_path / 'followup.db'}")
    yield opened
    opened.close()


def _field(page, key: str):
    return page.locator(f".st-key-{key}").locator("input, textarea").first


def _type(page, key: str, text: str) -> None:
    """Type into a field and leave it, as a user does; leaving is what saves."""
    field = _field(page, key)
    field.fill(text)
    field.press("Tab")
    settle(page)


def _choose(page, key: str, option: str) -> None:
    page.locator(f".st-key-{key}").get_by_text(option, exact=True).click()
    settle(page)


def _sidebar(page, name: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_text(name, exact=True).click()
    settle(page)


def _step_link(page, name: str):
    """A step of the progress indicator (also a link to its page)."""
    return page.locator(".st-key-journey-steps").get_by_role("link", name=name)


def _tall_screenshot(page, name: str) -> None:
    """The whole page: Streamlit scrolls inside its own container, so grow the window to fit."""
    size = page.viewport_size
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": int(height) + 40})
    page.wait_for_timeout(500)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(Path(ARTIFACTS) / f"{name}.png"))
    page.set_viewport_size(size)


def _check_close_page(page, interview, people) -> None:
    expect(page.get_by_role("heading", name="Close the interview")).to_be_visible()
    expect(_field(page, f"close-interview-{interview.id}-decision_timeline-value")).to_have_value(
        "by the end of next week"
    )
    # Read as the page reads it, with the holidays of the default region (the United States).
    expected = decision_date("by the end of next week", interview.starts_at.date(), Region("US"))
    decision_by = _field(page, f"close-interview-{interview.id}-decision_by-value")
    expect(decision_by).to_have_value(f"{expected:%Y-%m-%d}")
    for field, answer in ANSWERS.items():
        expect(_field(page, f"close-interview-{interview.id}-{field}-value")).to_have_value(answer)
    calls = page.locator(f".st-key-close-interview-{interview.id}-calls_welcome-value")
    expect(calls.get_by_role("radio", name="No, they prefer no calls")).to_be_checked()
    for person, card in zip(people, CARDS, strict=True):
        for field, value in card.items():
            expect(_field(page, f"close-interviewer-{person.id}-{field}-value")).to_have_value(value)
    expect(page.get_by_text("No email: the thank-you becomes a call")).to_have_count(1)
    card = page.locator(f".st-key-close-card-{people[2].id}")
    expect(card.get_by_role("heading")).to_contain_text(XSS_NAME)


def _check_debrief_page(page, people) -> None:
    expect(page.get_by_role("heading", name="Debrief", exact=True)).to_be_visible()
    for person, notes in zip(people, NOTES, strict=True):
        for field, text in notes.items():
            expect(_field(page, f"debrief-{person.id}-{field}-value")).to_have_value(text)
    expect(page.get_by_role("heading", name=XSS_NAME)).to_be_visible()


def test_close_and_debrief_three_interviewers_and_lose_nothing(app_server, page, store):
    alerts: list[str] = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
    page.goto(app_server.url)
    settle(page)
    _sidebar(page, "1 · Close the interview")

    # Where and when.
    expect(page.get_by_text("Where did you just interview?")).to_be_visible()
    page.get_by_label("Company *").fill("Northwind Analytics")
    page.get_by_label("Role *").fill("Data Analyst")
    page.get_by_role("button", name="Start with this interview").click()
    settle(page)
    expect(page.get_by_text("0 of 5 steps done for this interview")).to_be_visible()
    [interview] = store.list_interviews()

    # The closing questions.
    _type(page, f"close-interview-{interview.id}-decision_timeline-value", "by the end of next week")
    expect(page.get_by_text("Read as")).to_be_visible()
    expect(page.get_by_text("Saved at")).to_be_visible()
    for field, answer in ANSWERS.items():
        _type(page, f"close-interview-{interview.id}-{field}-value", answer)
    _choose(page, f"close-interview-{interview.id}-calls_welcome-value", "No, they prefer no calls")
    _choose(page, f"close-interview-{interview.id}-preferred_channel-value", "Email")

    # A business card for every interviewer, with a typo caught on the way.
    for card in CARDS:
        _type(page, f"close-new-interviewer-{interview.id}-name", card["name"])
    expect(page.get_by_role("heading").filter(has_text=XSS_NAME)).to_be_visible()
    people = store.list_interviewers(interview.id)
    assert [p.name for p in people] == [card["name"] for card in CARDS]
    _type(page, f"close-interviewer-{people[0].id}-email-value", "priya@northwind")
    expect(page.get_by_text("This does not look like an email address")).to_be_visible()
    for person, card in zip(people, CARDS, strict=True):
        for field in ("title", "email", "phone"):
            if card[field]:
                _type(page, f"close-interviewer-{person.id}-{field}-value", card[field])
    expect(page.get_by_text("This does not look like an email address")).to_have_count(0)
    _choose(page, f"close-application-{interview.application_id}-formality-value", "Formal")
    expect(page.get_by_text("1 of 5 steps done for this interview")).to_be_visible()
    _tall_screenshot(page, "journey-close-interview")

    # Straight on to the debrief.
    page.get_by_role("button", name="Next: 2 · Debrief").click()
    settle(page)
    expect(page.get_by_text("Your interview began")).to_be_visible()
    for person, notes in zip(people, NOTES, strict=True):
        for field, text in notes.items():
            _type(page, f"debrief-{person.id}-{field}-value", text)
    expect(page.get_by_text("2 of 5 steps done for this interview")).to_be_visible()
    _tall_screenshot(page, "journey-debrief")

    saved = store.get_interview(interview.id)
    assert (saved.calls_welcome, saved.preferred_channel) == (CallsWelcome.NO, Channel.EMAIL)
    assert store.get_application(interview.application_id).formality == Formality.FORMAL
    assert store.list_notes(interview.id)[people[0].id].answer_to_amend == "it was 40 TB, not 4"

    # Away and back.
    _sidebar(page, "Applications")
    _sidebar(page, "2 · Debrief")
    _check_debrief_page(page, people)
    _sidebar(page, "1 · Close the interview")
    _check_close_page(page, interview, people)

    # A refresh.
    page.reload()
    settle(page)
    _check_close_page(page, interview, people)

    # A server restart.
    app_server.restart()
    page.goto(f"{app_server.url}/debrief")
    settle(page)
    _check_debrief_page(page, people)
    _step_link(page, "1 · Close the interview").click()
    settle(page)
    _check_close_page(page, interview, people)

    assert alerts == []
    expect(page.locator('img[src="x"]')).to_have_count(0)

    # And on a phone, where this is meant to be used.
    page.set_viewport_size({"width": 390, "height": 844})
    settle(page)
    _tall_screenshot(page, "journey-close-interview-phone")
    expect(page.get_by_role("button", name="Next: 3 · Letters")).to_be_visible()
    _step_link(page, "2 · Debrief").click()
    settle(page)
    _check_debrief_page(page, people)
    _tall_screenshot(page, "journey-debrief-phone")


def test_a_second_round_stays_chosen_across_pages_and_a_refresh(app_server, page, store):
    page.goto(f"{app_server.url}/close_interview")
    settle(page)
    page.get_by_label("Company *").fill("Bluebird Accounting")
    page.get_by_label("Role *").fill("Staff Accountant")
    page.get_by_role("button", name="Start with this interview").click()
    settle(page)
    expect(page.get_by_text("0 of 5 steps done for this interview")).to_be_visible()
    [first] = store.list_interviews()
    _type(page, f"close-new-interviewer-{first.id}-name", "Round one person")

    page.get_by_text("Another round here").click()
    page.get_by_role("button", name="Add this round").click()
    settle(page)
    expect(page.get_by_label("Interview", exact=True)).to_have_value(re.compile(r"^Round 2 "))
    first, second = store.list_interviews()
    assert second.round == 2
    _type(page, f"close-new-interviewer-{second.id}-name", "Round two person")
    expect(page.get_by_role("heading", name="Round two person")).to_be_visible()
    expect(page.get_by_role("heading", name="Round one person")).to_have_count(0)

    _sidebar(page, "2 · Debrief")
    expect(page.get_by_role("heading", name="Round two person")).to_be_visible()
    page.reload()
    settle(page)
    expect(page.get_by_role("heading", name="Round two person")).to_be_visible()
    expect(page.get_by_role("heading", name="Round one person")).to_have_count(0)
