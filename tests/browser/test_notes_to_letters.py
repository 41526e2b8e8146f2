"""Type notes on the Debrief page as a user jots them, read the sentence each one makes,
then open Letters: the drafts carry those very sentences, and nothing private."""

from datetime import datetime, timedelta

from playwright.sync_api import expect

from followup.model import Application, Interview, Interviewer, Settings
from followup.store import Store
from tests.browser.conftest import screenshot, settle

# (field, as jotted, the sentence it must make in the letter, or None when it stays private)
PRIYA = [
    (
        "liked",
        "lit up when I described the audit clean-up",
        "I was glad that you lit up when I described the audit clean-up.",
    ),
    ("concerns", "asked twice about my notice period", None),
    ("concern_answer", "can start within four weeks if needed", "I can start within four weeks if needed."),
    ("to_stress", "look up their new ERP", None),
]
TOMAS = [
    ("liked", "he loved the Power BI refresh story", "the Power BI refresh story."),
    ("rapport", "we both started out in physics", "we both started out in physics."),
]
PRIVATE = ("asked twice", "new ERP")


def _panel(url: str) -> list[Interviewer]:
    store = Store.open(url)
    try:
        application = Application("Northwind Analytics", "Data Analyst")
        store.add_application(application)
        interview = Interview(application.id, datetime.now().replace(microsecond=0) - timedelta(hours=2))
        store.add_interview(interview)
        people = [
            Interviewer(interview.id, "Priya Raman", "Head of Analytics", "priya@northwind.example"),
            Interviewer(interview.id, "Tomás Ortega", "Data Engineer", "tomas@northwind.example"),
        ]
        for person in people:
            store.add_interviewer(person)
        store.save_settings(Settings(signature="Sam Lee"))
        return people
    finally:
        store.close()


def _type_and_click_away(page, person: Interviewer, field: str, text: str) -> None:
    """Type, then click somewhere else without pressing Tab: leaving the box is what saves."""
    page.locator(f".st-key-debrief-{person.id}-{field}-value textarea").click()
    page.keyboard.type(text)
    page.get_by_role("heading", name="Debrief", exact=True).click()
    settle(page)


def test_the_sentence_beside_each_note_is_the_one_in_the_letter(app_server, page):
    priya, tomas = _panel(app_server.env["FOLLOWUP_DATABASE_URL"])
    page.goto(f"{app_server.url}/debrief")
    settle(page)
    expected: dict[int, list[str]] = {priya.id: [], tomas.id: []}
    for person, notes in ((priya, PRIYA), (tomas, TOMAS)):
        card = page.locator(f".st-key-debrief-card-{person.id}")
        for field, text, sentence in notes:
            _type_and_click_away(page, person, field, text)
            if sentence:
                quote = card.locator("blockquote", has_text=sentence)
                expect(quote).to_have_count(1)
                expected[person.id].append(quote.inner_text().strip())
            else:
                expect(card.locator("blockquote", has_text=text)).to_have_count(0)
    expect(page.get_by_text("“look up their new ERP” stays out of your letters")).to_be_visible()
    screenshot(page, "debrief-preview")

    page.get_by_test_id("stSidebarNav").get_by_text("3 · Letters", exact=True).click()
    settle(page)
    bodies = {}
    for person in (priya, tomas):
        page.get_by_role("tab", name=person.name).click()
        tab = page.get_by_role("tabpanel").filter(visible=True)
        tab.get_by_role("button", name="Draft a letter").click()
        settle(page)
        bodies[person.id] = tab.get_by_label("Letter", exact=True).input_value()
    screenshot(page, "letters-from-notes")
    for person in (priya, tomas):
        for sentence in expected[person.id]:
            assert sentence in bodies[person.id], (sentence, bodies[person.id])
        for private in PRIVATE:
            assert private not in bodies[person.id]
    assert bodies[priya.id].startswith("Hi Priya,") and bodies[tomas.id].startswith("Hello Tomás,")
