"""Outcome: how an application ended (or came back to life), what to do next, and where to do it.

The letters are written on the Letters page and the actions kept on the
follow-up plan; this page records the outcome and opens both at the right place.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from followup import clock, guide, outcome, planning, validation
from followup.errors import FollowupError, ValidationFailed
from followup.journey import Step
from followup.letters import KIND_LABELS, scripts
from followup.model import Action, ActionStatus, AttemptOutcome, Channel, Interviewer, LetterKind
from ui import session
from ui.forms import errors_for, field_error, forget, form_problem, prefix_for, set_errors
from ui.history import history
from ui.journey import PAGES, load_progress, show_progress
from ui.letter_editor import choose_letter, open_chosen_letter
from ui.text import md

store = session.store()
open_chosen_letter()
session.show_flash()
st.title("Outcome")

P = "outcome-"
_CHANGED = f"{P}changed"
SOMEONE_ELSE = "someone else"
_NOTE_HINTS = {
    AttemptOutcome.OFFER: "e.g. the salary and start date they offered, and when they need your answer",
    AttemptOutcome.REJECTION: "e.g. the reason they gave, if any",
    AttemptOutcome.WITHDREW: "e.g. why you changed your mind (for you only)",
    AttemptOutcome.GAVE_UP: "e.g. no reply to four calls and two emails",
    AttemptOutcome.BACK_IN_RUNNING: "e.g. the person they hired left; they want to talk again",
}


def _day(day: date) -> str:
    text = f"{day:%a} {day.day} {day:%b}"
    return text if day.year == clock.today().year else f"{text} {day.year}"


def _who_options(people: list[Interviewer]) -> list:
    return [p.id for p in people] + [SOMEONE_ELSE]


def _record(application_id: int, base: str, prefix: str) -> None:
    """Save the outcome (one transaction with the new stage and plan), or keep the problems to show."""
    state = st.session_state
    settled = state.get(f"{prefix}kind")
    if settled is None:
        set_errors(prefix, {"outcome": "Choose what happened first."})
        return
    about = outcome.GUIDES[settled]
    who = state.get(f"{prefix}who") if settled is not AttemptOutcome.GAVE_UP else None
    try:
        result = planning.record_outcome(
            store,
            application_id,
            settled,
            on=state.get(f"{prefix}on") or clock.today(),
            who_interviewer_id=who if isinstance(who, int) else None,
            who_text=state.get(f"{prefix}who-text", "") if who == SOMEONE_ELSE else "",
            note=state.get(f"{prefix}note", ""),
            channel=state.get(f"{prefix}how") if about.from_them else None,
            answer_by=state.get(f"{prefix}answer-by") if settled is AttemptOutcome.OFFER else None,
        )
    except ValidationFailed as error:
        set_errors(prefix, error.errors)
        return
    except FollowupError as error:
        set_errors(prefix, {"_form": str(error)})
        return
    forget(base)
    said = f"Recorded: {about.label.lower()} on {_day(result.recorded.done_on)}."
    if result.superseded:
        later = outcome.guide_for(result.standing)
        state[_CHANGED] = (
            f"{said} It is in the history, but the later {later.label.lower()} of "
            f"{_day(result.standing.done_on)} still stands, so the stage and the plan stay as they were."
        )
        return
    count = len(result.planned)
    steps = f"{count} next step{'s' if count != 1 else ''} planned" if count else "nothing more is planned"
    state[_CHANGED] = f"{said} The stage is now “{guide.STATUS[result.status]}”; {steps}."


def _next_steps(planned: list[Action]) -> None:
    if not planned:
        st.caption("Nothing is planned for this application now.")
        return
    for action in planned:
        with st.container(border=True):
            when, what = st.columns([2, 8], vertical_alignment="center")
            when.markdown(f"**{_day(action.due)}**")
            who = action.recipient or "the hiring team"
            what.markdown(
                f"**{md(guide.ACTION_KIND[action.kind])}** · {md(who)} · {md(guide.CHANNEL[action.channel])}"
            )
            what.caption(md(action.why))


def _letter_buttons(
    about: outcome.OutcomeGuide, planned: list[Action], interview_id: int, people: list[Interviewer]
) -> None:
    """One button per letter the outcome calls for; each opens it on the Letters page, ready to draft."""
    panel = {p.id for p in people}
    for kind in about.letters:
        action = next((a for a in planned if scripts.letter_kind(a) is kind), None)
        person = action.interviewer_id if action and action.interviewer_id in panel else None
        if person is None and people:
            person = people[0].id
        hint = f"Planned for {_day(action.due)}." if action else "Up to you: it is not in the plan."
        if kind is LetterKind.OFFER_THANKS:
            hint += " The Letters page has a tab per interviewer, each with a letter of their own."
        st.button(
            f"Write the {KIND_LABELS[kind]}",
            key=f"{P}letter-{kind}",
            icon=":material/edit:",
            help=hint,
            type="primary" if action else "secondary",
            on_click=choose_letter,
            args=(interview_id, kind, person),
        )


def _what_to_do(about: outcome.OutcomeGuide, decision: outcome.Decision, planned: list[Action]) -> None:
    st.header(f"{about.label}: what to do now", anchor=False)
    who = ""
    if decision.who:
        who = f" · from {md(decision.who)}" if about.from_them else f" · for {md(decision.who)}"
    st.caption(f"{_day(decision.on)}{who} · {md(decision.how)}")
    st.markdown("\n".join(f"- {line}" for line in about.advice))
    st.caption(f":material/menu_book: {md(guide.sources_line(about.sources))}, in our words.")
    st.page_link("pages/sources.py", label="About the sources", icon=":material/menu_book:")
    if about.outcome is AttemptOutcome.WITHDREW:
        with st.container(border=True, key=f"{P}guessing"):
            st.markdown("**Why leaving them guessing burns a bridge**")
            st.markdown(outcome.LEAVING_THEM_GUESSING)
    st.markdown("**Next steps**")
    _next_steps(planned)


def _form(application_id: int, interview_day: date, people: list[Interviewer]) -> None:
    base = f"{P}form-{application_id}-"
    prefix = prefix_for(base)
    errors = errors_for(prefix)
    settled = st.radio(
        "What happened?",
        list(outcome.GUIDES),
        index=None,
        format_func=lambda choice: outcome.GUIDES[choice].label,
        captions=[g.description for g in outcome.GUIDES.values()],
        key=f"{prefix}kind",
    )
    field_error(errors, "outcome")
    if settled is None:
        return
    about = outcome.GUIDES[settled]
    today = clock.today()
    st.date_input(
        "When" if about.from_them else "When you decided",
        value=today,
        min_value=interview_day,
        max_value=today,
        key=f"{prefix}on",
        format="YYYY-MM-DD",
        width=200,
    )
    field_error(errors, "on")
    if settled is not AttemptOutcome.GAVE_UP:
        by_id = {p.id: p for p in people}
        label = "Who told you" if about.from_them else "Who should hear it from you"
        who = st.selectbox(
            label,
            _who_options(people),
            format_func=lambda choice: by_id[choice].name if choice in by_id else "Someone else",
            key=f"{prefix}who",
            help="The letters that follow go to this person. Your main contact, the first interviewer "
            "on your list, is chosen unless you pick someone else.",
        )
        if who == SOMEONE_ELSE:
            st.text_input(
                "Their name and role",
                key=f"{prefix}who-text",
                max_chars=validation.MAX_NAME,
                placeholder="e.g. Jo Smith, recruiter",
            )
        field_error(errors, "who")
    if settled is AttemptOutcome.OFFER:
        st.date_input(
            "They want your answer by (if they said)",
            value=None,
            min_value=interview_day,
            key=f"{prefix}answer-by",
            format="YYYY-MM-DD",
            width=300,
            help="The plan puts answering the offer (accept, negotiate or ask for time) on this day; "
            "without a date, within two business days.",
        )
        field_error(errors, "answer_by")
    if about.from_them:
        st.segmented_control(
            "How did it reach you?",
            list(Channel),
            format_func=guide.CHANNEL.get,
            default=Channel.PHONE,
            key=f"{prefix}how",
        )
    st.text_area(
        "Note (optional)",
        key=f"{prefix}note",
        placeholder=_NOTE_HINTS[settled],
        height=90,
        max_chars=validation.MAX_TEXT,
    )
    field_error(errors, "note")
    form_problem(prefix)
    st.button(
        f"Record: {about.label.lower()}",
        key=f"{prefix}save",
        type="primary",
        icon=":material/flag:",
        on_click=_record,
        args=(application_id, base, prefix),
    )


def _history(entries: list[outcome.Decision]) -> None:
    st.header("History", anchor=False)
    if not entries:
        st.caption("No outcome yet: the application is still open.")
        return
    history((d.on, [d.label, d.who, d.note, d.how]) for d in entries)
    if len(entries) > 1:
        st.caption("The latest outcome sets the stage and the plan; earlier ones stay here.")


# -- the page ----------------------------------------------------------------------

applications = store.list_applications()
if not applications:
    session.link_not_found(applications)
    st.info("No applications yet: add the one you interviewed for first.", icon=":material/info:")
    st.page_link("pages/applications.py", label="Go to Applications", icon=":material/work:")
    st.stop()

current = session.pick_application(applications)
interview = planning.latest_interview(store, current.id)
if interview is None:
    st.info(
        f"No interview is recorded for {md(current.company)} yet. An outcome answers an interview: "
        "record the interview first.",
        icon=":material/event_busy:",
    )
    st.page_link(PAGES[Step.CLOSE], label="Close the interview", icon=":material/handshake:")
    st.stop()

show_progress(load_progress(store, current, interview), Step.OUTCOME)
actions = store.list_actions(current.id)
people = store.list_interviewers(interview.id)
entries = outcome.history(actions)
planned = [a for a in actions if a.status is ActionStatus.PLANNED]
interview_day = interview.starts_at.date()

st.markdown(f"Stage: **{md(outcome.stage_label(current, actions))}**")
changed = st.session_state.pop(_CHANGED, None)
if changed:
    st.success(changed, icon=":material/check_circle:")

# An outcome from before the latest interview was overtaken by that round.
standing = entries[0] if entries and entries[0].on >= interview_day else None
if standing is None:
    st.info(
        "No answer yet. The follow-up plan keeps checking in at a polite pace; record the outcome here "
        "as soon as you have one, or when you decide to stop.",
        icon=":material/hourglass_top:",
    )
else:
    about = outcome.GUIDES[standing.outcome]
    with st.container(border=True, key=f"{P}now"):
        _what_to_do(about, standing, planned)
        with st.container(horizontal=True, vertical_alignment="center"):
            _letter_buttons(about, planned, interview.id, people)
            st.page_link(PAGES[Step.PLAN], label="Open the follow-up plan", icon=":material/event_upcoming:")
            if standing.outcome is AttemptOutcome.BACK_IN_RUNNING:
                st.page_link(PAGES[Step.CLOSE], label="Record a new interview", icon=":material/add:")

with st.container(border=True, key=f"{P}record"):
    st.header("Change the outcome" if entries else "Record the outcome", anchor=False)
    if interview_day > clock.today():
        st.caption(
            f"The interview is on {_day(interview_day)}: its outcome can be recorded from that day on."
        )
    else:
        if entries:
            st.caption("A new outcome does not erase the earlier ones: they stay in the history below.")
        _form(current.id, interview_day, people)

_history(entries)
