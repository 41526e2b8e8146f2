"""What every page shares: whose store, and which application is being worked on."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from contextvars import ContextVar
from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx

from followup import clock, demo
from followup.errors import FollowupError
from followup.model import Owner
from followup.store import Store, default_url
from ui.text import md

APPLICATION_KEY = "application"
_DEMO_KEY = "demo_database"
# The sample opened beside a person's own data: a private, temporary database of its own.
_TOUR_KEY = "sample_tour_database"
_PERSON_KEY = "person_store"
_FLASH_KEY = "flash"
ROUTER = Path(__file__).resolve().parents[1] / "app.py"
# Set by the router in the thread that runs the script. A thread can go on to later runs, but
# once any run has gone through the router Streamlit's old mode is off for good and every later
# run goes through the router too: a value left by an earlier run is never wrong.
_ROUTED: ContextVar[bool] = ContextVar("followup_routed", default=False)


@st.cache_resource(max_entries=4, show_spinner=False)
def _open_store(url: str) -> Store:
    # The engine holds no visitor's data, only connections to the database.
    return Store.open(url)


def demo_mode() -> bool:
    secret = st.secrets.get("demo") if st.secrets.load_if_toml_exists() else None
    return demo.demo_requested(secret)


def sign_in_configured() -> bool:
    """An [auth] section in the secrets: everyone signs in, and sees only their own data.

    The demo never asks: each visitor has a throw-away database of their own anyway.
    """
    if demo_mode() or not st.secrets.load_if_toml_exists():
        return False
    return isinstance(st.secrets.get("auth"), Mapping)


def signed_in_owner() -> Owner | None:
    """Who is signed in, as their identity provider names them (issuer and subject); None if no one.

    Raises FollowupError when the provider's answer does not name the person.
    """
    if not st.user.is_logged_in:
        return None
    issuer, subject = st.user.get("iss"), st.user.get("sub")
    if not isinstance(issuer, str) or not isinstance(subject, str) or not issuer or not subject:
        raise FollowupError(
            "Your sign-in did not say who you are: the identity provider sent no issuer and subject. "
            "Sign out and try again, or ask whoever runs this site."
        )
    return Owner(issuer, subject)


def signed_in_label() -> str:
    """The name (else the email) the provider gave, for the sidebar and for operators."""
    for claim in ("name", "email", "preferred_username"):
        value = st.user.get(claim)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def routed() -> None:
    """Called by the router (app.py) at the top of every run: this run goes through it."""
    _ROUTED.set(True)


def ensure_router() -> None:
    """Make sure this page runs inside the router (app.py), even on a first-visit deep link.

    Streamlit treats an app with a pages/ folder as an old-style multipage app
    until some session has called st.navigation; until then a link straight to
    /plan runs pages/plan.py alone, without app.py (no page config, no demo
    banner). Switching that mode off and rerunning hands the request to app.py.
    Whether this run went through the router is asked of the run itself, not of
    Streamlit's mode: two visitors who open deep links while the server starts
    both run alone, and the first to get here switches the mode off for both.
    """
    if _ROUTED.get() or not _router_is_main_script():
        return
    PagesManager.uses_pages_directory = False
    st.rerun()


def _router_is_main_script() -> bool:
    # A page started on its own (streamlit run pages/plan.py) has no router to hand over to.
    ctx = get_script_run_ctx()
    return ctx is not None and Path(ctx.main_script_path).resolve() == ROUTER


def store() -> Store:
    """The visitor's store: their own throw-away one in demo mode; with sign-in, the configured
    database opened for the person signed in (nothing at all for a visitor who is not); else the
    configured database of the one local user."""
    ensure_router()
    try:
        clock.now()  # a clock setting that cannot be read is said here, in plain words
        if demo_mode():
            if _DEMO_KEY not in st.session_state:
                st.session_state[_DEMO_KEY] = demo.DemoDatabase()
            return st.session_state[_DEMO_KEY].store
        shared = _open_store(default_url())
        if not sign_in_configured():
            return _touring() or shared
        owner = signed_in_owner()
        if owner is None:
            # The router shows the sign-in page instead of any other; a page must never go on.
            st.stop()
        mine = st.session_state.get(_PERSON_KEY)
        if mine is None or mine.owner != owner or mine.engine is not shared.engine:
            mine = shared.for_owner(owner, label=signed_in_label())
            st.session_state[_PERSON_KEY] = mine
        return _touring() or mine
    except FollowupError as error:
        st.error(md(str(error)), icon=":material/database:")
        st.stop()


def _touring() -> Store | None:
    tour = st.session_state.get(_TOUR_KEY)
    return tour.store if tour is not None else None


def touring_sample() -> bool:
    """Looking around the sample, away from one's own applications."""
    return _TOUR_KEY in st.session_state and not demo_mode()


