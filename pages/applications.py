"""Applications: add, edit and delete applications and their interviews."""

from __future__ import annotations

from datetime import datetime, time

import streamlit as st

from followup import clock, guide, outcome, planning, validation
from followup.errors import FollowupError
from followup.model import ActionKind, ActionStatus, Application, Interview
from ui import session, welcome
from ui.application_fields import application_fields, interview_fields, read_application, read_interview
from ui.forms import (
    confirm_delete,
    forget,
    form_problem,
    opened_version,
    prefix_for,
    save_checked,
    stale_choice,
)
from ui.text import md

store = session.store()
session.show_flash()
st.title("Applications")

NEW_BASE = "apps-add-application-"
NEW = prefix_for(NEW_BASE)


def _save(base: str, validate, save, done: str) -> bool:
    """Validate, save in one transaction, and keep what was typed if anything fails."""
    if not save_checked(prefix_for(base), validate(), save):
        return False
    forget(base)
    session.flash(done)
    return True


def _add_application() -> None:
    application = read_application(NEW, Application(company="", role=""))
    if _save(
        NEW_BASE,
        lambda: validation.validate_application(application),
        lambda: store.add_application(application),
        f"Added {application.company}.",
    ):
        st.session_state[session.APPLICATION_KEY] = application.id


applications = store.list_applications()

if not applications:
    session.link_not_found(applications)
    st.info(
        "No applications yet. Add the one you just interviewed for below, "
        "or load eight sample applications to look around first.",
        icon=":material/waving_hand:",
    )
    welcome.sample_button(store)

with (
    st.expander("Add an application", expanded=not applications, icon=":material/add:"),
    st.form(f"{NEW}form", border=False),
):
    application_fields(NEW, Application(company="", role=""))
    form_problem(NEW)
    st.form_submit_button("Add application", type="primary", on_click=_add_application)

if not applications:
    st.stop()

st.subheader("Your applications")
# The stage label only looks for a planned stay-in-touch note: read just those.
staying: dict[int, list] = {}
for action in store.list_actions(status=ActionStatus.PLANNED, kind=ActionKind.STAY_IN_TOUCH):
    staying.setdefault(action.application_id, []).append(action)
st.dataframe(
    [
        {
            "Company": a.company,
            "Role": a.role,
            "Stage": outcome.stage_label(a, staying.get(a.id, [])),
            "Pace": guide.FIELD_PACE[a.field_pace],
            "Formality": guide.FORMALITY[a.formality],
            "Job ad": a.job_link or None,
            "Added": a.created_at,
        }
        for a in applications
    ],
    hide_index=True,
    column_config={
        "Job ad": st.column_config.LinkColumn(display_text="open"),
        "Added": st.column_config.DatetimeColumn(format="YYYY-MM-DD"),
    },
)

st.subheader("Edit an application")
current = session.pick_application(applications)
EDIT_BASE = f"apps-edit-{current.id}-"
EDIT = prefix_for(EDIT_BASE)


def _update_application() -> None:
    application = read_application(EDIT, current)
    application.version = opened_version(EDIT, current.version)
    _save(
        EDIT_BASE,
        lambda: validation.validate_application(application),
        lambda: planning.save_application(store, application),
        f"Saved {application.company}.",
    )


opened_version(EDIT, current.version)
with st.form(f"{EDIT}form"):
    application_fields(EDIT, current)
    form_problem(EDIT)
    st.form_submit_button("Save changes", type="primary", on_click=_update_application)
stale_choice(EDIT, current.version, _update_application, EDIT_BASE)


def _delete_application() -> None:
    try:
        store.delete_application(current.id)
    except FollowupError as error:
        session.flash(f"Not deleted: {error}")
        return
    st.session_state.pop(session.APPLICATION_KEY, None)
    session.flash(f"Deleted {current.company}.")


confirm_delete(
    f"apps-delete-{current.id}",
    "Delete this application…",
    f"Delete **{md(current.company)} — {md(current.role)}** with all of its interviews, interviewers, "
    "notes, letters and follow-up actions? This cannot be undone.",
    _delete_application,
)

st.subheader(f"Interviews at {md(current.company)}")
interviews = store.list_interviews(current.id)
if not interviews:
    st.caption("No interview recorded yet.")

for interview in interviews:
    base = f"apps-interview-{interview.id}-"
    prefix = prefix_for(base)
    opened_version(prefix, interview.version)
    title = f"Round {interview.round} · {interview.starts_at:%a %d %b %Y, %H:%M} · {interview.format}"
    with st.expander(md(title)):
        with st.form(f"{prefix}form", border=False):
            interview_fields(prefix, interview)
            form_problem(prefix)

            def _update(base=base, prefix=prefix, interview=interview) -> None:
                edited = read_interview(prefix, interview)
                edited.version = opened_version(prefix, interview.version)
                _save(
                    base,
                    lambda: validation.validate_interview(edited),
                    lambda: planning.save_interview(store, edited),
                    f"Saved round {edited.round}.",
                )

            st.form_submit_button("Save interview", on_click=_update)
        stale_choice(prefix, interview.version, _update, base)

        def _delete(interview=interview) -> None:
            try:
                planning.remove_interview(store, interview)
            except FollowupError as error:
                session.flash(f"Not deleted: {error}")
            else:
                session.flash(f"Deleted round {interview.round}.")

        confirm_delete(
            f"apps-interview-delete-{interview.id}",
            "Delete this interview…",
            f"Delete round {interview.round} with its interviewers and their notes? This cannot be undone.",
            _delete,
        )

NEW_INTERVIEW_BASE = f"apps-add-interview-{current.id}-"
NEW_INTERVIEW = prefix_for(NEW_INTERVIEW_BASE)
next_round = max((i.round for i in interviews), default=0) + 1
blank = Interview(
    application_id=current.id,
    round=min(next_round, 20),
    starts_at=datetime.combine(clock.now().date(), time(9, 0)),
)


def _add_interview() -> None:
    interview = read_interview(NEW_INTERVIEW, blank)
    _save(
        NEW_INTERVIEW_BASE,
        lambda: validation.validate_interview(interview),
        lambda: planning.add_interview(store, interview),
        f"Added round {interview.round}.",
    )


with (
    st.expander("Add an interview", icon=":material/add:", expanded=not interviews),
    st.form(f"{NEW_INTERVIEW}form", border=False),
):
    interview_fields(NEW_INTERVIEW, blank)
    form_problem(NEW_INTERVIEW)
    st.form_submit_button("Add interview", type="primary", on_click=_add_interview)
