"""Letters: a different letter for each interviewer, checked, handed to the mail program, and recorded."""

from __future__ import annotations

import streamlit as st

from followup.journey import Step
from ui import session
from ui.interview_picker import pick_interview
from ui.journey import PAGES, load_progress, next_step_button, show_progress
from ui.letter_editor import (
    PER_INTERVIEWER,
    Panel,
    dictionary_editor,
    kind_picker,
    one_per_interviewer,
    signature_hint,
    to_one_person,
)

store = session.store()
session.show_flash()
st.title("Letters")
st.caption(
    "Each draft is built from that person's business card and your debrief notes, in a wording of its own. "
    "Edit freely: it is saved as you go. The checks beside it run before you send."
)

picked = pick_interview(store)
if picked is None:
    st.stop()
application, interview = picked
panel = Panel.load(store, application, interview)
progress = load_progress(
    store, application, interview, people=panel.people, notes=panel.notes, letters=panel.letters
)
show_progress(progress, Step.LETTERS)

if not panel.people:
    st.warning(
        "No interviewers recorded for this interview yet. Add a business card for each person you met; "
        "each of them gets a letter of their own.",
        icon=":material/badge:",
    )
    st.page_link(PAGES[Step.CLOSE], label="Add their business cards", icon=":material/arrow_back:")
    st.stop()

signature_hint(panel.settings)
kind = kind_picker()
dictionary_editor(store, panel.settings)
if kind in PER_INTERVIEWER:
    one_per_interviewer(store, panel, kind)
else:
    to_one_person(store, panel, kind)

st.divider()
next_step_button(progress, Step.LETTERS)
