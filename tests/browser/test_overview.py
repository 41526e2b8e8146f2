"""The Today page in a real browser: the sample's figures, table and timeline; a click opens a plan."""

from playwright.sync_api import expect

from followup.sample import load_sample
from followup.store import Store
from tests.browser.conftest import screenshot, settle


def _fill(app_server, applications: int) -> None:
    store = Store.open(app_server.env["FOLLOWUP_DATABASE_URL"])
    try:
        load_sample(store, applications=applications)
    finally:
        store.close()


def _open_today(app_server, page, height: int) -> None:
    # Tall enough for the whole page: Streamlit scrolls inside its own container.
    page.set_viewport_size({"width": 1280, "height": height})
    page.goto(f"{app_server.url}/")  # Today is the home page
    settle(page)
    expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()
    expect(page.get_by_test_id("stDataFrame")).to_be_visible()
    # Vega draws after the script run has finished.
    expect(page.get_by_test_id("stVegaLiteChart").locator("svg, canvas").first).to_be_visible()
    page.wait_for_timeout(500)


def test_the_sample_at_a_glance_and_a_click_opens_the_plan(app_server, page):
    _fill(app_server, 8)
    _open_today(app_server, page, 1400)
    for label in ("Active", "Due today", "Overdue", "Response rate", "Days to answer", "Thanks in 24 h"):
        expect(page.get_by_test_id("stMetricLabel").filter(has_text=label)).to_be_visible()
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("4")
    chart = page.get_by_test_id("stVegaLiteChart")
    expect(chart.get_by_text("Northwind Analytics — Data Analyst")).to_be_visible()
    screenshot(page, "overview-sample")

    grid = page.get_by_test_id("stDataFrame")
    box = grid.bounding_box()
    # The first row's selection box: left of the first column, one header row down.
    page.mouse.click(box["x"] + 20, box["y"] + 35 + 17)
    settle(page)
    expect(page.get_by_role("heading", name="Follow-up plan")).to_be_visible()


def test_two_hundred_active_applications_stay_readable(app_server, page):
    _fill(app_server, 300)
    _open_today(app_server, page, 2000)
    expect(page.get_by_text("Applications 1–25 of")).to_be_visible()
    screenshot(page, "overview-200-active")
