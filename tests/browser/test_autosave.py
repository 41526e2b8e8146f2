"""Nothing typed is lost, whatever order the user types, clicks and switches in.

A text box sends its value when it loses focus. Clicking a page in the sidebar
straight from a box used to send that value after the request for the other
page: the click did nothing, every other field of the page showed empty, and
the next edit saved those blanks; under load the page changed and the text was
dropped instead. These tests do what users do and check the database.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from followup import planning
from followup.sample import curated
from followup.store import Store
from tests.browser.conftest import screenshot, settle
from tests.browser.fields import (
    box,
    differences,
    draft_thank_yous,
    journey_page_ready,
    leave_by_tab,
    sidebar,
    snapshot,
    stored,
    text_fields,
    type_at_end,
    wait_until_stored,
    with_text,
)

NORTHWIND = "Northwind Analytics — Data Analyst"
TITLES = {"close_interview": "1 · Close the interview", "debrief": "2 · Debrief", "letters": "3 · Letters"}


@pytest.fixture
def store(tmp_path):
    """The same database file the app_server fixture gives the app."""
    opened = Store.open(f"sqlite:///{tmp_path / 'followup.db'}")
    yield opened
    opened.close()


def _northwind(store: Store, today) -> int:
    """The sample's panel of three with full notes, each with a drafted thank-you email."""
    bundle = curated(today)[0]
    store.add_bundles([bundle])
    application = bundle.application
    planning.replan(store, application.id)
    draft_thank_yous(store, application.id)
    return application.id


def _open(page, app_server, where: str) -> None:
    page.goto(f"{app_server.url}/{where}?application={quote(NORTHWIND)}")
    journey_page_ready(page)


def _shows_what_is_stored(page, store) -> None:
    keys = text_fields(page)
    assert keys
    for key in keys:
        expect(box(page, key)).to_have_value(stored(store, key))


@pytest.mark.parametrize("where", list(TITLES))
def test_typing_then_clicking_a_page_in_the_sidebar_loses_nothing(where, today, app_server, page, store):
    application_id = _northwind(store, today)
    before = snapshot(store, application_id)
    _open(page, app_server, where)
    _shows_what_is_stored(page, store)

    # Add to a field that holds text, and click another page without leaving the box first.
    keys = text_fields(page, free=True)
    typed = next(key for key in keys if stored(store, key))
    first_text = stored(store, typed) + " (typed, then the sidebar)"
    type_at_end(page, typed, " (typed, then the sidebar)")
    sidebar(page, "Applications")  # the click takes the user there, once the text is saved
    expect(page.get_by_role("heading", name="Applications", exact=True)).to_be_visible()
    sidebar(page, TITLES[where])
    journey_page_ready(page)
    expected = with_text(before, typed, first_text)
    assert not differences(snapshot(store, application_id), expected)
    screenshot(page, f"autosave-after-the-sidebar-{where}")
    _shows_what_is_stored(page, store)

    # The next edit is the one that used to save every blank field over what was stored.
    following = next(key for key in text_fields(page, free=True) if key != typed and stored(store, key))
    second_text = stored(store, following) + " (the next edit)"
    type_at_end(page, following, " (the next edit)")
    leave_by_tab(page)
    expected = with_text(expected, following, second_text)
    assert not differences(snapshot(store, application_id), expected)
    _shows_what_is_stored(page, store)


@pytest.mark.parametrize("where", list(TITLES))
def test_text_being_typed_when_the_tab_is_refreshed_comes_back_and_is_saved(
    where, today, app_server, page, store
):
    application_id = _northwind(store, today)
    before = snapshot(store, application_id)
    _open(page, app_server, where)
    key = text_fields(page, free=True)[-1]
    text = stored(store, key) + " (typed, then a refresh)"
    type_at_end(page, key, " (typed, then a refresh)")
    page.reload()
    journey_page_ready(page)
    wait_until_stored(page, store, key, text)
    expect(box(page, key)).to_have_value(text)
    assert not differences(snapshot(store, application_id), with_text(before, key, text))
    # Once saved, nothing is put back a second time.
    page.reload()
    journey_page_ready(page)
    page.wait_for_timeout(1000)
    assert not differences(snapshot(store, application_id), with_text(before, key, text))
    _shows_what_is_stored(page, store)


