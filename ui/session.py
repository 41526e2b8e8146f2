"""What every page shares: the store, and which application is being worked on."""

from __future__ import annotations

import streamlit as st

from followup.errors import FollowupError
from followup.store import Store, default_url
from ui.text import md


@st.cache_resource(max_entries=4, show_spinner=False)
def _open_store(url: str) -> Store:
    # The engine holds no visitor's data, only connections to the database.
    return Store.open(url)


def store() -> Store:
    try:
        return _open_store(default_url())
    except FollowupError as error:
        st.error(str(error), icon=":material/database:")
        st.stop()


def show_problem(error: FollowupError) -> None:
    st.error(str(error), icon=":material/error:")


APPLICATION_KEY = "application"
_FLASH_KEY = "flash"


def application_label(application) -> str:
    return f"{application.company} — {application.role}"


def pick_application(applications, *, label: str = "Application"):
    """The application the user is working on, shared by every page and kept in the URL."""
    if not applications:
        return None
    by_id = {a.id: a for a in applications}
    if st.session_state.get(APPLICATION_KEY) not in by_id:
        st.session_state.pop(APPLICATION_KEY, None)
    chosen = st.selectbox(
        label,
        list(by_id),
        format_func=lambda application_id: application_label(by_id[application_id]),
        key=APPLICATION_KEY,
        bind="query-params",
        persist_state="session",
    )
    return by_id[chosen]


def flash(message: str) -> None:
    """Say something on the next run (callbacks cannot draw where the user looks)."""
    st.session_state[_FLASH_KEY] = message


def show_flash() -> None:
    message = st.session_state.pop(_FLASH_KEY, None)
    if message:
        st.toast(md(message), icon=":material/check_circle:")