def start_sample_tour() -> None:
    """Open the sample in a private, temporary database of this session; one's own data stays as it is."""
    if _TOUR_KEY not in st.session_state:
        st.session_state[_TOUR_KEY] = demo.DemoDatabase()
    st.session_state.pop(APPLICATION_KEY, None)


def end_sample_tour() -> None:
    """Back to one's own applications; the sample's database is deleted."""
    tour = st.session_state.pop(_TOUR_KEY, None)
    st.session_state.pop(APPLICATION_KEY, None)
    if tour is not None:
        tour.discard()


def demo_banner() -> None:
    if touring_sample():
        st.info(
            "**Sample:** you are looking around eight sample applications in a private copy, deleted "
            "when you leave it. Try anything: your own applications are not touched.",
            icon=":material/science:",
        )
        st.button(
            "Back to my applications",
            key="sample-tour-end",
            icon=":material/arrow_back:",
            on_click=end_sample_tour,
        )
        return
    if demo_mode():
        st.info(
            "**Demo:** this sample data is yours alone and lives only in this browser tab. "
            "Refreshing or closing the tab starts again from a fresh sample. To keep your work, "
            "download it as JSON from **Your data** and import it into your own copy of followup.",
            icon=":material/science:",
        )


def show_problem(error: FollowupError) -> None:
    st.error(md(str(error)), icon=":material/error:")


def application_label(application) -> str:
    return f"{application.company} — {application.role}"


def _unique_labels(applications) -> dict[int, str]:
    """Company — role, with the record number added where two applications would read alike."""
    labels = {a.id: application_label(a) for a in applications}
    counts = Counter(labels.values())
    return {key: label if counts[label] == 1 else f"{label} (#{key})" for key, label in labels.items()}


def link_not_found(applications) -> None:
    """Opened from a link (or a bookmark) naming an application this person does not have: say so.

    Only on arriving: once the picker has run, the address follows the picker.
    """
    asked = st.query_params.get(APPLICATION_KEY)
    if not asked or APPLICATION_KEY in st.session_state:
        return
    if asked not in _unique_labels(applications).values():
        st.warning(
            "The application in this link was not found: it was deleted, or it belongs to another account.",
            icon=":material/link_off:",
        )


def keep_choice(key: str, options) -> None:
    """Tell the browser on every run which of `options` the session has chosen under `key`.

    A choice box that the browser draws afresh (after a page switch that a late
    value overtook, say) shows its first option while the session holds another,
    and the next click would send that first option back as the user's choice.
    Saying the choice on every run keeps the box, the page under it and the
    session in step. A choice that is no longer among the options is dropped.
    Call it before the widget is drawn.
    """
    state = st.session_state
    if key not in state:
        return
    chosen = state[key]
    if chosen in options:
        state[key] = chosen
    else:
        del state[key]


def pick_application(applications, *, label: str = "Application"):
    """The application the user is working on, shared by every page and kept in the URL."""
    link_not_found(applications)
    if not applications:
        return None
    by_id = {a.id: a for a in applications}
    keep_choice(APPLICATION_KEY, by_id)
    labels = _unique_labels(applications)
    chosen = st.selectbox(
        label,
        list(by_id),
        # The label is what the URL holds, so two applications must never share one.
        format_func=labels.__getitem__,
        key=APPLICATION_KEY,
        bind="query-params",
        persist_state="session",
    )
    show_choices_in_the_url()
    return by_id[chosen]


def show_choices_in_the_url() -> None:
    """Send the browser the query string as this run has it, after the choice boxes are drawn.

    The browser can drop it from the address bar when a late value overtakes a
    page switch, while the session believes the URL still carries it; a refresh
    would then open another application. The browser does nothing when its
    address already matches.
    """
    st.query_params.update()


def flash(message: str) -> None:
    """Say something on the next run (callbacks cannot draw where the user looks)."""
    st.session_state[_FLASH_KEY] = message


def show_flash() -> None:
    message = st.session_state.pop(_FLASH_KEY, None)
    if message:
        st.toast(md(message), icon=":material/check_circle:")
