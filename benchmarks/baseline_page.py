"""The bare baseline of the overview benchmark: N rows in a plain table and N points in a plain chart.

It shows what Streamlit itself costs for that much data, with nothing of
followup's: no database, no filters, no figures. The rows are synthetic but
have the overview table's columns and types; they are built once and cached,
as any real page would cache its data.
"""

import os

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

ROWS = int(os.environ.get("FOLLOWUP_BASELINE_ROWS", "1000"))


@st.cache_data(max_entries=4)
def rows(count: int) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    days = pd.Timestamp("2026-01-01") + pd.to_timedelta(rng.integers(0, 120, count), unit="D")
    words = np.array(["Acorn Labs", "Beacon Bank", "Cedar Health", "Delta Media", "Ember Systems"])
    return pd.DataFrame(
        {
            "urgency": [["Planned"]] * count,
            "company": words[rng.integers(0, len(words), count)],
            "role": words[rng.integers(0, len(words), count)],
            "stage": "Active",
            "next_action": "Check on the status",
            "next_due": days,
            "next_channel": "Email",
            "next_recipient": "Alex Kim",
            "last_interview": days - pd.Timedelta(days=7),
            "last_contact": days - pd.Timedelta(days=3),
            "days_waiting": rng.integers(0, 60, count).astype("float64"),
            "days_past_decision": rng.integers(0, 20, count).astype("float64"),
            "job_link": "https://example.com/jobs/1",
        }
    )


data = rows(ROWS)
st.dataframe(data)
st.altair_chart(alt.Chart(data).mark_point().encode(x="next_due:T", y="days_waiting:Q"))
