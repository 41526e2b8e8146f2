"""Which interview the user is working on: pick one, or add the application and the interview.

Shared by the journey's pages. The choice lives in the session and in the URL
(`?application=…&interview=…`), so a refresh or a link keeps it.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

import streamlit as st

from followup import clock, guide, planning, validation
from followup.model import Application, ApplicationBundle, Interview
from followup.store import Store
from ui import session
from ui.application_fields import EARLIEST
from ui.forms import errors_for, field_error, form_problem, held, save_checked

INTERVIEW_KEY = "interview"
# Its company and role are kept in the tab until the interview is started (see forms.KEPT_UNTIL_SAVED).
NEW_APPLICATION = "journey-new-application-"


def interview_label(interview: Interview) -> str:
    return f"Round {interview.round} · {interview.starts_at:%a %d %b %Y, %H:%M} · {interview.format}"


def _just_now() -> datetime:
    """A likely start for an interview that just ended: an hour ago, on the quarter hour."""
    start = clock.now() - timedelta(hours=1)
    return start.replace(minute=start.minute - start.minute % 15, second=0, microsecond=0)


def _when_fields(prefix: str, default: datetime) -> None:
    errors = errors_for(prefix)
    today = clock.now().date()
    day, hour = st.columns(2)
    day.date_input(
        "Interview date",
        value=held(f"{prefix}date", default.date()),
        min_value=EARLIEST,
        max_value=today + timedelta(days=730),
        key=f"{prefix}date",
        format="YYYY-MM-DD",
        persist_state="session",
    )
    hour.time_input(
        "Started at",
        value=held(f"{prefix}time", default.time()),
        key=f"{prefix}time",
        step=timedelta(minutes=15),
        persist_state="session",
    )
    field_error(errors, "starts_at")


def _read_start(prefix: str) -> datetime:
    state = st.session_state
    return datetime.combine(state[f"{prefix}date"], state[f"{prefix}time"] or time(9, 0))


def _chosen(application_id: int, interview_id: int) -> None:
    st.session_state[session.APPLICATION_KEY] = application_id
    st.session_state[INTERVIEW_KEY] = interview_id


def _new_application(store: Store) -> None:
    state = st.session_state
    application = Application(
        company=state[f"{NEW_APPLICATION}company"].strip(), role=state[f"{NEW_APPLICATION}role"].strip()
    )
    interview = Interview(application_id=0, starts_at=_read_start(NEW_APPLICATION))
    errors = validation.validate_application(application) | validation.validate_interview(interview)
    # One transaction: never an application saved without the interview it was created for.
    if not save_checked(
        NEW_APPLICATION,
        errors,
        lambda: store.add_bundles([ApplicationBundle(application, [(interview, [])])]),
    ):
        return
    # Set, not deleted: the browser keeps showing a widget's text until it is told otherwise.
    state[f"{NEW_APPLICATION}company"] = state[f"{NEW_APPLICATION}role"] = ""
    _chosen(application.id, interview.id)
    session.flash(f"Saved {application.company}, round 1. Now the questions to ask before you leave.")


def new_application_fields(store: Store) -> None:
    """Company, role and when the interview was: enough to start."""
    errors = errors_for(NEW_APPLICATION)
    st.text_input(
        "Company *",
        value=held(f"{NEW_APPLICATION}company", ""),
        key=f"{NEW_APPLICATION}company",
        max_chars=validation.MAX_NAME,
        persist_state="session",
    )
    field_error(errors, "company")
    st.text_input(
        "Role *",
        value=held(f"{NEW_APPLICATION}role", ""),
        key=f"{NEW_APPLICATION}role",
        max_chars=validation.MAX_NAME,
        persist_state="session",
    )
    field_error(errors, "role")
    _when_fields(NEW_APPLICATION, _just_now())
    form_problem(NEW_APPLICATION)
    st.button(
        "Start with this interview",
        key=f"{NEW_APPLICATION}add",
        type="primary",
        icon=":material/play_arrow:",
        width="stretch",
        on_click=_new_application,
        args=(store,),
    )


def _new_round(store: Store, application: Application, prefix: str) -> None:
    state = st.session_state
    interview = Interview(
        application_id=application.id,
        starts_at=_read_start(prefix),
        round=int(state[f"{prefix}round"]),
        format=state[f"{prefix}format"],
    )
    if not save_checked(
        prefix, validation.validate_interview(interview), lambda: planning.add_interview(store, interview)
    ):
        return
    state[f"{prefix}round"] = min(interview.round + 1, 20)
    _chosen(application.id, interview.id)
    session.flash(f"Saved round {interview.round} at {application.company}.")


def new_round_fields(store: Store, application: Application, interviews: list[Interview]) -> None:
    prefix = f"journey-new-round-{application.id}-"
    errors = errors_for(prefix)
    next_round = min(max((i.round for i in interviews), default=0) + 1, 20)
    number, kind = st.columns(2)
    number.number_input(
        "Round",
        min_value=1,
        max_value=20,
        value=held(f"{prefix}round", next_round),
        step=1,
        key=f"{prefix}round",
        persist_state="session",
    )
    formats = list(guide.INTERVIEW_FORMATS)
    session.keep_choice(f"{prefix}format", formats)
    kind.selectbox("Format", formats, key=f"{prefix}format", persist_state="session")
    field_error(errors, "round")
    _when_fields(prefix, _just_now())
    form_problem(prefix)
    st.button(
        "Add this round",
        key=f"{prefix}add",
        type="primary",
        icon=":material/add:",
        width="stretch",
        on_click=_new_round,
        args=(store, application, prefix),
    )


def _default(interviews: list[Interview]) -> Interview:
    """The latest interview that has already begun, else the first one ahead."""
    started = [i for i in interviews if i.starts_at <= clock.now()]
    return started[-1] if started else interviews[0]


def pick_interview(store: Store) -> tuple[Application, Interview] | None:
    """The application and interview to work on, or None (with the fields to add one) if there is none."""
    applications = store.list_applications()
    if not applications:
        session.link_not_found(applications)
        st.info(
            "Where did you just interview? The company, the role and when it began are enough to "
            "start: the rest comes on the next screen. What you type here is kept until you start, "
            "even if the page is refreshed.",
            icon=":material/waving_hand:",
        )
        new_application_fields(store)
        return None

    application = session.pick_application(applications)
    interviews = store.list_interviews(application.id)
    if not interviews:
        st.info("No interview recorded for this application yet. When was it?", icon=":material/event:")
        new_round_fields(store, application, interviews)
        with st.expander("Interviewed somewhere else? Start a new application", icon=":material/add:"):
            new_application_fields(store)
        return None

    by_id = {i.id: i for i in interviews}
    session.keep_choice(INTERVIEW_KEY, by_id)
    chosen = st.selectbox(
        "Interview",
        list(by_id),
        index=list(by_id).index(_default(interviews).id),
        format_func=lambda interview_id: interview_label(by_id[interview_id]),
        key=INTERVIEW_KEY,
        bind="query-params",
        persist_state="session",
    )
    session.show_choices_in_the_url()
    interview = by_id.get(chosen) or _default(interviews)
    left, right = st.columns(2)
    with left.expander("Another round here", icon=":material/add:"):
        new_round_fields(store, application, interviews)
    with right.expander("A new application", icon=":material/add_business:"):
        new_application_fields(store)
    return application, interview
