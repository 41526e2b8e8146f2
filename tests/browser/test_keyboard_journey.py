"""The whole journey with the keyboard only: Tab, Shift+Tab, Enter, Space and the arrow keys.

A new application, the close of the interview with a business card, the
debrief, the thank-you letter handed off and marked as sent, a logged attempt
on the plan, the outcome, and Today. No click anywhere: every control is
reached by tabbing, in page order, and used from the keyboard. At every stop
the focus must be on an element (never lost to the page) and visibly so: the
element looks different focused than when the focus has moved on. Past the
last control the focus goes to the browser's own controls and then round again,
as Tab does on any web page.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from followup.model import ActionKind, AttemptOutcome, LetterKind, LetterStatus, Status
from followup.store import Store
from tests.browser.conftest import settle

# Where the focus is, and whether the browser shows it as keyboard focus.
FOCUS = """() => {
    const el = document.activeElement;
    const box = el.getBoundingClientRect();
    const name = (el.getAttribute('aria-label') || el.innerText || el.value || el.tagName).trim();
    return {
        lost: el === document.body || el === document.documentElement,
        visible: el.matches(':focus-visible'),
        name: name.replace(/\\s+/g, ' ').slice(0, 60),
        box: {x: box.x, y: box.y, width: box.width, height: box.height},
    };
}"""
# Remember the focused element, to find it again once the focus has moved on.
REMEMBER = "() => { window.keyboardTestPrevious = document.activeElement; }"
PREVIOUS_BOX = """() => {
    const el = window.keyboardTestPrevious;
    if (!el || !el.isConnected) return null;
    const box = el.getBoundingClientRect();
    return {x: box.x, y: box.y, width: box.width, height: box.height};
}"""
MARGIN = 6


class Keyboard:
    """Moves the focus with Tab and Shift+Tab only, and checks that it can always be seen."""

    def __init__(self, page):
        self.page = page
        self.seen_focused = 0
        self.invisible: list[str] = []

    def _clip(self, box: dict) -> dict | None:
        viewport = self.page.viewport_size
        if box["width"] <= 0 or box["height"] <= 0:
            return None
        x, y = max(0, box["x"] - MARGIN), max(0, box["y"] - MARGIN)
        width = min(box["x"] + box["width"] + MARGIN, viewport["width"]) - x
        height = min(box["y"] + box["height"] + MARGIN, viewport["height"]) - y
        if width <= 0 or height <= 0:
            return None
        return {"x": x, "y": y, "width": width, "height": height}

    def press(self, key: str) -> None:
        """Press a key that moves the focus; check the element it leaves showed its focus."""
        before = self.page.evaluate(FOCUS)
        clip = None if before["lost"] else self._clip(before["box"])
        focused = self.page.screenshot(clip=clip) if clip else None
        self.page.evaluate(REMEMBER)
        self.page.keyboard.press(key)
        self.page.wait_for_timeout(120)
        after = self.page.evaluate(FOCUS)
        # Past the last control the focus goes to the browser's own controls, then round again.
        assert after["lost"] or after["visible"], f"{after['name']!r} has the focus but not as keyboard focus"
        # The same element in the same place, now without the focus: it must look different.
        if focused is not None and self.page.evaluate(PREVIOUS_BOX) == before["box"]:
            if self.page.screenshot(clip=clip) == focused:
                self.invisible.append(before["name"])
            else:
                self.seen_focused += 1

    def to(self, target, *, back: bool = False, limit: int = 150) -> None:
        """Tab (or Shift+Tab) until `target` has the focus."""
        target.wait_for()
        for _ in range(limit):
            if target.evaluate(
                "(el) => el === document.activeElement || el.contains(document.activeElement)"
            ):
                return
            self.press("Shift+Tab" if back else "Tab")
        raise AssertionError(f"{limit} presses of {'Shift+Tab' if back else 'Tab'} never reached {target}")

    def type(self, target, text: str) -> None:
        """Tab to a box, type, and Tab out of it (leaving the box saves it)."""
        self.to(target)
        self.page.keyboard.type(text)
        self.press("Tab")
        settle(self.page)

    def activate(self, target, key: str = "Enter") -> None:
        self.to(target)
        self.page.keyboard.press(key)
        settle(self.page)


def said(page) -> list[str]:
    """What the page's polite live regions hold now, as the browser tells screen readers."""
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    by_id = {node["nodeId"]: node for node in nodes}

    def words(node) -> str:
        if node.get("role", {}).get("value") == "StaticText":
            return node.get("name", {}).get("value", "")
        return " ".join(
            filter(None, (words(by_id[child]) for child in node.get("childIds", []) if child in by_id))
        )

    def polite(node) -> bool:
        return any(
            p["name"] == "live" and p["value"]["value"] == "polite" for p in node.get("properties", [])
        )

    return [words(node) for node in nodes if node.get("role", {}).get("value") == "status" and polite(node)]


def expect_said(page, pattern: re.Pattern, timeout_ms: int = 10_000) -> None:
    """Wait until a live region says something matching `pattern`."""
    waited = 0
    while not any(pattern.search(text) for text in said(page)):
        assert waited < timeout_ms, f"no live region said {pattern.pattern!r}; they say {said(page)}"
        page.wait_for_timeout(200)
        waited += 200


def _store(app_server) -> Store:
    return Store.open(app_server.env["FOLLOWUP_DATABASE_URL"])


