"""WCAG 2.1 A and AA on every page, checked with axe-core on a laptop and on a phone.

axe-core (the rule engine behind most accessibility audits) is injected into
each page of the sample data and run over the page's own content
(`[data-testid="stMain"]`): the sidebar is Streamlit's own markup. The
viewport is as tall as the longest page, because axe leaves the contrast of
text outside the viewport undecided instead of checking it. Expanders are
opened before the audit, so what they hold is checked too.
"""

from __future__ import annotations

import itertools

import pytest
from playwright.sync_api import expect

from followup.sample import load_sample
from followup.store import Store
from tests.browser.conftest import AXE_FOLDER, AXE_SCRIPT, settle
from tests.browser.server import AppServer

# The address and the h1 of every page of the router.
PAGES = {
    "overview": "Today",
    "close_interview": "Close the interview",
    "debrief": "Debrief",
    "letters": "Letters",
    "plan": "Follow-up plan",
    "outcome": "Outcome",
    "applications": "Applications",
    "data": "Your data",
    "sources": "Sources",
}
WIDTHS = {"laptop": 1366, "phone": 390}
TALL = 6000
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module", autouse=True)
def axe_installed():
    if not AXE_SCRIPT.is_file():
        pytest.fail(f"axe-core is not installed: run bash scripts/test, or npm ci --prefix {AXE_FOLDER}")


@pytest.fixture(scope="module")
def sample_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("accessibility")
    url = f"sqlite:///{folder / 'followup.db'}"
    store = Store.open(url)
    try:
        load_sample(store)
    finally:
        store.close()
    server = AppServer({"FOLLOWUP_DATABASE_URL": url}, folder / "server.log")
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module", params=list(WIDTHS))
def screen(request, browser):
    width = WIDTHS[request.param]
    phone = {"is_mobile": True, "has_touch": True} if width < 500 else {}
    context = browser.new_context(viewport={"width": width, "height": TALL}, **phone)
    opened = context.new_page()
    opened.set_default_timeout(20_000)
    yield opened
    context.close()


def audit(page) -> list[dict]:
    """axe-core's WCAG 2.1 A and AA violations in the page's own content, one line per element."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    return page.evaluate(
        """async (rules) => {
            const main = document.querySelector('[data-testid="stMain"]');
            const result = await axe.run(main, {runOnly: {type: 'tag', values: rules}});
            return result.violations.flatMap(v => v.nodes.map(n => ({
                rule: v.id, impact: v.impact, element: n.html.slice(0, 200), why: n.failureSummary,
            })));
        }""",
        RULES,
    )


def open_page(page, url: str, title: str) -> None:
    page.goto(url)
    # Before the app has connected, the page also says it is not running: wait for the title.
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible(timeout=20_000)
    settle(page)
    page.evaluate(
        """() => document.querySelectorAll('[data-testid="stMain"] details').forEach(d => d.open = true)"""
    )
    # Vega draws the timeline after the script run.
    if page.get_by_test_id("stVegaLiteChart").count():
        expect(page.get_by_test_id("stVegaLiteChart").locator("svg").first).to_be_visible()
    page.wait_for_timeout(500)


def heading_levels(page) -> list[int]:
    return page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stMain"] :is(h1, h2, h3, h4, h5, h6)')]
            .map(h => Number(h.tagName[1]))"""
    )


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_meets_wcag_21_aa_and_its_headings_form_an_outline(sample_server, screen, name):
    open_page(screen, f"{sample_server.url}/{name}", PAGES[name])

    assert audit(screen) == []
    # One h1, the page's title; below it, no level is skipped on the way down.
    levels = heading_levels(screen)
    assert levels[0] == 1 and levels.count(1) == 1, levels
    for above, below in itertools.pairwise(levels):
        assert below <= above + 1, levels


def test_the_first_visit_meets_wcag_21_aa(app_server, browser):
    """An empty database: Today welcomes a newcomer and offers the sample."""
    for width in WIDTHS.values():
        context = browser.new_context(viewport={"width": width, "height": TALL})
        page = context.new_page()
        try:
            open_page(page, f"{app_server.url}/overview", "Today")
            expect(page.get_by_role("button", name="Load sample applications")).to_be_visible()
            assert audit(page) == [], width
        finally:
            context.close()


def test_the_checks_find_faint_text_and_a_skipped_heading(sample_server, page):
    """The checks themselves work: Streamlit's default caption grey (#828180, 3.88:1) is
    reported, and so is an h3 straight under the h1 (what st.subheader gave before)."""
    open_page(page, f"{sample_server.url}/sources", "Sources")
    page.evaluate(
        """() => {
            document.querySelector('[data-testid="stCaptionContainer"]').style.color = '#828180';
            const skipped = document.createElement('h3');
            skipped.textContent = 'A section';
            document.querySelector('[data-testid="stMain"] h1').after(skipped);
        }"""
    )

    assert {finding["rule"] for finding in audit(page)} == {"color-contrast"}
    assert heading_levels(page)[:2] == [1, 3]
