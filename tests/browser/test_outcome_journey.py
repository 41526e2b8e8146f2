"""The Outcome page in a real browser: withdraw, and every planned check is gone; each outcome's advice."""

from dataclasses import replace
from datetime import datetime, time, timedelta
from urllib.parse import quote

import pytest
import vobject
from playwright.sync_api import expect

from followup import clock, planning
from followup.model import (
    ActionKind,
    ActionStatus,
    Application,
    AttemptOutcome,
    CallsWelcome,
    Interview,
    Interviewer,
    Status,
)
from followup.store import Store
from tests.browser.conftest import screenshot, settle

TALL = {"width": 1280, "height": 2000}


@pytest.fixture
def store(app_server, tmp_path):
    """The database the running app uses (the app_server fixture puts it in tmp_path)."""
    opened = Store.open(f"sqlite:///{tmp_path / 'followup.db'}")
    yield opened
    opened.close()


def _waiting(store, company: str) -> Application:
    """Interviewed ten days ago by Dana Lee and Sam Ito, both thanked; the first status call went
    unanswered, so three status checks (and the close after them) are planned."""
    today = clock.today()
    store.save_settings(replace(store.get_settings(), signature="Alex Doe\n+1 555 0199"))
    application = Application(company, "Data Analyst")
    store.add_application(application)
    interview = Interview(
        application.id, datetime.combine(today - timedelta(days=10), time(10)), calls_welcome=CallsWelcome.YES
    )
    store.add_interview(interview)
    store.add_interviewer(
        Interviewer(interview.id, "Dana Lee", "Head of Data", "dana@acme.example", "+1 555 0101")
    )
    store.add_interviewer(Interviewer(interview.id, "Sam Ito", "Data Engineer", "sam@acme.example"))
    planning.replan(store, application.id)
    for thanks in [a for a in store.list_actions(application.id) if a.kind is ActionKind.THANK_YOU_EMAIL]:
        planning.log_attempt(store, thanks, AttemptOutcome.SENT, on=today - timedelta(days=10))
    first = _checks(store, application)[0]
    planning.log_attempt(store, first, AttemptOutcome.NO_ANSWER, on=min(first.due, today))
    assert len(_checks(store, application)) == 3
    return application


def _checks(store, application):
    planned = store.list_actions(application.id, ActionStatus.PLANNED)
    return [a for a in planned if a.kind is ActionKind.STATUS_CHECK]


def _outcome_page(app_server, page, application: Application) -> None:
    page.goto(f"{app_server.url}/outcome?application={quote(f'{application.company} — {application.role}')}")
    settle(page)
    expect(page.get_by_role("heading", name="Outcome", exact=True)).to_be_visible()


def _record(page, label: str, picture: str = "") -> None:
    page.get_by_test_id("stRadio").get_by_text(label, exact=True).click()
    settle(page)
    if picture:
        page.locator(".st-key-outcome-record").scroll_into_view_if_needed()
        screenshot(page, picture)
    page.get_by_role("button", name=f"Record: {label.lower()}").click()
    settle(page)
    expect(page.get_by_text("Recorded:")).to_be_visible()


def _ics_summaries(page, button: str) -> list[str]:
    with page.expect_download() as downloaded:
        page.get_by_role("button", name=button).click()
    calendar = vobject.readOne(downloaded.value.path().read_bytes().decode("utf-8"))
    return [event.summary.value for event in getattr(calendar, "vevent_list", [])]


