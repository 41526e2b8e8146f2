"""The fields that save as you go, found on the page by their keys and read back from the database.

Each such widget's key names the record and the field it saves
(`debrief-<interviewer>-liked-value`, `close-interview-<interview>-next_steps-value`,
`letter-<letter>-body-value`, ...), so a test can check what the page shows and
what the database holds for the same field.
"""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import urlparse

from followup import letters, planning
from followup.model import Letter, LetterKind
from followup.store import Store
from tests.browser.conftest import settle

# The text fields that save as you go. Dates and choices have keys of the same
# shape but are not typed into.
TEXT_KEY = re.compile(
    r"^(?P<kind>debrief|close-interview|close-interviewer|letter)-(?P<id>\d+)-(?P<field>\w+)-value$"
)
NOT_TYPED = {"decision_by", "calls_welcome", "preferred_channel", "formality", "field_pace"}
# Fields with a check on what is typed: added-to words would be refused, and rightly kept unsaved.
CHECKED = {"recipient", "email", "phone", "salutation"}


def stored(store: Store, key: str) -> str:
    """What the database holds for the field behind this widget key."""
    found = TEXT_KEY.match(key)
    record_id, field = int(found["id"]), found["field"]
    record = {
        "debrief": store.get_notes,
        "close-interview": store.get_interview,
        "close-interviewer": store.get_interviewer,
        "letter": store.get_letter,
    }[found["kind"]](record_id)
    return getattr(record, field)


def text_fields(page, *, free: bool = False) -> list[str]:
    """The keys of the text fields on the page, in the order they are shown (disabled ones left out);
    with `free`, only those that take any text."""
    keys = page.evaluate(
        """() => [...document.querySelectorAll('[class*="st-key-"]')]
            .filter(el => el.getClientRects().length)
            .filter(el => el.querySelector('input:not([disabled]), textarea:not([disabled])'))
            .map(el => [...el.classList].find(c => c.startsWith('st-key-')).slice(7))"""
    )
    left_out = NOT_TYPED | CHECKED if free else NOT_TYPED
    return [k for k in keys if (m := TEXT_KEY.match(k)) and m["field"] not in left_out]


def journey_page_ready(page) -> None:
    """Wait until a journey page is drawn to its end (its "Next" button; a first visit reruns
    once) and every field in it is there to type into (the browser loads some widgets late)."""
    settle(page)
    page.locator(".st-key-journey-next").wait_for()
    page.wait_for_function(
        """() => [...document.querySelectorAll('[class*="st-key-"]')]
            .filter(el => [...el.classList].some(c => c.startsWith('st-key-') && c.endsWith('-value')))
            .every(el => el.querySelector('input, textarea'))"""
    )
    settle(page)


def wait_until_stored(page, store: Store, key: str, text: str, seconds: float = 15) -> None:
    """Wait for the database to hold `text` for the field behind `key` (a save the page makes by itself)."""
    for _ in range(int(seconds * 4)):
        if stored(store, key) == text:
            settle(page)
            return
        page.wait_for_timeout(250)
    assert stored(store, key) == text, f"{key} holds {stored(store, key)!r}, not {text!r}"


def box(page, key: str):
    return page.locator(f".st-key-{key}").locator("input, textarea").first


def type_at_end(page, key: str, text: str) -> None:
    """Click into the field and type at its end, as a person adds to what is there; no Tab."""
    field = box(page, key)
    field.click()
    field.press("ControlOrMeta+End")
    page.keyboard.type(text)


def leave_by_tab(page) -> None:
    page.keyboard.press("Tab")
    settle(page)


def sidebar(page, name: str) -> None:
    """Click a page in the sidebar and wait until it is the page shown."""
    link = page.get_by_test_id("stSidebarNav").get_by_role("link").filter(has_text=name)
    path = urlparse(link.get_attribute("href")).path
    link.click()
    page.wait_for_function("path => location.pathname === path", arg=path)
    settle(page)


def snapshot(store: Store, application_id: int | None = None) -> dict:
    """Everything the user wrote (for one application, or all), without the bookkeeping that
    changes on a save: each section maps a record's id to its fields."""
    skip = {"version", "updated_at", "created_at"}

    def plain(record) -> dict:
        return {k: v for k, v in dataclasses.asdict(record).items() if k not in skip}

    applications = [a for a in store.list_applications() if application_id is None or a.id == application_id]
    interviews = [i for a in applications for i in store.list_interviews(a.id)]
    people = [p for i in interviews for p in store.list_interviewers(i.id)]
    return {
        "applications": {a.id: plain(a) for a in applications},
        "interviews": {i.id: plain(i) for i in interviews},
        "interviewers": {p.id: plain(p) for p in people},
        "notes": {p.id: plain(store.get_notes(p.id)) for p in people},
        "letters": {x.id: plain(x) for a in applications for x in store.list_letters(a.id)},
    }


def with_text(before: dict, key: str, text: str) -> dict:
    """`before` with the field behind `key` holding `text`."""
    found = TEXT_KEY.match(key)
    section = {
        "debrief": "notes",
        "close-interview": "interviews",
        "close-interviewer": "interviewers",
        "letter": "letters",
    }[found["kind"]]
    changed = {**before, section: {**before[section]}}
    record_id = int(found["id"])
    changed[section][record_id] = {**before[section][record_id], found["field"]: text}
    return changed


def differences(actual: dict, expected: dict) -> list[str]:
    """Each field whose value differs, as `section id field: actual != expected`, for a readable failure."""
    found = []
    for section in expected:
        for record_id in set(actual[section]) | set(expected[section]):
            mine, wanted = actual[section].get(record_id, {}), expected[section].get(record_id, {})
            for field in set(mine) | set(wanted):
                if mine.get(field) != wanted.get(field):
                    found.append(
                        f"{section} {record_id} {field}: {mine.get(field)!r} != {wanted.get(field)!r}"
                    )
    return found


def draft_thank_yous(store: Store, application_id: int) -> None:
    """A drafted thank-you email to each person of the application's latest interview, as Letters makes them."""
    application = store.get_application(application_id)
    interview = planning.latest_interview(store, application_id)
    for seat, person in enumerate(store.list_interviewers(interview.id)):
        drafted = letters.draft(
            LetterKind.THANK_YOU_EMAIL,
            application=application,
            interview=interview,
            interviewer=person,
            notes=store.get_notes(person.id),
            settings=store.get_settings(),
            variant=seat,
        )
        store.add_letter(
            Letter(
                application_id,
                drafted.kind,
                recipient=drafted.recipient,
                subject=drafted.subject,
                body=drafted.body,
                interviewer_id=person.id,
            )
        )
