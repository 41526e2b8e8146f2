"""No loose ends between pages: a follow-up and its letter are one thing, ticks mean done, links land
where they point, and a refresh keeps what was typed before the first save."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from playwright.sync_api import expect

from followup import clock, planning
from followup.model import (
    ActionKind,
    ActionStatus,
    Application,
    CallsWelcome,
    Interview,
    Interviewer,
    Letter,
    LetterKind,
    LetterStatus,
)
from followup.store import Store
from tests.browser.conftest import screenshot, settle
from tests.browser.fields import sidebar

UNCHECKED = "radio_button_unchecked"
CHECKED = "check_circle"


@pytest.fixture
def acme(app_server):
    """Interviewed yesterday by Dana Lee, who has an email; her thank-you drafted, not sent."""
    store = Store.open(app_server.env["FOLLOWUP_DATABASE_URL"])
    application = Application("Acme Analytics", "Data Analyst")
    store.add_application(application)
    yesterday = clock.today() - timedelta(days=1)
    interview = Interview(
        application.id, datetime.combine(yesterday, time(10)), calls_welcome=CallsWelcome.YES
    )
    store.add_interview(interview)
    dana = Interviewer(interview.id, "Dana Lee", "Head of Data", "dana@acme.example")
    store.add_interviewer(dana)
    planning.replan(store, application.id)
    letter = Letter(
        application.id,
        LetterKind.THANK_YOU_EMAIL,
        recipient=dana.email,
        subject="Thank you",
        body="Dear Dana,\n\nThank you for your time yesterday.\n\nBest regards",
        interviewer_id=dana.id,
    )
    store.add_letter(letter)
    yield store, application, letter
    store.close()


def _thank_you(store, application):
    [action] = [a for a in store.list_actions(application.id) if a.kind is ActionKind.THANK_YOU_EMAIL]
    return action


def _step(page, label: str):
    return page.locator(".st-key-journey-steps").get_by_role("link", name=label)


def test_done_on_the_plan_is_sent_on_letters_and_undone_there_is_planned_again(app_server, page, acme):
    store, application, letter = acme
    page.set_viewport_size({"width": 1280, "height": 1400})
    page.goto(f"{app_server.url}/plan")
    settle(page)
    action = _thank_you(store, application)
    page.locator(f".st-key-plan-done-{action.id} button").click()
    settle(page)
    assert _thank_you(store, application).status is ActionStatus.DONE

    sidebar(page, "3 · Letters")
    # Dana is thanked: the Letters step is done. The plan was opened and made, but its status
    # checks are all still ahead: no tick for it.
    expect(page.get_by_text("1 of 5 steps done for this interview")).to_be_visible()
    expect(_step(page, "3 · Letters")).to_contain_text(CHECKED)
    expect(_step(page, "4 · Follow-up plan")).to_contain_text(UNCHECKED)
    sent = store.get_letter(letter.id)
    assert (sent.status, sent.sent_on) == (LetterStatus.SENT, clock.today())
    expect(page.get_by_text(f"Sent on {clock.today():%A %d %B %Y}.")).to_be_visible()
    expect(page.locator(f".st-key-letters-sent-{letter.id}")).to_have_count(0)
    expect(page.get_by_text("left to send it today")).to_have_count(0)
    screenshot(page, "one-truth-letters-sent")

    # Marked by mistake: undo, on the Letters page.
    page.get_by_role("button", name="Not sent after all: undo").click()
    settle(page)
    assert store.get_letter(letter.id).status is LetterStatus.DRAFT
    expect(page.locator(f".st-key-letters-sent-{letter.id} button")).to_be_visible()
    expect(page.get_by_text("0 of 5 steps done for this interview")).to_be_visible()

    sidebar(page, "4 · Follow-up plan")
    again = _thank_you(store, application)
    assert (again.id, again.status) == (action.id, ActionStatus.PLANNED)
    expect(page.locator(f".st-key-plan-done-{action.id} button")).to_be_visible()

    # And the other way round: sent on Letters is done on the plan.
    sidebar(page, "3 · Letters")
    page.locator(f".st-key-letters-sent-{letter.id} button").click()
    settle(page)
    assert _thank_you(store, application).status is ActionStatus.DONE
    sidebar(page, "4 · Follow-up plan")
    expect(page.locator(f".st-key-plan-done-{action.id}")).to_have_count(0)
    expect(page.get_by_text("Send the thank-you email · Dana Lee · Done")).to_be_visible()


def test_the_settings_link_on_letters_opens_the_settings(app_server, page, acme):
    page.goto(f"{app_server.url}/letters")
    settle(page)
    page.get_by_role("button", name="Open the follow-up plan's settings").click()
    settle(page)
    expect(page.get_by_role("heading", name="Follow-up plan", level=1)).to_be_visible()
    name = page.get_by_role("textbox", name="Your name for letters and call scripts")
    expect(name).to_be_visible()
    phone = page.get_by_role("textbox", name="Your phone number, for voicemail messages")
    expect(phone).to_be_visible()
    name.fill("Alex Morgan")
    phone.fill("+1 555 0199")
    page.get_by_role("button", name="Save settings").click()
    settle(page)
    store, _, _ = acme
    assert store.get_settings().signature == "Alex Morgan\n+1 555 0199"


def test_a_refresh_before_starting_keeps_the_company_and_role_typed(app_server, page):
    page.goto(f"{app_server.url}/close_interview")
    settle(page)
    company, role = page.get_by_label("Company *"), page.get_by_label("Role *")
    company.click()
    page.keyboard.type("Northwind Analytics")
    page.keyboard.press("Tab")
    settle(page)
    # The role is still in its box, not yet sent, when the page is refreshed.
    role.click()
    page.keyboard.type("Data Analyst")
    page.reload()
    settle(page)
    expect(page.get_by_label("Company *")).to_have_value("Northwind Analytics")
    expect(page.get_by_label("Role *")).to_have_value("Data Analyst")
    page.get_by_role("button", name="Start with this interview").click()
    settle(page)
    store = Store.open(app_server.env["FOLLOWUP_DATABASE_URL"])
    try:
        assert [(a.company, a.role) for a in store.list_applications()] == [
            ("Northwind Analytics", "Data Analyst")
        ]
    finally:
        store.close()
