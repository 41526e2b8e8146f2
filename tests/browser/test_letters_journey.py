"""Draft a thank-you, edit it, refresh and restart, then mark it sent and find it done on the plan."""

import re
from urllib.parse import quote

from playwright.sync_api import expect

from followup import planning
from followup.sample import curated
from followup.store import Store
from tests.browser.conftest import screenshot, settle

NORTHWIND = "Northwind Analytics — Data Analyst"
EDIT = "PS: Good luck in Chicago, and thank you again."


def _letters_page(app_server, page):
    page.goto(f"{app_server.url}/letters?application={quote(NORTHWIND)}")
    settle(page)
    return page.get_by_role("tabpanel").filter(visible=True)


def test_a_draft_survives_refresh_and_restart_and_sending_moves_the_plan(today, app_server, page):
    # The sample's panel of three with its notes, and a plan with nothing done yet
    # (the full sample's history depends on the day of the week).
    northwind = curated(today)[0]
    store = Store.open(app_server.env["FOLLOWUP_DATABASE_URL"])
    try:
        store.add_bundles([northwind])
        planning.replan(store, northwind.application.id)
    finally:
        store.close()

    tab = _letters_page(app_server, page)
    expect(page.get_by_role("tab", name="Priya Raman")).to_have_attribute("aria-selected", "true")
    tab.get_by_role("button", name="Draft a letter").click()
    settle(page)
    letter = tab.get_by_label("Letter", exact=True)
    # Read once the draft's rerun has drawn it: on a busy machine that rerun can start after settle.
    expect(letter).to_have_value(re.compile(r"^Hi Priya,"))
    screenshot(page, "letters-drafted")

    letter.fill(letter.input_value() + "\n" + EDIT)
    page.get_by_role("heading", name="Letters").click()  # leaving the box saves it
    settle(page)
    expect(tab.get_by_text("Saved at")).to_be_visible()

    page.reload()
    tab = _letters_page(app_server, page)
    expect(tab.get_by_label("Letter", exact=True)).to_have_value(re.compile(re.escape(EDIT) + "$"))

    app_server.restart()
    tab = _letters_page(app_server, page)
    expect(tab.get_by_label("Letter", exact=True)).to_have_value(re.compile(re.escape(EDIT) + "$"))

    tab.get_by_role("button", name="Mark as sent").click()
    settle(page)
    expect(tab.get_by_text("Sent on")).to_be_visible()
    expect(tab.get_by_label("Letter", exact=True)).to_be_disabled()
    screenshot(page, "letters-sent")

    page.get_by_role("link", name="4 · Follow-up plan").first.click()
    settle(page)
    expect(page.get_by_role("heading", name="Done")).to_be_visible()
    # What was done is a list of lines; what is planned, one box each.
    done = page.locator("li").filter(has_text="Send the thank-you email · Priya Raman · Done")
    expect(done).to_have_count(1)
    planned = page.get_by_test_id("stMarkdown").filter(has_not=page.locator("li"))
    expect(planned.filter(has_text="Send the thank-you email · Tomás Ortega")).to_have_count(1)
    expect(planned.filter(has_text="Send the thank-you email · Priya Raman")).to_have_count(0)
    screenshot(page, "letters-plan-after-sending")
