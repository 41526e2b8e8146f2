"""Debrief: notes on each interviewer, written while the conversation is fresh."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from followup import clock, validation
from followup.journey import DEBRIEF_PROMPTS, Step, debrief_nudge
from followup.letters.compose import handwritten_note_planned, uses
from ui import note_preview, session
from ui.forms import Autosave
from ui.interview_picker import pick_interview
from ui.journey import PAGES, load_progress, next_step_button, show_progress
from ui.text import md

store = session.store()
session.show_flash()
st.title("Debrief")
st.caption(
    "For each person you met: what landed, what worried them, what to send. "
    "Your thank-you letters are built from these notes, one different letter per person: beside each "
    "note you see the sentence it makes, or why it stays private."
)

picked = pick_interview(store)
if picked is None:
    st.stop()
application, interview = picked
interviewers = store.list_interviewers(interview.id)
all_notes = store.list_notes(interview.id)
progress = load_progress(store, application, interview, people=interviewers, notes=all_notes)
show_progress(progress, Step.DEBRIEF)

st.info(debrief_nudge(interview.starts_at, clock.now()), icon=":material/timer:")

if not interviewers:
    st.warning(
        "No interviewers recorded for this interview yet. Add a business card for each person you met "
        "first; then come back to write about each of them.",
        icon=":material/badge:",
    )
    st.page_link(PAGES[Step.CLOSE], label="Add their business cards", icon=":material/arrow_back:")
    st.stop()


def _saved(notes) -> str:
    if notes.updated_at is None:
        return ":material/cloud_done: Saved as you go: each note is stored when you leave the field."
    when = (
        f"{notes.updated_at:%H:%M}"
        if notes.updated_at.date() == clock.now().date()
        else f"{notes.updated_at:%d %b, %H:%M}"
    )
    return f":green[:material/cloud_done: Saved at {when}]"


note_planned = handwritten_note_planned(application)
for seat, person in enumerate(interviewers):
    notes = all_notes.get(person.id) or store.get_notes(person.id)
    with st.container(border=True, key=f"debrief-card-{person.id}"):
        st.subheader(md(person.name), anchor=False)
        if person.title:
            st.caption(md(person.title))
        st.caption(_saved(notes))
        fields = []
        for prompt in DEBRIEF_PROMPTS:
            saving = Autosave(
                f"debrief-{person.id}-{prompt.field}-",
                getattr(notes, prompt.field),
                field=prompt.field,
                load=lambda person=person: store.get_notes(person.id),
                save=store.save_notes,
                section=f"debrief-{person.id}",
            )
            fields.append((prompt, saving))
        # The preview reads what is in the boxes now, saved or not yet saved.
        typed = replace(
            notes,
            **{prompt.field: st.session_state.get(saving.key, saving.value) for prompt, saving in fields},
        )
        used = uses(typed, seat=seat, note_planned=note_planned)
        for prompt, saving in fields:
            note, preview = st.columns([3, 2], gap="medium")
            with note:
                saving.draw(
                    st.text_area,
                    prompt.label,
                    placeholder=prompt.placeholder,
                    height=80,
                    max_chars=validation.MAX_TEXT,
                )
                saving.feedback()
            with preview:
                note_preview.show(prompt.field, used, typed, private_prompt=prompt.private)

st.divider()
next_step_button(progress, Step.DEBRIEF)
