"""Follow-up plan: what to do next for one application, the words to use, and a one-click log."""

from __future__ import annotations

from datetime import date

import streamlit as st

from followup import clock, guide, planning, validation
from followup.calendar_export import build_ics
from followup.errors import FollowupError, ValidationFailed
from followup.letters import scripts
from followup.model import Action, ActionKind, ActionStatus, AttemptOutcome, Channel, Status
from ui import errors, session, settings_panel
from ui.history import history
from ui.text import md

store = session.store()
session.show_flash()
st.title("Follow-up plan")

P = "plan-"
_PROBLEM = f"{P}problem"
_CHANGED = f"{P}changed"
_WARNING = f"{P}warning"

# On the buttons, the user speaks: "Done", "I withdrew".
OUTCOME = {**guide.ATTEMPT_OUTCOME, AttemptOutcome.SENT: "Done", AttemptOutcome.WITHDREW: "I withdrew"}
# A status check in writing cannot go to voicemail; "sent" is its unanswered attempt.
SENT_CHECK = "Sent, no reply yet"
# The answers that come with a date: a new decision date, or when they want your answer to an offer.
_DATED = (AttemptOutcome.SPOKE_STILL_DECIDING, AttemptOutcome.OFFER)
_ANSWERS = (
    AttemptOutcome.SPOKE_STILL_DECIDING,
    AttemptOutcome.SPOKE_NEXT_ROUND,
    AttemptOutcome.OFFER,
    AttemptOutcome.REJECTION,
    AttemptOutcome.WITHDREW,
)
# Where nothing is left to plan, a word on what the ending means (DOMAIN steps 5a-5d).
_ENDED = {
    Status.OFFER: "An offer: nothing left to chase. Answer them, and thank everyone who helped you.",
    Status.WITHDRAWN: "You withdrew. Make sure they heard it from you clearly; nothing else is planned.",
    Status.CLOSED_WITHOUT_ANSWER: (
        "Closed without an answer: presume there is no offer and put your energy elsewhere. "
        "A short stay-in-touch note later does no harm."
    ),
}


def _day(day: date) -> str:
    text = f"{day:%a} {day.day} {day:%b}"
    return text if day.year == clock.today().year else f"{text} {day.year}"


def _what(action: Action) -> str:
    attempt = f" (attempt {action.attempt})" if action.attempt else ""
    return guide.ACTION_KIND[action.kind] + attempt


def _who(action: Action) -> str:
    if action.recipient:
        return action.recipient
    # A status check needs a person: say so rather than address it to nobody.
    return (
        "no contact yet" if action.kind in (ActionKind.STATUS_CHECK, ActionKind.CLOSE) else "the hiring team"
    )


def _outcome_text(action: Action) -> str:
    if action.status is ActionStatus.SKIPPED:
        return "Skipped"
    if action.outcome is AttemptOutcome.SENT and action.kind is ActionKind.STATUS_CHECK:
        return SENT_CHECK
    return OUTCOME.get(action.outcome, "Done")


def _due_badge(due: date) -> None:
    words = scripts.due_in_words(due, clock.today())
    if due < clock.today():
        st.badge(words, color="orange", icon=":material/warning:")
    elif due == clock.today():
        st.badge(words, color="blue", icon=":material/today:")
    else:
        st.badge(words, color="gray")


def _problem_text(error: FollowupError) -> str:
    if isinstance(error, ValidationFailed):
        return " ".join(error.errors.values())
    return str(error)


# -- what the buttons do ---------------------------------------------------------


def _apply(change, action: Action, done: str, status_before: Status, warning: str = "") -> None:
    """Run one use case (one transaction) and say what it changed, or keep the problem to show."""
    try:
        planned = change()
        status_after = store.get_application(action.application_id).status
    except FollowupError as error:
        st.session_state[_PROBLEM] = _problem_text(error)
        return
    st.session_state.pop(_PROBLEM, None)
    if warning:
        st.session_state[_WARNING] = warning
    parts = [done]
    if status_after is not status_before:
        parts.append(f"The application is now marked “{guide.STATUS[status_after]}”.")
    same_kind = [a for a in planned if a.kind is action.kind]
    if action.kind is ActionKind.STATUS_CHECK and same_kind:
        parts.append(f"Next status check: {_day(same_kind[0].due)}.")
    elif planned:
        parts.append(f"Next: {_what(planned[0])} for {_who(planned[0])}, {_day(planned[0].due)}.")
    else:
        parts.append("Nothing else is planned.")
    st.session_state[_CHANGED] = " ".join(parts)


