"""The parts of the Today page that stay the same from one rerun to the next.

They live in a module, not in the page: a page script runs again on every
rerun, and a cached function defined there would hash its own source code each
time. The data is built once per saved state of the database.

Whose data a cache holds is in its key: `(store.identity, data version)`.
`Store.identity` names the database (by the random name it was given when it
was made, and where it is) and the person: a demo visitor's own database, or
one person of a group deployment. The person's data version changes in the
same transaction as each of their saves, so a save shows at once, through
whichever app server made it. Never key on a setting that every visitor
shares, such as the database URL: fresh demo databases all start at the same
data version. The store is passed with a leading underscore so that it is not
hashed: the identity stands for it. The bounds leave room for many people at
once on one server; each entry is one person's table (or one timeline page)
at one saved state.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from followup import agenda, overview, timeline
from followup.store import Store

_BOUNDS = {"ttl": timedelta(hours=1), "show_spinner": False}

_URGENCY_COLOURS = ("#e0301e", "#ffa421", "#83c9ff", "#d5dae5", "#d5dae5")
# The table's columns, in order. A text cell in a multiselect column shows as
# one coloured pill, so no list per row has to be built.
TABLE_COLUMNS = {
    "urgency": st.column_config.MultiselectColumn(
        "Status",
        options=overview.URGENCIES,
        color=list(_URGENCY_COLOURS),
        width="small",
        help="Overdue or due today stand out; Closed: over, with nothing left to send.",
    ),
    "company": st.column_config.TextColumn("Company"),
    "role": st.column_config.TextColumn("Role"),
    "stage": st.column_config.TextColumn("Stage"),
    "next_action": st.column_config.TextColumn("Next action", help="The earliest planned follow-up action."),
    "next_due": st.column_config.DateColumn("Due", format="ddd D MMM YYYY"),
    "next_channel": st.column_config.TextColumn("Channel"),
    "next_recipient": st.column_config.TextColumn("To"),
    "last_interview": st.column_config.DateColumn("Last interview", format="D MMM YYYY"),
    "last_contact": st.column_config.DateColumn(
        "Last contact", format="D MMM YYYY", help="The later of the last interview and the last action done."
    ),
    "days_waiting": st.column_config.ProgressColumn(
        "Days waiting",
        min_value=0,
        max_value=42,
        format="%d days",
        help="Days since the last interview, while no final answer came. A full bar is six weeks: "
        "several weeks of silence is when one of our sources says to let it go (Closing the interview).",
    ),
    "days_past_decision": st.column_config.NumberColumn(
        "Past the decision date",
        format="%d days",
        help="Days since the latest date the interviewer named for a decision, once it has passed.",
    ),
    "job_link": st.column_config.LinkColumn("Job ad", display_text="Open the ad"),
}


# Today's follow-ups put in words at the top of the page; the rest are in the table.
DUE_LINES = 12


@st.cache_data(max_entries=64, **_BOUNDS)
def table(
    identity: str, version: int, day: date, _store: Store
) -> tuple[pd.DataFrame, overview.Figures, agenda.DueList]:
    """The table, the figures and the follow-ups due, all from one read of the database."""
    loaded = overview.prepare(_store.overview_rows())
    return (
        overview.application_table(loaded, day),
        overview.figures(loaded, day),
        agenda.due_follow_ups(loaded, day, limit=DUE_LINES),
    )


@st.cache_data(max_entries=256, **_BOUNDS)
def show_timeline(
    identity: str, version: int, today: date, lane_ids: tuple[int, ...], _lanes: pd.DataFrame, _store: Store
) -> None:
    """Draw the timeline of these lanes. Call it outside any container: the cache replays the chart.

    Only the applications of the page are read, so a page costs the same with
    100 or 10,000 applications. Building and validating an Altair spec costs
    more than everything else on the page; replaying the finished chart costs
    nothing while the same lanes of the same data are shown. `lane_ids` is the
    key; `_lanes` follows from it.
    """
    loaded = overview.prepare(_store.overview_rows(lane_ids))
    rows = timeline.chart_rows(timeline.events(loaded, today), _lanes)
    st.altair_chart(timeline.chart(rows, today), width="stretch")