def test_withdrawing_cancels_the_checks_everywhere_and_readies_the_letter(app_server, page, store):
    acme = _waiting(store, "Acme")
    page.set_viewport_size(TALL)
    _outcome_page(app_server, page, acme)
    expect(page.get_by_text("No answer yet.")).to_be_visible()

    _record(page, "Withdrawal")
    expect(page.get_by_text("Why leaving them guessing burns a bridge")).to_be_visible()
    expect(page.get_by_text("Stage: Withdrawn")).to_be_visible()
    now = page.locator(".st-key-outcome-now")
    expect(now.get_by_text("Withdraw politely")).to_be_visible()
    expect(now.get_by_text("Check on the status")).to_have_count(0)
    assert store.get_application(acme.id).status is Status.WITHDRAWN
    assert [a.kind for a in store.list_actions(acme.id, ActionStatus.PLANNED)] == [ActionKind.WITHDRAWAL]
    screenshot(page, "outcome-withdrawal")

    # The plan: the withdrawal letter is next, no status check is left, and neither calendar file has one.
    page.get_by_role("link", name="Open the follow-up plan").click()
    settle(page)
    expect(page.get_by_role("heading", name="Follow-up plan")).to_be_visible()
    expect(page.locator(".st-key-plan-next-up").get_by_text("Withdraw politely")).to_be_visible()
    # Only the unanswered call is left, in the list of what was done.
    planned = page.get_by_test_id("stMarkdown").filter(has_not=page.locator("li"))
    expect(planned.filter(has_text="Check on the status")).to_have_count(0)
    expect(page.locator("li").filter(has_text="Check on the status")).to_have_count(1)
    for button in ("This application (.ics)", "All applications (.ics)"):
        assert _ics_summaries(page, button) == [
            "Tell Dana Lee at Acme you are withdrawing your Data Analyst application"
        ]

    # The overview: the withdrawal is the next action, and the timeline draws no planned check.
    page.goto(f"{app_server.url}/overview")
    settle(page)
    table = page.get_by_test_id("stDataFrame")
    expect(table.locator("td", has_text="Withdraw politely")).to_have_count(1)
    expect(table.locator("td", has_text="Withdrawn")).to_have_count(1)
    expect(table.locator("td", has_text="Check on the status")).to_have_count(0)
    expect(page.get_by_test_id("stVegaLiteChart").locator("svg, canvas").first).to_be_visible()
    page.wait_for_timeout(500)
    screenshot(page, "outcome-withdrawal-overview")

    # The letter: one click from the Outcome page to the withdrawal letter to Dana, drafted and checked.
    _outcome_page(app_server, page, acme)
    page.get_by_role("button", name="Write the withdrawal letter").click()
    settle(page)
    expect(page.get_by_role("heading", name="Letters")).to_be_visible()
    expect(page.get_by_role("combobox", name="Which letter")).to_have_value("Withdrawal")
    expect(page.get_by_role("combobox", name="Write to")).to_have_value("Dana Lee · Head of Data")
    page.get_by_role("button", name="Draft a letter").click()
    settle(page)
    letter = page.get_by_label("Letter", exact=True)
    assert "no longer interested" in letter.input_value()
    expect(page.get_by_label("To (email address)")).to_have_value("dana@acme.example")
    expect(page.get_by_text("Nothing to fix")).to_be_visible()
    expect(page.get_by_role("link", name="Open in my mail program")).to_be_visible()
    expect(page.get_by_role("button", name="Mark as sent")).to_be_visible()
    screenshot(page, "outcome-withdrawal-letter")

    page.get_by_role("button", name="Mark as sent").click()
    settle(page)
    assert store.list_actions(acme.id, ActionStatus.PLANNED) == []
    assert store.get_application(acme.id).status is Status.WITHDRAWN


@pytest.mark.parametrize(
    ("label", "expected", "planned"),
    [
        ("Offer", "thank-you after the offer", {ActionKind.OFFER_THANKS, ActionKind.ANSWER_OFFER}),
        (
            "Rejection",
            "Rejected, staying in touch",
            {ActionKind.THANKS_FOR_CONSIDERATION, ActionKind.STAY_IN_TOUCH},
        ),
        ("Closed without an answer", "A last friendly note is up to you", set()),
        ("Back in the running", "Record a new interview", {ActionKind.STATUS_CHECK, ActionKind.CLOSE}),
    ],
)
def test_each_outcome_shows_its_advice_and_next_steps(
    today, app_server, page, store, label, expected, planned
):
    application = _waiting(store, "Acme")
    if label == "Back in the running":
        planning.record_outcome(store, application.id, AttemptOutcome.REJECTION, on=today - timedelta(days=1))
    page.set_viewport_size(TALL)
    _outcome_page(app_server, page, application)

    _record(page, label, picture="outcome-form-rejection" if label == "Rejection" else "")
    expect(page.get_by_text(f"{label}: what to do now")).to_be_visible()
    expect(page.get_by_text(expected).first).to_be_visible()
    assert {a.kind for a in store.list_actions(application.id, ActionStatus.PLANNED)} == planned
    screenshot(page, f"outcome-{label.lower().replace(' ', '-')}")
