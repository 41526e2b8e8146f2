"""Today: what to do today in words, where every application's follow-up stands, the figures, and a timeline.

Each follow-up due opens its application's plan, and so does selecting a row of the table.
"""

from __future__ import annotations

import streamlit as st

from followup import agenda, clock, guide, overview, timeline
from followup.model import Status
from ui import overview_parts, session, welcome
from ui.text import md

TABLE_KEY = "overview-table"
SHOWN_KEY = "overview-shown-ids"
PAGE_KEY = "overview-page"
PLAN_PAGE = "pages/plan.py"


def _open_plan(application_id: int) -> None:
    st.session_state[session.APPLICATION_KEY] = application_id
    st.switch_page(PLAN_PAGE)


def _open_selected_plan(rows: list[int]) -> None:
    # Row numbers point into the table as the browser last got it.
    shown = st.session_state.get(SHOWN_KEY)
    if not rows or shown is None or rows[0] >= len(shown):
        return
    _open_plan(int(shown[rows[0]]))


def _due_list(due: agenda.DueList, due_applications: int) -> None:
    """Each follow-up due or overdue as a sentence that opens its plan."""
    st.header("To do today")
    if not due_applications:
        st.caption("Nothing is due today. The next follow-ups are in the table below.")
        return
    for line in due.lines:
        if st.button(
            f"{md(line.sentence)} · **{md(line.when)}**",
            key=f"today-due-{line.action_id}",
            icon=":material/warning:" if line.overdue else ":material/today:",
            help=f"Open the follow-up plan for {line.role or 'this application'}",
            width="stretch",
        ):
            _open_plan(line.application_id)
    more = due.total - len(due.lines)
    others = due_applications - len({line.application_id for line in due.lines})
    if more > 0 or others > 0:
        st.caption(
            "And more due or overdue: the table below lists every application with its next follow-up "
            "(Overdue only keeps the late ones)."
        )


store = session.store()
session.show_flash()
st.title("Today")
today = clock.today()
# The person's data at the saved state of now (their data version lives in the database,
# so every app server serving them agrees on it); a save reads only what it changed.
data = overview_parts.snapshot(store, today)
table, figures = data.table, data.figures
# The first applications with something due, in the table's order (the most overdue first): their
# earliest actions are the most overdue of all.
is_due = table["urgency"].isin([overview.OVERDUE, overview.DUE_TODAY])
due_ids = tuple(int(i) for i in table.loc[is_due, "id"].head(overview_parts.DUE_LINES))
due = overview_parts.due_list(store.identity, today, due_ids, data.revisions(due_ids), store)
due_applications = int(is_due.sum())

if table.empty:
    welcome.welcome(store)
    st.stop()

st.caption(f"{today:%A %d %B %Y}")
_due_list(due, due_applications)
# A row that wraps: on a narrow screen the figures move down instead of cutting their labels.
with st.container(horizontal=True):
    for label, value, help_text in overview.figure_cards(figures):
        st.metric(label, value, help=help_text, border=True, width="content")

with st.container(horizontal=True, vertical_alignment="bottom"):
    search = st.text_input(
        "Search",
        placeholder="Company, role, person or next step",
        key="overview-search",
        persist_state="session",
    )
    overdue_only = st.toggle("Overdue only", key="overview-overdue", persist_state="session")
    show_closed = st.toggle(
        "Show closed",
        key="overview-closed",
        persist_state="session",
        help="Offers, rejections, withdrawals and applications closed without an answer, "
        "once nothing is left to send.",
    )
stages = st.pills(
    "Stage",
    [s.value for s in Status],
    selection_mode="multi",
    format_func=lambda value: guide.STATUS[Status(value)],
    key="overview-stages",
    persist_state="session",
    help="None picked: every application still in play. Pick stages to see only those, closed ones too.",
)
shown = overview.filter_table(
    table, stages=stages, overdue_only=overdue_only, search=search, show_closed=show_closed
)

st.header("Applications")
st.caption(
    f"{len(shown):,} of {len(table):,} applications, the soonest next action first. "
    "Select a row to open its follow-up plan."
)
selected = st.dataframe(
    shown[list(overview_parts.TABLE_COLUMNS)],
    hide_index=True,
    column_config=overview_parts.TABLE_COLUMNS,
    on_select="rerun",
    selection_mode="single-row",
    key=TABLE_KEY,
    placeholder="",
    width="stretch",
)
_open_selected_plan(selected.selection.rows)
st.session_state[SHOWN_KEY] = shown["id"].to_numpy()

st.header("Timeline")
if shown.empty:
    st.caption("Nothing to draw: no application matches the filters.")
    st.stop()
pages = timeline.page_count(len(shown))
if st.session_state.get(PAGE_KEY, 1) > pages:
    st.session_state[PAGE_KEY] = pages
page = 1
if pages > 1:
    page = st.number_input(
        "Timeline page", min_value=1, max_value=pages, key=PAGE_KEY, width=160, persist_state="session"
    )
first = (page - 1) * timeline.LANES_PER_PAGE
lane_range = f"{first + 1:,}–{min(first + timeline.LANES_PER_PAGE, len(shown)):,} of {len(shown):,}"
st.caption(
    f"Applications {lane_range} (page {page:,} of {pages:,}), "
    "one lane each, the soonest next action at the top. Click the legend to show one kind of event "
    "(shift-click for more); hover a mark for what and why."
)
lanes = timeline.lanes(shown, page)
lane_ids = tuple(int(key) for key in lanes["application_id"])
overview_parts.show_timeline(
    store.identity,
    today,
    lane_ids,
    data.revisions(lane_ids),
    f"Follow-up timeline of applications {lane_range}",
    lanes,
    store,
)