@errors.guarded
def _log(action: Action, outcome: AttemptOutcome, label: str, status_before: Status) -> None:
    on = st.session_state.get(f"{P}on-{action.id}") or clock.today()
    decision_by = st.session_state.get(f"{P}decision-{action.id}") if outcome in _DATED else None
    warning = ""
    if outcome.unanswered:
        try:
            promise = planning.too_early(store, action, on)
        except FollowupError:
            promise = None  # the log below reports what went wrong
        if promise is not None:
            warning = (
                f"They promised news by {_day(promise)}, and this check came before that had passed: "
                f"a call too early can look impatient ({guide.cite(['004'])}). The next check waits "
                "until the promised date has passed."
            )
    _apply(
        lambda: planning.log_attempt(store, action, outcome, on=on, decision_by=decision_by),
        action,
        f"Logged “{label}” on {_day(on)}.",
        status_before,
        warning,
    )


@errors.guarded
def _skip(action: Action, status_before: Status) -> None:
    _apply(lambda: planning.skip(store, action), action, f"Skipped: {_what(action)}.", status_before)


@errors.guarded
def _move(action: Action, key: str) -> None:
    new_due = st.session_state.get(key)
    if new_due is None or new_due == action.due:
        return
    try:
        planned = planning.reschedule(store, action, new_due)
        warnings = planning.timing_warnings(store, action, new_due)
    except FollowupError as error:
        st.session_state[_PROBLEM] = _problem_text(error)
        return
    st.session_state.pop(_PROBLEM, None)
    said = f"Moved “{_what(action)}” to {_day(new_due)}. It stays there, marked as moved by hand."
    if action.kind is ActionKind.STATUS_CHECK:
        after = [
            a for a in planned if a.kind in (ActionKind.STATUS_CHECK, ActionKind.CLOSE) and a.due > new_due
        ]
        if after:
            said += f" What follows moved with it, keeping its spacing: next, {_what(after[0])} on {_day(after[0].due)}."
    st.session_state[_CHANGED] = said
    if warnings:
        st.session_state[_WARNING] = " ".join(warnings)


@errors.guarded
def _recompute(application_id: int) -> None:
    try:
        planned = planning.replan(store, application_id)
    except FollowupError as error:
        st.session_state[_PROBLEM] = _problem_text(error)
        return
    st.session_state.pop(_PROBLEM, None)
    count = len(planned)
    st.session_state[_CHANGED] = f"Plan recomputed: {count} action{'s' if count != 1 else ''} planned."


def _show_what_happened() -> None:
    """The outcome of the last click, shown once, before anything that may end the page."""
    problem = st.session_state.pop(_PROBLEM, None)
    if problem:
        st.error(md(problem), icon=":material/error:")
    changed = st.session_state.pop(_CHANGED, None)
    if changed:
        st.success(md(changed), icon=":material/check_circle:")
    warning = st.session_state.pop(_WARNING, None)
    if warning:
        st.warning(md(warning), icon=":material/schedule:")


# -- the page ----------------------------------------------------------------------

applications = store.list_applications()
if not applications:
    session.link_not_found(applications)
    _show_what_happened()
    st.info("No applications yet: add the one you interviewed for first.", icon=":material/info:")
    st.page_link("pages/applications.py", label="Go to Applications", icon=":material/work:")
    st.stop()

current = session.pick_application(applications)
st.caption(md(settings_panel.summary(store)))
# Open after a problem, or when a link asked for the settings.
with st.expander(
    "Plan settings",
    icon=":material/tune:",
    expanded=settings_panel.PROBLEM in st.session_state or st.session_state.pop(settings_panel.OPEN, False),
):
    settings_panel.settings_panel(store)

interview = planning.latest_interview(store, current.id)
if interview is None:
    _show_what_happened()
    st.info(
        f"No interview is recorded for {md(current.company)} yet. The plan starts from the "
        "interview: add it, with the interviewers' business cards, and the plan appears here.",
        icon=":material/event_busy:",
    )
    left, right = st.columns(2)
    left.page_link("pages/close_interview.py", label="Close the interview", icon=":material/handshake:")
    right.page_link("pages/applications.py", label="Applications", icon=":material/work:")
    st.stop()

