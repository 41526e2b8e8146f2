"""Close the interview: the questions to ask before you leave, and a business card for every interviewer."""

from __future__ import annotations

import streamlit as st

from followup import guide, planning, validation
from followup.errors import FollowupError
from followup.journey import CLOSING_QUESTIONS, DECISION, FIELD_PACE_WHY, FORMALITY_WHY, Step
from followup.model import CallsWelcome, Channel, FieldPace, Formality, Interviewer
from ui import session
from ui.application_fields import EARLIEST
from ui.forms import Autosave, confirm_delete, errors_for, field_error, mark_saved, save_checked, saved_note
from ui.interview_picker import pick_interview
from ui.journey import load_progress, next_step_button, show_progress
from ui.text import md

store = session.store()
session.show_flash()
st.title("Close the interview")
st.caption(
    "In the last minutes, ask about their hiring process (not about you) and get a business card "
    "from everyone you met. Type the answers here as soon as you are out of the room."
)

picked = pick_interview(store)
if picked is None:
    st.stop()
application, interview = picked
interviewers = store.list_interviewers(interview.id)
progress = load_progress(store, application, interview, people=interviewers)
show_progress(progress, Step.CLOSE)

# A radio cannot show None as a chosen option, so "no preference" is "" on screen.
CHANNELS = ["", *Channel]
CHANNEL_OPTIONS = {"clean": lambda shown: shown or None, "show": lambda stored: stored or ""}


def _channel_label(channel: str) -> str:
    return guide.CHANNEL[channel] if channel else "No preference / not asked"


# -- the questions -------------------------------------------------------------

QUESTIONS = f"close-questions-{interview.id}"


def _interview_field(field: str, **options) -> Autosave:
    return Autosave(
        f"close-interview-{interview.id}-{field}-",
        getattr(interview, field),
        field=field,
        load=lambda: store.get_interview(interview.id),
        save=lambda record: planning.save_interview(store, record),
        validate=validation.validate_interview,
        section=QUESTIONS,
        **options,
    )


def _read_timeline(record) -> None:
    """Turn their words into the decision date when we can read them."""
    read = planning.read_timeline(store, record.decision_timeline, record.starts_at.date())
    if read is not None:
        record.decision_by = read.day


st.subheader("Ask before you leave")
saved_note(QUESTIONS)
for question in CLOSING_QUESTIONS:
    with st.container(border=True):
        st.markdown(f"**{question.ask}**")
        st.caption(question.why)
        if question is DECISION:
            words = _interview_field(question.field, clean=str.strip, also=_read_timeline)
            words.draw(
                st.text_input, "Their words", placeholder=question.placeholder, max_chars=validation.MAX_TEXT
            )
            words.feedback()
            read = planning.read_timeline(store, interview.decision_timeline, interview.starts_at.date())
            if interview.decision_timeline and read is None:
                st.caption("We could not turn those words into a date. If they named a day, pick it below.")
            elif read is not None and read.day == interview.decision_by:
                off = f" ({read.named:%A %d %B} is not a working day)" if read.moved else ""
                st.caption(
                    f":material/event: Read as **{read.day:%A %d %B %Y}**{off}. "
                    "Change the date below if they meant another day."
                )
            day = _interview_field("decision_by")
            day.draw(
                st.date_input,
                "Expect news by",
                min_value=EARLIEST,
                max_value=validation.LATEST_DATE,
                format="YYYY-MM-DD",
            )
            day.feedback()
        elif question.field == "calls_welcome":
            calls = _interview_field("calls_welcome")
            calls.draw(
                st.radio,
                question.ask,
                list(CallsWelcome),
                format_func=guide.CALLS_WELCOME.get,
                label_visibility="collapsed",
            )
            calls.feedback()
        elif question.field == "preferred_channel":
            channel = _interview_field("preferred_channel", **CHANNEL_OPTIONS)
            channel.draw(
                st.radio,
                question.ask,
                CHANNELS,
                format_func=_channel_label,
                label_visibility="collapsed",
                horizontal=True,
            )
            channel.feedback()
        else:
            answer = _interview_field(question.field)
            answer.draw(
                st.text_area,
                question.ask,
                placeholder=question.placeholder,
                height=80,
                max_chars=validation.MAX_TEXT,
                label_visibility="collapsed",
            )
            answer.feedback()

# -- a business card from every interviewer ---------------------------------------

CARDS = f"close-cards-{interview.id}"
st.subheader("A business card from everyone you met")
st.caption(
    "Everyone gets their own thank-you letter, so ask each person for a card, "
    "even the one who only sat in. No card? Ask for their email before you go."
)
saved_note(CARDS, "Saved as you go: each detail is stored when you leave the field.")

