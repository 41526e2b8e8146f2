"""The hosted demo: every visitor gets a private sample, freed when they leave."""

import re
import sys
import time
import zipfile
from pathlib import Path

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


EVERY_PAGE = (
    "Today",
    "Applications",
    "1 · Close the interview",
    "2 · Debrief",
    "3 · Letters",
    "4 · Follow-up plan",
    "5 · Outcome",
    "Your data",
)


def _search_today(page, words: str) -> str:
    """What the Today table says it shows for a search (its cells are drawn on a canvas)."""
    page.get_by_test_id("stSidebarNav").get_by_text("Today", exact=True).click()
    settle(page)
    search = page.get_by_role("textbox", name="Search")
    search.fill(words)
    search.press("Enter")
    settle(page)
    shown = page.get_by_text(re.compile(r"^\d+ of \d+ applications")).inner_text()
    search.fill("")
    search.press("Enter")
    settle(page)
    return shown


def _download(page, button: str, folder: Path) -> str:
    with page.expect_download() as download:
        page.get_by_role("button", name=button).click()
    saved = folder / download.value.suggested_filename
    download.value.save_as(saved)
    if saved.suffix == ".zip":
        with zipfile.ZipFile(saved) as archive:
            return "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist())
    return saved.read_text(encoding="utf-8")


def test_two_visitors_with_as_many_saves_see_only_their_own_on_every_page_and_download(
    demo_server, browser, tmp_path
):
    """Fresh demo databases start alike, so after the same number of saves every cache keyed on
    a save counter alone would hand one visitor's data to the other."""
    companies = ("Aardvark Analytics", "Beaver Builders")
    visitors = []
    for company in companies:
        context, page = _visit(browser, demo_server.url)
        _add_application(page, company)
        # Each looks at Today right after their own save, the other's still in the cache.
        assert _search_today(page, company).startswith("1 of 9 applications")
        visitors.append((context, page))

    for (context, page), own, other in zip(visitors, companies, reversed(companies), strict=True):
        assert _search_today(page, other).startswith("0 of 9 applications")
        for name in EVERY_PAGE:
            page.get_by_test_id("stSidebarNav").get_by_text(name, exact=True).click()
            settle(page)
            assert other not in page.content(), f"{other} shows on {own}'s {name} page"
            if page.get_by_label("Application", exact=True).count():
                options = _application_options(page)
                assert f"{own} — Tester" in options and not any(other in o for o in options)
        folder = tmp_path / own
        folder.mkdir()
        page.get_by_test_id("stSidebarNav").get_by_text("Your data", exact=True).click()
        settle(page)
        backup = _download(page, "Download everything (JSON)", folder)
        page.get_by_role("tab", name="Spreadsheets").click()
        tables = _download(page, "Download all tables (CSV, zipped)", folder)
        page.get_by_test_id("stSidebarNav").get_by_text("4 · Follow-up plan", exact=True).click()
        settle(page)
        page.get_by_label("Application", exact=True).click()
        page.get_by_role("option", name="Northwind Analytics — Data Analyst").click()
        settle(page)
        calendar = _download(page, "All applications (.ics)", folder)
        for what, text in (("backup", backup), ("tables", tables), ("calendar", calendar)):
            assert other not in text, f"{other} is in {own}'s {what} download"
            assert "Northwind Analytics" in text, f"{own}'s {what} download misses the sample"
        assert own in backup and own in tables
        context.close()
