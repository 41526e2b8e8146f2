"""The fields of an application and of an interview, shared by every page that edits them."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import streamlit as st

from followup import clock, guide
from followup.model import Application, FieldPace, Formality, Interview, Status
from ui.forms import errors_for, field_error

EARLIEST = date(2000, 1, 1)


def _index(options, value) -> int:
    return list(options).index(value) if value in options else 0


def application_fields(prefix: str, current: Application) -> None:
    errors = errors_for(prefix)
    left, right = st.columns(2)
    with left:
        st.text_input("Company *", value=current.company, key=f"{prefix}company", max_chars=200)
        field_error(errors, "company")
    with right:
        st.text_input("Role *", value=current.role, key=f"{prefix}role", max_chars=200)
        field_error(errors, "role")
    left, middle, right = st.columns(3)
    with left:
        st.selectbox(
            "Field pace",
            list(FieldPace),
            index=_index(list(FieldPace), current.field_pace),
            format_func=guide.FIELD_PACE.get,
            key=f"{prefix}field_pace",
            help=guide.FIELD_PACE_HELP,
        )
    with middle:
        st.selectbox(
            "Company formality",
            list(Formality),
            index=_index(list(Formality), current.formality),
            format_func=guide.FORMALITY.get,
            key=f"{prefix}formality",
            help=guide.FORMALITY_HELP,
        )
    with right:
        st.selectbox(
            "Stage",
            list(Status),
            index=_index(list(Status), current.status),
            format_func=guide.STATUS.get,
            key=f"{prefix}status",
        )
    st.text_input(
        "Job ad link",
        value=current.job_link,
        key=f"{prefix}job_link",
        placeholder="https://…",
        max_chars=2000,
    )
    field_error(errors, "job_link")
    st.checkbox(
        "I want to send a handwritten note too",
        value=current.handwritten_note,
        key=f"{prefix}handwritten_note",
        help="A short card by post the next business day, about something other than your email. "
        "Some recruiters love them, others find them old-fashioned: your call.",
    )
    st.text_area("Notes", value=current.notes, key=f"{prefix}notes", height=90)
    field_error(errors, "notes")


def read_application(prefix: str, base: Application) -> Application:
    state = st.session_state
    return Application(
        company=state[f"{prefix}company"].strip(),
        role=state[f"{prefix}role"].strip(),
        field_pace=state[f"{prefix}field_pace"],
        formality=state[f"{prefix}formality"],
        status=state[f"{prefix}status"],
        job_link=state[f"{prefix}job_link"].strip(),
        notes=state[f"{prefix}notes"],
        handwritten_note=state[f"{prefix}handwritten_note"],
        id=base.id,
        version=base.version,
        created_at=base.created_at,
    )


def interview_fields(prefix: str, current: Interview) -> None:
    errors = errors_for(prefix)
    today = clock.today()
    first, second, third, fourth = st.columns([1, 2, 2, 2])
    with first:
        st.number_input("Round", min_value=1, max_value=20, value=current.round, step=1, key=f"{prefix}round")
        field_error(errors, "round")
    with second:
        st.date_input(
            "Date",
            value=current.starts_at.date(),
            min_value=EARLIEST,
            max_value=today + timedelta(days=730),
            key=f"{prefix}date",
            format="YYYY-MM-DD",
        )
        field_error(errors, "starts_at")
    with third:
        st.time_input("Time", value=current.starts_at.time(), key=f"{prefix}time", step=timedelta(minutes=15))
    with fourth:
        formats = list(guide.INTERVIEW_FORMATS)
        if current.format and current.format not in formats:
            formats.append(current.format)
        st.selectbox("Format", formats, index=_index(formats, current.format), key=f"{prefix}format")
    st.date_input(
        "Decision promised by (if they named a date)",
        value=current.decision_by,
        min_value=EARLIEST,
        max_value=today + timedelta(days=730),
        key=f"{prefix}decision_by",
        format="YYYY-MM-DD",
    )
    field_error(errors, "decision_by")


def read_interview(prefix: str, base: Interview) -> Interview:
    state = st.session_state
    starts_at = datetime.combine(state[f"{prefix}date"], state[f"{prefix}time"] or time(9, 0))
    values = {
        **base.__dict__,
        "round": int(state[f"{prefix}round"]),
        "starts_at": starts_at,
        "format": state[f"{prefix}format"],
        "decision_by": state[f"{prefix}decision_by"],
    }
    return Interview(**values)
