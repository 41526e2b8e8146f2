"""The hosted demo: every visitor gets a private sample, freed when they leave."""

import sys
import time

import pytest
from playwright.sync_api import expect

from followup import clock
from tests.browser.conftest import screenshot, settle
from tests.browser.server import AppServer


@pytest.fixture
def demo_server(tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    server = AppServer(
        {
            "FOLLOWUP_DEMO": "1",
            "TMPDIR": str(scratch),
            "FOLLOWUP_DATABASE_URL": f"sqlite:///{tmp_path / 'must-stay-unused.db'}",
            **clock.environment(),
        },
        tmp_path / "server.log",
        ("--server.disconnectedSessionTTL=1",),
    )
    server.scratch = scratch
    server.start()
    yield server
    server.stop()
    assert not (tmp_path / "must-stay-unused.db").exists(), "demo mode wrote to the shared database"


def _visit(browser, url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(url)
    settle(page)
    page.get_by_test_id("stSidebarNav").get_by_text("Applications", exact=True).click()
    settle(page)
    return context, page


def _add_application(page, company):
    page.get_by_text("Add an application").click()
    page.get_by_label("Company *").first.fill(company)
    page.get_by_label("Role *").first.fill("Tester")
    page.get_by_role("button", name="Add application").click()
    settle(page)


def _application_options(page) -> list[str]:
    choice = page.get_by_label("Application", exact=True)
    choice.click()
    if not page.get_by_role("option").count():
        choice.press("ArrowDown")
    page.get_by_role("option").first.wait_for()
    options = page.get_by_role("option").all_inner_texts()
    page.keyboard.press("Escape")
    return options


def test_two_visitors_never_see_each_others_data_and_a_refresh_starts_fresh(demo_server, browser):
    first_context, first = _visit(browser, demo_server.url)
    expect(first.get_by_text("lives only in this browser tab")).to_be_visible()
    screenshot(first, "demo-banner")
    _add_application(first, "Visible only to the first visitor")
    assert "Visible only to the first visitor — Tester" in _application_options(first)

    second_context, second = _visit(browser, demo_server.url)
    options = _application_options(second)
    assert "Northwind Analytics — Data Analyst" in options
    assert not any("first visitor" in option for option in options)

    first.reload()
    settle(first)
    first.get_by_test_id("stSidebarNav").get_by_text("Applications", exact=True).click()
    settle(first)
    options = _application_options(first)
    assert "Northwind Analytics — Data Analyst" in options
    assert not any("first visitor" in option for option in options)
    first_context.close()
    second_context.close()


@pytest.mark.skipif(sys.platform != "linux", reason="reads the server's memory from /proc")
def test_sessions_that_end_free_their_database_and_memory(demo_server, browser):
    for _ in range(2):
        context, _page = _visit(browser, demo_server.url)
        context.close()
    time.sleep(2)
    baseline = demo_server.memory_kib()

    for number in range(20):
        context, page = _visit(browser, demo_server.url)
        _add_application(page, f"Visitor {number}")
        context.close()

    # Sessions are dropped once disconnected for longer than the TTL; a new visit sweeps them.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        context, _page = _visit(browser, demo_server.url)
        context.close()
        time.sleep(2)
        if len(list(demo_server.scratch.glob("followup-demo-*"))) <= 1:
            break
    remaining = list(demo_server.scratch.glob("followup-demo-*"))
    after = demo_server.memory_kib()
    growth_mib = (after - baseline) / 1024
    print(
        f"\nserver memory: baseline {baseline / 1024:.1f} MiB, after 20 sessions {after / 1024:.1f} MiB "
        f"(+{growth_mib:.1f} MiB); demo databases left on disk: {len(remaining)}"
    )
    assert len(remaining) <= 1
    assert growth_mib < 40
