"""The parts of the Today page that stay the same from one rerun to the next.

They live in a module, not in the page: a page script runs again on every
rerun, and a cached function defined there would hash its own source code each
time.

Whose data a cache holds is in its key: `Store.identity` names the database
(by the random name it was given when it was made, and where it is) and the
person: a demo visitor's own database, or one person of a group deployment.
Never key on a setting that every visitor shares, such as the database URL:
fresh demo databases all start at the same data version.

The data is read once per person and then refreshed by what each save changed
(`followup.overview_cache`), checked on every rerun against the person's data
version, which changes in the same transaction as each of their saves, so a
save shows at once, through whichever app server made it. A timeline page is
drawn once per state of its own applications (their revisions), so a save
elsewhere replays it. The bounds leave room for many people at once on one
server.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from followup import agenda, overview, overview_cache, timeline
from followup.store import Store

_BOUNDS = {"ttl": timedelta(hours=1), "show_spinner": False}

# Each status is a word in its pill; the table writes it in black on the light
# colours and in white on the dark ones, at 4.5:1 or more either way.
_URGENCY_COLOURS = ("#c4281c", "#ffc266", "#83c9ff", "#d5dae5", "#d5dae5")
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


_OVERVIEWS = overview_cache.OverviewCache(people=64, keep_s=_BOUNDS["ttl"].total_seconds())


def snapshot(store: Store, today: date) -> overview_cache.Snapshot:
    """The person's table, figures and frames at the saved state of now."""
    return _OVERVIEWS.snapshot(store, today)


# Today's follow-ups put in words at the top of the page; the rest are in the table.
DUE_LINES = 12


@st.cache_data(max_entries=256, **_BOUNDS)
def due_list(
    identity: str, today: date, application_ids: tuple[int, ...], revisions: tuple[int, ...], _store: Store
) -> agenda.DueList:
    """The follow-ups due of these applications (the first ones due, in the table's order), in words.

    Only these applications are read, so it costs the same with 100 or 10,000
    applications; `application_ids` and `revisions` are the key, as for the timeline.
    """
    loaded = overview.prepare(_store.overview_rows(application_ids))
    return agenda.due_follow_ups(loaded, today, limit=DUE_LINES)


@st.cache_data(max_entries=256, **_BOUNDS)
def show_timeline(
    identity: str,
    today: date,
    lane_ids: tuple[int, ...],
    revisions: tuple[int, ...],
    title: str,
    _lanes: pd.DataFrame,
    _store: Store,
) -> None:
    """Draw the timeline of these lanes. Call it outside any container: the cache replays the chart.

    Only the applications of the page are read, so a page costs the same with
    100 or 10,000 applications. Building and validating an Altair spec costs
    more than everything else on the page; replaying the finished chart costs
    nothing while the same lanes are shown and none of them changed (their
    `revisions`), whatever else was saved. `lane_ids` and `revisions` are the
    key; `_lanes` follows from them. `title` names the chart for screen readers.
    """
    loaded = overview.prepare(_store.overview_rows(lane_ids))
    rows = timeline.chart_rows(timeline.events(loaded, today), _lanes)
    st.altair_chart(timeline.chart(rows, today, title), width="stretch")
