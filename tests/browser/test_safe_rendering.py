"""User text is shown as typed on every page: never run as HTML, never a link, never an image."""

import dataclasses
from datetime import datetime, timedelta

from playwright.sync_api import expect

from followup import clock
from followup.model import (
    Action,
    ActionKind,
    Application,
    ApplicationBundle,
    Channel,
    DebriefNotes,
    Interview,
    Interviewer,
    Letter,
    LetterKind,
    Settings,
)
from followup.sample import load_sample
from followup.store import Store
from tests.browser.conftest import screenshot, settle

# Loopback addresses where nothing listens: a request there proves markup was rendered.
PAYLOADS = (
    "<img src=http://127.0.0.9:9/i.png onerror=alert(1)>",
    "<script>alert(2)</script>",
    "[click](javascript:alert(3))",
    "![x](http://127.0.0.9:9/m.png)",
    ":red[**bold**] $x^2$ <b>b</b>",
    # Addresses GitHub-flavoured Markdown would turn into links on its own.
    "x http://127.0.0.9:9/s.png",
    "mail x@evil.invalid or www.evil.invalid",
)


def _text(index: int) -> str:
    return f"{PAYLOADS[index % len(PAYLOADS)]} #{index}"


def _poisoned(obj, counter):
    """Every str field of a record (except enums' and links') filled with a payload."""
    values = {}
    for field in dataclasses.fields(obj):
        value = getattr(obj, field.name)
        if (
            isinstance(value, str)
            and not hasattr(value, "value")
            and field.name not in ("email", "phone", "job_link")
        ):
            values[field.name] = _text(next(counter))
    return dataclasses.replace(obj, **values)


def _hostile_application(store):
    import itertools

    counter = itertools.count()
    today = clock.today()
    people = []
    for seat in range(2):
        person = _poisoned(
            Interviewer(0, "x", email=f"p{seat}@example.com", phone="+1 415 555 0100"), counter
        )
        person.id = 900 + seat
        people.append((person, _poisoned(DebriefNotes(0), counter)))
    interview = _poisoned(
        Interview(
            0,
            datetime.combine(today - timedelta(days=1), datetime.min.time()).replace(hour=10),
            decision_by=today + timedelta(days=3),
        ),
        counter,
    )
    interview.format = "video"
    application = _poisoned(Application("x", "x", created_at=clock.now().replace(microsecond=0)), counter)
    application.job_link = "https://example.com/job"
    letter = _poisoned(Letter(0, LetterKind.THANK_YOU_EMAIL, interviewer_id=900), counter)
    action = _poisoned(
        Action(0, ActionKind.STATUS_CHECK, today, Channel.PHONE, interviewer_id=900, attempt=1), counter
    )
    store.add_bundles([ApplicationBundle(application, [(interview, people)], [letter], [action])])
    store.save_settings(Settings(signature=_text(next(counter))))
    return application


def test_markup_in_every_field_is_shown_literally_on_every_page(app_server, page):
    store = Store.open(app_server.env["FOLLOWUP_DATABASE_URL"])
    load_sample(store)
    hostile = _hostile_application(store)
    dialogs, outside, links_out = [], [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith((app_server.url, "data:", "blob:"))
            else None
        ),
    )

    page.goto(app_server.url)
    settle(page)
    navigation = page.get_by_test_id("stSidebarNav")
    links = navigation.get_by_role("link")
    assert links.count() == 9  # every page of the router, the Sources page included
    for index in range(links.count()):
        title = links.nth(index).inner_text().splitlines()[-1].strip()
        links.nth(index).click()
        settle(page)
        for expander in page.get_by_test_id("stExpander").all()[:6]:
            summary = expander.locator("summary")
            if summary.count():
                summary.first.click()
        settle(page)
        screenshot(page, f"safe-{index}-{title.split()[-1].lower()}")
        links_out += [
            f"{title}: {href}"
            for href in page.locator("a[href]").evaluate_all("links => links.map(a => a.href)")
            # The Letters page's own hand-off to the mail program is a mailto: link on purpose.
            if ("127.0.0.9" in href or "evil.invalid" in href) and not href.startswith("mailto:")
        ]
    page.get_by_test_id("stSidebarNav").get_by_text("Applications", exact=True).click()
    settle(page)
    heading = page.get_by_text("Interviews at ", exact=False).first
    expect(heading).to_be_visible()
    # Shown as typed; an invisible word joiner may sit inside an address, keeping it from becoming a link.
    assert heading.inner_text().replace("\u2060", "") == f"Interviews at {hostile.company}"
    assert dialogs == []
    assert outside == [], sorted(set(outside))
    assert page.locator("img[src*='127.0.0.9']").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert links_out == [], links_out