def test_the_chosen_application_and_its_people_stay_together_after_the_sidebar(
    today, app_server, page, store
):
    """The Debrief page once named one application above another's interviewers."""
    _northwind(store, today)
    for bundle in curated(today)[1:3]:
        store.add_bundles([bundle])
    _open(page, app_server, "debrief")
    people = {p.name for p in store.list_interviewers(planning.latest_interview(store, 1).id)}
    key = text_fields(page)[0]
    type_at_end(page, key, " (typed)")
    sidebar(page, "Applications")
    sidebar(page, TITLES["debrief"])
    journey_page_ready(page)
    expect(page.get_by_label("Application", exact=True)).to_have_value(NORTHWIND)
    shown = {h.inner_text() for h in page.locator('[class*="st-key-debrief-card-"] h2').all()}
    assert shown == people
    page.reload()
    settle(page)
    expect(page.get_by_label("Application", exact=True)).to_have_value(NORTHWIND)
    assert {h.inner_text() for h in page.locator('[class*="st-key-debrief-card-"] h2').all()} == people


def test_a_new_round_stays_chosen_when_its_first_card_is_typed_straight_into_the_sidebar(
    app_server, page, store
):
    page.goto(f"{app_server.url}/close_interview")
    settle(page)
    page.get_by_label("Company *").fill("Bluebird Accounting")
    page.get_by_label("Role *").fill("Staff Accountant")
    page.get_by_role("button", name="Start with this interview").click()
    settle(page)
    [first] = store.list_interviews()
    page.get_by_text("Another round here").click()
    page.get_by_role("button", name="Add this round").click()
    settle(page)
    expect(page.get_by_text("Saved round 2 at Bluebird Accounting.")).to_be_visible()
    expect(page.get_by_label("Interview", exact=True)).to_have_value(re.compile(r"^Round 2 "))
    second = store.list_interviews()[1]
    name = page.locator(f".st-key-close-new-interviewer-{second.id}-name input")
    name.click()
    page.keyboard.type("Round two person")
    sidebar(page, "2 · Debrief")
    journey_page_ready(page)
    expect(page.get_by_label("Interview", exact=True)).to_have_value(re.compile(r"^Round 2 "))
    expect(page.get_by_role("heading", name="Round two person")).to_be_visible()
    assert [p.name for p in store.list_interviewers(second.id)] == ["Round two person"]
    assert store.list_interviewers(first.id) == []


def test_a_second_tab_shows_what_the_first_saved_and_never_overwrites_it(today, app_server, browser, store):
    _northwind(store, today)
    tabs = []
    for _ in range(2):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        tab.set_default_timeout(20_000)
        _open(tab, app_server, "debrief")
        tabs.append((context, tab))
    (first_context, first), (second_context, second) = tabs
    keys = text_fields(first, free=True)
    shared, other, contested = keys[0], keys[1], keys[2]
    original = {key: stored(store, key) for key in (shared, other, contested)}

    # The first tab saves; the second shows it as soon as it runs again, and adds to it.
    type_at_end(first, shared, " (first tab)")
    leave_by_tab(first)
    type_at_end(second, other, " (second tab)")
    leave_by_tab(second)
    expect(box(second, shared)).to_have_value(original[shared] + " (first tab)")
    type_at_end(second, shared, " (second tab)")
    leave_by_tab(second)
    assert stored(store, shared) == original[shared] + " (first tab) (second tab)"

    # Both change the same field, the second on what it showed before the first saved.
    type_at_end(first, contested, " (first tab)")
    leave_by_tab(first)
    type_at_end(second, contested, " (second tab)")
    leave_by_tab(second)
    expect(second.get_by_text("was changed in another tab or window")).to_be_visible()
    expect(box(second, contested)).to_have_value(original[contested] + " (second tab)")
    assert stored(store, contested) == original[contested] + " (first tab)"
    second.get_by_role("button", name="Save my version over theirs").click()
    settle(second)
    assert stored(store, contested) == original[contested] + " (second tab)"
    assert stored(store, other) == original[other] + " (second tab)"
    first_context.close()
    second_context.close()
