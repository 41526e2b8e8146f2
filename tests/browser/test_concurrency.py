"""Two people (two browser contexts) saving to one database at the same moment."""

from playwright.sync_api import expect

from followup.model import Application
from followup.store import Store
from tests.browser.conftest import screenshot, settle


def _open(browser, url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(url)
    settle(page)
    return context, page


def test_simultaneous_saves_both_land_and_a_conflicting_edit_is_not_lost(app_server, browser):
    store = Store.open(app_server.env["FOLLOWUP_DATABASE_URL"])
    store.add_application(Application("Shared Co", "Analyst"))
    first_context, first = _open(browser, f"{app_server.url}/applications")
    second_context, second = _open(browser, f"{app_server.url}/applications")

    for page, company in ((first, "From the first tab"), (second, "From the second tab")):
        page.get_by_text("Add an application").click()
        page.get_by_label("Company *").first.fill(company)
        page.get_by_label("Role *").first.fill("Role")
    first.get_by_role("button", name="Add application").click()
    second.get_by_role("button", name="Add application").click()
    settle(first)
    settle(second)
    assert {a.company for a in store.list_applications()} == {
        "Shared Co",
        "From the first tab",
        "From the second tab",
    }
    for page in (first, second):
        expect(page.get_by_text("database is locked")).to_have_count(0)

    # Both open the same application; the second one saves last.
    for page in (first, second):
        page.reload()
        settle(page)
        page.get_by_label("Application", exact=True).click()
        page.get_by_role("option", name="Shared Co — Analyst").click()
        settle(page)
    first.get_by_label("Role *").last.fill("Role from the first tab")
    first.get_by_role("button", name="Save changes").click()
    settle(first)
    second.get_by_label("Role *").last.fill("Role from the second tab")
    second.get_by_role("button", name="Save changes").click()
    settle(second)
    expect(second.get_by_text("was changed in another tab or window")).to_be_visible()
    expect(second.get_by_label("Role *").last).to_have_value("Role from the second tab")
    screenshot(second, "conflict")
    shared = next(a for a in store.list_applications() if a.company == "Shared Co")
    assert shared.role == "Role from the first tab"

    second.get_by_role("button", name="Save my version over theirs").click()
    settle(second)
    shared = next(a for a in store.list_applications() if a.company == "Shared Co")
    assert shared.role == "Role from the second tab"
    first_context.close()
    second_context.close()