try:
    # The plan that follows from everything saved, wherever it was saved; written only when it changed.
    planning.refresh(store, current.id)
except FollowupError as error:
    st.error(md(_problem_text(error)), icon=":material/error:")
actions = store.list_actions(current.id)

st.caption(
    md(
        f"Interview round {interview.round} on {_day(interview.starts_at.date())} · "
        f"{guide.STATUS[current.status]}"
    )
)
_show_what_happened()

planned = [a for a in actions if a.status is ActionStatus.PLANNED]
done = sorted(
    (a for a in actions if a.status is not ActionStatus.PLANNED),
    key=lambda a: (a.done_on or a.due, a.id or 0),
    reverse=True,
)
interviewers = store.list_interviewers(interview.id)
people = {p.id: p for p in interviewers}
context = scripts.Context(
    current, interview, tuple(interviewers), store.get_settings(), tuple(store.list_letters(current.id))
)


def _next_up(action: Action) -> None:
    with st.container(border=True, key=f"{P}next-up"):
        st.header("Next up", anchor=False)
        st.markdown(
            f"**{md(_what(action))}** for **{md(_who(action))}** · {md(guide.CHANNEL[action.channel])}"
        )
        person = people.get(action.interviewer_id)
        contact = (
            {Channel.PHONE: person.phone, Channel.EMAIL: person.email}.get(action.channel) if person else ""
        )
        with st.container(horizontal=True, vertical_alignment="center"):
            st.markdown(f"Due **{_day(action.due)}**", width="content")
            _due_badge(action.due)
            if contact:
                st.markdown(md(contact), width="content")
        st.caption(f":material/lightbulb: {md(action.why)}")

        call, voicemail = scripts.call_scripts(action, context) or (None, None)
        if call:
            if not context.settings.signature.strip():
                st.caption("Add your name under **Plan settings** above and the scripts will introduce you.")
            on_call, on_voicemail = st.tabs(["Call script", "Voicemail script"])
            on_call.markdown("\n\n".join(md(line) for line in call.body.splitlines() if line.strip()))
            on_voicemail.markdown(
                "\n\n".join(md(line) for line in voicemail.body.splitlines() if line.strip())
            )
        subject = scripts.letter_subject(action, context)
        if subject:
            with st.container(horizontal=True, vertical_alignment="center"):
                st.markdown(f"Subject: *{md(subject)}*", width="content")
                st.page_link("pages/letters.py", label="Write it on the Letters page", icon=":material/mail:")

        st.markdown("**What happened?**")
        if action.kind is ActionKind.STATUS_CHECK:
            with st.container(horizontal=True):
                st.date_input(
                    "Logged on",
                    value=clock.today(),
                    min_value=validation.EARLIEST_DATE,
                    max_value=clock.today(),
                    key=f"{P}on-{action.id}",
                    width=200,
                )
                st.date_input(
                    "Date they named, if any (a new decision date, or when they want your answer to an offer)",
                    value=None,
                    min_value=validation.EARLIEST_DATE,
                    max_value=validation.LATEST_DATE,
                    key=f"{P}decision-{action.id}",
                    width=380,
                )
            if action.channel is Channel.PHONE:
                choices = [
                    (AttemptOutcome.NO_ANSWER, OUTCOME[AttemptOutcome.NO_ANSWER]),
                    (AttemptOutcome.LEFT_VOICEMAIL, OUTCOME[AttemptOutcome.LEFT_VOICEMAIL]),
                ]
            else:
                choices = [(AttemptOutcome.SENT, SENT_CHECK)]
            choices += [(outcome, OUTCOME[outcome]) for outcome in _ANSWERS]
            with st.container(horizontal=True):
                for outcome, label in choices:
                    st.button(
                        label,
                        key=f"{P}log-{action.id}-{outcome}",
                        on_click=_log,
                        args=(action, outcome, label, current.status),
                    )
        else:
            with st.container(horizontal=True, vertical_alignment="bottom"):
                st.date_input(
                    "Done on",
                    value=clock.today(),
                    min_value=validation.EARLIEST_DATE,
                    max_value=clock.today(),
                    key=f"{P}on-{action.id}",
                    width=200,
                )
                st.button(
                    "Done",
                    key=f"{P}done-{action.id}",
                    type="primary",
                    icon=":material/check:",
                    on_click=_log,
                    args=(action, AttemptOutcome.SENT, "Done", current.status),
                )
                st.button(
                    "Skip",
                    key=f"{P}skip-{action.id}",
                    icon=":material/redo:",
                    on_click=_skip,
                    args=(action, current.status),
                )


