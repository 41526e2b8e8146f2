import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from followup import clock
from tests.browser.server import AppServer

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# axe-core, the accessibility rule engine, pinned in tests/browser/axe/package-lock.json.
AXE_FOLDER = Path(__file__).resolve().parent / "axe"
AXE_SCRIPT = AXE_FOLDER / "node_modules" / "axe-core" / "axe.min.js"
# The browser tab's title once the router has run (its page configuration).
ROUTER_TITLE = "followup"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """Debian's Chromium where Playwright's own browser cannot be downloaded."""
    return os.environ.get("FOLLOWUP_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def app_server(tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    server = AppServer(
        # The server's day is the test's, even when the test runs across midnight.
        {"FOLLOWUP_DATABASE_URL": f"sqlite:///{tmp_path / 'followup.db'}", **clock.environment()},
        tmp_path / "server.log",
    )
    server.start()
    yield server
    server.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(20_000)
    yield opened
    context.close()


def settle(page) -> None:
    """Wait until Streamlit has finished the rerun, then fail on any exception shown.

    A first visit straight to a page's address on a fresh server runs twice: the page
    alone, which hands the request to the router (app.py), then the router. Between the
    two the app is idle for as long as Streamlit's clean-up after a run takes, which on a
    busy machine is longer than any fixed wait; the router's page title says it has run.
    """
    idle = '[data-testid="stApp"][data-test-script-state="notRunning"]'
    page.wait_for_selector(idle, timeout=30_000)
    expect(page).to_have_title(ROUTER_TITLE, timeout=30_000)
    page.wait_for_timeout(300)
    page.wait_for_selector(idle, timeout=30_000)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
