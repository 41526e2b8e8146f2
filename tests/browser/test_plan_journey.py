"""The follow-up plan in a real browser: log an unanswered call, see the next one; download the calendar."""

from datetime import date, datetime

import pytest
import vobject
from playwright.sync_api import expect

from followup import planning
from followup.model import (
    ActionKind,
    ActionStatus,
    Application,
    AttemptOutcome,
    CallsWelcome,
    Interview,
    Interviewer,
)
from followup.sample import load_sample
from followup.store import Store
from tests.browser.conftest import screenshot, settle

TALL = {"width": 1280, "height": 2200}


def _type_date(page, label: str, day: date) -> None:
    """Streamlit's date field is three spin buttons (year, month, day): type into each, then leave it."""
    for part, value in (("year", f"{day.year}"), ("month", f"{day.month:02}"), ("day", f"{day.day:02}")):
        page.get_by_role("spinbutton", name=f"{part}, {label}").click()
        page.keyboard.type(value)
    page.keyboard.press("Tab")
    settle(page)


@pytest.fixture
def store(app_server, tmp_path):
    """The database the running app uses (the app_server fixture puts it in tmp_path)."""
    opened = Store.open(f"sqlite:///{tmp_path / 'followup.db'}")
    yield opened
    opened.close()


@pytest.fixture
def thanked(store):
    """Interviewed Mon 2026-11-02 by Dana Lee; the thank-you email went out that day."""
    application = Application("Acme", "Data Analyst")
    store.add_application(application)
    interview = Interview(application.id, datetime(2026, 11, 2, 10), calls_welcome=CallsWelcome.YES)
    store.add_interview(interview)
    store.add_interviewer(
        Interviewer(interview.id, "Dana Lee", "Head of Data", "dana@acme.example", "+1 555 0101")
    )
    planning.replan(store, application.id)
    [thanks] = [a for a in store.list_actions(application.id) if a.kind is ActionKind.THANK_YOU_EMAIL]
    planning.log_attempt(store, thanks, AttemptOutcome.SENT, on=date(2026, 11, 2))
    return application


def test_no_answer_on_the_status_check_brings_up_the_next_one(app_server, page, store, thanked):
    page.goto(f"{app_server.url}/plan")
    settle(page)
    card = page.locator(".st-key-plan-next-up")
    expect(card.get_by_text("Check on the status (attempt 1)")).to_be_visible()
    expect(card.get_by_text("Due Mon 9 Nov")).to_be_visible()
    expect(
        card.get_by_text("I am calling to follow up on my interview and the status of my application").first
    ).to_be_visible()

    _type_date(page, "Logged on", date(2026, 11, 10))
    card.get_by_role("button", name="No answer", exact=True).click()
    settle(page)

    # Five business days after Tue 10 Nov, with Veterans Day (Wed 11 Nov) off.
    expect(page.get_by_text("Next status check: Wed 18 Nov.")).to_be_visible()
    card = page.locator(".st-key-plan-next-up")
    expect(card.get_by_text("Check on the status (attempt 2)")).to_be_visible()
    expect(card.get_by_text("Due Wed 18 Nov")).to_be_visible()
    [logged] = [
        a for a in store.list_actions(thanked.id, ActionStatus.DONE) if a.kind is ActionKind.STATUS_CHECK
    ]
    assert (logged.outcome, logged.done_on) == (AttemptOutcome.NO_ANSWER, date(2026, 11, 10))
    page.set_viewport_size(TALL)
    page.get_by_role("heading", name="Follow-up plan").scroll_into_view_if_needed()
    screenshot(page, "plan-no-answer-logged")

    page.reload()
    settle(page)
    card = page.locator(".st-key-plan-next-up")
    expect(card.get_by_text("Due Wed 18 Nov")).to_be_visible()


def test_the_sample_plan_and_its_calendar_download(app_server, page, store):
    load_sample(store)
    northwind = next(a for a in store.list_applications() if a.company == "Northwind Analytics")
    page.set_viewport_size(TALL)
    page.goto(f"{app_server.url}/plan")
    settle(page)
    page.get_by_label("Application", exact=True).click()
    page.get_by_role("option", name="Northwind Analytics — Data Analyst").click()
    settle(page)
    expect(page.get_by_text("Next up")).to_be_visible()
    screenshot(page, "plan-sample")

    with page.expect_download() as downloaded:
        page.get_by_role("button", name="This application (.ics)").click()
    ics = downloaded.value.path().read_bytes()
    events = vobject.readOne(ics.decode("utf-8")).vevent_list
    planned = store.list_actions(northwind.id, ActionStatus.PLANNED)
    assert len(events) == len(planned) > 0
    assert all("Northwind Analytics" in e.summary.value for e in events)

    page.get_by_text("Plan settings").click()
    expect(page.get_by_text("Moderate (default)")).to_be_visible()
    expect(page.get_by_role("button", name="Save settings")).to_be_in_viewport()
    page.wait_for_timeout(500)  # let the expander finish opening before the picture
    screenshot(page, "plan-settings")
