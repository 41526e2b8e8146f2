"""A newcomer adds an application in the browser; it survives a server restart."""

from playwright.sync_api import expect

from tests.browser.conftest import screenshot, settle


def test_an_application_added_in_the_browser_survives_a_restart(app_server, page):
    page.goto(app_server.url)
    settle(page)
    # A first visit opens on Today, which says where to start.
    expect(page.get_by_role("heading", name="Today")).to_be_visible()
    expect(page.get_by_text("No applications yet")).to_be_visible()
    expect(page.get_by_role("link", name="Start with the interview you just had")).to_be_visible()
    screenshot(page, "today-first-visit")
    page.get_by_role("link", name="Add an application by hand").click()
    settle(page)
    expect(page.get_by_text("No applications yet")).to_be_visible()
    screenshot(page, "applications-empty")

    page.get_by_label("Company *").fill("Zoë & Søn <img src=x onerror=alert(1)>")
    page.get_by_label("Role *").fill("Staff Accountant")
    page.get_by_label("Job ad link").fill("not a link")
    page.get_by_role("button", name="Add application").click()
    settle(page)
    expect(page.get_by_text("Paste the full web address of the job ad")).to_be_visible()

    page.get_by_label("Job ad link").fill("https://zoe.example/jobs/1")
    page.get_by_role("button", name="Add application").click()
    settle(page)
    expect(page.get_by_text("Interviews at Zoë & Søn <img src=x onerror=alert(1)>")).to_be_visible()
    # The add form starts empty again, ready for the next application.
    expect(page.get_by_label("Company *").first).to_have_value("")
    screenshot(page, "applications-added")

    app_server.restart()
    page.goto(f"{app_server.url}/applications")
    settle(page)
    expect(page.get_by_role("heading", name="Your applications")).to_be_visible()
    grid = page.get_by_test_id("stDataFrame")
    expect(grid).to_be_visible()
    expect(page.get_by_label("Company *").last).to_have_value("Zoë & Søn <img src=x onerror=alert(1)>")


def test_the_sample_loads_from_an_empty_page(app_server, page):
    page.goto(f"{app_server.url}/applications")
    settle(page)
    page.get_by_role("button", name="Load sample applications").click()
    # The message shows for a few seconds only: look for it while the page is still loading the sample.
    expect(page.get_by_text("Loaded 8 sample applications.")).to_be_visible(timeout=30_000)
    settle(page)
    page.get_by_label("Application", exact=True).click()
    expect(page.get_by_role("option", name="Northwind Analytics — Data Analyst")).to_be_visible()
    page.keyboard.press("Escape")
    screenshot(page, "applications-sample")