def test_the_whole_journey_with_the_keyboard_only(app_server, page):
    keys = Keyboard(page)
    page.goto(app_server.url)
    expect(page.get_by_role("heading", name="Today", level=1)).to_be_visible(timeout=20_000)
    settle(page)

    # An empty database: Today points to the first step.
    keys.activate(page.get_by_role("link", name="Start with the interview you just had"))
    expect(page.get_by_role("heading", name="Close the interview", level=1)).to_be_visible()

    # A new application.
    keys.type(page.get_by_role("textbox", name="Company *"), "Northwind Analytics")
    keys.type(page.get_by_role("textbox", name="Role *"), "Data Analyst")
    keys.activate(page.get_by_role("button", name="Start with this interview"), key="Space")
    expect(page.get_by_text("0 of 5 steps done for this interview")).to_be_visible()
    # The toast is said by screen readers too.
    expect_said(page, re.compile(r"^Saved Northwind Analytics, round 1\."))

    # Close the interview: their words, a choice made with the arrow keys, a business card.
    keys.type(page.get_by_role("textbox", name="Their words"), "by the end of next week")
    expect(page.get_by_text("Saved at")).to_be_visible()
    expect_said(page, re.compile(r"^Saved at \d\d:\d\d$"))
    calls = page.get_by_role("radiogroup", name="Are follow-up calls welcome?")
    # A new interview starts on "Not asked / not sure", the last choice: one up is "No".
    keys.to(calls.get_by_role("radio", name="Not asked / not sure"))
    page.keyboard.press("ArrowUp")
    settle(page)
    expect(calls.get_by_role("radio", name="No, they prefer no calls")).to_be_checked()
    keys.type(page.get_by_role("textbox", name="Their name"), "Priya Raman")
    expect(page.get_by_role("heading", name="Priya Raman")).to_be_visible()
    keys.type(page.get_by_role("textbox", name="Email", exact=True), "priya@northwind.example")

    # Debrief.
    keys.activate(page.get_by_role("button", name="Next: 2 · Debrief"))
    expect(page.get_by_role("heading", name="Debrief", level=1)).to_be_visible()
    keys.type(page.get_by_role("textbox").first, "the churn dashboard")
    expect(page.get_by_text("Saved at")).to_be_visible()
    expect_said(page, re.compile(r"^Saved at \d\d:\d\d$"))

    # Letters: draft the thank-you, hand it off as an email draft, mark it as sent.
    keys.activate(page.get_by_role("button", name="Next: 3 · Letters"))
    expect(page.get_by_role("heading", name="Letters", level=1)).to_be_visible()
    keys.activate(page.get_by_role("button", name="Draft a letter"))
    letter = page.get_by_label("Letter", exact=True)
    expect(letter).to_contain_text("Priya")
    keys.to(page.get_by_role("link", name="Open in my mail program"))
    with page.expect_download() as download:
        keys.activate(page.get_by_role("button", name="Email draft (.eml)"))
    assert download.value.suggested_filename.endswith(".eml")
    keys.activate(page.get_by_role("button", name="Mark as sent"), key="Space")
    expect(page.get_by_text("Sent on")).to_be_visible()

    # The plan: back up the page with Shift+Tab to the steps, then log an attempt.
    keys.to(page.locator(".st-key-journey-steps").get_by_role("link", name="4 · Follow-up plan"), back=True)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Follow-up plan", level=1)).to_be_visible()
    settle(page)
    next_up = page.locator(".st-key-plan-next-up")
    expect(next_up.get_by_text("Check on the status")).to_be_visible()
    keys.activate(next_up.get_by_role("button", name="Sent, no reply yet"))
    expect(page.get_by_text("Next status check")).to_be_visible()

    # The outcome: an offer, chosen with the arrow keys, then recorded.
    keys.to(page.get_by_test_id("stSidebarNav").get_by_role("link", name="5 · Outcome"), back=True)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Outcome", level=1)).to_be_visible()
    settle(page)
    keys.to(page.get_by_role("radiogroup", name="What happened?").get_by_role("radio").first)
    page.keyboard.press("Space")
    settle(page)
    keys.activate(page.get_by_role("button", name="Record: offer"))
    expect(page.get_by_text("Recorded:")).to_be_visible()

    # Today, from the sidebar: Shift+Tab goes up the page and into it.
    keys.to(page.get_by_test_id("stSidebarNav").get_by_role("link", name="Today"), back=True)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Today", level=1)).to_be_visible()
    settle(page)
    # An offer: no longer active, and the one status check got an answer.
    metrics = page.get_by_test_id("stMetric")
    expect(metrics.filter(has_text="Active").get_by_test_id("stMetricValue")).to_have_text("0")
    expect(metrics.filter(has_text="Response rate").get_by_test_id("stMetricValue")).to_have_text("100%")

    # Nothing traps the focus: Tab goes through the whole page and comes back round.
    first = page.evaluate(FOCUS)["name"]
    for _ in range(200):
        keys.press("Tab")
        if page.evaluate(FOCUS)["name"] == first:
            break
    else:
        raise AssertionError(f"200 presses of Tab never came back to {first!r}")

    assert keys.invisible == [], keys.invisible
    assert keys.seen_focused >= 30

    store = _store(app_server)
    try:
        [application] = store.list_applications()
        assert (application.company, application.role, application.status) == (
            "Northwind Analytics",
            "Data Analyst",
            Status.OFFER,
        )
        [person] = store.list_interviewers(store.list_interviews()[0].id)
        assert (person.name, person.email) == ("Priya Raman", "priya@northwind.example")
        [thanks] = [
            letter
            for letter in store.list_letters(application.id)
            if letter.kind is LetterKind.THANK_YOU_EMAIL
        ]
        assert thanks.status is LetterStatus.SENT
        logged = [
            action.outcome
            for action in store.list_actions(application.id)
            if action.kind is ActionKind.STATUS_CHECK
        ]
        assert AttemptOutcome.SENT in logged
    finally:
        store.close()