if not interviewers:
    st.info("No interviewers yet: add the first one below.", icon=":material/badge:")


def _card_field(person: Interviewer, field: str, **options) -> Autosave:
    return Autosave(
        f"close-interviewer-{person.id}-{field}-",
        getattr(person, field),
        field=field,
        load=lambda: store.get_interviewer(person.id),
        save=lambda record: planning.save_interviewer(store, record),
        validate=validation.validate_interviewer,
        section=CARDS,
        **options,
    )


def _text_field(person: Interviewer, field: str, label: str, **widget) -> None:
    saving = _card_field(person, field, clean=str.strip)
    saving.draw(st.text_input, label, **widget)
    saving.feedback()


for person in interviewers:
    with st.container(border=True, key=f"close-card-{person.id}"):
        st.markdown(f"#### :material/badge: {md(person.name)}")
        if person.title:
            st.caption(md(person.title))
        _text_field(person, "name", "Name *", max_chars=validation.MAX_NAME)
        _text_field(person, "title", "Title", max_chars=validation.MAX_NAME)
        _text_field(
            person, "salutation", "Salutation (formal letters)", max_chars=40, placeholder="e.g. Ms., Dr."
        )
        _text_field(person, "email", "Email", max_chars=320, placeholder="e.g. name@company.com")
        _text_field(person, "phone", "Phone", max_chars=40, placeholder="e.g. +1 415 555 0100")
        preferred = _card_field(person, "preferred_channel", **CHANNEL_OPTIONS)
        preferred.draw(
            st.radio, "Prefers to be contacted by", CHANNELS, format_func=_channel_label, horizontal=True
        )
        preferred.feedback()
        for warning in validation.contact_warnings(person):
            st.warning(warning, icon=":material/warning:")

        def _remove(person=person) -> None:
            try:
                planning.remove_interviewer(store, person)
            except FollowupError as error:
                session.flash(f"Not removed: {error}")
                return
            mark_saved(CARDS)
            session.flash(f"Removed {person.name}.")

        confirm_delete(
            f"close-remove-{person.id}",
            "Remove this interviewer…",
            f"Remove **{md(person.name)}** and the notes you wrote about them? This cannot be undone.",
            _remove,
        )

NEW_PERSON = f"close-new-interviewer-{interview.id}-"


def _add_interviewer() -> None:
    """Create the card as soon as there is a name; the rest is filled in on the card."""
    name = st.session_state[f"{NEW_PERSON}name"].strip()
    if not name:
        return
    person = Interviewer(interview_id=interview.id, name=name)
    if not save_checked(
        NEW_PERSON,
        validation.validate_interviewer(person),
        lambda: planning.add_interviewer(store, person),
        problem_field="name",
    ):
        return
    st.session_state[f"{NEW_PERSON}name"] = ""
    mark_saved(CARDS)
    session.flash(f"Added {name}. Fill in their card: title, email, phone.")


with st.container(border=True):
    st.markdown("**:material/person_add: Add an interviewer**")
    st.text_input(
        "Their name",
        key=f"{NEW_PERSON}name",
        on_change=_add_interviewer,
        max_chars=validation.MAX_NAME,
        placeholder="As on their card",
        persist_state="session",
        help="The card is saved as soon as you leave this field; fill in title, email and phone on it.",
    )
    field_error(errors_for(NEW_PERSON), "name")
    st.button(
        "Add interviewer",
        key=f"{NEW_PERSON}add",
        icon=":material/add:",
        width="stretch",
        on_click=_add_interviewer,
    )

# -- the company and the field -----------------------------------------------------

COMPANY = f"close-company-{application.id}"
st.subheader(f"How {md(application.company)} works")
saved_note(COMPANY, "Saved as soon as you choose.")


def _application_field(field: str) -> Autosave:
    return Autosave(
        f"close-application-{application.id}-{field}-",
        getattr(application, field),
        field=field,
        load=lambda: store.get_application(application.id),
        save=lambda record: planning.save_application(store, record),
        validate=validation.validate_application,
        section=COMPANY,
    )


formality = _application_field("formality")
formality.draw(
    st.radio, "Company formality", list(Formality), format_func=guide.FORMALITY.get, horizontal=True
)
st.caption(FORMALITY_WHY)
formality.feedback()
pace = _application_field("field_pace")
pace.draw(st.radio, "Field pace", list(FieldPace), format_func=guide.FIELD_PACE.get, horizontal=True)
st.caption(FIELD_PACE_WHY)
pace.feedback()

st.divider()
next_step_button(progress, Step.CLOSE)
