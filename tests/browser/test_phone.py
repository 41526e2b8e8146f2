"""Every page on a phone (390×844) and on a laptop (1366×900), with the sample's eight applications.

On a phone: no page is wider than the screen (nothing sticks out on the right
but inside a box that scrolls sideways by itself, such as a table's grid), a
page chosen from the menu shows at once with its title uncovered, and Today
says each follow-up due in words. Each page is saved as a screenshot at both
widths under test-artifacts/.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from followup import clock
from followup.model import ActionStatus
from followup.sample import load_sample
from followup.store import Store
from tests.browser.conftest import ARTIFACTS, settle

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
LAPTOP = {"viewport": {"width": 1366, "height": 900}}
# WCAG's reflow: a laptop's page zoomed to 200% (half as many CSS pixels), and 320 pixels wide
# (a 1280-pixel window at 400%); nothing may need scrolling in two directions.
ZOOMED = {"viewport": {"width": 683, "height": 450}, "device_scale_factor": 2}
NARROWEST = {"viewport": {"width": 320, "height": 640}, "is_mobile": True, "has_touch": True}

# (address, the menu's label, the page's title)
PAGES = [
    ("", "Today", "Today"),
    ("close_interview", "1 · Close the interview", "Close the interview"),
    ("debrief", "2 · Debrief", "Debrief"),
    ("letters", "3 · Letters", "Letters"),
    ("plan", "4 · Follow-up plan", "Follow-up plan"),
    ("outcome", "5 · Outcome", "Outcome"),
    ("applications", "Applications", "Applications"),
    ("data", "Your data", "Your data"),
    ("sources", "Sources", "Sources"),
]

# Elements of the page that end right of the screen, unless a box around them scrolls sideways
# (a table's grid, a code block): those are reached by scrolling that box, not the page.
STICKING_OUT = """() => {
  const limit = document.documentElement.clientWidth + 1;
  const found = [];
  for (const element of document.querySelectorAll('[data-testid="stMain"] *')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.right <= limit) continue;
    let around = element.parentElement, scrolls = false;
    while (around && around.dataset.testid !== "stMain") {
      const overflow = getComputedStyle(around).overflowX;
      if ((overflow === "auto" || overflow === "scroll") && around.getBoundingClientRect().right <= limit) {
        scrolls = true;
        break;
      }
      around = around.parentElement;
    }
    if (!scrolls) found.push(`${element.tagName} ${element.dataset.testid || ""} ${(element.textContent || "").slice(0, 40)}`);
  }
  return found;
}"""

# Whether the page's title is what a finger would touch in its middle (nothing drawn over it).
TITLE_UNCOVERED = """() => {
  const title = document.querySelector('[data-testid="stMain"] h1');
  if (!title) return false;
  const box = title.getBoundingClientRect();
  if (box.bottom <= 0 || box.top >= window.innerHeight || box.right <= 0) return false;
  const x = Math.max(box.left, 0) + Math.min(box.width, window.innerWidth) / 2;
  const there = document.elementFromPoint(Math.min(x, window.innerWidth - 1), box.top + box.height / 2);
  return !!there && title.contains(there);
}"""


@pytest.fixture
def sample(app_server):
    store = Store.open(app_server.env["FOLLOWUP_DATABASE_URL"])
    load_sample(store)
    yield store
    store.close()


@pytest.fixture(params=[PHONE, LAPTOP, ZOOMED, NARROWEST], ids=["phone", "laptop", "zoom-200", "320px"])
def screen(request, browser):
    context = browser.new_context(**request.param)
    opened = context.new_page()
    opened.set_default_timeout(20_000)
    yield opened
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    opened = context.new_page()
    opened.set_default_timeout(20_000)
    yield opened
    context.close()


def tall_screenshot(page, name: str) -> None:
    """The whole page: Streamlit scrolls inside its own container, so grow the window to fit."""
    size = page.viewport_size
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": int(height) + 40})
    page.wait_for_timeout(500)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(Path(ARTIFACTS) / f"{name}.png"))
    page.set_viewport_size(size)


def _open(page, app_server, path: str, title: str) -> None:
    page.goto(f"{app_server.url}/{path}")
    settle(page)
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    # Charts and tables draw after the script has finished.
    page.wait_for_timeout(800)


def test_no_page_is_wider_than_the_screen_and_each_is_saved_at_both_widths(app_server, sample, screen):
    width = screen.viewport_size["width"]
    for path, _, title in PAGES:
        _open(screen, app_server, path, title)
        assert screen.evaluate("() => document.documentElement.scrollWidth") <= width, title
        assert screen.evaluate(STICKING_OUT) == [], title
        tall_screenshot(screen, f"page-{path or 'today'}-{width}")


def test_a_page_chosen_from_the_menu_shows_at_once_with_its_title_uncovered(app_server, sample, phone):
    _open(phone, app_server, "", "Today")
    assert phone.evaluate(TITLE_UNCOVERED)
    for path, label, title in PAGES[1:]:
        phone.get_by_test_id("stExpandSidebarButton").click()
        link = phone.get_by_test_id("stSidebarNav").get_by_role("link").filter(has_text=label)
        expect(link).to_be_in_viewport()
        link.click()
        phone.wait_for_function("path => location.pathname === path", arg=f"/{path}")
        settle(phone)
        expect(phone.get_by_role("heading", name=title, level=1)).to_be_in_viewport()
        # The sidebar slides away: wait until it has, then nothing may cover the title.
        expect(phone.get_by_test_id("stSidebarNav").get_by_role("link").first).not_to_be_in_viewport()
        assert phone.evaluate(TITLE_UNCOVERED), title


def test_the_menu_stays_open_beside_the_page_on_a_laptop(app_server, sample, browser):
    context = browser.new_context(**LAPTOP)
    page = context.new_page()
    try:
        _open(page, app_server, "", "Today")
        page.get_by_test_id("stSidebarNav").get_by_role("link").filter(has_text="Sources").click()
        page.wait_for_function("() => location.pathname === '/sources'")
        settle(page)
        expect(page.get_by_test_id("stSidebarNav").get_by_role("link").first).to_be_in_viewport()
        assert page.evaluate(TITLE_UNCOVERED)
    finally:
        context.close()


# What is still worth doing once the answer is in: its letters, and answering an offer.
AFTER_THE_ANSWER = {"thanks_for_consideration", "stay_in_touch", "withdrawal", "offer_thanks", "answer_offer"}


def _due_by_hand(store: Store, today: date) -> list[tuple[str, str]]:
    """(person, company) of every follow-up due by today, of an application still in play, read from the
    records: the answer the words on Today must give."""
    found = []
    for application in store.list_applications():
        for action in store.list_actions(application.id, ActionStatus.PLANNED):
            still_to_chase = application.status.is_open or action.kind.value in AFTER_THE_ANSWER
            if action.due <= today and still_to_chase:
                found.append((action.recipient, application.company))
    return found


def test_today_on_a_phone_says_each_follow_up_due_in_words(app_server, sample, phone):
    due = _due_by_hand(sample, clock.today())
    assert due, "the sample always has something due today or overdue"
    _open(phone, app_server, "", "Today")
    expect(phone.get_by_role("heading", name="To do today")).to_be_visible()
    for person, company in due:
        line = phone.get_by_role("button").filter(has_text=person).filter(has_text=company)
        expect(line.first).to_be_visible()
        box = line.first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, (person, company)
        expect(line.first).to_contain_text(re.compile(r"· (due today|\d+ days? overdue)$"))
    # Each line opens its application's plan.
    person, company = due[0]
    phone.get_by_role("button").filter(has_text=person).filter(has_text=company).first.click()
    settle(phone)
    expect(phone.get_by_role("heading", name="Follow-up plan", level=1)).to_be_visible()
    expect(phone.get_by_label("Application", exact=True)).to_have_value(
        next(f"{a.company} — {a.role}" for a in sample.list_applications() if a.company == company)
    )
    tall_screenshot(phone, "today-line-opens-plan-390")