def _upcoming(action: Action) -> None:
    with st.container(border=True):
        when, what, move = st.columns([2, 6, 2], vertical_alignment="center")
        with when:
            st.markdown(f"**{_day(action.due)}**")
            _due_badge(action.due)
        with what:
            st.markdown(f"**{md(_what(action))}** · {md(_who(action))} · {md(guide.CHANNEL[action.channel])}")
            if action.manual:
                st.badge("moved by hand", color="violet", icon=":material/edit_calendar:")
            st.caption(md(action.why))
        key = f"{P}move-{action.id}-{action.due}"
        move.date_input(
            "Move to",
            value=action.due,
            min_value=min(action.due, clock.today()),
            max_value=validation.LATEST_DATE,
            key=key,
            on_change=_move,
            args=(action, key),
        )


def _no_contact() -> None:
    """Status checks need a person: without a business card, ask for one instead of writing to nobody."""
    with st.container(border=True, key=f"{P}no-contact"):
        st.warning(
            "**Who should you follow up with?** No business card is recorded for this interview, so the "
            "status checks below have nobody to go to. Add the card of the person you met (a name, and "
            "an email or a phone number): the checks go to them.",
            icon=":material/person_search:",
        )
        st.page_link(
            "pages/close_interview.py",
            label="Add a business card on Close the interview",
            icon=":material/badge:",
        )


def _what_they_said() -> None:
    """The answers from the close of the interview, where the user checks in: what to ask about."""
    said = [
        ("When they decide, and how you will hear", interview.decision_timeline),
        ("What has to happen before an offer", interview.next_steps),
        ("A next round", interview.second_round),
        ("What they asked you for", interview.anything_else),
    ]
    said = [(label, text.strip()) for label, text in said if text.strip()]
    if not said:
        return
    with st.expander("What they told you at the close", icon=":material/record_voice_over:"):
        st.caption("Worth a glance before you call or write: ask how far along these are.")
        st.markdown("\n".join(f"- **{label}:** {md(text)}" for label, text in said))


if (
    planned
    and not interviewers
    and any(a.kind in (ActionKind.STATUS_CHECK, ActionKind.CLOSE) for a in planned)
):
    _no_contact()
if planned:
    _next_up(planned[0])
    _what_they_said()
else:
    st.info(
        _ENDED.get(current.status, "Nothing is planned for this application right now."),
        icon=":material/event_available:",
    )

with st.container(horizontal=True, vertical_alignment="center"):
    st.button(
        "Recompute the plan",
        icon=":material/refresh:",
        on_click=_recompute,
        args=(current.id,),
        help="The plan already follows every change you save, here and on the other pages. "
        "This plans again from the interview, its interviewers and what you logged; "
        "actions you moved by hand stay where you put them.",
    )
    st.download_button(
        "This application (.ics)",
        data=lambda: build_ics(planning.calendar_entries(store, current.id)),
        file_name=f"followup-{current.id}.ics",
        mime="text/calendar",
        on_click="ignore",
        icon=":material/calendar_add_on:",
    )
    st.download_button(
        "All applications (.ics)",
        data=lambda: build_ics(planning.calendar_entries(store)),
        file_name="followup-all.ics",
        mime="text/calendar",
        on_click="ignore",
        icon=":material/calendar_month:",
    )
st.caption(
    "The calendar file holds one all-day event with a 9:00 reminder per planned action. "
    "Import a newer file again and your calendar moves the events instead of adding copies."
)

if planned:
    st.header("Upcoming", anchor=False)
    for action in planned:
        _upcoming(action)

if done:
    st.header("Done", anchor=False)
    history(
        (
            a.done_on or a.due,
            [
                _what(a),
                _who(a),
                _outcome_text(a),
                f"new decision date {a.decision_by:%a %d %b %Y}" if a.decision_by else None,
                a.outcome_note,
            ],
        )
        for a in done
    )
