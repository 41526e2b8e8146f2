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
