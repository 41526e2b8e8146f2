"""The journey's progress indicator and its "next step" button, on every step's page.

The chosen application and interview are widgets kept for the whole session
(ui/interview_picker.py), so the page a link opens shows the same interview.
"""

from __future__ import annotations

import streamlit as st

from followup import journey
from followup.journey import Progress, Step
from followup.model import Application, DebriefNotes, Interview, Interviewer, Letter
from followup.store import Store

PAGES = {
    Step.CLOSE: "pages/close_interview.py",
    Step.DEBRIEF: "pages/debrief.py",
    Step.LETTERS: "pages/letters.py",
    Step.PLAN: "pages/plan.py",
    Step.OUTCOME: "pages/outcome.py",
}
DONE_ICON = ":material/check_circle:"
TO_DO_ICON = ":material/radio_button_unchecked:"


def load_progress(
    store: Store,
    application: Application,
    interview: Interview,
    *,
    people: list[Interviewer] | None = None,
    notes: dict[int, DebriefNotes] | None = None,
    letters: list[Letter] | None = None,
) -> Progress:
    """The journey's progress; a page that has already read the panel passes it instead of reading it again."""
    return journey.progress(
        application,
        interview,
        store.list_interviewers(interview.id) if people is None else people,
        store.list_notes(interview.id) if notes is None else notes,
        store.list_letters(application.id) if letters is None else letters,
        store.list_actions(application.id),
    )


def show_progress(progress: Progress, current: Step) -> None:
    """Every step of the journey for this interview: done or not, each a link to its page."""
    total = len(progress.steps)
    st.progress(
        progress.done_count / total, text=f"{progress.done_count} of {total} steps done for this interview"
    )
    with st.container(horizontal=True, gap="small", key="journey-steps"):
        for state in progress.steps:
            label = f"{state.step.number} · {state.step.title}"
            st.page_link(
                PAGES[state.step],
                label=f"**{label}**" if state.step is current else label,
                icon=DONE_ICON if state.done else TO_DO_ICON,
                help=("Done: " if state.done else "To do: ") + state.detail,
            )
    here = progress.state(current)
    st.caption(("Done · " if here.done else "") + here.detail)


def next_step_button(progress: Progress, current: Step) -> None:
    """One large button to the next step that is not done yet."""
    target = progress.next_step(after=current)
    here = progress.state(current)
    if target is None:
        if here.done:
            st.success("Every step is done for this interview. Well done.", icon=":material/celebration:")
        else:
            st.info(f"Only this step is left: {here.detail.lower()}.", icon=":material/flag:")
        return
    if not here.done:
        st.caption(
            f"This step is not finished yet ({here.detail.lower()}). "
            "You can come back to it at any time: everything is saved."
        )
    if st.button(
        f"Next: {target.number} · {target.title}",
        key="journey-next",
        type="primary",
        icon=":material/arrow_forward:",
        width="stretch",
    ):
        st.switch_page(PAGES[target])
