"""A first visit straight to a page's address still goes through the router."""

from playwright.sync_api import expect

from tests.browser.conftest import settle


def test_a_deep_link_on_a_fresh_server_gets_the_router(app_server, page):
    page.goto(f"{app_server.url}/data")
    settle(page)
    navigation = page.get_by_test_id("stSidebarNav")
    expect(navigation.get_by_text("After the interview")).to_be_visible()
    expect(navigation.get_by_text("1 · Close the interview")).to_be_visible()
    expect(page.get_by_role("heading", name="Your data")).to_be_visible()


def test_todays_old_address_opens_today_for_every_visitor(app_server, browser):
    # Today is the app's root address; /overview (its file's name, which Streamlit shows on
    # a server's very first visit) must not open a "page not found" once the router has run.
    first, second = browser.new_context(), browser.new_context()
    try:
        opened = first.new_page()
        opened.goto(f"{app_server.url}/")
        settle(opened)
        expect(opened.get_by_role("heading", name="Today", exact=True)).to_be_visible()

        later = second.new_page()
        later.goto(f"{app_server.url}/overview?application=7")
        settle(later)
        expect(later.get_by_role("heading", name="Today", exact=True)).to_be_visible()
        expect(later.get_by_text("Page not found")).to_have_count(0)
        expect(later.get_by_role("dialog")).to_have_count(0)
        assert later.url == f"{app_server.url}/?application=7"
    finally:
        first.close()
        second.close()


def test_deep_links_opened_together_on_a_fresh_server_all_get_the_router(app_server, browser):
    # Until some visit has gone through the router, Streamlit runs a page alone; visitors
    # who arrive together must each be handed over, not only the first.
    addresses = {
        "/plan": "Follow-up plan",
        "/letters": "Letters",
        "/data": "Your data",
        "/sources": "Sources",
    }
    contexts = [browser.new_context() for _ in addresses]
    try:
        pages = [context.new_page() for context in contexts]
        for opened, address in zip(pages, addresses, strict=True):
            opened.goto(f"{app_server.url}{address}", wait_until="commit")
        for opened, heading in zip(pages, addresses.values(), strict=True):
            settle(opened)
            expect(opened.get_by_role("heading", name=heading, level=1)).to_be_visible()
            expect(opened.get_by_test_id("stSidebarNav").get_by_text("After the interview")).to_be_visible()
    finally:
        for context in contexts:
            context.close()
