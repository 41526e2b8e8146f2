"""Never a traceback in the browser: a damaged database and an unknown country, as a user meets them."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from followup import tables
from followup.sample import load_sample
from followup.store import Store
from tests.browser.conftest import ARTIFACTS, screenshot, settle
from tests.browser.server import AppServer


@pytest.fixture
def polite_server(tmp_path):
    """The app as users run it: problems become messages (the tests otherwise raise them)."""
    ARTIFACTS.mkdir(exist_ok=True)
    server = AppServer(
        {"FOLLOWUP_DATABASE_URL": f"sqlite:///{tmp_path / 'followup.db'}", "FOLLOWUP_DEBUG": ""},
        tmp_path / "server.log",
    )
    yield server
    server.stop()


def _no_trace(page, tmp_path: Path) -> None:
    content = page.content()
    for leak in ("Traceback", 'File "', str(tmp_path), "site-packages", "sqlite3."):
        assert leak not in content, leak


def test_a_damaged_database_gets_a_plain_message_on_every_page(polite_server, page, tmp_path):
    path = tmp_path / "followup.db"
    store = Store.open(f"sqlite:///{path}")
    load_sample(store)
    store.close()
    data = bytearray(path.read_bytes())
    for offset in range(4096 + 100, len(data), 97):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    polite_server.start()
    page.goto(polite_server.url)
    settle(page)
    expect(page.get_by_text("The database file is damaged and cannot be read.", exact=False)).to_be_visible()
    screenshot(page, "boundary-damaged-database")
    _no_trace(page, tmp_path)


def test_an_unknown_country_in_the_settings_is_explained_on_the_plan(polite_server, page, tmp_path):
    store = Store.open(f"sqlite:///{tmp_path / 'followup.db'}")
    load_sample(store)
    store.save_settings(store.get_settings())  # each person's settings row is made on first save
    # As an older followup let a backup leave it.
    with store.engine.begin() as conn:
        conn.execute(tables.settings.update().values(country="XX"))
    store.close()
    polite_server.start()
    page.goto(f"{polite_server.url}/plan")
    settle(page)
    page.get_by_role("button", name="Recompute the plan").click()
    settle(page)
    expect(page.get_by_text("Unknown country code 'XX'", exact=False).first).to_be_visible()
    screenshot(page, "boundary-unknown-country")
    _no_trace(page, tmp_path)
