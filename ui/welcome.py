"""The first visit: what followup does, where to start, and the sample to look around."""

from __future__ import annotations

import streamlit as st

from followup import sample
from followup.errors import FollowupError
from followup.store import Store
from ui import errors, session


@errors.guarded
def _load_sample(store: Store) -> None:
    try:
        added = sample.load_sample(store)
    except FollowupError as error:
        session.flash(f"The sample could not be loaded: {error}")
        return
    session.flash(f"Loaded {added} sample applications.")


def sample_button(store: Store) -> None:
    st.button(
        "Load sample applications",
        key="load-sample",
        on_click=_load_sample,
        args=(store,),
        icon=":material/auto_awesome:",
    )


def sample_tour_button() -> None:
    """With applications of one's own, the sample opens apart from them instead of mixing in."""
    if session.touring_sample() or session.demo_mode():
        return
    st.button(
        "Look around the sample applications",
        key="sample-tour-start",
        icon=":material/science:",
        on_click=session.start_sample_tour,
        help="Eight sample applications at every stage, in a private copy of their own: "
        "your applications stay as they are, and the copy is deleted when you go back to them.",
    )


def welcome(store: Store) -> None:
    """Shown where the user's applications would be, while there are none."""
    st.info(
        "No applications yet. Just out of an interview? Start with the questions to ask before "
        "you leave and the business cards; followup then drafts a letter for each person you met "
        "and plans every follow-up on business days. Or load eight sample applications to look around first.",
        icon=":material/waving_hand:",
    )
    with st.container(horizontal=True, vertical_alignment="center"):
        st.page_link(
            "pages/close_interview.py",
            label="Start with the interview you just had",
            icon=":material/handshake:",
        )
        sample_button(store)
        st.page_link("pages/applications.py", label="Add an application by hand", icon=":material/work:")
